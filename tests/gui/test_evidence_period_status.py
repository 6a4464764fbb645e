"""Evidence for docs/reliability.md: the reports screen shows each period as draft, finalized, sent or reopened.

Why: the other period tests walk one period through finalize and reopen; "sent" (after the province file)
was only seen on the command line. Here four periods stand in the four states at once.
"""

from __future__ import annotations

import pytest

from gui.pages.reports import ReportsPage
from storage.locks import finalize_period, mark_sent, reopen_period
from storage.periods import PeriodKind, period_for
from storage.vocab import UserRole
from tests.gui.audit_helpers import log_in, make_accounts, open_window

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")


def test_reports_screen_shows_draft_finalized_sent_and_reopened(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    log_in(demo_ctx, make_accounts(demo_ctx)[UserRole.OFFICER])
    july, august, september = (period_for(PeriodKind.MONTH, 2025, m) for m in (7, 8, 9))
    with demo_ctx.session() as s:
        finalize_period(s, july)
        finalize_period(s, august)
        mark_sent(s, august)
        finalize_period(s, september)
        reopen_period(s, september, "Sửa số hồ sơ nhập nhầm ngày")
    window = open_window(qtbot, demo_ctx)
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)

    shown: dict[int, str] = {}
    for month in (7, 8, 9, 10):
        page.set_period(PeriodKind.MONTH, 2025, month)
        shown[month] = page.status_bar.label.text()
    assert shown == {
        7: "Trạng thái: Đã chốt (lần 1)",
        8: "Trạng thái: Đã gửi tỉnh (lần 1)",
        9: "Trạng thái: Đã mở lại — cần lập lại báo cáo (lần 2)",
        10: "Trạng thái: Đang soạn",
    }
    statuses = {name: status for name, _basis, status in page.period_statuses.rows()}
    assert statuses == {
        "Tháng 7 năm 2025": "Đã chốt (lần 1)",
        "Tháng 8 năm 2025": "Đã gửi tỉnh (lần 1)",
        "Tháng 9 năm 2025": "Đã mở lại — cần lập lại báo cáo (lần 2)",
    }  # the list holds the periods ever finalized; a draft period has no row
