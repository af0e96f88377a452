"""Screenshot scenes of the customer tools (see ui/screenshots.py): the import wizard's steps
with a CSV file as Chinese Excel writes it (GBK) — the file read, its headers matched
automatically, the preview with a rejected row and one that repeats a customer, the options,
the counts after the import —, the module's panel of tools, and the transfer, hand-over and
merge dialogs over the workspace's sample customers."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.auth import LoggedIn
from app.customers import create_customer
from app.departments import add_department
from app.employees import EmployeeInput, save_employee
from db.engine import make_session_factory
from db.models.customers import Customer
from db.models.lookups import CustomerType
from db.models.org import Employee
from ui.dialogs.import_wizard import ImportWizard
from ui.dialogs.merge_dialog import MergeDialog
from ui.dialogs.transfer_dialog import HandOverDialog, TransferDialog
from ui.modules import PanelContext
from ui.panels.import_export_panel import ImportExportPanel
from ui.screenshot_scenes_workspace import SAMPLE_CUSTOMERS, _add_sample_customers
from ui.screenshots import DEMO_FOLDER, ScreenshotContext

WIZARD_SIZE = (900, 620)
PANEL_SIZE = (900, 520)
HEADERS = ["客户名称", "客户类型", "城市", "地址", "联系人", "职务", "手机", "电子邮件", "备注"]
ROWS = [
    ["苏州园林文化传媒有限公司", "目标客户", "苏州", "姑苏区人民路 1 号", "陈晓东", "市场总监",
     "13805710001", "CHEN@YUANLIN.CN", "展会认识"],
    ["宁波港湾广告有限公司", "老客户", "宁波", "鄞州区中山东路 88 号", "刘芳", "总经理",
     "13901010002", "liufang@gangwan.cn", ""],
    ["温州瓯江会展服务有限公司", "合作伙伴", "温州", "鹿城区解放街 18 号", "周杰", "采购经理",
     "12345", "zhou@oujiang.cn", "年度合作"],
    [SAMPLE_CUSTOMERS[1][0], "目标客户", "北京", "朝阳区建国路 88 号", "赵敏", "广告部经理",
     "13601210003", "zhaomin@huaxia-ad.cn", ""],
]  # fmt: skip
# The import that runs writes other companies in each language, so that every language's
# pictures start from the same database: the first two rows' names.
IMPORTED_NAMES = {
    "zh_CN": ["嘉兴南湖传媒有限公司", "绍兴古城广告有限公司"],
    "en": ["湖州太湖传媒有限公司", "金华双龙广告有限公司"],
}
COLLEAGUES = ("李娜", "张强")
SALES_DEPARTMENT = "销售一部"
SECOND_RECORD = "杭州西湖文化传媒公司"  # the first sample customer entered again


def _demo_file(name: str = "客户名单.csv", rows: list[list[str]] = ROWS) -> Path:
    folder = DEMO_FOLDER / "import"  # removed with the demo folder at the end of the run
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with path.open("w", encoding="gbk", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADERS)
        writer.writerows(rows)
    return path


def _add_sample_data(logged_in: LoggedIn) -> None:
    """Once per database: the workspace's sample customers, the first of them entered a
    second time (to merge), and two sales colleagues to hand customers over to."""
    _add_sample_customers(logged_in)
    user = logged_in.user
    with make_session_factory(logged_in.engine).begin() as session:
        # The security scenes may have made an employee of the same name: ask for the
        # second record, which only this module makes.
        if session.scalar(select(Customer.id).where(Customer.name == SECOND_RECORD)):
            return
        department = add_department(session, user, SALES_DEPARTMENT)
        for name in COLLEAGUES:
            save_employee(session, user, EmployeeInput(name, department_id=department))
        target = session.scalar(select(CustomerType.id).where(CustomerType.code == "target"))
        values = {"name": SECOND_RECORD, "customer_type_id": target, "phone": "0571-87654321"}
        create_customer(session, user, values, accept_warnings=True)


def _context(context: ScreenshotContext) -> PanelContext:
    logged_in = context.login()
    _add_sample_data(logged_in)
    return PanelContext(logged_in, context.language)


def _wizard(context: ScreenshotContext, path: Path | None = None) -> ImportWizard:
    """The wizard shown, the demo file read, at its first step."""
    wizard = ImportWizard(_context(context))
    wizard.resize(*WIZARD_SIZE)
    wizard.show()
    wizard.file_page.load(path or _demo_file())
    return wizard


def _wizard_at_options(context: ScreenshotContext, path: Path | None = None) -> ImportWizard:
    wizard = _wizard(context, path)
    wizard.next()
    wizard.next()
    context.wait_for(wizard.preview_page.checked)
    wizard.next()
    return wizard


def import_file(context: ScreenshotContext) -> QWidget:
    return _wizard(context)


def import_mapping(context: ScreenshotContext) -> QWidget:
    wizard = _wizard(context)
    wizard.next()
    return wizard


def import_preview(context: ScreenshotContext) -> QWidget:
    wizard = _wizard(context)
    wizard.next()
    wizard.next()
    context.wait_for(wizard.preview_page.checked)
    return wizard


def import_options(context: ScreenshotContext) -> QWidget:
    return _wizard_at_options(context)


def import_summary(context: ScreenshotContext) -> QWidget:
    rows = [list(row) for row in ROWS]
    for row, name in zip(rows, IMPORTED_NAMES[context.language], strict=False):
        row[0] = name
    wizard = _wizard_at_options(context, _demo_file("导入客户.csv", rows))
    wizard.next()
    context.wait_for(wizard.run_page.finished)
    return wizard


def import_export(context: ScreenshotContext) -> QWidget:
    panel = ImportExportPanel(_context(context))
    panel.resize(*PANEL_SIZE)
    return panel


def _customer_ids(context: PanelContext, *names: str) -> list[int]:
    with context.session_factory() as session:
        rows = session.execute(
            select(Customer.name, Customer.id).where(
                Customer.name.in_(names), Customer.deleted_at.is_(None)
            )
        )
        found = {name: id_ for name, id_ in rows}
    return [found[name] for name in names if name in found]


def _employee_id(context: PanelContext, name: str) -> int | None:
    with context.session_factory() as session:
        return session.scalar(select(Employee.id).where(Employee.name == name).limit(1))


def transfer(context: ScreenshotContext) -> QWidget:
    """The dialog opened from the panel: customers searched for, two chosen, a colleague."""
    panel_context = _context(context)
    dialog = TransferDialog(panel_context)
    assert dialog.customer_picker is not None
    dialog.customer_picker.select(
        *_customer_ids(panel_context, SAMPLE_CUSTOMERS[0][0], SAMPLE_CUSTOMERS[2][0])
    )
    colleague = _employee_id(panel_context, COLLEAGUES[0])
    if colleague is not None:
        dialog.employee_picker.select(colleague)
    return dialog


def hand_over(context: ScreenshotContext) -> QWidget:
    """The administrator's customers, counted, to a colleague."""
    panel_context = _context(context)
    dialog = HandOverDialog(panel_context)
    dialog.from_picker.select(panel_context.logged_in.user.employee_id or 0)
    colleague = _employee_id(panel_context, COLLEAGUES[1])
    if colleague is not None:
        dialog.to_picker.select(colleague)
    return dialog


def merge(context: ScreenshotContext) -> QWidget:
    """The two records of one company side by side, with what refers to each."""
    panel_context = _context(context)
    ids = _customer_ids(panel_context, SAMPLE_CUSTOMERS[0][0], SECOND_RECORD)
    return MergeDialog(panel_context, ids)


SCENES: list[tuple[str, Callable[[ScreenshotContext], QWidget]]] = [
    ("import_file", import_file),
    ("import_mapping", import_mapping),
    ("import_preview", import_preview),
    ("import_options", import_options),
    ("import_summary", import_summary),
    ("import_export", import_export),
    ("customer_transfer", transfer),
    ("customer_hand_over", hand_over),
    ("customer_merge", merge),
]
