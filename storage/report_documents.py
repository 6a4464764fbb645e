"""Report documents: what the officer types around the figures, stored per kind and period."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.errors import Problem, ValidationError
from storage.models import ReportDocument

#: Narrative sections of a periodic report, in document order (key, Vietnamese heading, English).
NARRATIVE_SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("results", "Kết quả đạt được", "Results"),
    ("difficulties", "Khó khăn, vướng mắc", "Difficulties"),
    ("proposals", "Đề xuất, kiến nghị", "Proposals"),
    ("next_tasks", "Nhiệm vụ trọng tâm kỳ tới", "Tasks for the next period"),
)
DEFAULT_RECIPIENTS = ("UBND tỉnh", "Văn phòng UBND tỉnh", "Sở Nội vụ", "Lưu: VT")
MAX_TEXT = 20_000


@dataclass(frozen=True)
class ReportDocumentData:
    """Number, title, narrative and signature block of one report."""

    period_spec: str
    kind: str = "periodic"
    official: bool = True
    document_number: str = ""  # e.g. "05/BC-UBND"; empty prints "Số:      /BC-UBND" to fill by hand
    issued_on: date | None = None
    title: str = ""
    narrative: dict[str, str] = field(default_factory=dict)
    signer_authority: str = "TM. ỦY BAN NHÂN DÂN"
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""
    recipients: tuple[str, ...] = DEFAULT_RECIPIENTS


def validate_report_document(data: ReportDocumentData) -> list[Problem]:
    """Lengths and the document number's form (numbers below 10 take a leading zero)."""
    p: list[Problem] = []
    if len(data.title) > 400:
        p.append(Problem("title", "Trích yếu dài quá 400 ký tự.", "The summary line is over 400 characters."))
    for key, text in data.narrative.items():
        if len(text) > MAX_TEXT:
            p.append(Problem(key, "Phần nội dung dài quá 20.000 ký tự.", "The section is over 20,000 characters."))
    number = data.document_number.strip()
    if number:
        head = number.split("/", 1)[0]
        if not head.isdigit() or "/" not in number:
            p.append(
                Problem(
                    "document_number",
                    "Số văn bản phải có dạng 05/BC-UBND.",
                    "The document number must look like 05/BC-UBND.",
                )
            )
    if not data.signer_title.strip():
        p.append(Problem("signer_title", "Chưa nhập chức vụ người ký.", "The signer's title is empty."))
    if len(data.recipients) > 30:
        p.append(Problem("recipients", "Nơi nhận tối đa 30 dòng.", "At most 30 recipients."))
    return p


def _to_data(row: ReportDocument) -> ReportDocumentData:
    try:
        narrative = {str(k): str(v) for k, v in json.loads(row.narrative_json or "{}").items()}
    except (ValueError, AttributeError):
        narrative = {}
    return ReportDocumentData(
        period_spec=row.period_spec,
        kind=row.kind,
        official=row.official,
        document_number=row.document_number,
        issued_on=row.issued_on,
        title=row.title,
        narrative=narrative,
        signer_authority=row.signer_authority,
        signer_title=row.signer_title,
        signer_name=row.signer_name,
        recipients=tuple(line for line in row.recipients.splitlines() if line.strip()),
    )


def load_report_document(session: Session, kind: str, period_spec: str, official: bool) -> ReportDocumentData | None:
    """The stored texts of a report, if any."""
    row = session.scalar(
        select(ReportDocument).where(
            ReportDocument.kind == kind, ReportDocument.period_spec == period_spec, ReportDocument.official == official
        )
    )
    return _to_data(row) if row else None


def latest_before(session: Session, kind: str, period_spec: str) -> ReportDocumentData | None:
    """The most recently saved report of this kind for another period: its texts are a good start."""
    row = session.scalar(
        select(ReportDocument)
        .where(ReportDocument.kind == kind, ReportDocument.period_spec != period_spec)
        .order_by(ReportDocument.updated_at.desc().nulls_last(), ReportDocument.id.desc())
        .limit(1)
    )
    return _to_data(row) if row else None


def draft_for(
    session: Session, kind: str, period_spec: str, official: bool, signer_name: str = ""
) -> ReportDocumentData:
    """What the report form starts with: the stored texts, else the previous report's, else defaults."""
    stored = load_report_document(session, kind, period_spec, official)
    if stored is not None:
        return stored
    previous = latest_before(session, kind, period_spec)
    if previous is not None:
        return replace(
            previous, period_spec=period_spec, official=official, document_number="", issued_on=None, title=""
        )
    return ReportDocumentData(period_spec=period_spec, kind=kind, official=official, signer_name=signer_name)


def save_report_document(session: Session, data: ReportDocumentData, *, user_id: int | None = None) -> int:
    """Create or update the texts of a report (one per kind, period and official/calendar choice)."""
    problems = validate_report_document(data)
    if problems:
        raise ValidationError(problems)
    row = session.scalar(
        select(ReportDocument).where(
            ReportDocument.kind == data.kind,
            ReportDocument.period_spec == data.period_spec,
            ReportDocument.official == data.official,
        )
    )
    if row is None:
        row = ReportDocument(
            kind=data.kind, period_spec=data.period_spec, official=data.official, created_by_id=user_id
        )
        session.add(row)
    row.document_number, row.issued_on, row.title = data.document_number.strip(), data.issued_on, data.title.strip()
    row.narrative_json = json.dumps(data.narrative, ensure_ascii=False)
    row.signer_authority, row.signer_title = data.signer_authority.strip(), data.signer_title.strip()
    row.signer_name, row.recipients = data.signer_name.strip(), "\n".join(r.strip() for r in data.recipients)
    row.updated_by_id = user_id
    session.flush()
    return row.id
