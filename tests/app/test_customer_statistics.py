"""Statistics on customers and contacts, counted by the database on both databases from a
small fixed set: groups with their names, the "(none)" group, soft-deleted rows left out,
a staff member counting only what they may see, and months in local time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from app import customer_statistics
from app.customer_statistics import Group, Statistics
from db.engine import make_engine, make_session_factory
from db.models.customers import Contact, Customer
from db.models.lookups import CustomerType, Industry, Region, SalesStage
from tests.acting_users import acting, add_rows, employee_of
from tests.databases import fresh_database
from tests.security_world import World, build_world

YEAR = 2025


def local(*parts: int) -> dt.datetime:
    return dt.datetime(*parts).astimezone()  # type: ignore[misc]


@dataclass(frozen=True)
class Ids:
    target: int
    industries: tuple[int, int]
    region: int
    first_step: int


def _ids(world: World) -> Ids:
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine)() as session:
            target = session.scalars(select(CustomerType.id).where(CustomerType.code == "target"))
            industries = session.scalars(select(Industry.id).order_by(Industry.id).limit(2)).all()
            region = session.scalars(select(Region.id).order_by(Region.id).limit(1)).one()
            step = session.scalars(select(SalesStage.id).where(SalesStage.step == 1)).one()
            return Ids(target.one(), (industries[0], industries[1]), region, step)
    finally:
        engine.dispose()


def _customer(world: World, owner: str, name: str, created: dt.datetime, **more: object) -> object:
    employee, department = employee_of(world, owner)
    return Customer(
        name=name, owner_id=employee, department_id=department, created_at=created, **more
    )


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[World, Ids]]:
    """The security world (six people, a customer with one contact each, made now) and four
    customers of 2024–2025: one in March with a live and a deleted contact, one on the last
    evening of February, one on New Year's Eve 2024, one deleted."""
    with fresh_database(request.param, request, tmp_path_factory.mktemp("stats")) as url:
        world = build_world(url)
        ids = _ids(world)
        march = _customer(
            world,
            "staff_a",
            "三月客户",
            local(YEAR, 3, 1, 0, 30),
            customer_type_id=ids.target,
            industry_id=ids.industries[0],
            region_id=ids.region,
            sales_stage_id=ids.first_step,
        )
        february = _customer(
            world,
            "staff_b",
            "二月客户",
            local(YEAR, 2, 28, 23, 30),
            customer_type_id=ids.target,
            industry_id=ids.industries[0],
        )
        new_year = _customer(
            world,
            "staff_a",
            "跨年客户",
            local(YEAR - 1, 12, 31, 23, 59),
            customer_type_id=ids.target,
        )
        deleted = _customer(
            world,
            "staff_a",
            "已删除客户",
            local(YEAR, 3, 5),
            customer_type_id=ids.target,
            industry_id=ids.industries[1],
            deleted_at=local(YEAR, 3, 6),
        )
        add_rows(world, march, february, new_year, deleted)
        add_rows(
            world,
            Contact(customer_id=march.id, name="三月联系人", created_at=local(YEAR, 3, 2)),  # type: ignore[attr-defined]
            Contact(
                customer_id=march.id,  # type: ignore[attr-defined]
                name="删掉的联系人",
                created_at=local(YEAR, 3, 2),
                deleted_at=local(YEAR, 3, 3),
            ),
            Contact(
                customer_id=february.id, name="二月联系人", created_at=local(YEAR, 2, 28, 23, 40)
            ),  # type: ignore[attr-defined]
            Contact(customer_id=deleted.id, name="删掉客户的联系人", created_at=local(YEAR, 3, 5)),  # type: ignore[attr-defined]
        )
        yield world, ids


def counted(world: World, username: str, dimension: str, **more: object) -> Statistics:
    with acting(world, username) as (factory, user), factory() as session:
        return customer_statistics.customer_statistics(session, user, dimension, **more)  # type: ignore[arg-type]


def counts(statistics: Statistics) -> dict[int | None, tuple[int, int]]:
    return {group.key: (group.customers, group.contacts) for group in statistics.groups}


def test_industries_are_counted_with_a_none_group_and_without_deleted_rows(
    world: tuple[World, Ids],
) -> None:
    office, ids = world
    statistics = counted(office, "admin", "industry")
    # Six customers of the world, and the one of New Year's Eve, have no industry.
    assert counts(statistics) == {ids.industries[0]: (2, 2), None: (7, 6)}
    assert statistics.groups[-1] == Group(None, None, 7, 6), "(none) comes last"
    assert statistics.groups[0].label  # the industry's name
    assert (statistics.total_customers, statistics.total_contacts) == (9, 8)
    assert statistics.share(statistics.groups[0]) == pytest.approx(100 * 2 / 9)


def test_a_staff_member_counts_only_the_customers_they_may_see(world: tuple[World, Ids]) -> None:
    office, ids = world
    assert counts(counted(office, "staff_a", "industry")) == {
        ids.industries[0]: (1, 1),
        None: (2, 1),
    }
    assert counts(counted(office, "staff_a", "region")) == {ids.region: (1, 1), None: (2, 1)}


def test_types_owners_and_sales_steps_are_named_in_the_users_language(
    world: tuple[World, Ids],
) -> None:
    office, ids = world
    types = counted(office, "admin", "customer_type", language="en")
    assert [(g.label, g.customers, g.contacts) for g in types.groups] == [("Target customer", 9, 8)]
    steps = counted(office, "admin", "sales_stage")
    assert counts(steps) == {ids.first_step: (1, 1), None: (8, 7)}
    owners = {
        group.label: (group.customers, group.contacts)
        for group in counted(office, "head_a", "owner").groups
    }
    assert owners == {"王小明": (3, 2), "李雷": (1, 1), "张主管": (1, 1), "赵总": (1, 1)}


def test_months_are_local_calendar_months_of_the_chosen_year(world: tuple[World, Ids]) -> None:
    office, _ = world
    months = counted(office, "admin", "month", year=YEAR)
    assert months.year == YEAR
    assert [group.key for group in months.groups] == list(range(1, 13))
    found = {g.key: (g.customers, g.contacts) for g in months.groups if g.customers or g.contacts}
    assert found == {2: (1, 1), 3: (1, 1)}
    assert (months.total_customers, months.total_contacts) == (2, 2)
    mine = counted(office, "staff_a", "month", year=YEAR)
    assert {g.key: g.customers for g in mine.groups if g.customers} == {3: 1}
    last_year = counted(office, "admin", "month", year=YEAR - 1)
    assert {g.key: g.customers for g in last_year.groups if g.customers} == {12: 1}
