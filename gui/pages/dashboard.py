"""Tổng quan: the reporting period at a glance — key figures from storage's aggregates and three charts.

Figures are recomputed only while the page is on screen: a change made elsewhere marks the page
stale and the work happens when it is shown again. The work runs off the GUI thread (on 100,000
dossiers it takes a noticeable fraction of a second): the previous figures stay, greyed, with an
"Đang tính…" note until the new ones arrive; a result for a period the user has already left is
dropped and the latest choice computed instead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
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
from gui.pages.dashboard_data import DashboardData, load_dashboard
from gui.pages.dashboard_overdue import OverdueDialog, OverdueSource
from gui.pages.dashboard_period import PeriodSelector
from gui.pages.latest_task import LatestTask
from gui.widgets.format import fmt_date, fmt_int, fmt_pct
from gui.widgets.heading import make_heading
from storage.aggregates.trends import as_of
from storage.periods import Period

DOSSIER_CARDS = ("received", "resolved", "on_time", "pending", "overdue")
OTHER_CARDS = ("staff", "signature", "equipment", "proposals")
BUSY_DELAY_MS = 150  # quicker results replace the figures without a grey flash
SIDE_BY_SIDE_WIDTH = 1080  # page width from which two half-width charts keep their labels whole


class DashboardPage(QWidget):
    """The home screen: pick a period, read its key figures, open the overdue list."""

    figures_shown = Signal()  # the figures on screen are now those of the chosen period

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today: Callable[[], date] = date.today  # replaced in tests that need a fixed day
        self.data: DashboardData | None = None
        self.overdue_dialog: OverdueDialog | None = None
        self._stale = True
        self._follow_current = True  # until the user picks another period
        self._work = LatestTask(self, self.tr("Đang tính số liệu tổng quan…"))
        self._work.done.connect(self._computed)
        self._work.failed.connect(self._failed)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(lambda: self._show_busy(True))
        self.busy_label = QLabel()
        self.busy_label.setStyleSheet("color: #1565c0; font-style: italic;")
        self.busy_label.hide()
        self.heading = make_heading(QLabel())
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
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_label, 1)
        period_row.addWidget(self.busy_label)
        lay.addLayout(period_row)
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
        self.charts = QGridLayout()
        self.charts.setSpacing(10)
        self.charts.addWidget(self.monthly_chart, 0, 0, 1, 2)  # twelve months need the full width
        self._arrange_charts(side_by_side=True)
        lay.addLayout(self.charts)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _arrange_charts(self, *, side_by_side: bool) -> None:
        """Rate and equipment charts side by side on a wide page, one under the other on a narrow one
        (where QtCharts would cut their titles, month labels and equipment names)."""
        for chart in (self.rate_chart, self.equipment_chart):
            self.charts.removeWidget(chart)
        if side_by_side:
            self.charts.addWidget(self.rate_chart, 1, 0)
            self.charts.addWidget(self.equipment_chart, 1, 1)
        else:
            self.charts.addWidget(self.rate_chart, 1, 0, 1, 2)
            self.charts.addWidget(self.equipment_chart, 2, 0, 1, 2)
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

    def _on_data_changed(self, _kind: str) -> None:
        # Every kind of record feeds some figure; work only when someone is looking.
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Recompute the figures for the chosen period (the running one, unless the user chose another).

        The work runs in the background; the page keeps answering meanwhile.
        """
        rules = self.ctx.rules().rules
        self.selector.set_rules(rules.official_periods, rules.cutoff_day)
        current = self.selector.containing(self.today())
        self.selector.set_latest(current)
        if self._follow_current:
            self.selector.set_period(current)
        self._stale = False
        period, today = self.selector.period(), self.today()
        sessions = self.ctx.db.sessions  # the worker opens its own session: never one shared across threads

        def compute() -> DashboardData:
            with sessions() as s:
                return load_dashboard(s, period, today)

        self._work.request(compute)
        self._fill_period_label()
        for card in self.cards.values():
            card.set_pending(self.data is not None)
        if self.data is None:
            self._show_busy(True)
        elif not self._busy_timer.isActive() and not self.busy_label.isVisible():
            self._busy_timer.start()

    def is_computing(self) -> bool:
        """True from a refresh until its figures (or its error) are shown."""
        return self._work.busy()

    def _computed(self, data: DashboardData) -> None:
        self._end_busy()
        self.data = data
        self._fill()
        self.figures_shown.emit()

    def _failed(self, exc: BaseException) -> None:
        self._end_busy()
        self._stale = True  # try again next time the page is shown
        show_error(self, exc, self.ctx.lang)

    def _end_busy(self) -> None:
        self._busy_timer.stop()
        self._show_busy(False)
        for card in self.cards.values():
            card.set_pending(False)

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)

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
        on = as_of(self.selector.period(), self.today()).end
        if on == self.today() and self._open_in_register():
            return
        if self.overdue_dialog is not None:
            self.overdue_dialog.close()
        try:
            self.overdue_dialog = OverdueDialog(OverdueSource(self.ctx, on), on, self)
        except Exception as exc:  # a broken database must not take the home screen down
            show_error(self, exc, self.ctx.lang)
            return
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
        self.busy_label.setText(self.tr("Đang tính…"))
        self.cards["overdue"].setToolTip(self.tr("Bấm để xem danh sách hồ sơ quá hạn"))
        self.selector.retranslate()
        for chart in (self.monthly_chart, self.rate_chart, self.equipment_chart):
            chart.retranslate()
        self._fill()

    def _fill_period_label(self) -> None:
        """The chosen period at once (the figures below may still be the previous ones, greyed)."""
        chosen = self.selector.period()
        seen = as_of(chosen, self.today())
        lang = self.ctx.lang
        text = self.tr("{label} {range}").format(label=chosen.label(lang), range=chosen.range_text(lang))
        if seen.end < chosen.end:  # the running period: figures as of today
            text += " — " + self.tr("số liệu tính đến hết ngày {day}").format(day=fmt_date(seen.end))
        self.period_label.setText(text)

    def _fill(self) -> None:
        self._fill_period_label()
        if self.data is None:
            return
        d = self.data
        lang = self.ctx.lang
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
