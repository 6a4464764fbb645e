"""Xem › Nhật ký thay đổi: every create, update and delete, newest first, filterable by user, date and kind.

Why: an office must be able to answer "who changed this figure, when, and from what" without an IT
person. The chain check runs off the GUI thread (a year of work is tens of thousands of entries) and
says in plain words whether the log is intact or from which entry it was tampered with.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.audit.labels import COMMUNE_TABLES, PROVINCE_TABLES, table_label
from gui.audit.widgets import ROW_ROLE, AuditModel, EntryDetail, fit_columns, make_entry_table
from gui.context import AppContext
from gui.errors import log, user_message
from gui.tasks import Cancelled, Progress, Task, run_task
from gui.widgets.heading import make_heading
from gui.widgets.inputs import DateEdit
from storage.audit import AuditRow, ChainCheck, list_entries, verify_chain
from storage.auth import list_users
from storage.errors import UserError

OK_STYLE = "color: #1b5e20; font-weight: bold;"
BROKEN_STYLE = "color: #b00020; font-weight: bold;"
SYSTEM = ""  # the user filter's data for entries made without a logged-in user (list_entries: username "")


class AuditLogDialog(QDialog):
    """The whole log with filters, the selected entry's detail, and the integrity check."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.check_result: ChainCheck | None = None
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.heading = make_heading(QLabel())
        self.note = QLabel()
        self.note.setWordWrap(True)

        bar = QHBoxLayout()
        self.user_label, self.user = QLabel(), QComboBox()
        self.from_label, self.since = QLabel(), DateEdit(optional=True)
        self.to_label, self.until = QLabel(), DateEdit(optional=True)
        self.kind_label, self.kind = QLabel(), QComboBox()
        self.user.setMinimumContentsLength(14)
        self.kind.setMinimumContentsLength(14)
        for label, w in (
            (self.user_label, self.user),
            (self.from_label, self.since),
            (self.to_label, self.until),
            (self.kind_label, self.kind),
        ):
            label.setBuddy(w)
            bar.addWidget(label)
            bar.addWidget(w)
            bar.addSpacing(6)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_filters)
        bar.addWidget(self.clear_button)
        bar.addStretch(1)

        self.model = AuditModel(lambda _o, _l: [], ctx.lang, self)
        self.table = make_entry_table(self.model)
        self.detail = EntryDetail()
        self.detail.lang = ctx.lang
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 480])
        split.setChildrenCollapsible(False)

        bottom = QHBoxLayout()
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.verify)
        self.verify_result = QLabel()
        self.verify_result.setWordWrap(True)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.verify_result, 1)
        bottom.addWidget(self.close_button)

        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.note)
        lay.addLayout(bar)
        lay.addWidget(split, 1)
        lay.addLayout(bottom)

        self._fill_filters()
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.model.modelReset.connect(lambda: self.detail.show_entry(None))
        for signal in (self.user.currentIndexChanged, self.kind.currentIndexChanged):
            signal.connect(lambda *_a: self.refresh())
        for edit in (self.since, self.until):
            edit.dateChanged.connect(lambda *_a: self.refresh())
        ctx.data_changed.connect(self._on_data_changed)
        self.retranslate()
        self.refresh()
        fit_columns(self.table)
        self.resize(1280, 720)

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Nhật ký thay đổi"))
        self.heading.setText(self.tr("Nhật ký thay đổi"))
        self.note.setText(
            self.tr(
                "Mọi lần thêm, sửa, xóa bản ghi đều được ghi lại: ai làm, lúc nào, bản ghi nào, giá trị cũ và mới. "
                "Nhật ký không sửa hoặc xóa được; nút «Kiểm tra tính toàn vẹn» phát hiện nếu tệp dữ liệu bị sửa "
                "ngoài phần mềm."
            )
        )
        self.user_label.setText(self.tr("&Người dùng:"))
        self.from_label.setText(self.tr("Từ ngày:"))
        self.to_label.setText(self.tr("đến ngày:"))
        self.kind_label.setText(self.tr("&Loại bản ghi:"))
        self.clear_button.setText(self.tr("Bỏ lọc"))
        self.verify_button.setText(self.tr("Kiểm tra tính toàn vẹn"))
        self.verify_button.setToolTip(
            self.tr("Tính lại mã băm của từng mục nhật ký để biết nhật ký có bị sửa ngoài phần mềm hay không.")
        )
        self.close_button.setText(self.tr("Đóng"))
        self._fill_filters()
        self.model.retranslate(self.ctx.lang)
        self.detail.lang = self.ctx.lang
        self.detail.retranslate()
        if self.check_result is not None:
            self._show_check(self.check_result)

    def _fill_filters(self) -> None:
        users = self.ctx.read(list_users)
        keep_user, keep_kind = self.user.currentData(), self.kind.currentData()
        for combo in (self.user, self.kind):
            combo.blockSignals(True)
            combo.clear()
        self.user.addItem(self.tr("Tất cả người dùng"), None)
        # "" is the program's own entries: migrations, automatic backups, set-up and demo loading.
        self.user.addItem(self.tr("Hệ thống"), SYSTEM)
        self.user.setItemData(
            1,
            self.tr(
                "Các mục phần mềm tự ghi, không do người dùng nào: nâng cấp dữ liệu, cài đặt ban đầu, dữ liệu mẫu, "
                "nhập dữ liệu trước khi có tài khoản."
            ),
            Qt.ItemDataRole.ToolTipRole,
        )
        for u in users:
            self.user.addItem(f"{u.full_name} ({u.username})" if u.full_name else u.username, u.username)
        self.kind.addItem(self.tr("Tất cả loại bản ghi"), None)
        for table in PROVINCE_TABLES if self.ctx.is_province else COMMUNE_TABLES:
            self.kind.addItem(table_label(table), table)
        for combo, keep in ((self.user, keep_user), (self.kind, keep_kind)):
            combo.setCurrentIndex(max(combo.findData(keep), 0) if keep is not None else 0)
            combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- filters and rows ------------------------------------------------------------------------
    def set_filters(
        self,
        *,
        username: str | None = None,
        since: date | None = None,
        until: date | None = None,
        table: str | None = None,
    ) -> None:
        """Choose filters as the user would (tests, and other screens opening the log on a record kind).

        ``username=""`` (SYSTEM) shows the program's own entries.
        """
        for w in (self.user, self.kind, self.since, self.until):
            w.blockSignals(True)
        self.user.setCurrentIndex(max(self.user.findData(username), 0) if username is not None else 0)
        self.kind.setCurrentIndex(max(self.kind.findData(table), 0) if table else 0)
        self.since.set_value(since)
        self.until.set_value(until)
        for w in (self.user, self.kind, self.since, self.until):
            w.blockSignals(False)
        self.refresh()

    def clear_filters(self) -> None:
        self.set_filters()

    def refresh(self) -> None:
        username, table = self.user.currentData(), self.kind.currentData()
        since, until = self.since.value(), self.until.value()

        def fetch(offset: int, limit: int) -> Sequence[AuditRow]:
            return self.ctx.read(
                lambda s: list_entries(
                    s, username=username, since=since, until=until, table=table, limit=limit, offset=offset
                )
            )

        self.model.set_fetch(fetch)

    def entries(self) -> list[AuditRow]:
        """The rows loaded so far (newest first)."""
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def _on_current(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        self.detail.show_entry(current.data(ROW_ROLE) if current.isValid() else None)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _on_data_changed(self, _kind: str) -> None:
        if self.isVisible():
            self.refresh()

    # --- integrity -------------------------------------------------------------------------------
    def verify(self) -> None:
        """Recompute the hash chain in a worker thread; the result line says intact or where it breaks."""
        if self.task is not None and self.task.running:
            return
        sessions = self.ctx.db.sessions

        def work(_progress: Progress, _cancelled: Cancelled) -> ChainCheck:
            with sessions.begin() as s:
                return verify_chain(s)

        self.verify_button.setEnabled(False)
        self.verify_result.setStyleSheet("")
        self.verify_result.setText(self.tr("Đang kiểm tra…"))
        self.task = run_task(
            self, self.tr("Đang kiểm tra nhật ký…"), work, self._checked, self._check_failed, cancellable=False
        )

    def _checked(self, result: ChainCheck) -> None:
        self.verify_button.setEnabled(True)
        self.check_result = result
        self._show_check(result)

    def _show_check(self, result: ChainCheck) -> None:
        if result.ok:
            self.verify_result.setStyleSheet(OK_STYLE)
            self.verify_result.setText(
                self.tr("Nhật ký nguyên vẹn: {n} mục").format(n=f"{result.entries:,}".replace(",", "."))
            )
        else:
            self.verify_result.setStyleSheet(BROKEN_STYLE)
            self.verify_result.setText(
                self.tr(
                    "Nhật ký bị sửa từ mục #{id}: tệp dữ liệu đã bị thay đổi ngoài phần mềm; các mục từ đó trở đi "
                    "không còn đáng tin. Hãy báo lãnh đạo và dùng bản sao lưu trước ngày đó để đối chiếu."
                ).format(id=result.first_broken)
            )

    def _check_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            log.error("audit chain check failed", exc_info=(type(exc), exc, exc.__traceback__))
        self.verify_button.setEnabled(True)
        self.verify_result.setStyleSheet(BROKEN_STYLE)
        self.verify_result.setText(user_message(exc, self.ctx.lang))
