"""The program's way in and out: first run on a new local database, login, main window,
change password, log in again as someone else, connection settings, exit."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from login_people import PASSWORD, add_people, audit_trail
from memory_keyring import MemoryKeyring, keyring_backend
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.engine import URL

from app import auth, config, credentials, messages
from db.engine import make_engine
from ui.application import Program
from ui.dialogs.connection_dialog import ConnectionDialog, FilePicker
from ui.dialogs.login_dialog import LoginDialog
from ui.main_window import MainWindow

TIMEOUT_MS = 30_000
NEW_PASSWORD = "Another-Passw0rd"


class FakeFilePicker(FilePicker):
    """Answers the file dialogs with fixed paths."""

    def __init__(self, database: Path, certificate: Path) -> None:
        self.database, self.certificate = database, certificate

    def database_file(self, parent: object, current: str) -> str:
        return str(self.database)

    def certificate_file(self, parent: object, current: str) -> str:
        return str(self.certificate)


pytestmark = pytest.mark.usefixtures("private_folders", "no_keyring")


@pytest.fixture
def ca_file(tmp_path: Path) -> Path:
    path = tmp_path / "certificates" / "ca.crt"
    path.parent.mkdir()
    path.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    return path


@pytest.fixture
def program(qtbot: QtBot, tmp_path: Path, ca_file: Path) -> Iterator[Program]:
    picker = FakeFilePicker(tmp_path / "elsewhere" / "training.db", ca_file)
    program = Program(config.load_settings(), file_picker=picker)
    yield program
    if program.main_window is not None:
        program.main_window.close()
    for dialog in (program.login_dialog, program.first_run_dialog):
        if dialog is not None:
            dialog.reject()


@pytest.fixture
def local_url(request: pytest.FixtureRequest) -> URL:
    """The default local database (a copy of the migrated template) with an administrator
    and a staff member."""
    path = config.default_database_path()
    path.parent.mkdir(parents=True)
    shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
    url = config.resolve_database_url()
    add_people(url, {"admin": ("admin", True), "lilei": ("staff", True)})
    return url


def log_in(
    qtbot: QtBot, dialog: LoginDialog | None, username: str, password: str, remember: bool = False
) -> None:
    assert dialog is not None and dialog.isVisible()
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    dialog.remember_check.setChecked(remember)
    with qtbot.waitSignal(dialog.user_logged_in, timeout=TIMEOUT_MS):
        dialog.login_button.click()


def shown_window(program: Program) -> MainWindow:
    assert program.main_window is not None and program.main_window.isVisible()
    return program.main_window


def test_first_run_creates_the_administrator_then_the_login_follows(
    qtbot: QtBot, program: Program
) -> None:
    program.start()
    dialog = program.first_run_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.username_edit.setText("admin")
    dialog.display_name_edit.setText("王伟")
    for password, repeated, field, code in (
        ("short", "short", "password", "password_too_short"),
        (PASSWORD, PASSWORD + "x", "repeat", "passwords_differ"),
    ):
        dialog.password_edit.setText(password)
        dialog.repeat_password_edit.setText(repeated)
        with qtbot.waitSignal(dialog.creation_failed, timeout=TIMEOUT_MS):
            dialog.ok_button.click()
        assert dialog.field_error(field) == messages.text(code, "zh_CN", minimum=8)
    dialog.repeat_password_edit.setText(PASSWORD)
    with qtbot.waitSignal(dialog.administrator_created, timeout=TIMEOUT_MS):
        dialog.ok_button.click()

    assert program.login_dialog is not None
    assert program.login_dialog.username_edit.text() == "admin"
    log_in(qtbot, program.login_dialog, "admin", PASSWORD)
    window = shown_window(program)
    assert "王伟" in window.user_label.text()
    assert "管理员" in window.user_label.text()
    assert "mediacrm.db" in window.database_label.text()


def test_cancelling_the_login_ends_the_program(
    qtbot: QtBot, program: Program, local_url: URL
) -> None:
    program.start()
    assert program.first_run_dialog is None
    assert program.login_dialog is not None
    with qtbot.waitSignal(program.finished):
        program.login_dialog.cancel_button.click()


def test_exit_logs_out_and_ends_the_program(qtbot: QtBot, program: Program, local_url: URL) -> None:
    program.start()
    log_in(qtbot, program.login_dialog, "lilei", PASSWORD)
    with qtbot.waitSignal(program.finished):
        shown_window(program).exit_action.trigger()
    assert program.logged_in is None
    assert audit_trail(local_url)[-2:] == [("LOGIN", "lilei"), ("LOGOUT", "lilei")]


def test_log_in_again_as_another_user_without_restarting(
    qtbot: QtBot, program: Program, local_url: URL
) -> None:
    program.start()
    log_in(qtbot, program.login_dialog, "admin", PASSWORD)
    first_window = shown_window(program)
    first_window.relogin_action.trigger()
    assert program.main_window is None and not first_window.isVisible()
    assert program.login_dialog is not None
    assert program.login_dialog.username_edit.text() == "admin"

    log_in(qtbot, program.login_dialog, "lilei", PASSWORD)
    window = shown_window(program)
    assert window is not first_window
    assert "李雷" in window.user_label.text() and "员工" in window.user_label.text()
    assert audit_trail(local_url)[-3:] == [
        ("LOGIN", "admin"),
        ("LOGOUT", "admin"),
        ("LOGIN", "lilei"),
    ]


def test_change_password_from_the_file_menu(qtbot: QtBot, program: Program, local_url: URL) -> None:
    with keyring_backend(MemoryKeyring()):
        program.start()
        log_in(qtbot, program.login_dialog, "lilei", PASSWORD, remember=True)
        window = shown_window(program)
        window.change_password_action.trigger()
        dialog = window.change_password_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.old_password_edit.setText("Wrong-Passw0rd")
        dialog.new_password_edit.setText(NEW_PASSWORD)
        dialog.repeat_password_edit.setText(NEW_PASSWORD)
        with qtbot.waitSignal(dialog.change_failed, timeout=TIMEOUT_MS):
            dialog.ok_button.click()
        assert dialog.field_error("old_password") == messages.text("wrong_old_password", "zh_CN")

        dialog.old_password_edit.setText(PASSWORD)
        with qtbot.waitSignal(dialog.password_changed, timeout=TIMEOUT_MS):
            dialog.ok_button.click()
        assert not dialog.isVisible()
        assert window.statusBar().currentMessage()
        assert credentials.remembered_password(local_url, "lilei") == NEW_PASSWORD
    auth.login(local_url, "lilei", NEW_PASSWORD, "").close()


def test_a_database_newer_than_the_program_is_refused_in_the_login_dialog(
    qtbot: QtBot, program: Program, local_url: URL
) -> None:
    engine = make_engine(local_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    program.start()
    assert program.login_dialog is not None
    assert program.login_dialog.message_label.text() == messages.text(
        "schema_ahead", "zh_CN", current="9999_future"
    )


def open_connection_dialog(program: Program) -> tuple[LoginDialog, ConnectionDialog]:
    """Start the program and click the login dialog's connection button."""
    program.start()
    login = program.login_dialog
    assert login is not None
    login.connection_button.click()
    dialog = login.connection_dialog
    assert dialog is not None and dialog.isVisible()
    return login, dialog


def test_connection_settings_choose_a_server_and_save_no_password(
    qtbot: QtBot, program: Program, local_url: URL, ca_file: Path
) -> None:
    login, dialog = open_connection_dialog(program)
    dialog.server_radio.setChecked(True)
    assert dialog.server_form.isEnabled() and not dialog.local_form.isEnabled()
    dialog.ok_button.click()
    assert dialog.field_error("host") == messages.text("host_required", "zh_CN")

    dialog.host_edit.setText("db.example")
    dialog.port_spin.setValue(5433)
    dialog.database_edit.setText("mediacrm")
    dialog.sslmode_combo.setCurrentIndex(dialog.sslmode_combo.findData("verify-full"))
    dialog.ca_button.click()
    dialog.ok_button.click()

    stored = json.loads(config.settings_path().read_text(encoding="utf-8"))
    assert config.server_address(config.parse_database_url(stored["database"])) == (
        config.ServerAddress("db.example", "mediacrm", 5433, "verify-full", str(ca_file))
    )
    assert "password" not in json.dumps(stored).lower()
    assert program.login_dialog is not None and program.login_dialog is not login
    assert "db.example:5433/mediacrm" in program.login_dialog.database_label.text()


def test_connection_settings_choose_a_new_local_file(
    qtbot: QtBot, program: Program, local_url: URL, tmp_path: Path
) -> None:
    _login, dialog = open_connection_dialog(program)
    dialog.path_button.click()
    dialog.ok_button.click()
    # A new file: created, migrated, and it needs its first administrator.
    assert (tmp_path / "elsewhere" / "training.db").exists()
    assert program.first_run_dialog is not None and program.first_run_dialog.isVisible()
