"""The PDF report in the administrative-document format of Decree 30/2020 (REFERENCE.md §8).

Only lays out what the ``Report`` holds (numbers are formatted, never computed), so the PDF and
the Excel workbook always agree. Orientation: a table marked ``landscape`` starts a landscape page;
the rest of that section stays landscape (narrow tables fit there too), and the next section
without wide tables goes back to portrait — fewer half-empty pages than switching per table,
while the heading page keeps the document header and the first section's text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus import Table as PdfTable

from reports.files import build_atomically
from reports.model import Report, Section, Table
from reports.pdf_fonts import report_fonts
from reports.pdf_styles import (
    LANDSCAPE,
    LANDSCAPE_FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_NUMBER_SIZE,
    PORTRAIT,
    PORTRAIT_FRAME_WIDTH,
    SIGNATURE_SPACE,
    ReportStyles,
    fits_unwrapped,
    make_styles,
    markup,
    table_flowables,
)

Progress = Callable[[int, int], None]
_LEFT_HEADER = 62 / 165  # share of the header table for the issuing body (the usual 6.2 cm of 16.5 cm)
_LEFT_SIGNATURE = 0.45  # share of the signature table for "Nơi nhận"


class _SectionDone(Flowable):
    """An invisible mark after each section, so progress follows the real layout work."""

    def __init__(self, done: int) -> None:
        super().__init__()
        self.done = done

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class _ReportDoc(BaseDocTemplate):
    """A4 portrait and landscape page templates with the page number centred in the top margin."""

    def __init__(self, path: str, report: Report, styles: ReportStyles, progress: Progress | None) -> None:
        super().__init__(
            path,
            pagesize=PORTRAIT,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=report.header.summary,
            author=report.header.issuing_body,
            subject=report.header.period_line.strip("()"),
            creator="Commune Desk",
            lang="vi-VN",
            initialFontName=styles.fonts.regular,  # else every page names Helvetica, a font not embedded
        )
        self._progress = progress
        self._total = len(report.sections)
        self._font = styles.fonts.regular
        self.addPageTemplates(
            [
                PageTemplate("portrait", [_frame(PORTRAIT)], onPage=self._page_number, pagesize=PORTRAIT),
                PageTemplate("landscape", [_frame(LANDSCAPE)], onPage=self._page_number, pagesize=LANDSCAPE),
            ]
        )

    def _page_number(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Decree 30: pages numbered from 2, centred in the top margin, size 13–14."""
        number = canvas.getPageNumber()
        if number < 2:
            return
        width, height = doc.pageTemplate.pagesize
        canvas.saveState()
        canvas.setFont(self._font, PAGE_NUMBER_SIZE)
        x = MARGIN_LEFT + (width - MARGIN_LEFT - MARGIN_RIGHT) / 2
        canvas.drawCentredString(x, height - MARGIN_TOP / 2 - PAGE_NUMBER_SIZE * 0.35, str(number))
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _SectionDone) and self._progress is not None:
            self._progress(flowable.done, self._total)


def _frame(pagesize: tuple[float, float]) -> Frame:
    width = pagesize[0] - MARGIN_LEFT - MARGIN_RIGHT
    height = pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM
    return Frame(MARGIN_LEFT, MARGIN_BOTTOM, width, height, 0, 0, 0, 0, id=f"body-{int(pagesize[0])}")


class _Rule(Flowable):
    """A short horizontal line centred in the available width (the rules of the Decree 30 header)."""

    def __init__(self, width: float, space_before: float = 4, space_after: float = 0) -> None:
        super().__init__()
        self.rule_width, self.before, self.after = width, space_before, space_after

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._avail = availWidth
        return availWidth, self.before + self.after + 0.6

    def draw(self) -> None:
        x0 = (self._avail - self.rule_width) / 2
        y = self.after + 0.3
        self.canv.setLineWidth(0.6)
        self.canv.line(x0, y, x0 + self.rule_width, y)


def _borderless(
    font: str, rows: list[list[Any]], widths: Sequence[float], extra: Sequence[tuple[Any, ...]] = ()
) -> PdfTable:
    table = PdfTable(rows, colWidths=list(widths))
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font),  # reportlab sets a cell's font even for flowables
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            *extra,
        ]
    )
    return table


def header_block(report: Report, st: ReportStyles, width: float = PORTRAIT_FRAME_WIDTH) -> list[Flowable]:
    """The two-column header, "BÁO CÁO", the summary line with its rule, and the period line."""
    h, f = report.header, st.fonts
    left_w = width * _LEFT_HEADER
    right_w = width - left_w
    body_w = min(stringWidth(h.issuing_body, f.bold, st.header_left_bold.fontSize), left_w)
    motto_w = min(stringWidth(h.motto_2, f.bold, st.motto.fontSize), right_w)
    left = [
        Paragraph(markup(h.parent_agency), st.header_left),
        Paragraph(markup(h.issuing_body), st.header_left_bold),
        _Rule(body_w * 0.45),
    ]
    right = [
        Paragraph(markup(h.motto_1), st.header_right_bold),
        Paragraph(markup(h.motto_2), st.motto),
        _Rule(motto_w),
    ]
    numbers = [Paragraph(markup(h.number_line), st.header_left), Paragraph(markup(h.place_date), st.place_date)]
    table = _borderless(f.regular, [[left, right], numbers], (left_w, right_w), [("TOPPADDING", (0, 1), (-1, 1), 8)])
    summary_w = min(stringWidth(h.summary, f.bold, st.summary.fontSize), width)
    out: list[Flowable] = [
        table,
        Paragraph(markup(h.doc_type), st.doc_type),
        Paragraph(markup(h.summary), st.summary),
        _Rule(max(summary_w / 3, 30), space_after=3),
    ]
    if h.period_line:
        out.append(Paragraph(markup(h.period_line), st.period))
    else:
        out.append(Spacer(1, st.period.spaceAfter))
    return out


def recipient_lines(recipients: Sequence[str]) -> list[str]:
    """ "- UBND tỉnh;" one per line, the archive line last ending with a full stop (Decree 30).

    Punctuation typed by the officer is normalised; a missing archive line is added as "Lưu: VT"
    because the decree requires it on every document.
    """
    items = [r.strip().lstrip("-–—•+*").strip().rstrip(";,.").strip() for r in recipients]
    items = [r for r in items if r]
    archive = [r for r in items if r.casefold().startswith("lưu")] or ["Lưu: VT"]
    ordered = [r for r in items if not r.casefold().startswith("lưu")] + archive
    return [f"- {r};" for r in ordered[:-1]] + [f"- {ordered[-1]}."]


def signature_block(report: Report, st: ReportStyles, width: float = PORTRAIT_FRAME_WIDTH) -> Flowable:
    """ "Nơi nhận" on the left level with the signer's authority line; the signature block on the right."""
    sig = report.signature
    left: list[Flowable] = [Paragraph("Nơi nhận:", st.recipients_title)]
    left += [Paragraph(markup(line), st.recipient) for line in recipient_lines(report.recipients)]
    right: list[Flowable] = [
        Paragraph(markup(line), st.signer) for line in (sig.authority.upper(), sig.title.upper()) if line.strip()
    ]
    right += [Spacer(1, SIGNATURE_SPACE), Paragraph(markup(sig.name), st.signer)]
    left_w = width * _LEFT_SIGNATURE
    # The 12 pt "Nơi nhận:" sits lower by the size difference so both first lines share a baseline.
    drop = st.signer.fontSize - st.recipients_title.fontSize
    table = _borderless(
        st.fonts.regular,
        [[left, right]],
        (left_w, width - left_w),
        [("TOPPADDING", (0, 0), (-1, -1), 12), ("TOPPADDING", (0, 0), (0, 0), 12 + drop)],
    )
    return KeepTogether([table])


def _switch(story: list[Flowable], template: str) -> None:
    story += [NextPageTemplate(template), PageBreak()]


def section_flowables(section: Section, st: ReportStyles, landscape_now: bool) -> tuple[list[Flowable], bool]:
    """One section's flowables, starting in the given orientation; returns the orientation it ends in."""
    story: list[Flowable] = []
    if landscape_now and not any(t.landscape for t in section.tables):
        _switch(story, "portrait")
        landscape_now = False
    heading = Paragraph(markup(section.heading), st.heading)
    heading.keepWithNext = True
    story.append(heading)
    story += [Paragraph(markup(p), st.body) for p in section.paragraphs]
    for table in section.tables:
        if table.landscape and not landscape_now:
            _switch(story, "landscape")
            landscape_now = True
        story += table_flowables(table, st, _table_width(table, st, landscape_now))
    return story, landscape_now


def _table_width(table: Table, st: ReportStyles, landscape_now: bool) -> float:
    """The text width of the page; a narrow table on a landscape page only widens if its text must wrap."""
    if table.landscape:
        return LANDSCAPE_FRAME_WIDTH
    if not landscape_now or fits_unwrapped(table, st, PORTRAIT_FRAME_WIDTH):
        return PORTRAIT_FRAME_WIDTH
    return LANDSCAPE_FRAME_WIDTH


def report_story(report: Report, st: ReportStyles) -> list[Flowable]:
    """Every flowable of the report, in document order."""
    story: list[Flowable] = header_block(report, st)
    landscape_now = False
    for done, section in enumerate(report.sections, start=1):
        flowables, landscape_now = section_flowables(section, st, landscape_now)
        story += [*flowables, _SectionDone(done)]
    if landscape_now:
        _switch(story, "portrait")
    story.append(signature_block(report, st))
    return story


def write_pdf(report: Report, path: Path, *, progress: Progress | None = None) -> Path:
    """Write the report as a PDF at ``path`` (replaced only once the new file is complete)."""
    path = Path(path)
    styles = make_styles(report_fonts())
    if progress is not None:
        progress(0, len(report.sections))
    build_atomically(path, lambda tmp: _ReportDoc(tmp, report, styles, progress).build(report_story(report, styles)))
    return path
