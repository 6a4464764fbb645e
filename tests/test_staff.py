"""Staff records: every validation rule, the in-post boundary days, search, name order, re-import lookup."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.errors import NotFoundError, UserError, ValidationError
from storage.models import Staff
from storage.staff import (
    StaffData,
    age_on,
    delete_staff,
    find_staff,
    get_staff,
    in_post,
    in_post_clause,
    list_staff,
    load_staff,
    save_staff,
    validate_staff,
)
from storage.units import find_unit, seed_default_units
from storage.vocab import Gender, ITLevel, PoliticalTheory, ProfessionalLevel, StaffCategory, StaffOrigin

TODAY = date(2026, 1, 15)


def person(full_name: str = "Nguyễn Văn An", **changes: object) -> StaffData:
    base = StaffData(
        full_name=full_name,
        gender=Gender.MALE,
        category=StaffCategory.CONG_CHUC,
        start_date=date(2020, 3, 1),
        birth_date=date(1985, 6, 20),
    )
    return dataclasses.replace(base, **changes)


def staff_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Staff)) or 0


@pytest.fixture
def units(session: Session) -> Session:
    seed_default_units(session)
    return session


# --- in post: one rule, Python and SQL ---------------------------------------------------------


def test_in_post_boundaries() -> None:
    start, end = date(2025, 7, 1), date(2025, 8, 1)
    assert not in_post(start, end, date(2025, 6, 30))
    assert in_post(start, end, start)  # the start day counts
    assert in_post(start, end, date(2025, 7, 31))  # the last day in post
    assert not in_post(start, end, end)  # end_date is the first day out
    assert in_post(start, None, date(2099, 1, 1))


def test_in_post_clause_agrees_with_in_post(session: Session) -> None:
    periods = [
        (date(2025, 7, 1), None),
        (date(2025, 7, 1), date(2025, 7, 2)),  # one day in post
        (date(2025, 7, 3), date(2025, 7, 10)),
        (date(2025, 6, 1), date(2025, 7, 5)),
        (date(2025, 7, 8), None),
    ]
    ids = [
        save_staff(session, person(f"Người Số {i}", start_date=s, end_date=e, birth_date=None), today=TODAY)
        for i, (s, e) in enumerate(periods)
    ]
    day = date(2025, 5, 30)
    while day <= date(2025, 7, 15):
        in_sql = set(session.scalars(select(Staff.id).where(in_post_clause(day))))
        in_py = {i for i, (s, e) in zip(ids, periods, strict=True) if in_post(s, e, day)}
        assert in_sql == in_py, day
        assert {r.id for r in list_staff(session, on=day)} == in_py, day
        assert {r.id for r in list_staff(session) if r.in_post(day)} == in_py, day
        day += timedelta(days=1)


def test_headcount_boundary_days_through_list_staff(session: Session) -> None:
    sid = save_staff(session, person(start_date=date(2025, 7, 1), end_date=date(2025, 8, 1)), today=TODAY)
    assert [r.id for r in list_staff(session, on=date(2025, 7, 1))] == [sid]
    assert [r.id for r in list_staff(session, on=date(2025, 7, 31))] == [sid]
    assert list_staff(session, on=date(2025, 6, 30)) == []
    assert list_staff(session, on=date(2025, 8, 1)) == []
    assert [r.id for r in list_staff(session)] == [sid]  # without a date: everyone, former staff too


# --- saving and loading ----------------------------------------------------------------------


def test_save_load_round_trip(units: Session) -> None:
    unit = find_unit(units, "TTPVHCC")
    assert unit is not None
    data = person(
        "Trần Thị Bình",
        gender=Gender.FEMALE,
        category=StaffCategory.VIEN_CHUC,
        ethnicity="Thái",
        religion="Công giáo",
        party_member=True,
        position="Chuyên viên",
        unit_id=unit.id,
        origin=StaffOrigin.FORMER_DISTRICT,
        origin_note="Từ UBND huyện Tương Dương",
        end_date=date(2026, 6, 1),
        end_reason="Nghỉ hưu",
        professional_level=ProfessionalLevel.UNIVERSITY,
        professional_field="Luật",
        political_theory=PoliticalTheory.INTERMEDIATE,
        it_level=ITLevel.BASIC,
        ethnic_language=True,
        works_at_center=True,
        has_signature=True,
        signature_expiry=date(2027, 1, 1),
        phone="+84 912 345 678",
        notes="ghi chú",
    )
    sid = save_staff(units, data, today=TODAY)
    assert load_staff(units, sid) == data
    row = get_staff(units, sid)
    assert row is not None
    assert row.unit_name == "Trung tâm Phục vụ hành chính công"
    assert row.gender is Gender.FEMALE and row.category is StaffCategory.VIEN_CHUC
    assert row.works_at_center and row.has_signature and row.signature_expiry == date(2027, 1, 1)
    assert row.professional_level is ProfessionalLevel.UNIVERSITY
    assert row.age_on(date(2026, 1, 1)) == 40
    assert units.get(Staff, sid).search_name == "tran thi binh"  # type: ignore[union-attr]


def test_update_keeps_one_record(session: Session) -> None:
    sid = save_staff(session, person(), today=TODAY)
    assert save_staff(session, person(position="Phó Chủ tịch"), sid, today=TODAY) == sid
    assert staff_count(session) == 1
    assert load_staff(session, sid).position == "Phó Chủ tịch"


def test_name_is_normalised(session: Session) -> None:
    sid = save_staff(session, person(unicodedata.normalize("NFD", "  Nguyễn   Văn  An ")), today=TODAY)
    stored = session.get(Staff, sid)
    assert stored is not None
    assert stored.full_name == "Nguyễn Văn An"
    assert stored.full_name == unicodedata.normalize("NFC", stored.full_name)
    assert stored.search_name == "nguyen van an"


def test_save_unknown_id(session: Session) -> None:
    with pytest.raises(NotFoundError):
        save_staff(session, person(), 999, today=TODAY)
    with pytest.raises(NotFoundError):
        load_staff(session, 999)
    assert get_staff(session, 999) is None


# --- validation: each bad input its own message, nothing stored ------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "vi_fragment"),
    [
        ({"full_name": "   "}, "full_name", "Chưa nhập họ và tên"),
        ({"full_name": "A" * 201}, "full_name", "dài quá 200"),
        ({"end_date": date(2020, 3, 1)}, "end_date", "phải sau ngày bắt đầu"),
        ({"end_date": date(2019, 12, 31)}, "end_date", "phải sau ngày bắt đầu"),
        ({"birth_date": date(2026, 2, 1), "start_date": date(2026, 3, 1)}, "birth_date", "ở tương lai"),
        ({"birth_date": date(2020, 3, 1)}, "birth_date", "phải trước ngày bắt đầu"),
        ({"birth_date": date(2005, 3, 2)}, "birth_date", "Tuổi khi bắt đầu công tác là 14"),
        ({"birth_date": date(1939, 2, 28)}, "birth_date", "Tuổi khi bắt đầu công tác là 81"),
        ({"start_date": date(2027, 1, 17), "birth_date": None}, "start_date", "quá xa trong tương lai"),
        ({"signature_expiry": date(2027, 1, 1)}, "signature_expiry", "chưa đánh dấu"),
        ({"unit_id": 999}, "unit", "Đơn vị không có"),
        ({"phone": "0912-345-678"}, "phone", "chỉ được gồm chữ số"),
        ({"phone": "09a12"}, "phone", "chỉ được gồm chữ số"),
        ({"phone": "0912+345"}, "phone", "chỉ được gồm chữ số"),
        ({"end_reason": "Nghỉ hưu"}, "end_reason", "chưa nhập ngày thôi công tác"),
        ({"gender": "X"}, "gender", "Giới tính không hợp lệ"),
        ({"category": "nobody"}, "category", "Loại cán bộ, công chức không hợp lệ"),
        ({"it_level": "guru"}, "it_level", "Tin học không hợp lệ"),
    ],
)
def test_each_rule_has_its_own_message(
    session: Session, changes: dict[str, object], field: str, vi_fragment: str
) -> None:
    data = person(**changes)
    problems = validate_staff(session, data, today=TODAY)
    assert [p.field for p in problems] == [field]
    assert vi_fragment in problems[0].vi
    assert problems[0].en and problems[0].en != problems[0].vi
    with pytest.raises(ValidationError) as err:
        save_staff(session, data, today=TODAY)
    assert vi_fragment in err.value.message("vi")
    assert staff_count(session) == 0


@pytest.mark.parametrize(
    "changes",
    [
        {"birth_date": date(2005, 3, 1)},  # exactly 15 at start
        {"birth_date": date(1939, 3, 2)},  # 80 and 364 days at start
        {"birth_date": None},
        {"start_date": date(2027, 1, 15), "birth_date": None},  # appointment up to a year ahead
        {"end_date": date(2020, 3, 2)},  # one day in post
        {"end_date": date(2030, 1, 1), "end_reason": "Nghỉ hưu"},  # planned retirement
        {"has_signature": True},  # signature without a known expiry
        {"phone": "+84 912 345 678"},
        {"phone": ""},
        {"gender": "F", "category": "can_bo"},  # codes as an importer may pass them
    ],
)
def test_valid_edge_cases(session: Session, changes: dict[str, object]) -> None:
    assert validate_staff(session, person(**changes), today=TODAY) == []


def test_several_problems_reported_together(session: Session) -> None:
    data = person("", end_date=date(2019, 1, 1), phone="abc", unit_id=42)
    fields = {p.field for p in validate_staff(session, data, today=TODAY)}
    assert fields == {"full_name", "end_date", "phone", "unit"}


def test_age_on() -> None:
    assert age_on(date(1985, 6, 20), date(2025, 6, 19)) == 39
    assert age_on(date(1985, 6, 20), date(2025, 6, 20)) == 40
    assert age_on(date(2000, 2, 29), date(2021, 2, 28)) == 20


# --- listing, search and order ---------------------------------------------------------------


NAMES = [
    "Trần Thị Bình",
    "Nguyễn Văn An",
    "Hoàng Văn Đức",
    "Lê Văn An",
    "Phạm Văn Dũng",
    "Đỗ Thị Ánh",
    "Vi Văn Ân",
    "Lò Thị Ơn",
    "Lương Văn Ôn",
    "Nguyễn Văn On",
]


@pytest.fixture
def people(session: Session) -> Session:
    for i, name in enumerate(NAMES):
        save_staff(session, person(name, birth_date=date(1980 + i, 1, 1)), today=TODAY)
    return session


def test_vietnamese_name_order(people: Session) -> None:
    # By given name in Vietnamese alphabet order (a < ă < â, d < đ, o < ô < ơ), then family and middle names.
    assert [r.full_name for r in list_staff(people)] == [
        "Lê Văn An",
        "Nguyễn Văn An",
        "Đỗ Thị Ánh",
        "Vi Văn Ân",
        "Trần Thị Bình",
        "Phạm Văn Dũng",
        "Hoàng Văn Đức",
        "Nguyễn Văn On",
        "Lương Văn Ôn",
        "Lò Thị Ơn",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen van", {"Nguyễn Văn An", "Nguyễn Văn On"}),
        ("TRẦN thị", {"Trần Thị Bình"}),
        ("binh tran", {"Trần Thị Bình"}),  # word order does not matter
        ("nguyen an", {"Nguyễn Văn An", "Nguyễn Văn On"}),  # words match inside words ("an" in "văn")
        ("duc", {"Hoàng Văn Đức"}),
        ("đức", {"Hoàng Văn Đức"}),
        ("thi", {"Trần Thị Bình", "Đỗ Thị Ánh", "Lò Thị Ơn"}),
        ("  ", set(NAMES)),
        ("%", set()),  # LIKE wildcards are literal
        ("_", set()),
        ("xyz", set()),
    ],
)
def test_search_without_diacritics(people: Session, query: str, expected: set[str]) -> None:
    assert {r.full_name for r in list_staff(people, search=query)} == expected


def test_search_decomposed_query(people: Session) -> None:
    assert {r.full_name for r in list_staff(people, search=unicodedata.normalize("NFD", "Bình"))} == {"Trần Thị Bình"}


def test_filters_by_unit_and_category(units: Session) -> None:
    pkt = find_unit(units, "phong kinh te")
    vp = find_unit(units, "VP")
    assert pkt is not None and vp is not None
    a = save_staff(units, person("Nguyễn Văn An", unit_id=pkt.id), today=TODAY)
    b = save_staff(units, person("Trần Thị Bình", unit_id=vp.id, category=StaffCategory.HOP_DONG), today=TODAY)
    c = save_staff(units, person("Lê Văn Cường", unit_id=pkt.id, category=StaffCategory.HOP_DONG), today=TODAY)
    assert [r.id for r in list_staff(units, unit_id=pkt.id)] == [a, c]  # An < Cường
    assert [r.id for r in list_staff(units, category=StaffCategory.HOP_DONG)] == [b, c]
    assert [r.id for r in list_staff(units, unit_id=pkt.id, category=StaffCategory.HOP_DONG)] == [c]
    assert [r.id for r in list_staff(units, unit_id=vp.id, search="binh", on=date(2025, 1, 1))] == [b]
    assert list_staff(units, unit_id=vp.id, search="binh", on=date(2019, 1, 1)) == []
    assert [r.unit_name for r in list_staff(units, search="cuong")] == ["Phòng Kinh tế"]


# --- re-import lookup -----------------------------------------------------------------------


def test_find_staff_for_reimport(session: Session) -> None:
    sid = save_staff(session, person("Nguyễn Văn An", birth_date=date(1985, 6, 20)), today=TODAY)
    save_staff(session, person("Nguyễn Văn An", birth_date=date(1990, 1, 1)), today=TODAY)  # a namesake
    assert find_staff(session, "Nguyễn Văn An", date(1985, 6, 20)) == sid
    assert find_staff(session, "nguyen  van AN", date(1985, 6, 20)) == sid  # as an import file may spell it
    assert find_staff(session, "Nguyễn Văn An", date(1985, 6, 21)) is None
    assert find_staff(session, "Nguyễn Văn", date(1985, 6, 20)) is None  # whole name, not a prefix
    assert find_staff(session, "", date(1985, 6, 20)) is None
    assert find_staff(session, "Nguyễn Văn An", None) is None


def test_find_staff_without_birth_date(session: Session) -> None:
    sid = save_staff(session, person("Lò Văn Hùng", birth_date=None), today=TODAY)
    assert find_staff(session, "lo van hung", None) == sid
    assert find_staff(session, "lo van hung", date(1980, 1, 1)) is None


def test_reimport_does_not_duplicate(session: Session) -> None:
    rows = [("Nguyễn Văn An", date(1985, 6, 20), "Chuyên viên"), ("Trần Thị Bình", date(1990, 2, 1), "")]

    def run_import(position_suffix: str) -> None:
        for name, birth, position in rows:
            data = person(name, birth_date=birth, position=position + position_suffix)
            save_staff(session, data, find_staff(session, name, birth), today=TODAY)

    run_import("")
    run_import(" (cập nhật)")
    assert staff_count(session) == 2
    sid = find_staff(session, "nguyen van an", date(1985, 6, 20))
    assert sid is not None
    assert load_staff(session, sid).position == "Chuyên viên (cập nhật)"


def test_find_staff_prefers_latest_record(session: Session) -> None:
    old = save_staff(session, person(start_date=date(2010, 1, 1), end_date=date(2015, 1, 1)), today=TODAY)
    new = save_staff(session, person(start_date=date(2020, 1, 1)), today=TODAY)
    assert old != new
    assert find_staff(session, "Nguyễn Văn An", date(1985, 6, 20)) == new


# --- delete with undo -----------------------------------------------------------------------


def test_delete_returns_data_for_undo(session: Session) -> None:
    data = person(phone="0912 345 678")
    sid = save_staff(session, data, today=TODAY)
    assert delete_staff(session, sid) == data
    assert staff_count(session) == 0
    with pytest.raises(NotFoundError):
        delete_staff(session, sid)
    restored = save_staff(session, data, today=TODAY)
    assert load_staff(session, restored) == data


def test_delete_refused_while_handling_dossiers(catalog_session: Session) -> None:
    from storage.catalog import list_procedures
    from storage.dossiers import DossierData, save_dossier

    sid = save_staff(catalog_session, person(), today=TODAY)
    proc = list_procedures(catalog_session)[0]
    save_dossier(
        catalog_session,
        DossierData(proc.id, "Lê Thị Hoa", datetime(2026, 1, 5, 9, 0), handler_id=sid),
        today=TODAY,
    )
    with pytest.raises(UserError) as err:
        delete_staff(catalog_session, sid)
    assert "người xử lý của 1 hồ sơ" in err.value.message("vi")
    assert "ngày thôi công tác" in err.value.message("vi")
    assert staff_count(catalog_session) == 1
