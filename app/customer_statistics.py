"""Statistics on customers and contacts (客户统计, SPEC §3.5): how many customers, and how many
contacts under them, by customer type, industry, region (province), city, owner, sales step,
or by month of creation in a chosen year.

Counted by the database (GROUP BY), never by loading rows: two grouped queries, customers
and contacts, over live rows only and through `visible_rows`, the filter every list uses (on
PostgreSQL row-level security applies it again), so a user counts exactly what they may
see. A customer without a value (no industry…) falls in the group with key None, "(none)".

Months are local calendar months: the year's 13 boundaries are computed here and the
database sorts each row into its month with a CASE over them, the same SQL on SQLite (which
has no date_trunc) and PostgreSQL, and a range over `created_at` its index can serve.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, get_args

from sqlalchemy import ColumnElement, Select, case, func, literal, select
from sqlalchemy.orm import Session

from app.access import CurrentUser, visible_rows
from app.reference_records import bilingual_name, plain_name
from db.models.customers import Contact, Customer
from db.models.lookups import City, CustomerType, Industry, Region, SalesStage
from db.models.org import Employee
from db.pinyin import pinyin_key

Dimension = Literal["customer_type", "industry", "region", "city", "owner", "sales_stage", "month"]
DIMENSIONS: tuple[Dimension, ...] = get_args(Dimension)
MONTHS = 12


@dataclass(frozen=True)
class Group:
    """One row of the table: the group's key (an id, a month 1–12; None: no value), its text
    (None for "(none)" and for months, which the screen names), and the counts."""

    key: int | None
    label: str | None
    customers: int
    contacts: int


@dataclass(frozen=True)
class Statistics:
    dimension: Dimension
    year: int | None  # the year of a month table
    groups: tuple[Group, ...]

    @property
    def total_customers(self) -> int:
        return sum(group.customers for group in self.groups)

    @property
    def total_contacts(self) -> int:
        return sum(group.contacts for group in self.groups)

    def share(self, group: Group) -> float:
        """The group's part of all customers counted, in per cent (0 when there are none)."""
        total = self.total_customers
        return 100.0 * group.customers / total if total else 0.0


@dataclass(frozen=True)
class _Lookup:
    """A dimension read through a customer column and the table that names its values."""

    column: Any
    model: Any
    name: Callable[[str], ColumnElement[Any]]
    order: Any = None  # the lookup's own order (sales steps); else by count, then pinyin


def _lookups() -> dict[str, _Lookup]:
    return {
        "customer_type": _Lookup(
            Customer.customer_type_id, CustomerType, bilingual_name(CustomerType)
        ),
        "industry": _Lookup(Customer.industry_id, Industry, bilingual_name(Industry)),
        "region": _Lookup(Customer.region_id, Region, bilingual_name(Region)),
        "city": _Lookup(Customer.city_id, City, bilingual_name(City)),
        "owner": _Lookup(Customer.owner_id, Employee, plain_name(Employee.name)),
        "sales_stage": _Lookup(
            Customer.sales_stage_id, SalesStage, bilingual_name(SalesStage), SalesStage.step
        ),
    }


def customer_statistics(
    session: Session,
    user: CurrentUser,
    dimension: Dimension,
    language: str = "zh_CN",
    *,
    year: int | None = None,
) -> Statistics:
    """The customers and contacts `user` may see, counted by `dimension` (for "month": by
    month of creation in `year`, default this year, all twelve months listed)."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    if dimension == "month":
        chosen = year or dt.date.today().year
        return Statistics("month", chosen, _by_month(session, user, chosen))
    return Statistics(dimension, None, _by_lookup(session, user, _lookups()[dimension], language))


def _live_visible(user: CurrentUser, statement: Select[Any]) -> Select[Any]:
    """Live customers the user may see (and, when joined, their live contacts)."""
    return visible_rows(user, Customer, statement.where(Customer.deleted_at.is_(None)))


def _counted(session: Session, statement: Select[Any]) -> dict[Any, int]:
    return {key: int(count) for key, count in session.execute(statement)}


def _by_lookup(session: Session, user: CurrentUser, lookup: _Lookup, language: str) -> tuple:
    key = lookup.column
    customers = _counted(session, _live_visible(user, select(key, func.count()).group_by(key)))
    contacts = _counted(
        session,
        _live_visible(
            user,
            select(key, func.count())
            .select_from(Contact)
            .join(Customer, Customer.id == Contact.customer_id)
            .where(Contact.deleted_at.is_(None))
            .group_by(key),
        ),
    )
    keys = [k for k in {*customers, *contacts} if k is not None]
    names, orders = _names(session, lookup, language, keys)
    groups = [
        Group(k, names.get(k, f"#{k}"), customers.get(k, 0), contacts.get(k, 0)) for k in keys
    ]
    if lookup.order is not None:
        groups.sort(key=lambda group: (orders.get(group.key or 0, 0), group.key or 0))
    else:
        groups.sort(
            key=lambda group: (-group.customers, pinyin_key(group.label or ""), group.key or 0)
        )
    if None in customers or None in contacts:
        groups.append(Group(None, None, customers.get(None, 0), contacts.get(None, 0)))
    return tuple(groups)


def _names(
    session: Session, lookup: _Lookup, language: str, keys: list[int]
) -> tuple[dict[int, str], dict[int, Any]]:
    """The text (and own order) of each key: a few dozen rows, read once (deleted lookups
    still name the customers that keep them)."""
    if not keys:
        return {}, {}
    model = lookup.model
    order = lookup.order if lookup.order is not None else literal(0)
    rows = session.execute(
        select(model.id, lookup.name(language), order).where(model.id.in_(sorted(keys)))
    )
    names: dict[int, str] = {}
    orders: dict[int, Any] = {}
    for id_, name, rank in rows:
        names[id_], orders[id_] = str(name), rank
    return names, orders


def month_starts(year: int) -> list[dt.datetime]:
    """The first moments of the year's months and of the next year, in local time."""
    starts = [dt.datetime(year, month, 1) for month in range(1, MONTHS + 1)]
    return [moment.astimezone() for moment in (*starts, dt.datetime(year + 1, 1, 1))]


def _month_of(column: Any, starts: list[dt.datetime]) -> ColumnElement[int]:
    """The month (1–12) of `column`, for rows already within the year."""
    return case(
        *((column < start, month) for month, start in enumerate(starts[1:MONTHS], start=1)),
        else_=MONTHS,
    )


def _by_month(session: Session, user: CurrentUser, year: int) -> tuple:
    starts = month_starts(year)
    customers = _counted_by_month(
        session,
        _live_visible(
            user,
            select(_month_of(Customer.created_at, starts).label("month")).where(
                Customer.created_at >= starts[0], Customer.created_at < starts[-1]
            ),
        ),
    )
    contacts = _counted_by_month(
        session,
        _live_visible(
            user,
            select(_month_of(Contact.created_at, starts).label("month"))
            .select_from(Contact)
            .join(Customer, Customer.id == Contact.customer_id)
            .where(
                Contact.deleted_at.is_(None),
                Contact.created_at >= starts[0],
                Contact.created_at < starts[-1],
            ),
        ),
    )
    return tuple(
        Group(month, None, customers.get(month, 0), contacts.get(month, 0))
        for month in range(1, MONTHS + 1)
    )


def _counted_by_month(session: Session, months: Select[Any]) -> dict[Any, int]:
    """Rows of `months` (one column, "month") counted per month: grouped outside, so both
    databases group by the column rather than by a repeated CASE with its own parameters."""
    inner = months.subquery()
    return _counted(session, select(inner.c.month, func.count()).group_by(inner.c.month))
