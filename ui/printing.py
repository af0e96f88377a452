"""Printing what a list shows: a document with the list's title, when and by whom it was
printed, and a table of its rows (the header repeated on every page, page numbers at the
foot), shown in a print preview or written to a PDF.

Qt lays the document out for the printer and numbers the pages itself as long as the
document has no page size of its own. Chinese needs a font that has it: the application's
font carries the CJK fallback (ui/fonts.py), and the PDF embeds what it uses.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from ui.security_labels import fill

translate = QCoreApplication.translate
MAX_PRINT_ROWS = 5_000  # past this a list is for export, not for paper
LANDSCAPE_FROM_COLUMNS = 7
LANDSCAPE_PROPERTY = "mediacrm_landscape"
MARGINS_MM = QMarginsF(5, 5, 5, 5)  # Qt adds 2 cm of its own around the text
TABLE_POINT_SIZE = 9
STYLE = """
h1 { font-size: 16pt; margin-bottom: 4px; }
p.meta { color: #555555; margin-top: 0px; }
th { background-color: #e8e8e8; font-weight: bold; text-align: left; }
td.number { text-align: right; }
p.note { color: #c62828; }
"""


def list_document(
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    user_name: str,
    *,
    printed_at: dt.datetime | None = None,
    right_aligned: Collection[int] = (),
) -> QTextDocument:
    """The document of a list: `rows` are the display strings of its cells, in `headers`'
    order; columns whose numbers are in `right_aligned` (amounts, counts) align right."""
    moment = (printed_at or dt.datetime.now(dt.UTC)).astimezone()
    iterator = iter(rows)
    body: list[str] = []
    for shown, row in enumerate(iterator):
        if shown == MAX_PRINT_ROWS:
            total = shown + 1 + sum(1 for _ in iterator)
            break
        body.append(_row_html(row, right_aligned))
    else:
        total = len(body)
    meta = fill(
        translate("ListPrinting", "Printed %1 by %2 · %3 rows"),
        moment.strftime("%Y-%m-%d %H:%M"),
        user_name,
        total,
    )
    parts = [
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="meta">{html.escape(meta)}</p>',
    ]
    if total > len(body):
        note = (
            translate(
                "ListPrinting",
                "Only the first %1 rows are printed; narrow the query, or export the list.",
            )
        ).replace("%1", str(len(body)))
        parts.append(f'<p class="note">{html.escape(note)}</p>')
    header_cells = "".join(f"<th>{html.escape(str(h))}</th>" for h in headers)
    parts.append(
        '<table border="1" cellspacing="0" cellpadding="3" width="100%" '
        'style="border-collapse: collapse; border-color: #999999;">'
        f"<thead><tr>{header_cells}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )
    document = QTextDocument()
    document.setDefaultStyleSheet(STYLE)
    font = QFont(QGuiApplication.font())
    font.setPointSize(TABLE_POINT_SIZE)
    document.setDefaultFont(font)
    document.setHtml("".join(parts))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    document.setProperty(LANDSCAPE_PROPERTY, len(headers) >= LANDSCAPE_FROM_COLUMNS)
    return document


def _row_html(row: Sequence[Any], right_aligned: Collection[int]) -> str:
    cells = []
    for number, value in enumerate(row):
        text = html.escape("" if value is None else str(value)).replace("\n", "<br>")
        cells.append(
            f'<td class="number">{text}</td>' if number in right_aligned else f"<td>{text}</td>"
        )
    return f"<tr>{''.join(cells)}</tr>"


def new_printer(
    document: QTextDocument, mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution
) -> QPrinter:
    """A printer set up for the document: A4 (the paper of Chinese offices), landscape for
    wide lists, the list's title as the job's name."""
    printer = QPrinter(mode)
    landscape = bool(document.property(LANDSCAPE_PROPERTY))
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), orientation, MARGINS_MM, QPageLayout.Unit.Millimeter
        )
    )
    printer.setDocName(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    printer.setCreator("MediaCRM")
    return printer


class ListPreviewDialog(QPrintPreviewDialog):
    """The print preview of a list's document; printing from it prints the document. It keeps
    the printer and the document alive as long as it lives (Qt does not own them)."""

    def __init__(self, document: QTextDocument, parent: QWidget | None = None) -> None:
        self.list_printer = new_printer(document)
        super().__init__(self.list_printer, parent)
        self.document = document
        self.setWindowTitle(
            translate("ListPrinting", "Print preview: %1").replace(
                "%1", self.list_printer.docName()
            )
        )
        self.paintRequested.connect(document.print_)


def print_preview(document: QTextDocument, parent: QWidget | None = None) -> bool:
    """Show the print preview; True when the user printed."""
    dialog = ListPreviewDialog(document, parent)
    dialog.resize(900, 700)
    return dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted


def export_pdf(document: QTextDocument, path: str | os.PathLike[str]) -> None:
    """Write `document` to a PDF file, with its fonts embedded."""
    printer = new_printer(document)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(os.fspath(path))
    document.print_(printer)
