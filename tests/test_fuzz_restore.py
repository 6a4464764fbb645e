"""Hostile restore files: refused with a message and the current database untouched, or restored sound.

A restore replaces the whole database with a file from a USB stick, so the file is the most
dangerous input the program takes. Crafted files (not SQLite, another program's database, a
forged schema revision, hostile text in the profile, a database whose pages were overwritten,
a file cut short, a WAL beside it that is not one) and Hypothesis byte damage on a real backup go
through ``inspect_backup`` and ``restore_from``: never an exception other than UserError, the
current database byte for byte the same after a refusal, and after an accepted restore a file
that opens and passes the integrity check. Each file counts in the "hostile inputs" summary.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.db import integrity_problems, open_database
from storage.errors import UserError
from storage.profile import ProfileData, save_profile
from storage.staff import StaffData, save_staff
from storage.vocab import Gender, StaffCategory
from tests import robustness_counts as counts

restore = pytest.importorskip("storage.restore", reason="storage/restore.py (backups helper) is not there yet")
backup_info = pytest.importorskip("storage.backup_info")

EXAMPLES = int(os.environ.get("CD_FUZZ_EXAMPLES", "60"))
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _commune(path: Path, code: str = "16906", name: str = "Lô Thị Hoa") -> Path:
    from datetime import date

    db = open_database(path)
    with db.sessions.begin() as s:
        save_profile(s, ProfileData(code=code, signer_title="CHỦ TỊCH"))
        save_staff(s, StaffData(name, Gender.FEMALE, StaffCategory.CONG_CHUC, date(2025, 7, 1)))
    db.close()
    return path


@pytest.fixture(scope="module")
def good_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sound backup of commune 16906, made the way the program makes them."""
    from storage.backup import backup_to

    folder = tmp_path_factory.mktemp("restore")
    return backup_to(_commune(folder / "live.sqlite"), folder / "good.sqlite").path


@pytest.fixture
def current(tmp_path: Path) -> Iterator[Path]:
    """The commune's database that a restore would replace."""
    yield _commune(tmp_path / "current" / "xa.sqlite", name="Người đang làm việc")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def try_restore(current: Path, backup: Path) -> str:
    """inspect_backup then restore_from; "refused" (current untouched) or "accepted" (restored file sound)."""
    before, backup_before = _digest(current), _digest(backup)
    beside = {p.name for p in backup.parent.iterdir()}
    try:
        info = backup_info.inspect_backup(backup)
    except Exception:
        counts.HOSTILE["crashes"] += 1
        raise
    if info.problem is not None:
        _check(info.problem)
    try:
        restore.restore_from(current, backup)
    except UserError as exc:
        _check(exc)
        assert _digest(current) == before, "a refused restore changed the database"
        outcome = "refused"
    except Exception:
        counts.HOSTILE["crashes"] += 1
        raise
    else:
        db = open_database(current)
        try:
            assert integrity_problems(db.engine) == []
        finally:
            db.close()
        outcome = "accepted"
    assert _digest(backup) == backup_before, "reading the backup changed it"
    assert {p.name for p in backup.parent.iterdir()} == beside, "files appeared beside the backup"
    counts.hostile(outcome, "restore files")
    return outcome


def _check(exc: UserError) -> None:
    msg = exc.message("vi")
    assert msg.strip() and not _UNSHOWABLE.search(msg), repr(msg[:300])
    assert len(msg) < 1000, f"a message of {len(msg)} characters"
    assert "Traceback" not in msg and exc.message("en").strip()


def _sql(path: Path, *statements: str) -> Path:
    with sqlite3.connect(path) as conn:
        for statement in statements:
            conn.execute(statement)
    return path


def _copy(good: Path, path: Path) -> Path:
    shutil.copyfile(good, path)
    return path


def _overwrite(path: Path, start: float, end: float, byte: int | None = None) -> Path:
    data = bytearray(path.read_bytes())
    a, b = int(len(data) * start), int(len(data) * end)
    data[a:b] = bytes([byte]) * (b - a) if byte is not None else os.urandom(b - a)
    path.write_bytes(bytes(data))
    return path


Make = Callable[[Path, Path], Path]  # (good backup, target path) -> the hostile file
CASES: dict[str, tuple[Make, str]] = {
    "empty": (lambda g, p: _write(p, b""), "không phải là bản sao lưu"),
    "text": (lambda g, p: _write(p, "Sao lưu ngày 22/11".encode() * 100), "không phải là bản sao lưu"),
    "zip-renamed": (lambda g, p: _write(p, b"PK\x03\x04" + os.urandom(4096)), "không phải là bản sao lưu"),
    "header-only": (lambda g, p: _write(p, b"SQLite format 3\x00" + bytes(600)), "bị hỏng"),
    "header-then-garbage": (lambda g, p: _write(p, b"SQLite format 3\x00" + os.urandom(8192)), "bị hỏng"),
    "cut-in-half": (lambda g, p: _write(p, g.read_bytes()[: g.stat().st_size // 2]), "bị hỏng"),
    "middle-overwritten": (lambda g, p: _overwrite(_copy(g, p), 0.4, 0.6), "bị hỏng"),
    "zeroed-tail": (lambda g, p: _overwrite(_copy(g, p), 0.7, 1.0, 0), "bị hỏng"),
    "other-program": (
        lambda g, p: _sql(p, "CREATE TABLE notes(x)", "INSERT INTO notes VALUES ('a')"),
        "không phải là bản sao lưu",
    ),
    "empty-alembic-version": (
        lambda g, p: _sql(_copy(g, p), "DELETE FROM alembic_version"),
        "không phải là bản sao lưu",
    ),
    "newer-schema": (
        lambda g, p: _sql(_copy(g, p), "UPDATE alembic_version SET version_num = 'ffff9999'"),
        "mới hơn",
    ),
    "huge-revision": (
        lambda g, p: _sql(_copy(g, p), "UPDATE alembic_version SET version_num = hex(randomblob(50000))"),
        "mới hơn",
    ),
    "rtl-revision": (
        lambda g, p: _sql(_copy(g, p), "UPDATE alembic_version SET version_num = 'ab\u202ecd'"),
        "mới hơn",
    ),
    "schema-control-char": (lambda g, p: _schema(_copy(g, p), "'CREATE TABLE unit' || char(1) || '('"), "bị hỏng"),
    "schema-invalid-utf8": (
        lambda g, p: _schema(_copy(g, p), "CAST(X'435245415445205441424C4520756E69742080' AS TEXT)"),
        "bị hỏng",
    ),
    "province-database": (lambda g, p: _province(p), "tỉnh"),
    "other-commune": (lambda g, p: _commune(p, code="17827"), "17827"),
    "garbage-wal-beside": (lambda g, p: _with_wal(_copy(g, p), os.urandom(4096)), ""),
    "dropped-table": (
        lambda g, p: _sql(_copy(g, p), "PRAGMA foreign_keys=OFF", "DROP TABLE staff"),
        "thiếu bảng «staff»",
    ),
    "trigger-in-backup": (
        lambda g, p: _sql(_copy(g, p), "CREATE TRIGGER t AFTER INSERT ON staff BEGIN DELETE FROM unit; END"),
        "thừa trigger «t»",
    ),
}


def _schema(path: Path, sql_expression: str) -> Path:
    """The stored CREATE statement of table ``unit`` replaced, as a damaged disk (or a forger) could leave it."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute(f"UPDATE sqlite_master SET sql = {sql_expression} WHERE name = 'unit'")
    return path


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _province(path: Path) -> Path:
    from storage.mode import set_province_mode
    from storage.province.profile import ProvinceProfile, save_province_profile

    db = open_database(path)
    with db.sessions.begin() as s:
        set_province_mode(s)
        save_province_profile(s, ProvinceProfile(code="40"))
    db.close()
    return path


def _with_wal(path: Path, wal: bytes) -> Path:
    path.with_name(path.name + "-wal").write_bytes(wal)
    return path


# Known open findings, each a strict xfail: when fixed, drop the entry. (Fixed and lifted: the stored
# schema revision quoted raw in a message; a -shm created beside a backup that has a -wal; a backup
# missing a table, or bringing a trigger along, restored as is.)
_FOUND: dict[str, str] = {}


@pytest.mark.parametrize(
    "name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=_FOUND[n])) if n in _FOUND else n
             for n in CASES],
)  # fmt: skip
def test_crafted_restore_file(name: str, good_backup: Path, current: Path, tmp_path: Path) -> None:
    make, fragment = CASES[name]
    folder = tmp_path / "usb"
    folder.mkdir()
    backup = make(good_backup, folder / f"{name}.sqlite")
    outcome = try_restore(current, backup)
    if fragment:  # "" either outcome is right (harmless damage), "*" refused with any message
        assert outcome == "refused", name
        with pytest.raises(UserError, match="" if fragment == "*" else re.escape(fragment)):
            restore.restore_from(current, backup)


def test_a_good_backup_restores(good_backup: Path, current: Path) -> None:
    assert try_restore(current, good_backup) == "accepted"


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_damaged_backups(good_backup: Path, data: st.DataObject) -> None:
    raw = bytearray(good_backup.read_bytes())
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at : at + data.draw(st.integers(1, 64))] = data.draw(st.binary(min_size=1, max_size=64))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    with tempfile.TemporaryDirectory() as tmp:
        current = _commune(Path(tmp) / "current" / "xa.sqlite", name="Người đang làm việc")
        usb = Path(tmp) / "usb"
        usb.mkdir()
        backup = usb / "damaged.sqlite"
        backup.write_bytes(bytes(raw))
        try_restore(current, backup)
