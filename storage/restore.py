"""Restoring a backup, and never writing to a damaged database.

Why: a restore replaces everything typed since the backup, so the file is checked first (sound, a schema
this version can open, the same commune) and nothing is touched when it fails; the current database is
kept in ``backups/`` before it is replaced, and the replacement is one atomic rename. On start a quick
check runs first: a damaged file is never opened for writing (no migration, no WAL checkpoint), the user
is offered the newest good backups instead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from storage.actor import Actor, set_actor
from storage.backup import copy_verified, list_backups
from storage.backup_info import (
    AUTO_STAMP,
    BackupInfo,
    changes_since,
    inspect_backup,
    inspect_database,
    open_backup,
)
from storage.backup_schema import differences, shown
from storage.db import Database, default_db_path, open_database
from storage.errors import DatabaseError, UserError
from storage.mode import DatabaseMode
from storage.quick_check import damage_problems, take_early

SIDE_FILES = ("-wal", "-shm", "-journal")


def fmt_time(value: datetime | None) -> str:
    return value.strftime("%d/%m/%Y %H:%M") if value else "?"


class DatabaseDamaged(DatabaseError):
    """The database failed its start-up check; ``backups`` are the good ones beside it, newest first."""

    def __init__(self, path: Path, problems: list[str], backups: list[BackupInfo]) -> None:
        self.path, self.problems, self.backups = path, problems, backups
        vi = (
            f"Cơ sở dữ liệu {path.name} bị hỏng (kiểm tra toàn vẹn không đạt). "
            "Để không làm hỏng thêm, chương trình không mở tệp này."
        )
        en = f"The database {path.name} is damaged (integrity check failed). It was not opened, so nothing gets worse."
        if backups:
            best = backups[0]
            vi += (
                f" Bản sao lưu còn tốt mới nhất: {best.path} (lập lúc {fmt_time(best.made_at)}); "
                f"khôi phục nó sẽ mất các thay đổi sau {fmt_time(best.lost_after)}."
            )
            en += (
                f" Newest good backup: {best.path} (made {fmt_time(best.made_at)}); "
                f"restoring it loses the changes after {fmt_time(best.lost_after)}."
            )
        else:
            vi += " Không tìm thấy bản sao lưu còn tốt bên cạnh tệp; nếu có bản sao lưu trên USB, hãy khôi phục từ đó."
            en += " No good backup was found beside it; if you have one on a USB stick, restore from it."
        super().__init__(vi, en)


class OtherOwnerBackup(UserError):
    """The backup belongs to another commune (or province): restoring needs an explicit yes."""


@dataclass(frozen=True)
class RestorePlan:
    """A checked backup and what restoring it would cost here, before anything is touched."""

    info: BackupInfo
    changes: int | None  # records added or changed here after the backup's newest change (None: unknown)
    other_owner: OtherOwnerBackup | None = None  # set when the backup is another commune's: ask again
    current: BackupInfo | None = None  # the database it would replace (None: new, empty or damaged)


@dataclass(frozen=True)
class RestoreResult:
    backup: BackupInfo
    database: Path
    safety_copy: Path | None  # the database as it was just before the restore (None: there was none)


def open_checked(path: Path | str | None = None, *, migrate: bool = True) -> Database:
    """``open_database`` after a quick check; a damaged file raises DatabaseDamaged and stays untouched."""
    path = Path(path) if path else default_db_path()
    problems = take_early(path)  # started as the program began (cli/app.py), or
    if problems is None:
        problems = damage_problems(path)
    if problems:
        raise DatabaseDamaged(path, problems, list_backups(path))
    return open_database(path, migrate=migrate)


def _current_owner(path: Path) -> tuple[bool, BackupInfo | None]:
    """(damaged, owner info) of the database about to be replaced; (False, None) when there is none yet."""
    if not path.exists() or path.stat().st_size == 0:
        return False, None
    if damage_problems(path):
        return True, None
    info = inspect_database(path)
    return False, info if info.usable else None


def check_compatible(backup: BackupInfo, current: BackupInfo | None, *, allow_other_commune: bool = False) -> None:
    """Refuse a province file over a commune database (and back), and another owner's file unless allowed."""
    if current is None or not current.has_owner:
        return  # a new or empty database: nothing of anybody's to protect
    name = backup.path.name
    if backup.mode != current.mode:
        if backup.mode == DatabaseMode.PROVINCE:
            raise UserError(
                f"Bản sao lưu {name} là dữ liệu của tỉnh (chế độ tỉnh), còn cơ sở dữ liệu đang dùng là của "
                f"{current.owner()}. Không khôi phục chéo giữa xã và tỉnh.",
                f"The backup {name} holds a province's data, but this database is {current.owner('en')}'s. "
                "A province backup cannot replace a commune database (nor the other way round).",
            )
        raise UserError(
            f"Bản sao lưu {name} là dữ liệu của {backup.owner()}, còn cơ sở dữ liệu đang dùng là của tỉnh. "
            "Không khôi phục chéo giữa xã và tỉnh.",
            f"The backup {name} holds {backup.owner('en')}'s data, but this is a province database. "
            "A commune backup cannot replace a province database (nor the other way round).",
        )
    if allow_other_commune:
        return
    same = (
        backup.commune_code == current.commune_code
        if current.mode == DatabaseMode.COMMUNE
        else (backup.province_code, backup.province_name) == (current.province_code, current.province_name)
    )
    if not same:
        raise OtherOwnerBackup(
            f"Bản sao lưu {name} là dữ liệu của {backup.owner()}, không phải của {current.owner()} đang dùng. "
            f"Khôi phục sẽ thay toàn bộ dữ liệu của {current.owner()} bằng dữ liệu này.",
            f"The backup {name} holds {backup.owner('en')}'s data, not {current.owner('en')}'s. "
            f"Restoring it would replace all of {current.owner('en')}'s data with it.",
        )


def _refuse_same_file(current: Path, backup: Path) -> None:
    if backup.exists() and current.exists() and backup.resolve() == current.resolve():
        raise UserError(
            "Tệp đã chọn chính là cơ sở dữ liệu đang dùng. Hãy chọn một bản sao lưu.",
            "The chosen file is the database itself. Choose a backup.",
        )


def plan_restore(current_db_path: Path | str, backup_path: Path | str) -> RestorePlan:
    """Check a backup against the current database; raises what ``restore_from`` would refuse (but another owner)."""
    current, backup = Path(current_db_path), Path(backup_path)
    _refuse_same_file(current, backup)
    info = inspect_backup(backup)
    if info.problem is not None:
        raise info.problem
    damaged, owner = _current_owner(current)
    other: OtherOwnerBackup | None = None
    try:
        check_compatible(info, owner)
    except OtherOwnerBackup as exc:
        other = exc
    when = info.lost_after
    changes = changes_since(current, when) if when is not None and owner is not None and not damaged else None
    return RestorePlan(info, changes, other, owner)


def _in_use(path: Path) -> DatabaseError:
    return DatabaseError(
        f"Cơ sở dữ liệu {path.name} đang được một chương trình khác sử dụng (có thể là một cửa sổ Commune Desk "
        "khác). Hãy đóng chương trình đó rồi khôi phục lại. Chưa có gì bị thay đổi.",
        f"The database {path.name} is in use by another program (perhaps another Commune Desk window). "
        "Close it and restore again. Nothing was changed.",
    )


def _stage(backup: Path, current: Path, revision: str) -> Path:
    """A checked, self-contained copy of the backup beside the database (a rename away from taking its place).

    The copy itself is checked again (sound, and still the schema of ``revision``): what is restored is
    what was checked, even if the file on the USB stick changed in between.
    """
    tmp = current.with_name(f".{current.name}.restoring")
    tmp.unlink(missing_ok=True)
    with open_backup(backup) as src, closing(sqlite3.connect(tmp)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
        rows = [r[0] for r in dst.execute("PRAGMA quick_check")]
        if rows == ["ok"]:
            rows += [vi for vi, _en in differences(dst, revision)]
            if dst.execute("SELECT version_num FROM alembic_version").fetchall() != [(revision,)]:
                rows.append("schema revision changed")
    if rows != ["ok"]:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(
            f"Bản sao của {backup.name} không đạt kiểm tra toàn vẹn (đĩa hoặc USB có lỗi?). Chưa có gì bị thay đổi.",
            f"The copy of {backup.name} failed its integrity check (faulty disk or USB stick?). Nothing was changed.",
        )
    with contextlib.suppress(OSError):
        fd = os.open(tmp, os.O_RDONLY)
        os.fsync(fd)
        os.close(fd)
    return tmp


def _keep_current(current: Path, damaged: bool, stamp: str) -> Path | None:
    """Put the database about to be replaced in ``backups/`` (a damaged one byte for byte, with its WAL)."""
    if not current.exists() or current.stat().st_size == 0:
        return None
    folder = current.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    if damaged:  # never opened for writing: copied as it is, -wal included, for whoever tries to rescue it
        dest = folder / f"{current.stem}.before-restore-{stamp}-damaged.sqlite"
        shutil.copy2(current, dest)
        for suffix in ("-wal", "-journal"):
            side = current.with_name(current.name + suffix)
            if side.exists():
                shutil.copy2(side, dest.with_name(dest.name + suffix))
        return dest
    try:
        with closing(sqlite3.connect(current, timeout=2)) as conn:
            # Leaving WAL mode needs the only connection: it proves nobody else uses the file, and it
            # checkpoints the WAL into the file, so the copy below and the rename lose nothing.
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            if str(mode).lower() != "delete":
                raise _in_use(current)
            return copy_verified(conn, folder / f"{current.stem}.before-restore-{stamp}.sqlite").path
    except sqlite3.OperationalError as exc:
        raise _in_use(current) from exc


def restore_from(
    current_db_path: Path | str,
    backup_path: Path | str,
    *,
    allow_other_commune: bool = False,
) -> RestoreResult:
    """Replace the database with a checked backup; the caller has closed its engine on the database.

    Nothing is changed when a check fails. The old database goes to ``backups/…before-restore-…`` first.
    An older schema is fine: opening the restored file upgrades it (with its own pre-upgrade backup).
    The caller then opens the restored file and calls ``note_restore`` so that its log says who and from what.
    """
    current, backup = Path(current_db_path), Path(backup_path)
    _refuse_same_file(current, backup)
    info = inspect_backup(backup)
    if info.problem is not None:
        raise info.problem
    damaged, owner = _current_owner(current)
    check_compatible(info, owner, allow_other_commune=allow_other_commune)
    stamp = datetime.now().strftime(AUTO_STAMP)
    try:
        staged = _stage(backup, current, str(info.revision))
    except (OSError, sqlite3.Error, UnicodeDecodeError) as exc:
        current.with_name(f".{current.name}.restoring").unlink(missing_ok=True)
        detail = shown(exc, 120)  # SQLite's text may quote bytes of the file
        raise DatabaseError(
            f"Không chép được bản sao lưu vào {current.parent} ({detail}). Chưa có gì bị thay đổi.",
            f"Cannot copy the backup into {current.parent} ({detail}). Nothing was changed.",
        ) from exc
    try:
        safety = _keep_current(current, damaged, stamp)
        for suffix in SIDE_FILES:  # a leftover WAL or journal would be replayed onto the restored file
            current.with_name(current.name + suffix).unlink(missing_ok=True)
        os.replace(staged, current)
    except PermissionError as exc:
        raise _in_use(current) from exc
    except OSError as exc:
        raise DatabaseError(
            f"Không thay được cơ sở dữ liệu {current.name} ({exc}). Cơ sở dữ liệu hiện tại vẫn giữ nguyên.",
            f"Cannot replace the database {current.name} ({exc}). The current database was kept.",
        ) from exc
    finally:
        staged.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        fd = os.open(current.parent, os.O_RDONLY)
        os.fsync(fd)
        os.close(fd)
    return RestoreResult(backup=info, database=current, safety_copy=safety)


def note_restore(db: Database, result: RestoreResult, by: Actor | None) -> None:
    """An entry in the restored (and opened, so upgraded) file's own log: every record just changed; say who and why.

    ``by``: the administrator who restored (None: the damaged-start restore, before anyone logged in).
    """
    made = result.backup.made_at.strftime("%d/%m/%Y %H:%M") if result.backup.made_at else "?"
    kept = f"; dữ liệu trước đó giữ tại {result.safety_copy.name}" if result.safety_copy else ""
    summary = f"Khôi phục từ bản sao lưu {shown(result.backup.path.name, 80)} (lập lúc {made}){kept}"
    from storage import audit

    with db.sessions.begin() as s:
        if by is not None:
            set_actor(s, by)
        audit.record(s, "restore", "database", summary, new={"backup": result.backup.path.name, "made_at": made})
