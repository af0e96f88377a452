"""Security tools → Users: the accounts, adding one, and for the chosen one a new role, a new
password, or disabling it. The services check that the acting user is an administrator."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import accounts, roles, users
from app.auth import LoggedIn
from app.users import UserRow
from db.engine import make_session_factory
from ui.models.user_model import UserTableModel
from ui.security_labels import fill
from ui.widgets.fields import password_edit
from ui.widgets.form_feedback import FieldErrors, run_change
from ui.widgets.prompter import Prompter
from ui.widgets.tables import record_table_view

translate = QCoreApplication.translate


class UsersTab(QWidget):
    user_added = Signal(int)
    user_changed = Signal(str)  # username
    action_failed = Signal(str)

    def __init__(self, logged_in: LoggedIn, language: str, prompter: Prompter) -> None:
        super().__init__()
        self._user = logged_in.user
        self._sessions = make_session_factory(logged_in.engine)
        self._language = language
        self._prompter = prompter
        self.model = UserTableModel(self)
        self._add_errors = FieldErrors(self)
        self._selected_errors = FieldErrors(self)
        layout = QHBoxLayout(self)
        self.user_view = record_table_view()
        self.user_view.setModel(self.model)
        layout.addWidget(self.user_view, 3)
        side = QVBoxLayout()
        side.addWidget(self._build_add_box())
        side.addWidget(self._build_selected_box())
        side.addStretch()
        layout.addLayout(side, 2)
        self.user_view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.reload()

    def _build_add_box(self) -> QGroupBox:
        box = QGroupBox(translate("UsersTab", "Add user"))
        form = QFormLayout(box)
        self.username_edit = QLineEdit()
        self.display_name_edit = QLineEdit()
        self.department_combo = QComboBox()
        self.role_combo = QComboBox()
        self.password_edit = password_edit()
        self.repeat_password_edit = password_edit()
        self._add_errors.add_rows(
            form,
            (
                (translate("UsersTab", "User name:"), "username", self.username_edit),
                (translate("UsersTab", "Name:"), "display_name", self.display_name_edit),
                (translate("UsersTab", "Department:"), "department", self.department_combo),
                (translate("UsersTab", "Role:"), "role", self.role_combo),
                (translate("UsersTab", "Password:"), "password", self.password_edit),
                (translate("UsersTab", "Password again:"), "repeat", self.repeat_password_edit),
            ),
        )
        form.addRow(self._add_errors.general)
        self.add_user_button = QPushButton(translate("UsersTab", "Add user"))
        self.add_user_button.clicked.connect(self._on_add_user_button_clicked)
        form.addRow("", self.add_user_button)
        return box

    def _build_selected_box(self) -> QGroupBox:
        self.selected_box = QGroupBox(translate("UsersTab", "Selected user"))
        form = QFormLayout(self.selected_box)
        self.selected_role_combo = QComboBox()
        self.change_role_button = QPushButton(translate("UsersTab", "Change role"))
        row = QHBoxLayout()
        row.addWidget(self.selected_role_combo, 1)
        row.addWidget(self.change_role_button)
        form.addRow(translate("UsersTab", "Role:"), row)
        form.addRow("", self._selected_errors.add("role", self.selected_role_combo))
        self.new_password_edit = password_edit()
        self.new_repeat_edit = password_edit()
        self._selected_errors.add_rows(
            form,
            (
                (translate("UsersTab", "New password:"), "password", self.new_password_edit),
                (translate("UsersTab", "New password again:"), "repeat", self.new_repeat_edit),
            ),
        )
        self.reset_password_button = QPushButton(translate("UsersTab", "Reset password"))
        self.enable_button = QPushButton(translate("UsersTab", "Disable"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_password_button)
        buttons.addWidget(self.enable_button)
        buttons.addStretch()
        form.addRow(buttons)
        form.addRow(self._selected_errors.general)
        self.change_role_button.clicked.connect(self._on_change_role_button_clicked)
        self.reset_password_button.clicked.connect(self._on_reset_password_button_clicked)
        self.enable_button.clicked.connect(self._on_enable_button_clicked)
        self.selected_box.setEnabled(False)
        return self.selected_box

    # Loading.
    def reload(self) -> None:
        with self._sessions() as session:
            rows = users.list_users(session, self._language)
            departments = users.list_departments(session)
            role_rows = roles.list_roles(session)
        self.model.set_rows(rows)
        self.department_combo.clear()
        for department in departments:
            self.department_combo.addItem(department.path, department.id)
        for combo in (self.role_combo, self.selected_role_combo):
            combo.clear()
            for role in role_rows:
                combo.addItem(role.name(self._language), role.key)
        # A new account starts with the least: the role is raised on purpose, never by default.
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(roles.LEAST_ROLE), 0))
        self._on_selection_changed()

    def add_error(self, field: str) -> str:
        """The message shown at a field of the add-user form ("" when none)."""
        return self._add_errors.text(field)

    def selected(self) -> UserRow | None:
        rows = self.user_view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_user(self, username: str) -> None:
        for number, row in enumerate(self.model.rows()):
            if row.username == username:
                self.user_view.selectRow(number)

    def _on_selection_changed(self, *_args: object) -> None:
        row = self.selected()
        self._selected_errors.clear()
        self.selected_box.setEnabled(row is not None)
        if row is None:
            return
        self.selected_box.setTitle(fill(translate("UsersTab", "Selected user: %1"), row.username))
        self.selected_role_combo.setCurrentIndex(self.selected_role_combo.findData(row.role_key))
        self.enable_button.setText(
            translate("UsersTab", "Disable") if row.enabled else translate("UsersTab", "Enable")
        )

    # Actions.
    def _run(self, errors: FieldErrors, action: Callable[[Session], object]) -> tuple[bool, object]:
        """Run one change in its own transaction: (True, its result), or (False, None) after
        showing an expected refusal at its field."""
        done, result, message = run_change(self._sessions, errors, self._language, action)
        if not done:
            self.action_failed.emit(message)
        return done, result

    def _on_add_user_button_clicked(self) -> None:
        username = self.username_edit.text()
        added, new_id = self._run(
            self._add_errors,
            lambda session: accounts.add_user(
                session,
                self._user,
                username,
                self.display_name_edit.text(),
                self.department_combo.currentData(),
                self.role_combo.currentData(),
                self.password_edit.text(),
                self.repeat_password_edit.text(),
            ),
        )
        if added and isinstance(new_id, int):
            for edit in (self.username_edit, self.display_name_edit):
                edit.clear()
            self.password_edit.clear()
            self.repeat_password_edit.clear()
            self.reload()
            self.select_user(username.strip())
            self.user_added.emit(new_id)

    def _on_change_role_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        role = self.selected_role_combo.currentData()
        self._after(row, lambda s: accounts.set_role(s, self._user, row.username, role))

    def _on_reset_password_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        password, repeated = self.new_password_edit.text(), self.new_repeat_edit.text()
        self._after(
            row, lambda s: accounts.reset_password(s, self._user, row.username, password, repeated)
        )

    def _on_enable_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.enabled:
            question = fill(
                translate("UsersTab", "Disable the account %1? It can no longer log in."),
                row.username,
            )
            if not self._prompter.confirm(self, translate("UsersTab", "Disable user"), question):
                return
        self._after(
            row, lambda s: accounts.set_enabled(s, self._user, row.username, not row.enabled)
        )

    def _after(self, row: UserRow, action: Callable[[Session], None]) -> None:
        """Run a change of the selected account, then show the list as it is now."""
        done, _ = self._run(self._selected_errors, action)
        if not done:
            return
        self.new_password_edit.clear()
        self.new_repeat_edit.clear()
        self.reload()
        self.select_user(row.username)
        self.user_changed.emit(row.username)
