"""Fuzzy query (模糊查询, SPEC §3.5/§3.11): one text box that finds customers and contacts by
any part of the name, pinyin, initials, mnemonic code, phone, e-mail or address, through the
terms of db/search_index.py.

Ranked: exact (a whole field equals the query), then prefix (a field starts with it), then
the rest; ties by the name's pinyin, then id. When nothing matches as typed, hits that
need one typo in a Latin word of four letters or more, ranked by pinyin. Only what
the user may open: the customer's visibility (`app.access.visibility`, the same rule as the
PostgreSQL policies, which apply again) and neither the customer nor the contact in the
recycle bin. Nothing is counted: a page is read in rank order and stops when full.

How a page is read, so that it is quick whatever matches:
- few matching terms (under `CAP`): all of them, ranked here;
- many (a one-character query such as 华, or 公司): straight off the index on
  (first character, part, pinyin, id) in rank order, filtered to the query, page by page.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    func,
    or_,
    select,
    tuple_,
)
from sqlalchemy.orm import Session

from app.access import CurrentUser, visibility, visible_rows
from db.models.customers import Contact, Customer
from db.search_index import (
    CONTACT,
    CUSTOMER,
    FIELDS,
    KINDS,
    TERM_LENGTH,
    normalise,
    reading_choices,
    search_terms,
    tokens,
)

PAGE = 50  # the first page of the search box
CAP = 500  # matching terms beyond which a page is read in rank order off the index
MIN_TYPO_WORD = 4
MAX_TYPO_VARIANTS = 400
_AFTER_ALL = "\U0010ffff"  # sorts after every character a term can hold
_LATIN_WORD = re.compile(f"[a-z]{{{MIN_TYPO_WORD},}}")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
EXACT, PREFIX, INNER, TYPO = 0, 1, 2, 3
BY_TERM, BY_HEAD, BY_CUSTOMER = (
    "ix_search_terms_term",
    "ix_search_terms_head",
    "ix_search_terms_customer",
)


@dataclass(frozen=True)
class SearchHit:
    """One customer or contact found. `text` is what matched as it is stored (the name, or
    the phone, e-mail, address or mnemonic code) and `span` the characters of `text` to
    highlight (None when a typo was forgiven)."""

    kind: str  # "customer" or "contact"
    id: int
    name: str
    field: str  # one of db.search_index.FIELDS
    rank: int  # EXACT, PREFIX, INNER or TYPO
    text: str
    span: tuple[int, int] | None
    customer_id: int
    customer_name: str

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "name": self.name, "field": self.field}


@dataclass(frozen=True)
class _Found:
    kind: int
    entity_id: int
    field: int
    rank: int
    sort_key: str

    @property
    def order(self) -> tuple[int, str, int, int]:
        return (self.rank, self.sort_key, self.entity_id, self.kind)


def query_text(text: str) -> str:
    """The query as terms are stored: normalised, cut to the longest term."""
    return normalise(text)[:TERM_LENGTH]


def search(session: Session, user: CurrentUser, text: str, limit: int = PAGE) -> list[SearchHit]:
    """The first `limit` hits for `text` that `user` may open, best first."""
    query = query_text(text)
    if not query or limit < 1 or not user.may("customers", "view"):
        return []
    connection = session.connection()
    found = _ranked(connection, user, query, limit)
    if not found:  # nothing as typed: perhaps one typo
        found = _with_one_typo(connection, user, query, limit)
    return _hits(connection, query, found)


# --- reading the terms -------------------------------------------------------------------


def _visible(statement: Select[Any], user: CurrentUser, source: Any = None) -> Select[Any]:
    """Terms (read from `source`, by default the terms table) of live customers and
    contacts the user may see."""
    terms, customers, contacts = search_terms, Customer.__table__, Contact.__table__
    source = terms if source is None else source
    return (
        statement.select_from(
            source.join(customers, customers.c.id == terms.c.customer_id).outerjoin(
                contacts, and_(terms.c.kind == CONTACT, contacts.c.id == terms.c.entity_id)
            )
        )
        .where(customers.c.deleted_at.is_(None))
        .where(
            or_(
                terms.c.kind == CUSTOMER,
                and_(
                    contacts.c.deleted_at.is_(None),
                    contacts.c.customer_id == terms.c.customer_id,
                ),
            )
        )
        .where(visibility(user, Customer))
    )


def _columns(index: str) -> Select[Any]:
    """The term columns a ranking reads, through `index` on SQLite: its planner, without
    statistics, would rather scan every customer and probe their terms."""
    t = search_terms.c
    return select(t.kind, t.entity_id, t.field, t.part, t.term, t.sort_key).with_hint(
        search_terms, f"INDEXED BY {index}", "sqlite"
    )


def _starting_with(query: str) -> ColumnElement[bool]:
    return and_(search_terms.c.term >= query, search_terms.c.term < query + _AFTER_ALL)


def _rank(query: str, part: int, term: str) -> int:
    if part:
        return INNER
    return EXACT if term == query else PREFIX


def _best(rows: Iterable[Any], query: str, rank: int | None = None) -> list[_Found]:
    """One entry per record, its best-ranked term (the first field in FIELDS on a tie)."""
    best: dict[tuple[int, int], _Found] = {}
    for kind, entity_id, field, part, term, key in rows:
        item = _Found(
            kind, entity_id, field, _rank(query, part, term) if rank is None else rank, key
        )
        known = best.get((kind, entity_id))
        if known is None or (item.rank, item.field) < (known.rank, known.field):
            best[(kind, entity_id)] = item
    return sorted(best.values(), key=lambda item: item.order)


def _ranked(connection: Connection, user: CurrentUser, query: str, limit: int) -> list[_Found]:
    few_customers = _few_visible_customers(connection, user)
    if few_customers is not None:
        statement = _columns(BY_CUSTOMER).where(
            search_terms.c.customer_id.in_(few_customers), _starting_with(query)
        )
        return _best(connection.execute(_visible(statement, user)), query)[:limit]
    if _capped_count(connection, _starting_with(query)) < CAP:
        rows = connection.execute(_visible(_columns(BY_TERM).where(_starting_with(query)), user))
        return _best(rows, query)[:limit]
    return _in_rank_order(connection, user, query, limit)


def _capped_count(connection: Connection, condition: ColumnElement[bool]) -> int:
    matching = select(func.count()).select_from(
        select(search_terms.c.kind).where(condition).limit(CAP).subquery()
    )
    return connection.scalar(matching) or 0


def _few_visible_customers(connection: Connection, user: CurrentUser) -> Select[Any] | None:
    """The customers a user of a narrow scope (their own, a department's) sees, when they
    are few: their terms are then read by customer, whatever the query matches elsewhere."""
    if user.scope("customers") == "all":
        return None
    visible = visible_rows(user, Customer, select(Customer.id)).where(Customer.deleted_at.is_(None))
    count = connection.scalar(select(func.count()).select_from(visible.limit(CAP).subquery()))
    return visible if (count or 0) < CAP else None


def _in_rank_order(
    connection: Connection, user: CurrentUser, query: str, limit: int
) -> list[_Found]:
    """Many terms match: the exact ones, then the rest page by page in index order."""
    t = search_terms.c
    exact = _best(
        connection.execute(
            _visible(_columns(BY_TERM).where(t.term == query, t.part == 0), user).limit(limit * 4)
        ),
        query,
    )
    found = {(item.kind, item.entity_id): item for item in exact[:limit]}
    batch = max(limit * 4, 100)
    after: tuple[int, str, int, int] | None = None
    while len(found) < limit:
        statement = _columns(BY_HEAD).where(t.head == query[0], _starting_with(query))
        if after is not None:
            statement = statement.where(tuple_(t.part, t.sort_key, t.entity_id, t.kind) > after)
        statement = statement.order_by(t.part, t.sort_key, t.entity_id, t.kind).limit(batch)
        rows = connection.execute(_visible(statement, user)).all()
        for kind, entity_id, field, part, term, key in rows:
            item = _Found(kind, entity_id, field, _rank(query, part, term), key)
            found.setdefault((kind, entity_id), item)
            if len(found) == limit:
                break
        if len(rows) < batch:
            break
        last = rows[-1]
        after = (last.part, last.sort_key, last.entity_id, last.kind)
    return sorted(found.values(), key=lambda item: item.order)


# --- one typo ----------------------------------------------------------------------------


def typo_variants(query: str) -> list[str]:
    """The query with one edit or transposition inside one Latin word of four letters or
    more; variants shorter than four characters are left out (they match too much)."""
    variants: dict[str, None] = {}
    for word in _LATIN_WORD.finditer(query):
        for start, end in _edit_spans(word.start(), word.end()):
            for replacement in _replacements(query, start, end):
                variant = query[:start] + replacement + query[end:]
                if variant != query and len(variant) >= MIN_TYPO_WORD:
                    variants[variant] = None
    return list(variants)[:MAX_TYPO_VARIANTS]


def _edit_spans(start: int, end: int) -> Iterator[tuple[int, int]]:
    for index in range(start, end + 1):
        if index < end:  # an insertion before `index` (one at the end adds nothing to a prefix)
            yield index, index
        if index < end:
            yield index, index + 1  # a deletion or substitution
        if index + 1 < end:
            yield index, index + 2  # a transposition


def _replacements(query: str, start: int, end: int) -> Iterator[str]:
    if end == start:
        yield from _ALPHABET
    elif end == start + 1:
        yield ""
        yield from _ALPHABET
    else:
        yield query[start + 1] + query[start]


def _with_one_typo(
    connection: Connection, user: CurrentUser, query: str, limit: int
) -> list[_Found]:
    variants = typo_variants(query)
    if not variants:
        return []
    # Each variant a range of the term index, one after the other until enough are found:
    # joined from a list of ranges in one statement, both planners would rather scan.
    t = search_terms.c
    columns = select(t.kind, t.entity_id, t.field, t.part, t.term, t.sort_key, t.customer_id)
    rows: list[Any] = []
    for variant in variants:
        statement = columns.where(_starting_with(variant)).limit(min(limit, CAP - len(rows)))
        rows += connection.execute(
            statement.with_hint(search_terms, f"INDEXED BY {BY_TERM}", "sqlite")
        ).all()
        if len(rows) >= CAP:
            break
    customers, contacts = _live_and_visible(connection, user, rows)
    kept = [
        row[:6]
        for row in rows
        if row.customer_id in customers and (row.kind == CUSTOMER or row.entity_id in contacts)
    ]
    return _best(kept, query, rank=TYPO)[:limit]


def _live_and_visible(
    connection: Connection, user: CurrentUser, rows: Sequence[Any]
) -> tuple[set[int], set[int]]:
    """Of the customers and contacts these terms name, those live and visible to `user`."""
    customer_ids = sorted({row.customer_id for row in rows})
    contact_ids = sorted({row.entity_id for row in rows if row.kind == CONTACT})
    customers = set(
        connection.scalars(
            visible_rows(user, Customer, select(Customer.id)).where(
                Customer.id.in_(customer_ids), Customer.deleted_at.is_(None)
            )
        )
    )
    contacts = set(
        connection.scalars(
            select(Contact.id).where(
                Contact.id.in_(contact_ids),
                Contact.deleted_at.is_(None),
                Contact.customer_id.in_(customers),
            )
        )
    )
    return customers, contacts


# --- what the hits show ------------------------------------------------------------------


def _hits(connection: Connection, query: str, found: Sequence[_Found]) -> list[SearchHit]:
    customers = _details(connection, Customer, [f.entity_id for f in found if f.kind == CUSTOMER])
    contacts = _details(connection, Contact, [f.entity_id for f in found if f.kind == CONTACT])
    owners = _details(connection, Customer, [row.customer_id for row in contacts.values()])
    hits = []
    for item in found:
        row = (customers if item.kind == CUSTOMER else contacts).get(item.entity_id)
        if row is None:
            continue
        field = FIELDS[item.field]
        shown, span = _highlight(row, field, query, item.rank == TYPO)
        customer = row if item.kind == CUSTOMER else owners.get(row.customer_id)
        hits.append(
            SearchHit(
                kind=KINDS[item.kind],
                id=item.entity_id,
                name=row.name,
                field=field,
                rank=item.rank,
                text=shown,
                span=span,
                customer_id=customer.id if customer is not None else row.customer_id,
                customer_name=customer.name if customer is not None else "",
            )
        )
    return hits


def _details(connection: Connection, model: Any, ids: list[int]) -> dict[int, Any]:
    if not ids:
        return {}
    table = model.__table__
    columns = [table.c.id, table.c.name, table.c.mnemonic, table.c.phone, table.c.email]
    columns.append(table.c.address)
    columns += (
        [table.c.mobile, table.c.customer_id]
        if model is Contact
        else [table.c.id.label("customer_id")]
    )
    rows = connection.execute(select(*columns).where(table.c.id.in_(sorted(set(ids)))))
    return {row.id: row for row in rows}


def _highlight(row: Any, field: str, query: str, typo: bool) -> tuple[str, tuple[int, int] | None]:
    """What to show for the hit and which of its characters matched."""
    if field in ("name", "pinyin", "initials"):
        shown = row.name
    elif field == "phone":
        shown = _matching_phone(row, query)
    else:
        shown = getattr(row, field) or ""
    if typo:
        return shown, None
    if field == "pinyin" or field == "initials":
        return shown, _reading_span(shown, query, initials=field == "initials")
    if field == "phone":
        return shown, _span(shown, query, digits_only=True)
    return shown, _span(shown, query)


def _matching_phone(row: Any, query: str) -> str:
    numbers = [row.phone, getattr(row, "mobile", None)]
    for number in numbers:
        if number and query in "".join(char for char in number if char.isdigit()):
            return str(number)
    return next((str(number) for number in numbers if number), "")


def _normalised_with_sources(text: str, digits_only: bool = False) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, where it came from in `text`."""
    chars, sources = [], []
    for index, char in enumerate(text):
        for folded in unicodedata.normalize("NFKC", char).casefold():
            if folded.isdigit() if digits_only else folded.isalnum():
                chars.append(folded)
                sources.append(index)
    return "".join(chars), sources


def _span(text: str, query: str, digits_only: bool = False) -> tuple[int, int] | None:
    normalised, sources = _normalised_with_sources(text, digits_only)
    found = normalised.find(query)
    if found < 0:
        return None
    return sources[found], sources[found + len(query) - 1] + 1


def _reading_span(name: str, query: str, *, initials: bool) -> tuple[int, int] | None:
    """The characters of `name` whose pinyin (or initials) the query spells, from a
    syllable on."""
    normalised, sources = _normalised_with_sources(name)
    syllables = tokens(normalised)
    for choice in reading_choices(syllables):
        spelled = [
            reading[0] if initials and token.end - token.start == 1 else reading
            for token, reading in zip(syllables, choice, strict=True)
        ]
        for first in range(len(syllables)):
            text = "".join(spelled[first:])
            if not text.startswith(query):
                continue
            length, last = 0, first
            while length + len(spelled[last]) < len(query):
                length += len(spelled[last])
                last += 1
            return sources[syllables[first].start], sources[syllables[last].end - 1] + 1
    return None
