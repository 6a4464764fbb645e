"""Difficulties and proposals raised to the province, followed up until answered.

A proposal starts as a draft, is sent to a provincial body (``addressed_to``), may be
acknowledged and assigned to a department, and ends resolved or declined with the
province's answer. ``search_text`` holds the folded title and content so lists can be
searched without diacritics in SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.errors import NotFoundError, Problem, ValidationError
from storage.models import Proposal, ReportSent
from storage.textsearch import fold
from storage.vocab import OPEN_PROPOSAL_STATUSES, ProposalCategory, ProposalStatus

MAX_TITLE = 300
MAX_ADDRESSED_TO = 200
#: Statuses that close a proposal: they need the date of the province's answer.
CLOSED_PROPOSAL_STATUSES = frozenset({ProposalStatus.RESOLVED, ProposalStatus.DECLINED})
#: ``addressed_to`` may name several bodies separated by these (a comma is part of some names).
_ADDRESS_SEPARATORS = re.compile(r"[;\n]")


@dataclass(frozen=True)
class ProposalData:
    """A proposal as entered."""

    category: ProposalCategory
    title: str
    raised_date: date
    content: str = ""
    addressed_to: str = ""
    status: ProposalStatus = ProposalStatus.DRAFT
    response_text: str = ""
    response_date: date | None = None
    report_id: int | None = None


@dataclass(frozen=True)
class ProposalRow:
    """A proposal for lists and follow-up."""

    id: int
    category: ProposalCategory
    category_label: str
    title: str
    content: str
    raised_date: date
    addressed_to: str
    status: ProposalStatus
    status_label: str
    response_text: str
    response_date: date | None
    report_id: int | None

    @property
    def is_open(self) -> bool:
        """Sent and still waiting for the province."""
        return self.status in OPEN_PROPOSAL_STATUSES

    def age_days(self, on: date) -> int:
        """Days since it was raised: until ``on`` while not closed, until the answer once closed."""
        end = on
        if self.status in CLOSED_PROPOSAL_STATUSES and self.response_date is not None:
            end = self.response_date
        return max((end - self.raised_date).days, 0)


def _d(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def validate_proposal(
    session: Session, data: ProposalData, proposal_id: int | None = None, *, today: date | None = None
) -> list[Problem]:
    """Every rule a proposal must satisfy, with Vietnamese messages naming the field."""
    today = today or date.today()
    p: list[Problem] = []
    if not isinstance(data.category, ProposalCategory):
        p.append(
            Problem(
                "category",
                f"Nhóm kiến nghị «{data.category}» không có trong danh mục.",
                f"Unknown proposal category «{data.category}».",
            )
        )
    status_ok = isinstance(data.status, ProposalStatus)
    if not status_ok:
        p.append(
            Problem(
                "status",
                f"Trạng thái kiến nghị «{data.status}» không có trong danh mục.",
                f"Unknown proposal status «{data.status}».",
            )
        )
    title = data.title.strip()
    if not title:
        p.append(Problem("title", "Chưa nhập tiêu đề kiến nghị.", "The proposal title is empty."))
    elif len(title) > MAX_TITLE:
        p.append(
            Problem(
                "title",
                f"Tiêu đề kiến nghị dài quá {MAX_TITLE} ký tự ({len(title)}).",
                f"The title is longer than {MAX_TITLE} characters ({len(title)}).",
            )
        )
    raised = data.raised_date
    if raised.year < 2000:
        p.append(
            Problem(
                "raised_date", "Ngày nêu kiến nghị không hợp lệ (trước năm 2000).", "The raised date is before 2000."
            )
        )
    if raised > today:
        p.append(
            Problem(
                "raised_date",
                f"Ngày nêu kiến nghị {_d(raised)} ở tương lai.",
                f"The raised date {_d(raised)} is in the future.",
            )
        )
    addressed_to = data.addressed_to.strip()
    if len(addressed_to) > MAX_ADDRESSED_TO:
        p.append(
            Problem(
                "addressed_to",
                f"Nơi nhận kiến nghị dài quá {MAX_ADDRESSED_TO} ký tự.",
                f"The recipient is longer than {MAX_ADDRESSED_TO} characters.",
            )
        )
    if status_ok:
        _validate_status(data, addressed_to, p)
    resp = data.response_date
    if resp is not None:
        if resp < raised:
            p.append(
                Problem(
                    "response_date",
                    f"Ngày tỉnh trả lời {_d(resp)} trước ngày nêu kiến nghị {_d(raised)}.",
                    f"The response date {_d(resp)} is before the raised date {_d(raised)}.",
                )
            )
        if resp > today:
            p.append(
                Problem(
                    "response_date",
                    f"Ngày tỉnh trả lời {_d(resp)} ở tương lai.",
                    f"The response date {_d(resp)} is in the future.",
                )
            )
    if data.report_id is not None and session.get(ReportSent, data.report_id) is None:
        p.append(
            Problem(
                "report",
                "Báo cáo kèm theo không có trong sổ báo cáo đã gửi.",
                "The linked report is not in the register of reports sent.",
            )
        )
    return p


def _validate_status(data: ProposalData, addressed_to: str, p: list[Problem]) -> None:
    status = data.status
    if status == ProposalStatus.DRAFT:
        if data.response_text.strip() or data.response_date is not None:
            p.append(
                Problem(
                    "status",
                    "Kiến nghị chưa gửi thì chưa thể có trả lời của tỉnh; hãy chọn trạng thái đã gửi.",
                    "A proposal not yet sent cannot have the province's response; choose a sent status.",
                )
            )
        return
    if not addressed_to:
        p.append(
            Problem(
                "addressed_to",
                f"Kiến nghị ở trạng thái «{status.label()}» phải ghi rõ gửi cơ quan nào.",
                f"A proposal with status “{status.label('en')}” needs the body it was addressed to.",
            )
        )
    if status in CLOSED_PROPOSAL_STATUSES and data.response_date is None:
        p.append(
            Problem(
                "response_date",
                f"Kiến nghị «{status.label()}» cần có ngày tỉnh trả lời.",
                f"A proposal marked “{status.label('en')}” needs the date of the response.",
            )
        )


def save_proposal(
    session: Session,
    data: ProposalData,
    proposal_id: int | None = None,
    *,
    user_id: int | None = None,
    today: date | None = None,
) -> int:
    """Create or update a proposal; raises ValidationError and stores nothing when invalid."""
    problems = validate_proposal(session, data, proposal_id, today=today)
    if problems:
        raise ValidationError(problems)
    pr = session.get(Proposal, proposal_id) if proposal_id else None
    if proposal_id and pr is None:
        raise _not_found(proposal_id)
    if pr is None:
        pr = Proposal(created_by_id=user_id)
        session.add(pr)
    pr.category, pr.status = str(data.category), str(data.status)
    pr.title, pr.content = data.title.strip(), data.content.strip()
    pr.search_text = fold(f"{pr.title} {pr.content}")
    pr.raised_date, pr.addressed_to = data.raised_date, data.addressed_to.strip()
    pr.response_text, pr.response_date = data.response_text.strip(), data.response_date
    pr.report_id, pr.updated_by_id = data.report_id, user_id
    session.flush()
    return pr.id


def _not_found(proposal_id: int) -> NotFoundError:
    return NotFoundError(f"Không tìm thấy kiến nghị số {proposal_id}.", f"Proposal {proposal_id} not found.")


def load_proposal(session: Session, proposal_id: int) -> ProposalData:
    """The stored proposal as editable data."""
    pr = session.get(Proposal, proposal_id)
    if pr is None:
        raise _not_found(proposal_id)
    return ProposalData(
        category=ProposalCategory(pr.category),
        title=pr.title,
        raised_date=pr.raised_date,
        content=pr.content,
        addressed_to=pr.addressed_to,
        status=ProposalStatus(pr.status),
        response_text=pr.response_text,
        response_date=pr.response_date,
        report_id=pr.report_id,
    )


def delete_proposal(session: Session, proposal_id: int) -> ProposalData:
    """Delete a proposal and return its data, so the caller can offer to undo."""
    data = load_proposal(session, proposal_id)
    session.delete(session.get_one(Proposal, proposal_id))  # through the ORM: audited and lock-checked
    session.flush()
    return data


def set_response(
    session: Session,
    proposal_id: int,
    status: ProposalStatus,
    response_text: str,
    response_date: date | None,
    *,
    user_id: int | None = None,
    today: date | None = None,
) -> ProposalData:
    """Record the follow-up of a sent proposal (new status and the province's answer).

    The whole proposal is validated again; returns its previous data so the caller can undo.
    Going back to draft is not a follow-up: edit the proposal instead.
    """
    before = load_proposal(session, proposal_id)
    if status == ProposalStatus.DRAFT:
        raise ValidationError(
            [
                Problem(
                    "status",
                    "Theo dõi trả lời chỉ áp dụng cho kiến nghị đã gửi; không thể chuyển về «Dự thảo».",
                    "Follow-up applies to sent proposals; it cannot move a proposal back to draft.",
                )
            ]
        )
    after = replace(before, status=status, response_text=response_text, response_date=response_date)
    save_proposal(session, after, proposal_id, user_id=user_id, today=today)
    return before


def _row(pr: Proposal) -> ProposalRow:
    category, status = ProposalCategory(pr.category), ProposalStatus(pr.status)
    return ProposalRow(
        id=pr.id,
        category=category,
        category_label=category.label(),
        title=pr.title,
        content=pr.content,
        raised_date=pr.raised_date,
        addressed_to=pr.addressed_to,
        status=status,
        status_label=status.label(),
        response_text=pr.response_text,
        response_date=pr.response_date,
        report_id=pr.report_id,
    )


def _like_word(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def addressed_bodies(addressed_to: str) -> list[str]:
    """The bodies named in ``addressed_to`` (separated by ';' or new lines)."""
    return [part.strip() for part in _ADDRESS_SEPARATORS.split(addressed_to) if part.strip()]


def list_proposals(
    session: Session,
    *,
    status: ProposalStatus | None = None,
    department: str | None = None,
    open_only: bool = False,
    search: str = "",
) -> list[ProposalRow]:
    """Proposals, newest raised first.

    ``department`` keeps those addressed to that body (one of the bodies in ``addressed_to``,
    compared ignoring case and diacritics); ``open_only`` keeps those still waiting for the
    province (OPEN_PROPOSAL_STATUSES); ``search`` needs every word in the title or content,
    without diacritics.
    """
    q = select(Proposal).order_by(Proposal.raised_date.desc(), Proposal.id.desc())
    if status is not None:
        q = q.where(Proposal.status == str(status))
    if open_only:
        q = q.where(Proposal.status.in_(sorted(str(s) for s in OPEN_PROPOSAL_STATUSES)))
    for word in fold(search).split():
        q = q.where(Proposal.search_text.like(_like_word(word), escape="\\"))
    rows = [_row(pr) for pr in session.scalars(q)]
    if department and department.strip():
        key = fold(department)
        rows = [r for r in rows if any(fold(b) == key for b in addressed_bodies(r.addressed_to))]
    return rows


def get_proposal(session: Session, proposal_id: int) -> ProposalRow | None:
    """One proposal by id."""
    pr = session.get(Proposal, proposal_id)
    return _row(pr) if pr is not None else None


def find_proposal(session: Session, title: str, raised_date: date) -> int | None:
    """The proposal with this title (ignoring case/diacritics/spaces) raised that day, for re-import."""
    key = fold(title)
    q = select(Proposal.id, Proposal.title).where(Proposal.raised_date == raised_date).order_by(Proposal.id)
    for proposal_id, stored in session.execute(q):
        if fold(stored) == key:
            return proposal_id
    return None
