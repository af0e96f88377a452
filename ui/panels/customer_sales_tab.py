"""The customer's sales tracking tab (销售跟踪, SPEC §3.9): the step the customer is at, the
eight steps as a strip, "Change step…" (step, date, note) and the history of its changes.

The rules (permission, the customer's version, no change to the same step, dates in order)
are app/sales_tracking.py's; the tab shows their refusals in the user's language.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import sales_tracking
from app.errors import MediaCrmError
from app.listing import Formats, format_date
from app.records import RecordValues
from app.sales_tracking import Stage, StageChange, StageChanged
from ui.errors import error_text
from ui.models.row_model import RowTableModel
from ui.widgets.prompter import Prompter
from ui.widgets.tables import record_table_view

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from ui.modules import PanelContext

translate = QCoreApplication.translate

DONE_STYLE = "background:#C8E6C9;color:#1B5E20;border:1px solid #81C784;padding:4px;"
CURRENT_STYLE = (
    "background:#1565C0;color:white;border:1px solid #0D47A1;padding:4px;font-weight:bold;"
)
TODO_STYLE = "background:#F5F5F5;color:#757575;border:1px solid #E0E0E0;padding:4px;"


def stage_text(stage: Stage, language: str) -> str:
    """A step as lists show it: its number and name (3 建立信任关系)."""
    return f"{stage.step} {stage.name(language)}"


class StageStrip(QWidget):
    """The eight steps in a row: those passed, the current one, those ahead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stage_strip")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.labels: list[QLabel] = []
        self._states: list[str] = []

    def set_stages(self, stages: list[Stage], language: str) -> None:
        for label in self.labels:
            label.deleteLater()
        self.labels = []
        for stage in stages:
            label = QLabel(stage_text(stage, language), self)
            label.setWordWrap(True)
            label.setToolTip(
                translate("SalesTrackingTab", "Win probability: %1%").replace(
                    "%1", str(stage.probability)
                )
            )
            self._layout.addWidget(label, 1)
            self.labels.append(label)
        self._states = ["todo"] * len(stages)

    def set_current(self, index: int | None) -> None:
        """Mark the step at `index` (None: the customer is on no step yet)."""
        self._states = []
        for number, label in enumerate(self.labels):
            if index is None or number > index:
                state, style = "todo", TODO_STYLE
            elif number == index:
                state, style = "current", CURRENT_STYLE
            else:
                state, style = "done", DONE_STYLE
            label.setStyleSheet(style)
            self._states.append(state)

    def states(self) -> list[str]:
        return list(self._states)


class HistoryModel(RowTableModel):
    class Column(IntEnum):
        DATE = 0
        FROM = 1
        TO = 2
        STAFF = 3
        NOTE = 4

    def __init__(self, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._formats = Formats.for_language(language)
        self._names: dict[int, str] = {}

    def set_history(self, rows: list[StageChange], names: dict[int, str]) -> None:
        self._names = names
        self.set_rows(rows)

    def display(self, row: StageChange, column: Any) -> str:
        if column == self.Column.DATE:
            return format_date(row.changed_on, self._formats)
        if column == self.Column.FROM:
            return self._names.get(row.from_stage_id, "") if row.from_stage_id else ""
        if column == self.Column.TO:
            return self._names.get(row.to_stage_id, "")
        if column == self.Column.STAFF:
            return row.staff or ""
        return row.note or ""

    def header(self, column: Any) -> str:
        return {
            self.Column.DATE: translate("SalesTrackingTab", "Date"),
            self.Column.FROM: translate("SalesTrackingTab", "From step"),
            self.Column.TO: translate("SalesTrackingTab", "To step"),
            self.Column.STAFF: translate("SalesTrackingTab", "Staff"),
            self.Column.NOTE: translate("SalesTrackingTab", "Note"),
        }[column]


class ChangeStageDialog(QDialog):
    """Step, date (today by default) and note of a change; saved through app/."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        context: PanelContext,
        customer_id: int,
        version: int,
        stages: list[Stage],
        current_stage_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("change_stage_dialog")
        self.setWindowTitle(translate("SalesTrackingTab", "Change step"))
        self._sessions = sessions
        self._context = context
        self._customer_id = customer_id
        self._version = version
        self.changed: StageChanged | None = None
        self.stage_combo = QComboBox(self)
        for stage in stages:
            self.stage_combo.addItem(stage_text(stage, context.language), stage.id)
        ids = [stage.id for stage in stages]
        following = ids.index(current_stage_id) + 1 if current_stage_id in ids else 0
        self.stage_combo.setCurrentIndex(min(following, len(ids) - 1))
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color:#C62828;")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(translate("SalesTrackingTab", "New step"), self.stage_combo)
        form.addRow(translate("SalesTrackingTab", "Date"), self.date_edit)
        form.addRow(translate("SalesTrackingTab", "Note"), self.note_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(420, 300)

    def choose(self, stage_id: int, on: dt.date | None = None, note: str = "") -> None:
        """Fill the dialog in (as a person would, for tests and for callers that know)."""
        self.stage_combo.setCurrentIndex(self.stage_combo.findData(stage_id))
        if on is not None:
            self.date_edit.setDate(QDate(on.year, on.month, on.day))
        self.note_edit.setPlainText(note)

    def save(self) -> bool:
        """Write the change and close; a refusal stays in the dialog, in words."""
        stage_id = self.stage_combo.currentData()
        chosen = self.date_edit.date()
        on = dt.date(chosen.year(), chosen.month(), chosen.day())
        try:
            with self._sessions.begin() as session:
                self.changed = sales_tracking.change_stage(
                    session,
                    self._context.logged_in.user,
                    self._customer_id,
                    stage_id,
                    on,
                    self.note_edit.toPlainText(),
                    version=self._version,
                )
        except MediaCrmError as error:
            self.error_label.setText(error_text(error, self._context.language))
            self.error_label.show()
            return False
        self.accept()
        return True


class SalesTrackingTab(QWidget):
    """The sales tracking of the customer on screen."""

    stage_changed = Signal(int)  # the customer id; its version moved on

    def __init__(self, context: PanelContext, prompter: Prompter, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("sales_tracking_tab")
        self._context = context
        self._prompter = prompter
        self._sessions = context.session_factory
        self._user = context.logged_in.user
        self._customer: RecordValues | None = None
        self._version: int | None = None
        self._current: int | None = None
        self._stages: list[Stage] = []
        self.change_dialog: ChangeStageDialog | None = None
        self.current_label = QLabel(self)
        self.current_label.setObjectName("current_label")
        self.strip = StageStrip(self)
        self.change_button = QPushButton(translate("SalesTrackingTab", "Change step…"), self)
        self.change_button.setObjectName("change_button")
        self.change_button.clicked.connect(lambda: self.change_stage())
        self.model = HistoryModel(context.language, self)
        self.history_view = record_table_view()
        self.history_view.setObjectName("history_view")
        self.history_view.setModel(self.model)
        top = QHBoxLayout()
        top.addWidget(self.current_label, 1)
        top.addWidget(self.change_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.strip)
        layout.addWidget(QLabel(translate("SalesTrackingTab", "History"), self))
        layout.addWidget(self.history_view, 1)
        self._show_nothing()

    def set_customer(self, record: RecordValues | None) -> None:
        self._customer = record
        self._version = None if record is None else record.version
        self.reload()

    def reload(self) -> None:
        if self._customer is None:
            self._show_nothing()
            return
        try:
            with self._sessions.begin() as session:
                self._stages = sales_tracking.stages(session)
                current, version = sales_tracking.current_stage(
                    session, self._user, self._customer.id
                )
                history = sales_tracking.history(session, self._user, self._customer.id)
        except MediaCrmError as error:
            self._show_nothing()
            self._prompter.warn(self, self.windowTitle(), error_text(error, self._context.language))
            return
        if self._version is None:
            self._version = version
        self._current = current
        self._show(history)

    def _show_nothing(self) -> None:
        self._current = None
        self.current_label.setText(translate("SalesTrackingTab", "Save the customer first."))
        self.strip.set_stages([], self._context.language)
        self.model.set_history([], {})
        self.change_button.setEnabled(False)

    def _show(self, history: list[StageChange]) -> None:
        language = self._context.language
        names = {stage.id: stage_text(stage, language) for stage in self._stages}
        self.strip.set_stages(self._stages, language)
        ids = [stage.id for stage in self._stages]
        self.strip.set_current(ids.index(self._current) if self._current in ids else None)
        if self._current is None:
            text = translate("SalesTrackingTab", "Current step: none yet")
        else:
            text = translate("SalesTrackingTab", "Current step: %1").replace(
                "%1", names.get(self._current, "")
            )
        self.current_label.setText(text)
        self.model.set_history(history, names)
        self.change_button.setEnabled(self._user.may("customers", "edit"))

    def current_stage_id(self) -> int | None:
        return self._current

    def change_stage(self) -> None:
        """Ask for the new step, date and note; on success show it and tell the panel."""
        if self._customer is None or self._version is None:
            return
        self.change_dialog = ChangeStageDialog(
            self._sessions,
            self._context,
            self._customer.id,
            self._version,
            self._stages,
            self._current,
            self,
        )
        if self.change_dialog.exec() != QDialog.DialogCode.Accepted:
            return
        changed = self.change_dialog.changed
        assert changed is not None
        self._version = changed.customer_version
        self.reload()
        self.stage_changed.emit(changed.customer_id)
