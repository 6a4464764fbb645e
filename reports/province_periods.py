"""Which reporting periods of a year the province follows, with its own period rules.

Communes in their present form exist since the two-tier government began (1/7/2025): a period that
ended before then has no report to expect, so it is left out instead of showing every commune as
missing. Periods follow the province's rule settings (official cut-off day or calendar months).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from storage.periods import Period, PeriodKind, period_for
from storage.settings import load_rules

TWO_TIER_START = date(2025, 7, 1)  # the first day of the new communes
GRID_KINDS = (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF_YEAR, PeriodKind.YEAR)
_PER_YEAR = {
    PeriodKind.MONTH: 12,
    PeriodKind.QUARTER: 4,
    PeriodKind.HALF_YEAR: 2,
    PeriodKind.NINE_MONTHS: 1,
    PeriodKind.YEAR: 1,
}


def periods_of_year(
    kind: PeriodKind, year: int, *, official: bool = True, cutoff_day: int = 15, since: date = TWO_TIER_START
) -> list[Period]:
    """Every period of ``kind`` in ``year`` that ends on or after ``since``, in order."""
    periods = [
        period_for(kind, year, index, official=official, cutoff_day=cutoff_day)
        for index in range(1, _PER_YEAR[kind] + 1)
    ]
    return [p for p in periods if p.end >= since]


def province_periods(session: Session, kind: PeriodKind, year: int) -> list[Period]:
    """The periods of ``kind`` in ``year`` under the province's rule settings (official cut-off or not)."""
    rules = load_rules(session)
    return periods_of_year(kind, year, official=rules.official_periods, cutoff_day=rules.cutoff_day)
