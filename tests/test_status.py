"""Status derivation on a date (storage.status): the single rule every screen and report uses."""

from __future__ import annotations

from datetime import date

import pytest

from storage.calendar import WorkCalendar, default_days
from storage.settings import WithdrawnCounting
from storage.status import DossierDates, overdue_working_days, provincial_status, state_on
from storage.vocab import DossierState, Outcome, ProvincialStatus

CAL = WorkCalendar.from_days(default_days(2025))
D = date


@pytest.mark.parametrize(
    ("dates", "on", "expected"),
    [
        (DossierDates(D(2025, 7, 1), D(2025, 7, 4)), D(2025, 6, 30), DossierState.NOT_YET_RECEIVED),
        (DossierDates(D(2025, 7, 1), D(2025, 7, 4)), D(2025, 7, 4), DossierState.IN_TIME),  # due day: in time
        (DossierDates(D(2025, 7, 1), D(2025, 7, 4)), D(2025, 7, 5), DossierState.OVERDUE),
        (
            DossierDates(D(2025, 7, 1), D(2025, 7, 4), D(2025, 7, 3), Outcome.RESOLVED),
            D(2025, 7, 9),
            DossierState.EARLY,
        ),
        (
            DossierDates(D(2025, 7, 1), D(2025, 7, 4), D(2025, 7, 4), Outcome.RESOLVED),
            D(2025, 7, 9),
            DossierState.ON_TIME,
        ),
        (DossierDates(D(2025, 7, 1), D(2025, 7, 4), D(2025, 7, 8), Outcome.RESOLVED), D(2025, 7, 9), DossierState.LATE),
        # Finished after the date asked about: still open then.
        (
            DossierDates(D(2025, 7, 1), D(2025, 7, 4), D(2025, 7, 8), Outcome.RESOLVED),
            D(2025, 7, 7),
            DossierState.OVERDUE,
        ),
        (
            DossierDates(D(2025, 7, 1), D(2025, 7, 1), D(2025, 7, 1), Outcome.NOT_ACCEPTED),
            D(2025, 7, 9),
            DossierState.NOT_ACCEPTED,
        ),
        # An open supplement request stops the clock.
        (
            DossierDates(D(2025, 7, 1), D(2025, 7, 4), supplements=((D(2025, 7, 2), None),)),
            D(2025, 7, 20),
            DossierState.WAITING_SUPPLEMENT,
        ),
        (
            DossierDates(D(2025, 7, 1), D(2025, 7, 4), supplements=((D(2025, 7, 2), D(2025, 7, 10)),)),
            D(2025, 7, 9),
            DossierState.WAITING_SUPPLEMENT,
        ),
        (
            DossierDates(D(2025, 7, 1), D(2025, 7, 4), supplements=((D(2025, 7, 2), D(2025, 7, 10)),)),
            D(2025, 7, 10),
            DossierState.OVERDUE,
        ),
    ],
)
def test_state_on(dates: DossierDates, on: date, expected: DossierState) -> None:
    assert state_on(dates, on) == expected


def test_withdrawn_counts_per_setting() -> None:
    late_withdrawal = DossierDates(D(2025, 7, 1), D(2025, 7, 4), D(2025, 7, 10), Outcome.WITHDRAWN)
    assert state_on(late_withdrawal, D(2025, 7, 31)) == DossierState.ON_TIME
    assert state_on(late_withdrawal, D(2025, 7, 31), WithdrawnCounting.BY_DATE) == DossierState.LATE


def test_overdue_working_days_skip_holidays() -> None:
    # Due Tue 29/04/2025; 30/04, 01/05, 02/05 are days off; Mon 05/05 is the first working day after.
    d = DossierDates(D(2025, 4, 25), D(2025, 4, 29))
    assert overdue_working_days(d, D(2025, 5, 5), CAL) == 1
    assert overdue_working_days(d, D(2025, 4, 29), CAL) == 0
    finished_late = DossierDates(D(2025, 4, 25), D(2025, 4, 29), D(2025, 5, 6), Outcome.RESOLVED)
    assert overdue_working_days(finished_late, D(2025, 12, 31), CAL) == 2
    waiting = DossierDates(D(2025, 4, 25), D(2025, 4, 29), supplements=((D(2025, 4, 28), None),))
    assert overdue_working_days(waiting, D(2025, 5, 9), CAL) == 0  # clock stopped
    withdrawn = DossierDates(D(2025, 4, 25), D(2025, 4, 29), D(2025, 5, 9), Outcome.WITHDRAWN)
    assert overdue_working_days(withdrawn, D(2025, 5, 9), CAL) == 0
    assert overdue_working_days(withdrawn, D(2025, 5, 9), CAL, WithdrawnCounting.BY_DATE) == 5  # 5–9 May


def test_provincial_status_codes() -> None:
    base = DossierDates(D(2025, 7, 1), D(2025, 7, 4))
    assert provincial_status(base, D(2025, 7, 1)) == ProvincialStatus.RECEIVED
    assert provincial_status(base, D(2025, 7, 2)) == ProvincialStatus.IN_PROCESS
    done = DossierDates(D(2025, 7, 1), D(2025, 7, 4), D(2025, 7, 3), Outcome.RESOLVED, returned=D(2025, 7, 4))
    assert provincial_status(done, D(2025, 7, 3)) == ProvincialStatus.PROCESSED
    assert provincial_status(done, D(2025, 7, 4)) == ProvincialStatus.RETURNED
    waiting = DossierDates(D(2025, 7, 1), D(2025, 7, 4), supplements=((D(2025, 7, 2), None),))
    assert provincial_status(waiting, D(2025, 7, 3)) == ProvincialStatus.SUPPLEMENT_REQUESTED
    for outcome, code in ((Outcome.WITHDRAWN, 7), (Outcome.STOPPED, 8), (Outcome.NOT_ACCEPTED, 3)):
        d = DossierDates(D(2025, 7, 1), D(2025, 7, 4), D(2025, 7, 2), outcome)
        assert int(provincial_status(d, D(2025, 7, 9))) == code
