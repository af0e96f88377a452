"""The business log through its services, on both databases, as real users: a user's own
entries with their defaults and checks at the field, and who reads and who changes them —
staff see only their own, a department head reads their department's but changes none."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from app import business_log, customer_records, records
from app.business_log import BUSINESS_LOG, kind_for
from app.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.listing import ListQuery, every_row
from db.models.work import BusinessLog
from tests.customer_world import session_as
from tests.databases import fresh_database
from tests.security_world import World, build_world

DAY = dt.date(2026, 11, 2)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """One world per backend (departments A, A/A1, B; staff, a head of A, a boss, an admin,
    each with a customer); each test writes entries of its own subjects."""
    with fresh_database(request.param, request, tmp_path_factory.mktemp("logs")) as url:
        yield build_world(url)


def entry(subject: str, **more: object) -> dict[str, object]:
    return {
        "log_date": DAY,
        "start_time": "9:00",
        "end_time": "10:30",
        "category": "visit",
        "subject": subject,
        **more,
    }


def write(world: World, username: str, subject: str, **more: object) -> int:
    with session_as(world, username) as (session, user):
        return records.create(session, user, BUSINESS_LOG, entry(subject, **more)).id


def subjects_seen(world: World, username: str, *, mine_only: bool) -> set[str]:
    with session_as(world, username) as (session, user):
        filters = business_log.view_filters(user, mine_only=mine_only, anchor=DAY, span="day")
        query = ListQuery(business_log.list_spec("zh_CN"), filters=tuple(filters))
        return {row[5] for row in every_row(session, query, user)}


def test_an_entry_is_the_writers_own_with_its_times_read_as_typed(world: World) -> None:
    customer = world.customer_of["staff_a"]
    with session_as(world, "staff_a") as (session, staff):
        saved = records.create(
            session,
            staff,
            BUSINESS_LOG,
            entry("拜访客户谈合同", start_time="９点半", end_time="1145", customer_id=customer),
        )
        row = session.get_one(BusinessLog, saved.id)
        stored = (row.employee_id, row.owner_id, row.department_id, row.start_time, row.end_time)
    assert stored == (
        staff.employee_id,
        staff.employee_id,
        staff.department_id,
        dt.time(9, 30),
        dt.time(11, 45),
    )
    assert business_log.form_values(saved.values)["start_time"] == "09:30"
    assert saved.title == "拜访客户谈合同"


@pytest.mark.parametrize(
    ("values", "code", "field"),
    [
        ({"subject": "  "}, "required", "subject"),
        ({"start_time": "10:00", "end_time": "9:59"}, "log_end_before_start", "end_time"),
        ({"start_time": "25:00"}, "invalid_time", "start_time"),
        ({"end_time": "下午"}, "invalid_time", "end_time"),
        ({"category": "party"}, "unknown_option", "category"),
        ({"log_date": None}, "required", "log_date"),
    ],
)
def test_a_bad_entry_is_refused_at_its_field(
    world: World, values: dict[str, object], code: str, field: str
) -> None:
    with pytest.raises(ValidationError) as refused, session_as(world, "staff_a") as (s, staff):
        records.create(s, staff, BUSINESS_LOG, {**entry("检查"), **values})
    assert (refused.value.code, refused.value.field) == (code, field)


def test_a_customer_the_user_may_not_see_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as refused, session_as(world, "staff_a") as (s, staff):
        records.create(
            s, staff, BUSINESS_LOG, entry("别人的客户", customer_id=world.customer_of["staff_b"])
        )
    assert (refused.value.code, refused.value.field) == ("customer_missing", "customer_id")
    with session_as(world, "staff_a") as (session, staff):
        names = [option.text for option in customer_records.customer_options(session, staff)]
    assert names == ["staff_a 的客户有限公司"]


def test_staff_cannot_see_another_employees_entries(world: World) -> None:
    theirs = write(world, "staff_a1", "李雷的日志")
    write(world, "staff_a", "王小明的日志")
    assert "李雷的日志" not in subjects_seen(world, "staff_a", mine_only=False)
    assert "王小明的日志" in subjects_seen(world, "staff_a", mine_only=True)
    with pytest.raises(NotFoundError), session_as(world, "staff_a") as (session, staff):
        records.read(session, staff, BUSINESS_LOG, theirs)


def test_a_head_reads_their_departments_entries_but_changes_none(world: World) -> None:
    in_a1 = write(world, "staff_a1", "A1 部门的日志")
    write(world, "staff_b", "B 部门的日志")
    write(world, "head_a", "主管自己的日志")
    seen = subjects_seen(world, "head_a", mine_only=False)
    assert {"A1 部门的日志", "主管自己的日志"} <= seen
    assert "B 部门的日志" not in seen
    assert subjects_seen(world, "head_a", mine_only=True) >= {"主管自己的日志"}
    assert "A1 部门的日志" not in subjects_seen(world, "head_a", mine_only=True)
    with session_as(world, "head_a") as (session, head):
        assert business_log.may_read_others(head)
        read = records.read(session, head, BUSINESS_LOG, in_a1)
        assert not business_log.is_own(session, head, in_a1)
    with pytest.raises(PermissionDeniedError) as refused, session_as(world, "head_a") as (s, head):
        records.update(s, head, kind_for(head), in_a1, read.version, entry("改别人的"))
    assert refused.value.code == "log_not_own"
    with pytest.raises(PermissionDeniedError), session_as(world, "head_a") as (s, head):
        records.delete(s, head, kind_for(head), in_a1, read.version)


def test_the_writer_edits_deletes_and_restores_only_their_own_entry(world: World) -> None:
    mine = write(world, "staff_a", "要改的日志")
    with session_as(world, "staff_a") as (session, staff):
        assert business_log.is_own(session, staff, mine)
        assert not business_log.may_read_others(staff)
        edited = records.update(
            session, staff, kind_for(staff), mine, 1, entry("改好的日志", end_time="")
        )
    assert (edited.title, edited.values["end_time"], edited.version) == ("改好的日志", None, 2)
    own = write(world, "head_a", "主管要删的日志")
    with session_as(world, "head_a") as (session, head):
        records.delete(session, head, kind_for(head), own, 1)
    with session_as(world, "head_a") as (session, head):
        deleted = session.scalar(select(BusinessLog.deleted_at).where(BusinessLog.id == own))
    assert deleted is not None
    with pytest.raises(PermissionDeniedError), session_as(world, "admin") as (s, admin):
        records.restore(s, admin, kind_for(admin), own)
    with session_as(world, "head_a") as (session, head):
        assert records.restore(session, head, kind_for(head), own).title == "主管要删的日志"


def test_a_new_entry_starts_today_at_the_time_rounded() -> None:
    now = dt.datetime(2026, 11, 2, 9, 38, 40).astimezone()
    values = business_log.new_entry_values(now=now)
    assert values == {"log_date": now.date(), "start_time": "09:40", "category": "other"}
    assert business_log.rounded_now(now.replace(hour=23, minute=59)) == dt.time(23, 55)


def test_periods_and_steps_of_the_date_navigator() -> None:
    day = dt.date(2026, 1, 31)
    assert business_log.period(day, "week") == (dt.date(2026, 1, 26), dt.date(2026, 2, 1))
    assert business_log.period(day, "month") == (dt.date(2026, 1, 1), day)
    assert business_log.period(day, "all") is None
    assert business_log.step(day, "month", 1) == dt.date(2026, 2, 28)
    assert business_log.step(day, "month", -1) == dt.date(2025, 12, 31)
    assert business_log.step(day, "day", 1) == dt.date(2026, 2, 1)
