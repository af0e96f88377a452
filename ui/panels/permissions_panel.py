"""Permission management (权限管理): roles against functions and data scopes, a user's
effective permissions, and why a user can (or cannot) see a record — one screen.

Everyone may look at the roles; only holders of `security` `admin` edit them (the matrix is
read-only otherwise). A user's permissions and the explanations are for reviewers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import roles
from app.auth import LoggedIn
from app.roles import RoleRow
from db.engine import make_session_factory
from db.permissions import OWNED_TABLES, SCOPES
from ui.models.permission_models import PermissionMatrixModel, RoleTableModel
from ui.panels.user_permission_tabs import EffectiveTab, ExplainTab
from ui.security_labels import fill, scope_text, table_text
from ui.widgets.form_feedback import FieldErrors, run_change
from ui.widgets.prompter import MessageBoxPrompter, Prompter

translate = QCoreApplication.translate


def table_view() -> QTableView:
    view = QTableView()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class PermissionsPanel(QWidget):
    def __init__(
        self,
        logged_in: LoggedIn,
        language: str,
        prompter: Prompter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.roles_tab = RolesTab(logged_in, language, prompter or MessageBoxPrompter())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.roles_tab, translate("PermissionsPanel", "Roles and permissions"))
        self.effective_tab: EffectiveTab | None = None
        self.explain_tab: ExplainTab | None = None
        if roles.may_review_permissions(logged_in.user):
            self.effective_tab = EffectiveTab(logged_in, language)
            self.explain_tab = ExplainTab(logged_in, language)
            self.tabs.addTab(
                self.effective_tab, translate("PermissionsPanel", "A user's permissions")
            )
            self.tabs.addTab(
                self.explain_tab, translate("PermissionsPanel", "Why can a user see a record?")
            )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)


class RolesTab(QWidget):
    permissions_saved = Signal(int)  # role id
    roles_changed = Signal()
    action_failed = Signal(str)

    def __init__(self, logged_in: LoggedIn, language: str, prompter: Prompter) -> None:
        super().__init__()
        self._user = logged_in.user
        self._sessions = make_session_factory(logged_in.engine)
        self._language = language
        self._prompter = prompter
        self._editable = roles.may_manage_roles(self._user)
        self._role: RoleRow | None = None
        self.role_model = RoleTableModel(language, self)
        self.matrix_model = PermissionMatrixModel(self)
        self._errors = FieldErrors(self)
        splitter = QSplitter()
        splitter.addWidget(self._build_roles())
        splitter.addWidget(self._build_permissions())
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.role_view.selectionModel().selectionChanged.connect(self._on_role_selection_changed)
        self.reload()

    def _build_roles(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.role_view = table_view()
        self.role_view.setModel(self.role_model)
        self.role_view.verticalHeader().hide()
        layout.addWidget(self.role_view)
        edit = QGroupBox(translate("RolesTab", "Role"))
        form = QFormLayout(edit)
        self.key_edit = QLineEdit()
        self.name_zh_edit = QLineEdit()
        self.name_en_edit = QLineEdit()
        for label, field, widget in (
            (translate("RolesTab", "Key:"), "key", self.key_edit),
            (translate("RolesTab", "Chinese name:"), "name_zh", self.name_zh_edit),
            (translate("RolesTab", "English name:"), "name_en", self.name_en_edit),
        ):
            form.addRow(label, widget)
            form.addRow("", self._errors.add(field, widget))
        self.new_role_button = QPushButton(translate("RolesTab", "New role from selected"))
        self.rename_role_button = QPushButton(translate("RolesTab", "Rename"))
        self.delete_role_button = QPushButton(translate("RolesTab", "Delete"))
        buttons = QHBoxLayout()
        for button in (self.new_role_button, self.rename_role_button, self.delete_role_button):
            buttons.addWidget(button)
            button.setVisible(self._editable)
        form.addRow(buttons)
        edit.setVisible(self._editable)
        layout.addWidget(edit)
        self.new_role_button.clicked.connect(self._on_new_role_button_clicked)
        self.rename_role_button.clicked.connect(self._on_rename_role_button_clicked)
        self.delete_role_button.clicked.connect(self._on_delete_role_button_clicked)
        return box

    def _build_permissions(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        functions = QGroupBox(translate("RolesTab", "Function permissions"))
        QVBoxLayout(functions).addWidget(self._matrix_view())
        layout.addWidget(functions, 3)
        scopes = QGroupBox(translate("RolesTab", "Data permissions: which records the role sees"))
        grid = QGridLayout(scopes)
        self.scope_combos: dict[str, QComboBox] = {}
        for number, kind in enumerate(OWNED_TABLES):
            combo = QComboBox()
            for scope in SCOPES:
                combo.addItem(scope_text(scope), scope)
            combo.setEnabled(self._editable)
            self.scope_combos[kind] = combo
            row, column = divmod(number, 3)
            grid.addWidget(QLabel(table_text(kind, self._language)), row, column * 2)
            grid.addWidget(combo, row, column * 2 + 1)
        layout.addWidget(scopes, 2)
        layout.addWidget(self._errors.general)
        self.save_permissions_button = QPushButton(translate("RolesTab", "Save permissions"))
        self.save_permissions_button.setVisible(self._editable)
        self.save_permissions_button.clicked.connect(self._on_save_permissions_button_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.save_permissions_button)
        layout.addLayout(buttons)
        return box

    def _matrix_view(self) -> QTableView:
        self.matrix_view = QTableView()
        self.matrix_view.setModel(self.matrix_model)
        header = self.matrix_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        return self.matrix_view

    # Loading.
    def reload(self, select: int | None = None) -> None:
        chosen = select if select is not None else (self._role.id if self._role else None)
        with self._sessions() as session:
            self.role_model.set_rows(roles.list_roles(session))
        number = self.role_model.row_of_id(chosen) if chosen is not None else None
        self.role_view.selectRow(number if number is not None else 0)

    def select_role(self, key: str) -> None:
        for number, row in enumerate(self.role_model.rows()):
            if row.key == key:
                self.role_view.selectRow(number)

    def _on_role_selection_changed(self, *_args: object) -> None:
        rows = self.role_view.selectionModel().selectedRows()
        self._role = self.role_model.row_at(rows[0].row()) if rows else None
        self._errors.clear()
        if self._role is None:
            self.matrix_model.set_functions(frozenset(), editable=False)
            return
        with self._sessions() as session:
            permissions = roles.role_permissions(session, self._role.id)
        self.matrix_model.set_functions(permissions.functions, editable=self._editable)
        for kind, combo in self.scope_combos.items():
            combo.setCurrentIndex(combo.findData(permissions.scopes[kind]))
        self.key_edit.setText(self._role.key)
        self.name_zh_edit.setText(self._role.name_zh)
        self.name_en_edit.setText(self._role.name_en)
        self.delete_role_button.setEnabled(not self._role.built_in)

    # Actions.
    def _change(self, action: Callable[[Session], object]) -> tuple[bool, object]:
        done, result, message = run_change(self._sessions, self._errors, self._language, action)
        if not done:
            self.action_failed.emit(message)
        return done, result

    def _on_save_permissions_button_clicked(self) -> None:
        role = self._role
        if role is None:
            return
        functions = self.matrix_model.functions()
        scopes = {kind: combo.currentData() for kind, combo in self.scope_combos.items()}
        saved, _ = self._change(
            lambda s: roles.set_permissions(s, self._user, role.id, role.version, functions, scopes)
        )
        if saved:
            self.reload(role.id)
            self.permissions_saved.emit(role.id)

    def _on_new_role_button_clicked(self) -> None:
        template = self._role.id if self._role else None
        key, zh, en = self.key_edit.text(), self.name_zh_edit.text(), self.name_en_edit.text()
        created, new_id = self._change(
            lambda s: roles.create_role(s, self._user, key, zh, en, template)
        )
        if created and isinstance(new_id, int):
            self.reload(new_id)
            self.roles_changed.emit()

    def _on_rename_role_button_clicked(self) -> None:
        role = self._role
        if role is None:
            return
        zh, en = self.name_zh_edit.text(), self.name_en_edit.text()
        renamed, _ = self._change(
            lambda s: roles.rename_role(s, self._user, role.id, role.version, zh, en)
        )
        if renamed:
            self.reload(role.id)
            self.roles_changed.emit()

    def _on_delete_role_button_clicked(self) -> None:
        role = self._role
        if role is None:
            return
        question = fill(translate("RolesTab", "Delete the role “%1”?"), role.name(self._language))
        if not self._prompter.confirm(self, translate("RolesTab", "Delete role"), question):
            return
        deleted, _ = self._change(lambda s: roles.delete_role(s, self._user, role.id, role.version))
        if deleted:
            self._role = None
            self.reload()
            self.roles_changed.emit()
