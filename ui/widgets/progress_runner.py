"""Long work off the GUI thread behind a progress dialog with Cancel (an export of a big
list, a print run): the window stays alive, the result or the error arrives by signal.

The work gets a `Progress`: it reports how far it is with `advance(n)` and calls
`check_cancelled()` between steps, which raises CancelledError once the user pressed Cancel.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import CancelledError
from ui import background

SHOW_AFTER_MS = 300


class Progress(QObject):
    """What the work sees of the dialog; safe to use from the worker thread."""

    advanced = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self._cancelled = threading.Event()
        self._done = 0

    def advance(self, count: int = 1) -> None:
        self._done += count
        self.advanced.emit(self._done)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check_cancelled(self) -> None:
        if self._cancelled.is_set():
            raise CancelledError()


class ProgressRunner(QObject):
    """Run `work(progress)` in the background; `succeeded(result)` or `failed(error)` come
    back in the GUI thread. `total` sets the bar's length (None: it only shows it works)."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        title: str,
        label: str,
        work: Callable[[Progress], Any],
        total: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.progress = Progress()
        self.dialog = QProgressDialog(parent)  # Qt's own Cancel button, in the user's language
        self.dialog.setLabelText(label)
        self.dialog.setRange(0, max(total or 0, 0))
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.progress.cancel)
        self.progress.advanced.connect(self._on_progress_advanced)
        self._total = total
        self._work = work
        self._signals: background.WorkerSignals | None = None

    def start(self) -> None:
        self.dialog.setValue(0)
        progress, work = self.progress, self._work
        self._signals = background.start(
            lambda: work(progress), self._on_work_succeeded, self._on_work_failed
        )

    def _on_progress_advanced(self, done: int) -> None:
        if self._total:
            self.dialog.setValue(min(done, self._total))

    def _on_work_succeeded(self, result: Any) -> None:
        self.dialog.close()
        self.succeeded.emit(result)

    def _on_work_failed(self, error: Exception) -> None:
        self.dialog.close()
        self.failed.emit(error)
