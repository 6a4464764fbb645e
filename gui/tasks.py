"""Running long work off the GUI thread, with a progress dialog that appears only if it takes a while.

Work functions are plain Python (from storage/ or reports/) taking ``progress(done, total)`` and
``cancelled()`` callbacks; results and exceptions come back to the GUI thread by signal.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

# SQLite allows one writer: database writes from tasks run one at a time.
WRITE_LOCK = threading.Lock()


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(
        self, fn: Callable[[Progress, Cancelled], Any], signals: _Signals, cancel: threading.Event, writes: bool
    ) -> None:
        super().__init__()
        self.fn, self.signals, self.cancel, self.writes = fn, signals, cancel, writes

    def run(self) -> None:
        try:
            if self.writes:
                with WRITE_LOCK:
                    result = self.fn(self._progress, self.cancel.is_set)
            else:
                result = self.fn(self._progress, self.cancel.is_set)
        except BaseException as exc:
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.finished, result)

    def _progress(self, done: int, total: int) -> None:
        self._emit(self.signals.progress, done, total)

    @staticmethod
    def _emit(signal: Any, *args: object) -> None:
        # The window (and the task's signal object) may be gone when the work ends, e.g. the user
        # closed the application while the dashboard was computing: the result has no one to go to.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)


class Task(QObject):
    """One piece of background work; connect ``done``/``error`` before calling ``start``."""

    done = Signal(object)
    error = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        label: str,
        fn: Callable[[Progress, Cancelled], Any],
        *,
        writes: bool = False,
        cancellable: bool = True,
        show_after_ms: int | None = 500,
    ) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._runnable = _Runnable(fn, self._signals, self._cancel, writes)
        self._runnable.setAutoDelete(False)
        self._dialog = QProgressDialog(label, self.tr("Hủy") if cancellable else "", 0, 0, parent)
        self._dialog.setWindowTitle(self.tr("Đang xử lý"))
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(2**31 - 1)  # shown by our timer only, never by Qt's estimate
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)
        if not cancellable:
            self._dialog.setCancelButton(None)
        self._dialog.canceled.connect(self._cancel.set)
        self._dialog.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._maybe_show)
        self._show_after = show_after_ms
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self.running = False

    def start(self) -> None:
        self.running = True
        if self._show_after is not None:  # None: the caller shows its own "working" state, no dialog
            self._timer.start(self._show_after)
        QThreadPool.globalInstance().start(self._runnable)

    def cancel(self) -> None:
        self._cancel.set()

    def _maybe_show(self) -> None:
        if self.running:
            self._dialog.show()

    def _on_progress(self, done: int, total: int) -> None:
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total else 0)

    def _close(self) -> None:
        self.running = False
        self._timer.stop()
        self._dialog.hide()
        self._dialog.deleteLater()

    def _on_finished(self, result: object) -> None:
        self._close()
        self.done.emit(result)

    def _on_failed(self, exc: object) -> None:
        self._close()
        self.error.emit(exc)


def run_task(
    parent: QWidget,
    label: str,
    fn: Callable[[Progress, Cancelled], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    writes: bool = False,
    cancellable: bool = True,
    show_after_ms: int | None = 500,
) -> Task:
    """Start ``fn`` in the thread pool and route its outcome to the callbacks on the GUI thread.

    ``show_after_ms=None`` never shows the modal progress dialog (work the page shows itself).
    """
    task = Task(parent, label, fn, writes=writes, cancellable=cancellable, show_after_ms=show_after_ms)
    task.done.connect(on_done)
    task.error.connect(on_error)
    task.start()
    return task
