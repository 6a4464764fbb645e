"""Import framework: reading CSV/XLSX, header matching, cell parsers, and files that cannot be used.

Also holds the small helpers the other test_import_* modules use to write test files.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.errors import UserError, ValidationError
from storage.importing import KINDS, preview_import, run_import
from storage.importing import reader as reader_mod
from storage.importing.columns import COLUMNS, DOSSIER_COLUMNS, header_key, match_columns
from storage.importing.reader import read_table
from storage.importing.values import CellError, enum_parser, parse_bool, parse_date, parse_datetime, parse_int, text
from storage.models import Dossier
from storage.vocab import Channel

#: The three ways a clerk's file arrives: CSV with commas, CSV with semicolons and a BOM
#: (Excel in a Vietnamese locale), and XLSX.
FORMATS = ["csv", "csv-semicolon-bom", "xlsx"]


def write_csv(path: Path, rows: list[list[object]], *, delimiter: str = ",", bom: bool = False) -> Path:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(
        [["" if c is None else str(c) for c in r] for r in rows]
    )
    path.write_bytes((("\ufeff" if bom else "") + buf.getvalue()).encode("utf-8"))
    return path


def write_xlsx(
    path: Path, rows: list[list[object]], *, sheet: str = "Sheet1", extra_sheets: tuple[str, ...] = ()
) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for r in rows:
        ws.append(list(r))
    for name in extra_sheets:
        wb.create_sheet(name).append(["nothing", "here"])
    wb.save(path)
    return path


def write_file(tmp_path: Path, fmt: str, rows: list[list[object]], name: str = "data") -> Path:
    """Rows (header first) as one of FORMATS; XLSX keeps dates/numbers as typed cells."""
    if fmt == "xlsx":
        return write_xlsx(tmp_path / f"{name}.xlsx", rows)
    if fmt == "csv":
        return write_csv(tmp_path / f"{name}.csv", rows)
    assert fmt == "csv-semicolon-bom"
    return write_csv(tmp_path / f"{name}.csv", rows, delimiter=";", bom=True)


def problem_cells(problems) -> set[tuple[int | None, str]]:  # type: ignore[no-untyped-def]
    """(row, column header) of each problem, for assertions."""
    return {(p.row, p.field) for p in problems}


# --- reader ---------------------------------------------------------------------------


def test_csv_comma_and_semicolon_with_bom_and_quotes(tmp_path: Path) -> None:
    rows = [["Mã", "Ghi chú"], ["A1", "có, dấu phẩy"], ["A2", 'dòng 1\ndòng 2 "trích"']]
    for delim, bom in ((",", False), (";", True)):
        t = read_table(write_csv(tmp_path / "f.csv", rows, delimiter=delim, bom=bom))
        assert t.header == ["Mã", "Ghi chú"]
        assert t.header_row == 1
        assert t.rows == [(2, ["A1", "có, dấu phẩy"]), (3, ["A2", 'dòng 1\ndòng 2 "trích"'])]


def test_row_numbers_are_spreadsheet_rows_and_blank_rows_skipped(tmp_path: Path) -> None:
    p = tmp_path / "f.csv"
    p.write_text('\n;;\nMã;Tên\nA;"x\ny"\n\nB;z\n', encoding="utf-8")
    t = read_table(p)
    assert t.header_row == 3
    assert [n for n, _ in t.rows] == [4, 6]  # the quoted line break keeps row 4 one row


def test_xlsx_typed_cells_sheet_choice_and_row_numbers(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    first.title = "Ghi chú"
    first.append(["not", "this"])
    first.append(["a", "b"])
    ws = wb.create_sheet("Hồ sơ thủ tục hành chính")
    ws.append([])
    ws.append(["Mã", "Ngày", "Số", "Thực"])
    ws.append(["A", datetime(2025, 7, 1, 9, 30), 3, 2.0])
    ws.append([None, None, None, None])
    ws.append(["B", date(2025, 7, 2), 4, True])
    p = tmp_path / "f.xlsx"
    wb.save(p)
    t = read_table(p, sheet_hints=("dossiers", "Ho so thu tuc hanh chinh"))
    assert t.header == ["Mã", "Ngày", "Số", "Thực"]
    assert t.header_row == 2
    assert [n for n, _ in t.rows] == [3, 5]
    assert t.rows[0][1][1] == datetime(2025, 7, 1, 9, 30)
    # Without a matching name, the first sheet is read.
    assert read_table(p).header == ["not", "this"]


def test_unreadable_files_give_clear_user_errors(tmp_path: Path) -> None:
    cases: dict[str, bytes] = {
        "empty.csv": b"",
        "blank.csv": b"\r\n , ,\r\n\r\n",
        "cp1252.csv": "Mã,Tên\nA,Bé Ân\n".encode("cp1252"),
        "old.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "renamed.xlsx": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        "corrupt.xlsx": b"PK\x03\x04" + b"garbage" * 50,
        "garbage.txt": bytes(range(256)) * 8,
        "utf16.csv": "Mã,Tên\nA,B\n".encode("utf-16"),
        "header_only.csv": "Mã hồ sơ,Thủ tục,Người nộp,Ngày giờ tiếp nhận\n".encode(),
    }
    messages = {}
    for name, content in cases.items():
        p = tmp_path / name
        p.write_bytes(content)
        with pytest.raises(UserError) as exc:
            read_table(p)
        assert not isinstance(exc.value, ValidationError)
        messages[name] = exc.value.message("vi")
    assert "trống" in messages["empty.csv"] and "trống" in messages["blank.csv"]
    assert messages["cp1252.csv"].startswith("Tệp không phải UTF-8; hãy lưu lại bằng 'CSV UTF-8'")
    assert "UTF-8" in messages["utf16.csv"]
    assert ".xls" in messages["old.xls"]
    assert "PDF" in messages["renamed.xlsx"]
    assert "không phải tệp Excel .xlsx hợp lệ" in messages["corrupt.xlsx"]
    assert "không phải bảng tính" in messages["garbage.txt"]
    assert "chỉ có dòng tiêu đề" in messages["header_only.csv"]
    with pytest.raises(UserError, match="Không tìm thấy tệp"):
        read_table(tmp_path / "missing.csv")


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    p = tmp_path / "document.xlsx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(UserError, match="không phải tệp Excel"):
        read_table(p)


def test_size_and_row_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = write_csv(tmp_path / "f.csv", [["Mã"], ["A"], ["B"], ["C"]])
    monkeypatch.setattr(reader_mod, "MAX_ROWS", 2)
    with pytest.raises(UserError, match="hơn 2 dòng"):
        read_table(p)
    monkeypatch.setattr(reader_mod, "MAX_FILE_BYTES", 10)
    with pytest.raises(UserError, match="quá lớn"):
        read_table(p)


# --- header matching ------------------------------------------------------------------


def test_headers_match_ignoring_case_diacritics_spaces_and_english_aliases() -> None:
    header = ["MA HO SO", "thủ  tục", "applicant", "Ngày giờ tiếp nhận", "received_at "]
    cmap, problems = match_columns(DOSSIER_COLUMNS, header, 1)
    assert [c.key for _, c in cmap.positions] == ["code", "procedure", "applicant_name", "received_at"]
    assert len(problems) == 1 and "trùng với cột" in problems[0].vi  # received_at given twice
    assert header_key("Ngày giờ  tiếp-nhận") == header_key("NGAY GIO TIEP NHAN") == "ngaygiotiepnhan"


def test_unknown_and_missing_columns_are_single_problems_naming_them() -> None:
    _, problems = match_columns(DOSSIER_COLUMNS, ["Mã hồ sơ", "Tên cha", "Màu sắc"], 1)
    texts = [p.vi for p in problems]
    assert any("«Tên cha»" in t and "«Màu sắc»" in t and "Ngày giờ tiếp nhận" in t for t in texts)
    missing = [t for t in texts if t.startswith("Thiếu cột bắt buộc")]
    assert missing == ["Thiếu cột bắt buộc: «Thủ tục»; «Người nộp»; «Ngày giờ tiếp nhận»."]
    assert all(p.row == 1 for p in problems)


def test_every_kind_has_unambiguous_columns_and_a_label() -> None:
    assert list(KINDS) == ["dossiers", "staff", "equipment", "proposals", "procedures", "holidays"]
    for kind, cols in COLUMNS.items():
        assert KINDS[kind].vi and KINDS[kind].en
        assert any(c.required for c in cols)
        keys = [c.key for c in cols]
        assert len(keys) == len(set(keys)), kind


# --- cell parsers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("05/01/2026", date(2026, 1, 5)),
        ("5/1/2026", date(2026, 1, 5)),
        ("05-01-2026", date(2026, 1, 5)),
        ("05.01.2026", date(2026, 1, 5)),
        ("2026-01-05", date(2026, 1, 5)),
        (" 2026-01-05 00:00:00 ", date(2026, 1, 5)),
        (datetime(2026, 1, 5, 0, 0), date(2026, 1, 5)),
        (date(2026, 1, 5), date(2026, 1, 5)),
    ],
)
def test_dates(raw: object, expected: date) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [("31/02/2025", "không có thật"), ("05/01/26", "4 chữ số"), ("hôm qua", "không phải ngày"), (45678, "không phải")],
)
def test_bad_dates(raw: object, fragment: str) -> None:
    with pytest.raises(CellError) as exc:
        parse_date(raw)
    assert fragment in exc.value.vi


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("05/01/2026 14:30", datetime(2026, 1, 5, 14, 30)),
        ("5/1/2026 8:05", datetime(2026, 1, 5, 8, 5)),
        ("05/01/2026 8h30", datetime(2026, 1, 5, 8, 30)),
        ("05/01/2026 14:30:15", datetime(2026, 1, 5, 14, 30, 15)),
        ("2026-01-05T14:30", datetime(2026, 1, 5, 14, 30)),
        ("2026-01-05 14:30", datetime(2026, 1, 5, 14, 30)),
        ("14:30 05/01/2026", datetime(2026, 1, 5, 14, 30)),
        (datetime(2026, 1, 5, 14, 30, 0, 5), datetime(2026, 1, 5, 14, 30)),
        (datetime(2026, 1, 5, 14, 59, 59, 991000), datetime(2026, 1, 5, 15, 0)),  # Excel's floating-point time
    ],
)
def test_date_times(raw: object, expected: datetime) -> None:
    assert parse_datetime(raw) == expected


@pytest.mark.parametrize("raw", ["05/01/2026", "2026-01-05", datetime(2026, 1, 5), date(2026, 1, 5)])
def test_date_time_without_time_explains_the_15_00_rule(raw: object) -> None:
    with pytest.raises(CellError) as exc:
        parse_datetime(raw)
    assert "thiếu giờ" in exc.value.vi and "15:00" in exc.value.vi
    assert "15:00" in exc.value.en


def test_date_time_errors() -> None:
    with pytest.raises(CellError, match="không có thật"):
        parse_datetime("31/02/2025")
    with pytest.raises(CellError, match="không có thật"):
        parse_datetime("31/02/2025 10:00")
    with pytest.raises(CellError, match="Giờ"):
        parse_datetime("05/01/2026 25:00")
    with pytest.raises(CellError, match="không phải ngày giờ"):
        parse_datetime(time(10, 0))


def test_integers() -> None:
    assert parse_int("12") == 12
    assert parse_int(" 0 ") == 0
    assert parse_int(3) == 3
    assert parse_int(3.0) == 3
    for raw, fragment in [("-1", "âm"), (-2, "âm"), ("3.5", "số nguyên"), (3.5, "số nguyên"), ("1.000", "hàng nghìn"),
                          ("1,000", "hàng nghìn"), ("ba", "không phải số"), (True, "số nguyên")]:  # fmt: skip
        with pytest.raises(CellError) as exc:
            parse_int(raw)
        assert fragment in exc.value.vi, raw


def test_booleans() -> None:
    for raw in ("Có", "co", "x", "X", "1", 1, "yes", "TRUE", True):
        assert parse_bool(raw) is True, raw
    for raw in ("Không", "khong", "0", 0, "no", "false", False):
        assert parse_bool(raw) is False, raw
    with pytest.raises(CellError, match="Có"):
        parse_bool("có lẽ")


def test_enums_accept_code_label_and_english_and_list_choices_when_unknown() -> None:
    parse = enum_parser(Channel)
    assert parse("Trực tuyến") is Channel.ONLINE
    assert parse("truc tuyen") is Channel.ONLINE
    assert parse("Online") is Channel.ONLINE
    assert parse(2) is Channel.ONLINE
    assert parse(2.0) is Channel.ONLINE
    with pytest.raises(CellError) as exc:
        parse("Fax")
    assert "Trực tiếp; Trực tuyến; Bưu chính" in exc.value.vi


def test_text_cells() -> None:
    assert text("  Nguyễn Văn An ") == "Nguyễn Văn An"
    assert text("Nguye\u0302\u0303n") == "Nguyễn"  # decomposed input is stored precomposed
    assert text(912345678.0) == "912345678"
    assert text(date(2025, 7, 1)) == "01/07/2025"


# --- whole-file behaviour shared by every kind ------------------------------------------------


def test_unknown_kind_and_foreign_file(session: Session, tmp_path: Path) -> None:
    p = write_csv(
        tmp_path / "f.csv", [["Mã hồ sơ", "Thủ tục", "Người nộp", "Ngày giờ tiếp nhận"], ["A", "B", "C", "D"]]
    )
    with pytest.raises(UserError, match="Không có loại dữ liệu"):
        preview_import(session, "cars", p)
    text_file = tmp_path / "notes.txt"
    text_file.write_text("Hôm nay họp lúc 8 giờ.\nNhớ mang sổ.\n", encoding="utf-8")
    with pytest.raises(UserError, match="Không nhận ra tệp") as exc:
        run_import(session, "dossiers", text_file)
    assert not isinstance(exc.value, ValidationError)


def test_header_problems_are_reported_before_rows(session: Session, tmp_path: Path) -> None:
    p = write_csv(tmp_path / "f.csv", [["Mã hồ sơ", "Người nộp", "Màu"], ["A", "B", "đỏ"]])
    result = preview_import(session, "dossiers", p)
    assert not result.ok and result.rows == 1
    assert {p.row for p in result.problems} == {1}
    with pytest.raises(ValidationError) as exc:
        run_import(session, "dossiers", p)
    assert "Thiếu cột bắt buộc" in exc.value.message()
    assert "Không nhận ra cột «Màu»" in exc.value.message()
    assert session.scalar(select(func.count()).select_from(Dossier)) == 0


def test_stray_data_and_too_long_cells_are_row_problems(catalog_session: Session, tmp_path: Path) -> None:
    header = ["Mã hồ sơ", "Thủ tục", "Người nộp", "Ngày giờ tiếp nhận", "Ghi chú"]
    rows = [
        header,
        ["A-1", "HT-KS", "An", "01/07/2025 09:00", "x" * 10_001],
        ["A-2", "HT-KS", "Bình", "01/07/2025 09:00", "", "thừa"],
    ]
    result = preview_import(catalog_session, "dossiers", write_csv(tmp_path / "f.csv", rows), today=date(2026, 1, 1))
    assert problem_cells(result.problems) == {(2, "Ghi chú"), (3, "")}
    assert "10000" in result.problems[0].vi
