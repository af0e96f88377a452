"""The migration chain builds exactly the models, on both databases, with the objects
autogenerate cannot see (version guards, the cyclic foreign keys)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, String, inspect, text
from sqlalchemy.engine import URL

import db.models  # noqa: F401 - registers every table
from app import schema
from db.base import Base, Label, made_here
from db.ddl import version_guard_name
from db.engine import make_engine

VERSIONED = sorted(table.name for table in Base.metadata.sorted_tables if "version" in table.c)


def test_upgrade_from_empty_matches_the_models(empty_db_url: URL) -> None:
    engine = make_engine(empty_db_url)
    try:
        assert schema.upgrade(engine).state == "current"
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={
                    "compare_type": True,
                    "compare_server_default": True,
                    "include_object": made_here(engine.dialect.name),
                },
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_upgrade_twice_changes_nothing(engine: Engine) -> None:
    before = schema.schema_status(engine)
    after = schema.upgrade(engine)
    assert before == after
    assert after.state == "current"
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM customer_types")).scalar() == 6


def test_every_versioned_table_has_its_version_guard(engine: Engine) -> None:
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            rows = connection.execute(
                text(
                    "SELECT c.relname, t.tgname FROM pg_trigger t "
                    "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal"
                )
            )
        else:
            rows = connection.execute(
                text("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
            )
        triggers = {(table, name) for table, name in rows}
    assert {(table, version_guard_name(table)) for table in VERSIONED} <= triggers


def test_rows_name_their_users_through_foreign_keys_on_both_databases(engine: Engine) -> None:
    foreign_keys = inspect(engine).get_foreign_keys("customers")
    by_column = {tuple(fk["constrained_columns"]): fk["referred_table"] for fk in foreign_keys}
    assert by_column[("created_by_id",)] == "users"
    assert by_column[("deleted_by_id",)] == "users"
    departments = inspect(engine).get_foreign_keys("departments")
    assert any(fk["constrained_columns"] == ["manager_id"] for fk in departments)


def test_text_columns_have_the_collation_of_their_model_on_both_databases(engine: Engine) -> None:
    """Autogenerate does not see a collation that the database lacks: compared here."""
    expected, actual = {}, {}
    for table in Base.metadata.sorted_tables:
        for column in table.c:
            if isinstance(column.type, String):
                collation = column.type.dialect_impl(engine.dialect).collation
                expected[f"{table.name}.{column.name}"] = collation
        for column in inspect(engine).get_columns(table.name):
            if isinstance(column["type"], String):
                actual[f"{table.name}.{column['name']}"] = column["type"].collation
    assert actual == expected
    if engine.dialect.name == "postgresql":
        assert expected["contacts.email"] == "C"


def test_every_table_and_column_has_both_labels() -> None:
    unlabeled = []
    for table in Base.metadata.sorted_tables:
        labels = [table.info.get("label")] + [column.info.get("label") for column in table.c]
        names = [table.name] + [f"{table.name}.{column.name}" for column in table.c]
        for name, label in zip(names, labels, strict=True):
            if not (isinstance(label, Label) and label.zh and label.en):
                unlabeled.append(name)
    assert unlabeled == []


def test_money_columns_are_exact_decimals_never_float() -> None:
    from sqlalchemy import Float

    floats = [
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        for column in table.c
        if isinstance(column.type, Float)
    ]
    assert floats == []
