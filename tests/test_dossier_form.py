"""The results form's SQL against the one Python rule (storage.status.state_on), and by hand."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy.orm import Session

from storage.aggregates.dossier_form import dossier_form
from storage.catalog import find_procedure, list_procedures
from storage.dossiers import DossierData, SupplementData, dossier_dates, save_dossier
from storage.models import Dossier
from storage.periods import parse_period
from storage.rules_context import load_context
from storage.settings import RuleSettings, WithdrawnCounting, load_rules, save_rules
from storage.status import state_on
from storage.vocab import Channel, DossierState, Outcome

TODAY = date(2026, 11, 21)


def _random_dossier(rng: random.Random, procedure_ids: list[int]) -> DossierData:
    received = datetime.combine(date(2025, 5, 1) + timedelta(days=rng.randrange(150)), time(rng.randrange(7, 18)))
    outcome = rng.choice([None, None, Outcome.RESOLVED, Outcome.RESOLVED, Outcome.RESOLVED, Outcome.WITHDRAWN,
                          Outcome.STOPPED, Outcome.NOT_ACCEPTED])  # fmt: skip
    finished = received.date() + timedelta(days=rng.randrange(0, 40)) if outcome is not None else None
    supplements: tuple[SupplementData, ...] = ()
    if rng.random() < 0.2:
        req = received.date() + timedelta(days=rng.randrange(0, 5))
        done = req + timedelta(days=rng.randrange(1, 10))
        if finished is not None and done > finished:
            done = finished if finished >= req else None
        if done is None and outcome == Outcome.RESOLVED:
            outcome, finished = None, None
        supplements = (SupplementData(req, done),)
    return DossierData(
        procedure_id=rng.choice(procedure_ids),
        applicant_name=f"Người nộp {rng.randrange(10**6)}",
        received_at=received,
        channel=rng.choice(list(Channel)),
        finished_date=finished,
        outcome=outcome,
        supplements=supplements,
        apology_date=finished if finished is not None and rng.random() < 0.1 else None,
    )


@pytest.mark.parametrize("counting", list(WithdrawnCounting))
@pytest.mark.parametrize("spec", ["2025-07", "2025-Q3", "2025-06", "2025-9M"])
def test_form_matches_state_on_for_random_dossiers(catalog_session: Session, counting, spec) -> None:
    s = catalog_session
    save_rules(s, RuleSettings(withdrawn_counting=counting))
    rng = random.Random(spec + counting)
    ids = [p.id for p in list_procedures(s)]
    ctx = load_context(s, 2025)
    for _ in range(250):
        save_dossier(s, _random_dossier(rng, ids), ctx=ctx, today=TODAY)
    period = parse_period(spec)
    form = dossier_form(s, period, load_rules(s))

    expected = dict.fromkeys(["c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13"], 0)
    for d in s.query(Dossier):
        dd = dossier_dates(d)
        if dd.outcome == Outcome.NOT_ACCEPTED or dd.received > period.end:
            continue
        if dd.finished is not None and dd.finished < period.start:
            continue
        expected["c3"] += 1
        if dd.received >= period.start:
            expected["c4" if d.channel == Channel.ONLINE else "c5"] += 1
        else:
            expected["c6"] += 1
        st = state_on(dd, period.end, counting)
        col = {
            DossierState.EARLY: "c8", DossierState.ON_TIME: "c9", DossierState.LATE: "c10",
            DossierState.IN_TIME: "c12", DossierState.WAITING_SUPPLEMENT: "c12", DossierState.OVERDUE: "c13",
        }[st]  # fmt: skip
        expected[col] += 1
        expected["c7" if col in ("c8", "c9", "c10") else "c11"] += 1
    assert form.total.columns() == [expected[f"c{i}"] for i in range(3, 14)]
    assert expected["c3"] > 20  # the random data really exercises the period
    for row in [*form.rows, form.total]:
        assert row.identity_problems() == []


def test_hand_made_period_across_holiday_and_cutoff(catalog_session: Session) -> None:
    """Known answers for the official July 2025 period (15/06–14/07/2025)."""
    s = catalog_session
    xnhn = find_procedure(s, "HT-XNHN")  # 3 working days
    ks = find_procedure(s, "HT-KS")  # same day, 15:00 rule
    assert xnhn and ks

    def add(proc_id: int, received: datetime, finished: date | None = None, channel=Channel.DIRECT, **kw) -> None:
        save_dossier(s, DossierData(procedure_id=proc_id, applicant_name="A", received_at=received,
                                    channel=channel, finished_date=finished, **kw), today=TODAY)  # fmt: skip

    # Carried over: received 10/06, due 13/06, finished 16/06 inside the period -> late.
    add(xnhn.id, datetime(2025, 6, 10, 9), date(2025, 6, 16))
    # Finished before the period: not counted at all.
    add(xnhn.id, datetime(2025, 6, 2, 9), date(2025, 6, 4))
    # Same day received 14:59 finished that day -> on time; 15:00 finished next day -> on time too.
    add(ks.id, datetime(2025, 7, 1, 14, 59), date(2025, 7, 1), channel=Channel.ONLINE)
    add(ks.id, datetime(2025, 7, 1, 15, 0), date(2025, 7, 2))
    # Same day received 09:00 finished the next day -> late.
    add(ks.id, datetime(2025, 7, 3, 9, 0), date(2025, 7, 4), channel=Channel.POSTAL)
    # Received Fri 11/07, 3 working days -> due Wed 16/07: open at 14/07 -> within time.
    add(xnhn.id, datetime(2025, 7, 11, 10))
    # Received 01/07 due 04/07, still open at 14/07 -> overdue; an apology was issued.
    add(xnhn.id, datetime(2025, 7, 1, 10), apology_date=date(2025, 7, 4))
    # Received on the cut-off's next day (15/07): belongs to August.
    add(ks.id, datetime(2025, 7, 15, 8))
    # Withdrawn -> counted as on time by default.
    add(xnhn.id, datetime(2025, 7, 2, 8), date(2025, 7, 10), outcome=Outcome.WITHDRAWN)
    # Refused at the desk: outside columns 3-13.
    add(ks.id, datetime(2025, 7, 2, 8), date(2025, 7, 2), outcome=Outcome.NOT_ACCEPTED)

    form = dossier_form(s, parse_period("2025-07"))
    hotich = next(r for r in form.rows if r.field_name == "Hộ tịch")
    assert hotich.columns() == [7, 1, 5, 1, 5, 0, 3, 2, 2, 1, 1]
    assert hotich.not_accepted == 1
    assert hotich.withdrawn_stopped == 1
    assert hotich.late_with_apology == 1
    assert hotich.on_time_rate == pytest.approx(3 / 5)
    assert form.total.columns() == hotich.columns()
    assert [r.field_name for r in form.rows][:2] == ["Hộ tịch", "Chứng thực"]  # every active field listed
