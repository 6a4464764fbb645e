"""Screenshots of every screen on the demo data, offscreen, for the README and for checking layouts.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--lang vi en] [--today 31/10/2026]

A fresh temporary database is filled with the Lượng Minh demo data (up to 31/10/2026), the main
window is opened at 1366×768 (the most common laptop screen in commune offices) and each screen
is saved as a PNG after its background work and charts are finished. English shots are made only
when resources/i18n/commune_desk_en.qm exists. Nothing outside the temporary folder and ``--out``
is written; the user's own database and preferences are never opened.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget  # noqa: E402

from gui import settings as keys  # noqa: E402
from gui.app import apply_font, create_app  # noqa: E402
from gui.context import AppContext  # noqa: E402
from gui.i18n import apply_language  # noqa: E402
from gui.resources import resources_dir  # noqa: E402
from gui.settings import UiSettings  # noqa: E402
from storage.db import open_database  # noqa: E402
from storage.demo import load_demo  # noqa: E402
from storage.periods import PeriodKind, period_for  # noqa: E402

WIDTH, HEIGHT = 1366, 768
DEMO_UNTIL = date(2026, 10, 31)
CATALOG_TABS = ("units", "procedures", "calendar", "quotas")


def settle(until: Callable[[], bool] = lambda: True, timeout: float = 30.0, passes: int = 5) -> None:
    """Run the event loop until ``until()`` holds, then a few more passes (layouts, lazy rows, repaints)."""
    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not finish its work in time")
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(passes):
        QApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, path: Path) -> Path:
    """Grab ``widget`` as drawn and write it as a PNG (palette-reduced with Pillow when available)."""
    settle()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")
    try:
        from PIL import Image
    except ImportError:
        return path
    with Image.open(path) as image:
        # UI pictures hold few colours: an adaptive 256-colour palette keeps text crisp at ~1/3 the size.
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)
    return path


def demo_database(folder: Path) -> Path:
    """A new database file holding the Lượng Minh demo commune."""
    path = folder / "commune-desk.sqlite"
    db = open_database(path)
    with db.sessions.begin() as s:
        load_demo(s, "luong-minh", until=DEMO_UNTIL)
    db.close()
    return path


def use_language(lang: str) -> None:
    apply_language(lang)
    app = QCoreApplication.instance()
    assert app is not None
    QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))


def shoot_wizard(folder: Path, settings: UiSettings, lang: str, out: Path) -> list[Path]:
    """The first-start wizard's first page, on an empty database."""
    from gui.wizard import FirstStartWizard

    ctx = AppContext(open_database(folder / f"empty-{lang}.sqlite"), settings, lang)
    wizard = FirstStartWizard(ctx)
    wizard.show()
    shots = [save(wizard, out / "wizard.png")]
    wizard.close()
    ctx.db.close()
    return shots


def select_row(page: QWidget, row: int) -> None:
    """Select a row of a register as a click would (the form beside it shows the record)."""
    settle(lambda: page.model.rowCount() > row)  # type: ignore[attr-defined]
    page.table.selectRow(row)  # type: ignore[attr-defined]
    page.table.scrollTo(page.model.index(row, 0))  # type: ignore[attr-defined]


def shoot_overdue_list(ctx: AppContext, parent: QWidget, on: date, out: Path) -> Path:
    """The dashboard's list of overdue dossiers (the dialog behind the red card)."""
    from gui.pages.dashboard_overdue import OverdueDialog, OverdueSource

    dialog = OverdueDialog(OverdueSource(ctx, on), on, parent)
    dialog.show()
    path = save(dialog, out / "dashboard-overdue.png")
    dialog.close()
    return path


def shoot_main_window(db_path: Path, settings: UiSettings, lang: str, today: date, out: Path) -> list[Path]:
    """Every page of the main window, in the order of its sidebar."""
    from gui.main_window import MainWindow

    ctx = AppContext(open_database(db_path), settings, lang)
    settings.set(keys.LAST_PAGE, "staff")  # the dashboard is shown (and computed) with a fixed day below
    window = MainWindow(ctx)
    window.resize(WIDTH, HEIGHT)
    window.show()
    shots: list[Path] = []

    dash = window.show_page("dashboard")
    dash.today = lambda: today  # type: ignore[attr-defined]
    dash.show_current_period()  # type: ignore[attr-defined]
    settle(lambda: not dash.is_computing())  # type: ignore[attr-defined]
    shots.append(save(window, out / "dashboard.png"))
    scroll = dash.findChild(QScrollArea)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())  # the charts below the cards
    shots.append(save(window, out / "dashboard-charts.png"))
    scroll.verticalScrollBar().setValue(0)
    shots.append(shoot_overdue_list(ctx, window, today, out))
    dash.selector.set_period(period_for(PeriodKind.MONTH, 2025, 7), emit=True)  # type: ignore[attr-defined]
    settle(lambda: not dash.is_computing())  # type: ignore[attr-defined]
    shots.append(save(window, out / "dashboard-2025-07.png"))

    for key, row in (("staff", 2), ("dossiers", 0), ("equipment", 0), ("proposals", 0)):
        try:
            page = window.show_page(key)
        except ImportError as exc:  # a screen still being written by a colleague
            print(f"skipped {key}: {exc}", file=sys.stderr)
            continue
        select_row(page, row)
        shots.append(save(window, out / f"{key}.png"))

    reports = window.show_page("reports")
    reports.set_period(PeriodKind.MONTH, 2025, 7)  # type: ignore[attr-defined]
    shots.append(save(window, out / "reports-2025-07.png"))

    catalogs = window.show_page("catalogs")
    for key in CATALOG_TABS:
        catalogs.show_tab(key)  # type: ignore[attr-defined]
        shots.append(save(window, out / f"catalogs-{key}.png"))

    window.show_page("settings")
    shots.append(save(window, out / "settings.png"))
    window.close()
    ctx.db.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", nargs="+", default=["vi", "en"], choices=["vi", "en"])
    parser.add_argument(
        "--today",
        default=DEMO_UNTIL.strftime("%d/%m/%Y"),
        help="the day the dashboard's current period is seen on (default: the demo data's last day)",
    )
    args = parser.parse_args(argv)
    today = datetime.strptime(args.today, "%d/%m/%Y").date()
    app = create_app([sys.argv[0]])
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="commune-desk-shots-") as tmp:
        folder = Path(tmp)
        settings = UiSettings(folder / "ui.ini")  # never the user's preferences
        apply_font(app, settings.get(keys.FONT_SIZE))
        db_path = demo_database(folder)
        for lang in args.lang:
            if lang == "en" and not (resources_dir() / "i18n" / "commune_desk_en.qm").exists():
                print("skipped English: resources/i18n/commune_desk_en.qm does not exist yet", file=sys.stderr)
                continue
            use_language(lang)
            settings.set(keys.LANGUAGE, lang)
            out = args.out / lang
            shots = shoot_wizard(folder, settings, lang, out)
            shots += shoot_main_window(db_path, settings, lang, today, out)
            for path in shots:
                print(
                    f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {path.stat().st_size // 1024} KB"
                )
    use_language("vi")
    print(f"done in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
