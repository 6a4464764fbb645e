"""Province mode from the start: ``--province`` on an empty database runs the province wizard and opens the
province screens; a commune's database is refused with a clear message; a province database opens its
screens without the flag; the wizard's province choice works from the keyboard."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

import gui.app as app_module
import gui.main_window as main_window_module
import gui.province.setup_pages as setup_pages
from gui import settings as keys
from gui.login import LoginDialog
from gui.main_window import LAST_PROVINCE_PAGE, PAGES, PROVINCE_PAGES, MainWindow
from gui.settings import UiSettings
from gui.wizard import PROVINCE_DEMO, PROVINCE_PROFILE, PROVINCE_START, FirstStartWizard
from storage.auth import create_user
from storage.db import open_database
from storage.mode import DatabaseMode, database_mode, set_province_mode
from storage.models import CommuneProfile, ProvinceCommune
from storage.profile import ProfileData, save_profile
from storage.province.profile import ProvinceProfile, load_province_profile, save_province_profile
from storage.province.registry import list_communes
from storage.vocab import UserRole
from tests.gui.account_helpers import CODE_PATTERN, finish_with_admin
from tests.gui.typing_helpers import type_text

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support propagateSizeHints",
)

PROVINCE_SIDEBAR = [
    "Tổng quan",
    "Nhận báo cáo",
    "Tình hình nộp",
    "Báo cáo tổng hợp",
    "Kiến nghị của xã",
    "Danh sách xã",
    "Cài đặt",
]


@pytest.fixture
def started(qapp, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    """run_gui as main.py calls it, returning once the main window is up; yields the windows it opened.

    The event loop is not entered: quitting it would leave the application closing for the next tests.
    """
    windows: list[MainWindow] = []

    class Recorded(MainWindow):
        def __init__(self, ctx):  # type: ignore[no-untyped-def]
            super().__init__(ctx)
            windows.append(self)

    monkeypatch.setattr(main_window_module, "MainWindow", Recorded)
    monkeypatch.setattr(qapp, "exec", lambda: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    handlers = list(logging.getLogger("commune_desk").handlers)
    yield windows
    for w in windows:
        w.close()
        w.deleteLater()
    root = logging.getLogger("commune_desk")
    for h in root.handlers[:]:
        if h not in handlers:
            root.removeHandler(h)
            h.close()


def _ui_settings(tmp_path: Path) -> Path:
    """Preferences that open the communes page first (the other province pages are not under test here)."""
    path = tmp_path / "ui.ini"
    settings = UiSettings(path)
    settings.set(LAST_PROVINCE_PAGE, "communes")
    settings.sync()
    return path


def _when_modal(check: Callable[[QDialog], bool], act: Callable[[QDialog], None]) -> None:
    """Run ``act`` on the first visible top-level dialog passing ``check`` (run_gui's wizard.exec() blocks)."""

    def tick() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog) and w.isVisible() and check(w):
                act(w)
                return
        QTimer.singleShot(20, tick)

    QTimer.singleShot(0, tick)


def test_province_flag_on_an_empty_database_runs_the_province_wizard(qtbot, tmp_path, started) -> None:  # type: ignore[no-untyped-def]
    db_path = tmp_path / "tinh.sqlite"
    seen: dict[str, object] = {}

    def fill(wizard: FirstStartWizard) -> None:
        seen["first_page"] = wizard.currentId()
        seen["back_hidden"] = not wizard.button(wizard.WizardButton.BackButton).isVisible()
        qtbot.keyClick(wizard.province_start_page.own, Qt.Key.Key_Return)  # declare my province
        seen["second_page"] = wizard.currentId()
        form = wizard.province_profile_page.form
        qtbot.keyClicks(form.province.lineEdit(), "nghe an")  # typed, not picked from the list
        form.province.completer().popup().hide()
        type_text(form.signer_name, "Nguyễn Văn Bình")
        qtbot.keyClick(form.signer_name, Qt.Key.Key_Return)  # Enter = store, then the administrator
        seen["code"] = finish_with_admin(qtbot, wizard, "binh.nv")

    _when_modal(lambda w: isinstance(w, FirstStartWizard), fill)
    code = app_module.run_gui(db_path=db_path, lang="vi", settings_path=_ui_settings(tmp_path), province=True)

    assert code == 0
    assert CODE_PATTERN.match(str(seen.pop("code")))
    assert seen == {"first_page": PROVINCE_START, "back_hidden": True, "second_page": PROVINCE_PROFILE}
    [window] = started
    assert window.ctx.actor is not None and window.ctx.actor.username == "binh.nv"  # no second login
    assert window.accounts.status.text() == "binh.nv – Quản trị"
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == PROVINCE_SIDEBAR
    assert window.windowTitle() == "Commune Desk – Tỉnh Nghệ An – tổng hợp báo cáo các xã"
    assert window.current_page().model.total() == 130  # every commune and ward of Nghệ An was added
    db = open_database(db_path)
    try:
        with db.sessions.begin() as s:
            assert database_mode(s) == DatabaseMode.PROVINCE
            profile = load_province_profile(s)
            assert (profile.code, profile.name, profile.signer_name) == ("40", "Nghệ An", "Nguyễn Văn Bình")
            assert profile.parent_agency == "UBND TỈNH NGHỆ AN"
            assert len(list_communes(s)) == 130
    finally:
        db.close()


def test_a_commune_database_is_refused_in_province_mode(qtbot, tmp_path, started, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db_path = tmp_path / "xa.sqlite"
    db = open_database(db_path)
    with db.sessions.begin() as s:
        save_profile(s, ProfileData(code="16906", signer_title="CHỦ TỊCH"))
    db.close()
    shown: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))

    code = app_module.run_gui(db_path=db_path, lang="vi", settings_path=_ui_settings(tmp_path), province=True)

    assert code == 2
    assert shown == ["Cơ sở dữ liệu này là của một xã, không dùng được cho chế độ tỉnh. Hãy chọn tệp khác (--db)."]
    assert started == []  # no window opened
    db = open_database(db_path)
    try:
        with db.sessions.begin() as s:
            assert database_mode(s) == DatabaseMode.COMMUNE  # untouched
    finally:
        db.close()


def test_a_province_database_opens_its_screens_without_the_flag(qtbot, tmp_path, started) -> None:  # type: ignore[no-untyped-def]
    db_path = tmp_path / "tinh.sqlite"
    db = open_database(db_path)
    with db.sessions.begin() as s:
        set_province_mode(s)
        save_province_profile(s, ProvinceProfile(code="40"))
        create_user(s, "binh.nv", "Nguyễn Văn Bình", UserRole.OFFICER, "matkhau-2025")
    db.close()
    settings_path = _ui_settings(tmp_path)
    UiSettings(settings_path).set(keys.LAST_PAGE, "staff")  # a commune page remembered from another database

    def log_in(dialog: LoginDialog) -> None:
        qtbot.keyClicks(dialog.username, "binh.nv")
        qtbot.keyClicks(dialog.password, "matkhau-2025")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    _when_modal(lambda w: isinstance(w, LoginDialog), log_in)
    assert app_module.run_gui(db_path=db_path, lang="vi", settings_path=settings_path) == 0

    [window] = started
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == PROVINCE_SIDEBAR
    assert type(window.current_page()).__name__ == "CommunesPage"  # the province's last page, not "staff"
    assert "Tỉnh Nghệ An" in window._status_commune.text()
    assert window.accounts.status.text() == "binh.nv – Lãnh đạo"


@pytest.fixture
def wizard(qtbot, empty_ctx):  # type: ignore[no-untyped-def]
    w = FirstStartWizard(empty_ctx)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)  # arrow keys move between radio buttons of the active window
    return w


def test_province_is_the_third_choice_of_the_commune_wizard(qtbot, wizard, empty_ctx) -> None:  # type: ignore[no-untyped-def]
    start = wizard.start_page
    start.own.setFocus()
    qtbot.keyClick(start.own, Qt.Key.Key_Down)
    qtbot.keyClick(start.demo, Qt.Key.Key_Down)  # arrow keys walk the three choices
    assert start.province.isChecked()
    qtbot.keyClick(start.province, Qt.Key.Key_Return)
    assert wizard.currentId() == PROVINCE_START
    qtbot.keyClick(wizard.province_start_page.own, Qt.Key.Key_Return)
    page = wizard.province_profile_page
    form = page.form

    qtbot.keyClick(form.signer_name, Qt.Key.Key_Return)  # nothing chosen yet
    assert wizard.currentId() == PROVINCE_PROFILE
    assert form.problem_texts() == ["Chưa chọn tỉnh, thành phố: gõ vài chữ của tên (không cần dấu) rồi chọn."]
    qtbot.keyClicks(form.province.lineEdit(), "ha")
    form.province.completer().popup().hide()
    qtbot.keyClick(form.signer_name, Qt.Key.Key_Return)
    assert "khớp 12 tỉnh, thành phố" in form.problem_texts()[0]

    form.province.lineEdit().clear()
    form.province.lineEdit().setFocus()
    qtbot.keyClicks(form.province.lineEdit(), "nghe")
    popup = form.province.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # picked from the list
    assert form.province.currentText() == "Nghệ An"
    assert "130 xã, phường sẽ được thêm" in page.seed_note.text()
    page.seed.setChecked(False)  # the communes will be imported from a file later
    qtbot.keyClick(form.agency, Qt.Key.Key_Return)
    finish_with_admin(qtbot, wizard)
    assert wizard.result() == QDialog.DialogCode.Accepted

    assert empty_ctx.is_province
    assert empty_ctx.read(load_province_profile).name == "Nghệ An"
    counts = empty_ctx.read(
        lambda s: (
            s.scalar(select(func.count()).select_from(ProvinceCommune)),
            s.scalar(select(func.count()).select_from(CommuneProfile)),
        )
    )
    assert counts == (0, 0)


def test_province_demo_loads_in_the_background(qtbot, empty_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    calls: list[object] = []

    def fake_demo(db, *, step=None):  # type: ignore[no-untyped-def]
        """The real demo takes half a minute (tests/gui/conftest.py builds it once): same effect, quickly."""
        calls.append(db)
        for text in ("a", "b", "c", "d"):
            step(text)
        release.wait(10)
        with db.sessions.begin() as s:
            set_province_mode(s)
            save_province_profile(s, ProvinceProfile(code="40"))
        return setup_pages.ProvinceDemoResult(3, 12, 12, ["2025-07"])

    monkeypatch.setattr(setup_pages, "load_province_demo", fake_demo)
    w = FirstStartWizard(empty_ctx, province=True)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    start = w.province_start_page
    start.own.setFocus()
    qtbot.keyClick(start.own, Qt.Key.Key_Down)
    assert start.demo.isChecked()
    qtbot.keyClick(start.demo, Qt.Key.Key_Return)
    assert w.currentId() == PROVINCE_DEMO
    finish = w.button(w.WizardButton.FinishButton)
    assert finish.text() == "Nạp dữ liệu mẫu"
    finish.click()
    assert w.province_demo_page.task is not None
    w.reject()  # refused while the database is being written
    assert w.isVisible()
    release.set()
    qtbot.waitUntil(lambda: w.result() == QDialog.DialogCode.Accepted, timeout=10000)
    assert calls == [empty_ctx.db]
    assert empty_ctx.is_province
    assert w.province_demo_page.state.text() == "Đã nạp 3 xã mẫu và nhận 12 tệp báo cáo."


def test_province_main_window_pages_shortcuts_and_status(qtbot, province_ctx) -> None:  # type: ignore[no-untyped-def]
    province_ctx.settings.set(LAST_PROVINCE_PAGE, "communes")
    province_ctx.settings.set(keys.LAST_PAGE, "equipment")
    window = MainWindow(province_ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    assert window.pages is PROVINCE_PAGES and PAGES[1].key == "staff"  # the commune pages are unchanged
    assert [p.target for p in PROVINCE_PAGES][5:] == [
        "gui.province.communes:CommunesPage",
        "gui.province.settings_page:ProvinceSettingsPage",
    ]
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == PROVINCE_SIDEBAR
    assert window._status_commune.text() == "Tỉnh Nghệ An – tổng hợp báo cáo các xã"
    assert window._status_db.text() == "Tệp dữ liệu: province.sqlite"
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.currentRow() == 6
    assert type(window.current_page()).__name__ == "ProvinceSettingsPage"
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert type(window.current_page()).__name__ == "CommunesPage"
    assert province_ctx.settings.get(LAST_PROVINCE_PAGE) == "communes"
    assert province_ctx.settings.get(keys.LAST_PAGE) == "equipment"  # the commune's last page is kept
    # Toolbar and menu actions follow the page: a register can add and delete, the settings cannot.
    assert window.a_new.isEnabled() and window.a_delete.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert not window.a_new.isEnabled() and not window.a_delete.isEnabled() and not window.a_import.isEnabled()
