"""Security and audit: built-in roles' permissions; on PostgreSQL the owner and group roles,
row-level security, grants and audit triggers; on SQLite the audit triggers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db import security
from db.ddl import create_sqlite_audit_triggers
from db.permissions import BUILT_IN_ROLE_DEFAULTS, OWNED_TABLES

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    _seed_built_in_permissions(bind)
    if bind.dialect.name == "postgresql":
        security.install(bind)
        return
    tables = bind.execute(
        sa.text(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN "
            "('audit_log', 'alembic_version') AND name NOT LIKE 'sqlite_%'"
        )
    ).scalars()
    for table in list(tables):
        create_sqlite_audit_triggers(bind, table)


def _seed_built_in_permissions(bind: sa.Connection) -> None:
    roles: dict[str, int] = dict(
        bind.execute(sa.text("SELECT key, id FROM roles WHERE built_in")).all()
    )
    functions = sa.table(
        "role_function_permissions", *map(sa.column, ("role_id", "module", "action"))
    )
    scopes = sa.table("role_data_permissions", *map(sa.column, ("role_id", "record_kind", "scope")))
    for key, defaults in BUILT_IN_ROLE_DEFAULTS.items():
        op.bulk_insert(
            functions,
            [
                {"role_id": roles[key], "module": module, "action": action}
                for module, actions in defaults.functions.items()
                for action in actions
            ],
        )
        op.bulk_insert(
            scopes,
            [
                {"role_id": roles[key], "record_kind": kind, "scope": defaults.scope}
                for kind in OWNED_TABLES
            ],
        )


def downgrade() -> None:
    raise NotImplementedError("security cannot be taken out of a live database")
