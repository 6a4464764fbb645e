"""Cài đặt › Tài khoản: the administrator adds a clerk (who then may not edit the catalog), edits roles,
resets a password, makes a new recovery code; others see only their own account; storage's refusals show."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import storage.auth as auth
from gui.pages.account_dialogs import AccountDialog, ResetPasswordDialog
from gui.recovery_code import RecoveryCodeDialog
from storage.auth import authenticate, list_users, new_recovery_code, recover_admin
from storage.catalog import find_procedure
from storage.errors import UserError
from storage.vocab import UserRole
from tests.gui.account_helpers import CODE_PATTERN, actor_of, ensure_demo_accounts, when_modal
from tests.gui.typing_helpers import type_text

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")


@pytest.fixture
def as_admin(main_window):  # type: ignore[no-untyped-def]
    """The main window with the demo administrator logged in; yields the accounts tab."""
    ctx = main_window.ctx
    ensure_demo_accounts(ctx)
    ctx.actor = actor_of(ctx, "quantri")
    page = main_window.show_page("settings")
    page.tabs.setCurrentWidget(page.accounts)
    page.accounts.load()
    return page.accounts


def _users(ctx) -> dict[str, auth.UserRow]:  # type: ignore[no-untyped-def]
    return {u.username: u for u in ctx.read(list_users)}


def test_admin_adds_a_clerk_who_cannot_edit_the_procedure_catalog(qtbot, main_window, as_admin) -> None:  # type: ignore[no-untyped-def]
    tab, ctx = as_admin, main_window.ctx
    assert tab.add_button.isVisible() and tab.model.total() == 3
    assert tab.model.headerData(2, Qt.Orientation.Horizontal) == "Vai trò"
    temporary: list[str] = []

    def fill(dialog: AccountDialog) -> None:
        qtbot.keyClicks(dialog.username, "lan.nt")
        type_text(dialog.full_name, "Nguyễn Thị Lan")
        dialog.role.setCurrentIndex(dialog.role.findData(UserRole.CLERK))
        assert dialog.role_help.text().startswith("Nhập và sửa hồ sơ")
        temporary.append(dialog.password.text())
        qtbot.keyClick(dialog.full_name, Qt.Key.Key_Return)

    when_modal(lambda w: isinstance(w, AccountDialog), fill)
    new_id = tab.add_account()
    assert new_id is not None
    lan = _users(ctx)["lan.nt"]
    assert (lan.full_name, lan.role, lan.active, lan.must_change_password) == (
        "Nguyễn Thị Lan",
        UserRole.CLERK,
        True,
        True,
    )
    assert len(temporary[0]) == 10
    assert tab.selected() is not None and tab.selected().username == "lan.nt"
    row = tab.model.row_of_id(new_id)
    assert [tab.model.index(row, c).data() for c in range(4)] == [
        "lan.nt",
        "Nguyễn Thị Lan",
        "Cán bộ nhập liệu",
        "Chờ đổi mật khẩu tạm",
    ]
    with ctx.session() as s:
        assert authenticate(s, "lan.nt", temporary[0], delay=0).must_change_password

    ctx.actor = actor_of(ctx, "lan.nt")  # the clerk is working now
    procedures = main_window.show_page("catalogs").show_tab("procedures")
    row = next(i for i in range(procedures.model.rowCount()) if procedures.model.row_at(i).code == "HT-KS")
    procedures.table.selectRow(row)
    form = procedures.form
    form.name.clear()
    type_text(form.name, "Đăng ký khai sinh (sửa trái phép)")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    assert form.problem_texts() == [
        "Tài khoản lan.nt (Cán bộ nhập liệu) không có quyền sửa danh mục thủ tục; việc này cần quyền quản trị trở lên."
    ]
    assert ctx.read(lambda s: find_procedure(s, "HT-KS")).name == "Đăng ký khai sinh"  # nothing stored

    boxes: list[str] = []

    def close_box(box: QMessageBox) -> None:
        boxes.append(box.text())
        box.buttons()[0].click()

    when_modal(lambda w: isinstance(w, QMessageBox), close_box)
    qtbot.mouseClick(procedures.retire_button, Qt.MouseButton.LeftButton)  # «Ngừng sử dụng» is refused too
    assert boxes and "không có quyền sửa danh mục thủ tục" in boxes[0]
    assert ctx.read(lambda s: find_procedure(s, "HT-KS")).active


def test_others_see_only_their_own_account_and_storage_refuses_anyway(qtbot, main_window, as_admin) -> None:  # type: ignore[no-untyped-def]
    tab, ctx = as_admin, main_window.ctx
    ctx.actor = actor_of(ctx, "canbo")
    tab.load()
    assert tab.model.total() == 1 and tab.model.row_at(0).username == "canbo"
    assert not tab.add_button.isVisible() and not tab.reset_button.isVisible() and not tab.code_button.isVisible()
    assert tab.own_password_button.isVisible()
    assert tab.note.text() == (
        "Chỉ quản trị mới thêm, sửa tài khoản và đặt lại mật khẩu. Khi cần, hãy liên hệ quản trị: "
        "Quản trị hệ thống (mẫu)."
    )
    before = _users(ctx)
    errors: list[str] = []

    def fill(dialog: AccountDialog) -> None:
        def close_box(box: QMessageBox) -> None:
            errors.append(box.text())
            box.buttons()[0].click()
            dialog.reject()

        when_modal(lambda w: isinstance(w, QMessageBox), close_box)
        qtbot.keyClicks(dialog.username, "ke.gian")
        qtbot.keyClick(dialog.username, Qt.Key.Key_Return)

    when_modal(lambda w: isinstance(w, AccountDialog), fill)
    assert tab.add_account() is None  # the button is hidden; storage refuses all the same
    assert errors == [
        "Tài khoản canbo (Cán bộ nhập liệu) không có quyền tạo tài khoản; việc này cần quyền quản trị trở lên."
    ]
    assert _users(ctx) == before


def test_admin_edits_resets_and_makes_a_new_recovery_code(qtbot, main_window, as_admin, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab, ctx = as_admin, main_window.ctx
    monkeypatch.setattr(auth, "FAIL_DELAY_SECONDS", 0.0)
    tab.select_user(_users(ctx)["quantri"].id)
    last_admin: list[list[str]] = []

    def demote_self(dialog: AccountDialog) -> None:
        assert dialog.username.isReadOnly() and not dialog.active.isEnabled()  # one's own account stays in use
        dialog.role.setCurrentIndex(dialog.role.findData(UserRole.CLERK))
        qtbot.keyClick(dialog.full_name, Qt.Key.Key_Return)
        last_admin.append(dialog.form.problem_texts())
        dialog.reject()

    when_modal(lambda w: isinstance(w, AccountDialog), demote_self)
    assert not tab.edit_selected()
    assert last_admin == [["Phải còn ít nhất một tài khoản quản trị đang hoạt động."]]
    assert _users(ctx)["quantri"].role == UserRole.ADMIN

    tab.select_user(_users(ctx)["canbo"].id)

    def promote(dialog: AccountDialog) -> None:
        dialog.role.setCurrentIndex(dialog.role.findData(UserRole.OFFICER))
        dialog.active.setChecked(False)  # moved to another office
        qtbot.keyClick(dialog.full_name, Qt.Key.Key_Return)

    when_modal(lambda w: isinstance(w, AccountDialog), promote)
    assert tab.edit_selected()
    canbo = _users(ctx)["canbo"]
    assert (canbo.role, canbo.active) == (UserRole.OFFICER, False)
    assert tab.model.index(tab.model.row_of_id(canbo.id), 3).data() == "Ngừng sử dụng"

    tab.select_user(_users(ctx)["lanhdao"].id)
    given: list[str] = []

    def reset(dialog: ResetPasswordDialog) -> None:
        given.append(dialog.password.text())
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    when_modal(lambda w: isinstance(w, ResetPasswordDialog), reset)
    assert tab.reset_selected()
    with ctx.session() as s:
        result = authenticate(s, "lanhdao", given[0], delay=0)
    assert result.actor is not None and result.must_change_password

    with ctx.session() as s:
        printed = new_recovery_code(s)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    shown: list[str] = []

    def acknowledge(dialog: RecoveryCodeDialog) -> None:
        shown.append(dialog.box.code_label.text())
        dialog.reject()  # refused until ticked
        shown.append(str(dialog.isVisible()))
        dialog.box.done.setChecked(True)
        dialog.ok.click()

    when_modal(lambda w: isinstance(w, RecoveryCodeDialog), acknowledge)
    code = tab.new_code()
    assert code is not None and CODE_PATTERN.match(code) and shown == [code, "True"]
    with ctx.session() as s, pytest.raises(UserError):
        recover_admin(s, "quantri", printed, "khong-con-dung")  # the old paper is void
    with ctx.session() as s:
        assert CODE_PATTERN.match(recover_admin(s, "quantri", code, "quan-tri-2026"))


def test_province_settings_have_the_accounts_tab(qtbot, province_ctx) -> None:  # type: ignore[no-untyped-def]
    from gui.province.settings_page import ProvinceSettingsPage

    ensure_demo_accounts(province_ctx)
    province_ctx.actor = actor_of(province_ctx, "quantri")
    page = ProvinceSettingsPage(province_ctx)
    qtbot.addWidget(page)
    assert page.tabs.tabText(page.tabs.indexOf(page.accounts)) == "Tài khoản"
    assert {page.accounts.model.row_at(i).username for i in range(page.accounts.model.total())} >= {
        "quantri",
        "lanhdao",
        "canbo",
    }
