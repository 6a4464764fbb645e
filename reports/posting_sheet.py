"""The public posting sheet of the commune's procedures, as service centers post it on their walls.

One A4 list, grouped by field in the results form's order, with each procedure's code, name,
processing time and a QR code to its page. The link is the procedure's own ``posting_url``, else
the commune-wide template setting with ``{code}``; without either the sheet says "Chưa có đường
dẫn" — a URL is never made up, since a wrong QR code on a wall misleads every citizen who scans it.
QR codes come from reportlab's own encoder (no extra dependency).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from urllib.parse import quote

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, HRFlowable, PageTemplate, Paragraph
from reportlab.platypus import Table as PdfTable
from sqlalchemy.orm import Session

from reports.files import build_atomically
from reports.pdf_fonts import FontFamily, report_fonts
from reports.pdf_styles import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_NUMBER_SIZE,
    PORTRAIT,
    PORTRAIT_FRAME_WIDTH,
    markup,
)
from reports.vn_text import date_line, place_name, upper, vn_int
from storage.catalog import ProcedureRow, list_fields, list_procedures
from storage.deadlines import TimeUnit
from storage.errors import UserError
from storage.profile import load_profile
from storage.settings import load_rules
from storage.textsearch import vietnamese_sort_key

Progress = Callable[[int, int], None]

NO_LINK = "Chưa có đường dẫn"
QR_SIZE = 24 * mm  # ~0.5 mm modules for a 100-character portal link: readable by a phone at arm's length
# STT, code, name, processing time, QR (mm; together the 165 mm text width of a Decree 30 page)
_WIDTHS_MM = (10.0, 23.0, 60.0, 44.0, 28.0)
_CHANNELS = (("direct", "trực tiếp"), ("online", "trực tuyến"), ("postal", "qua dịch vụ bưu chính"))


@dataclass(frozen=True)
class PostingEntry:
    """One line of the sheet: the procedure, the link its QR code encodes (None: no QR) and its time."""

    procedure: ProcedureRow
    url: str | None
    time_text: str


@dataclass(frozen=True)
class PostingGroup:
    """The procedures of one field, under the field's heading."""

    field_name: str
    entries: tuple[PostingEntry, ...]


def posting_url(procedure: ProcedureRow, template: str) -> str | None:
    """The procedure's own link, else the commune template with its code, else None (never a guess).

    A template without ``{code}`` would send every procedure to the same page, so it is not used.
    """
    own = procedure.posting_url.strip()
    if own:
        return own
    template = template.strip()
    if template and "{code}" in template:
        return template.replace("{code}", quote(procedure.code.strip(), safe=""))
    return None


def _clock(t: time) -> str:
    return f"{t.hour} giờ" if t.minute == 0 else f"{t.hour} giờ {t.minute:02d}"


def _duration(unit: TimeUnit, days: int) -> str:
    if unit is TimeUnit.WORKING_DAYS:
        return f"{days} ngày làm việc"
    return f"{days} ngày"


def processing_time_text(procedure: ProcedureRow, same_day_cutoff: time) -> str:
    """The time printed for citizens; durations per channel only where they differ from the direct one.

    Same-day procedures have no per-channel duration (storage.deadlines ignores days for them).
    """
    if procedure.time_unit is TimeUnit.SAME_DAY:
        return f"Trong ngày (nhận sau {_clock(same_day_cutoff)} trả ngày làm việc tiếp theo)"
    days = {
        "direct": procedure.days_direct,
        "online": procedure.days_online if procedure.days_online is not None else procedure.days_direct,
        "postal": procedure.days_postal if procedure.days_postal is not None else procedure.days_direct,
    }
    if len(set(days.values())) == 1:
        return _duration(procedure.time_unit, procedure.days_direct)
    labels: dict[int, list[str]] = {}
    for key, label in _CHANNELS:
        labels.setdefault(days[key], []).append(label)
    parts = [f"{', '.join(names)}: {_duration(procedure.time_unit, n)}" for n, names in labels.items()]
    return "\n".join(p[0].upper() + p[1:] for p in parts)


def posting_groups(session: Session) -> list[PostingGroup]:
    """Active procedures grouped by field in the form's order, in Vietnamese alphabet order inside a field."""
    rules = load_rules(session)
    by_field: dict[int, list[ProcedureRow]] = {}
    for p in list_procedures(session, active_only=True):
        by_field.setdefault(p.field_id, []).append(p)
    groups: list[PostingGroup] = []
    for f in list_fields(session):
        procs = sorted(by_field.get(f.id, []), key=lambda p: vietnamese_sort_key(p.name))
        if procs:
            entries = tuple(
                PostingEntry(
                    p, posting_url(p, rules.posting_url_template), processing_time_text(p, rules.same_day_cutoff)
                )
                for p in procs
            )
            groups.append(PostingGroup(f.name, entries))
    return groups


def qr_drawing(url: str, size: float = QR_SIZE) -> Drawing:
    """A square drawing holding the QR code of exactly ``url`` (error correction M, 4-module quiet zone)."""
    widget = QrCodeWidget(url, barLevel="M", barBorder=4, barWidth=size, barHeight=size)
    drawing = Drawing(size, size)
    drawing.add(widget)
    return drawing


class _QrCell(Flowable):
    """The QR cell: the code (also a clickable link in the PDF) or the "no link" text; reports progress."""

    def __init__(self, url: str | None, fallback: Paragraph, on_drawn: Callable[[], None]) -> None:
        super().__init__()
        self.url, self.fallback, self.on_drawn = url, fallback, on_drawn

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._avail = availWidth
        if self.url is None:
            return self.fallback.wrap(availWidth, availHeight)
        return availWidth, QR_SIZE

    def draw(self) -> None:
        if self.url is None:
            self.fallback.drawOn(self.canv, 0, 0)
        else:
            x = (self._avail - QR_SIZE) / 2
            # The widget's own squares, painted as one path: renderPDF paints each square as a separate
            # shape, ~4x slower (0.13 s per code) and a bigger file.
            dark = [r for r in qr_drawing(self.url).contents[0].draw().contents if r.fillColor is not None]
            path = self.canv.beginPath()
            for r in dark:
                path.rect(x + r.x, r.y, r.width, r.height)
            self.canv.setFillColor(colors.black)
            self.canv.drawPath(path, stroke=0, fill=1)
            self.canv.linkURL(self.url, (x, 0, x + QR_SIZE, QR_SIZE), relative=1, thickness=0)
        self.on_drawn()


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _styles(f: FontFamily) -> dict[str, ParagraphStyle]:
    def s(name: str, font: str, size: float, align: int = TA_LEFT, **kw: float) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.2, alignment=align, **kw)

    return {
        "agency": s("agency", f.regular, 13, TA_CENTER),
        "agency_bold": s("agency_bold", f.bold, 13, TA_CENTER),
        "motto": s("motto", f.bold, 13, TA_CENTER),
        "place_date": s("place_date", f.italic, 13, TA_CENTER, spaceBefore=6),
        "title": s("title", f.bold, 14, TA_CENTER, spaceBefore=14),
        "subtitle": s("subtitle", f.italic, 12, TA_CENTER, spaceBefore=4, spaceAfter=8),
        "head": s("head", f.bold, 11, TA_CENTER),
        "group": s("group", f.bold, 12),
        "cell": s("cell", f.regular, 12),
        "cell_center": s("cell_center", f.regular, 11, TA_CENTER),
        "time": s("time", f.regular, 11),
        "no_link": s("no_link", f.italic, 10, TA_CENTER),
        "note": s("note", f.italic, 11, spaceBefore=6),
    }


def _header(commune: str, on: date, st: dict[str, ParagraphStyle], f: FontFamily) -> list[Flowable]:
    """Issuing body and national motto side by side (Decree 30 layout), then the title and the date."""
    width = PORTRAIT_FRAME_WIDTH
    left_w = width * 0.4
    body = upper(commune)
    motto_2 = "Độc lập - Tự do - Hạnh phúc"
    left = [
        Paragraph("ỦY BAN NHÂN DÂN", st["agency"]),
        Paragraph(markup(body), st["agency_bold"]),
        HRFlowable(width=min(stringWidth(body, f.bold, 13), left_w) * 0.45, thickness=0.6, color=colors.black),
    ]
    right = [
        Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st["motto"]),
        Paragraph(motto_2, st["motto"]),
        HRFlowable(width=stringWidth(motto_2, f.bold, 13), thickness=0.6, color=colors.black),
        Paragraph(markup(date_line(place_name(commune), on)), st["place_date"]),
    ]
    table = PdfTable([[left, right]], colWidths=[left_w, width - left_w])
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),  # centres the rules under their lines
            *((p, (0, 0), (-1, -1), 0) for p in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")),
        ]
    )
    # Broken where a reader pauses, not where the line happens to end.
    title = f"DANH MỤC THỦ TỤC HÀNH CHÍNH<br/>THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND {markup(body)}"
    return [table, Paragraph(title, st["title"])]


def _table(groups: list[PostingGroup], st: dict[str, ParagraphStyle], on_drawn: Callable[[], None]) -> PdfTable:
    head = ["STT", "Mã thủ tục", "Tên thủ tục hành chính", "Thời hạn giải quyết", "Mã QR"]
    rows: list[list[object]] = [[Paragraph(h, st["head"]) for h in head]]
    commands: list[tuple[object, ...]] = []
    number = 0
    for g, group in enumerate(groups, start=1):
        heading = f"{_roman(g)}. LĨNH VỰC {upper(group.field_name)}"
        r = len(rows)
        rows.append([Paragraph(markup(heading), st["group"]), "", "", "", ""])
        # The heading spans the row and never stays alone at the foot of a page.
        commands += [("SPAN", (0, r), (-1, r)), ("NOSPLIT", (0, r), (-1, r + 1))]
        for e in group.entries:
            number += 1
            p = e.procedure
            rows.append(
                [
                    Paragraph(str(number), st["cell_center"]),
                    Paragraph(markup(p.code), st["cell_center"]),
                    Paragraph(markup(p.name), st["cell"]),
                    Paragraph(markup(e.time_text), st["time"]),
                    _QrCell(e.url, Paragraph(NO_LINK, st["no_link"]), on_drawn),
                ]
            )
    table = PdfTable(rows, colWidths=[w * mm for w in _WIDTHS_MM], repeatRows=1, hAlign="CENTER")
    table.setStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
            *commands,
        ]
    )
    return table


class _SheetDoc(BaseDocTemplate):
    """A4 portrait, Decree 30 margins, page numbers centred in the top margin from page 2."""

    def __init__(self, path: str, title: str, author: str, font: str) -> None:
        super().__init__(
            path,
            pagesize=PORTRAIT,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=author,
            creator="Commune Desk",
            lang="vi-VN",
            initialFontName=font,
        )
        self._font = font
        height = PORTRAIT[1] - MARGIN_TOP - MARGIN_BOTTOM
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, PORTRAIT_FRAME_WIDTH, height, 0, 0, 0, 0, id="body")
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._page_number)])

    def _page_number(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if canvas.getPageNumber() < 2:
            return
        canvas.saveState()
        canvas.setFont(self._font, PAGE_NUMBER_SIZE)
        x = MARGIN_LEFT + PORTRAIT_FRAME_WIDTH / 2
        canvas.drawCentredString(x, PORTRAIT[1] - MARGIN_TOP / 2 - PAGE_NUMBER_SIZE * 0.35, str(canvas.getPageNumber()))
        canvas.restoreState()


def write_posting_pdf(
    session: Session, path: Path, *, progress: Progress | None = None, on: date | None = None
) -> Path:
    """Write the posting sheet at ``path`` (replaced only once complete); ``on`` dates it (default today).

    ``progress(done, total)`` counts procedures as their rows are drawn.
    """
    profile = load_profile(session)
    if profile is None:
        raise UserError("Chưa khai báo thông tin xã (tên xã in trên bảng niêm yết).", "No commune profile yet.")
    groups = posting_groups(session)
    total = sum(len(g.entries) for g in groups)
    if not total:
        raise UserError(
            "Danh mục chưa có thủ tục nào đang áp dụng: không có gì để niêm yết.",
            "No procedure in use in the catalog: nothing to post.",
        )
    fonts = report_fonts()
    st = _styles(fonts)
    done = 0

    def drawn() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    if progress is not None:
        progress(0, total)
    lines = f"Tổng số: {vn_int(total)} thủ tục."
    if any(e.url for g in groups for e in g.entries):
        lines += " Quét mã QR bằng điện thoại để xem chi tiết từng thủ tục."
    story: list[Flowable] = [
        *_header(profile.name, on or date.today(), st, fonts),
        Paragraph(markup(lines), st["subtitle"]),
        _table(groups, st, drawn),
        Paragraph("Thời hạn giải quyết tính từ khi nhận đủ hồ sơ hợp lệ.", st["note"]),
    ]
    title = f"Danh mục thủ tục hành chính – {profile.name}"
    return build_atomically(Path(path), lambda tmp: _SheetDoc(tmp, title, profile.name, fonts.regular).build(story))
