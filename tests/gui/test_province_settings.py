"""The province settings: profile saved with Enter (and refused with a message next to the field), the
reporting rules with the deadline they give, the trusted commune keys (one forgotten after confirming),
this installation's fingerprint, and the interface language."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui import settings as keys
from gui.i18n import apply_language
from gui.main_window import LAST_PROVINCE_PAGE, MainWindow
from storage.province.profile import load_province_profile
from storage.settings import load_rules
from storage.signing import install_key, list_trusted_keys, short_fingerprint, trusted_key
from tests.gui.typing_helpers import type_text


@pytest.fixture
def window(qtbot, province_ctx):  # type: ignore[no-untyped-def]
    province_ctx.settings.set(LAST_PROVINCE_PAGE, "settings")
    w = MainWindow(province_ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


@pytest.fixture
def page(window):  # type: ignore[no-untyped-def]
    locale = QLocale()
    yield window.current_page()
    apply_language("vi")
    QLocale.setDefault(locale)


def _answer_next_box(button_text: str, seen: list[str]) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(f"{box.text()}\n{box.informativeText()}")
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, click)


def test_profile_is_saved_with_enter_and_long_text_refused(qtbot, window, page) -> None:  # type: ignore[no-untyped-def]
    assert type(page).__name__ == "ProvinceSettingsPage"
    form = page.profile_form
    assert form.province_label.text() == "Tỉnh Nghệ An (40)"  # fixed once set up
    assert form.parent_agency.text() == "UBND TỈNH NGHỆ AN"
    form.signer_name.clear()
    type_text(form.signer_name, "Trần Thị Hoa")
    form.signer_title.selectAll()
    type_text(form.signer_title, "KT. GIÁM ĐỐC – PHÓ GIÁM ĐỐC")
    qtbot.keyClick(form.signer_name, Qt.Key.Key_Return)
    profile = page.ctx.read(load_province_profile)
    assert (profile.signer_name, profile.signer_title) == ("Trần Thị Hoa", "KT. GIÁM ĐỐC – PHÓ GIÁM ĐỐC")
    assert window.statusBar().currentMessage() == "Đã lưu thông tin của tỉnh."

    form.agency.setText("SỞ NỘI VỤ " * 30)  # pasted by mistake: 300 characters
    qtbot.keyClick(form.agency, Qt.Key.Key_Return)
    assert form.problem_texts() == ["Nội dung dài quá 200 ký tự."]
    assert page.ctx.read(load_province_profile).agency == "SỞ NỘI VỤ"  # nothing stored
    assert window.statusBar().currentMessage() == "Chưa lưu: hãy sửa các ô được đánh dấu đỏ."
    qtbot.keyClick(form.agency, Qt.Key.Key_Escape)
    assert form.agency.text() == "SỞ NỘI VỤ" and not form.problem_texts()


def test_rules_saved_and_the_deadline_example_follows(qtbot, window, page) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(1)
    form = page.rules_form
    assert form.report_due_working_days.value() == 2
    before = form.example.text()
    assert before.startswith("Với quy tắc đang lưu: báo cáo Tháng")
    form.report_due_working_days.setFocus()
    form.report_due_working_days.selectAll()
    qtbot.keyClicks(form.report_due_working_days, "5")
    qtbot.keyClick(form.report_due_working_days, Qt.Key.Key_Return)
    rules = page.ctx.read(load_rules)
    assert (rules.report_due_working_days, rules.cutoff_day, rules.same_day_cutoff.hour) == (5, 15, 15)
    assert window.statusBar().currentMessage() == "Đã lưu quy tắc nộp báo cáo."
    assert form.example.text() != before  # three more working days
    form.report_due_working_days.selectAll()
    qtbot.keyClicks(form.report_due_working_days, "9")
    qtbot.keyClick(form.report_due_working_days, Qt.Key.Key_Escape)  # back to what is stored
    assert form.report_due_working_days.value() == 5


def test_trusted_keys_listed_and_one_forgotten_after_confirming(qtbot, window, page) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(2)
    own = page.ctx.read(lambda s: install_key(s).fingerprint)
    assert page.own_fingerprint.text() == short_fingerprint(own)
    page.copy_button.click()
    assert QApplication.clipboard().text() == short_fingerprint(own)
    model = page.keys_model
    rows = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert rows == ["Xã Chiêu Lưu (16855)", "Xã Con Cuông (17254)", "Xã Lượng Minh (16906)"]
    assert model.index(0, 2).data() == "Tệp báo cáo đầu tiên"
    stored = page.ctx.read(lambda s: trusted_key(s, "16906"))
    assert model.index(2, 1).data() == short_fingerprint(stored.fingerprint)

    page.keys_table.selectRow(2)
    seen: list[str] = []
    _answer_next_box("Giữ nguyên", seen)
    assert not page.forget_selected()
    assert page.ctx.read(lambda s: trusted_key(s, "16906")) is not None
    assert "tin cậy lần đầu" in seen[0]

    _answer_next_box("Bỏ tin cậy", seen)
    page.forget_button.click()
    assert seen[1].startswith(f"Bỏ tin cậy khóa {short_fingerprint(stored.fingerprint)} của Xã Lượng Minh (16906)?")
    assert page.ctx.read(lambda s: trusted_key(s, "16906")) is None
    assert [k.owner for k in page.ctx.read(list_trusted_keys)] == ["16855", "17254"]
    assert model.rowCount() == 2
    assert window.statusBar().currentMessage() == "Đã bỏ tin cậy khóa của Xã Lượng Minh (16906)."


def test_language_switch_in_the_province_settings(qtbot, window, page) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(3)
    page.language.setFocus()
    page.set_language("en")
    assert page.ctx.lang == "en"
    assert page.ctx.settings.get(keys.LANGUAGE) == "en"
    qtbot.waitUntil(lambda: window.sidebar.item(5).text() == "Communes", timeout=3000)
    assert page.tabs.tabText(0) == "Province"
    assert page.language.currentData() == "en"
    page.set_language("vi")
    qtbot.waitUntil(lambda: window.sidebar.item(5).text() == "Danh sách xã", timeout=3000)
    assert page.tabs.tabText(0) == "Thông tin tỉnh"
