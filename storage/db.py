"""Opening the commune database: pragmas, automatic migrations with a backup first, sessions.

Start-up policy: a new file is created at the newest schema; an older file is copied to a backup
and upgraded in place; a file written by a newer Commune Desk is refused, never downgraded.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

import storage.audit  # noqa: F401  (registers the audit, permission and period-lock hooks on every session)
from storage.errors import DatabaseError
from storage.paths import APP_DIR_NAME, DEFAULT_DB_NAME, default_db_path  # noqa: F401  (re-exported)

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only to create or upgrade a file: importing it costs ≈ 0.2 s of every start
# (bench/run_all.py cold_start), while a file already at the newest schema needs none of it.

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Python's sqlite3 driver would open transactions itself (only before writes), which breaks
    # SAVEPOINTs: SQLAlchemy's documented recipe is to turn that off and emit BEGIN in "begin".
    dbapi_conn.isolation_level = None
    # WAL + synchronous=FULL: a committed record survives a power cut; foreign keys enforce links.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(path: Path) -> Engine:
    """An engine on a SQLite file with Commune Desk's pragmas on every connection."""
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def alembic_config() -> Config:
    """Alembic configuration pointing at the migrations shipped inside storage/."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest schema revision this version of Commune Desk knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the database file (None for a new, empty file)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:[\"']([^\"']+)[\"']|None)", re.M)


@cache
def shipped_revisions() -> tuple[frozenset[str], str | None]:
    """(every revision, the head) read from the migration files' ``revision``/``down_revision`` lines.

    The same answer as Alembic's ScriptDirectory for our linear history (tests/test_db_revisions.py),
    without importing Alembic. None for the head when the files do not make one straight line.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if found.get("revision"):
            revisions.add(found["revision"])
            if found.get("down_revision"):
                parents.add(found["down_revision"])
    heads = revisions - parents
    return frozenset(revisions), next(iter(heads)) if len(heads) == 1 else None


def _stamped_revision(engine: Engine) -> str | None:
    """The revision in alembic_version, read with plain SQL (None for a new file)."""
    with engine.connect() as conn:
        if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").first():
            rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
            if len(rows) == 1:
                return str(rows[0][0])
        return current_revision(engine)  # no table, or an unusual one: Alembic decides


def backup_file(src: Path, dest: Path) -> Path:
    """Copy a live SQLite database consistently with SQLite's online backup API."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(src) as source, sqlite3.connect(dest) as target:
        source.backup(target)
    return dest


def _copy_before_upgrade(path: Path, dest: Path) -> Path:
    """The safety copy an upgrade needs first; no copy (disk full, a file in the way): no upgrade, said plainly."""
    try:
        return backup_file(path, dest)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(
            f"Chưa nâng cấp cơ sở dữ liệu {path.name} vì không tạo được bản sao lưu trước khi nâng cấp "
            f"vào thư mục {dest.parent} ({exc.__class__.__name__}). Dữ liệu chưa bị thay đổi. "
            "Hãy giải phóng ổ đĩa hoặc kiểm tra thư mục đó rồi mở lại.",
            f"The database {path.name} was not upgraded: the backup copy before the upgrade could not be made in "
            f"{dest.parent} ({exc.__class__.__name__}). Nothing was changed. Free some disk space or check that "
            "folder, then open it again.",
        ) from exc


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run Alembic migrations up to ``revision`` on this engine's database."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


@dataclass
class Database:
    """An open commune database: its file, engine and session factory."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup_made: Path | None = None

    def close(self) -> None:
        """Release the file (checkpoints the WAL)."""
        self.engine.dispose()


def _check_is_sqlite(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise DatabaseError(
            f"Tệp {path.name} không phải là cơ sở dữ liệu của Commune Desk (hoặc đã bị hỏng).",
            f"{path.name} is not a Commune Desk database (or it is damaged).",
        )


def open_database(path: Path | str | None = None, *, migrate: bool = True) -> Database:
    """Open (creating or upgrading as needed) the commune database at ``path``."""
    path = Path(path) if path else default_db_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            f"Không tạo được thư mục dữ liệu {path.parent}: {exc.strerror}.",
            f"Cannot create the data folder {path.parent}: {exc.strerror}.",
        ) from exc
    _check_is_sqlite(path)
    engine = make_engine(path)
    backup: Path | None = None
    try:
        current = _stamped_revision(engine)
        known, head = shipped_revisions()
        if current is None or head is None or current not in known:  # new, unusual or newer: as Alembic says
            from alembic.script import ScriptDirectory

            head = head_revision()
            known = frozenset(s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions())
        if current is not None and current not in known:
            raise DatabaseError(
                "Cơ sở dữ liệu này được tạo bởi phiên bản Commune Desk mới hơn. Hãy cài phiên bản mới hơn để mở nó.",
                "This database was made by a newer version of Commune Desk. Install that version to open it.",
            )
        if migrate and current != head:
            if current is not None:
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                backup = _copy_before_upgrade(
                    path, path.parent / "backups" / f"{path.stem}.before-upgrade-{stamp}.sqlite"
                )
            upgrade(engine)
    except DatabaseError:
        engine.dispose()
        raise
    except OperationalError as exc:
        engine.dispose()
        raise _environment_error(path, exc) from exc
    except SADatabaseError as exc:
        engine.dispose()
        raise DatabaseError(
            f"Không mở được cơ sở dữ liệu {path.name}: tệp bị hỏng.",
            f"Cannot open the database {path.name}: the file is damaged.",
        ) from exc
    return Database(path=path, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False), backup_made=backup)


def _environment_error(path: Path, exc: OperationalError) -> DatabaseError:
    msg = str(exc.orig).lower() if exc.orig else str(exc).lower()
    if "locked" in msg or "busy" in msg:
        return DatabaseError(
            f"Cơ sở dữ liệu {path.name} đang được một chương trình khác sử dụng. Hãy đóng chương trình đó rồi thử lại.",
            f"The database {path.name} is in use by another program. Close it and try again.",
        )
    if "readonly" in msg or "read-only" in msg or "unable to open" in msg:
        return DatabaseError(
            f"Không ghi được vào {path}: thư mục chỉ đọc hoặc không có quyền.",
            f"Cannot write to {path}: the folder is read-only or access is denied.",
        )
    if "disk" in msg and "full" in msg:
        return DatabaseError("Ổ đĩa đã đầy. Hãy giải phóng dung lượng rồi thử lại.", "The disk is full.")
    return DatabaseError(
        f"Không mở được cơ sở dữ liệu {path.name}: {exc.orig}.",
        f"Cannot open the database {path.name}: {exc.orig}.",
    )


def integrity_problems(engine: Engine) -> list[str]:
    """SQLite's integrity and foreign-key checks; an empty list means the file is sound."""
    problems: list[str] = []
    with engine.connect() as conn:
        rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
        if rows != ["ok"]:
            problems.extend(rows)
        for row in conn.execute(text("PRAGMA foreign_key_check")):
            problems.append(f"foreign key: table {row[0]} rowid {row[1]} -> {row[2]}")
    return problems
