"""Demo data (演示数据): a plausible customer base of any size, loaded fast into an empty database.

`load_demo` fills every table of the data model that does not need a login account, in one
transaction: all of it or nothing. The same seed gives the same rows: every value comes
from a `random.Random` seeded per stage, and dates count back from a fixed reference date,
never from the clock. The stages live in app/demo_*.py; this module runs them in an order
that satisfies every foreign key, and records the load in the audit log.
"""

from __future__ import annotations

import json
import logging
import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, bindparam, func, insert, select, text

import db.models  # noqa: F401 - registers every table on Base.metadata
from app import demo_activity, demo_customers, demo_media, demo_office
from app.demo_master import (
    DEPARTMENTS,
    Batch,
    World,
    company_batches,
    density,
    organisation_batches,
    read_reference,
    staff_count,
)
from app.demo_sink import Progress, Row, Sink, copy_text, open_sink
from app.errors import ValidationError
from db.base import Base
from db.models.audit import AuditLog

log = logging.getLogger(__name__)

# Tables the demo leaves empty, and why: they belong to login accounts, which a demo must
# not invent (each is a PostgreSQL login role with a password an administrator sets).
TABLES_LEFT_EMPTY = {
    "users": "login accounts are created by an administrator, never by demo data",
    "user_settings": "per-user preferences need a user",
    "saved_queries": "a saved query belongs to a user (user_id is required)",
    "message_recipients": "recipients are users; the demo's system notices have none",
}


@dataclass(frozen=True)
class DemoSummary:
    """What a demo load wrote: rows per table, and how long it took."""

    customers: int
    contacts: int
    seconds: float
    rows: Mapping[str, int] = field(default_factory=dict)
    # Seconds of each phase of the load, in order (see `load_demo`): where the time goes.
    phases: Mapping[str, float] = field(default_factory=dict)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def load_demo(
    engine: Engine,
    customers: int,
    seed: int = 1,
    progress: Progress | None = None,
    *,
    workers: int | None = None,
) -> DemoSummary:
    """Load `customers` demo customers (and everything around them) into an empty database.

    `workers` processes generate the big tables (default: one per CPU; 1 generates in this
    process). Raises ValidationError("database_not_empty") if the database already holds
    customers, or master data the demo's own would collide with.
    """
    if customers < 1:
        raise ValidationError("invalid", field="customers", detail="customers must be >= 1")
    workers = workers or os.cpu_count() or 1
    clock = PhaseClock()
    with engine.connect() as connection, connection.begin():
        sink = open_sink(connection, progress)
        _refuse_non_empty(connection)
        world = World(
            customers, seed, sink.formats, read_reference(connection), _id_bases(connection)
        )
        sink.prepare(expected_rows(customers))
        _write_batches(sink, frame_batches(world))
        clock.lap("prepare")
        with ChunkResults(demo_customers.CustomerStage(world), sink, workers) as results:
            _write_chunks(sink, results)
        _write_batches(sink, demo_office.staff_diary_batches(world))
        clock.lap("customers")
        activity = ChunkResults(demo_activity.ActivityStage(world), sink, workers, ahead=64)
        with activity as results:
            # The workers make activity chunks while the server rebuilds these indexes.
            sink.restore_indexes(demo_customers.TABLES)
            clock.lap("customer indexes")
            _write_chunks(sink, results)
        _write_batches(sink, [demo_activity.attachment_batch(world)])
        clock.lap("activity")
        sink.finish()
        _record_bulk_load(connection, sink.counts, customers, seed)
        clock.lap("finish")
    clock.lap("commit")
    seconds = clock.total()
    log.info("demo data: %d rows in %.1f s (%s)", sum(sink.counts.values()), seconds, clock)
    return DemoSummary(
        customers, sink.counts["contacts"], seconds, dict(sink.counts), dict(clock.seconds)
    )


class PhaseClock:
    """Seconds between laps, by the name of the phase each lap ends."""

    def __init__(self) -> None:
        self.started = self._last = time.perf_counter()
        self.seconds: dict[str, float] = {}

    def lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.seconds[phase] = self.seconds.get(phase, 0.0) + now - self._last
        self._last = now

    def total(self) -> float:
        return self._last - self.started

    def __str__(self) -> str:
        return ", ".join(f"{phase} {seconds:.1f} s" for phase, seconds in self.seconds.items())


def frame_batches(world: World) -> Iterator[Batch]:
    """The few rows everything else refers to, parents before children."""
    steps: tuple[Callable[[World], Iterator[Batch]], ...] = (
        company_batches,
        organisation_batches,
        demo_media.outlet_batches,
        demo_media.rate_card_batches,
        demo_office.event_batches,
        demo_office.campaign_batches,
        lambda w: iter((demo_office.template_batch(w), demo_office.notice_batch(w))),
        lambda w: iter((demo_office.target_batch(w),)),
    )
    for step in steps:
        yield from step(world)


def _write_batches(sink: Sink, batches: Iterable[Batch]) -> None:
    for table, columns, rows in batches:
        sink.write(table, columns, rows)


class ChunkedStage(Protocol):
    """A big stage: `run(chunk)` makes a chunk's batches (and facts for `merge`)."""

    chunks: int

    def run(self, chunk: int) -> tuple[list[Batch], Any]: ...

    def merge(self, facts: Any) -> None: ...


Payload = tuple[str, tuple[str, ...], "list[Row] | bytes", int]
# The stage forked workers run: they inherit it, so nothing big is pickled to them.
_forked_stage: ChunkedStage | None = None


def _write_chunks(sink: Sink, results: ChunkResults) -> None:
    for payloads, facts in results:
        results.stage.merge(facts)
        for table, columns, data, count in payloads:
            if isinstance(data, bytes):
                sink.write_text(table, columns, data, count)
            else:
                sink.write(table, columns, data)


class ChunkResults:
    """A stage's chunk results, in chunk order; made by forked workers when there are
    several chunks and workers, and otherwise here, one by one as they are read.

    Workers start on entering: up to `ahead` chunks are made before they are read, which
    bounds memory when the database is slower than the generators, and lets the workers
    get on while the server does something else. Workers are forked (they inherit the
    stage, so nothing big is pickled): only where fork exists, and only from a
    single-threaded process, where forking is safe.
    """

    def __init__(
        self, stage: ChunkedStage, sink: Sink, workers: int, ahead: int | None = None
    ) -> None:
        self.stage = stage
        self.as_text = sink.formats.postgresql
        self.ahead = ahead or 2 * workers
        self.parallel = (
            workers > 1
            and stage.chunks > 1
            and "fork" in mp.get_all_start_methods()
            and threading.active_count() == 1
        )
        self.workers = workers
        self._pool: Any = None
        self._pending: deque[AsyncResult[tuple[list[Payload], Any]]] = deque()
        self._next_chunk = 0

    def __enter__(self) -> ChunkResults:
        global _forked_stage
        if self.parallel:
            _forked_stage = self.stage
            self._pool = mp.get_context("fork").Pool(self.workers)
            while self._next_chunk < min(self.ahead, self.stage.chunks):
                self._submit()
        return self

    def __exit__(self, *exc_info: object) -> None:
        global _forked_stage
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
        _forked_stage = None

    def _submit(self) -> None:
        self._pending.append(self._pool.apply_async(_run_forked, (self._next_chunk, self.as_text)))
        self._next_chunk += 1

    def __iter__(self) -> Iterator[tuple[list[Payload], Any]]:
        if not self.parallel:
            for chunk in range(self.stage.chunks):
                yield _prepared(self.stage, chunk, self.as_text)
            return
        while self._pending:
            result = self._pending.popleft().get()
            if self._next_chunk < self.stage.chunks:
                self._submit()
            yield result


def _run_forked(chunk: int, as_text: bool) -> tuple[list[Payload], Any]:
    assert _forked_stage is not None, "run only in a worker forked by ChunkResults"
    return _prepared(_forked_stage, chunk, as_text)


def _prepared(stage: ChunkedStage, chunk: int, as_text: bool) -> tuple[list[Payload], Any]:
    """A chunk's batches, as COPY text for PostgreSQL (made here, in the worker) or rows."""
    batches, facts = stage.run(chunk)
    payloads: list[Payload] = [
        (table, columns, copy_text(rows, len(columns)).encode() if as_text else rows, len(rows))
        for table, columns, rows in batches
        if rows
    ]
    return payloads, facts


def expected_rows(customers: int) -> dict[str, int]:
    """About how many rows each big table gets: for progress, and to pick the tables whose
    secondary indexes are rebuilt after the load rather than kept up row by row."""
    detailed = customers * density(customers)
    return {
        "customers": customers,
        "contacts": 2 * customers,
        "customer_extensions": int(detailed * demo_customers.CUSTOMER_EXTENSION_SHARE),
        "contact_extensions": int(2 * detailed * demo_customers.CONTACT_EXTENSION_SHARE),
        "business_logs": 30 * staff_count(customers),
        **demo_activity.expected_rows(customers),
    }


def _refuse_non_empty(connection: Connection) -> None:
    """Refuse a database that already has customers, or master rows the demo's would clash
    with. The sink holds the write lock: a second concurrent load waits, then refuses."""
    if connection.execute(text("SELECT 1 FROM customers LIMIT 1")).first() is not None:
        raise ValidationError("database_not_empty", field="customers")
    for table, column, values in _demo_keys():
        target = Base.metadata.tables[table]
        clash = connection.execute(
            select(func.count()).where(target.c[column].in_(bindparam("values", expanding=True))),
            {"values": list(values)},
        ).scalar_one()
        if clash:
            raise ValidationError("database_not_empty", field=table)


def _demo_keys() -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(table, unique column, the demo's values) of master data with unique names."""
    yield "departments", "name", tuple(name for _, name, parent, _ in DEPARTMENTS if not parent)
    yield "employees", "employee_no", tuple(f"HX{number:04d}" for number in range(1, 10_000))
    yield "media_outlets", "name", ("华夏时代网", "时代商业公众号", "华夏时代会展")
    yield "ad_services", "code", tuple(code for code, *_ in demo_media.SERVICES)
    yield "products_services", "code", ("ADV-PRINT", "ADV-ONLINE", "EXPO-BOOTH")
    yield "print_templates", "name", tuple(name for name, *_ in demo_office.TEMPLATES)


def _id_bases(connection: Connection) -> dict[str, int]:
    """The highest id of every table: the demo's rows are numbered after it."""
    bases = {}
    for table in Base.metadata.sorted_tables:
        if "id" in table.c:
            bases[table.name] = connection.execute(select(func.max(table.c.id))).scalar() or 0
    return bases


def _record_bulk_load(
    connection: Connection, counts: Mapping[str, int], customers: int, seed: int
) -> None:
    """One audit row for the whole load, in place of a row per inserted record."""
    note = json.dumps(
        {"demo": {"customers": customers, "seed": seed}, "rows": dict(sorted(counts.items()))},
        ensure_ascii=False,
    )
    connection.execute(
        insert(AuditLog).values(
            operation="BULK_LOAD",
            db_user=connection.execute(text("SELECT current_user")).scalar()
            if connection.dialect.name == "postgresql"
            else None,
            application="MediaCRM demo",
            note=f"演示数据装入 / demo data load: {note}",
        )
    )
