"""Models of the permissions screen: the roles, a role's module × action matrix of check
boxes, and a user's data scopes per record kind."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal

from app.roles import RoleRow
from db.permissions import ACTIONS, MODULE_TABLES
from ui.models.row_model import Index, RowTableModel
from ui.security_labels import action_text, module_text, scope_text, table_text

translate = QCoreApplication.translate
MODULES = tuple(MODULE_TABLES)


class RoleTableModel(RowTableModel):
    class Column(IntEnum):
        NAME = 0
        KEY = 1
        BUILT_IN = 2
        USERS = 3

    def __init__(self, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._language = language

    def header(self, column: Column) -> str:
        return {
            self.Column.NAME: translate("RoleTableModel", "Role"),
            self.Column.KEY: translate("RoleTableModel", "Key"),
            self.Column.BUILT_IN: translate("RoleTableModel", "Kind"),
            self.Column.USERS: translate("RoleTableModel", "Users"),
        }[column]

    def display(self, row: RoleRow, column: Column) -> str:
        if column == self.Column.NAME:
            return row.name(self._language)
        if column == self.Column.KEY:
            return row.key
        if column == self.Column.BUILT_IN:
            return (
                translate("RoleTableModel", "Built in")
                if row.built_in
                else translate("RoleTableModel", "Custom")
            )
        return str(row.users)

    def sort_key(self, row: RoleRow, column: Column) -> Any:
        return row.users if column == self.Column.USERS else self.display(row, column)


class PermissionMatrixModel(QAbstractTableModel):
    """Modules down, actions across, a check box in each cell; editable or read-only."""

    permissions_edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._functions: set[tuple[str, str]] = set()
        self._editable = False

    def set_functions(self, functions: frozenset[tuple[str, str]], editable: bool) -> None:
        self.beginResetModel()
        self._functions = set(functions)
        self._editable = editable
        self.endResetModel()

    def functions(self) -> frozenset[tuple[str, str]]:
        return frozenset(self._functions)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(MODULES)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ACTIONS)

    def _key(self, index: Index) -> tuple[str, str]:
        return MODULES[index.row()], ACTIONS[index.column()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            granted = self._key(index) in self._functions
            return Qt.CheckState.Checked if granted else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            module, action = self._key(index)
            return f"{module_text(module)} · {action_text(action)}"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self._editable or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        key = self._key(index)
        if checked:
            self._functions.add(key)
        else:
            self._functions.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.permissions_edited.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if self._editable else flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return super().headerData(section, orientation, role)
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(ACTIONS):
            return action_text(ACTIONS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(MODULES):
            return module_text(MODULES[section])
        return super().headerData(section, orientation, role)


class ScopeTableModel(RowTableModel):
    """(record kind, scope, department paths in scope) of one user."""

    class Column(IntEnum):
        KIND = 0
        SCOPE = 1
        DEPARTMENTS = 2

    def __init__(self, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._language = language

    def header(self, column: Column) -> str:
        return {
            self.Column.KIND: translate("ScopeTableModel", "Record kind"),
            self.Column.SCOPE: translate("ScopeTableModel", "Sees"),
            self.Column.DEPARTMENTS: translate("ScopeTableModel", "Departments"),
        }[column]

    def row_id(self, row: tuple[str, str, tuple[str, ...]]) -> str:
        return row[0]

    def display(self, row: tuple[str, str, tuple[str, ...]], column: Column) -> str:
        kind, scope, departments = row
        if column == self.Column.KIND:
            return table_text(kind, self._language)
        if column == self.Column.SCOPE:
            return scope_text(scope)
        return "、".join(departments) if self._language.startswith("zh") else ", ".join(departments)
