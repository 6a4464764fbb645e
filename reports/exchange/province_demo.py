"""Province demo: the three communes of the seed documents report to Nghệ An, file by file.

Each demo commune gets its own temporary database (as on its own PC, with its own key), exports
its monthly report files, and the province imports them: the demo runs the real loop.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from reports.exchange.province_import import import_files
from reports.exchange.report_file import export_report_file
from storage.auth import seed_demo_accounts
from storage.db import Database, open_database
from storage.demo import COMMUNES, load_demo
from storage.errors import UserError
from storage.mode import set_province_mode
from storage.periods import PeriodKind, period_for
from storage.profile import commune_by_code
from storage.province.profile import ProvinceProfile, load_province_profile, save_province_profile
from storage.province.registry import CommuneEntry, list_communes, save_commune
from storage.vocab import AreaType

DEMO_PROVINCE = "40"  # Nghệ An
Step = Callable[[str], None]


@dataclass(frozen=True)
class ProvinceDemoResult:
    communes: int
    files: int
    imported: int
    periods: list[str]


def demo_months(until: date) -> list[str]:
    """Official months from July 2025 whose report deadline has passed by ``until``."""
    specs = []
    year, month = 2025, 7
    while True:
        p = period_for(PeriodKind.MONTH, year, month)
        if p.end >= until:
            break
        specs.append(p.spec)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return specs


def load_province_demo(db: Database, *, until: date | None = None, step: Step | None = None) -> ProvinceDemoResult:
    """Fill an empty province database: profile, the three communes, their monthly report files."""
    until = until or date(2025, 10, 31)
    say = step or (lambda _text: None)
    with db.sessions.begin() as s:
        if load_province_profile(s) is not None or list_communes(s):
            raise UserError(
                "Cơ sở dữ liệu của tỉnh đã có dữ liệu; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống.",
                "The province database already holds data; demo data only goes into an empty one.",
            )
        set_province_mode(s)
    months = demo_months(until)
    files = 0
    with tempfile.TemporaryDirectory(prefix="cdesk-demo-") as tmp:
        outbox = Path(tmp) / "usb"
        # The communes' files first: if anything fails here, the province database stays empty.
        for c in COMMUNES.values():
            say(f"Xã mẫu {c.key}: nạp dữ liệu và lập báo cáo gửi tỉnh…")
            commune_db = open_database(Path(tmp) / f"{c.key}.sqlite")
            try:
                with commune_db.sessions.begin() as cs:
                    load_demo(cs, c.key, until=until)
                for spec in months:
                    period = period_for(PeriodKind.MONTH, int(spec[:4]), int(spec[5:7]))
                    made = datetime.combine(period.end, time(16, 30))  # sent the afternoon the period closes
                    with commune_db.sessions.begin() as cs:
                        export_report_file(cs, period, outbox, now=made)
                    files += 1
            finally:
                commune_db.close()
        with db.sessions.begin() as s:
            seed_demo_accounts(s)  # the README's demo accounts, as in a commune demo
            save_province_profile(
                s, ProvinceProfile(code=DEMO_PROVINCE, agency="SỞ NỘI VỤ", signer_title="GIÁM ĐỐC", signer_name="")
            )
            for c in COMMUNES.values():
                official = commune_by_code(c.code)
                name = official.name if official else c.key
                save_commune(s, CommuneEntry(code=c.code, name=name, area_type=AreaType.MOUNTAINOUS))
        say("Tỉnh nhập các tệp báo cáo…")
        results = import_files(db.sessions, [outbox])
        imported = sum(1 for r in results if r.verdict.will_import)
    return ProvinceDemoResult(len(COMMUNES), files, imported, months)
