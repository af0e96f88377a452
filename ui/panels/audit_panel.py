"""Log review (日志监察): the audit trail for administrators and decision makers.

Filter by user, record kind, record number, time and operation; a chosen change shows its
before/after values; any record can be shown as it stood at a chosen moment, rebuilt from
the trail's full row images (SPEC §3.10 "history data").
"""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QCoreApplication, QDateTime, QItemSelection, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import audit, users
from app.audit import AuditEntry, AuditFilter
from app.auth import LoggedIn
from app.errors import MediaCrmError
from db.base import Base
from db.engine import make_session_factory
from db.models.audit import OPERATIONS
from ui.errors import error_text
from ui.models.audit_models import (
    AuditTableModel,
    ChangeTableModel,
    FieldValueModel,
    change_rows,
    field_rows,
    local_time,
)
from ui.security_labels import fill, operation_text, table_text
from ui.widgets.tables import record_table_view

translate = QCoreApplication.translate
DATE_TIME_FORMAT = "yyyy-MM-dd HH:mm:ss"
DEFAULT_DAYS = 30


def to_qt(moment: dt.datetime) -> QDateTime:
    """Rounded up to Qt's milliseconds, so that "as of" an entry's time includes that entry
    (PostgreSQL keeps microseconds)."""
    return QDateTime.fromMSecsSinceEpoch(math.ceil(moment.timestamp() * 1000))


def from_qt(moment: QDateTime) -> dt.datetime:
    return dt.datetime.fromtimestamp(moment.toMSecsSinceEpoch() / 1000, dt.UTC)


class AuditPanel(QWidget):
    entries_loaded = Signal(int)
    record_shown = Signal()
    search_failed = Signal(str)

    def __init__(self, logged_in: LoggedIn, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._user = logged_in.user
        self._sessions = make_session_factory(logged_in.engine)
        self._language = language
        self._entry: AuditEntry | None = None
        self.entry_model = AuditTableModel(language, self)
        self.change_model = ChangeTableModel(self)
        self.as_of_model = FieldValueModel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filter())
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.entry_view = record_table_view()
        self.entry_view.setModel(self.entry_model)
        splitter.addWidget(self.entry_view)
        splitter.addWidget(self._build_details())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.entry_view.selectionModel().selectionChanged.connect(self._on_entry_selected)
        self.search_button.clicked.connect(self.search)
        self.as_of_button.clicked.connect(self._on_as_of_button_clicked)
        self.search()

    def _build_filter(self) -> QGridLayout:
        grid = QGridLayout()
        self.user_combo = QComboBox()
        self.user_combo.addItem(translate("AuditPanel", "(any)"), None)
        with self._sessions() as session:
            accounts = users.list_users(session, self._language)
        for account in accounts:
            self.user_combo.addItem(f"{account.display_name} ({account.username})", account.id)
        self.entry_model.set_usernames({account.id: account.username for account in accounts})
        self.table_combo = QComboBox()
        self.table_combo.addItem(translate("AuditPanel", "(any)"), None)
        tables = sorted(Base.metadata.tables, key=lambda name: table_text(name, self._language))
        for name in tables:
            self.table_combo.addItem(table_text(name, self._language), name)
        self.record_id_edit = QLineEdit()
        self.record_id_edit.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.operation_combo = QComboBox()
        self.operation_combo.addItem(translate("AuditPanel", "(any)"), None)
        for operation in OPERATIONS:
            self.operation_combo.addItem(operation_text(operation), operation)
        self.range_check = QCheckBox(translate("AuditPanel", "From"))
        now = dt.datetime.now(dt.UTC)
        self.since_edit = self._date_time_edit(now - dt.timedelta(days=DEFAULT_DAYS))
        self.until_edit = self._date_time_edit(now + dt.timedelta(hours=1))
        self.search_button = QPushButton(translate("AuditPanel", "Search"))
        cells = (
            (translate("AuditPanel", "User:"), self.user_combo),
            (translate("AuditPanel", "Record kind:"), self.table_combo),
            (translate("AuditPanel", "Record no.:"), self.record_id_edit),
            (translate("AuditPanel", "Operation:"), self.operation_combo),
        )
        for number, (label, widget) in enumerate(cells):
            grid.addWidget(QLabel(label), number // 2, (number % 2) * 2)
            grid.addWidget(widget, number // 2, (number % 2) * 2 + 1)
        times = QHBoxLayout()
        times.addWidget(self.range_check)
        times.addWidget(self.since_edit)
        times.addWidget(QLabel(translate("AuditPanel", "to")))
        times.addWidget(self.until_edit)
        times.addStretch()
        times.addWidget(self.search_button)
        grid.addLayout(times, 2, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return grid

    @staticmethod
    def _date_time_edit(moment: dt.datetime) -> QDateTimeEdit:
        edit = QDateTimeEdit(to_qt(moment))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_TIME_FORMAT)
        return edit

    def _build_details(self) -> QTabWidget:
        self.detail_tabs = QTabWidget()
        self.change_view = record_table_view()
        self.change_view.setModel(self.change_model)
        self.detail_tabs.addTab(self.change_view, translate("AuditPanel", "Change"))
        as_of = QWidget()
        layout = QVBoxLayout(as_of)
        row = QHBoxLayout()
        self.as_of_label = QLabel(translate("AuditPanel", "Choose an entry first."))
        self.as_of_edit = self._date_time_edit(dt.datetime.now(dt.UTC))
        self.as_of_button = QPushButton(translate("AuditPanel", "Show record as of this time"))
        self.as_of_button.setEnabled(False)
        row.addWidget(self.as_of_edit)
        row.addWidget(self.as_of_button)
        row.addWidget(self.as_of_label, 1)
        layout.addLayout(row)
        self.as_of_view = record_table_view()
        self.as_of_view.setModel(self.as_of_model)
        layout.addWidget(self.as_of_view)
        self.detail_tabs.addTab(as_of, translate("AuditPanel", "Record as of…"))
        return self.detail_tabs

    def criteria(self) -> AuditFilter:
        record = self.record_id_edit.text()
        ranged = self.range_check.isChecked()
        operation = self.operation_combo.currentData()
        return AuditFilter(
            user_id=self.user_combo.currentData(),
            table_name=self.table_combo.currentData(),
            record_id=int(record) if record.isdigit() else None,
            since=from_qt(self.since_edit.dateTime()) if ranged else None,
            until=from_qt(self.until_edit.dateTime()) if ranged else None,
            operations=(operation,) if operation else (),
        )

    def search(self) -> None:
        criteria = self.criteria()
        try:
            with self._sessions() as session:
                entries = audit.search(session, self._user, criteria)
        except MediaCrmError as error:
            message = error_text(error, self._language)
            self.message_label.setText(message)
            self.search_failed.emit(message)
            return
        self.entry_model.set_rows(entries)
        text = translate("AuditPanel", "%1 entries.")
        if len(entries) >= criteria.limit:
            text = translate("AuditPanel", "The newest %1 entries; narrow the filter to see more.")
        self.message_label.setText(fill(text, len(entries)))
        self._show_entry(None)
        self.entries_loaded.emit(len(entries))

    def select_entry(self, entry_id: int) -> None:
        number = self.entry_model.row_of_id(entry_id)
        if number is not None:
            self.entry_view.selectRow(number)

    def _on_entry_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._show_entry(self.entry_model.row_at(indexes[0].row()) if indexes else None)

    def _show_entry(self, entry: AuditEntry | None) -> None:
        self._entry = entry
        self.change_model.set_rows(change_rows(entry, self._language) if entry else [])
        self.as_of_model.set_rows([])
        has_record = entry is not None and bool(entry.table_name) and entry.record_id is not None
        self.as_of_button.setEnabled(has_record)
        if entry is None or not has_record:
            self.as_of_label.setText(translate("AuditPanel", "Choose an entry of a record first."))
            return
        self.as_of_edit.setDateTime(to_qt(entry.occurred_at))
        self.as_of_label.setText("")

    def _on_as_of_button_clicked(self) -> None:
        entry = self._entry
        if entry is None or entry.table_name is None or entry.record_id is None:
            return
        when = from_qt(self.as_of_edit.dateTime())
        try:
            with self._sessions() as session:
                image = audit.record_as_of(
                    session, self._user, entry.table_name, entry.record_id, when
                )
        except MediaCrmError as error:
            self.as_of_label.setText(error_text(error, self._language))
            return
        title = fill(
            translate("AuditPanel", "%1 no. %2 as of %3:"),
            table_text(entry.table_name, self._language),
            entry.record_id,
            local_time(when),
        )
        if image is None:
            title = fill(
                translate("AuditPanel", "%1 no. %2 did not exist at %3."),
                table_text(entry.table_name, self._language),
                entry.record_id,
                local_time(when),
            )
        self.as_of_label.setText(title)
        self.as_of_model.set_rows(field_rows(entry.table_name, image or {}, self._language))
        self.record_shown.emit()
