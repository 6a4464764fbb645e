"""IT equipment checklist: validation, the one shortage rule (Python and SQL), lists and lookups."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.equipment import (
    EquipmentData,
    delete_equipment,
    expiring_signatures,
    find_equipment,
    get_equipment,
    list_equipment,
    load_equipment,
    save_equipment,
    shortage,
    shortage_clause,
    validate_equipment,
)
from storage.errors import NotFoundError, ValidationError
from storage.models import Equipment, Unit
from storage.vocab import EquipmentKind

K = EquipmentKind
TODAY = date(2025, 8, 1)
INV = date(2025, 7, 15)


def _unit(session: Session, name: str = "Trung tâm Phục vụ hành chính công", **kw: object) -> int:
    u = Unit(name=name, **kw)
    session.add(u)
    session.flush()
    return u.id


def _line(kind: EquipmentKind = K.DESKTOP, **kw: object) -> EquipmentData:
    return EquipmentData(kind=kind, inventory_date=kw.pop("inventory_date", INV), **kw)  # type: ignore[arg-type]


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Equipment)) or 0


def _save(session: Session, data: EquipmentData, line_id: int | None = None) -> int:
    return save_equipment(session, data, line_id, today=TODAY)


def _rejected(session: Session, data: EquipmentData, field: str) -> list[str]:
    """Save must fail on ``field``, store nothing, and return the Vietnamese messages for it."""
    before = _count(session)
    with pytest.raises(ValidationError) as exc:
        _save(session, data)
    assert _count(session) == before
    msgs = [p.vi for p in exc.value.problems if p.field == field]
    assert msgs, exc.value.problems
    for p in exc.value.problems:
        assert p.en and p.en != p.vi  # every message has its English twin
    return msgs


# --- saving and loading ---------------------------------------------------------------------------


def test_save_load_roundtrip(session: Session) -> None:
    unit = _unit(session)
    data = _line(
        K.PRINTER,
        required=4,
        available=3,
        working=2,
        description="Máy in laser A4",
        unit_id=unit,
        condition_notes="1 máy kẹt giấy",
    )
    line = _save(session, data)
    assert load_equipment(session, line) == data
    row = get_equipment(session, line)
    assert row is not None
    assert (row.kind, row.kind_label, row.unit_name) == (K.PRINTER, "Máy in", "Trung tâm Phục vụ hành chính công")
    assert (row.required, row.available, row.working, row.broken, row.shortage) == (4, 3, 2, 1, 2)


def test_text_is_trimmed_and_integral_floats_stored_as_int(session: Session) -> None:
    line = _save(session, _line(required=3.0, available=2.0, working=2, description="  Máy tính  "))  # type: ignore[arg-type]
    data = load_equipment(session, line)
    assert data.description == "Máy tính"
    assert (data.required, data.available) == (3, 2)
    assert type(data.required) is int


def test_update_keeps_id_and_is_not_a_duplicate_of_itself(session: Session) -> None:
    line = _save(session, _line(required=2, description="Máy tính"))
    assert _save(session, _line(required=5, available=1, working=1, description="Máy tính"), line) == line
    assert _count(session) == 1
    assert load_equipment(session, line).required == 5


def test_update_unknown_line(session: Session) -> None:
    with pytest.raises(NotFoundError):
        _save(session, _line(), 999)
    with pytest.raises(NotFoundError):
        load_equipment(session, 999)
    assert get_equipment(session, 999) is None


def test_delete_returns_data_for_undo(session: Session) -> None:
    data = _line(K.SCANNER, required=1, description="Máy scan")
    line = _save(session, data)
    assert delete_equipment(session, line) == data
    assert _count(session) == 0
    _save(session, data)  # undo
    assert _count(session) == 1
    with pytest.raises(NotFoundError):
        delete_equipment(session, 999)


# --- validation: each bad input, its own message, nothing stored ----------------------------------


@pytest.mark.parametrize(
    ("field", "label"),
    [("required", "Số lượng cần có"), ("available", "Số hiện có"), ("working", "Số đang hoạt động")],
)
def test_negative_counts(session: Session, field: str, label: str) -> None:
    msgs = _rejected(session, _line(**{field: -1}), field)
    assert msgs == [f"{label} (-1) không được âm."]


@pytest.mark.parametrize("field", ["required", "available", "working"])
@pytest.mark.parametrize("value", [2.5, "3", None, True])
def test_counts_must_be_whole_numbers(session: Session, field: str, value: object) -> None:
    data = _line(required=5, available=5, working=5)
    msgs = _rejected(session, replace(data, **{field: value}), field)
    assert "phải là số nguyên" in msgs[0]


@pytest.mark.parametrize("field", ["required", "available", "working"])
def test_counts_upper_bound(session: Session, field: str) -> None:
    msgs = _rejected(session, _line(**{field: 100_001}), field)
    assert "quá lớn (tối đa 100.000)" in msgs[0]
    _save(session, _line(required=100_000, available=100_000, working=100_000))  # the bound itself is fine


def test_working_more_than_available(session: Session) -> None:
    msgs = _rejected(session, _line(available=3, working=5), "working")
    assert msgs == ["Số đang hoạt động (5) lớn hơn số hiện có (3)."]


def test_inventory_date_in_future(session: Session) -> None:
    msgs = _rejected(session, _line(inventory_date=date(2025, 8, 2)), "inventory_date")
    assert msgs == ["Ngày kiểm kê 02/08/2025 ở tương lai."]
    _save(session, _line(inventory_date=TODAY))  # today itself is fine


def test_inventory_date_before_2000(session: Session) -> None:
    msgs = _rejected(session, _line(inventory_date=date(1999, 12, 31)), "inventory_date")
    assert msgs == ["Ngày kiểm kê không hợp lệ (trước năm 2000)."]


@pytest.mark.parametrize("kind", [k for k in K if k != K.SIGNATURE and k != K.OTHER])
def test_expiry_only_for_signatures(session: Session, kind: EquipmentKind) -> None:
    msgs = _rejected(session, _line(kind, expiry_date=date(2026, 1, 1)), "expiry_date")
    assert msgs[0].startswith("Chỉ chứng thư số, chữ ký số mới có ngày hết hạn")
    assert kind.label() in msgs[0]


def test_expiry_accepted_for_signatures(session: Session) -> None:
    line = _save(session, _line(K.SIGNATURE, required=3, available=2, working=2, expiry_date=date(2026, 1, 1)))
    assert load_equipment(session, line).expiry_date == date(2026, 1, 1)
    _rejected(session, _line(K.SIGNATURE, description="Cá nhân", expiry_date=date(1990, 1, 1)), "expiry_date")


def test_unknown_unit(session: Session) -> None:
    msgs = _rejected(session, _line(unit_id=42), "unit")
    assert msgs == ["Đơn vị không có trong danh sách đơn vị của xã."]


def test_other_kind_needs_a_description(session: Session) -> None:
    msgs = _rejected(session, _line(K.OTHER, description="  "), "description")
    assert "phải ghi rõ tên thiết bị" in msgs[0]
    _save(session, _line(K.OTHER, description="Máy chiếu"))


def test_description_too_long(session: Session) -> None:
    msgs = _rejected(session, _line(description="x" * 301), "description")
    assert "dài quá 300 ký tự" in msgs[0]


def test_unknown_kind(session: Session) -> None:
    msgs = _rejected(session, _line("fax"), "kind")  # type: ignore[arg-type]
    assert msgs == ["Loại thiết bị «fax» không có trong danh mục."]


def test_duplicate_line_refused(session: Session) -> None:
    unit = _unit(session)
    _save(session, _line(K.SCANNER, description="Máy scan A4", unit_id=unit))
    msgs = _rejected(session, _line(K.SCANNER, description="MAY SCAN  a4", unit_id=unit), "description")
    assert "hãy sửa dòng đó" in msgs[0]
    _save(session, _line(K.SCANNER, description="Máy scan A4"))  # another unit (none): a separate line


def test_several_problems_reported_together(session: Session) -> None:
    with pytest.raises(ValidationError) as exc:
        _save(session, _line(required=-2, available=1, working=4, inventory_date=date(2030, 1, 1), unit_id=7))
    assert {p.field for p in exc.value.problems} == {"required", "working", "inventory_date", "unit"}
    assert _count(session) == 0


def test_validate_defaults_to_today(session: Session) -> None:
    assert validate_equipment(session, _line(inventory_date=date.today())) == []


# --- the shortage rule ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("required", "working", "expected"),
    [(0, 0, 0), (5, 0, 5), (5, 3, 2), (5, 5, 0), (2, 7, 0), (0, 4, 0), (100_000, 1, 99_999)],
)
def test_shortage_python(required: int, working: int, expected: int) -> None:
    assert shortage(required, working) == expected


def test_shortage_sql_agrees_with_python(session: Session) -> None:
    units = [None, _unit(session, "Văn phòng HĐND và UBND"), _unit(session, "Phòng Kinh tế")]
    cases = [(0, 0, 0), (5, 0, 0), (5, 3, 3), (5, 5, 5), (2, 9, 7), (0, 4, 4), (10, 6, 1), (1, 1, 0), (7, 7, 7)]
    kinds = list(K)
    for i, (req, avail, work) in enumerate(cases):
        kind = kinds[i % len(kinds)]
        desc = f"Dòng {i}"
        _save(session, _line(kind, required=req, available=avail, working=work, description=desc, unit_id=units[i % 3]))
    rows = list_equipment(session)
    assert len(rows) == len(cases)
    for r in rows:
        assert r.shortage == shortage(r.required, r.working)
        assert r.broken == r.available - r.working
    raw = session.execute(select(Equipment.required, Equipment.working, shortage_clause())).all()
    assert [s for _, _, s in raw] == [shortage(req, work) for req, work, _ in raw]
    total_sql = session.scalar(select(func.sum(shortage_clause())))
    assert total_sql == sum(shortage(req, work) for req, _, work in cases)
    only = list_equipment(session, shortage_only=True)
    assert {r.id for r in only} == {r.id for r in rows if shortage(r.required, r.working) > 0}
    assert all(r.shortage > 0 for r in only)


# --- lists, filters, search -----------------------------------------------------------------------


@pytest.fixture
def checklist(session: Session) -> dict[str, int]:
    center = _unit(session, "Trung tâm Phục vụ hành chính công", is_service_center=True)
    office = _unit(session, "Văn phòng HĐND và UBND")
    ids = {
        "scanner": _save(session, _line(K.SCANNER, required=2, available=1, working=0, unit_id=center)),
        "desk_b": _save(
            session, _line(K.DESKTOP, required=5, available=5, working=5, description="Đời cũ", unit_id=office)
        ),
        "desk_a": _save(
            session,
            _line(
                K.DESKTOP,
                required=6,
                available=4,
                working=3,
                description="Dell Optiplex",
                unit_id=center,
                condition_notes="1 máy hỏng ổ cứng",
            ),
        ),
        "queue": _save(session, _line(K.QUEUE_MACHINE, required=1, unit_id=center)),
        "ups": _save(session, _line(K.UPS, required=0, available=2, working=2)),
    }
    ids["center"], ids["office"] = center, office
    return ids


def test_list_order_kind_then_description(session: Session, checklist: dict[str, int]) -> None:
    rows = list_equipment(session)
    assert [r.id for r in rows] == [checklist[k] for k in ("desk_a", "desk_b", "scanner", "queue", "ups")]
    assert rows[-1].unit_name == ""


def test_filter_by_kind_and_unit(session: Session, checklist: dict[str, int]) -> None:
    assert {r.id for r in list_equipment(session, kind=K.DESKTOP)} == {checklist["desk_a"], checklist["desk_b"]}
    center = {r.id for r in list_equipment(session, unit_id=checklist["center"])}
    assert center == {checklist["scanner"], checklist["desk_a"], checklist["queue"]}
    both = list_equipment(session, kind=K.DESKTOP, unit_id=checklist["office"])
    assert [r.id for r in both] == [checklist["desk_b"]]


def test_filter_shortage_only(session: Session, checklist: dict[str, int]) -> None:
    rows = list_equipment(session, shortage_only=True)
    assert [(r.id, r.shortage) for r in rows] == [
        (checklist["desk_a"], 3),
        (checklist["scanner"], 2),
        (checklist["queue"], 1),
    ]


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("may scan", {"scanner"}),  # the kind's label, without diacritics
        ("MÁY SCAN", {"scanner"}),
        ("dell", {"desk_a"}),
        ("o cung", {"desk_a"}),  # condition notes
        ("doi cu", {"desk_b"}),  # đ folds to d
        ("may tinh", {"desk_a", "desk_b"}),
        ("hong dell", {"desk_a"}),  # every word, in any order
        ("camera", set()),
        ("", {"scanner", "desk_a", "desk_b", "queue", "ups"}),
    ],
)
def test_search_without_diacritics(session: Session, checklist: dict[str, int], query: str, keys: set[str]) -> None:
    assert {r.id for r in list_equipment(session, search=query)} == {checklist[k] for k in keys}


def test_search_combines_with_filters(session: Session, checklist: dict[str, int]) -> None:
    rows = list_equipment(session, search="may tinh", shortage_only=True)
    assert [r.id for r in rows] == [checklist["desk_a"]]


# --- re-import lookup -----------------------------------------------------------------------------


def test_find_equipment_for_reimport(session: Session, checklist: dict[str, int]) -> None:
    center, office = checklist["center"], checklist["office"]
    assert find_equipment(session, K.DESKTOP, "dell optiplex", center) == checklist["desk_a"]
    assert find_equipment(session, K.DESKTOP, "  DELL   Optiplex ", center) == checklist["desk_a"]
    assert find_equipment(session, K.DESKTOP, "Đời cũ", office) == checklist["desk_b"]
    assert find_equipment(session, K.DESKTOP, "doi cu", office) == checklist["desk_b"]
    assert find_equipment(session, K.SCANNER, "", center) == checklist["scanner"]
    assert find_equipment(session, K.UPS, "", None) == checklist["ups"]
    assert find_equipment(session, K.DESKTOP, "Dell Optiplex", office) is None  # other unit
    assert find_equipment(session, K.LAPTOP, "Dell Optiplex", center) is None  # other kind
    assert find_equipment(session, K.UPS, "", center) is None  # unit vs no unit
    assert find_equipment(session, K.SCANNER, "Canon", center) is None


def test_reimport_updates_instead_of_duplicating(session: Session, checklist: dict[str, int]) -> None:
    incoming = _line(
        K.DESKTOP, required=8, available=6, working=6, description="DELL OPTIPLEX", unit_id=checklist["center"]
    )
    line = find_equipment(session, incoming.kind, incoming.description, incoming.unit_id)
    assert line == checklist["desk_a"]
    before = _count(session)
    _save(session, incoming, line)
    assert _count(session) == before
    row = get_equipment(session, checklist["desk_a"])
    assert row is not None and (row.required, row.working, row.shortage) == (8, 6, 2)


# --- digital-signature expiry ---------------------------------------------------------------------


def test_expiring_signatures(session: Session) -> None:
    on = date(2025, 8, 1)
    sig = {
        "expired": _save(session, _line(K.SIGNATURE, description="Chủ tịch", expiry_date=date(2025, 7, 1))),
        "soon": _save(session, _line(K.SIGNATURE, description="Tổ chức", expiry_date=date(2025, 8, 20))),
        "edge": _save(session, _line(K.SIGNATURE, description="Phó Chủ tịch", expiry_date=date(2025, 9, 30))),
        "later": _save(session, _line(K.SIGNATURE, description="Văn thư", expiry_date=date(2025, 10, 1))),
        "none": _save(session, _line(K.SIGNATURE, description="Chưa rõ")),
    }
    _save(session, _line(K.DESKTOP, description="Máy tính"))
    rows = expiring_signatures(session, on)
    assert [r.id for r in rows] == [sig["expired"], sig["soon"], sig["edge"]]  # 60 days: up to 30/09 inclusive
    assert [r.days_to_expiry(on) for r in rows] == [-31, 19, 60]
    assert [r.id for r in expiring_signatures(session, on, within_days=30)] == [sig["expired"], sig["soon"]]
    assert [r.id for r in expiring_signatures(session, on, within_days=0)] == [sig["expired"]]
    assert len(expiring_signatures(session, on, within_days=365)) == 4
    assert get_equipment(session, sig["none"]).days_to_expiry(on) is None  # type: ignore[union-attr]
