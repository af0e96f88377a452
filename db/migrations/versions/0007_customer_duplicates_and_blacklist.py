"""Customer duplicates (撞单) and the blacklist: the normalised company name `customers.name_key`
(filled for every customer), indexes on the phones and e-mails the check compares, the
PostgreSQL function that checks against every row whatever the caller may see, and the
triggers that refuse an order or quotation for a blacklisted customer on both databases.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 10:00:00
"""

from collections.abc import Iterator, Sequence

import sqlalchemy as sa
from alembic import op

from db import security
from db.blacklist import GUARDED_TABLES, create_blacklist_guards, guard_names
from db.customer_keys import NAME_KEY_LENGTH, customer_name_key
from db.ddl import create_sqlite_audit_triggers
from db.security_functions import DUPLICATE_CHECK_SIGNATURE, duplicate_check_function

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 50_000
# Columns that the check compares in byte order ("C" on PostgreSQL), each with a new index.
BYTE_ORDER_COLUMNS = (
    ("customers", "phone", 40),
    ("customers", "email", 254),
    ("contacts", "phone", 40),
)


def upgrade() -> None:
    bind = op.get_bind()
    postgresql = bind.dialect.name == "postgresql"
    op.add_column(
        "customers",
        sa.Column("name_key", sa.String(NAME_KEY_LENGTH, collation="C" if postgresql else None)),
    )
    if postgresql:
        _set_collation("C")
        _fill_name_keys_postgresql(bind)
    else:
        _fill_name_keys_sqlite(bind)
        # The audit triggers list the columns they record: name_key joins them.
        create_sqlite_audit_triggers(bind, "customers")
    op.create_index("ix_customers_name_key", "customers", ["name_key"])
    for table, column, _length in BYTE_ORDER_COLUMNS:
        op.create_index(f"ix_{table}_{column}", table, [column])
    for table in GUARDED_TABLES:
        create_blacklist_guards(bind, table)
    if postgresql:
        op.execute(duplicate_check_function())
        # Owner, grants and the rest, for this database's roles (a copy of another
        # database under a new name has none yet).
        security.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    postgresql = bind.dialect.name == "postgresql"
    for table in GUARDED_TABLES:
        for name in guard_names(table):
            op.execute(f'DROP TRIGGER IF EXISTS {name} ON "{table}"' if postgresql else
                       f"DROP TRIGGER IF EXISTS {name}")  # fmt: skip
    if postgresql:
        op.execute(f"DROP FUNCTION IF EXISTS {DUPLICATE_CHECK_SIGNATURE}")
        op.execute("DROP FUNCTION IF EXISTS mc_refuse_blacklisted_customer()")
    for table, column, _length in BYTE_ORDER_COLUMNS:
        op.drop_index(f"ix_{table}_{column}", table_name=table)
    op.drop_index("ix_customers_name_key", table_name="customers")
    if postgresql:
        _set_collation(None)
        op.drop_column("customers", "name_key")
        return
    for event in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS trg_customers_audit_{event}")
    op.drop_column("customers", "name_key")  # plain DROP COLUMN, not a batch rebuild
    create_sqlite_audit_triggers(bind, "customers")


def _set_collation(collation: str | None) -> None:
    for table, column, length in BYTE_ORDER_COLUMNS:
        op.alter_column(
            table,
            column,
            type_=sa.String(length, collation=collation),
            existing_type=sa.String(length),
            existing_nullable=True,
        )


def _names(bind: sa.Connection) -> Iterator[list[tuple[int, str]]]:
    """Every customer's id and name, a chunk at a time, in id order."""
    last = 0
    while True:
        rows = bind.execute(
            sa.text("SELECT id, name FROM customers WHERE id > :last ORDER BY id LIMIT :chunk"),
            {"last": last, "chunk": CHUNK},
        ).all()
        if not rows:
            return
        yield [(id_, name) for id_, name in rows]
        last = rows[-1][0]


def _fill_name_keys_postgresql(bind: sa.Connection) -> None:
    """COPY the keys into a scratch table, then one UPDATE. The key is derived from the name,
    not a user's change: the audit trigger is off for it (a million customers would each
    write their whole row twice into the trail); the version moves on, as for any change."""
    bind.execute(
        sa.text("CREATE TEMPORARY TABLE mc_name_keys (id integer, key text) ON COMMIT DROP")
    )
    cursor = bind.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for chunk in _names(bind):
            with cursor.copy("COPY mc_name_keys (id, key) FROM STDIN") as copy:
                for id_, name in chunk:
                    copy.write_row((id_, customer_name_key(name)))
    finally:
        cursor.close()
    bind.execute(sa.text("ALTER TABLE customers DISABLE TRIGGER trg_customers_audit_update"))
    bind.execute(
        sa.text(
            "UPDATE customers c SET name_key = k.key, version = c.version + 1 "
            "FROM mc_name_keys k WHERE k.id = c.id AND k.key IS NOT NULL"
        )
    )
    bind.execute(sa.text("ALTER TABLE customers ENABLE TRIGGER trg_customers_audit_update"))
    bind.execute(sa.text("DROP TABLE mc_name_keys"))


def _fill_name_keys_sqlite(bind: sa.Connection) -> None:
    """Without the audit triggers, which the caller makes anew with the new column."""
    for event in ("insert", "update", "delete"):
        bind.execute(sa.text(f"DROP TRIGGER IF EXISTS trg_customers_audit_{event}"))
    for chunk in _names(bind):
        keyed = [
            {"row_id": id_, "key": key}
            for id_, name in chunk
            if (key := customer_name_key(name)) is not None
        ]
        if keyed:
            bind.execute(
                sa.text(
                    "UPDATE customers SET name_key = :key, version = version + 1 WHERE id = :row_id"
                ),
                keyed,
            )
