"""Personal settings follow the user: stored per user in user_settings, validated naming the
field, unreadable values fall back to the defaults, and no user sees another's — on
PostgreSQL through each user's own login role, so row-level security takes part."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from decimal import Decimal

import pytest
from sqlalchemy import select, text, update

from app import config, preferences
from app.errors import ConflictError, ValidationError
from app.preferences import Preferences
from db.engine import make_engine, make_session_factory
from db.models.org import User, UserSetting
from tests.acting_users import acting
from tests.security_world import World

CHOSEN = Preferences(
    language="en",
    show_task_manager=False,
    show_information_manager=True,
    show_business_log=False,
    date_format="chinese",
    thousands_separator=False,
    page_size=500,
    start_module="customers",
)


pytestmark = pytest.mark.usefixtures("private_folders")


def saved_rows(world: World, username: str) -> dict[str, tuple[str | None, int]]:
    with acting(world, username) as (factory, user), factory() as session:
        rows = session.execute(
            select(UserSetting.key, UserSetting.value, UserSetting.version).where(
                UserSetting.user_id == user.user_id
            )
        )
        return {key: (value, version) for key, value, version in rows}


def test_a_new_user_gets_the_defaults(world: World) -> None:
    with acting(world, "staff_a") as (factory, staff), factory() as session:
        loaded = preferences.load_preferences(session, staff)
    assert loaded == Preferences()
    assert (loaded.language, loaded.date_format, loaded.page_size) == ("zh_CN", "iso", 200)
    assert loaded.show_task_manager and loaded.show_information_manager
    assert loaded.show_business_log and loaded.thousands_separator
    assert loaded.start_module == "none"


def test_saved_preferences_come_back_in_a_new_session(world: World) -> None:
    with acting(world, "staff_a") as (factory, staff):
        with factory.begin() as session:
            preferences.save_preferences(session, staff, CHOSEN)
        with factory() as session:
            assert preferences.load_preferences(session, staff) == CHOSEN
    rows = saved_rows(world, "staff_a")
    assert rows["preference.page_size"] == ("500", 1)
    assert rows["preference.show_task_manager"] == ("false", 1)
    assert len(rows) == len(dataclasses.fields(Preferences)), "one row per preference"


def test_saving_again_updates_only_the_changed_rows(world: World) -> None:
    with acting(world, "staff_a") as (factory, staff):
        with factory.begin() as session:
            preferences.save_preferences(session, staff, CHOSEN)
        with factory.begin() as session:
            preferences.save_preferences(session, staff, dataclasses.replace(CHOSEN, page_size=50))
    rows = saved_rows(world, "staff_a")
    assert rows["preference.page_size"] == ("50", 2)
    assert rows["preference.language"] == ("en", 1)


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"language": "fr"}, "language", "unknown_language"),
        ({"date_format": "yyyy.MM.dd"}, "date_format", "unknown_date_format"),
        ({"page_size": 49}, "page_size", "page_size_out_of_range"),
        ({"page_size": 1001}, "page_size", "page_size_out_of_range"),
        ({"page_size": True}, "page_size", "page_size_out_of_range"),
        ({"start_module": "games"}, "start_module", "unknown_start_module"),
        ({"show_business_log": "yes"}, "show_business_log", "not_yes_or_no"),
    ],
)
def test_bad_values_are_refused_naming_the_field(
    world: World, changes: dict[str, object], field: str, code: str
) -> None:
    bad = dataclasses.replace(CHOSEN, **changes)  # type: ignore[arg-type]
    with (
        acting(world, "staff_a") as (factory, staff),
        factory.begin() as session,
        pytest.raises(ValidationError) as refused,
    ):
        preferences.save_preferences(session, staff, bad)
    assert (refused.value.field, refused.value.code) == (field, code)
    assert saved_rows(world, "staff_a") == {}, "nothing of a refused save is stored"


def test_unreadable_stored_values_fall_back_to_the_defaults_and_are_logged(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    stored = {
        "preference.language": "klingon",
        "preference.page_size": "lots",
        "preference.show_task_manager": "maybe",
        "preference.date_format": "dd/MM/yyyy",
        "preference.start_module": "tasks",
        "preference.no_longer_known": "1",
    }
    with acting(world, "staff_a") as (factory, staff):
        with factory.begin() as session:
            for key, value in stored.items():
                session.add(UserSetting(user_id=staff.user_id, key=key, value=value))
        with factory() as session, caplog.at_level(logging.WARNING, "app.preferences"):
            loaded = preferences.load_preferences(session, staff)
    assert loaded == Preferences(start_module="tasks")
    warned = " ".join(record.getMessage() for record in caplog.records)
    for field in ("language", "page_size", "show_task_manager", "date_format"):
        assert field in warned


def test_the_running_or_accounts_language_holds_until_the_user_chooses(world: World) -> None:
    engine = make_engine(world.url)
    try:
        with make_session_factory(engine).begin() as session:
            session.execute(
                update(User)
                .where(User.id == world.user_id_of["staff_a"])
                .values(language="en", version=User.version + 1)
            )
    finally:
        engine.dispose()
    with acting(world, "staff_a") as (factory, staff):
        with factory() as session:
            assert preferences.load_preferences(session, staff).language == "en"
            assert preferences.load_preferences(session, staff, "zh_CN").language == "zh_CN"
        with factory.begin() as session:
            preferences.save_preferences(session, staff, Preferences(language="zh_CN"))
        with factory() as session:
            assert preferences.load_preferences(session, staff, "en").language == "zh_CN"


def test_two_users_never_see_each_others_settings(world: World) -> None:
    with acting(world, "admin") as (factory, admin), factory.begin() as session:
        preferences.save_preferences(session, admin, CHOSEN)
        preferences.save_layout(session, admin, "main_window.geometry", "AdnQywADAAA=")
    with acting(world, "staff_a") as (factory, staff):
        with factory() as session:
            assert preferences.load_preferences(session, staff) == Preferences()
            assert preferences.load_layout(session, staff, "main_window.geometry") is None
        with factory.begin() as session:
            preferences.save_preferences(session, staff, Preferences(page_size=100))
    with acting(world, "admin") as (factory, admin), factory() as session:
        assert preferences.load_preferences(session, admin) == CHOSEN


def test_on_postgresql_a_users_own_login_sees_and_changes_only_their_rows(world: World) -> None:
    if not world.is_postgresql:
        pytest.skip("row-level security is PostgreSQL's")
    with acting(world, "admin") as (factory, admin), factory.begin() as session:
        preferences.save_preferences(session, admin, CHOSEN)
    staff_engine = world.engine_as("staff_a")
    try:
        with staff_engine.begin() as connection:
            seen = connection.execute(text("SELECT count(*) FROM user_settings")).scalar()
            changed = connection.execute(
                text("UPDATE user_settings SET value = 'zh_CN' WHERE key = 'preference.language'")
            ).rowcount
    finally:
        staff_engine.dispose()
    assert (seen, changed) == (0, 0)
    with acting(world, "admin") as (factory, admin), factory() as session:
        assert preferences.load_preferences(session, admin).language == "en"


def test_a_save_over_a_change_made_meanwhile_is_a_conflict(world: World) -> None:
    with acting(world, "staff_a") as (factory, staff):
        with factory.begin() as session:
            preferences.save_preferences(session, staff, CHOSEN)
        with factory() as first:
            read = first.scalars(select(UserSetting)).all()  # read, then another PC saves
            with factory.begin() as second:
                preferences.save_preferences(
                    second, staff, dataclasses.replace(CHOSEN, page_size=300)
                )
            with pytest.raises(ConflictError):
                preferences.save_preferences(
                    first, staff, dataclasses.replace(CHOSEN, page_size=400)
                )
        with factory() as session:
            assert preferences.load_preferences(session, staff).page_size == 300
    assert len(read) == len(dataclasses.fields(Preferences))


def test_layouts_are_opaque_text_per_key(world: World) -> None:
    with acting(world, "staff_a") as (factory, staff):
        with factory.begin() as session:
            assert preferences.load_layout(session, staff, "customers.columns") is None
            preferences.save_layout(session, staff, "customers.columns", "state-1")
            preferences.save_layout(session, staff, "customers.splitter", "state-2")
        with factory.begin() as session:
            preferences.save_layout(session, staff, "customers.columns", "state-3")
        with factory() as session:
            assert preferences.load_layout(session, staff, "customers.columns") == "state-3"
            assert preferences.load_layout(session, staff, "customers.splitter") == "state-2"
            assert preferences.load_preferences(session, staff) == Preferences()
    assert saved_rows(world, "staff_a")["layout.customers.columns"] == ("state-3", 2)


@pytest.mark.parametrize(
    ("key", "value", "field", "code"),
    [
        ("", "x", "key", "layout_key_invalid"),
        ("with space", "x", "key", "layout_key_invalid"),
        ("k" * 94, "x", "key", "layout_key_invalid"),
        ("main_window.geometry", "x" * 65537, "value", "layout_too_large"),
    ],
)
def test_bad_layouts_are_refused(world: World, key: str, value: str, field: str, code: str) -> None:
    with (
        acting(world, "staff_a") as (factory, staff),
        factory.begin() as session,
        pytest.raises(ValidationError) as refused,
    ):
        preferences.save_layout(session, staff, key, value)
    assert (refused.value.field, refused.value.code) == (field, code)


def test_the_language_becomes_the_login_dialogs_next_language() -> None:
    settings = config.Settings(database="sqlite:////srv/crm.db", last_username="wang")
    assert preferences.remember_language(settings, "en")
    assert config.load_settings() == config.Settings(
        database="sqlite:////srv/crm.db", language="en", last_username="wang"
    )
    with pytest.raises(ValidationError):
        preferences.remember_language(settings, "fr")


# Formats, usable by any app/ code.


@pytest.mark.parametrize(
    ("date_format", "expected"),
    [
        ("iso", "2026-03-05"),
        ("chinese", "2026年3月5日"),
        ("day_first", "05/03/2026"),
        ("month_first", "03/05/2026"),
    ],
)
def test_dates_are_written_in_the_chosen_format(date_format: str, expected: str) -> None:
    prefs = Preferences(date_format=date_format)
    assert prefs.format_date(dt.date(2026, 3, 5)) == expected
    assert prefs.format_datetime(dt.datetime(2026, 3, 5, 9, 7)) == f"{expected} 09:07"
    assert prefs.format_date(None) == prefs.format_datetime(None) == ""


def test_a_stored_utc_time_is_shown_in_local_time() -> None:
    moment = dt.datetime(2026, 3, 5, 23, 30, tzinfo=dt.UTC)
    local = moment.astimezone()
    assert preferences.format_datetime(moment) == f"{local:%Y-%m-%d %H:%M}"
    assert preferences.format_date(moment, "chinese") == (
        f"{local.year}年{local.month}月{local.day}日"
    )


@pytest.mark.parametrize(
    ("value", "separated", "plain"),
    [
        (Decimal("1234567.125"), "1,234,567.13", "1234567.13"),
        (Decimal("-1234.5"), "-1,234.50", "-1234.50"),
        (0, "0.00", "0.00"),
        (Decimal("999.994"), "999.99", "999.99"),
    ],
)
def test_money_has_two_decimals_and_the_chosen_separator(
    value: Decimal, separated: str, plain: str
) -> None:
    assert Preferences().format_money(value) == separated
    assert Preferences(thousands_separator=False).format_money(value) == plain


def test_counts_take_the_chosen_separator() -> None:
    assert Preferences().format_number(1234567) == "1,234,567"
    assert Preferences(thousands_separator=False).format_number(1234567) == "1234567"
    assert Preferences().format_number(None) == ""
