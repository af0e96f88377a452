"""Why can this user see this record? — answered from the rule itself, not a copy of it.

The verdict comes from app/access.py `visible_rows` with the user's own CurrentUser (the
filter every list uses, and the same rule as the PostgreSQL policy); the reasons name the
parts of that rule the record meets, as codes with parameters that the screens put into
words in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import users
from app.access import CurrentUser, load_current_user, visible_rows
from app.errors import NotFoundError, ValidationError
from db.base import Base
from db.models.org import Department, Employee
from db.permissions import CHILD_TABLES, MODULE_TABLES, OWNED_TABLES, module_of

# Columns that name a record for people, best first.
_TITLE_COLUMNS = ("name", "title", "subject", "order_no", "quotation_no", "username")


@dataclass(frozen=True)
class Reason:
    """One step of an explanation.

    Codes: `no_view_permission` (module), `scope_all` (kind), `owner` (owner),
    `own_department` (department), `sub_department` (department, user_department),
    `outside_scope` (scope, owner, department), `belongs_to` (table, record_id, title: the
    record is visible exactly when that parent is; its reasons follow), `personal_own`,
    `personal_other`, `everyone` (table: no data permission applies).
    """

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Explanation:
    user_id: int
    username: str
    table: str
    record_id: int
    title: str
    visible: bool
    reasons: tuple[Reason, ...]


def explainable_tables() -> tuple[str, ...]:
    """The record kinds whose visibility depends on who asks: owned kinds and their children."""
    return (*OWNED_TABLES, *CHILD_TABLES)


def explain_visibility(session: Session, user_id: int, table: str, record_id: int) -> Explanation:
    target = load_current_user(session, user_id)
    model = _model_for(table)
    record = session.get(model, record_id)
    if record is None:
        raise NotFoundError(table=table, id=record_id)
    found = session.scalar(
        visible_rows(target, model, select(model.id).where(model.id == record_id))  # type: ignore[attr-defined]
    )
    module = module_of(table)
    if not target.may(module, "view"):
        reasons: tuple[Reason, ...] = (Reason("no_view_permission", {"module": module}),)
    else:
        reasons = _reasons(session, target, table, record)
    return Explanation(
        user_id=target.user_id,
        username=target.username,
        table=table,
        record_id=record_id,
        title=_title(record),
        visible=found is not None,
        reasons=reasons,
    )


def _reasons(session: Session, target: CurrentUser, table: str, record: Any) -> tuple[Reason, ...]:
    if table in OWNED_TABLES:
        return _owned_reasons(session, target, table, record)
    if table in CHILD_TABLES:
        column, parent_table = CHILD_TABLES[table]
        parent = session.get(_model_for(parent_table), getattr(record, column))
        step = Reason(
            "belongs_to",
            {"table": parent_table, "record_id": getattr(record, column), "title": _title(parent)},
        )
        return (step, *_reasons(session, target, parent_table, parent))
    if table in MODULE_TABLES["personal"]:
        mine = record.user_id == target.user_id
        return (Reason("personal_own" if mine else "personal_other"),)
    return (Reason("everyone", {"table": table}),)


def _owned_reasons(
    session: Session, target: CurrentUser, table: str, record: Any
) -> tuple[Reason, ...]:
    scope = target.scope(table)
    if scope == "all":
        return (Reason("scope_all", {"table": table}),)
    reasons = []
    if record.owner_id is not None and record.owner_id == target.employee_id:
        reasons.append(Reason("owner", {"owner": target.display_name}))
    department = record.department_id
    if department is not None and department in target.visible_departments.get(table, ()):
        if department == target.department_id:
            reasons.append(
                Reason("own_department", {"department": _department(session, department)})
            )
        else:
            own = _department(session, target.department_id)
            reasons.append(
                Reason(
                    "sub_department",
                    {"department": _department(session, department), "user_department": own},
                )
            )
    if reasons:
        return tuple(reasons)
    owner = session.get(Employee, record.owner_id) if record.owner_id is not None else None
    params = {
        "scope": scope,
        "owner": owner.name if owner is not None else None,
        "department": _department(session, department),
    }
    return (Reason("outside_scope", params),)


def _department(session: Session, department_id: int | None) -> str | None:
    """The department's path from the top (a deleted one: its name)."""
    if department_id is None:
        return None
    for row in users.list_departments(session):
        if row.id == department_id:
            return row.path
    department = session.get(Department, department_id)
    return department.name if department is not None else None


def _title(record: Any) -> str:
    for column in _TITLE_COLUMNS:
        value = getattr(record, column, None)
        if value:
            return str(value)
    return f"#{record.id}"


def _model_for(table: str) -> type[Any]:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    raise ValidationError("unknown_table", field="table", name=table)
