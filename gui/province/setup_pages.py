"""The province pages of the first-start wizard: declare the province, or load the province demo.

Declaring stores, in one transaction, the province mode, the profile and (when asked) every commune
and ward of the province from the official list: either the database is ready or nothing was stored.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QCheckBox, QLabel, QRadioButton, QVBoxLayout, QWidget, QWizard, QWizardPage

from gui.context import AppContext
from gui.errors import show_error
from gui.province.province_form import ProvinceForm
from gui.tasks import Cancelled, Progress, Task, run_task
from gui.widgets.format import fmt_int
from gui.widgets.record_form import FormInputError
from gui.wizard_accounts import ADMIN, demo_accounts_text
from reports.exchange.province_demo import ProvinceDemoResult, load_province_demo
from storage.errors import UserError, ValidationError
from storage.mode import set_province_mode
from storage.profile import commune_by_code, commune_choices
from storage.province.profile import save_province_profile
from storage.province.registry import seed_from_official_list

PROVINCE_START, PROVINCE_PROFILE, PROVINCE_DEMO = 3, 4, 5
DEMO_STEPS = 4  # three demo communes make their files, then the province imports them
NOTE_STYLE = "color: #555;"


def _note() -> QLabel:
    note = QLabel()
    note.setWordWrap(True)
    note.setContentsMargins(24, 0, 0, 8)
    note.setStyleSheet(NOTE_STYLE)
    return note


class ProvinceStartPage(QWizardPage):
    """Choose: declare my province, or explore with the Nghệ An demo."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.own, self.demo = QRadioButton(), QRadioButton()
        group = QButtonGroup(self)
        group.addButton(self.own)
        group.addButton(self.demo)
        self.own.setChecked(True)
        self.own_note, self.demo_note = _note(), _note()
        for w in (self.own, self.own_note, self.demo, self.demo_note):
            lay.addWidget(w)
        lay.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Cơ sở dữ liệu của tỉnh"))
        self.setSubTitle(
            self.tr(
                "Ở chế độ tỉnh, phần mềm nhận tệp báo cáo các xã gửi lên, theo dõi xã nào đã nộp, "
                "in báo cáo tổng hợp và gửi trả lời kiến nghị về xã."
            )
        )
        self.own.setText(self.tr("&Khai báo tỉnh của tôi"))
        self.own_note.setText(
            self.tr(
                "Chọn tỉnh, cơ quan lập báo cáo và người ký. Có thể thêm ngay mọi xã, phường của tỉnh "
                "theo danh mục đơn vị hành chính năm 2025; sửa được sau ở Danh sách xã và Cài đặt."
            )
        )
        self.demo.setText(self.tr("Dùng &dữ liệu mẫu của tỉnh để làm quen"))
        self.demo_note.setText(
            self.tr(
                "Tỉnh Nghệ An với 3 xã mẫu (Lượng Minh, Con Cuông, Chiêu Lưu) đã gửi báo cáo các tháng "
                "7 đến 10/2025. Số liệu là giả lập; khi dùng thật, hãy tạo một tệp dữ liệu mới."
            )
        )

    def nextId(self) -> int:
        return PROVINCE_DEMO if self.demo.isChecked() else PROVINCE_PROFILE


class ProvinceProfilePage(QWizardPage):
    """Declare the province; Finish stores the mode, the profile and the communes together."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.seeded = 0  # communes added from the official list on Finish
        self.form = ProvinceForm()
        self.form.lang = ctx.lang
        self.form.save_button.hide()
        self.form.cancel_button.hide()
        self.form.heading.hide()
        self.seed = QCheckBox()
        self.seed.setChecked(True)
        self.form.layout_form.addRow(self.seed)
        self.seed_note = QLabel()
        self.seed_note.setWordWrap(True)
        self.seed_note.setStyleSheet(NOTE_STYLE)
        self.form.layout_form.addRow(self.seed_note)
        QVBoxLayout(self).addWidget(self.form)
        self.form.save_requested.connect(self._enter)
        self.form.cancel_requested.connect(lambda: self.wizard().reject())
        self.form.province.value_changed.connect(lambda _v: self._describe_seed())
        self.setCommitPage(True)  # stored on leaving: no way back to store it twice
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Khai báo tỉnh"))
        self.setSubTitle(
            self.tr("Tên tỉnh lấy theo danh mục đơn vị hành chính năm 2025. Các thông tin khác sửa được ở Cài đặt.")
        )
        self.form.retranslate()
        self.seed.setText(self.tr("Thêm tất cả xã, phường của tỉnh theo &danh mục chính thức"))
        self._describe_seed()

    def _describe_seed(self) -> None:
        code = self.form.province.value()
        if code:
            self.seed_note.setText(
                self.tr(
                    "{n} xã, phường sẽ được thêm vào Danh sách xã; bỏ chọn để tự thêm hoặc nhập từ tệp sau."
                ).format(n=fmt_int(len(commune_choices(code))))
            )
        else:
            self.seed_note.setText(self.tr("Danh sách xã dùng để biết xã nào đã nộp, xã nào chưa nộp báo cáo."))

    def nextId(self) -> int:
        return ADMIN  # stored on leaving this page; the administrator's account comes next

    def initializePage(self) -> None:
        self.wizard().setButtonText(QWizard.WizardButton.CommitButton, self.tr("Lưu và tiếp tục >"))
        self.form.province.setFocus()

    def _enter(self) -> None:
        self.wizard().next()

    def validatePage(self) -> bool:
        try:
            profile = self.form.get_data()
            with self.ctx.session() as s:  # one transaction: mode, profile, communes
                set_province_mode(s)
                save_province_profile(s, profile)
                self.seeded = seed_from_official_list(s, profile.code) if self.seed.isChecked() else 0
        except (FormInputError, ValidationError) as exc:
            self.form.show_problems(exc.problems)
            return False
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return False
        self.ctx.forget_mode()
        self.ctx.notify("*")
        return True


class ProvinceDemoPage(QWizardPage):
    """Load the province demo in the background (the three demo communes really make and send their files)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.result: ProvinceDemoResult | None = None
        lay = QVBoxLayout(self)
        self.text, self.state = QLabel(), QLabel()
        for label in (self.text, self.state):
            label.setWordWrap(True)
            lay.addWidget(label)
        lay.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Nạp dữ liệu mẫu của tỉnh"))
        self.setSubTitle(self.tr("Mất khoảng nửa phút. Dữ liệu mẫu chỉ nạp được vào tệp dữ liệu còn trống."))
        names = ", ".join(c.name for c in (commune_by_code(code) for code in ("16906", "17254", "16855")) if c)
        self.text.setText(
            self.tr(
                "Sẽ nạp tỉnh Nghệ An và 3 xã mẫu ({names}): mỗi xã lập tệp báo cáo các tháng 7 đến 10/2025, "
                "tỉnh nhận các tệp đó như khi nhận từ USB. Bấm «{button}» để bắt đầu."
            ).format(names=names, button=self._button_text())
            + "\n\n"
            + demo_accounts_text(self.ctx.lang)
        )

    def _button_text(self) -> str:
        return self.tr("Nạp dữ liệu mẫu")

    def initializePage(self) -> None:
        self.wizard().setButtonText(QWizard.WizardButton.FinishButton, self._button_text())
        self.state.clear()

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
        db = self.ctx.db

        def work(progress: Progress, _cancelled: Cancelled) -> ProvinceDemoResult:
            done = [0]

            def step(_text: str) -> None:
                progress(done[0], DEMO_STEPS)
                done[0] += 1

            return load_province_demo(db, step=step)

        label = self.tr("Đang nạp dữ liệu mẫu của tỉnh…")
        self.state.setText(label)
        self.task = run_task(self, label, work, self._loaded, self._failed, writes=True, cancellable=False)
        self._lock(True)

    def _lock(self, locked: bool) -> None:
        self.completeChanged.emit()
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            self.wizard().button(button).setEnabled(not locked)

    def _loaded(self, result: ProvinceDemoResult) -> None:
        self.task, self.result = None, result
        self._lock(False)
        self.state.setText(
            self.tr("Đã nạp {communes} xã mẫu và nhận {files} tệp báo cáo.").format(
                communes=fmt_int(result.communes), files=fmt_int(result.imported)
            )
        )
        self.ctx.forget_mode()
        self.ctx.notify("*")
        self.wizard().accept()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._lock(False)
        self.state.setText(self.tr("Chưa nạp được dữ liệu mẫu."))
        show_error(self, exc, self.ctx.lang)
