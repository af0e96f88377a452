"""The table model every list panel uses: a ListQuery (app/listing.py) over the database,
read lazily in blocks, a million rows as smoothly as fifty.

The model keeps a bounded cache of blocks of `block_size` rows — the raw row tuples and their
display texts — and nothing else of the list. Every read runs off the GUI thread on a
connection the model keeps while it reads (`Reads`) and arrives by a queued signal; until a
block is there its cells show "…". A block is read by keyset from a neighbour in the cache,
from the key map (every block's first key, read in the background when the count is an
estimate or a block far from the cache is wanted), or from the end of the list when the
count is exact, so Ctrl+End and dragging the scroll bar to the middle never read with OFFSET.
The row count is exact up to `count_cap`, an estimate above it until the key map brings the
exact count.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView
from shiboken6 import isValid
from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app import listing
from app.access import CurrentUser
from app.listing import Filter, Formats, Key, KeyMap, ListColumn, ListQuery, Page, Row, RowCount
from ui.background import Worker, WorkerSignals
from ui.models.row_model import ID_ROLE

log = logging.getLogger(__name__)

VALUE_ROLE = Qt.ItemDataRole.UserRole + 3  # the raw value of a cell (Decimal, date, …)
PLACEHOLDER = "…"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
MAX_WANTED = 6  # blocks asked for and not yet read; older wishes are forgotten
IDLE_RELEASE_MS = 20_000  # a model that has not read for this long gives its connection back

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


@dataclass(frozen=True)
class Block:
    """Rows [number * block_size, …) of the list: raw rows, their texts, first and last key."""

    rows: tuple[Row, ...]
    texts: tuple[tuple[str, ...], ...]
    first: Key | None
    last: Key | None


@dataclass(frozen=True)
class Opened:
    count: RowCount
    first: Block


@dataclass(frozen=True)
class Anchor:
    """How to read one block: "first", "after" key, "before" key or "last" (`size` rows)."""

    how: str
    key: Key | None
    size: int


def make_block(columns: Sequence[ListColumn], page: Page, formats: Formats) -> Block:
    format_row = listing.row_formatter(columns, formats)
    return Block(page.rows, tuple(map(format_row, page.rows)), page.first, page.last)


# The Reads of each engine, so that one idle connection per engine is kept and a disposed
# engine's are closed. Reads on worker threads walk what the GUI thread adds: hence the lock.
_readers: weakref.WeakKeyDictionary[Engine, weakref.WeakSet[Reads]] = weakref.WeakKeyDictionary()
_readers_lock = threading.Lock()


def _register(reads: Reads) -> None:
    with _readers_lock:
        readers = _readers.get(reads.engine)
        if readers is None:
            readers = _readers[reads.engine] = weakref.WeakSet()
            event.listen(reads.engine, "engine_disposed", _close_readers)
        readers.add(reads)


def _readers_on(engine: Engine) -> list[Reads]:
    with _readers_lock:
        return list(_readers.get(engine, ()))


def _close_readers(engine: Engine) -> None:
    for reads in _readers_on(engine):
        reads.close_for_good()


class Reads:
    """The connection a model reads through, checked out of the engine once, in autocommit,
    and kept while the model reads: a page then costs neither a session, nor the pool's ping
    (PostgreSQL), nor resetting the connection on its return. Reads on several threads each
    take their own; at most one is kept idle, until `release` (the model calls it when it has
    not read for a while, and on close) gives it back to the pool. The list being read keeps
    its connection; the others of the same engine (panels left open in the background) give
    theirs back, so open panels never drain the pool. A read that finds the kept connection
    dropped by the server runs once more on a fresh one, pinged by the pool."""

    def __init__(self, source: sessionmaker[Session] | Engine) -> None:
        engine = source if isinstance(source, Engine) else source.kw.get("bind")
        if not isinstance(engine, Engine):
            raise TypeError("a list model reads through an engine (or a factory bound to one)")
        self.engine = engine
        self._lock = threading.Lock()
        self._idle: Connection | None = None
        _register(self)

    def run(self, read: Callable[[Connection], T]) -> T:
        """`read` on a connection in autocommit."""
        with self._lock:
            kept, self._idle = self._idle, None
        if kept is None:
            return self._run_on(self._connect(), read)
        try:
            return self._run_on(kept, read)
        except DBAPIError as exc:
            if not exc.connection_invalidated:
                raise
            log.info("A kept connection was lost (%s); reading on a new one", exc)
            return self._run_on(self._connect(), read)

    def release(self) -> None:
        """Give the idle connection back to the pool (the next read checks one out)."""
        with self._lock:
            connection, self._idle = self._idle, None
        if connection is not None:
            connection.close()

    def close_for_good(self) -> None:
        """The engine was disposed (log out, password change): its pool is gone, so the idle
        connection is closed rather than given back to it."""
        with self._lock:
            connection, self._idle = self._idle, None
        if connection is not None:
            connection.invalidate()
            connection.close()

    def _connect(self) -> Connection:
        return self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")

    def _run_on(self, connection: Connection, read: Callable[[Connection], T]) -> T:
        try:
            result = read(connection)
        except BaseException:
            connection.close()  # back to the pool, or discarded when invalidated
            raise
        with self._lock:
            spare, self._idle = self._idle, connection
        if spare is not None:  # another thread's, given back meanwhile
            spare.close()
        for other in _readers_on(self.engine):
            if other is not self:
                other.release()
        return result


class QueryTableModel(QAbstractTableModel):
    """Rows of a ListQuery as `user` may see them; read-only."""

    loading_changed = Signal(bool)
    count_changed = Signal(int, bool)  # rows, exact
    fetch_failed = Signal(object)  # the exception; the rows on screen stay

    def __init__(
        self,
        session_factory: sessionmaker[Session] | Engine,
        user: CurrentUser,
        language: str,
        query: ListQuery | None = None,
        *,
        formats: Formats | None = None,
        block_size: int = 200,
        cache_blocks: int = 16,
        count_cap: int = 10_000,
        idle_release_ms: int = IDLE_RELEASE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reads = Reads(session_factory)
        self._user = user
        self._language = language
        self._formats = formats or Formats.for_language(language)
        self._block_size = block_size
        self._cache_blocks = max(cache_blocks, 4)
        self._count_cap = count_cap
        self._query: ListQuery | None = None
        self._generation = 0
        self._count = 0
        self._exact = False
        self._blocks: OrderedDict[int, Block] = OrderedDict()
        self._key_map: KeyMap | None = None
        self._key_map_stale = False
        self._key_map_running = False
        self._opening = False
        self._reading: int | None = None  # the block being read
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._rows_reading: set[int] = set()
        self._jobs: set[WorkerSignals] = set()
        self._loading = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(3)
        self._pump_timer = QTimer(self)
        self._pump_timer.setSingleShot(True)
        self._pump_timer.setInterval(0)
        self._pump_timer.timeout.connect(self._pump)
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.setInterval(idle_release_ms)
        self._idle_timer.timeout.connect(self._reads.release)
        if query is not None:
            self.set_query(query)

    # What panels use.

    def query(self) -> ListQuery | None:
        return self._query

    @property
    def reads(self) -> Reads:
        """How this model reads (the benchmark times a block read through it)."""
        return self._reads

    def set_query(self, query: ListQuery) -> None:
        """Show `query` from its first row (a reset: the order or the rows changed)."""
        self.beginResetModel()
        self._forget()
        self._query = query
        self._count, self._exact = 0, False
        self._key_map, self._key_map_stale = None, False
        self.endResetModel()
        self._open()

    def set_filters(self, filters: Sequence[Filter]) -> None:
        if self._query is not None:
            self.set_query(self._query.filtered(filters))

    def refresh(self) -> None:
        """Read the list again, keeping the rows on screen until the new ones arrive in
        place (no reset: the view keeps its position)."""
        if self._query is None:
            return
        self._forget()
        self._key_map_stale = self._key_map is not None
        self._emit_all_changed()
        self._open()

    def refresh_row(self, row_id: int) -> None:
        """Re-read one row after a save; `dataChanged` for it when it arrives. A row that has
        left the list (deleted, no longer matching) makes the whole list refresh."""
        query, generation = self._query, self._generation
        if query is None or self.row_of_id(row_id) is None or row_id in self._rows_reading:
            return
        self._rows_reading.add(row_id)
        reads, user = self._reads, self._user

        def read() -> Row | None:
            return reads.run(lambda connection: listing.fetch_row(connection, query, user, row_id))

        self._run(
            read,
            lambda row: self._on_row_read(generation, row_id, row),
            lambda exc: self._on_failed(generation, "row", exc),
        )

    def row_id(self, row: int) -> int | None:
        values = self.values(row)
        return None if values is None else int(values[0])

    def row_of_id(self, row_id: int) -> int | None:
        """The row showing `row_id`, looked up among the rows in the cache only."""
        for number, block in self._blocks.items():
            for offset, values in enumerate(block.rows):
                if values[0] == row_id:
                    return number * self._block_size + offset
        return None

    def values(self, row: int) -> Row | None:
        """The raw row (id, *column values), or None while it is not read."""
        block, offset = self._cached(row)
        if block is None or offset >= len(block.rows):
            return None
        return block.rows[offset]

    def column(self, section: int) -> ListColumn:
        assert self._query is not None
        return self._query.spec.columns[section]

    def is_count_exact(self) -> bool:
        return self._exact

    def is_loading(self) -> bool:
        return self._loading

    def set_language(self, language: str, formats: Formats | None = None) -> None:
        self._language = language
        self._formats = formats or Formats.for_language(language)
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        self.refresh()

    def close(self) -> None:
        """Stop listening, wait for reads in progress and give the connection back (before
        the engine is disposed)."""
        self._generation += 1
        self._pump_timer.stop()
        self._idle_timer.stop()
        self._pool.waitForDone()
        self._reads.release()

    # QAbstractTableModel.

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._query is None:
            return 0
        return len(self._query.spec.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            block, offset = self._wanted_block(index.row())
            if block is None:
                return PLACEHOLDER
            return block.texts[offset][index.column()] if offset < len(block.texts) else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if self.column(index.column()).kind in listing.NUMERIC_KINDS else None
        if role in (ID_ROLE, VALUE_ROLE):
            block, offset = self._wanted_block(index.row())
            if block is None or offset >= len(block.rows):
                return None
            values = block.rows[offset]
            return values[0] if role == ID_ROLE else values[index.column() + 1]
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        # Answered here, without super(): headers ask for several roles on every paint.
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return self.column(section).label(self._language) if section < self.columnCount() else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the database (a new query from the first row)."""
        if self._query is None or not 0 <= column < self.columnCount():
            return
        key = self.column(column).key
        descending = order == Qt.SortOrder.DescendingOrder
        if self._query.sort_column.key == key and self._query.descending == descending:
            return
        self.set_query(self._query.sorted_by(key, descending))

    # The cache.

    def _cached(self, row: int) -> tuple[Block | None, int]:
        number, offset = divmod(row, self._block_size)
        block = self._blocks.get(number)
        if block is not None:
            self._blocks.move_to_end(number)
        return block, offset

    def _wanted_block(self, row: int) -> tuple[Block | None, int]:
        """The cached block of `row`; when missing, ask for it. Near a block's end, ask for
        the next one too, so scrolling rarely meets a missing block."""
        block, offset = self._cached(row)
        number = row // self._block_size
        if block is None:
            self._want(number, urgent=True)
        elif offset >= self._block_size * 3 // 4:
            self._want(number + 1, urgent=False)
        elif offset < self._block_size // 4 and number > 0:
            self._want(number - 1, urgent=False)
        return block, offset

    def _want(self, number: int, urgent: bool) -> None:
        if (
            number in self._blocks
            or number == self._reading
            or number * self._block_size >= self._count
        ):
            return
        if number in self._wanted:
            if urgent:
                self._wanted.move_to_end(number)
        elif urgent:
            self._wanted[number] = None
        else:
            self._wanted[number] = None
            self._wanted.move_to_end(number, last=False)
        while len(self._wanted) > MAX_WANTED:
            self._wanted.popitem(last=False)
        if not self._pump_timer.isActive():
            self._pump_timer.start()

    def _store(self, number: int, block: Block) -> None:
        self._blocks[number] = block
        self._blocks.move_to_end(number)
        while len(self._blocks) > self._cache_blocks:
            self._blocks.popitem(last=False)
        first = number * self._block_size
        last = min(first + self._block_size, self._count) - 1
        if last >= first and self.columnCount():
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def _forget(self) -> None:
        """Drop the cache and ignore every read still under way."""
        self._generation += 1
        self._blocks.clear()
        self._wanted.clear()
        self._rows_reading.clear()
        self._reading = None
        self._opening = False
        self._key_map_running = False

    def _emit_all_changed(self) -> None:
        if self._count and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._count - 1, self.columnCount() - 1)
            )

    def _set_count(self, count: int, exact: bool) -> None:
        old = self._count
        if count > old:
            self.beginInsertRows(QModelIndex(), old, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < old:
            self.beginRemoveRows(QModelIndex(), count, old - 1)
            self._count = count
            last_block = (count - 1) // self._block_size if count else -1
            for number in [n for n in self._blocks if n > last_block]:
                del self._blocks[number]
            self.endRemoveRows()
        if count != old or exact != self._exact:
            self._exact = exact
            self.count_changed.emit(count, exact)

    # Reading in the background.

    def _run(
        self,
        function: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        worker = Worker(function)
        signals = worker.signals
        self._jobs.add(signals)

        # Plain functions, which Qt does not disconnect when the model is deleted: a read
        # that ends after its list was closed is dropped.
        def done(result: Any) -> None:
            if not isValid(self):
                return
            self._jobs.discard(signals)
            on_done(result)
            self._update_loading()

        def failed(exc: Exception) -> None:
            if not isValid(self):
                return
            self._jobs.discard(signals)
            on_failed(exc)
            self._update_loading()

        signals.succeeded.connect(done)
        signals.failed.connect(failed)
        self._pool.start(worker)
        self._update_loading()

    def _open(self) -> None:
        """The first block and the row count, in one session."""
        query, generation = self._query, self._generation
        assert query is not None
        reads, user, formats = self._reads, self._user, self._formats
        size, cap = self._block_size, self._count_cap

        def open_list(connection: Connection) -> tuple[Page, RowCount]:
            page = listing.first_page(connection, query, user, size)
            if page.complete:
                return page, RowCount(len(page.rows), exact=True)
            return page, listing.count_rows(connection, query, user, cap)

        def read() -> Opened:
            page, count = reads.run(open_list)
            return Opened(count, make_block(query.spec.columns, page, formats))

        self._opening = True
        self._run(
            read,
            lambda opened: self._on_opened(generation, opened),
            lambda exc: self._on_failed(generation, "open", exc),
        )

    def _on_opened(self, generation: int, opened: Opened) -> None:
        if generation != self._generation:
            return
        self._opening = False
        if opened.count.exact or not self._exact:
            # A refresh keeps the exact count it had until the key map brings the new one,
            # rather than jumping to an estimate and back.
            self._set_count(opened.count.value, opened.count.exact)
        self._store(0, opened.first)
        if not opened.count.exact or self._key_map_stale:
            self._read_key_map()
        self._pump()
        self._update_loading()

    def _read_key_map(self) -> None:
        if self._key_map_running or self._query is None:
            return
        query, generation = self._query, self._generation
        reads, user, step = self._reads, self._user, self._block_size

        def read() -> KeyMap:
            return reads.run(lambda connection: listing.key_map(connection, query, user, step))

        self._key_map_running = True
        self._run(
            read,
            lambda found: self._on_key_map(generation, found),
            lambda exc: self._on_failed(generation, "key map", exc),
        )

    def _on_key_map(self, generation: int, found: KeyMap) -> None:
        if generation != self._generation:
            return
        self._key_map_running = False
        changed = self._key_map_stale and (
            self._key_map is None or self._key_map.keys != found.keys
        )
        self._key_map, self._key_map_stale = found, False
        self._set_count(found.count, exact=True)
        if changed:
            # Blocks placed by the old map, cached or still being read, may be off by a few
            # rows: drop them and ignore those reads (the first block is placed by no map).
            first = self._blocks.get(0)
            self._forget()
            if first is not None:
                self._blocks[0] = first
            self._emit_all_changed()
        self._pump()
        self._update_loading()

    def _pump(self) -> None:
        """Read the most recently wanted block that can be reached; ask for the key map
        when none can."""
        if self._query is None or self._opening or self._reading is not None:
            self._update_loading()
            return
        for number in reversed(list(self._wanted)):
            if number in self._blocks or number * self._block_size >= self._count:
                del self._wanted[number]
                continue
            anchor = self._anchor(number)
            if anchor is not None:
                del self._wanted[number]
                self._read_block(number, anchor)
                return
        if self._wanted and (self._key_map is None or self._key_map_stale):
            self._read_key_map()
        self._update_loading()

    def _anchor(self, number: int) -> Anchor | None:
        size = self._block_size
        if number == 0:
            return Anchor("first", None, size)
        before = self._blocks.get(number - 1)
        if before is not None and len(before.rows) == size and before.last is not None:
            return Anchor("after", before.last, size)
        if self._key_map is not None:
            key = self._key_map.key_before(number * size)
            if key is not None:
                return Anchor("after", key, size)
        after = self._blocks.get(number + 1)
        if after is not None and after.first is not None:
            return Anchor("before", after.first, size)
        if self._exact and (number + 1) * size >= self._count:
            return Anchor("last", None, self._count - number * size)
        return None

    def _read_block(self, number: int, anchor: Anchor) -> None:
        query, generation = self._query, self._generation
        assert query is not None
        reads, user, formats = self._reads, self._user, self._formats

        def read() -> Block:
            return read_block(reads, query, user, anchor, formats)

        self._reading = number
        self._run(
            read,
            lambda block: self._on_block(generation, number, block),
            lambda exc: self._on_failed(generation, "block", exc),
        )

    def _on_block(self, generation: int, number: int, block: Block) -> None:
        if generation != self._generation:
            return
        self._reading = None
        self._store(number, block)
        self._pump()

    def _on_row_read(self, generation: int, row_id: int, row: Row | None) -> None:
        if generation != self._generation:
            return
        self._rows_reading.discard(row_id)
        if row is None:
            self.refresh()
            return
        position = self.row_of_id(row_id)
        if position is None:
            return
        number, offset = divmod(position, self._block_size)
        block = self._blocks[number]
        rows, texts = list(block.rows), list(block.texts)
        rows[offset] = row
        texts[offset] = listing.format_row(self._query.spec.columns, row, self._formats)  # type: ignore[union-attr]
        self._blocks[number] = dataclasses.replace(block, rows=tuple(rows), texts=tuple(texts))
        self.dataChanged.emit(self.index(position, 0), self.index(position, self.columnCount() - 1))

    def _on_failed(self, generation: int, what: str, exc: Exception) -> None:
        if generation != self._generation:
            return
        log.warning("Reading the list (%s) failed: %s", what, exc)
        if what == "open":
            self._opening = False
        elif what == "key map":
            self._key_map_running = False
        elif what == "block":
            self._reading = None
        elif what == "row":
            self._rows_reading.clear()
        self._wanted.clear()  # no retry loop against a server that is down
        self._update_loading()
        self.fetch_failed.emit(exc)

    def _update_loading(self) -> None:
        loading = bool(
            self._opening or self._reading is not None or self._key_map_running or self._jobs
        )
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)
        if not loading:
            self._idle_timer.start()


def follow_end(view: QAbstractItemView) -> None:
    """Keep `view` at the end of its list when rows are added or removed there while it is
    at the end: a long list's count is an estimate until the key map brings the exact one, so
    a Ctrl+End pressed before that would otherwise be left short of the real end."""
    model = view.model()
    at_end = [False, False]  # scrolled to the bottom, current row the last

    def before(*_: Any) -> None:
        bar = view.verticalScrollBar()
        at_end[0] = bar.maximum() > 0 and bar.value() >= bar.maximum()
        at_end[1] = view.currentIndex().isValid() and (
            view.currentIndex().row() >= model.rowCount() - 1
        )

    def after(*_: Any) -> None:
        if at_end[1] and model.rowCount():
            column = max(view.currentIndex().column(), 0)
            view.setCurrentIndex(model.index(model.rowCount() - 1, column))
        if at_end[0]:
            view.scrollToBottom()

    for about, done in (
        (model.rowsAboutToBeInserted, model.rowsInserted),
        (model.rowsAboutToBeRemoved, model.rowsRemoved),
    ):
        about.connect(before)
        done.connect(after)


def read_block(
    reads: Reads, query: ListQuery, user: CurrentUser, anchor: Anchor, formats: Formats
) -> Block:
    """One block as a model reads it in the background: its page, then its texts."""
    page = reads.run(lambda connection: read_page(connection, query, user, anchor))
    return make_block(query.spec.columns, page, formats)


def read_page(session: listing.Reader, query: ListQuery, user: CurrentUser, anchor: Anchor) -> Page:
    if anchor.how == "first":
        return listing.first_page(session, query, user, anchor.size)
    if anchor.how == "last":
        return listing.last_page(session, query, user, anchor.size)
    assert anchor.key is not None
    if anchor.how == "after":
        return listing.page_after(session, query, user, anchor.key, anchor.size)
    return listing.page_before(session, query, user, anchor.key, anchor.size)
