"""Sửa › Bản ghi đã xóa gần đây: a dossier deleted in the register comes back with its id and supplement requests.

Only officers and administrators may restore (storage refuses a clerk; the dialog shows its message),
and a record of a finalized period cannot come back until the period is reopened.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from gui.audit.deleted_dialog import DeletedDialog
from gui.registers.dossiers import DossierPage
from storage.locks import finalize_period
from storage.models import Dossier, SupplementRequest
from storage.periods import PeriodKind, period_for
from storage.vocab import UserRole
from tests.gui.audit_helpers import answer_next_box, log_in, make_accounts, open_window, select_by_search

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")


def _dossier_with_supplements(ctx) -> tuple[int, str, int]:  # type: ignore[no-untyped-def]
    """(id, code, number of supplement requests) of a demo dossier that has some."""

    def read(s):  # type: ignore[no-untyped-def]
        dossier_id, n = s.execute(
            select(SupplementRequest.dossier_id, func.count())
            .group_by(SupplementRequest.dossier_id)
            .order_by(func.count().desc(), SupplementRequest.dossier_id)
            .limit(1)
        ).one()
        return dossier_id, s.get(Dossier, dossier_id).code, n

    return ctx.read(read)


def _supplements(ctx, dossier_id: int) -> int:  # type: ignore[no-untyped-def]
    return ctx.read(lambda s: s.scalar(select(func.count()).where(SupplementRequest.dossier_id == dossier_id)))


def _delete_in_register(qtbot, window, code: str) -> DossierPage:  # type: ignore[no-untyped-def]
    page = window.show_page("dossiers")
    assert isinstance(page, DossierPage)
    select_by_search(qtbot, page, code)
    answer_next_box("Xóa")
    page.delete_current()
    qtbot.waitUntil(lambda: page.model.total() == 0, timeout=3000)
    return page


def _open_deleted(qtbot, window) -> DeletedDialog:  # type: ignore[no-untyped-def]
    assert "Bản ghi đã xóa gần đây…" in [a.text() for a in window.m_edit.actions()]
    window.audit.a_deleted.trigger()
    dialog = window.audit.deleted_dialog
    assert isinstance(dialog, DeletedDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


@pytest.fixture
def actors(demo_ctx):  # type: ignore[no-untyped-def]
    return make_accounts(demo_ctx)


def test_officer_restores_a_deleted_dossier_with_its_supplements(qtbot, demo_ctx, actors) -> None:  # type: ignore[no-untyped-def]
    log_in(demo_ctx, actors[UserRole.OFFICER])
    window = open_window(qtbot, demo_ctx)
    dossier_id, code, n = _dossier_with_supplements(demo_ctx)
    assert n >= 1
    page = _delete_in_register(qtbot, window, code)
    assert demo_ctx.read(lambda s: s.get(Dossier, dossier_id)) is None
    assert _supplements(demo_ctx, dossier_id) == 0

    dialog = _open_deleted(qtbot, window)
    assert dialog.model.rowCount() == 1
    cells = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
    assert cells[0] == "Hồ sơ TTHC" and cells[1] == code and cells[3] == "lanhdao"
    assert dialog.detail.heading.text() == f"Xóa — Hồ sơ TTHC: {code}"
    assert ("Mã", code, "") in dialog.detail.rows()  # the deleted values are all there
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert dialog.message.text() == f"Đã khôi phục {code}."
    assert dialog.model.rowCount() == 0  # gone from the list: it is back

    restored = demo_ctx.read(lambda s: s.get(Dossier, dossier_id))
    assert restored is not None and restored.code == code  # same id, same code
    assert _supplements(demo_ctx, dossier_id) == n
    qtbot.waitUntil(lambda: page.model.total() == 1, timeout=3000)  # the register refreshed (still searching)
    dialog.close()


def test_clerk_cannot_restore_and_a_locked_period_refuses(qtbot, demo_ctx, actors) -> None:  # type: ignore[no-untyped-def]
    log_in(demo_ctx, actors[UserRole.CLERK])
    window = open_window(qtbot, demo_ctx)
    dossier_id, code, _n = _dossier_with_supplements(demo_ctx)
    _delete_in_register(qtbot, window, code)  # a clerk may delete a record of an open period

    dialog = _open_deleted(qtbot, window)
    assert dialog.model.rowCount() == 1
    assert not dialog.restore_button.isEnabled()
    assert "lãnh đạo" in dialog.restore_button.toolTip()
    assert not dialog.restore_selected()  # storage refuses anyway
    assert "không có quyền khôi phục bản ghi đã xóa" in dialog.message.text()
    assert demo_ctx.read(lambda s: s.get(Dossier, dossier_id)) is None
    received = date.fromisoformat(dialog.selected().old_values["received_at"][:10])
    dialog.close()

    # the dossier's month gets finalized: even an officer must reopen it before the dossier can come back
    log_in(demo_ctx, actors[UserRole.OFFICER])
    rules = demo_ctx.rules().rules
    period = period_for(PeriodKind.MONTH, received.year, received.month, official=False, cutoff_day=rules.cutoff_day)
    with demo_ctx.session() as s:
        finalize_period(s, period)
    dialog = _open_deleted(qtbot, window)
    assert dialog.restore_button.isEnabled()
    assert not dialog.restore_selected()
    assert "đã chốt báo cáo" in dialog.message.text()
    assert demo_ctx.read(lambda s: s.get(Dossier, dossier_id)) is None
    dialog.close()
