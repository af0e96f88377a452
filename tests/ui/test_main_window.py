"""The main window (SPEC §3.2) on real databases: the menus of the module registry in both
languages and as the role allows, the personalised shortcut panel stored per user, the
status bar and title, help for the current module, the unsaved-changes guard and the
window layout that follows the user."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import config, login_flow, preferences, records
from app.auth import LoggedIn
from app.customers import CONTACTS
from app.reference_records import POSITIONS
from db.engine import make_engine, make_session_factory
from db.models.org import Employee, User
from db.models.work import Message, MessageRecipient, Task
from tests.acting_users import add_rows
from tests.customer_world import add_customer, session_as
from tests.forms import POPUP_WARNINGS
from tests.keyboard import type_in
from tests.prompters import Answers
from tests.security_world import World
from ui import i18n, modules
from ui.main_window import MENU_TITLES, MainWindow
from ui.panels.business_log_panel import BusinessLogPanel
from ui.panels.employees_panel import EmployeesPanel
from ui.panels.pending_panel import PendingPanel
from ui.panels.record_panel import RecordPanel
from ui.panels.reference_panels import record_panel
from ui.widgets.global_search import HTML_ROLE
from ui.widgets.shortcut_panel import PARTS

TIMEOUT_MS = 20_000
ZH_MENUS = ["文件管理", "系统设置", "客户档案", "客户管理", "事务管理", "帮助系统"]


pytestmark = pytest.mark.usefixtures("private_folders")


class Windows:
    """Opens main windows for users of the world; closes them, then logs out."""

    def __init__(self, qtbot: QtBot, world: World) -> None:
        self.qtbot = qtbot
        self.world = world
        self.logins: dict[str, LoggedIn] = {}
        self.windows: list[MainWindow] = []
        self.help_topics: list[str] = []

    def open(
        self, username: str, language: str = "en", registry: tuple[modules.Module, ...] = ()
    ) -> MainWindow:
        if username not in self.logins:
            self.logins[username] = self.world.login(username)
        window = MainWindow(
            self.logins[username],
            language,
            registry=registry or modules.MODULES,
            help_viewer=lambda topic, _language, _parent: self.help_topics.append(topic),
        )
        self.qtbot.addWidget(window)
        self.windows.append(window)
        window.show()
        self.qtbot.waitUntil(lambda: not window.shortcut_panel.is_loading(), timeout=TIMEOUT_MS)
        return window

    def close(self) -> None:
        for window in self.windows:
            window.close()
        QThreadPool.globalInstance().waitForDone(TIMEOUT_MS)
        for logged_in in self.logins.values():
            login_flow.log_out(logged_in)


@pytest.fixture
def windows(qtbot: QtBot, world: World) -> Iterator[Windows]:
    opened = Windows(qtbot, world)
    yield opened
    opened.close()


def item_texts(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def test_first_start_creates_and_migrates_the_local_database(tmp_path: Path) -> None:
    url = config.resolve_database_url()
    assert login_flow.prepare_database(url), "a new database has no administrator yet"
    assert (tmp_path / "data" / "mediacrm.db").exists()


# Menus.


def test_the_menus_and_their_items_in_english(windows: Windows) -> None:
    window = windows.open("admin")
    assert [action.text() for action in window.menuBar().actions()] == list(MENU_TITLES)
    assert item_texts(window.menus["file"]) == [
        "File management",
        "Customer archive",
        "Business log",
        "Task information",
        "Change password…",
        "Log in again…",
        "Exit",
    ]
    assert item_texts(window.menus["help"]) == ["Help contents", "About MediaCRM"]
    tools = window.findChild(QMenu, "information_tools_menu")
    assert isinstance(tools, QMenu)
    assert item_texts(tools) == [
        "Company information",
        "Departments",
        "Positions",
        "Forms of address",
        "Countries, regions and cities",
        "Industries",
        "Media outlets",
        "Advertising services",
    ]
    assert window.module_actions["help_contents"].shortcut().toString() == "F1"


def test_the_menus_and_their_items_in_chinese(qapp: QApplication, windows: Windows) -> None:
    translators = i18n.install_translators(qapp, "zh_CN")
    try:
        window = windows.open("admin", "zh_CN")
        assert [action.text() for action in window.menuBar().actions()] == ZH_MENUS
        assert item_texts(window.menus["file"])[:4] == [
            "附件管理",
            "客户档案",
            "事务日志",
            "任务信息",
        ]
        menus = window.findChildren(QMenu)
        texts = [menu.title() for menu in menus]
        texts += [item.text() for menu in menus for item in menu.actions() if item.text()]
        assert [text for text in texts if text and text.isascii()] == []
        assert window.windowTitle().startswith("MediaCRM — ")
        assert "管理员" in window.user_label.text()
    finally:
        i18n.remove_translators(qapp, translators)


def test_entries_the_role_may_not_use_are_left_out(windows: Windows) -> None:
    admin = windows.open("admin").module_actions
    staff = windows.open("staff_a").module_actions
    for_admin_only = {"security_tools", "permissions", "audit", "bulk_mail"}
    assert for_admin_only <= set(admin)
    assert not for_admin_only & set(staff)
    assert {"employees", "customers", "tasks", "positions", "help_contents"} <= set(staff)
    assert set(admin) == {entry.key for entry in modules.MODULES}


def test_every_entry_opens_its_panel_or_says_it_comes_later(windows: Windows) -> None:
    window = windows.open("admin")
    for entry in modules.panels():
        window.module_actions[entry.key].trigger()
        assert window.current_module == entry
        panel = window.current_panel()
        assert panel is not None and panel.isVisible()
        if entry.factory is modules.pending:
            assert isinstance(panel, PendingPanel)
            assert entry.translated_title() in panel.message_label.text()
    window.module_actions["customer_archive"].trigger()
    assert window.current_module == modules.module("customers")
    window.module_actions["employees"].trigger()
    assert isinstance(window.current_panel(), EmployeesPanel)


def test_the_start_module_comes_from_the_users_preferences(windows: Windows, world: World) -> None:
    with make_session_factory(windows.open("staff_a")._logged_in.engine).begin() as session:
        user = windows.logins["staff_a"].user
        chosen = dataclasses.replace(
            preferences.load_preferences(session, user), start_module="tasks"
        )
        preferences.save_preferences(session, user, chosen)
    assert windows.open("staff_a").current_module == modules.module("tasks")
    assert windows.open("admin").current_module is None


# Status bar, title, help.


def test_status_bar_and_title_name_the_user_role_and_module(windows: Windows) -> None:
    window = windows.open("staff_a")
    assert "王小明 (staff_a)" in window.user_label.text()
    assert "Staff" in window.user_label.text()
    assert window.database_label.toolTip().startswith("Database: ")
    assert window.module_label.text() == "Module: —"
    assert window.windowTitle() == "MediaCRM — 王小明"
    window.module_actions["tasks"].trigger()
    assert window.module_label.text() == "Module: Tasks"
    assert window.windowTitle() == "MediaCRM — Tasks — 王小明"


def test_the_clock_shows_the_time_to_the_second_and_ticks(qtbot: QtBot, windows: Windows) -> None:
    window = windows.open("staff_a")
    first = window.clock_label.text()
    assert dt.date.today().isoformat() in first
    assert first.count(":") == 2
    qtbot.waitUntil(lambda: window.clock_label.text() != first, timeout=2500)


def test_f1_opens_the_help_page_of_the_current_module(qtbot: QtBot, windows: Windows) -> None:
    window = windows.open("admin")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    window.module_actions["employees"].trigger()
    qtbot.keyClick(window.current_panel(), Qt.Key.Key_F1)
    window.module_actions["geography"].trigger()
    window.module_actions["help_contents"].trigger()
    assert windows.help_topics == ["main_window", "employees", "geography"]


# The unsaved-changes guard.


def with_answered_positions(answers: Answers) -> tuple[modules.Module, ...]:
    """The registry, with the Positions panel asking its questions of `answers`."""

    def positions(context: modules.PanelContext) -> QWidget:
        return record_panel(context, POSITIONS, answers)

    return tuple(
        dataclasses.replace(entry, factory=positions) if entry.key == "positions" else entry
        for entry in modules.MODULES
    )


def open_with_unsaved_changes(windows: Windows, answers: Answers) -> MainWindow:
    window = windows.open("admin", registry=with_answered_positions(answers))
    window.module_actions["positions"].trigger()
    panel = window.current_panel()
    assert isinstance(panel, RecordPanel)
    field = panel.form.editor("name_zh").focus_widget()
    field.setFocus()
    type_in(windows.qtbot, field, "未保存")
    assert panel.form.is_dirty()
    return window


def current_key(window: MainWindow) -> str | None:
    return None if window.current_module is None else window.current_module.key


def test_unsaved_changes_keep_the_user_on_the_panel_until_they_choose(
    windows: Windows,
) -> None:
    answers = Answers(leave="cancel")
    window = open_with_unsaved_changes(windows, answers)
    window.module_actions["employees"].trigger()
    assert current_key(window) == "positions", "Cancel stays"
    answers.leave_answer = "discard"
    window.module_actions["employees"].trigger()
    assert current_key(window) == "employees"
    assert len(answers.asked) == 2


def test_closing_the_window_asks_the_current_panel_first(qtbot: QtBot, windows: Windows) -> None:
    answers = Answers(leave="cancel")
    window = open_with_unsaved_changes(windows, answers)
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    window.exit_action.trigger()
    assert window.isVisible() and not closed
    answers.leave_answer = "discard"
    window.exit_action.trigger()
    assert not window.isVisible() and closed == [True]
    assert len(answers.asked) == 2


# The shortcut panel and the layout, per user.


def test_shortcut_panel_parts_follow_each_users_stored_choice(windows: Windows) -> None:
    window = windows.open("staff_a")
    assert all(window.shortcut_panel.part_shown(part) for part in PARTS)
    window.shortcut_part_actions["business_log"].trigger()
    assert not window.shortcut_panel.part_shown("business_log")
    window.close()

    again = windows.open("staff_a")
    assert not again.shortcut_panel.part_shown("business_log")
    assert not again.shortcut_part_actions["business_log"].isChecked()
    assert again.shortcut_panel.part_shown("task_manager")
    admin = windows.open("admin")
    assert all(admin.shortcut_panel.part_shown(part) for part in PARTS), "another user's own"

    for part in ("task_manager", "information_manager"):
        again.shortcut_part_actions[part].trigger()
    assert not again.shortcut_panel.isVisible(), "no part left: no panel"
    again.shortcut_part_actions["task_manager"].trigger()
    assert again.shortcut_panel.isVisible() and again.splitter.sizes()[0] > 0


def test_personal_settings_show_and_hide_the_parts_at_once(qtbot: QtBot, windows: Windows) -> None:
    window = windows.open("staff_a")
    window.module_actions["personal_settings"].trigger()
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.business_log_check.setChecked(False)
    with qtbot.waitSignal(dialog.preferences_saved):
        dialog.ok_button.click()
    assert not window.shortcut_panel.part_shown("business_log")
    assert not window.shortcut_part_actions["business_log"].isChecked()
    assert not windows.open("staff_a").shortcut_panel.part_shown("business_log")


def test_about_names_the_database_in_use(qtbot: QtBot, windows: Windows) -> None:
    window = windows.open("admin")
    window.module_actions["about"].trigger()
    dialog = window.about_dialog
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(dialog.schema_shown, timeout=TIMEOUT_MS):
        pass
    assert dialog.database_label.text() in window.database_label.toolTip()


def test_the_window_layout_is_remembered_for_the_user(windows: Windows) -> None:
    window = windows.open("staff_a")
    window.resize(760, 540)  # the offscreen screen is 800×600; a larger window is clamped
    window.splitter.setSizes([260, 500])
    kept = window.splitter.sizes()
    window.close()
    again = windows.open("staff_a")
    assert (again.width(), again.height()) == (760, 540)
    assert again.splitter.sizes() == kept
    assert windows.open("admin").width() == 1280


def test_a_panels_columns_and_splitter_are_remembered_for_the_user(windows: Windows) -> None:
    window = windows.open("admin")
    assert window.open_module("positions")
    panel = window.current_panel()
    assert isinstance(panel, RecordPanel)
    header = panel.list_view.horizontalHeader()  # type: ignore[attr-defined]
    header.resizeSection(0, 231)
    header.moveSection(2, 0)  # the English name first
    panel.splitter.setSizes([700, 300])
    kept = panel.splitter.sizes()
    window.close()
    again = windows.open("admin")
    assert again.open_module("positions")
    panel = again.current_panel()
    assert isinstance(panel, RecordPanel)
    header = panel.list_view.horizontalHeader()  # type: ignore[attr-defined]
    assert (header.sectionSize(0), header.logicalIndex(0)) == (231, 2)
    left, right = panel.splitter.sizes()  # the same shares of a window laid out anew
    assert abs(left / (left + right) - kept[0] / sum(kept)) < 0.02
    other = windows.open("staff_a")
    assert other.open_module("positions")
    assert other.current_panel().list_view.horizontalHeader().logicalIndex(0) == 0  # type: ignore[union-attr]


def staff_employee(world: World) -> Employee:
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine)() as session:
            user = session.get(User, world.user_id_of["staff_a"])
            assert user is not None
            employee = session.get(Employee, user.employee_id)
            assert employee is not None
            return employee
    finally:
        engine.dispose()


def first_item(tree: QTreeWidget) -> QTreeWidgetItem:
    item = tree.topLevelItem(0)
    assert item is not None
    return item


def test_the_shortcut_panel_shows_the_users_work_and_adds_log_lines(
    qtbot: QtBot, windows: Windows, world: World
) -> None:
    employee = staff_employee(world)
    due = dt.datetime(2030, 5, 1, 8, 0, tzinfo=dt.UTC)
    task = Task(title="回访客户", owner_id=employee.id, department_id=employee.department_id)
    task.due_at, task.priority = due, "urgent"
    message = Message(subject="周会通知", sender_id=world.user_id_of["admin"], kind="notice")
    add_rows(world, task, message)
    add_rows(world, MessageRecipient(message_id=message.id, user_id=world.user_id_of["staff_a"]))
    panel = windows.open("staff_a").shortcut_panel
    task_item = first_item(panel.task_view)
    assert (task_item.text(1), task_item.text(2)) == ("回访客户", "Urgent")
    assert first_item(panel.message_view).text(0) == "[Notice] 周会通知"
    assert first_item(panel.message_view).font(0).bold()
    assert panel.boxes["information_manager"].title() == "Information manager (1 unread)"

    with qtbot.waitSignal(panel.log_line_refused):
        panel.add_log_button.click()
    assert panel.log_error_label.text() == "Write what you did first."
    panel.log_edit.setText("给回访客户打电话")
    with qtbot.waitSignal(panel.overview_loaded, timeout=TIMEOUT_MS):
        panel.add_log_button.click()
    assert first_item(panel.log_view).text(1) == "给回访客户打电话"
    assert panel.log_edit.text() == ""

    with qtbot.waitSignal(panel.overview_loaded, timeout=TIMEOUT_MS):
        panel.message_view.itemActivated.emit(first_item(panel.message_view), 0)
    assert not first_item(panel.message_view).font(0).bold()
    assert panel.boxes["information_manager"].title() == "Information manager (0 unread)"


def test_double_clicking_todays_log_entry_opens_it_in_the_business_log(
    qtbot: QtBot, windows: Windows
) -> None:
    window = windows.open("staff_a")
    panel = window.shortcut_panel
    panel.log_edit.setText("拜访华夏传媒")
    with qtbot.waitSignal(panel.overview_loaded, timeout=TIMEOUT_MS):
        panel.add_log_button.click()
    entry = first_item(panel.log_view)
    panel.log_view.itemActivated.emit(entry, 0)
    settle(qtbot, window)
    business_log = window.current_panel()
    assert isinstance(business_log, BusinessLogPanel)
    assert window.current_module is not None and window.current_module.key == "business_log"
    assert business_log.current is not None
    assert business_log.current.values["subject"] == "拜访华夏传媒"


class MissedTranslations(QTranslator):
    """Installed before the real translators, so Qt asks it last: it hears of exactly the
    strings no translation file has, and lets the source text through."""

    def __init__(self) -> None:
        super().__init__()
        self.missed: set[tuple[str, str]] = set()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        self.missed.add((context, source))
        return None  # a null string: "not found here"

    def isEmpty(self) -> bool:
        return False


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until what the screen reads in the background has arrived and is shown: the
    program's workers and the current panel's list."""
    pool = QThreadPool.globalInstance()
    loading = getattr(getattr(window.current_panel(), "model", None), "is_loading", None)

    def busy() -> bool:
        return pool.activeThreadCount() > 0 or (loading is not None and bool(loading()))

    while True:
        qtbot.waitUntil(lambda: not busy(), timeout=TIMEOUT_MS)
        QApplication.processEvents()  # deliver the results, which may start more work
        if not busy():
            return


def test_every_menu_item_panel_and_dialog_speaks_chinese(
    qapp: QApplication, qtbot: QtBot, windows: Windows
) -> None:
    recorder = MissedTranslations()
    qapp.installTranslator(recorder)
    translators = i18n.install_translators(qapp, "zh_CN")
    try:
        window = windows.open("admin", "zh_CN")
        for key, action in window.module_actions.items():
            if key not in ("relogin", "exit"):
                action.trigger()
                settle(qtbot, window)
                for widget in QApplication.topLevelWidgets():
                    if isinstance(widget, QDialog) and widget.isVisible():
                        widget.reject()
    finally:
        i18n.remove_translators(qapp, translators)
        qapp.removeTranslator(recorder)
    ours = sorted(missed for missed in recorder.missed if not missed[0].startswith("Q"))
    assert ours == []


# The global search (Ctrl+K).


def found_texts(window: MainWindow) -> list[str]:
    model = window.search_box.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@POPUP_WARNINGS
def test_ctrl_k_finds_customers_and_contacts_as_one_types_and_opens_the_chosen(
    qtbot: QtBot, windows: Windows, world: World
) -> None:
    huaxia = add_customer(world, "staff_a", "北京华夏传媒有限公司", phone="010-8888 1234")
    add_customer(world, "staff_a", "华夏之星广告有限公司")
    with session_as(world, "staff_a") as (session, staff):
        person = records.create(
            session,
            staff,
            CONTACTS,
            {"customer_id": huaxia, "name": "夏雨", "mobile": "13912345678"},
        )
    window = windows.open("staff_a")
    box = window.search_box
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert box.hasFocus()
    type_in(qtbot, box, "华夏")
    qtbot.waitUntil(lambda: box.popup.isVisible() and box.model.rowCount() == 2, timeout=TIMEOUT_MS)
    assert found_texts(window) == ["华夏之星广告有限公司", "北京华夏传媒有限公司"]
    assert "<b>华夏</b>" in box.model.index(1, 0).data(HTML_ROLE)
    qtbot.keyClick(box.popup, Qt.Key.Key_Down)
    qtbot.keyClick(box.popup, Qt.Key.Key_Return)
    assert window.current_module == modules.module("customers")
    panel = window.current_panel()
    assert isinstance(panel, RecordPanel) and panel.current is not None
    assert panel.current.id == huaxia

    box.clear()
    type_in(qtbot, box, "xiayu")
    qtbot.waitUntil(
        lambda: found_texts(window) == ["夏雨 (北京华夏传媒有限公司) — Pinyin: 夏雨"],
        timeout=TIMEOUT_MS,
    )
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.current_module == modules.module("contacts")
    contacts = window.current_panel()
    assert isinstance(contacts, RecordPanel) and contacts.current is not None
    assert contacts.current.id == person.id


@POPUP_WARNINGS
def test_the_global_search_says_when_nothing_is_found_and_typing_goes_on_in_the_box(
    qtbot: QtBot, windows: Windows
) -> None:
    window = windows.open("staff_a")
    box = window.search_box
    window.module_actions["global_search"].trigger()
    type_in(qtbot, box, "zzzq")
    qtbot.waitUntil(lambda: found_texts(window) == ["Nothing found"], timeout=TIMEOUT_MS)
    with qtbot.waitSignal(box.searcher.found, timeout=TIMEOUT_MS):
        qtbot.keyClicks(box.popup, "x")  # a key the list does not use goes to the box
    assert box.text() == "zzzqx"
    qtbot.keyClick(box.popup, Qt.Key.Key_Escape)
    assert not box.popup.isVisible()
