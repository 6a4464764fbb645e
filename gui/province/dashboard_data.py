"""What the province dashboard shows for one period, read in one session: plain frozen dataclasses only.

The page computes it off the GUI thread, so nothing here touches Qt and the result holds no ORM
object bound to the worker's session. Every figure is storage's (consolidate, answers): the page
only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import ReceivedReport
from storage.periods import Period, parse_period
from storage.province.answers import list_province_proposals
from storage.province.completeness import deadline
from storage.province.consolidate import Consolidation, consolidate, on_time_rate
from storage.textsearch import vietnamese_sort_key
from storage.vocab import EquipmentKind


@dataclass(frozen=True)
class CommuneRate:
    """One reporting commune's on-time rate (None: nothing resolved in the period)."""

    name: str
    rate: float | None
    resolved: int


@dataclass(frozen=True)
class KindShortage:
    kind: str  # EquipmentKind value as the communes reported it
    shortage: int
    required: int

    def label(self, lang: str) -> str:
        """The kind's name; a kind this version does not know keeps its code."""
        try:
            return EquipmentKind(self.kind).label(lang)
        except ValueError:
            return self.kind


@dataclass(frozen=True)
class ProvinceDashboardData:
    """Everything the page shows for one period."""

    period: Period
    deadline: date  # the last day a report of the period counts as on time
    any_report: bool  # the province has received at least one report file, of any period
    consolidation: Consolidation
    rate: float | None  # province on-time rate of the period
    commune_rates: list[CommuneRate]  # reporting communes with something resolved, lowest rate first
    no_resolved: list[str]  # reporting communes that resolved nothing in the period
    kinds: list[KindShortage]  # every kind reported, largest shortage first
    total_shortage: int
    open_proposals: int
    oldest_open_days: int | None
    answers_to_send: int
    communes_to_send: int


def latest_reported_period(session: Session, *, official: bool = True, cutoff_day: int = 15) -> Period | None:
    """The period of the most recent report received (by period end; a month before a longer period)."""
    specs = session.execute(select(ReceivedReport.period_spec, ReceivedReport.period_end).distinct()).all()
    if not specs:
        return None
    periods = [parse_period(spec, official=official, cutoff_day=cutoff_day) for spec, _end in specs]
    return max(periods, key=lambda p: (p.end, -(p.end - p.start).days))


def load_province_dashboard(session: Session, period: Period, today: date) -> ProvinceDashboardData:
    """The consolidated figures of ``period`` and the proposals/answers as they stand ``today``."""
    c = consolidate(session, period.spec)
    rated = [CommuneRate(f.name, on_time_rate(f.dossiers), f.dossiers["resolved_total"]) for f in c.communes]
    with_rate = sorted((r for r in rated if r.rate is not None), key=lambda r: (r.rate, vietnamese_sort_key(r.name)))
    kinds = sorted(
        (KindShortage(k, t["shortage"], t["required"]) for k, t in c.equipment.items()),
        key=lambda k: -k.shortage,  # stable: equal shortages keep the vocabulary order
    )
    proposals = list_province_proposals(session)
    waiting = [p for p in proposals if p.is_open]
    to_send = [p for p in proposals if p.answer_pending_export]
    any_report = session.scalar(select(ReceivedReport.id).limit(1)) is not None
    return ProvinceDashboardData(
        period=period,
        deadline=deadline(session, period),
        any_report=any_report,
        consolidation=c,
        rate=on_time_rate(c.total),
        commune_rates=with_rate,
        no_resolved=[r.name for r in rated if r.rate is None],
        kinds=kinds,
        total_shortage=sum(k.shortage for k in kinds),
        open_proposals=len(waiting),
        oldest_open_days=max((p.age_days(today) for p in waiting), default=None),
        answers_to_send=len(to_send),
        communes_to_send=len({p.commune_code for p in to_send}),
    )
