"""Benchmark of the duplicate check (撞单) while a new customer is typed, run by hand:

    .venv/bin/python bench/bench_duplicate_check.py [--source mc_bench_list] \\
        [--database mc_bench_dupes] [--names 200] [--drop]

On PostgreSQL with the demo's customers (1,000,000 in `mc_bench_list`, made by
bench/bench_list_model.py): the source is copied once into `--database` and brought to the
head revision there (migration 0007 fills `name_key` and builds the indexes), so the source
is left as it is. A staff login is made for the run (and removed after): it connects as its
own login role, so row-level security hides nearly every customer from it, and the check
goes through the SECURITY DEFINER function as in the program.

Each of `--names` candidates is checked once, in random order, after a warm-up: half are
existing customers' names written another way (another legal form, the city in brackets,
full-width letters), half new names; then the same with the customer's phone and e-mail.
Prints p50, p95 and the worst time of `find_duplicates` per kind of candidate.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy import delete, func, select, text
from sqlalchemy.engine import URL, make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import schema, users  # noqa: E402
from app.access import load_current_user  # noqa: E402
from app.customer_duplicates import CustomerCandidate, find_duplicates  # noqa: E402
from db import security  # noqa: E402
from db.customer_keys import place_names  # noqa: E402
from db.engine import make_engine, make_session_factory  # noqa: E402
from db.models.customers import Customer  # noqa: E402
from db.models.org import Department, Employee, User  # noqa: E402
from db.security import role_names  # noqa: E402

ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
USERNAME = "bench_dupes_staff"
PASSWORD = "Bench-Dupes-Passw0rd"
TARGET_MS = 50.0
LEGAL_FORMS = ("有限公司", "有限责任公司", "股份有限公司", "集团有限公司")


@dataclass
class Row:
    kind: str
    times_ms: list[float]
    matched: int

    def line(self) -> str:
        ordered = sorted(self.times_ms)
        p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
        verdict = "ok" if p95 < TARGET_MS else "SLOW"
        return (
            f"{self.kind:<34} {len(ordered):>5} {statistics.median(ordered):>8.2f} "
            f"{p95:>8.2f} {ordered[-1]:>8.2f} {self.matched:>8}  {verdict}"
        )


def main() -> int:
    options = _arguments()
    _wait_for_other_benchmarks()
    admin = make_url(ADMIN_URL)
    url = admin.set(database=options.database)
    _ensure_copy(admin, options.source, options.database)
    print(f"bringing {options.database} to the head revision", file=sys.stderr, flush=True)
    engine = make_engine(url)
    try:
        started = time.perf_counter()
        schema.upgrade(engine)
        # The copy's own roles and functions naming them (the source's name them otherwise,
        # when there was no migration left to run that would install them).
        with engine.begin() as connection:
            security.install(connection)
        print(f"  … {time.perf_counter() - started:.1f} s", file=sys.stderr)
        count = _count(engine)
        rnd = random.Random(options.seed)
        samples = _samples(engine, rnd, options.names // 2)
    finally:
        engine.dispose()
    with _staff_login(url) as login_url:
        rows = _measure(login_url, samples, rnd, options.names)
    print(f"\nfind_duplicates on PostgreSQL, {count:,} customers, as a staff login (RLS on)")
    print(f"{'candidates':<34} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'matched':>8}")
    for row in rows:
        print(row.line())
    if options.drop:
        _drop(admin, options.database)
    return 0 if all(sorted(r.times_ms)[round(0.95 * len(r.times_ms)) - 1] < TARGET_MS
                    for r in rows) else 1  # fmt: skip


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default="mc_bench_list")
    parser.add_argument("--database", default="mc_bench_dupes")
    parser.add_argument("--names", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--drop", action="store_true", help="drop the copy afterwards")
    return parser.parse_args()


def _wait_for_other_benchmarks() -> None:
    while subprocess.run(["pgrep", "-f", "bench_demo_load"], capture_output=True).returncode == 0:
        print("waiting: bench_demo_load is running", file=sys.stderr, flush=True)
        time.sleep(30)


def _dsn(url: URL) -> str:
    return f"host={url.host} port={url.port or 5432} user={url.username} dbname={url.database}"


def _ensure_copy(admin: URL, source: str, target: str) -> None:
    with psycopg.connect(_dsn(admin), autocommit=True) as connection:
        found = {
            name
            for (name,) in connection.execute(
                "SELECT datname FROM pg_database WHERE datname IN (%s, %s)", (source, target)
            )
        }
        if target in found:
            return
        if source not in found:
            raise SystemExit(f"{source} does not exist: make it with bench/bench_list_model.py")
        print(f"copying {source} into {target}", file=sys.stderr, flush=True)
        connection.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}" STRATEGY FILE_COPY')


def _drop(admin: URL, database: str) -> None:
    """The copy, and the roles its migration made (role names carry the database's)."""
    prefix = role_names(database).prefix
    with psycopg.connect(_dsn(admin), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        roles = connection.execute(
            "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s) "
            "ORDER BY rolname = %s, rolname = %s",
            (prefix, f"{prefix}users", f"{prefix}owner"),
        ).fetchall()
        for (role,) in roles:
            connection.execute(f'DROP ROLE "{role}"')


def _count(engine: object) -> int:
    with make_session_factory(engine)() as session:  # type: ignore[arg-type]
        return session.scalar(select(func.count()).select_from(Customer)) or 0


def _samples(engine: object, rnd: random.Random, count: int) -> list[tuple[str, str, str]]:
    """(name, phone, e-mail) of random existing customers, found by random ids."""
    with make_session_factory(engine)() as session:  # type: ignore[arg-type]
        top = session.scalar(select(func.max(Customer.id))) or 0
        ids = rnd.sample(range(1, top + 1), min(top, count * 2))
        rows = session.execute(
            select(Customer.name, Customer.phone, Customer.email).where(Customer.id.in_(ids))
        ).all()
    return [(name, phone or "", email or "") for name, phone, email in rows[:count]]


def _rewritten(name: str, rnd: random.Random) -> str:
    """The same company written another way: another legal form, the leading city in
    brackets, Latin letters in full width."""
    for form in sorted(LEGAL_FORMS, key=len, reverse=True):
        if name.endswith(form):
            name = name.removesuffix(form) + rnd.choice(LEGAL_FORMS)
            break
    place = next((p for p in place_names() if name.startswith(p)), None)
    if place and rnd.random() < 0.5:
        name = f"{name.removeprefix(place)}（{place}）"
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in name)


def _new_name(rnd: random.Random) -> str:
    middle = "".join(chr(rnd.randrange(0x4E00, 0x9FA5)) for _ in range(4))
    return f"{rnd.choice(('北京', '上海', '深圳'))}{middle}{rnd.choice(LEGAL_FORMS)}"


def _measure(
    url: URL, samples: list[tuple[str, str, str]], rnd: random.Random, names: int
) -> list[Row]:
    existing = [CustomerCandidate(_rewritten(name, rnd)) for name, _, _ in samples]
    fresh = [CustomerCandidate(_new_name(rnd)) for _ in range(names - len(existing))]
    full = [
        CustomerCandidate(_rewritten(name, rnd), phones=(phone,), emails=(email,))
        for name, phone, email in samples
    ]
    engine = make_engine(url)
    try:
        factory = make_session_factory(engine)
        with factory() as session:
            user = load_current_user(
                session, session.scalars(select(User.id).where(User.username == USERNAME)).one()
            )
            visible = session.scalar(select(func.count()).select_from(Customer))
        print(f"the staff login sees {visible:,} customers", file=sys.stderr)

        def timed(candidates: list[CustomerCandidate]) -> tuple[list[float], int]:
            times, matched = [], 0
            for candidate in candidates:
                with factory() as session:  # one short transaction per keystroke pause
                    started = time.perf_counter()
                    found = find_duplicates(session, user, candidate)
                    times.append((time.perf_counter() - started) * 1000)
                matched += bool(found)
            return times, matched

        timed([CustomerCandidate(_new_name(rnd)) for _ in range(20)])  # warm-up
        mixed = existing + fresh
        rnd.shuffle(mixed)
        rows = []
        for kind, candidates in (
            ("names (half existing, rewritten)", mixed),
            ("existing names only", existing),
            ("new names only", fresh),
            ("name + phone + e-mail (existing)", full),
        ):
            times, matched = timed(candidates)
            rows.append(Row(kind, times, matched))
        return rows
    finally:
        engine.dispose()


@contextmanager
def _staff_login(url: URL) -> Iterator[URL]:
    """A staff member of a sales department, with a login role of their own."""
    engine = make_engine(url)
    _remove_login(engine, url)
    try:
        with make_session_factory(engine).begin() as session:
            department = session.scalars(  # a name that no other department has
                select(Department.name)
                .where(Department.deleted_at.is_(None))
                .group_by(Department.name)
                .having(func.count() == 1)
                .order_by(Department.name)
                .limit(1)
            ).one()
            users.add_user(session, USERNAME, PASSWORD, "staff", department, "撞单测试员")
        with engine.begin() as connection:
            connection.execute(text("ANALYZE customers"))
            connection.execute(text("ANALYZE contacts"))
        login = role_names(url.database or "").login(USERNAME)
        yield url.set(username=login, password=PASSWORD)
    finally:
        _remove_login(engine, url)
        engine.dispose()


def _remove_login(engine: object, url: URL) -> None:
    with make_session_factory(engine).begin() as session:  # type: ignore[arg-type]
        employees = session.scalars(select(User.employee_id).where(User.username == USERNAME))
        ids = list(employees)
        session.execute(delete(User).where(User.username == USERNAME))
        if ids:
            session.execute(delete(Employee).where(Employee.id.in_(ids)))
    with engine.begin() as connection:  # type: ignore[attr-defined]
        login = role_names(url.database or "").login(USERNAME)
        connection.execute(text(f'DROP ROLE IF EXISTS "{login}"'))


if __name__ == "__main__":
    sys.exit(main())
