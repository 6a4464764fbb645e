"""`init`: create (or update) the commune profile, and seed the catalog and units."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict, fields, replace
from datetime import date

from cli.commands.users import recovery_lines
from cli.login import read_new_password
from cli.session import open_db
from cli.text import t
from storage.auth import create_user, has_accounts, new_recovery_code
from storage.calendar_store import ensure_years
from storage.catalog import seed_catalog
from storage.db import Database
from storage.errors import UserError
from storage.mode import DatabaseMode, require_mode
from storage.profile import ProfileData, load_profile, match_communes, save_profile
from storage.units import seed_default_units
from storage.vocab import UserRole


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help=t("khai báo thông tin xã", "create the commune profile"))
    p.add_argument(
        "--commune",
        help=t(
            'mã hoặc tên xã, ví dụ 16906 hoặc "Lượng Minh, Nghệ An"',
            'commune code or name, e.g. 16906 or "Lượng Minh, Nghệ An"',
        ),
    )
    p.add_argument("--signer", default=None, help=t("họ tên người ký báo cáo", "name of the report signer"))
    p.add_argument(
        "--signer-title",
        default=None,
        help=t("chức danh người ký (mặc định CHỦ TỊCH)", "signer's title (default CHỦ TỊCH)"),
    )
    p.add_argument("--chairman", default=None, help=t("họ tên Chủ tịch UBND", "chairman's name"))
    p.add_argument("--address", default=None, help=t("địa chỉ trụ sở", "office address"))
    p.add_argument("--households", type=int, default=None, help=t("số hộ", "households"))
    p.add_argument("--poor", type=int, default=None, help=t("số hộ nghèo", "poor households"))
    p.add_argument("--near-poor", type=int, default=None, help=t("số hộ cận nghèo", "near-poor households"))
    p.add_argument("--population", type=int, default=None, help=t("dân số", "population"))
    p.add_argument("--mountainous", action="store_true", help=t("xã miền núi", "mountainous commune"))
    p.add_argument("--remote", action="store_true", help=t("vùng sâu, vùng xa", "remote area"))
    p.add_argument(
        "--admin-user",
        metavar=t("TÊN", "NAME"),
        help=t(
            "tạo tài khoản quản trị đầu tiên (mật khẩu được hỏi, hoặc lấy từ biến COMMUNE_DESK_NEW_PASSWORD)",
            "create the first administrator account (password asked for, or from COMMUNE_DESK_NEW_PASSWORD)",
        ),
    )
    p.set_defaults(handler=run)


def _ask(prompt: str) -> str:
    try:
        return input(prompt).strip()
    except EOFError:
        return ""


def _choose_commune(text: str | None) -> str:
    interactive = sys.stdin is not None and sys.stdin.isatty()
    while True:
        if not text:
            if not interactive:
                raise UserError(
                    "Thiếu --commune (mã hoặc tên xã, ví dụ --commune 16906).",
                    "Missing --commune (code or name, e.g. --commune 16906).",
                )
            text = _ask(t("Mã hoặc tên xã (ví dụ: Lượng Minh, Nghệ An): ", "Commune code or name: "))
            if not text:
                continue
        hits = match_communes(text)
        if len(hits) == 1:
            return hits[0].code
        if not hits:
            msg_vi = f"Không tìm thấy xã “{text}” trong danh mục đơn vị hành chính."
            msg_en = f"No commune “{text}” in the official list."
        else:
            listing = "; ".join(f"{c.code} {c.name} ({c.province_name})" for c in hits[:10])
            msg_vi = f"Có nhiều xã tên “{text}”: {listing}. Hãy nhập mã xã."
            msg_en = f"Several communes are called “{text}”: {listing}. Enter the code."
        if not interactive:
            raise UserError(msg_vi, msg_en)
        sys.stdout.write(t(msg_vi, msg_en) + "\n")
        text = None


def _admin_password(db: Database, name: str | None) -> str | None:
    """The first administrator's password, asked before anything is written; None without --admin-user."""
    if not name:
        return None
    with db.sessions() as s:
        if has_accounts(s):
            raise UserError(
                "Cơ sở dữ liệu đã có tài khoản; thêm tài khoản bằng lệnh users add (quản trị).",
                "The database already has accounts; add more with `users add` (administrator).",
            )
    return read_new_password(name)


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    recovery = ""
    try:
        admin_password = _admin_password(db, args.admin_user)
        with db.sessions.begin() as s:
            require_mode(s, DatabaseMode.COMMUNE)
            current = load_profile(s)
            code = _choose_commune(args.commune or (current.code if current else None))

            base = ProfileData(code=code)
            if current is not None:  # keep what was entered before; options change only what they name
                known = {f.name for f in fields(ProfileData)}
                base = replace(ProfileData(**{k: v for k, v in asdict(current).items() if k in known}), code=code)
            given = {
                "address": args.address,
                "chairman": args.chairman,
                "signer_name": args.signer,
                "signer_title": args.signer_title,
                "population": args.population,
                "households": args.households,
                "poor_households": args.poor,
                "near_poor_households": args.near_poor,
                "mountainous": args.mountainous or None,
                "remote": args.remote or None,
            }
            data = replace(base, **{k: v for k, v in given.items() if v is not None})
            row = save_profile(s, data)
            seed_catalog(s)
            seed_default_units(s, ward=row.name.startswith("Phường"))
            ensure_years(s, [date.today().year - 1, date.today().year, date.today().year + 1])
            if admin_password is not None:
                create_user(s, args.admin_user, "", UserRole.ADMIN, admin_password)
                recovery = new_recovery_code(s)
            accounts = has_accounts(s)
    finally:
        db.close()
    sys.stdout.write(
        t(
            f"Đã lưu thông tin {row.name} ({row.province_name}), mã {row.code}. Cơ sở dữ liệu: {db.path}\n",
            f"Saved the profile of {row.name} ({row.province_name}), code {row.code}. Database: {db.path}\n",
        )
    )
    if recovery:
        name = args.admin_user.strip().lower()
        sys.stdout.write(
            t(
                f"Đã tạo tài khoản quản trị {name}; từ nay mỗi lệnh cần --user (hoặc biến COMMUNE_DESK_USER).\n",
                f"Created the administrator {name}; from now on every command needs --user (or COMMUNE_DESK_USER).\n",
            )
        )
        sys.stdout.write(recovery_lines(recovery))
    elif not accounts:
        sys.stderr.write(
            t(
                "Lưu ý: cơ sở dữ liệu chưa có tài khoản nào, ai mở máy cũng xem và sửa được hồ sơ. "
                "Tạo tài khoản quản trị: python main.py init --admin-user TÊN\n",
                "Note: the database has no accounts yet, so anyone at this PC can read and change the records. "
                "Create the administrator: python main.py init --admin-user NAME\n",
            )
        )
    return 0
