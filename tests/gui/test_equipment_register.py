"""The equipment checklist driven like a clerk would: type a line, see its shortage, filter, search, undo."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from gui.registers.table_model import LazyTableModel
from storage.aggregates.equipment_proposals import equipment_summary
from storage.equipment import EquipmentData, list_equipment, save_equipment
from storage.units import list_units
from storage.vocab import EquipmentKind
from tests.gui.typing_helpers import type_text


def _answer_next_box(button_text: str) -> None:
    """Click the button labelled ``button_text`` in the next modal message box."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

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


def _column(page, header: str) -> int:  # type: ignore[no-untyped-def]
    model = page.model
    return next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == header)


def _row_with(page, description: str) -> int:  # type: ignore[no-untyped-def]
    return next(i for i in range(page.model.rowCount()) if page.model.row_at(i).description == description)


def _type_count(qtbot, spin, text: str) -> None:  # type: ignore[no-untyped-def]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def _error_next_to(widget) -> str:  # type: ignore[no-untyped-def]
    """The red message shown in the field's own box, right under it."""
    texts = [lab.text() for lab in widget.parentWidget().findChildren(QLabel) if lab.isVisible() and lab.text()]
    return "\n".join(texts)


def _lines(ctx, **filters):  # type: ignore[no-untyped-def]
    return ctx.read(lambda s: list_equipment(s, **filters))


def test_typed_line_shows_and_stores_its_shortage(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("equipment")
    ctx = page.ctx
    before = page.model.total()
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N
    form = page.form
    form.kind.setCurrentIndex(form.kind.findData(EquipmentKind.SCANNER))
    type_text(form.description, "Máy scan tài liệu khổ A3")
    form.unit.setCurrentIndex(form.unit.findText("Phòng Kinh tế"))  # picked from the list
    _type_count(qtbot, form.required, "3")
    _type_count(qtbot, form.available, "2")
    _type_count(qtbot, form.working, "1")
    assert form.computed.text().startswith("<span")  # shown in red
    assert "2 (hỏng, không dùng được: 1)" in form.computed.text()
    qtbot.keyClick(form.description, Qt.Key.Key_Return)  # Enter saves

    assert page.model.total() == before + 1
    unit_id = next(u.id for u in ctx.read(list_units) if u.name == "Phòng Kinh tế")
    stored = [r for r in _lines(ctx) if r.description == "Máy scan tài liệu khổ A3"]
    assert len(stored) == 1
    line = stored[0]
    assert (line.kind, line.unit_id, line.required, line.available, line.working) == (
        EquipmentKind.SCANNER,
        unit_id,
        3,
        2,
        1,
    )
    assert line.shortage == 2
    assert form.description.text() == ""  # ready for the next line

    row = _row_with(page, "Máy scan tài liệu khổ A3")
    cell = page.model.index(row, _column(page, "Còn thiếu"))
    assert cell.data() == "2"
    assert cell.data(Qt.ItemDataRole.ForegroundRole) == LazyTableModel.ALERT
    assert page.model.index(row, _column(page, "Đơn vị")).data() == "PKT"  # the unit's short name
    total = ctx.read(equipment_summary).total_shortage  # counted in SQL, apart from the page
    assert page.total_shortage() == total
    assert f"Còn thiếu {total} thiết bị:" in page.summary.text()
    scanners = sum(r.shortage for r in _lines(ctx, kind=EquipmentKind.SCANNER))
    assert f"Máy scan: {scanners}" in page.summary.text()


def test_working_above_available_is_refused_next_to_the_field(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("equipment")
    before = page.model.total()
    page.new_record()
    form = page.form
    type_text(form.description, "Máy tính phòng họp")
    _type_count(qtbot, form.required, "3")
    _type_count(qtbot, form.available, "1")
    _type_count(qtbot, form.working, "3")
    assert not page.save_current()
    assert "Số đang hoạt động (3) lớn hơn số hiện có (1)." in _error_next_to(form.working)
    assert "#b00020" in form.working.styleSheet()
    assert page.model.total() == before
    assert not [r for r in _lines(page.ctx) if r.description == "Máy tính phòng họp"]
    assert form.description.text() == "Máy tính phòng họp"  # what was typed is kept


def test_filters_match_storage_counts(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("equipment")
    ctx = page.ctx
    with ctx.session() as s:  # one complete line, so "only shortages" has something to leave out
        save_equipment(
            s,
            EquipmentData(
                kind=EquipmentKind.PRINTER,
                inventory_date=date(2026, 10, 1),
                required=2,
                available=2,
                working=2,
                description="Máy in màu",
            ),
        )
    ctx.notify("equipment")
    everything = len(_lines(ctx))
    assert page.model.total() == everything

    qtbot.mouseClick(page.f_shortage, Qt.MouseButton.LeftButton)
    assert page.f_shortage.isChecked()
    short = _lines(ctx, shortage_only=True)
    assert page.model.total() == len(short) == everything - 1
    assert all(page.model.row_at(i).shortage > 0 for i in range(page.model.rowCount()))
    assert page.total_shortage() == sum(r.shortage for r in short)

    page.f_kind.setCurrentIndex(page.f_kind.findData(EquipmentKind.DESKTOP))
    assert page.model.total() == len(_lines(ctx, kind=EquipmentKind.DESKTOP, shortage_only=True)) == 2
    assert "Máy tính để bàn: 8" in page.summary.text()
    assert "Máy in" not in page.summary.text()

    vp = next(u.id for u in ctx.read(list_units) if u.short_name == "VP")
    page.f_unit.set_value(vp)
    assert page.model.total() == len(_lines(ctx, kind=EquipmentKind.DESKTOP, unit_id=vp, shortage_only=True)) == 1


def test_search_without_diacritics(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("equipment")
    qtbot.keyClicks(page.search, "may scan")
    expected = _lines(page.ctx, search="may scan")
    assert expected
    qtbot.waitUntil(lambda: page.model.total() == len(expected), timeout=3000)
    shown = [page.model.index(i, 0).data() for i in range(page.model.rowCount())]
    assert "Máy scan" in shown


def test_expiry_only_for_signatures_and_red_when_near(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("equipment")
    form = page.form
    page.new_record()
    assert not form.expiry_date.isEnabled()  # a desktop computer does not expire
    form.kind.setCurrentIndex(form.kind.findData(EquipmentKind.SIGNATURE))
    assert form.expiry_date.isEnabled()
    soon, later = date.today() + timedelta(days=30), date.today() + timedelta(days=200)
    for description, expiry in (("Chứng thư số tổ chức", soon), ("Chứng thư số Chủ tịch", later)):
        form.kind.setCurrentIndex(form.kind.findData(EquipmentKind.SIGNATURE))
        type_text(form.description, description)
        form.expiry_date.set_value(expiry)
        _type_count(qtbot, form.required, "1")
        _type_count(qtbot, form.available, "1")
        _type_count(qtbot, form.working, "1")
        assert page.save_current()
    col = _column(page, "Chứng thư số hết hạn")
    near = page.model.index(_row_with(page, "Chứng thư số tổ chức"), col)
    far = page.model.index(_row_with(page, "Chứng thư số Chủ tịch"), col)
    assert near.data() == soon.strftime("%d/%m/%Y")
    assert near.data(Qt.ItemDataRole.ForegroundRole) == LazyTableModel.ALERT
    assert far.data(Qt.ItemDataRole.ForegroundRole) is None
    assert near.data(Qt.ItemDataRole.ToolTipRole) == "Còn 30 ngày"

    form.kind.setCurrentIndex(form.kind.findData(EquipmentKind.SIGNATURE))
    form.expiry_date.set_value(soon)
    form.kind.setCurrentIndex(form.kind.findData(EquipmentKind.LAPTOP))  # changed their mind
    assert not form.expiry_date.isEnabled()
    assert form.get_data().expiry_date is None


def test_delete_then_ctrl_z_restores(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("equipment")
    ctx = page.ctx
    before = page.model.total()
    row = _row_with(page, "Chứng thư số cá nhân (USB token)")
    page.table.selectRow(row)
    assert page.form.description.text() == "Chứng thư số cá nhân (USB token)"
    _answer_next_box("Xóa")
    page.delete_current()
    assert page.model.total() == before - 1
    assert not _lines(ctx, kind=EquipmentKind.SIGNATURE)
    main_window.activateWindow()  # offscreen has no window manager to give focus back after the box
    qtbot.waitUntil(main_window.isActiveWindow, timeout=3000)
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
    assert page.model.total() == before
    restored = _lines(ctx, kind=EquipmentKind.SIGNATURE)
    assert [(r.description, r.required, r.working, r.expiry_date) for r in restored] == [
        ("Chứng thư số cá nhân (USB token)", 20, 12, date(2027, 6, 30))
    ]


def test_language_switch_relabels_kinds_at_once(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("equipment")
    page.ctx.lang = "en"
    page.retranslate()
    assert page.model.index(0, 0).data() == "Desktop computer"
    assert page.form.kind.currentText() == "Desktop computer"
    assert "Desktop computer: 8" in page.summary.text()
    page.new_record()
    _type_count(qtbot, page.form.available, "1")
    _type_count(qtbot, page.form.working, "2")
    assert not page.save_current()
    assert "The working quantity (2) exceeds the available quantity (1)." in _error_next_to(page.form.working)


def test_model_passes_qtmodeltester_and_sorts_by_shortage(qtbot, qtmodeltester, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("equipment")
    qtmodeltester.check(page.model)
    header = page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.SortOrder.AscendingOrder)
    assert page.model.row_at(0).kind == EquipmentKind.DESKTOP  # kind order, as the arrow says
    page.table.sortByColumn(_column(page, "Còn thiếu"), Qt.SortOrder.DescendingOrder)  # a header click
    shown = [page.model.row_at(i).shortage for i in range(page.model.rowCount())]
    assert shown == sorted((r.shortage for r in _lines(page.ctx)), reverse=True)
    assert shown[0] == 8  # the missing digital certificates
