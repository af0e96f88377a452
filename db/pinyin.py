"""The pinyin sort key kept with every Chinese name, so that lists sort as Chinese readers
expect (张 after 李) on both databases, with a plain index on an ASCII column.

A model names the attribute its key is read from in `__pinyin_source__`; every ORM insert
and update fills `name_pinyin` from it, whichever service writes. Bulk loads (the demo's
COPY) compute the same key themselves with `pinyin_key`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, MetaData, Table, bindparam, event, select, update
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from db.base import Base, label
from db.types import ascii_key

PINYIN_KEY_LENGTH = 600
# The small tables whose rows may arrive without a key, and the column it is read from.
_SOURCES = {
    **dict.fromkeys(
        (
            "positions",
            "forms_of_address",
            "industries",
            "countries",
            "regions",
            "cities",
            "customer_types",
            "customer_sources",
            "sales_stages",
        ),
        "name_zh",
    ),
    **dict.fromkeys(("departments", "media_outlets", "ad_services", "employees"), "name"),
}
SMALL_TABLES = tuple(_SOURCES)


def pinyin_key(text: str) -> str:
    """张三 → "zhangsan"; Latin letters and digits stay, lower case."""
    # Imported on first use: its dictionaries take a third of a second, at every start.
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text)).lower()


class PinyinSortedMixin:
    """A `name_pinyin` sort key read from the attribute named by `__pinyin_source__`."""

    name_pinyin: Mapped[str | None] = mapped_column(
        ascii_key(PINYIN_KEY_LENGTH), info=label("名称拼音", "Name (pinyin)")
    )


def _fill_pinyin(_mapper: Mapper[Any], _connection: Any, target: Any) -> None:
    source = getattr(type(target), "__pinyin_source__", None)
    if source is None:
        return
    name = getattr(target, source)
    target.name_pinyin = pinyin_key(name) if name else None


event.listen(Base, "before_insert", _fill_pinyin, propagate=True)
event.listen(Base, "before_update", _fill_pinyin, propagate=True)


def fill_missing_keys(connection: Connection, tables: Iterable[str]) -> int:
    """Fill the sort keys that rows written without the ORM lack (seeded reference data, bulk
    loads of small tables); returns how many rows got one. Not for big tables: it reads every
    row without a key."""
    filled = 0
    metadata = MetaData()
    for name in tables:
        table = Table(name, metadata, autoload_with=connection)
        source = table.c[_SOURCES[name]]
        rows = connection.execute(
            select(table.c.id, source).where(table.c.name_pinyin.is_(None), source.is_not(None))
        ).all()
        if rows:
            # A change like any other: the version guard wants the next version.
            connection.execute(
                update(table)
                .where(table.c.id == bindparam("row_id"))
                .values(name_pinyin=bindparam("key"), version=table.c.version + 1),
                [{"row_id": id_, "key": pinyin_key(name)} for id_, name in rows],
            )
        filled += len(rows)
    return filled
