"""The largest attachment a user may add (附件大小上限), in MB, kept system-wide in the
company information: `company_info.attachment_max_mb`, 20 by default, above zero.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 21:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.ddl import create_sqlite_audit_triggers, create_version_guard

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "company_info"
CHECK = "attachment_max_mb_positive"


def upgrade() -> None:
    _rebuild(add=True)


def downgrade() -> None:
    _rebuild(add=False)


def _rebuild(*, add: bool) -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        # SQLite rebuilds the table; renaming the rebuilt table over the old one would
        # otherwise re-check the other tables' triggers mid-way.
        op.execute(sa.text("PRAGMA legacy_alter_table = ON"))
    with op.batch_alter_table(TABLE) as batch_op:
        if add:
            batch_op.add_column(
                sa.Column(
                    "attachment_max_mb",
                    sa.Integer(),
                    nullable=False,
                    server_default=sa.text("20"),
                )
            )
            batch_op.create_check_constraint(CHECK, "attachment_max_mb > 0")
        else:
            batch_op.drop_constraint(CHECK, type_="check")
            batch_op.drop_column("attachment_max_mb")
    if sqlite:
        op.execute(sa.text("PRAGMA legacy_alter_table = OFF"))
        # The rebuild dropped the table's triggers; the audit triggers list its columns.
        create_version_guard(bind, TABLE)
        create_sqlite_audit_triggers(bind, TABLE)
