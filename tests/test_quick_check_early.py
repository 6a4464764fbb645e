"""The damage check started as the program begins is the one the start uses (and a damaged file still stops it)."""

from __future__ import annotations

from pathlib import Path

import pytest

import storage.quick_check as quick_check
from cli import app as cli_app
from storage.db import default_db_path, open_database
from storage.restore import DatabaseDamaged, open_checked


def test_early_check_result_is_taken_once(db_file: Path) -> None:
    quick_check.start_early(db_file)
    assert quick_check.take_early(db_file) == []
    assert quick_check.take_early(db_file) is None  # taken: a later open checks again itself


def test_open_checked_uses_the_early_result(db_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    quick_check.start_early(db_file)
    quick_check._early[db_file.resolve()][0].join()
    calls: list[Path] = []
    monkeypatch.setattr("storage.restore.damage_problems", lambda p: calls.append(p) or [])
    open_checked(db_file).close()
    assert calls == []  # not checked a second time


def test_a_damaged_file_found_early_is_not_opened(db_file: Path) -> None:
    data = bytearray(db_file.read_bytes())
    start, end = len(data) * 2 // 5, len(data) * 3 // 5  # garbage over the middle fifth, as a failing disk leaves
    data[start:end] = bytes((i * 7919 + 13) % 251 for i in range(end - start))
    db_file.write_bytes(bytes(data))
    before = db_file.read_bytes()
    quick_check.start_early(db_file)
    with pytest.raises(DatabaseDamaged):
        open_checked(db_file)
    assert db_file.read_bytes() == before


def test_the_program_checks_the_default_database_early(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[Path] = []
    monkeypatch.setattr(quick_check, "start_early", started.append)
    cli_app._start_quick_check(None)
    assert started == [default_db_path()]


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "xa.sqlite"
    open_database(path).close()
    return path
