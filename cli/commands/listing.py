"""`list KIND`: records with their computed fields, as a table or JSON (for scripts and checks)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from cli.commands.summary import resolve_period
from cli.session import open_db, parse_day
from cli.text import fmt_date, lang, t, table
from storage.calendar_store import list_days
from storage.catalog import list_procedures
from storage.dossier_queries import DossierFilter, list_dossiers
from storage.equipment import list_equipment
from storage.proposals import list_proposals
from storage.rules_context import load_context
from storage.staff import list_staff
from storage.units import list_units

KINDS = ("staff", "dossiers", "equipment", "proposals", "procedures", "holidays", "units")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help=t("liệt kê bản ghi kèm các trường tính toán", "list records with computed fields"))
    p.add_argument("kind", choices=KINDS, metavar="KIND", help=" | ".join(KINDS))
    p.add_argument("--period", metavar="SPEC", help=t("chỉ bản ghi trong kỳ", "only records of this period"))
    p.add_argument("--calendar", action="store_true", help=t("kỳ theo lịch", "calendar periods"))
    p.add_argument(
        "--on",
        metavar=t("NGÀY", "DATE"),
        help=t("tính trạng thái tại ngày (dd/mm/yyyy)", "compute states on this date (dd/mm/yyyy)"),
    )
    p.add_argument("--search", default="", help=t("tìm không dấu", "search, diacritics ignored"))
    p.add_argument("--json", action="store_true", help=t("xuất JSON", "print JSON"))
    p.set_defaults(handler=run)


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return _plain(asdict(value))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return value


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            period = resolve_period(s, args.period, args.calendar) if args.period else None
            on = parse_day(args.on) if args.on else (period.end if period else date.today())
            records, headers, cells = _collect(s, args.kind, period, on, args.search)
    finally:
        db.close()
    if args.json:
        json.dump(
            {"kind": args.kind, "on": on.isoformat(), "count": len(records), "records": _plain(records)},
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    else:
        sys.stdout.write(table(headers, cells) + "\n")
        sys.stdout.write(
            t(
                f"{len(records)} bản ghi; trạng thái tính tại ngày {on:%d/%m/%Y}.\n",
                f"{len(records)} records; states on {on:%d/%m/%Y}.\n",
            )
        )
    return 0


def _collect(s: Session, kind: str, period, on: date, search: str):  # type: ignore[no-untyped-def]
    L = lang()
    yes, no = t("Có", "Yes"), t("Không", "No")
    if kind == "dossiers":
        ctx = load_context(s, (period.start if period else on).year - 1, on.year)
        f = DossierFilter(
            received_from=period.start if period else None, received_to=period.end if period else None, search=search
        )
        rows = list_dossiers(s, f, on=on, calendar=ctx.calendar, counting=ctx.rules.withdrawn_counting)
        records = [asdict(r) | {"state_label": r.state.label(L)} for r in rows]
        headers = [
            t("Mã hồ sơ", "Code"),
            t("Thủ tục", "Procedure"),
            t("Người nộp", "Applicant"),
            t("Tiếp nhận", "Received"),
            t("Kênh", "Channel"),
            t("Hạn", "Due"),
            t("Giải quyết", "Finished"),
            t("Trạng thái", "State"),
            t("Quá hạn (ngày LV)", "Overdue (w. days)"),
        ]
        cells = [
            [
                r.code,
                r.procedure_code,
                r.applicant_name,
                fmt_date(r.received_at),
                r.channel.label(L),
                fmt_date(r.due_date),
                fmt_date(r.finished_date),
                r.state.label(L),
                r.overdue_days or "",
            ]
            for r in rows
        ]
        return records, headers, cells
    if kind == "staff":
        rows = list_staff(s, search=search)
        records = [asdict(r) | {"in_post": r.in_post(on)} for r in rows]
        headers = [
            t("Họ và tên", "Name"),
            t("Giới tính", "Gender"),
            t("Chức vụ", "Position"),
            t("Đơn vị", "Unit"),
            t("Loại", "Category"),
            t("Từ ngày", "Since"),
            t("Đến ngày", "Until"),
            t(f"Tại chức {on:%d/%m/%Y}", f"In post {on:%d/%m/%Y}"),
        ]
        cells = [
            [
                r.full_name,
                r.gender.label(L),
                r.position,
                r.unit_name,
                r.category.label(L),
                fmt_date(r.start_date),
                fmt_date(r.end_date),
                yes if r.in_post(on) else no,
            ]
            for r in rows
        ]
        return records, headers, cells
    if kind == "equipment":
        rows = list_equipment(s, search=search)
        headers = [
            t("Loại", "Kind"),
            t("Mô tả", "Description"),
            t("Đơn vị", "Unit"),
            t("Cần có", "Required"),
            t("Hiện có", "Available"),
            t("Hoạt động", "Working"),
            t("Thiếu", "Shortage"),
        ]
        cells = [
            [r.kind_label, r.description, r.unit_name, r.required, r.available, r.working, r.shortage] for r in rows
        ]
        return [asdict(r) for r in rows], headers, cells
    if kind == "proposals":
        rows = list_proposals(s, search=search)
        if period is not None:
            rows = [r for r in rows if period.start <= r.raised_date <= period.end]
        headers = [
            t("Ngày nêu", "Raised"),
            t("Nội dung", "Title"),
            t("Gửi", "Addressed to"),
            t("Trạng thái", "Status"),
            t("Ngày trả lời", "Answered"),
        ]
        cells = [
            [fmt_date(r.raised_date), r.title, r.addressed_to, r.status_label, fmt_date(r.response_date)] for r in rows
        ]
        return [asdict(r) | {"age_days": r.age_days(on)} for r in rows], headers, cells
    if kind == "procedures":
        rows = list_procedures(s)
        headers = [t("Mã", "Code"), t("Thủ tục", "Procedure"), t("Lĩnh vực", "Field"), t("Thời hạn", "Time limit")]
        cells = [[r.code, r.name, r.field_name, _duration(r.time_unit, r.days_direct)] for r in rows]
        return [asdict(r) for r in rows], headers, cells
    if kind == "holidays":
        years = range(period.start.year, period.end.year + 1) if period else [on.year]
        rows = [d for y in years for d in list_days(s, y)]
        headers = [t("Ngày", "Date"), t("Loại", "Kind"), t("Tên", "Name")]
        cells = [
            [fmt_date(d.day), t("Nghỉ", "Day off") if d.kind == "off" else t("Làm bù", "Working day"), d.name]
            for d in rows
        ]
        return [asdict(d) for d in rows], headers, cells
    rows = list_units(s)
    headers = [t("Đơn vị", "Unit"), t("Viết tắt", "Short"), t("Trung tâm PVHCC", "Service center")]
    cells = [[u.name, u.short_name, yes if u.is_service_center else ""] for u in rows]
    return [asdict(u) for u in rows], headers, cells


def _duration(unit: str, days: int) -> str:
    if unit == "same_day":
        return t("Trong ngày", "Same day")
    if unit == "working_days":
        return t(f"{days} ngày làm việc", f"{days} working days")
    return t(f"{days} ngày", f"{days} days")
