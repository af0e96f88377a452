"""Password rules, argon2id hashes for SQLite logins and SCRAM-SHA-256 verifiers for PostgreSQL.

On PostgreSQL every MediaCRM user is a login role and the server checks the password; the
program only ever sends it a SCRAM verifier computed here, never the plain password, because
SQL text can end up in the server's log. On SQLite the program checks the password itself
against an argon2id hash.

Both kinds of hash are made from the password after `saslprep`, so that a password written
with different but equivalent Unicode characters (full-width letters from a Chinese input
method, an ideographic space) is the same password on both databases.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import stringprep
import unicodedata
from collections.abc import Callable

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from app.errors import ValidationError

MIN_PASSWORD_LENGTH = 8
# Long enough for any passphrase or password manager; the cap bounds the hashing work a
# pasted novel would cost and catches the paste itself.
MAX_PASSWORD_LENGTH = 1024

SCRAM_SALT_BYTES = 16
SCRAM_DEFAULT_ITERATIONS = 4096  # PostgreSQL's own choice (fixed in 15, the default later)

# argon2id with RFC 9106's second recommended option ("low memory": t=3, m=64 MiB, p=4),
# which argon2-cffi also uses as its default. OWASP's Password Storage Cheat Sheet asks for
# at least argon2id with m=19 MiB, t=2, p=1; this is more than three times that memory and
# still about 0.2 s per login on a two-core office PC. The numbers are spelled out rather
# than taken from the library's default so that a library upgrade cannot change them
# silently: changing them here makes `needs_rehash` upgrade each user at the next login.
_HASHER = PasswordHasher(
    time_cost=3,
    memory_cost=64 * 1024,  # KiB
    parallelism=4,
    hash_len=32,
    salt_len=16,
    type=Type.ID,
)


def check_password_policy(password: str) -> None:
    """Refuse a new password that breaks the rules; raise ValidationError on field "password".

    The rules follow NIST SP 800-63B: length matters, composition rules do not. Lengths count
    characters, so a Chinese password is judged like any other. The length checks come first:
    "   " is too short, "        " (eight spaces) is blank.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("password_too_short", field="password", minimum=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError("password_too_long", field="password", maximum=MAX_PASSWORD_LENGTH)
    if password.isspace():
        raise ValidationError("password_blank", field="password")


def hash_password(password: str) -> str:
    """An argon2id hash of the password (PHC string with its own salt and parameters)."""
    return _HASHER.hash(saslprep(password))


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether `password` matches `stored_hash`; False (never an exception) for a wrong
    password or a stored value that is not an argon2 hash."""
    try:
        return _HASHER.verify(stored_hash, saslprep(password))
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether `stored_hash` was made with other parameters than today's, so the login that
    just verified it should store a fresh `hash_password` of the same password."""
    try:
        return _HASHER.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True  # Nothing to keep; verify_password refuses it anyway.


def scram_sha256_verifier(
    password: str, *, salt: bytes | None = None, iterations: int = SCRAM_DEFAULT_ITERATIONS
) -> str:
    """The SCRAM-SHA-256 secret PostgreSQL stores in pg_authid.rolpassword for `password`.

    Sent as `CREATE/ALTER ROLE … PASSWORD '<verifier>'`, the server stores it unchanged, so
    the plain password never leaves the program (RFC 5802 and RFC 7677; the layout is
    PostgreSQL's `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`, base64). `salt`
    defaults to 16 random bytes; pass one only to reproduce a known verifier.
    """
    if iterations < 1:
        raise ValueError("SCRAM needs at least one iteration")
    if salt is None:
        salt = secrets.token_bytes(SCRAM_SALT_BYTES)
    if not salt:
        raise ValueError("SCRAM needs a non-empty salt")
    salted_password = hashlib.pbkdf2_hmac(
        "sha256", saslprep(password).encode("utf-8"), salt, iterations
    )
    client_key = _hmac_sha256(salted_password, b"Client Key")
    stored_key = hashlib.sha256(client_key).digest()
    server_key = _hmac_sha256(salted_password, b"Server Key")
    return f"SCRAM-SHA-256${iterations}:{_b64(salt)}${_b64(stored_key)}:{_b64(server_key)}"


def saslprep(password: str) -> str:
    """The password as PostgreSQL's pg_saslprep() prepares it (src/common/saslprep.c).

    SASLprep (RFC 4013) with PostgreSQL's choices, which both libpq and the server make, so a
    verifier made here matches what a client proves at login:
    - pure ASCII is used as it is, control characters included;
    - non-ASCII spaces (table C.1.2, e.g. U+3000) become " ", characters "commonly mapped to
      nothing" (B.1, e.g. soft hyphen, zero-width joiner) are dropped, then NFKC applies;
    - if the mapped text is empty, holds a prohibited (C.1.2-C.9) or, as RFC 3454 A.1 says,
      unassigned character, or breaks the bidi rule, the ORIGINAL password is used unchanged
      (PostgreSQL falls back to the raw bytes instead of refusing the password). Like
      PostgreSQL, these checks look at the mapped text before normalisation.
    The tables come from Python's `stringprep` module, which is RFC 3454 (Unicode 3.2), the
    same tables PostgreSQL copied.
    """
    if password.isascii():
        return password
    mapped = "".join(_saslprep_map(character) for character in password)
    if not mapped or _saslprep_refuses(mapped):
        return password
    return unicodedata.normalize("NFKC", mapped)


def _saslprep_map(character: str) -> str:
    # Space first: U+200B is in both C.1.2 and B.1 and PostgreSQL makes it a space.
    if stringprep.in_table_c12(character):
        return " "
    if stringprep.in_table_b1(character):
        return ""
    return character


_PROHIBITED_TABLES: tuple[Callable[[str], bool], ...] = (
    stringprep.in_table_a1,  # unassigned in Unicode 3.2
    stringprep.in_table_c12,
    stringprep.in_table_c21_c22,
    stringprep.in_table_c3,
    stringprep.in_table_c4,
    stringprep.in_table_c5,
    stringprep.in_table_c6,
    stringprep.in_table_c7,
    stringprep.in_table_c8,
    stringprep.in_table_c9,
)


def _saslprep_refuses(mapped: str) -> bool:
    if any(table(character) for character in mapped for table in _PROHIBITED_TABLES):
        return True
    return _breaks_bidi_rule(mapped)


def _breaks_bidi_rule(text: str) -> bool:
    """RFC 3454 section 6: right-to-left text must not mix in left-to-right characters and
    must start and end with a right-to-left one."""
    if not any(stringprep.in_table_d1(character) for character in text):
        return False
    if any(stringprep.in_table_d2(character) for character in text):
        return True
    return not (stringprep.in_table_d1(text[0]) and stringprep.in_table_d1(text[-1]))


def _hmac_sha256(key: bytes, message: bytes) -> bytes:
    return hmac.new(key, message, hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
