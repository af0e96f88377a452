"""Errors as the user reads them: expected ones in their language, anything else as a bug
pointing at the log file — never a traceback on screen."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from app.errors import MediaCrmError
from app.messages import describe
from ui.logging_setup import log_path

log = logging.getLogger(__name__)


def error_text(error: BaseException, language: str) -> str:
    if isinstance(error, MediaCrmError):
        return describe(error, language)
    log.error("unexpected error", exc_info=error)
    return QCoreApplication.translate(
        "Errors", "Something unexpected went wrong. The details are in the log file %1."
    ).replace("%1", str(log_path()))
