"""The reports screen shows the period's figures; each is checked against a count made directly here."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, or_, select

from PySide6.QtCore import Qt

from gui.pages.report_tables import GroupedHeader
from storage.models import Dossier, Equipment, Field, Procedure, Proposal
from storage.periods import PeriodKind
from storage.staff import list_staff
from storage.vocab import Outcome, StaffCategory


def _received(ctx, field: str, start: date, end: date) -> int:  # type: ignore[no-untyped-def]
    """Dossiers of a field received in [start, end], outside the refused ones: the new part of column 3."""
    return ctx.read(
        lambda s: s.scalar(
            select(func.count())
            .select_from(Dossier)
            .join(Procedure, Procedure.id == Dossier.procedure_id)
            .join(Field, Field.id == Procedure.field_id)
            .where(
                Field.name == field,
                Dossier.received_at >= datetime.combine(start, time.min),
                Dossier.received_at < datetime.combine(end + timedelta(days=1), time.min),
                or_(Dossier.outcome.is_(None), Dossier.outcome != int(Outcome.NOT_ACCEPTED)),
            )
        )
    )


def _row(table, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    for i in range(table.rowCount()):
        if table.item(i, 1).text() == name:
            return [table.item(i, j).text() for j in range(table.columnCount())]
    raise AssertionError(f"no row {name!r}")


def test_july_2025_official_shows_the_published_43_civil_status_dossiers(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("reports")
    assert page.current_kind() is PeriodKind.MONTH  # the default kind
    page.year.setFocus()
    page.year.selectAll()
    qtbot.keyClicks(page.year, "2025")
    page.index.setCurrentIndex(6)
    assert page.official.isChecked()  # the database's rule: official cut-off periods
    assert page.period_line.text() == "Tháng 7 năm 2025 (Từ ngày 15/06/2025 đến ngày 14/07/2025)"
    table = page.dossiers.table
    civil = _row(table, "Hộ tịch")
    assert civil[2] == civil[6] == "43"  # received (3) and resolved (7)
    assert int(civil[7]) + int(civil[8]) == 43 and civil[9] == "0"  # early + on time, none late
    assert _received(page.ctx, "Hộ tịch", date(2025, 6, 15), date(2025, 7, 14)) == 43
    total = [table.item(table.rowCount() - 1, j) for j in range(13)]
    assert total[1].text() == "Tổng số" and total[2].text() == "43" and total[2].font().bold()
    header = table.horizontalHeader()
    assert isinstance(header, GroupedHeader)
    assert table.model().headerData(3, Qt.Orientation.Horizontal) == "Trong đó:\nTrực tuyến\n(4)"
    assert header.sizeHint().height() > 3 * header.fontMetrics().height()  # group band above the titles
    assert re.search(r"đúng hạn:</b> 100[,.]0%", page.dossiers.rates.text())  # separator follows the locale


def test_calendar_month_and_custom_range(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("reports")
    page.set_period(PeriodKind.MONTH, 2025, 8, official=True)
    qtbot.mouseClick(page.official, Qt.MouseButton.LeftButton)  # switch to calendar dates
    assert not page.official.isChecked()
    assert page.period_line.text() == "Tháng 8 năm 2025 (Từ ngày 01/08/2025 đến ngày 31/08/2025)"
    received = _received(page.ctx, "Hộ tịch", date(2025, 8, 1), date(2025, 8, 31))
    civil = _row(page.dossiers.table, "Hộ tịch")
    assert int(civil[3]) + int(civil[4]) == received  # new dossiers: online + direct/postal

    page.kind.setCurrentIndex(page.kind.findData(PeriodKind.CUSTOM))
    assert page.start.isVisibleTo(page) and not page.year.isVisibleTo(page)
    page.start.set_value(date(2025, 8, 1))
    page.end.set_value(date(2025, 8, 31))
    assert page.period_line.text() == "Từ ngày 01/08/2025 đến ngày 31/08/2025"
    assert _row(page.dossiers.table, "Hộ tịch") == civil
    page.end.set_value(date(2025, 7, 1))  # before the start: said plainly, figures kept
    assert page.error_line.isVisibleTo(page)
    assert "01/08/2025" in page.error_line.text() and "sau ngày kết thúc" in page.error_line.text()


def test_only_used_fields_by_default_all_fields_on_request(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("reports")
    page.set_period(PeriodKind.MONTH, 2025, 7, official=True)
    table = page.dossiers.table
    assert table.rowCount() == 2  # Hộ tịch + total
    page.dossiers.only_used.click()
    fields = page.ctx.read(lambda s: s.scalar(select(func.count()).select_from(Field).where(Field.active)))
    assert table.rowCount() == fields + 1


def test_staff_equipment_and_proposal_tabs(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("reports")
    page.set_period(PeriodKind.QUARTER, 2026, 2, official=False)
    on = date(2026, 6, 30)
    assert page.staff.title.text() == "Nhân sự đang công tác ngày 30/06/2026"
    in_post = page.ctx.read(lambda s: list_staff(s, on=on))
    by_category = page.staff.by_category
    for i in range(by_category.rowCount() - 1):
        label = by_category.item(i, 0).text()
        category = next(c for c in StaffCategory if c.label("vi") == label)
        assert by_category.item(i, 1).text() == str(sum(1 for p in in_post if p.category == category))
    assert by_category.item(by_category.rowCount() - 1, 1).text() == str(len(in_post))

    shortage = page.ctx.read(
        lambda s: sum(max(r - w, 0) for r, w in s.execute(select(Equipment.required, Equipment.working)))
    )
    eq = page.equipment.table
    assert eq.item(eq.rowCount() - 1, 0).text() == "Tổng cộng"
    assert eq.item(eq.rowCount() - 1, 5).text() == str(shortage)

    raised = page.ctx.read(
        lambda s: s.scalar(select(func.count()).select_from(Proposal).where(Proposal.raised_date <= on))
    )
    status = page.proposals.by_status
    assert status.item(status.rowCount() - 1, 1).text() == str(raised)
