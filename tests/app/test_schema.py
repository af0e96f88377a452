"""The program checks the schema version at connect and says what to do about it."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from alembic import command
from sqlalchemy import Engine, text
from sqlalchemy.engine import URL

from app import schema
from app.errors import DatabaseUnavailableError, SchemaVersionError
from db.engine import make_engine
from tests.databases import database_number, pg_connect

UPGRADE = "mediacrm --db URL db upgrade"


def set_revision(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :rev"), {"rev": revision})


@pytest.fixture
def older_engine(empty_db_url: URL) -> Iterator[Engine]:
    """A database as an older program left it: migrated only up to revision 0002."""
    engine = make_engine(empty_db_url)
    with engine.begin() as connection:
        config = schema.alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    yield engine
    engine.dispose()


def test_a_current_database_is_accepted(engine: Engine) -> None:
    status = schema.require_current_schema(engine, UPGRADE)
    assert status.state == "current"
    assert status.current == status.head == schema.head_revision()


def test_an_empty_database_names_the_command_that_sets_it_up(empty_db_url: URL) -> None:
    engine = make_engine(empty_db_url)
    try:
        with pytest.raises(SchemaVersionError) as caught:
            schema.require_current_schema(engine, UPGRADE)
    finally:
        engine.dispose()
    assert caught.value.code == "schema_empty"
    assert caught.value.params["command"] == UPGRADE


def test_an_older_schema_asks_for_the_administrator_and_the_exact_command(
    older_engine: Engine,
) -> None:
    with pytest.raises(SchemaVersionError) as caught:
        schema.require_current_schema(older_engine, UPGRADE)
    assert caught.value.code == "schema_behind"
    assert caught.value.params["command"] == UPGRADE


def test_a_newer_schema_is_refused_and_never_downgraded(engine: Engine) -> None:
    set_revision(engine, "9999_from_a_newer_program")
    with pytest.raises(SchemaVersionError) as caught:
        schema.require_current_schema(engine, UPGRADE)
    assert caught.value.code == "schema_ahead"
    with pytest.raises(SchemaVersionError):
        schema.upgrade(engine)
    assert schema.schema_status(engine).current == "9999_from_a_newer_program"


def test_status_reports_each_state(engine: Engine) -> None:
    assert schema.schema_status(engine).as_json() == {
        "current": schema.head_revision(),
        "head": schema.head_revision(),
        "state": "current",
    }


def test_an_older_database_is_brought_up_to_date(older_engine: Engine) -> None:
    assert schema.schema_status(older_engine).state == "behind"
    assert schema.upgrade(older_engine).state == "current"
    with older_engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM sales_stages")).scalar() == 8


@pytest.mark.parametrize("backend", ["postgresql"])
def test_two_upgrades_at_once_wait_for_each_other(empty_db_url: URL) -> None:
    """Two administrators upgrading at the same moment: the advisory lock serialises them,
    and the second finds the work done instead of failing half-way."""
    engines = [make_engine(empty_db_url) for _ in range(2)]
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            states = list(pool.map(lambda engine: schema.upgrade(engine).state, engines))
    finally:
        for engine in engines:
            engine.dispose()
    assert states == ["current", "current"]


def test_a_database_whose_characters_pg_trgm_cannot_read_is_refused_saying_why(
    pg_server_url: URL,
) -> None:
    """A database made with LC_CTYPE 'C': pg_trgm sees no letters in 华为, so the fuzzy
    query could find nothing Chinese. The check names the setting; a UTF-8 one passes."""
    name = f"mc_c_ctype_{database_number()}"
    with pg_connect() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
            "LC_COLLATE 'C' LC_CTYPE 'C'"
        )
    engine = make_engine(pg_server_url.set(database=name))
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE EXTENSION pg_trgm"))
            with pytest.raises(DatabaseUnavailableError) as refused:
                schema.require_trigram_locale(connection)
        assert (refused.value.code, refused.value.params) == ("search_needs_utf8", {"ctype": "C"})
    finally:
        engine.dispose()
        with pg_connect() as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_utf8_database_passes_the_trigram_check(engine: Engine) -> None:
    with engine.connect() as connection:
        schema.require_trigram_locale(connection)
