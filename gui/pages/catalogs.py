"""Danh mục: the lists the other screens draw on (units, procedures, working calendar, staffing quotas).

Each list is a tab; the main window's actions (Ctrl+N, Ctrl+S, Delete, Ctrl+Z, Ctrl+F, import)
go to the tab in front.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from gui.catalogs.procedures import ProceduresPage
from gui.catalogs.quotas import QuotasPage
from gui.catalogs.units import UnitsPage
from gui.catalogs.working_calendar import WorkingCalendarPage
from gui.context import AppContext

TAB_KEYS = ("units", "procedures", "calendar", "quotas")


class CatalogsPage(QWidget):
    """Four catalog registers as tabs, sharing the window's shortcuts and status bar."""

    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.units = UnitsPage(ctx)
        self.procedures = ProceduresPage(ctx)
        self.calendar = WorkingCalendarPage(ctx)
        self.quotas = QuotasPage(ctx)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page in self._pages():
            self.tabs.addTab(page, "")
            page.status_message.connect(self.status_message)
            page.heading.hide()  # type: ignore[attr-defined]  # the tab already names the list
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)
        self.retranslate()

    def _pages(self) -> tuple[QWidget, ...]:
        return (self.units, self.procedures, self.calendar, self.quotas)

    def show_tab(self, key: str) -> QWidget:
        """Bring the tab ``key`` (one of TAB_KEYS) to the front and return its page."""
        page = self._pages()[TAB_KEYS.index(key)]
        self.tabs.setCurrentWidget(page)
        return page

    def retranslate(self) -> None:
        titles = (
            self.tr("Đơn vị"),
            self.tr("Thủ tục hành chính"),
            self.tr("Lịch nghỉ, làm bù"),
            self.tr("Chỉ tiêu biên chế"),
        )
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)
        for page in self._pages():
            page.retranslate()  # type: ignore[attr-defined]

    # --- the window's actions, sent to the tab in front -------------------------------------------
    def _forward(self, method: str) -> object:
        fn = getattr(self.tabs.currentWidget(), method, None)
        if not callable(fn):
            self.status_message.emit(self.tr("Danh mục này không có thao tác đó."))
            return None
        return fn()

    def new_record(self) -> None:
        self._forward("new_record")

    def save_current(self) -> bool:
        return bool(self._forward("save_current"))

    def delete_current(self) -> None:
        self._forward("delete_current")

    def undo_delete(self) -> None:
        self._forward("undo_delete")

    def focus_search(self) -> None:
        self._forward("focus_search")

    def _forward_import(self, method: str) -> None:
        if not getattr(self.tabs.currentWidget(), "import_kind", None):
            self.status_message.emit(self.tr("Danh mục này không nhập từ tệp."))
            return
        self._forward(method)

    def import_file(self) -> None:
        self._forward_import("import_file")

    def save_template(self) -> None:
        self._forward_import("save_template")
