"""File management (文件管理, File menu): every customer attachment the user may see, with its
customer; Open, Save as… and Delete (to the recycle bin) as on the customer's tab.
Attachments are added from the customer's Attachments tab, where their customer is known.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import attachments
from app.attachments import AttachmentInfo
from app.errors import MediaCrmError
from app.listing import Filter, ListQuery
from ui.help import show_help
from ui.models.query_model import QueryTableModel
from ui.panels.customer_attachments_tab import (
    AttachmentActions,
    DialogFileChooser,
    FileChooser,
    SelectedAttachmentActions,
    UrlOpener,
)
from ui.widgets.prompter import MessageBoxPrompter, Prompter
from ui.widgets.tables import record_table_view

if TYPE_CHECKING:
    from ui.modules import PanelContext

translate = QCoreApplication.translate

HELP_TOPIC = "file_management"


class FileManagementPanel(SelectedAttachmentActions, QWidget):
    """All attachments the user sees, newest first, searchable by file or customer name."""

    def __init__(
        self,
        context: PanelContext,
        prompter: Prompter | None = None,
        *,
        files: FileChooser | None = None,
        open_url: UrlOpener | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("file_management_panel")
        self._context = context
        self._sessions = context.session_factory
        self._user = context.logged_in.user
        prompter = prompter or MessageBoxPrompter()
        self.file_actions = AttachmentActions(
            self,
            context,
            prompter,
            files or DialogFileChooser(),
            open_url or QDesktopServices.openUrl,
        )
        self.file_actions.changed.connect(self.refresh)
        query = ListQuery(attachments.attachment_list_spec(), "created_at", descending=True)
        self.model = QueryTableModel(
            self._sessions, self._user, context.language, query, parent=self
        )
        self.view = record_table_view()
        self.view.setObjectName("attachments_view")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        header = self.view.horizontalHeader()
        header.setSortIndicator(5, Qt.SortOrder.DescendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 220)
        header.resizeSection(1, 200)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name_edit")
        self.name_edit.returnPressed.connect(self.search)
        self.customer_edit = QLineEdit(self)
        self.customer_edit.setObjectName("customer_edit")
        self.customer_edit.returnPressed.connect(self.search)
        self.open_button = QPushButton(translate("FileManagementPanel", "Open"), self)
        self.save_button = QPushButton(translate("FileManagementPanel", "Save as…"), self)
        self.describe_button = QPushButton(translate("FileManagementPanel", "Properties…"), self)
        self.delete_button = QPushButton(translate("FileManagementPanel", "Delete"), self)
        self.refresh_button = QPushButton(translate("FileManagementPanel", "Refresh"), self)
        self.help_button = QPushButton(translate("FileManagementPanel", "Help"), self)
        self.open_button.clicked.connect(lambda: self.open_selected())
        self.save_button.clicked.connect(lambda: self.save_selected())
        self.describe_button.clicked.connect(lambda: self.describe_selected())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.help_button.clicked.connect(lambda: show_help(HELP_TOPIC, context.language, self))
        self.describe_button.setEnabled(self._user.may("customers", "edit"))
        self.delete_button.setEnabled(self._user.may("customers", "delete"))
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(translate("FileManagementPanel", "File name:"), self))
        buttons.addWidget(self.name_edit, 1)
        buttons.addWidget(QLabel(translate("FileManagementPanel", "Customer:"), self))
        buttons.addWidget(self.customer_edit, 1)
        for button in (
            self.open_button,
            self.save_button,
            self.describe_button,
            self.delete_button,
            self.refresh_button,
            self.help_button,
        ):
            buttons.addWidget(button)
        hint = QLabel(
            translate(
                "FileManagementPanel",
                "Files are added to a customer on the Attachments tab of the customer archive.",
            ),
            self,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)

    def search(self) -> None:
        """The files whose name, and whose customer's name, contain what is typed."""
        query = self.model.query()
        assert query is not None
        filters = [
            Filter(key, "contains", text)
            for key, text in (
                ("file_name", self.name_edit.text().strip()),
                ("customer", self.customer_edit.text().strip()),
            )
            if text
        ]
        self.model.set_query(query.filtered(filters))

    def refresh(self) -> None:
        self.model.refresh()

    def selected(self) -> AttachmentInfo | None:
        index = self.view.currentIndex()
        attachment_id = self.model.row_id(index.row()) if index.isValid() else None
        if attachment_id is None:
            return None
        try:
            with self._sessions.begin() as session:
                return attachments.info(session, self._user, attachment_id)
        except MediaCrmError as error:
            self.file_actions.warn(error)
            return None

    def closeEvent(self, event: Any) -> None:
        self.model.close()
        super().closeEvent(event)


def file_management_panel(context: PanelContext) -> QWidget:
    """The factory ui/modules.py lists in the File menu."""
    return FileManagementPanel(context)
