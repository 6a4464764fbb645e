"""The province dashboard's charts: on-time rate per commune against the province's, shortage by kind.

Built on the commune dashboard's chart view (same look, label fitting and localized numbers);
series and axes are made once and only their values change on refresh.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QAbstractBarSeries, QHorizontalBarSeries, QLineSeries, QValueAxis
from PySide6.QtCore import QLocale, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPen

from gui.pages.dashboard_charts import LATE, ON_TIME, _bar_set, _ChartView, _set_values
from gui.province.dashboard_data import CommuneRate, KindShortage

PROVINCE_LINE = "#ef6c00"


class _FittedChart(_ChartView):
    """A chart as tall as its rows need (its minimum height, set from the label count), not stretched."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


def _pct(value: float) -> float:
    """A rate as a percent with one decimal, as the bar labels print it ("96,3%")."""
    return round(value * 100, 1)


class CommuneRateChart(_FittedChart):
    """Each reporting commune's on-time rate, lowest on top, with the province's rate as a dashed line."""

    def __init__(self) -> None:
        super().__init__(Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
        self._rates: list[CommuneRate] = []
        self._province: float | None = None
        self.series = QHorizontalBarSeries()
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.series.setLabelsFormat("@value%")
        self.series.setBarWidth(0.6)
        self.bars = _bar_set(ON_TIME)
        self.bars.setLabelColor(QColor("#263238"))
        self.series.append(self.bars)
        self._attach(self.series)
        self.province_line = QLineSeries()
        pen = QPen(QColor(PROVINCE_LINE))
        pen.setWidth(2)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.province_line.setPen(pen)
        self._attach(self.province_line)
        self.value_axis.setRange(0, 115)  # room right of 100% for the bar labels
        self.value_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.value_axis.setTickAnchor(0)
        self.value_axis.setTickInterval(20)
        self.value_axis.setLabelFormat("%.0f%")
        self.retranslate()

    def show_rates(self, rates: Sequence[CommuneRate], province: float | None) -> None:
        self._rates, self._province = list(rates), province
        ordered = list(reversed(self._rates))  # the first category is drawn at the bottom: lowest on top
        if self.bars.count():
            self.bars.remove(0, self.bars.count())
        self.bars.append([_pct(r.rate or 0.0) for r in ordered])
        if province is None or not ordered:
            self.province_line.clear()
        else:
            x = _pct(province)
            self.province_line.replace([QPointF(x, -0.5), QPointF(x, len(ordered) - 0.5)])
        self._set_categories([r.name for r in ordered])
        self._name_line()

    def values(self) -> list[tuple[str, float]]:
        """(commune, rate in %) as drawn, top to bottom."""
        return [(name, self.bars.at(i)) for i, name in reversed(list(enumerate(self.categories())))]

    def province_value(self) -> float | None:
        points = self.province_line.points()
        return points[0].x() if points else None

    def _name_line(self) -> None:
        if self._province is None:
            self.province_line.setName(self.tr("Toàn tỉnh"))
        else:
            rate = QLocale().toString(_pct(self._province), "f", 1)
            self.province_line.setName(self.tr("Toàn tỉnh: {rate}%").format(rate=rate))

    def retranslate(self) -> None:
        self._set_title(self.tr("Tỷ lệ giải quyết đúng hạn theo xã (%), thấp nhất ở trên"))
        self.bars.setLabel(self.tr("Tỷ lệ đúng hạn của xã"))
        self._name_line()
        self._set_categories([r.name for r in reversed(self._rates)])


class ShortageChart(_FittedChart):
    """Equipment still missing in the reporting communes, by kind, the largest shortage on top."""

    def __init__(self) -> None:
        super().__init__(Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
        self._kinds: list[KindShortage] = []
        self._lang = "vi"
        self.chart().legend().setVisible(False)  # one series: the title says what it is
        self.series = QHorizontalBarSeries()
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.series.setLabelsFormat("@value")
        small = self.category_axis.labelsFont()
        small.setPointSizeF(small.pointSizeF() * 0.88)  # as the commune chart: long kind names stay whole
        self.category_axis.setLabelsFont(small)
        self.bars = _bar_set(LATE)
        self.bars.setLabelColor(QColor("#263238"))
        self.series.append(self.bars)
        self._attach(self.series)
        self.retranslate()

    def show_kinds(self, kinds: Sequence[KindShortage], lang: str) -> None:
        self._kinds, self._lang = list(kinds), lang
        ordered = list(reversed(self._kinds))
        _set_values(self.bars, [k.shortage for k in ordered])
        self._count_range(max((k.shortage for k in ordered), default=0) + 1)
        self._set_categories([k.label(lang) for k in ordered])

    def values(self) -> list[tuple[str, int]]:
        """(kind, shortage) as drawn, top to bottom."""
        return [(name, int(self.bars.at(i))) for i, name in reversed(list(enumerate(self.categories())))]

    def retranslate(self) -> None:
        self._set_title(self.tr("Trang thiết bị còn thiếu theo loại (các xã đã gửi báo cáo)"))
        self.bars.setLabel(self.tr("Còn thiếu"))
        self.value_axis.setTitleText(self.tr("Số lượng"))
        self._set_categories([k.label(self._lang) for k in reversed(self._kinds)])
