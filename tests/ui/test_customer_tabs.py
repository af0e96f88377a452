"""The customer detail's tabs driven as a person would, on SQLite and PostgreSQL: a contact
record added, edited and deleted in its tab; a call logged from the list (Ctrl+L) and seen
on the timeline; orders and tasks made elsewhere shown read-only; only the tab on screen
read when the customer changes; the standalone list of contact records."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import records
from app.auth import LoggedIn
from app.customer_records import CONTACT_HISTORY, PARTNERS
from db.engine import make_engine, make_session_factory
from db.models.customers import ContactHistory, Customer
from db.models.lookups import SalesStage
from tests.customer_world import add_customer, session_as
from tests.databases import fresh_database
from tests.forms import POPUP_WARNINGS, open_customer_panel, type_into
from tests.keyboard import type_in
from tests.prompters import Answers
from tests.security_world import World, build_world
from ui.dialogs.customer_record_dialog import CustomerRecordDialog
from ui.dialogs.quick_contact_dialog import QuickContactDialog
from ui.modules import PanelContext
from ui.panels.customer_panel import CustomerPanel
from ui.panels.customer_record_panels import contact_history_panel
from ui.panels.customer_tabs import ChildRecordsTab, TimelineTab

LANGUAGE = "zh_CN"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """One world per backend, with an order and a task for each user's customer; each test
    adds customers of its own names."""
    with fresh_database(request.param, request, tmp_path_factory.mktemp("tabs")) as url:
        yield build_world(url)


pytestmark = pytest.mark.usefixtures("chinese")


def answering(qtbot: QtBot, fill: Callable[[Any], None]) -> Callable[[Any], int]:
    """A stand-in for a dialog's exec(): the user fills the form and saves."""

    def answer(dialog: Any) -> int:
        qtbot.addWidget(dialog)
        fill(dialog)
        assert dialog.save(), dialog.form.validate()
        return int(dialog.result())

    return answer


def texts(tab: Any, column: int) -> list[str]:
    return [tab.model.index(row, column).data() for row in range(tab.model.rowCount())]


def history_tab(panel: CustomerPanel) -> ChildRecordsTab:
    tab = panel.tab_named("contact_history_tab")
    assert isinstance(tab, ChildRecordsTab)
    return tab


def test_a_contact_record_is_added_edited_and_deleted_in_its_tab(
    qtbot: QtBot,
    qtmodeltester: Any,
    admin: LoggedIn,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    customer = add_customer(world, "admin", "联系记录标签测试有限公司")
    answers = Answers(confirm=True)
    panel = open_customer_panel(qtbot, admin, answers)
    panel.open_record(customer)
    tab = history_tab(panel)
    panel.detail_tabs.setCurrentWidget(tab)

    def first(dialog: CustomerRecordDialog) -> None:
        assert dialog.form.editor("employee_id").value() == admin.user.employee_id  # the user
        assert dialog.form.editor("contacted_at").value() is not None  # now
        dialog.form.set_edited_values({"channel": "visit"})
        type_into(qtbot, dialog.form, "subject", "上门介绍新版面")
        type_into(qtbot, dialog.form, "follow_up_on", "2026-12-15")

    monkeypatch.setattr(CustomerRecordDialog, "exec", answering(qtbot, first))
    tab.new_button.click()
    qtmodeltester.check(tab.model)
    assert texts(tab, 1) == ["拜访"] and texts(tab, 3) == ["上门介绍新版面"]
    assert texts(tab, 5) == ["2026-12-15"]

    def change(dialog: CustomerRecordDialog) -> None:
        type_into(qtbot, dialog.form, "subject", "上门介绍新版面并报价")

    tab.view.setCurrentIndex(tab.model.index(0, 0))
    monkeypatch.setattr(CustomerRecordDialog, "exec", answering(qtbot, change))
    tab.view.doubleClicked.emit(tab.model.index(0, 0))
    assert texts(tab, 3) == ["上门介绍新版面并报价"]

    tab.view.setCurrentIndex(tab.model.index(0, 0))
    tab.delete_button.click()
    assert "上门介绍新版面并报价" in answers.asked[-1]
    assert tab.model.rowCount() == 0 and not tab.edit_button.isEnabled()
    with session_as(world, "admin") as (session, user):
        binned = records.deleted_records(session, user, CONTACT_HISTORY)
    assert "上门介绍新版面并报价" in {found.title for found in binned}


def open_partner_dialog(qtbot: QtBot, admin: LoggedIn, customer: int) -> CustomerRecordDialog:
    """New partner… of `customer`, from its detail in the customer panel."""
    panel = open_customer_panel(qtbot, admin)
    panel.open_record(customer)
    dialog = CustomerRecordDialog(panel._context, PARTNERS, customer, None, panel)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_bad_entry_stays_in_the_dialog_with_the_error_at_its_field(
    qtbot: QtBot, admin: LoggedIn, world: World
) -> None:
    customer = add_customer(world, "admin", "伙伴标签测试有限公司")
    dialog = open_partner_dialog(qtbot, admin, customer)
    offered = {option.id for option in dialog.form.editor("partner_customer_id").options()}
    assert customer not in offered and world.customer_of["admin"] in offered
    assert not dialog.save()
    assert dialog.form.editor("partner_customer_id").error_text()
    assert dialog.result() != CustomerRecordDialog.DialogCode.Accepted


@POPUP_WARNINGS
def test_a_partner_is_found_by_typing_part_of_its_name(
    qtbot: QtBot, admin: LoggedIn, world: World
) -> None:
    customer = add_customer(world, "admin", "伙伴查找测试有限公司")
    wanted = add_customer(world, "admin", "长江远航广告有限公司")
    dialog = open_partner_dialog(qtbot, admin, customer)
    editor = dialog.form.lookup_editor("partner_customer_id")
    editor.line_edit.setFocus()
    type_in(qtbot, editor.line_edit, "远航")
    qtbot.waitUntil(lambda: [o.text for o in editor.options()] == ["长江远航广告有限公司"])
    assert editor.line_edit.text() == "远航"  # the typed text stays
    editor.completer.popup().setCurrentIndex(editor.completer.completionModel().index(0, 0))
    qtbot.keyClick(editor.completer.popup(), Qt.Key.Key_Return)
    assert editor.value() == wanted


def test_a_call_logged_from_the_list_shows_on_the_timeline(
    qtbot: QtBot,
    qtmodeltester: Any,
    admin: LoggedIn,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    customer = add_customer(world, "admin", "快速记录测试有限公司")
    panel = open_customer_panel(qtbot, admin)
    assert not panel.log_contact_action.isEnabled()  # no customer chosen yet
    qtbot.waitUntil(lambda: panel.model is not None and panel.model.row_of_id(customer) is not None)
    assert panel.model is not None
    panel.list_view.setFocus()
    panel.list_view.selectRow(panel.model.row_of_id(customer))  # type: ignore[attr-defined]
    assert panel.current is not None and panel.current.id == customer
    seen: list[str] = []

    def call(dialog: QuickContactDialog) -> None:
        seen.append(dialog.heading_label.text())
        assert set(dialog.form.field_keys()) == {
            "contacted_at", "channel", "contact_id", "employee_id",
            "subject", "content", "next_step", "follow_up_on",
        }  # fmt: skip
        assert dialog.form.editor("channel").value() == "phone"
        type_into(qtbot, dialog.form, "subject", "电话确认刊期")
        type_into(qtbot, dialog.form, "next_step", "寄送样刊")

    monkeypatch.setattr(QuickContactDialog, "exec", answering(qtbot, call))
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    qtbot.keyClick(panel.list_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert seen and "快速记录测试有限公司" in seen[0]
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine)() as session:
            logged = session.scalars(
                select(ContactHistory).where(ContactHistory.customer_id == customer)
            ).one()
    finally:
        engine.dispose()
    assert (logged.channel, logged.subject, logged.next_step) == (
        "phone",
        "电话确认刊期",
        "寄送样刊",
    )

    timeline = panel.tab_named("timeline_tab")
    assert isinstance(timeline, TimelineTab)
    panel.detail_tabs.setCurrentWidget(timeline)
    qtmodeltester.check(timeline.model)
    assert texts(timeline, 1) == ["联系记录"]
    assert texts(timeline, 2) == ["电话 · 电话确认刊期"]
    assert texts(timeline, 3) == ["管理员"]


def test_orders_and_tasks_made_elsewhere_are_listed_read_only(
    qtbot: QtBot, qtmodeltester: Any, admin: LoggedIn, world: World
) -> None:
    panel = open_customer_panel(qtbot, admin)
    panel.open_record(world.customer_of["staff_a"])
    orders = panel.tab_named("orders_tab")
    tasks = panel.tab_named("tasks_tab")
    assert isinstance(orders, ChildRecordsTab) and isinstance(tasks, ChildRecordsTab)
    panel.detail_tabs.setCurrentWidget(orders)
    qtmodeltester.check(orders.model)
    assert texts(orders, 1) == ["AD-staff_a"]
    assert texts(orders, 5) == ["王小明"]
    assert orders.note_label.isVisible() and orders.note_label.text()
    assert not orders.new_button.isVisible() and not orders.delete_button.isVisible()
    panel.detail_tabs.setCurrentWidget(tasks)
    assert texts(tasks, 0) == ["staff_a 的任务"]


def test_only_the_tab_on_screen_is_read_when_the_customer_changes(
    qtbot: QtBot, admin: LoggedIn, world: World
) -> None:
    first = add_customer(world, "admin", "懒加载甲有限公司")
    second = add_customer(world, "admin", "懒加载乙有限公司")
    with session_as(world, "admin") as (session, user):
        for customer, subject in ((first, "甲的电话"), (second, "乙的电话")):
            call = {"customer_id": customer, "channel": "phone", "subject": subject}
            records.create(session, user, CONTACT_HISTORY, call)
        partner = {"customer_id": second, "partner_customer_id": first, "kind": "agency"}
        records.create(session, user, PARTNERS, partner)
    panel = open_customer_panel(qtbot, admin)
    history, partners = history_tab(panel), panel.tab_named("partner_relations_tab")
    timeline = panel.tab_named("timeline_tab")
    assert isinstance(partners, ChildRecordsTab) and isinstance(timeline, TimelineTab)
    panel.detail_tabs.setCurrentWidget(history)
    panel.open_record(first)
    assert texts(history, 3) == ["甲的电话"]
    panel.open_record(second)
    assert texts(history, 3) == ["乙的电话"]
    assert partners.model.rowCount() == 0 and timeline.model.rowCount() == 0  # not read
    panel.detail_tabs.setCurrentWidget(partners)
    assert texts(partners, 0) == ["懒加载甲有限公司"]
    with session_as(world, "admin") as (session, user):
        visit = {"customer_id": second, "channel": "visit", "subject": "乙的拜访"}
        records.create(session, user, CONTACT_HISTORY, visit)  # behind the panel's back
    panel.detail_tabs.setCurrentWidget(history)
    assert texts(history, 3) == ["乙的电话"]  # the same customer: not read again
    panel.detail_tabs.setCurrentWidget(timeline)
    assert "乙的拜访" in " ".join(texts(timeline, 2))  # read when first shown


def test_the_contact_history_list_shows_every_customer_s_records(
    qtbot: QtBot, admin: LoggedIn, world: World
) -> None:
    customer = add_customer(world, "admin", "独立列表测试有限公司")
    with session_as(world, "admin") as (session, user):
        records.create(
            session,
            user,
            CONTACT_HISTORY,
            {"customer_id": customer, "channel": "email", "subject": "寄送报价单"},
        )
    panel = contact_history_panel(PanelContext(admin, LANGUAGE))
    qtbot.addWidget(panel)
    panel.show()
    model = panel.model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not model.is_loading())
    rows = [
        (model.index(row, 0).data(), model.index(row, 4).data()) for row in range(model.rowCount())
    ]
    assert ("独立列表测试有限公司", "寄送报价单") in rows
    form = panel.form  # type: ignore[attr-defined]
    assert form.editor("employee_id").value() == admin.user.employee_id
    form.set_edited_values({"customer_id": customer, "channel": "meeting"})
    type_into(qtbot, form, "subject", "季度复盘会")
    assert panel.save()  # type: ignore[attr-defined]
    with session_as(world, "admin") as (session, _user):
        subjects = session.scalars(
            select(ContactHistory.subject).where(ContactHistory.customer_id == customer)
        ).all()
    assert sorted(subjects) == ["季度复盘会", "寄送报价单"]


class StageTab(QWidget):
    """A tab as another module would add it: made as (context, prompter, parent), given
    the customer, and saying when it changed the customer itself."""

    customer_changed = Signal(int)

    def __init__(self, context: PanelContext, _prompter: Any, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("stage_test_tab")
        self.engine = context.logged_in.engine
        self.given: list[int | None] = []

    def set_customer(self, record: Any) -> None:
        self.given.append(None if record is None else record.id)

    def move_on(self, customer_id: int) -> None:
        with make_session_factory(self.engine).begin() as session:
            stage = session.scalars(select(SalesStage.id).order_by(SalesStage.step)).first()
            session.get_one(Customer, customer_id).sales_stage_id = stage
        self.customer_changed.emit(customer_id)


def test_a_tab_added_in_one_line_gets_the_customer_and_may_change_it(
    qtbot: QtBot, admin: LoggedIn, world: World
) -> None:
    customer = add_customer(world, "admin", "外来标签测试有限公司")
    panel = open_customer_panel(qtbot, admin)
    tab = panel.add_customer_tab("销售跟踪", StageTab)
    assert isinstance(tab, StageTab)
    panel.open_record(customer)
    assert tab.given == []  # not on screen
    panel.detail_tabs.setCurrentWidget(tab)
    assert tab.given == [customer]
    before = panel.current
    assert before is not None
    tab.move_on(customer)
    after = panel.current
    assert after is not None and after.version > before.version
    assert not panel.form.is_dirty()
    assert tab.given == [customer]  # the tab that changed it is not read again
