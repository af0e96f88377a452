"""What the personalised shortcut panel shows: the user's open tasks, their messages (unread
first) and today's entries of their business log, and the quick "add a log line" of that
panel.

Every query goes through `visible_rows`, the one permission filter; on PostgreSQL row-level
security applies the same rule again. Each list is capped: the panel shows a working day's
worth, the full lists belong to the Tasks, Information manager and Business log modules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from app.access import CurrentUser, visible_rows
from app.errors import NotFoundError, ValidationError
from app.saving import flush
from db.models.org import Employee, User
from db.models.work import BusinessLog, Message, MessageRecipient, Task

OPEN_TASK_STATUSES = ("new", "accepted", "in_progress")
# Most pressing first; an unknown priority sorts with "normal".
PRIORITY_RANK = {"urgent": 0, "high": 1, "normal": 2, "low": 3}
TASK_LIMIT = 50
MESSAGE_LIMIT = 50
LOG_LIMIT = 50
QUICK_LOG_CATEGORY = "other"
SUBJECT_MAX_LENGTH = 200


@dataclass(frozen=True)
class TaskItem:
    id: int
    title: str
    due_at: dt.datetime | None
    priority: str
    status: str


@dataclass(frozen=True)
class MessageItem:
    """A message as its recipient sees it; `id` is the message's id."""

    id: int
    subject: str
    body: str | None
    kind: str
    sender: str | None
    sent_at: dt.datetime | None
    read: bool


@dataclass(frozen=True)
class LogItem:
    id: int
    log_date: dt.date
    start_time: dt.time | None
    category: str
    subject: str


@dataclass(frozen=True)
class WorkOverview:
    tasks: tuple[TaskItem, ...]
    messages: tuple[MessageItem, ...]
    logs: tuple[LogItem, ...]

    @property
    def unread_count(self) -> int:
        return sum(1 for message in self.messages if not message.read)


def open_tasks(session: Session, user: CurrentUser, limit: int = TASK_LIMIT) -> list[TaskItem]:
    """Tasks assigned to the user and not finished: the earliest due first (undated last),
    then the most urgent."""
    rank = case(PRIORITY_RANK, value=Task.priority, else_=PRIORITY_RANK["normal"])
    statement = (
        select(Task.id, Task.title, Task.due_at, Task.priority, Task.status)
        .where(
            Task.owner_id == user.employee_id,
            Task.status.in_(OPEN_TASK_STATUSES),
            Task.deleted_at.is_(None),
        )
        .order_by(Task.due_at.is_(None), Task.due_at, rank, Task.id)
        .limit(limit)
    )
    rows = session.execute(visible_rows(user, Task, statement))
    return [TaskItem(*row) for row in rows]


def inbox(session: Session, user: CurrentUser, limit: int = MESSAGE_LIMIT) -> list[MessageItem]:
    """Messages and system messages sent to the user and not archived: unread first, then
    the newest."""
    # An alias: the permission filter's own EXISTS over message_recipients must not be
    # correlated with this join.
    mine = aliased(MessageRecipient)
    sender_user = aliased(User)
    sender = aliased(Employee)
    sent = func.coalesce(Message.sent_at, Message.created_at)
    statement = (
        select(
            Message.id,
            Message.subject,
            Message.body,
            Message.kind,
            sender.name,
            sent,
            mine.read_at.is_not(None),
        )
        .join(mine, mine.message_id == Message.id)
        .outerjoin(sender_user, sender_user.id == Message.sender_id)
        .outerjoin(sender, sender.id == sender_user.employee_id)
        .where(
            mine.user_id == user.user_id,
            mine.archived.is_(False),
            mine.deleted_at.is_(None),
            Message.deleted_at.is_(None),
        )
        .order_by(mine.read_at.is_not(None), sent.desc(), Message.id.desc())
        .limit(limit)
    )
    rows = session.execute(visible_rows(user, Message, statement))
    return [MessageItem(*row) for row in rows]


def todays_logs(
    session: Session, user: CurrentUser, today: dt.date | None = None, limit: int = LOG_LIMIT
) -> list[LogItem]:
    """The user's own business-log entries of `today` (the local date by default), in the
    order of the day: by start time, entries without one last."""
    day = today or dt.date.today()
    statement = (
        select(
            BusinessLog.id,
            BusinessLog.log_date,
            BusinessLog.start_time,
            BusinessLog.category,
            BusinessLog.subject,
        )
        .where(
            BusinessLog.employee_id == user.employee_id,
            BusinessLog.log_date == day,
            BusinessLog.deleted_at.is_(None),
        )
        .order_by(BusinessLog.start_time.is_(None), BusinessLog.start_time, BusinessLog.id)
        .limit(limit)
    )
    rows = session.execute(visible_rows(user, BusinessLog, statement))
    return [LogItem(*row) for row in rows]


def load_overview(
    session: Session, user: CurrentUser, today: dt.date | None = None
) -> WorkOverview:
    """The three parts at once; a part the user may not view comes back empty."""
    return WorkOverview(
        tasks=tuple(open_tasks(session, user)),
        messages=tuple(inbox(session, user)),
        logs=tuple(todays_logs(session, user, today)),
    )


def add_log_line(
    session: Session, user: CurrentUser, subject: str, now: dt.datetime | None = None
) -> int:
    """A business-log entry for the user at the current local date and time (category
    "other"): the quick entry of the shortcut panel. Returns its id."""
    user.require("tasks", "create")
    subject = subject.strip()
    if not subject:
        raise ValidationError("log_subject_required", field="subject")
    if len(subject) > SUBJECT_MAX_LENGTH:
        raise ValidationError("text_too_long", field="subject", maximum=SUBJECT_MAX_LENGTH)
    local = (now or dt.datetime.now()).astimezone()
    entry = BusinessLog(
        employee_id=user.employee_id,
        log_date=local.date(),
        start_time=local.time().replace(second=0, microsecond=0, tzinfo=None),
        category=QUICK_LOG_CATEGORY,
        subject=subject,
        owner_id=user.employee_id,
        department_id=user.department_id,
        created_by_id=user.user_id,
        updated_by_id=user.user_id,
    )
    session.add(entry)
    flush(session)
    return entry.id


def mark_read(session: Session, user: CurrentUser, message_id: int) -> None:
    """Mark a message sent to the user as read (once: the first reading time stays)."""
    user.require("messages", "view")
    recipient = session.scalars(
        select(MessageRecipient).where(
            MessageRecipient.message_id == message_id,
            MessageRecipient.user_id == user.user_id,
            MessageRecipient.deleted_at.is_(None),
        )
    ).one_or_none()
    if recipient is None:
        raise NotFoundError(table="messages", id=message_id)
    if recipient.read_at is None:
        recipient.read_at = dt.datetime.now(dt.UTC)
        recipient.updated_by_id = user.user_id
        flush(session)
