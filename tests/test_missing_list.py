"""The list of communes that have not reported: which communes it holds, the Excel file read back with
openpyxl (and once by LibreOffice), the CSV with its byte-order mark, and a name that looks like a formula.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from reports.missing_list import missing_list, write_missing_list
from reports.province_periods import periods_of_year
from storage.errors import UserError
from storage.periods import PeriodKind, period_for
from storage.province.completeness import Cell, CellStatus, Grid
from storage.province.registry import CommuneRow
from storage.vocab import AreaType

NOV, DEC = period_for(PeriodKind.MONTH, 2025, 11), period_for(PeriodKind.MONTH, 2025, 12)


def _grid() -> Grid:
    communes = [
        CommuneRow(code="16855", name="Xã Chiêu Lưu", area_type=AreaType.MOUNTAINOUS),
        CommuneRow(code="00004", name="Phường Ba Đình", area_type=AreaType.LOWLAND),
        CommuneRow(code="17254", name="Xã Con Cuông", area_type=AreaType.HIGHLAND),
        CommuneRow(code="99999", name='=HYPERLINK("http://x","bấm")', area_type=AreaType.UNKNOWN),
    ]
    status = {
        ("16855", NOV.spec): CellStatus.ON_TIME,
        ("00004", NOV.spec): CellStatus.MISSING,
        ("17254", NOV.spec): CellStatus.REPLACED,
        ("99999", NOV.spec): CellStatus.MISSING,
        ("16855", DEC.spec): CellStatus.NOT_DUE,
        ("00004", DEC.spec): CellStatus.LATE,
        ("17254", DEC.spec): CellStatus.NOT_DUE,
        ("99999", DEC.spec): CellStatus.NOT_DUE,
    }
    cells = {key: Cell(s) for key, s in status.items()}
    return Grid([NOV, DEC], [date(2025, 11, 18), date(2025, 12, 16)], communes, cells)


def test_the_list_holds_communes_that_sent_nothing() -> None:
    nov = missing_list(_grid(), NOV, "Tỉnh Nghệ An")
    assert [c.code for c in nov.communes] == ["00004", "99999"]
    assert nov.deadline == date(2025, 11, 18) and nov.period == NOV
    dec = missing_list(_grid(), DEC)
    assert [(c.code, c.status) for c in dec.communes] == [
        ("16855", CellStatus.NOT_DUE),
        ("17254", CellStatus.NOT_DUE),
        ("99999", CellStatus.NOT_DUE),
    ]


def test_excel_file_read_back(tmp_path: Path) -> None:
    path = write_missing_list(missing_list(_grid(), NOV, "Tỉnh Nghệ An"), tmp_path / "sub" / "ds.xlsx")
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "DANH SÁCH XÃ CHƯA NỘP BÁO CÁO – TỈNH NGHỆ AN"
    assert ws["A2"].value == "Tháng 11 năm 2025 (Từ ngày 15/10/2025 đến ngày 14/11/2025); hạn nộp 18/11/2025"
    assert [c.value for c in ws[4]] == ["STT", "Mã xã", "Tên xã", "Loại địa bàn", "Hạn nộp", "Tình trạng"]
    assert all(c.font.b for c in ws[4])
    row5, row6 = [c.value for c in ws[5]], [c.value for c in ws[6]]
    assert row5 == [1, "00004", "Phường Ba Đình", "Đồng bằng", datetime(2025, 11, 18), "Chưa nộp"]
    assert ws["B5"].data_type == "s"  # the code keeps its leading zeros
    assert ws["E5"].number_format == "DD/MM/YYYY"
    assert row6[2] == '=HYPERLINK("http://x","bấm")' and ws["C6"].data_type == "s" and ws["C6"].quotePrefix
    assert ws["A7"].value == "Tổng số: 2 xã"
    assert ws.freeze_panes == "A5"
    assert not list(tmp_path.joinpath("sub").glob(".~*"))  # no temporary file left behind


def test_csv_is_utf8_with_bom_and_never_a_formula(tmp_path: Path) -> None:
    path = write_missing_list(missing_list(_grid(), NOV), tmp_path / "ds.CSV")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows == [
        ["STT", "Mã xã", "Tên xã", "Loại địa bàn", "Hạn nộp", "Tình trạng"],
        ["1", "00004", "Phường Ba Đình", "Đồng bằng", "18/11/2025", "Chưa nộp"],
        ["2", "99999", '\'=HYPERLINK("http://x","bấm")', "Chưa phân loại", "18/11/2025", "Chưa nộp"],
    ]


def test_other_extensions_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"\.xlsx hoặc \.csv"):
        write_missing_list(missing_list(_grid(), NOV), tmp_path / "ds.pdf")
    assert not list(tmp_path.iterdir())


def test_periods_start_with_the_two_tier_communes() -> None:
    months = periods_of_year(PeriodKind.MONTH, 2025)
    assert [p.spec for p in months] == ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]
    assert [p.spec for p in periods_of_year(PeriodKind.QUARTER, 2025)] == ["2025-Q3", "2025-Q4"]
    assert [p.spec for p in periods_of_year(PeriodKind.HALF_YEAR, 2025, official=False)] == ["2025-H2"]
    assert len(periods_of_year(PeriodKind.MONTH, 2026, cutoff_day=1)) == 12
    assert periods_of_year(PeriodKind.MONTH, 2024) == []


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_the_excel_file(tmp_path: Path) -> None:
    path = write_missing_list(missing_list(_grid(), NOV, "Tỉnh Nghệ An"), tmp_path / "ds.xlsx")
    profile = (tmp_path / "lo-profile").as_uri()
    cmd = [
        "soffice",
        "--headless",
        f"-env:UserInstallation={profile}",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1",
        "--outdir",
        str(tmp_path),
    ]
    done = subprocess.run([*cmd, str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "ds.csv").read_bytes().decode("utf-8", errors="strict")
    rows = list(csv.reader(text.splitlines()))
    assert rows[0][0] == "DANH SÁCH XÃ CHƯA NỘP BÁO CÁO – TỈNH NGHỆ AN"
    assert rows[3] == ["STT", "Mã xã", "Tên xã", "Loại địa bàn", "Hạn nộp", "Tình trạng"]
    assert rows[4] == ["1", "00004", "Phường Ba Đình", "Đồng bằng", "18/11/2025", "Chưa nộp"]
    assert rows[5][2] == '=HYPERLINK("http://x","bấm")'  # shown as text, not run
