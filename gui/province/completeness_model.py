"""The grid of who reported: communes down, periods across, a coloured status in each cell.

Colours follow the status (on time green, late orange, missing red, not yet due grey, replaced
blue) and every cell says it in words too, for colour-blind readers and black-and-white printouts.
The last row counts, per period, how many communes have reported.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from gui.widgets.format import fmt_date
from storage.periods import Period, PeriodKind
from storage.province.completeness import Cell, CellStatus, Grid
from storage.province.registry import CommuneRow

Index = QModelIndex | QPersistentModelIndex
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1  # the CellStatus of a cell

# (text, background) per status: dark text on a light tint stays readable when printed.
COLOURS: dict[CellStatus, tuple[str, str]] = {
    CellStatus.ON_TIME: ("#1b5e20", "#c8e6c9"),
    CellStatus.LATE: ("#8a3c00", "#ffd8a8"),
    CellStatus.MISSING: ("#b71c1c", "#ffcdd2"),
    CellStatus.NOT_DUE: ("#555555", "#eeeeee"),
    CellStatus.REPLACED: ("#0d47a1", "#bbdefb"),
}
SENT = (CellStatus.ON_TIME, CellStatus.LATE, CellStatus.REPLACED)


def was_late(cell: Cell) -> bool:
    """Late, or replaced after a first revision that came late."""
    return cell.status is CellStatus.LATE or (cell.status is CellStatus.REPLACED and cell.late_first)


_ROMAN = ("I", "II", "III", "IV")


class CompletenessModel(QAbstractTableModel):
    """Column 0 is the commune; columns 1… the periods; the last row the per-period counts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid: Grid | None = None
        self.communes: list[CommuneRow] = []
        self.lang = "vi"

    def set_grid(self, grid: Grid, communes: list[CommuneRow], lang: str) -> None:
        """Show ``grid`` for ``communes`` (all of the grid's, or the filtered ones)."""
        self.beginResetModel()
        self.grid, self.communes, self.lang = grid, list(communes), lang
        self.endResetModel()

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.columnCount() - 1, 0))
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # --- texts ---------------------------------------------------------------------------------
    def period_header(self, p: Period) -> str:
        """A short column title ("07/2025", "Quý III/2025"); the full name is in the tooltip."""
        match p.kind:
            case PeriodKind.MONTH:
                return f"{p.index:02d}/{p.year}"
            case PeriodKind.QUARTER:
                return self.tr("Quý {q}/{year}").format(q=_ROMAN[p.index - 1], year=p.year)
            case PeriodKind.HALF_YEAR:
                if p.index == 1:
                    return self.tr("6 tháng đầu {year}").format(year=p.year)
                return self.tr("6 tháng cuối {year}").format(year=p.year)
        return self.tr("Năm {year}").format(year=p.year)

    def cell_text(self, cell: Cell) -> str:
        label = cell.status.label(self.lang)
        if cell.status is CellStatus.REPLACED and cell.revision:
            if cell.late_first:  # replacing a late report does not make it on time
                return self.tr("{status} (lần {n}, trễ hạn)").format(status=label, n=cell.revision)
            return self.tr("{status} (lần {n})").format(status=label, n=cell.revision)
        return label

    def cell_tooltip(self, c: CommuneRow, p: Period, due: Any, cell: Cell) -> str:
        lines = [f"{c.name} – {p.label(self.lang)}", self.cell_text(cell)]
        if cell.first_made is not None:
            lines.append(self.tr("Lần gửi đầu lập lúc {when}").format(when=fmt_date(cell.first_made)))
        if cell.status is CellStatus.REPLACED:
            lines.append(self.tr("Lần gửi đầu trễ hạn.") if cell.late_first else self.tr("Lần gửi đầu đúng hạn."))
        lines.append(self.tr("Hạn nộp: {date}").format(date=fmt_date(due)))
        return "\n".join(lines)

    def counts_text(self, p: Period) -> str:
        assert self.grid is not None
        counts = self.grid.counts(p)
        sent = sum(counts[s] for s in SENT)
        return self.tr("{sent}/{total} đã nộp").format(sent=sent, total=len(self.grid.communes))

    def counts_tooltip(self, p: Period) -> str:
        assert self.grid is not None
        counts = self.grid.counts(p)
        return "\n".join(f"{s.label(self.lang)}: {counts[s]}" for s in CellStatus)

    # --- lookups -------------------------------------------------------------------------------
    def period_at(self, column: int) -> Period | None:
        if self.grid is None or not 1 <= column <= len(self.grid.periods):
            return None
        return self.grid.periods[column - 1]

    def is_total_row(self, row: int) -> bool:
        return self.grid is not None and row == len(self.communes)

    def cell_at(self, row: int, column: int) -> Cell | None:
        p = self.period_at(column)
        if p is None or self.grid is None or not 0 <= row < len(self.communes):
            return None
        return self.grid.cells[(self.communes[row].code, p.spec)]

    # --- Qt model API --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        if parent.isValid() or self.grid is None:
            return 0
        return len(self.communes) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        if parent.isValid() or self.grid is None:
            return 0
        return len(self.grid.periods) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.grid is None:
            return None
        p = self.period_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Xã") if section == 0 else (self.period_header(p) if p else None)
        if role == Qt.ItemDataRole.ToolTipRole and p is not None:
            due = self.grid.deadlines[section - 1]
            return self.tr("{period} {range}\nHạn nộp: {date}").format(
                period=p.label(self.lang), range=p.range_text(self.lang), date=fmt_date(due)
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        row, col = index.row(), index.column()
        if self.is_total_row(row):
            return self._total_data(col, role)
        if not 0 <= row < len(self.communes):
            return None
        c = self.communes[row]
        if col == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return c.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("{name} – mã {code} – {area}").format(
                    name=c.name, code=c.code, area=c.area_type.label(self.lang)
                )
            return None
        cell = self.cell_at(row, col)
        p = self.period_at(col)
        if cell is None or p is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_tooltip(c, p, self.grid.deadlines[col - 1], cell)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(COLOURS[cell.status][0]))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS[cell.status][1]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == STATUS_ROLE:
            return cell.status
        return None

    def _total_data(self, col: int, role: int) -> Any:
        p = self.period_at(col)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Số xã đã nộp") if col == 0 else (self.counts_text(p) if p else None)
        if role == Qt.ItemDataRole.ToolTipRole and p is not None:
            return self.counts_tooltip(p)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#f0f0f0"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
