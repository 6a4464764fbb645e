"""Vietnamese display formats: dd/mm/yyyy dates, dot thousands, comma decimals."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale


def fmt_date(d: date | datetime | None) -> str:
    if d is None:
        return ""
    if isinstance(d, datetime):
        return d.strftime("%d/%m/%Y %H:%M")
    return d.strftime("%d/%m/%Y")


def fmt_int(n: int | None) -> str:
    """1.234 in Vietnamese, 1,234 in English (QLocale follows the chosen language)."""
    return "" if n is None else QLocale().toString(int(n))


def fmt_pct(x: float | None) -> str:
    """83,8% in Vietnamese."""
    return "" if x is None else QLocale().toString(x * 100, "f", 1) + "%"
