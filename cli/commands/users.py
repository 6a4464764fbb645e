"""`users list|add|passwd|recover|disable|enable`: accounts from the command line.

Why here too: an office without a working GUI (or a script setting up many machines) must still be able
to add staff, reset a password, and recover the administrator with the printed recovery code.
New passwords come from COMMUNE_DESK_NEW_PASSWORD or are typed twice; never from the command line.
"""

from __future__ import annotations

import argparse
import json
import sys

from cli.login import read_new_password
from cli.session import open_db
from cli.text import fmt_date, lang, t, table
from storage.actor import Level, current_actor, require
from storage.auth import (
    UserRow,
    create_user,
    has_accounts,
    list_users,
    new_recovery_code,
    recover_admin,
    set_password,
    update_user,
)
from storage.errors import NotFoundError, UserError
from storage.vocab import UserRole

ROLES = {"clerk": UserRole.CLERK, "officer": UserRole.OFFICER, "admin": UserRole.ADMIN}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("users", help=t("tài khoản người dùng", "user accounts"))
    us = p.add_subparsers(dest="users_command", metavar=t("VIỆC", "ACTION"), required=True)
    q = us.add_parser("list", help=t("liệt kê tài khoản", "list accounts"))
    q.add_argument("--json", action="store_true", help=t("xuất JSON", "print JSON"))
    q.set_defaults(handler=run_list)
    q = us.add_parser("add", help=t("thêm tài khoản (quản trị)", "add an account (administrator)"))
    q.add_argument("name", metavar=t("TÊN", "NAME"), help=t("tên đăng nhập, ví dụ lan.nt", "username, e.g. lan.nt"))
    q.add_argument("--role", required=True, choices=list(ROLES), help="clerk | officer | admin")
    q.add_argument("--full-name", default="", help=t("họ tên", "full name"))
    q.set_defaults(handler=run_add)
    q = us.add_parser(
        "passwd",
        help=t(
            "đổi mật khẩu của mình, hoặc (quản trị) đặt lại mật khẩu người khác",
            "change your password, or (administrator) reset someone else's",
        ),
    )
    q.add_argument("name", nargs="?", metavar=t("TÊN", "NAME"), help=t("tài khoản khác", "another account"))
    q.set_defaults(handler=run_passwd, allow_must_change=True)
    q = us.add_parser(
        "recover",
        help=t(
            "quản trị quên mật khẩu: đặt mật khẩu mới bằng mã khôi phục đã in",
            "forgotten administrator password: set a new one with the printed recovery code",
        ),
    )
    q.add_argument("name", metavar=t("TÊN", "NAME"), help=t("tài khoản quản trị", "administrator account"))
    q.add_argument("--code", required=True, metavar=t("MÃ", "CODE"), help=t("mã khôi phục", "recovery code"))
    q.set_defaults(handler=run_recover)
    for action, vi, en in (
        ("disable", "ngừng sử dụng một tài khoản (quản trị)", "disable an account (administrator)"),
        ("enable", "dùng lại một tài khoản (quản trị)", "enable an account again (administrator)"),
    ):
        q = us.add_parser(action, help=t(vi, en))
        q.add_argument("name", metavar=t("TÊN", "NAME"))
        q.set_defaults(handler=run_active, active=action == "enable")


def recovery_lines(code: str) -> str:
    """The recovery code, shown once, with what to do with it."""
    return t(
        f"Mã khôi phục của quản trị (chỉ hiện một lần): {code}\n"
        "Hãy in hoặc chép mã này ra giấy và cất ở nơi an toàn: khi quên mật khẩu quản trị, mã này giúp đặt lại "
        "(python main.py users recover TÊN --code MÃ).\n",
        f"Administrator recovery code (shown only once): {code}\n"
        "Print it or write it down and keep it safe: it resets a forgotten administrator password "
        "(python main.py users recover NAME --code CODE).\n",
    )


def _find(rows: list[UserRow], name: str) -> UserRow:
    key = name.strip().lower()
    for r in rows:
        if r.username == key:
            return r
    raise NotFoundError(f"Không có tài khoản «{name}».", f"No account «{name}».")


def run_list(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.sessions() as s:
            rows = list_users(s)
    finally:
        db.close()
    if args.json:
        records = [
            {
                "username": r.username,
                "full_name": r.full_name,
                "role": str(r.role),
                "active": r.active,
                "last_login_at": r.last_login_at.isoformat(timespec="minutes") if r.last_login_at else None,
                "locked_until": r.locked_until.isoformat(timespec="minutes") if r.locked_until else None,
                "must_change_password": r.must_change_password,
            }
            for r in rows
        ]
        json.dump({"count": len(records), "users": records}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    yes, no = t("Có", "Yes"), t("Không", "No")
    headers = [
        t("Tên đăng nhập", "Username"),
        t("Họ tên", "Full name"),
        t("Vai trò", "Role"),
        t("Đang dùng", "Active"),
        t("Đăng nhập lần cuối", "Last login"),
        t("Khóa tạm đến", "Locked until"),
        t("Phải đổi mật khẩu", "Must change password"),
    ]
    cells = [
        [
            r.username,
            r.full_name,
            r.role.label(lang()),
            yes if r.active else no,
            fmt_date(r.last_login_at),
            fmt_date(r.locked_until),
            yes if r.must_change_password else "",
        ]
        for r in rows
    ]
    sys.stdout.write(table(headers, cells) + "\n" + t(f"{len(rows)} tài khoản.\n", f"{len(rows)} accounts.\n"))
    return 0


def run_add(args: argparse.Namespace) -> int:
    role = ROLES[args.role]
    db = open_db(args)
    code = ""
    try:
        with db.sessions() as s:
            first = not has_accounts(s)
            if not first:  # refuse before asking for a password
                require(s, Level.ADMIN, "tạo tài khoản", "create accounts")
        if first and role != UserRole.ADMIN:
            raise UserError(
                "Cơ sở dữ liệu chưa có tài khoản nào: tài khoản đầu tiên phải là quản trị (--role admin).",
                "The database has no accounts yet: the first one must be an administrator (--role admin).",
            )
        password = read_new_password(args.name)
        with db.sessions.begin() as s:
            # The administrator chose this password: its owner changes it at the first login.
            create_user(s, args.name, args.full_name, role, password, must_change=not first)
            if first:
                code = new_recovery_code(s)
    finally:
        db.close()
    name = args.name.strip().lower()
    sys.stdout.write(
        t(f"Đã thêm tài khoản {name} ({role.label()}).\n", f"Added account {name} ({role.label('en')}).\n")
    )
    if code:
        sys.stdout.write(recovery_lines(code))
    else:
        sys.stdout.write(
            t(
                "Người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên.\n",
                "The user must change the password at the first login.\n",
            )
        )
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.sessions() as s:
            me = current_actor(s)
            rows = list_users(s)
        if me is None:
            raise UserError(
                "Cơ sở dữ liệu này chưa có tài khoản nào (tạo quản trị: init --admin-user TÊN).",
                "This database has no accounts yet (create the administrator: init --admin-user NAME).",
            )
        target = _find(rows, args.name) if args.name else _find(rows, me.username)
        own = target.username == me.username
        if not own:
            with db.sessions() as s:
                require(s, Level.ADMIN, "đặt lại mật khẩu người khác", "reset other people's passwords")
        password = read_new_password(target.username)
        with db.sessions.begin() as s:
            set_password(s, target.id, password, old_password=args.login_password if own else None)
    finally:
        db.close()
    if own:
        sys.stdout.write(t("Đã đổi mật khẩu.\n", "Password changed.\n"))
    else:
        sys.stdout.write(
            t(
                f"Đã đặt lại mật khẩu của {target.username}; người đó phải đổi mật khẩu ở lần đăng nhập tới.\n",
                f"Reset the password of {target.username}; they must change it at the next login.\n",
            )
        )
    return 0


def run_recover(args: argparse.Namespace) -> int:
    db = open_db(args, login=False)  # the administrator forgot the password: the printed code stands in
    try:
        password = read_new_password(args.name)
        with db.sessions.begin() as s:
            code = recover_admin(s, args.name, args.code, password)
    finally:
        db.close()
    sys.stdout.write(
        t(
            f"Đã đặt mật khẩu mới cho {args.name.strip().lower()}. Mã khôi phục cũ không còn dùng được.\n",
            f"New password set for {args.name.strip().lower()}. The old recovery code no longer works.\n",
        )
    )
    sys.stdout.write(recovery_lines(code))
    return 0


def run_active(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            u = _find(list_users(s), args.name)
            update_user(s, u.id, full_name=u.full_name, role=u.role, active=args.active)
    finally:
        db.close()
    sys.stdout.write(
        t(
            f"Tài khoản {u.username}: {'đang dùng' if args.active else 'đã ngừng sử dụng'}.\n",
            f"Account {u.username}: {'enabled' if args.active else 'disabled'}.\n",
        )
    )
    return 0
