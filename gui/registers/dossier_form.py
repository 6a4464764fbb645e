"""Entry form for one dossier (hồ sơ TTHC), with the due date and state computed live by storage."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from typing import Any

import shiboken6

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from gui.context import AppContext
from gui.registers.supplements_editor import SupplementsEditor
from gui.widgets.format import fmt_date
from gui.widgets.inputs import VALUE_ROLE, DateEdit, DateTimeEdit, EnumCombo, PickerCombo
from gui.widgets.record_form import RecordForm
from storage.catalog import ProcedureRow, list_procedures
from storage.dossiers import DossierData, compute_due
from storage.errors import UserError
from storage.staff import list_staff
from storage.status import DossierDates, overdue_working_days, state_on
from storage.textsearch import fold
from storage.vocab import Channel, DossierState, Outcome

NO_PROCEDURE = 0  # no procedure chosen: storage reports it on the "procedure" field
UNKNOWN_HANDLER = 0  # a name typed that is not in the staff list: storage reports it on "handler"
LABEL_SEPARATOR = " – "
LATE_STATES = (DossierState.OVERDUE, DossierState.LATE)  # the states whose overdue days are shown
ALERT_COLOR = "#b00020"  # the register's red for overdue (LazyTableModel.ALERT)
# Rows whose values run long ("HT-LTKS – Liên thông đăng ký khai sinh, …"): caption above, full width.
WIDE_ROWS = ("procedure", "computed", "handler")


def resolve_typed(combo: PickerCombo) -> None:
    """Choose the item the typed words mean when that is unambiguous (code, exact name, or a single match).

    Clerks type "dang ky khai sinh" and press Tab: the completer alone would leave the text unchosen.
    """
    if combo.value() is not None or not combo.text_value():
        return
    typed = fold(combo.text_value())
    words = typed.split()
    matches: list[int] = []
    for i in range(combo.count()):
        label = fold(combo.itemText(i))
        code, _, name = label.partition(fold(LABEL_SEPARATOR))
        if typed in (code.strip(), name.strip()):
            matches = [i]
            break
        if all(w in label for w in words):
            matches.append(i)
    if len(matches) == 1:
        combo.setCurrentIndex(matches[0])


class WrappedLabel(QLabel):
    """A word-wrapped label that keeps the height its lines need (the form's layout sizes rows by width alone)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        self.setMinimumHeight(self.heightForWidth(max(self.width(), 1)))


class TypedPickerResolver(QObject):
    """Runs ``resolve_typed`` when the user leaves a picker by Enter, Tab or a click elsewhere.

    With the completer popup open the combo gets no focus-out event, so this listens to the
    application's focus changes instead.
    """

    def __init__(self, combos: list[PickerCombo], parent: QObject) -> None:
        super().__init__(parent)
        self._combos = combos
        for combo in combos:
            combo.lineEdit().editingFinished.connect(lambda c=combo: resolve_typed(c))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        for combo in self._combos:
            if not shiboken6.isValid(combo):  # the page is being torn down
                continue
            inside = lambda w, c=combo: w is not None and (w is c or c.isAncestorOf(w))  # noqa: E731
            if inside(old) and not inside(new):
                resolve_typed(combo)


class DossierForm(RecordForm):
    """One dossier; row names are storage.dossiers' Problem fields, so messages appear next to them."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lang = ctx.lang
        self.heading.setWordWrap(True)  # "Sửa: hồ sơ <long code> (<name>)" must not widen the panel
        self._procedures: dict[int, ProcedureRow] = {}
        self.computed_due: date | None = None
        self.computed_state: DossierState | None = None
        self.computed_overdue_days = 0
        # Created in form order: the order also drives Tab (see _apply_tab_order).
        self.code = QLineEdit()
        self.procedure = PickerCombo()
        self.applicant_name = QLineEdit()
        self.applicant_address = QLineEdit()
        self.applicant_phone = QLineEdit()
        self.received_at = DateTimeEdit()
        self.channel = EnumCombo(Channel, lang)
        self.computed = WrappedLabel()
        bold = self.computed.font()
        bold.setBold(True)  # always bold: a font change after layout would clip the wrapped lines
        self.computed.setFont(bold)
        self.finished_date = DateEdit(optional=True)
        self.outcome = EnumCombo(Outcome, lang, optional=True)
        self.returned_date = DateEdit(optional=True)
        self.apology_date = DateEdit(optional=True)
        self.apology_new_date = DateEdit(optional=True)
        self.due_date_override = DateEdit(optional=True)
        self.due_override_reason = QLineEdit()
        self.handler = PickerCombo()
        self.supplements = SupplementsEditor(lambda: self.received_at.value().date())
        for combo in (self.procedure, self.handler, self.outcome, self.channel):
            # Long procedure names must not widen the form past its panel: the popup shows them whole.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.notes.setTabChangesFocus(True)
        for name, widget in self._fields():
            self.add_row(name, "", widget)
        for name in WIDE_ROWS:
            self._widen_row(name)
        self.retranslate()
        self.reload_choices()
        self._apply_tab_order()
        self.supplements.rows_changed.connect(self._apply_tab_order)
        self._resolver = TypedPickerResolver([self.procedure, self.handler], self)
        for combo in (self.procedure, self.handler):  # show the start of a long chosen name, not its end
            combo.value_changed.connect(lambda _v, c=combo: c.lineEdit().setCursorPosition(0))
        for signal in (
            self.procedure.value_changed,
            self.received_at.dateTimeChanged,
            self.channel.currentIndexChanged,
            self.finished_date.dateChanged,
            self.outcome.currentIndexChanged,
            self.due_date_override.dateChanged,
            self.supplements.changed,
        ):
            signal.connect(self.recompute)

    def _widen_row(self, name: str) -> None:
        """Caption above, field across the whole form: long procedure and staff names show far more."""
        caption = self._rows[name][0]
        row, _role = self.layout_form.getWidgetPosition(caption)
        taken = self.layout_form.takeRow(row)
        field = taken.fieldItem.widget()
        self.layout_form.insertRow(row, caption)
        self.layout_form.insertRow(row + 1, field)

    def _fields(self) -> list[tuple[str, QWidget]]:
        return [
            ("code", self.code),
            ("procedure", self.procedure),
            ("applicant_name", self.applicant_name),
            ("applicant_address", self.applicant_address),
            ("applicant_phone", self.applicant_phone),
            ("received_at", self.received_at),
            ("channel", self.channel),
            ("computed", self.computed),
            ("finished_date", self.finished_date),
            ("outcome", self.outcome),
            ("returned_date", self.returned_date),
            ("apology_date", self.apology_date),
            ("apology_new_date", self.apology_new_date),
            ("due_date_override", self.due_date_override),
            ("due_override_reason", self.due_override_reason),
            ("handler", self.handler),
            ("supplements", self.supplements),
            ("notes", self.notes),
        ]

    def _apply_tab_order(self) -> None:
        """Tab follows the form from top to bottom, supplement rows included, then Save and Cancel."""
        chain: list[QWidget] = []
        for name, widget in self._fields():
            if name == "supplements":
                chain.extend(self.supplements.focus_chain())
            elif name != "computed":
                chain.append(widget)
        chain += [self.save_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def retranslate(self) -> None:
        labels = {
            "code": self.tr("Mã hồ sơ"),
            "procedure": self.tr("Thủ tục hành chính *"),
            "applicant_name": self.tr("Người nộp hồ sơ *"),
            "applicant_address": self.tr("Địa chỉ"),
            "applicant_phone": self.tr("Điện thoại"),
            "received_at": self.tr("Ngày giờ tiếp nhận *"),
            "channel": self.tr("Kênh tiếp nhận"),
            "computed": self.tr("Hạn và trạng thái"),
            "finished_date": self.tr("Ngày giải quyết xong"),
            "outcome": self.tr("Kết quả"),
            "returned_date": self.tr("Ngày trả kết quả"),
            "apology_date": self.tr("Ngày văn bản xin lỗi"),
            "apology_new_date": self.tr("Ngày hẹn trả mới"),
            "due_date_override": self.tr("Hạn điều chỉnh"),
            "due_override_reason": self.tr("Lý do điều chỉnh hạn"),
            "handler": self.tr("Người xử lý"),
            "supplements": self.tr("Yêu cầu bổ sung"),
            "notes": self.tr("Ghi chú"),
        }
        for name, text in labels.items():
            self.set_label(name, text)
        self.code.setPlaceholderText(self.tr("Để trống: tự sinh mã theo mẫu của tỉnh"))
        self.code.setToolTip(
            self.tr("Mã dạng <đơn vị>-<yyMMdd>-<NNNN>. Có thể gõ mã in trên phiếu của hệ thống một cửa tỉnh.")
        )
        self.procedure.lineEdit().setPlaceholderText(self.tr("Gõ vài chữ của tên hoặc mã thủ tục, không cần dấu…"))
        self.handler.lineEdit().setPlaceholderText(self.tr("Gõ vài chữ của tên, không cần dấu…"))
        self.due_override_reason.setPlaceholderText(self.tr("Bắt buộc khi điều chỉnh hạn"))
        self.outcome.blank_label = "—"
        self.outcome.setToolTip(self.tr("Để trống: có ngày giải quyết xong thì ghi là “Đã giải quyết”."))
        self.channel.fill(self.ctx.lang)
        self.outcome.fill(self.ctx.lang)
        self.supplements.retranslate()
        self.retranslate_buttons()
        self.recompute()

    def reload_choices(self) -> None:
        """Refill the procedure and handler pickers (after the catalog or the staff list changed)."""
        procedures = self.ctx.read(list_procedures)
        self._procedures = {p.id: p for p in procedures}
        inactive = self.tr("(ngừng sử dụng)")
        self.procedure.set_items(
            (f"{p.code}{LABEL_SEPARATOR}{p.name}" + ("" if p.active else f" {inactive}"), p.id) for p in procedures
        )
        staff = self.ctx.read(lambda s: list_staff(s))
        self.handler.set_items(
            (f"{r.full_name}{LABEL_SEPARATOR}{r.position}" if r.position else r.full_name, r.id) for r in staff
        )

    def focus_first(self) -> None:
        self.code.setFocus()

    def new_record(self) -> None:
        self.set_data(DossierData(procedure_id=NO_PROCEDURE, applicant_name="", received_at=_now()))

    def set_data(self, d: DossierData) -> None:
        self.code.setText(d.code)
        self.procedure.set_value(d.procedure_id)
        self.applicant_name.setText(d.applicant_name)
        self.applicant_address.setText(d.applicant_address)
        self.applicant_phone.setText(d.applicant_phone)
        self.received_at.set_value(d.received_at)
        self.channel.set_value(d.channel)
        self.finished_date.set_value(d.finished_date)
        self.outcome.set_value(d.outcome)
        self.returned_date.set_value(d.returned_date)
        self.apology_date.set_value(d.apology_date)
        self.apology_new_date.set_value(d.apology_new_date)
        self.due_date_override.set_value(d.due_date_override)
        self.due_override_reason.setText(d.due_override_reason)
        self.handler.set_value(d.handler_id)
        self.supplements.set_value(d.supplements)
        self.notes.setPlainText(d.notes)
        self.recompute()

    def get_data(self) -> DossierData:
        """What is on screen; unknown procedure/handler text becomes an id storage rejects with its message."""
        procedure_id = self.procedure.value()
        handler_id = self.handler.value()
        if handler_id is None and self.handler.text_value():
            handler_id = UNKNOWN_HANDLER
        return DossierData(
            procedure_id=NO_PROCEDURE if procedure_id is None else procedure_id,
            applicant_name=self.applicant_name.text(),
            received_at=self.received_at.value(),
            channel=self.channel.value(),
            code=self.code.text().strip(),
            applicant_address=self.applicant_address.text(),
            applicant_phone=self.applicant_phone.text(),
            due_date_override=self.due_date_override.value(),
            due_override_reason=self.due_override_reason.text(),
            finished_date=self.finished_date.value(),
            outcome=self.outcome.value(),
            returned_date=self.returned_date.value(),
            apology_date=self.apology_date.value(),
            apology_new_date=self.apology_new_date.value(),
            handler_id=handler_id,
            notes=self.notes.toPlainText(),
            supplements=self.supplements.value(),
        )

    # --- live due date and state ---------------------------------------------------------------
    def recompute(self, *_args: Any) -> None:
        """Show the due date (storage.dossiers.compute_due) and today's state (storage.status) for what is typed."""
        self.computed_due, self.computed_state, self.computed_overdue_days = None, None, 0
        self.computed.setStyleSheet("")
        self.procedure.setToolTip(self.procedure.currentText())
        procedure = self._procedures.get(self.procedure.value() or NO_PROCEDURE)
        if procedure is None:
            self.computed.setText(self.tr("Chọn thủ tục và ngày giờ tiếp nhận để tính hạn giải quyết."))
            return
        data = self.get_data()
        rules = self.ctx.rules()
        try:
            legal = compute_due(data, procedure, rules)
        except UserError as exc:
            self.computed.setText(exc.message(self.ctx.lang))
            return
        due = data.due_date_override or legal
        dates = DossierDates(
            received=data.received_at.date(),
            due=due,
            finished=data.finished_date,
            outcome=data.outcome,
            returned=data.returned_date,
            supplements=tuple((s.requested, s.completed) for s in data.supplements),
        )
        today = date.today()
        state = state_on(dates, today, rules.rules.withdrawn_counting)
        days = overdue_working_days(dates, today, rules.calendar, rules.rules.withdrawn_counting)
        self.computed_due, self.computed_state, self.computed_overdue_days = due, state, days
        due_text = self.tr("Hạn giải quyết: {date} ({weekday})").format(date=fmt_date(due), weekday=self.weekday(due))
        if data.due_date_override is not None:
            due_text += self.tr(", đã điều chỉnh (theo quy định: {date})").format(date=fmt_date(legal))
        state_text = state.label(self.ctx.lang)
        if days > 0:
            state_text = self.tr("{state} {n} ngày làm việc").format(state=state_text, n=days)
        self.computed.setText(f"{due_text} – {state_text}")
        if state in LATE_STATES:
            self.computed.setStyleSheet(f"color: {ALERT_COLOR};")

    def weekday(self, d: date) -> str:
        names = (
            self.tr("Thứ Hai"),
            self.tr("Thứ Ba"),
            self.tr("Thứ Tư"),
            self.tr("Thứ Năm"),
            self.tr("Thứ Sáu"),
            self.tr("Thứ Bảy"),
            self.tr("Chủ Nhật"),
        )
        return names[d.weekday()]

    def procedure_label(self, procedure_id: int) -> str:
        """The picker's "code – name" text of a procedure (for tests and messages)."""
        for i in range(self.procedure.count()):
            if self.procedure.itemData(i, VALUE_ROLE) == procedure_id:
                return self.procedure.itemText(i)
        return ""


def _now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)
