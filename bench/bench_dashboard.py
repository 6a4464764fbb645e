"""Time the dashboard on a large database (offscreen): what the GUI thread waits for, and the figures' cost.

    .venv/bin/python bench/bench_dashboard.py [--db bench/out/bench.sqlite] [--today 22/11/2026] [--runs 5]

Not a test. Works on a temporary copy of the database (opening a file may upgrade it). Prints medians:
- the 12-month trend in one pass against twelve results forms (and checks they are equal);
- the whole dashboard read (summary, trend, waiting proposals) in one session;
- the page: how long ``refresh()`` blocks the GUI thread, and until the figures are on screen;
- the overdue list: opening the dialog (count + first page) and each further page of 200.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.context import AppContext  # noqa: E402
from gui.settings import UiSettings  # noqa: E402
from storage.aggregates.dossier_form import dossier_form  # noqa: E402
from storage.aggregates.trends import MonthPoint, as_of, monthly_dossier_trend  # noqa: E402
from storage.db import open_database  # noqa: E402
from storage.periods import period_containing  # noqa: E402
from storage.settings import load_rules  # noqa: E402


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    figures = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        figures.append((time.perf_counter() - t0) * 1000)
    return statistics.median(figures), figures


def row(name: str, result: tuple[float, list[float]]) -> None:
    med, all_ = result
    print(f"| {name} | **{med:.0f} ms** | {', '.join(f'{x:.0f}' for x in all_)} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "bench.sqlite")
    parser.add_argument("--today", default=date.today().strftime("%d/%m/%Y"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"{args.db} is missing: run bench/import_dossiers.py or bench/bench_storage.py first", file=sys.stderr)
        return 2
    today = datetime.strptime(args.today, "%d/%m/%Y").date()
    app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        shutil.copy(args.db, path)
        db = open_database(path)
        seen = as_of(period_containing(today), today)
        with db.sessions() as s:
            rules = load_rules(s)
            trend = monthly_dossier_trend(s, seen.end, 12, rules)
            forms = [
                MonthPoint.from_row(p.period, dossier_form(s, p.period, rules, all_fields=False).total) for p in trend
            ]
            assert trend == forms, "the one-pass trend differs from the results form"
            print(f"Today {today:%d/%m/%Y}, period {seen.spec}; trend equals the form month by month.\n")
            print("| measurement | median | runs (ms) |\n| --- | --- | --- |")
            row("12-month trend, one pass", median_ms(lambda: monthly_dossier_trend(s, seen.end, 12, rules), args.runs))
            row(
                "12-month trend, 12 × dossier_form (before)",
                median_ms(
                    lambda: [dossier_form(s, p.period, rules, all_fields=False) for p in trend], max(1, args.runs // 2)
                ),
            )
        from gui.pages.dashboard import DashboardPage
        from gui.pages.dashboard_data import load_dashboard

        def whole_read() -> None:
            with db.sessions() as s:
                load_dashboard(s, seen, today)

        row("load_dashboard (one session)", median_ms(whole_read, args.runs))
        ctx = AppContext(db, UiSettings(Path(tmp) / "ui.ini"), "vi")
        page = DashboardPage(ctx)
        page.today = lambda: today
        page.resize(1136, 768)
        page.show()

        def wait() -> None:
            while page.is_computing():
                app.processEvents()
                time.sleep(0.002)

        wait()
        blocked: list[float] = []
        ready: list[float] = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            page.refresh()
            blocked.append((time.perf_counter() - t0) * 1000)
            wait()
            ready.append((time.perf_counter() - t0) * 1000)
        row("page.refresh(): GUI thread blocked", (statistics.median(blocked), blocked))
        row("page.refresh(): until the figures are shown", (statistics.median(ready), ready))

        def open_overdue() -> None:
            page.show_overdue()
            app.processEvents()

        row("overdue list: open (count + first 200 rows)", median_ms(open_overdue, args.runs))
        dialog = page.overdue_dialog
        assert dialog is not None
        print(f"\n{dialog.total():,} overdue dossiers listed lazily.")
        row("overdue list: next page of 200", median_ms(dialog.model.fetchMore, args.runs))
        dialog.close()
        page.close()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
