"""Column layout for catalog tables, which sit beside an entry form and must fit without scrolling sideways."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView

from gui.registers.column_widths import fit_to_texts

NAME_MIN_WIDTH = 200  # a name column narrower than this shows "Lãnh đạ…": unreadable
FITS_ROOM = 10  # the cell's margins around a text that must fit


class _FillWidth(QObject):
    """Keeps one column filling the width the others leave, but never narrower than ``minimum``.

    QHeaderView's Stretch mode would squeeze it down to a few pixels beside a wide form; below the
    minimum the table scrolls sideways instead, so the names stay readable.
    """

    def __init__(self, table: QTableView, column: int, minimum: int) -> None:
        super().__init__(table)
        self._table, self._column, self._minimum = table, column, minimum
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._on_section_resized)
        table.viewport().installEventFilter(self)
        self.fill()

    def fill(self) -> None:
        header = self._table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != self._column)
        header.resizeSection(self._column, max(self._minimum, self._table.viewport().width() - others))

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != self._column:  # the user widened another column: the name column gives way
            self.fill()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fill()
        return False


def fit_beside_form(
    table: QTableView,
    stretch: int,
    caps: dict[int, int] | None = None,
    fits: dict[int, str] | None = None,
    stretch_min: int = NAME_MIN_WIDTH,
) -> None:
    """Columns as wide as their texts (some capped), one text column taking the width left, at least ``stretch_min``.

    ``fits`` names, per column, a text that must fit even if the first rows do not show it (e.g.
    "Ngừng sử dụng" when every unit is in use). Row numbers are hidden: rows have their own code or date.
    The form beside the table gets its narrowest width, so the names get the room.
    """
    table.verticalHeader().hide()
    caps = caps or {}
    fit_to_texts(table, caps)
    header = table.horizontalHeader()
    for col, text in (fits or {}).items():
        width = max(header.sectionSize(col), table.fontMetrics().horizontalAdvance(text) + FITS_ROOM)
        header.resizeSection(col, min(width, caps.get(col, width)))
    split = table.parentWidget()
    if isinstance(split, QSplitter):
        split.setSizes([10_000, 1])  # the form at its minimum width
    _FillWidth(table, stretch, stretch_min)
