"""Province totals of one period from the current revision of every commune's report.

The figures are sums of what the communes reported (their payloads), never recomputed: the
province's report must equal the sum of the communes' own reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import ReceivedReport
from storage.province.received import current_reports
from storage.province.registry import CommuneRow, list_communes
from storage.vocab import PRIORITY_AREAS, AreaType, EquipmentKind

COUNT_KEYS = (
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
EQUIPMENT_KEYS = ("required", "available", "working", "shortage")


def _zero() -> dict[str, int]:
    return dict.fromkeys(COUNT_KEYS, 0)


def _add(into: dict[str, int], row: dict[str, Any], keys: tuple[str, ...] = COUNT_KEYS) -> None:
    for k in keys:
        into[k] += int(row[k])


def on_time_rate(counts: dict[str, int]) -> float | None:
    """Share of finished dossiers finished early or on time (None when nothing finished)."""
    done = counts["resolved_total"]
    return (counts["resolved_early"] + counts["resolved_on_time"]) / done if done else None


@dataclass(frozen=True)
class CommuneFigures:
    """One commune's current report of the period, reduced to what the province tables show."""

    code: str
    name: str
    area_type: AreaType
    priority: bool  # mountainous/highland/island in the registry, or mountainous by its own profile
    revision: int
    report_id: int
    dossiers: dict[str, int]
    official_posts: int
    official_quota: int | None
    staff_total: int
    service_center: int
    with_signature: int
    equipment: dict[str, dict[str, int]]  # kind -> required/available/working/shortage

    @property
    def vacancies(self) -> int | None:
        return None if self.official_quota is None else max(self.official_quota - self.official_posts, 0)

    @property
    def shortage(self) -> int:
        return sum(e["shortage"] for e in self.equipment.values())


@dataclass(frozen=True)
class FieldTotal:
    field_code: str
    field_name: str
    counts: dict[str, int]


@dataclass(frozen=True)
class Consolidation:
    period_spec: str
    expected: list[CommuneRow]
    communes: list[CommuneFigures]  # reported, in registry order
    missing: list[CommuneRow]
    by_field: list[FieldTotal]
    total: dict[str, int]
    equipment: dict[str, dict[str, int]]  # kind -> totals, in EquipmentKind order
    staffing: dict[str, int] = field(default_factory=dict)

    @property
    def reported_share(self) -> float | None:
        return len(self.communes) / len(self.expected) if self.expected else None

    def by_priority(self) -> list[CommuneFigures]:
        """Communes for the equipment budget: mountainous (priority) areas first, larger shortage first."""
        return sorted(self.communes, key=lambda c: (not c.priority, -c.shortage, c.name))


def consolidate(session: Session, period_spec: str) -> Consolidation:
    """Sum the current reports of ``period_spec`` over the registry's active communes."""
    expected = list_communes(session, active_only=True)
    reports = current_reports(session, period_spec)
    figures: list[CommuneFigures] = []
    fields: dict[str, FieldTotal] = {}
    total = _zero()
    equipment: dict[str, dict[str, int]] = {}
    staffing = dict.fromkeys(("official_posts", "official_quota", "total", "service_center", "with_signature"), 0)
    revisions = dict(
        session.execute(
            select(ReceivedReport.id, ReceivedReport.revision).where(
                ReceivedReport.id.in_([rid for rid, _p in reports.values()])
            )
        ).all()
    )
    missing: list[CommuneRow] = []
    for c in expected:
        hit = reports.get(c.code)
        if hit is None:
            missing.append(c)
            continue
        report_id, p = hit
        for row in p["dossiers"]["by_field"]:
            key = row["field_code"] or row["field_name"]
            ft = fields.setdefault(key, FieldTotal(row["field_code"], row["field_name"], _zero()))
            _add(ft.counts, row)
        _add(total, p["dossiers"]["total"])
        eq: dict[str, dict[str, int]] = {}
        for k in p["equipment"]["by_kind"]:
            eq[k["kind"]] = {n: int(k[n]) for n in EQUIPMENT_KEYS}
            _add(equipment.setdefault(k["kind"], dict.fromkeys(EQUIPMENT_KEYS, 0)), k, EQUIPMENT_KEYS)
        st = p["staffing"]
        staffing["official_posts"] += st["official_posts"]
        staffing["official_quota"] += st["official_quota"] or 0
        staffing["total"] += st["total"]
        staffing["service_center"] += st["service_center"]
        staffing["with_signature"] += st["with_signature"]
        priority = c.area_type in PRIORITY_AREAS or (c.area_type == AreaType.UNKNOWN and p["commune"]["mountainous"])
        figures.append(
            CommuneFigures(
                code=c.code,
                name=c.name,
                area_type=c.area_type,
                priority=priority,
                revision=revisions[report_id],
                report_id=report_id,
                dossiers={k: int(p["dossiers"]["total"][k]) for k in COUNT_KEYS},
                official_posts=st["official_posts"],
                official_quota=st["official_quota"],
                staff_total=st["total"],
                service_center=st["service_center"],
                with_signature=st["with_signature"],
                equipment=eq,
            )
        )
    order = {str(k): i for i, k in enumerate(EquipmentKind)}
    equipment = dict(sorted(equipment.items(), key=lambda kv: order.get(kv[0], len(order))))
    return Consolidation(period_spec, expected, figures, missing, list(fields.values()), total, equipment, staffing)
