"""Customer statistics (客户统计, SPEC §3.5, Customer management menu): how many customers and
contacts the user may see, by a dimension chosen above the table — customer type, industry,
region, city, owner, sales step, or month of creation in a year — with each group's share of
the customers and a totals row; exported to Excel or CSV (with the export permission,
recorded in the audit trail) and printed through the print preview.

The counting is app/customer_statistics.py's, grouped by the database and read off the GUI
thread; the table holds the few dozen groups it returns.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import customer_statistics, export
from app.customer_statistics import DIMENSIONS, Dimension, Group, Statistics
from app.errors import MediaCrmError
from ui import background
from ui.errors import error_text
from ui.help import show_help
from ui.models.row_model import RowTableModel
from ui.printing import list_document, print_preview
from ui.widgets.form_feedback import error_label
from ui.widgets.prompter import MessageBoxPrompter, Prompter

if TYPE_CHECKING:
    from ui.modules import PanelContext

translate = QCoreApplication.translate

CONTEXT = "CustomerStatisticsPanel"
HELP_TOPIC = "customer_statistics"
EXPORT_TABLE = "customers"  # whose export permission and audit entry an export takes
FIRST_YEAR = 1990
TOTAL = object()  # the totals row


def dimension_title(dimension: str) -> str:
    """The dimension's name in the user's language (literal texts, so lupdate finds them)."""
    titles = {
        "customer_type": translate("CustomerStatisticsPanel", "Customer type"),
        "industry": translate("CustomerStatisticsPanel", "Industry"),
        "region": translate("CustomerStatisticsPanel", "Region (province)"),
        "city": translate("CustomerStatisticsPanel", "City"),
        "owner": translate("CustomerStatisticsPanel", "Owner"),
        "sales_stage": translate("CustomerStatisticsPanel", "Sales step"),
        "month": translate("CustomerStatisticsPanel", "Month of creation"),
    }
    return titles[dimension]


class StatisticsModel(RowTableModel):
    """The groups of one Statistics and a totals row; numbers right-aligned, totals bold."""

    class Column(IntEnum):
        VALUE = 0
        CUSTOMERS = 1
        CONTACTS = 2
        SHARE = 3

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.statistics: Statistics | None = None

    def set_statistics(self, statistics: Statistics) -> None:
        self.statistics = statistics
        self.set_rows([*statistics.groups, TOTAL])

    def header(self, column: Any) -> str:
        if column == self.Column.VALUE:
            return dimension_title(self.statistics.dimension) if self.statistics else ""
        if column == self.Column.CUSTOMERS:
            return translate("CustomerStatisticsPanel", "Customers")
        if column == self.Column.CONTACTS:
            return translate("CustomerStatisticsPanel", "Contacts")
        return translate("CustomerStatisticsPanel", "Share of customers")

    def row_id(self, row: Any) -> Any:
        return None if row is TOTAL else row.key

    def display(self, row: Any, column: Any) -> str:
        statistics = self.statistics
        assert statistics is not None
        if column == self.Column.VALUE:
            return self._value_text(statistics, row)
        if row is TOTAL:
            counts = (statistics.total_customers, statistics.total_contacts)
            share = 100.0 if statistics.total_customers else 0.0
        else:
            counts = (row.customers, row.contacts)
            share = statistics.share(row)
        if column == self.Column.CUSTOMERS:
            return f"{counts[0]:,}"
        if column == self.Column.CONTACTS:
            return f"{counts[1]:,}"
        return f"{share:.1f}%"

    @staticmethod
    def _value_text(statistics: Statistics, row: Group | object) -> str:
        if row is TOTAL:
            return translate("CustomerStatisticsPanel", "Total")
        assert isinstance(row, Group)
        if row.key is None:
            return translate("CustomerStatisticsPanel", "(none)")
        if statistics.dimension == "month":
            return translate("CustomerStatisticsPanel", "Month %1").replace("%1", str(row.key))
        return row.label or ""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < self.rowCount():
            if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.FontRole and self.row_at(index.row()) is TOTAL:
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)

    def shown_rows(self) -> list[tuple[str, ...]]:
        """Every row as its display texts, totals last: what an export or a print shows."""
        columns = list(self.Column)
        return [tuple(self.display(row, column) for column in columns) for row in self.rows()]

    def headers(self) -> list[str]:
        return [self.header(column) for column in self.Column]


class CustomerStatisticsPanel(QWidget):
    statistics_loaded = Signal(object)  # Statistics
    load_failed = Signal(str)
    exported = Signal(int)  # rows written
    status_message = Signal(str)

    def __init__(
        self,
        context: PanelContext,
        prompter: Prompter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customer_statistics_panel")
        self._context = context
        self._language = context.language
        self._prompter = prompter or MessageBoxPrompter()
        self._loading: background.WorkerSignals | None = None
        self._load_again = False
        self._build()
        self.refresh()

    @property
    def help_topic(self) -> str:
        return HELP_TOPIC

    def title(self) -> str:
        return translate("CustomerStatisticsPanel", "Customer statistics")

    def _build(self) -> None:
        user = self._context.logged_in.user
        self.dimension_combo = QComboBox(self)
        for dimension in DIMENSIONS:
            self.dimension_combo.addItem(dimension_title(dimension), dimension)
        self.dimension_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.year_spin = QSpinBox(self)
        this_year = QDate.currentDate().year()
        self.year_spin.setRange(FIRST_YEAR, this_year + 1)
        self.year_spin.setValue(this_year)
        self.year_spin.valueChanged.connect(self._on_choice_changed)
        self.year_label = QLabel(translate("CustomerStatisticsPanel", "Year:"), self)
        self.refresh_button = self._button(
            translate("CustomerStatisticsPanel", "Refresh"), self.refresh
        )
        self.export_button = self._button(
            translate("CustomerStatisticsPanel", "Export…"), self._on_export
        )
        self.print_button = self._button(
            translate("CustomerStatisticsPanel", "Print…"), self._on_print
        )
        self.help_button = self._button(translate("CustomerStatisticsPanel", "Help"), self._on_help)
        self.export_button.setEnabled(user.may("customers", "export"))
        self.print_button.setEnabled(user.may("customers", "print"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(translate("CustomerStatisticsPanel", "Count by:"), self))
        for widget in (self.dimension_combo, self.year_label, self.year_spin):
            bar.addWidget(widget)
        bar.addStretch(1)
        for button in (self.refresh_button, self.export_button, self.print_button):
            bar.addWidget(button)
        bar.addWidget(self.help_button)
        self.model = StatisticsModel(self)
        self.table_view = QTableView(self)
        self.table_view.setObjectName("customer_statistics_view")
        self.table_view.setModel(self.model)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.verticalHeader().hide()
        header = self.table_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.problem_label = error_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.table_view, 1)
        self._update_year()

    def _button(self, text: str, handler: Any) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.clicked.connect(lambda _checked=False: handler())
        return button

    def dimension(self) -> Dimension:
        return self.dimension_combo.currentData()  # type: ignore[no-any-return]

    def set_dimension(self, dimension: Dimension, year: int | None = None) -> None:
        """Count by `dimension` (and, for months, `year`): the table is read again."""
        if year is not None:
            blocked = self.year_spin.blockSignals(True)
            self.year_spin.setValue(year)
            self.year_spin.blockSignals(blocked)
        self.dimension_combo.setCurrentIndex(DIMENSIONS.index(dimension))
        self._on_choice_changed()

    def _update_year(self) -> None:
        monthly = self.dimension() == "month"
        self.year_label.setVisible(monthly)
        self.year_spin.setVisible(monthly)

    def _on_choice_changed(self, *_: Any) -> None:
        self._update_year()
        self.refresh()

    # Loading.

    def refresh(self) -> None:
        """Count again in the background; a refresh asked for meanwhile follows."""
        if self._loading is not None:
            self._load_again = True
            return
        sessions = self._context.session_factory
        user = self._context.logged_in.user
        dimension, year, language = self.dimension(), self.year_spin.value(), self._language

        def count() -> Statistics:
            with sessions() as session:
                return customer_statistics.customer_statistics(
                    session, user, dimension, language, year=year
                )

        self._loading = background.start(count, self._on_loaded, self._on_load_failed)

    def is_loading(self) -> bool:
        return self._loading is not None

    def _on_loaded(self, statistics: Statistics) -> None:
        self._loading = None
        if self._load_again:
            self._load_again = False
            self.refresh()
            return
        self.problem_label.hide()
        self.model.set_statistics(statistics)
        self.statistics_loaded.emit(statistics)

    def _on_load_failed(self, error: Exception) -> None:
        self._loading = None
        message = error_text(error, self._language)
        self.problem_label.setText(message)
        self.problem_label.show()
        self.load_failed.emit(message)
        if self._load_again:
            self._load_again = False
            self.refresh()

    # Export, print, help.

    def report_title(self) -> str:
        statistics = self.model.statistics
        dimension = statistics.dimension if statistics else self.dimension()
        title = translate("CustomerStatisticsPanel", "Customer statistics by %1").replace(
            "%1", dimension_title(dimension)
        )
        if statistics is not None and statistics.year is not None:
            title = (
                translate("CustomerStatisticsPanel", "%1 (%2)")
                .replace("%1", title)
                .replace("%2", str(statistics.year))
            )
        return title

    def _on_export(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self,
            translate("CustomerStatisticsPanel", "Export the statistics"),
            str(Path.home() / f"{self.report_title()}.xlsx"),
            translate("CustomerStatisticsPanel", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if path:
            self.export_to(Path(path), csv="csv" in chosen.lower())

    def export_to(self, path: Path, *, csv: bool = False) -> int | None:
        """Write the table as shown (totals included) to `path`, for a user with the export
        permission, and record the export in the audit trail; the rows written, or None."""
        user = self._context.logged_in.user
        headers, rows = self.model.headers(), self.model.shown_rows()
        try:
            export.require_export(user, EXPORT_TABLE)
            if csv or path.suffix.lower() == ".csv":
                count = export.write_csv(path, headers, rows)
            else:
                count = export.write_xlsx(path, headers, rows, self.report_title())
            with self._context.session_factory.begin() as session:
                export.record_export(session, user, EXPORT_TABLE, count)
        except MediaCrmError as error:
            self._prompter.warn(self, self.title(), error_text(error, self._language))
            return None
        self.status_message.emit(
            translate("CustomerStatisticsPanel", "Exported %1 rows to %2")
            .replace("%1", str(count))
            .replace("%2", str(path))
        )
        self.exported.emit(count)
        return count

    def print_document(self) -> Any:
        """The table as a printable document (title, headers, rows, who printed it)."""
        user = self._context.logged_in.user
        return list_document(
            self.report_title(),
            self.model.headers(),
            self.model.shown_rows(),
            user.display_name,
            right_aligned=(1, 2, 3),
        )

    def _on_print(self) -> None:
        try:
            self._context.logged_in.user.require("customers", "print")
        except MediaCrmError as error:
            self._prompter.warn(self, self.title(), error_text(error, self._language))
            return
        print_preview(self.print_document(), self)

    def _on_help(self) -> None:
        show_help(HELP_TOPIC, self._language, self)


def customer_statistics_panel(context: PanelContext) -> QWidget:
    """The factory of the `customer_statistics` module (Customer management → statistics)."""
    return CustomerStatisticsPanel(context)
