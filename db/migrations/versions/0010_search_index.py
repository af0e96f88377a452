"""The fuzzy-search index `search_terms` (db/search_index.py): the table, filled for every
customer and contact already there, then its indexes; on PostgreSQL its row-level-security
policy (a term is seen with its customer) and grants, without audit triggers.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 22:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db import search_index, security

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "search_terms"


def upgrade() -> None:
    bind = op.get_bind()
    postgresql = bind.dialect.name == "postgresql"

    def byte_ordered(length: int) -> sa.String:
        return sa.String(length, collation="C" if postgresql else None)

    op.create_table(
        TABLE,
        sa.Column("kind", sa.SmallInteger(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.SmallInteger(), nullable=False),
        sa.Column("part", sa.SmallInteger(), nullable=False),
        sa.Column("head", byte_ordered(1), nullable=False),
        sa.Column("term", byte_ordered(search_index.TERM_LENGTH), nullable=False),
        sa.Column("sort_key", byte_ordered(search_index.SORT_KEY_LENGTH), nullable=False),
    )
    search_index.rebuild(bind)
    op.create_index("ix_search_terms_term", TABLE, ["term", "part"])
    op.create_index(
        "ix_search_terms_head", TABLE, ["head", "part", "sort_key", "entity_id", "kind"]
    )
    op.create_index("ix_search_terms_entity", TABLE, ["kind", "entity_id"])
    op.create_index("ix_search_terms_customer", TABLE, ["customer_id", "term"])
    if postgresql:
        security.install(bind)


def downgrade() -> None:
    op.drop_table(TABLE)
