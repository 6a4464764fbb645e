"""Who reported: communes × periods, each cell on time / late / missing / replaced.

A report is on time when its first revision was made (signed creation time) by the deadline:
the period's last day plus the province's ``report_due_working_days`` working days (REFERENCE.md
§3, a setting), until the end of that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import ReceivedReport
from storage.periods import Period
from storage.province.registry import CommuneRow, list_communes
from storage.rules_context import load_context
from storage.vocab import Labelled, _labels


class CellStatus(Labelled, StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"  # deadline passed, nothing received
    NOT_DUE = "not_due"  # nothing received yet, deadline not passed
    REPLACED = "replaced"  # received, and replaced since by a newer revision


_labels(
    CellStatus,
    {
        "on_time": ("Đúng hạn", "On time"),
        "late": ("Trễ hạn", "Late"),
        "missing": ("Chưa nộp", "Missing"),
        "not_due": ("Chưa đến hạn", "Not yet due"),
        "replaced": ("Đã thay thế", "Replaced"),
    },
)


@dataclass(frozen=True)
class Cell:
    status: CellStatus
    revision: int | None = None  # current revision
    first_made: datetime | None = None
    late_first: bool = False  # for REPLACED: whether the first revision came late


@dataclass(frozen=True)
class Grid:
    periods: list[Period]
    deadlines: list[date]
    communes: list[CommuneRow]
    cells: dict[tuple[str, str], Cell]  # (commune code, period spec)

    def missing(self, period: Period) -> list[CommuneRow]:
        return [c for c in self.communes if self.cells[(c.code, period.spec)].status == CellStatus.MISSING]

    def counts(self, period: Period) -> dict[CellStatus, int]:
        out = dict.fromkeys(CellStatus, 0)
        for c in self.communes:
            out[self.cells[(c.code, period.spec)].status] += 1
        return out


def deadline(session: Session, period: Period) -> date:
    """The last day a report of ``period`` counts as on time."""
    ctx = load_context(session, period.end.year, period.end.year + 1)
    return ctx.calendar.add_working_days(period.end, ctx.rules.report_due_working_days)


def completeness(session: Session, periods: list[Period], *, today: date | None = None) -> Grid:
    """The grid for the active communes and ``periods``."""
    today = today or date.today()
    communes = list_communes(session, active_only=True)
    deadlines = [deadline(session, p) for p in periods]
    specs = [p.spec for p in periods]
    q = (
        select(
            ReceivedReport.commune_code,
            ReceivedReport.period_spec,
            func.min(ReceivedReport.created_at),
            func.max(ReceivedReport.revision),
            func.count(),
        )
        .where(ReceivedReport.period_spec.in_(specs))
        .group_by(ReceivedReport.commune_code, ReceivedReport.period_spec)
    )
    got = {(code, spec): (first, rev, n) for code, spec, first, rev, n in session.execute(q)}
    cells: dict[tuple[str, str], Cell] = {}
    for c in communes:
        for p, due in zip(periods, deadlines, strict=True):
            hit = got.get((c.code, p.spec))
            if hit is None:
                cells[(c.code, p.spec)] = Cell(CellStatus.MISSING if today > due else CellStatus.NOT_DUE)
                continue
            first, rev, n = hit
            late = first > datetime.combine(due, time.max)
            status = CellStatus.REPLACED if n > 1 else (CellStatus.LATE if late else CellStatus.ON_TIME)
            cells[(c.code, p.spec)] = Cell(status, rev, first, late)
    return Grid(periods, deadlines, communes, cells)
