"""System settings → Personal settings (快捷设置/个人设置): language, formats, rows per page,
the module opened at start, the shortcut panel's parts, and for administrators the database
the program uses from its next start.

The settings are saved through app/preferences.py, so they follow the user to any PC.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from app import config, preferences
from app.auth import LoggedIn
from app.errors import MediaCrmError, ValidationError
from app.preferences import Preferences
from db.engine import make_session_factory
from ui import help as help_system
from ui.dialogs.connection_dialog import ConnectionDialog, FilePicker
from ui.errors import error_text
from ui.widgets.form_feedback import FieldErrors

translate = QCoreApplication.translate
HINT_STYLE = "color: #666666;"
# Languages are named in themselves, so that a user who picked the wrong one finds theirs.
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}
START_MODULE_LABELS = {
    "none": QT_TRANSLATE_NOOP("SettingsDialog", "None (welcome page)"),
    "customers": QT_TRANSLATE_NOOP("SettingsDialog", "Customer archive"),
    "customer_management": QT_TRANSLATE_NOOP("SettingsDialog", "Customer management"),
    "business": QT_TRANSLATE_NOOP("SettingsDialog", "Business (advertising orders)"),
    "business_log": QT_TRANSLATE_NOOP("SettingsDialog", "Business log"),
    "tasks": QT_TRANSLATE_NOOP("SettingsDialog", "Tasks"),
    "information_manager": QT_TRANSLATE_NOOP("SettingsDialog", "Information manager"),
    "file_management": QT_TRANSLATE_NOOP("SettingsDialog", "File management"),
    "query": QT_TRANSLATE_NOOP("SettingsDialog", "Query & Report"),
}
EXAMPLE_AMOUNT = Decimal("1234567.89")


def refusal_text(error: MediaCrmError, language: str) -> str:
    """The message for a refusal of app/preferences.py, in the user's language."""
    messages = {
        "unknown_language": translate("SettingsDialog", "Choose one of the languages offered."),
        "unknown_date_format": translate(
            "SettingsDialog", "Choose one of the date formats offered."
        ),
        "unknown_start_module": translate("SettingsDialog", "Choose one of the modules offered."),
        "page_size_out_of_range": translate(
            "SettingsDialog", "Enter a number of rows from %1 to %2."
        )
        .replace("%1", str(preferences.PAGE_SIZE_MIN))
        .replace("%2", str(preferences.PAGE_SIZE_MAX)),
        "not_yes_or_no": translate("SettingsDialog", "Tick or untick the box."),
    }
    return messages.get(error.code) or error_text(error, language)


class SettingsDialog(QDialog):
    preferences_saved = Signal(object)  # the new Preferences
    save_failed = Signal(str)  # the message shown
    database_changed = Signal(object)  # the URL used from the next start

    def __init__(
        self,
        logged_in: LoggedIn,
        language: str,
        current: Preferences | None = None,
        settings: config.Settings | None = None,
        file_picker: FilePicker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._logged_in = logged_in
        self._language = language
        self._settings = settings if settings is not None else config.load_settings()
        self._file_picker = file_picker
        self._sessions = make_session_factory(logged_in.engine)
        self._field_errors = FieldErrors(self)
        self.connection_dialog: ConnectionDialog | None = None
        self.setWindowTitle(translate("SettingsDialog", "Personal settings"))
        self._build()
        self._saved = current if current is not None else self._load()
        self._show(self._saved)
        self._connect()
        self._on_form_changed()

    # Building.

    def _build(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_general_tab(), translate("SettingsDialog", "General"))
        self.tabs.addTab(self._build_panel_tab(), translate("SettingsDialog", "Shortcut panel"))
        self.database_tab: QWidget | None = None
        if self._logged_in.user.may("security", "admin"):
            self.database_tab = self._build_database_tab()
            self.tabs.addTab(self.database_tab, translate("SettingsDialog", "Database connection"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.message_label = self._field_errors.general
        layout.addWidget(self.message_label)
        layout.addLayout(self._build_buttons())
        self.setMinimumWidth(580)

    def _build_general_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.language_combo = QComboBox()
        for code in preferences.LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language_note = _hint(
            translate("SettingsDialog", "A new language takes effect after you log in again.")
        )
        self.date_format_combo = QComboBox()
        for key, pattern in preferences.DATE_FORMATS.items():
            self.date_format_combo.addItem(pattern, key)
        self.date_example_label = _hint("")
        self.thousands_check = QCheckBox(
            translate("SettingsDialog", "Separate thousands in numbers and amounts")
        )
        self.number_example_label = _hint("")
        self.page_size_spin = QSpinBox()
        self.page_size_spin.setRange(preferences.PAGE_SIZE_MIN, preferences.PAGE_SIZE_MAX)
        self.page_size_spin.setSingleStep(50)
        self.page_size_note = _hint(
            translate(
                "SettingsDialog",
                "How many rows a list reads at a time (%1–%2); fewer help on a slow network.",
            )
            .replace("%1", str(preferences.PAGE_SIZE_MIN))
            .replace("%2", str(preferences.PAGE_SIZE_MAX))
        )
        self.start_module_combo = QComboBox()
        for key in preferences.START_MODULES:
            self.start_module_combo.addItem(
                translate("SettingsDialog", str(START_MODULE_LABELS.get(key, key))), key
            )
        rows = (
            (
                translate("SettingsDialog", "Language:"),
                "language",
                (self.language_combo, self.language_note),
            ),
            (
                translate("SettingsDialog", "Date format:"),
                "date_format",
                (self.date_format_combo, self.date_example_label),
            ),
            (
                translate("SettingsDialog", "Numbers:"),
                "thousands_separator",
                (self.thousands_check, self.number_example_label),
            ),
            (
                translate("SettingsDialog", "Rows per page:"),
                "page_size",
                (self.page_size_spin, self.page_size_note),
            ),
            (
                translate("SettingsDialog", "Open at start:"),
                "start_module",
                (self.start_module_combo,),
            ),
        )
        for label, field, widgets in rows:
            form.addRow(label, self._field_cell(field, *widgets))
        return tab

    def _field_cell(self, field: str, field_input: QWidget, *below: QWidget) -> QWidget:
        """The input, its hints, and the place where its error shows, stacked."""
        cell = QWidget()
        cell.setFocusProxy(field_input)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        for widget in (field_input, *below, self._field_errors.add(field, field_input)):
            column.addWidget(widget)
        return cell

    def _build_panel_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(
            _hint(
                translate(
                    "SettingsDialog",
                    "Choose the parts of the shortcut panel beside the main window. With none "
                    "ticked the panel is hidden.",
                )
            )
        )
        self.task_manager_check = QCheckBox(translate("SettingsDialog", "Task manager"))
        self.information_manager_check = QCheckBox(
            translate("SettingsDialog", "Information manager")
        )
        self.business_log_check = QCheckBox(translate("SettingsDialog", "Business log"))
        for check, field in (
            (self.task_manager_check, "show_task_manager"),
            (self.information_manager_check, "show_information_manager"),
            (self.business_log_check, "show_business_log"),
        ):
            layout.addWidget(self._field_cell(field, check))
        layout.addStretch()
        return tab

    def _build_database_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        form = QFormLayout()
        self.current_database_label = QLabel(without_login(self._logged_in.engine.url))
        self.current_database_label.setWordWrap(True)
        form.addRow(translate("SettingsDialog", "Database in use:"), self.current_database_label)
        layout.addLayout(form)
        self.change_database_button = QPushButton(translate("SettingsDialog", "Change database…"))
        self.change_database_button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.change_database_button)
        row.addStretch()
        layout.addLayout(row)
        self.next_database_label = _hint(
            translate(
                "SettingsDialog",
                "A new database is used from the next start of MediaCRM. No password is "
                "saved: every user enters their own when logging in.",
            )
        )
        layout.addWidget(self.next_database_label)
        layout.addStretch()
        return tab

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.help_button = QPushButton(translate("SettingsDialog", "Help"))
        self.ok_button = QPushButton(translate("SettingsDialog", "OK"))
        self.cancel_button = QPushButton(translate("SettingsDialog", "Cancel"))
        self.apply_button = QPushButton(translate("SettingsDialog", "Apply"))
        for button in (self.help_button, self.cancel_button, self.apply_button):
            button.setAutoDefault(False)
        self.ok_button.setDefault(True)
        buttons.addWidget(self.help_button)
        buttons.addStretch()
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.apply_button)
        return buttons

    def _connect(self) -> None:
        for combo in (self.language_combo, self.date_format_combo, self.start_module_combo):
            combo.currentIndexChanged.connect(self._on_form_changed)
        for check in (
            self.thousands_check,
            self.task_manager_check,
            self.information_manager_check,
            self.business_log_check,
        ):
            check.toggled.connect(self._on_form_changed)
        self.page_size_spin.valueChanged.connect(self._on_form_changed)
        self.ok_button.clicked.connect(self._on_ok_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.help_button.clicked.connect(self._on_help_button_clicked)
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self).activated.connect(
            self._on_help_button_clicked
        )
        if self.database_tab is not None:
            self.change_database_button.clicked.connect(self._on_change_database_button_clicked)

    # The form.

    def _load(self) -> Preferences:
        try:
            with self._sessions() as session:
                return preferences.load_preferences(session, self._logged_in.user, self._language)
        except MediaCrmError as error:
            self._field_errors.show_error(error, self._language)
            return Preferences()

    def _show(self, prefs: Preferences) -> None:
        _select(self.language_combo, prefs.language)
        _select(self.date_format_combo, prefs.date_format)
        _select(self.start_module_combo, prefs.start_module)
        self.thousands_check.setChecked(prefs.thousands_separator)
        self.page_size_spin.setValue(prefs.page_size)
        self.task_manager_check.setChecked(prefs.show_task_manager)
        self.information_manager_check.setChecked(prefs.show_information_manager)
        self.business_log_check.setChecked(prefs.show_business_log)

    def chosen(self) -> Preferences:
        """The preferences the form shows."""
        return dataclasses.replace(
            self._saved,
            language=str(self.language_combo.currentData()),
            date_format=str(self.date_format_combo.currentData()),
            start_module=str(self.start_module_combo.currentData()),
            thousands_separator=self.thousands_check.isChecked(),
            page_size=self.page_size_spin.value(),
            show_task_manager=self.task_manager_check.isChecked(),
            show_information_manager=self.information_manager_check.isChecked(),
            show_business_log=self.business_log_check.isChecked(),
        )

    def saved(self) -> Preferences:
        """The preferences last saved (or read when the dialog opened)."""
        return self._saved

    def field_error(self, field: str) -> str:
        return self._field_errors.text(field)

    def save(self) -> bool:
        """Store the form's preferences; False, with the refusal shown at its field, if not."""
        self._field_errors.clear()
        prefs = self.chosen()
        try:
            with self._sessions.begin() as session:
                preferences.save_preferences(session, self._logged_in.user, prefs)
        except MediaCrmError as error:
            message = refusal_text(error, self._language)
            field = error.field if isinstance(error, ValidationError) else None
            self._field_errors.show(field, message)
            self.save_failed.emit(message)
            return False
        self._saved = prefs
        preferences.remember_language(self._settings, prefs.language)
        self._on_form_changed()
        self.preferences_saved.emit(prefs)
        return True

    # Handlers.

    def _on_form_changed(self) -> None:
        prefs = self.chosen()
        now = dt.datetime.now()
        self.date_example_label.setText(
            translate("SettingsDialog", "Example: %1").replace("%1", prefs.format_datetime(now))
        )
        self.number_example_label.setText(
            translate("SettingsDialog", "Example: %1").replace(
                "%1", prefs.format_money(EXAMPLE_AMOUNT)
            )
        )
        self.apply_button.setEnabled(prefs != self._saved)

    def _on_ok_button_clicked(self) -> None:
        if self.chosen() == self._saved or self.save():
            self.accept()

    def _on_apply_button_clicked(self) -> None:
        self.save()

    def _on_help_button_clicked(self) -> None:
        help_system.show_help("settings", self._language, self)

    def _on_change_database_button_clicked(self) -> None:
        url = self._logged_in.engine.url.set(username=None, password=None)
        dialog = ConnectionDialog(self._settings, url, self._file_picker, parent=self)
        dialog.connection_saved.connect(self._on_connection_dialog_connection_saved)
        self.connection_dialog = dialog
        dialog.open()

    def _on_connection_dialog_connection_saved(self, url: URL) -> None:
        self.next_database_label.setText(
            translate("SettingsDialog", "From the next start MediaCRM uses: %1").replace(
                "%1", without_login(url)
            )
        )
        self.database_changed.emit(url)


def without_login(url: URL) -> str:
    """The database a URL names, without user or password (safe to show)."""
    return config.without_credentials(url)


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    return label


def _select(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))
