"""Merging two records of one company (issue 5 item 8): an administrator picks the customer
to keep and the one merged into it, sees both side by side with what refers to each
(contacts, history, orders…), confirms, and app/ownership.py moves everything; the merged
customer goes to the recycle bin. The database's triggers audit each moved row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import customer_tools, ownership
from app.customer_tools import CustomerSummary
from app.ownership import MergeResult
from ui.dialogs.transfer_dialog import SearchList
from ui.errors import error_text
from ui.widgets.background_search import BackgroundSearch
from ui.widgets.progress_runner import Progress, ProgressRunner
from ui.widgets.prompter import MessageBoxPrompter, Prompter

if TYPE_CHECKING:
    from ui.modules import PanelContext

translate = QCoreApplication.translate


class MergeDialog(QDialog):
    """Keep one customer, merge another into it."""

    merged = Signal(object)  # MergeResult

    def __init__(
        self,
        context: PanelContext,
        customer_ids: Sequence[int] = (),
        prompter: Prompter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = context.language
        self._user = context.logged_in.user
        self._sessions = context.session_factory
        self._prompter = prompter or MessageBoxPrompter()
        self.runner: ProgressRunner | None = None
        self.busy = False
        self._summaries: dict[int, CustomerSummary | None] = {}
        self._given = list(customer_ids[:2])
        self.setWindowTitle(translate("MergeDialog", "Merge customers"))
        search = translate("MergeDialog", "Search customers by name")
        self.keep_picker = SearchList(search, self)
        self.merge_picker = SearchList(search, self)
        self.compare_table = QTableWidget(0, 3, self)
        self.compare_table.setHorizontalHeaderLabels(
            [
                "",
                translate("MergeDialog", "Kept"),
                translate("MergeDialog", "Merged into it (to the recycle bin)"),
            ]
        )
        self.compare_table.verticalHeader().hide()
        self.compare_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.compare_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.merge_button = QPushButton(translate("MergeDialog", "&Merge"), self)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        self._lay_out()
        self.searches: list[BackgroundSearch] = []
        for picker in (self.keep_picker, self.merge_picker):
            search = BackgroundSearch(self._search_customers, self)
            search.found.connect(lambda found, p=picker: self._show_found(p, found))
            search.failed.connect(self._on_search_failed)
            picker.search_edit.textChanged.connect(search.ask)
            picker.selection_changed.connect(self._update_state)
            self.searches.append(search)
            self._show_found(picker, self._search_customers(""))
        if customer_ids:
            self.keep_picker.select(customer_ids[0])
        if len(customer_ids) > 1:
            self.merge_picker.select(customer_ids[1])
        self._update_state()

    def _lay_out(self) -> None:
        sides = QGridLayout()
        for column, (title, picker) in enumerate(
            (
                (translate("MergeDialog", "Customer to keep"), self.keep_picker),
                (translate("MergeDialog", "Customer merged into it"), self.merge_picker),
            )
        ):
            box = QGroupBox(title, self)
            inner = QVBoxLayout(box)
            inner.addWidget(picker)
            sides.addWidget(box, 0, column)
        layout = QVBoxLayout(self)
        layout.addLayout(sides, 2)
        layout.addWidget(self.compare_table, 3)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.resize(760, 640)

    def _search_customers(self, text: str) -> list[tuple[int, str]]:
        """In the background (searches): the first customers `text` finds."""
        with self._sessions() as session:
            return customer_tools.find_customers(session, self._user, text)

    def _show_found(self, picker: SearchList, found: list[tuple[int, str]]) -> None:
        """The customers found, and those chosen or given even if they were not found."""
        chosen = picker.selected_ids()
        listed = {id_ for id_, _name in found}
        for id_ in [*chosen, *self._given]:
            summary = self._summary(id_)
            if id_ not in listed and summary is not None:
                found.append((id_, summary.name))
                listed.add(id_)
        picker.list_widget.blockSignals(True)
        picker.set_items(found)
        picker.select(*chosen)
        picker.list_widget.blockSignals(False)

    def _summary(self, customer_id: int) -> CustomerSummary | None:
        if customer_id not in self._summaries:
            with self._sessions() as session:
                self._summaries[customer_id] = customer_tools.customer_summary(
                    session, self._user, customer_id, self._language
                )
        return self._summaries[customer_id]

    def chosen(self) -> tuple[int | None, int | None]:
        return self.keep_picker.selected_id(), self.merge_picker.selected_id()

    def _update_state(self) -> None:
        keep, merge = self.chosen()
        sides = [self._summary(id_) if id_ is not None else None for id_ in (keep, merge)]
        self._show_comparison(sides)
        ready = keep is not None and merge is not None and keep != merge
        self.merge_button.setEnabled(ready and not self.busy)

    def _show_comparison(self, sides: list[CustomerSummary | None]) -> None:
        def texts(attribute: str) -> list[str]:
            return [str(getattr(side, attribute) or "") if side else "" for side in sides]

        rows: list[tuple[str, list[str]]] = [
            (translate("MergeDialog", "Name"), texts("name")),
            (translate("MergeDialog", "Short name"), texts("short_name")),
            (translate("MergeDialog", "Type"), texts("customer_type")),
            (translate("MergeDialog", "Owner"), texts("owner")),
            (translate("MergeDialog", "Phone"), texts("phone")),
            (translate("MergeDialog", "Credit code"), texts("credit_code")),
        ]
        labels: list[str] = []
        for side in sides:
            for label in side.references if side else {}:
                if label not in labels:
                    labels.append(label)
        for label in labels:
            counts = [str(side.references.get(label, 0)) if side else "" for side in sides]
            rows.append((label, counts))
        self.compare_table.setRowCount(len(rows))
        for row, (title, values) in enumerate(rows):
            heading = QTableWidgetItem(title)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.compare_table.setItem(row, 0, heading)
            for column, value in enumerate(values, start=1):
                self.compare_table.setItem(row, column, QTableWidgetItem(value))

    def shown_rows(self) -> list[tuple[str, ...]]:
        table = self.compare_table
        return [
            tuple(
                item.text() if (item := table.item(row, column)) is not None else ""
                for column in range(table.columnCount())
            )
            for row in range(table.rowCount())
        ]

    def _on_merge_button_clicked(self) -> None:
        keep, merge = self.chosen()
        if keep is None or merge is None or keep == merge:
            return
        kept, merged = self._summary(keep), self._summary(merge)
        question = (
            translate(
                "MergeDialog",
                "Merge 「%1」 into 「%2」? Its contacts, history, orders and everything else "
                "move to 「%2」, and 「%1」 goes to the recycle bin.",
            )
            .replace("%1", merged.name if merged else "")
            .replace("%2", kept.name if kept else "")
        )
        if not self._prompter.confirm(self, self.windowTitle(), question):
            return
        user = self._user

        def work(_progress: Progress) -> MergeResult:
            with self._sessions.begin() as session:
                return ownership.merge_customers(session, user, keep, merge)

        self.busy = True
        self.merge_button.setEnabled(False)
        self.runner = ProgressRunner(
            self, self.windowTitle(), translate("MergeDialog", "Merging…"), work
        )
        self.runner.succeeded.connect(self._on_runner_succeeded)
        self.runner.failed.connect(self._on_runner_failed)
        self.runner.start()

    def _on_runner_succeeded(self, result: MergeResult) -> None:
        moved = sum(result.moved.values())
        self.result_label.setText(
            translate("MergeDialog", "Merged: %1 record(s) moved.").replace("%1", str(moved))
        )
        self._after_run()
        self.merge_picker.select()
        self.merged.emit(result)

    def _on_search_failed(self, error: Exception) -> None:
        self.result_label.setText(error_text(error, self._language))

    def _on_runner_failed(self, error: Exception) -> None:
        message = error_text(error, self._language)
        self.result_label.setText(message)
        self._prompter.warn(self, self.windowTitle(), message)
        self._after_run()

    def _after_run(self) -> None:
        self.busy = False
        self._summaries.clear()
        for picker in (self.keep_picker, self.merge_picker):
            self._show_found(picker, self._search_customers(picker.search_edit.text()))
        self._update_state()


def open_merge_dialog(
    context: PanelContext,
    customer_ids: Sequence[int],
    parent: QWidget | None,
    prompter: Prompter | None = None,
) -> MergeDialog:
    """The merge dialog with the customers selected in a list (first kept, second merged),
    opened window-modal."""
    dialog = MergeDialog(context, customer_ids, prompter, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
