"""Background work where only the latest request matters (a page recomputing what the user chose last).

One computation runs at a time (gui/tasks.py, off the GUI thread); a request made meanwhile waits,
replacing any request still waiting, and the result of a request superseded while it ran is
dropped, so a slow answer for a period the user has already left never reaches the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from gui.tasks import Cancelled, Progress, Task, run_task


class LatestTask(QObject):
    """Runs ``request``-ed functions in the background; ``done``/``failed`` only for the latest one."""

    done = Signal(object)  # the latest request's result
    failed = Signal(object)  # the latest request's exception

    def __init__(self, parent: QWidget, label: str) -> None:
        super().__init__(parent)
        self._parent, self._label = parent, label
        self._task: Task | None = None
        self._serial = 0  # every request supersedes those before it (the data may have changed meanwhile)
        self._running = 0
        self._wanted: tuple[int, Callable[[], Any]] | None = None

    def request(self, fn: Callable[[], Any]) -> None:
        """Compute ``fn()`` off the GUI thread after the computation running now, if any."""
        self._serial += 1
        self._wanted = (self._serial, fn)
        if self._task is None:
            self._start()

    def busy(self) -> bool:
        """True from a request until its result (or error) has been delivered."""
        return self._wanted is not None

    def _start(self) -> None:
        assert self._wanted is not None
        self._running, fn = self._wanted

        def work(_progress: Progress, _cancelled: Cancelled) -> Any:
            return fn()

        # No progress dialog: it is modal, and the user must stay free to choose again meanwhile.
        self._task = run_task(
            self._parent, self._label, work, self._on_done, self._on_error, cancellable=False, show_after_ms=None
        )

    def _finished_latest(self) -> bool:
        """Forget the task that ended; start the waiting request if the user moved on meanwhile."""
        if self._task is not None:
            self._task.deleteLater()
        self._task = None
        if self._wanted is not None and self._wanted[0] != self._running:
            self._start()
            return False
        self._wanted = None
        return True

    def _on_done(self, result: object) -> None:
        if self._finished_latest():
            self.done.emit(result)

    def _on_error(self, exc: object) -> None:
        if self._finished_latest():
            self.failed.emit(exc)
