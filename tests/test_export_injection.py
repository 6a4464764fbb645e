"""Formula injection: user text that looks like a formula leaves every export as that text, never a formula.

A proposal titled ``=HYPERLINK("http://x","bấm")`` and a person named ``+1+1`` go through the real
periodic report into Excel: openpyxl reads them back as text cells (quote prefix set, value
unchanged), the workbook's XML holds no formula at all, and LibreOffice, converting the file to
CSV, prints the text itself, not a link or a sum. CSV exports (the missing-reports list, the
commune registry template) prefix such text with an apostrophe, OWASP's advice, and importing the
registry template back gives the original text.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from storage.db import open_database
from storage.proposals import ProposalData, save_proposal
from storage.staff import StaffData, save_staff
from storage.vocab import Gender, ProposalCategory, ProposalStatus, StaffCategory
from tests.excel_support import hand_db, hand_report

__all__ = ["hand_db"]  # a fixture, imported for pytest to find

TITLES = ['=HYPERLINK("http://x","bấm")', "=cmd|' /C calc'!A0", "-2+3", "@SUM(B1:B9)"]
NAMES = ["+1+1", "=1+1"]


@pytest.fixture(scope="module")
def injected_xlsx(hand_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The July 2025 report of a commune whose proposals and staff carry formula-like text."""
    folder = tmp_path_factory.mktemp("inject")
    db_path = folder / "inject.sqlite"
    shutil.copyfile(hand_db, db_path)
    db = open_database(db_path)
    with db.sessions.begin() as s:
        for i, title in enumerate(TITLES):
            save_proposal(s, ProposalData(ProposalCategory.OTHER, title, date(2025, 7, 3 + i), addressed_to="Sở Nội vụ",
                                          status=ProposalStatus.SENT), today=date(2026, 1, 1))  # fmt: skip
        for name in NAMES:
            save_staff(
                s, StaffData(name, Gender.FEMALE, StaffCategory.CONG_CHUC, date(2025, 7, 1)), today=date(2026, 1, 1)
            )
    db.close()
    return hand_report(db_path, "2025-07", folder / "inject.xlsx")


def test_openpyxl_reads_text_cells_with_the_text_unchanged(injected_xlsx: Path) -> None:
    wb = load_workbook(injected_xlsx)
    cells = {c.value: c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for text in (*TITLES, *NAMES):
        assert text in cells, text
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text
    assert cells[TITLES[0]].parent.title == "Kiến nghị" and cells["+1+1"].parent.title == "Nhân sự"
    assert cells[TITLES[0]].hyperlink is None


def test_the_workbook_holds_no_formula(injected_xlsx: Path) -> None:
    with zipfile.ZipFile(injected_xlsx) as zf:
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        assert sheets
        for name in sheets:
            assert not re.search(rb"<(?:\w+:)?f[ >]", zf.read(name)), name
        assert "xl/calcChain.xml" not in zf.namelist()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_shows_the_text_itself(injected_xlsx: Path, tmp_path: Path) -> None:
    csv_filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
    cmd = ["soffice", "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--convert-to",
           csv_filter, str(injected_xlsx), "--outdir", str(tmp_path)]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr

    def cells(sheet: str) -> list[str]:
        with (tmp_path / f"inject-{sheet}.csv").open(encoding="utf-8", newline="") as fh:
            return [c for row in csv.reader(fh) for c in row]

    proposals, staff = cells("Kiến nghị"), cells("Nhân sự")
    for title in TITLES:
        assert title in proposals, title
    assert "bấm" not in proposals  # what the HYPERLINK would have shown
    assert "+1+1" in staff and "=1+1" in staff
    assert not any(c.startswith(("#", "Err:")) for c in proposals + staff)


def test_registry_template_csv_neutralizes_and_round_trips(tmp_path: Path) -> None:
    from storage.importing.values import text
    from storage.province.registry import CommuneEntry
    from storage.province.registry_import import template_csv
    from storage.vocab import AreaType

    entry = CommuneEntry("16906", "Xã Lượng Minh", AreaType.MOUNTAINOUS, True, '=HYPERLINK("http://x","bấm")')
    rows = {r[0]: r for r in csv.reader(template_csv("40", [entry]).decode("utf-8-sig").splitlines())}
    assert rows["16906"][4] == '\'=HYPERLINK("http://x","bấm")'  # an apostrophe first: Excel keeps it as text
    assert text(rows["16906"][4]) == entry.notes  # and importing the file back gives the notes as typed
    assert text("'tên") == "'tên"  # an apostrophe before ordinary text is the clerk's own
