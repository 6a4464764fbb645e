"""Delete, then Ctrl+Z in a register: the same record comes back (same id), not a copy.

Why: a copy with a new id left the original listed in «Bản ghi đã xóa gần đây» (a second restore would
duplicate it) and split the record's history in two. A clerk undoes her own deletion herself.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from PySide6.QtCore import Qt

from gui.audit.deleted_dialog import DeletedDialog
from gui.registers.dossiers import DossierPage
from storage.audit import history
from storage.models import Dossier, SupplementRequest
from storage.vocab import UserRole
from tests.gui.audit_helpers import answer_next_box, log_in, make_accounts, open_window, select_by_search

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")


def _dossier_with_supplements(ctx) -> tuple[int, str, list[int]]:  # type: ignore[no-untyped-def]
    def read(s):  # type: ignore[no-untyped-def]
        dossier_id = s.scalar(
            select(SupplementRequest.dossier_id)
            .group_by(SupplementRequest.dossier_id)
            .order_by(func.count().desc(), SupplementRequest.dossier_id)
            .limit(1)
        )
        return dossier_id, s.get(Dossier, dossier_id).code, _supplement_ids(s, dossier_id)

    return ctx.read(read)


def _supplement_ids(s, dossier_id: int) -> list[int]:  # type: ignore[no-untyped-def]
    return sorted(s.scalars(select(SupplementRequest.id).where(SupplementRequest.dossier_id == dossier_id)))


def test_delete_key_then_ctrl_z_brings_back_the_same_dossier(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    log_in(demo_ctx, make_accounts(demo_ctx)[UserRole.CLERK])
    window = open_window(qtbot, demo_ctx)
    dossier_id, code, supplements = _dossier_with_supplements(demo_ctx)
    assert supplements
    page = window.show_page("dossiers")
    assert isinstance(page, DossierPage)
    select_by_search(qtbot, page, code)
    assert page.current_id == dossier_id

    seen: list[str] = []
    answer_next_box("Xóa", seen)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # the Delete key on the table asks, then deletes
    qtbot.waitUntil(lambda: page.model.total() == 0, timeout=3000)
    assert seen and seen[0].startswith(f"Xóa hồ sơ {code}")
    assert demo_ctx.read(lambda s: s.get(Dossier, dossier_id)) is None

    window.activateWindow()  # offscreen has no window manager to give focus back after the box
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.total() == 1, timeout=3000)  # still searching for its code
    assert page.model.row_at(0).id == dossier_id  # the same record, not a copy with a new id
    assert page.table.currentIndex().row() == 0  # and it is selected again
    assert demo_ctx.read(lambda s: _supplement_ids(s, dossier_id)) == supplements
    assert demo_ctx.read(lambda s: s.scalar(select(func.count()).where(Dossier.code == code))) == 1
    trail = demo_ctx.read(lambda s: history(s, "dossier", dossier_id))
    assert [(e.action, e.username) for e in trail[-2:]] == [("delete", "canbo"), ("restore", "canbo")]

    window.audit.a_deleted.trigger()  # Sửa › Bản ghi đã xóa gần đây…: nothing left to restore
    dialog = window.audit.deleted_dialog
    assert isinstance(dialog, DeletedDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert dialog.model.rowCount() == 0
    dialog.close()
