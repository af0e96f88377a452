"""Every column a row-level-security policy reads is indexed, so that a policy never turns a
keyed lookup into a scan of a million rows."""

from __future__ import annotations

import db.models  # noqa: F401 - registers every table
from db.base import Base
from db.permissions import CHILD_TABLES, OWNED_TABLES

POLICY_COLUMNS = {
    **{table: ("owner_id", "department_id") for table in OWNED_TABLES},
    **{table: (column,) for table, (column, _parent) in CHILD_TABLES.items()},
    "user_settings": ("user_id",),
    "saved_queries": ("user_id", "shared_department_id"),
    "messages": ("sender_id",),
    "message_recipients": ("message_id", "user_id"),
    "users": ("db_role",),
    "role_data_permissions": ("role_id",),
    "role_function_permissions": ("role_id",),
    "departments": ("parent_id",),
}


def leading_indexed_columns(table_name: str) -> set[str]:
    table = Base.metadata.tables[table_name]
    leading = {index.columns[0].name for index in table.indexes if index.columns}
    for constraint in table.constraints:
        columns = list(getattr(constraint, "columns", []))
        if columns and constraint.__class__.__name__ in {
            "UniqueConstraint",
            "PrimaryKeyConstraint",
        }:
            leading.add(columns[0].name)
    leading |= {column.name for column in table.c if column.unique or column.index}
    return leading


def test_every_column_a_policy_reads_leads_an_index() -> None:
    missing = [
        f"{table}.{column}"
        for table, columns in POLICY_COLUMNS.items()
        for column in columns
        if column not in leading_indexed_columns(table)
    ]
    assert missing == []
