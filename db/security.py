"""Security in the PostgreSQL database: roles, grants, row-level security and the audit trail.

Every MediaCRM user is a login role of the server; the tables belong to a non-login owner
role; what a user may see is decided by row-level-security policies that read only the
server's own idea of who is connected (`session_user`), never a session setting a client
could forge. `install` is idempotent and is run by the migrations (as superuser or owner).

Role names are cluster-wide, so they carry a prefix made from the database name: two
MediaCRM databases on one server (production and training) never share a role.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

from db.permissions import (
    CHILD_TABLES,
    MODULE_TABLES,
    OWNED_TABLES,
    READ_BY_ALL_TABLES,
)
from db.security_functions import function_definitions

USERNAME_PATTERN = r"^[a-z][a-z0-9_.]{2,31}$"
AUDIT_EXCLUDED_COLUMNS = ("content", "logo", "password_hash")
NOT_AUDITED_TABLES = ("audit_log",)
_PREFIX_PART_LENGTH = 20


@dataclass(frozen=True)
class RoleNames:
    prefix: str

    @property
    def owner(self) -> str:
        return f"{self.prefix}owner"

    @property
    def users(self) -> str:
        return f"{self.prefix}users"

    def app_role(self, role_id: int) -> str:
        return f"{self.prefix}role_{role_id}"

    def login(self, username: str) -> str:
        return f"{self.prefix}{username}"


def role_names(database: str) -> RoleNames:
    """The roles of one MediaCRM database: `mc_<database>_…`, at most 63 characters."""
    part = re.sub(r"[^a-z0-9]", "_", database.lower())
    if part != database or len(part) > _PREFIX_PART_LENGTH:
        digest = hashlib.sha256(database.encode()).hexdigest()[:6]
        part = f"{part[: _PREFIX_PART_LENGTH - 7]}_{digest}"
    return RoleNames(prefix=f"mc_{part}_")


def all_tables(connection: Connection) -> list[str]:
    rows = connection.execute(
        text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename <> 'alembic_version' ORDER BY tablename"
        )
    )
    return [row[0] for row in rows]


def install(connection: Connection) -> RoleNames:
    """Create or bring up to date every security object of the connected database.

    The statements go to the server as two scripts: hundreds of round trips of DDL would
    make every migration and test database slow.
    """
    database = connection.execute(text("SELECT current_database()")).scalar_one()
    names = role_names(database)
    tables = all_tables(connection)
    _run(connection, [*_group_role_statements(connection, names), *function_definitions(names)])
    _run(
        connection,
        [
            *_ownership_statements(connection, names, tables),
            *(statement for table in tables for statement in _table_statements(names, table)),
            *_permission_trigger_statements(),
            *_grant_statements(connection, names, tables),
            "SELECT mc_sync_all_role_grants()",
        ],
    )
    return names


def _run(connection: Connection, statements: list[str]) -> None:
    # The driver's own cursor with no parameters: psycopg then leaves the `%` of format()
    # calls inside function bodies alone and accepts several statements in one go.
    cursor = connection.connection.cursor()
    try:
        cursor.execute(";\n".join(statements))
    finally:
        cursor.close()


def _group_role_statements(connection: Connection, names: RoleNames) -> list[str]:
    existing = set(
        connection.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname IN (:owner, :users)"),
            {"owner": names.owner, "users": names.users},
        ).scalars()
    )
    statements = [
        f'CREATE ROLE "{role}" {options}'
        for role, options in ((names.owner, "NOLOGIN CREATEROLE"), (names.users, "NOLOGIN"))
        if role not in existing
    ]
    return [
        *statements,
        f'ALTER ROLE "{names.owner}" NOSUPERUSER NOBYPASSRLS NOLOGIN',
        f'ALTER ROLE "{names.users}" NOSUPERUSER NOBYPASSRLS NOLOGIN',
    ]


def _ownership_statements(connection: Connection, names: RoleNames, tables: list[str]) -> list[str]:
    functions = connection.execute(
        text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p "
            "JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public' "
            "AND (p.proname LIKE 'mc\\_%' OR p.proname LIKE 'mediacrm\\_%')"
        )
    ).scalars()
    return [
        *(
            f'ALTER TABLE "{table}" OWNER TO "{names.owner}"'
            for table in [*tables, "alembic_version"]
        ),
        "REVOKE ALL ON SCHEMA public FROM PUBLIC",
        f'GRANT USAGE, CREATE ON SCHEMA public TO "{names.owner}"',
        f'GRANT USAGE ON SCHEMA public TO "{names.users}"',
        *(f'ALTER FUNCTION {signature} OWNER TO "{names.owner}"' for signature in functions),
    ]


def _table_statements(names: RoleNames, table: str) -> list[str]:
    statements = [
        f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY',
        f'ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY',
        f'REVOKE ALL ON "{table}" FROM PUBLIC',
        f'DROP POLICY IF EXISTS mc_owner ON "{table}"',
        f'DROP POLICY IF EXISTS mc_visible ON "{table}"',
        # The owner runs the SECURITY DEFINER functions, which must see every row.
        f'CREATE POLICY mc_owner ON "{table}" TO "{names.owner}" USING (true) WITH CHECK (true)',
        f'CREATE POLICY mc_visible ON "{table}" TO "{names.users}" '
        f"USING ({visibility_condition(table)}) WITH CHECK ({write_condition(table)})",
    ]
    if table not in NOT_AUDITED_TABLES:
        statements += _audit_trigger_statements(table)
    return statements


def visibility_condition(table: str) -> str:
    """The SQL condition under which the connected user sees a row of `table`.

    Functions are wrapped in scalar subqueries so PostgreSQL evaluates them once per query
    (an InitPlan), not once per row.
    """
    if table in OWNED_TABLES:
        return (
            f"(SELECT mc_sees_all('{table}')) "
            "OR owner_id = (SELECT mc_employee_id()) "
            f"OR department_id = ANY ((SELECT mc_visible_departments('{table}'))::integer[])"
        )
    if table in CHILD_TABLES:
        column, parent = CHILD_TABLES[table]
        return f'EXISTS (SELECT 1 FROM "{parent}" p WHERE p.id = "{table}".{column})'
    if table == "user_settings":
        return "user_id = (SELECT mc_user_id())"
    if table == "saved_queries":
        return (
            "user_id = (SELECT mc_user_id()) OR is_shared_all "
            "OR shared_department_id = (SELECT mc_department_id())"
        )
    if table == "messages":
        return "sender_id = (SELECT mc_user_id()) OR mc_is_recipient(id)"
    if table == "message_recipients":
        return "user_id = (SELECT mc_user_id()) OR mc_sent_by_me(message_id)"
    return "true"


def write_condition(table: str) -> str:
    """What a user may write: the rows they could see, and only their own personal rows."""
    if table in ("user_settings", "saved_queries"):
        return "user_id = (SELECT mc_user_id())"
    if table == "messages":
        return "sender_id = (SELECT mc_user_id())"
    return visibility_condition(table)


def _grant_statements(connection: Connection, names: RoleNames, tables: list[str]) -> list[str]:
    group = f'"{names.users}"'
    readable_user_columns = connection.execute(
        text(
            "SELECT string_agg(quote_ident(attname), ', ') FROM pg_attribute "
            "WHERE attrelid = 'users'::regclass AND attnum > 0 AND NOT attisdropped "
            "AND attname <> 'password_hash'"
        )
    ).scalar_one()
    return [
        f"GRANT SELECT ON alembic_version TO {group}",
        *(
            f'GRANT SELECT ON "{table}" TO {group}'
            for table in READ_BY_ALL_TABLES
            if table in tables
        ),
        f"GRANT SELECT ({readable_user_columns}) ON users TO {group}",
        *(
            f'GRANT SELECT, INSERT, UPDATE, DELETE ON "{table}" TO {group}'
            for table in MODULE_TABLES["personal"]
        ),
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {group}",
        "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC",
        f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {group}",
    ]


def _audit_trigger_statements(table: str) -> list[str]:
    """Statement-level triggers with transition tables: one audit insert per statement."""
    transitions = {
        "insert": "REFERENCING NEW TABLE AS new_rows",
        "update": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "delete": "REFERENCING OLD TABLE AS old_rows",
        "truncate": "",
    }
    statements = []
    for event, referencing in transitions.items():
        name = f"trg_{table}_audit_{event}"
        statements += [
            f'DROP TRIGGER IF EXISTS {name} ON "{table}"',
            f'CREATE TRIGGER {name} AFTER {event.upper()} ON "{table}" {referencing} '
            "FOR EACH STATEMENT EXECUTE FUNCTION mc_audit()",
        ]
    return statements


def _permission_trigger_statements() -> list[str]:
    """A change of a role's permissions re-applies the grants at once, in the same transaction."""
    statements = []
    for table in ("roles", "role_function_permissions"):
        name = f"trg_{table}_sync_grants"
        statements += [
            f'DROP TRIGGER IF EXISTS {name} ON "{table}"',
            f'CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
            "FOR EACH STATEMENT EXECUTE FUNCTION mc_role_permissions_changed()",
        ]
    return statements
