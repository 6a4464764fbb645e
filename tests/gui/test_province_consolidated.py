"""Báo cáo tổng hợp: the consolidated report previewed for the latest period, saved as Excel and PDF
through the file dialog (default names from the period), the files checked with openpyxl and pypdf,
and the page telling how many communes the figures leave out.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pypdf
import pytest

from PySide6.QtCore import Qt

import gui.province.consolidated as consolidated
import gui.province.consolidated_output as output
from gui.province.consolidated import ConsolidatedPage
from storage.province.consolidate import consolidate
from storage.province.registry import CommuneEntry, save_commune

TIMEOUT = 30_000
TITLE = "Tổng hợp tình hình hoạt động của Trung tâm Phục vụ hành chính công"


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def page(qtbot, province_ctx) -> ConsolidatedPage:  # type: ignore[no-untyped-def]
    page = ConsolidatedPage(province_ctx)
    qtbot.addWidget(page)
    page.resize(1186, 708)
    with qtbot.waitSignal(page.preview_ready, timeout=TIMEOUT):
        page.show()
    return page


def _choose_july(qtbot, page: ConsolidatedPage) -> None:  # type: ignore[no-untyped-def]
    month = page.selector.index
    month.setFocus()
    for _ in range(3):
        qtbot.keyClick(month, Qt.Key.Key_Up)
    assert page.selector.period().spec == "2025-07"
    assert page.preview.is_stale()  # until the new preview replaces the old one
    qtbot.waitSignal(page.preview_ready, timeout=TIMEOUT).wait()
    assert not page.preview.is_stale()


def test_the_latest_period_is_previewed_with_its_coverage(page: ConsolidatedPage) -> None:
    assert page.selector.period().spec == "2025-10"
    assert page.preview.page_count() > 3
    text = _words(" ".join(p.extract_text() for p in pypdf.PdfReader(page.preview.path).pages))
    assert "BÁO CÁO" in text and _words(TITLE) in text and "tháng 10 năm 2025" in text
    assert page.coverage_label.text() == "Cả 3 xã đã gửi báo cáo kỳ này: số liệu tổng hợp đầy đủ."
    assert not page.completeness_button.isVisible()  # nothing to follow up


def test_excel_and_pdf_are_saved_where_the_user_chose(qtbot, page, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _choose_july(qtbot, page)
    page.document_number.setFocus()
    qtbot.keyClicks(page.document_number, "15/BC-SNV")
    offered: list[str] = []

    def dialog(_parent, _title, suggested, _pattern):  # type: ignore[no-untyped-def]
        offered.append(Path(suggested).name)
        return str(tmp_path / "out" / Path(suggested).stem), "filter"  # no extension typed: it is added

    monkeypatch.setattr(consolidated.QFileDialog, "getSaveFileName", staticmethod(dialog))
    with qtbot.waitSignal(page.saved, timeout=TIMEOUT) as saved_xlsx:
        qtbot.mouseClick(page.excel_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.saved, timeout=TIMEOUT) as saved_pdf:
        qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert offered == ["bao-cao-tong-hop-2025-07.xlsx", "bao-cao-tong-hop-2025-07.pdf"]
    xlsx, pdf = saved_xlsx.args[0], saved_pdf.args[0]
    assert xlsx == tmp_path / "out" / "bao-cao-tong-hop-2025-07.xlsx" and xlsx.exists()
    assert pdf == tmp_path / "out" / "bao-cao-tong-hop-2025-07.pdf" and pdf.exists()

    total = page.ctx.read(lambda s: consolidate(s, "2025-07")).total
    book = openpyxl.load_workbook(xlsx)
    cells = [str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    assert any(TITLE in c for c in cells) and "Số: 15/BC-SNV" in cells
    tthc = book["Biểu 06 TTHC"]
    totals = [row for row in tthc.iter_rows(values_only=True) if row[1] == "Tổng số"]
    assert totals and all(r[2] == total["received_total"] and r[6] == total["resolved_total"] for r in totals)
    text = _words(" ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages))
    assert _words(TITLE) in text and "Số: 15/BC-SNV" in text and "tháng 7 năm 2025" in text

    assert page.saved_bar.isVisible() and "bao-cao-tong-hop-2025-07.pdf" in page.saved_bar.label.text()
    opened: list[str] = []
    monkeypatch.setattr(output.QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile())))
    qtbot.mouseClick(page.saved_bar.open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(pdf)]


def test_a_cancelled_dialog_writes_nothing(qtbot, page: ConsolidatedPage, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(consolidated.QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    qtbot.mouseClick(page.excel_button, Qt.MouseButton.LeftButton)
    assert page.task is None and not page.saved_bar.isVisible()


def test_missing_communes_are_told_before_printing(qtbot, page: ConsolidatedPage) -> None:  # type: ignore[no-untyped-def]
    with page.ctx.session() as s:
        save_commune(s, CommuneEntry(code="17266", name="Xã Môn Sơn"))
    with qtbot.waitSignal(page.preview_ready, timeout=TIMEOUT):
        page.ctx.notify("province_communes")
    assert page.coverage_label.text() == (
        "Còn 1/4 xã chưa gửi báo cáo kỳ này (Xã Môn Sơn): số liệu tổng hợp chỉ gồm 3 xã đã gửi."
    )
    text = _words(" ".join(p.extract_text() for p in pypdf.PdfReader(page.preview.path).pages))
    assert "Các xã, phường chưa gửi báo cáo" in text and "Xã Môn Sơn" in text
