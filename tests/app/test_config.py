"""Where the database is: URLs as administrators write them, the settings file, and the
refusal of SQLite files on network shares."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest

from app import config
from app.errors import ConfigurationError

pytestmark = pytest.mark.usefixtures("private_folders")


@pytest.mark.parametrize(
    ("written", "driver", "database"),
    [
        ("sqlite:////srv/crm/mediacrm.db", "sqlite", "/srv/crm/mediacrm.db"),
        ("/srv/crm/mediacrm.db", "sqlite", "/srv/crm/mediacrm.db"),
        ("training.sqlite", "sqlite", "training.sqlite"),
        ("postgresql://crm:secret@db.example:5433/mediacrm", "postgresql+psycopg", "mediacrm"),
        ("postgres://crm@db.example/mediacrm", "postgresql+psycopg", "mediacrm"),
    ],
)
def test_urls_as_administrators_write_them(written: str, driver: str, database: str) -> None:
    url = config.parse_database_url(written)
    assert (url.drivername, url.database) == (driver, database)


def test_libpq_style_url_keeps_user_password_host_and_port() -> None:
    url = config.parse_database_url("postgresql://crm:s%40cret@db.example:5433/mediacrm")
    assert (url.username, url.password, url.host, url.port) == ("crm", "s@cret", "db.example", 5433)


@pytest.mark.parametrize(
    "written",
    [
        "",
        "mysql://root@localhost/crm",
        "postgresql://host-without-database",
        "notes.txt",
        "sqlite://",
        "sqlite:///:memory:",
        "http://example.com/crm.db",
    ],
)
def test_bad_urls_are_refused_with_a_configuration_error(written: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        config.parse_database_url(written)
    assert caught.value.code == "bad_url"


@pytest.mark.parametrize(
    "path",
    [
        r"\\fileserver\crm\mediacrm.db",
        "//fileserver/crm/mediacrm.db",
        r"\\?\UNC\fileserver\crm\mediacrm.db",
        r"\\fileserver.corp.example\共享\客户.db",
    ],
)
def test_sqlite_on_a_windows_network_share_is_refused(path: str) -> None:
    assert config.is_network_path(PureWindowsPath(path), windows=True)
    with pytest.raises(ConfigurationError) as caught:
        config.refuse_network_share(path, windows=True)
    assert caught.value.code == "sqlite_on_network_share"


@pytest.mark.parametrize(
    "path", [r"C:\Users\wang\AppData\Local\MediaCRM\mediacrm.db", r"\\?\D:\数据\crm.db", "crm.db"]
)
def test_sqlite_on_a_local_windows_disk_is_accepted(path: str) -> None:
    assert not config.is_network_path(PureWindowsPath(path), windows=True)


def test_the_default_database_is_the_local_file_in_the_data_folder(tmp_path: Path) -> None:
    url = config.resolve_database_url()
    assert url.database == str(tmp_path / "data" / "mediacrm.db")


def test_command_line_beats_environment_beats_settings_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config.save_settings(config.Settings(database=str(tmp_path / "settings.db")))
    assert config.resolve_database_url().database == str(tmp_path / "settings.db")
    monkeypatch.setenv(config.DB_ENV_VAR, str(tmp_path / "env.db"))
    assert config.resolve_database_url().database == str(tmp_path / "env.db")
    assert config.resolve_database_url(str(tmp_path / "cli.db")).database == str(
        tmp_path / "cli.db"
    )


def test_the_settings_file_never_holds_a_password() -> None:
    config.save_settings(
        config.Settings(database="postgresql://wang:TopSecret1@db.example/mediacrm", language="en")
    )
    stored = config.settings_path().read_text(encoding="utf-8")
    assert "TopSecret1" not in stored
    loaded = config.load_settings()
    assert loaded.language == "en"
    assert config.parse_database_url(loaded.database or "").username == "wang"


def test_an_unreadable_settings_file_falls_back_to_defaults() -> None:
    config.settings_path().parent.mkdir(parents=True)
    config.settings_path().write_text("{not json", encoding="utf-8")
    assert config.load_settings() == config.Settings()
