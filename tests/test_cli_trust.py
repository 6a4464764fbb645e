"""The command line as a named user: login from --user and the environment, accounts, locks, the audit trail."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from cli.app import run
from storage import auth


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _fast_failures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "FAIL_DELAY_SECONDS", 0.0)


def _as(monkeypatch: pytest.MonkeyPatch, user: str, password: str = "demo2025") -> None:
    monkeypatch.setenv("COMMUNE_DESK_USER", user)
    monkeypatch.setenv("COMMUNE_DESK_PASSWORD", password)


def test_a_demo_database_needs_a_login_even_to_read(luong_minh_db: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("COMMUNE_DESK_USER")
    code, out, err = cli(capsys, "--db", str(luong_minh_db), "list", "staff")
    assert code == 2 and out == ""
    assert "--user" in err and "COMMUNE_DESK_USER" in err and "COMMUNE_DESK_PASSWORD" in err
    assert len(err.strip().splitlines()) == 1
    monkeypatch.delenv("COMMUNE_DESK_PASSWORD")  # no TTY in tests: no prompt, a clear message
    code, _, err = cli(capsys, "--db", str(luong_minh_db), "--user", "canbo", "list", "staff")
    assert code == 2 and "COMMUNE_DESK_PASSWORD" in err
    _as(monkeypatch, "canbo")
    monkeypatch.delenv("COMMUNE_DESK_USER")
    code, out, _ = cli(capsys, "--db", str(luong_minh_db), "--user", "canbo", "list", "staff")
    assert code == 0 and "bản ghi" in out


def test_wrong_password_is_refused_and_counted(luong_minh_db: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _as(monkeypatch, "canbo", "sai-mat-khau")
    code, out, err = cli(capsys, "--db", str(luong_minh_db), "summary", "--period", "2025-07")
    assert code == 2 and out == "" and "Sai tên đăng nhập hoặc mật khẩu" in err
    with sqlite3.connect(luong_minh_db) as conn:
        assert conn.execute("SELECT failed_logins FROM app_user WHERE username = 'canbo'").fetchone() == (1,)
    log = (luong_minh_db.parent / "logs" / "commune-desk.log").read_text(encoding="utf-8")
    assert "sai-mat-khau" not in log and "demo2025" not in log


def test_clerk_cannot_finalize_officer_can_then_reopen_with_reason(luong_minh_db: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = ("--db", str(luong_minh_db))
    _as(monkeypatch, "canbo")
    code, _, err = cli(capsys, *db, "finalize", "--period", "2025-07")
    assert code == 2 and "không có quyền chốt báo cáo" in err
    _as(monkeypatch, "lanhdao")
    code, out, _ = cli(capsys, *db, "finalize", "--period", "2025-07")
    assert code == 0 and "Đã chốt Tháng 7 năm 2025" in out and "lần 1" in out
    code, out, _ = cli(capsys, *db, "periods", "--json")
    [row] = json.loads(out)["periods"]
    assert (row["period"], row["status"], row["revision"], row["finalized_by"]) == (
        "2025-07",
        "finalized",
        1,
        "lanhdao",
    )
    code, _, err = cli(capsys, *db, "reopen", "--period", "2025-07", "--reason", "sửa")
    assert code == 2 and "lý do" in err
    reason = "Sửa ngày tiếp nhận nhập nhầm"
    code, out, _ = cli(capsys, *db, "reopen", "--period", "2025-07", "--reason", reason)
    assert code == 0 and "Đã mở khóa" in out
    code, out, _ = cli(capsys, *db, "audit", "--table", "period_lock", "--json")
    entries = json.loads(out)["entries"]
    assert entries[0]["reason"] == reason and entries[0]["user"] == "lanhdao"
    assert entries[0]["new_values"]["status"] == "reopened"
    code, out, _ = cli(capsys, *db, "finalize", "--period", "2025-07")
    assert code == 0 and "lần 2" in out
    code, out, _ = cli(capsys, *db, "periods")
    assert "Đã chốt" in out and reason in out


def test_check_reports_the_chain_and_the_first_broken_entry(luong_minh_db: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli(capsys, "--db", str(luong_minh_db), "check")
    assert code == 0 and "ĐẠT" in out
    with sqlite3.connect(luong_minh_db) as conn:
        n = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        target = conn.execute("SELECT id FROM audit_log WHERE table_name = 'staff' ORDER BY id LIMIT 1").fetchone()[0]
    assert f"Nhật ký thay đổi nguyên vẹn ({n} mục)" in out  # its own login (last_login_at) included
    conn = sqlite3.connect(luong_minh_db)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET new_values = replace(new_values, 'a', 'o') WHERE id = ?", (target,))
    conn.commit()
    conn.close()
    code, out, _ = cli(capsys, "--db", str(luong_minh_db), "check")
    assert code == 3 and f"Nhật ký bị sửa: mục #{target} không khớp" in out


def test_init_creates_the_administrator_and_prints_the_recovery_code_once(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = ("--db", str(tmp_path / "xa.sqlite"))
    monkeypatch.setenv("COMMUNE_DESK_NEW_PASSWORD", "matkhau-quan-tri")
    code, out, _ = cli(capsys, *db, "init", "--commune", "16906", "--admin-user", "Chu.Tich")
    assert code == 0 and "Đã tạo tài khoản quản trị chu.tich" in out
    [line] = [x for x in out.splitlines() if x.startswith("Mã khôi phục")]
    recovery = line.rsplit(" ", 1)[1]
    assert "in hoặc chép mã này" in out
    assert "matkhau-quan-tri" not in out

    _as(monkeypatch, "chu.tich", "matkhau-quan-tri")
    code, out, _ = cli(capsys, *db, "users", "list", "--json")
    assert code == 0 and [u["username"] for u in json.loads(out)["users"]] == ["chu.tich"]
    code, _, err = cli(capsys, *db, "init", "--admin-user", "nguoi.khac")
    assert code == 2 and "users add" in err

    monkeypatch.setenv("COMMUNE_DESK_NEW_PASSWORD", "matkhau-moi-hon")
    monkeypatch.delenv("COMMUNE_DESK_USER")
    code, out, _ = cli(capsys, *db, "users", "recover", "chu.tich", "--code", recovery)
    assert code == 0 and "Mã khôi phục của quản trị" in out and recovery not in out
    code, _, err = cli(capsys, *db, "users", "recover", "chu.tich", "--code", recovery)  # used once only
    assert code == 2 and "Mã khôi phục" in err
    code, _, _ = cli(capsys, *db, "--user", "chu.tich", "users", "list")
    assert code == 2  # old password
    monkeypatch.setenv("COMMUNE_DESK_PASSWORD", "matkhau-moi-hon")
    code, out, _ = cli(capsys, *db, "--user", "chu.tich", "users", "list")
    assert code == 0 and "chu.tich" in out


def test_users_add_passwd_and_the_forced_change(luong_minh_db: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = ("--db", str(luong_minh_db))
    monkeypatch.setenv("COMMUNE_DESK_NEW_PASSWORD", "lan-tam-thoi-1")
    _as(monkeypatch, "canbo")
    code, _, err = cli(capsys, *db, "users", "add", "lan.nt", "--role", "clerk")
    assert code == 2 and "không có quyền tạo tài khoản" in err
    _as(monkeypatch, "quantri")
    code, out, _ = cli(capsys, *db, "users", "add", "lan.nt", "--role", "officer", "--full-name", "Nguyễn Thị Lan")
    assert code == 0 and "Đã thêm tài khoản lan.nt (Lãnh đạo)" in out and "phải đổi mật khẩu" in out

    _as(monkeypatch, "lan.nt", "lan-tam-thoi-1")  # the administrator chose it: change it first
    code, _, err = cli(capsys, *db, "summary", "--period", "2025-07")
    assert code == 2 and "users passwd" in err
    monkeypatch.setenv("COMMUNE_DESK_NEW_PASSWORD", "lan-cua-rieng-2")
    code, out, _ = cli(capsys, *db, "users", "passwd")
    assert code == 0 and "Đã đổi mật khẩu" in out
    _as(monkeypatch, "lan.nt", "lan-cua-rieng-2")
    code, _, _ = cli(capsys, *db, "summary", "--period", "2025-07")
    assert code == 0
    code, _, err = cli(capsys, *db, "users", "passwd", "canbo")  # an officer resets no one
    assert code == 2 and "quyền quản trị" in err

    _as(monkeypatch, "quantri")
    code, out, _ = cli(capsys, *db, "users", "disable", "lan.nt")
    assert code == 0
    _as(monkeypatch, "lan.nt", "lan-cua-rieng-2")
    code, _, err = cli(capsys, *db, "periods")
    assert code == 2 and "ngừng sử dụng" in err
    with sqlite3.connect(luong_minh_db) as conn:
        dump = " ".join(str(r) for r in conn.execute("SELECT old_values, new_values, summary FROM audit_log"))
    assert "lan-tam-thoi-1" not in dump and "lan-cua-rieng-2" not in dump


def test_restore_deleted_from_the_command_line(luong_minh_db: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from storage.actor import set_actor
    from storage.auth import authenticate
    from storage.db import open_database
    from storage.dossiers import delete_dossier

    database = open_database(luong_minh_db)
    with database.sessions.begin() as s:
        set_actor(s, authenticate(s, "canbo", "demo2025", delay=0).actor)
        dossier_id = s.scalar(text("SELECT max(id) FROM dossier WHERE received_at >= '2026-10-01'"))
        delete_dossier(s, dossier_id)
    database.close()
    db = ("--db", str(luong_minh_db))
    code, out, _ = cli(capsys, *db, "audit", "--action", "delete", "--table", "dossier", "--json")
    [entry] = json.loads(out)["entries"]
    assert entry["user"] == "canbo" and entry["record_id"] == str(dossier_id)
    _as(monkeypatch, "canbo")
    code, _, err = cli(capsys, *db, "restore-deleted", str(entry["id"]))
    assert code == 2 and "không có quyền khôi phục" in err
    _as(monkeypatch, "lanhdao")
    code, out, _ = cli(capsys, *db, "restore-deleted", str(entry["id"]))
    assert code == 0 and f"mục #{entry['id']}" in out
    code, out, _ = cli(capsys, *db, "audit", "--user", "lanhdao", "--table", "dossier")
    assert code == 0 and "khôi phục" in out


def test_user_option_on_a_database_without_accounts_is_ignored_with_a_note(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli(capsys, "--db", str(tmp_path / "moi.sqlite"), "--user", "ai.do", "list", "staff")
    assert code == 0 and "chưa có tài khoản" in err


def test_demo_command_needs_no_login_and_makes_the_documented_accounts(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("COMMUNE_DESK_USER")
    monkeypatch.delenv("COMMUNE_DESK_PASSWORD")
    path = str(tmp_path / "demo.sqlite")
    code, _, _ = cli(capsys, "--db", path, "demo", "--until", "31/07/2025")
    assert code == 0
    _as(monkeypatch, "quantri")
    code, out, _ = cli(capsys, "--db", path, "users", "list", "--json")
    users = {u["username"]: u["role"] for u in json.loads(out)["users"]}
    assert users == {"quantri": "admin", "lanhdao": "officer", "canbo": "clerk"}


def test_sending_a_period_to_the_province_is_an_officers_act_and_locks_it(  # type: ignore[no-untyped-def]
    luong_minh_db: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    db = ("--db", str(luong_minh_db))
    send = ("export", "--period", "2025-08", "--format", "cdesk", "--out", str(tmp_path / "usb"))
    _as(monkeypatch, "canbo")
    code, _, err = cli(capsys, *db, *send)
    assert code == 2 and "không có quyền chốt báo cáo" in err
    assert not (tmp_path / "usb").exists() or not any((tmp_path / "usb").iterdir())
    _as(monkeypatch, "lanhdao")
    code, out, _ = cli(capsys, *db, *send)
    assert code == 0, out
    code, out, _ = cli(capsys, *db, "periods", "--json")
    [row] = json.loads(out)["periods"]
    assert (row["period"], row["status"], row["finalized_by"]) == ("2025-08", "sent", "lanhdao")
