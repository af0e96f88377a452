"""The database itself refuses bad data, on both back ends: duplicates, dangling references,
negative amounts and stale versions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.engine import make_session_factory
from db.models.advertising import AdOrder, Payment
from db.models.customers import Contact, Customer
from db.models.lookups import CustomerType


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with make_session_factory(engine)() as session:
        yield session


def existing_type_id(session: Session) -> int:
    return session.scalars(select(CustomerType.id).where(CustomerType.code == "target")).one()


def add_customer(
    session: Session, name: str = "杭州华夏文化传播有限公司", **values: object
) -> Customer:
    customer = Customer(name=name, customer_type_id=existing_type_id(session), **values)
    session.add(customer)
    session.commit()
    return customer


def test_the_same_credit_code_is_never_stored_twice(session: Session) -> None:
    add_customer(session, credit_code="91330100MA27XY1234")
    session.add(
        Customer(
            name="另一家公司",
            customer_type_id=existing_type_id(session),
            credit_code="91330100MA27XY1234",
        )
    )
    with pytest.raises(IntegrityError):
        session.commit()


def test_a_deleted_customer_still_holds_its_credit_code(session: Session) -> None:
    first = add_customer(session, credit_code="91330100MA27XY1234")
    first.deleted_at = dt.datetime.now(dt.UTC)
    session.commit()
    session.add(
        Customer(
            name="新公司", customer_type_id=existing_type_id(session), credit_code=first.credit_code
        )
    )
    with pytest.raises(IntegrityError):
        session.commit()


def test_a_contact_of_a_customer_that_does_not_exist_is_refused(session: Session) -> None:
    session.add(Contact(customer_id=987654, name="张伟"))
    with pytest.raises(IntegrityError):
        session.commit()


def test_an_unknown_customer_type_is_refused(session: Session) -> None:
    session.add(Customer(name="某公司", customer_type_id=987654))
    with pytest.raises(IntegrityError):
        session.commit()


def test_a_negative_payment_is_refused(session: Session) -> None:
    customer = add_customer(session)
    order = AdOrder(
        order_no="AD-2026-0001", customer_id=customer.id, order_date=dt.date(2026, 11, 1)
    )
    session.add(order)
    session.commit()
    session.add(
        Payment(
            order_id=order.id,
            customer_id=customer.id,
            received_on=dt.date(2026, 11, 2),
            amount=Decimal("-100.00"),
        )
    )
    with pytest.raises(IntegrityError):
        session.commit()


def test_an_empty_customer_name_is_refused(session: Session) -> None:
    session.add(Customer(name="   ", customer_type_id=existing_type_id(session)))
    with pytest.raises(IntegrityError):
        session.commit()


def test_money_round_trips_exactly(session: Session) -> None:
    customer = add_customer(session, registered_capital=Decimal("123456789012.35"))
    session.expire_all()
    stored = session.get(Customer, customer.id)
    assert stored is not None
    assert stored.registered_capital == Decimal("123456789012.35")


def test_timestamps_come_back_aware_in_utc(session: Session) -> None:
    customer = add_customer(session)
    session.expire_all()
    stored = session.get(Customer, customer.id)
    assert stored is not None
    assert stored.created_at.utcoffset() == dt.timedelta(0)


def test_a_stale_save_through_the_program_is_refused(engine: Engine) -> None:
    factory = make_session_factory(engine)
    with factory() as first:
        customer_id = add_customer(first).id
    with factory() as alice, factory() as bob:
        alice_copy = alice.get(Customer, customer_id)
        bob_copy = bob.get(Customer, customer_id)
        assert alice_copy is not None and bob_copy is not None
        alice_copy.phone = "0571-87001234"
        alice.commit()
        bob_copy.phone = "0571-87009999"
        with pytest.raises(StaleDataError):
            bob.commit()
    with factory() as check:
        stored = check.get(Customer, customer_id)
        assert stored is not None
        assert (stored.phone, stored.version) == ("0571-87001234", 2)


def test_an_update_that_does_not_move_the_version_on_is_refused_by_the_database(
    engine: Engine,
) -> None:
    factory = make_session_factory(engine)
    with factory() as session:
        customer_id = add_customer(session).id
    with engine.connect() as connection, pytest.raises(DBAPIError, match="stale version"):
        connection.execute(
            update(Customer.__table__)
            .where(Customer.__table__.c.id == customer_id)
            .values(phone="1")
        )
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE customers SET phone = :phone, version = version + 1 WHERE id = :id"),
            {"phone": "0571-88886666", "id": customer_id},
        )
        assert (
            connection.execute(
                text("SELECT version FROM customers WHERE id = :id"), {"id": customer_id}
            ).scalar()
            == 2
        )
