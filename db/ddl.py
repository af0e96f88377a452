"""Database-side objects that Alembic's autogenerate cannot see, for migrations to create.

Migrations call these by name; a change of behaviour is a new function (or a new
migration calling a changed one), so that old migrations keep meaning what they meant.
SQLite's batch migrations rebuild a table and drop its triggers: a migration that uses
`batch_alter_table` on a versioned table calls `create_version_guard` again afterwards.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# SQLSTATE raised by the version guard on PostgreSQL; app/ maps it to a conflict.
STALE_VERSION_SQLSTATE = "MC409"
STALE_VERSION_MESSAGE = "stale version"

_PG_VERSION_FUNCTION = f"""
CREATE OR REPLACE FUNCTION mediacrm_version_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    IF NEW.version IS DISTINCT FROM OLD.version + 1 THEN
        RAISE EXCEPTION '{STALE_VERSION_MESSAGE}: %.% id % is at version %, not %',
            TG_TABLE_SCHEMA, TG_TABLE_NAME, OLD.id, OLD.version, NEW.version - 1
            USING ERRCODE = '{STALE_VERSION_SQLSTATE}';
    END IF;
    RETURN NEW;
END
$$
"""


def version_guard_name(table: str) -> str:
    return f"trg_{table}_version_guard"


def create_version_guard(bind: Connection, table: str) -> None:
    """Refuse any update of `table` that does not move `version` on by exactly one.

    The ORM's optimistic lock (UPDATE … WHERE version = :read) catches a stale save from
    the program; this catches every other writer too, so a stale version is refused by
    the database itself.
    """
    name = version_guard_name(table)
    if bind.dialect.name == "postgresql":
        bind.execute(text(_PG_VERSION_FUNCTION))
        bind.execute(text(f'DROP TRIGGER IF EXISTS {name} ON "{table}"'))
        bind.execute(
            text(
                f'CREATE TRIGGER {name} BEFORE UPDATE ON "{table}" '
                "FOR EACH ROW EXECUTE FUNCTION mediacrm_version_guard()"
            )
        )
        return
    bind.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    bind.execute(
        text(
            f'CREATE TRIGGER {name} BEFORE UPDATE ON "{table}" FOR EACH ROW '
            "WHEN NEW.version IS NOT OLD.version + 1 "
            f"BEGIN SELECT RAISE(ABORT, '{STALE_VERSION_MESSAGE}'); END"
        )
    )


AUDIT_EXCLUDED_COLUMNS = ("content", "logo", "password_hash")
# SQLite stores microseconds with six digits; strftime('%f') gives three.
_SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'"


def create_sqlite_audit_triggers(bind: Connection, table: str) -> None:
    """Row triggers writing the same audit records the PostgreSQL triggers write.

    Who acts comes from `mc_user_id()` and `mc_db_user()`, functions that db/engine.py
    registers on every SQLite connection of the program.
    """
    columns = [
        row[1]
        for row in bind.execute(text(f'PRAGMA table_info("{table}")'))
        if row[1] not in AUDIT_EXCLUDED_COLUMNS
    ]

    def image(alias: str) -> str:
        pairs = ", ".join(f"'{column}', {alias}.\"{column}\"" for column in columns)
        return f"json_object({pairs})"

    changed = " || ".join(
        f"CASE WHEN OLD.\"{column}\" IS NOT NEW.\"{column}\" THEN '{column},' ELSE '' END"
        for column in columns
    )
    head = (
        "INSERT INTO audit_log (occurred_at, db_user, user_id, table_name, record_id, "
        "operation, before_row, after_row, changed_columns) VALUES "
        f"({_SQLITE_NOW}, mc_db_user(), mc_user_id(), '{table}'"
    )
    bodies = {
        "insert": f"{head}, NEW.id, 'INSERT', NULL, {image('NEW')}, NULL)",
        "update": (
            f"{head}, NEW.id, 'UPDATE', {image('OLD')}, {image('NEW')}, rtrim({changed}, ','))"
        ),
        "delete": f"{head}, OLD.id, 'DELETE', {image('OLD')}, NULL, NULL)",
    }
    for event, body in bodies.items():
        name = f"trg_{table}_audit_{event}"
        bind.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        bind.execute(
            text(
                f'CREATE TRIGGER {name} AFTER {event.upper()} ON "{table}" FOR EACH ROW '
                f"BEGIN {body}; END"
            )
        )
