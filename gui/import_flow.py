"""Importing a CSV/Excel file from a register: choose the file, check it, show every problem, then import.

The check (``preview_import``) and the import (``run_import``) both run off the GUI thread; the
import is all-or-nothing, so a cancelled or failed import leaves the database as it was.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from gui.context import AppContext
from gui.dialogs.import_preview import ImportPreviewDialog, kind_label
from gui.errors import show_error
from gui.tasks import Cancelled, Progress, Task, run_task
from gui.widgets.format import fmt_int
from storage.errors import UserError, ValidationError
from storage.importing import ImportResult, preview_import, run_import
from storage.importing.templates import write_template

log = logging.getLogger("commune_desk.gui")

#: Folder of the last file chosen, so the next dialog opens there (per run of the program).
_last_folder: dict[str, str] = {}


def _status(parent: QWidget, text: str) -> None:
    """A message in the status bar: through the page's signal when it has one."""
    signal = getattr(parent, "status_message", None)
    if signal is not None:
        signal.emit(text)
        return
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 8000)


class ImportFlow(QObject):
    """One import from one file: check → preview dialog → import. ``finished`` carries the stored result
    (None when the user stopped, the file was refused or nothing was imported)."""

    finished = Signal(object)

    def __init__(self, parent: QWidget, ctx: AppContext, kind: str, path: Path) -> None:
        super().__init__(parent)
        self.parent_widget, self.ctx, self.kind, self.path = parent, ctx, kind, path
        self.dialog: ImportPreviewDialog | None = None
        self.task: Task | None = None
        self.result: ImportResult | None = None
        self._cancelled: list[Cancelled] = []
        self._rows = 0  # data rows found by the check, shown again if the import finds new problems

    # --- step 1: check ---------------------------------------------------------------------
    def start(self) -> None:
        def work(progress: Progress, cancelled: Cancelled) -> ImportResult:
            self._cancelled.append(cancelled)
            with self.ctx.session() as s:
                return preview_import(s, self.kind, self.path, progress=progress, cancelled=cancelled)

        self.task = run_task(
            self.parent_widget,
            self.tr("Đang kiểm tra tệp {name}…").format(name=self.path.name),
            work,
            self._previewed,
            self._failed,
            writes=True,  # the checks may touch rows inside a rolled-back savepoint
        )

    def _previewed(self, result: ImportResult) -> None:
        self.task = None
        self._rows = result.rows
        self.show_preview(result)

    def show_preview(self, result: ImportResult) -> None:
        """The preview dialog (window-modal, not blocking); confirming it starts the import."""
        dialog = ImportPreviewDialog(self.parent_widget, self.path, result, self.ctx.lang)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._confirmed)
        dialog.rejected.connect(lambda: self._end(None))
        self.dialog = dialog
        dialog.open()

    # --- step 2: import --------------------------------------------------------------------
    def _confirmed(self) -> None:
        self.dialog = None

        def work(progress: Progress, cancelled: Cancelled) -> ImportResult:
            self._cancelled.append(cancelled)
            with self.ctx.session() as s:
                return run_import(
                    s, self.kind, self.path, user_id=self.ctx.user_id, progress=progress, cancelled=cancelled
                )

        self.task = run_task(
            self.parent_widget,
            self.tr("Đang nhập {name}…").format(name=self.path.name),
            work,
            self._imported,
            self._failed,
            writes=True,
            cancellable=True,
        )

    def _imported(self, result: ImportResult) -> None:
        self.task = None
        self.result = result
        self.ctx.notify(self.kind)
        _status(
            self.parent_widget,
            self.tr(
                "Đã nhập {rows} dòng «{kind}»: {created} thêm mới, {updated} cập nhật, {unchanged} giữ nguyên."
            ).format(
                rows=fmt_int(result.rows),
                kind=kind_label(self.kind, self.ctx.lang),
                created=fmt_int(result.created),
                updated=fmt_int(result.updated),
                unchanged=fmt_int(result.unchanged),
            ),
        )
        self._end(result)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        if self._cancelled and self._cancelled[-1]():
            _status(self.parent_widget, self.tr("Đã hủy; chưa lưu dòng nào."))
            self._end(None)
            return
        if isinstance(exc, ValidationError):
            # The file changed between the check and the import: show the new problems the same way.
            self.show_preview(ImportResult(self.kind, self._rows, 0, 0, 0, exc.problems))
            return
        if not isinstance(exc, UserError):
            log.error("import of %s failed", self.path, exc_info=(type(exc), exc, exc.__traceback__))
        show_error(self.parent_widget, exc, self.ctx.lang, self.tr("Không nhập được tệp"))
        self._end(None)

    def _end(self, result: ImportResult | None) -> None:
        self.dialog = None
        self.finished.emit(result)
        self.deleteLater()


def _choose_open(parent: QWidget, kind: str, lang: str) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportFlow", "Chọn tệp để nhập: {kind}").format(kind=kind_label(kind, lang)),
        _last_folder.get("import", QDir.homePath()),
        QCoreApplication.translate(
            "ImportFlow", "Bảng tính Excel hoặc CSV (*.xlsx *.csv);;Excel (*.xlsx);;CSV UTF-8 (*.csv);;Mọi tệp (*)"
        ),
    )
    if not name:
        return None
    path = Path(name)
    _last_folder["import"] = str(path.parent)
    return path


def import_with_preview(
    parent: QWidget, ctx: AppContext, kind: str, path: Path | str | None = None
) -> ImportFlow | None:
    """Ask for a file (unless ``path`` is given), check it in the background and show the preview.

    Returns the running flow (its ``finished`` signal tells the outcome), None when no file was chosen.
    """
    chosen = Path(path) if path is not None else _choose_open(parent, kind, ctx.lang)
    if chosen is None:
        return None
    flow = ImportFlow(parent, ctx, kind, chosen)
    flow.start()
    return flow


def _choose_save(parent: QWidget, kind: str, lang: str) -> Path | None:
    xlsx, csv = (
        QCoreApplication.translate("ImportFlow", "Excel (*.xlsx)"),
        QCoreApplication.translate("ImportFlow", "CSV UTF-8 (*.csv)"),
    )
    suggested = Path(_last_folder.get("template", QDir.homePath())) / QCoreApplication.translate(
        "ImportFlow", "Mẫu nhập - {kind}.xlsx"
    ).format(kind=kind_label(kind, lang))
    name, chosen_filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ImportFlow", "Lưu tệp mẫu: {kind}").format(kind=kind_label(kind, lang)),
        str(suggested),
        f"{xlsx};;{csv}",
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_name(path.name + (".csv" if chosen_filter == csv else ".xlsx"))
    _last_folder["template"] = str(path.parent)
    return path


def save_template(parent: QWidget, ctx: AppContext, kind: str, path: Path | str | None = None) -> Path | None:
    """Write the blank template for ``kind`` (.xlsx with a guide sheet, or .csv); returns where, or None."""
    chosen = Path(path) if path is not None else _choose_save(parent, kind, ctx.lang)
    if chosen is None:
        return None
    try:
        written = write_template(kind, chosen)
    except UserError as exc:
        show_error(parent, exc, ctx.lang)
        return None
    except OSError as exc:
        show_error(
            parent,
            UserError(
                QCoreApplication.translate(
                    "ImportFlow",
                    "Không ghi được tệp {path}: {reason}. Hãy chọn thư mục khác hoặc đóng tệp nếu đang mở.",
                ).format(path=chosen, reason=exc.strerror or exc)
            ),
            ctx.lang,
        )
        return None
    _status(parent, QCoreApplication.translate("ImportFlow", "Đã lưu tệp mẫu: {path}").format(path=written))
    return written


__all__ = ["ImportFlow", "import_with_preview", "save_template"]
