"""The settings screen: profile saved from the keyboard, language and font switched at once,
rule changes reaching the reports screen and the stored due dates, the data folder opened."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import time
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import QLocale, QObject, Qt, QTime, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

import gui.i18n
import gui.pages.settings_page as settings_page
from gui import settings as keys
from gui.i18n import apply_language
from gui.widgets.heading import PAGE_HEADING, SECTION_HEADING
from storage.models import Dossier
from storage.periods import PeriodKind
from storage.settings import load_rules
from tests.gui.typing_helpers import type_text

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context><name>MainWindow</name>
<message><source>Nhân sự</source><translation>Staff</translation></message>
<message><source>Cài đặt</source><translation>Settings</translation></message>
</context>
<context><name>SettingsPage</name>
<message><source>Cài đặt</source><translation>Settings</translation></message>
</context>
</TS>
"""


@pytest.fixture
def settings(main_window):  # type: ignore[no-untyped-def]
    locale, font = QLocale(), QApplication.font()
    page = main_window.show_page("settings")
    yield page
    apply_language("vi")  # translators, locale and font are process-wide: put them back for the next tests
    QLocale.setDefault(locale)
    QApplication.setFont(font)


@pytest.fixture
def resources(tmp_path, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    """A resources folder the test controls (the real English .qm is compiled later from the sources)."""
    folder = tmp_path / "resources"
    (folder / "i18n").mkdir(parents=True)
    monkeypatch.setattr(gui.i18n, "resources_dir", lambda: folder)
    monkeypatch.setattr(settings_page, "resources_dir", lambda: folder)
    return folder


def _lrelease() -> str:
    found = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")
    if found is None:
        pytest.skip("pyside6-lrelease is not installed")
    return found


def test_signer_is_saved_with_enter(qtbot, main_window, settings) -> None:  # type: ignore[no-untyped-def]
    form = settings.profile_form
    assert form.commune.text().startswith("Xã Lượng Minh – Nghệ An (mã xã 16906")
    form.signer_name.clear()
    type_text(form.signer_name, "Vi Văn Sơn")
    form.signer_title.selectAll()
    type_text(form.signer_title, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH".replace("\n", " – "))
    qtbot.keyClick(form.signer_name, Qt.Key.Key_Return)
    profile = settings.ctx.profile()
    assert (profile.signer_name, profile.signer_title) == ("Vi Văn Sơn", "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH")
    assert main_window.statusBar().currentMessage() == "Đã lưu thông tin Xã Lượng Minh."


def test_poor_share_follows_typing_and_bad_counts_are_refused(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    form = settings.profile_form
    assert form.poor_share.text() in ("83,8%", "83.8%")  # 975 of 1,163 households
    form.poor_households.clear()
    qtbot.keyClicks(form.poor_households, "1000")
    assert form.poor_share.text().startswith("109")
    qtbot.keyClick(form.poor_households, Qt.Key.Key_Return)
    assert any("lớn hơn tổng số hộ" in t for t in form.problem_texts()), form.problem_texts()
    assert settings.ctx.profile().poor_households == 702  # nothing stored
    qtbot.keyClick(form.poor_households, Qt.Key.Key_Escape)  # Esc: back to what is stored
    assert form.poor_households.text() == "702" and not form.problem_texts()


def test_language_switch_retranslates_the_main_window(qtbot, main_window, settings, resources) -> None:  # type: ignore[no-untyped-def]
    ts = resources / "i18n" / "commune_desk_en.ts"
    ts.write_text(TS, encoding="utf-8")
    qm = resources / "i18n" / "commune_desk_en.qm"
    subprocess.run([_lrelease(), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    assert main_window.sidebar.item(1).text() == "Nhân sự"
    settings.language.setFocus()
    qtbot.keyClick(settings.language, Qt.Key.Key_Down)  # Tiếng Việt -> English
    assert settings.ctx.lang == "en"
    assert settings.ctx.settings.get(keys.LANGUAGE) == "en"
    qtbot.waitUntil(lambda: main_window.sidebar.item(1).text() == "Staff", timeout=3000)
    assert settings.heading.text() == "Settings"
    assert "không cần khởi động lại" in settings.language_note.text()  # untranslated in this small .qm
    qtbot.keyClick(settings.language, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: main_window.sidebar.item(1).text() == "Nhân sự", timeout=3000)
    assert settings.ctx.settings.get(keys.LANGUAGE) == "vi"


def test_english_without_translation_file_still_switches_data_labels(qtbot, main_window, settings, resources) -> None:  # type: ignore[no-untyped-def]
    staff = main_window.page("staff")
    assert staff.f_category.itemText(1) == "Cán bộ"
    settings.set_language("en")
    qtbot.waitUntil(lambda: staff.f_category.itemText(1) == "Elected official", timeout=3000)
    assert main_window.sidebar.item(1).text() == "Nhân sự"  # no .qm: interface texts stay Vietnamese
    assert "chưa có tệp bản dịch" in settings.language_note.text()
    assert settings.ctx.settings.get(keys.LANGUAGE) == "en"


def test_font_size_applies_at_once(qtbot, main_window, settings) -> None:  # type: ignore[no-untyped-def]
    settings.tabs.setCurrentIndex(1)
    settings.font_size.setFocus()
    settings.font_size.selectAll()
    qtbot.keyClicks(settings.font_size, "14")
    qtbot.keyClick(settings.font_size, Qt.Key.Key_Return)
    assert settings.font_size.value() == 14
    qtbot.waitUntil(lambda: QApplication.font().pointSize() == 14, timeout=5000)
    assert settings.ctx.settings.get(keys.FONT_SIZE) == 14
    qtbot.waitUntil(lambda: settings.font_caption.font().pointSize() == 14, timeout=5000)
    # Headings stay visibly larger than the text at the new size (style sheets' "140%" would be ignored).
    assert settings.heading.font().pointSizeF() == pytest.approx(14 * PAGE_HEADING)
    assert settings.heading.font().bold()
    staff = main_window.page("staff")
    assert staff.heading.font().pointSizeF() == pytest.approx(14 * PAGE_HEADING)
    assert staff.form.heading.font().pointSizeF() == pytest.approx(14 * SECTION_HEADING)
    qtbot.waitUntil(lambda: main_window.sidebar.font().pointSize() == 14, timeout=5000)


def test_cutoff_day_moves_the_reports_period(qtbot, main_window, settings) -> None:  # type: ignore[no-untyped-def]
    reports = main_window.show_page("reports")
    reports.set_period(PeriodKind.MONTH, 2025, 7)
    assert reports.period_line.text() == "Tháng 7 năm 2025 (Từ ngày 15/06/2025 đến ngày 14/07/2025)"
    main_window.show_page("settings")
    form = settings.rules_form
    settings.tabs.setCurrentIndex(2)
    form.cutoff_day.setFocus()
    form.cutoff_day.selectAll()
    qtbot.keyClicks(form.cutoff_day, "20")
    qtbot.keyClick(form.cutoff_day, Qt.Key.Key_Return)
    assert settings.ctx.read(load_rules).cutoff_day == 20
    assert main_window.statusBar().currentMessage() == "Đã lưu quy tắc nghiệp vụ."
    main_window.show_page("reports")
    assert reports.period_line.text() == "Tháng 7 năm 2025 (Từ ngày 20/06/2025 đến ngày 19/07/2025)"
    assert "từ ngày 20" in reports.official.text()


def test_same_day_cutoff_recomputes_stored_due_dates(qtbot, main_window, settings) -> None:  # type: ignore[no-untyped-def]
    ctx = settings.ctx
    due = lambda: dict(ctx.read(lambda s: s.execute(select(Dossier.id, Dossier.due_date_computed)).all()))  # noqa: E731
    before = due()
    form = settings.rules_form
    form.same_day_cutoff.setTime(QTime(8, 0))  # same-day procedures received after 08:00 move a day
    assert settings.save_rules()
    qtbot.waitUntil(lambda: settings.task is None, timeout=30000)
    assert ctx.read(load_rules).same_day_cutoff == time(8, 0)
    after = due()
    changed = sum(1 for k in before if before[k] != after[k])
    assert changed > 0
    assert main_window.statusBar().currentMessage().endswith(f"{changed} hồ sơ thay đổi hạn.")
    assert form.isEnabled()


def test_invalid_rules_are_refused(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    form = settings.rules_form
    form.same_day_cutoff.setTime(QTime(18, 0))  # after the end of office hours
    assert not settings.save_rules()
    assert any("trước giờ hết giờ làm việc" in t for t in form.problem_texts())
    assert settings.ctx.read(load_rules).same_day_cutoff == time(15, 0)


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_data_tab_shows_paths_and_opens_the_folder(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    settings.tabs.setCurrentIndex(3)
    assert settings.db_path.text() == str(settings.ctx.db.path) and settings.db_path.isReadOnly()
    assert settings.log_path.text().endswith("commune-desk.log")
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        qtbot.mouseClick(settings.open_data_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in opened.urls] == [str(settings.ctx.db.path.parent)]
