"""A one-page summary card of the commune for inspection visits.

Every figure comes from storage: the profile (storage.profile, with ``poor_share``) and
``period_summary`` for the current official month and the year to date, both cut at the card's
date so that "overdue" means overdue on that day. Nothing is recomputed here; the card only
chooses what to show and formats it. Long texts shrink the content rather than spill onto a
second page (reportlab's KeepInFrame), since a card is handed over as one sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepInFrame, PageTemplate, Paragraph, Spacer
from reportlab.platypus import Table as PdfTable
from sqlalchemy.orm import Session

from reports.files import build_atomically
from reports.pdf_fonts import FontFamily, report_fonts
from reports.pdf_styles import markup
from reports.vn_text import upper, vn_date, vn_int, vn_pct
from storage.aggregates import PeriodSummary, period_summary
from storage.aggregates.dossier_form import FormRow
from storage.aggregates.equipment_proposals import KindTotals
from storage.errors import UserError
from storage.periods import Period, PeriodKind, custom_period, period_containing
from storage.profile import ProfileRow, load_profile, poor_share
from storage.settings import load_rules
from storage.vocab import StaffCategory

MARGIN = 15 * mm
MARGIN_LEFT = 20 * mm  # a little more on the binding side, as for every office paper
FRAME_WIDTH = A4[0] - MARGIN_LEFT - MARGIN
FRAME_HEIGHT = A4[1] - 2 * MARGIN
TOP_SHORTAGES = 5
UNKNOWN = "Chưa khai báo"


@dataclass(frozen=True)
class CardData:
    """What the card prints: the profile and the two period summaries, as storage computed them."""

    on: date
    profile: ProfileRow
    month_period: Period  # the official month containing ``on`` (for its name)
    month: PeriodSummary  # that month from its first day up to ``on``
    year_period: Period
    year: PeriodSummary  # the year from its first day up to ``on``

    @property
    def shortages(self) -> list[KindTotals]:
        """Equipment kinds with a shortage, largest first (ties in checklist order)."""
        kinds = [k for k in self.month.equipment.by_kind if k.shortage > 0]
        return sorted(kinds, key=lambda k: -k.shortage)


def _to_date(period: Period, on: date) -> Period:
    """The period cut at ``on``: pending dossiers are judged on that day, not at a future period end."""
    return period if on >= period.end else custom_period(period.start, on)


def card_data(session: Session, on: date | None = None) -> CardData:
    """Profile and aggregates for a card dated ``on`` (default today), periods by the database's rules."""
    on = on or date.today()
    profile = load_profile(session)
    if profile is None:
        raise UserError("Chưa khai báo thông tin xã: hãy khai báo trước khi in thẻ tóm tắt.", "No commune profile yet.")
    rules = load_rules(session)
    kw = {"official": rules.official_periods, "cutoff_day": rules.cutoff_day}
    month = period_containing(on, PeriodKind.MONTH, **kw)  # type: ignore[arg-type]
    year = period_containing(on, PeriodKind.YEAR, **kw)  # type: ignore[arg-type]
    return CardData(
        on=on,
        profile=profile,
        month_period=month,
        month=period_summary(session, _to_date(month, on)),
        year_period=year,
        year=period_summary(session, _to_date(year, on)),
    )


# --- Layout -------------------------------------------------------------------------------------------


def _styles(f: FontFamily) -> dict[str, ParagraphStyle]:
    def s(name: str, font: str, size: float, align: int = TA_LEFT, **kw: float) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.22, alignment=align, **kw)

    return {
        "top": s("top", f.regular, 12, TA_CENTER),
        "title": s("title", f.bold, 15, TA_CENTER, spaceBefore=4),
        "subtitle": s("subtitle", f.bold, 13, TA_CENTER),
        "date": s("date", f.italic, 11, TA_CENTER, spaceBefore=2, spaceAfter=4),
        "heading": s("heading", f.bold, 12, spaceBefore=7, spaceAfter=3),
        "key": s("key", f.regular, 10.5),
        "value": s("value", f.bold, 10.5),
        "text": s("text", f.regular, 10.5),
        "head": s("head", f.bold, 9.5, TA_CENTER),
        "cell": s("cell", f.regular, 10),
        "num": s("num", f.regular, 10, TA_RIGHT),
        "note": s("note", f.italic, 9.5, spaceBefore=2),
        "foot": s("foot", f.italic, 9, TA_RIGHT, spaceBefore=8),
    }


def _grid(rows: list[list[object]], widths: list[float], *, header: bool = False, lines: bool = True) -> PdfTable:
    table = PdfTable(rows, colWidths=widths, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE" if lines else "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if lines:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)))
    table.setStyle(commands)
    return table


def _yes_no(flag: bool) -> str:
    return "Có" if flag else "Không"


def _count(n: int | None, unit: str = "") -> str:
    return UNKNOWN if n is None else f"{vn_int(n)}{unit}"


def _pairs(items: list[tuple[str, str]], st: dict[str, ParagraphStyle]) -> PdfTable:
    """Label/value pairs two per line; a pair whose value is long takes a whole line.

    A short pair waiting for a partner keeps waiting past a long one, so no half line stays empty.
    """
    key_w, val_w = 47 * mm, FRAME_WIDTH / 2 - 47 * mm
    value_style = st["value"]
    rows: list[list[object]] = []
    spans: list[tuple[object, ...]] = []
    pending: list[object] = []
    for key, value in items:
        cells = [Paragraph(markup(key), st["key"]), Paragraph(markup(value), st["value"])]
        if stringWidth(value, value_style.fontName, value_style.fontSize) > val_w - 6:
            spans.append(("SPAN", (1, len(rows)), (3, len(rows))))
            rows.append([*cells, "", ""])
        elif pending:
            rows.append([*pending, *cells])
            pending = []
        else:
            pending = cells
    if pending:
        rows.append([*pending, "", ""])
    table = _grid(rows, [key_w, val_w, key_w, val_w], lines=False)
    table.setStyle(spans)
    return table


def _general(d: CardData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    p = d.profile
    share = poor_share(p)
    signer = f"{p.signer_name} ({p.signer_title.capitalize()})" if p.signer_name else UNKNOWN
    items = [
        ("Tên đơn vị hành chính:", p.name),
        ("Mã đơn vị hành chính:", p.code),
        ("Tỉnh:", p.province_name),
        ("Địa chỉ trụ sở:", p.address or UNKNOWN),
        ("Chủ tịch UBND:", p.chairman or UNKNOWN),
        ("Người ký báo cáo:", signer),
        ("Dân số:", _count(p.population, " người")),
        ("Số hộ:", _count(p.households)),
        ("Hộ nghèo:", _count(p.poor_households)),
        ("Hộ cận nghèo:", _count(p.near_poor_households)),
        ("Tỷ lệ hộ nghèo, cận nghèo:", UNKNOWN if share is None else vn_pct(share)),
        ("Xã miền núi:", _yes_no(p.mountainous)),
        ("Vùng sâu, vùng xa:", _yes_no(p.remote)),
    ]
    return [Paragraph("1. Thông tin chung", st["heading"]), _pairs(items, st)]


def _staffing(d: CardData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    s, p = d.month.staffing, d.profile
    official = f"{vn_int(s.official_posts)} người"
    if s.official_quota is not None:
        official += f" / {vn_int(s.official_quota)} biên chế được giao"
    rows: list[list[object]] = [[Paragraph(h, st["head"]) for h in ("Loại", "Hiện có", "Được giao", "Còn thiếu")]]
    for c in s.by_category:
        if c.in_post or c.quota is not None:
            values = [vn_int(c.in_post), "" if c.quota is None else vn_int(c.quota), vn_int(c.vacancies)]
            rows.append([Paragraph(markup(StaffCategory(c.category).label()), st["cell"])])
            rows[-1] += [Paragraph(v, st["num"]) for v in values]
    center = f"{vn_int(s.service_center)} người theo danh sách nhân sự"
    if p.center_staff_count is not None and p.center_staff_count != s.service_center:
        center += f" (thông tin xã khai báo: {vn_int(p.center_staff_count)})"
    signatures = (
        f"{vn_int(s.with_signature)}/{vn_int(s.official_posts)} cán bộ, công chức có chữ ký số còn hiệu lực "
        f"({vn_pct(s.signature_coverage)}); {vn_int(s.signatures_expiring_60d)} chữ ký số hết hạn trong 60 ngày tới"
    )
    items = [
        ("Tổng số đang công tác:", f"{vn_int(s.total)} người"),
        ("Cán bộ, công chức:", official),
        ("Giám đốc Trung tâm:", p.center_head or UNKNOWN),
        ("Làm việc tại Trung tâm:", center),
        ("Chữ ký số:", signatures),
    ]
    table = _grid(rows, [FRAME_WIDTH - 3 * 24 * mm, 24 * mm, 24 * mm, 24 * mm], header=True)
    return [
        Paragraph(f"2. Nhân sự, Trung tâm Phục vụ hành chính công (tại ngày {vn_date(s.on)})", st["heading"]),
        _pairs(items, st),
        Spacer(1, 3),
        table,
    ]


def _dossiers(d: CardData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    head = (
        "Kỳ",
        "Tiếp nhận",
        "Trong đó trực tuyến",
        "Đã giải quyết",
        "Tỷ lệ đúng hạn",
        "Giải quyết quá hạn",
        "Đang giải quyết",
        "Đang quá hạn",
    )
    rows: list[list[object]] = [[Paragraph(h, st["head"]) for h in head]]

    def line(label: str, period: Period, t: FormRow) -> list[object]:
        name = f"{label}<br/><font size=8.5>{markup(period.range_text())}</font>"
        values = (
            vn_int(t.received_total),
            vn_int(t.received_online),
            vn_int(t.resolved_total),
            vn_pct(t.on_time_rate),
            vn_int(t.resolved_late),
            vn_int(t.pending_total),
            vn_int(t.pending_overdue),
        )
        return [Paragraph(name, st["cell"]), *(Paragraph(v, st["num"]) for v in values)]

    rows.append(line(d.month_period.label(), d.month.period, d.month.dossiers.total))
    rows.append(line(f"Từ đầu {d.year_period.label().lower()}", d.year.period, d.year.dossiers.total))
    first = 47 * mm
    rest = (FRAME_WIDTH - first) / 7
    note = (
        "Kỳ báo cáo chính thức (chốt số liệu ngày "
        f"{d.month_period.start.day}), tính đến ngày {vn_date(d.on)}; hồ sơ đang giải quyết quá hạn tính tại ngày đó."
        if d.month_period.official
        else f"Kỳ theo lịch, tính đến ngày {vn_date(d.on)}."
    )
    return [
        Paragraph("3. Giải quyết thủ tục hành chính (số hồ sơ)", st["heading"]),
        _grid(rows, [first] + [rest] * 7, header=True),
        Paragraph(markup(note), st["note"]),
    ]


def _equipment(d: CardData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    eq, short = d.month.equipment, d.shortages
    out: list[Flowable] = [Paragraph("4. Trang thiết bị còn thiếu", st["heading"])]
    if not short:
        out.append(Paragraph("Không thiếu thiết bị so với nhu cầu đã khai báo.", st["text"]))
        return out
    rows: list[list[object]] = [
        [Paragraph(h, st["head"]) for h in ("Loại thiết bị", "Cần có", "Đang hoạt động", "Thiếu")]
    ]
    for k in short[:TOP_SHORTAGES]:
        values = (vn_int(k.required), vn_int(k.working), vn_int(k.shortage))
        rows.append([Paragraph(markup(k.kind.label()), st["cell"]), *(Paragraph(v, st["num"]) for v in values)])
    out.append(_grid(rows, [FRAME_WIDTH - 3 * 24 * mm, 24 * mm, 24 * mm, 24 * mm], header=True))
    total = (
        f"Tổng số thiết bị còn thiếu: {vn_int(eq.total_shortage)} (cần có {vn_int(eq.total_required)}, "
        f"đang hoạt động {vn_int(eq.total_working)})"
    )
    if len(short) > TOP_SHORTAGES:
        rest = short[TOP_SHORTAGES:]
        total += f"; ngoài bảng còn {len(rest)} loại thiếu {vn_int(sum(k.shortage for k in rest))}"
    out.append(Paragraph(markup(total + "."), st["note"]))
    return out


def _proposals(d: CardData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    pr = d.month.proposals
    text = f"Đang chờ tỉnh trả lời: <b>{vn_int(pr.open_at_end)}</b> kiến nghị"
    if pr.oldest_open is not None:
        days = (d.on - pr.oldest_open).days
        text += f"; kiến nghị chờ lâu nhất nêu ngày {vn_date(pr.oldest_open)} ({vn_int(days)} ngày)"
    bodies = sorted(pr.open_by_department.items(), key=lambda kv: (-kv[1], kv[0]))
    if bodies:
        listed = "; ".join(f"{markup(name or 'Chưa ghi cơ quan')}: {vn_int(n)}" for name, n in bodies[:4])
        more = f"; cơ quan khác: {vn_int(sum(n for _, n in bodies[4:]))}" if len(bodies) > 4 else ""
        text += f". Theo cơ quan: {listed}{more}"
    return [Paragraph("5. Khó khăn, kiến nghị gửi tỉnh", st["heading"]), Paragraph(text + ".", st["text"])]


def card_story(d: CardData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Every block of the card, top to bottom."""
    p = d.profile
    return [
        Paragraph(f"ỦY BAN NHÂN DÂN {markup(upper(p.name))}", st["top"]),
        Paragraph("THÔNG TIN TÓM TẮT", st["title"]),
        Paragraph(markup(f"{upper(p.name)} – {upper(p.province_name)}"), st["subtitle"]),
        Paragraph(f"Số liệu tính đến ngày {vn_date(d.on)}", st["date"]),
        *_general(d, st),
        *_staffing(d, st),
        *_dossiers(d, st),
        *_equipment(d, st),
        *_proposals(d, st),
        Paragraph("Lập từ cơ sở dữ liệu Commune Desk của xã.", st["foot"]),
    ]


def write_card_pdf(session: Session, path: Path, *, on: date | None = None) -> Path:
    """Write the one-page card at ``path`` (replaced only once complete); ``on`` dates it (default today)."""
    d = card_data(session, on)
    fonts = report_fonts()
    st = _styles(fonts)
    # shrink: however long the typed names are, the card stays on one sheet.
    body = KeepInFrame(FRAME_WIDTH, FRAME_HEIGHT, card_story(d, st), mode="shrink")

    def build(tmp: str) -> None:
        doc = BaseDocTemplate(
            tmp,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=f"Thông tin tóm tắt {d.profile.name}",
            author=d.profile.name,
            creator="Commune Desk",
            lang="vi-VN",
            initialFontName=fonts.regular,
        )
        frame = Frame(MARGIN_LEFT, MARGIN, FRAME_WIDTH, FRAME_HEIGHT, 0, 0, 0, 0, id="card")
        doc.addPageTemplates([PageTemplate("card", [frame])])
        doc.build([body])

    return build_atomically(Path(path), build)
