"""Language selection and small output helpers for the command line."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date, datetime

_LANG = "vi"


def set_lang(lang: str) -> None:
    """Choose the language of messages (vi by default, en on request)."""
    global _LANG
    _LANG = "en" if lang == "en" else "vi"


def lang() -> str:
    return _LANG


def t(vi: str, en: str) -> str:
    """The text in the chosen language."""
    return en if _LANG == "en" else vi


def fmt_date(d: date | datetime | None) -> str:
    """dd/mm/yyyy (with HH:MM for date-times), as Vietnamese offices write dates."""
    if d is None:
        return ""
    if isinstance(d, datetime):
        return d.strftime("%d/%m/%Y %H:%M")
    return d.strftime("%d/%m/%Y")


def fmt_int(n: int | None) -> str:
    """Thousands separated by dots, the Vietnamese way."""
    return "" if n is None else f"{n:,}".replace(",", ".")


def fmt_pct(x: float | None) -> str:
    """A percentage with a decimal comma: 83,8%."""
    return "" if x is None else f"{x * 100:.1f}%".replace(".", ",")


def _width(s: str) -> int:
    s = unicodedata.normalize("NFC", s)
    return sum(0 if unicodedata.combining(c) else (2 if unicodedata.east_asian_width(c) in "WF" else 1) for c in s)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], numeric: set[int] | None = None) -> str:
    """A plain aligned text table (numbers right-aligned)."""
    numeric = numeric or set()
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in r] for r in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        out = []
        for i, v in enumerate(row):
            pad = " " * (widths[i] - _width(v))
            out.append(pad + v if i in numeric else v + pad)
        return "  ".join(out).rstrip()

    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), sep, *(line(r) for r in cells[1:])])
