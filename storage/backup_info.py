"""What a backup file is, read without changing it: sound or damaged, schema, whose data, newest change.

Why: a restore replaces everything the office typed since; the clerk must see whose data a file holds
and from when before anything is replaced, and a file on a USB stick must not be written to (no -wal or
-shm beside it, no migration in place): a file is opened read-only and immutable, or, when a -wal or
-journal lies beside it, read from a private temporary copy of both. A backup must also have exactly the
schema of its revision (storage/backup_schema.py): a forged one could lack tables or bring triggers along.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from storage.backup_schema import differences, shown, summary
from storage.errors import DatabaseError, UserError
from storage.importing.values import visible
from storage.mode import DatabaseMode, database_mode
from storage.quick_check import SQLITE_HEADER, is_sqlite_file  # noqa: F401  (re-exported: backup, restore)

AUTO_STAMP = "%Y%m%d-%H%M%S"
# Times written in backup names: ours automatic (20261122-143005), manual (2026-11-22-1430), before-upgrade/restore.
_NAME_TIMES = ((re.compile(r"(\d{8}-\d{6})"), AUTO_STAMP), (re.compile(r"(\d{4}-\d{2}-\d{2}-\d{4})"), "%Y-%m-%d-%H%M"))
# Columns filled by SQLite's CURRENT_TIMESTAMP (UTC) on every audited record.
_UTC_COLUMNS = ("created_at", "updated_at")
# Columns written with the PC's local time by the application itself.
_LOCAL_COLUMNS = {
    "audit_log": ("at",),
    "received_report": ("received_at",),
    "response_file": ("created_at",),
    "province_proposal": ("answered_at",),
}


@dataclass(frozen=True)
class BackupInfo:
    """One candidate backup file as found; ``problem`` says why it cannot be restored (None: it can)."""

    path: Path
    size: int = 0
    made_at: datetime | None = None  # from the file name when it carries the time, else the file's date
    kind: str = "file"  # auto, before-upgrade, before-restore, file
    revision: str | None = None
    newer_schema: bool = False
    mode: DatabaseMode | None = None
    commune_code: str = ""
    commune_name: str = ""
    province_code: str = ""
    province_name: str = ""
    newest_change: datetime | None = None  # newest record change inside the file (local time)
    problem: UserError | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None

    @property
    def lost_after(self) -> datetime | None:
        """Changes made after this moment are not in the backup (they would be lost by restoring it).

        The newest record change inside the file (exact to the second); the time the copy was made
        only when the file holds no dated record.
        """
        return self.newest_change or self.made_at

    @property
    def has_owner(self) -> bool:
        return bool(self.commune_code or self.province_code or self.province_name)

    def owner(self, lang: str = "vi") -> str:
        """Whose data: "Xã Lượng Minh (16906)", "Tỉnh Nghệ An (tỉnh)", or a note that nobody was declared."""
        if self.mode == DatabaseMode.PROVINCE:
            name = self.province_name or ("(province not declared)" if lang == "en" else "(chưa khai báo tỉnh)")
            return f"{name} ({'province mode' if lang == 'en' else 'chế độ tỉnh'})"
        if not self.commune_code:
            return "(no commune declared)" if lang == "en" else "(chưa khai báo xã)"
        return f"{self.commune_name} ({self.commune_code})"


def kind_of(path: Path) -> str:
    """auto / before-upgrade / before-restore / file, from where and how the file is named."""
    if ".before-upgrade-" in path.name:
        return "before-upgrade"
    if ".before-restore-" in path.name:
        return "before-restore"
    if path.parent.name == "auto" and path.parent.parent.name == "backups":
        return "auto"
    return "file"


def time_in_name(name: str) -> datetime | None:
    """The date-time a backup's name carries (all of ours do), None otherwise."""
    for pattern, fmt in _NAME_TIMES:
        found = pattern.search(name)
        if found:
            try:
                return datetime.strptime(found.group(1), fmt)
            except ValueError:
                continue
    return None


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection to a database that may be in use (immutable when it has no WAL).

    With a WAL SQLite keeps a -shm file beside it: right for the database in use, never for a backup
    (see ``open_backup``).
    """
    wal = path.with_name(path.name + "-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    uri = path.resolve().as_uri() + ("?mode=ro" if has_wal else "?mode=ro&immutable=1")
    return sqlite3.connect(uri, uri=True, timeout=5)


def _side_files(path: Path) -> list[str]:
    found = []
    for suffix in ("-wal", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.is_file() and side.stat().st_size > 0:
            found.append(suffix)
    return found


@contextmanager
def open_backup(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection to a backup file that writes nothing to it nor beside it (a USB stick stays as it was).

    A lone file (all of ours: the online-backup copies are self-contained) is opened immutable. A file with
    a -wal or -journal beside it (the live database copied by hand) is copied with it into a private
    temporary folder and opened there: SQLite replays a genuine WAL and rolls back a journal as it would
    for the original, and drops a WAL that is not one by its checksums; the result is then checked like
    any backup.
    """
    sides = _side_files(path)
    if not sides:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True, timeout=5)) as conn:
            yield conn
        return
    with tempfile.TemporaryDirectory(prefix="commune-desk-backup-", ignore_cleanup_errors=True) as tmp:
        copy = Path(tmp) / "backup.sqlite"
        shutil.copyfile(path, copy)
        for suffix in sides:
            shutil.copyfile(path.with_name(path.name + suffix), copy.with_name(copy.name + suffix))
        with closing(sqlite3.connect(copy, timeout=5)) as conn:
            yield conn


@cache
def known_revisions() -> frozenset[str]:
    """Every schema revision this version of Commune Desk can open (a backup at any of them can be restored)."""
    from alembic.script import ScriptDirectory  # not at import: Alembic costs ≈ 0.2 s of every start

    from storage.db import alembic_config

    return frozenset(s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions())


def _utc_to_local(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def local_to_utc(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None)


def _parse_time(text: object) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def tables_and_columns(conn: sqlite3.Connection) -> dict[str, set[str]]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {n: {r[1] for r in conn.execute(f'PRAGMA table_info("{n}")')} for n in names}


def newest_change(conn: sqlite3.Connection, tables: dict[str, set[str]]) -> datetime | None:
    """The newest created/updated time of any record (one MAX per table: cheap even on large files)."""
    found: list[datetime] = []
    for table, cols in tables.items():
        if all(c in cols for c in _UTC_COLUMNS):
            for col in _UTC_COLUMNS:
                value = _parse_time(conn.execute(f'SELECT max("{col}") FROM "{table}"').fetchone()[0])
                if value is not None:
                    found.append(_utc_to_local(value))
        for col in _LOCAL_COLUMNS.get(table, ()):
            if col in cols:
                value = _parse_time(conn.execute(f'SELECT max("{col}") FROM "{table}"').fetchone()[0])
                if value is not None:
                    found.append(value)
    return max(found) if found else None


def changes_since(path: Path, when: datetime) -> int | None:
    """How many records of the database at ``path`` were added or changed after ``when`` (None: unreadable)."""
    utc = local_to_utc(when).isoformat(sep=" ")
    try:
        with closing(connect_readonly(path)) as conn:
            total = 0
            for table, cols in tables_and_columns(conn).items():
                if all(c in cols for c in _UTC_COLUMNS):
                    sql = f"SELECT count(*) FROM \"{table}\" WHERE max(coalesce(updated_at, ''), created_at) > ?"
                    total += conn.execute(sql, (utc,)).fetchone()[0]
            return total
    except sqlite3.Error:
        return None


def _read_owner(conn: sqlite3.Connection, tables: dict[str, set[str]], info: BackupInfo) -> BackupInfo:
    mode = DatabaseMode.COMMUNE  # files before revision 0002 have no settings: all of them are communes'
    if "setting" in tables:
        engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
        with Session(engine) as s:
            mode = database_mode(s)
    code = name = province_code = province_name = ""
    if "commune_profile" in tables:
        row = conn.execute(
            "SELECT code, name, province_code, province_name FROM commune_profile ORDER BY id"
        ).fetchone()
        if row:
            code, name, province_code, province_name = (str(v or "") for v in row)
    if mode == DatabaseMode.PROVINCE:
        settings = dict(conn.execute("SELECT key, value FROM setting WHERE key IN ('province.code', 'province.name')"))
        province_code, province_name = settings.get("province.code", ""), settings.get("province.name", "")
    return replace(
        info,
        mode=mode,
        commune_code=code,
        commune_name=name,
        province_code=province_code,
        province_name=province_name,
        newest_change=newest_change(conn, tables),
    )


def _damaged(path: Path, detail: str) -> DatabaseError:
    # SQLite's text may quote the damaged bytes themselves: show control characters as codes, keep it short.
    detail = visible(detail)
    detail = detail if len(detail) <= 120 else detail[:117] + "..."
    return DatabaseError(
        f"Tệp {path.name} bị hỏng ({detail}). Không dùng được tệp này để khôi phục; hãy chọn bản sao lưu khác.",
        f"{path.name} is damaged ({detail}). It cannot be restored; choose another backup.",
    )


def _not_ours(path: Path) -> DatabaseError:
    return DatabaseError(
        f"Tệp {path.name} không phải là bản sao lưu cơ sở dữ liệu của Commune Desk.",
        f"{path.name} is not a Commune Desk database backup.",
    )


def _newer(path: Path, revision: str) -> DatabaseError:
    from storage.db import head_revision

    rev = shown(revision)  # as stored: a forged file may hold any text there
    return DatabaseError(
        f"Bản sao lưu {path.name} được tạo bởi phiên bản Commune Desk mới hơn (lược đồ {rev}; "
        f"phiên bản này biết đến {head_revision()}). Hãy cài phiên bản mới hơn rồi khôi phục.",
        f"The backup {path.name} was made by a newer Commune Desk (schema {rev}; this version knows "
        f"up to {head_revision()}). Install the newer version, then restore.",
    )


def _schema_differs(path: Path, revision: str, found: list[tuple[str, str]]) -> DatabaseError:
    vi, en = summary(found)
    return DatabaseError(
        f"Bản sao lưu {path.name} không đúng cấu trúc dữ liệu của Commune Desk (lược đồ {revision}): {vi}. "
        "Tệp có thể đã bị sửa hoặc bị hỏng; không dùng được để khôi phục. Hãy chọn bản sao lưu khác.",
        f"The backup {path.name} does not have Commune Desk's data structure (schema {revision}): {en}. "
        "The file may have been altered or damaged; it cannot be restored. Choose another backup.",
    )


def inspect_connection(
    conn: sqlite3.Connection, info: BackupInfo, *, integrity: str | None = "integrity_check", schema: bool = False
) -> BackupInfo:
    """Fill ``info`` from an open connection: the check (None: skip), schema revision, owner, newest change.

    ``schema``: also require exactly the tables, columns, indexes, triggers and views of the file's
    revision (for files about to be restored; not for copies of the database in use).
    """
    path = info.path
    if integrity is not None:
        rows = [r[0] for r in conn.execute(f"PRAGMA {integrity}")]
        if rows != ["ok"]:
            return replace(info, problem=_damaged(path, "; ".join(str(r) for r in rows[:3])))
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").fetchone() is None:
        return replace(info, problem=_not_ours(path))
    rows = conn.execute("SELECT version_num FROM alembic_version LIMIT 2").fetchall()
    if len(rows) != 1 or rows[0][0] is None:
        return replace(info, problem=_not_ours(path))
    revision = str(rows[0][0])
    info = replace(info, revision=revision)
    if revision not in known_revisions():
        return replace(info, revision=shown(revision), newer_schema=True, problem=_newer(path, revision))
    if schema:
        found = differences(conn, revision)
        if found:
            return replace(info, problem=_schema_differs(path, revision, found))
    return _read_owner(conn, tables_and_columns(conn), info)


def _unreadable(info: BackupInfo, exc: sqlite3.Error) -> BackupInfo:
    path = info.path
    if isinstance(exc, sqlite3.OperationalError) and (
        "locked" in str(exc).lower() or "unable to open" in str(exc).lower()
    ):
        return replace(
            info,
            problem=DatabaseError(
                f"Không đọc được tệp {path.name} ({exc}). Hãy đóng chương trình đang dùng tệp rồi thử lại.",
                f"Cannot read {path.name} ({exc}). Close the program using it and try again.",
            ),
        )
    return replace(info, problem=_damaged(path, str(exc)))


def _stat_info(path: Path) -> BackupInfo:
    """Name, size, time; ``problem`` set when the file is missing or is no SQLite database."""
    kind = kind_of(path)
    try:
        stat = path.stat()
    except OSError:
        return BackupInfo(
            path, kind=kind, problem=DatabaseError(f"Không tìm thấy tệp {path}.", f"File not found: {path}.")
        )
    made = time_in_name(path.name) or datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0)
    info = BackupInfo(path, size=stat.st_size, made_at=made, kind=kind)
    if stat.st_size < 512 or not is_sqlite_file(path):
        return replace(info, problem=_not_ours(path))
    return info


def inspect_backup(path: Path | str, *, integrity: str | None = "integrity_check", schema: bool = True) -> BackupInfo:
    """Everything a clerk needs to decide on a restore; never raises for a bad file (see ``problem``)."""
    info = _stat_info(Path(path))
    if info.problem is not None:
        return info
    try:
        with open_backup(info.path) as conn:
            return inspect_connection(conn, info, integrity=integrity, schema=schema)
    except sqlite3.Error as exc:
        return _unreadable(info, exc)
    except (UnicodeDecodeError, ValueError):  # damage that is not even text: SQLite's message is unreadable
        return replace(info, problem=_damaged(info.path, "nội dung không đọc được / unreadable content"))
    except OSError as exc:  # the private copy could not be made (full temporary folder, USB pulled out)
        return replace(
            info,
            problem=DatabaseError(
                f"Không đọc được tệp {info.path.name} ({exc.strerror or exc}).",
                f"Cannot read {info.path.name} ({exc.strerror or exc}).",
            ),
        )


def inspect_database(path: Path | str) -> BackupInfo:
    """Whose data the database in use holds (read with SQLite's locks, no integrity or schema check)."""
    info = _stat_info(Path(path))
    if info.problem is not None:
        return info
    try:
        with closing(connect_readonly(info.path)) as conn:
            return inspect_connection(conn, info, integrity=None)
    except sqlite3.Error as exc:
        return _unreadable(info, exc)
    except (UnicodeDecodeError, ValueError):
        return replace(info, problem=_damaged(info.path, "nội dung không đọc được / unreadable content"))
