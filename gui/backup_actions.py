"""Backups from the desktop: automatic copies while the program is used, "Sao lưu ra…", "Khôi phục từ…",
and the start with a damaged database.

Why: the clerk should never have to think about backups until the day one is needed; then the choice
must be plain (whose data, from when, what is lost) and the damaged file must stay untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMainWindow, QMessageBox

from gui import settings as keys
from gui.audit.roles import may
from gui.context import AppContext
from gui.errors import show_error, user_message
from gui.tasks import Task, run_task
from gui.widgets.format import fmt_date
from storage.actor import Level, PermissionDenied
from storage.backup import auto_backup, default_backup_name
from storage.backup_info import BackupInfo
from storage.db import Database, default_db_path
from storage.errors import UserError
from storage.restore import (
    DatabaseDamaged,
    RestorePlan,
    RestoreResult,
    note_restore,
    open_checked,
    plan_restore,
    restore_from,
)

log = logging.getLogger("commune_desk.gui")
CHECK_EVERY_MS = 10 * 60 * 1000  # how often "is a backup due?" is asked while the program runs
FIRST_BACKUP_DELAY_MS = 3000  # after the window is up: the first screen gets the disk first
_REOPENED: list[AppContext] = []  # contexts opened after a restore: closed when the program ends


class AutoBackup(QObject):
    """A backup at start and then every N hours (setting), only when records changed since the last one."""

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.main, self.ctx = window, ctx
        self.dirty = True  # the last session's work may not be in any backup yet
        self.task: Task | None = None
        self.last: BackupInfo | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.first = QTimer(self)
        self.first.setSingleShot(True)
        self.first.timeout.connect(self.check)
        ctx.data_changed.connect(self._changed)

    def start(self, first_delay_ms: int = FIRST_BACKUP_DELAY_MS) -> None:
        self.first.start(first_delay_ms)
        self.timer.start()

    def stop(self) -> None:
        self.first.stop()
        self.timer.stop()

    def _changed(self, _kind: str) -> None:
        self.dirty = True

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def check(self) -> None:
        """Start a background backup when one is due (the storage rule decides: newest older than N hours)."""
        if self.busy or not self.dirty:
            return
        hours = max(1, self.ctx.settings.get(keys.BACKUP_EVERY_HOURS))
        path = Path(self.ctx.db.path)
        self.task = run_task(
            self.main,
            self.tr("Đang sao lưu tự động…"),
            lambda _p, _c: auto_backup(path, every_hours=hours),
            self._done,
            self._failed,
            writes=True,  # one at a time with a restore and with saving tasks
            cancellable=False,
            show_after_ms=None,  # silent
        )

    def _done(self, info: BackupInfo | None) -> None:
        if info is not None:
            self.dirty, self.last = False, info
            log.info("automatic backup %s", info.path)

    def _failed(self, exc: BaseException) -> None:
        log.warning("automatic backup failed: %s", exc, exc_info=not isinstance(exc, UserError))
        self.main.statusBar().showMessage(
            self.tr("Sao lưu tự động không thành công: {reason}").format(reason=user_message(exc, self.ctx.lang))
        )


def start_auto_backups(window: QMainWindow, first_delay_ms: int = FIRST_BACKUP_DELAY_MS) -> AutoBackup:
    """Automatic backups for this window's database, from now on while it is open."""
    auto = AutoBackup(window, window.ctx)  # type: ignore[attr-defined]
    window.backups.auto = auto  # type: ignore[attr-defined]
    auto.start(first_delay_ms)
    return auto


class BackupActions(QObject):
    """File menu: "Sao lưu ra…" and "Khôi phục từ bản sao lưu…" of a main window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.auto: AutoBackup | None = None
        self.task: Task | None = None
        self.a_backup = QAction(window)
        self.a_backup.triggered.connect(self.backup_out)
        self.a_restore = QAction(window)
        self.a_restore.triggered.connect(self.restore_from_file)
        self.replaced_by: QMainWindow | None = None  # the window opened after a restore (tests look at it)
        self.retranslate()

    @property
    def ctx(self) -> AppContext:
        return self.main.ctx  # type: ignore[attr-defined]

    def retranslate(self) -> None:
        self.a_backup.setText(self.tr("Sao lưu ra…"))
        self.a_restore.setText(self.tr("Khôi phục từ bản sao lưu…"))
        allowed = may(self.ctx, Level.ADMIN)
        self.a_restore.setEnabled(allowed)  # each login opens a new window: the role is fixed here
        tip = "" if allowed else self.tr("Chỉ quản trị được khôi phục dữ liệu từ bản sao lưu.")
        self.a_restore.setToolTip(tip)
        self.a_restore.setStatusTip(tip)

    def may_restore(self) -> bool:
        """Restoring replaces every record and every account: administrators only (said when refused).

        Checked here because the storage entry point (storage.restore) takes no actor yet.
        """
        if may(self.ctx, Level.ADMIN):
            return True
        show_error(
            self.main,
            PermissionDenied(
                "Chỉ quản trị được khôi phục dữ liệu từ bản sao lưu: việc này thay toàn bộ dữ liệu và tài khoản.",
                "Only an administrator may restore from a backup: it replaces all data and accounts.",
            ),
            self.ctx.lang,
            self.tr("Không khôi phục được"),
        )
        return False

    # --- backup ------------------------------------------------------------------------------
    def _folder(self) -> str:
        saved = self.ctx.settings.get(keys.BACKUP_FOLDER)
        if saved and Path(saved).is_dir():
            return saved
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def _default_name(self) -> str:
        if self.ctx.is_province:
            from storage.province.profile import load_province_profile

            province = self.ctx.read(load_province_profile)
            owner = BackupInfo(Path(), province_code=province.code if province else "")
        else:
            profile = self.ctx.profile()
            owner = BackupInfo(Path(), commune_code=profile.code if profile else "")
        return default_backup_name(owner, datetime.now())

    def backup_out(self) -> None:
        """Ask where (a USB stick, usually), then copy and check in the background."""
        start = str(Path(self._folder()) / self._default_name())
        from gui.dialogs.backup_dialogs import BACKUP_FILTER  # the dialogs load when used, not at every start

        chosen, _ = QFileDialog.getSaveFileName(self.main, self.tr("Sao lưu dữ liệu ra…"), start, BACKUP_FILTER)
        if not chosen:
            return
        dest = Path(chosen)
        if dest.suffix.lower() not in (".sqlite", ".db"):
            dest = dest.with_name(dest.name + ".sqlite")
        self.ctx.settings.set(keys.BACKUP_FOLDER, str(dest.parent))
        source = Path(self.ctx.db.path)
        from storage.backup import backup_to

        self.task = run_task(
            self.main,
            self.tr("Đang sao lưu…"),
            lambda _p, _c: backup_to(source, dest),
            self._backed_up,
            lambda exc: show_error(self.main, exc, self.ctx.lang, self.tr("Không sao lưu được")),
            writes=True,
            cancellable=False,
        )

    def _backed_up(self, info: BackupInfo) -> None:
        QMessageBox.information(
            self.main,
            self.tr("Đã sao lưu"),
            self.tr("Đã sao lưu dữ liệu của {owner} vào:\n{path}\n\nBản sao đã được kiểm tra toàn vẹn.").format(
                owner=info.owner(self.ctx.lang), path=info.path
            ),
        )

    # --- restore -----------------------------------------------------------------------------
    def restore_from_file(self) -> None:
        """Pick a file, check it in the background, show what it is and what is lost, then restore."""
        if not self.may_restore():
            return
        from gui.dialogs.backup_dialogs import BACKUP_FILTER  # the dialogs load when used, not at every start

        chosen, _ = QFileDialog.getOpenFileName(
            self.main, self.tr("Chọn bản sao lưu để khôi phục"), self._folder(), BACKUP_FILTER
        )
        if not chosen:
            return
        current = Path(self.ctx.db.path)
        self.task = run_task(
            self.main,
            self.tr("Đang kiểm tra bản sao lưu…"),
            lambda _p, _c: plan_restore(current, Path(chosen)),
            self._confirm,
            lambda exc: show_error(self.main, exc, self.ctx.lang, self.tr("Không khôi phục được")),
            cancellable=False,
        )

    def _confirm(self, plan: RestorePlan) -> None:
        from gui.dialogs.backup_dialogs import RestoreConfirmDialog  # the dialogs load when used, not at every start

        dialog = RestoreConfirmDialog(self.main, plan, self.ctx.lang)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.restore(plan.info.path, allow_other_commune=dialog.allow_other_commune)

    def restore(self, backup: Path, *, allow_other_commune: bool = False) -> None:
        """Close the database, replace it (in the background), then log in to it and open a new main window."""
        if not self.may_restore():
            return
        if self.auto is not None:
            self.auto.stop()
        ctx = self.ctx
        path = Path(ctx.db.path)
        actor = ctx.actor  # the administrator, named in the restored file's log
        ctx.db.close()

        def work(_p: Any, _c: Any) -> tuple[RestoreResult, Database | BaseException]:
            result = restore_from(path, backup, allow_other_commune=allow_other_commune)
            try:
                restored = open_checked(path)  # an older backup is upgraded here (backup first)
                note_restore(restored, result, actor)  # the restored file's log names the administrator
                return result, restored
            except Exception as exc:  # replaced, but cannot be opened: reported, the program closes
                return result, exc

        self.task = run_task(
            self.main,
            self.tr("Đang khôi phục dữ liệu…"),
            work,
            self._restored,
            self._restore_failed,
            writes=True,
            cancellable=False,
            show_after_ms=0,
        )

    def _restore_failed(self, exc: BaseException) -> None:
        """Nothing was replaced: the window goes on with the same database."""
        show_error(self.main, exc, self.ctx.lang, self.tr("Không khôi phục được"))
        if self.auto is not None:
            self.auto.start()

    def _restored(self, outcome: tuple[RestoreResult, Database | BaseException]) -> None:
        result, db = outcome
        if isinstance(db, BaseException):
            show_error(self.main, db, self.ctx.lang, self.tr("Đã khôi phục nhưng không mở được dữ liệu"))
            self.main.close()
            return
        old = self.ctx
        ctx = AppContext(db, old.settings, old.lang)  # nobody logged in (actor None) on the restored file
        if not log_in_again(ctx, self.main):  # login cancelled: the program ends, nothing half-open
            db.close()
            self.main.close()
            QApplication.quit()
            return
        window = replace_main_window(self.main, ctx)
        self.replaced_by = window
        info = result.backup
        text = self.tr("Đã khôi phục dữ liệu của {owner} từ bản sao lưu lập lúc {made}.").format(
            owner=info.owner(old.lang), made=fmt_date(info.made_at)
        )
        if result.safety_copy is not None:
            text += "\n\n" + self.tr("Dữ liệu trước khi khôi phục được giữ tại:\n{path}").format(
                path=result.safety_copy
            )
        QMessageBox.information(window, self.tr("Đã khôi phục"), text)


def log_in_again(ctx: AppContext, parent: QMainWindow) -> bool:
    """The restored file has its own accounts: whoever goes on working logs in to it (False: quit)."""
    from gui.login import log_in_at_start

    return log_in_at_start(ctx, parent)


def replace_main_window(old: QMainWindow, ctx: AppContext) -> QMainWindow:
    """A new main window of the same kind on ``ctx`` in place of ``old`` (the program does not quit meanwhile)."""
    app = QApplication.instance()
    quit_on_last = app.quitOnLastWindowClosed()  # type: ignore[union-attr]
    app.setQuitOnLastWindowClosed(False)  # type: ignore[union-attr]
    try:
        old.close()  # saves the geometry the new window takes over
        window = type(old)(ctx)  # type: ignore[call-arg]
        _REOPENED.append(ctx)
        window.show()
        start_auto_backups(window)
        old.deleteLater()
    finally:
        app.setQuitOnLastWindowClosed(quit_on_last)  # type: ignore[union-attr]
    return window


def close_reopened_contexts() -> None:
    while _REOPENED:
        _REOPENED.pop().db.close()


def _busy(fn: Callable[[], Any]) -> Any:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return fn()
    finally:
        QGuiApplication.restoreOverrideCursor()


def open_or_recover(db_path: Path | None, lang: str) -> Database | None:
    """Open the database after its quick check; a damaged one offers its good backups (None: the user quit).

    The damaged file is never opened for writing: it is copied byte for byte into ``backups/`` by the restore.
    """
    path = Path(db_path) if db_path else default_db_path()
    restored: RestoreResult | None = None
    while True:
        try:
            db = open_checked(path)
            if restored is not None:
                note_restore(db, restored, None)  # before any login: the log says "the system", from which backup
            return db
        except DatabaseDamaged as damaged:
            log.error("damaged database %s: %s", path, "; ".join(damaged.problems[:5]))
            from gui.dialogs.backup_dialogs import DamagedStartDialog  # the dialogs load when used, not at every start

            dialog = DamagedStartDialog(damaged, lang)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
                return None
            chosen = dialog.chosen
            try:
                result = _busy(lambda c=chosen: restore_from(path, c.path, allow_other_commune=True))
            except UserError as exc:
                show_error(None, exc, lang, QApplication.translate("BackupActions", "Không khôi phục được"))
                continue
            text = QApplication.translate(
                "BackupActions",
                "Đã khôi phục dữ liệu từ bản sao lưu lập lúc {made}. Các thay đổi sau {lost} đã mất, "
                "hãy nhập lại nếu cần.",
            ).format(made=fmt_date(chosen.made_at), lost=fmt_date(chosen.lost_after))
            restored = result
            if result.safety_copy is not None:
                text += "\n\n" + QApplication.translate("BackupActions", "Tệp bị hỏng được giữ tại:\n{path}").format(
                    path=result.safety_copy
                )
            QMessageBox.information(None, QApplication.translate("BackupActions", "Đã khôi phục"), text)
