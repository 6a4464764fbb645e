"""Báo cáo tổng hợp: the province's consolidated report of a period, previewed, then saved as Excel or PDF.

The preview is rebuilt (off the GUI thread, only the latest choice) a moment after the period,
the document number or its date changes; saving builds the report again from the same data with
a progress dialog. Above the preview the page says how many communes the figures cover, because a
report printed before every commune has sent its file is incomplete.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDir, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gui.context import AppContext
from gui.errors import show_error, user_message
from gui.pages.dashboard_period import PeriodSelector
from gui.pages.latest_task import LatestTask
from gui.pages.report_preview import ReportPreview
from gui.province.consolidated_output import (
    Coverage,
    DocumentChoice,
    PreviewResult,
    SavedBar,
    build_preview,
    default_file_name,
    export_report,
)
from gui.province.dashboard_data import latest_reported_period
from gui.tasks import Cancelled, Progress, Task, run_task
from gui.widgets.format import fmt_int
from gui.widgets.heading import make_heading
from gui.widgets.inputs import DateEdit
from storage.periods import Period

PREVIEW_DELAY_MS = 400  # typing a document number rebuilds the preview once, after the last key
WATCHED = {"province_reports", "province_communes", "province_answers", "settings", "*"}
COMPLETENESS_PAGE = "gui.province.completeness:CompletenessPage"
OK_STYLE = "background: #e8f5e9; border: 1px solid #a5d6a7; padding: 4px;"
WARN_STYLE = "background: #fff3e0; border: 1px solid #ffb74d; padding: 4px;"


class ConsolidatedPage(QWidget):
    """Choose the period, number and date; read the preview; save the Excel workbook or the PDF."""

    status_message = Signal(str)
    preview_ready = Signal(int)  # pages
    saved = Signal(object)  # Path
    export_failed = Signal(object)  # the exception (already shown)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self._folder = ""  # the folder of the last file saved, for the next dialog
        self._stale = True
        self._follow_latest = True  # the latest period reported for, until the user picks one
        self._coverage: Coverage | None = None
        self._preview_work = LatestTask(self, self.tr("Đang dựng bản xem trước…"))
        self._preview_work.done.connect(self._preview_done)
        self._preview_work.failed.connect(self._preview_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)

        self.heading = make_heading(QLabel())
        self.selector = PeriodSelector()
        self.number_label = QLabel()
        self.document_number = QLineEdit()
        self.document_number.setMaxLength(50)
        self.number_label.setBuddy(self.document_number)
        self.date_label = QLabel()
        self.issued_on = DateEdit()
        self.date_label.setBuddy(self.issued_on)
        self.excel_button = QPushButton()
        self.pdf_button = QPushButton()
        self.coverage_label = QLabel()
        self.coverage_label.setWordWrap(True)
        self.coverage_label.hide()
        self.completeness_button = QPushButton()
        self.completeness_button.hide()
        self.saved_bar = SavedBar()
        self.preview = ReportPreview()
        self._build_layout()

        self.selector.period_changed.connect(self._period_chosen)
        self.selector.current_requested.connect(self.show_latest_period)
        self.document_number.textChanged.connect(lambda _t: self._choice_changed())
        self.issued_on.dateChanged.connect(lambda _d: self._choice_changed())
        self.preview.refresh_requested.connect(self.update_preview)
        self.excel_button.clicked.connect(lambda: self.save("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.completeness_button.clicked.connect(self.open_completeness)
        ctx.data_changed.connect(self._on_data_changed)
        self.retranslate()

    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.selector)
        outer.addLayout(top)
        form = QHBoxLayout()
        form.addWidget(self.number_label)
        form.addWidget(self.document_number)
        form.addSpacing(12)
        form.addWidget(self.date_label)
        form.addWidget(self.issued_on)
        form.addStretch(1)
        form.addWidget(self.excel_button)
        form.addWidget(self.pdf_button)
        outer.addLayout(form)
        coverage = QHBoxLayout()
        coverage.addWidget(self.coverage_label, 1)
        coverage.addWidget(self.completeness_button)
        outer.addLayout(coverage)
        outer.addWidget(self.saved_bar)
        outer.addWidget(self.preview, 1)

    # --- the choice -----------------------------------------------------------------------------
    def choice(self) -> DocumentChoice:
        issued = self.issued_on.value()
        assert issued is not None  # not optional
        return DocumentChoice(self.selector.period(), self.document_number.text().strip(), issued)

    def set_period(self, period: Period) -> None:
        """Show ``period`` as if the user had chosen it (tests, other screens)."""
        self.selector.set_period(period, emit=True)

    def _period_chosen(self, _period: Period) -> None:
        self._follow_latest = False
        self._choice_changed()

    def show_latest_period(self) -> None:
        """Back to the latest period the communes reported for."""
        self._follow_latest = True
        self.refresh()

    def _choice_changed(self) -> None:
        self.preview.set_stale(True)
        if self.isVisible():
            self._timer.start()
        else:
            self._stale = True

    def _on_data_changed(self, kind: str) -> None:
        if kind not in WATCHED:
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Periods under the current rules, the latest period reported for (unless one was chosen), a new preview."""
        rules = self.ctx.rules().rules
        official, cutoff = rules.official_periods, rules.cutoff_day
        self.selector.set_rules(official, cutoff)
        self.selector.set_latest(self.selector.containing(date.today()))
        if self._follow_latest:
            latest = self.ctx.read(lambda s: latest_reported_period(s, official=official, cutoff_day=cutoff))
            if latest is not None:
                self.selector.set_period(latest)
        self._stale = False
        self.update_preview()

    # --- preview --------------------------------------------------------------------------------
    def update_preview(self) -> None:
        """Build the PDF of the current choice in the background and show it."""
        self._timer.stop()
        choice, path, sessions = self.choice(), self.preview.new_pdf_path(), self.ctx.db.sessions
        self._preview_work.request(lambda: build_preview(sessions, choice, path))
        if self.preview.page_count() == 0:
            self.preview.empty.setText(self.tr("Đang dựng bản xem trước…"))

    def is_building(self) -> bool:
        return self._preview_work.busy()

    def _preview_done(self, result: PreviewResult) -> None:
        self.preview.show_pdf(result.path)
        self._coverage = result.coverage
        self._show_coverage()
        self.preview_ready.emit(self.preview.page_count())

    def _preview_failed(self, exc: BaseException) -> None:
        self.preview.document.close()
        self.preview.path = None
        self.preview.empty.setText(user_message(exc, self.ctx.lang))
        self.preview.stack.setCurrentWidget(self.preview.empty)
        self.preview.set_stale(False)
        self._coverage = None
        self._show_coverage()

    def _show_coverage(self) -> None:
        c = self._coverage
        if c is None:
            self.coverage_label.hide()
            self.completeness_button.hide()
            return
        if not c.expected:
            text = self.tr("Danh sách xã còn trống: vào «Danh sách xã» để thêm các xã, phường của tỉnh.")
        elif c.missing:
            names = ", ".join(c.missing[:5]) + (" …" if len(c.missing) > 5 else "")
            text = self.tr(
                "Còn {missing}/{expected} xã chưa gửi báo cáo kỳ này ({names}): "
                "số liệu tổng hợp chỉ gồm {reported} xã đã gửi."
            ).format(
                missing=fmt_int(len(c.missing)), expected=fmt_int(c.expected), names=names, reported=fmt_int(c.reported)
            )
        else:
            text = self.tr("Cả {n} xã đã gửi báo cáo kỳ này: số liệu tổng hợp đầy đủ.").format(n=fmt_int(c.expected))
        warn = not c.expected or bool(c.missing)
        self.coverage_label.setText(text)
        self.coverage_label.setStyleSheet(WARN_STYLE if warn else OK_STYLE)
        self.coverage_label.show()
        self.completeness_button.setVisible(bool(c.missing) and self._completeness_key() is not None)

    def _completeness_key(self) -> str | None:
        """The main window's key of the "Tình hình nộp" screen (None when the page is shown on its own)."""
        for spec in getattr(self.window(), "pages", ()):
            if getattr(spec, "target", None) == COMPLETENESS_PAGE:
                return str(spec.key)
        return None

    def open_completeness(self) -> None:
        """Show the "Tình hình nộp" screen, where missing communes can be followed up."""
        key = self._completeness_key()
        if key is not None:
            self.window().show_page(key)  # type: ignore[attr-defined]

    # --- saving ---------------------------------------------------------------------------------
    def default_path(self, fmt: str) -> Path:
        folder = self._folder or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder or QDir.homePath()) / default_file_name(self.selector.period(), fmt)

    def ask_path(self, fmt: str) -> Path | None:
        if fmt == "xlsx":
            title, pattern = self.tr("Lưu báo cáo tổng hợp ra Excel"), self.tr("Bảng tính Excel (*.xlsx)")
        else:
            title, pattern = self.tr("Lưu báo cáo tổng hợp ra PDF"), self.tr("Tệp PDF (*.pdf)")
        name, _ = QFileDialog.getSaveFileName(self, title, str(self.default_path(fmt)), pattern)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == f".{fmt}" else path.with_name(f"{path.name}.{fmt}")

    def save(self, fmt: str, path: Path | None = None) -> None:
        """Ask where (unless ``path`` is given) and write the report there, with a progress dialog."""
        if self.task is not None:
            return
        if path is None:
            path = self.ask_path(fmt)
            if path is None:
                return
        self._folder = str(path.parent)
        choice, sessions, target = self.choice(), self.ctx.db.sessions, path

        def work(progress: Progress, _cancelled: Cancelled) -> Path:
            return export_report(sessions, choice, fmt, target, progress)

        label = self.tr("Đang ghi {name}…").format(name=path.name)
        self.task = run_task(self, label, work, self._saved, self._save_failed, cancellable=False)
        self._update_buttons()

    def _saved(self, result: object) -> None:
        self.task = None
        self._update_buttons()
        path = Path(str(result))
        self.saved_bar.show_saved(path)
        self.status_message.emit(self.tr("Đã lưu {name}.").format(name=path.name))
        self.saved.emit(path)

    def _save_failed(self, exc: BaseException) -> None:
        self.task = None
        self._update_buttons()
        show_error(self, exc, self.ctx.lang)
        self.export_failed.emit(exc)

    def _update_buttons(self) -> None:
        for button in (self.excel_button, self.pdf_button):
            button.setEnabled(self.task is None)

    # --- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Báo cáo tổng hợp"))
        self.number_label.setText(self.tr("Số văn bản:"))
        self.document_number.setPlaceholderText(self.tr("VD: 15/BC-SNV (để trống nếu ghi tay)"))
        self.date_label.setText(self.tr("Ngày ban hành:"))
        self.excel_button.setText(self.tr("Xuất Excel…"))
        self.pdf_button.setText(self.tr("Xuất PDF…"))
        self.completeness_button.setText(self.tr("Xem tình hình nộp"))
        self.selector.retranslate()
        self.selector.current_btn.setText(self.tr("Kỳ mới nhất"))
        self.selector.current_btn.setToolTip(self.tr("Quay về kỳ báo cáo mới nhất mà các xã đã gửi"))
        self.preview.retranslate()
        self.saved_bar.retranslate()
        if self.preview.page_count() == 0:
            self.preview.empty.setText(self.tr("Đang dựng bản xem trước…"))
        self._show_coverage()
        self._fit_number()

    def _fit_number(self) -> None:
        """The number field as wide as its hint, so the hint is never cut (any language, any font)."""
        hint = self.document_number.fontMetrics().horizontalAdvance(self.document_number.placeholderText())
        self.document_number.setMinimumWidth(hint + 24)
