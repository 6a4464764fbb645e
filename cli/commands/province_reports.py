"""`province-report` (consolidated Excel/PDF) and `province-missing` (who has not reported)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cli.commands.export import _target
from cli.session import open_db, parse_day
from cli.text import fmt_date, lang, t, table
from storage.errors import UserError
from storage.mode import DatabaseMode, require_mode
from storage.periods import Period, parse_period
from storage.settings import load_rules


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "province-report", help=t("báo cáo tổng hợp của tỉnh (Excel/PDF)", "the province's consolidated report")
    )
    p.add_argument("--period", required=True, metavar="SPEC", help=t("kỳ, ví dụ 2025-07", "period, e.g. 2025-07"))
    p.add_argument("--format", choices=("xlsx", "pdf"), default="pdf", dest="fmt")
    p.add_argument("--out", type=Path, required=True, metavar=t("ĐƯỜNG_DẪN", "PATH"))
    p.add_argument("--number", default="", help=t("số văn bản", "document number"))
    p.add_argument("--date", help=t("ngày ký dd/mm/yyyy (mặc định để trống)", "signing date dd/mm/yyyy"))
    p.set_defaults(handler=run_report)
    q = sub.add_parser(
        "province-missing", help=t("danh sách xã chưa gửi báo cáo của kỳ", "communes that have not reported")
    )
    q.add_argument("--period", required=True, metavar="SPEC")
    q.add_argument("--json", action="store_true", help=t("in dạng JSON", "print JSON"))
    q.set_defaults(handler=run_missing)


def _period(s, spec: str) -> Period:  # type: ignore[no-untyped-def]
    rules = load_rules(s)
    return parse_period(spec, official=rules.official_periods, cutoff_day=rules.cutoff_day)


def run_report(args: argparse.Namespace) -> int:
    from reports.province_report import build_province_report
    from reports.vn_text import safe_file_stem

    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            require_mode(s, DatabaseMode.PROVINCE)
            period = _period(s, args.period)
            report = build_province_report(
                s, period.spec, issued_on=parse_day(args.date) if args.date else None, document_number=args.number
            )
    finally:
        db.close()
    path = _target(args.out, safe_file_stem(f"bao-cao-tong-hop-{period.spec}"), args.fmt)
    if args.fmt == "xlsx":
        from reports.excel_writer import write_xlsx

        write_xlsx(report, path)
    else:
        from reports.pdf_writer import write_pdf

        write_pdf(report, path)
    sys.stdout.write(t(f"Đã ghi {path}\n", f"Wrote {path}\n"))
    return 0


def run_missing(args: argparse.Namespace) -> int:
    from storage.province.completeness import completeness

    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            require_mode(s, DatabaseMode.PROVINCE)
            period = _period(s, args.period)
            grid = completeness(s, [period])
    finally:
        db.close()
    if not grid.communes:
        raise UserError(
            "Danh sách xã của tỉnh đang trống (nhập danh sách xã trước).", "The commune registry is empty."
        )
    due = grid.deadlines[0]
    missing = [c for c in grid.communes if grid.cells[(c.code, period.spec)].status.value in ("missing", "not_due")]
    if args.json:
        out = {
            "period": period.spec,
            "deadline": due.isoformat(),
            "expected": len(grid.communes),
            "missing": [{"code": c.code, "name": c.name, "area_type": str(c.area_type)} for c in missing],
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
        return 0
    if missing:
        rows = [
            (c.code, c.name, c.area_type.label(lang()), grid.cells[(c.code, period.spec)].status.label(lang()))
            for c in missing
        ]
        headers = [t("Mã", "Code"), t("Xã, phường", "Commune"), t("Địa bàn", "Area"), t("Tình trạng", "Status")]
        sys.stdout.write(table(headers, rows) + "\n")
    sys.stdout.write(
        t(
            f"Kỳ {period.label()}: hạn gửi {fmt_date(due)}; {len(missing)}/{len(grid.communes)} xã, phường chưa gửi.\n",
            f"{period.label('en')}: due {fmt_date(due)}; {len(missing)} of {len(grid.communes)} communes missing.\n",
        )
    )
    return 0
