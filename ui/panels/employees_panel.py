"""Employees (员工): the list, and a form to add, change, delete and restore one.

A save over someone else's newer change is refused by the service; the panel then shows
what the other person saved next to what is still in the form, and lets the user keep
theirs or take the other — nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QItemSelection, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import employees
from app.auth import LoggedIn
from app.employees import EmployeeInput, EmployeeRow
from app.errors import ConflictError, MediaCrmError
from app.users import list_departments
from db.engine import make_session_factory
from db.models.org import EMPLOYEE_STATUSES
from ui.errors import error_text
from ui.models.employee_model import EmployeeTableModel
from ui.security_labels import column_text, fill, status_text
from ui.widgets.form_feedback import FieldErrors
from ui.widgets.prompter import MessageBoxPrompter, Prompter
from ui.widgets.tables import record_table_view

NO_DATE = QDate(1900, 1, 1)  # the date edit's minimum stands for "no hire date"
FIELDS = ("name", "department", "position", "phone", "mobile", "email", "hire_date", "status")
# Form fields whose model column (and EmployeeInput attribute) holds an id.
_ID_COLUMNS = {"department": "department_id", "position": "position_id"}


translate = QCoreApplication.translate


class EmployeesPanel(QWidget):
    employee_saved = Signal(int)
    employee_deleted = Signal(int)
    employee_restored = Signal(int)
    save_failed = Signal(str)

    def __init__(
        self,
        logged_in: LoggedIn,
        language: str,
        prompter: Prompter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._user = logged_in.user
        self._sessions = make_session_factory(logged_in.engine)
        self._language = language
        self._prompter = prompter or MessageBoxPrompter()
        self._current: EmployeeRow | None = None
        self._theirs: EmployeeRow | None = None
        self.model = EmployeeTableModel(language, self)
        self._errors = FieldErrors(self)
        self._build()
        self._connect()
        self._load_choices()
        self.reload()

    # Building.
    def _build(self) -> None:
        splitter = QSplitter(self)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_form())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([2000, 1000])  # two thirds for the list, whatever the width
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _build_list(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        top = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            translate("EmployeesPanel", "Search by name, pinyin, phone or e-mail")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.recycle_bin_check = QCheckBox(translate("EmployeesPanel", "Recycle bin"))
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.recycle_bin_check)
        layout.addLayout(top)
        self.employee_view = record_table_view()
        self.employee_view.setModel(self.model)
        layout.addWidget(self.employee_view)
        return box

    def _build_form(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.message_label = self._errors.general
        layout.addWidget(self.message_label)
        layout.addWidget(self._build_conflict_box())
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.department_combo = QComboBox()
        self.position_combo = QComboBox()
        self.phone_edit = QLineEdit()
        self.mobile_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.hire_date_edit = QDateEdit()
        self.hire_date_edit.setCalendarPopup(True)
        self.hire_date_edit.setDisplayFormat("yyyy-MM-dd")
        self.hire_date_edit.setMinimumDate(NO_DATE)
        self.hire_date_edit.setSpecialValueText(translate("EmployeesPanel", "(none)"))
        self.status_combo = QComboBox()
        for status in EMPLOYEE_STATUSES:
            self.status_combo.addItem(status_text(status), status)
        widgets = (
            self.name_edit,
            self.department_combo,
            self.position_combo,
            self.phone_edit,
            self.mobile_edit,
            self.email_edit,
            self.hire_date_edit,
            self.status_combo,
        )
        for field, widget in zip(FIELDS, widgets, strict=True):
            label = column_text("employees", _column(field), self._language)
            form.addRow(fill(translate("EmployeesPanel", "%1:"), label), widget)
            form.addRow("", self._errors.add(field, widget))
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(translate("EmployeesPanel", "New"))
        self.save_button = QPushButton(translate("EmployeesPanel", "Save"))
        self.delete_button = QPushButton(translate("EmployeesPanel", "Delete"))
        self.restore_button = QPushButton(translate("EmployeesPanel", "Restore"))
        for button in (self.new_button, self.save_button, self.delete_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addStretch()
        return box

    def _build_conflict_box(self) -> QFrame:
        self.conflict_box = QFrame()
        self.conflict_box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self.conflict_box)
        self.conflict_label = QLabel()
        self.conflict_label.setWordWrap(True)
        layout.addWidget(self.conflict_label)
        buttons = QHBoxLayout()
        self.overwrite_button = QPushButton(translate("EmployeesPanel", "Save mine over theirs"))
        self.take_theirs_button = QPushButton(translate("EmployeesPanel", "Take their version"))
        buttons.addWidget(self.overwrite_button)
        buttons.addWidget(self.take_theirs_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.conflict_box.hide()
        return self.conflict_box

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.recycle_bin_check.toggled.connect(self._on_recycle_bin_check_toggled)
        self.employee_view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.overwrite_button.clicked.connect(self._on_overwrite_button_clicked)
        self.take_theirs_button.clicked.connect(self._on_take_theirs_button_clicked)

    def _load_choices(self) -> None:
        with self._sessions() as session:
            departments = list_departments(session)
            positions = employees.positions(session, self._language)
        for combo, choices in (
            (self.department_combo, [(row.id, row.path) for row in departments]),
            (self.position_combo, [(row.id, row.name) for row in positions]),
        ):
            combo.clear()
            combo.addItem(translate("EmployeesPanel", "(none)"), None)
            for id_, name in choices:
                combo.addItem(name, id_)

    # The list.
    def reload(self) -> None:
        with self._sessions() as session:
            rows = employees.list_employees(
                session,
                self._user,
                self._language,
                deleted=self.recycle_bin_check.isChecked(),
                search=self.search_edit.text(),
            )
        self.model.set_rows(rows)
        self._show(None)

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self.reload()

    def _on_recycle_bin_check_toggled(self, _checked: bool) -> None:
        self.reload()

    def select_employee(self, employee_id: int) -> None:
        row = self.model.row_of_id(employee_id)
        if row is not None:
            self.employee_view.selectRow(row)

    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._show(self.model.row_at(indexes[0].row()) if indexes else None)

    # The form.
    def _show(self, row: EmployeeRow | None) -> None:
        self._current = row
        self._errors.clear()
        self.conflict_box.hide()
        self._fill(row.as_input() if row else EmployeeInput(name=""))
        in_bin = self.recycle_bin_check.isChecked()
        may = self._user.may
        self.save_button.setEnabled(not in_bin and may("reference", "edit" if row else "create"))
        self.new_button.setEnabled(not in_bin and may("reference", "create"))
        self.delete_button.setEnabled(not in_bin and row is not None and may("reference", "delete"))
        self.restore_button.setEnabled(in_bin and row is not None and may("reference", "delete"))

    def _fill(self, data: EmployeeInput) -> None:
        self.name_edit.setText(data.name)
        self._choose(self.department_combo, data.department_id)
        self._choose(self.position_combo, data.position_id)
        self.phone_edit.setText(data.phone)
        self.mobile_edit.setText(data.mobile)
        self.email_edit.setText(data.email)
        hire = data.hire_date
        self.hire_date_edit.setDate(QDate(hire.year, hire.month, hire.day) if hire else NO_DATE)
        self._choose(self.status_combo, data.status)

    @staticmethod
    def _choose(combo: QComboBox, value: object) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def form_input(self) -> EmployeeInput:
        date = self.hire_date_edit.date()
        return EmployeeInput(
            name=self.name_edit.text(),
            department_id=self.department_combo.currentData(),
            position_id=self.position_combo.currentData(),
            phone=self.phone_edit.text(),
            mobile=self.mobile_edit.text(),
            email=self.email_edit.text(),
            hire_date=None if date == NO_DATE else dt.date(date.year(), date.month(), date.day()),
            status=self.status_combo.currentData(),
        )

    def field_error(self, field: str) -> str:
        return self._errors.text(field)

    # Actions.
    def _on_new_button_clicked(self) -> None:
        self.employee_view.clearSelection()
        self._show(None)
        self.name_edit.setFocus()

    def _on_save_button_clicked(self) -> None:
        current = self._current
        self._save(current.id if current else None, current.version if current else None)

    def _on_overwrite_button_clicked(self) -> None:
        if self._theirs is not None:
            self._save(self._theirs.id, self._theirs.version)

    def _on_take_theirs_button_clicked(self) -> None:
        if self._theirs is not None:
            self._replace_in_list(self._theirs)
            self._show(self._theirs)

    def _save(self, employee_id: int | None, version: int | None) -> None:
        self._errors.clear()
        data = self.form_input()
        try:
            with self._sessions.begin() as session:
                saved_id = employees.save_employee(session, self._user, data, employee_id, version)
        except ConflictError as error:
            self._show_conflict(error, data)
            return
        except MediaCrmError as error:
            self._show_error(error)
            return
        self.reload()
        self.select_employee(saved_id)
        self.employee_saved.emit(saved_id)

    def _show_error(self, error: MediaCrmError) -> None:
        message = self._errors.show_error(error, self._language)
        self.save_failed.emit(message)

    def _show_conflict(self, error: ConflictError, mine: EmployeeInput) -> None:
        assert self._current is not None  # only an update can be stale
        with self._sessions() as session:
            self._theirs = employees.get_employee(
                session, self._user, self._current.id, self._language
            )
        theirs = self._theirs.as_input()
        differences = [
            fill(
                translate("EmployeesPanel", "%1: theirs “%2”, yours “%3”"),
                column_text("employees", _column(field), self._language),
                self._shown(field, getattr(theirs, _column(field))),
                self._shown(field, getattr(mine, _column(field))),
            )
            for field in FIELDS
            if getattr(theirs, _column(field)) != getattr(mine, _column(field))
        ]
        self.conflict_label.setText(
            "\n".join(
                [
                    translate(
                        "EmployeesPanel",
                        "Someone else saved this employee after you opened it. "
                        "Your changes are still in the form.",
                    ),
                    *differences,
                ]
            )
        )
        self.conflict_box.show()
        self.save_failed.emit(error_text(error, self._language))

    def _shown(self, field: str, value: object) -> str:
        combos = {"department": self.department_combo, "position": self.position_combo}
        if field in combos:
            return combos[field].itemText(max(combos[field].findData(value), 0))
        if field == "status":
            return status_text(str(value))
        return "" if value is None else str(value)

    def _replace_in_list(self, row: EmployeeRow) -> None:
        number = self.model.row_of_id(row.id)
        if number is not None:
            self.model.replace_row(number, row)

    def _on_delete_button_clicked(self) -> None:
        current = self._current
        if current is None:
            return
        question = fill(translate("EmployeesPanel", "Move “%1” to the recycle bin?"), current.name)
        if not self._prompter.confirm(
            self, translate("EmployeesPanel", "Delete employee"), question
        ):
            return
        try:
            with self._sessions.begin() as session:
                employees.delete_employee(session, self._user, current.id, current.version)
        except MediaCrmError as error:
            self._show_error(error)
            return
        self.reload()
        self.employee_deleted.emit(current.id)

    def _on_restore_button_clicked(self) -> None:
        current = self._current
        if current is None:
            return
        try:
            with self._sessions.begin() as session:
                employees.restore_employee(session, self._user, current.id)
        except MediaCrmError as error:
            self._show_error(error)
            return
        self.reload()
        self.employee_restored.emit(current.id)


def _column(field: str) -> str:
    """The model column, and EmployeeInput attribute, behind a form field."""
    return _ID_COLUMNS.get(field, field)
