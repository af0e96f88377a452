"""Benchmark of the demo data load (app.demo.load_demo), run by hand.

    .venv/bin/python bench/bench_demo_load.py [--sizes 100000 1000000] [--sqlite-sizes 100000]

Each PostgreSQL run gets a scratch database of its own (created, migrated, loaded, dropped
with the cluster roles the migrations made for it); each SQLite run a scratch file. Prints
one line per run: wall time, customers and rows per second, peak memory of this process,
of its generator workers, and of the PostgreSQL backend that did the load.
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy import Engine, text
from sqlalchemy.engine import URL, make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import schema
from app.demo import DemoSummary, load_demo
from db.engine import make_engine
from db.security import role_names

ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


@dataclass(frozen=True)
class Result:
    size: int
    backend: str
    summary: DemoSummary
    main_rss_mb: float
    worker_rss_mb: float
    server_rss_mb: float | None
    client_cpu_s: float
    server_cpu_s: float | None

    def line(self) -> str:
        seconds = self.summary.seconds
        server = "n/a" if self.server_rss_mb is None else f"{self.server_rss_mb:.0f}"
        server_cpu = "n/a" if self.server_cpu_s is None else f"{self.server_cpu_s:.0f}"
        return (
            f"{self.size:>10,} {self.backend:<10} {seconds:>8.1f} "
            f"{self.size / seconds:>12,.0f} {self.summary.total_rows:>12,} "
            f"{self.summary.total_rows / seconds:>10,.0f} {self.main_rss_mb:>8.0f} "
            f"{self.worker_rss_mb:>8.0f} {server:>8} {self.client_cpu_s:>8.0f} {server_cpu:>8}"
        )

    def phases(self) -> str:
        return "  phases: " + ", ".join(
            f"{phase} {seconds:.1f} s" for phase, seconds in self.summary.phases.items()
        )


HEADER = (
    f"{'customers':>10} {'backend':<10} {'wall s':>8} {'customers/s':>12} {'rows':>12} "
    f"{'rows/s':>10} {'RSS MB':>8} {'wkr MB':>8} {'PG MB':>8} {'cli CPU':>8} {'PG CPU':>8}"
)


def main() -> int:
    args = _arguments()
    results = []
    if args.progress:  # and how long each index build took
        logging.basicConfig(stream=sys.stderr, format="  %(message)s")
        logging.getLogger("app.demo_sink").setLevel(logging.DEBUG)
    for size in args.sizes:
        results.append(_run_postgresql(size, args))
        print(results[-1].line(), flush=True)
        print(results[-1].phases(), flush=True)
    for size in args.sqlite_sizes:
        results.append(_run_sqlite(size, args))
        print(results[-1].line(), flush=True)
        print(results[-1].phases(), flush=True)
    print()
    print(HEADER)
    for result in results:
        print(result.line())
    print(
        "RSS MB: peak of this process; wkr MB: peak of one generator worker; "
        "PG MB: peak of the server backend that loaded (VmHWM); cli CPU: CPU seconds of this "
        "process and its workers; PG CPU: of the backend (not its parallel index workers)."
    )
    return 0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--sqlite-sizes", type=int, nargs="*", default=[100_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=None, help="default: one per CPU")
    parser.add_argument("--admin-url", default=ADMIN_URL, help="PostgreSQL maintenance URL")
    parser.add_argument("--progress", action="store_true", help="print the load's progress")
    return parser.parse_args()


def _run_postgresql(size: int, args: argparse.Namespace) -> Result:
    name = f"bench_demo_{os.getpid()}_{size}"
    admin = make_url(args.admin_url)
    _create_database(admin, name)
    engine = make_engine(admin.set(drivername="postgresql+psycopg", database=name))
    try:
        schema.upgrade(engine)
        backend_before = _backend_cpu_s(engine)
        client_before = _client_cpu_s()
        summary = _load(engine, size, args)
        client_cpu = _client_cpu_s() - client_before
        backend_after = _backend_cpu_s(engine)
        server_cpu = (
            None
            if backend_before is None or backend_after is None
            else backend_after[1] - backend_before[1]
            if backend_after[0] == backend_before[0]
            else None
        )
        server_mb = _backend_peak_mb(engine)
        return Result(
            size, "postgresql", summary, *_own_peaks_mb(), server_mb, client_cpu, server_cpu
        )
    finally:
        engine.dispose()
        _drop_database(admin, name)


def _run_sqlite(size: int, args: argparse.Namespace) -> Result:
    with tempfile.TemporaryDirectory(prefix="bench_demo_") as folder:
        engine = make_engine(URL.create("sqlite", database=str(Path(folder) / "demo.db")))
        try:
            schema.upgrade(engine)
            client_before = _client_cpu_s()
            summary = _load(engine, size, args)
            client_cpu = _client_cpu_s() - client_before
            return Result(size, "sqlite", summary, *_own_peaks_mb(), None, client_cpu, None)
        finally:
            engine.dispose()


def _load(engine: Engine, size: int, args: argparse.Namespace) -> DemoSummary:
    started = time.perf_counter()
    last_report = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter() - started
        if now - last_report[0] >= 5 or stage.startswith("index"):
            last_report[0] = now
            print(f"  {now:6.1f} s  {stage} {done:,}/{total:,}", file=sys.stderr)

    return load_demo(
        engine,
        customers=size,
        seed=args.seed,
        progress=progress if args.progress else None,
        workers=args.workers,
    )


def _own_peaks_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, workers


def _client_cpu_s() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _backend_cpu_s(engine: Engine) -> tuple[int, float] | None:
    """(pid, CPU seconds) of the server process behind the engine's pooled connection."""
    with engine.connect() as connection:
        pid = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    return pid, (int(fields[11]) + int(fields[12])) / ticks


def _backend_peak_mb(engine: Engine) -> float | None:
    """Peak resident memory of the server process that ran the load (same machine only)."""
    with engine.connect() as connection:
        pid = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def _admin_connection(admin: URL) -> psycopg.Connection:
    return psycopg.connect(
        host=admin.host,
        port=admin.port or 5432,
        user=admin.username,
        password=admin.password,
        dbname=admin.database,
        autocommit=True,
    )


def _create_database(admin: URL, name: str) -> None:
    with _admin_connection(admin) as connection:
        connection.execute(
            sql.SQL(
                "CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            ).format(sql.Identifier(name))
        )


def _drop_database(admin: URL, name: str) -> None:
    """Drop the scratch database and the cluster-wide roles its migrations created."""
    prefix = role_names(name).prefix
    with _admin_connection(admin) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        roles = connection.execute(
            "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)"
            " ORDER BY rolname = %s, rolname = %s",
            (prefix, f"{prefix}users", f"{prefix}owner"),
        ).fetchall()
        for (role,) in roles:
            connection.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


if __name__ == "__main__":
    sys.exit(main())
