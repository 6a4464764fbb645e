"""Logging in at start, and the administrator's forgotten-password path with the printed recovery code.

The password check runs off the GUI thread: a wrong password waits a second on purpose (storage.auth)
and the window must show that it is checking, not freeze. A successful login makes every database
session act as that user (ctx.actor), so storage refuses what the role may not do.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.account_forms import ChangePasswordDialog, CreateAdminDialog, mismatch, owner_name, password_edit
from gui.context import AppContext
from gui.errors import show_error
from gui.recovery_code import NOTE_STYLE, RecoveryCodeBox
from gui.tasks import Task, run_task
from gui.widgets.heading import PAGE_HEADING, make_heading
from gui.widgets.record_form import ERROR_STYLE, RecordForm
from storage import audit
from storage.actor import Actor, set_actor
from storage.auth import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    LoginResult,
    authenticate,
    has_accounts,
    list_users,
    recover_admin,
)
from storage.errors import Problem, UserError, ValidationError
from storage.vocab import UserRole

HINT_STYLE = "background: #fff8e1; border: 1px solid #e0c060; border-radius: 4px; padding: 6px;"


def demo_logins(ctx: AppContext) -> list[tuple[str, UserRole]]:
    """The demo accounts of a demo database (its administrator «quantri» is named «… (mẫu)»), else none."""
    demo_names = [name for name, _full, _role in DEMO_ACCOUNTS]
    users = {u.username: u for u in ctx.read(list_users)}
    admin = users.get(demo_names[0])
    if admin is None or not admin.full_name.endswith("(mẫu)"):
        return []
    return [(name, users[name].role) for name in demo_names if name in users and users[name].active]


def log_login(session: Any, actor: Actor, action: str = "login") -> None:
    """The audit log's explicit «who logged in / out, when» (row changes are recorded by storage itself)."""
    set_actor(session, actor)
    words = {"login": "Đăng nhập", "logout": "Đăng xuất"}
    audit.record(session, action, "app_user", f"{words[action]}: {actor.username}", record_id=str(actor.user_id))


class LoginDialog(QDialog):
    """Username and password; Enter logs in. ``actor`` is set once the login succeeded."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.task: Task | None = None
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        self.heading = make_heading(QLabel(), PAGE_HEADING)
        self.owner = QLabel(owner_name(ctx))
        self.owner.setWordWrap(True)
        lay.addWidget(self.heading)
        lay.addWidget(self.owner)
        form = QFormLayout()
        self.username, self.password = QLineEdit(), password_edit()
        self.username.setMaxLength(64)
        self.user_caption, self.password_caption = QLabel(), QLabel()
        self.user_caption.setBuddy(self.username)
        self.password_caption.setBuddy(self.password)
        form.addRow(self.user_caption, self.username)
        form.addRow(self.password_caption, self.password)
        lay.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("login_message")
        lay.addWidget(self.message)
        self.demo = demo_logins(ctx)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint.setVisible(bool(self.demo))
        lay.addWidget(self.hint)
        row = QHBoxLayout()
        self.forgot = QPushButton()
        self.forgot.setFlat(True)
        self.forgot.setAutoDefault(False)
        self.forgot.setCursor(Qt.CursorShape.PointingHandCursor)
        self.forgot.setStyleSheet("color: #1a5fb4; text-decoration: underline; border: none;")
        self.forgot.clicked.connect(self.forgot_password)
        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.try_login)
        # Enter in either field logs in (the default button alone stops answering once it was disabled)
        self.username.returnPressed.connect(self.try_login)
        self.password.returnPressed.connect(self.try_login)
        self.quit_button.clicked.connect(self.reject)
        row.addWidget(self.forgot)
        row.addStretch(1)
        row.addWidget(self.buttons)
        lay.addLayout(row)
        self.retranslate()
        self.username.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Commune Desk – Đăng nhập"))
        self.heading.setText(self.tr("Đăng nhập"))
        self.user_caption.setText(self.tr("&Tên đăng nhập"))
        self.password_caption.setText(self.tr("&Mật khẩu"))
        self.login_button.setText(self.tr("Đăng nhập"))
        self.quit_button.setText(self.tr("Thoát"))
        self.forgot.setText(self.tr("Quên mật khẩu?"))
        if self.demo:
            accounts = ", ".join(f"{name} ({role.label(self.ctx.lang)})" for name, role in self.demo)
            self.hint.setText(
                self.tr("Dữ liệu mẫu – đăng nhập thử bằng: {accounts}. Mật khẩu: {password}").format(
                    accounts=accounts, password=DEMO_PASSWORD
                )
            )

    def say(self, text: str, *, error: bool = True) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else NOTE_STYLE)
        self.message.setText(text)

    # --- logging in --------------------------------------------------------------------------
    def try_login(self) -> None:
        """Check the password in the background (a wrong one waits a second on purpose)."""
        if self.task is not None:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username:
            self.say(self.tr("Hãy nhập tên đăng nhập."))
            self.username.setFocus()
            return
        if not password:
            self.say(self.tr("Hãy nhập mật khẩu."))
            self.password.setFocus()
            return
        ctx = self.ctx

        def work(_p: Any, _c: Any) -> LoginResult:
            with ctx.session() as s:  # committed either way: failed attempts count towards the lock
                result = authenticate(s, username, password)
                if result.actor is not None:
                    log_login(s, result.actor)
                return result

        self._busy(True)
        self.say(self.tr("Đang kiểm tra…"), error=False)
        self.task = run_task(
            self,
            self.tr("Đang kiểm tra mật khẩu…"),
            work,
            lambda r: self._checked(r, password),
            self._failed,
            writes=True,
            cancellable=False,
            show_after_ms=None,  # the dialog shows «Đang kiểm tra…» and the busy cursor itself
        )

    def _busy(self, busy: bool) -> None:
        for w in (self.username, self.password, self.login_button, self.forgot, self.quit_button):
            w.setEnabled(not busy)
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def _checked(self, result: LoginResult, password: str) -> None:
        self.task = None
        self._busy(False)
        if result.actor is None:
            self.say(result.message(self.ctx.lang))
            self.password.clear()
            self.password.setFocus()
            return
        if result.must_change_password:
            change = ChangePasswordDialog(self.ctx, result.actor, self, old_password=password)
            if change.exec() != QDialog.DialogCode.Accepted:
                self.say(self.tr("Cần đặt mật khẩu mới trước khi bắt đầu làm việc."))
                self.password.clear()
                self.password.setFocus()
                return
        self.actor = result.actor
        self.ctx.actor = result.actor
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._busy(False)
        show_error(self, exc, self.ctx.lang, self.tr("Không đăng nhập được"))

    def reject(self) -> None:
        if self.task is None:  # not while the check is writing the attempt
            super().reject()

    # --- forgotten password --------------------------------------------------------------------
    def forgot_password(self) -> None:
        dialog = RecoveryDialog(self.ctx, self)
        dialog.username.setText(self.username.text().strip())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.recovered:
            self.username.setText(dialog.recovered)
            self.password.clear()
            self.password.setFocus()
            self.say(self.tr("Đã đặt mật khẩu mới: hãy đăng nhập bằng mật khẩu đó."), error=False)


class RecoveryDialog(QDialog):
    """Forgotten administrator password: the printed recovery code sets a new one and yields the next code."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.recovered = ""  # the administrator whose password was set
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        self.stack = QStackedWidget()
        self.form = RecordForm()
        self.form.lang = ctx.lang
        self.form.save_button.hide()
        self.form.cancel_button.hide()
        self.username, self.code = QLineEdit(), QLineEdit()
        self.code.setMaxLength(40)
        self.new, self.new2 = password_edit(), password_edit()
        for name, widget in (("username", self.username), ("code", self.code)):
            self.form.add_row(name, "", widget)
        self.form.add_row("password", "", self.new)
        self.form.add_row("password2", "", self.new2)
        self.form.save_requested.connect(lambda: self.ok.click())
        self.form.cancel_requested.connect(self.reject)
        self.code_box = RecoveryCodeBox()
        self.stack.addWidget(self.form)
        self.stack.addWidget(self.code_box)
        lay.addWidget(self.stack)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.next)
        self.cancel.clicked.connect(self.reject)
        lay.addWidget(self.buttons)
        self.code_box.acknowledged_changed.connect(lambda on: self.ok.setEnabled(on or not self.recovered))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Quên mật khẩu quản trị"))
        if not self.recovered:
            self.intro.setText(
                self.tr(
                    "Dùng mã khôi phục đã in khi cài đặt (hoặc lần khôi phục trước) để đặt mật khẩu mới cho tài "
                    "khoản quản trị. Cán bộ và lãnh đạo quên mật khẩu: nhờ quản trị đặt lại ở Cài đặt › Tài khoản."
                )
            )
        self.form.heading.setText(self.tr("Đặt lại mật khẩu quản trị"))
        self.form.set_label("username", self.tr("Tài khoản &quản trị"))
        self.form.set_label("code", self.tr("&Mã khôi phục"))
        self.form.set_label("password", self.tr("Mật khẩu &mới"))
        self.form.set_label("password2", self.tr("&Nhập lại mật khẩu mới"))
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX")
        self.ok.setText(self.tr("Đặt mật khẩu mới") if not self.recovered else self.tr("Xong, quay lại đăng nhập"))
        self.cancel.setText(self.tr("Hủy"))

    def next(self) -> None:
        if self.recovered:
            if self.code_box.acknowledged():
                self.accept()
            return
        if self.task is not None:
            return
        username, code, new = self.username.text().strip(), self.code.text(), self.new.text()
        problems: list[Problem] = []
        if not username:
            text = self.tr("Hãy nhập tên tài khoản quản trị.")
            problems.append(Problem("username", text, text))
        if not code.strip():
            text = self.tr("Hãy nhập mã khôi phục in trên giấy.")
            problems.append(Problem("code", text, text))
        if new != self.new2.text():
            problems.append(mismatch())
        if problems:
            self.form.show_problems(problems)
            return
        ctx = self.ctx

        def work(_p: Any, _c: Any) -> str:
            with ctx.session() as s:
                return recover_admin(s, username, code, new)

        self.form.clear_problems()
        self._busy(True)
        self.task = run_task(
            self,
            self.tr("Đang kiểm tra mã khôi phục…"),
            work,
            lambda next_code: self._recovered(username, next_code),
            self._failed,
            writes=True,
            cancellable=False,
        )

    def _busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.ok.setEnabled(not busy)
        self.cancel.setEnabled(not busy)
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._busy(False)
        if isinstance(exc, ValidationError):
            self.form.show_problems(exc.problems)
        elif isinstance(exc, UserError):
            self.form.show_problems([Problem("code", exc.vi, exc.en)])
        else:
            show_error(self, exc, self.ctx.lang)

    def _recovered(self, username: str, next_code: str) -> None:
        self.task = None
        self._busy(False)
        self.recovered = username.lower()
        self.intro.setStyleSheet("font-weight: bold;")  # the old paper is void: said so, plainly
        self.intro.setText(
            self.tr(
                "Đã đặt mật khẩu mới cho {user}. Mã khôi phục cũ KHÔNG còn dùng được nữa: hãy hủy tờ giấy cũ "
                "và in mã mới dưới đây."
            ).format(user=self.recovered)
        )
        self.code_box.set_code(
            next_code,
            owner=owner_name(self.ctx),
            admin=self.recovered,
            intro=self.tr("Mã khôi phục MỚI (thay cho mã vừa dùng):"),
        )
        self.stack.setCurrentWidget(self.code_box)
        self.cancel.hide()
        self.ok.setEnabled(False)
        self.retranslate()

    def reject(self) -> None:
        if self.task is not None:
            return
        if self.recovered and not self.code_box.acknowledged():
            self.code_box.state.setText(self.tr("Hãy in hoặc chép mã mới, đánh dấu ô xác nhận rồi bấm «Xong»."))
            return
        if self.recovered:
            self.accept()
            return
        super().reject()


def log_in_at_start(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """Who is working: the login, or on a database without accounts the first administrator. False: quit."""
    if ctx.actor is not None:
        return True  # the first-start wizard just created the administrator (and the code is on paper)
    if not ctx.read(has_accounts):
        return CreateAdminDialog(ctx, parent).exec() == QDialog.DialogCode.Accepted
    from gui.app import EXIT_AFTER_SHOW

    if os.environ.get(EXIT_AFTER_SHOW) == "1":
        return log_in_from_environment(ctx)
    return LoginDialog(ctx, parent).exec() == QDialog.DialogCode.Accepted


def log_in_from_environment(ctx: AppContext) -> bool:
    """The smoke-start login (benchmarks, the installer's test): COMMUNE_DESK_USER/PASSWORD, checked and audited.

    Only with COMMUNE_DESK_EXIT_AFTER_SHOW=1, so a person at the PC always meets the login dialog.
    """
    username = os.environ.get("COMMUNE_DESK_USER", "")
    password = os.environ.get("COMMUNE_DESK_PASSWORD", "")
    with ctx.session() as s:
        result = authenticate(s, username, password, delay=0 if not username else None)
        if result.actor is not None:
            log_login(s, result.actor)
    if result.actor is None:
        sys.stderr.write(result.message(ctx.lang) + "\n")
        return False
    ctx.actor = result.actor
    return True


def role_text(actor: Actor | None, lang: str) -> str:
    """«lan.nt – Cán bộ nhập liệu» for the status bar."""
    if actor is None:
        return ""
    text = QCoreApplication.translate("Login", "{user} – {role}")
    return text.format(user=actor.username, role=actor.role.label(lang))
