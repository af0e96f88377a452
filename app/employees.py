"""Company employees (企业员工表, SPEC table 12): list, edit with an optimistic lock, recycle bin.

Employees are reference data: every user reads them, and the `reference` module's create,
edit and delete permissions decide who changes them (on PostgreSQL the grants say it again).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Row, Select, or_, select
from sqlalchemy.orm import Session, aliased

from app.access import CurrentUser
from app.errors import ConflictError, NotFoundError, ValidationError
from app.listing import escape_like
from app.saving import flush
from db.models.lookups import Position
from db.models.org import EMPLOYEE_STATUSES, Department, Employee, User
from db.pinyin import pinyin_key

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Office numbers: digits with the usual separators, an optional extension (转 or ext).
_PHONE = re.compile(r"^\+?[\d\s()\-]{5,30}((转|ext\.?|x)\s*\d{1,6})?$", re.IGNORECASE)
# A mainland mobile (11 digits from 13x to 19x, +86 allowed) or any international number.
_MOBILE = re.compile(r"^((\+?86)?1[3-9]\d{9}|\+\d{7,15})$")
_MAX_LENGTHS = {"name": 60, "phone": 40, "mobile": 20, "email": 254}


@dataclass(frozen=True)
class EmployeeInput:
    """What the employee form sends; ids of the chosen department and position."""

    name: str
    department_id: int | None = None
    position_id: int | None = None
    phone: str = ""
    mobile: str = ""
    email: str = ""
    hire_date: dt.date | None = None
    status: str = "active"


@dataclass(frozen=True)
class EmployeeRow:
    id: int
    version: int
    name: str
    department_id: int | None
    department: str | None
    position_id: int | None
    position: str | None
    phone: str | None
    mobile: str | None
    email: str | None
    hire_date: dt.date | None
    status: str
    deleted_at: dt.datetime | None

    def as_input(self) -> EmployeeInput:
        return EmployeeInput(
            name=self.name,
            department_id=self.department_id,
            position_id=self.position_id,
            phone=self.phone or "",
            mobile=self.mobile or "",
            email=self.email or "",
            hire_date=self.hire_date,
            status=self.status,
        )


@dataclass(frozen=True)
class Choice:
    id: int
    name: str


def list_employees(
    session: Session,
    user: CurrentUser,
    language: str,
    *,
    deleted: bool = False,
    search: str = "",
) -> list[EmployeeRow]:
    """Live employees (or those in the recycle bin), by name; `search` matches name, its
    pinyin, phone, mobile or e-mail."""
    user.require("reference", "view")
    statement = _rows().where(
        Employee.deleted_at.is_not(None) if deleted else Employee.deleted_at.is_(None)
    )
    if search.strip():
        pattern = f"%{escape_like(search.strip())}%"
        statement = statement.where(
            or_(
                *(
                    column.ilike(pattern, escape="\\")
                    for column in (
                        Employee.name,
                        Employee.name_pinyin,
                        Employee.phone,
                        Employee.mobile,
                        Employee.email,
                    )
                )
            )
        )
    rows = [_row(values, language) for values in session.execute(statement)]
    # By pinyin, as Chinese lists are read; computed here because employees made elsewhere
    # (with an account, by the demo) may have no stored pinyin.
    return sorted(rows, key=lambda row: (pinyin_key(row.name), row.id))


def get_employee(
    session: Session, user: CurrentUser, employee_id: int, language: str
) -> EmployeeRow:
    user.require("reference", "view")
    values = session.execute(_rows().where(Employee.id == employee_id)).one_or_none()
    if values is None:
        raise NotFoundError(table="employees", id=employee_id)
    return _row(values, language)


def positions(session: Session, language: str) -> list[Choice]:
    """Active positions (职务) for the form's pick list."""
    rows = session.execute(
        select(Position.id, Position.name_zh, Position.name_en)
        .where(Position.deleted_at.is_(None), Position.active)
        .order_by(Position.sort_order, Position.id)
    )
    return [Choice(id_, _in_language(zh, en, language)) for id_, zh, en in rows]


def save_employee(
    session: Session,
    user: CurrentUser,
    data: EmployeeInput,
    employee_id: int | None = None,
    version: int | None = None,
) -> int:
    """Create (no `employee_id`) or update the employee read at `version`; returns its id.

    A save over someone else's newer change raises ConflictError instead of overwriting it.
    """
    user.require("reference", "create" if employee_id is None else "edit")
    data = _validated(session, data)
    if employee_id is None:
        employee = Employee(created_by_id=user.user_id)
        session.add(employee)
    else:
        employee = _live(session, employee_id)
        _check_version(employee, version)
    employee.name = data.name
    employee.department_id = data.department_id
    employee.position_id = data.position_id
    employee.phone = data.phone or None
    employee.mobile = data.mobile or None
    employee.email = data.email or None
    employee.hire_date = data.hire_date
    employee.status = data.status
    employee.updated_by_id = user.user_id
    flush(session)
    return employee.id


def delete_employee(session: Session, user: CurrentUser, employee_id: int, version: int) -> None:
    """Move the employee to the recycle bin; refused while they have an enabled account."""
    user.require("reference", "delete")
    employee = _live(session, employee_id)
    _check_version(employee, version)
    account = session.scalars(
        select(User.username).where(
            User.employee_id == employee_id, User.enabled, User.deleted_at.is_(None)
        )
    ).first()
    if account is not None:
        raise ValidationError("employee_has_account", name=employee.name, username=account)
    employee.deleted_at = dt.datetime.now(dt.UTC)
    employee.deleted_by_id = user.user_id
    employee.updated_by_id = user.user_id
    flush(session)


def restore_employee(session: Session, user: CurrentUser, employee_id: int) -> None:
    user.require("reference", "delete")
    employee = session.get(Employee, employee_id)
    if employee is None or employee.deleted_at is None:
        raise NotFoundError(table="employees", id=employee_id)
    employee.deleted_at = None
    employee.deleted_by_id = None
    employee.updated_by_id = user.user_id
    flush(session)


def _rows() -> Select[Employee, str, str, str | None]:
    department = aliased(Department)
    position = aliased(Position)
    return (
        select(Employee, department.name, position.name_zh, position.name_en)
        .outerjoin(department, department.id == Employee.department_id)
        .outerjoin(position, position.id == Employee.position_id)
    )


def _row(values: Row[Employee, str, str, str | None], language: str) -> EmployeeRow:
    employee, department, position_zh, position_en = values
    return EmployeeRow(
        id=employee.id,
        version=employee.version,
        name=employee.name,
        department_id=employee.department_id,
        department=department,
        position_id=employee.position_id,
        position=_in_language(position_zh, position_en, language) if position_zh else None,
        phone=employee.phone,
        mobile=employee.mobile,
        email=employee.email,
        hire_date=employee.hire_date,
        status=employee.status,
        deleted_at=employee.deleted_at,
    )


def _in_language(zh: str, en: str | None, language: str) -> str:
    return (en or zh) if language.startswith("en") else zh


def _validated(session: Session, data: EmployeeInput) -> EmployeeInput:
    """The input trimmed, or a ValidationError naming the first field that breaks a rule."""
    name, phone, mobile, email = (
        value.strip() for value in (data.name, data.phone, data.mobile, data.email)
    )
    if not name:
        raise ValidationError("employee_name_required", field="name")
    for field, value in (("name", name), ("phone", phone), ("mobile", mobile), ("email", email)):
        if len(value) > _MAX_LENGTHS[field]:
            raise ValidationError("text_too_long", field=field, maximum=_MAX_LENGTHS[field])
    if phone and not _PHONE.match(phone):
        raise ValidationError("invalid_phone", field="phone")
    if mobile and not _MOBILE.match(re.sub(r"[\s\-]", "", mobile)):
        raise ValidationError("invalid_mobile", field="mobile")
    if email and not _EMAIL.match(email):
        raise ValidationError("invalid_email", field="email")
    if data.status not in EMPLOYEE_STATUSES:
        raise ValidationError("invalid_status", field="status")
    if data.department_id is not None and not _is_live(session, Department, data.department_id):
        raise ValidationError("department_missing", field="department")
    if data.position_id is not None and not _is_live(session, Position, data.position_id):
        raise ValidationError("position_missing", field="position")
    return EmployeeInput(
        name, data.department_id, data.position_id, phone, mobile, email, data.hire_date,
        data.status,
    )  # fmt: skip


def _is_live(session: Session, model: type[Department] | type[Position], id_: int) -> bool:
    return (
        session.scalar(select(model.id).where(model.id == id_, model.deleted_at.is_(None)))
        is not None
    )


def _live(session: Session, employee_id: int) -> Employee:
    employee = session.get(Employee, employee_id)
    if employee is None or employee.deleted_at is not None:
        raise NotFoundError(table="employees", id=employee_id)
    return employee


def _check_version(employee: Employee, version: int | None) -> None:
    if version != employee.version:
        raise ConflictError(expected=version, actual=employee.version)
