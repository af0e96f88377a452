"""Editing the department tree (部门设置): add, rename, move, recycle bin.

Listing and finding departments, and adding one by name from the command line, live in
app/users.py; this module adds the edits the Security tools dialog needs, each checked
against the acting user's `reference` permissions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import users
from app.access import CurrentUser, department_tree
from app.errors import NotFoundError, ValidationError
from app.saving import flush
from db.models.org import Department, Employee

MAX_NAME_LENGTH = 100


@dataclass(frozen=True)
class DeletedDepartment:
    id: int
    name: str
    parent_id: int | None
    deleted_at: dt.datetime


def add_department(
    session: Session, user: CurrentUser, name: str, parent_id: int | None = None
) -> int:
    user.require("reference", "create")
    parent_path = _live(session, parent_id).path if parent_id is not None else None
    return users.add_department(session, name, parent_path)


def rename_department(session: Session, user: CurrentUser, department_id: int, name: str) -> None:
    user.require("reference", "edit")
    department = _live_row(session, department_id)
    name = _checked_name(name)
    _require_name_free(session, name, department.parent_id, department_id)
    department.name = name
    department.updated_by_id = user.user_id
    flush(session)


def move_department(
    session: Session, user: CurrentUser, department_id: int, parent_id: int | None
) -> None:
    """Put the department (with its sub-departments) under `parent_id`, or at the top."""
    user.require("reference", "edit")
    department = _live_row(session, department_id)
    check_parent(session, department_id, parent_id)
    _require_name_free(session, department.name, parent_id, department_id)
    department.parent_id = parent_id
    department.updated_by_id = user.user_id
    flush(session)


def check_parent(session: Session, department_id: int | None, parent_id: int | None) -> None:
    """The parent is a live department outside the department's own sub-tree."""
    if parent_id is None:
        return
    _live(session, parent_id)
    if department_id is not None and parent_id in department_tree(session, department_id):
        raise ValidationError("department_cycle", field="parent_id")


def check_values(session: Session, values: dict, department_id: int | None) -> None:
    """The rules of a department saved through a form (app/records.py)."""
    check_parent(session, department_id, values.get("parent_id"))
    _require_name_free(session, values["name"], values.get("parent_id"), department_id)


def delete_department(session: Session, user: CurrentUser, department_id: int) -> None:
    """Move an empty department to the recycle bin: no live sub-department, no employee."""
    user.require("reference", "delete")
    department = _live_row(session, department_id)
    check_empty(session, department_id)
    department.deleted_at = dt.datetime.now(dt.UTC)
    department.deleted_by_id = user.user_id
    department.updated_by_id = user.user_id
    flush(session)


def check_empty(session: Session, department_id: int) -> None:
    """Only a department with no live sub-department and no employee goes to the bin."""
    children = session.scalar(
        select(func.count())
        .select_from(Department)
        .where(Department.parent_id == department_id, Department.deleted_at.is_(None))
    )
    members = session.scalar(
        select(func.count())
        .select_from(Employee)
        .where(Employee.department_id == department_id, Employee.deleted_at.is_(None))
    )
    if children or members:
        name = session.scalar(select(Department.name).where(Department.id == department_id))
        raise ValidationError(
            "department_not_empty", name=name, children=children, employees=members
        )


def restore_department(session: Session, user: CurrentUser, department_id: int) -> None:
    user.require("reference", "delete")
    department = session.get(Department, department_id)
    if department is None or department.deleted_at is None:
        raise NotFoundError(table="departments", id=department_id)
    check_restore(
        session, {"name": department.name, "parent_id": department.parent_id}, department_id
    )
    department.deleted_at = None
    department.deleted_by_id = None
    department.updated_by_id = user.user_id
    flush(session)


def check_restore(session: Session, values: dict, department_id: int | None) -> None:
    """A department comes back only under a live parent, and only if its name is free."""
    parent_id = values.get("parent_id")
    if parent_id is not None:
        parent = session.get(Department, parent_id)
        if parent is None or parent.deleted_at is not None:
            raise ValidationError("department_parent_deleted", name=values["name"])
    _require_name_free(session, values["name"], parent_id, department_id)


def deleted_departments(session: Session) -> list[DeletedDepartment]:
    """The recycle bin's departments, most recently deleted first."""
    rows = session.execute(
        select(Department.id, Department.name, Department.parent_id, Department.deleted_at)
        .where(Department.deleted_at.is_not(None))
        .order_by(Department.deleted_at.desc(), Department.id)
    )
    return [
        DeletedDepartment(id_, name, parent_id, deleted_at)
        for id_, name, parent_id, deleted_at in rows
        if deleted_at is not None
    ]


def _live(session: Session, department_id: int) -> users.DepartmentRow:
    for row in users.list_departments(session):
        if row.id == department_id:
            return row
    raise ValidationError("department_missing", field="parent_id")


def _live_row(session: Session, department_id: int) -> Department:
    department = session.get(Department, department_id)
    if department is None or department.deleted_at is not None:
        raise NotFoundError(table="departments", id=department_id)
    return department


def _checked_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > MAX_NAME_LENGTH:
        raise ValidationError("department_name_invalid", field="name")
    return name


def _require_name_free(
    session: Session, name: str, parent_id: int | None, department_id: int | None
) -> None:
    """Sibling departments have different names (the database's live unique index says so
    too, but then without saying which name)."""
    sibling = (
        Department.parent_id.is_(None) if parent_id is None else (Department.parent_id == parent_id)
    )
    taken = session.scalars(
        select(Department.id).where(
            sibling,
            Department.name == name,
            Department.id != (department_id or 0),
            Department.deleted_at.is_(None),
        )
    ).first()
    if taken is not None:
        raise ValidationError("department_exists", field="name", name=name)
