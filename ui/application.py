"""Starting the program: the database check, then the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app import config, schema
from app.errors import MediaCrmError
from app.messages import describe
from db.engine import make_engine
from ui.logging_setup import configure_logging
from ui.main_window import MainWindow

log = logging.getLogger(__name__)


def open_database(url_text: str | None) -> tuple[object, schema.SchemaStatus]:
    """The engine for the configured database, its schema brought up to date where allowed.

    The embedded SQLite file belongs to this user alone, so it is created and migrated
    here; a shared PostgreSQL server is upgraded only by an administrator.
    """
    url = config.resolve_database_url(url_text)
    engine = make_engine(url)
    if url.get_backend_name() == "sqlite":
        Path(url.database or "").parent.mkdir(parents=True, exist_ok=True)
        return engine, schema.upgrade(engine)
    command = f"mediacrm --db {config.without_password(url)} db upgrade"
    return engine, schema.require_current_schema(engine, command)


def run(argv: Sequence[str]) -> int:
    configure_logging()
    app = QApplication([sys.argv[0], *argv])
    app.setApplicationName("MediaCRM")
    settings = config.load_settings()
    try:
        engine, status = open_database(None)
    except MediaCrmError as exc:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("Application", "MediaCRM"),
            describe(exc, settings.language),
        )
        return 1
    window = MainWindow(engine, status)
    window.show()
    return app.exec()
