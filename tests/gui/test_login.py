"""Logging in from the keyboard: success, wrong password, the temporary lock, the forced password change,
the forgotten-password path with the printed recovery code, logging out, and the start without accounts."""

from __future__ import annotations

import logging
import sys

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

import gui.app as app_module
import gui.main_window as main_window_module
import storage.auth as auth
from gui.account_forms import AdminData, ChangePasswordDialog, CreateAdminDialog, store_admin
from gui.login import LoginDialog, RecoveryDialog
from gui.main_window import MainWindow
from gui.settings import UiSettings
from gui.wizard import FirstStartWizard
from storage.actor import Actor, PermissionDenied, current_actor
from storage.audit import list_entries
from storage.auth import authenticate, new_recovery_code, recover_admin, set_password
from storage.db import open_database
from storage.errors import UserError
from storage.models import AppUser
from storage.profile import ProfileData, save_profile
from storage.vocab import UserRole
from tests.gui.account_helpers import CODE_PATTERN, actor_of, ensure_demo_accounts, when_modal
from tests.gui.typing_helpers import type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def no_delay(monkeypatch):  # type: ignore[no-untyped-def]
    """Wrong passwords wait a second in real use: not in tests."""
    monkeypatch.setattr(auth, "FAIL_DELAY_SECONDS", 0.0)


@pytest.fixture
def login(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    ensure_demo_accounts(demo_ctx)
    dialog = LoginDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type_login(qtbot, dialog: LoginDialog, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    dialog.username.clear()
    dialog.password.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter logs in


def test_demo_hint_then_login_makes_every_session_act_as_the_user(qtbot, login, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    assert login.hint.isVisible()
    assert login.hint.text() == (
        "Dữ liệu mẫu – đăng nhập thử bằng: quantri (Quản trị), lanhdao (Lãnh đạo), canbo (Cán bộ nhập liệu). "
        "Mật khẩu: demo2025"
    )
    assert login.owner.text() == "Xã Lượng Minh – Nghệ An"
    _type_login(qtbot, login, "canbo", "demo2025")
    qtbot.waitUntil(lambda: login.result() == QDialog.DialogCode.Accepted, timeout=10000)

    actor = demo_ctx.actor
    assert actor is not None and (actor.username, actor.role) == ("canbo", UserRole.CLERK)
    with demo_ctx.session() as s:
        assert current_actor(s) == actor  # storage checks this user's role from now on
        [entry] = list_entries(s, action="login", limit=1)
    assert (entry.username, entry.summary) == ("canbo", "Đăng nhập: canbo")

    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    assert window.accounts.status.text() == "canbo – Cán bộ nhập liệu"
    assert window.accounts.status.toolTip() == "Cán bộ một cửa (mẫu)"
    file_menu = [a.text() for a in window.m_file.actions()]
    assert "Đổi mật khẩu…" in file_menu and "Đăng xuất" in file_menu


def test_wrong_password_waits_visibly_then_five_failures_lock(qtbot, login, demo_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(auth, "FAIL_DELAY_SECONDS", 0.3)
    _type_login(qtbot, login, "canbo", "sai-mat-khau")
    # The check runs off the GUI thread: the dialog says so and cannot be used twice meanwhile.
    assert login.message.text() == "Đang kiểm tra…"
    assert not login.username.isEnabled() and not login.login_button.isEnabled()
    qtbot.waitUntil(lambda: login.task is None, timeout=5000)
    assert login.message.text() == "Sai tên đăng nhập hoặc mật khẩu (hoặc tài khoản đã ngừng sử dụng)."
    assert login.password.text() == "" and login.username.isEnabled()
    assert login.isVisible() and demo_ctx.actor is None

    monkeypatch.setattr(auth, "FAIL_DELAY_SECONDS", 0.0)
    for _ in range(4):  # the fifth wrong password in a row locks the account
        _type_login(qtbot, login, "canbo", "sai-mat-khau")
        qtbot.waitUntil(lambda: login.task is None, timeout=5000)
    _type_login(qtbot, login, "canbo", "demo2025")  # even the right password waits now
    qtbot.waitUntil(lambda: login.task is None, timeout=5000)
    assert login.message.text().startswith("Tài khoản tạm khóa đến ")
    assert login.message.text().endswith("vì nhập sai mật khẩu nhiều lần. Hãy thử lại sau.")
    assert demo_ctx.actor is None and login.isVisible()

    _type_login(qtbot, login, "", "")
    assert login.message.text() == "Hãy nhập tên đăng nhập."


def test_must_change_password_before_working(qtbot, login, demo_ctx, no_delay) -> None:  # type: ignore[no-untyped-def]
    clerk = actor_of(demo_ctx, "canbo")
    with demo_ctx.session() as s:
        set_password(s, clerk.user_id, "tam-thoi-123")  # reset by the administrator (system here)
    steps: list[str] = []

    def change(dialog: ChangePasswordDialog) -> None:
        steps.append(dialog.intro.text())
        qtbot.keyClicks(dialog.new, "mat-khau-moi-1")
        qtbot.keyClicks(dialog.new2, "mat-khau-moi-2")
        qtbot.keyClick(dialog.new2, Qt.Key.Key_Return)
        steps.extend(dialog.form.problem_texts())
        dialog.new2.clear()
        qtbot.keyClicks(dialog.new2, "mat-khau-moi-1")
        qtbot.keyClick(dialog.new2, Qt.Key.Key_Return)

    when_modal(lambda w: isinstance(w, ChangePasswordDialog), change)
    _type_login(qtbot, login, "canbo", "tam-thoi-123")
    qtbot.waitUntil(lambda: login.result() == QDialog.DialogCode.Accepted, timeout=10000)

    assert steps[0].startswith("Mật khẩu này do quản trị đặt tạm thời.")
    assert steps[1:] == ["Hai lần nhập mật khẩu không giống nhau."]
    assert demo_ctx.actor is not None and demo_ctx.actor.username == "canbo"
    with demo_ctx.session() as s:
        assert s.scalar(select(AppUser.must_change_password).where(AppUser.username == "canbo")) is False
        assert authenticate(s, "canbo", "mat-khau-moi-1", delay=0).actor is not None


def test_forced_change_cancelled_means_not_logged_in(qtbot, login, demo_ctx, no_delay) -> None:  # type: ignore[no-untyped-def]
    with demo_ctx.session() as s:
        set_password(s, actor_of(demo_ctx, "canbo").user_id, "tam-thoi-123")
    when_modal(lambda w: isinstance(w, ChangePasswordDialog), lambda d: d.reject())
    _type_login(qtbot, login, "canbo", "tam-thoi-123")
    qtbot.waitUntil(lambda: login.message.text() == "Cần đặt mật khẩu mới trước khi bắt đầu làm việc.", timeout=10000)
    assert demo_ctx.actor is None and login.isVisible()


def test_forgotten_password_with_the_printed_code(qtbot, login, demo_ctx, no_delay, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with demo_ctx.session() as s:
        printed = new_recovery_code(s)  # the code printed at set-up
    seen: dict[str, object] = {}

    def recover(dialog: RecoveryDialog) -> None:
        assert dialog.username.text() == "quantri"  # taken over from the login form
        qtbot.keyClicks(dialog.code, "ABCDE-FGHJK-MNPQR-STVWX")  # a wrong code first
        qtbot.keyClicks(dialog.new, "quan-tri-moi-1")
        qtbot.keyClicks(dialog.new2, "quan-tri-moi-1")
        qtbot.keyClick(dialog.new2, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.task is None, timeout=5000)
        seen["wrong"] = dialog.form.problem_texts()
        dialog.code.clear()
        qtbot.keyClicks(dialog.code, printed.lower())  # as read from paper, in any case
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.task is None and bool(dialog.recovered), timeout=5000)
        box = dialog.code_box
        seen["intro"] = dialog.intro.text()
        seen["code"] = box.code_label.text()
        seen["ok_before"] = dialog.ok.isEnabled()
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "ma.pdf"))
        seen["printed"] = box.print_code(printer)
        dialog.reject()  # not yet: the new code must reach paper first
        seen["still_open"] = dialog.isVisible()
        box.done.setChecked(True)
        dialog.ok.click()

    login.username.setText("quantri")
    when_modal(lambda w: isinstance(w, RecoveryDialog), recover)
    login.forgot.click()

    assert seen["wrong"] == ["Mã khôi phục hoặc tên tài khoản quản trị không đúng."]
    assert str(seen["intro"]).startswith("Đã đặt mật khẩu mới cho quantri. Mã khôi phục cũ KHÔNG còn dùng được")
    new_code = str(seen["code"])
    assert CODE_PATTERN.match(new_code) and new_code != printed
    assert seen["ok_before"] is False and seen["printed"] is True and seen["still_open"] is True
    assert (tmp_path / "ma.pdf").stat().st_size > 0
    assert login.message.text() == "Đã đặt mật khẩu mới: hãy đăng nhập bằng mật khẩu đó."
    assert login.username.text() == "quantri" and login.focusWidget() is login.password
    with demo_ctx.session() as s, pytest.raises(UserError):
        recover_admin(s, "quantri", printed, "lai-mot-lan-nua")  # the old paper no longer works
    _type_login(qtbot, login, "quantri", "quan-tri-moi-1")
    qtbot.waitUntil(lambda: login.result() == QDialog.DialogCode.Accepted, timeout=10000)
    assert demo_ctx.actor is not None and demo_ctx.actor.role == UserRole.ADMIN


def test_change_password_and_log_out_to_another_user(qtbot, demo_ctx, no_delay, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ensure_demo_accounts(demo_ctx)
    demo_ctx.actor = actor_of(demo_ctx, "lanhdao")
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.accounts.status.text() == "lanhdao – Lãnh đạo"
    problems: list[str] = []

    def change(dialog: ChangePasswordDialog) -> None:
        qtbot.keyClicks(dialog.old, "khong-dung")
        qtbot.keyClicks(dialog.new, "lanh-dao-2025")
        qtbot.keyClicks(dialog.new2, "lanh-dao-2025")
        qtbot.keyClick(dialog.new2, Qt.Key.Key_Return)
        problems.extend(dialog.form.problem_texts())
        dialog.old.clear()
        qtbot.keyClicks(dialog.old, "demo2025")
        qtbot.keyClick(dialog.old, Qt.Key.Key_Return)

    when_modal(lambda w: isinstance(w, ChangePasswordDialog), change)
    window.accounts.a_password.trigger()
    assert problems == ["Mật khẩu hiện tại không đúng."]
    assert window.statusBar().currentMessage() == "Đã đổi mật khẩu."
    with demo_ctx.session() as s:
        assert authenticate(s, "lanhdao", "lanh-dao-2025", delay=0).actor is not None

    when_modal(lambda w: isinstance(w, LoginDialog), lambda d: _type_login(qtbot, d, "canbo", "demo2025"))
    new_window = window.accounts.log_out()
    assert new_window is not None and new_window is not window
    qtbot.addWidget(new_window)
    assert not window.isVisible() and new_window.isVisible()
    assert new_window.ctx.actor is not None and new_window.ctx.actor.username == "canbo"
    assert new_window.accounts.status.text() == "canbo – Cán bộ nhập liệu"
    assert new_window.ctx.db is demo_ctx.db
    with demo_ctx.session() as s:
        assert [e.username for e in list_entries(s, action="logout")] == ["lanhdao"]


@pytest.fixture
def started(qapp, monkeypatch):  # type: ignore[no-untyped-def]
    """run_gui as main.py calls it, returning once the main window is up (the event loop is not entered)."""
    windows: list[MainWindow] = []

    class Recorded(MainWindow):
        def __init__(self, ctx):  # type: ignore[no-untyped-def]
            super().__init__(ctx)
            windows.append(self)

    monkeypatch.setattr(main_window_module, "MainWindow", Recorded)
    monkeypatch.setattr(qapp, "exec", lambda: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    handlers = list(logging.getLogger("commune_desk").handlers)
    yield windows
    for w in windows:
        w.close()
        w.deleteLater()
    root = logging.getLogger("commune_desk")
    for h in root.handlers[:]:
        if h not in handlers:
            root.removeHandler(h)
            h.close()


def test_a_database_without_accounts_asks_for_the_administrator_at_start(qtbot, tmp_path, started) -> None:  # type: ignore[no-untyped-def]
    db_path = tmp_path / "xa.sqlite"
    db = open_database(db_path)
    with db.sessions.begin() as s:  # declared before accounts existed (or the wizard was left at that step)
        save_profile(s, ProfileData(code="16906", signer_title="CHỦ TỊCH"))
    db.close()
    seen: dict[str, object] = {}

    def create(dialog: CreateAdminDialog) -> None:
        seen["intro"] = dialog.intro.text()
        form = dialog.form
        qtbot.keyClicks(form.username, "Hai LV")  # not a valid username
        qtbot.keyClicks(form.password, "ngan")
        qtbot.keyClicks(form.password2, "ngan")
        qtbot.keyClick(form.password2, Qt.Key.Key_Return)
        seen["problems"] = form.problem_texts()
        form.username.clear()
        qtbot.keyClicks(form.username, "hai.lv")
        type_text(form.full_name, "Lô Văn Hải")
        for edit in (form.password, form.password2):
            edit.clear()
            qtbot.keyClicks(edit, "matkhau-2025")
        qtbot.keyClick(form.password2, Qt.Key.Key_Return)
        seen["code"] = dialog.code_box.code_label.text()
        seen["start_enabled"] = dialog.ok.isEnabled()
        dialog.code_box.done.setChecked(True)
        dialog.ok.click()

    when_modal(lambda w: isinstance(w, CreateAdminDialog), create)
    settings = tmp_path / "ui.ini"
    UiSettings(settings).sync()
    assert app_module.run_gui(db_path=db_path, lang="vi", settings_path=settings) == 0

    assert str(seen["intro"]).startswith("Dữ liệu Xã Lượng Minh – Nghệ An chưa có tài khoản nào.")
    assert seen["problems"] == [
        "Tên đăng nhập gồm 2–64 chữ thường không dấu, số, dấu chấm, gạch: ví dụ «lan.nt».",
        "Mật khẩu phải có ít nhất 8 ký tự.",
    ]
    assert CODE_PATTERN.match(str(seen["code"])) and seen["start_enabled"] is False
    [window] = started
    assert window.accounts.status.text() == "hai.lv – Quản trị"


def test_once_an_administrator_exists_only_administrators_add_accounts(empty_ctx) -> None:  # type: ignore[no-untyped-def]
    actor, code = store_admin(empty_ctx, AdminData("quantri", "Quản trị", "matkhau-2025"))
    assert actor.role == UserRole.ADMIN and CODE_PATTERN.match(code)
    empty_ctx.actor = Actor(actor.user_id + 1, "ai.do", UserRole.CLERK)
    with pytest.raises(PermissionDenied):
        store_admin(empty_ctx, AdminData("khac", "", "matkhau-2025"))


def test_demo_from_the_wizard_then_the_login_shows_the_demo_accounts(qtbot, tmp_path, started, no_delay) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, str] = {}

    def log_in(dialog: LoginDialog) -> None:
        seen["hint"] = dialog.hint.text() if dialog.hint.isVisible() else ""
        _type_login(qtbot, dialog, "lanhdao", "demo2025")

    def demo(wizard: FirstStartWizard) -> None:
        wizard.start_page.demo.setChecked(True)
        wizard.next()
        seen["told"] = wizard.demo_page.text.text()
        when_modal(lambda w: isinstance(w, LoginDialog), log_in)
        wizard.button(wizard.WizardButton.FinishButton).click()  # loads in the background, then closes

    when_modal(lambda w: isinstance(w, FirstStartWizard), demo)
    settings = tmp_path / "ui.ini"
    UiSettings(settings).sync()
    assert app_module.run_gui(db_path=tmp_path / "demo.sqlite", lang="vi", settings_path=settings) == 0

    assert seen["told"].endswith(
        "Sau khi nạp, đăng nhập bằng một tài khoản mẫu: quantri (Quản trị), lanhdao (Lãnh đạo), "
        "canbo (Cán bộ nhập liệu); mật khẩu demo2025."
    )
    assert seen["hint"].startswith("Dữ liệu mẫu – đăng nhập thử bằng: quantri (Quản trị)")
    [window] = started
    assert window.accounts.status.text() == "lanhdao – Lãnh đạo"
