"""The change log names what people did — log in, finalize, reopen, restore — in words, and can show the system alone.

Why: «create period_lock 2025-07» or «update app_user last_login_at» means nothing to a commune
officer; the log must read like the office's own record. Entries made without a logged-in user
(migrations, set-up, the demo) are «(hệ thống)» and can be picked out with the user filter.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gui.audit.log_page import AuditLogDialog
from gui.i18n import apply_language
from gui.login import log_login
from storage.auth import DEMO_PASSWORD, authenticate
from storage.locks import finalize_period, reopen_period
from storage.periods import PeriodKind, period_for
from storage.vocab import UserRole
from tests.gui.audit_helpers import log_in, make_accounts

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")
JULY = period_for(PeriodKind.MONTH, 2025, 7)


@pytest.fixture
def english() -> Iterator[None]:
    yield
    apply_language("vi")


def _officer_day(ctx) -> None:  # type: ignore[no-untyped-def]
    """An officer logs in (the login dialog's entries), a wrong password, finalize, reopen, log out."""
    officer = make_accounts(ctx)[UserRole.OFFICER]  # the demo's lanhdao
    with ctx.session() as s:
        assert authenticate(s, "canbo", "sai-mat-khau", delay=0).actor is None
    with ctx.session() as s:
        result = authenticate(s, officer.username, DEMO_PASSWORD, delay=0)
        assert result.actor is not None
        log_login(s, result.actor)
    log_in(ctx, officer)
    with ctx.session() as s:
        finalize_period(s, JULY)
    with ctx.session() as s:
        reopen_period(s, JULY, "Sửa số hồ sơ nhập nhầm ngày")
    with ctx.session() as s:
        log_login(s, officer, "logout")


def _rows(dialog: AuditLogDialog, n: int) -> list[list[str]]:
    """The first ``n`` rows as shown: user, action, kind of record, record."""
    return [[dialog.model.index(r, c).data() for c in (1, 2, 3, 4)] for r in range(n)]


def test_logins_finalizing_and_reopening_read_as_words_in_both_languages(qtbot, demo_ctx, english) -> None:  # type: ignore[no-untyped-def]
    _officer_day(demo_ctx)
    dialog = AuditLogDialog(demo_ctx)
    qtbot.addWidget(dialog)
    assert _rows(dialog, 6) == [
        ["lanhdao", "Đăng xuất", "Tài khoản", "lanhdao"],
        ["lanhdao", "Mở khóa kỳ", "Chốt kỳ báo cáo", "Tháng 7 năm 2025"],
        ["lanhdao", "Chốt báo cáo", "Chốt kỳ báo cáo", "Tháng 7 năm 2025"],
        ["lanhdao", "Đăng nhập", "Tài khoản", "lanhdao"],
        ["lanhdao", "Ghi nhận đăng nhập", "Tài khoản", dialog.entries()[4].summary],
        ["(hệ thống)", "Đăng nhập sai", "Tài khoản", dialog.entries()[5].summary],
    ]
    dialog.select_row(1)
    assert dialog.detail.heading.text() == "Mở khóa kỳ — Chốt kỳ báo cáo: Tháng 7 năm 2025"
    assert "Lý do: Sửa số hồ sơ nhập nhầm ngày" in dialog.detail.reason.text()
    dialog.select_row(4)
    assert [r[0] for r in dialog.detail.rows()] == ["Đăng nhập lần cuối"]  # not «last_login_at»

    demo_ctx.lang = "en"
    apply_language("en")  # the dialog retranslates on LanguageChange
    qtbot.waitUntil(lambda: dialog.model.index(1, 4).data() == "July 2025", timeout=3000)
    assert [row[1:] for row in _rows(dialog, 4)] == [
        ["Logout", "Account", "lanhdao"],
        ["Reopen period", "Period lock", "July 2025"],
        ["Finalize report", "Period lock", "July 2025"],
        ["Login", "Account", "lanhdao"],
    ]
    assert [dialog.model.index(r, 2).data() for r in (4, 5)] == ["Login recorded", "Failed login"]
    assert dialog.user.itemText(1) == "System"


def test_the_user_filter_shows_the_systems_own_entries(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    _officer_day(demo_ctx)
    dialog = AuditLogDialog(demo_ctx)
    qtbot.addWidget(dialog)
    assert {e.username for e in dialog.entries()} >= {"", "lanhdao"}
    assert dialog.user.itemText(1) == "Hệ thống"
    dialog.user.setCurrentIndex(1)  # as the user picks it
    shown = dialog.entries()
    assert shown and {e.username for e in shown} == {""}  # the demo loading, the wrong password's counter
    assert {dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())} == {"(hệ thống)"}
    dialog.retranslate()  # the choice survives refilling the combo
    assert dialog.user.currentIndex() == 1
    dialog.set_filters(username="lanhdao")
    assert {e.username for e in dialog.entries()} == {"lanhdao"}
    dialog.clear_filters()
    assert dialog.user.currentIndex() == 0 and {"", "lanhdao"} <= {e.username for e in dialog.entries()}
