"""Translations: every `*_zh_CN.qm` of the translations folder is loaded (each screen area
has its own file) together with Qt's own; each string of the login screens has its Chinese
text; a Chinese font is used on Linux."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from ui import fonts, i18n

OUR_TS = i18n.I18N_DIR / "mediacrm_zh_CN.ts"
ANOTHER_AREA_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>SecurityPanel</name>
<message><source>Users</source><translation>用户</translation></message>
</context>
</TS>
"""


@pytest.fixture
def restored_locale() -> Iterator[None]:
    previous = QLocale()
    yield
    QLocale.setDefault(previous)


def test_every_chinese_file_and_qts_own_translation_are_loaded(
    qapp: QApplication, tmp_path: Path, restored_locale: None
) -> None:
    shutil.copy(OUR_TS, tmp_path)
    (tmp_path / "security_zh_CN.ts").write_text(ANOTHER_AREA_TS, encoding="utf-8")

    translators = i18n.install_translators(qapp, "zh_CN", tmp_path)
    try:
        assert sorted(path.name for path in tmp_path.glob("*.qm")) == [
            "mediacrm_zh_CN.qm",
            "security_zh_CN.qm",
        ], "missing .qm files are compiled at start"
        assert QCoreApplication.translate("LoginDialog", "Log in") == "登录"
        assert QCoreApplication.translate("SecurityPanel", "Users") == "用户"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        i18n.remove_translators(qapp, translators)
    assert QCoreApplication.translate("LoginDialog", "Log in") == "Log in"


def test_english_needs_no_translation_file(
    qapp: QApplication, tmp_path: Path, restored_locale: None
) -> None:
    shutil.copy(OUR_TS, tmp_path)
    translators = i18n.install_translators(qapp, "en", tmp_path)
    try:
        assert QCoreApplication.translate("LoginDialog", "Log in") == "Log in"
    finally:
        i18n.remove_translators(qapp, translators)
    assert not list(tmp_path.glob("*.qm"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux picks its CJK font")
def test_a_chinese_font_is_used_on_linux(qapp: QApplication) -> None:
    previous = qapp.font()
    family = fonts.use_cjk_font(qapp)
    try:
        if family is None and os.environ.get("CI") != "true":
            pytest.skip("no CJK font installed (fonts-wqy-microhei)")
        assert family in qapp.font().families()
        assert QFontMetrics(QFont(family)).inFontUcs4(ord("登"))
    finally:
        qapp.setFont(previous)
