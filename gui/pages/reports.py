"""Báo cáo: choose a reporting period, see its figures, write the report's texts, preview, print and save it.

The figures on screen come from storage.aggregates.period_summary (well under 100 ms on a year of
data, so it runs on the GUI thread). The document side (texts, PDF preview, printing, Excel/PDF files
and the register of reports sent) lives in report_workspace.py and follows the period chosen here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.pages.report_sections import DossierSection, EquipmentSection, ProposalSection, StaffSection
from gui.pages.report_status import PeriodStatusBar, PeriodStatusTable
from gui.pages.report_workspace import ReportWorkspace
from gui.widgets.inputs import DateEdit
from storage.aggregates import PeriodSummary, period_summary
from storage.errors import UserError
from storage.periods import MAX_YEAR, MIN_YEAR, Period, PeriodKind, custom_period, period_containing, period_for

KINDS = (
    PeriodKind.MONTH,
    PeriodKind.QUARTER,
    PeriodKind.HALF_YEAR,
    PeriodKind.NINE_MONTHS,
    PeriodKind.YEAR,
    PeriodKind.CUSTOM,
)
_ROMAN = ("I", "II", "III", "IV")


class ReportsPage(QWidget):
    """The period chooser and output actions on top; the figures, the report's texts and the register below."""

    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary: PeriodSummary | None = None
        self.period: Period | None = None
        self._dirty = False
        self._quiet = True  # no recomputation while the controls are being set up
        rules = ctx.rules().rules
        self._cutoff, self._official_default = rules.cutoff_day, rules.official_periods
        self.workspace = ReportWorkspace(ctx)
        self.workspace.status_message.connect(self.status_message)
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 140%; font-weight: bold;")
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.workspace.action_bar)
        outer.addLayout(top)

        bar = QHBoxLayout()
        self.kind_label, self.kind = QLabel(), QComboBox()
        self.year_label, self.year = QLabel(), QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.index = QComboBox()
        self.index.setMinimumContentsLength(16)
        self.from_label, self.start = QLabel(), DateEdit()
        self.to_label, self.end = QLabel(), DateEdit()
        self.official = QCheckBox()
        self.official.setChecked(self._official_default)
        for w in (self.kind_label, self.kind, self.year_label, self.year, self.index):
            bar.addWidget(w)
        for w in (self.from_label, self.start, self.to_label, self.end):
            bar.addWidget(w)
        bar.addSpacing(12)
        bar.addWidget(self.official)
        bar.addStretch(1)
        outer.addLayout(bar)
        self.kind_label.setBuddy(self.kind)
        self.year_label.setBuddy(self.year)

        self.period_line = QLabel()
        self.period_line.setStyleSheet("font-size: 115%; font-weight: bold;")
        self.error_line = QLabel()
        self.error_line.setStyleSheet("color: #b00020;")
        self.error_line.setWordWrap(True)
        self.status_bar = PeriodStatusBar(ctx)  # Trạng thái: Đã chốt (lần 1) | Chốt báo cáo | Mở khóa kỳ…
        self.status_bar.status_message.connect(self.status_message)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_line)
        period_row.addSpacing(16)
        period_row.addWidget(self.status_bar, 1)
        outer.addLayout(period_row)
        outer.addWidget(self.error_line)
        outer.addWidget(self.workspace.saved_bar)

        self.tabs = QTabWidget()
        self.dossiers, self.staff = DossierSection(), StaffSection()
        self.equipment, self.proposals = EquipmentSection(), ProposalSection()
        for w in (self.dossiers, self.staff, self.equipment, self.proposals, self.workspace, self.workspace.register):
            self.tabs.addTab(w, "")
        self.period_statuses = PeriodStatusTable(ctx)  # every period's status, under the register of reports sent
        self.workspace.register.layout().addWidget(self.period_statuses, 1)
        outer.addWidget(self.tabs, 1)
        self.workspace.show_me.connect(lambda: self.tabs.setCurrentWidget(self.workspace))
        self.print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        self.print_shortcut.activated.connect(lambda: self.print_report())

        self.retranslate_controls()
        today = date.today()
        current = period_containing(today, official=self._official_default, cutoff_day=self._cutoff)
        self.kind.setCurrentIndex(0)
        self.year.setValue(current.year)
        self._fill_index(PeriodKind.MONTH, current.index)
        self.start.set_value(today.replace(day=1))
        self.end.set_value(today)
        self._show_kind_widgets()
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        for signal in (
            self.year.valueChanged,
            self.index.currentIndexChanged,
            self.start.dateChanged,
            self.end.dateChanged,
            self.official.toggled,
        ):
            signal.connect(lambda *_a: self.refresh())
        ctx.data_changed.connect(self._on_data_changed)
        self._quiet = False
        self.retranslate()

    # --- texts -------------------------------------------------------------------------------
    def kind_names(self) -> dict[PeriodKind, str]:
        return {
            PeriodKind.MONTH: self.tr("Tháng"),
            PeriodKind.QUARTER: self.tr("Quý"),
            PeriodKind.HALF_YEAR: self.tr("6 tháng"),
            PeriodKind.NINE_MONTHS: self.tr("9 tháng"),
            PeriodKind.YEAR: self.tr("Năm"),
            PeriodKind.CUSTOM: self.tr("Tùy chọn (từ ngày… đến ngày…)"),
        }

    def _index_names(self, kind: PeriodKind) -> list[str]:
        if kind is PeriodKind.MONTH:
            return [self.tr("Tháng {n}").format(n=m) for m in range(1, 13)]
        if kind is PeriodKind.QUARTER:
            return [self.tr("Quý {n}").format(n=r) for r in _ROMAN]
        if kind is PeriodKind.HALF_YEAR:
            return [self.tr("6 tháng đầu năm"), self.tr("6 tháng cuối năm")]
        return []

    def retranslate_controls(self) -> None:
        self.heading.setText(self.tr("Báo cáo"))
        self.kind_label.setText(self.tr("&Kỳ báo cáo:"))
        self.year_label.setText(self.tr("&Năm:"))
        self.from_label.setText(self.tr("Từ ngày:"))
        self.to_label.setText(self.tr("đến ngày:"))
        names = self.kind_names()
        keep = self.kind.currentIndex()
        self.kind.blockSignals(True)
        self.kind.clear()
        for k in KINDS:
            self.kind.addItem(names[k], k)
        self.kind.setCurrentIndex(max(keep, 0))
        self.kind.blockSignals(False)
        if self.index.count():
            self._fill_index(self.current_kind(), self.index.currentIndex() + 1)
        self._official_text()
        for i, title in enumerate(
            (
                self.tr("1. Kết quả giải quyết TTHC"),
                self.tr("2. Nhân sự"),
                self.tr("3. Trang thiết bị"),
                self.tr("4. Khó khăn, kiến nghị"),
                self.tr("Văn bản báo cáo và xem trước"),
                self.tr("Báo cáo đã gửi"),
            )
        ):
            self.tabs.setTabText(i, title)

    def _official_text(self) -> None:
        if self._cutoff > 1:
            text = self.tr("Theo ngày chốt số liệu (từ ngày {day} tháng trước)").format(day=self._cutoff)
        else:
            text = self.tr("Theo ngày chốt số liệu (ngày 1: trùng tháng dương lịch)")
        self.official.setText(text)
        self.official.setToolTip(
            self.tr("Bỏ chọn để xem theo tháng dương lịch. Mặc định lấy từ Cài đặt › Quy tắc nghiệp vụ.")
        )

    def retranslate(self) -> None:
        """All texts, then the figures again (labels of categories and periods follow the language)."""
        self.retranslate_controls()
        self.workspace.retranslate()
        self.status_bar.retranslate()
        self.period_statuses.retranslate()
        self.refresh()

    # --- period ------------------------------------------------------------------------------
    def current_kind(self) -> PeriodKind:
        data = self.kind.currentData()  # Qt hands a StrEnum back as plain text
        return PeriodKind(data) if data else PeriodKind.MONTH

    def _fill_index(self, kind: PeriodKind, index: int) -> None:
        self.index.blockSignals(True)
        self.index.clear()
        self.index.addItems(self._index_names(kind))
        if self.index.count():
            self.index.setCurrentIndex(min(max(index, 1), self.index.count()) - 1)
        self.index.blockSignals(False)

    def _show_kind_widgets(self) -> None:
        kind = self.current_kind()
        custom = kind is PeriodKind.CUSTOM
        for w in (self.year_label, self.year):
            w.setVisible(not custom)
        self.index.setVisible(kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF_YEAR))
        for w in (self.from_label, self.start, self.to_label, self.end):
            w.setVisible(custom)
        self.official.setEnabled(not custom)

    def _on_kind_changed(self) -> None:
        kind = self.current_kind()
        if kind is not PeriodKind.CUSTOM:
            current = period_containing(date.today(), kind, official=self.official.isChecked(), cutoff_day=self._cutoff)
            self.year.blockSignals(True)
            self.year.setValue(current.year)
            self.year.blockSignals(False)
            self._fill_index(kind, current.index)
        self._show_kind_widgets()
        self.refresh()

    def set_period(self, kind: PeriodKind, year: int, index: int = 1, *, official: bool | None = None) -> None:
        """Choose a period as the user would with the controls (used by the dashboard and tests)."""
        self._quiet = True
        self.kind.setCurrentIndex(KINDS.index(kind))
        self._show_kind_widgets()
        self.year.setValue(year)
        self._fill_index(kind, index)
        if official is not None:
            self.official.setChecked(official)
        self._quiet = False
        self.refresh()

    def selected_period(self) -> Period:
        """The period the controls describe; raises UserError for an impossible choice."""
        kind = self.current_kind()
        if kind is PeriodKind.CUSTOM:
            start, end = self.start.value(), self.end.value()
            assert start is not None and end is not None
            return custom_period(start, end)
        has_index = kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF_YEAR)
        index = self.index.currentIndex() + 1 if has_index else 1
        return period_for(
            kind, self.year.value(), max(index, 1), official=self.official.isChecked(), cutoff_day=self._cutoff
        )

    # --- figures -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the figures for the chosen period and show them."""
        if self._quiet:
            return
        self._dirty = False
        try:
            period = self.selected_period()
            summary = self.ctx.read(lambda s: period_summary(s, period))
        except UserError as exc:
            self.error_line.setText(exc.message(self.ctx.lang))
            self.error_line.show()
            self.workspace.set_period(None)
            self.status_bar.set_period(None)
            return
        self.error_line.hide()
        self.period, self.summary = period, summary
        self.workspace.set_period(period)
        self.status_bar.set_period(period)
        lang = self.ctx.lang
        if period.kind is PeriodKind.CUSTOM:
            self.period_line.setText(period.label(lang))  # a custom period's name is its date range
        else:
            self.period_line.setText(f"{period.label(lang)} {period.range_text(lang)}")
        rules = self.ctx.rules().rules
        self.dossiers.show_summary(summary, rules.online_target_pct)
        self.staff.show_summary(summary, lang)
        self.equipment.show_summary(summary, lang)
        self.proposals.show_summary(summary, lang)

    # --- the report document (Ctrl+S from the main window, Ctrl+P here) ----------------------
    def save_current(self) -> None:
        """Ctrl+S: store the report's texts for the chosen period."""
        self.workspace.save_document()

    def preview_report(self) -> None:
        self.workspace.preview_report()

    def print_report(self, printer: QPrinter | None = None) -> None:
        """Print dialog, then print; tests pass a ``printer`` (e.g. PDF output) and get no dialog."""
        self.workspace.print_report(printer)

    def save_excel(self, path: Path | None = None) -> None:
        """Save as Excel; ``path`` skips the file dialog."""
        self.workspace.save_file("xlsx", path)

    def save_pdf(self, path: Path | None = None) -> None:
        """Save as PDF; ``path`` skips the file dialog."""
        self.workspace.save_file("pdf", path)

    def export_province_file(self) -> None:
        """Xuất file gửi tỉnh for the chosen period (the dialog asks where and how)."""
        self.workspace.export_province_file()

    def _on_data_changed(self, kind: str) -> None:
        if kind in ("settings", "*"):
            rules = self.ctx.rules().rules
            if rules.official_periods != self._official_default:
                self._official_default = rules.official_periods
                self.official.blockSignals(True)
                self.official.setChecked(rules.official_periods)
                self.official.blockSignals(False)
            self._cutoff = rules.cutoff_day
            self._official_text()
        if kind in ("reports_sent", "*"):
            self.workspace.reload_register()
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True  # recomputed when the page is shown again

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.refresh()
        super().showEvent(event)
