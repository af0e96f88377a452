"""The reviewer's tabs of the permissions screen: a chosen user's effective permissions, and
"why can this user see this record?" in words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import roles, users
from app.auth import LoggedIn
from app.errors import MediaCrmError
from app.visibility import explain_visibility, explainable_tables
from db.engine import make_session_factory
from db.permissions import OWNED_TABLES
from ui.errors import error_text
from ui.models.permission_models import PermissionMatrixModel, ScopeTableModel
from ui.security_labels import explanation_lines, fill, table_text

translate = QCoreApplication.translate


def user_combo(logged_in: LoggedIn, language: str) -> QComboBox:
    """Every account, as "王小明 (staff_a)", with its user id as data."""
    combo = QComboBox()
    with make_session_factory(logged_in.engine)() as session:
        for row in users.list_users(session, language):
            combo.addItem(f"{row.display_name} ({row.username})", row.id)
    return combo


class EffectiveTab(QWidget):
    """What the chosen user may do (their role's functions) and see (scope per kind)."""

    def __init__(self, logged_in: LoggedIn, language: str) -> None:
        super().__init__()
        self._sessions = make_session_factory(logged_in.engine)
        self._language = language
        self.matrix_model = PermissionMatrixModel(self)
        self.scope_model = ScopeTableModel(language, self)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.effective_user_combo = user_combo(logged_in, language)
        top.addWidget(QLabel(translate("EffectiveTab", "User:")))
        top.addWidget(self.effective_user_combo, 1)
        layout.addLayout(top)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        tables = QHBoxLayout()
        self.effective_matrix_view = QTableView()
        self.effective_matrix_view.setModel(self.matrix_model)
        self.effective_scope_view = QTableView()
        self.effective_scope_view.setModel(self.scope_model)
        self.effective_scope_view.verticalHeader().hide()
        for view in (self.effective_matrix_view, self.effective_scope_view):
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            tables.addWidget(view)
        layout.addLayout(tables)
        self.effective_user_combo.currentIndexChanged.connect(self._on_user_combo_changed)
        self._on_user_combo_changed()

    def show_user(self, user_id: int) -> None:
        self.effective_user_combo.setCurrentIndex(self.effective_user_combo.findData(user_id))

    def _on_user_combo_changed(self, *_args: object) -> None:
        user_id = self.effective_user_combo.currentData()
        if user_id is None:
            return
        with self._sessions() as session:
            effective = roles.effective_permissions(session, user_id, self._language)
        self.summary_label.setText(
            fill(
                translate("EffectiveTab", "%1 (%2) has the role %3 in the department %4."),
                effective.display_name,
                effective.username,
                effective.role_name,
                effective.department or translate("EffectiveTab", "(none)"),
            )
        )
        self.matrix_model.set_functions(effective.functions, editable=False)
        self.scope_model.set_rows(
            [
                (kind, effective.scopes[kind], effective.departments.get(kind, ()))
                for kind in OWNED_TABLES
            ]
        )


class ExplainTab(QWidget):
    """Pick a user, a record kind and a record number; read why they see it, or not."""

    explanation_shown = Signal(str)

    def __init__(self, logged_in: LoggedIn, language: str) -> None:
        super().__init__()
        self._sessions = make_session_factory(logged_in.engine)
        self._language = language
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.explain_user_combo = user_combo(logged_in, language)
        self.record_kind_combo = QComboBox()
        for table in explainable_tables():
            self.record_kind_combo.addItem(table_text(table, language), table)
        self.record_id_edit = QLineEdit()
        self.record_id_edit.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.explain_button = QPushButton(translate("ExplainTab", "Explain"))
        form.addRow(translate("ExplainTab", "User:"), self.explain_user_combo)
        form.addRow(translate("ExplainTab", "Record kind:"), self.record_kind_combo)
        form.addRow(translate("ExplainTab", "Record number:"), self.record_id_edit)
        form.addRow("", self.explain_button)
        layout.addLayout(form)
        self.explanation_label = QLabel()
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.explanation_label)
        layout.addStretch()
        self.explain_button.clicked.connect(self._on_explain_button_clicked)
        self.record_id_edit.returnPressed.connect(self._on_explain_button_clicked)

    def _on_explain_button_clicked(self) -> None:
        if not self.record_id_edit.text().isdigit():
            self._show(translate("ExplainTab", "Enter the record's number."))
            return
        try:
            with self._sessions() as session:
                explanation = explain_visibility(
                    session,
                    self.explain_user_combo.currentData(),
                    self.record_kind_combo.currentData(),
                    int(self.record_id_edit.text()),
                )
        except MediaCrmError as error:
            self._show(error_text(error, self._language))
            return
        lines = explanation_lines(explanation, self._language)
        self._show("\n".join([lines[0], *(f"• {line}" for line in lines[1:])]))

    def _show(self, text: str) -> None:
        self.explanation_label.setText(text)
        self.explanation_shown.emit(text)
