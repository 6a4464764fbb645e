"""Dashboard series: months in order, each month equal to the results form, hand-made known answers."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from itertools import pairwise

import pytest
from sqlalchemy.orm import Session

from storage.aggregates.dossier_form import dossier_form
from storage.aggregates.equipment_proposals import proposal_summary
from storage.aggregates.trends import (
    MonthPoint,
    as_of,
    count_overdue,
    monthly_dossier_trend,
    overdue_dossiers,
    trailing_months,
    waiting_proposals,
)
from storage.catalog import find_procedure, list_procedures
from storage.dossiers import DossierData, SupplementData, save_dossier
from storage.models import Dossier, SupplementRequest
from storage.periods import PeriodKind, parse_period, period_for
from storage.proposals import ProposalData, save_proposal
from storage.rules_context import load_context
from storage.settings import RuleSettings, WithdrawnCounting, load_rules, save_rules
from storage.vocab import Channel, DossierState, Outcome, ProposalCategory, ProposalStatus

TODAY = date(2026, 11, 21)


def test_trailing_months_are_twelve_consecutive_official_months() -> None:
    months = trailing_months(date(2025, 7, 14))
    assert [m.spec for m in months] == [f"2024-{m:02d}" for m in range(8, 13)] + [f"2025-{m:02d}" for m in range(1, 8)]
    assert months[0].start == date(2024, 7, 15)  # official August 2024: 15/07–14/08
    assert months[-1].end == date(2025, 7, 14)  # the period is over on its last day: not cut
    for before, after in pairwise(months):
        assert (after.start - before.end).days == 1


def test_running_month_is_cut_at_the_day() -> None:
    months = trailing_months(date(2026, 11, 21))  # after the 15th: December's data
    assert months[-1].spec == "2026-12"
    assert (months[-1].start, months[-1].end) == (date(2026, 11, 15), date(2026, 11, 21))
    assert months[0].spec == "2026-01"
    calendar = trailing_months(date(2025, 7, 20), 3, official=False)
    assert [(m.start, m.end) for m in calendar] == [
        (date(2025, 5, 1), date(2025, 5, 31)),
        (date(2025, 6, 1), date(2025, 6, 30)),
        (date(2025, 7, 1), date(2025, 7, 20)),
    ]


def test_as_of_cuts_only_a_running_period() -> None:
    q3 = period_for(PeriodKind.QUARTER, 2025, 3)  # 15/06–14/09/2025
    assert as_of(q3, date(2025, 8, 1)).end == date(2025, 8, 1)
    assert as_of(q3, date(2025, 8, 1)).start == q3.start
    assert as_of(q3, date(2025, 10, 1)) == q3  # over
    assert as_of(q3, date(2025, 1, 1)) == q3  # not begun: nothing to cut


def _add(s: Session, code: str, received: datetime, finished: date | None = None, **kw) -> None:  # type: ignore[no-untyped-def]
    proc = find_procedure(s, code)
    assert proc is not None
    data = DossierData(procedure_id=proc.id, applicant_name="A", received_at=received, channel=Channel.DIRECT,
                       finished_date=finished, **kw)  # fmt: skip
    save_dossier(s, data, today=TODAY)


def test_hand_made_months_have_known_counts(catalog_session: Session) -> None:
    s = catalog_session
    _add(s, "HT-KS", datetime(2025, 6, 20, 9), date(2025, 6, 20))  # July: same day -> on time
    _add(s, "HT-XNHN", datetime(2025, 7, 1, 9), date(2025, 7, 2))  # July: due 04/07 -> early
    _add(s, "HT-XNHN", datetime(2025, 7, 10, 9), date(2025, 7, 20))  # due 15/07: open in July, late in August
    _add(s, "HT-XNHN", datetime(2025, 8, 1, 9))  # due 06/08, never finished: overdue from August on
    months = monthly_dossier_trend(s, date(2025, 9, 14), 3)
    assert [m.period.spec for m in months] == ["2025-07", "2025-08", "2025-09"]
    got = [(m.received, m.early, m.on_time, m.late, m.pending, m.overdue) for m in months]
    assert got == [(3, 1, 1, 0, 1, 0), (2, 0, 0, 1, 1, 1), (1, 0, 0, 0, 1, 1)]
    assert [m.on_time_rate for m in months] == [1.0, 0.0, None]


def test_waiting_for_a_supplement_is_not_overdue(catalog_session: Session) -> None:
    s = catalog_session
    _add(s, "HT-XNHN", datetime(2025, 7, 1, 9))  # due 04/07
    _add(s, "HT-XNHN", datetime(2025, 7, 1, 10), supplements=(SupplementData(date(2025, 7, 2), None),))
    ctx = load_context(s, 2025)
    listed = overdue_dossiers(s, date(2025, 7, 14), ctx.calendar)
    assert len(listed) == 1
    assert listed[0].overdue_days == 6  # 07/07 to 14/07: six working days past 04/07
    assert dossier_form(s, parse_period("2025-07")).total.pending_overdue == 1


@pytest.fixture
def demo_session(session: Session) -> Session:
    from storage.demo import load_demo

    load_demo(session, "luong-minh", until=date(2026, 10, 31))
    return session


def test_demo_series_equals_the_form_month_by_month(demo_session: Session) -> None:
    s = demo_session
    rules = load_rules(s)
    ctx = load_context(s, 2025, 2026)
    series = monthly_dossier_trend(s, TODAY, 12, rules)
    assert len(series) == 12
    assert series[-1].period.end == TODAY
    for point in series:
        total = dossier_form(s, point.period, rules).total
        assert (point.received, point.early, point.on_time, point.late, point.pending, point.overdue) == (
            total.received_total, total.resolved_early, total.resolved_on_time, total.resolved_late,
            total.pending_total, total.pending_overdue,
        )  # fmt: skip
        assert point.on_time_rate == total.on_time_rate
        assert len(overdue_dossiers(s, point.period.end, ctx.calendar, rules)) == total.pending_overdue
    assert sum(p.received for p in series) > 500  # the demo year really fills the months


def test_waiting_proposals_match_the_period_summary(demo_session: Session) -> None:
    s = demo_session
    for spec in ("2025-07", "2025-Q4", "2026-10", "2026"):
        period = parse_period(spec)
        assert waiting_proposals(s, period.end).count == proposal_summary(s, period).open_at_end


def test_waiting_proposals_oldest_by_hand(session: Session) -> None:
    def add(title: str, raised: date, status: ProposalStatus, response: date | None = None) -> None:
        data = ProposalData(ProposalCategory.IT, title, raised, addressed_to="Sở Nội vụ", status=status,
                            response_date=response)  # fmt: skip
        save_proposal(session, data, today=TODAY)

    add("Nháp", date(2024, 12, 1), ProposalStatus.DRAFT)
    add("Đã trả lời", date(2025, 1, 10), ProposalStatus.RESOLVED, date(2025, 5, 1))
    add("Đang chờ", date(2025, 3, 1), ProposalStatus.SENT)
    before = waiting_proposals(session, date(2025, 4, 1))
    assert (before.count, before.oldest_raised, before.oldest_age_days) == (2, date(2025, 1, 10), 81)
    after = waiting_proposals(session, date(2025, 6, 1))
    assert (after.count, after.oldest_raised, after.oldest_age_days) == (1, date(2025, 3, 1), 92)
    assert waiting_proposals(session, date(2024, 12, 31)).count == 0  # a draft waits on nobody


def _random_dossiers(s: Session, rng: random.Random, n: int) -> None:
    """Dossiers written straight to the tables, odd cases included: no outcome but a finish day,
    refused ones, overridden due dates, several (overlapping) supplement requests, dates outside the window."""
    proc_ids = [p.id for p in list_procedures(s)]
    outcomes = [None, None, Outcome.RESOLVED, Outcome.RESOLVED, Outcome.WITHDRAWN, Outcome.STOPPED,
                Outcome.NOT_ACCEPTED]  # fmt: skip
    for i in range(n):
        received = date(2024, 12, 1) + timedelta(days=rng.randrange(560))
        due = received + timedelta(days=rng.randrange(-2, 30))
        outcome = rng.choice(outcomes)
        finished = (
            received + timedelta(days=rng.randrange(0, 90)) if outcome is not None or rng.random() < 0.05 else None
        )
        d = Dossier(
            code=f"R{i}", procedure_id=rng.choice(proc_ids), applicant_name="A",
            received_at=datetime.combine(received, time(rng.randrange(0, 24), rng.randrange(60))),
            channel=int(rng.choice(list(Channel))), due_date_computed=due,
            due_date_override=due + timedelta(days=rng.randrange(-3, 10)) if rng.random() < 0.15 else None,
            finished_date=finished, outcome=None if outcome is None else int(outcome),
        )  # fmt: skip
        for _ in range(rng.choice([0, 0, 0, 1, 1, 2, 3])):
            req = received + timedelta(days=rng.randrange(-5, 60))
            done = req + timedelta(days=rng.randrange(0, 45)) if rng.random() < 0.7 else None
            d.supplements.append(SupplementRequest(requested_date=req, completed_date=done))
        s.add(d)
    s.flush()


@pytest.mark.parametrize("counting", list(WithdrawnCounting))
@pytest.mark.parametrize(("official", "until"), [(True, date(2026, 1, 20)), (True, date(2025, 12, 14)),
                                                 (False, date(2025, 11, 7)), (False, date(2026, 2, 28))])  # fmt: skip
def test_one_pass_series_equals_the_form_month_by_month_on_random_dossiers(
    catalog_session: Session, counting: WithdrawnCounting, official: bool, until: date
) -> None:
    s = catalog_session
    rules = RuleSettings(withdrawn_counting=counting, official_periods=official)
    save_rules(s, rules)
    _random_dossiers(s, random.Random(f"{counting}{official}{until}"), 600)
    series = monthly_dossier_trend(s, until, 12, rules)
    assert len(series) == 12 and series[-1].period.end == until
    for point in series:
        expected = MonthPoint.from_row(point.period, dossier_form(s, point.period, rules, all_fields=False).total)
        assert point == expected, point.period.spec
    # The data really exercise every column, in more than one month.
    for name in ("received", "early", "on_time", "late", "pending", "overdue"):
        assert sum(1 for p in series if getattr(p, name) > 0) >= 2, name
    waiting = sum(dossier_form(s, p.period, rules).total.waiting_supplement for p in series)
    assert waiting > 20  # stopped clocks are exercised too


def test_overdue_pages_and_count_match_the_form_on_random_dossiers(catalog_session: Session) -> None:
    s = catalog_session
    _random_dossiers(s, random.Random("overdue pages"), 500)
    ctx = load_context(s, 2025, 2026)
    on = date(2025, 10, 9)
    everything = overdue_dossiers(s, on, ctx.calendar)
    assert (
        count_overdue(s, on)
        == len(everything)
        == dossier_form(s, as_of(parse_period("2025"), on)).total.pending_overdue
    )
    assert len(everything) > 30 and {r.state for r in everything} == {DossierState.OVERDUE}
    assert [r.due_date for r in everything] == sorted(r.due_date for r in everything)  # most overdue first
    pages = [overdue_dossiers(s, on, ctx.calendar, offset=k, limit=7) for k in range(0, len(everything), 7)]
    assert [r.id for page in pages for r in page] == [r.id for r in everything]  # pages line up, none twice
