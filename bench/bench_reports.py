"""Monthly report on a 100,000-dossier commune: ours (xlsx, pdf) against a plain pandas pipeline.

    .venv/bin/python bench/bench_reports.py [--rows 100000] [--repeat 5]

"Ours" = build_periodic_report (all figures, computed once) + write_xlsx / write_pdf.
"pandas" = read_sql of the period's dossiers, staff, equipment and proposals + groupby for the
same four sections + DataFrame.to_excel (openpyxl engine), in the same process: the pipeline a
developer would write by hand. Goals (issue 4): each format < 2 s, peak memory < 300 MB; the
ratio ours/pandas is printed for docs/performance.md. Needs pandas (pip install pandas). Not a test.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd

from bench.bench_storage import OUT, build
from reports.excel_writer import write_xlsx
from reports.pdf_writer import write_pdf
from reports.periodic import build_periodic_report
from storage.db import open_database
from storage.periods import parse_period


def _median(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def pandas_report(engine, start: str, end: str, after_end: str, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The same four sections with read_sql + groupby + to_excel (withdrawn counted on time)."""
    d = pd.read_sql(
        "SELECT d.id, d.received_at, d.channel, d.finished_date, d.outcome, "
        "COALESCE(d.due_date_override, d.due_date_computed) AS due, p.field_id "
        "FROM dossier d JOIN procedure p ON p.id = d.procedure_id "
        "WHERE (d.outcome IS NULL OR d.outcome != 3) AND d.received_at < :a "
        "AND (d.finished_date IS NULL OR d.finished_date >= :s)",
        engine,
        params={"a": after_end, "s": start},
    )
    waiting = pd.read_sql(
        "SELECT DISTINCT dossier_id FROM supplement_request WHERE requested_date <= :e "
        "AND (completed_date IS NULL OR completed_date > :e)",
        engine,
        params={"e": end},
    )["dossier_id"]
    fin = d["finished_date"].notna() & (d["finished_date"] <= end)
    pending = ~fin
    new = d["received_at"] >= start
    stopped = d["outcome"].isin([7, 8])
    w = d["id"].isin(waiting)
    cols = pd.DataFrame(
        {
            "field_id": d["field_id"],
            "c3": 1,
            "c4": new & (d["channel"] == 2),
            "c5": new & (d["channel"] != 2),
            "c6": ~new,
            "c7": fin,
            "c8": fin & ~stopped & (d["finished_date"] < d["due"]),
            "c9": fin & (stopped | (d["finished_date"] == d["due"])),
            "c10": fin & ~stopped & (d["finished_date"] > d["due"]),
            "c11": pending,
            "c13": pending & ~w & (d["due"] < end),
        }
    )
    form = cols.groupby("field_id").sum()
    form["c12"] = form["c11"] - form["c13"]
    fields = pd.read_sql("SELECT id, name FROM field ORDER BY sort_order", engine).set_index("id")
    form = fields.join(form).fillna(0)
    staff = pd.read_sql(
        "SELECT category, count(*) AS n FROM staff WHERE start_date <= :e AND (end_date IS NULL OR end_date > :e) "
        "GROUP BY category",
        engine,
        params={"e": end},
    )
    equipment = pd.read_sql(
        "SELECT kind, sum(required) r, sum(available) a, sum(working) w, "
        "sum(CASE WHEN required > working THEN required - working ELSE 0 END) s FROM equipment GROUP BY kind",
        engine,
    )
    proposals = pd.read_sql(
        "SELECT title, addressed_to, status, raised_date FROM proposal WHERE raised_date <= :e",
        engine,
        params={"e": end},
    )
    with pd.ExcelWriter(out, engine="openpyxl") as xw:
        form.to_excel(xw, sheet_name="Bieu06")
        staff.to_excel(xw, sheet_name="Nhansu")
        equipment.to_excel(xw, sheet_name="Thietbi")
        proposals.to_excel(xw, sheet_name="Kiennghi")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--spec", default="2025-07")
    args = ap.parse_args()
    path = OUT / f"storage-{args.rows}.sqlite"
    if not path.exists():
        build(path, args.rows)
    db = open_database(path)
    period = parse_period(args.spec)
    tmp = Path(tempfile.mkdtemp())

    def ours_xlsx() -> None:
        with db.sessions.begin() as s:
            report = build_periodic_report(s, period)
        write_xlsx(report, tmp / "ours.xlsx")

    def ours_pdf() -> None:
        with db.sessions.begin() as s:
            report = build_periodic_report(s, period)
        write_pdf(report, tmp / "ours.pdf")

    after_end = f"{period.end.isoformat()} 23:59:59.999999"
    t_x = _median(ours_xlsx, args.repeat)
    t_p = _median(ours_pdf, args.repeat)
    t_pd = _median(
        lambda: pandas_report(
            db.engine, period.start.isoformat(), period.end.isoformat(), after_end, tmp / "pandas.xlsx"
        ),
        args.repeat,
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    db.close()
    print(f"monthly report {period.spec} on {args.rows:,} dossiers, median of {args.repeat}")
    print(f"  ours: compute + xlsx          {t_x * 1000:8.0f} ms")
    print(f"  ours: compute + pdf           {t_p * 1000:8.0f} ms")
    print(f"  pandas read_sql+groupby+xlsx  {t_pd * 1000:8.0f} ms")
    print(f"  ratio ours xlsx / pandas      {t_x / t_pd:8.2f}")
    print(f"  peak resident memory          {peak_mb:8.0f} MB (whole process, both pipelines)")


if __name__ == "__main__":
    main()
