"""Column types that behave the same on PostgreSQL and SQLite.

SQLite has neither a decimal nor a time-zone-aware timestamp type: money stored
there as REAL would round, and timestamps would come back naive.  These types
keep PostgreSQL's native types and store exact, comparable values on SQLite.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer, Numeric, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class ExactDecimal(TypeDecorator[Decimal]):
    """NUMERIC(p, s) on PostgreSQL; a scaled integer on SQLite (12.34 → 1234 at scale 2).

    A scaled integer keeps SQLite sums, comparisons and check constraints exact.
    """

    impl = Numeric
    cache_ok = True

    def __init__(self, precision: int = 14, scale: int = 2) -> None:
        super().__init__(precision=precision, scale=scale, asdecimal=True)
        self.precision = precision
        self.scale = scale
        self._quantum = Decimal(1).scaleb(-scale)
        self._factor = 10**scale

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger() if self.precision > 9 else Integer())
        return dialect.type_descriptor(Numeric(self.precision, self.scale, asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        exact = Decimal(value).quantize(self._quantum, rounding=ROUND_HALF_UP)
        if dialect.name == "sqlite":
            return int(exact * self._factor)
        return exact

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            return self.from_scaled_integer(value)
        return Decimal(value).quantize(self._quantum)

    def from_scaled_integer(self, value: int) -> Decimal:
        """The amount a SQLite scaled integer stands for (1234 → 12.34 at scale 2)."""
        return (Decimal(int(value)) / self._factor).quantize(self._quantum)

    def quantize(self, value: Decimal | int | str) -> Decimal:
        return Decimal(value).quantize(self._quantum, rounding=ROUND_HALF_UP)

    def literal_sqlite(self, value: Decimal | int) -> int:
        """The stored SQLite integer for a value, for hand-written DDL such as check constraints."""
        return int(Decimal(value) * self._factor)


def Money() -> ExactDecimal:
    """Amounts of money in yuan, to the fen."""
    return ExactDecimal(14, 2)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """TIMESTAMPTZ on PostgreSQL; a UTC ISO string on SQLite. Always returns aware datetimes."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, dt.datetime):
            raise TypeError(f"expected datetime, got {type(value).__name__}")
        if value.tzinfo is None:
            raise ValueError("naive datetime: timestamps must carry a time zone")
        if dialect.name == "sqlite":
            return value.astimezone(dt.UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value


def ascii_key(length: int) -> TypeEngine[str]:
    """A key of ASCII text (pinyin, mnemonic, e-mail, mobile): byte order ("C" collation) on
    PostgreSQL: for such text as good an order as a locale's, compared without one, so
    its indexes build about twice as fast (and serve LIKE 'prefix%')."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")
