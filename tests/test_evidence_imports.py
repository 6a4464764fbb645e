"""Evidence for docs/reliability.md: the limits the fuzz tests only reach through the file-size rule.

Why: a "100 MB cell" CSV is refused by the 50 MB file limit before any cell is read, so it does not show the
cell limit; an .xlsx compresses the same cell below 1 MB. And a sheet's ``<dimension>`` is written by whatever
made the file: the row limit must count real rows, whatever the dimension claims. Each file goes through
tests/test_fuzz_imports.py's ``try_file`` (preview and import, every table counted before and after) and is
counted in the run's "hostile inputs" line.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storage.db import Database
from storage.importing import reader
from storage.models import Staff
from tests.test_fuzz_imports import (
    CONTENT_TYPES,
    ROOT_RELS,
    SHARED_STRINGS,
    WORKBOOK,
    WORKBOOK_RELS,
    _header_xml_row,
    _staff_xml_row,
    fuzz_db,  # noqa: F401 - the fixture, shared with the fuzz tests
    try_file,
)

WORKSHEET = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def _sheet_xlsx(path: Path, rows: Iterator[str] | list[str], *, dimension: str = "") -> Path:
    """A workbook written by hand, streamed, with the ``<dimension>`` given (none when empty)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        zf.writestr("xl/sharedStrings.xml", SHARED_STRINGS)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            head = f'<dimension ref="{dimension}"/>' if dimension else ""
            fh.write(f'<?xml version="1.0" encoding="UTF-8"?>{WORKSHEET}{head}<sheetData>'.encode())
            for row in rows:
                fh.write(row.encode())
            fh.write(b"</sheetData></worksheet>")
    return path


def _staff_count(db: Database) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(Staff)) or 0


def test_a_100_mb_cell_in_a_small_xlsx_is_refused_naming_the_cell(fuzz_db: Database, tmp_path: Path) -> None:  # noqa: F811
    cell = 100 * 1024 * 1024
    path = _sheet_xlsx(tmp_path / "o-100mb.xlsx", [_header_xml_row(), _staff_xml_row(2, "x" * cell)])
    assert path.stat().st_size < 1024 * 1024  # under every file-size limit: the cell itself is what is tried
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo("xl/worksheets/sheet1.xml").file_size > cell
    before = _staff_count(fuzz_db)
    with fuzz_db.sessions() as s:
        outcome, message = try_file(s, "staff", path)
    assert outcome == "refused"
    assert message.startswith("Dòng 2, Họ và tên: Ô quá dài (") and "tối đa 10000" in message
    assert _staff_count(fuzz_db) == before


def test_a_dimension_claiming_a_million_rows_is_not_believed(fuzz_db: Database, tmp_path: Path) -> None:  # noqa: F811
    path = _sheet_xlsx(
        tmp_path / "dimension-1000000.xlsx", [_header_xml_row(), _staff_xml_row(2)], dimension="A1:E1000000"
    )
    with fuzz_db.sessions() as s:
        outcome, message = try_file(s, "staff", path)  # rolled back after: every file starts from the same data
    assert outcome == "accepted", message  # one real row: taken, not refused for the claimed size


def test_a_dimension_claiming_three_rows_does_not_hide_the_real_count(
    fuzz_db: Database,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The 200,000-row rule with the limit lowered to 1,000, so the file stays small (the rule is the same)."""
    monkeypatch.setattr(reader, "MAX_ROWS", 1000)
    rows = [_header_xml_row(), *(_staff_xml_row(n) for n in range(2, 1003))]  # 1,001 data rows
    path = _sheet_xlsx(tmp_path / "dimension-a1-e3.xlsx", rows, dimension="A1:E3")
    before = _staff_count(fuzz_db)
    with fuzz_db.sessions() as s:
        outcome, message = try_file(s, "staff", path)
    assert outcome == "refused" and "hơn 1.000 dòng" in message
    assert _staff_count(fuzz_db) == before


EQUIPMENT_HEADER = "Loại thiết bị,Mô tả,Đơn vị,Ngày kiểm kê,Số lượng cần có,Số hiện có,Số đang hoạt động\n"


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        ("100000", "accepted"),
        ("100001", "quá lớn (tối đa 100.000)"),  # the equipment columns' own, tighter limit
        ("1000000001", "quá lớn (tối đa 1.000.000.000)"),  # the limit of every whole-number cell
        ("-1", "âm"),
    ],
)
def test_whole_number_limits(fuzz_db: Database, tmp_path: Path, count: str, expected: str) -> None:  # noqa: F811
    path = tmp_path / f"so-{count}.csv"
    path.write_text(EQUIPMENT_HEADER + f"Máy scan,,,01/07/2025,{count},{count},{count}\n", encoding="utf-8")
    with fuzz_db.sessions() as s:
        outcome, message = try_file(s, "equipment", path)
    if expected == "accepted":
        assert outcome == "accepted", message
    else:
        assert outcome == "refused" and expected in message, message
