"""Cài đặt › Tài khoản (commune and province): who may use this database, with which role.

Administrators see every account and manage them; others see only their own, read-only, and can
change their password. Hiding buttons is a courtesy: storage refuses what the role may not do
(PermissionDenied), and that message is what the user then sees.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.account_forms import ChangePasswordDialog, owner_name
from gui.context import AppContext
from gui.errors import show_error
from gui.pages.account_dialogs import AccountData, AccountDialog, ResetPasswordDialog
from gui.recovery_code import NOTE_STYLE, RecoveryCodeDialog
from gui.registers.sources import ListSource
from gui.registers.table_model import Column, LazyTableModel
from gui.widgets.format import fmt_date
from gui.widgets.heading import SECTION_HEADING, make_heading
from storage.actor import Actor, Level
from storage.auth import UserRow, create_user, list_users, new_recovery_code, set_password, update_user
from storage.errors import UserError
from storage.textsearch import vietnamese_sort_key
from storage.vocab import UserRole

ROLE_ORDER = {UserRole.ADMIN: 0, UserRole.OFFICER: 1, UserRole.CLERK: 2}


class AccountsTab(QWidget):
    """The accounts table and the administrator's buttons."""

    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        self.heading = make_heading(QLabel(), SECTION_HEADING)
        lay.addWidget(self.heading)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        lay.addWidget(self.note)
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.model: LazyTableModel[UserRow] = LazyTableModel(
            self._columns(), self._source(), lambda r: r.id, parent=self
        )
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(lambda _i: self.admin and self.edit_selected())
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button, self.edit_button, self.reset_button = QPushButton(), QPushButton(), QPushButton()
        self.code_button, self.own_password_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(lambda: self.add_account())
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.reset_button.clicked.connect(lambda: self.reset_selected())
        self.code_button.clicked.connect(lambda: self.new_code())
        self.own_password_button.clicked.connect(lambda: self.change_own_password())
        for b in (self.add_button, self.edit_button, self.reset_button, self.code_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.own_password_button)
        lay.addLayout(row)
        ctx.data_changed.connect(self._changed)
        self.load()

    # --- who sees what -------------------------------------------------------------------------
    @property
    def actor(self) -> Actor | None:
        return self.ctx.actor

    @property
    def admin(self) -> bool:
        """Administrators (and the system itself, before anyone logged in) manage accounts."""
        return self.actor is None or self.actor.can(Level.ADMIN)

    def _source(self) -> ListSource[UserRow]:
        def load() -> list[UserRow]:
            rows = self.ctx.read(list_users)
            if self.admin:
                return rows
            return [r for r in rows if self.actor is not None and r.id == self.actor.user_id]

        return ListSource(
            load,
            {
                "username": lambda r: r.username,
                "full_name": lambda r: vietnamese_sort_key(r.full_name),
                "role": lambda r: ROLE_ORDER[r.role],
                "active": lambda r: not r.active,
                "last_login": lambda r: r.last_login_at,
            },
        )

    def _columns(self) -> list[Column[UserRow]]:
        lang = self.ctx.lang
        return [
            Column(self.tr("Tên đăng nhập"), lambda r: r.username, "username"),
            Column(self.tr("Họ và tên"), lambda r: r.full_name, "full_name"),
            Column(self.tr("Vai trò"), lambda r: r.role.label(lang), "role"),
            Column(self.tr("Trạng thái"), self._state, "active", alert=lambda r: not r.active),
            Column(self.tr("Đăng nhập lần cuối"), lambda r: fmt_date(r.last_login_at), "last_login"),
            Column(self.tr("Tạm khóa đến"), self._locked, alert=lambda r: bool(self._locked(r))),
        ]

    def _state(self, r: UserRow) -> str:
        if not r.active:
            return self.tr("Ngừng sử dụng")
        return self.tr("Chờ đổi mật khẩu tạm") if r.must_change_password else self.tr("Đang sử dụng")

    @staticmethod
    def _locked(r: UserRow) -> str:
        return fmt_date(r.locked_until) if r.locked_until is not None and r.locked_until > datetime.now() else ""

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Tài khoản người dùng"))
        self.add_button.setText(self.tr("Thêm tài khoản…"))
        self.edit_button.setText(self.tr("Sửa…"))
        self.reset_button.setText(self.tr("Đặt lại mật khẩu…"))
        self.code_button.setText(self.tr("Tạo mã khôi phục mới…"))
        self.own_password_button.setText(self.tr("Đổi mật khẩu của tôi…"))
        self.model.set_columns(self._columns())
        if self.admin:
            self.note.setText(
                self.tr(
                    "Cán bộ nhập liệu nhập, sửa số liệu của các kỳ chưa chốt; lãnh đạo chốt, gửi báo cáo và mở "
                    "khóa kỳ; quản trị quản lý tài khoản, danh mục, cài đặt và sao lưu. Tài khoản của người "
                    "chuyển công tác: bỏ chọn «Đang sử dụng» thay vì xóa, để nhật ký vẫn ghi đúng người."
                )
            )
        else:
            admins = ", ".join(self._admin_names()) or "—"
            self.note.setText(
                self.tr(
                    "Chỉ quản trị mới thêm, sửa tài khoản và đặt lại mật khẩu. Khi cần, hãy liên hệ quản trị: {admins}."
                ).format(admins=admins)
            )

    def _admin_names(self) -> list[str]:
        return [
            f"{r.full_name or r.username}" for r in self.ctx.read(list_users) if r.role == UserRole.ADMIN and r.active
        ]

    # --- data ----------------------------------------------------------------------------------
    def load(self) -> None:
        admin = self.admin
        for b in (self.add_button, self.edit_button, self.reset_button, self.code_button):
            b.setVisible(admin)
        self.own_password_button.setVisible(self.actor is not None)
        self.model.set_source(self._source())
        self.table.resizeColumnsToContents()
        self.retranslate()

    def _changed(self, kind: str) -> None:
        if kind in ("accounts", "*"):
            self.load()

    def selected(self) -> UserRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(index.row())

    def select_user(self, user_id: int) -> None:
        row = self.model.row_of_id(user_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0, QModelIndex()))

    def _need_selection(self) -> UserRow | None:
        row = self.selected()
        if row is None:
            QMessageBox.information(self, self.tr("Tài khoản"), self.tr("Hãy chọn một tài khoản trong bảng trước."))
        return row

    # --- actions -------------------------------------------------------------------------------
    def add_account(self) -> int | None:
        dialog = AccountDialog(self.ctx.lang, self)
        created: list[int] = []

        def store() -> None:
            d: AccountData = dialog.data()
            with self.ctx.session() as s:
                created.append(create_user(s, d.username, d.full_name, d.role, d.password, must_change=True))

        dialog.store = store
        if dialog.exec() != QDialog.DialogCode.Accepted or not created:
            return None
        self.ctx.notify("accounts")
        self.select_user(created[0])
        d = dialog.data()
        self.status_message.emit(
            self.tr("Đã thêm tài khoản {user} ({role}).").format(
                user=d.username.lower(), role=d.role.label(self.ctx.lang)
            )
        )
        return created[0]

    def edit_selected(self) -> bool:
        row = self._need_selection()
        if row is None:
            return False
        is_self = self.actor is not None and self.actor.user_id == row.id
        dialog = AccountDialog(self.ctx.lang, self, row=row, is_self=is_self)

        def store() -> None:
            d = dialog.data()
            with self.ctx.session() as s:
                update_user(s, row.id, full_name=d.full_name, role=d.role, active=d.active)

        dialog.store = store
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        d = dialog.data()
        if is_self and self.actor is not None:  # one's own new role applies at once (storage checks the actor)
            self.ctx.actor = Actor(row.id, row.username, d.role, d.full_name)
        self.ctx.notify("accounts")
        self.select_user(row.id)
        self.status_message.emit(self.tr("Đã lưu tài khoản {user}.").format(user=row.username))
        return True

    def reset_selected(self) -> bool:
        row = self._need_selection()
        if row is None:
            return False
        if self.actor is not None and row.id == self.actor.user_id:
            self.change_own_password()  # one's own password: with the current one, no forced change
            return False
        dialog = ResetPasswordDialog(self.ctx.lang, row, self)

        def store() -> None:
            with self.ctx.session() as s:
                set_password(s, row.id, dialog.password.text().strip())

        dialog.store = store
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.ctx.notify("accounts")
        self.status_message.emit(
            self.tr("Đã đặt mật khẩu tạm cho {user}: họ phải đổi ở lần đăng nhập tới.").format(user=row.username)
        )
        return True

    def new_code(self) -> str | None:
        """A new recovery code replaces the printed one (lost or seen by someone): shown once, to print."""
        answer = QMessageBox.question(
            self,
            self.tr("Tạo mã khôi phục mới"),
            self.tr("Mã khôi phục đang in trên giấy sẽ không dùng được nữa. Tạo mã mới và in ngay bây giờ?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            with self.ctx.session() as s:
                code = new_recovery_code(s)
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return None
        admin = self.actor.username if self.actor is not None else ""
        RecoveryCodeDialog(
            self,
            code,
            owner=owner_name(self.ctx),
            admin=admin,
            intro=self.tr("Mã khôi phục MỚI (mã cũ không còn dùng được):"),
        ).exec()
        self.status_message.emit(self.tr("Đã tạo mã khôi phục mới."))
        return code

    def change_own_password(self) -> bool:
        if self.actor is None:
            return False
        if ChangePasswordDialog(self.ctx, self.actor, self).exec() != QDialog.DialogCode.Accepted:
            return False
        self.status_message.emit(self.tr("Đã đổi mật khẩu."))
        return True
