"""Modal questions behind an interface, so that tests answer them instead of a person.

Screens take a `Prompter`; the program passes `MessageBoxPrompter`, tests pass an object that
records the question and returns a prepared answer.
"""

from __future__ import annotations

from typing import Literal, Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

Choice = Literal["save", "discard", "cancel"]


class Prompter(Protocol):
    def confirm(self, parent: QWidget, title: str, question: str) -> bool:
        """Ask a yes/no question; True for yes."""
        ...

    def save_discard_cancel(self, parent: QWidget, title: str, question: str) -> Choice:
        """Ask what to do with unsaved changes."""
        ...

    def warn(self, parent: QWidget, title: str, message: str) -> None:
        """Tell the user something went wrong (and wait until they have read it)."""
        ...


class MessageBoxPrompter:
    def confirm(self, parent: QWidget, title: str, question: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def save_discard_cancel(self, parent: QWidget, title: str, question: str) -> Choice:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            parent, title, question, buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save
        )
        if answer == buttons.Save:
            return "save"
        return "discard" if answer == buttons.Discard else "cancel"

    def warn(self, parent: QWidget, title: str, message: str) -> None:
        QMessageBox.warning(parent, title, message)
