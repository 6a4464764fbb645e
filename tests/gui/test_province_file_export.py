"""Xuất file gửi tỉnh from the reports screen, driven as a clerk would: choose the USB folder, export,
export again (revision 2 replaces 1, sent by email), save the key registration file.

Each file is checked as the province will check it (reports.exchange.archive.open_archive), in the
register of reports sent, and on screen. The folder dialog and the desktop (folder window, mail
client) are replaced by recorders: nothing leaves the test machine.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import unquote

import pytest

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from gui.pages import report_province_file
from gui.pages.report_province_file import PROVINCE_EMAIL, PROVINCE_FOLDER, ProvinceFileDialog
from reports.exchange.archive import KIND_REGISTRATION, KIND_REPORT, open_archive
from storage.periods import PeriodKind
from storage.reports_sent import list_reports_sent
from storage.signing import install_key, short_fingerprint
from storage.vocab import ReportChannel
from tests.gui.typing_helpers import type_text

TASK_TIMEOUT = 60_000  # a loaded machine; nothing here asserts on time
FIRST, SECOND = "16906_2025-07_v1.cdesk", "16906_2025-07_v2.cdesk"


@pytest.fixture
def opened(monkeypatch) -> list[QUrl]:  # type: ignore[no-untyped-def]
    """Every URL the program asks the desktop to open (folders, mailto:), instead of opening it."""
    urls: list[QUrl] = []

    def record(url: QUrl) -> bool:
        urls.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    return urls


@pytest.fixture
def usb(tmp_path: Path, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    """A folder standing for the USB stick; the folder dialog picks it."""
    folder = tmp_path / "USB"
    folder.mkdir()
    monkeypatch.setattr(
        report_province_file.QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(folder))
    )
    return folder


@pytest.fixture
def page(main_window):  # type: ignore[no-untyped-def]
    """The reports screen on the official July 2025 of the demo."""
    page = main_window.show_page("reports")
    page.set_period(PeriodKind.MONTH, 2025, 7, official=True)
    return page


def _open_dialog(qtbot, page) -> ProvinceFileDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.workspace.province_button, Qt.MouseButton.LeftButton)
    dialog = page.workspace.province_dialog
    assert isinstance(dialog, ProvinceFileDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _export(qtbot, dialog: ProvinceFileDialog):  # type: ignore[no-untyped-def]
    assert dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=TASK_TIMEOUT) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert not dialog.close_button.isEnabled()  # the register must get its row before the dialog goes
    return done.args[0]


def _key_fingerprint(ctx) -> str:  # type: ignore[no-untyped-def]
    with ctx.session() as s:
        return install_key(s).fingerprint


def _register(page) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(period, channel, file) of each row the clerk sees in «Báo cáo đã gửi»."""
    table = page.workspace.register.table
    return [
        (table.item(i, 1).text(), table.item(i, 3).text(), table.item(i, 5).text()) for i in range(table.rowCount())
    ]


def test_usb_export_then_email_export_replaces_revision_1(qtbot, page, usb, opened) -> None:  # type: ignore[no-untyped-def]
    ctx = page.ctx
    dialog = _open_dialog(qtbot, page)
    assert dialog.period_value.text() == "Tháng 7 năm 2025 (Từ ngày 15/06/2025 đến ngày 14/07/2025)"
    assert dialog.name_value.text() == FIRST
    assert dialog.revision_note.text() == "Đây là lần gửi đầu tiên của kỳ này."
    assert dialog.usb_choice.isChecked() and not dialog.email.isVisible()
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.folder.text() == str(usb)
    dialog.recipient.clear()
    type_text(dialog.recipient, "Sở Nội vụ tỉnh Nghệ An")

    first = _export(qtbot, dialog)
    path = usb / FIRST
    assert first.path == path and path.is_file() and (first.revision, first.replaces_revision) == (1, None)
    archive = open_archive(path.read_bytes())  # what the province runs: signature, checksums, schema
    m = archive.manifest
    assert (m["kind"], m["sender"]["code"], m["period"]["spec"], m["revision"]) == (KIND_REPORT, "16906", "2025-07", 1)
    assert m["period"]["start"] == "2025-06-15" and m["period"]["end"] == "2025-07-14"
    assert archive.members["report.pdf"].startswith(b"%PDF") and archive.key_fingerprint == _key_fingerprint(ctx)
    assert dialog.result.isVisible()
    assert "Đã lưu tệp gửi tỉnh lần 1: 16906_2025-07_v1.cdesk" in dialog.result.label.text()
    assert f"Thư mục: {usb}" in dialog.result.label.text()
    assert opened == []  # USB: nothing opens by itself
    qtbot.mouseClick(dialog.result.open_button, Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened] == [usb]
    assert ctx.settings.get(PROVINCE_FOLDER) == str(usb)  # remembered for next month's stick

    qtbot.waitUntil(lambda: len(_register(page)) == 1)
    assert _register(page) == [("Tháng 7 năm 2025", "USB", FIRST)]
    # sending finalized the period: its records are locked, and the reports screen says so
    qtbot.waitUntil(lambda: page.status_bar.label.text() == "Trạng thái: Đã gửi tỉnh (lần 1)")
    assert page.period_statuses.rows()[0][2] == "Đã gửi tỉnh (lần 1)"
    (row,) = ctx.read(list_reports_sent)
    assert (row.kind, row.revision, row.recipient) == ("cdesk", 1, "Sở Nội vụ tỉnh Nghệ An")
    assert row.sha256 == hashlib.sha256(path.read_bytes()).hexdigest() == first.sha256

    # The same period again: the dialog says the new file replaces the first one; this time by email.
    assert dialog.name_value.text() == SECOND
    assert dialog.revision_note.text() == "Kỳ này đã gửi lần 1; tệp mới là lần 2 và sẽ thay thế lần 1."
    qtbot.mouseClick(dialog.email_choice, Qt.MouseButton.LeftButton)
    assert dialog.email.isVisible() and dialog.export_button.text() == "Xuất tệp và soạn thư"
    qtbot.keyClicks(dialog.email, "vanthu@nghean")  # no domain dot needed, but an @ is
    opened.clear()
    second = _export(qtbot, dialog)
    assert (second.path, second.revision, second.replaces_revision) == (usb / SECOND, 2, 1)
    assert (usb / FIRST).is_file()  # the first file is left alone; the province keeps the newest
    m2 = open_archive((usb / SECOND).read_bytes()).manifest
    assert (m2["revision"], m2["replaces_revision"]) == (2, 1)

    # The folder to attach from, then the mail client with a prepared message; nothing claims it was sent.
    folder_url, mail = opened
    assert Path(folder_url.toLocalFile()) == usb
    assert mail.scheme() == "mailto" and mail.path() == "vanthu@nghean"
    query = unquote(mail.query(QUrl.ComponentFormattingOption.FullyEncoded))
    assert "subject=Báo cáo Tháng 7 năm 2025 của Xã Lượng Minh (tệp gửi tỉnh lần 2)" in query
    assert SECOND in query and "Tệp này thay thế lần gửi 1." in query and second.sha256 in query
    assert "Kính gửi: Sở Nội vụ tỉnh Nghệ An" in query
    text = dialog.result.label.text()
    assert "Tệp này thay thế lần gửi 1: tỉnh sẽ dùng lần 2." in text
    assert f"Thư CHƯA được gửi: hãy đính kèm tệp {SECOND}" in text
    assert ctx.settings.get(PROVINCE_EMAIL) == "vanthu@nghean"
    qtbot.waitUntil(lambda: len(_register(page)) == 2)
    assert _register(page)[0] == ("Tháng 7 năm 2025", "Thư điện tử", SECOND)  # newest first
    assert [(r.revision, r.channel) for r in ctx.read(list_reports_sent)] == [
        (2, ReportChannel.EMAIL),
        (1, ReportChannel.USB),
    ]
    assert dialog.revision_note.text() == "Kỳ này đã gửi lần 2; tệp mới là lần 3 và sẽ thay thế lần 2."
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_key_fingerprint_and_registration_file(qtbot, page, usb, opened) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_dialog(qtbot, page)
    fingerprint = _key_fingerprint(page.ctx)
    assert dialog.key_value.text() == short_fingerprint(fingerprint)  # read aloud on the phone
    assert len(dialog.key_value.text().split()) == 4
    qtbot.mouseClick(dialog.registration_button, Qt.MouseButton.LeftButton)
    path = usb / "16906_dang-ky-khoa.cdesk"
    archive = open_archive(path.read_bytes())
    assert archive.kind == KIND_REGISTRATION and archive.key_fingerprint == fingerprint
    assert archive.payload["commune_code"] == "16906"
    assert f"Đã lưu tệp đăng ký khóa {path.name} vào {usb}." in dialog.result.label.text()
    assert short_fingerprint(fingerprint) in dialog.result.label.text()
    assert page.ctx.read(list_reports_sent) == []  # a key is not a report


def test_missing_folder_is_said_under_the_field_and_nothing_is_written(qtbot, page, tmp_path, opened) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_dialog(qtbot, page)
    gone = tmp_path / "USB-not-plugged-in"
    dialog.folder.setText(str(gone))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_problem.isVisible()
    assert dialog.folder_problem.text() == "Không thấy thư mục này: USB đã cắm chưa? Hãy chọn lại thư mục."
    assert not dialog.busy() and not gone.exists() and page.ctx.read(list_reports_sent) == []
    dialog.folder.clear()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_problem.text() == "Hãy chọn thư mục lưu tệp (ví dụ ổ USB)."
    dialog.folder.setText(str(tmp_path))
    assert not dialog.folder_problem.isVisible()  # fixed: the message goes
    dialog.email_choice.setChecked(True)
    qtbot.keyClicks(dialog.email, "van thu")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.email_problem.isVisible() and not dialog.busy()
    assert page.ctx.read(list_reports_sent) == [] and opened == []


def test_calendar_month_cannot_be_sent_to_the_province(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    page.set_period(PeriodKind.MONTH, 2025, 7, official=False)  # 01/07–31/07: not the province's period
    dialog = _open_dialog(qtbot, page)
    assert dialog.period_problem.isVisible() and "Theo ngày chốt số liệu" in dialog.period_problem.text()
    assert not dialog.export_button.isEnabled()
    assert dialog.registration_button.isEnabled()  # the key registration does not depend on a period


def test_folder_dialog_starts_in_the_remembered_folder(qtbot, page, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page.ctx.settings.set(PROVINCE_FOLDER, str(tmp_path))
    asked: list[str] = []
    monkeypatch.setattr(
        report_province_file.QFileDialog,
        "getExistingDirectory",
        staticmethod(lambda _parent, _title, start, *_a: asked.append(start) or ""),
    )
    dialog = _open_dialog(qtbot, page)
    assert dialog.folder.text() == str(tmp_path)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert asked == [str(tmp_path)] and dialog.folder.text() == str(tmp_path)  # cancelled: unchanged
