"""Cài đặt: the commune profile, interface preferences, business rules and where the data lives.

Interface preferences (language, font size) go to the preferences file; the profile and the rules
go to the database, because reports made from the database must follow them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import settings as keys
from gui.context import AppContext
from gui.errors import show_error
from gui.i18n import apply_language
from gui.pages.accounts_tab import AccountsTab
from gui.pages.profile_form import ProfileForm
from gui.pages.rules_form import RulesForm
from gui.resources import resources_dir
from gui.tasks import Cancelled, Progress, Task, run_task
from gui.widgets.format import fmt_int
from gui.widgets.heading import SECTION_HEADING, make_heading
from gui.widgets.record_form import FormInputError
from storage.dossiers import recompute_due_dates
from storage.errors import UserError, ValidationError
from storage.profile import save_profile
from storage.settings import RuleSettings, load_rules, save_rules, validate_rules

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))  # each language named in itself, never translated
MUTED = "color: #555;"


def english_qm() -> Path:
    """Where the compiled English interface translation is looked for."""
    return resources_dir() / "i18n" / "commune_desk_en.qm"


def log_file() -> Path | None:
    """The log file the application writes to, if logging to a file was set up."""
    for handler in logging.getLogger("commune_desk").handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            return Path(name)
    return None


def switch_language(ctx: AppContext, lang: str) -> bool:
    """Switch the interface language now and remember it for the next start (shared with the province
    settings screen); False when ``lang`` is unknown or already the current one."""
    if lang not in dict(LANGUAGES) or lang == ctx.lang:
        return False
    ctx.settings.set(keys.LANGUAGE, lang)
    ctx.settings.sync()
    ctx.lang = lang
    apply_language(lang)
    # Translators changing already announce it; without any .qm nothing would, yet labels that
    # follow ctx.lang (categories, periods) must change too. Qt merges duplicate announcements.
    app = QCoreApplication.instance()
    if app is not None:
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    ctx.language_changed.emit(lang)
    return True


def apply_font_size(ctx: AppContext, size: int) -> None:
    """Store the font size and apply it to every open window at once (shared with the province settings)."""
    from gui.app import apply_font

    ctx.settings.set(keys.FONT_SIZE, size)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_font(app, size)
        # Make every open window re-resolve its font now (Qt normally does; seen not to in some
        # offscreen runs), so the change is visible at once everywhere.
        for window in app.topLevelWidgets():
            QApplication.sendEvent(window, QEvent(QEvent.Type.ApplicationFontChange))
        # Widgets with a style sheet keep the font resolved when it was set: resolve it again.
        for widget in app.allWidgets():
            if widget.styleSheet():
                widget.setStyleSheet(widget.styleSheet())


def _scrolling(widget: QWidget) -> QScrollArea:
    widget.setMaximumWidth(920)  # a clerk's form reads better than a field stretched across the screen
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


def _muted() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(MUTED)
    return label


class SettingsPage(QWidget):
    """Four tabs: commune, interface, rules, data."""

    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        outer = QVBoxLayout(self)
        self.heading = make_heading(QLabel())
        outer.addWidget(self.heading)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)

        self.profile_form = ProfileForm(ctx)
        self.profile_form.save_requested.connect(self.save_profile)
        self.profile_form.cancel_requested.connect(self.load)
        self.tabs.addTab(_scrolling(self.profile_form), "")

        self.tabs.addTab(self._build_interface(), "")

        self.rules_form = RulesForm()
        self.rules_form.lang = ctx.lang
        self.rules_form.save_requested.connect(self.save_rules)
        self.rules_form.cancel_requested.connect(self.load)
        self.tabs.addTab(_scrolling(self.rules_form), "")

        self.tabs.addTab(self._build_data(), "")
        self.accounts = AccountsTab(ctx)  # Tài khoản: administrators manage them, others see their own
        self.accounts.status_message.connect(self.status_message)
        self.tabs.addTab(self.accounts, "")
        ctx.data_changed.connect(self._on_data_changed)
        self.load()
        self.retranslate()

    # --- building ------------------------------------------------------------------------------
    def _build_interface(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        form = QFormLayout()
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(self.ctx.lang), 0))
        self.language.currentIndexChanged.connect(lambda _i: self.set_language(self.language.currentData()))
        self.language_caption = QLabel()
        self.language_caption.setBuddy(self.language)
        form.addRow(self.language_caption, self.language)
        self.language_note = _muted()
        self.language.setMaximumWidth(280)
        self.font_size = QSpinBox()
        self.font_size.setRange(8, 24)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(self.ctx.settings.get(keys.FONT_SIZE))
        self.font_size.setMaximumWidth(120)
        self._font_timer = QTimer(self)
        self._font_timer.setSingleShot(True)
        self._font_timer.setInterval(400)  # typing "14" should not flash size 8 first
        self._font_timer.timeout.connect(self.apply_font_size)
        self.font_size.valueChanged.connect(lambda _v: self._font_timer.start())
        self.font_caption = QLabel()
        self.font_caption.setBuddy(self.font_size)
        form.addRow(self.font_caption, self.font_size)
        self.font_note = _muted()
        self.interface_heading = make_heading(QLabel(), SECTION_HEADING)
        lay.addWidget(self.interface_heading)
        lay.addLayout(form)
        lay.addSpacing(8)
        lay.addWidget(self.language_note)
        lay.addWidget(self.font_note)
        lay.addStretch(1)
        return box

    def _build_data(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        self.db_group = QGroupBox()
        g = QFormLayout(self.db_group)
        self.db_path = QLineEdit(str(self.ctx.db.path))
        self.log_path = QLineEdit()
        self.ini_path = QLineEdit(self.ctx.settings.file_name)
        for w in (self.db_path, self.log_path, self.ini_path):
            w.setReadOnly(True)
            w.setMinimumWidth(420)
        self.open_data_button, self.open_log_button = QPushButton(), QPushButton()
        self.open_data_button.clicked.connect(lambda: self.open_folder(self.ctx.db.path.parent))
        self.open_log_button.clicked.connect(lambda: self.open_folder(self._log_path().parent))
        self.db_caption, self.log_caption, self.ini_caption = QLabel(), QLabel(), QLabel()
        for caption, field, button in (
            (self.db_caption, self.db_path, self.open_data_button),
            (self.log_caption, self.log_path, self.open_log_button),
            (self.ini_caption, self.ini_path, None),
        ):
            row = QHBoxLayout()
            row.addWidget(field, 1)
            if button is not None:
                row.addWidget(button)
            g.addRow(caption, row)
        self.backup_note = _muted()
        lay.addWidget(self.db_group)
        lay.addWidget(self.backup_note)
        lay.addStretch(1)
        return box

    def _log_path(self) -> Path:
        return log_file() or self.ctx.db.path.parent / "logs" / "commune-desk.log"

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Cài đặt"))
        for i, title in enumerate(
            (self.tr("Thông tin xã"), self.tr("Giao diện"), self.tr("Quy tắc nghiệp vụ"), self.tr("Dữ liệu"))
        ):
            self.tabs.setTabText(i, title)
        self.tabs.setTabText(self.tabs.indexOf(self.accounts), self.tr("Tài khoản"))
        self.accounts.retranslate()
        self.profile_form.lang = self.rules_form.lang = self.ctx.lang
        self.profile_form.retranslate()
        self.rules_form.retranslate()
        self.interface_heading.setText(self.tr("Giao diện (chỉ trên máy này)"))
        self.language_caption.setText(self.tr("&Ngôn ngữ"))
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(self.language.findData(self.ctx.lang), 0))
        self.language.blockSignals(False)
        if self.ctx.lang == "en" and not english_qm().exists():
            self.language_note.setText(
                self.tr(
                    "Đã chuyển sang tiếng Anh, nhưng máy này chưa có tệp bản dịch giao diện ({path}): "
                    "các chữ trên màn hình vẫn hiện tiếng Việt; tên danh mục, kỳ báo cáo và số liệu đã theo "
                    "tiếng Anh."
                ).format(path=english_qm().name)
            )
        else:
            self.language_note.setText(self.tr("Đổi ngôn ngữ có hiệu lực ngay, không cần khởi động lại."))
        self.font_caption.setText(self.tr("&Cỡ chữ"))
        self.font_note.setText(
            self.tr(
                "Cỡ chữ đổi ngay cho mọi màn hình. Chiều cao dòng của các bảng đã mở khớp hẳn với cỡ chữ mới "
                "sau khi khởi động lại phần mềm."
            )
        )
        self.db_group.setTitle(self.tr("Nơi lưu dữ liệu"))
        self.db_caption.setText(self.tr("Tệp cơ sở dữ liệu"))
        self.log_caption.setText(self.tr("Tệp nhật ký"))
        self.ini_caption.setText(self.tr("Tệp tùy chọn giao diện"))
        self.log_path.setText(str(self._log_path()))
        self.open_data_button.setText(self.tr("Mở thư mục dữ liệu"))
        self.open_log_button.setText(self.tr("Mở thư mục nhật ký"))
        self.backup_note.setText(
            self.tr(
                "Toàn bộ số liệu của xã nằm trong tệp cơ sở dữ liệu. Để sao lưu: đóng phần mềm rồi chép tệp "
                "này sang USB hoặc ổ đĩa khác. Khi gặp lỗi, gửi kèm tệp nhật ký cho người hỗ trợ."
            )
        )

    # --- data ----------------------------------------------------------------------------------
    def load(self) -> None:
        """Show the stored profile and rules (also Esc: drop unsaved changes)."""
        profile = self.ctx.profile()
        if profile is not None:
            self.profile_form.set_row(profile)
        self.profile_form.clear_problems()
        self.rules_form.set_rules(self.ctx.read(load_rules))
        self.rules_form.clear_problems()

    def _on_data_changed(self, kind: str) -> None:
        if kind in ("*", "profile") and self.task is None:
            self.load()

    def save_profile(self) -> bool:
        """Store the profile form (Enter / the save button)."""
        try:
            data = self.profile_form.get_data()
            with self.ctx.session() as s:
                row = save_profile(s, data, user_id=self.ctx.user_id)
        except FormInputError as exc:
            self.profile_form.show_problems(exc.problems)
            return False
        except ValidationError as exc:
            self.profile_form.show_problems(exc.problems)
            self.status_message.emit(self.tr("Chưa lưu: hãy sửa các ô được đánh dấu đỏ."))
            return False
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return False
        self.profile_form.clear_problems()
        self.profile_form.set_row(row)
        self.ctx.notify("profile")
        self.status_message.emit(self.tr("Đã lưu thông tin {name}.").format(name=row.name))
        return True

    def save_rules(self) -> bool:
        """Store the rules; when deadline rules changed, recompute stored due dates in the background."""
        if self.task is not None:
            return False
        rules = self.rules_form.get_rules()
        problems = validate_rules(rules)
        if problems:
            self.rules_form.show_problems(problems)
            self.status_message.emit(self.tr("Chưa lưu: hãy sửa các ô được đánh dấu đỏ."))
            return False
        old = self.rules_form.stored
        if (rules.same_day_cutoff, rules.office_end) == (old.same_day_cutoff, old.office_end):
            try:
                with self.ctx.session() as s:
                    save_rules(s, rules)
            except UserError as exc:
                show_error(self, exc, self.ctx.lang)
                return False
            self._rules_saved(rules, None)
            return True

        def work(_progress: Progress, _cancelled: Cancelled) -> int:
            with self.ctx.session() as s:  # rules and due dates change together or not at all
                save_rules(s, rules)
                return recompute_due_dates(s)

        self.rules_form.setEnabled(False)
        self.task = run_task(
            self,
            self.tr("Đang tính lại hạn giải quyết của các hồ sơ đã lưu…"),
            work,
            lambda n: self._rules_saved(rules, n),
            self._rules_failed,
            writes=True,
            cancellable=False,
        )
        return True

    def _rules_saved(self, rules: RuleSettings, recomputed: int | None) -> None:
        self.task = None
        self.rules_form.setEnabled(True)
        self.rules_form.clear_problems()
        self.rules_form.set_rules(rules)
        self.ctx.notify("settings")
        message = self.tr("Đã lưu quy tắc nghiệp vụ.")
        if recomputed is not None:
            self.ctx.notify("dossiers")
            message += " " + self.tr("Đã tính lại hạn giải quyết: {n} hồ sơ thay đổi hạn.").format(
                n=fmt_int(recomputed)
            )
        self.status_message.emit(message)

    def _rules_failed(self, exc: BaseException) -> None:
        self.task = None
        self.rules_form.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.rules_form.show_problems(exc.problems)
            return
        show_error(self, exc, self.ctx.lang, self.tr("Chưa lưu quy tắc nghiệp vụ"))

    # --- interface -----------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch the interface language now and remember it for the next start."""
        switch_language(self.ctx, lang)

    def apply_font_size(self) -> None:
        """Store the font size and apply it to the whole application at once."""
        size = self.font_size.value()
        apply_font_size(self.ctx, size)
        self.status_message.emit(self.tr("Cỡ chữ: {size} pt.").format(size=size))

    def open_folder(self, folder: Path) -> bool:
        """Open a folder in the system's file manager (Explorer on Windows)."""
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            return True
        QMessageBox.warning(
            self,
            self.tr("Không mở được thư mục"),
            self.tr("Không mở được thư mục {path}. Hãy mở bằng trình quản lý tệp.").format(path=folder),
        )
        return False
