"""The main window (SPEC §3.2): the six menus built from the module registry (ui/modules.py),
the personalised shortcut panel at the left, the current module's panel in the middle, and
a status bar with the time, the user, their role, the module and the database.

Entries the user's role may not use are left out of the menus (not greyed): a staff member
sees the menus of their work, and the services and, on PostgreSQL, the database refuse
such work anyway. The window's size, its splitters and the shortcut panel's parts follow
the user to any PC: they are kept with the user's preferences in the database.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app import config
from app import preferences as user_preferences
from app.auth import LoggedIn
from app.config import without_credentials
from app.errors import MediaCrmError
from app.preferences import Preferences
from app.search import SearchHit, fuzzy_search
from db.engine import make_session_factory
from ui import modules
from ui.dialogs.about_dialog import AboutDialog
from ui.dialogs.change_password_dialog import ChangePasswordDialog
from ui.dialogs.security_tools_dialog import SecurityToolsDialog
from ui.dialogs.settings_dialog import SettingsDialog
from ui.errors import error_text
from ui.help import show_help
from ui.layout_state import restore_widget_states, widget_states
from ui.modules import MENUS, MODULES, SUBMENUS, Module, PanelContext
from ui.panels.business_log_panel import BusinessLogPanel
from ui.panels.record_panel import RecordPanel
from ui.widgets.global_search import GlobalSearchBox
from ui.widgets.shortcut_panel import (
    PART_PREFERENCES,
    PARTS,
    ShortcutPanel,
    part_title,
    parts_shown,
)

log = logging.getLogger(__name__)

MENU_TITLES = tuple(MENUS.values())
STATUS_MESSAGE_MS = 5000
DEFAULT_SIZE = (1280, 800)
SHORTCUT_PANEL_WIDTH = 320
DATABASE_LABEL_WIDTH = 360
LAYOUT_KEYS = ("geometry", "state", "splitter", "shortcut_splitter")
HelpViewer = Callable[[str, str, QWidget], object]


def _tr(text: str) -> str:
    """A text named elsewhere with QT_TRANSLATE_NOOP, in the user's language."""
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    relogin_requested = Signal()
    closed = Signal()
    module_changed = Signal(str)

    def __init__(
        self,
        logged_in: LoggedIn,
        language: str,
        parent: QWidget | None = None,
        *,
        registry: Sequence[Module] = MODULES,
        help_viewer: HelpViewer | None = None,
        settings: config.Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self._logged_in = logged_in
        self._language = language
        # The program's own settings, so a language chosen here is the login dialog's next.
        self._settings = settings
        self._modules = {entry.key: entry for entry in registry}
        self._show_help = help_viewer or show_help
        self._leave_confirmed = False
        self._layout_saved = False
        self.change_password_dialog: ChangePasswordDialog | None = None
        self.security_tools_dialog: SecurityToolsDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self.current_module: Module | None = None
        self.panels: dict[str, QWidget] = {}
        self.preferences, layouts = self._load_user_settings()
        self._context = PanelContext(logged_in, language, self.preferences)
        self.resize(*DEFAULT_SIZE)
        self._build_central()
        self._build_search_box()
        self._build_menus()
        self._build_status_bar()
        self._restore_layout(layouts)
        self._show_shortcut_parts(parts_shown(self.preferences))
        self._open_start_module()
        self._update_module_texts()
        self.shortcut_panel.refresh()

    # Building.

    def _build_central(self) -> None:
        self.shortcut_panel = ShortcutPanel(self._logged_in, self._language, self.preferences)
        self.shortcut_panel.module_requested.connect(self.open_module)
        self.shortcut_panel.log_entry_requested.connect(self._show_business_log_entry)
        self.start_label = QLabel(
            QCoreApplication.translate(
                "MainWindow", "Welcome, %1. Choose a module from the menus above."
            ).replace("%1", self._logged_in.user.display_name)
        )
        self.start_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_label.setWordWrap(True)
        self.panel_stack = QStackedWidget()
        self.panel_stack.addWidget(self.start_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.shortcut_panel)
        self.splitter.addWidget(self.panel_stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([SHORTCUT_PANEL_WIDTH, DEFAULT_SIZE[0] - SHORTCUT_PANEL_WIDTH])
        self.setCentralWidget(self.splitter)

    def _build_search_box(self) -> None:
        """The global search, at the menu bar's right, for whoever may see customers."""
        self.search_box = GlobalSearchBox(self._search, self._language)
        self.search_box.record_requested.connect(self._open_search_hit)
        self.menuBar().setCornerWidget(self.search_box, Qt.Corner.TopRightCorner)
        self.search_box.setVisible(self._logged_in.user.may("customers", "view"))

    def _search(self, text: str) -> list[SearchHit]:
        """Runs in a search thread: a session of its own, no widget touched."""
        with self._sessions().begin() as session:
            return fuzzy_search(session, self._logged_in.user, text)

    def _open_search_hit(self, kind: str, record_id: int) -> None:
        key = "customers" if kind == "customer" else "contacts"
        if self.open_module(key):
            panel = self.panels.get(key)
            if isinstance(panel, RecordPanel):
                panel.show_record(record_id)

    def _build_menus(self) -> None:
        self.menus: dict[str, QMenu] = {}
        self.module_actions: dict[str, QAction] = {}
        commands = self._commands()
        for menu_key, title in MENUS.items():
            menu = self.menuBar().addMenu(_tr(title))
            menu.setObjectName(f"{menu_key}_menu")
            self.menus[menu_key] = menu
            submenus: dict[str, QMenu] = {}
            for entry in self._modules.values():
                if entry.menu == menu_key and self.may_see(entry):
                    self._add_action(menu, submenus, entry, commands)
            if menu_key == "settings":
                self._build_shortcut_panel_menu(menu)
        # The File menu's account actions, under the names the program has always used.
        self.change_password_action = self.module_actions["change_password"]
        self.relogin_action = self.module_actions["relogin"]
        self.exit_action = self.module_actions["exit"]

    def _add_action(
        self,
        menu: QMenu,
        submenus: dict[str, QMenu],
        entry: Module,
        commands: dict[str, Callable[[], object]],
    ) -> None:
        parent = menu
        if entry.separator_before and not menu.isEmpty():
            menu.addSeparator()
        if entry.submenu is not None:
            if entry.submenu not in submenus:
                submenus[entry.submenu] = menu.addMenu(
                    QCoreApplication.translate(modules.CONTEXT, SUBMENUS[entry.submenu])
                )
                submenus[entry.submenu].setObjectName(f"{entry.submenu}_menu")
            parent = submenus[entry.submenu]
        action = parent.addAction(entry.translated_title())
        action.setObjectName(f"{entry.key}_action")
        if entry.shortcut:
            action.setShortcut(QKeySequence(entry.shortcut))
        if entry.is_command:
            action.triggered.connect(commands[entry.key])  # a missing command is a bug
        else:
            action.triggered.connect(partial(self.open_module, entry.key))
        self.module_actions[entry.key] = action

    def _commands(self) -> dict[str, Callable[[], object]]:
        return {
            "change_password": self._on_change_password_action_triggered,
            "relogin": self._on_relogin_action_triggered,
            "exit": self.close,
            "personal_settings": self._on_personal_settings_action_triggered,
            "security_tools": self._on_security_tools_action_triggered,
            "help_contents": self.show_help_for_current_module,
            "about": self._on_about_action_triggered,
            "global_search": self.search_box.focus_for_search,
        }

    def _build_shortcut_panel_menu(self, menu: QMenu) -> None:
        """System settings → Shortcut panel: show or hide each part (SPEC §3.3 "other")."""
        menu.addSeparator()
        submenu = menu.addMenu(QCoreApplication.translate("MainWindow", "Shortcut panel"))
        submenu.setObjectName("shortcut_panel_menu")
        self.shortcut_part_actions: dict[str, QAction] = {}
        for part in PARTS:
            action = submenu.addAction(part_title(part))
            action.setObjectName(f"show_{part}_action")
            action.setCheckable(True)
            action.toggled.connect(partial(self._on_shortcut_part_action_toggled, part))
            self.shortcut_part_actions[part] = action

    def _build_status_bar(self) -> None:
        user = self._logged_in.user
        self.module_label = QLabel()
        self.user_label = QLabel(
            QCoreApplication.translate("MainWindow", "User: %1 (%2) · Role: %3")
            .replace("%1", user.display_name)
            .replace("%2", user.username)
            .replace("%3", user.role_name(self._language))
        )
        database = QCoreApplication.translate("MainWindow", "Database: %1").replace(
            "%1", without_credentials(self._logged_in.engine.url)
        )
        self.database_label = QLabel()
        self.database_label.setToolTip(database)
        self.database_label.setText(
            QFontMetrics(self.database_label.font()).elidedText(
                database, Qt.TextElideMode.ElideMiddle, DATABASE_LABEL_WIDTH
            )
        )
        self.clock_label = QLabel()
        labels = (self.module_label, self.user_label, self.database_label, self.clock_label)
        for number, label in enumerate(labels):
            if number:
                separator = QFrame()
                separator.setFrameShape(QFrame.Shape.VLine)
                separator.setFrameShadow(QFrame.Shadow.Sunken)
                self.statusBar().addPermanentWidget(separator)
            label.setContentsMargins(4, 0, 4, 0)
            self.statusBar().addPermanentWidget(label)
        self.clock_timer = QTimer(self)
        self.clock_timer.setSingleShot(True)
        self.clock_timer.timeout.connect(self._tick)
        self._tick()

    def _tick(self) -> None:
        """Show the date and time to the second; the next tick comes just after the next
        full second, so the clock never skips or repeats a second."""
        now = dt.datetime.now()
        weekday = QLocale(self._language).dayName(now.isoweekday())
        day = self.preferences.format_date(now.date())
        self.clock_label.setText(f"{day} {weekday} {now:%H:%M:%S}")
        self.clock_timer.start(1000 - now.microsecond // 1000 + 5)

    # Modules.

    def may_see(self, entry: Module) -> bool:
        """Whether the user's role may use the entry (and the module it opens)."""
        shown = [entry, self._modules[entry.opens]] if entry.opens else [entry]
        user = self._logged_in.user
        return all(item.permission is None or user.may(*item.permission) for item in shown)

    def open_module(self, key: str) -> bool:
        """Show the module's panel (made on first use); False when the current panel's
        unsaved changes keep the user there, or the module is not for them."""
        entry = self._modules[key]
        if entry.opens:
            entry = self._modules[entry.opens]
        if entry.factory is None or not self.may_see(entry):
            return False
        if self.current_module is not None and self.current_module.key == entry.key:
            return True
        if not self._may_leave_current_panel():
            return False
        panel = self.panels.get(entry.key)
        if panel is None:
            panel = self._make_panel(entry)
            if panel is None:
                return False
        self.panel_stack.setCurrentWidget(panel)
        self.current_module = entry
        self._update_module_texts()
        self.module_changed.emit(entry.key)
        return True

    def _show_business_log_entry(self, entry_id: int) -> None:
        """The shortcut panel asked for one of today's entries; the module is open by then
        unless unsaved changes kept the user where they were."""
        panel = self.panels.get("business_log")
        if isinstance(panel, BusinessLogPanel) and self.panel_stack.currentWidget() is panel:
            panel.show_record(entry_id)

    def _make_panel(self, entry: Module) -> QWidget | None:
        assert entry.factory is not None
        try:
            panel = entry.factory(self._context.for_module(entry))
        except MediaCrmError as error:
            self._warn(error_text(error, self._language))
            return None
        self._release_window_shortcuts(panel)
        self._restore_panel_layout(entry.key, panel)
        status_message = getattr(panel, "status_message", None)
        if status_message is not None:
            status_message.connect(self._on_panel_status_message)
        self.panels[entry.key] = panel
        self.panel_stack.addWidget(panel)
        return panel

    def _release_window_shortcuts(self, panel: QWidget) -> None:
        """F1 (help for the current module) belongs to the window: a panel's own F1 would
        make the key ambiguous, so Qt would ignore it. The window's help opens the same page."""
        ours = {action.shortcut() for action in self.module_actions.values()} - {QKeySequence()}
        for action in panel.findChildren(QAction):
            if action.shortcut() in ours:
                action.setShortcut(QKeySequence())

    def current_panel(self) -> QWidget | None:
        return None if self.current_module is None else self.panel_stack.currentWidget()

    def _may_leave_current_panel(self) -> bool:
        """Ask the current panel (Save / Discard / Cancel) if it has unsaved changes."""
        maybe_leave = getattr(self.current_panel(), "maybe_leave", None)
        return maybe_leave is None or bool(maybe_leave())

    def _open_start_module(self) -> None:
        start = modules.start_module(self.preferences.start_module)
        if start is not None and start.key in self._modules:
            self.open_module(start.key)

    def _update_module_texts(self) -> None:
        user = self._logged_in.user.display_name
        if self.current_module is None:
            self.setWindowTitle(
                QCoreApplication.translate("MainWindow", "MediaCRM — %1").replace("%1", user)
            )
            self.module_label.setText(
                QCoreApplication.translate("MainWindow", "Module: %1").replace("%1", "—")
            )
            return
        title = self.current_module.translated_title()
        self.setWindowTitle(
            QCoreApplication.translate("MainWindow", "MediaCRM — %1 — %2")
            .replace("%1", title)
            .replace("%2", user)
        )
        self.module_label.setText(
            QCoreApplication.translate("MainWindow", "Module: %1").replace("%1", title)
        )

    def show_help_for_current_module(self) -> None:
        topic = modules.MAIN_WINDOW_TOPIC
        if self.current_module is not None:
            topic = self.current_module.help_topic
        self._show_help(topic, self._language, self)

    def _on_panel_status_message(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MESSAGE_MS)

    # The shortcut panel's parts.

    def set_shortcut_part_shown(self, part: str, shown: bool) -> None:
        """Show or hide one part, and keep the choice with the user's preferences."""
        self._show_shortcut_parts({part: shown})
        choice: dict[str, Any] = {PART_PREFERENCES[part]: shown}
        changed = replace(self.preferences, **choice)
        if changed != self.preferences:
            self._save_preferences(changed)

    def _show_shortcut_parts(self, shown: dict[str, bool]) -> None:
        self.shortcut_panel.set_parts_shown(shown)
        for part, action in self.shortcut_part_actions.items():
            action.blockSignals(True)
            action.setChecked(self.shortcut_panel.part_shown(part))
            action.blockSignals(False)
        visible = self.shortcut_panel.any_part_shown()
        self.shortcut_panel.setVisible(visible)
        if visible and self.splitter.sizes()[0] == 0:
            self.splitter.setSizes(
                [SHORTCUT_PANEL_WIDTH, max(self.width() - SHORTCUT_PANEL_WIDTH, 1)]
            )

    def _on_shortcut_part_action_toggled(self, part: str, checked: bool) -> None:
        self.set_shortcut_part_shown(part, checked)

    def apply_preferences(self, preferences: Preferences) -> None:
        """Preferences saved in the settings dialog take effect at once."""
        self.preferences = preferences
        self._context.preferences = preferences
        self.shortcut_panel.set_preferences(preferences)
        self._show_shortcut_parts(parts_shown(preferences))
        self._tick()

    # The user's settings in the database.

    def _sessions(self) -> sessionmaker[Session]:
        # From the engine of the moment: a password change on PostgreSQL replaces it.
        return make_session_factory(self._logged_in.engine)

    def _load_user_settings(self) -> tuple[Preferences, dict[str, str]]:
        user = self._logged_in.user
        try:
            with self._sessions()() as session:
                prefs = user_preferences.load_preferences(session, user, self._language)
                layouts = {
                    key: value
                    for key in LAYOUT_KEYS
                    if (value := user_preferences.load_layout(session, user, f"main_window.{key}"))
                }
        except (MediaCrmError, SQLAlchemyError):
            log.warning("cannot read the user's preferences; using the defaults", exc_info=True)
            return Preferences(), {}
        return prefs, layouts

    def _save_preferences(self, changed: Preferences) -> None:
        try:
            with self._sessions().begin() as session:
                user_preferences.save_preferences(session, self._logged_in.user, changed)
        except (MediaCrmError, SQLAlchemyError) as error:
            log.warning("cannot save the preferences", exc_info=True)
            self.statusBar().showMessage(error_text(error, self._language), STATUS_MESSAGE_MS)
            return
        self.preferences = changed
        self._context.preferences = changed

    def _restore_layout(self, layouts: dict[str, str]) -> None:
        def state(key: str) -> QByteArray | None:
            value = layouts.get(key)
            return QByteArray.fromBase64(value.encode("ascii")) if value else None

        if (geometry := state("geometry")) is not None:
            self.restoreGeometry(geometry)
        if (window_state := state("state")) is not None:
            self.restoreState(window_state)
        if (sizes := state("splitter")) is not None:
            self.splitter.restoreState(sizes)
        if (inner := state("shortcut_splitter")) is not None:
            self.shortcut_panel.splitter.restoreState(inner)

    def _restore_panel_layout(self, module_key: str, panel: QWidget) -> None:
        """The splitters and list columns of a panel as the user left them, on any PC."""
        names = widget_states(panel)
        try:
            with self._sessions().begin() as session:
                found = {
                    name: value
                    for name in names
                    if (
                        value := user_preferences.load_layout(
                            session, self._logged_in.user, f"panel.{module_key}.{name}"
                        )
                    )
                }
        except (MediaCrmError, SQLAlchemyError):
            log.warning("cannot read the layout of %s", module_key, exc_info=True)
            return
        restore_widget_states(
            panel,
            {name: QByteArray.fromBase64(value.encode("ascii")) for name, value in found.items()},
        )

    def _save_layout(self) -> None:
        if self._layout_saved:
            return
        self._layout_saved = True
        states = {
            "main_window.geometry": self.saveGeometry(),
            "main_window.state": self.saveState(),
            "main_window.splitter": self.splitter.saveState(),
            "main_window.shortcut_splitter": self.shortcut_panel.splitter.saveState(),
        }
        for module_key, panel in self.panels.items():
            for name, state in widget_states(panel).items():
                states[f"panel.{module_key}.{name}"] = state
        try:
            with self._sessions().begin() as session:
                for key, value in states.items():
                    encoded = bytes(value.toBase64().data()).decode("ascii")
                    user_preferences.save_layout(session, self._logged_in.user, key, encoded)
        except (MediaCrmError, SQLAlchemyError):
            # The window closes anyway; next time it opens at its default size.
            log.warning("cannot save the window layout", exc_info=True)

    # Commands.

    def _on_change_password_action_triggered(self) -> None:
        self.change_password_dialog = ChangePasswordDialog(
            self._logged_in, self._language, parent=self
        )
        self.change_password_dialog.password_changed.connect(
            self._on_change_password_dialog_password_changed
        )
        self.change_password_dialog.open()

    def _on_change_password_dialog_password_changed(self) -> None:
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Your password has been changed."),
            STATUS_MESSAGE_MS,
        )

    def _on_security_tools_action_triggered(self) -> None:
        self.security_tools_dialog = SecurityToolsDialog(
            self._logged_in, self._language, parent=self
        )
        self.security_tools_dialog.open()

    def _on_relogin_action_triggered(self) -> None:
        if not self._may_leave_current_panel():
            return
        self._leave_confirmed = True
        self._save_layout()
        self.relogin_requested.emit()

    def _on_personal_settings_action_triggered(self) -> None:
        self.settings_dialog = SettingsDialog(
            self._logged_in,
            self._language,
            current=self.preferences,
            settings=self._settings,
            parent=self,
        )
        self.settings_dialog.preferences_saved.connect(self.apply_preferences)
        self.settings_dialog.open()

    def _on_about_action_triggered(self) -> None:
        self.about_dialog = AboutDialog(self._logged_in.engine, self._language, parent=self)
        self.about_dialog.open()

    def _warn(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("MainWindow", "MediaCRM"),
            message,
            parent=self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # Closing.

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leave_confirmed and not self._may_leave_current_panel():
            event.ignore()
            return
        self._leave_confirmed = True
        self._save_layout()
        self.clock_timer.stop()
        self.shortcut_panel.refresh_timer.stop()
        super().closeEvent(event)
        self.closed.emit()
