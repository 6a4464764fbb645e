"""Opening the database for a command."""

from __future__ import annotations

import argparse
from datetime import date

from cli.text import t
from storage.db import Database
from storage.errors import UserError
from storage.restore import DatabaseDamaged, open_checked


def open_db(args: argparse.Namespace, *, login: bool = True) -> Database:
    """Open (creating or upgrading) the database named by --db or the default one.

    When it has accounts, log in first (cli.login: --user and the password); ``login=False`` only for
    the administrator's forgotten-password recovery.

    With --province an empty database becomes a province database; a commune's is refused.
    A damaged file is refused untouched, with the newest good backup and the command restoring it.
    """
    try:
        db = open_checked(args.db)
    except DatabaseDamaged as exc:
        if not exc.backups:
            raise
        hint = f'python main.py restore "{exc.backups[0].path}"'
        exc.vi += f"\nKhôi phục bằng lệnh: {hint}"
        exc.en += f"\nRestore with: {hint}"
        raise
    if login:
        from cli.login import log_in

        try:
            log_in(db, args)
        except BaseException:
            db.close()
            raise
    if getattr(args, "province", False):
        from storage.mode import set_province_mode

        try:
            with db.sessions.begin() as s:
                set_province_mode(s)
        except UserError:
            db.close()
            raise
    if db.backup_made is not None:
        import sys

        sys.stderr.write(
            t(
                f"Đã nâng cấp cơ sở dữ liệu; bản sao lưu trước nâng cấp: {db.backup_made}\n",
                f"Database upgraded; backup made first: {db.backup_made}\n",
            )
        )
    return db


def parse_day(text: str) -> date:
    """A date typed on the command line: dd/mm/yyyy or ISO."""
    from datetime import datetime

    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise UserError(
        f"Ngày không hợp lệ: {text!r}. Nhập theo dạng dd/mm/yyyy, ví dụ 14/07/2025.",
        f"Invalid date: {text!r}. Use dd/mm/yyyy, e.g. 14/07/2025.",
    )
