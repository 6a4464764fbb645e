"""The staff register driven like a clerk would: type, search without diacritics, edit, delete, undo."""

from __future__ import annotations

from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from storage.models import Staff
from tests.gui.typing_helpers import type_text


def _answer_next_box(qtbot, button_text: str) -> None:  # type: ignore[no-untyped-def]
    """Click the button labelled ``button_text`` in the next modal message box."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        for b in box.buttons():
            if b.text() == button_text:
                b.click()
                return

    QTimer.singleShot(0, click)


def test_create_find_edit_delete_undo(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("staff")
    ctx = page.ctx
    before = page.model.total()
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N
    form = page.form
    type_text(form.full_name, "Hà Thị Ước")
    type_text(form.position, "Chuyên viên Tư pháp – Hộ tịch")
    qtbot.keyClick(form.full_name, Qt.Key.Key_Return)  # Enter saves
    assert page.model.total() == before + 1
    assert ctx.read(lambda s: s.scalar(select(Staff.id).where(Staff.full_name == "Hà Thị Ước"))) is not None
    assert form.full_name.text() == ""  # ready for the next record

    qtbot.keyClicks(page.search, "ha thi uoc")  # no diacritics
    qtbot.waitUntil(lambda: page.model.total() == 1, timeout=3000)
    assert page.model.row_at(0).full_name == "Hà Thị Ước"

    page.table.selectRow(0)
    assert form.full_name.text() == "Hà Thị Ước"
    form.full_name.clear()
    type_text(form.full_name, "Hà Thị Ưng")
    assert page.save_current()
    assert ctx.read(lambda s: s.scalar(select(Staff.id).where(Staff.full_name == "Hà Thị Ưng"))) is not None

    page.search.clear()
    qtbot.waitUntil(lambda: page.model.total() == before + 1, timeout=3000)
    row = next(i for i in range(page.model.rowCount()) if page.model.row_at(i).full_name == "Hà Thị Ưng")
    page.table.selectRow(row)
    _answer_next_box(qtbot, "Xóa")
    page.delete_current()
    assert page.model.total() == before
    main_window.activateWindow()  # offscreen has no window manager to give focus back after the box
    qtbot.waitUntil(main_window.isActiveWindow, timeout=3000)
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
    assert page.model.total() == before + 1
    assert ctx.read(lambda s: s.scalar(select(Staff.id).where(Staff.full_name == "Hà Thị Ưng"))) is not None


def test_invalid_staff_shows_message_next_to_field_and_stores_nothing(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("staff")
    before = page.model.total()
    page.new_record()
    type_text(page.form.full_name, "Vi Văn Tùng")
    page.form.end_date.set_value(page.form.start_date.value().replace(year=2000))
    assert not page.save_current()
    assert page.model.total() == before
    texts = page.form.problem_texts()
    assert any("Ngày thôi công tác" in t or "thôi công tác" in t for t in texts), texts
    assert page.form.full_name.text() == "Vi Văn Tùng"  # what was typed is kept


def test_delete_key_on_the_table_asks_then_deletes(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    """The Delete key works on every register's table (the button says "Xóa (Delete)")."""
    page = main_window.show_page("staff")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=3000)
    before = page.model.total()
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow, timeout=3000)
    page.table.selectRow(0)
    page.table.setFocus()
    _answer_next_box(qtbot, "Không xóa")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.total() == before  # asked, and "Không xóa" keeps it
    main_window.activateWindow()  # offscreen does not hand activation back when a message box closes
    qtbot.waitUntil(main_window.isActiveWindow, timeout=3000)
    page.table.selectRow(0)
    page.table.setFocus()
    _answer_next_box(qtbot, "Xóa")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.model.total() == before - 1, timeout=3000)
