"""Chốt báo cáo on the reports screen: finalizing July 2025 locks its dossiers, reopening needs a reason,
and finalizing again is the report's second revision. Clerks see the buttons greyed out and storage refuses them.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import select

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from gui.audit.log_page import AuditLogDialog
from gui.pages.report_status import ReopenDialog
from gui.pages.reports import ReportsPage
from gui.registers.dossiers import DossierPage
from storage.audit import list_entries
from storage.models import Dossier
from storage.periods import PeriodKind
from storage.vocab import UserRole
from tests.gui.audit_helpers import (
    answer_next_box,
    log_in,
    make_accounts,
    on_next_dialog,
    open_window,
    select_by_search,
)
from tests.gui.typing_helpers import type_text

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")


def _reports(window) -> ReportsPage:  # type: ignore[no-untyped-def]
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    page.set_period(PeriodKind.MONTH, 2025, 7)
    return page


def _july_dossier(ctx, page: ReportsPage) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """(id, code, applicant) of a dossier received inside the chosen July period."""
    period = page.period
    assert period is not None
    start, end = datetime.combine(period.start, time.min), datetime.combine(period.end + timedelta(days=1), time.min)

    def read(s):  # type: ignore[no-untyped-def]
        d = s.scalars(
            select(Dossier).where(Dossier.received_at >= start, Dossier.received_at < end).order_by(Dossier.id)
        ).first()
        return d.id, d.code, d.applicant_name

    return ctx.read(read)


def _rename(qtbot, window, code: str, name: str) -> DossierPage:  # type: ignore[no-untyped-def]
    page = window.show_page("dossiers")
    assert isinstance(page, DossierPage)
    select_by_search(qtbot, page, code)
    page.form.applicant_name.clear()
    type_text(page.form.applicant_name, name)
    return page


def _stored_name(ctx, dossier_id: int) -> str:  # type: ignore[no-untyped-def]
    return ctx.read(lambda s: s.get(Dossier, dossier_id).applicant_name)


def test_finalize_lock_reopen_and_second_revision(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    log_in(demo_ctx, make_accounts(demo_ctx)[UserRole.OFFICER])
    window = open_window(qtbot, demo_ctx)
    reports = _reports(window)
    bar = reports.status_bar
    assert bar.label.text() == "Trạng thái: Đang soạn"
    assert bar.finalize_button.isEnabled() and not bar.reopen_button.isEnabled()

    seen: list[str] = []
    answer_next_box("Chốt báo cáo", seen)
    bar.finalize_button.click()
    assert seen and seen[0].startswith("Chốt báo cáo Tháng 7 năm 2025?") and "bị khóa" in seen[0]
    assert bar.label.text() == "Trạng thái: Đã chốt (lần 1)"
    assert not bar.finalize_button.isEnabled() and bar.reopen_button.isEnabled()
    basis = reports.period_statuses.rows()[0][1]
    assert reports.period_statuses.rows() == [("Tháng 7 năm 2025", basis, "Đã chốt (lần 1)")]

    # editing a July dossier: the lock's message under the form, nothing stored, no box, no traceback
    dossier_id, code, applicant = _july_dossier(demo_ctx, reports)
    page = _rename(qtbot, window, code, "Lương Văn Sửa")
    assert not page.save_current()
    assert QApplication.activeModalWidget() is None
    texts = page.form.problem_texts()
    assert len(texts) == 1 and "đã chốt báo cáo" in texts[0] and "Traceback" not in texts[0]
    assert page.form.general_error.isVisible()

    def message_in_view() -> bool:  # under the last field: scrolled into view, not left below the fold
        error, viewport = page.form.general_error, page.form_scroll.viewport()
        top_left = error.mapTo(viewport, QPoint(0, 0))
        return viewport.rect().contains(top_left) and viewport.rect().contains(top_left + QPoint(0, error.height() - 1))

    qtbot.waitUntil(message_in_view, timeout=3000)
    assert _stored_name(demo_ctx, dossier_id) == applicant

    # reopen with a reason: too short first (storage's message in the dialog), then a real one
    def give_reason(dialog) -> None:  # type: ignore[no-untyped-def]
        type_text(dialog.reason, "sửa tên")
        dialog.ok_button.click()
        assert dialog.isVisible() and "ít nhất 10 ký tự" in dialog.error.text()
        dialog.reason.clear()
        type_text(dialog.reason, "Sửa tên người nộp nhập nhầm")
        dialog.ok_button.click()

    reports = _reports(window)
    on_next_dialog(ReopenDialog, give_reason)
    bar.reopen_button.click()
    assert bar.label.text() == "Trạng thái: Đã mở lại — cần lập lại báo cáo (lần 2)"
    assert bar.finalize_button.isEnabled() and not bar.reopen_button.isEnabled()
    assert reports.period_statuses.rows()[0][2] == "Đã mở lại — cần lập lại báo cáo (lần 2)"

    page = _rename(qtbot, window, code, "Lương Văn Sửa")
    assert page.save_current()
    assert _stored_name(demo_ctx, dossier_id) == "Lương Văn Sửa"

    reports = _reports(window)
    answer_next_box("Chốt báo cáo")
    bar.finalize_button.click()
    assert bar.label.text() == "Trạng thái: Đã chốt (lần 2)"

    # the reopening and its reason are in the log
    reopened = demo_ctx.read(lambda s: list_entries(s, table="period_lock", action="update"))
    assert any(e.reason == "Sửa tên người nộp nhập nhầm" and e.username == "lanhdao" for e in reopened)
    window.audit.a_log.trigger()
    log = window.audit.log_dialog
    assert isinstance(log, AuditLogDialog)
    log.set_filters(table="period_lock")
    rows = log.entries()
    log.select_row(next(i for i, e in enumerate(rows) if e.reason))
    assert log.detail.reason.text() == "Lý do: Sửa tên người nộp nhập nhầm"
    assert ("Trạng thái", "Đã chốt", "Đã mở lại") in log.detail.rows()
    log.close()


def test_clerk_sees_the_status_but_cannot_finalize(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    log_in(demo_ctx, make_accounts(demo_ctx)[UserRole.CLERK])
    window = open_window(qtbot, demo_ctx)
    bar = _reports(window).status_bar
    assert bar.label.text() == "Trạng thái: Đang soạn"
    assert not bar.finalize_button.isEnabled() and not bar.reopen_button.isEnabled()
    assert "Chỉ lãnh đạo" in bar.finalize_button.toolTip()
    seen: list[str] = []
    answer_next_box("Đóng", seen)
    assert not bar.finalize(confirm=False)  # storage refuses a clerk even past the greyed-out button
    assert "không có quyền chốt báo cáo" in seen[0]
    assert bar.label.text() == "Trạng thái: Đang soạn"


def test_clerk_editing_report_texts_then_changing_period_keeps_them(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    """Report texts are an officer's: a clerk's edits are not stored, kept in memory, and nothing crashes."""
    log_in(demo_ctx, make_accounts(demo_ctx)[UserRole.CLERK])
    window = open_window(qtbot, demo_ctx)
    reports = _reports(window)
    messages: list[str] = []
    reports.status_message.connect(messages.append)
    form = reports.workspace.form
    form.document_number.clear()
    type_text(form.document_number, "15/BC-UBND")
    assert form.is_dirty()
    reports.set_period(PeriodKind.MONTH, 2025, 8)
    assert messages and "không có quyền" in messages[-1]
    reports.set_period(PeriodKind.MONTH, 2025, 7)
    assert form.document_number.text() == "15/BC-UBND"  # the clerk's typing is not lost
