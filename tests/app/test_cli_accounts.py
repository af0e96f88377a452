"""Departments and user accounts from the shell: `department`, `user`, `db init-admin`."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy.engine import URL

from app import cli
from db import security
from db.engine import make_engine

PASSWORD = "Zhang-2026-pw"


pytestmark = pytest.mark.usefixtures("private_folders")


@pytest.fixture
def secured_url(db_url: URL) -> str:
    """The test database, with (on PostgreSQL) its own MediaCRM roles, as superuser URL."""
    if db_url.get_backend_name() == "postgresql":
        engine = make_engine(db_url)
        with engine.begin() as connection:
            security.install(connection)
        engine.dispose()
    return db_url.render_as_string(hide_password=False)


def run(monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.main(list(args))


def test_departments_are_added_under_their_parent_and_listed_as_a_tree(
    secured_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(monkeypatch, "--db", secured_url, "department", "add", "广告部") == 0
    assert (
        run(monkeypatch, "--db", secured_url, "department", "add", "广告一部", "--parent", "广告部")
        == 0
    )
    capsys.readouterr()
    assert run(monkeypatch, "--db", secured_url, "department", "list", "--json") == 0
    paths = [row["path"] for row in json.loads(capsys.readouterr().out)]
    assert paths == ["广告部", "广告部/广告一部"]


def test_adding_a_department_twice_is_refused(
    secured_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(monkeypatch, "--db", secured_url, "department", "add", "发行部") == 0
    assert run(monkeypatch, "--db", secured_url, "department", "add", "发行部") == cli.EXIT_PARTIAL
    assert "已存在" in capsys.readouterr().err


def test_user_lifecycle_from_the_shell(
    secured_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", secured_url)
    assert (
        run(monkeypatch, *db, "db", "init-admin", "boss", "--name", "总经理", stdin=PASSWORD) == 0
    )
    assert run(monkeypatch, *db, "department", "add", "广告部") == 0
    added = run(
        monkeypatch,
        *db,
        "user",
        "add",
        "zhang.san",
        "--role",
        "staff",
        "--department",
        "广告部",
        "--name",
        "张三",
        stdin=PASSWORD + "\n",
    )
    assert added == 0
    assert run(monkeypatch, *db, "user", "disable", "zhang.san") == 0
    assert run(monkeypatch, *db, "user", "reset-password", "zhang.san", stdin="New-pass-123\n") == 0
    capsys.readouterr()
    assert run(monkeypatch, *db, "user", "list", "--json") == 0
    listed = {row["username"]: row for row in json.loads(capsys.readouterr().out)}
    assert listed["boss"]["role"] == "admin" and listed["boss"]["name"] == "总经理"
    assert listed["zhang.san"]["name"] == "张三"
    assert listed["zhang.san"]["department"] == "广告部"
    assert listed["zhang.san"]["enabled"] is False


def test_init_admin_refuses_a_second_administrator_and_a_short_password(
    secured_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", secured_url)
    assert run(monkeypatch, *db, "db", "init-admin", "first", stdin="short") == cli.EXIT_PARTIAL
    assert "至少需要 8 个字符" in capsys.readouterr().err
    assert run(monkeypatch, *db, "db", "init-admin", "first", stdin=PASSWORD) == 0
    assert run(monkeypatch, *db, "db", "init-admin", "second", stdin=PASSWORD) == 3
    assert "已经存在管理员" in capsys.readouterr().err


@pytest.mark.parametrize(
    "username", ["Zhang", "ab", "1abc", "zhang'; DROP TABLE users;--", "x" * 40]
)
def test_bad_usernames_are_refused(
    secured_url: str, username: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(monkeypatch, "--db", secured_url, "department", "add", "广告部") == 0
    code = run(
        monkeypatch,
        "--db",
        secured_url,
        "user",
        "add",
        username,
        "--role",
        "staff",
        "--department",
        "广告部",
        stdin=PASSWORD,
    )
    assert code == cli.EXIT_PARTIAL


@pytest.mark.parametrize("backend", ["postgresql"])
def test_staff_acting_from_the_shell_cannot_create_users(
    secured_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", secured_url)
    assert run(monkeypatch, *db, "department", "add", "广告部") == 0
    assert (
        run(
            monkeypatch,
            *db,
            "user",
            "add",
            "li.si",
            "--role",
            "staff",
            "--department",
            "广告部",
            stdin=PASSWORD,
        )
        == 0
    )
    database = secured_url.rsplit("/", 1)[1]
    staff = secured_url.replace("postgres@", f"{security.role_names(database).login('li.si')}@")
    code = run(
        monkeypatch,
        "--db",
        staff,
        "user",
        "add",
        "wang.wu",
        "--role",
        "admin",
        "--department",
        "广告部",
        stdin=PASSWORD,
    )
    assert code == cli.EXIT_CONNECTION
    assert "权限" in capsys.readouterr().err
