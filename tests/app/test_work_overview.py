"""The shortcut panel's lists (SPEC §3.2): the user's own open tasks by due date, their
messages with the unread first, their recent business log and its quick entry — each the
user's own, through the permission filter, on SQLite and on PostgreSQL as the user's role."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app import work_overview
from app.errors import NotFoundError, PermissionDeniedError, ValidationError
from db.models.work import BusinessLog, Message, MessageRecipient, Task
from tests.acting_users import acting, add_rows, employee_of
from tests.security_world import World

NOW = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)


def task(world: World, username: str, title: str, **values: object) -> Task:
    employee, department = employee_of(world, username)
    return Task(title=title, owner_id=employee, department_id=department, **values)


def test_open_tasks_are_the_users_own_unfinished_ones_earliest_due_first(world: World) -> None:
    add_rows(
        world,
        task(world, "staff_a", "没有期限"),
        task(world, "staff_a", "明天", due_at=NOW + dt.timedelta(days=1)),
        task(world, "staff_a", "今天一般", due_at=NOW),
        task(world, "staff_a", "今天紧急", due_at=NOW, priority="urgent", status="in_progress"),
        task(world, "staff_a", "已完成", due_at=NOW, status="done"),
        task(world, "staff_a", "已删除", due_at=NOW, deleted_at=NOW),
        task(world, "admin", "管理员的任务", due_at=NOW),
    )
    with acting(world, "staff_a") as (factory, staff), factory() as session:
        titles = [item.title for item in work_overview.open_tasks(session, staff)]
    assert titles == ["今天紧急", "今天一般", "明天", "没有期限"]
    with acting(world, "admin") as (factory, admin), factory() as session:
        mine = work_overview.open_tasks(session, admin)
    assert [item.title for item in mine] == ["管理员的任务"], "scope 'all' is not 'mine'"


def message(world: World, subject: str, to: str, minutes: int, **recipient: object) -> Message:
    sent = Message(
        subject=subject,
        sender_id=world.user_id_of["admin"],
        sent_at=NOW + dt.timedelta(minutes=minutes),
        kind=recipient.pop("kind", "message"),
    )
    add_rows(world, sent)
    add_rows(world, MessageRecipient(message_id=sent.id, user_id=world.user_id_of[to], **recipient))
    return sent


def test_inbox_shows_the_users_messages_unread_first_then_newest(world: World) -> None:
    message(world, "旧的未读", "staff_a", 1)
    message(world, "新的已读", "staff_a", 9, read_at=NOW)
    message(world, "系统通知", "staff_a", 5, kind="system")
    message(world, "已归档", "staff_a", 7, archived=True)
    message(world, "给管理员", "admin", 8)
    with acting(world, "staff_a") as (factory, staff), factory() as session:
        items = work_overview.inbox(session, staff)
    assert [(item.subject, item.read, item.kind) for item in items] == [
        ("系统通知", False, "system"),
        ("旧的未读", False, "message"),
        ("新的已读", True, "message"),
    ]
    assert items[0].sender == "管理员"


def test_reading_a_message_moves_it_behind_the_unread_ones(world: World) -> None:
    first = message(world, "第一条", "staff_a", 1)
    message(world, "第二条", "staff_a", 2)
    with acting(world, "staff_a") as (factory, staff):
        with factory.begin() as session:
            work_overview.mark_read(session, staff, first.id)
        with factory() as session:
            overview = work_overview.load_overview(session, staff)
    assert [(item.subject, item.read) for item in overview.messages] == [
        ("第二条", False),
        ("第一条", True),
    ]
    assert overview.unread_count == 1


def test_a_message_to_someone_else_cannot_be_marked_read(world: World) -> None:
    other = message(world, "给管理员", "admin", 1)
    with (
        acting(world, "staff_a") as (factory, staff),
        factory.begin() as session,
        pytest.raises(NotFoundError),
    ):
        work_overview.mark_read(session, staff, other.id)


def test_todays_log_shows_the_users_own_entries_of_the_day_in_time_order(world: World) -> None:
    employee, department = employee_of(world, "staff_a")
    admin_employee, _ = employee_of(world, "admin")
    local = NOW.astimezone()
    today = local.date()

    def log(subject: str, **values: object) -> BusinessLog:
        return BusinessLog(
            employee_id=values.pop("employee_id", employee),
            owner_id=values.pop("owner_id", employee),
            department_id=department,
            log_date=values.pop("log_date", today),
            category="visit",
            subject=subject,
            **values,
        )

    add_rows(
        world,
        log("下午拜访", start_time=dt.time(23, 50)),
        log("没写时间"),
        log("早上开会", start_time=dt.time(0, 5)),
        log("昨天的日志", log_date=today - dt.timedelta(days=1), start_time=dt.time(8, 0)),
        log("删掉的日志", start_time=dt.time(9, 0), deleted_at=NOW),
        log("管理员的日志", employee_id=admin_employee, owner_id=admin_employee),
    )
    with acting(world, "staff_a") as (factory, staff):
        with factory.begin() as session:
            new_id = work_overview.add_log_line(session, staff, "  给客户打电话 ", NOW)
        with factory() as session:
            logs = work_overview.todays_logs(session, staff, today)
            row = session.get(BusinessLog, new_id)
            assert row is not None
            stored = (row.owner_id, row.department_id, row.created_by_id)
    assert [item.subject for item in logs] == ["早上开会", "给客户打电话", "下午拜访", "没写时间"]
    quick = logs[1]
    assert (quick.log_date, quick.start_time) == (today, local.time().replace(tzinfo=None))
    assert stored == (employee, department, world.user_id_of["staff_a"])


@pytest.mark.parametrize(
    ("subject", "code"), [("   ", "log_subject_required"), ("长" * 201, "text_too_long")]
)
def test_a_quick_log_line_is_refused_at_the_subject(world: World, subject: str, code: str) -> None:
    with (
        acting(world, "staff_a") as (factory, staff),
        factory.begin() as session,
        pytest.raises(ValidationError) as refused,
    ):
        work_overview.add_log_line(session, staff, subject, NOW)
    assert (refused.value.code, refused.value.field) == (code, "subject")


def test_a_role_without_task_creation_cannot_add_log_lines(world: World) -> None:
    with acting(world, "staff_a") as (factory, staff), factory.begin() as session:
        reader = dataclasses.replace(staff, functions=staff.functions - {("tasks", "create")})
        with pytest.raises(PermissionDeniedError):
            work_overview.add_log_line(session, reader, "不允许", NOW)


def test_a_role_without_task_view_sees_no_tasks(world: World) -> None:
    add_rows(world, task(world, "staff_a", "看不见", due_at=NOW))
    with acting(world, "staff_a") as (factory, staff), factory() as session:
        blind = dataclasses.replace(staff, functions=staff.functions - {("tasks", "view")})
        assert work_overview.open_tasks(session, blind) == []
