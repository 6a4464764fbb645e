"""Storage benchmark: a synthetic commune with 100,000 dossiers, 200 staff, equipment and proposals.

    .venv/bin/python bench/bench_storage.py [--rows 100000] [--repeat 5]

Times the bulk CSV import and every period aggregate (median of --repeat runs) and prints a
table for docs/performance.md. Goals (issue 2): import 100,000 dossiers < 10 s; any period
summary on 100,000 dossiers < 200 ms on a 2-core machine. Files go to bench/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.gen_dossiers_csv import write
from storage.aggregates import dossier_form, period_summary
from storage.aggregates.equipment_proposals import equipment_summary, proposal_summary
from storage.aggregates.staffing import staffing_summary
from storage.auth import seed_demo_accounts
from storage.catalog import seed_catalog
from storage.db import open_database
from storage.demo.names import person
from storage.dossier_queries import DossierFilter, count_dossiers, list_dossiers
from storage.equipment import EquipmentData, save_equipment
from storage.importing import run_import
from storage.periods import parse_period
from storage.profile import ProfileData, save_profile
from storage.proposals import ProposalData, save_proposal
from storage.settings import load_rules
from storage.staff import StaffData, save_staff
from storage.units import list_units, seed_default_units
from storage.vocab import EquipmentKind, Gender, ProposalCategory, ProposalStatus, StaffCategory

OUT = Path(__file__).resolve().parent / "out"
SPECS = ("2025-07", "2025-Q3", "2025-H1", "2025-9M", "2025")


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def build(path: Path, rows: int, csv_path: Path | None = None) -> tuple[float, int]:
    """A fresh synthetic commune with the demo accounts; returns (import seconds, dossiers stored).

    ``csv_path``: the dossiers file to import, written first when it does not exist (default
    bench/out/dossiers-<rows>.csv, always rewritten).
    """
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(7)
    db = open_database(path)
    with db.sessions.begin() as s:
        seed_catalog(s)
        seed_default_units(s)
        seed_demo_accounts(s)  # a login for the GUI's smoke start (COMMUNE_DESK_USER / _PASSWORD)
        save_profile(s, ProfileData(code="16906", dossier_unit_id="H40.16906", signer_name="Bench"))
        units = [u.id for u in list_units(s)]
        for i in range(200):
            name, ethnicity = person(rng, i % 2 == 0)
            save_staff(
                s,
                StaffData(
                    full_name=name,
                    gender=Gender.FEMALE if i % 2 == 0 else Gender.MALE,
                    category=rng.choice(list(StaffCategory)),
                    start_date=date(2020 + i % 6, 1 + i % 12, 1),
                    birth_date=date(1970 + i % 30, 1 + i % 12, 1 + i % 28),
                    ethnicity=ethnicity,
                    unit_id=rng.choice(units),
                    end_date=date(2026, 1, 1) if i % 17 == 0 else None,
                    has_signature=i % 3 == 0,
                ),
            )
        for i, kind in enumerate(list(EquipmentKind) * 3):
            save_equipment(
                s,
                EquipmentData(
                    kind=kind,
                    inventory_date=date(2025, 7, 10),
                    required=5 + i % 4,
                    available=3 + i % 3,
                    working=2 + i % 2,
                    description=f"{kind.label()} {i}",
                    unit_id=units[i % len(units)],
                    expiry_date=date(2027, 1, 1) if kind == EquipmentKind.SIGNATURE else None,
                ),
            )
        for i in range(50):
            save_proposal(
                s,
                ProposalData(
                    category=rng.choice(list(ProposalCategory)),
                    title=f"Kiến nghị thử nghiệm số {i}",
                    raised_date=date(2025, 1 + i % 12, 1 + i % 28),
                    addressed_to="Sở Tài chính",
                    status=ProposalStatus.SENT,
                ),
            )
    if csv_path is None or not csv_path.exists():
        csv_path = write(csv_path or OUT / f"dossiers-{rows}.csv", rows)
    t = time.perf_counter()
    with db.sessions.begin() as s:
        result = run_import(s, "dossiers", csv_path)
    seconds = time.perf_counter() - t
    db.close()
    return seconds, result.created


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    path = OUT / f"storage-{args.rows}.sqlite"
    seconds, created = build(path, args.rows)
    print(f"import {created:,} dossiers from CSV (incl. commit): {seconds:.2f} s")
    db = open_database(path)
    results: list[tuple[str, float]] = []
    with db.sessions.begin() as s:
        rules = load_rules(s)
        for spec in SPECS:
            period = parse_period(spec)
            results.append((f"period_summary {spec}", _median_ms(lambda p=period: period_summary(s, p), args.repeat)))
            results.append(
                (f"  dossier_form {spec}", _median_ms(lambda p=period: dossier_form(s, p, rules), args.repeat))
            )
        july = parse_period("2025-07")
        results.append(("  staffing_summary", _median_ms(lambda: staffing_summary(s, july), args.repeat)))
        results.append(("  equipment_summary", _median_ms(lambda: equipment_summary(s), args.repeat)))
        results.append(("  proposal_summary", _median_ms(lambda: proposal_summary(s, july), args.repeat)))
        results.append(("count_dossiers (all)", _median_ms(lambda: count_dossiers(s), args.repeat)))
        results.append(
            (
                "list_dossiers first 200 by received",
                _median_ms(lambda: list_dossiers(s, DossierFilter(), limit=200), args.repeat),
            )
        )
        results.append(
            (
                "list_dossiers search 'nguyen van'",
                _median_ms(lambda: list_dossiers(s, DossierFilter(search="nguyen van"), limit=200), args.repeat),
            )
        )
    db.close()
    width = max(len(n) for n, _ in results)
    print(f"{'measure'.ljust(width)}  median ms ({args.repeat} runs)")
    for name, ms in results:
        print(f"{name.ljust(width)}  {ms:9.1f}")


if __name__ == "__main__":
    main()
