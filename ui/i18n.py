"""Qt Linguist translations: every `*_<language>.qm` of resources/i18n, plus Qt's own.

Each screen area keeps its own .ts file (mediacrm_zh_CN.ts, security_zh_CN.ts, …); all of a
language's .qm files are loaded. The source strings are English, so "en" needs no file.

.qm files are build products: `make translations` compiles them, and `make run`, `make test`
and `make screenshots` depend on it. A checkout started another way compiles a missing or
outdated .qm itself when pyside6-lrelease is installed (it comes with PySide6); when it is
not, or the folder is read-only, the program logs a warning and shows that file's screens
with their English source strings. A missing translation never stops the program.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
LRELEASE = "pyside6-lrelease"
LRELEASE_TIMEOUT_SECONDS = 60


def install_translators(
    app: QCoreApplication, language: str, directory: Path = I18N_DIR
) -> list[QTranslator]:
    """Install the translators for `language`; returns them, so they can be removed again."""
    QLocale.setDefault(QLocale(language))
    compile_outdated(directory, language)
    translators = []
    for path in sorted(directory.glob(f"*_{language}.qm")):
        translator = QTranslator(app)
        if translator.load(str(path)):
            translators.append(translator)
        else:
            log.warning("cannot load the translation %s", path)
    qt_translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{language}", qt_folder):
        translators.append(qt_translator)
    elif language != "en":
        log.warning("Qt's own translation qtbase_%s is missing in %s", language, qt_folder)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def compile_outdated(directory: Path, language: str) -> None:
    """Compile each `*_<language>.ts` whose .qm is missing or older, if lrelease is at hand."""
    for source in sorted(directory.glob(f"*_{language}.ts")):
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        lrelease = _find_lrelease()
        if lrelease is None:
            log.warning("%s is outdated or missing and %s is not installed", target, LRELEASE)
            return
        _compile(lrelease, source, target)


def _find_lrelease() -> str | None:
    beside_python = Path(sys.executable).parent / LRELEASE
    return str(beside_python) if beside_python.is_file() else shutil.which(LRELEASE)


def _compile(lrelease: str, source: Path, target: Path) -> None:
    try:
        result = subprocess.run(
            [lrelease, "-silent", str(source), "-qm", str(target)],
            capture_output=True,
            text=True,
            timeout=LRELEASE_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("cannot compile %s: %s", source, exc)
        return
    if result.returncode != 0:
        log.warning("cannot compile %s: %s", source, result.stderr.strip())
