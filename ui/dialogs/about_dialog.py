"""Help → About MediaCRM: the program's version, the database in use and its schema
revision, and the Qt and Python versions — what support asks for first.

The schema revision is read in the background (a server may be slow to answer); a failure
shows as a line of text, never as a traceback.
"""

from __future__ import annotations

import platform
from functools import partial
from importlib import metadata

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, Signal, qVersion
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from app import schema
from app.config import without_credentials
from app.schema import SchemaStatus
from ui import background
from ui.errors import error_text

translate = QCoreApplication.translate
DISTRIBUTION = "mediacrm"


def program_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return translate("AboutDialog", "development version")


def describe_schema(status: SchemaStatus) -> str:
    states = {
        "current": translate("AboutDialog", "%1 (up to date)"),
        "behind": translate("AboutDialog", "%1 (older than this program's %2)"),
        "ahead": translate("AboutDialog", "%1 (newer than this program's %2)"),
        "empty": translate("AboutDialog", "not set up (this program needs %2)"),
    }
    return states[status.state].replace("%1", status.current or "").replace("%2", status.head)


class AboutDialog(QDialog):
    schema_shown = Signal(str)  # the text shown for the schema revision

    def __init__(
        self,
        engine: Engine | None,
        language: str,
        status: SchemaStatus | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`engine` is the logged-in user's; without `status` it is asked in the background."""
        super().__init__(parent)
        self._language = language
        self._worker: background.WorkerSignals | None = None
        self.setWindowTitle(translate("AboutDialog", "About MediaCRM"))
        self._build(engine)
        if status is not None:
            self._show_schema(describe_schema(status))
        elif engine is None:
            self._show_schema(translate("AboutDialog", "not connected"))
        else:
            self._worker = background.start(
                partial(schema.schema_status, engine),
                self._on_schema_worker_succeeded,
                self._on_schema_worker_failed,
            )

    def _build(self, engine: Engine | None) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(translate("AboutDialog", "MediaCRM customer relationship management"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        form = QFormLayout()
        self.version_label = QLabel(program_version())
        self.database_label = QLabel(
            without_credentials(engine.url)
            if engine is not None
            else translate("AboutDialog", "not connected")
        )
        self.database_label.setWordWrap(True)
        self.schema_label = QLabel(translate("AboutDialog", "reading…"))
        self.qt_label = QLabel(
            translate("AboutDialog", "Qt %1, PySide6 %2")
            .replace("%1", qVersion())
            .replace("%2", PySide6.__version__)
        )
        self.python_label = QLabel(f"{platform.python_version()} ({platform.platform(terse=True)})")
        rows = (
            (translate("AboutDialog", "Version:"), self.version_label),
            (translate("AboutDialog", "Database:"), self.database_label),
            (translate("AboutDialog", "Schema revision:"), self.schema_label),
            (translate("AboutDialog", "Qt:"), self.qt_label),
            (translate("AboutDialog", "Python:"), self.python_label),
        )
        for label, widget in rows:
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, widget)
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(
            translate("AboutDialog", "Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _show_schema(self, text: str) -> None:
        self.schema_label.setText(text)
        self.schema_shown.emit(text)

    def _on_schema_worker_succeeded(self, status: SchemaStatus) -> None:
        self._show_schema(describe_schema(status))

    def _on_schema_worker_failed(self, error: Exception) -> None:
        # error_text logs an unexpected error and points at the log file.
        self._show_schema(
            translate("AboutDialog", "cannot be read: %1").replace(
                "%1", error_text(error, self._language)
            )
        )
