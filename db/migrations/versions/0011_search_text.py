"""The fuzzy query's search text (db/search_keys.py) on customers and contacts, filled for
every row, and its index: on PostgreSQL pg_trgm (a contrib extension any PostgreSQL 13+ has,
which a database owner may create) with a GIN index of the live rows' text, read through
mc_search_ids (db/security_functions.py); on SQLite an FTS5 trigram table for each
(db/sqlite_search.py).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 05:00:00
"""

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from db import security
from db.ddl import create_sqlite_audit_triggers
from db.models.customers import searched_tables
from db.search_keys import SearchFields, search_text
from db.security_functions import SEARCH_SIGNATURE, search_function
from db.sqlite_search import create_search_table, drop_search_table

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 20_000
TABLES = searched_tables()


def upgrade() -> None:
    bind = op.get_bind()
    postgresql = bind.dialect.name == "postgresql"
    if postgresql:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        # For this transaction: a GIN index over a million rows builds in half the time
        # with room to sort its entries in memory (the default is 64MB).
        op.execute("SET LOCAL maintenance_work_mem = '512MB'")
    for table, (columns, fields_of) in TABLES.items():
        op.add_column(table, sa.Column("search_text", sa.Text()))
        if postgresql:
            _fill_postgresql(bind, table, columns, fields_of)
            op.execute(
                f"CREATE INDEX ix_{table}_live_search ON {table} "
                "USING gin (search_text gin_trgm_ops) WHERE deleted_at IS NULL"
            )
        else:
            _fill_sqlite(bind, table, columns, fields_of)
            # The audit triggers list the columns they record: the search text joins them.
            create_sqlite_audit_triggers(bind, table)
            create_search_table(bind, table)
    if postgresql:
        op.execute(search_function())
        # The new function's owner and grants, for this database's roles.
        security.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(f"DROP FUNCTION IF EXISTS {SEARCH_SIGNATURE}")
    for table in TABLES:
        if bind.dialect.name == "postgresql":
            op.drop_index(f"ix_{table}_live_search", table_name=table)
            op.drop_column(table, "search_text")
        else:
            drop_search_table(bind, table)
            _drop_sqlite_audit_triggers(table)
            op.drop_column(table, "search_text")  # plain DROP COLUMN, not a batch rebuild
            create_sqlite_audit_triggers(bind, table)


def _rows(bind: sa.Connection, table: str, columns: Sequence[str]) -> Iterator[Sequence[Any]]:
    """Every row's id and search columns, a chunk at a time, in id order."""
    last = 0
    listed = ", ".join(columns)
    while True:
        rows = bind.execute(
            sa.text(f"SELECT id, {listed} FROM {table} WHERE id > :last ORDER BY id LIMIT :chunk"),
            {"last": last, "chunk": CHUNK},
        ).all()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _texts(
    rows: Sequence[Any],
    columns: Sequence[str],
    fields_of: Callable[[Mapping[str, Any]], SearchFields],
) -> Iterator[tuple[int, str]]:
    for row in rows:
        yield row[0], search_text(fields_of(dict(zip(columns, row[1:], strict=True))))


def _fill_postgresql(
    bind: sa.Connection,
    table: str,
    columns: Sequence[str],
    fields_of: Callable[[Mapping[str, Any]], SearchFields],
) -> None:
    """COPY the texts into a scratch table, then one UPDATE. The text is derived from the
    row, not a user's change: the audit trigger is off for it; the version moves on."""
    bind.execute(sa.text("CREATE TEMPORARY TABLE mc_search_texts (id integer, body text)"))
    cursor = bind.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for chunk in _rows(bind, table, columns):
            with cursor.copy("COPY mc_search_texts (id, body) FROM STDIN") as copy:
                for row in _texts(chunk, columns, fields_of):
                    copy.write_row(row)
    finally:
        cursor.close()
    bind.execute(sa.text(f"ALTER TABLE {table} DISABLE TRIGGER trg_{table}_audit_update"))
    bind.execute(
        sa.text(
            f"UPDATE {table} t SET search_text = s.body, version = t.version + 1 "
            "FROM mc_search_texts s WHERE s.id = t.id"
        )
    )
    bind.execute(sa.text(f"ALTER TABLE {table} ENABLE TRIGGER trg_{table}_audit_update"))
    bind.execute(sa.text("DROP TABLE mc_search_texts"))


def _fill_sqlite(
    bind: sa.Connection,
    table: str,
    columns: Sequence[str],
    fields_of: Callable[[Mapping[str, Any]], SearchFields],
) -> None:
    """Without the audit triggers, which the caller makes anew with the new column."""
    _drop_sqlite_audit_triggers(table)
    for chunk in _rows(bind, table, columns):
        bind.execute(
            sa.text(
                f"UPDATE {table} SET search_text = :body, version = version + 1 WHERE id = :row_id"
            ),
            [{"row_id": id_, "body": body} for id_, body in _texts(chunk, columns, fields_of)],
        )


def _drop_sqlite_audit_triggers(table: str) -> None:
    for event in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_audit_{event}")
