"""`demo [--commune NAME]`: fill an empty database with a seed commune's demo records."""

from __future__ import annotations

import argparse
import sys

from cli.session import open_db, parse_day
from cli.text import fmt_int, t
from storage.demo import load_demo


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help=t(
            "nạp dữ liệu mẫu (Lượng Minh, Con Cuông, Chiêu Lưu – Nghệ An); với --province: dữ liệu mẫu của tỉnh",
            "load demo data (Lượng Minh, Con Cuông, Chiêu Lưu – Nghệ An); with --province: the province demo",
        ),
    )
    p.add_argument(
        "--commune", default="Lượng Minh", help=t("xã mẫu (mặc định: Lượng Minh)", "demo commune (default: Lượng Minh)")
    )
    p.add_argument(
        "--until",
        metavar=t("NGÀY", "DATE"),
        help=t("dữ liệu đến ngày (mặc định: hôm qua)", "records up to this date (default: yesterday)"),
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.province:
        return _run_province(args)
    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            r = load_demo(s, args.commune, until=parse_day(args.until) if args.until else None)
    finally:
        db.close()
    sys.stdout.write(
        t(
            f"Đã nạp dữ liệu mẫu {r.commune_name} đến ngày {r.until:%d/%m/%Y}: {fmt_int(r.staff)} nhân sự, "
            f"{fmt_int(r.dossiers)} hồ sơ, {r.equipment_lines} dòng thiết bị, {r.proposals} kiến nghị.\n"
            f"Cơ sở dữ liệu: {db.path}\n",
            f"Loaded demo data for {r.commune_name} up to {r.until:%d/%m/%Y}: {r.staff} staff, {r.dossiers} "
            f"dossiers, {r.equipment_lines} equipment lines, {r.proposals} proposals.\nDatabase: {db.path}\n",
        )
    )
    return 0


def _run_province(args: argparse.Namespace) -> int:
    """The province demo: Nghệ An, the three seed communes and their monthly report files, imported."""
    from reports.exchange.province_demo import load_province_demo

    db = open_db(args)
    try:
        r = load_province_demo(db, until=parse_day(args.until) if args.until else None)
    finally:
        db.close()
    sys.stdout.write(
        t(
            f"Đã nạp dữ liệu mẫu của tỉnh Nghệ An: {r.communes} xã, {r.files} tệp báo cáo các kỳ "
            f"{', '.join(r.periods)}, đã nhập {r.imported} tệp.\nCơ sở dữ liệu: {db.path}\n",
            f"Loaded the province demo (Nghệ An): {r.communes} communes, {r.files} report files for "
            f"{', '.join(r.periods)}, {r.imported} imported.\nDatabase: {db.path}\n",
        )
    )
    return 0
