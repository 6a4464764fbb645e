"""The serif family of the PDF reports: Times New Roman when installed, shipped Liberation Serif otherwise.

Decree 30/2020 asks for Times New Roman. It cannot be shipped (Microsoft's licence), so the writer looks
for it on the computer and falls back to Liberation Serif 2 (SIL OFL 1.1, metric-compatible, full
Vietnamese coverage) in resources/fonts. reportlab embeds the used glyphs of a TTF, so the PDF reads the
same on any computer. No Qt here: reports/ stays importable without a GUI.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

#: Letters a font must have to print Vietnamese (upper and lower, every tone on every vowel kind).
VIETNAMESE_SAMPLE = (
    "ĂÂĐÊÔƠƯăâđêôơư ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
)

_FACES = ("regular", "bold", "italic", "bold_italic")

# File names per face, in the spellings the common installers use (Windows, msttcorefonts, macOS).
_TIMES_NAMES: tuple[tuple[str, ...], ...] = (
    ("times.ttf", "Times_New_Roman.ttf", "Times New Roman.ttf", "TimesNewRoman.ttf"),
    ("timesbd.ttf", "Times_New_Roman_Bold.ttf", "Times New Roman Bold.ttf", "TimesNewRomanBold.ttf"),
    ("timesi.ttf", "Times_New_Roman_Italic.ttf", "Times New Roman Italic.ttf", "TimesNewRomanItalic.ttf"),
    (
        "timesbi.ttf",
        "Times_New_Roman_Bold_Italic.ttf",
        "Times New Roman Bold Italic.ttf",
        "TimesNewRomanBoldItalic.ttf",
    ),
)
_SHIPPED = (
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
)


@dataclass(frozen=True)
class FontFamily:
    """Registered reportlab font names of the four faces, and where they came from."""

    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    files: tuple[Path, ...]

    @property
    def is_times_new_roman(self) -> bool:
        return self.family == "TimesNewRoman"


def resources_dir() -> Path:
    """resources/ beside the code, or inside a PyInstaller bundle (same rule as gui/resources.py)."""
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def system_font_dirs() -> list[Path]:
    """Folders where Times New Roman is installed on Windows, Linux and macOS."""
    dirs: list[Path] = []
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs.append(windir / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"), Path.home() / "Library/Fonts"]
    else:
        dirs += [
            Path("/usr/share/fonts/truetype/msttcorefonts"),
            Path("/usr/share/fonts/TTF"),
            Path("/usr/share/fonts/truetype"),
            Path("/usr/local/share/fonts"),
            Path.home() / ".local/share/fonts",
            Path.home() / ".fonts",
        ]
    return dirs


def find_times_new_roman(dirs: Iterable[Path]) -> tuple[Path, ...] | None:
    """The four Times New Roman files from the first folder that has all of them (names case-insensitive)."""
    for folder in dirs:
        try:
            present = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
        except OSError:
            continue
        found = [next((present[n.lower()] for n in names if n.lower() in present), None) for names in _TIMES_NAMES]
        if all(found):
            return tuple(p for p in found if p is not None)
    return None


def covers_vietnamese(font: TTFont) -> bool:
    """Old Times New Roman builds (e.g. msttcorefonts 1998) lack the precomposed Vietnamese letters."""
    glyphs = font.face.charToGlyph
    return all(ord(c) in glyphs for c in VIETNAMESE_SAMPLE)


def _register(family: str, files: Sequence[Path]) -> FontFamily:
    names = [f"{family}-{face}" for face in _FACES]
    fonts = [TTFont(name, str(path)) for name, path in zip(names, files, strict=True)]
    if not all(covers_vietnamese(f) for f in fonts):
        raise TTFError(f"{family} lacks Vietnamese letters")
    for f in fonts:
        pdfmetrics.registerFont(f)
    # One family, so <b> and <i> inside a Paragraph pick the right face.
    pdfmetrics.registerFontFamily(family, normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3])
    return FontFamily(family, *names, files=tuple(files))


@cache
def report_fonts(search_system: bool = True) -> FontFamily:
    """Register the report family once per process: Times New Roman if usable, else Liberation Serif."""
    if search_system:
        files = find_times_new_roman(system_font_dirs())
        if files is not None:
            try:
                return _register("TimesNewRoman", files)
            except (TTFError, OSError, ValueError):
                pass  # unreadable or without Vietnamese letters: the shipped font prints correctly
    shipped = tuple(resources_dir() / "fonts" / name for name in _SHIPPED)
    return _register("LiberationSerif", shipped)
