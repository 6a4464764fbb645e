"""`import KIND FILE`: all-or-nothing import of a CSV or XLSX file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.session import open_db
from cli.text import lang, t
from storage.errors import ValidationError
from storage.importing.api import KINDS, preview_import, run_import


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help=t("nhập dữ liệu từ tệp CSV/XLSX (tất cả hoặc không gì cả)", "import a CSV/XLSX file (all or nothing)"),
    )
    p.add_argument("kind", choices=list(KINDS), metavar="KIND", help=" | ".join(KINDS))
    p.add_argument("file", type=Path, metavar=t("TỆP", "FILE"))
    p.add_argument("--dry-run", action="store_true", help=t("chỉ kiểm tra, không lưu", "check only, store nothing"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            if args.dry_run:
                result = preview_import(s, args.kind, args.file)
                if result.problems:
                    raise ValidationError(result.problems)
            else:
                result = run_import(s, args.kind, args.file)
    except ValidationError as exc:
        sys.stderr.write(
            t(
                f"Không nhập được {args.file.name}: {len(exc.problems)} lỗi, chưa lưu gì.\n",
                f"Could not import {args.file.name}: {len(exc.problems)} problems, nothing stored.\n",
            )
        )
        for p in exc.problems:
            sys.stderr.write(f"  - {p.text(lang())}\n")
        return 2
    finally:
        db.close()
    verb = t("Kiểm tra xong", "Checked") if args.dry_run else t("Đã nhập", "Imported")
    sys.stdout.write(
        t(
            f"{verb} {args.file.name}: {result.rows} dòng – thêm mới {result.created}, cập nhật {result.updated}, "
            f"không đổi {result.unchanged}.\n",
            f"{verb} {args.file.name}: {result.rows} rows – {result.created} new, {result.updated} updated, "
            f"{result.unchanged} unchanged.\n",
        )
    )
    return 0
