"""Test databases: every test that asks for `db_url` runs once on SQLite and once on PostgreSQL.

The schema is migrated once per session into a template (a SQLite file, a PostgreSQL
template database); each test gets a fresh copy. With CI=true a PostgreSQL server that does
not answer fails the run instead of skipping it.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import Engine
from sqlalchemy.engine import URL, make_url

from app import schema
from db.engine import make_engine
from db.security import role_names

PG_ENV_VAR = "MEDIACRM_TEST_PG"
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/postgres"
RUN_ID = f"{os.getpid()}"
_database_numbers = itertools.count(1)


def pg_admin_url() -> URL:
    return make_url(os.environ.get(PG_ENV_VAR, PG_DEFAULT)).set(drivername="postgresql+psycopg")


def pg_connect(database: str | None = None) -> psycopg.Connection:
    url = pg_admin_url()
    return psycopg.connect(
        host=url.host,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        dbname=database or url.database,
        autocommit=True,
        connect_timeout=5,
    )


def _postgres_answers() -> str | None:
    try:
        with pg_connect():
            return None
    except psycopg.OperationalError as exc:
        return str(exc).strip().splitlines()[0]


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[str]:
    problem = _postgres_answers()
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


def create_pg_database(name: str, template: str = "template0") -> None:
    """A UTF-8 database with a UTF-8 character class, as pg_trgm and Chinese text need."""
    with pg_connect() as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(
            sql.SQL(
                "CREATE DATABASE {} TEMPLATE {} ENCODING 'UTF8' "
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' STRATEGY FILE_COPY"
            ).format(sql.Identifier(name), sql.Identifier(template))
        )


def drop_pg_database(name: str) -> None:
    """Drop a test database and the cluster-wide roles MediaCRM made for it."""
    with pg_connect() as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        prefix = role_names(name).prefix
        roles = conn.execute(
            "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s) "
            "ORDER BY rolname = %s, rolname = %s",
            (prefix, f"{prefix}users", f"{prefix}owner"),
        ).fetchall()
        for (role,) in roles:
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


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
    if backend == "sqlite":
        template = request.getfixturevalue("_sqlite_template")
        path = tmp_path / "mediacrm.db"
        shutil.copyfile(template, path)
        yield URL.create("sqlite", database=str(path))
        return
    template = request.getfixturevalue("_pg_template")
    name = f"mediacrm_test_{RUN_ID}_{next(_database_numbers)}"
    create_pg_database(name, template=template)
    try:
        yield pg_admin_url().set(database=name)
    finally:
        drop_pg_database(name)


@pytest.fixture
def pg_server_url(_pg_template: str) -> URL:
    """The test PostgreSQL server's maintenance database (skips, or fails in CI, if down)."""
    return pg_admin_url()


@pytest.fixture
def throwaway_login_role(pg_server_url: URL) -> Iterator[str]:
    """A PostgreSQL login role with no privileges, dropped after the test (roles are
    cluster-wide, so each test cleans up its own)."""
    role = f"mediacrm_test_nobody_{RUN_ID}_{next(_database_numbers)}"
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
    name = f"mediacrm_empty_{RUN_ID}_{next(_database_numbers)}"
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
