"""The main window: the six menus of SPEC §3.2, the File menu's account actions, and a status
bar naming the user, their role and the database.

The modules and the shortcut panel arrive with their own issues; until then the window says
so instead of pretending.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from app.auth import LoggedIn
from app.config import without_credentials
from ui.dialogs.change_password_dialog import ChangePasswordDialog

MENU_TITLES = (
    QT_TRANSLATE_NOOP("MainWindow", "File"),
    QT_TRANSLATE_NOOP("MainWindow", "System settings"),
    QT_TRANSLATE_NOOP("MainWindow", "Customer archive"),
    QT_TRANSLATE_NOOP("MainWindow", "Customer management"),
    QT_TRANSLATE_NOOP("MainWindow", "Business"),
    QT_TRANSLATE_NOOP("MainWindow", "Help"),
)
STATUS_MESSAGE_MS = 5000


class MainWindow(QMainWindow):
    relogin_requested = Signal()
    closed = Signal()

    def __init__(self, logged_in: LoggedIn, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._logged_in = logged_in
        self._language = language
        self.change_password_dialog: ChangePasswordDialog | None = None
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "MediaCRM"))
        self.resize(1280, 800)
        self._build_menus()
        notice = QLabel(
            QCoreApplication.translate(
                "MainWindow", "Welcome, %1. The modules open here as they are built."
            ).replace("%1", logged_in.user.display_name)
        )
        notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(notice)
        self._build_status_bar()

    def _build_menus(self) -> None:
        menus = [
            self.menuBar().addMenu(QCoreApplication.translate("MainWindow", str(title)))
            for title in MENU_TITLES
        ]
        file_menu = menus[0]
        self.change_password_action = file_menu.addAction(
            QCoreApplication.translate("MainWindow", "Change password…")
        )
        self.relogin_action = file_menu.addAction(
            QCoreApplication.translate("MainWindow", "Log in again…")
        )
        file_menu.addSeparator()
        self.exit_action = file_menu.addAction(QCoreApplication.translate("MainWindow", "Exit"))
        self.change_password_action.triggered.connect(self._on_change_password_action_triggered)
        self.relogin_action.triggered.connect(self.relogin_requested)
        self.exit_action.triggered.connect(self.close)

    def _build_status_bar(self) -> None:
        user = self._logged_in.user
        self.user_label = QLabel(
            QCoreApplication.translate("MainWindow", "User: %1 (%2) · Role: %3")
            .replace("%1", user.display_name)
            .replace("%2", user.username)
            .replace("%3", user.role_name(self._language))
        )
        self.database_label = QLabel(
            QCoreApplication.translate("MainWindow", "Database: %1").replace(
                "%1", without_credentials(self._logged_in.engine.url)
            )
        )
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.database_label)

    def _on_change_password_action_triggered(self) -> None:
        self.change_password_dialog = ChangePasswordDialog(
            self._logged_in, self._language, parent=self
        )
        self.change_password_dialog.password_changed.connect(
            self._on_change_password_dialog_password_changed
        )
        self.change_password_dialog.open()

    def _on_change_password_dialog_password_changed(self) -> None:
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Your password has been changed."),
            STATUS_MESSAGE_MS,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()
