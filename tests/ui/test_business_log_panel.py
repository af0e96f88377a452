"""The business log panel driven as a person would, on SQLite and PostgreSQL: write today's
entry and see it listed, be stopped at the field by an end before the start, walk the days
with the navigator; and the shortcut panel's part showing today's entries and opening the
module."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.auth import LoggedIn
from app.preferences import Preferences
from db.engine import make_engine, make_session_factory
from db.models.work import BusinessLog
from tests.acting_users import add_rows, employee_of
from tests.customer_world import add_customer
from tests.forms import POPUP_WARNINGS, type_into
from tests.keyboard import type_in
from tests.prompters import Answers
from tests.security_world import World
from ui.modules import PanelContext
from ui.panels.business_log_panel import BusinessLogPanel
from ui.widgets.shortcut_panel import ID_ROLE, ShortcutPanel

LANGUAGE = "en"
TIMEOUT_MS = 20_000


@pytest.fixture
def today() -> dt.date:
    """The day each test takes as today and tells the panels, so that a run crossing
    midnight does not compare its entries with another day."""
    return dt.date.today()


@pytest.fixture
def staff(world: World) -> Iterator[LoggedIn]:
    logged_in = world.login("staff_a")
    yield logged_in
    logged_in.close()


def open_panel(
    qtbot: QtBot, logged_in: LoggedIn, today: dt.date, answers: Answers | None = None
) -> BusinessLogPanel:
    panel = BusinessLogPanel(PanelContext(logged_in, LANGUAGE), answers or Answers(), today=today)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    settle(qtbot, panel)
    return panel


def settle(qtbot: QtBot, panel: BusinessLogPanel) -> None:
    assert panel.model is not None
    qtbot.waitUntil(lambda: not panel.model.is_loading(), timeout=TIMEOUT_MS)  # type: ignore[union-attr]


def listed(panel: BusinessLogPanel, column: int = 4) -> list[str]:
    model = panel.model
    assert model is not None
    return [model.index(row, column).data() for row in range(model.rowCount())]


def log(world: World, username: str, subject: str, day: dt.date, **more: Any) -> BusinessLog:
    employee, department = employee_of(world, username)
    return BusinessLog(
        employee_id=employee,
        owner_id=employee,
        department_id=department,
        log_date=day,
        category="call",
        subject=subject,
        **more,
    )


def test_a_user_writes_todays_entry_and_sees_it_listed(
    qtbot: QtBot, staff: LoggedIn, world: World, today: dt.date
) -> None:
    panel = open_panel(qtbot, staff, today)
    assert panel.form.editor("log_date").value() == today
    assert panel.form.editor("start_time").raw_text()  # now, rounded
    type_into(qtbot, panel.form, "start_time", "9:00")
    type_into(qtbot, panel.form, "end_time", "1030")
    panel.form.set_edited_values({"category": "visit"})
    type_into(qtbot, panel.form, "subject", "拜访北京日报广告部")
    type_into(qtbot, panel.form, "next_plan", "下周寄报价")
    assert panel.save()
    assert panel.form.editor("end_time").raw_text() == "10:30"
    qtbot.waitUntil(lambda: "拜访北京日报广告部" in listed(panel), timeout=TIMEOUT_MS)
    row = listed(panel).index("拜访北京日报广告部")
    assert listed(panel, 0)[row] == today.isoformat()
    assert (listed(panel, 1)[row], listed(panel, 2)[row], listed(panel, 3)[row]) == (
        "09:00",
        "10:30",
        "Visit",
    )
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine)() as session:
            stored = session.scalars(
                select(BusinessLog).where(BusinessLog.subject == "拜访北京日报广告部")
            ).one()
            assert (stored.start_time, stored.end_time, stored.next_plan) == (
                dt.time(9, 0),
                dt.time(10, 30),
                "下周寄报价",
            )
            assert stored.employee_id == employee_of(world, "staff_a")[0]
    finally:
        engine.dispose()


def test_an_end_before_the_start_is_shown_at_its_field(
    qtbot: QtBot, staff: LoggedIn, today: dt.date
) -> None:
    panel = open_panel(qtbot, staff, today)
    type_into(qtbot, panel.form, "start_time", "14:00")
    type_into(qtbot, panel.form, "end_time", "13:00")
    type_into(qtbot, panel.form, "subject", "时间写反了")
    assert not panel.save()
    assert "14:00" in panel.form.editor("end_time").error_text()
    assert panel.current is None


def test_the_navigator_walks_the_days_and_the_list_starts_newest_first(
    qtbot: QtBot, staff: LoggedIn, world: World, today: dt.date
) -> None:
    yesterday = today - dt.timedelta(days=1)
    add_rows(
        world,
        log(world, "staff_a", "昨天的电话", yesterday),
        log(world, "staff_a", "今天的电话", today),
        log(world, "staff_a", "上个月的电话", today - dt.timedelta(days=40)),
        log(world, "admin", "管理员的电话", today),
    )
    panel = open_panel(qtbot, staff, today)
    assert listed(panel) == ["今天的电话", "昨天的电话", "上个月的电话"]
    assert not panel.scope_combo.isVisibleTo(panel), "staff see only their own entries"
    panel.today_button.click()
    settle(qtbot, panel)
    assert listed(panel) == ["今天的电话"]
    assert panel.span_combo.currentData() == "day"
    panel.previous_button.click()
    settle(qtbot, panel)
    assert listed(panel) == ["昨天的电话"]
    panel.new_record(ask=False)
    assert panel.form.editor("log_date").value() == yesterday, "a new entry on the day shown"
    panel.span_combo.setCurrentIndex(panel.span_combo.findData("all"))
    settle(qtbot, panel)
    assert len(listed(panel)) == 3


def test_the_export_writes_the_entries_of_the_period_shown(
    qtbot: QtBot, staff: LoggedIn, world: World, tmp_path: Path, today: dt.date
) -> None:
    add_rows(
        world,
        log(world, "staff_a", "今天的会", today, start_time=dt.time(10, 0)),
        log(world, "staff_a", "昨天的会", today - dt.timedelta(days=1)),
    )
    panel = open_panel(qtbot, staff, today)
    panel.today_button.click()
    settle(qtbot, panel)
    path = tmp_path / "log.csv"
    with qtbot.waitSignal(panel.exported, timeout=TIMEOUT_MS) as exported:
        panel.export_to(path, csv=True, filters=[])
    assert exported.args == [1]
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[1][:5] == [today.isoformat(), "10:00", "", "Call", "今天的会"]


def test_the_administrator_reads_everyones_entries_but_changes_only_their_own(
    qtbot: QtBot, admin: LoggedIn, world: World, today: dt.date
) -> None:
    theirs = log(world, "staff_a", "员工的日志", today)
    add_rows(world, theirs, log(world, "admin", "管理员的日志", today))
    panel = open_panel(qtbot, admin, today)
    assert listed(panel) == ["管理员的日志"], "own entries first"
    assert panel.scope_combo.isVisibleTo(panel)
    panel.scope_combo.setCurrentIndex(1)  # everyone I may see
    settle(qtbot, panel)
    assert sorted(listed(panel)) == sorted(["员工的日志", "管理员的日志"])
    assert listed(panel, 6)[listed(panel).index("员工的日志")] == "王小明"
    panel.show_record(theirs.id)
    assert panel.current is not None and panel.current.title == "员工的日志"
    assert not panel.save_action.isEnabled() and not panel.delete_action.isEnabled()
    assert "read only" in panel.state_label.text()


@pytest.mark.usefixtures("chinese")
def test_the_panel_speaks_chinese(qtbot: QtBot, staff: LoggedIn, today: dt.date) -> None:
    panel = BusinessLogPanel(PanelContext(staff, "zh_CN"), Answers(), today=today)
    qtbot.addWidget(panel)
    settle(qtbot, panel)
    assert panel.title() == "事务日志"
    assert [panel.span_combo.itemText(i) for i in range(4)] == ["日", "周", "月", "全部日期"]
    assert panel.today_button.text() == "今天"


def test_the_shortcut_panel_shows_todays_entries_and_opens_the_business_log(
    qtbot: QtBot, qapp: QApplication, staff: LoggedIn, world: World, today: dt.date
) -> None:
    add_rows(
        world,
        log(world, "staff_a", "下午的会", today, start_time=dt.time(15, 0)),
        log(world, "staff_a", "上午的电话", today, start_time=dt.time(9, 5)),
        log(world, "staff_a", "昨天的电话", today - dt.timedelta(days=1)),
    )
    panel = ShortcutPanel(staff, LANGUAGE, Preferences(), today=today)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.overview_loaded, timeout=TIMEOUT_MS):
        panel.refresh()
    items = [panel.log_view.topLevelItem(row) for row in range(panel.log_view.topLevelItemCount())]
    assert [(item.text(0), item.text(1)) for item in items if item is not None] == [
        ("09:05", "上午的电话"),
        ("15:00", "下午的会"),
    ]
    assert panel.boxes["business_log"].title() == "Business log · today (2)"
    modules: list[str] = []
    entries: list[int] = []
    panel.module_requested.connect(modules.append)
    panel.log_entry_requested.connect(entries.append)
    first = items[0]
    assert first is not None
    panel.log_view.itemActivated.emit(first, 0)  # a double click
    assert (modules, entries) == (["business_log"], [first.data(0, ID_ROLE)])
    panel.open_log_button.click()
    assert modules == ["business_log", "business_log"]
    panel.refresh_timer.stop()


@POPUP_WARNINGS
def test_an_entrys_customer_is_found_by_typing_and_shown_when_opened(
    qtbot: QtBot, world: World, staff: LoggedIn, today: dt.date
) -> None:
    wanted = add_customer(world, "staff_a", "长江远航广告有限公司")
    panel = open_panel(qtbot, staff, today)
    editor = panel.form.lookup_editor("customer_id")
    editor.line_edit.setFocus()
    type_in(qtbot, editor.line_edit, "远航")
    qtbot.waitUntil(lambda: [o.text for o in editor.options()] == ["长江远航广告有限公司"])
    written = log(world, "staff_a", "拜访长江远航", today, customer_id=wanted)
    add_rows(world, written)
    panel.reload_lookups()
    panel.open_record(written.id)
    assert editor.raw_text() == "长江远航广告有限公司"
