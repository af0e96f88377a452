"""`mediacrm search TEXT`: the JSON list, the limit, the plain lines, and whose permissions
hold — the URL's user on PostgreSQL, full rights on SQLite's own file."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import URL

from app import cli
from tests.databases import fresh_database
from tests.security_world import PASSWORD, PEOPLE, World, build_world

pytestmark = pytest.mark.usefixtures("private_folders")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """The six people of tests/security_world.py, each with a customer and a contact."""
    with fresh_database(request.param, request, tmp_path_factory.mktemp("search")) as url:
        yield build_world(url)


def run(url: URL, *args: str) -> int:
    text = url.render_as_string(hide_password=False)
    return cli.main(["--db", text, "--lang", "en", "search", *args])


def url_of(world: World, username: str) -> URL:
    """The user's own login on PostgreSQL; SQLite's file has no users of its own."""
    return world.login_url(username).set(password=PASSWORD) if world.is_postgresql else world.url


def searched(
    world: World, capsys: pytest.CaptureFixture[str], username: str, *args: str
) -> list[dict[str, object]]:
    assert run(url_of(world, username), *args, "--json") == cli.EXIT_OK
    return json.loads(capsys.readouterr().out)


def test_json_hits_of_customers_and_contacts_as_the_urls_user(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    hits = searched(world, capsys, "staff_a", "staff_a")
    # staff_a1's records start the same: theirs to see only where the command line sees all.
    assert len(hits) == (2 if world.is_postgresql else 4)
    assert hits[:2] == [
        {
            "kind": "customer",
            "id": world.customer_of["staff_a"],
            "name": "staff_a 的客户有限公司",
            "field": "name",
        },
        {"kind": "contact", "id": hits[1]["id"], "name": "staff_a 联系人", "field": "name"},
    ]
    others = {hit["name"] for hit in searched(world, capsys, "staff_b", "的客户")}
    if world.is_postgresql:
        assert others == {"staff_b 的客户有限公司"}  # staff B's own only
    else:
        assert len(others) == len(PEOPLE)  # the file's owner sees everything


def test_nothing_found_is_an_empty_list_and_exit_0(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert searched(world, capsys, "boss", "不存在的名字") == []
    assert searched(world, capsys, "boss", "'; DROP TABLE customers; --") == []


def test_the_limit_and_the_default_of_20(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    assert len(searched(world, capsys, "boss", "kehu", "--limit", "2")) == 2
    assert len(searched(world, capsys, "boss", "kehu")) == len(PEOPLE)
    with pytest.raises(SystemExit) as refused:
        run(world.url, "x", "--limit", "0")
    assert refused.value.code == cli.EXIT_USAGE


def test_plain_lines_name_the_kind_id_name_field_and_a_contacts_company(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(url_of(world, "boss"), "staff_a 联系人") == cli.EXIT_OK
    (line,) = capsys.readouterr().out.splitlines()
    kind, _id, name, field, company = line.split("\t")
    assert (kind, name, field, company) == (
        "contact",
        "staff_a 联系人",
        "name",
        "staff_a 的客户有限公司",
    )
