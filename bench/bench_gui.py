"""Time the dossier register and the application's start on 100,000 dossiers (offscreen).

    .venv/bin/python bench/bench_gui.py [--rows 100000] [--runs 5] [--rebuild]

Not a test: prints a table of medians against the goals in docs/performance.md:
- opening the dossier register (page construction until the first rows are in the model) < 300 ms;
- a search ("nguyen van") until the model is reset < 150 ms;
- scrolling: fetchMore of 20 successive batches;
- cold start of ``python main.py`` until the main window is shown, on an empty database (commune
  declared, no dossiers) and on the 100,000-dossier one, through COMMUNE_DESK_EXIT_AFTER_SHOW=1.
The database is built once (bench/gen_dossiers_csv.py + storage.importing.run_import) in bench/out/.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.gen_dossiers_csv import write  # noqa: E402
from storage.catalog import seed_catalog  # noqa: E402
from storage.db import open_database  # noqa: E402
from storage.importing import run_import  # noqa: E402
from storage.profile import ProfileData, save_profile  # noqa: E402

OUT = ROOT / "bench" / "out"
COMMUNE_CODE = "16906"  # Xã Lượng Minh, as in the generated dossier codes


def build_database(path: Path, rows: int) -> None:
    """A commune database holding ``rows`` imported dossiers (``rows == 0``: declared commune, no dossiers)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(path)
    with db.sessions.begin() as s:
        seed_catalog(s)
        save_profile(s, ProfileData(code=COMMUNE_CODE, dossier_unit_id="H40.16906"))
    if rows:
        csv_path = OUT / f"dossiers-{rows}.csv"
        if not csv_path.exists():
            write(csv_path, rows)
        with db.sessions.begin() as s:
            run_import(s, "dossiers", csv_path)
    db.close()


def median_ms(fn: Callable[[], float], runs: int) -> tuple[float, list[float]]:
    """Median and all figures (ms) of ``runs`` calls of ``fn`` (each returns its own seconds)."""
    figures = [fn() * 1000 for _ in range(runs)]
    return statistics.median(figures), figures


def cold_start(db_path: Path, settings_dir: Path) -> float:
    """Seconds from launching ``python main.py`` until it exits right after showing the main window."""
    env = dict(os.environ, COMMUNE_DESK_EXIT_AFTER_SHOW="1", QT_QPA_PLATFORM="offscreen")
    env["XDG_CONFIG_HOME"] = str(settings_dir)  # the settings file written below, not the user's
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db_path)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"main.py exited with {proc.returncode}:\n{proc.stderr}")
    return elapsed


def write_settings(settings_dir: Path, last_page: str) -> None:
    """Preferences that open the dossier register at start (where 100,000 rows could hurt)."""
    folder = settings_dir / "CommuneDesk"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "CommuneDesk.ini").write_text(f"[ui]\nlast_page={last_page}\n\n[meta]\nversion=1\n", encoding="utf-8")


def bench_page(db_path: Path, runs: int) -> dict[str, tuple[float, list[float]]]:
    """Page opening, search and scrolling on the given database, in this process."""
    from PySide6.QtWidgets import QApplication

    from gui.context import AppContext
    from gui.registers.dossiers import DossierPage
    from gui.settings import UiSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp())
    ctx = AppContext(open_database(db_path), UiSettings(tmp / "ui.ini"), "vi")
    ctx.rules()  # the main window loads the calendar before any page (status bar)
    pages: list[DossierPage] = []

    def open_page() -> float:
        t0 = time.perf_counter()
        page = DossierPage(ctx)
        elapsed = time.perf_counter() - t0
        assert page.model.rowCount() > 0
        pages.append(page)
        return elapsed

    results = {"open": median_ms(open_page, runs)}
    page = pages[-1]
    page.resize(1400, 850)
    page.show()
    app.processEvents()

    def search() -> float:
        page.search.blockSignals(True)  # no debounce timer: measure the query itself
        page.search.setText("")
        page.refresh()
        page.search.setText("nguyen van")
        page.search.blockSignals(False)
        t0 = time.perf_counter()
        page.refresh()
        elapsed = time.perf_counter() - t0
        assert 0 < page.model.total() < 100_000
        return elapsed

    results["search"] = median_ms(search, runs)

    def scroll() -> float:
        page.search.blockSignals(True)
        page.search.setText("")
        page.search.blockSignals(False)
        page.refresh()
        t0 = time.perf_counter()
        for _ in range(20):
            page.model.fetchMore()
        elapsed = time.perf_counter() - t0
        assert page.model.rowCount() >= 21 * 200 or page.model.rowCount() == page.model.total()
        return elapsed

    results["scroll"] = median_ms(scroll, runs)
    for p in pages:
        p.deleteLater()
    app.processEvents()
    ctx.db.close()
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--rebuild", action="store_true", help="rebuild the databases even if present")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    big, empty = OUT / f"gui-{args.rows}.sqlite", OUT / "gui-empty.sqlite"
    for path, rows in ((big, args.rows), (empty, 0)):
        if args.rebuild or not path.exists():
            t0 = time.perf_counter()
            build_database(path, rows)
            print(f"built {path.name} ({rows} dossiers) in {time.perf_counter() - t0:.1f} s")

    results = bench_page(big, args.runs)
    with tempfile.TemporaryDirectory() as settings_dir:
        write_settings(Path(settings_dir), "dossiers")
        results["cold_empty"] = median_ms(lambda: cold_start(empty, Path(settings_dir)), args.runs)
        results["cold_big"] = median_ms(lambda: cold_start(big, Path(settings_dir)), args.runs)

    rows = [
        ("open", "Mở sổ hồ sơ (đến khi có dòng đầu) / open the register", "< 300 ms"),
        ("search", "Tìm \u201cnguyen van\u201d (đến khi nạp lại bảng) / search", "< 150 ms"),
        ("scroll", "Cuộn: 20 lần fetchMore (200 dòng/lần) / scroll 20 batches", ""),
        ("cold_empty", "Khởi động python main.py, CSDL trống / cold start, empty", ""),
        ("cold_big", f"Khởi động python main.py, {args.rows:,} hồ sơ / cold start".replace(",", "."), ""),
    ]
    print(f"\n{'Phép đo / measurement':<62} {'trung vị':>10}  {'mục tiêu':<9} các lần đo (ms)")
    for key, label, goal in rows:
        med, figures = results[key]
        print(f"{label:<62} {med:>7.0f} ms  {goal:<9} {', '.join(f'{f:.0f}' for f in figures)}")


if __name__ == "__main__":
    main()
