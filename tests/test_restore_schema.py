"""A backup must have exactly its revision's schema; genuine backups (old or new, with a WAL beside) restore.

Why: a forged backup at a known revision could bring a trigger (silently changing data after the restore),
a view, an index, or lack a table or column; each is refused with a message naming it, the current
database byte for byte the same and nothing written beside the file. Genuine files must never be caught.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from storage.backup import backup_to
from storage.backup_info import inspect_backup, open_backup
from storage.backup_schema import differences, expected_schema
from storage.db import current_revision, head_revision, open_database
from storage.errors import UserError
from storage.profile import ProfileData, load_profile, save_profile
from storage.restore import restore_from

DATA = Path(__file__).parent / "data"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _commune(path: Path, code: str = "16906") -> Path:
    db = open_database(path)
    with db.sessions.begin() as s:
        save_profile(s, ProfileData(code=code, signer_title="CHỦ TỊCH"))
    db.close()
    return path


@pytest.fixture(scope="module")
def good_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("schema")
    return backup_to(_commune(folder / "live.sqlite"), folder / "good.sqlite").path


@pytest.fixture
def current(tmp_path: Path) -> Path:
    return _commune(tmp_path / "current" / "xa.sqlite")


def _forged(good: Path, folder: Path, *statements: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "forged.sqlite"
    shutil.copyfile(good, path)
    with closing(sqlite3.connect(path)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    return path


FORGED = {
    "extra trigger": (
        ["CREATE TRIGGER xoa_nhan_su AFTER INSERT ON staff BEGIN DELETE FROM unit; END"],
        "thừa trigger «xoa_nhan_su»",
    ),
    "extra view": (["CREATE VIEW tom_tat AS SELECT * FROM staff"], "thừa view «tom_tat»"),
    "extra index": (["CREATE INDEX ix_nhan_su_ten ON staff(full_name)"], "thừa chỉ mục «ix_nhan_su_ten»"),
    "extra table": (["CREATE TABLE ghi_chu (x TEXT)"], "thừa bảng «ghi_chu»"),
    "extra column": (["ALTER TABLE staff ADD COLUMN ghi_chu TEXT NOT NULL DEFAULT ''"], "thừa cột «staff.ghi_chu»"),
    "missing column": (["ALTER TABLE staff DROP COLUMN notes"], "thiếu cột «staff.notes»"),
    "missing table": (["PRAGMA foreign_keys=OFF", "DROP TABLE staff"], "thiếu bảng «staff»"),
    "missing index": (["DROP INDEX ix_staff_search_name"], "thiếu chỉ mục «ix_staff_search_name»"),
    "audit trigger dropped": (["DROP TRIGGER audit_log_no_delete"], "thiếu trigger «audit_log_no_delete»"),
    "audit trigger rewritten": (
        [
            "DROP TRIGGER audit_log_no_update",
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END",
        ],
        "trigger «audit_log_no_update» khác",
    ),
    "hidden name": (['CREATE VIEW "v\u202egnp." AS SELECT 1'], "thừa view «v‹U+202E›gnp.»"),
}


@pytest.mark.parametrize("case", list(FORGED))
def test_a_forged_schema_is_refused_and_nothing_changes(
    case: str, good_backup: Path, current: Path, tmp_path: Path
) -> None:
    statements, fragment = FORGED[case]
    backup = _forged(good_backup, tmp_path / "usb", *statements)
    before, beside = _digest(current), sorted(p.name for p in backup.parent.iterdir())
    info = inspect_backup(backup)
    assert info.problem is not None and fragment in info.problem.message("vi"), info.problem
    assert "schema 0006" in info.problem.message("en") or head_revision() != "0006"
    with pytest.raises(UserError) as err:
        restore_from(current, backup)
    assert fragment in err.value.message("vi") and "Choose another backup" in err.value.message("en")
    assert _digest(current) == before
    assert sorted(p.name for p in backup.parent.iterdir()) == beside
    assert not any(p.name.endswith(".restoring") for p in current.parent.iterdir())


def test_many_differences_are_counted_not_listed(good_backup: Path, tmp_path: Path) -> None:
    views = [f"CREATE VIEW v{i} AS SELECT {i}" for i in range(30)]
    info = inspect_backup(_forged(good_backup, tmp_path / "usb", *views))
    assert info.problem is not None
    message = info.problem.message("vi")
    assert "thừa view «v0»" in message and "và 26 điểm khác nữa" in message and "v29" not in message


def test_a_genuine_head_backup_of_a_full_database_restores(luong_minh_db: Path, tmp_path: Path) -> None:
    backup = backup_to(luong_minh_db, tmp_path / "usb" / "backup.sqlite").path
    current = open_database(tmp_path / "new" / "xa.sqlite")  # a fresh installation: nobody's data yet
    current.close()
    info = inspect_backup(backup)
    assert info.problem is None and info.revision == head_revision() and info.commune_code == "16906"
    restore_from(current.path, backup)
    db = open_database(current.path)
    try:
        with db.sessions() as s:
            assert load_profile(s).code == "16906"
    finally:
        db.close()


def test_a_genuine_older_revision_restores_and_is_migrated(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = shutil.copyfile(DATA / "rev0001.sqlite", usb / "rev0001.sqlite")
    current = open_database(tmp_path / "xa.sqlite")
    current.close()
    info = inspect_backup(backup)
    assert info.problem is None and info.revision == "0001"
    restore_from(current.path, backup)
    db = open_database(current.path)
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()
    with closing(sqlite3.connect(current.path)) as conn:
        assert differences(conn, head_revision()) == []  # the migrated file is a genuine head database
        assert conn.execute("SELECT full_name FROM staff").fetchall() == [("Vi Văn Sơn",)]
    assert [p.name for p in usb.iterdir()] == ["rev0001.sqlite"]


def test_every_revision_builds_its_reference_schema() -> None:
    from storage.backup_info import known_revisions

    for revision in known_revisions():
        schema = expected_schema(revision)
        assert ("table", "alembic_version") in schema and ("table", "staff") in schema
    assert ("trigger", "audit_log_no_update") in expected_schema(head_revision())


def test_a_live_database_copied_with_its_wal_restores_the_changes_in_the_wal(tmp_path: Path) -> None:
    """A clerk copies the database and its -wal by hand: the WAL's records count, the USB stays untouched."""
    live = open_database(_commune(tmp_path / "live" / "xa.sqlite"))
    try:
        with live.sessions.begin() as s:
            save_profile(s, ProfileData(code="16906", address="Bản Trong WAL", signer_title="CHỦ TỊCH"))
        usb = tmp_path / "usb"
        usb.mkdir()
        wal = live.path.with_name(live.path.name + "-wal")
        assert wal.stat().st_size > 0  # the change is still only in the WAL while the program is open
        shutil.copyfile(live.path, usb / "xa.sqlite")
        shutil.copyfile(wal, usb / "xa.sqlite-wal")
    finally:
        live.close()
    digests = {p.name: _digest(p) for p in usb.iterdir()}
    info = inspect_backup(usb / "xa.sqlite")
    assert info.problem is None and info.commune_code == "16906"
    with open_backup(usb / "xa.sqlite") as conn:
        assert conn.execute("SELECT address FROM commune_profile").fetchall() == [("Bản Trong WAL",)]
    current = _commune(tmp_path / "current" / "xa.sqlite")
    restore_from(current, usb / "xa.sqlite")
    with closing(sqlite3.connect(current)) as conn:
        assert conn.execute("SELECT address FROM commune_profile").fetchall() == [("Bản Trong WAL",)]
    assert {p.name: _digest(p) for p in usb.iterdir()} == digests  # no -shm, nothing changed
