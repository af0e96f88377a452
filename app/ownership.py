"""Who owns a customer: handing customers over to another employee (客户移交), all of a
departing employee's at once, and merging two records of one company.

Who may hand customers over: administrators (`customers`/`admin`), any customer to any
active employee; department heads and decision makers (`customers`/`edit` with a data
scope wider than their own records), the customers they see, to active employees of the
departments they see (a decision maker's scope is everyone). Staff, whose scope is their
own customers, may not give customers away. A customer follows its owner into the owner's
department.

The audit trail keeps every hand-over and merge: the database's triggers record each
changed row (owner and department, the moved records) with the acting user; no separate
entry is written. Merging needs `customers`/`admin`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import CursorResult, Table, UniqueConstraint, false, select, text, update
from sqlalchemy.orm import Session

from app.access import CurrentUser, visibility, visible_rows
from app.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.saving import flush
from db.base import Base
from db.blacklist import BLACKLIST_TYPE_CODE, GUARDED_TABLES
from db.models.customers import Attachment, Customer, customer_search_text
from db.models.lookups import CustomerType
from db.models.org import Employee

_CHUNK = 500
CUSTOMERS_TABLE: Table = Base.metadata.tables["customers"]
ATTACHMENTS_TABLE: Table = Base.metadata.tables["attachments"]
_BOOKKEEPING = frozenset(
    {
        "id",
        "version",
        "created_at",
        "updated_at",
        "created_by_id",
        "updated_by_id",
        "deleted_at",
        "deleted_by_id",
    }
)
# Kept from the customer that stays, never filled in from the merged one.
_KEPT_AS_IS = frozenset(
    {
        "name",
        "name_pinyin",
        "name_key",
        "search_text",
        "mnemonic",
        "owner_id",
        "department_id",
        "customer_type_id",
        "blacklisted_reason",
        "parent_id",
        "sales_stage_id",
        "notes",
    }
)


@dataclass(frozen=True)
class TransferResult:
    customer_ids: tuple[int, ...]  # the customers that changed hands
    to_employee_id: int
    to_department_id: int | None


@dataclass(frozen=True)
class MergeResult:
    kept_id: int
    merged_id: int
    moved: dict[str, int] = field(default_factory=dict)  # "table.column" → rows moved
    # Rows that would have duplicated one of the kept customer's (its extension, a partner
    # relation, an event attendance…): left with the merged customer, in the recycle bin.
    left: dict[str, int] = field(default_factory=dict)


def may_transfer(user: CurrentUser) -> bool:
    if user.may("customers", "admin"):
        return True
    return user.may("customers", "edit") and user.scope("customers") != "own"


def require_may_assign(
    session: Session, user: CurrentUser, employee_id: int, *, for_transfer: bool = True
) -> int | None:
    """Refuse unless `user` may make `employee_id` an owner (of a new customer: themselves
    always; by hand-over: see the module's rule); returns that employee's department."""
    employee = session.execute(
        select(Employee.id, Employee.department_id, Employee.status).where(
            Employee.id == employee_id, Employee.deleted_at.is_(None)
        )
    ).one_or_none()
    if employee is None or employee.status == "left":
        raise ValidationError("employee_missing", field="owner_id", id=employee_id)
    if employee_id == user.employee_id and not for_transfer:
        return employee.department_id  # type: ignore[no-any-return]
    if for_transfer and not may_transfer(user):
        raise PermissionDeniedError("transfer_not_allowed", module="customers", action="transfer")
    if user.may("customers", "admin") or user.scope("customers") == "all":
        return employee.department_id  # type: ignore[no-any-return]
    if employee.department_id not in user.visible_departments.get("customers", frozenset()):
        raise PermissionDeniedError("transfer_not_allowed", module="customers", action="transfer")
    return employee.department_id  # type: ignore[no-any-return]


def transfer_customers(
    session: Session, user: CurrentUser, customer_ids: Sequence[int], to_employee_id: int
) -> TransferResult:
    """Give the customers (live ones the user sees) to `to_employee_id`, in one go."""
    department_id = require_may_assign(session, user, to_employee_id)
    wanted = sorted(set(customer_ids))
    found: set[int] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.update(
            session.scalars(
                visible_rows(user, Customer, select(Customer.id)).where(
                    Customer.id.in_(chunk), Customer.deleted_at.is_(None)
                )
            )
        )
    missing = sorted(set(wanted) - found)
    if missing:
        raise NotFoundError(table="customers", id=missing[0])
    moved: list[int] = []
    for start in range(0, len(wanted), _CHUNK):
        in_chunk = Customer.id.in_(wanted[start : start + _CHUNK])
        moved += _move(session, user, in_chunk, to_employee_id, department_id)
    return TransferResult(tuple(sorted(moved)), to_employee_id, department_id)


def hand_over_all(
    session: Session, user: CurrentUser, from_employee_id: int, to_employee_id: int
) -> TransferResult:
    """Every customer of a departing employee that the user sees, those in the recycle bin
    included, to `to_employee_id`, in one statement."""
    if from_employee_id == to_employee_id:
        raise ValidationError("same_employee", field="to_employee_id")
    department_id = require_may_assign(session, user, to_employee_id)
    moved = _move(
        session, user, Customer.owner_id == from_employee_id, to_employee_id, department_id
    )
    return TransferResult(tuple(sorted(moved)), to_employee_id, department_id)


def _move(
    session: Session, user: CurrentUser, which: Any, to_employee_id: int, department_id: int | None
) -> list[int]:
    flush(session)
    scope = visibility(user, Customer) if user.may("customers", "view") else false()
    statement = (
        update(CUSTOMERS_TABLE)
        .where(which, scope)
        .where(
            (Customer.owner_id != to_employee_id)
            | Customer.owner_id.is_(None)
            | (Customer.department_id.is_distinct_from(department_id))
        )
        .values(
            owner_id=to_employee_id,
            department_id=department_id,
            version=Customer.version + 1,
            updated_by_id=user.user_id,
            updated_at=dt.datetime.now(dt.UTC),
        )
        .returning(Customer.id)
    )
    moved = list(session.execute(statement).scalars())
    _move_attachments(session, user, moved, to_employee_id, department_id)
    session.expire_all()
    return moved


def _move_attachments(
    session: Session,
    user: CurrentUser,
    customer_ids: Sequence[int],
    to_employee_id: int,
    department_id: int | None,
) -> None:
    """A customer's files go with it: attachments are seen through their own owner, so
    left behind they would vanish from the new owner's view."""
    scope = visibility(user, Attachment)
    for start in range(0, len(customer_ids), _CHUNK):
        session.execute(
            update(ATTACHMENTS_TABLE)
            .where(Attachment.customer_id.in_(customer_ids[start : start + _CHUNK]), scope)
            .values(
                owner_id=to_employee_id,
                department_id=department_id,
                version=Attachment.version + 1,
                updated_by_id=user.user_id,
                updated_at=dt.datetime.now(dt.UTC),
            )
        )


# Merging.


def merge_customers(
    session: Session, user: CurrentUser, keep_id: int, merge_id: int
) -> MergeResult:
    """Move everything that refers to customer `merge_id` (found through the foreign keys
    of the schema, not a list) to `keep_id`, fill the kept customer's empty fields from the
    merged one, and move the merged one to the recycle bin."""
    user.require("customers", "admin")
    if keep_id == merge_id:
        raise ValidationError("merge_same_customer", field="merge_id")
    keep, merged = (_live_customer(session, user, id_) for id_ in (keep_id, merge_id))
    if _is_blacklisted(session, keep.customer_type_id) and _has_orders(session, merge_id):
        raise ValidationError("merge_into_blacklisted", field="keep_id")
    flush(session)
    if keep.parent_id == merge_id:
        keep.parent_id = merged.parent_id if merged.parent_id != keep_id else None
        flush(session)
    result = MergeResult(keep_id, merge_id)
    for table, column in customer_references():
        if table.name == "customers" and column == "id":
            continue
        _move_references(session, user, table, column, keep_id, merge_id, result)
    _move_record_pointers(session, user, keep_id, merge_id, result)
    session.expire_all()
    _retire(session, user, keep_id, merge_id)
    return result


def customer_references() -> list[tuple[Table, str]]:
    """Every (table, column) whose foreign key refers to customers.id, from the metadata."""
    found = []
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table.name == "customers" and key.column.name == "id":
                found.append((table, key.parent.name))
    return found


def _live_customer(session: Session, user: CurrentUser, customer_id: int) -> Customer:
    row = session.scalars(
        visible_rows(user, Customer).where(
            Customer.id == customer_id, Customer.deleted_at.is_(None)
        )
    ).one_or_none()
    if row is None:
        raise NotFoundError(table="customers", id=customer_id)
    return row


def _is_blacklisted(session: Session, customer_type_id: int) -> bool:
    code = session.scalar(select(CustomerType.code).where(CustomerType.id == customer_type_id))
    return code == BLACKLIST_TYPE_CODE


def _has_orders(session: Session, customer_id: int) -> bool:
    for name in GUARDED_TABLES:
        table = Base.metadata.tables[name]
        if session.scalar(select(table.c.id).where(table.c.customer_id == customer_id).limit(1)):
            return True
    return False


def _move_references(
    session: Session,
    user: CurrentUser,
    table: Table,
    column: str,
    keep_id: int,
    merge_id: int,
    result: MergeResult,
) -> None:
    target = table.c[column]
    left = _would_duplicate(session, table, column, keep_id, merge_id)
    label = f"{table.name}.{column}"
    if left and _is_one_to_one(table, column):
        _fill_blanks(session, user, table, column, keep_id, merge_id)
    if left:
        result.left[label] = len(left)
        _soft_delete(session, user, table, left)
    statement = update(table).where(target == merge_id)
    if left:
        statement = statement.where(table.c.id.not_in(sorted(left)))
    if table.name == "customers":
        statement = statement.where(table.c.id != keep_id)
    count = _rowcount(session, statement.values({column: keep_id, **_touched(table, user)}))
    if count:
        result.moved[label] = count


def _would_duplicate(
    session: Session, table: Table, column: str, keep_id: int, merge_id: int
) -> set[int]:
    """The merged customer's rows that the database would refuse under the kept customer:
    a unique constraint or index that includes the column finds a twin among the kept
    customer's rows (each side read under the index's own condition, as it says it), or
    another customer column of the row already names the kept customer."""
    found: set[int] = set()
    for columns, condition in _uniques(table, column):
        others = [name for name in columns if name != column]
        where = f" AND ({condition})" if condition else ""
        twins = " AND ".join(f'k."{name}" = m."{name}"' for name in others) or "true"
        found.update(
            session.execute(
                text(
                    f'SELECT m.id FROM (SELECT * FROM "{table.name}" WHERE "{column}" = :merge'
                    f'{where}) m JOIN (SELECT * FROM "{table.name}" WHERE "{column}" = :keep'
                    f"{where}) k ON {twins}"
                ),
                {"merge": merge_id, "keep": keep_id},
            ).scalars()
        )
    for other_table, other in customer_references():
        if other_table is table and other != column and table.name != "customers":
            found.update(
                session.scalars(
                    select(table.c.id).where(table.c[column] == merge_id, table.c[other] == keep_id)
                )
            )
    return found


def _uniques(table: Table, column: str) -> list[tuple[list[str], str | None]]:
    found: list[tuple[list[str], str | None]] = []
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            names = [c.name for c in constraint.columns]
            if column in names:
                found.append((names, None))
    for index in table.indexes:
        names = [c.name for c in index.columns]
        if index.unique and column in names:
            where = index.dialect_options["sqlite"].get("where")
            found.append((names, None if where is None else str(where)))
    return found


def _is_one_to_one(table: Table, column: str) -> bool:
    return any(names == [column] and where is None for names, where in _uniques(table, column))


def _touched(table: Table, user: CurrentUser) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if "version" in table.c:
        values["version"] = table.c.version + 1
    if "updated_by_id" in table.c:
        values["updated_by_id"] = user.user_id
    if "updated_at" in table.c:
        values["updated_at"] = dt.datetime.now(dt.UTC)
    return values


def _soft_delete(session: Session, user: CurrentUser, table: Table, ids: set[int]) -> None:
    if "deleted_at" not in table.c:
        return
    session.execute(
        update(table)
        .where(table.c.id.in_(sorted(ids)), table.c.deleted_at.is_(None))
        .values(
            deleted_at=dt.datetime.now(dt.UTC), deleted_by_id=user.user_id, **_touched(table, user)
        )
    )


def _fill_blanks(
    session: Session,
    user: CurrentUser,
    table: Table,
    column: str,
    keep_id: int,
    merge_id: int,
    *,
    skip: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The kept row's empty columns take the merged row's values; returns what was filled."""
    rows = {
        row[column]: row
        for row in session.execute(
            select(table).where(table.c[column].in_((keep_id, merge_id)))
        ).mappings()
    }
    kept, merged = rows.get(keep_id), rows.get(merge_id)
    if kept is None or merged is None:
        return {}
    filled = {
        name: merged[name]
        for name in table.c.keys()  # noqa: SIM118 - names, not columns
        if name not in _BOOKKEEPING | skip | {column}
        and kept[name] is None
        and merged[name] is not None
    }
    if filled:
        session.execute(
            update(table)
            .where(table.c.id == kept["id"])
            .values({**filled, **_touched(table, user)})
        )
    return filled


def _move_record_pointers(
    session: Session, user: CurrentUser, keep_id: int, merge_id: int, result: MergeResult
) -> None:
    """Rows that point at any record by (record_table, record_id), such as attachments."""
    for table in Base.metadata.sorted_tables:
        if {"record_table", "record_id"} <= set(table.c.keys()):
            count = _rowcount(
                session,
                update(table)
                .where(table.c.record_table == "customers", table.c.record_id == merge_id)
                .values(record_id=keep_id, **_touched(table, user)),
            )
            if count:
                result.moved[f"{table.name}.record_id"] = count


def _rowcount(session: Session, statement: Any) -> int:
    result = cast(CursorResult[Any], session.execute(statement))
    return result.rowcount


def _retire(session: Session, user: CurrentUser, keep_id: int, merge_id: int) -> None:
    """The merged customer to the recycle bin; its credit code and number go to the kept one
    when that has none (the code is unique even in the recycle bin, so it moves)."""
    customers = CUSTOMERS_TABLE
    keep, merged = session.get_one(Customer, keep_id), session.get_one(Customer, merge_id)
    moving_code = merged.credit_code if keep.credit_code is None else None
    session.execute(
        update(customers)
        .where(customers.c.id == merge_id)
        .values(
            deleted_at=dt.datetime.now(dt.UTC),
            deleted_by_id=user.user_id,
            credit_code=None if moving_code else merged.credit_code,
            **_touched(customers, user),
        )
    )
    session.expire_all()
    _fill_blanks(session, user, customers, "id", keep_id, merge_id, skip=_KEPT_AS_IS)
    session.expire_all()
    kept = session.get_one(Customer, keep_id)
    if moving_code:
        kept.credit_code = moving_code
    # The blanks were filled past the ORM: the search text follows what they now hold.
    kept.search_text = customer_search_text(kept)
    flush(session)


__all__ = [
    "MergeResult",
    "TransferResult",
    "customer_references",
    "hand_over_all",
    "may_transfer",
    "merge_customers",
    "require_may_assign",
    "transfer_customers",
]
