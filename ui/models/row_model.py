"""A read-only table model over a list of plain rows (the dataclasses services return).

Subclasses name their columns in an IntEnum `Column` and say how a row shows in each; the
rows are replaced as a whole when a list is reloaded (a reset), and one row is replaced in
place after a save (`dataChanged` for that row).
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel):
    Column: ClassVar[type[IntEnum]]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    # What subclasses say about their rows.
    def display(self, row: Any, column: Any) -> str:
        raise NotImplementedError

    def header(self, column: Any) -> str:
        raise NotImplementedError

    def row_id(self, row: Any) -> Any:
        return getattr(row, "id", None)

    def sort_key(self, row: Any, column: Any) -> Any:
        return self.display(row, column)

    # The rows.
    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of_id(self, id_: Any) -> int | None:
        for number, row in enumerate(self._rows):
            if self.row_id(row) == id_:
                return number
        return None

    def replace_row(self, number: int, row: Any) -> None:
        self._rows[number] = row
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(number, 0), self.index(number, last))

    # QAbstractTableModel.
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == ID_ROLE:
            return self.row_id(row)
        if role == SORT_ROLE:
            return self.sort_key(row, column)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.Column)
        ):
            return self.header(self.Column(section))
        return super().headerData(section, orientation, role)
