"""The list of communes that have not sent a period's report, as Excel or CSV, for reminders.

Staff phone or write to each commune on the list, so it carries what they need: the code, the
name, the area type, the deadline and whether it has already passed. Excel is the main format
(formatted, printable on A4); CSV is UTF-8 with a byte-order mark so Excel shows the Vietnamese
letters instead of guessing a Windows code page.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from reports.excel_layout import safe_text
from reports.excel_sheet import FONT, assign
from reports.files import build_atomically
from storage.errors import UserError
from storage.periods import Period
from storage.province.completeness import CellStatus, Grid
from storage.vocab import AreaType

NOT_SENT = (CellStatus.MISSING, CellStatus.NOT_DUE)


@dataclass(frozen=True)
class MissingCommune:
    code: str
    name: str
    area_type: AreaType
    status: CellStatus  # MISSING (deadline passed) or NOT_DUE (still time)


@dataclass(frozen=True)
class MissingList:
    """The communes of one period with no report received yet."""

    period: Period
    deadline: date
    communes: list[MissingCommune]
    province: str = ""  # "Tỉnh Nghệ An", printed in the title when known


def missing_list(grid: Grid, period: Period, province: str = "") -> MissingList:
    """Communes of ``grid`` that sent nothing for ``period`` (late ones and those still in time)."""
    index = [p.spec for p in grid.periods].index(period.spec)
    communes = [
        MissingCommune(c.code, c.name, c.area_type, grid.cells[(c.code, period.spec)].status)
        for c in grid.communes
        if grid.cells[(c.code, period.spec)].status in NOT_SENT
    ]
    return MissingList(grid.periods[index], grid.deadlines[index], communes, province)


_HEADERS = {
    "vi": ("STT", "Mã xã", "Tên xã", "Loại địa bàn", "Hạn nộp", "Tình trạng"),
    "en": ("No.", "Code", "Commune", "Area type", "Deadline", "Status"),
}
_WIDTHS = (6, 10, 32, 16, 13, 16)


def _title(ml: MissingList, lang: str) -> tuple[str, str]:
    en = lang == "en"
    title = "COMMUNES THAT HAVE NOT REPORTED" if en else "DANH SÁCH XÃ CHƯA NỘP BÁO CÁO"
    if ml.province:
        title += f" – {ml.province.upper()}"
    period = f"{ml.period.label(lang)} {ml.period.range_text(lang)}"
    due = f"{ml.deadline:%d/%m/%Y}"
    sub = f"{period}; deadline {due}" if en else f"{period}; hạn nộp {due}"
    return title, sub


def _rows(ml: MissingList, lang: str) -> list[tuple[int, str, str, str, date, str]]:
    return [
        (i, c.code, c.name, c.area_type.label(lang), ml.deadline, c.status.label(lang))
        for i, c in enumerate(ml.communes, start=1)
    ]


def _write_xlsx(ml: MissingList, path: str, lang: str) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Chua nop" if lang != "en" else "Not reported"
    title, sub = _title(ml, lang)
    last = get_column_letter(len(_WIDTHS))
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.merge_cells(f"A1:{last}1")
    ws.merge_cells(f"A2:{last}2")
    ws["A1"] = title
    ws["A1"].font = Font(name=FONT, size=14, bold=True)
    ws["A2"] = sub
    ws["A2"].font = Font(name=FONT, size=12, italic=True)
    for ref in ("A1", "A2"):
        ws[ref].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[2].height = 32
    header_row = 4
    for col, text in enumerate(_HEADERS.get(lang, _HEADERS["vi"]), start=1):
        cell = ws.cell(header_row, col, text)
        cell.font = Font(name=FONT, size=12, bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = box
    ws.row_dimensions[header_row].height = 22
    for r, values in enumerate(_rows(ml, lang), start=header_row + 1):
        ws.row_dimensions[r].height = 19
        for col, value in enumerate(values, start=1):
            cell = ws.cell(r, col)
            if isinstance(value, date):
                cell.value = value
                cell.number_format = "DD/MM/YYYY"
            elif assign(cell, value):
                cell.quotePrefix = True  # a name starting like a formula stays text
            cell.font = Font(name=FONT, size=12)
            cell.border = box
            centred = col in (1, 2, 5)
            cell.alignment = Alignment(horizontal="center" if centred else "left", vertical="center")
    total_row = header_row + len(ml.communes) + 1
    label = f"Total: {len(ml.communes)} communes" if lang == "en" else f"Tổng số: {len(ml.communes)} xã"
    ws.cell(total_row, 1, label).font = Font(name=FONT, size=12, bold=True)
    ws.merge_cells(start_row=total_row, start_column=1, end_row=total_row, end_column=3)
    for col, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(path)


def _csv_text(value: object) -> str:
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    text, risky = safe_text(str(value))
    return f"'{text}" if risky else text  # no formula runs when Excel opens the file


def _write_csv(ml: MissingList, path: str, lang: str) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:  # the BOM tells Excel it is UTF-8
        writer = csv.writer(f)
        writer.writerow(_HEADERS.get(lang, _HEADERS["vi"]))
        writer.writerows([_csv_text(v) for v in row] for row in _rows(ml, lang))


def write_missing_list(ml: MissingList, path: Path, lang: str = "vi") -> Path:
    """Write the list as .xlsx or .csv (by the file's extension); the file is replaced whole or not at all."""
    path = Path(path)
    writers = {".xlsx": _write_xlsx, ".csv": _write_csv}
    write = writers.get(path.suffix.lower())
    if write is None:
        raise UserError(
            f"Chỉ lưu được danh sách ra tệp .xlsx hoặc .csv (đã chọn «{path.name}»).",
            f"The list can only be saved as .xlsx or .csv (got «{path.name}»).",
        )
    return build_atomically(path, lambda tmp: write(ml, tmp, lang))
