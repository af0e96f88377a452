"""Models of the log review (日志监察): the audit entries, one change's before/after values,
and a record's fields as they were at a moment."""

from __future__ import annotations

import datetime as dt
import json
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Boolean

from app.audit import AuditEntry
from db.base import Base
from ui.models.row_model import RowTableModel
from ui.security_labels import column_text, operation_text, table_text

translate = QCoreApplication.translate


def value_text(table: str | None, column: str, value: Any) -> str:
    """A value of a row image as text: nothing for NULL, yes/no for a flag (SQLite keeps
    them as 0 and 1), JSON for nested values."""
    if value is None:
        return ""
    found = Base.metadata.tables.get(table or "")
    if found is not None and column in found.c and isinstance(found.c[column].type, Boolean):
        return translate("AuditTableModel", "Yes") if value else translate("AuditTableModel", "No")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def local_time(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class AuditTableModel(RowTableModel):
    class Column(IntEnum):
        TIME = 0
        USER = 1
        OPERATION = 2
        TABLE = 3
        RECORD = 4
        FIELDS = 5

    def __init__(self, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._language = language
        self._usernames: dict[int, str] = {}

    def set_usernames(self, usernames: dict[int, str]) -> None:
        self._usernames = dict(usernames)

    def header(self, column: Column) -> str:
        return {
            self.Column.TIME: translate("AuditTableModel", "Time"),
            self.Column.USER: translate("AuditTableModel", "User"),
            self.Column.OPERATION: translate("AuditTableModel", "Operation"),
            self.Column.TABLE: translate("AuditTableModel", "Record kind"),
            self.Column.RECORD: translate("AuditTableModel", "Record no."),
            self.Column.FIELDS: translate("AuditTableModel", "Changed fields"),
        }[column]

    def display(self, row: AuditEntry, column: Column) -> str:
        if column == self.Column.TIME:
            return local_time(row.occurred_at)
        if column == self.Column.USER:
            known = self._usernames.get(row.user_id) if row.user_id is not None else None
            return known or row.db_user or ""
        if column == self.Column.OPERATION:
            return operation_text(row.operation)
        if column == self.Column.TABLE:
            return table_text(row.table_name, self._language) if row.table_name else ""
        if column == self.Column.RECORD:
            return "" if row.record_id is None else str(row.record_id)
        if row.operation != "UPDATE":
            return ""
        separator = "、" if self._language.startswith("zh") else ", "
        return separator.join(
            column_text(row.table_name, name, self._language) for name, _, _ in row.changes()
        )

    def sort_key(self, row: AuditEntry, column: Column) -> Any:
        if column == self.Column.TIME:
            return row.occurred_at
        if column == self.Column.RECORD:
            return row.record_id or 0
        return self.display(row, column)


class ChangeTableModel(RowTableModel):
    """(field label, before, after) for each column a change touched."""

    class Column(IntEnum):
        FIELD = 0
        BEFORE = 1
        AFTER = 2

    def header(self, column: Column) -> str:
        return {
            self.Column.FIELD: translate("ChangeTableModel", "Field"),
            self.Column.BEFORE: translate("ChangeTableModel", "Before"),
            self.Column.AFTER: translate("ChangeTableModel", "After"),
        }[column]

    def row_id(self, row: tuple[str, str, str]) -> str:
        return row[0]

    def display(self, row: tuple[str, str, str], column: Column) -> str:
        return row[column]


class FieldValueModel(RowTableModel):
    """(field label, value) of a record as it was."""

    class Column(IntEnum):
        FIELD = 0
        VALUE = 1

    def header(self, column: Column) -> str:
        return {
            self.Column.FIELD: translate("FieldValueModel", "Field"),
            self.Column.VALUE: translate("FieldValueModel", "Value"),
        }[column]

    def row_id(self, row: tuple[str, str]) -> str:
        return row[0]

    def display(self, row: tuple[str, str], column: Column) -> str:
        return row[column]


def _position(table: str | None) -> dict[str, int]:
    """Each column's place in its table, so fields show in the order the model defines."""
    found = Base.metadata.tables.get(table or "")
    return (
        {column.name: number for number, column in enumerate(found.c)} if found is not None else {}
    )


def change_rows(entry: AuditEntry, language: str) -> list[tuple[str, str, str]]:
    place = _position(entry.table_name)
    changes = sorted(entry.changes(), key=lambda change: place.get(change[0], len(place)))
    return [
        (
            column_text(entry.table_name, name, language),
            value_text(entry.table_name, name, before),
            value_text(entry.table_name, name, after),
        )
        for name, before, after in changes
    ]


def field_rows(table: str, image: dict[str, Any], language: str) -> list[tuple[str, str]]:
    place = _position(table)
    names = sorted(image, key=lambda name: place.get(name, len(place)))
    return [
        (column_text(table, name, language), value_text(table, name, image[name])) for name in names
    ]
