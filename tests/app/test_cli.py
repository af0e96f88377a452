"""The admin command line's contract: exit codes, stdout/stderr, language, no Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL

from app import cli, config, schema
from db.engine import make_engine

pytestmark = pytest.mark.usefixtures("private_folders")


def url_text(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def run(*args: str) -> int:
    return cli.main(list(args))


def test_db_upgrade_creates_a_missing_sqlite_file_and_is_idempotent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new" / "crm.db"
    assert run("--db", str(path), "db", "upgrade") == cli.EXIT_OK
    assert path.exists()
    assert "数据库结构已是最新版本" in capsys.readouterr().err
    assert run("--db", str(path), "--lang", "en", "db", "upgrade") == cli.EXIT_OK
    assert "up to date" in capsys.readouterr().err


def test_db_status_json_on_each_backend(db_url: URL, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--db", url_text(db_url), "db", "status", "--json") == cli.EXIT_OK
    out = capsys.readouterr().out
    head = schema.head_revision()
    assert json.loads(out) == {"current": head, "head": head, "state": "current"}


def test_db_status_of_an_empty_database(
    empty_db_url: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    if empty_db_url.get_backend_name() == "sqlite":
        make_engine(empty_db_url).dispose()
        empty_db_url.database and Path(empty_db_url.database).touch()
    assert run("--db", url_text(empty_db_url), "db", "status", "--json") == cli.EXIT_OK
    assert json.loads(capsys.readouterr().out)["state"] == "empty"


def test_db_status_exits_4_when_the_database_is_newer(
    db_url: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_newer'"))
    engine.dispose()
    assert run("--db", url_text(db_url), "db", "status", "--json") == cli.EXIT_SCHEMA
    assert json.loads(capsys.readouterr().out)["state"] == "ahead"


def test_demo_on_an_unmigrated_database_exits_4_naming_the_upgrade_command(
    empty_db_url: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    if empty_db_url.get_backend_name() == "sqlite" and empty_db_url.database:
        Path(empty_db_url.database).touch()
    assert run("--db", url_text(empty_db_url), "demo", "--customers", "5") == cli.EXIT_SCHEMA
    err = capsys.readouterr().err
    assert "db upgrade" in err
    assert "数据库尚未初始化" in err


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("db",),
        ("db", "frobnicate"),
        ("demo",),
        ("demo", "--customers", "0"),
        ("demo", "--customers", "many"),
        ("--lang", "fr", "db", "status"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run(*args)
    assert caught.value.code == cli.EXIT_USAGE
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("bad", ["mysql://root@localhost/crm", "notes.txt", "postgresql://host"])
def test_a_bad_url_exits_2_with_a_message_in_the_configured_language(
    bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--db", bad, "db", "status") == cli.EXIT_USAGE
    assert "数据库地址无效" in capsys.readouterr().err
    assert run("--lang", "en", "--db", bad, "db", "status") == cli.EXIT_USAGE
    assert "Invalid database URL" in capsys.readouterr().err


def test_status_of_a_missing_sqlite_file_exits_2_without_creating_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "absent.db"
    assert run("--db", str(path), "db", "status") == cli.EXIT_USAGE
    assert not path.exists()
    assert "db upgrade" in capsys.readouterr().err


def test_an_unreachable_server_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--db", "postgresql://postgres@127.0.0.1:9/mediacrm", "db", "status") == 3
    err = capsys.readouterr().err
    assert "无法连接数据库" in err and "127.0.0.1:9" in err
    assert "Traceback" not in err


def test_a_database_that_does_not_exist_on_the_server_exits_3(
    pg_server_url: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = url_text(pg_server_url.set(database="mediacrm_no_such_database"))
    assert run("--db", missing, "db", "status") == cli.EXIT_CONNECTION
    assert "mediacrm_no_such_database" in capsys.readouterr().err


def test_the_environment_variable_chooses_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "from_env.db"
    monkeypatch.setenv(config.DB_ENV_VAR, str(path))
    assert run("db", "upgrade") == cli.EXIT_OK
    assert path.exists()


def test_subcommands_run_without_qt_and_write_utf8_even_to_a_gbk_console(tmp_path: Path) -> None:
    probe = (
        "import sys; from ui.launcher import main; code = main(sys.argv[1:]); "
        "assert 'PySide6' not in sys.modules, 'Qt was imported'; sys.exit(code)"
    )
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "MEDIACRM_CONFIG_DIR": str(tmp_path)}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-c", probe, "--db", str(tmp_path / "c.db"), "db", "upgrade"],
        capture_output=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "数据库结构已是最新版本".encode() in result.stderr


@pytest.mark.parametrize("backend", ["postgresql"])
def test_db_upgrade_by_a_role_that_does_not_own_the_schema_is_refused(
    db_url: URL, throwaway_login_role: str, capsys: pytest.CaptureFixture[str]
) -> None:
    as_nobody = url_text(db_url.set(username=throwaway_login_role, password=None))
    assert run("--db", as_nobody, "db", "upgrade") == cli.EXIT_CONNECTION
    assert throwaway_login_role in capsys.readouterr().err
