"""The province's Tổng quan: who reported for a period and the province's totals, equal to storage's
consolidation of the communes' own reports, computed off the GUI thread; the empty state says what to do.
"""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtCore import Qt

from gui.province.dashboard import ProvinceDashboardPage
from gui.widgets.format import fmt_int, fmt_pct
from storage.mode import set_province_mode
from storage.province.answers import list_province_proposals, record_answer
from storage.province.consolidate import consolidate, on_time_rate
from storage.province.profile import ProvinceProfile, save_province_profile
from storage.province.registry import CommuneEntry, save_commune
from storage.vocab import ProposalStatus

TODAY = date(2025, 11, 5)  # after the demo's last deadline (October 2025)
TIMEOUT = 20_000


def _open(qtbot, ctx) -> ProvinceDashboardPage:  # type: ignore[no-untyped-def]
    page = ProvinceDashboardPage(ctx)
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    page.resize(1186, 708)
    with qtbot.waitSignal(page.figures_shown, timeout=TIMEOUT):
        page.show()
    return page


@pytest.fixture
def page(qtbot, province_ctx) -> ProvinceDashboardPage:  # type: ignore[no-untyped-def]
    return _open(qtbot, province_ctx)


def _choose_july(qtbot, page: ProvinceDashboardPage) -> None:  # type: ignore[no-untyped-def]
    """From October 2025 back to July with the keyboard in the month box."""
    month = page.selector.index
    month.setFocus()
    for _ in range(3):
        with qtbot.waitSignal(page.figures_shown, timeout=TIMEOUT):
            qtbot.keyClick(month, Qt.Key.Key_Up)
    assert page.selector.period().spec == "2025-07"


def test_opens_on_the_latest_period_reported_with_every_commune(page: ProvinceDashboardPage) -> None:
    assert page.selector.period().spec == "2025-10"
    assert page.cards["reported"].value.text() == "3/3"
    assert page.cards["reported"].detail.text() == "Tất cả các xã đã gửi báo cáo kỳ này"
    assert not page.cards["reported"].is_alert()
    assert not page.empty_label.isVisible() and page.figures.isVisible()
    assert "Tháng 10 năm 2025" in page.period_label.text()
    assert page.selector.current_btn.text() == "Kỳ mới nhất"


def test_july_figures_equal_the_consolidation(qtbot, page: ProvinceDashboardPage) -> None:  # type: ignore[no-untyped-def]
    _choose_july(qtbot, page)
    c = page.ctx.read(lambda s: consolidate(s, "2025-07"))
    t = c.total
    assert len(c.communes) == 3 and not c.missing
    cards = page.cards
    assert cards["reported"].value.text() == "3/3"
    assert cards["received"].value.text() == fmt_int(t["received_total"]) == "174"
    assert cards["resolved"].value.text() == fmt_int(t["resolved_total"])
    assert cards["on_time"].value.text() == fmt_pct(on_time_rate(t))
    shortage = sum(e["shortage"] for e in c.equipment.values())
    assert cards["shortage"].value.text() == fmt_int(shortage)
    waiting = page.ctx.read(lambda s: list_province_proposals(s, open_only=True))
    assert cards["proposals"].value.text() == fmt_int(len(waiting))
    assert cards["answers"].value.text() == "0"
    # the charts draw the same figures: communes lowest rate first, the province's rate as the line
    rates = sorted((round(on_time_rate(f.dossiers) * 100, 1), f.name) for f in c.communes)
    assert sorted((v, n) for n, v in page.rate_chart.values()) == rates
    assert [v for _n, v in page.rate_chart.values()] == sorted(v for v, _n in rates)
    assert page.rate_chart.province_value() == pytest.approx(round(on_time_rate(t) * 100, 1))
    drawn = dict(page.shortage_chart.values())
    assert sum(drawn.values()) == shortage
    assert [v for v in drawn.values()] == sorted(drawn.values(), reverse=True)


def test_a_missing_commune_is_named_and_flagged_after_its_deadline(qtbot, page: ProvinceDashboardPage) -> None:  # type: ignore[no-untyped-def]
    with page.ctx.session() as s:
        save_commune(s, CommuneEntry(code="17266", name="Xã Môn Sơn"))
    with qtbot.waitSignal(page.figures_shown, timeout=TIMEOUT):
        page.ctx.notify("province_communes")
    assert page.cards["reported"].value.text() == "3/4"
    assert page.cards["reported"].detail.text() == "Chưa gửi: Xã Môn Sơn"
    assert page.cards["reported"].is_alert()  # 5/11 is past the October deadline


def test_an_answer_not_yet_sent_is_counted(qtbot, page: ProvinceDashboardPage) -> None:  # type: ignore[no-untyped-def]
    first = page.ctx.read(lambda s: list_province_proposals(s, open_only=True))[0]
    with page.ctx.session() as s:
        record_answer(s, first.id, ProposalStatus.RESOLVED, "Đã bố trí kinh phí.", TODAY, today=TODAY)
    with qtbot.waitSignal(page.figures_shown, timeout=TIMEOUT):
        page.ctx.notify("province_answers")
    assert page.cards["answers"].value.text() == "1"
    assert "Của 1 xã" in page.cards["answers"].detail.text()


def test_no_report_yet_says_where_to_import_them(qtbot, empty_ctx) -> None:  # type: ignore[no-untyped-def]
    with empty_ctx.session() as s:
        set_province_mode(s)
        save_province_profile(s, ProvinceProfile(code="40"))
        save_commune(s, CommuneEntry(code="16906", name="Xã Lượng Minh"))
    page = _open(qtbot, empty_ctx)
    assert page.empty_label.isVisible() and not page.figures.isVisible()
    assert page.empty_label.text() == "Chưa nhận báo cáo nào: vào «Nhận báo cáo» để nhập tệp của các xã."
