"""Evidence for docs/reliability.md: automatic backups every N hours with 7 daily / 4 weekly rotation, and
upgrades that happen only after a backup copy.

Why: the rotation and the "every N hours" rule are time rules; they are shown here on six weeks of fake
office days driven through the real ``auto_backup`` (real copies, real deletions), not on the rule alone.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import storage.db as db_module
from storage.backup import auto_backup, auto_dir
from storage.db import current_revision, head_revision, open_database
from storage.errors import UserError

DATA = Path(__file__).parent / "data"
FIRST_DAY = datetime(2026, 10, 12)  # a Monday
LAST_DAY = datetime(2026, 11, 20)  # a Friday, six weeks later


def _office_hours(day: datetime) -> list[datetime]:
    """When the program asks "is a backup due?" on a working day: every 30 minutes, 07:30 to 16:30."""
    start = day.replace(hour=7, minute=30)
    return [start + timedelta(minutes=30 * i) for i in range(19)]


def test_six_weeks_of_office_days_keep_three_newest_seven_days_and_four_weeks(tmp_path: Path) -> None:
    db_path = tmp_path / "xa.sqlite"
    open_database(db_path).close()
    made: list[datetime] = []
    day = FIRST_DAY
    while day <= LAST_DAY:
        if day.weekday() < 5:  # the office is closed at the weekend: the program is not running
            for now in _office_hours(day):
                info = auto_backup(db_path, now, every_hours=4)
                if info is not None:
                    assert info.usable  # each copy passed its integrity check
                    made.append(now)
        day += timedelta(days=1)

    # Every 4 hours while the program runs: 07:30, 11:30 and 15:30 each working day (the first check of a
    # day finds the previous afternoon's copy old enough).
    assert {t.strftime("%H:%M") for t in made} == {"07:30", "11:30", "15:30"}
    assert len(made) == 30 * 3
    kept = sorted(p.name for p in auto_dir(db_path).iterdir())
    assert kept == [
        "xa-20261030-153000.sqlite",  # newest of the ISO week of 26/10 (4th week back, the oldest kept)
        "xa-20261106-153000.sqlite",  # newest of the week of 02/11
        "xa-20261113-153000.sqlite",  # newest of the week of 09/11
        "xa-20261116-153000.sqlite",  # newest of each of the last 7 days (14/11–20/11; the weekend had none)
        "xa-20261117-153000.sqlite",
        "xa-20261118-153000.sqlite",
        "xa-20261119-153000.sqlite",
        "xa-20261120-073000.sqlite",  # the three newest (a mistake noticed the same day)
        "xa-20261120-113000.sqlite",
        "xa-20261120-153000.sqlite",  # also the newest of 20/11 and of this week
    ]


def _dump(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


def test_the_copy_made_before_an_upgrade_is_the_old_database_exactly(tmp_path: Path) -> None:
    path = tmp_path / "xa.sqlite"
    shutil.copy(DATA / "rev0001.sqlite", path)
    before = _dump(path)
    db = open_database(path)
    try:
        assert current_revision(db.engine) == head_revision() != "0001"
        assert db.backup_made is not None and db.backup_made.parent == tmp_path / "backups"
        assert _dump(db.backup_made) == before  # every row and every schema line of revision 0001
    finally:
        db.close()


def _blocked_backup_folder(tmp_path: Path) -> tuple[Path, str]:
    """An old database beside a *file* named ``backups``: the copy before the upgrade cannot be written."""
    path = tmp_path / "xa.sqlite"
    shutil.copy(DATA / "rev0001.sqlite", path)
    (tmp_path / "backups").write_text("không phải thư mục")
    return path, hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_upgrade_when_the_backup_copy_cannot_be_made(tmp_path: Path) -> None:
    path, digest = _blocked_backup_folder(tmp_path)
    with pytest.raises(Exception):  # noqa: B017 - which error is the next test's subject
        open_database(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_a_failed_copy_before_an_upgrade_says_so_plainly(tmp_path: Path) -> None:
    path, _digest = _blocked_backup_folder(tmp_path)
    with pytest.raises(UserError) as err:
        open_database(path)
    assert "sao lưu" in err.value.message()


def test_the_upgrade_runs_after_the_copy_is_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Order, not only presence: when the copy is written, the file is still at the old revision."""
    path = tmp_path / "xa.sqlite"
    shutil.copy(DATA / "rev0001.sqlite", path)
    seen: list[tuple[str, str]] = []
    real_copy = db_module.backup_file

    def copy_then_look(src: Path, dest: Path) -> Path:
        out = real_copy(src, dest)
        with closing(sqlite3.connect(src)) as live, closing(sqlite3.connect(out)) as copy:
            [(live_rev,)] = live.execute("SELECT version_num FROM alembic_version").fetchall()
            [(copy_rev,)] = copy.execute("SELECT version_num FROM alembic_version").fetchall()
        seen.append((live_rev, copy_rev))
        return out

    monkeypatch.setattr(db_module, "backup_file", copy_then_look)
    open_database(path).close()
    assert seen == [("0001", "0001")]
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
