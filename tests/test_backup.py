"""Backups and restores: rotation, copies of a live database, checks of every kind of bad file, the damaged start."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from storage.backup import auto_backup, auto_dir, backup_to, list_backups, rotate, to_keep
from storage.backup_info import inspect_backup
from storage.db import current_revision, head_revision, open_database
from storage.errors import UserError
from storage.mode import DatabaseMode, set_province_mode
from storage.profile import ProfileData, save_profile
from storage.province.profile import ProvinceProfile, save_province_profile
from storage.restore import DatabaseDamaged, OtherOwnerBackup, open_checked, plan_restore, restore_from

DATA = Path(__file__).parent / "data"
NOW = datetime(2026, 11, 22, 15, 0)  # a Sunday


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count(path: Path, sql: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchone()[0]


def _commune_db(path: Path, code: str) -> Path:
    db = open_database(path)
    with db.sessions.begin() as s:
        save_profile(s, ProfileData(code=code, signer_title="CHỦ TỊCH"))
    db.close()
    return path


def _province_db(path: Path) -> Path:
    db = open_database(path)
    with db.sessions.begin() as s:
        set_province_mode(s)
        save_province_profile(s, ProvinceProfile(code="40"))
    db.close()
    return path


def _damage(path: Path) -> None:
    """Garbage over the middle fifth of the file, as a failing disk would leave it."""
    data = bytearray(path.read_bytes())
    start, end = len(data) * 2 // 5, len(data) * 3 // 5
    data[start:end] = bytes((i * 7919 + 13) % 251 for i in range(end - start))
    path.write_bytes(bytes(data))


# --- rotation --------------------------------------------------------------------------------
def test_rotation_keeps_recent_daily_and_weekly() -> None:
    files = []
    t = datetime(2026, 9, 1)
    while t <= NOW:
        files.append((t.strftime("%m-%d %H"), t))
        t += timedelta(hours=4)
    kept = to_keep(files, NOW)
    assert kept == {
        "11-22 12", "11-22 08", "11-22 04",  # the three newest
        "11-21 20", "11-20 20", "11-19 20", "11-18 20", "11-17 20", "11-16 20",  # newest of each of 7 days
        "11-15 20", "11-08 20", "11-01 20",  # newest of each of the 3 earlier ISO weeks
    }  # fmt: skip


def test_rotation_keeps_what_is_dated_in_the_future_and_handles_nothing() -> None:
    assert to_keep([], NOW) == set()
    future = NOW + timedelta(days=30)
    old = NOW - timedelta(days=90)
    assert to_keep([("future", future), ("old", old)], NOW, recent=0) == {"future"}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=60 * 24 * 60), unique=True, max_size=80))
def test_rotation_always_keeps_the_newest_and_a_bounded_number(minutes_ago: list[int]) -> None:
    files = [(m, NOW - timedelta(minutes=m)) for m in minutes_ago]
    kept = to_keep(files, NOW)
    assert kept <= set(minutes_ago)
    assert len(kept) <= 3 + 7 + 4
    if files:
        assert min(minutes_ago) in kept


def test_auto_backup_only_when_due_and_rotation_spares_other_backups(tmp_path: Path) -> None:
    db_path = _commune_db(tmp_path / "xa.sqlite", "16906")
    first = auto_backup(db_path, NOW, every_hours=4)
    assert first is not None and first.path == auto_dir(db_path) / "xa-20261122-150000.sqlite"
    assert first.usable and first.commune_code == "16906" and first.kind == "auto"
    assert auto_backup(db_path, NOW + timedelta(hours=3), every_hours=4) is None
    assert auto_backup(db_path, NOW + timedelta(hours=4), every_hours=4) is not None

    # Forty days of automatic backups, plus the copies made before an upgrade and before a restore.
    for day in range(1, 41):
        for hour in (9, 14):
            shutil.copy(first.path, auto_dir(db_path) / f"xa-{NOW - timedelta(days=day):%Y%m%d}-{hour:02d}0000.sqlite")
    kept_aside = [tmp_path / "backups" / "xa.before-upgrade-20250101-080000.sqlite"]
    kept_aside.append(tmp_path / "backups" / "xa.before-restore-20250101-090000.sqlite")
    kept_aside.append(auto_dir(db_path) / "notes.txt")
    kept_aside.append(auto_dir(db_path) / "other-20250101-090000.sqlite")  # another database's
    for path in kept_aside:
        shutil.copy(first.path, path)
    deleted = rotate(db_path, NOW + timedelta(hours=4))
    kept = sorted(p.name[3:16] for p in auto_dir(db_path).glob("xa-*.sqlite"))
    assert kept == [
        "20261101-1400", "20261108-1400", "20261115-1400",  # weekly
        "20261116-1400", "20261117-1400", "20261118-1400", "20261119-1400", "20261120-1400",  # daily
        "20261121-1400", "20261122-1500", "20261122-1900",  # the three newest (two of them today)
    ]  # fmt: skip
    assert len(deleted) == 80 + 2 - 11
    assert all(p.exists() for p in kept_aside)


# --- backup ----------------------------------------------------------------------------------
def test_backup_of_a_live_database_while_another_connection_writes(tmp_path: Path) -> None:
    db_path = _commune_db(tmp_path / "xa.sqlite", "16906")
    db = open_database(db_path)  # the program keeps it open, WAL mode
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        conn = sqlite3.connect(db_path, timeout=10)
        i = 0
        while not stop.is_set():
            conn.execute("INSERT INTO setting (key, value) VALUES (?, 'x')", (f"test.{i}",))
            conn.commit()
            written.append(i)
            i += 1
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copies = [backup_to(db, tmp_path / "usb" / f"copy{n}.sqlite") for n in range(5)]
    finally:
        stop.set()
        thread.join()
        db.close()
    assert len(written) > 10
    for info in copies:
        assert info.usable and info.commune_code == "16906"
        with sqlite3.connect(info.path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
            rows = conn.execute("SELECT count(*) FROM setting WHERE key LIKE 'test.%'").fetchone()[0]
        assert 0 <= rows <= len(written)
        assert not Path(f"{info.path}-wal").exists()
    assert sorted(p.name for p in (tmp_path / "usb").iterdir()) == [f"copy{n}.sqlite" for n in range(5)]


def test_backup_into_a_folder_uses_the_commune_code_and_time(luong_minh_db: Path, tmp_path: Path) -> None:
    info = backup_to(luong_minh_db, tmp_path / "USB" / "SaoLuu")  # a folder that does not exist yet
    assert info.path.parent == tmp_path / "USB" / "SaoLuu"
    assert info.path.name.startswith("commune-desk-16906-") and info.path.suffix == ".sqlite"
    assert [p.name for p in info.path.parent.iterdir()] == [info.path.name]  # no temporary file left
    with pytest.raises(UserError, match="đè lên chính cơ sở dữ liệu"):
        backup_to(luong_minh_db, luong_minh_db)


def test_backup_of_a_damaged_database_fails_and_leaves_no_file(tmp_path: Path, luong_minh_db: Path) -> None:
    _damage(luong_minh_db)
    with pytest.raises(UserError):
        backup_to(luong_minh_db, tmp_path / "usb" / "copy.sqlite")
    assert list((tmp_path / "usb").iterdir()) == []


# --- inspect ---------------------------------------------------------------------------------
def test_inspect_a_good_backup(luong_minh_db: Path, tmp_path: Path) -> None:
    copy = backup_to(luong_minh_db, tmp_path / "usb" / "copy.sqlite").path
    before = _digest(copy)
    info = inspect_backup(copy)
    assert info.usable and info.problem is None
    assert (info.mode, info.commune_code, info.commune_name) == (DatabaseMode.COMMUNE, "16906", "Xã Lượng Minh")
    assert info.revision == head_revision() and not info.newer_schema
    assert info.newest_change is not None and abs(info.newest_change - datetime.now()) < timedelta(hours=1)
    assert info.owner() == "Xã Lượng Minh (16906)"
    assert _digest(copy) == before and sorted(p.name for p in copy.parent.iterdir()) == ["copy.sqlite"]


def test_inspect_a_damaged_copy(luong_minh_db: Path, tmp_path: Path) -> None:
    copy = backup_to(luong_minh_db, tmp_path / "copy.sqlite").path
    _damage(copy)
    info = inspect_backup(copy)
    assert not info.usable and "bị hỏng" in info.problem.message()  # type: ignore[union-attr]


def test_inspect_a_truncated_copy(luong_minh_db: Path, tmp_path: Path) -> None:
    copy = backup_to(luong_minh_db, tmp_path / "copy.sqlite").path
    copy.write_bytes(copy.read_bytes()[: copy.stat().st_size // 2])
    info = inspect_backup(copy)
    assert not info.usable and "bị hỏng" in info.problem.message()  # type: ignore[union-attr]


@pytest.mark.parametrize("content", [b"", b"hello" * 1000, b"PK\x03\x04" + b"\x00" * 2000])
def test_inspect_files_that_are_not_backups(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.sqlite"
    path.write_bytes(content)
    info = inspect_backup(path)
    assert info.problem is not None and "không phải là bản sao lưu" in info.problem.message()
    assert "File not found" in inspect_backup(tmp_path / "missing.sqlite").problem.message("en")  # type: ignore[union-attr]


def test_inspect_a_plain_sqlite_file_that_is_not_ours(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    assert "không phải là bản sao lưu" in inspect_backup(path).problem.message()  # type: ignore[union-attr]


def test_inspect_a_backup_from_a_newer_version(tmp_path: Path) -> None:
    path = _commune_db(tmp_path / "new.sqlite", "16906")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    info = inspect_backup(path)
    assert info.newer_schema and info.revision == "9999_future"
    assert "phiên bản Commune Desk mới hơn" in info.problem.message()  # type: ignore[union-attr]


def test_inspect_tells_communes_and_provinces_apart(tmp_path: Path) -> None:
    other = inspect_backup(_commune_db(tmp_path / "a.sqlite", "17827"))
    assert (other.commune_code, other.commune_name) == ("17827", "Xã Nghi Lộc")
    province = inspect_backup(_province_db(tmp_path / "p.sqlite"))
    assert province.mode == DatabaseMode.PROVINCE and province.province_code == "40"
    assert province.owner() == "Nghệ An (chế độ tỉnh)" and province.commune_code == ""


# --- restore ---------------------------------------------------------------------------------
def test_restore_keeps_the_current_database_first_then_replaces_it(luong_minh_db: Path, tmp_path: Path) -> None:
    backup = backup_to(luong_minh_db, tmp_path / "usb" / "backup.sqlite").path
    db = open_database(luong_minh_db)
    with db.sessions.begin() as s:
        s.execute(
            text(
                "UPDATE staff SET full_name = 'Đổi sau sao lưu', updated_at = datetime('now', '+1 minute') WHERE id = 1"
            )
        )
    db.close()
    plan = plan_restore(luong_minh_db, backup)
    assert plan.other_owner is None and plan.changes == 1 and plan.current is not None

    result = restore_from(luong_minh_db, backup)

    assert result.safety_copy is not None and result.safety_copy.parent == tmp_path / "backups"
    assert result.safety_copy.name.startswith("luong-minh.before-restore-")
    assert _count(result.safety_copy, "SELECT count(*) FROM staff WHERE full_name = 'Đổi sau sao lưu'") == 1
    assert _count(luong_minh_db, "SELECT count(*) FROM staff WHERE full_name = 'Đổi sau sao lưu'") == 0
    assert not Path(f"{luong_minh_db}-wal").exists() and not Path(f"{luong_minh_db}-shm").exists()
    assert [p.name for p in tmp_path.glob(".*restoring")] == []
    db = open_checked(luong_minh_db)
    try:
        assert db.backup_made is None and current_revision(db.engine) == head_revision()
    finally:
        db.close()


def test_restore_checkpoints_a_wal_left_by_a_crash_into_the_safety_copy(luong_minh_db: Path, tmp_path: Path) -> None:
    backup = backup_to(luong_minh_db, tmp_path / "backup.sqlite").path
    crash = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode=WAL')\n"
        "c.execute('PRAGMA wal_autocheckpoint=0')\n"
        "c.execute(\"UPDATE staff SET full_name = 'Chỉ có trong WAL' WHERE id = 2\"); c.commit()\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", crash, str(luong_minh_db)], check=True)
    assert Path(f"{luong_minh_db}-wal").stat().st_size > 0  # the change lives only in the WAL

    result = restore_from(luong_minh_db, backup)

    assert result.safety_copy is not None
    assert _count(result.safety_copy, "SELECT count(*) FROM staff WHERE full_name = 'Chỉ có trong WAL'") == 1
    assert _count(luong_minh_db, "SELECT count(*) FROM staff WHERE full_name = 'Chỉ có trong WAL'") == 0
    assert _count(luong_minh_db, "PRAGMA integrity_check") == "ok"


def _bad_backups(tmp_path: Path, good: Path) -> dict[str, tuple[Path, str]]:
    damaged = tmp_path / "bad" / "damaged.sqlite"
    damaged.parent.mkdir()
    shutil.copy(good, damaged)
    _damage(damaged)
    newer = shutil.copy(good, tmp_path / "bad" / "newer.sqlite")
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    return {
        "damaged": (damaged, "bị hỏng"),
        "newer": (Path(newer), "mới hơn"),
        "other commune": (_commune_db(tmp_path / "bad" / "nghi-loc.sqlite", "17827"), "Xã Nghi Lộc (17827)"),
        "province": (_province_db(tmp_path / "bad" / "tinh.sqlite"), "Không khôi phục chéo giữa xã và tỉnh"),
        "not sqlite": (tmp_path / "bad" / "notes.sqlite", "không phải là bản sao lưu"),
    }


def test_nothing_is_touched_when_a_backup_is_refused(luong_minh_db: Path, tmp_path: Path) -> None:
    good = backup_to(luong_minh_db, tmp_path / "good.sqlite").path
    bad = _bad_backups(tmp_path, good)
    bad["not sqlite"][0].write_text("ghi chú")
    before = _digest(luong_minh_db)
    for name, (path, message) in bad.items():
        with pytest.raises(UserError) as err:
            restore_from(luong_minh_db, path)
        assert message in err.value.message(), name
        assert _digest(luong_minh_db) == before, name
    assert not (tmp_path / "backups").exists()  # not even the safety copy: the check comes first
    assert [p.name for p in tmp_path.glob(".*")] == []
    with pytest.raises(OtherOwnerBackup):
        restore_from(luong_minh_db, bad["other commune"][0])


def test_another_communes_backup_only_when_explicitly_allowed(luong_minh_db: Path, tmp_path: Path) -> None:
    other = _commune_db(tmp_path / "nghi-loc.sqlite", "17827")
    plan = plan_restore(luong_minh_db, other)
    assert plan.other_owner is not None and "Xã Lượng Minh (16906)" in plan.other_owner.message()
    restore_from(luong_minh_db, other, allow_other_commune=True)
    assert inspect_backup(luong_minh_db).commune_code == "17827"


def test_restore_an_older_schema_then_opening_upgrades_it_after_a_backup(tmp_path: Path) -> None:
    current = tmp_path / "new.sqlite"
    open_database(current).close()  # a fresh installation: nobody's data yet
    result = restore_from(current, DATA / "rev0001.sqlite")
    assert result.backup.revision == "0001" and result.safety_copy is not None
    db = open_checked(current)
    try:
        assert current_revision(db.engine) == head_revision()
        assert db.backup_made is not None and ".before-upgrade-" in db.backup_made.name
    finally:
        db.close()


def test_restore_is_refused_while_another_program_uses_the_database(luong_minh_db: Path, tmp_path: Path) -> None:
    backup = backup_to(luong_minh_db, tmp_path / "backup.sqlite").path
    before = _digest(luong_minh_db)
    other = open_database(luong_minh_db)
    try:
        with other.engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM staff").fetchone()
            with pytest.raises(UserError, match="đang được một chương trình khác sử dụng"):
                restore_from(luong_minh_db, backup)
    finally:
        other.close()
    assert _digest(luong_minh_db) == before
    assert [p.name for p in tmp_path.glob(".*restoring")] == []


# --- damaged start ---------------------------------------------------------------------------
def test_a_damaged_database_is_not_opened_and_its_good_backups_are_offered(luong_minh_db: Path) -> None:
    older = auto_backup(luong_minh_db, NOW - timedelta(days=2))
    newer = auto_backup(luong_minh_db, NOW - timedelta(hours=5))
    assert older is not None and newer is not None
    bad = auto_dir(luong_minh_db) / "luong-minh-20261122-140000.sqlite"  # newest of all, but damaged
    shutil.copy(newer.path, bad)
    _damage(bad)
    _damage(luong_minh_db)
    before, mtime = _digest(luong_minh_db), luong_minh_db.stat().st_mtime_ns

    with pytest.raises(DatabaseDamaged) as err:
        open_checked(luong_minh_db)

    assert [b.path for b in err.value.backups] == [newer.path, older.path]  # good ones only, newest first
    assert err.value.problems and "bị hỏng" in err.value.message()
    assert f"khôi phục nó sẽ mất các thay đổi sau {newer.lost_after:%d/%m/%Y %H:%M}" in err.value.message()
    assert _digest(luong_minh_db) == before and luong_minh_db.stat().st_mtime_ns == mtime
    assert list_backups(luong_minh_db, only_good=False)[0].path == bad

    result = restore_from(luong_minh_db, err.value.backups[0].path)
    assert result.safety_copy is not None and result.safety_copy.name.endswith("-damaged.sqlite")
    assert _digest(result.safety_copy) == before  # the damaged file, byte for byte
    open_checked(luong_minh_db).close()


def test_a_damaged_database_without_backups_says_where_to_look(tmp_path: Path) -> None:
    path = _commune_db(tmp_path / "xa.sqlite", "16906")
    _damage(path)
    with pytest.raises(DatabaseDamaged) as err:
        open_checked(path)
    assert err.value.backups == [] and "USB" in err.value.message()
