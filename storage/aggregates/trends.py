"""Dashboard figures over time: the results form month by month, and what is overdue or waiting on a day.

A running period is looked at "as of" a day: its end is clipped to that day, so the form's
"still in progress at the end" and "overdue" columns describe today rather than a future cut-off.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from itertools import pairwise

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from storage.aggregates.dossier_form import FormRow
from storage.calendar import WorkCalendar
from storage.dossier_queries import DossierFilter, DossierRow, StatusFilter, count_dossiers, list_dossiers
from storage.models import Dossier, Proposal, SupplementRequest
from storage.periods import Period, PeriodKind, period_containing
from storage.settings import RuleSettings, WithdrawnCounting, load_rules
from storage.vocab import Outcome, ProposalStatus


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
    """The results form's totals for each of the ``count`` months up to ``until``, in one pass.

    Equal to ``dossier_form`` month by month (tests/test_trends.py compares them on random
    dossiers); a dossier only needs to be read once because the months are consecutive:

    - ``r``: the first month whose end is on or after the receipt day (-1 before the first month);
    - ``f``: the month holding the finish day (-1 before, ``count`` after or never finished);
    - ``o``: the first month whose end is past the due date (overdue from then on if still open).

    The dossier is counted in every month ``m`` with ``r <= m <= f`` (received by the month's end
    and not finished before it started): new when ``m == r``, resolved when ``m == f`` (early, on
    time or late by the form's own conditions), otherwise still open, and overdue when ``m >= o``
    unless a supplement request stops its clock at the month's end (a bit per month in ``waiting``).
    The database groups dossiers by these few numbers; the months are added up here.
    """
    rules = rules or load_rules(session)
    months = trailing_months(until, count, official=rules.official_periods, cutoff_day=rules.cutoff_day)
    count = len(months)
    if count > 62:  # one bit per month in an SQLite integer
        raise ValueError("monthly_dossier_trend covers at most 62 months")
    for before, after in pairwise(months):
        if after.start != before.end + timedelta(days=1):  # the decomposition needs consecutive months
            raise ValueError("monthly_dossier_trend needs consecutive months")
    ends = [m.end for m in months]
    after_ends = [datetime.combine(e + timedelta(days=1), time.min) for e in ends]
    first_start = months[0].start
    due = func.coalesce(Dossier.due_date_override, Dossier.due_date_computed)

    def first_month(*whens: tuple[ColumnElement[bool], int]) -> ColumnElement[int]:
        return case(*whens, else_=count)

    r = first_month(
        (Dossier.received_at < datetime.combine(first_start, time.min), -1),
        *((Dossier.received_at < a, m) for m, a in enumerate(after_ends)),
    )
    f = first_month(
        (Dossier.finished_date.is_(None), count),
        (Dossier.finished_date < first_start, -1),
        *((Dossier.finished_date <= e, m) for m, e in enumerate(ends)),
    )
    o = first_month(*((due < e, m) for m, e in enumerate(ends)))
    stopped = Dossier.outcome.in_([int(Outcome.WITHDRAWN), int(Outcome.STOPPED)])
    if rules.withdrawn_counting == WithdrawnCounting.ON_TIME:  # dossier_form's conditions, less "finished"
        early = and_(~stopped, Dossier.finished_date < due)
        on_time = or_(stopped, Dossier.finished_date == due)
        late = and_(~stopped, Dossier.finished_date > due)
    else:
        early = Dossier.finished_date < due
        on_time = Dossier.finished_date == due
        late = Dossier.finished_date > due
    # At most one of the three is true for a dossier, so one CASE gives the same counts as three sums.
    outcome = case((early, "early"), (on_time, "on_time"), (late, "late"), else_=None)

    # Each request stops the clock at the end of months a..b-1: requested on or before the month's
    # end (a) and not completed by then (b: first month ending on or after the completion day).
    a = first_month(*((SupplementRequest.requested_date <= e, m) for m, e in enumerate(ends)))
    b = first_month(
        (SupplementRequest.completed_date.is_(None), count),
        *((SupplementRequest.completed_date <= e, m) for m, e in enumerate(ends)),
    )
    spans = select(SupplementRequest.dossier_id.label("dossier_id"), a.label("a"), b.label("b")).subquery()
    waiting_bits = sum(
        (func.max(case((and_(spans.c.a <= m, spans.c.b > m), 1 << m), else_=0)) for m in range(count)),
        start=literal(0),
    )
    waiting = (
        select(spans.c.dossier_id, waiting_bits.label("bits"))
        .where(spans.c.a < spans.c.b)
        .group_by(spans.c.dossier_id)
        .subquery()
    )
    q = (
        select(r, f, o, outcome, func.coalesce(waiting.c.bits, 0), func.count())
        .select_from(Dossier)
        .outerjoin(waiting, waiting.c.dossier_id == Dossier.id)
        .where(
            or_(Dossier.outcome.is_(None), Dossier.outcome != int(Outcome.NOT_ACCEPTED)),
            Dossier.received_at < after_ends[-1],
            or_(Dossier.finished_date.is_(None), Dossier.finished_date >= first_start),
        )
        .group_by(r, f, o, outcome, func.coalesce(waiting.c.bits, 0))
    )
    sums = {k: [0] * count for k in ("received", "early", "on_time", "late", "pending", "overdue")}
    for r_m, f_m, o_m, how, bits, n in session.execute(q):
        for m in range(max(r_m, 0), min(f_m, count - 1) + 1):
            sums["received"][m] += n
            if m == f_m:
                if how is not None:
                    sums[how][m] += n
            else:
                sums["pending"][m] += n
                if m >= o_m and not bits >> m & 1:
                    sums["overdue"][m] += n
    return [
        MonthPoint(
            period=p,
            received=sums["received"][m],
            early=sums["early"][m],
            on_time=sums["on_time"][m],
            late=sums["late"][m],
            pending=sums["pending"][m],
            overdue=sums["overdue"][m],
        )
        for m, p in enumerate(months)
    ]


def _overdue_filter(on: date) -> DossierFilter:
    # overdue_on narrows the scan with plain columns; the status keeps only the OVERDUE state
    # (a dossier waiting for a supplement has its clock stopped), so pages line up with the count.
    return DossierFilter(overdue_on=on, status=StatusFilter.OVERDUE, status_on=on)


def count_overdue(session: Session, on: date) -> int:
    """How many dossiers ``overdue_dossiers`` lists for ``on`` (the form's column 13), without loading them."""
    return count_dossiers(session, _overdue_filter(on))


def overdue_dossiers(
    session: Session,
    on: date,
    calendar: WorkCalendar | None = None,
    rules: RuleSettings | None = None,
    *,
    offset: int = 0,
    limit: int | None = None,
) -> list[DossierRow]:
    """Dossiers in progress and past their due date at the end of ``on``, most overdue first.

    Exactly the dossiers of the form's column 13 for a period ending on ``on``: one waiting for
    a supplement has its clock stopped and is not overdue. ``offset``/``limit`` give one page
    (tens of thousands of dossiers can be overdue in a large, badly kept register).
    """
    rules = rules or load_rules(session)
    return list_dossiers(
        session,
        _overdue_filter(on),
        on=on,
        calendar=calendar,
        counting=rules.withdrawn_counting,
        sort="due_date",
        offset=offset,
        limit=limit,
    )


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
    "count_overdue",
    "monthly_dossier_trend",
    "overdue_dossiers",
    "trailing_months",
    "waiting_proposals",
]
