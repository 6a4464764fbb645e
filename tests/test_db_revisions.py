"""Opening a database already at the newest schema reads the revisions without Alembic (a faster start).

storage.db.shipped_revisions() parses the migration files' revision lines; Alembic stays the authority
for creating and upgrading files, so both must agree on every revision and on the head.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory

from storage.db import alembic_config, head_revision, open_database, shipped_revisions

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_revisions_agree_with_alembic() -> None:
    known, head = shipped_revisions()
    assert known == {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    assert head == head_revision()


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "current.sqlite"
    open_database(path).close()  # created (and stamped) through Alembic
    code = (
        "import sys\n"
        "from storage.db import open_database\n"
        f"db = open_database({str(path)!r})\n"
        "db.close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_an_older_database_is_still_upgraded(tmp_path: Path) -> None:
    from storage.db import current_revision, make_engine, upgrade

    path = tmp_path / "old.sqlite"
    engine = make_engine(path)
    upgrade(engine, "0005")
    engine.dispose()
    db = open_database(path)
    try:
        assert current_revision(db.engine) == head_revision()
        assert db.backup_made is not None and db.backup_made.exists()
    finally:
        db.close()
