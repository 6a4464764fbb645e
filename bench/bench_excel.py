"""Time writing the monthly report to Excel on a 100,000-dossier commune (goals: < 2 s, < 300 MB).

    .venv/bin/python bench/bench_excel.py [--rows 100000] [--repeat 5] [--rebuild]

The database is built once by bench/bench_storage.py's build() (200 staff, equipment, 50
proposals, the dossiers imported from CSV) into bench/out/excel-<rows>.sqlite, in a child
process so that its memory does not count here. The report is computed once
(build_periodic_report); then write_xlsx runs --repeat times. Printed: the median and the
slowest write, the Python heap peak of one write (tracemalloc) and the process's peak resident
memory (getrusage: interpreter, SQLAlchemy, the report and the writes). Not a test.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_storage import OUT, build
from reports.excel_writer import write_xlsx
from reports.periodic import build_periodic_report
from storage.db import open_database
from storage.periods import parse_period

GOAL_SECONDS = 2.0
GOAL_MB = 300.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--period", default="2025-07")
    ap.add_argument("--rebuild", action="store_true", help="build the database again even if it exists")
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    path = OUT / f"excel-{args.rows}.sqlite"
    if args.rebuild or not path.exists():
        child = multiprocessing.Process(target=build, args=(path, args.rows))
        child.start()
        child.join()
        if child.exitcode != 0:
            sys.exit(f"building {path} failed")
    db = open_database(path)
    t = time.perf_counter()
    with db.sessions.begin() as s:
        report = build_periodic_report(s, parse_period(args.period))
    build_s = time.perf_counter() - t
    db.close()
    rows = sum(len(tb.rows) for tb in report.tables())
    times = []
    with tempfile.TemporaryDirectory(dir=OUT, prefix="excel-") as tmp:
        out = Path(tmp) / "bao-cao.xlsx"
        for _ in range(args.repeat):
            t = time.perf_counter()
            write_xlsx(report, out)
            times.append(time.perf_counter() - t)
        tracemalloc.start()
        write_xlsx(report, out)
        heap_peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        size_kb = out.stat().st_size / 1024
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    median, worst = statistics.median(times), max(times)
    print(f"database: {path.name} ({args.rows:,} dossiers), period {args.period}, {rows} table rows")
    print(f"build_periodic_report (once):          {build_s * 1000:8.0f} ms")
    print(
        f"write_xlsx median of {args.repeat}:               {median * 1000:8.0f} ms   (slowest {worst * 1000:.0f} ms)"
    )
    print(f"write_xlsx Python heap peak:           {heap_peak:8.1f} MB")
    print(f"process peak resident memory:          {rss_mb:8.1f} MB")
    print(f"xlsx size:                             {size_kb:8.1f} KB")
    verdict = {True: "met", False: "MISSED"}
    print(f"goal < {GOAL_SECONDS:.0f} s: {verdict[worst < GOAL_SECONDS]}", end="; ")
    print(f"goal < {GOAL_MB:.0f} MB: {verdict[rss_mb < GOAL_MB]}")


if __name__ == "__main__":
    main()
