"""The trust core below the GUI: password hashes and login, the hash-chained audit log, roles and period locks.

Every check here calls storage functions directly, as a script or a modified GUI could: what is refused
here is refused whatever the screens show or hide.
"""

from __future__ import annotations

import base64
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session
from test_import_common import write_csv

from storage import auth
from storage.actor import Actor, PermissionDenied, act_as, current_actor, set_actor
from storage.audit import history, list_entries, restore_deleted, verify_chain
from storage.auth import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    authenticate,
    check_secret,
    create_user,
    has_accounts,
    hash_secret,
    list_users,
    new_recovery_code,
    recover_admin,
    update_user,
)
from storage.catalog import find_procedure, load_procedure, save_procedure
from storage.db import Database, open_database
from storage.dossiers import DossierData, SupplementData, delete_dossier, load_dossier, save_dossier
from storage.errors import UserError, ValidationError
from storage.importing import run_import
from storage.locks import PeriodLocked, PeriodStatus, finalize_period, period_status, reopen_period
from storage.models import AuditLog, Dossier, SupplementRequest
from storage.periods import PeriodKind, period_for
from storage.staff import StaffData, delete_staff, save_staff
from storage.vocab import Gender, Outcome, StaffCategory, UserRole

JULY = period_for(PeriodKind.MONTH, 2025, 7)  # official: 15/06/2025–14/07/2025
NOW = datetime(2026, 11, 1, 9, 0)


@pytest.fixture(autouse=True)
def _no_login_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "FAIL_DELAY_SECONDS", 0.0)


@pytest.fixture
def demo(luong_minh_db: Path) -> Iterator[Database]:
    """A private copy of the Lượng Minh demo (accounts quantri / lanhdao / canbo)."""
    database = open_database(luong_minh_db)
    yield database
    database.close()


def _actor(db: Database, username: str) -> Actor:
    with db.sessions.begin() as s:
        result = authenticate(s, username, DEMO_PASSWORD, delay=0)
    assert result.actor is not None, result.vi
    return result.actor


def _session(db: Database, username: str | None) -> Session:
    s = db.sessions()
    if username:
        set_actor(s, _actor(db, username))
    return s


# --- passwords and login -------------------------------------------------------------------------
def test_password_hash_is_scrypt_salted_and_checked_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    stored = hash_secret("mật khẩu 2025")
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(digest)) == 32
    assert "mật khẩu" not in stored
    assert hash_secret("mật khẩu 2025") != stored  # a fresh salt each time
    assert check_secret("mật khẩu 2025", stored) and not check_secret("mật khẩu 2026", stored)
    assert not check_secret("x", "md5$abc") and not check_secret("x", "garbage")

    compared: list[tuple[bytes, bytes]] = []
    real = auth.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(auth.hmac, "compare_digest", spy)
    assert not check_secret("wrong", stored)
    assert len(compared) == 1  # the digests are compared with hmac.compare_digest, not ==


def test_demo_has_one_account_per_role_with_the_documented_password(demo: Database) -> None:
    with demo.sessions() as s:
        users = {u.username: u for u in list_users(s)}
        assert has_accounts(s)
        stored = s.scalars(text("SELECT password_hash FROM app_user")).all()
    assert {name: role for name, _, role in DEMO_ACCOUNTS} == {n: u.role for n, u in users.items()}
    assert {u.role for u in users.values()} == {UserRole.CLERK, UserRole.OFFICER, UserRole.ADMIN}
    assert all(h.startswith("scrypt$") and DEMO_PASSWORD not in h for h in stored)
    for name in users:
        assert _actor(demo, name).username == name


def test_wrong_password_is_counted_and_committed_and_five_lock_for_five_minutes(demo: Database) -> None:
    for i in range(4):
        with demo.sessions.begin() as s:
            assert authenticate(s, "canbo", f"sai{i}", now=NOW, delay=0).actor is None
    with demo.sessions() as s:
        assert s.scalar(text("SELECT failed_logins FROM app_user WHERE username='canbo'")) == 4  # committed
    with demo.sessions.begin() as s:
        assert authenticate(s, "canbo", "sai5", now=NOW, delay=0).actor is None
    with demo.sessions.begin() as s:
        locked = authenticate(s, "canbo", DEMO_PASSWORD, now=NOW + timedelta(minutes=4), delay=0)
    assert locked.actor is None and "tạm khóa đến 09:05" in locked.message()
    with demo.sessions.begin() as s:
        ok = authenticate(s, "canbo", DEMO_PASSWORD, now=NOW + timedelta(minutes=5, seconds=1), delay=0)
    assert ok.actor is not None and ok.actor.role == UserRole.CLERK
    with demo.sessions() as s:
        row = s.execute(text("SELECT failed_logins, locked_until FROM app_user WHERE username='canbo'")).one()
    assert row == (0, None)


def test_unknown_user_and_wrong_password_get_the_same_message(demo: Database) -> None:
    with demo.sessions.begin() as s:
        a = authenticate(s, "khongco", DEMO_PASSWORD, delay=0)
        b = authenticate(s, "canbo", "sai-mat-khau", delay=0)
    assert a.actor is None and b.actor is None and a.message() == b.message() and a.message("en") == b.message("en")


def test_disabled_account_is_refused(demo: Database) -> None:
    admin = _actor(demo, "quantri")
    with demo.sessions.begin() as s:
        set_actor(s, admin)
        canbo = next(u for u in list_users(s) if u.username == "canbo")
        update_user(s, canbo.id, full_name=canbo.full_name, role=canbo.role, active=False)
    with demo.sessions.begin() as s:
        result = authenticate(s, "canbo", DEMO_PASSWORD, delay=0)
    assert result.actor is None and "ngừng sử dụng" in result.message()


def test_last_active_administrator_cannot_be_disabled(demo: Database) -> None:
    admin = _actor(demo, "quantri")
    with demo.sessions() as s:
        set_actor(s, admin)
        me = next(u for u in list_users(s) if u.username == "quantri")
        with pytest.raises(ValidationError, match="ít nhất một tài khoản quản trị"):
            update_user(s, me.id, full_name=me.full_name, role=UserRole.ADMIN, active=False)


def test_recovery_code_resets_the_admin_once_then_the_old_code_fails(db: Database) -> None:
    with db.sessions.begin() as s:
        create_user(s, "quantri", "Quản trị", UserRole.ADMIN, "matkhau-cu-1")
        code = new_recovery_code(s)
        stored = s.scalar(text("SELECT value FROM setting WHERE key='auth.recovery_hash'"))
    assert stored.startswith("scrypt$") and code.replace("-", "") not in stored
    with db.sessions.begin() as s:
        next_code = recover_admin(s, "quantri", code.lower().replace("-", " - "), "matkhau-moi-2")
    assert next_code != code
    with db.sessions.begin() as s:
        assert authenticate(s, "quantri", "matkhau-moi-2", delay=0).actor is not None
        assert authenticate(s, "quantri", "matkhau-cu-1", delay=0).actor is None
    with db.sessions() as s, pytest.raises(UserError, match="Mã khôi phục"):
        recover_admin(s, "quantri", code, "matkhau-khac-3")
    with db.sessions.begin() as s:
        recover_admin(s, "quantri", next_code, "matkhau-khac-3")


def test_recovery_code_does_not_open_a_clerk_account(demo: Database) -> None:
    with demo.sessions.begin() as s:
        code = new_recovery_code(s)
    with demo.sessions() as s, pytest.raises(UserError, match="Mã khôi phục"):
        recover_admin(s, "canbo", code, "matkhau-moi-2")


# --- the audit trail -----------------------------------------------------------------------------
def _staff(name: str = "Lò Thị Mai") -> StaffData:
    return StaffData(name, Gender.FEMALE, StaffCategory.CONG_CHUC, date(2026, 9, 1), birth_date=date(1990, 3, 4))


def test_audit_log_records_create_update_delete_with_actor_and_values(demo: Database) -> None:
    clerk = _actor(demo, "canbo")
    with demo.sessions.begin() as s:
        set_actor(s, clerk)
        staff_id = save_staff(s, _staff(), today=date(2026, 10, 1))
    with demo.sessions.begin() as s:
        set_actor(s, clerk)
        save_staff(s, _staff("Lò Thị Mai Anh"), staff_id, today=date(2026, 10, 1))
    with demo.sessions.begin() as s:
        set_actor(s, clerk)
        delete_staff(s, staff_id)
    with demo.sessions() as s:
        trail = history(s, "staff", staff_id)
    assert [e.action for e in trail] == ["create", "update", "delete"]
    assert {e.username for e in trail} == {"canbo"}
    create, update, delete = trail
    assert create.new_values["full_name"] == "Lò Thị Mai" and not create.old_values
    assert update.old_values == {"full_name": "Lò Thị Mai"} and update.new_values == {"full_name": "Lò Thị Mai Anh"}
    assert delete.old_values["full_name"] == "Lò Thị Mai Anh" and delete.old_values["birth_date"] == "1990-03-04"
    assert not delete.new_values


def test_audit_log_never_holds_a_password_in_clear(demo: Database) -> None:
    admin = _actor(demo, "quantri")
    with demo.sessions.begin() as s:
        set_actor(s, admin)
        uid = create_user(s, "lan.nt", "Nguyễn Thị Lan", UserRole.CLERK, "bi-mat-rat-dai")
        auth.set_password(s, uid, "bi-mat-moi-dai")
    with demo.sessions() as s:
        dump = " ".join(
            f"{e.old_values} {e.new_values} {e.summary}" for e in list_entries(s, table="app_user", limit=10_000)
        )
    assert "bi-mat" not in dump and "scrypt$" not in dump and "(đã đổi)" in dump


def test_triggers_refuse_update_and_delete_of_audit_entries(demo: Database, luong_minh_db: Path) -> None:
    with demo.sessions() as s:
        first = s.scalar(select(func.min(AuditLog.id)))
        with pytest.raises(sa_exc.IntegrityError, match="append-only"):
            s.execute(text("UPDATE audit_log SET summary = 'sửa' WHERE id = :i"), {"i": first})
        s.rollback()
        with pytest.raises(sa_exc.IntegrityError, match="append-only"):
            s.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": first})
        s.rollback()
    demo.close()
    conn = sqlite3.connect(luong_minh_db)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_log SET new_values = '{}' WHERE id = ?", (first,))
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit_log")
    finally:
        conn.close()


def _tamper(path: Path, sql: str, *params: object) -> None:
    """What someone with the file and an SQLite tool could do: drop the guard, then edit."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("DROP TRIGGER audit_log_no_delete")
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def _some_entry(path: Path) -> tuple[int, int]:
    with open_database(path).sessions() as s:
        ids = s.scalars(select(AuditLog.id).order_by(AuditLog.id)).all()
        s.get_bind().dispose()  # type: ignore[union-attr]
    return ids[len(ids) // 2], len(ids)


def test_verify_chain_is_ok_then_names_the_edited_entry(luong_minh_db: Path) -> None:
    target, count = _some_entry(luong_minh_db)
    db = open_database(luong_minh_db)
    with db.sessions() as s:
        check = verify_chain(s)
    db.close()
    assert check.ok and check.entries == count and count > 100
    _tamper(luong_minh_db, "UPDATE audit_log SET new_values = replace(new_values, '1', '2') WHERE id = ?", target)
    db = open_database(luong_minh_db)
    with db.sessions() as s:
        check = verify_chain(s)
    db.close()
    assert not check.ok and check.first_broken == target


def test_verify_chain_names_the_entry_after_a_removed_one(luong_minh_db: Path) -> None:
    target, _ = _some_entry(luong_minh_db)
    _tamper(luong_minh_db, "DELETE FROM audit_log WHERE id = ?", target)
    db = open_database(luong_minh_db)
    with db.sessions() as s:
        check = verify_chain(s)
        following = s.scalar(select(func.min(AuditLog.id)).where(AuditLog.id > target))
    db.close()
    assert check.first_broken == following


# --- roles, below the GUI ------------------------------------------------------------------------
def test_clerk_cannot_create_users_edit_procedures_or_finalize(demo: Database) -> None:
    with _session(demo, "canbo") as s:
        with pytest.raises(PermissionDenied, match="tạo tài khoản"):
            create_user(s, "nguoi.moi", "Người mới", UserRole.ADMIN, "matkhau-dai-1")
        s.rollback()
        proc = find_procedure(s, "HT-KS")
        assert proc is not None
        data = load_procedure(s, proc.id)
        with pytest.raises(PermissionDenied, match="danh mục thủ tục"):
            save_procedure(s, data.__class__(**{**data.__dict__, "days_direct": 99}), proc.id)
        s.rollback()
        with pytest.raises(PermissionDenied, match="chốt báo cáo"):
            finalize_period(s, JULY)
        s.rollback()
    with demo.sessions() as s:
        assert s.scalar(text("SELECT count(*) FROM app_user")) == 3
        assert load_procedure(s, proc.id).days_direct == data.days_direct
        assert period_status(s, JULY) == (PeriodStatus.DRAFT, 0)


def test_officer_finalizes_and_act_as_covers_every_session(demo: Database) -> None:
    act_as(demo.sessions, _actor(demo, "lanhdao"))
    with demo.sessions.begin() as s:
        assert current_actor(s) is not None and current_actor(s).username == "lanhdao"  # type: ignore[union-attr]
        assert finalize_period(s, JULY) == 1
    with demo.sessions() as s:
        assert period_status(s, JULY) == (PeriodStatus.FINALIZED, 1)
        [entry] = list_entries(s, table="period_lock", limit=1)
    assert entry.username == "lanhdao" and entry.action == "create"


# --- locked periods ------------------------------------------------------------------------------
def _july_dossier(s: Session, *, finished: bool) -> int:
    """A dossier received on 10/07/2025 (official July) with a supplement request, saved as the system."""
    proc = find_procedure(s, "HT-KS")
    assert proc is not None
    data = DossierData(
        procedure_id=proc.id,
        applicant_name="Vi Văn Tường",
        received_at=datetime(2025, 7, 10, 9, 0),
        supplements=(SupplementData(date(2025, 7, 11), date(2025, 7, 12), "Thiếu bản sao giấy tờ"),),
        finished_date=date(2025, 7, 14) if finished else None,
        outcome=Outcome.RESOLVED if finished else None,
    )
    return save_dossier(s, data, today=date(2025, 7, 14))


def _finalize_july(db: Database) -> None:
    with db.sessions.begin() as s:
        set_actor(s, _actor(db, "lanhdao"))
        finalize_period(s, JULY)


def test_clerk_cannot_change_or_delete_a_july_dossier_once_july_is_final(demo: Database) -> None:
    with demo.sessions.begin() as s:
        dossier_id = _july_dossier(s, finished=True)
    _finalize_july(demo)
    with _session(demo, "canbo") as s:
        data = load_dossier(s, dossier_id)
        with pytest.raises(PeriodLocked, match="tháng 7 năm 2025"):
            save_dossier(s, data.__class__(**{**data.__dict__, "applicant_name": "Tên khác"}), dossier_id)
        s.rollback()
        with pytest.raises(PeriodLocked):
            save_dossier(s, data.__class__(**{**data.__dict__, "finished_date": date(2025, 7, 13)}), dossier_id)
        s.rollback()
        with pytest.raises(PeriodLocked):
            delete_dossier(s, dossier_id)
        s.rollback()
        new = data.__class__(**{**data.__dict__, "code": "", "applicant_name": "Hồ sơ ghi lùi"})
        with pytest.raises(PeriodLocked):
            save_dossier(s, new, today=date(2025, 8, 1))  # back-dating a new dossier into July
        s.rollback()
    with demo.sessions() as s:
        assert load_dossier(s, dossier_id) == data
        assert s.scalar(select(func.count()).where(Dossier.applicant_name == "Hồ sơ ghi lùi")) == 0


def test_a_dossier_received_in_july_and_still_open_can_be_finished_in_august(demo: Database) -> None:
    with demo.sessions.begin() as s:
        dossier_id = _july_dossier(s, finished=False)
    _finalize_july(demo)
    with _session(demo, "canbo") as s:
        data = load_dossier(s, dossier_id)
        done = data.__class__(**{**data.__dict__, "finished_date": date(2025, 8, 5), "outcome": Outcome.RESOLVED})
        save_dossier(s, done, dossier_id, today=date(2025, 8, 5))
        s.commit()
    with demo.sessions() as s:
        assert load_dossier(s, dossier_id).finished_date == date(2025, 8, 5)
        assert len(load_dossier(s, dossier_id).supplements) == 1


def test_reopening_needs_a_reason_is_audited_and_refinalizing_makes_revision_2(demo: Database) -> None:
    with demo.sessions.begin() as s:
        dossier_id = _july_dossier(s, finished=True)
    _finalize_july(demo)
    officer = _actor(demo, "lanhdao")
    with demo.sessions() as s:
        set_actor(s, officer)
        with pytest.raises(UserError, match="lý do"):
            reopen_period(s, JULY, "sửa")
    with demo.sessions() as s:
        set_actor(s, _actor(demo, "canbo"))
        with pytest.raises(PermissionDenied):
            reopen_period(s, JULY, "Sửa số hồ sơ nhập nhầm ngày")
    reason = "Sửa tên người nộp hồ sơ nhập nhầm"
    with demo.sessions.begin() as s:
        set_actor(s, officer)
        reopen_period(s, JULY, reason)
    with demo.sessions() as s:
        assert period_status(s, JULY) == (PeriodStatus.REOPENED, 1)
        [entry] = list_entries(s, table="period_lock", action="update", limit=1)
    assert entry.reason == reason and entry.username == "lanhdao"
    assert entry.old_values["status"] == "finalized" and entry.new_values["status"] == "reopened"
    with _session(demo, "canbo") as s:  # reopened: the correction goes through
        data = load_dossier(s, dossier_id)
        save_dossier(s, data.__class__(**{**data.__dict__, "applicant_name": "Vi Văn Tưởng"}), dossier_id)
        s.commit()
    with demo.sessions.begin() as s:
        set_actor(s, officer)
        assert finalize_period(s, JULY) == 2
    with demo.sessions() as s:
        assert period_status(s, JULY) == (PeriodStatus.FINALIZED, 2)


def test_import_with_rows_in_a_locked_period_is_refused_and_stores_nothing(demo: Database, tmp_path: Path) -> None:
    _finalize_july(demo)
    path = write_csv(
        tmp_path / "hoso.csv",
        [
            ["Mã hồ sơ", "Thủ tục", "Người nộp", "Ngày giờ tiếp nhận", "Kênh", "Ngày giải quyết"],
            ["XA-250801-0901", "HT-KS", "Nguyễn Văn An", "01/08/2025 09:00", "Trực tiếp", "01/08/2025"],
            ["XA-250710-0901", "HT-KS", "Lô Thị Bình", "10/07/2025 15:30", "Trực tiếp", "11/07/2025"],
        ],
    )
    with demo.sessions() as s:
        before = s.scalar(select(func.count()).select_from(Dossier))
        entries = s.scalar(select(func.count()).select_from(AuditLog))
    with _session(demo, "canbo") as s:
        with pytest.raises(PeriodLocked, match="tháng 7 năm 2025"):
            run_import(s, "dossiers", path, today=date(2025, 8, 2))
        s.commit()  # what a caller does after showing the message: the session stays usable
    with demo.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Dossier)) == before
        assert s.scalar(select(func.count()).where(Dossier.code.like("XA-2508%"))) == 0
        assert s.scalar(select(func.count()).select_from(AuditLog)) == entries + 1  # the clerk's login only


def test_restore_deleted_brings_a_dossier_back_with_its_supplements_and_needs_an_officer(demo: Database) -> None:
    with demo.sessions() as s:
        dossier_id = s.scalar(
            select(SupplementRequest.dossier_id)
            .join(Dossier)
            .where(Dossier.received_at >= datetime(2026, 9, 1))
            .order_by(SupplementRequest.dossier_id)
            .limit(1)
        )
        assert dossier_id is not None
        before = load_dossier(s, dossier_id)
        count = s.scalar(select(func.count()).where(SupplementRequest.dossier_id == dossier_id))
    with _session(demo, "canbo") as s:
        delete_dossier(s, dossier_id)
        s.commit()
    with demo.sessions() as s:
        assert s.get(Dossier, dossier_id) is None
        [entry] = list_entries(s, table="dossier", record_id=str(dossier_id), action="delete")
    with _session(demo, "canbo") as s, pytest.raises(PermissionDenied):
        restore_deleted(s, entry.id)
    with _session(demo, "lanhdao") as s:
        restore_deleted(s, entry.id)
        s.commit()
    with demo.sessions() as s:
        assert load_dossier(s, dossier_id) == before
        assert s.scalar(select(func.count()).where(SupplementRequest.dossier_id == dossier_id)) == count >= 1
        [back] = list_entries(s, table="dossier", record_id=str(dossier_id), limit=1)
        assert back.username == "lanhdao" and back.action == "restore"
        with pytest.raises(UserError, match="đã được khôi phục"):
            restore_deleted(s, entry.id)
