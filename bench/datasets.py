"""The synthetic data of bench/run_all.py, built once and kept in the output folder (git-ignored).

- ``dossiers-<rows>.csv``: bench/gen_dossiers_csv.py (deterministic);
- ``commune-<rows>.sqlite``: bench_storage.build — 200 staff, equipment, 50 proposals, the CSV's
  dossiers, the demo accounts (the smoke start logs in as the demo administrator);
- ``commune-empty.sqlite``: a declared commune without dossiers (bench_gui.build_database);
- province files: bench_province.generate — every commune of the country (3,321, of which Nghệ An's
  130 are the small set) or, for small scales, a spread sample with stand-in report.xlsx/pdf members.

Each file is built under a temporary name and renamed when complete, so an interrupted build is
never taken for a cached one.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bench import bench_province
from bench.bench_gui import build_database
from bench.bench_storage import build
from bench.gen_dossiers_csv import write


@dataclass(frozen=True)
class Scale:
    """How big the run is. ``None`` province sizes mean the real ones (130 Nghệ An files, 3,321 communes)."""

    rows: int
    province_small: int | None
    province_big: int | None

    @property
    def full_province(self) -> bool:
        return self.province_small is None and self.province_big is None


FULL = Scale(rows=100_000, province_small=None, province_big=None)
QUICK = Scale(rows=1_000, province_small=3, province_big=8)
SPEC = "2025-07"  # the monthly report measured (official month: 15/06–14/07/2025)


def _log(text: str) -> None:
    print(f"[bench] {text}", flush=True)


def _built(path: Path, rebuild: bool, make: Any, what: str) -> Path:
    """``path`` as cached, or made by ``make(temporary path)`` and renamed."""
    if path.exists() and not rebuild:
        return path
    partial = path.with_name(path.name + ".partial")
    t0 = time.perf_counter()
    make(partial)
    os.replace(partial, path)
    _log(f"built {path.name} ({what}) in {time.perf_counter() - t0:.1f} s")
    return path


def _calendar_ready(path: Path) -> None:
    """Pre-fill the working-calendar years the main window reads, as a database in use already has them.

    Otherwise the first start of each run would also fill the coming years (once a year in real use).
    """
    from storage.db import open_database
    from storage.rules_context import load_context

    db = open_database(path)
    try:
        with db.sessions.begin() as s:
            load_context(s, 2024, date.today().year + 1)  # gui/context.py AppContext.rules
    finally:
        db.close()


def commune_data(out: Path, scale: Scale, rebuild: bool) -> dict[str, Any]:
    """The CSV and the two commune databases; their paths and sizes."""
    out.mkdir(parents=True, exist_ok=True)
    csv = _built(out / f"dossiers-{scale.rows}.csv", rebuild, lambda p: write(p, scale.rows), f"{scale.rows} rows")
    db = _built(
        out / f"commune-{scale.rows}.sqlite",
        rebuild,
        lambda p: build(p, scale.rows, csv),
        f"{scale.rows} dossiers, 200 staff, equipment, proposals, demo accounts",
    )
    empty = _built(out / "commune-empty.sqlite", rebuild, lambda p: build_database(p, 0), "declared commune")
    for path in (db, empty):
        _calendar_ready(path)
    return {"csv": str(csv), "db": str(db), "empty_db": str(empty), "rows": scale.rows, "spec": SPEC}


def province_data(out: Path, scale: Scale, rebuild: bool) -> dict[str, Any]:
    """The two sets of province files: folder, provinces to register, count, and the database each import makes."""
    work = out / "province-work"
    work.mkdir(parents=True, exist_ok=True)
    if scale.full_province:
        folder = out / "province" / bench_province.PERIOD.spec
        files, size, seconds = bench_province.generate(rebuild, folder=folder)
        every = sorted({c.province_code for c in bench_province.commune_choices()})
        small = folder / bench_province.NGHE_AN
        sets = {
            "small": (small, [bench_province.NGHE_AN], sum(1 for _ in small.glob("*.cdesk"))),
            "big": (folder, every, files),
        }
        if seconds:
            _log(f"generated {files} province files ({size / 2**20:.0f} MiB) in {seconds:.0f} s")
    else:
        members = bench_province.stand_in_members()
        sets = {}
        for name, communes in (
            ("small", bench_province.sample_communes(scale.province_small or 130, bench_province.NGHE_AN)),
            ("big", bench_province.sample_communes(scale.province_big or 3321)),
        ):
            folder = out / "province-sample" / name
            bench_province.generate(rebuild, communes, folder, members)
            sets[name] = (folder, sorted({c.province_code for c in communes}), len(communes))
    return {
        name: {"folder": str(folder), "provinces": provinces, "files": count, "db": str(work / f"{name}.sqlite")}
        for name, (folder, provinces, count) in sets.items()
    }
