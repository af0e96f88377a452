"""Who is logged in, what they may do, and which records they may see.

One filter builder (`visible_rows`) serves every list, count, report, export, print and mail
run. On SQLite it is the protection; on PostgreSQL the database enforces the same rules again
through row-level security (db/security.py), so a user with their own credentials in psql
sees no more than the program shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, false, or_, select, true
from sqlalchemy.orm import Session

from app.errors import NotFoundError, PermissionDeniedError
from db.base import Base
from db.models.org import (
    Department,
    Employee,
    Role,
    RoleDataPermission,
    RoleFunctionPermission,
    User,
)
from db.models.work import Message, MessageRecipient
from db.permissions import CHILD_TABLES, OWNED_TABLES, Scope, module_of


@dataclass(frozen=True)
class CurrentUser:
    """The logged-in user as the rules see them; a plain value, safe to pass between threads."""

    user_id: int
    username: str
    display_name: str
    employee_id: int
    department_id: int | None
    role_id: int
    role_key: str
    role_name_zh: str
    role_name_en: str
    functions: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    scopes: dict[str, Scope] = field(default_factory=dict)
    visible_departments: dict[str, frozenset[int]] = field(default_factory=dict)

    def may(self, module: str, action: str) -> bool:
        return (module, action) in self.functions

    def require(self, module: str, action: str) -> None:
        if not self.may(module, action):
            raise PermissionDeniedError(module=module, action=action)

    def scope(self, kind: str) -> Scope:
        return self.scopes.get(kind, "own")

    def role_name(self, language: str) -> str:
        return self.role_name_en if language.startswith("en") else self.role_name_zh


def load_current_user(session: Session, user_id: int) -> CurrentUser:
    row = session.execute(
        select(User, Employee, Role)
        .join(Employee, Employee.id == User.employee_id)
        .join(Role, Role.id == User.role_id)
        .where(User.id == user_id, User.deleted_at.is_(None))
    ).one_or_none()
    if row is None:
        raise NotFoundError(table="users", id=user_id)
    user, employee, role = row
    functions = frozenset(
        session.execute(
            select(RoleFunctionPermission.module, RoleFunctionPermission.action).where(
                RoleFunctionPermission.role_id == role.id
            )
        )
    )
    scopes: dict[str, Scope] = {
        kind: scope  # type: ignore[misc]
        for kind, scope in session.execute(
            select(RoleDataPermission.record_kind, RoleDataPermission.scope).where(
                RoleDataPermission.role_id == role.id
            )
        )
    }
    departments = {
        kind: _departments_in_scope(session, scope, employee.department_id)
        for kind, scope in scopes.items()
    }
    return CurrentUser(
        user_id=user.id,
        username=user.username,
        display_name=employee.name,
        employee_id=employee.id,
        department_id=employee.department_id,
        role_id=role.id,
        role_key=role.key,
        role_name_zh=role.name_zh,
        role_name_en=role.name_en,
        functions=functions,
        scopes=scopes,
        visible_departments=departments,
    )


def _departments_in_scope(
    session: Session, scope: str, department_id: int | None
) -> frozenset[int]:
    if department_id is None or scope in ("own", "all"):
        return frozenset()
    if scope == "department":
        return frozenset({department_id})
    return frozenset(department_tree(session, department_id))


def department_tree(session: Session, root_id: int) -> set[int]:
    """A department and all its sub-departments."""
    tree = select(Department.id).where(Department.id == root_id).cte(recursive=True)
    tree = tree.union(select(Department.id).where(Department.parent_id == tree.c.id))
    return set(session.scalars(select(tree.c.id)))


def visibility(user: CurrentUser, model: type[Base]) -> ColumnElement[bool]:
    """The condition under which `user` sees a row of `model` — the same rule as the
    PostgreSQL policy `mc_visible` (db/security.py)."""
    table = model.__table__
    name = str(model.__tablename__)
    if name in OWNED_TABLES:
        if user.scope(name) == "all":
            return true()
        departments = user.visible_departments.get(name, frozenset())
        conditions = [table.c.owner_id == user.employee_id]
        if departments:
            conditions.append(table.c.department_id.in_(sorted(departments)))
        return or_(*conditions)
    if name in CHILD_TABLES:
        column, parent_name = CHILD_TABLES[name]
        parent = _model_for(parent_name)
        return exists().where(
            and_(parent.__table__.c.id == table.c[column], visibility(user, parent))
        )
    return _personal_visibility(user, name, table)


def _personal_visibility(user: CurrentUser, name: str, table: Any) -> ColumnElement[bool]:
    """Personal records and messages, as the policies of db/security.py decide them."""
    if name == "user_settings":
        return table.c.user_id == user.user_id
    if name == "saved_queries":
        return or_(
            table.c.user_id == user.user_id,
            table.c.is_shared_all.is_(True),
            table.c.shared_department_id == user.department_id,
        )
    if name == "messages":
        return or_(
            table.c.sender_id == user.user_id,
            exists().where(
                MessageRecipient.message_id == table.c.id,
                MessageRecipient.user_id == user.user_id,
            ),
        )
    if name == "message_recipients":
        return or_(
            table.c.user_id == user.user_id,
            exists().where(Message.id == table.c.message_id, Message.sender_id == user.user_id),
        )
    return true()


def visible_rows(user: CurrentUser, model: type[Base], statement: Select | None = None) -> Select:
    """`statement` (default: all rows of `model`) limited to what `user` may see."""
    statement = select(model) if statement is None else statement
    if not user.may(module_of(str(model.__tablename__)), "view"):
        return statement.where(false())
    return statement.where(visibility(user, model))


def _model_for(table_name: str) -> type[Base]:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table_name:
            return mapper.class_
    raise KeyError(table_name)
