"""File names built from user text: no way out of the chosen folder, no Windows device, never empty.

``safe_file_stem`` names report files after the commune and the period; ``extract_report`` names
the province's copy of a commune's report after the file the commune sent, a name the province
does not control. Hypothesis throws every kind of text at the first; hostile names at the second.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.vn_text import safe_file_stem

DEVICES = ["CON", "PRN", "AUX", "NUL", "COM1", "COM9", "LPT1", "LPT9", "COM0", "LPT0", "CONIN$", "CONOUT$"]
HOSTILE = [
    "../../etc/passwd",
    "..\\..\\Windows\\System32\\drivers",
    "/etc/shadow",
    "C:\\Users\\Public\\x",
    "D:",
    "\\\\server\\share\\f",
    "..",
    ".",
    "",
    "   ",
    "báo cáo. ",
    "báo cáo...",
    "con",
    "con.txt",
    "Con ",
    "nul.xlsx",
    "COM¹",
    "LPT²",
    "a\x00b",
    "x\u202egpj.exe",
    "ＣＯＮ",
    "名前",
    "Lượng Minh/2025",
    "x" * 500,
    "-rf",
    'a:b*c?d"e<f>g|h',
]


def _safe(stem: str, limit: int = 80) -> None:
    assert stem, "empty"
    assert len(stem) <= limit
    assert all((c.isascii() and c.isalnum()) or c in "-_" for c in stem), stem
    assert stem.upper() not in DEVICES
    assert not stem.startswith("-") and not stem.endswith(("-", ".", " "))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names(text: str) -> None:
    _safe(safe_file_stem(text))


@pytest.mark.parametrize("name", DEVICES)
def test_windows_devices_even_with_an_extension_or_another_case(name: str) -> None:
    for text in (name, name.lower(), f"{name}.txt", f" {name} "):
        stem = safe_file_stem(text)
        assert stem.upper() not in DEVICES, text


def test_ordinary_names_stay_readable() -> None:
    assert safe_file_stem("Báo cáo Xã Lượng Minh tháng 7 năm 2025") == "bao-cao-xa-luong-minh-thang-7-nam-2025"
    assert safe_file_stem("16906_2025-07_v1") == "16906_2025-07_v1"


@settings(max_examples=300, deadline=None)
@given(text=st.text(), limit=st.integers(1, 120))
def test_any_text_gives_a_safe_stem(text: str, limit: int) -> None:
    stem = safe_file_stem(text, limit)
    assert len(stem) <= max(limit, len("bao-cao"))
    _safe(stem, max(limit, len("bao-cao")))


@pytest.mark.parametrize(
    "sent_as", ["../../../etc/cron.d/x.cdesk", "..\\..\\Startup\\evil.cdesk", "CON.cdesk", "C:\\x.cdesk", "a\x00.cdesk"]
)
def test_received_report_copy_stays_in_the_folder(
    sent_as: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name a commune's file arrived with cannot place the extracted report outside the chosen folder."""
    import reports.received_copy as rc

    monkeypatch.setattr(rc, "received_archive", lambda _s, _id: (sent_as, b"archive"))
    monkeypatch.setattr(rc, "open_archive", lambda _data: type("A", (), {"members": {"report.pdf": b"%PDF-1.7"}})())
    folder = tmp_path / "out"
    path = rc.extract_report(None, 1, "pdf", folder)  # type: ignore[arg-type]
    assert path.parent == folder and path.read_bytes() == b"%PDF-1.7"
    assert path.stem.upper() not in DEVICES
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [path.name]
