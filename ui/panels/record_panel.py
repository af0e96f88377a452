"""The panel every module is built from: the standard toolbar (New, Save, Delete, Query &
Report, Information, Help), a database-bound list and the record's form.

A module gives a `RecordKind` (app/records.py: the table, its fields and rules), a `ListSpec`
(app/listing.py: the list's columns) and a help topic; a small tree-shaped kind (departments,
industries) shows as a tree instead. The panel keeps the id and version of the record on
screen; every action is one transaction through app/records.py, so the rules and the
permissions are the services' (and, on PostgreSQL, the database's), never the panel's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import export, records
from app.access import CurrentUser
from app.errors import MediaCrmError, ValidationError
from app.fields import LookupOption
from app.listing import Filter, Formats, ListQuery, ListSpec, every_row, format_row
from app.records import RecordKind, RecordValues, StaleRecordError
from ui.dialogs.list_query_dialog import ListQueryDialog
from ui.dialogs.record_conflict_dialog import RecordConflictDialog
from ui.dialogs.record_information_dialog import RecordInformationDialog
from ui.dialogs.recycle_bin_dialog import RecycleBinDialog
from ui.help import show_help
from ui.models.query_model import QueryTableModel
from ui.models.row_model import ID_ROLE
from ui.models.tree_model import RecordTreeModel
from ui.printing import list_document, print_preview
from ui.widgets.form_view import FormView
from ui.widgets.progress_runner import Progress, ProgressRunner
from ui.widgets.prompter import MessageBoxPrompter, Prompter

if TYPE_CHECKING:
    # The context the module registry hands every panel (imported for types only: the
    # registry imports the panels).
    from ui.modules import PanelContext

log = logging.getLogger(__name__)

# A list's first widths by the kind of its columns (never resized to contents: a list may
# hold a million rows); the user's own widths are kept with the window layout.
HEADER_MARGIN = 28  # room for the sort arrow beside a column's title
COLUMN_WIDTHS = {
    "text": 160,
    "lookup": 120,
    "int": 80,
    "money": 110,
    "date": 100,
    "datetime": 140,
    "bool": 60,
}


translate = QCoreApplication.translate


class RecordPanel(QWidget):
    """A list and a form over one `RecordKind`, with the standard toolbar."""

    record_saved = Signal(int)
    record_deleted = Signal(int)
    status_message = Signal(str)
    title_changed = Signal(str)
    exported = Signal(int)  # rows written
    work_finished = Signal()  # a background export or print run ended, however

    def __init__(
        self,
        context: PanelContext,
        kind: RecordKind,
        list_spec: ListSpec,
        help_topic: str,
        title: str,
        *,
        tree_parent: str | None = None,
        prompter: Prompter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._prompter = prompter or MessageBoxPrompter()
        self._context = context
        self._kind = kind
        self._list_spec = list_spec
        self._help_topic = help_topic
        self._title = title
        self._tree_parent = tree_parent
        self._sessions = context.session_factory
        self._language = context.language
        self._current: RecordValues | None = None
        self._filters: list[Filter] = []
        self._options: dict[str, list[LookupOption]] = {}
        self.setObjectName(f"{kind.key}_panel")
        self._build()
        self.reload_lookups()
        self.new_record(ask=False)

    @property
    def user(self) -> CurrentUser:
        return self._context.logged_in.user

    @property
    def kind(self) -> RecordKind:
        return self._kind

    @property
    def help_topic(self) -> str:
        return self._help_topic

    @property
    def current(self) -> RecordValues | None:
        return self._current

    def title(self) -> str:
        return self._title

    # Building.
    def _build(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self._action(
            translate("RecordPanel", "New"), QKeySequence.StandardKey.New, self._on_new
        )
        self.save_action = self._action(
            translate("RecordPanel", "Save"), QKeySequence.StandardKey.Save, self.save
        )
        self.save_new_action = self._action(
            translate("RecordPanel", "Save && New"),
            QKeySequence("Ctrl+Shift+S"),
            self._on_save_and_new,
        )
        self.copy_action = self._action(
            translate("RecordPanel", "Copy as new"), QKeySequence("Ctrl+Shift+C"), self._on_copy
        )
        self.delete_action = self._action(
            translate("RecordPanel", "Delete"), QKeySequence(Qt.Key.Key_Delete), self._on_delete
        )
        self.toolbar.addSeparator()
        self.query_action = self._action(
            translate("RecordPanel", "Query && Report"), QKeySequence("Ctrl+F"), self._on_query
        )
        self.information_action = self._action(
            translate("RecordPanel", "Information"), QKeySequence("Ctrl+I"), self._on_information
        )
        self.recycle_bin_action = self._action(
            translate("RecordPanel", "Recycle bin"), None, self._on_recycle_bin
        )
        self.help_action = self._action(
            translate("RecordPanel", "Help"), QKeySequence(Qt.Key.Key_F1), self._on_help
        )
        may_create = self.user.may(self._kind.module, "create")
        for action in (self.new_action, self.copy_action, self.save_new_action):
            action.setEnabled(may_create)
        self.recycle_bin_action.setEnabled(self.user.may(self._kind.module, "delete"))

        if self._tree_parent is None:
            self.model: QueryTableModel | None = QueryTableModel(
                self._sessions, self.user, self._language, self._query(), parent=self
            )
            table = QTableView(self)
            table.setModel(self.model)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSortingEnabled(True)
            table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            table.setAlternatingRowColors(True)
            table.verticalHeader().hide()
            header = table.horizontalHeader()
            header.setSectionsMovable(True)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
            metrics = header.fontMetrics()
            for section, column in enumerate(self._list_spec.columns):
                title = metrics.horizontalAdvance(column.label(self._language)) + HEADER_MARGIN
                kind = COLUMN_WIDTHS.get(column.kind, COLUMN_WIDTHS["text"])
                header.resizeSection(section, max(kind, title))
            self.tree_model: RecordTreeModel | None = None
            self.list_view: QAbstractItemView = table
        else:
            self.model = None
            self.tree_model = RecordTreeModel(self._list_spec.columns[0].label(self._language))
            self.tree_model.setParent(self)
            tree = QTreeView(self)
            tree.setModel(self.tree_model)
            self.list_view = tree
            self._reload_tree()
        self.list_view.setObjectName(f"{self._kind.key}_list_view")
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.selectionModel().selectionChanged.connect(
            self._on_list_view_selection_changed
        )

        self.form = FormView(self._kind.fields, self._language, parent=self)
        self.form.dirty_changed.connect(self._on_form_dirty_changed)
        self.form.submit_requested.connect(self.save)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("state_label")
        form_box = QWidget(self)
        form_layout = QVBoxLayout(form_box)
        form_layout.addWidget(self.state_label)
        form_layout.addWidget(self.form)
        form_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_box)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(f"{self._kind.key}_splitter")
        self.splitter.addWidget(self.list_view)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None,
        handler: Callable[[], Any],
    ) -> QAction:
        action = self.toolbar.addAction(text)
        if shortcut is not None:
            sequence = QKeySequence(shortcut)
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shown = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&&', '&')} ({shown})")
        action.triggered.connect(lambda _checked=False: handler())
        return action

    def _query(self) -> ListQuery:
        return ListQuery(self._list_spec, filters=tuple(self._filters))

    def reload_lookups(self) -> None:
        """Read the choices of the form's lookup fields again (another panel may have added
        one)."""
        with self._sessions.begin() as session:
            for key in self._kind.lookups:
                options = records.lookup_options(session, self._kind, key, self._language)
                self._options[key] = options
                self.form.set_lookup_options(key, options)

    def _update_state(self) -> None:
        module, user = self._kind.module, self.user
        exists = self._current is not None
        editable = user.may(module, "edit") if exists else user.may(module, "create")
        self.save_action.setEnabled(editable)
        self.delete_action.setEnabled(exists and user.may(module, "delete"))
        self.information_action.setEnabled(exists)
        self.form.set_read_only(not editable)
        if self._current is None:
            self.state_label.setText(translate("RecordPanel", "New record"))
        else:
            self.state_label.setText(
                translate("RecordPanel", "%1 · version %2")
                .replace("%1", self._current.title)
                .replace("%2", str(self._current.version))
            )

    # Leaving with unsaved changes.
    def maybe_leave(self) -> bool:
        """Ask Save / Discard / Cancel when the form has unsaved changes; True to go on."""
        if not self.form.is_dirty():
            return True
        answer = self._prompter.save_discard_cancel(
            self,
            translate("RecordPanel", "Unsaved changes"),
            translate("RecordPanel", "“%1” has changes that are not saved. Save them?").replace(
                "%1",
                self._current.title if self._current else translate("RecordPanel", "New record"),
            ),
        )
        if answer == "save":
            return self.save()
        if answer == "discard":
            self._show(self._current)
            return True
        return False

    # New, save, copy.
    def _on_new(self) -> None:
        self.new_record()

    def new_record(self, ask: bool = True) -> None:
        if ask and not self.maybe_leave():
            return
        self._show(None)
        self.form.focus_first()

    def _show(self, record: RecordValues | None) -> None:
        self._current = record
        if record is None:
            self.form.clear()
            self.form.set_values(records.new_values(self._kind))
            self._select(None)
        else:
            self.form.set_values(record.values)
        self._update_state()

    def save(self) -> bool:
        """Save the form; True when it is saved."""
        try:
            values = self.form.values()
        except ValidationError:
            return False  # the form shows each error at its field
        try:
            with self._sessions.begin() as session:
                saved = self._write(session, values)
        except StaleRecordError as stale:
            return self._resolve_conflict(values, stale.theirs)
        except MediaCrmError as error:
            self._show_error(error)
            return False
        if saved is None:
            return False
        self._after_save(saved)
        return True

    def _write(self, session: Session, values: dict[str, Any]) -> RecordValues | None:
        """Create or update the record on screen in `session`; a subclass with a service of
        its own saves through it, and returns None when that service saved nothing."""
        if self._current is None:
            return records.create(session, self.user, self._kind, values)
        return records.update(
            session, self.user, self._kind, self._current.id, self._current.version, values
        )

    def _resolve_conflict(self, mine: dict[str, Any], theirs: RecordValues) -> bool:
        """Someone saved the record since it was read: show both, let the user choose field
        by field; Cancel keeps the user's edits on screen."""
        read = self._current
        dialog = RecordConflictDialog(
            self._kind.fields,
            mine,
            theirs,
            self._language,
            self,
            original=read.values if read is not None else None,
            lookup_options=self._options,
        )
        self.conflict_dialog = dialog
        if dialog.exec() != RecordConflictDialog.DialogCode.Accepted:
            return False
        merged = dialog.merged()
        self._show(theirs)
        if dialog.theirs_taken():
            return True
        self.form.set_edited_values(merged)
        return self.save()

    def _after_save(self, saved: RecordValues) -> None:
        self._show(saved)
        self._refresh_list()
        self._select(saved.id)
        self.status_message.emit(translate("RecordPanel", "Saved: %1").replace("%1", saved.title))
        self.record_saved.emit(saved.id)

    def _on_save_and_new(self) -> None:
        if self.save():
            self.new_record(ask=False)

    def _on_copy(self) -> None:
        """The record on screen becomes the template of a new one (Save makes it)."""
        try:
            values = self.form.values()
        except ValidationError:
            return
        self._show(None)
        self.form.set_edited_values(values)
        self.form.focus_first()
        self.status_message.emit(
            translate("RecordPanel", "A copy: change what differs, then save it.")
        )

    # Delete and the recycle bin.
    def _on_delete(self) -> None:
        current = self._current
        if current is None:
            return
        question = translate(
            "RecordPanel", "Move “%1” to the recycle bin? It can be restored from there."
        )
        if not self._prompter.confirm(
            self, translate("RecordPanel", "Delete"), question.replace("%1", current.title)
        ):
            return
        try:
            with self._sessions.begin() as session:
                records.delete(session, self.user, self._kind, current.id, current.version)
        except StaleRecordError as stale:
            self._show(stale.theirs)
            self._show_error(stale)
            return
        except MediaCrmError as error:
            self._show_error(error)
            return
        self._show(None)
        self._refresh_list()
        self.status_message.emit(
            translate("RecordPanel", "Moved to the recycle bin: %1").replace("%1", current.title)
        )
        self.record_deleted.emit(current.id)

    def _on_recycle_bin(self) -> None:
        def load() -> list[records.DeletedRecord]:
            with self._sessions.begin() as session:
                return records.deleted_records(session, self.user, self._kind)

        def restore(record_id: int) -> None:
            with self._sessions.begin() as session:
                records.restore(session, self.user, self._kind, record_id)

        self.recycle_bin_dialog = RecycleBinDialog(load, restore, self._language, self)
        self.recycle_bin_dialog.records_restored.connect(lambda _ids: self._refresh_list())
        self.recycle_bin_dialog.open()

    # Query & Report.
    def _on_query(self) -> None:
        module = self._kind.module
        dialog = ListQueryDialog(
            self._list_spec.columns,
            self._filters,
            self._language,
            self,
            may_export=self.user.may(module, "export"),
            may_print=self.user.may(module, "print"),
        )
        dialog.export_requested.connect(lambda: self._export(dialog.filters()))
        dialog.print_requested.connect(lambda: self._print(dialog.filters()))
        self.query_dialog = dialog
        if dialog.exec() == ListQueryDialog.DialogCode.Accepted:
            self.set_filters(dialog.filters())

    def set_filters(self, filters: list[Filter]) -> None:
        self._filters = list(filters)
        if self.model is not None:
            self.model.set_filters(self._filters)
        else:
            self._reload_tree()

    def _shown_query(self, filters: list[Filter]) -> ListQuery:
        """The list with `filters`, in the order it is shown."""
        query = self._query().filtered(filters)
        shown = self.model.query() if self.model is not None else None
        if shown is not None:
            query = query.sorted_by(shown.sort_column.key, shown.descending)
        return query

    def _shown_rows(self, query: ListQuery, progress: Progress) -> Iterator[tuple[str, ...]]:
        """The rows of `query` as display texts, read in the background (in a session of
        its own) and stopping when the user cancels."""
        columns, user = self._list_spec.columns, self.user
        formats = Formats.for_language(self._language)
        with self._sessions() as session:
            for row in every_row(session, query, user):
                progress.check_cancelled()
                progress.advance()
                yield format_row(columns, row, formats)

    def _headers(self) -> list[str]:
        return [column.label(self._language) for column in self._list_spec.columns]

    def _run(
        self, label: str, work: Callable[[Progress], Any], done: Callable[[Any], None]
    ) -> None:
        """Long work behind a progress dialog with Cancel; the window stays alive."""
        total = self.model.rowCount() if self.model is not None else None
        self.runner = ProgressRunner(self, self._title, label, work, total)
        self.runner.succeeded.connect(done)
        self.runner.failed.connect(self._on_runner_failed)
        self.runner.start()

    def _on_runner_failed(self, error: Exception) -> None:
        self._show_error(error)
        self.work_finished.emit()

    def _export(self, filters: list[Filter]) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self,
            translate("RecordPanel", "Export the list"),
            str(Path.home() / f"{self._title}.xlsx"),
            translate("RecordPanel", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if path:
            self.export_to(Path(path), csv="csv" in chosen.lower(), filters=filters)

    def export_to(self, path: Path, *, csv: bool, filters: list[Filter]) -> None:
        """Write what the list shows to `path` in the background; the export is recorded in
        the audit trail. `exported(count)` or an error message follows; Cancel leaves no
        file."""
        try:
            export.require_export(self.user, self._kind.table)
        except MediaCrmError as error:
            self._show_error(error)
            return
        headers, title = self._headers(), self._title
        as_csv = csv or path.suffix.lower() == ".csv"
        query = self._shown_query(filters)

        def work(progress: Progress) -> int:
            rows = self._shown_rows(query, progress)
            if as_csv:
                count = export.write_csv(path, headers, rows)
            else:
                count = export.write_xlsx(path, headers, rows, title)
            with self._sessions.begin() as session:
                export.record_export(session, self.user, self._kind.table, count)
            return count

        def done(count: int) -> None:
            self.status_message.emit(
                translate("RecordPanel", "Exported %1 rows to %2")
                .replace("%1", str(count))
                .replace("%2", str(path))
            )
            self.exported.emit(count)
            self.work_finished.emit()

        self._run(translate("RecordPanel", "Exporting the list…"), work, done)

    def _print(self, filters: list[Filter]) -> None:
        try:
            self.user.require(self._kind.module, "print")
        except MediaCrmError as error:
            self._show_error(error)
            return

        query = self._shown_query(filters)

        def work(progress: Progress) -> list[tuple[str, ...]]:
            return list(self._shown_rows(query, progress))

        def done(rows: list[tuple[str, ...]]) -> None:
            document = list_document(self._title, self._headers(), rows, self.user.display_name)
            self.work_finished.emit()
            print_preview(document, self)

        self._run(translate("RecordPanel", "Reading the list for printing…"), work, done)

    # Information and help.
    def _on_information(self) -> None:
        if self._current is None:
            return
        try:
            with self._sessions.begin() as session:
                info = records.information(session, self.user, self._kind, self._current.id)
        except MediaCrmError as error:
            self._show_error(error)
            return
        self.information_dialog = RecordInformationDialog(
            info, self.column_labels(), self._language, self
        )
        self.information_dialog.open()

    def column_labels(self) -> dict[str, str]:
        labels = {}
        for column in self._kind.model.__table__.columns:  # type: ignore[attr-defined]
            found = column.info.get("label")
            if found is not None:
                labels[column.name] = found.en if self._language.startswith("en") else found.zh
        return labels

    def _on_help(self) -> None:
        show_help(self._help_topic, self._language, self)

    # The list.
    def _refresh_list(self) -> None:
        if self.model is not None:
            self.model.refresh()
        else:
            self._reload_tree()

    def _reload_tree(self) -> None:
        assert self.tree_model is not None and self._tree_parent is not None
        with self._sessions.begin() as session:
            rows = records.tree_rows(session, self.user, self._kind, self._tree_parent)
        self.tree_model.set_rows(rows)
        assert isinstance(self.list_view, QTreeView)
        self.list_view.expandAll()
        if self._current is not None:
            self._select(self._current.id)

    def _select(self, record_id: int | None) -> None:
        """Select `record_id` in the list if it is shown, without reopening it."""
        selection = self.list_view.selectionModel()
        blocked = selection.blockSignals(True)
        try:
            selection.clearSelection()
            index = self._index_of(record_id) if record_id is not None else QModelIndex()
            if index.isValid():
                selection.select(
                    index,
                    selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows,
                )
                selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)
        finally:
            selection.blockSignals(blocked)
        self.list_view.viewport().update()

    def _index_of(self, record_id: int) -> QModelIndex:
        if self.tree_model is not None:
            return self.tree_model.index_of_id(record_id)
        assert self.model is not None
        row = self.model.row_of_id(record_id)
        return self.model.index(row, 0) if row is not None else QModelIndex()

    def _on_list_view_selection_changed(
        self, selected: QItemSelection, _old: QItemSelection
    ) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        record_id = indexes[0].data(ID_ROLE)
        if record_id is None or (self._current is not None and self._current.id == record_id):
            return
        if not self.maybe_leave():
            self._select(self._current.id if self._current is not None else None)
            return
        self.open_record(int(record_id))

    def show_record(self, record_id: int) -> None:
        """Open one record asked for from outside the panel (the shortcut panel, the global
        search), after Save / Discard / Cancel of unsaved changes."""
        if self.maybe_leave():
            self.open_record(record_id)

    def open_record(self, record_id: int) -> None:
        try:
            with self._sessions.begin() as session:
                record = records.read(session, self.user, self._kind, record_id)
        except MediaCrmError as error:
            self._show_error(error)
            return
        self._show(record)
        self._select(record_id)

    def _on_form_dirty_changed(self, dirty: bool) -> None:
        self.title_changed.emit(f"{self._title} *" if dirty else self._title)

    def _show_error(self, error: Exception) -> None:
        message = self.form.show_exception(error)
        field = error.field if isinstance(error, ValidationError) else None
        if field not in self.form.field_keys():
            self._prompter.warn(self, self._title, message)
        self.status_message.emit(message)

    def closeEvent(self, event: Any) -> None:
        if self.model is not None:
            self.model.close()
        super().closeEvent(event)
