"""The panel of a module that comes in a later version: it names the module and says so,
instead of an empty area or a menu entry that does nothing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QStyle, QVBoxLayout, QWidget

CONTEXT = "PendingPanel"
ICON_SIZE = 48


class PendingPanel(QWidget):
    def __init__(self, title: str, help_topic: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.help_topic = help_topic
        self._title = title
        self.setObjectName("pending_panel")
        icon_label = QLabel()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        icon_label.setPixmap(icon.pixmap(ICON_SIZE, ICON_SIZE))
        self.title_label = QLabel(title)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.message_label = QLabel(
            QCoreApplication.translate(
                "PendingPanel",
                "%1 arrives in a later version of MediaCRM. This is where it will open.",
            ).replace("%1", title)
        )
        self.message_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (icon_label, self.title_label, self.message_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(2)
        layout.setContentsMargins(48, 24, 48, 24)

    def title(self) -> str:
        return self._title
