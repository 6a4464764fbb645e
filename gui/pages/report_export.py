"""Preview, print and save the periodic report: the writers run off the GUI thread (gui/tasks.py).

Each work function opens its own session from ``ctx.db.sessions`` (a session never crosses
threads), builds the report once with reports.periodic and hands it to one writer, so what is
previewed, printed and saved comes from the same figures. Every saved file is recorded in the
register of reports sent with its SHA-256, so the office can later match the province's copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from PySide6.QtCore import QDir, QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from gui.context import AppContext
from gui.errors import show_error
from gui.pages.report_preview import ReportPreview
from gui.pages.report_printing import print_pdf
from gui.tasks import Cancelled, Progress, Task, run_task
from reports.excel_writer import write_xlsx
from reports.model import Report
from reports.pdf_writer import write_pdf
from reports.periodic import build_periodic_report
from reports.vn_text import safe_file_stem
from storage.errors import UserError
from storage.periods import Period
from storage.report_documents import ReportDocumentData
from storage.reports_sent import ReportSentData, file_sha256, save_report_sent
from storage.vocab import ReportChannel

WRITERS: dict[str, Callable[..., Path]] = {"xlsx": write_xlsx, "pdf": write_pdf}


@dataclass(frozen=True)
class SavedReport:
    """A file written and, unless the register refused it, its entry in the register of reports sent."""

    path: Path
    sha256: str
    register_id: int | None
    register_problem: str = ""  # why it was not recorded (e.g. a period that has not started yet)


def build_report(sessions: sessionmaker[Session], period: Period, document: ReportDocumentData) -> Report:
    """The report computed in a session of the calling thread."""
    with sessions.begin() as s:
        return build_periodic_report(s, period, document)


def first_recipient(document: ReportDocumentData) -> str:
    """Where the report goes: the first "Nơi nhận" line that is not the office's own copy ("Lưu: VT")."""
    for line in document.recipients:
        text = line.strip().lstrip("-–• ").rstrip(";.")
        if text and not text.lower().startswith("lưu"):
            return text[:200]
    return ""


def export_report(
    sessions: sessionmaker[Session],
    period: Period,
    document: ReportDocumentData,
    fmt: str,
    path: Path,
    channel: ReportChannel,
    lang: str,
    progress: Progress | None = None,
) -> SavedReport:
    """Write the report as ``fmt`` at ``path`` and record the file in the register of reports sent."""
    report = build_report(sessions, period, document)
    WRITERS[fmt](report, path, progress=progress)
    sha = file_sha256(path)
    entry = ReportSentData(
        period_spec=period.spec,
        period_start=period.start,
        period_end=period.end,
        sent_date=date.today(),
        kind="periodic",
        channel=channel,
        file_name=path.name,
        sha256=sha,
        recipient=first_recipient(document),
        document_number=document.document_number,
    )
    try:
        with sessions.begin() as s:
            return SavedReport(path, sha, save_report_sent(s, entry))
    except UserError as exc:  # a rule of the register, or the role (a clerk may save files, not record sending)
        return SavedReport(path, sha, None, exc.message(lang))


class ReportOutput(QObject):
    """Runs preview, print and save one at a time for the reports page, reporting back by signal."""

    preview_ready = Signal(int)  # pages
    printed = Signal(int)  # pages
    saved = Signal(object)  # SavedReport
    failed = Signal(object)  # the exception (already shown to the user)
    state_changed = Signal()  # a task started or ended (buttons follow ``busy()``)

    def __init__(self, page: QWidget, ctx: AppContext, preview: ReportPreview) -> None:
        super().__init__(page)
        self.page, self.ctx, self.preview_widget = page, ctx, preview
        self.task: Task | None = None
        self._folder = ""  # the folder of the last file saved, for the next dialog

    def busy(self) -> bool:
        return self.task is not None

    def _run(
        self,
        label: str,
        work: Callable[[Progress, Cancelled], object],
        done: Callable[[object], None],
        *,
        writes: bool = False,
        cancellable: bool = False,
    ) -> None:
        def finished(result: object) -> None:
            self.task = None
            self.state_changed.emit()
            done(result)

        self.task = run_task(self.page, label, work, finished, self._failed, writes=writes, cancellable=cancellable)
        self.state_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.state_changed.emit()
        show_error(self.page, exc, self.ctx.lang)
        self.failed.emit(exc)

    # --- preview -----------------------------------------------------------------------------
    def preview(self, period: Period, document: ReportDocumentData) -> None:
        """Write the PDF into the preview folder and show it."""
        path = self.preview_widget.new_pdf_path()
        sessions = self.ctx.db.sessions

        def work(progress: Progress, _cancelled: Cancelled) -> Path:
            return write_pdf(build_report(sessions, period, document), path, progress=progress)

        def done(result: object) -> None:
            self.preview_widget.show_pdf(Path(str(result)))
            self.preview_ready.emit(self.preview_widget.page_count())

        self._run(self.tr("Đang dựng bản xem trước…"), work, done)

    # --- print -------------------------------------------------------------------------------
    def print_report(self, period: Period, document: ReportDocumentData, printer: QPrinter | None = None) -> None:
        """Ask for the printer (A4) unless one is given, then build the PDF and print its pages."""
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            printer.setDocName(self.tr("Báo cáo {period}").format(period=period.label(self.ctx.lang)))
            dialog = QPrintDialog(printer, self.page)
            dialog.setWindowTitle(self.tr("In báo cáo"))
            pages = self.preview_widget.page_count()
            if pages and not self.preview_widget.is_stale():
                dialog.setMinMax(1, pages)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return
        path = self.preview_widget.new_pdf_path()
        sessions, chosen = self.ctx.db.sessions, printer

        def work(progress: Progress, cancelled: Cancelled) -> int:
            write_pdf(build_report(sessions, period, document), path)
            try:
                return print_pdf(path, chosen, progress, cancelled)
            finally:
                path.unlink(missing_ok=True)

        self._run(self.tr("Đang in báo cáo…"), work, lambda n: self.printed.emit(n), cancellable=True)

    # --- save --------------------------------------------------------------------------------
    def default_path(self, fmt: str, period: Period) -> Path:
        """Documents folder (or the last one used) / "bao-cao-xa-luong-minh-thang-7-nam-2025.xlsx"."""
        profile = self.ctx.profile()
        commune = profile.name if profile is not None else ""
        stem = safe_file_stem(f"Bao cao {commune} {period.label('vi')}")
        folder = self._folder or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder or QDir.homePath()) / f"{stem}.{fmt}"

    def ask_path(self, fmt: str, period: Period) -> Path | None:
        if fmt == "xlsx":
            title, pattern = self.tr("Lưu báo cáo ra Excel"), self.tr("Bảng tính Excel (*.xlsx)")
        else:
            title, pattern = self.tr("Lưu báo cáo ra PDF"), self.tr("Tệp PDF (*.pdf)")
        name, _ = QFileDialog.getSaveFileName(self.page, title, str(self.default_path(fmt, period)), pattern)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == f".{fmt}" else path.with_name(f"{path.name}.{fmt}")

    def save(
        self,
        fmt: str,
        period: Period,
        document: ReportDocumentData,
        channel: ReportChannel,
        path: Path | None = None,
    ) -> None:
        """Ask where (unless ``path`` is given), write the file off the GUI thread and record it."""
        if path is None:
            path = self.ask_path(fmt, period)
            if path is None:
                return
        self._folder = str(path.parent)
        sessions, lang, target = self.ctx.db.sessions, self.ctx.lang, path

        def work(progress: Progress, _cancelled: Cancelled) -> SavedReport:
            return export_report(sessions, period, document, fmt, target, channel, lang, progress)

        def done(result: object) -> None:
            assert isinstance(result, SavedReport)
            if result.register_id is not None:
                self.ctx.notify("reports_sent")
            self.saved.emit(result)

        self._run(self.tr("Đang ghi {name}…").format(name=path.name), work, done, writes=True)


class SavedFileBar(QWidget):
    """After a save: where the file went, whether it was recorded, and a button to open its folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self._saved: SavedReport | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # the style sheet paints the box
        self.setStyleSheet("SavedFileBar { background: #e8f5e9; border: 1px solid #a5d6a7; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_folder)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.open_button)
        lay.addWidget(self.close_button)
        self.hide()

    def show_saved(self, saved: SavedReport) -> None:
        self._saved, self.path = saved, saved.path
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Mở thư mục chứa tệp"))
        self.close_button.setToolTip(self.tr("Ẩn thông báo này"))
        saved = self._saved
        if saved is None:
            return
        text = self.tr("Đã lưu {name} vào {folder}.").format(name=saved.path.name, folder=saved.path.parent)
        if saved.register_id is not None:
            text += " " + self.tr("Đã ghi vào sổ «Báo cáo đã gửi» (SHA-256 {sha}…).").format(sha=saved.sha256[:12])
        else:
            text += " " + self.tr("Chưa ghi vào sổ báo cáo đã gửi: {reason}").format(reason=saved.register_problem)
        self.label.setText(text)

    def open_folder(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
