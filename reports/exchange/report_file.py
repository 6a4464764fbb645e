"""The commune side: the signed report file for one period (and the key registration file).

The payload carries aggregates and the records the province acts on (proposals with their ids,
equipment lines, counts per field and procedure), never an applicant's personal data.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reports.exchange.archive import (
    KIND_REGISTRATION,
    KIND_REPORT,
    PAYLOAD,
    SUFFIX,
    canonical_json,
    write_archive,
)
from reports.files import build_atomically
from storage.aggregates import period_summary
from storage.aggregates.dossier_form import FormRow, procedure_form
from storage.equipment import list_equipment
from storage.errors import UserError
from storage.locks import finalize_period, mark_sent
from storage.mode import DatabaseMode, require_mode
from storage.models import Field, ReportSent
from storage.periods import Period, PeriodKind
from storage.profile import ProfileRow, load_profile
from storage.proposals import list_proposals
from storage.report_documents import ReportDocumentData
from storage.reports_sent import ReportSentData, save_report_sent
from storage.settings import load_rules
from storage.signing import install_key
from storage.version import APP_VERSION
from storage.vocab import ProposalStatus, ReportChannel

EXCHANGE_KIND = "cdesk"  # report_sent.kind of province files
_COUNTS = (
    "received_total",
    "received_online",
    "received_direct_postal",
    "carried_over",
    "resolved_total",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_total",
    "pending_in_time",
    "pending_overdue",
    "waiting_supplement",
    "withdrawn_stopped",
    "late_with_apology",
    "not_accepted",
)


def _counts(row: FormRow) -> dict[str, int]:
    return {name: int(getattr(row, name)) for name in _COUNTS}


def _profile(session: Session) -> ProfileRow:
    require_mode(session, DatabaseMode.COMMUNE)
    profile = load_profile(session)
    if profile is None:
        raise UserError(
            "Chưa khai báo thông tin xã: hãy khai báo trước khi lập tệp gửi tỉnh.",
            "The commune profile is missing: set it up before making the province file.",
        )
    return profile


def _sender(profile: ProfileRow) -> dict[str, Any]:
    return {
        "role": "commune",
        "code": profile.code,
        "name": profile.name,
        "province_code": profile.province_code,
        "province_name": profile.province_name,
    }


def build_payload(session: Session, period: Period) -> dict[str, Any]:
    """The machine-readable report of ``period`` (schemas/report.schema.json)."""
    profile = _profile(session)
    rules = load_rules(session)
    summary = period_summary(session, period)
    field_codes = dict(session.execute(select(Field.id, Field.code)).all())
    st = summary.staffing
    return {
        "commune": {
            "code": profile.code,
            "name": profile.name,
            "province_code": profile.province_code,
            "province_name": profile.province_name,
            "mountainous": bool(profile.mountainous),
            "remote": bool(profile.remote),
            "population": profile.population,
            "households": profile.households,
            "poor_households": profile.poor_households,
            "near_poor_households": profile.near_poor_households,
        },
        "period": {
            "spec": period.spec,
            "kind": str(period.kind),
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "official": period.official,
            "label": period.label(),
        },
        "rules": {
            "withdrawn_counting": str(rules.withdrawn_counting),
            "online_target_pct": rules.online_target_pct,
            "cutoff_day": rules.cutoff_day,
        },
        "dossiers": {
            "by_field": [
                {"field_code": field_codes.get(r.field_id, ""), "field_name": r.field_name, **_counts(r)}
                for r in summary.dossiers.rows
            ],
            "total": _counts(summary.dossiers.total),
            "by_procedure": [
                {
                    "procedure_code": p.procedure_code,
                    "procedure_name": p.procedure_name,
                    "field_code": p.field_code,
                    **_counts(p.counts),
                }
                for p in procedure_form(session, period, rules)
            ],
        },
        "staffing": {
            "on": st.on.isoformat(),
            "total": st.total,
            "official_posts": st.official_posts,
            "official_quota": st.official_quota,
            "service_center": st.service_center,
            "women": st.women,
            "with_signature": st.with_signature,
            "signatures_expiring_60d": st.signatures_expiring_60d,
            "joined": st.joined,
            "left": st.left,
            "by_category": [
                {"category": str(c.category), "in_post": c.in_post, "quota": c.quota} for c in st.by_category
            ],
            "by_unit": dict(st.by_unit),
        },
        "equipment": {
            "by_kind": [
                {
                    "kind": str(k.kind),
                    "required": k.required,
                    "available": k.available,
                    "working": k.working,
                    "shortage": k.shortage,
                }
                for k in summary.equipment.by_kind
            ],
            "lines": [
                {
                    "id": e.id,
                    "kind": str(e.kind),
                    "description": e.description,
                    "unit": e.unit_name,
                    "required": e.required,
                    "available": e.available,
                    "working": e.working,
                    "shortage": e.shortage,
                }
                for e in list_equipment(session)
            ],
        },
        "proposals": [
            {
                "id": p.id,
                "category": str(p.category),
                "title": p.title,
                "content": p.content,
                "raised_date": p.raised_date.isoformat(),
                "addressed_to": p.addressed_to,
                "status": str(p.status),
                "response_text": p.response_text,
                "response_date": p.response_date.isoformat() if p.response_date else None,
            }
            for p in sorted(list_proposals(session), key=lambda p: p.id)
            if p.status != ProposalStatus.DRAFT and p.raised_date <= period.end
        ],
    }


def last_revision(session: Session, period: Period) -> int:
    """The highest revision already made for this period (0 when none)."""
    return (
        session.scalar(
            select(func.max(ReportSent.revision)).where(
                ReportSent.kind == EXCHANGE_KIND, ReportSent.period_spec == period.spec
            )
        )
        or 0
    )


def file_name(commune_code: str, period: Period, revision: int) -> str:
    """``<commune code>_<period>_v<revision>.cdesk``, e.g. ``16906_2025-07_v1.cdesk``."""
    spec = period.spec.replace("..", "_")
    return f"{commune_code}_{spec}_v{revision}{SUFFIX}"


@dataclass(frozen=True)
class BuiltFile:
    """A report file ready to be written."""

    name: str
    data: bytes
    revision: int
    replaces_revision: int | None


def build_report_file(
    session: Session,
    period: Period,
    *,
    document: ReportDocumentData | None = None,
    now: datetime | None = None,
    revision: int | None = None,
) -> BuiltFile:
    """The signed .cdesk file of ``period``: payload, the Excel and PDF reports, signed manifest."""
    from reports.excel_writer import write_xlsx
    from reports.pdf_writer import write_pdf
    from reports.periodic import build_periodic_report

    profile = _profile(session)
    now = now or datetime.now()
    if period.start > now.date():
        raise UserError(
            f"Kỳ {period.label()} chưa bắt đầu: chưa thể lập báo cáo gửi tỉnh.",
            f"{period.label('en')} has not started yet: no province file can be made.",
        )
    if not period.official and period.kind != PeriodKind.CUSTOM:
        # "2025-07" names the official period at the province: a calendar July would be filed under it.
        raise UserError(
            f"Tệp gửi tỉnh dùng kỳ theo ngày chốt số liệu chính thức; {period.label()} theo lịch không gửi được "
            "(hãy chọn kỳ chính thức).",
            f"Province files use the official cut-off periods; the calendar {period.label('en')} cannot be sent.",
        )
    revision = revision or last_revision(session, period) + 1
    payload = build_payload(session, period)
    report = build_periodic_report(session, period, document)
    with tempfile.TemporaryDirectory(prefix="cdesk-") as tmp:
        xlsx, pdf = Path(tmp) / "report.xlsx", Path(tmp) / "report.pdf"
        write_xlsx(report, xlsx)
        write_pdf(report, pdf)
        members = {PAYLOAD: canonical_json(payload), "report.xlsx": xlsx.read_bytes(), "report.pdf": pdf.read_bytes()}
    manifest = {
        "app_version": APP_VERSION,
        "sender": _sender(profile),
        "period": {
            "spec": period.spec,
            "kind": str(period.kind),
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "official": period.official,
        },
        "revision": revision,
        "replaces_revision": revision - 1 if revision > 1 else None,
    }
    data = write_archive(KIND_REPORT, manifest, members, install_key(session), created_at=now)
    return BuiltFile(file_name(profile.code, period, revision), data, revision, revision - 1 if revision > 1 else None)


def target_path(out: Path, name: str) -> Path:
    """``out`` itself when it names a .cdesk file, else ``out/name`` (a folder such as a USB stick)."""
    if out.suffix.lower() == SUFFIX:
        return out
    if out.exists() and not out.is_dir():
        raise UserError(
            f"«{out}» không phải thư mục, cũng không phải tệp {SUFFIX}.",
            f"«{out}» is neither a folder nor a {SUFFIX} file.",
        )
    return out / name


@dataclass(frozen=True)
class ExportedFile:
    path: Path
    revision: int
    replaces_revision: int | None
    sha256: str
    size: int


def export_report_file(
    session: Session,
    period: Period,
    out: Path,
    *,
    channel: ReportChannel = ReportChannel.USB,
    recipient: str = "",
    document: ReportDocumentData | None = None,
    now: datetime | None = None,
    user_id: int | None = None,
) -> ExportedFile:
    """Write the period's report file to ``out`` (file or folder) and enter it in the register of reports sent.

    The revision is taken only when the file is written: a failed write leaves no gap in the numbering.
    """
    # Sending is an officer's act: it finalizes the period (its records lock) before the file is made,
    # so the file and the locked records agree. A clerk's session is refused here, in storage.
    finalize_period(session, period, now=now)
    built = build_report_file(session, period, document=document, now=now)
    path = target_path(Path(out), built.name)
    build_atomically(path, lambda tmp: Path(tmp).write_bytes(built.data))
    sha = hashlib.sha256(built.data).hexdigest()
    today = (now or datetime.now()).date()
    save_report_sent(
        session,
        ReportSentData(
            period_spec=period.spec,
            period_start=period.start,
            period_end=period.end,
            sent_date=max(today, period.start),
            kind=EXCHANGE_KIND,
            channel=channel,
            file_name=path.name,
            sha256=sha,
            recipient=recipient,
            notes=(
                f"Tệp gửi tỉnh lần {built.revision}"
                + (f", thay thế lần {built.replaces_revision}" if built.replaces_revision else "")
            ),
            revision=built.revision,
        ),
        user_id=user_id,
        today=max(today, period.start),
    )
    mark_sent(session, period)
    return ExportedFile(path, built.revision, built.replaces_revision, sha, len(built.data))


def build_registration_file(session: Session, *, contact: str = "", now: datetime | None = None) -> BuiltFile:
    """A small signed file that hands this commune's public key to the province before its first report."""
    profile = _profile(session)
    payload = {"commune_code": profile.code, "commune_name": profile.name, "contact": contact[:300]}
    data = write_archive(
        KIND_REGISTRATION,
        {"app_version": APP_VERSION, "sender": _sender(profile)},
        {PAYLOAD: canonical_json(payload)},
        install_key(session),
        created_at=now or datetime.now(),
    )
    return BuiltFile(f"{profile.code}_dang-ky-khoa{SUFFIX}", data, 0, None)
