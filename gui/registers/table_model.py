"""A lazily loaded table model over a paged storage query: the view asks, we fetch the next batch.

Sorting and filtering are done by the source (in SQL), so 100,000 records never sit in Python at
once; only the rows the user scrolled to are loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

R = TypeVar("R")
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record's database id
RAW_ROLE = Qt.ItemDataRole.UserRole + 2  # the unformatted value
ROW_ROLE = Qt.ItemDataRole.UserRole + 3  # the whole row object

Index = QModelIndex | QPersistentModelIndex


class PagedSource(Protocol[R]):
    """What a register's query provides: a count and pages, both honouring filter and sort."""

    def count(self) -> int: ...

    def fetch(self, offset: int, limit: int, sort_key: str | None, descending: bool) -> Sequence[R]: ...


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: header, how to show a row, and the SQL sort key (None: not sortable)."""

    header: str
    display: Callable[[R], str]
    sort_key: str | None = None
    raw: Callable[[R], Any] | None = None
    numeric: bool = False
    tooltip: Callable[[R], str] | None = None
    alert: Callable[[R], bool] = field(default=lambda _r: False)  # shown in red (overdue, shortage...)
    color: Callable[[R], str | None] | None = None  # another text colour ("#b35c00") when not alerting


class LazyTableModel(QAbstractTableModel, Generic[R]):
    """Rows fetched ``batch`` at a time through ``canFetchMore``/``fetchMore``."""

    ALERT = QBrush(QColor("#b00020"))

    def __init__(
        self,
        columns: Sequence[Column[R]],
        source: PagedSource[R],
        id_of: Callable[[R], int],
        batch: int = 200,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._source = source
        self._id_of = id_of
        self._batch = batch
        self._rows: list[R] = []
        self._total = 0
        self._sort_key: str | None = None
        self._descending = False
        self._fetching = False
        self.reload()

    # --- loading -----------------------------------------------------------------------------
    def set_source(self, source: PagedSource[R]) -> None:
        """Swap the query (new filter) and load its first page."""
        self._source = source
        self.reload()

    def reload(self) -> None:
        total = self._source.count()
        rows = list(self._source.fetch(0, min(self._batch, total), self._sort_key, self._descending))
        self._fetching = True  # no fetchMore from inside the reset signals (see fetchMore)
        try:
            self.beginResetModel()
            self._total, self._rows = total, rows
            self.endResetModel()
        finally:
            self._fetching = False

    def total(self) -> int:
        """How many records match (not only the loaded ones)."""
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt override
        return not parent.isValid() and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt override
        # A view that still has room asks for more from inside our reset/insert signals; inserting
        # then would nest one change in another (QAbstractItemModelTester fails it): it asks again.
        if parent.isValid() or self._fetching:
            return
        start = len(self._rows)
        more = list(self._source.fetch(start, min(self._batch, self._total - start), self._sort_key, self._descending))
        if not more:
            self._total = start  # the data shrank meanwhile
            return
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
        finally:
            self._fetching = False

    # --- Qt model API --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[section].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, col = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.display(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tooltip(row) if col.tooltip else col.display(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col.alert(row):
            return self.ALERT
        if role == Qt.ItemDataRole.ForegroundRole and col.color is not None:
            colour = col.color(row)
            return QBrush(QColor(colour)) if colour else None
        if role == ID_ROLE:
            return self._id_of(row)
        if role == RAW_ROLE:
            return col.raw(row) if col.raw else col.display(row)
        if role == ROW_ROLE:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns) or self._columns[column].sort_key is None:
            return
        self._sort_key = self._columns[column].sort_key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # --- helpers -------------------------------------------------------------------------------
    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_id(self, record_id: int) -> int:
        """Row number of a loaded record, or -1."""
        for i, r in enumerate(self._rows):
            if self._id_of(r) == record_id:
                return i
        return -1

    def set_columns(self, columns: Sequence[Column[R]]) -> None:
        """New headers (after a language switch) without reloading data."""
        self._columns = list(columns)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
