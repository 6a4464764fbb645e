"""Synthetic dossier flow of a demo commune, plus Lượng Minh's published first nine days."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from storage.catalog import ProcedureRow, list_procedures
from storage.deadlines import TimeUnit
from storage.demo.names import person
from storage.dossiers import DossierData, SupplementData, compute_due, save_dossier, unit_identifier
from storage.rules_context import RuleContext
from storage.vocab import Channel, Outcome

# Share of each procedure in the daily flow (a mountain commune: civil status and certification first).
WEIGHTS = {
    "HT-KS": 20,
    "HT-KH": 6,
    "HT-BSTL": 12,
    "HT-XNHN": 10,
    "HT-KT": 5,
    "HT-TDCC": 3,
    "HT-LTKS": 4,
    "CT-BS": 20,
    "CT-CK": 8,
    "DD-GD": 2,
    "DD-DKLD": 3,
    "DD-GCN": 3,
    "BTXH-TCHT": 4,
}
PUBLISHED_WINDOW = (date(2025, 7, 1), date(2025, 7, 9))
PUBLISHED_COUNT = 43  # civil-status dossiers received and resolved on time, 1–9 July 2025


class _Coder:
    """Provincial dossier codes <unit>-<yyMMdd>-<NNNN>, the sequence restarting daily."""

    def __init__(self, unit: str) -> None:
        self.unit, self.seq = unit, {}  # type: ignore[var-annotated]

    def __call__(self, day: date) -> str:
        n = self.seq[day] = self.seq.get(day, 0) + 1
        return f"{self.unit}-{day:%y%m%d}-{n:04d}"


def _working_days(ctx: RuleContext, first: date, last: date):  # type: ignore[no-untyped-def]
    d = first
    while d <= last:
        if ctx.calendar.is_working_day(d):
            yield d
        d += timedelta(days=1)


def _received(rng: random.Random, day: date) -> datetime:
    minutes = rng.choice([rng.randrange(7 * 60 + 30, 11 * 60 + 30), rng.randrange(13 * 60 + 30, 16 * 60 + 45)])
    return datetime.combine(day, time(minutes // 60, minutes % 60))


def load_published_window(session: Session, ctx: RuleContext, rng: random.Random, handler: int | None) -> int:
    """Lượng Minh, 1–9 July 2025: 43 civil-status dossiers, all received and resolved on time."""
    procs = {p.code: p for p in list_procedures(session)}
    days = list(_working_days(ctx, *PUBLISHED_WINDOW))
    code = _Coder(unit_identifier(session))
    choices = ["HT-KS"] * 5 + ["HT-BSTL"] * 3 + ["HT-KH"] * 2 + ["HT-KT", "HT-XNHN"]
    for i in range(PUBLISHED_COUNT):
        day = days[i * len(days) // PUBLISHED_COUNT]
        p = procs[rng.choice(choices)]
        received = datetime.combine(day, time(rng.randrange(7, 14), rng.choice([0, 15, 30, 45])))
        name, _ = person(rng, rng.random() < 0.5)
        data = DossierData(
            procedure_id=p.id,
            applicant_name=name,
            received_at=received,
            channel=Channel.DIRECT,
            code=code(day),
            handler_id=handler,
        )
        due = compute_due(data, p, ctx)
        finished = due if p.time_unit == TimeUnit.SAME_DAY else ctx.calendar.add_working_days(day, 2)
        _save(session, data, ctx, finished=finished, outcome=Outcome.RESOLVED, returned=finished)
    return PUBLISHED_COUNT


def _save(session: Session, data: DossierData, ctx: RuleContext, **kw: object) -> None:
    from dataclasses import replace

    save_dossier(
        session,
        replace(
            data,
            finished_date=kw.get("finished"),
            outcome=kw.get("outcome"),  # type: ignore[arg-type]
            returned_date=kw.get("returned"),
            apology_date=kw.get("apology"),  # type: ignore[arg-type]
            apology_new_date=kw.get("apology_new"),
            supplements=kw.get("supplements", ()),
        ),  # type: ignore[arg-type]
        ctx=ctx,
        today=kw.get("today"),  # type: ignore[arg-type]
        procedure=kw.get("procedure"),  # type: ignore[arg-type]
    )


def load_flow(
    session: Session,
    ctx: RuleContext,
    rng: random.Random,
    first: date,
    until: date,
    per_day: float,
    handler: int | None,
) -> int:
    """Dossiers from ``first`` to ``until`` with realistic outcomes; open ones stay open."""
    procs: dict[str, ProcedureRow] = {p.code: p for p in list_procedures(session)}
    codes = [c for c in WEIGHTS if c in procs]
    weights = [WEIGHTS[c] for c in codes]
    code = _Coder(unit_identifier(session))
    count = 0
    span = max((until - first).days, 1)
    for day in _working_days(ctx, first, until):
        online_share = 0.15 + 0.30 * (day - first).days / span  # online filing grows over time
        for _ in range(_poisson(rng, per_day)):
            p = procs[rng.choices(codes, weights)[0]]
            r = rng.random()
            channel = Channel.ONLINE if r < online_share else (Channel.POSTAL if r > 0.98 else Channel.DIRECT)
            name, _ = person(rng, rng.random() < 0.5)
            data = DossierData(
                procedure_id=p.id,
                applicant_name=name,
                received_at=_received(rng, day),
                channel=channel,
                code=code(day),
                handler_id=handler,
            )
            _outcome(session, ctx, rng, data, p, until)
            count += 1
    return count


def _poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method; mean is small (a few dossiers a day).
    limit, k, prod = pow(2.718281828459045, -mean), 0, rng.random()
    while prod > limit:
        k += 1
        prod *= rng.random()
    return k


def _outcome(
    session: Session, ctx: RuleContext, rng: random.Random, data: DossierData, p: ProcedureRow, until: date
) -> None:
    cal = ctx.calendar
    day = data.received_at.date()
    roll = rng.random()
    if roll < 0.01:
        _save(session, data, ctx, finished=day, outcome=Outcome.NOT_ACCEPTED, today=until, procedure=p)
        return
    supplements: tuple[SupplementData, ...] = ()
    if p.time_unit != TimeUnit.SAME_DAY and rng.random() < 0.08:
        asked = cal.add_working_days(day, rng.randrange(1, 3))
        done = cal.add_working_days(asked, rng.randrange(2, 6))
        supplements = (SupplementData(asked, done if done <= until else None, "Bổ sung giấy tờ còn thiếu"),)
    due = compute_due(DossierData(**{**data.__dict__, "supplements": supplements}), p, ctx)
    land = p.code.startswith("DD-")
    if roll < 0.02:
        finished, outcome = cal.add_working_days(day, 1), Outcome.WITHDRAWN
    elif roll < 0.025:
        finished, outcome = cal.add_working_days(day, 2), Outcome.STOPPED
    elif rng.random() < (0.18 if land else 0.03):
        finished, outcome = cal.add_working_days(due, rng.randrange(1, 6)), Outcome.RESOLVED  # late
    elif p.time_unit == TimeUnit.SAME_DAY or rng.random() < 0.3:
        finished, outcome = due, Outcome.RESOLVED
    else:
        days_total = max(cal.working_days_between(day, due), 1)
        finished = cal.add_working_days(day, rng.randrange(max(days_total // 2, 1), days_total + 1))
        outcome = Outcome.RESOLVED
    if supplements and supplements[0].completed is None:
        finished = None  # still waiting for the citizen
    elif supplements and supplements[0].completed is not None:
        finished = max(finished, supplements[0].completed)  # nothing ends before the citizen completes
    if finished is not None and finished > until:
        finished = None  # not finished yet on the demo's last day
    late = (finished is not None and finished > due) or (finished is None and due < until)
    apology = cal.next_working_day(due) if late and outcome == Outcome.RESOLVED and rng.random() < 0.7 else None
    if apology is not None and apology > until:
        apology = None
    _save(
        session,
        data,
        ctx,
        finished=finished,
        outcome=outcome if finished else None,
        returned=finished if finished and outcome == Outcome.RESOLVED and rng.random() < 0.9 else None,
        apology=apology,
        apology_new=cal.add_working_days(apology, 5) if apology else None,
        supplements=supplements,
        today=until,
        procedure=p,
    )
