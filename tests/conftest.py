"""Test databases: every test that asks for `db_url` runs once on SQLite and once on PostgreSQL.

The schema is migrated once per session into a template (a SQLite file, a PostgreSQL
template database); each test gets a fresh copy. With CI=true a PostgreSQL server that does
not answer fails the run instead of skipping it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail
from memory_keyring import keyring_backend
from psycopg import sql
from sqlalchemy import Engine
from sqlalchemy.engine import URL

from app import config, schema
from app.access import CurrentUser
from app.auth import LoggedIn
from db.engine import make_engine
from tests.acting_users import acting, small_office
from tests.databases import (
    PG_ENV_VAR,
    RUN_ID,
    create_pg_database,
    database_number,
    drop_pg_database,
    fresh_database,
    pg_admin_url,
    pg_connect,
    postgres_problem,
)
from tests.list_world import build_list_world
from tests.security_world import World


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[str]:
    problem = postgres_problem()
    if problem is not None:
        message = f"PostgreSQL at {PG_ENV_VAR} does not answer: {problem}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    name = f"mediacrm_tmpl_{RUN_ID}"
    create_pg_database(name)
    engine = make_engine(pg_admin_url().set(database=name))
    schema.upgrade(engine)
    engine.dispose()
    with pg_connect() as conn:
        conn.execute(
            sql.SQL("ALTER DATABASE {} WITH IS_TEMPLATE true").format(sql.Identifier(name))
        )
    yield name
    with pg_connect() as conn:
        conn.execute(
            sql.SQL("ALTER DATABASE {} WITH IS_TEMPLATE false").format(sql.Identifier(name))
        )
    drop_pg_database(name)


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(URL.create("sqlite", database=str(path)))
    schema.upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[URL]:
    """A fresh, migrated database of the test's backend."""
    with fresh_database(backend, request, tmp_path) as url:
        yield url


@pytest.fixture
def pg_server_url(_pg_template: str) -> URL:
    """The test PostgreSQL server's maintenance database (skips, or fails in CI, if down)."""
    return pg_admin_url()


@pytest.fixture
def throwaway_login_role(pg_server_url: URL) -> Iterator[str]:
    """A PostgreSQL login role with no privileges, dropped after the test (roles are
    cluster-wide, so each test cleans up its own)."""
    role = f"mediacrm_test_nobody_{RUN_ID}_{database_number()}"
    with pg_connect() as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
    try:
        yield role
    finally:
        with pg_connect() as conn:
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


@pytest.fixture
def empty_db_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[URL]:
    """A database of the test's backend with no schema at all."""
    if backend == "sqlite":
        yield URL.create("sqlite", database=str(tmp_path / "empty.db"))
        return
    request.getfixturevalue("_pg_template")  # skips or fails when PostgreSQL is down
    name = f"mediacrm_empty_{RUN_ID}_{database_number()}"
    create_pg_database(name)
    try:
        yield pg_admin_url().set(database=name)
    finally:
        drop_pg_database(name)


@pytest.fixture
def engine(db_url: URL) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The program's settings and data folders inside the test's own directory, and no
    database named by the environment (`pytest.mark.usefixtures("private_folders")`)."""
    monkeypatch.setenv(config.CONFIG_DIR_ENV_VAR, str(tmp_path / "config"))
    monkeypatch.setenv(config.DATA_DIR_ENV_VAR, str(tmp_path / "data"))
    monkeypatch.delenv(config.DB_ENV_VAR, raising=False)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """A keyring that refuses everything: tests never touch the computer's own keyring."""
    with keyring_backend(fail.Keyring()):
        yield


@pytest.fixture
def world(db_url: URL) -> World:
    """The small office of tests/acting_users.py; a module that needs another world defines
    its own `world`."""
    return small_office(db_url)


@pytest.fixture
def admin(world: World) -> Iterator[LoggedIn]:
    """The world's administrator, logged in."""
    logged_in = world.login("admin")
    yield logged_in
    logged_in.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def list_world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """One list world (tests/list_world.py) per backend and module; the tests only read it."""
    with fresh_database(request.param, request, tmp_path_factory.mktemp("list")) as url:
        yield build_list_world(url)


@pytest.fixture(scope="module")
def list_boss(list_world: World) -> Iterator[tuple[Any, CurrentUser]]:
    """The list world's boss, who sees every customer."""
    with acting(list_world, "boss") as acting_as:
        yield acting_as
