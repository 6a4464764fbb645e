"""Vietnamese administrative text conventions (Decree 30/2020, REFERENCE.md §8)."""

from __future__ import annotations

from datetime import date

from storage.textsearch import fold

_PREFIXES = ("xã ", "phường ", "đặc khu ", "thị trấn ")


def place_name(official_name: str) -> str:
    """ "Xã Lượng Minh" -> "Lượng Minh": the place written before the date line."""
    lowered = official_name.lower()
    for prefix in _PREFIXES:
        if lowered.startswith(prefix):
            return official_name[len(prefix) :].strip()
    return official_name.strip()


def date_line(place: str, day: date | None) -> str:
    """ "Lượng Minh, ngày 05 tháng 01 năm 2026": day < 10 and months 1–2 with a leading zero.

    With no date the blanks are left for the signer to fill by hand, as offices print them.
    """
    if day is None:
        return f"{place}, ngày      tháng      năm"
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def number_line(document_number: str, suffix: str = "BC-UBND") -> str:
    """ "Số: 05/BC-UBND"; an empty number leaves room to write it after signing."""
    number = document_number.strip()
    if not number:
        return f"Số:        /{suffix}"
    head, _, tail = number.partition("/")
    if head.isdigit() and len(head) < 2:
        head = f"{int(head):02d}"
    return f"Số: {head}/{tail}" if tail else f"Số: {head}/{suffix}"


def upper(text: str) -> str:
    """Upper case that keeps Vietnamese letters right (Python's upper() does)."""
    return text.upper()


#: Names Windows keeps for devices, whatever the extension ("con.xlsx" cannot be created either).
_WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
)


def safe_file_stem(text: str, limit: int = 80) -> str:
    """A file name part from user text that every system and USB stick accepts.

    ASCII letters, digits, "-" and "_" only (Vietnamese letters lose their marks): no path
    separators or "..", no drive letters, no trailing dots or spaces, no Windows device name
    (CON, NUL, COM1…), at most ``limit`` characters, never empty.
    """
    stem = "".join(c if (c.isascii() and c.isalnum()) or c in "-_" else "-" for c in fold(text))
    stem = "-".join(part for part in stem.split("-") if part)[:limit].strip("-") or "bao-cao"
    if stem.upper() in _WINDOWS_DEVICES:
        stem = f"{stem}-1"
    return stem


def vn_int(n: int | None) -> str:
    """1.234 (dot thousands), as Vietnamese documents print counts."""
    return "" if n is None else f"{n:,}".replace(",", ".")


def vn_pct(x: float | None) -> str:
    """83,8% (decimal comma); a dash when there is nothing to divide."""
    return "–" if x is None else f"{x * 100:.1f}%".replace(".", ",")


def vn_date(d: date | None) -> str:
    return "" if d is None else d.strftime("%d/%m/%Y")
