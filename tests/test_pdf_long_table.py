"""A long table is cut into pages by PagedTable exactly as ReportLab's own split cuts it (in linear time).

The same table is written twice, once through PagedTable and once as one ReportLab Table (the
threshold raised); the text of every page must be the same: the same rows on the same pages, under
the repeated two-level header.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph, SimpleDocTemplate

from reports import pdf_long_table
from reports.model import HeaderCell, Table
from reports.pdf_fonts import report_fonts
from reports.pdf_long_table import PagedTable
from reports.pdf_styles import PORTRAIT_FRAME_WIDTH, make_styles, table_flowables


def _table(rows: int) -> Table:
    body = tuple(
        (
            i,
            f"Xã thử nghiệm số {i}" + (" có tên dài phải xuống dòng trong ô của bảng" if i % 7 == 0 else ""),
            i * 3,
            i % 11,
            (i % 100) / 100,
        )
        for i in range(1, rows + 1)
    )
    return Table(
        title="Bảng dài thử nghiệm",
        header=(
            (HeaderCell("STT", rowspan=2), HeaderCell("Đơn vị", rowspan=2), HeaderCell("Hồ sơ", colspan=3)),
            (HeaderCell("Tiếp nhận"), HeaderCell("Quá hạn"), HeaderCell("Tỷ lệ")),
        ),
        rows=body,
        widths=(5, 30, 10, 10, 10),
        kinds=("int", "text", "int", "int", "pct"),
        bold_rows=frozenset({rows - 1}),
        column_numbers=True,
        unit_note="Đơn vị tính: hồ sơ",
        notes=("Ghi chú: số liệu thử nghiệm.",),
    )


def _pages(table: Table, path: Path) -> list[str]:
    st = make_styles(report_fonts())
    story = [Paragraph("Mở đầu", st.body), *table_flowables(table, st, PORTRAIT_FRAME_WIDTH)]
    SimpleDocTemplate(str(path)).build(story)
    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.mark.parametrize("rows", [151, 420])
def test_paged_table_pages_match_reportlabs_own_split(
    rows: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = _table(rows)
    st = make_styles(report_fonts())
    assert any(isinstance(f, PagedTable) for f in table_flowables(table, st, PORTRAIT_FRAME_WIDTH))
    paged = _pages(table, tmp_path / "paged.pdf")

    monkeypatch.setattr(pdf_long_table, "LONG_TABLE_ROWS", 10**9)
    assert not any(isinstance(f, PagedTable) for f in table_flowables(table, st, PORTRAIT_FRAME_WIDTH))
    plain = _pages(table, tmp_path / "plain.pdf")

    assert len(paged) > 3
    assert paged == plain
    for text in paged[1:-1]:  # a page in the middle: the header repeated above its rows
        assert "Tiếp nhận" in text and "Quá hạn" in text
    assert f"Xã thử nghiệm số {rows}" in paged[-1]


def test_a_short_table_stays_one_reportlab_table() -> None:
    st = make_styles(report_fonts())
    flowables = table_flowables(_table(20), st, PORTRAIT_FRAME_WIDTH)
    assert not any(isinstance(f, PagedTable) for f in flowables)
