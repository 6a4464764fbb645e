"""`backup` and `restore` on the command line: messages, exit codes, confirmation, refusals."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from cli.app import run
from storage.backup import auto_backup
from storage.db import open_database
from storage.profile import ProfileData, save_profile


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _staff_name(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT full_name FROM staff WHERE id = 1").fetchone()[0]


def _entries(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def _failed_logins(path: Path, username: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT failed_logins FROM app_user WHERE username = ?", (username,)).fetchone()[0]


def _rename_staff(path: Path, name: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE staff SET full_name = ?, updated_at = datetime('now', '+1 minute') WHERE id = 1", (name,))


def test_backup_to_a_folder_then_restore_it(luong_minh_db: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    usb = tmp_path / "usb"
    code, out, _ = cli(capsys, "--db", str(luong_minh_db), "backup", "--out", str(usb))
    assert code == 0
    [copy] = list(usb.iterdir())
    assert copy.name.startswith("commune-desk-16906-") and str(copy) in out
    assert "Đã sao lưu Xã Lượng Minh (16906)" in out and "đã kiểm tra toàn vẹn" in out
    original = _staff_name(luong_minh_db)
    _rename_staff(luong_minh_db, "Tên sửa sau khi sao lưu")

    code, out, err = cli(capsys, "--db", str(luong_minh_db), "restore", str(copy))  # no TTY, no --yes
    assert code == 2 and "Thêm --yes" in err
    assert "Dữ liệu của:   Xã Lượng Minh (16906)" in out
    assert "(1 bản ghi đã thêm hoặc sửa sau thời điểm đó)" in out
    assert _staff_name(luong_minh_db) == "Tên sửa sau khi sao lưu"  # untouched

    code, out, _ = cli(capsys, "--db", str(luong_minh_db), "restore", str(copy), "--yes")
    assert code == 0, out
    assert "Đã giữ cơ sở dữ liệu cũ tại:" in out and "Đã khôi phục" in out
    assert _staff_name(luong_minh_db) == original
    [kept] = (tmp_path / "backups").glob("luong-minh.before-restore-*.sqlite")
    assert _staff_name(kept) == "Tên sửa sau khi sao lưu"
    with sqlite3.connect(luong_minh_db) as conn:  # the restored file's own log says who restored it, from what
        last = conn.execute("SELECT username, action, table_name, summary FROM audit_log ORDER BY id DESC").fetchone()
    assert last[:3] == ("quantri", "restore", "database")
    assert f"Khôi phục từ bản sao lưu {copy.name}" in last[3] and kept.name in last[3]
    code, out, _ = cli(capsys, "--db", str(luong_minh_db), "check")
    assert code == 0 and "Nhật ký thay đổi nguyên vẹn" in out  # the new entry is chained to the backup's log


def test_restore_asks_on_a_terminal(luong_minh_db: Path, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cli(capsys, "--db", str(luong_minh_db), "backup", "--out", str(tmp_path / "copy.sqlite"))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt: "k")
    before = _digest(luong_minh_db)
    code, _, err = cli(capsys, "--db", str(luong_minh_db), "restore", str(tmp_path / "copy.sqlite"))
    assert code == 2 and "Đã hủy" in err and _digest(luong_minh_db) == before
    monkeypatch.setattr("builtins.input", lambda _prompt: "c")
    code, out, _ = cli(capsys, "--db", str(luong_minh_db), "restore", str(tmp_path / "copy.sqlite"))
    assert code == 0 and "Đã khôi phục" in out


def test_restore_refuses_another_commune_unless_allowed(luong_minh_db: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "nghi-loc.sqlite"
    db = open_database(other)
    with db.sessions.begin() as s:
        save_profile(s, ProfileData(code="17827", signer_title="CHỦ TỊCH"))
    db.close()
    before = _digest(luong_minh_db)
    code, _, err = cli(capsys, "--db", str(luong_minh_db), "restore", str(other), "--yes")
    assert code == 2 and "Xã Nghi Lộc (17827)" in err and "--allow-other-commune" in err
    assert _digest(luong_minh_db) == before
    code, _, err = cli(capsys, "--db", str(luong_minh_db), "--lang", "en", "restore", str(other), "--yes")
    assert code == 2 and "not Xã Lượng Minh (16906)'s" in err
    args = ("--db", str(luong_minh_db), "restore", str(other), "--yes", "--allow-other-commune")
    assert cli(capsys, *args)[0] == 0


def test_restore_of_a_file_that_is_not_a_backup(luong_minh_db: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    notes = tmp_path / "notes.sqlite"
    notes.write_text("không phải cơ sở dữ liệu")
    code, out, err = cli(capsys, "--db", str(luong_minh_db), "restore", str(notes), "--yes")
    assert code == 2 and out == ""
    assert err.strip() == "Tệp notes.sqlite không phải là bản sao lưu cơ sở dữ liệu của Commune Desk."


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    start, end = len(data) * 2 // 5, len(data) * 3 // 5
    data[start:end] = bytes((i * 7919 + 13) % 251 for i in range(end - start))
    path.write_bytes(bytes(data))


def test_commands_refuse_a_damaged_database_and_name_the_backup(luong_minh_db: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    backup = auto_backup(luong_minh_db)
    assert backup is not None
    _damage(luong_minh_db)
    before = _digest(luong_minh_db)
    code, _, err = cli(capsys, "--db", str(luong_minh_db), "list", "staff")
    assert code == 2 and "bị hỏng" in err and f'python main.py restore "{backup.path}"' in err
    code, out, _ = cli(capsys, "--db", str(luong_minh_db), "check")
    assert code == 3 and out.startswith("KHÔNG ĐẠT – cơ sở dữ liệu bị hỏng:")
    assert _digest(luong_minh_db) == before
    code, out, _ = cli(capsys, "--db", str(luong_minh_db), "restore", str(backup.path), "--yes")
    assert code == 0 and "-damaged.sqlite" in out
    assert cli(capsys, "--db", str(luong_minh_db), "check")[0] == 0


def test_restore_needs_an_administrator(luong_minh_db: Path, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    usb = tmp_path / "usb"
    assert cli(capsys, "--db", str(luong_minh_db), "backup", "--out", str(usb))[0] == 0
    [copy] = list(usb.iterdir())
    _rename_staff(luong_minh_db, "Tên sửa sau khi sao lưu")
    before = _entries(luong_minh_db)
    for user in ("canbo", "lanhdao"):  # a clerk, an officer: refused before anything is shown or replaced
        code, out, err = cli(capsys, "--db", str(luong_minh_db), "--user", user, "restore", str(copy), "--yes")
        assert code != 0 and out == ""
        assert f"Tài khoản {user}" in err and "không có quyền khôi phục dữ liệu từ bản sao lưu" in err
        assert "cần quyền quản trị" in err
    assert _staff_name(luong_minh_db) == "Tên sửa sau khi sao lưu" and not (tmp_path / "backups").exists()
    assert _entries(luong_minh_db) == before  # the refused logins wrote nothing either
    monkeypatch.setenv("COMMUNE_DESK_PASSWORD", "sai-mat-khau")
    code, _, err = cli(capsys, "--db", str(luong_minh_db), "--user", "quantri", "restore", str(copy), "--yes")
    assert code != 0 and "Sai tên đăng nhập hoặc mật khẩu" in err
    assert _failed_logins(luong_minh_db, "quantri") == 1  # a wrong password counts towards the lock
    monkeypatch.setenv("COMMUNE_DESK_PASSWORD", "demo2025")
    code, out, err = cli(capsys, "--db", str(luong_minh_db), "--user", "quantri", "restore", str(copy), "--yes")
    assert code == 0 and "Đã khôi phục" in out, err
    assert _staff_name(luong_minh_db) != "Tên sửa sau khi sao lưu"
