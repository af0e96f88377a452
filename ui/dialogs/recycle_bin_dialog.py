"""The recycle bin (回收站) of a list: its deleted records, newest first; Restore brings the
chosen ones back. A record whose rules no longer hold (its name taken meanwhile, its parent
deleted) stays in the bin and the user is told why, in words.

The caller passes `load` (the records in the bin) and `restore` (one record by id, in its own
transaction); the dialog never touches the database itself.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QItemSelection, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import MediaCrmError
from app.records import DeletedRecord
from ui.errors import error_text
from ui.models.audit_models import local_time
from ui.models.row_model import RowTableModel
from ui.widgets.form_feedback import error_label

translate = QCoreApplication.translate


class DeletedRecordModel(RowTableModel):
    class Column(IntEnum):
        TITLE = 0
        DELETED_AT = 1
        DELETED_BY = 2

    def header(self, column: Column) -> str:
        return {
            self.Column.TITLE: translate("RecycleBinDialog", "Record"),
            self.Column.DELETED_AT: translate("RecycleBinDialog", "Deleted at"),
            self.Column.DELETED_BY: translate("RecycleBinDialog", "Deleted by"),
        }[column]

    def display(self, row: DeletedRecord, column: Column) -> str:
        if column == self.Column.TITLE:
            return row.title
        if column == self.Column.DELETED_AT:
            return local_time(row.deleted_at)
        return row.deleted_by or ""


class RecycleBinDialog(QDialog):
    records_restored = Signal(list)  # the ids brought back
    restore_failed = Signal(str)  # the message shown

    def __init__(
        self,
        load: Callable[[], list[DeletedRecord]],
        restore: Callable[[int], None],
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._restore = restore
        self._language = language
        self.model = DeletedRecordModel(self)
        self.setWindowTitle(translate("RecycleBinDialog", "Recycle bin"))
        layout = QVBoxLayout(self)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self.table_view = self._table_view()
        layout.addWidget(self.table_view, 1)
        self.message_label = error_label(self)
        layout.addWidget(self.message_label)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(translate("RecycleBinDialog", "Restore"))
        self.restore_button.setEnabled(False)
        self.close_button = QPushButton(translate("RecycleBinDialog", "Close"))
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.close_button.clicked.connect(self.accept)
        self.table_view.selectionModel().selectionChanged.connect(
            self._on_table_view_selection_changed
        )
        self.table_view.doubleClicked.connect(self._on_restore_button_clicked)
        self.refresh()
        self.resize(640, 420)

    def _table_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(DeletedRecordModel.Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (DeletedRecordModel.Column.DELETED_AT, DeletedRecordModel.Column.DELETED_BY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return view

    def refresh(self) -> bool:
        """Read the bin again; False (and the reason shown) when that failed."""
        try:
            deleted = self._load()
        except MediaCrmError as error:
            self._show_message(error_text(error, self._language))
            return False
        self.model.set_rows(deleted)
        self.count_label.setText(
            translate(
                "RecycleBinDialog", "%1 deleted records; select the ones to bring back."
            ).replace("%1", str(len(deleted)))
            if deleted
            else translate("RecycleBinDialog", "The recycle bin is empty.")
        )
        self._on_table_view_selection_changed()
        return True

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table_view.selectionModel().selectedRows()})
        return [self.model.row_at(row).id for row in rows]

    def select_ids(self, ids: list[int]) -> None:
        self.table_view.clearSelection()
        mode = self.table_view.selectionMode()
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for id_ in ids:
            row = self.model.row_of_id(id_)
            if row is not None:
                self.table_view.selectRow(row)
        self.table_view.setSelectionMode(mode)

    def _on_table_view_selection_changed(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        self.restore_button.setEnabled(bool(self.table_view.selectionModel().selectedRows()))

    def _on_restore_button_clicked(self) -> None:
        titles = {record.id: record.title for record in self.model.rows()}
        restored: list[int] = []
        failures: dict[int, str] = {}
        for id_ in self.selected_ids():
            try:
                self._restore(id_)
            except MediaCrmError as error:
                colon = ": " if self._language.startswith("en") else "："
                failures[id_] = f"“{titles[id_]}”{colon}{error_text(error, self._language)}"
            else:
                restored.append(id_)
        self.message_label.hide()
        self.refresh()
        if restored:
            self.records_restored.emit(restored)
        if failures:
            message = "\n".join(
                (translate("RecycleBinDialog", "Not restored:"), *failures.values())
            )
            self._show_message(message)
            self.select_ids(list(failures))  # still in the bin: ready to try again
            self.restore_failed.emit(message)

    def _show_message(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.show()
