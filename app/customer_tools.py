"""What the customer tools' screens (hand-over, merge, import owner) need to show before
they call app/ownership.py or app/customer_import.py: who may be picked, how many customers
an employee has, and what a merge would move.

The choices are filtered by the services' own checks (`ownership.require_may_assign`,
`customer_import.resolve_owner`), so a list never offers what the service would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access import CurrentUser, visible_rows
from app.customer_import import resolve_owner
from app.customers import name_holds
from app.errors import MediaCrmError
from app.ownership import customer_references, may_transfer, require_may_assign
from db.base import Base, Label
from db.models.customers import Customer
from db.models.lookups import CustomerType
from db.models.org import Department, Employee, User
from db.pinyin import pinyin_key

SEARCH_LIMIT = 50


@dataclass(frozen=True)
class EmployeeChoice:
    id: int
    name: str
    department: str | None
    customers: int = 0  # the customers of theirs the user sees (hand-over only)


@dataclass(frozen=True)
class OwnerChoice:
    username: str
    name: str
    employee_id: int


@dataclass(frozen=True)
class CustomerSummary:
    """A customer as the merge dialog shows it, with the rows that refer to it by table
    label ("联系人" → 3)."""

    id: int
    name: str
    short_name: str | None
    customer_type: str
    owner: str | None
    phone: str | None
    credit_code: str | None
    references: dict[str, int]


def _employees(session: Session, *, working: bool) -> list[EmployeeChoice]:
    statement = (
        select(Employee.id, Employee.name, Department.name, Employee.status)
        .outerjoin(Department, Department.id == Employee.department_id)
        .where(Employee.deleted_at.is_(None))
    )
    rows = [
        EmployeeChoice(id_, name, department)
        for id_, name, department, status in session.execute(statement)
        if not working or status != "left"
    ]
    return sorted(rows, key=lambda row: (pinyin_key(row.name), row.id))


def transfer_targets(session: Session, user: CurrentUser) -> list[EmployeeChoice]:
    """The employees `user` may hand customers over to (empty for staff)."""
    if not may_transfer(user):
        return []
    found = []
    for choice in _employees(session, working=True):
        try:
            require_may_assign(session, user, choice.id)
        except MediaCrmError:
            continue
        found.append(choice)
    return found


def customer_owners(session: Session, user: CurrentUser) -> list[EmployeeChoice]:
    """Every employee (those who left too) with the number of their customers that `user`
    sees, the recycle bin included as `ownership.hand_over_all` counts it."""
    counts = {
        owner_id: count
        for owner_id, count in session.execute(
            visible_rows(user, Customer, select(Customer.owner_id, func.count())).group_by(
                Customer.owner_id
            )
        )
    }
    return [
        EmployeeChoice(row.id, row.name, row.department, int(counts.get(row.id, 0)))
        for row in _employees(session, working=False)
    ]


def import_owners(session: Session, user: CurrentUser) -> list[OwnerChoice]:
    """The users whose employee may own the customers `user` imports (the user first)."""
    rows = session.execute(
        select(User.username, Employee.name, Employee.id)
        .join(Employee, Employee.id == User.employee_id)
        .where(User.deleted_at.is_(None), Employee.deleted_at.is_(None))
    )
    found = []
    for username, name, employee_id in rows:
        try:
            resolve_owner(session, user, username)
        except MediaCrmError:
            continue
        found.append(OwnerChoice(username, name, employee_id))
    return sorted(found, key=lambda c: (c.employee_id != user.employee_id, pinyin_key(c.name)))


def find_customers(
    session: Session, user: CurrentUser, text: str, limit: int = SEARCH_LIMIT
) -> list[tuple[int, str]]:
    """Live customers the user sees that `text` finds (customers.name_holds)."""
    statement = visible_rows(user, Customer, select(Customer.id, Customer.name)).where(
        Customer.deleted_at.is_(None)
    )
    if text.strip():
        statement = statement.where(name_holds(text))
    statement = statement.order_by(Customer.name_pinyin, Customer.id).limit(limit)
    return [(id_, name) for id_, name in session.execute(statement)]


def customer_summary(
    session: Session, user: CurrentUser, customer_id: int, language: str
) -> CustomerSummary | None:
    """The customer (None when the user does not see it) and its live referring rows."""
    type_name = CustomerType.name_en if language.startswith("en") else CustomerType.name_zh
    row = session.execute(
        visible_rows(
            user,
            Customer,
            select(
                Customer.id,
                Customer.name,
                Customer.short_name,
                type_name,
                Employee.name,
                Customer.phone,
                Customer.credit_code,
            )
            .join(CustomerType, CustomerType.id == Customer.customer_type_id)
            .outerjoin(Employee, Employee.id == Customer.owner_id),
        ).where(Customer.id == customer_id, Customer.deleted_at.is_(None))
    ).one_or_none()
    if row is None:
        return None
    id_, name, short_name, customer_type, owner, phone, credit_code = row
    references = reference_counts(session, customer_id, language)
    return CustomerSummary(
        id_, name, short_name, customer_type, owner, phone, credit_code, references
    )


def reference_counts(session: Session, customer_id: int, language: str) -> dict[str, int]:
    """How many live rows of each table refer to the customer (what a merge moves)."""
    counts: dict[str, int] = {}
    pointers = [
        (table, table.c.record_id, table.c.record_table == "customers")
        for table in Base.metadata.sorted_tables
        if {"record_table", "record_id"} <= set(table.c.keys())
    ]
    columns = [
        (table, table.c[column], None)
        for table, column in customer_references()
        if not (table.name == "customers" and column == "id")
    ]
    for table, column, condition in columns + pointers:
        statement = select(func.count()).select_from(table).where(column == customer_id)
        if condition is not None:
            statement = statement.where(condition)
        if "deleted_at" in table.c:
            statement = statement.where(table.c.deleted_at.is_(None))
        count = int(session.scalar(statement) or 0)
        if count:
            label = table.info.get("label")
            name = label.text(language) if isinstance(label, Label) else table.name
            counts[name] = counts.get(name, 0) + count
    return counts


__all__ = [
    "CustomerSummary",
    "EmployeeChoice",
    "OwnerChoice",
    "customer_owners",
    "customer_summary",
    "find_customers",
    "import_owners",
    "reference_counts",
    "transfer_targets",
]
