"""`mediacrm search TEXT`: ranked hits as JSON or lines, `[]` and exit 0 for nothing, the
limit, and the URL's user (or --user) deciding what is found."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.engine import URL

from app import cli
from db.engine import make_engine
from db.models.customers import Contact
from tests.databases import fresh_database
from tests.security_world import PASSWORD, World, build_world

pytestmark = pytest.mark.usefixtures("private_folders")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """Every user of tests/security_world.py with a customer and a contact of their own."""
    with fresh_database(request.param, request, tmp_path_factory.mktemp("cli_search")) as url:
        yield build_world(url)


def run(url: URL, *args: str) -> int:
    return cli.main(
        ["--db", url.render_as_string(hide_password=False), "--lang", "en", "search", *args]
    )


def test_json_lists_the_ranked_hits_with_their_kind_id_name_and_field(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(world.url, "staff_a1", "--json") == cli.EXIT_OK
    # Both start with the query; then by pinyin ("staffa1dekehu…" < "staffa1lianxiren").
    assert json.loads(capsys.readouterr().out) == [
        {
            "kind": "customer",
            "id": world.customer_of["staff_a1"],
            "name": "staff_a1 的客户有限公司",
            "field": "name",
        },
        {
            "kind": "contact",
            "id": contact_id(world, "staff_a1 联系人"),
            "name": "staff_a1 联系人",
            "field": "name",
        },
    ]


def contact_id(world: World, name: str) -> int:
    engine = make_engine(world.url)
    try:
        with engine.connect() as connection:
            return int(connection.scalar(select(Contact.id).where(Contact.name == name)))
    finally:
        engine.dispose()


def test_nothing_found_prints_an_empty_list_and_exits_0(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(world.url, "不存在的名字", "--json") == cli.EXIT_OK
    assert capsys.readouterr().out.strip() == "[]"
    assert run(world.url, "%' OR 1=1 --", "--json") == cli.EXIT_OK
    assert json.loads(capsys.readouterr().out) == []


def test_the_limit_defaults_to_20_and_can_be_set(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(world.url, "kehu", "--json", "--limit", "2") == cli.EXIT_OK
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert run(world.url, "kehu", "--json") == cli.EXIT_OK
    assert len(json.loads(capsys.readouterr().out)) == len(world.customer_of)  # under 20


def test_lines_name_kind_id_name_field_and_what_matched(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(world.url, "admin 的客户", "--limit", "1") == cli.EXIT_OK
    line = capsys.readouterr().out.rstrip("\n")
    customer = world.customer_of["admin"]
    assert line.split("\t") == [
        "customer",
        str(customer),
        "admin 的客户有限公司",
        "name",
        "admin 的客户有限公司",
    ]


def test_the_urls_user_finds_only_what_they_may_open(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    if world.is_postgresql:
        url, extra = world.login_url("staff_b").set(password=PASSWORD), ()
    else:
        url, extra = world.url, ("--user", "staff_b")
    assert run(url, "的客户", "--json", *extra) == cli.EXIT_OK
    assert [hit["name"] for hit in json.loads(capsys.readouterr().out)] == [
        "staff_b 的客户有限公司"
    ]
    assert run(url, "head_a", "--json", *extra) == cli.EXIT_OK
    assert json.loads(capsys.readouterr().out) == []


def test_an_unknown_user_is_a_usage_error(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(world.url, "的客户", "--user", "nobody") == cli.EXIT_USAGE
    assert "nobody" in capsys.readouterr().err
