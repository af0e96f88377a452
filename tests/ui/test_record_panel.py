"""The panel framework driven as a person would, on the back-office lists of Information
tools: type into the form, save, find the record in the list, change it while someone else
does, delete and restore it, ask for its information — on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import records
from app.auth import LoggedIn
from app.listing import Filter, every_row
from app.reference_records import AD_SERVICES, DEPARTMENTS, POSITIONS
from tests.acting_users import acting
from tests.forms import type_into
from tests.prompters import Answers
from tests.security_world import World
from ui.dialogs.record_conflict_dialog import RecordConflictDialog
from ui.modules import PanelContext
from ui.panels import record_panel as record_panel_module
from ui.panels.record_panel import RecordPanel
from ui.panels.reference_panels import GeographyPanel, record_panel

LANGUAGE = "zh_CN"


def open_panel(qtbot: QtBot, logged_in: LoggedIn, kind: Any, answers: Answers) -> RecordPanel:
    panel = record_panel(PanelContext(logged_in, LANGUAGE), kind, answers)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    if panel.model is not None:
        qtbot.waitUntil(lambda: not panel.model.is_loading())
    return panel


def listed_ids(panel: RecordPanel) -> list[int]:
    assert panel.model is not None
    return [panel.model.row_id(row) for row in range(panel.model.rowCount())]


def wait_listed(qtbot: QtBot, panel: RecordPanel, record_id: int, shown: bool = True) -> None:
    qtbot.waitUntil(lambda: (record_id in listed_ids(panel)) == shown)


def test_a_record_is_typed_saved_listed_edited_and_its_information_shown(
    qtbot: QtBot, qtmodeltester: Any, admin: LoggedIn
) -> None:
    answers = Answers()
    panel = open_panel(qtbot, admin, POSITIONS, answers)
    qtmodeltester.check(panel.model)
    assert not panel.delete_action.isEnabled() and not panel.information_action.isEnabled()
    type_into(qtbot, panel.form, "code", "art_director")
    type_into(qtbot, panel.form, "name_zh", "艺术总监")
    assert panel.form.is_dirty()
    panel.save_action.trigger()
    saved = panel.current
    assert saved is not None and saved.values["name_zh"] == "艺术总监"
    wait_listed(qtbot, panel, saved.id)
    assert panel.delete_action.isEnabled() and not panel.form.is_dirty()

    type_into(qtbot, panel.form, "name_zh", "美术总监")
    panel.save_action.trigger()
    assert panel.current is not None and panel.current.version == 2
    panel.information_action.trigger()
    dialog = panel.information_dialog
    qtmodeltester.check(dialog.history_model)
    qtbot.addWidget(dialog)
    assert dialog.history_model.rowCount() == 2


def test_validation_errors_show_at_the_field_and_nothing_is_saved(
    qtbot: QtBot, admin: LoggedIn
) -> None:
    panel = open_panel(qtbot, admin, AD_SERVICES, Answers())
    type_into(qtbot, panel.form, "name", "版面设计")
    type_into(qtbot, panel.form, "standard_price", "-5")
    assert not panel.save()
    assert panel.current is None
    assert panel.form.editor("code").error_text()  # required, shown at its field
    assert "0" in panel.form.editor("standard_price").error_text()
    type_into(qtbot, panel.form, "code", "LAYOUT")
    type_into(qtbot, panel.form, "standard_price", "¥1,200")
    assert panel.save()
    assert panel.current is not None
    assert str(panel.current.values["standard_price"]) == "1200.00"


def test_save_and_new_and_copy_make_fast_entry(qtbot: QtBot, admin: LoggedIn) -> None:
    panel = open_panel(qtbot, admin, POSITIONS, Answers())
    type_into(qtbot, panel.form, "code", "rep1")
    type_into(qtbot, panel.form, "name_zh", "客户代表")
    panel.save_new_action.trigger()
    assert panel.current is None and panel.form.editor("code").raw_text() == ""
    type_into(qtbot, panel.form, "code", "rep2")
    type_into(qtbot, panel.form, "name_zh", "高级客户代表")
    panel.save_action.trigger()
    first = panel.current
    assert first is not None
    panel.copy_action.trigger()
    assert panel.current is None and panel.form.is_dirty()
    assert panel.form.editor("name_zh").raw_text() == "高级客户代表"
    type_into(qtbot, panel.form, "code", "rep3")
    panel.save_action.trigger()
    assert panel.current is not None and panel.current.id != first.id


def test_leaving_unsaved_changes_asks_and_cancel_keeps_them(qtbot: QtBot, admin: LoggedIn) -> None:
    answers = Answers(leave="cancel")
    panel = open_panel(qtbot, admin, POSITIONS, answers)
    type_into(qtbot, panel.form, "name_zh", "未保存")
    assert not panel.maybe_leave()
    assert panel.form.editor("name_zh").raw_text() == "未保存"
    answers.leave_answer = "discard"
    assert panel.maybe_leave()
    assert not panel.form.is_dirty()
    type_into(qtbot, panel.form, "code", "kept")
    type_into(qtbot, panel.form, "name_zh", "保存后离开")
    answers.leave_answer = "save"
    assert panel.maybe_leave()
    assert panel.current is not None and panel.current.title == "保存后离开"
    assert len(answers.asked) == 3


def test_a_stale_save_lets_the_user_choose_field_by_field(
    qtbot: QtBot, admin: LoggedIn, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = open_panel(qtbot, admin, POSITIONS, Answers())
    type_into(qtbot, panel.form, "code", "anchor")
    type_into(qtbot, panel.form, "name_zh", "主持人")
    panel.save_action.trigger()
    mine = panel.current
    assert mine is not None
    with acting(world, "admin") as (factory, other), factory.begin() as session:
        theirs = dict(mine.values, name_en="Host", sort_order=7)
        records.update(session, other, POSITIONS, mine.id, mine.version, theirs)

    def choose(dialog: RecordConflictDialog) -> int:
        assert set(dialog.differing_keys()) == {"name_zh", "name_en", "sort_order"}
        return RecordConflictDialog.DialogCode.Accepted

    monkeypatch.setattr(RecordConflictDialog, "exec", choose)
    type_into(qtbot, panel.form, "name_zh", "节目主持人")
    panel.save_action.trigger()
    saved = panel.current
    assert saved is not None and saved.version == 3
    # My change is kept, and so are theirs: nothing is lost.
    assert (saved.values["name_zh"], saved.values["name_en"], saved.values["sort_order"]) == (
        "节目主持人",
        "Host",
        7,
    )


def test_delete_asks_then_the_recycle_bin_restores(
    qtbot: QtBot, qtmodeltester: Any, admin: LoggedIn
) -> None:
    answers = Answers(confirm=False)
    panel = open_panel(qtbot, admin, POSITIONS, answers)
    type_into(qtbot, panel.form, "code", "intern")
    type_into(qtbot, panel.form, "name_zh", "实习生")
    panel.save_action.trigger()
    made = panel.current
    assert made is not None
    wait_listed(qtbot, panel, made.id)
    panel.delete_action.trigger()
    assert panel.current is not None  # "no": nothing happens
    answers.confirm_answer = True
    panel.delete_action.trigger()
    assert panel.current is None
    wait_listed(qtbot, panel, made.id, shown=False)
    panel.recycle_bin_action.trigger()
    bin_dialog = panel.recycle_bin_dialog
    qtbot.addWidget(bin_dialog)
    qtmodeltester.check(bin_dialog.model)
    bin_dialog.select_ids([made.id])
    bin_dialog.restore_button.click()
    wait_listed(qtbot, panel, made.id)


def test_query_filters_the_list_and_export_writes_what_is_shown(
    qtbot: QtBot, admin: LoggedIn, tmp_path: Path
) -> None:
    panel = open_panel(qtbot, admin, POSITIONS, Answers())
    panel.set_filters([Filter("name_zh", "contains", "经理")])
    assert panel.model is not None
    qtbot.waitUntil(lambda: not panel.model.is_loading())
    shown = [panel.model.values(row)[1] for row in range(panel.model.rowCount())]
    assert shown and all("经理" in name for name in shown)
    path = tmp_path / "positions.xlsx"
    with qtbot.waitSignal(panel.exported, timeout=10_000) as exported:
        panel.export_to(path, csv=False, filters=[Filter("name_zh", "contains", "经理")])
    assert exported.args == [len(shown)]
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "中文名称"
    assert [row[0] for row in rows[1:]] == shown


def test_a_cancelled_export_leaves_no_file(
    qtbot: QtBot, admin: LoggedIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers()
    panel = open_panel(qtbot, admin, POSITIONS, answers)
    folder = tmp_path / "exports"
    folder.mkdir()
    reading, cancelled = threading.Event(), threading.Event()

    def rows_after_the_cancel(*args: Any, **kwargs: Any) -> Iterator[Any]:
        # The export reads the real rows, only once the user has pressed Cancel: a list
        # this short would otherwise be written before the click.
        reading.set()
        cancelled.wait(10)
        yield from every_row(*args, **kwargs)

    monkeypatch.setattr(record_panel_module, "every_row", rows_after_the_cancel)
    with qtbot.waitSignal(panel.work_finished, timeout=10_000):
        panel.export_to(folder / "positions.csv", csv=True, filters=[])
        assert reading.wait(10)
        panel.runner.progress.cancel()
        cancelled.set()
    assert list(folder.iterdir()) == []  # neither the file nor a part of it
    assert answers.warnings == ["已取消，未写入任何内容。"]


def test_staff_see_the_list_but_the_changing_buttons_are_off(qtbot: QtBot, world: World) -> None:
    staff = world.login("staff_a")
    try:
        panel = open_panel(qtbot, staff, POSITIONS, Answers())
        assert not panel.new_action.isEnabled() and not panel.save_action.isEnabled()
        assert not panel.recycle_bin_action.isEnabled()
        assert panel.model is not None and panel.model.rowCount() > 0
        panel.list_view.selectRow(0)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: panel.current is not None)
        assert not panel.save_action.isEnabled() and not panel.delete_action.isEnabled()
        assert panel.information_action.isEnabled()
    finally:
        staff.close()


def test_departments_show_as_a_tree_and_keep_their_rules(
    qtbot: QtBot, qtmodeltester: Any, admin: LoggedIn
) -> None:
    answers = Answers()
    panel = open_panel(qtbot, admin, DEPARTMENTS, answers)
    assert panel.tree_model is not None
    qtmodeltester.check(panel.tree_model)
    top = [panel.tree_model.item(row).text() for row in range(panel.tree_model.rowCount())]
    assert top == ["A", "B"]
    a_index = panel.tree_model.index(0, 0)
    assert panel.tree_model.data(panel.tree_model.index(0, 0, a_index)) == "A1"
    panel.list_view.setCurrentIndex(a_index)
    panel.list_view.selectionModel().select(
        a_index, panel.list_view.selectionModel().SelectionFlag.ClearAndSelect
    )
    qtbot.waitUntil(lambda: panel.current is not None and panel.current.title == "A")
    panel.delete_action.trigger()
    assert answers.warnings and panel.current is not None  # not empty: refused, in words


def test_geography_tabs_hold_countries_regions_and_cities(qtbot: QtBot, admin: LoggedIn) -> None:
    panel = GeographyPanel(PanelContext(admin, LANGUAGE))
    qtbot.addWidget(panel)
    assert [panel.tabText(i) for i in range(panel.count())] == ["国家", "地区", "城市"]
    regions = panel.panels[1]
    assert regions.model is not None
    qtbot.waitUntil(lambda: regions.model.rowCount() > 0 and not regions.model.is_loading())
    assert regions.model.headerData(3, Qt.Orientation.Horizontal) == "国家"
