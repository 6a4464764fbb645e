"""The working calendar as kept in the database: pre-filled per year, then edited by the commune.

The holidays package knows the lunar holidays and most swaps; each year's official notice can
still differ, so the stored table (not the package) is what deadlines are computed from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.actor import current_actor, set_actor
from storage.calendar import CalendarDay, DayKind, WorkCalendar, default_days
from storage.errors import Problem, UserError, ValidationError
from storage.models import CalendarEntry, CalendarYear

MIN_YEAR, MAX_YEAR = 2000, 2100


def ensure_years(session: Session, years: Iterable[int]) -> None:
    """Pre-fill each year once from the holidays package; later edits are never overwritten."""
    wanted = {y for y in years if MIN_YEAR <= y <= MAX_YEAR}
    if not wanted:
        return
    done = set(session.scalars(select(CalendarYear.year).where(CalendarYear.year.in_(wanted))))
    missing = sorted(wanted - done)
    if not missing:
        return
    # Pre-filling a new year is the program's own work, done when any user (a clerk too) first reads
    # that year: it is written as the system. The user's own pending changes are flushed before, as them.
    session.flush()
    actor = current_actor(session)
    set_actor(session, None)
    try:
        for year in missing:
            existing = set(
                session.scalars(
                    select(CalendarEntry.day).where(
                        CalendarEntry.day >= date(year, 1, 1), CalendarEntry.day <= date(year, 12, 31)
                    )
                )
            )
            for d in default_days(year):
                if d.day not in existing:
                    session.add(CalendarEntry(day=d.day, kind=str(d.kind), name=d.name, source="holidays"))
            session.add(CalendarYear(year=year))
        session.flush()
    finally:
        set_actor(session, actor)


def load_calendar(session: Session, first_year: int, last_year: int) -> WorkCalendar:
    """The working calendar covering the given years (one more on each side for deadlines)."""
    ensure_years(session, range(first_year - 1, last_year + 2))
    rows = session.execute(select(CalendarEntry.day, CalendarEntry.kind, CalendarEntry.name)).all()
    return WorkCalendar.from_days(CalendarDay(day, DayKind(kind), name) for day, kind, name in rows)


@dataclass(frozen=True)
class CalendarRow:
    """A stored calendar entry as shown to the user."""

    day: date
    kind: DayKind
    name: str
    source: str


def list_days(session: Session, year: int) -> list[CalendarRow]:
    """Days off and extra working days of one year, pre-filling the year if needed."""
    ensure_years(session, [year])
    rows = session.execute(
        select(CalendarEntry)
        .where(CalendarEntry.day >= date(year, 1, 1), CalendarEntry.day <= date(year, 12, 31))
        .order_by(CalendarEntry.day)
    ).scalars()
    return [CalendarRow(r.day, DayKind(r.kind), r.name, r.source) for r in rows]


def validate_day(day: CalendarDay) -> list[Problem]:
    """A day off must be a weekday and an extra working day a weekend day; otherwise it means nothing."""
    problems: list[Problem] = []
    if not MIN_YEAR <= day.day.year <= MAX_YEAR:
        problems.append(Problem("day", "Năm phải từ 2000 đến 2100.", "Year must be 2000..2100."))
    weekend = day.day.weekday() >= 5
    if day.kind == DayKind.OFF and weekend:
        problems.append(
            Problem(
                "day",
                f"Ngày {day.day:%d/%m/%Y} là ngày nghỉ cuối tuần, không cần khai báo là ngày nghỉ.",
                f"{day.day:%d/%m/%Y} is a weekend day; it need not be declared a day off.",
            )
        )
    if day.kind == DayKind.WORK and not weekend:
        problems.append(
            Problem(
                "day",
                f"Ngày {day.day:%d/%m/%Y} là ngày thường; chỉ thứ Bảy, Chủ nhật mới khai báo là ngày làm bù.",
                f"{day.day:%d/%m/%Y} is a weekday; only weekend days can be extra working days.",
            )
        )
    return problems


def save_days(session: Session, days: Iterable[CalendarDay]) -> int:
    """Add or replace calendar entries (all-or-nothing); returns how many were written."""
    days = list(days)
    problems = [p for d in days for p in validate_day(d)]
    if problems:
        raise ValidationError(problems)
    ensure_years(session, {d.day.year for d in days})
    for d in days:
        session.merge(CalendarEntry(day=d.day, kind=str(d.kind), name=d.name, source="user"))
    session.flush()
    return len(days)


def remove_day(session: Session, day: date) -> None:
    """Make a date an ordinary day again (its weekday/weekend nature decides)."""
    entry = session.scalar(select(CalendarEntry).where(CalendarEntry.day == day))
    if entry is not None:  # through the ORM: audited and permission-checked
        session.delete(entry)
        session.flush()
    else:
        raise UserError(
            f"Ngày {day:%d/%m/%Y} không có trong lịch ngày nghỉ/làm bù.",
            f"{day:%d/%m/%Y} is not in the calendar of days off / extra working days.",
        )
