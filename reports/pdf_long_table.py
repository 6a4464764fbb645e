"""A long PDF table cut into pages in linear time, looking exactly like ReportLab's own split.

ReportLab splits a Table at a page break by making a new Table of every row still to come, which
works out every remaining cell's style and span ranges again: the cost grows with the square of
the rows (the 3,321-commune province table: 854 pages in ≈ 85 s and 620 MB; bench/run_all.py,
docs/performance.md). PagedTable measures every row once, with ReportLab's own measuring, and at each
page break makes an ordinary Table of the header rows and the body rows that fit. The pages show the
same rows under the same repeated header (tests/test_pdf_long_table.py compares the text page by page).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable
from reportlab.platypus import Table as PdfTable

LONG_TABLE_ROWS = 150  # body rows from which a grid is paged by PagedTable (fewer: one Table, as before)
_ROOM = 1e9  # "unlimited" height for measuring every row


class PagedTable(Flowable):
    """Header rows repeated on every page, body rows cut where the page is full (never inside a row)."""

    def __init__(
        self,
        head: list[list[Any]],
        body: list[list[Any]],
        widths: list[float],
        style: list[tuple[Any, ...]],
        heights: tuple[list[float], list[float]] | None = None,
    ) -> None:
        super().__init__()
        self.head, self.body, self.widths, self.style = head, body, widths, style
        self.hAlign = "CENTER"
        self._heights = heights  # (header rows' heights, body rows' heights), measured once for all pieces
        self._total: float | None = None

    def _table(self, body: list[list[Any]], heights: list[float] | None = None) -> PdfTable:
        """A ReportLab Table of the header and ``body`` (given its rows' heights, it does not measure them again)."""
        table = PdfTable(
            self.head + body, colWidths=self.widths, rowHeights=heights, repeatRows=len(self.head), hAlign="CENTER"
        )
        table.setStyle(self.style)
        return table

    def _measured(self, avail_width: float) -> tuple[list[float], list[float]]:
        if self._heights is None:
            whole = self._table(self.body)
            whole.wrap(avail_width, _ROOM)
            rows = list(whole._rowHeights)  # ReportLab's own heights: the pieces break where it would
            self._heights = (rows[: len(self.head)], rows[len(self.head) :])
        return self._heights

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        head, rows = self._measured(availWidth)
        if self._total is None:
            self._total = sum(head) + sum(rows)
        self.width, self.height = sum(self.widths), self._total
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        head, rows = self._measured(availWidth)
        room, used, fit = availHeight - sum(head), 0.0, 0
        while fit < len(rows) and used + rows[fit] <= room:
            used += rows[fit]
            fit += 1
        if fit == 0:
            return []  # not even one row under the header: the frame moves to the next page
        if fit == len(rows):
            return [self._table(self.body, head + rows)]
        rest = PagedTable(self.head, self.body[fit:], self.widths, self.style, (head, rows[fit:]))
        return [self._table(self.body[:fit], head + rows[:fit]), rest]

    def draw(self) -> None:
        head, rows = self._measured(self.width)
        table = self._table(self.body, head + rows)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)
