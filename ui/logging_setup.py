"""The program's log: a rotating file in the user's log folder, Qt's own messages included."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs
from PySide6.QtCore import QtMsgType, qInstallMessageHandler

from app.config import APP_NAME

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def log_path() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, False)) / "mediacrm.log"


def configure_logging() -> Path:
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    qt_log = logging.getLogger("qt")

    def route_qt_message(msg_type: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(_QT_LEVELS.get(msg_type, logging.WARNING), message)

    qInstallMessageHandler(route_qt_message)
    return path
