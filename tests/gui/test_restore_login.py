"""«Khôi phục từ bản sao lưu…» is for administrators, and afterwards whoever goes on logs in to the restored file.

Why: the restored file has its own accounts (someone added since the backup does not exist in it, a
password changed since is the old one again); carrying the old login over would let a user work in a
database that does not know them. Cancelling that login ends the program rather than leaving a window
on a closed database.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from shiboken6 import isValid as shiboken_valid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

import gui.backup_actions as backup_actions
from gui.dialogs.backup_dialogs import RestoreConfirmDialog
from gui.login import LoginDialog
from storage import auth
from storage.audit import list_entries
from storage.auth import create_user, list_users
from storage.backup import backup_to
from storage.vocab import UserRole
from tests.gui.account_helpers import when_modal
from tests.gui.audit_helpers import log_in, make_accounts

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")
TIMEOUT = 15000


@pytest.fixture(autouse=True)
def _no_login_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "FAIL_DELAY_SECONDS", 0.0)


@pytest.fixture
def infos(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text, *a: seen.append(text)))
    return seen


@pytest.fixture
def cleanup():  # type: ignore[no-untyped-def]
    """Windows opened here (before and after a restore) are closed, and the restored databases too."""
    yield
    for w in QApplication.topLevelWidgets():
        if w.isVisible() and type(w).__name__ == "MainWindow":
            w.close()
    backup_actions.close_reopened_contexts()


def _window(qtbot, ctx):  # type: ignore[no-untyped-def]
    """The main window as the application shows it after the login (not handed to qtbot: a restore deletes it)."""
    from gui import settings as keys
    from gui.main_window import MainWindow

    ctx.settings.set(keys.LAST_PAGE, "staff")
    window = MainWindow(ctx)
    window.resize(1400, 850)
    window.show()
    qtbot.waitExposed(window)
    return window


def _choose_backup(monkeypatch, backup: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(backup), "")))
    monkeypatch.setattr(RestoreConfirmDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)


def _type_login(qtbot, dialog: LoginDialog, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    dialog.username.clear()
    dialog.password.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_after_restore_the_login_is_to_the_restored_files_accounts(
    qtbot, demo_ctx, tmp_path, monkeypatch, infos, cleanup
) -> None:  # type: ignore[no-untyped-def]
    log_in(demo_ctx, make_accounts(demo_ctx)[UserRole.ADMIN])
    admin = demo_ctx.actor.username
    window = _window(qtbot, demo_ctx)
    assert window.backups.a_restore.isEnabled()
    db_path = Path(demo_ctx.db.path)
    backup = backup_to(db_path, tmp_path / "usb" / "sao-luu.sqlite").path
    with demo_ctx.session() as s:  # an account made after the backup: the restored file does not know it
        create_user(s, "moi.tao", "Người Mới Tạo", UserRole.ADMIN, "matkhau-moi-2025")
    _choose_backup(monkeypatch, backup)
    said: list[str] = []

    def log_in_to_restored(dialog: LoginDialog) -> None:
        said.append(dialog.windowTitle())
        _type_login(qtbot, dialog, "moi.tao", "matkhau-moi-2025")
        qtbot.waitUntil(lambda: dialog.task is None and bool(dialog.message.text()), timeout=TIMEOUT)
        said.append(dialog.message.text())
        _type_login(qtbot, dialog, "lanhdao", "demo2025")

    when_modal(lambda w: isinstance(w, LoginDialog), log_in_to_restored)
    window.backups.a_restore.trigger()
    qtbot.waitUntil(lambda: window.backups.replaced_by is not None, timeout=TIMEOUT)
    new = window.backups.replaced_by
    qtbot.waitUntil(lambda: not shiboken_valid(window), timeout=TIMEOUT)  # the old window is gone

    assert said[0] == "Commune Desk – Đăng nhập"
    assert said[1].startswith("Sai tên đăng nhập hoặc mật khẩu")  # moi.tao is not in the restored file
    assert new.isVisible() and new.ctx.db.path == db_path
    assert new.ctx.actor is not None and new.ctx.actor.username == "lanhdao"
    assert new.accounts.status.text() == "lanhdao – Lãnh đạo"
    assert not new.backups.a_restore.isEnabled()  # an officer may not restore again from this window
    with new.ctx.session() as s:
        assert "moi.tao" not in {u.username for u in list_users(s)}
        [entry] = list_entries(s, action="login", limit=1)
        [restored] = list_entries(s, action="restore", table="database", limit=1)
    assert entry.username == "lanhdao"
    assert restored.username == admin and "Khôi phục từ bản sao lưu sao-luu.sqlite" in restored.summary
    assert infos and infos[0].startswith("Đã khôi phục dữ liệu của Xã Lượng Minh (16906)")


def test_cancelling_the_login_after_restore_quits(qtbot, demo_ctx, tmp_path, monkeypatch, infos, cleanup) -> None:  # type: ignore[no-untyped-def]
    log_in(demo_ctx, make_accounts(demo_ctx)[UserRole.ADMIN])
    window = _window(qtbot, demo_ctx)
    backup = backup_to(Path(demo_ctx.db.path), tmp_path / "usb" / "sao-luu.sqlite").path
    _choose_backup(monkeypatch, backup)
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    when_modal(lambda w: isinstance(w, LoginDialog), lambda d: d.quit_button.click())
    window.backups.a_restore.trigger()
    qtbot.waitUntil(lambda: bool(quits), timeout=TIMEOUT)
    assert window.backups.replaced_by is None and not window.isVisible()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and type(w).__name__ == "MainWindow"]
    assert infos == []  # no «Đã khôi phục» box over a program that is ending


@pytest.mark.parametrize("role", [UserRole.CLERK, UserRole.OFFICER])
def test_only_an_administrator_may_restore(qtbot, demo_ctx, tmp_path, monkeypatch, cleanup, role) -> None:  # type: ignore[no-untyped-def]
    log_in(demo_ctx, make_accounts(demo_ctx)[role])
    window = _window(qtbot, demo_ctx)
    action = window.backups.a_restore
    assert not action.isEnabled()
    assert action.toolTip() == "Chỉ quản trị được khôi phục dữ liệu từ bản sao lưu."
    errors: list[str] = []
    monkeypatch.setattr(backup_actions, "show_error", lambda _p, exc, *a: errors.append(exc.message()))
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: asked.append(a) or ("", "")))
    window.backups.restore_from_file()  # as a shortcut or a stale menu would
    backup = backup_to(Path(demo_ctx.db.path), tmp_path / "usb" / "sao-luu.sqlite").path
    window.backups.restore(backup)  # the step after the confirmation, called directly
    assert asked == [] and window.backups.replaced_by is None and window.isVisible()
    refusal = "Chỉ quản trị được khôi phục dữ liệu từ bản sao lưu: việc này thay toàn bộ dữ liệu và tài khoản."
    assert errors == [refusal, refusal]
    assert not (Path(demo_ctx.db.path).parent / "backups").exists()  # nothing replaced, no safety copy
