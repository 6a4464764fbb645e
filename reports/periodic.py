"""The periodic report (month, quarter, half-year, nine months, year, custom) as plain objects.

Everything is read in one session and computed once; the Excel and PDF writers only lay it out.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from reports.model import DocumentHeader, Report, Section, SignatureBlock
from reports.tables_dossiers import form_table, results_sentence
from reports.tables_office import equipment_table, proposals_table, shortage_lines_table
from reports.tables_staffing import breakdown_table, changes_table, quota_table, signatures_table, unit_table
from reports.vn_text import date_line, number_line, place_name, upper, vn_int, vn_pct
from storage.aggregates import period_summary
from storage.equipment import list_equipment
from storage.errors import UserError
from storage.periods import Period, PeriodKind
from storage.profile import load_profile
from storage.proposals import list_proposals
from storage.report_documents import NARRATIVE_SECTIONS, ReportDocumentData, draft_for
from storage.settings import load_rules
from storage.staff import list_staff

_PERIOD_WORDS = {
    PeriodKind.MONTH: "tháng",
    PeriodKind.QUARTER: "quý",
    PeriodKind.HALF_YEAR: "6 tháng",
    PeriodKind.NINE_MONTHS: "9 tháng",
    PeriodKind.YEAR: "năm",
    PeriodKind.CUSTOM: "kỳ",
}


def default_title(period: Period) -> str:
    """ "Kết quả công tác ... tháng 7 năm 2025" — the summary line under "BÁO CÁO"."""
    return (
        "Tình hình hoạt động của Trung tâm Phục vụ hành chính công, công tác nhân sự, trang thiết bị "
        f"và kiến nghị, đề xuất {period.label().lower()}"
    )


def build_periodic_report(session: Session, period: Period, document: ReportDocumentData | None = None) -> Report:
    """Compute the periodic report for ``period`` with the officer's texts (stored ones by default)."""
    profile = load_profile(session)
    if profile is None:
        raise UserError(
            "Chưa khai báo thông tin xã: hãy khai báo trước khi lập báo cáo.",
            "The commune profile is missing: set it up before making reports.",
        )
    rules = load_rules(session)
    doc = document or draft_for(session, "periodic", period.spec, period.official, profile.signer_name)
    summary = period_summary(session, period)
    in_post = list_staff(session, on=period.end)
    everyone = list_staff(session)
    equipment = list_equipment(session)
    proposals = list_proposals(session)
    narrative = {key: doc.narrative.get(key, "").strip() for key, _vi, _en in NARRATIVE_SECTIONS}

    def paragraphs(text: str) -> tuple[str, ...]:
        return tuple(p.strip() for p in text.splitlines() if p.strip())

    st = summary.staffing
    staffing_note = (
        f"Tại ngày {period.end:%d/%m/%Y}: {vn_int(st.total)} người, trong đó biên chế (cán bộ, công chức) "
        f"{vn_int(st.official_posts)}"
        + (f"/{vn_int(st.official_quota)} được giao" if st.official_quota is not None else "")
        + f"; làm việc tại Trung tâm Phục vụ hành chính công {vn_int(st.service_center)} người; trong kỳ có "
        f"{vn_int(st.joined)} người bắt đầu công tác và {vn_int(st.left)} người thôi công tác. Cán bộ, công chức "
        f"có chữ ký số còn hiệu lực: {vn_int(st.with_signature)} ({vn_pct(st.signature_coverage)})."
    )
    eq = summary.equipment
    equipment_note = (
        f"Tổng số thiết bị còn thiếu so với nhu cầu: {vn_int(eq.total_shortage)} "
        f"(cần có {vn_int(eq.total_required)}, đang hoạt động {vn_int(eq.total_working)})."
    )
    pr = summary.proposals
    proposal_note = (
        f"Trong kỳ nêu {vn_int(pr.raised_in_period)} khó khăn, kiến nghị; đến cuối kỳ còn {vn_int(pr.open_at_end)} "
        f"kiến nghị đang chờ tỉnh trả lời; {vn_int(pr.answered_in_period)} kiến nghị được trả lời trong kỳ."
    )
    staffing_tables = [quota_table(st), unit_table(st), breakdown_table(in_post, period.end)]
    staffing_tables += [
        t
        for t in (changes_table(everyone, period.start, period.end), signatures_table(in_post, period.end))
        if t is not None
    ]
    sections = (
        Section(
            "I. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
            (results_sentence(summary.dossiers), *paragraphs(narrative["results"])),
            (form_table(summary.dossiers, rules.online_target_pct),),
            sheet="Biểu 06 TTHC",
        ),
        Section("II. TÌNH HÌNH NHÂN SỰ", (staffing_note,), tuple(staffing_tables), sheet="Nhân sự"),
        Section(
            "III. TRANG THIẾT BỊ CÔNG NGHỆ THÔNG TIN",
            (equipment_note,),
            tuple(t for t in (equipment_table(eq), shortage_lines_table(equipment)) if t is not None),
            sheet="Trang thiết bị",
        ),
        Section("IV. KHÓ KHĂN, VƯỚNG MẮC", paragraphs(narrative["difficulties"])),
        Section(
            "V. ĐỀ XUẤT, KIẾN NGHỊ",
            (proposal_note, *paragraphs(narrative["proposals"])),
            tuple(t for t in (proposals_table(proposals, period.start, period.end),) if t is not None),
            sheet="Kiến nghị",
        ),
        Section("VI. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", paragraphs(narrative["next_tasks"])),
    )
    place = place_name(profile.name)
    header = DocumentHeader(
        parent_agency="ỦY BAN NHÂN DÂN",
        issuing_body=upper(profile.name),
        number_line=number_line(doc.document_number),
        place_date=date_line(place, doc.issued_on),
        doc_type="BÁO CÁO",
        summary=doc.title.strip() or default_title(period),
        period_line=period.range_text(),
    )
    return Report(
        kind="periodic",
        header=header,
        sections=sections,
        signature=SignatureBlock(doc.signer_authority, doc.signer_title, doc.signer_name or profile.signer_name),
        recipients=doc.recipients,
        commune_name=profile.name,
        province_name=profile.province_name,
        period_spec=period.spec,
        period_start=period.start,
        period_end=period.end,
    )
