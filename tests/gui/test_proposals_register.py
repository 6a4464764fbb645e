"""Difficulties and proposals driven like a clerk would: write one, follow the open ones, record the answer."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from gui.registers.proposals import STATUS_COLOURS, department_choices
from gui.registers.table_model import RAW_ROLE
from gui.widgets.format import fmt_int
from storage.proposals import list_proposals
from storage.vocab import DEPARTMENTS, OPEN_PROPOSAL_STATUSES, ProposalCategory, ProposalStatus
from tests.gui.typing_helpers import type_text

WAITING_DIFFICULTY = "Hệ thống phần mềm liên thông hoạt động chưa ổn định, ảnh hưởng tiếp nhận hồ sơ"


def _answer_next_box(button_text: str) -> None:
    """Click the button labelled ``button_text`` in the next modal message box."""
    from PySide6.QtCore import QTimer

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


def _proposals(ctx, **filters):  # type: ignore[no-untyped-def]
    return ctx.read(lambda s: list_proposals(s, **filters))


def _titles(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [page.model.row_at(i).title for i in range(page.model.rowCount())]


def _column(page, header: str) -> int:  # type: ignore[no-untyped-def]
    """The column titled ``header``, read as one line ("Số ngày\nchờ" is "Số ngày chờ")."""
    model = page.model
    titles = [" ".join(str(model.headerData(c, Qt.Orientation.Horizontal)).split()) for c in range(model.columnCount())]
    return titles.index(header)


def _error_next_to(widget) -> str:  # type: ignore[no-untyped-def]
    """The red message shown in the field's own box, right under it."""
    return "\n".join(lab.text() for lab in widget.parentWidget().findChildren(QLabel) if lab.isVisible() and lab.text())


def _choose(combo, value) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(value))


def test_create_with_multiline_content_enter_makes_a_line_ctrl_enter_saves(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("proposals")
    ctx = page.ctx
    before = page.model.total()
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N
    form = page.form
    assert form.title.hasFocus()
    _choose(form.category, ProposalCategory.FACILITIES)
    type_text(form.title, "Đề nghị hỗ trợ kinh phí sửa chữa trụ sở xã")
    type_text(form.content, "Trụ sở xuống cấp.")
    qtbot.keyClick(form.content, Qt.Key.Key_Return)  # a new line, not a save
    type_text(form.content, "Mái dột khi mưa lớn.")
    assert page.model.total() == before
    assert form.content.toPlainText() == "Trụ sở xuống cấp.\nMái dột khi mưa lớn."
    type_text(form.addressed_to, "Bộ Chỉ huy Quân sự tỉnh")  # a body outside the list, typed freely
    _choose(form.status, ProposalStatus.SENT)
    form.content.setFocus()  # back in the content, where Enter alone makes a new line
    qtbot.keyClick(form.content, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves

    assert page.model.total() == before + 1
    stored = [p for p in _proposals(ctx) if p.title == "Đề nghị hỗ trợ kinh phí sửa chữa trụ sở xã"]
    assert len(stored) == 1
    p = stored[0]
    assert p.content == "Trụ sở xuống cấp.\nMái dột khi mưa lớn."
    assert (p.category, p.status, p.addressed_to, p.raised_date) == (
        ProposalCategory.FACILITIES,
        ProposalStatus.SENT,
        "Bộ Chỉ huy Quân sự tỉnh",
        date.today(),
    )
    assert form.title.text() == ""  # ready for the next one
    # The new body is offered in the department filter and the form's picker from now on.
    assert page.f_department.findText("Bộ Chỉ huy Quân sự tỉnh") >= 0
    assert form.addressed_to.findText("Bộ Chỉ huy Quân sự tỉnh") >= 0


def test_open_filter_shows_the_waiting_difficulties(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("proposals")
    ctx = page.ctx
    assert page.model.total() == len(_proposals(ctx))
    qtbot.mouseClick(page.f_open, Qt.MouseButton.LeftButton)
    waiting = _proposals(ctx, open_only=True)
    assert page.model.total() == len(waiting)
    assert all(p.status in OPEN_PROPOSAL_STATUSES for p in waiting)
    titles = _titles(page)
    assert WAITING_DIFFICULTY in titles
    assert "Điều động, luân chuyển cán bộ, công chức tại xã" not in titles  # answered at the inspection
    row = titles.index(WAITING_DIFFICULTY)
    status = page.model.index(row, _column(page, "Trạng thái"))
    assert status.data() == "Đã gửi tỉnh"
    assert status.data(Qt.ItemDataRole.ForegroundRole).color().name() == STATUS_COLOURS[ProposalStatus.SENT]
    age = page.model.index(row, _column(page, "Số ngày chờ")).data()
    assert age == fmt_int((date.today() - date(2025, 7, 11)).days)  # waiting since the inspection

    page.f_department.set_value("Sở Nội vụ")
    assert page.model.total() == len(_proposals(ctx, open_only=True, department="Sở Nội vụ")) == 2


def test_record_the_province_response(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("proposals")
    ctx = page.ctx
    form = page.form
    qtbot.mouseClick(page.f_open, Qt.MouseButton.LeftButton)
    open_before = page.model.total()
    page.table.selectRow(_titles(page).index(WAITING_DIFFICULTY))
    assert form.title.text() == WAITING_DIFFICULTY
    assert form.response_date.value() is None
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # Ghi nhận trả lời (Ctrl+R)
    assert form.response_text.hasFocus()
    assert form.response_date.value() == date.today()
    type_text(form.response_text, "Sở đã phối hợp nhà cung cấp nâng cấp máy chủ liên thông.")
    _choose(form.status, ProposalStatus.RESOLVED)
    qtbot.keyClick(main_window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S

    answered = next(p for p in _proposals(ctx) if p.title == WAITING_DIFFICULTY)
    assert answered.status == ProposalStatus.RESOLVED
    assert answered.response_text == "Sở đã phối hợp nhà cung cấp nâng cấp máy chủ liên thông."
    assert answered.response_date == date.today()
    assert page.model.total() == open_before - 1 == len(_proposals(ctx, open_only=True))
    assert WAITING_DIFFICULTY not in _titles(page)

    qtbot.mouseClick(page.f_open, Qt.MouseButton.LeftButton)  # all again, then only the resolved ones
    _choose(page.f_status, ProposalStatus.RESOLVED)
    assert page.model.total() == len(_proposals(ctx, status=ProposalStatus.RESOLVED)) == 2
    row = _titles(page).index(WAITING_DIFFICULTY)
    assert page.model.index(row, _column(page, "Trạng thái")).data() == "Đã giải quyết"
    assert page.model.index(row, _column(page, "Số ngày chờ")).data() == ""  # no longer waiting


def test_response_on_a_draft_is_refused_next_to_the_status(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("proposals")
    form = page.form
    before = page.model.total()
    page.new_record()
    type_text(form.title, "Đề nghị bổ sung biên chế công chức tư pháp")
    assert form.status.value() == ProposalStatus.DRAFT
    type_text(form.response_text, "Tỉnh đã đồng ý.")
    assert not page.save_current()
    assert "chưa thể có trả lời của tỉnh" in _error_next_to(form.status)
    assert page.model.total() == before
    assert not [p for p in _proposals(page.ctx) if p.title.startswith("Đề nghị bổ sung biên chế")]
    assert form.title.text() == "Đề nghị bổ sung biên chế công chức tư pháp"  # what was typed is kept

    # The follow-up action on a stored draft says why, at the same place.
    form.response_text.clear()
    assert page.save_current()
    page.table.selectRow(_titles(page).index("Đề nghị bổ sung biên chế công chức tư pháp"))
    qtbot.mouseClick(form.respond_button, Qt.MouseButton.LeftButton)  # Ghi nhận trả lời của tỉnh
    assert "dự thảo" in _error_next_to(form.status)
    assert form.response_date.value() is None


def test_delete_then_ctrl_z_restores(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("proposals")
    ctx = page.ctx
    before = page.model.total()
    page.table.selectRow(_titles(page).index(WAITING_DIFFICULTY))
    _answer_next_box("Xóa")
    page.delete_current()
    assert page.model.total() == before - 1
    assert WAITING_DIFFICULTY not in [p.title for p in _proposals(ctx)]
    main_window.activateWindow()  # offscreen has no window manager to give focus back after the box
    qtbot.waitUntil(main_window.isActiveWindow, timeout=3000)
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
    assert page.model.total() == before
    restored = [p for p in _proposals(ctx) if p.title == WAITING_DIFFICULTY]
    assert [(p.status, p.addressed_to, p.raised_date) for p in restored] == [
        (ProposalStatus.SENT, "Sở Khoa học và Công nghệ", date(2025, 7, 11))
    ]


def test_department_choices_add_used_bodies_once() -> None:
    choices = department_choices(["Sở Nội vụ", "Công an tỉnh", "cong an tinh", "", "Bộ Nội vụ"])
    assert choices[: len(DEPARTMENTS)] == list(DEPARTMENTS)
    assert choices[len(DEPARTMENTS) :] == ["Bộ Nội vụ", "Công an tỉnh"]


def test_language_switch_relabels_statuses_at_once(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("proposals")
    page.ctx.lang = "en"
    page.retranslate()
    row = _titles(page).index(WAITING_DIFFICULTY)
    assert page.model.index(row, 2).data() == "Sent"
    assert page.f_status.findText("Resolved") >= 0
    assert page.form.status.currentText() == "Draft"


def test_model_passes_qtmodeltester_newest_first(qtbot, qtmodeltester, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("proposals")
    qtmodeltester.check(page.model)
    header = page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.SortOrder.DescendingOrder)
    raised = [page.model.row_at(i).raised_date for i in range(page.model.rowCount())]
    assert raised == sorted(raised, reverse=True)
    page.table.sortByColumn(_column(page, "Số ngày chờ"), Qt.SortOrder.DescendingOrder)  # longest waiting first
    ages = [page.model.index(i, _column(page, "Số ngày chờ")).data(RAW_ROLE) for i in range(page.model.rowCount())]
    waiting = [a for a in ages if a is not None]
    assert waiting == sorted(waiting, reverse=True)
    assert len(waiting) == len(_proposals(page.ctx, open_only=True))
    assert all(a is None for a in ages[len(waiting) :])  # answered ones last
