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
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise unreadable(path, str(exc) or type(exc).__name__) from exc
    try:
        sheet = workbook.worksheets[0]

        def rows() -> RawRows:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, [cell_text(value) for value in values]

        yield rows()
    finally:
        workbook.close()


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
