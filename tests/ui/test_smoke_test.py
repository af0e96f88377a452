"""`mediacrm --smoke-test`, run as the packaged build runs it: a separate process without a
display, which exits 0 after opening every menu item — or non-zero, saying what failed."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app import config
from ui import fonts

ROOT = Path(__file__).resolve().parent.parent.parent
TIME_LIMIT_S = 60
# A fontconfig setup that knows no font folder: the program finds no font at all.
NO_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def smoke_test(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, with no display and the user's folders in
    `tmp_path` (so a test sees whether it wrote to them)."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", config.DB_ENV_VAR)
    }
    environment[config.CONFIG_DIR_ENV_VAR] = str(tmp_path / "config")
    environment[config.DATA_DIR_ENV_VAR] = str(tmp_path / "data")
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--smoke-test", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT_S + 15,
        check=False,
    )


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n" and header[12:16] == b"IHDR"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_the_smoke_test_passes_in_chinese_and_saves_the_screenshot(
    qapp: QApplication, tmp_path: Path
) -> None:
    if fonts.use_cjk_font(qapp) is None and os.environ.get("CI") != "true":
        pytest.skip("no CJK font installed (fonts-wqy-microhei)")
    screenshot = tmp_path / "shots" / "main_window.png"
    result = smoke_test(tmp_path, "--screenshot", str(screenshot), "--lang", "zh_CN")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("smoke test passed: ")
    assert png_size(screenshot) == (1280, 800)


def test_the_language_chosen_for_the_smoke_test_changes_no_saved_setting(
    tmp_path: Path,
) -> None:
    settings = tmp_path / "config" / "settings.json"
    settings.parent.mkdir()
    settings.write_text(json.dumps({"language": "zh_CN", "last_username": "wang"}), "utf-8")
    before = settings.read_text("utf-8")
    result = smoke_test(tmp_path, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert ", en, " in result.stdout  # "smoke test passed: … menu items, … dialogs closed, en, …"
    assert settings.read_text("utf-8") == before
    assert not (tmp_path / "data").exists(), "its database was a temporary one"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig is Linux's")
def test_without_a_chinese_font_the_smoke_test_fails_and_says_so(tmp_path: Path) -> None:
    conf = tmp_path / "fonts.conf"
    conf.write_text(NO_FONTS_CONF.format(cache=tmp_path / "font-cache"), "utf-8")
    result = smoke_test(tmp_path, "--lang", "zh_CN", FONTCONFIG_FILE=str(conf))
    assert result.returncode != 0
    assert "smoke test failed: no CJK font found" in result.stderr
