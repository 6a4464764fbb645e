"""The change log on screen: a clerk's edit appears with who, when and old → new; filters; the chain check.

Tampering is done as an attacker would: raw sqlite3 on the database file, dropping the trigger that
keeps the log append-only, then changing one entry. The check must name that entry.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from PySide6.QtCore import Qt

from gui.audit.history_dialog import RecordHistoryDialog
from gui.audit.log_page import AuditLogDialog
from storage.vocab import UserRole
from tests.gui.audit_helpers import log_in, make_accounts, open_window
from tests.gui.typing_helpers import type_text

# The offscreen platform has no window manager: showing and raising a top-level dialog only warns.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")


@pytest.fixture
def clerk_window(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    actors = make_accounts(demo_ctx)
    log_in(demo_ctx, actors[UserRole.CLERK])
    return open_window(qtbot, demo_ctx)


def _edit_position(qtbot, window, position: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Change the first staff member's position in the register; returns (name, old position)."""
    page = window.show_page("staff")
    page.table.selectRow(0)
    name, old = page.form.full_name.text(), page.form.position.text()
    page.form.position.clear()
    type_text(page.form.position, position)
    assert page.save_current()
    return name, old


def _open_log(qtbot, window) -> AuditLogDialog:  # type: ignore[no-untyped-def]
    window.audit.a_log.trigger()  # Xem › Nhật ký thay đổi…
    dialog = window.audit.log_dialog
    assert isinstance(dialog, AuditLogDialog) and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


def test_an_edit_shows_in_the_log_with_user_and_old_and_new_values(qtbot, clerk_window) -> None:  # type: ignore[no-untyped-def]
    name, old = _edit_position(qtbot, clerk_window, "Phó Chủ tịch UBND xã")
    assert "Nhật ký thay đổi…" in [a.text() for a in clerk_window.m_view.actions()]
    dialog = _open_log(qtbot, clerk_window)
    newest = dialog.entries()[0]
    assert (newest.action, newest.table_name, newest.username) == ("update", "staff", "canbo")
    cells = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
    assert cells[0] == newest.at.strftime("%d/%m/%Y %H:%M")
    assert cells[1:5] == ["canbo", "Sửa", "Nhân sự", name]
    assert cells[5] == f"Chức vụ: {old or '(trống)'} → Phó Chủ tịch UBND xã"
    dialog.select_row(0)
    assert dialog.detail.rows() == [("Chức vụ", old or "(trống)", "Phó Chủ tịch UBND xã")]
    assert "Người thực hiện: canbo" in dialog.detail.who.text()
    assert dialog.detail.heading.text() == f"Sửa — Nhân sự: {name}"

    # filters: by user (the combo lists the accounts), by date, by kind of record
    assert dialog.user.findData("canbo") > 0
    dialog.user.setCurrentIndex(dialog.user.findData("canbo"))
    assert [e.username for e in dialog.entries()] == ["canbo"]
    today = date.today()
    dialog.set_filters(username="canbo", until=today - timedelta(days=1))
    assert dialog.entries() == []
    dialog.set_filters(username="canbo", since=today, until=today)
    assert len(dialog.entries()) == 1
    dialog.set_filters(table="equipment")
    assert dialog.entries() and {e.table_name for e in dialog.entries()} == {"equipment"}
    dialog.clear_filters()
    assert dialog.model.canFetchMore()  # the demo's 1,700 entries come in pages as the view scrolls
    assert len(dialog.entries()) == 200
    dialog.model.fetchMore()
    assert len(dialog.entries()) == 400


def test_history_of_one_record_from_the_register(qtbot, clerk_window) -> None:  # type: ignore[no-untyped-def]
    name, old = _edit_position(qtbot, clerk_window, "Công chức Văn hóa – Xã hội")
    page = clerk_window.show_page("staff")  # the edited record is still the selected one
    assert page.history_button.text() == "Lịch sử…"
    page.history_button.click()
    dialog = page.history_dialog
    assert isinstance(dialog, RecordHistoryDialog) and dialog.isVisible()
    entries = [dialog.model.row_at(i) for i in range(dialog.model.rowCount())]
    assert [e.action for e in entries] == ["create", "update"]  # oldest first: the demo created it
    assert dialog.detail.rows() == [("Chức vụ", old or "(trống)", "Công chức Văn hóa – Xã hội")]
    dialog.table.selectRow(0)
    created = dict((f, new) for f, _old, new in dialog.detail.rows())
    assert created["Họ và tên"] == name
    assert dialog.model.index(0, 1).data() == "(hệ thống)"  # the demo was loaded before any account existed
    dialog.close()


def test_chain_check_says_intact_then_names_the_tampered_entry(qtbot, clerk_window) -> None:  # type: ignore[no-untyped-def]
    _edit_position(qtbot, clerk_window, "Chuyên viên")
    dialog = _open_log(qtbot, clerk_window)
    target = dialog.entries()[0].id
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.verify_result.text().startswith("Nhật ký nguyên vẹn"), timeout=10_000)
    assert dialog.verify_result.text() == f"Nhật ký nguyên vẹn: {target:,} mục".replace(",", ".")

    path = clerk_window.ctx.db.path
    raw = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):  # append-only while the trigger is there
        raw.execute("UPDATE audit_log SET new_values = '{}' WHERE id = ?", (target - 5,))
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("UPDATE audit_log SET username = 'ai-do' WHERE id = ?", (target - 5,))
    raw.commit()
    raw.close()

    dialog.verify_button.click()
    qtbot.waitUntil(lambda: dialog.verify_result.text().startswith("Nhật ký bị sửa"), timeout=10_000)
    assert dialog.verify_result.text().startswith(f"Nhật ký bị sửa từ mục #{target - 5}:")
    assert "#b00020" in dialog.verify_result.styleSheet()  # in red


def test_log_is_in_the_view_menu_in_province_mode(qtbot, province_ctx) -> None:  # type: ignore[no-untyped-def]
    from gui.main_window import MainWindow

    window = MainWindow(province_ctx)
    qtbot.addWidget(window)
    assert window.audit.a_log in window.m_view.actions()
    assert window.audit.a_deleted not in window.m_edit.actions()  # deleted records to restore are the commune's
    window.audit.a_log.trigger()
    dialog = window.audit.log_dialog
    qtbot.addWidget(dialog)
    kinds = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    assert "Báo cáo xã gửi" in kinds and "Hồ sơ TTHC" not in kinds
    assert dialog.entries()  # the province demo's imports are logged
