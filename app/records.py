"""Reading, saving, deleting and restoring one record of any editable table, the same way for
every panel: permission first, optimistic locking, soft delete to the recycle bin.

A `RecordKind` says which table, which fields a form edits, and the rules of that kind that
the database cannot check alone (a department may not move under itself…). Panels call these
functions inside one transaction per user action; they return plain values, never ORM rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from app import audit
from app.access import CurrentUser, visible_rows
from app.errors import ConflictError, NotFoundError, ValidationError
from app.fields import FieldSpec, LookupOption, display, parse, pinyin_search_text
from app.saving import flush
from db.base import Base
from db.models.org import Employee, User
from db.permissions import module_of
from db.pinyin import pinyin_key

Values = dict[str, Any]
Rule = Callable[[Session, Values, "int | None"], None]
DeleteRule = Callable[[Session, int], None]
# Fills in what the acting user implies (an owner, a default) before the rules run; may refuse.
Prepare = Callable[[Session, CurrentUser, Values, "int | None"], None]
AfterSave = Callable[[Session, CurrentUser, int], None]


@dataclass(frozen=True)
class LookupSource:
    """Where a lookup field's choices come from: `model` rows shown by `text` (a column
    expression), searched by `search` too (e.g. pinyin initials)."""

    model: type[Base]
    text: Callable[[str], ColumnElement[Any]]
    search: Any = None  # a column or SQL expression
    where: Callable[[], ColumnElement[bool]] | None = None


@dataclass(frozen=True)
class RecordKind:
    """One editable table as panels see it."""

    key: str
    model: type[Base]
    fields: tuple[FieldSpec, ...]
    title_field: str = "name"
    lookups: Mapping[str, LookupSource] = field(default_factory=dict)
    check_values: Rule | None = None
    check_delete: DeleteRule | None = None
    check_restore: Rule | None = None
    prepare: Prepare | None = None
    after_save: AfterSave | None = None  # keeps related rows in step (one primary contact…)

    @property
    def table(self) -> str:
        return str(self.model.__tablename__)

    @property
    def module(self) -> str:
        return module_of(self.table)

    def spec(self, key: str) -> FieldSpec:
        for spec in self.fields:
            if spec.key == key:
                return spec
        raise KeyError(key)


@dataclass(frozen=True)
class RecordValues:
    """A record as read: its id, the version the read saw, and the form's fields."""

    id: int
    version: int
    values: Values
    title: str


class StaleRecordError(ConflictError):
    """The record changed since the user read it; `theirs` is how it stands now."""

    def __init__(self, theirs: RecordValues) -> None:
        super().__init__("record_changed")
        self.theirs = theirs


@dataclass(frozen=True)
class RecordInformation:
    """The Information window: who owns the record, who made and changed it, its history."""

    id: int
    title: str
    version: int
    created_at: dt.datetime | None
    created_by: str | None
    updated_at: dt.datetime | None
    updated_by: str | None
    deleted_at: dt.datetime | None
    deleted_by: str | None
    owner: str | None
    history: tuple[audit.AuditEntry, ...] | None  # None: the user may not review the trail


@dataclass(frozen=True)
class DeletedRecord:
    id: int
    title: str
    deleted_at: dt.datetime
    deleted_by: str | None


def read(session: Session, user: CurrentUser, kind: RecordKind, record_id: int) -> RecordValues:
    return _values(kind, _visible(session, user, kind, record_id))


def create(session: Session, user: CurrentUser, kind: RecordKind, values: Values) -> RecordValues:
    user.require(kind.module, "create")
    checked = _checked(session, user, kind, values, None)
    row = kind.model(created_by_id=user.user_id, updated_by_id=user.user_id)
    _assign(row, checked)
    session.add(row)
    flush(session)
    _after_save(session, user, kind, row)
    return _values(kind, row)


def check(
    session: Session,
    user: CurrentUser,
    kind: RecordKind,
    values: Values,
    record_id: int | None = None,
) -> Values:
    """`values` checked as a save would check them, with the defaults filled in, without
    saving: for a service that asks the user something before the save."""
    return _checked(session, user, kind, values, record_id)


def update(
    session: Session,
    user: CurrentUser,
    kind: RecordKind,
    record_id: int,
    version: int,
    values: Values,
) -> RecordValues:
    """Save `values` over the record the user read at `version`; if someone saved it since,
    raise StaleRecordError carrying their version so the user can choose field by field."""
    user.require(kind.module, "edit")
    row = _live(session, user, kind, record_id)
    if row.version != version:
        raise StaleRecordError(_values(kind, row))
    checked = _checked(session, user, kind, values, record_id)
    _assign(row, checked)
    row.updated_by_id = user.user_id
    flush(session)
    _after_save(session, user, kind, row)
    return _values(kind, row)


def delete(
    session: Session, user: CurrentUser, kind: RecordKind, record_id: int, version: int
) -> None:
    """Move the record to the recycle bin."""
    user.require(kind.module, "delete")
    row = _live(session, user, kind, record_id)
    if row.version != version:
        raise StaleRecordError(_values(kind, row))
    if kind.check_delete is not None:
        kind.check_delete(session, record_id)
    row.deleted_at = dt.datetime.now(dt.UTC)
    row.deleted_by_id = user.user_id
    row.updated_by_id = user.user_id
    flush(session)


def restore(session: Session, user: CurrentUser, kind: RecordKind, record_id: int) -> RecordValues:
    """Bring a record back from the recycle bin, if its rules still hold (a name taken
    meanwhile, a parent deleted…)."""
    user.require(kind.module, "delete")
    row = _visible(session, user, kind, record_id)
    if row.deleted_at is None:
        raise NotFoundError(table=kind.table, id=record_id)
    values = _values(kind, row).values
    if kind.check_restore is not None:
        kind.check_restore(session, values, record_id)
    _require_unique_free(session, kind, values, record_id)
    row.deleted_at = None
    row.deleted_by_id = None
    row.updated_by_id = user.user_id
    flush(session)
    return _values(kind, row)


def deleted_records(
    session: Session, user: CurrentUser, kind: RecordKind, limit: int = 1000
) -> list[DeletedRecord]:
    """The kind's records in the recycle bin, most recently deleted first."""
    model: Any = kind.model
    title = getattr(model, kind.title_field)
    rows = session.execute(
        visible_rows(user, model, select(model.id, title, model.deleted_at, model.deleted_by_id))
        .where(model.deleted_at.is_not(None))
        .order_by(model.deleted_at.desc(), model.id.desc())
        .limit(limit)
    ).all()
    names = _user_names(session, {row[3] for row in rows} - {None})
    return [
        DeletedRecord(id_, str(title), deleted_at, names.get(by))
        for id_, title, deleted_at, by in rows
    ]


@dataclass(frozen=True)
class TreeRow:
    id: int
    parent_id: int | None
    title: str


def tree_rows(
    session: Session, user: CurrentUser, kind: RecordKind, parent_field: str
) -> list[TreeRow]:
    """The live records of a small tree-shaped kind (departments, industries), each with its
    parent, in pinyin order of their titles: a tree view builds itself from them."""
    model: Any = kind.model
    rows = session.execute(
        visible_rows(
            user,
            model,
            select(model.id, getattr(model, parent_field), getattr(model, kind.title_field)),
        ).where(model.deleted_at.is_(None))
    )
    found = [TreeRow(id_, parent_id, str(title)) for id_, parent_id, title in rows]
    return sorted(found, key=lambda row: (pinyin_key(row.title), row.id))


def information(
    session: Session, user: CurrentUser, kind: RecordKind, record_id: int
) -> RecordInformation:
    row = _visible(session, user, kind, record_id)
    names = _user_names(session, {row.created_by_id, row.updated_by_id, row.deleted_by_id} - {None})
    owner = None
    owner_id = getattr(row, "owner_id", None)
    if owner_id is not None:
        owner = session.scalar(select(Employee.name).where(Employee.id == owner_id))
    history = (
        tuple(audit.history(session, user, kind.table, record_id))
        if user.may("security", "view")
        else None
    )
    return RecordInformation(
        id=record_id,
        title=_title(kind, row),
        version=row.version,
        created_at=row.created_at,
        created_by=names.get(row.created_by_id),
        updated_at=row.updated_at,
        updated_by=names.get(row.updated_by_id),
        deleted_at=row.deleted_at,
        deleted_by=names.get(row.deleted_by_id),
        owner=owner,
        history=history,
    )


def lookup_options(
    session: Session, kind: RecordKind, key: str, language: str
) -> list[LookupOption]:
    """The live choices of a lookup field, in pinyin order of their text."""
    source = kind.lookups[key]
    model = source.model
    text = source.text(language)
    search = source.search if source.search is not None else text
    statement = select(model.id, text, search).where(  # type: ignore[attr-defined]
        model.deleted_at.is_(None)  # type: ignore[attr-defined]
    )
    if source.where is not None:
        statement = statement.where(source.where())
    options = [
        LookupOption(id_, str(shown), f"{search_text or ''} {pinyin_search_text(str(shown))}")
        for id_, shown, search_text in session.execute(statement)
    ]
    return sorted(options, key=lambda option: (pinyin_key(option.text), option.id))


# Reading rows.
def _visible(session: Session, user: CurrentUser, kind: RecordKind, record_id: int) -> Any:
    model = kind.model
    row = session.scalars(
        visible_rows(user, model).where(model.id == record_id)  # type: ignore[attr-defined]
    ).one_or_none()
    if row is None:
        raise NotFoundError(table=kind.table, id=record_id)
    return row


def _live(session: Session, user: CurrentUser, kind: RecordKind, record_id: int) -> Any:
    row = _visible(session, user, kind, record_id)
    if row.deleted_at is not None:
        raise NotFoundError(table=kind.table, id=record_id)
    return row


def _values(kind: RecordKind, row: Any) -> RecordValues:
    return RecordValues(
        id=row.id,
        version=row.version,
        values={spec.key: getattr(row, spec.key) for spec in kind.fields},
        title=_title(kind, row),
    )


def _title(kind: RecordKind, row: Any) -> str:
    return str(getattr(row, kind.title_field) or "")


def _user_names(session: Session, user_ids: set[int]) -> dict[int, str]:
    if not user_ids:
        return {}
    rows = session.execute(
        select(User.id, Employee.name, User.username)
        .join(Employee, Employee.id == User.employee_id)
        .where(User.id.in_(sorted(user_ids)))
    )
    return {id_: f"{name} ({username})" for id_, name, username in rows}


# Writing rows.
def _checked(
    session: Session, user: CurrentUser, kind: RecordKind, values: Values, record_id: int | None
) -> Values:
    """Every field checked by its spec (the form checked too; this is the rule), the kind's
    defaults filled in, then its own rules and the live-unique columns, each failure naming
    its field."""
    unknown = set(values) - {spec.key for spec in kind.fields}
    if unknown:
        raise ValidationError("unknown_field", field=sorted(unknown)[0])
    checked = {spec.key: _checked_value(spec, values.get(spec.key)) for spec in kind.fields}
    if kind.prepare is not None:
        kind.prepare(session, user, checked, record_id)
    if kind.check_values is not None:
        kind.check_values(session, checked, record_id)
    _require_unique_free(session, kind, checked, record_id)
    return checked


def _checked_value(spec: FieldSpec, value: Any) -> Any:
    """A value the form parsed, checked again by the same rules: shown, then read back."""
    return parse(spec, display(spec, value))


def _require_unique_free(
    session: Session, kind: RecordKind, values: Values, record_id: int | None
) -> None:
    """Refuse a value a live record already holds in a column unique among live rows, before
    the database does, so the message names the field. The database index stays the rule."""
    model = kind.model
    for columns in _live_unique_columns(kind):
        if any(values.get(column) is None for column in columns):
            continue
        statement: Select[Any] = select(func.count()).where(
            model.deleted_at.is_(None),  # type: ignore[attr-defined]
            *(getattr(model, column) == values[column] for column in columns),
        )
        if record_id is not None:
            statement = statement.where(model.id != record_id)  # type: ignore[attr-defined]
        if session.scalar(statement):
            raise ValidationError("value_taken", field=columns[-1], value=values[columns[-1]])


def _live_unique_columns(kind: RecordKind) -> list[tuple[str, ...]]:
    fields = {spec.key for spec in kind.fields}
    found = []
    for index in kind.model.__table__.indexes:  # type: ignore[attr-defined]
        if index.unique:
            columns = tuple(column.name for column in index.columns)
            if set(columns) <= fields:
                found.append(columns)
    return found


def _after_save(session: Session, user: CurrentUser, kind: RecordKind, row: Any) -> None:
    if kind.after_save is not None:
        kind.after_save(session, user, row.id)
        flush(session)


def _assign(row: Any, values: Values) -> None:
    for key, value in values.items():
        setattr(row, key, value)


def new_values(kind: RecordKind) -> Values:
    """What a new record's form starts with: the defaults an insert would give its columns
    (a lookup entry active, at order 0), so that an untouched box does not mean "no"."""
    table: Any = kind.model.__table__  # type: ignore[attr-defined]
    values: Values = {}
    for spec in kind.fields:
        default = table.c[spec.key].default
        if default is not None and default.is_scalar:
            values[spec.key] = default.arg
    return values
