"""Logging in on the command line: --user (or COMMUNE_DESK_USER), the password from the environment or a prompt.

Why: once a database has accounts, every command acts as a named user (records are personal data,
and the audit trail names who changed what), so a script logs in like a person does. The password
is never taken from the command line itself, where other users of the machine could read it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from cli.text import t
from storage.actor import Actor, act_as
from storage.auth import authenticate, has_accounts
from storage.db import Database
from storage.errors import UserError

ENV_USER = "COMMUNE_DESK_USER"
ENV_PASSWORD = "COMMUNE_DESK_PASSWORD"
ENV_NEW_PASSWORD = "COMMUNE_DESK_NEW_PASSWORD"


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def read_password(username: str) -> str:
    """The login password: COMMUNE_DESK_PASSWORD, else a prompt on a terminal, else a clear error."""
    value = os.environ.get(ENV_PASSWORD, "")
    if value:
        return value
    if _interactive():
        return getpass.getpass(t(f"Mật khẩu của {username}: ", f"Password for {username}: "))
    raise UserError(
        f"Thiếu mật khẩu của {username}: chạy lệnh trong cửa sổ dòng lệnh để nhập mật khẩu, "
        f"hoặc đặt biến môi trường {ENV_PASSWORD} (dùng cho tập lệnh).",
        f"No password for {username}: run the command in a terminal to type it, or set {ENV_PASSWORD} (for scripts).",
    )


def read_new_password(username: str) -> str:
    """A password being set: COMMUNE_DESK_NEW_PASSWORD, else typed twice on a terminal, else a clear error."""
    value = os.environ.get(ENV_NEW_PASSWORD, "")
    if value:
        return value
    if _interactive():
        first = getpass.getpass(t(f"Mật khẩu mới cho {username}: ", f"New password for {username}: "))
        second = getpass.getpass(t("Nhập lại mật khẩu mới: ", "Type the new password again: "))
        if first != second:
            raise UserError(
                "Hai lần nhập mật khẩu mới không khớp; chưa đổi gì.", "The two entries differ; nothing changed."
            )
        return first
    raise UserError(
        f"Thiếu mật khẩu mới cho {username}: chạy lệnh trong cửa sổ dòng lệnh để nhập, "
        f"hoặc đặt biến môi trường {ENV_NEW_PASSWORD} (dùng cho tập lệnh).",
        f"No new password for {username}: run the command in a terminal to type it, or set {ENV_NEW_PASSWORD}.",
    )


def log_in(db: Database, args: argparse.Namespace) -> Actor | None:
    """Log in when the database has accounts; every session of ``db`` then acts as that user.

    A database without accounts (new, or made before accounts existed) is used as before, by "the system".
    A failed attempt is committed (counted towards the temporary lock) before the error is shown.
    """
    explicit = (getattr(args, "user", None) or "").strip()
    with db.sessions() as s:
        accounts = has_accounts(s)
    if not accounts:
        if explicit:
            sys.stderr.write(
                t(
                    f"Cơ sở dữ liệu này chưa có tài khoản nào; bỏ qua --user {explicit}.\n",
                    f"This database has no accounts yet; --user {explicit} is ignored.\n",
                )
            )
        return None
    username = explicit or os.environ.get(ENV_USER, "").strip()
    if not username:
        raise UserError(
            f"Cơ sở dữ liệu này có tài khoản: hãy đăng nhập bằng --user TÊN đặt trước tên lệnh (ví dụ python main.py "
            f"--user canbo list dossiers) hoặc biến môi trường {ENV_USER}; mật khẩu được hỏi khi chạy lệnh "
            f"hoặc lấy từ biến {ENV_PASSWORD}.",
            f"This database has accounts: log in with --user NAME before the command (e.g. python main.py --user "
            f"canbo list dossiers) or {ENV_USER}; the password is asked for, or taken from {ENV_PASSWORD}.",
        )
    password = read_password(username)
    with db.sessions.begin() as s:  # committed either way: failures are counted
        result = authenticate(s, username, password)
    if result.actor is None:
        raise UserError(result.vi, result.en)
    if result.must_change_password and not getattr(args, "allow_must_change", False):
        raise UserError(
            f"Mật khẩu của {result.actor.username} do quản trị đặt lại: hãy đổi mật khẩu trước, bằng lệnh "
            f"python main.py --user {result.actor.username} users passwd",
            f"The password of {result.actor.username} was reset by an administrator: change it first with "
            f"python main.py --user {result.actor.username} users passwd",
        )
    act_as(db.sessions, result.actor)
    args.login_password = password  # `users passwd` changes one's own password with it
    return result.actor
