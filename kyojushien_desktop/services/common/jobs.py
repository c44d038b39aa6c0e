"""Long work (imports, exports, reports, packages) reports progress and can be cancelled, without
knowing about Qt: a service takes a ``Progress`` and calls ``step`` now and then; the GUI's runner
(``ui/common/jobs``) shows it in a progress dialog with キャンセル, the CLI passes ``NO_PROGRESS``.

Cancelling raises ``Cancelled`` from inside the work at its next ``step``: a write job does its
writes in one ``atomic()``, so a cancelled job leaves the file exactly as it was.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Cancelled(Exception):
    """The user pressed キャンセル; nothing was written (or the partial file was removed)."""


class Progress:
    """Counts done of total for the current stage; ``step`` also checks for cancel.

    ``on_report`` (the GUI's) is called at most every ``interval`` seconds, so a loop over 10,000
    rows may call ``step`` on every row at no cost.
    """

    def __init__(self, on_report: Callable[[str, int, int], None] | None = None, interval: float = 0.05) -> None:
        self._on_report = on_report
        self._interval = interval
        self._last = 0.0
        self._cancel = threading.Event()
        self.stage = ""
        self.done = 0
        self.total = 0

    def begin(self, stage: str, total: int = 0) -> None:
        """A new stage (「行を確かめています」), with its number of steps (0 when unknown)."""
        self.stage, self.done, self.total = stage, 0, total
        self._report(force=True)

    def step(self, count: int = 1) -> None:
        """``count`` more steps done; raises ``Cancelled`` once cancel was asked for."""
        self.done += count
        if self._cancel.is_set():
            raise Cancelled
        self._report()

    def check(self) -> None:
        """Raises ``Cancelled`` once cancel was asked for."""
        if self._cancel.is_set():
            raise Cancelled

    def cancel(self) -> None:
        """Asks the work to stop at its next ``step`` (any thread)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report(self, force: bool = False) -> None:
        if self._on_report is None:
            return
        now = time.monotonic()
        if force or now - self._last >= self._interval:
            self._last = now
            self._on_report(self.stage, self.done, self.total)


NO_PROGRESS = Progress()
