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
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from app import login_flow
from ui import background
from ui.widgets.fields import password_edit
from ui.widgets.form_feedback import FieldErrors, add_dialog_footer


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
        self.busy_bar, self.ok_button, self.cancel_button = add_dialog_footer(
            layout,
            self._field_errors,
            QCoreApplication.translate("FirstRunDialog", "Create administrator"),
            QCoreApplication.translate("FirstRunDialog", "Cancel"),
        )
        self.setMinimumWidth(460)

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.username_edit = QLineEdit()
        self.display_name_edit = QLineEdit()
        self.password_edit = password_edit()
        self.repeat_password_edit = password_edit()
        translate = QCoreApplication.translate
        self._field_errors.add_rows(
            form,
            (
                (translate("FirstRunDialog", "User name:"), "username", self.username_edit),
                (translate("FirstRunDialog", "Display name:"), "name", self.display_name_edit),
                (translate("FirstRunDialog", "Password:"), "password", self.password_edit),
                (
                    translate("FirstRunDialog", "Password again:"),
                    "repeat",
                    self.repeat_password_edit,
                ),
            ),
        )
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
