"""Lịch sử of one record: every change to it, oldest first, read the same way as the whole log."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSplitter, QVBoxLayout, QWidget

from gui.audit.labels import table_label
from gui.audit.widgets import ROW_ROLE, AuditModel, EntryDetail, fit_columns, make_entry_table
from gui.context import AppContext
from gui.widgets.heading import make_heading
from storage.audit import history


class RecordHistoryDialog(QDialog):
    """The history of ``table`` row ``record_id``; the newest change is selected."""

    def __init__(self, ctx: AppContext, table: str, record_id: int | str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        rows = ctx.read(lambda s: history(s, table, record_id))
        self.setWindowTitle(self.tr("Lịch sử thay đổi"))
        self.heading = make_heading(
            QLabel(self.tr("Lịch sử: {kind} {name}").format(kind=table_label(table), name=name))
        )
        self.heading.setWordWrap(True)
        self.note = QLabel(
            self.tr("{n} lần thay đổi, cũ nhất ở trên.").format(n=len(rows))
            if rows
            else self.tr("Chưa có thay đổi nào được ghi cho bản ghi này (bản ghi có từ trước khi có nhật ký).")
        )
        self.note.setWordWrap(True)
        self.model = AuditModel(lambda offset, limit: rows[offset : offset + limit], ctx.lang, self)
        self.table = make_entry_table(self.model)
        self.detail = EntryDetail()
        self.detail.lang = ctx.lang
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([620, 480])
        split.setChildrenCollapsible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.note)
        lay.addWidget(split, 1)
        lay.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _p: self.detail.show_entry(current.data(ROW_ROLE) if current.isValid() else None)
        )
        while self.model.canFetchMore():
            self.model.fetchMore()
        fit_columns(self.table)
        if rows:
            self.table.selectRow(len(rows) - 1)
        self.resize(1150, 620)
