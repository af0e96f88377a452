"""Starting the program: settings, the local database, first run, login, main window.

`Program` leads through these steps without blocking: each window is shown, not exec()'d, and
the next step starts from its signal. So "log in again" and a new connection go round again
without restarting the process, and tests can drive every step.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy.engine import URL

from app import config, login_flow, preferences
from app.auth import LoggedIn
from app.errors import MediaCrmError
from db.engine import make_session_factory
from ui import fonts, i18n
from ui.dialogs.connection_dialog import FilePicker
from ui.dialogs.first_run_dialog import FirstRunDialog
from ui.dialogs.login_dialog import LoginDialog
from ui.errors import error_text
from ui.logging_setup import configure_logging
from ui.main_window import MainWindow

log = logging.getLogger(__name__)


class Program(QObject):
    finished = Signal()  # the user cancelled the login or closed the main window

    def __init__(
        self,
        settings: config.Settings,
        file_picker: FilePicker | None = None,
        translators: list[QTranslator] | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self._translators = translators if translators is not None else []
        self._file_picker = file_picker
        self.url: URL | None = None
        self.first_run_dialog: FirstRunDialog | None = None
        self.login_dialog: LoginDialog | None = None
        self.main_window: MainWindow | None = None
        self.logged_in: LoggedIn | None = None

    def start(self) -> None:
        try:
            url = config.resolve_database_url(None)
        except MediaCrmError as exc:
            self._show_login(None, error_text(exc, self.settings.language))
            return
        self._open(url)

    def _open(self, url: URL) -> None:
        """Make the database ready, then the first administrator if it has none, then login."""
        self.url = url
        try:
            needs_administrator = login_flow.prepare_database(url)
        except MediaCrmError as exc:
            # Shown in the login dialog, whose Connection… button lets the user fix it.
            self._show_login(url, error_text(exc, self.settings.language))
            return
        if needs_administrator:
            self._show_first_run(url)
        else:
            self._show_login(url)

    def _show_first_run(self, url: URL) -> None:
        dialog = FirstRunDialog(url, self.settings.language)
        dialog.administrator_created.connect(self._on_first_run_dialog_administrator_created)
        dialog.rejected.connect(self.finished)
        self.first_run_dialog = dialog
        dialog.show()

    def _on_first_run_dialog_administrator_created(self, username: str) -> None:
        _discard(self.first_run_dialog)
        self.first_run_dialog = None
        self.settings.last_username = username
        self._show_login(self.url)

    def _show_login(self, url: URL | None, problem: str | None = None) -> None:
        dialog = LoginDialog(self.settings, url, problem, self._file_picker)
        dialog.user_logged_in.connect(self._on_login_dialog_user_logged_in)
        dialog.connection_changed.connect(self._on_login_dialog_connection_changed)
        dialog.rejected.connect(self.finished)
        self.login_dialog = dialog
        dialog.show()

    def _on_login_dialog_connection_changed(self, url: URL) -> None:
        _discard(self.login_dialog)
        self.login_dialog = None
        self._open(url)

    def _on_login_dialog_user_logged_in(self, logged_in: LoggedIn) -> None:
        _discard(self.login_dialog)
        self.login_dialog = None
        self.logged_in = logged_in
        self._follow_users_language(logged_in)
        window = MainWindow(logged_in, self.settings.language, settings=self.settings)
        window.relogin_requested.connect(self._on_main_window_relogin_requested)
        window.closed.connect(self._on_main_window_closed)
        self.main_window = window
        window.show()

    def _follow_users_language(self, logged_in: LoggedIn) -> None:
        """The language the user chose, on whichever PC: it becomes this PC's (for the next
        login dialog too) and the screens' from the main window on."""
        try:
            with make_session_factory(logged_in.engine)() as session:
                language = preferences.load_preferences(
                    session, logged_in.user, self.settings.language
                ).language
        except MediaCrmError as exc:
            log.warning("cannot read the user's language: %s", exc)
            return
        if language == self.settings.language:
            return
        preferences.remember_language(self.settings, language)
        self.settings.language = language
        application = QCoreApplication.instance()
        if application is not None:
            i18n.remove_translators(application, self._translators)
            self._translators[:] = i18n.install_translators(application, language)

    def _on_main_window_relogin_requested(self) -> None:
        _discard(self.main_window)
        self.main_window = None
        self._log_out()
        self._show_login(self.url)

    def _on_main_window_closed(self) -> None:
        self.main_window = None
        self._log_out()
        self.finished.emit()

    def _log_out(self) -> None:
        if self.logged_in is not None:
            login_flow.log_out(self.logged_in)
            self.logged_in = None


def _discard(widget: QWidget | None) -> None:
    """Close a window the program has moved on from, without it reporting "rejected" or
    "closed" (which would end the program)."""
    if widget is None:
        return
    widget.blockSignals(True)
    widget.close()
    widget.deleteLater()


def run(argv: Sequence[str]) -> int:
    configure_logging()
    app = QApplication([sys.argv[0], *argv])
    app.setApplicationName(config.APP_NAME)
    # Between the login dialog and the main window no window is open; Program says when to end.
    app.setQuitOnLastWindowClosed(False)
    settings = config.load_settings()
    translators = i18n.install_translators(app, settings.language)
    fonts.use_cjk_font(app)
    program = Program(settings, translators=translators)
    program.finished.connect(app.quit)
    program.start()
    return app.exec()
