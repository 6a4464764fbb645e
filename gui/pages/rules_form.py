"""The business-rule settings form: cut-off day, periods, 15:00 rule, office hours, withdrawn dossiers, target.

These rules are stored in the database (storage.settings), so every report made from one database
follows the same rules; interface preferences live elsewhere.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QTimeEdit, QWidget

from gui.widgets.record_form import RecordForm
from storage.settings import RuleSettings, WithdrawnCounting


def _time_edit() -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    return edit


class RulesForm(RecordForm):
    """Edit RuleSettings; field names match storage.settings.validate_rules problems."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stored = RuleSettings()
        self.cutoff_day = QSpinBox()
        self.cutoff_day.setRange(1, 28)
        self.official_periods = QComboBox()
        self.same_day_cutoff, self.office_end = _time_edit(), _time_edit()
        self.withdrawn_counting = QComboBox()
        self.online_target_pct = QSpinBox()
        self.online_target_pct.setRange(0, 100)
        self.online_target_pct.setSuffix(" %")
        self.report_due_working_days = QSpinBox()
        self.report_due_working_days.setRange(0, 30)
        self.posting_url_template = QLineEdit()
        for w in (self.cutoff_day, self.online_target_pct, self.report_due_working_days):
            w.setMaximumWidth(120)
        for w in (self.same_day_cutoff, self.office_end):
            w.setMaximumWidth(120)
        for name, widget in self._fields():
            self.add_row(name, "", widget)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.layout_form.addRow(self.note)
        self.retranslate()

    def _fields(self) -> list[tuple[str, QWidget]]:
        return [
            ("cutoff_day", self.cutoff_day),
            ("official_periods", self.official_periods),
            ("same_day_cutoff", self.same_day_cutoff),
            ("office_end", self.office_end),
            ("withdrawn_counting", self.withdrawn_counting),
            ("online_target_pct", self.online_target_pct),
            ("report_due_working_days", self.report_due_working_days),
            ("posting_url_template", self.posting_url_template),
        ]

    def retranslate(self) -> None:
        labels = {
            "cutoff_day": self.tr("Ngày chốt số liệu hằng tháng"),
            "official_periods": self.tr("Kỳ báo cáo mặc định"),
            "same_day_cutoff": self.tr("Giờ chốt nhận hồ sơ trong ngày"),
            "office_end": self.tr("Giờ hết giờ làm việc"),
            "withdrawn_counting": self.tr("Hồ sơ rút hoặc dừng xử lý"),
            "online_target_pct": self.tr("Chỉ tiêu hồ sơ trực tuyến"),
            "report_due_working_days": self.tr("Hạn gửi báo cáo (ngày làm việc sau ngày chốt)"),
            "posting_url_template": self.tr("Đường dẫn mã QR niêm yết thủ tục"),
        }
        for name, text in labels.items():
            self.set_label(name, text)
        self.cutoff_day.setPrefix(self.tr("ngày "))
        self.cutoff_day.setToolTip(
            self.tr("Kỳ tháng tính từ ngày này của tháng trước đến ngày liền trước của tháng báo cáo.")
        )
        self._fill(
            self.official_periods,
            [
                (self.tr("Theo ngày chốt số liệu (chính thức)"), True),
                (self.tr("Theo tháng dương lịch (từ ngày 1)"), False),
            ],
        )
        self._fill(
            self.withdrawn_counting,
            [
                (self.tr("Tính là giải quyết đúng hạn (như hệ thống của tỉnh)"), WithdrawnCounting.ON_TIME),
                (self.tr("Xếp trước hạn / đúng hạn / quá hạn theo ngày kết thúc"), WithdrawnCounting.BY_DATE),
            ],
        )
        self.note.setText(
            self.tr(
                "Ví dụ: chốt ngày 15 thì số liệu tháng 7 tính từ 15/6 đến 14/7. Hồ sơ thủ tục trong ngày "
                "nhận sau giờ chốt được hẹn sang ngày làm việc tiếp theo. Khi đổi giờ chốt hoặc giờ hết giờ "
                "làm việc, hạn giải quyết của mọi hồ sơ đã lưu được tính lại."
            )
        )
        self.posting_url_template.setPlaceholderText(self.tr("https://…{code}… (để trống nếu chưa có)"))
        self.posting_url_template.setToolTip(
            self.tr(
                "Dùng cho bảng niêm yết thủ tục hành chính: {code} được thay bằng mã thủ tục. Thủ tục đã có "
                "đường dẫn riêng trong Danh mục thì dùng đường dẫn riêng. Để trống: in không kèm mã QR."
            )
        )
        self.heading.setText(self.tr("Quy tắc nghiệp vụ (lưu trong cơ sở dữ liệu)"))
        self.retranslate_buttons()

    def retranslate_buttons(self) -> None:
        self.save_button.setText(self.tr("Lưu quy tắc (Enter)"))
        self.cancel_button.setText(self.tr("Hoàn lại (Esc)"))

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, value in items:
            combo.addItem(text, value)
        idx = combo.findData(current)
        combo.setCurrentIndex(idx if idx >= 0 else 0)
        combo.blockSignals(False)

    def focus_first(self) -> None:
        self.cutoff_day.setFocus()

    def set_rules(self, rules: RuleSettings) -> None:
        self._stored = rules
        self.cutoff_day.setValue(rules.cutoff_day)
        self.official_periods.setCurrentIndex(self.official_periods.findData(rules.official_periods))
        self.same_day_cutoff.setTime(QTime(rules.same_day_cutoff.hour, rules.same_day_cutoff.minute))
        self.office_end.setTime(QTime(rules.office_end.hour, rules.office_end.minute))
        self.withdrawn_counting.setCurrentIndex(self.withdrawn_counting.findData(rules.withdrawn_counting))
        self.online_target_pct.setValue(rules.online_target_pct)
        self.report_due_working_days.setValue(rules.report_due_working_days)
        self.posting_url_template.setText(rules.posting_url_template)

    def get_rules(self) -> RuleSettings:
        def t(edit: QTimeEdit) -> time:
            q = edit.time()
            return time(q.hour(), q.minute())

        # replace(): any setting this form does not show keeps its stored value.
        return replace(
            self._stored,
            cutoff_day=self.cutoff_day.value(),
            official_periods=bool(self.official_periods.currentData()),
            same_day_cutoff=t(self.same_day_cutoff),
            office_end=t(self.office_end),
            withdrawn_counting=WithdrawnCounting(self.withdrawn_counting.currentData()),  # Qt returns plain text
            online_target_pct=self.online_target_pct.value(),
            report_due_working_days=self.report_due_working_days.value(),
            posting_url_template=self.posting_url_template.text().strip(),
        )

    @property
    def stored(self) -> RuleSettings:
        return self._stored
