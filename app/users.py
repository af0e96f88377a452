"""Departments, employees and user accounts, as an administrator manages them.

On PostgreSQL, accounts are login roles: they are created, disabled and reset through the
database's own SECURITY DEFINER functions, which check that the caller is an administrator
and receive a SCRAM verifier, never the password. On SQLite the argon2id hash is stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session, aliased

from app import passwords
from app.auth import check_username
from app.errors import NotFoundError, ValidationError
from db.models.org import Department, Employee, Role, User


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    name: str
    parent_id: int | None
    path: str


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    department: str | None
    role_key: str
    role_name: str
    enabled: bool
    db_role: str | None
    last_login_at: dt.datetime | None


def find_department(session: Session, name: str) -> Department:
    """A live department by name, or by path such as 广告部/广告一部."""
    candidates = [row for row in list_departments(session) if name in (row.name, row.path)]
    if len(candidates) != 1:
        code = "department_not_found" if not candidates else "department_ambiguous"
        raise ValidationError(code, field="department", name=name)
    department = session.get(Department, candidates[0].id)
    assert department is not None
    return department


def add_department(session: Session, name: str, parent_name: str | None = None) -> int:
    name = name.strip()
    if not name or len(name) > 100:
        raise ValidationError("department_name_invalid", field="name")
    parent_id = find_department(session, parent_name).id if parent_name else None
    duplicate = session.scalars(
        select(Department.id).where(
            Department.name == name,
            Department.parent_id.is_(None)
            if parent_id is None
            else Department.parent_id == parent_id,
            Department.deleted_at.is_(None),
        )
    ).first()
    if duplicate is not None:
        raise ValidationError("department_exists", field="name", name=name)
    department = Department(name=name, parent_id=parent_id)
    session.add(department)
    session.flush()
    return department.id


def list_departments(session: Session) -> list[DepartmentRow]:
    """Every live department with its path from the top, in tree order."""
    rows = session.execute(
        select(Department.id, Department.name, Department.parent_id)
        .where(Department.deleted_at.is_(None))
        .order_by(Department.sort_order, Department.name, Department.id)
    ).all()
    by_parent: dict[int | None, list[tuple[int, str]]] = {}
    for department_id, name, parent_id in rows:
        by_parent.setdefault(parent_id, []).append((department_id, name))
    result: list[DepartmentRow] = []

    def walk(parent_id: int | None, prefix: str) -> None:
        for department_id, name in by_parent.get(parent_id, []):
            path = f"{prefix}/{name}" if prefix else name
            result.append(DepartmentRow(department_id, name, parent_id, path))
            walk(department_id, path)

    walk(None, "")
    return result


def find_role(session: Session, key_or_name: str) -> Role:
    role = session.scalars(
        select(Role).where(
            or_(Role.key == key_or_name, Role.name_zh == key_or_name, Role.name_en == key_or_name),
            Role.deleted_at.is_(None),
        )
    ).first()
    if role is None:
        raise ValidationError("role_not_found", field="role", name=key_or_name)
    return role


def add_user(
    session: Session,
    username: str,
    password: str,
    role: str,
    department: str,
    display_name: str | None = None,
) -> int:
    """A new account, linked to the employee of that name in that department or to a new one."""
    username = check_username(username)
    passwords.check_password_policy(password)
    if session.scalars(select(User.id).where(User.username == username)).first() is not None:
        raise ValidationError("username_taken", field="username", name=username)
    role_row = find_role(session, role)
    department_row = find_department(session, department)
    employee = _employee_for(session, display_name or username, department_row.id)
    if session.get_bind().dialect.name == "postgresql":
        return int(
            session.execute(
                text("SELECT mc_create_user(:username, :verifier, :role, :employee)"),
                {
                    "username": username,
                    "verifier": passwords.scram_sha256_verifier(password),
                    "role": role_row.id,
                    "employee": employee.id,
                },
            ).scalar_one()
        )
    user = User(
        username=username,
        employee_id=employee.id,
        role_id=role_row.id,
        password_hash=passwords.hash_password(password),
        password_changed_at=dt.datetime.now(dt.UTC),
    )
    session.add(user)
    session.flush()
    return user.id


def _employee_for(session: Session, name: str, department_id: int) -> Employee:
    linked = select(User.employee_id)
    employee = session.scalars(
        select(Employee).where(
            Employee.name == name,
            Employee.department_id == department_id,
            Employee.deleted_at.is_(None),
            Employee.id.not_in(linked),
        )
    ).first()
    if employee is None:
        employee = Employee(name=name, department_id=department_id, status="active")
        session.add(employee)
        session.flush()
    return employee


def _live_user(session: Session, username: str) -> User:
    user = session.scalars(
        select(User).where(User.username == username, User.deleted_at.is_(None))
    ).first()
    if user is None:
        raise NotFoundError("user_not_found", name=username)
    return user


def set_user_enabled(session: Session, username: str, enabled: bool) -> None:
    user = _live_user(session, username)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT mc_set_user_enabled(:username, :enabled)"),
            {"username": username, "enabled": enabled},
        )
        return
    user.enabled = enabled


def reset_password(session: Session, username: str, password: str) -> None:
    passwords.check_password_policy(password)
    user = _live_user(session, username)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT mc_set_password(:username, :verifier)"),
            {"username": username, "verifier": passwords.scram_sha256_verifier(password)},
        )
        return
    user.password_hash = passwords.hash_password(password)
    user.password_changed_at = dt.datetime.now(dt.UTC)


def set_user_role(session: Session, username: str, role: str) -> None:
    user = _live_user(session, username)
    role_row = find_role(session, role)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT mc_set_user_role(:username, :role)"),
            {"username": username, "role": role_row.id},
        )
        return
    user.role_id = role_row.id


def list_users(session: Session, language: str = "zh_CN") -> list[UserRow]:
    department = aliased(Department)
    rows = session.execute(
        select(User, Employee.name, department.name, Role)
        .join(Employee, Employee.id == User.employee_id)
        .join(Role, Role.id == User.role_id)
        .outerjoin(department, department.id == Employee.department_id)
        .where(User.deleted_at.is_(None))
        .order_by(User.username)
    ).all()
    return [
        UserRow(
            id=user.id,
            username=user.username,
            display_name=display_name,
            department=department_name,
            role_key=role.key,
            role_name=role.name_en if language.startswith("en") else role.name_zh,
            enabled=user.enabled,
            db_role=user.db_role,
            last_login_at=user.last_login_at,
        )
        for user, display_name, department_name, role in rows
    ]
