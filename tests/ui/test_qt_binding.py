"""The Qt binding keeps Python's reference counts: a long session makes millions of Qt calls
and emits, and a binding that loses a reference on each one ends the program."""

from __future__ import annotations

import subprocess
import sys

MANY_CALLS = """
from PySide6.QtCore import QObject, Signal

class Sender(QObject):
    happened = Signal(bool)

sender = Sender()
for _ in range(50_000):
    sender.setObjectName("sender")  # a call returning void
    sender.happened.emit(True)
print("kept")
"""


def test_many_qt_calls_and_emits_keep_none_and_true_alive() -> None:
    finished = subprocess.run(
        [sys.executable, "-c", MANY_CALLS], capture_output=True, text=True, timeout=120
    )
    assert (finished.returncode, finished.stdout.strip()) == (0, "kept"), finished.stderr[-500:]
