"""The customer library (客户库, SPEC §3.4): the customer list, coloured by customer type with
the blacklist marked, the customer's form, and its contacts in a tab under the form.

Saving goes through app/customers.py, so the duplicate check (撞单) takes part: when the
service answers with warnings nothing is saved, the user sees who owns the matches and may
save anyway; a taken credit code comes back as an error at its field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QKeySequence, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import records
from app.customer_duplicates import DuplicateMatch
from app.customer_records import CONTACT_HISTORY
from app.customers import CUSTOMERS, DuplicateWarnings, create_customer, update_customer
from app.errors import MediaCrmError
from app.listing import ListColumn, ListSpec
from app.ownership import may_transfer
from app.records import RecordValues
from db.blacklist import BLACKLIST_TYPE_CODE
from db.models.customers import Customer
from db.models.lookups import City, CustomerType, Industry, SalesStage
from db.models.org import Employee
from ui.dialogs.duplicate_warning_dialog import DuplicateWarningDialog
from ui.dialogs.merge_dialog import MergeDialog, open_merge_dialog
from ui.dialogs.quick_contact_dialog import QuickContactDialog
from ui.dialogs.transfer_dialog import TransferDialog, open_transfer_dialog
from ui.models.query_model import VALUE_ROLE
from ui.panels.customer_tabs import ChildRecordsTab, TabFactory, customer_tab_factories
from ui.panels.record_panel import RecordPanel
from ui.widgets.prompter import Prompter

if TYPE_CHECKING:
    from ui.modules import PanelContext

translate = QCoreApplication.translate

BLACKLIST_FOREGROUND = QColor("#C62828")
BLACKLIST_BACKGROUND = QColor("#FFEBEE")
TYPE_COLUMN = "customer_type"
TYPE_ICON_SIZE = 12
# A tab's signal(customer id) that says it changed the customer itself (a new sales step).
CUSTOMER_CHANGED_SIGNALS = ("customer_changed", "stage_changed")
# The list's first widths, so that every column shows beside the form at 1280 pixels.
CUSTOMER_COLUMN_WIDTHS = {
    "name": 180,
    "short_name": 90,
    TYPE_COLUMN: 100,  # the name after its icon
    "industry": 80,
    "city": 60,
    "owner": 64,
    "sales_stage": 80,
    "phone": 110,
    "updated_at": 130,
}


def customer_list_spec(language: str) -> ListSpec:
    """Name (by pinyin), short name, type, industry, city, owner, sales step, phone, last
    change."""
    english = language.startswith("en")
    type_name = CustomerType.name_en if english else CustomerType.name_zh
    industry = Industry.name_en if english else Industry.name_zh
    city = City.name_en if english else City.name_zh
    stage = SalesStage.name_en if english else SalesStage.name_zh
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
            ListColumn.of(stage, key="sales_stage", kind="lookup", sort=SalesStage.step),
            ListColumn.of(Customer.phone),
            ListColumn.of(Customer.updated_at, kind="datetime"),
        ),
        base=select(Customer.id)
        .join(CustomerType, CustomerType.id == Customer.customer_type_id)
        .outerjoin(Industry, Industry.id == Customer.industry_id)
        .outerjoin(City, City.id == Customer.city_id)
        .outerjoin(Employee, Employee.id == Customer.owner_id)
        .outerjoin(SalesStage, SalesStage.id == Customer.sales_stage_id),
    )


def disc_icon(fill: QColor, barred: bool) -> QIcon:
    pixmap = QPixmap(TYPE_ICON_SIZE * 2, TYPE_ICON_SIZE * 2)  # drawn large, shown sharp
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawEllipse(1, 1, pixmap.width() - 2, pixmap.height() - 2)
    if barred:
        painter.setBrush(QColor("white"))
        bar = pixmap.height() // 5
        painter.drawRect(5, (pixmap.height() - bar) // 2, pixmap.width() - 10, bar)
    painter.end()
    return QIcon(pixmap)


class CustomerTypeDelegate(QStyledItemDelegate):
    """Each row's type in its colour (customer_types.color); a blacklisted customer's whole
    row in bold red on pale red."""

    def __init__(self, types: dict[str, tuple[str, str | None]], type_column: int, parent: Any):
        super().__init__(parent)
        self._types = types  # type name as listed → (code, colour)
        self._icons: dict[str, QIcon] = {}
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

    def type_icon(self, index: QModelIndex | QPersistentModelIndex) -> QIcon | None:
        """A disc in the type's colour; the blacklist's is barred, like a no-entry sign."""
        name = index.sibling(index.row(), self._type_column).data(VALUE_ROLE)
        if not isinstance(name, str) or name not in self._types:
            return None
        if name not in self._icons:
            code, color = self._types[name]
            barred = code == BLACKLIST_TYPE_CODE
            fill = BLACKLIST_FOREGROUND if barred else QColor(color or "#9E9E9E")
            self._icons[name] = disc_icon(fill, barred)
        return self._icons[name]

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.column() == self._type_column:
            icon = self.type_icon(index)
            if icon is not None:
                option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
                option.icon = icon
                option.decorationSize = QSize(TYPE_ICON_SIZE, TYPE_ICON_SIZE)
        foreground, background = self.colors(index)
        if foreground is not None:
            option.palette.setColor(QPalette.ColorRole.Text, foreground)  # selected: the style's
        if background is not None:  # the blacklist
            option.backgroundBrush = background
            option.palette.setColor(QPalette.ColorRole.HighlightedText, background)
            font = QFont(option.font)
            font.setBold(True)
            option.font = font


class CustomerPanel(RecordPanel):
    """Customers: the list, and the customer's detail in tabs — its form (Information),
    then the tabs of ui/panels/customer_tabs.py; saved with the duplicate check. A contact
    is logged on the chosen customer from the toolbar (Ctrl+L)."""

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
        self.quick_contact_dialog: QuickContactDialog | None = None
        self.customer_tabs: list[QWidget] = []
        self._given: dict[int, RecordValues | None] = {}  # tab index → the customer it has
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
        self._add_log_contact_action()
        self._add_ownership_actions()
        self._set_column_widths()
        self._update_state()

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
        """The form moves into the first tab, Information; the tabs of
        `customer_tab_factories()` follow."""
        self.detail_tabs = QTabWidget(self)
        self.detail_tabs.setObjectName("customer_detail_tabs")
        self.detail_tabs.setUsesScrollButtons(True)
        form_scroll = self.splitter.widget(1)
        assert form_scroll is not None
        self.splitter.replaceWidget(1, self.detail_tabs)
        self.detail_tabs.addTab(form_scroll, translate("CustomerPanel", "Information"))
        for title, factory in customer_tab_factories():
            self.add_customer_tab(title, factory)
        self.detail_tabs.currentChanged.connect(lambda _index: self._give_customer())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

    def add_customer_tab(self, title: str, factory: TabFactory) -> QWidget:
        """Add a tab made as `factory(context, prompter, parent)`, a QWidget with
        `set_customer(record | None)`; it is given the customer when it is on screen."""
        tab = factory(self._context, self._prompter, self)
        self.detail_tabs.addTab(tab, title)
        self.customer_tabs.append(tab)
        changed = getattr(tab, "records_changed", None)
        if changed is not None:
            changed.connect(self._on_tab_records_changed)
        for name in CUSTOMER_CHANGED_SIGNALS:
            signal = getattr(tab, name, None)
            if signal is not None:
                signal.connect(self._on_customer_changed_in_tab)
        return tab

    def _on_customer_changed_in_tab(self, customer_id: int) -> None:
        """A tab changed the customer itself (its sales step): show it as it now stands,
        unless the form holds the user's unsaved edits (the save then meets the change)."""
        self._on_tab_records_changed()
        self._refresh_list()
        current = self._current
        if current is None or current.id != customer_id or self.form.is_dirty():
            return
        try:
            with self._sessions.begin() as session:
                record = records.read(session, self.user, CUSTOMERS, customer_id)
        except MediaCrmError as error:
            self._show_error(error)
            return
        index = self.detail_tabs.currentIndex()
        self._current = record
        self.form.set_values(record.values)
        self._update_state()
        self._given[index] = record  # the tab that changed it shows it already
        self._select(customer_id)

    def tab_named(self, name: str) -> QWidget:
        """The customer tab whose object name is `name` (e.g. "contacts_tab")."""
        for tab in self.customer_tabs:
            if tab.objectName() == name:
                return tab
        raise KeyError(name)

    @property
    def contacts_tab(self) -> ChildRecordsTab:
        tab = self.tab_named("contacts_tab")
        assert isinstance(tab, ChildRecordsTab)
        return tab

    def _give_customer(self) -> None:
        """Hand the customer on screen to the tab on screen, if it has another (or an older
        version of it); the others get it when they are opened."""
        index = self.detail_tabs.currentIndex()
        tab = self.detail_tabs.widget(index)
        if tab not in self.customer_tabs:
            return
        if index in self._given and self._given[index] is self._current:
            return
        self._given[index] = self._current
        tab.set_customer(self._current)  # type: ignore[attr-defined]

    def _on_tab_records_changed(self) -> None:
        """What one tab changed may show in others (a contact in the timeline)."""
        current = self.detail_tabs.currentIndex()
        self._given = {current: self._given[current]} if current in self._given else {}

    def _show(self, record: RecordValues | None) -> None:
        super()._show(record)
        if hasattr(self, "detail_tabs"):
            self._given = {}
            self._give_customer()

    # Quick entry of a contact.
    def _add_log_contact_action(self) -> None:
        self.log_contact_action = self._action(
            translate("CustomerPanel", "Log contact…"), QKeySequence("Ctrl+L"), self.log_contact
        )
        self.toolbar.insertAction(self.query_action, self.log_contact_action)
        self.addAction(self.log_contact_action)  # from the list and the detail alike

    def _update_state(self) -> None:
        super()._update_state()
        if hasattr(self, "log_contact_action"):
            may = self.user.may(CONTACT_HISTORY.module, "create")
            self.log_contact_action.setEnabled(self._current is not None and may)

    def log_contact(self) -> bool:
        """Log a call, visit, meeting or e-mail with the chosen customer; True when saved."""
        customer = self._current
        if customer is None:
            self.status_message.emit(translate("CustomerPanel", "Choose a customer first."))
            return False
        self.quick_contact_dialog = QuickContactDialog(
            self._context, customer.id, customer.title, self
        )
        if self.quick_contact_dialog.exec() != QuickContactDialog.DialogCode.Accepted:
            return False
        self._given = {}
        self._give_customer()
        self.status_message.emit(
            translate("CustomerPanel", "Contact logged: %1").replace("%1", customer.title)
        )
        return True

    # Ownership: the chosen customer transferred to another employee, or merged.
    def _add_ownership_actions(self) -> None:
        self.transfer_action = self._action(
            translate("CustomerPanel", "Transfer…"), None, self.transfer
        )
        self.merge_action = self._action(translate("CustomerPanel", "Merge…"), None, self.merge)
        for action in (self.transfer_action, self.merge_action):
            self.toolbar.insertAction(self.query_action, action)
        self.transfer_action.setVisible(may_transfer(self.user))
        self.merge_action.setVisible(self.user.may("customers", "admin"))

    def _chosen_ids(self) -> list[int]:
        return [self._current.id] if self._current is not None else []

    def transfer(self) -> TransferDialog | None:
        """Transfer the chosen customer (and any others picked in the dialog)."""
        if not self.maybe_leave():
            return None
        self.transfer_dialog = open_transfer_dialog(
            self._context, self._chosen_ids(), self, self._prompter
        )
        self.transfer_dialog.transferred.connect(lambda _result: self._after_ownership_change())
        return self.transfer_dialog

    def merge(self) -> MergeDialog | None:
        """Merge another customer into the chosen one."""
        if not self.maybe_leave():
            return None
        self.merge_dialog = open_merge_dialog(
            self._context, self._chosen_ids(), self, self._prompter
        )
        self.merge_dialog.merged.connect(lambda result: self.open_record(result.kept_id))
        self.merge_dialog.merged.connect(lambda _result: self._refresh_list())
        return self.merge_dialog

    def _after_ownership_change(self) -> None:
        self._refresh_list()
        if self._current is not None:
            self.open_record(self._current.id)

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
