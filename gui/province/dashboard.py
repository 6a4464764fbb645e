"""Tổng quan (province): who reported for a period, the province's totals and two charts.

The period follows the latest one any commune reported for, until the user picks another. As on
the commune dashboard the figures are computed off the GUI thread (LatestTask) and only while the
page is on screen; a change made elsewhere marks the page stale.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from gui.context import AppContext
from gui.errors import show_error
from gui.pages.dashboard_cards import FigureCard
from gui.pages.dashboard_period import PeriodSelector
from gui.pages.latest_task import LatestTask
from gui.province.dashboard_charts import CommuneRateChart, ShortageChart
from gui.province.dashboard_data import ProvinceDashboardData, latest_reported_period, load_province_dashboard
from gui.widgets.format import fmt_date, fmt_int, fmt_pct
from gui.widgets.heading import make_heading
from storage.periods import Period

REPORT_CARDS = ("reported", "received", "resolved", "on_time")
FOLLOW_UP_CARDS = ("shortage", "proposals", "answers")
WATCHED = {"province_reports", "province_communes", "province_answers", "settings", "*"}
BUSY_DELAY_MS = 150
SIDE_BY_SIDE_WIDTH = 1080
MAX_NAMES = 4  # communes named in a card's detail line before "…"


class ProvinceDashboardPage(QWidget):
    """The province's home screen: pick a period, see who reported and the totals."""

    status_message = Signal(str)
    figures_shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today: Callable[[], date] = date.today  # replaced in tests that need a fixed day
        self.data: ProvinceDashboardData | None = None
        self._stale = True
        self._follow_latest = True  # until the user picks another period
        self._work = LatestTask(self, self.tr("Đang tính số liệu tổng quan…"))
        self._work.done.connect(self._computed)
        self._work.failed.connect(self._failed)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(lambda: self.busy_label.show())
        self.busy_label = QLabel()
        self.busy_label.setStyleSheet("color: #1565c0; font-style: italic;")
        self.busy_label.hide()
        self.heading = make_heading(QLabel())
        self.period_label = QLabel()
        self.period_label.setWordWrap(True)
        self.selector = PeriodSelector()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(
            "background: #fff8e1; border: 1px solid #ffe082; border-radius: 6px; padding: 24px; font-size: 12pt;"
        )
        self.empty_label.hide()
        self.cards = {key: FigureCard() for key in REPORT_CARDS + FOLLOW_UP_CARDS}
        self.report_section = QLabel()
        self.follow_up_section = QLabel()
        for label in (self.report_section, self.follow_up_section):
            label.setStyleSheet("font-weight: bold; color: #37474f;")
        self.rate_chart = CommuneRateChart()
        self.shortage_chart = ShortageChart()
        self.rate_note = QLabel()
        self.rate_note.setWordWrap(True)
        self.rate_note.setStyleSheet("color: #4a5563;")
        self.rate_note.hide()
        self._build_layout()
        self.selector.period_changed.connect(self._period_chosen)
        self.selector.current_requested.connect(self.show_latest_period)
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
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_label, 1)
        period_row.addWidget(self.busy_label)
        lay.addLayout(period_row)
        lay.addWidget(self.empty_label)
        self.figures = QWidget()
        fig = QVBoxLayout(self.figures)
        fig.setContentsMargins(0, 0, 0, 0)
        fig.setSpacing(10)
        for section, keys in ((self.report_section, REPORT_CARDS), (self.follow_up_section, FOLLOW_UP_CARDS)):
            fig.addWidget(section)
            row = QHBoxLayout()
            row.setSpacing(10)
            for key in keys:
                row.addWidget(self.cards[key], 1)
            fig.addLayout(row)
        self.charts = QGridLayout()
        self.charts.setSpacing(10)
        self._arrange_charts(side_by_side=True)
        fig.addLayout(self.charts)
        fig.addWidget(self.rate_note)
        lay.addWidget(self.figures)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _arrange_charts(self, *, side_by_side: bool) -> None:
        """Side by side on a wide page, one under the other on a narrow one (long names stay whole)."""
        for chart in (self.rate_chart, self.shortage_chart):
            self.charts.removeWidget(chart)
        # Each chart as tall as its rows need (three communes beside twelve kinds would get fat bars).
        top = Qt.AlignmentFlag.AlignTop
        if side_by_side:
            self.charts.addWidget(self.rate_chart, 0, 0, top)
            self.charts.addWidget(self.shortage_chart, 0, 1, top)
        else:
            self.charts.addWidget(self.rate_chart, 0, 0, top)
            self.charts.addWidget(self.shortage_chart, 1, 0, top)
        self._side_by_side = side_by_side

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= SIDE_BY_SIDE_WIDTH
        if wide != self._side_by_side:
            self._arrange_charts(side_by_side=wide)

    # --- computing ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_data_changed(self, kind: str) -> None:
        if kind not in WATCHED:
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Recompute the figures (F5) for the chosen period, or the latest one reported for."""
        rules = self.ctx.rules().rules
        official, cutoff = rules.official_periods, rules.cutoff_day
        self.selector.set_rules(official, cutoff)
        today = self.today()
        self.selector.set_latest(self.selector.containing(today))
        self._stale = False
        follow, chosen = self._follow_latest, self.selector.period()
        sessions = self.ctx.db.sessions  # the worker opens its own session

        def compute() -> ProvinceDashboardData:
            with sessions() as s:
                period = chosen
                if follow:
                    period = latest_reported_period(s, official=official, cutoff_day=cutoff) or chosen
                return load_province_dashboard(s, period, today)

        self._work.request(compute)
        for card in self.cards.values():
            card.set_pending(self.data is not None)
        if self.data is None:
            self.busy_label.show()
        elif not self._busy_timer.isActive() and not self.busy_label.isVisible():
            self._busy_timer.start()

    def is_computing(self) -> bool:
        return self._work.busy()

    def _computed(self, data: ProvinceDashboardData) -> None:
        self._end_busy()
        self.data = data
        if self._follow_latest:
            self.selector.set_period(data.period)  # no signal: the user did not choose it
        self._fill()
        self.figures_shown.emit()

    def _failed(self, exc: BaseException) -> None:
        self._end_busy()
        self._stale = True
        show_error(self, exc, self.ctx.lang)

    def _end_busy(self) -> None:
        self._busy_timer.stop()
        self.busy_label.hide()
        for card in self.cards.values():
            card.set_pending(False)

    def _period_chosen(self, _period: Period) -> None:
        self._follow_latest = False
        self.refresh()

    def show_latest_period(self) -> None:
        """Back to the latest period reported for (and follow it as new reports arrive)."""
        self._follow_latest = True
        self.refresh()

    # --- texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Tổng quan"))
        self.report_section.setText(self.tr("Báo cáo của các xã và hồ sơ thủ tục hành chính trong kỳ"))
        self.follow_up_section.setText(self.tr("Trang thiết bị và kiến nghị"))
        titles = {
            "reported": self.tr("Xã đã gửi báo cáo"),
            "received": self.tr("Hồ sơ tiếp nhận"),
            "resolved": self.tr("Đã giải quyết"),
            "on_time": self.tr("Tỷ lệ đúng hạn toàn tỉnh"),
            "shortage": self.tr("Thiết bị còn thiếu"),
            "proposals": self.tr("Kiến nghị đang chờ giải quyết"),
            "answers": self.tr("Trả lời chưa gửi xã"),
        }
        for key, title in titles.items():
            self.cards[key].set_title(title)
        self.busy_label.setText(self.tr("Đang tính…"))
        self.empty_label.setText(self.tr("Chưa nhận báo cáo nào: vào «Nhận báo cáo» để nhập tệp của các xã."))
        self.selector.retranslate()
        # The selector's "current period" button leads here to the latest period the communes reported for.
        self.selector.current_btn.setText(self.tr("Kỳ mới nhất"))
        self.selector.current_btn.setToolTip(self.tr("Quay về kỳ báo cáo mới nhất mà các xã đã gửi"))
        for chart in (self.rate_chart, self.shortage_chart):
            chart.retranslate()
        self._fill()

    def _fill(self) -> None:
        d = self.data
        if d is None:
            self.period_label.setText("")
            return
        lang = self.ctx.lang
        self.period_label.setText(
            self.tr("{label} {range} — hạn nộp báo cáo: hết ngày {deadline}").format(
                label=d.period.label(lang), range=d.period.range_text(lang), deadline=fmt_date(d.deadline)
            )
        )
        self.empty_label.setVisible(not d.any_report)
        self.figures.setVisible(d.any_report)
        self._fill_report_cards(d)
        self._fill_follow_up_cards(d)
        self.rate_chart.show_rates(d.commune_rates, d.rate)
        self.shortage_chart.show_kinds(d.kinds, lang)
        note = ""
        if not d.consolidation.communes:
            note = self.tr("Chưa có xã nào gửi báo cáo kỳ này: các biểu đồ còn trống.")
        elif d.no_resolved:
            note = self.tr("Chưa có hồ sơ giải quyết xong trong kỳ (không có trong biểu đồ): {names}").format(
                names=", ".join(d.no_resolved)
            )
        self.rate_note.setText(note)
        self.rate_note.setVisible(bool(note))

    def _names(self, names: list[str]) -> str:
        shown = ", ".join(names[:MAX_NAMES])
        if len(names) > MAX_NAMES:
            shown += " " + self.tr("và {n} xã khác").format(n=fmt_int(len(names) - MAX_NAMES))
        return shown

    def _fill_report_cards(self, d: ProvinceDashboardData) -> None:
        c, t, cards = d.consolidation, d.consolidation.total, self.cards
        missing = [m.name for m in c.missing]
        if not c.expected:
            detail = self.tr("Danh sách xã còn trống: vào «Danh sách xã» để thêm")
        elif missing:
            detail = self.tr("Chưa gửi: {names}").format(names=self._names(missing))
        else:
            detail = self.tr("Tất cả các xã đã gửi báo cáo kỳ này")
        cards["reported"].set_figure(f"{fmt_int(len(c.communes))}/{fmt_int(len(c.expected))}", detail)
        cards["reported"].set_alert(bool(missing) and self.today() > d.deadline)
        cards["received"].set_figure(
            fmt_int(t["received_total"]),
            self.tr("Mới nhận {new} (trực tuyến {online}) · kỳ trước chuyển sang {carried}").format(
                new=fmt_int(t["received_online"] + t["received_direct_postal"]),
                online=fmt_int(t["received_online"]),
                carried=fmt_int(t["carried_over"]),
            ),
        )
        cards["resolved"].set_figure(
            fmt_int(t["resolved_total"]),
            self.tr("Trước hạn {early} · đúng hạn {on_time} · quá hạn {late}").format(
                early=fmt_int(t["resolved_early"]),
                on_time=fmt_int(t["resolved_on_time"]),
                late=fmt_int(t["resolved_late"]),
            ),
        )
        if d.rate is None:
            detail = self.tr("Chưa có hồ sơ giải quyết xong trong kỳ")
        else:
            lowest = d.commune_rates[0]
            detail = self.tr("Thấp nhất: {name} {rate}").format(name=lowest.name, rate=fmt_pct(lowest.rate))
        cards["on_time"].set_figure("—" if d.rate is None else fmt_pct(d.rate), detail)

    def _fill_follow_up_cards(self, d: ProvinceDashboardData) -> None:
        lang, cards = self.ctx.lang, self.cards
        short = [k for k in d.kinds if k.shortage > 0][:3]
        if short:
            detail = self.tr("Thiếu nhiều nhất: {kinds}").format(
                kinds="; ".join(f"{k.label(lang)} {fmt_int(k.shortage)}" for k in short)
            )
        elif d.kinds:
            detail = self.tr("Các xã đã gửi báo cáo đủ thiết bị theo định mức")
        else:
            detail = self.tr("Chưa có số liệu trang thiết bị trong kỳ")
        cards["shortage"].set_figure(fmt_int(d.total_shortage), detail)
        if d.oldest_open_days is None:
            detail = self.tr("Không có kiến nghị nào đang chờ")
        else:
            detail = self.tr("Chờ lâu nhất {days} ngày; trả lời tại «Kiến nghị của xã»").format(
                days=fmt_int(d.oldest_open_days)
            )
        cards["proposals"].set_figure(fmt_int(d.open_proposals), detail)
        if d.answers_to_send:
            detail = self.tr("Của {n} xã: xuất tệp phản hồi tại «Kiến nghị của xã»").format(
                n=fmt_int(d.communes_to_send)
            )
        else:
            detail = self.tr("Mọi trả lời đã được gửi về xã")
        cards["answers"].set_figure(fmt_int(d.answers_to_send), detail)
