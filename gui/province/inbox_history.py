"""Lịch sử đã nhận: every received revision, filterable by period and commune, and the commune's own report.

Every revision is kept; the highest of a commune's period is the current one, the others are marked
replaced. The commune's PDF or Excel report travels inside the file: it is taken out (verified again)
into a temporary folder and opened with the system's viewer.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.errors import show_error
from gui.pages.report_sent_table import period_name
from gui.widgets.format import fmt_date
from reports.received_copy import Format, extract_report
from storage.errors import UserError
from storage.province.received import ReceivedRow, list_received
from storage.province.registry import list_communes

Index = QModelIndex | QPersistentModelIndex
REPLACED_COLOUR = "#6b6b6b"


class HistoryModel(QAbstractTableModel):
    """Received revisions, newest first (the order storage gives)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ReceivedRow] = []
        self.lang = "vi"

    def set_rows(self, rows: list[ReceivedRow], lang: str) -> None:
        self.beginResetModel()
        self._rows, self.lang = list(rows), lang
        self.endResetModel()

    def row_at(self, row: int) -> ReceivedRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def headers(self) -> list[str]:
        return [
            self.tr("Xã"),
            self.tr("Kỳ báo cáo"),
            self.tr("Lần gửi"),
            self.tr("Tình trạng"),
            self.tr("Xã lập lúc"),
            self.tr("Tỉnh nhận lúc"),
            self.tr("Tệp"),
        ]

    def text(self, r: ReceivedRow, column: int) -> str:
        values = (
            f"{r.commune_name} ({r.commune_code})",
            period_name(r.period_spec, self.lang),
            str(r.revision),
            self.tr("hiện hành") if r.current else self.tr("đã thay thế"),
            fmt_date(r.created_at),
            fmt_date(r.received_at),
            r.file_name,
        )
        return values[column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            return self.headers()[section]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_at(index.row()) if index.isValid() else None
        if r is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 6:
                return self.tr("{name}\nSHA-256: {sha}").format(name=r.file_name, sha=r.file_sha256)
            return self.text(r, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and not r.current:
            return QBrush(QColor(REPLACED_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 6))


class HistoryPanel(QWidget):
    """Filters, the table of received revisions and the buttons opening a commune's own report."""

    opened = Signal(object)  # the Path handed to the system viewer

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self.period_label, self.period = QLabel(), QComboBox()
        self.commune_label, self.commune = QLabel(), QComboBox()
        self.period.setMinimumContentsLength(18)
        self.commune.setMinimumContentsLength(22)
        self.period_label.setBuddy(self.period)
        self.commune_label.setBuddy(self.commune)
        self.count = QLabel()
        filters = QHBoxLayout()
        for w in (self.period_label, self.period, self.commune_label, self.commune):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.count)

        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self.open_selected("pdf"))

        self.pdf_button, self.xlsx_button = QPushButton(), QPushButton()
        self.pdf_button.clicked.connect(lambda: self.open_selected("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.open_selected("xlsx"))
        buttons = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)

        lay = QVBoxLayout(self)
        lay.addLayout(filters)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self.retranslate()
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.commune.currentIndexChanged.connect(lambda _i: self.reload())

    # --- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.period_label.setText(self.tr("&Kỳ báo cáo:"))
        self.commune_label.setText(self.tr("&Xã:"))
        self.pdf_button.setText(self.tr("Mở báo cáo PDF của xã"))
        self.xlsx_button.setText(self.tr("Mở bản Excel của xã"))
        self.pdf_button.setToolTip(self.tr("Mở đúng bản PDF xã đã ký gửi kèm trong tệp (nhấp đúp vào dòng cũng mở)."))
        self.xlsx_button.setToolTip(self.tr("Mở bản Excel xã đã ký gửi kèm trong tệp."))
        self.hint.setText(
            self.tr(
                "Mọi lần gửi đều được lưu; lần gửi cao nhất của mỗi kỳ là bản hiện hành, dùng cho báo cáo tổng hợp."
            )
        )
        self.model.retranslate(self.ctx.lang)
        self.fill_filters()

    def fill_filters(self) -> None:
        """Periods that have files and the communes of the registry, keeping the current choices."""
        rows = self.ctx.read(lambda s: list_received(s))
        communes = self.ctx.read(lambda s: list_communes(s))
        specs = sorted({r.period_spec for r in rows}, reverse=True)
        keep_period, keep_commune = self.period.currentData(), self.commune.currentData()
        for combo in (self.period, self.commune):
            combo.blockSignals(True)
            combo.clear()
        self.period.addItem(self.tr("Tất cả các kỳ"), "")
        for spec in specs:
            self.period.addItem(period_name(spec, self.ctx.lang), spec)
        self.commune.addItem(self.tr("Tất cả các xã"), "")
        for c in communes:  # already in Vietnamese alphabetical order
            self.commune.addItem(f"{c.name} ({c.code})", c.code)
        for combo, keep in ((self.period, keep_period), (self.commune, keep_commune)):
            combo.setCurrentIndex(max(combo.findData(keep), 0) if keep else 0)
            combo.blockSignals(False)
        self.reload()

    # --- rows --------------------------------------------------------------------------------
    def reload(self) -> None:
        spec, code = self.period.currentData() or None, self.commune.currentData() or None
        rows = self.ctx.read(lambda s: list_received(s, period_spec=spec, commune_code=code))
        self.model.set_rows(rows, self.ctx.lang)
        self.count.setText(self.tr("{n} tệp đã nhận").format(n=len(rows)))
        self._update_buttons()

    def set_filters(self, period_spec: str = "", commune_code: str = "") -> None:
        """Choose the filters as the user would (used after an import and by tests)."""
        self.period.setCurrentIndex(max(self.period.findData(period_spec), 0))
        self.commune.setCurrentIndex(max(self.commune.findData(commune_code), 0))

    def selected(self) -> ReceivedRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.pdf_button.setEnabled(chosen)
        self.xlsx_button.setEnabled(chosen)

    # --- opening the commune's own report -----------------------------------------------------
    def folder(self) -> Path:
        """A private temporary folder, removed when the application closes."""
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="cdesk-received-")
        return Path(self._folder.name)

    def open_selected(self, fmt: Format) -> Path | None:
        row = self.selected()
        if row is None:
            return None
        folder = self.folder()
        try:
            path = self.ctx.read(lambda s: extract_report(s, row.id, fmt, folder))
        except UserError as exc:  # a damaged stored file is told, not opened
            show_error(self, exc, self.ctx.lang)
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.opened.emit(path)
        return path
