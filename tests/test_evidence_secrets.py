"""Evidence for docs/reliability.md: passwords and the recovery code never rest anywhere in clear.

Why: "never stored or logged in clear" is only believable if every place a secret could land is searched
after the secret went through every path that handles it (set-up, new account, forced change, wrong and
right logins, recovery). The search covers the log file, every log record of any logger, the audit trail,
every table's text and the raw bytes of the database file, and what each command printed.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from cli.app import run
from storage import auth
from storage.db import open_database

ADMIN_PW = "Quan-Tri-Bi-Mat-7781"
TEMP_PW = "Tam-Thoi-Bi-Mat-4410"
OWN_PW = "Cua-Rieng-Bi-Mat-9023"
WRONG_PW = "Go-Nham-Bi-Mat-5566"
ADMIN_PW2 = "Quan-Tri-Moi-Bi-Mat-3141"
PASSWORDS = (ADMIN_PW, TEMP_PW, OWN_PW, WRONG_PW, ADMIN_PW2)


def _forms(code: str) -> list[str]:
    """A recovery code as printed, and as someone might type or store it (no dashes, lower case)."""
    return [code, code.replace("-", ""), code.lower(), code.replace("-", "").lower()]


def _everything_stored(db_path: Path) -> str:
    """Every row of every table as text, plus the raw bytes of the file and its WAL (free pages included)."""
    parts: list[str] = []
    with closing(sqlite3.connect(db_path)) as conn:
        parts.extend(conn.iterdump())
    for path in (db_path, Path(f"{db_path}-wal")):
        if path.exists():
            parts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(parts)


def test_passwords_and_recovery_codes_are_nowhere_in_clear(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(auth, "FAIL_DELAY_SECONDS", 0.0)
    caplog.set_level(logging.DEBUG)  # every record any logger emits, not only what reaches the file
    db_path = tmp_path / "xa.sqlite"
    printed: list[str] = []

    def cli(user: str | None, password: str | None, new: str | None, *args: str) -> int:
        for name, value in (
            ("COMMUNE_DESK_USER", user),
            ("COMMUNE_DESK_PASSWORD", password),
            ("COMMUNE_DESK_NEW_PASSWORD", new),
        ):
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        code = run(["--db", str(db_path), *args])
        out, err = capsys.readouterr()
        printed.append(out + err)
        return code

    assert cli(None, None, ADMIN_PW, "init", "--commune", "16906", "--admin-user", "chu.tich") == 0
    [code_line] = [x for x in printed[-1].splitlines() if x.startswith("Mã khôi phục")]
    first_code = code_line.rsplit(" ", 1)[1]
    assert cli("chu.tich", ADMIN_PW, TEMP_PW, "users", "add", "lan.nt", "--role", "clerk") == 0
    assert cli("lan.nt", TEMP_PW, OWN_PW, "users", "passwd") == 0  # the forced change
    assert cli("lan.nt", WRONG_PW, None, "periods") == 2  # a wrong login
    assert cli("lan.nt", OWN_PW, None, "periods") == 0  # a right one
    assert cli(None, None, ADMIN_PW2, "users", "recover", "chu.tich", "--code", first_code) == 0
    [next_line] = [x for x in printed[-1].splitlines() if x.startswith("Mã khôi phục")]
    next_code = next_line.rsplit(" ", 1)[1]
    assert cli("chu.tich", ADMIN_PW2, None, "users", "list") == 0
    assert next_code != first_code

    log_file = (tmp_path / "logs" / "commune-desk.log").read_text(encoding="utf-8")
    records = "\n".join(f"{r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records)
    stored = _everything_stored(db_path)
    with closing(sqlite3.connect(db_path)) as conn:
        audit = "\n".join(str(row) for row in conn.execute("SELECT * FROM audit_log"))
        hashes = [h for (h,) in conn.execute("SELECT password_hash FROM app_user")]
        recovery = conn.execute("SELECT value FROM setting WHERE key = 'auth.recovery_hash'").fetchone()[0]
    assert records.strip() and audit.strip() and len(hashes) == 2  # the places searched are not empty
    for secret in PASSWORDS:
        assert secret not in log_file, "a password in the log file"
        assert secret not in records, "a password in a log record"
        assert secret not in audit, "a password in the audit trail"
        assert secret not in stored, "a password in the database file"
        assert all(secret not in out for out in printed), "a password in a command's output"
    for code in (first_code, next_code):
        for form in _forms(code):
            assert form not in stored and form not in log_file and form not in records
    assert all(h.startswith("scrypt$") for h in hashes) and recovery.startswith("scrypt$")
    # Printed once each, where the administrator needs it, and nowhere else.
    assert sum(first_code in out for out in printed) == 1 and sum(next_code in out for out in printed) == 1


def test_a_wrong_password_or_recovery_code_waits_one_second_and_a_right_one_does_not(
    luong_minh_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []
    monkeypatch.setattr(auth.time, "sleep", slept.append)
    db = open_database(luong_minh_db)
    try:
        with db.sessions.begin() as s:
            assert auth.authenticate(s, "canbo", "sai-mat-khau").actor is None
            assert slept == [auth.FAIL_DELAY_SECONDS] == [1.0]
            assert auth.authenticate(s, "khong-co-ai", "sai-mat-khau").actor is None
            assert slept == [1.0, 1.0]  # an unknown name waits the same (gives nothing away)
            assert auth.authenticate(s, "canbo", auth.DEMO_PASSWORD).actor is not None
            assert slept == [1.0, 1.0]
        with db.sessions() as s, pytest.raises(auth.UserError, match="Mã khôi phục"):
            auth.recover_admin(s, "quantri", "AAAAA-BBBBB-CCCCC-DDDDD", "mat-khau-moi-dai")
        assert slept == [1.0, 1.0, 1.0]
    finally:
        db.close()
