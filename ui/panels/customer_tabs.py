"""The tabs of a customer's detail (SPEC §3.4): what is recorded under the customer, each a
list of the customer's records of one kind with New / Edit / Delete through a dialog of the
kind's form (`ChildRecordsTab`), the timeline, and read-only lists of what other modules
record about the customer (orders, tasks, feedback, subscriptions, exhibitions).

A tab is any QWidget made as `factory(context, prompter, parent)` with
`set_customer(record: RecordValues | None)`; the customer panel lists its tabs in
`customer_tab_factories()` and hands the customer only to the tab on screen, the others when
they are opened (so moving through the customer list reads one tab, not all).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import case, select

from app import customer_records, records
from app.customer_records import (
    CONTACT_HISTORY,
    MEDIA_AD_RECORDS,
    PARTNERS,
    SALESPERSON_LOGS,
    SUPPLY_DEMAND,
)
from app.customer_timeline import COMPLAINT_KIND_WORDS, TimelineEntry, timeline
from app.customers import CONTACTS
from app.errors import MediaCrmError
from app.fields import Kind
from app.listing import Filter, Formats, ListColumn, ListQuery, ListSpec, every_row, format_row
from app.records import RecordKind, RecordValues
from db.base import Label
from db.models.advertising import AdOrder, Publication
from db.models.customers import Complaint, Contact, Customer
from db.models.events import Event, EventAttendance, Subscription
from db.models.lookups import Position
from db.models.org import Employee
from db.models.work import Task
from ui.dialogs.customer_record_dialog import CustomerRecordDialog
from ui.dialogs.quick_contact_dialog import QuickContactDialog
from ui.errors import error_text
from ui.models.row_model import RowTableModel
from ui.panels.customer_attachments_tab import AttachmentsTab
from ui.panels.customer_sales_tab import SalesTrackingTab
from ui.widgets.prompter import Prompter

if TYPE_CHECKING:
    from ui.modules import PanelContext

translate = QCoreApplication.translate


class CustomerTab(Protocol):
    """What the customer panel needs of a tab (besides being a QWidget)."""

    def set_customer(self, record: RecordValues | None) -> None: ...


TabFactory = Callable[["PanelContext", Prompter, QWidget], QWidget]


class SpecRowsModel(RowTableModel):
    """Rows (id, texts) as app/listing.py formats them, under the list's column titles."""

    def __init__(self, spec: ListSpec, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._spec = spec
        self._language = language
        self.Column = IntEnum(  # type: ignore[misc]
            "Column", {column.key: number for number, column in enumerate(spec.columns)}
        )

    def display(self, row: Any, column: Any) -> str:
        return str(row[1][column])

    def header(self, column: Any) -> str:
        return self._spec.columns[column].label(self._language)

    def row_id(self, row: Any) -> Any:
        return row[0]


def _table(parent: QWidget, model: RowTableModel, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a customer's few rows
    header.setStretchLastSection(True)
    return view


class ChildRecordsTab(QWidget):
    """The customer's records of one kind (`spec` filtered by its `customer_id`); with a
    `kind`, New / Edit / Delete (to the recycle bin) and double-click to edit, else only the
    list and `note` (edited in their own module)."""

    records_changed = Signal()

    def __init__(
        self,
        context: PanelContext,
        prompter: Prompter,
        parent: QWidget | None,
        *,
        name: str,
        spec: ListSpec,
        kind: RecordKind | None = None,
        new_text: str = "",
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_tab")
        self._context = context
        self._prompter = prompter
        self._sessions = context.session_factory
        self._user = context.logged_in.user
        self._spec = spec
        self._kind = kind
        self._customer: RecordValues | None = None
        self.dialog: CustomerRecordDialog | None = None
        self.model = SpecRowsModel(spec, context.language, self)
        self.view = _table(self, self.model, f"{name}_view")
        layout = QVBoxLayout(self)
        self.note_label = QLabel(note, self)
        self.note_label.setWordWrap(True)
        self.note_label.setVisible(bool(note))
        self.new_button = QPushButton(new_text or translate("CustomerTabs", "New"), self)
        self.edit_button = QPushButton(translate("CustomerTabs", "Edit"), self)
        self.delete_button = QPushButton(translate("CustomerTabs", "Delete"), self)
        self.buttons = QHBoxLayout()
        if kind is not None:
            self.new_button.clicked.connect(lambda: self.new_record())
            self.edit_button.clicked.connect(lambda: self.edit_record())
            self.delete_button.clicked.connect(lambda: self.delete_record())
            self.view.doubleClicked.connect(lambda _index: self.edit_record())
            for button in (self.new_button, self.edit_button, self.delete_button):
                self.buttons.addWidget(button)
            self.buttons.addStretch(1)
            layout.addLayout(self.buttons)
        else:
            for button in (self.new_button, self.edit_button, self.delete_button):
                button.hide()
        self.hint_label = QLabel(
            translate("CustomerTabs", "Save the customer first, then add what belongs to it."),
            self,
        )
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.note_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.view, 1)
        self._update_buttons()

    @property
    def kind(self) -> RecordKind | None:
        return self._kind

    def set_customer(self, record: RecordValues | None) -> None:
        self._customer = record
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
        self._update_buttons()

    def _update_buttons(self) -> None:
        module = self._kind.module if self._kind is not None else "customers"
        may = self._user.may
        exists = self._customer is not None
        rows = self.model.rowCount() > 0
        self.hint_label.setVisible(not exists and self._kind is not None)
        self.new_button.setEnabled(exists and may(module, "create"))
        self.edit_button.setEnabled(exists and rows and may(module, "edit"))
        self.delete_button.setEnabled(exists and rows and may(module, "delete"))

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return int(self.model.row_id(self.model.row_at(index.row())))

    def new_record(self) -> None:
        self._open_dialog(None)

    def edit_record(self) -> None:
        record_id = self.selected_id()
        if record_id is None or self._kind is None:
            return
        try:
            with self._sessions.begin() as session:
                record = records.read(session, self._user, self._kind, record_id)
        except MediaCrmError as error:
            self._warn(error)
            return
        self._open_dialog(record)

    def _open_dialog(self, record: RecordValues | None) -> None:
        if self._customer is None or self._kind is None:
            return
        title = self.new_button.text().replace("…", "")
        self.dialog = CustomerRecordDialog(
            self._context, self._kind, self._customer.id, record, self, title=title
        )
        if self.dialog.exec() == CustomerRecordDialog.DialogCode.Accepted:
            self.reload()
            self.records_changed.emit()

    def delete_record(self) -> None:
        record_id = self.selected_id()
        if record_id is None or self._kind is None:
            return
        kind = self._kind
        try:
            with self._sessions.begin() as session:
                record = records.read(session, self._user, kind, record_id)
        except MediaCrmError as error:
            self._warn(error)
            return
        question = translate("CustomerTabs", "Move “%1” to the recycle bin?")
        if not self._prompter.confirm(
            self, translate("CustomerTabs", "Delete"), question.replace("%1", self._name_of(record))
        ):
            return
        try:
            with self._sessions.begin() as session:
                records.delete(session, self._user, kind, record_id, record.version)
        except MediaCrmError as error:
            self._warn(error)
            return
        self.reload()
        self.records_changed.emit()

    def _name_of(self, record: RecordValues) -> str:
        """The record as the user knows it: its title, or (a code or a number for a title)
        its row's first texts."""
        assert self._kind is not None
        if self._kind.spec(self._kind.title_field).kind in (Kind.TEXT, Kind.MULTILINE):
            title = " ".join(record.title.split())
            return title if len(title) <= 40 else f"{title[:39]}…"
        row = self.model.row_at(self.model.row_of_id(record.id) or 0)
        return " · ".join(text for text in row[1][:2] if text)

    def _warn(self, error: MediaCrmError) -> None:
        self._prompter.warn(self, self.windowTitle(), error_text(error, self._context.language))


# The timeline.


class TimelineColumn(IntEnum):
    WHEN = 0
    KIND = 1
    TITLE = 2
    STAFF = 3
    DETAIL = 4


class TimelineModel(RowTableModel):
    Column = TimelineColumn

    def __init__(self, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._language = language

    def display(self, row: TimelineEntry, column: Any) -> str:
        if column == TimelineColumn.WHEN:
            moment = row.moment.astimezone()
            return moment.strftime("%Y-%m-%d %H:%M" if row.has_time else "%Y-%m-%d")
        if column == TimelineColumn.KIND:
            return row.kind_text(self._language)
        if column == TimelineColumn.TITLE:
            return row.title
        if column == TimelineColumn.STAFF:
            return row.staff or ""
        return row.detail.replace("\n", " · ")

    def header(self, column: Any) -> str:
        return {
            TimelineColumn.WHEN: translate("CustomerTabs", "When"),
            TimelineColumn.KIND: translate("CustomerTabs", "What"),
            TimelineColumn.TITLE: translate("CustomerTabs", "Subject"),
            TimelineColumn.STAFF: translate("CustomerTabs", "Staff"),
            TimelineColumn.DETAIL: translate("CustomerTabs", "Details"),
        }[column]

    def row_id(self, row: TimelineEntry) -> Any:
        return f"{row.table}:{row.record_id}"


class TimelineTab(QWidget):
    """Everything that happened with the customer, newest first; a contact is logged from
    here too."""

    records_changed = Signal()

    def __init__(self, context: PanelContext, prompter: Prompter, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_tab")
        self._context = context
        self._prompter = prompter
        self._sessions = context.session_factory
        self._user = context.logged_in.user
        self._customer: RecordValues | None = None
        self.dialog: QuickContactDialog | None = None
        self.model = TimelineModel(context.language, self)
        self.view = _table(self, self.model, "timeline_view")
        header = self.view.horizontalHeader()
        for column in (TimelineColumn.TITLE, TimelineColumn.DETAIL):  # long texts share the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.view.setWordWrap(False)
        self.log_button = QPushButton(translate("CustomerTabs", "Log contact…"), self)
        self.log_button.clicked.connect(lambda: self.log_contact())
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.log_button.setEnabled(False)

    def set_customer(self, record: RecordValues | None) -> None:
        self._customer = record
        self.reload()

    def reload(self) -> None:
        entries: list[TimelineEntry] = []
        if self._customer is not None:
            with self._sessions.begin() as session:
                entries = timeline(session, self._user, self._customer.id, self._context.language)
        self.model.set_rows(entries)
        self.log_button.setEnabled(
            self._customer is not None and self._user.may(CONTACT_HISTORY.module, "create")
        )

    def log_contact(self) -> None:
        if self._customer is None:
            return
        self.dialog = QuickContactDialog(
            self._context, self._customer.id, self._customer.title, self
        )
        if self.dialog.exec() == QuickContactDialog.DialogCode.Accepted:
            self.reload()
            self.records_changed.emit()


# The lists.


def _words(column: Any, words: dict[str, tuple[str, str]], language: str, key: str) -> ListColumn:
    """A code column shown by its words."""
    index = 1 if language.startswith("en") else 0
    found = column.info["label"]
    return ListColumn.of(
        case({code: pair[index] for code, pair in words.items()}, value=column, else_=column).label(
            f"{key}_text"
        ),
        key=key,
        label=Label(found.zh, found.en),
        sort=column,
    )


_ORDER_STATUSES = {
    "draft": ("草稿", "Draft"),
    "confirmed": ("已确认", "Confirmed"),
    "in_progress": ("执行中", "In progress"),
    "completed": ("已完成", "Completed"),
    "cancelled": ("已取消", "Cancelled"),
}
_TASK_STATUSES = {
    "new": ("新建", "New"),
    "accepted": ("已接受", "Accepted"),
    "in_progress": ("进行中", "In progress"),
    "done": ("已完成", "Done"),
    "cancelled": ("已取消", "Cancelled"),
}
_PRIORITIES = {
    "low": ("低", "Low"),
    "normal": ("普通", "Normal"),
    "high": ("高", "High"),
    "urgent": ("紧急", "Urgent"),
}
_COMPLAINT_STATUSES = {
    "new": ("新建", "New"),
    "in_progress": ("处理中", "In progress"),
    "resolved": ("已解决", "Resolved"),
    "closed": ("已关闭", "Closed"),
}
_SUBSCRIPTION_STATUSES = {
    "active": ("有效", "Active"),
    "expired": ("已到期", "Expired"),
    "cancelled": ("已取消", "Cancelled"),
    "pending": ("待生效", "Pending"),
}
_ATTENDANCE_ROLES = {
    "exhibitor": ("参展商", "Exhibitor"),
    "visitor": ("观众", "Visitor"),
    "speaker": ("演讲嘉宾", "Speaker"),
    "sponsor": ("赞助商", "Sponsor"),
}


def contact_list_spec(language: str, *, with_customer: bool = False) -> ListSpec:
    """A customer's contacts: name (by pinyin), position, mobile, phone, e-mail, primary;
    `with_customer`: everyone's contacts, each customer's name first."""
    position = Position.name_en if language.startswith("en") else Position.name_zh
    base = select(Contact.id).outerjoin(Position, Position.id == Contact.position_id)
    first: tuple[ListColumn, ...] = ()
    if with_customer:
        # An alias: the visibility rule's EXISTS over customers must not correlate with it.
        customer = Customer.__table__.alias("customer")
        first = (
            ListColumn.of(
                customer.c.name,
                key="customer",
                label=Contact.customer_id,
                sort=customer.c.name_pinyin,
            ),
        )
        base = base.join(customer, customer.c.id == Contact.customer_id)
    return ListSpec(
        Contact,
        (
            *first,
            ListColumn.of(Contact.name, sort=Contact.name_pinyin),
            ListColumn.of(position, key="position", kind="lookup"),
            ListColumn.of(Contact.mobile),
            ListColumn.of(Contact.phone),
            ListColumn.of(Contact.email),
            ListColumn.of(Contact.is_primary, kind="bool"),
        ),
        base=base,
        hidden_columns=(ListColumn.of(Contact.customer_id, kind="int"),),
    )


def _owner(model: Any) -> ListColumn:
    return ListColumn.of(
        Employee.name, key="owner", label=model.owner_id, sort=Employee.name_pinyin
    )


def order_list_spec(language: str) -> ListSpec:
    return ListSpec(
        AdOrder,
        (
            ListColumn.of(AdOrder.order_date, kind="date"),
            ListColumn.of(AdOrder.order_no),
            _words(AdOrder.status, _ORDER_STATUSES, language, "status"),
            ListColumn.of(AdOrder.total_amount, kind="money"),
            ListColumn.of(AdOrder.paid_amount, kind="money"),
            _owner(AdOrder),
        ),
        base=select(AdOrder.id).outerjoin(Employee, Employee.id == AdOrder.owner_id),
        hidden_columns=(ListColumn.of(AdOrder.customer_id, kind="int"),),
    )


def task_list_spec(language: str) -> ListSpec:
    return ListSpec(
        Task,
        (
            ListColumn.of(Task.title),
            _words(Task.status, _TASK_STATUSES, language, "status"),
            _words(Task.priority, _PRIORITIES, language, "priority"),
            ListColumn.of(Task.due_at, kind="datetime"),
            _owner(Task),
        ),
        base=select(Task.id).outerjoin(Employee, Employee.id == Task.owner_id),
        hidden_columns=(ListColumn.of(Task.customer_id, kind="int"),),
    )


def complaint_list_spec(language: str) -> ListSpec:
    return ListSpec(
        Complaint,
        (
            ListColumn.of(Complaint.received_at, kind="datetime"),
            _words(Complaint.kind, COMPLAINT_KIND_WORDS, language, "kind"),
            ListColumn.of(Complaint.subject),
            _words(Complaint.severity, _PRIORITIES, language, "severity"),
            _words(Complaint.status, _COMPLAINT_STATUSES, language, "status"),
            ListColumn.of(Employee.name, key="handler", label=Complaint.handler_id),
        ),
        base=select(Complaint.id).outerjoin(Employee, Employee.id == Complaint.handler_id),
        hidden_columns=(ListColumn.of(Complaint.customer_id, kind="int"),),
    )


def subscription_list_spec(language: str) -> ListSpec:
    return ListSpec(
        Subscription,
        (
            ListColumn.of(Publication.name, key="publication", label=Subscription.publication_id),
            ListColumn.of(Subscription.start_date, kind="date"),
            ListColumn.of(Subscription.end_date, kind="date"),
            ListColumn.of(Subscription.copies, kind="int"),
            ListColumn.of(Subscription.amount, kind="money"),
            _words(Subscription.status, _SUBSCRIPTION_STATUSES, language, "status"),
        ),
        base=select(Subscription.id).join(
            Publication, Publication.id == Subscription.publication_id
        ),
        hidden_columns=(ListColumn.of(Subscription.customer_id, kind="int"),),
    )


def attendance_list_spec(language: str) -> ListSpec:
    return ListSpec(
        EventAttendance,
        (
            ListColumn.of(Event.start_date, kind="date"),
            ListColumn.of(Event.name, key="event", label=EventAttendance.event_id),
            _words(EventAttendance.role, _ATTENDANCE_ROLES, language, "role"),
            ListColumn.of(EventAttendance.booth_no),
            ListColumn.of(EventAttendance.fee, kind="money"),
            ListColumn.of(EventAttendance.attended, kind="bool"),
        ),
        base=select(EventAttendance.id).join(Event, Event.id == EventAttendance.event_id),
        hidden_columns=(ListColumn.of(EventAttendance.customer_id, kind="int"),),
    )


# The tabs, each made as factory(context, prompter, parent).


def contacts_tab(context: PanelContext, prompter: Prompter, parent: QWidget) -> ChildRecordsTab:
    return ChildRecordsTab(
        context,
        prompter,
        parent,
        name="contacts",
        spec=contact_list_spec(context.language),
        kind=CONTACTS,
        new_text=translate("CustomerTabs", "New contact"),
    )


def _records_tab(
    context: PanelContext, prompter: Prompter, parent: QWidget, kind: RecordKind, new_text: str
) -> ChildRecordsTab:
    return ChildRecordsTab(
        context,
        prompter,
        parent,
        name=kind.key,
        spec=customer_records.list_spec(kind, context.language),
        kind=kind,
        new_text=new_text,
    )


def contact_history_tab(
    context: PanelContext, prompter: Prompter, parent: QWidget
) -> ChildRecordsTab:
    text = translate("CustomerTabs", "New contact record")
    return _records_tab(context, prompter, parent, CONTACT_HISTORY, text)


def partners_tab(context: PanelContext, prompter: Prompter, parent: QWidget) -> ChildRecordsTab:
    text = translate("CustomerTabs", "New partner")
    return _records_tab(context, prompter, parent, PARTNERS, text)


def supply_demand_tab(
    context: PanelContext, prompter: Prompter, parent: QWidget
) -> ChildRecordsTab:
    text = translate("CustomerTabs", "New supply or demand")
    return _records_tab(context, prompter, parent, SUPPLY_DEMAND, text)


def media_ads_tab(context: PanelContext, prompter: Prompter, parent: QWidget) -> ChildRecordsTab:
    text = translate("CustomerTabs", "New media ad record")
    return _records_tab(context, prompter, parent, MEDIA_AD_RECORDS, text)


def salesperson_log_tab(
    context: PanelContext, prompter: Prompter, parent: QWidget
) -> ChildRecordsTab:
    text = translate("CustomerTabs", "New log entry")
    return _records_tab(context, prompter, parent, SALESPERSON_LOGS, text)


def _read_only_tab(
    context: PanelContext,
    prompter: Prompter,
    parent: QWidget,
    name: str,
    spec: Callable[[str], ListSpec],
    note: str,
) -> ChildRecordsTab:
    return ChildRecordsTab(
        context, prompter, parent, name=name, spec=spec(context.language), note=note
    )


def orders_tab(context: PanelContext, prompter: Prompter, parent: QWidget) -> ChildRecordsTab:
    note = translate("CustomerTabs", "Orders are entered and changed in the Orders module.")
    return _read_only_tab(context, prompter, parent, "orders", order_list_spec, note)


def tasks_tab(context: PanelContext, prompter: Prompter, parent: QWidget) -> ChildRecordsTab:
    note = translate("CustomerTabs", "Tasks are entered and changed in the Tasks module.")
    return _read_only_tab(context, prompter, parent, "tasks", task_list_spec, note)


def complaints_tab(context: PanelContext, prompter: Prompter, parent: QWidget) -> ChildRecordsTab:
    note = translate(
        "CustomerTabs", "Complaints and feedback are entered in the Customer service module."
    )
    return _read_only_tab(context, prompter, parent, "complaints", complaint_list_spec, note)


def subscriptions_tab(
    context: PanelContext, prompter: Prompter, parent: QWidget
) -> ChildRecordsTab:
    note = translate(
        "CustomerTabs", "Subscriptions are entered and changed in the Subscriptions module."
    )
    return _read_only_tab(context, prompter, parent, "subscriptions", subscription_list_spec, note)


def exhibitions_tab(context: PanelContext, prompter: Prompter, parent: QWidget) -> ChildRecordsTab:
    note = translate(
        "CustomerTabs", "Exhibition and event attendance is entered in the Events module."
    )
    return _read_only_tab(context, prompter, parent, "exhibitions", attendance_list_spec, note)


def customer_tab_factories() -> tuple[tuple[str, TabFactory], ...]:
    """The customer detail's tabs after Information, in order: (title, factory). Adding a
    tab is one line here."""
    return (
        (translate("CustomerTabs", "Contacts"), contacts_tab),
        (translate("CustomerTabs", "Contact history"), contact_history_tab),
        (translate("CustomerTabs", "Sales tracking"), SalesTrackingTab),
        (translate("CustomerTabs", "Attachments"), AttachmentsTab),
        (translate("CustomerTabs", "Timeline"), TimelineTab),
        (translate("CustomerTabs", "Partners"), partners_tab),
        (translate("CustomerTabs", "Supply && demand"), supply_demand_tab),
        (translate("CustomerTabs", "Media ads"), media_ads_tab),
        (translate("CustomerTabs", "Salesperson log"), salesperson_log_tab),
        (translate("CustomerTabs", "Orders"), orders_tab),
        (translate("CustomerTabs", "Tasks"), tasks_tab),
        (translate("CustomerTabs", "Feedback"), complaints_tab),
        (translate("CustomerTabs", "Subscriptions"), subscriptions_tab),
        (translate("CustomerTabs", "Exhibitions"), exhibitions_tab),
    )
