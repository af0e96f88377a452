"""Where the database is and which language to speak: the per-user settings file.

The file lives in the platform's config folder. It never holds a password: a URL given
with one is stored without it (remembered passwords belong in the keyring).
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from app.errors import ConfigurationError, ValidationError

log = logging.getLogger(__name__)

APP_NAME = "MediaCRM"
DB_ENV_VAR = "MEDIACRM_DB"
CONFIG_DIR_ENV_VAR = "MEDIACRM_CONFIG_DIR"
DATA_DIR_ENV_VAR = "MEDIACRM_DATA_DIR"
LANGUAGES = ("zh_CN", "en")
# libpq's sslmode values, weakest first.
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
DEFAULT_PORT = 5432

_POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


@dataclass
class Settings:
    database: str | None = None
    language: str = "zh_CN"
    last_username: str | None = None


@dataclass(frozen=True)
class ServerAddress:
    """Where the shared PostgreSQL server is and how to trust it, as the connection dialog
    edits it; the login dialog supplies the user and password."""

    host: str
    database: str
    port: int = DEFAULT_PORT
    sslmode: str = "prefer"
    sslrootcert: str | None = None


def config_dir() -> Path:
    override = os.environ.get(CONFIG_DIR_ENV_VAR)
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, False))


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV_VAR)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))


def settings_path() -> Path:
    return config_dir() / "settings.json"


def default_database_path() -> Path:
    return data_dir() / "mediacrm.db"


def load_settings() -> Settings:
    path = settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable settings file %s: %s", path, exc)
        return Settings()
    language = raw.get("language") if raw.get("language") in LANGUAGES else "zh_CN"
    last_username = raw.get("last_username")
    return Settings(
        database=raw.get("database") or None,
        language=language,
        last_username=last_username if isinstance(last_username, str) else None,
    )


def save_settings(settings: Settings) -> None:
    stored = asdict(settings)
    if settings.database:
        stored["database"] = without_password(parse_database_url(settings.database))
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(stored, ensure_ascii=False, indent=2), encoding="utf-8")


def without_password(url: URL) -> str:
    """The URL as an administrator writes it, minus the password: safe to store and show."""
    driver = "postgresql" if url.get_backend_name() == "postgresql" else url.drivername
    bare = URL.create(
        driver,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    return bare.render_as_string(hide_password=False)


def without_credentials(url: URL) -> str:
    """The URL without user and password: it names the database, whoever connects to it."""
    return without_password(
        URL.create(
            url.drivername, host=url.host, port=url.port, database=url.database, query=url.query
        )
    )


def resolve_database_url(cli_value: str | None = None) -> URL:
    """The database to use: --db, else $MEDIACRM_DB, else the settings file, else the local file."""
    for value in (cli_value, os.environ.get(DB_ENV_VAR), load_settings().database):
        if value:
            return parse_database_url(value)
    return parse_database_url(str(default_database_path()))


def parse_database_url(value: str) -> URL:
    """Turn what an administrator writes into a SQLAlchemy URL.

    Accepts `sqlite:///PATH`, a plain path to a `.db`/`.sqlite` file, and libpq-style
    `postgresql://user:password@host:port/dbname` (driven by psycopg 3).
    """
    value = value.strip()
    if not value:
        raise ConfigurationError("bad_url", url=value)
    if "://" not in value:
        if not re.search(r"\.(db|sqlite|sqlite3)$", value, re.IGNORECASE):
            raise ConfigurationError("bad_url", url=value)
        return _sqlite_url(value)
    try:
        url = make_url(value)
    except ArgumentError as exc:
        raise ConfigurationError("bad_url", url=value) from exc
    if url.drivername == "sqlite":
        if not url.database or url.database == ":memory:":
            raise ConfigurationError("bad_url", url=value)
        return _sqlite_url(url.database)
    if url.drivername in _POSTGRES_SCHEMES:
        if not url.database:
            raise ConfigurationError("bad_url", url=value)
        sslmode = url.query.get("sslmode", "prefer")
        if sslmode not in SSL_MODES:
            raise ConfigurationError("bad_sslmode", mode=sslmode)
        return url.set(drivername="postgresql+psycopg")
    raise ConfigurationError("bad_url", url=value)


def local_url(path: str) -> URL:
    """The URL of a local SQLite file chosen in the connection dialog."""
    if not path.strip():
        raise ValidationError("path_required", field="path")
    return _sqlite_url(path.strip())


def server_url(address: ServerAddress) -> URL:
    """The URL of a PostgreSQL server, with sslmode and sslrootcert as query parameters
    (libpq reads them from there), and no user or password."""
    host, database = address.host.strip(), address.database.strip()
    if not host:
        raise ValidationError("host_required", field="host")
    if not database:
        raise ValidationError("database_name_required", field="database")
    if address.sslmode not in SSL_MODES:
        raise ValidationError("bad_sslmode", field="sslmode", mode=address.sslmode)
    query = {"sslmode": address.sslmode}
    certificate = (address.sslrootcert or "").strip()
    if certificate:
        if not Path(certificate).expanduser().is_file():
            raise ValidationError("ca_file_missing", field="sslrootcert", path=certificate)
        query["sslrootcert"] = str(Path(certificate).expanduser())
    return URL.create(
        "postgresql+psycopg", host=host, port=address.port, database=database, query=query
    )


def server_address(url: URL) -> ServerAddress | None:
    """What `server_url` was made from, for editing; None for a SQLite URL."""
    if url.get_backend_name() != "postgresql":
        return None
    sslrootcert = url.query.get("sslrootcert")
    return ServerAddress(
        host=url.host or "",
        database=url.database or "",
        port=url.port or DEFAULT_PORT,
        sslmode=str(url.query.get("sslmode", "prefer")),
        sslrootcert=str(sslrootcert) if sslrootcert else None,
    )


def _sqlite_url(path: str) -> URL:
    refuse_network_share(path)
    return URL.create("sqlite", database=str(Path(path).expanduser()))


def is_network_path(path: str | PurePath, *, windows: bool | None = None) -> bool:
    """Whether `path` is a UNC path or sits on a mapped network drive.

    SQLite's locking does not work over SMB/NFS and the file corrupts, so the program
    refuses such a place. `windows` forces the path flavour (tests run on Linux).
    """
    windows = os.name == "nt" if windows is None else windows
    text = str(path)
    if windows:
        text = text.replace("/", "\\")
        if text.upper().startswith("\\\\?\\UNC\\"):
            return True
        text = text.removeprefix("\\\\?\\")
        if text.startswith("\\\\"):
            return True
        drive = PureWindowsPath(text).drive
        return bool(drive) and _is_mapped_network_drive(drive)
    posix = PurePosixPath(text)
    return text.startswith("//") or _is_posix_network_mount(posix)


def _is_mapped_network_drive(drive: str) -> bool:
    if os.name != "nt":
        return False
    import ctypes

    drive_remote = 4
    return bool(ctypes.windll.kernel32.GetDriveTypeW(f"{drive}\\") == drive_remote)  # type: ignore[attr-defined]


_NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p"}


def _is_posix_network_mount(path: PurePosixPath) -> bool:
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return False
    resolved = str(Path(path).expanduser().absolute())
    best, best_type = "", ""
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point, fs_type = fields[1], fields[2]
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, best_type = mount_point, fs_type
    return best_type in _NETWORK_FILESYSTEMS


def refuse_network_share(path: str, *, windows: bool | None = None) -> None:
    if is_network_path(path, windows=windows):
        raise ConfigurationError("sqlite_on_network_share", path=path)
