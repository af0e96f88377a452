"""The customer library (客户库, SPEC §3.4): the customer list, coloured by customer type with
the blacklist marked, the customer's form, and its contacts in a tab under the form.

Saving goes through app/customers.py, so the duplicate check (撞单) takes part: when the
service answers with warnings nothing is saved, the user sees who owns the matches and may
save anyway; a taken credit code comes back as an error at its field.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import records
from app.customer_duplicates import DuplicateMatch
from app.customers import CONTACTS, CUSTOMERS, DuplicateWarnings, create_customer, update_customer
from app.errors import MediaCrmError, ValidationError
from app.listing import Filter, Formats, ListColumn, ListQuery, ListSpec, every_row, format_row
from app.records import RecordValues
from db.blacklist import BLACKLIST_TYPE_CODE
from db.models.customers import Contact, Customer
from db.models.lookups import City, CustomerType, Industry, Position
from db.models.org import Employee
from ui.dialogs.duplicate_warning_dialog import DuplicateWarningDialog
from ui.errors import error_text
from ui.models.query_model import VALUE_ROLE
from ui.models.row_model import RowTableModel
from ui.panels.record_panel import RecordPanel
from ui.widgets.form_view import FormView
from ui.widgets.prompter import Prompter

if TYPE_CHECKING:
    from ui.modules import PanelContext

translate = QCoreApplication.translate

BLACKLIST_FOREGROUND = QColor("#C62828")
BLACKLIST_BACKGROUND = QColor("#FFEBEE")
TYPE_COLUMN = "customer_type"
# The list's first widths, so that every column shows beside the form at 1280 pixels.
CUSTOMER_COLUMN_WIDTHS = {
    "name": 180,
    "short_name": 90,
    TYPE_COLUMN: 72,
    "industry": 80,
    "city": 60,
    "owner": 64,
    "phone": 110,
    "updated_at": 130,
}


def customer_list_spec(language: str) -> ListSpec:
    """Name (by pinyin), short name, type, industry, city, owner, phone, last change."""
    english = language.startswith("en")
    type_name = CustomerType.name_en if english else CustomerType.name_zh
    industry = Industry.name_en if english else Industry.name_zh
    city = City.name_en if english else City.name_zh
    return ListSpec(
        Customer,
        (
            ListColumn.of(Customer.name, sort=Customer.name_pinyin),
            ListColumn.of(Customer.short_name),
            ListColumn.of(type_name, key=TYPE_COLUMN, kind="lookup", sort=CustomerType.sort_order),
            ListColumn.of(industry, key="industry", kind="lookup", sort=Industry.name_pinyin),
            ListColumn.of(city, key="city", kind="lookup", sort=City.name_pinyin),
            ListColumn.of(
                Employee.name, key="owner", label=Customer.owner_id, sort=Employee.name_pinyin
            ),
            ListColumn.of(Customer.phone),
            ListColumn.of(Customer.updated_at, kind="datetime"),
        ),
        base=select(Customer.id)
        .join(CustomerType, CustomerType.id == Customer.customer_type_id)
        .outerjoin(Industry, Industry.id == Customer.industry_id)
        .outerjoin(City, City.id == Customer.city_id)
        .outerjoin(Employee, Employee.id == Customer.owner_id),
    )


class CustomerTypeDelegate(QStyledItemDelegate):
    """Each row's type in its colour (customer_types.color); a blacklisted customer's whole
    row in bold red on pale red."""

    def __init__(self, types: dict[str, tuple[str, str | None]], type_column: int, parent: Any):
        super().__init__(parent)
        self._types = types  # type name as listed → (code, colour)
        self._type_column = type_column

    def colors(self, index: QModelIndex | QPersistentModelIndex) -> tuple[QColor | None, ...]:
        """(foreground, background) of a cell; None where the style's own applies."""
        name = index.sibling(index.row(), self._type_column).data(VALUE_ROLE)
        code, color = self._types.get(name, ("", None)) if isinstance(name, str) else ("", None)
        if code == BLACKLIST_TYPE_CODE:
            return BLACKLIST_FOREGROUND, BLACKLIST_BACKGROUND
        if color and index.column() == self._type_column:
            return QColor(color), None
        return None, None

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        foreground, background = self.colors(index)
        if foreground is not None:
            option.palette.setColor(QPalette.ColorRole.Text, foreground)  # selected: the style's
        if background is not None:  # the blacklist
            option.backgroundBrush = background
            option.palette.setColor(QPalette.ColorRole.HighlightedText, background)
            font = QFont(option.font)
            font.setBold(True)
            option.font = font


class ContactColumn(IntEnum):
    NAME = 0
    POSITION = 1
    MOBILE = 2
    PHONE = 3
    EMAIL = 4
    PRIMARY = 5


def contact_list_spec(language: str) -> ListSpec:
    """A customer's contacts: name (by pinyin), position, mobile, phone, e-mail, primary."""
    position = Position.name_en if language.startswith("en") else Position.name_zh
    return ListSpec(
        Contact,
        (
            ListColumn.of(Contact.name, sort=Contact.name_pinyin),
            ListColumn.of(position, key="position", kind="lookup"),
            ListColumn.of(Contact.mobile),
            ListColumn.of(Contact.phone),
            ListColumn.of(Contact.email),
            ListColumn.of(Contact.is_primary, kind="bool"),
        ),
        base=select(Contact.id).outerjoin(Position, Position.id == Contact.position_id),
        hidden_columns=(ListColumn.of(Contact.customer_id, kind="int"),),
    )


class ContactTableModel(RowTableModel):
    """Rows are (id, texts) as app/listing.py formats them."""

    Column = ContactColumn

    def __init__(self, spec: ListSpec, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._spec = spec
        self._language = language

    def display(self, row: Any, column: Any) -> str:
        return str(row[1][column])

    def header(self, column: Any) -> str:
        return self._spec.columns[column].label(self._language)

    def row_id(self, row: Any) -> Any:
        return row[0]


class ContactDialog(QDialog):
    """One contact of a customer: the CONTACTS fields but the customer, which is fixed."""

    def __init__(
        self,
        context: PanelContext,
        customer_id: int,
        record: RecordValues | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contact_dialog")
        self._sessions = context.session_factory
        self._user = context.logged_in.user
        self._customer_id = customer_id
        self._record = record
        self.saved: RecordValues | None = None
        title = translate("CustomerPanel", "New contact")
        self.setWindowTitle(record.title if record is not None else title)
        fields = [spec for spec in CONTACTS.fields if spec.key != "customer_id"]
        self.form = FormView(fields, context.language, self)
        with self._sessions.begin() as session:
            for key in CONTACTS.lookups:
                options = records.lookup_options(session, CONTACTS, key, context.language)
                self.form.set_lookup_options(key, options)
        if record is not None:
            keys = set(self.form.field_keys())
            self.form.set_values({k: v for k, v in record.values.items() if k in keys})
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(520, 640)

    def save(self) -> bool:
        """Save the contact under the customer and close; errors stay at their fields."""
        try:
            values = self.form.values()
        except ValidationError:
            return False
        values["customer_id"] = self._customer_id
        try:
            with self._sessions.begin() as session:
                if self._record is None:
                    self.saved = records.create(session, self._user, CONTACTS, values)
                else:
                    record = self._record
                    self.saved = records.update(
                        session, self._user, CONTACTS, record.id, record.version, values
                    )
        except MediaCrmError as error:
            self.form.show_exception(error)
            return False
        self.accept()
        return True


class ContactsTab(QWidget):
    """The contacts of the customer on screen, with New / Edit / Delete."""

    contacts_changed = Signal()

    def __init__(self, context: PanelContext, prompter: Prompter, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("contacts_tab")
        self._context = context
        self._prompter = prompter
        self._sessions = context.session_factory
        self._user = context.logged_in.user
        self._spec = contact_list_spec(context.language)
        self._customer: RecordValues | None = None
        self.contact_dialog: ContactDialog | None = None
        self.model = ContactTableModel(self._spec, context.language, self)
        self.contacts_view = QTableView(self)
        self.contacts_view.setObjectName("contacts_view")
        self.contacts_view.setModel(self.model)
        self.contacts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.contacts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contacts_view.verticalHeader().hide()
        header = self.contacts_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few rows
        header.setStretchLastSection(True)
        self.contacts_view.doubleClicked.connect(lambda _index: self.edit_contact())
        buttons = QHBoxLayout()
        self.new_button = QPushButton(translate("CustomerPanel", "New contact"), self)
        self.edit_button = QPushButton(translate("CustomerPanel", "Edit"), self)
        self.delete_button = QPushButton(translate("CustomerPanel", "Delete"), self)
        self.new_button.clicked.connect(lambda: self.new_contact())
        self.edit_button.clicked.connect(lambda: self.edit_contact())
        self.delete_button.clicked.connect(lambda: self.delete_contact())
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.hint_label = QLabel(
            translate("CustomerPanel", "Save the customer first, then add its contacts."), self
        )
        self.hint_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.contacts_view, 1)

    def set_customer(self, customer: RecordValues | None) -> None:
        self._customer = customer
        self.reload()

    def reload(self) -> None:
        rows: list[tuple[int, tuple[str, ...]]] = []
        if self._customer is not None:
            query = ListQuery(
                self._spec, filters=(Filter("customer_id", "equals", self._customer.id),)
            )
            formats = Formats.for_language(self._context.language)
            with self._sessions.begin() as session:
                rows = [
                    (row[0], format_row(self._spec.columns, row, formats))
                    for row in every_row(session, query, self._user)
                ]
        self.model.set_rows(rows)
        may = self._user.may
        exists = self._customer is not None
        self.hint_label.setVisible(not exists)
        self.new_button.setEnabled(exists and may("customers", "create"))
        self.edit_button.setEnabled(exists and bool(rows) and may("customers", "edit"))
        self.delete_button.setEnabled(exists and bool(rows) and may("customers", "delete"))

    def selected_id(self) -> int | None:
        index = self.contacts_view.currentIndex()
        if not index.isValid():
            return None
        return int(self.model.row_id(self.model.row_at(index.row())))

    def new_contact(self) -> None:
        self._open_dialog(None)

    def edit_contact(self) -> None:
        contact_id = self.selected_id()
        if contact_id is None:
            return
        try:
            with self._sessions.begin() as session:
                record = records.read(session, self._user, CONTACTS, contact_id)
        except MediaCrmError as error:
            self._prompter.warn(self, self.windowTitle(), error_text(error, self._context.language))
            return
        self._open_dialog(record)

    def _open_dialog(self, record: RecordValues | None) -> None:
        if self._customer is None:
            return
        self.contact_dialog = ContactDialog(self._context, self._customer.id, record, self)
        if self.contact_dialog.exec() == ContactDialog.DialogCode.Accepted:
            self.reload()
            self.contacts_changed.emit()

    def delete_contact(self) -> None:
        contact_id = self.selected_id()
        if contact_id is None:
            return
        name = self.model.display(self.model.row_at(self.contacts_view.currentIndex().row()), 0)
        question = translate("CustomerPanel", "Move the contact “%1” to the recycle bin?")
        if not self._prompter.confirm(
            self, translate("CustomerPanel", "Delete"), question.replace("%1", name)
        ):
            return
        try:
            with self._sessions.begin() as session:
                record = records.read(session, self._user, CONTACTS, contact_id)
                records.delete(session, self._user, CONTACTS, contact_id, record.version)
        except MediaCrmError as error:
            self._prompter.warn(self, self.windowTitle(), error_text(error, self._context.language))
            return
        self.reload()
        self.contacts_changed.emit()


class CustomerPanel(RecordPanel):
    """Customers: the list, the form, the contacts; saved with the duplicate check."""

    def __init__(
        self,
        context: PanelContext,
        *,
        prompter: Prompter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._accept_warnings = False
        self._warnings: tuple[DuplicateMatch, ...] = ()
        self.duplicate_dialog: DuplicateWarningDialog | None = None
        title = translate("CustomerPanel", "Customers")
        super().__init__(
            context,
            CUSTOMERS,
            customer_list_spec(context.language),
            "customers",
            title,
            prompter=prompter,
            parent=parent,
        )
        self.setObjectName("customer_panel")
        self._add_type_colours()
        self._add_tabs()
        self._set_column_widths()
        self.contacts_tab.set_customer(None)

    def _add_type_colours(self) -> None:
        with self._sessions.begin() as session:
            rows = session.execute(
                select(
                    CustomerType.name_zh,
                    CustomerType.name_en,
                    CustomerType.code,
                    CustomerType.color,
                )
            ).all()
        english = self._language.startswith("en")
        types: dict[str, tuple[str, str | None]] = {}
        for name_zh, name_en, code, color in rows:
            types[name_en if english and name_en else name_zh] = (code, color)
        keys = [column.key for column in self._list_spec.columns]
        self.type_delegate = CustomerTypeDelegate(types, keys.index(TYPE_COLUMN), self.list_view)
        self.list_view.setItemDelegate(self.type_delegate)

    def _set_column_widths(self) -> None:
        assert isinstance(self.list_view, QTableView)
        header = self.list_view.horizontalHeader()
        for section, column in enumerate(self._list_spec.columns):
            header.resizeSection(section, CUSTOMER_COLUMN_WIDTHS.get(column.key, 100))
        self.splitter.setSizes([800, 480])

    def _add_tabs(self) -> None:
        """The form moves into a tab; the contacts tab is beside it."""
        self.detail_tabs = QTabWidget(self)
        self.detail_tabs.setObjectName("customer_detail_tabs")
        form_scroll = self.splitter.widget(1)
        self.splitter.replaceWidget(1, self.detail_tabs)
        self.detail_tabs.addTab(form_scroll, translate("CustomerPanel", "Information"))
        self.contacts_tab = ContactsTab(self._context, self._prompter, self)
        self.detail_tabs.addTab(self.contacts_tab, translate("CustomerPanel", "Contacts"))
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

    def _show(self, record: RecordValues | None) -> None:
        super()._show(record)
        if hasattr(self, "contacts_tab"):
            self.contacts_tab.set_customer(record)

    # Saving with the duplicate check.
    def save(self) -> bool:
        """Save; when the customer looks like existing ones, ask first (Save anyway saves
        with the warnings accepted)."""
        self._accept_warnings = False
        self._warnings = ()
        if super().save():
            return True
        if not self._warnings:
            return False
        self.duplicate_dialog = DuplicateWarningDialog(self._warnings, self)
        if self.duplicate_dialog.exec() != DuplicateWarningDialog.DialogCode.Accepted:
            self.status_message.emit(translate("CustomerPanel", "Not saved."))
            return False
        self._accept_warnings = True
        try:
            return super().save()
        finally:
            self._accept_warnings = False

    def _write(self, session: Session, values: dict[str, Any]) -> RecordValues | None:
        accept = self._accept_warnings
        if self._current is None:
            result = create_customer(session, self.user, values, accept_warnings=accept)
        else:
            result = update_customer(
                session,
                self.user,
                self._current.id,
                self._current.version,
                values,
                accept_warnings=accept,
            )
        if isinstance(result, DuplicateWarnings):
            self._warnings = result.matches
            return None
        return result.record
