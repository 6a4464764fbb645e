"""The province's commune registry filled from a clerk's CSV/XLSX file (checked whole, stored all or nothing),
added to by hand, and the template a clerk starts from."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy.orm import Session

from storage.errors import UserError, ValidationError
from storage.mode import set_province_mode
from storage.province.profile import ProvinceProfile, save_province_profile
from storage.province.registry import CommuneEntry, list_communes, save_commune
from storage.province.registry_import import (
    add_commune,
    preview_registry_import,
    run_registry_import,
    template_csv,
    write_registry_template,
)
from storage.vocab import AreaType


@pytest.fixture
def province(session: Session) -> Session:
    """A province database for Nghệ An (code 40) with one commune already registered."""
    set_province_mode(session)
    save_province_profile(session, ProvinceProfile(code="40"))
    save_commune(session, CommuneEntry(code="16906", name="Xã Lượng Minh", area_type=AreaType.MOUNTAINOUS))
    return session


def _csv(path: Path, rows: list[list[str]], *, delimiter: str = ",") -> Path:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8-sig")
    return path


def _registry(session: Session) -> dict[str, tuple[str, AreaType, bool, str]]:
    return {r.code: (r.name, r.area_type, r.active, r.notes) for r in list_communes(session)}


def test_vietnamese_headers_and_labels_add_and_update(province: Session, tmp_path: Path) -> None:
    path = _csv(
        tmp_path / "xa.csv",
        [
            ["Mã xã", "Tên xã", "Loại địa bàn"],
            ["16906", "Xã Lượng Minh", "Vùng cao"],  # changes the stored area type
            ["17254", "con cuong", "miền núi"],  # typed without diacritics: the official name is stored
            ["16855", "", "Chưa phân loại"],  # no name: the official one
        ],
        delimiter=";",
    )
    preview = preview_registry_import(province, path)
    assert preview.problems == []
    assert (preview.rows, preview.created, preview.updated, preview.unchanged) == (3, 2, 1, 0)
    assert set(_registry(province)) == {"16906"}  # the preview stored nothing

    done = run_registry_import(province, path)
    assert (done.created, done.updated) == (2, 1)
    assert _registry(province) == {
        "16906": ("Xã Lượng Minh", AreaType.HIGHLAND, True, ""),
        "17254": ("Xã Con Cuông", AreaType.MOUNTAINOUS, True, ""),
        "16855": ("Xã Chiêu Lưu", AreaType.UNKNOWN, True, ""),
    }
    again = preview_registry_import(province, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_english_headers_codes_and_xlsx_numbers(province: Session, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["code", "name", "area type", "active", "notes"])
    ws.append([17254, "Xã Con Cuông", "mountainous", "no", "Đã sáp nhập"])  # a number cell, an English code
    ws.append([16906, None, "Island", None, None])
    path = tmp_path / "communes.xlsx"
    wb.save(path)
    run_registry_import(province, path)
    registry = _registry(province)
    assert registry["17254"] == ("Xã Con Cuông", AreaType.MOUNTAINOUS, False, "Đã sáp nhập")
    assert registry["16906"] == ("Xã Lượng Minh", AreaType.ISLAND, True, "")


def test_columns_missing_from_the_file_keep_what_is_stored(province: Session, tmp_path: Path) -> None:
    save_commune(province, CommuneEntry(code="17254", name="Xã Con Cuông", active=False, notes="Ghi chú cũ"))
    run_registry_import(province, _csv(tmp_path / "a.csv", [["Mã xã", "Loại địa bàn"], ["17254", "Trung du"]]))
    assert _registry(province)["17254"] == ("Xã Con Cuông", AreaType.MIDLAND, False, "Ghi chú cũ")


def test_every_problem_is_listed_by_row_and_nothing_is_stored(province: Session, tmp_path: Path) -> None:
    path = _csv(
        tmp_path / "loi.csv",
        [
            ["Mã xã", "Tên xã", "Loại địa bàn"],
            ["17254", "Xã Con Cuông", "Miền núi"],  # fine, but the file has errors: not stored either
            ["1690A", "Xã Lượng Minh", ""],
            ["99999", "Xã Không Có", ""],
            ["18406", "Xã Can Lộc", ""],  # Hà Tĩnh
            ["16855", "Xã Lượng Minh", ""],  # name of another code
            ["16855", "Xã Chiêu Lưu", "Đồi núi"],  # repeated code, unknown area type
            ["", "Xã Chiêu Lưu", ""],
        ],
    )
    result = preview_registry_import(province, path)
    by_row = {(p.row, p.field): p.vi for p in result.problems}
    assert "dãy chữ số" in by_row[(3, "Mã xã")]
    assert "không có trong danh mục" in by_row[(4, "Mã xã")]
    assert "Xã Can Lộc (Hà Tĩnh)" in by_row[(5, "Mã xã")]
    assert "không khớp với mã 16855 (Xã Chiêu Lưu" in by_row[(6, "Tên xã")]
    assert "đã có ở dòng 6" in by_row[(7, "Mã xã")]
    assert "Đồi núi" in by_row[(7, "Loại địa bàn")]
    assert "bắt buộc" in by_row[(8, "Mã xã")]
    assert len(result.problems) == 7
    with pytest.raises(ValidationError) as caught:
        run_registry_import(province, path)
    assert len(caught.value.problems) == 7
    assert set(_registry(province)) == {"16906"}


def test_unknown_columns_and_unreadable_files_are_refused(province: Session, tmp_path: Path) -> None:
    result = preview_registry_import(province, _csv(tmp_path / "a.csv", [["Mã xã", "Dân số"], ["17254", "5000"]]))
    assert [p.row for p in result.problems] == [1]
    assert "Dân số" in result.problems[0].vi
    with pytest.raises(UserError, match="Mã xã"):
        preview_registry_import(province, _csv(tmp_path / "b.csv", [["Họ tên", "Tuổi"], ["A", "1"]]))
    pdf = tmp_path / "c.csv"
    pdf.write_bytes(b"%PDF-1.4 not a table")
    with pytest.raises(UserError, match="PDF"):
        preview_registry_import(province, pdf)


def test_adding_by_hand_refuses_a_known_code_or_one_of_another_province(province: Session) -> None:
    assert add_commune(province, CommuneEntry(code="17254", name="Xã Con Cuông"))
    with pytest.raises(ValidationError, match="đã có trong danh sách"):
        add_commune(province, CommuneEntry(code="16906", name="Xã Lượng Minh"))
    with pytest.raises(ValidationError, match="Hà Tĩnh"):
        add_commune(province, CommuneEntry(code="18406", name="Xã Can Lộc"))
    with pytest.raises(ValidationError) as caught:
        add_commune(province, CommuneEntry(code="16855", name=" "))
    assert [p.field for p in caught.value.problems] == ["name"]
    assert set(_registry(province)) == {"16906", "17254"}


def test_template_lists_the_province_communes_and_imports_cleanly(province: Session, tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(template_csv("40").decode("utf-8-sig"))))
    assert rows[0] == ["Mã xã", "Tên xã", "Loại địa bàn", "Đang theo dõi", "Ghi chú"]
    assert len(rows) == 1 + 130  # every commune and ward of Nghệ An
    assert ["16906", "Xã Lượng Minh", "", "Có", ""] in rows
    path = write_registry_template(tmp_path / "mau-danh-sach-xa", "40", list_communes(province))
    assert path.suffix == ".csv"
    assert "16906,Xã Lượng Minh,Miền núi,Có," in path.read_text(encoding="utf-8-sig")  # as stored
    result = run_registry_import(province, path)
    assert (result.created, result.unchanged, result.updated) == (129, 1, 0)
    examples = list(csv.reader(io.StringIO(template_csv(None).decode("utf-8-sig"))))
    assert len(examples) == 4
