"""Equipment shortages by kind, and proposals by status and department."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from storage.equipment import shortage_clause
from storage.models import Equipment, Proposal
from storage.periods import Period
from storage.proposals import addressed_bodies
from storage.vocab import EquipmentKind, ProposalStatus


@dataclass(frozen=True)
class KindTotals:
    """Required, available, working and shortage of one kind of equipment."""

    kind: EquipmentKind
    required: int
    available: int
    working: int
    shortage: int

    @property
    def broken(self) -> int:
        return self.available - self.working


@dataclass(frozen=True)
class EquipmentSummary:
    """Equipment per kind (only kinds with any line) and in total."""

    by_kind: list[KindTotals]
    total_required: int
    total_working: int
    total_shortage: int


def equipment_summary(session: Session) -> EquipmentSummary:
    """Shortage = required − working per line, summed per kind (a surplus of one line hides no gap)."""
    rows = session.execute(
        select(
            Equipment.kind,
            func.sum(Equipment.required),
            func.sum(Equipment.available),
            func.sum(Equipment.working),
            func.sum(shortage_clause()),
        ).group_by(Equipment.kind)
    ).all()
    by = {k: KindTotals(EquipmentKind(k), r or 0, a or 0, w or 0, s or 0) for k, r, a, w, s in rows}
    ordered = [by[str(k)] for k in EquipmentKind if str(k) in by]
    return EquipmentSummary(
        by_kind=ordered,
        total_required=sum(k.required for k in ordered),
        total_working=sum(k.working for k in ordered),
        total_shortage=sum(k.shortage for k in ordered),
    )


@dataclass(frozen=True)
class ProposalSummary:
    """Proposals raised in the period, still open at its end, and their spread."""

    raised_in_period: int
    open_at_end: int
    answered_in_period: int
    by_status: dict[str, int]
    open_by_department: dict[str, int]
    oldest_open: date | None = None  # raised date of the longest-waiting proposal open at the end


def proposal_summary(session: Session, period: Period) -> ProposalSummary:
    """Counts over proposals raised up to the period end (older open ones still matter)."""
    up_to_end = Proposal.raised_date <= period.end
    by_status = dict(
        session.execute(select(Proposal.status, func.count()).where(up_to_end).group_by(Proposal.status)).all()
    )
    # Open at the end: sent, and not closed (resolved or declined) by a response dated up to then.
    closed = and_(
        Proposal.status.in_([str(ProposalStatus.RESOLVED), str(ProposalStatus.DECLINED)]),
        Proposal.response_date <= period.end,
    )
    open_cond = and_(up_to_end, Proposal.status != str(ProposalStatus.DRAFT), ~closed)
    # A proposal addressed to several bodies ("Sở A; Sở B") waits on each of them.
    open_by_dept: Counter[str] = Counter()
    for addressed, n in session.execute(
        select(Proposal.addressed_to, func.count()).where(open_cond).group_by(Proposal.addressed_to)
    ).all():
        for body in addressed_bodies(addressed) or [""]:
            open_by_dept[body] += n
    open_count = session.scalar(select(func.count()).select_from(Proposal).where(open_cond)) or 0
    return ProposalSummary(
        raised_in_period=session.scalar(select(func.count()).where(Proposal.raised_date >= period.start, up_to_end))
        or 0,
        open_at_end=open_count,
        answered_in_period=session.scalar(
            select(func.count()).where(Proposal.response_date >= period.start, Proposal.response_date <= period.end)
        )
        or 0,
        by_status={str(s): by_status.get(str(s), 0) for s in ProposalStatus},
        open_by_department=dict(open_by_dept),
        oldest_open=session.scalar(select(func.min(Proposal.raised_date)).where(open_cond)),
    )
