"""The measurements of bench/run_all.py, each run in a fresh process of its own.

    .venv/bin/python bench/measures.py KEY[,KEY...] PARAMS_JSON

prints one line ``BENCH-RESULT {...}`` per key: the seconds measured, the process's peak resident
memory (interpreter, modules and the work; for a cold start, the started program's) and details,
or the error. Several keys share one process: only ``run_all.py --quick`` does that, to be fast.
The functions reuse the older single-purpose benchmarks (bench_gui, bench_storage, bench_reports,
bench_province, import_dossiers) so that each figure is measured one way only.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RESULT_PREFIX = "BENCH-RESULT "
COMMUNE_MB = 300.0
PROVINCE_MB = 1024.0

Params = dict[str, Any]


def peak_mb() -> float:
    """This process's peak resident set size in MiB.

    VmHWM of /proc/self/status: the high-water mark of this program's own memory since it started.
    ru_maxrss is not used for it: Linux carries the parent's peak over fork and exec into it, so every
    child of a big parent would report at least the parent's size.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(ln.split()[1]) for ln in fh if ln.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def children_peak_mb() -> float:
    """Peak resident size of the largest child waited for (at least what the child inherited from this process)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


# --- commune ------------------------------------------------------------------------------------


def _cold_start(p: Params, db: str) -> dict[str, Any]:
    from bench.bench_gui import cold_start, write_settings

    settings = Path(p["work"]) / "settings"
    write_settings(settings, "dossiers")  # the register opens at start: the worst case
    profile = ("-m", "pyinstrument", "-r", "text", "-o", p["profile"]) if p.get("profile") else ()
    seconds = cold_start(Path(db), settings, profile)
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"seconds": seconds, "peak_mb": children_peak_mb(), "cpu_s": used.ru_utime + used.ru_stime}


def cold_empty(p: Params) -> dict[str, Any]:
    return _cold_start(p, p["empty_db"])


def cold_big(p: Params) -> dict[str, Any]:
    return _cold_start(p, p["db"])


def register_open(p: Params) -> dict[str, Any]:
    from bench.bench_gui import register_context, time_open

    ctx = register_context(Path(p["db"]))
    seconds, page = time_open(ctx)
    return {"seconds": seconds, "rows_shown": page.model.rowCount()}


def register_search(p: Params) -> dict[str, Any]:
    from bench.bench_gui import register_context, show_page, time_open, time_search

    ctx = register_context(Path(p["db"]))
    _, page = time_open(ctx)
    show_page(page)
    seconds = time_search(page)
    return {"seconds": seconds, "found": page.model.total()}


def import_csv(p: Params) -> dict[str, Any]:
    from bench.import_dossiers import fresh_database, time_import

    db = fresh_database(Path(p["work"]) / "import.sqlite")
    try:
        result, t = time_import(db, Path(p["csv"]))
    finally:
        db.close()
    assert result.created == p["rows"], f"{result.created} of {p['rows']} dossiers imported"
    return {"seconds": t["total"], "import_s": t["import"], "commit_s": t["commit"], "cpu_s": t["cpu"]}


def period_summary(p: Params) -> dict[str, Any]:
    from storage.aggregates import period_summary as summary
    from storage.db import open_database
    from storage.periods import parse_period

    db = open_database(p["db"])
    with db.sessions() as s:
        t0 = time.perf_counter()
        result = summary(s, parse_period(p["spec"]))
        seconds = time.perf_counter() - t0
    db.close()
    return {"seconds": seconds, "received": result.dossiers.total.received_total}


def _monthly(p: Params, writer: Callable[[Any, Path], Any], suffix: str) -> dict[str, Any]:
    from reports.periodic import build_periodic_report
    from storage.db import open_database
    from storage.periods import parse_period

    db = open_database(p["db"])
    target = Path(p["work"]) / f"bao-cao.{suffix}"
    t0 = time.perf_counter()
    with db.sessions.begin() as s:
        report = build_periodic_report(s, parse_period(p["spec"]))
    t1 = time.perf_counter()
    writer(report, target)
    t2 = time.perf_counter()
    db.close()
    return {"seconds": t2 - t0, "compute_s": t1 - t0, "write_s": t2 - t1, "kib": target.stat().st_size // 1024}


def monthly_xlsx(p: Params) -> dict[str, Any]:
    from reports.excel_writer import write_xlsx

    return _monthly(p, write_xlsx, "xlsx")


def monthly_pdf(p: Params) -> dict[str, Any]:
    from reports.pdf_writer import write_pdf  # the first write also registers the fonts, as a user's first export

    return _monthly(p, write_pdf, "pdf")


def pandas_xlsx(p: Params) -> dict[str, Any]:
    try:
        import pandas  # noqa: F401  (the bench extra; a test set-up may not have it)
    except ImportError:
        return {"skipped": "pandas is not installed: pip install -e '.[bench]'"}
    from bench.bench_reports import pandas_report  # imports pandas: not timed
    from storage.db import open_database
    from storage.periods import parse_period

    period = parse_period(p["spec"])
    db = open_database(p["db"])
    after_end = f"{period.end.isoformat()} 23:59:59.999999"
    t0 = time.perf_counter()
    pandas_report(db.engine, period.start.isoformat(), period.end.isoformat(), after_end, Path(p["work"]) / "pd.xlsx")
    seconds = time.perf_counter() - t0
    db.close()
    return {"seconds": seconds}


def floor_sql(p: Params) -> dict[str, Any]:
    from bench.floors import check_sql_floor, sql_floor
    from storage.periods import parse_period

    period = parse_period(p["spec"])
    seconds, rows = sql_floor(Path(p["db"]), period.start, period.end)
    peak = peak_mb()  # before the check below loads SQLAlchemy
    check_sql_floor(Path(p["db"]), p["spec"], rows)
    return {"seconds": seconds, "peak_mb": peak, "fields": len(rows)}


def floor_openpyxl(p: Params) -> dict[str, Any]:
    from bench.floors import openpyxl_floor, xlsx_cells

    made = monthly_xlsx(p)  # our file, not timed here: the floor writes its sheets, rows and values
    sheets = xlsx_cells(Path(p["work"]) / "bao-cao.xlsx")
    seconds = openpyxl_floor(sheets, Path(p["work"]) / "floor.xlsx")
    cells = sum(len(r) for _, rows in sheets for r in rows)
    return {"seconds": seconds, "sheets": len(sheets), "cells": cells, "ours_write_s": made["write_s"]}


# --- province -----------------------------------------------------------------------------------


def _province_import(p: Params, size: str) -> dict[str, Any]:
    from bench.bench_province import step_import

    q = p["province"][size]
    r = step_import("", q["db"], q["folder"], q["provinces"])
    assert r["files"] == q["files"], f"{r['files']} files imported, {q['files']} expected"
    return {"seconds": r["seconds"], "files": r["files"], "baseline_mb": r["baseline_mb"], "peak_mb": r["peak_mb"]}


def _province_report(p: Params, size: str) -> dict[str, Any]:
    from bench.bench_province import step_reports

    r = step_reports(p["province"][size]["db"])
    seconds = sum(r[k] for k in ("consolidate", "build", "xlsx", "pdf"))
    return {"seconds": seconds, **{k: r[k] for k in ("consolidate", "build", "xlsx", "pdf", "communes", "peak_mb")}}


def province_import_small(p: Params) -> dict[str, Any]:
    return _province_import(p, "small")


def province_import_big(p: Params) -> dict[str, Any]:
    return _province_import(p, "big")


def province_report_small(p: Params) -> dict[str, Any]:
    return _province_report(p, "small")


def province_report_big(p: Params) -> dict[str, Any]:
    return _province_report(p, "big")


# --- the list -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    """One line of the table. Labels use {rows}, {small}, {big}: the run's scales."""

    key: str
    label: str
    goal_s: float | None = None
    goal_mb: float | None = None
    big: bool = False  # the 3,321-file province run: fewer runs by default
    needs: str = ""  # a measurement whose output this one reads (run first when missing)


_C, _P = COMMUNE_MB, PROVINCE_MB
MEASURES = (
    Measure("cold_empty", "Khởi động đến khi hiện cửa sổ chính, CSDL trống / cold start, empty database", 1.5, _C),
    Measure("cold_big", "Khởi động, {rows} hồ sơ, hiện sổ hồ sơ / cold start, {rows} dossiers, register", 1.5, _C),
    Measure("register_open", "Mở sổ hồ sơ, {rows} hồ sơ / open the dossier register", 0.3, _C),
    Measure("register_search", "Tìm «nguyen van» trong sổ / search the register", 0.15, _C),
    Measure("import_csv", "Nhập {rows} hồ sơ từ CSV / import {rows} dossiers from CSV", 10.0, _C),
    Measure("period_summary", "Tổng hợp kỳ tháng / period summary, month", 0.2, _C),
    Measure("monthly_xlsx", "Báo cáo tháng: tính + xlsx / monthly report: compute + xlsx", 2.0, _C),
    Measure("monthly_pdf", "Báo cáo tháng: tính + pdf / monthly report: compute + pdf", 2.0, _C),
    Measure("pandas_xlsx", "pandas read_sql + groupby + to_excel (cùng 4 phần / same 4 sections)"),
    Measure("floor_sql", "Sàn: một truy vấn SQL GROUP BY biểu 06 / floor: one SQL GROUP BY, Biểu 06"),
    Measure("floor_openpyxl", "Sàn: openpyxl write-only, cùng các ô / floor: openpyxl write-only, same cells"),
    Measure("province_import_small", "Tỉnh: nhập {small} tệp xã / province: import {small} files", 3.0, _P),
    Measure("province_import_big", "Tỉnh: nhập {big} tệp xã / province: import {big} files", 60.0, _P, big=True),
    Measure(
        "province_report_small",
        "Tỉnh: tổng hợp {small} xã + báo cáo xlsx, pdf / consolidate {small} + report xlsx, pdf",
        None,
        _P,
        needs="province_import_small",
    ),
    Measure(
        "province_report_big",
        "Tỉnh: tổng hợp {big} xã + báo cáo xlsx, pdf / consolidate {big} + report xlsx, pdf",
        60.0,
        _P,
        big=True,
        needs="province_import_big",
    ),
)

FUNCTIONS: dict[str, Callable[[Params], dict[str, Any]]] = {
    m.key: globals()[m.key] for m in MEASURES
}  # every measurement has its function of the same name


def run_child(key: str, params: Params) -> dict[str, Any]:
    """Run one measurement in this process (under pyinstrument when ``params["profile"]`` names a file)."""
    fn = FUNCTIONS[key]
    if not params.get("profile") or key.startswith("cold_"):
        result = fn(params)
    else:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
        result = fn(params)
        profiler.stop()
        Path(params["profile"]).write_text(profiler.output_text(unicode=True, show_all=False), encoding="utf-8")
    result.setdefault("peak_mb", peak_mb())
    return result


def main(keys: list[str], params: Params) -> int:
    """Run ``keys`` one after the other (one key: the normal case), printing a result line for each."""
    failed = 0
    for key in keys:
        try:
            out = {"key": key, **run_child(key, params)}
        except Exception:  # reported to the table as this measurement's failure, the others still run
            failed += 1
            out = {"key": key, "error": traceback.format_exc()}
        print(RESULT_PREFIX + json.dumps(out), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1].split(","), json.loads(sys.argv[2])))
