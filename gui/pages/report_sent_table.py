"""Báo cáo đã gửi: the register of reports that left the office, newest first.

Saving a report to Excel or PDF, or exporting the province file, from the reports screen adds a row
(file name, SHA-256, today's date, the channel); a row added by mistake can be deleted here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.format import fmt_date
from storage.errors import UserError
from storage.periods import parse_period
from storage.reports_sent import ReportSentRow

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def period_name(spec: str, lang: str) -> str:
    """The period's name ("Tháng 7 năm 2025"), or its spec when it cannot be read."""
    try:
        return parse_period(spec).label(lang)
    except UserError:
        return spec


class ReportsSentTable(QWidget):
    """The register as a read-only table, with a note on how rows get there and a delete button."""

    delete_requested = Signal(int)  # register id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReportSentRow] = []
        self._lang = "vi"
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.count = QLabel()
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self._delete)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.delete_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)
        self.retranslate()

    def headers(self) -> list[str]:
        return [
            self.tr("Ngày gửi"),
            self.tr("Kỳ báo cáo"),
            self.tr("Số văn bản"),
            self.tr("Hình thức gửi"),
            self.tr("Nơi nhận"),
            self.tr("Tệp"),
            self.tr("Mã SHA-256"),
        ]

    def retranslate(self) -> None:
        self.note.setText(
            self.tr(
                "Mỗi lần lưu báo cáo ra Excel, PDF hoặc xuất file gửi tỉnh, phần mềm ghi một dòng vào sổ này: ngày "
                "lưu, hình thức gửi, tên tệp (tệp gửi tỉnh ghi cả lần gửi: _v1, _v2…) và mã SHA-256 của tệp (để đối "
                "chiếu với bản tỉnh nhận được)."
            )
        )
        self.delete_button.setText(self.tr("Xóa dòng đã chọn"))
        self.delete_button.setToolTip(self.tr("Chỉ xóa dòng trong sổ, không xóa tệp đã lưu."))
        self.show_rows(self._rows, self._lang)

    def show_rows(self, rows: list[ReportSentRow], lang: str) -> None:
        """Fill the table (the register is small: tens of rows a year)."""
        self._rows, self._lang = rows, lang
        self.table.clear()
        self.table.setColumnCount(len(self.headers()))
        self.table.setHorizontalHeaderLabels(self.headers())
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            values = [
                fmt_date(r.sent_date),
                period_name(r.period_spec, lang),
                r.document_number,
                r.channel.label(lang),
                r.recipient,
                r.file_name,
                r.sha256[:16] + ("…" if len(r.sha256) > 16 else ""),
            ]
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, r.id)
                if j == 6:
                    item.setToolTip(r.sha256)
                elif j == 5:
                    item.setToolTip(r.file_name)
                self.table.setItem(i, j, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.count.setText(self.tr("{n} báo cáo trong sổ").format(n=len(rows)))
        self._update_buttons()

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(ID_ROLE)) if items else None

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.selected_id() is not None)

    def _delete(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.delete_requested.emit(chosen)
