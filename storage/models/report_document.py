"""The texts an officer writes around a report (number, narrative, signer, recipients).

Kept with the data so a report can be printed again identically; the figures themselves are
recomputed from the records (locking reported periods arrives with the trust issue).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Audited, Base


class ReportDocument(Audited, Base):
    """One report of one kind for one period: its number, title, narrative and signature block."""

    __tablename__ = "report_document"
    __table_args__ = (UniqueConstraint("kind", "period_spec", "official"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="periodic")
    period_spec: Mapped[str] = mapped_column(String(40))
    official: Mapped[bool] = mapped_column(Boolean, default=True)
    document_number: Mapped[str] = mapped_column(String(60), default="")
    issued_on: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(400), default="")
    narrative_json: Mapped[str] = mapped_column(Text, default="{}")
    signer_authority: Mapped[str] = mapped_column(String(100), default="TM. ỦY BAN NHÂN DÂN")
    signer_title: Mapped[str] = mapped_column(String(100), default="CHỦ TỊCH")
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    recipients: Mapped[str] = mapped_column(Text, default="")  # one per line
