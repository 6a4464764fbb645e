"""Difficulties and proposals raised to the province, and the register of reports sent."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Audited, Base


class ReportSent(Audited, Base):
    """A report the commune sent up: what, for which period, how, and the file's fingerprint."""

    __tablename__ = "report_sent"

    id: Mapped[int] = mapped_column(primary_key=True)
    period_spec: Mapped[str] = mapped_column(String(40))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20), default="periodic")
    document_number: Mapped[str] = mapped_column(String(60), default="")
    sent_date: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(10), default="usb")
    file_name: Mapped[str] = mapped_column(String(300), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    recipient: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int | None] = mapped_column(Integer)  # province files (.cdesk): 1, 2, ... per period


class Proposal(Audited, Base):
    """A difficulty or proposal addressed to a provincial body, followed up until answered."""

    __tablename__ = "proposal"

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[str] = mapped_column(String(16), index=True)
    title: Mapped[str] = mapped_column(String(300))
    content: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    raised_date: Mapped[date] = mapped_column(Date)
    addressed_to: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    response_text: Mapped[str] = mapped_column(Text, default="")
    response_date: Mapped[date | None] = mapped_column(Date)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("report_sent.id", ondelete="SET NULL"))
