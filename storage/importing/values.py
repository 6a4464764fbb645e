"""Cell parsers for imported files: one function per kind of value, each raising ``CellError``.

Spreadsheets hand over ``str`` (CSV, text cells), ``int``/``float``, ``bool`` and
``datetime``/``date``/``time`` (XLSX cells); every parser accepts what a clerk can
reasonably type or Excel can store and rejects the rest with a message saying what the
cell should look like. The caller turns a ``CellError`` into a Problem carrying the row
number and the column header.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from storage.textsearch import fold

#: Longest text accepted in one cell (longer cells are a row problem, not a crash).
MAX_CELL_CHARS = 10_000
#: Largest number accepted in a count or day column (bigger ones are typing mistakes, and SQLite
#: cannot store integers past 2**63).
MAX_INT = 1_000_000_000
#: Dates outside these years are typing mistakes (and later date sums would overflow).
MIN_YEAR, MAX_YEAR = 1900, 2100


class CellError(ValueError):
    """A cell that cannot be read as the column's kind of value."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(vi)
        self.vi = vi
        self.en = en


def is_empty(raw: object) -> bool:
    """A cell with nothing in it (None, or only spaces)."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


# Invisible characters no clerk types: C0/C1 control codes (tab and line breaks excepted) and the
# bidirectional controls, which make text display in another order than it is stored (U+202E before
# "aoH ịhT ôL" shows "Lô Thị Hoa", a name that is not the one stored). One search finds either kind.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Text for a message: invisible control characters shown as their code, e.g. ‹U+202E›."""
    return _INVISIBLE.sub(_code, text) if _INVISIBLE.search(text) else text


def _code(m: re.Match[str]) -> str:
    return f"‹U+{ord(m.group()):04X}›"


def _shown(raw: object) -> str:
    text = visible(str(raw).strip())
    return text if len(text) <= 40 else text[:37] + "..."


class Formula:
    """A spreadsheet cell holding a formula: never evaluated, never imported (see ``formula_error``)."""

    __slots__ = ("formula", "ref")

    def __init__(self, ref: str, formula: object) -> None:
        self.ref = ref
        self.formula = str(formula)

    def __str__(self) -> str:
        return self.formula

    def __repr__(self) -> str:
        return f"Formula({self.ref!r}, {self.formula!r})"


def formula_error(cell: Formula) -> CellError:
    """Why a formula cell is refused: its value depends on Excel recalculating, which importing cannot do."""
    return CellError(
        f"Ô {cell.ref} chứa công thức «{_shown(cell.formula)}»; phần mềm không tính công thức. Hãy sao chép rồi "
        "dùng Dán đặc biệt → Chỉ giá trị (Paste Special → Values) để thay công thức bằng kết quả, lưu lại rồi nhập.",
        f"Cell {cell.ref} holds the formula «{_shown(cell.formula)}»; formulas are not calculated on import. "
        "Copy and use Paste Special → Values to replace it with its result, save, then import again.",
    )


# --- text -----------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@")


def csv_safe(value: str) -> str:
    """A CSV cell that a spreadsheet opens as text: a leading apostrophe when it starts like a formula.

    OWASP's advice against CSV injection ("=cmd|..." run by Excel); ``text`` drops the apostrophe
    again when the file is imported back.
    """
    return f"'{value}" if value.startswith((*_FORMULA_START, "\t", "\r")) else value


def text(raw: object) -> str:
    """Any cell as text: whole numbers without ".0", dates as dd/mm/yyyy, spaces trimmed.

    Refuses control characters and bidirectional controls (see ``_INVISIBLE``): stored, they would
    print as boxes, break exports or make a name look like another one.
    """
    if raw is None:
        return ""
    if isinstance(raw, str):
        if (m := _INVISIBLE.search(raw)) is not None:
            if _CONTROL.match(m.group()):
                raise CellError(
                    f"Ô có ký tự điều khiển không nhìn thấy được ({_code(m)}, ở ký tự thứ {m.start() + 1}); "
                    "hãy xóa ký tự đó (gõ lại ô) rồi nhập lại.",
                    f"The cell holds an invisible control character ({_code(m)}, at character {m.start() + 1}); "
                    "delete it (retype the cell) and import again.",
                )
            raise CellError(
                f"Ô có ký tự đổi chiều chữ không nhìn thấy được ({_code(m)}, ở ký tự thứ {m.start() + 1}), "
                "làm chữ hiện ra sai thứ tự; hãy xóa ký tự đó (gõ lại ô) rồi nhập lại.",
                f"The cell holds an invisible text-direction character ({_code(m)}, at character "
                f"{m.start() + 1}) that makes the text display out of order; delete it (retype the cell).",
            )
        value = raw.strip()
        if value[:1] == "'" and value[1:2] in _FORMULA_START:
            value = value[1:]  # undo csv_safe: our own CSV files write "'=..." so Excel keeps it as text
        return unicodedata.normalize("NFC", value)
    if isinstance(raw, Formula):
        raise formula_error(raw)
    if isinstance(raw, bool):
        return "có" if raw else "không"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime):
        return raw.strftime("%d/%m/%Y %H:%M") if raw.time() != time(0) else raw.strftime("%d/%m/%Y")
    if isinstance(raw, date):
        return raw.strftime("%d/%m/%Y")
    return str(raw).strip()


# --- dates and times --------------------------------------------------------------------

_DMY = r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})"
_YMD = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_HM = r"(\d{1,2})\s*[:hH]\s*(\d{2})(?::(\d{2}))?"
_DATE_RE = re.compile(rf"^(?:{_DMY}|{_YMD})$")
# Date then time ("15/01/2025 08:30", "2025-01-15T08:30", "15/01/2025 8h30") or time then date.
_DATETIME_RE = re.compile(rf"^(?:{_DMY}|{_YMD})(?:\s*[T ]\s*|\s+){_HM}$")
_TIME_DATE_RE = re.compile(rf"^{_HM}\s+(?:{_DMY}|{_YMD})$")
_YEAR_ONLY_2 = re.compile(r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}(?:\s|$)")

_DATE_HELP_VI = "dd/mm/yyyy (ví dụ 05/01/2026)"
_DATE_HELP_EN = "dd/mm/yyyy (e.g. 05/01/2026)"
_DT_HELP_VI = "dd/mm/yyyy HH:MM (ví dụ 05/01/2026 08:30)"
_DT_HELP_EN = "dd/mm/yyyy HH:MM (e.g. 05/01/2026 08:30)"


def _make_date(y: str, m: str, d: str, raw: object) -> date:
    try:
        value = date(int(y), int(m), int(d))
    except ValueError:
        raise CellError(
            f"Ngày «{_shown(raw)}» không có thật (kiểm tra ngày và tháng; định dạng {_DATE_HELP_VI}).",
            f"«{_shown(raw)}» is not a real date (check day and month; format {_DATE_HELP_EN}).",
        ) from None
    return _in_years(value, raw)


def _in_years(value: date, raw: object) -> date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise CellError(
            f"Ngày «{_shown(raw)}» có năm {value.year}, ngoài khoảng {MIN_YEAR}–{MAX_YEAR}; kiểm tra lại năm.",
            f"«{_shown(raw)}» is in year {value.year}, outside {MIN_YEAR}–{MAX_YEAR}; check the year.",
        )
    return value


def _date_groups(groups: tuple[str | None, ...], raw: object) -> date:
    d, m, y, iy, im, idd = groups
    if y is not None:
        return _make_date(y, m or "", d or "", raw)
    return _make_date(iy or "", im or "", idd or "", raw)


def _bad_date(raw: object) -> CellError:
    if isinstance(raw, str) and _YEAR_ONLY_2.match(raw.strip()):
        return CellError(
            f"Ngày «{_shown(raw)}» phải ghi năm đủ 4 chữ số: {_DATE_HELP_VI}.",
            f"«{_shown(raw)}»: write the year with 4 digits: {_DATE_HELP_EN}.",
        )
    return CellError(
        f"«{_shown(raw)}» không phải ngày tháng; hãy nhập theo dạng {_DATE_HELP_VI}.",
        f"«{_shown(raw)}» is not a date; use {_DATE_HELP_EN}.",
    )


def parse_date(raw: object) -> date:
    """dd/mm/yyyy, d/m/yyyy (also with - or .), ISO yyyy-mm-dd, or an Excel date cell."""
    if isinstance(raw, datetime):
        return _in_years(raw.date(), raw)
    if isinstance(raw, date):
        return _in_years(raw, raw)
    if not isinstance(raw, str):
        raise _bad_date(raw)
    s = raw.strip()
    m = _DATE_RE.match(s)
    if m is not None:
        return _date_groups(m.groups(), raw)
    # A date-time in a date column: keep the date (exports often carry 00:00:00).
    m = _DATETIME_RE.match(s)
    if m is not None:
        return _date_groups(m.groups()[:6], raw)
    raise _bad_date(raw)


def _make_time(hh: str, mm: str, ss: str | None, raw: object) -> time:
    try:
        return time(int(hh), int(mm), int(ss or 0))
    except ValueError:
        raise CellError(
            f"Giờ trong «{_shown(raw)}» không hợp lệ (giờ 0–23, phút 0–59).",
            f"The time in «{_shown(raw)}» is invalid (hours 0–23, minutes 0–59).",
        ) from None


def parse_datetime(raw: object) -> datetime:
    """A date with its time of day, which must be given (the 15:00 and 17:00 rules depend on it).

    Accepts "dd/mm/yyyy HH:MM" (also "8h30", seconds, "HH:MM dd/mm/yyyy"), ISO "yyyy-mm-ddTHH:MM"
    or "yyyy-mm-dd HH:MM", and Excel date-time cells. An Excel cell at exactly 00:00 is taken
    as a date without a time.
    """
    no_time = CellError(
        f"«{_shown(raw)}» thiếu giờ tiếp nhận. Cần nhập cả giờ ({_DT_HELP_VI}) vì hồ sơ nhận "
        "sau 15:00 được tính sang ngày làm việc tiếp theo.",
        f"«{_shown(raw)}» has no time of receipt. Enter the time too ({_DT_HELP_EN}): dossiers "
        "received after 15:00 count from the next working day.",
    )
    if isinstance(raw, datetime):
        if raw.time() == time(0):
            raise no_time
        _in_years(raw.date(), raw)
        # Excel keeps times as fractions of a day: 15:00 may come back as 14:59:59.999.
        return (raw + timedelta(microseconds=500_000)).replace(microsecond=0)
    if isinstance(raw, date):
        raise no_time
    if not isinstance(raw, str):
        raise CellError(
            f"«{_shown(raw)}» không phải ngày giờ; hãy nhập theo dạng {_DT_HELP_VI}.",
            f"«{_shown(raw)}» is not a date and time; use {_DT_HELP_EN}.",
        )
    s = raw.strip()
    m = _DATETIME_RE.match(s)
    if m is not None:
        g = m.groups()
        return datetime.combine(_date_groups(g[:6], raw), _make_time(g[6], g[7], g[8], raw))
    m = _TIME_DATE_RE.match(s)
    if m is not None:
        g = m.groups()
        return datetime.combine(_date_groups(g[3:], raw), _make_time(g[0], g[1], g[2], raw))
    if _DATE_RE.match(s):
        parse_date(s)  # a non-existent date is reported as such first
        raise no_time
    raise CellError(
        f"«{_shown(raw)}» không phải ngày giờ; hãy nhập theo dạng {_DT_HELP_VI}.",
        f"«{_shown(raw)}» is not a date and time; use {_DT_HELP_EN}.",
    )


# --- numbers ----------------------------------------------------------------------------

_DIGITS = re.compile(r"^\d+$")
_NEGATIVE = re.compile(r"^-\s*\d+(?:[.,]\d+)?$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")
_DECIMAL = re.compile(r"^-?\d+[.,]\d+$")


def parse_int(raw: object) -> int:
    """A whole number: plain digits, or an Excel number that is whole. Signs and separators refused."""
    if isinstance(raw, bool):
        raise CellError(f"«{_shown(raw)}» không phải số nguyên.", f"«{_shown(raw)}» is not a whole number.")
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, float):
        if not raw.is_integer():
            raise CellError(
                f"«{_shown(raw)}» phải là số nguyên (không có phần thập phân).",
                f"«{_shown(raw)}» must be a whole number (no decimals).",
            )
        value = int(raw)
    elif isinstance(raw, str):
        s = raw.strip()
        if _DIGITS.match(s):
            value = int(s) if len(s) <= 18 else MAX_INT + 1  # int() of 4,300+ digits raises
        elif _NEGATIVE.match(s):
            raise CellError(f"Số «{_shown(s)}» không được âm.", f"«{_shown(s)}» cannot be negative.")
        elif _THOUSANDS.match(s):
            raise CellError(
                f"«{s}»: chỉ nhập chữ số, không dùng dấu chấm hay dấu phẩy phân cách hàng nghìn.",
                f"«{s}»: digits only, without thousands separators.",
            )
        elif _DECIMAL.match(s):
            raise CellError(
                f"«{_shown(s)}» phải là số nguyên (không có phần thập phân).",
                f"«{_shown(s)}» must be a whole number (no decimals).",
            )
        else:
            raise CellError(f"«{_shown(s)}» không phải số.", f"«{_shown(s)}» is not a number.")
    else:
        raise CellError(f"«{_shown(raw)}» không phải số.", f"«{_shown(raw)}» is not a number.")
    if value < 0:
        raise CellError(f"Số «{value}» không được âm.", f"«{value}» cannot be negative.")
    if value > MAX_INT:
        raise CellError(
            f"Số «{_shown(raw)}» quá lớn (tối đa {MAX_INT:,}).".replace(",", "."),
            f"«{_shown(raw)}» is too large (at most {MAX_INT:,}).",
        )
    return value


# --- yes / no ---------------------------------------------------------------------------

_TRUE = frozenset({"co", "x", "1", "yes", "y", "true", "dung", "c"})
_FALSE = frozenset({"khong", "0", "no", "n", "false", "sai", "k", "-"})


def parse_bool(raw: object) -> bool:
    """ "Có"/"Không", "x", 1/0, "yes"/"no", "true"/"false" or an Excel TRUE/FALSE cell."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and raw in (0, 1):
        return bool(raw)
    key = fold(str(raw))
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise CellError(
        f"«{_shown(raw)}»: hãy ghi «Có» hoặc «Không» (hoặc «x» / để trống).",
        f"«{_shown(raw)}»: write «Có» (yes) or «Không» (no) (or «x» / leave empty).",
    )


# --- controlled vocabularies -----------------------------------------------------------


def enum_parser(enum: Any) -> Callable[[object], Any]:
    """A parser for a storage.vocab enum: its code, Vietnamese or English label, any case or diacritics.

    Answers are remembered per cell text: a column holds a handful of distinct values, and
    ``Labelled.parse`` folds every label on each call.
    """
    known: dict[str, Any] = {}

    def parse(raw: object) -> Any:
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        key = text(raw)
        value = known.get(key)
        if value is None:
            value = enum.parse(key)
            if value is None:
                raise CellError(
                    f"«{_shown(raw)}» không có trong danh mục; chọn một trong: {'; '.join(enum.choices('vi'))}.",
                    f"«{_shown(raw)}» is not a known value; use one of: {'; '.join(enum.choices('en'))}.",
                )
            if len(known) < 1000:
                known[key] = value
        return value

    parse.enum = enum  # type: ignore[attr-defined]
    return parse
