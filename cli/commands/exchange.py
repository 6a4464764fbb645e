"""Commune side of the province loop: `import-response FILE` and `key-registration --out FOLDER`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.session import open_db
from cli.text import fmt_date, lang, t, table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-response",
        help=t("nhập tệp phản hồi của tỉnh (cập nhật trạng thái kiến nghị)", "import the province's response file"),
    )
    p.add_argument("file", type=Path, metavar=t("TỆP", "FILE"))
    p.add_argument("--dry-run", action="store_true", help=t("chỉ xem trước", "preview only"))
    p.set_defaults(handler=run_response)
    k = sub.add_parser(
        "key-registration",
        help=t(
            "ghi tệp đăng ký khóa của xã để gửi tỉnh trước báo cáo đầu tiên",
            "write the commune's key registration file for the province",
        ),
    )
    k.add_argument("--out", type=Path, required=True, metavar=t("THƯ_MỤC", "FOLDER"))
    k.add_argument("--contact", default="", help=t("người liên hệ, số điện thoại", "contact person and phone"))
    k.set_defaults(handler=run_registration)


def run_response(args: argparse.Namespace) -> int:
    from reports.exchange.response_file import apply_response, preview_response
    from storage.signing import short_fingerprint

    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            preview = (preview_response if args.dry_run else apply_response)(s, args.file)
    finally:
        db.close()
    rows = [
        (
            c.proposal_id,
            c.title[:60],
            c.old_status.label(lang()) if c.old_status else t("(không có)", "(unknown)"),
            c.new_status.label(lang()),
            fmt_date(c.response_date),
        )
        for c in preview.changes
    ]
    headers = ["ID", t("Kiến nghị", "Proposal"), t("Trước", "Before"), t("Sau", "After"), t("Ngày trả lời", "Date")]
    sys.stdout.write(table(headers, rows, numeric={0}) + "\n")
    if preview.first_key:
        sys.stdout.write(
            t(
                f"Lần đầu nhận tệp của {preview.province_name}: khóa {short_fingerprint(preview.key_fingerprint)} "
                "được tin cậy từ nay.\n",
                f"First file from {preview.province_name}: key {short_fingerprint(preview.key_fingerprint)} "
                "is trusted from now on.\n",
            )
            if not args.dry_run
            else t(
                f"Khóa của tỉnh (lần đầu): {short_fingerprint(preview.key_fingerprint)}\n",
                f"Province key (first time): {short_fingerprint(preview.key_fingerprint)}\n",
            )
        )
    applied = sum(1 for c in preview.changes if c.applies)
    unknown = len(preview.changes) - applied
    if args.dry_run:
        sys.stdout.write(t("Chưa lưu gì (--dry-run).\n", "Nothing stored (--dry-run).\n"))
    else:
        sys.stdout.write(
            t(
                f"Đã cập nhật {applied} kiến nghị theo trả lời của tỉnh"
                + (f"; {unknown} trả lời không khớp kiến nghị nào" if unknown else "")
                + ".\n",
                f"Updated {applied} proposals" + (f"; {unknown} answers match no proposal" if unknown else "") + ".\n",
            )
        )
    return 0


def run_registration(args: argparse.Namespace) -> int:
    from reports.exchange.report_file import build_registration_file
    from reports.files import build_atomically
    from storage.signing import install_key, short_fingerprint

    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            built = build_registration_file(s, contact=args.contact)
            fp = install_key(s).fingerprint
    finally:
        db.close()
    path = args.out / built.name if args.out.suffix.lower() != ".cdesk" else args.out
    build_atomically(path, lambda tmp: Path(tmp).write_bytes(built.data))
    sys.stdout.write(
        t(
            f"Đã ghi {path}. Dấu vân tay khóa của xã: {short_fingerprint(fp)} (đọc cho tỉnh khi gọi điện xác minh).\n",
            f"Wrote {path}. The commune's key fingerprint: {short_fingerprint(fp)}.\n",
        )
    )
    return 0
