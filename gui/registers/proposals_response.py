"""Nhận phản hồi của tỉnh: open the province's signed response file, see what it changes, then update.

reports.exchange.response_file checks the file (signature, recipient, the province's key) and lists
the answers; nothing is stored until the clerk presses «Cập nhật», which applies every answer in one
transaction. A refused file (another commune's, damaged, signed with another key) is explained in a
message and changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.errors import show_error
from gui.settings import Key
from gui.widgets.format import fmt_date, fmt_int
from gui.widgets.heading import SECTION_HEADING, make_heading
from reports.exchange.response_file import ResponseChange, ResponsePreview, apply_response, preview_response
from storage.exchange_errors import ExchangeError, Reason
from storage.signing import short_fingerprint

#: The folder of the last response file opened (often the USB stick brought back from the province).
RESPONSE_FOLDER = Key("exchange/response_folder", "", str)

ANSWER_PREVIEW = 300  # characters of an answer shown in its cell; the tooltip holds the whole text
UNKNOWN_COLOUR = "#8a8a8a"
FIRST_KEY_STYLE = "color: #8a4b00; font-weight: bold;"
TRUSTED_STYLE = "color: #1b5e20;"
TITLE, STATUS, ANSWER, DATE = range(4)


class ResponseDialog(QDialog):
    """The answers of one response file as they would change this commune's proposals."""

    applied = Signal(object)  # the ResponsePreview that was applied

    def __init__(self, ctx: AppContext, path: Path, preview: ResponsePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.path, self.preview = ctx, path, preview
        self.resize(980, 520)
        outer = QVBoxLayout(self)
        self.heading = make_heading(QLabel(), SECTION_HEADING)
        outer.addWidget(self.heading)
        facts = QFormLayout()
        self.file_caption, self.file_value = QLabel(), QLabel(path.name)
        self.file_value.setToolTip(str(path))
        self.sender_caption, self.sender_value = QLabel(), QLabel()
        for caption, value in ((self.file_caption, self.file_value), (self.sender_caption, self.sender_value)):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addRow(caption, value)
        outer.addLayout(facts)
        self.key_note = QLabel()
        self.key_note.setWordWrap(True)
        self.key_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.key_note)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)

        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ANSWER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(TITLE, 300)
        header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())  # rows follow wrapped texts
        outer.addWidget(self.table, 1)

        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.applicable = sum(1 for c in preview.changes if c.applies)
        self.apply_button.setEnabled(self.applicable > 0)
        (self.apply_button if self.applicable else self.cancel_button).setDefault(True)
        self.retranslate()

    # --- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        p = self.preview
        self.setWindowTitle(self.tr("Nhận phản hồi của tỉnh"))
        self.heading.setText(self.tr("Phản hồi của tỉnh về các kiến nghị của xã"))
        self.file_caption.setText(self.tr("Tệp:"))
        self.sender_caption.setText(self.tr("Nơi gửi:"))
        self.sender_value.setText(
            self.tr("{province}, tệp phản hồi số {n}").format(province=p.province_name, n=p.sequence)
        )
        fingerprint = short_fingerprint(p.key_fingerprint)
        if p.first_key:
            self.key_note.setStyleSheet(FIRST_KEY_STYLE)
            self.key_note.setText(
                self.tr(
                    "Lần đầu nhận tệp của tỉnh: khóa {fingerprint} sẽ được tin cậy từ nay. Nếu nghi ngờ, hãy gọi "
                    "điện cho tỉnh để đối chiếu dãy ký tự này trước khi cập nhật."
                ).format(fingerprint=fingerprint)
            )
        else:
            self.key_note.setStyleSheet(TRUSTED_STYLE)
            self.key_note.setText(
                self.tr("Chữ ký số hợp lệ, đúng khóa của tỉnh đã tin cậy ({fingerprint}).").format(
                    fingerprint=fingerprint
                )
            )
        changed = sum(1 for c in p.changes if c.changes)
        unknown = sum(1 for c in p.changes if not c.applies)
        parts = [
            self.tr("{n} trả lời").format(n=fmt_int(len(p.changes))),
            self.tr("{n} kiến nghị đổi trạng thái").format(n=fmt_int(changed)),
            self.tr("{n} giữ trạng thái, cập nhật nội dung trả lời").format(n=fmt_int(self.applicable - changed)),
        ]
        if unknown:
            parts.append(self.tr("{n} không tìm thấy (bỏ qua)").format(n=fmt_int(unknown)))
        self.summary.setText(" · ".join(parts))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kiến nghị"),
                self.tr("Trạng thái: hiện tại → theo tỉnh"),
                self.tr("Nội dung trả lời"),
                self.tr("Ngày trả lời"),
            ]
        )
        self._fill()
        self.apply_button.setText(self.tr("Cập nhật"))
        self.apply_button.setToolTip(
            self.tr("Ghi trạng thái và nội dung trả lời của tỉnh vào các kiến nghị trong danh sách.")
        )
        self.cancel_button.setText(self.tr("Hủy"))

    def status_text(self, c: ResponseChange) -> str:
        lang = self.ctx.lang
        if c.old_status is None:
            return self.tr("không tìm thấy kiến nghị này")
        if not c.changes:
            return self.tr("{status} (không đổi)").format(status=c.old_status.label(lang))
        return f"{c.old_status.label(lang)} → {c.new_status.label(lang)}"

    def _fill(self) -> None:
        changes = self.preview.changes
        self.table.setRowCount(len(changes))
        grey = QBrush(QColor(UNKNOWN_COLOUR))
        for i, c in enumerate(changes):
            answer = (
                c.response_text if len(c.response_text) <= ANSWER_PREVIEW else c.response_text[:ANSWER_PREVIEW] + "…"
            )
            cells = (c.title, self.status_text(c), answer, fmt_date(c.response_date))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.proposal_id)
                if j in (TITLE, ANSWER):
                    item.setToolTip(c.title if j == TITLE else c.response_text)
                font = QFont(self.table.font())
                if not c.applies:
                    item.setForeground(grey)
                    font.setItalic(True)
                    item.setToolTip(self.tr("Không tìm thấy kiến nghị này trong danh sách của xã: bỏ qua."))
                elif j == STATUS and c.changes:
                    font.setBold(True)
                item.setFont(font)
                self.table.setItem(i, j, item)
        self.table.resizeRowsToContents()
        self.table.setCurrentItem(None)  # no cell looks chosen: the answers are read, not edited

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # the columns have their real widths only now

    # --- applying ----------------------------------------------------------------------------
    def apply(self) -> None:
        """Cập nhật: every answer of the file in one transaction (a problem stops all of them)."""
        if not self.applicable:
            return
        try:
            with self.ctx.session() as s:
                applied = apply_response(s, self.path, user_id=self.ctx.user_id)
        except Exception as exc:  # shown to the user; nothing was stored
            show_error(self, exc, self.ctx.lang, self.tr("Chưa cập nhật được theo phản hồi của tỉnh"))
            return
        self.ctx.notify("proposals")
        self.applied.emit(applied)
        self.accept()


def choose_response_file(parent: QWidget, ctx: AppContext) -> Path | None:
    """The open-file dialog, starting in the folder used last time."""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ResponseImport", "Chọn tệp phản hồi của tỉnh"),
        ctx.settings.get(RESPONSE_FOLDER) or QDir.homePath(),
        QCoreApplication.translate("ResponseImport", "Tệp trao đổi Commune Desk (*.cdesk);;Mọi tệp (*)"),
    )
    if not name:
        return None
    path = Path(name)
    ctx.settings.set(RESPONSE_FOLDER, str(path.parent))
    return path


def refusal_title(exc: BaseException) -> str:
    """The message box title: a changed key is a warning about possible forgery, not a damaged file."""
    if isinstance(exc, ExchangeError) and exc.reason == Reason.KEY_CHANGED:
        return QCoreApplication.translate("ResponseImport", "Cảnh báo: khóa ký số của tỉnh đã thay đổi")
    if isinstance(exc, ExchangeError) and exc.reason == Reason.WRONG_RECIPIENT:
        return QCoreApplication.translate("ResponseImport", "Tệp phản hồi không phải của xã này")
    return QCoreApplication.translate("ResponseImport", "Không nhận được tệp phản hồi")


def open_response(parent: QWidget, ctx: AppContext, path: Path | None = None) -> ResponseDialog | None:
    """Ask for the file (unless ``path`` is given), check it and show what it changes; None when refused."""
    chosen = path if path is not None else choose_response_file(parent, ctx)
    if chosen is None:
        return None
    try:
        preview = ctx.read(lambda s: preview_response(s, chosen))
    except Exception as exc:  # refused (UserError) or unexpected (logged): shown
        show_error(parent, exc, ctx.lang, refusal_title(exc))
        return None
    dialog = ResponseDialog(ctx, chosen, preview, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
