"""`province-import PATHS… [--dry-run]` and `province-trust FILE`: the province's inbox."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.session import open_db
from cli.text import lang, t, table
from storage.errors import UserError
from storage.mode import DatabaseMode, require_mode
from storage.province.received import Verdict


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "province-import",
        help=t(
            "nhập tệp báo cáo .cdesk của các xã (tệp hoặc thư mục, ví dụ USB)",
            "import communes' .cdesk report files (files or folders such as a USB stick)",
        ),
    )
    p.add_argument("paths", nargs="+", type=Path, metavar=t("ĐƯỜNG_DẪN", "PATH"))
    p.add_argument(
        "--dry-run", action="store_true", help=t("chỉ xem trước, không lưu gì", "preview only, store nothing")
    )
    p.set_defaults(handler=run_import)
    q = sub.add_parser(
        "province-trust",
        help=t(
            "tin cậy khóa mới của một xã từ tệp của xã (sau khi đã gọi điện xác minh)",
            "trust a commune's new key from its file (after checking by phone)",
        ),
    )
    q.add_argument("file", type=Path, metavar=t("TỆP", "FILE"))
    q.set_defaults(handler=run_trust)


def run_import(args: argparse.Namespace) -> int:
    from reports.exchange.province_import import count_verdicts, import_files, preview_files

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        raise UserError(f"Không tìm thấy: {missing[0]}", f"Not found: {missing[0]}")
    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            require_mode(s, DatabaseMode.PROVINCE)
        results = (preview_files if args.dry_run else import_files)(db.sessions, args.paths)
    finally:
        db.close()
    if not results:
        raise UserError("Không có tệp .cdesk nào trong các đường dẫn đã cho.", "No .cdesk file in the given paths.")
    rows = [
        (r.name, r.commune_name or "", r.period_spec, r.revision or "", r.verdict.label(lang()), r.message(lang()))
        for r in results
    ]
    headers = [t("Tệp", "File"), t("Xã", "Commune"), t("Kỳ", "Period"), t("Lần", "Rev."), t("Kết quả", "Verdict")]
    sys.stdout.write(table([*headers, t("Chi tiết", "Details")], rows) + "\n")
    c = count_verdicts(results)
    n_in = c[Verdict.NEW] + c[Verdict.NEWER]
    stored = t("sẽ nhập", "to import") if args.dry_run else t("đã nhập", "imported")
    sys.stdout.write(
        t(
            f"{len(results)} tệp: {c[Verdict.NEW]} mới, {c[Verdict.NEWER]} thay thế, {c[Verdict.DUPLICATE]} trùng, "
            f"{c[Verdict.OLDER]} cũ hơn, {c[Verdict.REJECTED]} bị từ chối; {stored} {n_in}.\n",
            f"{len(results)} files: {c[Verdict.NEW]} new, {c[Verdict.NEWER]} newer, {c[Verdict.DUPLICATE]} duplicate, "
            f"{c[Verdict.OLDER]} older, {c[Verdict.REJECTED]} rejected; {stored} {n_in}.\n",
        )
    )
    if args.dry_run:
        sys.stdout.write(t("Chưa lưu gì (--dry-run).\n", "Nothing stored (--dry-run).\n"))
    return 0 if c[Verdict.REJECTED] == 0 else 2  # some files refused: scripts should notice


def run_trust(args: argparse.Namespace) -> int:
    from reports.exchange.province_import import accept_key_from_file
    from storage.signing import short_fingerprint, trusted_key

    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            require_mode(s, DatabaseMode.PROVINCE)
            code = accept_key_from_file(s, args.file)
            key = trusted_key(s, code)
    finally:
        db.close()
    assert key is not None
    sys.stdout.write(
        t(
            f"Từ nay tin cậy khóa {short_fingerprint(key.fingerprint)} cho xã mã {code}.\n",
            f"Key {short_fingerprint(key.fingerprint)} is now trusted for commune {code}.\n",
        )
    )
    return 0
