"""Fixtures for the Qt tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ui import i18n


@pytest.fixture
def chinese(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """The program's Chinese translations, compiled from its .ts files into the test's folder
    and installed for the test (`pytestmark = pytest.mark.usefixtures("chinese")`)."""
    folder = tmp_path / "i18n"
    folder.mkdir()
    for source in i18n.I18N_DIR.glob("*_zh_CN.ts"):
        shutil.copy(source, folder)
    translators = i18n.install_translators(qapp, "zh_CN", folder)
    try:
        yield
    finally:
        i18n.remove_translators(qapp, translators)
