"""The commune profile: the official list of communes, lookup by code or name, validation, poor share."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.errors import ValidationError
from storage.models import CommuneProfile
from storage.profile import (
    CommuneChoice,
    ProfileData,
    commune_by_code,
    commune_choices,
    load_profile,
    lookup_commune,
    match_communes,
    poor_share,
    province_choices,
    save_profile,
    validate_profile,
)
from storage.textsearch import vietnamese_sort_key

TODAY = date(2026, 1, 15)
LUONG_MINH = CommuneChoice("16906", "Xã Lượng Minh", "40", "Nghệ An")
CON_CUONG = CommuneChoice("17254", "Xã Con Cuông", "40", "Nghệ An")
CHIEU_LUU = CommuneChoice("16855", "Xã Chiêu Lưu", "40", "Nghệ An")


def luong_minh(**changes: object) -> ProfileData:
    base = ProfileData(
        code="16906",
        address="Bản Minh Tiến, xã Lượng Minh, tỉnh Nghệ An",
        chairman="Lô Văn Thành",
        signer_name="Lô Văn Thành",
        population=5200,
        households=1163,
        poor_households=640,
        near_poor_households=335,
        ethnic_minority_pct=98.5,
        mountainous=True,
        remote=True,
        center_head="Vi Văn Hùng",
        center_staff_count=6,
        dossier_unit_id="000.00.40.H40",
        phone="0238 3875 123",
        email="ubndluongminh@nghean.gov.vn",
        established_on=date(2025, 7, 1),
    )
    return dataclasses.replace(base, **changes)


def profile_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(CommuneProfile)) or 0


# --- the official list -----------------------------------------------------------------------


def test_provinces() -> None:
    provinces = province_choices()
    assert len(provinces) == 34
    assert ("40", "Nghệ An") in [(p.code, p.name) for p in provinces]
    assert all(len(p.code) == 2 for p in provinces)


def test_nghe_an_communes() -> None:
    communes = commune_choices(40)
    assert len(communes) == 130
    for c in (LUONG_MINH, CON_CUONG, CHIEU_LUU):
        assert c in communes
    assert commune_choices("40") == communes
    assert commune_choices(99) == []
    assert len(commune_choices()) == 3321


def test_communes_sorted_in_vietnamese_order() -> None:
    names = [c.name.removeprefix("Xã ").removeprefix("Phường ") for c in commune_choices(40)]
    assert names == sorted(names, key=vietnamese_sort_key)
    assert names.index("Chiêu Lưu") < names.index("Con Cuông") < names.index("Lượng Minh")


@pytest.mark.parametrize(
    ("code", "expected"),
    [("16906", LUONG_MINH), (17254, CON_CUONG), (" 16855 ", CHIEU_LUU), ("99999", None), ("abc", None)],
)
def test_commune_by_code(code: str | int, expected: CommuneChoice | None) -> None:
    assert commune_by_code(code) == expected


def test_codes_are_zero_padded() -> None:
    hoan_kiem = commune_by_code("70")
    assert hoan_kiem is not None
    assert (hoan_kiem.code, hoan_kiem.name, hoan_kiem.province_code) == ("00070", "Phường Hoàn Kiếm", "01")
    assert commune_by_code("00070") == hoan_kiem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16906", LUONG_MINH),
        ("Xã Lượng Minh", LUONG_MINH),
        ("Lượng Minh", LUONG_MINH),  # exact spelling is unique
        ("luong minh, nghe an", LUONG_MINH),
        ("Xã Lượng Minh, Nghệ An", LUONG_MINH),
        ("xa luong minh, 40", LUONG_MINH),
        ("con cuong", CON_CUONG),
        ("CHIEU LUU", CHIEU_LUU),
        ("xã chiêu lưu, tỉnh nghệ an", CHIEU_LUU),
        ("luong minh", None),  # Lượng Minh (Nghệ An) or Lương Minh (Quảng Ninh): ask for the code
        ("hoang mai", None),  # Phường Hoàng Mai in Hà Nội and in Nghệ An
        ("luong minh, ha noi", None),
        ("luong minh, atlantis", None),
        ("nowhere", None),
        ("", None),
    ],
)
def test_lookup_commune(text: str, expected: CommuneChoice | None) -> None:
    assert lookup_commune(text) == expected


def test_ambiguous_names_list_the_candidates() -> None:
    assert {(c.name, c.province_name) for c in match_communes("luong minh")} == {
        ("Xã Lượng Minh", "Nghệ An"),
        ("Xã Lương Minh", "Quảng Ninh"),
    }
    hanoi = lookup_commune("phuong hoang mai, thanh pho ha noi")
    assert hanoi is not None and hanoi.province_code == "01"
    assert lookup_commune("hoang mai, ha noi") == hanoi
    assert LUONG_MINH.label == "Xã Lượng Minh – Nghệ An (16906)"


# --- saving ---------------------------------------------------------------------------------


def test_save_and_load(session: Session) -> None:
    assert load_profile(session) is None
    row = save_profile(session, luong_minh(), today=TODAY)
    assert (row.name, row.code, row.province_code, row.province_name) == ("Xã Lượng Minh", "16906", "40", "Nghệ An")
    assert row.short_name == "Lượng Minh"
    assert load_profile(session) == row
    assert row.to_data() == luong_minh()
    assert row.signer_title == "CHỦ TỊCH"


def test_saving_again_updates_the_one_profile(session: Session) -> None:
    first = save_profile(session, luong_minh(), today=TODAY)
    second = save_profile(session, luong_minh(population=5300, code=" 16906 "), today=TODAY)
    assert first.id == second.id and second.population == 5300 and second.code == "16906"
    assert profile_count(session) == 1


def test_changing_commune_before_any_dossier(session: Session) -> None:
    save_profile(session, luong_minh(), today=TODAY)
    row = save_profile(session, luong_minh(code="17254"), today=TODAY)
    assert (row.name, row.code) == ("Xã Con Cuông", "17254")
    assert profile_count(session) == 1


def test_changing_commune_refused_once_dossiers_exist(catalog_session: Session) -> None:
    from storage.catalog import list_procedures
    from storage.dossiers import DossierData, save_dossier

    save_profile(catalog_session, luong_minh(), today=TODAY)
    proc = list_procedures(catalog_session)[0]
    save_dossier(catalog_session, DossierData(proc.id, "Lê Thị Hoa", datetime(2026, 1, 5, 9, 0)), today=TODAY)
    problems = validate_profile(catalog_session, luong_minh(code="17254"), today=TODAY)
    assert [p.field for p in problems] == ["code"]
    assert "đã có 1 hồ sơ của Xã Lượng Minh" in problems[0].vi
    assert "mỗi cơ sở dữ liệu chỉ chứa một xã" in problems[0].vi
    with pytest.raises(ValidationError):
        save_profile(catalog_session, luong_minh(code="17254"), today=TODAY)
    loaded = load_profile(catalog_session)
    assert loaded is not None and loaded.code == "16906"
    # The same commune may still be edited.
    assert save_profile(catalog_session, luong_minh(chairman="Lữ Văn Hà"), today=TODAY).chairman == "Lữ Văn Hà"


@pytest.mark.parametrize(
    ("changes", "field", "vi_fragment"),
    [
        ({"code": ""}, "code", "Chưa chọn xã"),
        ({"code": "99999"}, "code", "Mã xã 99999 không có trong danh mục đơn vị hành chính"),
        ({"code": "Lượng Minh"}, "code", "không có trong danh mục đơn vị hành chính"),
        ({"population": -1, "households": None}, "population", "Dân số không được âm"),
        ({"households": -5, "poor_households": None, "near_poor_households": None}, "households", "Số hộ không"),
        ({"poor_households": -1}, "poor_households", "Số hộ nghèo không được âm"),
        ({"near_poor_households": -1}, "near_poor_households", "Số hộ cận nghèo không được âm"),
        ({"center_staff_count": -1}, "center_staff_count", "không được âm"),
        ({"households": 6000}, "households", "lớn hơn dân số"),
        ({"poor_households": 900}, "poor_households", "lớn hơn tổng số hộ (1163)"),
        ({"ethnic_minority_pct": 100.5}, "ethnic_minority_pct", "từ 0 đến 100"),
        ({"ethnic_minority_pct": -0.1}, "ethnic_minority_pct", "từ 0 đến 100"),
        ({"signer_title": " "}, "signer_title", "chức vụ người ký"),
        ({"dossier_unit_id": "000 00"}, "dossier_unit_id", "khoảng trắng"),
        ({"phone": "0238.3875.123"}, "phone", "chỉ được gồm chữ số"),
        ({"email": "ubnd@"}, "email", "thư điện tử"),
        ({"established_on": date(2026, 7, 1)}, "established_on", "tương lai"),
    ],
)
def test_profile_rules(session: Session, changes: dict[str, object], field: str, vi_fragment: str) -> None:
    data = luong_minh(**changes)
    problems = validate_profile(session, data, today=TODAY)
    assert [p.field for p in problems] == [field]
    assert vi_fragment in problems[0].vi and problems[0].en
    with pytest.raises(ValidationError):
        save_profile(session, data, today=TODAY)
    assert profile_count(session) == 0


def test_minimal_profile(session: Session) -> None:
    row = save_profile(session, ProfileData(code="16855"), today=TODAY)
    assert row.name == "Xã Chiêu Lưu" and row.households is None
    assert poor_share(row) is None


# --- poor share ----------------------------------------------------------------------------


def test_poor_share_luong_minh(session: Session) -> None:
    # Lượng Minh: 975 poor and near-poor households are 83.8% of all households (about 1163).
    row = save_profile(session, luong_minh(), today=TODAY)
    share = poor_share(row)
    assert share is not None
    assert share == pytest.approx(975 / 1163)
    assert round(share * 100, 1) == 83.8


@pytest.mark.parametrize(
    ("households", "poor", "near_poor", "expected"),
    [
        (None, 10, 5, None),
        (0, 0, 0, None),
        (100, None, None, None),
        (100, 10, None, 0.10),
        (100, None, 5, 0.05),
        (200, 30, 20, 0.25),
    ],
)
def test_poor_share(households: int | None, poor: int | None, near_poor: int | None, expected: float | None) -> None:
    data = ProfileData(code="16906", households=households, poor_households=poor, near_poor_households=near_poor)
    assert poor_share(data) == (pytest.approx(expected) if expected is not None else None)
