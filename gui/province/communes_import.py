"""Importing the commune registry from a CSV/XLSX file: check in the background, show every problem, then store.

The same preview dialog as the commune registers (gui.dialogs.import_preview): nothing is stored
while it is open, and its confirm button stays disabled while the file has any problem.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from gui.context import AppContext
from gui.dialogs.import_preview import ImportPreviewDialog
from gui.errors import show_error
from gui.tasks import Cancelled, Progress, Task, run_task
from gui.widgets.format import fmt_int
from storage.errors import UserError, ValidationError
from storage.importing import ImportResult
from storage.province.profile import load_province_profile
from storage.province.registry import list_communes
from storage.province.registry_import import KIND, preview_registry_import, run_registry_import, write_registry_template

log = logging.getLogger("commune_desk.gui")
_last_folder: dict[str, str] = {}  # where the last file was chosen (per run of the program)


def _status(parent: QWidget, text: str) -> None:
    signal = getattr(parent, "status_message", None)
    if signal is not None:
        signal.emit(text)


class RegistryPreviewDialog(ImportPreviewDialog):
    """The shared preview dialog, naming what is imported: the commune registry."""

    def retranslate(self) -> None:
        super().retranslate()
        self.kind_value.setText(self.tr("Danh sách xã"))

    def showEvent(self, event: QShowEvent) -> None:
        """Row heights again once the message column has its real width (wrapped text was measured narrow)."""
        super().showEvent(event)
        QTimer.singleShot(0, self.problems.resizeRowsToContents)


class RegistryImport(QObject):
    """One import of one file; ``finished`` carries the stored ImportResult (None: stopped or refused)."""

    finished = Signal(object)

    def __init__(self, parent: QWidget, ctx: AppContext, path: Path) -> None:
        super().__init__(parent)
        self.parent_widget, self.ctx, self.path = parent, ctx, path
        self.dialog: RegistryPreviewDialog | None = None
        self.task: Task | None = None
        self._rows = 0

    def start(self) -> None:
        def work(_progress: Progress, _cancelled: Cancelled) -> ImportResult:
            with self.ctx.session() as s:
                return preview_registry_import(s, self.path)

        self.task = run_task(
            self.parent_widget,
            self.tr("Đang kiểm tra tệp {name}…").format(name=self.path.name),
            work,
            self._previewed,
            self._failed,
            cancellable=False,
        )

    def _previewed(self, result: ImportResult) -> None:
        self.task = None
        self._rows = result.rows
        self.show_preview(result)

    def show_preview(self, result: ImportResult) -> None:
        dialog = RegistryPreviewDialog(self.parent_widget, self.path, result, self.ctx.lang)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._confirmed)
        dialog.rejected.connect(lambda: self._end(None))
        self.dialog = dialog
        dialog.open()

    def _confirmed(self) -> None:
        self.dialog = None

        def work(_progress: Progress, _cancelled: Cancelled) -> ImportResult:
            with self.ctx.session() as s:
                return run_registry_import(s, self.path, user_id=self.ctx.user_id)

        self.task = run_task(
            self.parent_widget,
            self.tr("Đang nhập {name}…").format(name=self.path.name),
            work,
            self._imported,
            self._failed,
            writes=True,
            cancellable=False,
        )

    def _imported(self, result: ImportResult) -> None:
        self.task = None
        self.ctx.notify(KIND)
        _status(
            self.parent_widget,
            self.tr("Đã nhập danh sách xã: {created} thêm mới, {updated} cập nhật, {unchanged} giữ nguyên.").format(
                created=fmt_int(result.created), updated=fmt_int(result.updated), unchanged=fmt_int(result.unchanged)
            ),
        )
        self._end(result)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        if isinstance(exc, ValidationError):  # the file changed between the check and the import
            self.show_preview(ImportResult(KIND, self._rows, 0, 0, 0, exc.problems))
            return
        if not isinstance(exc, UserError):
            log.error("registry import of %s failed", self.path, exc_info=(type(exc), exc, exc.__traceback__))
        show_error(self.parent_widget, exc, self.ctx.lang, self.tr("Không nhập được tệp"))
        self._end(None)

    def _end(self, result: ImportResult | None) -> None:
        self.dialog = None
        self.finished.emit(result)
        self.deleteLater()


def choose_import_file(parent: QWidget) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("RegistryImport", "Chọn tệp danh sách xã để nhập"),
        _last_folder.get("import", QDir.homePath()),
        QCoreApplication.translate(
            "RegistryImport", "Bảng tính Excel hoặc CSV (*.xlsx *.csv);;Excel (*.xlsx);;CSV UTF-8 (*.csv);;Mọi tệp (*)"
        ),
    )
    if not name:
        return None
    path = Path(name)
    _last_folder["import"] = str(path.parent)
    return path


def save_registry_template(parent: QWidget, ctx: AppContext, path: Path | str | None = None) -> Path | None:
    """Ask where (unless given) and write the CSV template; returns where, or None."""
    profile = ctx.read(load_province_profile)
    if path is None:
        province = f" - {profile.name}" if profile else ""
        suggested = Path(_last_folder.get("template", QDir.homePath())) / QCoreApplication.translate(
            "RegistryImport", "Mẫu danh sách xã{province}.csv"
        ).format(province=province)
        name, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("RegistryImport", "Lưu tệp mẫu danh sách xã"),
            str(suggested),
            QCoreApplication.translate("RegistryImport", "CSV UTF-8 (*.csv)"),
        )
        if not name:
            return None
        path = Path(name)
        _last_folder["template"] = str(path.parent)
    try:
        written = write_registry_template(path, profile.code if profile else None, ctx.read(list_communes))
    except UserError as exc:
        show_error(parent, exc, ctx.lang)
        return None
    _status(parent, QCoreApplication.translate("RegistryImport", "Đã lưu tệp mẫu: {path}").format(path=written))
    return written
