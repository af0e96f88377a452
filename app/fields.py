"""Form fields without Qt: what a field holds (`FieldSpec`), how typed text becomes a value
(`parse`) and how a value is shown again (`display`).

Fast entry accepts what people type in China: full-width digits from a Chinese input method,
"¥1,234.50" and "5万", dates as 2024年3月15日 or 20240315, mobiles with +86, landlines as
(0755)12345678-123. A wrong entry raises `ValidationError(code, field=key)` whose message
(app/messages.py) names the field's label in the user's language.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, Integer, Numeric, Text
from sqlalchemy.orm import ColumnProperty, QueryableAttribute

from app.errors import ValidationError
from app.identifiers import is_valid_credit_code
from db.base import Label

ISO_DATE = "%Y-%m-%d"
INT32 = 2**31 - 1
INT64 = 2**63 - 1


class Kind(StrEnum):
    TEXT = "text"
    MULTILINE = "multiline"
    INT = "int"
    DECIMAL = "decimal"
    MONEY = "money"
    DATE = "date"
    DATETIME = "datetime"  # a moment, shown and typed in local time to the minute
    MOBILE = "mobile"
    LANDLINE = "landline"
    PHONE = "phone"
    EMAIL = "email"
    POSTAL_CODE = "postal_code"
    URL = "url"
    CREDIT_CODE = "credit_code"
    LOOKUP = "lookup"
    BOOL = "bool"
    CHOICE = "choice"


NUMBER_KINDS = frozenset({Kind.INT, Kind.DECIMAL, Kind.MONEY})
Bound = int | Decimal | dt.date


@dataclass(frozen=True)
class Choice:
    """One of a fixed list of codes (a `choice` field), with its words in both languages."""

    code: str
    label_zh: str
    label_en: str

    def text(self, language: str) -> str:
        return self.label_en if language.startswith("en") else self.label_zh


@dataclass(frozen=True)
class LookupOption:
    """A row to pick in a `lookup` field: its id, the text shown, and extra words that find it
    (pinyin initials, a mnemonic, a code)."""

    id: int
    text: str
    search_text: str = ""

    def matches(self, typed: str) -> bool:
        needle = typed.strip().casefold()
        return needle in self.text.casefold() or needle in self.search_text.casefold()


def pinyin_search_text(text: str) -> str:
    """Pinyin initials and full pinyin of `text`: 北京日报 → "bjrb beijingribao"."""
    from pypinyin import Style, lazy_pinyin  # the dictionaries load on first use

    initials = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER))
    return f"{initials} {''.join(lazy_pinyin(text))}".lower()


def mnemonic_of_initials(initials: str) -> str:
    """Pinyin initials as a mnemonic code (助记码): upper case, Latin letters and digits kept."""
    return "".join(char for char in initials if char.isascii() and char.isalnum()).upper()


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form: the model attribute it edits (`key`), its kind and its rules."""

    key: str
    kind: Kind = Kind.TEXT
    label_zh: str = ""
    label_en: str = ""
    required: bool = False
    max_length: int | None = None
    min_value: Bound | None = None
    max_value: Bound | None = None
    decimals: int | None = None  # places after the point; money: 2
    choices: tuple[Choice, ...] = ()
    help_zh: str = ""
    help_en: str = ""
    placeholder_zh: str = ""
    placeholder_en: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", Kind(self.kind))
        if self.kind is Kind.MONEY and self.decimals is None:
            object.__setattr__(self, "decimals", 2)
        if not self.label_zh:
            object.__setattr__(self, "label_zh", self.label_en or self.key)
        if not self.label_en:
            object.__setattr__(self, "label_en", self.key)

    def label(self, language: str) -> str:
        return self.label_en if language.startswith("en") else self.label_zh

    def help(self, language: str) -> str:
        return self.help_en if language.startswith("en") else self.help_zh

    def placeholder(self, language: str) -> str:
        return self.placeholder_en if language.startswith("en") else self.placeholder_zh

    @classmethod
    def of(
        cls,
        attribute: QueryableAttribute[Any],
        kind: Kind | str | None = None,
        *,
        required: bool | None = None,
        max_length: int | None = None,
        **overrides: Any,
    ) -> FieldSpec:
        """The field of a mapped column: label from its `info`, kind and limits from its type,
        required when it is NOT NULL without a default (unless `required` says otherwise)."""
        prop = attribute.property
        if not isinstance(prop, ColumnProperty):
            raise TypeError(f"{attribute} is not a column")
        column: Any = prop.columns[0]
        found: Label | None = column.info.get("label")
        derived = _from_column_type(column)
        chosen = Kind(kind) if kind is not None else derived["kind"]
        limits = {k: v for k, v in derived.items() if k != "kind" and chosen in NUMBER_KINDS}
        length = max_length if max_length is not None else getattr(column.type, "length", None)
        derived_rules = {
            "label_zh": found.zh if found else "",
            "label_en": found.en if found else "",
            "required": _column_required(column) if required is None else required,
            "max_length": length if isinstance(length, int) else None,
            **limits,
        }
        return cls(key=attribute.key, kind=chosen, **{**derived_rules, **overrides})


def _column_required(column: Any) -> bool:
    has_default = column.default is not None or column.server_default is not None
    return not column.nullable and not has_default and not column.primary_key


def _from_column_type(column: Any) -> dict[str, Any]:
    """Kind and number limits that the column's type implies."""
    type_ = column.type
    if isinstance(type_, Boolean):
        return {"kind": Kind.BOOL}
    if isinstance(type_, Date):
        return {"kind": Kind.DATE}
    if isinstance(type_, Integer):
        if column.foreign_keys:
            return {"kind": Kind.LOOKUP}
        limit = INT64 if isinstance(type_, BigInteger) else INT32
        return {"kind": Kind.INT, "min_value": -limit, "max_value": limit}
    scale = getattr(type_, "scale", None)
    precision = getattr(type_, "precision", None)
    if isinstance(getattr(type_, "impl_instance", type_), Numeric):
        if precision is None or scale is None:
            return {"kind": Kind.DECIMAL}
        largest = Decimal(10) ** (precision - scale) - Decimal(1).scaleb(-scale)
        return {
            "kind": Kind.DECIMAL,
            "decimals": scale,
            "min_value": -largest,
            "max_value": largest,
        }
    return {"kind": Kind.MULTILINE if isinstance(type_, Text) else Kind.TEXT}


# Parsing.


def invalid(spec: FieldSpec, code: str, **params: Any) -> ValidationError:
    """The error of `spec`'s field: its key, and its label for the message."""
    return ValidationError(
        code, field=spec.key, label_zh=spec.label_zh, label_en=spec.label_en, **params
    )


def parse(spec: FieldSpec, raw: str | None, options: Sequence[LookupOption] | None = None) -> Any:
    """The value typed as `raw`, or None when empty and not required; a lookup matches
    `options` (or takes a plain id when there are none)."""
    text = (raw or "").strip()
    if not text:
        if spec.required:
            raise invalid(spec, "required")
        return None
    if spec.kind is Kind.LOOKUP:
        return _parse_lookup(spec, text, options)
    return _PARSERS[spec.kind](spec, text)


def half_width(text: str) -> str:
    """Full-width digits, letters and signs as ASCII (NFKC), and the ideographic full stop
    as a point: what a Chinese input method types."""
    return unicodedata.normalize("NFKC", text).replace("。", ".").strip()


def _checked_length(spec: FieldSpec, value: str) -> str:
    if spec.max_length is not None and len(value) > spec.max_length:
        raise invalid(spec, "too_long", maximum=spec.max_length, length=len(value))
    return value


def _parse_text(spec: FieldSpec, text: str) -> str:
    return _checked_length(spec, text)


_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_CURRENCY = re.compile(r"^(¥|RMB|CNY)|元$", re.IGNORECASE)
_MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}


def _parse_number(spec: FieldSpec, text: str) -> Decimal:
    cleaned = _CURRENCY.sub("", half_width(text).replace("−", "-"))
    factor = Decimal(1)
    if cleaned[-1:] in _MULTIPLIERS:
        factor = _MULTIPLIERS[cleaned[-1]]
        cleaned = cleaned[:-1]
    cleaned = re.sub(r"[\s,_]", "", cleaned)
    if not _NUMBER.fullmatch(cleaned):
        raise invalid(spec, "not_a_number", example=_EXAMPLES[spec.kind])
    try:
        return Decimal(cleaned) * factor
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise invalid(spec, "not_a_number", example=_EXAMPLES[spec.kind]) from exc


_EXAMPLES = {Kind.INT: "1200", Kind.DECIMAL: "12.5", Kind.MONEY: "1,234.50"}


def _parse_int(spec: FieldSpec, text: str) -> int:
    number = _parse_number(spec, text)
    if number != number.to_integral_value():
        raise invalid(spec, "not_a_number", example=_EXAMPLES[Kind.INT])
    return _in_range(spec, int(number))


def _parse_decimal(spec: FieldSpec, text: str) -> Decimal:
    number = _parse_number(spec, text)
    if spec.decimals is not None:
        places = -min(0, int(number.normalize().as_tuple().exponent))
        if places > spec.decimals:
            raise invalid(spec, "too_many_decimals", decimals=spec.decimals)
        number = number.quantize(Decimal(1).scaleb(-spec.decimals))
    return _in_range(spec, number)


def _in_range(spec: FieldSpec, value: Any) -> Any:
    too_small = spec.min_value is not None and value < spec.min_value
    if too_small or (spec.max_value is not None and value > spec.max_value):
        raise invalid(spec, "out_of_range", range=describe_range(spec))
    return value


def describe_range(spec: FieldSpec) -> str:
    """The allowed range in signs both languages read: "0 – 100", "≥ 0", "≤ 2030-12-31"."""
    low, high = (
        None if bound is None else display(spec, bound)
        for bound in (spec.min_value, spec.max_value)
    )
    if low and high:
        return f"{low} – {high}"
    return f"≥ {low}" if low else f"≤ {high}"


_DATE_PATTERNS = (
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)


def _parse_date(spec: FieldSpec, text: str) -> dt.date:
    cleaned = half_width(text)
    for pattern in _DATE_PATTERNS:
        found = pattern.fullmatch(cleaned)
        if found:
            try:
                value = dt.date(*(int(part) for part in found.groups()))
            except ValueError:
                break
            return _in_range(spec, value)  # type: ignore[no-any-return]
    raise invalid(spec, "invalid_date")


_TIME = re.compile(r"(.*?\d)(?:\s*[T\s]\s*|\s*日\s*)(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?")


def _parse_datetime(spec: FieldSpec, text: str) -> dt.datetime:
    """A date and a time of day in local time ("2024-03-15 14:30", "2024年3月15日 14:30"; a
    date alone is its midnight), as an aware datetime."""
    cleaned = half_width(text)
    found = _TIME.fullmatch(cleaned)
    date_text, hour, minute, second = found.groups() if found else (cleaned, "0", "0", None)
    day = _parse_date(FieldSpec(spec.key, Kind.DATE, spec.label_zh, spec.label_en), date_text)
    try:
        moment = dt.datetime.combine(
            day, dt.time(int(hour), int(minute), int(second or 0))
        ).astimezone()
    except ValueError as exc:
        raise invalid(spec, "invalid_date") from exc
    return _in_range(spec, moment)  # type: ignore[no-any-return]


_CHINA_PREFIX = re.compile(r"^(?:\+|00)?86(?=1\d{10}$)")
_MOBILE = re.compile(r"1[3-9]\d{9}")


def mobile_number(text: str) -> str | None:
    """A mainland mobile as its 11 digits, without +86, spaces or dashes; None if it is not."""
    digits = _CHINA_PREFIX.sub("", re.sub(r"[\s\-()]", "", half_width(text)))
    return digits if _MOBILE.fullmatch(digits) else None


_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$", re.IGNORECASE)
_AREA_AND_NUMBER = re.compile(r"(010|02\d|0[3-9]\d\d)([1-9]\d{6,7})")
_SERVICE_NUMBER = re.compile(r"([48]00)(\d{3})(\d{4})")


def landline_number(text: str) -> str | None:
    """A fixed-line number as "0755-12345678" (plus "-123" for an extension), or a 400/800
    service number as "400-810-8888"; None if it is neither."""
    cleaned, extension = half_width(text), None
    found = _EXTENSION.search(cleaned)
    if found:
        cleaned, extension = cleaned[: found.start()], found.group(1)
    international = re.match(r"^(\+|00)86", cleaned)
    parts = [
        p
        for p in re.split(r"[\s\-()]+", cleaned[international.end() if international else 0 :])
        if p
    ]
    if not parts or not all(part.isdigit() for part in parts):
        return None
    if international and not parts[0].startswith("0"):
        parts[0] = "0" + parts[0]
    number = _landline_digits("".join(parts))
    if number is None and extension is None and len(parts) > 1 and len(parts[-1]) <= 6:
        number, extension = _landline_digits("".join(parts[:-1])), parts[-1]
    if number is None:
        return None
    return f"{number}-{extension}" if extension else number


def _landline_digits(digits: str) -> str | None:
    found = _AREA_AND_NUMBER.fullmatch(digits)
    if found:
        return "-".join(found.groups())
    service = _SERVICE_NUMBER.fullmatch(digits)
    return "-".join(service.groups()) if service else None


def _parse_mobile(spec: FieldSpec, text: str) -> str:
    number = mobile_number(text)
    if number is None:
        raise invalid(spec, "invalid_cn_mobile")
    return _checked_length(spec, number)


def _parse_landline(spec: FieldSpec, text: str) -> str:
    number = landline_number(text)
    if number is None:
        raise invalid(spec, "invalid_landline")
    return _checked_length(spec, number)


def _parse_phone(spec: FieldSpec, text: str) -> str:
    number = mobile_number(text) or landline_number(text)
    if number is None:
        raise invalid(spec, "invalid_cn_phone")
    return _checked_length(spec, number)


_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})"
)


def _parse_email(spec: FieldSpec, text: str) -> str:
    cleaned = half_width(text)
    found = _EMAIL.fullmatch(cleaned)
    if not found:
        raise invalid(spec, "invalid_email")
    local = cleaned[: found.start(2) - 1]
    return _checked_length(spec, f"{local}@{found.group(2).lower()}")


def _parse_postal_code(spec: FieldSpec, text: str) -> str:
    cleaned = re.sub(r"\s", "", half_width(text))
    if not re.fullmatch(r"\d{6}", cleaned):
        raise invalid(spec, "invalid_postal_code")
    return cleaned


_HOST = re.compile(
    r"(?:[\w](?:[\w-]{0,61}[\w])?\.)+[^\W\d_]{2,63}|localhost|\d{1,3}(?:\.\d{1,3}){3}"
)
_URL = re.compile(r"(?:(https?)://)?([^/?#:\s]+)(:\d{1,5})?([/?#]\S*)?", re.IGNORECASE)


def _parse_url(spec: FieldSpec, text: str) -> str:
    """A web address; "www.example.com" gets "http://" in front, as a browser would."""
    found = _URL.fullmatch(half_width(text))
    if not found or not _HOST.fullmatch(found.group(2)):
        raise invalid(spec, "invalid_url")
    scheme, host, port, rest = found.groups()
    url = f"{(scheme or 'http').lower()}://{host.lower()}{port or ''}{rest or ''}"
    return _checked_length(spec, url)


def credit_code_text(text: str) -> str:
    """A credit code as it is stored and compared: half width, upper case, without spaces or
    dashes."""
    return re.sub(r"[\s\-]", "", half_width(text)).upper()


def _parse_credit_code(spec: FieldSpec, text: str) -> str:
    code = credit_code_text(text)
    if not is_valid_credit_code(code):
        raise invalid(spec, "invalid_credit_code")
    return code


_TRUE = frozenset({"1", "true", "yes", "y", "t", "是", "对", "√", "✓", "on"})
_FALSE = frozenset({"0", "false", "no", "n", "f", "否", "不", "×", "✗", "off"})


def _parse_bool(spec: FieldSpec, text: str) -> bool:
    word = half_width(text).casefold()
    if word in _TRUE or word in _FALSE:
        return word in _TRUE
    raise invalid(spec, "unknown_option", text=text)


def _parse_choice(spec: FieldSpec, text: str) -> str:
    for choice in spec.choices:
        if text == choice.code:
            return choice.code
    folded = text.casefold()
    for choice in spec.choices:
        if folded in (choice.label_zh.casefold(), choice.label_en.casefold()):
            return choice.code
    raise invalid(spec, "unknown_option", text=text)


def _parse_lookup(spec: FieldSpec, text: str, options: Sequence[LookupOption] | None) -> int:
    if options is None:
        if half_width(text).isdigit():
            return int(half_width(text))
        raise invalid(spec, "unknown_option", text=text)
    option = find_option(spec, options, text)
    return option.id


def find_option(spec: FieldSpec, options: Sequence[LookupOption], typed: str) -> LookupOption:
    """The option whose text is `typed` (ignoring case), else the only one that contains it
    in its text or search words: typing "bjrb" picks 北京日报 when nothing else matches."""
    folded = typed.strip().casefold()
    for option in options:
        if option.text.casefold() == folded:
            return option
    matching = [option for option in options if option.matches(typed)]
    if len(matching) == 1:
        return matching[0]
    raise invalid(spec, "ambiguous_option" if matching else "unknown_option", text=typed.strip())


_PARSERS: dict[Kind, Callable[[FieldSpec, str], Any]] = {
    Kind.TEXT: _parse_text,
    Kind.MULTILINE: _parse_text,
    Kind.INT: _parse_int,
    Kind.DECIMAL: _parse_decimal,
    Kind.MONEY: _parse_decimal,
    Kind.DATE: _parse_date,
    Kind.DATETIME: _parse_datetime,
    Kind.MOBILE: _parse_mobile,
    Kind.LANDLINE: _parse_landline,
    Kind.PHONE: _parse_phone,
    Kind.EMAIL: _parse_email,
    Kind.POSTAL_CODE: _parse_postal_code,
    Kind.URL: _parse_url,
    Kind.CREDIT_CODE: _parse_credit_code,
    Kind.BOOL: _parse_bool,
    Kind.CHOICE: _parse_choice,
}


# Display.


def display(
    spec: FieldSpec,
    value: Any,
    *,
    language: str = "zh_CN",
    date_format: str = ISO_DATE,
    options: Sequence[LookupOption] = (),
) -> str:
    """`value` as text that `parse` reads back: money as "1,234.50", mobiles as
    "138 0013 8000", dates as `date_format` (strftime), choices and lookups by their text."""
    if value is None:
        return ""
    kind = spec.kind
    if kind is Kind.MONEY or (kind is Kind.DECIMAL and spec.decimals is not None):
        places = spec.decimals if spec.decimals is not None else 2
        grouping = "," if kind is Kind.MONEY else ""
        return f"{Decimal(value):{grouping}.{places}f}"
    if kind is Kind.DECIMAL:
        return f"{Decimal(value):f}"
    if kind is Kind.DATETIME:
        return str(value.astimezone().strftime("%Y-%m-%d %H:%M"))
    if kind is Kind.DATE:
        return str(value.isoformat() if date_format == ISO_DATE else value.strftime(date_format))
    if kind in (Kind.MOBILE, Kind.PHONE) and _MOBILE.fullmatch(str(value)):
        return f"{value[:3]} {value[3:7]} {value[7:]}"
    if kind is Kind.BOOL:
        yes, no = ("Yes", "No") if language.startswith("en") else ("是", "否")
        return yes if value else no
    if kind is Kind.CHOICE:
        found = next((c for c in spec.choices if c.code == value), None)
        return found.text(language) if found else str(value)
    if kind is Kind.LOOKUP:
        option = next((o for o in options if o.id == value), None)
        return option.text if option else str(value)
    return str(value)


def example(spec: FieldSpec) -> str:
    """A sample entry of the field's kind, for a placeholder ("" when none helps)."""
    return _PLACEHOLDERS.get(spec.kind, "")


_PLACEHOLDERS = {
    Kind.MOBILE: "138 0013 8000",
    Kind.LANDLINE: "010-12345678",
    Kind.PHONE: "138 0013 8000 / 010-12345678",
    Kind.EMAIL: "name@example.com",
    Kind.POSTAL_CODE: "100080",
    Kind.URL: "www.example.com",
    Kind.MONEY: "0.00",
    Kind.DATETIME: "2024-03-15 14:30",
}
