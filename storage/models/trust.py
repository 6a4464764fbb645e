"""Trust records: the append-only audit log and the locks of reported periods."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class AuditLog(Base):
    """Who changed which record when, with old and new values; each entry hashes the one before.

    Append-only: triggers (migration 0006) refuse UPDATE and DELETE, and the hash chain makes an
    edit of the file by other means visible to ``check``.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer)  # no foreign key: the log outlives accounts
    username: Mapped[str] = mapped_column(String(64), default="", index=True)
    action: Mapped[str] = mapped_column(String(16))
    table_name: Mapped[str] = mapped_column(String(40), default="")
    record_id: Mapped[str] = mapped_column(String(40), default="")
    summary: Mapped[str] = mapped_column(String(300), default="")
    old_values: Mapped[str] = mapped_column(Text, default="")  # JSON object, "" when none
    new_values: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class PeriodLock(Base):
    """A reporting period whose report was finalized: its records are locked until an officer reopens it."""

    __tablename__ = "period_lock"
    __table_args__ = (UniqueConstraint("period_spec", "official"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period_spec: Mapped[str] = mapped_column(String(40))
    official: Mapped[bool] = mapped_column(Boolean, default=True)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12))  # finalized / sent / reopened
    revision: Mapped[int] = mapped_column(Integer, default=1)  # report issue; +1 after each reopening
    finalized_at: Mapped[datetime | None] = mapped_column(DateTime)
    finalized_by: Mapped[str] = mapped_column(String(64), default="")
    reopened_at: Mapped[datetime | None] = mapped_column(DateTime)
    reopened_by: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(Text, default="")  # why it was last reopened
