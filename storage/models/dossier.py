"""Dossiers (hồ sơ TTHC) and their supplement requests.

A dossier's status on a date is never stored: storage.status derives it from these dates.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Audited, Base


class Dossier(Audited, Base):
    """One administrative-procedure dossier received by the commune."""

    __tablename__ = "dossier"
    __table_args__ = (
        # Covering index of the period aggregates: the results form reads only these columns, so a
        # period is one sequential index range scan, never 100,000 random table reads.
        Index(
            "ix_dossier_period",
            "received_at", "finished_date", "outcome", "channel", "procedure_id",
            "due_date_computed", "due_date_override", "apology_date",
        ),
        Index("ix_dossier_finished_date", "finished_date"),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure.id", ondelete="RESTRICT"), index=True)
    applicant_name: Mapped[str] = mapped_column(String(200))
    search_text: Mapped[str] = mapped_column(String(400), default="")  # folded code + applicant
    applicant_address: Mapped[str] = mapped_column(String(300), default="")
    applicant_phone: Mapped[str] = mapped_column(String(40), default="")
    received_at: Mapped[datetime] = mapped_column(DateTime)
    channel: Mapped[int] = mapped_column(Integer, default=1)
    due_date_computed: Mapped[date] = mapped_column(Date)
    due_date_override: Mapped[date | None] = mapped_column(Date)
    due_override_reason: Mapped[str] = mapped_column(String(300), default="")
    due_override_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    # The day the dossier left processing: resolved, withdrawn, stopped or refused.
    finished_date: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[int | None] = mapped_column(Integer)
    returned_date: Mapped[date | None] = mapped_column(Date)
    apology_date: Mapped[date | None] = mapped_column(Date)
    apology_new_date: Mapped[date | None] = mapped_column(Date)
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")

    supplements: Mapped[list[SupplementRequest]] = relationship(
        back_populates="dossier", cascade="all, delete-orphan", order_by="SupplementRequest.requested_date"
    )


class SupplementRequest(Audited, Base):
    """A request to the citizen to complete the dossier; the processing clock stops meanwhile."""

    __tablename__ = "supplement_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    requested_date: Mapped[date] = mapped_column(Date)
    completed_date: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(400), default="")

    dossier: Mapped[Dossier] = relationship(back_populates="supplements")
