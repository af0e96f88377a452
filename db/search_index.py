"""The fuzzy-search index (模糊查询索引): `search_terms`, one row per way a customer or
contact can be found, kept in step with every write in the writing transaction.

Why a table of terms rather than pg_trgm or FTS5: both find nothing for queries shorter than
three characters, which is the common case in Chinese (华夏, 乐). Every term is a *suffix*
of a normalised text, so a query is a prefix of some term: `term >= q AND term < q + max` is
a range of a plain byte-order index on both databases, for any substring, of any length.

What each record contributes (normalised: NFKC, case-folded, letters and digits only):
- name: every suffix of the name (北京abc传媒, 京abc传媒, abc传媒, …);
- pinyin: every syllable-boundary suffix of each reading (beijingabcchuanmei, jingabc…),
  every reading of a polyphonic character included (乐 le/yue, 行 xing/hang) next to the
  phrase reading of place names (重庆 chongqing);
- initials: every suffix of the initials of each reading (bjabccm, jabccm…);
- mnemonic: the mnemonic code; phone: digit suffixes of four digits or more; email: the
  address from each of its words on; address: the address from each place word on.

`part` is 0 for a term that starts its text (a prefix hit) and 1 otherwise; `head` is the
term's first character, indexed with (part, sort_key) so that a one-character query reads
its first page in rank order straight off the index, however many records match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
    delete,
    event,
    insert,
    select,
    text,
)
from sqlalchemy.orm import Session

from db.base import Base, label, table_label
from db.customer_keys import place_names
from db.models.customers import Contact, Customer

TERM_LENGTH = 32
SORT_KEY_LENGTH = 32
MIN_PHONE_DIGITS = 4
MAX_READINGS = 8  # reading combinations of one name beyond which only one char varies
CUSTOMER, CONTACT = 1, 2
KINDS = {CUSTOMER: "customer", CONTACT: "contact"}
FIELDS = ("name", "pinyin", "initials", "mnemonic", "phone", "email", "address")
FIELD_CODES = {name: code for code, name in enumerate(FIELDS)}
BATCH = 5_000


def _byte_ordered(length: int) -> Any:
    """Text compared byte by byte on PostgreSQL (as SQLite does): ranges of such an index
    serve prefix lookups of any script without a locale."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


search_terms = Table(
    "search_terms",
    Base.metadata,
    Column("kind", SmallInteger, nullable=False, info=label("记录类别", "Record kind")),
    Column("entity_id", Integer, nullable=False, info=label("记录", "Record")),
    # The customer whose visibility decides who sees the term (the contact's customer).
    Column("customer_id", Integer, nullable=False, info=label("客户", "Customer")),
    Column("field", SmallInteger, nullable=False, info=label("字段", "Field")),
    Column("part", SmallInteger, nullable=False, info=label("位置", "Position")),
    Column("head", _byte_ordered(1), nullable=False, info=label("首字符", "First character")),
    Column("term", _byte_ordered(TERM_LENGTH), nullable=False, info=label("检索词", "Term")),
    Column(
        "sort_key", _byte_ordered(SORT_KEY_LENGTH), nullable=False, info=label("排序键", "Sort key")
    ),
    Index("ix_search_terms_term", "term", "part"),
    Index("ix_search_terms_head", "head", "part", "sort_key", "entity_id", "kind"),
    Index("ix_search_terms_entity", "kind", "entity_id"),
    # A user who sees few customers (their own) searches their terms only.
    Index("ix_search_terms_customer", "customer_id", "term"),
    **table_label("模糊查询索引", "Search index"),
)

# --- normalising -------------------------------------------------------------------------

_ADDRESS_WORD_ENDS = frozenset("省市区县旗镇乡村路街道巷弄号楼栋座层室园厦场")


def normalise(text: str | None) -> str:
    """What search compares: NFKC (ＡＢＣ → abc), case-folded, letters and digits only."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in folded if char.isalnum())


def is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\U00020000" <= char <= "\U0002ffff"


@dataclass(frozen=True)
class Token:
    """A syllable of a name: one Chinese character or a run of other letters and digits,
    with where it starts in the normalised name and every way it may be read."""

    start: int
    end: int
    readings: tuple[str, ...]


@lru_cache(maxsize=20_000)
def _char_readings(char: str) -> tuple[str, ...]:
    from pypinyin import Style, pinyin  # its dictionaries load on first use

    found = pinyin(char, heteronym=True, style=Style.NORMAL, errors="default")
    return tuple(dict.fromkeys(reading.lower() for reading in found[0] if reading.isalpha()))


@lru_cache(maxsize=50_000)
def tokens(normalised: str) -> tuple[Token, ...]:
    """The syllables of a normalised name. A word of the phrase dictionary has its one
    proper reading (重庆 chong qing, 银行 yin hang, 有限公司); any other character every
    reading it has, its usual one first (乐 le/yue, 行 xing/hang, 单 dan/shan)."""
    from pypinyin.seg.mmseg import seg  # its dictionaries load on first use

    result: list[Token] = []
    for run in _RUNS.finditer(normalised):
        text, start = run.group(), run.start()
        if not is_han(text[0]):
            result.append(Token(start, run.end(), (text,)))
            continue
        for word in seg.cut(text):
            for offset, readings in enumerate(_word_readings(word)):
                result.append(Token(start + offset, start + offset + 1, readings))
            start += len(word)
    return tuple(result)


# Words read one way only, whatever their characters may be elsewhere: legal forms (公司
# is never gong ci) and, from db/customer_keys.py, every province and city (重庆 chong qing).
_FIXED_WORDS = frozenset(
    {"有限公司", "有限责任公司", "股份", "集团", "公司", "分公司", "传媒", "中国"}
)


@lru_cache(maxsize=1)
def _fixed_words() -> frozenset[str]:
    return _FIXED_WORDS | frozenset(place_names())


@lru_cache(maxsize=50_000)
def _word_readings(word: str) -> tuple[tuple[str, ...], ...]:
    """Each character's readings within a word the segmenter cut: a place name or legal
    form its one proper reading, any other word every reading of each character (the
    segmenter's phrases are not to be trusted with names: 乐行文化 is cut 乐/行文/化)."""
    from pypinyin import lazy_pinyin

    phrase = lazy_pinyin(word)
    if word in _fixed_words() and len(phrase) == len(word):
        return tuple((reading,) for reading in phrase)
    return tuple(
        tuple(dict.fromkeys((usual, *_char_readings(char))))
        for char, usual in zip(word, phrase if len(phrase) == len(word) else word, strict=True)
    )


_RUNS = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]+|[^\u3400-\u9fff\U00020000-\U0002ffff]+")


def reading_choices(syllables: Sequence[Token]) -> Iterator[tuple[str, ...]]:
    """Reading combinations: all of them when few, else the phrase reading and each
    character's other readings one at a time (a name of many polyphones would explode)."""
    count = 1
    for token in syllables:
        count *= len(token.readings)
    if count <= MAX_READINGS:
        yield from product(*(token.readings for token in syllables))
        return
    first = tuple(token.readings[0] for token in syllables)
    yield first
    for index, token in enumerate(syllables):
        for other in token.readings[1:]:
            yield (*first[:index], other, *first[index + 1 :])


def _initial(token: Token, reading: str) -> str:
    return reading[0] if token.end - token.start == 1 and not reading.isdigit() else reading


# --- terms of a record -------------------------------------------------------------------

Term = tuple[int, int, str]  # (field code, part, term)


def name_terms(name: str | None) -> dict[str, tuple[int, int]]:
    """{term: (part, field)} of a name: its suffixes, pinyin and initials (a copy: names
    repeat, person names above all, and their pinyin is the dear part)."""
    return dict(_name_terms(normalise(name)))


@lru_cache(maxsize=50_000)
def _name_terms(text: str) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    _add_suffixes(found, FIELD_CODES["name"], text, range(len(text)))
    if not any(is_han(char) for char in text):
        return found
    syllables = tokens(text)
    pinyin_field, initials_field = FIELD_CODES["pinyin"], FIELD_CODES["initials"]
    for choice in reading_choices(syllables):
        for index in range(len(syllables)):
            _add(found, pinyin_field, "".join(choice[index:]), index)
        initials = [
            _initial(token, reading) for token, reading in zip(syllables, choice, strict=True)
        ]
        for index in range(len(syllables)):
            _add(found, initials_field, "".join(initials[index:]), index)
    return found


def record_terms(
    name: str | None,
    mnemonic: str | None = None,
    phones: Iterable[str | None] = (),
    email: str | None = None,
    address: str | None = None,
) -> dict[str, tuple[int, int]]:
    """{term: (part, field)} of a customer or contact; one field per term, the best."""
    found = name_terms(name)
    _add(found, FIELD_CODES["mnemonic"], normalise(mnemonic), 0)
    phone_field = FIELD_CODES["phone"]
    for phone in phones:
        digits = "".join(char for char in phone or "" if char.isdigit())
        _add_suffixes(found, phone_field, digits, range(len(digits) - MIN_PHONE_DIGITS + 1))
    if email:
        words = re.split(r"[^0-9a-z]+", unicodedata.normalize("NFKC", email).casefold())
        words = [word for word in words if word]
        for index in range(len(words)):
            _add(found, FIELD_CODES["email"], "".join(words[index:]), index)
    text = normalise(address)
    _add_suffixes(found, FIELD_CODES["address"], text, _address_word_starts(text))
    return found


def _address_word_starts(text: str) -> list[int]:
    """Where the words of an address start: after 省/市/区/路/号…, and at digit runs."""
    starts = [0] if text else []
    for index in range(1, len(text)):
        before, char = text[index - 1], text[index]
        if before in _ADDRESS_WORD_ENDS or (char.isdigit() != before.isdigit()):
            starts.append(index)
    return starts


def _add_suffixes(
    found: dict[str, tuple[int, int]], field: int, text: str, starts: Iterable[int]
) -> None:
    for start in starts:
        _add(found, field, text[start:], start)


def _add(found: dict[str, tuple[int, int]], field: int, text: str, position: int) -> None:
    term = text[:TERM_LENGTH]
    if not term:
        return
    candidate = (0 if position == 0 else 1, field)
    known = found.get(term)
    if known is None or candidate < known:
        found[term] = candidate


def sort_key(name_pinyin: str | None) -> str:
    """The order of hits that rank alike: the name's pinyin, normalised as terms are (a
    full-width ＡＢＣ sorts as abc)."""
    return normalise(name_pinyin)[:SORT_KEY_LENGTH]


def rows_of(
    kind: int, entity_id: int, customer_id: int, key: str, terms: dict[str, tuple[int, int]]
) -> list[dict[str, Any]]:
    return [
        {
            "kind": kind,
            "entity_id": entity_id,
            "customer_id": customer_id,
            "field": field,
            "part": part,
            "head": term[0],
            "term": term,
            "sort_key": key,
        }
        for term, (part, field) in terms.items()
    ]


# --- writing -----------------------------------------------------------------------------

_CUSTOMER_SOURCE = (
    Customer.id,
    Customer.name,
    Customer.name_pinyin,
    Customer.mnemonic,
    Customer.phone,
    Customer.email,
    Customer.address,
)
_CONTACT_SOURCE = (
    Contact.id,
    Contact.customer_id,
    Contact.name,
    Contact.name_pinyin,
    Contact.mnemonic,
    Contact.phone,
    Contact.mobile,
    Contact.email,
    Contact.address,
)
CUSTOMER_FIELDS = frozenset({"name", "name_pinyin", "mnemonic", "phone", "email", "address"})
CONTACT_FIELDS = CUSTOMER_FIELDS | {"mobile", "customer_id"}


def customer_rows(rows: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """Term rows of customers given as (id, name, name_pinyin, mnemonic, phone, email,
    address) tuples or rows."""
    for id_, name, pinyin, mnemonic, phone, email, address in rows:
        terms = record_terms(name, mnemonic, (phone,), email, address)
        yield from rows_of(CUSTOMER, id_, id_, sort_key(pinyin), terms)


def contact_rows(rows: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """Term rows of contacts given as (id, customer_id, name, name_pinyin, mnemonic, phone,
    mobile, email, address) tuples or rows."""
    for id_, customer_id, name, pinyin, mnemonic, phone, mobile, email, address in rows:
        terms = record_terms(name, mnemonic, (phone, mobile), email, address)
        yield from rows_of(CONTACT, id_, customer_id, sort_key(pinyin), terms)


def index_records(
    connection: Connection,
    customer_ids: Iterable[int] = (),
    contact_ids: Iterable[int] = (),
) -> int:
    """Bring the terms of these customers and contacts in step with their rows (read from
    the database), in the caller's transaction; for writers that bypass the ORM (merges,
    bulk updates). Returns the number of term rows written."""
    written = 0
    for kind, ids, source, make in (
        (CUSTOMER, sorted(set(customer_ids)), _CUSTOMER_SOURCE, customer_rows),
        (CONTACT, sorted(set(contact_ids)), _CONTACT_SOURCE, contact_rows),
    ):
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            forget(connection, kind, chunk)
            found = connection.execute(select(*source).where(source[0].in_(chunk))).all()
            written += _bulk_insert(connection, make(found))
    return written


def index_customers(connection: Connection, customer_ids: Iterable[int]) -> int:
    """The terms of these customers and of all their contacts, rewritten: the one call a
    bulk writer (the importer) makes after writing customers and contacts."""
    ids = sorted(set(customer_ids))
    contacts: list[int] = []
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        contacts += connection.execute(
            select(Contact.id).where(Contact.customer_id.in_(chunk))
        ).scalars()
    return index_records(connection, ids, contacts)


def forget(connection: Connection, kind: int, ids: Sequence[int]) -> None:
    if ids:
        connection.execute(
            delete(search_terms).where(
                search_terms.c.kind == kind, search_terms.c.entity_id.in_(ids)
            )
        )


def _insert(connection: Connection, rows: list[dict[str, Any]]) -> int:
    if rows:
        connection.execute(insert(search_terms), rows)
    return len(rows)


def rebuild(connection: Connection) -> int:
    """Empty the index and fill it from every customer and contact (the migration, bulk
    loads). On PostgreSQL through COPY. Returns the number of term rows."""
    connection.execute(delete(search_terms))
    written = 0
    for source, make in ((_CUSTOMER_SOURCE, customer_rows), (_CONTACT_SOURCE, contact_rows)):
        last = 0
        while True:
            found = connection.execute(
                select(*source).where(source[0] > last).order_by(source[0]).limit(BATCH * 4)
            ).all()
            if not found:
                break
            last = found[-1][0]
            written += _bulk_insert(connection, make(found))
    return written


_COLUMNS = ("kind", "entity_id", "customer_id", "field", "part", "head", "term", "sort_key")


def _bulk_insert(connection: Connection, rows: Iterable[dict[str, Any]]) -> int:
    """Many rows at once: COPY on PostgreSQL where row-level security lets it (COPY FROM
    does not run under a policy), else through a temporary table; executemany on SQLite."""
    if connection.dialect.name != "postgresql":
        return _insert(connection, list(rows))
    bypasses = connection.execute(
        text("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    target = "search_terms" if bypasses else "mc_search_terms_staging"
    columns = ", ".join(_COLUMNS)
    cursor = connection.connection.cursor()
    try:
        if not bypasses:
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {target} ON COMMIT DROP "
                f"AS SELECT {columns} FROM search_terms WITH NO DATA"
            )
        count = 0
        with cursor.copy(f"COPY {target} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(tuple(row[column] for column in _COLUMNS))
                count += 1
        if not bypasses:
            cursor.execute(f"INSERT INTO search_terms ({columns}) SELECT {columns} FROM {target}")
            cursor.execute(f"TRUNCATE {target}")
    finally:
        cursor.close()
    return count


# --- the ORM keeps it in step ------------------------------------------------------------


def _changed(target: Any, fields: frozenset[str]) -> bool:
    from sqlalchemy import inspect

    state = inspect(target)
    return any(state.attrs[name].history.has_changes() for name in fields)


def _after_flush(session: Session, _context: Any) -> None:
    """Every flush rewrites the terms of the customers and contacts it inserted or changed
    and drops those of the ones it deleted — in the same transaction."""
    customers: set[int] = set()
    contacts: set[int] = set()
    gone: dict[int, list[int]] = {CUSTOMER: [], CONTACT: []}
    for target in session.new:
        if isinstance(target, Customer):
            customers.add(target.id)
        elif isinstance(target, Contact):
            contacts.add(target.id)
    for target in session.dirty:
        if isinstance(target, Customer) and _changed(target, CUSTOMER_FIELDS):
            customers.add(target.id)
        elif isinstance(target, Contact) and _changed(target, CONTACT_FIELDS):
            contacts.add(target.id)
    for target in session.deleted:
        if isinstance(target, Customer | Contact):
            gone[CUSTOMER if isinstance(target, Customer) else CONTACT].append(target.id)
    if not (customers or contacts or gone[CUSTOMER] or gone[CONTACT]):
        return
    connection = session.connection()
    for kind, ids in gone.items():
        forget(connection, kind, ids)
    _write_objects(connection, session, customers, contacts)


def _write_objects(
    connection: Connection, session: Session, customers: set[int], contacts: set[int]
) -> None:
    """Terms from the flushed objects themselves: no read back."""
    rows: list[dict[str, Any]] = []
    for target in (*session.new, *session.dirty):
        if isinstance(target, Customer) and target.id in customers:
            rows += customer_rows([_customer_tuple(target)])
        elif isinstance(target, Contact) and target.id in contacts:
            rows += contact_rows([_contact_tuple(target)])
    forget(connection, CUSTOMER, sorted(customers))
    forget(connection, CONTACT, sorted(contacts))
    _insert(connection, rows)


def _customer_tuple(target: Customer) -> tuple[Any, ...]:
    return tuple(getattr(target, column.key) for column in _CUSTOMER_SOURCE)


def _contact_tuple(target: Contact) -> tuple[Any, ...]:
    return tuple(getattr(target, column.key) for column in _CONTACT_SOURCE)


event.listen(Session, "after_flush", _after_flush)


def terms_of(connection: Connection, kind: int, entity_id: int) -> set[tuple[str, str, int]]:
    """(field, term, customer_id) of one record: for tests and diagnosis."""
    rows = connection.execute(
        select(search_terms.c.field, search_terms.c.term, search_terms.c.customer_id).where(
            search_terms.c.kind == kind, search_terms.c.entity_id == entity_id
        )
    )
    return {(FIELDS[field], term, customer_id) for field, term, customer_id in rows}
