"""Acting as a MediaCRM user in tests: on PostgreSQL through the user's own login role (so
the database's grants and row-level security take part), on SQLite through the program's
engine with the user named for the audit trail."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from app.access import CurrentUser, load_current_user
from db.engine import make_engine, make_session_factory, set_acting_user
from db.models.org import Employee, User
from tests.security_world import World, build_world


def small_office(url: URL) -> World:
    """An administrator in B and a staff member in A, no business records: what tests need
    that do not look at customers (quicker than security_world's whole world)."""
    people = {"admin": ("admin", "B", "管理员"), "staff_a": ("staff", "A", "王小明")}
    return build_world(url, people, business=False)


@contextmanager
def acting(world: World, username: str) -> Iterator[tuple[sessionmaker[Session], CurrentUser]]:
    """Sessions through `username`'s own connection, and who they are."""
    engine = world.engine_as(username) if world.is_postgresql else make_engine(world.url)
    try:
        set_acting_user(engine, world.user_id_of[username], username)
        factory = make_session_factory(engine)
        with factory() as session:
            user = load_current_user(session, world.user_id_of[username])
        yield factory, user
    finally:
        engine.dispose()


def add_rows(world: World, *rows: object) -> None:
    """Rows written as the database owner would (test data, not what a user may do); each is
    flushed before the next, so a later row can use an earlier one's id."""
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine).begin() as session:
            for row in rows:
                session.add(row)
                session.flush()
    finally:
        engine.dispose()


def employee_of(world: World, username: str) -> tuple[int, int | None]:
    """The id of `username`'s employee and of their department (read as the database owner)."""
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine)() as session:
            row = session.execute(
                select(Employee.id, Employee.department_id)
                .join(User, User.employee_id == Employee.id)
                .where(User.username == username)
            ).one()
            return row.id, row.department_id
    finally:
        engine.dispose()
