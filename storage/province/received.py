"""Received report files: how a new file relates to what the province holds, and storing it.

Verdicts (shown in the import preview before anything is stored): new, newer revision (replaces
the current one), identical duplicate (skipped), older revision (skipped), or rejected with the
reason. Every revision is kept; the "current" report of a commune and period is its highest
revision.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.exchange_errors import Reason
from storage.locks import period_name
from storage.models import ProvinceCommune, ProvinceProposal, ReceivedReport, TrustedKey
from storage.signing import short_fingerprint, trust_key, trusted_key
from storage.vocab import Labelled, _labels


class Verdict(Labelled, StrEnum):
    NEW = "new"
    NEWER = "newer"
    DUPLICATE = "duplicate"
    OLDER = "older"
    REJECTED = "rejected"

    @property
    def will_import(self) -> bool:
        return self in (Verdict.NEW, Verdict.NEWER)


_labels(
    Verdict,
    {
        "new": ("Mới", "New"),
        "newer": ("Lần gửi mới hơn (thay thế)", "Newer revision (replaces)"),
        "duplicate": ("Trùng, đã có (bỏ qua)", "Identical duplicate (skipped)"),
        "older": ("Lần gửi cũ hơn (bỏ qua)", "Older revision (skipped)"),
        "rejected": ("Từ chối", "Rejected"),
    },
)


@dataclass(frozen=True)
class IncomingReport:
    """A verified report file (signature and checksums already checked), as plain values."""

    commune_code: str
    commune_name: str
    period_spec: str
    period_start: date
    period_end: date
    revision: int
    replaces_revision: int | None
    created_at: datetime
    file_name: str
    sha256: str
    public_key: bytes
    key_fingerprint: str
    app_version: str
    format_version: int
    payload: dict[str, Any]
    payload_text: str
    archive: bytes


@dataclass(frozen=True)
class Classification:
    verdict: Verdict
    vi: str  # the reason or what will happen, for the preview
    en: str
    reason: Reason | None = None  # for rejections
    first_key: bool = False  # the key will be trusted on this first file
    current_revision: int | None = None

    def message(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi


def _reject(reason: Reason, vi: str, en: str) -> Classification:
    return Classification(Verdict.REJECTED, vi, en, reason)


def other_owner_of_key(session: Session, key_fingerprint: str, owner: str) -> str | None:
    """Who else the key is trusted for: one commune's key must never vouch for another commune."""
    return session.scalar(
        select(TrustedKey.owner).where(TrustedKey.fingerprint == key_fingerprint, TrustedKey.owner != owner).limit(1)
    )


def classify(session: Session, f: IncomingReport, *, now: datetime | None = None) -> Classification:
    """What importing ``f`` would do, without changing anything."""
    now = now or datetime.now()
    commune = session.scalar(select(ProvinceCommune).where(ProvinceCommune.code == f.commune_code))
    if commune is None or not commune.active:
        return _reject(
            Reason.UNKNOWN_COMMUNE,
            f"Xã mã {f.commune_code} ({f.commune_name}) không có trong danh sách xã đang theo dõi của tỉnh.",
            f"Commune {f.commune_code} ({f.commune_name}) is not in the province's active registry.",
        )
    if f.period_start > now.date():
        return _reject(
            Reason.FUTURE,
            f"Kỳ báo cáo {period_name(f.period_spec)} chưa bắt đầu: tệp không hợp lệ.",
            f"The period {period_name(f.period_spec, 'en')} has not started yet: the file is not valid.",
        )
    if f.created_at > now + timedelta(days=1):
        return _reject(
            Reason.FUTURE,
            f"Ngày lập tệp {f.created_at:%d/%m/%Y} ở tương lai (đồng hồ máy của xã sai?).",
            f"The file is dated in the future ({f.created_at:%d/%m/%Y}); is the commune PC's clock wrong?",
        )
    # A file already held was verified when it came in: an old USB stick put back after the
    # commune's key changed shows "already imported", not a forgery warning.
    same = session.scalar(select(ReceivedReport.id).where(ReceivedReport.file_sha256 == f.sha256))
    if same is not None:
        return Classification(Verdict.DUPLICATE, "Tệp này đã được nhập trước đây.", "This file was imported before.")
    trusted = trusted_key(session, f.commune_code)
    if trusted is not None and trusted.fingerprint != f.key_fingerprint:
        return _reject(
            Reason.KEY_CHANGED,
            f"CẢNH BÁO: tệp được ký bằng khóa KHÁC với khóa đã tin cậy của {commune.name} "
            f"({short_fingerprint(f.key_fingerprint)} thay vì {short_fingerprint(trusted.fingerprint)}). "
            "Có thể là tệp giả mạo, hoặc xã đã cài lại máy: hãy gọi điện xác minh với xã trước khi chấp nhận khóa mới.",
            f"WARNING: the file is signed with a DIFFERENT key from the one trusted for {commune.name} "
            f"({short_fingerprint(f.key_fingerprint)} instead of {short_fingerprint(trusted.fingerprint)}). "
            "It may be forged, or the commune reinstalled its PC: call the commune before accepting the new key.",
        )
    if trusted is None:
        other = other_owner_of_key(session, f.key_fingerprint, f.commune_code)
        if other is not None:
            return _reject(
                Reason.KEY_OF_OTHER,
                f"Tệp tự nhận là của xã mã {f.commune_code} nhưng được ký bằng khóa của xã mã {other}.",
                f"The file claims commune {f.commune_code} but is signed with the key of commune {other}.",
            )
    existing = dict(
        session.execute(
            select(ReceivedReport.revision, ReceivedReport.file_sha256).where(
                ReceivedReport.commune_code == f.commune_code, ReceivedReport.period_spec == f.period_spec
            )
        ).all()
    )
    if f.revision in existing:
        return _reject(
            Reason.CONFLICT,
            f"Lần gửi thứ {f.revision} của kỳ này đã nhận với nội dung khác: hai tệp cùng số lần gửi.",
            f"Revision {f.revision} of this period was already received with other content.",
        )
    first_key = trusted is None
    key_note_vi = " Khóa của xã được tin cậy từ tệp đầu tiên này." if first_key else ""
    key_note_en = " The commune's key is trusted from this first file." if first_key else ""
    current = max(existing) if existing else None
    if current is None:
        return Classification(
            Verdict.NEW,
            f"Báo cáo mới, lần gửi {f.revision}.{key_note_vi}",
            f"New report, revision {f.revision}.{key_note_en}",
            first_key=first_key,
        )
    if f.revision > current:
        return Classification(
            Verdict.NEWER,
            f"Lần gửi {f.revision} thay thế lần {current}.{key_note_vi}",
            f"Revision {f.revision} replaces revision {current}.{key_note_en}",
            first_key=first_key,
            current_revision=current,
        )
    return Classification(
        Verdict.OLDER,
        f"Lần gửi {f.revision} cũ hơn lần {current} đã nhận: bỏ qua (vẫn giữ lần {current}).",
        f"Revision {f.revision} is older than revision {current} already held: skipped.",
        current_revision=current,
    )


def store(session: Session, f: IncomingReport, c: Classification, *, now: datetime | None = None) -> int:
    """Store a file classified as new or newer; returns the new row's id."""
    assert c.verdict.will_import, c.verdict
    now = now or datetime.now()
    if c.first_key:
        trust_key(session, f.commune_code, f.public_key, "first_file", now=now)
    row = ReceivedReport(
        commune_code=f.commune_code,
        period_spec=f.period_spec,
        period_start=f.period_start,
        period_end=f.period_end,
        revision=f.revision,
        replaces_revision=f.replaces_revision,
        created_at=f.created_at,
        received_at=now,
        file_name=f.file_name[:300],
        file_sha256=f.sha256,
        key_fingerprint=f.key_fingerprint,
        app_version=f.app_version,
        format_version=f.format_version,
        payload=f.payload_text,
        archive=f.archive,
    )
    session.add(row)
    session.flush()
    _update_proposals(session, f, row.id)
    return row.id


def _update_proposals(session: Session, f: IncomingReport, report_id: int) -> None:
    """Take the commune's view of its proposals from the newest file made (answers stay the province's)."""
    existing = {
        p.proposal_id: p
        for p in session.scalars(select(ProvinceProposal).where(ProvinceProposal.commune_code == f.commune_code))
    }
    made = dict(
        session.execute(
            select(ReceivedReport.id, ReceivedReport.created_at).where(ReceivedReport.commune_code == f.commune_code)
        ).all()
    )
    for item in f.payload["proposals"]:
        p = existing.get(item["id"])
        if p is None:
            p = ProvinceProposal(commune_code=f.commune_code, proposal_id=item["id"], response_text="")
            session.add(p)
        elif p.last_report_id is not None and made.get(p.last_report_id, datetime.min) > f.created_at:
            continue  # an older file arriving late does not overwrite newer news
        p.category, p.title, p.content = item["category"], item["title"], item["content"]
        p.raised_date = date.fromisoformat(item["raised_date"])
        p.addressed_to, p.commune_status, p.last_report_id = item["addressed_to"], item["status"], report_id
    session.flush()


@dataclass(frozen=True)
class ReceivedRow:
    """One received revision, for the list of received files."""

    id: int
    commune_code: str
    commune_name: str
    period_spec: str
    period_start: date
    period_end: date
    revision: int
    replaces_revision: int | None
    created_at: datetime
    received_at: datetime
    file_name: str
    file_sha256: str
    current: bool


def list_received(
    session: Session, *, period_spec: str | None = None, commune_code: str | None = None
) -> list[ReceivedRow]:
    """Every received revision (newest first), flagged current when it is the highest of its period."""
    q = (
        select(
            ReceivedReport.id,
            ReceivedReport.commune_code,
            ProvinceCommune.name,
            ReceivedReport.period_spec,
            ReceivedReport.period_start,
            ReceivedReport.period_end,
            ReceivedReport.revision,
            ReceivedReport.replaces_revision,
            ReceivedReport.created_at,
            ReceivedReport.received_at,
            ReceivedReport.file_name,
            ReceivedReport.file_sha256,
        )
        .join(ProvinceCommune, ProvinceCommune.code == ReceivedReport.commune_code)
        .order_by(ReceivedReport.received_at.desc(), ReceivedReport.id.desc())
    )
    if period_spec:
        q = q.where(ReceivedReport.period_spec == period_spec)
    if commune_code:
        q = q.where(ReceivedReport.commune_code == commune_code)
    rows = session.execute(q).all()
    top: dict[tuple[str, str], int] = {}
    for r in rows:
        key = (r.commune_code, r.period_spec)
        top[key] = max(top.get(key, 0), r.revision)
    return [ReceivedRow(*r, current=r.revision == top[(r.commune_code, r.period_spec)]) for r in rows]


def current_reports(session: Session, period_spec: str) -> dict[str, tuple[int, dict[str, Any]]]:
    """The current (highest) revision's id and payload per commune code, for one period."""
    top = (
        select(ReceivedReport.commune_code, func.max(ReceivedReport.revision).label("rev"))
        .where(ReceivedReport.period_spec == period_spec)
        .group_by(ReceivedReport.commune_code)
        .subquery()
    )
    q = (
        select(ReceivedReport.commune_code, ReceivedReport.id, ReceivedReport.payload)
        .join(top, (top.c.commune_code == ReceivedReport.commune_code) & (top.c.rev == ReceivedReport.revision))
        .where(ReceivedReport.period_spec == period_spec)
    )
    return {code: (rid, json.loads(text)) for code, rid, text in session.execute(q)}


def received_archive(session: Session, report_id: int) -> tuple[str, bytes] | None:
    """The file name and bytes of a received file, to open the commune's own PDF or Excel."""
    row = session.execute(
        select(ReceivedReport.file_name, ReceivedReport.archive).where(ReceivedReport.id == report_id)
    ).first()
    return (row[0], row[1]) if row else None


def accept_new_key(session: Session, commune_code: str, public_key: bytes, *, now: datetime | None = None) -> None:
    """The province confirmed (by phone) that the commune has a new key: trust it from now on."""
    trust_key(session, commune_code, public_key, "manual", now=now)
