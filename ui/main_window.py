"""The main window: the six menus of SPEC §3.2, the File menu's account actions, and a status
bar naming the user, their role and the database.

The modules and the shortcut panel arrive with their own issues; until then the window says
so instead of pretending.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QWidget

from app.auth import LoggedIn
from app.config import without_credentials
from ui.dialogs.change_password_dialog import ChangePasswordDialog
from ui.dialogs.security_tools_dialog import SecurityToolsDialog
from ui.panels.audit_panel import AuditPanel
from ui.panels.employees_panel import EmployeesPanel
from ui.panels.permissions_panel import PermissionsPanel

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
        self._build_settings_menu(menus[1])

    def _build_settings_menu(self, menu: QMenu) -> None:
        """System settings → the security tools, employees, permissions and log review.

        An entry the user's role may not use is left out; the services and, on PostgreSQL,
        the database refuse such work anyway.
        """
        user = self._logged_in.user
        entries: tuple[tuple[str, tuple[str, str], type[QWidget] | None], ...] = (
            (QT_TRANSLATE_NOOP("MainWindow", "Security tools…"), ("security", "admin"), None),
            (QT_TRANSLATE_NOOP("MainWindow", "Employees"), ("reference", "view"), EmployeesPanel),
            (
                QT_TRANSLATE_NOOP("MainWindow", "Permissions"),
                ("security", "view"),
                PermissionsPanel,
            ),
            (QT_TRANSLATE_NOOP("MainWindow", "Log review"), ("security", "view"), AuditPanel),
        )
        self.settings_actions: dict[str, QAction] = {}
        for title, (module, action), panel_class in entries:
            if not user.may(module, action):
                continue
            text = QCoreApplication.translate("MainWindow", str(title))
            menu_action = menu.addAction(text)
            if panel_class is None:
                menu_action.triggered.connect(self._on_security_tools_action_triggered)
            else:
                menu_action.triggered.connect(
                    lambda _checked=False, cls=panel_class, name=text: self._show_panel(cls, name)
                )
            self.settings_actions[str(title)] = menu_action

    def _show_panel(self, panel_class: type[QWidget], title: str) -> None:
        panel = panel_class(self._logged_in, self._language)  # type: ignore[call-arg]
        self.setCentralWidget(panel)
        self.setWindowTitle(
            QCoreApplication.translate("MainWindow", "MediaCRM — %1").replace("%1", title)
        )

    def _on_security_tools_action_triggered(self) -> None:
        self.security_tools_dialog = SecurityToolsDialog(
            self._logged_in, self._language, parent=self
        )
        self.security_tools_dialog.open()

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
