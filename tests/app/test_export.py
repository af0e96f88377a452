"""Exports read back as Excel and the csv module would read them: Chinese intact, formula-like
text neutralised, numbers and dates kept as such, big lists streamed; an export goes to the
audit trail."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.engine import URL

from app import export
from app.errors import PermissionDeniedError
from db.engine import make_engine, make_session_factory
from db.models.audit import AuditLog
from tests.acting_users import acting, small_office
from tests.security_world import World

HEADERS = ("客户名称", "金额", "签约日期", "最后修改", "备注")
SHANGHAI_NOON = dt.datetime(2026, 3, 1, 12, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
FORMULA_LIKE = (
    '=HYPERLINK("http://x","点我")',
    "+86 10 8888 8888",
    "-2+3",
    "@SUM(A1:A2)",
    "  =1+1",
    "\t=1+1",
    "\tplain after a tab",
    "\rcarriage",
)
BIG_ROWS = 50_000
BUDGET_KB = 30 * 1024
ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def shanghai_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The PC's clock in China, so that "local time" is not UTC by accident."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def sample_rows() -> list[tuple[object, ...]]:
    return [
        ("北京星辰传媒有限公司", Decimal("12500.50"), dt.date(2026, 1, 5), SHANGHAI_NOON, "首单"),
        ("上海东方广告", -300, None, SHANGHAI_NOON.astimezone(dt.UTC), "=1+1"),
    ]


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def test_csv_starts_with_a_bom_and_keeps_chinese(tmp_path: Path, shanghai_time: None) -> None:
    path = tmp_path / "客户.csv"
    assert export.write_csv(path, HEADERS, sample_rows()) == 2
    assert path.read_bytes().startswith(codecs.BOM_UTF8)
    header, first, second = read_csv(path)
    assert tuple(header) == HEADERS
    assert first == [
        "北京星辰传媒有限公司",
        "12500.50",
        "2026-01-05",
        "2026-03-01 12:30:00",
        "首单",
    ]
    assert second == ["上海东方广告", "-300", "", "2026-03-01 12:30:00", "'=1+1"]
    assert not list(tmp_path.glob("*.part"))


def test_csv_neutralises_every_formula_like_text_cell(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    export.write_csv(path, ["=header"], [(value,) for value in (*FORMULA_LIKE, "a=b", "中=文")])
    cells = [row[0] for row in read_csv(path)]
    assert cells[0] == "'=header"
    assert cells[1 : len(FORMULA_LIKE) + 1] == ["'" + value for value in FORMULA_LIKE]
    assert cells[-2:] == ["a=b", "中=文"]


def test_csv_writes_negative_numbers_as_numbers(tmp_path: Path) -> None:
    path = tmp_path / "amounts.csv"
    export.write_csv(path, ["金额"], [(Decimal("-12.50"),), (-7,), (1.5,)])
    assert [row[0] for row in read_csv(path)[1:]] == ["-12.50", "-7", "1.5"]


def test_xlsx_has_a_bold_frozen_header_and_sensible_widths(tmp_path: Path) -> None:
    path = tmp_path / "客户.xlsx"
    assert export.write_xlsx(path, HEADERS, sample_rows(), "客户列表") == 2
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert sheet.title == "客户列表"
    assert [cell.value for cell in sheet[1]] == list(HEADERS)
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E3"
    # 北京星辰传媒有限公司: ten Chinese characters, twice as wide as Latin ones.
    assert sheet.column_dimensions["A"].width >= 20
    assert export.MIN_WIDTH <= sheet.column_dimensions["E"].width <= export.MAX_WIDTH


def test_xlsx_keeps_numbers_and_dates_as_such(tmp_path: Path, shanghai_time: None) -> None:
    path = tmp_path / "amounts.xlsx"
    rows = [
        *sample_rows(),
        ("身份证号码太长", 123456789012345678, Decimal("1234567890.1234567"), True, 1.25),
    ]
    export.write_xlsx(path, HEADERS, rows)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    amount, signed, when, utc_when = sheet["B2"], sheet["B3"], sheet["C2"], sheet["D3"]
    assert (amount.data_type, amount.value, amount.number_format) == ("n", 12500.5, "#,##0.00")
    assert (signed.data_type, signed.value) == ("n", -300)
    assert when.is_date and when.value == dt.datetime(2026, 1, 5)
    assert utc_when.is_date and utc_when.value == dt.datetime(2026, 3, 1, 12, 30)
    assert sheet["C3"].value is None
    # Past Excel's 15 digits a number would change: such values stay exact, as text.
    assert sheet["B4"].value == "123456789012345678"
    assert sheet["C4"].value == "1234567890.1234567"
    assert sheet["D4"].value is True
    assert sheet["E4"].value == 1.25


def test_xlsx_stores_formula_like_text_as_text(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    values = (*FORMULA_LIKE, "#N/A", "=")
    export.write_xlsx(path, ["=header"], [(value,) for value in values], "a/b:c*?[d]")
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert sheet.title == "a_b_c___d_"
    cells = [row[0] for row in sheet.iter_rows()]
    assert [cell.data_type for cell in cells] == ["s"] * (len(values) + 1)
    assert [cell.value for cell in cells] == ["=header", *(v.replace("\r", "\n") for v in values)]
    assert [cell.quotePrefix for cell in cells] == [True] * (len(values) - 1) + [False, True]


def test_a_failing_row_source_leaves_no_file(tmp_path: Path) -> None:
    def rows() -> Iterator[tuple[object, ...]]:
        yield ("一",)
        raise ConnectionError("the server went away")

    for write, name in ((export.write_csv, "a.csv"), (export.write_xlsx, "a.xlsx")):
        with pytest.raises(ConnectionError):
            write(tmp_path / name, ["名称"], rows())
    assert list(tmp_path.iterdir()) == []


def big_rows() -> Iterator[tuple[object, ...]]:
    for number in range(BIG_ROWS):
        yield (
            f"客户{number:06d}有限责任公司",
            Decimal(number) / 100,
            dt.date(2026, 1, 1) + dt.timedelta(days=number % 365),
            SHANGHAI_NOON + dt.timedelta(minutes=number),
            "=备注" if number % 1000 == 0 else f"备注 {number}",
        )


def peak_growth_kb(function: str, path: Path) -> int:
    """How much a fresh Python's peak resident memory grows while `function` exports
    BIG_ROWS rows to `path` (a child process, so that nothing else counts)."""
    script = (
        "import resource, sys\n"
        "from app import export\n"
        "from tests.app.test_export import HEADERS, big_rows\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "count = getattr(export, sys.argv[1])(sys.argv[2], HEADERS, big_rows())\n"
        "assert count == 50_000, count\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, function, str(path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout.strip())


@pytest.mark.skipif(sys.platform == "win32", reason="measured with the POSIX resource module")
def test_fifty_thousand_rows_stream_in_reasonable_memory(tmp_path: Path) -> None:
    """Streamed, the rows cost almost nothing; held in a workbook they would take ~100 MB."""
    assert peak_growth_kb("write_csv", tmp_path / "big.csv") < BUDGET_KB
    rows = read_csv(tmp_path / "big.csv")
    assert len(rows) == BIG_ROWS + 1
    assert rows[1001][0] == "客户001000有限责任公司" and rows[1001][4] == "'=备注"

    assert peak_growth_kb("write_xlsx", tmp_path / "big.xlsx") < BUDGET_KB
    workbook = openpyxl.load_workbook(tmp_path / "big.xlsx", read_only=True)
    try:
        sheet = workbook.active
        assert sheet is not None
        rows_read = 0
        for rows_read, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if rows_read == 1002:
                assert row[0] == "客户001000有限责任公司" and row[4] == "=备注"
    finally:
        workbook.close()
    assert rows_read == BIG_ROWS + 1


def test_a_staff_member_records_their_export_in_the_audit_trail(db_url: URL) -> None:
    world = small_office(db_url)
    with acting(world, "staff_a") as (sessions, user), sessions.begin() as session:
        export.record_export(session, user, "customers", 1234)
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine)() as session:
            entry = session.scalars(
                select(AuditLog).where(AuditLog.operation == export.EXPORT_OPERATION)
            ).one()
    finally:
        engine.dispose()
    assert (entry.user_id, entry.note) == (world.user_id_of["staff_a"], "customers: 1234 rows")


def test_an_export_of_a_list_the_role_may_not_export_is_refused(db_url: URL) -> None:
    world = small_office(db_url)
    with (
        acting(world, "staff_a") as (sessions, user),
        sessions.begin() as session,
        pytest.raises(PermissionDeniedError),
    ):
        export.record_export(session, user, "positions", 3)  # staff only view reference


def _export_entries(world: World) -> list[str | None]:
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine)() as session:
            return list(
                session.scalars(
                    select(AuditLog.note).where(AuditLog.operation == export.EXPORT_OPERATION)
                )
            )
    finally:
        engine.dispose()


def test_a_list_is_exported_only_by_a_role_that_may_and_then_audited(
    db_url: URL, tmp_path: Path
) -> None:
    world = small_office(db_url)
    read: list[int] = []

    def rows() -> Iterator[tuple[str, ...]]:
        for number in range(3):
            read.append(number)
            yield (f"第{number}行",)

    refused = tmp_path / "positions.xlsx"
    with acting(world, "staff_a") as (sessions, user), pytest.raises(PermissionDeniedError):
        export.export_list(sessions, user, "positions", refused, ["名称"], rows(), "职位")
    assert (refused.exists(), read, _export_entries(world)) == (False, [], [])

    written = tmp_path / "客户.csv"
    with acting(world, "staff_a") as (sessions, user):
        count = export.export_list(sessions, user, "customers", written, ["名称"], rows(), "客户")
    with written.open(encoding="utf-8-sig", newline="") as stream:
        assert list(csv.reader(stream)) == [["名称"], ["第0行"], ["第1行"], ["第2行"]]
    assert (count, _export_entries(world)) == (3, ["customers: 3 rows"])
