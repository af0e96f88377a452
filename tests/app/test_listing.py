"""Lists over the database (app/listing.py) on SQLite and PostgreSQL: keyset pages in the same
order as a plain sort, Chinese names by pinyin, filters that take any text literally, the
permission filter in every page and count, counts capped and estimated."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app import listing
from app.access import CurrentUser
from app.listing import Filter, Formats, Key, ListQuery
from db.engine import make_engine, make_session_factory
from db.models.customers import Customer
from db.models.org import User
from db.permissions import module_of
from tests.acting_users import acting
from tests.list_world import (
    HOSTILE_NAMES,
    PINYIN_ORDER,
    customer_spec,
)
from tests.security_world import EXPECTED_OWNERS, World

SORT_COLUMNS = {
    "name": Customer.name_pinyin,
    "registered_capital": Customer.registered_capital,
    "founded_on": Customer.founded_on,
    "id": Customer.id,
}


def expected_ids(session: Session, sort_key: str, descending: bool, **where: Any) -> list[int]:
    """The live rows in the list's order by a plain sort: NULL sort values last, ties by id;
    descending is the exact reverse."""
    column = SORT_COLUMNS[sort_key]
    statement = select(Customer.id, column).where(Customer.deleted_at.is_(None))
    for name, value in where.items():
        statement = statement.where(getattr(Customer, name) == value)
    rows = session.execute(statement).all()
    rows = sorted(
        rows, key=lambda row: (row[1] is None, row[1] if row[1] is not None else 0, row[0])
    )
    ids = [row[0] for row in rows]
    return ids[::-1] if descending else ids


def walk_forward(
    session: Session, query: ListQuery, user: CurrentUser, size: int, rows: bool = False
) -> list[Any]:
    """Every row's id (or the whole rows) from the first page on."""
    page = listing.first_page(session, query, user, size)
    found = list(page.rows)
    while not page.complete:
        assert page.last is not None
        page = listing.page_after(session, query, user, page.last, size)
        found += page.rows
    return found if rows else [row[0] for row in found]


def walk_backward(session: Session, query: ListQuery, user: CurrentUser, size: int) -> list[int]:
    page = listing.last_page(session, query, user, size)
    ids = [row[0] for row in page.rows]
    while not page.complete:
        assert page.first is not None
        page = listing.page_before(session, query, user, page.first, size)
        ids = [row[0] for row in page.rows] + ids
    return ids


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("sort_key", sorted(SORT_COLUMNS))
def test_keyset_pages_walk_the_order_of_a_plain_sort_both_ways(
    list_boss: tuple[Any, CurrentUser], sort_key: str, descending: bool
) -> None:
    factory, user = list_boss
    query = ListQuery(customer_spec(), sort_key=sort_key, descending=descending)
    with factory() as session:
        expected = expected_ids(session, sort_key, descending)
        assert walk_forward(session, query, user, 97) == expected
        assert walk_backward(session, query, user, 97) == expected


def test_key_map_places_every_block_and_counts_exactly(list_boss: tuple[Any, CurrentUser]) -> None:
    factory, user = list_boss
    for descending in (False, True):
        query = ListQuery(customer_spec(), sort_key="name", descending=descending)
        with factory() as session:
            expected = expected_ids(session, "name", descending)
            found = listing.key_map(session, query, user, 100)
            assert found.count == len(expected)
            assert [key.id for key in found.keys] == expected[99::100]
            middle = len(found.keys) // 2
            page = listing.page_after(session, query, user, found.keys[middle - 1], 100)
            assert [row[0] for row in page.rows] == expected[middle * 100 : middle * 100 + 100]
            assert found.key_before(middle * 100) == found.keys[middle - 1]
            assert found.key_before(middle * 100 + 1) is None


def test_rows_come_back_as_plain_tuples_id_first(list_boss: tuple[Any, CurrentUser]) -> None:
    factory, user = list_boss
    query = ListQuery(customer_spec(), sort_key="id")
    with factory() as session:
        page = listing.first_page(session, query, user, 3)
        customer = session.get(Customer, page.rows[0][0])
        assert customer is not None
        row = page.rows[0]
        assert type(row) is tuple
        assert row[0] == customer.id and row[1] == customer.name and row[6] == customer.phone
        assert page.first == Key(customer.id, customer.id)
        assert listing.fetch_row(session, query, user, customer.id) == row


def test_chinese_names_sort_by_pinyin(list_boss: tuple[Any, CurrentUser]) -> None:
    factory, user = list_boss
    query = ListQuery(customer_spec(), filters=(Filter("name", "contains", "拼音测试"),))
    with factory() as session:
        page = listing.first_page(session, query, user, 50)
        assert [row[1] for row in page.rows] == list(PINYIN_ORDER)
        page = listing.first_page(session, query.sorted_by("name", descending=True), user, 50)
        assert [row[1] for row in page.rows] == list(reversed(PINYIN_ORDER))


def literal_match(op: str, text: str, name: str) -> bool:
    if op == "contains":
        return text.lower() in name.lower()
    if op == "starts_with":
        return name.lower().startswith(text.lower())
    return name == text


@pytest.mark.parametrize(
    ("op", "text", "must_find"),
    [
        ("contains", "%", HOSTILE_NAMES[0]),
        ("contains", "_", HOSTILE_NAMES[1]),
        ("contains", "\\", HOSTILE_NAMES[2]),
        ("contains", "'", HOSTILE_NAMES[3]),
        ("contains", '"cheese"', HOSTILE_NAMES[4]),
        ("contains", "acme trading", HOSTILE_NAMES[5]),
        ("contains", "'; DROP TABLE customers; --", None),
        ("starts_with", "百分之100%", HOSTILE_NAMES[0]),
        ("starts_with", "%", None),
        ("starts_with", "o'b", HOSTILE_NAMES[3]),
        ("equals", "下划线_公司", HOSTILE_NAMES[1]),
        ("equals", "下划线%公司", None),
    ],
)
def test_text_filters_take_wildcards_quotes_and_backslashes_literally(
    list_boss: tuple[Any, CurrentUser], op: str, text: str, must_find: str | None
) -> None:
    factory, user = list_boss
    query = ListQuery(customer_spec(), filters=(Filter("name", op, text),))  # type: ignore[arg-type]
    with factory() as session:
        names = session.scalars(select(Customer.name).where(Customer.deleted_at.is_(None))).all()
        found = [row[1] for row in walk_forward(session, query, user, 500, rows=True)]
    assert sorted(found) == sorted(name for name in names if literal_match(op, text, name))
    assert (must_find in found) if must_find else not found


def test_comparison_range_and_empty_filters(list_boss: tuple[Any, CurrentUser]) -> None:
    factory, user = list_boss
    spec = customer_spec()
    with factory() as session:
        rows = session.execute(
            select(
                Customer.id, Customer.registered_capital, Customer.founded_on, Customer.industry_id
            ).where(Customer.deleted_at.is_(None))
        ).all()
        low, high = Decimal(500000), Decimal(900000)
        start, end = dt.date(2000, 1, 10), dt.date(2000, 1, 20)
        cases = {
            Filter("registered_capital", "lt", low): {
                r.id for r in rows if r[1] is not None and r[1] < low
            },
            Filter("registered_capital", "le", low): {
                r.id for r in rows if r[1] is not None and r[1] <= low
            },
            Filter("registered_capital", "gt", high): {
                r.id for r in rows if r[1] is not None and r[1] > high
            },
            Filter("registered_capital", "ge", high): {
                r.id for r in rows if r[1] is not None and r[1] >= high
            },
            Filter("registered_capital", "equals", low): {r.id for r in rows if r[1] == low},
            Filter("registered_capital", "is_empty"): {r.id for r in rows if r[1] is None},
            Filter("founded_on", "between", (start, end)): {
                r.id for r in rows if r[2] is not None and start <= r[2] <= end
            },
            Filter("industry", "is_empty"): {r.id for r in rows if r[3] is None},
        }
        for item, expected in cases.items():
            query = ListQuery(spec, sort_key="id", filters=(item,))
            assert set(walk_forward(session, query, user, 500)) == expected, item
            assert listing.capped_count(session, query, user, 10_000).value == len(expected)


def test_filters_combine_with_and(list_boss: tuple[Any, CurrentUser]) -> None:
    factory, user = list_boss
    filters = (Filter("name", "starts_with", "张"), Filter("is_key_account", "equals", True))
    query = ListQuery(customer_spec(), sort_key="id", filters=filters)
    with factory() as session:
        ids = walk_forward(session, query, user, 500)
        customers = [session.get(Customer, id_) for id_ in ids]
    assert ids and all(
        c is not None and c.name.startswith("张") and c.is_key_account for c in customers
    )


def test_staff_with_own_scope_pages_and_counts_only_own_rows(
    list_world: World, list_boss: tuple[Any, CurrentUser]
) -> None:
    with acting(list_world, "staff_a") as (factory, user):
        query = ListQuery(customer_spec(), sort_key="name")
        with factory() as session:
            ids = walk_forward(session, query, user, 50)
            owners = {session.get(Customer, id_).owner_id for id_ in ids}  # type: ignore[union-attr]
            count = listing.count_rows(session, query, user, 10_000)
            found = listing.key_map(session, query, user, 50)
            capped = listing.capped_count(session, query, user, 10)
    assert owners == {user.employee_id}
    assert count == listing.RowCount(len(ids), exact=True)
    assert found.count == len(ids) and [key.id for key in found.keys] == ids[49::50]
    assert capped == listing.RowCount(11, exact=False)
    with list_boss[0]() as session:
        assert ids == expected_ids(session, "name", False, owner_id=user.employee_id)


def test_one_list_read_by_several_users_gives_each_the_rows_they_may_see(
    list_world: World, list_boss: tuple[Any, CurrentUser]
) -> None:
    """The page statements a ListQuery keeps are its user's: the same query read by the boss,
    a department head (own and departments' rows) and a staff member (own rows), and by the
    boss again, pages through each one's rows only, filters and all."""
    query = ListQuery(
        customer_spec(), sort_key="name", filters=(Filter("name", "contains", "公司"),)
    )
    boss_factory, boss = list_boss
    with boss_factory() as session:
        everyone = walk_forward(session, query, boss, 40)
        owner_of = dict(session.execute(select(Customer.id, Customer.owner_id)).all())
    engine = make_engine(list_world.url)
    try:
        with make_session_factory(engine)() as session:
            employee_of = dict(session.execute(select(User.username, User.employee_id)).all())
    finally:
        engine.dispose()
    assert everyone
    for username in ("head_a", "staff_a"):
        owners = {employee_of[name] for name in EXPECTED_OWNERS[username]}
        with acting(list_world, username) as (factory, user), factory() as session:
            ids = walk_forward(session, query, user, 40)
            plan = query.page_plan(user, session.get_bind().dialect, True, True, False)
            again = query.page_plan(user, session.get_bind().dialect, True, True, False)
        assert ids == [id_ for id_ in everyone if owner_of[id_] in owners]
        assert 0 < len(ids) < len(everyone)
        assert again is plan and plan.user is user  # made once per user, not per page
    with boss_factory() as session:
        assert walk_forward(session, query, boss, 40) == everyone


def test_a_failed_page_read_raises_sqlalchemys_error(empty_db_url: URL) -> None:
    """Pages run on the driver's cursor; its errors still come as SQLAlchemy's, with the
    statement, and the connection can go on after a rollback. (A database without the
    table.)"""
    user = CurrentUser(
        user_id=1, username="boss", display_name="Boss", employee_id=1, department_id=None,
        role_id=1, role_key="decision_maker", role_name_zh="决策者", role_name_en="Boss",
        functions=frozenset({(module_of("customers"), "view")}), scopes={"customers": "all"},
    )  # fmt: skip
    engine = make_engine(empty_db_url)
    try:
        with engine.connect() as connection:
            with pytest.raises(DBAPIError) as raised:
                listing.first_page(connection, ListQuery(customer_spec()), user, 10)
            assert "FROM customers" in str(raised.value.statement)
            connection.rollback()
            assert connection.exec_driver_sql("SELECT 1").scalar() == 1
    finally:
        engine.dispose()


def test_count_past_the_cap_is_an_estimate(list_boss: tuple[Any, CurrentUser]) -> None:
    factory, user = list_boss
    query = ListQuery(customer_spec())
    with factory() as session:
        exact = len(expected_ids(session, "id", False))
        assert listing.capped_count(session, query, user, 100) == listing.RowCount(101, False)
        assert listing.capped_count(session, query, user, exact) == listing.RowCount(exact, True)
        counted = listing.count_rows(session, query, user, 100)
        estimate = listing.estimated_count(session, query, user)
    assert not counted.exact and counted.value >= 101
    if world_is_postgresql(factory):
        assert estimate is not None and estimate > 0
    else:
        assert estimate is None


def world_is_postgresql(factory: Any) -> bool:
    return bool(factory.kw["bind"].dialect.name == "postgresql")


def test_recycle_bin_lists_only_deleted_rows(list_boss: tuple[Any, CurrentUser]) -> None:
    factory, user = list_boss
    with factory() as session:
        deleted = set(session.scalars(select(Customer.id).where(Customer.deleted_at.is_not(None))))
        query = ListQuery(customer_spec(recycle_bin=True), sort_key="id")
        assert deleted and set(walk_forward(session, query, user, 100)) == deleted
        live = ListQuery(customer_spec(), sort_key="id")
        assert listing.fetch_row(session, live, user, min(deleted)) is None


def test_unknown_columns_and_operators_are_refused() -> None:
    spec = customer_spec()
    with pytest.raises(KeyError):
        ListQuery(spec, sort_key="nope")
    with pytest.raises(KeyError):
        ListQuery(spec, filters=(Filter("nope", "equals", 1),))
    with pytest.raises(ValueError, match="operator"):
        Filter("name", "like", "x")  # type: ignore[arg-type]


def test_labels_come_from_the_model() -> None:
    spec = customer_spec()
    assert [column.label("zh_CN") for column in spec.columns[:3]] == [
        "客户名称",
        "行业",
        "注册资本(元)",
    ]
    assert spec.column("industry").label("en") == "Industry"
    assert spec.column("name").sort_by is not spec.column("name").expression


def test_values_are_formatted_per_kind() -> None:
    formats = Formats(date="%d.%m.%Y", datetime="%Y-%m-%d %H:%M", timezone=dt.UTC)
    assert listing.format_money(Decimal("1234567.5"), formats) == "1,234,567.50"
    assert listing.format_money(Decimal("-0.005"), formats) == "-0.01"
    assert listing.format_money(None, formats) == ""
    assert listing.format_date(dt.date(2026, 3, 9), formats) == "09.03.2026"
    assert (
        listing.format_date(dt.date(2026, 3, 9), Formats(date="%Y年%m月%d日")) == "2026年03月09日"
    )
    assert listing.format_date(dt.date(2026, 3, 9), Formats(date="%d/%j {x}")) == "09/068 {x}"
    moment = dt.datetime(2026, 3, 9, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert listing.format_datetime(moment, formats) == "2026-03-09 15:30"
    assert listing.format_bool(True, Formats.for_language("en")) == "Yes"
    assert listing.format_bool(False, Formats.for_language("zh_CN")) == "否"
    assert listing.format_int(1234, formats) == "1234"
