"""The dashboard driven like a clerk would: pick a period, read the cards, open the overdue list.

Every figure on screen is compared with storage's aggregates computed here independently. The
figures are computed in the background: tests wait until the page has shown them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor

from gui.pages.dashboard_charts import ON_TIME
from gui.widgets.format import fmt_int, fmt_pct
from storage.aggregates.summary import period_summary
from storage.aggregates.trends import as_of, monthly_dossier_trend, overdue_dossiers
from storage.catalog import find_procedure
from storage.dossiers import DossierData, save_dossier
from storage.periods import PeriodKind, period_for
from storage.vocab import Channel, EquipmentKind

TODAY = date(2026, 11, 21)  # three weeks after the demo data end: ten dossiers are overdue


@pytest.fixture(autouse=True)
def vietnamese_numbers() -> Iterator[None]:
    """Numbers as the Vietnamese interface shows them (1.234, 52,8%)."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    yield
    QLocale.setDefault(before)


def _settled(qtbot, dash) -> None:  # type: ignore[no-untyped-def]
    """Wait until the background computation has put its figures on screen."""
    qtbot.waitUntil(lambda: not dash.is_computing(), timeout=20000)


@pytest.fixture
def page(qtbot, main_window):  # type: ignore[no-untyped-def]
    """The dashboard on the demo data, looking at the period running on TODAY."""
    dash = main_window.show_page("dashboard")
    dash.today = lambda: TODAY
    qtbot.mouseClick(dash.selector.current_btn, Qt.MouseButton.LeftButton)
    _settled(qtbot, dash)
    assert dash.data is not None and dash.data.period.end == TODAY
    return dash


def _choose_month(qtbot, dash, month: int, year: int) -> None:  # type: ignore[no-untyped-def]
    """Pick a month with the keyboard, then type the year, as a user does."""
    sel = dash.selector
    assert sel.kind.currentText() == "Tháng"
    sel.index.setFocus()
    qtbot.keyClick(sel.index, Qt.Key.Key_Home)
    for _ in range(month - 1):
        qtbot.keyClick(sel.index, Qt.Key.Key_Down)
    sel.year.setFocus()
    sel.year.lineEdit().selectAll()
    qtbot.keyClicks(sel.year, str(year))
    qtbot.keyClick(sel.year, Qt.Key.Key_Return)
    _settled(qtbot, dash)


def _expected_cards(dash, period) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The card numbers computed straight from storage for ``period`` seen on TODAY."""
    seen = as_of(period, TODAY)
    summary = dash.ctx.read(lambda s: period_summary(s, seen))
    t, st = summary.dossiers.total, summary.staffing
    return {
        "received": fmt_int(t.received_total),
        "resolved": fmt_int(t.resolved_total),
        "on_time": "—" if t.on_time_rate is None else fmt_pct(t.on_time_rate),
        "pending": fmt_int(t.pending_total),
        "overdue": fmt_int(t.pending_overdue),
        "staff": f"{fmt_int(st.official_posts)} / {fmt_int(st.official_quota)}",
        "signature": fmt_pct(st.signature_coverage),
        "equipment": fmt_int(summary.equipment.total_shortage),
        "proposals": fmt_int(summary.proposals.open_at_end),
    }


def _shown(dash) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {key: card.value.text() for key, card in dash.cards.items()}


def test_july_2025_cards_show_the_storage_figures(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    _choose_month(qtbot, page, 7, 2025)
    july = period_for(PeriodKind.MONTH, 2025, 7)
    assert page.selector.period() == july
    assert page.period_label.text().startswith("Tháng 7 năm 2025 (Từ ngày 15/06/2025 đến ngày 14/07/2025)")
    shown = _shown(page)
    assert shown == _expected_cards(page, july)
    # The official July 2025 period of the demo commune, as the monthly report states it.
    assert (shown["received"], shown["resolved"], shown["on_time"]) == ("43", "43", "100,0%")
    assert (shown["pending"], shown["overdue"]) == ("0", "0")
    assert not page.cards["overdue"].is_alert()
    assert shown["staff"] == "36 / 39" and shown["signature"] == "52,8%"
    assert "Máy tính để bàn 8" in page.cards["equipment"].detail.text()  # the largest shortage is named
    assert page.cards["proposals"].detail.text() == "Chờ lâu nhất 3 ngày (từ 11/07/2025)"


def test_current_period_cards_match_storage_and_overdue_is_red(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    december = period_for(PeriodKind.MONTH, 2026, 12)  # 15/11–14/12/2026 holds 21/11
    assert page.selector.period() == december
    assert "số liệu tính đến hết ngày 21/11/2026" in page.period_label.text()
    shown = _shown(page)
    assert shown == _expected_cards(page, december)
    assert shown["overdue"] == "10"
    assert page.cards["overdue"].is_alert()
    assert not page.selector.next_btn.isEnabled()  # no data after today: no step forward
    qtbot.mouseClick(page.selector.prev_btn, Qt.MouseButton.LeftButton)
    november = period_for(PeriodKind.MONTH, 2026, 11)
    assert page.selector.period() == november and page.selector.next_btn.isEnabled()
    assert page.period_label.text().startswith("Tháng 11 năm 2026")  # the new period is named at once...
    assert page.cards["overdue"].is_pending()  # ...while December's figures wait, greyed
    _settled(qtbot, page)
    assert not page.cards["overdue"].is_pending()
    assert _shown(page) == _expected_cards(page, november)
    assert "tính đến" not in page.period_label.text()  # November is over: no "as of" note


def test_overdue_card_opens_the_list_storage_counts(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    _choose_month(qtbot, page, 11, 2026)  # over on 14/11/2026: the list is that day's
    november = period_for(PeriodKind.MONTH, 2026, 11)
    form = page.ctx.read(lambda s: period_summary(s, november)).dossiers.total
    assert form.pending_overdue == 8 and page.cards["overdue"].value.text() == "8"
    qtbot.mouseClick(page.cards["overdue"], Qt.MouseButton.LeftButton)
    dialog = page.overdue_dialog
    assert dialog is not None and dialog.isVisible()
    calendar = page.ctx.rules().calendar
    expected = page.ctx.read(lambda s: overdue_dossiers(s, november.end, calendar))
    assert dialog.total() == dialog.model.rowCount() == form.pending_overdue == len(expected)
    assert dialog.codes() == [r.code for r in expected]
    assert dialog.heading.text() == "8 hồ sơ đang giải quyết đã quá hạn tính đến hết ngày 14/11/2026."
    assert [dialog.cell(0, c) for c in (4, 5)] == [
        expected[0].due_date.strftime("%d/%m/%Y"),
        str(expected[0].overdue_days),
    ]
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    page.cards["overdue"].setFocus()
    qtbot.keyClick(page.cards["overdue"], Qt.Key.Key_Return)  # the card works from the keyboard too
    assert page.overdue_dialog is not dialog and page.overdue_dialog.total() == 8
    page.overdue_dialog.close()


def test_overdue_button_today_goes_to_the_register_or_lists_them(qtbot, main_window, page) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.overdue_btn, Qt.MouseButton.LeftButton)
    register = main_window._pages.get("dossiers")
    if register is not None and callable(getattr(register, "show_overdue", None)):
        assert main_window.current_page() is register  # the colleague's register filters them
        return
    assert main_window.current_page() is page
    calendar = page.ctx.rules().calendar
    expected = page.ctx.read(lambda s: overdue_dossiers(s, TODAY, calendar))
    assert page.overdue_dialog.total() == len(expected) == 10
    assert page.overdue_dialog.codes() == [r.code for r in expected]
    page.overdue_dialog.close()


def test_charts_show_twelve_months_and_equipment(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    _choose_month(qtbot, page, 7, 2025)
    monthly, rate, equipment = page.monthly_chart, page.rate_chart, page.equipment_chart
    assert monthly.categories() == [f"T{m}/2024" for m in range(8, 13)] + [f"T{m}/2025" for m in range(1, 8)]
    assert rate.categories() == monthly.categories()
    trend = page.ctx.read(lambda s: monthly_dossier_trend(s, date(2025, 7, 14)))
    assert monthly.stack_totals() == [p.received for p in trend]
    assert rate.values() == [(11.0, 100.0)]  # only July 2025 resolved anything: all on time
    kinds = page.ctx.read(lambda s: period_summary(s, period_for(PeriodKind.MONTH, 2025, 7))).equipment.by_kind
    assert len(equipment.categories()) == len(kinds) == 12
    assert equipment.categories()[-1] == EquipmentKind.DESKTOP.label()  # first kind drawn at the top
    image = monthly.grab().toImage()
    assert not image.isNull()
    blue = QColor(ON_TIME).rgb()
    painted = sum(
        1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3) if image.pixel(x, y) == blue
    )
    assert painted > 50  # the on-time bar of July 2025 is really drawn offscreen


def test_background_changes_wait_until_the_page_is_shown(qtbot, main_window, page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import gui.pages.dashboard as dashboard

    calls: list[object] = []
    real = dashboard.load_dashboard
    monkeypatch.setattr(dashboard, "load_dashboard", lambda *a: calls.append(a) or real(*a))
    before = page.cards["received"].value.text()
    main_window.show_page("staff")
    with page.ctx.session() as s:
        proc = find_procedure(s, "HT-KS")
        assert proc is not None
        data = DossierData(procedure_id=proc.id, applicant_name="Lò Văn Mới", received_at=datetime(2026, 11, 20, 9),
                           channel=Channel.ONLINE)  # fmt: skip
        save_dossier(s, data, today=TODAY)
    page.ctx.notify("dossiers")
    page.ctx.notify("staff")
    assert calls == []  # hidden: nothing recomputed
    assert page.cards["received"].value.text() == before
    main_window.show_page("dashboard")
    _settled(qtbot, page)
    assert len(calls) == 1
    assert page.cards["received"].value.text() == fmt_int(int(before) + 1)
    page.ctx.notify("equipment")  # visible: recomputed at once
    _settled(qtbot, page)
    assert len(calls) == 2


def test_language_switch_rewrites_the_period(page) -> None:  # type: ignore[no-untyped-def]
    page.ctx.lang = "en"
    page.retranslate()
    assert page.period_label.text().startswith("December 2026 (From 15/11/2026 to 14/12/2026)")
    assert (
        page.cards["received"].value.text() == _expected_cards(page, period_for(PeriodKind.MONTH, 2026, 12))["received"]
    )


def test_empty_database_shows_zeros_and_plain_explanations(qtbot, empty_ctx) -> None:  # type: ignore[no-untyped-def]
    from gui.pages.dashboard import DashboardPage

    dash = DashboardPage(empty_ctx)
    qtbot.addWidget(dash)
    dash.today = lambda: TODAY
    dash.resize(1100, 800)
    dash.show()  # first shown: computed now
    assert dash.data is None and dash.busy_label.isVisible()  # nothing to show yet: "Đang tính…"
    _settled(qtbot, dash)
    assert dash.data is not None and not dash.busy_label.isVisible()
    shown = _shown(dash)
    assert (shown["received"], shown["overdue"], shown["on_time"], shown["signature"]) == ("0", "0", "—", "—")
    assert dash.cards["equipment"].detail.text() == "Chưa nhập trang thiết bị"
    assert dash.cards["proposals"].detail.text() == "Không có kiến nghị nào đang chờ"
    assert len(dash.monthly_chart.categories()) == 12 and dash.equipment_chart.categories() == []
    assert dash.rate_chart.values() == []


def test_only_the_latest_choice_reaches_the_screen_computed_off_the_gui_thread(qtbot, page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import gui.pages.dashboard as dashboard

    asked: list[tuple[object, threading.Thread]] = []
    real = dashboard.load_dashboard

    def spy(session, period, today):  # type: ignore[no-untyped-def]
        asked.append((period, threading.current_thread()))
        return real(session, period, today)

    monkeypatch.setattr(dashboard, "load_dashboard", spy)
    shown: list[tuple[object, object]] = []
    page.figures_shown.connect(lambda: shown.append((page.data.period, page.selector.period())))
    june, july = period_for(PeriodKind.MONTH, 2025, 6), period_for(PeriodKind.MONTH, 2025, 7)
    page.selector.set_period(june, emit=True)  # the clerk steps on before June's figures are back
    page.selector.set_period(july, emit=True)
    assert page.is_computing() and page.period_label.text().startswith("Tháng 7 năm 2025")
    _settled(qtbot, page)
    assert [p for p, _t in asked] == [june, july]  # one at a time: July waited for June to finish
    assert all(t is not threading.main_thread() for _p, t in asked)  # never on the GUI thread
    assert shown == [(july, july)]  # June's result, no longer wanted, never reached the screen
    assert _shown(page) == _expected_cards(page, july)


def test_a_failed_computation_is_explained_and_the_page_keeps_working(qtbot, page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    import gui.pages.dashboard as dashboard

    def broken(*_a):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk image is malformed")

    monkeypatch.setattr(dashboard, "load_dashboard", broken)
    before = _shown(page)
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.buttons()[0].click()

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(page.selector.prev_btn, Qt.MouseButton.LeftButton)
    _settled(qtbot, page)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0].startswith("Đã xảy ra lỗi không mong đợi.")  # a plain message, details behind a button
    assert _shown(page) == before and not page.cards["received"].is_pending()  # old figures, no longer grey
    monkeypatch.undo()
    qtbot.mouseClick(page.selector.prev_btn, Qt.MouseButton.LeftButton)  # the next choice works again
    _settled(qtbot, page)
    assert _shown(page) == _expected_cards(page, period_for(PeriodKind.MONTH, 2026, 10))


def test_overdue_list_loads_page_by_page(qtbot, qtmodeltester, page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import gui.pages.dashboard_overdue as overdue

    monkeypatch.setattr(overdue, "BATCH", 3)  # 8 overdue dossiers: three pages
    _choose_month(qtbot, page, 11, 2026)  # a past period: the dashboard's own list, not the register
    page.show_overdue()
    dialog = page.overdue_dialog
    calendar = page.ctx.rules().calendar
    expected = [r.code for r in page.ctx.read(lambda s: overdue_dossiers(s, date(2026, 11, 14), calendar))]
    assert dialog.total() == len(expected) > 3 and dialog.heading.text().startswith(f"{len(expected)} hồ sơ")
    assert dialog.codes() == expected[: len(dialog.codes())]  # only what was asked for is loaded
    while dialog.model.canFetchMore():
        dialog.table.scrollToBottom()  # as the user scrolls down, the next page comes
        dialog.model.fetchMore()
    assert dialog.codes() == expected
    qtmodeltester.check(dialog.model)
    dialog.close()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 700)])
def test_chart_labels_are_never_cut_on_common_screens(qtbot, main_window, page, size) -> None:  # type: ignore[no-untyped-def]
    """QtCharts elides a label that does not fit ("T12/2…"): months go on two lines or upright instead."""
    main_window.resize(*size)
    charts = (page.monthly_chart, page.rate_chart, page.equipment_chart)
    qtbot.waitUntil(lambda: not any(c.category_axis.labelsTruncated() for c in charts), timeout=5000)
    assert page.monthly_chart.categories() == [f"T{m}/2026" for m in range(1, 13)]  # the labels, whatever their form
    rate, equipment = page.rate_chart, page.equipment_chart
    if size[0] < 1366:  # too narrow for two charts side by side: one under the other
        qtbot.waitUntil(lambda: equipment.geometry().top() > rate.geometry().bottom(), timeout=5000)
    else:
        qtbot.waitUntil(lambda: equipment.geometry().left() > rate.geometry().right(), timeout=5000)
        assert equipment.geometry().top() == rate.geometry().top()
