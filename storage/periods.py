"""Reporting periods: calendar dates or the official data cut-off (REFERENCE.md §3).

Periodic reports use a cut-off (Decree 09/2019 art. 12 as commonly applied): a month runs
from the 15th of the previous month to the 14th. The cut-off day is a setting; with
``cutoff_day=1`` official periods coincide with calendar ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from storage.errors import UserError

MIN_YEAR = 2000
MAX_YEAR = 2100
_ROMAN = ("I", "II", "III", "IV")
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_EXAMPLES_VI = (
    "Nhập theo mẫu: 2025-07 hoặc 07/2025 (tháng), 2025-Q3 hoặc Q3/2025 (quý), "
    "2025-H1 hoặc 2025-H2 (6 tháng), 2025-9M (9 tháng), 2025 (năm), "
    "01/07/2025..31/07/2025 hoặc 2025-07-01..2025-07-31 (tùy chọn)."
)
_EXAMPLES_EN = (
    "Accepted forms: 2025-07 or 07/2025 (month), 2025-Q3 or Q3/2025 (quarter), "
    "2025-H1 or 2025-H2 (half year), 2025-9M (nine months), 2025 (year), "
    "01/07/2025..31/07/2025 or 2025-07-01..2025-07-31 (custom)."
)


class PeriodKind(StrEnum):
    """The periods the report forms know, plus a free date range."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    NINE_MONTHS = "nine_months"
    YEAR = "year"
    CUSTOM = "custom"


# (first month, last month) covered by each index of each kind.
_MONTH_SPANS: dict[PeriodKind, dict[int, tuple[int, int]]] = {
    PeriodKind.MONTH: {m: (m, m) for m in range(1, 13)},
    PeriodKind.QUARTER: {q: (3 * q - 2, 3 * q) for q in range(1, 5)},
    PeriodKind.HALF_YEAR: {1: (1, 6), 2: (7, 12)},
    PeriodKind.NINE_MONTHS: {1: (1, 9)},
    PeriodKind.YEAR: {1: (1, 12)},
}
_INDEX_NOUNS = {
    PeriodKind.MONTH: ("tháng", "month"),
    PeriodKind.QUARTER: ("quý", "quarter"),
    PeriodKind.HALF_YEAR: ("kỳ 6 tháng thứ", "half year"),
}


def _dmy(d: date) -> str:
    return f"{d:%d/%m/%Y}"


@dataclass(frozen=True)
class Period:
    """A reporting period with inclusive bounds."""

    kind: PeriodKind
    year: int
    index: int  # month 1-12, quarter 1-4, half 1-2, else 1 (custom: 0)
    start: date
    end: date  # inclusive
    official: bool  # official data cut-off (True) or calendar dates (False)

    @property
    def spec(self) -> str:
        """Canonical text, accepted back by ``parse_period``."""
        match self.kind:
            case PeriodKind.MONTH:
                return f"{self.year}-{self.index:02d}"
            case PeriodKind.QUARTER:
                return f"{self.year}-Q{self.index}"
            case PeriodKind.HALF_YEAR:
                return f"{self.year}-H{self.index}"
            case PeriodKind.NINE_MONTHS:
                return f"{self.year}-9M"
            case PeriodKind.YEAR:
                return f"{self.year}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def label(self, lang: str = "vi") -> str:
        """The period's name as printed in a report title."""
        en = lang == "en"
        y = self.year
        match self.kind:
            case PeriodKind.MONTH:
                return f"{_MONTHS_EN[self.index - 1]} {y}" if en else f"Tháng {self.index} năm {y}"
            case PeriodKind.QUARTER:
                return f"Q{self.index} {y}" if en else f"Quý {_ROMAN[self.index - 1]} năm {y}"
            case PeriodKind.HALF_YEAR:
                if en:
                    return f"{'First' if self.index == 1 else 'Second'} half of {y}"
                return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {y}"
            case PeriodKind.NINE_MONTHS:
                return f"First nine months of {y}" if en else f"9 tháng năm {y}"
            case PeriodKind.YEAR:
                return f"Year {y}" if en else f"Năm {y}"
        return self._range(en)

    def range_text(self, lang: str = "vi") -> str:
        """The dates line printed under the report title, in brackets."""
        return f"({self._range(lang == 'en')})"

    def _range(self, en: bool) -> str:
        if en:
            return f"From {_dmy(self.start)} to {_dmy(self.end)}"
        return f"Từ ngày {_dmy(self.start)} đến ngày {_dmy(self.end)}"

    def contains(self, d: date) -> bool:
        """Whether ``d`` falls inside the period (bounds included)."""
        return self.start <= d <= self.end

    def previous(self) -> Period:
        """The same kind of period one step back (custom: same length, just before)."""
        if self.kind is PeriodKind.CUSTOM:
            end = self.start - timedelta(days=1)
            return custom_period(end - (self.end - self.start), end)
        count = len(_MONTH_SPANS[self.kind])
        year, index = (self.year, self.index - 1) if self.index > 1 else (self.year - 1, count)
        # Official periods start on the cut-off day (or the 1st when cutoff_day=1).
        cutoff = self.start.day if self.official else 1
        return _build(self.kind, year, index, self.official, cutoff)


def _month_bounds(year: int, month: int, official: bool, cutoff_day: int) -> tuple[date, date]:
    """Start and end of one month's data; official months with cut-off > 1 start a month early."""
    shift = 1 if official and cutoff_day > 1 else 0
    day = cutoff_day if shift else 1
    first = year * 12 + (month - 1) - shift
    nxt = first + 1
    start = date(first // 12, first % 12 + 1, day)
    end = date(nxt // 12, nxt % 12 + 1, day) - timedelta(days=1)
    return start, end


def _build(kind: PeriodKind, year: int, index: int, official: bool, cutoff_day: int) -> Period:
    first, last = _MONTH_SPANS[kind][index]
    start, _ = _month_bounds(year, first, official, cutoff_day)
    _, end = _month_bounds(year, last, official, cutoff_day)
    return Period(kind, year, index, start, end, official)


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise UserError(
            f"Năm {year} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}.",
            f"Year {year} is outside {MIN_YEAR}–{MAX_YEAR}.",
        )


def period_for(kind: PeriodKind, year: int, index: int, *, official: bool = True, cutoff_day: int = 15) -> Period:
    """A named period; ``index`` is the month, quarter or half (1 for nine months and year)."""
    if not 1 <= cutoff_day <= 28:
        raise UserError(
            f"Ngày chốt số liệu phải từ 1 đến 28 (đã nhập {cutoff_day}).",
            f"The data cut-off day must be between 1 and 28 (got {cutoff_day}).",
        )
    if kind is PeriodKind.CUSTOM:
        raise UserError(
            "Kỳ tùy chọn cần ngày bắt đầu và ngày kết thúc.", "A custom period needs a start and an end date."
        )
    _check_year(year)
    if index not in _MONTH_SPANS[kind]:
        noun_vi, noun_en = _INDEX_NOUNS.get(kind, ("kỳ", "period"))
        raise UserError(f"Không có {noun_vi} {index}. {_EXAMPLES_VI}", f"There is no {noun_en} {index}. {_EXAMPLES_EN}")
    return _build(kind, year, index, official, cutoff_day)


def period_containing(
    day: date, kind: PeriodKind = PeriodKind.MONTH, *, official: bool = True, cutoff_day: int = 15
) -> Period:
    """The period of ``kind`` whose data includes ``day`` (with a cut-off, 20/07 is in August's)."""
    if kind is PeriodKind.CUSTOM:
        raise UserError("Kỳ tùy chọn không xác định theo ngày.", "A custom period is not found by date.")
    shifted = official and cutoff_day > 1 and day.day >= cutoff_day
    months = day.year * 12 + day.month - 1 + (1 if shifted else 0)
    year, month = months // 12, months % 12 + 1
    for index, (first, last) in _MONTH_SPANS[kind].items():
        if first <= month <= last:
            return period_for(kind, year, index, official=official, cutoff_day=cutoff_day)
    # Nine months covers January–September only: from October the year's data belong to the next one.
    return period_for(kind, year + 1, 1, official=official, cutoff_day=cutoff_day)


def custom_period(start: date, end: date) -> Period:
    """An exact date range (bounds included); never shifted by the cut-off."""
    if end < start:
        raise UserError(
            f"Ngày bắt đầu {_dmy(start)} sau ngày kết thúc {_dmy(end)}.",
            f"The start date {_dmy(start)} is after the end date {_dmy(end)}.",
        )
    return Period(PeriodKind.CUSTOM, start.year, 0, start, end, official=False)


_SIMPLE_SPECS: tuple[tuple[re.Pattern[str], PeriodKind, str, str], ...] = (
    # pattern, kind, group holding the year, group holding the index ("" -> 1)
    (re.compile(r"(?P<y>\d{4})"), PeriodKind.YEAR, "y", ""),
    (re.compile(r"(?P<y>\d{4})-(?P<i>\d{1,2})"), PeriodKind.MONTH, "y", "i"),
    (re.compile(r"(?P<i>\d{1,2})/(?P<y>\d{4})"), PeriodKind.MONTH, "y", "i"),
    (re.compile(r"(?P<y>\d{4})-q(?P<i>\d)"), PeriodKind.QUARTER, "y", "i"),
    (re.compile(r"q(?P<i>\d)/(?P<y>\d{4})"), PeriodKind.QUARTER, "y", "i"),
    (re.compile(r"(?P<y>\d{4})-h(?P<i>\d)"), PeriodKind.HALF_YEAR, "y", "i"),
    (re.compile(r"(?P<y>\d{4})-9m"), PeriodKind.NINE_MONTHS, "y", ""),
)
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _bad_spec(spec: str) -> UserError:
    return UserError(
        f"Kỳ báo cáo «{spec.strip()}» không hợp lệ. {_EXAMPLES_VI}",
        f"Invalid reporting period «{spec.strip()}». {_EXAMPLES_EN}",
    )


def _parse_date(text: str, spec: str) -> date:
    text = text.strip()
    if m := _DMY.fullmatch(text):
        d, mo, y = (int(g) for g in m.groups())
    elif m := _ISO.fullmatch(text):
        y, mo, d = (int(g) for g in m.groups())
    else:
        raise _bad_spec(spec)
    _check_year(y)
    try:
        return date(y, mo, d)
    except ValueError:
        raise UserError(
            f"Ngày «{text}» không có thật. {_EXAMPLES_VI}", f"«{text}» is not a real date. {_EXAMPLES_EN}"
        ) from None


def parse_period(spec: str, *, official: bool = True, cutoff_day: int = 15) -> Period:
    """Read a period typed by the user or stored as ``Period.spec`` (case and spaces ignored)."""
    try:
        return _parse(spec.strip().lower(), spec, official, cutoff_day)
    except UserError as exc:
        if _EXAMPLES_VI in exc.vi:
            raise
        raise UserError(f"{exc.vi} {_EXAMPLES_VI}", f"{exc.en} {_EXAMPLES_EN}") from None


def _parse(text: str, spec: str, official: bool, cutoff_day: int) -> Period:
    if ".." in text:
        head, _, tail = text.partition("..")
        return custom_period(_parse_date(head, spec), _parse_date(tail, spec))
    for pattern, kind, y_group, i_group in _SIMPLE_SPECS:
        if m := pattern.fullmatch(text):
            index = int(m.group(i_group)) if i_group else 1
            return period_for(kind, int(m.group(y_group)), index, official=official, cutoff_day=cutoff_day)
    raise _bad_spec(spec)
