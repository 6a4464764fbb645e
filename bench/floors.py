"""The raw floors the monthly report is compared with: what SQLite and openpyxl alone need for the same work.

- ``sql_floor``: ONE plain ``SELECT … GROUP BY`` (sqlite3, no SQLAlchemy, no Python per row) that
  yields the cells of Biểu 06 per field for the period: received (online / direct or postal /
  carried over), resolved (early / on time / late), pending (in time / overdue), waiting for a
  supplement, withdrawn or stopped, late with an apology, not accepted. Same rules as
  storage/aggregates/dossier_form.py (withdrawn counted on time), checked against it by ``check_sql_floor``.
- ``openpyxl_floor``: openpyxl in write-only mode writing the same sheets, rows and values as our
  monthly .xlsx (no styles, merges or column widths).

A program cannot do the report's work faster than these; "ours ÷ floor" says how much our layers cost.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from storage.province.consolidate import COUNT_KEYS  # Biểu 06's count columns, named once

# Columns of the floor's rows after the field id, in this order (names of storage's FormRow).
FLOOR_COLUMNS = COUNT_KEYS

# Outcome codes: 3 not accepted, 7 withdrawn, 8 stopped; channel 2 online (storage/vocab.py).
_DUE = "COALESCE(d.due_date_override, d.due_date_computed)"
_NEW = "d.received_at >= :start_dt"
_FIN = "(d.finished_date IS NOT NULL AND d.finished_date <= :end)"
_PEND = "(d.finished_date IS NULL OR d.finished_date > :end)"
_STOPPED = "d.outcome IN (7, 8)"
_WAITING = "w.dossier_id IS NOT NULL"
_OVERDUE = f"({_PEND} AND w.dossier_id IS NULL AND {_DUE} < :end)"
_LATE = f"({_FIN} AND NOT {_STOPPED} AND d.finished_date > {_DUE})"
_CELLS = {  # column: condition on a dossier that is counted in the period (not refused at the desk)
    "received_total": "1",
    "received_online": f"{_NEW} AND d.channel = 2",
    "received_direct_postal": f"{_NEW} AND d.channel != 2",
    "carried_over": f"NOT {_NEW}",
    "resolved_total": _FIN,
    "resolved_early": f"{_FIN} AND NOT {_STOPPED} AND d.finished_date < {_DUE}",
    "resolved_on_time": f"{_FIN} AND ({_STOPPED} OR d.finished_date = {_DUE})",
    "resolved_late": _LATE,
    "pending_total": _PEND,
    "pending_in_time": f"{_PEND} AND NOT {_OVERDUE}",
    "pending_overdue": _OVERDUE,
    "waiting_supplement": f"{_PEND} AND {_WAITING}",
    "withdrawn_stopped": f"{_FIN} AND {_STOPPED}",
    "late_with_apology": f"d.apology_date IS NOT NULL AND ({_LATE} OR {_OVERDUE})",
}
_COUNTED = "(d.outcome IS NULL OR d.outcome != 3)"
_SUMS = [f"SUM(CASE WHEN {_COUNTED} AND {cond} THEN 1 ELSE 0 END)" for cond in _CELLS.values()]
_SUMS.append(f"SUM(CASE WHEN d.outcome = 3 AND {_NEW} THEN 1 ELSE 0 END)")  # not_accepted
assert (*_CELLS, "not_accepted") == FLOOR_COLUMNS

# One statement, one range scan of the covering index ix_dossier_period: the inner query groups by
# procedure_id + 0 as ours does (CASE sums: faster in SQLite than summing booleans), the outer one
# adds up each field's procedures. A refused dossier of the period ends on its day of receipt, so
# the WHERE keeps it too.
FORM_SQL = f"""
WITH waiting AS (
    SELECT DISTINCT dossier_id FROM supplement_request
    WHERE requested_date <= :end AND (completed_date IS NULL OR completed_date > :end)
)
SELECT p.field_id, {", ".join(f"SUM(c{i})" for i in range(len(_SUMS)))}
FROM (
    SELECT d.procedure_id + 0 AS pid, {", ".join(f"{x} AS c{i}" for i, x in enumerate(_SUMS))}
    FROM dossier d LEFT JOIN waiting w ON w.dossier_id = d.id
    WHERE d.received_at < :after_end_dt AND (d.finished_date IS NULL OR d.finished_date >= :start)
    GROUP BY pid
) x JOIN procedure p ON p.id = x.pid
GROUP BY p.field_id
ORDER BY p.field_id
"""


def _params(start: date, end: date) -> dict[str, str]:
    """Bind values in the text forms SQLAlchemy stores (DateTime with microseconds, Date as ISO)."""
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "start_dt": f"{start.isoformat()} 00:00:00.000000",
        "after_end_dt": f"{(end + timedelta(days=1)).isoformat()} 00:00:00.000000",
    }


def sql_floor(db_path: Path, start: date, end: date) -> tuple[float, dict[int, tuple[int, ...]]]:
    """Seconds of the one GROUP BY query (connection made before the clock starts) and its rows by field id."""
    with sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True) as conn:
        conn.execute("SELECT 1").fetchall()
        t0 = time.perf_counter()
        rows = conn.execute(FORM_SQL, _params(start, end)).fetchall()
        elapsed = time.perf_counter() - t0
    return elapsed, {r[0]: tuple(int(v or 0) for v in r[1:]) for r in rows}


def check_sql_floor(db_path: Path, spec: str, floor: dict[int, tuple[int, ...]]) -> None:
    """The floor's cells equal storage's dossier_form (so the floor does the same work); AssertionError otherwise."""
    from storage.aggregates import dossier_form
    from storage.db import open_database
    from storage.periods import parse_period
    from storage.settings import WithdrawnCounting, load_rules

    db = open_database(db_path, migrate=False)
    try:
        with db.sessions() as s:
            rules = load_rules(s)
            assert rules.withdrawn_counting == WithdrawnCounting.ON_TIME, "the floor counts withdrawn dossiers on time"
            form = dossier_form(s, parse_period(spec), rules, all_fields=False)
    finally:
        db.close()
    ours = {r.field_id: tuple(getattr(r, c) for c in FLOOR_COLUMNS) for r in form.rows}
    assert ours == floor, f"the SQL floor differs from dossier_form:\n{ours}\n{floor}"


def xlsx_cells(path: Path) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """Every sheet's title and row values of an .xlsx (read-only mode)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        return [(ws.title, [tuple(r) for r in ws.iter_rows(values_only=True)]) for ws in wb.worksheets]
    finally:
        wb.close()


def openpyxl_floor(sheets: list[tuple[str, list[tuple[Any, ...]]]], target: Path) -> float:
    """Seconds for openpyxl (write_only=True) to write these sheets and rows to ``target``."""
    from openpyxl import Workbook

    t0 = time.perf_counter()
    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(target)
    return time.perf_counter() - t0
