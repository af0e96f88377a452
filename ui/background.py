"""Slow work off the GUI thread: a login that may wait 10 s for a server, password hashing.

`start` runs a plain function in Qt's global thread pool and reports through signals. The
caller connects methods of its own widgets, so the results arrive in the GUI thread; the
function never touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class WorkerSignals(QObject):
    """How a worker reports: the function's result, or the exception it raised."""

    succeeded = Signal(object)
    failed = Signal(object)


class Worker(QRunnable):
    def __init__(self, function: Callable[[], Any]) -> None:
        super().__init__()
        # Created here, in the GUI thread, so that queued signals reach GUI-thread receivers.
        self.signals = WorkerSignals()
        self._function = function

    def run(self) -> None:
        try:
            result = self._function()
        except Exception as exc:  # the receiver tells expected errors from bugs
            self.signals.failed.emit(exc)
            return
        self.signals.succeeded.emit(result)


def start(
    function: Callable[[], Any],
    on_succeeded: Callable[[Any], None],
    on_failed: Callable[[Exception], None],
    pool: QThreadPool | None = None,
) -> WorkerSignals:
    """Run `function` in the background (in `pool`, else Qt's global one). The caller keeps
    the returned signals object until a result arrives: the pool deletes the worker itself
    as soon as the function returns."""
    worker = Worker(function)
    worker.signals.succeeded.connect(on_succeeded)
    worker.signals.failed.connect(on_failed)
    signals = worker.signals
    (pool or QThreadPool.globalInstance()).start(worker)
    return signals
