"""Test databases, shared by the fixtures (tests/conftest.py) and by tests that need a
database of their own: clones of the migrated template, and their cleanup (roles included,
since PostgreSQL roles are cluster-wide)."""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import URL, make_url

from db.security import role_names

PG_ENV_VAR = "MEDIACRM_TEST_PG"
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/postgres"
RUN_ID = f"{os.getpid()}"
_database_numbers = itertools.count(1)


def database_number() -> int:
    """A number for a test database or role, unique within this test run."""
    return next(_database_numbers)


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


def postgres_problem() -> str | None:
    """Why the test PostgreSQL server does not answer, or None when it does."""
    try:
        with pg_connect():
            return None
    except psycopg.OperationalError as exc:
        return str(exc).strip().splitlines()[0]


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


@contextmanager
def fresh_database(backend: str, request: pytest.FixtureRequest, directory: Path) -> Iterator[URL]:
    """A fresh, migrated database of `backend`, cloned from the session's template."""
    if backend == "sqlite":
        template = request.getfixturevalue("_sqlite_template")
        path = directory / "mediacrm.db"
        shutil.copyfile(template, path)
        yield URL.create("sqlite", database=str(path))
        return
    template = request.getfixturevalue("_pg_template")
    name = f"mediacrm_test_{RUN_ID}_{database_number()}"
    create_pg_database(name, template=template)
    try:
        yield pg_admin_url().set(database=name)
    finally:
        drop_pg_database(name)
