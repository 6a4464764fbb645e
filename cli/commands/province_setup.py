"""`province-init`: declare the province of a province database and fill its commune registry."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from cli.session import open_db
from cli.text import t
from storage.errors import UserError
from storage.mode import set_province_mode
from storage.profile import province_choices
from storage.province.profile import ProvinceProfile, load_province_profile, save_province_profile
from storage.province.registry import seed_from_official_list
from storage.textsearch import fold


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "province-init",
        help=t("khai báo tỉnh cho cơ sở dữ liệu của tỉnh", "declare the province of a province database"),
    )
    p.add_argument(
        "--province-name",
        dest="province_ref",
        required=True,
        metavar=t("TỈNH", "PROVINCE"),
        help=t('mã hoặc tên tỉnh, ví dụ 40 hoặc "Nghệ An"', 'province code or name, e.g. 40 or "Nghệ An"'),
    )
    p.add_argument("--agency", help=t("cơ quan lập báo cáo (mặc định SỞ NỘI VỤ)", "issuing body"))
    p.add_argument("--signer", help=t("họ tên người ký", "signer's name"))
    p.add_argument("--signer-title", help=t("chức danh người ký (mặc định GIÁM ĐỐC)", "signer's title"))
    p.add_argument(
        "--all-communes",
        action="store_true",
        help=t(
            "thêm mọi xã, phường của tỉnh theo danh mục chính thức", "add every commune of the province (official list)"
        ),
    )
    p.set_defaults(handler=run)


def find_province(text: str) -> str:
    """The province code for a code or a name typed with or without diacritics."""
    wanted = fold(text).removeprefix("tinh ").strip()
    hits = [p for p in province_choices() if wanted in (p.code, fold(p.name), fold(p.name).removeprefix("thanh pho "))]
    if len(hits) != 1:
        raise UserError(
            f"Không tìm thấy tỉnh “{text}” trong danh mục (nhập mã, ví dụ 40, hoặc tên, ví dụ Nghệ An).",
            f"No province “{text}” in the official list (enter a code such as 40 or a name such as Nghệ An).",
        )
    return hits[0].code


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            set_province_mode(s)
            code = find_province(args.province_ref)
            current = load_province_profile(s) or ProvinceProfile()
            given = {"agency": args.agency, "signer_name": args.signer, "signer_title": args.signer_title}
            profile = replace(current, code=code, **{k: v for k, v in given.items() if v is not None})
            if current.code and current.code != code:
                profile = replace(profile, parent_agency="")
            save_province_profile(s, profile)
            added = seed_from_official_list(s, code) if args.all_communes else 0
            saved = load_province_profile(s)
    finally:
        db.close()
    assert saved is not None
    sys.stdout.write(
        t(
            f"Đã lưu thông tin {saved.name} ({saved.agency}); thêm {added} xã, phường. Cơ sở dữ liệu: {db.path}\n",
            f"Saved {saved.name} ({saved.agency}); added {added} communes. Database: {db.path}\n",
        )
    )
    return 0
