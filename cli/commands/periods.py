"""`finalize`, `reopen`, `periods`: locking a reported period's records, and seeing which are locked.

Why: once a report is finalized its figures must stay true, so the records that fed it lock (in
storage); only an officer unlocks them, with a reason that the audit trail keeps.
"""

from __future__ import annotations

import argparse
import json
import sys

from sqlalchemy import select

from cli.commands.summary import resolve_period
from cli.session import open_db
from cli.text import fmt_date, lang, t, table
from storage.locks import PeriodStatus, finalize_period, period_status, reopen_period
from storage.models import PeriodLock

_SPEC_HELP = (
    "kỳ: 2025-07, 2025-Q3, 2025-H1, 2025-9M, 2025 hoặc 01/07/2025..31/07/2025",
    "period: 2025-07, 2025-Q3, 2025-H1, 2025-9M, 2025 or 01/07/2025..31/07/2025",
)


def _period_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--period", required=True, metavar="SPEC", help=t(*_SPEC_HELP))
    p.add_argument("--calendar", action="store_true", help=t("kỳ theo lịch", "calendar periods"))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "finalize", help=t("chốt báo cáo của kỳ: khóa số liệu (lãnh đạo)", "finalize a period: lock its records")
    )
    _period_args(p)
    p.set_defaults(handler=run_finalize)
    p = sub.add_parser(
        "reopen", help=t("mở khóa kỳ đã chốt, ghi rõ lý do (lãnh đạo)", "reopen a finalized period, with a reason")
    )
    _period_args(p)
    p.add_argument("--reason", required=True, help=t("lý do mở khóa (ít nhất 10 ký tự)", "why (10+ characters)"))
    p.set_defaults(handler=run_reopen)
    p = sub.add_parser("periods", help=t("các kỳ đã chốt, đã gửi, đã mở lại", "finalized, sent and reopened periods"))
    p.add_argument("--json", action="store_true", help=t("xuất JSON", "print JSON"))
    p.set_defaults(handler=run_list)


def run_finalize(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            period = resolve_period(s, args.period, args.calendar)
            before = period_status(s, period)
            revision = finalize_period(s, period)
    finally:
        db.close()
    name = f"{period.label(lang())} {period.range_text(lang())}"
    if before[0] in (PeriodStatus.FINALIZED, PeriodStatus.SENT):
        sys.stdout.write(
            t(f"{name} đã chốt từ trước (lần {revision}).\n", f"{name} was already final (rev. {revision}).\n")
        )
    else:
        sys.stdout.write(
            t(
                f"Đã chốt {name}, lần {revision}: số liệu của kỳ đã khóa.\n",
                f"Finalized {name}, revision {revision}: its records are locked.\n",
            )
        )
    return 0


def run_reopen(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            period = resolve_period(s, args.period, args.calendar)
            reopen_period(s, period, args.reason)
    finally:
        db.close()
    sys.stdout.write(
        t(
            f"Đã mở khóa {period.label()} {period.range_text()}; lý do đã ghi vào nhật ký. "
            "Sau khi sửa, hãy chốt và lập lại báo cáo.\n",
            f"Reopened {period.label('en')} {period.range_text('en')}; the reason is in the audit trail. "
            "After the corrections, finalize and re-issue the report.\n",
        )
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.sessions() as s:
            locks = list(s.scalars(select(PeriodLock).order_by(PeriodLock.start, PeriodLock.official.desc())))
            s.expunge_all()
    finally:
        db.close()
    L = lang()
    if args.json:
        records = [
            {
                "period": k.period_spec,
                "official": k.official,
                "start": k.start.isoformat(),
                "end": k.end.isoformat(),
                "status": k.status,
                "revision": k.revision,
                "finalized_at": k.finalized_at.isoformat(timespec="minutes") if k.finalized_at else None,
                "finalized_by": k.finalized_by,
                "reopened_at": k.reopened_at.isoformat(timespec="minutes") if k.reopened_at else None,
                "reopened_by": k.reopened_by,
                "reason": k.reason,
            }
            for k in locks
        ]
        json.dump({"count": len(records), "periods": records}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    headers = [
        t("Kỳ", "Period"),
        t("Từ ngày", "From"),
        t("Đến ngày", "To"),
        t("Trạng thái", "Status"),
        t("Lần", "Rev."),
        t("Chốt lúc", "Finalized"),
        t("Người chốt", "By"),
        t("Mở lại lúc", "Reopened"),
        t("Lý do mở lại", "Reason"),
    ]
    cells = [
        [
            k.period_spec + ("" if k.official else t(" (lịch)", " (calendar)")),
            fmt_date(k.start),
            fmt_date(k.end),
            PeriodStatus(k.status).label(L),
            k.revision,
            fmt_date(k.finalized_at),
            k.finalized_by,
            fmt_date(k.reopened_at),
            k.reason,
        ]
        for k in locks
    ]
    sys.stdout.write(table(headers, cells, numeric={4}) + "\n")
    sys.stdout.write(
        t(
            f"{len(locks)} kỳ đã rời trạng thái soạn; các kỳ khác đang soạn (chưa khóa).\n",
            f"{len(locks)} periods left draft; all others are drafts (not locked).\n",
        )
    )
    return 0
