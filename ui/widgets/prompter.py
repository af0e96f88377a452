"""Modal questions behind an interface, so that tests answer them instead of a person.

Screens take a `Prompter`; the program passes `MessageBoxPrompter`, tests pass an object that
records the question and returns a prepared answer.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget


class Prompter(Protocol):
    def confirm(self, parent: QWidget, title: str, question: str) -> bool:
        """Ask a yes/no question; True for yes."""
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
