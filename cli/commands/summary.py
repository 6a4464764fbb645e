"""`summary --period SPEC`: the period aggregates as a readable table or JSON."""

from __future__ import annotations

import argparse
import json
import sys

from cli.session import open_db
from cli.text import fmt_int, fmt_pct, lang, t, table
from storage.aggregates import PeriodSummary, period_summary
from storage.periods import Period, parse_period
from storage.settings import load_rules
from storage.vocab import ProposalStatus


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("summary", help=t("số liệu tổng hợp của một kỳ báo cáo", "aggregates of a reporting period"))
    p.add_argument(
        "--period",
        required=True,
        metavar="SPEC",
        help=t(
            "kỳ: 2025-07, 2025-Q3, 2025-H1, 2025-9M, 2025 hoặc 01/07/2025..31/07/2025",
            "period: 2025-07, 2025-Q3, 2025-H1, 2025-9M, 2025 or 01/07/2025..31/07/2025",
        ),
    )
    p.add_argument(
        "--calendar",
        action="store_true",
        help=t(
            "dùng kỳ theo lịch thay cho kỳ chốt số liệu chính thức",
            "use calendar periods instead of the official cut-off",
        ),
    )
    p.add_argument("--json", action="store_true", help=t("xuất JSON", "print JSON"))
    p.set_defaults(handler=run)


def resolve_period(session, spec: str, calendar: bool) -> Period:  # type: ignore[no-untyped-def]
    """The period for a spec, with the database's cut-off day and official/calendar choice."""
    rules = load_rules(session)
    return parse_period(spec, official=rules.official_periods and not calendar, cutoff_day=rules.cutoff_day)


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            summary = period_summary(s, resolve_period(s, args.period, args.calendar))
    finally:
        db.close()
    if args.json:
        json.dump(summary.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render(summary) + "\n")
    return 0


def render(s: PeriodSummary) -> str:
    """The summary as text sections, in the chosen language."""
    L = lang()
    out = [f"{s.period.label(L)} {s.period.range_text(L)}", ""]
    out.append(t("1. Kết quả giải quyết thủ tục hành chính (số hồ sơ)", "1. Administrative procedures (dossiers)"))
    heads = [t("Lĩnh vực", "Field"), *[f"({i})" for i in range(3, 14)]]
    rows = [[r.field_name, *map(fmt_int, r.columns())] for r in s.dossiers.rows if r.received_total]
    total = s.dossiers.total
    rows.append([t("Tổng số", "Total"), *map(fmt_int, total.columns())])
    out.append(table(heads, rows, numeric=set(range(1, 12))))
    out.append(
        t(
            "(3) nhận giải quyết = (4) trực tuyến + (5) trực tiếp, bưu chính + (6) từ kỳ trước; "
            "(7) đã giải quyết = (8) trước hạn + (9) đúng hạn + (10) quá hạn; "
            "(11) đang giải quyết = (12) trong hạn + (13) quá hạn",
            "(3) received = (4) online + (5) direct/postal + (6) carried over; "
            "(7) resolved = (8) early + (9) on time + (10) late; (11) in progress = (12) within time + (13) overdue",
        )
    )
    out.append(
        t(
            f"Tỷ lệ giải quyết đúng hạn: {fmt_pct(total.on_time_rate)}; tỷ lệ hồ sơ trực tuyến: "
            f"{fmt_pct(total.online_rate)}; chờ bổ sung: {total.waiting_supplement}; "
            f"không tiếp nhận: {total.not_accepted}",
            f"On-time rate: {fmt_pct(total.on_time_rate)}; online share: {fmt_pct(total.online_rate)}; "
            f"waiting for supplement: {total.waiting_supplement}; not accepted: {total.not_accepted}",
        )
    )
    st = s.staffing
    out += ["", t(f"2. Nhân sự tại ngày {st.on:%d/%m/%Y}", f"2. Staff on {st.on:%d/%m/%Y}")]
    out.append(
        table(
            [t("Loại", "Category"), t("Hiện có", "In post"), t("Được giao", "Quota"), t("Còn thiếu", "Vacant")],
            [
                [c.category.label(L), c.in_post, fmt_int(c.quota), fmt_int(c.vacancies)]
                for c in st.by_category
                if c.in_post or c.quota
            ],
            numeric={1, 2, 3},
        )
    )
    out.append(
        t(
            f"Tổng số: {st.total}; biên chế (cán bộ, công chức): {st.official_posts}"
            f"{'' if st.official_quota is None else f'/{st.official_quota} được giao'}; "
            f"làm việc tại Trung tâm Phục vụ hành chính công: {st.service_center}; nữ: {st.women}; "
            f"dân tộc thiểu số: {st.ethnic_minority}; có chữ ký số: {st.with_signature} "
            f"({fmt_pct(st.signature_coverage)}); vào trong kỳ: {st.joined}; nghỉ trong kỳ: {st.left}",
            f"Total: {st.total}; official posts: {st.official_posts}"
            f"{'' if st.official_quota is None else f' of {st.official_quota} assigned'}; "
            f"at the service center: {st.service_center}; women: {st.women}; ethnic minorities: "
            f"{st.ethnic_minority}; with digital signature: {st.with_signature} ({fmt_pct(st.signature_coverage)}); "
            f"joined: {st.joined}; left: {st.left}",
        )
    )
    eq = s.equipment
    out += ["", t("3. Trang thiết bị CNTT", "3. IT equipment")]
    out.append(
        table(
            [
                t("Loại", "Kind"),
                t("Cần có", "Required"),
                t("Hiện có", "Available"),
                t("Hoạt động", "Working"),
                t("Thiếu", "Shortage"),
            ],
            [[k.kind.label(L), k.required, k.available, k.working, k.shortage] for k in eq.by_kind]
            + [[t("Tổng cộng", "Total"), eq.total_required, "", eq.total_working, eq.total_shortage]],
            numeric={1, 2, 3, 4},
        )
    )
    pr = s.proposals
    out += ["", t("4. Khó khăn, kiến nghị", "4. Difficulties and proposals")]
    out.append(
        t(
            f"Nêu trong kỳ: {pr.raised_in_period}; đang chờ tỉnh trả lời cuối kỳ: {pr.open_at_end}; "
            f"được trả lời trong kỳ: {pr.answered_in_period}",
            f"Raised in the period: {pr.raised_in_period}; awaiting the province at the end: {pr.open_at_end}; "
            f"answered in the period: {pr.answered_in_period}",
        )
    )
    status_rows = [[ProposalStatus(k).label(L), v] for k, v in pr.by_status.items() if v]
    if status_rows:
        out.append(table([t("Trạng thái", "Status"), t("Số lượng", "Count")], status_rows, numeric={1}))
    if pr.open_by_department:
        out.append(
            table(
                [t("Đang chờ – cơ quan giải quyết", "Awaiting – department"), t("Số lượng", "Count")],
                sorted(([k or t("(chưa ghi)", "(none)"), v] for k, v in pr.open_by_department.items())),
                numeric={1},
            )
        )
    return "\n".join(out)
