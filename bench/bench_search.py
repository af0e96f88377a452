"""Benchmark of the fuzzy query (app/search.py), run by hand:

    .venv/bin/python bench/bench_search.py [--database mc_bench_search] [--queries 200] \\
        [--sqlite PATH] [--no-pg] [--build] [--write] [--drop]

PostgreSQL: the database must hold the demo data (`mediacrm db upgrade`, then `mediacrm demo
--customers 1000000`: 1,000,000 customers, 2,000,000 contacts). Two logins are made for the
run and removed after: a decision maker (sees everything) and a staff member given every
hundredth customer (row-level security hides the rest). SQLite: a file made the same way
(100,000 customers), searched with the command line's full rights.

For each kind of query — one, two and four Chinese characters, pinyin initials, full
pinyin, a phone fragment — `--queries` random queries are cut from random customers'
names, pinyin, mnemonics and phones, and each is run once (after a warm-up) for the first
page of 50 hits: p50, p95 and the worst time, and how many came back on average. The global
search box asks the same function with the same page.

`--build` times the GIN indexes' build (dropped and made again, as the migration makes
them); `--write` the added cost of keeping the search text in step: 2,000 single-row
UPDATEs of a customer's name with its new search text, against the same UPDATEs leaving
the search text as it was, and the Python time to make the texts.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy import Engine, delete, func, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import users  # noqa: E402
from app.access import CurrentUser, load_current_user  # noqa: E402
from app.cli_import import with_every_right  # noqa: E402
from app.cli_search import COMMAND_LINE  # noqa: E402
from app.search import PAGE, fuzzy_search  # noqa: E402
from db import security  # noqa: E402
from db.engine import make_engine, make_session_factory  # noqa: E402
from db.models.customers import (  # noqa: E402
    CUSTOMER_SEARCH_COLUMNS,
    Customer,
    customer_search_fields,
)
from db.models.org import Department, Employee, User  # noqa: E402
from db.search_keys import search_text  # noqa: E402
from db.security import role_names  # noqa: E402

ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PASSWORD = "Bench-Search-Passw0rd"
LOGINS = {"bench_search_boss": "decision_maker", "bench_search_staff": "staff"}
TARGET_MS = 50.0
KINDS = ("1 Chinese char", "2 Chinese chars", "4 Chinese chars", "initials", "full pinyin",
         "phone fragment")  # fmt: skip
SEARCH_INDEXES = {
    "customers": "ix_customers_live_search",
    "contacts": "ix_contacts_live_search",
}


@dataclass
class Row:
    label: str
    times_ms: list[float]
    hits: list[int]

    def p95(self) -> float:
        ordered = sorted(self.times_ms)
        return ordered[max(0, round(0.95 * len(ordered)) - 1)]

    def line(self) -> str:
        ordered = sorted(self.times_ms)
        verdict = "ok" if self.p95() < TARGET_MS else "SLOW"
        return (
            f"{self.label:<40} {len(ordered):>5} {statistics.median(ordered):>8.2f} "
            f"{self.p95():>8.2f} {ordered[-1]:>8.2f} {statistics.mean(self.hits):>6.1f}  {verdict}"
        )


def main() -> int:
    options = _arguments()
    rnd = random.Random(options.seed)
    rows: list[Row] = []
    if not options.no_pg:
        url = make_url(ADMIN_URL).set(database=options.database)
        if options.build:
            _time_build(url)
        if options.write:
            _time_writes(url, rnd)
        queries = _queries(url, rnd, options.queries)
        with _logins(url) as logins:
            for username, login_url in logins.items():
                rows += _measure(login_url, username, queries, f"PG {LOGINS[username]}")
        if options.drop:
            _drop(options.database)
    if options.sqlite:
        url = URL.create("sqlite", database=options.sqlite)
        queries = _queries(url, rnd, options.queries)
        rows += _measure(url, None, queries, "SQLite")
    print(f"\nfuzzy_search, first page of {PAGE} hits")
    print(f"{'queries':<40} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'hits':>6}")
    for row in rows:
        print(row.line())
    return 0 if all(row.p95() < TARGET_MS for row in rows) else 1


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="mc_bench_search")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--sqlite", help="a SQLite file with demo data")
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--build", action="store_true", help="time the indexes' build")
    parser.add_argument("--write", action="store_true", help="time the added write cost")
    parser.add_argument("--drop", action="store_true", help="drop the database afterwards")
    return parser.parse_args()


def _queries(url: URL, rnd: random.Random, count: int) -> dict[str, list[str]]:
    """`count` queries of each kind, cut from random customers."""
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            top = session.scalar(select(func.max(Customer.id))) or 0
            ids = rnd.sample(range(1, top + 1), min(top, count * 3))
            rows = [
                tuple(row)
                for row in session.execute(
                    select(
                        Customer.name, Customer.name_pinyin, Customer.mnemonic, Customer.phone
                    ).where(Customer.id.in_(ids))
                )
            ]
    finally:
        engine.dispose()
    rnd.shuffle(rows)
    found: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for name, pinyin, mnemonic, phone in rows[:count]:
        han = [c for c in name or "" if "\u4e00" <= c <= "\u9fff"]
        start = rnd.randrange(max(1, len(han) - 3))
        found["1 Chinese char"].append(rnd.choice(han))
        found["2 Chinese chars"].append("".join(han[start : start + 2]))
        found["4 Chinese chars"].append("".join(han[start : start + 4]))
        found["initials"].append((mnemonic or "").lower()[: rnd.randint(2, 4)])
        begin = rnd.randrange(max(1, len(pinyin or "") - 8))
        found["full pinyin"].append((pinyin or "")[begin : begin + rnd.randint(5, 10)])
        digits = "".join(c for c in phone or "" if c.isdigit())
        at = rnd.randrange(max(1, len(digits) - 7))
        found["phone fragment"].append(digits[at : at + rnd.randint(4, 7)])
    return found


def _measure(
    url: URL, username: str | None, queries: dict[str, list[str]], label: str
) -> list[Row]:
    engine = make_engine(url)
    try:
        factory = make_session_factory(engine)
        with factory() as session:
            user = _user(session, username)
        rows = []
        for kind, texts in queries.items():
            with factory() as session:
                fuzzy_search(session, user, texts[0])  # warm-up
            times, hits = [], []
            for typed in texts:
                with factory() as session:
                    started = time.perf_counter()
                    found = fuzzy_search(session, user, typed)
                    times.append((time.perf_counter() - started) * 1000)
                    hits.append(len(found))
            rows.append(Row(f"{label}: {kind}", times, hits))
            print(rows[-1].line(), file=sys.stderr, flush=True)
        return rows
    finally:
        engine.dispose()


def _user(session: Session, username: str | None) -> CurrentUser:
    """The login's user; on SQLite the command line's, who sees everything."""
    if username is None:
        return with_every_right(COMMAND_LINE)
    return load_current_user(
        session, session.scalars(select(User.id).where(User.username == username)).one()
    )


@contextmanager
def _logins(url: URL) -> Iterator[dict[str, URL]]:
    """A decision maker, and a staff login of the demo's first sales person (who owns their
    share of the customers); removed afterwards with their login roles."""
    engine = make_engine(url)
    _remove_logins(engine, url)  # left over by an interrupted run
    # The database's roles and their settings, in case the database was made again under
    # the same name (its roles outlive it, their settings for it do not).
    with engine.begin() as connection:
        security.install(connection)
    try:
        with make_session_factory(engine).begin() as session:
            owner, department = session.execute(
                select(Employee.name, Department.name)
                .join(Customer, Customer.owner_id == Employee.id)
                .join(Department, Department.id == Employee.department_id)
                .order_by(Customer.id)
                .limit(1)
            ).one()
            for username, role in LOGINS.items():
                display = owner if role == "staff" else username
                users.add_user(session, username, PASSWORD, role, department, display)
        names = role_names(url.database or "")
        yield {
            username: url.set(username=names.login(username), password=PASSWORD)
            for username in LOGINS
        }
    finally:
        _remove_logins(engine, url)
        engine.dispose()


def _remove_logins(engine: Engine, url: URL) -> None:
    with make_session_factory(engine).begin() as session:
        session.execute(delete(User).where(User.username.in_(LOGINS)))
    names = role_names(url.database or "")
    with engine.begin() as connection:
        for username in LOGINS:
            connection.execute(text(f'DROP ROLE IF EXISTS "{names.login(username)}"'))


def _time_build(url: URL) -> None:
    with psycopg.connect(_dsn(url), autocommit=True) as connection:
        for table, index in SEARCH_INDEXES.items():
            definition = connection.execute(
                "SELECT pg_get_indexdef(%s::regclass)", (index,)
            ).fetchone()[0]  # type: ignore[index]
            connection.execute(f"DROP INDEX {index}")
            started = time.perf_counter()
            connection.execute(definition)
            print(f"GIN build {table}: {time.perf_counter() - started:.1f} s", flush=True)


def _time_writes(url: URL, rnd: random.Random) -> None:
    """2,000 single-row UPDATEs of a name, with and without a new search text."""
    engine = make_engine(url)
    columns = [getattr(Customer, column) for column in CUSTOMER_SEARCH_COLUMNS]
    try:
        with make_session_factory(engine)() as session:
            top = session.scalar(select(func.max(Customer.id))) or 0
            ids = rnd.sample(range(1, top + 1), 2000)
            rows = session.execute(select(Customer.id, *columns).where(Customer.id.in_(ids))).all()
        started = time.perf_counter()
        texts = [
            search_text(customer_search_fields({
                **dict(zip(CUSTOMER_SEARCH_COLUMNS, row[1:], strict=True)),
                "name": row[1] + "新",
            }))
            for row in rows
        ]  # fmt: skip
        python_ms = (time.perf_counter() - started) * 1000 / len(rows)
        timings: dict[str, float] = {}
        # Twice each, in turns: the first round warms the pages both touch.
        for label, with_text in (("without", False), ("with", True)) * 2:
            with engine.connect() as connection, connection.begin() as transaction:
                started = time.perf_counter()
                for row, body in zip(rows, texts, strict=True):
                    connection.execute(
                        text(
                            "UPDATE customers SET name = :name, version = version + 1"
                            + (", search_text = :body" if with_text else "")
                            + " WHERE id = :id"
                        ),
                        {"name": row[1] + "新", "body": body, "id": row[0]},
                    )
                timings[label] = (time.perf_counter() - started) * 1000 / len(rows)
                transaction.rollback()
        added = timings["with"] - timings["without"] + python_ms
        print(
            f"write, ms a customer: UPDATE {timings['without']:.3f}, with search text "
            f"{timings['with']:.3f}, making the text {python_ms:.3f}: added {added:.3f}",
            flush=True,
        )
    finally:
        engine.dispose()


def _dsn(url: URL) -> str:
    return f"host={url.host} port={url.port or 5432} user={url.username} dbname={url.database}"


def _drop(database: str) -> None:
    admin = make_url(ADMIN_URL)
    prefix = role_names(database).prefix
    with psycopg.connect(_dsn(admin), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        for (role,) in connection.execute(
            "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s) "
            "ORDER BY rolname = %s, rolname = %s",
            (prefix, f"{prefix}users", f"{prefix}owner"),
        ).fetchall():
            connection.execute(f'DROP ROLE "{role}"')


if __name__ == "__main__":
    raise SystemExit(main())
