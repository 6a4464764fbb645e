"""Column layout for catalog tables, which sit beside an entry form and must fit without scrolling sideways."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView


def fit_beside_form(
    table: QTableView, stretch: int, caps: dict[int, int] | None = None, fits: dict[int, str] | None = None
) -> None:
    """Columns as wide as their contents (some capped), one text column taking whatever width is left.

    ``fits`` names, per column, a text that must fit even if the first rows do not show it (e.g.
    "Ngừng sử dụng" when every unit is in use). Row numbers are hidden: rows have their own code or date.
    """
    table.verticalHeader().hide()
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    caps = caps or {}
    for col in range(header.count()):
        width = header.sectionSize(col) + 12  # room for the sort arrow beside the header text
        if fits and col in fits:
            width = max(width, table.fontMetrics().horizontalAdvance(fits[col]) + 16)
        header.resizeSection(col, min(width, caps.get(col, width)))
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
