"""Hostile files through every importer: never a crash, never a partial write, always a clear message.

Two halves. Hypothesis builds CSV and XLSX files from the real templates of each kind and spoils
them (encodings, delimiters, line ends, headers dropped, repeated or invented, cells replaced by
control characters, right-to-left overrides, NUL bytes, formulas, huge and negative numbers,
impossible dates, 10,001-character text, truncated bytes). Then named crafted files: a million
rows (CSV and XLSX), a 100 MB cell, macro-enabled, binary, old and password-protected workbooks,
an OpenDocument sheet, a ZIP bomb, an XML entity bomb, formula cells with and without a cached
value. For each file: ``preview_import`` and ``run_import`` either succeed or raise UserError
with a readable Vietnamese message (no invisible characters, no Python internals), and a refused
import leaves every table as it was. Every file is counted in the run's "hostile inputs" summary.

``CD_FUZZ_EXAMPLES=2000`` runs more generated files per kind and format.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.catalog import seed_catalog
from storage.db import Database, open_database
from storage.errors import UserError, ValidationError
from storage.importing import KINDS, preview_import, run_import
from storage.importing.templates import TEMPLATE_DIR
from storage.models import Base
from storage.units import seed_default_units
from tests import robustness_counts as counts
from tests.exchange_support import zeros_deflated

TODAY = date(2026, 1, 15)
EXAMPLES = int(os.environ.get("CD_FUZZ_EXAMPLES", "60"))
# What a message must never show: control characters (tabs and line breaks excepted), text-direction
# controls, or Python's insides.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_INTERNALS = ("Traceback", "<class", "Error(", "sqlite3.", "sqlalchemy", "NoneType", "object at 0x")


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A database with the shipped catalog and default units, which the templates' examples refer to."""
    db = open_database(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite")
    with db.sessions.begin() as s:
        seed_catalog(s)
        seed_default_units(s)
    yield db
    db.close()


def table_counts(session: Session) -> dict[str, int]:
    return {t.name: session.scalar(select(func.count()).select_from(t)) or 0 for t in Base.metadata.sorted_tables}


def _check_message(exc: UserError) -> str:
    msg = exc.message("vi")
    assert msg.strip(), "empty message"
    assert not _UNSHOWABLE.search(msg), f"invisible character in the message: {msg[:300]!r}"
    assert not any(word in msg for word in _INTERNALS), f"internals in the message: {msg[:300]!r}"
    assert exc.message("en").strip()
    if isinstance(exc, ValidationError):
        assert exc.problems and all(p.vi and p.en for p in exc.problems)
    return msg


def try_file(session: Session, kind: str, path: Path) -> tuple[str, str]:
    """Preview and import one file; ("refused" | "accepted", message). Fails on anything but a clean outcome."""
    before = table_counts(session)
    try:
        preview = preview_import(session, kind, path, today=TODAY)
    except UserError as exc:
        _check_message(exc)
    except Exception:
        counts.HOSTILE["crashes"] += 1
        raise
    else:
        for p in preview.problems:
            _check_message(ValidationError([p]))
    assert table_counts(session) == before, "the preview stored something"
    try:
        result = run_import(session, kind, path, today=TODAY)
    except UserError as exc:
        message = _check_message(exc)
        assert table_counts(session) == before, "a refused import stored something"
        outcome = "refused"
    except Exception:
        counts.HOSTILE["crashes"] += 1
        raise
    else:
        message = ""
        assert result.ok
        outcome = "accepted"
    session.rollback()  # every file starts from the same database
    counts.hostile(outcome, f"{path.suffix.lstrip('.') or 'other'} record imports")
    return outcome, message


# --- generated files -------------------------------------------------------------------------


def _template(kind: str) -> list[list[str]]:
    text = (TEMPLATE_DIR / f"{kind}.csv").read_text(encoding="utf-8-sig")
    return [row for row in csv.reader(io.StringIO(text)) if row]


TEMPLATES = {kind: _template(kind) for kind in KINDS}
HOSTILE_CELLS = [
    "",
    " ",
    "\x00",
    "An\x00",
    "Nguyễn\x07Văn An",
    "\x1b[31mđỏ",
    "\u202eAn Văn Nguyễn",
    "Lô\u200fThị Hoa",
    "\u2066x\u2069",
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://x","bấm")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "9" * 5000,
    "99999999999999999999",
    "-1",
    "-0",
    "1e309",
    "NaN",
    "inf",
    "3.5",
    "1.000",
    "31/02/2025",
    "29/02/2025",
    "00/00/0000",
    "01/01/0001",
    "31/12/9999",
    "15/01/2025 25:61",
    "2025-13-01",
    "05/01/26",
    "x" * 10_001,
    "Nguye\u0302\u0303n",
    "\ufeffAn",
    "\u200bAn",
    "Có\r\nKhông",
    '"',
    '""',
    "a,b;c\td",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1"]


@st.composite
def spoiled_rows(draw: st.DrawFn, kind: str) -> list[list[str]]:
    """The kind's template (header and examples) with its header and cells spoiled at random."""
    header, *rows = (list(r) for r in TEMPLATES[kind])
    width = len(header)
    for _ in range(draw(st.integers(0, 2))):
        action = draw(st.sampled_from(["drop", "repeat", "invent", "swap"]))
        i = draw(st.integers(0, width - 1))
        j = draw(st.integers(0, width - 1))
        if action == "drop":
            header[i] = ""
        elif action == "repeat":
            header[i] = header[j]
        elif action == "invent":
            header[i] = draw(st.sampled_from([*HOSTILE_CELLS, "Màu", "STT"]))
        else:
            header[i], header[j] = header[j], header[i]
    rows = [r + [""] * (width - len(r)) for r in rows] * draw(st.integers(1, 3))
    cell = st.one_of(st.sampled_from(HOSTILE_CELLS), st.text(max_size=30))
    for _ in range(draw(st.integers(0, 6))):
        r = draw(st.integers(0, len(rows) - 1))
        c = draw(st.integers(0, width))
        value = draw(cell)
        rows[r] = [*rows[r][:c], value, *rows[r][c + 1 :]]
    return [header, *rows]


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(list(KINDS)))
    rows = draw(spoiled_rows(kind))
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=draw(st.sampled_from([",", ";", "\t", "|"])), lineterminator=draw(
        st.sampled_from(["\r\n", "\n", "\r"]))).writerows(rows)  # fmt: skip
    data = buf.getvalue().encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    if draw(st.booleans()):  # truncated (a copy cut short) or a stray byte in the middle
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] if draw(st.booleans()) else data[:cut] + draw(st.binary(max_size=4)) + data[cut:]
    return kind, data


XLSX_VALUES = st.one_of(
    st.sampled_from([s for s in HOSTILE_CELLS if len(s) < 5000]),
    st.sampled_from([0, -1, -5, 1e308, -1e308, 2**62, 2**70, 3.5, True, False, float("nan")]),
    st.sampled_from([datetime(1900, 1, 1), datetime(2100, 12, 31, 23, 59), date(1899, 12, 31), date(9999, 12, 31)]),
)


@st.composite
def xlsx_files(draw: st.DrawFn) -> tuple[str, list[list[object]]]:
    kind = draw(st.sampled_from(list(KINDS)))
    rows: list[list[object]] = draw(spoiled_rows(kind))  # type: ignore[assignment]
    for _ in range(draw(st.integers(0, 4))):  # typed cells a CSV cannot hold
        r = draw(st.integers(1, len(rows) - 1))
        c = draw(st.integers(0, len(rows[r]) - 1))
        rows[r][c] = draw(XLSX_VALUES)
    return kind, rows


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    """Rows as a workbook; cells openpyxl would refuse (control characters) are written in its escape form."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    wb = Workbook()
    ws = wb.active
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if isinstance(value, float) and value != value:
                value = "NaN"
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
            cell = ws.cell(r, c, value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, even when it starts with "=": the formula cases come below
    wb.save(path)
    return path


_FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


@_FUZZ
@given(case=csv_files())
def test_generated_csv_files(fuzz_db: Database, case: tuple[str, bytes]) -> None:
    kind, data = case
    with tempfile.TemporaryDirectory() as tmp, fuzz_db.sessions() as s:
        path = Path(tmp) / f"{kind}.csv"
        path.write_bytes(data)
        try_file(s, kind, path)


@_FUZZ
@given(case=xlsx_files())
def test_generated_xlsx_files(fuzz_db: Database, case: tuple[str, list[list[object]]]) -> None:
    kind, rows = case
    with tempfile.TemporaryDirectory() as tmp, fuzz_db.sessions() as s:
        try_file(s, kind, write_xlsx(Path(tmp) / f"{kind}.xlsx", rows))


# --- crafted files ---------------------------------------------------------------------------

STAFF_HEADER = "Họ và tên,Giới tính,Ngày sinh,Loại cán bộ,Ngày bắt đầu công tác\n"
STAFF_ROW = "Lô Thị Hoa,Nữ,05/09/1992,Công chức,01/07/2025\n"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
SHARED = [*STAFF_HEADER.strip().split(","), *STAFF_ROW.strip().split(",")]
SHARED_STRINGS = (
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + "".join(f"<si><t>{t}</t></si>" for t in SHARED)
    + "</sst>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
    'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Nhân sự" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = "</sheetData></worksheet>"


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _staff_xml_row(n: int, name: str = "Lô Thị Hoa", extra: str = "") -> str:
    cells = [_inline(f"A{n}", name), _inline(f"B{n}", "Nữ"), _inline(f"C{n}", "05/09/1992"),
             _inline(f"D{n}", "Công chức"), _inline(f"E{n}", "01/07/2025")]  # fmt: skip
    return f'<row r="{n}">{"".join(cells)}{extra}</row>'


def _shared_xml_row(n: int) -> str:
    """Row n of the staff example as Excel writes it: cells pointing into the shared-string table."""
    first = 5 if n > 1 else 0
    return (
        f'<row r="{n}">' + "".join(f'<c r="{chr(65 + i)}{n}" t="s"><v>{first + i}</v></c>' for i in range(5)) + "</row>"
    )


def _header_xml_row() -> str:
    names = STAFF_HEADER.strip().split(",")
    return '<row r="1">' + "".join(_inline(f"{chr(65 + i)}1", h) for i, h in enumerate(names)) + "</row>"


def hand_xlsx(path: Path, rows: Iterator[str] | list[str], *, doctype: str = "", extra: dict[str, bytes] | None = None,
              level: int = 6) -> Path:  # fmt: skip
    """A minimal workbook written by hand (streamed, so a million rows take seconds, not minutes)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        zf.writestr("xl/sharedStrings.xml", SHARED_STRINGS)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(SHEET_HEAD.format(doctype=doctype).encode())
            chunk: list[str] = []
            for row in rows:
                chunk.append(row)
                if len(chunk) == 10_000:
                    fh.write("".join(chunk).encode())
                    chunk.clear()
            fh.write(("".join(chunk) + SHEET_TAIL).encode())
    return path


def _million_csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(STAFF_HEADER)
        line = "A,Nam,,x,1\n" * 10_000
        for _ in range(100):
            fh.write(line)
    return path


def _huge_cell_csv(path: Path, size: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(STAFF_HEADER + '"')
        block = "x" * (1 << 20)
        for _ in range(size >> 20):
            fh.write(block)
        fh.write('",Nữ,05/09/1992,Công chức,01/07/2025\n')
    return path


def _staff_xlsx_cells(path: Path, cells: dict[str, object], *, formula: str | None = None) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(STAFF_HEADER.strip().split(","))
    ws.append(STAFF_ROW.strip().split(","))
    for ref, value in cells.items():
        ws[ref] = value
        if isinstance(value, str) and formula is None:
            ws[ref].data_type = "s"
    if formula is not None:
        ws["A2"] = formula  # openpyxl stores a str starting with "=" as a formula, with no cached value
    wb.save(path)
    return path


def _zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _bomb_xlsx(path: Path) -> Path:
    from tests.exchange_support import Entry, build_zip

    payload, crc = zeros_deflated(1100 * 1024 * 1024)
    entries = [Entry("[Content_Types].xml", CONTENT_TYPES.encode()), Entry("_rels/.rels", ROOT_RELS.encode()),
               Entry("xl/workbook.xml", WORKBOOK.encode()), Entry("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.encode()),
               Entry("xl/worksheets/sheet1.xml", b"", raw=payload, crc=crc, size=1100 * 1024 * 1024)]  # fmt: skip
    path.write_bytes(build_zip(entries))
    return path


_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + "]>"
)
_XXE = '<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'

Crafted = Callable[[Path], Path]
# name -> (what to write, "refused" with this fragment of the Vietnamese message | "accepted")
CRAFTED: dict[str, tuple[Crafted, str]] = {
    "million-rows.csv": (_million_csv, "hơn 200.000 dòng"),
    "million-rows.xlsx": (
        lambda p: hand_xlsx(p, (_shared_xml_row(n) for n in range(1, 1_000_002)), level=1),
        "hơn 200.000 dòng",
    ),
    "100mb-cell.csv": (lambda p: _huge_cell_csv(p, 100 << 20), "quá lớn"),
    "40mb-cell.csv": (lambda p: _huge_cell_csv(p, 40 << 20), "ô quá dài"),
    "1m-char-cell.xlsx": (lambda p: hand_xlsx(p, [_header_xml_row(), _staff_xml_row(2, "x" * 1_000_000)]), "Ô quá dài"),
    "empty.csv": (lambda p: _write(p, b""), "trống"),
    "bom-only.csv": (lambda p: _write(p, b"\xef\xbb\xbf"), "trống"),
    "bom-and-blanks.csv": (lambda p: _write(p, b"\xef\xbb\xbf\r\n , ,\r\n\r\n"), "trống"),
    "header-only.csv": (lambda p: _write(p, STAFF_HEADER.encode()), "chỉ có dòng tiêu đề"),
    "utf16.csv": (lambda p: _write(p, (STAFF_HEADER + STAFF_ROW).encode("utf-16")), "không phải UTF-8"),
    "utf16-no-bom.csv": (lambda p: _write(p, (STAFF_HEADER + STAFF_ROW).encode("utf-16-le")), "không phải"),
    "cp1258.csv": (lambda p: _write(p, (STAFF_HEADER + STAFF_ROW).encode("cp1258", "replace")), "không phải UTF-8"),
    "latin1.csv": (lambda p: _write(p, "Họ và tên\nÀçé\n".encode("latin-1", "replace")), "không phải UTF-8"),
    "garbage.csv": (lambda p: _write(p, os.urandom(64 * 1024)), "không phải"),
    "pdf-renamed.xlsx": (lambda p: _write(p, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "PDF"),
    "xls-renamed.xlsx": (lambda p: _write(p, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096)), ".xls"),
    "password.xlsx": (
        lambda p: _write(p, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + "EncryptionInfo".encode("utf-16-le")),
        "mật khẩu",
    ),
    "xlsm-renamed.xlsx": (
        lambda p: hand_xlsx(p, [_header_xml_row(), _staff_xml_row(2)], extra={"xl/vbaProject.bin": b"\xd0\xcf" * 99}),
        "macro",
    ),
    "xlsb-renamed.xlsx": (lambda p: _zip(p, {"[Content_Types].xml": "", "xl/workbook.bin": b"\x83\x01"}), ".xlsb"),
    "ods-renamed.xlsx": (
        lambda p: _zip(p, {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}),
        ".ods",
    ),
    "docx-renamed.xlsx": (lambda p: _zip(p, {"word/document.xml": "<w:document/>"}), "không phải tệp Excel"),
    "zip-damaged.xlsx": (lambda p: _write(p, b"PK\x03\x04" + os.urandom(2000)), "không phải tệp Excel"),
    "zip-bomb.xlsx": (_bomb_xlsx, "giải nén quá lớn"),
    "entity-bomb.xlsx": (
        lambda p: hand_xlsx(p, [_header_xml_row(), _staff_xml_row(2, "&lol9;")], doctype=_LAUGHS),
        "không phải tệp Excel",
    ),
    "external-entity.xlsx": (
        lambda p: hand_xlsx(p, [_header_xml_row(), _staff_xml_row(2, "&secret;")], doctype=_XXE),
        "không phải tệp Excel",
    ),
    "formula-no-cache.xlsx": (lambda p: _staff_xlsx_cells(p, {}, formula='=HYPERLINK("http://x","bấm")'), "công thức"),
    "formula-cached.xlsx": (
        lambda p: hand_xlsx(
            p,
            [
                _header_xml_row(),
                _staff_xml_row(2).replace(
                    _inline("A2", "Lô Thị Hoa"), '<c r="A2" t="str"><f>CONCAT("Lô ","Thị Hoa")</f><v>Lô Thị Hoa</v></c>'
                ),
            ],
        ),
        "Ô A2 chứa công thức",
    ),
    "text-starting-with-equals.xlsx": (lambda p: _staff_xlsx_cells(p, {"A2": "=cmd|' /C calc'!A0"}), "accepted"),
    "text-starting-with-equals.csv": (
        lambda p: _write(p, (STAFF_HEADER + '"=1+1",Nam,,Công chức,01/07/2025\n').encode()),
        "accepted",
    ),
    "future-birth.csv": (
        lambda p: _write(p, (STAFF_HEADER + "An,Nam,01/01/2099,Công chức,01/07/2025\n").encode()),
        "tương lai",
    ),
    "feb-30.csv": (
        lambda p: _write(p, (STAFF_HEADER + "An,Nam,30/02/1990,Công chức,01/07/2025\n").encode()),
        "không có thật",
    ),
    "year-9999.xlsx": (lambda p: _staff_xlsx_cells(p, {"C2": datetime(9999, 12, 31)}), "ngoài khoảng 1900–2100"),
    "year-1.csv": (
        lambda p: _write(p, (STAFF_HEADER + "An,Nam,01/01/0001,Công chức,01/07/2025\n").encode()),
        "ngoài khoảng 1900–2100",
    ),
    "nul-in-name.csv": (
        lambda p: _write(p, (STAFF_HEADER + "An\x00,Nam,,Công chức,01/07/2025\n").encode()),
        "ký tự điều khiển",
    ),
    "bell-in-name.xlsx": (
        lambda p: hand_xlsx(p, [_header_xml_row(), _staff_xml_row(2, "Lô_x0007_Thị Hoa")]),
        "ký tự điều khiển",
    ),
    "300k-formatted-empty-rows.xlsx": (
        lambda p: hand_xlsx(
            p,
            [_shared_xml_row(1), _shared_xml_row(2)]
            + [f'<row r="{n}"><c r="A{n}" s="1"/></row>' for n in range(3, 300_003)],
            level=1,
        ),
        "accepted",
    ),
    "escaped-underscore.xlsx": (
        lambda p: hand_xlsx(p, [_header_xml_row(), _staff_xml_row(2, "Lô_x005F_x0007_")]),
        "accepted",
    ),
    "rtl-override-name.csv": (
        lambda p: _write(p, (STAFF_HEADER + "\u202eaoH ịhT ôL,Nữ,,Công chức,01/07/2025\n").encode()),
        "đổi chiều chữ",
    ),
    "rtl-mark-header.csv": (lambda p: _write(p, ("Họ và tên\u200f,Giới tính\n" + "An,Nam\n").encode()), "U+200F"),
    "unclosed-quote.csv": (
        lambda p: _write(p, (STAFF_HEADER + '"An,Nam,,Công chức,01/07/2025\n' * 3).encode()),
        "Chưa nhập",
    ),
}
EQUIPMENT_HEADER = "Loại thiết bị,Mô tả,Đơn vị,Ngày kiểm kê,Số lượng cần có,Số hiện có,Số đang hoạt động\n"
EQUIPMENT_CASES: dict[str, tuple[Crafted, str]] = {
    "negative-count.csv": (lambda p: _write(p, (EQUIPMENT_HEADER + "Máy scan,,,01/07/2025,-3,1,1\n").encode()), "âm"),
    "huge-count.csv": (
        lambda p: _write(p, (EQUIPMENT_HEADER + f"Máy scan,,,01/07/2025,{'9' * 5000},1,1\n").encode()),
        "quá lớn",
    ),
    "exponent-count.csv": (
        lambda p: _write(p, (EQUIPMENT_HEADER + "Máy scan,,,01/07/2025,1e309,1,1\n").encode()),
        "không phải số",
    ),
    "huge-float-count.xlsx": (lambda p: _equipment_xlsx(p, 1e308), "quá lớn"),
    "2-to-the-70-count.xlsx": (lambda p: _equipment_xlsx(p, 2**70), "quá lớn"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _equipment_xlsx(path: Path, value: object) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(EQUIPMENT_HEADER.strip().split(","))
    ws.append(["Máy scan", "", "", "01/07/2025", value, 1, 1])
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("name", "kind"), [(n, "staff") for n in CRAFTED] + [(n, "equipment") for n in EQUIPMENT_CASES]
)
def test_crafted_file(fuzz_db: Database, tmp_path: Path, name: str, kind: str) -> None:
    make, expected = {**CRAFTED, **EQUIPMENT_CASES}[name]
    path = make(tmp_path / name)
    started = time.perf_counter()
    with fuzz_db.sessions() as s:
        outcome, message = try_file(s, kind, path)
    took = time.perf_counter() - started
    if expected == "accepted":
        assert outcome == "accepted", message
    else:
        assert outcome == "refused", f"{name} was accepted"
        assert expected in message, f"{name}: {message[:500]}"
    assert "/etc/hostname" not in message and os.uname().nodename not in message
    assert took < 60, f"{name} took {took:.0f} s"  # generous: a refusal must not read a whole huge file


def test_text_starting_like_a_formula_is_stored_as_typed(fuzz_db: Database, tmp_path: Path) -> None:
    """Text is data: "=1+1" typed into a name is kept literally (exports write it back as text, never a formula)."""
    from storage.models import Staff

    path = _write(tmp_path / "s.csv", (STAFF_HEADER + '"=1+1",Nam,,Công chức,01/07/2025\n').encode())
    with fuzz_db.sessions() as s:
        run_import(s, "staff", path, today=TODAY)
        assert s.scalar(select(Staff.full_name).where(Staff.full_name.like("=%"))) == "=1+1"
        s.rollback()


# --- the province's commune registry: the same reader, its own columns ---------------------------

REGISTRY_HEADER = "Mã xã,Tên xã,Loại địa bàn,Đang theo dõi,Ghi chú\n"
REGISTRY_CASES: dict[str, Crafted] = {
    **{n: make for n, (make, _) in CRAFTED.items() if not n.startswith(("million", "300k", "100mb", "40mb"))},
    "registry-rtl-name.csv": lambda p: _write(p, (REGISTRY_HEADER + "16906,\u202eXã Lượng Minh,,Có,\n").encode()),
    "registry-unicode-digits.csv": lambda p: _write(p, (REGISTRY_HEADER + "١٦٩٠٦,,,Có,\n").encode()),
    "registry-huge-code.csv": lambda p: _write(p, (REGISTRY_HEADER + "9" * 5000 + ",,,Có,\n").encode()),
    "registry-formula-notes.xlsx": lambda p: _registry_xlsx(p),
}


def _registry_xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(REGISTRY_HEADER.strip().split(","))
    ws.append(["16906", "Xã Lượng Minh", "", "Có", "=1+1"])  # a formula (openpyxl stores "=..." as one)
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def province_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    from tests.exchange_support import make_province_db

    db = open_database(make_province_db(tmp_path_factory.mktemp("registry") / "province.sqlite"))
    yield db
    db.close()


@pytest.mark.parametrize("name", list(REGISTRY_CASES))
def test_registry_import_refuses_or_stores_whole(province_db: Database, tmp_path: Path, name: str) -> None:
    from storage.province.registry_import import preview_registry_import, run_registry_import

    path = REGISTRY_CASES[name](tmp_path / name)
    with province_db.sessions() as s:
        before = table_counts(s)
        outcome = "accepted"
        try:
            preview_registry_import(s, path)
            run_registry_import(s, path)
        except UserError as exc:
            _check_message(exc)
            assert table_counts(s) == before
            outcome = "refused"
        except Exception:
            counts.HOSTILE["crashes"] += 1
            raise
        s.rollback()
    counts.hostile(outcome, "commune registry (province)")
    if name.startswith("registry-"):  # other digits than 0-9 name the same official code: taken, as 16906
        assert outcome == ("accepted" if name == "registry-unicode-digits.csv" else "refused"), name


def test_sheet_rows_are_counted_across_chunks_prefixes_and_formatting(monkeypatch: pytest.MonkeyPatch) -> None:
    """The quick count behind the row limit: namespace prefixes, rows split between reads, empty styled rows."""
    from storage.importing import reader

    monkeypatch.setattr(reader, "MAX_ROWS", 1000)
    monkeypatch.setattr(reader, "_CHUNK", 97)  # rows and tags cut between two reads
    full = '<x:row r="{n}" spans="1:2"><x:c r="A{n}" t="s"><x:v>0</x:v></x:c></x:row>'
    empty = '<row r="{n}" s="3" customFormat="1"><c r="A{n}" s="3"/><c r="B{n}" s="3"/></row>'
    for rows, over in ((1000, False), (1001, True)):
        xml = ("<x:sheetData>" + "".join(full.format(n=n) for n in range(1, rows + 1)) + "</x:sheetData>").encode()
        assert reader._xml_rows_over_limit(lambda xml=xml: io.BytesIO(xml)) is over  # type: ignore[misc]
    styled = "".join(full.format(n=n) if n % 3 == 0 else empty.format(n=n) for n in range(1, 2500)).encode()
    assert not reader._xml_rows_over_limit(lambda: io.BytesIO(styled))  # 833 data rows among 2,499
    assert reader._last_row_end(b"<row><c/></row><row>") == 15
    assert reader._last_row_end(b"<row><c/></x:row><x:row>") == 17
    assert reader._last_row_end(b"<row><c>") == 0
