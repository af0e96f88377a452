"""The dialogs every panel's toolbar opens, driven as a user would: a stale save resolved field
by field, the Information window, Query & Report, the recycle bin, and printing a list — on
real records of both databases where the dialog shows them."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QRadioButton
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from app import listing, records
from app.access import CurrentUser
from app.errors import ValidationError
from app.fields import FieldSpec, Kind
from app.listing import Filter, ListColumn, ListQuery, ListSpec
from app.records import RecordValues, StaleRecordError
from app.reference_records import POSITIONS
from db.models.lookups import Position
from tests.acting_users import acting
from tests.security_world import World
from ui.dialogs.list_query_dialog import ListQueryDialog, day_end, day_start
from ui.dialogs.record_conflict_dialog import RecordConflictDialog
from ui.dialogs.record_information_dialog import HistoryModel, RecordInformationDialog
from ui.dialogs.recycle_bin_dialog import RecycleBinDialog
from ui.fonts import CJK_FAMILIES
from ui.printing import ListPreviewDialog, export_pdf, list_document

LANGUAGE = "en"
Acting = tuple[sessionmaker[Session], CurrentUser]


@pytest.fixture
def admin(world: World) -> Iterator[Acting]:
    with acting(world, "admin") as acting_as:
        yield acting_as


def position(code: str, name: str, **more: object) -> dict[str, object]:
    """A position whose code the reference data does not hold already."""
    return {
        "code": f"test_{code}",
        "name_zh": name,
        "name_en": None,
        "sort_order": 0,
        "active": True,
        **more,
    }


def create(admin: Acting, values: dict[str, object]) -> RecordValues:
    factory, user = admin
    with factory.begin() as session:
        return records.create(session, user, POSITIONS, values)


def history_texts(dialog: RecordInformationDialog) -> list[tuple[str, ...]]:
    model = dialog.history_model
    return [
        tuple(model.data(model.index(row, column)) for column in HistoryModel.Column)
        for row in range(model.rowCount())
    ]


# A stale save.


def click_radio(qtbot: QtBot, button: QRadioButton) -> None:
    """Click a radio button on its round indicator, where a user clicks."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def test_a_stale_save_keeps_the_users_fields_and_the_others_changes(
    qtbot: QtBot, admin: Acting
) -> None:
    factory, user = admin
    read = create(admin, position("editor", "编辑"))
    with factory.begin() as session:  # someone else, meanwhile
        records.update(
            session,
            user,
            POSITIONS,
            read.id,
            1,
            position("editor", "编辑", name_en="Editor", sort_order=5),
        )
    mine = position("editor", "责任编辑", sort_order=9)
    with pytest.raises(StaleRecordError) as stale, factory.begin() as session:
        records.update(session, user, POSITIONS, read.id, read.version, mine)
    theirs = stale.value.theirs

    dialog = RecordConflictDialog(POSITIONS.fields, mine, theirs, LANGUAGE, original=read.values)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.differing_keys() == ["name_zh", "name_en", "sort_order"]
    assert "code" not in dialog.mine_buttons  # the same in both: not asked
    # Mine where I changed the field, theirs where only they did.
    assert [dialog.choice(key) for key in dialog.differing_keys()] == ["mine", "theirs", "mine"]
    assert dialog.mine_buttons["name_zh"].text() == "责任编辑"
    assert dialog.theirs_buttons["name_en"].text() == "Editor"
    click_radio(qtbot, dialog.theirs_buttons["sort_order"])
    assert dialog.choice("sort_order") == "theirs"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == RecordConflictDialog.DialogCode.Accepted
    assert not dialog.theirs_taken()

    with factory.begin() as session:
        saved = records.update(session, user, POSITIONS, read.id, theirs.version, dialog.merged())
    assert saved.values | {"active": True} == position(
        "editor", "责任编辑", name_en="Editor", sort_order=5
    )


def conflict_dialog(qtbot: QtBot, original: dict[str, Any] | None) -> RecordConflictDialog:
    fields = (
        FieldSpec("name", Kind.TEXT, "名称", "Name"),
        FieldSpec("budget", Kind.MONEY, "预算", "Budget"),
        FieldSpec("notes", Kind.MULTILINE, "备注", "Notes"),
    )
    before = {"name": "星辰传媒", "budget": Decimal("100.00"), "notes": None}
    mine = {**before, "notes": "新备注"}
    theirs = RecordValues(7, 3, {**before, "budget": Decimal("250.00")}, "星辰传媒")
    dialog = RecordConflictDialog(fields, mine, theirs, LANGUAGE, original=original)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_taking_theirs_discards_mine(qtbot: QtBot) -> None:
    dialog = conflict_dialog(qtbot, original=None)
    assert [dialog.choice(key) for key in dialog.differing_keys()] == ["mine", "mine"]
    assert dialog.theirs_buttons["budget"].text() == "250.00"
    qtbot.mouseClick(dialog.take_theirs_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == RecordConflictDialog.DialogCode.Accepted
    assert dialog.theirs_taken()
    assert dialog.merged() == {"name": "星辰传媒", "budget": Decimal("250.00"), "notes": None}


def test_cancelling_a_conflict_changes_nothing_and_same_fields_show_on_request(
    qtbot: QtBot,
) -> None:
    dialog = conflict_dialog(qtbot, original={"name": "星辰传媒", "budget": Decimal("100.00")})
    assert dialog.differing_keys() == ["budget", "notes"]
    assert [dialog.choice(key) for key in dialog.differing_keys()] == ["theirs", "mine"]
    assert dialog.mine_buttons["notes"].text() == "新备注"
    assert dialog.theirs_buttons["notes"].text() == "(empty)"
    assert not dialog.show_same_check.isChecked()
    same_rows = dialog.findChildren(QLabel)
    assert not any(label.isVisible() and label.text() == "Name" for label in same_rows)
    dialog.show_same_check.setChecked(True)
    assert any(label.isVisible() and label.text() == "Name" for label in same_rows)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == RecordConflictDialog.DialogCode.Rejected


# Information.


def test_information_shows_who_made_the_record_and_its_history_newest_first(
    qtbot: QtBot, admin: Acting
) -> None:
    factory, user = admin
    made = create(admin, position("chief", "主编"))
    with factory.begin() as session:
        records.update(session, user, POSITIONS, made.id, 1, position("chief", "总编辑"))
    with factory.begin() as session:
        records.delete(session, user, POSITIONS, made.id, 2)
    with factory.begin() as session:
        info = records.information(session, user, POSITIONS, made.id)

    dialog = RecordInformationDialog(
        info,
        {"name_zh": "Chinese name", "code": "Code"},
        LANGUAGE,
        user_names={user.user_id: "Boss"},
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.version_label.text() == "3"
    assert dialog.created_label.text().endswith(" by 管理员 (admin)")
    assert dialog.deleted_label.isVisible()
    rows = history_texts(dialog)
    assert [row[1:3] for row in rows] == [
        ("Boss", "Moved to the recycle bin"),
        ("Boss", "Changed"),
        ("Boss", "Created"),
    ]
    assert rows[1][3] == "Chinese name: 主编 → 总编辑"
    assert "Code: test_chief" in rows[2][3].splitlines()
    assert rows[0][0] >= rows[1][0] >= rows[2][0]
    assert rows[2][0] == info.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")  # type: ignore[union-attr]


def test_a_staff_member_is_told_the_history_is_not_for_their_role(
    qtbot: QtBot, world: World, admin: Acting
) -> None:
    made = create(admin, position("clerk", "文员"))
    with acting(world, "staff_a") as (factory, staff), factory.begin() as session:
        info = records.information(session, staff, POSITIONS, made.id)
    dialog = RecordInformationDialog(info, {}, LANGUAGE)
    qtbot.addWidget(dialog)
    dialog.show()
    assert info.history is None
    assert "may not review the audit trail" in dialog.history_note_label.text()
    assert not dialog.history_view.isVisible()
    assert not dialog.deleted_label.isVisible()


# The recycle bin.


def test_the_recycle_bin_restores_the_chosen_records_and_says_why_one_cannot_be(
    qtbot: QtBot, admin: Acting
) -> None:
    factory, user = admin
    kept = [create(admin, position(code, name)) for code, name in (("a", "甲"), ("b", "乙"))]
    taken = create(admin, position("c", "丙"))
    for record in (*kept, taken):
        with factory.begin() as session:
            records.delete(session, user, POSITIONS, record.id, record.version)
    create(admin, position("c", "丙二"))  # its code is taken meanwhile
    restored_ids: list[int] = []

    def load() -> list[records.DeletedRecord]:
        with factory.begin() as session:
            return records.deleted_records(session, user, POSITIONS)

    def restore(record_id: int) -> None:
        with factory.begin() as session:
            records.restore(session, user, POSITIONS, record_id)
        restored_ids.append(record_id)

    dialog = RecycleBinDialog(load, restore, LANGUAGE)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 3
    assert not dialog.restore_button.isEnabled()
    dialog.select_ids([kept[0].id, taken.id])
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.restore_failed) as failed:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert restored_ids == [kept[0].id]
    assert [row.id for row in dialog.model.rows()] == [taken.id, kept[1].id]
    assert "“丙”" in failed.args[0] and dialog.message_label.isVisible()
    assert dialog.selected_ids() == [taken.id]  # still there, ready to try again

    dialog.select_ids([kept[1].id])
    with qtbot.waitSignal(dialog.records_restored) as restored:
        dialog.table_view.doubleClicked.emit(dialog.model.index(1, 0))
    assert restored.args == [[kept[1].id]]
    assert not dialog.message_label.isVisible()
    assert [row.id for row in dialog.model.rows()] == [taken.id]


# Query & Report.


@dataclass
class Column:
    key: str
    label_zh: str
    label_en: str
    kind: str = "text"


COLUMNS = [
    Column("name", "名称", "Name"),
    Column("budget", "预算", "Budget", "money"),
    Column("signed", "签约日期", "Signed on", "date"),
    Column("updated_at", "修改时间", "Changed at", "datetime"),
    Column("vip", "重点客户", "Key account", "bool"),
]


def query_dialog(
    qtbot: QtBot, filters: list[Filter], may_export: bool = False, may_print: bool = False
) -> ListQueryDialog:
    dialog = ListQueryDialog(COLUMNS, filters, LANGUAGE, may_export=may_export, may_print=may_print)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choose(row: Any, column: str, op: str) -> None:
    row.column_combo.setCurrentIndex(row.column_combo.findText(column))
    row.op_combo.setCurrentIndex(row.op_combo.findText(op))


def test_query_conditions_become_filters(qtbot: QtBot) -> None:
    dialog = query_dialog(qtbot, [])
    assert len(dialog.rows) == 1 and dialog.filters() == []  # an empty condition means nothing
    choose(dialog.rows[0], "Name", "starts with")
    dialog.rows[0].set_value_text("星辰")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    choose(dialog.rows[1], "Budget", "is between")
    dialog.rows[1].set_value_text("1,000", "5万")
    dialog.add_condition()
    choose(dialog.rows[2], "Changed at", "is on")
    dialog.rows[2].set_dates(dt.date(2026, 3, 1))
    dialog.add_condition()
    choose(dialog.rows[3], "Signed on", "is empty")
    dialog.add_condition()
    choose(dialog.rows[4], "Key account", "equals")
    assert dialog.filters() == [
        Filter("name", "starts_with", "星辰"),
        Filter("budget", "between", (Decimal("1000"), Decimal("50000"))),
        Filter(
            "updated_at", "between", (day_start(dt.date(2026, 3, 1)), day_end(dt.date(2026, 3, 1)))
        ),
        Filter("signed", "is_empty"),
        Filter("vip", "equals", True),
    ]
    qtbot.mouseClick(dialog.rows[3].remove_button, Qt.MouseButton.LeftButton)
    assert len(dialog.filters()) == 4
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ListQueryDialog.DialogCode.Accepted


def test_a_bad_number_is_named_and_nothing_is_applied(qtbot: QtBot) -> None:
    dialog = query_dialog(qtbot, [], may_export=True)
    choose(dialog.rows[0], "Budget", "is at least")
    dialog.rows[0].set_value_text("很多")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ListQueryDialog.DialogCode.Rejected
    assert dialog.message_label.isVisible()
    assert dialog.message_label.text().startswith("Condition 1: ")
    with pytest.raises(ValidationError):
        dialog.filters()
    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert not dialog.message_label.isVisible()
    assert len(dialog.rows) == 1 and dialog.filters() == []


def test_the_query_shows_its_filters_again_and_offers_what_the_role_allows(qtbot: QtBot) -> None:
    given = [
        Filter("name", "contains", "传媒"),
        Filter("budget", "le", Decimal("100")),
        Filter(
            "updated_at", "between", (day_start(dt.date(2026, 1, 2)), day_end(dt.date(2026, 1, 9)))
        ),
        Filter("signed", "gt", dt.date(2025, 12, 31)),
        Filter("vip", "equals", False),
    ]
    dialog = query_dialog(qtbot, given, may_print=True)
    assert dialog.filters() == given
    assert not dialog.export_button.isEnabled() and dialog.print_button.isEnabled()
    with qtbot.waitSignal(dialog.print_requested):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # printing leaves the conditions open


def test_query_filters_select_the_rows_in_the_database(qtbot: QtBot, admin: Acting) -> None:
    factory, user = admin
    for code, name, order in (("a", "总编辑", 1), ("b", "副总编辑", 5), ("c", "编辑", 9)):
        create(admin, position(code, name, sort_order=order))
    spec = ListSpec(
        Position,
        (
            ListColumn.of(Position.name_zh),
            ListColumn.of(Position.sort_order, kind="int"),
            ListColumn.of(Position.created_at, kind="datetime"),
        ),
    )
    dialog = ListQueryDialog(spec.columns, [], LANGUAGE)
    qtbot.addWidget(dialog)
    choose(dialog.rows[0], "Chinese name", "contains")
    dialog.rows[0].set_value_text("总编")
    dialog.add_condition()
    choose(dialog.rows[1], "Order", "is at least")
    dialog.rows[1].set_value_text("2")
    dialog.add_condition()
    choose(dialog.rows[2], "Created at", "is on")  # today, on the user's clock
    with factory.begin() as session:
        page = listing.first_page(
            session, ListQuery(spec, filters=tuple(dialog.filters())), user, 10
        )
    assert [row[1] for row in page.rows] == ["副总编辑"]


# Printing.


def printed_list(tmp_path: Path) -> Path:
    headers = ["客户名称", "年度预算", "负责人"]
    rows = [(f"北京星辰传媒有限公司{n}", f"{n * 1000:,}.00", "王小明") for n in range(200)]
    document = list_document("客户档案", headers, rows, "王伟", right_aligned={1})
    path = tmp_path / "客户档案.pdf"
    export_pdf(document, path)
    return path


def test_a_printed_list_embeds_a_chinese_font_in_the_pdf(qtbot: QtBot, tmp_path: Path) -> None:
    data = printed_list(tmp_path).read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) > 1
    assert b"/Title (\xfe\xff" + "客户档案".encode("utf-16-be") + b")" in data
    fonts = {name.decode() for name in re.findall(rb"/BaseFont\s*/([^\s/]+)", data)}
    assert fonts & {family.replace(" ", "") for family in CJK_FAMILIES}, fonts
    # The text maps back to Unicode, 客 (U+5BA2) included: searchable, copyable.
    assert b"<5BA2>" in data


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_a_printed_list_has_its_header_on_every_page_and_page_numbers(
    qtbot: QtBot, tmp_path: Path
) -> None:
    text = subprocess.run(
        ["pdftotext", "-layout", str(printed_list(tmp_path)), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = text.rstrip("\f").split("\f")
    assert len(pages) > 1
    assert "客户档案" in pages[0] and "200 rows" in pages[0]
    for number, page in enumerate(pages, start=1):
        assert "客户名称" in page  # the header again on every page
        assert page.split()[-1] == str(number)  # the page number at its foot


def test_a_long_list_prints_its_first_rows_and_says_so(qtbot: QtBot) -> None:
    rows = ((str(n),) for n in range(6000))
    document = list_document("=公式", ["编号"], rows, "<b>王伟</b>")
    text = document.toPlainText()
    assert "Only the first 5000 rows" in text and "6000 rows" in text
    assert "<b>王伟</b>" in text and "=公式" in text  # shown as typed, never as markup
    preview = ListPreviewDialog(document)
    qtbot.addWidget(preview)
    assert preview.windowTitle() == "Print preview: =公式"


# Translations.
