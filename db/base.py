"""Declarative base, bilingual labels and the column sets every editable table shares."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import CheckConstraint, ForeignKey, Index, MetaData, func, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from db.sqlite_search import is_search_table
from db.types import ExactDecimal, UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


@dataclass(frozen=True)
class Label:
    """A column's or table's name as the user sees it, in both languages."""

    zh: str
    en: str

    def text(self, language: str) -> str:
        return self.en if language.startswith("en") else self.zh


def label(zh: str, en: str) -> dict[str, Any]:
    """The `info` of a column: its Chinese and English label, defined once, here in the model."""
    return {"label": Label(zh, en)}


def table_label(zh: str, en: str) -> dict[str, Any]:
    """The `info` of a table, used as the last element of `__table_args__`."""
    return {"info": label(zh, en)}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UtcDateTime(),
        Decimal: ExactDecimal(14, 2),
    }


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class IdMixin:
    id: Mapped[int] = mapped_column(primary_key=True, info=label("编号", "ID"))


class TrackedMixin(IdMixin):
    """An editable row: optimistic-lock version, who created and changed it, and when."""

    version: Mapped[int] = mapped_column(
        default=1, server_default="1", info=label("版本", "Version")
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        default=utc_now, server_default=func.now(), info=label("创建时间", "Created at")
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        default=utc_now,
        onupdate=utc_now,
        server_default=func.now(),
        info=label("修改时间", "Updated at"),
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL", use_alter=True),
        info=label("创建人", "Created by"),
    )
    updated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL", use_alter=True),
        info=label("修改人", "Updated by"),
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}  # type: ignore[attr-defined]


class SoftDeleteMixin:
    """Deleted rows stay, marked, until restored from the recycle bin or purged."""

    deleted_at: Mapped[dt.datetime | None] = mapped_column(info=label("删除时间", "Deleted at"))
    deleted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL", use_alter=True),
        info=label("删除人", "Deleted by"),
    )


class Record(TrackedMixin, SoftDeleteMixin):
    """The usual editable, soft-deleted table."""


class OwnedMixin:
    """A business record owned by an employee of a department: what data permissions read."""

    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"), index=True, info=label("负责人", "Owner")
    )
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="RESTRICT"),
        index=True,
        info=label("所属部门", "Department"),
    )


def one_of(column: str, values: tuple[str, ...], *, nullable: bool = False) -> str:
    """The SQL of a check that `column` holds one of `values` (or NULL, if `nullable`)."""
    listed = ", ".join(f"'{value}'" for value in values)
    condition = f"{column} IN ({listed})"
    return f"{column} IS NULL OR {condition}" if nullable else condition


def check_one_of(column: str, values: tuple[str, ...]) -> CheckConstraint:
    """A check named `<column>_known` that `column` holds one of `values`."""
    return CheckConstraint(one_of(column, values), name=f"{column}_known")


def live_unique(table: str, *columns: str) -> Index:
    """Unique among rows not in the recycle bin, so a deleted name can be used again."""
    name = f"uq_{table}_{'_'.join(columns)}_live"
    return Index(
        name,
        *columns,
        unique=True,
        sqlite_where=text("deleted_at IS NULL"),
        postgresql_where=text("deleted_at IS NULL"),
    )


def made_here(dialect: str) -> Callable[..., bool]:
    """Alembic's `include_object` for a database of `dialect`: leaves out what the models
    make on another database only (`Index(...).ddl_if(dialect=...)`), which autogenerate
    would otherwise take for missing, and SQLite's FTS5 tables, which the models do not
    describe."""

    def include(schema_object: Any, name: str | None, kind: str, *_: Any) -> bool:
        if kind == "table" and is_search_table(name):
            return False  # SQLite's FTS5 tables, made by the migrations
        # SQLAlchemy keeps ddl_if's condition here; there is no public accessor.
        condition = getattr(schema_object, "_ddl_if", None)
        return condition is None or condition.dialect in (None, dialect)

    return include
