"""Query & Report (查询与报告, Ctrl+F): conditions on any column of a list, all of which must
hold; Export… and Print… of what the conditions select, when the user's role allows them.

The dialog only builds `Filter`s (app/listing.py). Export and print are the caller's: the
dialog checks the conditions, then emits `export_requested` / `print_requested`, and the
caller reads `filters()`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.fields import FieldSpec, Kind, parse
from app.listing import Filter
from ui.errors import error_text
from ui.widgets.form_feedback import error_label

translate = QCoreApplication.translate
DATE_DISPLAY_FORMAT = "yyyy-MM-dd"
OP_WIDTH = 14  # characters


class ColumnLike(Protocol):
    """What the dialog needs of a list column (app/listing.ListColumn has it)."""

    @property
    def key(self) -> str: ...

    @property
    def label_zh(self) -> str: ...

    @property
    def label_en(self) -> str: ...

    @property
    def kind(self) -> str: ...


# The operators offered for each kind of column, in the order they are offered; dates read
# "before/after" rather than "less/greater".
TEXT_OPS = ("contains", "equals", "starts_with", "is_empty")
NUMBER_OPS = ("equals", "lt", "le", "gt", "ge", "between", "is_empty")
DATE_OPS = ("equals", "between", "lt", "le", "gt", "ge", "is_empty")
BOOL_OPS = ("equals", "is_empty")
OPS_BY_KIND = {
    "text": TEXT_OPS,
    "lookup": TEXT_OPS,
    "int": NUMBER_OPS,
    "money": NUMBER_OPS,
    "date": DATE_OPS,
    "datetime": DATE_OPS,
    "bool": BOOL_OPS,
}
DATE_KINDS = frozenset({"date", "datetime"})


def op_text(op: str, kind: str) -> str:
    if kind in DATE_KINDS:
        dates = {
            "equals": translate("ListQueryDialog", "is on"),
            "lt": translate("ListQueryDialog", "is before"),
            "le": translate("ListQueryDialog", "is on or before"),
            "gt": translate("ListQueryDialog", "is after"),
            "ge": translate("ListQueryDialog", "is on or after"),
        }
        if op in dates:
            return dates[op]
    return {
        "equals": translate("ListQueryDialog", "equals"),
        "contains": translate("ListQueryDialog", "contains"),
        "starts_with": translate("ListQueryDialog", "starts with"),
        "lt": translate("ListQueryDialog", "is less than"),
        "le": translate("ListQueryDialog", "is at most"),
        "gt": translate("ListQueryDialog", "is greater than"),
        "ge": translate("ListQueryDialog", "is at least"),
        "between": translate("ListQueryDialog", "is between"),
        "is_empty": translate("ListQueryDialog", "is empty"),
    }[op]


# A date condition on a time column covers whole days of the user's clock.
def day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min).astimezone()


def day_end(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.max).astimezone()


def local_day(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return (value.astimezone() if value.tzinfo is not None else value).date()
    return value if isinstance(value, dt.date) else dt.date.today()


def datetime_filter(key: str, op: str, days: tuple[dt.date, ...]) -> Filter:
    """A date condition on a time column, as a range of times."""
    if op == "equals":
        return Filter(key, "between", (day_start(days[0]), day_end(days[0])))
    if op == "between":
        return Filter(key, "between", (day_start(days[0]), day_end(days[1])))
    bound = day_end(days[0]) if op in ("le", "gt") else day_start(days[0])
    return Filter(key, op, bound)  # type: ignore[arg-type]


class ConditionRow(QWidget):
    """One condition: column, operator, value(s), and a button that removes it."""

    def __init__(self, columns: Sequence[ColumnLike], language: str) -> None:
        super().__init__()
        self._columns = list(columns)
        self._language = language
        self._values: list[QWidget] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.column_combo = QComboBox()
        for column in self._columns:
            label = column.label_en if language.startswith("en") else column.label_zh
            self.column_combo.addItem(label, column.key)
        self.op_combo = QComboBox()
        # As wide as the longest operator, so that the rows line up whatever their kinds.
        self.op_combo.setMinimumContentsLength(OP_WIDTH)
        self.op_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.value_box = QWidget()
        self.value_layout = QHBoxLayout(self.value_box)
        self.value_layout.setContentsMargins(0, 0, 0, 0)
        self.remove_button = QPushButton(translate("ListQueryDialog", "Remove"))
        layout.addWidget(self.column_combo)
        layout.addWidget(self.op_combo)
        layout.addWidget(self.value_box, 1)
        layout.addWidget(self.remove_button)
        self.column_combo.currentIndexChanged.connect(self._on_column_combo_changed)
        self.op_combo.currentIndexChanged.connect(self._on_op_combo_changed)
        self._on_column_combo_changed()

    @property
    def column(self) -> ColumnLike:
        return self._columns[max(self.column_combo.currentIndex(), 0)]

    @property
    def op(self) -> str:
        return str(self.op_combo.currentData())

    def set_condition(self, item: Filter) -> None:
        self.column_combo.setCurrentIndex(self.column_combo.findData(item.column_key))
        kind = self.column.kind
        op = "between" if kind == "datetime" and item.op == "equals" else item.op
        self.op_combo.setCurrentIndex(max(self.op_combo.findData(op), 0))
        values = item.value if op == "between" else (item.value,)
        for widget, value in zip(self._values, values or (), strict=False):
            self._show_value(widget, value)

    def set_value_text(self, *texts: str) -> None:
        """Type into the value fields (text and number columns)."""
        for widget, text in zip(self._values, texts, strict=False):
            if isinstance(widget, QLineEdit):
                widget.setText(text)

    def set_dates(self, *days: dt.date) -> None:
        for widget, day in zip(self._values, days, strict=False):
            if isinstance(widget, QDateEdit):
                widget.setDate(QDate(day.year, day.month, day.day))

    def value_widgets(self) -> list[QWidget]:
        return list(self._values)

    def to_filter(self) -> Filter | None:
        """The condition as a Filter; None when its value is left empty. Raises
        ValidationError for a value that is not a number where one is needed."""
        column, op = self.column, self.op
        if op == "is_empty":
            return Filter(column.key, "is_empty")
        values = tuple(self._read(widget) for widget in self._values)
        if any(value is None for value in values):
            return None
        if op == "between" and values[0] > values[1]:
            values = (values[1], values[0])  # "between 9 and 1" means what it says
        if column.kind == "datetime":
            return datetime_filter(column.key, op, values)
        value = values if op == "between" else values[0]
        return Filter(column.key, op, value)  # type: ignore[arg-type]

    # The value fields follow the column's kind and the operator.
    def _on_column_combo_changed(self, _index: int = 0) -> None:
        kind = self.column.kind
        previous = self.op_combo.currentData()
        self.op_combo.blockSignals(True)
        self.op_combo.clear()
        for op in OPS_BY_KIND.get(kind, TEXT_OPS):
            self.op_combo.addItem(op_text(op, kind), op)
        self.op_combo.setCurrentIndex(max(self.op_combo.findData(previous), 0))
        self.op_combo.blockSignals(False)
        self._on_op_combo_changed()

    def _on_op_combo_changed(self, _index: int = 0) -> None:
        while self.value_layout.count():
            item = self.value_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        count = {"is_empty": 0, "between": 2}.get(self.op, 1)
        self._values = [self._value_widget() for _ in range(count)]
        for number, widget in enumerate(self._values):
            if number:
                self.value_layout.addWidget(QLabel(translate("ListQueryDialog", "and")))
            self.value_layout.addWidget(widget, 1)
        if not count:
            self.value_layout.addStretch(1)

    def _value_widget(self) -> QWidget:
        kind = self.column.kind
        if kind in DATE_KINDS:
            edit = QDateEdit(QDate.currentDate())
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_DISPLAY_FORMAT)
            return edit
        if kind == "bool":
            combo = QComboBox()
            combo.addItem(translate("ListQueryDialog", "Yes"), True)
            combo.addItem(translate("ListQueryDialog", "No"), False)
            return combo
        line = QLineEdit()
        if kind in ("int", "money"):
            line.setPlaceholderText(translate("ListQueryDialog", "a number"))
        return line

    def _show_value(self, widget: QWidget, value: Any) -> None:
        if isinstance(widget, QDateEdit):
            day = local_day(value)
            widget.setDate(QDate(day.year, day.month, day.day))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(0 if value else 1)
        elif isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))

    def _read(self, widget: QWidget) -> Any:
        if isinstance(widget, QDateEdit):
            return widget.date().toPython()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        text = widget.text().strip() if isinstance(widget, QLineEdit) else ""
        column = self.column
        if column.kind not in ("int", "money") or not text:
            return text or None
        spec = FieldSpec(
            column.key,
            Kind.INT if column.kind == "int" else Kind.DECIMAL,
            column.label_zh,
            column.label_en,
        )
        try:
            return parse(spec, text)
        except ValidationError:
            widget.setFocus()
            raise


class ListQueryDialog(QDialog):
    export_requested = Signal()
    print_requested = Signal()

    def __init__(
        self,
        columns: Sequence[ColumnLike],
        filters: Sequence[Filter],
        language: str,
        parent: QWidget | None = None,
        *,
        may_export: bool = False,
        may_print: bool = False,
    ) -> None:
        super().__init__(parent)
        self._columns = [c for c in columns if getattr(c, "filterable", True)]
        self._language = language
        self.rows: list[ConditionRow] = []
        self.setWindowTitle(translate("ListQueryDialog", "Query & Report"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate("ListQueryDialog", "Show the rows that meet all of these conditions:")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.rows_widget = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_widget)
        self.rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows_widget)
        layout.addWidget(scroll, 1)
        layout.addLayout(self._edit_buttons())
        self.message_label = error_label(self)
        layout.addWidget(self.message_label)
        layout.addLayout(self._action_buttons(may_export, may_print))
        known = {column.key for column in self._columns}
        for item in filters:
            if item.column_key in known:
                self.add_condition().set_condition(item)
        if not self.rows:
            self.add_condition()
        self.resize(720, 360)

    def _edit_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(translate("ListQueryDialog", "Add condition"))
        self.clear_button = QPushButton(translate("ListQueryDialog", "Clear"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.clear_button.clicked.connect(self.clear)
        row.addWidget(self.add_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        return row

    def _action_buttons(self, may_export: bool, may_print: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        self.export_button = QPushButton(translate("ListQueryDialog", "Export…"))
        self.print_button = QPushButton(translate("ListQueryDialog", "Print…"))
        self.export_button.setEnabled(may_export)
        self.print_button.setEnabled(may_print)
        if not may_export:
            self.export_button.setToolTip(
                translate("ListQueryDialog", "Your role may not export this list.")
            )
        if not may_print:
            self.print_button.setToolTip(
                translate("ListQueryDialog", "Your role may not print this list.")
            )
        self.apply_button = QPushButton(translate("ListQueryDialog", "Apply"))
        self.apply_button.setDefault(True)
        self.cancel_button = QPushButton(translate("ListQueryDialog", "Cancel"))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.export_button, self.print_button):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.apply_button, self.cancel_button):
            row.addWidget(button)
        return row

    # Conditions.
    def add_condition(self) -> ConditionRow:
        row = ConditionRow(self._columns, self._language)
        row.remove_button.clicked.connect(lambda: self.remove_condition(row))
        self.rows_layout.insertWidget(len(self.rows), row)
        self.rows.append(row)
        return row

    def remove_condition(self, row: ConditionRow) -> None:
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self.message_label.hide()

    def clear(self) -> None:
        """No conditions: the whole list (one empty row, ready to fill)."""
        for row in list(self.rows):
            self.remove_condition(row)
        self.add_condition()

    def filters(self) -> list[Filter]:
        """The conditions filled in, ANDed; raises ValidationError for a bad value."""
        found = []
        for row in self.rows:
            item = row.to_filter()
            if item is not None:
                found.append(item)
        return found

    def _checked(self) -> bool:
        """Whether every condition reads; if not, say which and why."""
        self.message_label.hide()
        for number, row in enumerate(self.rows, start=1):
            try:
                row.to_filter()
            except ValidationError as error:
                text = translate("ListQueryDialog", "Condition %1: %2").replace("%1", str(number))
                self.message_label.setText(text.replace("%2", error_text(error, self._language)))
                self.message_label.show()
                return False
        return True

    def _on_add_button_clicked(self) -> None:
        self.add_condition().column_combo.setFocus()

    def _on_apply_button_clicked(self) -> None:
        if self._checked():
            self.accept()

    def _on_export_button_clicked(self) -> None:
        if self._checked():
            self.export_requested.emit()

    def _on_print_button_clicked(self) -> None:
        if self._checked():
            self.print_requested.emit()
