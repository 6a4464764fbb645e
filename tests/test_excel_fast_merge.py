"""SheetWriter's own merge leaves the same cells, borders and protection as openpyxl's ``merge_cells``.

The writer merges without openpyxl's per-side border arithmetic (the slowest part of writing a
report); what Excel reads must not change: merged ranges, MergedCell placeholders, every edge
cell's border, protection.
"""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from openpyxl.styles import Protection

from reports.excel_sheet import SPECS, SheetWriter, register_styles

RANGES = [(1, 1, 1, 4), (2, 1, 4, 1), (2, 3, 4, 5), (5, 2, 5, 3), (7, 1, 9, 6)]  # one line, column, block
BOXED = [s for s, spec in SPECS.items() if spec.box]
STYLES = [*BOXED[:4], "CD Đoạn", "CD Cơ quan đậm"]
SIDES = ("left", "right", "top", "bottom", "diagonal", "start", "end", "vertical", "horizontal")


def _side(side) -> tuple[object, ...] | None:  # type: ignore[no-untyped-def]
    return None if side is None else (side.style, repr(side.color))


def _cells(ws) -> dict[tuple[int, int], tuple[object, ...]]:  # type: ignore[no-untyped-def]
    """What Excel reads of each cell: its kind, every border side, protection, named style."""
    return {
        (r, c): (
            type(cell).__name__,
            *(_side(getattr(cell.border, n)) for n in SIDES),
            cell.protection.locked,
            cell.protection.hidden,
            getattr(cell, "style", ""),
        )
        for (r, c), cell in sorted(ws._cells.items())
    }


def _sheet(style: str, fast: bool, protect: bool = False):  # type: ignore[no-untyped-def]
    wb = Workbook()
    register_styles(wb)
    ws = wb.active
    writer = SheetWriter(ws, [10.0] * 8)
    for r1, c1, r2, c2 in RANGES:
        cell = ws.cell(r1, c1, "Tiêu đề")
        cell.style = style
        if protect:
            cell.protection = Protection(locked=False)
        if fast:
            writer._merge(cell, r2, c2)
        else:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    return ws


@pytest.mark.parametrize("style", STYLES)
def test_fast_merge_matches_openpyxl(style: str) -> None:
    ours, theirs = _sheet(style, fast=True), _sheet(style, fast=False)
    assert sorted(map(str, ours.merged_cells.ranges)) == sorted(map(str, theirs.merged_cells.ranges))
    assert _cells(ours) == _cells(theirs)


def test_fast_merge_copies_a_non_default_protection() -> None:
    ours, theirs = _sheet("CD Tiêu đề cột", fast=True, protect=True), _sheet("CD Tiêu đề cột", fast=False, protect=True)
    assert _cells(ours) == _cells(theirs)
    assert ours.cell(9, 6).protection.locked is False


def test_boxed_merge_draws_the_outline_on_its_edge_cells() -> None:
    ws = _sheet("CD Tiêu đề cột", fast=True)
    right_edge, inner = ws.cell(8, 6), ws.cell(8, 2)  # range (7, 1)–(9, 6)
    assert _side(right_edge.border.right)[0] == "thin"  # type: ignore[index]
    assert all(_side(getattr(right_edge.border, n)) in (None, (None, "None")) for n in ("left", "top", "bottom"))
    assert all(_side(getattr(inner.border, n)) in (None, (None, "None")) for n in ("left", "right", "top", "bottom"))
