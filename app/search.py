"""The fuzzy query: one text box that finds customers and contacts by any part of their name,
its pinyin (every reading of a polyphonic character) or initials, the mnemonic, a phone or
mobile fragment, an e-mail or address fragment, and a Latin word with one typo.

Hits are ranked by tier — the whole of a field (exact), the start of a field (prefix),
anywhere (contains), one typo away — then by the name's pinyin and id; the first page is
read tier by tier, each tier at most a page of rows in pinyin order, and the contains tier
only when the first two left room: a query never counts or sorts every match of a huge
result. Every tier reads through the permission filter (and on PostgreSQL under row-level
security too), so a user never sees, nor can count, a record they may not open.

The matching itself is LIKE over the record's `search_text` (db/search_keys.py): on
PostgreSQL through mc_search_ids (pg_trgm's index, the caller's rights applied by the
function, as row-level security would keep the index from being used), on SQLite through
its FTS5 trigram table (db/sqlite_search.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ARRAY, ColumnElement, Select, Text, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from app.access import CurrentUser, visible_rows
from db.models.customers import (
    CONTACT_SEARCH_COLUMNS,
    CUSTOMER_SEARCH_COLUMNS,
    Contact,
    Customer,
    searched_tables,
)
from db.search_keys import GRAM_MARK, Token, fold, tokens
from db.sqlite_search import search_table

Kind = Literal["customer", "contact"]
KINDS: tuple[Kind, ...] = ("customer", "contact")
PAGE = 50
# No field's text is longer (a name's pinyin is at most 600 letters): a longer query finds
# nothing, and is not sent to the database at all.
MAX_QUERY_LENGTH = 600
TYPO_MIN_LETTERS = 4
TYPO_MAX_LETTERS = 30  # four LIKE patterns a letter: a longer word is matched as typed only
EXACT, PREFIX, CONTAINS, TYPO = range(4)
_LATIN_WORD = re.compile(r"[a-z]+")
_PHONE_LIKE = re.compile(r"[0-9()+\-.]*[0-9][0-9()+\-.]*")
_HAN_ONLY = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@dataclass(frozen=True)
class SearchHit:
    """One record found: `field` says what matched (name, pinyin, initials, mnemonic,
    phone, email, address), `shown` is that field's stored value and `spans` the
    (start, end) ranges of it that matched. A contact carries its customer."""

    kind: Kind
    id: int
    name: str
    field: str
    shown: str
    spans: tuple[tuple[int, int], ...]
    tier: int
    customer_id: int
    customer_name: str


@dataclass(frozen=True)
class _Query:
    folded: str
    tiers: tuple[tuple[int, tuple[str, ...]], ...]  # (tier, LIKE patterns) best first
    # Nothing in the query needed escaping: its patterns mean the same without ESCAPE,
    # which SQLite's trigram index needs.
    literal: bool


def fuzzy_search(
    session: Session, user: CurrentUser, text: str, limit: int = PAGE
) -> list[SearchHit]:
    """The first `limit` hits for `text` among the live customers and contacts `user` may
    see, best first."""
    query = _classify(text)
    if query is None or limit <= 0:
        return []
    dialect = session.get_bind().dialect.name
    found: dict[tuple[Kind, int], tuple[tuple[Any, ...], Any]] = {}
    for tier, patterns in query.tiers:
        if tier >= CONTAINS and len(found) >= limit:
            break  # the page is full of better hits
        for kind in KINDS:
            already = sum(1 for found_kind, _ in found if found_kind == kind)
            source, size = _SOURCES[kind], limit + already
            if dialect == "postgresql":
                condition = source.found_by_function(patterns, size)
            elif query.literal:
                condition = source.in_index(patterns)
            else:
                condition = source.like(patterns)
            statement = source.base(user).where(condition).order_by(*source.order).limit(size)
            for row in session.execute(statement):
                key = (kind, row.id)
                if key not in found:
                    rank = (tier, row.name_pinyin or "", KINDS.index(kind), row.id)
                    found[key] = (rank, row)
    best = sorted(found.items(), key=lambda item: item[1][0])[:limit]
    return [_hit(kind, row, rank[0], query.folded) for (kind, _id), (rank, row) in best]


def _classify(text: str) -> _Query | None:
    folded = fold(text)
    if not folded or len(folded) > MAX_QUERY_LENGTH:
        return None
    if _PHONE_LIKE.fullmatch(folded):
        folded = "".join(c for c in folded if c.isdigit())
    typed = _escape(folded)
    tiers: list[tuple[int, tuple[str, ...]]] = [
        (EXACT, (f"% {typed} %",)),
        (PREFIX, (f"% {typed}%",)),
    ]
    if _HAN_ONLY.fullmatch(folded) and len(folded) <= 2:
        # One or two characters: the name's marked grams, whole (an index can find them).
        tiers.append((CONTAINS, (f"% {GRAM_MARK}{typed} %",)))
    elif len(folded) >= 3:
        tiers.append((CONTAINS, (f"%{typed}%",)))
    if _LATIN_WORD.fullmatch(folded) and TYPO_MIN_LETTERS <= len(folded) <= TYPO_MAX_LETTERS:
        tiers.append((TYPO, tuple(f"%{pattern}%" for pattern in _one_typo_patterns(folded))))
    return _Query(folded, tuple(tiers), literal=typed == folded)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _one_typo_patterns(word: str) -> list[str]:
    """LIKE patterns for what is one edit from `word`: a letter changed or added (`_`
    stands for it), left out, or two neighbours swapped."""
    patterns: dict[str, None] = {}
    for index in range(len(word) + 1):
        head, tail = word[:index], word[index:]
        patterns[f"{_escape(head)}_{_escape(tail)}"] = None  # one letter more
        if tail:
            patterns[f"{_escape(head)}_{_escape(tail[1:])}"] = None  # one letter changed
            patterns[_escape(head + tail[1:])] = None  # one letter less
        if len(tail) >= 2 and tail[0] != tail[1]:
            patterns[_escape(head + tail[1] + tail[0] + tail[2:])] = None
    return list(patterns)


@dataclass(frozen=True)
class _Source:
    """How one kind of record is read: its columns, its live and visible rows, and how its
    search text is matched."""

    table: str
    base: Callable[[CurrentUser], Select[Any]]
    id: Any
    search_text: Any
    order: tuple[Any, ...]

    def like(self, patterns: Iterable[str]) -> ColumnElement[bool]:
        """The search text matched as it is, row by row (SQLite, for what needed escapes)."""
        return or_(*(self.search_text.like(pattern, escape="\\") for pattern in patterns))

    def found_by_function(self, patterns: Iterable[str], limit: int) -> ColumnElement[bool]:
        """PostgreSQL: the rows mc_search_ids finds through pg_trgm's index (which row-level
        security would keep a LIKE here from using); the policy still filters them."""
        found = func.mc_search_ids(self.table, literal(list(patterns), ARRAY(Text)), limit)
        return self.id.in_(select(found))

    def in_index(self, patterns: Iterable[str]) -> ColumnElement[bool]:
        """SQLite: the rows its FTS5 trigram table finds, for patterns without escapes."""
        index = search_table(self.table)
        found = or_(*(index.c.search_text.like(pattern) for pattern in patterns))
        return self.id.in_(select(index.c.rowid).where(found))


def _customers(user: CurrentUser) -> Select[Any]:
    columns = [getattr(Customer, column) for column in CUSTOMER_SEARCH_COLUMNS]
    statement = select(
        Customer.id,
        Customer.name_pinyin,
        *columns,
        Customer.id.label("customer_id"),
        Customer.name.label("customer_name"),
    )
    return visible_rows(user, Customer, statement).where(Customer.deleted_at.is_(None))


def _contacts(user: CurrentUser) -> Select[Any]:
    columns = [getattr(Contact, column) for column in CONTACT_SEARCH_COLUMNS]
    # An alias: the permission filter's own look at customers must not be merged into it.
    company = aliased(Customer)
    statement = (
        select(
            Contact.id,
            Contact.name_pinyin,
            *columns,
            company.id.label("customer_id"),
            company.name.label("customer_name"),
        )
        .join(company, company.id == Contact.customer_id)
        .where(Contact.deleted_at.is_(None), company.deleted_at.is_(None))
    )
    return visible_rows(user, Contact, statement)


_SOURCES: Mapping[Kind, _Source] = {
    "customer": _Source(
        "customers",
        _customers,
        Customer.id,
        Customer.search_text,
        (Customer.name_pinyin, Customer.id),
    ),
    "contact": _Source(
        "contacts", _contacts, Contact.id, Contact.search_text, (Contact.name_pinyin, Contact.id)
    ),
}
_SEARCHED = searched_tables()


def _hit(kind: Kind, row: Any, tier: int, query: str) -> SearchHit:
    columns, fields_of = _SEARCHED[_SOURCES[kind].table]
    values = {column: getattr(row, column) for column in columns}
    token, matched = _matched_token(tokens(fields_of(values)), tier, query)
    return SearchHit(
        kind=kind,
        id=row.id,
        name=values["name"],
        field=token.field,
        shown=token.source,
        spans=_spans(token, matched),
        tier=tier,
        customer_id=row.customer_id,
        customer_name=row.customer_name,
    )


def _matched_token(found: list[Token], tier: int, query: str) -> tuple[Token, range]:
    """The best field that matches as the tier says, and which of its characters did. The
    database found the row by the same rule, so one field matches; should none (a stored
    text written by older rules), the name is shown without highlight."""
    for token in found:
        where = _match_in(token.text, tier, query)
        if where is not None:
            return token, where
    return found[0], range(0)


def _match_in(text: str, tier: int, query: str) -> range | None:
    if tier == EXACT:
        return range(len(text)) if text == query else None
    if tier == PREFIX:
        return range(len(query)) if text.startswith(query) else None
    if tier == CONTAINS:
        start = text.find(query)
        return None if start < 0 else range(start, start + len(query))
    return _one_edit_substring(text, query)


def _one_edit_substring(text: str, word: str) -> range | None:
    """Where in `text` a run of letters one edit from `word` is (as _one_typo_patterns)."""
    size = len(word)
    for start in range(len(text)):
        for length in (size, size - 1, size + 1):
            candidate = text[start : start + length]
            if len(candidate) == length and _one_edit(candidate, word):
                return range(start, start + length)
    return None


def _one_edit(candidate: str, word: str) -> bool:
    if len(candidate) == len(word):
        differ = [i for i, (a, b) in enumerate(zip(candidate, word, strict=True)) if a != b]
        if len(differ) <= 1:
            return True
        first, second = differ[0], differ[-1]
        return (
            len(differ) == 2
            and second == first + 1
            and candidate[first] == word[second]
            and candidate[second] == word[first]
        )
    shorter, longer = sorted((candidate, word), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _spans(token: Token, matched: range) -> tuple[tuple[int, int], ...]:
    """The matched characters of the folded token, as ranges of its stored value."""
    indexes = sorted({token.positions[i] for i in matched})
    spans: list[tuple[int, int]] = []
    for index in indexes:
        if spans and spans[-1][1] == index:
            spans[-1] = (spans[-1][0], index + 1)
        else:
            spans.append((index, index + 1))
    return tuple(spans)
