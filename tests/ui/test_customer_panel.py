"""The customer panel driven as a person would: type a customer and save it, meet the
collision warning (撞单) and answer it, see a refused credit code at its field, add a contact,
see the blacklist in the list, and see only one's own customers as staff — on SQLite and
PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.auth import LoggedIn
from app.listing import Filter
from db.engine import make_engine, make_session_factory
from db.models.customers import Contact, Customer
from db.models.lookups import SalesStage
from db.models.org import User
from tests.customer_world import add_customer, credit_code, type_id
from tests.forms import open_customer_panel, type_into
from tests.prompters import Answers
from tests.security_world import World
from ui.dialogs.customer_record_dialog import CustomerRecordDialog
from ui.dialogs.duplicate_warning_dialog import DuplicateWarningDialog
from ui.panels.customer_panel import BLACKLIST_FOREGROUND, CustomerPanel

LANGUAGE = "zh_CN"


pytestmark = pytest.mark.usefixtures("chinese")


def pick(form: Any, key: str, option_id: int) -> None:
    form.set_edited_values({key: option_id})


def listed_names(panel: CustomerPanel) -> list[str]:
    assert panel.model is not None
    return [panel.model.index(row, 0).data() for row in range(panel.model.rowCount())]


def customer_count(world: World) -> int:
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine)() as session:
            return int(session.scalar(select(func.count()).select_from(Customer)) or 0)
    finally:
        engine.dispose()


def fill_customer(qtbot: QtBot, panel: CustomerPanel, world: World, name: str) -> None:
    type_into(qtbot, panel.form, "name", name)
    pick(panel.form, "customer_type_id", type_id(world.url, "target"))


def answer_duplicate_dialog(
    monkeypatch: pytest.MonkeyPatch, accept: bool, seen: list[list[tuple[str, ...]]]
) -> None:
    def answer(dialog: DuplicateWarningDialog) -> int:
        seen.append(dialog.shown_rows())
        return int(
            DuplicateWarningDialog.DialogCode.Accepted
            if accept
            else DuplicateWarningDialog.DialogCode.Rejected
        )

    monkeypatch.setattr(DuplicateWarningDialog, "exec", answer)


def test_a_customer_is_typed_saved_and_listed(qtbot: QtBot, admin: LoggedIn, world: World) -> None:
    panel = open_customer_panel(qtbot, admin)
    type_into(qtbot, panel.form, "name", "杭州西湖文化传媒有限公司")
    pick(panel.form, "customer_type_id", type_id(world.url, "target"))
    type_into(qtbot, panel.form, "phone", "0571-87654321")
    assert panel.save()
    saved = panel.current
    assert saved is not None and saved.values["name"] == "杭州西湖文化传媒有限公司"
    assert saved.values["mnemonic"]  # the pinyin initials by default
    qtbot.waitUntil(lambda: "杭州西湖文化传媒有限公司" in listed_names(panel))
    panel.detail_tabs.setCurrentWidget(panel.contacts_tab)
    assert panel.contacts_tab.new_button.isEnabled()


def test_a_duplicate_name_warns_naming_the_owner_and_cancel_saves_nothing(
    qtbot: QtBot, admin: LoggedIn, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_customer(world, "staff_a", "北京华夏传媒有限公司")
    before = customer_count(world)
    seen: list[list[tuple[str, ...]]] = []
    answer_duplicate_dialog(monkeypatch, False, seen)
    panel = open_customer_panel(qtbot, admin)
    fill_customer(qtbot, panel, world, "北京华夏传媒股份有限公司（北京）")
    assert not panel.save()
    assert len(seen) == 1
    rule, _customer, owner, department = seen[0][0]
    assert rule == "同名" and owner == "王小明" and department == "A"
    assert panel.current is None and customer_count(world) == before


def test_save_anyway_saves_the_duplicate(
    qtbot: QtBot, admin: LoggedIn, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_customer(world, "staff_a", "ＨＵＡＸＩＡ传媒有限公司")
    seen: list[list[tuple[str, ...]]] = []
    answer_duplicate_dialog(monkeypatch, True, seen)
    panel = open_customer_panel(qtbot, admin)
    fill_customer(qtbot, panel, world, "huaxia传媒股份有限公司")
    assert panel.save()
    assert len(seen) == 1 and seen[0][0][2] == "王小明"
    assert panel.current is not None and panel.current.values["name"] == "huaxia传媒股份有限公司"


def test_a_bad_or_taken_credit_code_shows_at_its_field(
    qtbot: QtBot, admin: LoggedIn, world: World
) -> None:
    add_customer(world, "staff_a", "甲公司", credit_code=credit_code(1))
    panel = open_customer_panel(qtbot, admin)
    fill_customer(qtbot, panel, world, "乙公司")
    good = credit_code(2)
    type_into(qtbot, panel.form, "credit_code", good[:-1] + ("0" if good[-1] != "0" else "1"))
    assert not panel.save()
    assert panel.form.editor("credit_code").error_text()
    type_into(qtbot, panel.form, "credit_code", credit_code(1))
    assert not panel.save()
    assert "王小明" in panel.form.editor("credit_code").error_text()
    assert panel.current is None


def test_a_contact_is_added_under_the_customer(
    qtbot: QtBot,
    qtmodeltester: Any,
    admin: LoggedIn,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel = open_customer_panel(qtbot, admin)
    fill_customer(qtbot, panel, world, "上海浦江广告有限公司")
    assert panel.save()
    customer = panel.current
    assert customer is not None

    def fill_and_save(dialog: CustomerRecordDialog) -> int:
        qtbot.addWidget(dialog)
        type_into(qtbot, dialog.form, "name", "张伟")
        type_into(qtbot, dialog.form, "mobile", "13812345678")
        assert dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(CustomerRecordDialog, "exec", fill_and_save)
    panel.detail_tabs.setCurrentWidget(panel.contacts_tab)
    panel.contacts_tab.new_button.click()
    model = panel.contacts_tab.model
    assert model.rowCount() == 1
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "张伟" and model.index(0, 2).data() == "13812345678"
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine)() as session:
            contact = session.scalars(select(Contact)).one()
            assert contact.customer_id == customer.id
    finally:
        engine.dispose()
    panel.new_record(ask=False)
    assert panel.contacts_tab.model.rowCount() == 0
    assert not panel.contacts_tab.new_button.isEnabled()


def test_a_blacklisted_customer_is_marked_in_the_list(
    qtbot: QtBot, admin: LoggedIn, world: World
) -> None:
    blacklist = type_id(world.url, "blacklist")
    add_customer(
        world, "admin", "赖账广告公司", customer_type_id=blacklist, blacklisted_reason="欠款"
    )
    add_customer(world, "admin", "诚信广告公司")
    panel = open_customer_panel(qtbot, admin)
    qtbot.waitUntil(lambda: len(listed_names(panel)) == 2)
    names = listed_names(panel)
    bad, good = names.index("赖账广告公司"), names.index("诚信广告公司")
    model, delegate = panel.model, panel.type_delegate
    assert model is not None
    foreground, background = delegate.colors(model.index(bad, 0))
    assert foreground == BLACKLIST_FOREGROUND and background is not None
    assert model.index(bad, 2).data() == "黑名单"
    assert delegate.colors(model.index(good, 0)) == (None, None)
    assert delegate.colors(model.index(good, 2))[0] is not None  # the type's own colour
    barred, plain = (
        delegate.type_icon(model.index(bad, 2)),
        delegate.type_icon(model.index(good, 2)),
    )
    assert barred is not None and plain is not None
    barred_image = barred.pixmap(24, 24).toImage()
    centre = barred_image.pixelColor(12, 12)
    assert centre == QColor("white")  # the no-entry bar
    assert plain.pixmap(24, 24).toImage().pixelColor(12, 12) != centre


def test_staff_see_only_their_own_customers(qtbot: QtBot, world: World) -> None:
    add_customer(world, "admin", "管理员的客户公司")
    add_customer(world, "staff_a", "小明的客户公司")
    staff = world.login("staff_a")
    try:
        panel = open_customer_panel(qtbot, staff)
        qtbot.waitUntil(lambda: len(listed_names(panel)) >= 1)
        assert listed_names(panel) == ["小明的客户公司"]
        panel.close()
    finally:
        staff.close()


def test_a_contact_is_edited_and_deleted(
    qtbot: QtBot, admin: LoggedIn, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    customer_id = add_customer(world, "admin", "宁波海曙印务有限公司")
    panel = open_customer_panel(qtbot, admin, Answers(confirm=True))
    panel.open_record(customer_id)

    def fill_and_save(name: str) -> Any:
        def answer(dialog: CustomerRecordDialog) -> int:
            qtbot.addWidget(dialog)
            type_into(qtbot, dialog.form, "name", name)
            assert dialog.save()
            return int(dialog.result())

        return answer

    monkeypatch.setattr(CustomerRecordDialog, "exec", fill_and_save("李娜"))
    panel.detail_tabs.setCurrentWidget(panel.contacts_tab)
    panel.contacts_tab.new_button.click()
    tab = panel.contacts_tab
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    monkeypatch.setattr(CustomerRecordDialog, "exec", fill_and_save("李娜娜"))
    tab.edit_button.click()
    assert tab.model.index(0, 0).data() == "李娜娜"
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    tab.delete_button.click()
    assert tab.model.rowCount() == 0 and not tab.edit_button.isEnabled()


def test_the_list_shows_each_customer_s_sales_step_and_filters_by_it(
    qtbot: QtBot, admin: LoggedIn, world: World
) -> None:
    visiting = add_customer(world, "admin", "拜访阶段广告有限公司")
    add_customer(world, "admin", "未定阶段广告有限公司")
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine).begin() as session:
            stage_id, stage_name = session.execute(
                select(SalesStage.id, SalesStage.name_zh).order_by(SalesStage.step).offset(1)
            ).first() or (None, None)
            session.get_one(Customer, visiting).sales_stage_id = stage_id
    finally:
        engine.dispose()
    panel = open_customer_panel(qtbot, admin)
    qtbot.waitUntil(lambda: len(listed_names(panel)) == 2)
    column = [c.key for c in panel._list_spec.columns].index("sales_stage")
    assert panel.model is not None
    shown = {
        panel.model.index(row, 0).data(): panel.model.index(row, column).data()
        for row in range(panel.model.rowCount())
    }
    assert shown == {"拜访阶段广告有限公司": stage_name, "未定阶段广告有限公司": ""}
    assert panel.model.headerData(column, Qt.Orientation.Horizontal) == "销售阶段"
    panel.set_filters([Filter("sales_stage", "equals", stage_name)])
    qtbot.waitUntil(lambda: listed_names(panel) == ["拜访阶段广告有限公司"])


def test_the_chosen_customer_is_transferred_from_the_toolbar(
    qtbot: QtBot, admin: LoggedIn, world: World
) -> None:
    customer = add_customer(world, "admin", "移交测试广告有限公司")
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine).begin() as session:
            to = session.scalar(
                select(User.employee_id).where(User.id == world.user_id_of["staff_a"])
            )
    finally:
        engine.dispose()
    panel = open_customer_panel(qtbot, admin, Answers(confirm=None))
    panel.open_record(customer)
    assert panel.transfer_action.isVisible() and panel.merge_action.isVisible()
    dialog = panel.transfer()
    assert dialog is not None
    assert to is not None
    dialog.employee_picker.select(to)
    with qtbot.waitSignal(dialog.transferred, timeout=30_000):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: panel.current is not None and panel.current.values["owner_id"] == to)
    assert panel.tab_named("sales_tracking_tab") is not None
    assert panel.tab_named("attachments_tab") is not None


def test_staff_are_offered_neither_transfer_nor_merge(qtbot: QtBot, world: World) -> None:
    staff = world.login("staff_a")
    try:
        panel = open_customer_panel(qtbot, staff)
        assert not panel.transfer_action.isVisible()
        assert not panel.merge_action.isVisible()
        panel.close()
    finally:
        staff.close()
