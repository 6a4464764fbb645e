"""Legal due dates: the 15:00 and 17:00 rules, working and calendar days, supplement pauses."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from storage.calendar import WorkCalendar, default_days
from storage.deadlines import DeadlineRules, Pause, TimeUnit, due_date, effective_receipt_date
from storage.errors import UserError

SAME, WD, CD = TimeUnit.SAME_DAY, TimeUnit.WORKING_DAYS, TimeUnit.CALENDAR_DAYS
RULES = DeadlineRules()


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar.from_days(default_days(2025) + default_days(2026))


def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm)


def test_default_rules() -> None:
    assert RULES.same_day_cutoff == time(15, 0)
    assert RULES.office_end == time(17, 0)


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (at(2025, 7, 7, 9), date(2025, 7, 7)),  # Monday morning
        (at(2025, 7, 7, 16, 59), date(2025, 7, 7)),
        (at(2025, 7, 7, 17, 0), date(2025, 7, 8)),  # office closed
        (at(2025, 7, 5, 10), date(2025, 7, 7)),  # Saturday
        (at(2025, 1, 24, 17, 30), date(2025, 2, 3)),  # Friday evening before Tết
        (at(2025, 4, 26, 10), date(2025, 4, 26)),  # Saturday worked in the swap
    ],
)
def test_effective_receipt_date(cal: WorkCalendar, received: datetime, expected: date) -> None:
    assert effective_receipt_date(received, cal, RULES) == expected


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (at(2025, 7, 8, 14, 59), date(2025, 7, 8)),  # Tuesday, before 15:00
        (at(2025, 7, 8, 15, 0), date(2025, 7, 9)),  # at 15:00: next working day
        (at(2025, 7, 8, 16, 59), date(2025, 7, 9)),
        (at(2025, 7, 8, 17, 0), date(2025, 7, 9)),  # after hours: moved once, not twice
        (at(2025, 7, 11, 15, 30), date(2025, 7, 14)),  # Friday afternoon -> Monday
        (at(2025, 7, 5, 10), date(2025, 7, 7)),  # Saturday -> Monday
        (at(2025, 7, 6, 16), date(2025, 7, 7)),  # Sunday afternoon -> Monday, not Tuesday
        (at(2025, 1, 24, 15, 0), date(2025, 2, 3)),  # before Tết
        (at(2025, 4, 29, 15, 30), date(2025, 5, 5)),  # before 30/4–2/5
        (at(2025, 4, 25, 15, 0), date(2025, 4, 26)),  # the working Saturday counts
    ],
)
def test_same_day(cal: WorkCalendar, received: datetime, expected: date) -> None:
    assert due_date(received, SAME, 0, cal) == expected


def test_same_day_ignores_days(cal: WorkCalendar) -> None:
    assert due_date(at(2025, 7, 8, 10), SAME, 5, cal) == date(2025, 7, 8)


def test_same_day_cutoff_is_a_setting(cal: WorkCalendar) -> None:
    rules = DeadlineRules(same_day_cutoff=time(16, 0))
    assert due_date(at(2025, 7, 8, 15, 30), SAME, 0, cal, rules) == date(2025, 7, 8)
    assert due_date(at(2025, 7, 8, 16, 0), SAME, 0, cal, rules) == date(2025, 7, 9)


@pytest.mark.parametrize(
    ("received", "days", "expected"),
    [
        (at(2025, 7, 7, 10), 3, date(2025, 7, 10)),  # Monday + 3 = Thursday
        (at(2025, 7, 7, 16, 0), 3, date(2025, 7, 10)),  # 15:00 rule is for same-day only
        (at(2025, 7, 7, 17, 0), 3, date(2025, 7, 11)),  # after hours: counts from Tuesday
        (at(2025, 7, 10, 10), 3, date(2025, 7, 15)),  # over a weekend
        (at(2025, 7, 5, 10), 1, date(2025, 7, 8)),  # Saturday receipt counts from Monday
        (at(2025, 7, 7, 10), 0, date(2025, 7, 7)),
        (at(2025, 1, 24, 10), 3, date(2025, 2, 5)),  # across Tết 2025
        (at(2025, 1, 22, 10), 5, date(2025, 2, 5)),
        (at(2025, 4, 29, 10), 2, date(2025, 5, 6)),  # across 30/4–2/5
        (at(2025, 4, 25, 10), 2, date(2025, 4, 28)),  # Saturday 26/4 is worked
        (at(2025, 4, 26, 10), 1, date(2025, 4, 28)),  # received on the working Saturday
        (at(2026, 2, 13, 10), 1, date(2026, 2, 23)),  # across Tết 2026
    ],
)
def test_working_days(cal: WorkCalendar, received: datetime, days: int, expected: date) -> None:
    assert due_date(received, WD, days, cal) == expected


@pytest.mark.parametrize(
    ("received", "days", "expected"),
    [
        (at(2025, 7, 2, 10), 4, date(2025, 7, 7)),  # ends Sunday 6/7 -> Monday
        (at(2025, 7, 7, 10), 5, date(2025, 7, 14)),  # ends Saturday -> Monday
        (at(2025, 7, 7, 10), 7, date(2025, 7, 14)),  # weekends inside the period count
        (at(2025, 4, 25, 10), 5, date(2025, 5, 5)),  # ends on 30/4 -> after the holidays
        (at(2025, 4, 21, 10), 5, date(2025, 4, 26)),  # ends on the working Saturday: stays
        (at(2025, 1, 20, 10), 10, date(2025, 2, 3)),  # ends on Tết
        (at(2025, 7, 5, 10), 3, date(2025, 7, 10)),  # weekend receipt counts from Monday 7/7
        (at(2025, 7, 7, 17, 30), 3, date(2025, 7, 11)),  # after hours counts from Tuesday
    ],
)
def test_calendar_days(cal: WorkCalendar, received: datetime, days: int, expected: date) -> None:
    assert due_date(received, CD, days, cal) == expected


@pytest.mark.parametrize("unit", list(TimeUnit))
def test_negative_days_are_refused(cal: WorkCalendar, unit: TimeUnit) -> None:
    with pytest.raises(UserError) as info:
        due_date(at(2025, 7, 7), unit, -1, cal)
    assert "âm" in info.value.vi
    assert "negative" in info.value.en


def test_pause_moves_working_day_deadline(cal: WorkCalendar) -> None:
    received = at(2025, 7, 7, 10)  # Monday; 5 working days -> Monday 14/7
    assert due_date(received, WD, 5, cal) == date(2025, 7, 14)
    wed_to_fri = Pause(date(2025, 7, 9), date(2025, 7, 11))
    assert due_date(received, WD, 5, cal, pauses=[wed_to_fri]) == date(2025, 7, 16)
    fri_to_mon = Pause(date(2025, 7, 11), date(2025, 7, 14))  # weekend not counted
    assert due_date(received, WD, 5, cal, pauses=[fri_to_mon]) == date(2025, 7, 15)
    assert due_date(received, WD, 5, cal, pauses=[wed_to_fri, fri_to_mon]) == date(2025, 7, 17)


def test_pause_completed_same_day_moves_nothing(cal: WorkCalendar) -> None:
    pause = Pause(date(2025, 7, 9), date(2025, 7, 9))
    assert due_date(at(2025, 7, 7, 10), WD, 5, cal, pauses=[pause]) == date(2025, 7, 14)


def test_pause_across_tet(cal: WorkCalendar) -> None:
    received = at(2025, 1, 22, 10)  # Wednesday; 3 working days: 23/1, 24/1, 3/2
    assert due_date(received, WD, 3, cal) == date(2025, 2, 3)
    pause = Pause(date(2025, 1, 24), date(2025, 2, 5))  # 3 working days waited (3/2, 4/2, 5/2)
    assert due_date(received, WD, 3, cal, pauses=[pause]) == date(2025, 2, 6)


def test_open_pause_counts_up_to_as_of(cal: WorkCalendar) -> None:
    received = at(2025, 7, 7, 10)
    open_pause = Pause(date(2025, 7, 9), None)
    assert due_date(received, WD, 5, cal, pauses=[open_pause]) == date(2025, 7, 14)  # ignored
    assert due_date(received, WD, 5, cal, pauses=[open_pause], as_of=date(2025, 7, 10)) == date(2025, 7, 15)
    assert due_date(received, WD, 5, cal, pauses=[open_pause], as_of=date(2025, 7, 8)) == date(2025, 7, 14)


def test_pause_on_same_day_procedure(cal: WorkCalendar) -> None:
    pause = Pause(date(2025, 7, 7), date(2025, 7, 8))
    assert due_date(at(2025, 7, 7, 10), SAME, 0, cal, pauses=[pause]) == date(2025, 7, 8)
    assert due_date(at(2025, 7, 7, 15, 30), SAME, 0, cal, pauses=[pause]) == date(2025, 7, 9)


def test_pause_on_calendar_day_procedure(cal: WorkCalendar) -> None:
    received = at(2025, 7, 2, 10)  # 4 calendar days -> Sunday 6/7, rolled to Monday 7/7
    pause = Pause(date(2025, 7, 3), date(2025, 7, 6))  # 3 calendar days, weekend included
    # The period itself is extended (6/7 + 3 = Wednesday 9/7); the roll applies once at the end.
    assert due_date(received, CD, 4, cal, pauses=[pause]) == date(2025, 7, 9)
    to_saturday = Pause(date(2025, 7, 3), date(2025, 7, 5))  # 6/7 + 2 = Tuesday 8/7
    assert due_date(received, CD, 4, cal, pauses=[to_saturday]) == date(2025, 7, 8)
    into_holiday = Pause(date(2025, 4, 22), date(2025, 4, 24))  # 28/4 + 2 = 30/4 -> 5/5
    assert due_date(at(2025, 4, 21, 10), CD, 7, cal, pauses=[into_holiday]) == date(2025, 5, 5)


def test_pause_completed_before_requested_is_refused(cal: WorkCalendar) -> None:
    with pytest.raises(UserError):
        due_date(at(2025, 7, 7), WD, 5, cal, pauses=[Pause(date(2025, 7, 9), date(2025, 7, 8))])
