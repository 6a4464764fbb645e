"""Danh sách xã driven like a clerk would: search without diacritics, add by code from the keyboard, edit,
deletion refused for a commune with reports, the official list added at once, and a file imported only after
a preview that lists every bad row."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.main_window import LAST_PROVINCE_PAGE, MainWindow
from storage.province.registry import list_communes
from storage.vocab import AreaType
from tests.gui.typing_helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


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


@pytest.fixture
def window(qtbot, province_ctx):  # type: ignore[no-untyped-def]
    province_ctx.settings.set(LAST_PROVINCE_PAGE, "communes")
    w = MainWindow(province_ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    return w


@pytest.fixture
def page(window):  # type: ignore[no-untyped-def]
    return window.current_page()


def _names(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [page.model.row_at(i).name for i in range(page.model.rowCount())]


def _registry(ctx) -> dict[str, tuple[str, AreaType, bool]]:  # type: ignore[no-untyped-def]
    return {r.code: (r.name, r.area_type, r.active) for r in ctx.read(list_communes)}


def _select(page, name: str) -> None:  # type: ignore[no-untyped-def]
    row = _names(page).index(name)
    page.table.selectRow(row)
    page.table.setFocus()


def test_table_and_search_without_diacritics(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    assert type(page).__name__ == "CommunesPage"
    assert _names(page) == ["Xã Chiêu Lưu", "Xã Con Cuông", "Xã Lượng Minh"]
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers == ["Mã xã", "Tên xã", "Loại địa bàn", "Theo dõi", "Tệp báo cáo đã nhận"]
    first = [page.model.index(0, c).data() for c in range(5)]
    assert first == ["16855", "Xã Chiêu Lưu", "Miền núi", "Có", "4"]  # four monthly files received
    qtbot.keyClick(page, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(page.search, "luong")
    qtbot.waitUntil(lambda: _names(page) == ["Xã Lượng Minh"], timeout=3000)
    page.search.clear()
    qtbot.keyClicks(page.search, "17254")
    qtbot.waitUntil(lambda: _names(page) == ["Xã Con Cuông"], timeout=3000)


def test_add_by_code_from_the_keyboard_and_refusals(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    form = page.form
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    assert form.code.hasFocus() and not form.code.isReadOnly()
    qtbot.keyClicks(form.code, "17479")
    assert form.name.text() == "Xã An Châu"  # filled from the official list
    assert form.official.text() == "Xã An Châu – Nghệ An (17479)"
    form.area_type.setFocus()
    qtbot.keyClicks(form.area_type, "Trung")  # type-ahead in the combo: "Trung du"
    qtbot.keyClick(form.area_type, Qt.Key.Key_Return)
    assert _registry(page.ctx)["17479"] == ("Xã An Châu", AreaType.MIDLAND, True)
    qtbot.waitUntil(lambda: "Xã An Châu" in _names(page), timeout=3000)
    assert form.code.text() == "" and form.heading.text() == "Thêm mới"  # ready for the next one

    qtbot.keyClicks(form.code, "16906")
    qtbot.keyClick(form.code, Qt.Key.Key_Return)
    assert form.problem_texts() == ["Mã 16906 đã có trong danh sách (Xã Lượng Minh); hãy chọn xã đó để sửa."]
    form.code.clear()
    form.name.clear()
    qtbot.keyClicks(form.code, "18406")
    assert "Hà Tĩnh" in form.official.text()
    qtbot.keyClick(form.code, Qt.Key.Key_Return)
    assert "không thuộc tỉnh của cơ sở dữ liệu này" in form.problem_texts()[0]
    qtbot.keyClick(form.code, Qt.Key.Key_Escape)
    assert form.code.text() == "" and not form.problem_texts()
    assert len(_registry(page.ctx)) == 4


def test_edit_keeps_the_code_and_stores_the_changes(qtbot, window, page) -> None:  # type: ignore[no-untyped-def]
    _select(page, "Xã Con Cuông")
    form = page.form
    assert form.heading.text() == "Sửa: Xã Con Cuông (17254)"
    assert form.code.isReadOnly()
    form.notes.setFocus()
    type_text(form.notes, "Xã biên giới")
    form.active.setChecked(False)
    form.area_type.setCurrentIndex(form.area_type.findData(AreaType.HIGHLAND))
    form.name.setFocus()  # Enter in the notes starts a new line; in a one-line field it saves
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    assert _registry(page.ctx)["17254"] == ("Xã Con Cuông", AreaType.HIGHLAND, False)
    assert window.statusBar().currentMessage() == "Đã lưu Xã Con Cuông (17254)."
    qtbot.waitUntil(lambda: page.model.index(1, 3).data() == "Không", timeout=3000)
    page.f_active.setChecked(True)
    qtbot.waitUntil(lambda: _names(page) == ["Xã Chiêu Lưu", "Xã Lượng Minh"], timeout=3000)


def test_a_commune_with_reports_cannot_be_deleted_one_without_can(qtbot, window, page) -> None:  # type: ignore[no-untyped-def]
    _select(page, "Xã Lượng Minh")
    seen: list[str] = []
    _answer_boxes(["Xóa", "Đóng"], seen)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # the key, as the button says
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert seen[0] == "Xóa Xã Lượng Minh (16906)?"
    assert seen[1] == "Xã đã có báo cáo gửi lên nên không xóa được; hãy bỏ đánh dấu «Đang theo dõi»."
    assert "16906" in _registry(page.ctx)

    page.new_record()
    qtbot.keyClicks(page.form.code, "17329")
    qtbot.keyClick(page.form.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Xã Anh Sơn" in _names(page), timeout=3000)
    window.activateWindow()  # offscreen does not hand activation back when a message box closes
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    _select(page, "Xã Anh Sơn")
    _answer_boxes(["Xóa"], seen)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "17329" not in _registry(page.ctx)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)  # undo
    assert "17329" in _registry(page.ctx)


def test_official_list_is_added_after_asking(qtbot, window, page) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    _answer_boxes(["Thêm"], seen)
    assert page.seed_official() == 127  # 130 in Nghệ An, three already there
    assert seen == ["Thêm vào danh sách các xã, phường của Tỉnh Nghệ An (130 đơn vị theo danh mục năm 2025)?"]
    assert window.statusBar().currentMessage() == "Đã thêm 127 xã, phường theo danh mục chính thức."
    qtbot.waitUntil(lambda: page.model.total() == 130, timeout=3000)
    assert _registry(page.ctx)["16906"][1] == AreaType.MOUNTAINOUS  # those already there are untouched
    _answer_boxes(["Thêm"], seen)
    assert page.seed_official() == 0
    assert window.statusBar().currentMessage() == "Danh sách đã có đủ các xã, phường của tỉnh theo danh mục."


def _write(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _preview(qtbot, page, path: Path):  # type: ignore[no-untyped-def]
    flow = page.import_file(path)
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=10000)
    return flow, flow.dialog


def test_import_shows_every_bad_row_and_stores_nothing(qtbot, page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _write(
        tmp_path / "danh-sach-xa.csv",
        "Mã xã,Tên xã,Loại địa bàn",
        "17479,Xã An Châu,Đồng bằng",
        "18406,Xã Can Lộc,Đồng bằng",
        "17329,Xã Anh Sơn,Núi cao",
    )
    flow, dialog = _preview(qtbot, page, path)
    assert dialog.kind_value.text() == "Danh sách xã"
    assert not dialog.confirm_button.isEnabled()
    rows = [(dialog.problems.item(i, 0).text(), dialog.problems.item(i, 1).text()) for i in range(2)]
    assert rows == [("3", "Mã xã"), ("4", "Loại địa bàn")]
    assert "Hà Tĩnh" in dialog.problems.item(0, 2).text()
    with qtbot.waitSignal(flow.finished, timeout=5000) as outcome:
        dialog.close_button.click()
    assert outcome.args == [None]
    assert len(_registry(page.ctx)) == 3


def test_import_of_a_good_file_after_the_preview(qtbot, window, page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _write(
        tmp_path / "communes.csv",
        "code;name;area type",
        "17479;an chau;lowland",
        "16906;Xã Lượng Minh;Vùng cao",
    )
    flow, dialog = _preview(qtbot, page, path)
    assert dialog.counts_value.text() == "1 thêm mới · 1 cập nhật · 0 giữ nguyên"
    assert dialog.confirm_button.isEnabled()
    with qtbot.waitSignal(flow.finished, timeout=10000):
        dialog.confirm_button.click()
    assert _registry(page.ctx)["17479"] == ("Xã An Châu", AreaType.LOWLAND, True)
    assert _registry(page.ctx)["16906"][1] == AreaType.HIGHLAND
    qtbot.waitUntil(lambda: page.model.total() == 4, timeout=3000)
    assert window.statusBar().currentMessage() == ("Đã nhập danh sách xã: 1 thêm mới, 1 cập nhật, 0 giữ nguyên.")


def test_template_lists_the_province_communes(qtbot, window, page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    written = page.save_template(tmp_path / "mau")
    assert written == tmp_path / "mau.csv"
    lines = written.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Mã xã,Tên xã,Loại địa bàn,Đang theo dõi,Ghi chú"
    assert len(lines) == 131
    assert "16906,Xã Lượng Minh,Miền núi,Có," in lines  # as stored
    assert window.statusBar().currentMessage() == f"Đã lưu tệp mẫu: {written}"
