"""What the dashboard shows for one period, read in one session: plain frozen dataclasses only.

The page computes it off the GUI thread (gui/tasks.py), so nothing here touches Qt and the result
holds no ORM object bound to the worker's session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from storage.aggregates.summary import PeriodSummary, period_summary
from storage.aggregates.trends import MonthPoint, WaitingProposals, as_of, monthly_dossier_trend, waiting_proposals
from storage.periods import Period
from storage.settings import load_rules

TREND_MONTHS = 12


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
