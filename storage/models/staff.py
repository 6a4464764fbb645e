"""Staff records and staffing quotas."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Audited, Base


class Staff(Audited, Base):
    """A person working for the commune; start/end dates make the headcount on any date exact.

    ``end_date`` is the first day the person is no longer in post ("thôi công tác kể từ ngày").
    """

    __tablename__ = "staff"
    __table_args__ = (Index("ix_staff_dates", "start_date", "end_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    search_name: Mapped[str] = mapped_column(String(200), index=True)  # folded, for diacritic-free search
    gender: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    ethnicity: Mapped[str] = mapped_column(String(40), default="Kinh")
    religion: Mapped[str] = mapped_column(String(40), default="")
    party_member: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[str] = mapped_column(String(200), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    category: Mapped[str] = mapped_column(String(24))
    origin: Mapped[str] = mapped_column(String(24), default="other")
    origin_note: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(String(200), default="")
    professional_level: Mapped[str] = mapped_column(String(16), default="none")
    professional_field: Mapped[str] = mapped_column(String(120), default="")
    political_theory: Mapped[str] = mapped_column(String(16), default="none")
    it_level: Mapped[str] = mapped_column(String(16), default="none")
    foreign_language: Mapped[str] = mapped_column(String(16), default="none")
    ethnic_language: Mapped[bool] = mapped_column(Boolean, default=False)
    works_at_center: Mapped[bool] = mapped_column(Boolean, default=False)
    has_signature: Mapped[bool] = mapped_column(Boolean, default=False)
    signature_expiry: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class StaffQuota(Audited, Base):
    """Posts assigned by the province (biên chế được giao) per category and year."""

    __tablename__ = "staff_quota"
    __table_args__ = (UniqueConstraint("year", "category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(24))
    quota: Mapped[int] = mapped_column(Integer)
    decision_ref: Mapped[str] = mapped_column(String(120), default="")
