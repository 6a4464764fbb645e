"""Import templates and the format guide: generated from the column specs, shipped up to date, importable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from storage.errors import UserError
from storage.importing import KINDS, preview_import, run_import, write_template
from storage.importing.columns import COLUMNS
from storage.importing.templates import (
    DOCS_PATH,
    GUIDE_SHEET,
    TEMPLATE_DIR,
    csv_template,
    docs_markdown,
    xlsx_template,
)
from storage.units import seed_default_units

TODAY = date(2026, 1, 15)
REGENERATE = "run `.venv/bin/python -m storage.importing.templates` and commit the result"


@pytest.mark.parametrize("kind", list(KINDS))
def test_shipped_templates_are_up_to_date(kind: str) -> None:
    assert (TEMPLATE_DIR / f"{kind}.csv").read_bytes() == csv_template(kind), REGENERATE
    assert (TEMPLATE_DIR / f"{kind}.xlsx").read_bytes() == xlsx_template(kind), REGENERATE


def test_shipped_format_guide_is_up_to_date() -> None:
    assert DOCS_PATH.read_text(encoding="utf-8") == docs_markdown(), REGENERATE
    doc = docs_markdown()
    for kind, cols in COLUMNS.items():
        assert f"(`{kind}`)" in doc
        for col in cols:
            assert f"| {col.header} | `{col.alias}` |" in doc


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_templates_import_cleanly_twice(catalog_session: Session, tmp_path: Path, kind: str, suffix: str) -> None:
    s = catalog_session
    seed_default_units(s)
    path = write_template(kind, tmp_path / f"mẫu {kind}{suffix}")
    preview = preview_import(s, kind, path, today=TODAY)
    assert preview.problems == [], [p.text() for p in preview.problems]
    assert preview.rows in (2, 3)
    run_import(s, kind, path, today=TODAY)
    again = run_import(s, kind, path, today=TODAY)
    assert again.unchanged == again.rows


def test_csv_template_is_utf8_with_bom_and_vietnamese_headers() -> None:
    data = csv_template("dossiers")
    assert data.startswith(b"\xef\xbb\xbf")
    first_line = data.decode("utf-8-sig").split("\r\n")[0]
    assert first_line.split(",")[:4] == ["Mã hồ sơ", "Thủ tục", "Người nộp", "Địa chỉ"]


def test_xlsx_template_has_bold_headers_widths_and_a_guide_sheet(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_template("staff", tmp_path / "staff.xlsx")
    wb = load_workbook(path)
    data, guide = wb.worksheets
    assert data.title == "Nhân sự" and guide.title == GUIDE_SHEET
    headers = [c.value for c in data[1]]
    assert headers == [c.header for c in COLUMNS["staff"]]
    assert all(c.font.bold for c in data[1])
    assert data.column_dimensions["A"].width >= 12
    guide_text = "\n".join(str(c.value) for row in guide.iter_rows() for c in row if c.value)
    for col in COLUMNS["staff"]:
        assert col.header in guide_text
    assert "Cán bộ; Công chức; Viên chức" in guide_text  # vocabulary columns list their values
    assert "tất cả hoặc không" in guide_text


def test_write_template_refuses_other_formats_and_kinds(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"\.xlsx hoặc \.csv"):
        write_template("staff", tmp_path / "staff.ods")
    with pytest.raises(UserError, match="Không có mẫu"):
        write_template("cars", tmp_path / "cars.csv")
