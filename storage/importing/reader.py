"""Reading a clerk's file into a header and rows of raw cell values, whatever produced it.

Accepted: CSV in UTF-8 (with or without BOM, comma or semicolon, detected from the header
line; Excel's "CSV UTF-8" and LibreOffice both write this) and XLSX. The format is decided
by the file's content, not its name, so a renamed file gets a clear message instead of a
crash. Row numbers are the ones the clerk sees in Excel: the first line of the file is row 1.
"""

from __future__ import annotations

import csv
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from storage.errors import UserError
from storage.textsearch import fold

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 1_000_000

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc (Office 97-2003)
_BOM = "\ufeff"

_NOT_UTF8_VI = "Tệp không phải UTF-8; hãy lưu lại bằng 'CSV UTF-8' (trong Excel: Lưu thành… > CSV UTF-8)."
_NOT_UTF8_EN = "The file is not UTF-8; save it again as 'CSV UTF-8' (Excel: Save As > CSV UTF-8)."
_NOT_TABLE_VI = (
    "Tệp {name} không phải bảng tính CSV hay Excel (.xlsx). Hãy dùng tệp mẫu và lưu dạng .xlsx hoặc 'CSV UTF-8'."
)
_NOT_TABLE_EN = (
    "{name} is neither a CSV nor an Excel (.xlsx) spreadsheet. Use the template and save as .xlsx or CSV UTF-8."
)


Cell = str | int | float | bool | datetime | date | time | None


@dataclass
class Table:
    """What was read: the header cells, the row they are on, and the data rows below them."""

    header: list[str]
    header_row: int
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)  # (spreadsheet row number, cells)
    source: str = "csv"  # "csv" | "xlsx"


def _empty_row(cells: list[Cell] | tuple[Cell, ...]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def read_table(path: Path | str, sheet_hints: tuple[str, ...] = ()) -> Table:
    """Read a CSV or XLSX file; ``sheet_hints`` names the sheet to prefer in a workbook.

    Raises UserError for a file that cannot be used at all (missing, too big, not a table,
    not UTF-8, empty, header only).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise UserError(f"Không tìm thấy tệp {path}.", f"File not found: {path}.") from None
    except OSError as exc:
        raise UserError(
            f"Không đọc được tệp {path.name}: {exc.strerror}.", f"Cannot read {path.name}: {exc.strerror}."
        ) from exc
    if size > MAX_FILE_BYTES:
        raise UserError(
            f"Tệp {path.name} quá lớn ({size / 1024 / 1024:.0f} MB); tối đa 50 MB. Hãy chia thành nhiều tệp.",
            f"{path.name} is too large ({size / 1024 / 1024:.0f} MB); the limit is 50 MB. Split it into several files.",
        )
    if size == 0:
        raise _empty(path)
    if head.startswith(_ZIP):
        table = _read_xlsx(path, sheet_hints)
    elif head.startswith(_OLE2):
        raise UserError(
            f"Tệp {path.name} là tệp Excel cũ (.xls) hoặc Word, chưa được hỗ trợ. Hãy mở bằng Excel và "
            "Lưu thành… dạng «Sổ làm việc Excel (.xlsx)» hoặc «CSV UTF-8».",
            f"{path.name} is an old Excel (.xls) or Word file, which is not supported. Open it in Excel and "
            "Save As «Excel Workbook (.xlsx)» or «CSV UTF-8».",
        )
    elif head.startswith(b"%PDF"):
        raise UserError(
            f"Tệp {path.name} là tệp PDF, không nhập được. Hãy dùng tệp mẫu Excel hoặc CSV.",
            f"{path.name} is a PDF and cannot be imported. Use the Excel or CSV template.",
        )
    else:
        table = _read_csv(path)
    if not table.rows:
        raise UserError(
            f"Tệp {path.name} chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào.",
            f"{path.name} has a header row but no data rows.",
        )
    return table


def _empty(path: Path) -> UserError:
    return UserError(f"Tệp {path.name} trống, không có dữ liệu.", f"{path.name} is empty.")


def _too_many_rows(path: Path) -> UserError:
    return UserError(
        f"Tệp {path.name} có hơn {MAX_ROWS:,} dòng; hãy chia thành nhiều tệp.".replace(",", "."),
        f"{path.name} has more than {MAX_ROWS:,} rows; split it into several files.",
    )


# --- CSV --------------------------------------------------------------------------------


def _detect_delimiter(line: str) -> str:
    """Comma or semicolon, whichever separates more cells of the header line (outside quotes)."""
    counts = {",": 0, ";": 0}
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    return ";" if counts[";"] > counts[","] else ","


def _read_csv(path: Path) -> Table:
    raw = path.read_bytes()
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16: Excel's "Unicode text"
        raise UserError(_NOT_UTF8_VI, _NOT_UTF8_EN)
    sample = raw[:4096]
    if sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) // 100:  # control bytes: not text at all
        raise UserError(_NOT_TABLE_VI.format(name=path.name), _NOT_TABLE_EN.format(name=path.name))
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(_NOT_UTF8_VI, _NOT_UTF8_EN) from None
    del raw
    if content.startswith(_BOM):
        content = content[1:]
    if not content.strip():
        raise _empty(path)
    # Lines as separate strings (not one StringIO copy of the whole text): less memory for big files.
    lines = content.split("\n") if "\n" in content else content.split("\r")  # "\r" alone: old Mac Excel
    del content
    first_line = next((ln for ln in lines if ln.strip(", ;\t\r")), "")
    reader = csv.reader((ln + "\n" for ln in lines), delimiter=_detect_delimiter(first_line))
    header: list[str] | None = None
    header_row = 0
    rows: list[tuple[int, list[Cell]]] = []
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            if not record or _empty_row(record):
                continue
            if header is None:
                header, header_row = [c.strip() for c in record], number
                continue
            rows.append((number, record))  # type: ignore[arg-type]
            if len(rows) > MAX_ROWS:
                raise _too_many_rows(path)
    except csv.Error as exc:
        raise UserError(
            f"Dòng {number + 1} của tệp {path.name} sai định dạng CSV ({exc}). Kiểm tra dấu ngoặc kép.",
            f"Row {number + 1} of {path.name} is not valid CSV ({exc}). Check the quotes.",
        ) from None
    if header is None:
        raise _empty(path)
    return Table(header=header, header_row=header_row, rows=rows, source="csv")


# --- XLSX -------------------------------------------------------------------------------


def _bad_xlsx(path: Path) -> UserError:
    return UserError(
        f"Tệp {path.name} không phải tệp Excel .xlsx hợp lệ (tệp bị hỏng hoặc là loại tệp khác). "
        "Hãy mở lại bằng Excel và lưu dạng .xlsx hoặc 'CSV UTF-8'.",
        f"{path.name} is not a valid Excel .xlsx file (damaged, or another kind of file). "
        "Open it in Excel and save it as .xlsx or CSV UTF-8.",
    )


def _read_xlsx(path: Path, sheet_hints: tuple[str, ...]) -> Table:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError):
        raise _bad_xlsx(path) from None
    if "xl/workbook.xml" not in names:
        raise _bad_xlsx(path)
    try:
        with path.open("rb") as fh:  # a file object: openpyxl then does not insist on the extension
            wb = load_workbook(fh, read_only=True, data_only=True)
            try:
                return _read_sheet(path, wb, sheet_hints)
            finally:
                wb.close()
    except UserError:
        raise
    except Exception:  # openpyxl raises many kinds of errors on damaged files (KeyError, XML errors, ...)
        raise _bad_xlsx(path) from None


def _read_sheet(path: Path, wb, sheet_hints: tuple[str, ...]) -> Table:  # type: ignore[no-untyped-def]
    wanted = {fold(h) for h in sheet_hints}
    ws = next((ws for ws in wb.worksheets if fold(ws.title) in wanted), None) or wb.worksheets[0]
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()  # some writers store a wrong sheet size
    header: list[str] | None = None
    header_row = 0
    rows: list[tuple[int, list[Cell]]] = []
    for number, values in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
        if not values or _empty_row(values):
            continue
        if header is None:
            header = ["" if v is None else str(v).strip() for v in values]
            while header and not header[-1]:
                header.pop()
            header_row = number
            continue
        rows.append((number, list(values)))
        if len(rows) > MAX_ROWS:
            raise _too_many_rows(path)
    if header is None:
        raise _empty(path)
    return Table(header=header, header_row=header_row, rows=rows, source="xlsx")
