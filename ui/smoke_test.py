"""`mediacrm --smoke-test [--screenshot PATH] [--lang zh_CN|en]`: does the installed program
work here? The packaged build runs the same check.

On a temporary SQLite database with a temporary administrator it logs in, opens the main
window, triggers every menu item and opens every panel (closing the dialogs it opens),
saves a PNG of the main window at 1280×800 if asked, and exits 0 — or 1, naming what failed
(under zh_CN also "no CJK font found"). Without a display it runs offscreen. It never
touches the user's own settings, database or keyring, so `--lang` changes nothing saved.

Its messages are for whoever packages or installs the program, in English, on stderr.
"""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QAction, QFont, QFontDatabase, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu
from sqlalchemy.engine import URL

from app import auth, config, login_flow
from app.auth import LoggedIn
from ui import fonts, i18n, modules
from ui.main_window import MainWindow

LANGUAGES = ("zh_CN", "en")
SIZE = (1280, 800)
TIME_LIMIT_S = 55  # the promise is 60 s; the watchdog leaves room to say what hung
POLL_MS = 100
USERNAME = "smoke_test"
DISPLAY_NAME = "冒烟测试"
CJK_SAMPLE = "客户关系管理"
# Commands that end the session: triggered last, on purpose.
LAST_COMMANDS = ("relogin", "exit")
EXIT_FAILED = 1
EXIT_TIMED_OUT = 3

log = logging.getLogger(__name__)


class SmokeTestFailure(Exception):
    """What failed, in words for the person running the check."""


def main(argv: Sequence[str]) -> int:
    args = parse_arguments(argv)
    use_offscreen_without_display()
    with temporary_folders() as folder:
        try:
            checked = SmokeTest(args.lang, args.screenshot, folder).run()
        except SmokeTestFailure as failure:
            print(f"smoke test failed: {failure}", file=sys.stderr)
            return EXIT_FAILED
    print(f"smoke test passed: {checked}")
    return 0


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="mediacrm --smoke-test")
    parser.add_argument("--smoke-test", action="store_true", help="run this check")
    parser.add_argument("--screenshot", type=Path, metavar="PATH", help="save a PNG here")
    parser.add_argument("--lang", choices=LANGUAGES, default="zh_CN")
    return parser.parse_args(list(argv))


def use_offscreen_without_display() -> None:
    """Linux without X11 or Wayland (a build server): Qt's offscreen platform."""
    if not sys.platform.startswith("linux") or "QT_QPA_PLATFORM" in os.environ:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


@contextmanager
def temporary_folders() -> Iterator[Path]:
    """Settings and data in a temporary folder: the user's own stay untouched."""
    names = (config.CONFIG_DIR_ENV_VAR, config.DATA_DIR_ENV_VAR, config.DB_ENV_VAR)
    saved = {name: os.environ.get(name) for name in names}
    with tempfile.TemporaryDirectory(prefix="mediacrm-smoke-") as folder:
        os.environ[config.CONFIG_DIR_ENV_VAR] = str(Path(folder) / "config")
        os.environ[config.DATA_DIR_ENV_VAR] = str(Path(folder) / "data")
        os.environ.pop(config.DB_ENV_VAR, None)
        try:
            yield Path(folder)
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def cjk_font(app: QGuiApplication) -> str | None:
    """An installed font that draws Simplified Chinese, as the program would use it."""
    family = fonts.use_cjk_font(app)
    if family is None and not sys.platform.startswith("linux"):
        # Windows and macOS: Qt falls back to the system's own Chinese fonts.
        found = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        family = found[0] if found else None
    if family is None:
        return None
    metrics = QFontMetrics(QFont(family))
    return family if all(metrics.inFontUcs4(ord(char)) for char in CJK_SAMPLE) else None


class SmokeTest:
    def __init__(self, language: str, screenshot: Path | None, folder: Path) -> None:
        self.language = language
        self.screenshot = screenshot
        self.folder = folder
        self.step = "starting"
        self.problems: list[str] = []
        self.dialogs_closed = 0
        self.triggered: list[str] = []

    def run(self) -> str:
        app = QApplication.instance() or QApplication([sys.argv[0]])
        assert isinstance(app, QApplication)
        qInstallMessageHandler(self._on_qt_message)
        previous_hook = sys.excepthook
        sys.excepthook = self._on_uncaught_exception
        started = time.monotonic()
        watchdog = QTimer()
        watchdog.setSingleShot(True)
        watchdog.timeout.connect(self._on_watchdog_timeout)
        watchdog.start(TIME_LIMIT_S * 1000)
        closer = QTimer()
        closer.timeout.connect(self._close_dialogs)
        closer.start(POLL_MS)
        try:
            self._check(app)
        finally:
            closer.stop()
            watchdog.stop()
            sys.excepthook = previous_hook
            qInstallMessageHandler(None)
        seconds = time.monotonic() - started
        return (
            f"{len(self.triggered)} menu items, {self.dialogs_closed} dialogs closed, "
            f"{self.language}, {seconds:.1f} s"
        )

    # The steps.

    def _check(self, app: QApplication) -> None:
        with self._doing("loading the translations"):
            i18n.install_translators(app, self.language)
        with self._doing("looking for a Chinese font"):
            family = cjk_font(app)
        if self.language == "zh_CN" and family is None:
            raise SmokeTestFailure(
                "no CJK font found (install fonts-wqy-microhei or fonts-noto-cjk)"
            )
        logged_in = self._log_in()
        try:
            window = self._open_window(logged_in)
            if self.screenshot is not None:
                self._save_screenshot(window)
            self._trigger_every_item(window)
            self._end_session(window)
        finally:
            self._log_out(logged_in)

    def _log_in(self) -> LoggedIn:
        password = "Smoke-" + secrets.token_urlsafe(16)
        with self._doing("creating the temporary database"):
            url: URL = config.resolve_database_url()
            login_flow.prepare_database(url)
            login_flow.create_first_administrator(url, USERNAME, password, password, DISPLAY_NAME)
        with self._doing("logging in"):
            return auth.login(url, USERNAME, password, login_flow.upgrade_command(url))

    def _open_window(self, logged_in: LoggedIn) -> MainWindow:
        with self._doing("opening the main window"):
            window = MainWindow(logged_in, self.language)
            window.resize(*SIZE)
            window.show()
            self._wait_until(lambda: not window.shortcut_panel.is_loading(), "the shortcut panel")
            self._settle()
        if window.shortcut_panel.problem_label.isVisible():
            raise SmokeTestFailure(
                f"the shortcut panel could not load: {window.shortcut_panel.problem_label.text()}"
            )
        return window

    def _save_screenshot(self, window: MainWindow) -> None:
        assert self.screenshot is not None
        with self._doing(f"saving the screenshot {self.screenshot}"):
            self.screenshot.parent.mkdir(parents=True, exist_ok=True)
            image = window.grab().toImage()
            if (image.width(), image.height()) != SIZE:
                raise SmokeTestFailure(
                    f"the window is {image.width()}×{image.height()}, not {SIZE[0]}×{SIZE[1]}"
                )
            if not image.save(str(self.screenshot), "PNG"):  # type: ignore[call-overload]
                raise SmokeTestFailure(f"cannot write {self.screenshot}")

    def _trigger_every_item(self, window: MainWindow) -> None:
        for action, name in self._menu_items(window):
            key = action.objectName().removesuffix("_action")
            if key in LAST_COMMANDS:
                continue
            with self._doing(f"the menu item {name}"):
                action.trigger()
                self._settle()
                self.triggered.append(name)
            entry = window._modules.get(key)
            if entry is None or entry.is_command:
                continue
            shown = modules.module(entry.opens) if entry.opens else entry
            panel = window.current_panel()
            if window.current_module != shown or panel is None or not panel.isVisible():
                raise SmokeTestFailure(f"the menu item {name} did not open its panel")

    def _menu_items(self, window: MainWindow) -> list[tuple[QAction, str]]:
        """Every action of every menu, submenus included, with its path for messages."""
        items: list[tuple[QAction, str]] = []

        def walk(menu: QMenu, path: str) -> None:
            for action in menu.actions():
                if action.isSeparator():
                    continue
                name = f"{path} → {action.text()}"
                submenu = action.menu()
                if isinstance(submenu, QMenu):
                    walk(submenu, name)
                else:
                    items.append((action, name))

        for menu in window.menus.values():
            walk(menu, menu.title())
        return items

    def _end_session(self, window: MainWindow) -> None:
        relogins: list[bool] = []
        window.relogin_requested.connect(lambda: relogins.append(True))
        with self._doing("File → Log in again"):
            window.relogin_action.trigger()
            self._settle()
        if relogins != [True]:
            raise SmokeTestFailure("File → Log in again did not ask for a new login")
        with self._doing("File → Exit"):
            window.exit_action.trigger()
            self._settle()
        if window.isVisible():
            raise SmokeTestFailure("File → Exit did not close the main window")

    def _log_out(self, logged_in: LoggedIn) -> None:
        QThreadPool.globalInstance().waitForDone(10_000)
        login_flow.log_out(logged_in)

    # Helpers.

    @contextmanager
    def _doing(self, step: str) -> Iterator[None]:
        """Name the step for the messages; an exception or a Qt error in it fails the check."""
        self.step = step
        try:
            yield
        except SmokeTestFailure:
            raise
        except Exception as exc:
            raise SmokeTestFailure(f"{step}: {type(exc).__name__}: {exc}") from exc
        if self.problems:
            problems, self.problems = "; ".join(self.problems), []
            raise SmokeTestFailure(f"{step}: {problems}")

    def _settle(self) -> None:
        for _ in range(3):
            QApplication.processEvents()
        self._close_dialogs()
        QApplication.processEvents()

    def _wait_until(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + TIME_LIMIT_S
        while not condition():
            if time.monotonic() > deadline:
                raise SmokeTestFailure(f"{self.step}: {what} did not finish")
            QApplication.processEvents()
            time.sleep(POLL_MS / 1000 / 10)

    def _close_dialogs(self) -> None:
        """Close every dialog and help window the menu items opened (modal ones too: this
        also runs from a timer inside their event loop)."""
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and isinstance(widget, QDialog):
                widget.reject()
                self.dialogs_closed += 1
            elif widget.isVisible() and not isinstance(widget, QMainWindow):
                widget.close()
                self.dialogs_closed += 1
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.close()

    def _on_qt_message(self, kind: QtMsgType, _context: object, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg) or "Ambiguous" in message:
            self.problems.append(f"Qt: {message}")
        elif kind == QtMsgType.QtWarningMsg and "This plugin does not support" not in message:
            print(f"note: Qt: {message}", file=sys.stderr)

    def _on_uncaught_exception(
        self, kind: type[BaseException], value: BaseException, tb: Any
    ) -> None:
        """An exception in a slot: Qt goes on, the check does not."""
        self.problems.append(f"{kind.__name__}: {value}")
        log.error("uncaught exception during %s", self.step, exc_info=(kind, value, tb))

    def _on_watchdog_timeout(self) -> None:
        print(
            f"smoke test failed: no answer within {TIME_LIMIT_S} s while {self.step}",
            file=sys.stderr,
        )
        sys.stderr.flush()
        os._exit(EXIT_TIMED_OUT)
