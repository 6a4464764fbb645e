"""The list behind the dashboard's "overdue" figure: which dossiers, whose, and how many working days late."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.format import fmt_date, fmt_int
from storage.dossier_queries import DossierRow


class OverdueDialog(QDialog):
    """Dossiers in progress past their due date on one day, most overdue first (read-only)."""

    def __init__(self, rows: Sequence[DossierRow], on: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = list(rows)
        self.on = on
        self.resize(980, 460)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(len(self.rows), 6)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the procedure's long name
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.buttons)
        self._fill()
        self.retranslate()

    def _fill(self) -> None:
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, row in enumerate(self.rows):
            cells = (
                (row.code, None),
                (row.applicant_name, None),
                (row.procedure_name, None),
                (fmt_date(row.received_at.date()), None),
                (fmt_date(row.due_date), None),
                (fmt_int(row.overdue_days), right),
            )
            for c, (text, align) in enumerate(cells):
                item = QTableWidgetItem(text)
                if align is not None:
                    item.setTextAlignment(align)
                if c == 2:
                    item.setToolTip(text)
                self.table.setItem(r, c, item)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Hồ sơ quá hạn"))
        if self.rows:
            text = self.tr("{count} hồ sơ đang giải quyết đã quá hạn tính đến hết ngày {day}.")
        else:
            text = self.tr("Không có hồ sơ nào quá hạn tính đến hết ngày {day}.")
        self.heading.setText(text.format(count=fmt_int(len(self.rows)), day=fmt_date(self.on)))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Mã hồ sơ"),
                self.tr("Người nộp"),
                self.tr("Thủ tục"),
                self.tr("Ngày tiếp nhận"),
                self.tr("Hạn giải quyết"),
                self.tr("Quá hạn (ngày làm việc)"),
            ]
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))

    def codes(self) -> list[str]:
        """The dossier codes listed, top to bottom."""
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]
