"""The register of reports the commune sent up to the province.

Each entry says which period the report covers, when and how it left (USB stick, email,
paper), to whom, and the SHA-256 fingerprint of the file so that the copy the province
holds can later be matched against the one kept here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.errors import NotFoundError, Problem, UserError, ValidationError
from storage.models import ReportSent
from storage.periods import parse_period
from storage.vocab import ReportChannel

SHA256_PATTERN = re.compile(r"^[0-9a-fA-F]{64}$")
_CHUNK = 1024 * 1024
# Column widths of the report_sent table.
_LIMITS = {
    "period_spec": (40, "Kỳ báo cáo", "The period"),
    "kind": (20, "Loại báo cáo", "The report kind"),
    "document_number": (60, "Số văn bản", "The document number"),
    "file_name": (300, "Tên tệp", "The file name"),
    "recipient": (200, "Nơi nhận", "The recipient"),
}


@dataclass(frozen=True)
class ReportSentData:
    """One report sent, as entered (or registered by the export that produced the file)."""

    period_spec: str
    period_start: date
    period_end: date
    sent_date: date
    kind: str = "periodic"
    channel: ReportChannel = ReportChannel.USB
    file_name: str = ""
    sha256: str = ""
    recipient: str = ""
    notes: str = ""
    document_number: str = ""
    revision: int | None = None  # province files: revision 1, 2, ... of the period


@dataclass(frozen=True)
class ReportSentRow:
    """An entry of the register."""

    id: int
    period_spec: str
    period_start: date
    period_end: date
    kind: str
    document_number: str
    sent_date: date
    channel: ReportChannel
    channel_label: str
    file_name: str
    sha256: str
    recipient: str
    notes: str
    revision: int | None = None


def file_sha256(path: Path | str) -> str:
    """The SHA-256 of a file as 64 lower-case hex digits, read in chunks (reports can be large)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
    except OSError as exc:
        raise UserError(
            f"Không đọc được tệp {path}: {exc.strerror or exc}.", f"Cannot read the file {path}: {exc.strerror or exc}."
        ) from exc
    return digest.hexdigest()


def _d(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def validate_report_sent(
    session: Session, data: ReportSentData, report_id: int | None = None, *, today: date | None = None
) -> list[Problem]:
    """Every rule an entry of the register must satisfy, with Vietnamese messages naming the field."""
    today = today or date.today()
    p: list[Problem] = []
    spec = data.period_spec.strip()
    if not spec:
        p.append(Problem("period_spec", "Chưa nhập kỳ báo cáo.", "The reporting period is empty."))
    else:
        try:
            parse_period(spec)
        except UserError as exc:
            p.append(Problem("period_spec", exc.vi, exc.en))
    if not data.kind.strip():
        p.append(Problem("kind", "Chưa nhập loại báo cáo.", "The report kind is empty."))
    for name, (limit, vi, en) in _LIMITS.items():
        if len(getattr(data, name).strip()) > limit:
            p.append(Problem(name, f"{vi} dài quá {limit} ký tự.", f"{en} is longer than {limit} characters."))
    if not isinstance(data.channel, ReportChannel):
        p.append(
            Problem("channel", f"Hình thức gửi «{data.channel}» không hợp lệ.", f"Unknown channel «{data.channel}».")
        )
    start, end, sent = data.period_start, data.period_end, data.sent_date
    if start.year < 2000:
        p.append(
            Problem("period_start", "Ngày đầu kỳ không hợp lệ (trước năm 2000).", "The period start is before 2000.")
        )
    if end < start:
        p.append(
            Problem(
                "period_end",
                f"Ngày cuối kỳ {_d(end)} trước ngày đầu kỳ {_d(start)}.",
                f"The period end {_d(end)} is before its start {_d(start)}.",
            )
        )
    if sent < start:
        p.append(
            Problem(
                "sent_date",
                f"Ngày gửi {_d(sent)} trước ngày đầu kỳ báo cáo {_d(start)}.",
                f"The sent date {_d(sent)} is before the period start {_d(start)}.",
            )
        )
    if sent > today:
        p.append(
            Problem("sent_date", f"Ngày gửi {_d(sent)} ở tương lai.", f"The sent date {_d(sent)} is in the future.")
        )
    sha = data.sha256.strip()
    if sha and not SHA256_PATTERN.match(sha):
        p.append(
            Problem(
                "sha256",
                "Mã SHA-256 phải gồm đúng 64 ký tự 0-9, a-f (hoặc để trống).",
                "The SHA-256 must be exactly 64 hexadecimal digits (or empty).",
            )
        )
    return p


def save_report_sent(
    session: Session,
    data: ReportSentData,
    report_id: int | None = None,
    *,
    user_id: int | None = None,
    today: date | None = None,
) -> int:
    """Create or update a register entry; raises ValidationError and stores nothing when invalid."""
    problems = validate_report_sent(session, data, report_id, today=today)
    if problems:
        raise ValidationError(problems)
    r = session.get(ReportSent, report_id) if report_id else None
    if report_id and r is None:
        raise _not_found(report_id)
    if r is None:
        r = ReportSent(created_by_id=user_id)
        session.add(r)
    r.period_spec, r.period_start, r.period_end = data.period_spec.strip(), data.period_start, data.period_end
    r.kind, r.document_number = data.kind.strip(), data.document_number.strip()
    r.sent_date, r.channel = data.sent_date, str(data.channel)
    r.file_name, r.sha256 = data.file_name.strip(), data.sha256.strip().lower()
    r.recipient, r.notes, r.updated_by_id = data.recipient.strip(), data.notes.strip(), user_id
    r.revision = data.revision
    session.flush()
    return r.id


def _not_found(report_id: int) -> NotFoundError:
    return NotFoundError(
        f"Không tìm thấy báo cáo số {report_id} trong sổ báo cáo đã gửi.", f"Report {report_id} not found."
    )


def load_report_sent(session: Session, report_id: int) -> ReportSentData:
    """The stored entry as editable data."""
    r = session.get(ReportSent, report_id)
    if r is None:
        raise _not_found(report_id)
    return ReportSentData(
        period_spec=r.period_spec,
        period_start=r.period_start,
        period_end=r.period_end,
        sent_date=r.sent_date,
        kind=r.kind,
        channel=ReportChannel(r.channel),
        file_name=r.file_name,
        sha256=r.sha256,
        recipient=r.recipient,
        notes=r.notes,
        document_number=r.document_number,
    )


def delete_report_sent(session: Session, report_id: int) -> ReportSentData:
    """Delete an entry and return its data for undo; proposals linked to it lose the link."""
    data = load_report_sent(session, report_id)
    session.delete(session.get_one(ReportSent, report_id))  # through the ORM: audited and lock-checked
    session.flush()
    return data


def _row(r: ReportSent) -> ReportSentRow:
    channel = ReportChannel(r.channel)
    return ReportSentRow(
        id=r.id,
        period_spec=r.period_spec,
        period_start=r.period_start,
        period_end=r.period_end,
        kind=r.kind,
        document_number=r.document_number,
        sent_date=r.sent_date,
        channel=channel,
        channel_label=channel.label(),
        file_name=r.file_name,
        sha256=r.sha256,
        recipient=r.recipient,
        notes=r.notes,
        revision=r.revision,
    )


def list_reports_sent(session: Session) -> list[ReportSentRow]:
    """The register, newest sent first."""
    q = select(ReportSent).order_by(ReportSent.sent_date.desc(), ReportSent.id.desc())
    return [_row(r) for r in session.scalars(q)]


def get_report_sent(session: Session, report_id: int) -> ReportSentRow | None:
    """One entry by id."""
    r = session.get(ReportSent, report_id)
    return _row(r) if r is not None else None
