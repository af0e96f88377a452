"""System settings → Security tools (安全工具): user accounts and the department tree.

Permissions have their own screen (ui/panels/permissions_panel.py), and so has the log
review (ui/panels/audit_panel.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from app.auth import LoggedIn
from ui.dialogs.security_departments_tab import DepartmentsTab
from ui.dialogs.security_users_tab import UsersTab
from ui.widgets.prompter import MessageBoxPrompter, Prompter

translate = QCoreApplication.translate


class SecurityToolsDialog(QDialog):
    def __init__(
        self,
        logged_in: LoggedIn,
        language: str,
        prompter: Prompter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SecurityToolsDialog", "Security tools"))
        prompter = prompter or MessageBoxPrompter()
        self.users_tab = UsersTab(logged_in, language, prompter)
        self.departments_tab = DepartmentsTab(logged_in, language, prompter)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.users_tab, translate("SecurityToolsDialog", "Users"))
        self.tabs.addTab(self.departments_tab, translate("SecurityToolsDialog", "Departments"))
        # A new department is at once a choice for new users.
        self.departments_tab.departments_changed.connect(self.users_tab.reload)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(980, 620)
