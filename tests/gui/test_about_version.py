"""Help › About and --version tell the program's version and the database schema revision.

Why: support asks one question on the phone — "which version?" — and the answer must also say
whether another office's database file will open (newer schema: refused) or be upgraded.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from storage.db import head_revision
from storage.version import APP_VERSION

ROOT = Path(__file__).resolve().parents[2]


def _about_text_via_menu(window) -> str:  # type: ignore[no-untyped-def]
    """Open Help › About from the menu bar as a user does; return the box's text and close it."""
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Trợ giúp")
    about = next(a for a in help_menu.actions() if a.text() == "Giới thiệu Commune Desk")
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    about.trigger()  # QMessageBox.about is modal: returns once read_and_close closed it
    assert seen, "no About box appeared"
    return seen[0]


def test_about_shows_version_schema_and_file(main_window) -> None:  # type: ignore[no-untyped-def]
    text = _about_text_via_menu(main_window)
    assert f"Commune Desk {APP_VERSION}" in text
    assert f"Phiên bản cơ sở dữ liệu: {head_revision()}\n" in text
    assert "chương trình này dùng" not in text  # the file is at this program's revision
    assert f"Cơ sở dữ liệu: {Path(main_window.ctx.db.path).resolve()}" in text


def test_about_shows_both_revisions_when_a_newer_program_upgraded_the_file(main_window) -> None:  # type: ignore[no-untyped-def]
    # Another PC with a newer Commune Desk upgraded the shared file while this window was open.
    with sqlite3.connect(main_window.ctx.db.path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    text = _about_text_via_menu(main_window)
    assert f"Phiên bản cơ sở dữ liệu: 0099 (chương trình này dùng {head_revision()})" in text


def test_version_prints_program_and_schema_without_a_database(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--version"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Commune Desk {APP_VERSION} (cơ sở dữ liệu {head_revision()})\n"
    assert list(tmp_path.iterdir()) == []  # no database (nor log) was created for --version
    english = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--lang", "en", "--version"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert english.stdout == f"Commune Desk {APP_VERSION} (database schema {head_revision()})\n"


def test_the_application_has_its_own_window_icon(qapp) -> None:  # type: ignore[no-untyped-def]
    """Title bar, taskbar and Alt+Tab show the Commune Desk icon (a blank one looks like a foreign program)."""
    from PySide6.QtGui import QIcon

    from gui.app import create_app

    qapp.setWindowIcon(QIcon())  # as a fresh application has it
    app = create_app()
    assert not app.windowIcon().isNull()
    assert not app.windowIcon().pixmap(32, 32).isNull()
