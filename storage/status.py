"""Where a dossier stands on a date: the one function that decides it (REFERENCE.md §2, §4).

Classification is at day granularity: finished before the due date = early, on it = on time,
after it = late; still open on a date after its due date = overdue. An open supplement request
stops the clock, so such a dossier is neither in time nor overdue but waiting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from storage.calendar import WorkCalendar
from storage.settings import WithdrawnCounting
from storage.vocab import DossierState, Outcome, ProvincialStatus


@dataclass(frozen=True)
class DossierDates:
    """The facts status derivation needs, independent of how they are stored."""

    received: date
    due: date
    finished: date | None = None
    outcome: Outcome | None = None
    returned: date | None = None
    # Supplement requests as (requested, completed or None): the clock stops in between.
    supplements: tuple[tuple[date, date | None], ...] = ()


def _waiting_on(d: DossierDates, on: date) -> bool:
    return any(req <= on and (done is None or done > on) for req, done in d.supplements)


def classify_finished(
    finished: date, due: date, outcome: Outcome | None, counting: WithdrawnCounting = WithdrawnCounting.ON_TIME
) -> DossierState:
    """Early / on time / late for a finished dossier (withdrawn and stopped per the setting)."""
    if outcome in (Outcome.WITHDRAWN, Outcome.STOPPED) and counting == WithdrawnCounting.ON_TIME:
        return DossierState.ON_TIME
    if finished < due:
        return DossierState.EARLY
    if finished == due:
        return DossierState.ON_TIME
    return DossierState.LATE


def state_on(d: DossierDates, on: date, counting: WithdrawnCounting = WithdrawnCounting.ON_TIME) -> DossierState:
    """The dossier's state at the end of day ``on``."""
    if d.received > on:
        return DossierState.NOT_YET_RECEIVED
    if d.outcome == Outcome.NOT_ACCEPTED:
        return DossierState.NOT_ACCEPTED
    if d.finished is not None and d.finished <= on:
        return classify_finished(d.finished, d.due, d.outcome, counting)
    if _waiting_on(d, on):
        return DossierState.WAITING_SUPPLEMENT
    return DossierState.OVERDUE if d.due < on else DossierState.IN_TIME


def overdue_working_days(
    d: DossierDates, on: date, cal: WorkCalendar, counting: WithdrawnCounting = WithdrawnCounting.ON_TIME
) -> int:
    """Working days past the due date of a dossier that is overdue on ``on`` or was finished late.

    Zero for every other state: a dossier waiting for a supplement has its clock stopped, and a
    withdrawn one counted on time is not late, whatever its dates say.
    """
    if state_on(d, on, counting) not in (DossierState.OVERDUE, DossierState.LATE):
        return 0
    end = d.finished if d.finished is not None and d.finished <= on else on
    return cal.working_days_between(d.due, end)


def provincial_status(d: DossierDates, on: date) -> ProvincialStatus:
    """The provincial one-stop status code on a date, so records map to the provincial system."""
    if d.outcome == Outcome.NOT_ACCEPTED:
        return ProvincialStatus.NOT_ACCEPTED
    if d.finished is not None and d.finished <= on:
        if d.outcome == Outcome.WITHDRAWN:
            return ProvincialStatus.WITHDRAWN
        if d.outcome == Outcome.STOPPED:
            return ProvincialStatus.STOPPED
        if d.returned is not None and d.returned <= on:
            return ProvincialStatus.RETURNED
        return ProvincialStatus.PROCESSED
    if _waiting_on(d, on):
        return ProvincialStatus.SUPPLEMENT_REQUESTED
    if d.received == on:
        return ProvincialStatus.RECEIVED
    return ProvincialStatus.IN_PROCESS
