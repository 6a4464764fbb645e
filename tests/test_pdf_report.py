"""The PDF report: Decree 30 layout, exact Vietnamese text, embedded fonts, orientation, repeated headers.

Text is read back with two independent readers (pypdf and poppler's pdftotext); the figures are
compared with the Report the writer was given and with the demo's known July 2025 facts.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from reportlab.pdfbase.ttfonts import TTFont
from sqlalchemy.orm import Session

from reports.model import HeaderCell, Report, Section, Table
from reports.pdf_fonts import covers_vietnamese, find_times_new_roman, report_fonts, resources_dir
from reports.pdf_styles import MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, cell_text
from reports.pdf_writer import recipient_lines, write_pdf
from reports.periodic import build_periodic_report
from storage.db import open_database
from storage.errors import UserError
from storage.periods import parse_period
from storage.profile import ProfileData, save_profile
from storage.proposals import ProposalData, save_proposal
from storage.vocab import ProposalCategory, ProposalStatus

BASE_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
    "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


@pytest.fixture(scope="session")
def july_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The demo commune's official July 2025 report (15/06–14/07/2025), computed once."""
    from storage.demo import load_demo

    db = open_database(tmp_path_factory.mktemp("pdf-demo") / "demo.sqlite")
    try:
        with db.sessions.begin() as s:
            load_demo(s, "luong-minh", until=date(2026, 10, 31))
        with db.sessions.begin() as s:
            return build_periodic_report(s, parse_period("2025-07"))
    finally:
        db.close()


@pytest.fixture(scope="session")
def july_pdf(july_report: Report, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[int, int]]]:
    calls: list[tuple[int, int]] = []
    path = write_pdf(
        july_report, tmp_path_factory.mktemp("pdf") / "bao-cao.pdf", progress=lambda d, n: calls.append((d, n))
    )
    return path, calls


@pytest.fixture(scope="session")
def july_pages(july_pdf: tuple[Path, list[tuple[int, int]]]) -> list[str]:
    return [page.extract_text() for page in PdfReader(july_pdf[0]).pages]


def poppler_text(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], check=True, capture_output=True, text=True).stdout


def row_after(text: str, label: str, count: int) -> list[str]:
    """The ``count`` words printed after a row label, whatever line breaks the reader put between cells."""
    words, target = text.split(), label.split()
    for i in range(len(words) - len(target)):
        if words[i : i + len(target)] == target:
            return words[i + len(target) : i + len(target) + count]
    raise AssertionError(f"{label!r} not found")


def form_rows(report: Report) -> tuple[tuple[object, ...], ...]:
    return report.sections[0].tables[0].rows


EXACT = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "ỦY BAN NHÂN DÂN",
    "XÃ LƯỢNG MINH",
    "BÁO CÁO",
    "(Từ ngày 15/06/2025 đến ngày 14/07/2025)",
    "I. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
    "Hộ tịch",
    "Chứng thực",
    "Số hồ sơ nhận giải quyết",
    "Đơn vị tính: Số hồ sơ TTHC",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Nơi nhận:",
    "- Văn phòng UBND tỉnh;",
    "- Lưu: VT.",
)


def test_pypdf_reads_back_the_exact_vietnamese_text(july_report: Report, july_pages: list[str]) -> None:
    text = "\n".join(july_pages)
    for expected in (*EXACT, july_report.signature.name):
        assert expected in text, expected
    assert july_report.signature.name == "Lô Văn Hải"
    assert text.index("Nơi nhận:") > text.index("VI. NHIỆM VỤ TRỌNG TÂM KỲ TỚI")


def test_hotich_row_matches_the_report_and_the_demo_facts(july_report: Report, july_pages: list[str]) -> None:
    row = next(r for r in form_rows(july_report) if r[1] == "Hộ tịch")
    printed = row_after("\n".join(july_pages), "Hộ tịch", 11)
    assert printed == [str(v) for v in row[2:]]
    # The demo's July 2025 period: 43 civil-status dossiers received in person, all resolved in time.
    received, online, direct, carried, resolved, early, on_time, late = (int(w) for w in printed[:8])
    assert (received, online, direct, carried, resolved, late) == (43, 0, 43, 0, 43, 0)
    assert early + on_time == 43 and on_time == 40


@needs_poppler
def test_pdftotext_reads_the_same_text_and_the_row_on_one_line(july_report: Report, july_pdf: tuple) -> None:
    text = poppler_text(july_pdf[0], "-layout")
    for expected in (*EXACT, july_report.signature.name):
        assert expected in text, expected
    line = next(line for line in text.splitlines() if re.search(r"^\s*1\s+Hộ tịch\s", line))
    assert line.split()[3:] == [str(v) for v in next(r for r in form_rows(july_report) if r[1] == "Hộ tịch")[2:]]
    total = next(line for line in text.splitlines() if re.search(r"^\s*Tổng số\s+\d", line))
    assert total.split()[2:] == [str(v) for v in form_rows(july_report)[-1][2:]]


def _fonts(reader: PdfReader) -> Iterator[DictionaryObject]:
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            yield ref.get_object()


def test_every_font_is_embedded_and_none_is_base_14(july_pdf: tuple) -> None:
    fonts = list(_fonts(PdfReader(july_pdf[0])))
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
        assert name not in BASE_14
        descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), name
    # Regular, bold, italic and bold italic faces of one family are all used (header, title, date, "Nơi nhận").
    families = {str(f["/BaseFont"]).split("+")[-1] for f in fonts}
    assert len(families) == 4
    if report_fonts().family == "LiberationSerif":
        assert families == {
            "LiberationSerif",
            "LiberationSerif-Bold",
            "LiberationSerif-Italic",
            "LiberationSerif-BoldItalic",
        }


@needs_poppler
def test_page_numbers_in_the_top_margin_from_page_two(july_pdf: tuple) -> None:
    path = july_pdf[0]
    words = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
    page1 = words.findall(poppler_text(path, "-bbox", "-f", "1", "-l", "1"))
    assert page1 and all(float(y_max) > MARGIN_TOP for _, _, _, y_max, _ in page1)
    count = len(PdfReader(path).pages)
    for n in (2, count):
        page = words.findall(poppler_text(path, "-bbox", "-f", str(n), "-l", str(n)))
        top = [w for w in page if float(w[3]) < MARGIN_TOP]
        assert [w[4] for w in top] == [str(n)]
        centre = (float(top[0][0]) + float(top[0][2])) / 2
        width = float(PdfReader(path).pages[n - 1].mediabox.width)
        assert abs(centre - (MARGIN_LEFT + (width - MARGIN_LEFT - MARGIN_RIGHT) / 2)) < 3


@needs_poppler
def test_text_stays_inside_the_decree_30_margins(july_pdf: tuple, july_pages: list[str]) -> None:
    """Left 30 mm (binding edge), right 15 mm, top 20 mm, on portrait page 1 and on the landscape form page."""
    words = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">')
    pt = 72 / 25.4
    form_page = next(i for i, text in enumerate(july_pages) if "Số hồ sơ nhận giải quyết" in text) + 1
    for n, width in ((1, 210), (form_page, 297)):
        boxes = [
            tuple(map(float, w)) for w in words.findall(poppler_text(july_pdf[0], "-bbox", "-f", str(n), "-l", str(n)))
        ]
        body = [b for b in boxes if b[3] > 20 * pt]  # below the page-number line
        assert 30 * pt - 1 <= min(b[0] for b in body) <= 32 * pt  # justified text and table start at 30 mm
        assert (width - 15) * pt - 4 <= max(b[2] for b in body) <= (width - 15) * pt + 0.5
        assert min(b[1] for b in body) >= 20 * pt - 0.5


def test_form_pages_are_landscape_and_the_first_page_portrait(july_pdf: tuple, july_pages: list[str]) -> None:
    pages = PdfReader(july_pdf[0]).pages
    assert pages[0].mediabox.width < pages[0].mediabox.height
    form_pages = [i for i, text in enumerate(july_pages) if "Số hồ sơ nhận giải quyết" in text]
    assert form_pages
    for i in form_pages:
        assert pages[i].mediabox.width > pages[i].mediabox.height
    signature_page = next(i for i, text in enumerate(july_pages) if "Nơi nhận:" in text)
    assert pages[signature_page].mediabox.width < pages[signature_page].mediabox.height


def test_progress_is_reported_per_section(july_report: Report, july_pdf: tuple) -> None:
    n = len(july_report.sections)
    assert july_pdf[1] == [(i, n) for i in range(n + 1)]


@needs_poppler
def test_pdftoppm_renders_page_one(july_pdf: tuple, tmp_path: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(july_pdf[0]), str(tmp_path / "p")], check=True
    )
    (png,) = tmp_path.glob("p-*.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 2000


def test_a_long_proposals_table_repeats_its_header_on_every_page(session: Session, tmp_path: Path) -> None:
    save_profile(session, ProfileData(code="16906", signer_name="Nguyễn Văn An"))
    titles = [f"Kiến nghị thử số {i:03d} về kinh phí bảo trì thiết bị một cửa" for i in range(1, 71)]
    for i, title in enumerate(titles):
        save_proposal(
            session,
            ProposalData(
                category=ProposalCategory.FACILITIES,
                title=title,
                raised_date=date(2025, 6, 16 + i % 14),
                addressed_to="Sở Tài chính",
                status=ProposalStatus.SENT,
            ),
        )
    report = build_periodic_report(session, parse_period("2025-07"))
    pages = [p.extract_text() for p in PdfReader(write_pdf(report, tmp_path / "long.pdf")).pages]
    with_rows = [text for text in pages if "Kiến nghị thử số" in text]
    assert len(with_rows) >= 2
    for text in with_rows:
        assert "Cơ quan giải quyết" in text and "Trả lời của tỉnh" in text
    joined = " ".join(" ".join(pages).split())  # a title wrapped inside its cell reads back on two lines
    assert [t for t in titles if joined.count(t) != 1] == []  # every row once, none lost at a page break


def test_two_level_header_spans_and_vietnamese_number_format(tmp_path: Path, july_report: Report) -> None:
    h = HeaderCell
    table = Table(
        title="Bảng thử",
        header=((h("STT", rowspan=2), h("Tên", rowspan=2), h("Số liệu", colspan=2)), (h("Số hồ sơ"), h("Tỷ lệ"))),
        rows=tuple((i, f"Dòng {i}", 1000 + i * 1234, i / 200) for i in range(1, 121)),
        widths=(5, 30, 12, 12),
        kinds=("text", "text", "int", "pct"),
        bold_rows=frozenset({119}),
        column_numbers=True,
    )
    text = "Chữ <b>không đậm</b> & ký tự đặc biệt giữ nguyên."
    report = replace(july_report, sections=(Section("I. BẢNG THỬ", (text,), (table,)),))
    pages = [p.extract_text() for p in PdfReader(write_pdf(report, tmp_path / "t.pdf")).pages]
    table_pages = [t for t in pages if "Dòng " in t]
    assert len(table_pages) >= 3
    for text in table_pages:
        assert text.count("Số liệu") == 1 and "(4)" in text  # the span prints once, the number row repeats
    joined = "\n".join(pages)
    assert text in joined  # typed text is printed as typed, never read as markup
    assert "2.234" in joined and "149.080" in joined  # 1000 + 1234 and 1000 + 120 × 1234
    assert "0,5%" in joined and "60,0%" in joined  # 1/200 and 120/200 as percentages


def test_cell_text_formats_without_arithmetic() -> None:
    assert cell_text(1234567, "int") == "1.234.567"
    assert cell_text(0.838, "pct") == "83,8%"
    assert cell_text(None, "pct") == "" and cell_text(None, "int") == ""
    assert cell_text("01/07/2025", "date") == "01/07/2025"
    assert cell_text(1234.5, "int") == "1.234,5"


def test_recipient_punctuation() -> None:
    assert recipient_lines(["UBND tỉnh", " - Sở Nội vụ;", "Lưu: VT, VP."]) == [
        "- UBND tỉnh;",
        "- Sở Nội vụ;",
        "- Lưu: VT, VP.",
    ]
    assert recipient_lines(["Lưu: VT", "Sở Tài chính,"]) == ["- Sở Tài chính;", "- Lưu: VT."]
    assert recipient_lines([]) == ["- Lưu: VT."]


def test_write_failure_is_a_user_error_and_leaves_no_temporary_file(july_report: Report, tmp_path: Path) -> None:
    target = tmp_path / "is-a-folder.pdf"
    target.mkdir()
    with pytest.raises(UserError, match="Không ghi được tệp"):
        write_pdf(july_report, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["is-a-folder.pdf"]


def test_times_new_roman_is_found_by_its_usual_file_names(tmp_path: Path) -> None:
    shipped = resources_dir() / "fonts"
    for src, name in (("Regular", "times.ttf"), ("Bold", "TIMESBD.TTF"), ("Italic", "timesi.ttf")):
        shutil.copy(shipped / f"LiberationSerif-{src}.ttf", tmp_path / name)
    assert find_times_new_roman([tmp_path / "missing", tmp_path]) is None  # the bold italic face is missing
    shutil.copy(shipped / "LiberationSerif-BoldItalic.ttf", tmp_path / "timesbi.ttf")
    found = find_times_new_roman([tmp_path / "missing", tmp_path])
    assert found is not None and [p.name for p in found] == ["times.ttf", "TIMESBD.TTF", "timesi.ttf", "timesbi.ttf"]


def test_a_font_without_vietnamese_letters_is_refused() -> None:
    import reportlab

    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    assert not covers_vietnamese(TTFont("VeraTest", str(vera)))
    assert covers_vietnamese(TTFont("LibTest", str(resources_dir() / "fonts" / "LiberationSerif-Regular.ttf")))
    assert (resources_dir() / "fonts" / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") == 1
