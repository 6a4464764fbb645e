"""Backups: consistent copies of the live database, made automatically in rotation or by hand to a USB stick.

Why: a commune office has one PC and nobody from IT; a failing disk or a power cut must cost at most the
changes since the last good copy. Copies use SQLite's online backup API (consistent while the program keeps
writing), are checked with PRAGMA integrity_check and appear under their final name only when complete.
Automatic copies live in ``<database folder>/backups/auto``; the pre-upgrade and pre-restore copies in
``backups/`` are never rotated away.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Hashable, Iterable
from contextlib import closing
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

from storage.backup_info import (
    AUTO_STAMP,
    BackupInfo,
    inspect_backup,
    inspect_connection,
    is_sqlite_file,
    kind_of,
    time_in_name,
)
from storage.db import Database
from storage.errors import DatabaseError, UserError

K = TypeVar("K", bound=Hashable)
DAILY, WEEKLY, RECENT = 7, 4, 3


def auto_dir(db_path: Path) -> Path:
    """Where automatic backups of ``db_path`` go: ``<its folder>/backups/auto``."""
    return db_path.parent / "backups" / "auto"


def auto_name(db_path: Path, when: datetime) -> str:
    return f"{db_path.stem}-{when.strftime(AUTO_STAMP)}.sqlite"


def default_backup_name(info: BackupInfo, when: datetime) -> str:
    """``commune-desk-<commune code>-<yyyy-mm-dd-HHmm>.sqlite`` (a province's: ``commune-desk-tinh-<code>-…``)."""
    if info.commune_code:
        owner = info.commune_code
    elif info.province_code or info.province_name:
        owner = f"tinh-{info.province_code or 'x'}"
    else:
        owner = "trong"  # nobody declared yet
    return f"commune-desk-{owner}-{when:%Y-%m-%d-%H%M}.sqlite"


def _source_path(source: Database | Path | str) -> Path:
    return Path(source.path) if isinstance(source, Database) else Path(source)


def _fsync(path: Path) -> None:
    """Flush a file (and, where the OS allows, its folder entry) to the disk: a USB stick may be pulled next."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_error(folder: Path, exc: BaseException) -> UserError:
    text = str(exc).lower()
    if (isinstance(exc, OSError) and exc.errno == 28) or "full" in text:
        return DatabaseError(
            f"Không đủ chỗ trống trong {folder} để ghi bản sao lưu. Hãy giải phóng dung lượng hoặc chọn nơi khác.",
            f"Not enough free space in {folder} for the backup. Free some space or choose another place.",
        )
    return DatabaseError(
        f"Không ghi được bản sao lưu vào {folder} ({exc}). Hãy kiểm tra ổ đĩa/USB còn cắm và không bị khóa ghi.",
        f"Cannot write the backup to {folder} ({exc}). Check that the drive/USB stick is present and writable.",
    )


def copy_verified(source: sqlite3.Connection, dest: Path, *, name_from_info: bool = False) -> BackupInfo:
    """Copy an open database to ``dest`` (a file, or a folder when ``name_from_info``) through a temporary name.

    The copy is a single self-contained file (rollback journal, no -wal), checked with integrity_check
    before it takes its final name; nothing is left behind on failure.
    """
    folder = dest if name_from_info else dest.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(folder, exc) from exc
    tmp = folder / f"~commune-desk-{os.getpid()}-{datetime.now():%H%M%S%f}.partial"
    try:
        with closing(sqlite3.connect(tmp)) as target:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
            info = inspect_connection(target, BackupInfo(tmp, kind=kind_of(dest)))
        if info.problem is not None:
            raise DatabaseError(
                "Bản sao vừa tạo không đạt kiểm tra toàn vẹn: cơ sở dữ liệu có thể đã bị hỏng. "
                f"Bản sao lưu cũ không bị thay. ({info.problem.vi})",
                "The new copy failed the integrity check: the database may be damaged. "
                f"Older backups were left untouched. ({info.problem.en})",
            )
        _fsync(tmp)
        now = datetime.now().replace(microsecond=0)
        final = folder / default_backup_name(info, now) if name_from_info else dest
        os.replace(tmp, final)
        _fsync(folder)
        return replace(info, path=final, size=final.stat().st_size, made_at=now, kind=kind_of(final))
    except (OSError, sqlite3.OperationalError) as exc:
        raise _write_error(folder, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
            Path(f"{tmp}-journal").unlink(missing_ok=True)


def backup_to(source: Database | Path | str, dest: Path | str) -> BackupInfo:
    """Back up a live database to ``dest``: a file name, or a folder (then a dated default name)."""
    src, dest = _source_path(source), Path(dest)
    if not src.exists() or not is_sqlite_file(src):
        raise DatabaseError(f"Không có cơ sở dữ liệu để sao lưu ở {src}.", f"There is no database to back up at {src}.")
    into_folder = dest.is_dir() or (not dest.exists() and not dest.suffix)  # "E:\\SaoLuu" is a folder to make
    if not into_folder and dest.resolve() == src.resolve():
        raise UserError(
            "Không thể sao lưu đè lên chính cơ sở dữ liệu đang dùng. Hãy chọn nơi khác (ví dụ USB).",
            "A backup cannot overwrite the database itself. Choose another place (e.g. a USB stick).",
        )
    try:
        with closing(sqlite3.connect(src, timeout=10)) as conn:
            return copy_verified(conn, dest, name_from_info=into_folder)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"Không sao lưu được: cơ sở dữ liệu {src.name} không đọc được ({exc}).",
            f"Backup failed: the database {src.name} cannot be read ({exc}).",
        ) from exc


def to_keep(
    files: Iterable[tuple[K, datetime]],
    now: datetime,
    *,
    daily: int = DAILY,
    weekly: int = WEEKLY,
    recent: int = RECENT,
) -> set[K]:
    """Which automatic backups rotation keeps.

    The ``recent`` newest (a mistake noticed the same day), the newest of each of the last ``daily`` days,
    the newest of each of the last ``weekly`` ISO weeks, and any dated in the future (clock trouble:
    never delete what is not understood).
    """
    ordered = sorted(files, key=lambda f: f[1], reverse=True)
    keep = {key for key, _ in ordered[:recent]}
    keep |= {key for key, when in ordered if when > now}
    days = {now.date() - timedelta(days=i) for i in range(daily)}
    monday = now.date() - timedelta(days=now.weekday())
    weeks = {monday - timedelta(weeks=i) for i in range(weekly)}
    seen_days: set[object] = set()
    seen_weeks: set[object] = set()
    for key, when in ordered:
        if when > now:
            continue
        day = when.date()
        week = day - timedelta(days=day.weekday())
        if day in days and day not in seen_days:
            seen_days.add(day)
            keep.add(key)
        if week in weeks and week not in seen_weeks:
            seen_weeks.add(week)
            keep.add(key)
    return keep


def _auto_files(db_path: Path) -> list[tuple[Path, datetime]]:
    """This database's automatic backups with the time in their names (other files are never touched)."""
    pattern = re.compile(rf"^{re.escape(db_path.stem)}-(\d{{8}}-\d{{6}})\.sqlite$")
    found: list[tuple[Path, datetime]] = []
    folder = auto_dir(db_path)
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match:
            with contextlib.suppress(ValueError):
                found.append((path, datetime.strptime(match.group(1), AUTO_STAMP)))
    return found


def rotate(db_path: Path, now: datetime) -> list[Path]:
    """Delete the automatic backups ``to_keep`` lets go; returns what was deleted."""
    files = _auto_files(db_path)
    keep = to_keep(files, now)
    deleted: list[Path] = []
    for path, _when in files:
        if path not in keep:
            with contextlib.suppress(OSError):
                path.unlink()
                deleted.append(path)
    return deleted


def newest_auto(db_path: Path) -> datetime | None:
    files = _auto_files(Path(db_path))
    return max((when for _p, when in files), default=None)


def auto_backup(
    source: Database | Path | str, now: datetime | None = None, every_hours: float = 4
) -> BackupInfo | None:
    """Make an automatic backup when the newest is older than ``every_hours`` (then rotate); None: not due."""
    db_path = _source_path(source)
    now = (now or datetime.now()).replace(microsecond=0)
    newest = newest_auto(db_path)
    due = newest is None or newest > now + timedelta(minutes=5) or now - newest >= timedelta(hours=every_hours)
    if not due:
        return None
    info = backup_to(db_path, auto_dir(db_path) / auto_name(db_path, now))
    rotate(db_path, now)
    return info


def backup_candidates(db_path: Path) -> list[Path]:
    """Every backup of this database kept beside it: automatic, before an upgrade, before a restore."""
    db_path = Path(db_path)
    paths = [p for p, _w in _auto_files(db_path)]
    folder = db_path.parent / "backups"
    if folder.is_dir():
        paths += [p for p in folder.glob(f"{db_path.stem}.before-*.sqlite") if p.is_file()]
    return paths


def list_backups(db_path: Path, *, only_good: bool = True, limit: int = 20) -> list[BackupInfo]:
    """This database's backups, newest first, each checked (integrity, schema); ``limit`` good ones at most."""
    found: list[BackupInfo] = []
    candidates = [(p, inspect_time(p)) for p in backup_candidates(db_path)]
    for path, _when in sorted(candidates, key=lambda c: c[1], reverse=True):
        info = inspect_backup(path)
        if info.usable or not only_good:
            found.append(info)
        if sum(1 for i in found if i.usable) >= limit:
            break
    return found


def inspect_time(path: Path) -> datetime:
    """The time a backup was made, for ordering without opening it."""
    try:
        return time_in_name(path.name) or datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return datetime.min
