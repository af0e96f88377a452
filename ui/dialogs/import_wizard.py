"""Importing customers and their contacts from .xlsx or CSV (issue 5 item 10), step by step:
the file (its encoding found and shown) → which field each column fills (auto-mapped from
the headers, or as the user mapped the same headers last time) → a preview of the first
rows as they will be stored, rejected ones marked with the reason → what to do with
duplicates and whose the customers are → the import in the background with Cancel →
the counts, and the error report to save.

The rules are app/customer_import.py's: planning writes nothing, the writing is one
transaction, so Cancel leaves nothing imported. File choosers go through a `FilePicker`
that tests replace.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app import customer_tools, import_mappings
from app.customer_import import (
    DuplicateRow,
    ImportOptions,
    ImportPlan,
    ImportResult,
    Mapping,
    RowIssue,
    auto_mapping,
    plan_and_write,
    plan_import,
    resolve_owner,
    write_error_report,
)
from app.customer_import_fields import FIELD_BY_KEY, FIELDS
from app.customer_import_rows import CONTACT_COLUMNS, CUSTOMER_COLUMNS, PreparedRow
from app.errors import MediaCrmError
from app.import_files import FileFormat, SourceRow, detect_format, preview_rows
from ui.errors import error_text
from ui.widgets.progress_runner import Progress, ProgressRunner
from ui.widgets.prompter import MessageBoxPrompter, Prompter

if TYPE_CHECKING:
    from ui.modules import PanelContext

translate = QCoreApplication.translate

PREVIEW_ROWS = 20
SAMPLE_ROWS = 3
PROBLEM_WIDTH = 320  # pixels at most for the preview's Problem column
# Preview rows not written as they are: (background, text) colours.
MARK_COLOURS = {
    "rejected": (QColor("#FFEBEE"), QColor("#C62828")),
    "duplicate": (QColor("#FFF8E1"), QColor("#8D6E00")),
}
MARK_ROLE = Qt.ItemDataRole.UserRole
ON_DUPLICATE_CHOICES = ("skip", "update", "insert")


class FilePicker(Protocol):
    def open_file(self, parent: QWidget, title: str, filters: str) -> str:
        """The file the user chose to read ("" when none)."""
        ...

    def save_file(self, parent: QWidget, title: str, suggested: str, filters: str) -> str:
        """The file the user chose to write ("" when none)."""
        ...


class DialogFilePicker:
    """The program's picker: Qt's file dialogs."""

    def open_file(self, parent: QWidget, title: str, filters: str) -> str:
        return QFileDialog.getOpenFileName(parent, title, str(Path.home()), filters)[0]

    def save_file(self, parent: QWidget, title: str, suggested: str, filters: str) -> str:
        return QFileDialog.getSaveFileName(parent, title, suggested, filters)[0]


def format_text(file_format: FileFormat) -> str:
    """How the file was read, e.g. "CSV, encoding GB18030, delimiter: comma"."""
    if file_format.kind == "xlsx":
        return translate("ImportWizard", "Excel workbook (.xlsx)")
    delimiters = {
        ",": translate("ImportWizard", "comma"),
        "\t": translate("ImportWizard", "tab"),
        ";": translate("ImportWizard", "semicolon"),
    }
    encoding = (file_format.encoding or "").upper().replace("UTF-8-SIG", "UTF-8")
    return (
        translate("ImportWizard", "CSV text, encoding %1, delimiter: %2")
        .replace("%1", encoding)
        .replace("%2", delimiters.get(file_format.delimiter or "", file_format.delimiter or ""))
    )


@dataclass
class ImportState:
    """What the steps have found out so far."""

    path: Path | None = None
    file_format: FileFormat | None = None
    headers: list[str] | None = None
    rows: list[SourceRow] | None = None
    mapping: Mapping | None = None
    remembered: bool = False
    preview: ImportPlan | None = None
    plan: ImportPlan | None = None
    result: ImportResult | None = None


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(translate("ImportWizard", "Choose the file"))
        self.setSubTitle(
            translate(
                "ImportWizard",
                "An Excel workbook (.xlsx) or a CSV file; its first row names the columns. "
                "The text encoding (UTF-8, GBK/GB18030…) is found automatically.",
            )
        )
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.choose_button = QPushButton(translate("ImportWizard", "&Choose file…"), self)
        self.format_label = QLabel(self)
        self.columns_label = QLabel(self)
        self.columns_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        form = QFormLayout(self)
        form.addRow(translate("ImportWizard", "File:"), row)
        form.addRow(translate("ImportWizard", "Read as:"), self.format_label)
        form.addRow(translate("ImportWizard", "Columns:"), self.columns_label)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)

    def _on_choose_button_clicked(self) -> None:
        path = self._wizard.picker.open_file(
            self,
            translate("ImportWizard", "Import customers"),
            translate("ImportWizard", "Spreadsheets (*.xlsx *.csv *.txt);;All files (*)"),
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> bool:
        """Read the file's format, headers and first rows; False (and told) when it cannot
        be read."""
        state = self._wizard.state
        try:
            file_format = detect_format(path)
            headers, rows = preview_rows(path, PREVIEW_ROWS)
        except MediaCrmError as error:
            self._wizard.show_error(error)
            return False
        state.path, state.file_format, state.headers, state.rows = path, file_format, headers, rows
        state.mapping = state.preview = None
        self.path_edit.setText(str(path))
        self.format_label.setText(format_text(file_format))
        self.columns_label.setText("、".join(h or "—" for h in headers))
        self.completeChanged.emit()
        return True

    def isComplete(self) -> bool:
        return bool(self._wizard.state.headers)


class MappingPage(QWizardPage):
    """One row per column of the file: its header, examples, and the field it fills."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(translate("ImportWizard", "Match the columns to fields"))
        self.setSubTitle(
            translate(
                "ImportWizard",
                "Columns whose header names a field are matched already; a column left on "
                "“Not imported” is ignored. The company name must be matched.",
            )
        )
        self.remembered_label = QLabel(self)
        self.mapping_table = QTableWidget(0, 3, self)
        self.mapping_table.setHorizontalHeaderLabels(
            [
                translate("ImportWizard", "Column in the file"),
                translate("ImportWizard", "Examples"),
                translate("ImportWizard", "Imported as"),
            ]
        )
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.remembered_label)
        layout.addWidget(self.mapping_table)
        self._combos: list[QComboBox] = []

    def initializePage(self) -> None:
        state = self._wizard.state
        assert state.headers is not None and state.rows is not None
        if state.mapping is None:
            with self._wizard.sessions() as session:
                remembered = import_mappings.remembered_mapping(
                    session, self._wizard.user, state.headers
                )
            state.remembered = remembered is not None
            state.mapping = remembered or auto_mapping(state.headers)
        self.remembered_label.setText(
            translate("ImportWizard", "As you matched these columns last time.")
            if state.remembered
            else translate("ImportWizard", "Matched by the column headers.")
        )
        self._fill(state.headers, state.rows)

    def _fill(self, headers: list[str], rows: list[SourceRow]) -> None:
        language = self._wizard.language
        self.mapping_table.setRowCount(len(headers))
        self._combos = []
        for index, header in enumerate(headers):
            self.mapping_table.setItem(index, 0, QTableWidgetItem(header))
            examples = [r.cells[index] for r in rows[:SAMPLE_ROWS] if index < len(r.cells)]
            shown = " | ".join(e.strip()[:40] for e in examples if e.strip())
            self.mapping_table.setItem(index, 1, QTableWidgetItem(shown))
            combo = QComboBox(self.mapping_table)
            combo.addItem(translate("ImportWizard", "Not imported"), None)
            for import_field in FIELDS:
                combo.addItem(import_field.label(language), import_field.key)
            combo.currentIndexChanged.connect(
                lambda _i, column=index: self._on_combo_changed(column)
            )
            self.mapping_table.setCellWidget(index, 2, combo)
            self._combos.append(combo)
        self._show_mapping()
        self.mapping_table.resizeColumnToContents(2)

    def _show_mapping(self) -> None:
        mapping = self._wizard.state.mapping
        assert mapping is not None
        for index, combo in enumerate(self._combos):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(mapping.columns.get(index))))
            combo.blockSignals(False)
        self.completeChanged.emit()

    def _on_combo_changed(self, column: int) -> None:
        state = self._wizard.state
        assert state.mapping is not None
        state.mapping = state.mapping.with_column(column, self._combos[column].currentData())
        state.preview = None
        self._show_mapping()

    def field_of(self, column: int) -> str | None:
        data = self._combos[column].currentData()
        return str(data) if data else None

    def set_field(self, column: int, key: str | None) -> None:
        """Choose `key` (None: not imported) for a column, as the user would in its box."""
        combo = self._combos[column]
        combo.setCurrentIndex(max(0, combo.findData(key)))

    def isComplete(self) -> bool:
        mapping = self._wizard.state.mapping
        return mapping is not None and "name" in mapping.columns.values()

    def validatePage(self) -> bool:
        state = self._wizard.state
        assert state.mapping is not None
        with self._wizard.sessions.begin() as session:
            import_mappings.remember_mapping(session, self._wizard.user, state.mapping)
        return True


class PreviewPage(QWizardPage):
    """The first rows as they will be stored; rejected rows in red with their reasons. The
    whole file is checked (in the background) for the counts."""

    checked = Signal()

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(translate("ImportWizard", "Preview"))
        self.preview_table = QTableWidget(0, 0, self)
        self.preview_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview_table)
        self.runner: ProgressRunner | None = None

    def initializePage(self) -> None:
        state = self._wizard.state
        self.preview_table.clear()
        self.preview_table.setRowCount(0)
        if state.preview is not None:
            self._show(state.preview)
            return
        self.setSubTitle(translate("ImportWizard", "Checking the file…"))
        path, mapping, user, sessions = (
            state.path,
            state.mapping,
            self._wizard.user,
            self._wizard.sessions,
        )
        assert path is not None

        def work(progress: Progress) -> ImportPlan:
            with sessions() as session:  # planning writes nothing; the session rolls back
                return plan_import(
                    session, user, path, mapping, cancelled=lambda: progress.cancelled
                )

        self.runner = ProgressRunner(
            self, self.title(), translate("ImportWizard", "Checking the file…"), work
        )
        self.runner.succeeded.connect(self._on_runner_succeeded)
        self.runner.failed.connect(self._on_runner_failed)
        self.runner.start()

    def _on_runner_succeeded(self, plan: ImportPlan) -> None:
        self._wizard.state.preview = plan
        self._show(plan)
        self.completeChanged.emit()
        self.checked.emit()

    def _on_runner_failed(self, error: Exception) -> None:
        self.setSubTitle(error_text(error, self._wizard.language))
        self._wizard.show_error(error)
        self.checked.emit()

    def isComplete(self) -> bool:
        return self._wizard.state.preview is not None

    def _show(self, plan: ImportPlan) -> None:
        language = self._wizard.language
        duplicates = len(plan.duplicates)
        self.setSubTitle(
            translate(
                "ImportWizard",
                "%1 rows read: %2 rejected (in red, with the reason), %3 repeat an existing "
                "customer or an earlier row. The first rows as they will be stored:",
            )
            .replace("%1", str(plan.read))
            .replace("%2", str(plan.rejected))
            .replace("%3", str(duplicates))
        )
        columns = sorted(plan.mapping.columns.items())
        # The problem next to the line number: a wide file would scroll it out of sight.
        titles = [translate("ImportWizard", "Line"), translate("ImportWizard", "Problem")]
        titles += [FIELD_BY_KEY[key].label(language) for _index, key in columns]
        table = self.preview_table
        table.setColumnCount(len(titles))
        table.setHorizontalHeaderLabels(titles)
        rows = self._wizard.state.rows or []
        prepared = {row.line: row for row in plan.rows}
        marks = self._marks(plan)
        table.setRowCount(len(rows))
        for number, source in enumerate(rows):
            cells = [source.cells[i] if i < len(source.cells) else "" for i, _key in columns]
            slots = sorted(
                {FIELD_BY_KEY[key].slot for (_i, key), cell in zip(columns, cells, strict=True)
                 if cell.strip() and FIELD_BY_KEY[key].slot}
            )  # fmt: skip
            mark, problem = marks.get(source.line, ("", ""))
            texts = [str(source.line), problem]
            texts += [
                stored_text(prepared.get(source.line), key, cell, slots)
                for (_index, key), cell in zip(columns, cells, strict=True)
            ]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(MARK_ROLE, mark)
                if mark:
                    colours = MARK_COLOURS[mark]
                    item.setBackground(QBrush(colours[0]))
                    item.setForeground(QBrush(colours[1]))
                    item.setToolTip(problem)
                table.setItem(number, column, item)
        table.resizeColumnsToContents()
        table.setColumnWidth(1, min(table.columnWidth(1), PROBLEM_WIDTH))  # and its tooltip

    def _marks(self, plan: ImportPlan) -> dict[int, tuple[str, str]]:
        """Line → ("rejected" or "duplicate", why) for the rows that will not be written as
        they are."""
        language = self._wizard.language
        marks: dict[int, tuple[str, str]] = {}
        for duplicate in plan.duplicates:
            marks[duplicate.line] = ("duplicate", duplicate_text(duplicate))
        issues: dict[int, list[RowIssue]] = {}
        for issue in plan.issues:
            issues.setdefault(issue.line, []).append(issue)
        for line, found in issues.items():
            reasons = [
                f"{issue.column or issue.field}: {issue.message(language)}" for issue in found
            ]
            marks[line] = ("rejected", "；".join(reasons))
        return marks

    def marked_rows(self, mark: str = "rejected") -> dict[int, str]:
        """Line → the problem shown, for every row marked `mark` ("rejected", "duplicate")."""
        table = self.preview_table
        found = {}
        for row in range(table.rowCount()):
            line, problem = table.item(row, 0), table.item(row, 1)
            if line is not None and problem is not None and line.data(MARK_ROLE) == mark:
                found[int(line.text())] = problem.text()
        return found


def duplicate_text(duplicate: DuplicateRow) -> str:
    """Why a row is a duplicate: the earlier line it repeats, or the customer it matches
    (named only when the user may see it) and that customer's owner."""
    if duplicate.earlier_line is not None:
        return translate("ImportWizard", "Repeats line %1 of the file").replace(
            "%1", str(duplicate.earlier_line)
        )
    match = duplicate.matches[0] if duplicate.matches else None
    name = match.customer_name if match and match.customer_name else "—"
    owner = match.owner_name if match and match.owner_name else "—"
    return (
        translate("ImportWizard", "Repeats the customer %1 (owner: %2)")
        .replace("%1", name)
        .replace("%2", owner)
    )


def stored_text(row: PreparedRow | None, key: str, raw: str, slots: list[int]) -> str:
    """A cell as it will be stored: the checked value for plain fields (an e-mail in lower
    case, a number as a number), the file's text for lookups and rejected rows. `slots`:
    the row's contacts that have anything, in the order the prepared row holds them."""
    import_field = FIELD_BY_KEY[key]
    if row is None or import_field.lookup is not None:
        return raw.strip()
    if import_field.slot:
        if import_field.slot not in slots or slots.index(import_field.slot) >= len(row.contacts):
            return raw.strip()
        contact = row.contacts[slots.index(import_field.slot)]
        value = contact[CONTACT_COLUMNS.index(import_field.column)]
    else:
        value = row.customer[CUSTOMER_COLUMNS.index(import_field.column)]
    if value is None or isinstance(value, bool):
        return raw.strip()
    return str(value)


class OptionsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(translate("ImportWizard", "Options"))
        self.setSubTitle(
            translate(
                "ImportWizard",
                "What to do with a row that repeats a customer, and whose the new customers are.",
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, translate("ImportWizard", "&Import"))
        labels = {
            "skip": translate("ImportWizard", "Skip the row (keep the existing customer)"),
            "update": translate(
                "ImportWizard", "Update the existing customer with the row's filled cells"
            ),
            "insert": translate(
                "ImportWizard", "Insert it anyway (never a second same credit code)"
            ),
        }
        self.duplicate_group = QButtonGroup(self)
        self.duplicate_buttons: dict[str, QRadioButton] = {}
        choices = QVBoxLayout()
        for number, key in enumerate(ON_DUPLICATE_CHOICES):
            button = QRadioButton(labels[key], self)
            self.duplicate_group.addButton(button, number)
            self.duplicate_buttons[key] = button
            choices.addWidget(button)
        self.duplicate_buttons["skip"].setChecked(True)
        self.owner_combo = QComboBox(self)
        form = QFormLayout(self)
        form.addRow(translate("ImportWizard", "A row that repeats a customer:"), choices)
        form.addRow(translate("ImportWizard", "Owner of the new customers:"), self.owner_combo)

    def initializePage(self) -> None:
        if self.owner_combo.count():
            return
        with self._wizard.sessions() as session:
            owners = customer_tools.import_owners(session, self._wizard.user)
        for owner in owners:
            self.owner_combo.addItem(owner.name, owner.username)
        self.owner_combo.setEnabled(self.owner_combo.count() > 1)

    def on_duplicate(self) -> str:
        return next(k for k, b in self.duplicate_buttons.items() if b.isChecked())

    def owner_username(self) -> str | None:
        data = self.owner_combo.currentData()
        return str(data) if data else None


class RunPage(QWizardPage):
    """The import in the background with progress and Cancel, then the counts."""

    finished = Signal()
    runner_created = Signal(object)  # the ProgressRunner, before it starts

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(translate("ImportWizard", "Import"))
        self.setSubTitle(
            translate(
                "ImportWizard",
                "The rows are written in one go: Cancel leaves nothing imported.",
            )
        )
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.count_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        names = {
            "read": translate("ImportWizard", "Rows read:"),
            "created": translate("ImportWizard", "Customers created:"),
            "updated": translate("ImportWizard", "Customers updated:"),
            "duplicates": translate("ImportWizard", "Duplicates skipped:"),
            "rejected": translate("ImportWizard", "Rows rejected:"),
            "contacts_created": translate("ImportWizard", "Contacts created:"),
        }
        for key, title in names.items():
            self.count_labels[key] = QLabel(self)
            form.addRow(title, self.count_labels[key])
        self.report_button = QPushButton(translate("ImportWizard", "&Save error report…"), self)
        self.report_button.setEnabled(False)
        self.report_label = QLabel(self)
        self.report_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addLayout(form)
        layout.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.report_label)
        layout.addStretch(1)
        self.report_button.clicked.connect(self._on_report_button_clicked)
        self.runner: ProgressRunner | None = None
        self._done = False

    def initializePage(self) -> None:
        self._done = False
        self.status_label.setText(translate("ImportWizard", "Importing…"))
        options_page = self._wizard.options_page
        work = self._wizard.import_work(options_page.on_duplicate(), options_page.owner_username())
        preview = self._wizard.state.preview
        total = 2 * max(preview.read if preview is not None else 1, 1)
        self.runner = ProgressRunner(
            self, self.title(), translate("ImportWizard", "Importing…"), work, total
        )
        self.runner.succeeded.connect(self._on_runner_succeeded)
        self.runner.failed.connect(self._on_runner_failed)
        self.runner_created.emit(self.runner)
        self.runner.start()

    def _on_runner_succeeded(self, outcome: tuple[ImportPlan, ImportResult]) -> None:
        state = self._wizard.state
        state.plan, state.result = outcome
        result = state.result
        for key, label in self.count_labels.items():
            label.setText(str(getattr(result, key)))
        self.status_label.setText(translate("ImportWizard", "The import is done."))
        self.report_button.setEnabled(result.rejected > 0)
        self._finish()

    def _on_runner_failed(self, error: Exception) -> None:
        self.status_label.setText(
            translate("ImportWizard", "Nothing was imported: %1").replace(
                "%1", error_text(error, self._wizard.language)
            )
        )
        self._finish()

    def _finish(self) -> None:
        self._done = True
        self.completeChanged.emit()
        self.finished.emit()

    def isComplete(self) -> bool:
        return self._done

    def counts(self) -> dict[str, str]:
        return {key: label.text() for key, label in self.count_labels.items()}

    def _on_report_button_clicked(self) -> None:
        state = self._wizard.state
        assert state.plan is not None and state.path is not None
        suggested = state.path.with_name(state.path.stem + "-errors.csv")
        path = self._wizard.picker.save_file(
            self,
            translate("ImportWizard", "Save the error report"),
            str(suggested),
            translate("ImportWizard", "CSV, UTF-8 (*.csv)"),
        )
        if not path:
            return
        try:
            count = write_error_report(path, state.path, state.plan, self._wizard.language)
        except (MediaCrmError, OSError) as error:
            self._wizard.show_error(error)
            return
        self.report_label.setText(
            translate("ImportWizard", "%1 rejected row(s) written to %2.")
            .replace("%1", str(count))
            .replace("%2", path)
        )


class ImportWizard(QWizard):
    """Import customers step by step; `imported(ImportResult)` when rows were written."""

    imported = Signal(object)

    def __init__(
        self,
        context: PanelContext,
        prompter: Prompter | None = None,
        picker: FilePicker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.language = context.language
        self.user = context.logged_in.user
        self.sessions = context.session_factory
        self.prompter = prompter or MessageBoxPrompter()
        self.picker: FilePicker = picker or DialogFilePicker()
        self.state = ImportState()
        self.setWindowTitle(translate("ImportWizard", "Import customers"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.options_page = OptionsPage(self)
        self.run_page = RunPage(self)
        for page in (
            self.file_page,
            self.mapping_page,
            self.preview_page,
            self.options_page,
            self.run_page,
        ):
            self.addPage(page)
        # The import has its own Cancel (in its progress window); once done, only Finish.
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.run_page.finished.connect(self._on_run_page_finished)
        self.resize(900, 620)

    def import_work(self, on_duplicate: str, owner_username: str | None) -> Any:
        """The background job: plan and write in one transaction, progress over both."""
        state, user, sessions = self.state, self.user, self.sessions
        path, mapping = state.path, state.mapping
        assert path is not None
        rows = max(state.preview.read if state.preview is not None else 1, 1)

        def work(progress: Progress) -> tuple[ImportPlan, ImportResult]:
            shown = [0]

            def phase(base: int) -> Any:
                def report(done: int, total: int) -> None:
                    position = base + done * rows // max(total, 1)
                    if position > shown[0]:
                        progress.advance(position - shown[0])
                        shown[0] = position

                return report

            def cancelled() -> bool:
                return progress.cancelled

            with sessions.begin() as session:
                owner = resolve_owner(session, user, owner_username)
                options = ImportOptions(on_duplicate=on_duplicate, owner=owner)  # type: ignore[arg-type]
                return plan_and_write(
                    session, user, path, mapping, options, phase(0), cancelled, phase(rows)
                )

        return work

    def _on_run_page_finished(self) -> None:
        if self.state.result is not None:
            self.imported.emit(self.state.result)

    def show_error(self, error: Exception) -> None:
        self.prompter.warn(self, self.windowTitle(), error_text(error, self.language))
