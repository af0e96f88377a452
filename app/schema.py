"""The database schema's version: checking it at connect, and upgrading it (`db upgrade`)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from app.errors import DatabaseUnavailableError, PermissionDeniedError, SchemaVersionError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "db" / "migrations"
# pg_advisory_xact_lock key, so that two `db upgrade` runs cannot interleave.
UPGRADE_LOCK_KEY = 0x4D43524D_5550  # "MCRM" "UP"

INSUFFICIENT_PRIVILEGE = "42501"

SchemaState = Literal["empty", "behind", "current", "ahead"]


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None
    head: str
    state: SchemaState

    def as_json(self) -> dict[str, str | None]:
        return {"current": self.current, "head": self.head, "state": self.state}


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migration chain has no head"
    return head


def schema_status(engine: Engine) -> SchemaStatus:
    with connect(engine) as connection:
        try:
            return _status(connection)
        except ProgrammingError as exc:
            if getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
                raise PermissionDeniedError(detail=str(exc.orig)) from exc
            raise


def _status(connection: Connection) -> SchemaStatus:
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    current = MigrationContext.configure(connection).get_current_revision()
    if current is None:
        state: SchemaState = "empty"
    elif current == head:
        state = "current"
    elif current in {rev.revision for rev in script.walk_revisions()}:
        state = "behind"
    else:
        state = "ahead"
    return SchemaStatus(current, head, state)


def require_current_schema(engine: Engine, upgrade_command: str) -> SchemaStatus:
    """Refuse a database whose schema this program cannot work with, saying what to do."""
    status = schema_status(engine)
    if status.state == "empty":
        raise SchemaVersionError("schema_empty", command=upgrade_command, head=status.head)
    if status.state == "behind":
        raise SchemaVersionError(
            "schema_behind", current=status.current, head=status.head, command=upgrade_command
        )
    if status.state == "ahead":
        raise SchemaVersionError("schema_ahead", current=status.current, head=status.head)
    if engine.dialect.name == "postgresql":
        with connect(engine) as connection:
            require_trigram_locale(connection)
    return status


def require_trigram_locale(connection: Connection) -> None:
    """The fuzzy query needs pg_trgm to see Chinese characters as letters, which it does
    only in a database whose LC_CTYPE is UTF-8: refused, saying so, where it is not."""
    found = connection.execute(
        text("SELECT show_trgm('华为') <> '{}', current_setting('lc_ctype')")
    )
    seen, ctype = found.one()
    if not seen:
        raise DatabaseUnavailableError("search_needs_utf8", ctype=ctype)


def upgrade(engine: Engine) -> SchemaStatus:
    """Migrate to the newest schema; idempotent. Refuses a database newer than the program."""
    with connect(engine) as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            _require_schema_owner(connection)
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK_KEY}
            )
        status = _status(connection)
        if status.state == "ahead":
            raise SchemaVersionError("schema_ahead", current=status.current, head=status.head)
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return schema_status(engine)


def _require_schema_owner(connection: Connection) -> None:
    """Only a superuser or the owner of the schema may change it."""
    allowed = connection.execute(
        text(
            "SELECT r.rolsuper OR CASE WHEN t.tableowner IS NULL "
            "THEN has_schema_privilege('public', 'CREATE') "
            "ELSE pg_has_role(current_user, t.tableowner, 'MEMBER') END "
            "FROM pg_roles r LEFT JOIN pg_tables t "
            "ON t.schemaname = 'public' AND t.tablename = 'alembic_version' "
            "WHERE r.rolname = current_user"
        )
    ).scalar()
    if not allowed:
        user = connection.execute(text("SELECT current_user")).scalar()
        raise PermissionDeniedError("upgrade_needs_owner", detail=user)


def connect(engine: Engine) -> Connection:
    """A connection, with an unreachable or refusing server turned into a user-facing error."""
    try:
        return engine.connect()
    except OperationalError as exc:
        raise connection_error(engine, exc) from exc


def connection_error(engine: Engine, exc: OperationalError) -> DatabaseUnavailableError:
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    url = engine.url
    if "password authentication failed" in detail or "no password supplied" in detail:
        return DatabaseUnavailableError("authentication_failed", user=url.username)
    target = (
        url.database if url.get_backend_name() == "sqlite" else f"{url.host}:{url.port or 5432}"
    )
    return DatabaseUnavailableError("cannot_connect", target=target, detail=detail)
