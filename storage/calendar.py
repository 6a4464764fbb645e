"""Working-day calendar: which days the office is open.

Legal deadlines count working days (REFERENCE.md §4–5): Saturdays, Sundays and public
holidays do not count, a Saturday officially worked in a swap does. The exact days change
every year by government notice, so the calendar is plain data (days off + extra working
days) that the user can edit; ``default_days`` only pre-fills it from ``holidays``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from storage.errors import UserError

_ONE_DAY = timedelta(days=1)
_SATURDAY = 5
# ``holidays`` names a swapped day off "Ngày nghỉ (thay cho ngày 26/04/2025)": the date in
# brackets is the weekend day worked instead.
_SWAP_RE = re.compile(r"thay cho ngày (\d{1,2})/(\d{1,2})/(\d{4})")


class DayKind(StrEnum):
    """An exception to the Monday–Friday rule."""

    OFF = "off"  # a day off on a weekday
    WORK = "work"  # an extra working day on a weekend


@dataclass(frozen=True)
class CalendarDay:
    """One row of the per-year editable calendar table."""

    day: date
    kind: DayKind
    name: str


@dataclass(frozen=True)
class WorkCalendar:
    """Monday–Friday working week corrected by days off and weekend days worked."""

    days_off: frozenset[date] = frozenset()  # holidays and official days off
    extra_working_days: frozenset[date] = frozenset()  # weekend days officially worked (swaps)

    @classmethod
    def from_days(cls, days: Iterable[CalendarDay]) -> WorkCalendar:
        """Build from the stored table rows (any years mixed)."""
        off: set[date] = set()
        work: set[date] = set()
        for d in days:
            (off if d.kind is DayKind.OFF else work).add(d.day)
        return cls(frozenset(off), frozenset(work))

    def is_working_day(self, d: date) -> bool:
        """Mon–Fri not declared off, or a weekend day declared worked (a swap wins)."""
        if d in self.extra_working_days:
            return True
        return d.weekday() < _SATURDAY and d not in self.days_off

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        d += _ONE_DAY
        while not self.is_working_day(d):
            d += _ONE_DAY
        return d

    def working_day_on_or_after(self, d: date) -> date:
        """``d`` itself if the office is open, else the next working day."""
        return d if self.is_working_day(d) else self.next_working_day(d)

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day strictly after ``d`` (``n == 0`` gives ``d`` itself)."""
        if n < 0:
            raise UserError(
                f"Số ngày làm việc không được âm (đã nhập {n}).",
                f"The number of working days cannot be negative (got {n}).",
            )
        for _ in range(n):
            d = self.next_working_day(d)
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days lie in (start, end]; 0 when ``end <= start``.

        Weekdays are counted by arithmetic and then corrected by the declared exceptions, so the
        cost follows the calendar's size, not the span: registers show "overdue N working days"
        for hundreds of rows of dossiers open for years (docs/performance.md).
        """
        if end <= start:
            return 0
        weeks, rest = divmod((end - start).days, 7)
        count = 5 * weeks  # every run of 7 consecutive days holds 5 weekdays
        d = start + timedelta(days=7 * weeks)
        for _ in range(rest):
            d += _ONE_DAY
            count += d.weekday() < _SATURDAY
        count -= sum(
            1
            for x in self.days_off
            if start < x <= end and x.weekday() < _SATURDAY and x not in self.extra_working_days
        )
        count += sum(1 for x in self.extra_working_days if start < x <= end and x.weekday() >= _SATURDAY)
        return count


def _swap_work_day(name: str) -> date | None:
    """The weekend day worked in exchange for a day off, read from the holiday name."""
    m = _SWAP_RE.search(name)
    if m is None:
        return None
    day, month, year = (int(g) for g in m.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def default_days(year: int) -> list[CalendarDay]:
    """Pre-fill one year's table from ``holidays.Vietnam`` (the user checks it against the notice).

    Holidays on a weekend are skipped: the package already adds the make-up weekday. A swap
    ("thay cho ngày dd/mm/yyyy") also yields the weekend day worked, which may fall in the
    adjacent year when a swap crosses New Year.
    """
    import holidays  # only when a year is first pre-filled: the package costs ≈ 0.05 s of every start

    result: list[CalendarDay] = []
    for day, name in sorted(holidays.Vietnam(years=year, language="vi").items()):
        if day.weekday() >= _SATURDAY:
            continue
        result.append(CalendarDay(day, DayKind.OFF, name))
        worked = _swap_work_day(name)
        if worked is not None and worked.weekday() >= _SATURDAY:
            result.append(CalendarDay(worked, DayKind.WORK, f"Làm bù cho ngày {day:%d/%m/%Y}"))
    result.sort(key=lambda c: c.day)
    return result
