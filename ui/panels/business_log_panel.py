"""The business log (事务日志, SPEC §3.2, File menu): the user's dated work log as a RecordPanel,
with a date navigator above the list — a day, week or month, back and on, today, a date
picked from a calendar, or all dates — and, for those whose data permission shows other
people's entries (department heads, decision makers), a choice between their own entries
and everyone's they may see.

The list starts with the user's own entries, newest date first. The rules (whose entry it
is, the times, the customer) are app/business_log.py's; another person's entry opens read
only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QWidget,
)

from app import business_log, customer_records, records
from app.business_log import SPANS, Span
from app.fields import LookupOption
from app.listing import Filter, ListQuery
from app.records import RecordValues
from ui.dialogs.customer_record_dialog import keep_customer_option
from ui.panels.record_panel import HEADER_MARGIN, RecordPanel
from ui.widgets.prompter import Prompter

if TYPE_CHECKING:
    from ui.modules import PanelContext

translate = QCoreApplication.translate

DEFAULT_SPAN: Span = "all"
SHORT_COLUMNS = ("start_time", "end_time", "category")
SHORT_COLUMN_WIDTH = 80


def _span_title(span: str) -> str:
    # Literal texts, so that lupdate finds them.
    if span == "day":
        return translate("BusinessLogPanel", "Day")
    if span == "week":
        return translate("BusinessLogPanel", "Week")
    if span == "month":
        return translate("BusinessLogPanel", "Month")
    return translate("BusinessLogPanel", "All dates")


class BusinessLogPanel(RecordPanel):
    """The business log: a RecordPanel over app/business_log.py's kind, with the navigator."""

    def __init__(
        self,
        context: PanelContext,
        prompter: Prompter | None = None,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        user = context.logged_in.user
        # Read by _query(), which the base class calls while it builds the list.
        self._mine_only = True
        self._span: Span = DEFAULT_SPAN
        self._anchor = today or dt.date.today()
        self._today = today
        self._own = True
        super().__init__(
            context,
            business_log.kind_for(user),
            business_log.list_spec(context.language),
            "business_log",
            translate("BusinessLogPanel", "Business log"),
            prompter=prompter,
            parent=parent,
        )
        self.setObjectName("business_log_panel")
        self.form.lookup_editor("customer_id").set_search(self._search_customers)
        self._build_navigator()
        assert isinstance(self.list_view, QTableView)
        self.list_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest date first
        self._narrow_short_columns(self.list_view.horizontalHeader())

    def _narrow_short_columns(self, header: QHeaderView) -> None:
        """Times (HH:MM) and the category (a word or two) as wide as their titles need, not
        as a text column, so that the subject shows beside the form."""
        metrics = header.fontMetrics()
        for section, column in enumerate(self._list_spec.columns):
            if column.key in SHORT_COLUMNS:
                title = metrics.horizontalAdvance(column.label(self._language)) + HEADER_MARGIN
                header.resizeSection(section, max(SHORT_COLUMN_WIDTH, title))

    # The navigator.

    def _build_navigator(self) -> None:
        self.navigator = QWidget(self)
        row = QHBoxLayout(self.navigator)
        row.setContentsMargins(6, 2, 6, 2)
        self.scope_combo = QComboBox(self.navigator)
        self.scope_combo.addItem(translate("BusinessLogPanel", "My entries"), True)
        self.scope_combo.addItem(translate("BusinessLogPanel", "Everyone I may see"), False)
        self.scope_combo.setVisible(business_log.may_read_others(self.user))
        self.scope_combo.currentIndexChanged.connect(self._on_scope_combo_changed)
        self.span_combo = QComboBox(self.navigator)
        for span in SPANS:
            self.span_combo.addItem(_span_title(span), span)
        self.span_combo.setCurrentIndex(SPANS.index(self._span))
        self.span_combo.currentIndexChanged.connect(self._on_span_combo_changed)
        self.previous_button = self._tool_button(
            "◀", translate("BusinessLogPanel", "Previous"), lambda: self._step(-1)
        )
        self.today_button = self._tool_button(
            translate("BusinessLogPanel", "Today"),
            translate("BusinessLogPanel", "Go to today"),
            self._on_today_button_clicked,
        )
        self.next_button = self._tool_button(
            "▶", translate("BusinessLogPanel", "Next"), lambda: self._step(1)
        )
        self.date_edit = QDateEdit(self.navigator)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(_qdate(self._anchor))
        self.date_edit.dateChanged.connect(self._on_date_edit_changed)
        self.period_label = QLabel(self.navigator)
        for widget in (
            self.scope_combo,
            QLabel(translate("BusinessLogPanel", "Show:")),
            self.span_combo,
            self.previous_button,
            self.today_button,
            self.next_button,
            self.date_edit,
            self.period_label,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        layout = self.layout()
        assert layout is not None
        layout.insertWidget(1, self.navigator)  # type: ignore[attr-defined]
        self._update_navigator()

    def _tool_button(self, text: str, tip: str, handler: Any) -> QToolButton:
        button = QToolButton(self.navigator)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: handler())
        return button

    def _update_navigator(self) -> None:
        stepping = self._span != "all"
        self.previous_button.setEnabled(stepping)
        self.next_button.setEnabled(stepping)
        days = business_log.period(self._anchor, self._span)
        if days is None or days[0] == days[1]:
            self.period_label.clear()
        else:
            self.period_label.setText(f"{days[0].isoformat()} – {days[1].isoformat()}")

    def show_period(self, anchor: dt.date, span: Span | None = None) -> None:
        """Show the entries of the `span` (by default the one shown) holding `anchor`."""
        self._anchor = anchor
        if span is not None:
            self._span = span
        blocked = self.span_combo.blockSignals(True)
        self.span_combo.setCurrentIndex(SPANS.index(self._span))
        self.span_combo.blockSignals(blocked)
        blocked = self.date_edit.blockSignals(True)
        self.date_edit.setDate(_qdate(anchor))
        self.date_edit.blockSignals(blocked)
        self._update_navigator()
        self._apply_view()

    def show_own_entries(self, mine_only: bool) -> None:
        self._mine_only = mine_only
        blocked = self.scope_combo.blockSignals(True)
        self.scope_combo.setCurrentIndex(0 if mine_only else 1)
        self.scope_combo.blockSignals(blocked)
        self._apply_view()

    def _step(self, direction: int) -> None:
        self.show_period(business_log.step(self._anchor, self._span, direction))

    def _on_today_button_clicked(self) -> None:
        self.show_period(self._current_day(), "day" if self._span == "all" else None)

    def _on_date_edit_changed(self, date: QDate) -> None:
        self.show_period(date.toPython(), "day" if self._span == "all" else None)  # type: ignore[arg-type]

    def _on_span_combo_changed(self, index: int) -> None:
        self.show_period(self._anchor, SPANS[index])

    def _on_scope_combo_changed(self, index: int) -> None:
        self.show_own_entries(bool(self.scope_combo.itemData(index)))

    def _current_day(self) -> dt.date:
        return self._today or dt.date.today()

    # The list: the base class's query with the navigator's filters.

    def _view_filters(self) -> list[Filter]:
        return business_log.view_filters(
            self.user, mine_only=self._mine_only, anchor=self._anchor, span=self._span
        )

    def _query(self) -> ListQuery:
        filters = getattr(self, "_filters", [])
        return ListQuery(self._list_spec, filters=(*filters, *self._view_filters()))

    def _apply_view(self) -> None:
        if self.model is None:
            return
        query = self._query()
        shown = self.model.query()
        if shown is not None:
            query = query.sorted_by(shown.sort_column.key, shown.descending)
        self.model.set_query(query)

    def set_filters(self, filters: list[Filter]) -> None:
        self._filters = list(filters)
        self._apply_view()

    def _shown_query(self, filters: list[Filter]) -> ListQuery:
        return super()._shown_query([*filters, *self._view_filters()])

    # The form.

    def reload_lookups(self) -> None:
        """The customers to pick: the first the user may see, others found by typing (the
        base class would offer every customer)."""
        super().reload_lookups()
        shown = self._current.values.get("customer_id") if self._current is not None else None
        options = self._customers_with(shown)
        self._options["customer_id"] = options
        self.form.set_lookup_options("customer_id", options)

    def _customers_with(self, shown: int | None) -> list[LookupOption]:
        with self._sessions.begin() as session:
            return customer_records.customer_options(session, self.user, keep=[shown])

    def _search_customers(self, text: str) -> list[LookupOption]:
        """In the background (the customer field's search)."""
        with self._sessions() as session:
            return customer_records.customer_options(session, self.user, text=text)

    def _show(self, record: RecordValues | None) -> None:
        if record is not None:
            record = dataclasses.replace(record, values=business_log.form_values(record.values))
            with self._sessions.begin() as session:
                self._own = business_log.is_own(session, self.user, record.id)
            shown = record.values.get("customer_id")
            keep_customer_option(
                self._options, self.form, "customer_id", shown, self._customers_with
            )
        else:
            self._own = True
        super()._show(record)
        if record is None:
            day = self._anchor if self._span == "day" else self._current_day()
            self.form.set_values(
                {**records.new_values(self._kind), **business_log.new_entry_values(day)}
            )

    def _update_state(self) -> None:
        super()._update_state()
        if not getattr(self, "_own", True):
            self.save_action.setEnabled(False)
            self.delete_action.setEnabled(False)
            self.form.set_read_only(True)
            self.state_label.setText(
                translate("BusinessLogPanel", "%1 · someone else's entry, read only").replace(
                    "%1", self._current.title if self._current else ""
                )
            )


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def business_log_panel(context: PanelContext) -> QWidget:
    """The factory of the `business_log` module (File → Business log)."""
    return BusinessLogPanel(context)
