"""Benchmark of the customer import on PostgreSQL: 100,000 customers with 200,000 contacts
(two a row), from CSV (target under 15 s) and from .xlsx (under 30 s), peak memory under
500 MB, written by a staff member through their own login role (row-level security and
the audit triggers included).

Run by hand:  .venv/bin/python bench/bench_import.py [--rows 100000] [--pg URL] [--runs N]
                  [--only csv|xlsx] [--profile FOLDER]
Each import runs in a process of its own on a fresh database, so its peak RSS is its own.
The import is `plan_and_write`, as the wizard and the command line run it: the new
customers are written while the file is still read. Besides the wall time it prints the CPU
seconds of the importing process and of its PostgreSQL backend (read from /proc: the server
must run on this machine), the wall time until the whole file was read and checked (plan,
with the writes made meanwhile) and of the writing left after it (write); in brackets the
backend's CPU until the file was read. The machine is shared: wall times vary with the
others' load, CPU times much less. `--profile FOLDER` writes a cProfile of
each import there (`python -m pstats FOLDER/csv-1.prof`).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy import text
from sqlalchemy.engine import URL, make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import schema, users
from app.identifiers import credit_code_check_char
from db import security
from db.engine import make_engine, make_session_factory

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PASSWORD = "Bench-Passw0rd"
USERNAME = "bench_staff"
HEADERS = [
    "公司名称", "城市", "行业", "客户类型", "电话", "邮箱", "统一社会信用代码", "地址", "邮编",
    "联系人", "手机", "职务", "联系人2", "手机2", "职务2", "备注",
]  # fmt: skip
CITIES = ["北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉", "西安", "苏州"]
AREAS = ["010", "021", "020", "0755", "0571", "025", "028", "027", "029", "0512"]
INDUSTRIES = ["制造业", "汽车", "房地产", "金融业", "信息技术", "教育", "文化传媒", "食品饮料"]
TYPES = ["目标客户", "潜在客户", "老客户"]
WORDS = "华星东方恒通博远鼎盛瑞丰金桥天成宏达新锐智联海纳九州长城明德嘉禾"
TRADES = ["科技", "传媒", "贸易", "广告", "实业", "文化", "咨询", "网络"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明"]
TITLES = ["市场总监", "品牌经理", "采购经理", "总经理", "销售总监"]


def credit_code(number: int) -> str:
    first = f"91{number % 900000 + 100000:06d}{number:09d}"
    return first + credit_code_check_char(first)


def person(number: int) -> str:
    return (
        SURNAMES[number % len(SURNAMES)]
        + GIVEN[number // 20 % len(GIVEN)]
        + GIVEN[number // 7 % len(GIVEN)]
    )


def rows(count: int) -> list[list[object]]:
    found: list[list[object]] = []
    for n in range(count):
        city = n % len(CITIES)
        name = f"{CITIES[city]}{WORDS[n % 20]}{WORDS[n // 20 % 20]}{TRADES[n % 8]}{n}有限公司"
        found.append([
            name, CITIES[city], INDUSTRIES[n % len(INDUSTRIES)], TYPES[n % 3],
            f"{AREAS[city]}-{60000000 + n}", f"info{n}@firm{n % 997}.cn", credit_code(n + 1),
            f"{CITIES[city]}市文三路{n % 900 + 1}号{n % 30 + 1}层", "100080",
            person(2 * n), f"13{2 * n:09d}", TITLES[n % 5], person(2 * n + 1),
            f"15{2 * n + 1:09d}", TITLES[(n + 2) % 5], "=导入测试" if n % 1000 == 0 else "",
        ])  # fmt: skip
    return found


def write_files(folder: Path, count: int) -> tuple[Path, Path]:
    data = rows(count)
    csv_path = folder / "customers.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream).writerows([HEADERS, *data])
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("客户")
    sheet.append(HEADERS)
    for values in data:
        sheet.append(values)
    xlsx_path = folder / "customers.xlsx"
    workbook.save(xlsx_path)
    return csv_path, xlsx_path


def admin_connect(admin: URL, database: str | None = None) -> psycopg.Connection:
    return psycopg.connect(
        host=admin.host, port=admin.port or 5432, user=admin.username,
        password=admin.password, dbname=database or admin.database, autocommit=True,
    )  # fmt: skip


def fresh_database(admin: URL, name: str) -> URL:
    """A migrated database with a staff member of 销售部 who logs in with their own role."""
    drop_database(admin, name)
    with admin_connect(admin) as connection:
        connection.execute(
            sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' "
                    "LC_CTYPE 'C.UTF-8' TEMPLATE template0").format(sql.Identifier(name))
        )  # fmt: skip
    url = admin.set(database=name)
    engine = make_engine(url)
    schema.upgrade(engine)
    with make_session_factory(engine).begin() as session:
        users.add_department(session, "销售部")
        users.add_user(session, USERNAME, PASSWORD, "staff", "销售部", "王小明")
    engine.dispose()
    return url.set(username=security.role_names(name).login(USERNAME), password=PASSWORD)


def drop_database(admin: URL, name: str) -> None:
    with admin_connect(admin) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        prefix = security.role_names(name).prefix
        for (role,) in connection.execute(
            "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s) "
            "ORDER BY rolname = %s, rolname = %s",
            (prefix, f"{prefix}users", f"{prefix}owner"),
        ).fetchall():
            connection.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


def backend_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) of a PostgreSQL backend on this machine, or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child(path: str, url_text: str, profile: str | None = None) -> None:
    """One import, as the staff member: plan and write in one transaction, as
    import_customers does; prints seconds, CPU, counts and peak RSS as JSON."""
    from app.access import load_current_user
    from app.customer_import import plan_and_write

    url = make_url(url_text)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    profiler = cProfile.Profile() if profile else None
    started, cpu_started = time.perf_counter(), process_cpu()
    with factory.begin() as session:
        backend = int(session.scalar(text("SELECT pg_backend_pid()")) or 0)
        backend_started = backend_cpu(backend)
        user_id = session.scalar(text("SELECT mc_user_id()"))
        user = load_current_user(session, int(user_id))
        if profiler is not None:
            profiler.enable()
        plan_started = time.perf_counter()
        read: list[float] = []

        def progress(done: int, total: int) -> None:
            if done == total:  # the whole file read and checked
                read[:] = [time.perf_counter(), backend_cpu(backend) or 0.0]

        _plan, result = plan_and_write(session, user, path, progress=progress)
        write_started, backend_planned = read
        commit_started = time.perf_counter()
    finished = time.perf_counter()
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(profile)  # type: ignore[arg-type]
    backend_finished = backend_cpu(backend)
    cpu = process_cpu() - cpu_started
    with factory() as session:
        counted = session.scalar(text("SELECT count(*) FROM customers"))
    engine.dispose()
    print(json.dumps({
        "seconds": finished - started, "plan": write_started - plan_started,
        "write": commit_started - write_started,
        "commit": finished - commit_started,
        "cpu": cpu,
        "backend_cpu": (
            None if backend_started is None or backend_finished is None
            else backend_finished - backend_started
        ),
        "backend_plan_cpu": (
            None if backend_started is None or backend_planned is None
            else backend_planned - backend_started
        ),
        "created": result.created, "contacts": result.contacts_created,
        "rejected": result.rejected, "duplicates": result.duplicates, "customers": counted,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))  # fmt: skip


def audit_rows(admin: URL, name: str) -> int:
    with admin_connect(admin, name) as connection:
        row = connection.execute(
            "SELECT count(*) FROM audit_log WHERE operation = 'INSERT'"
            " AND table_name IN ('customers', 'contacts')"
        ).fetchone()
    return int(row[0]) if row else 0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--pg", default=os.environ.get("MEDIACRM_TEST_PG", PG_DEFAULT))
    parser.add_argument("--runs", type=int, default=1, help="imports of each file")
    parser.add_argument("--only", choices=("csv", "xlsx"), help="import this format only")
    parser.add_argument("--profile", metavar="FOLDER", help="write a cProfile of each import")
    parser.add_argument("--child", nargs=3, metavar=("FILE", "URL", "PROFILE"),
                        help=argparse.SUPPRESS)  # fmt: skip
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.child[2] or None)
        return
    busy = subprocess.run(["pgrep", "-f", "bench_demo_load"], capture_output=True, text=True)
    if busy.stdout.strip():
        sys.exit("bench_demo_load is running: timings would be wrong; try later")
    admin = make_url(args.pg).set(drivername="postgresql+psycopg")
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        files = write_files(Path(folder), args.rows)
        print(f"files written in {time.perf_counter() - started:.1f} s "
              f"(CSV {files[0].stat().st_size / 1e6:.1f} MB, "
              f".xlsx {files[1].stat().st_size / 1e6:.1f} MB)")  # fmt: skip
        print(f"{'file':<5} {'rows':>8} {'customers':>9} {'contacts':>8} {'audit':>7} "
              f"{'wall s':>6} {'target':>6} {'plan s':>6} {'write s':>7} "
              f"{'CPU s':>5} {'PG CPU s (plan)':>15} {'peak RSS':>8}")  # fmt: skip
        for path, target in zip(files, (15, 30), strict=True):
            kind = path.suffix[1:]
            if args.only and args.only != kind:
                continue
            for run in range(1, args.runs + 1):
                profile = str(Path(args.profile) / f"{kind}-{run}.prof") if args.profile else ""
                report(admin, path, kind, args.rows, target, profile)


def report(admin: URL, path: Path, kind: str, count: int, target: int, profile: str) -> None:
    """One import of `path` on a fresh database, in a process of its own; prints its line."""
    name = f"mediacrm_bench_import_{os.getpid()}"  # two runs at once do not meet
    url = fresh_database(admin, name)
    try:
        output = subprocess.run(
            [sys.executable, __file__, "--child", str(path),
             url.render_as_string(hide_password=False), profile],
            stdout=subprocess.PIPE, text=True, check=True,  # its errors shown as they come
        ).stdout  # fmt: skip
        figures = json.loads(output.strip().splitlines()[-1])
        audited = audit_rows(admin, name)
    finally:
        drop_database(admin, name)
    backend = figures["backend_cpu"]
    planned = figures["backend_plan_cpu"]
    server = "-" if backend is None else f"{backend:.1f} ({planned:.1f})"
    print(f"{kind:<5} {count:>8,} {figures['created']:>9,} {figures['contacts']:>8,} "
          f"{audited:>7,} {figures['seconds']:>6.1f} {'<' + str(target):>6} "
          f"{figures['plan']:>6.1f} {figures['write'] + figures['commit']:>7.1f} "
          f"{figures['cpu']:>5.1f} {server:>15} "
          f"{figures['rss_mb']:>5.0f} MB", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
