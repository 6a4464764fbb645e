"""Forms for accounts: the first administrator, a password change (own, or forced after a reset).

Messages come from storage.auth's validation (shown under the field they concern); only "the two
passwords differ" is checked here, because storage never sees the second copy.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.errors import show_error
from gui.recovery_code import NOTE_STYLE, RecoveryCodeBox
from gui.widgets.record_form import FormInputError, RecordForm
from storage.actor import Actor
from storage.auth import MIN_PASSWORD, create_user, new_recovery_code, set_password
from storage.errors import Problem, UserError, ValidationError
from storage.province.profile import load_province_profile, province_title
from storage.vocab import UserRole

_TEMP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no l/1, o/0: read aloud or from a note


def temporary_password() -> str:
    """A password the administrator hands over (the user must change it at the first login)."""
    return "".join(secrets.choice(_TEMP_ALPHABET) for _ in range(10))


def owner_name(ctx: AppContext) -> str:
    """Whose database this is, for the login screen and the printed recovery code."""
    if ctx.is_province:
        province = ctx.read(load_province_profile)
        return province_title(province.name) if province else ""
    profile = ctx.profile()
    return f"{profile.name} – {profile.province_name}" if profile else ""


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(200)
    return edit


def show_passwords_box(*edits: QLineEdit) -> QCheckBox:
    """«Hiện mật khẩu»: typing a new password twice blind is where older users go wrong."""
    box = QCheckBox()
    box.toggled.connect(
        lambda on: [e.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password) for e in edits]
    )
    return box


def mismatch() -> Problem:
    text = QCoreApplication.translate("AccountForms", "Hai lần nhập mật khẩu không giống nhau.")
    return Problem("password2", text, text)


@dataclass(frozen=True)
class AdminData:
    username: str
    full_name: str
    password: str


class AdminForm(RecordForm):
    """Username, full name and the password twice; field names match storage.auth's problems."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.username, self.full_name = QLineEdit(), QLineEdit()
        self.username.setMaxLength(64)
        self.full_name.setMaxLength(200)
        self.password, self.password2 = password_edit(), password_edit()
        for name, widget in (
            ("username", self.username),
            ("full_name", self.full_name),
            ("password", self.password),
            ("password2", self.password2),
        ):
            self.add_row(name, "", widget)
        self.show_passwords = show_passwords_box(self.password, self.password2)
        self.layout_form.addRow("", self.show_passwords)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.layout_form.addRow(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Tài khoản quản trị"))
        self.set_label("username", self.tr("&Tên đăng nhập *"))
        self.set_label("full_name", self.tr("&Họ và tên"))
        self.set_label("password", self.tr("&Mật khẩu *"))
        self.set_label("password2", self.tr("&Nhập lại mật khẩu *"))
        self.username.setPlaceholderText(self.tr("chữ thường không dấu, ví dụ: quantri hoặc hai.lv"))
        self.full_name.setPlaceholderText(self.tr("ví dụ: Lô Văn Hải"))
        self.password.setPlaceholderText(self.tr("ít nhất {n} ký tự").format(n=MIN_PASSWORD))
        self.show_passwords.setText(self.tr("Hiện mật khẩu"))
        self.note.setText(
            self.tr(
                "Quản trị thêm tài khoản cho cán bộ (nhập liệu) và lãnh đạo (chốt, gửi báo cáo), quản lý danh "
                "mục và sao lưu. Mỗi lần mở phần mềm đều phải đăng nhập."
            )
        )
        self.retranslate_buttons()

    def get_data(self) -> AdminData:
        if self.password.text() != self.password2.text():
            raise FormInputError([mismatch()])
        return AdminData(self.username.text().strip(), self.full_name.text().strip(), self.password.text())


def store_admin(ctx: AppContext, data: AdminData) -> tuple[Actor, str]:
    """Create the first administrator and its recovery code in one transaction (ValidationError: nothing stored)."""
    with ctx.session() as s:
        user_id = create_user(s, data.username, data.full_name, UserRole.ADMIN, data.password)
        code = new_recovery_code(s)
    return Actor(user_id, data.username.lower(), UserRole.ADMIN, data.full_name), code


def submit_admin(ctx: AppContext, form: AdminForm) -> tuple[Actor, str] | None:
    """Read the form and store the administrator; problems are shown under their fields (None)."""
    try:
        return store_admin(ctx, form.get_data())
    except (FormInputError, ValidationError) as exc:
        form.show_problems(exc.problems)
    except UserError as exc:
        show_error(form, exc, ctx.lang)
    return None


class CreateAdminDialog(QDialog):
    """At start, a database without any account (made before accounts existed, or the wizard was left
    before this step): create the administrator, print the recovery code, then work as that user."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.setMinimumWidth(600)
        lay = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        self.stack = QStackedWidget()
        self.form = AdminForm()
        self.form.lang = ctx.lang
        self.form.save_button.hide()
        self.form.cancel_button.hide()
        self.form.save_requested.connect(lambda: self.ok.click())
        self.form.cancel_requested.connect(self.reject)
        self.code_box = RecoveryCodeBox()
        self.stack.addWidget(self.form)
        self.stack.addWidget(self.code_box)
        lay.addWidget(self.stack)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.next)
        self.quit.clicked.connect(self.reject)
        lay.addWidget(self.buttons)
        self.code_box.acknowledged_changed.connect(lambda on: self.ok.setEnabled(on or self.actor is None))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Commune Desk – Tạo tài khoản quản trị"))
        self.intro.setText(
            self.tr(
                "Dữ liệu {owner} chưa có tài khoản nào. Hãy tạo tài khoản quản trị: từ nay mỗi lần mở phần mềm "
                "đều phải đăng nhập, và quyền của từng người được kiểm tra khi lưu dữ liệu."
            ).format(owner=owner_name(self.ctx) or self.tr("này"))
            if self.actor is None
            else self.tr("Đã tạo tài khoản quản trị {user}. Hãy in mã khôi phục trước khi bắt đầu.").format(
                user=self.actor.username
            )
        )
        self.form.retranslate()
        self.ok.setText(self.tr("Tạo tài khoản") if self.actor is None else self.tr("Bắt đầu dùng phần mềm"))
        self.quit.setText(self.tr("Thoát"))

    def next(self) -> None:
        """First press: create the account; second (once the code is on paper): go on as that user."""
        if self.actor is not None:
            if self.code_box.acknowledged():
                self.accept()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            made = submit_admin(self.ctx, self.form)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if made is None:
            return
        self.actor, code = made
        self.ctx.actor = self.actor
        self.code_box.set_code(code, owner=owner_name(self.ctx), admin=self.actor.username)
        self.stack.setCurrentWidget(self.code_box)
        self.quit.hide()
        self.ok.setEnabled(False)
        self.retranslate()

    def reject(self) -> None:
        """Leaving before the account exists quits; after, only once the code is on paper."""
        if self.actor is None:
            super().reject()
        elif self.code_box.acknowledged():
            self.accept()
        else:
            self.code_box.state.setText(self.tr("Hãy in hoặc chép mã, đánh dấu ô xác nhận rồi tiếp tục."))


class ChangePasswordDialog(QDialog):
    """Change one's own password; ``forced`` after a reset by the administrator (the old one was just typed)."""

    def __init__(
        self, ctx: AppContext, actor: Actor, parent: QWidget | None = None, *, old_password: str | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.forced_old = ctx, actor, old_password
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        self.form = RecordForm()
        self.form.lang = ctx.lang
        self.old, self.new, self.new2 = password_edit(), password_edit(), password_edit()
        if old_password is None:
            self.form.add_row("old_password", "", self.old)
        self.form.add_row("password", "", self.new)
        self.form.add_row("password2", "", self.new2)
        self.show_passwords = show_passwords_box(self.old, self.new, self.new2)
        self.form.layout_form.addRow("", self.show_passwords)
        self.form.save_requested.connect(self.save)
        self.form.cancel_requested.connect(self.reject)
        lay.addWidget(self.form)
        self.retranslate()
        (self.old if old_password is None else self.new).setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Đổi mật khẩu"))
        self.form.heading.setText(
            self.tr("Tài khoản {user} – {role}").format(
                user=self.actor.username, role=self.actor.role.label(self.ctx.lang)
            )
        )
        if self.forced_old is not None:
            self.intro.setText(
                self.tr(
                    "Mật khẩu này do quản trị đặt tạm thời. Hãy đặt mật khẩu của riêng anh/chị (ít nhất {n} ký tự) "
                    "trước khi bắt đầu làm việc."
                ).format(n=MIN_PASSWORD)
            )
        else:
            self.intro.setText(self.tr("Mật khẩu mới cần ít nhất {n} ký tự.").format(n=MIN_PASSWORD))
            self.form.set_label("old_password", self.tr("Mật khẩu &hiện tại"))
        self.form.set_label("password", self.tr("Mật khẩu &mới"))
        self.form.set_label("password2", self.tr("&Nhập lại mật khẩu mới"))
        self.show_passwords.setText(self.tr("Hiện mật khẩu"))
        self.form.save_button.setText(self.tr("Đổi mật khẩu (Enter)"))
        self.form.cancel_button.setText(self.tr("Hủy (Esc)"))

    def save(self) -> bool:
        old = self.forced_old if self.forced_old is not None else self.old.text()
        if self.new.text() != self.new2.text():
            self.form.show_problems([mismatch()])
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with self.ctx.session() as s:
                set_password(s, self.actor.user_id, self.new.text(), old_password=old)
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            return False
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()
        return True
