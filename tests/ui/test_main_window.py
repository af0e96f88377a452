"""Starting the program: the local database is created and migrated on first start, and the
main window shows the six menus of SPEC §3.2, the logged-in user and the database in use."""

from __future__ import annotations

from pathlib import Path

import pytest
from login_people import PASSWORD, add_people
from pytestqt.qtbot import QtBot

from app import auth, config, login_flow
from ui.main_window import MENU_TITLES, MainWindow


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.CONFIG_DIR_ENV_VAR, str(tmp_path / "config"))
    monkeypatch.setenv(config.DATA_DIR_ENV_VAR, str(tmp_path / "data"))
    monkeypatch.delenv(config.DB_ENV_VAR, raising=False)


def test_first_start_creates_and_migrates_the_local_database(tmp_path: Path) -> None:
    url = config.resolve_database_url()
    assert login_flow.prepare_database(url), "a new database has no administrator yet"
    assert (tmp_path / "data" / "mediacrm.db").exists()


def test_main_window_shows_the_menus_the_user_and_the_database(qtbot: QtBot) -> None:
    url = config.resolve_database_url()
    login_flow.prepare_database(url)
    add_people(url, {"admin": ("admin", True)})
    logged_in = auth.login(url, "admin", PASSWORD, login_flow.upgrade_command(url))
    try:
        window = MainWindow(logged_in, "en")
        qtbot.addWidget(window)
        window.show()
        titles = [action.text() for action in window.menuBar().actions()]
        assert titles == list(MENU_TITLES)
        assert "Administrator" in window.user_label.text()
        assert "mediacrm.db" in window.database_label.text()
    finally:
        logged_in.close()


@pytest.mark.parametrize(
    ("username", "role", "entries"),
    [
        ("admin", "admin", ["Security tools…", "Employees", "Permissions", "Log review"]),
        ("zhao", "decision_maker", ["Employees", "Permissions", "Log review"]),
        ("wang", "staff", ["Employees"]),
    ],
)
def test_system_settings_offers_what_the_role_may_use(
    qtbot: QtBot, username: str, role: str, entries: list[str]
) -> None:
    url = config.resolve_database_url()
    login_flow.prepare_database(url)
    add_people(url, {username: (role, True)})
    logged_in = auth.login(url, username, PASSWORD, login_flow.upgrade_command(url))
    try:
        window = MainWindow(logged_in, "en")
        qtbot.addWidget(window)
        assert list(window.settings_actions) == entries
        window.settings_actions["Employees"].trigger()
        assert type(window.centralWidget()).__name__ == "EmployeesPanel"
        assert window.windowTitle() == "MediaCRM — Employees"
        if "Log review" in entries:
            window.settings_actions["Log review"].trigger()
            assert type(window.centralWidget()).__name__ == "AuditPanel"
    finally:
        logged_in.close()
