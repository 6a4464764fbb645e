"""The interface language end to end, with the real committed translations.

Switching to English in Settings turns what the clerk sees into English on every screen already
built (sidebar, menus, registers, dashboard, reports) and back again; Qt's own buttons and dialogs
speak Vietnamese; the .ts files are complete, cover every string of gui/, and the committed .qm files
are exactly what lrelease makes of them.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFileSystemModel,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from gui.i18n import apply_language
from gui.main_window import PAGES
from tools.update_translations import APP_TS, QT_TS, lrelease, lupdate, placeholders

SIDEBAR_VI = ["Tổng quan", "Nhân sự", "Hồ sơ TTHC", "Trang thiết bị", "Khó khăn & kiến nghị", "Báo cáo", "Danh mục"]
SIDEBAR_EN = ["Overview", "Staff", "Dossiers", "Equipment", "Difficulties & proposals", "Reports", "Catalogues"]


@pytest.fixture
def restore_language() -> Iterator[None]:
    """Translators and the default locale are process-wide: leave them as the application starts."""
    locale = QLocale()
    yield
    apply_language("vi")
    QLocale.setDefault(locale)


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) of every message that is not vanished/obsolete."""
    found = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            if tr.get("type") not in ("vanished", "obsolete"):
                found.append((ctx.findtext("name", ""), msg.findtext("source", ""), tr))
    return found


class Catalog:
    """Recognises interface texts of one language: exact strings and filled-in {placeholder} patterns."""

    def __init__(self, texts: set[str], other_language: set[str] | None = None) -> None:
        self.exact = {t.replace("&", "") for t in texts if "{" not in t} - (other_language or set())
        self.patterns = []
        for t in texts:
            parts = re.split(r"\{[a-z_0-9]*\}", t)
            if len(parts) > 1 and sum(len(p.strip(" ,.:;()–/")) for p in parts) >= 4:
                self.patterns.append(re.compile("^" + ".*".join(re.escape(p) for p in parts) + "$", re.S))

    def knows(self, text: str) -> bool:
        text = re.sub(r"\n\(\d+\)$", "", text).replace("&", "")  # report column numbers, mnemonics
        return text in self.exact or any(p.match(text) for p in self.patterns)


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every interface text of ``root`` and its children, shown or on hidden pages."""
    for w in [root, *root.findChildren(QWidget)]:
        where = type(w).__name__
        found: list[str] = [w.toolTip()]
        if isinstance(w, QLabel | QAbstractButton):
            found.append(w.text())
        if isinstance(w, QLineEdit):
            found.append(w.placeholderText())
        if isinstance(w, QGroupBox):
            found.append(w.title())
        if isinstance(w, QTabWidget):
            found += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QComboBox):  # editable combos list data (field names...): only what is shown
            found += [w.currentText()] if w.isEditable() else [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount()
            except TypeError:  # list models keep columnCount private in PySide6
                columns = 1
            found += [str(model.headerData(i, Qt.Orientation.Horizontal) or "") for i in range(columns)]
        found += [a.text() for a in w.actions()]
        yield from ((where, t) for t in found if t)


def _catalogs() -> tuple[Catalog, Catalog]:
    """(Vietnamese sources, English translations) of the interface."""
    pairs = [(src, tr.text or "") for _c, src, tr in _messages(APP_TS)]
    vi = {s for s, _t in pairs}
    en = {t for _s, t in pairs}
    return Catalog(vi), Catalog(en, other_language=vi)  # "Excel (*.xlsx)" is the same in both


def _switch(qtbot, window, settings, key: Qt.Key, staff_title: str) -> None:  # type: ignore[no-untyped-def]
    """Pick the other language in Settings › Interface with the keyboard, as a clerk would."""
    settings.tabs.setCurrentIndex(1)
    settings.language.setFocus()
    qtbot.keyClick(settings.language, key)
    qtbot.waitUntil(lambda: window.sidebar.item(1).text() == staff_title, timeout=3000)


def test_english_and_back_on_every_screen(qtbot, main_window, restore_language) -> None:  # type: ignore[no-untyped-def]
    for spec in PAGES:
        main_window.page(spec.key)  # every screen built in Vietnamese first, so all must retranslate
    staff = main_window.show_page("staff")
    rect = staff.table.visualRect(staff.model.index(0, 0))
    qtbot.mouseClick(staff.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    name = staff.model.index(0, 0).data()
    assert staff.form.heading.text() == f"Sửa: {name}"
    settings, dashboard, reports = (main_window.page(k) for k in ("settings", "dashboard", "reports"))
    vi, en = _catalogs()

    _switch(qtbot, main_window, settings, Qt.Key.Key_Down, "Staff")  # Tiếng Việt -> English
    assert settings.ctx.lang == "en"
    assert [main_window.sidebar.item(i).text() for i in range(7)] == SIDEBAR_EN
    assert [m.title() for m in (main_window.m_file, main_window.m_edit, main_window.m_view, main_window.m_help)] == [
        "&File",
        "&Edit",
        "&View",
        "&Help",
    ]
    assert (main_window.a_new.text(), main_window.a_refresh.text()) == ("New", "Refresh")
    assert main_window._status_period.text().startswith("Current period: ")
    # the staff register: heading, buttons, filters, columns, and the form showing a record
    assert staff.heading.text() == "Staff"
    assert (staff.new_button.text(), staff.delete_button.text()) == ("New (Ctrl+N)", "Delete (Del)")
    assert staff.search.placeholderText() == "Search (accents optional)… Ctrl+F"
    assert staff.f_unit.currentText() == "All units" and staff.f_in_post.text() == "In post on"
    headers = [staff.model.headerData(i, Qt.Orientation.Horizontal) for i in range(staff.model.columnCount())]
    assert headers[:4] == ["Full name", "Sex", "Date of birth", "Position"]
    assert staff.count_label.text().endswith(" records")
    assert staff.form.heading.text() == f"Edit: {name}"
    caption = next(c for c in staff.form.findChildren(QLabel) if c.buddy() is staff.form.full_name)
    assert caption.text() == "Full name *"
    assert staff.form.unit.lineEdit().placeholderText() == "Type a few letters, accents optional…"
    # the dashboard and the reports
    dashboard_texts = {t for _w, t in _texts(dashboard)}
    assert {"Overview", "Dossiers received", "On-time rate", "Staff, equipment and proposals"} <= dashboard_texts
    assert [reports.tabs.tabText(i) for i in range(4)] == [
        "1. Administrative procedure results",
        "2. Staff",
        "3. Equipment",
        "4. Difficulties and proposals",
    ]
    table = reports.dossiers.table
    assert [table.model().headerData(i, Qt.Orientation.Horizontal) for i in (0, 2, 7)] == [
        "No.\n(1)",
        "Total\n(3)",
        "Early\n(8)",
    ]
    assert settings.language_note.text() == "Language changes take effect at once, without restarting."
    left = sorted({(w, t) for w, t in _texts(main_window) if vi.knows(t)})
    assert not left, f"still Vietnamese after switching to English: {left}"

    _switch(qtbot, main_window, settings, Qt.Key.Key_Up, "Nhân sự")  # and back
    assert settings.ctx.lang == "vi"
    assert [main_window.sidebar.item(i).text() for i in range(7)] == SIDEBAR_VI
    assert main_window.m_file.title() == "&Tệp"
    assert (staff.heading.text(), staff.new_button.text()) == ("Nhân sự", "Thêm mới (Ctrl+N)")
    assert staff.form.heading.text() == f"Sửa: {name}"
    assert staff.model.headerData(0, Qt.Orientation.Horizontal) == "Họ và tên"
    assert "Hồ sơ tiếp nhận" in {t for _w, t in _texts(dashboard)}
    assert reports.tabs.tabText(0) == "1. Kết quả giải quyết TTHC"
    left = sorted({(w, t) for w, t in _texts(main_window) if en.knows(t)})
    assert not left, f"still English after switching back to Vietnamese: {left}"


def _answer_box(seen: dict[str, list[str]], click: QMessageBox.StandardButton) -> None:
    """Note the buttons of the next message box, then answer it."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen["buttons"] = [b.text() for b in box.buttons()]
        box.button(click).click()

    QTimer.singleShot(0, answer)


def test_qt_buttons_and_dialogs_speak_vietnamese(qtbot, restore_language) -> None:  # type: ignore[no-untyped-def]
    yes_no = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    apply_language("vi")
    seen: dict[str, list[str]] = {}
    _answer_box(seen, QMessageBox.StandardButton.No)
    assert QMessageBox.question(None, "Commune Desk", "Xóa bản ghi?", yes_no) == QMessageBox.StandardButton.No
    assert sorted(seen["buttons"]) == ["&Có", "&Không"]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert sorted(b.text() for b in box.buttons()) == ["Hủy", "Đồng ý"]
    edit = QLineEdit("abc")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    assert {"&Hoàn tác", "&Sao chép", "&Dán", "Chọn tất cả"} <= {a.text().split("\t")[0] for a in menu.actions()}
    model = QFileSystemModel()
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)] == [
        "Tên",
        "Kích thước",
        "Loại",
        "Ngày sửa",
    ]
    dialog = QFileDialog(None, "Chọn tệp")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert {"&Tìm trong:", "&Tên tệp:", "&Loại tệp:"} <= {label.text() for label in dialog.findChildren(QLabel)}

    apply_language("en")  # Qt's English texts come back
    _answer_box(seen, QMessageBox.StandardButton.Yes)
    assert QMessageBox.question(None, "Commune Desk", "Delete?", yes_no) == QMessageBox.StandardButton.Yes
    assert sorted(seen["buttons"]) == ["&No", "&Yes"]


@pytest.mark.parametrize("ts", [APP_TS, QT_TS], ids=lambda p: p.name)
def test_every_string_is_translated_with_its_placeholders(ts: Path) -> None:
    messages = _messages(ts)
    assert len(messages) > (600 if ts == APP_TS else 100)
    unfinished = [(c, s) for c, s, tr in messages if tr.get("type") == "unfinished" or not (tr.text or "").strip()]
    assert not unfinished, f"{ts.name}: untranslated {unfinished}"
    broken = [(c, s, tr.text) for c, s, tr in messages if placeholders(s) != placeholders(tr.text or "")]
    assert not broken, f"{ts.name}: placeholders lost or invented {broken}"


@pytest.mark.parametrize("ts", [APP_TS, QT_TS], ids=lambda p: p.name)
def test_committed_qm_is_compiled_from_the_ts(ts: Path, tmp_path: Path) -> None:
    qm = tmp_path / ts.with_suffix(".qm").name
    lrelease(ts, qm)
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run tools/update_translations.py"


def test_ts_holds_every_string_of_the_gui(tmp_path: Path) -> None:
    """A string added to gui/ without running tools/update_translations.py would stay Vietnamese."""
    copy = tmp_path / APP_TS.name
    shutil.copy(APP_TS, copy)
    lupdate(copy)
    before = {(c, s) for c, s, _t in _messages(APP_TS)}
    after = {(c, s) for c, s, _t in _messages(copy)}
    assert not after - before, f"new strings: run tools/update_translations.py and translate {sorted(after - before)}"
    assert not before - after, f"strings gone from gui/: run tools/update_translations.py {sorted(before - after)}"
