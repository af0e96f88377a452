"""The user accounts of Security tools: who, where, which role, enabled or not."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.users import UserRow
from ui.models.row_model import RowTableModel

translate = QCoreApplication.translate


class UserTableModel(RowTableModel):
    class Column(IntEnum):
        USERNAME = 0
        DISPLAY_NAME = 1
        DEPARTMENT = 2
        ROLE = 3
        ENABLED = 4
        LAST_LOGIN = 5

    def header(self, column: Column) -> str:
        return {
            self.Column.USERNAME: translate("UserTableModel", "User name"),
            self.Column.DISPLAY_NAME: translate("UserTableModel", "Name"),
            self.Column.DEPARTMENT: translate("UserTableModel", "Department"),
            self.Column.ROLE: translate("UserTableModel", "Role"),
            self.Column.ENABLED: translate("UserTableModel", "Status"),
            self.Column.LAST_LOGIN: translate("UserTableModel", "Last login"),
        }[column]

    def display(self, row: UserRow, column: Column) -> str:
        if column == self.Column.ENABLED:
            return (
                translate("UserTableModel", "Enabled")
                if row.enabled
                else translate("UserTableModel", "Disabled")
            )
        if column == self.Column.LAST_LOGIN:
            return (
                row.last_login_at.astimezone().strftime("%Y-%m-%d %H:%M")
                if row.last_login_at
                else ""
            )
        values: dict[Any, str | None] = {
            self.Column.USERNAME: row.username,
            self.Column.DISPLAY_NAME: row.display_name,
            self.Column.DEPARTMENT: row.department,
            self.Column.ROLE: row.role_name,
        }
        return values[column] or ""
