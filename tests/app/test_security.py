"""Each user sees exactly what their role's scope allows — through the program's services on
both databases, and on PostgreSQL also through a plain connection with their own credentials,
where the database itself refuses everything the program would not do."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from app import audit
from app.access import visible_rows
from app.auth import LoggedIn
from app.errors import PermissionDeniedError
from db.engine import make_engine, make_session_factory
from db.models.advertising import AdOrder
from db.models.customers import Contact, Customer
from db.models.work import Task
from db.security import role_names
from tests.databases import fresh_database
from tests.security_world import EXPECTED_OWNERS, PEOPLE, World, build_world, raw_names

TABLES = {"customers": Customer, "contacts": Contact, "ad_orders": AdOrder, "tasks": Task}


@pytest.fixture
def world(db_url: URL) -> World:
    """A world of its own, for tests that change it."""
    return build_world(db_url)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared_world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """One world per backend for the tests that only look (building one takes seconds)."""
    with fresh_database(request.param, request, tmp_path_factory.mktemp("world")) as url:
        yield build_world(url)


@pytest.fixture(scope="module")
def pg_world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """PostgreSQL's world: there the database itself enforces the rules."""
    with fresh_database("postgresql", request, tmp_path_factory.mktemp("pg")) as url:
        yield build_world(url)


@pytest.fixture
def as_staff_a(pg_world: World) -> Iterator[Engine]:
    engine = pg_world.engine_as("staff_a")
    yield engine
    engine.dispose()


def visible_through_services(logged_in: LoggedIn, table: str) -> set[str]:
    model = TABLES[table]
    with make_session_factory(logged_in.engine)() as session:
        rows = session.scalars(visible_rows(logged_in.user, model)).all()
    names = {
        getattr(row, "name", None) or getattr(row, "title", None) or row.order_no for row in rows
    }
    return {name.removeprefix("AD-").split(" ")[0] for name in names}


@pytest.mark.parametrize("username", sorted(PEOPLE))
def test_each_user_sees_exactly_their_scope_through_the_services(
    shared_world: World, username: str
) -> None:
    logged_in = shared_world.login(username)
    try:
        for table in TABLES:
            assert visible_through_services(logged_in, table) == EXPECTED_OWNERS[username], table
    finally:
        logged_in.close()


@pytest.mark.parametrize("username", sorted(PEOPLE))
def test_each_user_sees_exactly_their_scope_with_their_own_credentials(
    pg_world: World, username: str
) -> None:
    engine = pg_world.engine_as(username)
    try:
        for table in TABLES:
            assert raw_names(engine, table) == EXPECTED_OWNERS[username], table
    finally:
        engine.dispose()


def test_staff_cannot_read_or_change_another_departments_customer_by_id(
    pg_world: World, as_staff_a: Engine
) -> None:
    other = pg_world.customer_of["staff_b"]
    with as_staff_a.begin() as connection:
        assert (
            connection.execute(
                text("SELECT count(*) FROM customers WHERE id = :id"), {"id": other}
            ).scalar()
            == 0
        )
        changed = connection.execute(
            text("UPDATE customers SET phone = '1', version = version + 1 WHERE id = :id"),
            {"id": other},
        )
        assert changed.rowcount == 0


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE users SET role_id = (SELECT id FROM roles WHERE key = 'admin'), "
        "version = version + 1 WHERE username = 'staff_a'",
        "INSERT INTO role_function_permissions (role_id, module, action) "
        "SELECT role_id, 'security', 'admin' FROM users WHERE username = 'staff_a'",
        "UPDATE audit_log SET note = 'x'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "INSERT INTO audit_log (operation) VALUES ('LOGIN')",
        "UPDATE alembic_version SET version_num = '0001'",
        "DELETE FROM alembic_version",
        "SELECT password_hash FROM users",
        "SET ROLE {owner}",
        "SELECT mc_create_user('intruder', 'SCRAM-SHA-256$4096:x$y:z', 1, 1)",
        "SELECT mc_set_user_role('staff_a', 1)",
        "CREATE ROLE intruder LOGIN",
        # A user without the delete permission cannot delete, in any way.
        "DELETE FROM customers",
        "UPDATE customers SET deleted_at = now(), version = version + 1",
    ],
)
def test_staff_cannot_escape_their_permissions_with_raw_sql(
    pg_world: World, as_staff_a: Engine, statement: str
) -> None:
    sql = statement.replace("{owner}", role_names(pg_world.url.database or "").owner)
    with pytest.raises(DBAPIError) as caught, as_staff_a.begin() as connection:
        connection.execute(text(sql))
    assert getattr(caught.value.orig, "sqlstate", "") in {"42501", "0LP01", "42P01", "22023"}


def test_session_settings_do_not_widen_what_staff_sees(as_staff_a: Engine) -> None:
    with as_staff_a.begin() as connection:
        connection.execute(text("SET app.user_id = '1'"))
        connection.execute(text("SET mediacrm.username = 'admin'"))
        names = connection.execute(text("SELECT name FROM customers")).scalars().all()
    assert {name.split(" ")[0] for name in names} == {"staff_a"}


def test_set_role_to_the_group_role_gains_nothing(pg_world: World, as_staff_a: Engine) -> None:
    group = role_names(pg_world.url.database or "").users
    with pytest.raises(DBAPIError) as caught, as_staff_a.begin() as connection:
        connection.execute(text(f'SET ROLE "{group}"'))
        connection.execute(text("SELECT name FROM customers"))
    assert getattr(caught.value.orig, "sqlstate", "") == "42501"


def test_every_table_has_forced_row_level_security_and_no_user_role_is_privileged(
    pg_world: World,
) -> None:
    engine = pg_world.engine_as("admin")
    prefix = role_names(pg_world.url.database or "").prefix
    try:
        with engine.connect() as connection:
            unprotected = (
                connection.execute(
                    text(
                        "SELECT relname FROM pg_class c "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = 'public' AND c.relkind = 'r' "
                        "AND relname <> 'alembic_version' "
                        "AND NOT (c.relrowsecurity AND c.relforcerowsecurity)"
                    )
                )
                .scalars()
                .all()
            )
            privileged = (
                connection.execute(
                    text(
                        "SELECT rolname FROM pg_roles WHERE starts_with(rolname, :prefix) "
                        "AND (rolsuper OR rolbypassrls)"
                    ),
                    {"prefix": prefix},
                )
                .scalars()
                .all()
            )
            owners = set(
                connection.execute(
                    text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
                ).scalars()
            )
    finally:
        engine.dispose()
    assert unprotected == []
    assert privileged == []
    assert owners == {f"{prefix}owner"}


@pytest.mark.parametrize("backend", ["postgresql"])
def test_changes_are_audited_with_the_right_user_and_values(world: World) -> None:
    pg_world = world
    staff = pg_world.login("staff_a")
    customer_id = pg_world.customer_of["staff_a"]
    try:
        with make_session_factory(staff.engine).begin() as session:
            customer = session.get(Customer, customer_id)
            assert customer is not None
            customer.phone = "0571-88001122"
        with make_session_factory(staff.engine).begin() as session:
            customer = session.get(Customer, customer_id)
            assert customer is not None
            customer.phone = "0571-88003344"
    finally:
        staff.close()
    admin = pg_world.login("admin")
    try:
        with make_session_factory(admin.engine)() as session:
            entries = audit.history(session, admin.user, "customers", customer_id)
            updates = [entry for entry in entries if entry.operation == "UPDATE"]
            assert [e.user_id for e in updates] == [pg_world.user_id_of["staff_a"]] * 2
            assert ("phone", None, "0571-88001122") in updates[0].changes()
            between = updates[1].occurred_at - dt.timedelta(microseconds=1)
            as_then = audit.record_as_of(session, admin.user, "customers", customer_id, between)
            assert as_then is not None and as_then["phone"] == "0571-88001122"
            sessions = audit.search(
                session, admin.user, audit.AuditFilter(operations=("LOGIN", "LOGOUT"))
            )
            assert {entry.operation for entry in sessions} == {"LOGIN", "LOGOUT"}
    finally:
        admin.close()


def test_changes_are_audited_on_both_databases(world: World) -> None:
    staff = world.login("staff_a")
    customer_id = world.customer_of["staff_a"]
    try:
        with make_session_factory(staff.engine).begin() as session:
            customer = session.get(Customer, customer_id)
            assert customer is not None
            customer.registered_capital = customer.registered_capital or 0
            customer.phone = "010-66001122"
    finally:
        staff.close()
    admin = world.login("admin")
    try:
        with make_session_factory(admin.engine)() as session:
            updates = [
                entry
                for entry in audit.history(session, admin.user, "customers", customer_id)
                if entry.operation == "UPDATE"
            ]
            assert updates and updates[-1].user_id == world.user_id_of["staff_a"]
            assert ("phone", None, "010-66001122") in updates[-1].changes()
    finally:
        admin.close()


def test_staff_may_not_review_the_audit_trail(world: World) -> None:
    staff = world.login("staff_a")
    try:
        with make_session_factory(staff.engine)() as session, pytest.raises(PermissionDeniedError):
            audit.search(session, staff.user, audit.AuditFilter())
    finally:
        staff.close()


def test_a_record_loaded_without_an_insert_entry_is_rebuilt_from_its_first_change(
    world: World,
) -> None:
    """Bulk-loaded records (demo data) have no INSERT in the trail; as of a time before their
    first logged change they stood as that change's before image."""
    customer_id = world.customer_of["staff_b"]
    owner_engine = make_engine(world.url)  # as a bulk load would: the trail has no INSERT
    with owner_engine.begin() as connection:
        connection.execute(
            text("DELETE FROM audit_log WHERE table_name = 'customers' AND record_id = :id"),
            {"id": customer_id},
        )
    owner_engine.dispose()
    before_any_change = dt.datetime.now(dt.UTC)
    admin = world.login("admin")
    try:
        with make_session_factory(admin.engine).begin() as session:
            customer = session.get(Customer, customer_id)
            assert customer is not None
            customer.phone = "020-12345678"
        with make_session_factory(admin.engine)() as session:
            then = audit.record_as_of(
                session, admin.user, "customers", customer_id, before_any_change
            )
            now = audit.record_as_of(
                session, admin.user, "customers", customer_id, dt.datetime.now(dt.UTC)
            )
        assert then is not None and then["phone"] is None
        assert now is not None and now["phone"] == "020-12345678"
    finally:
        admin.close()
