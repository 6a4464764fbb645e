"""`backup` and `restore`: a checked copy of the database to a folder or USB stick, and its checked return.

Why here too: an IT helper visiting the commune can script the copy, and a PC whose window no longer
opens can still be restored. `restore` shows what the file holds and what will be lost before it asks.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from cli.login import ENV_USER, read_password
from cli.text import fmt_date, fmt_int, t
from storage.actor import Actor, Level, require, set_actor
from storage.auth import authenticate, has_accounts
from storage.backup import backup_to
from storage.backup_info import BackupInfo
from storage.db import Database, default_db_path, head_revision, open_database
from storage.errors import DatabaseError, UserError
from storage.restore import RestorePlan, note_restore, open_checked, plan_restore, restore_from

YES = {"c", "co", "có", "y", "yes"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "backup", help=t("sao lưu cơ sở dữ liệu ra thư mục hoặc USB", "back up the database to a folder or USB stick")
    )
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        help=t(
            "thư mục (tên tệp tự đặt theo mã xã và giờ) hoặc tên tệp .sqlite",
            "a folder (file named after the commune code and time) or a .sqlite file name",
        ),
    )
    p.set_defaults(handler=run_backup)
    r = sub.add_parser(
        "restore", help=t("khôi phục cơ sở dữ liệu từ bản sao lưu", "restore the database from a backup")
    )
    r.add_argument("file", type=Path, help=t("tệp sao lưu (.sqlite)", "backup file (.sqlite)"))
    r.add_argument("--yes", action="store_true", help=t("không hỏi xác nhận", "do not ask for confirmation"))
    r.add_argument(
        "--allow-other-commune",
        action="store_true",
        help=t(
            "cho phép khôi phục bản sao lưu của xã khác (thay toàn bộ dữ liệu)",
            "allow a backup of another commune (replaces all data)",
        ),
    )
    r.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    source = args.db or default_db_path()
    info = backup_to(source, args.out)
    sys.stdout.write(
        t(
            f"Đã sao lưu {info.owner()} vào {info.path} ({fmt_int(info.size // 1024)} KB, đã kiểm tra toàn vẹn).\n",
            f"Backed up {info.owner('en')} to {info.path} ({fmt_int(info.size // 1024)} KB, integrity checked).\n",
        )
    )
    return 0


def describe(info: BackupInfo) -> list[str]:
    """What a backup holds, one fact per line (shared wording with the GUI's restore dialog)."""
    schema = info.revision or "?"
    if info.revision and info.revision != head_revision():
        schema += t(" (cũ hơn: sẽ được nâng cấp khi mở)", " (older: upgraded when opened)")
    return [
        t(f"Tệp sao lưu:   {info.path}", f"Backup file:   {info.path}"),
        t(f"Dữ liệu của:   {info.owner()}", f"Data of:       {info.owner('en')}"),
        t(f"Lập lúc:       {fmt_date(info.made_at)}", f"Made at:       {fmt_date(info.made_at)}"),
        t(
            f"Thay đổi mới nhất trong bản sao: {fmt_date(info.newest_change) or '?'}",
            f"Newest change in the backup: {fmt_date(info.newest_change) or '?'}",
        ),
        t(f"Lược đồ:       {schema}", f"Schema:        {schema}"),
    ]


def _loss_line(plan: RestorePlan) -> str:
    when = plan.info.lost_after
    if when is None:
        return t("Sẽ thay toàn bộ dữ liệu hiện tại.", "All current data will be replaced.")
    line = t(f"Sẽ mất các thay đổi sau {fmt_date(when)}", f"Changes after {fmt_date(when)} will be lost")
    if plan.changes is not None:
        line += t(
            f" ({fmt_int(plan.changes)} bản ghi đã thêm hoặc sửa sau thời điểm đó)",
            f" ({fmt_int(plan.changes)} records added or changed since then)",
        )
    return line + "."


def _confirm(yes: bool) -> None:
    if yes:
        return
    if sys.stdin is None or not sys.stdin.isatty():
        raise UserError(
            "Chưa khôi phục: cần xác nhận. Thêm --yes khi chạy không tương tác.",
            "Not restored: confirmation needed. Add --yes when running non-interactively.",
        )
    try:
        answer = input(t("Khôi phục bản sao lưu này? [c/K] ", "Restore this backup? [y/N] ")).strip().lower()
    except EOFError:
        answer = ""
    if answer not in YES:
        raise UserError("Đã hủy: không có gì bị thay đổi.", "Cancelled: nothing was changed.")


def require_admin(current: Path, args: argparse.Namespace) -> Actor | None:
    """Restoring replaces every record and every account: on a database with accounts, an administrator logs in.

    A missing, damaged or unreadable database has nobody to ask (the desktop's damaged start restores
    too), nor has one made before accounts existed. Checked here because storage.restore takes no actor yet.
    A wrong password is committed (it counts towards the lock); a right one writes nothing, so a
    cancelled or refused restore leaves the file exactly as it was.
    """
    if not current.exists() or current.stat().st_size == 0:
        return None
    try:
        db = open_checked(current, migrate=False)  # not upgraded just to be replaced
    except DatabaseError:
        return None
    try:
        try:
            with db.sessions() as s:
                accounts = has_accounts(s)
        except SQLAlchemyError:
            accounts = False  # a schema from before accounts existed
        return _check_admin(db, args) if accounts else None
    finally:
        db.close()


def _check_admin(db: Database, args: argparse.Namespace) -> Actor:
    username = (getattr(args, "user", None) or "").strip() or os.environ.get(ENV_USER, "").strip()
    if not username:
        raise UserError(
            "Khôi phục thay toàn bộ dữ liệu nên cần quản trị đăng nhập: thêm --user TÊN trước tên lệnh "
            f"(ví dụ python main.py --user quantri restore TỆP) hoặc đặt biến {ENV_USER}.",
            "Restoring replaces all data, so an administrator must log in: add --user NAME before the command "
            f"(e.g. python main.py --user quantri restore FILE) or set {ENV_USER}.",
        )
    password = read_password(username)
    with db.sessions() as s:
        result = authenticate(s, username, password)
        if result.actor is None:
            s.commit()  # failures count towards the temporary lock
            raise UserError(result.vi, result.en)
        set_actor(s, result.actor)
        require(s, Level.ADMIN, "khôi phục dữ liệu từ bản sao lưu", "restore the database from a backup")
        s.rollback()
    return result.actor


def run_restore(args: argparse.Namespace) -> int:
    current = Path(args.db or default_db_path())
    actor = require_admin(current, args)
    plan = plan_restore(current, args.file)
    sys.stdout.write("\n".join([*describe(plan.info), _loss_line(plan)]) + "\n")
    if plan.other_owner is not None and not args.allow_other_commune:
        raise UserError(
            plan.other_owner.vi + " Nếu chắc chắn, thêm --allow-other-commune.",
            plan.other_owner.en + " If you are sure, add --allow-other-commune.",
        )
    _confirm(args.yes)
    result = restore_from(current, args.file, allow_other_commune=args.allow_other_commune)
    restored = open_checked(current)  # an older backup is upgraded here, after its own copy
    try:
        note_restore(restored, result, actor)
    finally:
        restored.close()
    if result.safety_copy is not None:
        sys.stdout.write(
            t(
                f"Đã giữ cơ sở dữ liệu cũ tại: {result.safety_copy}\n",
                f"The previous database was kept at: {result.safety_copy}\n",
            )
        )
    db = open_database(current)  # an older backup is upgraded now, after its own pre-upgrade copy
    db.close()
    if db.backup_made is not None:
        sys.stdout.write(t("Đã nâng cấp lược đồ của dữ liệu khôi phục.\n", "The restored schema was upgraded.\n"))
    sys.stdout.write(t(f"Đã khôi phục {current}.\n", f"Restored {current}.\n"))
    return 0
