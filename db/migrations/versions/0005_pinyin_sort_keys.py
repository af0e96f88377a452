"""Pinyin sort keys for the lookup lists, departments, media outlets and advertising
services, so that their lists sort Chinese names as Chinese readers expect; the keys of
seeded rows (and of employees made without one) are filled in.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 20:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.pinyin import PINYIN_KEY_LENGTH, SMALL_TABLES, fill_missing_keys

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_KEY_TABLES = tuple(table for table in SMALL_TABLES if table != "employees")


def upgrade() -> None:
    bind = op.get_bind()
    collation = "C" if bind.dialect.name == "postgresql" else None
    for table in NEW_KEY_TABLES:
        op.add_column(
            table,
            sa.Column("name_pinyin", sa.String(PINYIN_KEY_LENGTH, collation=collation)),
        )
    fill_missing_keys(bind, SMALL_TABLES)


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+), not a batch rebuild that would drop the triggers.
    for table in NEW_KEY_TABLES:
        op.drop_column(table, "name_pinyin")
