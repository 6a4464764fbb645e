"""Shared by the Excel report tests: reading a workbook back, independent counts, the test databases.

The figures are recounted from the raw dossier tables (SQL plus storage.status.state_on, never
storage.aggregates or the report code), on the demo commune and on a small database whose
answers were worked out by hand.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from reports.excel_writer import write_xlsx
from reports.periodic import build_periodic_report
from storage.catalog import list_procedures, seed_catalog
from storage.db import open_database
from storage.demo import load_demo
from storage.dossiers import DossierData, save_dossier
from storage.equipment import EquipmentData, save_equipment
from storage.periods import parse_period
from storage.profile import ProfileData, save_profile
from storage.proposals import ProposalData, save_proposal
from storage.report_documents import ReportDocumentData
from storage.rules_context import load_context
from storage.settings import WithdrawnCounting, load_rules
from storage.staff import StaffData, save_staff
from storage.status import DossierDates, state_on
from storage.units import list_units, seed_default_units
from storage.vocab import (
    Channel,
    DossierState,
    EquipmentKind,
    Gender,
    Outcome,
    ProposalCategory,
    ProposalStatus,
    StaffCategory,
)

FORM = "Biểu 06 TTHC"
COLUMN = {  # the form's state of a dossier at the period end -> its column (REFERENCE.md §2)
    DossierState.EARLY: 8,
    DossierState.ON_TIME: 9,
    DossierState.LATE: 10,
    DossierState.IN_TIME: 12,
    DossierState.WAITING_SUPPLEMENT: 12,
    DossierState.OVERDUE: 13,
}


# ---------------------------------------------------------------- reading the workbook back


def form_rows(ws: Worksheet) -> dict[str, list[object]]:
    """Columns (3)..(13) of each row of the form, by field name, located by the "(n)" number row."""
    where = {c.value: (c.row, c.column) for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    number_row = where["(3)"][0]
    col = {n: where[f"({n})"][1] for n in range(2, 14)}
    rows: dict[str, list[object]] = {}
    for r in range(number_row + 1, ws.max_row + 1):
        name = ws.cell(r, col[2]).value
        if name is None:
            break
        rows[str(name)] = [ws.cell(r, col[n]).value for n in range(3, 14)]
    return rows


def table_after(ws: Worksheet, header: str, stop: str) -> tuple[dict[str, int], list[list[object]]]:
    """Header text -> column, and the rows under the header row holding ``header``, up to ``stop``."""
    r0 = next(c.row for row in ws.iter_rows() for c in row if c.value == header)
    cols = {str(c.value): c.column for c in ws[r0] if c.value is not None}
    rows = []
    for r in range(r0 + 1, ws.max_row + 1):
        values = [ws.cell(r, c).value for c in range(1, ws.max_column + 1)]
        rows.append(values)
        if stop in values:
            break
    return cols, rows


def merged_span(ws: Worksheet, text: str) -> tuple[int, int]:
    """(columns, rows) covered by the merged cell whose value is ``text``."""
    cell = next(c for row in ws.iter_rows() for c in row if c.value == text)
    for rng in ws.merged_cells.ranges:
        if cell.coordinate in rng:
            return rng.max_col - rng.min_col + 1, rng.max_row - rng.min_row + 1
    return 1, 1


# ---------------------------------------------------------------- independent counts


def count_form(db_path: Path, start: date, end: date, counting: WithdrawnCounting) -> dict[str, list[int]]:
    """The form's columns 3..13 per field from raw SQL and state_on: no report or aggregate code."""
    con = sqlite3.connect(db_path)
    try:
        dossiers = con.execute(
            "SELECT d.id, f.name, d.received_at, d.channel,"
            " COALESCE(d.due_date_override, d.due_date_computed), d.finished_date, d.outcome"
            " FROM dossier d JOIN procedure p ON p.id = d.procedure_id JOIN field f ON f.id = p.field_id"
        ).fetchall()
        waits = defaultdict(list)
        for did, req, done in con.execute("SELECT dossier_id, requested_date, completed_date FROM supplement_request"):
            waits[did].append((date.fromisoformat(req), date.fromisoformat(done) if done else None))
    finally:
        con.close()
    out: dict[str, list[int]] = defaultdict(lambda: [0] * 14)
    for did, field, received_at, channel, due, finished, outcome in dossiers:
        received = date.fromisoformat(received_at[:10])
        fin = date.fromisoformat(finished) if finished else None
        if outcome == Outcome.NOT_ACCEPTED or received > end or (fin is not None and fin < start):
            continue
        dd = DossierDates(received, date.fromisoformat(due), fin, Outcome(outcome) if outcome else None,
                          supplements=tuple(waits[did]))  # fmt: skip
        c = out[field]
        c[3] += 1
        if received >= start:
            c[4 if channel == Channel.ONLINE else 5] += 1
        else:
            c[6] += 1
        column = COLUMN[state_on(dd, end, counting)]
        c[column] += 1
        c[7 if column <= 10 else 11] += 1
    return {field: c[3:] for field, c in out.items()}


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def demo_xlsx(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo commune (Lượng Minh) to 31/10/2026 and its July 2025 report: (database, xlsx).

    Built once per test run, even though two test modules import this fixture.
    """
    folder = tmp_path_factory.getbasetemp() / "excel-demo"
    db_path, xlsx = folder / "demo.sqlite", folder / "bao-cao-2025-07.xlsx"
    if not xlsx.exists():
        folder.mkdir(exist_ok=True)
        db_path.unlink(missing_ok=True)
        db = open_database(db_path)
        with db.sessions.begin() as s:
            load_demo(s, "luong-minh", until=date(2026, 10, 31))
        with db.sessions.begin() as s:
            report = build_periodic_report(s, parse_period("2025-07"))
        db.close()
        write_xlsx(report, xlsx)
    return db_path, xlsx


@pytest.fixture(scope="module")
def demo_wb(demo_xlsx: tuple[Path, Path]) -> Workbook:
    return load_workbook(demo_xlsx[1])


def _dossier(s, procs, code, received, channel=Channel.DIRECT, finished=None) -> None:  # type: ignore[no-untyped-def]
    outcome = Outcome.RESOLVED if finished else None
    data = DossierData(
        procedure_id=procs[code].id,
        applicant_name="Nguyễn Văn An",
        received_at=received,
        channel=channel,
        finished_date=finished,
        outcome=outcome,
    )
    save_dossier(s, data, ctx=load_context(s, received.year), today=date(2026, 1, 1))


@pytest.fixture(scope="module")
def hand_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A small commune whose answers were worked out by hand (2025 calendar: 30/4–2/5 off, Sat 26/4 worked).

    Official May 2025 = 15/04–14/05. HT-XNHN takes 3 working days, so received Tue 29/04 it is due
    Wed 07/05 (30/4, 1/5, 2/5 and the weekend skipped); received Fri 25/04 it is due Tue 29/04
    (Saturday 26/04 was a working day). CT-CK is same-day; received after 15:00 on 29/04 it is
    due on the next working day, Mon 05/05.
    """
    path = tmp_path_factory.mktemp("hand") / "hand.sqlite"
    db = open_database(path)
    at = datetime.combine
    with db.sessions.begin() as s:
        seed_catalog(s)
        seed_default_units(s)
        save_profile(s, ProfileData(code="16906", signer_name="Lô Văn Hải"))
        procs = {p.code: p for p in list_procedures(s)}
        _dossier(s, procs, "HT-XNHN", at(date(2025, 4, 29), time(9)), finished=date(2025, 5, 6))  # early
        _dossier(s, procs, "HT-XNHN", at(date(2025, 4, 29), time(9)), Channel.ONLINE, date(2025, 5, 7))  # on time
        _dossier(s, procs, "HT-XNHN", at(date(2025, 4, 25), time(9)), finished=date(2025, 4, 29))  # on time
        _dossier(s, procs, "HT-XNHN", at(date(2025, 4, 29), time(9)))  # open; overdue at 14/05
        _dossier(s, procs, "HT-KS", at(date(2025, 4, 10), time(9)), finished=date(2025, 4, 16))  # carried, late
        _dossier(s, procs, "CT-CK", at(date(2025, 4, 29), time(16)), Channel.POSTAL, date(2025, 5, 5))  # on time
        _dossier(s, procs, "CT-CK", at(date(2025, 4, 29), time(9)), finished=date(2025, 4, 29))  # on time
        _dossier(s, procs, "CT-CK", at(date(2025, 5, 14), time(10)))  # open, due 14/05: in time
        _dossier(s, procs, "CT-CK", at(date(2025, 5, 15), time(9)), finished=date(2025, 5, 15))  # after May
        _dossier(s, procs, "CT-CK", at(date(2025, 4, 14), time(9)), finished=date(2025, 4, 14))  # before May
        _dossier(s, procs, "HT-KS", at(date(2025, 7, 14), time(10)), finished=date(2025, 7, 14))  # July
        _dossier(s, procs, "HT-KS", at(date(2025, 7, 15), time(9)), finished=date(2025, 7, 15))  # August
        _dossier(s, procs, "HT-XNHN", at(date(2025, 7, 14), time(10)), Channel.ONLINE)  # July, due 17/07
        units = [u.id for u in list_units(s)]
        for unit, (required, working) in zip(units, ((5, 3), (2, 4)), strict=False):  # short 2; a surplus
            day = date(2025, 7, 1)
            save_equipment(s, EquipmentData(EquipmentKind.DESKTOP, day, required, working, working, unit_id=unit))
        save_equipment(s, EquipmentData(EquipmentKind.SCANNER, date(2025, 7, 1), 1, 3, 3))
        save_staff(
            s,
            StaffData("@SUM(A1)", Gender.MALE, StaffCategory.CONG_CHUC, start_date=date(2025, 7, 1)),
            today=date(2026, 1, 1),
        )
        save_proposal(
            s,
            ProposalData(
                ProposalCategory.OTHER, "=1+1", date(2025, 7, 2), addressed_to="Sở Nội vụ", status=ProposalStatus.SENT
            ),
            today=date(2026, 1, 1),
        )
    db.close()
    yield path


def hand_report(db_path: Path, spec: str, out: Path, document: ReportDocumentData | None = None) -> Path:
    db = open_database(db_path)
    with db.sessions.begin() as s:
        report = build_periodic_report(s, parse_period(spec), document)
    db.close()
    return write_xlsx(report, out)


def counting_rule(db_path: Path) -> WithdrawnCounting:
    db = open_database(db_path)
    with db.sessions.begin() as s:
        counting = load_rules(s).withdrawn_counting
    db.close()
    return counting
