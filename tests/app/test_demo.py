"""The demo data generator: complete, consistent, deterministic, and refused on real data.

Every test runs on SQLite and on PostgreSQL (the `engine` fixture). The loads themselves
also prove the check constraints: a row breaking one would abort the load.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, inspect, select, text
from sqlalchemy.engine import URL

import db.models  # noqa: F401 - registers every table
from app import cli, demo, demo_activity, demo_customers, demo_sink, demo_words
from app.demo_names import PersonNames, pinyin_of
from app.errors import ValidationError
from app.identifiers import is_valid_credit_code, organisation_code_check_char
from db.base import Base
from db.customer_keys import customer_name_key
from db.engine import make_engine
from db.pinyin import SMALL_TABLES

CUSTOMERS = 120
MOBILE = re.compile(r"^1(3\d|5[0-35-9]|66|7[35-8]|8\d|9[1356789])\d{8}$")
LANDLINE = re.compile(r"^(0\d{2}-[2-8]\d{7}|0\d{3}-[2-8]\d{6,7})$")


@pytest.fixture
def loaded(engine: Engine) -> demo.DemoSummary:
    return demo.load_demo(engine, customers=CUSTOMERS, seed=7)


@pytest.fixture
def other_db_url(backend: str, request: pytest.FixtureRequest, tmp_path) -> Iterator[URL]:
    """A second fresh database of the test's backend, beside `engine`'s."""
    import shutil

    from tests.databases import create_pg_database, drop_pg_database, pg_admin_url

    if backend == "sqlite":
        path = tmp_path / "other.db"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        yield URL.create("sqlite", database=str(path))
        return
    name = f"{request.getfixturevalue('db_url').database}_other"
    create_pg_database(name, template=request.getfixturevalue("_pg_template"))
    try:
        yield pg_admin_url().set(database=name)
    finally:
        drop_pg_database(name)


def _count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(Base.metadata.tables[table])
        ).scalar_one()


def test_demo_fills_every_table_but_those_of_login_accounts(
    engine: Engine, loaded: demo.DemoSummary
) -> None:
    counts = {table.name: _count(engine, table.name) for table in Base.metadata.sorted_tables}
    assert counts["customers"] == loaded.customers == CUSTOMERS
    assert counts["contacts"] == loaded.contacts == 2 * CUSTOMERS
    assert {name for name, rows in counts.items() if rows == 0} == set(demo.TABLES_LEFT_EMPTY)
    for table, rows in loaded.rows.items():
        assert counts[table] >= rows, table  # reference tables held rows before


def test_every_foreign_key_finds_its_row(engine: Engine, loaded: demo.DemoSummary) -> None:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
            return
        for table in Base.metadata.sorted_tables:
            for key in table.foreign_key_constraints:
                (column,) = key.column_keys
                (element,) = key.elements
                parent = element.column.table.name
                orphans = connection.execute(
                    text(
                        f'SELECT count(*) FROM "{table.name}" c LEFT JOIN "{parent}" p'
                        f' ON p."{element.column.name}" = c."{column}"'
                        f' WHERE c."{column}" IS NOT NULL AND p."{element.column.name}" IS NULL'
                    )
                ).scalar_one()
                assert orphans == 0, f"{table.name}.{column} → {parent}"


def test_credit_codes_are_valid_unique_and_of_the_customers_city(
    engine: Engine, loaded: demo.DemoSummary
) -> None:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT c.credit_code, y.code FROM customers c JOIN cities y ON y.id = c.city_id")
        ).all()
    codes = [code for code, _ in rows]
    assert len(set(codes)) == len(codes) == CUSTOMERS
    for code, city in rows:
        assert is_valid_credit_code(code), code
        assert organisation_code_check_char(code[8:16]) == code[16], code
        assert code[2:8] == city


def test_names_numbers_and_addresses_look_real(engine: Engine, loaded: demo.DemoSummary) -> None:
    with engine.connect() as connection:
        customers = connection.execute(
            text(
                "SELECT c.name, c.name_pinyin, c.mnemonic, c.phone, c.postal_code, c.address,"
                " y.name_zh, y.area_code, y.postal_prefix FROM customers c"
                " JOIN cities y ON y.id = c.city_id"
            )
        ).all()
        contacts = connection.execute(text("SELECT name, name_pinyin, mobile FROM contacts")).all()
    for name, pinyin, mnemonic, phone, postal, address, city, area, prefix in customers:
        assert name.startswith(city) and name.endswith("公司")
        assert re.fullmatch(r"[a-z]+", pinyin) and re.fullmatch(r"[A-Z]+", mnemonic)
        assert LANDLINE.match(phone) and phone.startswith(area + "-")
        assert postal.startswith(prefix[:4]) and len(postal) == 6
        assert city in address
    for name, pinyin, mobile in contacts:
        assert 2 <= len(name) <= 4 and re.fullmatch(r"[a-z]+", pinyin)
        assert MOBILE.match(mobile), mobile


def test_every_row_has_the_keys_the_program_sorts_and_matches_by(
    engine: Engine, loaded: demo.DemoSummary
) -> None:
    """The bulk load bypasses the ORM listeners: it writes the pinyin and name keys itself."""
    with engine.connect() as connection:
        for name in SMALL_TABLES:
            table = Base.metadata.tables[name]
            missing = connection.execute(
                select(func.count()).select_from(table).where(table.c.name_pinyin.is_(None))
            ).scalar_one()
            assert missing == 0, name
        names = connection.execute(text("SELECT name, name_key FROM customers")).all()
    assert len(names) == CUSTOMERS
    assert all(key == customer_name_key(name) for name, key in names)


def test_surnames_read_as_surnames() -> None:
    people = PersonNames()
    for surname, reading in (("曾", "zeng"), ("单", "shan"), ("解", "xie"), ("仇", "qiu")):
        index = people.surnames.index(surname)
        name, pinyin, mnemonic = people.full(index, 0, 0)
        assert name.startswith(surname)
        assert pinyin.startswith(reading) and mnemonic.startswith(reading[0].upper())
    assert pinyin_of("重庆") == ("chongqing", "CQ")


def test_order_totals_are_their_lines_and_paid_amounts_their_payments(
    engine: Engine, loaded: demo.DemoSummary
) -> None:
    with engine.connect() as connection:
        wrong_totals = connection.execute(
            text(
                "SELECT count(*) FROM ad_orders o WHERE o.total_amount <>"
                " (SELECT coalesce(sum(l.amount), 0) FROM ad_order_lines l WHERE l.order_id = o.id)"
            )
        ).scalar_one()
        wrong_paid = connection.execute(
            text(
                "SELECT count(*) FROM ad_orders o WHERE o.paid_amount <>"
                " (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.order_id = o.id)"
            )
        ).scalar_one()
        quotations = connection.execute(
            text(
                "SELECT count(*) FROM quotations q WHERE q.subtotal <>"
                " (SELECT coalesce(sum(l.amount), 0) FROM quotation_lines l"
                " WHERE l.quotation_id = q.id) OR q.total <> q.subtotal - q.discount_amount"
            )
        ).scalar_one()
    assert (wrong_totals, wrong_paid, quotations) == (0, 0, 0)
    assert _count(engine, "ad_orders") > 0 and _count(engine, "payments") > 0


def test_bulk_load_is_one_audit_row(engine: Engine) -> None:
    audit_rows_before = _count(engine, "audit_log")
    demo.load_demo(engine, customers=CUSTOMERS, seed=7)
    assert _count(engine, "audit_log") == audit_rows_before + 1
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT operation, note FROM audit_log WHERE operation = 'BULK_LOAD'")
        ).all()
    assert len(rows) == 1
    counts = json.loads(rows[0].note.split(": ", 1)[1])
    assert counts["rows"]["customers"] == CUSTOMERS
    assert counts["demo"] == {"customers": CUSTOMERS, "seed": 7}


def test_sequences_continue_after_the_demo_rows(engine: Engine, loaded: demo.DemoSummary) -> None:
    with engine.begin() as connection:
        new_id = connection.execute(
            text("INSERT INTO departments (name, sort_order) VALUES ('新部门', 99) RETURNING id")
        ).scalar_one()
        highest = connection.execute(text("SELECT max(id) FROM departments WHERE name <> '新部门'"))
        assert new_id > highest.scalar_one()


def test_a_database_with_customers_is_refused(engine: Engine, loaded: demo.DemoSummary) -> None:
    with pytest.raises(ValidationError) as refused:
        demo.load_demo(engine, customers=5)
    assert refused.value.code == "database_not_empty"
    assert _count(engine, "customers") == CUSTOMERS


def test_same_seed_same_rows_in_parallel_or_not_and_another_seed_differs(
    engine: Engine, other_db_url: URL, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_customers, "CHUNK", 40)  # several chunks, so workers share them
    monkeypatch.setattr(demo_activity, "CHUNK", 40)
    demo.load_demo(engine, customers=100, seed=3, workers=1)
    pools = []
    real_context = demo.mp.get_context
    monkeypatch.setattr(
        demo.mp, "get_context", lambda method: pools.append(method) or real_context(method)
    )
    other = make_engine(other_db_url)
    try:
        demo.load_demo(other, customers=100, seed=3, workers=2)
        assert pools == ["fork", "fork"]  # customers and activity ran in forked workers
        assert _rows(engine, "customers") == _rows(other, "customers")
        assert _rows(engine, "ad_orders") == _rows(other, "ad_orders")
    finally:
        other.dispose()
    names = [row.name for row in _rows(engine, "customers")][:40]
    assert names == _generated_names(engine, seed=3)
    assert names != _generated_names(engine, seed=4)


def _rows(engine: Engine, table: str) -> list:
    with engine.connect() as connection:
        return list(connection.execute(text(f'SELECT * FROM "{table}" ORDER BY id')))


def _generated_names(engine: Engine, seed: int) -> list[str]:
    """The names of the first chunk of customers a seed makes (without writing them)."""
    from app.demo_master import World, organisation_batches, read_reference
    from app.demo_sink import Formats

    with engine.connect() as connection:
        world = World(100, seed, Formats(engine.dialect.name), read_reference(connection),
                      demo._id_bases(connection))  # fmt: skip
    list(organisation_batches(world))
    batches, _ = demo_customers.CustomerStage(world).run(0)
    (customers,) = [rows for table, _, rows in batches if table == "customers"]
    return [row[demo_customers.C_NAME] for row in customers]


def test_word_lists_need_no_escaping() -> None:
    for name in dir(demo_words):
        value = getattr(demo_words, name)
        if name.isupper():
            assert not re.search(r"[\t\n\\]", repr(value).replace("\\\\", "")), name


def test_cli_loads_demo_data(db_url: URL, engine: Engine) -> None:
    url = db_url.render_as_string(hide_password=False)
    assert cli.main(["--db", url, "demo", "--customers", "50"]) == 0
    assert _count(engine, "customers") == 50
    assert cli.main(["--db", url, "demo", "--customers", "50"]) == cli.EXIT_PARTIAL


def test_indexes_and_triggers_taken_off_for_the_load_are_all_back(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_sink, "BIG_TABLE_ROWS", 1)  # every table counts as big
    before = (_indexes(engine), _triggers(engine))
    demo.load_demo(engine, customers=30)
    assert (_indexes(engine), _triggers(engine)) == before


def _triggers(engine: Engine) -> list[tuple]:
    query = (
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        if engine.dialect.name == "sqlite"
        else "SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname"
    )
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(query))]


def _indexes(engine: Engine) -> dict[str, list[str]]:
    inspector = inspect(engine)
    return {
        table: sorted(index["name"] or "" for index in inspector.get_indexes(table))
        for table in inspector.get_table_names()
    }
