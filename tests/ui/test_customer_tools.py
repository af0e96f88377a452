"""The customer tools driven as a person would, on SQLite and PostgreSQL with real files: the
import wizard (a GBK CSV and an .xlsx with bad rows, the mapping remembered, the preview's
errors, the counts, the error report, Cancel), transferring and handing customers over,
merging two customers, exporting the list, and who sees which tool."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from app import audit
from app.auth import LoggedIn
from db.engine import make_engine, make_session_factory
from db.models.customers import Contact, Customer
from tests.acting_users import employee_of
from tests.customer_world import add_customer, credit_code, session_as
from tests.prompters import Answers
from tests.security_world import World, build_world
from ui.dialogs.import_wizard import ImportWizard
from ui.dialogs.merge_dialog import open_merge_dialog
from ui.dialogs.transfer_dialog import ID_ROLE, HandOverDialog, SearchList, open_transfer_dialog
from ui.modules import PanelContext
from ui.panels.import_export_panel import ImportExportPanel
from ui.widgets.progress_runner import ProgressRunner

LANGUAGE = "zh_CN"
HEADERS = ["客户名称", "联系人", "手机", "电子邮件", "内部编号"]
GOOD_ROWS = [
    ["杭州钱塘传媒有限公司", "张三", "13812345678", "ZHANG@QIANTANG.CN", "K-001"],
    ["宁波港湾广告有限公司", "李四", "13912345678", "li@gangwan.cn", "K-002"],
    ["温州瓯江文化有限公司", "王五", "13712345678", "", "K-003"],
]
BAD_MOBILE = ["绍兴古城会展有限公司", "赵六", "12345", "", "K-004"]


@pytest.fixture
def world(db_url: URL) -> World:
    return build_world(db_url)


pytestmark = pytest.mark.usefixtures("chinese")


class Files:
    """The file pickers, answered by the test: the next file to open, where to save."""

    def __init__(self, open_path: Path | None = None, save_path: Path | None = None) -> None:
        self.open_path, self.save_path = open_path, save_path

    def open_file(self, _parent: object, _title: str, _filters: str) -> str:
        return str(self.open_path or "")

    def save_file(self, _parent: object, _title: str, _suggested: str, _filters: str) -> str:
        return str(self.save_path or "")


def logged_in(world: World, username: str) -> Iterator[LoggedIn]:
    login = world.login(username)
    try:
        yield login
    finally:
        login.close()


@pytest.fixture
def admin(world: World) -> Iterator[LoggedIn]:
    yield from logged_in(world, "admin")


def context(login: LoggedIn) -> PanelContext:
    return PanelContext(login, LANGUAGE)


def write_gbk_csv(path: Path, headers: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="gbk", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def customer_names(world: World) -> set[str]:
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine)() as session:
            return set(session.scalars(select(Customer.name).where(Customer.deleted_at.is_(None))))
    finally:
        engine.dispose()


def open_wizard(qtbot: QtBot, login: LoggedIn, files: Files, answers: Answers) -> ImportWizard:
    wizard = ImportWizard(context(login), answers, files)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def to_preview(qtbot: QtBot, wizard: ImportWizard) -> None:
    with qtbot.waitSignal(wizard.preview_page.checked, timeout=60_000):
        wizard.next()


def run_import(qtbot: QtBot, wizard: ImportWizard) -> None:
    """From the preview: past the options (defaults) to the end of the import."""
    wizard.next()
    assert wizard.currentPage() is wizard.options_page
    with qtbot.waitSignal(wizard.run_page.finished, timeout=60_000):
        wizard.next()


def test_a_gbk_csv_is_imported_its_bad_row_reported_and_its_mapping_remembered(
    qtbot: QtBot, admin: LoggedIn, world: World, tmp_path: Path
) -> None:
    source = write_gbk_csv(
        tmp_path / "客户.csv",
        HEADERS,
        [*GOOD_ROWS[:2], BAD_MOBILE, GOOD_ROWS[2], [GOOD_ROWS[0][0], "", "", "", ""]],
    )
    report = tmp_path / "errors.csv"
    answers = Answers()
    wizard = open_wizard(qtbot, admin, Files(source, report), answers)
    wizard.file_page.choose_button.click()
    assert "GB18030" in wizard.file_page.format_label.text()
    wizard.next()
    mapping = wizard.mapping_page
    assert [mapping.field_of(i) for i in range(5)] == [
        "name", "contact.name", "contact.mobile", "email", None
    ]  # fmt: skip
    mapping.set_field(4, "notes")  # 内部编号 is not a header the importer knows
    to_preview(qtbot, wizard)
    assert wizard.preview_page.marked_rows().keys() == {4}  # the header is line 1
    assert "手机" in wizard.preview_page.marked_rows()[4]
    assert wizard.preview_page.marked_rows("duplicate") == {6: "与文件第 2 行重复"}
    run_import(qtbot, wizard)
    assert wizard.run_page.counts() == {
        "read": "5", "created": "3", "updated": "0", "duplicates": "1", "rejected": "1",
        "contacts_created": "3",
    }  # fmt: skip
    assert {row[0] for row in GOOD_ROWS} <= customer_names(world)
    assert BAD_MOBILE[0] not in customer_names(world)
    wizard.run_page.report_button.click()
    with report.open(encoding="utf-8-sig", newline="") as stream:
        lines = list(csv.reader(stream))
    assert [line[0] for line in lines[1:]] == ["4"]
    assert lines[1][2:] == BAD_MOBILE
    assert answers.warnings == []

    # The next file with the same headers, in another order, starts as mapped last time.
    moved = write_gbk_csv(
        tmp_path / "more.csv", [*reversed(HEADERS)], [["K-9", "", "", "", "某公司"]]
    )
    again = open_wizard(qtbot, admin, Files(moved), Answers())
    again.file_page.choose_button.click()
    again.next()
    assert again.mapping_page.field_of(0) == "notes"
    assert again.mapping_page.field_of(4) == "name"
    assert "上次" in again.mapping_page.remembered_label.text()


def test_an_xlsx_with_a_bad_credit_code_goes_through_the_wizard(
    qtbot: QtBot, admin: LoggedIn, world: World, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["公司名称", "统一社会信用代码", "电话"])
    sheet.append(["苏州园林传媒有限公司", credit_code(1), "0512-66778899"])
    bad_code = credit_code(2)[:-1] + ("0" if credit_code(2)[-1] != "0" else "1")
    sheet.append(["无锡太湖广告有限公司", bad_code, "0510-88776655"])
    source = tmp_path / "customers.xlsx"
    book.save(source)
    report = tmp_path / "xlsx-errors.csv"
    wizard = open_wizard(qtbot, admin, Files(source, report), Answers())
    wizard.file_page.choose_button.click()
    assert "xlsx" in wizard.file_page.format_label.text()
    wizard.next()
    to_preview(qtbot, wizard)
    assert set(wizard.preview_page.marked_rows()) == {3}
    run_import(qtbot, wizard)
    counts = wizard.run_page.counts()
    assert (counts["read"], counts["created"], counts["rejected"]) == ("2", "1", "1")
    wizard.run_page.report_button.click()
    text = report.read_text(encoding="utf-8-sig")
    assert "无锡太湖广告有限公司" in text and bad_code in text
    assert "苏州园林传媒有限公司" not in text
    assert "苏州园林传媒有限公司" in customer_names(world)


def test_cancel_during_the_import_leaves_no_customer(
    qtbot: QtBot, admin: LoggedIn, world: World, tmp_path: Path
) -> None:
    rows = [[f"批量导入测试公司{n:05d}", "", "", "", ""] for n in range(2500)]
    source = write_gbk_csv(tmp_path / "big.csv", HEADERS, rows)
    before = customer_names(world)
    wizard = open_wizard(qtbot, admin, Files(source), Answers())
    wizard.file_page.choose_button.click()
    wizard.next()
    to_preview(qtbot, wizard)

    def cancel_on_first_progress(runner: ProgressRunner) -> None:
        # Pressed as soon as the import reports progress: the worker sees it at its next
        # check, in the middle of the file.
        runner.progress.advanced.connect(
            lambda _done: runner.progress.cancel(), Qt.ConnectionType.DirectConnection
        )

    wizard.run_page.runner_created.connect(cancel_on_first_progress)
    run_import(qtbot, wizard)
    assert wizard.run_page.counts()["created"] == ""
    assert "没有导入" in wizard.run_page.status_label.text()
    assert customer_names(world) == before


def test_two_customers_are_transferred_and_audited(
    qtbot: QtBot, admin: LoggedIn, world: World
) -> None:
    chosen = [world.customer_of["staff_a"], world.customer_of["staff_a1"]]
    to = employee_of(world, "staff_b")[0]
    dialog = open_transfer_dialog(context(admin), chosen, None, Answers(confirm=None))
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.employee_picker.search_edit.setText("韩")
    dialog.employee_picker.select(to)
    with qtbot.waitSignal(dialog.transferred, timeout=30_000) as signal:
        dialog.ok_button.click()
    assert sorted(signal.args[0].customer_ids) == sorted(chosen)
    assert "2" in dialog.result_label.text()
    with session_as(world, "admin") as (session, user):
        owners = set(session.scalars(select(Customer.owner_id).where(Customer.id.in_(chosen))))
        changes = [audit.history(session, user, "customers", id_)[-1] for id_ in chosen]
    assert owners == {to}
    for change in changes:
        assert change.operation == "UPDATE"
        assert "owner_id" in {column for column, _before, _after in change.changes()}


def test_customers_to_transfer_or_merge_are_searched_as_the_user_types(
    qtbot: QtBot, admin: LoggedIn, world: World
) -> None:
    """The database is asked (not only the list first shown): a customer a colleague saved
    after the dialogs opened is found."""
    transfer = open_transfer_dialog(context(admin), [], None, Answers(confirm=None))
    merge = open_merge_dialog(context(admin), [], None, Answers(confirm=None))
    for dialog in (transfer, merge):
        qtbot.addWidget(dialog)
    wanted = add_customer(world, "staff_a", "长江远航广告有限公司")
    pickers = [transfer.customer_picker, merge.keep_picker, merge.merge_picker]
    for picker in pickers:
        assert picker is not None and picker.list_widget.count() > 1
        picker.search_edit.setText("远航")

    def listed(picker: SearchList) -> list[int]:
        items = [picker.list_widget.item(row) for row in range(picker.list_widget.count())]
        return [item.data(ID_ROLE) for item in items if not item.isHidden()]

    qtbot.waitUntil(lambda: all(listed(p) == [wanted] for p in pickers if p is not None))


def test_a_departing_employees_customers_are_all_handed_over(
    qtbot: QtBot, admin: LoggedIn, world: World
) -> None:
    add_customer(world, "staff_a", "王小明的第二个客户有限公司")
    source, target = employee_of(world, "staff_a")[0], employee_of(world, "staff_a1")[0]
    answers = Answers(confirm=True)
    dialog = HandOverDialog(context(admin), answers)
    qtbot.addWidget(dialog)
    dialog.from_picker.select(source)
    assert "2" in dialog.count_label.text()
    dialog.to_picker.select(target)
    with qtbot.waitSignal(dialog.transferred, timeout=30_000):
        dialog.ok_button.click()
    assert len(answers.asked) == 1 and "2" in answers.asked[0]
    with session_as(world, "admin") as (session, _user):
        left = session.scalar(select(func.count()).where(Customer.owner_id == source))
        taken = session.scalar(select(func.count()).where(Customer.owner_id == target))
    assert (left, taken) == (0, 3)  # staff_a1 had one already
    assert dialog.customer_count() == 0


def test_merging_moves_the_contacts_to_the_kept_customer(
    qtbot: QtBot, admin: LoggedIn, world: World
) -> None:
    keep, merge = world.customer_of["staff_a"], world.customer_of["staff_b"]
    answers = Answers(confirm=True)
    dialog = open_merge_dialog(context(admin), [keep, merge], None, answers)
    qtbot.addWidget(dialog)
    shown = {row[0]: row[1:] for row in dialog.shown_rows()}
    assert shown["联系人"] == ("1", "1")
    assert shown["名称"] == ("staff_a 的客户有限公司", "staff_b 的客户有限公司")
    with qtbot.waitSignal(dialog.merged, timeout=30_000):
        dialog.merge_button.click()
    assert "staff_b 的客户有限公司" in answers.asked[0]
    with session_as(world, "admin") as (session, _user):
        contacts = session.scalar(select(func.count()).where(Contact.customer_id == keep))
        merged = session.get_one(Customer, merge)
        assert merged.deleted_at is not None
    assert contacts == 2


def test_staff_see_no_ownership_tools_heads_no_merge(qtbot: QtBot, world: World) -> None:
    for username, expected in (
        ("staff_a", set()),
        ("head_a", {"transfer", "hand_over"}),
        ("admin", {"transfer", "hand_over", "merge"}),
    ):
        for login in logged_in(world, username):
            panel = ImportExportPanel(context(login), Answers(), Files())
            qtbot.addWidget(panel)
            tools = set(panel.buttons) & {"transfer", "hand_over", "merge"}
            assert tools == expected, username


def test_the_customer_list_is_exported_and_audited(
    qtbot: QtBot, admin: LoggedIn, world: World, tmp_path: Path
) -> None:
    add_customer(world, "admin", "=cmd|' /C calc'!A0 有限公司")
    target = tmp_path / "customers.csv"
    panel = ImportExportPanel(context(admin), Answers(), Files(save_path=target))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.exported, timeout=30_000) as signal:
        panel.buttons["export_customers"].click()
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert signal.args == [len(rows) - 1] and len(rows) - 1 == len(world.customer_of) + 1
    assert "'=cmd|' /C calc'!A0 有限公司" in {row[0] for row in rows}
    with session_as(world, "admin") as (session, user):
        entries = audit.search(session, user, audit.AuditFilter(operations=("EXPORT",)))
    assert entries and "customers" in (entries[0].note or "")


def test_after_the_import_the_wizard_only_finishes(
    qtbot: QtBot, admin: LoggedIn, world: World, tmp_path: Path
) -> None:
    source = write_gbk_csv(tmp_path / "one.csv", HEADERS, [GOOD_ROWS[0]])
    wizard = open_wizard(qtbot, admin, Files(source), Answers())
    wizard.file_page.choose_button.click()
    wizard.next()
    to_preview(qtbot, wizard)
    run_import(qtbot, wizard)
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert wizard.run_page.counts()["created"] == "1"


def test_staff_export_their_own_contacts_with_their_company_to_xlsx(
    qtbot: QtBot, world: World, tmp_path: Path
) -> None:
    target = tmp_path / "contacts.xlsx"
    for login in logged_in(world, "staff_a"):
        panel = ImportExportPanel(context(login), Answers(), Files(save_path=target))
        qtbot.addWidget(panel)
        with qtbot.waitSignal(panel.exported, timeout=30_000) as signal:
            panel.buttons["export_contacts"].click()
    book = load_workbook(target, read_only=True)
    rows = [tuple(row) for row in book.active.iter_rows(values_only=True)]  # type: ignore[union-attr]
    book.close()
    assert signal.args == [1]
    assert rows[1][:2] == ("staff_a 的客户有限公司", "staff_a 联系人")
