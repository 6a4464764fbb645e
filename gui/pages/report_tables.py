"""Read-only tables of the reports screen: the results form with its two-level header, and simple lists.

The results-of-procedures form has grouped columns ("Số hồ sơ nhận giải quyết" over columns 3–6...).
A header view paints the group titles above the columns' own titles, so the header stays in
place while the rows scroll and the columns remain ordinary table columns.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QStyle,
    QStyleOptionHeader,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

Group = tuple[int, int, str]  # first column, last column, title
TEXT_FLAGS = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
NUMERIC = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class GroupedHeader(QHeaderView):
    """A horizontal header whose grouped columns show a shared title above their own (wrapped) titles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._groups: list[Group] = []
        self.setSectionsClickable(False)
        self.setHighlightSections(False)
        self.sectionResized.connect(lambda *_a: self.updateGeometry())

    def set_groups(self, groups: Sequence[Group]) -> None:
        self._groups = list(groups)
        self.updateGeometry()
        self.viewport().update()

    def _group_of(self, logical: int) -> Group | None:
        return next((g for g in self._groups if g[0] <= logical <= g[1]), None)

    def _text(self, logical: int) -> str:
        model = self.model()
        value = model.headerData(logical, Qt.Orientation.Horizontal) if model is not None else None
        return "" if value is None else str(value)

    def _wrapped_height(self, text: str, width: int) -> int:
        box = self.fontMetrics().boundingRect(QRect(0, 0, max(width - 8, 10), 2000), TEXT_FLAGS, text)
        return box.height() + 10

    def _band(self) -> int:
        """Height of the group-title band (the tallest group title at its spanned width)."""
        band = 0
        for first, last, title in self._groups:
            width = sum(self.sectionSize(i) for i in range(first, last + 1))
            band = max(band, self._wrapped_height(title, width))
        return band

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        band = self._band()
        height = 0
        for i in range(self.count()):
            own = self._wrapped_height(self._text(i), self.sectionSize(i))
            height = max(height, own + (band if self._group_of(i) else 0))
        return QSize(hint.width(), max(hint.height(), height))

    def _paint_cell(self, painter: QPainter, rect: QRect, text: str, logical: int) -> None:
        opt = QStyleOptionHeader()
        self.initStyleOption(opt)
        opt.rect = rect
        opt.section = logical
        self.style().drawControl(QStyle.ControlElement.CE_HeaderSection, opt, painter, self)
        painter.drawText(rect.adjusted(4, 2, -4, -2), TEXT_FLAGS, text)

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        if not rect.isValid():
            return
        painter.save()
        group = self._group_of(logical)
        if group is None:
            self._paint_cell(painter, rect, self._text(logical), logical)
        else:
            band = self._band()
            first, last, title = group
            left = self.sectionViewportPosition(first)
            right = self.sectionViewportPosition(last) + self.sectionSize(last)
            self._paint_cell(painter, QRect(left, rect.top(), right - left, band), title, logical)
            own = QRect(rect.left(), rect.top() + band, rect.width(), rect.height() - band)
            self._paint_cell(painter, own, self._text(logical), logical)
        painter.restore()


def make_table(parent: QWidget | None = None, *, grouped: bool = False) -> QTableWidget:
    """A read-only, selectable table sized to its rows (the page scrolls, not each table)."""
    table = QTableWidget(parent)
    if grouped:
        table.setHorizontalHeader(GroupedHeader(table))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return table


def fill_table(
    table: QTableWidget,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    numeric: set[int] | frozenset[int] = frozenset(),
    bold_last: bool = False,
    centered: set[int] | frozenset[int] = frozenset(),
) -> None:
    """Put ``rows`` into ``table``; numbers right-aligned, the total row in bold."""
    table.clear()
    table.setColumnCount(len(headers))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(list(headers))
    bold = QFont(table.font())
    bold.setBold(True)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if j in numeric:
                item.setTextAlignment(NUMERIC)
            elif j in centered:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if bold_last and i == len(rows) - 1:
                item.setFont(bold)
            table.setItem(i, j, item)


def fit_to_contents(table: QTableWidget) -> None:
    """Size a short table to its contents: every row and column visible, no inner scroll bars.

    The tables of a section sit in a scroll area, so a fixed size keeps labels next to their
    numbers instead of stretching a two-column list across a wide window.
    """
    table.setWordWrap(False)
    fm = table.fontMetrics()
    table.verticalHeader().setDefaultSectionSize(fm.height() + 8)
    for i in range(table.rowCount()):
        table.setRowHeight(i, fm.height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    digits = fm.horizontalAdvance("0000000")
    for j in range(table.columnCount()):
        header.resizeSection(j, max(header.sectionSize(j) + 16, digits))
    frame = 2 * table.frameWidth()
    table.setFixedWidth(sum(header.sectionSize(j) for j in range(table.columnCount())) + frame)
    rows = sum(table.rowHeight(i) for i in range(table.rowCount()))
    table.setFixedHeight(header.sizeHint().height() + rows + frame)
