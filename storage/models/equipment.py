"""IT equipment held by the commune, against the quantity it needs."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Audited, Base


class Equipment(Audited, Base):
    """One line of the equipment checklist: shortage = required − working (never below zero)."""

    __tablename__ = "equipment"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    description: Mapped[str] = mapped_column(String(300), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    required: Mapped[int] = mapped_column(Integer, default=0)
    available: Mapped[int] = mapped_column(Integer, default=0)
    working: Mapped[int] = mapped_column(Integer, default=0)
    condition_notes: Mapped[str] = mapped_column(Text, default="")
    inventory_date: Mapped[date] = mapped_column(Date)
    expiry_date: Mapped[date | None] = mapped_column(Date)  # digital-signature certificates
