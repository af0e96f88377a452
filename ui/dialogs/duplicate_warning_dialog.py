"""The collision warning (撞单): the customer being saved looks like existing ones. Lists each
match — the rule in words, the owner and department, the customer's name only when the user
may see it — and lets the user save anyway or go back."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.customer_duplicates import DuplicateMatch

translate = QCoreApplication.translate


def rule_text(match: DuplicateMatch) -> str:
    """The rule that matched, in words (同名 / 同电话 / 同邮箱)."""
    if match.rule == "name":
        return translate("DuplicateWarningDialog", "Same name")
    if match.rule == "phone":
        return translate("DuplicateWarningDialog", "Same phone")
    if match.rule == "email":
        return translate("DuplicateWarningDialog", "Same e-mail")
    return translate("DuplicateWarningDialog", "Same credit code")


def match_texts(match: DuplicateMatch) -> tuple[str, str, str, str]:
    """(rule, customer, owner, department) as shown; a customer hidden from the user is not
    named."""
    hidden = translate("DuplicateWarningDialog", "(not visible to you)")
    return (
        rule_text(match),
        match.customer_name if match.customer_name is not None else hidden,
        match.owner_name or "—",
        match.department_name or "—",
    )


class DuplicateWarningDialog(QDialog):
    """Save anyway (accepted) or Cancel (rejected)."""

    def __init__(self, matches: Sequence[DuplicateMatch], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicate_warning_dialog")
        self.setWindowTitle(translate("DuplicateWarningDialog", "Possible duplicate customer"))
        self.matches = tuple(matches)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "DuplicateWarningDialog",
                "This customer looks like existing customers. Ask their owner before you go "
                "on, or save it anyway.",
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.matches_table = QTableWidget(len(self.matches), 4, self)
        self.matches_table.setObjectName("matches_table")
        self.matches_table.setHorizontalHeaderLabels(
            [
                translate("DuplicateWarningDialog", "Rule"),
                translate("DuplicateWarningDialog", "Customer"),
                translate("DuplicateWarningDialog", "Owner"),
                translate("DuplicateWarningDialog", "Department"),
            ]
        )
        self.matches_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matches_table.verticalHeader().hide()
        header = self.matches_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, match in enumerate(self.matches):
            for column, text in enumerate(match_texts(match)):
                self.matches_table.setItem(row, column, QTableWidgetItem(text))
        layout.addWidget(self.matches_table)
        buttons = QDialogButtonBox(self)
        self.save_anyway_button = buttons.addButton(
            translate("DuplicateWarningDialog", "Save anyway"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 300)

    def shown_rows(self) -> list[tuple[str, ...]]:
        """What the table shows, row by row (for tests and screen readers alike)."""
        table = self.matches_table
        return [
            tuple(table.item(row, column).text() for column in range(table.columnCount()))
            for row in range(table.rowCount())
        ]
