"""The report as an Excel workbook: the document on the first sheet, each table section on its own sheet.

Only lays out what the Report holds (reports/model.py), so Excel and PDF never disagree on a
figure. Counts are stored as numbers, because the province sums the communes' sheets; text that
came from users is always stored as text, never as a formula. openpyxl's normal mode, not
write_only: merged cells, pictures and print titles need it, and the sheets hold a few hundred
rows at most.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from reports.excel_layout import fitted_widths, page_breaks, page_capacity, snap_to_grid, split_for_rows, units_px
from reports.excel_sheet import FONT, TABLE_TEXT, SheetWriter, cell_style, register_styles
from reports.files import build_atomically
from reports.model import DocumentHeader, Report, Section, Table

DOCUMENT_SHEET = "Báo cáo"
DOC_WIDTHS = (9.4,) * 8  # 8 × 75 px ≈ 159 mm: A4 portrait less the 30 mm / 20 mm side margins
PARAGRAPH_ROW_LINES = 12  # a longer paragraph continues in the next row: rows stop at 409 pt, and a
# page can only break between rows
MM = 1 / 25.4
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_NUMERAL = re.compile(r"^[IVXLC]+\.\s*")

Progress = Callable[[int, int], None]


def _margins(landscape: bool) -> tuple[float, float, float, float]:
    """(left, right, top, bottom) in mm, Decree 30 (REFERENCE.md §8); wide tables get the narrower right."""
    return (30.0, 15.0 if landscape else 20.0, 20.0, 20.0)


def _official_header(
    s: SheetWriter, h: DocumentHeader, left: tuple[int, int], right: tuple[int, int], full: bool
) -> int:
    """The two-column header of Decree 30; returns the next free row."""
    (l1, l2), (r1, r2) = left, right
    s.put(1, l1, l2, h.parent_agency, "CD Cơ quan")
    s.put(1, r1, r2, h.motto_1, "CD Quốc hiệu")
    s.put(2, l1, l2, h.issuing_body, "CD Cơ quan đậm")
    s.put(2, r1, r2, h.motto_2, "CD Tiêu ngữ")
    s.rule(3, l1, l2, h.issuing_body, 12)
    if not full:
        return 5
    s.put(4, l1, l2, h.number_line, "CD Số")
    s.put(4, r1, r2, h.place_date, "CD Ngày tháng")
    return 6


def _split_columns(widths: list[float]) -> tuple[tuple[int, int], tuple[int, int]]:
    """Left block ≈ 40 % of the sheet width, the right block the rest (neither empty)."""
    total, acc, split = sum(widths), 0.0, 1
    for i, w in enumerate(widths, start=1):
        if acc + w / 2 > total * 0.4:
            break
        acc, split = acc + w, i
    split = min(max(split, 1), len(widths) - 1)
    return (1, split), (split + 1, len(widths))


def recipient_lines(recipients: tuple[str, ...]) -> list[str]:
    """ "- UBND tỉnh;" one per line, the last closed with a full stop (Decree 30)."""
    items = [r.strip().lstrip("-–•").strip().rstrip(";.,").strip() for r in recipients]
    items = [i for i in items if i]
    return [f"- {item}{'.' if n == len(items) - 1 else ';'}" for n, item in enumerate(items)]


def _document_sheet(ws: Worksheet, report: Report, sheet_of: dict[int, str]) -> None:
    s = SheetWriter(ws, list(DOC_WIDTHS))
    h, last = report.header, len(DOC_WIDTHS)
    row = _official_header(s, h, (1, 3), (4, last), full=True)
    s.put(row, 1, last, h.doc_type, "CD Loại văn bản")
    s.put(row + 1, 1, last, h.summary, "CD Trích yếu")
    s.rule(row + 2, 1, last, h.summary, 13, fraction=1 / 3)
    row += 3
    if h.period_line:
        s.put(row, 1, last, h.period_line, "CD Kỳ")
        row += 1
    row += 1
    keep: list[tuple[int, int]] = []  # a heading stays with its first paragraph
    for i, section in enumerate(report.sections):
        keep.append((row, row + min(len(section.paragraphs), 1)))
        s.put(row, 1, last, section.heading, "CD Đề mục")
        row += 1
        for paragraph in section.paragraphs:
            pieces = split_for_rows(paragraph, units_px(DOC_WIDTHS), 13, PARAGRAPH_ROW_LINES)
            for n, piece in enumerate(pieces, start=1):
                s.put(row, 1, last, piece, "CD Đoạn" if n == len(pieces) else "CD Đoạn tiếp")
                row += 1
        if i in sheet_of:
            name = sheet_of[i]
            cell = s.put(row, 1, last, f"(Số liệu chi tiết tại biểu «{name}» kèm theo.)", "CD Dẫn chiếu")
            quoted = name.replace("'", "''")
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!A1", display=str(cell.value))
            row += 1
    row += 1
    sig, lines = report.signature, recipient_lines(report.recipients)
    s.put(row, 1, 3, "Nơi nhận:", "CD Nơi nhận")
    s.put(row, 4, last, sig.authority, "CD Ký")
    s.put(row + 1, 4, last, sig.title, "CD Ký")
    for r in range(row + 2, row + 6):  # room for the signature and the seal
        s.heights[r] = 20.0
    s.put(row + 6, 4, last, sig.name, "CD Ký")
    for n, line in enumerate(lines, start=1):
        s.put(row + n, 1, 3, line, "CD Người nhận")
    end = max(row + 6, row + len(lines))
    # The signature block is never split, nor alone on its page: the last lines above go with it.
    keep.append((max(keep[-1][0], row - 3) if keep else row, end))
    heights = s.finish()
    capacity = page_capacity(DOC_WIDTHS, False, _margins(False))
    for after in page_breaks(heights, end, capacity, keep):
        ws.row_breaks.append(Break(id=after))
    _page_setup(ws, landscape=False)


def _write_table(s: SheetWriter, row: int, t: Table, cols: list[tuple[int, int]], title: bool) -> tuple[int, int, int]:
    """A table at ``row``; returns (first header row, last header row, next free row)."""
    end = cols[-1][1]
    if title and t.title:
        s.put(row, 1, end, t.title, "CD Tên bảng")
        row += 1
    if t.unit_note:
        s.put(row, 1, end, t.unit_note, "CD Đơn vị tính")
        row += 1
    top = row
    taken: set[tuple[int, int]] = set()
    for r, header_row in enumerate(t.header):
        c = 0
        for hc in header_row:
            while (r, c) in taken:
                c += 1
            taken.update((r + dr, c + dc) for dr in range(hc.rowspan) for dc in range(hc.colspan))
            s.put(row + r, cols[c][0], cols[c + hc.colspan - 1][1], hc.text, "CD Tiêu đề cột", rows=hc.rowspan)
            c += hc.colspan
    row += len(t.header)
    if t.column_numbers:
        for i, (c1, c2) in enumerate(cols, start=1):
            s.put(row, c1, c2, f"({i})", "CD Số thứ tự cột")
        row += 1
    header_end = row - 1
    for i, values in enumerate(t.rows):
        padded = (*values, *([None] * (len(cols) - len(values))))
        for j, (c1, c2) in enumerate(cols):
            s.put(row, c1, c2, padded[j], cell_style(t.kinds[j], padded[j], i in t.bold_rows), kind=t.kinds[j])
        row += 1
    for note in t.notes:
        s.put(row, 1, end, note, "CD Ghi chú")
        row += 1
    return top, header_end, row


def _table_sheet(ws: Worksheet, report: Report, section: Section) -> None:
    fitted = [fitted_widths(t, TABLE_TEXT, TABLE_TEXT) for t in section.tables]
    grid = list(max(fitted, key=len)) if fitted else [5.0, 45.0, 15.0, 15.0, 15.0]
    if len(grid) < 2:  # the header needs a left and a right block
        grid.append(max(40.0 - grid[0], 10.0))
    placements = [snap_to_grid(grid, w) for w in fitted]  # may widen the grid: place all before writing
    s = SheetWriter(ws, grid)
    h = report.header
    left, right = _split_columns(grid)
    row = _official_header(s, h, left, right, full=False)
    title = _NUMERAL.sub("", section.heading).strip().upper()
    s.put(row, 1, len(grid), title, "CD Trích yếu")
    row += 1
    if h.period_line:
        s.put(row, 1, len(grid), h.period_line, "CD Kỳ")
        row += 1
    row += 1
    spans: list[tuple[int, int, int, int]] = []  # (title row, first and last header row, last row)
    for t, cols in zip(section.tables, placements, strict=True):
        first = row
        top, header_end, row = _write_table(s, row, t, cols, title=t.title.strip().upper() != title)
        spans.append((first, top, header_end, row - 1))
        row += 1
    if not section.tables:
        s.put(row, 1, len(grid), "(Không có nội dung trong kỳ báo cáo.)", "CD Ghi chú")
    heights = s.finish()
    landscape = any(t.landscape for t in section.tables)
    capacity = page_capacity(grid, landscape, _margins(landscape))
    if len(spans) == 1:
        # One table: its header stays on screen and is printed again on every page, and its last
        # rows (the total) never stand alone on the last page.
        _, top, header_end, last = spans[0]
        ws.freeze_panes = ws.cell(header_end + 1, 1)
        ws.print_title_rows = f"{top}:{header_end}"
        tail = max(header_end + 1, last - len(section.tables[0].notes) - 2)
        repeated = _height(heights, top, header_end)
        for after in page_breaks(heights, last, capacity, [(tail, last)], repeated):
            ws.row_breaks.append(Break(id=after))
    elif spans:
        # Several tables: no one header belongs above all rows (repeating one would mislead), so
        # each table starts on a fresh page when it would not fit whole on the current one.
        keep = [(first, last if _height(heights, first, last) <= capacity else min(header_end + 3, last))
                for first, _, header_end, last in spans]  # fmt: skip
        for after in page_breaks(heights, spans[-1][3], capacity, keep):
            ws.row_breaks.append(Break(id=after))
    _page_setup(ws, landscape)


def _height(heights: dict[int, float], first: int, last: int) -> float:
    return sum(heights.get(r, 15.0) for r in range(first, last + 1))


def _page_setup(ws: Worksheet, landscape: bool) -> None:
    """A4, fit to the page width, Decree 30 margins, "Trang x/y" in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    left, right, top, bottom = (m * MM for m in _margins(landscape))
    ws.page_margins = PageMargins(left=left, right=right, top=top, bottom=bottom, header=8 * MM, footer=8 * MM)
    ws.print_options.horizontalCentered = True
    footer = ws.oddFooter.center
    footer.text, footer.font, footer.size = "Trang &P/&N", f"{FONT},Regular", 11


def _sheet_name(wanted: str, used: set[str]) -> str:
    """A valid, unique sheet name: none of []:*?/\\, at most 31 characters."""
    base = " ".join(_BAD_SHEET_CHARS.sub(" ", wanted).split()).strip("'")[:31].strip() or "Biểu"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


def write_xlsx(report: Report, path: Path, *, progress: Progress | None = None) -> Path:
    """Write the report to ``path``; an existing file is replaced only once the new one is complete.

    ``progress(done, total)`` is called after each sheet and after saving.
    """
    path = Path(path)
    wb = Workbook()
    register_styles(wb)
    used = {DOCUMENT_SHEET.lower()}
    sheet_of = {
        i: _sheet_name(sec.sheet or _NUMERAL.sub("", sec.heading), used)
        for i, sec in enumerate(report.sections)
        if sec.sheet or sec.tables
    }
    total = len(sheet_of) + 2  # the document, each table sheet, saving
    if progress:
        progress(0, total)
    doc = wb.active
    doc.title = DOCUMENT_SHEET
    _document_sheet(doc, report, sheet_of)
    if progress:
        progress(1, total)
    for done, (i, name) in enumerate(sheet_of.items(), start=2):
        _table_sheet(wb.create_sheet(name), report, report.sections[i])
        if progress:
            progress(done, total)
    wb.properties.title = f"{report.header.doc_type} {report.header.summary}"[:250]
    wb.properties.creator = "Commune Desk"
    _save(wb, path)
    if progress:
        progress(total, total)
    return path


def _save(wb: Workbook, path: Path) -> None:
    """Save beside the target and swap it in, so a failure never leaves half a file behind."""
    build_atomically(path, wb.save)
