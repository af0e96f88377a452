"""Helpers for the customer archive's tests: valid credit codes, type ids, and customers
entered through the real services as a given user of tests/security_world.py."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from app import customers
from app.access import CurrentUser
from app.customers import SavedCustomer
from app.identifiers import credit_code_check_char
from db.engine import make_engine, make_session_factory
from db.models.lookups import CustomerType
from tests.acting_users import acting
from tests.security_world import World


def credit_code(number: int) -> str:
    """A valid unified social credit code, different for each number."""
    first17 = f"91110108MA{number:07d}"
    return first17 + credit_code_check_char(first17)


@lru_cache
def type_id(url: URL, code: str) -> int:
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            return session.scalars(select(CustomerType.id).where(CustomerType.code == code)).one()
    finally:
        engine.dispose()


def customer_values(world: World, name: str, **more: Any) -> dict[str, Any]:
    return {"name": name, "customer_type_id": type_id(world.url, "target"), **more}


@contextmanager
def session_as(world: World, username: str) -> Iterator[tuple[Session, CurrentUser]]:
    """One transaction as `username` (through their own login role on PostgreSQL)."""
    with acting(world, username) as (factory, user), factory.begin() as session:
        yield session, user


def add_customer(world: World, username: str, name: str, **more: Any) -> int:
    """A customer entered by `username`, duplicates accepted."""
    with session_as(world, username) as (session, user):
        saved = customers.create_customer(
            session, user, customer_values(world, name, **more), accept_warnings=True
        )
        assert isinstance(saved, SavedCustomer)
        return saved.record.id
