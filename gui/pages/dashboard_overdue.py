"""The list behind the dashboard's "overdue" figure: which dossiers, whose, and how many working days late.

A large register can hold tens of thousands of overdue dossiers: the list is a lazy table that
loads a page of rows at a time as the user scrolls (gui/registers/table_model.py), never all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.registers.table_model import Column, LazyTableModel
from gui.widgets.format import fmt_date, fmt_int
from storage.aggregates.trends import count_overdue, overdue_dossiers
from storage.dossier_queries import DossierRow

BATCH = 200


class OverdueSource:
    """Dossiers overdue at the end of ``on``, most overdue first, one short read per page."""

    def __init__(self, ctx: AppContext, on: date) -> None:
        self._ctx = ctx
        self.on = on
        self._count: int | None = None

    def count(self) -> int:
        """How many are overdue (cached: the model asks again after every page)."""
        if self._count is None:
            on = self.on
            self._count = self._ctx.read(lambda s: count_overdue(s, on))
        return self._count

    def fetch(self, offset: int, limit: int, sort_key: str | None, descending: bool) -> Sequence[DossierRow]:
        """One page in the list's fixed order (the most overdue first; headers do not sort)."""
        if limit <= 0:
            return []
        rules = self._ctx.rules()
        on = self.on
        return self._ctx.read(
            lambda s: overdue_dossiers(s, on, rules.calendar, rules.rules, offset=offset, limit=limit)
        )


class OverdueDialog(QDialog):
    """Dossiers in progress past their due date on one day, most overdue first (read-only)."""

    def __init__(self, source: OverdueSource, on: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on = on
        self.resize(1000, 480)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.model: LazyTableModel[DossierRow] = LazyTableModel(
            self._columns(), source, id_of=lambda r: r.id, batch=BATCH, parent=self
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Widths measured once on the first rows: re-measuring every loaded page would slow scrolling.
        self.table.horizontalHeader().setResizeContentsPrecision(40)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the procedure
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.buttons)
        self.retranslate()

    def _columns(self) -> list[Column[DossierRow]]:
        return [
            Column(self.tr("Mã hồ sơ"), lambda r: r.code),
            Column(self.tr("Người nộp"), lambda r: r.applicant_name),
            Column(self.tr("Thủ tục"), lambda r: r.procedure_name),
            Column(self.tr("Ngày tiếp nhận"), lambda r: fmt_date(r.received_at.date())),
            Column(self.tr("Hạn giải quyết"), lambda r: fmt_date(r.due_date)),
            Column(self.tr("Quá hạn (ngày làm việc)"), lambda r: fmt_int(r.overdue_days), numeric=True),
        ]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Hồ sơ quá hạn"))
        total = self.model.total()
        if total:
            text = self.tr("{count} hồ sơ đang giải quyết đã quá hạn tính đến hết ngày {day}.")
        else:
            text = self.tr("Không có hồ sơ nào quá hạn tính đến hết ngày {day}.")
        self.heading.setText(text.format(count=fmt_int(total), day=fmt_date(self.on)))
        self.model.set_columns(self._columns())
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))

    def total(self) -> int:
        """How many dossiers the list holds (loaded or not yet)."""
        return self.model.total()

    def codes(self) -> list[str]:
        """The dossier codes loaded so far, top to bottom."""
        return [self.cell(r, 0) for r in range(self.model.rowCount())]

    def cell(self, row: int, column: int) -> str:
        """The text shown in one cell."""
        return str(self.model.index(row, column).data())
