"""Typing into widgets as a person would, for pytest-qt tests."""

from __future__ import annotations

import re

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def type_in(qtbot: QtBot, widget: QWidget, typed: str) -> None:
    """Type as a person would: ASCII on the keyboard, Chinese through the input method, which
    hands over whole words."""
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", typed):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)
