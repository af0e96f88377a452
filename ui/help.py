"""The help system (帮助系统): HTML pages in resources/help/<language>/<topic>.html, shown in
one help window that stays open beside the program (F1 or a panel's 帮助 Help button).

A missing page never leaves the user with nothing: the same topic in the other language,
else the contents page, is shown instead.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import shiboken6
from PySide6.QtWidgets import QWidget

from ui.dialogs.help_dialog import HelpDialog

log = logging.getLogger(__name__)

HELP_DIR = Path(__file__).resolve().parent.parent / "resources" / "help"
LANGUAGES = ("zh_CN", "en")
INDEX = "index"
# Every topic has a page in both languages (tests/ui/test_help.py checks it).
TOPICS = (
    "index",
    "main_window",
    "toolbar",
    "shortcut_panel",
    "settings",
    "security_tools",
    "employees",
    "permissions",
    "audit",
    "company_info",
    "departments",
    "positions",
    "forms_of_address",
    "geography",
    "industries",
    "media_outlets",
    "ad_services",
    "recycle_bin",
    "customers",
    "import_export",
    "customer_management",
    "business",
    "business_log",
    "customer_statistics",
    "tasks",
    "information_manager",
    "file_management",
    "query",
)

_help_dialog: HelpDialog | None = None


def help_language(language: str) -> str:
    return "en" if language.startswith("en") else "zh_CN"


def help_path(topic: str, language: str, directory: Path = HELP_DIR) -> Path:
    """The page for `topic` in `language`; else that topic in the other language; else the
    contents page (even when that too is missing: the help window then says so)."""
    first = help_language(language)
    other = next(code for code in LANGUAGES if code != first)
    topics = [topic, INDEX] if re.fullmatch(r"[a-z_]+", topic) else [INDEX]
    candidates = [directory / code / f"{name}.html" for name in topics for code in (first, other)]
    for candidate in candidates:
        if candidate.is_file():
            if candidate != candidates[0]:
                log.info("no help page %s in %s; showing %s", topic, first, candidate)
            return candidate
    log.warning("the help pages are missing from %s", directory)
    return directory / first / f"{INDEX}.html"


def show_help(topic: str, language: str, parent: QWidget | None = None) -> HelpDialog:
    """Open (or bring forward) the help window at `topic`; it does not block the program."""
    global _help_dialog
    if _help_dialog is None or not shiboken6.isValid(_help_dialog):
        _help_dialog = HelpDialog(help_path(INDEX, language), _top_window(parent))
    _help_dialog.set_home(help_path(INDEX, language))
    _help_dialog.show_page(help_path(topic, language))
    _help_dialog.show()
    _help_dialog.raise_()
    _help_dialog.activateWindow()
    return _help_dialog


def close_help() -> None:
    """Close the help window (when the user logs out, or at the end of a test)."""
    global _help_dialog
    if _help_dialog is not None and shiboken6.isValid(_help_dialog):
        _help_dialog.close()
        _help_dialog.deleteLater()
    _help_dialog = None


def _top_window(widget: QWidget | None) -> QWidget | None:
    """The main window behind a dialog, so that the help window outlives the dialog."""
    if widget is None:
        return None
    window = widget.window()
    while (outer := window.parentWidget()) is not None:
        window = outer.window()
    return window
