"""Screenshot scenes of the workspace: the main window at 1280×800 with a back-office panel
open — the positions list with a record in its form, the department tree — and the personal
settings (see ui/screenshots.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from app import records
from app.auth import LoggedIn
from app.customer_records import CONTACT_HISTORY, SALESPERSON_LOGS
from app.customers import CONTACTS, create_customer
from db.engine import make_session_factory
from db.models.advertising import AdOrder
from db.models.customers import Contact, ContactHistory, Customer
from db.models.lookups import CustomerType
from ui.dialogs.customer_record_dialog import CustomerRecordDialog
from ui.dialogs.quick_contact_dialog import QuickContactDialog
from ui.dialogs.settings_dialog import SettingsDialog
from ui.main_window import MainWindow
from ui.modules import PanelContext
from ui.panels.customer_panel import CustomerPanel
from ui.panels.record_panel import RecordPanel
from ui.screenshots import ScreenshotContext

WINDOW_SIZE = (1280, 800)
SETTLE_MS = 300


def module_window(context: ScreenshotContext, module: str) -> tuple[MainWindow, QWidget]:
    """The main window at the screenshots' size with `module` open, and its panel."""
    window = MainWindow(context.login(), context.language)
    window.resize(*WINDOW_SIZE)
    window.open_module(module)
    panel = window.current_panel()
    assert panel is not None
    return window, panel


def _settle() -> None:
    """Let the list's background reads arrive before the picture is taken."""
    loop = QEventLoop()
    QTimer.singleShot(SETTLE_MS, loop.quit)
    loop.exec()


def positions(context: ScreenshotContext) -> QWidget:
    window, panel = module_window(context, "positions")
    assert isinstance(panel, RecordPanel) and panel.model is not None
    _settle()
    record_id = panel.model.row_id(1)
    if record_id is not None:
        panel.open_record(record_id)
    return window


def departments(context: ScreenshotContext) -> QWidget:
    window, panel = module_window(context, "departments")
    assert isinstance(panel, RecordPanel) and panel.tree_model is not None
    index = panel.tree_model.index(0, 0)
    if index.isValid():
        panel.list_view.setCurrentIndex(index)
    return window


# (name, short name, type code, phone, e-mail, blacklist reason)
SAMPLE_CUSTOMERS = (
    (
        "杭州西湖文化传媒有限公司",
        "西湖文化",
        "existing",
        "0571-87654321",
        "info@xihu.cn",
        None,
    ),
    ("北京华夏广告股份有限公司", "华夏广告", "target", "010-65432100", "ad@huaxia-ad.cn", None),
    ("上海浦江会展服务有限公司", "浦江会展", "partner", "021-63218800", None, None),
    ("深圳南山科技有限公司", "南山科技", "prospect", "0755-86001234", None, None),
    ("广州天河竞品传媒有限公司", "天河传媒", "competitor", None, None, None),
    ("赖账广告有限公司", None, "blacklist", "0571-88880000", None, "多次拖欠广告款"),
)


def _add_sample_customers(logged_in: LoggedIn) -> None:
    """The sample customers, once per database (every language's scenes show the same)."""
    sessions = make_session_factory(logged_in.engine)
    with sessions.begin() as session:
        first = SAMPLE_CUSTOMERS[0][0]
        if session.scalar(select(Customer.id).where(Customer.name == first).limit(1)):
            return
        types = dict(session.execute(select(CustomerType.code, CustomerType.id)).tuples().all())
        for name, short, kind, phone, email, reason in SAMPLE_CUSTOMERS:
            values = {"name": name, "short_name": short, "customer_type_id": types[kind],
                      "phone": phone, "email": email, "blacklisted_reason": reason}  # fmt: skip
            create_customer(session, logged_in.user, values, accept_warnings=True)


def _customers_window(context: ScreenshotContext) -> tuple[MainWindow, CustomerPanel]:
    """The customer module with the sample customers, the first one open."""
    _add_sample_customers(context.login())
    window, panel = module_window(context, "customers")
    assert isinstance(panel, CustomerPanel) and panel.model is not None
    _settle()
    record_id = panel.model.row_id(0)
    if record_id is not None:
        panel.open_record(record_id)
    return window, panel


def customers(context: ScreenshotContext) -> QWidget:
    window, _panel = _customers_window(context)
    return window


# What happened with the first sample customer: (days ago, channel, subject, next step).
SAMPLE_CONTACTS = (
    (21, "visit", "上门拜访市场部，介绍年度广告方案", "整理客户需求"),
    (12, "phone", "电话沟通春节档期与版位", "发送报价单"),
    (5, "email", "发送整版与半版报价单", "约定签约时间"),
    (1, "meeting", "与市场总监洽谈年度合作", "准备合同草稿"),
)


def _add_sample_history(logged_in: LoggedIn, customer_id: int) -> None:
    """A contact and what happened with the customer, once per database."""
    sessions = make_session_factory(logged_in.engine)
    now = dt.datetime.now(dt.UTC).replace(hour=2, minute=30, second=0, microsecond=0)
    with sessions.begin() as session:
        if session.scalar(select(Contact.id).where(Contact.customer_id == customer_id).limit(1)):
            return
        contact = records.create(
            session,
            logged_in.user,
            CONTACTS,
            {
                "customer_id": customer_id,
                "name": "陈静",
                "job_title": "市场总监",
                "is_primary": True,
            },
        )
        for days, channel, subject, next_step in SAMPLE_CONTACTS:
            values = {"customer_id": customer_id, "channel": channel, "subject": subject,
                      "next_step": next_step, "contact_id": contact.id,
                      "contacted_at": now - dt.timedelta(days=days)}  # fmt: skip
            records.create(session, logged_in.user, CONTACT_HISTORY, values)
        records.create(
            session,
            logged_in.user,
            SALESPERSON_LOGS,
            {
                "customer_id": customer_id,
                "content": "根据洽谈结果修改年度投放方案",
                "log_date": dt.date.today(),
            },
        )


def customer_tabs(context: ScreenshotContext) -> QWidget:
    """A customer's detail on its timeline: contacts, log entries, newest first."""
    window, panel = _customers_window(context)
    if panel.current is not None:
        _add_sample_history(context.login(), panel.current.id)
        panel.open_record(panel.current.id)
        window.show()  # laid out first, so that the detail keeps the width given it here
        QApplication.processEvents()
        panel.splitter.setSizes([420, 900])
        panel.detail_tabs.setCurrentWidget(panel.tab_named("timeline_tab"))
    return window


def _customer_with_history(context: ScreenshotContext) -> tuple[LoggedIn, int, str]:
    """The first sample customer with its history: (login, customer id, name)."""
    logged_in = context.login()
    _add_sample_customers(logged_in)
    name = SAMPLE_CUSTOMERS[0][0]
    with make_session_factory(logged_in.engine).begin() as session:
        customer_id = session.scalar(select(Customer.id).where(Customer.name == name))
    assert customer_id is not None
    _add_sample_history(logged_in, customer_id)
    return logged_in, customer_id, name


def quick_contact(context: ScreenshotContext) -> QWidget:
    """Log contact… (Ctrl+L) on a customer."""
    logged_in, customer_id, name = _customer_with_history(context)
    return QuickContactDialog(PanelContext(logged_in, context.language), customer_id, name)


def contact_record(context: ScreenshotContext) -> QWidget:
    """A contact-history entry opened from the customer's Contact history tab."""
    logged_in, customer_id, _name = _customer_with_history(context)
    with make_session_factory(logged_in.engine).begin() as session:
        entry_id = session.scalar(
            select(ContactHistory.id)
            .where(ContactHistory.customer_id == customer_id)
            .order_by(ContactHistory.contacted_at.desc())
            .limit(1)
        )
        assert entry_id is not None
        record = records.read(session, logged_in.user, CONTACT_HISTORY, entry_id)
    panel_context = PanelContext(logged_in, context.language)
    return CustomerRecordDialog(panel_context, CONTACT_HISTORY, customer_id, record)


# The first sample customer's orders: (number, days ago, status, total, paid).
SAMPLE_ORDERS = (
    ("AD-2024-0012", 40, "completed", "86000.00", "86000.00"),
    ("AD-2024-0031", 9, "confirmed", "128000.00", "30000.00"),
)


def _add_sample_orders(logged_in: LoggedIn, customer_id: int) -> None:
    """Orders are entered in their own module; the tab only lists them."""
    employee = logged_in.user.employee_id
    with make_session_factory(logged_in.engine).begin() as session:
        if session.scalar(select(AdOrder.id).where(AdOrder.customer_id == customer_id).limit(1)):
            return
        department = session.scalar(
            select(Customer.department_id).where(Customer.id == customer_id)
        )
        for number, days, status, total, paid in SAMPLE_ORDERS:
            session.add(
                AdOrder(order_no=number, customer_id=customer_id, status=status,
                        order_date=dt.date.today() - dt.timedelta(days=days),
                        total_amount=Decimal(total), paid_amount=Decimal(paid),
                        owner_id=employee, department_id=department)
            )  # fmt: skip


def customer_orders(context: ScreenshotContext) -> QWidget:
    """A read-only tab: the customer's orders, entered in the Orders module."""
    window, panel = _customers_window(context)
    if panel.current is not None:
        _add_sample_orders(context.login(), panel.current.id)
        panel.open_record(panel.current.id)
        window.show()
        QApplication.processEvents()
        panel.splitter.setSizes([420, 900])
        panel.detail_tabs.setCurrentWidget(panel.tab_named("orders_tab"))
    return window


def settings(context: ScreenshotContext) -> QWidget:
    return SettingsDialog(context.login(), context.language)


SCENES: list[tuple[str, Callable[[ScreenshotContext], QWidget]]] = [
    ("workspace_positions", positions),
    ("workspace_departments", departments),
    ("personal_settings", settings),
    ("workspace_customers", customers),
    ("workspace_customer_tabs", customer_tabs),
    ("workspace_customer_orders", customer_orders),
    ("customer_quick_contact", quick_contact),
    ("customer_contact_record", contact_record),
]
