"""Vietnamese-aware search and sorting, with no third-party dependency.

Clerks search without diacritics ("nguyen van") and expect lists in Vietnamese alphabet
order (D before Đ, O before Ô before Ơ), which neither ``str.lower`` nor code-point order
gives. Text may arrive precomposed or decomposed depending on the input method (Unikey,
VNI, pasted from PDFs), so everything is normalised to NFC first. A full ICU collation
(PyICU) would do this too, but is a heavy native dependency for a desktop bundle.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_BREVE = "\u0306"  # ă
_CIRCUMFLEX = "\u0302"  # â ê ô
_HORN = "\u031b"  # ơ ư
# Tone marks in dictionary order: (none), huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Vietnamese alphabet, with the Latin letters it lacks (f j w z) at their Latin places
# so that foreign names still sort sensibly.
_ALPHABET = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
             "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]  # fmt: skip
_MODIFIED = {_BREVE: {"a": "ă"}, _CIRCUMFLEX: {"a": "â", "e": "ê", "o": "ô"}, _HORN: {"o": "ơ", "u": "ư"}}
_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}
# Đ typed with legacy encodings often arrives as the Icelandic eth (Ð, U+00D0).
_D_STROKE = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})

_SEPARATOR, _DIGIT, _LETTER, _OTHER = 0, 1, 2, 3

Primary = tuple[tuple[int, int], ...]
SortKey = tuple[Primary, tuple[int, ...], tuple[bool, ...], str]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, no diacritics, đ -> d, single spaces: the form stored in search columns."""
    decomposed = unicodedata.normalize("NFD", _nfc(text).translate(_D_STROKE))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.lower().split())


def matches(query: str, text: str) -> bool:
    """Whether every word of the query occurs in the text, ignoring case and diacritics."""
    haystack = fold(text)
    return all(word in haystack for word in fold(query).split())


def _units(text: str) -> list[tuple[str, str]]:
    """Split NFD text into (base character, its combining marks)."""
    units: list[tuple[str, str]] = []
    for ch in unicodedata.normalize("NFD", _nfc(text)):
        if unicodedata.combining(ch) and units:
            base, marks = units[-1]
            units[-1] = (base, marks + ch)
        else:
            units.append((ch, ""))
    return units


def _primary(base: str, marks: str) -> tuple[int, int]:
    """Alphabet position of one character, ignoring tone and case."""
    low = base.lower()
    if low == "ð":
        low = "đ"
    for mark, letters in _MODIFIED.items():
        if mark in marks and low in letters:
            low = letters[low]
            break
    if low in _RANK:
        return (_LETTER, _RANK[low])
    if low.isdigit():
        return (_DIGIT, ord(low))
    if low.isspace() or not low.isalnum():
        return (_SEPARATOR, ord(low))
    return (_OTHER, ord(low))


@lru_cache(maxsize=8192)
def vietnamese_sort_key(text: str) -> SortKey:
    """Key for Vietnamese alphabet order: letters, then tones, then case, then the text itself.

    Cached: ≈ 80 µs a name, and lists sort the same names again and again (two staff lists per report).
    """
    units = _units(" ".join(text.split()))
    primary = tuple(_primary(base, marks) for base, marks in units)
    tones = tuple(next((_TONES[m] for m in marks if m in _TONES), 0) for _, marks in units)
    case = tuple(base.isupper() for base, _ in units)
    return primary, tones, case, _nfc(text)


def name_sort_key(full_name: str) -> tuple[SortKey, SortKey]:
    """Key for Vietnamese personal names: by given name (last word), then family and middle names."""
    words = _nfc(full_name).split()
    if not words:
        return vietnamese_sort_key(""), vietnamese_sort_key("")
    return vietnamese_sort_key(words[-1]), vietnamese_sort_key(" ".join(words[:-1]))
