"""Evidence for docs/reliability.md: the damaged start names each backup's date and what restoring it loses;
automatic backups are asked for on a timer, with the hours from the settings.

Why: "the user is offered the latest good backup with its date and what would be lost" is a promise about
text on a screen, so the test reads that text, for times it chose itself.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import sqlite3
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import gui.backup_actions as backup_actions
from gui import settings as keys
from gui.dialogs.backup_dialogs import DamagedStartDialog
from storage.backup import auto_backup
from storage.restore import DatabaseDamaged, open_checked

TIMEOUT = 15000
OLDER_CHANGE = "2029-06-01 10:20:00"  # UTC, as the application stores created_at/updated_at
NEWER_CHANGE = "2030-01-02 03:04:05"


def _local(utc_text: str) -> str:
    """How the screen shows a stored UTC time: the PC's local time, dd/mm/yyyy HH:MM."""
    when = datetime.fromisoformat(utc_text).replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    return when.strftime("%d/%m/%Y %H:%M")


def _change_staff(path: Path, staff_id: int, name: str, at: str) -> None:
    with closing(sqlite3.connect(path)) as conn, conn:  # closed: the WAL is folded back into the file
        conn.execute("UPDATE staff SET full_name = ?, updated_at = ? WHERE id = ?", (name, at, staff_id))


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    start, end = len(data) * 2 // 5, len(data) * 3 // 5
    data[start:end] = bytes((i * 7919 + 13) % 251 for i in range(end - start))
    path.write_bytes(bytes(data))


@pytest.fixture
def two_backups_then_damage(demo_template: Path, tmp_path: Path) -> Path:
    """A commune database with two automatic backups (made 20/11 and 21/11/2031), then damaged."""
    path = tmp_path / "data" / "commune.sqlite"
    path.parent.mkdir()
    shutil.copy(demo_template, path)
    _change_staff(path, 1, "Sửa trước bản thứ nhất", OLDER_CHANGE)
    assert auto_backup(path, datetime(2031, 11, 20, 8, 0)) is not None
    _change_staff(path, 2, "Sửa trước bản thứ hai", NEWER_CHANGE)
    assert auto_backup(path, datetime(2031, 11, 21, 8, 0)) is not None
    assert not Path(f"{path}-wal").exists()  # the damage is all there is: no WAL to fold in later
    _damage(path)
    return path


def test_damaged_start_lists_each_backup_with_its_date_and_what_is_lost(  # type: ignore[no-untyped-def]
    qtbot, qapp, two_backups_then_damage, tmp_path
) -> None:
    path = two_backups_then_damage
    with pytest.raises(DatabaseDamaged) as err:
        open_checked(path)
    dialog = DamagedStartDialog(err.value, "vi")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.grab().save(str(tmp_path / "damaged-start-evidence.png"))

    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(4)]
    rows = [[dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())]
    labels = " ".join(w.text() for w in dialog.findChildren(type(dialog.none_label)) if w.isVisible())
    assert dialog.windowTitle() == "Cơ sở dữ liệu bị hỏng"
    assert "Tệp dữ liệu commune.sqlite bị hỏng." in labels
    assert "các thay đổi sau thời điểm của bản sao lưu sẽ mất và cần nhập lại" in labels
    assert headers == ["Bản sao lưu lập lúc", "Loại", "Dữ liệu của", "Nếu khôi phục"]
    assert rows == [
        ["21/11/2031 08:00", "Tự động", "Xã Lượng Minh (16906)", f"mất các thay đổi sau {_local(NEWER_CHANGE)}"],
        ["20/11/2031 08:00", "Tự động", "Xã Lượng Minh (16906)", f"mất các thay đổi sau {_local(OLDER_CHANGE)}"],
    ]  # newest first, and the newest is the one selected for the Enter key
    assert dialog.table.currentRow() == 0 and dialog.restore_button.isDefault()


def test_restoring_from_the_damaged_start_says_from_when_and_keeps_the_damaged_file(  # type: ignore[no-untyped-def]
    qtbot, qapp, two_backups_then_damage, monkeypatch
) -> None:
    path = two_backups_then_damage
    damaged_digest = hashlib.sha256(path.read_bytes()).hexdigest()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text, *a: told.append(text)))

    def pick_the_older() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, DamagedStartDialog) and w.isVisible():
                w.table.selectRow(1)
                w.restore_button.click()
                return
        QTimer.singleShot(20, pick_the_older)

    QTimer.singleShot(0, pick_the_older)
    db = backup_actions.open_or_recover(path, "vi")
    assert db is not None
    try:
        with db.engine.connect() as conn:
            names = dict(conn.exec_driver_sql("SELECT id, full_name FROM staff WHERE id IN (1, 2)").fetchall())
            last = conn.exec_driver_sql("SELECT username, action, summary FROM audit_log ORDER BY id DESC").first()
    finally:
        db.close()
    assert names[1] == "Sửa trước bản thứ nhất" and names[2] != "Sửa trước bản thứ hai"  # the older copy's data
    assert last is not None and last[:2] == ("", "restore")  # the restored file's log: by the system, before login
    assert "Khôi phục từ bản sao lưu" in last[2] and "-damaged.sqlite" in last[2]
    [text] = told
    assert text.startswith(
        f"Đã khôi phục dữ liệu từ bản sao lưu lập lúc 20/11/2031 08:00. Các thay đổi sau {_local(OLDER_CHANGE)} đã mất"
    )
    [kept] = (path.parent / "backups").glob("commune.before-restore-*-damaged.sqlite")
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == damaged_digest and str(kept) in text


def test_automatic_backups_are_asked_for_every_ten_minutes_with_the_hours_setting(  # type: ignore[no-untyped-def]
    qtbot, main_window, monkeypatch
) -> None:
    asked: list[float] = []

    def not_due(_path: Path, every_hours: float) -> None:
        asked.append(every_hours)
        return None  # the storage rule (tests/test_evidence_backups.py) says whether N hours have passed

    main_window.ctx.settings.set(keys.BACKUP_EVERY_HOURS, 6)
    monkeypatch.setattr(backup_actions, "auto_backup", not_due)
    as_started = backup_actions.start_auto_backups(main_window)  # as run_gui does, once the window shows
    assert as_started.first.isActive() and as_started.first.isSingleShot() and as_started.first.interval() == 3000
    as_started.stop()
    auto = backup_actions.start_auto_backups(main_window, first_delay_ms=0)
    qtbot.waitUntil(lambda: asked == [6] and not auto.busy, timeout=TIMEOUT)  # the check at start
    assert auto.timer.isActive() and auto.timer.interval() == 10 * 60 * 1000 and not auto.timer.isSingleShot()
    auto.timer.timeout.emit()  # ten minutes later: nothing was due, so it asks again
    qtbot.waitUntil(lambda: asked == [6, 6] and not auto.busy, timeout=TIMEOUT)
    main_window.ctx.settings.set(keys.BACKUP_EVERY_HOURS, 0)  # a nonsense setting is taken as 1 hour
    auto.timer.timeout.emit()
    qtbot.waitUntil(lambda: asked == [6, 6, 1] and not auto.busy, timeout=TIMEOUT)
    auto.stop()
    assert not auto.timer.isActive()


def test_the_program_starts_automatic_backups_once_its_window_shows(  # type: ignore[no-untyped-def]
    qtbot, qapp, luong_minh_db, tmp_path, monkeypatch
) -> None:
    import gui.app as app_module
    import gui.main_window as main_window_module
    from gui.settings import UiSettings

    windows: list[main_window_module.MainWindow] = []

    class Recorded(main_window_module.MainWindow):
        def __init__(self, ctx):  # type: ignore[no-untyped-def]
            super().__init__(ctx)
            windows.append(self)

    monkeypatch.setattr(main_window_module, "MainWindow", Recorded)
    monkeypatch.setattr(app_module, "log_in", lambda _ctx: True)  # the login itself has its own tests
    monkeypatch.setattr(qapp, "exec", lambda: 0)  # return once the window is up
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    handlers = list(logging.getLogger("commune_desk").handlers)  # and a log file handler
    settings = tmp_path / "ui.ini"
    UiSettings(settings).sync()
    try:
        assert app_module.run_gui(db_path=luong_minh_db, lang="vi", settings_path=settings) == 0
        [window] = windows
        auto = window.backups.auto
        assert auto is not None and window.isVisible()
        assert auto.first.isActive() and auto.first.interval() == 3000 and auto.timer.isActive()
    finally:
        for w in windows:
            if w.backups.auto is not None:
                w.backups.auto.stop()
            w.close()
            w.deleteLater()
        root = logging.getLogger("commune_desk")
        for h in root.handlers[:]:
            if h not in handlers:
                root.removeHandler(h)
                h.close()
