"""The business log (事务日志, SPEC §3.2): each employee's dated work log, entry by entry.

A user writes and edits their own entries; a department head or decision maker reads their
people's entries as the data permission on `business_logs` allows (app/access.py
`visible_rows`; on PostgreSQL row-level security). An entry belongs to the employee who
wrote it: the owner and department are theirs, whatever the form says.

Times are typed as text ("9:30", "0930", "9点半") and kept as times of day; the list shows
them as HH:MM on both databases.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any, Literal

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from app.access import CurrentUser, visible_rows
from app.customer_records import choice_text
from app.customers import require_visible_customer
from app.errors import PermissionDeniedError, ValidationError
from app.fields import Choice, FieldSpec, Kind, half_width
from app.listing import Filter, ListColumn, ListSpec
from app.records import RecordKind, Values
from db.base import Label
from db.models.customers import Customer
from db.models.org import Employee
from db.models.work import LOG_CATEGORIES, BusinessLog

CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    "visit": ("拜访", "Visit"),
    "call": ("电话", "Call"),
    "meeting": ("会议", "Meeting"),
    "admin": ("事务", "Office work"),
    "travel": ("出差", "Travel"),
    "other": ("其他", "Other"),
}
assert set(CATEGORY_LABELS) == set(LOG_CATEGORIES)
DEFAULT_CATEGORY = "other"
TIME_FIELDS = ("start_time", "end_time")
TIME_STEP_MINUTES = 5  # a new entry starts at the current time rounded to this
Span = Literal["day", "week", "month", "all"]
SPANS: tuple[Span, ...] = ("day", "week", "month", "all")


# Times of day.

_TIME_PATTERNS = (
    re.compile(r"(\d{1,2})\s*:\s*(\d{2})(?::\d{2}(?:\.\d+)?)?"),
    re.compile(r"(\d{1,2})\s*[点點时時]\s*(?:(\d{1,2})\s*分?|(半))?"),
    re.compile(r"(\d{2})(\d{2})"),
    re.compile(r"(\d{1,2})"),
)


def parse_time(text: str | None, key: str) -> dt.time | None:
    """A time of day to the minute from what people type: 9:30, 09:30, 0930, 9点30, 9点半,
    9; None when empty. A wrong entry is refused at field `key`."""
    cleaned = half_width(text or "").replace("：", ":").replace(".", ":")
    if not cleaned:
        return None
    for pattern in _TIME_PATTERNS:
        found = pattern.fullmatch(cleaned)
        if found is None:
            continue
        hour, minute, half = (*found.groups(), "", "")[:3]
        try:
            return dt.time(int(hour), 30 if half == "半" else int(minute or 0))
        except ValueError:
            break
    raise _field_error("invalid_time", key)


def time_text(value: dt.time | str | None) -> str:
    """A time of day as the form shows it: HH:MM."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return f"{value.hour:02d}:{value.minute:02d}"


def rounded_now(now: dt.datetime | None = None) -> dt.time:
    """The current local time to the nearest TIME_STEP_MINUTES (never past 23:55)."""
    local = (now or dt.datetime.now()).astimezone()
    minutes = local.hour * 60 + local.minute + (local.second >= 30)
    step = TIME_STEP_MINUTES
    minutes = min((minutes + step // 2) // step * step, 24 * 60 - step)
    return dt.time(minutes // 60, minutes % 60)


def _field_error(code: str, key: str, **params: Any) -> ValidationError:
    label = BusinessLog.__table__.c[key].info["label"]
    return ValidationError(code, field=key, label_zh=label.zh, label_en=label.en, **params)


# The record kind.


def _require_own(session: Session, user: CurrentUser, record_id: int) -> None:
    """Only the employee who wrote an entry changes or deletes it; others may only read it."""
    if not is_own(session, user, record_id):
        raise PermissionDeniedError("log_not_own", module="tasks", action="edit")


def _prepare(session: Session, user: CurrentUser, values: Values, record_id: int | None) -> None:
    """Times from their text, the end not before the start, a customer the user may see,
    and the entry the writer's own."""
    if record_id is not None:
        _require_own(session, user, record_id)
    for key in TIME_FIELDS:
        value = values.get(key)
        values[key] = value if isinstance(value, dt.time) else parse_time(value, key)
    start, end = values["start_time"], values["end_time"]
    if start is not None and end is not None and end < start:
        raise _field_error("log_end_before_start", "end_time", start=time_text(start))
    if values.get("customer_id") is not None:
        require_visible_customer(session, user, values["customer_id"])
    if record_id is None:
        values["employee_id"] = user.employee_id
        values["owner_id"] = user.employee_id
        values["department_id"] = user.department_id


_CATEGORIES = tuple(Choice(code, zh, en) for code, (zh, en) in CATEGORY_LABELS.items())

BUSINESS_LOG = RecordKind(
    key="business_log",
    model=BusinessLog,
    fields=(
        FieldSpec.of(BusinessLog.log_date, required=True),
        FieldSpec.of(
            BusinessLog.start_time,
            Kind.TEXT,
            max_length=8,
            placeholder_zh="09:30",
            placeholder_en="09:30",
        ),
        FieldSpec.of(
            BusinessLog.end_time,
            Kind.TEXT,
            max_length=8,
            placeholder_zh="10:00",
            placeholder_en="10:00",
        ),
        FieldSpec.of(BusinessLog.category, Kind.CHOICE, choices=_CATEGORIES, required=True),
        FieldSpec.of(BusinessLog.customer_id, Kind.LOOKUP),
        FieldSpec.of(BusinessLog.subject, required=True),
        FieldSpec.of(BusinessLog.content, Kind.MULTILINE),
        FieldSpec.of(BusinessLog.next_plan, Kind.MULTILINE),
    ),
    title_field="subject",
    prepare=_prepare,
)


def kind_for(user: CurrentUser) -> RecordKind:
    """BUSINESS_LOG with the rules that need the acting user where records.py does not pass
    one (delete, restore): only the writer deletes an entry or brings it back. Whoever
    deletes or restores acts through this kind; `prepare` guards the edits already."""

    def check_delete(session: Session, record_id: int) -> None:
        _require_own(session, user, record_id)

    def check_restore(session: Session, _values: Values, record_id: int | None) -> None:
        assert record_id is not None  # records.restore always names the record
        _require_own(session, user, record_id)

    return dataclasses.replace(BUSINESS_LOG, check_delete=check_delete, check_restore=check_restore)


def new_entry_values(on_date: dt.date | None = None, now: dt.datetime | None = None) -> Values:
    """What a new entry's form starts with: the day shown (today by default), the current
    time rounded, the category "other"."""
    local = (now or dt.datetime.now()).astimezone()
    return {
        "log_date": on_date or local.date(),
        "start_time": time_text(rounded_now(local)),
        "category": DEFAULT_CATEGORY,
    }


def form_values(values: Values) -> Values:
    """A record's values as the form shows them (times as HH:MM text)."""
    return {key: time_text(value) if key in TIME_FIELDS else value for key, value in values.items()}


def is_own(session: Session, user: CurrentUser, record_id: int) -> bool:
    """Whether the entry (live or deleted) is one the user wrote."""
    employee = session.scalar(
        visible_rows(user, BusinessLog, select(BusinessLog.employee_id)).where(
            BusinessLog.id == record_id
        )
    )
    return employee is not None and employee == user.employee_id


# The list.


def _time_column(column: Any, key: str) -> ListColumn:
    """HH:MM on both databases: PostgreSQL's time as text is 09:30:00, SQLite keeps
    09:30:00.000000."""
    label = column.info["label"]
    return ListColumn.of(
        func.substr(cast(column, String), 1, 5).label(key),
        key=key,
        label=Label(label.zh, label.en),
        sort=column,
        filterable=False,
    )


def list_spec(language: str) -> ListSpec:
    """Date, from, to, category, subject, customer, employee; filtered by a hidden employee
    column for "my entries"."""
    category = BusinessLog.category.info["label"]
    return ListSpec(
        BusinessLog,
        (
            ListColumn.of(BusinessLog.log_date, kind="date"),
            _time_column(BusinessLog.start_time, "start_time"),
            _time_column(BusinessLog.end_time, "end_time"),
            ListColumn.of(
                choice_text(BUSINESS_LOG.spec("category"), BusinessLog.category, language).label(
                    "category_text"
                ),
                key="category",
                label=Label(category.zh, category.en),
                sort=BusinessLog.category,
            ),
            ListColumn.of(BusinessLog.subject),
            ListColumn.of(
                Customer.name, key="customer", kind="lookup", label=BusinessLog.customer_id
            ),
            ListColumn.of(
                Employee.name, key="employee", kind="lookup", label=BusinessLog.employee_id
            ),
        ),
        base=select(BusinessLog.id)
        .outerjoin(Customer, Customer.id == BusinessLog.customer_id)
        .join(Employee, Employee.id == BusinessLog.employee_id),
        hidden_columns=(ListColumn.of(BusinessLog.employee_id, key="employee_id", kind="int"),),
    )


def period(anchor: dt.date, span: Span) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the `span` holding `anchor` (weeks start on Monday); None
    for all dates."""
    if span == "day":
        return anchor, anchor
    if span == "week":
        first = anchor - dt.timedelta(days=anchor.weekday())
        return first, first + dt.timedelta(days=6)
    if span == "month":
        first = anchor.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first, following - dt.timedelta(days=1)
    return None


def step(anchor: dt.date, span: Span, direction: int) -> dt.date:
    """`anchor` moved one `span` back (-1) or on (+1); a month keeps its day where it can."""
    if span == "week":
        return anchor + dt.timedelta(weeks=direction)
    if span == "month":
        month = anchor.month - 1 + direction
        year, month = anchor.year + month // 12, month % 12 + 1
        last = (dt.date(year, month, 1) + dt.timedelta(days=32)).replace(day=1)
        return dt.date(year, month, min(anchor.day, (last - dt.timedelta(days=1)).day))
    return anchor + dt.timedelta(days=direction)


def view_filters(
    user: CurrentUser, *, mine_only: bool, anchor: dt.date, span: Span
) -> list[Filter]:
    """The list's own filters: the user's own entries (else all they may see) in the period."""
    filters = []
    if mine_only:
        filters.append(Filter("employee_id", "equals", user.employee_id))
    days = period(anchor, span)
    if days is not None:
        filters.append(Filter("log_date", "between", days))
    return filters


def may_read_others(user: CurrentUser) -> bool:
    """Whether the user's data permission shows them other people's entries at all."""
    return user.may("tasks", "view") and (
        user.scope("business_logs") == "all" or bool(user.visible_departments.get("business_logs"))
    )
