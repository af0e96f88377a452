"""Screenshot scenes of the way in: login, its refusal, connection settings, first run, the
main window after login, and changing the password (see ui/screenshots.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from sqlalchemy.engine import URL

from ui.dialogs.change_password_dialog import ChangePasswordDialog
from ui.dialogs.connection_dialog import ConnectionDialog
from ui.dialogs.first_run_dialog import FirstRunDialog
from ui.dialogs.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.screenshots import ScreenshotContext

EXAMPLE_SERVER = URL.create(
    "postgresql+psycopg",
    host="crm-db.example.com",
    port=5432,
    database="mediacrm",
    query={"sslmode": "verify-full", "sslrootcert": "/etc/mediacrm/company-ca.crt"},
)
MAIN_WINDOW_SIZE = (1280, 800)


def login(context: ScreenshotContext) -> QWidget:
    return LoginDialog(context.settings(), context.url)


def login_refused(context: ScreenshotContext) -> QWidget:
    dialog = LoginDialog(context.settings(), context.url)
    dialog.password_edit.setText("not-the-password")
    dialog.login_button.click()
    context.wait_for(dialog.login_failed)
    return dialog


def connection(context: ScreenshotContext) -> QWidget:
    return ConnectionDialog(context.settings(), EXAMPLE_SERVER)


def first_run(context: ScreenshotContext) -> QWidget:
    dialog = FirstRunDialog(context.url, context.language)
    dialog.username_edit.setText("admin")
    dialog.display_name_edit.setText("王伟")
    dialog.password_edit.setText("Demo-Passw0rd")
    dialog.repeat_password_edit.setText("Demo-Passw0rb")
    dialog.ok_button.click()
    context.wait_for(dialog.creation_failed)
    return dialog


def main_window(context: ScreenshotContext) -> QWidget:
    window = MainWindow(context.login(), context.language)
    window.resize(*MAIN_WINDOW_SIZE)
    return window


def change_password(context: ScreenshotContext) -> QWidget:
    return ChangePasswordDialog(context.login(), context.language)


SCENES: list[tuple[str, Callable[[ScreenshotContext], QWidget]]] = [
    ("login", login),
    ("login_refused", login_refused),
    ("connection", connection),
    ("first_run", first_run),
    ("main_window", main_window),
    ("change_password", change_password),
]
