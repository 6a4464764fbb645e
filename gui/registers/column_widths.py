"""Column widths from the texts a column shows, so registers fit beside their form at 1366 px.

QTableView.resizeColumnsToContents sizes every header for a sort arrow plus generous margins,
which at 1366 px pushes the figures a clerk looks for off the right edge. Here a column is as
wide as its widest text: the cells of the first rows, or the longest line of its header plus
room for the sort arrow; long texts are capped (the tooltip shows them whole).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

SAMPLE_ROWS = 40  # rows measured: enough to see typical texts, fast on a 100,000-row register
HEADER_ROOM = 24  # the header's margins and the sort arrow (Fusion: ~22 px) beside its text
CELL_ROOM = 2  # a little air after a cell's text (the delegate has its own margins)
DEFAULT_CAP = 320


def header_text_width(table: QTableView, column: int) -> int:
    """Width of the longest line of a column's header (headers may be two lines: "Số ngày\\nchờ")."""
    title = str(table.model().headerData(column, Qt.Orientation.Horizontal) or "")
    metrics = table.horizontalHeader().fontMetrics()
    return max((metrics.horizontalAdvance(line) for line in title.splitlines()), default=0)


def fit_to_texts(table: QTableView, caps: dict[int, int] | None = None, default_cap: int = DEFAULT_CAP) -> None:
    """Size every column to its widest text (first rows and header), capped by ``caps`` or ``default_cap``."""
    caps = caps or {}
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(SAMPLE_ROWS)
    for col in range(header.count()):
        width = max(table.sizeHintForColumn(col) + CELL_ROOM, header_text_width(table, col) + HEADER_ROOM)
        header.resizeSection(col, min(width, caps.get(col, default_cap)))
