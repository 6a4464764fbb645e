"""The province's answers to communes' proposals, and which answers still have to go back down."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from storage.errors import NotFoundError, Problem, ValidationError
from storage.models import ProvinceCommune, ProvinceProposal, ResponseFile
from storage.proposals import addressed_bodies
from storage.textsearch import fold
from storage.vocab import OPEN_PROPOSAL_STATUSES, ProposalCategory, ProposalStatus

#: What the province may answer (a proposal it holds was sent by definition).
ANSWER_STATUSES = (
    ProposalStatus.ACKNOWLEDGED,
    ProposalStatus.ASSIGNED,
    ProposalStatus.RESOLVED,
    ProposalStatus.DECLINED,
)


@dataclass(frozen=True)
class ProvinceProposalRow:
    id: int
    commune_code: str
    commune_name: str
    proposal_id: int
    category: ProposalCategory
    title: str
    content: str
    raised_date: date
    addressed_to: str
    commune_status: ProposalStatus
    response_status: ProposalStatus | None
    response_text: str
    response_date: date | None
    response_exported_at: datetime | None
    answered_at: datetime | None

    @property
    def status(self) -> ProposalStatus:
        """The province's answer when it gave one, else what the commune last reported."""
        return self.response_status or self.commune_status

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_PROPOSAL_STATUSES

    @property
    def answer_pending_export(self) -> bool:
        """Answered (or changed) since the last response file for the commune."""
        if self.response_status is None:
            return False
        if self.response_exported_at is None:
            return True
        return self.answered_at is not None and self.answered_at > self.response_exported_at

    def age_days(self, on: date) -> int:
        return max((on - self.raised_date).days, 0)

    def departments(self) -> list[str]:
        return addressed_bodies(self.addressed_to) or [""]


def _row(p: ProvinceProposal, commune_name: str) -> ProvinceProposalRow:
    def status(value: str) -> ProposalStatus:
        return ProposalStatus(value) if value in {str(s) for s in ProposalStatus} else ProposalStatus.SENT

    category = (
        ProposalCategory(p.category)
        if p.category in {str(c) for c in ProposalCategory}
        else list(ProposalCategory)[-1]
    )
    return ProvinceProposalRow(
        id=p.id,
        commune_code=p.commune_code,
        commune_name=commune_name,
        proposal_id=p.proposal_id,
        category=category,
        title=p.title,
        content=p.content,
        raised_date=p.raised_date,
        addressed_to=p.addressed_to,
        commune_status=status(p.commune_status),
        response_status=status(p.response_status) if p.response_status else None,
        response_text=p.response_text,
        response_date=p.response_date,
        response_exported_at=p.response_exported_at,
        answered_at=p.answered_at,
    )


def list_province_proposals(
    session: Session,
    *,
    open_only: bool = False,
    commune_code: str | None = None,
    department: str | None = None,
    search: str = "",
) -> list[ProvinceProposalRow]:
    """Every commune's proposals as last reported, oldest raised first (the longest waiting on top)."""
    q = (
        select(ProvinceProposal, ProvinceCommune.name)
        .join(ProvinceCommune, ProvinceCommune.code == ProvinceProposal.commune_code)
        .order_by(ProvinceProposal.raised_date, ProvinceProposal.id)
    )
    if commune_code:
        q = q.where(ProvinceProposal.commune_code == commune_code)
    rows = [_row(p, name) for p, name in session.execute(q)]
    if open_only:
        rows = [r for r in rows if r.is_open]
    if department is not None:  # "" selects proposals that name no body
        wanted = fold(department)
        rows = [r for r in rows if any(fold(d) == wanted for d in r.departments())]
    words = fold(search).split()
    if words:
        rows = [r for r in rows if all(w in fold(f"{r.title} {r.content} {r.commune_name}") for w in words)]
    return rows


def open_by_department(session: Session) -> dict[str, list[ProvinceProposalRow]]:
    """Open proposals grouped by the provincial body responsible (a proposal to two bodies is in both)."""
    groups: dict[str, list[ProvinceProposalRow]] = {}
    for r in list_province_proposals(session, open_only=True):
        for d in r.departments():
            groups.setdefault(d, []).append(r)
    return dict(sorted(groups.items(), key=lambda kv: (kv[0] == "", fold(kv[0]))))


def record_answer(
    session: Session,
    row_id: int,
    status: ProposalStatus,
    text: str,
    answered_on: date,
    *,
    user_id: int | None = None,
    today: date | None = None,
) -> None:
    """Record the province's answer; raises ValidationError (nothing stored) when it breaks a rule."""
    today = today or date.today()
    p = session.get(ProvinceProposal, row_id)
    if p is None:
        raise NotFoundError(f"Không tìm thấy kiến nghị {row_id}.", f"Proposal {row_id} not found.")
    problems: list[Problem] = []
    if status not in ANSWER_STATUSES:
        problems.append(
            Problem(
                "status",
                "Trạng thái trả lời phải là: đã tiếp nhận, đã giao sở ngành, đã giải quyết hoặc không chấp nhận.",
                "The answer status must be acknowledged, assigned, resolved or declined.",
            )
        )
    if status in (ProposalStatus.RESOLVED, ProposalStatus.DECLINED) and not text.strip():
        problems.append(
            Problem("response_text", "Hãy nhập nội dung trả lời cho xã.", "Enter the answer for the commune.")
        )
    if len(text) > 20000:
        problems.append(Problem("response_text", "Nội dung dài quá 20.000 ký tự.", "Longer than 20,000 characters."))
    if answered_on > today:
        problems.append(
            Problem("response_date", f"Ngày trả lời {answered_on:%d/%m/%Y} ở tương lai.", "The date is in the future.")
        )
    if answered_on < p.raised_date:
        problems.append(
            Problem(
                "response_date",
                f"Ngày trả lời trước ngày xã nêu kiến nghị ({p.raised_date:%d/%m/%Y}).",
                f"The answer predates the proposal ({p.raised_date:%d/%m/%Y}).",
            )
        )
    if problems:
        raise ValidationError(problems)
    p.response_status, p.response_text, p.response_date = str(status), text.strip(), answered_on
    p.updated_by_id = user_id
    p.answered_at = datetime.now()
    session.flush()


def answers_to_send(session: Session, commune_code: str) -> list[ProvinceProposalRow]:
    """Answers of one commune not yet (or changed since) written to a response file."""
    return [r for r in list_province_proposals(session, commune_code=commune_code) if r.answer_pending_export]


def communes_with_answers_to_send(session: Session) -> list[str]:
    """Codes of communes with at least one answer to send."""
    q = select(ProvinceProposal.commune_code).where(
        ProvinceProposal.response_status.is_not(None),
        or_(
            ProvinceProposal.response_exported_at.is_(None),
            ProvinceProposal.answered_at > ProvinceProposal.response_exported_at,
        ),
    )
    return sorted(set(session.scalars(q)))


def next_sequence(session: Session, commune_code: str) -> int:
    n = session.scalars(select(ResponseFile.id).where(ResponseFile.commune_code == commune_code)).all()
    return len(n) + 1


def mark_sent(
    session: Session, commune_code: str, row_ids: list[int], file_name: str, sha256: str, when: datetime
) -> None:
    """Remember that these answers left in a response file (a later change sends them again)."""
    for p in session.scalars(select(ProvinceProposal).where(ProvinceProposal.id.in_(row_ids))):
        p.response_exported_at = max(when, p.answered_at or when)
    session.add(
        ResponseFile(
            commune_code=commune_code, created_at=when, file_name=file_name, sha256=sha256, proposals=len(row_ids)
        )
    )
    session.flush()
