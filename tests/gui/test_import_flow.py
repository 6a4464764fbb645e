"""Importing from a register: a file with a bad row is explained row by row and stores nothing;
a good file is imported after confirmation; templates are written where the clerk chose."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import func, select

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

import gui.import_flow as import_flow
from gui.import_flow import import_with_preview, save_template
from storage.models import Staff

HEADER = 'Họ và tên,Giới tính,Ngày sinh,"Loại cán bộ, công chức",Ngày bắt đầu công tác\n'


def _staff_count(ctx) -> int:  # type: ignore[no-untyped-def]
    return ctx.read(lambda s: s.scalar(select(func.count()).select_from(Staff)))


def _write(path: Path, *rows: str) -> Path:
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_bad_row_is_listed_with_row_and_column_and_nothing_is_stored(qtbot, main_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("staff")
    ctx = page.ctx
    before = _staff_count(ctx)
    path = _write(
        tmp_path / "nhan-su.csv",
        "Hà Văn Mới,Nam,12/03/1990,Công chức,01/08/2025",
        "Lò Thị Sai,Nữ,31/02/1991,Công chức,01/08/2025",
    )
    flow = import_with_preview(page, ctx, "staff", path=path)
    assert flow is not None
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=10000)
    dialog = flow.dialog
    assert dialog.file_value.text() == "nhan-su.csv"
    assert dialog.rows_value.text() == "2"
    assert dialog.problems.rowCount() == 1
    row, column, message = (dialog.problems.item(0, j).text() for j in range(3))
    assert (row, column) == ("3", "Ngày sinh")  # row numbers as Excel shows them (header = row 1)
    assert "31/02/1991" in message
    assert not dialog.confirm_button.isEnabled()
    assert "không lưu gì" in dialog.verdict.text()

    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "3\tNgày sinh\t" in copied and "31/02/1991" in copied

    with qtbot.waitSignal(flow.finished, timeout=5000) as outcome:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter closes: the import button is disabled
    assert outcome.args == [None]
    assert _staff_count(ctx) == before


def test_good_file_is_imported_from_the_register_button(qtbot, main_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("staff")
    ctx = page.ctx
    before = _staff_count(ctx)
    shown = page.model.total()
    path = _write(
        tmp_path / "nhan-su-moi.csv",
        "Hà Văn Mới,Nam,12/03/1990,Công chức,01/08/2025",
        "Lò Thị Đúng,Nữ,28/02/1991,Công chức,01/08/2025",
    )
    chosen: list[str] = []

    def fake_dialog(parent, caption, folder, filters):  # type: ignore[no-untyped-def]
        chosen.append(caption)
        return str(path), filters.split(";;")[0]

    monkeypatch.setattr(import_flow.QFileDialog, "getOpenFileName", staticmethod(fake_dialog))
    page.import_button.click()
    assert chosen == ["Chọn tệp để nhập: Nhân sự"]
    dialog = None

    def dialog_open() -> bool:
        nonlocal dialog
        flows = page.findChildren(import_flow.ImportFlow)
        dialog = flows[-1].dialog if flows else None
        return dialog is not None and dialog.isVisible()

    qtbot.waitUntil(dialog_open, timeout=10000)
    assert dialog.problems.isHidden()
    assert dialog.counts_value.text().startswith("2 thêm mới")
    assert dialog.confirm_button.isEnabled() and dialog.confirm_button.text() == "Nhập 2 dòng"
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: _staff_count(ctx) == before + 2, timeout=10000)
    qtbot.waitUntil(lambda: page.model.total() == shown + 2, timeout=5000)  # the register refreshed
    assert "Đã nhập 2 dòng" in main_window.statusBar().currentMessage()
    names = ctx.read(lambda s: set(s.scalars(select(Staff.full_name))))
    assert {"Hà Văn Mới", "Lò Thị Đúng"} <= names


def test_template_is_written_as_excel_or_csv(qtbot, main_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_page("staff")
    xlsx = save_template(page, page.ctx, "staff", path=tmp_path / "mau.xlsx")
    assert xlsx == tmp_path / "mau.xlsx"
    sheet = load_workbook(xlsx).worksheets[0]
    assert sheet.cell(row=1, column=1).value == "Họ và tên"
    assert "Đã lưu tệp mẫu" in main_window.statusBar().currentMessage()
    csv = save_template(page, page.ctx, "staff", path=tmp_path / "mau.csv")
    assert csv is not None and csv.read_text(encoding="utf-8-sig").startswith("Họ và tên,")
