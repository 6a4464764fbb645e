"""The main window: sidebar navigation, menus with the usual shortcuts, status bar.

A commune database shows the commune's registers and reports; a province database shows the
province's screens instead (reports received, completeness, consolidation, answers, communes).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from gui import settings as keys
from gui.context import AppContext
from gui.resources import icon
from gui.settings import Key
from storage.periods import period_containing
from storage.province.profile import load_province_profile, province_title


def _separator() -> QFrame:
    """A thin vertical line between the status bar's facts (commune | period | database)."""
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


SIDEBAR_MIN_WIDTH = 160
SIDEBAR_MARGIN = 8  # room between the longest name and the edge


@dataclass(frozen=True)
class PageSpec:
    key: str
    icon: str
    target: str  # "module:Class", imported when first shown (fast start)


PAGES = (
    PageSpec("dashboard", "dashboard", "gui.pages.dashboard:DashboardPage"),
    PageSpec("staff", "staff", "gui.registers.staff:StaffPage"),
    PageSpec("dossiers", "dossiers", "gui.registers.dossiers:DossierPage"),
    PageSpec("equipment", "equipment", "gui.registers.equipment:EquipmentPage"),
    PageSpec("proposals", "proposals", "gui.registers.proposals:ProposalPage"),
    PageSpec("reports", "reports", "gui.pages.reports:ReportsPage"),
    PageSpec("catalogs", "catalogs", "gui.pages.catalogs:CatalogsPage"),
    PageSpec("settings", "settings", "gui.pages.settings_page:SettingsPage"),
)

PROVINCE_PAGES = (
    PageSpec("dashboard", "dashboard", "gui.province.dashboard:ProvinceDashboardPage"),
    PageSpec("inbox", "inbox", "gui.province.inbox:InboxPage"),
    PageSpec("completeness", "completeness", "gui.province.completeness:CompletenessPage"),
    PageSpec("consolidated", "consolidated", "gui.province.consolidated:ConsolidatedPage"),
    PageSpec("proposals", "proposals", "gui.province.proposals:ProvinceProposalsPage"),
    PageSpec("communes", "communes", "gui.province.communes:CommunesPage"),
    PageSpec("settings", "settings", "gui.province.settings_page:ProvinceSettingsPage"),
)
# The province's last page is remembered apart from the commune's: one PC may open both kinds of database.
LAST_PROVINCE_PAGE = Key("ui/last_province_page", "dashboard", str)


class MainWindow(QMainWindow):
    """Sidebar + stacked pages; each page is built the first time it is shown."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.province = ctx.is_province
        self.pages = PROVINCE_PAGES if self.province else PAGES
        self._last_key = LAST_PROVINCE_PAGE if self.province else keys.LAST_PAGE
        self._pages: dict[str, QWidget] = {}
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        self.sidebar = QListWidget()
        self.sidebar.setIconSize(QSize(24, 24))
        self.sidebar.setObjectName("sidebar")
        for spec in self.pages:
            item = QListWidgetItem(icon(spec.icon), "")
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.sidebar.addItem(item)
        self.stack = QStackedWidget()
        lay.addWidget(self.sidebar)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self._show_row)
        self._status_commune = QLabel()
        self._status_period = QLabel()
        self._status_db = QLabel()
        for i, w in enumerate((self._status_commune, self._status_period, self._status_db)):
            if i:
                self.statusBar().addPermanentWidget(_separator())
            self.statusBar().addPermanentWidget(w)
        self._make_actions()
        if ctx.actor is not None:  # who is logged in: «lan.nt – Cán bộ nhập liệu»
            self.statusBar().addPermanentWidget(_separator())
            self.statusBar().addPermanentWidget(self.accounts.status)
        self.retranslate()
        ctx.data_changed.connect(lambda _k: self._update_status())
        geometry = ctx.settings.get(keys.GEOMETRY)
        if not geometry or not self.restoreGeometry(geometry):
            self.resize(1366, 800)
        last = ctx.settings.get(self._last_key)
        self.show_page(last if any(p.key == last for p in self.pages) else self.pages[0].key)

    # --- pages -------------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        if key not in self._pages:
            spec = next(p for p in self.pages if p.key == key)
            module, cls = spec.target.split(":")
            page = getattr(importlib.import_module(module), cls)(self.ctx)
            if hasattr(page, "status_message"):
                page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self._pages[key] = page
            self.stack.addWidget(page)
        return self._pages[key]

    def show_page(self, key: str) -> QWidget:
        row = next(i for i, p in enumerate(self.pages) if p.key == key)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # triggers _show_row
        return self.page(key)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.pages[row].key
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        self.ctx.settings.set(self._last_key, key)
        self._enable_page_actions(page)

    def _enable_page_actions(self, page: QWidget) -> None:
        """Grey out New/Save/Delete/… where the page has no such thing (dashboards, reports, the inbox)."""
        for action, method in (
            (self.a_new, "new_record"),
            (self.a_save, "save_current"),
            (self.a_delete, "delete_current"),
            (self.a_undo, "undo_delete"),
            (self.a_find, "focus_search"),
            (self.a_import, "import_file"),
            (self.a_template, "save_template"),
        ):
            action.setEnabled(callable(getattr(page, method, None)))

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _call(self, method: str) -> None:
        page = self.current_page()
        fn = getattr(page, method, None)
        if callable(fn):
            fn()
        else:
            self.statusBar().showMessage(self.tr("Màn hình này không có thao tác đó."), 4000)

    # --- actions -----------------------------------------------------------------------------
    def _make_actions(self) -> None:
        def act(shortcut: QKeySequence | str | None, slot) -> QAction:  # type: ignore[no-untyped-def]
            a = QAction(self)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(slot)
            self.addAction(a)
            return a

        self.a_new = act(QKeySequence.StandardKey.New, lambda: self._call("new_record"))
        self.a_save = act(QKeySequence.StandardKey.Save, lambda: self._call("save_current"))
        self.a_delete = act(None, lambda: self._call("delete_current"))
        self.a_undo = act(QKeySequence.StandardKey.Undo, lambda: self._call("undo_delete"))
        self.a_find = act(QKeySequence.StandardKey.Find, lambda: self._call("focus_search"))
        self.a_refresh = act(QKeySequence(Qt.Key.Key_F5), self._refresh_all)
        self.a_import = act(None, lambda: self._call("import_file"))
        self.a_template = act(None, lambda: self._call("save_template"))
        self.a_quit = act(QKeySequence("Ctrl+Q"), self.close)
        self.a_about = act(None, self._about)
        from gui.backup_actions import BackupActions

        self.backups = BackupActions(self)  # Tệp › Sao lưu ra… / Khôi phục từ bản sao lưu…
        from gui.audit.actions import AuditActions

        self.audit = AuditActions(self)  # Xem › Nhật ký thay đổi…, Sửa › Bản ghi đã xóa gần đây…
        from gui.account_actions import AccountActions

        self.accounts = AccountActions(self)  # Tệp › Đổi mật khẩu… / Đăng xuất; who is logged in (status bar)
        self.a_pages = [
            act(QKeySequence(f"Ctrl+{i + 1}"), lambda _c=False, k=p.key: self.show_page(k))
            for i, p in enumerate(self.pages)
        ]
        bar = self.menuBar()
        self.m_file = bar.addMenu("")
        self.m_file.addActions([self.a_import, self.a_template])
        self.m_file.addSeparator()
        self.m_file.addActions([self.backups.a_backup, self.backups.a_restore])
        self.m_file.addSeparator()
        self.m_file.addActions([self.accounts.a_password, self.accounts.a_logout])
        self.m_file.addSeparator()
        self.m_file.addAction(self.a_quit)
        self.m_edit = bar.addMenu("")
        self.m_edit.addActions([self.a_new, self.a_save, self.a_delete, self.a_undo])
        self.m_edit.addSeparator()
        self.m_edit.addAction(self.a_find)
        if not self.province:  # deleted records that can come back are the commune's
            self.m_edit.addSeparator()
            self.m_edit.addAction(self.audit.a_deleted)
        self.m_view = bar.addMenu("")
        self.m_view.addAction(self.a_refresh)
        self.m_view.addSeparator()
        self.m_view.addActions(self.a_pages)
        self.m_view.addSeparator()
        self.m_view.addAction(self.audit.a_log)
        self.m_help = bar.addMenu("")
        self.m_help.addAction(self.a_about)
        tb = self.addToolBar("main")
        tb.setObjectName("main_toolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for a, name in (
            (self.a_new, "new"),
            (self.a_save, "save"),
            (self.a_delete, "delete"),
            (self.a_refresh, "refresh"),
        ):
            a.setIcon(icon(name))
            tb.addAction(a)
        self.toolbar = tb

    def retranslate(self) -> None:
        """All texts of the window (called at start and on a language switch)."""
        titles = self.page_titles()
        for i, spec in enumerate(self.pages):
            self.sidebar.item(i).setText(titles[spec.key])
        self.m_file.setTitle(self.tr("&Tệp"))
        self.m_edit.setTitle(self.tr("&Sửa"))
        self.m_view.setTitle(self.tr("&Xem"))
        self.m_help.setTitle(self.tr("&Trợ giúp"))
        self.a_new.setText(self.tr("Thêm mới"))
        self.a_save.setText(self.tr("Lưu"))
        self.a_delete.setText(self.tr("Xóa bản ghi đang chọn (Delete)"))
        self.a_undo.setText(self.tr("Hoàn tác xóa"))
        self.a_find.setText(self.tr("Tìm kiếm"))
        self.a_refresh.setText(self.tr("Làm mới"))
        self.a_import.setText(self.tr("Nhập từ tệp CSV/Excel…"))
        self.a_template.setText(self.tr("Tải tệp mẫu…"))
        self.a_quit.setText(self.tr("Thoát"))
        self.backups.retranslate()
        self.audit.retranslate()
        self.accounts.retranslate()
        self.a_about.setText(self.tr("Giới thiệu Commune Desk"))
        for a, spec in zip(self.a_pages, self.pages, strict=True):
            a.setText(titles[spec.key])
        self._fit_sidebar()
        self._update_status()

    def _fit_sidebar(self) -> None:
        """As wide as the longest page name (in this language and font size): the rest goes to the pages."""
        content = self.sidebar.sizeHintForColumn(0) + 2 * self.sidebar.frameWidth()
        self.sidebar.setFixedWidth(max(SIDEBAR_MIN_WIDTH, content + SIDEBAR_MARGIN))

    def page_titles(self) -> dict[str, str]:
        if self.province:
            return {
                "dashboard": self.tr("Tổng quan"),
                "inbox": self.tr("Nhận báo cáo"),
                "completeness": self.tr("Tình hình nộp"),
                "consolidated": self.tr("Báo cáo tổng hợp"),
                "proposals": self.tr("Kiến nghị của xã"),
                "communes": self.tr("Danh sách xã"),
                "settings": self.tr("Cài đặt"),
            }
        return {
            "dashboard": self.tr("Tổng quan"),
            "staff": self.tr("Nhân sự"),
            "dossiers": self.tr("Hồ sơ TTHC"),
            "equipment": self.tr("Trang thiết bị"),
            "proposals": self.tr("Khó khăn & kiến nghị"),
            "reports": self.tr("Báo cáo"),
            "catalogs": self.tr("Danh mục"),
            "settings": self.tr("Cài đặt"),
        }

    def _owner_name(self) -> str:
        """Whose database this is: the commune and its province, or the province (province mode)."""
        if self.province:
            province = self.ctx.read(load_province_profile)
            if province is None:
                return self.tr("(chưa khai báo tỉnh)")
            return self.tr("{province} – tổng hợp báo cáo các xã").format(province=province_title(province.name))
        profile = self.ctx.profile()
        return f"{profile.name} – {profile.province_name}" if profile else self.tr("(chưa khai báo xã)")

    def _update_status(self) -> None:
        name = self._owner_name()
        self.setWindowTitle(f"Commune Desk – {name}")
        self._status_commune.setText(name)
        rules = self.ctx.rules().rules
        period = period_containing(date.today(), official=rules.official_periods, cutoff_day=rules.cutoff_day)
        self._status_period.setText(
            self.tr("Kỳ hiện tại: {label} {range}").format(
                label=period.label(self.ctx.lang), range=period.range_text(self.ctx.lang)
            )
        )
        # The file name is enough to tell two databases apart; the whole path is in the tooltip.
        self._status_db.setText(self.tr("Tệp dữ liệu: {name}").format(name=Path(self.ctx.db.path).name))
        self._status_db.setToolTip(str(self.ctx.db.path))

    def _refresh_all(self) -> None:
        self.ctx.notify("*")
        self.statusBar().showMessage(self.tr("Đã làm mới dữ liệu."), 3000)

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("Giới thiệu"), self.about_text())

    def about_text(self) -> str:
        """Program version, the schema revision stamped in the open file, and the file.

        The file's revision is read now, not assumed: opening migrated it to this program's, but a newer
        Commune Desk on another PC may have upgraded a shared file since; then both revisions are shown.
        """
        from cli.app import __version__
        from storage.db import current_revision, head_revision

        head = head_revision()
        stamped = current_revision(self.ctx.db.engine) or "-"
        schema = head if stamped == head else self.tr("{stamped} (chương trình này dùng {head})")
        return self.tr("Commune Desk {version}\nPhiên bản cơ sở dữ liệu: {schema}\nCơ sở dữ liệu: {path}").format(
            version=__version__,
            schema=schema.format(stamped=stamped, head=head),
            path=Path(self.ctx.db.path).resolve(),  # where the data is, even when --db was relative
        )

    # --- events ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the user chose another font size
            self._fit_sidebar()
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for page in self._pages.values():
                if hasattr(page, "retranslate"):
                    page.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.set(keys.GEOMETRY, self.saveGeometry())
        self.ctx.settings.sync()
        super().closeEvent(event)
