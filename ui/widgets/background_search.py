"""Searches asked as the user types and answered in the background (ui/background.py), so
that a slow one (a million customers' names, until they have an index) never freezes the
window: asked after a pause in typing, and only the answer to the latest text is told."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from ui.background import WorkerSignals, start

DELAY_MS = 250  # typing pauses this long before a search is asked
_pool: QThreadPool | None = None


def search_pool() -> QThreadPool:
    """The searches' own threads: a search never waits behind a login that waits for its
    server, or other slow work in Qt's global pool."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


class BackgroundSearch(QObject):
    """`ask(text)` as the user types; `found(answer)` or `failed(error)` for the latest text."""

    found = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        search: Callable[[str], Any],
        parent: QObject | None = None,
        *,
        delay_ms: int = DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._text = ""
        self._asked = 0  # searches started; only the last one's answer is told
        self._running: dict[int, WorkerSignals] = {}  # kept until they answer
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(lambda: self.ask_now(self._text))

    def ask(self, text: str) -> None:
        """Search for `text` once typing pauses."""
        self._text = text
        self.timer.start()

    def ask_now(self, text: str) -> None:
        self.timer.stop()
        self._text = text
        self._asked += 1
        number, search = self._asked, self._search

        def answer() -> tuple[int, object]:
            try:
                return number, search(text)
            except Exception as error:  # told by `failed`, if still the latest
                return number, error

        self._running[number] = start(answer, self._on_answered, self.failed.emit, search_pool())

    def _on_answered(self, answered: tuple[int, object]) -> None:
        number, answer = answered
        self._running.pop(number, None)
        if number != self._asked:
            return  # a later search is on its way
        if isinstance(answer, Exception):
            self.failed.emit(answer)
        else:
            self.found.emit(answer)
