"""Page geometry, text styles and table layout of the PDF reports (Decree 30/2020, REFERENCE.md §8).

Sizes are chosen inside the decree's ranges: body 14 pt, header lines 13 pt, tables 10–11 pt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import Table as PdfTable

from reports import pdf_long_table
from reports.model import Cell, HeaderCell, Table
from reports.pdf_fonts import FontFamily
from reports.vn_text import vn_int, vn_pct

PORTRAIT = A4
LANDSCAPE = landscape(A4)
# Decree 30: top/bottom 20–25 mm, left 30–35 mm (binding edge), right 15–20 mm. Landscape pages keep
# the binding edge on their left, as the brief for the writer asks.
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
PORTRAIT_FRAME_WIDTH = PORTRAIT[0] - MARGIN_LEFT - MARGIN_RIGHT
LANDSCAPE_FRAME_WIDTH = LANDSCAPE[0] - MARGIN_LEFT - MARGIN_RIGHT

BODY_SIZE = 14
HEADER_SIZE = 13
PAGE_NUMBER_SIZE = 13
TABLE_SIZE = 11
TABLE_HEADER_SIZE = 10
TABLE_MIN_SIZE = 7.5  # a header word too long for its column shrinks down to this, never below
CELL_PAD = 2.5  # points left/right inside a table cell
SIGNATURE_SPACE = 28 * mm  # room for the handwritten signature and the seal


def markup(text: str) -> str:
    """Text for a Paragraph: XML-escaped, and runs of spaces kept (the blanks left to fill by hand)."""
    out = escape(text)
    while "  " in out:
        out = out.replace("  ", "&nbsp; ")
    return out.replace("\n", "<br/>")


@dataclass(frozen=True)
class ReportStyles:
    """Every paragraph style the writer uses, all in the report family (no base-14 font can sneak in)."""

    fonts: FontFamily
    body: ParagraphStyle
    heading: ParagraphStyle
    doc_type: ParagraphStyle
    summary: ParagraphStyle
    period: ParagraphStyle
    header_left: ParagraphStyle
    header_left_bold: ParagraphStyle
    header_right_bold: ParagraphStyle
    motto: ParagraphStyle
    place_date: ParagraphStyle
    table_title: ParagraphStyle
    unit_note: ParagraphStyle
    table_note: ParagraphStyle
    cell_left: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_header: ParagraphStyle
    cell_number_row: ParagraphStyle
    signer: ParagraphStyle
    recipients_title: ParagraphStyle
    recipient: ParagraphStyle

    def cell(self, align: str, bold: bool = False) -> ParagraphStyle:
        """A body-cell style; bold rows (totals) get the bold face."""
        base = {"left": self.cell_left, "center": self.cell_center, "right": self.cell_right}[align]
        if not bold:
            return base
        return ParagraphStyle(f"{base.name}-bold", parent=base, fontName=self.fonts.bold)


def make_styles(fonts: FontFamily) -> ReportStyles:
    """The styles for one family (Times New Roman or Liberation Serif)."""
    r, b, i, bi = fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic

    def style(name: str, font: str, size: float, align: int = TA_LEFT, **kw: object) -> ParagraphStyle:
        kw.setdefault("leading", size * 1.2)
        return ParagraphStyle(name, fontName=font, fontSize=size, alignment=align, **kw)  # type: ignore[arg-type]

    center = TA_CENTER
    return ReportStyles(
        fonts=fonts,
        body=style("body", r, BODY_SIZE, TA_JUSTIFY, firstLineIndent=1 * cm, spaceBefore=0, spaceAfter=6),
        heading=style("heading", b, BODY_SIZE, TA_JUSTIFY, firstLineIndent=1 * cm, spaceBefore=6, spaceAfter=6),
        doc_type=style("doc_type", b, BODY_SIZE, center, spaceBefore=18),
        summary=style("summary", b, BODY_SIZE, center),
        period=style("period", i, BODY_SIZE, center, spaceAfter=12),
        header_left=style("header_left", r, HEADER_SIZE, center),
        header_left_bold=style("header_left_bold", b, HEADER_SIZE, center),
        header_right_bold=style("header_right_bold", b, HEADER_SIZE, center),
        motto=style("motto", b, BODY_SIZE, center),
        place_date=style("place_date", i, BODY_SIZE, center),
        table_title=style("table_title", b, 12, center, spaceBefore=6, spaceAfter=2),
        unit_note=style("unit_note", i, TABLE_SIZE, TA_RIGHT, spaceAfter=2),
        table_note=style("table_note", i, TABLE_SIZE, TA_JUSTIFY, spaceBefore=1, leading=TABLE_SIZE * 1.15),
        cell_left=style("cell_left", r, TABLE_SIZE, leading=TABLE_SIZE * 1.15),
        cell_center=style("cell_center", r, TABLE_SIZE, center, leading=TABLE_SIZE * 1.15),
        cell_right=style("cell_right", r, TABLE_SIZE, TA_RIGHT, leading=TABLE_SIZE * 1.15),
        cell_header=style("cell_header", b, TABLE_HEADER_SIZE, center, leading=TABLE_HEADER_SIZE * 1.1),
        cell_number_row=style("cell_number_row", i, TABLE_HEADER_SIZE, center),
        signer=style("signer", b, BODY_SIZE, center),
        recipients_title=style("recipients_title", bi, 12),
        recipient=style("recipient", r, 11, leading=13),
    )


# --- Tables ------------------------------------------------------------------------------------------


def cell_text(value: Cell, kind: str) -> str:
    """A value as printed: 1.234 for counts, 83,8% for rates (formatting only, never arithmetic)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if kind == "pct" and isinstance(value, int | float):
        return vn_pct(value)
    if isinstance(value, int):
        return vn_int(value)
    if isinstance(value, float):
        if value.is_integer():
            return vn_int(int(value))
        return f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return str(value)


def header_grid(table: Table) -> tuple[list[list[HeaderCell | None]], list[tuple[int, int, int, int]]]:
    """The header as a full grid (None under a span) and the spans as (col0, row0, col1, row1)."""
    n = table.column_count
    taken: set[tuple[int, int]] = set()
    grid: list[list[HeaderCell | None]] = [[None] * n for _ in table.header]
    spans: list[tuple[int, int, int, int]] = []
    for r, header_row in enumerate(table.header):
        c = 0
        for cell in header_row:
            while (r, c) in taken:
                c += 1
            if c >= n:
                raise ValueError(f"header row {r} of “{table.title}” is wider than its {n} columns")
            grid[r][c] = cell
            taken.update((r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            if cell.colspan > 1 or cell.rowspan > 1:
                spans.append((c, r, c + cell.colspan - 1, r + cell.rowspan - 1))
            c += cell.colspan
    return grid, spans


def _longest_word(text: str, font: str, size: float) -> float:
    return max((stringWidth(w, font, size) for w in text.split()), default=0.0)


def column_widths(table: Table, st: ReportStyles, frame_width: float) -> list[float]:
    """Table.widths scaled to the frame, then widened where a word cannot fit, taken from roomy columns.

    Words are never broken inside a cell (reportlab would let them overflow the grid).
    """
    f = st.fonts
    total = sum(table.widths) or 1.0
    widths = [frame_width * w / total for w in table.widths]
    need = [
        stringWidth(f"({c + 1})", f.italic, TABLE_HEADER_SIZE) if table.column_numbers else 0.0
        for c in range(len(widths))
    ]
    grid, _ = header_grid(table)
    for row in grid:
        for c, cell in enumerate(row):
            if cell is not None and cell.colspan == 1:
                need[c] = max(need[c], _longest_word(cell.text, f.bold, TABLE_HEADER_SIZE))
    for r, row in enumerate(table.rows):
        font = f.bold if r in table.bold_rows else f.regular
        for c, value in enumerate(row[: len(need)]):
            text = cell_text(value, table.kinds[c])
            # Numbers and dates stay on one line; text may wrap between words.
            w = (
                stringWidth(text, font, TABLE_SIZE)
                if table.kinds[c] != "text"
                else _longest_word(text, font, TABLE_SIZE)
            )
            need[c] = max(need[c], w)
    need = [n + 2 * CELL_PAD + 0.5 for n in need]
    short = sum(max(n - w, 0.0) for w, n in zip(widths, need, strict=True))
    slack = sum(max(w - n, 0.0) for w, n in zip(widths, need, strict=True))
    if short <= 0 or slack <= 0:
        return widths
    moved = min(short, slack)
    return [
        w + (n - w) * moved / short if n > w else w - (w - n) * moved / slack for w, n in zip(widths, need, strict=True)
    ]


def fits_unwrapped(table: Table, st: ReportStyles, width: float) -> bool:
    """Whether every body cell stays on one line when the table is ``width`` wide."""
    total = sum(table.widths) or 1.0
    rooms = [width * w / total - 2 * CELL_PAD for w in table.widths]
    f = st.fonts
    for r, row in enumerate(table.rows):
        font = f.bold if r in table.bold_rows else f.regular
        for c, value in enumerate(row[: len(rooms)]):
            if stringWidth(cell_text(value, table.kinds[c]), font, TABLE_SIZE) > rooms[c]:
                return False
    return True


def _fitted(text: str, style: ParagraphStyle, room: float) -> ParagraphStyle:
    """The style, shrunk (not below TABLE_MIN_SIZE) when a single word is wider than the cell."""
    widest = _longest_word(text, style.fontName, style.fontSize)
    if widest <= room or widest == 0:
        return style
    size = max(TABLE_MIN_SIZE, style.fontSize * room / widest)
    return ParagraphStyle(f"{style.name}-{size:.1f}", parent=style, fontSize=size, leading=size * 1.15)


def _align(table: Table, c: int) -> str:
    if table.kinds[c] in ("int", "pct"):
        return "right"
    if table.kinds[c] == "date" or (c == 0 and table.header and table.header[0][0].text == "STT"):
        return "center"
    return "left"


def _caption(table: Table, st: ReportStyles, frame_width: float) -> list[Flowable]:
    """The title centred and the unit note on the right: on one line when both fit, as printed forms do."""
    title = Paragraph(markup(table.title), st.table_title) if table.title else None
    unit = Paragraph(markup(table.unit_note), st.unit_note) if table.unit_note else None
    if title is None or unit is None:
        return [f for f in (title, unit) if f is not None]
    f = st.fonts
    side = stringWidth(table.unit_note, f.italic, st.unit_note.fontSize) + 6
    if stringWidth(table.title, f.bold, st.table_title.fontSize) + 12 > frame_width - 2 * side:
        return [title, unit]
    row = PdfTable([["", title, unit]], colWidths=[side, frame_width - 2 * side, side])
    row.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), f.regular),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            *((p, (0, 0), (-1, -1), 0) for p in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING")),
            ("BOTTOMPADDING", (0, 0), (-1, -1), st.unit_note.spaceAfter),
        ]
    )
    return [row]


def table_flowables(table: Table, st: ReportStyles, frame_width: float) -> list[Flowable]:
    """Title, unit note, the grid (header rows repeated on every page it spans) and the notes."""
    widths = column_widths(table, st, frame_width)
    grid, spans = header_grid(table)
    rows: list[list[Any]] = []
    for header_row in grid:
        cells: list[Any] = []
        for c, cell in enumerate(header_row):
            if cell is None:
                cells.append("")
                continue
            room = sum(widths[c : c + cell.colspan]) - 2 * CELL_PAD
            cells.append(Paragraph(markup(cell.text), _fitted(cell.text, st.cell_header, room)))
        rows.append(cells)
    if table.column_numbers:
        rows.append([Paragraph(f"({c + 1})", st.cell_number_row) for c in range(table.column_count)])
    head = len(rows)
    styles = [st.cell(_align(table, c)) for c in range(table.column_count)]
    bold_styles = [st.cell(_align(table, c), bold=True) for c in range(table.column_count)]
    for r, row in enumerate(table.rows):
        chosen = bold_styles if r in table.bold_rows else styles
        rows.append(
            [Paragraph(markup(cell_text(v, table.kinds[c])), chosen[c]) for c, v in enumerate(row[: len(widths)])]
        )
    grid_style = [
        ("FONTNAME", (0, 0), (-1, -1), st.fonts.regular),  # for the empty strings under spans
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        *(("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spans),
    ]
    grid_table: Flowable
    if len(table.rows) >= pdf_long_table.LONG_TABLE_ROWS:  # ReportLab's own page split is quadratic
        grid_table = pdf_long_table.PagedTable(rows[:head], rows[head:], widths, grid_style)
    else:
        grid_table = PdfTable(rows, colWidths=widths, repeatRows=head, hAlign="CENTER")
        grid_table.setStyle(grid_style)
    out = _caption(table, st, frame_width)
    for f in out:
        f.keepWithNext = True
    out.append(grid_table)
    out += [Paragraph(markup(note), st.table_note) for note in table.notes]
    return out
