"""Measuring and placing text for the Excel writer: row heights, column widths, a shared column grid.

Excel and LibreOffice never grow a row to fit wrapped text in merged cells, and Excel does not
recompute row heights on opening a file, so the writer sets every height itself from these
estimates. Widths are measured with the Times metrics reportlab ships (Times New Roman and the
Liberation Serif that replaces it share them), on the text with its Vietnamese marks removed:
a marked letter is as wide as its base letter.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from reportlab.pdfbase.pdfmetrics import stringWidth

from reports.model import Table

# Excel and LibreOffice count column widths in the digit width of the workbook's Normal font.
# Times New Roman 12 has 8-pixel digits at 96 dpi, a whole number, so both programs agree
# (Excel rounds the digit width to whole pixels, LibreOffice does not).
PX_PER_UNIT = 8.0
# Table.widths were chosen for 7-pixel characters (openpyxl's Calibri 11 default).
TABLE_WIDTH_SCALE = 7 / 8
CELL_PADDING_PX = 7.0  # left + right inner padding of a cell, with a little slack
PT_TO_PX = 96 / 72
MAX_CELL_TEXT = 32_767  # Excel's limit for one cell
MAX_HEADER_LINES = 4
MAX_ROW_HEIGHT = 409.0  # points: Excel's limit
# Text that a spreadsheet (or a CSV re-import) could take for a formula or a command.
_RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})
_TIMES = {
    (False, False): "Times-Roman",
    (True, False): "Times-Bold",
    (False, True): "Times-Italic",
    (True, True): "Times-BoldItalic",
}


def safe_text(text: str) -> tuple[str, bool]:
    """Text as a cell can hold it, and whether it starts like a formula (to be kept as literal text)."""
    clean = ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_TEXT]
    return clean, clean.startswith(_RISKY_START)


@lru_cache(maxsize=4096)
def _shape(text: str) -> str:
    """The text with Vietnamese marks removed; characters the Times metrics lack become an "n"."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return "".join(c if ord(c) < 0x2100 else "n" for c in bare.translate(_D_STROKE))


def text_px(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width of one line of text in pixels at 96 dpi."""
    return stringWidth(_shape(text), _TIMES[(bold, italic)], size) * PT_TO_PX


def units_px(widths: Sequence[float]) -> float:
    """Pixels taken by columns of these Excel widths."""
    return sum(w * PX_PER_UNIT for w in widths)


def line_height(size: float) -> float:
    """Points per wrapped line of Times at ``size``: ascent + descent is 1.107 em, which Excel
    rounds up to whole pixels (13 pt: 19.2 px -> 20 px = 15 pt)."""
    return round(size * 1.155 * 4) / 4


def count_lines(text: str, width_px: float, size: float, bold: bool = False, italic: bool = False) -> int:
    """Lines the text takes when wrapped at word boundaries into ``width_px`` (greedy, like Excel)."""
    room = max(width_px - CELL_PADDING_PX, 10.0)
    space = text_px(" ", size, bold, italic)
    lines = 0
    for paragraph in text.split("\n"):
        used, count = 0.0, 1
        for word in paragraph.split():
            w = text_px(word, size, bold, italic)
            if w > room:  # a word longer than the cell is broken across lines
                count += math.ceil(w / room) - (1 if used == 0 else 0)
                used = w % room
            elif used and used + space + w > room:
                count, used = count + 1, w
            else:
                used += (space if used else 0) + w
        lines += count
    return lines


def split_for_rows(text: str, width_px: float, size: float, max_lines: int) -> list[str]:
    """The text cut at word boundaries into pieces of at most ``max_lines`` wrapped lines.

    A row is at most 409 pt high in Excel; a long paragraph continues in the rows below
    instead of being cut off at the bottom of one row.
    """
    room = max(width_px - CELL_PADDING_PX, 10.0)
    space = text_px(" ", size)
    pieces: list[str] = []
    words: list[str] = []
    used, lines = 0.0, 1
    for word in text.split():
        w = text_px(word, size)
        if words and used + space + w > room:
            lines, used = lines + 1, 0.0
            if lines > max_lines:
                pieces.append(" ".join(words))
                words, lines = [], 1
        used += (space if used else 0) + w
        words.append(word)
    if words or not pieces:
        pieces.append(" ".join(words))
    return pieces


def fitted_widths(table: Table, header_size: float, body_size: float) -> list[float]:
    """The table's widths, widened where a header word or a number would not fit its column.

    Header words are never broken (a narrow 6.5-unit column still shows "Ngoại ngữ" on two lines,
    not "Ngoạ/i"), a header takes at most four lines, and a count is never shown as "###".
    """
    widths = [w * TABLE_WIDTH_SCALE for w in table.widths]
    need = [0.0] * len(widths)
    taken: set[tuple[int, int]] = set()
    for r, header_row in enumerate(table.header):
        c = 0
        for cell in header_row:
            while (r, c) in taken:
                c += 1
            taken.update((r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            if cell.colspan == 1 and c < len(need):
                words = cell.text.split() or [""]
                need[c] = max(need[c], max(text_px(w, header_size, bold=True) for w in words))
                while count_lines(cell.text, need[c] + CELL_PADDING_PX + 2, header_size, bold=True) > MAX_HEADER_LINES:
                    need[c] += PX_PER_UNIT
            c += cell.colspan
    for row in table.rows:
        for c, value in enumerate(row[: len(need)]):
            if isinstance(value, int | float) and not isinstance(value, bool) and table.kinds[c] != "pct":
                need[c] = max(need[c], text_px(f"{value:,.0f}", body_size, bold=True))
    return [max(w, (n + CELL_PADDING_PX + 2) / PX_PER_UNIT) for w, n in zip(widths, need, strict=True)]


def _misfit(wanted: float, given: float, slack: float) -> float:
    """How bad it is to give a column ``given`` units instead of ``wanted``: narrower costs triple."""
    if given < wanted - slack:
        return (wanted - slack - given) * 3
    return abs(given - wanted)


def snap_to_grid(grid: list[float], widths: Sequence[float], slack: float = 0.5) -> list[tuple[int, int]]:
    """Place a table's columns on the sheet's column grid: (first, last) grid columns, 1-based.

    A sheet has one set of columns but several tables with their own widths; each table column
    merges the run of grid columns closest to its width (a shortest path over the grid
    boundaries). The grid grows at the right when the table is wider than the grid.
    """
    if sum(widths) > sum(grid) + slack:
        grid.append(sum(widths) - sum(grid))
    bounds = [0.0]
    for w in grid:
        bounds.append(bounds[-1] + w)
    n, m = len(grid), len(widths)
    if m > n:
        raise ValueError("the table has more columns than the sheet's grid")
    inf = float("inf")
    cost = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    cost[0][0] = 0.0
    for i in range(1, m + 1):
        for g in range(i, n - (m - i) + 1):
            for prev in range(i - 1, g):
                c = cost[i - 1][prev] + _misfit(widths[i - 1], bounds[g] - bounds[prev], slack)
                if c < cost[i][g]:
                    cost[i][g], back[i][g] = c, prev
    g = min(range(m, n + 1), key=lambda k: cost[m][k])
    placed: list[tuple[int, int]] = []
    for i in range(m, 0, -1):
        prev = back[i][g]
        placed.append((prev + 1, g))
        g = prev
    return placed[::-1]


def page_capacity(widths: Sequence[float], landscape: bool, margins_mm: tuple[float, float, float, float]) -> float:
    """Points of row height one printed page holds once the sheet is scaled to the page width.

    ``margins_mm`` is (left, right, top, bottom); 1 % is kept back for rounding.
    """
    page_w, page_h = (297.0, 210.0) if landscape else (210.0, 297.0)
    left, right, top, bottom = margins_mm
    printable_px = (page_w - left - right) / 25.4 * 96
    scale = min(1.0, printable_px / max(units_px(widths), 1.0))
    return (page_h - top - bottom) / 25.4 * 72 / scale * 0.99


def page_breaks(
    heights: dict[int, float],
    last_row: int,
    capacity: float,
    blocks: Sequence[tuple[int, int]],
    repeated: float = 0.0,
) -> list[int]:
    """Rows to end a page after, so that each block (first, last row) starts on a page it fits on.

    ``repeated`` is the height of the print-title rows printed again at the top of every later
    page. Blocks longer than a page are left to the automatic breaks. Rows without a height
    count 15 pt, the sheet's default.
    """
    starts = {first: last for first, last in blocks}
    breaks: list[int] = []
    y, top = 0.0, 0.0  # top: what the current page starts with (0 on page 1)
    for row in range(1, last_row + 1):
        if row in starts and y > top:
            block = sum(heights.get(r, 15.0) for r in range(row, starts[row] + 1))
            if repeated + block <= capacity and y + block > capacity:
                breaks.append(row - 1)
                y = top = repeated
        h = heights.get(row, 15.0)
        if y + h > capacity:
            y = top = repeated
        y += h
    return breaks
