"""Sales tracking (销售跟踪, Customer management menu): the customers the user sees with their
step of the sales process, narrowed to one step by a selector that counts the customers at
each; the selected customer's strip and history below, where its step is changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from app import records, sales_tracking
from app.customers import CUSTOMERS
from app.errors import MediaCrmError
from app.listing import Filter, ListColumn, ListQuery, ListSpec
from db.base import Label
from db.models.customers import Customer
from db.models.lookups import SalesStage
from db.models.org import Employee
from ui.errors import error_text
from ui.help import show_help
from ui.models.query_model import QueryTableModel
from ui.panels.customer_sales_tab import SalesTrackingTab, stage_text
from ui.widgets.prompter import MessageBoxPrompter, Prompter
from ui.widgets.tables import record_table_view

if TYPE_CHECKING:
    from ui.modules import PanelContext

translate = QCoreApplication.translate

ALL = "all"
NONE = "none"  # customers on no step yet
HELP_TOPIC = "customer_management"


def sales_list_spec(language: str) -> ListSpec:
    """Customer (by pinyin), step (in the process's order), owner, last change."""
    stage_name = SalesStage.name_en if language.startswith("en") else SalesStage.name_zh
    return ListSpec(
        Customer,
        (
            ListColumn.of(Customer.name, sort=Customer.name_pinyin),
            ListColumn.of(
                stage_name,
                key="sales_stage",
                kind="lookup",
                sort=SalesStage.step,
                label=Label("销售阶段", "Sales stage"),
            ),
            ListColumn.of(
                Employee.name, key="owner", label=Customer.owner_id, sort=Employee.name_pinyin
            ),
            ListColumn.of(Customer.updated_at, kind="datetime"),
        ),
        base=select(Customer.id)
        .outerjoin(SalesStage, SalesStage.id == Customer.sales_stage_id)
        .outerjoin(Employee, Employee.id == Customer.owner_id),
        hidden_columns=(ListColumn.of(Customer.sales_stage_id, kind="int"),),
    )


class SalesTrackingPanel(QWidget):
    """Customers by step, and the selected customer's sales tracking."""

    def __init__(self, context: PanelContext, prompter: Prompter | None = None) -> None:
        super().__init__()
        self.setObjectName("sales_tracking_panel")
        self._context = context
        self._prompter = prompter or MessageBoxPrompter()
        self._sessions = context.session_factory
        self._user = context.logged_in.user
        self._spec = sales_list_spec(context.language)
        self.step_list = QListWidget(self)
        self.step_list.setObjectName("step_list")
        self.step_list.currentItemChanged.connect(lambda *_: self._on_step_chosen())
        self.model = QueryTableModel(
            self._sessions, self._user, context.language, ListQuery(self._spec), parent=self
        )
        self.customer_view = record_table_view()
        self.customer_view.setObjectName("customer_view")
        self.customer_view.setModel(self.model)
        self.customer_view.setSortingEnabled(True)
        self.customer_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.customer_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 240)
        header.resizeSection(1, 140)
        self.customer_view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.tab = SalesTrackingTab(context, self._prompter, self)
        self.tab.stage_changed.connect(lambda _id: self.refresh())
        self.refresh_button = QPushButton(translate("SalesTrackingPanel", "Refresh"), self)
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.help_button = QPushButton(translate("SalesTrackingPanel", "Help"), self)
        self.help_button.clicked.connect(lambda: show_help(HELP_TOPIC, context.language, self))
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.help_button)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.customer_view)
        right.addWidget(self.tab)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.step_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._fill_steps()

    # The step selector.

    def _fill_steps(self) -> None:
        """The steps with their counts, keeping the one chosen."""
        chosen = self.chosen_step()
        try:
            with self._sessions.begin() as session:
                stages = sales_tracking.stages(session)
                counts = sales_tracking.stage_counts(session, self._user)
        except MediaCrmError as error:
            self._warn(error)
            return
        entries: list[tuple[Any, str, int]] = [
            (ALL, translate("SalesTrackingPanel", "All customers"), sum(counts.values())),
            (NONE, translate("SalesTrackingPanel", "No step yet"), counts.get(None, 0)),
        ]
        entries += [
            (stage.id, stage_text(stage, self._context.language), counts.get(stage.id, 0))
            for stage in stages
        ]
        self.step_list.blockSignals(True)
        self.step_list.clear()
        for key, text, count in entries:
            item = QListWidgetItem(f"{text} ({count})", self.step_list)
            item.setData(Qt.ItemDataRole.UserRole, key)
            if key == chosen:
                self.step_list.setCurrentItem(item)
        if self.step_list.currentItem() is None:
            self.step_list.setCurrentRow(0)
        self.step_list.blockSignals(False)

    def chosen_step(self) -> Any:
        item = self.step_list.currentItem()
        return ALL if item is None else item.data(Qt.ItemDataRole.UserRole)

    def choose_step(self, key: Any) -> None:
        """Show the customers at step `key` (a stage id, ALL or NONE)."""
        for row in range(self.step_list.count()):
            if self.step_list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.step_list.setCurrentRow(row)
                return
        raise KeyError(key)

    def step_counts(self) -> dict[Any, str]:
        """What the selector shows, by key (for tests and screenshots)."""
        return {
            self.step_list.item(row).data(Qt.ItemDataRole.UserRole): self.step_list.item(row).text()
            for row in range(self.step_list.count())
        }

    def _on_step_chosen(self) -> None:
        key = self.chosen_step()
        if key == ALL:
            filters: list[Filter] = []
        elif key == NONE:
            filters = [Filter("sales_stage_id", "is_empty")]
        else:
            filters = [Filter("sales_stage_id", "equals", key)]
        self.model.set_filters(filters)
        self.tab.set_customer(None)

    # The list and the selected customer.

    def refresh(self) -> None:
        self._fill_steps()
        self.model.refresh()

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        index = self.customer_view.currentIndex()
        customer_id = self.model.row_id(index.row()) if index.isValid() else None
        if customer_id is None:
            self.tab.set_customer(None)
            return
        try:
            with self._sessions.begin() as session:
                record = records.read(session, self._user, CUSTOMERS, customer_id)
        except MediaCrmError as error:
            self._warn(error)
            return
        self.tab.set_customer(record)

    def select_customer(self, customer_id: int) -> bool:
        """Select the customer's row if it is read; True if it was found."""
        row = self.model.row_of_id(customer_id)
        if row is None:
            return False
        self.customer_view.selectRow(row)
        return True

    def _warn(self, error: BaseException) -> None:
        title = translate("SalesTrackingPanel", "Sales tracking")
        self._prompter.warn(self, title, error_text(error, self._context.language))

    def closeEvent(self, event: Any) -> None:
        self.model.close()
        super().closeEvent(event)


def sales_tracking_panel(context: PanelContext) -> QWidget:
    """The factory ui/modules.py lists under Customer management."""
    return SalesTrackingPanel(context)
