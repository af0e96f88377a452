"""Logging in on PostgreSQL is connecting as the user's own login role, so the server checks
the password (SCRAM). The shared test server trusts local connections; these tests run on a
throw-away cluster of their own that checks passwords."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL, make_url

from app import auth, schema, users
from app.errors import DatabaseUnavailableError
from db.engine import make_engine, make_session_factory
from tests.scram_cluster import ClusterInfo, scram_cluster

DATABASE = "mediacrm_login"
PASSWORD = "Right-Passw0rd"
UPGRADE = "mediacrm db upgrade"


@pytest.fixture(scope="module")
def cluster() -> Iterator[ClusterInfo]:
    with scram_cluster() as info:
        with psycopg.connect(info.superuser_url(), autocommit=True) as connection:
            connection.execute(
                f"CREATE DATABASE {DATABASE} TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            )
        engine = make_engine(
            make_url(info.superuser_url(DATABASE)).set(drivername="postgresql+psycopg")
        )
        schema.upgrade(engine)
        auth.create_first_administrator(engine, "admin", PASSWORD, "管理员")
        with make_session_factory(engine).begin() as session:
            users.add_department(session, "广告部")
            users.add_user(session, "zhang.san", PASSWORD, "staff", "广告部", "张三")
            users.add_user(session, "li.si", PASSWORD, "staff", "广告部", "李四")
            users.set_user_enabled(session, "li.si", False)
        engine.dispose()
        yield info


@pytest.fixture
def server_url(cluster: ClusterInfo) -> URL:
    """Where the program connects: the server and database, no user of its own."""
    return URL.create("postgresql+psycopg", host=cluster.host, port=cluster.port, database=DATABASE)


def test_the_right_password_logs_in_as_the_user(server_url: URL) -> None:
    logged_in = auth.login(server_url, "zhang.san", PASSWORD, UPGRADE)
    try:
        assert logged_in.user.display_name == "张三"
        assert logged_in.user.role_key == "staff"
        assert logged_in.engine.url.username == "mc_mediacrm_login_zhang.san"
    finally:
        logged_in.close()


@pytest.mark.parametrize("username", ["zhang.san", "no.such.user"])
def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(
    server_url: URL, username: str
) -> None:
    with pytest.raises(DatabaseUnavailableError) as caught:
        auth.login(server_url, username, "Wrong-Passw0rd", UPGRADE)
    assert caught.value.code == "authentication_failed"


def test_a_disabled_user_is_refused_by_the_server(server_url: URL) -> None:
    with pytest.raises(DatabaseUnavailableError) as caught:
        auth.login(server_url, "li.si", PASSWORD, UPGRADE)
    assert caught.value.code == "account_disabled"


def test_a_changed_password_is_the_only_one_that_works(server_url: URL) -> None:
    admin = auth.login(server_url, "admin", PASSWORD, UPGRADE)
    try:
        auth.change_own_password(admin, PASSWORD, "Changed-Passw0rd")
        with admin.engine.connect() as fresh_connection:  # the session goes on working
            assert fresh_connection.execute(text("SELECT mc_user_id()")).scalar() is not None
    finally:
        admin.close()
    with pytest.raises(DatabaseUnavailableError):
        auth.login(server_url, "admin", PASSWORD, UPGRADE)
    again = auth.login(server_url, "admin", "Changed-Passw0rd", UPGRADE)
    again.close()


def test_the_server_never_saw_a_plain_password(cluster: ClusterInfo) -> None:
    with psycopg.connect(cluster.superuser_url(DATABASE)) as connection:
        stored = connection.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname LIKE 'mc_mediacrm_login_%' "
            "AND rolcanlogin IS NOT NULL AND rolpassword IS NOT NULL"
        ).fetchall()
    assert stored and all(value.startswith("SCRAM-SHA-256$4096:") for (value,) in stored)


def test_an_unreachable_server_says_so(cluster: ClusterInfo) -> None:
    url = URL.create("postgresql+psycopg", host="127.0.0.1", port=9, database=DATABASE)
    with pytest.raises(DatabaseUnavailableError) as caught:
        auth.login(url, "zhang.san", PASSWORD, UPGRADE)
    assert caught.value.code == "cannot_connect"
    assert "127.0.0.1:9" in caught.value.params["target"]
