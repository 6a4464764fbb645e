"""The posting sheet of procedures (links, QR codes, grouping) and the one-page commune card (figures)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pypdf
import pytest
from sqlalchemy.orm import Session

from reports.posting_sheet import (
    NO_LINK,
    posting_groups,
    posting_url,
    processing_time_text,
    qr_drawing,
    write_posting_pdf,
)
from reports.summary_card import card_data, write_card_pdf
from reports.vn_text import vn_date, vn_int, vn_pct
from storage.aggregates import period_summary
from storage.catalog import list_fields, list_procedures, load_procedure, save_procedure
from storage.db import open_database
from storage.deadlines import TimeUnit
from storage.errors import ValidationError
from storage.periods import custom_period
from storage.profile import load_profile, poor_share, save_profile
from storage.proposals import list_proposals
from storage.settings import RuleSettings, load_rules, save_rules
from storage.vocab import ProposalStatus

PORTAL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"
ON = date(2026, 10, 31)


@pytest.fixture
def demo(luong_minh_db: Path) -> Iterator[Session]:
    database = open_database(luong_minh_db)
    try:
        with database.sessions.begin() as s:
            yield s
    finally:
        database.close()


def _text(pdf: Path) -> str:
    """All text of the PDF with runs of white space made single spaces (cells wrap their lines)."""
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages).split())


def _link_uris(pdf: Path) -> list[str]:
    uris = []
    for page in pypdf.PdfReader(pdf).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


# --- Posting sheet -----------------------------------------------------------------------------------


def test_procedures_are_grouped_by_field_in_the_form_order(demo: Session) -> None:
    groups = posting_groups(demo)
    field_order = [f.name for f in list_fields(demo)]
    names = [g.field_name for g in groups]
    assert names == sorted(names, key=field_order.index)
    assert names == ["Hộ tịch", "Chứng thực", "Đất đai", "Bảo trợ xã hội"]
    for g in groups:
        assert {e.procedure.field_name for e in g.entries} == {g.field_name}
    listed = sorted(e.procedure.code for g in groups for e in g.entries)
    assert listed == sorted(p.code for p in list_procedures(demo) if p.active)
    # Inside a field: Vietnamese alphabet order (Đ after D, before E), not SQLite's byte order.
    hotich = [e.procedure.name for e in groups[0].entries]
    assert hotich.index("Đăng ký khai sinh") < hotich.index("Liên thông đăng ký khai sinh, đăng ký thường trú, "
                                                              "cấp thẻ BHYT cho trẻ em dưới 6 tuổi")  # fmt: skip


def test_a_procedure_no_longer_used_is_not_posted(demo: Session) -> None:
    p = next(p for p in list_procedures(demo) if p.code == "HT-KT")
    save_procedure(demo, replace(load_procedure(demo, p.id), active=False), p.id)
    codes = {e.procedure.code for g in posting_groups(demo) for e in g.entries}
    assert "HT-KT" not in codes and "HT-KS" in codes


def test_link_is_the_procedures_own_then_the_template_else_none(demo: Session) -> None:
    p = next(p for p in list_procedures(demo) if p.code == "HT-KS")
    assert posting_url(p, "") is None
    assert posting_url(p, "https://example.vn/tthc") is None  # no {code}: every QR would open the same page
    assert posting_url(p, PORTAL) == PORTAL.replace("{code}", "HT-KS")
    assert posting_url(replace(p, code="1.001193 H42"), PORTAL) == PORTAL.replace("{code}", "1.001193%20H42")
    own = "https://dichvucong.nghean.gov.vn/thu-tuc/1.001193"
    assert posting_url(replace(p, posting_url=f"  {own} "), PORTAL) == own


def test_qr_code_holds_exactly_the_link(demo: Session) -> None:
    url = PORTAL.replace("{code}", "1.001193")
    widget = qr_drawing(url).contents[0]
    assert widget.value == url and widget.barLevel == "M"


def test_sheet_links_each_qr_code_and_says_when_there_is_no_link(demo: Session, tmp_path: Path) -> None:
    own = "https://dichvucong.nghean.gov.vn/thu-tuc/1.001193"
    p = next(p for p in list_procedures(demo) if p.code == "HT-KS")
    save_procedure(demo, replace(load_procedure(demo, p.id), posting_url=own), p.id)
    pdf = write_posting_pdf(demo, tmp_path / "niem-yet.pdf", on=date(2026, 11, 5))
    text = _text(pdf)
    assert "DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND XÃ LƯỢNG MINH" in text
    assert "Lượng Minh, ngày 05 tháng 11 năm 2026" in text
    assert "I. LĨNH VỰC HỘ TỊCH" in text and "IV. LĨNH VỰC BẢO TRỢ XÃ HỘI" in text
    assert "Trong ngày (nhận sau 15 giờ trả ngày làm việc tiếp theo)" in text
    assert "20 ngày làm việc" in text  # Cấp Giấy chứng nhận quyền sử dụng đất lần đầu
    assert _link_uris(pdf) == [own]  # only the procedure with a link gets a QR code
    total = len([p for p in list_procedures(demo) if p.active])
    assert text.count(NO_LINK) == total - 1 and "Quét mã QR" in text

    save_rules(demo, replace(load_rules(demo), posting_url_template=PORTAL))
    calls: list[tuple[int, int]] = []
    pdf = write_posting_pdf(demo, tmp_path / "niem-yet-2.pdf", progress=lambda done, n: calls.append((done, n)))
    assert calls == [(i, total) for i in range(total + 1)]  # one step per procedure drawn
    expected = {e.url for g in posting_groups(demo) for e in g.entries}
    assert sorted(_link_uris(pdf)) == sorted(expected) and len(expected) == total
    assert own in expected and PORTAL.replace("{code}", "HT-KH") in expected
    assert NO_LINK not in _text(pdf) and "Quét mã QR" in _text(pdf)


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (zbar-tools) is not installed")
def test_printed_qr_codes_decode_to_their_links(demo: Session, tmp_path: Path) -> None:
    save_rules(demo, replace(load_rules(demo), posting_url_template=PORTAL))
    pdf = write_posting_pdf(demo, tmp_path / "niem-yet.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "200", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(str(p) for p in tmp_path.glob("page-*.png"))
    out = subprocess.run(["zbarimg", "-q", "--raw", *pages], capture_output=True, text=True).stdout
    expected = {e.url for g in posting_groups(demo) for e in g.entries}
    assert sorted(out.split()) == sorted(expected)


def test_processing_time_as_citizens_read_it(demo: Session) -> None:
    p = next(p for p in list_procedures(demo) if p.code == "HT-KS")
    assert processing_time_text(p, time(15, 0)) == "Trong ngày (nhận sau 15 giờ trả ngày làm việc tiếp theo)"
    assert processing_time_text(p, time(14, 30)) == "Trong ngày (nhận sau 14 giờ 30 trả ngày làm việc tiếp theo)"
    assert processing_time_text(replace(p, days_online=2), time(15)).startswith("Trong ngày")  # no days when same-day
    work = replace(p, time_unit=TimeUnit.WORKING_DAYS, days_direct=15)
    assert processing_time_text(work, time(15)) == "15 ngày làm việc"
    assert processing_time_text(replace(work, days_online=15, days_postal=15), time(15)) == "15 ngày làm việc"
    assert processing_time_text(replace(work, days_online=10), time(15)) == (
        "Trực tiếp, qua dịch vụ bưu chính: 15 ngày làm việc\nTrực tuyến: 10 ngày làm việc"
    )
    calendar = replace(p, time_unit=TimeUnit.CALENDAR_DAYS, days_direct=30)
    assert processing_time_text(calendar, time(15)) == "30 ngày"


def test_link_template_setting_round_trips_and_is_checked(demo: Session) -> None:
    save_rules(demo, replace(load_rules(demo), posting_url_template=PORTAL))
    assert load_rules(demo).posting_url_template == PORTAL
    for bad in ("dichvucong.gov.vn/{code}", "https://dichvucong.gov.vn/tthc"):
        with pytest.raises(ValidationError) as err:
            save_rules(demo, RuleSettings(posting_url_template=bad))
        assert err.value.problems[0].field == "posting_url_template"
    assert load_rules(demo).posting_url_template == PORTAL


# --- Summary card ------------------------------------------------------------------------------------


def _layout_text(pdf: Path) -> list[str]:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout.splitlines()


def _row_figures(t) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        vn_int(t.received_total),
        vn_int(t.received_online),
        vn_int(t.resolved_total),
        vn_pct(t.on_time_rate),
        vn_int(t.resolved_late),
        vn_int(t.pending_total),
        vn_int(t.pending_overdue),
    ]


def test_card_figures_are_period_summarys_for_the_month_and_year_to_date(demo: Session, tmp_path: Path) -> None:
    # Official periods with the 15th cut-off, both cut at the card's date (REFERENCE.md §3).
    month = period_summary(demo, custom_period(date(2026, 10, 15), ON))
    year = period_summary(demo, custom_period(date(2025, 12, 15), ON))
    data = card_data(demo, ON)
    assert data.month.dossiers.total == month.dossiers.total and data.month_period.label() == "Tháng 11 năm 2026"
    assert data.year.dossiers.total == year.dossiers.total and data.year_period.label() == "Năm 2026"
    assert year.dossiers.total.received_total > month.dossiers.total.received_total > 0

    pdf = write_card_pdf(demo, tmp_path / "the.pdf", on=ON)
    assert len(pypdf.PdfReader(pdf).pages) == 1
    lines = _layout_text(pdf)
    for label, summary in (("Tháng 11 năm 2026", month), ("Từ đầu năm 2026", year)):
        row = next(i for i, line in enumerate(lines) if line.split()[-7:] == _row_figures(summary.dossiers.total))
        assert label in lines[row - 1] + lines[row]

    text = _text(pdf)
    profile = load_profile(demo)
    assert profile is not None and profile.chairman in text and profile.center_head in text
    assert f"Tỷ lệ hộ nghèo, cận nghèo: {vn_pct(poor_share(profile))}" in text
    st = month.staffing
    assert f"{st.official_posts} người / {st.official_quota} biên chế được giao" in text
    assert f"{st.with_signature}/{st.official_posts} cán bộ, công chức có chữ ký số còn hiệu lực" in text
    assert f"({vn_pct(st.signature_coverage)})" in text
    assert f"{st.service_center} người theo danh sách nhân sự" in text
    eq = month.equipment
    assert f"Tổng số thiết bị còn thiếu: {eq.total_shortage} (cần có {eq.total_required}" in text
    worst = max(eq.by_kind, key=lambda k: k.shortage)
    assert worst.kind.label() in text


def test_card_proposals_waiting_count_and_oldest(demo: Session, tmp_path: Path) -> None:
    # Counted here from the proposal list: sent, and not closed by an answer dated up to the card's date.
    closed = {ProposalStatus.RESOLVED, ProposalStatus.DECLINED}
    waiting = [
        p
        for p in list_proposals(demo)
        if p.raised_date <= ON
        and p.status != ProposalStatus.DRAFT
        and not (p.status in closed and p.response_date is not None and p.response_date <= ON)
    ]
    oldest = min(p.raised_date for p in waiting)
    data = card_data(demo, ON)
    assert data.month.proposals.open_at_end == len(waiting) and data.month.proposals.oldest_open == oldest
    text = _text(write_card_pdf(demo, tmp_path / "card.pdf", on=ON))
    days = (ON - oldest).days
    assert f"Đang chờ tỉnh trả lời: {len(waiting)} kiến nghị; kiến nghị chờ lâu nhất nêu ngày {vn_date(oldest)} " \
           f"({days} ngày)" in text  # fmt: skip


def test_card_stays_on_one_page_with_very_long_texts(demo: Session, tmp_path: Path) -> None:
    profile = load_profile(demo)
    assert profile is not None
    long_name = "Hoàng Thị Phương Thảo Nguyễn Ngọc Bảo Khánh Linh " * 3
    save_profile(
        demo,
        replace(
            profile.to_data(),
            address="Khối 1, thị trấn cũ, đường Trần Hưng Đạo kéo dài, gần cầu treo bản Xốp Mạt " * 6,
            chairman=long_name,
            signer_name=long_name,
            center_head=long_name,
            population=12_345,
        ),
    )
    pdf = write_card_pdf(demo, tmp_path / "long.pdf", on=ON)
    assert len(pypdf.PdfReader(pdf).pages) == 1
    text = _text(pdf)
    assert "gần cầu treo bản Xốp Mạt" in text and "12.345 người" in text and "Xã Lượng Minh" in text


def test_card_of_a_commune_with_nothing_recorded_yet(session: Session, tmp_path: Path) -> None:
    from storage.catalog import seed_catalog
    from storage.profile import ProfileData

    seed_catalog(session)
    save_profile(session, ProfileData(code="16906"))
    pdf = write_card_pdf(session, tmp_path / "empty.pdf", on=ON)
    text = _text(pdf)
    assert len(pypdf.PdfReader(pdf).pages) == 1
    assert "Chưa khai báo" in text and "Đang chờ tỉnh trả lời: 0 kiến nghị" in text
    assert "Không thiếu thiết bị" in text
