"""Check characters of real Chinese identifiers (published codes of well-known companies)."""

from __future__ import annotations

import pytest

from app.identifiers import is_valid_credit_code, organisation_code_check_char


@pytest.mark.parametrize(
    "code",
    ["91350100M000100Y43", "9144030071526726XG", "91110000802100433B", "911100001000057534"],
)
def test_published_credit_codes_are_valid(code: str) -> None:
    assert is_valid_credit_code(code)
    assert is_valid_credit_code(code.lower())


@pytest.mark.parametrize(
    "code",
    ["91350100M000100Y44", "9144030071526726X", "91110000802100433BX", "9I110000802100433B", ""],
)
def test_a_wrong_check_character_length_or_letter_is_refused(code: str) -> None:
    assert not is_valid_credit_code(code)


@pytest.mark.parametrize(
    ("first8", "check"), [("71526726", "X"), ("M000100Y", "4"), ("80210043", "3")]
)
def test_organisation_code_check_characters(first8: str, check: str) -> None:
    assert organisation_code_check_char(first8) == check
