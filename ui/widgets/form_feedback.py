"""What a form shows while it works and when it refuses: a busy bar, error messages at
the field they belong to.

`app/` names the field in `ValidationError.field`; a form registers a label per field name
and shows the message there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.errors import MediaCrmError, ValidationError
from ui.errors import error_text

ERROR_STYLE = "color: #c62828;"
T = TypeVar("T")


def error_label(parent: QWidget) -> QLabel:
    """A hidden, red, word-wrapping label for a message."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def busy_bar() -> QProgressBar:
    """A hidden bar that only says "working" (background work has no steps to count)."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.hide()
    return bar


def add_dialog_footer(
    layout: QBoxLayout, errors: FieldErrors, ok_text: str, cancel_text: str
) -> tuple[QProgressBar, QPushButton, QPushButton]:
    """Below a dialog's form: the general error label, a busy bar, then the default OK button
    and Cancel at the right. Returns (busy bar, OK button, Cancel button)."""
    layout.addWidget(errors.general)
    bar = busy_bar()
    layout.addWidget(bar)
    buttons = QHBoxLayout()
    buttons.addStretch()
    ok_button = QPushButton(ok_text)
    ok_button.setDefault(True)
    cancel_button = QPushButton(cancel_text)
    buttons.addWidget(ok_button)
    buttons.addWidget(cancel_button)
    layout.addLayout(buttons)
    return bar, ok_button, cancel_button


class FieldErrors:
    """A form's error labels: one per field, and a general one for errors of no field."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._labels: dict[str, QLabel] = {}
        self._inputs: dict[str, QWidget] = {}
        self.general = error_label(parent)

    def add(self, field: str, field_input: QWidget) -> QLabel:
        """The error label for `field`, whose input gets the focus when it is wrong."""
        self._labels[field] = error_label(self._parent)
        self._inputs[field] = field_input
        return self._labels[field]

    def add_rows(self, form: QFormLayout, rows: Iterable[tuple[str, str, QWidget]]) -> None:
        """For each (label, field, input): the input's row in `form`, its error label below."""
        for label, field, field_input in rows:
            form.addRow(label, field_input)
            form.addRow("", self.add(field, field_input))

    def show(self, field: str | None, message: str) -> None:
        """Show `message` at `field`, or as a general message if the form has no such field."""
        label = self._labels.get(field or "", self.general)
        label.setText(message)
        label.show()
        if field in self._inputs:
            self._inputs[field].setFocus()

    def show_error(self, error: Exception, language: str) -> str:
        """Show `error` in the user's language at the field it names; return the message."""
        message = error_text(error, language)
        self.show(error.field if isinstance(error, ValidationError) else None, message)
        return message

    def text(self, field: str) -> str:
        return self._labels[field].text()

    def clear(self) -> None:
        for label in (*self._labels.values(), self.general):
            label.clear()
            label.hide()


def run_change(
    sessions: sessionmaker[Session],
    errors: FieldErrors,
    language: str,
    action: Callable[[Session], T],
) -> tuple[bool, T | None, str]:
    """Run one change in its own transaction: (True, its result, ""), or (False, None, the
    message) after showing an expected refusal at its field."""
    errors.clear()
    try:
        with sessions.begin() as session:
            return True, action(session), ""
    except MediaCrmError as error:
        return False, None, errors.show_error(error, language)
