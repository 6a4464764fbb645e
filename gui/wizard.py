"""First start: declare the commune (or load demo data) before the main window opens; or make the
database the province's (its pages are in gui/province/setup_pages.py; ``--province`` starts there).

Declaring a commune stores the profile, the shipped procedure catalog, the default departments
and the working calendar of last, this and next year in one transaction: either the database is
ready to use or nothing was stored.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from gui.context import AppContext
from gui.errors import show_error
from gui.pages.profile_form import NumberEdit
from gui.province.setup_pages import (
    PROVINCE_DEMO,
    PROVINCE_PROFILE,
    PROVINCE_START,
    ProvinceDemoPage,
    ProvinceProfilePage,
    ProvinceStartPage,
)
from gui.tasks import Cancelled, Progress, Task, run_task
from gui.widgets.format import fmt_date, fmt_int
from gui.widgets.inputs import PickerCombo
from gui.widgets.record_form import FormInputError, RecordForm
from gui.wizard_accounts import ADMIN, CODE, AdminPage, RecoveryCodePage, demo_accounts_text
from storage.calendar_store import ensure_years
from storage.catalog import seed_catalog
from storage.demo import COMMUNES, DemoResult, load_demo
from storage.errors import Problem, UserError, ValidationError
from storage.profile import CommuneChoice, ProfileData, commune_by_code, commune_choices, province_choices, save_profile
from storage.textsearch import fold
from storage.units import seed_default_units

START, PROFILE, DEMO = 0, 1, 2
DEMO_KEYS = ("luong-minh", "con-cuong", "chieu-luu")


class StartPage(QWizardPage):
    """Choose: declare my commune, explore with one of the demo communes, or collect the communes' reports."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.own, self.demo, self.province = QRadioButton(), QRadioButton(), QRadioButton()
        group = QButtonGroup(self)
        group.addButton(self.own)
        group.addButton(self.demo)
        group.addButton(self.province)
        self.own.setChecked(True)
        self.own_note, self.demo_note, self.province_note = QLabel(), QLabel(), QLabel()
        for note in (self.own_note, self.demo_note, self.province_note):
            note.setWordWrap(True)
            note.setContentsMargins(24, 0, 0, 8)
            note.setStyleSheet("color: #555;")
        self.demo_commune = QComboBox()
        for key in DEMO_KEYS:
            self.demo_commune.addItem("", key)
        self.demo_commune.setEnabled(False)
        self.demo.toggled.connect(self.demo_commune.setEnabled)
        lay.addWidget(self.own)
        lay.addWidget(self.own_note)
        lay.addWidget(self.demo)
        indent = QVBoxLayout()
        indent.setContentsMargins(24, 0, 0, 0)
        indent.addWidget(self.demo_commune)
        lay.addLayout(indent)
        lay.addWidget(self.demo_note)
        lay.addWidget(self.province)
        lay.addWidget(self.province_note)
        lay.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Chào mừng đến với Commune Desk"))
        self.setSubTitle(self.tr("Tệp dữ liệu này chưa có thông tin xã. Hãy chọn cách bắt đầu."))
        self.own.setText(self.tr("&Khai báo xã của tôi"))
        self.own_note.setText(
            self.tr(
                "Chọn tỉnh, xã và người ký báo cáo. Danh mục lĩnh vực, thủ tục, các phòng ban mặc định và "
                "lịch ngày nghỉ được tạo sẵn; có thể sửa sau."
            )
        )
        self.demo.setText(self.tr("Dùng &dữ liệu mẫu để làm quen"))
        names = {
            "luong-minh": self.tr("Xã Lượng Minh, Nghệ An (có số liệu đã công bố tháng 7/2025)"),
            "con-cuong": self.tr("Xã Con Cuông, Nghệ An"),
            "chieu-luu": self.tr("Xã Chiêu Lưu, Nghệ An"),
        }
        for i, key in enumerate(DEMO_KEYS):
            self.demo_commune.setItemText(i, names[key])
        self.demo_note.setText(
            self.tr(
                "Dữ liệu mẫu là số liệu giả lập (nhân sự, hồ sơ, thiết bị, kiến nghị từ 01/07/2025 đến hôm qua) "
                "để thử phần mềm. Khi dùng thật, hãy tạo một tệp dữ liệu mới và khai báo xã của mình."
            )
        )
        self.province.setText(self.tr("&Cơ sở dữ liệu của tỉnh (tổng hợp báo cáo các xã)"))
        self.province_note.setText(
            self.tr(
                "Dành cho Sở Nội vụ hoặc cơ quan của tỉnh: nhận tệp báo cáo các xã gửi lên, theo dõi tình hình "
                "nộp, in báo cáo tổng hợp và trả lời kiến nghị. Tệp dữ liệu này sẽ không dùng được cho một xã."
            )
        )

    def demo_key(self) -> str:
        return str(self.demo_commune.currentData())

    def nextId(self) -> int:
        if self.province.isChecked():
            return PROVINCE_START
        return DEMO if self.demo.isChecked() else PROFILE


class SetupForm(RecordForm):
    """The few facts needed to start: which commune, and who signs the reports."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading.hide()
        self.save_button.hide()
        self.cancel_button.hide()
        self.province, self.commune = PickerCombo(), PickerCombo()
        self.signer_name, self.signer_title, self.chairman = QLineEdit(), QLineEdit("CHỦ TỊCH"), QLineEdit()
        self.address, self.households = QLineEdit(), NumberEdit()
        for name, widget in (
            ("province", self.province),
            ("code", self.commune),
            ("signer_name", self.signer_name),
            ("signer_title", self.signer_title),
            ("chairman", self.chairman),
            ("address", self.address),
            ("households", self.households),
        ):
            self.add_row(name, "", widget)
        self.province.set_items((p.name, p.code) for p in province_choices())
        self.province.setCurrentIndex(-1)  # none chosen: communes of every province are offered
        self.province.value_changed.connect(lambda _v: self.reload_communes())
        self.commune.value_changed.connect(self._commune_chosen)
        self._choices: list[CommuneChoice] = []
        self.reload_communes()
        self.retranslate()

    def retranslate(self) -> None:
        for name, text in {
            "province": self.tr("&Tỉnh, thành phố"),
            "code": self.tr("&Xã, phường *"),
            "signer_name": self.tr("Người &ký báo cáo"),
            "signer_title": self.tr("Chức vụ người ký *"),
            "chairman": self.tr("Chủ tịch UBND"),
            "address": self.tr("Địa chỉ trụ sở"),
            "households": self.tr("Tổng số hộ"),
        }.items():
            self.set_label(name, text)
        self.province.lineEdit().setPlaceholderText(self.tr("Tất cả – hoặc gõ tên tỉnh (ví dụ: nghe an)…"))
        self.commune.lineEdit().setPlaceholderText(self.tr("Gõ tên xã, không cần dấu (ví dụ: luong minh)…"))
        self.signer_name.setPlaceholderText(self.tr("Họ và tên, ví dụ Lô Văn Hải"))
        self.households.setPlaceholderText(self.tr("(chưa có)"))

    def reload_communes(self) -> None:
        """Communes of the chosen province (or of all provinces, labelled with their province)."""
        province = self.province.value()
        self._choices = commune_choices(province)
        if province is None:
            self.commune.set_items((c.label, c.code) for c in self._choices)
        else:
            self.commune.set_items((f"{c.name} ({c.code})", c.code) for c in self._choices)

    def _commune_chosen(self, code: object) -> None:
        """Picking a commune from the all-provinces list also shows its province."""
        if code is None or self.province.value() is not None:
            return
        chosen = commune_by_code(str(code))
        if chosen is not None:
            self.province.set_value(chosen.province_code)

    def chosen_commune(self) -> CommuneChoice:
        """The commune picked, or the only one matching what was typed; FormInputError otherwise."""
        code = self.commune.value()
        if code:
            found = commune_by_code(str(code))
            if found is not None:
                return found
        text = self.commune.text_value()
        if not text:
            raise self._problem(self.tr("Chưa chọn xã, phường: gõ vài chữ của tên (không cần dấu) rồi chọn."))
        words = fold(text).split()
        hits = [c for c in self._choices if all(w in fold(c.label) for w in words)]
        if len(hits) == 1:
            return hits[0]
        if not hits:
            raise self._problem(self.tr("Không tìm thấy xã, phường «{text}» trong danh mục.").format(text=text))
        raise self._problem(
            self.tr("«{text}» khớp {n} xã, phường: hãy chọn đúng một xã trong danh sách.").format(
                text=text, n=len(hits)
            )
        )

    @staticmethod
    def _problem(text: str) -> FormInputError:
        return FormInputError([Problem("code", text, text)])

    def get_data(self) -> ProfileData:
        commune = self.chosen_commune()
        households = self.households.value()
        return ProfileData(
            code=commune.code,
            address=self.address.text(),
            chairman=self.chairman.text(),
            signer_name=self.signer_name.text(),
            signer_title=self.signer_title.text(),
            households=None if households is None else int(households),
        )


class ProfilePage(QWizardPage):
    """Declare the commune; everything a new database needs is stored together on Finish."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = SetupForm()
        self.form.lang = ctx.lang
        QVBoxLayout(self).addWidget(self.form)
        self.form.save_requested.connect(self._enter)
        self.form.cancel_requested.connect(lambda: self.wizard().reject())
        self.setCommitPage(True)  # stored on leaving: no way back to store it twice
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Khai báo xã"))
        self.setSubTitle(
            self.tr(
                "Tên xã và tỉnh lấy theo danh mục đơn vị hành chính năm 2025. Các thông tin khác sửa được ở Cài đặt."
            )
        )
        self.form.retranslate()

    def nextId(self) -> int:
        return ADMIN  # stored on leaving this page; the administrator's account comes next

    def initializePage(self) -> None:
        self.wizard().setButtonText(QWizard.WizardButton.CommitButton, self.tr("Lưu và tiếp tục >"))
        self.form.province.setFocus()

    def _enter(self) -> None:
        """Enter in a field stores and goes on, as the button would."""
        self.wizard().next()

    def validatePage(self) -> bool:
        try:
            data = self.form.get_data()
            with self.ctx.session() as s:  # one transaction: profile, catalog, units, calendar
                row = save_profile(s, data, user_id=self.ctx.user_id)
                seed_catalog(s)
                seed_default_units(s, ward=row.name.startswith("Phường"))
                year = date.today().year
                ensure_years(s, (year - 1, year, year + 1))
        except FormInputError as exc:
            self.form.show_problems(exc.problems)
            return False
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            return False
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return False
        self.ctx.notify("*")
        return True


class DemoPage(QWizardPage):
    """Load the chosen demo commune in the background, then open the main window."""

    def __init__(self, ctx: AppContext, start: StartPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.start = ctx, start
        self.task: Task | None = None
        self.result: DemoResult | None = None
        lay = QVBoxLayout(self)
        self.text, self.state = QLabel(), QLabel()
        for label in (self.text, self.state):
            label.setWordWrap(True)
            lay.addWidget(label)
        lay.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Nạp dữ liệu mẫu"))
        self.setSubTitle(self.tr("Mất vài giây. Dữ liệu mẫu chỉ nạp được vào tệp dữ liệu còn trống."))
        self._describe()

    def _describe(self) -> None:
        commune = COMMUNES[self.start.demo_key()]
        name = commune_by_code(commune.code)
        self.text.setText(
            self.tr(
                "Sẽ nạp dữ liệu mẫu của {name}: nhân sự, hồ sơ thủ tục hành chính từ 01/07/2025 đến hôm qua, "
                "trang thiết bị và kiến nghị. Bấm «{button}» để bắt đầu."
            ).format(name=name.label if name else commune.key, button=self._button_text())
            + "\n\n"
            + demo_accounts_text(self.ctx.lang)
        )

    def _button_text(self) -> str:
        return self.tr("Nạp dữ liệu mẫu")

    def initializePage(self) -> None:
        self.wizard().setButtonText(QWizard.WizardButton.FinishButton, self._button_text())
        self.state.clear()
        self._describe()

    def nextId(self) -> int:
        return -1

    def isComplete(self) -> bool:
        return self.task is None

    def validatePage(self) -> bool:
        if self.result is not None:
            return True
        if self.task is None:
            self._start()
        return False

    def _start(self) -> None:
        key = self.start.demo_key()

        def work(_progress: Progress, _cancelled: Cancelled) -> DemoResult:
            with self.ctx.session() as s:
                return load_demo(s, key)

        self.state.setText(self.tr("Đang nạp dữ liệu mẫu…"))
        self.task = run_task(
            self, self.tr("Đang nạp dữ liệu mẫu…"), work, self._loaded, self._failed, writes=True, cancellable=False
        )
        self._lock(True)

    def _lock(self, locked: bool) -> None:
        self.completeChanged.emit()
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            self.wizard().button(button).setEnabled(not locked)

    def _loaded(self, result: DemoResult) -> None:
        self.task, self.result = None, result
        self._lock(False)
        self.state.setText(
            self.tr("Đã nạp {name} đến ngày {until}: {staff} nhân sự, {dossiers} hồ sơ.").format(
                name=result.commune_name,
                until=fmt_date(result.until),
                staff=fmt_int(result.staff),
                dossiers=fmt_int(result.dossiers),
            )
        )
        self.ctx.notify("*")
        self.wizard().accept()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._lock(False)
        self.state.setText(self.tr("Chưa nạp được dữ liệu mẫu."))
        show_error(self, exc, self.ctx.lang)


class FirstStartWizard(QWizard):
    """Shown by run_gui while the database has no commune (or province) profile.

    ``province=True`` (``--province``, or a database already made the province's) starts on the
    province choice, with no way back to the commune choices.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, province: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.start_page = StartPage()
        self.profile_page = ProfilePage(ctx)
        self.demo_page = DemoPage(ctx, self.start_page)
        self.province_start_page = ProvinceStartPage()
        self.province_profile_page = ProvinceProfilePage(ctx)
        self.province_demo_page = ProvinceDemoPage(ctx)
        self.admin_page = AdminPage(ctx)
        self.code_page = RecoveryCodePage(ctx, self.admin_page)
        self.setPage(START, self.start_page)
        self.setPage(PROFILE, self.profile_page)
        self.setPage(DEMO, self.demo_page)
        self.setPage(PROVINCE_START, self.province_start_page)
        self.setPage(PROVINCE_PROFILE, self.province_profile_page)
        self.setPage(PROVINCE_DEMO, self.province_demo_page)
        self.setPage(ADMIN, self.admin_page)
        self.setPage(CODE, self.code_page)
        self.currentIdChanged.connect(self._page_changed)
        self.setStartId(PROVINCE_START if province else START)
        self.setMinimumSize(760, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Commune Desk – Bắt đầu"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Tiếp theo >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Quay lại"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Thoát"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Hoàn tất"))
        for page in (
            self.start_page,
            self.profile_page,
            self.demo_page,
            self.province_start_page,
            self.province_profile_page,
            self.province_demo_page,
            self.admin_page,
            self.code_page,
        ):
            page.retranslate()

    def _page_changed(self, page_id: int) -> None:
        """The recovery code page has no «Thoát»: the code is shown once and must reach paper first."""
        self.setOption(QWizard.WizardOption.NoCancelButton, page_id == CODE)

    def reject(self) -> None:
        """Closing is refused while demo data is being written (the database must not close under it),
        and on the recovery code page until the code is printed or copied (it is never shown again)."""
        if self.demo_page.task is not None or self.province_demo_page.task is not None:
            return
        if self.currentId() == CODE:
            if self.code_page.acknowledged():
                self.accept()
            else:
                self.code_page.box.state.setText(
                    self.tr("Hãy in hoặc chép mã, đánh dấu ô xác nhận rồi bấm «Hoàn tất».")
                )
            return
        super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = [
    "ADMIN",
    "CODE",
    "DEMO",
    "PROFILE",
    "PROVINCE_DEMO",
    "PROVINCE_PROFILE",
    "PROVINCE_START",
    "START",
    "FirstStartWizard",
]
