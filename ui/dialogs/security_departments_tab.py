"""Security tools → Departments: the tree (部门设置), adding, renaming, moving, deleting an
empty department, and restoring one from the recycle bin."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import departments, users
from app.auth import LoggedIn
from db.engine import make_session_factory
from ui.security_labels import fill
from ui.widgets.form_feedback import FieldErrors, run_change
from ui.widgets.prompter import Prompter

translate = QCoreApplication.translate
ID_ROLE = Qt.ItemDataRole.UserRole


class DepartmentsTab(QWidget):
    departments_changed = Signal()
    action_failed = Signal(str)

    def __init__(self, logged_in: LoggedIn, language: str, prompter: Prompter) -> None:
        super().__init__()
        self._user = logged_in.user
        self._sessions = make_session_factory(logged_in.engine)
        self._language = language
        self._prompter = prompter
        self._errors = FieldErrors(self)
        layout = QHBoxLayout(self)
        self.department_tree = QTreeWidget()
        self.department_tree.setHeaderLabels([translate("DepartmentsTab", "Department")])
        layout.addWidget(self.department_tree, 3)
        side = QVBoxLayout()
        side.addWidget(self._build_edit_box())
        side.addWidget(self._build_bin_box())
        side.addStretch()
        layout.addLayout(side, 2)
        self.department_tree.currentItemChanged.connect(self._on_department_tree_current_changed)
        self.reload()

    def _build_edit_box(self) -> QGroupBox:
        box = QGroupBox(translate("DepartmentsTab", "Edit"))
        form = QFormLayout(box)
        self.name_edit = QLineEdit()
        self.parent_combo = QComboBox()
        self._errors.add_rows(
            form,
            (
                (translate("DepartmentsTab", "Name:"), "name", self.name_edit),
                (translate("DepartmentsTab", "Parent department:"), "parent_id", self.parent_combo),
            ),
        )
        self.add_button = QPushButton(translate("DepartmentsTab", "Add"))
        self.rename_button = QPushButton(translate("DepartmentsTab", "Rename"))
        self.move_button = QPushButton(translate("DepartmentsTab", "Move"))
        self.delete_button = QPushButton(translate("DepartmentsTab", "Delete"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.move_button, self.delete_button):
            buttons.addWidget(button)
        form.addRow(buttons)
        form.addRow(self._errors.general)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.move_button.clicked.connect(self._on_move_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        return box

    def _build_bin_box(self) -> QGroupBox:
        box = QGroupBox(translate("DepartmentsTab", "Recycle bin"))
        layout = QVBoxLayout(box)
        self.deleted_list = QListWidget()
        self.restore_button = QPushButton(translate("DepartmentsTab", "Restore"))
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        layout.addWidget(self.deleted_list)
        layout.addWidget(self.restore_button)
        return box

    def reload(self) -> None:
        with self._sessions() as session:
            rows = users.list_departments(session)
            deleted = departments.deleted_departments(session)
        self.department_tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for row in rows:  # parents come before their children
            parent = items.get(row.parent_id) if row.parent_id is not None else None
            item = QTreeWidgetItem([row.name])
            item.setData(0, ID_ROLE, row.id)
            if parent is None:
                self.department_tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[row.id] = item
        self.department_tree.expandAll()
        self.parent_combo.clear()
        self.parent_combo.addItem(translate("DepartmentsTab", "(top level)"), None)
        for row in rows:
            self.parent_combo.addItem(row.path, row.id)
        self.deleted_list.clear()
        for department in deleted:
            entry = QListWidgetItem(department.name)
            entry.setData(ID_ROLE, department.id)
            self.deleted_list.addItem(entry)
        self._on_department_tree_current_changed()

    def selected_id(self) -> int | None:
        item = self.department_tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def select_department(self, department_id: int) -> None:
        for item in self._all_items():
            if item.data(0, ID_ROLE) == department_id:
                self.department_tree.setCurrentItem(item)

    def _all_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        pending = [
            self.department_tree.topLevelItem(i)
            for i in range(self.department_tree.topLevelItemCount())
        ]
        while pending:
            item = pending.pop()
            found.append(item)
            pending.extend(item.child(i) for i in range(item.childCount()))
        return found

    def _on_department_tree_current_changed(self, *_args: object) -> None:
        item = self.department_tree.currentItem()
        chosen = item is not None
        for button in (self.rename_button, self.move_button, self.delete_button):
            button.setEnabled(chosen)
        if item is not None:
            self.name_edit.setText(item.text(0))
            parent = item.parent()
            parent_id = parent.data(0, ID_ROLE) if parent is not None else None
            self.parent_combo.setCurrentIndex(self.parent_combo.findData(parent_id))

    def _change(self, action: Callable[[Session], object]) -> None:
        done, _result, message = run_change(self._sessions, self._errors, self._language, action)
        if not done:
            self.action_failed.emit(message)
            return
        chosen = self.selected_id()
        self.reload()
        if chosen is not None:
            self.select_department(chosen)
        self.departments_changed.emit()

    def _on_add_button_clicked(self) -> None:
        name, parent = self.name_edit.text(), self.parent_combo.currentData()
        self._change(lambda s: departments.add_department(s, self._user, name, parent))

    def _on_rename_button_clicked(self) -> None:
        chosen, name = self.selected_id(), self.name_edit.text()
        if chosen is not None:
            self._change(lambda s: departments.rename_department(s, self._user, chosen, name))

    def _on_move_button_clicked(self) -> None:
        chosen, parent = self.selected_id(), self.parent_combo.currentData()
        if chosen is not None:
            self._change(lambda s: departments.move_department(s, self._user, chosen, parent))

    def _on_delete_button_clicked(self) -> None:
        item = self.department_tree.currentItem()
        if item is None:
            return
        question = fill(
            translate("DepartmentsTab", "Move the department “%1” to the recycle bin?"),
            item.text(0),
        )
        if self._prompter.confirm(self, translate("DepartmentsTab", "Delete department"), question):
            chosen = item.data(0, ID_ROLE)
            self._change(lambda s: departments.delete_department(s, self._user, chosen))

    def _on_restore_button_clicked(self) -> None:
        entry = self.deleted_list.currentItem()
        if entry is not None:
            chosen = entry.data(ID_ROLE)
            self._change(lambda s: departments.restore_department(s, self._user, chosen))
