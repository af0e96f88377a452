"""Handing customers over (客户移交, issue 5 item 7): the selected customers to another
employee, or every customer of a departing employee at once.

Only heads and administrators see these dialogs' buttons (`ownership.may_transfer`); the
service refuses anyone else anyway, and the employees offered are those it would accept.
The change runs in the background; the database's triggers write the audit entries.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import customer_tools, ownership
from app.customer_tools import EmployeeChoice
from app.ownership import TransferResult
from ui.errors import error_text
from ui.widgets.background_search import BackgroundSearch
from ui.widgets.progress_runner import Progress, ProgressRunner
from ui.widgets.prompter import MessageBoxPrompter, Prompter

if TYPE_CHECKING:
    from ui.modules import PanelContext

translate = QCoreApplication.translate
ID_ROLE = Qt.ItemDataRole.UserRole


class SearchList(QWidget):
    """A search box over a list of (id, text) items; the box filters as the user types."""

    selection_changed = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None, *, many: bool = False):
        super().__init__(parent)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(placeholder)
        self.search_edit.setClearButtonEnabled(True)
        self.list_widget = QListWidget(self)
        mode = QAbstractItemView.SelectionMode
        self.list_widget.setSelectionMode(mode.ExtendedSelection if many else mode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list_widget)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.list_widget.itemSelectionChanged.connect(self.selection_changed)

    def set_items(self, items: Sequence[tuple[int, str]]) -> None:
        self.list_widget.clear()
        for id_, text in items:
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, id_)
            self.list_widget.addItem(item)
        self._on_search_edit_text_changed(self.search_edit.text())

    def _on_search_edit_text_changed(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.list_widget.count()):
            item = self.list_widget.item(row)
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())

    def select(self, *ids: int) -> None:
        for row in range(self.list_widget.count()):
            item = self.list_widget.item(row)
            item.setSelected(item.data(ID_ROLE) in ids)

    def selected_ids(self) -> list[int]:
        return [int(item.data(ID_ROLE)) for item in self.list_widget.selectedItems()]

    def selected_id(self) -> int | None:
        ids = self.selected_ids()
        return ids[0] if ids else None


def employee_text(choice: EmployeeChoice, *, with_count: bool = False) -> str:
    text = choice.name if not choice.department else f"{choice.name}（{choice.department}）"
    if with_count:
        count = translate("TransferDialog", "%1 customer(s)").replace("%1", str(choice.customers))
        text += f" — {count}"
    return text


class _OwnershipDialog(QDialog):
    """What both dialogs share: the user, sessions, the OK button, the background run."""

    transferred = Signal(object)  # TransferResult

    def __init__(
        self, context: PanelContext, prompter: Prompter | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._user = context.logged_in.user
        self._sessions = context.session_factory
        self._prompter = prompter or MessageBoxPrompter()
        self.runner: ProgressRunner | None = None
        self.busy = False
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.ok_button = QPushButton(self)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.ok_button.clicked.connect(self._on_ok_button_clicked)

    def _on_ok_button_clicked(self) -> None:
        raise NotImplementedError

    def _run(self, label: str, work: Callable[[Any], TransferResult]) -> None:
        def job(_progress: Progress) -> TransferResult:
            with self._sessions.begin() as session:
                return work(session)

        self.busy = True
        self.ok_button.setEnabled(False)
        self.runner = ProgressRunner(self, self.windowTitle(), label, job)
        self.runner.succeeded.connect(self._on_runner_succeeded)
        self.runner.failed.connect(self._on_runner_failed)
        self.runner.start()

    def _on_runner_succeeded(self, result: TransferResult) -> None:
        self.result_label.setText(
            translate("TransferDialog", "%1 customer(s) handed over.").replace(
                "%1", str(len(result.customer_ids))
            )
        )
        self.transferred.emit(result)
        self._after_run()

    def _on_runner_failed(self, error: Exception) -> None:
        message = error_text(error, self._context.language)
        self.result_label.setText(message)
        self._prompter.warn(self, self.windowTitle(), message)
        self._after_run()

    def _after_run(self) -> None:
        self.busy = False
        self._update_state()

    def _update_state(self) -> None:
        raise NotImplementedError


class TransferDialog(_OwnershipDialog):
    """Give chosen customers to another employee. Without `customer_ids` the dialog offers
    the customers the user sees to choose from."""

    def __init__(
        self,
        context: PanelContext,
        customer_ids: Sequence[int] = (),
        prompter: Prompter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, prompter, parent)
        self.setWindowTitle(translate("TransferDialog", "Transfer customers"))
        self.ok_button.setText(translate("TransferDialog", "&Transfer"))
        self._customer_ids = list(customer_ids)
        layout = QVBoxLayout(self)
        self.customer_picker: SearchList | None = None
        if not self._customer_ids:
            self.customer_picker = SearchList(
                translate("TransferDialog", "Search customers by name"), self, many=True
            )
            layout.addWidget(QLabel(translate("TransferDialog", "Customers to transfer:"), self))
            layout.addWidget(self.customer_picker)
            self.customer_search = BackgroundSearch(self._search_customers, self)
            self.customer_search.found.connect(self._show_customers)
            self.customer_search.failed.connect(
                lambda error: self.result_label.setText(error_text(error, self._context.language))
            )
            self.customer_picker.search_edit.textChanged.connect(self.customer_search.ask)
            self.customer_picker.selection_changed.connect(self._update_state)
        self.count_label = QLabel(self)
        layout.addWidget(self.count_label)
        layout.addWidget(QLabel(translate("TransferDialog", "New owner:"), self))
        self.employee_picker = SearchList(translate("TransferDialog", "Search employees"), self)
        self.employee_picker.selection_changed.connect(self._update_state)
        layout.addWidget(self.employee_picker)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.resize(460, 520)
        with self._sessions() as session:
            targets = customer_tools.transfer_targets(session, self._user)
        self.employee_picker.set_items([(c.id, employee_text(c)) for c in targets])
        if self.customer_picker is not None:
            self._show_customers(self._search_customers(""))
        self._update_state()

    def _search_customers(self, text: str) -> list[tuple[int, str]]:
        """In the background (customer_search): the first customers `text` finds."""
        with self._sessions() as session:
            return customer_tools.find_customers(session, self._user, text)

    def _show_customers(self, found: list[tuple[int, str]]) -> None:
        assert self.customer_picker is not None
        chosen = self.customer_picker.selected_ids()
        self.customer_picker.list_widget.blockSignals(True)
        self.customer_picker.set_items(found)
        self.customer_picker.select(*chosen)
        self.customer_picker.list_widget.blockSignals(False)
        self._update_state()

    def chosen_customers(self) -> list[int]:
        if self.customer_picker is not None:
            return self.customer_picker.selected_ids()
        return self._customer_ids

    def _update_state(self) -> None:
        count = len(self.chosen_customers())
        self.count_label.setText(
            translate("TransferDialog", "%1 customer(s) chosen.").replace("%1", str(count))
        )
        ready = count > 0 and self.employee_picker.selected_id() is not None
        self.ok_button.setEnabled(ready and not self.busy)

    def _on_ok_button_clicked(self) -> None:
        to = self.employee_picker.selected_id()
        chosen = self.chosen_customers()
        if to is None or not chosen:
            return
        user = self._user
        self._run(
            translate("TransferDialog", "Handing the customers over…"),
            lambda session: ownership.transfer_customers(session, user, chosen, to),
        )


class HandOverDialog(_OwnershipDialog):
    """Every customer of a departing employee to a colleague, after showing how many."""

    def __init__(
        self,
        context: PanelContext,
        prompter: Prompter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, prompter, parent)
        self.setWindowTitle(translate("TransferDialog", "Hand over an employee's customers"))
        self.ok_button.setText(translate("TransferDialog", "&Hand over"))
        self.from_picker = SearchList(translate("TransferDialog", "Search employees"), self)
        self.to_picker = SearchList(translate("TransferDialog", "Search employees"), self)
        self.count_label = QLabel(self)
        form = QFormLayout()
        form.addRow(translate("TransferDialog", "From (departing):"), self.from_picker)
        form.addRow(translate("TransferDialog", "To:"), self.to_picker)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.resize(520, 560)
        self.from_picker.selection_changed.connect(self._update_state)
        self.to_picker.selection_changed.connect(self._update_state)
        self._owners: dict[int, EmployeeChoice] = {}
        self._load()

    def _load(self) -> None:
        with self._sessions() as session:
            owners = customer_tools.customer_owners(session, self._user)
            targets = customer_tools.transfer_targets(session, self._user)
        self._owners = {choice.id: choice for choice in owners}
        chosen = self.from_picker.selected_ids()
        self.from_picker.set_items([(c.id, employee_text(c, with_count=True)) for c in owners])
        self.from_picker.select(*chosen)
        self.to_picker.set_items([(c.id, employee_text(c)) for c in targets])
        self._update_state()

    def customer_count(self) -> int:
        chosen = self.from_picker.selected_id()
        return self._owners[chosen].customers if chosen in self._owners else 0

    def _update_state(self) -> None:
        source = self.from_picker.selected_id()
        target = self.to_picker.selected_id()
        if source is None:
            self.count_label.setText(translate("TransferDialog", "Choose the departing employee."))
        else:
            self.count_label.setText(
                translate("TransferDialog", "%1 has %2 customer(s).")
                .replace("%1", self._owners[source].name)
                .replace("%2", str(self.customer_count()))
            )
        ready = source is not None and target is not None and source != target
        self.ok_button.setEnabled(ready and self.customer_count() > 0 and not self.busy)

    def _after_run(self) -> None:
        self.busy = False
        self._load()

    def _on_ok_button_clicked(self) -> None:
        source, target = self.from_picker.selected_id(), self.to_picker.selected_id()
        if source is None or target is None:
            return
        question = (
            translate("TransferDialog", "Hand over all %1 customer(s) of %2 to %3?")
            .replace("%1", str(self.customer_count()))
            .replace("%2", self._owners[source].name)
            .replace("%3", self.to_picker.list_widget.selectedItems()[0].text())
        )
        if not self._prompter.confirm(self, self.windowTitle(), question):
            return
        user = self._user
        self._run(
            translate("TransferDialog", "Handing the customers over…"),
            lambda session: ownership.hand_over_all(session, user, source, target),
        )


def open_transfer_dialog(
    context: PanelContext,
    customer_ids: Sequence[int],
    parent: QWidget | None,
    prompter: Prompter | None = None,
) -> TransferDialog:
    """The transfer dialog for the customers selected in a list, opened window-modal."""
    dialog = TransferDialog(context, customer_ids, prompter, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
