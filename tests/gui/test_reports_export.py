"""The report document on the reports screen: texts typed and stored, the PDF previewed inside the
application, printed page by page, saved as PDF and Excel and recorded in the register of reports
sent. Each result is checked in storage, in the files themselves (pypdf, openpyxl, SHA-256 computed
here) and on screen.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pypdf
import pytest

from PySide6.QtCore import QLocale, QObject, QStandardPaths, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QImage, QPageSize
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox

from gui.i18n import apply_language
from reports.pdf_writer import write_pdf
from reports.periodic import build_periodic_report
from storage.periods import PeriodKind, period_for
from storage.report_documents import load_report_document
from storage.reports_sent import list_reports_sent
from storage.vocab import ReportChannel
from tests.gui.typing_helpers import type_text

DIFFICULTY = "Máy quét ở bộ phận một cửa hỏng, phải mượn của trường học."
SECOND_LINE = "Đường truyền mạng chập chờn vào buổi chiều."
TASK_TIMEOUT = 60_000  # generous: a loaded CI machine; nothing here asserts on time


def _words(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(path: Path) -> str:
    return _words(" ".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages))


@pytest.fixture
def page(qtbot, main_window):  # type: ignore[no-untyped-def]
    """The reports screen on the official July 2025 of the demo, document tab in front."""
    page = main_window.show_page("reports")
    page.set_period(PeriodKind.MONTH, 2025, 7, official=True)
    page.tabs.setCurrentWidget(page.workspace)
    return page


def _type_july_texts(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    form = page.workspace.form
    form.document_number.setFocus()
    qtbot.keyClicks(form.document_number, "05/BC-UBND")
    difficulties = form.narrative["difficulties"]
    type_text(difficulties, DIFFICULTY)
    qtbot.keyClick(difficulties, Qt.Key.Key_Return)  # Enter starts a new paragraph, it does not save
    type_text(difficulties, SECOND_LINE)


def _ctrl_s(qtbot, window, widget) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def _july(ctx):  # type: ignore[no-untyped-def]
    return ctx.read(lambda s: load_report_document(s, "periodic", "2025-07", True))


def test_typed_texts_are_stored_with_ctrl_s(qtbot, main_window, page) -> None:  # type: ignore[no-untyped-def]
    form = page.workspace.form
    assert form.source_note.text() == "Kỳ này chưa có nội dung: hãy viết các phần dưới đây rồi lưu."
    _type_july_texts(qtbot, page)
    assert _july(page.ctx) is None  # Enter made a new line; nothing stored yet
    assert form.narrative["difficulties"].toPlainText() == f"{DIFFICULTY}\n{SECOND_LINE}"
    _ctrl_s(qtbot, main_window, form.narrative["difficulties"])
    stored = _july(page.ctx)
    assert stored is not None
    assert stored.document_number == "05/BC-UBND"
    assert stored.narrative["difficulties"] == f"{DIFFICULTY}\n{SECOND_LINE}"
    assert stored.title == ""  # the default summary line stays default, following the period
    assert form.source_note.text() == "Nội dung đã lưu của kỳ này."
    assert not form.is_dirty()


def test_preview_shows_the_pdf_with_the_typed_text(qtbot, main_window, page) -> None:  # type: ignore[no-untyped-def]
    _type_july_texts(qtbot, page)
    preview = page.workspace.preview
    assert preview.page_count() == 0 and preview.stack.currentWidget() is preview.empty
    with qtbot.waitSignal(page.workspace.output.preview_ready, timeout=TASK_TIMEOUT) as ready:
        qtbot.mouseClick(page.workspace.preview_button, Qt.MouseButton.LeftButton)
    assert preview.path is not None
    text = _pdf_text(preview.path)
    assert _words(DIFFICULTY) in text and _words(SECOND_LINE) in text  # unsaved texts are previewed
    assert "Hộ tịch" in text and "Số: 05/BC-UBND" in text
    pages = len(pypdf.PdfReader(preview.path).pages)
    assert ready.args == [pages] and preview.view.document().pageCount() == pages > 1
    assert preview.count_label.text() == f"/ {pages}"
    assert preview.stack.currentWidget() is preview.view and not preview.is_stale()

    def drawn() -> bool:  # QPdfView paints asynchronously: wait until the page is on screen
        image = preview.view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
        dark = sum(
            1
            for y in range(0, image.height(), 4)
            for x in range(0, image.width(), 4)
            if image.pixelColor(x, y).value() < 100
        )
        return dark > 200

    qtbot.waitUntil(drawn, timeout=10_000)
    assert preview.view.zoomMode() is QPdfView.ZoomMode.FitToWidth
    assert preview.view.horizontalScrollBar().maximum() == 0  # the page fits the width
    qtbot.mouseClick(preview.zoom_in, Qt.MouseButton.LeftButton)
    assert preview.view.zoomMode() is QPdfView.ZoomMode.Custom
    fitted = (preview.view.viewport().width() - 12) / (595 * QApplication.primaryScreen().logicalDotsPerInch() / 72)
    assert preview.view.zoomFactor() == pytest.approx(1.25 * fitted, rel=0.02)  # one step up from the A4 page shown
    qtbot.mouseClick(preview.fit_width, Qt.MouseButton.LeftButton)
    assert preview.view.horizontalScrollBar().maximum() == 0
    qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.current_page() == 1)
    assert preview.page.value() == 2
    type_text(page.workspace.form.narrative["next_tasks"], "Số hóa sổ hộ tịch.")
    assert preview.is_stale()  # says the preview no longer matches the texts


def test_save_as_pdf_and_excel_records_both_files(qtbot, main_window, page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _type_july_texts(qtbot, page)
    ws = page.workspace
    assert ws.channel.value() is ReportChannel.USB  # the default, said in the tooltip
    pdf, xlsx = tmp_path / "bao-cao.pdf", tmp_path / "bao-cao.xlsx"
    with qtbot.waitSignal(ws.output.saved, timeout=TASK_TIMEOUT):
        page.save_pdf(pdf)
    assert _july(page.ctx).document_number == "05/BC-UBND"  # saving a file stores the texts first
    assert _words(DIFFICULTY) in _pdf_text(pdf) and "Hộ tịch" in _pdf_text(pdf)
    ws.channel.setCurrentIndex(ws.channel.findData(ReportChannel.EMAIL))
    with qtbot.waitSignal(ws.output.saved, timeout=TASK_TIMEOUT):
        page.save_excel(xlsx)
    book = openpyxl.load_workbook(xlsx, read_only=True)
    cells = {str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row if v}
    assert "Hộ tịch" in cells and any(DIFFICULTY in c for c in cells)

    rows = page.ctx.read(list_reports_sent)
    assert len(rows) == 2
    by_name = {r.file_name: r for r in rows}
    for path, channel in ((pdf, ReportChannel.USB), (xlsx, ReportChannel.EMAIL)):
        row = by_name[path.name]
        assert row.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert (row.period_spec, row.kind, row.channel) == ("2025-07", "periodic", channel)
        assert row.document_number == "05/BC-UBND" and row.recipient == "UBND tỉnh"
    table = ws.register.table
    assert table.rowCount() == 2 and ws.register.count.text() == "2 báo cáo trong sổ"
    assert {table.item(i, 5).text() for i in range(2)} == {pdf.name, xlsx.name}
    assert {table.item(i, 1).text() for i in range(2)} == {"Tháng 7 năm 2025"}
    assert ws.saved_bar.isVisibleTo(page) and xlsx.name in ws.saved_bar.label.text()

    class Catcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[QUrl] = []

        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            self.urls.append(url)

    catcher = Catcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        qtbot.mouseClick(ws.saved_bar.open_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(u.toLocalFile()) for u in catcher.urls] == [tmp_path]


def test_default_file_name_in_documents(page) -> None:  # type: ignore[no-untyped-def]
    period = page.workspace.period
    path = page.workspace.output.default_path("xlsx", period)
    assert path.name == "bao-cao-xa-luong-minh-thang-7-nam-2025.xlsx"
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert path.parent == Path(documents)


def test_print_paints_every_page_of_the_pdf(qtbot, main_window, page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _type_july_texts(qtbot, page)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    with qtbot.waitSignal(page.workspace.output.printed, timeout=TASK_TIMEOUT) as printed:
        page.print_report(printer)
    document = _july(page.ctx)
    assert document is not None and document.narrative["difficulties"].startswith(DIFFICULTY)  # stored first
    reference = tmp_path / "reference.pdf"  # the same report written directly, without the GUI
    period = period_for(PeriodKind.MONTH, 2025, 7, official=True, cutoff_day=15)
    page.ctx.read(lambda s: write_pdf(build_periodic_report(s, period, document), reference))
    expected = pypdf.PdfReader(reference).pages
    got = pypdf.PdfReader(tmp_path / "printed.pdf").pages
    assert printed.args == [len(expected)] and len(got) == len(expected) > 1
    for mine, theirs in zip(got, expected, strict=True):  # each page keeps its orientation
        assert (mine.mediabox.width > mine.mediabox.height) == (theirs.mediabox.width > theirs.mediabox.height)


def test_bad_document_number_is_shown_next_to_the_field(qtbot, main_window, page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    form = page.workspace.form
    form.document_number.setFocus()
    qtbot.keyClicks(form.document_number, "abc")
    _ctrl_s(qtbot, main_window, form.document_number)
    message = "Số văn bản phải có dạng 05/BC-UBND."
    beside = [w for w in form.document_number.parentWidget().findChildren(QLabel) if w.text() == message]
    assert beside and beside[0].isVisibleTo(form)  # under the field itself
    assert _july(page.ctx) is None
    page.save_excel(tmp_path / "never.xlsx")  # refused the same way: nothing written, nothing recorded
    assert page.workspace.output.task is None and not (tmp_path / "never.xlsx").exists()
    assert page.ctx.read(list_reports_sent) == []
    form.document_number.selectAll()
    qtbot.keyClicks(form.document_number, "7/BC-UBND")
    _ctrl_s(qtbot, main_window, form.document_number)
    assert _july(page.ctx).document_number == "7/BC-UBND" and not beside[0].isVisibleTo(form)


def test_previous_period_texts_are_offered_for_a_new_period(qtbot, main_window, page) -> None:  # type: ignore[no-untyped-def]
    _type_july_texts(qtbot, page)
    _ctrl_s(qtbot, main_window, page.workspace.form.document_number)
    page.set_period(PeriodKind.MONTH, 2025, 8, official=True)
    form = page.workspace.form
    assert "Lấy nội dung kỳ trước làm gợi ý" in form.source_note.text()
    assert "Tháng 7 năm 2025" in form.source_note.text()
    assert form.narrative["difficulties"].toPlainText() == f"{DIFFICULTY}\n{SECOND_LINE}"
    assert form.document_number.text() == "" and form.issued_on.value() is None  # a new document
    assert form.title.toPlainText().endswith("tháng 8 năm 2025")
    august = page.ctx.read(lambda s: load_report_document(s, "periodic", "2025-08", True))
    assert august is None  # only a suggestion until the officer saves it


def test_unsaved_texts_follow_the_period_switch(qtbot, main_window, page) -> None:  # type: ignore[no-untyped-def]
    form = page.workspace.form
    type_text(form.narrative["results"], "Đã niêm yết đủ thủ tục.")
    page.set_period(PeriodKind.MONTH, 2025, 8, official=True)  # valid edits are saved for July
    assert _july(page.ctx).narrative["results"] == "Đã niêm yết đủ thủ tục."
    form.document_number.setFocus()
    qtbot.keyClicks(form.document_number, "x1")
    page.set_period(PeriodKind.MONTH, 2025, 9, official=True)  # a problem: kept in memory, not stored
    assert page.ctx.read(lambda s: load_report_document(s, "periodic", "2025-08", True)) is None
    assert re.search(r"Tháng 8 năm 2025 có lỗi", main_window.statusBar().currentMessage())
    page.set_period(PeriodKind.MONTH, 2025, 8, official=True)
    assert form.document_number.text() == "x1" and form.is_dirty()


def test_page_fits_a_1366_pixel_screen(page, main_window) -> None:  # type: ignore[no-untyped-def]
    assert main_window.minimumSizeHint().width() <= 1366


def _answer_modal(qtbot, check) -> None:  # type: ignore[no-untyped-def]
    """Run ``check(dialog)`` on the next modal dialog (it answers it); see test_staff_register."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        try:
            check(dialog)
        finally:
            if dialog.isVisible():  # a failed check must not leave the test waiting on a modal dialog
                dialog.reject()

    QTimer.singleShot(0, answer)


@pytest.fixture
def vietnamese_qt() -> Iterator[None]:
    """Qt's own dialogs in Vietnamese, as the application starts them (process-wide: restored after)."""
    locale = QLocale()
    apply_language("vi")
    yield
    QLocale.setDefault(locale)


def test_print_dialog_speaks_vietnamese_and_cancel_prints_nothing(qtbot, main_window, page, vietnamese_qt) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def check(dialog) -> None:  # type: ignore[no-untyped-def]
        seen["type"] = type(dialog).__name__
        seen["title"] = dialog.windowTitle()
        widgets = [*dialog.findChildren(QLabel), *dialog.findChildren(QAbstractButton)]
        seen["texts"] = {w.text() for w in widgets}
        seen["a4"] = dialog.printer().pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
        dialog.reject()

    _answer_modal(qtbot, check)
    page.print_report()
    assert seen["type"] == "QPrintDialog" and seen["title"] == "In báo cáo" and seen["a4"]
    assert {"&In", "Hủy", "&Tên máy in:", "Thuộc tín&h", "Tệp &ghi ra:"} <= seen["texts"]  # type: ignore[operator]
    assert page.workspace.output.task is None  # cancelled: nothing built, nothing printed


def test_a_register_row_can_be_removed(qtbot, main_window, page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ws = page.workspace
    with qtbot.waitSignal(ws.output.saved, timeout=TASK_TIMEOUT):
        page.save_pdf(tmp_path / "thu.pdf")
    page.tabs.setCurrentWidget(ws.register)
    table = ws.register.table
    assert table.rowCount() == 1 and not ws.register.delete_button.isEnabled()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(0, 0)).center())
    assert ws.register.delete_button.isEnabled()
    _answer_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(ws.register.delete_button, Qt.MouseButton.LeftButton)
    assert page.ctx.read(list_reports_sent) == [] and table.rowCount() == 0
    assert (tmp_path / "thu.pdf").exists()  # only the register row goes
