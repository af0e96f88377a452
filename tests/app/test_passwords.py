"""Passwords: the policy, argon2id hashes for SQLite logins, and SCRAM-SHA-256 verifiers that a
real PostgreSQL 15 server accepts as a login role's password."""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import re
from collections.abc import Callable, Iterator

import psycopg
import pytest
from argon2 import PasswordHasher, Type, extract_parameters
from psycopg import sql
from scram_cluster import ClusterInfo, scram_cluster

from app.errors import ValidationError
from app.passwords import (
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    check_password_policy,
    hash_password,
    needs_rehash,
    saslprep,
    scram_sha256_verifier,
    verify_password,
)

FIXED_SALT = bytes(range(16))
VERIFIER_PATTERN = re.compile(
    r"SCRAM-SHA-256\$(?P<iterations>\d+):(?P<salt>[A-Za-z0-9+/=]+)"
    r"\$(?P<stored_key>[A-Za-z0-9+/=]+):(?P<server_key>[A-Za-z0-9+/=]+)"
)

# The SCRAM-SHA-256 exchange printed in RFC 7677 section 3 (user "user", password "pencil").
RFC7677_SALT = base64.b64decode("W22ZaJ0SNY7soEsUEjb6gQ==")
RFC7677_NONCE = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"
RFC7677_AUTH_MESSAGE = (
    f"n=user,r=rOprNGfwEbeRWgbNEkqO,r={RFC7677_NONCE},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
    f"c=biws,r={RFC7677_NONCE}"
).encode()
RFC7677_CLIENT_PROOF = base64.b64decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
RFC7677_SERVER_SIGNATURE = base64.b64decode("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")

# Passwords that take each road through SASLprep, so the live server proves every road.
LOGIN_PASSWORDS = {
    "ascii": "Passw0rd-ascii",
    "chinese": "密码Passw0rd",
    "full_width_and_ideographic_space": "ｐａｓｓ\u3000ｗｏｒｄ１２３",  # NFKC, space mapping
    "soft_hyphen_mapped_to_nothing": "pass\u00adword密码",
    "private_use_falls_back_to_raw": "\ue000密码Passw0rd",  # prohibited: used unchanged
    "hebrew_mixed_with_latin_falls_back_to_raw": "שלוםPassw0rd",  # breaks the bidi rule
    "greek": "Ελληνικά-κωδικός",
}


def _hmac_sha256(key: bytes, message: bytes) -> bytes:
    return hmac.new(key, message, hashlib.sha256).digest()


def _verifier_keys(verifier: str) -> tuple[bytes, bytes]:
    """(StoredKey, ServerKey) of a verifier."""
    match = VERIFIER_PATTERN.fullmatch(verifier)
    assert match is not None, verifier
    return base64.b64decode(match["stored_key"]), base64.b64decode(match["server_key"])


def _independent_verifier(password_bytes: bytes, salt: bytes, iterations: int) -> str:
    """RFC 5802 written out again with hashlib and hmac only, as the reference."""
    salted_password = hashlib.pbkdf2_hmac("sha256", password_bytes, salt, iterations)
    stored_key = hashlib.sha256(_hmac_sha256(salted_password, b"Client Key")).digest()
    server_key = _hmac_sha256(salted_password, b"Server Key")
    encoded = [base64.b64encode(part).decode() for part in (salt, stored_key, server_key)]
    return f"SCRAM-SHA-256${iterations}:{encoded[0]}${encoded[1]}:{encoded[2]}"


# --- policy -------------------------------------------------------------------------------


@pytest.mark.parametrize("password", ["", "short", "Passw0r", "密码密码密码密"])
def test_password_shorter_than_the_minimum_is_refused(password: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_password_policy(password)
    assert caught.value.code == "password_too_short"
    assert caught.value.field == "password"
    assert caught.value.params["minimum"] == MIN_PASSWORD_LENGTH == 8


@pytest.mark.parametrize(
    "password", ["Passw0rd", "密码密码密码密码", " spaced out ", "x" * MAX_PASSWORD_LENGTH]
)
def test_password_within_the_limits_is_accepted(password: str) -> None:
    check_password_policy(password)


def test_password_longer_than_the_maximum_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        check_password_policy("x" * (MAX_PASSWORD_LENGTH + 1))
    assert caught.value.code == "password_too_long"
    assert caught.value.field == "password"
    assert caught.value.params["maximum"] == MAX_PASSWORD_LENGTH == 1024


@pytest.mark.parametrize("password", [" " * 8, "\u3000" * 8, "\t \n" * 4])
def test_password_of_only_whitespace_is_refused(password: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_password_policy(password)
    assert caught.value.code == "password_blank"
    assert caught.value.field == "password"


# --- argon2id ------------------------------------------------------------------------------


def test_hashed_password_verifies_and_a_wrong_one_does_not() -> None:
    stored = hash_password("密码Passw0rd")
    assert verify_password(stored, "密码Passw0rd")
    assert not verify_password(stored, "密码Passw0rD")
    assert not verify_password(stored, "")


def test_hash_is_argon2id_with_at_least_owasp_parameters() -> None:
    parameters = extract_parameters(hash_password("Passw0rd"))
    assert parameters.type is Type.ID
    # OWASP Password Storage Cheat Sheet minimum: m=19 MiB, t=2, p=1.
    assert parameters.memory_cost >= 19 * 1024
    assert parameters.time_cost >= 2
    assert parameters.salt_len >= 16


def test_each_hash_has_its_own_salt() -> None:
    first, second = hash_password("Passw0rd"), hash_password("Passw0rd")
    assert first != second
    assert verify_password(first, "Passw0rd")
    assert verify_password(second, "Passw0rd")


@pytest.mark.parametrize(
    "stored", ["", "Passw0rd", "$argon2id$v=19$m=65536,t=3,p=4$broken", "md5" + "0" * 32]
)
def test_verify_returns_false_for_a_stored_value_that_is_not_a_hash(stored: str) -> None:
    assert verify_password(stored, "Passw0rd") is False


def test_fresh_hash_needs_no_rehash() -> None:
    assert needs_rehash(hash_password("Passw0rd")) is False


def test_hash_made_with_weaker_parameters_verifies_and_needs_rehash() -> None:
    weaker = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    stored = weaker.hash("Passw0rd")
    assert verify_password(stored, "Passw0rd")
    assert needs_rehash(stored) is True


def test_unreadable_hash_needs_rehash() -> None:
    assert needs_rehash("not a hash") is True


def test_equivalent_unicode_spellings_are_the_same_password() -> None:
    stored = hash_password("ｐａｓｓｗｏｒｄ１２３")  # full-width, as a Chinese input method types
    assert verify_password(stored, "password123")


# --- SASLprep ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "prepared"),
    [
        ("Passw0rd", "Passw0rd"),
        ("tab\tis ascii", "tab\tis ascii"),  # ASCII is never touched
        ("密码Passw0rd", "密码Passw0rd"),
        ("ｐａｓｓ\u3000ｗｏｒｄ", "pass word"),
        ("pass\u00adword\u200d密", "password密"),
        ("Ⅸ-ﬁ-㎏", "IX-fi-kg"),
        ("\ue000密码", "\ue000密码"),  # prohibited: unchanged
        ("\u00ad", "\u00ad"),  # maps to nothing: unchanged
        ("שלוםabc", "שלוםabc"),  # bidi rule broken: unchanged
        ("שלום", "שלום"),
        ("\u0221密码", "\u0221密码"),  # unassigned in Unicode 3.2: unchanged
    ],
)
def test_saslprep_prepares_like_postgresql(password: str, prepared: str) -> None:
    assert saslprep(password) == prepared


# --- SCRAM-SHA-256 verifier ----------------------------------------------------------------


def test_verifier_has_postgresql_layout_and_a_random_salt() -> None:
    first, second = scram_sha256_verifier("Passw0rd"), scram_sha256_verifier("Passw0rd")
    match = VERIFIER_PATTERN.fullmatch(first)
    assert match is not None, first
    assert match["iterations"] == "4096"
    assert len(base64.b64decode(match["salt"])) == 16
    assert all(len(key) == 32 for key in _verifier_keys(first))
    assert first != second


@pytest.mark.parametrize("iterations", [4096, 10000])
@pytest.mark.parametrize("password", ["Passw0rd", "密码Passw0rd"])
def test_verifier_with_a_fixed_salt_matches_an_independent_computation(
    password: str, iterations: int
) -> None:
    expected = _independent_verifier(password.encode(), FIXED_SALT, iterations)
    first = scram_sha256_verifier(password, salt=FIXED_SALT, iterations=iterations)
    second = scram_sha256_verifier(password, salt=FIXED_SALT, iterations=iterations)
    assert first == second == expected


def test_verifier_authenticates_the_rfc_7677_exchange() -> None:
    """Check the RFC's printed client proof and server signature the way a server does."""
    stored_key, server_key = _verifier_keys(scram_sha256_verifier("pencil", salt=RFC7677_SALT))
    assert _hmac_sha256(server_key, RFC7677_AUTH_MESSAGE) == RFC7677_SERVER_SIGNATURE
    client_signature = _hmac_sha256(stored_key, RFC7677_AUTH_MESSAGE)
    client_key = bytes(a ^ b for a, b in zip(RFC7677_CLIENT_PROOF, client_signature, strict=True))
    assert hashlib.sha256(client_key).digest() == stored_key


def test_verifier_is_made_from_the_saslprepared_password() -> None:
    assert scram_sha256_verifier("ｐａｓｓｗｏｒｄ", salt=FIXED_SALT) == scram_sha256_verifier(
        "password", salt=FIXED_SALT
    )


@pytest.mark.parametrize(("salt", "iterations"), [(b"", 4096), (FIXED_SALT, 0)])
def test_verifier_refuses_an_empty_salt_or_no_iterations(salt: bytes, iterations: int) -> None:
    with pytest.raises(ValueError):
        scram_sha256_verifier("Passw0rd", salt=salt, iterations=iterations)


# --- against a real PostgreSQL 15 that checks passwords with SCRAM ---------------------------


@pytest.fixture(scope="module")
def cluster() -> Iterator[ClusterInfo]:
    """One private cluster for the module (about a second to start). Deliberately neither
    marked slow nor skipped when PostgreSQL is missing: this is the only proof that the
    server accepts our verifiers, so a machine that cannot run it fails."""
    with scram_cluster() as info:
        yield info


@pytest.fixture
def superuser(cluster: ClusterInfo) -> Iterator[psycopg.Connection]:
    with psycopg.connect(cluster.superuser_url(), autocommit=True, connect_timeout=10) as conn:
        yield conn


_role_numbers = itertools.count(1)


@pytest.fixture
def new_role(superuser: psycopg.Connection) -> Iterator[Callable[[str], str]]:
    """Creates login roles with a given PASSWORD value; drops them after the test."""
    created: list[str] = []

    def create(password_value: str) -> str:
        role = f"mediacrm_scram_{next(_role_numbers)}"
        superuser.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(role), sql.Literal(password_value)
            )
        )
        created.append(role)
        return role

    yield create
    for role in created:
        superuser.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


def _stored_secret(superuser: psycopg.Connection, role: str) -> str:
    row = superuser.execute(
        "SELECT rolpassword FROM pg_authid WHERE rolname = %s", [role]
    ).fetchone()
    assert row is not None
    return str(row[0])


@pytest.mark.parametrize("password", LOGIN_PASSWORDS.values(), ids=LOGIN_PASSWORDS.keys())
def test_postgresql_logs_the_role_in_with_the_verifiers_password_only(
    cluster: ClusterInfo,
    superuser: psycopg.Connection,
    new_role: Callable[[str], str],
    password: str,
) -> None:
    verifier = scram_sha256_verifier(password)
    role = new_role(verifier)

    # Stored exactly as sent: the server received a verifier, never the password.
    assert _stored_secret(superuser, role) == verifier
    with psycopg.connect(cluster.url(role, password), connect_timeout=10) as conn:
        assert conn.execute("SELECT current_user").fetchone() == (role,)
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(cluster.url(role, password + "x"), connect_timeout=10)


@pytest.mark.parametrize("password", LOGIN_PASSWORDS.values(), ids=LOGIN_PASSWORDS.keys())
def test_verifier_equals_the_one_postgresql_computes_from_the_plain_password(
    superuser: psycopg.Connection, new_role: Callable[[str], str], password: str
) -> None:
    # Only on this throw-away cluster does a plain password go to a server: the server's
    # own SASLprep and key derivation are the reference for ours.
    role = new_role(password)
    server_made = _stored_secret(superuser, role)
    match = VERIFIER_PATTERN.fullmatch(server_made)
    assert match is not None, server_made
    salt, iterations = base64.b64decode(match["salt"]), int(match["iterations"])
    assert scram_sha256_verifier(password, salt=salt, iterations=iterations) == server_made
