"""Working-day calendar: the pre-filled holidays and working-day arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from storage.calendar import CalendarDay, DayKind, WorkCalendar, default_days
from storage.errors import UserError

OFF, WORK = DayKind.OFF, DayKind.WORK


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar.from_days(default_days(2024) + default_days(2025) + default_days(2026))


def test_default_days_2025_match_the_government_notice() -> None:
    assert default_days(2025) == [
        CalendarDay(date(2025, 1, 1), OFF, "Tết Dương lịch"),
        CalendarDay(date(2025, 1, 27), OFF, "29 Tết"),
        CalendarDay(date(2025, 1, 28), OFF, "Giao thừa Tết Nguyên Đán"),
        CalendarDay(date(2025, 1, 29), OFF, "Tết Nguyên Đán"),
        CalendarDay(date(2025, 1, 30), OFF, "Mùng hai Tết Nguyên Đán"),
        CalendarDay(date(2025, 1, 31), OFF, "Mùng ba Tết Nguyên Đán"),
        CalendarDay(date(2025, 4, 7), OFF, "Ngày Giỗ Tổ Hùng Vương"),
        CalendarDay(date(2025, 4, 26), WORK, "Làm bù cho ngày 02/05/2025"),
        CalendarDay(date(2025, 4, 30), OFF, "Ngày Chiến thắng"),
        CalendarDay(date(2025, 5, 1), OFF, "Ngày Quốc tế Lao động"),
        CalendarDay(date(2025, 5, 2), OFF, "Ngày nghỉ (thay cho ngày 26/04/2025)"),
        CalendarDay(date(2025, 9, 1), OFF, "Quốc khánh"),
        CalendarDay(date(2025, 9, 2), OFF, "Quốc khánh"),
    ]


def test_default_days_2026_match_the_government_notice() -> None:
    assert [(d.day, d.kind) for d in default_days(2026)] == [
        (date(2026, 1, 1), OFF),
        (date(2026, 2, 16), OFF),
        (date(2026, 2, 17), OFF),
        (date(2026, 2, 18), OFF),
        (date(2026, 2, 19), OFF),
        (date(2026, 2, 20), OFF),
        (date(2026, 4, 27), OFF),  # Hùng Kings' day falls on Sunday 26/4: made up on Monday
        (date(2026, 4, 30), OFF),
        (date(2026, 5, 1), OFF),
        (date(2026, 8, 22), WORK),
        (date(2026, 8, 31), OFF),
        (date(2026, 9, 1), OFF),
        (date(2026, 9, 2), OFF),
        (date(2026, 11, 24), OFF),
    ]
    names = {d.day: d.name for d in default_days(2026)}
    assert names[date(2026, 8, 22)] == "Làm bù cho ngày 31/08/2026"
    assert names[date(2026, 11, 24)] == "Ngày Văn hóa Việt Nam"


def test_weekend_holidays_are_left_to_the_make_up_day() -> None:
    days_2027 = {d.day for d in default_days(2027)}
    assert date(2027, 5, 1) not in days_2027  # Saturday
    assert date(2027, 5, 3) in days_2027  # its make-up Monday


def test_is_working_day(cal: WorkCalendar) -> None:
    assert cal.is_working_day(date(2025, 1, 24))  # Friday
    assert not cal.is_working_day(date(2025, 1, 25))  # Saturday
    assert not cal.is_working_day(date(2025, 1, 29))  # Tết
    assert cal.is_working_day(date(2025, 4, 26))  # Saturday worked in the swap
    assert not cal.is_working_day(date(2025, 5, 2))  # the swapped Friday
    assert WorkCalendar().is_working_day(date(2025, 1, 29))  # an empty calendar knows only weekends


def test_from_days_splits_kinds() -> None:
    rows = [CalendarDay(date(2025, 1, 1), OFF, "x"), CalendarDay(date(2025, 1, 4), WORK, "y")]
    c = WorkCalendar.from_days(rows)
    assert c.days_off == frozenset({date(2025, 1, 1)})
    assert c.extra_working_days == frozenset({date(2025, 1, 4)})


def test_next_working_day_and_on_or_after(cal: WorkCalendar) -> None:
    assert cal.next_working_day(date(2025, 1, 24)) == date(2025, 2, 3)
    assert cal.next_working_day(date(2025, 2, 3)) == date(2025, 2, 4)
    assert cal.working_day_on_or_after(date(2025, 2, 3)) == date(2025, 2, 3)
    assert cal.working_day_on_or_after(date(2025, 1, 25)) == date(2025, 2, 3)
    assert cal.next_working_day(date(2025, 4, 25)) == date(2025, 4, 26)


def test_add_working_days_across_tet_2025(cal: WorkCalendar) -> None:
    # Received Friday 24/01; 27–31/01 are Tết, 01–02/02 a weekend.
    assert cal.add_working_days(date(2025, 1, 24), 1) == date(2025, 2, 3)
    assert cal.add_working_days(date(2025, 1, 24), 3) == date(2025, 2, 5)


def test_add_working_days_across_30_april_with_working_saturday(cal: WorkCalendar) -> None:
    start = date(2025, 4, 25)  # Friday
    assert [cal.add_working_days(start, n) for n in range(1, 5)] == [
        date(2025, 4, 26),  # Saturday worked
        date(2025, 4, 28),
        date(2025, 4, 29),
        date(2025, 5, 5),  # 30/4, 1/5, 2/5 off, then the weekend
    ]


def test_add_zero_working_days_is_the_same_day(cal: WorkCalendar) -> None:
    assert cal.add_working_days(date(2025, 1, 25), 0) == date(2025, 1, 25)


def test_add_negative_working_days_is_refused(cal: WorkCalendar) -> None:
    with pytest.raises(UserError) as info:
        cal.add_working_days(date(2025, 1, 24), -1)
    assert "âm" in info.value.vi
    assert "negative" in info.value.en


def test_working_days_between(cal: WorkCalendar) -> None:
    assert cal.working_days_between(date(2025, 1, 24), date(2025, 2, 5)) == 3
    assert cal.working_days_between(date(2025, 4, 25), date(2025, 5, 5)) == 4
    assert cal.working_days_between(date(2025, 7, 7), date(2025, 7, 7)) == 0
    assert cal.working_days_between(date(2025, 7, 8), date(2025, 7, 7)) == 0
    assert cal.working_days_between(date(2025, 7, 4), date(2025, 7, 6)) == 0  # a weekend
    assert cal.working_days_between(date(2025, 7, 6), date(2025, 7, 7)) == 1  # end included


def test_working_days_between_inverts_add_working_days(cal: WorkCalendar) -> None:
    start = date(2024, 12, 20)
    for n in range(40):
        assert cal.working_days_between(start, cal.add_working_days(start, n)) == n
