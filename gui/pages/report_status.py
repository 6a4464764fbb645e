"""Chốt báo cáo on the reports screen: the chosen period's status and revision, finalize and reopen.

Why: once a report is finalized its figures must not move under it. Finalizing locks the records
that fed it (dossiers, staff changes, equipment counts, proposals of the period); an officer may
reopen the period with a reason (kept in the audit log), after which the report is issued again as
the next revision. Storage enforces all of it; here the officer sees where each period stands.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.audit.roles import may
from gui.context import AppContext
from gui.errors import show_error
from gui.pages.report_sent_table import period_name
from gui.widgets.heading import SECTION_HEADING, make_heading
from storage.actor import Level
from storage.errors import UserError
from storage.locks import PeriodStatus, finalize_period, period_status, reopen_period, statuses
from storage.periods import Period, parse_period

KIND = "period_locks"  # data_changed key
STATUS_COLORS = {
    PeriodStatus.DRAFT: "#555555",
    PeriodStatus.FINALIZED: "#1b5e20",
    PeriodStatus.SENT: "#0d47a1",
    PeriodStatus.REOPENED: "#b35c00",
}
ERROR_STYLE = "color: #b00020;"


class StatusTexts(QWidget):
    """The words for a status (a QObject so lupdate finds them under one context)."""

    def status_text(self, status: PeriodStatus, revision: int) -> str:
        if status is PeriodStatus.FINALIZED:
            return self.tr("Đã chốt (lần {n})").format(n=revision)
        if status is PeriodStatus.SENT:
            return self.tr("Đã gửi tỉnh (lần {n})").format(n=revision)
        if status is PeriodStatus.REOPENED:
            return self.tr("Đã mở lại — cần lập lại báo cáo (lần {n})").format(n=revision + 1)
        return self.tr("Đang soạn")


class PeriodStatusBar(StatusTexts):
    """ "Trạng thái: …" of the chosen period, with Chốt báo cáo and Mở khóa kỳ… for officers."""

    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period: Period | None = None
        self.status, self.revision = PeriodStatus.DRAFT, 0
        self.label = QLabel()
        self.label.setWordWrap(True)  # "Đã mở lại — cần lập lại báo cáo" must not widen the window past 1366
        self.finalize_button = QPushButton()
        self.finalize_button.clicked.connect(self.finalize)
        self.reopen_button = QPushButton()
        self.reopen_button.clicked.connect(lambda: self.reopen())
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.finalize_button)
        lay.addWidget(self.reopen_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.finalize_button.setText(self.tr("Chốt báo cáo"))
        self.reopen_button.setText(self.tr("Mở khóa kỳ…"))
        self._show()

    def set_period(self, period: Period | None) -> None:
        """Follow the page's period (None: an impossible choice; nothing to finalize)."""
        self.period = period
        if period is None:
            self.status, self.revision = PeriodStatus.DRAFT, 0
        else:
            self.status, self.revision = self.ctx.read(lambda s: period_status(s, period))
        self._show()

    def _show(self) -> None:
        self.label.setText(self.tr("Trạng thái: {status}").format(status=self.status_text(self.status, self.revision)))
        self.label.setStyleSheet(f"color: {STATUS_COLORS[self.status]}; font-weight: bold;")
        officer = may(self.ctx, Level.OFFICER)
        locked = self.status in (PeriodStatus.FINALIZED, PeriodStatus.SENT)
        self.finalize_button.setEnabled(officer and self.period is not None and not locked)
        self.reopen_button.setEnabled(officer and self.period is not None and locked)
        if not officer:
            tip = self.tr("Chỉ lãnh đạo (hoặc quản trị) được chốt và mở khóa kỳ báo cáo.")
        else:
            tip = self.tr(
                "Chốt báo cáo khóa các hồ sơ, biến động nhân sự, số liệu trang thiết bị và kiến nghị có ngày trong "
                "kỳ; muốn sửa phải mở khóa kỳ (ghi lý do) rồi lập lại báo cáo."
            )
        self.finalize_button.setToolTip(tip)
        self.reopen_button.setToolTip(
            tip if not officer else self.tr("Mở khóa để sửa số liệu của kỳ đã chốt; cần ghi rõ lý do.")
        )

    def _confirm_finalize(self, period: Period) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Chốt báo cáo"))
        box.setText(self.tr("Chốt báo cáo {period}?").format(period=period.label(self.ctx.lang)))
        info = self.tr(
            "Sau khi chốt, các hồ sơ TTHC, biến động nhân sự, số liệu trang thiết bị và kiến nghị có ngày trong kỳ "
            "{range} bị khóa: không ai sửa được nữa. Muốn sửa, lãnh đạo phải mở khóa kỳ (ghi rõ lý do), sau đó lập "
            "lại báo cáo (lần sau)."
        ).format(range=period.range_text(self.ctx.lang))
        if period.end >= date.today():
            info += "\n\n" + self.tr(
                "Lưu ý: kỳ này chưa kết thúc. Sau khi chốt, không nhập thêm được hồ sơ có ngày trong kỳ."
            )
        box.setInformativeText(info)
        yes = box.addButton(self.tr("Chốt báo cáo"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(self.tr("Không chốt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes

    def finalize(self, *, confirm: bool = True) -> bool:
        """Chốt báo cáo: after confirmation, lock the period's records; storage refuses clerks."""
        period = self.period
        if period is None or (confirm and not self._confirm_finalize(period)):
            return False
        try:
            with self.ctx.session() as s:
                revision = finalize_period(s, period)
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return False
        self.status_message.emit(
            self.tr("Đã chốt báo cáo {period} (lần {n}).").format(period=period.label(self.ctx.lang), n=revision)
        )
        self.ctx.notify(KIND)
        self.set_period(period)
        return True

    def reopen(self, reason: str | None = None) -> bool:
        """Mở khóa kỳ…: ask the reason (``reason`` given: no dialog, e.g. tests), storage checks it."""
        period = self.period
        if period is None:
            return False
        if reason is None:
            dialog = ReopenDialog(self.ctx, period, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        else:
            try:
                with self.ctx.session() as s:
                    reopen_period(s, period, reason)
            except UserError as exc:
                show_error(self, exc, self.ctx.lang)
                return False
        self.status_message.emit(self.tr("Đã mở khóa {period}.").format(period=period.label(self.ctx.lang)))
        self.ctx.notify(KIND)
        self.set_period(period)
        return True


class ReopenDialog(QDialog):
    """The reason for reopening (required, at least 10 characters); storage's refusal shows in the dialog."""

    def __init__(self, ctx: AppContext, period: Period, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.period = ctx, period
        self.setWindowTitle(self.tr("Mở khóa kỳ báo cáo"))
        self.intro = QLabel(
            self.tr(
                "Mở khóa {period} {range} để sửa số liệu đã báo cáo. Lý do được ghi vào nhật ký thay đổi; sau khi "
                "sửa, cần chốt và gửi lại báo cáo (lần sau)."
            ).format(period=period.label(ctx.lang), range=period.range_text(ctx.lang))
        )
        self.intro.setWordWrap(True)
        self.reason_label = QLabel(self.tr("&Lý do mở khóa (bắt buộc, ít nhất 10 ký tự):"))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Ví dụ: Sửa ngày tiếp nhận hồ sơ nhập nhầm"))
        self.reason.setTabChangesFocus(True)
        self.reason_label.setBuddy(self.reason)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Mở khóa"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for w in (self.intro, self.reason_label, self.reason, self.error, buttons):
            lay.addWidget(w)
        self.resize(520, 300)

    def submit(self) -> None:
        try:
            with self.ctx.session() as s:
                reopen_period(s, self.period, self.reason.toPlainText())
        except UserError as exc:
            self.error.setText(exc.message(self.ctx.lang))
            self.error.show()
            self.reason.setFocus()
            return
        self.accept()


class PeriodStatusTable(StatusTexts):
    """Every period that left draft: finalized, sent or reopened, and its report revision."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading = make_heading(QLabel(), SECTION_HEADING)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.addWidget(self.heading)
        lay.addWidget(self.note)
        lay.addWidget(self.table, 1)
        ctx.data_changed.connect(lambda kind: self.reload() if kind in (KIND, "reports_sent", "*") else None)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Trạng thái các kỳ báo cáo"))
        self.note.setText(
            self.tr(
                "Các kỳ đã chốt báo cáo: số liệu của kỳ bị khóa cho đến khi lãnh đạo mở khóa (ghi lý do). Kỳ không "
                "có trong bảng đang ở trạng thái «Đang soạn»."
            )
        )
        self.table.setHorizontalHeaderLabels([self.tr("Kỳ báo cáo"), self.tr("Cách tính kỳ"), self.tr("Trạng thái")])
        self.reload()

    def rows(self) -> list[tuple[str, str, str]]:
        """(period, basis, status) as shown."""
        return [
            tuple(self.table.item(i, j).text() for j in range(3))  # type: ignore[misc]
            for i in range(self.table.rowCount())
        ]

    def reload(self) -> None:
        lang = self.ctx.lang
        found = self.ctx.read(statuses)

        def start(key: tuple[str, bool]) -> date:
            try:
                return parse_period(key[0], official=key[1]).start
            except UserError:
                return date.min

        keys = sorted(found, key=start, reverse=True)
        self.table.setRowCount(len(keys))
        for i, key in enumerate(keys):
            status, revision = found[key]
            basis = self.tr("Theo ngày chốt số liệu") if key[1] else self.tr("Theo tháng dương lịch")
            for j, text in enumerate((period_name(key[0], lang), basis, self.status_text(status, revision))):
                self.table.setItem(i, j, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
