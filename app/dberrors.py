"""Database refusals turned into the errors users are told about.

The database enforces rules of its own (constraints, version guards, permissions); when it
refuses, the services translate its SQLSTATE here instead of letting a traceback through.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from app.errors import ConflictError, MediaCrmError, PermissionDeniedError, ValidationError
from db.ddl import STALE_VERSION_MESSAGE, STALE_VERSION_SQLSTATE

_BY_SQLSTATE: dict[str, type[MediaCrmError]] = {
    "42501": PermissionDeniedError,  # insufficient_privilege, also row-level security
    STALE_VERSION_SQLSTATE: ConflictError,
    "22023": ValidationError,  # invalid_parameter_value, raised by our functions
    "23505": ValidationError,  # unique_violation
    "23503": ValidationError,  # foreign_key_violation
    "23514": ValidationError,  # check_violation
}
_CODES = {
    "23505": "duplicate",
    "23503": "missing_reference",
    "23514": "check_failed",
    STALE_VERSION_SQLSTATE: "record_changed",
}


def translate(exc: DBAPIError) -> MediaCrmError | None:
    """The MediaCrmError for a refusal by the database, or None when it is not one of ours."""
    sqlstate = getattr(exc.orig, "sqlstate", None)
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    if sqlstate is None:
        return _translate_sqlite(detail)
    error_class = _BY_SQLSTATE.get(sqlstate)
    if error_class is None:
        return None
    return error_class(_CODES.get(sqlstate), detail=detail)


def _translate_sqlite(detail: str) -> MediaCrmError | None:
    if STALE_VERSION_MESSAGE in detail:
        return ConflictError("record_changed", detail=detail)
    if detail.startswith("UNIQUE constraint failed"):
        return ValidationError("duplicate", detail=detail)
    if detail.startswith("FOREIGN KEY constraint failed"):
        return ValidationError("missing_reference", detail=detail)
    if detail.startswith("CHECK constraint failed"):
        return ValidationError("check_failed", detail=detail)
    return None
