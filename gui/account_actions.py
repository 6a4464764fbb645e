"""File menu «Đổi mật khẩu…» and «Đăng xuất», and who is logged in on the status bar.

Logging out closes the main window and asks for a login again; the next user gets a new main window
(and a new context on the same database), so nothing of the previous user's screens stays behind.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow

from gui.context import AppContext
from gui.errors import show_error
from gui.login import LoginDialog, log_login, role_text


class AccountActions(QObject):
    """The two menu actions and the status-bar label of one main window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.a_password = QAction(window)
        self.a_password.triggered.connect(self.change_password)
        self.a_logout = QAction(window)
        self.a_logout.triggered.connect(self.log_out)
        self.status = QLabel()
        self.status.setObjectName("status_user")
        self.replaced_by: QMainWindow | None = None  # the window of the next login (tests look at it)
        self.ctx.data_changed.connect(self._changed)
        self.retranslate()

    @property
    def ctx(self) -> AppContext:
        return self.main.ctx  # type: ignore[attr-defined]

    def retranslate(self) -> None:
        self.a_password.setText(self.tr("Đổi mật khẩu…"))
        self.a_logout.setText(self.tr("Đăng xuất"))
        self.update_status()

    def _changed(self, kind: str) -> None:
        if kind in ("accounts", "*"):
            self.update_status()

    def update_status(self) -> None:
        actor = self.ctx.actor
        if self.status.parentWidget() is not None:  # on the status bar only when someone logged in
            self.status.setVisible(actor is not None)
        self.a_password.setEnabled(actor is not None)
        self.a_logout.setEnabled(actor is not None)
        if actor is not None:
            self.status.setText(role_text(actor, self.ctx.lang))
            self.status.setToolTip(actor.full_name)

    def change_password(self) -> None:
        from gui.account_forms import ChangePasswordDialog

        actor = self.ctx.actor
        if actor is None:
            return
        if ChangePasswordDialog(self.ctx, actor, self.main).exec() == QDialog.DialogCode.Accepted:
            self.main.statusBar().showMessage(self.tr("Đã đổi mật khẩu."), 8000)

    def log_out(self) -> QMainWindow | None:
        """Close this window, ask for a login, open a new window for whoever logged in (None: quit)."""
        old = self.ctx
        actor = old.actor
        if actor is not None:
            try:
                with old.session() as s:
                    log_login(s, actor, "logout")
            except Exception as exc:  # logging out must never be blocked by the audit entry
                show_error(self.main, exc, old.lang)
        old.actor = None
        ctx = AppContext(old.db, old.settings, old.lang)  # the old screens' signals stay with the old context
        app = QApplication.instance()
        quit_on_last = app.quitOnLastWindowClosed()  # type: ignore[union-attr]
        app.setQuitOnLastWindowClosed(False)  # type: ignore[union-attr]
        try:
            self.main.close()  # saves the geometry the new window takes over
            if LoginDialog(ctx).exec() != QDialog.DialogCode.Accepted:
                QApplication.quit()
                return None
            window = type(self.main)(ctx)  # type: ignore[call-arg]
            window.show()
            from gui.backup_actions import start_auto_backups

            start_auto_backups(window)
            self.main.deleteLater()
        finally:
            app.setQuitOnLastWindowClosed(quit_on_last)  # type: ignore[union-attr]
        self.replaced_by = window
        return window
