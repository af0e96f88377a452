"""Around the login: the local database made ready, the first administrator, logging out.

The embedded SQLite file belongs to this user alone, so the program creates and migrates it
itself. A shared PostgreSQL server is left alone until someone logs in: only the user's own
credentials may connect to it, and only an administrator upgrades it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from app import auth, credentials, passwords, schema
from app.auth import LoggedIn
from app.config import without_password
from app.errors import DatabaseUnavailableError, MediaCrmError, ValidationError
from db.engine import make_engine, make_session_factory

log = logging.getLogger(__name__)


def is_local(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def upgrade_command(url: URL) -> str:
    """The command an administrator runs to bring the database's schema up to date."""
    return f"mediacrm --db {without_password(url)} db upgrade"


def prepare_database(url: URL) -> bool:
    """Create and migrate a local database; return whether it still needs its first
    administrator. A server database is not touched (False)."""
    if not is_local(url):
        return False
    engine = make_engine(url)
    try:
        Path(url.database or "").parent.mkdir(parents=True, exist_ok=True)
        schema.upgrade(engine)
        with make_session_factory(engine)() as session:
            return not auth.administrator_exists(session)
    except (OSError, SQLAlchemyError) as exc:
        # A folder that cannot be made, a file that is no database: the user picks another.
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise DatabaseUnavailableError(
            "cannot_connect", target=url.database, detail=detail
        ) from exc
    finally:
        engine.dispose()


def require_same_password(password: str, repeated: str) -> None:
    """A new password is typed twice; a typo in it would lock the user out."""
    if password != repeated:
        raise ValidationError("passwords_differ", field="repeat")


def create_first_administrator(
    url: URL, username: str, password: str, repeated: str, display_name: str | None
) -> int:
    """The local database's first administrator (the first-run dialog)."""
    auth.check_username(username)
    passwords.check_password_policy(password)
    require_same_password(password, repeated)
    engine = make_engine(url)
    try:
        return auth.create_first_administrator(engine, username, password, display_name)
    finally:
        engine.dispose()


def change_own_password(logged_in: LoggedIn, old: str, new: str, repeated: str) -> None:
    """Change the logged-in user's password; a remembered password follows the change."""
    passwords.check_password_policy(new)
    require_same_password(new, repeated)
    auth.change_own_password(logged_in, old, new)
    credentials.replace_if_remembered(logged_in.engine.url, logged_in.user.username, new)


def log_out(logged_in: LoggedIn) -> None:
    """Close a user's connection. The logout is audited when the database answers; a server
    that has gone away must not keep the program from exiting or logging in again."""
    try:
        logged_in.close()
    except (MediaCrmError, SQLAlchemyError):
        log.warning("the logout could not be recorded", exc_info=True)
        logged_in.engine.dispose()
