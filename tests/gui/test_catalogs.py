"""The catalogs screen driven like a clerk would: units, procedures, the working calendar and quotas."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import and_, func, or_, select

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from storage.calendar import DayKind
from storage.calendar_store import list_days
from storage.catalog import find_procedure, list_procedures
from storage.deadlines import TimeUnit
from storage.dossiers import DossierData, save_dossier
from storage.models import Dossier, Staff
from storage.quotas import list_quota_rows
from storage.units import find_unit, list_units
from storage.vocab import StaffCategory
from tests.gui.typing_helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
# Typing in a picker opens its completer popup (qt_log_ignore below), which offscreen cannot raise or grab for.


def _answer_boxes(answers: list[str], seen: list[str]) -> None:
    """Click ``answers[i]`` in the i-th modal message box to come, noting each box's text in ``seen``."""
    pending = list(answers)
    handled: set[int] = set()

    def tick() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible() and id(box) not in handled:
            for b in box.buttons():
                if b.text() == pending[0]:
                    handled.add(id(box))
                    seen.append(box.text())
                    pending.pop(0)
                    b.click()
                    break
        if pending:
            QTimer.singleShot(20, tick)

    QTimer.singleShot(0, tick)


def _catalogs(main_window, tab: str):  # type: ignore[no-untyped-def]
    page = main_window.show_page("catalogs")
    return page.show_tab(tab)


def _row_where(page, predicate) -> int:  # type: ignore[no-untyped-def]
    return next(i for i in range(page.model.rowCount()) if predicate(page.model.row_at(i)))


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_new_unit_is_offered_in_the_staff_form(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    staff = main_window.page("staff")  # already open, as the clerk left it
    units = _catalogs(main_window, "units")
    before = units.model.total()
    qtbot.keyClick(main_window, Qt.Key.Key_N, CTRL)  # Ctrl+N goes to the tab in front
    type_text(units.form.name, "Tổ Một cửa liên thông")
    qtbot.keyClicks(units.form.short_name, "TMC")
    qtbot.keyClick(units.form.name, Qt.Key.Key_Return)

    assert units.model.total() == before + 1
    stored = units.ctx.read(lambda s: find_unit(s, "to mot cua lien thong"))
    assert stored is not None and stored.short_name == "TMC"
    assert staff.form.unit.findText("Tổ Một cửa liên thông") >= 0  # refilled through ctx.notify("units")
    main_window.show_page("staff")
    qtbot.keyClicks(staff.form.unit.lineEdit(), "mot cua")  # chosen by a few words without diacritics
    popup = staff.form.unit.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert staff.form.unit.value() == stored.id


def test_deleting_a_unit_with_staff_is_refused_and_the_unit_kept(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    units = _catalogs(main_window, "units")
    ctx = units.ctx
    before = ctx.read(lambda s: len(list_units(s)))
    units.table.selectRow(_row_where(units, lambda r: r.unit.name == "Phòng Kinh tế"))
    assert units.form.name.text() == "Phòng Kinh tế"

    seen: list[str] = []
    _answer_boxes(["Xóa", "Đóng"], seen)
    units.delete_current()

    assert len(seen) == 2
    assert seen[0] == "Xóa đơn vị “Phòng Kinh tế”?"
    assert "Không thể xóa đơn vị “Phòng Kinh tế”" in seen[1] and "nhân sự" in seen[1]
    assert ctx.read(lambda s: len(list_units(s))) == before
    assert ctx.read(lambda s: find_unit(s, "Phòng Kinh tế")) is not None
    assert units.model.total() == before


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_add_procedure_and_find_it_without_diacritics(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    procedures = _catalogs(main_window, "procedures")
    ctx = procedures.ctx
    qtbot.keyClick(main_window, Qt.Key.Key_N, CTRL)
    form = procedures.form
    qtbot.keyClicks(form.code, "HT-GH")
    type_text(form.name, "Đăng ký giám hộ")
    qtbot.keyClicks(form.field.lineEdit(), "ho tich")  # no diacritics: the picker offers "Hộ tịch"
    popup = form.field.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    assert popup.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.field.currentText() == "Hộ tịch"
    assert form.time_unit.value() == TimeUnit.WORKING_DAYS
    form.days_direct.selectAll()
    qtbot.keyClicks(form.days_direct, "5")
    qtbot.keyClick(form.code, Qt.Key.Key_Return)

    stored = ctx.read(lambda s: find_procedure(s, "HT-GH"))
    assert stored is not None, form.problem_texts()
    assert (stored.name, stored.field_name, stored.time_unit, stored.days_direct) == (
        "Đăng ký giám hộ",
        "Hộ tịch",
        TimeUnit.WORKING_DAYS,
        5,
    )
    assert stored.days_online is None and stored.days_postal is None  # "như nộp trực tiếp"

    qtbot.keyClicks(procedures.search, "giam ho")
    qtbot.waitUntil(lambda: procedures.model.total() == 1, timeout=3000)
    assert procedures.model.row_at(0).name == "Đăng ký giám hộ"
    assert procedures.model.index(0, 3).data() == "5 ngày làm việc"


def test_procedure_with_dossiers_is_retired_instead_of_deleted(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    procedures = _catalogs(main_window, "procedures")
    ctx = procedures.ctx
    procedures.table.selectRow(_row_where(procedures, lambda r: r.code == "HT-KS"))

    seen: list[str] = []
    _answer_boxes(["Xóa", "Đóng"], seen)
    procedures.delete_current()
    assert "Không thể xóa thủ tục “Đăng ký khai sinh”" in seen[1]
    assert ctx.read(lambda s: find_procedure(s, "HT-KS")) is not None

    assert procedures.retire_button.text() == "Ngừng sử dụng"
    qtbot.mouseClick(procedures.retire_button, Qt.MouseButton.LeftButton)
    assert not ctx.read(lambda s: find_procedure(s, "HT-KS")).active
    assert procedures.retire_button.text() == "Dùng lại"
    active_codes = {p.code for p in ctx.read(lambda s: list_procedures(s, active_only=True))}
    assert "HT-KS" not in active_codes  # no longer offered for new dossiers


def _all_due_dates(ctx) -> dict[int, date]:  # type: ignore[no-untyped-def]
    return dict(ctx.read(lambda s: s.execute(select(Dossier.id, Dossier.due_date_computed)).all()))


def test_day_off_moves_stored_due_dates(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    calendar = _catalogs(main_window, "calendar")
    ctx = calendar.ctx
    with ctx.session() as s:  # Monday 02/11/2026, 3 working days: due Thursday 05/11
        proc = find_procedure(s, "HT-XNHN")
        assert proc is not None and proc.days_direct == 3
        data = DossierData(procedure_id=proc.id, applicant_name="Lò Thị Mai", received_at=datetime(2026, 11, 2, 9))
        dossier_id = save_dossier(s, data, today=date(2026, 11, 2))
    before = _all_due_dates(ctx)
    assert before[dossier_id] == date(2026, 11, 5)

    calendar.year.setValue(2026)
    qtbot.keyClick(main_window, Qt.Key.Key_N, CTRL)
    calendar.form.day.set_value(date(2026, 11, 4))  # a Wednesday
    assert calendar.form.weekday.text() == "Thứ Tư"
    type_text(calendar.form.name, "Nghỉ đột xuất theo thông báo")
    qtbot.keyClick(calendar.form.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: calendar.recompute_task is not None and not calendar.recompute_task.running, timeout=10000)

    after = _all_due_dates(ctx)
    assert after[dossier_id] == date(2026, 11, 6)  # one working day later
    moved = sum(1 for k in before if before[k] != after[k])
    assert calendar.result_label.text() == f"Đã tính lại hạn giải quyết: {moved} hồ sơ có hạn mới."
    days = ctx.read(lambda s: list_days(s, 2026))
    added = next(d for d in days if d.day == date(2026, 11, 4))
    assert (added.kind, added.name, added.source) == (DayKind.OFF, "Nghỉ đột xuất theo thông báo", "user")
    row = _row_where(calendar, lambda r: r.day == date(2026, 11, 4))
    assert [calendar.model.index(row, c).data() for c in range(5)] == [
        "04/11/2026",
        "Thứ Tư",
        "Nghỉ",
        "Nghỉ đột xuất theo thông báo",
        "Người dùng nhập",
    ]

    # Removing the day again puts the due date back.
    calendar.table.selectRow(row)
    _answer_boxes(["Xóa"], [])
    calendar.delete_current()
    qtbot.waitUntil(lambda: not calendar.recompute_task.running, timeout=10000)
    assert _all_due_dates(ctx)[dossier_id] == date(2026, 11, 5)
    # ...and Ctrl+Z brings the day off back, with its effect on the due date.
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow, timeout=3000)
    qtbot.keyClick(main_window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not calendar.recompute_task.running, timeout=10000)
    assert _all_due_dates(ctx)[dossier_id] == date(2026, 11, 6)


def test_weekend_day_off_is_refused_with_a_vietnamese_message(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    calendar = _catalogs(main_window, "calendar")
    ctx = calendar.ctx
    calendar.year.setValue(2026)
    before = ctx.read(lambda s: list_days(s, 2026))
    calendar.new_record()
    calendar.form.day.set_value(date(2026, 11, 7))  # a Saturday
    assert calendar.form.weekday.text() == "Thứ Bảy"
    assert calendar.form.kind.value() == DayKind.OFF
    qtbot.keyClick(calendar.form.name, Qt.Key.Key_Return)

    assert "Ngày 07/11/2026 là ngày nghỉ cuối tuần, không cần khai báo là ngày nghỉ." in calendar.form.problem_texts()
    assert ctx.read(lambda s: list_days(s, 2026)) == before
    assert calendar.recompute_task is None  # nothing changed, nothing recomputed


def test_importing_days_off_recomputes_due_dates(qtbot, main_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import gui.import_flow as import_flow

    calendar = _catalogs(main_window, "calendar")
    ctx = calendar.ctx
    with ctx.session() as s:
        proc = find_procedure(s, "HT-XNHN")  # 3 working days
        assert proc is not None
        data = DossierData(procedure_id=proc.id, applicant_name="Hà Văn Lâm", received_at=datetime(2026, 11, 2, 9))
        dossier_id = save_dossier(s, data, today=date(2026, 11, 2))
    assert _all_due_dates(ctx)[dossier_id] == date(2026, 11, 5)
    path = tmp_path / "lich-nghi.csv"
    path.write_text("Ngày,Loại ngày,Tên ngày\n03/11/2026,Nghỉ,Nghỉ đột xuất\n04/11/2026,Nghỉ,Nghỉ đột xuất\n", "utf-8")
    monkeypatch.setattr(
        import_flow.QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(path), "CSV (*.csv)"))
    )

    calendar.import_button.click()
    qtbot.waitUntil(
        lambda: any(f.dialog is not None for f in calendar.findChildren(import_flow.ImportFlow)), timeout=10000
    )
    dialog = next(f.dialog for f in calendar.findChildren(import_flow.ImportFlow) if f.dialog is not None)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: calendar.recompute_task is not None and not calendar.recompute_task.running, timeout=10000)

    assert _all_due_dates(ctx)[dossier_id] == date(2026, 11, 9)  # Tue and Wed off: Thu, Fri, Mon
    assert "hồ sơ có hạn mới" in calendar.result_label.text()


def _in_post(ctx, category: StaffCategory, on: date) -> int:  # type: ignore[no-untyped-def]
    """Headcount counted straight from the staff table, independently of the screen."""
    query = (
        select(func.count())
        .select_from(Staff)
        .where(
            Staff.category == str(category),
            Staff.start_date <= on,
            or_(Staff.end_date.is_(None), and_(Staff.end_date > on)),
        )
    )
    return int(ctx.read(lambda s: s.scalar(query)))


def test_quota_shows_vacancies_and_is_stored(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    quotas = _catalogs(main_window, "quotas")
    ctx = quotas.ctx
    quotas.year.setValue(2025)
    in_post = _in_post(ctx, StaffCategory.CONG_CHUC, date(2025, 12, 31))
    assert in_post > 0
    row = list(StaffCategory).index(StaffCategory.CONG_CHUC)
    assert quotas.table.item(row, 3).text() == str(in_post)

    spin = quotas.spins[StaffCategory.CONG_CHUC]
    spin.selectAll()
    qtbot.keyClicks(spin, str(in_post + 4))
    quotas.decisions[StaffCategory.CONG_CHUC].clear()
    type_text(quotas.decisions[StaffCategory.CONG_CHUC], "45/QĐ-UBND ngày 10/01/2025")
    assert quotas.table.item(row, 4).text() == "4"  # vacancies = quota − in post, while typing
    qtbot.keyClick(main_window, Qt.Key.Key_S, CTRL)

    stored = {r.category: r for r in ctx.read(lambda s: list_quota_rows(s, 2025))}
    assert stored[StaffCategory.CONG_CHUC].quota == in_post + 4
    assert stored[StaffCategory.CONG_CHUC].decision_ref == "45/QĐ-UBND ngày 10/01/2025"

    spin.selectAll()
    qtbot.keyClicks(spin, str(in_post - 2))
    assert quotas.table.item(row, 4).text() == "Vượt 2"  # more people than posts
    quotas.reload()  # "Hủy thay đổi": back to what is stored
    assert spin.value() == in_post + 4


def test_catalog_tables_are_sound_models(qtbot, qtmodeltester, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("catalogs")
    for tab in ("units", "procedures", "calendar"):
        register = page.show_tab(tab)
        qtmodeltester.check(register.model)
        assert register.model.total() > 0
    page.retranslate()  # what a language switch does: texts reset, rows kept
    assert page.tabs.tabText(2) == "Lịch nghỉ, làm bù"
    assert page.calendar.model.total() > 0


def test_switching_year_with_unsaved_quota_asks_first(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    quotas = _catalogs(main_window, "quotas")
    ctx = quotas.ctx
    quotas.year.setValue(2025)
    stored_before = ctx.read(lambda s: list_quota_rows(s, 2025))
    spin = quotas.spins[StaffCategory.VIEN_CHUC]
    spin.selectAll()
    qtbot.keyClicks(spin, "3")
    seen: list[str] = []
    _answer_boxes(["Không lưu"], seen)
    quotas.year.setValue(2026)

    assert seen == ["Lưu chỉ tiêu biên chế năm 2025 vừa sửa?"]
    assert ctx.read(lambda s: list_quota_rows(s, 2025)) == stored_before
    assert spin.value_or_none() is None  # 2026 shown, no quota for public employees there
