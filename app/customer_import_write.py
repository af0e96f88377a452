"""Writing an import's good rows in the caller's one transaction, with bulk statements.

PostgreSQL: the customers' ids drawn from their sequence at once, the rows COPied into
temporary staging tables (COPY cannot write into a table under row-level security), then
one INSERT … SELECT per table: the row-level security checks every row against the
user's own login role, and the statement-level audit triggers log them all. SQLite:
executemany in batches, its row triggers writing the audit trail. Updates of existing
customers are executemany UPDATEs moving `version` on by one, as the version guard wants.

`cancelled()` is asked between batches; when it says yes, `ImportCancelledError` ends the
write and the caller's transaction rolls everything back.

`BackgroundWriter` writes batches of new customers on a thread of its own while the caller
reads and checks the rest of the file: PostgreSQL writes one batch while Python checks the
next, on the same connection (psycopg connections are thread-safe: one statement at a time).
"""

from __future__ import annotations

import datetime as dt
import itertools
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from psycopg import sql
from sqlalchemy import Table, bindparam, insert, select, text, update
from sqlalchemy.orm import Session

from app.customer_import_rows import CONTACT_COLUMNS, CUSTOMER_COLUMNS, PreparedRow
from app.errors import MediaCrmError
from db.models.customers import (
    CONTACT_SEARCH_COLUMNS,
    CUSTOMER_SEARCH_COLUMNS,
    Contact,
    Customer,
    contact_search_fields,
    customer_search_fields,
)
from db.search_keys import search_text

BATCH = 5_000
# The customer columns a new customer is written with, and where the writer adjusts them.
_CUSTOMER_KEPT = tuple(c for c in CUSTOMER_COLUMNS if c in Customer.__table__.c)
_CUSTOMER_KEPT_INDEXES = tuple(CUSTOMER_COLUMNS.index(c) for c in _CUSTOMER_KEPT)
_KEPT_MNEMONIC = _CUSTOMER_KEPT.index("mnemonic")
_KEPT_TYPE = _CUSTOMER_KEPT.index("customer_type_id")
_KEPT_KEY_ACCOUNT = _CUSTOMER_KEPT.index("is_key_account")
_KEPT_SEARCHED = tuple((column, _CUSTOMER_KEPT.index(column)) for column in CUSTOMER_SEARCH_COLUMNS)
_CONTACT_SEARCHED = tuple(
    (column, CONTACT_COLUMNS.index(column) if column in CONTACT_COLUMNS else None)
    for column in CONTACT_SEARCH_COLUMNS
)
_Item = TypeVar("_Item")
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
        # The driver's own connection: COPY needs it, and a BackgroundWriter's thread uses
        # it without the (not thread-safe) session.
        self._driver: Any = (
            session.connection().connection.driver_connection if self.postgresql else None
        )
        self.done = 0
        self.total = 0

    def write(self, new: Sequence[NewCustomer], updates: Sequence[CustomerUpdate]) -> Written:
        """Everything in the caller's transaction: new customers with their contacts, then
        updates with theirs. Rows are made as they are sent, a batch at a time."""
        contact_count = sum(len(item.row.contacts) for item in new)
        update_contacts = sum(len(item.contacts) for item in updates)
        self.total = len(new) + len(updates) + contact_count + update_contacts
        self._step(0)
        ids = self.new_ids(len(new))
        self.write_new(ids, new)
        self._update(updates)
        contacts = (
            self._contact_row(item.customer_id, values, False)
            for item in updates
            for values in item.contacts
        )
        self._insert(Contact.__table__, self._contact_columns(), contacts, update_contacts)  # type: ignore[arg-type]
        return Written(tuple(ids), contact_count + update_contacts, len(updates))

    def write_new(self, ids: Sequence[int], new: Sequence[NewCustomer]) -> int:
        """New customers under the given ids, then their contacts; returns how many contacts."""
        customers = (self._customer_row(ident, item) for ident, item in zip(ids, new, strict=True))
        self._insert(Customer.__table__, self._customer_columns(), customers, len(new))  # type: ignore[arg-type]
        count = sum(len(item.row.contacts) for item in new)
        contacts = (
            self._contact_row(ident, values, number == 0)
            for ident, item in zip(ids, new, strict=True)
            for number, values in enumerate(item.row.contacts)
        )
        self._insert(Contact.__table__, self._contact_columns(), contacts, count)  # type: ignore[arg-type]
        return count

    # Rows.
    def _customer_columns(self) -> list[str]:
        return [
            "id",
            *_CUSTOMER_KEPT,
            "owner_id",
            "department_id",
            "created_by_id",
            "updated_by_id",
            "search_text",
        ]

    def _contact_columns(self) -> list[str]:
        return [
            "customer_id",
            *CONTACT_COLUMNS,
            "is_primary",
            "created_by_id",
            "updated_by_id",
            "search_text",
        ]

    def _customer_row(self, ident: int, item: NewCustomer) -> tuple[Any, ...]:
        values = item.row.customer
        kept = [values[index] for index in _CUSTOMER_KEPT_INDEXES]
        kept[_KEPT_MNEMONIC] = kept[_KEPT_MNEMONIC] or item.row.mnemonic or None
        kept[_KEPT_TYPE] = kept[_KEPT_TYPE] or self.default_type_id
        kept[_KEPT_KEY_ACCOUNT] = bool(kept[_KEPT_KEY_ACCOUNT])
        owner = self.owner
        searched = customer_search_fields({column: kept[i] for column, i in _KEPT_SEARCHED})
        return (
            ident,
            *kept,
            owner.employee_id,
            owner.department_id,
            self.user_id,
            self.user_id,
            search_text(searched),
        )

    def _contact_row(self, customer_id: int, values: list[Any], primary: bool) -> tuple[Any, ...]:
        searched = contact_search_fields(
            {column: None if i is None else values[i] for column, i in _CONTACT_SEARCHED}
        )
        return (customer_id, *values, primary, self.user_id, self.user_id, search_text(searched))

    # Ids.
    def new_ids(self, count: int) -> list[int]:
        """Ids for `count` new customers."""
        if not count:
            return []
        if self.postgresql:
            cursor = self._driver.cursor()
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence('customers', 'id'))"
                " FROM generate_series(1, %s)",
                (count,),
            )
            return [ident for (ident,) in cursor.fetchall()]
        # SQLite gives a new row max(id) + 1; once this transaction has written, nobody
        # else can write until it ends, so the next ids are free.
        self.session.execute(text("DELETE FROM customers WHERE 0"))
        first = int(self.session.scalar(text("SELECT coalesce(max(id), 0) FROM customers")) or 0)
        return list(range(first + 1, first + 1 + count))

    def refresh_statistics(self, written: int) -> None:
        """After a first batch that is big next to the tables: statistics that count it, for
        the duplicate checks of the next batches (see mc_analyze_customers)."""
        self._driver.execute("SELECT mc_analyze_customers(%s)", (written,))

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
        cursor = self._driver.cursor()
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
        groups: dict[tuple[str, ...], list[tuple[CustomerUpdate, dict[str, Any]]]] = {}
        for item, values in zip(updates, self._with_search_texts(updates), strict=True):
            groups.setdefault(tuple(sorted(values)), []).append((item, values))
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
            parameters = [{"_id": item.customer_id, **values} for item, values in items]
            self.session.connection().execute(statement, parameters)
            self._step(len(items))

    def _with_search_texts(self, updates: Sequence[CustomerUpdate]) -> list[dict[str, Any]]:
        """Each update's values and the search text the customer will have: made of the
        columns it holds now, where the file gives no new value."""
        table: Any = Customer.__table__
        columns = [table.c[column] for column in CUSTOMER_SEARCH_COLUMNS]
        held: dict[int, dict[str, Any]] = {}
        for batch in _batches(iter(updates)):
            ids = [item.customer_id for item in batch]
            for row in self.session.connection().execute(
                select(table.c.id, *columns).where(table.c.id.in_(ids))
            ):
                held[row[0]] = dict(zip(CUSTOMER_SEARCH_COLUMNS, row[1:], strict=True))
        return [
            {
                **item.values,
                "search_text": search_text(
                    customer_search_fields({**held[item.customer_id], **item.values})
                ),
            }
            for item in updates
        ]

    def _check_cancelled(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelledError()

    def _step(self, count: int) -> None:
        self.done += count
        if self.progress is not None:
            self.progress(self.done, self.total)


class BackgroundWriter:
    """Writes batches of new customers on a thread of its own (PostgreSQL only), with the
    writer's connection; `put` hands it a batch, `finish` waits for the last one. Used as a
    context manager: leaving it with an error stops the thread before the caller's
    transaction is rolled back, and an error of the thread is raised in the caller."""

    def __init__(self, writer: Writer) -> None:
        self._writer = writer
        # Unbounded: the batches are the plan's own rows, held by the plan anyway.
        self._batches: queue.SimpleQueue[Sequence[NewCustomer] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="import-writer", daemon=True)
        self._stopping = False
        self._error: BaseException | None = None
        self.ids: set[int] = set()  # the customers written so far, or being written
        # Set once the first batch is written and counted in the planner's statistics.
        self._counted = threading.Event()
        self._handed_customers = 0
        self._customer_ids: list[int] = []
        self._contacts = 0

    def __enter__(self) -> BackgroundWriter:
        self._thread.start()
        return self

    def __exit__(self, kind: Any, error: BaseException | None, trace: Any) -> None:
        if self._thread.is_alive():
            self._stopping = True
            self._batches.put(None)
            self._thread.join()
        if error is not None and self._error is not None and error is not self._error:
            # The caller's statement failed because the thread's had (the transaction is
            # aborted): the thread's error is the one to tell.
            raise self._error from error

    def put(self, batch: Sequence[NewCustomer]) -> None:
        self._raise_error()
        if batch:
            self._handed_customers += len(batch)
            self._batches.put(batch)

    def wait_until_counted(self) -> None:
        """Before a duplicate check: once a batch was handed over, wait until the first one
        is written and counted in the statistics (a check planned between the write and the
        count would read a whole index for every key)."""
        if self._handed_customers:
            self._counted.wait()
        self._raise_error()

    def finish(
        self, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> Written:
        """Wait for the batches handed over, telling `progress` how many customers of them
        are written and asking `cancelled` meanwhile; what was written."""
        self._batches.put(None)
        while self._thread.is_alive():
            if cancelled is not None and cancelled():
                raise ImportCancelledError()
            if progress is not None:
                progress(len(self._customer_ids), self._handed_customers)
            self._thread.join(timeout=0.2)
        self._raise_error()
        return Written(tuple(self._customer_ids), self._contacts, 0)

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        try:
            while (batch := self._batches.get()) is not None and not self._stopping:
                ids = self._writer.new_ids(len(batch))
                # Known before the rows are there: the duplicate check leaves them out.
                self.ids.update(ids)
                self._contacts += self._writer.write_new(ids, batch)
                if not self._counted.is_set():
                    self._writer.refresh_statistics(len(ids))
                    self._counted.set()
                self._customer_ids += ids
        except BaseException as error:  # handed to the caller's thread, raised there
            self._error = error
        finally:
            self._counted.set()  # nobody waits for a thread that has stopped


def _batches(rows: Iterator[_Item]) -> Iterator[list[_Item]]:
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
