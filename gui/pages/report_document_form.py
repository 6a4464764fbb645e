"""The texts an officer writes around the figures of a periodic report: number, date, summary line,
the four narrative sections, signature block and recipients.

The form starts from ``storage.report_documents.draft_for``: the texts stored for this period, else
the previous report's texts as a suggestion (said on screen), else defaults. Problems found by
``validate_report_document`` appear under their fields, named like ``Problem.field``.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from gui.widgets.inputs import DateEdit
from gui.widgets.record_form import RecordForm
from storage.report_documents import NARRATIVE_SECTIONS, ReportDocumentData, validate_report_document

#: Where a draft came from, shown above the fields.
STORED, PREVIOUS, NEW = "stored", "previous", "new"


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


class ReportDocumentForm(RecordForm):
    """Entry form for one report's texts; ``get_data`` gives what ``save_report_document`` stores."""

    changed = Signal()  # any text or date edited by the user (the preview is then out of date)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base: ReportDocumentData | None = None  # the draft loaded, to build the data on
        self._saved: ReportDocumentData | None = None  # what storage holds (or the draft), for "unsaved"
        self._default_title = ""
        self._source = NEW
        self.source_period = ""
        self._loading = False
        self._edited = False
        self.layout_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: narrow panel
        self.source_note = QLabel()
        self.source_note.setWordWrap(True)
        self.source_note.setStyleSheet("background: #fff8e1; border: 1px solid #ffe082; padding: 4px;")
        self.layout().insertWidget(1, self.source_note)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.layout().insertWidget(2, self.hint)

        self.document_number = QLineEdit()
        self.document_number.setMaximumWidth(300)
        self.issued_on = DateEdit(optional=True)
        self.issued_on.setMaximumWidth(160)
        self.title = QPlainTextEdit()
        self.title.setFixedHeight(64)
        self.title.setTabChangesFocus(True)
        self.narrative: dict[str, QPlainTextEdit] = {}
        for key, _vi, _en in NARRATIVE_SECTIONS:
            edit = QPlainTextEdit()
            edit.setFixedHeight(120)  # four sections stay in view with little scrolling; longer text scrolls
            edit.setTabChangesFocus(True)  # Tab moves on; Enter starts a new paragraph
            self.narrative[key] = edit
        self.signer_authority = QLineEdit()
        self.signer_title = QLineEdit()
        self.signer_name = QLineEdit()
        self.recipients = QPlainTextEdit()
        self.recipients.setFixedHeight(96)
        self.recipients.setTabChangesFocus(True)
        for name, widget in self._fields():
            self.add_row(name, "", widget)
            for signal in ("textChanged", "dateChanged"):
                if hasattr(widget, signal):
                    getattr(widget, signal).connect(lambda *_a: self._on_edited())
        self.cancel_button.clicked.disconnect()
        self.cancel_button.clicked.connect(self._ask_revert)
        self.retranslate()

    def _fields(self) -> list[tuple[str, QWidget]]:
        return [
            ("document_number", self.document_number),
            ("issued_on", self.issued_on),
            ("title", self.title),
            *self.narrative.items(),
            ("signer_authority", self.signer_authority),
            ("signer_title", self.signer_title),
            ("signer_name", self.signer_name),
            ("recipients", self.recipients),
        ]

    # --- texts -------------------------------------------------------------------------------
    def section_labels(self) -> dict[str, str]:
        """Each narrative section with the printed section it goes into."""
        labels = {
            "results": self.tr("Kết quả đạt được (thêm vào mục I, sau câu số liệu)"),
            "difficulties": self.tr("Khó khăn, vướng mắc (mục IV)"),
            "proposals": self.tr("Đề xuất, kiến nghị (mục V, sau số liệu kiến nghị)"),
            "next_tasks": self.tr("Nhiệm vụ trọng tâm kỳ tới (mục VI)"),
        }
        assert set(labels) == {key for key, _vi, _en in NARRATIVE_SECTIONS}
        return labels

    def retranslate_buttons(self) -> None:
        self.save_button.setText(self.tr("Lưu nội dung (Ctrl+S)"))
        self.cancel_button.setText(self.tr("Bỏ sửa đổi"))
        self.cancel_button.setToolTip(self.tr("Trở lại nội dung đã lưu của kỳ này"))

    def retranslate(self) -> None:
        self.retranslate_buttons()
        self.heading.setText(self.tr("Văn bản báo cáo"))
        self.hint.setText(
            self.tr(
                "Mỗi dòng là một đoạn văn. Số liệu các mục I, II, III và V do phần mềm tự tính từ dữ liệu; "
                "ở đây chỉ viết phần nhận xét. Ctrl+S để lưu."
            )
        )
        self.set_label("document_number", self.tr("Số văn bản"))
        self.document_number.setPlaceholderText(self.tr("Ví dụ 05/BC-UBND; để trống để điền tay"))
        self.set_label("issued_on", self.tr("Ngày ban hành (để trống để điền tay)"))
        self.set_label("title", self.tr("Trích yếu (dòng dưới chữ BÁO CÁO)"))
        for key, text in self.section_labels().items():
            self.set_label(key, text)
        self.set_label("signer_authority", self.tr("Thẩm quyền ký"))
        self.signer_authority.setPlaceholderText(self.tr("Ví dụ TM. ỦY BAN NHÂN DÂN hoặc KT. CHỦ TỊCH"))
        self.set_label("signer_title", self.tr("Chức vụ người ký *"))
        self.set_label("signer_name", self.tr("Họ tên người ký"))
        self.set_label("recipients", self.tr("Nơi nhận (mỗi nơi một dòng)"))
        self._show_source()

    def _show_source(self) -> None:
        if self._source == PREVIOUS:
            text = self.tr(
                "Lấy nội dung kỳ trước làm gợi ý ({period}): hãy sửa cho kỳ này rồi lưu. Số và ngày văn bản để trống."
            ).format(period=self.source_period)
        elif self._source == STORED:
            text = self.tr("Nội dung đã lưu của kỳ này.")
        else:
            text = self.tr("Kỳ này chưa có nội dung: hãy viết các phần dưới đây rồi lưu.")
        self.source_note.setText(text)

    # --- data --------------------------------------------------------------------------------
    def load(self, draft: ReportDocumentData, source: str, default_title: str, source_period: str = "") -> None:
        """Show a draft; ``source`` says where it came from (STORED, PREVIOUS or NEW)."""
        self._base, self._default_title = draft, default_title
        self._source, self.source_period = source, source_period
        self._fill(draft)
        self._edited = False
        self._saved = self.get_data() if source == STORED else None  # a suggestion is not saved yet
        self.clear_problems()
        self._show_source()

    def show_data(self, data: ReportDocumentData) -> None:
        """Put back texts kept in memory (edited, not yet saved) over the loaded draft."""
        self._fill(data)
        self._edited = True

    def _fill(self, data: ReportDocumentData) -> None:
        self._loading = True
        self.document_number.setText(data.document_number)
        self.issued_on.set_value(data.issued_on)
        self.title.setPlainText(data.title or self._default_title)
        for key, edit in self.narrative.items():
            edit.setPlainText(data.narrative.get(key, ""))
        self.signer_authority.setText(data.signer_authority)
        self.signer_title.setText(data.signer_title)
        self.signer_name.setText(data.signer_name)
        self.recipients.setPlainText("\n".join(data.recipients))
        self._loading = False

    def get_data(self) -> ReportDocumentData:
        """The texts as typed; the default summary line is kept empty so it follows the period."""
        assert self._base is not None, "load() a draft first"
        title = " ".join(self.title.toPlainText().split())
        return replace(
            self._base,
            document_number=self.document_number.text().strip(),
            issued_on=self.issued_on.value(),
            title="" if title == " ".join(self._default_title.split()) else title,
            narrative={key: edit.toPlainText().strip() for key, edit in self.narrative.items()},
            signer_authority=self.signer_authority.text().strip(),
            signer_title=self.signer_title.text().strip(),
            signer_name=self.signer_name.text().strip(),
            recipients=_lines(self.recipients),
        )

    def check(self) -> ReportDocumentData | None:
        """The data if valid; otherwise None, with each problem shown under its field."""
        data = self.get_data()
        problems = validate_report_document(data)
        if problems:
            self.show_problems(problems)
            return None
        self.clear_problems()
        return data

    def mark_saved(self, data: ReportDocumentData) -> None:
        self._saved, self._source, self._edited = data, STORED, False
        self._show_source()

    def is_dirty(self) -> bool:
        """Edited by the user and different from what storage holds (a suggestion is never stored)."""
        return self._base is not None and self._edited and self.get_data() != self._saved

    def _on_edited(self) -> None:
        if self._loading:
            return
        self._edited = True
        self.changed.emit()

    def is_stored(self) -> bool:
        """Storage holds exactly these texts for this period."""
        return self._saved is not None and self.get_data() == self._saved

    def _ask_revert(self) -> None:
        if self.is_dirty():
            answer = QMessageBox.question(
                self,
                self.tr("Bỏ sửa đổi"),
                self.tr("Bỏ những gì đã sửa và trở lại nội dung trước đó?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.revert()

    def revert(self) -> None:
        """Back to what storage holds (or the draft) for this period."""
        if self._base is not None:
            self.load(self._saved or self._base, self._source, self._default_title, self.source_period)
            self.changed.emit()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Esc does not throw away paragraphs typed here (registers' Esc-cancels would be too costly).
        if event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)
