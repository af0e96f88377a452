"""Change password (修改密码): the current password, then the new one twice."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from app import login_flow
from app.auth import LoggedIn
from ui import background
from ui.widgets.fields import password_edit
from ui.widgets.form_feedback import FieldErrors, add_dialog_footer


class ChangePasswordDialog(QDialog):
    password_changed = Signal()
    change_failed = Signal(str)  # the message shown

    def __init__(self, logged_in: LoggedIn, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._logged_in = logged_in
        self._language = language
        self._field_errors = FieldErrors(self)
        self._worker: background.WorkerSignals | None = None
        self.setWindowTitle(QCoreApplication.translate("ChangePasswordDialog", "Change password"))
        self._build()
        self.ok_button.clicked.connect(self._on_ok_button_clicked)
        self.cancel_button.clicked.connect(self.reject)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.old_password_edit = password_edit()
        self.new_password_edit = password_edit()
        self.repeat_password_edit = password_edit()
        translate = QCoreApplication.translate
        rows = (
            (
                translate("ChangePasswordDialog", "Current password:"),
                "old_password",
                self.old_password_edit,
            ),
            (
                translate("ChangePasswordDialog", "New password:"),
                "password",
                self.new_password_edit,
            ),
            (
                translate("ChangePasswordDialog", "New password again:"),
                "repeat",
                self.repeat_password_edit,
            ),
        )
        self._field_errors.add_rows(form, rows)
        layout.addLayout(form)
        self.message_label = self._field_errors.general
        self.busy_bar, self.ok_button, self.cancel_button = add_dialog_footer(
            layout,
            self._field_errors,
            translate("ChangePasswordDialog", "Change password"),
            translate("ChangePasswordDialog", "Cancel"),
        )
        self.setMinimumWidth(400)

    def field_error(self, field: str) -> str:
        return self._field_errors.text(field)

    def _on_ok_button_clicked(self) -> None:
        self._field_errors.clear()
        self._set_busy(True)
        change = partial(
            login_flow.change_own_password,
            self._logged_in,
            self.old_password_edit.text(),
            self.new_password_edit.text(),
            self.repeat_password_edit.text(),
        )
        self._worker = background.start(
            change, self._on_change_worker_succeeded, self._on_change_worker_failed
        )

    def _on_change_worker_succeeded(self, _result: None) -> None:
        self._set_busy(False)
        self.password_changed.emit()
        self.accept()

    def _on_change_worker_failed(self, error: Exception) -> None:
        self._set_busy(False)
        message = self._field_errors.show_error(error, self._language)
        self.change_failed.emit(message)

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        for widget in (
            self.old_password_edit,
            self.new_password_edit,
            self.repeat_password_edit,
            self.ok_button,
        ):
            widget.setEnabled(not busy)
