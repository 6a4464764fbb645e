"""The results-of-procedures form (Biểu 06/VPCP/KSTT, REFERENCE.md §2) in one GROUP BY query.

The SQL mirrors storage.status.state_on exactly (a test checks them against each other on
random dossiers): a dossier counted in the period is either finished inside it (col 7, split
into early / on time / late) or still open at its end (col 11, split into within time /
overdue; an open supplement request stops the clock, so it counts as within time).
"Not accepted" dossiers never entered processing and are reported apart.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import datetime, time, timedelta

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from storage.models import Dossier, Field, Procedure, SupplementRequest
from storage.periods import Period
from storage.settings import RuleSettings, WithdrawnCounting, load_rules
from storage.vocab import Channel, Outcome


@dataclass(frozen=True)
class FormRow:
    """One row of the form: columns 3 to 13, plus the optional columns provinces use."""

    field_id: int | None
    field_name: str
    received_total: int = 0  # col 3 = 4 + 5 + 6
    received_online: int = 0  # col 4
    received_direct_postal: int = 0  # col 5
    carried_over: int = 0  # col 6
    resolved_total: int = 0  # col 7 = 8 + 9 + 10
    resolved_early: int = 0  # col 8
    resolved_on_time: int = 0  # col 9
    resolved_late: int = 0  # col 10
    pending_total: int = 0  # col 11 = 12 + 13
    pending_in_time: int = 0  # col 12
    pending_overdue: int = 0  # col 13
    waiting_supplement: int = 0  # of col 12: clock stopped for a supplement
    withdrawn_stopped: int = 0  # of col 7: withdrawn by the citizen or processing stopped
    late_with_apology: int = 0  # of col 10 + 13: an apology letter was issued
    not_accepted: int = 0  # refused at the desk (outside cols 3-13)

    @property
    def on_time_rate(self) -> float | None:
        """Share of finished dossiers finished early or on time (None when nothing finished)."""
        if not self.resolved_total:
            return None
        return (self.resolved_early + self.resolved_on_time) / self.resolved_total

    @property
    def online_rate(self) -> float | None:
        """Share of newly received dossiers received online (the province's 70% target)."""
        new = self.received_online + self.received_direct_postal
        return self.received_online / new if new else None

    def identity_problems(self) -> list[str]:
        """The form's identities (REFERENCE.md §2) that do not hold; empty when the row is sound."""
        checks = {
            "3 = 4 + 5 + 6": self.received_total
            == self.received_online + self.received_direct_postal + self.carried_over,
            "3 = 7 + 11": self.received_total == self.resolved_total + self.pending_total,
            "7 = 8 + 9 + 10": self.resolved_total == self.resolved_early + self.resolved_on_time + self.resolved_late,
            "11 = 12 + 13": self.pending_total == self.pending_in_time + self.pending_overdue,
        }
        return [name for name, ok in checks.items() if not ok]

    def columns(self) -> list[int]:
        """Columns 3..13 in form order."""
        return [
            self.received_total,
            self.received_online,
            self.received_direct_postal,
            self.carried_over,
            self.resolved_total,
            self.resolved_early,
            self.resolved_on_time,
            self.resolved_late,
            self.pending_total,
            self.pending_in_time,
            self.pending_overdue,
        ]

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


_COUNT_FIELDS = [f.name for f in fields(FormRow) if f.name not in ("field_id", "field_name")]


@dataclass(frozen=True)
class DossierForm:
    """The whole form for a period: one row per field and the total row."""

    period: Period
    rows: list[FormRow]
    total: FormRow


def _sum_rows(rows: list[FormRow], name: str) -> FormRow:
    sums = {n: sum(getattr(r, n) for r in rows) for n in _COUNT_FIELDS}
    return FormRow(field_id=None, field_name=name, **sums)


def dossier_form(
    session: Session, period: Period, rules: RuleSettings | None = None, *, all_fields: bool = True
) -> DossierForm:
    """Count the period's dossiers per field into the form's columns.

    ``all_fields`` lists every active field (zeros included), as the printed form does.
    """
    rules = rules or load_rules(session)
    field_of = dict(session.execute(select(Procedure.id, Procedure.field_id)).all())
    counts: dict[int, dict[str, int]] = {}
    for pid, values in procedure_counts(session, period, rules).items():
        row = counts.setdefault(field_of[pid], dict.fromkeys(_COUNT_FIELDS, 0))
        for name, value in values.items():
            row[name] += value
    field_q = select(Field.id, Field.name, Field.active).order_by(Field.sort_order, Field.id)
    rows = [
        FormRow(field_id=fid, field_name=name, **counts.get(fid, {}))
        for fid, name, active in session.execute(field_q)
        if fid in counts or (all_fields and active)
    ]
    return DossierForm(period=period, rows=rows, total=_sum_rows(rows, "Tổng số"))


@dataclass(frozen=True)
class ProcedureRow:
    """The form's counts for one procedure (the province's per-procedure breakdown)."""

    procedure_code: str
    procedure_name: str
    field_code: str
    counts: FormRow


def procedure_form(session: Session, period: Period, rules: RuleSettings | None = None) -> list[ProcedureRow]:
    """The form's columns per procedure that had any dossier counted in the period, in catalog order."""
    rules = rules or load_rules(session)
    counts = procedure_counts(session, period, rules)
    q = (
        select(Procedure.id, Procedure.code, Procedure.name, Field.code, Field.name)
        .join(Field, Field.id == Procedure.field_id)
        .where(Procedure.id.in_(list(counts)))
        .order_by(Field.sort_order, Field.id, Procedure.code)
    )
    return [
        ProcedureRow(code, name, fcode, FormRow(field_id=None, field_name=fname, **counts[pid]))
        for pid, code, name, fcode, fname in session.execute(q)
    ]


def procedure_counts(session: Session, period: Period, rules: RuleSettings) -> dict[int, dict[str, int]]:
    """The form's count columns per procedure id, in one GROUP BY query (plus one for refusals)."""
    start, end = period.start, period.end
    start_dt = datetime.combine(start, time.min)
    after_end_dt = datetime.combine(end + timedelta(days=1), time.min)
    due = func.coalesce(Dossier.due_date_override, Dossier.due_date_computed)

    new = Dossier.received_at >= start_dt
    finished = and_(Dossier.finished_date.is_not(None), Dossier.finished_date <= end)
    pending = or_(Dossier.finished_date.is_(None), Dossier.finished_date > end)
    # Dossiers waiting for a supplement at the period end: one small set joined once, not a
    # correlated sub-query per dossier.
    waiting_ids = (
        select(SupplementRequest.dossier_id)
        .where(
            SupplementRequest.requested_date <= end,
            or_(SupplementRequest.completed_date.is_(None), SupplementRequest.completed_date > end),
        )
        .distinct()
        .subquery()
    )
    waiting = waiting_ids.c.dossier_id.is_not(None)
    stopped = Dossier.outcome.in_([int(Outcome.WITHDRAWN), int(Outcome.STOPPED)])
    if rules.withdrawn_counting == WithdrawnCounting.ON_TIME:
        early = and_(finished, ~stopped, Dossier.finished_date < due)
        on_time = and_(finished, or_(stopped, Dossier.finished_date == due))
        late = and_(finished, ~stopped, Dossier.finished_date > due)
    else:
        early = and_(finished, Dossier.finished_date < due)
        on_time = and_(finished, Dossier.finished_date == due)
        late = and_(finished, Dossier.finished_date > due)
    overdue = and_(pending, ~waiting, due < end)
    apology = Dossier.apology_date.is_not(None)

    def n(cond):  # type: ignore[no-untyped-def]
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    counted = and_(
        or_(Dossier.outcome.is_(None), Dossier.outcome != int(Outcome.NOT_ACCEPTED)),
        Dossier.received_at < after_end_dt,
        or_(Dossier.finished_date.is_(None), Dossier.finished_date >= start),
    )
    # Grouped by procedure (mapped to fields in Python, a few dozen rows). "+ 0" keeps SQLite from
    # walking ix_dossier_procedure_id to save a sort: that walk costs a random table read per row,
    # while the covering ix_dossier_period range scan reads nothing else (bench/bench_storage.py).
    by_procedure = Dossier.procedure_id + 0
    q = (
        select(
            by_procedure,
            func.count(),
            n(and_(new, Dossier.channel == int(Channel.ONLINE))),
            n(and_(new, Dossier.channel != int(Channel.ONLINE))),
            n(~new),
            n(finished),
            n(early),
            n(on_time),
            n(late),
            n(pending),
            n(overdue),
            n(and_(pending, waiting)),
            n(and_(finished, stopped)),
            n(and_(apology, or_(late, overdue))),
        )
        .select_from(Dossier)
        .outerjoin(waiting_ids, waiting_ids.c.dossier_id == Dossier.id)
        .where(counted)
        .group_by(by_procedure)
    )
    counts: dict[int, dict[str, int]] = {}
    for pid, *values in session.execute(q):
        total, online, direct, carried, fin, e, o, lt, pend, od, wait, stp, apol = values
        row = counts.setdefault(pid, dict.fromkeys(_COUNT_FIELDS, 0))
        for name, value in (
            ("received_total", total),
            ("received_online", online),
            ("received_direct_postal", direct),
            ("carried_over", carried),
            ("resolved_total", fin),
            ("resolved_early", e),
            ("resolved_on_time", o),
            ("resolved_late", lt),
            ("pending_total", pend),
            ("pending_in_time", pend - od),
            ("pending_overdue", od),
            ("waiting_supplement", wait),
            ("withdrawn_stopped", stp),
            ("late_with_apology", apol),
        ):
            row[name] += value
    refused = session.execute(
        select(by_procedure, func.count())
        .select_from(Dossier)
        .where(
            Dossier.outcome == int(Outcome.NOT_ACCEPTED),
            Dossier.received_at >= start_dt,
            Dossier.received_at < after_end_dt,
        )
        .group_by(by_procedure)
    ).all()
    for pid, cnt in refused:
        counts.setdefault(pid, dict.fromkeys(_COUNT_FIELDS, 0))["not_accepted"] += cnt
    return counts
