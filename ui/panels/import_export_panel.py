"""Customer archive → Import and export (导入导出): one card per tool — import customers,
export the customer or contact list, transfer customers, hand over a departing employee's
customers, merge two customers — each shown only to those who may use it.

Exports write the list as the customer screens show it (their columns, in their order,
every row the user sees) through app/export.py: .xlsx or CSV in UTF-8 with BOM, formula-
looking cells neutralised, the export permission checked and the export audited.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import export, ownership
from app.access import CurrentUser
from app.errors import PermissionDeniedError
from app.listing import Formats, ListQuery, ListSpec, every_row, format_row
from ui.dialogs.import_wizard import DialogFilePicker, FilePicker, ImportWizard
from ui.dialogs.merge_dialog import MergeDialog
from ui.dialogs.transfer_dialog import HandOverDialog, TransferDialog
from ui.errors import error_text
from ui.help import show_help
from ui.panels.customer_panel import customer_list_spec
from ui.panels.customer_tabs import contact_list_spec
from ui.widgets.progress_runner import Progress, ProgressRunner
from ui.widgets.prompter import MessageBoxPrompter, Prompter

if TYPE_CHECKING:
    from ui.modules import PanelContext

translate = QCoreApplication.translate

HELP_TOPIC = "import_export"
CARD_COLUMNS = 2


class ImportExportPanel(QWidget):
    """The module's cards; each opens its dialog or runs its export."""

    exported = Signal(int)  # rows written
    status_message = Signal(str)

    def __init__(
        self,
        context: PanelContext,
        prompter: Prompter | None = None,
        picker: FilePicker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._language = context.language
        self._user = context.logged_in.user
        self._prompter = prompter or MessageBoxPrompter()
        self._picker: FilePicker = picker or DialogFilePicker()
        self.runner: ProgressRunner | None = None
        self.dialog: QWidget | None = None
        self.buttons: dict[str, QPushButton] = {}
        self._build()

    @property
    def help_topic(self) -> str:
        return HELP_TOPIC

    def _build(self) -> None:
        user = self._user
        cards: list[tuple[str, bool, str, str, Callable[[], object]]] = [
            ("import", user.may("customers", "create"),
             translate("ImportExportPanel", "Import customers…"),
             translate("ImportExportPanel", "Customers and their contacts from an Excel "
                       "workbook or a CSV file, checked row by row, duplicates caught."),
             self.open_import),
            ("export_customers", _may_export(user, "customers"),
             translate("ImportExportPanel", "Export customers…"),
             translate("ImportExportPanel", "The customer list you see, to Excel (.xlsx) or "
                       "CSV."),
             self.export_customers),
            ("export_contacts", _may_export(user, "contacts"),
             translate("ImportExportPanel", "Export contacts…"),
             translate("ImportExportPanel", "Every contact you see, with its company, to "
                       "Excel (.xlsx) or CSV."),
             self.export_contacts),
            ("transfer", ownership.may_transfer(user),
             translate("ImportExportPanel", "Transfer customers…"),
             translate("ImportExportPanel", "Give chosen customers to another employee."),
             self.open_transfer),
            ("hand_over", ownership.may_transfer(user),
             translate("ImportExportPanel", "Hand over an employee's customers…"),
             translate("ImportExportPanel", "All customers of a departing employee to a "
                       "colleague, in one step."),
             self.open_hand_over),
            ("merge", user.may("customers", "admin"),
             translate("ImportExportPanel", "Merge customers…"),
             translate("ImportExportPanel", "Two records of one company become one: "
                       "contacts, history and orders move to the one kept."),
             self.open_merge),
        ]  # fmt: skip
        grid = QGridLayout()
        shown = 0
        for key, allowed, title, text, handler in cards:
            if not allowed:
                continue
            grid.addWidget(self._card(key, title, text, handler), *divmod(shown, CARD_COLUMNS))
            shown += 1
        layout = QVBoxLayout(self)
        heading = QLabel(translate("ImportExportPanel", "Import and export"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        layout.addLayout(grid)
        if not shown:
            layout.addWidget(
                QLabel(translate("ImportExportPanel", "You have no permission for these tools."))
            )
        self.help_button = QPushButton(translate("ImportExportPanel", "&Help"), self)
        self.help_button.clicked.connect(lambda: show_help(HELP_TOPIC, self._language, self))
        layout.addWidget(self.help_button)
        layout.addStretch(1)

    def _card(self, key: str, title: str, text: str, handler: Callable[[], object]) -> QFrame:
        card = QFrame(self)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        button = QPushButton(title, card)
        button.setObjectName(f"{key}_button")
        button.clicked.connect(lambda _checked=False: handler())
        description = QLabel(text, card)
        description.setWordWrap(True)
        inner = QVBoxLayout(card)
        inner.addWidget(button)
        inner.addWidget(description)
        self.buttons[key] = button
        return card

    # The dialogs.
    def open_import(self) -> ImportWizard:
        wizard = ImportWizard(self._context, self._prompter, self._picker, self)
        self._open(wizard)
        return wizard

    def open_transfer(self) -> TransferDialog:
        dialog = TransferDialog(self._context, (), self._prompter, self)
        self._open(dialog)
        return dialog

    def open_hand_over(self) -> HandOverDialog:
        dialog = HandOverDialog(self._context, self._prompter, self)
        self._open(dialog)
        return dialog

    def open_merge(self) -> MergeDialog:
        dialog = MergeDialog(self._context, (), self._prompter, self)
        self._open(dialog)
        return dialog

    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]

    # Exports.
    def export_customers(self) -> None:
        self._export("customers", customer_list_spec(self._language))

    def export_contacts(self) -> None:
        self._export("contacts", contact_list_spec(self._language, with_customer=True))

    def _export(self, table: str, spec: ListSpec) -> None:
        titles = {
            "customers": translate("ImportExportPanel", "Customers"),
            "contacts": translate("ImportExportPanel", "Contacts"),
        }
        path = self._picker.save_file(
            self,
            translate("ImportExportPanel", "Export the list"),
            str(Path.home() / f"{titles[table]}.xlsx"),
            translate("ImportExportPanel", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if path:
            self.export_to(Path(path), table, spec, titles[table])

    def export_to(self, path: Path, table: str, spec: ListSpec, title: str) -> None:
        """Write every row of the list the user sees to `path` (.csv: CSV, else .xlsx) in
        the background, and record the export in the audit trail."""
        headers = [column.label(self._language) for column in spec.columns]
        query, user, sessions = ListQuery(spec), self._user, self._context.session_factory
        formats = Formats.for_language(self._language)

        def rows(progress: Progress) -> Iterator[tuple[str, ...]]:
            with sessions() as session:
                for row in every_row(session, query, user):
                    progress.check_cancelled()
                    progress.advance()
                    yield format_row(spec.columns, row, formats)

        def work(progress: Progress) -> int:
            return export.export_list(sessions, user, table, path, headers, rows(progress), title)

        self.runner = ProgressRunner(
            self, title, translate("ImportExportPanel", "Exporting the list…"), work
        )
        self.runner.succeeded.connect(lambda count: self._on_exported(count, path))
        self.runner.failed.connect(self._show_error)
        self.runner.start()

    def _on_exported(self, count: int, path: Path) -> None:
        self.status_message.emit(
            translate("ImportExportPanel", "Exported %1 rows to %2")
            .replace("%1", str(count))
            .replace("%2", str(path))
        )
        self.exported.emit(count)

    def _show_error(self, error: Exception) -> None:
        self._prompter.warn(
            self,
            translate("ImportExportPanel", "Import and export"),
            error_text(error, self._language),
        )


def _may_export(user: CurrentUser, table: str) -> bool:
    """Whether app/export.py would let the user export the table's list."""
    try:
        export.require_export(user, table)
    except PermissionDeniedError:
        return False
    return True


def import_export_panel(context: PanelContext) -> QWidget:
    """The module's panel (ui/modules.py factory)."""
    return ImportExportPanel(context)
