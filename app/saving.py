"""Writing a service's changes: the database's refusals become errors users can read."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import dberrors
from app.errors import ConflictError


def flush(session: Session) -> None:
    """Write now, inside the caller's transaction, so that a refusal is raised here as a
    MediaCrmError (stale version, permission, constraint); anything else is a bug."""
    try:
        session.flush()
    except StaleDataError as exc:
        # The ORM's UPDATE … WHERE version = :read found no row: another writer committed
        # between our read and our write.
        raise ConflictError("record_changed") from exc
    except DBAPIError as exc:
        error = dberrors.translate(exc)
        if error is None:
            raise
        raise error from exc
