"""GUI fixtures: a demo database copied per test, an AppContext and the real main window, offscreen."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from gui.context import AppContext
from gui.settings import UiSettings
from storage.db import open_database
from storage.demo import load_demo

DEMO_UNTIL = date(2026, 10, 31)  # fixed, so figures do not move with the calendar


@pytest.fixture(autouse=True)
def _restore_app_font(qapp):  # type: ignore[no-untyped-def]
    """A test that changes the application font (font-size setting) must not leak it to the next."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    saved = QFont(QApplication.font())
    yield
    QApplication.setFont(saved)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Lượng Minh demo data, made once per test session."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(path)
    with db.sessions.begin() as s:
        load_demo(s, "luong-minh", until=DEMO_UNTIL)
    db.close()
    return path


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    return UiSettings(tmp_path / "ui.ini")


@pytest.fixture
def demo_ctx(qapp, demo_template: Path, tmp_path: Path, ui_settings: UiSettings) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    """An AppContext on a private copy of the demo database."""
    path = tmp_path / "commune.sqlite"
    shutil.copy(demo_template, path)
    ctx = AppContext(open_database(path), ui_settings, "vi")
    yield ctx
    ctx.db.close()


@pytest.fixture
def empty_ctx(qapp, tmp_path: Path, ui_settings: UiSettings) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    """An AppContext on a new, empty database (first start)."""
    ctx = AppContext(open_database(tmp_path / "empty.sqlite"), ui_settings, "vi")
    yield ctx
    ctx.db.close()


@pytest.fixture
def main_window(qtbot, demo_ctx: AppContext):  # type: ignore[no-untyped-def]
    """The real main window on the demo data."""
    from gui import settings as keys
    from gui.main_window import MainWindow

    demo_ctx.settings.set(keys.LAST_PAGE, "staff")  # each test opens the page it drives
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=3000)  # shortcuts need an active window
    return window


PROVINCE_DEMO_UNTIL = date(2025, 10, 31)  # four monthly files per demo commune (07–10/2025)


@pytest.fixture(scope="session")
def province_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A province database with the demo: Nghệ An, three communes, their report files imported."""
    from reports.exchange.province_demo import load_province_demo

    path = tmp_path_factory.mktemp("province") / "province.sqlite"
    db = open_database(path)
    load_province_demo(db, until=PROVINCE_DEMO_UNTIL)
    db.close()
    return path


@pytest.fixture
def province_ctx(qapp, province_template: Path, tmp_path: Path, ui_settings: UiSettings) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    """An AppContext on a private copy of the province demo database."""
    path = tmp_path / "province.sqlite"
    shutil.copy(province_template, path)
    ctx = AppContext(open_database(path), ui_settings, "vi")
    yield ctx
    ctx.db.close()
