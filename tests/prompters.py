"""The prompter that panels and dialogs ask their questions through, answered by the test."""

from __future__ import annotations

from ui.widgets.prompter import Choice


class Answers:
    """Answers every yes/no question with `confirm` (None: the test expects none, so being
    asked fails it) and a question about unsaved changes with `leave`; keeps what it was
    asked and warned about."""

    def __init__(self, confirm: bool | None = True, leave: Choice = "cancel") -> None:
        self.confirm_answer = confirm
        self.leave_answer: Choice = leave
        self.asked: list[str] = []
        self.warnings: list[str] = []

    def confirm(self, _parent: object, _title: str, question: str) -> bool:
        self.asked.append(question)
        assert self.confirm_answer is not None, f"asked unexpectedly: {question}"
        return self.confirm_answer

    def save_discard_cancel(self, _parent: object, _title: str, question: str) -> Choice:
        self.asked.append(question)
        return self.leave_answer

    def warn(self, _parent: object, _title: str, message: str) -> None:
        self.warnings.append(message)
