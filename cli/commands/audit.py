"""`audit`: who changed what and when (the append-only trail); `restore-deleted ENTRY_ID`: undo a deletion."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cli.session import open_db, parse_day
from cli.text import fmt_date, t, table
from storage.audit import AuditRow, list_entries, restore_deleted

_ACTIONS = {
    "create": ("thêm", "create"),
    "update": ("sửa", "update"),
    "delete": ("xóa", "delete"),
    "import": ("nhập tệp", "import"),
    "restore": ("khôi phục", "restore"),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help=t("nhật ký thay đổi: ai sửa gì, khi nào", "audit trail: who changed what, when"))
    p.add_argument("--user", dest="by_user", metavar=t("TÊN", "NAME"), help=t("của tài khoản", "by this account"))
    p.add_argument("--since", metavar=t("NGÀY", "DATE"), help=t("từ ngày (dd/mm/yyyy)", "from (dd/mm/yyyy)"))
    p.add_argument("--until", metavar=t("NGÀY", "DATE"), help=t("đến ngày (dd/mm/yyyy)", "until (dd/mm/yyyy)"))
    p.add_argument("--table", help=t("bảng, ví dụ dossier, staff", "table, e.g. dossier, staff"))
    p.add_argument("--record", help=t("mã số bản ghi (id)", "record id"))
    p.add_argument("--action", choices=list(_ACTIONS), help=" | ".join(_ACTIONS))
    p.add_argument("--limit", type=int, default=50, help=t("số mục (mặc định 50)", "entries (default 50)"))
    p.add_argument("--json", action="store_true", help=t("xuất JSON", "print JSON"))
    p.set_defaults(handler=run)
    p = sub.add_parser(
        "restore-deleted",
        help=t("khôi phục bản ghi đã xóa theo số mục nhật ký (lãnh đạo)", "restore a deleted record (officer)"),
    )
    p.add_argument("entry", type=int, metavar="ENTRY_ID", help=t("số mục «xóa» trong nhật ký", "the delete entry's id"))
    p.set_defaults(handler=run_restore)


def _changes(e: AuditRow) -> str:
    """`field: old → new` for updates, the values for creates and deletes (shortened)."""
    if e.action == "update":
        keys = sorted(set(e.old_values) | set(e.new_values))
        text = "; ".join(f"{k}: {e.old_values.get(k)!s} → {e.new_values.get(k)!s}" for k in keys)
    else:
        values = e.new_values or e.old_values
        text = "; ".join(f"{k}={v}" for k, v in values.items() if v not in (None, ""))
    return text if len(text) <= 120 else text[:119] + "…"


def _plain(e: AuditRow) -> dict[str, Any]:
    return {
        "id": e.id,
        "at": e.at.isoformat(sep=" ", timespec="seconds"),
        "user": e.username,
        "action": e.action,
        "table": e.table_name,
        "record_id": e.record_id,
        "summary": e.summary,
        "old_values": e.old_values,
        "new_values": e.new_values,
        "reason": e.reason,
    }


def run(args: argparse.Namespace) -> int:
    since = parse_day(args.since) if args.since else None
    until = parse_day(args.until) if args.until else None
    db = open_db(args)
    try:
        with db.sessions() as s:
            rows = list_entries(
                s,
                username=args.by_user,
                since=since,
                until=until,
                table=args.table,
                record_id=args.record,
                action=args.action,
                limit=max(args.limit, 1),
            )
    finally:
        db.close()
    if args.json:
        json.dump({"count": len(rows), "entries": [_plain(e) for e in rows]}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    headers = [
        t("Số", "No."),
        t("Lúc", "At"),
        t("Người", "User"),
        t("Việc", "Action"),
        t("Bảng", "Table"),
        t("Id", "Id"),
        t("Bản ghi", "Record"),
        t("Thay đổi", "Changes"),
        t("Lý do", "Reason"),
    ]
    cells = [
        [
            e.id,
            fmt_date(e.at),
            e.username or t("(hệ thống)", "(system)"),
            t(*_ACTIONS.get(e.action, (e.action, e.action))),
            e.table_name,
            e.record_id,
            e.summary[:40],
            _changes(e),
            e.reason,
        ]
        for e in rows
    ]
    sys.stdout.write(table(headers, cells, numeric={0}) + "\n")
    sys.stdout.write(t(f"{len(rows)} mục, mới nhất trước.\n", f"{len(rows)} entries, newest first.\n"))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            summary = restore_deleted(s, args.entry)
    finally:
        db.close()
    sys.stdout.write(
        t(
            f"Đã khôi phục bản ghi đã xóa ở mục #{args.entry}: {summary}\n",
            f"Restored the record deleted in entry #{args.entry}: {summary}\n",
        )
    )
    return 0
