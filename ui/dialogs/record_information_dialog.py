"""Information (信息, Ctrl+I): who owns the record, who made and last changed it and when, its
version, whether it is in the recycle bin, and its history from the audit trail (newest
first), for the roles that may review the trail."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.audit import AuditEntry
from app.records import RecordInformation
from db.base import Base
from ui.models.audit_models import local_time, value_text
from ui.models.row_model import Index, RowTableModel
from ui.security_labels import column_text, operation_text

translate = QCoreApplication.translate
# Bookkeeping the window shows above the history, or that users never edit.
HIDDEN_COLUMNS = frozenset(
    {
        "id",
        "version",
        "created_at",
        "created_by_id",
        "updated_at",
        "updated_by_id",
        "deleted_at",
        "deleted_by_id",
    }
)
VALUE_MAX = 80
WRAPPED_ROWS_MAX = 300  # fitting row heights to wrapped text costs time on long histories
DELETED_STYLE = "color: #c62828;"


@dataclass(frozen=True)
class HistoryRow:
    id: int
    when: str
    who: str
    operation: str
    changes: str


def operation_name(entry: AuditEntry) -> str:
    """新建 / 修改 / 删除, and a soft delete or restore named as the user knows it."""
    if entry.operation == "INSERT":
        return translate("RecordInformationDialog", "Created")
    if entry.operation == "DELETE":
        return translate("RecordInformationDialog", "Deleted")
    if entry.operation != "UPDATE":
        return operation_text(entry.operation)
    was_deleted = (entry.before or {}).get("deleted_at") is not None
    is_deleted = (entry.after or {}).get("deleted_at") is not None
    if is_deleted and not was_deleted:
        return translate("RecordInformationDialog", "Moved to the recycle bin")
    if was_deleted and not is_deleted:
        return translate("RecordInformationDialog", "Restored")
    return translate("RecordInformationDialog", "Changed")


def shown_value(table: str | None, column: str, value: Any) -> str:
    """A value of a row image as the user reads it: times in local time, long text cut."""
    if value is None or value == "":
        return translate("RecordInformationDialog", "(empty)")
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] in "T ":
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            return local_time(moment)
    text = value_text(table, column, value).replace("\n", " ")
    return text if len(text) <= VALUE_MAX else text[: VALUE_MAX - 1] + "…"


def change_lines(entry: AuditEntry, labels: Mapping[str, str], language: str) -> list[str]:
    """`label: before → after` per column a change touched; `label: value` per value a new
    record started with."""

    colon = ": " if language.startswith("en") else "："

    def label(column: str) -> str:
        return (labels.get(column) or column_text(entry.table_name, column, language)) + colon

    def visible(column: str) -> bool:
        return column not in HIDDEN_COLUMNS and not column.endswith("_pinyin")

    if entry.operation == "INSERT":
        after = entry.after or {}
        return [
            f"{label(column)}{shown_value(entry.table_name, column, value)}"
            for column, value in after.items()
            if visible(column) and value not in (None, "")
        ]
    found = Base.metadata.tables.get(entry.table_name or "")
    place = {column.name: n for n, column in enumerate(found.c)} if found is not None else {}
    changes = sorted(entry.changes(), key=lambda change: place.get(change[0], len(place)))
    return [
        f"{label(column)}{shown_value(entry.table_name, column, before)} → "
        f"{shown_value(entry.table_name, column, after)}"
        for column, before, after in changes
        if visible(column)
    ]


class HistoryModel(RowTableModel):
    class Column(IntEnum):
        WHEN = 0
        WHO = 1
        OPERATION = 2
        CHANGES = 3

    def header(self, column: Column) -> str:
        return {
            self.Column.WHEN: translate("RecordInformationDialog", "When"),
            self.Column.WHO: translate("RecordInformationDialog", "Who"),
            self.Column.OPERATION: translate("RecordInformationDialog", "Operation"),
            self.Column.CHANGES: translate("RecordInformationDialog", "What changed"),
        }[column]

    def display(self, row: HistoryRow, column: Column) -> str:
        return str(getattr(row, column.name.lower()))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)


class RecordInformationDialog(QDialog):
    def __init__(
        self,
        info: RecordInformation,
        column_labels: Mapping[str, str],
        language: str,
        parent: QWidget | None = None,
        *,
        user_names: Mapping[int, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._info = info
        self._labels = dict(column_labels)
        self._language = language
        self._user_names = dict(user_names or {})
        self.history_model = HistoryModel(self)
        self.setWindowTitle(
            translate("RecordInformationDialog", "Information: %1").replace("%1", info.title)
        )
        layout = self._layout = QVBoxLayout(self)
        self.title_label = QLabel(
            f"<b>{html.escape(info.title)}</b> "
            + translate("RecordInformationDialog", "(no. %1)").replace("%1", str(info.id))
        )
        self.title_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        layout.addLayout(self._facts())
        history_title = translate("RecordInformationDialog", "History")
        layout.addWidget(QLabel(f"<b>{html.escape(history_title)}</b>"))
        self.history_note_label = QLabel()
        self.history_note_label.setWordWrap(True)
        layout.addWidget(self.history_note_label)
        self.history_view = self._history_view()
        layout.addWidget(self.history_view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_history()
        if info.history is None:
            self.resize(600, self.sizeHint().height())
        else:
            self.resize(820, 560)

    def _facts(self) -> QFormLayout:
        info = self._info
        form = QFormLayout()
        self.owner_label = QLabel(info.owner or translate("RecordInformationDialog", "(none)"))
        self.created_label = QLabel(self._when_by(info.created_at, info.created_by))
        self.updated_label = QLabel(self._when_by(info.updated_at, info.updated_by))
        self.version_label = QLabel(str(info.version))
        form.addRow(translate("RecordInformationDialog", "Owner:"), self.owner_label)
        form.addRow(translate("RecordInformationDialog", "Created:"), self.created_label)
        form.addRow(translate("RecordInformationDialog", "Last changed:"), self.updated_label)
        form.addRow(translate("RecordInformationDialog", "Version:"), self.version_label)
        self.deleted_label = QLabel(self._when_by(info.deleted_at, info.deleted_by))
        self.deleted_label.setStyleSheet(DELETED_STYLE)
        if info.deleted_at is not None:
            form.addRow(
                translate("RecordInformationDialog", "In the recycle bin since:"),
                self.deleted_label,
            )
        for label in (self.owner_label, self.created_label, self.updated_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return form

    @staticmethod
    def _when_by(when: dt.datetime | None, who: str | None) -> str:
        if when is None:
            return translate("RecordInformationDialog", "(unknown)")
        if not who:
            return local_time(when)
        return (
            translate("RecordInformationDialog", "%1 by %2")
            .replace("%1", local_time(when))
            .replace("%2", who)
        )

    def _history_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.history_model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(True)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        for column in (HistoryModel.Column.WHEN, HistoryModel.Column.OPERATION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(HistoryModel.Column.WHO, 140)
        header.setStretchLastSection(True)
        header.sectionResized.connect(self._on_header_section_resized)
        return view

    def _on_header_section_resized(self, column: int, _old: int, _new: int) -> None:
        """Fit the rows to their wrapped changes once the window has its width."""
        if column == HistoryModel.Column.CHANGES and self._fits_rows():
            self.history_view.resizeRowsToContents()

    def _fits_rows(self) -> bool:
        return self.history_model.rowCount() <= WRAPPED_ROWS_MAX

    def _show_history(self) -> None:
        history = self._info.history
        if history is None:
            self.history_note_label.setText(
                translate(
                    "RecordInformationDialog",
                    "Your role may not review the audit trail, so the history is not shown.",
                )
            )
            self.history_view.hide()
            self._layout.insertStretch(self._layout.count() - 1, 1)
            return
        newest_first = sorted(history, key=lambda e: (e.occurred_at, e.id), reverse=True)
        self.history_model.set_rows([self._row(entry) for entry in newest_first])
        if not newest_first:
            self.history_note_label.setText(
                translate(
                    "RecordInformationDialog",
                    "No changes are recorded (the record may have been loaded in bulk).",
                )
            )
        else:
            self.history_note_label.hide()
        if self._fits_rows():
            self.history_view.resizeRowsToContents()

    def _row(self, entry: AuditEntry) -> HistoryRow:
        known = self._user_names.get(entry.user_id) if entry.user_id is not None else None
        return HistoryRow(
            id=entry.id,
            when=local_time(entry.occurred_at),
            who=known or entry.db_user or "",
            operation=operation_name(entry),
            changes="\n".join(change_lines(entry, self._labels, self._language)),
        )
