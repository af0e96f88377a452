"""Personal settings (个人设置) that follow the user to any PC: language, the shortcut panel's
parts, date and number formats, list page size, the module opened at start, and the opaque
layouts (window geometry, splitters, column widths and order) the screens save.

They live in `user_settings`, one row per key. On PostgreSQL row-level security keeps each
user to their own rows; on SQLite the queries here do. A stored value that is unknown or
corrupt falls back to its default (and is logged): a bad setting never stops the program.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app import config
from app.access import CurrentUser
from app.errors import ValidationError
from app.saving import flush
from db.models.org import User, UserSetting

log = logging.getLogger(__name__)

LANGUAGES = config.LANGUAGES
# Date format key → its Qt pattern (for QDateEdit.setDisplayFormat and the settings dialog).
DATE_FORMATS: dict[str, str] = {
    "iso": "yyyy-MM-dd",
    "chinese": "yyyy年M月d日",
    "day_first": "dd/MM/yyyy",
    "month_first": "MM/dd/yyyy",
}
# What the main window may open at start; "none" opens nothing.
START_MODULES = (
    "none",
    "customers",
    "customer_management",
    "business",
    "business_log",
    "tasks",
    "information_manager",
    "file_management",
    "query",
)
PAGE_SIZE_MIN = 50
PAGE_SIZE_MAX = 1000
MONEY_DECIMALS = 2

PREFERENCE_PREFIX = "preference."
LAYOUT_PREFIX = "layout."
LAYOUT_KEY_PATTERN = r"[A-Za-z0-9_.:/-]{1,93}"  # the column holds 100, the prefix takes 7
MAX_LAYOUT_LENGTH = 65536

_CENT = Decimal(1).scaleb(-MONEY_DECIMALS)


@dataclass(frozen=True)
class Preferences:
    """One user's personal settings; the defaults are what a new user gets."""

    language: str = "zh_CN"
    show_task_manager: bool = True
    show_information_manager: bool = True
    show_business_log: bool = True
    date_format: str = "iso"
    thousands_separator: bool = True
    page_size: int = 200
    start_module: str = "none"

    def format_date(self, value: dt.date | None) -> str:
        return format_date(value, self.date_format)

    def format_datetime(self, value: dt.datetime | None) -> str:
        return format_datetime(value, self.date_format)

    def format_money(self, value: Decimal | int | None) -> str:
        return format_money(value, self.thousands_separator)

    def format_number(self, value: int | None) -> str:
        return format_number(value, self.thousands_separator)


# Formatting, for app/ code (reports, exports, mail) as much as for the screens.


def format_date(value: dt.date | None, date_format: str = "iso") -> str:
    """A date written as the user chose; a datetime is taken at its local date."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value).date()
    year, month, day = f"{value.year:04d}", f"{value.month:02d}", f"{value.day:02d}"
    if date_format == "chinese":
        return f"{year}年{value.month}月{value.day}日"
    if date_format == "day_first":
        return f"{day}/{month}/{year}"
    if date_format == "month_first":
        return f"{month}/{day}/{year}"
    return f"{year}-{month}-{day}"


def format_datetime(value: dt.datetime | None, date_format: str = "iso") -> str:
    """Date and 24-hour time; a time-zone-aware value (the database stores UTC) is shown in
    the computer's local time."""
    if value is None:
        return ""
    local = _local(value)
    return f"{format_date(local.date(), date_format)} {local:%H:%M}"


def format_money(value: Decimal | int | None, thousands_separator: bool = True) -> str:
    """An amount with exactly two decimals, rounded half up as accountants do."""
    if value is None:
        return ""
    amount = Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP)
    return f"{amount:,.{MONEY_DECIMALS}f}" if thousands_separator else f"{amount:.2f}"


def format_number(value: int | None, thousands_separator: bool = True) -> str:
    if value is None:
        return ""
    return f"{value:,}" if thousands_separator else str(value)


def _local(value: dt.datetime) -> dt.datetime:
    return value.astimezone() if value.tzinfo is not None else value


# Reading and writing.


def validate(prefs: Preferences) -> Preferences:
    """`prefs` if every value is allowed; else a ValidationError naming the first bad field."""
    if prefs.language not in LANGUAGES:
        raise ValidationError("unknown_language", field="language", value=prefs.language)
    if prefs.date_format not in DATE_FORMATS:
        raise ValidationError("unknown_date_format", field="date_format", value=prefs.date_format)
    if prefs.start_module not in START_MODULES:
        raise ValidationError(
            "unknown_start_module", field="start_module", value=prefs.start_module
        )
    page_size = prefs.page_size
    if (
        not isinstance(page_size, int)
        or isinstance(page_size, bool)
        or not PAGE_SIZE_MIN <= page_size <= PAGE_SIZE_MAX
    ):
        raise ValidationError(
            "page_size_out_of_range",
            field="page_size",
            minimum=PAGE_SIZE_MIN,
            maximum=PAGE_SIZE_MAX,
        )
    for field in dataclasses.fields(Preferences):
        if field.type == "bool" and not isinstance(getattr(prefs, field.name), bool):
            raise ValidationError("not_yes_or_no", field=field.name)
    return prefs


def load_preferences(
    session: Session, user: CurrentUser, fallback_language: str | None = None
) -> Preferences:
    """The user's preferences; what was never chosen, or cannot be read, is the default.

    Until the user chooses a language, `fallback_language` holds (the one the program runs
    in on this PC), else the one of their account (`users.language`).
    """
    stored = _stored(session, user, PREFERENCE_PREFIX)
    values: dict[str, Any] = {}
    if fallback_language in LANGUAGES:
        values["language"] = fallback_language
    else:
        account_language = session.scalar(select(User.language).where(User.id == user.user_id))
        if account_language in LANGUAGES:
            values["language"] = account_language
    defaults = Preferences(**values)
    for field in dataclasses.fields(Preferences):
        raw = stored.get(PREFERENCE_PREFIX + field.name)
        if raw is None:
            continue
        value = _decoded(field.type, raw)
        candidate = dataclasses.replace(defaults, **{field.name: value})
        try:
            validate(candidate)
        except ValidationError:
            log.warning(
                "user %s: ignoring the stored preference %s=%r, using the default",
                user.user_id,
                field.name,
                raw[:40],
            )
            continue
        values[field.name] = value
    return Preferences(**values)


def save_preferences(session: Session, user: CurrentUser, prefs: Preferences) -> None:
    """Store every preference of the user (changed rows only), in the caller's transaction."""
    validate(prefs)
    stored = _rows(session, user, PREFERENCE_PREFIX)
    for field in dataclasses.fields(Preferences):
        key = PREFERENCE_PREFIX + field.name
        _put(session, user, stored.get(key), key, _encoded(getattr(prefs, field.name)))
    flush(session)


def load_layout(session: Session, user: CurrentUser, key: str) -> str | None:
    """A layout the screens saved under `key` (e.g. "main_window.geometry"), or None."""
    return session.scalar(_layout_row(user, key).with_only_columns(UserSetting.value))


def save_layout(session: Session, user: CurrentUser, key: str, value: str) -> None:
    """Store an opaque layout (typically base64 of QWidget.saveGeometry or a header state)."""
    statement = _layout_row(user, key)
    if not isinstance(value, str) or len(value) > MAX_LAYOUT_LENGTH:
        raise ValidationError("layout_too_large", field="value", maximum=MAX_LAYOUT_LENGTH)
    row = session.scalars(statement).one_or_none()
    _put(session, user, row, LAYOUT_PREFIX + key, value)
    flush(session)


def remember_language(settings: config.Settings, language: str) -> bool:
    """Make `language` the one this PC's login dialog starts in next time (the local
    settings file); False, and logged, when the file cannot be written."""
    if language not in LANGUAGES:
        raise ValidationError("unknown_language", field="language", value=language)
    if settings.language == language:
        return True
    settings.language = language
    try:
        config.save_settings(settings)
    except OSError as exc:
        log.warning("cannot write the language to the settings file: %s", exc)
        return False
    return True


def _layout_row(user: CurrentUser, key: str) -> Select[UserSetting]:
    if not isinstance(key, str) or not re.fullmatch(LAYOUT_KEY_PATTERN, key):
        raise ValidationError("layout_key_invalid", field="key")
    return select(UserSetting).where(
        UserSetting.user_id == user.user_id, UserSetting.key == LAYOUT_PREFIX + key
    )


def _rows(session: Session, user: CurrentUser, prefix: str) -> dict[str, UserSetting]:
    """The user's rows whose key starts with `prefix`, by key."""
    rows = session.scalars(
        select(UserSetting).where(
            UserSetting.user_id == user.user_id, UserSetting.key.startswith(prefix, autoescape=True)
        )
    )
    return {row.key: row for row in rows}


def _stored(session: Session, user: CurrentUser, prefix: str) -> dict[str, str]:
    rows = session.execute(
        select(UserSetting.key, UserSetting.value).where(
            UserSetting.user_id == user.user_id, UserSetting.key.startswith(prefix, autoescape=True)
        )
    )
    return {key: value for key, value in rows if value is not None}


def _put(
    session: Session, user: CurrentUser, row: UserSetting | None, key: str, value: str
) -> None:
    """Insert the row, or update it when the value changed (the ORM checks its version)."""
    if row is None:
        session.add(
            UserSetting(
                user_id=user.user_id,
                key=key,
                value=value,
                created_by_id=user.user_id,
                updated_by_id=user.user_id,
            )
        )
    elif row.value != value:
        row.value = value
        row.updated_by_id = user.user_id


def _encoded(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _decoded(kind: object, raw: str) -> Any:
    """The stored text as the field's type; an unreadable text comes back as itself, which
    `validate` then refuses."""
    text = raw.strip()
    if kind == "bool":
        return {"true": True, "false": False}.get(text.lower(), raw)
    if kind == "int":
        try:
            return int(text)
        except ValueError:
            return raw
    return text
