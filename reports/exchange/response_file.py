"""The loop back down: the province's answers as a signed file per commune, applied by the commune.

The province writes ``<commune code>_phan-hoi_<n>.cdesk`` with its answers by the commune's own
proposal ids; the commune checks the signature (trusting the province's key on first use, like
the province trusts communes), previews the changes, then updates its proposals' status.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from reports.exchange.archive import (
    KIND_RESPONSE,
    PAYLOAD,
    SUFFIX,
    canonical_json,
    open_archive,
    read_file,
    write_archive,
)
from reports.files import build_atomically
from storage.errors import UserError
from storage.exchange_errors import ExchangeError, Reason
from storage.mode import DatabaseMode, require_mode
from storage.profile import load_profile
from storage.proposals import get_proposal, set_response
from storage.province.answers import answers_to_send, mark_sent, next_sequence
from storage.province.profile import load_province_profile, province_title
from storage.province.registry import get_commune
from storage.signing import install_key, short_fingerprint, trust_key, trusted_key
from storage.version import APP_VERSION
from storage.vocab import ProposalStatus


@dataclass(frozen=True)
class WrittenResponse:
    commune_code: str
    path: Path
    answers: int
    sha256: str


def write_response_file(
    session: Session, commune_code: str, out: Path, *, now: datetime | None = None
) -> WrittenResponse:
    """Write the pending answers of one commune into ``out`` (a folder or a .cdesk path)."""
    require_mode(session, DatabaseMode.PROVINCE)
    now = now or datetime.now()
    province = load_province_profile(session)
    if province is None:
        raise UserError("Chưa khai báo thông tin của tỉnh.", "The province profile is not set up.")
    commune = get_commune(session, commune_code)
    if commune is None:
        raise UserError(
            f"Không có xã mã {commune_code} trong danh sách.", f"No commune {commune_code} in the registry."
        )
    answers = answers_to_send(session, commune_code)
    if not answers:
        raise UserError(
            f"{commune.name} không có trả lời mới nào cần gửi.", f"{commune.name} has no new answer to send."
        )
    sequence = next_sequence(session, commune_code)
    payload = {
        "commune_code": commune_code,
        "responses": [
            {
                "proposal_id": a.proposal_id,
                "title": a.title,
                "status": str(a.response_status),
                "response_text": a.response_text,
                "response_date": (a.response_date or now.date()).isoformat(),
            }
            for a in answers
        ],
    }
    manifest = {
        "app_version": APP_VERSION,
        "sender": {
            "role": "province",
            "code": province.code,
            "name": province_title(province.name),
            "province_code": province.code,
            "province_name": province.name,
        },
        "recipient": {"code": commune_code, "name": commune.name},
        "sequence": sequence,
    }
    data = write_archive(
        KIND_RESPONSE, manifest, {PAYLOAD: canonical_json(payload)}, install_key(session), created_at=now
    )
    name = f"{commune_code}_phan-hoi_{sequence}{SUFFIX}"
    path = out if out.suffix.lower() == SUFFIX else out / name
    build_atomically(path, lambda tmp: Path(tmp).write_bytes(data))
    sha = hashlib.sha256(data).hexdigest()
    mark_sent(session, commune_code, [a.id for a in answers], path.name, sha, now)
    return WrittenResponse(commune_code, path, len(answers), sha)


# --- commune side --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResponseChange:
    """One answer of a response file as it would change (or not) a proposal of this commune."""

    proposal_id: int
    title: str
    old_status: ProposalStatus | None  # None: no such proposal here
    new_status: ProposalStatus
    response_text: str
    response_date: date

    @property
    def applies(self) -> bool:
        return self.old_status is not None

    @property
    def changes(self) -> bool:
        return self.applies and self.old_status != self.new_status


@dataclass(frozen=True)
class ResponsePreview:
    province_name: str
    sequence: int
    key_fingerprint: str
    first_key: bool
    changes: list[ResponseChange]
    public_key: bytes
    province_code: str


def preview_response(session: Session, path: Path) -> ResponsePreview:
    """Verify a response file for this commune and list what it would change; stores nothing."""
    require_mode(session, DatabaseMode.COMMUNE)
    profile = load_profile(session)
    if profile is None:
        raise UserError("Chưa khai báo thông tin xã.", "The commune profile is missing.")
    archive = open_archive(read_file(path), expect_kind=KIND_RESPONSE)
    m, p = archive.manifest, archive.payload
    if m["recipient"]["code"] != profile.code or p["commune_code"] != profile.code:
        raise ExchangeError(
            Reason.WRONG_RECIPIENT,
            f"Tệp phản hồi này gửi cho {m['recipient']['name']} (mã {m['recipient']['code']}), "
            f"không phải {profile.name}.",
            f"This response is for {m['recipient']['name']} ({m['recipient']['code']}), not {profile.name}.",
        )
    owner = f"province:{m['sender']['code']}"
    trusted = trusted_key(session, owner)
    if trusted is not None and trusted.fingerprint != archive.key_fingerprint:
        raise ExchangeError(
            Reason.KEY_CHANGED,
            "CẢNH BÁO: tệp phản hồi được ký bằng khóa KHÁC với khóa của tỉnh đã tin cậy "
            f"({short_fingerprint(archive.key_fingerprint)} thay vì {short_fingerprint(trusted.fingerprint)}). "
            "Không nhập tệp này; hãy liên hệ tỉnh để xác minh.",
            "WARNING: the response is signed with a DIFFERENT key from the province's trusted one. "
            "Do not import it; contact the province.",
        )
    seen: set[int] = set()
    changes = []
    for r in p["responses"]:
        if r["proposal_id"] in seen:
            raise ExchangeError(
                Reason.DUPLICATE_ID,
                f"Kiến nghị mã {r['proposal_id']} xuất hiện nhiều lần trong tệp.",
                f"Proposal {r['proposal_id']} appears more than once.",
            )
        seen.add(r["proposal_id"])
        try:
            answered = date.fromisoformat(r["response_date"])
        except ValueError as exc:
            raise ExchangeError(Reason.SCHEMA, "Ngày trả lời không hợp lệ.", "Invalid answer date.") from exc
        mine = get_proposal(session, r["proposal_id"])
        changes.append(
            ResponseChange(
                r["proposal_id"],
                r["title"] if mine is None else mine.title,
                None if mine is None else mine.status,
                ProposalStatus(r["status"]),
                r["response_text"],
                answered,
            )
        )
    return ResponsePreview(
        m["sender"]["name"],
        m["sequence"],
        archive.key_fingerprint,
        trusted is None,
        changes,
        archive.public_key,
        m["sender"]["code"],
    )


def apply_response(session: Session, path: Path, *, user_id: int | None = None) -> ResponsePreview:
    """Apply a verified response file: every known proposal takes the province's status and answer.

    All in the caller's transaction: a proposal that fails validation stops the whole file.
    """
    preview = preview_response(session, path)
    if preview.first_key:
        trust_key(session, f"province:{preview.province_code}", preview.public_key, "first_file")
    for c in preview.changes:
        if c.applies:
            set_response(session, c.proposal_id, c.new_status, c.response_text, c.response_date, user_id=user_id)
    return preview
