"""The customer's Sales tracking and Attachments tabs, and the Sales tracking and File
management panels, driven as a person would on a real customer in a real database (SQLite
and PostgreSQL), with real files; file dialogs and the system's viewer answered by the test."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from app import attachments, records, sales_tracking
from app.auth import LoggedIn
from app.customers import CUSTOMERS
from app.records import RecordValues
from app.reference_records import COMPANY_INFO
from tests.customer_world import add_customer, session_as
from tests.keyboard import type_in
from tests.prompters import Answers
from tests.security_world import World
from ui.modules import PanelContext
from ui.panels.customer_attachments_tab import AttachmentsTab
from ui.panels.customer_sales_tab import ChangeStageDialog, SalesTrackingTab
from ui.panels.file_management_panel import FileManagementPanel
from ui.panels.sales_tracking_panel import ALL, NONE, SalesTrackingPanel

LANGUAGE = "zh_CN"
MB = 1024 * 1024


pytestmark = pytest.mark.usefixtures("chinese")


@pytest.fixture
def holder(qtbot: QtBot) -> QWidget:
    """The window a tab sits in (the customer panel, in the program)."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


class Files:
    """The file dialogs, answered by the test: the files to add, where to save."""

    def __init__(self, to_add: list[Path] | None = None, save_to: Path | None = None) -> None:
        self.to_add = to_add or []
        self.save_to = save_to
        self.suggested: list[Path] = []

    def open_files(self, _parent: QWidget, _title: str) -> list[Path]:
        return list(self.to_add)

    def save_file(self, _parent: QWidget, _title: str, suggested: Path) -> Path | None:
        self.suggested.append(suggested)
        return self.save_to


class Viewer:
    """The system's "open with its program", recording what it was asked to open."""

    def __init__(self) -> None:
        self.opened: list[Path] = []

    def __call__(self, url: QUrl) -> bool:
        self.opened.append(Path(url.toLocalFile()))
        return True


def customer_record(world: World, username: str, customer_id: int) -> RecordValues:
    with session_as(world, username) as (session, user):
        return records.read(session, user, CUSTOMERS, customer_id)


def stage_ids(world: World) -> list[int]:
    with session_as(world, "admin") as (session, _admin):
        return [stage.id for stage in sales_tracking.stages(session)]


def a_file(folder: Path, name: str, size: int) -> Path:
    path = folder / name
    path.write_bytes(os.urandom(size))
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def answer_change_dialog(
    monkeypatch: pytest.MonkeyPatch,
    stage_id: int,
    note: str,
    seen: list[tuple[ChangeStageDialog, int]],
) -> None:
    """The Change step dialog filled in and OK pressed; it stays open on a refusal. `seen`
    gets each dialog with the step it offered first."""

    def answer(dialog: ChangeStageDialog) -> int:
        seen.append((dialog, dialog.stage_combo.currentData()))
        dialog.choose(stage_id, dt.date.today(), note)
        saved = dialog.save()
        code = ChangeStageDialog.DialogCode
        return int(code.Accepted if saved else code.Rejected)

    monkeypatch.setattr(ChangeStageDialog, "exec", answer)


# The Sales tracking tab.


def test_the_sales_tab_changes_the_step_and_keeps_the_history(
    qtbot: QtBot, holder: QWidget, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    customer = add_customer(world, "staff_a", "上海东方广告有限公司")
    steps = stage_ids(world)
    logged_in = world.login("staff_a")
    try:
        tab = SalesTrackingTab(PanelContext(logged_in, LANGUAGE), Answers(), holder)
        tab.set_customer(customer_record(world, "staff_a", customer))
        assert tab.strip.states() == ["todo"] * 8
        assert tab.current_label.text() == "当前阶段：尚未开始"
        seen: list[tuple[ChangeStageDialog, int]] = []
        answer_change_dialog(monkeypatch, steps[1], "第一次上门拜访", seen)
        with qtbot.waitSignal(tab.stage_changed) as changed:
            qtbot.mouseClick(tab.change_button, Qt.MouseButton.LeftButton)
        assert changed.args == [customer]
        assert seen[0][1] == steps[0]  # offered: the step after "none yet"
        assert tab.current_label.text() == "当前阶段：2 约见拜访"
        assert tab.strip.states() == ["done", "current"] + ["todo"] * 6
        answer_change_dialog(monkeypatch, steps[3], "需求已明确", seen)
        qtbot.mouseClick(tab.change_button, Qt.MouseButton.LeftButton)
        assert seen[1][1] == steps[2]  # offered: the step after the current one
        shown = [
            [tab.model.index(row, column).data() for column in range(5)]
            for row in range(tab.model.rowCount())
        ]
        assert [row[1:] for row in shown] == [
            ["2 约见拜访", "4 挖掘客户需求", "王小明", "需求已明确"],
            ["", "2 约见拜访", "王小明", "第一次上门拜访"],
        ]
        assert tab.strip.states()[:4] == ["done", "done", "done", "current"]
    finally:
        logged_in.close()


def test_a_change_from_a_stale_screen_is_refused_in_words(
    qtbot: QtBot, holder: QWidget, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    customer = add_customer(world, "staff_a", "深圳南方传媒有限公司")
    steps = stage_ids(world)
    shown = customer_record(world, "staff_a", customer)
    with session_as(world, "admin") as (session, admin):  # someone else moves it meanwhile
        sales_tracking.change_stage(
            session, admin, customer, steps[0], dt.date.today(), version=shown.version
        )
    logged_in = world.login("staff_a")
    try:
        tab = SalesTrackingTab(PanelContext(logged_in, LANGUAGE), Answers(), holder)
        tab.set_customer(shown)
        seen: list[tuple[ChangeStageDialog, int]] = []
        answer_change_dialog(monkeypatch, steps[2], "", seen)
        with qtbot.assertNotEmitted(tab.stage_changed):
            tab.change_stage()
        assert seen[0][0].error_label.text() == "记录已被他人修改，请刷新后再保存。"
        assert tab.model.rowCount() == 1  # only the other change
    finally:
        logged_in.close()


# The Attachments tab.


def open_attachments_tab(
    holder: QWidget, logged_in: LoggedIn, answers: Answers, files: Files, viewer: Viewer
) -> AttachmentsTab:
    return AttachmentsTab(
        PanelContext(logged_in, LANGUAGE), answers, holder, files=files, open_url=viewer
    )


def listed(tab: AttachmentsTab) -> list[list[str]]:
    return [
        [tab.model.index(row, column).data() for column in range(3)]
        for row in range(tab.model.rowCount())
    ]


def test_files_are_added_opened_saved_and_deleted_from_the_tab(
    qtbot: QtBot, holder: QWidget, admin: LoggedIn, world: World, tmp_path: Path
) -> None:
    customer = add_customer(world, "admin", "广州珠江文化有限公司")
    source = a_file(tmp_path, "合同.pdf", 2 * MB + 5)
    target = tmp_path / "out" / "合同副本.pdf"
    target.parent.mkdir()
    answers, files, viewer = Answers(confirm=True), Files([source], target), Viewer()
    tab = open_attachments_tab(holder, admin, answers, files, viewer)
    assert not tab.add_button.isEnabled()
    tab.set_customer(customer_record(world, "admin", customer))
    assert tab.add_button.isEnabled() and not tab.open_button.isEnabled()
    with qtbot.waitSignal(tab.attachments_changed, timeout=20_000):
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert listed(tab) == [["合同.pdf", "2.0 MB", "application/pdf"]]
    tab.view.selectRow(0)
    assert tab.file_actions.runner is not None
    with qtbot.waitSignal(tab.file_actions.written, timeout=20_000):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert files.suggested[0].name == "合同.pdf"
    assert sha(target) == sha(source)
    with qtbot.waitSignal(tab.file_actions.written, timeout=20_000):
        qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    opened = viewer.opened[0]
    assert opened.name == "合同.pdf" and sha(opened) == sha(source)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert answers.asked == ["把附件“合同.pdf”移到回收站？"]
    assert listed(tab) == []
    with session_as(world, "admin") as (session, admin_user):
        binned = records.deleted_records(session, admin_user, attachments.ATTACHMENTS)
    assert [item.title for item in binned] == ["合同.pdf"]
    tab.deleteLater()  # the copy written for the viewer goes with the screen
    qtbot.waitUntil(lambda: not opened.parent.parent.exists())


def test_a_file_is_renamed_and_described_in_its_properties(
    qtbot: QtBot, holder: QWidget, admin: LoggedIn, world: World, tmp_path: Path
) -> None:
    customer = add_customer(world, "admin", "佛山南海印务有限公司")
    with session_as(world, "admin") as (session, user):
        attachments.add_bytes(session, user, customer, "scan.pdf", b"%PDF-1.4 ...")
    tab = open_attachments_tab(holder, admin, Answers(), Files(), Viewer())
    tab.set_customer(customer_record(world, "admin", customer))
    tab.view.selectRow(0)
    qtbot.mouseClick(tab.describe_button, Qt.MouseButton.LeftButton)
    dialog = tab.file_actions.dialog
    assert dialog is not None and dialog.name_edit.text() == "scan.pdf"
    dialog.name_edit.selectAll()
    type_in(qtbot, dialog.name_edit, "年度合同.docx")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()  # refused at the field, the dialog stays
    assert dialog.error_label.text() == "文件名须保留扩展名“.pdf”，否则无法用对应的程序打开。"
    dialog.name_edit.selectAll()
    type_in(qtbot, dialog.name_edit, "年度合同.pdf")
    dialog.description_edit.setPlainText("双方盖章版\n第二页有补充条款")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert tab.model.index(0, 0).data() == "年度合同.pdf"
    assert tab.model.index(0, 5).data() == "双方盖章版 第二页有补充条款"


def test_files_dropped_on_the_tab_are_added(
    qtbot: QtBot, holder: QWidget, world: World, tmp_path: Path
) -> None:
    customer = add_customer(world, "staff_a", "杭州西湖传媒有限公司")
    dropped = [a_file(tmp_path, "名片.png", 1000), a_file(tmp_path, "报价.xlsx", 3000)]
    logged_in = world.login("staff_a")
    try:
        tab = open_attachments_tab(holder, logged_in, Answers(), Files(), Viewer())
        tab.set_customer(customer_record(world, "staff_a", customer))
        assert not tab.delete_button.isEnabled()  # staff do not delete customer data
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(path)) for path in dropped])
        event = QDropEvent(
            QPointF(10, 10),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        with qtbot.waitSignal(tab.attachments_changed, timeout=20_000):
            tab.dropEvent(event)
        assert sorted(row[0] for row in listed(tab)) == ["名片.png", "报价.xlsx"]
    finally:
        logged_in.close()


def test_a_file_over_the_limit_is_refused_with_the_reason(
    qtbot: QtBot, holder: QWidget, admin: LoggedIn, world: World, tmp_path: Path
) -> None:
    with session_as(world, "admin") as (session, admin_user):
        records.create(
            session, admin_user, COMPANY_INFO, {"name": "华夏传媒", "attachment_max_mb": 1}
        )
    customer = add_customer(world, "admin", "南京金陵广告有限公司")
    big = a_file(tmp_path, "宣传册.pdf", 2 * MB)
    answers = Answers()
    tab = open_attachments_tab(holder, admin, answers, Files(), Viewer())
    tab.set_customer(customer_record(world, "admin", customer))
    runner = tab.add_files([big])
    assert runner is not None
    with qtbot.waitSignal(runner.failed, timeout=20_000):
        pass
    assert answers.warnings == [
        "文件“宣传册.pdf”大小为 2.0 MB，超过了附件大小上限 1 MB，不能添加。"
        "管理员可在“本公司信息”中修改上限。"
    ]
    assert listed(tab) == []


# The module panels.


def test_the_sales_tracking_panel_counts_and_filters_by_step(
    qtbot: QtBot, admin: LoggedIn, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = stage_ids(world)
    first = add_customer(world, "staff_a", "成都天府传媒有限公司")
    add_customer(world, "staff_a", "重庆山城广告有限公司")
    with session_as(world, "staff_a") as (session, staff):
        _stage, version = sales_tracking.current_stage(session, staff, first)
        sales_tracking.change_stage(
            session, staff, first, steps[0], dt.date.today(), version=version
        )
    panel = SalesTrackingPanel(PanelContext(admin, LANGUAGE), Answers())
    qtbot.addWidget(panel)
    panel.show()
    counts = panel.step_counts()
    assert counts[ALL] == "全部客户 (2)"
    assert counts[NONE] == "尚未开始 (1)"
    assert counts[steps[0]] == "1 寻找准客户 (1)"
    panel.choose_step(steps[0])
    qtbot.waitUntil(lambda: not panel.model.is_loading() and panel.model.rowCount() == 1)
    assert panel.model.index(0, 0).data() == "成都天府传媒有限公司"
    assert panel.model.index(0, 1).data() == "寻找准客户"
    panel.customer_view.selectRow(0)
    assert panel.tab.current_stage_id() == steps[0]
    seen: list[tuple[ChangeStageDialog, int]] = []
    answer_change_dialog(monkeypatch, steps[1], "约好了下周见面", seen)
    qtbot.mouseClick(panel.tab.change_button, Qt.MouseButton.LeftButton)
    assert panel.step_counts()[steps[1]] == "2 约见拜访 (1)"
    qtbot.waitUntil(lambda: not panel.model.is_loading() and panel.model.rowCount() == 0)
    panel.choose_step(NONE)
    qtbot.waitUntil(lambda: not panel.model.is_loading() and panel.model.rowCount() == 1)
    assert panel.model.index(0, 0).data() == "重庆山城广告有限公司"
    panel.close()


def test_file_management_lists_the_files_the_user_sees_and_saves_one(
    qtbot: QtBot, world: World, tmp_path: Path
) -> None:
    mine = add_customer(world, "staff_a", "武汉江城传媒有限公司")
    others = add_customer(world, "admin", "西安古都广告有限公司")
    source = a_file(tmp_path, "方案.docx", 5000)
    for username, customer, path in (
        ("staff_a", mine, source),
        ("admin", others, a_file(tmp_path, "内部.txt", 10)),
    ):
        with session_as(world, username) as (session, user):
            attachments.add_file(session, user, customer, path)
    logged_in = world.login("staff_a")
    target = tmp_path / "保存.docx"
    try:
        panel = FileManagementPanel(
            PanelContext(logged_in, LANGUAGE), Answers(), files=Files(save_to=target),
            open_url=Viewer(),
        )  # fmt: skip
        qtbot.addWidget(panel)
        panel.show()
        qtbot.waitUntil(lambda: not panel.model.is_loading() and panel.model.rowCount() == 1)
        assert [panel.model.index(0, column).data() for column in (0, 1)] == [
            "方案.docx",
            "武汉江城传媒有限公司",
        ]
        assert not panel.delete_button.isEnabled()
        panel.view.selectRow(0)
        with qtbot.waitSignal(panel.file_actions.written, timeout=20_000):
            qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
        assert sha(target) == sha(source)
        panel.close()
    finally:
        logged_in.close()
