"""Starting the desktop application: preferences, language, database, first-start wizard, login, main window.

``--province`` makes an empty database the province's (a commune's database is refused); a database
that already is the province's opens the province screens with or without the flag.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gui import settings as keys
from gui.context import AppContext
from gui.errors import install_excepthook
from gui.i18n import apply_language
from gui.settings import UiSettings
from storage.db import Database, default_db_path
from storage.errors import UserError
from storage.mode import set_province_mode
from storage.province.profile import load_province_profile

log = logging.getLogger("commune_desk.gui")
# Set to "1" to quit as soon as the main window is shown: bench/bench_gui.py times cold starts with it.
EXIT_AFTER_SHOW = "COMMUNE_DESK_EXIT_AFTER_SHOW"
PREFERRED_FONTS = ("Segoe UI", "DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial")


def apply_font(app: QApplication, size: int) -> None:
    """A font with full Vietnamese coverage, at the size the user chose (older clerks read bigger)."""
    families = set(QFontDatabase.families())
    font = QFont(app.font())
    for family in PREFERRED_FONTS:
        if family in families:
            font.setFamily(family)
            break
    font.setPointSize(max(8, min(size, 24)))
    app.setFont(font)


def _setup_logging(folder: Path) -> None:
    try:
        (folder / "logs").mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(folder / "logs" / "commune-desk.log", encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("commune_desk")
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Commune Desk")
    app.setOrganizationName("CommuneDesk")
    from gui.resources import icon

    app.setWindowIcon(icon("app"))  # title bar, taskbar and Alt+Tab show Commune Desk, not a blank window
    return app  # type: ignore[return-value]


def open_context(db_path: Path | None, settings: UiSettings, lang: str) -> AppContext | None:
    """Open the database (checked, then created/upgraded) and wrap it for the screens.

    A damaged database is not opened: its good backups are offered instead (None: the user quit).
    """
    from gui.backup_actions import open_or_recover

    db: Database | None = open_or_recover(db_path, lang)
    return None if db is None else AppContext(db, settings, lang)


def prepare_mode(ctx: AppContext, province: bool) -> None:
    """With ``--province``, make the database the province's; UserError (in Vietnamese) for a commune's."""
    if province and not ctx.is_province:
        with ctx.session() as s:
            set_province_mode(s)
        ctx.forget_mode()


def needs_first_start(ctx: AppContext) -> bool:
    """Nobody declared yet: a commune database without its commune, a province one without its province."""
    ctx.forget_mode()  # the wizard may have just made this database the province's
    if ctx.is_province:
        return ctx.read(load_province_profile) is None
    return ctx.profile() is None


def run_gui(
    db_path: Path | None = None, lang: str | None = None, settings_path: Path | None = None, province: bool = False
) -> int:
    """Run the application until the main window closes; returns the exit code (2: the database was refused)."""
    app = create_app()
    settings = UiSettings(settings_path)
    lang = lang or settings.get(keys.LANGUAGE)
    settings.set(keys.LANGUAGE, lang)
    apply_language(lang)
    apply_font(app, settings.get(keys.FONT_SIZE))
    if db_path is None and settings.get(keys.DB_PATH):
        db_path = Path(settings.get(keys.DB_PATH))
    _setup_logging((db_path or default_db_path()).parent)
    try:
        ctx = open_context(db_path, settings, lang)
    except UserError as exc:
        QMessageBox.critical(None, "Commune Desk", exc.message(lang))
        return 2
    if ctx is None:
        return 2
    try:
        prepare_mode(ctx, province)
    except UserError as exc:
        ctx.db.close()
        QMessageBox.critical(None, "Commune Desk", exc.message(lang))
        return 2
    install_excepthook(lambda: ctx.lang)
    from gui.main_window import MainWindow

    if needs_first_start(ctx):
        from gui.wizard import FirstStartWizard  # only on a first start: it pulls in the demo data

        wizard = FirstStartWizard(ctx, province=ctx.is_province)
        if not wizard.exec() or needs_first_start(ctx):
            ctx.db.close()
            return 0
    if not log_in(ctx):
        ctx.db.close()
        return 1 if os.environ.get(EXIT_AFTER_SHOW) == "1" else 0  # a script's failed login is an error
    window = MainWindow(ctx)
    window.show()
    start_backups(window)
    if os.environ.get(EXIT_AFTER_SHOW) == "1":
        QTimer.singleShot(0, app.quit)  # after the first event-loop pass: the window is up
    code = app.exec()
    ctx.db.close()
    close_reopened()
    return code


def log_in(ctx: AppContext) -> bool:
    """Who is working: the login (or, without any account yet, the administrator's creation). False: quit."""
    from gui.login import log_in_at_start

    return log_in_at_start(ctx)


def start_backups(window: QWidget) -> None:
    """Automatic backups while the program runs (the first a few seconds after the window is up)."""
    from gui.backup_actions import start_auto_backups

    start_auto_backups(window)  # type: ignore[arg-type]


def close_reopened() -> None:
    """Close the databases opened after a restore (each restore replaces the main window and its context)."""
    from gui.backup_actions import close_reopened_contexts

    close_reopened_contexts()
