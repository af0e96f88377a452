"""Screenshot scenes of the work log and the customer statistics: the main window at 1280×800
with the business log open on this week's entries (the shortcut panel at the left listing
today's), and the customer statistics counted by customer type and by month of creation
(see ui/screenshots.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app import records
from app.auth import LoggedIn
from app.business_log import BUSINESS_LOG
from db.engine import make_session_factory
from db.models.work import BusinessLog
from ui.main_window import MainWindow
from ui.panels.business_log_panel import BusinessLogPanel
from ui.panels.customer_statistics_panel import CustomerStatisticsPanel
from ui.screenshot_scenes_workspace import _add_sample_customers, _settle, module_window
from ui.screenshots import ScreenshotContext

# The demo user's entries: (days before today, start, end, category, subject, next plan).
SAMPLE_ENTRIES = (
    (0, "09:00", "09:30", "meeting", "部门早会，安排本周广告排期", ""),
    (0, "10:00", "11:30", "visit", "拜访西湖文化，洽谈年度投放", "周五前发送报价单"),
    (0, "14:30", "15:00", "call", "电话回访华夏广告市场部", ""),
    (1, "09:30", "12:00", "admin", "整理上月合同与回款", ""),
    (1, "15:00", "17:30", "travel", "赴上海参加浦江会展招商会", "跟进会上结识的客户"),
    (2, "10:00", "10:45", "call", "与南山科技确认版位", ""),
)


def _add_sample_entries(logged_in: LoggedIn, today: dt.date) -> None:
    """The demo user's entries of the last days, once per database."""
    sessions = make_session_factory(logged_in.engine)
    with sessions.begin() as session:
        first = SAMPLE_ENTRIES[0][4]
        if session.scalar(select(BusinessLog.id).where(BusinessLog.subject == first).limit(1)):
            return
        for days, start, end, category, subject, plan in SAMPLE_ENTRIES:
            values = {"log_date": today - dt.timedelta(days=days), "start_time": start,
                      "end_time": end, "category": category, "subject": subject,
                      "next_plan": plan or None}  # fmt: skip
            records.create(session, logged_in.user, BUSINESS_LOG, values)


def business_log(context: ScreenshotContext) -> QWidget:
    """This week's entries, one open in the form; today's also in the shortcut panel."""
    today = dt.date.today()
    _add_sample_entries(context.login(), today)
    window, panel = module_window(context, "business_log")
    assert isinstance(panel, BusinessLogPanel) and panel.model is not None
    panel.show_period(today, "week")
    _settle()
    record_id = panel.model.row_id(0)
    if record_id is not None:
        panel.open_record(record_id)
    return window


def _statistics_window(context: ScreenshotContext) -> tuple[MainWindow, CustomerStatisticsPanel]:
    _add_sample_customers(context.login())
    window, panel = module_window(context, "customer_statistics")
    assert isinstance(panel, CustomerStatisticsPanel)
    return window, panel


def statistics_by_type(context: ScreenshotContext) -> QWidget:
    window, _panel = _statistics_window(context)
    _settle()
    return window


def statistics_by_month(context: ScreenshotContext) -> QWidget:
    window, panel = _statistics_window(context)
    _settle()
    panel.set_dimension("month", dt.date.today().year)
    _settle()
    return window


SCENES: list[tuple[str, Callable[[ScreenshotContext], QWidget]]] = [
    ("worklog_business_log", business_log),
    ("worklog_customer_statistics", statistics_by_type),
    ("worklog_customer_statistics_months", statistics_by_month),
]
