"""The errors MediaCRM expects, each with a code that the user interfaces turn into words.

Anything else that escapes is a bug. `code` selects the message (see app/messages.py);
`params` fill it in.
"""

from __future__ import annotations

from typing import Any


class MediaCrmError(Exception):
    """Base of every expected error."""

    code = "error"

    def __init__(self, code: str | None = None, **params: Any) -> None:
        self.code = code or type(self).code
        self.params = params
        super().__init__(f"{self.code}: {params}" if params else self.code)


class ValidationError(MediaCrmError):
    """Input that breaks a rule; `field` names the field it belongs to."""

    code = "invalid"

    def __init__(self, code: str | None = None, *, field: str | None = None, **params: Any):
        super().__init__(code, field=field, **params)
        self.field = field


class NotFoundError(MediaCrmError):
    code = "not_found"


class ConflictError(MediaCrmError):
    """Someone else changed the record since it was read (stale version)."""

    code = "stale_version"


class PermissionDeniedError(MediaCrmError):
    code = "permission_denied"


class ConfigurationError(MediaCrmError):
    """A setting such as the database URL is wrong; the user can fix it."""

    code = "bad_configuration"


class DatabaseUnavailableError(MediaCrmError):
    """The database cannot be reached or refused the credentials."""

    code = "database_unavailable"


class SchemaVersionError(MediaCrmError):
    """The database schema is older or newer than this program."""

    code = "schema_mismatch"


class CancelledError(MediaCrmError):
    """The user cancelled long work; whatever it was writing is left out whole."""

    code = "cancelled"
