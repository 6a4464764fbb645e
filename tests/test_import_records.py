"""Importing staff, equipment, proposals, the procedure catalog and the holiday calendar.

For each kind: a good file in every format imports and a re-import changes nothing; bad rows
are reported by row and column and nothing is stored.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from test_import_common import FORMATS, problem_cells, write_csv, write_file

from storage.calendar import DayKind
from storage.calendar_store import list_days
from storage.catalog import find_procedure
from storage.equipment import list_equipment
from storage.errors import ValidationError
from storage.importing import preview_import, run_import
from storage.models import CalendarEntry, Equipment, Procedure, Proposal, Staff
from storage.proposals import list_proposals
from storage.staff import find_staff, load_staff
from storage.units import find_unit, seed_default_units
from storage.vocab import EquipmentKind, Gender, ProfessionalLevel, ProposalStatus, StaffCategory

TODAY = date(2026, 1, 15)


@pytest.fixture
def s(catalog_session: Session) -> Session:
    seed_default_units(catalog_session)
    return catalog_session


def _count(s: Session, model) -> int:  # type: ignore[no-untyped-def]
    return s.scalar(select(func.count()).select_from(model)) or 0


def _typed(rows: list[list[object]]) -> list[list[object]]:
    """Date cells as Excel date cells, digit cells as numbers."""
    out = []
    for r in rows:
        cells: list[object] = []
        for v in r:
            if isinstance(v, str) and len(v) == 10 and v[2] == "/" and v[5] == "/":
                cells.append(datetime.strptime(v, "%d/%m/%Y"))
            elif isinstance(v, str) and v.isdigit() and not v.startswith("0"):
                cells.append(int(v))
            else:
                cells.append(v)
        out.append(cells)
    return out


def _good(s: Session, tmp_path: Path, kind: str, fmt: str, header: list[str], rows: list[list[object]]):  # type: ignore[no-untyped-def]
    path = write_file(tmp_path, fmt, [header, *(_typed(rows) if fmt == "xlsx" else rows)])
    preview = preview_import(s, kind, path, today=TODAY)
    assert preview.problems == []
    first = run_import(s, kind, path, today=TODAY)
    assert (first.created + first.updated + first.unchanged, first.rows) == (len(rows), len(rows))
    again = run_import(s, kind, path, today=TODAY)
    assert (again.created, again.updated, again.unchanged) == (0, 0, len(rows))
    return first


def _bad(s: Session, tmp_path: Path, kind: str, header: list[str], rows: list[list[object]], model):  # type: ignore[no-untyped-def]
    before = _count(s, model)
    path = write_csv(tmp_path / "bad.csv", [header, *rows])
    preview = preview_import(s, kind, path, today=TODAY)
    with pytest.raises(ValidationError) as exc:
        run_import(s, kind, path, today=TODAY)
    assert exc.value.problems == preview.problems
    assert _count(s, model) == before
    return exc.value.problems


# --- staff ------------------------------------------------------------------------------------

STAFF_HEADER = ["Họ và tên", "Giới tính", "Ngày sinh", "Loại cán bộ, công chức", "Ngày bắt đầu công tác", "Đơn vị",
                "Đảng viên", "Trình độ chuyên môn", "Có chữ ký số", "Hạn chữ ký số", "Số điện thoại"]  # fmt: skip
STAFF = [
    ["Nguyễn Văn An", "Nam", "12/03/1980", "Cán bộ", "01/07/2025", "Lãnh đạo HĐND, UBND", "Có", "Đại học", "x",
     "31/12/2027", "0912345678"],
    ["Lô Thị Hoa", "nu", "05/09/1992", "cong chuc", "01/07/2025", "PVHXH", "", "Thạc sĩ", "", "", ""],
    ["Vi Văn Bình", "Male", "", "Hợp đồng lao động", "15/08/2025", "", "không", "", "", "", ""],
]  # fmt: skip


@pytest.mark.parametrize("fmt", FORMATS)
def test_staff_good_file_and_reimport(s: Session, tmp_path: Path, fmt: str) -> None:
    result = _good(s, tmp_path, "staff", fmt, STAFF_HEADER, STAFF)
    assert result.created == 3
    an = load_staff(s, find_staff(s, "nguyen van an", date(1980, 3, 12)) or 0)
    assert an.party_member and an.has_signature and an.signature_expiry == date(2027, 12, 31)
    assert an.unit_id == find_unit(s, "Lãnh đạo HĐND, UBND").id  # type: ignore[union-attr]
    hoa = load_staff(s, find_staff(s, "Lô Thị Hoa", date(1992, 9, 5)) or 0)
    assert (hoa.gender, hoa.category, hoa.professional_level) == (
        Gender.FEMALE, StaffCategory.CONG_CHUC, ProfessionalLevel.MASTER,
    )  # fmt: skip
    binh = load_staff(s, find_staff(s, "Vi Văn Bình", None) or 0)
    assert binh.ethnicity == "Kinh" and binh.unit_id is None  # empty cells take the form's defaults


def test_staff_reimport_updates_the_same_person(s: Session, tmp_path: Path) -> None:
    run_import(s, "staff", write_csv(tmp_path / "a.csv", [STAFF_HEADER, *STAFF]), today=TODAY)
    changed = [list(r) for r in STAFF]
    changed[1][7] = "Tiến sĩ"
    result = run_import(s, "staff", write_csv(tmp_path / "b.csv", [STAFF_HEADER, *changed]), today=TODAY)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    assert _count(s, Staff) == 3


def test_staff_bad_rows(s: Session, tmp_path: Path) -> None:
    rows = [
        STAFF[0],
        ["Lô Thị Hoa", "Nữ", "05/09/1992", "Công chức", "01/07/2025", "Phòng Không Có", "", "", "", "", ""],
        ["Hà Văn C", "Nam", "31/02/1990", "Công chức", "01/07/2025", "", "", "", "", "", ""],
        ["Hà Văn D", "Gà", "01/02/1990", "Công chức", "01/07/2025", "", "", "", "", "", ""],
        ["", "Nam", "01/02/1990", "Công chức", "01/07/2025", "", "", "", "", "", ""],
        ["Hà Văn E", "Nam", "01/02/2020", "Công chức", "01/07/2025", "", "", "", "", "", ""],
        ["Nguyễn Văn An", "Nam", "12/03/1980", "Cán bộ", "01/07/2025", "", "", "", "", "", ""],
        ["Hà Văn G", "Nam", "01/02/1990", "Công chức", "01/07/2025", "", "có lẽ", "", "", "", "09-12"],
    ]
    problems = _bad(s, tmp_path, "staff", STAFF_HEADER, rows, Staff)
    assert problem_cells(problems) == {
        (3, "Đơn vị"),  # unknown unit
        (4, "Ngày sinh"),  # 31/02
        (5, "Giới tính"),  # unknown enum value
        (6, "Họ và tên"),  # empty required cell
        (7, "Ngày sinh"),  # age 5 at start
        (8, "Họ và tên"),  # same person as row 2
        (9, "Đảng viên"),  # not a yes/no
    }
    unit_problem = next(p for p in problems if p.row == 3)
    assert "Phòng Kinh tế" in unit_problem.vi  # lists the units to choose from


# --- equipment -------------------------------------------------------------------------------

EQUIP_HEADER = ["Loại thiết bị", "Mô tả", "Đơn vị", "Ngày kiểm kê", "Số lượng cần có", "Số hiện có",
                "Số đang hoạt động", "Ngày hết hạn"]  # fmt: skip
EQUIPMENT = [
    ["Máy tính để bàn", "Dell OptiPlex", "Trung tâm Phục vụ hành chính công", "01/07/2025", "6", "5", "4", ""],
    ["may in", "", "TTPVHCC", "01/07/2025", "2", "2", "2", ""],
    ["signature", "Chữ ký số tổ chức", "VP", "2025-07-01", "1", "1", "1", "31/12/2027"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_equipment_good_file_and_reimport(s: Session, tmp_path: Path, fmt: str) -> None:
    assert _good(s, tmp_path, "equipment", fmt, EQUIP_HEADER, EQUIPMENT).created == 3
    rows = {r.kind: r for r in list_equipment(s)}
    assert rows[EquipmentKind.DESKTOP].shortage == 2
    assert rows[EquipmentKind.SIGNATURE].expiry_date == date(2027, 12, 31)


def test_equipment_bad_rows(s: Session, tmp_path: Path) -> None:
    rows = [
        EQUIPMENT[0],
        ["Máy scan", "", "", "01/07/2025", "1", "-1", "0", ""],  # negative count
        ["Máy scan", "A", "", "01/07/2025", "1", "1", "2", ""],  # working > available
        ["Máy scan", "B", "", "01/07/2025", "1", "3.5", "1", ""],  # not a whole number
        ["Tàu vũ trụ", "", "", "01/07/2025", "1", "1", "1", ""],  # unknown kind
        ["Máy scan", "C", "Phòng Vũ trụ", "01/07/2025", "1", "1", "1", ""],  # unknown unit
        ["Máy tính để bàn", "dell optiplex", "TTPVHCC", "01/07/2025", "1", "1", "1", ""],  # same line as row 2
        ["Máy scan", "D", "", "", "1", "1", "1", ""],  # empty required date
    ]
    problems = _bad(s, tmp_path, "equipment", EQUIP_HEADER, rows, Equipment)
    assert problem_cells(problems) == {
        (3, "Số hiện có"),
        (4, "Số đang hoạt động"),
        (5, "Số hiện có"),
        (6, "Loại thiết bị"),
        (7, "Đơn vị"),
        (8, "Loại thiết bị"),
        (9, "Ngày kiểm kê"),
    }
    assert "không được âm" in next(p for p in problems if p.row == 3).vi


# --- proposals -------------------------------------------------------------------------------

PROP_HEADER = ["Nhóm kiến nghị", "Tiêu đề", "Ngày nêu", "Nội dung", "Nơi nhận", "Trạng thái", "Nội dung trả lời",
               "Ngày trả lời"]  # fmt: skip
PROPOSALS = [
    ["Cơ sở vật chất, trang thiết bị", "Cấp máy lấy số", "15/07/2025", "Chưa có máy.\nCần gấp.",
     "Sở Khoa học và Công nghệ", "Đã gửi tỉnh", "", ""],
    ["it", "Lỗi đồng bộ", "20/07/2025", "", "Văn phòng UBND tỉnh", "resolved", "Đã sửa", "05/08/2025"],
    ["Khác", "Bổ sung biên chế", "01/08/2025", "", "", "", "", ""],
]  # fmt: skip


@pytest.mark.parametrize("fmt", FORMATS)
def test_proposals_good_file_and_reimport(s: Session, tmp_path: Path, fmt: str) -> None:
    assert _good(s, tmp_path, "proposals", fmt, PROP_HEADER, PROPOSALS).created == 3
    rows = {p.title: p for p in list_proposals(s)}
    assert rows["Bổ sung biên chế"].status is ProposalStatus.DRAFT
    assert rows["Lỗi đồng bộ"].status is ProposalStatus.RESOLVED
    assert rows["Cấp máy lấy số"].content == "Chưa có máy.\nCần gấp."


def test_proposals_bad_rows(s: Session, tmp_path: Path) -> None:
    rows = [
        PROPOSALS[0],
        ["Khác", "Cấp máy lấy số", "15/07/2025", "", "", "", "", ""],  # same title and date as row 2
        ["Khác", "Trả lời trước khi nêu", "01/08/2025", "", "UBND tỉnh", "Đã giải quyết", "x", "01/07/2025"],
        ["Khác", "Trạng thái lạ", "01/08/2025", "", "", "Đang nghĩ", "", ""],
        ["Khác", "Tương lai", "01/08/2027", "", "", "", "", ""],
    ]
    problems = _bad(s, tmp_path, "proposals", PROP_HEADER, rows, Proposal)
    assert problem_cells(problems) == {(3, "Tiêu đề"), (4, "Ngày trả lời"), (5, "Trạng thái"), (6, "Ngày nêu")}


# --- procedures ------------------------------------------------------------------------------

PROC_HEADER = ["Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Đơn vị thời hạn", "Thời hạn trực tiếp", "Thời hạn trực tuyến",
               "Đang áp dụng"]  # fmt: skip
PROCEDURES = [
    ["HKD-TL", "Đăng ký thành lập hộ kinh doanh", "Hộ kinh doanh", "Ngày làm việc", "3", "2", "Có"],
    ["CT-HDGD", "Chứng thực hợp đồng, giao dịch", "CHUNG_THUC", "working_days", "2", "", ""],
    ["XD-GP", "Cấp giấy phép xây dựng", "xay dung - nha o", "Ngày", "15", "", "Không"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_procedures_good_file_and_reimport(s: Session, tmp_path: Path, fmt: str) -> None:
    before = _count(s, Procedure)
    assert _good(s, tmp_path, "procedures", fmt, PROC_HEADER, PROCEDURES).created == 3
    assert _count(s, Procedure) == before + 3
    hkd = find_procedure(s, "HKD-TL")
    assert hkd is not None and (hkd.days_direct, hkd.days_online, hkd.field_name) == (3, 2, "Hộ kinh doanh")
    xd = find_procedure(s, "xd-gp")
    assert xd is not None and not xd.active and str(xd.time_unit) == "calendar_days"


def test_procedures_reimport_of_shipped_code_updates_it(s: Session, tmp_path: Path) -> None:
    rows = [
        ["HT-KS", "Đăng ký khai sinh", "Hộ tịch", "Trong ngày", "0", "", "Có"],
        ["ht-xnhn", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", "Ngày làm việc", "5", "", "Có"],
    ]
    result = run_import(s, "procedures", write_csv(tmp_path / "p.csv", [PROC_HEADER, *rows]), today=TODAY)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    assert find_procedure(s, "HT-XNHN").days_direct == 5  # type: ignore[union-attr]


def test_procedures_bad_rows(s: Session, tmp_path: Path) -> None:
    rows = [
        PROCEDURES[0],
        ["HKD-TL", "Trùng mã", "Hộ kinh doanh", "Ngày làm việc", "3", "", ""],
        ["X-1", "Lĩnh vực lạ", "Thiên văn", "Ngày làm việc", "3", "", ""],
        ["X-2", "Đơn vị lạ", "Hộ tịch", "Tuần", "3", "", ""],
        ["X-3", "Âm", "Hộ tịch", "Ngày làm việc", "-3", "", ""],
        ["X-4", "Không ngày", "Hộ tịch", "Ngày làm việc", "", "", ""],
        ["X-5", "Quá dài", "Hộ tịch", "Ngày làm việc", "400", "", ""],
    ]
    problems = _bad(s, tmp_path, "procedures", PROC_HEADER, rows, Procedure)
    assert problem_cells(problems) == {
        (3, "Mã thủ tục"),
        (4, "Lĩnh vực"),
        (5, "Đơn vị thời hạn"),
        (6, "Thời hạn trực tiếp"),
        (7, "Thời hạn trực tiếp"),
        (8, "Thời hạn trực tiếp"),
    }


# --- holidays --------------------------------------------------------------------------------

HOL_HEADER = ["Ngày", "Loại ngày", "Tên ngày"]
HOLIDAYS = [
    ["26/04/2025", "Làm bù", "Làm bù cho ngày 02/05/2025"],
    ["02/05/2025", "Nghỉ", "Nghỉ hoán đổi"],
    ["12/06/2026", "off", "Nghỉ theo quyết định của tỉnh"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_holidays_good_file_and_reimport(s: Session, tmp_path: Path, fmt: str) -> None:
    _good(s, tmp_path, "holidays", fmt, HOL_HEADER, HOLIDAYS)
    days = {d.day: d for d in list_days(s, 2026)}
    assert days[date(2026, 6, 12)].kind is DayKind.OFF
    assert days[date(2026, 6, 12)].name == "Nghỉ theo quyết định của tỉnh"
    assert {d.day: d.kind for d in list_days(s, 2025)}[date(2025, 4, 26)] is DayKind.WORK


def test_holidays_bad_rows(s: Session, tmp_path: Path) -> None:
    rows = [
        HOLIDAYS[2],
        ["13/06/2026", "Nghỉ lễ", ""],  # a Saturday declared a day off
        ["12/06/2026", "Nghỉ", "trùng"],  # same day as row 2
        ["13/06/2026", "Làm bù", ""],  # same day as row 3
        ["14/06/2026", "Nghỉ", ""],  # a Sunday declared a day off
        ["15/06/2026", "Họp", ""],  # unknown kind
        ["30/02/2026", "Nghỉ", ""],  # no such date
    ]
    problems = _bad(s, tmp_path, "holidays", HOL_HEADER, rows, CalendarEntry)
    assert problem_cells(problems) == {(3, "Ngày"), (4, "Ngày"), (5, "Ngày"), (6, "Ngày"), (7, "Loại ngày"),
                                       (8, "Ngày")}  # fmt: skip
