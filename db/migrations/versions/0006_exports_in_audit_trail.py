"""Exports in the audit trail: an EXPORT entry (who, which list, how many rows) written
through mc_log_session, as logins are.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 20:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.base import one_of
from db.security_functions import session_log_function

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ("INSERT", "UPDATE", "DELETE", "TRUNCATE", "LOGIN", "LOGOUT", "LOGIN_FAILED", "BULK_LOAD")
AFTER = (*BEFORE, "EXPORT")


def upgrade() -> None:
    _set_operations(AFTER)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(session_log_function())


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM audit_log WHERE operation = 'EXPORT'"))
    _set_operations(BEFORE)


def _set_operations(operations: tuple[str, ...]) -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        # SQLite rebuilds the table; the other tables' audit triggers name audit_log, and
        # renaming the rebuilt table over it would otherwise re-check them mid-way.
        op.execute(sa.text("PRAGMA legacy_alter_table = ON"))
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_constraint("operation_known", type_="check")
        batch_op.create_check_constraint("operation_known", one_of("operation", operations))
    if sqlite:
        op.execute(sa.text("PRAGMA legacy_alter_table = OFF"))
