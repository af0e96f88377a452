"""The main window's search box (Ctrl+K): customers and contacts found as the user types
(app/search.py, in the background), in a list under the box with the matching part of each
hit highlighted; Enter or a click opens the record.

The list is a popup, as a completer's is: it takes the keyboard while shown, so the keys
that are not its own (anything but Up, Down, Page Up/Down, Enter, Escape) go back to the
box, which keeps the typing going.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPalette, QStandardItem, QStandardItemModel, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.search import SearchHit
from ui.errors import error_text
from ui.modules import QT_TRANSLATE_NOOP
from ui.widgets.background_search import BackgroundSearch

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
HTML_ROLE = Qt.ItemDataRole.UserRole + 3
DELAY_MS = 60  # a keystroke's search starts this soon (typing fast asks for the last only)
POPUP_ROWS = 12
BOX_WIDTH, POPUP_WIDTH = 300, 460
MARK = "#fff2a8"  # the matched part's background: a highlighter's yellow


def field_name(field: str) -> str:
    return QCoreApplication.translate("GlobalSearch", _FIELD_TEXTS[field])


_FIELD_TEXTS = {
    "name": QT_TRANSLATE_NOOP("GlobalSearch", "Name"),
    "pinyin": QT_TRANSLATE_NOOP("GlobalSearch", "Pinyin"),
    "initials": QT_TRANSLATE_NOOP("GlobalSearch", "Initials"),
    "mnemonic": QT_TRANSLATE_NOOP("GlobalSearch", "Mnemonic"),
    "phone": QT_TRANSLATE_NOOP("GlobalSearch", "Phone"),
    "email": QT_TRANSLATE_NOOP("GlobalSearch", "E-mail"),
    "address": QT_TRANSLATE_NOOP("GlobalSearch", "Address"),
}


def marked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` as HTML, the `spans` of it marked."""
    parts, last = [], 0
    for start, end in spans:
        parts.append(html.escape(text[last:start]))
        part = html.escape(text[start:end])
        parts.append(f'<span style="background-color:{MARK}; color:#000"><b>{part}</b></span>')
        last = end
    parts.append(html.escape(text[last:]))
    return "".join(parts)


def hit_html(hit: SearchHit) -> str:
    """The hit's name (marked where the name, its pinyin or initials matched), what it is,
    and the other field that matched, marked."""
    on_name = hit.field in ("name", "pinyin", "initials") and hit.shown == hit.name
    name = marked(hit.name, hit.spans) if on_name else html.escape(hit.name)
    details = []
    if hit.kind == "contact":
        details.append(
            QCoreApplication.translate("GlobalSearch", "Contact of %1").replace(
                "%1", html.escape(hit.customer_name)
            )
        )
    else:
        details.append(QCoreApplication.translate("GlobalSearch", "Customer"))
    if not on_name:
        details.append(f"{field_name(hit.field)}: {marked(hit.shown, hit.spans)}")
    elif hit.field != "name":
        details.append(field_name(hit.field))
    return f'{name}&nbsp;&nbsp;<span class="details">{" · ".join(details)}</span>'


def hit_text(hit: SearchHit) -> str:
    """The hit as plain text (what a screen reader says, what a test reads)."""
    text = hit.name if hit.kind == "customer" else f"{hit.name} ({hit.customer_name})"
    return text if hit.field == "name" else f"{text} — {field_name(hit.field)}: {hit.shown}"


class HitDelegate(QStyledItemDelegate):
    """Paints an item's HTML_ROLE rich text."""

    def paint(
        self,
        painter: object,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rich = index.data(HTML_ROLE)
        if rich is None:
            super().paint(painter, option, index)  # type: ignore[arg-type]
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)  # type: ignore[arg-type]
        document = self._document(rich, option)
        painter.save()  # type: ignore[attr-defined]
        painter.translate(option.rect.topLeft() + QPoint(4, 0))  # type: ignore[attr-defined]
        document.drawContents(painter)  # type: ignore[arg-type]
        painter.restore()  # type: ignore[attr-defined]

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        rich = index.data(HTML_ROLE)
        if rich is None:
            return super().sizeHint(option, index)
        document = self._document(rich, option)
        return QSize(int(document.idealWidth()) + 8, int(document.size().height()))

    def _document(self, rich: str, option: QStyleOptionViewItem) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        color = option.palette.color(role).name()
        # The details in grey, but in the text colour on a selected row's highlight.
        details = (
            color if selected else option.palette.color(QPalette.ColorRole.PlaceholderText).name()
        )
        document.setDefaultStyleSheet(f".details {{ color: {details}; }}")
        document.setHtml(f'<div style="color:{color}">{rich}</div>')
        return document


class GlobalSearchBox(QLineEdit):
    """`record_requested(kind, id)` when the user opens a hit."""

    record_requested = Signal(str, int)

    def __init__(
        self,
        search: Callable[[str], list[SearchHit]],
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        self.setObjectName("global_search_edit")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(
            QCoreApplication.translate("GlobalSearch", "Search customers and contacts (Ctrl+K)")
        )
        self.setFixedWidth(BOX_WIDTH)
        self.model = QStandardItemModel(self)
        self.popup = QListView(self)  # a window of its own (Popup), deleted with the box
        self.popup.setObjectName("global_search_popup")
        self.popup.setWindowFlags(Qt.WindowType.Popup)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setFocusProxy(self)
        self.popup.setModel(self.model)
        self.popup.setItemDelegate(HitDelegate(self.popup))
        self.popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.popup.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.popup.setUniformItemSizes(True)
        self.popup.installEventFilter(self)
        self.popup.clicked.connect(self._open)
        self.searcher = BackgroundSearch(search, self, delay_ms=DELAY_MS)
        self.searcher.found.connect(self._on_searcher_found)
        self.searcher.failed.connect(self._on_searcher_failed)
        self.textEdited.connect(self._on_text_edited)
        self.returnPressed.connect(self._open_current)

    def sizeHint(self) -> QSize:
        """A menu bar lays its corner widget out by the size hint alone."""
        return QSize(BOX_WIDTH, super().sizeHint().height())

    def focus_for_search(self) -> None:
        """Ctrl+K: the box takes the keyboard with its text selected, its hits shown again."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()
        if self.model.rowCount():
            self._show_popup()

    def _on_text_edited(self, text: str) -> None:
        if text.strip():
            self.searcher.ask(text)
        else:
            self.searcher.timer.stop()
            self.model.clear()
            self.popup.hide()

    def _on_searcher_found(self, hits: list[SearchHit]) -> None:
        self.model.clear()
        for hit in hits:
            item = QStandardItem(hit_text(hit))
            item.setData(hit.kind, KIND_ROLE)
            item.setData(hit.id, ID_ROLE)
            item.setData(hit_html(hit), HTML_ROLE)
            self.model.appendRow(item)
        if not hits:
            empty = QStandardItem(QCoreApplication.translate("GlobalSearch", "Nothing found"))
            empty.setEnabled(False)
            self.model.appendRow(empty)
        self.popup.setCurrentIndex(self.model.index(0, 0) if hits else QModelIndex())
        if self.hasFocus() or self.popup.isVisible():
            self._show_popup()

    def _on_searcher_failed(self, error: Exception) -> None:
        self.model.clear()
        failed = QStandardItem(error_text(error, self._language))
        failed.setEnabled(False)
        self.model.appendRow(failed)
        self._show_popup()

    def _show_popup(self) -> None:
        rows = min(self.model.rowCount(), POPUP_ROWS)
        height = max(self.popup.sizeHintForRow(0), 1) * rows + 2 * self.popup.frameWidth()
        width = max(self.width(), POPUP_WIDTH)
        below = self.mapToGlobal(QPoint(self.width() - width, self.height()))
        # Within the window, which is on the screen: a list under the box at the window's
        # right edge would otherwise reach past it.
        window = self.window().geometry()
        left = max(window.left(), min(below.x(), window.right() - width))
        self.popup.setGeometry(left, below.y(), width, height)
        self.popup.show()

    def _open_current(self) -> None:
        self._open(self.popup.currentIndex())

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid() or index.data(ID_ROLE) is None:
            return
        self.popup.hide()
        self.record_requested.emit(index.data(KIND_ROLE), int(index.data(ID_ROLE)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The popup's keys: its own moves, Enter and Escape; the rest go to the box."""
        if watched is not self.popup or event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_current()
            return True
        if key == Qt.Key.Key_Escape:
            self.popup.hide()
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            return False  # the list moves its current row itself
        self.event(event)  # typing goes on in the box
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and self.model.rowCount():
            self._show_popup()
            return
        super().keyPressEvent(event)
