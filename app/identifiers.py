"""Chinese identifiers with check characters: the unified social credit code (GB 32100-2015)
and the organisation code inside it (GB 11714-1997)."""

from __future__ import annotations

import re

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUE = {char: value for value, char in enumerate(CREDIT_CODE_ALPHABET)}
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
# GB 11714 values its characters 0–9 and A=10 … Z=35, unlike the credit code's alphabet.
_ORGANISATION_VALUE = {char: int(char, 36) for char in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_CREDIT_SHAPE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def credit_code_check_char(first17: str) -> str:
    """The 18th character of a unified social credit code, from its first 17."""
    total = sum(
        _CREDIT_VALUE[char] * weight for char, weight in zip(first17, _CREDIT_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def organisation_code_check_char(first8: str) -> str:
    """The 9th character of an organisation code (组织机构代码), from its first 8."""
    total = sum(
        _ORGANISATION_VALUE[char] * weight
        for char, weight in zip(first8, _ORG_WEIGHTS, strict=True)
    )
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def is_valid_credit_code(code: str) -> bool:
    """Shape and check character of an 18-character unified social credit code."""
    code = code.strip().upper()
    if not _CREDIT_SHAPE.match(code):
        return False
    return credit_code_check_char(code[:17]) == code[17]
