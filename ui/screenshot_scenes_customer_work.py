"""Screenshot scenes of the customer's work (see ui/screenshots.py): the first sample
customer's Sales tracking tab with a few steps behind it, the Change step dialog, its
Attachments tab with two files, and the Sales tracking and File management panels over the
workspace's sample customers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from app import attachments, sales_tracking
from app.auth import LoggedIn
from db.engine import make_session_factory
from db.models.customers import Customer
from ui.main_window import MainWindow
from ui.modules import PanelContext
from ui.panels.customer_attachments_tab import DescribeDialog
from ui.panels.customer_sales_tab import ChangeStageDialog
from ui.panels.sales_tracking_panel import SalesTrackingPanel
from ui.screenshot_scenes_workspace import (
    SAMPLE_CUSTOMERS,
    _add_sample_customers,
    _customers_window,
    _settle,
    module_window,
)
from ui.screenshots import ScreenshotContext

# The first sample customer's way so far: (days ago, step number, note).
SAMPLE_STEPS = (
    (40, 1, "行业展会上认识市场部"),
    (26, 2, "上门拜访，介绍年度广告方案"),
    (12, 3, "第二次洽谈，对方认可我们的发行量"),
    (3, 4, "需求已明确：春节档整版两期"),
)
# Where the other sample customers are: (customer index in SAMPLE_CUSTOMERS, step number).
OTHER_STEPS = ((1, 2), (2, 6), (3, 1))
# The first sample customer's files: (name, size in bytes, description).
SAMPLE_FILES = (
    ("年度广告合同扫描件.pdf", 2_457_600, "双方盖章版"),
    ("春节档报价单.xlsx", 38_912, None),
)


def _customer_id(logged_in: LoggedIn, name: str) -> int:
    with make_session_factory(logged_in.engine)() as session:
        found = session.scalar(
            select(Customer.id).where(Customer.name == name, Customer.deleted_at.is_(None))
        )
    assert found is not None
    return found


def _move(logged_in: LoggedIn, customer_id: int, step: int, days_ago: int, note: str) -> None:
    with make_session_factory(logged_in.engine).begin() as session:
        ids = {stage.step: stage.id for stage in sales_tracking.stages(session)}
        _stage, version = sales_tracking.current_stage(session, logged_in.user, customer_id)
        sales_tracking.change_stage(
            session,
            logged_in.user,
            customer_id,
            ids[step],
            dt.date.today() - dt.timedelta(days=days_ago),
            note,
            version=version,
        )


def _add_sample_work(logged_in: LoggedIn) -> int:
    """Once per database: the sample customers on their steps and the first one's files;
    returns the first sample customer's id."""
    _add_sample_customers(logged_in)
    first = _customer_id(logged_in, SAMPLE_CUSTOMERS[0][0])
    with make_session_factory(logged_in.engine)() as session:
        done = session.scalar(select(Customer.sales_stage_id).where(Customer.id == first))
    if done is not None:
        return first
    for days_ago, step, note in SAMPLE_STEPS:
        _move(logged_in, first, step, days_ago, note)
    for index, step in OTHER_STEPS:
        other = _customer_id(logged_in, SAMPLE_CUSTOMERS[index][0])
        _move(logged_in, other, step, 7, "")
    with make_session_factory(logged_in.engine).begin() as session:
        for name, size, description in SAMPLE_FILES:
            content = bytes(size)
            attachments.add_bytes(
                session, logged_in.user, first, name, content, description=description
            )
    return first


def _customer_tab(context: ScreenshotContext, tab: str) -> QWidget:
    """The customer module, the first sample customer open at `tab`."""
    customer_id = _add_sample_work(context.login())
    window, panel = _customers_window(context)
    panel.open_record(customer_id)
    if panel.current is not None:
        window.show()  # laid out first, so that the detail keeps the width given it here
        QApplication.processEvents()
        panel.splitter.setSizes([420, 900])
        panel.detail_tabs.setCurrentWidget(panel.tab_named(tab))
    return window


def customer_sales_tracking(context: ScreenshotContext) -> QWidget:
    return _customer_tab(context, "sales_tracking_tab")


def customer_attachments(context: ScreenshotContext) -> QWidget:
    return _customer_tab(context, "attachments_tab")


def change_step(context: ScreenshotContext) -> QWidget:
    """Change step… on the first sample customer: the step after its current one offered."""
    logged_in = context.login()
    customer_id = _add_sample_work(logged_in)
    panel_context = PanelContext(logged_in, context.language)
    with panel_context.session_factory() as session:
        stages = sales_tracking.stages(session)
        current, version = sales_tracking.current_stage(session, logged_in.user, customer_id)
    dialog = ChangeStageDialog(
        panel_context.session_factory, panel_context, customer_id, version, stages, current
    )
    dialog.note_edit.setPlainText("方案已发给市场总监，等待反馈")
    return dialog


def attachment_properties(context: ScreenshotContext) -> QWidget:
    """Properties… of the first sample customer's contract scan."""
    logged_in = context.login()
    customer_id = _add_sample_work(logged_in)
    panel_context = PanelContext(logged_in, context.language)
    with panel_context.session_factory() as session:
        files = attachments.customer_files(session, logged_in.user, customer_id)
    contract = next(item for item in files if item.file_name == SAMPLE_FILES[0][0])
    return DescribeDialog(panel_context, contract)


def _window_with(context: ScreenshotContext, module: str) -> tuple[MainWindow, QWidget]:
    _add_sample_work(context.login())
    return module_window(context, module)


def sales_tracking_panel(context: ScreenshotContext) -> QWidget:
    """All customers by step, the first sample customer selected with its history."""
    window, panel = _window_with(context, "sales_tracking")
    assert isinstance(panel, SalesTrackingPanel)
    _settle()
    panel.select_customer(_customer_id(context.login(), SAMPLE_CUSTOMERS[0][0]))
    return window


def file_management(context: ScreenshotContext) -> QWidget:
    window, _panel = _window_with(context, "file_management")
    _settle()
    return window


SCENES: list[tuple[str, Callable[[ScreenshotContext], QWidget]]] = [
    ("customer_sales_tracking", customer_sales_tracking),
    ("customer_change_step", change_step),
    ("customer_attachments", customer_attachments),
    ("customer_attachment_properties", attachment_properties),
    ("sales_tracking", sales_tracking_panel),
    ("file_management", file_management),
]
