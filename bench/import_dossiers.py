"""Time importing 100,000 dossiers from CSV into a fresh database (goal: under 10 s).

    .venv/bin/python bench/import_dossiers.py [--rows 100000]

Measures run_import (read + check + write) and the commit, then a second run_import of the
same file (every row unchanged). Files go to bench/out/ (git-ignored). The wall time depends
on what else the machine is doing; the CPU time and load average are printed alongside.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.gen_dossiers_csv import write
from storage.catalog import seed_catalog
from storage.db import Database, open_database
from storage.importing import ImportResult, run_import

OUT = Path(__file__).resolve().parent / "out"


def _to_xlsx(csv_path: Path) -> Path:
    import csv

    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.reader(fh):
            ws.append(row)
    path = csv_path.with_suffix(".xlsx")
    wb.save(path)
    return path


def fresh_database(path: Path) -> Database:
    """An empty commune database holding the shipped catalog (what an import needs)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(path)
    with db.sessions.begin() as s:
        seed_catalog(s)
    return db


def time_import(db: Database, csv_path: Path) -> tuple[ImportResult, dict[str, float]]:
    """run_import of ``csv_path`` and its commit in one session: the result and seconds (import, commit, total, cpu)."""
    with db.sessions() as s:
        t0, c0 = time.perf_counter(), time.process_time()
        result = run_import(s, "dossiers", csv_path)
        t1 = time.perf_counter()
        s.commit()
        t2, c2 = time.perf_counter(), time.process_time()
    return result, {"import": t1 - t0, "commit": t2 - t1, "total": t2 - t0, "cpu": c2 - c0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--xlsx", action="store_true", help="import an .xlsx of the same rows instead of the CSV")
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    # A private folder: other benchmarks write bench/out/dossiers-*.csv too.
    with tempfile.TemporaryDirectory(dir=OUT, prefix="import-") as tmp:
        csv_path = write(Path(tmp) / f"dossiers-{args.rows}.csv", args.rows)
        if args.xlsx:
            csv_path = _to_xlsx(csv_path)
        db = fresh_database(Path(tmp) / "bench.sqlite")
        for label in ("first import", "re-import"):
            result, t = time_import(db, csv_path)
            print(
                f"{label}: {result.rows} rows, {result.created} created, {result.updated} updated, "
                f"{result.unchanged} unchanged: import {t['import']:.2f} s + commit {t['commit']:.2f} s = "
                f"{t['total']:.2f} s (CPU {t['cpu']:.2f} s; load average {os.getloadavg()[0]:.1f} on "
                f"{os.cpu_count()} CPUs)"
            )
        db.close()


if __name__ == "__main__":
    main()
