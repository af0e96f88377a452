"""The personalised shortcut panel (个性化快捷面板, SPEC §3.2) at the left of the main window:
task manager ‖ information manager ‖ business log (today's entries), each part shown or
hidden per user. Activating a task or a log entry, or "Open", asks the main window for the
module (`module_requested`); a log entry also names itself (`log_entry_requested`).

The lists come from app/work_overview.py, loaded off the GUI thread; adding a log line and
marking a message read are single small writes, done at once.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import work_overview
from app.auth import LoggedIn
from app.errors import MediaCrmError, ValidationError
from app.preferences import Preferences
from app.work_overview import LogItem, MessageItem, TaskItem, WorkOverview
from db.engine import make_session_factory
from ui import background
from ui.errors import error_text
from ui.widgets.form_feedback import error_label

log = logging.getLogger(__name__)

CONTEXT = "ShortcutPanel"
PARTS = ("task_manager", "information_manager", "business_log")
# The Preferences field that shows or hides each part.
PART_PREFERENCES = {
    "task_manager": "show_task_manager",
    "information_manager": "show_information_manager",
    "business_log": "show_business_log",
}
PART_TITLES = {
    "task_manager": QT_TRANSLATE_NOOP("ShortcutPanel", "Task manager"),
    "information_manager": QT_TRANSLATE_NOOP("ShortcutPanel", "Information manager"),
    "business_log": QT_TRANSLATE_NOOP("ShortcutPanel", "Business log"),
}
PRIORITIES = {
    "low": QT_TRANSLATE_NOOP("ShortcutPanel", "Low"),
    "normal": QT_TRANSLATE_NOOP("ShortcutPanel", "Normal"),
    "high": QT_TRANSLATE_NOOP("ShortcutPanel", "High"),
    "urgent": QT_TRANSLATE_NOOP("ShortcutPanel", "Urgent"),
}
MESSAGE_KINDS = {
    "notice": QT_TRANSLATE_NOOP("ShortcutPanel", "Notice"),
    "system": QT_TRANSLATE_NOOP("ShortcutPanel", "System"),
    "email_in": QT_TRANSLATE_NOOP("ShortcutPanel", "E-mail"),
    "email_out": QT_TRANSLATE_NOOP("ShortcutPanel", "E-mail"),
}
PRESSING = QColor("#c62828")
HIGH = QColor("#e65100")
ID_ROLE = Qt.ItemDataRole.UserRole
REFRESH_INTERVAL_MS = 120_000


def _tr(text: object) -> str:
    """A text named elsewhere with QT_TRANSLATE_NOOP, in the user's language."""
    return QCoreApplication.translate(CONTEXT, str(text))


def part_title(part: str) -> str:
    return _tr(PART_TITLES[part])


def parts_shown(preferences: Preferences) -> dict[str, bool]:
    """Which parts the user's preferences show."""
    return {part: bool(getattr(preferences, PART_PREFERENCES[part])) for part in PARTS}


class ShortcutPanel(QWidget):
    overview_loaded = Signal(object)  # WorkOverview
    load_failed = Signal(str)
    log_line_added = Signal(int)
    log_line_refused = Signal(str)
    message_read = Signal(int)
    module_requested = Signal(str)  # a module key: "tasks", "business_log"
    log_entry_requested = Signal(int)  # a business-log entry's id, after module_requested

    def __init__(
        self,
        logged_in: LoggedIn,
        language: str,
        preferences: Preferences,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        """`today`: the day whose business-log entries are listed (by default the local
        date at each refresh)."""
        super().__init__(parent)
        self.setObjectName("shortcut_panel")
        self._logged_in = logged_in
        self._today = today
        self._language = language
        self._preferences = preferences
        self._loading: background.WorkerSignals | None = None
        self._load_again = False
        self.overview: WorkOverview | None = None
        self._build()
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_INTERVAL_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.refresh_timer.start()

    # Building.

    def _build(self) -> None:
        self.heading_label = QLabel(QCoreApplication.translate("ShortcutPanel", "My work"))
        font = self.heading_label.font()
        font.setBold(True)
        self.heading_label.setFont(font)
        self.refresh_button = QToolButton()
        self.refresh_button.setText(QCoreApplication.translate("ShortcutPanel", "Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        heading = QHBoxLayout()
        heading.addWidget(self.heading_label, 1)
        heading.addWidget(self.refresh_button)
        self.problem_label = error_label(self)
        self.task_view = _tree(
            1,
            QCoreApplication.translate("ShortcutPanel", "Due"),
            QCoreApplication.translate("ShortcutPanel", "Task"),
            QCoreApplication.translate("ShortcutPanel", "Priority"),
        )
        self.message_view = _tree(
            0,
            QCoreApplication.translate("ShortcutPanel", "Subject"),
            QCoreApplication.translate("ShortcutPanel", "From"),
            QCoreApplication.translate("ShortcutPanel", "Received"),
        )
        self.log_view = _tree(
            1,
            QCoreApplication.translate("ShortcutPanel", "Time"),
            QCoreApplication.translate("ShortcutPanel", "Subject"),
        )
        self.task_view.itemActivated.connect(self._on_task_view_item_activated)
        self.message_view.itemActivated.connect(self._on_message_view_item_activated)
        self.log_view.itemActivated.connect(self._on_log_view_item_activated)
        self.boxes = {
            "task_manager": _box(self.task_view),
            "information_manager": _box(self.message_view),
            "business_log": _box(self.log_view, self._log_entry()),
        }
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        for box in self.boxes.values():
            self.splitter.addWidget(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 4)
        layout.addLayout(heading)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.splitter, 1)
        self._set_titles()

    def _log_entry(self) -> QWidget:
        entry = QWidget()
        self.log_edit = QLineEdit()
        self.log_edit.setPlaceholderText(
            QCoreApplication.translate("ShortcutPanel", "Add a log line…")
        )
        self.log_edit.setMaxLength(work_overview.SUBJECT_MAX_LENGTH + 1)
        self.log_edit.returnPressed.connect(self._on_add_log_button_clicked)
        self.add_log_button = QPushButton(QCoreApplication.translate("ShortcutPanel", "Add"))
        self.add_log_button.clicked.connect(self._on_add_log_button_clicked)
        self.add_log_button.setEnabled(self._logged_in.user.may("tasks", "create"))
        self.log_edit.setEnabled(self.add_log_button.isEnabled())
        self.open_log_button = QPushButton(QCoreApplication.translate("ShortcutPanel", "Open"))
        self.open_log_button.setToolTip(
            QCoreApplication.translate("ShortcutPanel", "Open the business log")
        )
        self.open_log_button.clicked.connect(self._on_open_log_button_clicked)
        self.log_error_label = error_label(entry)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.log_edit, 1)
        row.addWidget(self.add_log_button)
        row.addWidget(self.open_log_button)
        layout = QVBoxLayout(entry)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.log_error_label)
        return entry

    def _set_titles(self) -> None:
        overview = self.overview
        counts = {
            "task_manager": len(overview.tasks) if overview else None,
            "information_manager": overview.unread_count if overview else None,
            "business_log": len(overview.logs) if overview else None,
        }
        for part, box in self.boxes.items():
            count = counts[part]
            if count is None:
                box.setTitle(part_title(part))
            elif part == "business_log":
                box.setTitle(
                    QCoreApplication.translate("ShortcutPanel", "%1 · today (%2)")
                    .replace("%1", part_title(part))
                    .replace("%2", str(count))
                )
            elif part == "information_manager":
                box.setTitle(
                    QCoreApplication.translate("ShortcutPanel", "%1 (%2 unread)")
                    .replace("%1", part_title(part))
                    .replace("%2", str(count))
                )
            else:
                box.setTitle(
                    QCoreApplication.translate("ShortcutPanel", "%1 (%2)")
                    .replace("%1", part_title(part))
                    .replace("%2", str(count))
                )

    # Which parts show.

    def set_part_shown(self, part: str, shown: bool) -> None:
        self.boxes[part].setHidden(not shown)

    def set_parts_shown(self, shown: dict[str, bool]) -> None:
        for part, visible in shown.items():
            self.set_part_shown(part, visible)

    def part_shown(self, part: str) -> bool:
        return not self.boxes[part].isHidden()

    def any_part_shown(self) -> bool:
        return any(self.part_shown(part) for part in PARTS)

    def set_preferences(self, preferences: Preferences) -> None:
        """New formats (and parts) chosen in the settings: show the lists again with them."""
        self._preferences = preferences
        self.set_parts_shown(parts_shown(preferences))
        if self.overview is not None:
            self._show(self.overview)

    # Loading.

    def refresh(self) -> None:
        """Load the three lists off the GUI thread; a refresh asked for meanwhile follows."""
        if self._loading is not None:
            self._load_again = True
            return
        sessions = make_session_factory(self._logged_in.engine)
        user, today = self._logged_in.user, self._today

        def load() -> WorkOverview:
            with sessions() as session:
                return work_overview.load_overview(session, user, today)

        self._loading = background.start(load, self._on_load_succeeded, self._on_load_failed)

    def is_loading(self) -> bool:
        return self._loading is not None

    def _on_load_succeeded(self, overview: WorkOverview) -> None:
        self._loading = None
        self.problem_label.hide()
        self._show(overview)
        self.overview_loaded.emit(overview)
        self._follow_up()

    def _on_load_failed(self, error: Exception) -> None:
        self._loading = None
        message = error_text(error, self._language)
        self.problem_label.setText(message)
        self.problem_label.show()
        self.load_failed.emit(message)
        self._follow_up()

    def _follow_up(self) -> None:
        if self._load_again:
            self._load_again = False
            self.refresh()

    def _show(self, overview: WorkOverview) -> None:
        self.overview = overview
        _fill(self.task_view, [self._task_row(task) for task in overview.tasks])
        _fill(self.message_view, [self._message_row(message) for message in overview.messages])
        _fill(self.log_view, [self._log_row(entry) for entry in overview.logs])
        self._set_titles()

    def _task_row(self, task: TaskItem) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [
                self._preferences.format_datetime(task.due_at),
                task.title,
                _tr(PRIORITIES.get(task.priority, PRIORITIES["normal"])),
            ]
        )
        item.setData(0, ID_ROLE, task.id)
        item.setToolTip(1, task.title)
        if task.due_at is not None and task.due_at < dt.datetime.now(dt.UTC):
            item.setForeground(0, QBrush(PRESSING))
            item.setToolTip(0, QCoreApplication.translate("ShortcutPanel", "Overdue"))
        if task.priority in ("urgent", "high"):
            item.setForeground(2, QBrush(PRESSING if task.priority == "urgent" else HIGH))
        return item

    def _message_row(self, message: MessageItem) -> QTreeWidgetItem:
        subject = message.subject
        if message.kind in MESSAGE_KINDS:
            subject = (
                QCoreApplication.translate("ShortcutPanel", "[%1] %2")
                .replace("%1", _tr(MESSAGE_KINDS[message.kind]))
                .replace("%2", subject)
            )
        sender = message.sender or (
            QCoreApplication.translate("ShortcutPanel", "System")
            if message.kind == "system"
            else ""
        )
        item = QTreeWidgetItem(
            [subject, sender, self._preferences.format_datetime(message.sent_at)]
        )
        item.setData(0, ID_ROLE, message.id)
        item.setToolTip(0, message.body or message.subject)
        _set_bold(item, not message.read)
        return item

    def _log_row(self, entry: LogItem) -> QTreeWidgetItem:
        when = "" if entry.start_time is None else f"{entry.start_time:%H:%M}"
        item = QTreeWidgetItem([when, entry.subject])
        item.setData(0, ID_ROLE, entry.id)
        item.setToolTip(1, entry.subject)
        return item

    # Acting.

    def _on_add_log_button_clicked(self) -> None:
        self.log_error_label.hide()
        sessions = make_session_factory(self._logged_in.engine)
        try:
            with sessions.begin() as session:
                new_id = work_overview.add_log_line(
                    session, self._logged_in.user, self.log_edit.text()
                )
        except MediaCrmError as error:
            message = self._refusal_text(error)
            self.log_error_label.setText(message)
            self.log_error_label.show()
            self.log_edit.setFocus()
            self.log_line_refused.emit(message)
            return
        self.log_edit.clear()
        self.log_line_added.emit(new_id)
        self.refresh()

    def _refusal_text(self, error: MediaCrmError) -> str:
        if isinstance(error, ValidationError) and error.code == "log_subject_required":
            return QCoreApplication.translate("ShortcutPanel", "Write what you did first.")
        return error_text(error, self._language)

    def _on_message_view_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        message_id = int(item.data(0, ID_ROLE))
        sessions = make_session_factory(self._logged_in.engine)
        try:
            with sessions.begin() as session:
                work_overview.mark_read(session, self._logged_in.user, message_id)
        except MediaCrmError as error:
            self.problem_label.setText(error_text(error, self._language))
            self.problem_label.show()
            return
        _set_bold(item, False)
        self.message_read.emit(message_id)
        self.refresh()

    def _on_task_view_item_activated(self, _item: QTreeWidgetItem, _column: int) -> None:
        self.module_requested.emit("tasks")

    def _on_log_view_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.module_requested.emit("business_log")
        self.log_entry_requested.emit(int(item.data(0, ID_ROLE)))

    def _on_open_log_button_clicked(self) -> None:
        self.module_requested.emit("business_log")


def _tree(stretch: int, *headers: str) -> QTreeWidget:
    """A short flat list with `headers`: column `stretch` takes the room the others, sized
    to their contents, leave (cheap: the lists hold a few dozen rows)."""
    tree = QTreeWidget()
    tree.setHeaderLabels(list(headers))
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(len(headers)):
        mode = QHeaderView.ResizeMode.ResizeToContents
        if column == stretch:
            mode = QHeaderView.ResizeMode.Stretch
        header.setSectionResizeMode(column, mode)
    return tree


def _box(view: QWidget, *below: QWidget) -> QGroupBox:
    box = QGroupBox()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(view, 1)
    for widget in below:
        layout.addWidget(widget)
    return box


def _fill(tree: QTreeWidget, items: list[QTreeWidgetItem]) -> None:
    tree.clear()
    tree.addTopLevelItems(items)


def _set_bold(item: QTreeWidgetItem, bold: bool) -> None:
    for column in range(item.columnCount()):
        font = QFont(item.font(column))
        font.setBold(bold)
        item.setFont(column, font)
