"""Words for the codes of the security screens: modules, actions, scopes, employee statuses,
audit operations, and the reasons of a visibility explanation.

`app/` speaks in codes; here they become text through Qt Linguist (context "SecurityLabels"
and "VisibilityExplanation"). Table and column names come from the models' own bilingual
labels (`info['label']`), defined once in db/models.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.visibility import Explanation, Reason
from db.base import Base, Label

MODULES = {
    "customers": QT_TRANSLATE_NOOP("SecurityLabels", "Customers"),
    "orders": QT_TRANSLATE_NOOP("SecurityLabels", "Orders"),
    "subscriptions": QT_TRANSLATE_NOOP("SecurityLabels", "Subscriptions"),
    "events": QT_TRANSLATE_NOOP("SecurityLabels", "Events"),
    "tasks": QT_TRANSLATE_NOOP("SecurityLabels", "Tasks"),
    "messages": QT_TRANSLATE_NOOP("SecurityLabels", "Messages"),
    "reference": QT_TRANSLATE_NOOP("SecurityLabels", "Reference data"),
    "security": QT_TRANSLATE_NOOP("SecurityLabels", "Security"),
    "personal": QT_TRANSLATE_NOOP("SecurityLabels", "Personal settings"),
}
ACTIONS = {
    "view": QT_TRANSLATE_NOOP("SecurityLabels", "View"),
    "create": QT_TRANSLATE_NOOP("SecurityLabels", "Create"),
    "edit": QT_TRANSLATE_NOOP("SecurityLabels", "Edit"),
    "delete": QT_TRANSLATE_NOOP("SecurityLabels", "Delete"),
    "export": QT_TRANSLATE_NOOP("SecurityLabels", "Export"),
    "print": QT_TRANSLATE_NOOP("SecurityLabels", "Print"),
    "bulk_mail": QT_TRANSLATE_NOOP("SecurityLabels", "Bulk mail"),
    "admin": QT_TRANSLATE_NOOP("SecurityLabels", "Administer"),
}
SCOPES = {
    "own": QT_TRANSLATE_NOOP("SecurityLabels", "Own records"),
    "department": QT_TRANSLATE_NOOP("SecurityLabels", "Own department"),
    "department_tree": QT_TRANSLATE_NOOP("SecurityLabels", "Department and sub-departments"),
    "all": QT_TRANSLATE_NOOP("SecurityLabels", "All records"),
}
STATUSES = {
    "active": QT_TRANSLATE_NOOP("SecurityLabels", "Active"),
    "on_leave": QT_TRANSLATE_NOOP("SecurityLabels", "On leave"),
    "left": QT_TRANSLATE_NOOP("SecurityLabels", "Left"),
}
OPERATIONS = {
    "INSERT": QT_TRANSLATE_NOOP("SecurityLabels", "Added"),
    "UPDATE": QT_TRANSLATE_NOOP("SecurityLabels", "Changed"),
    "DELETE": QT_TRANSLATE_NOOP("SecurityLabels", "Erased"),
    "TRUNCATE": QT_TRANSLATE_NOOP("SecurityLabels", "Emptied"),
    "LOGIN": QT_TRANSLATE_NOOP("SecurityLabels", "Logged in"),
    "LOGOUT": QT_TRANSLATE_NOOP("SecurityLabels", "Logged out"),
    "LOGIN_FAILED": QT_TRANSLATE_NOOP("SecurityLabels", "Login refused"),
    "BULK_LOAD": QT_TRANSLATE_NOOP("SecurityLabels", "Bulk load"),
    "EXPORT": QT_TRANSLATE_NOOP("SecurityLabels", "Exported"),
}
REASONS = {
    "no_view_permission": QT_TRANSLATE_NOOP(
        "VisibilityExplanation",
        "The role has no “View” permission in the module %1, so none of its records show.",
    ),
    "scope_all": QT_TRANSLATE_NOOP(
        "VisibilityExplanation", "The role's data permission for %1 is “All records”."
    ),
    "owner": QT_TRANSLATE_NOOP("VisibilityExplanation", "The user owns it: its owner is %1."),
    "own_department": QT_TRANSLATE_NOOP(
        "VisibilityExplanation", "Its department, %1, is the user's own department."
    ),
    "sub_department": QT_TRANSLATE_NOOP(
        "VisibilityExplanation", "Its department, %1, is under the user's department %2."
    ),
    "outside_scope": QT_TRANSLATE_NOOP(
        "VisibilityExplanation",
        "The role sees “%1”, and this record's owner (%2) and department (%3) are outside it.",
    ),
    "belongs_to": QT_TRANSLATE_NOOP(
        "VisibilityExplanation",
        "It belongs to the %1 “%2” (no. %3), and is visible exactly when that one is:",
    ),
    "personal_own": QT_TRANSLATE_NOOP(
        "VisibilityExplanation", "It is one of the user's own personal records."
    ),
    "personal_other": QT_TRANSLATE_NOOP(
        "VisibilityExplanation", "It is another user's personal record."
    ),
    "everyone": QT_TRANSLATE_NOOP(
        "VisibilityExplanation",
        "Every user who may view %1 sees all of them: no data permission applies.",
    ),
}


def fill(template: str, *values: object) -> str:
    """Qt's %1, %2… placeholders filled in one pass (a value containing "%2" stays as is)."""
    return re.sub(r"%(\d)", lambda match: str(values[int(match.group(1)) - 1]), template)


def _text(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


def module_text(module: str) -> str:
    return _text("SecurityLabels", MODULES[module])


def action_text(action: str) -> str:
    return _text("SecurityLabels", ACTIONS[action])


def scope_text(scope: str) -> str:
    return _text("SecurityLabels", SCOPES[scope])


def status_text(status: str) -> str:
    return _text("SecurityLabels", STATUSES[status]) if status in STATUSES else status


def operation_text(operation: str) -> str:
    return _text("SecurityLabels", OPERATIONS[operation]) if operation in OPERATIONS else operation


def table_text(table: str | None, language: str) -> str:
    """A table's name as users know it (客户 for customers); the raw name if it has none."""
    found = Base.metadata.tables.get(table or "")
    label = found.info.get("label") if found is not None else None
    return label.text(language) if isinstance(label, Label) else (table or "")


def column_text(table: str | None, column: str, language: str) -> str:
    found = Base.metadata.tables.get(table or "")
    if found is None or column not in found.c:
        return column
    label = found.c[column].info.get("label")
    return label.text(language) if isinstance(label, Label) else column


def explanation_lines(explanation: Explanation, language: str) -> list[str]:
    """The verdict, then one line per reason, in the user's language."""
    verdict = (
        QCoreApplication.translate("VisibilityExplanation", "%1 can see %2 “%3” (no. %4).")
        if explanation.visible
        else QCoreApplication.translate("VisibilityExplanation", "%1 cannot see %2 “%3” (no. %4).")
    )
    lines = [
        fill(
            verdict,
            explanation.username,
            table_text(explanation.table, language),
            explanation.title,
            explanation.record_id,
        )
    ]
    lines.extend(reason_text(reason, language) for reason in explanation.reasons)
    return lines


def reason_text(reason: Reason, language: str) -> str:
    template = _text("VisibilityExplanation", REASONS[reason.code])
    return fill(template, *_reason_values(reason, language))


def _reason_values(reason: Reason, language: str) -> tuple[object, ...]:
    params: dict[str, Any] = reason.params
    code = reason.code
    if code == "no_view_permission":
        return (module_text(params["module"]),)
    if code in ("scope_all", "everyone"):
        return (table_text(params["table"], language),)
    if code == "owner":
        return (params["owner"],)
    if code == "own_department":
        return (params["department"],)
    if code == "sub_department":
        return (params["department"], params["user_department"])
    if code == "outside_scope":
        none = QCoreApplication.translate("VisibilityExplanation", "none")
        return (scope_text(params["scope"]), params["owner"] or none, params["department"] or none)
    if code == "belongs_to":
        return (table_text(params["table"], language), params["title"], params["record_id"])
    return ()
