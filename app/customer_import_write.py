"""Writing an import's good rows in the caller's one transaction, with bulk statements.

PostgreSQL: the customers' ids drawn from their sequence at once, the rows COPied into
temporary staging tables (COPY cannot write into a table under row-level security), then
one INSERT … SELECT per table: the row-level security checks every row against the
user's own login role, and the statement-level audit triggers log them all. SQLite:
executemany in batches, its row triggers writing the audit trail. Updates of existing
customers are executemany UPDATEs moving `version` on by one, as the version guard wants.

`cancelled()` is asked between batches; when it says yes, `ImportCancelledError` ends the
write and the caller's transaction rolls everything back.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from psycopg import sql
from sqlalchemy import Table, bindparam, insert, select, text, update
from sqlalchemy.orm import Session

from app.customer_import_rows import CONTACT_COLUMNS, CUSTOMER_COLUMNS, PreparedRow
from app.errors import MediaCrmError
from db.models.customers import Contact, Customer

BATCH = 5_000
# The customer columns a new customer is written with, and where the writer adjusts them.
_CUSTOMER_KEPT = tuple(c for c in CUSTOMER_COLUMNS if c in Customer.__table__.c)
_CUSTOMER_KEPT_INDEXES = tuple(CUSTOMER_COLUMNS.index(c) for c in _CUSTOMER_KEPT)
_KEPT_MNEMONIC = _CUSTOMER_KEPT.index("mnemonic")
_KEPT_TYPE = _CUSTOMER_KEPT.index("customer_type_id")
_KEPT_KEY_ACCOUNT = _CUSTOMER_KEPT.index("is_key_account")
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ImportCancelledError(MediaCrmError):
    """The user cancelled: nothing of the import stays."""

    code = "import_cancelled"


@dataclass(frozen=True)
class Owner:
    """Whose the new customers are: an employee and their department."""

    employee_id: int
    department_id: int | None
    name: str


@dataclass(slots=True)
class NewCustomer:
    """A customer to create: its row (with rows of the file merged into it) and contacts.
    One a row of a big file: slots keep it small."""

    row: PreparedRow
    lines: list[int] = field(default_factory=list)


@dataclass
class CustomerUpdate:
    """Values of the file for an existing customer (given cells only) and contacts to add."""

    customer_id: int
    values: dict[str, Any]
    contacts: list[list[Any]]
    lines: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Written:
    customer_ids: tuple[int, ...]
    contacts: int
    updated: int


class Writer:
    """Writes new customers with their contacts and updates, batch by batch."""

    def __init__(
        self,
        session: Session,
        user_id: int | None,
        owner: Owner,
        default_type_id: int,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> None:
        self.session = session
        self.user_id = user_id
        self.owner = owner
        self.default_type_id = default_type_id
        self.progress = progress
        self.cancelled = cancelled
        self.postgresql = session.get_bind().dialect.name == "postgresql"
        self.done = 0
        self.total = 0

    def write(self, new: Sequence[NewCustomer], updates: Sequence[CustomerUpdate]) -> Written:
        """Everything in the caller's transaction: new customers, updates, then contacts.
        Rows are made as they are sent, a batch at a time, never all at once."""
        contact_count = sum(len(item.row.contacts) for item in new)
        contact_count += sum(len(item.contacts) for item in updates)
        self.total = len(new) + len(updates) + contact_count
        self._step(0)
        ids = self._customer_ids(len(new))
        customers = (self._customer_row(ident, item) for ident, item in zip(ids, new, strict=True))
        self._insert(Customer.__table__, self._customer_columns(), customers, len(new))  # type: ignore[arg-type]
        self._update(updates)
        contacts = itertools.chain(
            (
                self._contact_row(ident, values, number == 0)
                for ident, item in zip(ids, new, strict=True)
                for number, values in enumerate(item.row.contacts)
            ),
            (
                self._contact_row(item.customer_id, values, False)
                for item in updates
                for values in item.contacts
            ),
        )
        self._insert(Contact.__table__, self._contact_columns(), contacts, contact_count)  # type: ignore[arg-type]
        return Written(tuple(ids), contact_count, len(updates))

    # Rows.
    def _customer_columns(self) -> list[str]:
        return [
            "id",
            *_CUSTOMER_KEPT,
            "owner_id",
            "department_id",
            "created_by_id",
            "updated_by_id",
        ]

    def _contact_columns(self) -> list[str]:
        return ["customer_id", *CONTACT_COLUMNS, "is_primary", "created_by_id", "updated_by_id"]

    def _customer_row(self, ident: int, item: NewCustomer) -> tuple[Any, ...]:
        values = item.row.customer
        kept = [values[index] for index in _CUSTOMER_KEPT_INDEXES]
        kept[_KEPT_MNEMONIC] = kept[_KEPT_MNEMONIC] or item.row.mnemonic or None
        kept[_KEPT_TYPE] = kept[_KEPT_TYPE] or self.default_type_id
        kept[_KEPT_KEY_ACCOUNT] = bool(kept[_KEPT_KEY_ACCOUNT])
        owner = self.owner
        return (ident, *kept, owner.employee_id, owner.department_id, self.user_id, self.user_id)

    def _contact_row(self, customer_id: int, values: list[Any], primary: bool) -> tuple[Any, ...]:
        return (customer_id, *values, primary, self.user_id, self.user_id)

    # Ids.
    def _customer_ids(self, count: int) -> list[int]:
        if not count:
            return []
        if self.postgresql:
            return list(
                self.session.scalars(
                    text(
                        "SELECT nextval(pg_get_serial_sequence('customers', 'id'))"
                        " FROM generate_series(1, :count)"
                    ),
                    {"count": count},
                )
            )
        # SQLite gives a new row max(id) + 1; once this transaction has written, nobody
        # else can write until it ends, so the next ids are free.
        self.session.execute(text("DELETE FROM customers WHERE 0"))
        first = int(self.session.scalar(text("SELECT coalesce(max(id), 0) FROM customers")) or 0)
        return list(range(first + 1, first + 1 + count))

    # Statements.
    def _insert(
        self, table: Table, columns: list[str], rows: Iterator[tuple[Any, ...]], count: int
    ) -> None:
        if not count:
            return
        if self.postgresql:
            self._copy_insert(table, columns, rows)
            return
        statement = insert(table)
        for batch in _batches(rows):
            self._check_cancelled()
            self.session.execute(statement, [dict(zip(columns, row, strict=True)) for row in batch])
            self._step(len(batch))

    def _copy_insert(
        self, table: Table, columns: list[str], rows: Iterator[tuple[Any, ...]]
    ) -> None:
        """COPY into a temporary table like `table` (COPY cannot write into a table under
        row-level security), then one INSERT … SELECT: the policy checks every row, the
        statement's audit trigger logs them all."""
        cursor: Any = self.session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
        staging = sql.Identifier(f"mc_import_{table.name}")
        names = sql.SQL(", ").join(map(sql.Identifier, columns))
        # The columns' types without their NOT NULL: the defaults come with the INSERT.
        cursor.execute(
            sql.SQL("CREATE TEMP TABLE {} ON COMMIT DROP AS SELECT {} FROM {} WITH NO DATA").format(
                staging, names, sql.Identifier(table.name)
            )
        )
        with cursor.copy(sql.SQL("COPY {} ({}) FROM STDIN").format(staging, names)) as copy:
            for batch in _batches(rows):
                self._check_cancelled()
                for row in batch:
                    copy.write_row(row)
                self._step(len(batch))
        self._check_cancelled()
        cursor.execute(
            sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {}").format(
                sql.Identifier(table.name), names, names, staging
            )
        )
        cursor.execute(sql.SQL("DROP TABLE {}").format(staging))

    def _update(self, updates: Sequence[CustomerUpdate]) -> None:
        """One executemany per set of columns given (rows of one file mostly share one)."""
        groups: dict[tuple[str, ...], list[CustomerUpdate]] = {}
        for item in updates:
            groups.setdefault(tuple(sorted(item.values)), []).append(item)
        table: Any = Customer.__table__
        now = dt.datetime.now(dt.UTC)
        for columns, items in groups.items():
            self._check_cancelled()
            statement = (
                update(table)
                .where(table.c.id == bindparam("_id"))
                .values(
                    {
                        **{column: bindparam(column) for column in columns},
                        "version": table.c.version + 1,
                        "updated_at": now,
                        "updated_by_id": self.user_id,
                    }
                )
            )
            parameters = [{"_id": item.customer_id, **item.values} for item in items]
            self.session.connection().execute(statement, parameters)
            self._step(len(items))

    def _check_cancelled(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelledError()

    def _step(self, count: int) -> None:
        self.done += count
        if self.progress is not None:
            self.progress(self.done, self.total)


def _batches(rows: Iterator[tuple[Any, ...]]) -> Iterator[list[tuple[Any, ...]]]:
    while batch := list(itertools.islice(rows, BATCH)):
        yield batch


def existing_customers(
    session: Session, customer_ids: Sequence[int]
) -> dict[int, tuple[str | None, set[str]]]:
    """For customers to update: their credit code and their live contacts' names, for the
    ones the session may see."""
    found: dict[int, tuple[str | None, set[str]]] = {}
    ids = sorted(set(customer_ids))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        for ident, code in session.execute(
            select(Customer.id, Customer.credit_code).where(Customer.id.in_(chunk))
        ):
            found[ident] = (code, set())
        for customer_id, name in session.execute(
            select(Contact.customer_id, Contact.name).where(
                Contact.customer_id.in_(chunk), Contact.deleted_at.is_(None)
            )
        ):
            if customer_id in found:
                found[customer_id][1].add(name)
    return found
