"""Screenshot scenes of the search (see ui/screenshots.py): the global search box's hits,
their matching part highlighted, over the customers module."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ui.screenshot_scenes_workspace import _add_sample_customers, module_window
from ui.screenshots import ScreenshotContext


def global_search(context: ScreenshotContext) -> QWidget:
    """Pinyin typed into the box: the names it found, 传媒 marked in them."""
    _add_sample_customers(context.login())
    window, _panel = module_window(context, "customers")
    window.show()
    box = window.search_box
    box.focus_for_search()
    box.setText("chuanmei")
    box.searcher.ask_now(box.text())
    context.wait_for(box.searcher.found)
    QApplication.processEvents()
    return _with_popup(window, box.popup)


def _with_popup(window: QWidget, popup: QWidget) -> QWidget:
    """The window's picture with its popup painted where it shows: a popup is a window of
    its own, which the window's grab leaves out."""
    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(window.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0))), popup.grab())
    painter.end()
    popup.hide()
    window.close()
    shown = QLabel()
    shown.setPixmap(picture)
    shown.resize(picture.size())
    return shown


SCENES: list[tuple[str, Callable[[ScreenshotContext], QWidget]]] = [
    ("search_global_box", global_search),
]
