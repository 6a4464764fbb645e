"""Menu entries of the audit screens: Xem › Nhật ký thay đổi…, Sửa › Bản ghi đã xóa gần đây…"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from gui.context import AppContext


class AuditActions(QObject):
    """The two actions of a main window and the dialogs they open (one of each at a time)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.log_dialog = None
        self.deleted_dialog = None
        self.a_log = QAction(window)
        self.a_log.triggered.connect(self.open_log)
        self.a_deleted = QAction(window)
        self.a_deleted.triggered.connect(self.open_deleted)
        self.retranslate()

    @property
    def ctx(self) -> AppContext:
        return self.main.ctx  # type: ignore[attr-defined]

    def retranslate(self) -> None:
        self.a_log.setText(self.tr("Nhật ký thay đổi…"))
        self.a_deleted.setText(self.tr("Bản ghi đã xóa gần đây…"))

    def open_log(self) -> None:
        """The log beside the main window (not modal: the clerk may look something up meanwhile)."""
        from gui.audit.log_page import AuditLogDialog

        if self.log_dialog is None:
            self.log_dialog = AuditLogDialog(self.ctx, self.main)
        else:
            self.log_dialog.refresh()
        self.log_dialog.show()
        self.log_dialog.raise_()
        self.log_dialog.activateWindow()

    def open_deleted(self) -> None:
        from gui.audit.deleted_dialog import DeletedDialog

        dialog = DeletedDialog(self.ctx, self.main)
        self.deleted_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
