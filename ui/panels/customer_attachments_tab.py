"""The customer's attachments tab (附件): its files with name, size, type, who added them and
when; Add… (or drop files on the tab), Open, Save as… and Delete (to the recycle bin).

Files are read and written off the GUI thread behind a progress dialog with Cancel
(ui/widgets/progress_runner.py). The file dialogs and the "open with the system's program"
call are injectable, so that tests never wait on a modal dialog or start a viewer.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import attachments
from app.attachments import AttachmentInfo
from app.errors import MediaCrmError, ValidationError
from app.listing import Formats, format_datetime
from app.records import RecordValues
from ui.errors import error_text
from ui.models.row_model import RowTableModel
from ui.widgets.progress_runner import Progress, ProgressRunner
from ui.widgets.prompter import Prompter
from ui.widgets.tables import record_table_view

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from ui.modules import PanelContext

translate = QCoreApplication.translate

KB = 1024
TYPE_WIDTH = 160
UrlOpener = Callable[[QUrl], bool]


class FileChooser(Protocol):
    """Where the user picks files to add and where to save one."""

    def open_files(self, parent: QWidget, title: str) -> list[Path]: ...

    def save_file(self, parent: QWidget, title: str, suggested: Path) -> Path | None: ...


class DialogFileChooser:
    """The system's file dialogs."""

    def open_files(self, parent: QWidget, title: str) -> list[Path]:
        names, _filter = QFileDialog.getOpenFileNames(parent, title)
        return [Path(name) for name in names]

    def save_file(self, parent: QWidget, title: str, suggested: Path) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested))
        return Path(name) if name else None


def ticker(progress: Progress) -> Callable[[int], None]:
    """A tick for one file of app/attachments.py: moves the bar on (in KB), stops on Cancel."""
    seen = [0]

    def tick(done: int) -> None:
        progress.advance(done // KB - seen[0])
        seen[0] = done // KB
        progress.check_cancelled()

    return tick


class AttachmentModel(RowTableModel):
    class Column(IntEnum):
        NAME = 0
        SIZE = 1
        TYPE = 2
        ADDED_BY = 3
        ADDED_AT = 4
        DESCRIPTION = 5

    def __init__(self, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._formats = Formats.for_language(language)

    def display(self, row: AttachmentInfo, column: Any) -> str:
        if column == self.Column.NAME:
            return row.file_name
        if column == self.Column.SIZE:
            return attachments.format_size(row.size_bytes)
        if column == self.Column.TYPE:
            return row.mime_type or ""
        if column == self.Column.ADDED_BY:
            return row.added_by or ""
        if column == self.Column.DESCRIPTION:
            return " ".join((row.description or "").split())  # one line in the list
        return format_datetime(row.added_at, self._formats)

    def sort_key(self, row: AttachmentInfo, column: Any) -> Any:
        return row.size_bytes if column == self.Column.SIZE else self.display(row, column)

    def header(self, column: Any) -> str:
        return {
            self.Column.NAME: translate("AttachmentsTab", "File name"),
            self.Column.SIZE: translate("AttachmentsTab", "Size"),
            self.Column.TYPE: translate("AttachmentsTab", "Type"),
            self.Column.ADDED_BY: translate("AttachmentsTab", "Added by"),
            self.Column.ADDED_AT: translate("AttachmentsTab", "Added at"),
            self.Column.DESCRIPTION: translate("AttachmentsTab", "Description"),
        }[column]


class DescribeDialog(QDialog):
    """An attachment's file name and description (Properties…); the service's refusal is
    shown under the fields, the dialog stays open."""

    def __init__(
        self, context: PanelContext, item: AttachmentInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._item = item
        self.saved: AttachmentInfo | None = None
        self.setWindowTitle(translate("AttachmentsTab", "Attachment properties"))
        self.name_edit = QLineEdit(item.file_name, self)
        self.description_edit = QPlainTextEdit(item.description or "", self)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828")
        size = QLabel(attachments.format_size(item.size_bytes), self)
        form = QFormLayout()
        form.addRow(translate("AttachmentsTab", "File &name:"), self.name_edit)
        form.addRow(translate("AttachmentsTab", "Size:"), size)
        form.addRow(translate("AttachmentsTab", "&Description:"), self.description_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(460, 300)

    def save(self) -> None:
        user = self._context.logged_in.user
        try:
            with self._context.session_factory.begin() as session:
                self.saved = attachments.describe(
                    session,
                    user,
                    self._item.id,
                    self._item.version,
                    self.name_edit.text(),
                    self.description_edit.toPlainText(),
                )
        except MediaCrmError as error:
            self.error_label.setText(error_text(error, self._context.language))
            if isinstance(error, ValidationError):
                self.name_edit.setFocus()
            return
        self.accept()


class AttachmentActions(QObject):
    """Open, Save as… and Delete of one attachment, shared by the customer's tab and the
    File management panel. `changed` after a delete (or a failure: read the list again),
    `written(path)` when an Open or Save as… has written the file."""

    changed = Signal()
    written = Signal(object)

    def __init__(
        self,
        widget: QWidget,
        context: PanelContext,
        prompter: Prompter,
        files: FileChooser,
        open_url: UrlOpener,
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._context = context
        self._prompter = prompter
        self._files = files
        self._open_url = open_url
        self._sessions: sessionmaker[Session] = context.session_factory
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        self.runner: ProgressRunner | None = None
        self.dialog: DescribeDialog | None = None

    def title(self) -> str:
        return translate("AttachmentsTab", "Attachments")

    def warn(self, error: BaseException) -> None:
        self._prompter.warn(self._widget, self.title(), error_text(error, self._context.language))

    def run(self, label: str, work: Callable[[Progress], Any], total_bytes: int) -> ProgressRunner:
        runner = ProgressRunner(self._widget, self.title(), label, work, total_bytes // KB + 1)
        runner.failed.connect(self._on_failed)
        self.runner = runner
        runner.start()
        return runner

    def _on_failed(self, error: Exception) -> None:
        self.warn(error)
        self.changed.emit()

    def write_to(self, item: AttachmentInfo, target: Path) -> ProgressRunner:
        sessions, user = self._sessions, self._context.logged_in.user

        def work(progress: Progress) -> Path:
            with sessions.begin() as session:
                attachments.save_as(session, user, item.id, target, tick=ticker(progress))
            return target

        label = translate("AttachmentsTab", "Writing %1…").replace("%1", item.file_name)
        runner = self.run(label, work, item.size_bytes)
        runner.succeeded.connect(self.written.emit)
        return runner

    def open(self, item: AttachmentInfo) -> None:
        """Write the file to a private temporary folder and open it with its program."""
        if self._temp is None:
            # Removed with the screen, or at the latest when the program ends (what a viewer
            # still holds open on Windows stays).
            self._temp = tempfile.TemporaryDirectory(prefix="mediacrm-", ignore_cleanup_errors=True)
            self._widget.destroyed.connect(self._temp.cleanup)
        folder = Path(self._temp.name) / str(item.id)
        folder.mkdir(exist_ok=True)
        runner = self.write_to(item, folder / Path(item.file_name).name)
        runner.succeeded.connect(self._on_written_for_opening)

    def _on_written_for_opening(self, path: Path) -> None:
        if not self._open_url(QUrl.fromLocalFile(str(path))):
            message = translate("AttachmentsTab", "No program opens %1.").replace("%1", str(path))
            self._prompter.warn(self._widget, self.title(), message)

    def save_as(self, item: AttachmentInfo) -> None:
        title = translate("AttachmentsTab", "Save the attachment as")
        target = self._files.save_file(self._widget, title, Path.home() / item.file_name)
        if target is None:
            return
        self.write_to(item, target)

    def describe(self, item: AttachmentInfo) -> DescribeDialog:
        """Properties…: the name and description, in a window-modal dialog (kept in
        `dialog`); `changed` once saved."""
        self.dialog = DescribeDialog(self._context, item, self._widget)
        self.dialog.accepted.connect(self.changed.emit)
        self.dialog.open()
        return self.dialog

    def delete(self, item: AttachmentInfo) -> bool:
        question = translate("AttachmentsTab", "Move the attachment “%1” to the recycle bin?")
        title = translate("AttachmentsTab", "Delete")
        if not self._prompter.confirm(self._widget, title, question.replace("%1", item.file_name)):
            return False
        try:
            with self._sessions.begin() as session:
                attachments.delete(session, self._context.logged_in.user, item.id, item.version)
        except MediaCrmError as error:
            self.warn(error)
            return False
        self.changed.emit()
        return True


class SelectedAttachmentActions:
    """Open, Save as… and Delete of the attachment chosen in a widget's list (`selected()`),
    through its `file_actions`: the customer's tab and the File management panel."""

    file_actions: AttachmentActions

    def selected(self) -> AttachmentInfo | None:
        raise NotImplementedError

    def open_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.file_actions.open(item)

    def save_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.file_actions.save_as(item)

    def describe_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.file_actions.describe(item)

    def delete_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.file_actions.delete(item)


class AttachmentsTab(SelectedAttachmentActions, QWidget):
    """The attachments of the customer on screen."""

    attachments_changed = Signal()  # the list was read again (after an add, a delete…)

    def __init__(
        self,
        context: PanelContext,
        prompter: Prompter,
        parent: QWidget,
        *,
        files: FileChooser | None = None,
        open_url: UrlOpener | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachments_tab")
        self.setAcceptDrops(True)
        self._context = context
        self._sessions = context.session_factory
        self._user = context.logged_in.user
        self._files = files or DialogFileChooser()
        self._customer: RecordValues | None = None
        self.file_actions = AttachmentActions(
            self, context, prompter, self._files, open_url or QDesktopServices.openUrl
        )
        self.file_actions.changed.connect(self.reload)
        self.model = AttachmentModel(context.language, self)
        self.view = record_table_view()
        self.view.setObjectName("attachments_view")
        self.view.setModel(self.model)
        # A type such as application/vnd.openxmlformats-officedocument… would push who added
        # the file and when out of sight: the column keeps a width and elides the rest.
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(AttachmentModel.Column.TYPE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(AttachmentModel.Column.TYPE, TYPE_WIDTH)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        self.add_button = QPushButton(translate("AttachmentsTab", "Add…"), self)
        self.open_button = QPushButton(translate("AttachmentsTab", "Open"), self)
        self.save_button = QPushButton(translate("AttachmentsTab", "Save as…"), self)
        self.describe_button = QPushButton(translate("AttachmentsTab", "Properties…"), self)
        self.delete_button = QPushButton(translate("AttachmentsTab", "Delete"), self)
        self.add_button.clicked.connect(lambda: self.choose_files())
        self.open_button.clicked.connect(lambda: self.open_selected())
        self.save_button.clicked.connect(lambda: self.save_selected())
        self.describe_button.clicked.connect(lambda: self.describe_selected())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.open_button,
            self.save_button,
            self.describe_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.view, 1)
        self.reload()

    def set_customer(self, record: RecordValues | None) -> None:
        self._customer = record
        self.reload()

    def reload(self) -> None:
        chosen = self.selected()
        rows: list[AttachmentInfo] = []
        if self._customer is not None:
            try:
                with self._sessions.begin() as session:
                    rows = attachments.customer_files(session, self._user, self._customer.id)
            except MediaCrmError as error:
                self.file_actions.warn(error)
        self.model.set_rows(rows)
        row = None if chosen is None else self.model.row_of_id(chosen.id)
        if row is not None:
            self.view.selectRow(row)
        exists = self._customer is not None
        may = self._user.may
        if exists:
            hint = translate("AttachmentsTab", "Add files with Add… or drop them here.")
        else:
            hint = translate("AttachmentsTab", "Save the customer first, then add its files.")
        self.hint_label.setText(hint)
        self.add_button.setEnabled(exists and may("customers", "create"))
        self.open_button.setEnabled(bool(rows))
        self.save_button.setEnabled(bool(rows))
        self.describe_button.setEnabled(bool(rows) and may("customers", "edit"))
        self.delete_button.setEnabled(bool(rows) and may("customers", "delete"))
        self.attachments_changed.emit()

    def selected(self) -> AttachmentInfo | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(index.row())  # type: ignore[no-any-return]

    # Adding.

    def choose_files(self) -> None:
        paths = self._files.open_files(self, translate("AttachmentsTab", "Add files"))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: Sequence[Path]) -> ProgressRunner | None:
        """Add the files in one go (all or, on an error or Cancel, none), off the GUI
        thread; the list is read again when they are in."""
        if self._customer is None or not paths:
            return None
        sessions, user, customer_id = self._sessions, self._user, self._customer.id
        chosen = [Path(path) for path in paths]

        def work(progress: Progress) -> int:
            with sessions.begin() as session:
                for path in chosen:
                    attachments.add_file(session, user, customer_id, path, tick=ticker(progress))
            return len(chosen)

        total = sum(path.stat().st_size for path in chosen if path.is_file())
        label = translate("AttachmentsTab", "Adding files (%1)…").replace("%1", str(len(chosen)))
        runner = self.file_actions.run(label, work, total)
        runner.succeeded.connect(lambda _count: self.reload())
        return runner

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._customer is not None and self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_files(event)
        if self._customer is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(paths)

    @staticmethod
    def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        data = event.mimeData()
        if not data.hasUrls():
            return []
        paths = [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
        return [path for path in paths if path.is_file()]
