"""Tình hình nộp on the province demo: the communes × periods grid with each cell's status in words and
colour, deadlines in the header tooltips, the per-period counts, the "only communes still missing"
filter, other period kinds, and the list of communes that have not reported saved as Excel and CSV.

The demo communes sent July–October 2025 on the afternoon each period closed (on time); nothing after.
"""

from __future__ import annotations

import csv
from datetime import date, datetime

import openpyxl
import pytest

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog

from gui.i18n import apply_language
from gui.province.completeness import CompletenessPage
from reports.exchange.province_import import import_files
from storage.periods import PeriodKind
from storage.province.completeness import Cell, CellStatus
from storage.signing import forget_key
from tests.gui.province_files import CommuneFiles, commune_files
from tests.gui.test_language import _catalogs, _texts

__all__ = ["commune_files"]  # a fixture, imported for pytest to find

NAMES = ["Xã Chiêu Lưu", "Xã Con Cuông", "Xã Lượng Minh"]  # Vietnamese order, "Xã" ignored
MONTHS_2025 = ["07/2025", "08/2025", "09/2025", "10/2025", "11/2025", "12/2025"]


def _page(qtbot, ctx, today: date | None) -> CompletenessPage:  # type: ignore[no-untyped-def]
    page = CompletenessPage(ctx, today=today)
    qtbot.addWidget(page)
    page.resize(1146, 688)
    page.show()
    return page


def _grid(page: CompletenessPage) -> list[list[str]]:
    m = page.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def _headers(page: CompletenessPage) -> list[str]:
    return [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]


def test_months_of_2025_on_time_then_missing(qtbot, province_ctx) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, province_ctx, date(2025, 12, 20))
    assert page.year.value() == 2025 and page.kind.currentText() == "Tháng"
    assert _headers(page) == ["Xã", *MONTHS_2025]  # months before the two-tier communes (7/2025) are not shown
    on_time, missing = ["Đúng hạn"] * 4, ["Chưa nộp"] * 2
    assert _grid(page) == [
        *([name, *on_time, *missing] for name in NAMES),
        ["Số xã đã nộp", *["3/3 đã nộp"] * 4, *["0/3 đã nộp"] * 2],
    ]
    m = page.model
    assert m.index(2, 1).data(Qt.ItemDataRole.BackgroundRole).color() == QColor("#c8e6c9")  # green
    assert m.index(2, 5).data(Qt.ItemDataRole.BackgroundRole).color() == QColor("#ffcdd2")  # red
    assert m.index(2, 5).data(Qt.ItemDataRole.ForegroundRole).color() == QColor("#b71c1c")
    # deadlines: the period's last day (14th, official cut-off) + 2 working days
    july = m.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert july == "Tháng 7 năm 2025 (Từ ngày 15/06/2025 đến ngày 14/07/2025)\nHạn nộp: 16/07/2025"
    assert m.headerData(6, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole).endswith("Hạn nộp: 16/12/2025")
    tip = m.index(2, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Xã Lượng Minh – Tháng 7 năm 2025\nĐúng hạn\nLần gửi đầu lập lúc 14/07/2025 16:30")
    assert "Chưa nộp: 3" in m.index(3, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert page.summary.text().startswith("3 xã đang theo dõi. Hạn nộp: 2 ngày làm việc sau ngày cuối kỳ.")
    assert "12 báo cáo đã nộp (0 trễ hạn), 6 chưa nộp đã quá hạn" in page.summary.text()

    # only the communes still missing: all three (November and December)
    qtbot.mouseClick(page.only_missing, Qt.MouseButton.LeftButton)
    assert [row[0] for row in _grid(page)] == [*NAMES, "Số xã đã nộp"]


def test_before_the_deadline_a_period_is_not_yet_due(qtbot, province_ctx) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, province_ctx, date(2025, 11, 18))  # November's deadline day itself
    page.set_view(PeriodKind.MONTH, 2025)
    assert [row[5:] for row in _grid(page)[:3]] == [["Chưa đến hạn", "Chưa đến hạn"]] * 3
    assert page.model.index(0, 5).data(Qt.ItemDataRole.BackgroundRole).color() == QColor("#eeeeee")
    page.only_missing.setChecked(True)
    assert _grid(page) == [["Số xã đã nộp", *["3/3 đã nộp"] * 4, "0/3 đã nộp", "0/3 đã nộp"]]
    assert page.empty.isVisible()
    assert page.empty.text() == "Không có xã nào còn thiếu báo cáo đã quá hạn trong năm này."


def test_the_real_date_keeps_july_to_october_on_time(qtbot, province_ctx) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, province_ctx, None)
    page.set_view(PeriodKind.MONTH, 2025)
    november = "Chưa nộp" if date.today() > date(2025, 11, 18) else "Chưa đến hạn"
    for row in _grid(page)[:3]:
        assert row[1:5] == ["Đúng hạn"] * 4
        assert row[5] == november


def test_replaced_and_late_reports(qtbot, province_ctx, commune_files: CommuneFiles) -> None:  # type: ignore[no-untyped-def]
    with province_ctx.session() as s:
        forget_key(s, "16906")  # Lượng Minh's files of the test are signed with another key than the demo's
    results = import_files(province_ctx.db.sessions, [commune_files.nov_v1, commune_files.nov_v2, commune_files.dec_v1])
    assert [r.verdict.will_import for r in results] == [True, True, True]
    page = _page(qtbot, province_ctx, date(2025, 12, 20))
    luong_minh = _grid(page)[2]
    assert luong_minh[5:] == ["Đã thay thế (lần 2)", "Trễ hạn"]  # December made 19/12, deadline 16/12
    m = page.model
    assert m.index(2, 5).data(Qt.ItemDataRole.BackgroundRole).color() == QColor("#bbdefb")  # blue
    assert m.index(2, 6).data(Qt.ItemDataRole.BackgroundRole).color() == QColor("#ffd8a8")  # orange
    assert "Lần gửi đầu đúng hạn." in m.index(2, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert _grid(page)[3][5:] == ["1/3 đã nộp", "1/3 đã nộp"]
    assert "14 báo cáo đã nộp (1 trễ hạn), 4 chưa nộp đã quá hạn" in page.summary.text()
    # a late first revision stays late once replaced
    assert m.cell_text(Cell(CellStatus.REPLACED, 3, None, late_first=True)) == "Đã thay thế (lần 3, trễ hạn)"
    # quarters: Q3 2025 (15/06–14/09) and Q4; nobody sends quarterly files in the demo
    page.kind.setCurrentIndex(1)
    assert _headers(page) == ["Xã", "Quý III/2025", "Quý IV/2025"]
    assert _grid(page)[0][1:] == ["Chưa nộp", "Chưa nộp"]  # Q4 ends 14/12, due 16/12
    page.kind.setCurrentIndex(3)
    assert _headers(page) == ["Xã", "Năm 2025"]


def test_missing_list_saved_as_excel_and_csv(qtbot, province_ctx, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, province_ctx, date(2025, 12, 20))
    # periods that have started, newest first; the default is the newest one past its deadline
    items = [page.export_period.itemText(i) for i in range(page.export_period.count())]
    assert items == [
        "Tháng 12 năm 2025 – 3 xã chưa nộp (hạn 16/12/2025)",
        "Tháng 11 năm 2025 – 3 xã chưa nộp (hạn 18/11/2025)",
        "Tháng 10 năm 2025 – 0 xã chưa nộp (hạn 16/10/2025)",
        "Tháng 9 năm 2025 – 0 xã chưa nộp (hạn 16/09/2025)",
        "Tháng 8 năm 2025 – 0 xã chưa nộp (hạn 18/08/2025)",
        "Tháng 7 năm 2025 – 0 xã chưa nộp (hạn 16/07/2025)",
    ]
    assert page.export_period.currentIndex() == 0
    answers = iter(
        [(str(tmp_path / "nhac.xlsx"), "Bảng tính Excel (*.xlsx)"), (str(tmp_path / "nhac"), "CSV UTF-8 (*.csv)")]
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: next(answers)))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    ws = openpyxl.load_workbook(tmp_path / "nhac.xlsx").active
    assert ws["A1"].value == "DANH SÁCH XÃ CHƯA NỘP BÁO CÁO – TỈNH NGHỆ AN"
    assert ws["A2"].value == "Tháng 12 năm 2025 (Từ ngày 15/11/2025 đến ngày 14/12/2025); hạn nộp 16/12/2025"
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=4, max_row=7)]
    assert rows[0] == ["STT", "Mã xã", "Tên xã", "Loại địa bàn", "Hạn nộp", "Tình trạng"]
    assert [r[:4] for r in rows[1:]] == [
        [1, "16855", "Xã Chiêu Lưu", "Miền núi"],
        [2, "17254", "Xã Con Cuông", "Miền núi"],
        [3, "16906", "Xã Lượng Minh", "Miền núi"],
    ]
    assert rows[1][4] == datetime(2025, 12, 16) and rows[1][5] == "Chưa nộp"
    assert page.saved_bar.isVisible()
    assert page.saved_label.text().startswith("Đã lưu danh sách 3 xã chưa nộp Tháng 12 năm 2025 vào ")

    page.export_period.setCurrentIndex(1)  # November, as CSV (the extension added from the chosen type)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    data = (tmp_path / "nhac.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert lines[0] == ["STT", "Mã xã", "Tên xã", "Loại địa bàn", "Hạn nộp", "Tình trạng"]
    assert lines[1] == ["1", "16855", "Xã Chiêu Lưu", "Miền núi", "18/11/2025", "Chưa nộp"]

    page.export_period.setCurrentIndex(2)  # October: everybody reported, nothing to save
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: pytest.fail("no dialog")))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert page.saved_label.text() == "Mọi xã đã nộp báo cáo Tháng 10 năm 2025: không có ai cần nhắc."
    assert not page.open_saved.isVisible()


def test_english_texts(qtbot, province_ctx) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, province_ctx, date(2025, 12, 20))
    locale = QLocale()
    apply_language("en")
    province_ctx.lang = "en"
    try:
        page.retranslate()  # what the main window does on a language change
        assert page.heading.text() == "Report submissions"
        assert page.kind.currentText() == "Month" and page.only_missing.text() == "Only communes still missing"
        assert _grid(page)[2] == ["Xã Lượng Minh", *["On time"] * 4, "Missing", "Missing"]
        assert _grid(page)[3][0] == "Communes reported" and _grid(page)[3][1] == "3/3 reported"
        assert page.model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
            "July 2025 (From 15/06/2025 to 14/07/2025)\nDeadline: 16/07/2025"
        )
        assert page.export_period.itemText(0) == "December 2025 – 3 communes not reported (due 16/12/2025)"
        vi, _en = _catalogs()
        left = [(w, t) for w, t in _texts(page) if vi.knows(t)]
        assert not left, left
    finally:
        apply_language("vi")
        QLocale.setDefault(locale)
        province_ctx.lang = "vi"
