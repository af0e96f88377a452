"""What each role may do (function permissions) and see (data permissions), defined once.

PostgreSQL turns these definitions into grants and row-level-security policies
(db/security.py); on SQLite `app/` applies the same definitions itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Scope = Literal["own", "department", "department_tree", "all"]
SCOPES: tuple[Scope, ...] = ("own", "department", "department_tree", "all")
ACTIONS = ("view", "create", "edit", "delete", "export", "print", "bulk_mail", "admin")

# Module → the tables it covers. Function permissions are granted per module.
MODULE_TABLES: dict[str, tuple[str, ...]] = {
    "customers": (
        "customers",
        "customer_extensions",
        "contacts",
        "contact_extensions",
        "partner_relations",
        "supply_demand_infos",
        "media_ad_records",
        "contact_histories",
        "salesperson_logs",
        "sales_stage_changes",
        "attachments",
        "complaints",
    ),
    "orders": (
        "quotations",
        "quotation_lines",
        "ad_orders",
        "ad_order_lines",
        "execution_plans",
        "executions",
        "payments",
    ),
    "subscriptions": ("subscriptions", "subscription_calls", "issue_dispatches"),
    "events": ("events", "event_attendances"),
    "tasks": (
        "tasks",
        "opportunities",
        "marketing_campaigns",
        "campaign_members",
        "business_logs",
        "expenses",
    ),
    "messages": ("messages", "message_recipients"),
    "reference": (
        "departments",
        "positions",
        "forms_of_address",
        "industries",
        "countries",
        "regions",
        "cities",
        "customer_types",
        "customer_sources",
        "sales_stages",
        "media_outlets",
        "publications",
        "publication_issues",
        "online_channels",
        "ad_services",
        "ad_products",
        "company_info",
        "products_services",
        "print_templates",
        "sales_targets",
        "employees",
    ),
    "security": (
        "users",
        "roles",
        "role_function_permissions",
        "role_data_permissions",
        "audit_log",
    ),
    "personal": ("user_settings", "saved_queries"),
}

# Record kinds with an owner and a department: data permissions are set per kind.
OWNED_TABLES = (
    "customers",
    "quotations",
    "ad_orders",
    "payments",
    "salesperson_logs",
    "attachments",
    "complaints",
    "events",
    "subscriptions",
    "subscription_calls",
    "marketing_campaigns",
    "tasks",
    "opportunities",
    "business_logs",
    "expenses",
)

# Child table → (foreign key column, parent table): a child is visible when its parent is.
CHILD_TABLES: dict[str, tuple[str, str]] = {
    "customer_extensions": ("customer_id", "customers"),
    "contacts": ("customer_id", "customers"),
    "contact_extensions": ("contact_id", "contacts"),
    "partner_relations": ("customer_id", "customers"),
    "supply_demand_infos": ("customer_id", "customers"),
    "media_ad_records": ("customer_id", "customers"),
    "contact_histories": ("customer_id", "customers"),
    "sales_stage_changes": ("customer_id", "customers"),
    "quotation_lines": ("quotation_id", "quotations"),
    "ad_order_lines": ("order_id", "ad_orders"),
    "execution_plans": ("order_line_id", "ad_order_lines"),
    "executions": ("order_line_id", "ad_order_lines"),
    "event_attendances": ("customer_id", "customers"),
    "issue_dispatches": ("subscription_id", "subscriptions"),
    "campaign_members": ("campaign_id", "marketing_campaigns"),
}

# Tables every user reads and only holders of `admin` on their module change.
READ_BY_ALL_TABLES = MODULE_TABLES["reference"] + (
    "roles",
    "role_function_permissions",
    "role_data_permissions",
)


@dataclass(frozen=True)
class RoleDefaults:
    functions: dict[str, tuple[str, ...]]
    scope: Scope


_EVERYDAY = ("view", "create", "edit", "delete", "export", "print")
_BUSINESS_MODULES = ("customers", "orders", "subscriptions", "events", "tasks", "messages")

BUILT_IN_ROLE_DEFAULTS: dict[str, RoleDefaults] = {
    "admin": RoleDefaults(
        functions={module: ACTIONS for module in MODULE_TABLES},
        scope="all",
    ),
    "decision_maker": RoleDefaults(
        functions={
            **{module: (*_EVERYDAY, "bulk_mail") for module in _BUSINESS_MODULES},
            "reference": ("view", "export", "print"),
            "security": ("view",),
            "personal": _EVERYDAY,
        },
        scope="all",
    ),
    "dept_head": RoleDefaults(
        functions={
            **{module: (*_EVERYDAY, "bulk_mail") for module in _BUSINESS_MODULES},
            "reference": ("view", "export", "print"),
            "personal": _EVERYDAY,
        },
        scope="department_tree",
    ),
    "staff": RoleDefaults(
        functions={
            **{
                module: ("view", "create", "edit", "export", "print")
                for module in _BUSINESS_MODULES
            },
            "reference": ("view",),
            "personal": _EVERYDAY,
        },
        scope="own",
    ),
}


def module_of(table: str) -> str:
    for module, tables in MODULE_TABLES.items():
        if table in tables:
            return module
    raise KeyError(f"table {table!r} belongs to no module")


def owning_table(table: str) -> str | None:
    """The owned table whose data permission decides who sees rows of `table`."""
    seen = set()
    while table not in OWNED_TABLES:
        if table not in CHILD_TABLES or table in seen:
            return None
        seen.add(table)
        table = CHILD_TABLES[table][1]
    return table
