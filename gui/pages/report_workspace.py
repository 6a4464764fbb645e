"""The document side of the reports screen: the officer's texts beside the PDF preview, the output
actions (preview, print, save as Excel/PDF) and the register of reports sent.

Texts follow the chosen period. When the period changes with unsaved edits, valid texts are saved
(they were written for that period) and texts with a problem are kept in memory until the officer
returns to that period, so nothing typed is lost silently. Printing and saving a file store the
texts first, so what left the office is what the database holds.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QWidget,
)

from gui.context import AppContext
from gui.errors import show_error
from gui.pages.report_document_form import NEW, PREVIOUS, STORED, ReportDocumentForm
from gui.pages.report_export import ReportOutput, SavedFileBar, SavedReport
from gui.pages.report_preview import ReportPreview
from gui.pages.report_province_file import ProvinceFileDialog
from gui.pages.report_sent_table import ReportsSentTable, period_name
from gui.widgets.inputs import EnumCombo
from reports.periodic import default_title
from storage.errors import UserError, ValidationError
from storage.periods import Period
from storage.report_documents import (
    ReportDocumentData,
    draft_for,
    latest_before,
    load_report_document,
    save_report_document,
    validate_report_document,
)
from storage.reports_sent import delete_report_sent, list_reports_sent
from storage.vocab import ReportChannel

KIND = "periodic"
Key = tuple[str, bool]  # period spec, official cut-off


class ReportWorkspace(QWidget):
    """Document form | PDF preview, plus the action bar, saved-file bar and register the page places."""

    status_message = Signal(str)
    show_me = Signal()  # the page should bring this tab forward (a problem to fix, a new preview)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period: Period | None = None
        self._key: Key | None = None
        self._kept: dict[Key, ReportDocumentData] = {}  # edited texts with a problem, per period
        self._previous_spec = ""  # the period whose texts were offered as a start

        self.form = ReportDocumentForm()
        self.form.lang = ctx.lang
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(380)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.preview = ReportPreview()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(1, 1)  # a wider window widens the page preview
        self.splitter.setSizes([440, 640])
        self.splitter.setChildrenCollapsible(False)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.splitter)

        # placed by the page: the action bar under the heading, the saved bar above the tabs, the register as a tab
        self.action_bar = QWidget()
        bar = QHBoxLayout(self.action_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.preview_button, self.print_button = QPushButton(), QPushButton()
        self.excel_button, self.pdf_button = QPushButton(), QPushButton()
        self.channel_label = QLabel()
        self.channel = EnumCombo(ReportChannel, ctx.lang)
        self.channel.set_value(ReportChannel.USB)  # offline offices carry the file on a USB stick
        self.channel_label.setBuddy(self.channel)
        self.province_button = QPushButton()
        self.province_dialog: ProvinceFileDialog | None = None
        for w in (self.preview_button, self.print_button, self.excel_button, self.pdf_button):
            bar.addWidget(w)
        bar.addSpacing(8)
        bar.addWidget(self.channel_label)
        bar.addWidget(self.channel)
        bar.addSpacing(8)
        bar.addWidget(self.province_button)
        self.saved_bar = SavedFileBar()
        self.register = ReportsSentTable()

        self.output = ReportOutput(self, ctx, self.preview)
        self.output.state_changed.connect(self._update_buttons)
        self.output.preview_ready.connect(self._previewed)
        self.output.printed.connect(self._printed)
        self.output.saved.connect(self._saved)
        self.form.save_requested.connect(self.save_document)
        self.form.changed.connect(lambda: self.preview.set_stale(True))
        self.preview.refresh_requested.connect(self.preview_report)
        self.preview_button.clicked.connect(self.preview_report)
        self.print_button.clicked.connect(lambda: self.print_report())
        self.excel_button.clicked.connect(lambda: self.save_file("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.save_file("pdf"))
        self.province_button.clicked.connect(lambda: self.export_province_file())
        self.register.delete_requested.connect(self.delete_sent)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._keep_on_quit)
        self.retranslate()  # also fills the register

    def retranslate(self) -> None:
        self.form.lang = self.ctx.lang
        self.form.retranslate()
        self.preview.retranslate()
        self.register.retranslate()
        self.saved_bar.retranslate()
        self.preview_button.setText(self.tr("Xem trước"))
        self.print_button.setText(self.tr("In… (Ctrl+P)"))
        self.excel_button.setText(self.tr("Lưu Excel…"))
        self.pdf_button.setText(self.tr("Lưu PDF…"))
        self.channel_label.setText(self.tr("&Gửi qua:"))
        self.channel.fill(self.ctx.lang)
        tip = self.tr(
            "Mỗi tệp lưu ra được ghi vào sổ «Báo cáo đã gửi» với hình thức gửi chọn ở đây (mặc định USB) "
            "và mã SHA-256 của tệp."
        )
        for w in (self.channel_label, self.channel, self.excel_button, self.pdf_button):
            w.setToolTip(tip)
        self.print_button.setToolTip(self.tr("In trên giấy A4; nội dung văn bản được lưu trước khi in."))
        self.province_button.setText(self.tr("Xuất file gửi tỉnh…"))
        self.province_button.setToolTip(
            self.tr(
                "Tệp .cdesk có chữ ký số của xã (số liệu, báo cáo Excel và PDF) để gửi tỉnh qua USB hoặc thư "
                "điện tử; nội dung văn bản được lưu trước."
            )
        )
        if self.period is not None:
            self._refresh_source_note()
        self.reload_register()

    # --- period and texts ----------------------------------------------------------------------
    def set_period(self, period: Period | None) -> None:
        """Follow the page's period (None: the choice is impossible; output is disabled)."""
        self.period = period
        if period is not None and (period.spec, period.official) != self._key:
            self._leave_current()
            self._load(period)
        self._update_buttons()

    def _leave_current(self) -> None:
        if self._key is None or not self.form.is_dirty():
            return
        data = self.form.get_data()
        name = period_name(self._key[0], self.ctx.lang)
        if validate_report_document(data):
            self._kept[self._key] = data
            self.status_message.emit(
                self.tr(
                    "Nội dung văn bản {period} có lỗi nên chưa lưu; vẫn được giữ lại, quay lại kỳ đó để sửa."
                ).format(period=name)
            )
            return
        try:
            with self.ctx.session() as s:
                save_report_document(s, data, user_id=self.ctx.user_id)
        except UserError as exc:  # e.g. a clerk's account may not store report texts: kept until the period returns
            self._kept[self._key] = data
            self.status_message.emit(exc.message(self.ctx.lang))
            return
        self.status_message.emit(self.tr("Đã tự lưu nội dung văn bản {period}.").format(period=name))

    def _load(self, period: Period) -> None:
        profile = self.ctx.profile()
        signer = profile.signer_name if profile is not None else ""

        def read(s):  # type: ignore[no-untyped-def]
            stored = load_report_document(s, KIND, period.spec, period.official)
            previous = None if stored else latest_before(s, KIND, period.spec)
            return stored, previous, draft_for(s, KIND, period.spec, period.official, signer)

        stored, previous, draft = self.ctx.read(read)
        source = STORED if stored else PREVIOUS if previous else NEW
        self._previous_spec = previous.period_spec if previous else ""
        self._key = (period.spec, period.official)
        self.form.load(draft, source, default_title(period), period_name(self._previous_spec, self.ctx.lang))
        kept = self._kept.pop(self._key, None)
        if kept is not None:
            self.form.show_data(kept)
        self.preview.set_stale(True)

    def _refresh_source_note(self) -> None:
        self.form.source_period = period_name(self._previous_spec, self.ctx.lang)
        self.form.retranslate()

    def document(self) -> ReportDocumentData | None:
        """The texts if valid; otherwise the problems are shown next to their fields."""
        data = self.form.check()
        if data is None:
            self.show_me.emit()
        return data

    def save_document(self) -> bool:
        """Ctrl+S: store the texts of this period; problems appear next to their fields, nothing stored."""
        data = self.document()
        if data is None or self.period is None:
            return False
        try:
            with self.ctx.session() as s:
                save_report_document(s, data, user_id=self.ctx.user_id)
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            self.show_me.emit()
            return False
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return False
        self.form.mark_saved(data)
        self.status_message.emit(
            self.tr("Đã lưu nội dung văn bản {period}.").format(period=self.period.label(self.ctx.lang))
        )
        return True

    def _committed(self) -> ReportDocumentData | None:
        """The texts, stored first when edited (printing and saving a file record what left the office)."""
        if not self.form.is_stored():
            return self.form.get_data() if self.save_document() else None
        return self.document()

    # --- output ------------------------------------------------------------------------------
    def _ready(self) -> bool:
        if self.period is None:
            self.status_message.emit(self.tr("Hãy chọn một kỳ báo cáo hợp lệ trước."))
            return False
        return not self.output.busy()

    def preview_report(self) -> None:
        """Build the PDF off the GUI thread and show it beside the texts."""
        if not self._ready():
            return
        data = self.document()
        if data is not None and self.period is not None:
            self.show_me.emit()
            self.output.preview(self.period, data)

    def print_report(self, printer: QPrinter | None = None) -> None:
        """Print on A4 through the print dialog (or straight to ``printer``, e.g. a PDF printer in tests)."""
        if not self._ready():
            return
        data = self._committed()
        if data is not None and self.period is not None:
            self.output.print_report(self.period, data, printer)

    def save_file(self, fmt: str, path: Path | None = None) -> None:
        """Save as Excel ("xlsx") or PDF ("pdf"): a file dialog unless ``path`` is given."""
        if not self._ready():
            return
        data = self._committed()
        if data is not None and self.period is not None:
            self.output.save(fmt, self.period, data, self.channel.value(), path)

    def export_province_file(self) -> ProvinceFileDialog | None:
        """Xuất file gửi tỉnh: store the texts, then ask where and how in a dialog that builds the file."""
        if not self._ready() or (self.province_dialog is not None and self.province_dialog.isVisible()):
            return None
        data = self._committed()
        if data is None or self.period is None:
            return None
        chosen = self.channel.value()
        dialog = ProvinceFileDialog(
            self.ctx, self.period, data, self, chosen if chosen == ReportChannel.EMAIL else ReportChannel.USB
        )
        dialog.status_message.connect(self.status_message)

        def forget(_result: int) -> None:
            if self.province_dialog is dialog:
                self.province_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(forget)
        self.province_dialog = dialog
        dialog.open()
        return dialog

    def _previewed(self, pages: int) -> None:
        self.status_message.emit(self.tr("Bản xem trước có {n} trang.").format(n=pages))

    def _printed(self, pages: int) -> None:
        self.status_message.emit(self.tr("Đã gửi {n} trang tới máy in.").format(n=pages))

    def _saved(self, saved: SavedReport) -> None:
        self.saved_bar.show_saved(saved)
        self.reload_register()
        self.status_message.emit(self.tr("Đã lưu {name}.").format(name=saved.path.name))

    def _update_buttons(self) -> None:
        enabled = self.period is not None and not self.output.busy()
        for w in (self.preview_button, self.print_button, self.excel_button, self.pdf_button, self.province_button):
            w.setEnabled(enabled)
        self.preview.refresh_button.setEnabled(enabled)

    # --- register ----------------------------------------------------------------------------
    def reload_register(self) -> None:
        self.register.show_rows(self.ctx.read(list_reports_sent), self.ctx.lang)

    def delete_sent(self, report_id: int) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Xóa khỏi sổ"),
            self.tr("Xóa dòng này khỏi sổ báo cáo đã gửi? Tệp đã lưu không bị xóa."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self.ctx.session() as s:
            delete_report_sent(s, report_id)
        self.ctx.notify("reports_sent")
        self.reload_register()

    def _keep_on_quit(self) -> None:
        """Closing the program saves valid edited texts, as changing the period does."""
        with contextlib.suppress(UserError):  # the database is going away; nothing more can be done at exit
            self._leave_current()
