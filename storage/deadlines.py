"""The legal due date of a dossier (REFERENCE.md §4), at day granularity.

Day granularity is what the results report classifies on (early / on time / late), so the
only clock times that matter are the same-day cut-off (15:00) and the end of office hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from storage.calendar import WorkCalendar
from storage.errors import UserError


class TimeUnit(StrEnum):
    """How a procedure's published duration is counted."""

    SAME_DAY = "same_day"
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"


@dataclass(frozen=True)
class DeadlineRules:
    """Office clock times; settings, since provinces differ."""

    same_day_cutoff: time = time(15, 0)  # same-day procedures received at or after this -> next working day
    office_end: time = time(17, 0)  # received at/after this counts as received the next working day


@dataclass(frozen=True)
class Pause:
    """A supplement request: the clock stops until the citizen completes the dossier."""

    requested: date
    completed: date | None


def effective_receipt_date(received_at: datetime, cal: WorkCalendar, rules: DeadlineRules) -> date:
    """The day the dossier counts as received: after hours or on a day off, the next working day."""
    d = received_at.date()
    if cal.is_working_day(d) and received_at.time() < rules.office_end:
        return d
    return cal.next_working_day(d)


def _paused(pause: Pause, as_of: date | None) -> tuple[date, date] | None:
    """The (requested, end) span of one pause, or None when it does not count yet."""
    end = pause.completed if pause.completed is not None else as_of
    if end is None:
        return None  # open pause, no reference date: the caller shows "clock stopped"
    if pause.completed is not None and pause.completed < pause.requested:
        raise UserError(
            f"Ngày bổ sung xong ({pause.completed:%d/%m/%Y}) trước ngày yêu cầu bổ sung ({pause.requested:%d/%m/%Y}).",
            f"The supplement was completed ({pause.completed:%d/%m/%Y}) before it was requested "
            f"({pause.requested:%d/%m/%Y}).",
        )
    return pause.requested, end


def due_date(
    received_at: datetime,
    unit: TimeUnit,
    days: int,
    cal: WorkCalendar,
    rules: DeadlineRules = DeadlineRules(),
    pauses: Sequence[Pause] = (),
    as_of: date | None = None,
) -> date:
    """The day by which the result is due, moved later by the time spent waiting for supplements.

    ``days`` is ignored for SAME_DAY. An open pause counts up to ``as_of``; with no ``as_of``
    it is left out.
    """
    if days < 0:
        raise UserError(
            f"Thời hạn giải quyết không được âm (đã nhập {days} ngày).",
            f"The processing time cannot be negative (got {days} days).",
        )
    spans = [s for p in pauses if (s := _paused(p, as_of)) is not None]
    received = effective_receipt_date(received_at, cal, rules)

    if unit is TimeUnit.CALENDAR_DAYS:
        # Civil Code 2015 art. 148: a period ending on a day off ends on the next working day.
        # The roll happens once, at the end, so a pause extends the period itself.
        waited = sum(max(0, (end - start).days) for start, end in spans)
        return cal.working_day_on_or_after(received + timedelta(days=days + waited))

    if unit is TimeUnit.SAME_DAY:
        due = received
        t = received_at.time()
        if received == received_at.date() and rules.same_day_cutoff <= t < rules.office_end:
            due = cal.next_working_day(received)
    else:
        due = cal.add_working_days(received, days)
    waited = sum(cal.working_days_between(start, end) for start, end in spans)
    return cal.add_working_days(due, waited)
