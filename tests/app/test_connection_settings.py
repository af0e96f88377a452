"""What the connection dialog saves: a local file, or a server with its SSL mode and CA
certificate as URL query parameters — never a password — and the last user name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import config
from app.errors import ConfigurationError, ValidationError

pytestmark = pytest.mark.usefixtures("private_folders")


@pytest.fixture
def ca_file(tmp_path: Path) -> Path:
    path = tmp_path / "证书 目录" / "ca&root.crt"
    path.parent.mkdir()
    path.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    return path


def test_server_settings_survive_the_settings_file(ca_file: Path) -> None:
    address = config.ServerAddress(
        host="db.example",
        database="mediacrm",
        port=5433,
        sslmode="verify-full",
        sslrootcert=str(ca_file),
    )
    settings = config.Settings(database=config.without_password(config.server_url(address)))
    config.save_settings(settings)

    url = config.resolve_database_url()
    assert url.query == {"sslmode": "verify-full", "sslrootcert": str(ca_file)}
    assert config.server_address(url) == address


def test_a_password_in_the_url_is_never_saved() -> None:
    config.save_settings(config.Settings(database="postgresql://wang:Secret@db.example/crm"))
    stored = config.settings_path().read_text(encoding="utf-8")
    assert "Secret" not in stored
    assert json.loads(stored)["database"] == "postgresql://wang@db.example/crm"


def test_the_last_user_name_is_remembered() -> None:
    config.save_settings(config.Settings(last_username="wang"))
    assert config.load_settings().last_username == "wang"


def test_without_credentials_names_the_database_only() -> None:
    url = config.parse_database_url("postgresql://wang:Secret@db.example:5433/crm?sslmode=require")
    assert config.without_credentials(url) == "postgresql://db.example:5433/crm?sslmode=require"


def test_a_local_url_is_a_sqlite_file(tmp_path: Path) -> None:
    url = config.local_url(f"  {tmp_path / 'crm.db'}  ")
    assert (url.drivername, url.database) == ("sqlite", str(tmp_path / "crm.db"))
    assert config.server_address(url) is None


@pytest.mark.parametrize(
    ("address", "code", "field"),
    [
        (config.ServerAddress(host=" ", database="crm"), "host_required", "host"),
        (config.ServerAddress(host="db", database=""), "database_name_required", "database"),
        (config.ServerAddress(host="db", database="crm", sslmode="on"), "bad_sslmode", "sslmode"),
        (
            config.ServerAddress(host="db", database="crm", sslrootcert="/nonexistent/ca.crt"),
            "ca_file_missing",
            "sslrootcert",
        ),
    ],
)
def test_server_settings_are_checked_field_by_field(
    address: config.ServerAddress, code: str, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        config.server_url(address)
    assert (caught.value.code, caught.value.field) == (code, field)


def test_an_empty_local_path_is_refused_at_its_field() -> None:
    with pytest.raises(ValidationError) as caught:
        config.local_url("")
    assert caught.value.field == "path"


def test_an_unknown_ssl_mode_in_a_written_url_is_refused() -> None:
    with pytest.raises(ConfigurationError) as caught:
        config.parse_database_url("postgresql://db.example/crm?sslmode=maybe")
    assert caught.value.code == "bad_sslmode"
