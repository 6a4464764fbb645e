"""Backups from the desktop: the File menu's backup and restore, automatic backups, the damaged start."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from shiboken6 import isValid as shiboken_valid
from sqlalchemy import text

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

import gui.app as app_module
import gui.backup_actions as backup_actions
from gui.dialogs.backup_dialogs import DamagedStartDialog, RestoreConfirmDialog
from gui.settings import UiSettings
from storage.backup import auto_backup, auto_dir, backup_to
from storage.db import open_database
from storage.errors import UserError
from storage.profile import ProfileData, save_profile
from storage.restore import plan_restore

TIMEOUT = 15000


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    start, end = len(data) * 2 // 5, len(data) * 3 // 5
    data[start:end] = bytes((i * 7919 + 13) % 251 for i in range(end - start))
    path.write_bytes(bytes(data))


def _staff_name(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT full_name FROM staff WHERE id = 1").fetchone()[0]


@pytest.fixture
def infos(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Texts of the information boxes shown (answered at once)."""
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text, *a: seen.append(text)))
    return seen


@pytest.fixture
def reopened():  # type: ignore[no-untyped-def]
    """Windows opened after a restore are closed, and their databases too, after the test."""
    yield
    for w in QApplication.topLevelWidgets():
        if w.isVisible() and type(w).__name__ == "MainWindow":
            w.close()
    backup_actions.close_reopened_contexts()


def _when_modal(kind: type, act: Callable[[QDialog], None]) -> None:
    """Act on the first visible top-level dialog of ``kind`` (its exec() blocks the test)."""

    def tick() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, kind) and w.isVisible():
                act(w)
                return
        QTimer.singleShot(20, tick)

    QTimer.singleShot(0, tick)


def test_file_menu_has_backup_and_restore(main_window) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text() for a in main_window.m_file.actions()]
    assert texts[texts.index("Sao lưu ra…") + 1] == "Khôi phục từ bản sao lưu…"
    assert texts[-1] == "Thoát"


def test_backup_to_a_chosen_folder(qtbot, main_window, tmp_path, monkeypatch, infos) -> None:  # type: ignore[no-untyped-def]
    asked: dict[str, str] = {}
    usb = tmp_path / "usb"
    usb.mkdir()

    def save_name(_parent, _title, start, pattern):  # type: ignore[no-untyped-def]
        asked["start"], asked["pattern"] = start, pattern
        return str(usb / Path(start).name), pattern

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    main_window.backups.a_backup.trigger()
    qtbot.waitUntil(lambda: bool(infos), timeout=TIMEOUT)

    name = Path(asked["start"]).name
    assert name.startswith("commune-desk-16906-") and name.endswith(".sqlite") and "*.sqlite" in asked["pattern"]
    [copy] = list(usb.iterdir())
    assert copy.name == name
    assert infos[0].startswith("Đã sao lưu dữ liệu của Xã Lượng Minh (16906) vào:") and str(copy) in infos[0]
    assert main_window.ctx.settings.get(backup_actions.keys.BACKUP_FOLDER) == str(usb)


def test_restore_shows_what_is_lost_then_reopens_the_window(
    qtbot, main_window, tmp_path, monkeypatch, infos, reopened
) -> None:  # type: ignore[no-untyped-def]
    ctx = main_window.ctx
    db_path = Path(ctx.db.path)
    backup = backup_to(db_path, tmp_path / "usb" / "sao-luu.sqlite").path
    original = _staff_name(db_path)
    with ctx.session() as s:
        s.execute(
            text(
                "UPDATE staff SET full_name = 'Sửa sau sao lưu', updated_at = datetime('now', '+1 minute') WHERE id = 1"
            )
        )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(backup), "")))
    shown: dict[str, object] = {}

    def confirm(dialog: RestoreConfirmDialog) -> int:
        shown["loss"] = dialog.loss.text()
        shown["owner"] = dialog.owner_value.text()
        shown["default"] = dialog.cancel_button.isDefault()
        dialog.grab().save(str(tmp_path / "restore-confirm.png"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreConfirmDialog, "exec", confirm)
    logins: list[object] = []
    monkeypatch.setattr(backup_actions, "log_in_again", lambda c, _p: logins.append(c) or True)
    main_window.backups.a_restore.trigger()
    qtbot.waitUntil(lambda: main_window.backups.replaced_by is not None, timeout=TIMEOUT)
    window = main_window.backups.replaced_by
    qtbot.waitUntil(lambda: not shiboken_valid(main_window), timeout=TIMEOUT)  # the old window is gone
    monkeypatch.setattr(main_window, "close", lambda: True)  # pytest-qt would close and delete it again
    monkeypatch.setattr(main_window, "deleteLater", lambda: None)

    assert shown["owner"] == "Xã Lượng Minh (16906)" and shown["default"] is True
    assert "Sẽ mất các thay đổi sau" in str(shown["loss"])
    assert "Trên máy này có 1 bản ghi đã thêm hoặc sửa sau thời điểm đó." in str(shown["loss"])
    assert window is not main_window and window.isVisible() and window.ctx is not ctx
    assert logins == [window.ctx]  # the restored file's own accounts: log in again
    assert window.ctx.db.path == db_path
    assert _staff_name(db_path) == original
    assert infos and infos[0].startswith("Đã khôi phục dữ liệu của Xã Lượng Minh (16906)")
    [kept] = (db_path.parent / "backups").glob(f"{db_path.stem}.before-restore-*.sqlite")
    assert _staff_name(kept) == "Sửa sau sao lưu" and str(kept) in infos[0]
    with sqlite3.connect(db_path) as conn:  # the restored file's own log names who restored it
        last = conn.execute("SELECT username, action, table_name FROM audit_log ORDER BY id DESC").fetchone()
    assert last == (ctx.actor.username if ctx.actor else "", "restore", "database")
    window.show_page("staff")  # the new window reads the restored data
    assert window.windowTitle().startswith("Commune Desk – Xã Lượng Minh")


def test_a_refused_backup_leaves_the_window_as_it_was(qtbot, main_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "hong.sqlite"
    bad.write_text("không phải cơ sở dữ liệu")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(bad), "")))
    errors: list[str] = []
    monkeypatch.setattr(backup_actions, "show_error", lambda _p, exc, *a: errors.append(exc.message()))
    before = _digest(Path(main_window.ctx.db.path))
    main_window.backups.a_restore.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT)
    assert errors == ["Tệp hong.sqlite không phải là bản sao lưu cơ sở dữ liệu của Commune Desk."]
    assert main_window.backups.replaced_by is None and main_window.isVisible()
    assert _digest(Path(main_window.ctx.db.path)) == before


def test_another_communes_backup_needs_the_extra_tick(qtbot, demo_ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "nghi-loc.sqlite"
    db = open_database(other)
    with db.sessions.begin() as s:
        save_profile(s, ProfileData(code="17827", signer_title="CHỦ TỊCH"))
    db.close()
    dialog = RestoreConfirmDialog(None, plan_restore(demo_ctx.db.path, other))
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled() and dialog.other.isVisible() is False  # not shown yet
    dialog.show()
    assert dialog.other.isVisible() and "Xã Nghi Lộc (17827)" in dialog.other.text()
    dialog.other.setChecked(True)
    assert dialog.restore_button.isEnabled() and dialog.allow_other_commune
    dialog.grab().save(str(tmp_path / "restore-other-commune.png"))


def test_automatic_backup_at_start_then_only_after_changes(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    auto = backup_actions.start_auto_backups(main_window, first_delay_ms=0)
    qtbot.waitUntil(lambda: auto.last is not None, timeout=TIMEOUT)
    folder = auto_dir(Path(main_window.ctx.db.path))
    assert [p for p in folder.iterdir()] == [auto.last.path] and not auto.dirty
    auto.check()
    assert auto.task is not None and not auto.busy  # nothing changed: nothing started
    main_window.ctx.notify("staff")
    assert auto.dirty
    auto.stop()


def test_a_failed_automatic_backup_says_so_in_the_status_bar(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fail(*_a, **_k):  # type: ignore[no-untyped-def]
        raise UserError("Ổ đĩa đã đầy.", "The disk is full.")

    monkeypatch.setattr(backup_actions, "auto_backup", fail)
    auto = backup_actions.start_auto_backups(main_window, first_delay_ms=0)
    qtbot.waitUntil(lambda: "Sao lưu tự động" in main_window.statusBar().currentMessage(), timeout=TIMEOUT)
    assert main_window.statusBar().currentMessage() == "Sao lưu tự động không thành công: Ổ đĩa đã đầy."
    auto.stop()


@pytest.fixture
def damaged_db(demo_template: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A damaged commune database with one good automatic backup beside it."""
    path = tmp_path / "data" / "commune.sqlite"
    path.parent.mkdir()
    shutil.copy(demo_template, path)
    info = auto_backup(path)
    assert info is not None
    _damage(path)
    return path, info.path


def test_damaged_start_offers_the_backup_and_restores_it(qtbot, qapp, damaged_db, tmp_path, infos) -> None:  # type: ignore[no-untyped-def]
    path, _backup = damaged_db
    before = _digest(path)
    seen: dict[str, object] = {}

    def pick(dialog: DamagedStartDialog) -> None:
        seen["rows"] = dialog.table.rowCount()
        seen["cells"] = [dialog.table.item(0, c).text() for c in range(4)]
        seen["restore_enabled"] = dialog.restore_button.isEnabled()
        dialog.resize(900, 420)
        dialog.grab().save(str(tmp_path / "damaged-start.png"))
        dialog.restore_button.click()

    _when_modal(DamagedStartDialog, pick)
    db = backup_actions.open_or_recover(path, "vi")
    assert db is not None
    try:
        assert seen["rows"] == 1 and seen["restore_enabled"] is True
        _made, kind, owner, loss = seen["cells"]  # type: ignore[misc]
        assert kind == "Tự động" and owner == "Xã Lượng Minh (16906)" and loss.startswith("mất các thay đổi sau ")
        [kept] = (path.parent / "backups").glob("commune.before-restore-*-damaged.sqlite")
        assert _digest(kept) == before  # the damaged file, byte for byte
        assert infos and "Tệp bị hỏng được giữ tại:" in infos[0]
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        db.close()


def test_damaged_start_quit_leaves_the_file_untouched(qtbot, qapp, damaged_db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path, _backup = damaged_db
    before, mtime = _digest(path), path.stat().st_mtime_ns
    monkeypatch.setattr(qapp, "exec", lambda: 0)
    _when_modal(DamagedStartDialog, lambda d: d.quit_button.click())
    settings = tmp_path / "ui.ini"
    UiSettings(settings).sync()
    assert app_module.run_gui(db_path=path, lang="vi", settings_path=settings) == 2
    assert _digest(path) == before and path.stat().st_mtime_ns == mtime
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
