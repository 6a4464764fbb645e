"""The province answers communes' proposals: list, answer, and write response files for the communes."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from sqlalchemy import select

from cli.session import open_db, parse_day
from cli.text import fmt_date, lang, t, table
from storage.errors import UserError
from storage.mode import DatabaseMode, require_mode
from storage.vocab import ProposalStatus


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("province-proposals", help=t("kiến nghị của các xã", "the communes' proposals"))
    p.add_argument("--open", action="store_true", help=t("chỉ kiến nghị đang chờ", "only those still waiting"))
    p.add_argument("--commune", metavar=t("MÃ_XÃ", "CODE"))
    p.add_argument("--department", metavar=t("CƠ_QUAN", "BODY"), help=t("ví dụ “Sở Nội vụ”", "e.g. “Sở Nội vụ”"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_list)
    a = sub.add_parser("province-answer", help=t("ghi trả lời của tỉnh cho một kiến nghị", "record an answer"))
    a.add_argument("--commune", required=True, metavar=t("MÃ_XÃ", "CODE"))
    a.add_argument("--proposal", required=True, type=int, metavar="ID", help=t("mã kiến nghị của xã", "the id"))
    a.add_argument(
        "--status",
        required=True,
        help=t(
            "acknowledged (đã tiếp nhận), assigned (đã giao sở, ngành), resolved (đã giải quyết), declined "
            "(không chấp nhận)",
            "acknowledged, assigned, resolved or declined",
        ),
    )
    a.add_argument("--text", default="", help=t("nội dung trả lời", "the answer"))
    a.add_argument("--date", help=t("ngày trả lời dd/mm/yyyy (mặc định hôm nay)", "answer date (default today)"))
    a.set_defaults(handler=run_answer)
    r = sub.add_parser(
        "province-responses",
        help=t("ghi tệp phản hồi gửi các xã (trả lời chưa gửi)", "write response files for the communes"),
    )
    r.add_argument("--out", type=Path, required=True, metavar=t("THƯ_MỤC", "FOLDER"))
    r.add_argument("--commune", metavar=t("MÃ_XÃ", "CODE"), help=t("chỉ một xã", "only one commune"))
    r.set_defaults(handler=run_responses)


def run_list(args: argparse.Namespace) -> int:
    from storage.province.answers import list_province_proposals

    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            require_mode(s, DatabaseMode.PROVINCE)
            rows = list_province_proposals(
                s, open_only=args.open, commune_code=args.commune, department=args.department
            )
    finally:
        db.close()
    today = date.today()
    if args.json:
        out = [
            {
                "commune_code": r.commune_code,
                "commune": r.commune_name,
                "proposal_id": r.proposal_id,
                "title": r.title,
                "raised_date": r.raised_date.isoformat(),
                "addressed_to": r.addressed_to,
                "status": str(r.status),
                "days_waiting": r.age_days(today) if r.is_open else None,
                "response_text": r.response_text,
                "answer_to_send": r.answer_pending_export,
            }
            for r in rows
        ]
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
        return 0
    body = [
        (
            r.commune_code,
            r.proposal_id,
            r.title[:60],
            fmt_date(r.raised_date),
            r.age_days(today) if r.is_open else "",
            r.status.label(lang()),
        )
        for r in rows
    ]
    headers = [t("Mã xã", "Code"), "ID", t("Kiến nghị", "Proposal"), t("Ngày nêu", "Raised"), t("Chờ", "Days")]
    sys.stdout.write(table([*headers, t("Tình trạng", "Status")], body, numeric={1, 4}) + "\n")
    sys.stdout.write(t(f"{len(rows)} kiến nghị.\n", f"{len(rows)} proposals.\n"))
    return 0


def run_answer(args: argparse.Namespace) -> int:
    from storage.models import ProvinceProposal
    from storage.province.answers import record_answer

    status = ProposalStatus.parse(args.status)
    if status is None:
        raise UserError(f"Trạng thái “{args.status}” không hợp lệ.", f"Unknown status “{args.status}”.")
    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            require_mode(s, DatabaseMode.PROVINCE)
            row_id = s.scalar(
                select(ProvinceProposal.id).where(
                    ProvinceProposal.commune_code == args.commune, ProvinceProposal.proposal_id == args.proposal
                )
            )
            if row_id is None:
                raise UserError(
                    f"Không có kiến nghị mã {args.proposal} của xã mã {args.commune}.",
                    f"No proposal {args.proposal} of commune {args.commune}.",
                )
            record_answer(s, row_id, status, args.text, parse_day(args.date) if args.date else date.today())
    finally:
        db.close()
    sys.stdout.write(
        t(
            f"Đã ghi trả lời ({status.label()}) cho kiến nghị {args.proposal} của xã mã {args.commune}.\n",
            f"Answer recorded ({status.label('en')}) for proposal {args.proposal} of commune {args.commune}.\n",
        )
    )
    return 0


def run_responses(args: argparse.Namespace) -> int:
    from reports.exchange.response_file import write_response_file
    from storage.province.answers import communes_with_answers_to_send

    db = open_db(args)
    written = []
    try:
        with db.sessions.begin() as s:
            require_mode(s, DatabaseMode.PROVINCE)
            codes = [args.commune] if args.commune else communes_with_answers_to_send(s)
        if not codes:
            raise UserError("Không có trả lời mới nào cần gửi xã.", "No new answer to send.")
        for code in codes:
            with db.sessions.begin() as s:  # one file, one transaction
                written.append(write_response_file(s, code, args.out))
    finally:
        db.close()
    for w in written:
        sys.stdout.write(
            t(f"Đã ghi {w.path} ({w.answers} trả lời)\n", f"Wrote {w.path} ({w.answers} answers)\n")
        )
    return 0
