"""Ctrl+Z below the GUI: undoing a deletion puts the SAME record back through the audit log.

Re-creating the record (as the screens once did) gave it a new id: "recently deleted" still offered
the old one, and its history was split in two. These tests call storage as a script could, with the
demo's accounts (quantri / lanhdao / canbo), so the role and lock rules hold whatever the screens do.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import auth
from storage.actor import Actor, PermissionDenied, set_actor
from storage.audit import history, list_entries, recently_deleted, undo_delete
from storage.auth import DEMO_PASSWORD, authenticate
from storage.calendar import CalendarDay, DayKind
from storage.calendar_store import list_days, remove_day, save_days
from storage.catalog import find_procedure
from storage.db import Database, open_database
from storage.dossiers import DossierData, SupplementData, delete_dossier, load_dossier, save_dossier
from storage.errors import UserError
from storage.locks import PeriodLocked, finalize_period
from storage.models import Dossier, Staff, SupplementRequest, Unit
from storage.periods import PeriodKind, period_for
from storage.staff import StaffData, delete_staff, load_staff, save_staff
from storage.units import UnitData, delete_unit, load_unit, save_unit
from storage.vocab import Gender, StaffCategory

JULY = period_for(PeriodKind.MONTH, 2025, 7)  # official: 15/06/2025–14/07/2025


@pytest.fixture(autouse=True)
def _no_login_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "FAIL_DELAY_SECONDS", 0.0)


@pytest.fixture
def demo(luong_minh_db: Path) -> Iterator[Database]:
    database = open_database(luong_minh_db)
    yield database
    database.close()


def _actor(db: Database, username: str) -> Actor:
    with db.sessions.begin() as s:
        result = authenticate(s, username, DEMO_PASSWORD, delay=0)
    assert result.actor is not None, result.vi
    return result.actor


def _as(db: Database, username: str) -> Session:
    s = db.sessions()
    set_actor(s, _actor(db, username))
    return s


def _new_staff(db: Database, username: str, name: str = "Lò Thị Mai") -> int:
    data = StaffData(name, Gender.FEMALE, StaffCategory.CONG_CHUC, date(2026, 9, 1), birth_date=date(1990, 3, 4))
    with _as(db, username) as s:
        staff_id = save_staff(s, data, today=date(2026, 10, 1))
        s.commit()
    return staff_id


def _delete_staff(db: Database, username: str, staff_id: int) -> StaffData:
    with _as(db, username) as s:
        data = delete_staff(s, staff_id)
        s.commit()
    return data


def test_a_clerk_undoes_her_own_delete_and_gets_the_same_record_back(demo: Database) -> None:
    staff_id = _new_staff(demo, "canbo")
    before = _delete_staff(demo, "canbo", staff_id)
    with demo.sessions() as s:
        assert [e.record_id for e in recently_deleted(s) if e.table_name == "staff"] == [str(staff_id)]
        count = s.scalar(select(func.count()).select_from(Staff))
    with _as(demo, "canbo") as s:
        assert undo_delete(s, "staff", staff_id) == "Lò Thị Mai"
        s.commit()
    with demo.sessions() as s:
        assert load_staff(s, staff_id) == before  # same id, same values
        assert s.scalar(select(func.count()).select_from(Staff)) == count + 1  # no second copy
        assert s.get(Staff, staff_id).search_name == "lo thi mai"  # type: ignore[union-attr]  # found by search
        assert not [e for e in recently_deleted(s) if e.table_name == "staff"]
        trail = history(s, "staff", staff_id)
    assert [(e.action, e.username) for e in trail] == [("create", "canbo"), ("delete", "canbo"), ("restore", "canbo")]
    assert trail[-1].new_values["full_name"] == "Lò Thị Mai"
    with _as(demo, "canbo") as s, pytest.raises(UserError, match="đã được khôi phục"):
        undo_delete(s, "staff", staff_id)  # a second Ctrl+Z has nothing left to do


def test_a_clerk_cannot_undo_someone_elses_delete_but_an_officer_can(demo: Database) -> None:
    staff_id = _new_staff(demo, "lanhdao")
    _delete_staff(demo, "lanhdao", staff_id)
    with _as(demo, "canbo") as s, pytest.raises(PermissionDenied, match="canbo"):
        undo_delete(s, "staff", staff_id)
    with demo.sessions() as s:
        assert s.get(Staff, staff_id) is None
    clerks = _new_staff(demo, "canbo", "Vi Thị Hoa")
    _delete_staff(demo, "canbo", clerks)
    with _as(demo, "lanhdao") as s:  # an officer may undo anyone's deletion
        undo_delete(s, "staff", clerks)
        s.commit()
    with demo.sessions() as s:
        assert s.get(Staff, clerks) is not None
        [entry] = list_entries(s, table="staff", record_id=str(clerks), limit=1)
    assert (entry.action, entry.username) == ("restore", "lanhdao")


def test_a_clerk_cannot_undo_her_own_delete_after_an_hour(demo: Database) -> None:
    staff_id = _new_staff(demo, "canbo")
    _delete_staff(demo, "canbo", staff_id)
    later = datetime.now() + timedelta(hours=1, minutes=1)
    with _as(demo, "canbo") as s, pytest.raises(PermissionDenied):
        undo_delete(s, "staff", staff_id, now=later)
    with _as(demo, "canbo") as s:
        undo_delete(s, "staff", staff_id, now=datetime.now() + timedelta(minutes=59))
        s.commit()
    with demo.sessions() as s:
        assert s.get(Staff, staff_id) is not None


def _july_dossier(db: Database) -> int:
    with _as(db, "canbo") as s:
        proc = find_procedure(s, "HT-KS")
        assert proc is not None
        data = DossierData(
            procedure_id=proc.id,
            applicant_name="Vi Văn Tường",
            received_at=datetime(2025, 7, 10, 9, 0),
            supplements=(
                SupplementData(date(2025, 7, 11), date(2025, 7, 12), "Thiếu bản sao giấy tờ"),
                SupplementData(date(2025, 7, 12), None, "Thiếu ảnh"),
            ),
        )
        dossier_id = save_dossier(s, data, today=date(2025, 7, 14))
        s.commit()
    return dossier_id


def test_undo_brings_a_dossier_back_with_its_supplement_requests_and_their_ids(demo: Database) -> None:
    dossier_id = _july_dossier(demo)
    with demo.sessions() as s:
        before = load_dossier(s, dossier_id)
        children = sorted(s.scalars(select(SupplementRequest.id).where(SupplementRequest.dossier_id == dossier_id)))
    assert len(children) == 2
    with _as(demo, "canbo") as s:
        delete_dossier(s, dossier_id)
        s.commit()
    with _as(demo, "canbo") as s:
        undo_delete(s, "dossier", dossier_id)
        s.commit()
    with demo.sessions() as s:
        assert load_dossier(s, dossier_id) == before
        again = sorted(s.scalars(select(SupplementRequest.id).where(SupplementRequest.dossier_id == dossier_id)))
        assert again == children
        assert s.scalar(select(func.count()).where(Dossier.applicant_name == "Vi Văn Tường")) == 1
        assert not [e for e in recently_deleted(s) if e.table_name == "dossier" and e.record_id == str(dossier_id)]


def test_undo_is_refused_once_the_period_is_finalized(demo: Database) -> None:
    dossier_id = _july_dossier(demo)
    with _as(demo, "canbo") as s:
        delete_dossier(s, dossier_id)
        s.commit()
    with _as(demo, "lanhdao") as s:
        finalize_period(s, JULY)
        s.commit()
    with _as(demo, "canbo") as s, pytest.raises(PeriodLocked, match="tháng 7 năm 2025"):
        undo_delete(s, "dossier", dossier_id)
    with _as(demo, "lanhdao") as s, pytest.raises(PeriodLocked):  # an officer too: reopen first
        undo_delete(s, "dossier", dossier_id)
    with demo.sessions() as s:
        assert s.get(Dossier, dossier_id) is None


def test_undo_in_the_catalogs_keeps_the_unit_id_and_the_calendar_day(demo: Database) -> None:
    with _as(demo, "quantri") as s:
        unit_id = save_unit(s, UnitData("Tổ công tác số hóa", "TCT-SH"))
        before = load_unit(s, unit_id)
        delete_unit(s, unit_id)
        s.commit()
    with _as(demo, "quantri") as s:
        undo_delete(s, "unit", unit_id)
        s.commit()
    with demo.sessions() as s:
        assert s.get(Unit, unit_id) is not None and load_unit(s, unit_id) == before

    day = date(2026, 11, 4)
    with _as(demo, "quantri") as s:
        save_days(s, [CalendarDay(day, DayKind.OFF, "Nghỉ đột xuất")])
        remove_day(s, day)
        s.commit()
    with _as(demo, "quantri") as s:
        undo_delete(s, "calendar_day", day.isoformat())
        s.commit()
    with demo.sessions() as s:
        [back] = [d for d in list_days(s, 2026) if d.day == day]
        assert (back.kind, back.name) == (DayKind.OFF, "Nghỉ đột xuất")
        [entry] = list_entries(s, table="calendar_day", record_id=day.isoformat(), limit=1)
    assert (entry.action, entry.username) == ("restore", "quantri")


def test_a_clerk_cannot_undo_into_an_administrators_catalog(demo: Database) -> None:
    with _as(demo, "quantri") as s:
        unit_id = save_unit(s, UnitData("Tổ công tác tạm", "TCT"))
        delete_unit(s, unit_id)
        s.commit()
    with _as(demo, "canbo") as s, pytest.raises(PermissionDenied):
        undo_delete(s, "unit", unit_id)
    with _as(demo, "quantri") as s, pytest.raises(UserError, match="Không hoàn tác"):
        undo_delete(s, "app_user", 1)


def test_the_lock_message_names_the_period_as_people_do_not_by_its_spec() -> None:
    from storage.locks import LockRange, PeriodStatus, locked_error

    july = locked_error(LockRange("2025-07", date(2025, 6, 15), date(2025, 7, 14), PeriodStatus.FINALIZED))
    assert july.vi.startswith("Kỳ tháng 7 năm 2025 (15/06/2025–14/07/2025) đã chốt báo cáo")
    assert july.en.startswith("The period July 2025 (15/06/2025–14/07/2025) is finalized")
    assert "2025-07" not in july.vi + july.en
    quarter = locked_error(LockRange("2025-Q3", date(2025, 6, 15), date(2025, 9, 14), PeriodStatus.SENT))
    assert quarter.vi.startswith("Kỳ quý III năm 2025 (") and quarter.en.startswith("The period Q3 2025 (")
    custom = locked_error(LockRange("2025-07-01..2025-07-20", date(2025, 7, 1), date(2025, 7, 20), PeriodStatus.SENT))
    assert custom.vi.startswith("Kỳ 01/07/2025–20/07/2025 đã chốt") and ".." not in custom.en


def test_list_entries_filters_the_systems_own_entries_with_an_empty_username(demo: Database) -> None:
    staff_id = _new_staff(demo, "canbo")
    with demo.sessions() as s:
        system = list_entries(s, username="", limit=10_000)
        everyone = list_entries(s, username=None, limit=10_000)
        clerk = list_entries(s, username="canbo")
    assert system and {e.username for e in system} == {""}  # the demo was loaded by the program itself
    assert len(everyone) > len(system) and {"", "canbo"} <= {e.username for e in everyone}
    mine = ("staff", str(staff_id))
    assert mine in {(e.table_name, e.record_id) for e in clerk}
    assert mine not in {(e.table_name, e.record_id) for e in system}


def test_undo_is_refused_in_words_when_another_record_took_the_id_or_the_name(demo: Database) -> None:
    with _as(demo, "quantri") as s:
        unit_id = save_unit(s, UnitData("Tổ công tác số hóa", "TCT-SH"))
        delete_unit(s, unit_id)
        newer = save_unit(s, UnitData("Tổ một cửa", "TMC"))  # SQLite hands out the freed highest id again
        s.commit()
    assert newer == unit_id
    with _as(demo, "quantri") as s, pytest.raises(UserError, match="nay thuộc một bản ghi khác"):
        undo_delete(s, "unit", unit_id)

    with _as(demo, "quantri") as s:
        first = save_unit(s, UnitData("Tổ công tác tạm", "TCT"))
        second = save_unit(s, UnitData("Tổ khác", "TK"))
        delete_unit(s, first)
        save_unit(s, UnitData("Tổ công tác tạm", "TK"), second)  # the name is taken meanwhile
        s.commit()
    with _as(demo, "quantri") as s, pytest.raises(UserError, match="trùng thông tin"):
        undo_delete(s, "unit", first)
    with demo.sessions() as s:
        assert s.get(Unit, first) is None
        assert load_unit(s, newer).name == "Tổ một cửa"
