"""Reading a clerk's file into a header and rows of raw cell values, whatever produced it.

Accepted: CSV in UTF-8 (with or without BOM, comma or semicolon, detected from the header
line; Excel's "CSV UTF-8" and LibreOffice both write this) and XLSX. The format is decided
by the file's content, not its name, so a renamed file gets a clear message instead of a
crash. Row numbers are the ones the clerk sees in Excel: the first line of the file is row 1.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import IO

from storage.errors import UserError
from storage.importing.values import Formula, visible
from storage.textsearch import fold

MAX_FILE_BYTES = 50 * 1024 * 1024
#: Data rows in one file: twice a large commune's ten years of dossiers; a bigger file is refused
#: as soon as the row after the limit is read, not after reading it all.
MAX_ROWS = 200_000
#: An .xlsx is a ZIP: what it may unpack to (real sheets compress about 10:1; a "ZIP bomb" far more),
#: and its shared-string table, which openpyxl loads whole into memory.
MAX_XLSX_UNPACKED = 20 * MAX_FILE_BYTES
MAX_SHARED_STRINGS = 200 * 1024 * 1024
#: Longest header cell shown in messages.
MAX_HEADER_CHARS = 100

_ZIP = b"PK\x03\x04"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")  # the stream of a password-protected .xlsx
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


Cell = str | int | float | bool | datetime | date | time | Formula | None


@dataclass
class Table:
    """What was read: the header cells, the row they are on, and the data rows below them."""

    header: list[str]
    header_row: int
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)  # (spreadsheet row number, cells)
    source: str = "csv"  # "csv" | "xlsx"


def _empty_row(cells: list[Cell] | tuple[Cell, ...]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _header_cell(value: object) -> str:
    """A header cell as messages show it: trimmed, invisible controls made visible, not too long."""
    text = visible("" if value is None else str(value).strip())
    return text if len(text) <= MAX_HEADER_CHARS else text[: MAX_HEADER_CHARS - 1] + "…"


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
        if _ENCRYPTED in path.read_bytes():
            raise UserError(
                f"Tệp {path.name} đang được đặt mật khẩu nên không đọc được. Hãy mở bằng Excel, bỏ mật khẩu "
                "(Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu → xóa mật khẩu), lưu lại rồi nhập.",
                f"{path.name} is protected by a password and cannot be read. Open it in Excel, remove the "
                "password (File → Info → Protect Workbook → Encrypt with Password), save, then import.",
            )
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
                header, header_row = [_header_cell(c) for c in record], number
                continue
            rows.append((number, record))  # type: ignore[arg-type]
            if len(rows) > MAX_ROWS:
                raise _too_many_rows(path)
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise UserError(
                f"Dòng {number + 1} của tệp {path.name} có một ô quá dài (hơn {csv.field_size_limit():,} ký tự; "
                "tối đa 10.000); có thể thiếu một dấu ngoặc kép đóng.".replace(",", "."),
                f"Row {number + 1} of {path.name} has a cell that is too long (over {csv.field_size_limit():,} "
                "characters; at most 10,000); a closing quote may be missing.",
            ) from None
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

    _bound_openpyxl_size_scan()
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _bad_xlsx(path) from None
    sizes = {i.filename: i.file_size for i in infos}
    _check_package(path, sizes)
    try:
        with path.open("rb") as fh:  # a file object: openpyxl then does not insist on the extension
            # Not data_only: a formula cell must be seen as a formula (and refused), not as a cached
            # value that Excel may recalculate differently, or as an empty cell when none was cached.
            wb = load_workbook(fh, read_only=True, data_only=False)
            try:
                return _read_sheet(path, wb, sheet_hints, sizes)
            finally:
                wb.close()
    except UserError:
        raise
    except Exception:  # openpyxl raises many kinds of errors on damaged files (KeyError, XML errors, ...)
        raise _bad_xlsx(path) from None


def _check_package(path: Path, sizes: dict[str, int]) -> None:
    """Refuse what is not a plain workbook (binary, macro-enabled, OpenDocument) or unpacks too big."""
    if "xl/workbook.bin" in sizes:
        raise UserError(
            f"Tệp {path.name} là sổ làm việc nhị phân Excel (.xlsb), chưa được hỗ trợ. Hãy mở bằng Excel và "
            "Lưu thành… dạng «Sổ làm việc Excel (.xlsx)».",
            f"{path.name} is an Excel binary workbook (.xlsb), which is not supported. Save it as .xlsx.",
        )
    if "xl/vbaProject.bin" in sizes:
        raise UserError(
            f"Tệp {path.name} có macro (sổ làm việc .xlsm đổi tên?); phần mềm không nhận tệp có macro. Hãy mở "
            "bằng Excel và Lưu thành… dạng «Sổ làm việc Excel (.xlsx)» (không có macro).",
            f"{path.name} contains macros (an .xlsm workbook renamed?); files with macros are not accepted. "
            "Save it as «Excel Workbook (.xlsx)», without macros.",
        )
    if "content.xml" in sizes and "mimetype" in sizes:
        raise UserError(
            f"Tệp {path.name} là bảng tính OpenDocument (.ods). Hãy mở bằng LibreOffice và Lưu thành… dạng "
            "«Excel 2007-365 (.xlsx)» hoặc «CSV UTF-8».",
            f"{path.name} is an OpenDocument spreadsheet (.ods). Save it as Excel 2007-365 (.xlsx) or CSV UTF-8.",
        )
    if "xl/workbook.xml" not in sizes:
        raise _bad_xlsx(path)
    if sum(sizes.values()) > MAX_XLSX_UNPACKED or sizes.get("xl/sharedStrings.xml", 0) > MAX_SHARED_STRINGS:
        raise UserError(
            f"Tệp {path.name} khi giải nén quá lớn (hơn {MAX_XLSX_UNPACKED // 1024 // 1024} MB dữ liệu). "
            "Hãy chia thành nhiều tệp nhỏ hơn.",
            f"{path.name} unpacks to too much data (over {MAX_XLSX_UNPACKED // 1024 // 1024} MB). "
            "Split it into several smaller files.",
        )


# A sheet's XML can be counted far faster than openpyxl reads it: rows end with </row> (maybe with
# a namespace prefix); a row holding only empty, formatted cells (<c r="A5" s="3"/>) is no data row.
_ROW_END = re.compile(rb"</(?:\w+:)?row>")
_EMPTY_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*>(?:\s*<(?:\w+:)?c\b[^>]*/>)*\s*</(?:\w+:)?row>")
_MIN_ROW_BYTES = 26  # <row><c><v>1</v></c></row>: a smaller sheet cannot hold too many rows
_CHUNK = 1 << 20


def _xml_rows_over_limit(open_sheet: Callable[[], IO[bytes]]) -> bool:
    """Whether the sheet's XML has more than MAX_ROWS rows with something in them (stops counting there)."""
    if _xml_rows(open_sheet(), count_empty=False) <= MAX_ROWS:
        return False
    return _xml_rows(open_sheet(), count_empty=True) > MAX_ROWS  # many rows: are they only formatting?


def _xml_rows(src: IO[bytes], *, count_empty: bool) -> int:
    found = 0
    tail = b""
    with src:
        while chunk := src.read(_CHUNK):
            data = tail + chunk
            end = _last_row_end(data)
            found += len(_ROW_END.findall(data, 0, end))
            if count_empty:
                found -= len(_EMPTY_ROW.findall(data, 0, end))
            if found > MAX_ROWS:
                break
            tail = data[end:] if end else data[-256:]  # no row end in a megabyte: that row is not empty
    return found


def _last_row_end(data: bytes) -> int:
    """Where the last complete row of ``data`` ends (0 when none does)."""
    i = len(data)
    while (i := data.rfind(b"row>", 0, i)) >= 0:
        start = data.rfind(b"<", 0, i)
        if start >= 0 and _ROW_END.fullmatch(data, start, i + 4):
            return i + 4
    return 0


def _bound_openpyxl_size_scan() -> None:
    """Make openpyxl's read-only sheets stop looking for <dimension> where the cells begin.

    openpyxl 3.1 looks for it with "end" events, so a sheet without one (written by some programs
    other than Excel) is parsed whole, for every sheet, before the first row is read: a million
    rows took minutes before the row limit could say anything. Reading the sheet's start is enough.
    """
    from openpyxl.worksheet import _read_only, _reader

    cls = _read_only.ReadOnlyWorksheet
    if getattr(cls, "_commune_desk_bounded", False) or not hasattr(cls, "_get_size"):
        return

    def _get_size(self) -> None:  # type: ignore[no-untyped-def]
        src = self._get_source()
        try:
            for _event, element in _reader.iterparse(src, events=("start",)):
                if element.tag == _reader.DIMENSION_TAG:
                    dim = _reader.SheetDimension.from_tree(element)
                    self._min_column, self._min_row, self._max_column, self._max_row = dim.boundaries
                    return
                if element.tag == _reader.DATA_TAG:
                    return  # no dimension: the sizes stay unknown, as openpyxl leaves them
        finally:
            src.close()

    cls._get_size = _get_size
    cls._commune_desk_bounded = True


# Excel writes characters XML cannot hold (control codes) as _xHHHH_, and a literal "_x" as _x005F_x;
# decoded in one left-to-right pass, so the cell reads as Excel shows it (and a control code is refused).
_XML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(m: re.Match[str]) -> str:
    return chr(int(m.group(1), 16))


def _read_sheet(path: Path, wb, sheet_hints: tuple[str, ...], sizes: dict[str, int]) -> Table:  # type: ignore[no-untyped-def]
    wanted = {fold(h) for h in sheet_hints}
    ws = next((ws for ws in wb.worksheets if fold(ws.title) in wanted), None) or wb.worksheets[0]
    member = getattr(ws, "_worksheet_path", None)
    if sizes.get(str(member).lstrip("/"), 0) > MAX_ROWS * _MIN_ROW_BYTES and _xml_rows_over_limit(ws._get_source):
        raise _too_many_rows(path)  # said in a second or two, instead of after reading 200,000 rows
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()  # some writers store a wrong sheet size
    header: list[str] | None = None
    header_row = 0
    rows: list[tuple[int, list[Cell]]] = []
    for number, cells in enumerate(ws.iter_rows(min_row=1), start=1):
        values: list[Cell] = [c.value for c in cells]
        for i, c in enumerate(cells):
            if c.data_type == "f":
                values[i] = Formula(c.coordinate, getattr(c.value, "text", c.value))
            elif c.data_type == "s" and "_x" in c.value:
                values[i] = _XML_ESCAPE.sub(_unescape, c.value)
        if not values or _empty_row(values):
            continue
        if header is None:
            header = [_header_cell(v) for v in values]
            while header and not header[-1]:
                header.pop()
            header_row = number
            continue
        rows.append((number, values))
        if len(rows) > MAX_ROWS:
            raise _too_many_rows(path)
    if header is None:
        raise _empty(path)
    return Table(header=header, header_row=header_row, rows=rows, source="xlsx")
