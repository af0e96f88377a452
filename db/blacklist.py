"""The blacklist (黑名单) as the database keeps it: a customer of the type coded `blacklist`
gets no new advertising order or quotation, whoever writes — the program, an import, psql.

Triggers on the order tables, BEFORE INSERT and BEFORE an UPDATE that moves a row to another
customer, on both databases. The refusal is a check violation (SQLSTATE 23514 on PostgreSQL,
"CHECK constraint failed" on SQLite) naming `customer_blacklisted`. SQLite's batch
migrations rebuild a table without its triggers: one that rebuilds an order table calls
`create_blacklist_guards` again.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from db.security_functions import blacklist_guard_function

BLACKLIST_TYPE_CODE = "blacklist"
BLACKLIST_REFUSAL = "customer_blacklisted"
GUARDED_TABLES = ("ad_orders", "quotations")


def guard_names(table: str) -> tuple[str, str]:
    return f"trg_{table}_not_blacklisted_insert", f"trg_{table}_not_blacklisted_update"


def create_blacklist_guards(bind: Connection, table: str) -> None:
    on_insert, on_update = guard_names(table)
    if bind.dialect.name == "postgresql":
        bind.execute(text(blacklist_guard_function(BLACKLIST_TYPE_CODE, BLACKLIST_REFUSAL)))
        for name, event, condition in (
            (on_insert, "INSERT", ""),
            (on_update, "UPDATE OF customer_id", "WHEN (NEW.customer_id IS DISTINCT FROM "
             "OLD.customer_id)"),
        ):  # fmt: skip
            bind.execute(text(f'DROP TRIGGER IF EXISTS {name} ON "{table}"'))
            bind.execute(
                text(
                    f'CREATE TRIGGER {name} BEFORE {event} ON "{table}" FOR EACH ROW '
                    f"{condition} EXECUTE FUNCTION mc_refuse_blacklisted_customer()"
                )
            )
        return
    blacklisted = (
        "EXISTS (SELECT 1 FROM customers c JOIN customer_types t ON t.id = c.customer_type_id "
        f"WHERE c.id = NEW.customer_id AND t.code = '{BLACKLIST_TYPE_CODE}')"
    )
    refuse = f"SELECT RAISE(ABORT, 'CHECK constraint failed: {BLACKLIST_REFUSAL}')"
    for name, event, condition in (
        (on_insert, "INSERT", blacklisted),
        (on_update, "UPDATE OF customer_id",
         f"NEW.customer_id IS NOT OLD.customer_id AND {blacklisted}"),
    ):  # fmt: skip
        bind.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        bind.execute(
            text(
                f'CREATE TRIGGER {name} BEFORE {event} ON "{table}" FOR EACH ROW '
                f"WHEN {condition} BEGIN {refuse}; END"
            )
        )
