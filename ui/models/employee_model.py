"""The employee list: one row per employee, headed by the model's own bilingual labels."""

from __future__ import annotations

from enum import IntEnum
from typing import Any, ClassVar

from app.employees import EmployeeRow
from ui.models.row_model import RowTableModel
from ui.security_labels import column_text, status_text


class EmployeeTableModel(RowTableModel):
    class Column(IntEnum):
        NAME = 0
        DEPARTMENT = 1
        POSITION = 2
        PHONE = 3
        MOBILE = 4
        EMAIL = 5
        HIRE_DATE = 6
        STATUS = 7

    _COLUMN_NAMES: ClassVar[dict[IntEnum, str]] = {
        Column.NAME: "name",
        Column.DEPARTMENT: "department_id",
        Column.POSITION: "position_id",
        Column.PHONE: "phone",
        Column.MOBILE: "mobile",
        Column.EMAIL: "email",
        Column.HIRE_DATE: "hire_date",
        Column.STATUS: "status",
    }

    def __init__(self, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._language = language

    def header(self, column: Column) -> str:
        return column_text("employees", self._COLUMN_NAMES[column], self._language)

    def display(self, row: EmployeeRow, column: Column) -> str:
        if column == self.Column.STATUS:
            return status_text(row.status)
        if column == self.Column.HIRE_DATE:
            return row.hire_date.isoformat() if row.hire_date else ""
        value = {
            self.Column.NAME: row.name,
            self.Column.DEPARTMENT: row.department,
            self.Column.POSITION: row.position,
            self.Column.PHONE: row.phone,
            self.Column.MOBILE: row.mobile,
            self.Column.EMAIL: row.email,
        }[column]
        return value or ""
