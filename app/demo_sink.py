"""Where the demo rows go: COPY on PostgreSQL, batched executemany on SQLite.

Rows arrive as tuples already in the database's stored form (see `Formats`), so neither
path goes through the ORM: a million customers must load in seconds, not minutes.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any, Protocol

from psycopg import errors as pg_errors
from psycopg import sql
from sqlalchemy import Connection

from app.errors import PermissionDeniedError

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
Row = tuple[Any, ...]

# Fixed "today" of the demo data: every date is this minus (or plus) a random offset.
REFERENCE_DATE = dt.date(2026, 11, 1)
_DAYS_BACK = 6000
_DAYS_AHEAD = 1500
# Tables expected to get at least this many rows lose their secondary indexes (neither
# unique nor a constraint's) during the load, and get them back at the end, built in one
# sort each: measured on a million customers, about half the server time of keeping them
# up row by row, which for text keys means random inserts all over indexes larger than
# the server's buffers.
BIG_TABLE_ROWS = 20_000
_SQLITE_BATCH = 5_000


class Formats:
    """Stored forms of the values that differ between the two databases.

    Money and other two-decimal amounts are handled as integers of hundredths: PostgreSQL
    COPY takes their decimal text, SQLite stores the scaled integer itself (as
    db.types.ExactDecimal does). Timestamps are UTC: '…+00' text for timestamptz, naive
    'YYYY-MM-DD HH:MM:SS.ffffff' text on SQLite (as db.types.UtcDateTime stores them).
    """

    def __init__(self, backend: str) -> None:
        self.postgresql = backend == "postgresql"
        self._stamp_suffix = "+00" if self.postgresql else ".000000"
        # NULL and the booleans as rows of text carry them: COPY's text, SQLite's values.
        self.null: str | None = _NULL if self.postgresql else None
        self.true: str | int = "t" if self.postgresql else 1
        self.false: str | int = "f" if self.postgresql else 0
        # ISO dates by day offset: `days[day_zero + offset]`, for hot loops.
        self.days = [
            (REFERENCE_DATE + dt.timedelta(days=offset)).isoformat()
            for offset in range(-_DAYS_BACK, _DAYS_AHEAD + 1)
        ]
        self.day_zero = _DAYS_BACK

    def day(self, offset: int) -> str:
        """The ISO date `offset` days from the reference date (negative: in the past)."""
        return self.days[offset + _DAYS_BACK]

    def time_of_day(self, second: int) -> str:
        """' HH:MM:SS' and the zone suffix: appended to a `day` it makes a timestamp."""
        hours, rest = divmod(second, 3600)
        return f" {hours:02d}:{rest // 60:02d}:{rest % 60:02d}{self._stamp_suffix}"

    def time_of_day_text(self, second: int) -> str:
        """A TIME value: 'HH:MM:SS', with microseconds on SQLite as SQLAlchemy stores it."""
        hours, rest = divmod(second, 3600)
        text = f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"
        return text if self.postgresql else f"{text}.000000"

    def stamp(self, offset: int, second: int) -> str:
        """A UTC timestamp `second` seconds into the day `offset` days from the reference."""
        return self.days[offset + _DAYS_BACK] + self.time_of_day(second)

    def money(self, hundredths: int) -> str | int:
        if self.postgresql:
            return f"{hundredths // 100}.{hundredths % 100:02d}"
        return hundredths

    def money_text(self, hundredths: int) -> str:
        """`money` as text on both databases (SQLite's column affinity makes it a number)."""
        if self.postgresql:
            return f"{hundredths // 100}.{hundredths % 100:02d}"
        return f"{hundredths}"


_NULL = "\\N"
_BOOLEANS = {True: "t", False: "f"}


def copy_text(rows: Sequence[Row], width: int) -> str:
    """Rows in PostgreSQL's COPY text format.

    Demo values never contain tabs, newlines or backslashes (word lists and formats are
    built so), so nothing is escaped; the counts below prove it for every chunk. Rows made
    of text only (the hot tables, see `Formats.null`) are joined as they are.
    """
    if not rows:
        return ""
    try:
        text = "\n".join(["\t".join(row) for row in rows]) + "\n"
    except TypeError:
        text = "\n".join(["\t".join([_text(value) for value in row]) for row in rows]) + "\n"
    if (
        text.count("\t") != len(rows) * (width - 1)
        or text.count("\n") != len(rows)
        or text.count("\\") != text.count(_NULL)
    ):
        raise ValueError("a demo value contains a tab, newline or backslash")
    return text


def _text(value: object) -> str:
    if value.__class__ is str:
        return value  # type: ignore[return-value]
    if value is None:
        return _NULL
    if value.__class__ is bool:
        return _BOOLEANS[value]  # type: ignore[index]
    return str(value)


class Sink(Protocol):
    formats: Formats
    counts: Counter[str]

    def prepare(self, expected_rows: Mapping[str, int]) -> None: ...

    def write(self, table: str, columns: Sequence[str], rows: Iterable[Row]) -> int: ...

    def write_text(self, table: str, columns: Sequence[str], text: bytes, rows: int) -> None: ...

    def restore_indexes(self, tables: Collection[str]) -> None: ...

    def finish(self) -> None: ...


def open_sink(connection: Connection, progress: Progress | None) -> Sink:
    """A sink writing in `connection`'s transaction, which it opens with the write lock."""
    if connection.dialect.name == "postgresql":
        return PostgresSink(connection, progress)
    return SqliteSink(connection, progress)


class _BaseSink:
    def __init__(self, connection: Connection, progress: Progress | None) -> None:
        self.connection = connection
        self.driver: Any = connection.connection.driver_connection
        self.formats = Formats(connection.dialect.name)
        self.counts: Counter[str] = Counter()
        self.expected: Mapping[str, int] = {}
        self._progress = progress

    def _report(self, table: str) -> None:
        if self._progress is not None:
            done = self.counts[table]
            self._progress(table, done, max(done, self.expected.get(table, done)))


class PostgresSink(_BaseSink):
    """COPY into the tables, inside the caller's transaction.

    It needs a superuser (or a role granted SET on the setting): `session_replication_role
    = replica` skips the triggers for this transaction only, the foreign-key checks (the
    rows are consistent by construction, departments and their heads included, and the
    tests check every foreign key afterwards) and the per-statement audit triggers (the
    load writes one BULK_LOAD audit row instead of one per row). Any other role is refused:
    it would meet the row-level security of every table, and write millions of audit rows.
    """

    def __init__(self, connection: Connection, progress: Progress | None) -> None:
        super().__init__(connection, progress)
        self.cursor = self.driver.cursor()
        # The first statement opens the transaction, which the savepoint below needs.
        self.cursor.execute("SET LOCAL synchronous_commit = off")
        self._set_replica_role()
        self.cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        self.cursor.execute("LOCK TABLE customers IN EXCLUSIVE MODE")  # a second load waits
        self._dropped_indexes: list[tuple[str, str]] = []

    def _set_replica_role(self) -> None:
        try:
            with self.driver.transaction():  # a savepoint: the refusal must not end the lock
                self.cursor.execute("SET LOCAL session_replication_role = replica")
        except pg_errors.InsufficientPrivilege as exc:
            raise PermissionDeniedError(
                "permission_denied", action="demo", detail="demo data needs a superuser"
            ) from exc

    def prepare(self, expected_rows: Mapping[str, int]) -> None:
        self.expected = expected_rows
        big = [table for table, rows in expected_rows.items() if rows >= BIG_TABLE_ROWS]
        self.cursor.execute(
            "SELECT c.relname, i.relname, pg_get_indexdef(i.oid) FROM pg_index x"
            " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = current_schema() AND c.relname = ANY(%s)"
            " AND NOT x.indisunique AND NOT x.indisprimary"
            " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)",
            (big,),
        )
        for table, index, definition in self.cursor.fetchall():
            self.cursor.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(index)))
            self._dropped_indexes.append((table, definition))

    def write(self, table: str, columns: Sequence[str], rows: Iterable[Row]) -> int:
        written = 0
        with self.cursor.copy(self._copy_statement(table, columns)) as copy:
            write_row = copy.write_row
            for row in rows:
                write_row(row)
                written += 1
        self.counts[table] += written
        self._report(table)
        return written

    def write_text(self, table: str, columns: Sequence[str], text: bytes, rows: int) -> None:
        """COPY rows already in text format (made by `copy_text` and encoded as UTF-8,
        maybe in another process)."""
        with self.cursor.copy(self._copy_statement(table, columns)) as copy:
            copy.write(text)
        self.counts[table] += rows
        self._report(table)

    def _copy_statement(self, table: str, columns: Sequence[str]) -> sql.Composed:
        return sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
        )

    def restore_indexes(self, tables: Collection[str]) -> None:
        """Build again the indexes taken off `tables` (the others wait for `finish`)."""
        for table, definition in self._dropped_indexes:
            if table in tables:
                if self._progress is not None:
                    self._progress("index:" + table, 0, 1)
                started = time.perf_counter()
                self.cursor.execute(definition)
                log.debug("%.2f s: %s", time.perf_counter() - started, definition)
        self._dropped_indexes = [item for item in self._dropped_indexes if item[0] not in tables]

    def finish(self) -> None:
        self.restore_indexes({table for table, _ in self._dropped_indexes})
        started = time.perf_counter()
        for table in self.counts:
            self.cursor.execute(
                sql.SQL(
                    "SELECT setval(pg_get_serial_sequence(%s, 'id'), max(id)) FROM {}"
                    " HAVING max(id) IS NOT NULL"
                ).format(sql.Identifier(table)),
                (table,),
            )
        for table in sorted(self.counts, key=self.counts.__getitem__, reverse=True)[:12]:
            self.cursor.execute(sql.SQL("ANALYZE {}").format(sql.Identifier(table)))
        log.debug("%.2f s: sequences and ANALYZE", time.perf_counter() - started)


class SqliteSink(_BaseSink):
    """Batched executemany in the caller's one transaction, foreign keys checked at commit."""

    def __init__(self, connection: Connection, progress: Progress | None) -> None:
        super().__init__(connection, progress)
        if not self.driver.in_transaction:
            self.driver.execute("BEGIN IMMEDIATE")  # the write lock, before checking emptiness
        # Deferred: the department ↔ employee cycle can be inserted without later updates.
        self.driver.execute("PRAGMA defer_foreign_keys = ON")

    def prepare(self, expected_rows: Mapping[str, int]) -> None:
        """Take off, for the load, the per-row audit triggers (the load writes one audit row
        for all its rows, as on PostgreSQL) and the plain indexes of the big tables (as on
        PostgreSQL); `finish` puts the very same back, from their own SQL."""
        self.expected = expected_rows
        big = [table for table, rows in expected_rows.items() if rows >= BIG_TABLE_ROWS]
        marks = ", ".join("?" * len(big))
        self._taken_off = self.driver.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE (type = 'trigger'"
            " AND name LIKE 'trg\\_%\\_audit\\_insert' ESCAPE '\\') OR (type = 'index'"
            f" AND sql LIKE 'CREATE INDEX %' AND tbl_name IN ({marks}))",
            big,
        ).fetchall()
        for kind, name, _ in self._taken_off:
            self.driver.execute(f'DROP {kind.upper()} "{name}"')

    def write(self, table: str, columns: Sequence[str], rows: Iterable[Row]) -> int:
        names = ", ".join(f'"{column}"' for column in columns)
        marks = ", ".join("?" * len(columns))
        statement = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
        written = 0
        batch: list[Row] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= _SQLITE_BATCH:
                self.driver.executemany(statement, batch)
                written += len(batch)
                batch.clear()
        if batch:
            self.driver.executemany(statement, batch)
            written += len(batch)
        self.counts[table] += written
        self._report(table)
        return written

    def write_text(self, table: str, columns: Sequence[str], text: bytes, rows: int) -> None:
        raise NotImplementedError("SQLite takes rows, not COPY text")

    def restore_indexes(self, tables: Collection[str]) -> None:
        """Nothing early: SQLite writes and indexes in this one process anyway."""

    def finish(self) -> None:
        for _, _, definition in self._taken_off:
            self.driver.execute(definition)
        self.driver.execute("PRAGMA optimize")
