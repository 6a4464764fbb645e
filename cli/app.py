"""The headless command line: argument parsing, dispatch, and turning errors into one-line messages."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from cli.text import set_lang, t
from storage.errors import UserError
from storage.version import APP_VERSION as __version__

EXIT_OK, EXIT_USER_ERROR, EXIT_BUG, EXIT_USAGE = 0, 2, 1, 64

log = logging.getLogger("commune_desk")


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line Vietnamese (or English) usage error instead of English prose."""

    def error(self, message: str) -> None:  # type: ignore[override]
        hint = t("Xem hướng dẫn: python main.py --help", "See: python main.py --help")
        sys.stderr.write(t(f"Lỗi cú pháp lệnh: {message}. {hint}\n", f"Usage error: {message}. {hint}\n"))
        raise SystemExit(EXIT_USAGE)


def version_text() -> str:
    """«Commune Desk 0.1.0 (cơ sở dữ liệu 0006)»: the program and the schema revision it migrates files to.

    Why the schema: support can tell from one line whether a database file from another office will open
    (newer revision: refused) or be upgraded. Read from the shipped migrations, no database is opened.
    """
    from storage.db import head_revision

    schema = head_revision()
    return t(
        f"Commune Desk {__version__} (cơ sở dữ liệu {schema})", f"Commune Desk {__version__} (database schema {schema})"
    )


class _VersionAction(argparse.Action):
    """--version, computed only when asked: building the parser (every GUI start) stays free of Alembic."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        sys.stdout.write(version_text() + "\n")
        parser.exit()


def _pre_scan_lang(argv: list[str]) -> str:
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith("--lang="):
            return a.split("=", 1)[1]
    return "vi"


COMMANDS = (
    "init",
    "demo",
    "import",
    "list",
    "summary",
    "export",
    "check",
    "users",
    "finalize",
    "reopen",
    "periods",
    "audit",
    "restore-deleted",
    "backup",
    "restore",
    "import-response",
    "key-registration",
    "province-init",
    "province-import",
    "province-trust",
    "province-report",
    "province-missing",
    "province-proposals",
    "province-answer",
    "province-responses",
)


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """All commands and options, with help in the chosen language.

    Without commands (starting the GUI) no command module is imported: they pull in Alembic,
    the importers and the demo data, which would only slow the window's first appearance.
    """
    p = _Parser(
        prog="python main.py",
        description=t(
            "Commune Desk – phần mềm quản lý, báo cáo của xã (chạy không cần Internet). Không có lệnh: mở giao diện.",
            "Commune Desk – offline records and reports for commune offices. No command: open the GUI.",
        ),
    )
    p.add_argument(
        "--db",
        type=Path,
        help=t(
            "tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu của người dùng)",
            "database file (default: the user's data folder)",
        ),
    )
    p.add_argument(
        "--lang",
        choices=["vi", "en"],
        default=None,
        help=t("ngôn ngữ (mặc định: tiếng Việt)", "language (default: Vietnamese)"),
    )
    p.add_argument(
        "--province",
        action="store_true",
        help=t(
            "chế độ tỉnh: nhận và tổng hợp báo cáo của các xã (cơ sở dữ liệu riêng của tỉnh)",
            "province mode: collect and consolidate the communes' reports (a province database)",
        ),
    )
    p.add_argument(
        "--user",
        metavar=t("TÊN", "NAME"),
        help=t(
            "đăng nhập bằng tài khoản này (mặc định: biến COMMUNE_DESK_USER); mật khẩu được hỏi, "
            "hoặc lấy từ biến COMMUNE_DESK_PASSWORD",
            "log in as this account (default: COMMUNE_DESK_USER); the password is asked for, or taken from "
            "COMMUNE_DESK_PASSWORD",
        ),
    )
    p.add_argument(
        "--version",
        action=_VersionAction,
        help=t(
            "in phiên bản chương trình và phiên bản cơ sở dữ liệu mà nó dùng, rồi thoát",
            "print the program's version and the database schema version it uses, then exit",
        ),
    )
    if not with_commands:
        p.set_defaults(command=None)
        return p
    from cli.commands import (
        audit,
        backup,
        check,
        demo,
        exchange,
        export,
        imports,
        init,
        listing,
        periods,
        province_answers,
        province_files,
        province_reports,
        province_setup,
        summary,
        users,
    )

    sub = p.add_subparsers(dest="command", metavar=t("LỆNH", "COMMAND"), parser_class=_Parser)
    modules = (init, demo, imports, listing, summary, export, check, backup, exchange)
    modules = (*modules, users, periods, audit)
    for module in (*modules, province_setup, province_files, province_reports, province_answers):
        module.register(sub)
    return p


def _setup_logging(db_path: Path | None) -> Path:
    from storage.db import default_db_path

    folder = (db_path.parent if db_path else default_db_path().parent) / "logs"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "commune-desk.log"
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        path = Path("commune-desk.log")
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def run(argv: list[str]) -> int:
    """Run one command; return the process exit code."""
    set_lang(_pre_scan_lang(argv))
    wants_command = any(a in COMMANDS or a in ("-h", "--help") for a in argv)
    parser = build_parser(with_commands=wants_command)
    args = parser.parse_args(argv)
    if args.command is None:
        return _start_gui(args)  # the GUI keeps the language chosen in its settings unless --lang is given
    args.lang = args.lang or "vi"
    set_lang(args.lang)
    handler: Callable[[argparse.Namespace], int] = args.handler
    log_path = _setup_logging(args.db)
    try:
        return handler(args)
    except UserError as exc:
        sys.stderr.write(exc.message(args.lang).replace("\n", "\n  ") + "\n")
        return EXIT_USER_ERROR
    except BrokenPipeError:  # e.g. `list … | head`: the reader left; not an error of ours
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        sys.stderr.write(t("Đã dừng theo yêu cầu.\n", "Interrupted.\n"))
        return 130
    except Exception as exc:  # a bug: log the traceback, show one line
        log.exception("unexpected error in command %s", args.command)
        sys.stderr.write(
            t(
                f"Lỗi không mong đợi ({type(exc).__name__}). Chi tiết đã ghi vào {log_path}.\n",
                f"Unexpected error ({type(exc).__name__}). Details were written to {log_path}.\n",
            )
        )
        return EXIT_BUG


def _start_gui(args: argparse.Namespace) -> int:
    _start_quick_check(args.db)
    from gui.app import run_gui

    return run_gui(db_path=args.db, lang=args.lang, province=args.province)


def _start_quick_check(db: Path | None) -> None:
    """Start the damage check of the database before the GUI's imports, so the two overlap (storage/quick_check.py).

    Without --db the file is the default one unless the settings name another; then the check simply runs later.
    """
    from storage.paths import default_db_path
    from storage.quick_check import start_early

    start_early(db or default_db_path())
