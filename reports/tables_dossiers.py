"""The results-of-procedures table (Biểu 06/VPCP/KSTT, REFERENCE.md §2) from the stored aggregates."""

from __future__ import annotations

from reports.model import HeaderCell, Table
from reports.vn_text import vn_int, vn_pct
from storage.aggregates import DossierForm, FormRow

H = HeaderCell
FORM_HEADER = (
    (
        H("STT", rowspan=2),
        H("Lĩnh vực, công việc giải quyết theo cấp", rowspan=2),
        H("Số hồ sơ nhận giải quyết", colspan=4),
        H("Số hồ sơ đã giải quyết", colspan=4),
        H("Số hồ sơ đang giải quyết", colspan=3),
    ),
    (
        H("Tổng số"),
        H("Trong đó: Trực tuyến"),
        H("Trong đó: Trực tiếp, dịch vụ bưu chính"),
        H("Từ kỳ trước"),
        H("Tổng số"),
        H("Trước hạn"),
        H("Đúng hạn"),
        H("Quá hạn"),
        H("Tổng số"),
        H("Trong hạn"),
        H("Quá hạn"),
    ),
)
FORM_WIDTHS = (5.0, 34.0, *([9.0] * 11))


def form_table(form: DossierForm, online_target_pct: int) -> Table:
    """Rows per field in the form's order, the total row in bold, rates under the table."""
    rows: list[tuple[object, ...]] = [(i, r.field_name, *r.columns()) for i, r in enumerate(form.rows, start=1)]
    total: FormRow = form.total
    rows.append(("", "Tổng số", *total.columns()))
    notes = (
        f"Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn: {vn_pct(total.on_time_rate)}.",
        f"Tỷ lệ hồ sơ tiếp nhận trực tuyến: {vn_pct(total.online_rate)} (chỉ tiêu {online_target_pct}%).",
        f"Hồ sơ chờ bổ sung: {total.waiting_supplement}; công dân xin rút hoặc dừng xử lý: {total.withdrawn_stopped}; "
        f"quá hạn đã có văn bản xin lỗi: {total.late_with_apology}; không tiếp nhận: {total.not_accepted}.",
    )
    return Table(
        title="Kết quả giải quyết thủ tục hành chính",
        header=FORM_HEADER,
        rows=tuple(rows),  # type: ignore[arg-type]
        widths=FORM_WIDTHS,
        kinds=("text", "text", *(["int"] * 11)),
        bold_rows=frozenset({len(rows) - 1}),
        column_numbers=True,
        unit_note="Đơn vị tính: Số hồ sơ TTHC",
        notes=notes,
        landscape=True,
    )


def results_sentence(form: DossierForm) -> str:
    """One paragraph with the period's key figures, written from the same numbers as the table."""
    n = {k: vn_int(v) for k, v in form.total.to_dict().items() if isinstance(v, int)}
    return (
        f"Trong kỳ, tổng số hồ sơ nhận giải quyết là {n['received_total']} hồ sơ (tiếp nhận mới trực tuyến "
        f"{n['received_online']}, trực tiếp và qua dịch vụ bưu chính {n['received_direct_postal']}; từ kỳ "
        f"trước chuyển sang {n['carried_over']}). Đã giải quyết {n['resolved_total']} hồ sơ (trước hạn "
        f"{n['resolved_early']}, đúng hạn {n['resolved_on_time']}, quá hạn {n['resolved_late']}), tỷ lệ giải "
        f"quyết trước hạn và đúng hạn {vn_pct(form.total.on_time_rate)}. Đang giải quyết {n['pending_total']} hồ "
        f"sơ (trong hạn {n['pending_in_time']}, quá hạn {n['pending_overdue']})."
    )
