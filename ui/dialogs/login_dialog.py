"""The login dialog (SPEC §3.1): user name, password, "remember me", and the connection.

The login runs in the background (a server that does not answer takes the 10 s connect
timeout); the dialog shows a busy bar and stays responsive meanwhile. Every refusal is shown
inside the dialog in the user's language.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from app import auth, config, credentials, login_flow
from app.auth import LoggedIn
from app.errors import ValidationError
from ui import background
from ui.dialogs.connection_dialog import ConnectionDialog, FilePicker, describe_connection
from ui.errors import error_text
from ui.widgets.fields import password_edit
from ui.widgets.form_feedback import busy_bar, error_label

log = logging.getLogger(__name__)

HINT_STYLE = "color: #666666;"


class LoginDialog(QDialog):
    user_logged_in = Signal(object)  # LoggedIn
    login_failed = Signal(str)  # the message shown
    connection_changed = Signal(object)  # the URL chosen in the connection dialog

    def __init__(
        self,
        settings: config.Settings,
        url: URL | None,
        problem: str | None = None,
        file_picker: FilePicker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._url = url
        self._file_picker = file_picker
        self._worker: background.WorkerSignals | None = None
        self._cancelled = False
        self._can_remember = credentials.available()
        self.logged_in: LoggedIn | None = None
        self.connection_dialog: ConnectionDialog | None = None
        self.setWindowTitle(QCoreApplication.translate("LoginDialog", "Log in — MediaCRM"))
        self._build()
        self._fill_in_remembered_login()
        if problem:
            self._show_message(problem)
        self.login_button.clicked.connect(self._on_login_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.connection_button.clicked.connect(self._on_connection_button_clicked)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(
            QCoreApplication.translate("LoginDialog", "MediaCRM customer relationship management")
        )
        title_font = QFont(title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        title.setFont(title_font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        layout.addLayout(self._build_form())
        self.message_label = error_label(self)
        layout.addWidget(self.message_label)
        self.busy_bar = busy_bar()
        layout.addWidget(self.busy_bar)
        layout.addLayout(self._build_buttons())
        self.setMinimumWidth(480)

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.username_edit = QLineEdit()
        self.password_edit = password_edit()
        self.remember_check = QCheckBox(
            QCoreApplication.translate("LoginDialog", "Remember password")
        )
        self.remember_note_label = QLabel()
        self.remember_note_label.setStyleSheet(HINT_STYLE)
        self.remember_note_label.setWordWrap(True)
        self.remember_note_label.hide()
        self.database_label = QLabel(describe_connection(self._url))
        self.database_label.setStyleSheet(HINT_STYLE)
        self.database_label.setWordWrap(True)
        form.addRow(QCoreApplication.translate("LoginDialog", "User name:"), self.username_edit)
        form.addRow(QCoreApplication.translate("LoginDialog", "Password:"), self.password_edit)
        form.addRow("", self.remember_check)
        form.addRow("", self.remember_note_label)
        form.addRow(QCoreApplication.translate("LoginDialog", "Database:"), self.database_label)
        return form

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.connection_button = QPushButton(
            QCoreApplication.translate("LoginDialog", "Connection…")
        )
        self.login_button = QPushButton(QCoreApplication.translate("LoginDialog", "Log in"))
        self.login_button.setDefault(True)
        self.cancel_button = QPushButton(QCoreApplication.translate("LoginDialog", "Cancel"))
        buttons.addWidget(self.connection_button)
        buttons.addStretch()
        buttons.addWidget(self.login_button)
        buttons.addWidget(self.cancel_button)
        return buttons

    def _fill_in_remembered_login(self) -> None:
        username = self._settings.last_username or ""
        self.username_edit.setText(username)
        if not self._can_remember:
            self._disable_remember_me()
        elif self._url is not None and username:
            password = credentials.remembered_password(self._url, username)
            if password is not None:
                self.password_edit.setText(password)
                self.remember_check.setChecked(True)
        focus = self.password_edit if username else self.username_edit
        focus.setFocus()

    def _disable_remember_me(self) -> None:
        # Never a plain-text fallback: without a keyring, nothing is remembered.
        note = QCoreApplication.translate(
            "LoginDialog",
            "Remembering the password is unavailable: this computer has no password store "
            "(keyring).",
        )
        self.remember_check.setEnabled(False)
        self.remember_check.setToolTip(note)
        self.remember_note_label.setText(note)
        self.remember_note_label.show()

    def _on_connection_button_clicked(self) -> None:
        self.connection_dialog = ConnectionDialog(
            self._settings, self._url, self._file_picker, parent=self
        )
        self.connection_dialog.connection_saved.connect(self._on_connection_dialog_saved)
        self.connection_dialog.open()

    def _on_connection_dialog_saved(self, url: URL) -> None:
        self._url = url
        self.database_label.setText(describe_connection(url))
        self.connection_changed.emit(url)

    def _on_login_button_clicked(self) -> None:
        if self._url is None:
            self._show_message(
                QCoreApplication.translate(
                    "LoginDialog", "Choose the database first (Connection…)."
                )
            )
            return
        self._show_message("")
        self._set_busy(True)
        login = partial(
            auth.login,
            self._url,
            self.username_edit.text(),
            self.password_edit.text(),
            login_flow.upgrade_command(self._url),
        )
        self._worker = background.start(
            login, self._on_login_worker_succeeded, self._on_login_worker_failed
        )

    def _on_login_worker_succeeded(self, logged_in: LoggedIn) -> None:
        self._set_busy(False)
        if self._cancelled:
            login_flow.log_out(logged_in)
            return
        self._keep_login(logged_in.user.username)
        self.logged_in = logged_in
        self.user_logged_in.emit(logged_in)
        self.accept()

    def _keep_login(self, username: str) -> None:
        """Remember (or forget) the password as asked, and the user name for next time."""
        assert self._url is not None
        if self.remember_check.isChecked():
            credentials.remember_password(self._url, username, self.password_edit.text())
        else:
            credentials.forget_password(self._url, username)
        self._settings.last_username = username
        try:
            config.save_settings(self._settings)
        except OSError:
            log.warning("could not save the settings file", exc_info=True)

    def _on_login_worker_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if self._cancelled:
            return
        message = error_text(error, self._settings.language)
        self._show_message(message)
        field = error.field if isinstance(error, ValidationError) else "password"
        edit = self.username_edit if field == "username" else self.password_edit
        edit.setFocus()
        edit.selectAll()
        self.login_failed.emit(message)

    @property
    def is_busy(self) -> bool:
        """Whether a login is running."""
        return not self.busy_bar.isHidden()

    def reject(self) -> None:
        # A login still running is abandoned; its result, if any, is closed on arrival.
        self._cancelled = self.is_busy
        super().reject()

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        for widget in (
            self.username_edit,
            self.password_edit,
            self.login_button,
            self.connection_button,
        ):
            widget.setEnabled(not busy)
        self.remember_check.setEnabled(not busy and self._can_remember)

    def _show_message(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.setVisible(bool(message))
