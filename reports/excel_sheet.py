"""Cell styles and the cell-writing primitive of the Excel writer.

Every cell is written through ``SheetWriter.put``: it stores the value with the right type
(numbers as numbers, user text as literal text, never as a formula), applies a named style,
merges, and records the height the row needs, since neither Excel nor LibreOffice fits the
height of wrapped text in merged cells by itself.
"""

from __future__ import annotations

import io
import math
import re
from copy import copy
from dataclasses import dataclass
from datetime import date
from functools import cache

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.drawing.image import Image
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
from openpyxl.drawing.xdr import XDRPositiveSize2D
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet
from PIL import Image as PILImage

from reports.excel_layout import MAX_ROW_HEIGHT, PX_PER_UNIT, count_lines, line_height, safe_text, text_px, units_px

FONT = "Times New Roman"  # Decree 30/2020; Excel and LibreOffice substitute a metric twin when absent
TABLE_TEXT = 11
EMU_PER_PX = 9525
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_SIDES = ("top", "left", "right", "bottom")
_DMY = re.compile(r"(\d{2})/(\d{2})/(\d{4})")


@dataclass(frozen=True)
class Spec:
    """What a named style looks like, and what the height estimate needs to know of it."""

    size: float
    bold: bool = False
    italic: bool = False
    underline: bool = False
    h: str = "center"
    v: str = "center"
    wrap: bool = True
    box: bool = False
    fmt: str = "General"
    space_after: float = 0.0  # points below the text (Decree 30: ≥ 6 pt between paragraphs)
    pad: float = 3.0  # points of a row's height beyond its lines


SPECS: dict[str, Spec] = {
    "CD Cơ quan": Spec(12),
    "CD Cơ quan đậm": Spec(12, bold=True),
    "CD Quốc hiệu": Spec(12, bold=True),
    "CD Tiêu ngữ": Spec(13, bold=True, underline=True),
    "CD Số": Spec(13),
    "CD Ngày tháng": Spec(13, italic=True),
    "CD Loại văn bản": Spec(14, bold=True),
    "CD Trích yếu": Spec(13, bold=True),
    "CD Kỳ": Spec(13, italic=True),
    "CD Đề mục": Spec(13, bold=True, h="left", space_after=3),
    "CD Đoạn": Spec(13, h="justify", v="top", space_after=6),
    # A long paragraph's rows before its last: no gap below, and the last line justified as well.
    "CD Đoạn tiếp": Spec(13, h="distributed", v="justify", pad=0),
    "CD Dẫn chiếu": Spec(12, italic=True, h="left", space_after=3),
    "CD Ký": Spec(13, bold=True),
    "CD Nơi nhận": Spec(12, bold=True, italic=True, h="left"),
    "CD Người nhận": Spec(11, h="left", v="top"),
    "CD Tên bảng": Spec(12, bold=True, h="left"),
    "CD Đơn vị tính": Spec(TABLE_TEXT, italic=True, h="right"),
    "CD Tiêu đề cột": Spec(TABLE_TEXT, bold=True, box=True),
    "CD Số thứ tự cột": Spec(TABLE_TEXT, italic=True, box=True),
    "CD Ghi chú": Spec(TABLE_TEXT, italic=True, h="left"),
}
for _bold in (False, True):
    _b = " đậm" if _bold else ""
    SPECS |= {
        f"CD Ô chữ{_b}": Spec(TABLE_TEXT, bold=_bold, h="left", box=True),
        f"CD Ô giữa{_b}": Spec(TABLE_TEXT, bold=_bold, box=True),
        f"CD Ô số{_b}": Spec(TABLE_TEXT, bold=_bold, h="right", wrap=False, box=True, fmt="#,##0"),
        f"CD Ô tỷ lệ{_b}": Spec(TABLE_TEXT, bold=_bold, h="right", wrap=False, box=True, fmt="0.0%"),
        f"CD Ô ngày{_b}": Spec(TABLE_TEXT, bold=_bold, wrap=False, box=True, fmt="dd/mm/yyyy"),
    }


def register_styles(wb: Workbook) -> None:
    """Add the named styles, and make Times New Roman 12 the workbook's Normal font.

    Column widths are counted in the Normal font's digit width (see excel_layout.PX_PER_UNIT).
    With openpyxl's Calibri default, LibreOffice on a machine without Calibri (or Carlito) falls
    back to DejaVu Sans and draws every column a third wider than Excel does. openpyxl has no
    public setter for the default font, so its two private holders are replaced.
    """
    base = Font(name=FONT, size=12)
    wb._fonts = IndexedList([base])  # index 0 is the workbook's default font
    wb._named_styles["Normal"].font = base
    for name, s in SPECS.items():
        font = Font(name=FONT, size=s.size, bold=s.bold, italic=s.italic, underline="single" if s.underline else None)
        wb.add_named_style(
            NamedStyle(
                name=name,
                font=font,
                alignment=Alignment(horizontal=s.h, vertical=s.v, wrap_text=s.wrap),
                border=_BOX if s.box else Border(),
                number_format=s.fmt,
            )
        )


def cell_style(kind: str, value: object, bold: bool) -> str:
    """The named style of a table cell from its column kind and value."""
    b = " đậm" if bold else ""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if kind in ("int", "pct") and (number or value in (None, "")):
        return f"CD Ô số{b}" if kind == "int" else f"CD Ô tỷ lệ{b}"
    if kind == "date":
        return f"CD Ô ngày{b}"
    return f"CD Ô giữa{b}" if number or kind in ("int", "pct") else f"CD Ô chữ{b}"


def assign(cell: Cell, value: object, kind: str = "") -> bool:
    """Numbers as numbers, dd/mm/yyyy in date columns as dates, everything else as literal text.

    Returns whether the text starts like a formula, so the caller marks it with a quote prefix.
    """
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return False  # no cell can hold NaN or infinity: left empty, as "no figure"
        cell.value = value
        return False
    text, risky = safe_text(str(value))
    if kind == "date" and (m := _DMY.fullmatch(text.strip())):
        try:
            cell.value = date(int(m[3]), int(m[2]), int(m[1]))
            return False
        except ValueError:
            pass
    cell.value = text
    cell.data_type = "s"  # never "f", whatever the text starts with
    return risky


@cache
def _line_png_bytes() -> bytes:
    """The rule's picture, made once (PIL's first save loads its plugins: ≈ 10 ms of a report)."""
    buf = io.BytesIO()
    PILImage.new("L", (8, 1), 0).save(buf, format="PNG")
    return buf.getvalue()


def _line_png() -> io.BytesIO:
    return io.BytesIO(_line_png_bytes())


class SheetWriter:
    """Writes styled, merged cells on a column grid and keeps the height each row needs."""

    def __init__(self, ws: Worksheet, widths: list[float]) -> None:
        self.ws, self.widths = ws, widths
        self.heights: dict[int, float] = {}
        self._fixed: dict[int, float] = {}
        self._spans: list[tuple[int, int, float]] = []
        ws.sheet_view.showGridLines = False
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = round(w, 2)

    def put(self, row: int, c1: int, c2: int, value: object, style: str, *, rows: int = 1, kind: str = "") -> Cell:
        """One value in a cell merged over columns c1..c2 and ``rows`` rows, styled and measured."""
        cell = self.ws.cell(row, c1)
        risky = assign(cell, value, kind)
        cell.style = style
        if risky:
            cell.quotePrefix = True  # Excel's leading apostrophe: the text stays text when edited
        if c2 > c1 or rows > 1:
            self._merge(cell, row + rows - 1, c2)
        spec = SPECS[style]
        text = "" if cell.value is None else str(cell.value)
        width = units_px(self.widths[c1 - 1 : c2])
        lines = count_lines(text, width, spec.size, spec.bold, spec.italic) if text and spec.wrap else 1
        need = lines * line_height(spec.size) + spec.pad + spec.space_after
        if rows == 1:
            self.heights[row] = max(self.heights.get(row, 0.0), need)
        else:
            self._spans.append((row, rows, need))
        return cell

    def _merge(self, start: Cell, last_row: int, last_col: int) -> None:
        """``ws.merge_cells`` from ``start`` to (last_row, last_col), with the same cells and borders, faster.

        openpyxl's merge gives every edge cell its border by adding one Border per side and copies the
        protection into every cell, each time looking the new style up by hashing it: more than half of
        writing a monthly report (bench/run_all.py monthly_xlsx). Here each edge cell gets its finished
        border in one assignment, from a few Border objects made once per merge, and a default protection
        is left as it is (tests/test_excel_fast_merge.py compares the cells with openpyxl's merge).
        """
        ws, r1, c1 = self.ws, start.row, start.column
        ws.merged_cells.add(MergedCellRange(ws, f"{start.coordinate}:{get_column_letter(last_col)}{last_row}"))
        sides = {name: side for name in _SIDES if (side := getattr(start.border, name)) is not None and side.style}
        protection = start.protection if start.has_style and start._style.protectionId else None
        borders: dict[tuple[str, ...], Border] = {}
        for r in range(r1, last_row + 1):
            for c in range(c1, last_col + 1):
                if r == r1 and c == c1:
                    continue
                cell = ws._cells[(r, c)] = MergedCell(ws, row=r, column=c)
                if protection is not None:
                    cell.protection = copy(protection)
                at = (r == r1, c == c1, c == last_col, r == last_row)  # top, left, right, bottom
                on = tuple(n for n, edge in zip(_SIDES, at, strict=True) if edge and n in sides)
                if on:
                    if on not in borders:
                        # openpyxl's sum keeps the default border's empty sides: the same XML
                        empty = {n: Side() for n in ("left", "right", "top", "bottom", "diagonal")}
                        borders[on] = Border(**(empty | {n: sides[n] for n in on}))
                    cell.border = borders[on]

    def rule(self, row: int, c1: int, c2: int, under: str, size: float, fraction: float = 0.4) -> None:
        """Decree 30's short rule, centred in columns c1..c2 under text ``under``, on a thin row.

        Cell borders can only follow whole columns, too coarse on a table grid, so the rule is a
        one-pixel line picture placed to the pixel.
        """
        left = units_px(self.widths[: c1 - 1])
        span = units_px(self.widths[c1 - 1 : c2])
        length = max(min(text_px(under, size, bold=True), span) * fraction, 24.0)
        x = left + (span - length) / 2
        col, acc = 0, 0.0
        while col < len(self.widths) - 1 and acc + self.widths[col] * PX_PER_UNIT <= x:
            acc += self.widths[col] * PX_PER_UNIT
            col += 1
        img = Image(_line_png())
        img.width, img.height = round(length), 1
        marker = AnchorMarker(col=col, colOff=round((x - acc) * EMU_PER_PX), row=row - 1, rowOff=2 * EMU_PER_PX)
        img.anchor = OneCellAnchor(_from=marker, ext=XDRPositiveSize2D(round(length) * EMU_PER_PX, EMU_PER_PX))
        self.ws.add_image(img)
        self._fixed[row] = 6.0

    def finish(self) -> dict[int, float]:
        """Set every row's height (rows under a tall row-spanning cell share what it lacks)."""
        default = line_height(TABLE_TEXT) + 3
        for row, rows, need in self._spans:
            have = sum(self.heights.get(r, default) for r in range(row, row + rows))
            if need > have:
                last = row + rows - 1
                self.heights[last] = self.heights.get(last, default) + need - have
        self.heights.update(self._fixed)
        for row, h in self.heights.items():
            self.ws.row_dimensions[row].height = round(min(h, MAX_ROW_HEIGHT), 2)
        return self.heights
