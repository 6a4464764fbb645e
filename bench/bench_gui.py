"""Time the dossier register and the application's start on 100,000 dossiers (offscreen).

    .venv/bin/python bench/bench_gui.py [--rows 100000] [--runs 5] [--rebuild]

Not a test: prints a table of medians against the goals in docs/performance.md:
- opening the dossier register (page construction until the first rows are in the model) < 300 ms;
- a search ("nguyen van") until the model is reset < 150 ms;
- scrolling: fetchMore of 20 successive batches;
- cold start of ``python main.py`` until the main window is shown, on an empty database (commune
  declared, no dossiers) and on the 100,000-dossier one, through COMMUNE_DESK_EXIT_AFTER_SHOW=1.
The database is built once (bench/gen_dossiers_csv.py + storage.importing.run_import) in bench/out/,
with the demo accounts: the smoke start logs in as COMMUNE_DESK_USER / COMMUNE_DESK_PASSWORD (default
the demo administrator), since a database without accounts would stop at "create the administrator".
bench/run_all.py reuses these functions, one measurement per process.
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
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# storage is imported inside the functions: the process that times a cold start stays small, so the
# started program's peak memory (RUSAGE_CHILDREN, which counts what a child inherits) is its own.

OUT = ROOT / "bench" / "out"
COMMUNE_CODE = "16906"  # Xã Lượng Minh, as in the generated dossier codes


def build_database(path: Path, rows: int, csv_path: Path | None = None) -> None:
    """A commune database holding ``rows`` imported dossiers (``rows == 0``: declared commune, no dossiers).

    It has the demo accounts, so that the smoke start can log in.
    """
    from bench.gen_dossiers_csv import write
    from storage.auth import seed_demo_accounts
    from storage.catalog import seed_catalog
    from storage.db import open_database
    from storage.importing import run_import
    from storage.profile import ProfileData, save_profile

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(path)
    with db.sessions.begin() as s:
        seed_catalog(s)
        seed_demo_accounts(s)
        save_profile(s, ProfileData(code=COMMUNE_CODE, dossier_unit_id="H40.16906"))
    if rows:
        csv_path = csv_path or OUT / f"dossiers-{rows}.csv"
        if not csv_path.exists():
            write(csv_path, rows)
        with db.sessions.begin() as s:
            run_import(s, "dossiers", csv_path)
    db.close()


def has_login(path: Path) -> bool:
    """The database exists and has accounts (one made before issue 6 would stop the smoke start)."""
    if not path.exists():
        return False
    from storage.auth import has_accounts
    from storage.db import open_database

    db = open_database(path)
    try:
        with db.sessions() as s:
            return has_accounts(s)
    finally:
        db.close()


def median_ms(fn: Callable[[], float], runs: int) -> tuple[float, list[float]]:
    """Median and all figures (ms) of ``runs`` calls of ``fn`` (each returns its own seconds)."""
    figures = [fn() * 1000 for _ in range(runs)]
    return statistics.median(figures), figures


def cold_start(db_path: Path, settings_dir: Path, python_args: tuple[str, ...] = ()) -> float:
    """Seconds from launching ``python main.py`` until it exits right after showing the main window.

    ``python_args`` go before main.py (e.g. ``-m pyinstrument -o FILE`` to profile the start).
    """
    env = login_env(settings_dir)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, *python_args, str(ROOT / "main.py"), "--db", str(db_path)],
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


def login_env(settings_dir: Path) -> dict[str, str]:
    """Environment of a smoke start: exit once shown, log in as the demo administrator, private settings."""
    env = dict(os.environ, COMMUNE_DESK_EXIT_AFTER_SHOW="1", QT_QPA_PLATFORM="offscreen")
    if not (env.get("COMMUNE_DESK_USER") and env.get("COMMUNE_DESK_PASSWORD")):
        from storage.auth import DEMO_ACCOUNTS, DEMO_PASSWORD

        env["COMMUNE_DESK_USER"], env["COMMUNE_DESK_PASSWORD"] = DEMO_ACCOUNTS[0][0], DEMO_PASSWORD
    env["XDG_CONFIG_HOME"] = str(settings_dir)  # the settings file written by write_settings, not the user's
    env["XDG_DATA_HOME"] = str(settings_dir / "data")
    return env


def write_settings(settings_dir: Path, last_page: str) -> None:
    """Preferences that open the dossier register at start (where 100,000 rows could hurt)."""
    folder = settings_dir / "CommuneDesk"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "CommuneDesk.ini").write_text(f"[ui]\nlast_page={last_page}\n\n[meta]\nversion=1\n", encoding="utf-8")


def register_context(db_path: Path) -> Any:
    """The application object and an AppContext on ``db_path``, as the main window has them before a page opens."""
    from PySide6.QtWidgets import QApplication

    from gui.context import AppContext
    from gui.settings import UiSettings
    from storage.db import open_database

    QApplication.instance() or QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp())
    ctx = AppContext(open_database(db_path), UiSettings(tmp / "ui.ini"), "vi")
    ctx.rules()  # the main window loads the calendar before any page (status bar)
    return ctx


def time_open(ctx: Any) -> tuple[float, Any]:
    """Seconds to build the dossier register page until the first rows are in its model, and the page."""
    from gui.registers.dossiers import DossierPage

    t0 = time.perf_counter()
    page = DossierPage(ctx)
    elapsed = time.perf_counter() - t0
    assert page.model.rowCount() > 0
    return elapsed, page


def show_page(page: Any) -> None:
    """Show the page at a usual window size (the search and the scroll then work on a visible table)."""
    from PySide6.QtWidgets import QApplication

    page.resize(1400, 850)
    page.show()
    QApplication.processEvents()


def time_search(page: Any, text: str = "nguyen van") -> float:
    """Seconds from a search's start until the model is reset (the debounce timer left out: the query itself)."""
    page.search.blockSignals(True)
    page.search.setText("")
    page.refresh()
    page.search.setText(text)
    page.search.blockSignals(False)
    t0 = time.perf_counter()
    page.refresh()
    elapsed = time.perf_counter() - t0
    assert page.model.total() > 0, "the search found nothing"
    return elapsed


def bench_page(db_path: Path, runs: int) -> dict[str, tuple[float, list[float]]]:
    """Page opening, search and scrolling on the given database, in this process."""
    from PySide6.QtWidgets import QApplication

    ctx = register_context(db_path)
    pages: list[Any] = []

    def open_page() -> float:
        elapsed, page = time_open(ctx)
        pages.append(page)
        return elapsed

    results = {"open": median_ms(open_page, runs)}
    page = pages[-1]
    show_page(page)
    results["search"] = median_ms(lambda: time_search(page), runs)

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
    QApplication.processEvents()
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
        if args.rebuild or not has_login(path):
            t0 = time.perf_counter()
            build_database(path, rows)
            print(f"built {path.name} ({rows} dossiers) in {time.perf_counter() - t0:.1f} s")

    results = bench_page(big, args.runs)
    with tempfile.TemporaryDirectory() as settings_dir:
        write_settings(Path(settings_dir), "dossiers")
        results["cold_empty"] = median_ms(lambda: cold_start(empty, Path(settings_dir)), args.runs)
        results["cold_big"] = median_ms(lambda: cold_start(big, Path(settings_dir)), args.runs)

    rows_text = f"{args.rows:,}".replace(",", ".")  # Vietnamese thousands separator
    rows = [
        ("open", "Mở sổ hồ sơ (đến khi có dòng đầu) / open the register", "< 300 ms"),
        ("search", "Tìm \u201cnguyen van\u201d (đến khi nạp lại bảng) / search", "< 150 ms"),
        ("scroll", "Cuộn: 20 lần fetchMore (200 dòng/lần) / scroll 20 batches", ""),
        ("cold_empty", "Khởi động python main.py, CSDL trống / cold start, empty", ""),
        (
            "cold_big",
            f"Khởi động python main.py, {rows_text} hồ sơ / cold start",
            "",
        ),
    ]
    print(f"\n{'Phép đo / measurement':<62} {'trung vị':>10}  {'mục tiêu':<9} các lần đo (ms)")
    for key, label, goal in rows:
        med, figures = results[key]
        print(f"{label:<62} {med:>7.0f} ms  {goal:<9} {', '.join(f'{f:.0f}' for f in figures)}")


if __name__ == "__main__":
    main()
