"""Personal settings (系统设置 → 个人设置) on real databases, driven as a person would: the
saved choices are shown, OK and Apply store them for the user, a refusal shows at its field,
and only administrators see the database connection. On PostgreSQL the dialog acts as the
user's own login, so row-level security takes part."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import config, preferences
from app.auth import LoggedIn
from app.preferences import Preferences
from db.engine import make_session_factory
from tests.security_world import PASSWORD, World
from ui import i18n
from ui.dialogs.connection_dialog import FilePicker
from ui.dialogs.settings_dialog import SettingsDialog

SETTINGS_TS = i18n.I18N_DIR / "settings_zh_CN.ts"
LANGUAGE = "en"


pytestmark = pytest.mark.usefixtures("private_folders")


@pytest.fixture
def staff(world: World) -> Iterator[LoggedIn]:
    logged_in = world.login("staff_a")
    yield logged_in
    logged_in.close()


class ChosenFile(FilePicker):
    """The connection dialog's file dialog, answered by the test."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def database_file(self, _parent: object, _current: str) -> str:  # type: ignore[override]
        return str(self.path)


def settings_dialog(
    qtbot: QtBot,
    logged_in: LoggedIn,
    settings: config.Settings | None = None,
    file_picker: FilePicker | None = None,
) -> SettingsDialog:
    dialog = SettingsDialog(logged_in, LANGUAGE, settings=settings, file_picker=file_picker)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def stored(logged_in: LoggedIn) -> Preferences:
    with make_session_factory(logged_in.engine)() as session:
        return preferences.load_preferences(session, logged_in.user, LANGUAGE)


def store(logged_in: LoggedIn, prefs: Preferences) -> None:
    with make_session_factory(logged_in.engine).begin() as session:
        preferences.save_preferences(session, logged_in.user, prefs)


def test_the_dialog_shows_what_the_user_saved_before(qtbot: QtBot, staff: LoggedIn) -> None:
    saved = Preferences(
        language="zh_CN",
        show_information_manager=False,
        date_format="month_first",
        thousands_separator=False,
        page_size=350,
        start_module="tasks",
    )
    store(staff, saved)
    dialog = settings_dialog(qtbot, staff)
    assert dialog.chosen() == saved == dialog.saved()
    assert dialog.language_combo.currentText() == "简体中文"
    assert not dialog.information_manager_check.isChecked()
    assert dialog.task_manager_check.isChecked()
    assert dialog.page_size_spin.value() == 350
    assert dialog.start_module_combo.currentText() == "Tasks"
    assert dialog.number_example_label.text() == "Example: 1234567.89"
    assert not dialog.apply_button.isEnabled(), "nothing to apply yet"


def test_a_user_who_never_chose_sees_the_language_the_program_runs_in(
    qtbot: QtBot, staff: LoggedIn
) -> None:
    dialog = settings_dialog(qtbot, staff)
    assert dialog.chosen() == Preferences(language=LANGUAGE)


def test_ok_stores_the_choices_for_the_user_and_remembers_the_language_here(
    qtbot: QtBot, staff: LoggedIn
) -> None:
    settings = config.Settings(last_username="staff_a")
    dialog = settings_dialog(qtbot, staff, settings)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.date_format_combo.setCurrentIndex(dialog.date_format_combo.findData("chinese"))
    dialog.page_size_spin.setValue(500)
    dialog.business_log_check.setChecked(False)
    assert dialog.apply_button.isEnabled()
    with qtbot.waitSignal(dialog.preferences_saved) as saved:
        dialog.ok_button.click()
    expected = Preferences(
        language="zh_CN", date_format="chinese", page_size=500, show_business_log=False
    )
    assert saved.args == [expected]
    assert stored(staff) == expected
    assert not dialog.isVisible()
    assert settings.language == "zh_CN"
    assert config.load_settings().language == "zh_CN", "the next login dialog speaks Chinese"


def test_apply_stores_and_keeps_the_dialog_open_and_cancel_drops_the_rest(
    qtbot: QtBot, staff: LoggedIn
) -> None:
    dialog = settings_dialog(qtbot, staff)
    dialog.task_manager_check.setChecked(False)
    with qtbot.waitSignal(dialog.preferences_saved):
        dialog.apply_button.click()
    assert dialog.isVisible() and not dialog.apply_button.isEnabled()
    dialog.start_module_combo.setCurrentIndex(dialog.start_module_combo.findData("customers"))
    dialog.cancel_button.click()
    assert stored(staff) == Preferences(language=LANGUAGE, show_task_manager=False)


def test_the_date_example_follows_the_chosen_format(qtbot: QtBot, staff: LoggedIn) -> None:
    dialog = settings_dialog(qtbot, staff)
    dialog.date_format_combo.setCurrentIndex(dialog.date_format_combo.findData("chinese"))
    assert "年" in dialog.date_example_label.text()
    dialog.date_format_combo.setCurrentIndex(dialog.date_format_combo.findData("day_first"))
    example = dialog.date_example_label.text().removeprefix("Example: ")
    day, month, rest = example.split("/")
    assert (len(day), len(month), len(rest)) == (2, 2, len("2026 09:30"))


def test_a_refused_value_is_shown_at_its_field_and_nothing_is_stored(
    qtbot: QtBot, staff: LoggedIn
) -> None:
    dialog = settings_dialog(qtbot, staff)
    dialog.page_size_spin.setMinimum(1)
    dialog.page_size_spin.setValue(10)
    with qtbot.waitSignal(dialog.save_failed) as failed:
        dialog.ok_button.click()
    assert failed.args == ["Enter a number of rows from 50 to 1000."]
    assert dialog.field_error("page_size") == failed.args[0]
    assert dialog.isVisible(), "the form stays, with what was typed"
    assert stored(staff) == Preferences(language=LANGUAGE)
    dialog.page_size_spin.setValue(100)
    with qtbot.waitSignal(dialog.preferences_saved):
        dialog.apply_button.click()
    assert dialog.field_error("page_size") == ""


def test_staff_have_no_database_tab(qtbot: QtBot, staff: LoggedIn) -> None:
    dialog = settings_dialog(qtbot, staff)
    assert dialog.database_tab is None
    assert dialog.tabs.count() == 2


def test_an_administrator_sees_the_database_without_credentials_and_can_change_it(
    qtbot: QtBot, admin: LoggedIn, tmp_path: Path
) -> None:
    new_file = tmp_path / "other" / "training.db"
    settings = config.Settings(last_username="admin")
    dialog = settings_dialog(qtbot, admin, settings, ChosenFile(new_file))
    assert dialog.database_tab is not None and dialog.tabs.count() == 3
    shown = dialog.current_database_label.text()
    assert shown == config.without_credentials(admin.engine.url)
    assert PASSWORD not in shown and "@" not in shown
    dialog.tabs.setCurrentWidget(dialog.database_tab)
    dialog.change_database_button.click()
    connection = dialog.connection_dialog
    assert connection is not None and connection.isVisible()
    connection.local_radio.setChecked(True)
    connection.path_button.click()
    with qtbot.waitSignal(dialog.database_changed) as changed:
        connection.ok_button.click()
    assert changed.args[0].database == str(new_file)
    assert str(new_file) in dialog.next_database_label.text()
    assert config.load_settings().database == f"sqlite:///{new_file}"
    assert shown == dialog.current_database_label.text(), "this session keeps its database"


def test_the_dialog_speaks_chinese(
    qapp: QApplication, qtbot: QtBot, staff: LoggedIn, tmp_path: Path
) -> None:
    shutil.copy(SETTINGS_TS, tmp_path)
    translators = i18n.install_translators(qapp, "zh_CN", tmp_path)
    try:
        dialog = SettingsDialog(staff, "zh_CN")
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "个人设置"
        assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
            "常规",
            "快捷面板",
        ]
        assert dialog.language_note.text() == "新的语言在重新登录后生效。"
        assert dialog.start_module_combo.currentText() == "无（欢迎页）"
    finally:
        i18n.remove_translators(qapp, translators)
