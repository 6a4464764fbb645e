"""The first-start wizard's last two pages: create the administrator, then print its recovery code.

They follow the commune's (or the province's) declaration, which is stored when leaving its page:
leaving the wizard here leaves a database with no account, and the next start asks for the
administrator again (gui.login.log_in_at_start), so there is never a database nobody can log in to.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

from gui.account_forms import AdminForm, owner_name, submit_admin
from gui.context import AppContext
from gui.recovery_code import RecoveryCodeBox
from storage.actor import Actor
from storage.auth import DEMO_ACCOUNTS, DEMO_PASSWORD

ADMIN, CODE = 6, 7


def demo_accounts_text(lang: str) -> str:
    """Which demo accounts to log in with after loading demo data (one per role, the same password)."""
    accounts = ", ".join(f"{name} ({role.label(lang)})" for name, _full, role in DEMO_ACCOUNTS)
    return QCoreApplication.translate(
        "FirstStartWizard", "Sau khi nạp, đăng nhập bằng một tài khoản mẫu: {accounts}; mật khẩu {password}."
    ).format(accounts=accounts, password=DEMO_PASSWORD)


class AdminPage(QWizardPage):
    """Username, name and password of the administrator; stored (with a recovery code) on «Tiếp theo»."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.code = ""
        self.form = AdminForm()
        self.form.lang = ctx.lang
        self.form.save_button.hide()
        self.form.cancel_button.hide()
        self.form.heading.hide()
        self.form.save_requested.connect(lambda: self.wizard().next())
        self.form.cancel_requested.connect(lambda: self.wizard().reject())
        QVBoxLayout(self).addWidget(self.form)
        self.setCommitPage(True)  # once the account exists, there is no way back
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Tạo tài khoản quản trị"))
        self.setSubTitle(
            self.tr(
                "Người quản trị đăng nhập bằng tài khoản này, rồi thêm tài khoản cho cán bộ và lãnh đạo ở "
                "Cài đặt › Tài khoản."
            )
        )
        self.form.retranslate()

    def initializePage(self) -> None:
        self.wizard().setButtonText(QWizard.WizardButton.CommitButton, self.tr("Tạo tài khoản >"))
        self.form.username.setFocus()

    def nextId(self) -> int:
        return CODE

    def validatePage(self) -> bool:
        if self.actor is not None:
            return True
        made = submit_admin(self.ctx, self.form)
        if made is None:
            return False
        self.actor, self.code = made
        self.ctx.actor = self.actor  # logged in: the start does not ask for the password just typed
        return True


class RecoveryCodePage(QWizardPage):
    """The recovery code, shown once: «Hoàn tất» only after «Tôi đã in hoặc chép mã này»."""

    def __init__(self, ctx: AppContext, admin: AdminPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.admin = ctx, admin
        lay = QVBoxLayout(self)
        self.box = RecoveryCodeBox()
        self.box.acknowledged_changed.connect(lambda _on: self.completeChanged.emit())
        lay.addWidget(self.box)
        self.next_steps = QLabel()
        self.next_steps.setWordWrap(True)
        lay.addWidget(self.next_steps)
        lay.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("In mã khôi phục"))
        self.setSubTitle(
            self.tr("Nếu quên mật khẩu quản trị, chỉ mã này mở lại được tài khoản. Hãy in và cất ở nơi an toàn.")
        )
        self.box.retranslate()
        self.box.print_button.setText(self.tr("&In mã khôi phục"))
        self.next_steps.setText(
            self.tr(
                "Bấm «Hoàn tất» để bắt đầu. Lần sau mở phần mềm, đăng nhập bằng tài khoản {user} và mật khẩu vừa đặt."
            ).format(user=self.admin.actor.username if self.admin.actor else "")
        )

    def initializePage(self) -> None:
        self.wizard().setButtonText(QWizard.WizardButton.FinishButton, self.tr("Hoàn tất"))
        actor = self.admin.actor
        self.box.set_code(self.admin.code, owner=owner_name(self.ctx), admin=actor.username if actor else "")
        self.retranslate()

    def nextId(self) -> int:
        return -1

    def isComplete(self) -> bool:
        return self.box.acknowledged()

    def acknowledged(self) -> bool:
        return self.box.acknowledged()
