"""Reading a spreadsheet to import: .xlsx (openpyxl, read-only streaming) and CSV in UTF-8
(with or without BOM), UTF-16 (Excel's "Unicode text") or GB18030/GBK, which Chinese Excel
writes, the encoding and the delimiter (comma, tab, semicolon) found by looking.

Rows come as `SourceRow`s: the cells as text and the line they start on, the header being
line 1. Rows with nothing in them are passed over, as a spreadsheet's formatted but empty
rows at the end would be. A file that cannot be read raises `ValidationError` with the
code `file_unreadable` (field "file"), whatever went wrong inside.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import io
import logging
import os
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.errors import ValidationError

log = logging.getLogger(__name__)

PathLike = str | os.PathLike[str]
DELIMITERS = (",", "\t", ";")
# Bytes read at a time while checking that the whole file is valid UTF-8.
_CHUNK = 1 << 20
# A cell longer than this is refused by the csv module (its default is 131,072).
CSV_FIELD_LIMIT = 1 << 20
XLSX_EXTENSIONS = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class SourceRow:
    """One data row of the file: where it starts (header = line 1) and its cells as text."""

    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class FileFormat:
    """What was found out about a file: "xlsx" or "csv", and for CSV its encoding and
    delimiter."""

    kind: str
    encoding: str | None = None
    delimiter: str | None = None


def unreadable(path: PathLike, reason: str, line: int | None = None) -> ValidationError:
    where = f"line {line}: " if line is not None else ""
    return ValidationError("file_unreadable", field="file", path=str(path), reason=where + reason)


@contextmanager
def open_table(path: PathLike) -> Iterator[tuple[FileFormat, list[str], Iterator[SourceRow]]]:
    """The file's format, its header texts and an iterator over its data rows, read as they
    are needed; the file (workbook) is closed when the block ends."""
    file_format = detect_format(path)
    opener = _xlsx_rows if file_format.kind == "xlsx" else _csv_rows
    with opener(path, file_format) as raw:
        rows = _guarded(path, raw)
        headers = _headers(path, rows)
        yield file_format, headers, _data_rows(rows, len(headers))


def preview_rows(path: PathLike, limit: int) -> tuple[list[str], list[SourceRow]]:
    """The headers and the first `limit` data rows, for a preview."""
    with open_table(path) as (_format, headers, rows):
        found: list[SourceRow] = []
        for row in rows:
            if len(found) >= limit:
                break
            found.append(row)
        return headers, found


def detect_format(path: PathLike) -> FileFormat:
    try:
        with open(path, "rb") as stream:
            head = stream.read(4)
    except OSError as exc:
        raise unreadable(path, exc.strerror or str(exc)) from exc
    if head.startswith(b"PK"):
        return FileFormat("xlsx")
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # the old binary .xls
        raise ValidationError("file_format_unknown", field="file", path=str(path))
    if Path(path).suffix.lower() in XLSX_EXTENSIONS:
        raise unreadable(path, "not an .xlsx workbook")
    encoding = detect_encoding(path)
    return FileFormat("csv", encoding, detect_delimiter(path, encoding))


def detect_encoding(path: PathLike) -> str:
    """UTF-16 by its BOM; UTF-8 (BOM or not) if the whole file decodes as UTF-8; else
    GB18030 (a superset of GBK and GB2312) if it decodes so; else the best guess of
    charset_normalizer."""
    with open(path, "rb") as stream:
        head = stream.read(2)
        if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            return "utf-16"
        stream.seek(0)
        if _decodes(stream, "utf-8"):
            return "utf-8-sig"
        stream.seek(0)
        if _decodes(stream, "gb18030"):
            return "gb18030"
    from charset_normalizer import from_path

    best = from_path(path).best()
    if best is None:
        raise unreadable(path, "unknown text encoding")
    return str(best.encoding)


def _decodes(stream: io.BufferedReader, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        while chunk := stream.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_delimiter(path: PathLike, encoding: str) -> str:
    """The delimiter of the header line: the most frequent of comma, tab and semicolon
    outside quotes (a comma when none appears: a file of one column)."""
    with open(path, encoding=encoding, newline="") as stream:
        first = stream.readline()
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in first:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


# Raw rows: (line, cells) for every record, the header included.
RawRows = Iterator[tuple[int, list[str]]]


@contextmanager
def _csv_rows(path: PathLike, file_format: FileFormat) -> Iterator[RawRows]:
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    try:
        stream = open(path, encoding=file_format.encoding, newline="")  # noqa: SIM115
    except OSError as exc:
        raise unreadable(path, exc.strerror or str(exc)) from exc
    with stream:
        reader = csv.reader(stream, delimiter=file_format.delimiter or ",")

        def rows() -> RawRows:
            start = 1
            for cells in reader:
                yield start, cells
                start = reader.line_num + 1

        yield rows()


@contextmanager
def _xlsx_rows(path: PathLike, _format: FileFormat) -> Iterator[RawRows]:
    try:
        workbook = _fast_openpyxl().open_workbook(path)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise unreadable(path, str(exc) or type(exc).__name__) from exc
    try:
        sheet = workbook.worksheets[0]

        def rows() -> RawRows:
            for number, values in enumerate(_fast_openpyxl().sheet_values(sheet), start=1):
                yield number, [cell_text(value) for value in values]

        yield rows()
    finally:
        workbook.close()


@functools.cache
def _fast_openpyxl() -> Any:
    """openpyxl's read-only reading with its slow parts done faster, the values the same:
    a plain string cell (shared or inline) is read straight from its <t> element rather
    than through openpyxl's rich-text objects, the rest as openpyxl reads it; a sheet
    without a dimension is not read an extra time to find none. Made on first use:
    openpyxl takes a while to import."""
    from openpyxl.cell.text import Text
    from openpyxl.packaging.relationship import get_dependents, get_rels_path
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.utils.cell import column_index_from_string
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.worksheet._reader import (
        DATA_TAG,
        DIMENSION_TAG,
        INLINE_STRING,
        VALUE_TAG,
        WorkSheetParser,
    )
    from openpyxl.worksheet.dimensions import SheetDimension
    from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    string_tag = f"{{{SHEET_MAIN_NS}}}si"
    text_tag = f"{{{SHEET_MAIN_NS}}}t"

    def plain_text(node: Any) -> str | None:
        """The text of a <si> or <is> that holds one <t> and nothing else, else None."""
        if len(node) == 1 and node[0].tag == text_tag:
            return node[0].text or ""
        return None

    def string_table(source: Any) -> list[str]:
        """openpyxl's read_string_table, faster for plain strings."""
        strings = []
        for _, node in iterparse(source):
            if node.tag == string_tag:
                text = plain_text(node)
                if text is None:
                    text = Text.from_tree(node).content
                strings.append(text.replace("x005F_", ""))
                node.clear()
        return strings

    class Sheet(ReadOnlyWorksheet):  # type: ignore[misc]
        def _get_size(self) -> None:
            """The sheet's dimension, looked for before its data only: openpyxl reads the
            whole sheet once more when a workbook has none (openpyxl's own write-only
            workbooks), to find nothing there either."""
            with self._get_source() as source:
                for _event, element in iterparse(source, events=("start",)):
                    if element.tag == DIMENSION_TAG:
                        boundaries = SheetDimension.from_tree(element).boundaries
                        self._min_column, self._min_row, self._max_column, self._max_row = (
                            boundaries
                        )
                        return
                    if element.tag == DATA_TAG:
                        return

    class Reader(ExcelReader):  # type: ignore[misc]
        def read_worksheets(self) -> None:
            """openpyxl's read-only branch, with `Sheet`s."""
            for sheet, rel in self.parser.find_sheets():
                if rel.target not in self.valid_files:
                    continue
                if "chartsheet" in rel.Type:
                    self.read_chartsheet(sheet, rel)
                    continue
                rels_path = get_rels_path(rel.target)
                if rels_path in self.valid_files:
                    get_dependents(self.archive, rels_path)  # fails on a broken one, as openpyxl
                ws = Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
                ws.sheet_state = sheet.state
                self.wb._sheets.append(ws)

        def read_strings(self) -> None:
            if self.rich_text:  # pragma: no cover - never asked for here
                super().read_strings()
                return
            found = self.package.find(SHARED_STRINGS)
            if found is not None:
                with self.archive.open(found.PartName[1:]) as source:
                    self.shared_strings = string_table(source)

    columns: dict[str, int] = {}

    class Parser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> Any:
            kind = element.get("t")
            coordinate = element.get("r")
            letters = coordinate.rstrip("0123456789") if coordinate else None
            plain_letters = letters is None or (letters.isalpha() and letters.isupper())
            if kind not in ("s", "inlineStr") or not plain_letters:
                return super().parse_cell(element)
            if kind == "s":
                value = element.findtext(VALUE_TAG, None) or None
                if value is not None:
                    value = self.shared_strings[int(value)]
            else:
                child = element.find(INLINE_STRING)
                value = None if child is None else plain_text(child)
                if value is None and child is not None:
                    return super().parse_cell(element)
            if letters is None:
                self.col_counter += 1  # type: ignore[has-type]
            else:
                column = columns.get(letters)
                if column is None:
                    column = columns[letters] = column_index_from_string(letters)
                self.col_counter = column
            return {"column": self.col_counter, "value": value}

    class Fast:
        @staticmethod
        def open_workbook(path: PathLike) -> Any:
            reader = Reader(path, read_only=True, data_only=True)
            reader.read()
            return reader.wb

        @staticmethod
        def sheet_values(sheet: Any) -> Iterator[tuple[Any, ...]]:
            """`sheet.iter_rows(values_only=True)` of a read-only sheet (missing rows and
            cells as None, as far as the sheet's dimension says)."""
            max_col, max_row = sheet.max_column, sheet.max_row
            empty = (None,) * max_col if max_col is not None else ()
            counter = index = 1
            workbook = sheet.parent
            with sheet._get_source() as source:
                parser = Parser(
                    source,
                    sheet._shared_strings,
                    data_only=True,
                    epoch=workbook.epoch,
                    date_formats=workbook._date_formats,
                    timedelta_formats=workbook._timedelta_formats,
                )
                for index, cells in parser.parse():
                    if max_row is not None and index > max_row:
                        break
                    for _ in range(counter, index):  # rows missing from the file
                        counter += 1
                        yield empty
                    if counter <= index:
                        counter += 1
                        yield _row_values(cells, max_col)
            if max_row is not None and max_row < index:
                for _ in range(counter, max_row + 1):
                    yield empty

    return Fast


def _row_values(cells: list[Any], max_col: int | None) -> tuple[Any, ...]:
    if not cells and not max_col:
        return ()
    width = max_col or cells[-1]["column"]
    values: list[Any] = [None] * width
    for cell in cells:
        column = cell["column"]
        if 1 <= column <= width:
            values[column - 1] = cell["value"]
    return tuple(values)


def cell_text(value: Any) -> str:
    """A workbook cell as the text a person typed: whole numbers without ".0" (a mobile
    stored as a number), dates as ISO dates, booleans as words `app.fields` reads."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e17:
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _guarded(path: PathLike, rows: RawRows) -> RawRows:
    """The rows, a reading failure (a broken workbook, a bad byte, an unclosed quote, a cell
    past the limit) turned into `file_unreadable` naming the line reached."""
    line = 1
    try:
        for line, cells in rows:
            yield line, cells
    except (OSError, csv.Error, UnicodeDecodeError, zipfile.BadZipFile, KeyError) as exc:
        raise unreadable(path, str(exc) or type(exc).__name__, line) from exc


def _headers(path: PathLike, rows: RawRows) -> list[str]:
    first = next(rows, None)
    if first is None:
        raise ValidationError("file_empty", field="file", path=str(path))
    headers = [cell.strip() for cell in first[1]]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise ValidationError("file_empty", field="file", path=str(path))
    return headers


def _data_rows(rows: RawRows, width: int) -> Iterator[SourceRow]:
    """Rows cut or padded to the header's width; rows with nothing in them left out."""
    for line, cells in rows:
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        if any(cell.strip() for cell in cells[:width]):
            yield SourceRow(line, tuple(cells[:width]))
