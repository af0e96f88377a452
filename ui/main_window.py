"""The main window: the six menus of SPEC §3.2 and a status bar naming the database.

The menus' modules, the login and the shortcut panel arrive with their own issues; until
then the window says so instead of pretending.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMainWindow
from sqlalchemy import Engine

from app.config import without_password
from app.schema import SchemaStatus

MENU_TITLES = (
    ("MainWindow", "File"),
    ("MainWindow", "System settings"),
    ("MainWindow", "Customer archive"),
    ("MainWindow", "Customer management"),
    ("MainWindow", "Business"),
    ("MainWindow", "Help"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    def __init__(self, engine: Engine, status: SchemaStatus) -> None:
        super().__init__()
        self.setWindowTitle(tr("MediaCRM"))
        self.resize(1280, 800)
        for _context, title in MENU_TITLES:
            self.menuBar().addMenu(tr(title))
        exit_action = self.menuBar().actions()[0].menu().addAction(tr("Exit"))
        exit_action.triggered.connect(self.close)
        notice = QLabel(
            tr(
                "The database is ready (schema %1). The modules open here as they are built."
            ).replace("%1", status.head)
        )
        notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(notice)
        self.statusBar().showMessage(tr("Database: %1").replace("%1", without_password(engine.url)))
