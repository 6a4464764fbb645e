"""Opening databases: creation at head, upgrade of an older file with a backup, refusals."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from storage.db import current_revision, head_revision, integrity_problems, open_database
from storage.errors import DatabaseError
from storage.models import Base

DATA = Path(__file__).parent / "data"


def test_new_file_is_created_at_head_and_matches_the_models(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite")
    try:
        assert current_revision(db.engine) == head_revision()
        assert db.backup_made is None
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert integrity_problems(db.engine) == []
    finally:
        db.close()


def test_revision_0001_file_is_backed_up_then_upgraded_with_data_intact(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(DATA / "rev0001.sqlite", path)
    db = open_database(path)
    try:
        assert current_revision(db.engine) == head_revision() != "0001"
        assert "calendar_day" in inspect(db.engine).get_table_names()
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT applicant_name FROM dossier WHERE id = 1")).scalar() == "Lô Thị Hoa"
            assert conn.execute(text("SELECT full_name FROM staff WHERE id = 1")).scalar() == "Vi Văn Sơn"
        assert db.backup_made is not None and db.backup_made.exists()
        with sqlite3.connect(db.backup_made) as backup:
            assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
            assert backup.execute("SELECT count(*) FROM dossier").fetchone()[0] == 1
    finally:
        db.close()


def test_reopening_at_head_makes_no_backup(tmp_path: Path) -> None:
    open_database(tmp_path / "a.sqlite").close()
    db = open_database(tmp_path / "a.sqlite")
    assert db.backup_made is None
    db.close()


def test_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseError) as err:
        open_database(path)
    assert "phiên bản Commune Desk mới hơn" in err.value.message()


@pytest.mark.parametrize("content", [b"PK\x03\x04 not a database", b"hello world" * 100, b"\x00" * 4096])
def test_not_a_database_is_refused_clearly(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.sqlite"
    path.write_bytes(content)
    with pytest.raises(DatabaseError) as err:
        open_database(path)
    assert "không phải là cơ sở dữ liệu" in err.value.message()
    assert path.read_bytes() == content  # nothing was written into the user's file


def test_truncated_database_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "cut.sqlite"
    db = open_database(path)
    db.close()
    data = path.read_bytes()
    path.write_bytes(data[:1024])  # header survives, pages do not
    with pytest.raises(DatabaseError):
        db2 = open_database(path)
        integrity = integrity_problems(db2.engine)
        db2.close()
        if integrity:
            raise DatabaseError("damaged", "damaged")


def test_unwritable_folder_gives_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError) as err:
        open_database(blocker / "sub" / "db.sqlite")
    assert "thư mục dữ liệu" in err.value.message()
