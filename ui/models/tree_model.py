"""A small tree-shaped list (departments, industries) as a Qt item model: every live record
under its parent, siblings in pinyin order, the record id in ID_ROLE."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtGui import QStandardItem, QStandardItemModel

from app.records import TreeRow
from ui.models.row_model import ID_ROLE


class RecordTreeModel(QStandardItemModel):
    def __init__(self, header: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([header])
        self._items: dict[int, QStandardItem] = {}

    def set_rows(self, rows: Sequence[TreeRow]) -> None:
        """Rebuild the tree; a record whose parent is not among `rows` shows at the top."""
        self.removeRows(0, self.rowCount())
        self._items = {}
        for row in rows:
            item = QStandardItem(row.title)
            item.setEditable(False)
            item.setData(row.id, ID_ROLE)
            self._items[row.id] = item
        parents = {row.id: row.parent_id for row in rows}
        for row in rows:  # rows come in pinyin order, so siblings keep it
            parent = self._items.get(row.parent_id) if row.parent_id is not None else None
            if parent is None or _is_descendant(parents, row.parent_id, row.id):
                self.appendRow(self._items[row.id])
            else:
                parent.appendRow(self._items[row.id])

    def index_of_id(self, record_id: int) -> QModelIndex:
        item = self._items.get(record_id)
        return item.index() if item is not None else QModelIndex()


def _is_descendant(parents: dict[int, int | None], candidate: int | None, root: int) -> bool:
    """Whether `candidate` lies under `root`: a cycle the database should never hold, shown
    flat rather than lost."""
    seen = set()
    while candidate is not None and candidate not in seen:
        if candidate == root:
            return True
        seen.add(candidate)
        candidate = parents.get(candidate)
    return False
