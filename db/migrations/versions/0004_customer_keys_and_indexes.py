"""Customers and contacts: ASCII keys in byte order on PostgreSQL, and eight indexes fewer.

The pinyin, mnemonic, e-mail and mobile columns get the "C" collation on PostgreSQL (see
db.models.customers.ascii_key). The single-column indexes of lookups with a few values each
go, and so does the index of contacts' Chinese names (lists sort them by pinyin and search
them with ILIKE): a million-customer demo load spent some six seconds building them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DROPPED_INDEXES = {
    "customers": ("country_id", "region_id", "source_id", "rating", "is_key_account"),
    "contacts": ("form_of_address_id", "position_id", "name"),
}
ASCII_KEYS = {
    "customers": (("name_pinyin", 600), ("mnemonic", 200)),
    "contacts": (("name_pinyin", 200), ("mnemonic", 60), ("mobile", 20), ("email", 254)),
}


def upgrade() -> None:
    for table, columns in DROPPED_INDEXES.items():
        for column in columns:
            op.drop_index(f"ix_{table}_{column}", table_name=table)
    if op.get_bind().dialect.name == "postgresql":
        _set_collation("C")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _set_collation(None)
    for table, columns in DROPPED_INDEXES.items():
        for column in columns:
            op.create_index(f"ix_{table}_{column}", table, [column], unique=False)


def _set_collation(collation: str | None) -> None:
    """The ASCII keys' collation: "C", or None for the database's (their indexes are rebuilt
    by PostgreSQL, the table is not rewritten)."""
    for table, columns in ASCII_KEYS.items():
        for column, length in columns:
            op.alter_column(
                table,
                column,
                type_=sa.String(length, collation=collation),
                existing_type=sa.String(length),
                existing_nullable=True,
            )
