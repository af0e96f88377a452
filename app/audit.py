"""The audit trail (日志监察): reading it, showing a change, and rebuilding a record as it was.

The database writes the trail (triggers on both back ends); nothing here writes to it.
Every change keeps full before/after row images, so any record can be shown as of a date
(SPEC §3.10 "history data").
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.access import CurrentUser
from app.errors import PermissionDeniedError
from db.base import Base
from db.models.audit import AuditLog
from db.types import ExactDecimal

DEFAULT_LIMIT = 500


@dataclass(frozen=True)
class AuditEntry:
    id: int
    occurred_at: dt.datetime
    db_user: str | None
    user_id: int | None
    table_name: str | None
    record_id: int | None
    operation: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    note: str | None

    def changes(self) -> list[tuple[str, Any, Any]]:
        """(column, before, after) for every column the change touched."""
        before, after = self.before or {}, self.after or {}
        columns = sorted(set(before) | set(after))
        return [(c, before.get(c), after.get(c)) for c in columns if before.get(c) != after.get(c)]


@dataclass(frozen=True)
class AuditFilter:
    user_id: int | None = None
    table_name: str | None = None
    record_id: int | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    operations: tuple[str, ...] = ()
    limit: int = DEFAULT_LIMIT


def require_reviewer(user: CurrentUser) -> None:
    """Administrators and decision makers review the trail (their role may view security)."""
    if not user.may("security", "view"):
        raise PermissionDeniedError(module="security", action="view")


def search(session: Session, user: CurrentUser, criteria: AuditFilter) -> list[AuditEntry]:
    require_reviewer(user)
    statement = _filtered(criteria).order_by(AuditLog.occurred_at.desc(), AuditLog.id.desc())
    rows = session.scalars(statement.limit(criteria.limit))
    return [_entry(row, session.get_bind().dialect.name) for row in rows]


def _filtered(criteria: AuditFilter) -> Select[Any]:
    statement = select(AuditLog)
    if criteria.user_id is not None:
        statement = statement.where(AuditLog.user_id == criteria.user_id)
    if criteria.table_name:
        statement = statement.where(AuditLog.table_name == criteria.table_name)
    if criteria.record_id is not None:
        statement = statement.where(AuditLog.record_id == criteria.record_id)
    if criteria.since is not None:
        statement = statement.where(AuditLog.occurred_at >= criteria.since)
    if criteria.until is not None:
        statement = statement.where(AuditLog.occurred_at <= criteria.until)
    if criteria.operations:
        statement = statement.where(AuditLog.operation.in_(criteria.operations))
    return statement


def history(session: Session, user: CurrentUser, table: str, record_id: int) -> list[AuditEntry]:
    """Every change of one record, oldest first."""
    entries = search(
        session, user, AuditFilter(table_name=table, record_id=record_id, limit=100_000)
    )
    return list(reversed(entries))


def record_as_of(
    session: Session, user: CurrentUser, table: str, record_id: int, when: dt.datetime
) -> dict[str, Any] | None:
    """The record as it stood at `when`; None if it did not exist then (or was deleted)."""
    require_reviewer(user)
    row = session.scalars(
        _filtered(AuditFilter(table_name=table, record_id=record_id, until=when))
        .where(AuditLog.operation.in_(("INSERT", "UPDATE", "DELETE")))
        .order_by(AuditLog.occurred_at.desc(), AuditLog.id.desc())
        .limit(1)
    ).first()
    dialect = session.get_bind().dialect.name
    if row is not None:
        return None if row.operation == "DELETE" else _entry(row, dialect).after
    # No change logged by then: a record loaded in bulk (or before the trail began) stood as
    # the first later change found it.
    later = session.scalars(
        _filtered(AuditFilter(table_name=table, record_id=record_id, since=when))
        .where(AuditLog.operation.in_(("INSERT", "UPDATE", "DELETE")))
        .order_by(AuditLog.occurred_at, AuditLog.id)
        .limit(1)
    ).first()
    if later is None or later.operation == "INSERT":
        return None
    return _entry(later, dialect).before


def _entry(row: AuditLog, dialect: str) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        occurred_at=row.occurred_at,
        db_user=row.db_user,
        user_id=row.user_id,
        table_name=row.table_name,
        record_id=row.record_id,
        operation=row.operation,
        before=_image(row.table_name, row.before_row, dialect),
        after=_image(row.table_name, row.after_row, dialect),
        note=row.note,
    )


def _image(table: str | None, raw: str | None, dialect: str) -> dict[str, Any] | None:
    """A row image with exact amounts: SQLite's triggers store money as scaled integers."""
    if raw is None:
        return None
    values: dict[str, Any] = json.loads(raw, parse_float=Decimal)
    model_table = Base.metadata.tables.get(table or "")
    if model_table is None:
        return values
    for column in model_table.c:
        value = values.get(column.name)
        if value is None or not isinstance(column.type, ExactDecimal):
            continue
        if dialect == "sqlite":
            values[column.name] = column.type.from_scaled_integer(value)
        else:
            values[column.name] = column.type.quantize(str(value))
    return values
