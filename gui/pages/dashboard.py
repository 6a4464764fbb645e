"""Tổng quan: the reporting period at a glance — key figures from storage's aggregates and three charts.

Figures are recomputed only while the page is on screen: a change made elsewhere marks the page
stale and the work happens when it is shown again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.errors import show_error
from gui.pages.dashboard_cards import FigureCard
from gui.pages.dashboard_charts import EquipmentChart, MonthlyDossierChart, OnTimeRateChart
from gui.pages.dashboard_overdue import OverdueDialog
from gui.pages.dashboard_period import PeriodSelector
from gui.widgets.format import fmt_date, fmt_int, fmt_pct
from storage.aggregates.summary import PeriodSummary, period_summary
from storage.aggregates.trends import (
    MonthPoint,
    WaitingProposals,
    as_of,
    monthly_dossier_trend,
    overdue_dossiers,
    waiting_proposals,
)
from storage.periods import Period
from storage.settings import load_rules

TREND_MONTHS = 12
DOSSIER_CARDS = ("received", "resolved", "on_time", "pending", "overdue")
OTHER_CARDS = ("staff", "signature", "equipment", "proposals")


@dataclass(frozen=True)
class DashboardData:
    """Everything the page shows for one period, read in one session."""

    period: Period  # as seen on the day the page was computed (a running period ends today)
    summary: PeriodSummary
    trend: list[MonthPoint]
    waiting: WaitingProposals


def load_dashboard(session: Session, period: Period, today: date) -> DashboardData:
    """The period's aggregates, the 12 months up to its end and the proposals waiting then."""
    seen = as_of(period, today)
    rules = load_rules(session)
    return DashboardData(
        period=seen,
        summary=period_summary(session, seen),
        trend=monthly_dossier_trend(session, seen.end, TREND_MONTHS, rules),
        waiting=waiting_proposals(session, seen.end),
    )


class DashboardPage(QWidget):
    """The home screen: pick a period, read its key figures, open the overdue list."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today: Callable[[], date] = date.today  # replaced in tests that need a fixed day
        self.data: DashboardData | None = None
        self.overdue_dialog: OverdueDialog | None = None
        self._stale = True
        self._follow_current = True  # until the user picks another period
        self.heading = QLabel()
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setBold(True)
        self.heading.setFont(big)
        self.period_label = QLabel()
        self.period_label.setWordWrap(True)
        self.selector = PeriodSelector()
        self.cards = {key: FigureCard(clickable=key == "overdue") for key in DOSSIER_CARDS + OTHER_CARDS}
        self.overdue_btn = QPushButton()
        self.dossier_section = QLabel()
        self.other_section = QLabel()
        for label in (self.dossier_section, self.other_section):
            label.setStyleSheet("font-weight: bold; color: #37474f;")
        self.monthly_chart = MonthlyDossierChart()
        self.rate_chart = OnTimeRateChart()
        self.equipment_chart = EquipmentChart()
        self._build_layout()
        self.selector.period_changed.connect(self._period_chosen)
        self.selector.current_requested.connect(self.show_current_period)
        self.cards["overdue"].clicked.connect(self.show_overdue)
        self.overdue_btn.clicked.connect(self.show_overdue)
        ctx.data_changed.connect(self._on_data_changed)
        self.retranslate()

    def _build_layout(self) -> None:
        content = QWidget()
        lay = QVBoxLayout(content)
        lay.setContentsMargins(16, 12, 16, 16)
        lay.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.selector)
        lay.addLayout(top)
        lay.addWidget(self.period_label)
        for section, keys in ((self.dossier_section, DOSSIER_CARDS), (self.other_section, OTHER_CARDS)):
            heading = QHBoxLayout()
            heading.addWidget(section)
            heading.addStretch(1)
            if keys is DOSSIER_CARDS:
                heading.addWidget(self.overdue_btn)  # in a card it would be cut on a 1024-pixel screen
            lay.addLayout(heading)
            row = QHBoxLayout()
            row.setSpacing(10)
            for key in keys:
                row.addWidget(self.cards[key], 1)
            lay.addLayout(row)
        charts = QGridLayout()
        charts.setSpacing(10)
        charts.addWidget(self.monthly_chart, 0, 0, 1, 2)  # twelve months need the full width
        charts.addWidget(self.rate_chart, 1, 0)
        charts.addWidget(self.equipment_chart, 1, 1)
        lay.addLayout(charts)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # --- computing ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_data_changed(self, _kind: str) -> None:
        # Every kind of record feeds some figure; work only when someone is looking.
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Recompute the figures for the chosen period (the running one, unless the user chose another)."""
        rules = self.ctx.rules().rules
        self.selector.set_rules(rules.official_periods, rules.cutoff_day)
        current = self.selector.containing(self.today())
        self.selector.set_latest(current)
        if self._follow_current:
            self.selector.set_period(current)
        period, today = self.selector.period(), self.today()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.data = self.ctx.read(lambda s: load_dashboard(s, period, today))
        except Exception as exc:  # a broken database must not take the home screen down
            QApplication.restoreOverrideCursor()
            show_error(self, exc, self.ctx.lang)
            return
        QApplication.restoreOverrideCursor()
        self._stale = False
        self._fill()

    def _period_chosen(self, _period: Period) -> None:
        self._follow_current = False
        self.refresh()

    def show_current_period(self) -> None:
        """Back to the period running today (and follow it as days pass)."""
        self._follow_current = True
        self.refresh()

    # --- the overdue list ---------------------------------------------------------------------
    def show_overdue(self) -> None:
        """The dossiers behind the overdue figure: in the dossier register when it can filter them, else a list."""
        if self.data is None:
            return
        on = self.data.period.end
        if on == self.today() and self._open_in_register():
            return
        calendar = self.ctx.rules().calendar
        rows = self.ctx.read(lambda s: overdue_dossiers(s, on, calendar))
        if self.overdue_dialog is not None:
            self.overdue_dialog.close()
        self.overdue_dialog = OverdueDialog(rows, on, self)
        self.overdue_dialog.open()

    def _open_in_register(self) -> bool:
        """Ask the dossier register (when it is built and offers it) to show today's overdue dossiers."""
        window = self.window()
        if not (hasattr(window, "page") and hasattr(window, "show_page")):
            return False
        try:
            page = window.page("dossiers")
        except ModuleNotFoundError as exc:
            if exc.name != "gui.registers.dossiers":
                raise
            return False
        if not callable(getattr(page, "show_overdue", None)):
            return False
        window.show_page("dossiers")
        page.show_overdue()
        return True

    # --- texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Tổng quan"))
        self.dossier_section.setText(self.tr("Hồ sơ thủ tục hành chính trong kỳ"))
        self.other_section.setText(self.tr("Nhân sự, trang thiết bị và kiến nghị"))
        titles = {
            "received": self.tr("Hồ sơ tiếp nhận"),
            "resolved": self.tr("Đã giải quyết"),
            "on_time": self.tr("Tỷ lệ đúng hạn"),
            "pending": self.tr("Đang giải quyết"),
            "overdue": self.tr("Quá hạn"),
            "staff": self.tr("Cán bộ, công chức / chỉ tiêu"),
            "signature": self.tr("Có chữ ký số"),
            "equipment": self.tr("Thiết bị còn thiếu"),
            "proposals": self.tr("Kiến nghị chờ tỉnh trả lời"),
        }
        for key, title in titles.items():
            self.cards[key].set_title(title)
        self.overdue_btn.setText(self.tr("Xem danh sách quá hạn"))
        self.cards["overdue"].setToolTip(self.tr("Bấm để xem danh sách hồ sơ quá hạn"))
        self.selector.retranslate()
        for chart in (self.monthly_chart, self.rate_chart, self.equipment_chart):
            chart.retranslate()
        self._fill()

    def _fill(self) -> None:
        if self.data is None:
            return
        d = self.data
        chosen, seen = self.selector.period(), d.period
        lang = self.ctx.lang
        text = self.tr("{label} {range}").format(label=chosen.label(lang), range=chosen.range_text(lang))
        if seen.end < chosen.end:  # the running period: figures as of today
            text += " — " + self.tr("số liệu tính đến hết ngày {day}").format(day=fmt_date(seen.end))
        self.period_label.setText(text)
        self._fill_dossier_cards()
        self._fill_other_cards()
        self.monthly_chart.show_points(d.trend)
        self.rate_chart.show_points(d.trend)
        self.equipment_chart.show_kinds(d.summary.equipment.by_kind, lang)

    def _fill_dossier_cards(self) -> None:
        assert self.data is not None
        t = self.data.summary.dossiers.total
        c = self.cards
        c["received"].set_figure(
            fmt_int(t.received_total),
            self.tr("Mới nhận {new} · kỳ trước chuyển sang {carried}").format(
                new=fmt_int(t.received_online + t.received_direct_postal), carried=fmt_int(t.carried_over)
            ),
        )
        c["resolved"].set_figure(
            fmt_int(t.resolved_total),
            self.tr("Trước hạn {early} · đúng hạn {on_time} · quá hạn {late}").format(
                early=fmt_int(t.resolved_early), on_time=fmt_int(t.resolved_on_time), late=fmt_int(t.resolved_late)
            ),
        )
        rate = t.on_time_rate
        c["on_time"].set_figure(
            "—" if rate is None else fmt_pct(rate),
            self.tr("Chưa có hồ sơ giải quyết xong trong kỳ")
            if rate is None
            else self.tr("Trước hạn và đúng hạn trên tổng số đã giải quyết"),
        )
        c["pending"].set_figure(
            fmt_int(t.pending_total),
            self.tr("Trong hạn {in_time}, trong đó chờ bổ sung {waiting}").format(
                in_time=fmt_int(t.pending_in_time), waiting=fmt_int(t.waiting_supplement)
            ),
        )
        c["overdue"].set_figure(
            fmt_int(t.pending_overdue),
            self.tr("Đang giải quyết, đã quá hạn tính đến hết ngày {day}").format(day=fmt_date(self.data.period.end)),
        )
        c["overdue"].set_alert(t.pending_overdue > 0)

    def _fill_other_cards(self) -> None:
        assert self.data is not None
        st, eq, w = self.data.summary.staffing, self.data.summary.equipment, self.data.waiting
        c = self.cards
        year = st.on.year
        if st.official_quota is None:
            c["staff"].set_figure(
                fmt_int(st.official_posts), self.tr("Chưa nhập chỉ tiêu năm {year}").format(year=year)
            )
        else:
            gap = st.official_quota - st.official_posts
            if gap > 0:
                detail = self.tr("Còn thiếu {n} so với chỉ tiêu năm {year}")
            elif gap < 0:
                detail = self.tr("Vượt {n} so với chỉ tiêu năm {year}")
            else:
                detail = self.tr("Đủ chỉ tiêu năm {year}")
            c["staff"].set_figure(
                f"{fmt_int(st.official_posts)} / {fmt_int(st.official_quota)}",
                detail.format(n=fmt_int(abs(gap)), year=year),
            )
        cover = st.signature_coverage
        detail = self.tr("{with_sig}/{total} cán bộ, công chức có chữ ký số còn hạn").format(
            with_sig=fmt_int(st.with_signature), total=fmt_int(st.official_posts)
        )
        if not st.official_posts:
            detail = self.tr("Sổ nhân sự chưa có cán bộ, công chức")
        if st.signatures_expiring_60d:
            detail += "; " + self.tr("{n} sắp hết hạn trong 60 ngày").format(n=fmt_int(st.signatures_expiring_60d))
        c["signature"].set_figure("—" if cover is None else fmt_pct(cover), detail)
        short = sorted((k for k in eq.by_kind if k.shortage > 0), key=lambda k: -k.shortage)[:3]
        if short:
            detail = self.tr("Thiếu nhiều nhất: {kinds}").format(
                kinds="; ".join(f"{k.kind.label(self.ctx.lang)} {fmt_int(k.shortage)}" for k in short)
            )
        elif eq.by_kind:
            detail = self.tr("Đủ thiết bị theo định mức")
        else:
            detail = self.tr("Chưa nhập trang thiết bị")
        c["equipment"].set_figure(fmt_int(eq.total_shortage), detail)
        if w.oldest_raised is None:
            detail = self.tr("Không có kiến nghị nào đang chờ")
        else:
            detail = self.tr("Chờ lâu nhất {days} ngày (từ {day})").format(
                days=fmt_int(w.oldest_age_days), day=fmt_date(w.oldest_raised)
            )
        c["proposals"].set_figure(fmt_int(w.count), detail)
