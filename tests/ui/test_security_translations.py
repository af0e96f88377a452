"""Every string of the security screens has its Chinese text in security_zh_CN.ts, under the
same context as in the code."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from ui import i18n

ROOT = Path(__file__).resolve().parent.parent.parent
SECURITY_TS = i18n.I18N_DIR / "security_zh_CN.ts"
SOURCES = (
    "ui/security_labels.py",
    "ui/models/employee_model.py",
    "ui/models/user_model.py",
    "ui/models/permission_models.py",
    "ui/models/audit_models.py",
    "ui/panels/employees_panel.py",
    "ui/panels/permissions_panel.py",
    "ui/panels/user_permission_tabs.py",
    "ui/panels/audit_panel.py",
    "ui/dialogs/security_tools_dialog.py",
    "ui/dialogs/security_users_tab.py",
    "ui/dialogs/security_departments_tab.py",
)


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


def test_every_security_screen_string_has_its_chinese_text(tmp_path: Path) -> None:
    extracted = tmp_path / "extracted_zh_CN.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(lupdate), "-no-obsolete", *SOURCES, "-ts", str(extracted)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    ours = messages(SECURITY_TS)
    assert set(messages(extracted)) == set(ours)
    assert [key for key, translation in ours.items() if not translation] == []
