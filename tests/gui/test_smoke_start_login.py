"""The smoke start (COMMUNE_DESK_EXIT_AFTER_SHOW=1) logs in from the environment; a wrong password fails loudly.

Why: benchmarks and the installer's test start the real program on a database with accounts and no one
to type; a person at the PC (no smoke flag) always meets the login dialog instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from storage.audit import list_entries
from storage.db import open_database

ROOT = Path(__file__).resolve().parents[2]


def _start(db: Path, password: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMMUNE_DESK_EXIT_AFTER_SHOW="1")
    env.update(COMMUNE_DESK_USER="canbo", COMMUNE_DESK_PASSWORD=password)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db)],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip


def test_smoke_start_logs_in_from_environment(luong_minh_db: Path) -> None:
    done = _start(luong_minh_db, "demo2025")
    assert done.returncode == 0, done.stderr
    database = open_database(luong_minh_db)
    try:
        with database.sessions() as s:
            logins = [e for e in list_entries(s, limit=50) if e.action == "login"]
    finally:
        database.close()
    assert logins and "canbo" in logins[0].summary


def test_smoke_start_with_a_wrong_password_fails(luong_minh_db: Path) -> None:
    done = _start(luong_minh_db, "sai-mat-khau")
    assert done.returncode == 1
    assert "Sai tên đăng nhập hoặc mật khẩu" in done.stderr
