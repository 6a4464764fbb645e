"""`check`: is the database file sound, and do the stored records obey the rules?"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from sqlalchemy import func, select

from cli.session import open_db
from cli.text import t
from storage.aggregates.dossier_form import dossier_form
from storage.audit import verify_chain
from storage.db import current_revision, head_revision, integrity_problems
from storage.models import Dossier
from storage.periods import PeriodKind, period_for
from storage.restore import DatabaseDamaged
from storage.settings import load_rules


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help=t("kiểm tra tính toàn vẹn của cơ sở dữ liệu", "check the database's integrity"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        db = open_db(args)
    except DatabaseDamaged as exc:  # the file is left untouched: report, with the way back
        sys.stdout.write(t("KHÔNG ĐẠT – cơ sở dữ liệu bị hỏng:\n", "FAILED – the database is damaged:\n"))
        for p in exc.problems[:50]:
            sys.stdout.write(f"  - {p}\n")
        sys.stdout.write(exc.message(args.lang) + "\n")
        return 3
    problems: list[str] = []
    try:
        problems += integrity_problems(db.engine)
        if current_revision(db.engine) != head_revision():
            problems.append(t("Phiên bản lược đồ không khớp.", "Schema revision mismatch."))
        with db.sessions.begin() as s:
            chain = verify_chain(s)
            if not chain.ok:
                problems.append(
                    t(
                        f"Nhật ký bị sửa: mục #{chain.first_broken} không khớp (sửa, chèn hoặc xóa ngoài chương trình)",
                        f"The audit trail was altered: entry #{chain.first_broken} does not match",
                    )
                )
            rules = load_rules(s)
            problems += _record_problems(s)
            first = s.scalar(select(func.min(Dossier.received_at)))
            if first is not None:
                for year in range(first.year, date.today().year + 1):
                    for month in range(1, 13):
                        period = period_for(
                            PeriodKind.MONTH, year, month, official=rules.official_periods, cutoff_day=rules.cutoff_day
                        )
                        if period.start > date.today():
                            break
                        form = dossier_form(s, period, rules)
                        for row in [*form.rows, form.total]:
                            for identity in row.identity_problems():
                                problems.append(f"{period.spec} {row.field_name}: {identity}")
    finally:
        db.close()
    if problems:
        sys.stdout.write(
            t("KHÔNG ĐẠT – phát hiện {n} vấn đề:\n", "FAILED – {n} problems found:\n").format(n=len(problems))
        )
        for p in problems[:200]:
            sys.stdout.write(f"  - {p}\n")
        return 3
    sys.stdout.write(
        t(
            f"ĐẠT – cơ sở dữ liệu {db.path} toàn vẹn, số liệu khớp.\n"
            f"Nhật ký thay đổi nguyên vẹn ({chain.entries} mục).\n",
            f"OK – database {db.path} is sound and its figures are consistent.\n"
            f"The audit trail is intact ({chain.entries} entries).\n",
        )
    )
    return 0


def _record_problems(s) -> list[str]:  # type: ignore[no-untyped-def]
    """Rules the database cannot enforce by itself, re-checked on the stored rows."""
    out: list[str] = []
    bad = s.scalars(
        select(Dossier.code).where(
            Dossier.finished_date.is_not(None), Dossier.finished_date < func.date(Dossier.received_at)
        )
    ).all()
    out += [
        t(f"Hồ sơ {c}: ngày giải quyết trước ngày tiếp nhận", f"Dossier {c}: resolved before received") for c in bad
    ]
    return out
