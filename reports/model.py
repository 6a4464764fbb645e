"""Plain report objects shared by the Excel and PDF writers, so the two never disagree on a number."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

Cell = str | int | float | None


@dataclass(frozen=True)
class HeaderCell:
    """A header cell; spans describe the official forms' two-level headers."""

    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Table:
    """A report table: header rows with spans, body rows, and how to show each column."""

    title: str
    header: tuple[tuple[HeaderCell, ...], ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # column widths in characters (Excel) / relative (PDF)
    kinds: tuple[str, ...]  # per column: "text", "int", "pct" (0..1), "date" (dd/mm/yyyy text)
    bold_rows: frozenset[int] = frozenset()  # e.g. the total row
    column_numbers: bool = False  # a row "(1) (2) ..." under the header, as official forms print
    unit_note: str = ""  # e.g. "Đơn vị tính: Số hồ sơ TTHC"
    notes: tuple[str, ...] = ()  # lines printed under the table
    landscape: bool = False

    @property
    def column_count(self) -> int:
        return len(self.widths)


@dataclass(frozen=True)
class Section:
    """A numbered part of the report: narrative paragraphs and tables; ``sheet`` names its Excel sheet."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()
    sheet: str | None = None


@dataclass(frozen=True)
class DocumentHeader:
    """The administrative-document header of Decree 30/2020 (REFERENCE.md §8)."""

    parent_agency: str  # "ỦY BAN NHÂN DÂN"
    issuing_body: str  # "XÃ LƯỢNG MINH"
    number_line: str  # "Số: 05/BC-UBND"
    place_date: str  # "Lượng Minh, ngày 05 tháng 01 năm 2026"
    doc_type: str  # "BÁO CÁO"
    summary: str  # the summary line under the type
    period_line: str = ""  # "(Từ ngày 15/06/2025 đến ngày 14/07/2025)"
    motto_1: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto_2: str = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class SignatureBlock:
    authority: str  # "TM. ỦY BAN NHÂN DÂN"
    title: str  # "CHỦ TỊCH"
    name: str


@dataclass(frozen=True)
class Report:
    """A whole report, ready to be written."""

    kind: str
    header: DocumentHeader
    sections: tuple[Section, ...]
    signature: SignatureBlock
    recipients: tuple[str, ...]
    commune_name: str
    province_name: str
    period_spec: str
    period_start: date
    period_end: date
    generated_at: datetime = field(default_factory=datetime.now)

    def tables(self) -> list[Table]:
        return [t for s in self.sections for t in s.tables]
