"""Reporting periods: parsing, official cut-off dates, labels and stepping back."""

from __future__ import annotations

from datetime import date

import pytest

from storage.errors import UserError
from storage.periods import Period, PeriodKind, custom_period, parse_period, period_containing, period_for

K = PeriodKind


@pytest.mark.parametrize(
    ("spec", "kind", "year", "index", "start", "end"),
    [
        ("2025-07", K.MONTH, 2025, 7, date(2025, 6, 15), date(2025, 7, 14)),
        ("07/2025", K.MONTH, 2025, 7, date(2025, 6, 15), date(2025, 7, 14)),
        ("7/2025", K.MONTH, 2025, 7, date(2025, 6, 15), date(2025, 7, 14)),
        ("2025-01", K.MONTH, 2025, 1, date(2024, 12, 15), date(2025, 1, 14)),  # crosses the year
        ("2025-12", K.MONTH, 2025, 12, date(2025, 11, 15), date(2025, 12, 14)),
        ("2025-03", K.MONTH, 2025, 3, date(2025, 2, 15), date(2025, 3, 14)),
        ("2025-Q1", K.QUARTER, 2025, 1, date(2024, 12, 15), date(2025, 3, 14)),  # crosses the year
        ("2025-Q3", K.QUARTER, 2025, 3, date(2025, 6, 15), date(2025, 9, 14)),
        ("Q3/2025", K.QUARTER, 2025, 3, date(2025, 6, 15), date(2025, 9, 14)),
        ("2025-Q4", K.QUARTER, 2025, 4, date(2025, 9, 15), date(2025, 12, 14)),
        ("2025-H1", K.HALF_YEAR, 2025, 1, date(2024, 12, 15), date(2025, 6, 14)),
        ("2025-H2", K.HALF_YEAR, 2025, 2, date(2025, 6, 15), date(2025, 12, 14)),
        ("2025-9M", K.NINE_MONTHS, 2025, 1, date(2024, 12, 15), date(2025, 9, 14)),
        ("2025", K.YEAR, 2025, 1, date(2024, 12, 15), date(2025, 12, 14)),
        ("  2025-q3 ", K.QUARTER, 2025, 3, date(2025, 6, 15), date(2025, 9, 14)),
        ("q1/2026", K.QUARTER, 2026, 1, date(2025, 12, 15), date(2026, 3, 14)),
        ("2025-h1", K.HALF_YEAR, 2025, 1, date(2024, 12, 15), date(2025, 6, 14)),
        ("2025-9m", K.NINE_MONTHS, 2025, 1, date(2024, 12, 15), date(2025, 9, 14)),
    ],
)
def test_official_periods(spec: str, kind: K, year: int, index: int, start: date, end: date) -> None:
    assert parse_period(spec) == Period(kind, year, index, start, end, official=True)


@pytest.mark.parametrize(
    ("spec", "start", "end"),
    [
        ("2025-07", date(2025, 7, 1), date(2025, 7, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),  # leap year
        ("2025-02", date(2025, 2, 1), date(2025, 2, 28)),
        ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31)),
        ("2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
        ("2025-H1", date(2025, 1, 1), date(2025, 6, 30)),
        ("2025-H2", date(2025, 7, 1), date(2025, 12, 31)),
        ("2025-9M", date(2025, 1, 1), date(2025, 9, 30)),
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_calendar_periods(spec: str, start: date, end: date) -> None:
    p = parse_period(spec, official=False)
    assert (p.start, p.end, p.official) == (start, end, False)


@pytest.mark.parametrize("spec", ["2025-01", "2025-07", "2025-12", "2025-Q1", "2025-H2", "2025-9M", "2025"])
def test_cutoff_day_1_equals_calendar(spec: str) -> None:
    official = parse_period(spec, cutoff_day=1)
    calendar = parse_period(spec, official=False)
    assert (official.start, official.end) == (calendar.start, calendar.end)


def test_cutoff_day_is_a_setting() -> None:
    p = parse_period("2025-01", cutoff_day=20)
    assert (p.start, p.end) == (date(2024, 12, 20), date(2025, 1, 19))
    p = period_for(K.QUARTER, 2025, 2, cutoff_day=28)
    assert (p.start, p.end) == (date(2025, 3, 28), date(2025, 6, 27))


@pytest.mark.parametrize("cutoff", [0, 29, -1])
def test_cutoff_day_out_of_range_is_refused(cutoff: int) -> None:
    with pytest.raises(UserError):
        parse_period("2025-07", cutoff_day=cutoff)


@pytest.mark.parametrize(
    "spec",
    ["01/07/2025..31/07/2025", "2025-07-01..2025-07-31", " 1/7/2025 .. 2025-07-31 ", "2025-7-1..31/7/2025"],
)
def test_custom_ranges_are_exact(spec: str) -> None:
    for official in (True, False):
        p = parse_period(spec, official=official)
        assert p == Period(K.CUSTOM, 2025, 0, date(2025, 7, 1), date(2025, 7, 31), official=False)


def test_custom_single_day() -> None:
    p = parse_period("15/06/2025..15/06/2025")
    assert p.start == p.end == date(2025, 6, 15)


@pytest.mark.parametrize(
    "spec",
    [
        "", "   ", "2025-13", "2025-00", "13/2025", "2025-Q5", "2025-Q0", "Q5/2025", "2025-H3",
        "31/02/2025..", "31/02/2025..01/03/2025", "01/08/2025..31/07/2025", "1999", "2101",
        "1999-07", "01/01/1999..01/01/2025", "july 2025", "2025/07", "..", "2025-07-01",
    ],
)  # fmt: skip
def test_bad_specs_explain_the_accepted_forms(spec: str) -> None:
    with pytest.raises(UserError) as info:
        parse_period(spec)
    assert "Nhập theo mẫu" in info.value.vi
    assert "2025-Q3" in info.value.vi and "01/07/2025..31/07/2025" in info.value.vi
    assert "Accepted forms" in info.value.en


def test_bad_month_names_the_month() -> None:
    with pytest.raises(UserError) as info:
        parse_period("2025-13")
    assert info.value.vi.startswith("Không có tháng 13.")


def test_period_for_refuses_custom_and_bad_index() -> None:
    with pytest.raises(UserError):
        period_for(K.CUSTOM, 2025, 0)
    with pytest.raises(UserError):
        period_for(K.YEAR, 2025, 2)
    with pytest.raises(UserError):
        period_for(K.MONTH, 1999, 1)


def test_custom_period_refuses_reversed_dates() -> None:
    with pytest.raises(UserError):
        custom_period(date(2025, 7, 2), date(2025, 7, 1))


@pytest.mark.parametrize(
    ("spec", "vi", "en"),
    [
        ("2025-07", "Tháng 7 năm 2025", "July 2025"),
        ("2025-Q1", "Quý I năm 2025", "Q1 2025"),
        ("2025-Q3", "Quý III năm 2025", "Q3 2025"),
        ("2025-Q4", "Quý IV năm 2025", "Q4 2025"),
        ("2025-H1", "6 tháng đầu năm 2025", "First half of 2025"),
        ("2025-H2", "6 tháng cuối năm 2025", "Second half of 2025"),
        ("2025-9M", "9 tháng năm 2025", "First nine months of 2025"),
        ("2025", "Năm 2025", "Year 2025"),
        ("01/07/2025..31/07/2025", "Từ ngày 01/07/2025 đến ngày 31/07/2025", "From 01/07/2025 to 31/07/2025"),
    ],
)
def test_labels(spec: str, vi: str, en: str) -> None:
    p = parse_period(spec)
    assert p.label() == vi
    assert p.label("en") == en


def test_range_text() -> None:
    p = parse_period("2025-07")
    assert p.range_text() == "(Từ ngày 15/06/2025 đến ngày 14/07/2025)"
    assert p.range_text("en") == "(From 15/06/2025 to 14/07/2025)"


@pytest.mark.parametrize(
    ("spec", "canonical"),
    [
        ("7/2025", "2025-07"),
        ("q3/2025", "2025-Q3"),
        ("2025-h1", "2025-H1"),
        ("2025-9m", "2025-9M"),
        ("2025", "2025"),
        ("01/07/2025..31/07/2025", "2025-07-01..2025-07-31"),
    ],
)
def test_spec_is_canonical_and_round_trips(spec: str, canonical: str) -> None:
    p = parse_period(spec)
    assert p.spec == canonical
    assert parse_period(p.spec) == p


def test_contains_includes_both_bounds() -> None:
    p = parse_period("2025-07")
    assert p.contains(date(2025, 6, 15))
    assert p.contains(date(2025, 7, 14))
    assert not p.contains(date(2025, 6, 14))
    assert not p.contains(date(2025, 7, 15))


@pytest.mark.parametrize(
    ("spec", "previous"),
    [
        ("2025-07", "2025-06"),
        ("2025-01", "2024-12"),
        ("2025-Q1", "2024-Q4"),
        ("2025-Q3", "2025-Q2"),
        ("2025-H1", "2024-H2"),
        ("2025-H2", "2025-H1"),
        ("2025-9M", "2024-9M"),
        ("2025", "2024"),
    ],
)
def test_previous(spec: str, previous: str) -> None:
    for official, cutoff in ((True, 15), (True, 20), (True, 1), (False, 15)):
        p = parse_period(spec, official=official, cutoff_day=cutoff)
        assert p.previous() == parse_period(previous, official=official, cutoff_day=cutoff)


def test_consecutive_official_months_leave_no_gap() -> None:
    p = parse_period("2026-03")
    for _ in range(24):
        before = p.previous()
        assert (p.start - before.end).days == 1
        p = before


def test_previous_custom_has_the_same_length_just_before() -> None:
    p = parse_period("01/07/2025..31/07/2025").previous()
    assert (p.start, p.end) == (date(2025, 5, 31), date(2025, 6, 30))
    assert p.kind is K.CUSTOM


@pytest.mark.parametrize(
    ("day", "kind", "official", "expected"),
    [
        (date(2025, 7, 14), PeriodKind.MONTH, True, "2025-07"),
        (date(2025, 7, 15), PeriodKind.MONTH, True, "2025-08"),
        (date(2025, 12, 20), PeriodKind.MONTH, True, "2026-01"),
        (date(2025, 12, 20), PeriodKind.YEAR, True, "2026"),
        (date(2025, 12, 20), PeriodKind.YEAR, False, "2025"),
        (date(2025, 6, 15), PeriodKind.QUARTER, True, "2025-Q3"),
        (date(2025, 6, 14), PeriodKind.HALF_YEAR, True, "2025-H1"),
        (date(2025, 10, 1), PeriodKind.NINE_MONTHS, False, "2026-9M"),
    ],
)
def test_period_containing(day: date, kind: PeriodKind, official: bool, expected: str) -> None:
    period = period_containing(day, kind, official=official)
    assert period.spec == expected
    assert period.contains(day) or kind == PeriodKind.NINE_MONTHS
