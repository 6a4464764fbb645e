"""The selected commune proposal in full, and the province's answer form beside the list.

The answer form is a RecordForm: its field names are storage.province.answers' problem fields,
so each validation message shows under its field; Ctrl+Enter saves from the answer text (Enter
there starts a new line), Enter saves from the other fields, Esc puts back what is stored.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from gui.widgets.format import fmt_date, fmt_int
from gui.widgets.heading import SECTION_HEADING, make_heading
from gui.widgets.inputs import DateEdit
from gui.widgets.record_form import RecordForm
from storage.province.answers import ANSWER_STATUSES, ProvinceProposalRow
from storage.vocab import ProposalStatus


class ProposalDetail(QWidget):
    """What the commune wrote: title, commune, dates, bodies addressed, its status and the content."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "vi"
        self.row: ProvinceProposalRow | None = None
        self.title = make_heading(QLabel(), SECTION_HEADING)
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.content = QPlainTextEdit()
        self.content.setReadOnly(True)
        self.content.setFixedHeight(120)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.facts)
        lay.addWidget(self.content)

    def show_row(self, row: ProvinceProposalRow | None, today: date) -> None:
        self.row, self._today = row, today
        self.retranslate()

    def retranslate(self) -> None:
        row = self.row
        if row is None:
            self.title.setText(self.tr("Chọn một kiến nghị trong danh sách để xem nội dung và trả lời."))
            self.facts.clear()
            self.content.clear()
            self.content.hide()
            return
        lang = self.lang
        facts = [
            self.tr("Xã: {name} (mã {code})").format(name=row.commune_name, code=row.commune_code),
            self.tr("Ngày nêu: {day}; nhóm: {category}").format(
                day=fmt_date(row.raised_date), category=row.category.label(lang)
            ),
            self.tr("Gửi cơ quan: {bodies}").format(bodies=row.addressed_to or self.tr("(chưa ghi)")),
            self.tr("Trạng thái xã báo: {status}").format(status=row.commune_status.label(lang)),
        ]
        if row.is_open:
            facts.append(self.tr("Đã chờ {days} ngày").format(days=fmt_int(row.age_days(self._today))))
        if row.response_status is not None:
            if row.answer_pending_export:
                sent = self.tr("chưa gửi xã")
            else:
                sent = self.tr("đã gửi xã lúc {when}").format(when=fmt_date(row.response_exported_at))
            facts.append(
                self.tr("Tỉnh đã trả lời: {status}, ngày {day} ({sent})").format(
                    status=row.response_status.label(lang), day=fmt_date(row.response_date), sent=sent
                )
            )
        self.title.setText(row.title)
        self.facts.setText("<br>".join(escape(f) for f in facts))
        self.content.setPlainText(row.content or self.tr("(Xã không ghi nội dung chi tiết.)"))
        self.content.show()


class AnswerForm(RecordForm):
    """Trạng thái, nội dung trả lời, ngày trả lời: what record_answer stores."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QComboBox()
        self.response_text = QPlainTextEdit()
        self.response_text.setFixedHeight(110)
        self.response_date = DateEdit()
        self.add_row("status", "", self.status)
        self.add_row("response_text", "", self.response_text)
        self.add_row("response_date", "", self.response_date)
        self.retranslate()

    def retranslate_buttons(self) -> None:
        self.save_button.setText(self.tr("Lưu trả lời (Ctrl+Enter)"))
        self.cancel_button.setText(self.tr("Hủy (Esc)"))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Trả lời của tỉnh"))
        self.set_label("status", self.tr("Trạng thái *"))
        self.set_label("response_text", self.tr("Nội dung trả lời"))
        self.set_label("response_date", self.tr("Ngày trả lời *"))
        self.response_text.setPlaceholderText(
            self.tr("Bắt buộc khi đã giải quyết hoặc không chấp nhận. Enter xuống dòng; Ctrl+Enter để lưu")
        )
        keep = self.status_value()
        self.status.blockSignals(True)
        self.status.clear()
        for status in ANSWER_STATUSES:
            self.status.addItem(status.label(self.lang), status)
        self.status.blockSignals(False)
        self.set_status(keep or ANSWER_STATUSES[0])
        self.retranslate_buttons()

    def status_value(self) -> ProposalStatus | None:
        data = self.status.currentData()
        return None if data is None else ProposalStatus(data)

    def set_status(self, status: ProposalStatus) -> None:
        index = self.status.findData(status)
        self.status.setCurrentIndex(max(index, 0))

    def show_row(self, row: ProvinceProposalRow | None, today: date) -> None:
        """The stored answer of ``row`` (a new one: acknowledged, ``today``, no text); disabled without a row."""
        self.clear_problems()
        self.setEnabled(row is not None)
        self.set_status(row.response_status if row and row.response_status else ANSWER_STATUSES[0])
        self.response_text.setPlainText(row.response_text if row else "")
        self.response_date.set_value(row.response_date if row and row.response_date else today)

    def values(self) -> tuple[ProposalStatus, str, date]:
        status, day = self.status_value(), self.response_date.value()
        assert status is not None and day is not None  # a filled combo, a date that is not optional
        return status, self.response_text.toPlainText(), day

    def focus_first(self) -> None:
        self.response_text.setFocus()
