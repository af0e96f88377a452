"""Forms and the customer panel driven in tests as a person would: typing into a field, the
panel opened with its list read."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.auth import LoggedIn
from tests.keyboard import type_in
from tests.prompters import Answers
from ui.modules import PanelContext
from ui.panels.customer_panel import CustomerPanel


def type_into(qtbot: QtBot, form: Any, key: str, text: str) -> None:
    """Types `text` over the field `key` of `form` (a FormView), then leaves the field."""
    editor = form.editor(key)
    widget = getattr(editor, "line_edit", None) or editor.focus_widget()
    widget.setFocus()
    if hasattr(widget, "selectAll"):
        widget.selectAll()
    type_in(qtbot, widget, text)
    widget.clearFocus()  # leaving the field checks it


def open_customer_panel(
    qtbot: QtBot, logged_in: LoggedIn, answers: Answers | None = None, language: str = "zh_CN"
) -> CustomerPanel:
    """The customer panel on screen, its list read."""
    panel = CustomerPanel(PanelContext(logged_in, language), prompter=answers or Answers())
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    assert panel.model is not None
    qtbot.waitUntil(lambda: not panel.model.is_loading())
    return panel


# The offscreen platform has no window manager to raise a popup, size it or give it the
# keyboard.
POPUP_WARNINGS = pytest.mark.qt_log_ignore(
    r"This plugin does not support (grabbing the keyboard|raise|propagateSizeHints)"
)
