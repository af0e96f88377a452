"""Every screen area's Linguist file holds every string of its sources, each translated,
under the context the code uses; and every source that has strings belongs to one area.

The areas and their sources are the Makefile's (TS_AREAS, <area>_TS_SOURCES), the same lists
`make translations-update` refreshes the files from."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui import i18n

ROOT = Path(__file__).resolve().parent.parent.parent
TRANSLATED_CALL = re.compile(r"QCoreApplication\.translate\(|QT_TRANSLATE_NOOP\(")


def makefile_variable(name: str) -> list[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    match = re.search(rf"^{name} := (.*)$", makefile, re.MULTILINE)
    assert match is not None, f"the Makefile defines no {name}"
    return match.group(1).split()


AREAS = makefile_variable("TS_AREAS")


def messages(path: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → translation, None when unfinished."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and not translation.get("type")
            text = translation.text if finished and translation is not None else None
            found[(name, message.findtext("source") or "")] = text
    return found


@pytest.mark.parametrize("area", AREAS)
def test_every_string_of_the_area_has_its_chinese_text(area: str, tmp_path: Path) -> None:
    extracted = tmp_path / f"{area}_zh_CN.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [
            str(lupdate),
            "-no-obsolete",
            *makefile_variable(f"{area}_TS_SOURCES"),
            "-ts",
            str(extracted),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    ours = messages(i18n.I18N_DIR / f"{area}_zh_CN.ts")
    assert set(messages(extracted)) == set(ours)
    assert [key for key, translation in ours.items() if not translation] == []
    # A string lupdate files under no context is never found at run time.
    assert [source for context, source in ours if not context] == []


def test_every_source_with_strings_belongs_to_one_area() -> None:
    listed = [source for area in AREAS for source in makefile_variable(f"{area}_TS_SOURCES")]
    assert len(listed) == len(set(listed)), "a source is listed in two areas"
    with_strings = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "ui").rglob("*.py")
        if TRANSLATED_CALL.search(path.read_text(encoding="utf-8"))
    }
    assert with_strings - set(listed) == set()
