"""Checking the rows of an import: each mapped cell parsed by its field's spec, lookups
matched by name (北京, 广东省, 制造业, 目标客户), a customer's and its contacts' sort keys
computed, every problem kept as a `RowIssue` naming line and field.

A row with any problem is rejected whole: neither its company nor its contacts are written.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from pypinyin import Style, lazy_pinyin
from pypinyin.constants import RE_HANS
from pypinyin.seg.simpleseg import seg
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.customer_import_fields import (
    CONTACTS,
    FIELD_BY_KEY,
    ImportField,
    Mapping,
)
from app.errors import ValidationError
from app.fields import Kind, invalid, mnemonic_of_initials, parse
from app.import_files import SourceRow
from app.messages import text
from db.customer_keys import customer_name_key
from db.models.lookups import City, Country, CustomerSource, CustomerType, Industry, Region

# The columns an import writes, in the order prepared rows hold them. Lookups hold ids.
CUSTOMER_COLUMNS = (
    "name", "short_name", "english_name", "mnemonic", "customer_type_id", "industry_id",
    "country_id", "region_id", "city_id", "address", "postal_code", "phone", "fax", "website",
    "email", "credit_code", "legal_representative", "registered_capital", "founded_on",
    "employee_count", "annual_revenue", "source_id", "rating", "is_key_account", "notes",
    "name_pinyin", "name_key",
)  # fmt: skip
CONTACT_COLUMNS = (
    "name", "gender", "job_title", "department", "mobile", "phone", "email", "wechat", "qq",
    "birthday", "notes", "name_pinyin", "mnemonic",
)  # fmt: skip
C = {column: index for index, column in enumerate(CUSTOMER_COLUMNS)}
P = {column: index for index, column in enumerate(CONTACT_COLUMNS)}
CUSTOMER_PINYIN_LENGTH, CUSTOMER_MNEMONIC_LENGTH = 600, 200
CONTACT_PINYIN_LENGTH, CONTACT_MNEMONIC_LENGTH = 200, 60
# A customer type written as one of these words is an existing customer marked key account.
KEY_ACCOUNT_WORDS = frozenset({"重点客户", "keyaccount", "keycustomer"})
# pypinyin's Han characters (RE_HANS is "^(?:[…])+$"): a name is cut into runs of them
# and runs of anything else, as pypinyin's simple segmenter cuts it.
_HAN = RE_HANS.pattern.removeprefix("^(?:").removesuffix(")+$")
_RUNS = re.compile(f"{_HAN}+|(?:(?!{_HAN}).)+", re.DOTALL)
_HAN_FIRST = re.compile(_HAN)
_PLACE_ENDINGS = re.compile(r"(维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|省|市|地区)$")


@dataclass(frozen=True)
class RowIssue:
    """Why a row was rejected: its line, the field (key) and column header, a code from
    app/messages.py and the parameters of its message."""

    line: int
    field: str
    column: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False)

    def message(self, language: str) -> str:
        return text(self.code, language, **{k: v for k, v in self.params.items() if v is not None})


@dataclass(slots=True)
class PreparedRow:
    """A row that passed its checks: the customer's values (CUSTOMER_COLUMNS; None where
    the file gives nothing), its contacts' (CONTACT_COLUMNS), and the mnemonic a new
    customer gets when the file gives none."""

    line: int
    customer: list[Any]
    contacts: list[list[Any]]
    mnemonic: str


class NameKeys:
    """A name's pinyin sort key and initials, as `db.pinyin.pinyin_key` and pypinyin's
    FIRST_LETTER style make them, many times faster. pypinyin cuts a text into runs of Han
    characters and runs of anything else, and each Han run into words, on its own: so the
    keys of a name are its runs' keys put together, and each run's (and each word's) keys
    are remembered — names repeat their runs (有限公司, a city, a common given name)."""

    RUNS_KEPT = 100_000  # distinct runs remembered, for memory's sake

    def __init__(self) -> None:
        self._words: dict[str, tuple[str, str]] = {}
        self._runs: dict[str, tuple[str, str]] = {}

    def keys(self, name: str) -> tuple[str, str]:
        parts = _RUNS.findall(name)
        if len(parts) == 1:
            full, initials = self._run_keys(name)
            return full.lower(), initials
        found = [self._run_keys(part) for part in parts]
        # Lower case once, as pinyin_key does: a final sigma depends on what precedes it.
        return "".join(f[0] for f in found).lower(), "".join(f[1] for f in found)

    def _run_keys(self, run: str) -> tuple[str, str]:
        """The pinyin (not yet lower case) and initials of one run, word by word as
        pypinyin's segmenter cuts it; pypinyin keeps a run without Han characters as it is."""
        if not _HAN_FIRST.match(run):
            return run, run
        known = self._runs.get(run)
        if known is not None:
            return known
        full, initials = [], []
        words = self._words
        for word in seg(run):
            known = words.get(word)
            if known is None:
                known = (
                    "".join(lazy_pinyin(word)),
                    "".join(lazy_pinyin(word, style=Style.FIRST_LETTER)),
                )
                words[word] = known
            full.append(known[0])
            initials.append(known[1])
        keys = "".join(full), "".join(initials)
        if len(self._runs) >= self.RUNS_KEPT:
            self._runs.clear()
        self._runs[run] = keys
        return keys

    def mnemonic(self, initials: str) -> str:
        """Initials as a mnemonic, as app.customers.mnemonic_of keeps them."""
        return mnemonic_of_initials(initials)


def lookup_key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).casefold())


class Lookups:
    """The reference lists matched by name: Chinese or English name or code, ignoring case,
    width and spaces; provinces and cities also without 省/市/自治区."""

    def __init__(self, session: Session) -> None:
        self.by_table: dict[str, dict[str, int | None]] = {}
        self.region_of_city: dict[int, int] = {}
        self.country_of_region: dict[int, int] = {}
        self.type_ids: dict[str, int] = {}
        models: dict[str, Any] = {
            "customer_types": CustomerType,
            "industries": Industry,
            "countries": Country,
            "regions": Region,
            "cities": City,
            "customer_sources": CustomerSource,
        }
        for table, model in models.items():
            names: dict[str, int | None] = {}
            rows = session.execute(
                select(model.id, model.code, model.name_zh, model.name_en).where(
                    model.deleted_at.is_(None)
                )
            )
            for id_, code, name_zh, name_en in rows:
                words = {code, name_zh, name_en or ""}
                if table in ("regions", "cities"):
                    words.add(_PLACE_ENDINGS.sub("", name_zh))
                for word in words - {""}:
                    key = lookup_key(word)
                    names[key] = id_ if names.get(key, id_) == id_ else None  # None: ambiguous
                if table == "customer_types":
                    self.type_ids[code] = id_
            self.by_table[table] = names
        self.region_of_city = dict(session.execute(select(City.id, City.region_id)).all())
        self.country_of_region = dict(session.execute(select(Region.id, Region.country_id)).all())

    def find(self, table: str, typed: str) -> int | None:
        """The id named by `typed`; raises KeyError when none is, ValueError when several."""
        names = self.by_table[table]
        key = lookup_key(typed)
        if key not in names and table in ("regions", "cities"):
            key = lookup_key(_PLACE_ENDINGS.sub("", typed.strip()))
        found = names[key]
        if found is None:
            raise ValueError(typed)
        return found


Issues = list[RowIssue]


class RowChecker:
    """Turns source rows into PreparedRows or issues, by a mapping."""

    def __init__(self, mapping: Mapping, lookups: Lookups) -> None:
        self.lookups = lookups
        self.headers = mapping.headers
        self.columns: list[tuple[int, ImportField]] = sorted(
            (index, FIELD_BY_KEY[key]) for index, key in mapping.columns.items()
        )
        self.slots = sorted({f.slot for _, f in self.columns if f.table == CONTACTS})
        self.names = NameKeys()

    def check(self, row: SourceRow) -> PreparedRow | Issues:
        issues: Issues = []
        customer: list[Any] = [None] * len(CUSTOMER_COLUMNS)
        contacts: dict[int, list[Any]] = {}
        for index, spec_field in self.columns:
            raw = row.cells[index] if index < len(row.cells) else ""
            if not raw.strip():
                if spec_field.spec.required:
                    issues.append(
                        self._issue(row, index, spec_field, invalid(spec_field.spec, "required"))
                    )
                continue
            try:
                value = self._value(spec_field, raw)
            except ValidationError as error:
                issues.append(self._issue(row, index, spec_field, error))
                continue
            if spec_field.table == CONTACTS:
                target = contacts.setdefault(spec_field.slot, [None] * len(CONTACT_COLUMNS))
                target[P[spec_field.column]] = value
            else:
                customer[C[spec_field.column]] = value
        self._places(row, customer, issues)
        self._contact_names(row, contacts, issues)
        if issues:
            return issues
        return self._prepared(row, customer, contacts)

    def _value(self, spec_field: ImportField, raw: str) -> Any:
        spec = spec_field.spec
        if spec.max_length is not None and len(raw.strip()) > spec.max_length:
            raise invalid(spec, "too_long", maximum=spec.max_length, length=len(raw.strip()))
        table = spec_field.lookup
        if table is None:
            value = parse(spec, raw)
            # E-mail addresses are kept in lower case, as the customer forms keep them.
            return value.lower() if spec.kind is Kind.EMAIL else value
        if table == "customer_types" and lookup_key(raw) in KEY_ACCOUNT_WORDS:
            return KEY_ACCOUNT_WORDS
        try:
            return self.lookups.find(table, raw)
        except KeyError:
            raise invalid(spec, "unknown_option", text=raw.strip()) from None
        except ValueError:
            raise invalid(spec, "ambiguous_option", text=raw.strip()) from None

    def _places(self, row: SourceRow, customer: list[Any], issues: Issues) -> None:
        """Key-account words as type; the region of a city, the country of a region; a city
        outside the region given is an issue of the city."""
        if customer[C["customer_type_id"]] is KEY_ACCOUNT_WORDS:
            customer[C["customer_type_id"]] = self.lookups.type_ids.get("existing")
            if customer[C["is_key_account"]] is None:
                customer[C["is_key_account"]] = True
        city, region = customer[C["city_id"]], customer[C["region_id"]]
        if city is not None:
            city_region = self.lookups.region_of_city.get(city)
            if region is not None and region != city_region:
                index, spec_field = self._column_of("city")
                issues.append(self._issue(row, index, spec_field, invalid(
                    spec_field.spec, "city_not_in_region", text=row.cells[index].strip()
                )))  # fmt: skip
            region = customer[C["region_id"]] = city_region
        if region is not None and customer[C["country_id"]] is None:
            customer[C["country_id"]] = self.lookups.country_of_region.get(region)

    def _contact_names(
        self, row: SourceRow, contacts: dict[int, list[Any]], issues: Issues
    ) -> None:
        for slot, values in contacts.items():
            if values[P["name"]] is None:
                key = "contact.name" if slot == 1 else f"contact{slot}.name"
                spec_field = FIELD_BY_KEY[key]
                index = next((i for i, f in self.columns if f.key == key), -1)
                issues.append(
                    self._issue(row, index, spec_field, invalid(spec_field.spec, "required"))
                )

    def _prepared(
        self, row: SourceRow, customer: list[Any], contacts: dict[int, list[Any]]
    ) -> PreparedRow:
        name = customer[C["name"]]
        pinyin, initials = self.names.keys(name)
        customer[C["name_pinyin"]] = pinyin[:CUSTOMER_PINYIN_LENGTH]
        customer[C["name_key"]] = customer_name_key(name)
        people = []
        for slot in sorted(contacts):
            values = contacts[slot]
            pinyin_person, initials_person = self.names.keys(values[P["name"]])
            values[P["name_pinyin"]] = pinyin_person[:CONTACT_PINYIN_LENGTH]
            values[P["mnemonic"]] = self.names.mnemonic(initials_person)[:CONTACT_MNEMONIC_LENGTH]
            people.append(values)
        mnemonic = self.names.mnemonic(initials)[:CUSTOMER_MNEMONIC_LENGTH]
        return PreparedRow(row.line, customer, people, mnemonic)

    def _column_of(self, key: str) -> tuple[int, ImportField]:
        return next((i, f) for i, f in self.columns if f.key == key)

    def _issue(
        self, row: SourceRow, index: int, spec_field: ImportField, error: ValidationError
    ) -> RowIssue:
        header = self.headers[index] if 0 <= index < len(self.headers) else ""
        params = {k: v for k, v in error.params.items() if k != "field"}
        return RowIssue(row.line, spec_field.key, header, error.code, params)
