"""The dashboard's charts (QtCharts): dossiers per month by outcome, on-time rate, equipment by kind.

Each chart's series and axes are built once and only their values change on refresh (re-creating
axes leaves stale labels drawn until the next event-loop pass). Numbers on axes and labels follow
the interface language (QChart.localizeNumbers: 1.234 and 95,1 in Vietnamese).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QResizeEvent

from storage.aggregates.equipment_proposals import KindTotals
from storage.aggregates.trends import MonthPoint
from storage.periods import Period

EARLY, ON_TIME, LATE, PENDING = "#2e7d32", "#1e88e5", "#e53935", "#9e9e9e"
REQUIRED, WORKING = "#90a4ae", "#43a047"
LABEL_MARGIN = 16  # pixels QtCharts needs beside a category label before it elides it
VERTICAL_LABEL_SHARE = 0.3  # of a chart's width: QtCharts elides longer names beside horizontal bars
ROW_HEIGHT, ROW_HEIGHT_TWO_LINES = 36, 46  # pixels per bar group beside one-line and two-line names


def month_label(p: Period) -> str:
    """A month's short name on an axis: "T7/2025" (the official month, data from 15/06 to 14/07)."""
    return QCoreApplication.translate("DashboardCharts", "T{month}/{year}").format(month=p.index, year=p.year)


def _bar_set(color: str) -> QBarSet:
    bar = QBarSet("")
    bar.setColor(QColor(color))
    bar.setBorderColor(QColor(color))
    return bar


def _set_values(bar: QBarSet, values: Sequence[int]) -> None:
    if bar.count():
        bar.remove(0, bar.count())
    bar.append([float(v) for v in values])


class _ChartView(QChartView):
    """A chart without animation (offscreen grabs and tests see the final picture at once)."""

    def __init__(self, category_align: Qt.AlignmentFlag, value_align: Qt.AlignmentFlag) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(6, 6, 6, 6))
        chart.setBackgroundRoundness(4)
        chart.setLocalizeNumbers(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        super().__init__(chart)
        chart.layout().setContentsMargins(0, 0, 0, 0)  # line up with the cards above
        self.setFrameShape(QChartView.Shape.NoFrame)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(320)
        title_font = QFont(self.font())
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        self.category_axis = QBarCategoryAxis()
        self._labels: list[str] = []
        self._shown_form = ""
        self._title = ""
        self.value_axis = QValueAxis()
        self.value_axis.setLabelFormat("%.0f")  # "%d" prints nothing once numbers are localized
        chart.addAxis(self.category_axis, category_align)
        chart.addAxis(self.value_axis, value_align)

    def _attach(self, series: QAbstractBarSeries | QLineSeries) -> None:
        self.chart().addSeries(series)
        series.attachAxis(self.category_axis)
        series.attachAxis(self.value_axis)

    def _set_categories(self, labels: list[str]) -> None:
        self.chart().setLocale(QLocale())  # follows a language switch
        self._labels = list(labels)
        self._shown_form = ""
        self._fit_labels()

    def _count_range(self, top: int) -> None:
        self.value_axis.setRange(0, max(top, 4))
        self.value_axis.applyNiceNumbers()

    def categories(self) -> list[str]:
        """The labels along the category axis, one line each (as given, however they are drawn)."""
        return list(self._labels)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_title()
        self._fit_labels()

    def _set_title(self, title: str) -> None:
        self._title = title
        self._fit_title()

    def _fit_title(self) -> None:
        """The title on two lines when it is wider than the chart (QtCharts would cut it: "(hiện trạ…")."""
        title = self._title
        too_wide = QFontMetrics(self.chart().titleFont()).horizontalAdvance(title) > self.width() - 24
        shown = _wrap(title) if too_wide else title
        if self.chart().title() != shown:
            self.chart().setTitle(shown)

    def _fit_labels(self) -> None:
        """Month labels side by side when they fit, else on two lines ("T12" over "2025"), else upright.

        QtCharts elides a label wider than its category less a margin ("T12/2…" at 1366 pixels).
        """
        labels = self._labels
        metrics = QFontMetrics(self.category_axis.labelsFont())
        if self.category_axis.orientation() != Qt.Orientation.Horizontal or not labels:
            # Names beside horizontal bars: a long one ("Digital-signature certificate / token") on two lines.
            widest = self.width() * VERTICAL_LABEL_SHARE
            wrapped = [_wrap(t) if metrics.horizontalAdvance(t) > widest else t for t in labels]
            self._show_labels(wrapped, "|".join(wrapped), 0)
            # QtCharts also cuts a label taller than its bar group: two-line names need taller groups.
            per_row = ROW_HEIGHT_TWO_LINES if any("<br>" in t for t in wrapped) else ROW_HEIGHT
            self.setMinimumHeight(max(320, 100 + per_row * len(labels)))
            return
        room = self.chart().plotArea().width() / len(labels)
        two = [_two_lines(t) for t in labels]
        if room >= max(metrics.horizontalAdvance(t) for t in labels) + LABEL_MARGIN:
            self._show_labels(labels, "one", 0)
        elif room >= max(metrics.horizontalAdvance(part) for t in two for part in t.split("<br>")) + LABEL_MARGIN:
            self._show_labels(two, "two", 0)
        else:
            self._show_labels(labels, "upright", -90)

    def _show_labels(self, labels: list[str], form: str, angle: int) -> None:
        # Re-set only when the form changes: clearing the axis on every resize makes it flicker.
        if form != self._shown_form or self.category_axis.count() != len(labels):
            self.category_axis.clear()
            self.category_axis.append(labels)
            self._shown_form = form
        self.category_axis.setLabelsAngle(angle)


def _wrap(label: str) -> str:
    """A long name on two lines, broken at the space nearest its middle (axis labels are rich text)."""
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    if not spaces:
        return label
    cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return f"{label[:cut]}<br>{label[cut + 1 :]}"


def _two_lines(label: str) -> str:
    """ "T12/2025" drawn as "T12" over "2025" (axis labels are rich text)."""
    head, sep, tail = label.rpartition("/")
    return f"{head}<br>{tail}" if sep and head else label


class MonthlyDossierChart(_ChartView):
    """Dossiers handled each month (form column 3), stacked by how they ended or whether still open."""

    def __init__(self) -> None:
        super().__init__(Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
        self._points: list[MonthPoint] = []
        self.series = QStackedBarSeries()
        self.early, self.on_time, self.late, self.pending = (_bar_set(c) for c in (EARLY, ON_TIME, LATE, PENDING))
        for bar in (self.early, self.on_time, self.late, self.pending):
            self.series.append(bar)
        self._attach(self.series)
        self.retranslate()

    def show_points(self, points: Sequence[MonthPoint]) -> None:
        self._points = list(points)
        _set_values(self.early, [p.early for p in points])
        _set_values(self.on_time, [p.on_time for p in points])
        _set_values(self.late, [p.late for p in points])
        _set_values(self.pending, [p.pending for p in points])
        self._count_range(max((p.received for p in points), default=0))
        self._set_categories([month_label(p.period) for p in points])

    def stack_totals(self) -> list[int]:
        """Height of each month's bar (early + on time + late + still open)."""
        sets = (self.early, self.on_time, self.late, self.pending)
        return [int(sum(b.at(i) for b in sets)) for i in range(self.early.count())]

    def retranslate(self) -> None:
        self._set_title(self.tr("Hồ sơ theo tháng và kết quả giải quyết"))
        self.early.setLabel(self.tr("Trước hạn"))
        self.on_time.setLabel(self.tr("Đúng hạn"))
        self.late.setLabel(self.tr("Quá hạn"))
        self.pending.setLabel(self.tr("Đang giải quyết"))
        self.value_axis.setTitleText(self.tr("Số hồ sơ"))
        self._set_categories([month_label(p.period) for p in self._points])


class OnTimeRateChart(_ChartView):
    """The on-time rate month by month (months with nothing resolved have no point)."""

    def __init__(self) -> None:
        super().__init__(Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
        self._points: list[MonthPoint] = []
        self.chart().legend().setVisible(False)
        self.series = QLineSeries()
        self.series.setColor(QColor(ON_TIME))
        self.series.setPointsVisible(True)
        self.series.setMarkerSize(3)
        self.series.setPointLabelsVisible(True)
        self.series.setPointLabelsFormat("@yPoint%")
        self.series.setPointLabelsClipping(False)
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.series.setPointLabelsFont(small)
        self._attach(self.series)
        self.value_axis.setRange(0, 110)  # room above 100% for the point labels
        self.value_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.value_axis.setTickAnchor(0)
        self.value_axis.setTickInterval(20)
        self.value_axis.setLabelFormat("%.0f%")  # localized formatting keeps "%%" doubled
        self.retranslate()

    def show_points(self, points: Sequence[MonthPoint]) -> None:
        self._points = list(points)
        # Whole percents: twelve labels like "94,5%" side by side on half the page ran into each other;
        # the card above gives the chosen period's exact rate.
        self.series.replace(
            [QPointF(i, round(p.on_time_rate * 100)) for i, p in enumerate(points) if p.on_time_rate is not None]
        )
        self._set_categories([month_label(p.period) for p in points])

    def values(self) -> list[tuple[float, float]]:
        """The plotted (month position, rate in %) points."""
        return [(pt.x(), pt.y()) for pt in self.series.points()]

    def retranslate(self) -> None:
        self._set_title(self.tr("Tỷ lệ giải quyết đúng hạn (%)"))
        self.series.setName(self.tr("Tỷ lệ đúng hạn"))
        self._set_categories([month_label(p.period) for p in self._points])


class EquipmentChart(_ChartView):
    """Required against working units for each kind of equipment the commune records."""

    def __init__(self) -> None:
        super().__init__(Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
        self._kinds: list[KindTotals] = []
        self._lang = "vi"
        self.series = QHorizontalBarSeries()
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.series.setLabelsFormat("@value")
        # Horizontal bars draw the first set lowest in each group: "working" under "required".
        # QtCharts elides names wider than about a third of the chart: a smaller type keeps
        # "Đường truyền mạng, internet" whole on half of a 1366-pixel screen.
        small = QFont(self.category_axis.labelsFont())
        small.setPointSizeF(small.pointSizeF() * 0.88)
        self.category_axis.setLabelsFont(small)
        self.working, self.required = _bar_set(WORKING), _bar_set(REQUIRED)
        for bar in (self.working, self.required):
            bar.setLabelColor(QColor("#263238"))
            self.series.append(bar)
        self._attach(self.series)
        self.retranslate()

    def show_kinds(self, kinds: Sequence[KindTotals], lang: str) -> None:
        self._kinds, self._lang = list(kinds), lang
        ordered = list(reversed(self._kinds))  # the first category is drawn at the bottom
        _set_values(self.working, [k.working for k in ordered])
        _set_values(self.required, [k.required for k in ordered])
        self._count_range(max((k.required for k in ordered), default=0) + 1)
        self._set_categories([k.kind.label(lang) for k in ordered])

    def retranslate(self) -> None:
        self._set_title(self.tr("Trang thiết bị: cần có và đang hoạt động tốt (hiện trạng)"))
        self.working.setLabel(self.tr("Đang hoạt động tốt"))
        self.required.setLabel(self.tr("Cần có"))
        self.value_axis.setTitleText(self.tr("Số lượng"))
        self._set_categories([k.kind.label(self._lang) for k in reversed(self._kinds)])
