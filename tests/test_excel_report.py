"""The Excel report read back cell by cell, against counts made without the report code.

The demo commune's July 2025 report (43 civil-status dossiers, all resolved on time), a
hand-made commune with known answers (dossiers across the 30/4–2/5 holiday and the 14/07 cut-off),
formula injection, print settings, and any Report (not only the periodic one) laid out whole.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from reports.excel_writer import write_xlsx
from reports.model import DocumentHeader, HeaderCell, Report, Section, SignatureBlock, Table
from reports.periodic import build_periodic_report
from storage.db import open_database
from storage.errors import UserError
from storage.periods import parse_period
from storage.report_documents import ReportDocumentData
from storage.vocab import EquipmentKind
from tests.excel_support import (
    FORM,
    count_form,
    counting_rule,
    demo_wb,
    demo_xlsx,
    form_rows,
    hand_db,
    hand_report,
    merged_span,
    table_after,
)

__all__ = ["demo_wb", "demo_xlsx", "hand_db"]  # fixtures, imported for pytest to find


# ---------------------------------------------------------------- the demo commune, July 2025


def test_civil_status_row_matches_an_independent_count(demo_xlsx: tuple[Path, Path], demo_wb: Workbook) -> None:
    rows = form_rows(demo_wb[FORM])
    expected = count_form(demo_xlsx[0], date(2025, 6, 15), date(2025, 7, 14), counting_rule(demo_xlsx[0]))
    assert expected["Hộ tịch"] == [43, 0, 43, 0, 43, 3, 40, 0, 0, 0, 0]  # the demo's published figures
    assert rows["Hộ tịch"] == expected["Hộ tịch"]
    for field, values in rows.items():
        if field != "Tổng số":
            assert values == expected.get(field, [0] * 11), field


def test_total_row_and_identities(demo_wb: Workbook) -> None:
    rows = form_rows(demo_wb[FORM])
    total = rows.pop("Tổng số")
    assert len(rows) >= 18  # every active field is listed, zeros included
    assert total == [sum(col) for col in zip(*rows.values(), strict=True)]
    for name, v in [*rows.items(), ("Tổng số", total)]:
        c = dict(zip(range(3, 14), v, strict=True))
        assert c[3] == c[4] + c[5] + c[6] == c[7] + c[11], name
        assert c[7] == c[8] + c[9] + c[10] and c[11] == c[12] + c[13], name


def test_numbers_are_numbers(demo_wb: Workbook) -> None:
    ws = demo_wb[FORM]
    for values in form_rows(ws).values():
        assert all(type(v) is int for v in values)
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "Hộ tịch")
    number = ws.cell(cell.row, cell.column + 1)
    assert number.data_type == "n" and number.number_format == "#,##0"


def test_form_header_merges(demo_wb: Workbook) -> None:
    ws = demo_wb[FORM]
    assert merged_span(ws, "Số hồ sơ nhận giải quyết") == (4, 1)
    assert merged_span(ws, "Số hồ sơ đã giải quyết") == (4, 1)
    assert merged_span(ws, "Số hồ sơ đang giải quyết") == (3, 1)
    assert merged_span(ws, "STT") == (1, 2)
    assert merged_span(ws, "Lĩnh vực, công việc giải quyết theo cấp") == (1, 2)
    unit = next(c for row in ws.iter_rows() for c in row if c.value == "Đơn vị tính: Số hồ sơ TTHC")
    assert unit.alignment.horizontal == "right"
    header = next(c for row in ws.iter_rows() for c in row if c.value == "Trước hạn")
    assert header.font.b and header.font.name == "Times New Roman"
    assert all(getattr(header.border, side).style == "thin" for side in ("left", "right", "top", "bottom"))
    total = next(c for row in ws.iter_rows() for c in row if c.value == "Tổng số" and c.column == 2)
    assert ws.cell(total.row, 3).font.b  # the total row is bold


def test_print_settings(demo_wb: Workbook) -> None:
    ws = demo_wb[FORM]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    header_top = next(c.row for row in ws.iter_rows() for c in row if c.value == "STT")
    numbers = next(c.row for row in ws.iter_rows() for c in row if c.value == "(1)")
    assert ws.print_title_rows == f"${header_top}:${numbers}"
    assert ws.freeze_panes == f"A{numbers + 1}"
    assert ws.oddFooter.center.text == "Trang &P/&N"
    assert round(ws.page_margins.left * 25.4) == 30 and round(ws.page_margins.top * 25.4) == 20
    doc = demo_wb["Báo cáo"]
    assert demo_wb.sheetnames[0] == "Báo cáo" and doc.page_setup.orientation == "portrait"
    assert 15 <= round(doc.page_margins.right * 25.4) <= 20


def test_document_sheet_layout(demo_wb: Workbook) -> None:
    ws = demo_wb["Báo cáo"]
    text = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert text[:4] == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ LƯỢNG MINH",
                        "Độc lập - Tự do - Hạnh phúc"]  # fmt: skip
    motto = next(c for row in ws.iter_rows() for c in row if c.value == "Độc lập - Tự do - Hạnh phúc")
    assert motto.font.b and motto.font.u == "single"
    assert ws["A2"].font.b and len(ws._images) == 2  # issuing body bold; the two short rules
    for heading in ("I. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "VI. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", "BÁO CÁO"):
        assert heading in text
    assert any(t.startswith("Trong kỳ, tổng số hồ sơ nhận giải quyết là 43 hồ sơ") for t in text)
    assert text.index("Nơi nhận:") + 1 == text.index("TM. ỦY BAN NHÂN DÂN")  # side by side, one row
    assert text[-1] == "Lô Văn Hải" and "- Lưu: VT." in text
    assert demo_wb.sheetnames == ["Báo cáo", FORM, "Nhân sự", "Trang thiết bị", "Kiến nghị"]
    link = next(c for row in ws.iter_rows() for c in row if c.hyperlink is not None)
    assert link.hyperlink.location == f"'{FORM}'!A1"


def test_equipment_shortage_matches_an_independent_count(demo_xlsx: tuple[Path, Path], demo_wb: Workbook) -> None:
    con = sqlite3.connect(demo_xlsx[0])
    by_kind = {
        EquipmentKind(k).label(): (req, work, short)
        for k, req, work, short in con.execute(
            "SELECT kind, SUM(required), SUM(working),"
            " SUM(CASE WHEN required > working THEN required - working ELSE 0 END) FROM equipment GROUP BY kind"
        )
    }
    con.close()
    cols, rows = table_after(demo_wb["Trang thiết bị"], "Loại thiết bị", "Tổng cộng")
    seen = {}
    for values in rows:
        label = values[cols["Loại thiết bị"] - 1]
        req, work, short = (values[cols[h] - 1] for h in ("Cần có", "Đang hoạt động", "Còn thiếu"))
        seen[label] = (req, work, short)
        if label != "Tổng cộng":
            assert short == max(req - work, 0) or short > req - work, label  # per line, never negative
    total = seen.pop("Tổng cộng")
    assert seen == by_kind
    assert total == tuple(sum(v[i] for v in by_kind.values()) for i in range(3))


def test_progress_is_reported_per_sheet(hand_db: Path, tmp_path: Path) -> None:
    db = open_database(hand_db)
    with db.sessions.begin() as s:
        report = build_periodic_report(s, parse_period("2025-07"))
    db.close()
    steps: list[tuple[int, int]] = []
    write_xlsx(report, tmp_path / "p.xlsx", progress=lambda done, total: steps.append((done, total)))
    sheets = len(load_workbook(tmp_path / "p.xlsx").sheetnames)
    assert steps == [(done, sheets + 1) for done in range(sheets + 2)]  # start, each sheet, saved


# ---------------------------------------------------------------- a hand-made commune with known answers


def test_holiday_and_cut_off_known_answers(hand_db: Path, tmp_path: Path) -> None:
    may = form_rows(load_workbook(hand_report(hand_db, "2025-05", tmp_path / "may.xlsx"))[FORM])
    assert may["Hộ tịch"] == [5, 1, 3, 1, 4, 1, 2, 1, 1, 0, 1]
    assert may["Chứng thực"] == [3, 0, 3, 0, 2, 0, 2, 0, 1, 1, 0]
    assert may["Tổng số"] == [8, 1, 6, 1, 6, 1, 4, 1, 2, 1, 1]
    counting = counting_rule(hand_db)
    for spec, (start, end) in {"2025-05": ((2025, 4, 15), (2025, 5, 14))}.items():
        expected = count_form(hand_db, date(*start), date(*end), counting)
        assert {k: v for k, v in may.items() if k in expected} == expected, spec
    july = form_rows(load_workbook(hand_report(hand_db, "2025-07", tmp_path / "july.xlsx"))[FORM])
    # 14/07 is inside July's data, 15/07 is not; the two dossiers open since May are carried over.
    assert july["Hộ tịch"] == [3, 1, 1, 1, 1, 0, 1, 0, 2, 1, 1]
    assert july["Chứng thực"] == [1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1]
    august = form_rows(load_workbook(hand_report(hand_db, "2025-08", tmp_path / "aug.xlsx"))[FORM])
    assert august["Hộ tịch"][:4] == [3, 0, 1, 2]


def test_hand_equipment_shortage_is_per_line(hand_db: Path, tmp_path: Path) -> None:
    wb = load_workbook(hand_report(hand_db, "2025-07", tmp_path / "eq.xlsx"))
    cols, rows = table_after(wb["Trang thiết bị"], "Loại thiết bị", "Tổng cộng")
    got = {r[cols["Loại thiết bị"] - 1]: (r[cols["Cần có"] - 1], r[cols["Đang hoạt động"] - 1],
                                          r[cols["Còn thiếu"] - 1]) for r in rows}  # fmt: skip
    assert got["Máy tính để bàn"] == (7, 7, 2)  # 5 needed / 3 working, plus a line with a surplus
    assert got["Máy scan"] == (1, 3, 0)
    assert got["Tổng cộng"] == (8, 10, 2)


def test_formula_injection_stays_text(hand_db: Path, tmp_path: Path) -> None:
    doc = ReportDocumentData(period_spec="2025-07", narrative={"difficulties": '=HYPERLINK("http://x","y")\n+cmd|x'})
    wb = load_workbook(hand_report(hand_db, "2025-07", tmp_path / "inj.xlsx", doc))
    cells = {c.value: c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for text in ("=1+1", "@SUM(A1)", '=HYPERLINK("http://x","y")', "+cmd|x"):
        assert text in cells, text
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text
    assert cells["=1+1"].parent.title == "Kiến nghị" and cells["@SUM(A1)"].parent.title == "Nhân sự"


def test_write_replaces_atomically_and_reports_unwritable_folder(hand_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"old")
    hand_report(hand_db, "2025-07", target)
    assert load_workbook(target).sheetnames[0] == "Báo cáo"
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]  # no temporary file left behind

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")  # a file where the folder should be: the folder cannot be created
    with pytest.raises(UserError, match="Không ghi được tệp"):
        hand_report(hand_db, "2025-07", blocker / "r.xlsx")


# ---------------------------------------------------------------- any Report, not only the periodic one


def _report(sections: tuple[Section, ...], recipients: tuple[str, ...] = ("UBND tỉnh", "Lưu: VT")) -> Report:
    header = DocumentHeader("ỦY BAN NHÂN DÂN", "XÃ LƯỢNG MINH", "Số: 05/BC-UBND",
                            "Lượng Minh, ngày 16 tháng 7 năm 2025", "BÁO CÁO", "Thử nghiệm")  # fmt: skip
    return Report("test", header, sections, SignatureBlock("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hà Văn B"), recipients,
                  "Xã Lượng Minh", "Nghệ An", "2025-07", date(2025, 6, 15), date(2025, 7, 14))  # fmt: skip


def test_any_report_lays_out_whole(tmp_path: Path) -> None:
    table = Table("Bảng", ((HeaderCell("A"), HeaderCell("B")),), ((1, 0.25), ("x", None)), (20, 10), ("text", "pct"))
    long = " ".join(f"Đoạn văn rất dài số {i}, có dấu tiếng Việt đầy đủ." for i in range(400))
    sections = (
        Section("I. CÓ BẢNG, KHÔNG TÊN BIỂU", (long,), (table,)),
        Section("II. TÊN TRÙNG", (), (table,), sheet="Biểu 1/2: [x]"),
        Section("III. TÊN TRÙNG NỮA", (), (table,), sheet="Biểu 1 2  x"),
        Section("IV. KHÔNG CÓ BẢNG", ("- gạch đầu dòng",), (), sheet="Trống"),
    )
    wb = load_workbook(
        write_xlsx(_report(sections, ("- UBND tỉnh;", "Sở Nội vụ.", "Lưu: VT, VP")), tmp_path / "a.xlsx")
    )
    assert wb.sheetnames == ["Báo cáo", "CÓ BẢNG, KHÔNG TÊN BIỂU", "Biểu 1 2 x", "Biểu 1 2 x (2)", "Trống"]
    doc = wb["Báo cáo"]
    pieces = [c.value for row in doc.iter_rows() for c in row if isinstance(c.value, str) and "Đoạn văn" in c.value]
    assert len(pieces) > 3 and " ".join(pieces) == long  # split over rows, nothing lost
    assert all((doc.row_dimensions[r].height or 15) <= 409 for r in range(1, doc.max_row + 1))
    text = [c.value for row in doc.iter_rows() for c in row if isinstance(c.value, str)]
    assert [t for t in text if t.startswith("- ")][-3:] == ["- UBND tỉnh;", "- Sở Nội vụ;", "- Lưu: VT, VP."]
    assert text[-1] == "Hà Văn B"
    assert "- gạch đầu dòng" in text
    ws = wb["CÓ BẢNG, KHÔNG TÊN BIỂU"]
    pct = next(c for row in ws.iter_rows() for c in row if c.value == 0.25)
    assert pct.number_format == "0.0%" and ws.page_setup.orientation == "portrait"
    assert any(c.value == "(Không có nội dung trong kỳ báo cáo.)" for row in wb["Trống"].iter_rows() for c in row)
