"""Equipment and proposal tables."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reports.model import HeaderCell, Table
from reports.vn_text import vn_date
from storage.aggregates.equipment_proposals import EquipmentSummary
from storage.equipment import EquipmentRow
from storage.proposals import ProposalRow
from storage.vocab import ProposalStatus

H = HeaderCell


def equipment_table(eq: EquipmentSummary) -> Table:
    """Required, available, working, broken and shortage per kind, with the total."""
    rows: list[tuple[object, ...]] = [
        (i, k.kind.label(), k.required, k.available, k.working, k.broken, k.shortage)
        for i, k in enumerate(eq.by_kind, start=1)
    ]
    available = sum(k.available for k in eq.by_kind)
    rows.append(
        (
            "",
            "Tổng cộng",
            eq.total_required,
            available,
            eq.total_working,
            available - eq.total_working,
            eq.total_shortage,
        )
    )
    return Table(
        title="Trang thiết bị công nghệ thông tin",
        header=(
            (H("STT"), H("Loại thiết bị"), H("Cần có"), H("Hiện có"), H("Đang hoạt động"), H("Hỏng"), H("Còn thiếu")),
        ),
        rows=tuple(rows),  # type: ignore[arg-type]
        widths=(5, 36, 10, 10, 12, 9, 10),
        kinds=("text", "text", "int", "int", "int", "int", "int"),
        bold_rows=frozenset({len(rows) - 1}),
        unit_note="Đơn vị tính: cái, bộ, đường truyền, chứng thư",
    )


def shortage_lines_table(lines: Sequence[EquipmentRow]) -> Table | None:
    """The lines that are short or hold broken items, with their condition notes."""
    rows = [
        (r.description or r.kind_label, r.unit_name, r.available, r.working, r.broken, r.shortage, r.condition_notes)
        for r in lines
        if r.shortage > 0 or r.broken > 0
    ]
    if not rows:
        return None
    return Table(
        title="Thiết bị còn thiếu hoặc hỏng",
        header=(
            (
                H("STT"),
                H("Thiết bị"),
                H("Đơn vị"),
                H("Hiện có"),
                H("Hoạt động"),
                H("Hỏng"),
                H("Thiếu"),
                H("Tình trạng"),
            ),
        ),
        rows=tuple((i, *row) for i, row in enumerate(rows, start=1)),
        widths=(5, 30, 24, 9, 10, 7, 7, 40),
        kinds=("text", "text", "text", "int", "int", "int", "int", "text"),
        landscape=True,
    )


def proposals_table(proposals: Sequence[ProposalRow], start: date, end: date) -> Table | None:
    """Proposals raised in the period or still waiting at its end, with the province's response."""
    chosen = [
        p
        for p in proposals
        if p.status != ProposalStatus.DRAFT
        and p.raised_date <= end
        and (p.raised_date >= start or p.is_open or (p.response_date is not None and p.response_date >= start))
    ]
    if not chosen:
        return None
    chosen.sort(key=lambda p: (p.raised_date, p.id))
    rows = [
        (
            i,
            p.title,
            p.category_label,
            p.addressed_to,
            vn_date(p.raised_date),
            p.status_label,
            (f"{p.response_text} ({vn_date(p.response_date)})" if p.response_date else p.response_text) or "",
        )
        for i, p in enumerate(chosen, start=1)
    ]
    return Table(
        title="Khó khăn, kiến nghị gửi tỉnh và kết quả trả lời",
        header=(
            (
                H("STT"),
                H("Nội dung"),
                H("Lĩnh vực"),
                H("Cơ quan giải quyết"),
                H("Ngày nêu"),
                H("Trạng thái"),
                H("Trả lời của tỉnh"),
            ),
        ),
        rows=tuple(rows),
        widths=(5, 48, 20, 22, 11, 15, 48),
        kinds=("text", "text", "text", "text", "date", "text", "text"),
        landscape=True,
    )
