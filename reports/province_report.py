"""The province's consolidated report of one period, laid out like the commune reports.

Every figure comes from storage.province.consolidate, i.e. from the communes' own reports; the
Excel and PDF writers are the same as for a commune, so both formats show the same numbers.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from reports.model import DocumentHeader, HeaderCell, Report, Section, SignatureBlock, Table
from reports.tables_dossiers import FORM_HEADER, form_table
from reports.vn_text import date_line, number_line, upper, vn_date, vn_int, vn_pct
from storage.aggregates import DossierForm, FormRow
from storage.errors import UserError
from storage.mode import DatabaseMode, require_mode
from storage.periods import parse_period
from storage.province.answers import list_province_proposals, open_by_department
from storage.province.consolidate import COUNT_KEYS, Consolidation, consolidate, on_time_rate
from storage.province.profile import load_province_profile, province_title
from storage.settings import load_rules
from storage.vocab import EquipmentKind

H = HeaderCell


def _form(rows: list[tuple[str, dict[str, int]]], total: dict[str, int], spec: str) -> DossierForm:
    def row(name: str, counts: dict[str, int]) -> FormRow:
        return FormRow(field_id=None, field_name=name, **{k: counts[k] for k in COUNT_KEYS})

    return DossierForm(parse_period(spec), [row(n, c) for n, c in rows], row("Tổng số", total))


def _completeness_table(c: Consolidation) -> Table:
    rows = [
        (i, m.name, m.code, m.area_label if m.area_type else "", "Chưa nộp") for i, m in enumerate(c.missing, start=1)
    ]
    return Table(
        title="Các xã, phường chưa gửi báo cáo",
        header=((H("STT"), H("Xã, phường"), H("Mã"), H("Địa bàn"), H("Tình trạng")),),
        rows=tuple(rows),
        widths=(5, 40, 10, 16, 14),
        kinds=("text", "text", "text", "text", "text"),
    )


def _staffing_table(c: Consolidation) -> Table:
    rows: list[tuple[object, ...]] = []
    for i, f in enumerate(c.communes, start=1):
        rows.append(
            (
                i,
                f.name,
                f.official_quota,
                f.official_posts,
                f.vacancies,
                f.staff_total,
                f.service_center,
                f.with_signature,
                (f.with_signature / f.official_posts) if f.official_posts else None,
            )
        )
    s = c.staffing
    rows.append(
        (
            "",
            "Tổng cộng",
            s["official_quota"],
            s["official_posts"],
            sum(f.vacancies or 0 for f in c.communes),
            s["total"],
            s["service_center"],
            s["with_signature"],
            (s["with_signature"] / s["official_posts"]) if s["official_posts"] else None,
        )
    )
    return Table(
        title="Cán bộ, công chức cấp xã so với biên chế được giao",
        header=(
            (
                H("STT", rowspan=2),
                H("Xã, phường", rowspan=2),
                H("Cán bộ, công chức", colspan=3),
                H("Tổng số người", rowspan=2),
                H("Làm việc tại Trung tâm PVHCC", rowspan=2),
                H("Chữ ký số còn hiệu lực", colspan=2),
            ),
            (H("Được giao"), H("Hiện có"), H("Còn thiếu"), H("Số người"), H("Tỷ lệ")),
        ),
        rows=tuple(rows),  # type: ignore[arg-type]
        widths=(5, 30, 10, 10, 10, 10, 12, 10, 10),
        kinds=("text", "text", "int", "int", "int", "int", "int", "int", "pct"),
        bold_rows=frozenset({len(rows) - 1}),
        column_numbers=True,
        unit_note="Đơn vị tính: Người",
        landscape=True,
    )


def _equipment_kinds(c: Consolidation) -> list[str]:
    return list(c.equipment)


def _equipment_total_table(c: Consolidation) -> Table:
    rows: list[tuple[object, ...]] = []
    for i, (kind, t) in enumerate(c.equipment.items(), start=1):
        rows.append((i, EquipmentKind(kind).label(), t["required"], t["available"], t["working"], t["shortage"]))
    tot = {k: sum(t[k] for t in c.equipment.values()) for k in ("required", "available", "working", "shortage")}
    rows.append(("", "Tổng cộng", tot["required"], tot["available"], tot["working"], tot["shortage"]))
    return Table(
        title="Trang thiết bị công nghệ thông tin toàn tỉnh theo loại",
        header=((H("STT"), H("Loại thiết bị"), H("Cần có"), H("Hiện có"), H("Đang hoạt động"), H("Còn thiếu")),),
        rows=tuple(rows),  # type: ignore[arg-type]
        widths=(5, 36, 12, 12, 14, 12),
        kinds=("text", "text", "int", "int", "int", "int"),
        bold_rows=frozenset({len(rows) - 1}),
        unit_note="Đơn vị tính: Cái, bộ",
        # On the landscape page of the shortage table: as wide as it, so both unit notes line up on
        # the right edge (a portrait-wide table there left its unit note far from the grid).
        landscape=True,
    )


def _shortage_table(c: Consolidation) -> Table:
    kinds = _equipment_kinds(c)
    rows: list[tuple[object, ...]] = []
    for i, f in enumerate(c.by_priority(), start=1):
        area = f.area_type.label() if f.area_type else ("Miền núi (theo xã khai)" if f.priority else "")
        rows.append((i, f.name, area, *(f.equipment.get(k, {}).get("shortage", 0) for k in kinds), f.shortage))
    rows.append(
        ("", "Tổng cộng", "", *(c.equipment[k]["shortage"] for k in kinds), sum(f.shortage for f in c.communes))
    )
    return Table(
        title="Số thiết bị còn thiếu theo xã (ưu tiên xã miền núi, vùng cao, hải đảo)",
        header=(
            (
                H("STT", rowspan=2),
                H("Xã, phường", rowspan=2),
                H("Địa bàn", rowspan=2),
                H("Còn thiếu", colspan=len(kinds) + 1),
            ),
            (*(H(EquipmentKind(k).label()) for k in kinds), H("Cộng")),
        ),
        rows=tuple(rows),  # type: ignore[arg-type]
        widths=(5, 20, 10, *([9.0] * len(kinds)), 8),
        kinds=("text", "text", "text", *(["int"] * (len(kinds) + 1))),
        bold_rows=frozenset({len(rows) - 1}),
        column_numbers=True,
        unit_note="Đơn vị tính: Cái, bộ",
        landscape=True,
    )


def _proposal_tables(session: Session, on: date) -> list[Table]:
    tables = []
    for dept, items in open_by_department(session).items():
        rows = [
            (
                i,
                p.commune_name,
                p.title,
                vn_date(p.raised_date),
                p.age_days(on),
                p.status.label(),
            )
            for i, p in enumerate(sorted(items, key=lambda p: p.raised_date), start=1)
        ]
        tables.append(
            Table(
                title=dept or "Chưa xác định cơ quan giải quyết",
                header=(
                    (
                        H("STT"),
                        H("Xã, phường"),
                        H("Nội dung kiến nghị"),
                        H("Ngày nêu"),
                        H("Số ngày chờ"),
                        H("Tình trạng"),
                    ),
                ),
                rows=tuple(rows),
                widths=(5, 19, 50, 13, 8, 18),
                kinds=("text", "text", "text", "text", "int", "text"),
                # Portrait: the signature then follows the last table instead of standing alone on
                # a page of its own after a landscape section.
            )
        )
    return tables


def default_summary(label: str) -> str:
    return (
        "Tổng hợp tình hình hoạt động của Trung tâm Phục vụ hành chính công các xã, phường, công tác nhân sự, "
        f"trang thiết bị và kiến nghị, đề xuất {label.lower()}"
    )


def build_province_report(
    session: Session, period_spec: str, *, issued_on: date | None = None, document_number: str = ""
) -> Report:
    """The consolidated report of ``period_spec`` from the communes' current report files."""
    require_mode(session, DatabaseMode.PROVINCE)
    profile = load_province_profile(session)
    if profile is None:
        raise UserError(
            "Chưa khai báo thông tin của tỉnh: hãy khai báo trước khi lập báo cáo tổng hợp.",
            "The province profile is missing: set it up before making the consolidated report.",
        )
    rules = load_rules(session)
    period = parse_period(period_spec, official=rules.official_periods, cutoff_day=rules.cutoff_day)
    c = consolidate(session, period.spec)
    on = issued_on or date.today()  # proposals wait until today, not until the period end
    expected, reported = len(c.expected), len(c.communes)
    rate = on_time_rate(c.total)
    missing = (
        f"còn {vn_int(len(c.missing))} xã, phường chưa gửi (danh sách kèm theo)"
        if c.missing
        else "tất cả các xã, phường đã gửi"
    )
    intro = (
        f"Đến ngày lập báo cáo, {vn_int(reported)}/{vn_int(expected)} xã, phường đã gửi báo cáo "
        f"{period.label().lower()} ({vn_pct(c.reported_share)}); {missing}. "
        "Số liệu dưới đây tổng hợp từ báo cáo (lần gửi mới nhất) của các xã, phường đã gửi."
    )
    results = (
        f"Tổng số hồ sơ nhận giải quyết {vn_int(c.total['received_total'])}, đã giải quyết "
        f"{vn_int(c.total['resolved_total'])}, tỷ lệ giải quyết trước hạn và đúng hạn {vn_pct(rate)}; đang giải "
        f"quyết {vn_int(c.total['pending_total'])} (quá hạn {vn_int(c.total['pending_overdue'])})."
    )
    by_field = form_table(
        _form([(f.field_name, f.counts) for f in c.by_field], c.total, period.spec), rules.online_target_pct
    )
    by_commune = form_table(
        _form([(f.name, f.dossiers) for f in c.communes], c.total, period.spec), rules.online_target_pct
    )
    commune_header = (
        (FORM_HEADER[0][0], H("Xã, phường", rowspan=2), *FORM_HEADER[0][2:]),
        FORM_HEADER[1],
    )
    by_commune = replace(
        by_commune, title="Kết quả giải quyết thủ tục hành chính theo xã, phường", header=commune_header
    )
    by_field = replace(by_field, title="Kết quả giải quyết thủ tục hành chính toàn tỉnh theo lĩnh vực")
    open_count = len(list_province_proposals(session, open_only=True))  # one proposal to two bodies counts once
    proposal_tables = tuple(_proposal_tables(session, on))
    sections = (
        Section(
            "I. TÌNH HÌNH GỬI BÁO CÁO",
            (intro,),
            (_completeness_table(c),) if c.missing else (),
            sheet="Tình hình gửi" if c.missing else None,  # no sheet (nor a reference to it) without a table
        ),
        Section("II. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", (results,), (by_field, by_commune), sheet="Biểu 06 TTHC"),
        Section("III. NHÂN SỰ CẤP XÃ", (), (_staffing_table(c),), sheet="Nhân sự"),
        Section(
            "IV. TRANG THIẾT BỊ CÔNG NGHỆ THÔNG TIN",
            (
                "Tổng số thiết bị còn thiếu so với nhu cầu: "
                f"{vn_int(sum(t['shortage'] for t in c.equipment.values()))}. Danh sách theo xã xếp các xã miền núi, "
                "vùng cao, hải đảo lên trước để làm căn cứ bố trí kinh phí.",
            ),
            (_equipment_total_table(c), _shortage_table(c)) if c.communes else (),
            sheet="Trang thiết bị" if c.communes else None,
        ),
        Section(
            "V. KIẾN NGHỊ CỦA CÁC XÃ CHƯA ĐƯỢC GIẢI QUYẾT",
            (
                f"Còn {vn_int(open_count)} kiến nghị đang chờ giải quyết, xếp theo cơ quan chịu trách nhiệm; "
                "số ngày chờ tính từ ngày xã nêu kiến nghị."
                if open_count
                else "Không còn kiến nghị nào của các xã đang chờ giải quyết.",
            ),
            proposal_tables,
            sheet="Kiến nghị" if proposal_tables else None,
        ),
    )
    header = DocumentHeader(
        parent_agency=upper(profile.parent_agency),
        issuing_body=upper(profile.agency),
        number_line=number_line(document_number, "BC"),
        place_date=date_line(profile.name, issued_on),
        doc_type="BÁO CÁO",
        summary=default_summary(period.label()),
        period_line=period.range_text(),
    )
    return Report(
        kind="province",
        header=header,
        sections=sections,
        signature=SignatureBlock("", upper(profile.signer_title), profile.signer_name),
        recipients=("UBND tỉnh (để báo cáo);", "Các xã, phường;", "Lưu: VT."),
        commune_name=province_title(profile.name),
        province_name=profile.name,
        period_spec=period.spec,
        period_start=period.start,
        period_end=period.end,
    )
