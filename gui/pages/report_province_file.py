"""Xuất file gửi tỉnh: the signed .cdesk file of one period, saved to a folder (a USB stick) or sent by email.

The file is built off the GUI thread by reports.exchange.report_file.export_report_file, which also
enters it in the register of reports sent with its revision (lần 1, 2, ...). Email cannot attach a
file through a ``mailto:`` link, so for email the dialog opens the mail client with the subject and
text filled in, opens the folder holding the file, and says plainly that the clerk must attach it.
The same dialog shows this installation's key fingerprint (read aloud to the province on the phone)
and saves the key registration file the province imports before the first report.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QDir, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.errors import show_error
from gui.pages.report_export import first_recipient
from gui.settings import Key
from gui.tasks import Cancelled, Progress, Task, run_task
from gui.widgets.heading import SECTION_HEADING, make_heading
from reports.exchange.report_file import (
    ExportedFile,
    build_registration_file,
    export_report_file,
    file_name,
    last_revision,
)
from reports.files import build_atomically
from storage.errors import UserError
from storage.periods import Period, PeriodKind, period_for
from storage.report_documents import ReportDocumentData
from storage.signing import install_key, short_fingerprint
from storage.vocab import ReportChannel

#: The folder of the last province file (often the USB stick) and the province's email address.
PROVINCE_FOLDER = Key("exchange/province_folder", "", str)
PROVINCE_EMAIL = Key("exchange/province_email", "", str)

MIN_WIDTH = 640
ERROR_STYLE = "color: #b00020;"
NOTE_STYLE = "color: #8a4b00; font-weight: bold;"
RESULT_STYLE = "ResultBox { background: #e8f5e9; border: 1px solid #a5d6a7; }"


def default_folder(ctx: AppContext) -> str:
    """The folder used last time, else the Documents folder."""
    saved = ctx.settings.get(PROVINCE_FOLDER)
    if saved:
        return saved
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs or QDir.homePath()


def is_reportable(period: Period, cutoff_day: int) -> bool:
    """Whether the province can file this period: a standard period on the official cut-off dates.

    A calendar month has the same name ("2025-07") as the official one but other dates; sending it
    would put figures of other dates under the province's period.
    """
    if period.kind is PeriodKind.CUSTOM:
        return False
    official = period_for(period.kind, period.year, max(period.index, 1), official=True, cutoff_day=cutoff_day)
    return (official.start, official.end) == (period.start, period.end)


def mailto_url(address: str, subject: str, body: str) -> QUrl:
    """A ``mailto:`` link with the subject and text percent-encoded (spaces as %20, lines as CRLF)."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    text = f"mailto:{quote(address.strip(), safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return QUrl(text, QUrl.ParsingMode.StrictMode)


class ResultBox(QWidget):
    """A green box: what was saved where, and a button to open the folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(RESULT_STYLE)
        self.folder: Path | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_folder)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_text(self, text: str, folder: Path) -> None:
        self.label.setText(text)
        self.folder = folder
        self.show()
        window = self.window()
        if isinstance(window, ProvinceFileDialog):
            window.fit_height()  # room for the message, not a squeezed form

    def open_folder(self) -> bool:
        return self.folder is not None and QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))


class ProvinceFileDialog(QDialog):
    """Where to save the province file, under what name and revision, by which channel; then build it."""

    exported = Signal(object)  # ExportedFile, after the register of reports sent has its row
    status_message = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        period: Period,
        document: ReportDocumentData | None = None,
        parent: QWidget | None = None,
        channel: ReportChannel = ReportChannel.USB,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.period, self.document = ctx, period, document
        self.task: Task | None = None
        self.last: ExportedFile | None = None
        self.mail_opened: bool | None = None  # after an email export: whether the mail client opened
        self._result_kind = ""  # "report" or "registration": which message the result box holds
        self._registration: Path | None = None
        profile = ctx.profile()
        self.commune_code = profile.code if profile is not None else ""
        self.commune_name = profile.name if profile is not None else ""
        self.reportable = is_reportable(period, ctx.rules().rules.cutoff_day)
        with ctx.session() as s:  # the key is made (and stored) the first time it is needed
            self.fingerprint = short_fingerprint(install_key(s).fingerprint)

        outer = QVBoxLayout(self)
        self.heading = make_heading(QLabel(), SECTION_HEADING)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        outer.addWidget(self.heading)
        outer.addWidget(self.intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels inside the form stay on one line (QFormLayout squeezes wrapped ones); long texts go below it.
        self.period_caption, self.period_value = QLabel(), QLabel()
        form.addRow(self.period_caption, self.period_value)

        self.folder_caption = QLabel()
        self.folder = QLineEdit(default_folder(ctx))
        self.folder_caption.setBuddy(self.folder)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        form.addRow(self.folder_caption, folder_row)
        self.folder_problem = QLabel()
        self.folder_problem.setStyleSheet(ERROR_STYLE)
        form.addRow("", self.folder_problem)

        self.name_caption, self.name_value = QLabel(), QLabel()
        self.name_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = self.name_value.font()
        bold.setBold(True)
        self.name_value.setFont(bold)
        form.addRow(self.name_caption, self.name_value)
        self.revision_note = QLabel()
        form.addRow("", self.revision_note)

        self.channel_caption = QLabel()
        self.usb_choice, self.email_choice = QRadioButton(), QRadioButton()
        self.channels = QButtonGroup(self)
        self.channels.addButton(self.usb_choice)
        self.channels.addButton(self.email_choice)
        (self.email_choice if channel == ReportChannel.EMAIL else self.usb_choice).setChecked(True)
        channel_row = QHBoxLayout()
        channel_row.addWidget(self.usb_choice)
        channel_row.addWidget(self.email_choice)
        channel_row.addStretch(1)
        form.addRow(self.channel_caption, channel_row)

        self.recipient_caption = QLabel()
        self.recipient = QLineEdit(first_recipient(document) if document is not None else "")
        self.recipient.setMaxLength(200)
        self.recipient_caption.setBuddy(self.recipient)
        form.addRow(self.recipient_caption, self.recipient)
        self.email_caption = QLabel()
        self.email = QLineEdit(ctx.settings.get(PROVINCE_EMAIL))
        self.email.setMaxLength(200)
        self.email_caption.setBuddy(self.email)
        form.addRow(self.email_caption, self.email)
        self.email_problem = QLabel()
        self.email_problem.setStyleSheet(ERROR_STYLE)
        form.addRow("", self.email_problem)
        self._form = form
        outer.addLayout(form)
        self.period_problem = QLabel()
        self.period_problem.setWordWrap(True)
        self.period_problem.setStyleSheet(ERROR_STYLE)
        outer.addWidget(self.period_problem)

        self.result = ResultBox()
        outer.addWidget(self.result)

        self.key_box = QGroupBox()
        key_lay = QVBoxLayout(self.key_box)
        key_line = QHBoxLayout()
        self.key_caption = QLabel()
        self.key_value = QLabel(self.fingerprint)
        self.key_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(self.font().pointSizeF() * 1.15, 9.0))
        mono.setBold(True)
        self.key_value.setFont(mono)
        self.registration_button = QPushButton()
        self.registration_button.clicked.connect(lambda: self.export_registration())
        key_line.addWidget(self.key_caption)
        key_line.addWidget(self.key_value)
        key_line.addStretch(1)
        key_line.addWidget(self.registration_button)
        self.key_note = QLabel()
        self.key_note.setWordWrap(True)
        key_lay.addLayout(key_line)
        key_lay.addWidget(self.key_note)
        outer.addWidget(self.key_box)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(lambda: self.export())
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        self.folder.textChanged.connect(lambda _t: self._check_folder(quiet=True))
        self.email_choice.toggled.connect(lambda _on: self._show_channel())
        self.email.textChanged.connect(lambda _t: self._show_row(self.email_problem, False))
        self.retranslate()
        self._show_channel()
        self._check_folder(quiet=True)
        self._update_buttons()
        self.fit_height()

    # --- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = self.ctx.lang
        self.setWindowTitle(self.tr("Xuất file gửi tỉnh"))
        self.heading.setText(self.tr("Xuất file gửi tỉnh"))
        self.intro.setText(
            self.tr(
                "Tệp .cdesk chứa số liệu của kỳ báo cáo kèm báo cáo Excel và PDF, có chữ ký số của xã. "
                "Tỉnh nhập tệp này vào phần mềm của tỉnh; không ai sửa được nội dung mà tỉnh không phát hiện."
            )
        )
        self.period_caption.setText(self.tr("Kỳ báo cáo:"))
        self.period_value.setText(f"{self.period.label(lang)} {self.period.range_text(lang)}")
        if self.period.kind is PeriodKind.CUSTOM:
            problem = self.tr(
                "Kỳ tùy chọn không gửi tỉnh được: hãy chọn tháng, quý, 6 tháng, 9 tháng hoặc năm trên màn hình Báo cáo."
            )
        else:
            problem = self.tr(
                "Tệp gửi tỉnh lập theo ngày chốt số liệu chính thức: trên màn hình Báo cáo hãy đánh dấu "
                "«Theo ngày chốt số liệu» rồi xuất lại."
            )
        self.period_problem.setText(problem)
        self.period_problem.setVisible(not self.reportable)
        self.folder_caption.setText(self.tr("&Lưu vào thư mục:"))
        self.folder.setToolTip(
            self.tr("Cắm USB rồi chọn ổ USB, hoặc chọn một thư mục trên máy nếu gửi qua thư điện tử.")
        )
        self.browse_button.setText(self.tr("Chọn thư mục…"))
        self.name_caption.setText(self.tr("Tên tệp:"))
        self.channel_caption.setText(self.tr("Gửi qua:"))
        self.usb_choice.setText(self.tr("USB (mang tệp lên tỉnh)"))
        self.email_choice.setText(self.tr("Thư điện tử"))
        self.recipient_caption.setText(self.tr("&Nơi nhận:"))
        self.recipient.setPlaceholderText(self.tr("Không bắt buộc, ví dụ: Sở Nội vụ tỉnh"))
        self.email_caption.setText(self.tr("Địa chỉ &thư của tỉnh:"))
        self.email.setPlaceholderText(self.tr("Không bắt buộc, ví dụ: vanthu@nghean.gov.vn"))
        self.result.open_button.setText(self.tr("Mở thư mục"))
        self.key_box.setTitle(self.tr("Khóa ký số của xã"))
        self.key_caption.setText(self.tr("Dấu vân tay:"))
        self.key_note.setText(
            self.tr(
                "Khi tỉnh gọi điện xác minh, hãy đọc dãy ký tự này. Trước lần gửi đầu tiên có thể gửi tỉnh "
                "tệp đăng ký khóa để tỉnh tin cậy khóa của xã."
            )
        )
        self.registration_button.setText(self.tr("Xuất tệp đăng ký khóa…"))
        self.export_button.setText(self.tr("Xuất tệp"))
        self.close_button.setText(self.tr("Đóng"))
        self._show_revision()
        self._show_result()

    def _show_revision(self) -> None:
        """The name of the next file, and whether it replaces one already sent."""
        if not self.commune_code:
            self.name_value.setText("—")
            self.revision_note.setStyleSheet(ERROR_STYLE)
            self.revision_note.setText(self.tr("Chưa khai báo thông tin xã: hãy khai báo trong Cài đặt trước."))
            return
        last = self.ctx.read(lambda s: last_revision(s, self.period))
        self.name_value.setText(file_name(self.commune_code, self.period, last + 1))
        if last:
            self.revision_note.setStyleSheet(NOTE_STYLE)
            self.revision_note.setText(
                self.tr("Kỳ này đã gửi lần {last}; tệp mới là lần {next} và sẽ thay thế lần {last}.").format(
                    last=last, next=last + 1
                )
            )
        else:
            self.revision_note.setStyleSheet("")
            self.revision_note.setText(self.tr("Đây là lần gửi đầu tiên của kỳ này."))

    def _show_channel(self) -> None:
        email = self.email_choice.isChecked()
        self._show_row(self.email, email)
        self._show_row(self.email_problem, False)
        self.export_button.setText(self.tr("Xuất tệp và soạn thư") if email else self.tr("Xuất tệp"))

    def _show_row(self, field: QWidget, visible: bool) -> None:
        """Show or hide a form row with its label; the dialog takes the height its content needs."""
        if self._form.isRowVisible(field) != visible:
            self._form.setRowVisible(field, visible)
            self.fit_height()

    def fit_height(self) -> None:
        """As tall as the wrapped texts need at the current width (adjustSize underestimates wrapped labels)."""
        lay = self.layout()
        lay.activate()
        width = max(self.width(), MIN_WIDTH, lay.totalMinimumSize().width())
        height = lay.totalHeightForWidth(width) if lay.hasHeightForWidth() else lay.totalSizeHint().height()
        self.resize(width, height)

    # --- inputs ------------------------------------------------------------------------------
    def channel(self) -> ReportChannel:
        return ReportChannel.EMAIL if self.email_choice.isChecked() else ReportChannel.USB

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục lưu tệp gửi tỉnh"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _check_folder(self, *, quiet: bool = False) -> Path | None:
        """The chosen folder when it exists; otherwise the problem under the field (none while typing)."""
        text = self.folder.text().strip()
        problem = ""
        if not text:
            problem = self.tr("Hãy chọn thư mục lưu tệp (ví dụ ổ USB).")
        elif not Path(text).is_dir():
            problem = self.tr("Không thấy thư mục này: USB đã cắm chưa? Hãy chọn lại thư mục.")
        self.folder_problem.setText(problem)
        self._show_row(self.folder_problem, bool(problem) and (not quiet or bool(text)))
        return None if problem else Path(text)

    def _check_email(self) -> bool:
        address = self.email.text().strip()
        ok = not address or ("@" in address and " " not in address)
        self.email_problem.setText(self.tr("Địa chỉ thư không hợp lệ (ví dụ: vanthu@nghean.gov.vn)."))
        self._show_row(self.email_problem, not ok)
        return ok

    def busy(self) -> bool:
        return self.task is not None

    def _update_buttons(self) -> None:
        idle = not self.busy()
        self.export_button.setEnabled(idle and self.reportable and bool(self.commune_code))
        for w in (self.close_button, self.browse_button, self.registration_button):
            w.setEnabled(idle)
        default = self.export_button if self.export_button.isEnabled() and self.last is None else self.close_button
        default.setDefault(True)

    # --- the report file ---------------------------------------------------------------------
    def export(self) -> Task | None:
        """Check the inputs, then build and write the file off the GUI thread."""
        if self.busy() or not self.export_button.isEnabled():
            return None
        folder = self._check_folder()
        if folder is None:
            self.folder.setFocus()
            return None
        channel = self.channel()
        if channel == ReportChannel.EMAIL and not self._check_email():
            self.email.setFocus()
            return None
        self.ctx.settings.set(PROVINCE_FOLDER, str(folder))
        if channel == ReportChannel.EMAIL:
            self.ctx.settings.set(PROVINCE_EMAIL, self.email.text().strip())
        sessions, period, document = self.ctx.db.sessions, self.period, self.document
        recipient, user_id = self.recipient.text().strip(), self.ctx.user_id

        def work(_progress: Progress, _cancelled: Cancelled) -> ExportedFile:
            with sessions.begin() as s:
                return export_report_file(
                    s, period, folder, channel=channel, recipient=recipient, document=document, user_id=user_id
                )

        self.task = run_task(
            self, self.tr("Đang lập tệp gửi tỉnh…"), work, self._exported, self._failed, writes=True, cancellable=False
        )
        self._update_buttons()
        return self.task

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._update_buttons()
        show_error(self, exc, self.ctx.lang, self.tr("Chưa xuất được tệp gửi tỉnh"))

    def _exported(self, result: object) -> None:
        assert isinstance(result, ExportedFile)
        self.task = None
        self.last, self._result_kind = result, "report"
        self.mail_opened = None
        if self.channel() == ReportChannel.EMAIL:
            self.result.folder = result.path.parent
            self.result.open_folder()  # the file to attach is in front of the clerk
            self.mail_opened = QDesktopServices.openUrl(self.mail_url(result))
        self.ctx.notify("reports_sent")
        self._show_revision()
        self._show_result()
        self._update_buttons()
        self.status_message.emit(self.tr("Đã xuất tệp {name}.").format(name=result.path.name))  # _v2: the revision
        self.exported.emit(result)

    def _show_result(self) -> None:
        if self._result_kind == "report" and self.last is not None:
            r = self.last
            text = self.tr("Đã lưu tệp gửi tỉnh lần {n}: {name}").format(n=r.revision, name=r.path.name)
            text += "\n" + self.tr("Thư mục: {folder}").format(folder=r.path.parent)
            if r.replaces_revision:
                text += "\n" + self.tr("Tệp này thay thế lần gửi {m}: tỉnh sẽ dùng lần {n}.").format(
                    m=r.replaces_revision, n=r.revision
                )
            text += "\n" + self.tr("Đã ghi vào sổ «Báo cáo đã gửi».")
            if self.mail_opened is True:
                text += "\n" + self.tr(
                    "Đã mở chương trình thư điện tử với thư soạn sẵn và thư mục chứa tệp. Thư CHƯA được gửi: "
                    "hãy đính kèm tệp {name} (kéo tệp từ thư mục vừa mở vào thư) rồi bấm Gửi."
                ).format(name=r.path.name)
            elif self.mail_opened is False:
                text += "\n" + self.tr(
                    "Máy này chưa có chương trình thư điện tử: hãy mở hộp thư (ví dụ trên trình duyệt), "
                    "đính kèm tệp {name} từ thư mục vừa mở rồi gửi cho tỉnh."
                ).format(name=r.path.name)
            self.result.show_text(text, r.path.parent)
        elif self._result_kind == "registration" and self._registration is not None:
            path = self._registration
            self.result.show_text(
                self.tr(
                    "Đã lưu tệp đăng ký khóa {name} vào {folder}. Gửi tệp này cho tỉnh, rồi đọc dấu vân tay "
                    "{fingerprint} cho tỉnh qua điện thoại để đối chiếu."
                ).format(name=path.name, folder=path.parent, fingerprint=self.fingerprint),
                path.parent,
            )

    def mail_url(self, exported: ExportedFile) -> QUrl:
        """The prepared email: the subject and text name the file that must be attached."""
        period = self.period.label(self.ctx.lang)
        subject = self.tr("Báo cáo {period} của {commune} (tệp gửi tỉnh lần {n})").format(
            period=period, commune=self.commune_name, n=exported.revision
        )
        greeting = self.recipient.text().strip() or self.tr("Quý cơ quan")
        lines = [
            self.tr("Kính gửi: {recipient}").format(recipient=greeting),
            "",
            self.tr("{commune} gửi tệp báo cáo {period}, lần gửi {n}: {name} (tệp đính kèm).").format(
                commune=self.commune_name, period=period, n=exported.revision, name=exported.path.name
            ),
        ]
        if exported.replaces_revision:
            lines.append(self.tr("Tệp này thay thế lần gửi {m}.").format(m=exported.replaces_revision))
        lines += [
            self.tr("Mã SHA-256 của tệp: {sha}").format(sha=exported.sha256),
            self.tr("Dấu vân tay khóa ký số của xã: {fingerprint}").format(fingerprint=self.fingerprint),
        ]
        return mailto_url(self.email.text(), subject, "\n".join(lines))

    # --- the key registration file -----------------------------------------------------------
    def export_registration(self, folder: Path | None = None) -> Path | None:
        """Save the key registration file into a folder chosen by the clerk (``folder`` skips the dialog)."""
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Chọn thư mục lưu tệp đăng ký khóa"), self.folder.text().strip() or QDir.homePath()
            )
            if not chosen:
                return None
            folder = Path(chosen)
        try:
            with self.ctx.session() as s:
                built = build_registration_file(s)
            path = build_atomically(folder / built.name, lambda tmp: Path(tmp).write_bytes(built.data))
        except UserError as exc:
            show_error(self, exc, self.ctx.lang, self.tr("Chưa lưu được tệp đăng ký khóa"))
            return None
        self._registration, self._result_kind = path, "registration"
        self._show_result()
        self.status_message.emit(self.tr("Đã lưu tệp đăng ký khóa {name}.").format(name=path.name))
        return path

    # --- closing -----------------------------------------------------------------------------
    def reject(self) -> None:
        """Esc and Close wait for a file being written (the result must reach the register first)."""
        if not self.busy():
            super().reject()
