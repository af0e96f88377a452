"""The database-bound list model (ui/models/query_model.py) on SQLite and PostgreSQL: it passes
Qt's model tester while blocks, counts and the key map arrive; a table view scrolled to the
end and to the middle shows the right rows; sorting and filtering happen in the database."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from app.access import CurrentUser
from app.listing import Filter, ListQuery
from db.engine import make_engine, make_session_factory
from db.models.customers import Customer
from tests.acting_users import acting
from tests.databases import pg_connect
from tests.list_world import PINYIN_ORDER, customer_spec
from tests.security_world import World
from ui.models.query_model import PLACEHOLDER, VALUE_ROLE, QueryTableModel, follow_end
from ui.models.row_model import ID_ROLE

BLOCK = 50


@pytest.fixture
def make_model(list_boss: tuple[Any, CurrentUser]) -> Iterator[Any]:
    models: list[QueryTableModel] = []

    def make(query: ListQuery | None = None, **options: Any) -> QueryTableModel:
        factory, user = options.pop("acting_as", list_boss)
        options = {"block_size": BLOCK, "cache_blocks": 6, "count_cap": 300, **options}
        model = QueryTableModel(factory, user, "en", query or ListQuery(customer_spec()), **options)
        models.append(model)
        return model

    yield make
    for model in models:
        model.close()


def ordered_ids(list_world: World, descending: bool = False, **where: Any) -> list[int]:
    """Live customers by pinyin (NULL last), ties by id, as the list orders them."""
    engine = make_engine(list_world.url)
    try:
        with make_session_factory(engine)() as session:
            statement = select(Customer.id, Customer.name_pinyin).where(
                Customer.deleted_at.is_(None)
            )
            for name, value in where.items():
                statement = statement.where(getattr(Customer, name) == value)
            rows = session.execute(statement).all()
    finally:
        engine.dispose()
    rows = sorted(rows, key=lambda row: (row[1] is None, row[1] or "", row[0]))
    ids = [row[0] for row in rows]
    return ids[::-1] if descending else ids


def wait_until_settled(qtbot: QtBot, model: QueryTableModel) -> None:
    qtbot.waitUntil(lambda: model.is_count_exact() and not model.is_loading(), timeout=10_000)


def table_view(qtbot: QtBot, model: QueryTableModel) -> QTableView:
    view = QTableView()
    view.resize(900, 600)
    view.setModel(model)
    qtbot.addWidget(view)
    view.show()
    return view


def shown_ids(view: QTableView) -> list[int | None]:
    """The ids of the rows the view shows, top to bottom (None: not read yet).

    Asked of the model in Python: PySide6 6.12 on Python 3.11 returns an empty QVariant
    through QModelIndex.data() as a None without a reference, and these loops ask often."""
    model = view.model()
    assert isinstance(model, QueryTableModel)
    top = view.rowAt(0)
    bottom = view.rowAt(view.viewport().height() - 1)
    bottom = model.rowCount() - 1 if bottom < 0 else bottom
    return [model.row_id(row) for row in range(top, bottom + 1)]


def wait_for_rows(qtbot: QtBot, view: QTableView) -> list[int]:
    qtbot.waitUntil(lambda: None not in shown_ids(view), timeout=10_000)
    return shown_ids(view)  # type: ignore[return-value]


def test_model_passes_the_model_tester_while_rows_and_counts_arrive(
    qtbot: QtBot, qtmodeltester: Any, list_world: World, make_model: Any
) -> None:
    model = make_model()
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.count_changed, timeout=10_000):
        pass
    wait_until_settled(qtbot, model)
    expected = ordered_ids(list_world)
    assert model.rowCount() == len(expected)
    view = table_view(qtbot, model)
    view.scrollToBottom()
    assert wait_for_rows(qtbot, view)[-1] == expected[-1]
    model.refresh()
    wait_until_settled(qtbot, model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    wait_until_settled(qtbot, model)
    assert model.rowCount() == len(expected)


def test_first_rows_count_and_headers(qtbot: QtBot, list_world: World, make_model: Any) -> None:
    model = make_model()
    view = table_view(qtbot, model)
    counts: list[tuple[int, bool]] = []
    model.count_changed.connect(lambda count, exact: counts.append((count, exact)))
    expected = ordered_ids(list_world)
    assert wait_for_rows(qtbot, view) == expected[: len(shown_ids(view))]
    assert model.index(1, 0).data() != PLACEHOLDER
    wait_until_settled(qtbot, model)
    assert counts[-1] == (len(expected), True)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Name",
        "Industry",
        "Registered capital (CNY)",
    ]
    money = model.index(0, 2)
    assert money.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    row = model.values(0)
    assert row is not None and row[0] == expected[0] == model.row_id(0)
    assert model.index(0, 0).data(ID_ROLE) == expected[0]
    assert money.data(VALUE_ROLE) == row[3]
    assert model.row_of_id(expected[0]) == 0


def test_view_at_the_end_and_in_the_middle_shows_the_right_rows(
    qtbot: QtBot, list_world: World, make_model: Any
) -> None:
    model = make_model()
    view = table_view(qtbot, model)
    expected = ordered_ids(list_world)
    wait_for_rows(qtbot, view)
    # Until the count is exact the end is the estimated end; it is exact within a moment.
    wait_until_settled(qtbot, model)
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.currentIndex().row() == len(expected) - 1, timeout=10_000)
    shown = wait_for_rows(qtbot, view)
    assert shown == expected[-len(shown) :]
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    shown = wait_for_rows(qtbot, view)
    top = view.rowAt(0)
    assert len(expected) // 3 < top < len(expected) * 2 // 3
    assert shown == expected[top : top + len(shown)]


class KeyMapOnHold(QueryTableModel):
    """A model whose key map (and so its exact count) waits until released."""

    hold = True

    def _read_key_map(self) -> None:
        if not self.hold:
            super()._read_key_map()

    def release(self) -> None:
        self.hold = False
        self._read_key_map()


def test_ctrl_end_before_the_exact_count_ends_at_the_real_end(
    qtbot: QtBot, list_world: World, list_boss: tuple[Any, CurrentUser]
) -> None:
    factory, user = list_boss
    model = KeyMapOnHold(factory, user, "en", ListQuery(customer_spec()), block_size=BLOCK,
                         count_cap=300)  # fmt: skip
    try:
        view = table_view(qtbot, model)
        follow_end(view)
        expected = ordered_ids(list_world)
        wait_for_rows(qtbot, view)
        assert not model.is_count_exact()
        view.setFocus()
        QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        model.release()
        wait_until_settled(qtbot, model)
        shown = wait_for_rows(qtbot, view)
        assert shown == expected[-len(shown) :]
        assert view.currentIndex().row() == len(expected) - 1
    finally:
        model.close()


def test_view_at_the_end_follows_rows_leaving_and_coming_back(
    qtbot: QtBot, list_world: World, make_model: Any
) -> None:
    model = make_model()
    view = table_view(qtbot, model)
    follow_end(view)
    wait_until_settled(qtbot, model)
    view.scrollToBottom()
    expected = ordered_ids(list_world)
    leaving = [id_ for id_ in expected[-BLOCK - 5 :] if id_ % 2]
    engine = make_engine(list_world.url)
    try:
        for deleted_at, remaining in (
            (dt.datetime(2026, 5, 1, tzinfo=dt.UTC), False),
            (None, True),
        ):
            with engine.begin() as connection:
                connection.execute(
                    update(Customer)
                    .where(Customer.id.in_(leaving))
                    .values(deleted_at=deleted_at, version=Customer.version + 1)
                )
            model.refresh()
            now = ordered_ids(list_world)
            qtbot.waitUntil(lambda: model.rowCount() == len(now), timeout=10_000)  # noqa: B023
            wait_until_settled(qtbot, model)
            shown = wait_for_rows(qtbot, view)
            assert shown == now[-len(shown) :]
            assert (leaving[-1] in shown) is remaining
    finally:
        with engine.begin() as connection:
            connection.execute(
                update(Customer)
                .where(Customer.id.in_(leaving), Customer.deleted_at.is_not(None))
                .values(deleted_at=None, version=Customer.version + 1)
            )
        engine.dispose()


def test_sorting_and_filtering_run_in_the_database(
    qtbot: QtBot, list_world: World, make_model: Any
) -> None:
    model = make_model()
    view = table_view(qtbot, model)
    view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    wait_for_rows(qtbot, view)
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert wait_for_rows(qtbot, view)[:5] == ordered_ids(list_world, descending=True)[:5]
    model.set_filters([Filter("name", "contains", "拼音测试")])
    wait_until_settled(qtbot, model)
    names = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert names == list(reversed(PINYIN_ORDER))


def test_staff_model_shows_and_counts_only_own_rows(
    qtbot: QtBot, list_world: World, make_model: Any
) -> None:
    with acting(list_world, "staff_a") as acting_as:
        model = make_model(acting_as=acting_as)
        view = table_view(qtbot, model)
        expected = ordered_ids(list_world, owner_id=acting_as[1].employee_id)
        wait_for_rows(qtbot, view)
        wait_until_settled(qtbot, model)
        assert model.rowCount() == len(expected)
        view.scrollToBottom()
        shown = wait_for_rows(qtbot, view)
        assert shown == expected[-len(shown) :]
        model.close()


def test_refresh_row_rereads_one_row(qtbot: QtBot, list_world: World, make_model: Any) -> None:
    model = make_model()
    view = table_view(qtbot, model)
    first = wait_for_rows(qtbot, view)[0]
    engine = make_engine(list_world.url)
    try:
        with engine.begin() as connection:
            connection.execute(
                update(Customer)
                .where(Customer.id == first)
                .values(phone="0571-NEW", version=Customer.version + 1)
            )
        with qtbot.waitSignal(model.dataChanged, timeout=10_000) as changed:
            model.refresh_row(first)
        assert changed.args[0].row() == changed.args[1].row() == 0
        assert model.index(0, 5).data() == "0571-NEW"
    finally:
        with engine.begin() as connection:
            connection.execute(
                update(Customer)
                .where(Customer.id == first)
                .values(phone="0571-OLD", version=Customer.version + 1)
            )
        engine.dispose()


def test_rows_not_read_yet_show_a_placeholder_without_blocking(
    qtbot: QtBot, make_model: Any
) -> None:
    model = make_model()
    wait_until_settled(qtbot, model)
    far = model.rowCount() - 2 * BLOCK - 1
    assert model.index(far, 0).data() == PLACEHOLDER  # asked for, arriving later
    assert model.data(model.index(far, 0), ID_ROLE) is None
    qtbot.waitUntil(lambda: model.index(far, 0).data() != PLACEHOLDER, timeout=10_000)
    assert model.index(far, 0).data(ID_ROLE) is not None
    assert model.rowCount(model.index(0, 0)) == 0 and model.columnCount(QModelIndex()) == 6


def test_a_failed_read_is_reported_and_loading_ends(
    qtbot: QtBot, tmp_path: Any, list_boss: tuple[Any, CurrentUser]
) -> None:
    engine = make_engine(URL.create("sqlite", database=str(tmp_path / "missing" / "none.db")))
    model = QueryTableModel(engine, list_boss[1], "en")
    try:
        with qtbot.waitSignal(model.fetch_failed, timeout=10_000) as failed:
            model.set_query(ListQuery(customer_spec()))
        assert isinstance(failed.args[0], OperationalError)
        qtbot.waitUntil(lambda: not model.is_loading(), timeout=10_000)
        assert model.rowCount() == 0
    finally:
        model.close()
        engine.dispose()


def boss_model(factory: Any, user: CurrentUser, **options: Any) -> QueryTableModel:
    return QueryTableModel(factory, user, "en", ListQuery(customer_spec()), block_size=BLOCK,
                           count_cap=300, **options)  # fmt: skip


def test_reads_share_one_kept_connection_given_back_on_close_and_when_idle(
    qtbot: QtBot, list_world: World
) -> None:
    with acting(list_world, "boss") as (factory, user):
        pool = factory.kw["bind"].pool
        model = boss_model(factory, user, idle_release_ms=600_000)
        try:
            view = table_view(qtbot, model)
            wait_until_settled(qtbot, model)
            view.scrollToBottom()
            expected = ordered_ids(list_world)
            shown = wait_for_rows(qtbot, view)
            assert shown == expected[-len(shown) :]
            qtbot.waitUntil(lambda: not model.is_loading(), timeout=10_000)
            assert pool.checkedout() == 1  # kept between reads, not one per read
        finally:
            model.close()
        assert pool.checkedout() == 0
        idle = boss_model(factory, user, idle_release_ms=50)
        try:
            wait_until_settled(qtbot, idle)
            qtbot.waitUntil(lambda: pool.checkedout() == 0, timeout=10_000)
            assert idle.rowCount() == len(expected)
        finally:
            idle.close()


def test_lists_left_open_in_the_background_give_their_connection_back(
    qtbot: QtBot, list_world: World
) -> None:
    with acting(list_world, "boss") as (factory, user):
        pool = factory.kw["bind"].pool
        models = [boss_model(factory, user, idle_release_ms=600_000) for _ in range(3)]
        try:
            for model in models:
                wait_until_settled(qtbot, model)
            qtbot.waitUntil(lambda: not any(model.is_loading() for model in models))
            assert pool.checkedout() == 1  # the last list read keeps one; the others none
        finally:
            for model in models:
                model.close()
        assert pool.checkedout() == 0


def test_logging_out_closes_the_connection_a_model_keeps(qtbot: QtBot, list_world: World) -> None:
    """Log out disposes the engine while panels still hold their models: the kept
    connection is closed with it, not left open to a pool that is gone."""
    with acting(list_world, "boss") as (factory, user):
        model = boss_model(factory, user, idle_release_ms=600_000)
        try:
            wait_until_settled(qtbot, model)
            kept = model.reads.run(lambda connection: connection.connection.dbapi_connection)
            assert kept is not None and not getattr(kept, "closed", False)
            factory.kw["bind"].dispose()
            closed = kept.closed if list_world.is_postgresql else _sqlite_closed(kept)
            assert closed
        finally:
            model.close()


def _sqlite_closed(connection: Any) -> bool:
    try:
        connection.execute("SELECT 1")
    except sqlite3.ProgrammingError:
        return True
    return False


def test_a_kept_connection_the_server_dropped_is_replaced_unnoticed(
    qtbot: QtBot, list_world: World
) -> None:
    if not list_world.is_postgresql:
        pytest.skip("a server drops connections; a SQLite file does not")
    with acting(list_world, "boss") as (factory, user):
        model = boss_model(factory, user)
        failures: list[Exception] = []
        model.fetch_failed.connect(failures.append)
        try:
            view = table_view(qtbot, model)
            wait_until_settled(qtbot, model)
            pid = model.reads.run(
                lambda connection: connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
            )
            with pg_connect() as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            model.refresh()
            wait_until_settled(qtbot, model)
            shown = wait_for_rows(qtbot, view)
            assert shown == ordered_ids(list_world)[: len(shown)]
            assert not failures
            assert (
                model.reads.run(
                    lambda connection: connection.exec_driver_sql(
                        "SELECT pg_backend_pid()"
                    ).scalar()
                )
                != pid
            )
        finally:
            model.close()
