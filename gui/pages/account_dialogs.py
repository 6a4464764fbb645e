"""The administrator's account dialogs: add or edit an account, reset a password to a temporary one.

Each dialog stores through a function given by the accounts tab, so storage's refusals
(ValidationError under the fields, PermissionDenied as a message) keep the dialog open and nothing
is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from gui.account_forms import temporary_password
from gui.errors import show_error
from gui.recovery_code import NOTE_STYLE
from gui.widgets.record_form import RecordForm
from storage.auth import UserRow
from storage.errors import UserError, ValidationError
from storage.vocab import UserRole


@dataclass(frozen=True)
class AccountData:
    username: str
    full_name: str
    role: UserRole
    active: bool
    password: str  # the temporary password of a new account ("" when editing)


def role_note(role: UserRole, lang: str) -> str:
    """What each role may do, in one line (the same rules storage enforces)."""
    notes = {
        UserRole.CLERK: ("Nhập và sửa hồ sơ, nhân sự, thiết bị, kiến nghị của các kỳ chưa chốt.",
                         "Enters and edits records of open periods."),
        UserRole.OFFICER: ("Như cán bộ, và chốt, gửi báo cáo, mở khóa kỳ đã chốt (ghi rõ lý do).",
                           "As a clerk, and finalizes and sends reports, reopens a period with a reason."),
        UserRole.ADMIN: ("Như lãnh đạo, và quản lý tài khoản, danh mục, cài đặt, sao lưu.",
                         "As an officer, and manages accounts, catalogs, settings and backups."),
    }  # fmt: skip
    vi, en = notes[role]
    return en if lang == "en" else vi


class _StoringDialog(QDialog):
    """A RecordForm in a dialog: Enter stores through ``store``; problems stay on screen."""

    def __init__(self, lang: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setMinimumWidth(540)
        lay = QVBoxLayout(self)
        self.form = RecordForm()
        self.form.lang = lang
        self.form.save_requested.connect(self.save)
        self.form.cancel_requested.connect(self.reject)
        lay.addWidget(self.form)
        self.store: Callable[[], None] = lambda: None

    def save(self) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.store()
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            return False
        except UserError as exc:  # PermissionDenied among them: the role may not do this
            show_error(self, exc, self.lang, self.tr("Không lưu được"))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()
        return True


class AccountDialog(_StoringDialog):
    """A new account (with a temporary password) or an existing one (name, role, in use)."""

    def __init__(
        self, lang: str, parent: QWidget | None = None, *, row: UserRow | None = None, is_self: bool = False
    ) -> None:
        super().__init__(lang, parent)
        self.row = row
        form = self.form
        self.username, self.full_name = QLineEdit(), QLineEdit()
        self.username.setMaxLength(64)
        self.full_name.setMaxLength(200)
        self.role = QComboBox()
        for role in (UserRole.CLERK, UserRole.OFFICER, UserRole.ADMIN):
            self.role.addItem(role.label(lang), role)
        self.role_help = QLabel()
        self.role_help.setWordWrap(True)
        self.role_help.setStyleSheet(NOTE_STYLE)
        self.role.currentIndexChanged.connect(lambda _i: self._describe_role())
        self.active = QCheckBox()
        self.active.setChecked(True)
        self.password = QLineEdit(temporary_password())  # shown: the administrator hands it over
        form.add_row("username", "", self.username)
        form.add_row("full_name", "", self.full_name)
        form.add_row("role", "", self.role)
        form.layout_form.addRow("", self.role_help)
        if row is None:
            form.add_row("password", "", self.password)
            self.password_note = QLabel()
            self.password_note.setWordWrap(True)
            self.password_note.setStyleSheet(NOTE_STYLE)
            form.layout_form.addRow("", self.password_note)
        else:
            form.add_row("active", "", self.active)
            self.username.setText(row.username)
            self.username.setReadOnly(True)  # the audit log names people by it
            self.full_name.setText(row.full_name)
            self.role.setCurrentIndex(self.role.findData(row.role))
            self.active.setChecked(row.active)
            self.active.setEnabled(not is_self)  # nobody switches off the account they are working in
        self.retranslate()
        (self.username if row is None else self.full_name).setFocus()

    def retranslate(self) -> None:
        new = self.row is None
        self.setWindowTitle(self.tr("Thêm tài khoản") if new else self.tr("Sửa tài khoản"))
        user = self.row.username if self.row is not None else ""
        self.form.heading.setText(self.tr("Tài khoản mới") if new else self.tr("Tài khoản {user}").format(user=user))
        self.form.set_label("username", self.tr("&Tên đăng nhập *"))
        self.form.set_label("full_name", self.tr("&Họ và tên"))
        self.form.set_label("role", self.tr("&Vai trò"))
        self.username.setPlaceholderText(self.tr("chữ thường không dấu, ví dụ: lan.nt"))
        if new:
            self.form.set_label("password", self.tr("&Mật khẩu tạm *"))
            self.password_note.setText(
                self.tr(
                    "Báo mật khẩu tạm này cho người dùng: lần đăng nhập đầu, phần mềm yêu cầu họ đặt mật khẩu riêng."
                )
            )
        else:
            self.form.set_label("active", "")
            self.active.setText(self.tr("Đang sử dụng (bỏ chọn khi người này chuyển công tác)"))
        self.form.save_button.setText(self.tr("Lưu (Enter)"))
        self._describe_role()

    def _describe_role(self) -> None:
        data = self.role.currentData()  # Qt hands the enum back as its plain string value
        if data:
            self.role_help.setText(role_note(UserRole(data), self.lang))

    def data(self) -> AccountData:
        return AccountData(
            self.username.text().strip(),
            self.full_name.text().strip(),
            UserRole(self.role.currentData()),
            self.active.isChecked(),
            self.password.text().strip() if self.row is None else "",
        )


class ResetPasswordDialog(_StoringDialog):
    """A temporary password for someone who forgot theirs (they must change it at the next login)."""

    def __init__(self, lang: str, row: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(lang, parent)
        self.row = row
        self.password = QLineEdit(temporary_password())
        self.form.add_row("password", "", self.password)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.form.layout_form.addRow("", self.note)
        self.retranslate()
        self.password.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Đặt lại mật khẩu"))
        self.form.heading.setText(
            self.tr("Đặt lại mật khẩu cho {user} ({name})").format(user=self.row.username, name=self.row.full_name)
        )
        self.form.set_label("password", self.tr("&Mật khẩu tạm *"))
        self.note.setText(
            self.tr(
                "Báo mật khẩu tạm này cho người dùng. Lần đăng nhập tới, họ phải đặt mật khẩu riêng. "
                "Nếu tài khoản đang tạm khóa vì nhập sai nhiều lần, khóa được gỡ ngay."
            )
        )
        self.form.save_button.setText(self.tr("Đặt lại (Enter)"))
