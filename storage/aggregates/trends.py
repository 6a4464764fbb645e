"""Dashboard figures over time: the results form month by month, and what is overdue or waiting on a day.

A running period is looked at "as of" a day: its end is clipped to that day, so the form's
"still in progress at the end" and "overdue" columns describe today rather than a future cut-off.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from storage.aggregates.dossier_form import FormRow, dossier_form
from storage.calendar import WorkCalendar
from storage.dossier_queries import DossierFilter, DossierRow, list_dossiers
from storage.models import Proposal
from storage.periods import Period, PeriodKind, period_containing
from storage.settings import RuleSettings, load_rules
from storage.vocab import DossierState, ProposalStatus


def as_of(period: Period, day: date) -> Period:
    """The period seen on ``day``: unchanged when it is over, cut at ``day`` while it is running."""
    if period.start <= day < period.end:
        return replace(period, end=day)
    return period


@dataclass(frozen=True)
class MonthPoint:
    """One month of the results form: what was handled and how it ended (columns 3, 8-11, 13)."""

    period: Period
    received: int  # col 3: new in the month plus carried over
    early: int  # col 8
    on_time: int  # col 9
    late: int  # col 10
    pending: int  # col 11: still in progress at the month's end
    overdue: int  # col 13: of those, past their due date

    @property
    def resolved(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def on_time_rate(self) -> float | None:
        """Early or on time over resolved, as FormRow.on_time_rate (None when nothing was resolved)."""
        return (self.early + self.on_time) / self.resolved if self.resolved else None

    @classmethod
    def from_row(cls, period: Period, row: FormRow) -> MonthPoint:
        return cls(
            period=period,
            received=row.received_total,
            early=row.resolved_early,
            on_time=row.resolved_on_time,
            late=row.resolved_late,
            pending=row.pending_total,
            overdue=row.pending_overdue,
        )


def trailing_months(until: date, count: int = 12, *, official: bool = True, cutoff_day: int = 15) -> list[Period]:
    """The ``count`` months ending with the one whose data hold ``until``, oldest first.

    The last month is seen as of ``until`` (see ``as_of``).
    """
    month = period_containing(until, PeriodKind.MONTH, official=official, cutoff_day=cutoff_day)
    months = [month]
    while len(months) < count:
        months.append(months[-1].previous())
    months.reverse()
    months[-1] = as_of(months[-1], until)
    return months


def monthly_dossier_trend(
    session: Session, until: date, count: int = 12, rules: RuleSettings | None = None
) -> list[MonthPoint]:
    """The results form's totals for each of the ``count`` months up to ``until`` (one GROUP BY each)."""
    rules = rules or load_rules(session)
    months = trailing_months(until, count, official=rules.official_periods, cutoff_day=rules.cutoff_day)
    return [MonthPoint.from_row(m, dossier_form(session, m, rules, all_fields=False).total) for m in months]


def overdue_dossiers(
    session: Session, on: date, calendar: WorkCalendar | None = None, rules: RuleSettings | None = None
) -> list[DossierRow]:
    """Dossiers in progress and past their due date at the end of ``on``, most overdue first.

    Exactly the dossiers of the form's column 13 for a period ending on ``on``: one waiting for
    a supplement has its clock stopped and is not overdue.
    """
    rules = rules or load_rules(session)
    rows = list_dossiers(
        session,
        DossierFilter(overdue_on=on),
        on=on,
        calendar=calendar,
        counting=rules.withdrawn_counting,
        sort="due_date",
    )
    return [r for r in rows if r.state == DossierState.OVERDUE]


@dataclass(frozen=True)
class WaitingProposals:
    """Proposals sent to the province and still unanswered on a day, and the oldest one's date."""

    on: date
    count: int
    oldest_raised: date | None

    @property
    def oldest_age_days(self) -> int | None:
        """Calendar days the oldest open proposal has been waiting."""
        return None if self.oldest_raised is None else (self.on - self.oldest_raised).days


def waiting_proposals(session: Session, on: date) -> WaitingProposals:
    """Open at the end of ``on`` with the rule of proposal_summary: sent, not closed by a response by then."""
    closed = and_(
        Proposal.status.in_([str(ProposalStatus.RESOLVED), str(ProposalStatus.DECLINED)]),
        Proposal.response_date <= on,
    )
    open_cond = and_(Proposal.raised_date <= on, Proposal.status != str(ProposalStatus.DRAFT), ~closed)
    count, oldest = session.execute(select(func.count(), func.min(Proposal.raised_date)).where(open_cond)).one()
    return WaitingProposals(on=on, count=count or 0, oldest_raised=oldest)


__all__ = [
    "MonthPoint",
    "WaitingProposals",
    "as_of",
    "monthly_dossier_trend",
    "overdue_dossiers",
    "trailing_months",
    "waiting_proposals",
]
