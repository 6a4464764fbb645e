"""Evidence for docs/reliability.md: passwords typed into the desktop screens never reach a log or the file.

Why: the screens have their own code around the storage calls (background login, error boxes that log
tracebacks); the command-line test does not cover them. The log file is the one the program writes.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

import gui.app as app_module
import storage.auth as auth
from gui.account_forms import AdminData, ChangePasswordDialog, store_admin
from gui.login import LoginDialog
from gui.main_window import MainWindow
from tests.gui.account_helpers import ensure_demo_accounts, when_modal

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WRONG = "Go-Nham-Tren-Man-Hinh-1"
NEW = "Moi-Tren-Man-Hinh-2025"
ADMIN = "Quan-Tri-Tren-Man-Hinh-7"


@pytest.fixture
def log_file(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The program's own log file (as run_gui sets it up), removed from the logger afterwards."""
    root = logging.getLogger("commune_desk")
    before = list(root.handlers)
    app_module._setup_logging(tmp_path / "appdata")
    yield tmp_path / "appdata" / "logs" / "commune-desk.log"
    for h in root.handlers[:]:
        if h not in before:
            root.removeHandler(h)
            h.close()


def _type_login(qtbot, dialog: LoginDialog, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    dialog.username.clear()
    dialog.password.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_typed_passwords_and_the_wizard_code_are_not_logged_or_stored(  # type: ignore[no-untyped-def]
    qtbot, demo_ctx, empty_ctx, log_file, caplog, monkeypatch
) -> None:
    monkeypatch.setattr(auth, "FAIL_DELAY_SECONDS", 0.0)
    caplog.set_level(logging.DEBUG)
    ensure_demo_accounts(demo_ctx)
    login = LoginDialog(demo_ctx)
    qtbot.addWidget(login)
    login.show()
    _type_login(qtbot, login, "lanhdao", WRONG)
    qtbot.waitUntil(lambda: login.task is None, timeout=10000)
    assert login.message.text().startswith("Sai tên đăng nhập hoặc mật khẩu")
    _type_login(qtbot, login, "lanhdao", auth.DEMO_PASSWORD)
    qtbot.waitUntil(lambda: login.result() == QDialog.DialogCode.Accepted, timeout=10000)

    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)

    def change(dialog: ChangePasswordDialog) -> None:
        qtbot.keyClicks(dialog.old, auth.DEMO_PASSWORD)
        qtbot.keyClicks(dialog.new, NEW)
        qtbot.keyClicks(dialog.new2, NEW)
        qtbot.keyClick(dialog.new2, Qt.Key.Key_Return)

    when_modal(lambda w: isinstance(w, ChangePasswordDialog), change)
    window.accounts.a_password.trigger()
    assert window.statusBar().currentMessage() == "Đã đổi mật khẩu."
    _actor, code = store_admin(empty_ctx, AdminData("hai.lv", "Lô Văn Hải", ADMIN))  # what the wizard stores
    logging.getLogger("commune_desk.gui").info("marker: the log file is written")
    for handler in logging.getLogger("commune_desk").handlers:
        handler.flush()

    written = log_file.read_text(encoding="utf-8")
    records = "\n".join(f"{r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records)
    assert "marker: the log file is written" in written
    for db_path in (Path(demo_ctx.db.path), Path(empty_ctx.db.path)):
        with closing(sqlite3.connect(db_path)) as conn:
            stored = "\n".join(conn.iterdump())
        raw = b"".join(p.read_bytes() for p in (db_path, Path(f"{db_path}-wal")) if p.exists())
        for secret in (WRONG, NEW, ADMIN, code, code.replace("-", "")):
            assert secret not in stored and secret.encode() not in raw, f"{secret} stored in {db_path.name}"
    for secret in (WRONG, NEW, auth.DEMO_PASSWORD, ADMIN, code):
        assert secret not in written and secret not in records
    with demo_ctx.session() as s:
        assert auth.authenticate(s, "lanhdao", NEW, delay=0).actor is not None  # the change really happened
