"""One command for every performance goal: synthetic data at realistic scales, medians, peak memory, verdicts.

    .venv/bin/python bench/run_all.py [--quick] [--runs N] [--rebuild] [--only KEY,...] [--profile KEY]
    bash scripts/bench.sh [same options]        (sets up .venv with the bench extra first)

Builds the data once (cached in bench/out/, git-ignored; --rebuild makes it again): a commune with
100,000 dossiers (plus its CSV), an empty commune, one signed report file per commune of the country
(3,321; Nghệ An's 130 are the small province). Then runs every measurement in a fresh process of its
own, --runs times (default 5; 3 for the 3,321-file province steps; round by round, so that a change of
the machine's load falls on every measurement alike), and prints one table:
measurement | goal | median | runs | peak MB (the highest VmHWM of the runs' processes) | verdict,
with the monthly report's ratios to pandas and to the raw floors (one SQL GROUP BY; openpyxl
write-only) from the same run. The table is also written to <out>/results.md and results.json.
--quick: small scales (1,000 dossiers, 3 + 8 province files), one run, all measurements in one process
(cold starts still start the program): a smoke check of the command, not figures.
Exit status 1 when a measurement failed (a goal missed is reported, not an error). Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import datasets, results  # noqa: E402
from bench.measures import MEASURES, RESULT_PREFIX, Measure  # noqa: E402
from storage.auth import DEMO_ACCOUNTS, DEMO_PASSWORD  # noqa: E402

OUT = ROOT / "bench" / "out"
CHILD_TIMEOUT = 1800  # seconds; the whole-country PDF is the slowest step


def log(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def child_env(work: Path) -> dict[str, str]:
    """Offscreen Qt, the demo administrator's login, and private settings and data folders."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(work), XDG_DATA_HOME=str(work))
    env.setdefault("COMMUNE_DESK_USER", DEMO_ACCOUNTS[0][0])
    env.setdefault("COMMUNE_DESK_PASSWORD", DEMO_PASSWORD)
    return env


def run_keys(keys: list[str], params: dict[str, Any], scratch: Path) -> dict[str, dict[str, Any]]:
    """Measurements in one fresh process; each key's result (with "error" when it failed there).

    RuntimeError with the process's output when it reported nothing at all.
    """
    work = Path(tempfile.mkdtemp(prefix=f"{keys[0]}-", dir=scratch))
    try:
        proc = subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "measures.py"),
                ",".join(keys),
                json.dumps({**params, "work": str(work)}),
            ],
            cwd=ROOT,
            env=child_env(work),
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    got = {}
    for line in proc.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            result = json.loads(line[len(RESULT_PREFIX) :])
            got[result.pop("key")] = result
    if not got:
        raise RuntimeError(f"exit {proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    return got


def measure_all(
    measures: list[Measure], runs: int, big_runs: int, params: dict[str, Any], scratch: Path
) -> dict[str, tuple[list[dict[str, Any]], str]]:
    """Every run of every measurement, each in its own process: each key's results and its first error.

    Round by round (run 1 of every measurement, then run 2, ...), so that a change in the machine's
    load while the benchmark runs falls on all the measurements alike, not on a few of them.
    """
    out: dict[str, tuple[list[dict[str, Any]], str]] = {m.key: ([], "") for m in measures}
    for i in range(max(runs, big_runs)):
        for m in measures:
            got, error = out[m.key]
            if error or i >= (big_runs if m.big else runs) or (got and "skipped" in got[-1]):
                continue
            try:
                result = run_keys([m.key], params, scratch).get(m.key, {"error": "no result"})
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                result = {"error": str(exc)}
            if "error" in result:
                log(f"{m.key} run {i + 1} FAILED:\n{result['error'][-1500:]}")
                out[m.key] = (got, result["error"])
            elif "skipped" in result:
                log(f"{m.key} skipped: {result['skipped']}")
                got.append(result)
            else:
                got.append(result)
                log(f"{m.key} run {i + 1}: {result['seconds']:.3f} s, {result['peak_mb']:.0f} MB")
    return out


def province_db(params: dict[str, Any], m: Measure) -> str:
    """The province database a report measurement reads (made by its import measurement)."""
    return params["province"]["big" if m.big else "small"]["db"]


def label_of(m: Measure, scale: datasets.Scale, params: dict[str, Any]) -> str:
    def n(x: int) -> str:
        return f"{x:,}".replace(",", ".")

    prov = params.get("province", {})
    return m.label.format(
        rows=n(scale.rows), small=n(prov.get("small", {}).get("files", 0)), big=n(prov.get("big", {}).get("files", 0))
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small scales and one run: a smoke check")
    ap.add_argument("--runs", type=int, help="runs per measurement (default 5; --quick: 1)")
    ap.add_argument("--province-runs", type=int, help="runs of the 3,321-file steps (default 3; --quick: 1)")
    ap.add_argument("--rows", type=int, help="dossiers in the commune (default 100,000; --quick: 1,000)")
    ap.add_argument("--rebuild", action="store_true", help="build the synthetic data again even if cached")
    ap.add_argument(
        "--only", help="comma-separated measurement keys (default: all): " + ", ".join(m.key for m in MEASURES)
    )
    ap.add_argument("--profile", metavar="KEY", help="run one measurement once under pyinstrument; text in <out>")
    ap.add_argument("--separate", action="store_true", help="with --quick: still one process per measurement")
    ap.add_argument("--out", type=Path, help="data and results folder (default bench/out; --quick: bench/out/quick)")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    base = datasets.QUICK if args.quick else datasets.FULL
    scale = datasets.Scale(args.rows or base.rows, base.province_small, base.province_big)
    runs = args.runs or (1 if args.quick else 5)
    big_runs = args.province_runs or (1 if args.quick else min(runs, 3))
    out = args.out or (OUT / "quick" if args.quick else OUT)
    keys = [m.key for m in MEASURES]
    chosen = args.only.split(",") if args.only else [args.profile] if args.profile else keys
    unknown = sorted(set(chosen) - set(keys))
    if unknown:
        print(f"unknown measurement(s): {', '.join(unknown)}; known: {', '.join(keys)}", file=sys.stderr)
        return 2

    load_before = results.load()
    started = time.perf_counter()
    params: dict[str, Any] = datasets.commune_data(out, scale, args.rebuild)
    if any(k.startswith("province") for k in chosen):
        params["province"] = datasets.province_data(out, scale, args.rebuild)
    scratch = out / "work"
    scratch.mkdir(parents=True, exist_ok=True)

    if args.profile:
        target = out / f"profile-{args.profile}.txt"
        result = run_keys([args.profile], {**params, "profile": str(target)}, scratch)
        print(json.dumps(result, indent=1))
        print(f"profile written to {target}")
        return 0

    measures = [m for m in MEASURES if m.key in chosen]
    for m in measures:
        if m.needs and m.needs not in chosen and not Path(province_db(params, m)).exists():
            log(f"{m.needs} first (not timed): {m.key} reads the database it makes")
            run_keys([m.needs], params, scratch)
    rows: dict[str, results.Row] = {}
    if args.quick and not args.separate:
        log(f"one process for {len(measures)} measurements (--quick): a smoke check")
        try:
            shared = run_keys([m.key for m in measures], params, scratch)
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            shared = {m.key: {"error": str(exc)} for m in measures}
        for m in measures:
            result = shared.get(m.key, {"error": "no result"})
            error = result.get("error", "")
            if error:
                log(f"{m.key} FAILED:\n{error[-1500:]}")
            rows[m.key] = results.measured_row(m, label_of(m, scale, params), [] if error else [result], error)
    else:
        measured = measure_all(measures, runs, big_runs, params, scratch)
        for m in measures:
            got, error = measured[m.key]
            rows[m.key] = results.measured_row(m, label_of(m, scale, params), [] if error else got, error)
    table = list(rows.values()) + results.ratio_rows(rows)

    meta = {
        "date": results.now_text(),
        "command": "bench/run_all.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "quick": args.quick,
        "rows": scale.rows,
        "runs": runs,
        "big_runs": big_runs,
        "one_process": args.quick and not args.separate,
        "load_before": load_before,
        "load_after": results.load(),
        "minutes": round((time.perf_counter() - started) / 60, 1),
        "machine": results.machine(),
    }
    report(table, meta, out)
    return 1 if any(r.verdict == results.FAILED for r in table) else 0


def report(table: list[results.Row], meta: dict[str, Any], out: Path) -> None:
    """Print the table and write it to results.md and results.json."""
    mc = meta["machine"]
    head = [
        f"Ngày đo / date: {meta['date']}; lệnh / command: `{meta['command'].strip()}`"
        + (" (QUICK: quy mô nhỏ, không phải số đo / small scales, not figures)" if meta["quick"] else ""),
        f"Máy / machine: {mc['cores']} × {mc['cpu']}, {mc['memory']} RAM, {mc['os']}, Python {mc['python']}, "
        f"SQLite {mc['sqlite']}, PySide6 {mc['pyside6']}, SQLAlchemy {mc['sqlalchemy']}, openpyxl {mc['openpyxl']}, "
        f"reportlab {mc['reportlab']}, pandas {mc['pandas']}",
        f"Tải trung bình / load average (1, 5, 15 min): trước / before {meta['load_before']}; "
        f"sau / after {meta['load_after']}; {meta['minutes']} phút / minutes",
        (
            "Một tiến trình cho mọi phép đo (--quick) / one process for every measurement (--quick)."
            if meta["one_process"]
            else f"Trung vị của {meta['runs']} lần (bước tỉnh lớn nhất: {meta['big_runs']} lần), mỗi "
            "lần một tiến trình mới; bộ nhớ đỉnh = mức cao nhất (VmHWM) lớn nhất của các tiến trình đó, gồm Python "
            "và các module / median of the runs, each in a fresh process; peak = the highest VmHWM of those "
            "processes, interpreter and modules included."
        ),
    ]
    print()
    print("\n".join(head))
    print()
    print("\n".join(results.table_lines(table, markdown=False)))
    details = results.detail_lines(table)
    if details:
        print("\nChi tiết (trung vị, giây) / details (medians, seconds):")
        print("\n".join(details))
    md = [*(f"{h}  " for h in head), "", *results.table_lines(table, markdown=True)]
    if details:
        md += ["", "Chi tiết (trung vị, giây) / details (medians, seconds):", "", *details]
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    (out / "results.json").write_text(
        json.dumps(results.to_json(table, meta), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    print(f"\nwritten: {out / 'results.md'}, {out / 'results.json'}")


if __name__ == "__main__":
    sys.exit(main())
