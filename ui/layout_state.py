"""The arrangement a user gives a panel — splitter sizes, list column widths and order — as
named states, so the main window can keep them per user (app/preferences.py layouts).

Only widgets with an object name take part: the name is the key the state is kept under."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QSplitter, QTableView, QWidget

HEADER_SUFFIX = ".header"


def widget_states(panel: QWidget) -> dict[str, QByteArray]:
    states = {}
    for splitter in panel.findChildren(QSplitter):
        if splitter.objectName():
            states[splitter.objectName()] = splitter.saveState()
    for view in panel.findChildren(QTableView):
        if view.objectName():
            states[view.objectName() + HEADER_SUFFIX] = view.horizontalHeader().saveState()
    return states


def restore_widget_states(panel: QWidget, states: dict[str, QByteArray]) -> None:
    """Put back what `widget_states` returned; a state a widget no longer fits (a column
    added since) is ignored by Qt, which keeps the widget's own arrangement."""
    for splitter in panel.findChildren(QSplitter):
        state = states.get(splitter.objectName())
        if state is not None:
            splitter.restoreState(state)
    for view in panel.findChildren(QTableView):
        state = states.get(view.objectName() + HEADER_SUFFIX)
        if state is not None:
            view.horizontalHeader().restoreState(state)
