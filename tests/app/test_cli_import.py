"""`mediacrm import customers`: the JSON summary, the exit codes (0 all imported, 1 rows
rejected, 2 bad usage or file, 3 no connection, 4 schema), the owner on each database."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import URL

from app import cli
from app.customer_import import Mapping, auto_mapping
from db.engine import make_engine
from db.models.customers import Contact, Customer
from tests.security_world import PASSWORD, World

ROWS = [
    ["公司名称", "联系人", "手机", "联系人2", "手机2", "邮箱"],
    ["北京星辰传媒有限公司", "张伟", "13800138000", "李娜", "13900139000", "INFO@xc.cn"],
    ["上海东方广告有限公司", "王芳", "12345", "", "", ""],
    ["北京星辰传媒有限责任公司", "", "", "", "", ""],
]


pytestmark = pytest.mark.usefixtures("private_folders")


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "客户.csv"
    with path.open("w", encoding="gbk", newline="") as stream:
        csv.writer(stream).writerows(ROWS)
    return path


def url_text(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def run(url: URL, *args: str) -> int:
    return cli.main(["--db", url_text(url), "--lang", "en", "import", "customers", *args])


def test_json_summary_and_exit_1_when_rows_are_rejected(
    world: World, sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(world.url, str(sample), "--owner", "staff_a", "--json") == cli.EXIT_PARTIAL
    summary = json.loads(capsys.readouterr().out)
    assert {k: v for k, v in summary.items() if k != "errors"} == {
        "read": 3,
        "created": 1,
        "updated": 0,
        "duplicates": 1,
        "rejected": 1,
        "contacts_created": 2,
    }
    assert [(e["line"], e["field"], e["reason"]) for e in summary["errors"]] == [
        (3, "contact.mobile", "invalid_cn_mobile")
    ]
    engine = make_engine(world.url)
    with engine.connect() as connection:
        owner = connection.scalar(select(Customer.owner_id))
        email = connection.scalar(select(Customer.email))
        contacts = connection.scalars(select(Contact.name).order_by(Contact.id)).all()
    engine.dispose()
    assert email == "info@xc.cn" and contacts == ["张伟", "李娜"]
    assert owner is not None


def test_a_clean_file_exits_0_with_a_summary_on_stderr(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ok.csv"
    path.write_text("名称;电话\n北京星辰传媒;010-62345678\n", encoding="utf-8-sig")
    mapping = tmp_path / "mapping.json"
    auto_mapping(["名称", "电话"]).save(mapping)
    args = (str(path), "--owner", "admin", "--mapping", str(mapping), "--on-duplicate", "update")
    assert run(world.url, *args) == cli.EXIT_OK
    captured = capsys.readouterr()
    assert captured.out == "" and "1 customers created" in captured.err
    assert run(world.url, *args) == cli.EXIT_OK
    assert "1 updated" in capsys.readouterr().err


def test_bad_usage_exits_2(
    world: World, sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert run(world.url, str(tmp_path / "missing.csv"), "--owner", "admin") == cli.EXIT_USAGE
    assert run(world.url, str(sample), "--owner", "admin", "--mapping", str(broken)) == 2
    assert run(world.url, str(sample), "--owner", "nobody") == cli.EXIT_USAGE
    if not world.is_postgresql:  # SQLite acts with full rights: whose are the customers?
        assert run(world.url, str(sample)) == cli.EXIT_USAGE
        assert "--owner" in capsys.readouterr().err
    nameless = tmp_path / "nameless.csv"
    nameless.write_text("地址\n北京\n", encoding="utf-8")
    assert run(world.url, str(nameless), "--owner", "admin") == cli.EXIT_USAGE


def test_a_staff_login_imports_as_itself_and_may_not_name_another_owner(
    world: World, sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not world.is_postgresql:
        pytest.skip("a login of its own exists on PostgreSQL only")
    staff = world.login_url("staff_a").set(password=PASSWORD)
    assert run(staff, str(sample), "--owner", "admin") == cli.EXIT_CONNECTION
    assert "outside your data permission" in capsys.readouterr().err
    assert run(staff, str(sample), "--json") == cli.EXIT_PARTIAL
    assert json.loads(capsys.readouterr().out)["created"] == 1
    engine = world.engine_as("staff_a")
    with engine.connect() as connection:
        names = connection.scalars(select(Customer.name)).all()
    engine.dispose()
    assert names == ["北京星辰传媒有限公司"]


def test_no_connection_exits_3_and_an_old_schema_exits_4(sample: Path, tmp_path: Path) -> None:
    nowhere = URL.create(
        "postgresql+psycopg", username="nobody", host="127.0.0.1", port=1, database="x"
    )
    assert run(nowhere, str(sample), "--owner", "admin") == cli.EXIT_CONNECTION
    empty = tmp_path / "empty.db"
    empty.touch()
    assert run(URL.create("sqlite", database=str(empty)), str(sample), "--owner", "admin") == 4


def test_the_saved_mapping_is_json_a_person_can_read(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    auto_mapping(["公司名称", "手机"]).save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["columns"] == [
        {"index": 0, "header": "公司名称", "field": "name"},
        {"index": 1, "header": "手机", "field": "contact.mobile"},
    ]
    assert Mapping.load(path).columns == {0: "name", 1: "contact.mobile"}
