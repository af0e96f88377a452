"""Collision protection (撞单): does a customer being entered or imported exist already?

One hard rule and three warnings. The same unified social credit code is refused (the
column is unique in the database, the recycle bin included, so a deleted customer's code
stays taken: restore that customer instead). The same normalised name (db/customer_keys.py),
phone or e-mail is a warning that the caller shows and the user may override.

The check sees every customer, even those the user may not see: on PostgreSQL through the
SECURITY DEFINER function `mc_find_customer_duplicates`, which says who owns a match and
nothing else about a hidden one; on SQLite the program reads the table itself. A match
names the customer only when the user may see it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    column,
    false,
    func,
    literal,
    or_,
    select,
    text,
    union,
)
from sqlalchemy.orm import Session

from app.access import CurrentUser, visibility
from app.fields import credit_code_text, half_width, landline_number, mobile_number
from db.customer_keys import customer_name_key, normalise_name
from db.models.customers import Contact, Customer
from db.models.org import Department, Employee

__all__ = [
    "MATCH_LIMIT",
    "CandidateKeys",
    "CustomerCandidate",
    "DuplicateMatch",
    "Rule",
    "candidate_keys",
    "email_keys",
    "find_duplicates",
    "find_duplicates_by_keys",
    "find_duplicates_many",
    "normalise_name",
    "phone_keys",
]

Rule = Literal["credit_code", "name", "phone", "email"]
RULES: tuple[Rule, ...] = ("credit_code", "name", "phone", "email")
MATCH_LIMIT = 20  # customers per key and rule: a common name must not flood the answer
_CHUNK = 5_000  # keys per statement (an import asks for thousands at once)


@dataclass(frozen=True)
class CustomerCandidate:
    """A customer as entered or imported, before it is saved."""

    name: str
    credit_code: str | None = None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()


@dataclass(frozen=True)
class DuplicateMatch:
    """An existing customer that the candidate may duplicate, by `rule`."""

    rule: Rule
    customer_id: int
    owner_name: str | None
    department_name: str | None
    customer_name: str | None  # None when the user may not see that customer
    matched: str = ""  # the candidate's key that matched (its own data, safe to show)
    in_recycle_bin: bool = False  # only credit codes are matched in the recycle bin


@dataclass(frozen=True)
class CandidateKeys:
    """What the check compares, normalised: an importer compares rows of one file by these."""

    credit_code: str | None
    name_key: str | None
    phones: frozenset[str]
    emails: frozenset[str]


def phone_keys(raw: str | None) -> frozenset[str]:
    """A phone as the check compares it: a mobile's 11 digits, a landline's "area-number"
    (without its extension), a service number "400-810-8888"; nothing for other text."""
    if not raw or not raw.strip():
        return frozenset()
    found = set()
    mobile = mobile_number(raw)
    if mobile:
        found.add(mobile)
    landline = landline_number(raw)
    if landline:
        parts = landline.split("-")
        found.add("-".join(parts[:3] if parts[0] in ("400", "800") else parts[:2]))
    return frozenset(found)


def email_keys(raw: str | None) -> frozenset[str]:
    """An e-mail address lower-cased (as the customer forms store it), and as typed with
    only its domain lower-cased (as older rows may hold it)."""
    if not raw or "@" not in raw:
        return frozenset()
    cleaned = half_width(raw).strip()
    local, _, domain = cleaned.rpartition("@")
    return frozenset({cleaned.lower(), f"{local}@{domain.lower()}"})


def candidate_keys(candidate: CustomerCandidate) -> CandidateKeys:
    code = credit_code_text(candidate.credit_code or "")
    return CandidateKeys(
        credit_code=code or None,
        name_key=customer_name_key(candidate.name),
        phones=frozenset(key for phone in candidate.phones for key in phone_keys(phone)),
        emails=frozenset(key for email in candidate.emails for key in email_keys(email)),
    )


def find_duplicates(
    session: Session,
    user: CurrentUser,
    candidate: CustomerCandidate,
    exclude_id: int | None = None,
) -> list[DuplicateMatch]:
    """The customers `candidate` may duplicate, credit code first, then name, phone and
    e-mail; `exclude_id` is the customer being edited."""
    found = find_duplicates_many(session, user, [candidate])[0]
    return [match for match in found if match.customer_id != exclude_id]


def find_duplicates_many(
    session: Session, user: CurrentUser, candidates: Sequence[CustomerCandidate]
) -> list[list[DuplicateMatch]]:
    """`find_duplicates` for many candidates at once: one statement per 5,000 keys of each
    rule, whatever the number of candidates."""
    return find_duplicates_by_keys(
        session, user, [candidate_keys(candidate) for candidate in candidates]
    )


def find_duplicates_by_keys(
    session: Session, user: CurrentUser, keys: Sequence[CandidateKeys]
) -> list[list[DuplicateMatch]]:
    """`find_duplicates_many` for candidates whose keys the caller has computed already
    (an import compares its rows with each other by the same keys)."""
    wanted: dict[Rule, dict[str, list[int]]] = {rule: defaultdict(list) for rule in RULES}
    for index, key in enumerate(keys):
        if key.credit_code:
            wanted["credit_code"][key.credit_code].append(index)
        if key.name_key:
            wanted["name"][key.name_key].append(index)
        for phone in key.phones:
            wanted["phone"][phone].append(index)
        for email in key.emails:
            wanted["email"][email].append(index)
    results: list[dict[tuple[Rule, int], DuplicateMatch]] = [{} for _ in keys]
    for match in _matches(session, user, {rule: list(found) for rule, found in wanted.items()}):
        for index in wanted[match.rule].get(match.matched, ()):
            results[index].setdefault((match.rule, match.customer_id), match)
    order = {rule: position for position, rule in enumerate(RULES)}
    return [
        sorted(found.values(), key=lambda m: (order[m.rule], m.customer_id)) for found in results
    ]


def _matches(
    session: Session, user: CurrentUser, keys: dict[Rule, list[str]]
) -> Iterable[DuplicateMatch]:
    longest = max((len(values) for values in keys.values()), default=0)
    for start in range(0, longest, _CHUNK):
        chunk = {rule: values[start : start + _CHUNK] for rule, values in keys.items()}
        if not any(chunk.values()):
            continue
        if session.get_bind().dialect.name == "postgresql":
            yield from _matches_postgresql(session, chunk)
        else:
            yield from _matches_sqlite(session, user, chunk)


_PG_CALL = text(
    "SELECT rule, matched, customer_id, owner_name, department_name, customer_name, deleted "
    "FROM mc_find_customer_duplicates(CAST(:codes AS text[]), CAST(:names AS text[]), "
    "CAST(:phones AS text[]), CAST(:emails AS text[]), :limit)"
)


def _matches_postgresql(session: Session, keys: dict[Rule, list[str]]) -> Iterable[DuplicateMatch]:
    rows = session.execute(
        _PG_CALL,
        {
            "codes": keys["credit_code"],
            "names": keys["name"],
            "phones": keys["phone"],
            "emails": keys["email"],
            "limit": MATCH_LIMIT,
        },
    )
    for rule, matched, customer_id, owner, department, name, deleted in rows:
        yield DuplicateMatch(rule, customer_id, owner, department, name, matched, deleted)


def _matches_sqlite(
    session: Session, user: CurrentUser, keys: dict[Rule, list[str]]
) -> Iterable[DuplicateMatch]:
    """The same answer as the PostgreSQL function, read directly (SQLite has one user)."""
    found = [
        statement
        for rule, values in keys.items()
        if values
        for statement in _sqlite_searches(rule, _keys_table(values))
    ]
    if not found:
        return
    matches = union(*found).subquery()
    may_view = user.may("customers", "view")
    statement = (
        select(
            matches.c.rule,
            matches.c.matched,
            Customer.id,
            Employee.name,
            Department.name,
            (visibility(user, Customer) if may_view else false()).label("visible"),
            Customer.name,
            Customer.deleted_at.is_not(None),
        )
        .join(Customer, Customer.id == matches.c.id)
        .outerjoin(Employee, Employee.id == Customer.owner_id)
        .outerjoin(Department, Department.id == Customer.department_id)
        .order_by(matches.c.rule, matches.c.matched, Customer.id)
    )
    per_key: dict[tuple[str, str], int] = defaultdict(int)
    for rule, matched, customer_id, owner, department, visible, name, deleted in session.execute(
        statement
    ):
        per_key[(rule, matched)] += 1
        if per_key[(rule, matched)] <= MATCH_LIMIT:
            shown = name if visible else None
            yield DuplicateMatch(rule, customer_id, owner, department, shown, matched, deleted)


def _keys_table(values: list[str]) -> Any:
    """The keys as a table SQLite reads from one JSON parameter."""
    return func.json_each(json.dumps(values)).table_valued(column("value", String)).alias("k")


def _sqlite_searches(rule: Rule, k: Any) -> list[Select[Any]]:
    key = k.c.value
    live = Customer.deleted_at.is_(None)
    head = (literal(rule).label("rule"), key.label("matched"), Customer.id.label("id"))
    if rule == "credit_code":
        return [select(*head).join(Customer, Customer.credit_code == key)]
    if rule == "name":
        return [select(*head).join(Customer, and_(Customer.name_key == key, live))]
    if rule == "phone":
        own, theirs = (
            _same_number(Customer.phone, key),
            [
                Contact.mobile == key,
                _same_number(Contact.phone, key),
            ],
        )
    else:
        own, theirs = Customer.email == key, [Contact.email == key]
    contacts = (
        select(*head)
        .join(Contact, or_(*theirs))
        .join(Customer, and_(Customer.id == Contact.customer_id, live))
        .where(Contact.deleted_at.is_(None))
    )
    return [select(*head).join(Customer, and_(own, live)), contacts]


def _same_number(column: Any, key: Any) -> ColumnElement[bool]:
    """The number itself, or the number with any extension ("0755-12345678-123"): stored
    numbers hold digits and hyphens only, so that is the byte range [key, key + ".")."""
    return and_(column >= key, column < key + ".")
