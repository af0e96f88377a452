"""The customer statistics panel as a person uses it, on SQLite and PostgreSQL: the table shows
the counts the user may see with a totals row, switching the dimension counts again, months
of a chosen year, the export (permission, audit trail) and the print document."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.auth import LoggedIn
from db.engine import make_engine, make_session_factory
from db.models.audit import AuditLog
from tests.prompters import Answers
from tests.security_world import World, build_world
from ui.modules import PanelContext
from ui.panels.customer_statistics_panel import CustomerStatisticsPanel, customer_statistics_panel

LANGUAGE = "en"
TIMEOUT_MS = 20_000


@pytest.fixture
def world(db_url: Any) -> World:
    """Six people (staff of A, A1 and B, a head of A, a boss, an admin), a customer with one
    contact each."""
    return build_world(db_url)


@pytest.fixture
def logged_in(world: World, request: pytest.FixtureRequest) -> Iterator[LoggedIn]:
    session = world.login(getattr(request, "param", "admin"))
    yield session
    session.close()


def open_panel(qtbot: QtBot, logged_in: LoggedIn, answers: Answers | None = None) -> Any:
    panel = CustomerStatisticsPanel(PanelContext(logged_in, LANGUAGE), answers or Answers())
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: not panel.is_loading(), timeout=TIMEOUT_MS)
    return panel


def shown(panel: CustomerStatisticsPanel) -> list[tuple[str, ...]]:
    return panel.model.shown_rows()


def choose(qtbot: QtBot, panel: CustomerStatisticsPanel, dimension: str, year: int = 0) -> None:
    with qtbot.waitSignal(panel.statistics_loaded, timeout=TIMEOUT_MS):
        panel.set_dimension(dimension, year or None)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: not panel.is_loading(), timeout=TIMEOUT_MS)


def test_the_table_shows_the_counts_with_totals_and_switches_dimension(
    qtbot: QtBot, qtmodeltester: Any, logged_in: LoggedIn
) -> None:
    panel = open_panel(qtbot, logged_in)
    assert panel.dimension() == "customer_type"
    assert shown(panel) == [("Target customer", "6", "6", "100.0%"), ("Total", "6", "6", "100.0%")]
    assert panel.model.headers() == ["Customer type", "Customers", "Contacts", "Share of customers"]
    qtmodeltester.check(panel.model)
    choose(qtbot, panel, "industry")
    assert shown(panel) == [("(none)", "6", "6", "100.0%"), ("Total", "6", "6", "100.0%")]
    assert panel.model.headers()[0] == "Industry"
    choose(qtbot, panel, "owner")
    rows = shown(panel)
    assert len(rows) == 7 and rows[-1] == ("Total", "6", "6", "100.0%")
    assert ("王小明", "1", "1", "16.7%") in rows
    assert not panel.year_spin.isVisibleTo(panel)
    qtmodeltester.check(panel.model)


def test_months_of_the_chosen_year_are_listed_one_by_one(qtbot: QtBot, logged_in: LoggedIn) -> None:
    panel = open_panel(qtbot, logged_in)
    this_year = panel.year_spin.value()
    choose(qtbot, panel, "month", this_year)
    rows = shown(panel)
    assert [row[0] for row in rows] == [f"Month {month}" for month in range(1, 13)] + ["Total"]
    assert rows[-1][1:3] == ("6", "6"), "the world's customers were made this year"
    assert panel.year_spin.isVisibleTo(panel)
    choose(qtbot, panel, "month", this_year - 1)
    assert shown(panel)[-1][1:3] == ("0", "0")
    assert panel.report_title() == f"Customer statistics by Month of creation ({this_year - 1})"


@pytest.mark.parametrize("logged_in", ["staff_a"], indirect=True)
def test_a_staff_member_counts_only_their_own_customers(qtbot: QtBot, logged_in: LoggedIn) -> None:
    panel = open_panel(qtbot, logged_in)
    choose(qtbot, panel, "owner")
    assert shown(panel) == [("王小明", "1", "1", "100.0%"), ("Total", "1", "1", "100.0%")]


def test_the_export_writes_the_table_and_is_recorded(
    qtbot: QtBot, logged_in: LoggedIn, world: World, tmp_path: Path
) -> None:
    panel = open_panel(qtbot, logged_in)
    path = tmp_path / "statistics.csv"
    assert panel.export_to(path) == 2
    with path.open(encoding="utf-8-sig", newline="") as file:
        assert list(csv.reader(file)) == [
            ["Customer type", "Customers", "Contacts", "Share of customers"],
            ["Target customer", "6", "6", "100.0%"],
            ["Total", "6", "6", "100.0%"],
        ]
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine)() as session:
            notes = session.scalars(select(AuditLog.note).where(AuditLog.operation == "EXPORT"))
            assert "customers: 2 rows" in list(notes)
    finally:
        engine.dispose()
    document = panel.print_document()
    assert "Target customer" in document.toPlainText()
    made = customer_statistics_panel(PanelContext(logged_in, LANGUAGE))
    qtbot.addWidget(made)
    assert isinstance(made, CustomerStatisticsPanel)
    qtbot.waitUntil(lambda: not made.is_loading(), timeout=TIMEOUT_MS)


@pytest.mark.usefixtures("chinese")
def test_the_table_speaks_chinese(qtbot: QtBot, logged_in: LoggedIn) -> None:
    panel = CustomerStatisticsPanel(PanelContext(logged_in, "zh_CN"), Answers())
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: not panel.is_loading(), timeout=TIMEOUT_MS)
    assert panel.model.headers() == ["客户类型", "客户数", "联系人数", "客户占比"]
    assert shown(panel)[-1] == ("合计", "6", "6", "100.0%")
    choose(qtbot, panel, "industry")
    assert shown(panel)[0][0] == "（未填写）"
    choose(qtbot, panel, "month", panel.year_spin.value())
    assert shown(panel)[0][0] == "1月"
    assert panel.report_title() == f"客户统计（按建档月份），{panel.year_spin.value()}年"
