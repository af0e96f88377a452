"""Benchmark of the fuzzy query (app/search.py), run by hand:

    .venv/bin/python bench/bench_search.py --backend postgresql [--database mc_bench_search] \\
        [--customers 100000] [--queries 200] [--rebuild] [--writes 200] [--drop]
    .venv/bin/python bench/bench_search.py --backend sqlite [--path /tmp/mc_bench_search.db]

Makes the database once (migrated, `--customers` demo customers with two contacts each; the
demo load fills the index, its time is the build time) and keeps it for the next run unless
`--drop`. Two users are added: a decision maker (sees everything) and a staff member of a
sales department (sees their own customers); on PostgreSQL each connects through their own
login role, so row-level security takes part.

For each kind of query, `--queries` random queries drawn from random customers and contacts
(one and two Chinese characters, four Chinese characters, pinyin initials, full pinyin, a
phone fragment, an e-mail fragment, a pinyin word with one typo), each run once for the
first page of 50 hits after a warm-up. Prints p50/p95/max per kind and user, the build time
(`--rebuild` times a rebuild of the whole index) and the added cost of keeping the index in
step when customers are written through the ORM (`--writes` customers, with and without the
listener).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy import Engine, event, func, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import demo, schema, search, users  # noqa: E402
from app.access import CurrentUser, load_current_user  # noqa: E402
from db import search_index  # noqa: E402
from db.engine import make_engine, make_session_factory, set_acting_user  # noqa: E402
from db.models.customers import Contact, Customer  # noqa: E402
from db.models.lookups import CustomerType  # noqa: E402
from db.models.org import Department, User  # noqa: E402
from db.security import role_names  # noqa: E402

ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PASSWORD = "Bench-Search-Passw0rd"
USERS = {"bench_search_boss": "decision_maker", "bench_search_staff": "staff"}
TARGET_MS = 50.0


@dataclass
class Timing:
    kind: str
    user: str
    times_ms: list[float]
    hits: int

    def line(self) -> str:
        ordered = sorted(self.times_ms)
        p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
        verdict = "ok" if p95 < TARGET_MS else "SLOW"
        return (
            f"{self.kind:<16} {self.user:<20} {len(ordered):>5} "
            f"{statistics.median(ordered):>8.2f} {p95:>8.2f} {ordered[-1]:>8.2f} "
            f"{self.hits / len(ordered):>7.1f}  {verdict}"
        )


def main() -> int:
    options = _arguments()
    url = _database_url(options)
    engine = make_engine(url)
    build = None
    try:
        if _customers(engine) == 0:
            print(f"loading {options.customers:,} demo customers", file=sys.stderr, flush=True)
            summary = demo.load_demo(engine, customers=options.customers)
            build = summary.phases.get("search index")
        _ensure_users(engine)
        if options.rebuild:
            started = time.perf_counter()
            with engine.begin() as connection:
                search_index.rebuild(connection)
            build = time.perf_counter() - started
        with engine.begin() as connection:
            terms = connection.scalar(select(func.count()).select_from(search_index.search_terms))
            if engine.dialect.name == "postgresql":
                connection.execute(text("ANALYZE search_terms"))
        count = _customers(engine)
        contacts = _contacts(engine)
        rnd = random.Random(options.seed)
        queries = _queries(engine, rnd, options.queries)
        writes = _write_cost(engine, options.writes) if options.writes else None
    finally:
        engine.dispose()
    timings = [
        timing
        for username in USERS
        for timing in _measure(_login_url(url, username), username, queries)
    ]
    print(
        f"\nfuzzy search on {url.get_backend_name()}: {count:,} customers, {contacts:,} contacts, "
        f"{terms:,} terms"
    )
    print(
        f"{'query':<16} {'user':<20} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'hits':>7}"
    )
    for timing in timings:
        print(timing.line())
    if build is not None:
        print(f"index build: {build:.1f} s")
    if writes is not None:
        plain, indexed = writes
        print(
            f"write cost: {plain:.2f} ms a customer without the index, {indexed:.2f} ms with it "
            f"(+{indexed - plain:.2f} ms)"
        )
    if options.drop:
        _drop(url)
    return 0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--backend", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--database", default="mc_bench_search")
    parser.add_argument("--path", default="/tmp/mc_bench_search.db")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--rebuild", action="store_true", help="time a rebuild of the index")
    parser.add_argument("--drop", action="store_true", help="drop the database afterwards")
    return parser.parse_args()


def _database_url(options: argparse.Namespace) -> URL:
    if options.backend == "sqlite":
        url = URL.create("sqlite", database=options.path)
    else:
        admin = make_url(ADMIN_URL)
        url = admin.set(database=options.database)
        with psycopg.connect(_dsn(admin), autocommit=True) as connection:
            found = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (options.database,)
            ).fetchone()
            if not found:
                connection.execute(
                    f"CREATE DATABASE \"{options.database}\" TEMPLATE template0 ENCODING 'UTF8' "
                    "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
                )
    engine = make_engine(url)
    try:
        schema.upgrade(engine)
    finally:
        engine.dispose()
    return url


def _dsn(url: URL) -> str:
    return f"host={url.host} port={url.port or 5432} user={url.username} dbname={url.database}"


def _drop(url: URL) -> None:
    if url.get_backend_name() == "sqlite":
        Path(url.database or "").unlink(missing_ok=True)
        return
    prefix = role_names(url.database or "").prefix
    with psycopg.connect(_dsn(make_url(ADMIN_URL)), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
        roles = connection.execute(
            "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s) "
            "ORDER BY rolname = %s, rolname = %s",
            (prefix, f"{prefix}users", f"{prefix}owner"),
        ).fetchall()
        for (role,) in roles:
            connection.execute(f'DROP ROLE "{role}"')


def _customers(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(Customer)) or 0


def _contacts(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(Contact)) or 0


def _ensure_users(engine: Engine) -> None:
    with make_session_factory(engine).begin() as session:
        known = set(session.scalars(select(User.username).where(User.username.in_(USERS))))
        department = (
            session.scalars(  # a sales department: its staff own customers
                select(Department.name)
                .where(Department.deleted_at.is_(None), Department.name.like("%销售%"))
                .order_by(Department.id)
                .limit(1)
            ).first()
            or session.scalars(select(Department.name).limit(1)).one()
        )
        for username, role in USERS.items():
            if username not in known:
                users.add_user(session, username, PASSWORD, role, department, username)


def _login_url(url: URL, username: str) -> URL:
    if url.get_backend_name() == "sqlite":
        return url
    return url.set(username=role_names(url.database or "").login(username), password=PASSWORD)


# --- queries ------------------------------------------------------------------------------


def _queries(engine: Engine, rnd: random.Random, count: int) -> dict[str, list[str]]:
    with engine.connect() as connection:
        top = connection.scalar(select(func.max(Customer.id))) or 1
        ids = rnd.sample(range(1, top + 1), min(top, count * 3))
        customers = (
            connection.execute(select(Customer.name).where(Customer.id.in_(ids))).scalars().all()
        )
        contacts = connection.execute(
            select(Contact.name, Contact.mobile, Contact.email).where(Contact.customer_id.in_(ids))
        ).all()
    names = [name for name in customers if len(name) >= 4] + [c.name for c in contacts]
    made: dict[str, Callable[[], str]] = {
        "chinese 1": lambda: _piece(rnd, rnd.choice(names), 1),
        "chinese 2": lambda: _piece(rnd, rnd.choice(names), 2),
        "chinese 4": lambda: _piece(rnd, rnd.choice(customers), 4),
        "initials": lambda: _spelled(rnd, rnd.choice(names), initials=True),
        "full pinyin": lambda: _spelled(rnd, rnd.choice(names), initials=False),
        "phone": lambda: _digits(rnd, rnd.choice([c.mobile for c in contacts if c.mobile])),
        "e-mail": lambda: rnd.choice([c.email for c in contacts if c.email]).split("@")[0][:6],
        "typo": lambda: _typo(rnd, _spelled(rnd, rnd.choice(customers), initials=False)),
    }
    return {kind: [make() for _ in range(count)] for kind, make in made.items()}


def _piece(rnd: random.Random, name: str, length: int) -> str:
    start = rnd.randrange(0, max(1, len(name) - length + 1))
    return name[start : start + length]


def _spelled(rnd: random.Random, name: str, *, initials: bool) -> str:
    """The pinyin (or initials) of two to four syllables of the name."""
    syllables = search_index.tokens(search_index.normalise(name))
    length = min(len(syllables), rnd.randint(2, 4))
    start = rnd.randrange(0, len(syllables) - length + 1)
    chosen = syllables[start : start + length]
    return "".join(t.readings[0][0] if initials else t.readings[0] for t in chosen)


def _digits(rnd: random.Random, number: str) -> str:
    digits = "".join(char for char in number if char.isdigit())
    length = rnd.randint(4, 7)
    start = rnd.randrange(0, len(digits) - length + 1)
    return digits[start : start + length]


def _typo(rnd: random.Random, word: str) -> str:
    if len(word) < 5:
        return word + "x"
    index = rnd.randrange(1, len(word) - 1)
    return word[:index] + word[index + 1] + word[index] + word[index + 2 :]


def _measure(url: URL, username: str, queries: dict[str, list[str]]) -> list[Timing]:
    engine = make_engine(url)
    timings = []
    try:
        factory = make_session_factory(engine)
        with factory() as session:
            user = _user(session, username)
            for kind in queries:  # warm-up (the pinyin dictionaries load on first use)
                for query in queries[kind][:3]:
                    search.search(session, user, query)
            for kind, texts in queries.items():
                times, hits = [], 0
                for query in texts:
                    started = time.perf_counter()
                    hits += len(search.search(session, user, query))
                    times.append((time.perf_counter() - started) * 1000)
                    session.rollback()
                timings.append(Timing(kind, username, times, hits))
    finally:
        engine.dispose()
    return timings


def _user(session: Session, username: str) -> CurrentUser:
    user_id = session.scalars(select(User.id).where(User.username == username)).one()
    return load_current_user(session, user_id)


# --- write cost ---------------------------------------------------------------------------


def _write_cost(engine: Engine, writes: int) -> tuple[float, float]:
    """Milliseconds a customer with two contacts takes to insert through the ORM, without
    and with the listener that keeps the index in step (each batch rolled back)."""
    set_acting_user(engine, None, "bench")
    plain = _time_writes(engine, writes, indexed=False)
    indexed = _time_writes(engine, writes, indexed=True)
    return plain, indexed


def _time_writes(engine: Engine, writes: int, *, indexed: bool) -> float:
    listening = event.contains(Session, "after_flush", search_index._after_flush)
    if listening and not indexed:
        event.remove(Session, "after_flush", search_index._after_flush)
    try:
        factory = make_session_factory(engine)
        with factory() as session:
            type_id = session.scalars(select(CustomerType.id).limit(1)).one()
            started = time.perf_counter()
            for number in range(writes):
                customer = Customer(
                    name=f"基准测试乐行传媒有限公司{number}",
                    customer_type_id=type_id,
                    phone=f"010-{number:08d}",
                    email=f"bench{number}@example.com",
                    address="北京市朝阳区建国路88号",
                )
                session.add(customer)
                session.flush()
                for person in ("单田芳", "长孙无忌"):
                    session.add(Contact(customer_id=customer.id, name=person, mobile="13912345678"))
                session.flush()
            elapsed = time.perf_counter() - started
            session.rollback()
    finally:
        if listening and not indexed:
            event.listen(Session, "after_flush", search_index._after_flush)
    return elapsed * 1000 / writes


if __name__ == "__main__":
    sys.exit(main())
