"""The program's modules, defined once: the menu each sits in, its title, its help page, the
permission needed to see it, and the panel it opens.

The main window builds its menus from `MODULES`; the smoke test opens every entry; help
(F1) finds the page of the current module here. A module still to come opens a
`PendingPanel` that says so. To give a module its real panel, change only its `factory`:

    Module("positions", "settings", QT_TRANSLATE_NOOP("Modules", "Positions"), "positions",
           ("reference", "view"), factory=_reference(POSITIONS), submenu="information_tools")

where a factory is `(context: PanelContext) -> QWidget`. An entry without a factory is a
command (a dialog, log in again, exit…) that the main window carries out itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session, sessionmaker

from app.auth import LoggedIn
from app.records import RecordKind
from app.reference_records import (
    AD_SERVICES,
    COMPANY_INFO,
    DEPARTMENTS,
    FORMS_OF_ADDRESS,
    INDUSTRIES,
    MEDIA_OUTLETS,
    POSITIONS,
)
from db.engine import make_session_factory
from ui.panels.audit_panel import AuditPanel
from ui.panels.business_log_panel import business_log_panel
from ui.panels.customer_panel import CustomerPanel
from ui.panels.customer_record_panels import (
    contact_history_panel,
    contacts_panel,
    media_ad_records_panel,
    supply_demand_panel,
)
from ui.panels.customer_statistics_panel import customer_statistics_panel
from ui.panels.employees_panel import EmployeesPanel
from ui.panels.file_management_panel import file_management_panel
from ui.panels.import_export_panel import import_export_panel
from ui.panels.pending_panel import PendingPanel
from ui.panels.permissions_panel import PermissionsPanel
from ui.panels.reference_panels import GeographyPanel, RecycleBinPanel, record_panel
from ui.panels.sales_tracking_panel import sales_tracking_panel

if TYPE_CHECKING:
    from app.preferences import Preferences

CONTEXT = "Modules"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Qt's marker for a text to translate later, typed (PySide6's says it returns object):
    lupdate finds the texts by this name; the text itself is returned."""
    return text


# The menu bar of SPEC §3.2, left to right; the titles keep the main window's context.
MENUS: dict[str, str] = {
    "file": QT_TRANSLATE_NOOP("MainWindow", "File"),
    "settings": QT_TRANSLATE_NOOP("MainWindow", "System settings"),
    "archive": QT_TRANSLATE_NOOP("MainWindow", "Customer archive"),
    "management": QT_TRANSLATE_NOOP("MainWindow", "Customer management"),
    "business": QT_TRANSLATE_NOOP("MainWindow", "Business"),
    "help": QT_TRANSLATE_NOOP("MainWindow", "Help"),
}
SUBMENUS: dict[str, str] = {
    "information_tools": QT_TRANSLATE_NOOP("Modules", "Information tools"),
}


class PanelContext:
    """What a panel factory gets: who is logged in, the language, the user's preferences,
    sessions on the user's own connection, and the module being opened."""

    def __init__(
        self,
        logged_in: LoggedIn,
        language: str,
        preferences: Preferences | None = None,
        module: Module | None = None,
    ) -> None:
        self.logged_in = logged_in
        self.language = language
        self.preferences = preferences
        self.module = module

    @property
    def session_factory(self) -> sessionmaker[Session]:
        # Made from the engine of the moment: a password change on PostgreSQL replaces it.
        return make_session_factory(self.logged_in.engine)

    def for_module(self, module: Module) -> PanelContext:
        return PanelContext(self.logged_in, self.language, self.preferences, module)


PanelFactory = Callable[[PanelContext], QWidget]


def pending(context: PanelContext) -> QWidget:
    """The panel of a module that comes in a later version."""
    assert context.module is not None
    return PendingPanel(context.module.translated_title(), context.module.help_topic)


def _reference(kind: RecordKind) -> PanelFactory:
    """The back-office panel of one kind of Information tools."""
    return lambda context: record_panel(context, kind)


def _employees(context: PanelContext) -> QWidget:
    return EmployeesPanel(context.logged_in, context.language)


def _permissions(context: PanelContext) -> QWidget:
    return PermissionsPanel(context.logged_in, context.language)


def _audit(context: PanelContext) -> QWidget:
    return AuditPanel(context.logged_in, context.language)


@dataclass(frozen=True)
class Module:
    """One menu entry. `permission` (module, action) must be held to see it (None: everyone);
    `opens` makes the entry a second way into another module (File → Customer archive)."""

    key: str
    menu: str
    title: str
    help_topic: str
    permission: tuple[str, str] | None
    factory: PanelFactory | None = None
    submenu: str | None = None
    separator_before: bool = False
    shortcut: str | None = None
    opens: str | None = None

    @property
    def is_command(self) -> bool:
        return self.factory is None and self.opens is None

    def translated_title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title)


_CUSTOMERS = ("customers", "view")
_REFERENCE = ("reference", "view")
_ORDERS = ("orders", "view")
_TASKS = ("tasks", "view")
_INFO = "information_tools"

MODULES: tuple[Module, ...] = (
    # 文件管理 File
    Module(
        "file_management",
        "file",
        QT_TRANSLATE_NOOP("Modules", "File management"),
        "file_management",
        _CUSTOMERS,
        factory=file_management_panel,
    ),
    Module(
        "customer_archive",
        "file",
        QT_TRANSLATE_NOOP("Modules", "Customer archive"),
        "customers",
        _CUSTOMERS,
        opens="customers",
    ),
    Module(
        "business_log",
        "file",
        QT_TRANSLATE_NOOP("Modules", "Business log"),
        "business_log",
        _TASKS,
        factory=business_log_panel,
    ),
    Module(
        "information_manager",
        "file",
        QT_TRANSLATE_NOOP("Modules", "Task information"),
        "information_manager",
        ("messages", "view"),
        factory=pending,
    ),
    Module(
        "change_password",
        "file",
        QT_TRANSLATE_NOOP("Modules", "Change password…"),
        "main_window",
        None,
        separator_before=True,
    ),
    Module("relogin", "file", QT_TRANSLATE_NOOP("Modules", "Log in again…"), "main_window", None),
    Module(
        "exit",
        "file",
        QT_TRANSLATE_NOOP("Modules", "Exit"),
        "main_window",
        None,
        separator_before=True,
        shortcut="Ctrl+Q",
    ),
    # 系统设置 System settings
    Module(
        "personal_settings",
        "settings",
        QT_TRANSLATE_NOOP("Modules", "Personal settings…"),
        "settings",
        None,
    ),
    Module(
        "security_tools",
        "settings",
        QT_TRANSLATE_NOOP("Modules", "Security tools…"),
        "security_tools",
        ("security", "admin"),
    ),
    Module(
        "employees",
        "settings",
        QT_TRANSLATE_NOOP("Modules", "Employees"),
        "employees",
        _REFERENCE,
        factory=_employees,
        separator_before=True,
    ),
    Module(
        "permissions",
        "settings",
        QT_TRANSLATE_NOOP("Modules", "Permissions"),
        "permissions",
        ("security", "view"),
        factory=_permissions,
    ),
    Module(
        "audit",
        "settings",
        QT_TRANSLATE_NOOP("Modules", "Log review"),
        "audit",
        ("security", "view"),
        factory=_audit,
    ),
    # Information tools: the lead's back-office panels replace `pending` here.
    Module(
        "company_info",
        "settings",
        QT_TRANSLATE_NOOP("Modules", "Company information"),
        "company_info",
        _REFERENCE,
        factory=_reference(COMPANY_INFO),
        submenu=_INFO,
        separator_before=True,
    ),
    Module(
        "departments",
        "settings",
        QT_TRANSLATE_NOOP("Modules", "Departments"),
        "departments",
        _REFERENCE,
        factory=_reference(DEPARTMENTS),
        submenu=_INFO,
    ),
    Module(
        "positions",
        "settings",
        QT_TRANSLATE_NOOP("Modules", "Positions"),
        "positions",
        _REFERENCE,
        factory=_reference(POSITIONS),
        submenu=_INFO,
    ),
    Module(
        "forms_of_address",
        "settings",
        QT_TRANSLATE_NOOP("Modules", "Forms of address"),
        "forms_of_address",
        _REFERENCE,
        factory=_reference(FORMS_OF_ADDRESS),
        submenu=_INFO,
    ),
    Module(
        "geography",
        "settings",
        QT_TRANSLATE_NOOP("Modules", "Countries, regions and cities"),
        "geography",
        _REFERENCE,
        factory=GeographyPanel,
        submenu=_INFO,
    ),
    Module(
        "industries",
        "settings",
        QT_TRANSLATE_NOOP("Modules", "Industries"),
        "industries",
        _REFERENCE,
        factory=_reference(INDUSTRIES),
        submenu=_INFO,
    ),
    Module(
        "media_outlets",
        "settings",
        QT_TRANSLATE_NOOP("Modules", "Media outlets"),
        "media_outlets",
        _REFERENCE,
        factory=_reference(MEDIA_OUTLETS),
        submenu=_INFO,
    ),
    Module(
        "ad_services",
        "settings",
        QT_TRANSLATE_NOOP("Modules", "Advertising services"),
        "ad_services",
        _REFERENCE,
        factory=_reference(AD_SERVICES),
        submenu=_INFO,
    ),
    Module(
        "recycle_bin",
        "settings",
        QT_TRANSLATE_NOOP("Modules", "Recycle bin"),
        "recycle_bin",
        _REFERENCE,
        factory=RecycleBinPanel,
    ),
    Module(
        "print_settings",
        "settings",
        QT_TRANSLATE_NOOP("Modules", "Print settings"),
        "settings",
        ("personal", "view"),
        factory=pending,
    ),
    # 客户档案 Customer archive
    Module(
        "customers",
        "archive",
        QT_TRANSLATE_NOOP("Modules", "Customers"),
        "customers",
        _CUSTOMERS,
        factory=CustomerPanel,
    ),
    Module(
        "contacts",
        "archive",
        QT_TRANSLATE_NOOP("Modules", "Contacts"),
        "customers",
        _CUSTOMERS,
        factory=contacts_panel,
    ),
    Module(
        "contact_history",
        "archive",
        QT_TRANSLATE_NOOP("Modules", "Contact history"),
        "customers",
        _CUSTOMERS,
        factory=contact_history_panel,
    ),
    Module(
        "supply_demand",
        "archive",
        QT_TRANSLATE_NOOP("Modules", "Supply and demand"),
        "customers",
        _CUSTOMERS,
        factory=supply_demand_panel,
    ),
    Module(
        "media_ad_records",
        "archive",
        QT_TRANSLATE_NOOP("Modules", "Media advertising records"),
        "customers",
        _CUSTOMERS,
        factory=media_ad_records_panel,
    ),
    Module(
        "import_export",
        "archive",
        QT_TRANSLATE_NOOP("Modules", "Import and export"),
        "import_export",
        _CUSTOMERS,
        factory=import_export_panel,
        separator_before=True,
    ),
    # 客户管理 Customer management
    Module(
        "sales_tracking",
        "management",
        QT_TRANSLATE_NOOP("Modules", "Sales tracking"),
        "customer_management",
        _CUSTOMERS,
        factory=sales_tracking_panel,
    ),
    Module(
        "customer_statistics",
        "management",
        QT_TRANSLATE_NOOP("Modules", "Customer statistics"),
        "customer_statistics",
        _CUSTOMERS,
        factory=customer_statistics_panel,
    ),
    Module(
        "competitor_analysis",
        "management",
        QT_TRANSLATE_NOOP("Modules", "Competitor analysis"),
        "customer_management",
        _CUSTOMERS,
        factory=pending,
    ),
    Module(
        "comprehensive_query",
        "management",
        QT_TRANSLATE_NOOP("Modules", "Comprehensive query"),
        "query",
        _CUSTOMERS,
        factory=pending,
    ),
    Module(
        "global_search",
        "management",
        QT_TRANSLATE_NOOP("Modules", "Find customer or contact…"),
        "query",
        _CUSTOMERS,
        shortcut="Ctrl+K",
    ),
    Module(
        "bulk_mail",
        "management",
        QT_TRANSLATE_NOOP("Modules", "Bulk mail"),
        "customer_management",
        ("customers", "bulk_mail"),
        factory=pending,
        separator_before=True,
    ),
    # 事务管理 Business
    Module(
        "quotations",
        "business",
        QT_TRANSLATE_NOOP("Modules", "Quotations"),
        "business",
        _ORDERS,
        factory=pending,
    ),
    Module(
        "ad_orders",
        "business",
        QT_TRANSLATE_NOOP("Modules", "Advertising orders"),
        "business",
        _ORDERS,
        factory=pending,
    ),
    Module(
        "order_execution",
        "business",
        QT_TRANSLATE_NOOP("Modules", "Order execution"),
        "business",
        _ORDERS,
        factory=pending,
    ),
    Module(
        "payments",
        "business",
        QT_TRANSLATE_NOOP("Modules", "Payments"),
        "business",
        _ORDERS,
        factory=pending,
    ),
    Module(
        "subscriptions",
        "business",
        QT_TRANSLATE_NOOP("Modules", "Subscriptions"),
        "business",
        ("subscriptions", "view"),
        factory=pending,
        separator_before=True,
    ),
    Module(
        "exhibitions",
        "business",
        QT_TRANSLATE_NOOP("Modules", "Exhibitions and conferences"),
        "business",
        ("events", "view"),
        factory=pending,
    ),
    Module(
        "tasks",
        "business",
        QT_TRANSLATE_NOOP("Modules", "Tasks"),
        "tasks",
        _TASKS,
        factory=pending,
        separator_before=True,
    ),
    Module(
        "marketing_campaigns",
        "business",
        QT_TRANSLATE_NOOP("Modules", "Marketing campaigns"),
        "business",
        _TASKS,
        factory=pending,
    ),
    Module(
        "decision_analysis",
        "business",
        QT_TRANSLATE_NOOP("Modules", "Decision analysis"),
        "business",
        _ORDERS,
        factory=pending,
        separator_before=True,
    ),
    # 帮助系统 Help
    Module(
        "help_contents",
        "help",
        QT_TRANSLATE_NOOP("Modules", "Help contents"),
        "main_window",
        None,
        shortcut="F1",
    ),
    Module(
        "about",
        "help",
        QT_TRANSLATE_NOOP("Modules", "About MediaCRM"),
        "main_window",
        None,
        separator_before=True,
    ),
)

MAIN_WINDOW_TOPIC = "main_window"


def module(key: str) -> Module:
    for entry in MODULES:
        if entry.key == key:
            return entry
    raise KeyError(key)


def in_menu(menu: str) -> list[Module]:
    return [entry for entry in MODULES if entry.menu == menu]


def commands() -> list[Module]:
    return [entry for entry in MODULES if entry.is_command]


def panels() -> list[Module]:
    return [entry for entry in MODULES if entry.factory is not None]


def target(entry: Module) -> Module:
    """The module an entry shows: itself, or the one it `opens`."""
    return module(entry.opens) if entry.opens else entry


def start_module(name: str) -> Module | None:
    """The module to open at start for the preference `name` (a module key or a help topic
    such as "query"); None for "none" or an unknown name."""
    for entry in MODULES:
        if entry.key == name and entry.factory is not None:
            return entry
    for entry in MODULES:
        if entry.help_topic == name and entry.factory is not None:
            return entry
    return None
