"""One editor per kind of field (app/fields.py), each checking its entry when the user
leaves it and showing the message in red below it, in the user's language.

Every editor has the same surface — `raw_text()`, `value()`, `set_value()`, `clear()`,
`edited`, `show_error()` — so a form (ui/widgets/form_view.py) treats them all alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.fields import NUMBER_KINDS, FieldSpec, Kind, LookupOption, display, example, parse
from ui.errors import error_text
from ui.widgets.background_search import BackgroundSearch
from ui.widgets.form_feedback import error_label

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
MULTILINE_ROWS = 4
# An empty date is this day, shown as blank: QDateEdit always holds some date.
EMPTY_DATE = QDate(1752, 9, 14)
# Kinds kept much as typed, so the column length can limit the typing itself.
AS_TYPED_KINDS = (Kind.TEXT, Kind.EMAIL, Kind.URL)


def password_edit() -> QLineEdit:
    """A line edit that hides what is typed (passwords are no record field, so no editor)."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class FieldEditor(QWidget):
    """The input of one field with its error label below; `value()` parses and may raise
    ValidationError, `validate()` shows that error at the field instead."""

    edited = Signal()  # the user changed the entry

    def __init__(self, spec: FieldSpec, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec = spec
        self._language = language
        self._loading = False
        self._changed_since_check = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._build())
        self.error_label: QLabel = error_label(self)
        layout.addWidget(self.error_label)
        self.setFocusProxy(self.focus_widget())
        self.focus_widget().setToolTip(spec.help(language))
        self.focus_widget().setObjectName(f"{spec.key}_input")

    @property
    def spec(self) -> FieldSpec:
        return self._spec

    def _build(self) -> QWidget:
        """The input (or a row holding it); subclasses build theirs."""
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        """The widget that takes the keyboard."""
        raise NotImplementedError

    def raw_text(self) -> str:
        raise NotImplementedError

    def value(self) -> Any:
        return parse(self._spec, self.raw_text())

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self._show_value(value)
        finally:
            self._loading = False
        self._changed_since_check = False
        self.clear_error()

    def _show_value(self, value: Any) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        self.set_value(None)

    def is_multiline(self) -> bool:
        return False

    def set_read_only(self, read_only: bool) -> None:
        self.focus_widget().setEnabled(not read_only)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisible() else ""

    def validate(self) -> ValidationError | None:
        """Check the entry: show the error at the field and return it, or tidy the entry
        (money as 1,234.50, mobiles as 138 0013 8000) and return None."""
        self._changed_since_check = False
        try:
            value = self.value()
        except ValidationError as error:
            self.show_error(error_text(error, self._language))
            return error
        self.clear_error()
        self._tidy(value)
        return None

    def _tidy(self, value: Any) -> None:
        """Show a valid entry in its usual form, without counting it as an edit."""

    def comparable(self) -> object:
        """What the dirty check compares: the value, or the raw text while it does not parse."""
        try:
            return ("value", self.value())
        except ValidationError:
            return ("raw", self.raw_text())

    def check_if_changed(self) -> None:
        """Validate when the user leaves a field they changed (not one they only passed)."""
        if self._changed_since_check:
            self.validate()

    def _on_input_changed(self) -> None:
        if not self._loading:
            self._changed_since_check = True
            self.clear_error()
            self.edited.emit()


class LineFieldEditor(FieldEditor):
    """Text, numbers, money, telephone numbers, e-mail, postal code, web address, credit code."""

    def _build(self) -> QWidget:
        spec = self._spec
        self.line_edit = QLineEdit()
        if spec.kind in AS_TYPED_KINDS and spec.max_length:
            # Kinds that are tidied (phones, codes) may be typed longer than they are kept.
            self.line_edit.setMaxLength(spec.max_length)
        self.line_edit.setPlaceholderText(spec.placeholder(self._language) or example(spec))
        if spec.kind in NUMBER_KINDS:
            self.line_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.line_edit.textEdited.connect(self._on_input_changed)
        self.line_edit.editingFinished.connect(self._on_line_edit_editing_finished)
        return self.line_edit

    def focus_widget(self) -> QWidget:
        return self.line_edit

    def raw_text(self) -> str:
        return self.line_edit.text()

    def _show_value(self, value: Any) -> None:
        self.line_edit.setText(display(self._spec, value, language=self._language))

    def _tidy(self, value: Any) -> None:
        text = display(self._spec, value, language=self._language)
        if value is not None and text != self.line_edit.text():
            self.line_edit.setText(text)

    def set_read_only(self, read_only: bool) -> None:
        self.line_edit.setReadOnly(read_only)

    def _on_line_edit_editing_finished(self) -> None:
        if not self.line_edit.isReadOnly():
            self.check_if_changed()


class MultilineFieldEditor(FieldEditor):
    """Notes and addresses over several lines; Tab leaves the field, Enter starts a line."""

    def _build(self) -> QWidget:
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(self._spec.placeholder(self._language))
        line = self.text_edit.fontMetrics().lineSpacing()
        margins = self.text_edit.contentsMargins()
        frame = 2 * self.text_edit.frameWidth() + margins.top() + margins.bottom()
        self.text_edit.setFixedHeight(MULTILINE_ROWS * line + frame + 8)
        self.text_edit.textChanged.connect(self._on_input_changed)
        self.text_edit.installEventFilter(self)
        return self.text_edit

    def focus_widget(self) -> QWidget:
        return self.text_edit

    def is_multiline(self) -> bool:
        return True

    def raw_text(self) -> str:
        return self.text_edit.toPlainText()

    def _show_value(self, value: Any) -> None:
        self.text_edit.setPlainText(display(self._spec, value, language=self._language))

    def set_read_only(self, read_only: bool) -> None:
        self.text_edit.setReadOnly(read_only)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.check_if_changed()
        return super().eventFilter(watched, event)


class NullableDateEdit(QDateEdit):
    """A QDateEdit that may be empty (EMPTY_DATE, shown blank): typing a digit, an arrow key or
    opening the calendar starts from today; Delete with the text selected, or Ctrl+Delete,
    empties it. Tab leaves it in one step, like any other field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(EMPTY_DATE)
        self.setSpecialValueText(" ")
        self.set_empty()

    def is_empty(self) -> bool:
        return self.date() == EMPTY_DATE

    def set_empty(self) -> None:
        self.setDate(EMPTY_DATE)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Delete and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
            or self.lineEdit().selectedText() == self.text()
        ):
            self.set_empty()
            return
        starts = event.text().isdigit() or key in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        if self.is_empty() and starts:
            self.setDate(QDate.currentDate())
            self.setCurrentSection(QDateTimeEdit.Section.YearSection)
            self.setSelectedSection(QDateTimeEdit.Section.YearSection)
            if not event.text().isdigit():
                return
        super().keyPressEvent(event)
        self._show_this_month_if_empty()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self._show_this_month_if_empty()

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab leaves the date, as it leaves every field; "-", "/" or typing move between parts.
        return QAbstractSpinBox.focusNextPrevChild(self, next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.is_empty():
            self.lineEdit().selectAll()

    def _show_this_month_if_empty(self) -> None:
        if self.is_empty() and self.calendarWidget().isVisible():
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())


class DateFieldEditor(FieldEditor):
    """A date with its calendar, and a button that empties it."""

    def _build(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.date_edit = NullableDateEdit()
        self.date_edit.dateChanged.connect(self._on_input_changed)
        self.date_edit.editingFinished.connect(self.check_if_changed)
        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        self.clear_button.setToolTip(
            QCoreApplication.translate("FieldEditor", "Clear the date (Ctrl+Delete)")
        )
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        layout.addWidget(self.date_edit, 1)
        layout.addWidget(self.clear_button)
        return row

    def focus_widget(self) -> QWidget:
        return self.date_edit

    def raw_text(self) -> str:
        if self.date_edit.is_empty():
            return ""
        return str(self.date_edit.date().toString("yyyy-MM-dd"))

    def _show_value(self, value: dt.date | None) -> None:
        if value is None:
            self.date_edit.set_empty()
        else:
            self.date_edit.setDate(QDate(value.year, value.month, value.day))

    def set_read_only(self, read_only: bool) -> None:
        self.date_edit.setReadOnly(read_only)
        self.clear_button.setVisible(not read_only)

    def _on_clear_button_clicked(self) -> None:
        self.date_edit.set_empty()
        self.date_edit.setFocus()


class BoolFieldEditor(FieldEditor):
    def _build(self) -> QWidget:
        self.check_box = QCheckBox()
        self.check_box.toggled.connect(self._on_input_changed)
        return self.check_box

    def focus_widget(self) -> QWidget:
        return self.check_box

    def raw_text(self) -> str:
        return "true" if self.check_box.isChecked() else "false"

    def _show_value(self, value: Any) -> None:
        self.check_box.setChecked(bool(value))


class ChoiceFieldEditor(FieldEditor):
    """One of the spec's fixed codes, shown by its words; an optional field may stay blank."""

    def _build(self) -> QWidget:
        self.combo = QComboBox()
        if not self._spec.required:
            self.combo.addItem("", None)
        for choice in self._spec.choices:
            self.combo.addItem(choice.text(self._language), choice.code)
        self.combo.activated.connect(self._on_input_changed)
        return self.combo

    def focus_widget(self) -> QWidget:
        return self.combo

    def raw_text(self) -> str:
        code = self.combo.currentData()
        return "" if code is None else str(code)

    def _show_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(self.combo.findData(value))


class _OptionCompleter(QCompleter):
    """Finds options by any part of their text or search words (pinyin initials), and puts
    the option's text — not its search words — into the field."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole))


class LookupFieldEditor(FieldEditor):
    """An id picked from `set_options()`: type any part of its text or its pinyin initials."""

    def _build(self) -> QWidget:
        self._options: list[LookupOption] = []
        self._pending: int | None = None
        self.searcher: BackgroundSearch | None = None
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.line_edit = QLineEdit()
        self.combo.setLineEdit(self.line_edit)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.line_edit.setPlaceholderText(
            self._spec.placeholder(self._language)
            or QCoreApplication.translate("FieldEditor", "Type to search")
        )
        self.completer = _OptionCompleter(self.combo.model(), self.combo)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionRole(SEARCH_ROLE)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.setCompleter(self.completer)
        self.completer.activated[str].connect(  # type: ignore[index]
            self._on_completer_activated
        )
        self.line_edit.textEdited.connect(self._on_input_changed)
        self.combo.activated.connect(self._on_input_changed)
        self.line_edit.editingFinished.connect(self._on_line_edit_editing_finished)
        return self.combo

    def focus_widget(self) -> QWidget:
        return self.combo

    def options(self) -> list[LookupOption]:
        return list(self._options)

    def set_options(self, options: Sequence[LookupOption]) -> None:
        """The rows to pick from; keeps the chosen id when it is still among them."""
        keep = self._pending if self._pending is not None else self._current_id()
        self._loading = True
        try:
            self._fill(options)
            self._show_value(keep)
        finally:
            self._loading = False

    def _fill(self, options: Sequence[LookupOption]) -> None:
        self.combo.clear()
        self._options = list(options)
        for option in self._options:
            self.combo.addItem(option.text, option.id)
            row = self.combo.count() - 1
            self.combo.setItemData(row, f"{option.text} {option.search_text}", SEARCH_ROLE)

    def set_search(self, search: Callable[[str], Sequence[LookupOption]]) -> None:
        """Options found by `search(typed text)` as the user types, in the background (see
        BackgroundSearch), for lists too long to load whole."""
        self.searcher = BackgroundSearch(search, self)
        self.searcher.found.connect(self._on_found)
        self.searcher.failed.connect(
            lambda error: self.show_error(error_text(error, self._language))
        )
        self.line_edit.textEdited.connect(self.searcher.ask)

    def search_now(self) -> None:
        if self.searcher is not None:
            self.searcher.ask_now(self.line_edit.text())

    def _on_found(self, found: Sequence[LookupOption]) -> None:
        """The matches pop up; the text stays as typed."""
        typed, cursor = self.line_edit.text(), self.line_edit.cursorPosition()
        self._loading = True
        try:
            self._fill(found)
            self.combo.setCurrentIndex(-1)
            self.line_edit.setText(typed)
            self.line_edit.setCursorPosition(cursor)
        finally:
            self._loading = False
        if typed.strip() and self.line_edit.hasFocus():
            self.completer.setCompletionPrefix(typed)
            self.completer.complete()

    def raw_text(self) -> str:
        return self.combo.currentText()

    def value(self) -> Any:
        if self._pending is not None:
            return self._pending
        current = self._current_id()
        if current is not None:
            return current
        return parse(self._spec, self.raw_text(), self._options)

    def _current_id(self) -> int | None:
        """The chosen row's id, if the text still is that row's text."""
        index = self.combo.currentIndex()
        if index < 0 or self.combo.itemText(index) != self.combo.currentText():
            return None
        data = self.combo.itemData(index)
        return int(data) if data is not None else None

    def _show_value(self, value: Any) -> None:
        index = self.combo.findData(value) if value is not None else -1
        # An id not among the options (they have not come yet, or leave out inactive rows)
        # is kept until the user changes the field, so that saving does not lose it.
        self._pending = int(value) if value is not None and index < 0 else None
        self.combo.setCurrentIndex(index)
        if index < 0:
            self.combo.setEditText("")

    def _on_input_changed(self) -> None:
        if not self._loading:
            self._pending = None
        super()._on_input_changed()

    def _tidy(self, value: Any) -> None:
        if value is not None and self._current_id() != value:
            self.combo.setCurrentIndex(self.combo.findData(value))

    def set_read_only(self, read_only: bool) -> None:
        self.line_edit.setReadOnly(read_only)
        self.combo.setEnabled(not read_only)

    def _on_completer_activated(self, text: str) -> None:
        index = self.combo.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        self.clear_error()
        self.edited.emit()

    def _on_line_edit_editing_finished(self) -> None:
        popup = self.completer.popup()
        if popup is None or not popup.isVisible():
            self.check_if_changed()


EDITORS: dict[Kind, type[FieldEditor]] = {
    Kind.MULTILINE: MultilineFieldEditor,
    Kind.DATE: DateFieldEditor,
    Kind.BOOL: BoolFieldEditor,
    Kind.CHOICE: ChoiceFieldEditor,
    Kind.LOOKUP: LookupFieldEditor,
}


def editor_for(spec: FieldSpec, language: str, parent: QWidget | None = None) -> FieldEditor:
    """The editor of `spec`'s kind; every kind not listed in EDITORS is one line of text."""
    return EDITORS.get(spec.kind, LineFieldEditor)(spec, language, parent)
