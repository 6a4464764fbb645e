"""The dossier register driven like a clerk keying a stack of paper dossiers: keyboard only.

Due dates and states are checked three ways: what the form shows while typing, what the table
shows, and what storage holds; expected figures come from the published rules (15:00 cut-off,
the 2025 30/4–1/5 holidays with Saturday 26/4 worked), not from the code under test.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import func, select

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMessageBox, QWidget

from gui.registers.dossier_form import DossierForm
from gui.registers.dossiers import DUE_COLUMN, OVERDUE_COLUMN, STATE_COLUMN, DossierPage
from storage.dossier_queries import DossierFilter, DossierRow, list_dossiers
from storage.dossiers import dossier_dates, unit_identifier
from storage.models import Dossier, Field, Procedure
from storage.status import state_on
from storage.textsearch import fold
from storage.vocab import DossierState

# The completer popup's notices on the offscreen platform (no window manager), not problems of ours.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")


# --- keyboard helpers: keys go to whatever has focus, as for a person at the keyboard -------------
def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_here(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the focused field: ASCII as key presses, Vietnamese as an input method commits it."""
    if text.isascii():
        qtbot.keyClicks(focused(), text)
        return
    target = focused()
    if isinstance(target, QComboBox) and target.lineEdit() is not None:
        target = target.lineEdit()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(target, event)


def tab(qtbot, times: int = 1) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)


def key_dossier(qtbot, form: DossierForm, procedure: str, name: str, received: str, finished: str = "") -> str:  # type: ignore[no-untyped-def]
    """From the code field: skip the code, pick the procedure by typed words, name, receipt, finish date.

    Returns the live due/state line the form shows before saving.
    """
    assert focused() is form.code
    tab(qtbot)
    type_here(qtbot, procedure)
    tab(qtbot)
    assert focused() is form.applicant_name
    type_here(qtbot, name)
    tab(qtbot, 3)  # address, phone: left empty
    assert focused() is form.received_at
    type_here(qtbot, received)
    tab(qtbot, 2)  # channel: direct
    assert focused() is form.finished_date
    if finished:
        type_here(qtbot, finished)
    return form.computed.text()


def _answer_next_box(button_text: str) -> None:
    """Click the button labelled ``button_text`` in the next modal message box."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, click)


def _stored(page: DossierPage, name: str) -> DossierRow:
    rows = page.ctx.read(lambda s: list_dossiers(s, DossierFilter(search=name), calendar=page.ctx.rules().calendar))
    assert len(rows) == 1, rows
    return rows[0]


def _all_rows(page: DossierPage) -> list[DossierRow]:
    while page.model.canFetchMore(QModelIndex()):
        page.model.fetchMore(QModelIndex())
    return [page.model.row_at(i) for i in range(page.model.rowCount())]  # type: ignore[misc]


def _shown(page: DossierPage, search: str, qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    """Search the register and return the one matching row's cells as displayed."""
    page.search.clear()
    qtbot.keyClicks(page.search, search)

    def found() -> bool:
        row = page.model.row_at(0)
        return page.model.total() == 1 and row is not None and fold(row.applicant_name) == search

    qtbot.waitUntil(found, timeout=3000)
    return [page.model.index(0, c).data() for c in range(page.model.columnCount())]


@pytest.fixture
def page(main_window) -> DossierPage:  # type: ignore[no-untyped-def]
    page = main_window.show_page("dossiers")
    assert isinstance(page, DossierPage)
    return page


def test_three_dossiers_keyed_with_the_keyboard_get_legal_due_dates(qtbot, main_window, page) -> None:  # type: ignore[no-untyped-def]
    form = page.form
    ctx = page.ctx
    cal = ctx.rules().calendar
    assert date(2025, 4, 26) in cal.extra_working_days and not cal.is_working_day(date(2025, 5, 2))
    before = page.model.total()
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    # 1. Birth registration (same day) received at 14:59: due the same day; resolved that day.
    shown = key_dossier(qtbot, form, "dang ky khai sinh", "Nguyễn Văn Khải", "15/07/2025 14:59", "15/07/2025")
    assert form.procedure.currentText() == "HT-KS – Đăng ký khai sinh"
    assert shown == "Hạn giải quyết: 15/07/2025 (Thứ Ba) – Đã giải quyết đúng hạn"
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter saves
    assert page.model.total() == before + 1
    assert focused() is form.code and form.code.text() == "" and form.applicant_name.text() == ""
    assert form.received_at.text() == "15/07/2025 14:59"  # kept for the next paper of the stack

    # 2. The same procedure received at 15:00: the next working day; still open today, so overdue.
    shown = key_dossier(qtbot, form, "dang ky khai sinh", "Lô Thị Hoa Ban", "15/07/2025 15:00")
    late_days = cal.working_days_between(date(2025, 7, 16), date.today())
    assert shown == f"Hạn giải quyết: 16/07/2025 (Thứ Tư) – Đang giải quyết, quá hạn {late_days} ngày làm việc"
    assert "#b00020" in form.computed.styleSheet()  # shown in red
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves too
    assert page.model.total() == before + 2

    # 3. Marital-status certificate (3 working days) received on Saturday 26/04/2025, a working day:
    #    28/4, 29/4, then 30/4, 1/5 and 2/5 are off -> due Monday 05/05/2025; resolved a day late.
    shown = key_dossier(qtbot, form, "xac nhan tinh trang hon nhan", "Vi Văn Sáng", "26/04/2025 09:00", "06/05/2025")
    assert form.procedure.currentText() == "HT-XNHN – Cấp Giấy xác nhận tình trạng hôn nhân"
    assert shown == "Hạn giải quyết: 05/05/2025 (Thứ Hai) – Đã giải quyết quá hạn 1 ngày làm việc"
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert page.model.total() == before + 3

    unit = ctx.read(unit_identifier)
    expected = {
        "Nguyễn Văn Khải": ("250715", date(2025, 7, 15), DossierState.ON_TIME, 0),
        "Lô Thị Hoa Ban": ("250715", date(2025, 7, 16), DossierState.OVERDUE, late_days),
        "Vi Văn Sáng": ("250426", date(2025, 5, 5), DossierState.LATE, 1),
    }
    for name, (day, due, state, days) in expected.items():
        stored = _stored(page, name)
        assert re.fullmatch(rf"{re.escape(unit)}-{day}-\d{{4}}", stored.code), stored.code
        assert (stored.due_date, stored.state, stored.overdue_days) == (due, state, days)
        cells = _shown(page, fold(name), qtbot)
        assert cells[0] == stored.code
        assert cells[DUE_COLUMN] == due.strftime("%d/%m/%Y")
        assert cells[STATE_COLUMN] == page.short_state_labels()[state]  # in the filter's few words
        assert page.model.index(0, STATE_COLUMN).data(Qt.ItemDataRole.ToolTipRole) == state.label("vi")
        assert cells[OVERDUE_COLUMN] == (str(days) if days else "")
        alert = page.model.index(0, STATE_COLUMN).data(Qt.ItemDataRole.ForegroundRole)
        assert (alert is not None) == (state in (DossierState.OVERDUE, DossierState.LATE))


def test_tab_walks_the_form_top_to_bottom(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    form = page.form
    page.new_record()
    order = [w for name, w in form._fields() if name not in ("computed", "supplements")]
    seen = [focused()]
    for _ in range(len(order) + 1):
        tab(qtbot)
        seen.append(focused())
    expected = [*order[: order.index(form.notes)], form.supplements.add_button, form.notes]
    assert seen[: len(expected)] == expected

    form.supplements.add_button.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter on the button adds a request, does not save
    row = form.supplements.rows()[0]
    assert focused() is row.requested
    tab(qtbot)
    assert focused() is row.completed
    tab(qtbot)
    assert focused() is row.reason


def test_supplement_wait_moves_the_due_date_and_is_stored(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    form = page.form
    page.new_record()
    tab(qtbot)
    type_here(qtbot, "xac nhan tinh trang hon nhan")
    tab(qtbot)
    type_here(qtbot, "Hà Thị Bổ Sung")
    tab(qtbot, 3)
    type_here(qtbot, "07/07/2025 08:00")  # Monday: 3 working days -> Thursday 10/07
    assert form.computed_due == date(2025, 7, 10)
    row = form.supplements.add_row()
    row.requested.setFocus()
    type_here(qtbot, "08/07/2025")
    tab(qtbot)
    assert form.computed_state == DossierState.WAITING_SUPPLEMENT  # open request: the clock stops
    assert form.computed.text().endswith("– Chờ bổ sung")  # no "overdue N days" while waiting
    type_here(qtbot, "11/07/2025")  # completed Friday: 3 working days waited -> Tuesday 15/07
    assert form.computed_due == date(2025, 7, 15)
    assert page.save_current()
    stored = _stored(page, "ha thi bo sung")
    assert stored.due_date == date(2025, 7, 15)

    qtbot.keyClicks(page.search, "ha thi bo sung")
    qtbot.waitUntil(lambda: page.model.total() == 1, timeout=3000)
    page.table.selectRow(0)
    assert len(form.supplements.rows()) == 1
    form.supplements.remove_row(form.supplements.rows()[0])
    assert form.computed_due == date(2025, 7, 10)
    assert page.save_current()
    assert _stored(page, "ha thi bo sung").due_date == date(2025, 7, 10)


def test_finished_before_received_is_shown_next_to_the_field_and_nothing_is_stored(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    form = page.form
    count = lambda: page.ctx.read(lambda s: s.scalar(select(func.count()).select_from(Dossier)))  # noqa: E731
    before = count()
    page.new_record()
    key_dossier(qtbot, form, "chung thuc chu ky", "Moong Văn Lỗi", "15/07/2025 10:00", "14/07/2025")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert count() == before
    beside = [lbl.text() for lbl in form.finished_date.parentWidget().findChildren(QLabel) if lbl.text()]
    assert beside == ["Ngày giải quyết 14/07/2025 trước ngày tiếp nhận 15/07/2025."]
    assert focused() is form.finished_date  # the cursor goes to the field to fix
    assert form.applicant_name.text() == "Moong Văn Lỗi"  # what was typed stays
    assert form.finished_date.text() == "14/07/2025"

    page.new_record()
    form.code.setFocus()
    assert page.save_current() is False  # nothing chosen or typed: both problems at once, by field
    texts = form.problem_texts()
    assert any("Chưa chọn thủ tục" in t for t in texts) and any("tên người nộp" in t for t in texts)

    type_here(qtbot, "khong luu")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # Esc drops what was typed
    assert form.code.text() == "" and count() == before


def test_search_and_field_filter_ignore_diacritics(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    ctx = page.ctx
    everyone = ctx.read(lambda s: s.execute(select(Dossier.code, Dossier.applicant_name)).all())
    expected = sum(1 for code, name in everyone if all(w in fold(f"{code} {name}") for w in ("nguyen", "van")))
    qtbot.keyClicks(page.search, "nguyen van")
    qtbot.waitUntil(lambda: page.model.total() == expected, timeout=3000)
    assert expected > 0
    assert all("nguyen" in fold(r.applicant_name) for r in _all_rows(page))
    page.search.clear()

    ho_tich = ctx.read(
        lambda s: s.scalar(
            select(func.count())
            .select_from(Dossier)
            .join(Procedure, Procedure.id == Dossier.procedure_id)
            .join(Field, Field.id == Procedure.field_id)
            .where(Field.name == "Hộ tịch")
        )
    )
    page.search.setFocus()
    tab(qtbot, 2)  # past the period filter to the field filter, its text selected
    assert focused() is page.f_field
    qtbot.keyClicks(page.f_field, "ho tich")
    tab(qtbot)
    assert page.f_field.currentText() == "Hộ tịch"
    qtbot.waitUntil(lambda: page.model.total() == ho_tich, timeout=3000)
    assert ho_tich > 0 and {r.field_name for r in _all_rows(page)} == {"Hộ tịch"}


def test_overdue_filter_lists_exactly_what_storage_counts_overdue(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    states = page.ctx.read(lambda s: {d.id: state_on(dossier_dates(d), today) for d in s.scalars(select(Dossier))})
    overdue = {i for i, st in states.items() if st == DossierState.OVERDUE}
    assert overdue
    page.f_status.setCurrentIndex(page.f_status.findText("Quá hạn"))
    assert {r.id for r in _all_rows(page)} == overdue
    assert page.model.total() == len(overdue)
    assert page.count_label.text() == f"{len(overdue)} bản ghi"

    page.f_status.setCurrentIndex(page.f_status.findText("Chờ bổ sung"))
    assert {r.id for r in _all_rows(page)} == {i for i, st in states.items() if st == DossierState.WAITING_SUPPLEMENT}
    page.f_period.setCurrentIndex(1)  # the current official month
    page.f_status.setCurrentIndex(page.f_status.findText("Đã giải quyết"))
    period = page._periods[page.f_period.currentData()]
    assert all(period.start <= r.finished_date <= period.end for r in _all_rows(page))  # type: ignore[operator]


def test_delete_and_undo_with_ctrl_z(qtbot, main_window, page) -> None:  # type: ignore[no-untyped-def]
    before = page.model.total()
    first = page.model.row_at(0)
    assert first is not None
    page.table.selectRow(0)
    assert page.form.applicant_name.text() == first.applicant_name
    _answer_next_box("Xóa")
    page.delete_current()
    assert page.model.total() == before - 1
    assert page.ctx.read(lambda s: s.get(Dossier, first.id)) is None
    main_window.activateWindow()  # offscreen has no window manager to give focus back after the box
    qtbot.waitUntil(main_window.isActiveWindow, timeout=3000)
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.total() == before
    restored = page.ctx.read(lambda s: s.scalar(select(Dossier).where(Dossier.code == first.code)))
    assert restored is not None and restored.applicant_name == first.applicant_name


def test_model_passes_qtmodeltester_and_sorts_in_sql(qtmodeltester, page) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(page.model)
    page.table.sortByColumn(DUE_COLUMN, Qt.SortOrder.AscendingOrder)
    dues = [r.due_date for r in (page.model.row_at(i) for i in range(page.model.rowCount())) if r]
    assert dues == sorted(dues)
    due = func.coalesce(Dossier.due_date_override, Dossier.due_date_computed)
    smallest = page.ctx.read(lambda s: s.scalar(select(func.min(due))))
    assert dues[0] == smallest
    qtmodeltester.check(page.model)


def test_language_switch_retranslates_the_register(page) -> None:  # type: ignore[no-untyped-def]
    page.ctx.lang = "en"
    page.retranslate()
    assert page.f_channel.itemText(1) == "Direct"
    state = page.model.index(0, STATE_COLUMN)
    assert state.data(Qt.ItemDataRole.ToolTipRole) in {s.label("en") for s in DossierState}
    page.ctx.lang = "vi"
    page.retranslate()
    assert state.data(Qt.ItemDataRole.ToolTipRole) in {s.label("vi") for s in DossierState}
    assert state.data() in set(page.short_state_labels().values())
