"""Upward reporting: this installation's signing key, trusted keys, and the province's records.

A commune database uses ``install_key``, ``trusted_key`` (the province's key) and the revision
column of ``report_sent``; a province database also holds the commune registry, every received
report file (all revisions, kept as received) and the proposals with the province's answers.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Audited, Base


class InstallKey(Base):
    """This installation's Ed25519 key pair (one row); kept in the database so backups carry it."""

    __tablename__ = "install_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)  # raw 32 bytes
    public_key: Mapped[bytes] = mapped_column(LargeBinary)  # raw 32 bytes
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class TrustedKey(Base):
    """A peer's public key trusted on first use or from a registration file.

    ``owner`` is a commune code on the province side, ``province:<code>`` on the commune side.
    """

    __tablename__ = "trusted_key"

    owner: Mapped[str] = mapped_column(String(40), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))  # base64 of the raw 32 bytes
    fingerprint: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16))  # first_file / registration / manual
    trusted_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class ProvinceCommune(Audited, Base):
    """A commune the province expects reports from."""

    __tablename__ = "province_commune"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    area_type: Mapped[str] = mapped_column(String(16), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class ReceivedReport(Base):
    """One revision of one commune's report file, kept whole as received."""

    __tablename__ = "received_report"
    __table_args__ = (UniqueConstraint("commune_code", "period_spec", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    commune_code: Mapped[str] = mapped_column(ForeignKey("province_commune.code", ondelete="RESTRICT"), index=True)
    period_spec: Mapped[str] = mapped_column(String(40), index=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    revision: Mapped[int] = mapped_column(Integer)
    replaces_revision: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)  # when the commune made the file
    received_at: Mapped[datetime] = mapped_column(DateTime)  # when the province imported it
    file_name: Mapped[str] = mapped_column(String(300))
    file_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    key_fingerprint: Mapped[str] = mapped_column(String(64))
    app_version: Mapped[str] = mapped_column(String(40))
    format_version: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)  # payload.json as received (UTF-8 text)
    archive: Mapped[bytes] = mapped_column(LargeBinary)  # the .cdesk file itself


class ProvinceProposal(Audited, Base):
    """A commune's proposal as last reported, with the province's answer."""

    __tablename__ = "province_proposal"
    __table_args__ = (UniqueConstraint("commune_code", "proposal_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    commune_code: Mapped[str] = mapped_column(ForeignKey("province_commune.code", ondelete="RESTRICT"), index=True)
    proposal_id: Mapped[int] = mapped_column(Integer)  # the commune's own id
    category: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(300))
    content: Mapped[str] = mapped_column(Text, default="")
    raised_date: Mapped[date] = mapped_column(Date)
    addressed_to: Mapped[str] = mapped_column(String(200), default="")
    commune_status: Mapped[str] = mapped_column(String(16))
    last_report_id: Mapped[int | None] = mapped_column(ForeignKey("received_report.id", ondelete="SET NULL"))
    response_status: Mapped[str | None] = mapped_column(String(16))
    response_text: Mapped[str] = mapped_column(Text, default="")
    response_date: Mapped[date | None] = mapped_column(Date)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)  # when the province last recorded it
    response_exported_at: Mapped[datetime | None] = mapped_column(DateTime)


class ResponseFile(Base):
    """A response file the province wrote for one commune (the loop back down)."""

    __tablename__ = "response_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    commune_code: Mapped[str] = mapped_column(ForeignKey("province_commune.code", ondelete="RESTRICT"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    proposals: Mapped[int] = mapped_column(Integer)
