"""Khó khăn & kiến nghị: difficulties and proposals raised to the province, followed until answered."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QWidget,
)

from gui.context import AppContext
from gui.registers.column_widths import fit_to_texts
from gui.registers.proposals_response import ResponseDialog, open_response
from gui.registers.register_page import RegisterPage
from gui.registers.sources import ListSource
from gui.registers.table_model import Column
from gui.widgets.format import fmt_date, fmt_int
from gui.widgets.inputs import DateEdit, EnumCombo, PickerCombo, labels
from gui.widgets.record_form import RecordForm
from reports.exchange.response_file import ResponsePreview
from storage.errors import Problem
from storage.proposals import (
    ProposalData,
    ProposalRow,
    addressed_bodies,
    delete_proposal,
    list_proposals,
    load_proposal,
    save_proposal,
)
from storage.textsearch import fold, vietnamese_sort_key
from storage.vocab import DEPARTMENTS, ProposalCategory, ProposalStatus

#: Text colour of each status in the list: waiting ones dark orange, answered green, refused brown.
STATUS_COLOURS = {
    ProposalStatus.DRAFT: "#6b6b6b",
    ProposalStatus.SENT: "#b35900",
    ProposalStatus.ACKNOWLEDGED: "#b35900",
    ProposalStatus.ASSIGNED: "#b35900",
    ProposalStatus.RESOLVED: "#1b7a2f",
    ProposalStatus.DECLINED: "#7a3e12",
}
TITLE_COLUMN, ADDRESSED_COLUMN = 1, 4
# Long titles and body names are elided (the tooltip shows them whole), so the date raised, title,
# status, days waiting and the body addressed all show beside the form at 1366 px.
COLUMN_CAPS = {TITLE_COLUMN: 220, ADDRESSED_COLUMN: 190}
_CATEGORY_ORDER = {c: i for i, c in enumerate(ProposalCategory)}
_STATUS_ORDER = {s: i for i, s in enumerate(ProposalStatus)}


def department_choices(used: Iterable[str]) -> list[str]:
    """The provincial bodies of the vocabulary, then any other body already used (once each, Vietnamese order)."""
    seen = {fold(d) for d in DEPARTMENTS}
    extra: dict[str, str] = {}
    for body in used:
        key = fold(body)
        if key and key not in seen:
            extra.setdefault(key, body)
    return [*DEPARTMENTS, *sorted(extra.values(), key=vietnamese_sort_key)]


def used_departments(session: Session) -> list[str]:
    """Every body named in a stored proposal's "addressed to"."""
    return [body for r in list_proposals(session) for body in addressed_bodies(r.addressed_to)]


class ProposalForm(RecordForm):
    """Entry form for one proposal and the province's answer; field names match storage.proposals' problems."""

    respond_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading.setWordWrap(True)  # "Sửa: kiến nghị “…”" can be long
        self.category = EnumCombo(ProposalCategory, ctx.lang)
        self.title = QLineEdit()
        self.content = QPlainTextEdit()
        self.content.setFixedHeight(96)
        self.raised_date = DateEdit()
        self.addressed_to = PickerCombo(free_text=True)
        self.addressed_to.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.addressed_to.setMinimumContentsLength(16)
        self.status = EnumCombo(ProposalStatus, ctx.lang)
        self.response_heading = QLabel()
        font = self.response_heading.font()
        font.setBold(True)
        self.response_heading.setFont(font)
        self.respond_button = QPushButton()
        self.respond_button.clicked.connect(self.respond_requested)
        self.response_text = QPlainTextEdit()
        self.response_text.setFixedHeight(96)
        self.response_date = DateEdit(optional=True)
        self._report_id: int | None = None  # the linked report is not edited here, only kept
        for name, widget in self._fields()[:6]:
            self.add_row(name, "", widget)
        self.layout_form.addRow(self.response_heading, self.respond_button)
        for name, widget in self._fields()[6:]:
            self.add_row(name, "", widget)
        self.retranslate()

    def _fields(self) -> list[tuple[str, QWidget]]:
        return [
            ("category", self.category),
            ("title", self.title),
            ("content", self.content),
            ("raised_date", self.raised_date),
            ("addressed_to", self.addressed_to),
            ("status", self.status),
            ("response_text", self.response_text),
            ("response_date", self.response_date),
        ]

    def retranslate(self) -> None:
        texts = {
            "category": self.tr("Nhóm kiến nghị"),
            "title": self.tr("Tiêu đề *"),
            "content": self.tr("Nội dung"),
            "raised_date": self.tr("Ngày nêu *"),
            "addressed_to": self.tr("Gửi cơ quan"),
            "status": self.tr("Trạng thái"),
            "response_text": self.tr("Nội dung trả lời"),
            "response_date": self.tr("Ngày tỉnh trả lời"),
        }
        for name, text in texts.items():
            self.set_label(name, text)
        self.response_heading.setText(self.tr("Trả lời của tỉnh"))
        self.respond_button.setText(self.tr("Ghi nhận trả lời của tỉnh (Ctrl+R)"))
        hint = self.tr("Enter xuống dòng; Ctrl+Enter hoặc Ctrl+S để lưu")
        self.content.setPlaceholderText(hint)
        self.response_text.setPlaceholderText(hint)
        self.addressed_to.setToolTip(
            self.tr("Chọn sở, ngành hoặc gõ tên cơ quan khác; nhiều cơ quan cách nhau bởi dấu ;")
        )
        self.category.fill(self.ctx.lang)
        self.status.fill(self.ctx.lang)
        self.retranslate_buttons()

    def set_departments(self, names: Iterable[str]) -> None:
        self.addressed_to.set_items(labels(list(names)))

    def focus_first(self) -> None:
        self.title.setFocus()

    def new_record(self) -> None:
        self.set_data(ProposalData(category=ProposalCategory.OTHER, title="", raised_date=date.today()))

    def set_data(self, d: ProposalData) -> None:
        self._report_id = d.report_id
        self.category.set_value(d.category)
        self.title.setText(d.title)
        self.title.setCursorPosition(0)  # show the start of a long title, not its end
        self.content.setPlainText(d.content)
        self.raised_date.set_value(d.raised_date)
        self.addressed_to.set_value(d.addressed_to or None)
        self.status.set_value(d.status)
        self.response_text.setPlainText(d.response_text)
        self.response_date.set_value(d.response_date)

    def get_data(self) -> ProposalData:
        raised = self.raised_date.value()
        assert raised is not None  # not optional
        return ProposalData(
            category=self.category.value(),
            title=self.title.text().strip(),
            raised_date=raised,
            content=self.content.toPlainText(),
            addressed_to=self.addressed_to.text_value(),
            status=self.status.value(),
            response_text=self.response_text.toPlainText(),
            response_date=self.response_date.value(),
            report_id=self._report_id,
        )

    def begin_response(self) -> None:
        """Ready the answer fields: today's date when none yet, cursor at the end of the answer."""
        if self.response_date.value() is None:
            self.response_date.set_value(date.today())
        self.response_text.setFocus()
        self.response_text.moveCursor(QTextCursor.MoveOperation.End)


class ProposalPage(RegisterPage):
    """Khó khăn & kiến nghị: newest first, waiting ones in dark orange with the days they have waited."""

    kind = "proposals"
    import_kind = "proposals"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        form = self.form
        assert isinstance(form, ProposalForm)
        form.respond_requested.connect(self.record_response)
        self.respond_shortcut = QShortcut(QKeySequence("Ctrl+R"), self)
        self.respond_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.respond_shortcut.activated.connect(self.record_response)
        header = self.table.horizontalHeader()
        split = self.table.parentWidget()
        if isinstance(split, QSplitter):
            split.setSizes([10_000, 1])  # the form at its minimum width: the table needs the room
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # storage lists newest raised first
        self.response_dialog: ResponseDialog | None = None

    def _build(self) -> None:
        """The shared layout, plus «Nhận phản hồi của tỉnh…» at the end of the buttons above the table."""
        self.response_button = QPushButton()
        self.response_button.clicked.connect(lambda: self.receive_response())
        super()._build()
        top = self.layout().itemAt(0).layout()  # the heading and buttons row
        assert isinstance(top, QHBoxLayout)
        top.addWidget(self.response_button)

    def title(self) -> str:
        return self.tr("Khó khăn & kiến nghị")

    def _fit_columns(self, max_width: int = 320) -> None:
        """Each column as wide as its texts (header or cells), titles and body names capped.

        Row numbers are hidden: a proposal is known by its date and title, and the count is above.
        """
        self.table.verticalHeader().hide()
        fit_to_texts(self.table, COLUMN_CAPS, max_width)

    def add_filters(self, layout: QHBoxLayout) -> None:
        self.f_status = EnumCombo(
            ProposalStatus, self.ctx.lang, optional=True, blank_label=self.tr("Tất cả trạng thái")
        )
        self.f_department = PickerCombo()
        self.f_department.setMinimumWidth(230)
        self.f_open = QCheckBox()
        for w in (self.f_status, self.f_department, self.f_open):
            layout.addWidget(w)
        self.f_status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.f_department.value_changed.connect(lambda _v: self.refresh())
        self.f_open.toggled.connect(lambda _b: self.refresh())

    def reload_choices(self) -> None:
        """Departments of the filter and the form: the vocabulary plus those used in the data."""
        names = department_choices(self.ctx.read(used_departments))
        self.f_department.set_items([(self.tr("Tất cả cơ quan"), None), *labels(names)])
        form = self.form
        if isinstance(form, ProposalForm):
            form.set_departments(names)

    def retranslate(self) -> None:
        super().retranslate()
        self.response_button.setText(self.tr("Nhận phản hồi của tỉnh…"))
        self.response_button.setToolTip(
            self.tr("Mở tệp phản hồi (.cdesk) tỉnh gửi về, xem trước rồi cập nhật trạng thái các kiến nghị.")
        )
        self.f_open.setText(self.tr("Chỉ kiến nghị đang chờ tỉnh trả lời"))
        self.f_status.blank_label = self.tr("Tất cả trạng thái")
        self.f_status.fill(self.ctx.lang)
        self.f_status.setToolTip(self.tr("Lọc theo trạng thái"))
        self.f_department.setToolTip(self.tr("Lọc theo cơ quan nhận kiến nghị"))
        self.reload_choices()
        if hasattr(self, "model"):  # a language switch: headers have other widths in the other language
            self._fit_columns()
        self.form.lang = self.ctx.lang  # messages next to fields follow the language too
        if isinstance(self.form, ProposalForm):
            self.form.retranslate()

    def columns(self) -> list[Column[ProposalRow]]:
        lang = self.ctx.lang
        today = date.today()
        # Status and waiting days next to the title, so follow-up is visible beside the form.
        return [
            Column(self.tr("Ngày nêu"), lambda r: fmt_date(r.raised_date), "raised"),
            Column(self.tr("Tiêu đề"), lambda r: r.title, "title", tooltip=lambda r: r.title),
            Column(
                self.tr("Trạng thái"),
                lambda r: r.status.label(lang),
                "status",
                color=lambda r: STATUS_COLOURS.get(r.status),
            ),
            Column(
                self.tr("Số ngày\nchờ"),
                lambda r: fmt_int(r.age_days(today)) if r.is_open else "",
                "age",
                lambda r: r.age_days(today) if r.is_open else None,
                numeric=True,
            ),
            Column(self.tr("Gửi cơ quan"), lambda r: r.addressed_to, "addressed_to", tooltip=lambda r: r.addressed_to),
            Column(self.tr("Ngày trả lời"), lambda r: fmt_date(r.response_date), "response"),
            Column(self.tr("Nhóm"), lambda r: r.category.label(lang), "category"),
        ]

    def make_source(self) -> ListSource[ProposalRow]:
        search = self.search.text()
        status = self.f_status.value()
        department = self.f_department.value()
        open_only = self.f_open.isChecked()
        today = date.today()
        load = lambda: self.ctx.read(  # noqa: E731
            lambda s: list_proposals(s, status=status, department=department, open_only=open_only, search=search)
        )
        return ListSource(
            load,
            {
                "raised": lambda r: r.raised_date,
                "category": lambda r: _CATEGORY_ORDER[r.category],
                "title": lambda r: vietnamese_sort_key(r.title),
                "addressed_to": lambda r: vietnamese_sort_key(r.addressed_to),
                "status": lambda r: _STATUS_ORDER[r.status],
                "response": lambda r: r.response_date,
                "age": lambda r: r.age_days(today) if r.is_open else None,
            },
        )

    def create_form(self) -> RecordForm:
        return ProposalForm(self.ctx)

    def load_record(self, session: Session, record_id: int) -> ProposalData:
        return load_proposal(session, record_id)

    def save_record(self, session: Session, data: Any, record_id: int | None) -> int:
        return save_proposal(session, data, record_id, user_id=self.ctx.user_id)

    def delete_record(self, session: Session, record_id: int) -> ProposalData:
        return delete_proposal(session, record_id)

    def describe(self, data: Any) -> str:
        title = " ".join(data.title.split())
        return self.tr("kiến nghị “{title}”").format(title=title if len(title) <= 60 else title[:57] + "…")

    def record_response(self) -> None:
        """Ghi nhận trả lời của tỉnh: move to the answer fields of the selected, already sent proposal."""
        form = self.form
        assert isinstance(form, ProposalForm)
        if self.current_id is None:
            self.status_message.emit(self.tr("Hãy chọn trong danh sách kiến nghị cần ghi nhận trả lời."))
            self.table.setFocus()
            return
        if form.status.value() == ProposalStatus.DRAFT:
            msg = self.tr("Kiến nghị còn là dự thảo, chưa gửi tỉnh: hãy chọn trạng thái đã gửi trước khi ghi trả lời.")
            form.show_problems([Problem("status", msg, msg)])
            return
        form.clear_problems()
        form.begin_response()
        self.status_message.emit(self.tr("Nhập nội dung trả lời, chọn trạng thái mới rồi nhấn Ctrl+Enter để lưu."))

    def receive_response(self, path: Path | None = None) -> ResponseDialog | None:
        """Nhận phản hồi của tỉnh: choose the file (unless ``path`` is given), preview it, then update."""
        dialog = open_response(self, self.ctx, path)
        if dialog is not None:
            dialog.applied.connect(self._response_applied)
            dialog.finished.connect(lambda _r: self._forget_response(dialog))
            self.response_dialog = dialog
        return dialog

    def _forget_response(self, dialog: ResponseDialog) -> None:
        if self.response_dialog is dialog:  # closed (and about to be deleted): no longer the open one
            self.response_dialog = None

    def _response_applied(self, preview: ResponsePreview) -> None:
        n = sum(1 for c in preview.changes if c.applies)
        self.status_message.emit(self.tr("Đã cập nhật {n} kiến nghị theo phản hồi của tỉnh.").format(n=n))
