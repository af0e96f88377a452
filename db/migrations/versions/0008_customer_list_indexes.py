"""Customer lists sorted by name: live rows in pinyin order with the columns the permission
filter reads (a key map or a count reads the index alone on PostgreSQL), and each owner's
live customers in pinyin order (a staff member's list). The plain pinyin index goes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 20:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = sa.text("deleted_at IS NULL")


def upgrade() -> None:
    op.drop_index("ix_customers_name_pinyin", table_name="customers")
    op.create_index(
        "ix_customers_live_pinyin",
        "customers",
        ["name_pinyin", "id"],
        postgresql_include=["owner_id", "department_id"],
        postgresql_where=LIVE,
        sqlite_where=LIVE,
    )
    op.create_index(
        "ix_customers_live_owner_pinyin",
        "customers",
        ["owner_id", "name_pinyin", "id"],
        postgresql_where=LIVE,
        sqlite_where=LIVE,
    )


def downgrade() -> None:
    op.drop_index("ix_customers_live_owner_pinyin", table_name="customers")
    op.drop_index("ix_customers_live_pinyin", table_name="customers")
    op.create_index("ix_customers_name_pinyin", "customers", ["name_pinyin"])
