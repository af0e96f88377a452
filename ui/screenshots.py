"""`make screenshots`: the program's screens as docs/screenshots/<name>_<language>.png.

Runs offscreen on a temporary SQLite database with a demo administrator, once per language.
The scenes come from the modules in SCENE_MODULES, each with
`SCENES: list[tuple[str, Callable[[ScreenshotContext], QWidget]]]`; a listed module that does
not exist yet is skipped, so each screen area adds its own module when it is ready.
"""

from __future__ import annotations

import importlib
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
from keyring.backend import KeyringBackend
from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy.engine import URL

from app import auth, config, login_flow
from app.auth import LoggedIn
from ui import fonts, i18n

log = logging.getLogger(__name__)

SCENE_MODULES = [
    "ui.screenshot_scenes_login",
    "ui.screenshot_scenes_security",
    "ui.screenshot_scenes_workspace",
    "ui.screenshot_scenes_customer_tools",
    "ui.screenshot_scenes_customer_work",
    "ui.screenshot_scenes_worklog",
    "ui.screenshot_scenes_search",
]
LANGUAGES = ("zh_CN", "en")
OUTPUT_DIR = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
DEMO_USERNAME = "admin"
DEMO_PASSWORD = "Demo-Passw0rd"
DEMO_DISPLAY_NAME = "王伟"
WAIT_TIMEOUT_MS = 30_000
DEMO_FOLDER = Path(tempfile.gettempdir()) / "MediaCRM"

Scene = Callable[["ScreenshotContext"], QWidget]


@dataclass
class ScreenshotContext:
    """What a scene may use: the demo database, the language, a logged-in demo user."""

    url: URL
    language: str
    username: str = DEMO_USERNAME
    password: str = DEMO_PASSWORD
    _logins: list[LoggedIn] = field(default_factory=list)

    def settings(self) -> config.Settings:
        """Fresh settings for one scene, with the demo user as the last one logged in."""
        return config.Settings(language=self.language, last_username=self.username)

    def login(self) -> LoggedIn:
        logged_in = auth.login(
            self.url, self.username, self.password, login_flow.upgrade_command(self.url)
        )
        self._logins.append(logged_in)
        return logged_in

    def wait_for(self, signal: SignalInstance) -> None:
        """Run the event loop until `signal` fires, e.g. a background login has answered."""
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(WAIT_TIMEOUT_MS, loop.quit)
        loop.exec()

    def close(self) -> None:
        for logged_in in self._logins:
            login_flow.log_out(logged_in)
        self._logins.clear()


class _OfficeKeyring(KeyringBackend):
    """An empty in-memory keyring: the screenshots show the login dialog as on an office PC,
    where the system keyring (Windows Credential Manager) exists."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        pass

    def delete_password(self, service: str, username: str) -> None:
        pass


def load_scenes(module_names: list[str]) -> list[tuple[str, Scene]]:
    scenes: list[tuple[str, Scene]] = []
    for name in module_names:
        try:
            module: Any = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise  # the module exists but is broken: that is a bug to show
            log.info("no scenes yet from %s", name)
            continue
        scenes.extend(module.SCENES)
    return scenes


def render(widget: QWidget, path: Path) -> None:
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(path))
    widget.close()
    widget.deleteLater()


def render_language(
    app: QApplication, url: URL, language: str, scenes: list[tuple[str, Scene]], output: Path
) -> list[Path]:
    translators = i18n.install_translators(app, language)
    context = ScreenshotContext(url, language)
    written = []
    try:
        for name, scene in scenes:
            path = output / f"{name}_{language}.png"
            render(scene(context), path)
            written.append(path)
    finally:
        context.close()
        i18n.remove_translators(app, translators)
    return written


def demo_database() -> URL:
    url = config.resolve_database_url()
    login_flow.prepare_database(url)
    login_flow.create_first_administrator(
        url, DEMO_USERNAME, DEMO_PASSWORD, DEMO_PASSWORD, DEMO_DISPLAY_NAME
    )
    return url


def use_demo_folders() -> Path:
    """Settings and database in a fixed temporary folder: the user's own stay untouched, and
    the paths the screens show are the same in every run."""
    folder = DEMO_FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    os.environ[config.CONFIG_DIR_ENV_VAR] = str(folder / "config")
    os.environ[config.DATA_DIR_ENV_VAR] = str(folder)
    os.environ.pop(config.DB_ENV_VAR, None)
    return folder


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv[:1])
    fonts.use_cjk_font(app)
    keyring.set_keyring(_OfficeKeyring())
    scenes = load_scenes(SCENE_MODULES)
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    folder = use_demo_folders()
    try:
        url = demo_database()
        for language in LANGUAGES:
            for path in render_language(app, url, language, scenes, OUTPUT_DIR):
                print(path.relative_to(OUTPUT_DIR.parent.parent))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
