"""The help window: the HTML help pages with back, forward and contents, links between pages
followed inside the window and links to web sites opened in the browser."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


class HelpDialog(QDialog):
    page_shown = Signal(str)  # the page's file path

    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._home = home
        self.setWindowTitle(translate("HelpDialog", "MediaCRM Help"))
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.WindowMinMaxButtonsHint, True)
        self._build()
        self.browser.sourceChanged.connect(self._on_browser_source_changed)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.home_button.clicked.connect(self._on_home_button_clicked)
        self.close_button.clicked.connect(self.close)
        self.resize(820, 640)

    def _build(self) -> None:
        self.back_button = QPushButton(translate("HelpDialog", "◀ Back"))
        self.back_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.forward_button = QPushButton(translate("HelpDialog", "Forward ▶"))
        self.forward_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Forward))
        self.home_button = QPushButton(translate("HelpDialog", "Contents"))
        self.close_button = QPushButton(translate("HelpDialog", "Close"))
        for button in (self.back_button, self.forward_button):
            button.setEnabled(False)
        for button in (self.back_button, self.forward_button, self.home_button, self.close_button):
            button.setAutoDefault(False)
        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addWidget(self.forward_button)
        bar.addWidget(self.home_button)
        bar.addStretch()
        bar.addWidget(self.close_button)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setOpenLinks(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser)

    def show_page(self, path: Path) -> None:
        if not path.is_file():
            self.browser.setHtml(
                "<h1>{}</h1><p>{}</p>".format(
                    translate("HelpDialog", "Help is not available"),
                    translate(
                        "HelpDialog", "The help pages were not found in %1. Reinstall MediaCRM."
                    ).replace("%1", str(path.parent.parent)),
                )
            )
            return
        url = QUrl.fromLocalFile(str(path))
        if self.browser.source() != url:
            self.browser.setSource(url)

    def set_home(self, home: Path) -> None:
        """The contents page, in the language of the user now logged in."""
        self._home = home

    def current_page(self) -> Path | None:
        source = self.browser.source()
        return Path(source.toLocalFile()) if source.isLocalFile() else None

    def _on_home_button_clicked(self) -> None:
        self.show_page(self._home)

    def _on_browser_source_changed(self, url: QUrl) -> None:
        title = self.browser.documentTitle()
        self.setWindowTitle(
            translate("HelpDialog", "MediaCRM Help — %1").replace("%1", title)
            if title
            else translate("HelpDialog", "MediaCRM Help")
        )
        self.page_shown.emit(url.toLocalFile())
