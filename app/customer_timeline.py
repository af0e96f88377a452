"""A customer's timeline (SPEC §3.5): its contact history, salesperson log, sales-step
changes, complaints and feedback, and orders, newest first, as plain rows.

Each source is read through `visible_rows`, so a user sees on the timeline what the lists
would show them (and nothing of a module their role may not view).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.access import CurrentUser, visible_rows
from app.customer_records import CHANNELS
from db.models.advertising import AdOrder
from db.models.customers import (
    COMPLAINT_KINDS,
    Complaint,
    ContactHistory,
    SalespersonLog,
    SalesStageChange,
)
from db.models.lookups import SalesStage
from db.models.org import Employee

__all__ = ["COMPLAINT_KIND_WORDS", "ENTRY_KINDS", "TimelineEntry", "timeline"]

# Entry kind → its words (zh, en).
ENTRY_KINDS: dict[str, tuple[str, str]] = {
    "contact": ("联系记录", "Contact"),
    "log": ("业务员日志", "Salesperson log"),
    "stage": ("销售阶段", "Sales step"),
    "complaint": ("投诉与反馈", "Feedback"),
    "order": ("广告订单", "Order"),
}
COMPLAINT_KIND_WORDS = {
    "complaint": ("投诉", "Complaint"),
    "suggestion": ("建议", "Suggestion"),
    "praise": ("表扬", "Praise"),
    "inquiry": ("咨询", "Inquiry"),
}
assert set(COMPLAINT_KIND_WORDS) == set(COMPLAINT_KINDS)
# A source of entries: its model, the statement of its rows (id and moment first), and
# what makes an entry of a row.
_Source = tuple[Any, Any, Callable[..., "TimelineEntry"]]


@dataclass(frozen=True)
class TimelineEntry:
    """One dated thing that happened with the customer."""

    kind: str  # a key of ENTRY_KINDS
    table: str  # where it is recorded
    record_id: int
    moment: dt.datetime  # aware; a date alone is its local midnight
    has_time: bool
    title: str
    detail: str
    staff: str | None

    def kind_text(self, language: str) -> str:
        zh, en = ENTRY_KINDS[self.kind]
        return en if language.startswith("en") else zh


def _words(pairs: dict[str, tuple[str, str]], code: str | None, language: str) -> str:
    found = pairs.get(code or "")
    if found is None:
        return code or ""
    return found[1] if language.startswith("en") else found[0]


def _at_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()).astimezone()


def _contacts(customer_id: int, language: str) -> _Source:
    channels = {choice.code: (choice.label_zh, choice.label_en) for choice in CHANNELS}
    statement = (
        select(
            ContactHistory.id,
            ContactHistory.contacted_at,
            ContactHistory.channel,
            ContactHistory.subject,
            ContactHistory.content,
            ContactHistory.next_step,
            Employee.name,
        )
        .outerjoin(Employee, Employee.id == ContactHistory.employee_id)
        .where(ContactHistory.customer_id == customer_id)
    )

    def entry(id_: int, at: dt.datetime, channel: str, subject: str, *rest: Any) -> TimelineEntry:
        content, next_step, staff = rest
        detail = "\n".join(text for text in (content, next_step) if text)
        title = f"{_words(channels, channel, language)} · {subject}"
        return TimelineEntry("contact", "contact_histories", id_, at, True, title, detail, staff)

    return ContactHistory, statement, entry


def _logs(customer_id: int, _language: str) -> _Source:
    statement = (
        select(
            SalespersonLog.id,
            SalespersonLog.log_date,
            SalespersonLog.content,
            SalespersonLog.next_plan,
            Employee.name,
        )
        .join(Employee, Employee.id == SalespersonLog.employee_id)
        .where(SalespersonLog.customer_id == customer_id)
    )

    def entry(id_: int, day: dt.date, content: str, next_plan: str | None, staff: str) -> Any:
        first, _, rest = content.partition("\n")
        detail = "\n".join(text for text in (rest, next_plan) if text)
        moment = _at_midnight(day)
        return TimelineEntry("log", "salesperson_logs", id_, moment, False, first, detail, staff)

    return SalespersonLog, statement, entry


def _stages(customer_id: int, language: str) -> _Source:
    before, after = aliased(SalesStage), aliased(SalesStage)
    english = language.startswith("en")
    statement = (
        select(
            SalesStageChange.id,
            SalesStageChange.changed_on,
            before.name_en if english else before.name_zh,
            after.name_en if english else after.name_zh,
            SalesStageChange.note,
            Employee.name,
        )
        .outerjoin(before, before.id == SalesStageChange.from_stage_id)
        .join(after, after.id == SalesStageChange.to_stage_id)
        .outerjoin(Employee, Employee.id == SalesStageChange.employee_id)
        .where(SalesStageChange.customer_id == customer_id)
    )

    def entry(
        id_: int, day: dt.date, old: str | None, new: str, note: str | None, staff: Any
    ) -> Any:
        title = f"{old} → {new}" if old else new
        return TimelineEntry(
            "stage", "sales_stage_changes", id_, _at_midnight(day), False, title, note or "", staff
        )

    return SalesStageChange, statement, entry


def _complaints(customer_id: int, language: str) -> _Source:
    statement = (
        select(
            Complaint.id,
            Complaint.received_at,
            Complaint.kind,
            Complaint.subject,
            Complaint.content,
            Employee.name,
        )
        .outerjoin(Employee, Employee.id == Complaint.handler_id)
        .where(Complaint.customer_id == customer_id)
    )

    def entry(id_: int, at: dt.datetime, kind: str, subject: str, content: Any, staff: Any) -> Any:
        title = f"{_words(COMPLAINT_KIND_WORDS, kind, language)} · {subject}"
        return TimelineEntry("complaint", "complaints", id_, at, True, title, content or "", staff)

    return Complaint, statement, entry


def _orders(customer_id: int, _language: str) -> _Source:
    statement = (
        select(
            AdOrder.id,
            AdOrder.order_date,
            AdOrder.order_no,
            AdOrder.total_amount,
            AdOrder.notes,
            Employee.name,
        )
        .outerjoin(Employee, Employee.id == AdOrder.owner_id)
        .where(AdOrder.customer_id == customer_id)
    )

    def entry(id_: int, day: dt.date, number: str, total: Any, notes: Any, staff: Any) -> Any:
        title = f"{number} · ¥{total:,.2f}" if total is not None else number
        moment = _at_midnight(day)
        return TimelineEntry("order", "ad_orders", id_, moment, False, title, notes or "", staff)

    return AdOrder, statement, entry


_SOURCES = (_contacts, _logs, _stages, _complaints, _orders)


def timeline(
    session: Session, user: CurrentUser, customer_id: int, language: str, limit: int = 500
) -> list[TimelineEntry]:
    """What happened with the customer, newest first (at most `limit` entries of each
    source, then `limit` in all); only live records the user may see."""
    entries: list[TimelineEntry] = []
    for source in _SOURCES:
        model, statement, entry = source(customer_id, language)
        moment = statement.selected_columns[1]
        rows = session.execute(
            visible_rows(user, model, statement)
            .where(model.deleted_at.is_(None))
            .order_by(moment.desc(), model.id.desc())
            .limit(limit)
        )
        entries.extend(entry(*row) for row in rows)
    entries.sort(key=lambda found: (found.moment, found.record_id), reverse=True)
    return entries[:limit]
