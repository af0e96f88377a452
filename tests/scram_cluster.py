"""A throw-away PostgreSQL cluster that checks passwords with SCRAM-SHA-256, for tests.

The shared test server (port 5432) may trust every connection, so it cannot prove that a
login role's password works; this module starts a private cluster on a free port of
127.0.0.1 in a temporary directory and removes it afterwards. PostgreSQL refuses to run as
root, so under root (as in CI) the cluster runs as the `postgres` OS user that the Debian
packages create. The binaries come from MEDIACRM_TEST_PG_BINDIR, /usr/lib/postgresql/15/bin
or `pg_config --bindir`.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

BINDIR_ENV_VAR = "MEDIACRM_TEST_PG_BINDIR"
DEBIAN_BINDIR = Path("/usr/lib/postgresql/15/bin")
SERVER_OS_USER = "postgres"  # only used when the tests run as root
SUPERUSER = "postgres"
HOST = "127.0.0.1"
START_ATTEMPTS = 3  # another process may take the free port before the server binds it
# Speed over durability: the cluster lives for one test module.
SERVER_SETTINGS = {
    "fsync": "off",
    "shared_buffers": "16MB",
    "max_connections": "20",
    "password_encryption": "scram-sha-256",
}


@dataclass(frozen=True)
class ClusterInfo:
    """How to reach a running throw-away cluster."""

    host: str
    port: int
    superuser: str
    superuser_password: str
    socket_dir: Path

    def url(self, user: str, password: str, database: str = "postgres") -> str:
        """A libpq URL (postgresql://user:password@host:port/database), parts percent-encoded."""
        credentials = f"{quote(user, safe='')}:{quote(password, safe='')}"
        return f"postgresql://{credentials}@{self.host}:{self.port}/{quote(database, safe='')}"

    def superuser_url(self, database: str = "postgres") -> str:
        return self.url(self.superuser, self.superuser_password, database)


@contextmanager
def scram_cluster() -> Iterator[ClusterInfo]:
    """Start a fresh cluster (local socket: trust; TCP: scram-sha-256); stop and delete it
    on exit, whether or not the tests in the block passed."""
    bindir = find_bindir()
    workdir = Path(tempfile.mkdtemp(prefix="mediacrm-scram-"))
    try:
        runner = _Runner(workdir)
        password = secrets.token_urlsafe(24)
        _initdb(runner, bindir, workdir, password)
        try:
            port = _start_on_free_port(runner, bindir, workdir)
            yield ClusterInfo(HOST, port, SUPERUSER, password, workdir)
        finally:
            _stop(runner, bindir, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def find_bindir() -> Path:
    """The directory holding initdb and pg_ctl, or RuntimeError if PostgreSQL is missing."""
    candidates = [Path(path) for path in [os.environ.get(BINDIR_ENV_VAR)] if path]
    candidates.append(DEBIAN_BINDIR)
    pg_config = shutil.which("pg_config")
    if pg_config:
        bindir = subprocess.run(
            [pg_config, "--bindir"], capture_output=True, text=True, check=False
        ).stdout.strip()
        candidates.append(Path(bindir))
    for candidate in candidates:
        if (candidate / "initdb").is_file() and (candidate / "pg_ctl").is_file():
            return candidate
    raise RuntimeError(
        f"PostgreSQL server binaries (initdb, pg_ctl) not found in {candidates}; "
        f"install postgresql-15 or set {BINDIR_ENV_VAR}"
    )


class _Runner:
    """Runs PostgreSQL's programs as the user that owns the cluster directory."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self._owner: tuple[int, int] | None = None
        self._as_user: dict[str, Any] = {}
        if os.geteuid() == 0:
            account = pwd.getpwnam(SERVER_OS_USER)
            self._owner = (account.pw_uid, account.pw_gid)
            # setuid/setgid in the child and no supplementary groups: root is dropped
            # completely, as postgres demands (it also checks real == effective uid).
            self._as_user = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
            self.give(workdir)

    def give(self, path: Path) -> None:
        """Hand a file or folder we created to the cluster's user."""
        if self._owner is not None:
            os.chown(path, *self._owner)

    def run(self, *command: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(part) for part in command],
            cwd=self.workdir,  # the server user may not be allowed into the caller's folder
            env=_environment_without_libpq_settings(os.environ),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            **self._as_user,
        )


def _environment_without_libpq_settings(environment: Mapping[str, str]) -> dict[str, str]:
    # PGDATA, PGPORT, PGHOST… from the developer's shell must not steer our cluster.
    return {name: value for name, value in environment.items() if not name.startswith("PG")}


def _initdb(runner: _Runner, bindir: Path, workdir: Path, password: str) -> None:
    password_file = workdir / "superuser-password"
    password_file.touch(mode=0o600)
    password_file.write_text(password + "\n", encoding="utf-8")
    runner.give(password_file)
    try:
        result = runner.run(
            bindir / "initdb",
            "--pgdata",
            workdir / "data",
            "--username",
            SUPERUSER,
            f"--pwfile={password_file}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",  # the directory is deleted afterwards; fsync only costs time
            "--no-instructions",
        )
    finally:
        password_file.unlink()
    if result.returncode != 0:
        raise RuntimeError(f"initdb failed:\n{result.stdout}\n{result.stderr}")


def _start_on_free_port(runner: _Runner, bindir: Path, workdir: Path) -> int:
    log_file = workdir / "server.log"
    failures = ""
    for _attempt in range(START_ATTEMPTS):
        port = _free_port()
        result = runner.run(
            bindir / "pg_ctl",
            "start",
            "--pgdata",
            workdir / "data",
            "--log",
            log_file,
            "--wait",
            "--timeout=30",
            "-o",
            _server_options(port, workdir),
        )
        if result.returncode == 0:
            return port
        failures += result.stdout + result.stderr
    log = log_file.read_text(encoding="utf-8", errors="replace") if log_file.exists() else ""
    raise RuntimeError(f"pg_ctl start failed:\n{failures}\nserver log:\n{log}")


def _server_options(port: int, socket_dir: Path) -> str:
    """The postgres command-line options; pg_ctl hands them to /bin/sh, hence the quoting."""
    settings = {
        "listen_addresses": HOST,
        "port": str(port),
        "unix_socket_directories": str(socket_dir),
        **SERVER_SETTINGS,
    }
    return " ".join(f"-c {shlex.quote(f'{name}={value}')}" for name, value in settings.items())


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _stop(runner: _Runner, bindir: Path, workdir: Path) -> None:
    # Immediate: nothing in the cluster is worth a clean shutdown. A failure here (the server
    # never started) is fine; the directory goes away next.
    runner.run(
        bindir / "pg_ctl", "stop", "--pgdata", workdir / "data", "--mode=immediate", "--wait"
    )
