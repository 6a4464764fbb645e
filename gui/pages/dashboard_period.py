"""Choosing the reporting period the dashboard shows: kind, month/quarter/half, year, and steps back and forth."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QToolButton, QWidget

from storage.periods import MAX_YEAR, MIN_YEAR, Period, PeriodKind, period_containing, period_for

KINDS = (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF_YEAR, PeriodKind.NINE_MONTHS, PeriodKind.YEAR)
INDEX_COUNT = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF_YEAR: 2}
_ROMAN = ("I", "II", "III", "IV")


class PeriodSelector(QWidget):
    """Kind + index + year; every change emits ``period_changed`` with the new storage Period."""

    period_changed = Signal(object)  # Period
    current_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._official, self._cutoff = True, 15
        self._period = period_containing(date.today())
        self._latest_start = date(MAX_YEAR, 12, 31)  # no step past the running period (no data there yet)
        self.caption = QLabel()
        self.kind = QComboBox()
        self.index = QComboBox()
        self.index.setMinimumContentsLength(16)
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setKeyboardTracking(False)  # a period per finished number, not per keystroke
        self.prev_btn = QToolButton()
        self.prev_btn.setText("◀")
        self.next_btn = QToolButton()
        self.next_btn.setText("▶")
        self.current_btn = QPushButton()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.caption, self.kind, self.index, self.year, self.prev_btn, self.next_btn, self.current_btn):
            lay.addWidget(w)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.index.currentIndexChanged.connect(lambda _i: self._fields_changed())
        self.year.valueChanged.connect(lambda _v: self._fields_changed())
        self.prev_btn.clicked.connect(lambda: self.set_period(self._period.previous(), emit=True))
        self.next_btn.clicked.connect(lambda: self.set_period(self.following(self._period), emit=True))
        self.current_btn.clicked.connect(self.current_requested)
        self.retranslate()

    # --- the period ---------------------------------------------------------------------------
    def period(self) -> Period:
        return self._period

    def set_rules(self, official: bool, cutoff_day: int) -> None:
        """Use new cut-off settings; the same named period is rebuilt with them (no signal)."""
        if (official, cutoff_day) == (self._official, self._cutoff):
            return
        self._official, self._cutoff = official, cutoff_day
        p = self._period
        self.set_period(period_for(p.kind, p.year, p.index, official=official, cutoff_day=cutoff_day))

    def set_latest(self, running: Period) -> None:
        """The period running today: stepping forward stops there and the year goes no further."""
        self._latest_start = running.start
        blocked = self.year.blockSignals(True)
        self.year.setMaximum(max(running.year, self._period.year))
        self.year.blockSignals(blocked)
        self.set_period(self._period)

    def containing(self, day: date, kind: PeriodKind = PeriodKind.MONTH) -> Period:
        """The period of ``kind`` holding ``day`` under the current cut-off settings."""
        return period_containing(day, kind, official=self._official, cutoff_day=self._cutoff)

    def following(self, p: Period) -> Period:
        """The same kind of period one step forward."""
        year, index = p.year, p.index + 1
        if index > INDEX_COUNT.get(p.kind, 1):
            year, index = year + 1, 1
        return period_for(p.kind, min(year, MAX_YEAR), index, official=self._official, cutoff_day=self._cutoff)

    def set_period(self, p: Period, *, emit: bool = False) -> None:
        """Show ``p`` in the fields; ``emit`` tells listeners, as a user's choice does."""
        self._period = p
        for w in (self.kind, self.index, self.year):
            w.blockSignals(True)
        self.kind.setCurrentIndex(KINDS.index(p.kind))
        self._fill_index(p.kind)
        if p.kind in INDEX_COUNT:
            self.index.setCurrentIndex(p.index - 1)
        self.year.setValue(p.year)
        for w in (self.kind, self.index, self.year):
            w.blockSignals(False)
        self.prev_btn.setEnabled(p.year > MIN_YEAR or p.index > 1)
        last = p.year >= MAX_YEAR and p.index >= INDEX_COUNT.get(p.kind, 1)
        self.next_btn.setEnabled(not last and self.following(p).start <= self._latest_start)
        if emit:
            self.period_changed.emit(p)

    def _kind_changed(self, row: int) -> None:
        # Keep looking at the same time: the quarter (year...) holding the shown period's last day.
        kind = KINDS[row]
        p = self.containing(self._period.end, kind)
        if p.year > MAX_YEAR:
            p = period_for(kind, MAX_YEAR, 1, official=self._official, cutoff_day=self._cutoff)
        self.set_period(p, emit=True)

    def _fields_changed(self) -> None:
        kind = KINDS[self.kind.currentIndex()]
        index = self.index.currentIndex() + 1 if kind in INDEX_COUNT else 1
        p = period_for(kind, self.year.value(), index, official=self._official, cutoff_day=self._cutoff)
        self.set_period(p, emit=True)

    # --- texts --------------------------------------------------------------------------------
    def _fill_index(self, kind: PeriodKind) -> None:
        labels: list[str] = []
        if kind is PeriodKind.MONTH:
            labels = [self.tr("Tháng {n}").format(n=n) for n in range(1, 13)]
        elif kind is PeriodKind.QUARTER:
            labels = [self.tr("Quý {n}").format(n=r) for r in _ROMAN]
        elif kind is PeriodKind.HALF_YEAR:
            labels = [self.tr("6 tháng đầu năm"), self.tr("6 tháng cuối năm")]
        keep = self.index.currentIndex()
        blocked = self.index.blockSignals(True)
        self.index.clear()
        self.index.addItems(labels)
        self.index.setCurrentIndex(min(keep, len(labels) - 1))
        self.index.blockSignals(blocked)
        self.index.setVisible(bool(labels))

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Kỳ báo cáo:"))
        blocked = self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItems([self.tr("Tháng"), self.tr("Quý"), self.tr("6 tháng"), self.tr("9 tháng"), self.tr("Năm")])
        self.kind.blockSignals(blocked)
        self.kind.setToolTip(self.tr("Loại kỳ báo cáo"))
        self.year.setToolTip(self.tr("Năm"))
        self.prev_btn.setToolTip(self.tr("Kỳ trước"))
        self.next_btn.setToolTip(self.tr("Kỳ sau"))
        self.current_btn.setText(self.tr("Kỳ hiện tại"))
        self.current_btn.setToolTip(self.tr("Quay về kỳ báo cáo đang diễn ra"))
        self.set_period(self._period)
