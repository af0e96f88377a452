"""First run on a local database: create the first administrator, then log in.

There is no built-in account with a default password anywhere; whoever installs the program
chooses the administrator's name and password here. Errors are shown at their field.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
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

from app import login_flow
from ui import background
from ui.widgets.form_feedback import FieldErrors, busy_bar


class FirstRunDialog(QDialog):
    administrator_created = Signal(str)  # the administrator's user name
    creation_failed = Signal(str)  # the message shown

    def __init__(self, url: URL, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._url = url
        self._language = language
        self._field_errors = FieldErrors(self)
        self._worker: background.WorkerSignals | None = None
        self.setWindowTitle(QCoreApplication.translate("FirstRunDialog", "Welcome to MediaCRM"))
        self._build()
        self.ok_button.clicked.connect(self._on_ok_button_clicked)
        self.cancel_button.clicked.connect(self.reject)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "FirstRunDialog",
                "This computer's database has no administrator yet. Create the first "
                "administrator account now; you will log in with it next.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._build_form())
        self.message_label = self._field_errors.general
        layout.addWidget(self.message_label)
        self.busy_bar = busy_bar()
        layout.addWidget(self.busy_bar)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.ok_button = QPushButton(
            QCoreApplication.translate("FirstRunDialog", "Create administrator")
        )
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(QCoreApplication.translate("FirstRunDialog", "Cancel"))
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.username_edit = QLineEdit()
        self.display_name_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.repeat_password_edit = QLineEdit()
        for edit in (self.password_edit, self.repeat_password_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        translate = QCoreApplication.translate
        rows = (
            (translate("FirstRunDialog", "User name:"), self.username_edit, "username"),
            (translate("FirstRunDialog", "Display name:"), self.display_name_edit, "name"),
            (translate("FirstRunDialog", "Password:"), self.password_edit, "password"),
            (translate("FirstRunDialog", "Password again:"), self.repeat_password_edit, "repeat"),
        )
        for label, edit, field in rows:
            form.addRow(label, edit)
            form.addRow("", self._field_errors.add(field, edit))
        self.username_edit.setPlaceholderText(
            translate("FirstRunDialog", "lower-case letters and digits, e.g. admin")
        )
        self.password_edit.setPlaceholderText(translate("FirstRunDialog", "at least 8 characters"))
        return form

    def field_error(self, field: str) -> str:
        return self._field_errors.text(field)

    def _on_ok_button_clicked(self) -> None:
        self._field_errors.clear()
        self._set_busy(True)
        create = partial(
            login_flow.create_first_administrator,
            self._url,
            self.username_edit.text(),
            self.password_edit.text(),
            self.repeat_password_edit.text(),
            self.display_name_edit.text().strip() or None,
        )
        self._worker = background.start(
            create, self._on_create_worker_succeeded, self._on_create_worker_failed
        )

    def _on_create_worker_succeeded(self, _user_id: int) -> None:
        self._set_busy(False)
        self.administrator_created.emit(self.username_edit.text().strip())
        self.accept()

    def _on_create_worker_failed(self, error: Exception) -> None:
        self._set_busy(False)
        message = self._field_errors.show_error(error, self._language)
        self.creation_failed.emit(message)

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        for widget in (
            self.username_edit,
            self.display_name_edit,
            self.password_edit,
            self.repeat_password_edit,
            self.ok_button,
        ):
            widget.setEnabled(not busy)
