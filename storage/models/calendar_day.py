"""The per-year editable working calendar (days off and extra working days)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Audited, Base


class CalendarEntry(Audited, Base):
    """A weekday off or a weekend day worked; ordinary weekdays and weekends are implicit."""

    __tablename__ = "calendar_day"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # "off" | "work"
    name: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(16), default="user")  # "holidays" (pre-filled) | "user"


class CalendarYear(Base):
    """Years already pre-filled, so a day the user deleted is not filled back in."""

    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    filled_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
