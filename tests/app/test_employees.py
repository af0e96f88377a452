"""Employees (SPEC table 12): saved with their department and position, refused with the
field named, never overwriting someone else's newer change, and kept in the recycle bin."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from app import employees
from app.employees import EmployeeInput
from app.errors import ConflictError, PermissionDeniedError, ValidationError
from app.users import list_departments
from db.engine import make_engine
from db.models.lookups import Position
from tests.acting_users import acting
from tests.security_world import World


def department_id(world: World, path: str) -> int:
    with acting(world, "admin") as (factory, _admin), factory() as session:
        return next(row.id for row in list_departments(session) if row.path == path)


def account_manager(world: World) -> int:
    with acting(world, "admin") as (factory, _admin), factory() as session:
        return session.scalars(select(Position.id).where(Position.code == "account_manager")).one()


def test_an_employee_is_listed_with_department_and_position_names(world: World) -> None:
    data = EmployeeInput(
        name="刘洋",
        department_id=department_id(world, "A/A1"),
        position_id=account_manager(world),
        phone="010-6512 3456 转 8",
        mobile="138 0013 8000",
        email="liu.yang@example.cn",
        hire_date=dt.date(2024, 3, 1),
        status="on_leave",
    )
    with acting(world, "admin") as (factory, admin):
        with factory.begin() as session:
            new_id = employees.save_employee(session, admin, data)
        with factory() as session:
            chinese = employees.get_employee(session, admin, new_id, "zh_CN")
            english = employees.list_employees(session, admin, "en", search="liuy")
    assert (chinese.name, chinese.department, chinese.position) == ("刘洋", "A1", "客户经理")
    assert chinese.as_input() == data
    assert [(row.id, row.position) for row in english] == [(new_id, "Account manager")]


def test_a_search_for_a_wildcard_matches_only_the_sign_itself(world: World) -> None:
    """% and _ in the search box are what the user typed, not LIKE wildcards."""
    data = EmployeeInput(name="王_芳", department_id=department_id(world, "A/A1"))
    with acting(world, "admin") as (factory, admin):
        with factory.begin() as session:
            new_id = employees.save_employee(session, admin, data)
        with factory() as session:
            percent = employees.list_employees(session, admin, "zh_CN", search="%")
            underscore = employees.list_employees(session, admin, "zh_CN", search="_")
    assert percent == []
    assert [row.id for row in underscore] == [new_id]


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"name": "  "}, "name", "employee_name_required"),
        ({"name": "长" * 61}, "name", "text_too_long"),
        ({"phone": "call me"}, "phone", "invalid_phone"),
        ({"mobile": "12345"}, "mobile", "invalid_mobile"),
        ({"email": "liu.example.cn"}, "email", "invalid_email"),
        ({"status": "retired"}, "status", "invalid_status"),
        ({"department_id": 9999}, "department", "department_missing"),
        ({"position_id": 9999}, "position", "position_missing"),
    ],
)
def test_bad_input_is_refused_naming_the_field(
    world: World, changes: dict[str, object], field: str, code: str
) -> None:
    data = EmployeeInput(**{"name": "刘洋", **changes})  # type: ignore[arg-type]
    with (
        acting(world, "admin") as (factory, admin),
        factory.begin() as session,
        pytest.raises(ValidationError) as refused,
    ):
        employees.save_employee(session, admin, data)
    assert (refused.value.field, refused.value.code) == (field, code)


def test_a_stale_save_is_a_conflict_and_keeps_the_newer_change(world: World) -> None:
    with acting(world, "admin") as (factory, admin):
        with factory.begin() as session:
            new_id = employees.save_employee(session, admin, EmployeeInput(name="刘洋"))
        with factory() as session:
            read = employees.get_employee(session, admin, new_id, "zh_CN")
        with factory.begin() as session:
            employees.save_employee(
                session, admin, EmployeeInput(name="刘洋", phone="010-1"), new_id, read.version
            )
        with factory.begin() as session, pytest.raises(ConflictError):
            employees.save_employee(
                session, admin, EmployeeInput(name="刘阳"), new_id, read.version
            )
        with factory() as session:
            kept = employees.get_employee(session, admin, new_id, "zh_CN")
    assert (kept.name, kept.phone, kept.version) == ("刘洋", "010-1", read.version + 1)


def test_delete_moves_to_the_recycle_bin_and_restore_brings_back(world: World) -> None:
    with acting(world, "admin") as (factory, admin):
        with factory.begin() as session:
            new_id = employees.save_employee(session, admin, EmployeeInput(name="刘洋"))
            version = employees.get_employee(session, admin, new_id, "zh_CN").version
            employees.delete_employee(session, admin, new_id, version)
        with factory() as session:
            live = {row.id for row in employees.list_employees(session, admin, "zh_CN")}
            binned = employees.list_employees(session, admin, "zh_CN", deleted=True)
        assert new_id not in live
        assert [row.id for row in binned] == [new_id]
        assert binned[0].deleted_at is not None
        with factory.begin() as session:
            employees.restore_employee(session, admin, new_id)
        with factory() as session:
            live = {row.id for row in employees.list_employees(session, admin, "zh_CN")}
    assert new_id in live


def test_an_employee_with_an_enabled_account_stays(world: World) -> None:
    with acting(world, "admin") as (factory, admin), factory.begin() as session:
        staff = next(
            row for row in employees.list_employees(session, admin, "zh_CN") if row.name == "王小明"
        )
        with pytest.raises(ValidationError) as refused:
            employees.delete_employee(session, admin, staff.id, staff.version)
    assert refused.value.code == "employee_has_account"


def test_staff_reads_employees_but_cannot_change_them(world: World) -> None:
    with acting(world, "staff_a") as (factory, staff), factory.begin() as session:
        names = {row.name for row in employees.list_employees(session, staff, "zh_CN")}
        assert names == {"管理员", "王小明"}
        with pytest.raises(PermissionDeniedError):
            employees.save_employee(session, staff, EmployeeInput(name="刘洋"))


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_staff_cannot_add_an_employee_with_raw_sql_either(world: World) -> None:
    engine = make_engine(world.login_url("staff_a"))
    try:
        with engine.begin() as connection, pytest.raises(DBAPIError) as refused:
            connection.execute(text("INSERT INTO employees (name, status) VALUES ('x', 'active')"))
        assert getattr(refused.value.orig, "sqlstate", None) == "42501"
    finally:
        engine.dispose()
