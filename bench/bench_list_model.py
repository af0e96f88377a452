"""Benchmark of the list model (ui/models/query_model.py) over the customer list, run by hand.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_list_model.py \\
        [--pg-database mc_bench_list] [--pg-customers 1000000] \\
        [--sqlite PATH] [--sqlite-customers 100000] [--no-pg] [--no-sqlite] \\
        [--page-repeats 200]

The databases are made once with the program's own commands (`mediacrm db upgrade`, `mediacrm
demo --customers N`) and reused. Two logins are made for each run with `mediacrm user add`:
a decision maker (scope all) and a staff member (scope own) who is given every hundredth
customer, so that they see about 1%; on PostgreSQL both connect as their own login role, so
row-level security is in force. The logins are removed (and their roles dropped) afterwards.

Prints one line per database and user: the first screenful, the exact count's arrival, Ctrl+End
and a drag of the scroll bar to the middle (and to 1/4, 3/4), the repaint of one screen while
scrolling, the process's resident memory, and one page read by the model against the same SQL
through the bare driver. The page reads are timed in turns (model, raw, model, …) many times
and their medians compared: the ratio model / raw is printed on a line of its own per list.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.engine import URL, make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from app import auth, listing  # noqa: E402
from app.listing import Key, ListColumn, ListQuery, ListSpec, _segment  # noqa: E402
from db.engine import make_engine, make_session_factory  # noqa: E402
from db.models.customers import Customer  # noqa: E402
from db.models.lookups import City, CustomerType, Industry  # noqa: E402
from db.models.org import Department, Employee, User  # noqa: E402
from db.security import role_names  # noqa: E402
from ui.models.query_model import (  # noqa: E402
    Anchor,
    QueryTableModel,
    read_block,
    read_page,
)

ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
PASSWORD = "Bench-List-Passw0rd"
USERS = {"bench_boss": "decision_maker", "bench_staff": "staff"}
BLOCK = 200
PAGE_RATIO_LIMIT = 1.5


def customer_list_spec() -> ListSpec:
    """The customer list of the customer panel: name (sorted by pinyin), short name, type,
    industry, city, owner, phone, created at."""
    return ListSpec(
        Customer,
        (
            ListColumn.of(Customer.name, sort=Customer.name_pinyin),
            ListColumn.of(Customer.short_name),
            ListColumn.of(CustomerType.name_zh, key="type", kind="lookup"),
            ListColumn.of(Industry.name_zh, key="industry", kind="lookup"),
            ListColumn.of(City.name_zh, key="city", kind="lookup"),
            ListColumn.of(Employee.name, key="owner", kind="lookup", label=Customer.owner_id),
            ListColumn.of(Customer.phone),
            ListColumn.of(Customer.created_at, kind="datetime"),
        ),
        base=select(Customer.id)
        .outerjoin(CustomerType, CustomerType.id == Customer.customer_type_id)
        .outerjoin(Industry, Industry.id == Customer.industry_id)
        .outerjoin(City, City.id == Customer.city_id)
        .outerjoin(Employee, Employee.id == Customer.owner_id),
    )


@dataclass
class Figures:
    label: str
    visible: int = 0
    open_db_ms: float = 0.0
    first_screen_ms: float = 0.0
    exact_count_ms: float = 0.0
    end_ms: float = 0.0
    middle_ms: float = 0.0
    other_jumps_ms: float = 0.0
    repaint_ms: float = 0.0
    repaint_max_ms: float = 0.0
    rss_mb: float = 0.0
    page_model_ms: float = 0.0
    page_read_ms: float = 0.0
    page_raw_ms: float = 0.0

    @property
    def ratio(self) -> float:
        return self.page_read_ms / self.page_raw_ms if self.page_raw_ms else 0.0

    def ratio_line(self) -> str:
        verdict = "within" if self.ratio <= PAGE_RATIO_LIMIT else "OVER"
        return (
            f"page read {self.label}: model {self.page_read_ms:.2f} ms (formatted "
            f"{self.page_model_ms:.2f} ms) vs raw driver {self.page_raw_ms:.2f} ms: ratio "
            f"{self.ratio:.2f}x, {verdict} the {PAGE_RATIO_LIMIT}x limit"
        )

    def line(self) -> str:
        ratio = self.ratio
        return (
            f"{self.label:<26} {self.visible:>9,} {self.open_db_ms:>7.1f} "
            f"{self.first_screen_ms:>8.1f} {self.exact_count_ms:>8.0f} {self.end_ms:>7.1f} "
            f"{self.middle_ms:>7.1f} {self.other_jumps_ms:>7.1f} {self.repaint_ms:>6.1f}/"
            f"{self.repaint_max_ms:<5.1f} {self.rss_mb:>6.0f} {self.page_model_ms:>6.1f}/"
            f"{self.page_read_ms:.1f}/{self.page_raw_ms:<5.1f} {ratio:>5.2f}"
        )


HEADER = (
    f"{'list':<26} {'rows':>9} {'open db':>7} {'1st scr':>8} {'exact':>8} {'end':>7} "
    f"{'middle':>7} {'1/4,3/4':>7} {'repaint':>12} {'RSS MB':>6} "
    f"{'page fmt/read/raw':>17} {'ratio':>5}"
)
LEGEND = (
    "ms unless stated. open db: first page + capped count in one session, no Qt (median of 5); "
    "1st scr: model made to a painted first screen; exact: model made to the exact count "
    "(key map); end: Ctrl+End to a painted last screen; middle: scroll bar to 1/2, then "
    "1/4 and 3/4 (worst), to painted rows; repaint: one screen while scrolling (median/max "
    "of 60); RSS: this process with the list open; page: one 200-row page in the middle: "
    "the model's block read as its background reads do it (its connection, rows converted "
    "to Python values and formatted) / the same without formatting / the same SQL by the "
    "bare driver (psycopg or sqlite3) on an open connection, fetchall (medians of "
    "--page-repeats, interleaved); ratio: read / raw."
)


def main() -> int:
    args = _arguments()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    results: list[Figures] = []
    if not args.no_pg:
        _wait_for_other_benchmarks()
        admin = make_url(args.admin_url).set(drivername="postgresql+psycopg")
        url = admin.set(database=args.pg_database)
        _ensure_postgresql(admin, url, args.pg_customers)
        results += _run_database(app, url, f"PostgreSQL {args.pg_customers:,}", args.page_repeats)
    if not args.no_sqlite:
        url = URL.create("sqlite", database=str(args.sqlite))
        _ensure_sqlite(url, args.sqlite_customers)
        results += _run_database(app, url, f"SQLite {args.sqlite_customers:,}", args.page_repeats)
    print()
    print(HEADER)
    for figures in results:
        print(figures.line())
    print(LEGEND)
    print()
    for figures in results:
        print(figures.ratio_line())
    return 0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin-url", default=ADMIN_URL, help="PostgreSQL maintenance URL")
    parser.add_argument("--pg-database", default="mc_bench_list")
    parser.add_argument("--pg-customers", type=int, default=1_000_000)
    parser.add_argument(
        "--sqlite", type=Path, default=Path(tempfile.gettempdir()) / "mc_bench_list.db"
    )
    parser.add_argument("--sqlite-customers", type=int, default=100_000)
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument(
        "--page-repeats", type=int, default=200, help="page reads timed per side (interleaved)"
    )
    return parser.parse_args()


# The databases and the logins.


def _mediacrm(url: URL, *arguments: str, stdin: str | None = None) -> None:
    """`mediacrm --db URL …` of this checkout."""
    target = url.render_as_string(hide_password=False).replace("+psycopg", "")
    subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--db", target, *arguments],
        input=stdin,
        text=True,
        check=True,
        cwd=ROOT,
    )


def _wait_for_other_benchmarks() -> None:
    while subprocess.run(["pgrep", "-f", "bench_demo_load"], capture_output=True).returncode == 0:
        print("waiting: bench_demo_load is running", file=sys.stderr, flush=True)
        time.sleep(30)


def _ensure_postgresql(admin: URL, url: URL, customers: int) -> None:
    with psycopg.connect(_dsn(admin), autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (url.database,)
        ).fetchone()
        if exists is None:
            connection.execute(f'CREATE DATABASE "{url.database}"')
    _ensure_loaded(url, customers)


def _ensure_sqlite(url: URL, customers: int) -> None:
    _ensure_loaded(url, customers)


def _ensure_loaded(url: URL, customers: int) -> None:
    _mediacrm(url, "db", "upgrade")
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            loaded = connection.execute(select(func.count()).select_from(Customer)).scalar_one()
    finally:
        engine.dispose()
    if loaded == 0:
        print(f"loading {customers:,} demo customers into {url.database}", file=sys.stderr)
        _mediacrm(url, "demo", "--customers", str(customers))


@contextmanager
def _logins(url: URL) -> Iterator[None]:
    """The two users, the staff member owning every hundredth customer; removed after."""
    engine = make_engine(url)
    _remove_logins(engine, url)  # left over by an interrupted run
    try:
        owner, department = _sales_person(engine)
        for username, role in USERS.items():
            _mediacrm(
                url, "user", "add", username, "--role", role, "--department", department,
                *(["--name", owner] if role == "staff" else []), stdin=PASSWORD + "\n",
            )  # fmt: skip
        with make_session_factory(engine).begin() as session:
            employee = session.scalars(
                select(User.employee_id).where(User.username == "bench_staff")
            ).one()
            department_id = session.get(Employee, employee).department_id  # type: ignore[union-attr]
            session.execute(
                update(Customer)
                .where(Customer.id % 100 == 37, Customer.owner_id != employee)
                .values(
                    owner_id=employee, department_id=department_id, version=Customer.version + 1
                )
            )
        if url.get_backend_name() == "postgresql":
            with engine.begin() as connection:
                connection.execute(text("ANALYZE customers"))
        yield
    finally:
        _remove_logins(engine, url)
        engine.dispose()


def _sales_person(engine: Any) -> tuple[str, str]:
    with make_session_factory(engine)() as session:
        row = session.execute(
            select(Employee.name, Department.name)
            .join(Customer, Customer.owner_id == Employee.id)
            .join(Department, Department.id == Employee.department_id)
            .order_by(Customer.id)
            .limit(1)
        ).one()
        return row[0], row[1]


def _remove_logins(engine: Any, url: URL) -> None:
    with make_session_factory(engine).begin() as session:
        session.execute(delete(User).where(User.username.in_(USERS)))
    if url.get_backend_name() == "postgresql":
        names = role_names(url.database or "")
        with engine.begin() as connection:
            for username in USERS:
                connection.execute(text(f'DROP ROLE IF EXISTS "{names.login(username)}"'))


# The measurements.


def _run_database(app: QApplication, url: URL, label: str, repeats: int) -> list[Figures]:
    results = []
    with _logins(url):
        for username in USERS:
            logged_in = auth.login(url, username, PASSWORD, "mediacrm db upgrade")
            try:
                figures = Figures(f"{label} {USERS[username]}")
                _measure(app, logged_in, url, figures, repeats)
                print(figures.line(), flush=True)
                print(figures.ratio_line(), flush=True)
                results.append(figures)
            finally:
                logged_in.close()
    return results


def _measure(
    app: QApplication, logged_in: auth.LoggedIn, url: URL, figures: Figures, repeats: int
) -> None:
    query = ListQuery(customer_list_spec(), sort_key="name")
    factory, user = make_session_factory(logged_in.engine), logged_in.user
    figures.open_db_ms = _median_ms(5, lambda: _open_in_db(factory, query, user))
    times = []
    for _ in range(3):
        view, model, started = _open_view(app, logged_in, query)
        _wait(app, lambda: _screen_read(view))  # noqa: B023
        view.viewport().repaint()
        times.append(time.perf_counter() - started)
        _wait(app, model.is_count_exact, timeout=120)
        figures.exact_count_ms = (time.perf_counter() - started) * 1000
        _wait(app, lambda: not model.is_loading())  # noqa: B023
        if len(times) < 3:
            model.close()
            view.close()
    figures.first_screen_ms = statistics.median(times) * 1000
    figures.visible = model.rowCount()
    figures.end_ms = _jump(app, view, lambda: _ctrl_end(view))
    bar = view.verticalScrollBar()
    figures.middle_ms = _jump(app, view, lambda: bar.setValue(bar.maximum() // 2))
    figures.other_jumps_ms = max(
        _jump(app, view, lambda: bar.setValue(bar.maximum() // 4)),
        _jump(app, view, lambda: bar.setValue(bar.maximum() * 3 // 4)),
    )
    figures.repaint_ms, figures.repaint_max_ms = _repaints(app, view)
    figures.rss_mb = _rss_mb()
    figures.page_model_ms, figures.page_read_ms, figures.page_raw_ms = _page_fetches(
        model, logged_in, url, query, repeats
    )
    model.close()
    view.close()


def _open_in_db(factory: Any, query: ListQuery, user: Any) -> None:
    with factory() as session:
        listing.first_page(session, query, user, BLOCK)
        listing.count_rows(session, query, user, 10_000)


def _open_view(
    app: QApplication, logged_in: auth.LoggedIn, query: ListQuery
) -> tuple[QTableView, QueryTableModel, float]:
    view = QTableView()
    view.resize(1280, 800)
    view.show()
    _wait(app, lambda: True)
    started = time.perf_counter()
    model = QueryTableModel(logged_in.engine, logged_in.user, "zh_CN", query, parent=view)
    view.setModel(model)
    return view, model, started


def _screen_read(view: QTableView) -> bool:
    model = view.model()
    assert isinstance(model, QueryTableModel)
    if model.rowCount() == 0:
        return False
    top = max(view.rowAt(0), 0)
    bottom = view.rowAt(view.viewport().height() - 1)
    bottom = model.rowCount() - 1 if bottom < 0 else bottom
    return all(model.values(row) is not None for row in range(top, bottom + 1))


def _ctrl_end(view: QTableView) -> None:
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)


def _jump(app: QApplication, view: QTableView, move: Callable[[], None]) -> float:
    started = time.perf_counter()
    move()
    app.processEvents()  # the view paints and asks for its rows
    _wait(app, lambda: _screen_read(view))
    view.viewport().repaint()
    return (time.perf_counter() - started) * 1000


def _repaints(app: QApplication, view: QTableView) -> tuple[float, float]:
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    _wait(app, lambda: _screen_read(view))
    times = []
    for _ in range(60):
        bar.setValue(bar.value() + 3)
        started = time.perf_counter()
        view.viewport().repaint()
        times.append((time.perf_counter() - started) * 1000)
        app.processEvents()
    return statistics.median(times), max(times)


def _page_fetches(
    model: QueryTableModel, logged_in: auth.LoggedIn, url: URL, query: ListQuery, repeats: int
) -> tuple[float, float, float]:
    """One page in the middle of the list read by the open model as its background reads do
    it (through `model.reads`, formatted and not), and the same SQL with the same key values
    by the bare driver on a connection of its own, fetching every row: medians of `repeats`
    reads of each, in turns."""
    factory, user = make_session_factory(logged_in.engine), logged_in.user
    with factory() as session:
        found = listing.key_map(session, query, user, BLOCK)
    key = found.keys[len(found.keys) // 2]
    anchor = Anchor("after", key, BLOCK)
    formats = listing.Formats.for_language("zh_CN")
    reads = model.reads

    def formatted() -> Any:
        return read_block(reads, query, user, anchor, formats)

    def read() -> Any:
        return reads.run(lambda connection: read_page(connection, query, user, anchor))

    compiled = _page_statement(query, user, key).compile(dialect=logged_in.engine.dialect)
    with contextlib.ExitStack() as stack:
        if url.get_backend_name() == "postgresql":
            pg = stack.enter_context(psycopg.connect(_dsn(logged_in.engine.url), autocommit=True))

            def raw() -> Any:
                return pg.execute(compiled.string, compiled.params).fetchall()
        else:
            lite = stack.enter_context(contextlib.closing(sqlite3.connect(url.database or "")))
            positional = [compiled.params[name] for name in compiled.positiontup or ()]

            def raw() -> Any:
                return lite.execute(compiled.string, positional).fetchall()

        model_ids = [row[0] for row in read().rows]
        raw_ids = [row[0] for row in raw()]
        if model_ids != raw_ids:
            raise AssertionError("the model's page and the raw page hold different rows")
        times = _interleaved_ms(repeats, formatted, read, raw)
    return times[0], times[1], times[2]


def _page_statement(query: ListQuery, user: Any, key: Key) -> Any:
    spec, sort = query.spec, query.sort_column.sort_by
    base = query.statement(user, spec.ident, *(c.expression for c in spec.columns), sort)
    return _segment(base, sort, spec.ident, True, key, False).limit(BLOCK)


# Helpers.


def _wait(app: QApplication, condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.perf_counter() + timeout
    ticker = QTimer()
    ticker.start(2)  # wakes the loop below even when no event arrives
    try:
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("the list did not arrive")
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        ticker.stop()


def _interleaved_ms(times: int, *functions: Callable[[], Any]) -> list[float]:
    """The median time of each function, run in turns (so that a busy machine slows all),
    after a few unmeasured turns (statement caches, the drivers' prepared statements)."""
    for function in functions * 10:
        function()
    durations: list[list[float]] = [[] for _ in functions]
    for _ in range(times):
        for function, spent in zip(functions, durations, strict=True):
            started = time.perf_counter()
            function()
            spent.append((time.perf_counter() - started) * 1000)
    return [statistics.median(spent) for spent in durations]


def _median_ms(times: int, function: Callable[[], Any]) -> float:
    durations = []
    for _ in range(times):
        started = time.perf_counter()
        function()
        durations.append((time.perf_counter() - started) * 1000)
    return statistics.median(durations)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _dsn(url: URL) -> str:
    return f"host={url.host} port={url.port or 5432} user={url.username} dbname={url.database}" + (
        f" password={url.password}" if url.password else ""
    )


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
