"""Sửa › Bản ghi đã xóa gần đây: deleted dossiers, staff, equipment, proposals and register rows, restorable.

Why: a clerk who deleted the wrong dossier must not lose it. Deletion keeps the whole record in the
append-only log; an officer puts it back here with its id (a dossier with its supplement requests).
Storage refuses clerks and locked periods; its message is shown here as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.audit.labels import NOTIFY_KIND, record_text
from gui.audit.roles import may
from gui.audit.widgets import ROW_ROLE, AuditModel, EntryDetail, fit_columns, make_entry_table
from gui.context import AppContext
from gui.widgets.heading import make_heading
from storage.actor import Level
from storage.audit import AuditRow, recently_deleted, restore_deleted
from storage.errors import UserError

DAYS = 90
OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b00020;"


class DeletedDialog(QDialog):
    """Records deleted in the last 90 days that have not come back, newest first, with their values."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading = make_heading(QLabel())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.model = AuditModel(lambda _o, _l: [], ctx.lang, self, columns=("table", "record", "at", "user"))
        self.table = make_entry_table(self.model)
        self.detail = EntryDetail()
        self.detail.lang = ctx.lang
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([600, 460])
        split.setChildrenCollapsible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore_selected)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.restore_button)
        bottom.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.note)
        lay.addWidget(split, 1)
        lay.addLayout(bottom)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.model.modelReset.connect(self._on_current)
        self.retranslate()
        self.reload()
        fit_columns(self.table)
        self.resize(1120, 600)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Bản ghi đã xóa gần đây"))
        self.heading.setText(self.tr("Bản ghi đã xóa gần đây"))
        self.note.setText(
            self.tr(
                "Hồ sơ, nhân sự, trang thiết bị, kiến nghị và dòng sổ báo cáo đã gửi bị xóa trong {days} ngày qua. "
                "Lãnh đạo hoặc quản trị có thể khôi phục nguyên bản ghi (hồ sơ kèm các lần yêu cầu bổ sung)."
            ).format(days=DAYS)
        )
        self.restore_button.setText(self.tr("Khôi phục"))
        self.close_button.setText(self.tr("Đóng"))
        self.model.retranslate(self.ctx.lang)
        self.detail.lang = self.ctx.lang
        self.detail.retranslate()
        self._update_button()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        rows = self.ctx.read(lambda s: recently_deleted(s, days=DAYS))
        self.model.set_fetch(lambda offset, limit: rows[offset : offset + limit])
        if rows:
            self.table.selectRow(0)

    def selected(self) -> AuditRow | None:
        index = self.table.selectionModel().currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _on_current(self, *_args: object) -> None:
        self.detail.show_entry(self.selected())
        self._update_button()

    def _update_button(self) -> None:
        allowed = may(self.ctx, Level.OFFICER)
        self.restore_button.setEnabled(allowed and self.selected() is not None)
        self.restore_button.setToolTip(
            "" if allowed else self.tr("Chỉ lãnh đạo hoặc quản trị được khôi phục bản ghi đã xóa.")
        )

    def restore_selected(self) -> bool:
        """Put the selected record back; storage's refusal (role, locked period) is shown here."""
        entry = self.selected()
        if entry is None:
            return False
        try:
            with self.ctx.session() as s:
                restore_deleted(s, entry.id)
        except UserError as exc:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(exc.message(self.ctx.lang))
            return False
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(self.tr("Đã khôi phục {record}.").format(record=record_text(entry, self.ctx.lang)))
        self.ctx.notify(NOTIFY_KIND.get(entry.table_name, "*"))
        self.reload()
        return True
