"""The entry form for one administrative procedure and its legal durations per channel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from gui.context import AppContext
from gui.widgets.inputs import CountSpin, PickerCombo
from gui.widgets.record_form import FormInputError, RecordForm
from storage.catalog import ProcedureData, list_fields
from storage.deadlines import TimeUnit
from storage.errors import Problem

MAX_DAYS = 365


def duration_text(unit: TimeUnit, days: int) -> str:
    """How clerks say a legal duration: "Trong ngày", "5 ngày làm việc", "30 ngày"."""
    if unit == TimeUnit.SAME_DAY:
        return QCoreApplication.translate("ProcedureForm", "Trong ngày")
    if unit == TimeUnit.WORKING_DAYS:
        return QCoreApplication.translate("ProcedureForm", "{n} ngày làm việc").format(n=days)
    return QCoreApplication.translate("ProcedureForm", "{n} ngày").format(n=days)


class TimeUnitCombo(QComboBox):
    """How a duration is counted, over storage.deadlines.TimeUnit, with labels clearer than one word."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for unit in TimeUnit:
            self.addItem("", unit)
        # Long labels must not push the row under its caption in a narrow form.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            TimeUnit.SAME_DAY: self.tr("Trong ngày"),
            TimeUnit.WORKING_DAYS: self.tr("Ngày làm việc"),
            TimeUnit.CALENDAR_DAYS: self.tr("Ngày (kể cả ngày nghỉ)"),
        }
        for i in range(self.count()):
            self.setItemText(i, texts[self.itemData(i)])

    def value(self) -> TimeUnit:
        return TimeUnit(self.currentData())

    def set_value(self, unit: TimeUnit) -> None:
        self.setCurrentIndex(max(self.findData(unit), 0))


class OptionalDaysSpin(QSpinBox):
    """Days for the online or postal channel; the lowest value means "same as in person" (stored as empty)."""

    NOT_SET = -1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(self.NOT_SET, MAX_DAYS)
        self.retranslate()

    def retranslate(self) -> None:
        self.setSpecialValueText(QCoreApplication.translate("ProcedureForm", "như nộp trực tiếp"))

    def value_or_none(self) -> int | None:
        return None if self.value() == self.NOT_SET else self.value()

    def set_value(self, days: int | None) -> None:
        self.setValue(self.NOT_SET if days is None else days)


class ProcedureForm(RecordForm):
    """Entry form for one procedure; field names match storage.catalog's problems."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = QLineEdit()
        self.code.setMaxLength(40)
        self.name = QLineEdit()
        self.field = PickerCombo()
        self.time_unit = TimeUnitCombo()
        self.days_direct = CountSpin(maximum=MAX_DAYS)
        self.days_online = OptionalDaysSpin()
        self.days_postal = OptionalDaysSpin()
        self.posting_url = QLineEdit()
        self.posting_url.setMaxLength(400)
        self.active = QCheckBox()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        self.notes.setTabChangesFocus(True)
        for name, widget in (
            ("code", self.code),
            ("name", self.name),
            ("field", self.field),
            ("time_unit", self.time_unit),
            ("days_direct", self.days_direct),
            ("days_online", self.days_online),
            ("days_postal", self.days_postal),
            ("posting_url", self.posting_url),
            ("active", self.active),
            ("notes", self.notes),
        ):
            self.add_row(name, "", widget)
        self.time_unit.currentIndexChanged.connect(lambda _i: self._on_unit_changed())
        self.retranslate()
        self.reload_fields()

    def retranslate(self) -> None:
        labels = {
            "code": self.tr("Mã thủ tục *"),
            "name": self.tr("Tên thủ tục *"),
            "field": self.tr("Lĩnh vực *"),
            "time_unit": self.tr("Cách tính thời hạn"),
            "days_direct": self.tr("Thời hạn – trực tiếp"),
            "days_online": self.tr("Thời hạn – trực tuyến"),
            "days_postal": self.tr("Thời hạn – bưu chính"),
            "posting_url": self.tr("Địa chỉ công khai (URL)"),
            "active": self.tr("Trạng thái"),
            "notes": self.tr("Ghi chú"),
        }
        for name, text in labels.items():
            self.set_label(name, text)
        self.active.setText(self.tr("Đang sử dụng"))
        self.posting_url.setPlaceholderText(self.tr("Trang Cổng dịch vụ công đăng thủ tục (nếu có)"))
        self.time_unit.retranslate()
        self.days_online.retranslate()
        self.days_postal.retranslate()
        self._on_unit_changed()
        self.retranslate_buttons()

    def _on_unit_changed(self) -> None:
        """Same-day procedures have no number of days; the suffix follows the counting."""
        unit = self.time_unit.value()
        same_day = unit == TimeUnit.SAME_DAY
        for spin in (self.days_direct, self.days_online, self.days_postal):
            spin.setEnabled(not same_day)
        if same_day:
            self.days_direct.setValue(0)
        word = self.tr("ngày làm việc") if unit == TimeUnit.WORKING_DAYS else self.tr("ngày")
        suffix = "" if same_day else " " + word
        for spin in (self.days_direct, self.days_online, self.days_postal):
            spin.setSuffix(suffix)

    def reload_fields(self) -> None:
        """The fields are the rows of the official results form; new procedures go under active ones."""
        self.field.set_items((f.name, f.id) for f in self.ctx.read(lambda s: list_fields(s, active_only=True)))

    def focus_first(self) -> None:
        self.code.setFocus()

    def new_record(self) -> None:
        self.set_data(ProcedureData(code="", name="", field_id=-1, time_unit=TimeUnit.WORKING_DAYS, days_direct=1))

    def set_data(self, d: ProcedureData) -> None:
        self.code.setText(d.code)
        self.name.setText(d.name)
        self.field.set_value(d.field_id)
        self.time_unit.set_value(d.time_unit)
        self._on_unit_changed()
        self.days_direct.setValue(d.days_direct)
        self.days_online.set_value(d.days_online)
        self.days_postal.set_value(d.days_postal)
        self.posting_url.setText(d.posting_url)
        self.active.setChecked(d.active)
        self.notes.setPlainText(d.notes)

    def get_data(self) -> ProcedureData:
        field_id = self.field.value()
        if field_id is None:
            text = self.field.text_value()
            raise FormInputError(
                [
                    Problem(
                        "field",
                        f"Lĩnh vực “{text}” không có trong danh mục." if text else "Chưa chọn lĩnh vực.",
                        f"Field “{text}” is not in the list." if text else "Choose a field.",
                    )
                ]
            )
        same_day = self.time_unit.value() == TimeUnit.SAME_DAY
        return ProcedureData(
            code=self.code.text().strip(),
            name=self.name.text().strip(),
            field_id=field_id,
            time_unit=self.time_unit.value(),
            days_direct=0 if same_day else self.days_direct.value(),
            days_online=None if same_day else self.days_online.value_or_none(),
            days_postal=None if same_day else self.days_postal.value_or_none(),
            posting_url=self.posting_url.text().strip(),
            active=self.active.isChecked(),
            notes=self.notes.toPlainText(),
        )
