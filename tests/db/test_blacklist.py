"""A blacklisted customer gets no new order or quotation, whoever writes: the database's
triggers refuse plain SQL on both databases, and on PostgreSQL a user's own login too, even
for a customer that row-level security hides from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import IntegrityError

from app.errors import ValidationError
from app.saving import flush
from db.engine import make_engine, make_session_factory
from db.models.advertising import AdOrder
from db.security import role_names
from tests.databases import fresh_database
from tests.security_world import World, build_world

ORDER = (
    "INSERT INTO ad_orders (order_no, customer_id, order_date, owner_id, department_id) "
    "VALUES (:no, :customer, '2026-11-30', :owner, :department)"
)
QUOTATION = (
    "INSERT INTO quotations (quote_no, customer_id, quote_date) VALUES (:no, :customer, "
    "'2026-11-30')"
)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """One world per backend (each test writes rows of its own), staff_a's customer
    blacklisted."""
    with fresh_database(request.param, request, tmp_path_factory.mktemp("blacklist")) as url:
        yield _blacklisted_world(url)


def _blacklisted_world(url: URL) -> World:
    world = build_world(url)
    with _admin(world) as connection:
        connection.execute(
            text(
                "UPDATE customers SET version = version + 1, blacklisted_reason = '拖欠广告款', "
                "customer_type_id = (SELECT id FROM customer_types WHERE code = 'blacklist') "
                "WHERE id = :id"
            ),
            {"id": world.customer_of["staff_a"]},
        )
    return world


@pytest.fixture
def admin_engine(world: World) -> Iterator[Engine]:
    engine = make_engine(world.url)
    yield engine
    engine.dispose()


@contextmanager
def _admin(world: World) -> Iterator[Connection]:
    """A transaction as the database's administrator (PostgreSQL's superuser)."""
    engine = make_engine(world.url)
    try:
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()


def _refused(engine: Engine, statement: str, **params: object) -> str:
    with pytest.raises(IntegrityError) as refused, engine.begin() as connection:
        connection.execute(text(statement), params)
    return str(refused.value.orig)


def test_plain_sql_cannot_insert_an_order_or_quotation_for_a_blacklisted_customer(
    world: World, admin_engine: Engine
) -> None:
    bad, good = world.customer_of["staff_a"], world.customer_of["staff_b"]
    order = {"owner": None, "department": None}
    assert "customer_blacklisted" in _refused(admin_engine, ORDER, no="BL-1", customer=bad, **order)
    assert "customer_blacklisted" in _refused(admin_engine, QUOTATION, no="BLQ-1", customer=bad)
    with admin_engine.begin() as connection:
        connection.execute(text(ORDER), {"no": "OK-1", "customer": good, **order})
        connection.execute(text(QUOTATION), {"no": "OKQ-1", "customer": good})


def test_an_order_cannot_move_to_a_blacklisted_customer_but_old_orders_stay_editable(
    world: World, admin_engine: Engine
) -> None:
    bad, good = world.customer_of["staff_a"], world.customer_of["staff_b"]
    move = "UPDATE ad_orders SET customer_id = :to, version = version + 1 WHERE order_no = :no"
    assert "customer_blacklisted" in _refused(admin_engine, move, to=bad, no="AD-staff_b")
    with admin_engine.begin() as connection:
        # The blacklisted customer's own order from before: its other columns still change.
        changed = connection.execute(
            text(
                "UPDATE ad_orders SET status = 'cancelled', customer_id = customer_id, "
                "version = version + 1 WHERE order_no = 'AD-staff_a'"
            )
        ).rowcount
        away = connection.execute(text(move), {"to": good, "no": "AD-staff_a"}).rowcount
    assert (changed, away) == (1, 1)


def test_a_user_cannot_order_for_a_blacklisted_customer_hidden_from_them(world: World) -> None:
    """On PostgreSQL staff_b's own login: the trigger reads the customer as the owner, so
    the row-level security that hides it from staff_b does not hide it from the rule."""
    if not world.is_postgresql:
        pytest.skip("login roles and row-level security are PostgreSQL's")
    engine = world.engine_as("staff_b")
    try:
        with engine.connect() as connection:
            seen = connection.execute(
                text("SELECT count(*) FROM customers WHERE id = :id"),
                {"id": world.customer_of["staff_a"]},
            ).scalar()
            me = connection.execute(text("SELECT mc_employee_id(), mc_department_id()")).one()
        assert seen == 0
        refused = _refused(
            engine,
            ORDER,
            no="BL-2",
            customer=world.customer_of["staff_a"],
            owner=me[0],
            department=me[1],
        )
    finally:
        engine.dispose()
    assert "customer_blacklisted" in refused


def test_the_refusal_reaches_the_program_as_a_validation_error(
    world: World, admin_engine: Engine
) -> None:
    with make_session_factory(admin_engine)() as session:
        customer = world.customer_of["staff_a"]
        session.add(AdOrder(order_no="BL-ORM", customer_id=customer, order_date=dt.date.today()))
        with pytest.raises(ValidationError) as refused:
            flush(session)
        session.rollback()
    assert refused.value.code == "check_failed"
    assert "customer_blacklisted" in refused.value.params["detail"]


def test_the_functions_that_read_every_customer_belong_to_the_owner_role(world: World) -> None:
    """SECURITY DEFINER functions run as their owner: the owner role (whose policies see every
    row), never the superuser who ran the migration; only MediaCRM's users may call them."""
    if not world.is_postgresql:
        pytest.skip("SECURITY DEFINER functions are PostgreSQL's")
    names = role_names(world.url.database or "")
    with _admin(world) as connection:
        rows = connection.execute(
            text(
                "SELECT p.proname, pg_get_userbyid(p.proowner), p.prosecdef, "
                "has_function_privilege(:users, p.oid, 'EXECUTE'), "
                "has_function_privilege('public', p.oid, 'EXECUTE') FROM pg_proc p "
                "WHERE p.proname IN ('mc_find_customer_duplicates', "
                "'mc_refuse_blacklisted_customer') ORDER BY p.proname"
            ),
            {"users": names.users},
        ).all()
    assert [tuple(row) for row in rows] == [
        ("mc_find_customer_duplicates", names.owner, True, True, False),
        ("mc_refuse_blacklisted_customer", names.owner, True, True, False),
    ]
