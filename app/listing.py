"""Lists over the database: the columns a list shows, its sort and filters, and keyset paging
that reaches any row of a million without OFFSET, and without COUNT(*) on every refresh.

Every statement goes through `visible_rows` (app/access.py), so a list never shows, counts or
pages over a row its user may not see. Rows come back as plain tuples, id first.

The order of a list is (sort expression, id), NULL sort values after all others in ascending
order and before them in descending order, on both databases. Each page is read as two
segments — rows whose sort value is set, by (sort, id), then the NULL ones, by id — so each
query is a range over the sort column's index on SQLite and PostgreSQL alike.

A page is read by one of at most four statements per list, user and database (forwards or
backwards, from a key or from an end), each built and compiled once and kept with its
ListQuery (`PagePlan`): a page then costs the driver's execute and fetch and the conversion of
the values the driver returns, not the building, compiling and caching of a statement.

No Qt here: ui/models/query_model.py is the table model over these functions.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, get_args

from sqlalchemy import ColumnElement, Connection, Integer, Select, bindparam, func, or_, select
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ClauseElement, Executable
from sqlalchemy.sql.util import find_tables

from app import preferences
from app.access import CurrentUser, visible_rows
from db.base import Base, Label

Kind = Literal["text", "int", "money", "date", "datetime", "bool", "lookup"]
KINDS: tuple[str, ...] = get_args(Kind)
NUMERIC_KINDS = frozenset({"int", "money"})
Op = Literal[
    "equals", "contains", "starts_with", "lt", "le", "gt", "ge", "between", "is_empty"
]  # fmt: skip
OPS: tuple[str, ...] = get_args(Op)
Row = tuple[Any, ...]
# What reads: a session (its connection is used, without the ORM's work on every row) or a
# connection.
Reader = Session | Connection


def _core(reader: Reader) -> Connection:
    if not isinstance(reader, Session):
        return reader
    if reader.autoflush:  # as session.execute would: the list shows what the session holds
        reader.flush()
    return reader.connection()


@dataclass(frozen=True, eq=False)
class ListColumn:
    """One column of a list: what is selected, how it is labelled, shown, sorted, filtered."""

    key: str
    expression: ColumnElement[Any]
    label_zh: str
    label_en: str
    kind: Kind = "text"
    # What "sort by this column" orders by; by default the expression itself. For Chinese
    # names, the pinyin kept with the row (customers.name_pinyin).
    sort_expression: ColumnElement[Any] | None = None
    filterable: bool = True

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")
        if self.sort_expression is None:
            object.__setattr__(self, "sort_expression", self.expression)

    @classmethod
    def of(
        cls,
        column: Any,
        *,
        key: str | None = None,
        kind: Kind = "text",
        sort: Any = None,
        label: Label | Any = None,
        filterable: bool = True,
    ) -> ListColumn:
        """A column from a model attribute, labelled as the model labels it (`info`).

        `label` may be a Label or another attribute whose label to use (an owner's name is
        labelled as `Customer.owner_id`); a lookup column without one takes the lookup
        table's label (`Industry.name_zh` → 行业 / Industry).
        """
        expression = _expression(column)
        found = _label_of(label if label is not None else column, kind == "lookup")
        return cls(
            key=key or str(expression.key),
            expression=expression,
            label_zh=found.zh,
            label_en=found.en,
            kind=kind,
            sort_expression=None if sort is None else _expression(sort),
            filterable=filterable,
        )

    @property
    def sort_by(self) -> ColumnElement[Any]:
        assert self.sort_expression is not None  # set by __post_init__
        return self.sort_expression

    def label(self, language: str) -> str:
        return self.label_en if language.startswith("en") else self.label_zh


def _expression(column: Any) -> ColumnElement[Any]:
    clause = getattr(column, "__clause_element__", None)
    return clause() if clause is not None else column  # type: ignore[no-any-return]


def _label_of(source: Any, lookup: bool) -> Label:
    if isinstance(source, Label):
        return source
    expression = _expression(source)
    table = getattr(expression, "table", None)
    if lookup and table is not None and isinstance(table.info.get("label"), Label):
        return table.info["label"]  # type: ignore[no-any-return]
    found = getattr(expression, "info", {}).get("label")
    if not isinstance(found, Label):
        raise ValueError(f"{source!r} has no label; pass label=Label(zh, en)")
    return found


@dataclass(frozen=True, eq=False)
class ListSpec:
    """What a list shows: its columns over `base` (FROM and joins, e.g.
    `select(Customer.id).outerjoin(Industry, …)`), limited by the permissions on `model`."""

    model: type[Base]
    columns: tuple[ListColumn, ...]
    base: Select[Any] | None = None
    id_column: ColumnElement[int] | None = None
    recycle_bin: bool = False  # True: only rows in the recycle bin, else only live rows
    hidden_columns: tuple[ListColumn, ...] = ()  # for filters and sorting, not shown

    def __post_init__(self) -> None:
        object.__setattr__(self, "columns", tuple(self.columns))
        if self.base is None:
            object.__setattr__(self, "base", select(self.model.id))  # type: ignore[attr-defined]
        if self.id_column is None:
            object.__setattr__(self, "id_column", _expression(self.model.id))  # type: ignore[attr-defined]
        keys = [column.key for column in (*self.columns, *self.hidden_columns)]
        if len(set(keys)) != len(keys):
            raise ValueError(f"duplicate column keys in {keys}")

    @property
    def ident(self) -> ColumnElement[int]:
        assert self.id_column is not None
        return self.id_column

    def column(self, key: str) -> ListColumn:
        for column in (*self.columns, *self.hidden_columns):
            if column.key == key:
                return column
        raise KeyError(key)

    def statement(
        self, user: CurrentUser, *selected: ColumnElement[Any], joins: bool = True
    ) -> Select[Any]:
        """`selected` from the base (or, without `joins`, from the model's table alone), only
        live (or recycle-bin) rows `user` may see."""
        assert self.base is not None
        if joins:
            statement = self.base.with_only_columns(*selected, maintain_column_froms=False)
        else:
            statement = select(*selected).select_from(self.model.__table__)
        deleted_at = getattr(self.model, "deleted_at", None)
        if deleted_at is not None:
            statement = statement.where(
                deleted_at.is_not(None) if self.recycle_bin else deleted_at.is_(None)
            )
        return visible_rows(user, self.model, statement)


@dataclass(frozen=True)
class Filter:
    """`column_key op value`; `between` takes (low, high), both included; `is_empty` no value.
    Values are bound parameters; `contains` and `starts_with` ignore case and take % _ \\
    literally."""

    column_key: str
    op: Op
    value: Any = None

    def __post_init__(self) -> None:
        if self.op not in OPS:
            raise ValueError(f"unknown filter operator {self.op!r}")


@dataclass(frozen=True, eq=False)
class ListQuery:
    """A list as the user has arranged it: sorted by one column, filtered."""

    spec: ListSpec
    sort_key: str | None = None  # None: the first column
    descending: bool = False
    filters: tuple[Filter, ...] = ()
    # The page statements compiled for this list (page_plan); not copied by sorted_by/filtered.
    _plans: dict[tuple[Any, ...], PagePlan] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "filters", tuple(self.filters))
        for item in self.filters:
            if not self.spec.column(item.column_key).filterable:
                raise ValueError(f"column {item.column_key!r} is not filterable")
        self.sort_column  # noqa: B018 - fails early on an unknown key

    @property
    def sort_column(self) -> ListColumn:
        return self.spec.column(self.sort_key) if self.sort_key else self.spec.columns[0]

    def sorted_by(self, key: str, descending: bool = False) -> ListQuery:
        return dataclasses.replace(self, sort_key=key, descending=descending)

    def filtered(self, filters: Iterable[Filter]) -> ListQuery:
        return dataclasses.replace(self, filters=tuple(filters))

    def statement(self, user: CurrentUser, *selected: ColumnElement[Any]) -> Select[Any]:
        """`selected` from the rows of this list, filtered. The joins of the base are left out
        when nothing selected or filtered needs them: counts and key maps then read the
        model's table alone (a LEFT JOIN, even one PostgreSQL removes, keeps it from reading
        an index in order)."""
        conditions = [condition(self.spec.column(item.column_key), item) for item in self.filters]
        table = self.spec.model.__table__
        joins = any(
            found is not table
            for clause in (*selected, *conditions)
            for found in find_tables(clause, check_columns=True, include_aliases=True)
        )
        statement = self.spec.statement(user, *selected, joins=joins)
        return statement.where(*conditions) if conditions else statement

    def page_plan(
        self, user: CurrentUser, dialect: Dialect, valued: bool, keyed: bool, descending: bool
    ) -> PagePlan:
        """The statement of one segment of a page (see `_page`), made once per user and
        database: its permission filter and the list's filters are fixed in it, the key and the
        number of rows are its parameters."""
        # By identity (a CurrentUser holds dicts: no hash); a cached plan keeps its user and
        # dialect alive, so their ids cannot be another's while it is here.
        key = (id(user), id(dialect), valued, keyed, descending)
        plan = self._plans.get(key)
        if plan is not None:
            return plan
        plan = PagePlan.of(_page_statement(self, user, valued, keyed, descending), user, dialect)
        if len(self._plans) >= MAX_PLANS:  # many logins or engines over one query: start anew
            self._plans.clear()
        self._plans[key] = plan
        return plan

    @functools.cached_property
    def may_be_null(self) -> bool:
        """Whether the sort expression can be NULL: not for a NOT NULL column of the list's own
        table (then the NULL segment's query is saved)."""
        sort = self.sort_column.sort_by
        table = getattr(sort, "table", None)
        nullable = getattr(sort, "nullable", True)
        return bool(nullable) or table is not self.spec.model.__table__


def escape_like(text: str) -> str:
    """`text` for a LIKE pattern with ESCAPE '\\': its %, _ and \\ match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def condition(column: ListColumn, item: Filter) -> ColumnElement[bool]:
    expression, value = column.expression, item.value
    if item.op == "equals":
        return expression == value
    if item.op == "contains":
        return expression.ilike(f"%{escape_like(str(value))}%", escape="\\")
    if item.op == "starts_with":
        return expression.ilike(f"{escape_like(str(value))}%", escape="\\")
    if item.op == "between":
        low, high = value
        return expression.between(low, high)
    if item.op == "is_empty":
        if column.kind in ("text", "lookup"):
            return or_(expression.is_(None), expression == "")
        return expression.is_(None)
    compare = {"lt": "__lt__", "le": "__le__", "gt": "__gt__", "ge": "__ge__"}[item.op]
    return getattr(expression, compare)(value)  # type: ignore[no-any-return]


# Keyset paging.


@dataclass(frozen=True)
class Key:
    """Where a row stands in its list's order: its sort value (None sorts last) and its id."""

    value: Any
    id: int


@dataclass(frozen=True)
class Page:
    """Rows (id, *column values) in display order, the keys of the first and last, and whether
    the list ends there (fewer rows than asked for)."""

    rows: tuple[Row, ...]
    first: Key | None
    last: Key | None
    complete: bool


def first_page(session: Reader, query: ListQuery, user: CurrentUser, limit: int) -> Page:
    return _page(session, query, user, None, limit, backwards=False)


def page_after(session: Reader, query: ListQuery, user: CurrentUser, key: Key, limit: int) -> Page:
    return _page(session, query, user, key, limit, backwards=False)


def page_before(session: Reader, query: ListQuery, user: CurrentUser, key: Key, limit: int) -> Page:
    return _page(session, query, user, key, limit, backwards=True)


def last_page(session: Reader, query: ListQuery, user: CurrentUser, limit: int) -> Page:
    return _page(session, query, user, None, limit, backwards=True)


def every_row(
    session: Reader, query: ListQuery, user: CurrentUser, page_size: int = 1000
) -> Iterator[Row]:
    """Every row of the list in its order, read page by page (an export, a print run)."""
    page = first_page(session, query, user, page_size)
    while True:
        yield from page.rows
        if page.complete or page.last is None:
            return
        page = page_after(session, query, user, page.last, page_size)


def _page(
    session: Reader,
    query: ListQuery,
    user: CurrentUser,
    key: Key | None,
    limit: int,
    backwards: bool,
) -> Page:
    connection = _core(session)
    descending = query.descending != backwards
    found: list[Row] = []
    for valued, segment_key in _segments(query, key, descending):
        plan = query.page_plan(
            user, connection.dialect, valued, segment_key is not None, descending
        )
        values: dict[str, Any] = {LIMIT: limit - len(found)}
        if segment_key is not None:
            values[KEY_ID] = segment_key.id
            if valued:
                values[KEY_VALUE] = segment_key.value
        found.extend(plan.fetch(connection, values))
        if len(found) >= limit:
            break
    if backwards:
        found.reverse()
    if not found:
        return Page(rows=(), first=None, last=None, complete=True)
    first, last = found[0], found[-1]
    return Page(
        rows=tuple([row[:-1] for row in found]),
        first=Key(first[-1], first[0]),
        last=Key(last[-1], last[0]),
        complete=len(found) < limit,
    )


# The parameters of a page statement: the key to start after and the number of rows.
KEY_VALUE, KEY_ID, LIMIT = "mc_page_key_value", "mc_page_key_id", "mc_page_limit"
MAX_PLANS = 32  # per ListQuery


def _page_statement(
    query: ListQuery, user: CurrentUser, valued: bool, keyed: bool, descending: bool
) -> Select[Any]:
    """One segment of a page: (id, *columns, sort value), the key and LIMIT as parameters."""
    spec, sort = query.spec, query.sort_column.sort_by
    base = query.statement(user, spec.ident, *(column.expression for column in spec.columns), sort)
    key = None
    if keyed:
        key = Key(
            bindparam(KEY_VALUE, None, type_=sort.type),
            bindparam(KEY_ID, None, type_=spec.ident.type),  # type: ignore[arg-type]
        )
    statement = _segment(base, sort, spec.ident, valued, key, descending)
    return statement.limit(bindparam(LIMIT, None, type_=Integer()))


@dataclass(eq=False)
class PagePlan:
    """A statement compiled once for one database and run on the driver's cursor: its SQL, its
    fixed parameters already converted for the driver, and how to convert the parameters that
    change and the values that come back (SQLAlchemy's own bind and result processors, so
    the rows are what `Connection.execute` would give). Runs inside the connection's
    transaction as `Connection.execute` does; driver errors come as SQLAlchemy's."""

    sql: str
    positions: tuple[str, ...] | None  # the parameter names in order, for a positional driver
    fixed: dict[str, Any]
    variable: dict[str, Callable[[Any], Any] | None]
    types: tuple[Any, ...]  # of the selected columns
    user: CurrentUser  # kept: the plan is found by the identity of the user and the dialect
    dialect: Dialect
    _results: dict[tuple[Any, ...], list[tuple[int, Callable[[Any], Any]]]] = field(
        default_factory=dict
    )

    @classmethod
    def of(cls, statement: Select[Any], user: CurrentUser, dialect: Dialect) -> PagePlan:
        variable_names = (KEY_VALUE, KEY_ID, LIMIT)
        compiled = statement.compile(dialect=dialect)
        state = compiled.construct_expanded_state(dict.fromkeys(variable_names))
        processors = {}
        for bind, name in compiled.bind_names.items():
            if not bind.expanding:  # the expanded state has those of IN's parameters
                process = bind.type.dialect_impl(dialect).bind_processor(dialect)
                processors[compiled.escaped_bind_names.get(name, name)] = process
        processors.update(state.processors)
        fixed: dict[str, Any] = {}
        variable: dict[str, Callable[[Any], Any] | None] = {}
        for name, value in state.parameters.items():
            process = processors.get(name)
            if name in variable_names:
                variable[name] = process
            else:
                fixed[name] = value if process is None else process(value)
        positions = None if state.positiontup is None else tuple(state.positiontup)
        types = tuple(column.type for column in statement.selected_columns)
        return cls(state.statement, positions, fixed, variable, types, user, dialect)

    def parameters(self, values: dict[str, Any]) -> Any:
        found = dict(self.fixed)
        for name, process in self.variable.items():
            value = values[name]
            found[name] = value if process is None else process(value)
        if self.positions is None:
            return found
        return tuple([found[name] for name in self.positions])

    def fetch(self, connection: Connection, values: dict[str, Any]) -> list[Row]:
        """The rows for `values` of the variable parameters, as plain tuples."""
        if not connection.in_transaction():
            connection.begin()  # as Connection.execute begins one by itself
        parameters = self.parameters(values)
        driver_connection = connection.connection
        cursor = driver_connection.cursor()
        try:
            cursor.execute(self.sql, parameters)
            converters = self._converters(cursor.description)
            rows = cursor.fetchall()
        except self.dialect.loaded_dbapi.Error as exc:
            lost = self.dialect.is_disconnect(exc, driver_connection, cursor)
            if lost:
                connection.invalidate(exc)
            raise DBAPIError.instance(
                self.sql,
                parameters,
                exc,
                self.dialect.loaded_dbapi.Error,
                connection_invalidated=lost,
                dialect=self.dialect,
            ) from exc
        finally:
            with contextlib.suppress(Exception):
                cursor.close()
        if not converters or not rows:
            return list(rows)
        columns = list(zip(*rows, strict=True))
        for index, convert in converters:
            columns[index] = tuple(map(convert, columns[index]))
        return list(zip(*columns, strict=True))

    def _converters(self, description: Any) -> list[tuple[int, Callable[[Any], Any]]]:
        """The result processors of the selected columns for the driver's column types (as
        SQLAlchemy chooses them), found once per set of types."""
        codes = tuple(column[1] for column in description)
        found = self._results.get(codes)
        if found is None:
            found = []
            for index, (type_, code) in enumerate(zip(self.types, codes, strict=True)):
                convert = type_.dialect_impl(self.dialect).result_processor(self.dialect, code)
                if convert is not None:
                    found.append((index, convert))
            self._results[codes] = found
        return found


def _segments(query: ListQuery, key: Key | None, descending: bool) -> list[tuple[bool, Key | None]]:
    """The segments (True: sort value set, False: NULL) still to read after `key`, in the
    order read, each with the key to start after (only in the first)."""
    segments = [True, False] if query.may_be_null else [True]
    if descending:
        segments.reverse()
    if key is None:
        return [(segment, None) for segment in segments]
    start = segments.index(key.value is not None)
    return [(segments[start], key)] + [(segment, None) for segment in segments[start + 1 :]]


def _segment(
    statement: Select[Any],
    sort: ColumnElement[Any],
    ident: ColumnElement[int],
    valued: bool,
    key: Key | None,
    descending: bool,
) -> Select[Any]:
    def direction(expression: ColumnElement[Any]) -> Any:
        return expression.desc() if descending else expression.asc()

    if not valued:
        statement = statement.where(sort.is_(None))
        if key is not None:
            statement = statement.where(ident < key.id if descending else ident > key.id)
        return statement.order_by(direction(ident))
    statement = statement.where(sort.is_not(None))
    if key is not None:
        # `sort >= k` first, so both databases start an index range at the key.
        if descending:
            statement = statement.where(sort <= key.value, or_(sort < key.value, ident < key.id))
        else:
            statement = statement.where(sort >= key.value, or_(sort > key.value, ident > key.id))
    return statement.order_by(direction(sort), direction(ident))


@dataclass(frozen=True)
class KeyMap:
    """Every `step`-th key of a list and its exact row count: `keys[j]` is the key of row
    (j + 1) * step - 1, so rows [b * step, (b + 1) * step) are the page after `keys[b - 1]`."""

    step: int
    keys: tuple[Key, ...]
    count: int

    def key_before(self, row: int) -> Key | None:
        """The key of row `row - 1` when it is in the map (`row` a multiple of `step`)."""
        if row % self.step or not 0 < row <= len(self.keys) * self.step:
            return None
        return self.keys[row // self.step - 1]


def key_map(session: Reader, query: ListQuery, user: CurrentUser, step: int) -> KeyMap:
    """One pass over the list's order, keeping every `step`-th key and counting all rows
    (`row_number()` and `lead()` over the order; only the kept rows leave the server)."""
    keys: list[Key] = []
    count = 0
    for valued, _ in _segments(query, None, query.descending):
        rows = _core(session).execute(_key_map_statement(query, user, valued, step, count)).all()
        for value, ident, number, last in rows:
            if (count + number) % step == 0:
                keys.append(Key(value, ident))
            if last:
                count += number
                break
    return KeyMap(step=step, keys=tuple(keys), count=count)


def _key_map_statement(
    query: ListQuery, user: CurrentUser, valued: bool, step: int, offset: int
) -> Select[Any]:
    sort, ident = query.sort_column.sort_by, query.spec.ident
    order = [sort, ident] if valued else [ident]
    order_by = [item.desc() if query.descending else item.asc() for item in order]
    numbered = (
        query.statement(
            user,
            sort.label("sort_value"),
            ident.label("row_id"),
            func.row_number().over(order_by=order_by).label("number"),
            func.lead(ident).over(order_by=order_by).label("next_id"),
        )
        .where(sort.is_not(None) if valued else sort.is_(None))
        .subquery()
    )
    return (
        select(
            numbered.c.sort_value,
            numbered.c.row_id,
            numbered.c.number,
            numbered.c.next_id.is_(None),
        )
        .where(or_((numbered.c.number + offset) % step == 0, numbered.c.next_id.is_(None)))
        .order_by(numbered.c.number)
    )


# Counting.


@dataclass(frozen=True)
class RowCount:
    value: int
    exact: bool


def capped_count(session: Reader, query: ListQuery, user: CurrentUser, cap: int) -> RowCount:
    """The number of rows when it is at most `cap`; else cap + 1, not exact. Reads at most
    cap + 1 rows."""
    limited = query.statement(user, query.spec.ident).limit(cap + 1).subquery()
    found = _core(session).execute(select(func.count()).select_from(limited)).scalar_one()
    return RowCount(int(found), exact=found <= cap)


def estimated_count(session: Reader, query: ListQuery, user: CurrentUser) -> int | None:
    """The PostgreSQL planner's estimate of the number of rows (statistics the planner may
    use even where row-level security hides pg_stats from the user); None on SQLite."""
    connection = _core(session)
    if connection.dialect.name != "postgresql":
        return None
    plan = connection.execute(_Explain(query.statement(user, query.spec.ident))).scalar_one()
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def count_rows(session: Reader, query: ListQuery, user: CurrentUser, cap: int) -> RowCount:
    """Exact up to `cap` rows; past it the planner's estimate (at least cap + 1), not exact."""
    counted = capped_count(session, query, user, cap)
    if counted.exact:
        return counted
    estimate = estimated_count(session, query, user) or 0
    return RowCount(max(estimate, cap + 1), exact=False)


class _Explain(Executable, ClauseElement):
    inherit_cache = False

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement


@compiles(_Explain, "postgresql")
def _compile_explain(element: _Explain, compiler: Any, **kw: Any) -> str:
    return "EXPLAIN (FORMAT JSON) " + compiler.process(element.statement, **kw)


def fetch_row(session: Reader, query: ListQuery, user: CurrentUser, row_id: int) -> Row | None:
    """One row (id, *column values) as the list shows it, None when it has left the list."""
    spec = query.spec
    statement = query.statement(
        user, spec.ident, *(column.expression for column in spec.columns)
    ).where(spec.ident == row_id)
    row = _core(session).execute(statement).first()
    return None if row is None else tuple(row)


# Display.


@dataclass(frozen=True)
class Formats:
    """How values are written in a list; the caller chooses (dates by strftime formats)."""

    date: str = "%Y-%m-%d"
    datetime: str = "%Y-%m-%d %H:%M"
    true_text: str = "是"
    false_text: str = "否"
    timezone: dt.tzinfo | None = field(default=None)  # None: the computer's local time

    @classmethod
    def for_language(cls, language: str) -> Formats:
        if language.startswith("en"):
            return cls(true_text="Yes", false_text="No")
        return cls()


def format_text(value: Any, _formats: Formats) -> str:
    return "" if value is None else str(value)


def format_int(value: Any, _formats: Formats) -> str:
    return "" if value is None else str(int(value))


def format_money(value: Any, _formats: Formats) -> str:
    """Two decimals, thousands separated: Decimal('1234567.5') → '1,234,567.50'."""
    if value is None:
        return ""
    return preferences.format_money(value if isinstance(value, Decimal) else Decimal(str(value)))


def format_date(value: Any, formats: Formats) -> str:
    return "" if value is None else _strftime(value, formats.date)


def format_datetime(value: Any, formats: Formats) -> str:
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone(formats.timezone)
    return _strftime(value, formats.datetime)


_FIELDS = {
    "Y": "{0.year:04d}",
    "m": "{0.month:02d}",
    "d": "{0.day:02d}",
    "H": "{0.hour:02d}",
    "M": "{0.minute:02d}",
    "S": "{0.second:02d}",
    "%": "%",
}


@functools.lru_cache(maxsize=64)
def _template(strftime_format: str) -> str | None:
    """`strftime_format` as a str.format template, or None when it needs strftime itself.
    (strftime imports a module on every call, slow where an import hook is installed, as
    PySide6 installs one: a page has hundreds of dates.)"""
    parts = []
    for part in re.split("(%.)", strftime_format):
        if len(part) == 2 and part[0] == "%":
            field = _FIELDS.get(part[1])
            if field is None:
                return None
            parts.append(field)
        else:
            parts.append(part.replace("{", "{{").replace("}", "}}"))
    return "".join(parts)


def _strftime(value: Any, strftime_format: str) -> str:
    template = _template(strftime_format)
    return value.strftime(strftime_format) if template is None else template.format(value)  # type: ignore[no-any-return]


def format_bool(value: Any, formats: Formats) -> str:
    if value is None:
        return ""
    return formats.true_text if value else formats.false_text


FORMATTERS = {
    "text": format_text,
    "lookup": format_text,
    "int": format_int,
    "money": format_money,
    "date": format_date,
    "datetime": format_datetime,
    "bool": format_bool,
}


def format_row(columns: Sequence[ListColumn], row: Row, formats: Formats) -> tuple[str, ...]:
    """A row (id, *values) as the texts of its columns."""
    return row_formatter(columns, formats)(row)


def row_formatter(
    columns: Sequence[ListColumn], formats: Formats
) -> Callable[[Row], tuple[str, ...]]:
    """`format_row` for many rows of the same columns."""
    functions = [FORMATTERS[column.kind] for column in columns]

    def format_one(row: Row) -> tuple[str, ...]:
        return tuple(
            [function(value, formats) for function, value in zip(functions, row[1:], strict=True)]
        )

    return format_one
