"""Time the PDF report (reports.pdf_writer.write_pdf) on a commune with 100,000 dossiers.

    .venv/bin/python bench/bench_pdf.py [--rows 100000] [--runs 5] [--spec 2025-07] [--rebuild]

Not a test. Goals: write_pdf of the monthly report < 2 s; peak memory < 300 MB. The database is
bench/out/storage-<rows>.sqlite made by bench/bench_storage.py's build() (made here when missing),
opened as a temporary copy.
The report is computed once (build_periodic_report, timed apart): the writer only lays it out, so
its time depends on the report's length, not on the number of dossiers behind the figures.
Memory: the process's peak resident size (everything: Python, SQLAlchemy, reportlab, the fonts)
and the Python heap peak of one write_pdf call (tracemalloc).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_storage import OUT, build  # noqa: E402
from reports.pdf_writer import write_pdf  # noqa: E402
from reports.periodic import build_periodic_report  # noqa: E402
from storage.db import open_database  # noqa: E402
from storage.dossier_queries import count_dossiers  # noqa: E402
from storage.periods import parse_period  # noqa: E402


def peak_rss_mb() -> float | None:
    """The process's peak resident set size (None where the resource module is missing, e.g. Windows)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--spec", default="2025-07", help="reporting period (default: the July 2025 monthly report)")
    ap.add_argument("--rebuild", action="store_true", help="build the database again even if it exists")
    args = ap.parse_args()

    path = OUT / f"storage-{args.rows}.sqlite"
    if args.rebuild or not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        seconds, created = build(path, args.rows)
        print(f"built {path.name}: {created:,} dossiers imported in {seconds:.1f} s")
    # Work on a copy: other benchmarks may rebuild or read bench/out/ at the same time.
    work = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    shutil.copy(path, work / path.name)
    db = open_database(work / path.name)
    try:
        with db.sessions.begin() as s:
            dossiers = count_dossiers(s)
            t = time.perf_counter()
            report = build_periodic_report(s, parse_period(args.spec))
            build_s = time.perf_counter() - t
    finally:
        db.close()
        shutil.rmtree(work, ignore_errors=True)
    rows = sum(len(table.rows) for table in report.tables())
    print(f"database: {path.name}, {dossiers:,} dossiers; report {args.spec}: {len(report.sections)} sections, "
          f"{len(report.tables())} tables, {rows} table rows")  # fmt: skip
    print(f"build_periodic_report (not the writer): {build_s * 1000:.0f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "bao-cao.pdf"
        t = time.perf_counter()
        write_pdf(report, target)  # first call also reads and registers the four font files
        cold = time.perf_counter() - t
        warm: list[float] = []
        for _ in range(args.runs):
            t = time.perf_counter()
            write_pdf(report, target)
            warm.append(time.perf_counter() - t)
        tracemalloc.start()
        write_pdf(report, target)
        heap_peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        tracemalloc.stop()
        size_kb = target.stat().st_size / 1024
        from pypdf import PdfReader

        pages = len(PdfReader(target).pages)

    print(f"PDF: {pages} pages, {size_kb:.0f} KiB")
    print(f"write_pdf first call (with font registration): {cold * 1000:.0f} ms   goal < 2000 ms")
    print(f"write_pdf median of {args.runs}: {statistics.median(warm) * 1000:.0f} ms "
          f"({', '.join(f'{w * 1000:.0f}' for w in warm)})")  # fmt: skip
    print(f"Python heap peak during one write_pdf (tracemalloc): {heap_peak:.1f} MB")
    rss = peak_rss_mb()
    if rss is not None:
        print(f"process peak RSS (whole run): {rss:.0f} MB   goal < 300 MB")


if __name__ == "__main__":
    main()
