"""Nhận báo cáo on the province demo: a USB folder of good, duplicate and bad files is previewed without
storing anything, the valid files are imported with one click, a file signed with another key stands
out and its key is accepted only after the phone-check confirmation, files come in by the dialogs and
by drag and drop, and a received file's own PDF/Excel report opens from the history.
"""

from __future__ import annotations

import threading
from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import QLocale, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

import gui.province.inbox as inbox_module
from gui.i18n import apply_language
from gui.province.inbox import InboxPage
from gui.province.inbox_key import AcceptKeyDialog
from gui.province.inbox_model import REASON, VERDICT
from reports.exchange.archive import open_archive, read_file
from reports.exchange.province_import import preview_files
from storage.province.received import list_received, received_archive
from storage.signing import forget_key, short_fingerprint, trusted_key
from tests.gui.province_files import CommuneFiles, commune_files, put, random_bytes, tampered, truncated
from tests.gui.test_language import _catalogs, _texts

__all__ = ["commune_files"]  # a fixture, imported for pytest to find

LUONG_MINH = "16906"
TIMEOUT = 30_000


@pytest.fixture
def page(qtbot, province_ctx):  # type: ignore[no-untyped-def]
    page = InboxPage(province_ctx)
    qtbot.addWidget(page)
    page.resize(1146, 688)
    page.show()
    return page


def _received(ctx, code: str = LUONG_MINH):  # type: ignore[no-untyped-def]
    return ctx.read(lambda s: list_received(s, commune_code=code))


def _wait(qtbot, page: InboxPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.busy(), timeout=TIMEOUT)


def _column(page: InboxPage, column: int) -> list[str]:
    m = page.model
    return [m.index(r, column).data() for r in range(m.rowCount())]


def _usb(ctx, tmp_path: Path, files: CommuneFiles) -> Path:  # type: ignore[no-untyped-def]
    """A USB folder: October again (already held), November v1 and v2, December, and three bad files."""
    usb = put(tmp_path / "usb", files.nov_v1, files.nov_v2, files.dec_v1)
    october = next(r for r in _received(ctx) if r.period_spec == "2025-10")
    name, data = ctx.read(lambda s: received_archive(s, october.id))
    (usb / name).write_bytes(data)
    sub = usb / "ban sao"  # folders are read recursively
    sub.mkdir()
    truncated(files.nov_v1, sub / "hong.cdesk")
    random_bytes(sub / "ngau-nhien.cdesk")
    tampered(files.nov_v1, usb / "16906_2025-11_v1_sua.cdesk")
    (usb / "ghi-chu.txt").write_text("không phải tệp báo cáo")  # not a .cdesk: not listed from a folder
    return usb


@pytest.fixture
def first_use(province_ctx):  # type: ignore[no-untyped-def]
    """The province no longer trusts a key for Lượng Minh: its next file is trusted on first use."""
    with province_ctx.session() as s:
        forget_key(s, LUONG_MINH)
    return province_ctx


EXPECTED_FILES = [
    "16906_2025-10_v1.cdesk",
    "16906_2025-11_v1.cdesk",
    "16906_2025-11_v1_sua.cdesk",
    "16906_2025-11_v2.cdesk",
    "16906_2025-12_v1.cdesk",
    "hong.cdesk",
    "ngau-nhien.cdesk",
]
EXPECTED_VERDICTS = [
    "Trùng, đã có (bỏ qua)",
    "Mới",
    "Từ chối",
    "Lần gửi mới hơn (thay thế)",
    "Mới",
    "Từ chối",
    "Từ chối",
]


def test_folder_preview_shows_each_verdict_and_stores_nothing(qtbot, page, first_use, commune_files, tmp_path) -> None:  # type: ignore[no-untyped-def]
    usb = _usb(first_use, tmp_path, commune_files)
    before = _received(first_use)
    page.preview([usb])
    _wait(qtbot, page)

    assert _column(page, 0) == EXPECTED_FILES
    assert _column(page, VERDICT) == EXPECTED_VERDICTS
    assert _column(page, 1)[1] == "Xã Lượng Minh (16906)"
    assert _column(page, 2)[1:5] == ["Tháng 11 năm 2025", "", "Tháng 11 năm 2025", "Tháng 12 năm 2025"]
    assert _column(page, 3)[3] == "2"
    assert page.summary.text() == "7 tệp: 2 mới, 1 thay thế, 1 trùng, 0 cũ hơn, 3 bị từ chối"
    assert page.mode_note.text().startswith("Xem trước: chưa lưu gì.")
    assert page.import_button.text() == "&Nhập 3 tệp hợp lệ" and page.import_button.isEnabled()
    assert not page.banner.isVisible()  # no file signed with another key
    # colours: green for what will be stored, grey for skipped, bold red for refusals
    m = page.model
    assert m.index(1, VERDICT).data(Qt.ItemDataRole.ForegroundRole).color() == QColor("#1b5e20")
    assert m.index(0, VERDICT).data(Qt.ItemDataRole.ForegroundRole).color() == QColor("#6b6b6b")
    assert m.index(2, REASON).data(Qt.ItemDataRole.ForegroundRole).color() == QColor("#b00020")
    assert m.index(2, REASON).data(Qt.ItemDataRole.FontRole).bold()
    assert m.index(1, VERDICT).data(Qt.ItemDataRole.FontRole) is None
    # the first refusal is selected: its full reason is under the table and in the tooltip
    assert page.selected().name == "16906_2025-11_v1_sua.cdesk"
    reason = page.model.index(2, REASON).data()
    assert reason == "Thành phần «payload.json» không khớp mã kiểm tra SHA-256: tệp bị hỏng hoặc bị sửa."
    assert reason in page.detail.text() and page.model.index(2, REASON).data(Qt.ItemDataRole.ToolTipRole) == reason
    page.table.selectRow(5)
    assert "hỏng" in page.detail.text() and str(usb / "ban sao" / "hong.cdesk") in page.detail.text()
    # nothing stored, the key not trusted yet
    assert _received(first_use) == before
    assert first_use.read(lambda s: trusted_key(s, LUONG_MINH)) is None


def test_import_stores_the_valid_files_and_shows_what_happened(qtbot, page, first_use, commune_files, tmp_path) -> None:  # type: ignore[no-untyped-def]
    usb = _usb(first_use, tmp_path, commune_files)
    page.preview([usb])
    _wait(qtbot, page)
    kinds: list[str] = []
    first_use.data_changed.connect(kinds.append)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)

    assert page.model.imported
    assert _column(page, VERDICT) == [
        "Bỏ qua (trùng)",
        "Đã nhập (mới)",
        "Từ chối",
        "Đã nhập (thay thế)",
        "Đã nhập (mới)",
        "Từ chối",
        "Từ chối",
    ]
    assert page.summary.text() == "Đã nhập 3 trong 7 tệp: 2 mới, 1 thay thế; bỏ qua 1 trùng, 0 cũ hơn; 3 bị từ chối."
    assert page.model.headerData(REASON, Qt.Orientation.Horizontal) == "Kết quả"
    assert not page.import_button.isVisible()
    assert "province_reports" in kinds
    stored = {(r.period_spec, r.revision): r for r in _received(first_use)}
    assert set(stored) == {
        ("2025-07", 1),
        ("2025-08", 1),
        ("2025-09", 1),
        ("2025-10", 1),
        ("2025-11", 1),
        ("2025-11", 2),
        ("2025-12", 1),
    }
    assert not stored[("2025-11", 1)].current and stored[("2025-11", 2)].current
    assert stored[("2025-11", 2)].file_name == "16906_2025-11_v2.cdesk"
    key = first_use.read(lambda s: trusted_key(s, LUONG_MINH))
    assert key is not None and key.fingerprint == open_archive(read_file(commune_files.nov_v1)).key_fingerprint

    # the history tab shows them, replaced revisions marked
    history = page.history
    history.set_filters("2025-11", LUONG_MINH)
    rows = [[history.model.index(r, c).data() for c in range(7)] for r in range(history.model.rowCount())]
    assert [(r[2], r[3], r[4]) for r in sorted(rows, key=lambda r: r[2])] == [
        ("1", "đã thay thế", "14/11/2025 16:00"),
        ("2", "hiện hành", "20/11/2025 09:00"),
    ]

    # the same files again (a stick inserted twice): duplicates, nothing to import
    page.preview([commune_files.nov_v1, commune_files.nov_v2, commune_files.dec_v1])
    _wait(qtbot, page)
    assert page.summary.text() == "3 tệp: 0 mới, 0 thay thế, 3 trùng, 0 cũ hơn, 0 bị từ chối"
    assert page.import_button.text() == "&Nhập 0 tệp hợp lệ" and not page.import_button.isEnabled()


def test_an_older_revision_arriving_late_is_skipped(qtbot, page, first_use, commune_files) -> None:  # type: ignore[no-untyped-def]
    page.preview([commune_files.nov_v2])
    _wait(qtbot, page)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)
    assert _column(page, VERDICT) == ["Đã nhập (mới)"]
    page.preview([commune_files.nov_v1])  # revision 1 comes in after revision 2
    _wait(qtbot, page)
    assert _column(page, VERDICT) == ["Lần gửi cũ hơn (bỏ qua)"]
    assert _column(page, REASON) == ["Lần gửi 1 cũ hơn lần 2 đã nhận: bỏ qua (vẫn giữ lần 2)."]
    assert page.model.index(0, VERDICT).data(Qt.ItemDataRole.ForegroundRole).color() == QColor("#6b6b6b")
    assert not page.import_button.isEnabled()
    assert [r.revision for r in _received(first_use) if r.period_spec == "2025-11"] == [2]


def _answer_key_dialog(qtbot, seen: dict, accept: bool) -> None:  # type: ignore[no-untyped-def]
    """Read the next key dialog, then tick and accept it, or cancel it."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AcceptKeyDialog):
            QTimer.singleShot(20, answer)
            return
        seen["enabled_before"] = dialog.accept_button.isEnabled()
        seen["old"], seen["new"] = dialog.old_value.text(), dialog.new_value.text()
        seen["text"] = dialog.explain.text()
        if accept:
            dialog.confirm.setChecked(True)
            seen["enabled_after"] = dialog.accept_button.isEnabled()
            dialog.accept_button.click()
        else:
            dialog.cancel_button.click()

    QTimer.singleShot(0, answer)


def _drop(page: InboxPage, paths: list[Path]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = page.stack.geometry().center()
    pos = QPointF(point)
    enter = QDragEnterEvent(  # QPoint here, QPointF for the drop: as the binding declares them
        point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page, drop)
    assert drop.isAccepted()
    return drop


def test_a_file_signed_with_another_key_stands_out_and_its_key_needs_a_phone_check(
    qtbot, page, province_ctx, commune_files, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    old = province_ctx.read(lambda s: trusted_key(s, LUONG_MINH))
    assert old is not None  # the province demo trusts the key Lượng Minh's demo files were signed with
    usb = put(tmp_path / "usb", commune_files.nov_v1, commune_files.dec_v1)
    _drop(page, [usb])  # a folder dragged from the file manager
    _wait(qtbot, page)

    assert _column(page, VERDICT) == ["Từ chối", "Từ chối"]
    assert page.banner.isVisible()
    assert page.banner_text.text().startswith("Có tệp ký bằng khóa khác — có thể giả mạo.")
    assert page.model.index(0, VERDICT).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "khóa KHÁC" in page.model.index(0, REASON).data()
    assert page.import_button.text() == "&Nhập 0 tệp hợp lệ" and not page.import_button.isEnabled()
    assert page.selected().name == "16906_2025-11_v1.cdesk"
    assert page.accept_key_button.isVisible()
    new_fp = short_fingerprint(page.selected().key_fingerprint)

    seen: dict = {}
    _answer_key_dialog(qtbot, seen, accept=False)  # cancelled: nothing changes
    qtbot.mouseClick(page.accept_key_button, Qt.MouseButton.LeftButton)
    assert seen["old"] == short_fingerprint(old.fingerprint) and seen["new"] == new_fp
    assert seen["enabled_before"] is False and "giả mạo" in seen["text"] and "gọi điện" in seen["text"]
    assert province_ctx.read(lambda s: trusted_key(s, LUONG_MINH)).fingerprint == old.fingerprint
    assert _column(page, VERDICT) == ["Từ chối", "Từ chối"]

    seen = {}
    _answer_key_dialog(qtbot, seen, accept=True)
    qtbot.mouseClick(page.accept_key_button, Qt.MouseButton.LeftButton)
    assert seen["enabled_after"] is True
    _wait(qtbot, page)
    assert short_fingerprint(province_ctx.read(lambda s: trusted_key(s, LUONG_MINH)).fingerprint) == new_fp
    assert _column(page, VERDICT) == ["Mới", "Mới"]  # the preview ran again
    assert not page.banner.isVisible() and not page.accept_key_button.isVisible()
    assert page.import_button.text() == "&Nhập 2 tệp hợp lệ"
    assert len(_received(province_ctx)) == 4  # still only the demo's files: accepting a key imports nothing


def test_drag_of_text_is_refused_and_files_come_from_the_dialogs(
    qtbot, page, first_use, commune_files, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setText("16906_2025-11_v1.cdesk")
    enter = QDragEnterEvent(
        QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(page, enter)
    assert not enter.isAccepted()

    asked: dict = {}

    def open_files(parent, title, folder, pattern):  # type: ignore[no-untyped-def]
        asked["pattern"] = pattern
        return [str(commune_files.nov_v1), str(commune_files.dec_v1)], pattern

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(open_files))
    qtbot.mouseClick(page.files_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)
    assert "*.cdesk" in asked["pattern"]
    assert _column(page, 0) == ["16906_2025-11_v1.cdesk", "16906_2025-12_v1.cdesk"]
    assert _column(page, VERDICT) == ["Mới", "Mới"]

    usb = put(tmp_path / "usb", commune_files.nov_v2)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(usb)))
    qtbot.mouseClick(page.folder_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)
    assert _column(page, 0) == ["16906_2025-11_v2.cdesk"]
    assert page.summary.text() == "1 tệp: 1 mới, 0 thay thế, 0 trùng, 0 cũ hơn, 0 bị từ chối"

    (tmp_path / "empty").mkdir()
    _drop(page, [tmp_path / "empty"])
    _wait(qtbot, page)
    assert page.model.rowCount() == 0
    assert page.summary.text() == "Không tìm thấy tệp .cdesk nào trong những gì đã chọn."


def test_a_long_preview_can_be_stopped(qtbot, page, first_use, commune_files, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    usb = _usb(first_use, tmp_path, commune_files)
    gate = threading.Event()

    def held(sessions, paths, progress):  # type: ignore[no-untyped-def]
        def step(done: int, total: int, name: str) -> bool:
            if done == 2:
                gate.wait(10)  # the third file waits until the clerk pressed Stop
            return progress(done, total, name)

        return preview_files(sessions, paths, progress=step)

    monkeypatch.setattr(inbox_module, "preview_files", held)
    page.preview([usb])
    qtbot.waitUntil(lambda: "2/7" in page.progress_label.text(), timeout=TIMEOUT)
    assert page.progress_row.isVisible() and not page.files_button.isEnabled()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    _wait(qtbot, page)
    assert not page.progress_row.isVisible()
    assert _column(page, 0) == EXPECTED_FILES[:2]
    assert page.mode_note.text().startswith("Đã dừng: mới kiểm tra 2/7 tệp.")


def test_history_filters_and_opens_the_communes_own_report(qtbot, page, province_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    page.tabs.setCurrentIndex(1)
    history = page.history
    assert history.model.rowCount() == 12 and history.count.text() == "12 tệp đã nhận"
    assert history.period.itemText(0) == "Tất cả các kỳ" and history.period.itemText(1) == "Tháng 10 năm 2025"
    history.set_filters("2025-07")
    assert history.model.rowCount() == 3
    history.set_filters("2025-07", LUONG_MINH)
    assert history.model.rowCount() == 1
    row = [history.model.index(0, c).data() for c in range(7)]
    assert row[:5] == ["Xã Lượng Minh (16906)", "Tháng 7 năm 2025", "1", "hiện hành", "14/07/2025 16:30"]
    assert not history.pdf_button.isEnabled()
    history.table.selectRow(0)
    qtbot.mouseClick(history.pdf_button, Qt.MouseButton.LeftButton)
    pdf = Path(opened[-1].toLocalFile())
    assert pdf.name == "16906_2025-07_v1.pdf" and pdf.read_bytes().startswith(b"%PDF-")
    qtbot.mouseClick(history.xlsx_button, Qt.MouseButton.LeftButton)
    xlsx = Path(opened[-1].toLocalFile())
    assert xlsx.suffix == ".xlsx" and openpyxl.load_workbook(xlsx).sheetnames


@pytest.fixture
def english(province_ctx):  # type: ignore[no-untyped-def]
    """The interface in English for one test, Vietnamese again afterwards (translators are process-wide)."""
    locale = QLocale()
    apply_language("en")
    province_ctx.lang = "en"
    yield province_ctx
    apply_language("vi")
    QLocale.setDefault(locale)


def test_english_texts(qtbot, page, english, commune_files, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page.retranslate()  # what the main window does on a language change
    page.preview([put(tmp_path / "usb", commune_files.nov_v1)])
    _wait(qtbot, page)
    assert page.heading.text() == "Receive reports"
    assert (page.files_button.text(), page.folder_button.text()) == ("Choose &files…", "Choose a &folder (USB)…")
    assert page.summary.text() == "1 file(s): 0 new, 0 replacing, 0 duplicate, 0 older, 1 rejected"
    assert page.banner_text.text().startswith("Some files are signed with another key")
    assert page.model.headerData(VERDICT, Qt.Orientation.Horizontal) == "Verdict"
    assert _column(page, VERDICT) == ["Rejected"] and _column(page, 2) == ["November 2025"]
    assert _column(page, REASON)[0].startswith("WARNING: the file is signed with a DIFFERENT key")
    assert page.history.model.index(0, 3).data() == "current"
    vi, _en = _catalogs()
    vi_left = [(w, t) for w, t in _texts(page) if vi.knows(t)]
    assert not vi_left, vi_left
