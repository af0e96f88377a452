"""Starting the program: the local database is created and migrated on first start, and the
main window shows the six menus of SPEC §3.2 and the database in use."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import config
from ui.application import open_database
from ui.main_window import MENU_TITLES, MainWindow


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.CONFIG_DIR_ENV_VAR, str(tmp_path / "config"))
    monkeypatch.setenv(config.DATA_DIR_ENV_VAR, str(tmp_path / "data"))
    monkeypatch.delenv(config.DB_ENV_VAR, raising=False)


def test_first_start_creates_and_migrates_the_local_database(tmp_path: Path) -> None:
    engine, status = open_database(None)
    try:
        assert status.state == "current"
        assert (tmp_path / "data" / "mediacrm.db").exists()
    finally:
        engine.dispose()


def test_main_window_shows_the_menus_and_the_database(qtbot: QtBot, tmp_path: Path) -> None:
    engine, status = open_database(None)
    try:
        window = MainWindow(engine, status)
        qtbot.addWidget(window)
        window.show()
        titles = [action.text() for action in window.menuBar().actions()]
        assert titles == [title for _context, title in MENU_TITLES]
        assert "mediacrm.db" in window.statusBar().currentMessage()
    finally:
        engine.dispose()
