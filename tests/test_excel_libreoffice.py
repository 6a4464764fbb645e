"""LibreOffice as an independent reader of the Excel report: the same figures, the Vietnamese text
intact, injected formulas shown as text, and the whole workbook printed to PDF.

Skipped with a reason where LibreOffice is missing; scripts/test.sh and CI install it.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.excel_support import FORM, demo_xlsx, hand_db, hand_report

__all__ = ["demo_xlsx", "hand_db"]  # fixtures, imported for pytest to find


def _lo_version() -> tuple[int, ...]:
    exe = shutil.which("soffice")
    if exe is None:
        return ()
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=120).stdout
    m = re.search(r"(\d+)\.(\d+)", out)
    return tuple(int(g) for g in m.groups()) if m else ()


needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: the independent-reader checks need it "
    "(scripts/test.sh and CI install libreoffice-calc-nogui)",
)


def _soffice(args: list[str], profile: Path, outdir: Path) -> None:
    cmd = ["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}", *args, "--outdir", str(outdir)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def lo_out(demo_xlsx: tuple[Path, Path], hand_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every sheet of the demo and injection workbooks as UTF-8 CSV, and the demo as PDF."""
    if _lo_version() < (7, 2):
        pytest.skip(f"LibreOffice {_lo_version()} cannot export every sheet to CSV (needs 7.2 or later)")
    out = tmp_path_factory.mktemp("lo")
    inj = hand_report(hand_db, "2025-07", out / "inj.xlsx")
    # Comma, double quote, UTF-8, line 1; token 9 "true": cells as shown; token 12 "-1": every sheet.
    csv_filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
    _soffice(["--convert-to", csv_filter, str(demo_xlsx[1]), str(inj)], out / "profile", out)
    _soffice(["--convert-to", "pdf", str(demo_xlsx[1])], out / "profile", out)
    return out


def _csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


@needs_soffice
def test_libreoffice_reads_the_same_figures(lo_out: Path) -> None:
    form = _csv(lo_out / f"bao-cao-2025-07-{FORM}.csv")
    civil = next(r for r in form if "Hộ tịch" in r)
    assert [c for c in civil if c][2:] == ["43", "0", "43", "0", "43", "3", "40", "0", "0", "0", "0"]
    flat = {c for row in form for c in row}
    assert {"Số hồ sơ nhận giải quyết", "Trong đó: Trực tiếp, dịch vụ bưu chính", "Đơn vị tính: Số hồ sơ TTHC",
            "ỦY BAN NHÂN DÂN", "XÃ LƯỢNG MINH", "Độc lập - Tự do - Hạnh phúc"} <= flat  # fmt: skip
    doc = {c for row in _csv(lo_out / "bao-cao-2025-07-Báo cáo.csv") for c in row}
    assert "VI. NHIỆM VỤ TRỌNG TÂM KỲ TỚI" in doc and "Lô Văn Hải" in doc
    staff = {c for row in _csv(lo_out / "bao-cao-2025-07-Nhân sự.csv") for c in row}
    assert "Người hoạt động không chuyên trách" in staff


@needs_soffice
def test_libreoffice_shows_injected_text_not_results(lo_out: Path) -> None:
    proposals = [c for row in _csv(lo_out / "inj-Kiến nghị.csv") for c in row]
    staff = [c for row in _csv(lo_out / "inj-Nhân sự.csv") for c in row]
    assert "=1+1" in proposals and "2" not in proposals
    assert "02/07/2025" in proposals  # a real date, shown day first
    assert "@SUM(A1)" in staff and not any(c.startswith(("#", "Err:")) for c in staff)


@needs_soffice
def test_libreoffice_prints_the_workbook(lo_out: Path) -> None:
    pdf = lo_out / "bao-cao-2025-07.pdf"
    assert pdf.stat().st_size > 10_000
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH" in text and "Lô Văn Hải" in text
    assert re.search(r"Hộ tịch\s+43\s+0\s+43\s+0\s+43\s+3\s+40", text)
    assert "Trang 1/" in text
