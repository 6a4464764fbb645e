"""Cài đặt (province): the province profile, the reporting rules, the signing keys, the interface.

The profile and rules live in the database (consolidated reports and deadlines follow them); the
keys tab shows this installation's key, read to communes on the phone, and the communes' keys
trusted so far, one of which can be forgotten when a commune reinstalled its PC.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import settings as keys
from gui.context import AppContext
from gui.errors import show_error
from gui.pages.accounts_tab import AccountsTab
from gui.pages.settings_page import LANGUAGES, apply_font_size, english_qm, switch_language
from gui.province.province_form import ProvinceForm
from gui.registers.sources import ListSource
from gui.registers.table_model import ROW_ROLE, Column, LazyTableModel
from gui.widgets.format import fmt_date
from gui.widgets.heading import SECTION_HEADING, make_heading
from gui.widgets.record_form import FormInputError, RecordForm
from storage.errors import UserError, ValidationError
from storage.periods import period_containing
from storage.province.completeness import deadline
from storage.province.profile import load_province_profile, save_province_profile
from storage.province.registry import list_communes
from storage.settings import RuleSettings, load_rules, save_rules, validate_rules
from storage.signing import TrustedKeyRow, forget_key, install_key, list_trusted_keys, short_fingerprint

MUTED = "color: #555;"


def _muted() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(MUTED)
    return label


def _scrolling(widget: QWidget) -> QScrollArea:
    widget.setMaximumWidth(920)  # a form reads better than a field stretched across the screen
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class ProvinceRulesForm(RecordForm):
    """The rules that matter to the province: when a month ends and how long communes have to report.

    Field names match storage.settings.validate_rules problems; the other rules keep their stored values.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stored = RuleSettings()
        self.report_due_working_days = QSpinBox()
        self.report_due_working_days.setRange(0, 30)
        self.cutoff_day = QSpinBox()
        self.cutoff_day.setRange(1, 28)
        self.official_periods = QComboBox()
        for w in (self.report_due_working_days, self.cutoff_day):
            w.setMaximumWidth(160)
        for name, widget in (
            ("report_due_working_days", self.report_due_working_days),
            ("cutoff_day", self.cutoff_day),
            ("official_periods", self.official_periods),
        ):
            self.add_row(name, "", widget)
        self.example = QLabel()
        self.example.setWordWrap(True)
        self.note = _muted()
        self.layout_form.addRow(self.example)
        self.layout_form.addRow(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Quy tắc nộp báo cáo (lưu trong cơ sở dữ liệu)"))
        self.set_label("report_due_working_days", self.tr("&Hạn nộp báo cáo"))
        self.set_label("cutoff_day", self.tr("Ngày &chốt số liệu hằng tháng"))
        self.set_label("official_periods", self.tr("&Kỳ báo cáo"))
        self.report_due_working_days.setSuffix(self.tr(" ngày làm việc"))
        self.report_due_working_days.setToolTip(self.tr("Số ngày làm việc sau ngày cuối kỳ mà xã còn được nộp."))
        self.cutoff_day.setPrefix(self.tr("ngày "))
        current = self.official_periods.currentData()
        self.official_periods.clear()
        self.official_periods.addItem(self.tr("Theo ngày chốt số liệu (chính thức)"), True)
        self.official_periods.addItem(self.tr("Theo tháng dương lịch (từ ngày 1)"), False)
        self.official_periods.setCurrentIndex(max(self.official_periods.findData(current), 0))
        self.note.setText(
            self.tr(
                "Báo cáo của xã là đúng hạn khi tệp được lập chậm nhất vào ngày hạn. Ngày chốt và kỳ báo cáo "
                "phải giống cài đặt ở các xã để kỳ báo cáo của xã và của tỉnh khớp nhau."
            )
        )
        self.retranslate_buttons()

    def retranslate_buttons(self) -> None:
        self.save_button.setText(self.tr("Lưu quy tắc (Enter)"))
        self.cancel_button.setText(self.tr("Hoàn lại (Esc)"))

    def set_rules(self, rules: RuleSettings) -> None:
        self._stored = rules
        self.report_due_working_days.setValue(rules.report_due_working_days)
        self.cutoff_day.setValue(rules.cutoff_day)
        self.official_periods.setCurrentIndex(self.official_periods.findData(rules.official_periods))

    def get_rules(self) -> RuleSettings:
        for spin in (self.report_due_working_days, self.cutoff_day):
            spin.interpretText()  # a number typed but not yet committed still counts
        return replace(  # the rules this form does not show keep their stored values
            self._stored,
            report_due_working_days=self.report_due_working_days.value(),
            cutoff_day=self.cutoff_day.value(),
            official_periods=bool(self.official_periods.currentData()),
        )

    @property
    def stored(self) -> RuleSettings:
        return self._stored


class ProvinceSettingsPage(QWidget):
    """Four tabs: province, rules, keys, interface."""

    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        outer = QVBoxLayout(self)
        self.heading = make_heading(QLabel())
        outer.addWidget(self.heading)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)

        self.profile_form = ProvinceForm(province_editable=False)
        self.profile_form.lang = ctx.lang
        self.profile_form.save_requested.connect(self.save_profile)
        self.profile_form.cancel_requested.connect(self.load)
        self.tabs.addTab(_scrolling(self.profile_form), "")

        self.rules_form = ProvinceRulesForm()
        self.rules_form.lang = ctx.lang
        self.rules_form.save_requested.connect(self.save_rules)
        self.rules_form.cancel_requested.connect(self.load)
        self.tabs.addTab(_scrolling(self.rules_form), "")

        self.tabs.addTab(self._build_keys(), "")
        self.tabs.addTab(self._build_interface(), "")
        self.accounts = AccountsTab(ctx)  # Tài khoản: administrators manage them, others see their own
        self.accounts.status_message.connect(self.status_message)
        self.tabs.addTab(self.accounts, "")
        ctx.data_changed.connect(self._on_data_changed)
        self.load()
        self.retranslate()

    # --- building ------------------------------------------------------------------------------
    def _build_keys(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        self.own_group = QGroupBox()
        g = QVBoxLayout(self.own_group)
        self.own_fingerprint = QLabel()
        make_heading(self.own_fingerprint, SECTION_HEADING)
        self.own_fingerprint.setObjectName("own_fingerprint")
        self.own_full = QLabel()
        self.own_full.setStyleSheet(MUTED)
        self.own_full.setWordWrap(True)
        for label in (self.own_fingerprint, self.own_full):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_fingerprint)
        row = QHBoxLayout()
        row.addWidget(self.own_fingerprint)
        row.addStretch(1)
        row.addWidget(self.copy_button)
        g.addLayout(row)
        g.addWidget(self.own_full)
        self.own_note = _muted()
        g.addWidget(self.own_note)
        lay.addWidget(self.own_group)

        self.trusted_heading = make_heading(QLabel(), SECTION_HEADING)
        lay.addWidget(self.trusted_heading)
        self.trusted_note = _muted()
        lay.addWidget(self.trusted_note)
        self.keys_table = QTableView()
        self.keys_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.keys_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.keys_table.setAlternatingRowColors(True)
        self.keys_table.horizontalHeader().setStretchLastSection(True)
        self.keys_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.keys_table.verticalHeader().hide()
        self._names: dict[str, str] = {}
        self.keys_model: LazyTableModel[TrustedKeyRow] = LazyTableModel(
            self._key_columns(), self._key_source(), lambda r: int(r.owner), parent=self
        )
        self.keys_table.setModel(self.keys_model)
        lay.addWidget(self.keys_table, 1)
        buttons = QHBoxLayout()
        self.forget_button = QPushButton()
        self.forget_button.clicked.connect(lambda: self.forget_selected())
        buttons.addWidget(self.forget_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        return box

    def _build_interface(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        form = QFormLayout()
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setMaximumWidth(280)
        self.language.currentIndexChanged.connect(lambda _i: self.set_language(self.language.currentData()))
        self.language_caption = QLabel()
        self.language_caption.setBuddy(self.language)
        form.addRow(self.language_caption, self.language)
        self.font_size = QSpinBox()
        self.font_size.setRange(8, 24)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(self.ctx.settings.get(keys.FONT_SIZE))
        self.font_size.setMaximumWidth(120)
        self._font_timer = QTimer(self)
        self._font_timer.setSingleShot(True)
        self._font_timer.setInterval(400)  # typing "14" should not flash size 8 first
        self._font_timer.timeout.connect(self.apply_font_size)
        self.font_size.valueChanged.connect(lambda _v: self._font_timer.start())
        self.font_caption = QLabel()
        self.font_caption.setBuddy(self.font_size)
        form.addRow(self.font_caption, self.font_size)
        self.interface_heading = make_heading(QLabel(), SECTION_HEADING)
        self.language_note = _muted()
        self.db_note = _muted()
        lay.addWidget(self.interface_heading)
        lay.addLayout(form)
        lay.addSpacing(8)
        lay.addWidget(self.language_note)
        lay.addWidget(self.db_note)
        lay.addStretch(1)
        return box

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Cài đặt"))
        for i, title in enumerate(
            (self.tr("Thông tin tỉnh"), self.tr("Quy tắc nộp báo cáo"), self.tr("Khóa ký số"), self.tr("Giao diện"))
        ):
            self.tabs.setTabText(i, title)
        self.tabs.setTabText(self.tabs.indexOf(self.accounts), self.tr("Tài khoản"))
        self.accounts.retranslate()
        self.profile_form.lang = self.rules_form.lang = self.ctx.lang
        self.profile_form.retranslate()
        self.profile_form.heading.setText(self.tr("Cơ quan tổng hợp và người ký báo cáo"))
        self.profile_form.save_button.setText(self.tr("Lưu (Enter)"))
        self.profile_form.cancel_button.setText(self.tr("Hoàn lại (Esc)"))
        self.rules_form.retranslate()
        self._show_example()
        self.own_group.setTitle(self.tr("Khóa ký số của máy này"))
        self.copy_button.setText(self.tr("Sao chép dấu vân tay"))
        self.own_note.setText(
            self.tr(
                "Tệp trả lời gửi về xã được ký bằng khóa này. Lần đầu nhập tệp của tỉnh, phần mềm ở xã hiện dấu "
                "vân tay của khóa: hãy đọc dãy chữ số trên qua điện thoại để cán bộ xã đối chiếu."
            )
        )
        self.trusted_heading.setText(self.tr("Khóa của các xã đã tin cậy"))
        self.trusted_note.setText(
            self.tr(
                "Khóa của mỗi xã được tin cậy từ tệp báo cáo đầu tiên (hoặc tệp đăng ký) của xã. Tệp ký bằng "
                "khóa khác bị từ chối cho đến khi anh/chị đối chiếu và chấp nhận khóa mới."
            )
        )
        self.forget_button.setText(self.tr("Bỏ tin cậy khóa đang chọn…"))
        self.keys_model.set_columns(self._key_columns())
        self.interface_heading.setText(self.tr("Giao diện (chỉ trên máy này)"))
        self.language_caption.setText(self.tr("&Ngôn ngữ"))
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(self.language.findData(self.ctx.lang), 0))
        self.language.blockSignals(False)
        if self.ctx.lang == "en" and not english_qm().exists():
            self.language_note.setText(
                self.tr("Đã chuyển sang tiếng Anh, nhưng máy này chưa có tệp bản dịch giao diện ({path}).").format(
                    path=english_qm().name
                )
            )
        else:
            self.language_note.setText(self.tr("Đổi ngôn ngữ có hiệu lực ngay, không cần khởi động lại."))
        self.font_caption.setText(self.tr("&Cỡ chữ"))
        self.db_note.setText(
            self.tr(
                "Toàn bộ dữ liệu của tỉnh (danh sách xã, tệp báo cáo đã nhận, trả lời kiến nghị) nằm trong tệp "
                "{path}. Để sao lưu: đóng phần mềm rồi chép tệp này sang USB hoặc ổ đĩa khác."
            ).format(path=self.ctx.db.path)
        )

    # --- data ----------------------------------------------------------------------------------
    def load(self) -> None:
        """Show what is stored (also Esc: drop unsaved changes)."""
        profile = self.ctx.read(load_province_profile)
        if profile is not None:
            self.profile_form.set_profile(profile)
        self.profile_form.clear_problems()
        self.rules_form.set_rules(self.ctx.read(load_rules))
        self.rules_form.clear_problems()
        self._show_example()
        self.load_keys()

    def load_keys(self) -> None:
        with self.ctx.session() as s:
            fp = install_key(s).fingerprint  # made (and stored) on first use
        self._own_fingerprint = fp
        self.own_fingerprint.setText(short_fingerprint(fp))
        self.own_full.setText(" ".join(fp[i : i + 4] for i in range(0, len(fp), 4)).upper())
        self.keys_model.set_source(self._key_source())
        self.keys_table.resizeColumnsToContents()
        self.forget_button.setEnabled(self.keys_model.total() > 0)

    def _on_data_changed(self, kind: str) -> None:
        if kind in ("*", "settings"):
            self.load()
        elif kind in ("province_reports", "province_communes"):
            self.load_keys()

    def _show_example(self) -> None:
        """The deadline of the current period under the stored rules, so the clerk sees what a number means."""
        rules = self.rules_form.stored
        period = period_containing(date.today(), official=rules.official_periods, cutoff_day=rules.cutoff_day)
        due = self.ctx.read(lambda s: deadline(s, period))
        self.rules_form.example.setText(
            self.tr("Với quy tắc đang lưu: báo cáo {period} {range} phải nộp chậm nhất ngày {due}.").format(
                period=period.label(self.ctx.lang), range=period.range_text(self.ctx.lang), due=fmt_date(due)
            )
        )

    def save_profile(self) -> bool:
        try:
            profile = self.profile_form.get_data()
            with self.ctx.session() as s:
                save_province_profile(s, profile)
        except (FormInputError, ValidationError) as exc:
            self.profile_form.show_problems(exc.problems)
            self.status_message.emit(self.tr("Chưa lưu: hãy sửa các ô được đánh dấu đỏ."))
            return False
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return False
        self.profile_form.clear_problems()
        self.ctx.notify("profile")
        stored = self.ctx.read(load_province_profile)
        if stored is not None:
            self.profile_form.set_profile(stored)  # the parent agency may have been filled in
        self.status_message.emit(self.tr("Đã lưu thông tin của tỉnh."))
        return True

    def save_rules(self) -> bool:
        rules = self.rules_form.get_rules()
        problems = validate_rules(rules)
        if problems:
            self.rules_form.show_problems(problems)
            self.status_message.emit(self.tr("Chưa lưu: hãy sửa các ô được đánh dấu đỏ."))
            return False
        try:
            with self.ctx.session() as s:
                save_rules(s, rules)
        except ValidationError as exc:
            self.rules_form.show_problems(exc.problems)
            return False
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return False
        self.rules_form.clear_problems()
        self.ctx.notify("settings")  # drops the cached rules; completeness and deadlines follow
        self.status_message.emit(self.tr("Đã lưu quy tắc nộp báo cáo."))
        return True

    # --- keys ----------------------------------------------------------------------------------
    def _key_source(self) -> ListSource[TrustedKeyRow]:
        def load() -> list[TrustedKeyRow]:
            def query(s):  # type: ignore[no-untyped-def]
                communes = list_communes(s)  # in Vietnamese name order: the keys follow it
                self._names = {c.code: c.name for c in communes}
                order = {c.code: i for i, c in enumerate(communes)}
                found = [k for k in list_trusted_keys(s) if k.owner.isdigit()]  # communes, not provinces
                return sorted(found, key=lambda k: (order.get(k.owner, len(order)), k.owner))

            return self.ctx.read(query)

        return ListSource(
            load,
            {
                "commune": lambda r: self._names.get(r.owner, r.owner),
                "trusted_at": lambda r: r.trusted_at,
            },
        )

    def _key_columns(self) -> list[Column[TrustedKeyRow]]:
        sources = {
            "first_file": self.tr("Tệp báo cáo đầu tiên"),
            "registration": self.tr("Tệp đăng ký của xã"),
            "manual": self.tr("Chấp nhận sau khi đối chiếu"),
        }
        return [
            Column(self.tr("Xã"), lambda r: self._commune_label(r.owner), "commune"),
            Column(self.tr("Dấu vân tay"), lambda r: short_fingerprint(r.fingerprint), None),
            Column(self.tr("Nguồn"), lambda r: sources.get(r.source, r.source), None),
            Column(self.tr("Tin cậy từ"), lambda r: fmt_date(r.trusted_at), "trusted_at"),
        ]

    def _commune_label(self, code: str) -> str:
        name = self._names.get(code)
        return self.tr("{name} ({code})").format(name=name, code=code) if name else code

    def selected_key(self) -> TrustedKeyRow | None:
        index = self.keys_table.selectionModel().currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, TrustedKeyRow) else None

    def forget_selected(self) -> bool:
        """Stop trusting the selected commune's key, after saying what happens next."""
        key = self.selected_key()
        if key is None:
            self.status_message.emit(self.tr("Chưa chọn khóa của xã nào."))
            return False
        commune = self._commune_label(key.owner)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Bỏ tin cậy khóa"))
        box.setText(
            self.tr("Bỏ tin cậy khóa {fingerprint} của {commune}?").format(
                fingerprint=short_fingerprint(key.fingerprint), commune=commune
            )
        )
        box.setInformativeText(
            self.tr(
                "Tệp báo cáo tiếp theo của xã sẽ được tin cậy theo khóa ký trong chính tệp đó (tin cậy lần đầu). "
                "Chỉ làm khi xã đã cài lại máy hoặc mất khóa, và hãy gọi điện đối chiếu dấu vân tay khi nhận tệp."
            )
        )
        yes = box.addButton(self.tr("Bỏ tin cậy"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Giữ nguyên"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not yes:
            return False
        try:
            with self.ctx.session() as s:
                forget_key(s, key.owner)
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return False
        self.load_keys()
        self.ctx.notify("province_keys")
        self.status_message.emit(self.tr("Đã bỏ tin cậy khóa của {commune}.").format(commune=commune))
        return True

    def copy_fingerprint(self) -> None:
        QGuiApplication.clipboard().setText(short_fingerprint(self._own_fingerprint))
        self.status_message.emit(self.tr("Đã sao chép dấu vân tay khóa của tỉnh."))

    # --- interface -----------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        switch_language(self.ctx, lang)

    def apply_font_size(self) -> None:
        size = self.font_size.value()
        apply_font_size(self.ctx, size)
        self.status_message.emit(self.tr("Cỡ chữ: {size} pt.").format(size=size))
