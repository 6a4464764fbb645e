"""The province's consolidated report: figures equal to the sums of the communes' signed payloads
(read back from the received files themselves), the PDF's Vietnamese text and embedded fonts, the
Excel workbook's sheets and totals, and what changes when a commune is missing or nothing waits.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from reports.excel_writer import write_xlsx
from reports.exchange.archive import open_archive
from reports.exchange.province_demo import load_province_demo
from reports.model import Report, Table
from reports.pdf_writer import write_pdf
from reports.province_report import build_province_report
from storage.db import Database, open_database
from storage.province.answers import list_province_proposals, record_answer
from storage.province.received import list_received, received_archive
from storage.province.registry import CommuneEntry, save_commune
from storage.vocab import EquipmentKind, ProposalStatus

SPEC = "2025-07"
ISSUED = date(2025, 7, 25)
TITLE = "Tổng hợp tình hình hoạt động của Trung tâm Phục vụ hành chính công các xã, phường"
FORM_KEYS = (  # columns 3.. of the TTHC form tables
    "received_total",
    "received_online",
    "received_direct_postal",
    "carried_over",
    "resolved_total",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_total",
    "pending_in_time",
    "pending_overdue",
)


@pytest.fixture(scope="module")
def province_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The province demo with July 2025 only (three communes' files imported), made once for this module."""
    path = tmp_path_factory.mktemp("province-report") / "province.sqlite"
    db = open_database(path)
    load_province_demo(db, until=date(2025, 7, 20))
    db.close()
    return path


@pytest.fixture
def province(province_file: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "province.sqlite"
    shutil.copy(province_file, path)
    db = open_database(path)
    yield db
    db.close()


def _report(db: Database) -> Report:
    with db.sessions.begin() as s:
        return build_province_report(s, SPEC, issued_on=ISSUED, document_number="12/BC-SNV")


def _payloads(s: Session) -> dict[str, dict[str, Any]]:
    """Each commune's payload as signed in the file it sent (not the database's copy)."""
    out = {}
    for r in list_received(s, period_spec=SPEC):
        if r.current:
            found = received_archive(s, r.id)
            assert found is not None
            out[r.commune_name] = open_archive(found[1]).payload
    return out


def _table(report: Report, title: str) -> Table:
    return next(t for t in report.tables() if t.title == title)


def test_figures_equal_the_sums_of_the_communes_payloads(province: Database) -> None:
    report = _report(province)
    with province.sessions.begin() as s:
        payloads = _payloads(s)
    assert sorted(payloads) == ["Xã Chiêu Lưu", "Xã Con Cuông", "Xã Lượng Minh"]
    by_commune = _table(report, "Kết quả giải quyết thủ tục hành chính theo xã, phường")
    for row in by_commune.rows[:-1]:
        counts = payloads[str(row[1])]["dossiers"]["total"]
        assert list(row[2:]) == [counts[k] for k in FORM_KEYS], row[1]
    sums = [sum(p["dossiers"]["total"][k] for p in payloads.values()) for k in FORM_KEYS]
    assert by_commune.rows[-1][1] == "Tổng số" and list(by_commune.rows[-1][2:]) == sums
    by_field = _table(report, "Kết quả giải quyết thủ tục hành chính toàn tỉnh theo lĩnh vực")
    assert list(by_field.rows[-1][2:]) == sums
    staffing = _table(report, "Cán bộ, công chức cấp xã so với biên chế được giao")
    posts = sum(p["staffing"]["official_posts"] for p in payloads.values())
    signatures = sum(p["staffing"]["with_signature"] for p in payloads.values())
    assert staffing.rows[-1][3] == posts and staffing.rows[-1][7] == signatures
    kinds = _table(report, "Trang thiết bị công nghệ thông tin toàn tỉnh theo loại")
    for row in kinds.rows[:-1]:
        kind = next(k for k in EquipmentKind if k.label() == row[1])
        lines = [e for p in payloads.values() for e in p["equipment"]["by_kind"] if e["kind"] == str(kind)]
        assert list(row[2:]) == [sum(e[n] for e in lines) for n in ("required", "available", "working", "shortage")]
    shortage = sum(e["shortage"] for p in payloads.values() for e in p["equipment"]["by_kind"])
    assert kinds.rows[-1][5] == shortage
    per_commune = _table(report, "Số thiết bị còn thiếu theo xã (ưu tiên xã miền núi, vùng cao, hải đảo)")
    assert per_commune.rows[-1][-1] == shortage
    waiting = sum(len(t.rows) for t in report.sections[4].tables)
    with province.sessions.begin() as s:
        assert waiting == len(list_province_proposals(s, open_only=True))  # one body per demo proposal


def test_pdf_text_is_vietnamese_and_every_font_embedded(province: Database, tmp_path: Path) -> None:
    pdf = write_pdf(_report(province), tmp_path / "tong-hop.pdf")
    reader = PdfReader(pdf)
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    for expected in (
        "UBND TỈNH NGHỆ AN",
        "SỞ NỘI VỤ",
        "Số: 12/BC-SNV",
        "Nghệ An, ngày 25 tháng 7 năm 2025",
        "BÁO CÁO",
        TITLE,
        "3/3 xã, phường đã gửi báo cáo tháng 7 năm 2025 (100,0%); tất cả các xã, phường đã gửi.",
        "Xã Lượng Minh",
        "Đầu đọc thẻ CCCD gắn chip",
        "Sở Văn hóa, Thể thao và Du lịch",
        "GIÁM ĐỐC",
    ):
        assert expected in text, expected
    fonts = [
        ref.get_object()
        for page in reader.pages
        for ref in page["/Resources"].get_object().get("/Font", {}).get_object().values()
    ]
    assert fonts
    for font in fonts:
        descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
    # The signature follows the last proposals table instead of standing alone on a page.
    last = " ".join((reader.pages[-1].extract_text() or "").split())
    assert "GIÁM ĐỐC" in last and "Nội dung kiến nghị" in last


def test_xlsx_opens_with_one_sheet_per_table_section_and_the_totals(province: Database, tmp_path: Path) -> None:
    report = _report(province)
    book = openpyxl.load_workbook(write_xlsx(report, tmp_path / "tong-hop.xlsx"))
    # every commune reported: no "Tình hình gửi" sheet, nor a reference to it
    assert book.sheetnames == ["Báo cáo", "Biểu 06 TTHC", "Nhân sự", "Trang thiết bị", "Kiến nghị"]
    document = [str(v) for row in book["Báo cáo"].iter_rows(values_only=True) for v in row if v]
    assert any(TITLE in v for v in document) and not any("Tình hình gửi" in v for v in document)
    totals = [r for r in book["Biểu 06 TTHC"].iter_rows(values_only=True) if r[1] == "Tổng số"]  # the body's total rows
    expected = report.tables()[0].rows[-1][2:]
    assert len(totals) == 2 and all(r[2 : 2 + len(expected)] == expected for r in totals)
    equipment = [r for r in book["Trang thiết bị"].iter_rows(values_only=True) if r[1] == "Tổng cộng"]
    shortage = _table(report, "Trang thiết bị công nghệ thông tin toàn tỉnh theo loại").rows[-1][5]
    assert len(equipment) == 2 and all(shortage in r for r in equipment)


def test_a_missing_commune_is_listed_and_gets_its_sheet(province: Database, tmp_path: Path) -> None:
    with province.sessions.begin() as s:
        save_commune(s, CommuneEntry(code="17266", name="Xã Môn Sơn"))
    report = _report(province)
    first = report.sections[0]
    assert "3/4 xã, phường đã gửi" in first.paragraphs[0] and "còn 1 xã, phường chưa gửi" in first.paragraphs[0]
    assert [row[1] for row in first.tables[0].rows] == ["Xã Môn Sơn"]
    book = openpyxl.load_workbook(write_xlsx(report, tmp_path / "thieu.xlsx"))
    assert "Tình hình gửi" in book.sheetnames


def test_with_every_proposal_answered_nothing_is_listed_as_waiting(province: Database, tmp_path: Path) -> None:
    with province.sessions.begin() as s:
        for p in list_province_proposals(s, open_only=True):
            record_answer(s, p.id, ProposalStatus.RESOLVED, "Đã giải quyết.", ISSUED, today=ISSUED)
    report = _report(province)
    assert report.sections[4].paragraphs == ("Không còn kiến nghị nào của các xã đang chờ giải quyết.",)
    assert report.sections[4].tables == ()
    assert "Kiến nghị" not in openpyxl.load_workbook(write_xlsx(report, tmp_path / "x.xlsx")).sheetnames
