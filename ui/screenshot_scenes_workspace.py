"""Screenshot scenes of the workspace: the main window at 1280×800 with a back-office panel
open — the positions list with a record in its form, the department tree — and the personal
settings (see ui/screenshots.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

from ui.dialogs.settings_dialog import SettingsDialog
from ui.main_window import MainWindow
from ui.panels.record_panel import RecordPanel
from ui.screenshots import ScreenshotContext

WINDOW_SIZE = (1280, 800)
SETTLE_MS = 300


def _window_with(context: ScreenshotContext, module: str) -> MainWindow:
    window = MainWindow(context.login(), context.language)
    window.resize(*WINDOW_SIZE)
    window.open_module(module)
    return window


def _settle() -> None:
    """Let the list's background reads arrive before the picture is taken."""
    loop = QEventLoop()
    QTimer.singleShot(SETTLE_MS, loop.quit)
    loop.exec()


def positions(context: ScreenshotContext) -> QWidget:
    window = _window_with(context, "positions")
    panel = window.current_panel()
    assert isinstance(panel, RecordPanel) and panel.model is not None
    _settle()
    record_id = panel.model.row_id(1)
    if record_id is not None:
        panel.open_record(record_id)
    return window


def departments(context: ScreenshotContext) -> QWidget:
    window = _window_with(context, "departments")
    panel = window.current_panel()
    assert isinstance(panel, RecordPanel) and panel.tree_model is not None
    index = panel.tree_model.index(0, 0)
    if index.isValid():
        panel.list_view.setCurrentIndex(index)
    return window


def settings(context: ScreenshotContext) -> QWidget:
    return SettingsDialog(context.login(), context.language)


SCENES: list[tuple[str, Callable[[ScreenshotContext], QWidget]]] = [
    ("workspace_positions", positions),
    ("workspace_departments", departments),
    ("personal_settings", settings),
]
