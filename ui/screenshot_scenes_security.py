"""Screenshot scenes of the security screens: employees, Security tools, permissions (with
an explanation of why a user sees a record) and the log review (see ui/screenshots.py).

The demo database starts with its administrator only; the first scene fills it with demo
data, three more accounts and a few edits, so the screens have something true to show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import demo, employees, users
from app.auth import LoggedIn
from db.engine import make_engine, make_session_factory
from db.models.customers import Customer
from db.models.org import Department
from ui.dialogs.security_tools_dialog import SecurityToolsDialog
from ui.panels.audit_panel import AuditPanel
from ui.panels.employees_panel import EmployeesPanel
from ui.panels.permissions_panel import PermissionsPanel
from ui.screenshots import DEMO_PASSWORD, ScreenshotContext

DEMO_CUSTOMERS = 60
# (username, role, department, name): a head of the advertising department and two staff.
DEMO_ACCOUNTS = (
    ("zhou.jie", "dept_head", "广告部", "周杰"),
    ("li.na", "staff", "广告部/广告一部", "李娜"),
    ("chen.gang", "staff", "网络媒体部", "陈刚"),
)
PANEL_SIZE = (1180, 680)


def _prepared(context: ScreenshotContext) -> LoggedIn:
    """The administrator logged in, with the demo data in place (loaded once per run)."""
    engine = make_engine(context.url)
    try:
        with make_session_factory(engine)() as session:
            loaded = len(users.list_users(session)) > 1
        if not loaded:
            demo.load_demo(engine, DEMO_CUSTOMERS, workers=1)
            with make_session_factory(engine).begin() as session:
                for username, role, department, name in DEMO_ACCOUNTS:
                    users.add_user(session, username, DEMO_PASSWORD, role, department, name)
    finally:
        engine.dispose()
    logged_in = context.login()
    if not loaded:
        _edit_some_employees(logged_in)
    return logged_in


def _edit_some_employees(logged_in: LoggedIn) -> None:
    """Changes by the administrator, for the log review to show."""
    factory = make_session_factory(logged_in.engine)
    with factory.begin() as session:
        rows = employees.list_employees(session, logged_in.user, "zh_CN")[:3]
        for number, row in enumerate(rows):
            changed = replace(row.as_input(), phone=f"010-8888 60{number:02d}", status="on_leave")
            employees.save_employee(session, logged_in.user, changed, row.id, row.version)


def _sized(widget: QWidget) -> QWidget:
    widget.resize(*PANEL_SIZE)
    return widget


def employee_list(context: ScreenshotContext) -> QWidget:
    panel = EmployeesPanel(_prepared(context), context.language)
    panel.employee_view.selectRow(1)
    return _sized(panel)


def security_tools(context: ScreenshotContext) -> QWidget:
    dialog = SecurityToolsDialog(_prepared(context), context.language)
    dialog.users_tab.select_user("li.na")
    return _sized(dialog)


def permissions(context: ScreenshotContext) -> QWidget:
    panel = PermissionsPanel(_prepared(context), context.language)
    panel.roles_tab.select_role("dept_head")
    return _sized(panel)


def permissions_explained(context: ScreenshotContext) -> QWidget:
    logged_in = _prepared(context)
    panel = PermissionsPanel(logged_in, context.language)
    tab = panel.explain_tab
    assert tab is not None  # the administrator reviews permissions
    with make_session_factory(logged_in.engine)() as session:
        head = next(row.id for row in users.list_users(session) if row.username == "zhou.jie")
        customer = _customer_of_department(session, "广告一部")
    tab.explain_user_combo.setCurrentIndex(tab.explain_user_combo.findData(head))
    tab.record_kind_combo.setCurrentIndex(tab.record_kind_combo.findData("customers"))
    tab.record_id_edit.setText(str(customer))
    tab.explain_button.click()
    panel.tabs.setCurrentWidget(tab)
    return _sized(panel)


def _customer_of_department(session: Session, name: str) -> int | None:
    department = select(Department.id).where(Department.name == name).scalar_subquery()
    return session.scalars(
        select(Customer.id).where(Customer.department_id == department).order_by(Customer.id)
    ).first()


def _employee_changes(context: ScreenshotContext) -> AuditPanel:
    panel = AuditPanel(_prepared(context), context.language)
    panel.table_combo.setCurrentIndex(panel.table_combo.findData("employees"))
    panel.operation_combo.setCurrentIndex(panel.operation_combo.findData("UPDATE"))
    panel.search()
    panel.entry_view.selectRow(0)
    return panel


def log_review(context: ScreenshotContext) -> QWidget:
    return _sized(_employee_changes(context))


def log_review_as_of(context: ScreenshotContext) -> QWidget:
    panel = _employee_changes(context)
    panel.detail_tabs.setCurrentIndex(1)
    panel.as_of_button.click()
    return _sized(panel)


SCENES: list[tuple[str, Callable[[ScreenshotContext], QWidget]]] = [
    ("security_employees", employee_list),
    ("security_tools_users", security_tools),
    ("security_permissions", permissions),
    ("security_permissions_explained", permissions_explained),
    ("security_audit", log_review),
    ("security_audit_as_of", log_review_as_of),
]
