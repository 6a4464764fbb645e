"""Tình hình nộp: which commune has sent which period's report, on time or late, and who is still missing.

The grid comes from storage.province.completeness (well under 100 ms for hundreds of communes, so it
runs on the GUI thread); periods follow the province's rule settings (official cut-off day) and the
deadline is the rule ``report_due_working_days`` working days after a period's last day. The list of
communes that have not reported a period can be saved as Excel or CSV for the reminder calls.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDir, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.errors import show_error
from gui.province.completeness_model import COLOURS, SENT, CompletenessModel, was_late
from gui.widgets.format import fmt_date
from gui.widgets.heading import make_heading
from reports.missing_list import MissingList, missing_list, write_missing_list
from reports.province_periods import GRID_KINDS, TWO_TIER_START, province_periods
from reports.vn_text import safe_file_stem
from storage.errors import UserError
from storage.periods import MAX_YEAR, Period, PeriodKind, period_containing
from storage.province.completeness import CellStatus, Grid, completeness
from storage.province.profile import load_province_profile, province_title
from storage.province.registry import CommuneRow
from storage.settings import load_rules


class CompletenessPage(QWidget):
    """Period kind and year on top, the grid, then the export of the communes still missing."""

    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._today = today  # fixed in tests; the real date otherwise
        self.grid: Grid | None = None
        self.saved_path: Path | None = None
        self._folder = ""
        self._quiet = True

        self.heading = make_heading(QLabel())
        self.kind_label, self.kind = QLabel(), QComboBox()
        self.year_label, self.year = QLabel(), QSpinBox()
        self.kind_label.setBuddy(self.kind)
        self.year_label.setBuddy(self.year)
        self.year.setRange(TWO_TIER_START.year, MAX_YEAR)
        self.only_missing = QCheckBox()
        bar = QHBoxLayout()
        for w in (self.kind_label, self.kind, self.year_label, self.year):
            bar.addWidget(w)
        bar.addSpacing(16)
        bar.addWidget(self.only_missing)
        bar.addStretch(1)

        self.legend = QHBoxLayout()
        self.legend_chips: dict[CellStatus, QLabel] = {}
        for status in CellStatus:
            fg, bg = COLOURS[status]
            chip = QLabel()
            chip.setStyleSheet(
                f"color: {fg}; background: {bg}; border: 1px solid {fg}; padding: 2px 8px; border-radius: 3px;"
            )
            self.legend_chips[status] = chip
            self.legend.addWidget(chip)
        self.legend.addStretch(1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.model = CompletenessModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)  # twelve months fit beside the names on a 1366-pixel screen
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + 12)
        self.table.horizontalHeader().setMinimumSectionSize(64)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.hide()

        self.export_label, self.export_period = QLabel(), QComboBox()
        self.export_label.setBuddy(self.export_period)
        self.export_period.setMinimumContentsLength(28)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export_missing())
        export = QHBoxLayout()
        export.addWidget(self.export_label)
        export.addWidget(self.export_period)
        export.addWidget(self.export_button)
        export.addStretch(1)
        self.saved_bar = QFrame()
        self.saved_bar.setObjectName("savedBar")
        self.saved_bar.setStyleSheet("#savedBar { background: #e8f5e9; border: 1px solid #a5d6a7; }")
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_saved = QPushButton()
        self.open_saved.clicked.connect(self._open_saved)
        srow = QHBoxLayout(self.saved_bar)
        srow.setContentsMargins(6, 2, 6, 2)
        srow.addWidget(self.saved_label, 1)
        srow.addWidget(self.open_saved)
        self.saved_bar.hide()

        outer = QVBoxLayout(self)
        outer.addWidget(self.heading)
        outer.addLayout(bar)
        outer.addLayout(self.legend)
        outer.addWidget(self.summary)
        outer.addWidget(self.table, 1)
        outer.addWidget(self.empty)
        outer.addLayout(export)
        outer.addWidget(self.saved_bar)

        self.retranslate_controls()
        self.kind.setCurrentIndex(0)
        self.year.setValue(self._default_year())
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.only_missing.toggled.connect(lambda _on: self._show_rows())
        ctx.data_changed.connect(self._on_data_changed)
        self._quiet = False
        self.retranslate()

    # --- dates -------------------------------------------------------------------------------
    def today(self) -> date:
        return self._today or date.today()

    def _default_year(self) -> int:
        """The year of the month that ended last: the reports being collected now (in early January, last year's)."""
        rules = self.ctx.read(load_rules)
        current = period_containing(self.today(), official=rules.official_periods, cutoff_day=rules.cutoff_day)
        return max(current.previous().year, TWO_TIER_START.year)

    # --- texts -------------------------------------------------------------------------------
    def kind_names(self) -> dict[PeriodKind, str]:
        return {
            PeriodKind.MONTH: self.tr("Tháng"),
            PeriodKind.QUARTER: self.tr("Quý"),
            PeriodKind.HALF_YEAR: self.tr("6 tháng"),
            PeriodKind.YEAR: self.tr("Năm"),
        }

    def retranslate_controls(self) -> None:
        self.heading.setText(self.tr("Tình hình nộp báo cáo"))
        self.kind_label.setText(self.tr("&Loại kỳ:"))
        self.year_label.setText(self.tr("&Năm:"))
        self.only_missing.setText(self.tr("Chỉ xã còn thiếu"))
        self.only_missing.setToolTip(self.tr("Chỉ hiện các xã có ít nhất một kỳ đã quá hạn mà chưa nộp."))
        names = self.kind_names()
        keep = max(self.kind.currentIndex(), 0)
        self.kind.blockSignals(True)
        self.kind.clear()
        for k in GRID_KINDS:
            self.kind.addItem(names[k], str(k))
        self.kind.setCurrentIndex(keep)
        self.kind.blockSignals(False)
        for status, chip in self.legend_chips.items():
            chip.setText(status.label(self.ctx.lang))
        self.export_label.setText(self.tr("&Kỳ cần nhắc:"))
        self.export_button.setText(self.tr("Xuất danh sách xã chưa nộp…"))
        self.export_button.setToolTip(self.tr("Lưu ra Excel (.xlsx) hoặc CSV: mã xã, tên xã, loại địa bàn, hạn nộp."))
        self.open_saved.setText(self.tr("Mở tệp"))

    def retranslate(self) -> None:
        self.retranslate_controls()
        self.model.retranslate(self.ctx.lang)
        self.refresh()

    # --- the grid ----------------------------------------------------------------------------
    def current_kind(self) -> PeriodKind:
        data = self.kind.currentData()
        return PeriodKind(data) if data else PeriodKind.MONTH

    def set_view(self, kind: PeriodKind, year: int) -> None:
        """Choose the period kind and the year as the user would (used by the dashboard and tests)."""
        self._quiet = True
        self.kind.setCurrentIndex(GRID_KINDS.index(kind))
        self.year.setValue(year)
        self._quiet = False
        self.refresh()

    def periods(self) -> list[Period]:
        return self.ctx.read(lambda s: province_periods(s, self.current_kind(), self.year.value()))

    def refresh(self) -> None:
        """Read the grid again for the chosen kind and year."""
        if self._quiet:
            return
        periods = self.periods()
        today = self.today()
        self.grid = self.ctx.read(lambda s: completeness(s, periods, today=today)) if periods else None
        self._show_rows()
        self._fill_export_periods()

    def visible_communes(self) -> list[CommuneRow]:
        grid = self.grid
        if grid is None:
            return []
        if not self.only_missing.isChecked():
            return list(grid.communes)
        return [
            c
            for c in grid.communes
            if any(grid.cells[(c.code, p.spec)].status is CellStatus.MISSING for p in grid.periods)
        ]

    def _show_rows(self) -> None:
        grid = self.grid
        if grid is None:
            self.model.beginResetModel()
            self.model.grid, self.model.communes = None, []
            self.model.endResetModel()
            self.empty.setText(
                self.tr(
                    "Năm {year} không có kỳ nào của loại này từ khi chính quyền hai cấp bắt đầu (01/07/2025)."
                ).format(year=self.year.value())
            )
            self.empty.show()
            self.summary.setText("")
            return
        communes = self.visible_communes()
        self.model.set_grid(grid, communes, self.ctx.lang)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        if not grid.communes:
            self.empty.setText(self.tr("Danh sách xã đang theo dõi còn trống: hãy thêm xã ở màn hình «Danh sách xã»."))
            self.empty.show()
        elif not communes:
            self.empty.setText(self.tr("Không có xã nào còn thiếu báo cáo đã quá hạn trong năm này."))
            self.empty.show()
        else:
            self.empty.hide()
        self.summary.setText(self._summary_text(grid))

    def _summary_text(self, grid: Grid) -> str:
        totals = dict.fromkeys(CellStatus, 0)
        for p in grid.periods:
            for status, n in grid.counts(p).items():
                totals[status] += n
        late = sum(1 for cell in grid.cells.values() if was_late(cell))
        due_days = self.ctx.read(load_rules).report_due_working_days
        return self.tr(
            "{communes} xã đang theo dõi. Hạn nộp: {days} ngày làm việc sau ngày cuối kỳ. Trong năm: {sent} báo cáo "
            "đã nộp ({late} trễ hạn), {missing} chưa nộp đã quá hạn."
        ).format(
            communes=len(grid.communes),
            days=due_days,
            sent=sum(totals[s] for s in SENT),
            late=late,
            missing=totals[CellStatus.MISSING],
        )

    # --- export of the missing list ----------------------------------------------------------
    def _fill_export_periods(self) -> None:
        """Periods that have started, newest first; the default is the newest one already past its deadline."""
        keep = self.export_period.currentData()
        self.export_period.clear()
        grid, today = self.grid, self.today()
        if grid is not None:
            started = [(p, due) for p, due in zip(grid.periods, grid.deadlines, strict=True) if p.start <= today]
            for p, due in reversed(started):
                counts = grid.counts(p)
                n = counts[CellStatus.MISSING] + counts[CellStatus.NOT_DUE]
                self.export_period.addItem(
                    self.tr("{period} – {n} xã chưa nộp (hạn {date})").format(
                        period=p.label(self.ctx.lang), n=n, date=fmt_date(due)
                    ),
                    p.spec,
                )
            due_passed = [p.spec for p, due in reversed(started) if due < today]
            choice = (
                keep if keep and self.export_period.findData(keep) >= 0 else (due_passed[0] if due_passed else None)
            )
            if choice is not None:
                self.export_period.setCurrentIndex(self.export_period.findData(choice))
        self.export_button.setEnabled(self.export_period.count() > 0)

    def chosen_missing(self) -> MissingList | None:
        grid, spec = self.grid, self.export_period.currentData()
        if grid is None or not spec:
            return None
        period = next(p for p in grid.periods if p.spec == spec)
        profile = self.ctx.read(load_province_profile)
        province = province_title(profile.name) if profile and profile.name else ""
        return missing_list(grid, period, province)

    def default_path(self, ml: MissingList) -> Path:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = self._folder or docs or QDir.homePath()
        stem = safe_file_stem(f"Danh sach xa chua nop {ml.period.label('vi')}")
        return Path(folder) / f"{stem}.xlsx"

    def export_missing(self, path: Path | None = None) -> Path | None:
        """Ask where (unless ``path`` is given) and save the chosen period's list as .xlsx or .csv."""
        ml = self.chosen_missing()
        if ml is None:
            return None
        if not ml.communes:
            self._show_saved(
                self.tr("Mọi xã đã nộp báo cáo {period}: không có ai cần nhắc.").format(
                    period=ml.period.label(self.ctx.lang)
                ),
                None,
            )
            return None
        if path is None:
            excel, text = self.tr("Bảng tính Excel (*.xlsx)"), self.tr("CSV UTF-8 (*.csv)")
            name, chosen = QFileDialog.getSaveFileName(
                self, self.tr("Lưu danh sách xã chưa nộp"), str(self.default_path(ml)), f"{excel};;{text}"
            )
            if not name:
                return None
            path = Path(name)
            if path.suffix.lower() not in (".xlsx", ".csv"):
                path = path.with_name(f"{path.name}{'.csv' if chosen == text else '.xlsx'}")
        try:
            written = write_missing_list(ml, path)  # Vietnamese: it goes to the office staff phoning communes
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return None
        self._folder = str(written.parent)
        self._show_saved(
            self.tr("Đã lưu danh sách {n} xã chưa nộp {period} vào {path}.").format(
                n=len(ml.communes), period=ml.period.label(self.ctx.lang), path=written
            ),
            written,
        )
        return written

    def _show_saved(self, text: str, path: Path | None) -> None:
        self.saved_path = path
        self.saved_label.setText(text)
        self.open_saved.setVisible(path is not None)
        self.saved_bar.show()
        self.status_message.emit(text)

    def _open_saved(self) -> None:
        if self.saved_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path)))

    # --- changes elsewhere -------------------------------------------------------------------
    def _on_data_changed(self, kind: str) -> None:
        if kind in ("province_reports", "province_communes", "settings", "holidays", "*"):
            self.refresh()
