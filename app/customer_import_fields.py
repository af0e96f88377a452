"""What a column of an imported file can be: the customer and contact fields (`ImportField`),
the header words that name each of them in Chinese or English, and the `Mapping` of a file's
columns to fields, found from the headers and kept as JSON to use again.

A row carries one company and up to `CONTACT_SLOTS` contacts: "联系人", "手机" are the first
contact's, "联系人2", "手机2" (or "联系人2手机") the second's.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import customers as customer_kinds
from app.errors import ValidationError
from app.fields import FieldSpec, Kind
from db.models.customers import Contact, Customer

CONTACT_SLOTS = 3
MAPPING_VERSION = 1
# Any cell longer than this is refused, even for a notes field without a column limit.
MAX_CELL_LENGTH = 4000

CUSTOMERS = "customers"
CONTACTS = "contacts"
# Lookup lists a text is matched against: field column → reference table.
LOOKUP_TABLES = {
    "customer_type_id": "customer_types",
    "industry_id": "industries",
    "country_id": "countries",
    "region_id": "regions",
    "city_id": "cities",
    "source_id": "customer_sources",
}


@dataclass(frozen=True)
class ImportField:
    """A field a column can fill: `key` as mappings name it ("name", "contact2.mobile"),
    the table and column it is written to, and the spec its cells are checked by."""

    key: str
    table: str
    column: str
    spec: FieldSpec
    slot: int = 0  # contacts: 1, 2, …; the company's own fields: 0

    @property
    def lookup(self) -> str | None:
        return LOOKUP_TABLES.get(self.column) if self.table == CUSTOMERS else None

    def label(self, language: str) -> str:
        return self.spec.label(language)


# (column, kind or None for the column's own, header words). The first words are the labels.
_CUSTOMER_COLUMNS: tuple[tuple[str, Kind | None, tuple[str, ...]], ...] = (
    ("name", None, ("公司名称", "客户名称", "单位名称", "企业名称", "名称", "公司", "客户",
                    "company", "companyname", "customer", "customername", "name",
                    "organization", "organisation")),
    ("short_name", None, ("简称", "公司简称", "客户简称", "shortname", "abbreviation")),
    ("english_name", None, ("英文名称", "英文名", "englishname")),
    ("mnemonic", None, ("助记码", "mnemonic")),
    ("customer_type_id", Kind.LOOKUP, ("客户类型", "类型", "客户类别", "类别", "type",
                                       "customertype", "category")),
    ("industry_id", Kind.LOOKUP, ("行业", "所属行业", "行业类别", "industry")),
    ("country_id", Kind.LOOKUP, ("国家", "国家地区", "国别", "country")),
    ("region_id", Kind.LOOKUP, ("省份", "省", "地区", "所在地区", "所在省份", "省市",
                                "province", "region", "state")),
    ("city_id", Kind.LOOKUP, ("城市", "所在城市", "市", "city")),
    ("address", None, ("地址", "详细地址", "公司地址", "通讯地址", "联系地址", "办公地址",
                       "address")),
    ("postal_code", Kind.POSTAL_CODE, ("邮编", "邮政编码", "postcode", "zip", "zipcode",
                                       "postalcode")),
    ("phone", Kind.PHONE, ("电话", "座机", "固定电话", "办公电话", "公司电话", "总机",
                           "联系电话", "电话号码", "tel", "telephone", "phone", "phonenumber")),
    ("fax", Kind.LANDLINE, ("传真", "传真号码", "fax")),
    ("website", Kind.URL, ("网址", "网站", "公司网址", "主页", "website", "url", "web",
                           "homepage")),
    ("email", Kind.EMAIL, ("邮箱", "电子邮件", "电子邮箱", "邮件", "email", "mail")),
    ("credit_code", Kind.CREDIT_CODE, ("统一社会信用代码", "信用代码", "社会信用代码",
                                       "creditcode", "uscc", "unifiedsocialcreditcode")),
    ("legal_representative", None, ("法定代表人", "法人", "法人代表", "legalrepresentative")),
    ("registered_capital", Kind.MONEY, ("注册资本", "注册资金", "注册资本元",
                                        "registeredcapital")),
    ("founded_on", None, ("成立日期", "成立时间", "founded", "foundedon")),
    ("employee_count", None, ("员工人数", "人数", "员工数", "employees", "employeecount")),
    ("annual_revenue", Kind.MONEY, ("年营业额", "营业额", "年营业额元", "annualrevenue",
                                    "revenue")),
    ("source_id", Kind.LOOKUP, ("客户来源", "来源", "source")),
    ("rating", Kind.CHOICE, ("客户等级", "等级", "rating")),
    ("is_key_account", Kind.BOOL, ("重点客户", "keyaccount")),
    ("notes", None, ("备注", "说明", "备注说明", "notes", "note", "remarks", "remark",
                     "comment", "comments")),
)  # fmt: skip
_CONTACT_COLUMNS: tuple[tuple[str, Kind | None, tuple[str, ...]], ...] = (
    ("name", None, ("联系人", "姓名", "联系人姓名", "联系人名称", "contact", "contactname",
                    "contactperson")),
    ("gender", Kind.CHOICE, ("性别", "联系人性别", "gender", "sex")),
    ("job_title", None, ("职务", "职位", "头衔", "联系人职务", "联系人职位", "title",
                         "jobtitle", "position")),
    ("department", None, ("部门", "所在部门", "联系人部门", "department")),
    ("mobile", Kind.MOBILE, ("手机", "手机号", "手机号码", "移动电话", "联系人手机",
                             "联系人手机号", "mobile", "mobilephone", "cellphone", "cell")),
    ("phone", Kind.PHONE, ("联系人电话", "联系人座机", "直线电话", "contactphone")),
    ("email", Kind.EMAIL, ("联系人邮箱", "联系人电子邮件", "联系人email", "contactemail")),
    ("wechat", None, ("微信", "微信号", "wechat", "weixin")),
    ("qq", None, ("qq", "qq号", "qq号码")),
    ("birthday", None, ("生日", "出生日期", "birthday", "dateofbirth")),
    ("notes", None, ("联系人备注", "contactnotes")),
)  # fmt: skip


def _spec(model: Any, column: str, kind: Kind | None, slot: int = 0) -> FieldSpec:
    """The field's spec as the customer forms check it (app/customers.py), adapted to an
    import: only a customer's name is required (a contact's name is, once anything else
    of that contact is given: see the row checks), no cell longer than MAX_CELL_LENGTH, a
    contact's fields labelled as the contact's."""
    attribute = getattr(model, column)
    try:
        spec = (customer_kinds.CUSTOMERS if model is Customer else customer_kinds.CONTACTS).spec(
            column
        )
    except KeyError:
        spec = FieldSpec.of(attribute, kind)
    overrides: dict[str, Any] = {"required": model is Customer and column == "name"}
    if spec.max_length is None or spec.max_length > MAX_CELL_LENGTH:
        overrides["max_length"] = MAX_CELL_LENGTH
    if slot:
        label = attribute.property.columns[0].info["label"]
        number = "" if slot == 1 else str(slot)
        overrides["label_zh"] = f"联系人{number}{label.zh}"
        overrides["label_en"] = f"Contact{' ' + number if number else ''} {label.en.lower()}"
    return dataclasses.replace(spec, **overrides)


def _build_fields() -> tuple[ImportField, ...]:
    fields = [
        ImportField(column.removesuffix("_id"), CUSTOMERS, column, _spec(Customer, column, kind))
        for column, kind, _ in _CUSTOMER_COLUMNS
    ]
    for slot in range(1, CONTACT_SLOTS + 1):
        prefix = "contact." if slot == 1 else f"contact{slot}."
        fields += [
            ImportField(prefix + column, CONTACTS, column, _spec(Contact, column, kind, slot), slot)
            for column, kind, _ in _CONTACT_COLUMNS
        ]
    return tuple(fields)


FIELDS = _build_fields()
FIELD_BY_KEY = {f.key: f for f in FIELDS}


def import_field(key: str) -> ImportField:
    try:
        return FIELD_BY_KEY[key]
    except KeyError:
        raise ValidationError("unknown_import_field", field="mapping", name=key) from None


# Headers.
_IGNORED_IN_HEADERS = re.compile(r"[\s_\-.:：*＊()（）\[\]【】/、·]+")
_SLOT = re.compile(r"^(联系人)(\d)(.*)$|^(.*?)(\d)$")
_WORDS = {
    word: column.removesuffix("_id") for column, _, words in _CUSTOMER_COLUMNS for word in words
}
_CONTACT_WORDS = {word: column for column, _, words in _CONTACT_COLUMNS for word in words}


def header_key(header: str) -> str:
    """A header as compared: half-width, case-folded, without spaces, signs or a trailing
    required mark: " E-Mail* " and "ｅｍａｉｌ" are both "email"."""
    return _IGNORED_IN_HEADERS.sub("", unicodedata.normalize("NFKC", header).casefold())


def field_for_header(header: str) -> str | None:
    """The field key a header names, or None."""
    key = header_key(header)
    if not key:
        return None
    if key in _CONTACT_WORDS and key not in _WORDS:
        return "contact." + _CONTACT_WORDS[key]
    if key in _WORDS:
        return _WORDS[key]
    slotted = _SLOT.match(key)
    if slotted:
        if slotted.group(1):
            number, base = int(slotted.group(2)), slotted.group(1) + slotted.group(3)
            base = base if base in _CONTACT_WORDS else slotted.group(3)
        else:
            number, base = int(slotted.group(5)), slotted.group(4)
        if 1 <= number <= CONTACT_SLOTS and base in _CONTACT_WORDS:
            prefix = "contact." if number == 1 else f"contact{number}."
            return prefix + _CONTACT_WORDS[base]
    return None


@dataclass(frozen=True)
class Mapping:
    """Which field each column of a file fills (column number from 0 → field key); columns
    not named are ignored. `headers` are the file's, so a saved mapping finds its columns
    again by header in a file whose columns moved."""

    columns: dict[int, str] = field(default_factory=dict)
    headers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for index, key in self.columns.items():
            import_field(key)
            if key in seen:
                raise ValidationError("field_mapped_twice", field="mapping", name=key)
            seen.add(key)
            if index < 0:
                raise ValidationError("unknown_import_field", field="mapping", name=str(index))

    def with_column(self, index: int, key: str | None) -> Mapping:
        """This mapping with column `index` filling `key` (None: ignored); a field taken
        by another column moves here."""
        columns = {i: k for i, k in self.columns.items() if i != index and k != key}
        if key:
            columns[index] = key
        return Mapping(columns, self.headers)

    def for_headers(self, headers: Sequence[str]) -> Mapping:
        """This mapping applied to a file with `headers`: columns found by their header
        where the saved headers name them, else by position."""
        wanted = {header_key(h): i for i, h in enumerate(headers)}
        columns: dict[int, str] = {}
        for index, key in sorted(self.columns.items()):
            saved = self.headers[index] if index < len(self.headers) else None
            target = wanted.get(header_key(saved)) if saved else None
            if target is None and index < len(headers) and not saved:
                target = index
            if target is not None and target not in columns:
                columns[target] = key
        return Mapping(columns, tuple(headers))

    def as_json(self) -> dict[str, Any]:
        return {
            "version": MAPPING_VERSION,
            "columns": [
                {
                    "index": index,
                    "header": self.headers[index] if index < len(self.headers) else "",
                    "field": key,
                }
                for index, key in sorted(self.columns.items())
            ],
        }

    @classmethod
    def from_json(cls, data: Any) -> Mapping:
        try:
            entries = data["columns"]
            width = max((int(entry["index"]) for entry in entries), default=-1) + 1
            headers = [""] * width
            columns: dict[int, str] = {}
            for entry in entries:
                index = int(entry["index"])
                headers[index] = str(entry.get("header") or "")
                if entry.get("field"):
                    columns[index] = str(entry["field"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError("bad_mapping_file", field="mapping", detail=str(exc)) from exc
        return cls(columns, tuple(headers))

    def save(self, path: str | os.PathLike[str]) -> None:
        text = json.dumps(self.as_json(), ensure_ascii=False, indent=2)
        Path(path).write_text(text + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Mapping:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as exc:
            raise ValidationError("bad_mapping_file", field="mapping", detail=str(exc)) from exc
        return cls.from_json(data)


def auto_mapping(headers: Sequence[str]) -> Mapping:
    """The fields the headers name, each taken by the first column naming it."""
    columns: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        key = field_for_header(header)
        if key is not None and key not in taken:
            columns[index] = key
            taken.add(key)
    return Mapping(columns, tuple(headers))
