"""`python main.py export`: the files a script gets, what is registered and stored, and refused inputs."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pypdf
import pytest
from openpyxl import load_workbook

from cli.app import EXIT_USER_ERROR, run
from storage.db import open_database
from storage.report_documents import load_report_document
from storage.reports_sent import list_reports_sent

DIFFICULTY = "Đường truyền internet tại bản Xốp Mạt chập chờn, người dân khó nộp hồ sơ trực tuyến."
PROPOSAL = "Đề nghị Sở Khoa học và Công nghệ hỗ trợ 02 máy quét tài liệu cho bộ phận một cửa."


def cli(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = run(["--db", str(db), "export", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _stored(db: Path) -> tuple[list, object]:  # type: ignore[type-arg]
    """(reports registered as sent, the July 2025 report texts) as the database holds them."""
    database = open_database(db)
    try:
        with database.sessions.begin() as s:
            return list_reports_sent(s), load_report_document(s, "periodic", "2025-07", True)
    finally:
        database.close()


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(path).pages).split())


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_export_writes_a_file_named_from_commune_and_period_and_registers_it(
    luong_minh_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    out_dir = tmp_path / "out"
    code, out, err = cli(capsys, luong_minh_db, "--period", "2025-07", "--format", fmt, "--out", str(out_dir))
    assert code == 0, err
    path = out_dir / f"bao-cao-xa-luong-minh-2025-07.{fmt}"
    assert path.is_file() and str(path) in out
    sent, _doc = _stored(luong_minh_db)
    assert len(sent) == 1
    row = sent[0]
    assert row.file_name == path.name and row.kind == "periodic" and row.period_spec == "2025-07"
    assert (row.period_start, row.period_end) == (date(2025, 6, 15), date(2025, 7, 14))
    assert row.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    if fmt == "pdf":
        text = _pdf_text(path)
        assert "XÃ LƯỢNG MINH" in text and "(Từ ngày 15/06/2025 đến ngày 14/07/2025)" in text
    else:
        cells = {c.value for ws in load_workbook(path) for r in ws.iter_rows() for c in r if c.value is not None}
        assert "Hộ tịch" in cells and 43 in cells  # the 43 civil-status dossiers of the official July 2025


def test_narrative_from_json_is_stored_and_printed(
    luong_minh_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    narrative = tmp_path / "loi-van.json"
    doc = {
        "document_number": "5/BC-UBND",
        "issued_on": "16/07/2025",
        "narrative": {"difficulties": DIFFICULTY, "proposals": PROPOSAL},
    }
    narrative.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    pdf = tmp_path / "bao-cao.pdf"
    code, _out, err = cli(
        capsys, luong_minh_db, "--period", "2025-07", "--out", str(pdf), "--narrative", str(narrative)
    )
    assert code == 0, err
    _sent, stored = _stored(luong_minh_db)
    assert stored is not None
    assert stored.narrative["difficulties"] == DIFFICULTY and stored.narrative["proposals"] == PROPOSAL
    assert stored.document_number == "5/BC-UBND" and stored.issued_on == date(2025, 7, 16)
    text = _pdf_text(pdf)
    assert DIFFICULTY in text and PROPOSAL in text
    assert "Số: 05/BC-UBND" in text and "Lượng Minh, ngày 16 tháng 7 năm 2025" in text


def test_narrative_from_text_sections(luong_minh_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    narrative = tmp_path / "loi-van.txt"
    narrative.write_text(
        "Tiếp nhận và trả kết quả đúng quy định.\n\n[Khó khăn, vướng mắc]\n"
        f"{DIFFICULTY}\n[Đề xuất, kiến nghị]\n{PROPOSAL}\n",
        encoding="utf-8",
    )
    pdf = tmp_path / "bao-cao.pdf"
    code, _out, err = cli(
        capsys, luong_minh_db, "--period", "2025-07", "--out", str(pdf), "--narrative", str(narrative)
    )
    assert code == 0, err
    _sent, stored = _stored(luong_minh_db)
    assert stored is not None
    assert stored.narrative["results"] == "Tiếp nhận và trả kết quả đúng quy định."
    assert stored.narrative["difficulties"] == DIFFICULTY and stored.narrative["proposals"] == PROPOSAL
    text = _pdf_text(pdf)
    assert "IV. KHÓ KHĂN, VƯỚNG MẮC " + DIFFICULTY in text
    assert PROPOSAL in text and "Tiếp nhận và trả kết quả đúng quy định." in text


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    """Arguments (besides --db) and a piece of the Vietnamese message each must give."""
    not_utf8 = tmp_path / "notepad-unicode.txt"  # what Notepad's "Unicode" choice saves: UTF-16 with a BOM
    not_utf8.write_bytes("[Khó khăn, vướng mắc]\nThiếu máy".encode("utf-16"))
    broken = tmp_path / "broken.json"
    broken.write_text('{"narrative": {"difficulties": "thiếu', encoding="utf-8")
    out = str(tmp_path / "out")
    return {
        "no period": (["--format", "pdf", "--out", out], "cần --period"),
        "wrong extension": (["--period", "2025-07", "--format", "pdf", "--out", str(tmp_path / "out" / "bc.xlsx")],
                            "không có đuôi .pdf"),
        "not utf-8": (["--period", "2025-07", "--out", out, "--narrative", str(not_utf8)], "không lưu ở bảng mã UTF-8"),
        "invalid json": (["--period", "2025-07", "--out", out, "--narrative", str(broken)],
                         "không phải JSON hợp lệ (lỗi ở dòng 1, cột"),
        "posting as xlsx": (["--kind", "posting", "--format", "xlsx", "--out", out], "chỉ xuất ra PDF"),
        "missing narrative": (["--period", "2025-07", "--out", out, "--narrative", str(tmp_path / "khong-co.txt")],
                              "Không tìm thấy tệp lời văn"),
    }  # fmt: skip


@pytest.mark.parametrize(
    "case", ["no period", "wrong extension", "not utf-8", "invalid json", "posting as xlsx", "missing narrative"]
)
def test_bad_input_gives_one_vietnamese_line_and_writes_nothing(
    luong_minh_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    args, message = _bad_inputs(tmp_path)[case]
    code, out, err = cli(capsys, luong_minh_db, *args)
    assert code == EXIT_USER_ERROR
    assert message in err and err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err and out == ""
    assert not (tmp_path / "out").exists()
    sent, stored = _stored(luong_minh_db)
    assert sent == [] and stored is None


def test_posting_sheet_and_card_export(luong_minh_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, luong_minh_db, "--kind", "posting", "--out", str(tmp_path))
    assert code == 0, err
    posting = tmp_path / "danh-muc-tthc-xa-luong-minh.pdf"
    assert str(posting) in out
    text = _pdf_text(posting)
    assert "DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND XÃ LƯỢNG MINH" in text
    assert "Đăng ký khai sinh" in text and "Chứng thực chữ ký" in text and "Chưa có đường dẫn" in text

    card = tmp_path / "the.pdf"
    code, _out, err = cli(capsys, luong_minh_db, "--kind", "card", "--out", str(card))
    assert code == 0, err
    assert len(pypdf.PdfReader(card).pages) == 1
    text = _pdf_text(card)
    assert "Xã Lượng Minh" in text and "THÔNG TIN TÓM TẮT" in text and f"{date.today():%d/%m/%Y}" in text
    sent, _doc = _stored(luong_minh_db)
    assert sent == []  # the sheet and the card are not reports sent to the province
