"""Connection settings (连接设置): a local SQLite file, or the shared PostgreSQL server.

What is chosen here goes into the settings file through app.config, never with a password:
each user types their own at login.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from app import config
from app.errors import MediaCrmError
from ui.widgets.form_feedback import FieldErrors


def describe_connection(url: URL | None) -> str:
    """One line saying which database a URL points at, for the login dialog."""
    if url is None:
        return QCoreApplication.translate("ConnectionDialog", "No database chosen")
    address = config.server_address(url)
    if address is None:
        return QCoreApplication.translate("ConnectionDialog", "Local file %1").replace(
            "%1", url.database or ""
        )
    return (
        QCoreApplication.translate("ConnectionDialog", "Server %1, SSL: %2")
        .replace("%1", f"{address.host}:{address.port}/{address.database}")
        .replace("%2", address.sslmode)
    )


class FilePicker:
    """The file dialogs, replaceable in tests."""

    def database_file(self, parent: QWidget, current: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("ConnectionDialog", "Database file"),
            current,
            QCoreApplication.translate("ConnectionDialog", "SQLite database (*.db *.sqlite)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return path

    def certificate_file(self, parent: QWidget, current: str) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("ConnectionDialog", "CA certificate"),
            current,
            QCoreApplication.translate("ConnectionDialog", "Certificates (*.crt *.pem *.cer)"),
        )
        return path


def ssl_mode_labels() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "disable": translate("ConnectionDialog", "disable — no encryption"),
        "allow": translate("ConnectionDialog", "allow — encrypt only if the server insists"),
        "prefer": translate("ConnectionDialog", "prefer — encrypt when the server can"),
        "require": translate(
            "ConnectionDialog", "require — always encrypt, certificate not checked"
        ),
        "verify-ca": translate("ConnectionDialog", "verify-ca — encrypt and check the certificate"),
        "verify-full": translate(
            "ConnectionDialog", "verify-full — encrypt, check the certificate and host name"
        ),
    }


class ConnectionDialog(QDialog):
    connection_saved = Signal(object)  # the new database URL

    def __init__(
        self,
        settings: config.Settings,
        url: URL | None,
        file_picker: FilePicker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._file_picker = file_picker or FilePicker()
        self._field_errors = FieldErrors(self)
        self.setWindowTitle(QCoreApplication.translate("ConnectionDialog", "Connection settings"))
        self._build()
        self._load(url)
        self.local_radio.toggled.connect(self._on_local_radio_toggled)
        self.path_button.clicked.connect(self._on_path_button_clicked)
        self.ca_button.clicked.connect(self._on_ca_button_clicked)
        self.ok_button.clicked.connect(self._on_ok_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self._on_local_radio_toggled(self.local_radio.isChecked())

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.local_radio = QRadioButton(
            QCoreApplication.translate(
                "ConnectionDialog", "Local database file (this computer only)"
            )
        )
        layout.addWidget(self.local_radio)
        layout.addWidget(self._build_local_form())
        self.server_radio = QRadioButton(
            QCoreApplication.translate("ConnectionDialog", "Shared PostgreSQL server")
        )
        layout.addWidget(self.server_radio)
        layout.addWidget(self._build_server_form())
        note = QLabel(
            QCoreApplication.translate(
                "ConnectionDialog",
                "No password is saved here: every user enters their own when logging in.",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.message_label = self._field_errors.general
        layout.addWidget(self.message_label)
        layout.addLayout(self._build_buttons())
        self.setMinimumWidth(560)

    def _build_local_form(self) -> QWidget:
        self.local_form = QWidget(self)
        form = QFormLayout(self.local_form)
        self.path_edit = QLineEdit()
        self.path_button = QPushButton(QCoreApplication.translate("ConnectionDialog", "Browse…"))
        form.addRow(
            QCoreApplication.translate("ConnectionDialog", "File:"),
            _row(self.path_edit, self.path_button),
        )
        form.addRow("", self._field_errors.add("path", self.path_edit))
        return self.local_form

    def _build_server_form(self) -> QWidget:
        self.server_form = QWidget(self)
        form = QFormLayout(self.server_form)
        translate = QCoreApplication.translate
        self.host_edit = QLineEdit()
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.database_edit = QLineEdit()
        self.sslmode_combo = QComboBox()
        for mode, label in ssl_mode_labels().items():
            self.sslmode_combo.addItem(label, mode)
        self.ca_edit = QLineEdit()
        self.ca_button = QPushButton(translate("ConnectionDialog", "Browse…"))
        rows = (
            (translate("ConnectionDialog", "Host:"), self.host_edit, "host"),
            (translate("ConnectionDialog", "Port:"), self.port_spin, "port"),
            (translate("ConnectionDialog", "Database:"), self.database_edit, "database"),
            (translate("ConnectionDialog", "SSL mode:"), self.sslmode_combo, "sslmode"),
            (
                translate("ConnectionDialog", "CA certificate:"),
                _row(self.ca_edit, self.ca_button),
                "sslrootcert",
            ),
        )
        for label, widget, field in rows:
            form.addRow(label, widget)
            form.addRow("", self._field_errors.add(field, widget))
        return self.server_form

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.ok_button = QPushButton(QCoreApplication.translate("ConnectionDialog", "OK"))
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(QCoreApplication.translate("ConnectionDialog", "Cancel"))
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)
        return buttons

    def _load(self, url: URL | None) -> None:
        address = config.server_address(url) if url is not None else None
        is_local = address is None
        self.local_radio.setChecked(is_local)
        self.server_radio.setChecked(not is_local)
        local_path = url.database if url is not None and is_local else None
        self.path_edit.setText(local_path or str(config.default_database_path()))
        address = address or config.ServerAddress(host="", database="mediacrm")
        self.host_edit.setText(address.host)
        self.port_spin.setValue(address.port)
        self.database_edit.setText(address.database)
        self.sslmode_combo.setCurrentIndex(max(0, self.sslmode_combo.findData(address.sslmode)))
        self.ca_edit.setText(address.sslrootcert or "")

    def field_error(self, field: str) -> str:
        return self._field_errors.text(field)

    def chosen_url(self) -> URL:
        """The URL the form describes; raises a MediaCrmError naming the wrong field."""
        if self.local_radio.isChecked():
            return config.local_url(self.path_edit.text())
        return config.server_url(
            config.ServerAddress(
                host=self.host_edit.text(),
                database=self.database_edit.text(),
                port=self.port_spin.value(),
                sslmode=str(self.sslmode_combo.currentData()),
                sslrootcert=self.ca_edit.text() or None,
            )
        )

    def _on_local_radio_toggled(self, checked: bool) -> None:
        self.local_form.setEnabled(checked)
        self.server_form.setEnabled(not checked)

    def _on_path_button_clicked(self) -> None:
        path = self._file_picker.database_file(self, self.path_edit.text())
        if path:
            self.path_edit.setText(path)

    def _on_ca_button_clicked(self) -> None:
        path = self._file_picker.certificate_file(self, self.ca_edit.text())
        if path:
            self.ca_edit.setText(path)

    def _on_ok_button_clicked(self) -> None:
        self._field_errors.clear()
        try:
            url = self.chosen_url()
            self._settings.database = config.without_password(url)
            config.save_settings(self._settings)
        except (MediaCrmError, OSError) as exc:
            self._show_error(exc)
            return
        self.connection_saved.emit(url)
        self.accept()

    def _show_error(self, error: Exception) -> None:
        self._field_errors.show_error(error, self._settings.language)


def _row(*widgets: QWidget) -> QWidget:
    """Widgets side by side; the row passes the focus on to the first one."""
    row = QWidget()
    row.setFocusProxy(widgets[0])
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return row
