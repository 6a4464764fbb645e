"""Listing dossiers with their computed fields, filtered and sorted in SQL (100,000 rows stay fast)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from storage.calendar import WorkCalendar
from storage.dossiers import dossier_dates
from storage.models import Dossier, Field, Procedure, SupplementRequest
from storage.settings import WithdrawnCounting
from storage.status import overdue_working_days, provincial_status, state_on
from storage.textsearch import fold
from storage.vocab import Channel, DossierState, Outcome, ProvincialStatus


class StatusFilter(StrEnum):
    """The register's status choices; each is a set of storage.status states on a date."""

    OPEN = "open"  # in progress: within time, overdue or waiting for a supplement
    OVERDUE = "overdue"  # in progress and past the due date (clock not stopped)
    WAITING = "waiting"  # an open supplement request stops the clock
    FINISHED = "finished"  # left processing: early, on time or late (withdrawn/stopped included)


STATUS_STATES: dict[StatusFilter, frozenset[DossierState]] = {
    StatusFilter.OPEN: frozenset({DossierState.IN_TIME, DossierState.OVERDUE, DossierState.WAITING_SUPPLEMENT}),
    StatusFilter.OVERDUE: frozenset({DossierState.OVERDUE}),
    StatusFilter.WAITING: frozenset({DossierState.WAITING_SUPPLEMENT}),
    StatusFilter.FINISHED: frozenset({DossierState.EARLY, DossierState.ON_TIME, DossierState.LATE}),
}


@dataclass(frozen=True)
class DossierFilter:
    """What the user narrowed the register to; every part is applied in SQL."""

    received_from: date | None = None
    received_to: date | None = None
    field_id: int | None = None
    channel: Channel | None = None
    search: str = ""  # words matched against folded code + applicant name
    open_on: date | None = None  # only dossiers still in progress at the end of this day
    overdue_on: date | None = None  # only dossiers in progress and past their due date on this day
    status: StatusFilter | None = None  # only dossiers whose state_on(status_on) is in STATUS_STATES[status]
    status_on: date | None = None  # the day ``status`` is judged on (default today)
    finished_from: date | None = None  # finish date from (inclusive): "resolved in a period"
    finished_to: date | None = None  # finish date to (inclusive)


@dataclass(frozen=True)
class DossierRow:
    """A dossier as a register line: stored facts plus its state on the chosen date."""

    id: int
    code: str
    procedure_code: str
    procedure_name: str
    field_name: str
    applicant_name: str
    received_at: datetime
    channel: Channel
    due_date: date
    due_overridden: bool
    finished_date: date | None
    outcome: Outcome | None
    returned_date: date | None
    apology_date: date | None
    state: DossierState
    overdue_days: int
    provincial_status: ProvincialStatus


SORT_COLUMNS = {
    "code": Dossier.code,
    "received_at": Dossier.received_at,
    "applicant_name": Dossier.applicant_name,
    "due_date": func.coalesce(Dossier.due_date_override, Dossier.due_date_computed),
    "finished_date": Dossier.finished_date,
    "procedure": Procedure.name,
    "field": Field.name,
    "channel": Dossier.channel,
}


def state_expression(on: date, counting: WithdrawnCounting = WithdrawnCounting.ON_TIME) -> ColumnElement[str]:
    """The dossier's DossierState value at the end of ``on`` as SQL, branch for branch storage.status.state_on."""
    due = func.coalesce(Dossier.due_date_override, Dossier.due_date_computed)
    waiting = exists().where(
        SupplementRequest.dossier_id == Dossier.id,
        SupplementRequest.requested_date <= on,
        or_(SupplementRequest.completed_date.is_(None), SupplementRequest.completed_date > on),
    )
    stopped = Dossier.outcome.in_([int(Outcome.WITHDRAWN), int(Outcome.STOPPED)])
    by_date = [
        (Dossier.finished_date < due, str(DossierState.EARLY)),
        (Dossier.finished_date == due, str(DossierState.ON_TIME)),
    ]
    if counting == WithdrawnCounting.ON_TIME:
        by_date.insert(0, (stopped, str(DossierState.ON_TIME)))
    classified = case(*by_date, else_=str(DossierState.LATE))
    return case(
        (Dossier.received_at >= datetime.combine(on + timedelta(days=1), time.min), str(DossierState.NOT_YET_RECEIVED)),
        (Dossier.outcome == int(Outcome.NOT_ACCEPTED), str(DossierState.NOT_ACCEPTED)),
        (and_(Dossier.finished_date.is_not(None), Dossier.finished_date <= on), classified),
        (waiting, str(DossierState.WAITING_SUPPLEMENT)),
        (due < on, str(DossierState.OVERDUE)),
        else_=str(DossierState.IN_TIME),
    )


def _like_word(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _filtered(q: Select, f: DossierFilter) -> Select:
    if f.received_from is not None:
        q = q.where(Dossier.received_at >= datetime.combine(f.received_from, time.min))
    if f.received_to is not None:
        q = q.where(Dossier.received_at < datetime.combine(f.received_to + timedelta(days=1), time.min))
    if f.field_id is not None:
        q = q.where(Procedure.field_id == f.field_id)
    if f.channel is not None:
        q = q.where(Dossier.channel == int(f.channel))
    if f.finished_from is not None:
        q = q.where(Dossier.finished_date >= f.finished_from)
    if f.finished_to is not None:
        q = q.where(Dossier.finished_date <= f.finished_to)
    for word in fold(f.search).split():
        q = q.where(Dossier.search_text.like(_like_word(word), escape="\\"))
    if f.status is not None:
        states = sorted(str(s) for s in STATUS_STATES[f.status])
        q = q.where(state_expression(f.status_on or date.today()).in_(states))
    for on, overdue in ((f.open_on, False), (f.overdue_on, True)):
        if on is None:
            continue
        cond = and_(
            Dossier.received_at < datetime.combine(on + timedelta(days=1), time.min),
            or_(Dossier.finished_date.is_(None), Dossier.finished_date > on),
            or_(Dossier.outcome.is_(None), Dossier.outcome != int(Outcome.NOT_ACCEPTED)),
        )
        if overdue:
            cond = and_(cond, func.coalesce(Dossier.due_date_override, Dossier.due_date_computed) < on)
        q = q.where(cond)
    return q


def count_dossiers(session: Session, f: DossierFilter = DossierFilter()) -> int:
    """How many dossiers match the filter."""
    q = select(func.count()).select_from(Dossier)
    if f.field_id is not None:
        q = q.join(Procedure, Procedure.id == Dossier.procedure_id)
    return session.scalar(_filtered(q, f)) or 0


def list_dossiers(
    session: Session,
    f: DossierFilter = DossierFilter(),
    *,
    on: date | None = None,
    calendar: WorkCalendar | None = None,
    counting: WithdrawnCounting = WithdrawnCounting.ON_TIME,
    sort: str = "received_at",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[DossierRow]:
    """One page of matching dossiers with their state at the end of ``on`` (default today)."""
    on = on or date.today()
    calendar = calendar or WorkCalendar()
    col = SORT_COLUMNS.get(sort, Dossier.received_at)
    order = (col.desc() if descending else col, Dossier.id.desc() if descending else Dossier.id)
    # Deferred join: pick the page's ids from the dossier table alone (joined only when the filter or
    # sort needs it), then load those rows. Joining first makes SQLite walk 100,000 rows through
    # the procedure index before sorting, several times slower (docs/performance.md).
    ids = select(Dossier.id)
    if f.field_id is not None or sort in ("procedure", "field"):
        ids = ids.join(Procedure, Procedure.id == Dossier.procedure_id)
    if sort == "field":
        ids = ids.join(Field, Field.id == Procedure.field_id)
    ids = _filtered(ids, f).order_by(*order).offset(offset)
    if limit is not None:
        ids = ids.limit(limit)
    q = (
        select(Dossier, Procedure.code, Procedure.name, Field.name)
        .join(Procedure, Procedure.id == Dossier.procedure_id)
        .join(Field, Field.id == Procedure.field_id)
        .options(selectinload(Dossier.supplements))
        .where(Dossier.id.in_(ids.scalar_subquery()))
        .order_by(*order)
    )
    rows: list[DossierRow] = []
    for d, pcode, pname, fname in session.execute(q).all():
        dd = dossier_dates(d)
        rows.append(
            DossierRow(
                id=d.id,
                code=d.code,
                procedure_code=pcode,
                procedure_name=pname,
                field_name=fname,
                applicant_name=d.applicant_name,
                received_at=d.received_at,
                channel=Channel(d.channel),
                due_date=dd.due,
                due_overridden=d.due_date_override is not None,
                finished_date=d.finished_date,
                outcome=dd.outcome,
                returned_date=d.returned_date,
                apology_date=d.apology_date,
                state=state_on(dd, on, counting),
                overdue_days=overdue_working_days(dd, on, calendar, counting),
                provincial_status=provincial_status(dd, on),
            )
        )
    return rows
