"""Units of the commune (Decree 150/2025 defaults, lookup, refusal to delete used units) and staffing quotas."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.errors import NotFoundError, UserError, ValidationError
from storage.models import Equipment, StaffQuota, Unit
from storage.quotas import QuotaRow, delete_quota, list_quota_rows, list_quotas, set_quota, validate_quota
from storage.staff import StaffData, save_staff
from storage.units import (
    UnitData,
    delete_unit,
    find_unit,
    list_units,
    load_unit,
    save_unit,
    seed_default_units,
    validate_unit,
)
from storage.vocab import EquipmentKind, Gender, StaffCategory

TODAY = date(2026, 1, 15)


def unit_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Unit)) or 0


def staff_in(unit_id: int, start: date = date(2025, 7, 1), end: date | None = None) -> StaffData:
    return StaffData("Nguyễn Văn An", Gender.MALE, StaffCategory.CONG_CHUC, start, unit_id=unit_id, end_date=end)


@pytest.fixture
def units(session: Session) -> Session:
    seed_default_units(session)
    return session


# --- defaults ------------------------------------------------------------------------------


def test_seed_default_units(session: Session) -> None:
    assert seed_default_units(session) == 5
    rows = list_units(session)
    assert [(u.name, u.short_name) for u in rows] == [
        ("Lãnh đạo HĐND, UBND", "LĐ"),
        ("Văn phòng HĐND và UBND", "VP"),
        ("Phòng Kinh tế", "PKT"),
        ("Phòng Văn hóa – Xã hội", "PVHXH"),
        ("Trung tâm Phục vụ hành chính công", "TTPVHCC"),
    ]
    assert [u.name for u in rows if u.is_service_center] == ["Trung tâm Phục vụ hành chính công"]
    assert all(u.active for u in rows)


def test_seed_is_idempotent_and_respects_renames(session: Session) -> None:
    seed_default_units(session)
    pkt = find_unit(session, "PKT")
    assert pkt is not None
    save_unit(session, UnitData("Phòng Kinh tế – Nông nghiệp", "PKT", sort_order=3), pkt.id, today=TODAY)
    assert seed_default_units(session) == 0  # the renamed unit keeps its short name: not re-added
    assert unit_count(session) == 5


def test_seed_for_a_ward(session: Session) -> None:
    seed_default_units(session, ward=True)
    assert find_unit(session, "phong kinh te, ha tang va do thi") is not None
    assert find_unit(session, "Phòng Kinh tế") is None


# --- lookup --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("phong kinh te", "Phòng Kinh tế"),
        ("  PHÒNG   KINH TẾ ", "Phòng Kinh tế"),
        ("pkt", "Phòng Kinh tế"),
        ("ld", "Lãnh đạo HĐND, UBND"),
        ("LĐ", "Lãnh đạo HĐND, UBND"),
        ("phong van hoa – xa hoi", "Phòng Văn hóa – Xã hội"),
        ("trung tam phuc vu hanh chinh cong", "Trung tâm Phục vụ hành chính công"),
    ],
)
def test_find_unit(units: Session, text: str, name: str) -> None:
    found = find_unit(units, text)
    assert found is not None and found.name == name


@pytest.mark.parametrize("text", ["", "  ", "phong kinh", "phòng tư pháp"])
def test_find_unit_misses(units: Session, text: str) -> None:
    assert find_unit(units, text) is None


def test_list_units_active_only_and_order(units: Session) -> None:
    extra = save_unit(units, UnitData("Ban Chỉ huy Quân sự", "BCHQS", sort_order=3), today=TODAY)
    save_unit(units, UnitData("Ban Công an", "CA", sort_order=3, active=False), today=TODAY)
    names = [u.name for u in list_units(units)]
    # Same sort order: Vietnamese alphabet order (Ban Chỉ... < Ban Công... < Phòng...).
    assert names.index("Ban Chỉ huy Quân sự") < names.index("Ban Công an") < names.index("Phòng Kinh tế")
    assert "Ban Công an" not in [u.name for u in list_units(units, active_only=True)]
    assert extra in [u.id for u in list_units(units, active_only=True)]


# --- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "field", "vi_fragment"),
    [
        (UnitData("  "), "name", "Chưa nhập tên đơn vị"),
        (UnitData("X" * 201), "name", "dài quá 200"),
        (UnitData("Tổ Một Cửa", "T" * 41), "short_name", "dài quá 40"),
        (UnitData("Tổ Một Cửa", sort_order=-1), "sort_order", "Thứ tự sắp xếp"),
        (UnitData("phong kinh te"), "name", "đã có"),  # the same name without diacritics is the same unit
        (UnitData("Tổ Một Cửa", "pkt"), "short_name", "đã dùng cho đơn vị khác"),
        (UnitData("Trung tâm thứ hai", is_service_center=True), "is_service_center", "chỉ có một Trung tâm"),
    ],
)
def test_unit_rules(units: Session, data: UnitData, field: str, vi_fragment: str) -> None:
    problems = validate_unit(units, data, today=TODAY)
    assert [p.field for p in problems] == [field]
    assert vi_fragment in problems[0].vi and problems[0].en
    before = unit_count(units)
    with pytest.raises(ValidationError):
        save_unit(units, data, today=TODAY)
    assert unit_count(units) == before


def test_unit_can_keep_its_own_name_and_center_flag(units: Session) -> None:
    center = find_unit(units, "TTPVHCC")
    assert center is not None
    data = load_unit(units, center.id)
    assert data.is_service_center
    assert save_unit(units, data, center.id, today=TODAY) == center.id
    # An inactive second center is allowed (kept for history).
    assert validate_unit(units, UnitData("Trung tâm cũ", is_service_center=True, active=False), today=TODAY) == []


def test_deactivating_a_unit_with_staff_in_post(units: Session) -> None:
    pkt = find_unit(units, "PKT")
    assert pkt is not None
    save_staff(units, staff_in(pkt.id, end=date(2026, 3, 1)), today=TODAY)
    inactive = UnitData("Phòng Kinh tế", "PKT", sort_order=3, active=False)
    problems = validate_unit(units, inactive, pkt.id, today=TODAY)
    assert [p.field for p in problems] == ["active"]
    assert "còn 1 người đang công tác" in problems[0].vi
    # Once the person has left (end date = first day out), the unit may be deactivated.
    assert validate_unit(units, inactive, pkt.id, today=date(2026, 3, 1)) == []


def test_save_unknown_unit(session: Session) -> None:
    with pytest.raises(NotFoundError):
        save_unit(session, UnitData("Tổ Một Cửa"), 999)
    with pytest.raises(NotFoundError):
        load_unit(session, 999)
    with pytest.raises(NotFoundError):
        delete_unit(session, 999)


# --- delete ----------------------------------------------------------------------------------


def test_delete_unused_unit_returns_data_for_undo(units: Session) -> None:
    data = UnitData("Tổ Một Cửa", "TMC", sort_order=9, notes="tạm")
    uid = save_unit(units, data, today=TODAY)
    assert delete_unit(units, uid) == data
    assert find_unit(units, "TMC") is None
    save_unit(units, data, today=TODAY)
    assert find_unit(units, "TMC") is not None


def test_delete_refused_with_staff_even_former(units: Session) -> None:
    pkt = find_unit(units, "phong kinh te")
    assert pkt is not None
    save_staff(units, staff_in(pkt.id, date(2020, 1, 1), date(2024, 1, 1)), today=TODAY)
    with pytest.raises(UserError) as err:
        delete_unit(units, pkt.id)
    msg = err.value.message("vi")
    assert "Không thể xóa đơn vị \u201cPhòng Kinh tế\u201d" in msg
    assert "1 nhân sự" in msg and "thiết bị" not in msg
    assert "1 staff record" in err.value.message("en")
    assert find_unit(units, "PKT") is not None


def test_delete_refused_with_equipment(units: Session) -> None:
    center = find_unit(units, "TTPVHCC")
    assert center is not None
    units.add(Equipment(kind=str(EquipmentKind.QUEUE_MACHINE), unit_id=center.id, inventory_date=TODAY))
    units.add(Equipment(kind=str(EquipmentKind.DISPLAY), unit_id=center.id, inventory_date=TODAY))
    save_staff(units, staff_in(center.id), today=TODAY)
    units.flush()
    with pytest.raises(UserError) as err:
        delete_unit(units, center.id)
    assert "1 nhân sự và 2 thiết bị" in err.value.message("vi")
    assert find_unit(units, "TTPVHCC") is not None


# --- quotas ----------------------------------------------------------------------------------


def test_set_and_list_quotas(session: Session) -> None:
    set_quota(session, 2026, StaffCategory.CAN_BO, 14, "QĐ 123/QĐ-UBND")
    set_quota(session, 2026, StaffCategory.CONG_CHUC, 22)
    set_quota(session, 2026, StaffCategory.KHONG_CHUYEN_TRACH, 9)
    set_quota(session, 2025, StaffCategory.CONG_CHUC, 30)
    assert list_quotas(session, 2026) == {
        StaffCategory.CAN_BO: 14,
        StaffCategory.CONG_CHUC: 22,
        StaffCategory.KHONG_CHUYEN_TRACH: 9,
    }
    # Lượng Minh: 36 official posts (cán bộ + công chức) after the merger.
    assert list_quotas(session, 2026)[StaffCategory.CAN_BO] + list_quotas(session, 2026)[StaffCategory.CONG_CHUC] == 36
    assert list_quotas(session, 2024) == {}
    rows = list_quota_rows(session)
    assert [(r.year, r.category) for r in rows] == [
        (2026, StaffCategory.CAN_BO),
        (2026, StaffCategory.CONG_CHUC),
        (2026, StaffCategory.KHONG_CHUYEN_TRACH),
        (2025, StaffCategory.CONG_CHUC),
    ]
    assert rows[0].decision_ref == "QĐ 123/QĐ-UBND"
    assert isinstance(rows[0].category, StaffCategory)


def test_set_quota_upserts(session: Session) -> None:
    first = set_quota(session, 2026, StaffCategory.CONG_CHUC, 22, "QĐ 1")
    second = set_quota(session, 2026, StaffCategory.CONG_CHUC, 23, "QĐ 2", user_id=None)
    assert first == second
    assert session.scalar(select(func.count()).select_from(StaffQuota)) == 1
    assert list_quota_rows(session, 2026) == [QuotaRow(first, 2026, StaffCategory.CONG_CHUC, 23, "QĐ 2")]


def test_quota_zero_and_limits_allowed(session: Session) -> None:
    set_quota(session, 2000, StaffCategory.HOP_DONG, 0)
    set_quota(session, 2100, StaffCategory.HOP_DONG, 10000)
    assert list_quotas(session, 2000) == {StaffCategory.HOP_DONG: 0}
    assert list_quotas(session, 2100) == {StaffCategory.HOP_DONG: 10000}


@pytest.mark.parametrize(
    ("year", "category", "quota", "ref", "field", "vi_fragment"),
    [
        (1999, StaffCategory.CONG_CHUC, 5, "", "year", "Năm giao biên chế"),
        (2101, StaffCategory.CONG_CHUC, 5, "", "year", "Năm giao biên chế"),
        (2026, "nobody", 5, "", "category", "Loại cán bộ"),
        (2026, StaffCategory.CONG_CHUC, -1, "", "quota", "từ 0 đến 10000"),
        (2026, StaffCategory.CONG_CHUC, 10001, "", "quota", "từ 0 đến 10000"),
        (2026, StaffCategory.CONG_CHUC, 2.5, "", "quota", "số nguyên"),
        (2026, StaffCategory.CONG_CHUC, True, "", "quota", "số nguyên"),
        (2026, StaffCategory.CONG_CHUC, 5, "x" * 121, "decision_ref", "dài quá 120"),
    ],
)
def test_quota_rules(
    session: Session, year: int, category: StaffCategory, quota: int, ref: str, field: str, vi_fragment: str
) -> None:
    problems = validate_quota(year, category, quota, ref)
    assert [p.field for p in problems] == [field]
    assert vi_fragment in problems[0].vi and problems[0].en
    with pytest.raises(ValidationError):
        set_quota(session, year, category, quota, ref)
    assert session.scalar(select(func.count()).select_from(StaffQuota)) == 0


def test_delete_quota(session: Session) -> None:
    set_quota(session, 2026, StaffCategory.CONG_CHUC, 22, "QĐ 1")
    removed = delete_quota(session, 2026, StaffCategory.CONG_CHUC)
    assert removed is not None and (removed.quota, removed.decision_ref) == (22, "QĐ 1")
    assert list_quotas(session, 2026) == {}
    assert delete_quota(session, 2026, StaffCategory.CONG_CHUC) is None
