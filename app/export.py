"""Exporting what a list shows: CSV (UTF-8 with BOM, so Excel shows Chinese) and Excel
workbooks written row by row (openpyxl's write-only mode), and the audit entry of an export.

Rows may be display strings or plain values (Decimal, date, datetime, numbers). A text cell
that a spreadsheet would run as a formula (=, +, -, @ first, also after spaces; a leading tab
or carriage return) is neutralised: a leading apostrophe in CSV, a text cell in Excel.
A file appears only when complete: rows go to `<name>.part`, renamed at the end; if the rows
iterator raises (the user cancelled, the database went away) the partial file is removed.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import Executable, insert, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app import dberrors
from app.access import CurrentUser
from db.models.audit import AuditLog
from db.permissions import module_of

PathLike = str | os.PathLike[str]
Row = Sequence[Any]

EXPORT_OPERATION = "EXPORT"
FORMULA_STARTS = ("=", "+", "-", "@")
CONTROL_STARTS = ("\t", "\r")
DATE_FORMAT = "%Y-%m-%d"
DATE_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
XLSX_DATE_FORMAT = "yyyy-mm-dd"
XLSX_DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
# Excel keeps 15 significant digits: longer numbers (ids, codes) stay exact only as text.
EXCEL_DIGITS = 15
EXCEL_MAX_TEXT = 32_767
SHEET_TITLE_MAX = 31
SHEET_TITLE_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})
WIDTH_SAMPLE_ROWS = 100
MIN_WIDTH, MAX_WIDTH = 8, 50
NOTE_MAX = 500


def is_formula_like(value: str) -> bool:
    """Whether a spreadsheet could take this text for a formula."""
    return value.startswith(CONTROL_STARTS) or value.lstrip(" \t\r\n").startswith(FORMULA_STARTS)


def local_naive(moment: dt.datetime) -> dt.datetime:
    """A time as the user's clock shows it; spreadsheets have no time zones."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo is not None else moment


# CSV.
def write_csv(path: PathLike, headers: Sequence[str], rows: Iterable[Row]) -> int:
    """Write a CSV file Excel opens with Chinese intact; returns the number of rows."""
    count = 0
    with (
        _complete_file(path) as part,
        part.open("w", encoding="utf-8-sig", newline="") as stream,
    ):
        writer = csv.writer(stream)
        writer.writerow([csv_text(header) for header in headers])
        for row in rows:
            writer.writerow([csv_text(value) for value in row])
            count += 1
    return count


def csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if is_formula_like(value) else value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.datetime):
        return local_naive(value).strftime(DATE_TIME_FORMAT)
    if isinstance(value, dt.date):
        return value.strftime(DATE_FORMAT)
    if isinstance(value, int | float):
        return str(value)
    return csv_text(str(value))


# Excel.
def write_xlsx(
    path: PathLike, headers: Sequence[str], rows: Iterable[Row], sheet_title: str = ""
) -> int:
    """Write an Excel workbook row by row: bold, frozen header row; numbers and dates stay
    numbers and dates. Returns the number of rows."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title_of(sheet_title))
    iterator = iter(rows)
    sample = list(islice(iterator, WIDTH_SAMPLE_ROWS))
    for number, width in enumerate(column_widths(headers, sample), start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_header_cell(sheet, header, bold) for header in headers])
    count = 0
    with _complete_file(path) as part:
        for row in chain(sample, iterator):
            sheet.append([xlsx_value(sheet, value) for value in row])
            count += 1
        if headers:
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
        workbook.save(part)
    return count


def sheet_title_of(title: str) -> str:
    """A title Excel accepts: no []:*?/\\, at most 31 characters."""
    cleaned = title.translate(SHEET_TITLE_FORBIDDEN).strip("' ")[:SHEET_TITLE_MAX]
    return cleaned or "Sheet1"


def _header_cell(sheet: Any, header: str, font: Font) -> WriteOnlyCell:
    cell = _text_cell(sheet, str(header))
    cell.font = font
    return cell


def xlsx_value(sheet: Any, value: Any) -> Any:
    """A value as openpyxl should store it: numbers and dates as such, text always as text."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float | Decimal):
        return _number(sheet, value)
    if isinstance(value, dt.datetime):
        return _formatted(sheet, local_naive(value), XLSX_DATE_TIME_FORMAT)
    if isinstance(value, dt.date):
        return _formatted(sheet, value, XLSX_DATE_FORMAT)
    value = value if isinstance(value, str) else str(value)
    return value if _plain_text(value) else _text_cell(sheet, value)


def _number(sheet: Any, value: int | float | Decimal) -> Any:
    if isinstance(value, float):
        return value
    if isinstance(value, int):
        return value if abs(value) < 10**EXCEL_DIGITS else _text_cell(sheet, str(value))
    if not value.is_finite() or len(value.as_tuple().digits) > EXCEL_DIGITS:
        return _text_cell(sheet, format(value, "f"))
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return _formatted(sheet, value, "#,##0." + "0" * places if places else "#,##0")


def _formatted(sheet: Any, value: Any, number_format: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value)
    cell.number_format = number_format
    return cell


def _plain_text(value: str) -> bool:
    """Text openpyxl stores as it is, with no cell object needed (the common, fast case)."""
    return not (
        value.startswith("#")
        or is_formula_like(value)
        or "\r" in value
        or len(value) > EXCEL_MAX_TEXT
        or ILLEGAL_CHARACTERS_RE.search(value)
    )


def _text_cell(sheet: Any, value: str) -> WriteOnlyCell:
    """Text stored as text even when it starts with = or #, which openpyxl would take for a
    formula or an error value; formula-like text is also marked as quoted, so that editing the
    cell in Excel does not turn it into a formula either."""
    cell = WriteOnlyCell(sheet, None)
    cell.quotePrefix = is_formula_like(value)
    # XML reads a bare carriage return as a line feed, which is what Excel breaks lines on.
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)[:EXCEL_MAX_TEXT]
    cell.data_type = "s"
    return cell


def column_widths(headers: Sequence[str], sample: Sequence[Row]) -> list[int]:
    """Widths in characters from the header and the first rows (Chinese counts double)."""
    widths = [display_width(str(header)) + 2 for header in headers]
    for row in sample:
        for number, value in enumerate(row[: len(widths)]):
            widths[number] = max(widths[number], display_width(csv_text(value)) + 1)
    return [min(max(width, MIN_WIDTH), MAX_WIDTH) for width in widths]


def display_width(value: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in value)


# Writing a whole file or none.
@contextmanager
def _complete_file(path: PathLike) -> Iterator[Path]:
    target = Path(path)
    part = target.with_name(target.name + ".part")
    try:
        yield part
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


def export_list(
    sessions: sessionmaker[Session],
    user: CurrentUser,
    table: str,
    path: PathLike,
    headers: Sequence[str],
    rows: Iterable[Row],
    title: str,
    *,
    as_csv: bool = False,
) -> int:
    """Write a list of `table`'s rows to `path` — CSV when `as_csv` or the name ends in .csv,
    else an Excel workbook with a sheet named `title` — for a user who may export it (refused
    before anything is read or written), and record the export; the number of rows."""
    require_export(user, table)
    if as_csv or Path(path).suffix.lower() == ".csv":
        count = write_csv(path, headers, rows)
    else:
        count = write_xlsx(path, headers, rows, title)
    with sessions.begin() as session:
        record_export(session, user, table, count)
    return count


# Permission and the audit trail.
def require_export(user: CurrentUser, table: str) -> None:
    """Only holders of the export permission of the table's module take its rows away."""
    user.require(module_of(table), "export")


def record_export(session: Session, user: CurrentUser, table: str, row_count: int) -> None:
    """Write an EXPORT entry (who, when, which list, how many rows) to the audit trail, in the
    caller's transaction, for a user who may export that list. On PostgreSQL through the
    SECURITY DEFINER function mc_log_session, as logins are, since no user may insert into
    audit_log; on SQLite directly."""
    require_export(user, table)
    note = f"{table}: {row_count} rows"[:NOTE_MAX]
    statement: Executable
    if session.get_bind().dialect.name == "postgresql":
        statement = text("SELECT mc_log_session(:operation, :note)").bindparams(
            operation=EXPORT_OPERATION, note=note
        )
    else:
        statement = insert(AuditLog).values(
            occurred_at=dt.datetime.now(dt.UTC),
            db_user=user.username,
            user_id=user.user_id,
            operation=EXPORT_OPERATION,
            application="MediaCRM",
            note=note,
        )
    try:
        session.execute(statement)
    except DBAPIError as exc:
        error = dberrors.translate(exc)
        if error is None:
            raise
        raise error from exc
