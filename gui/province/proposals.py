"""Kiến nghị của xã: every commune's proposals by provincial body, the province's answers, response files.

The list comes from the communes' latest reports (storage.province.answers); selecting one shows
its full content and the answer form beside the list. Answers leave for the communes in signed
response files written to a folder (a USB stick), one per commune, off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from PySide6.QtCore import QDir, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.errors import show_error
from gui.province.proposals_export import ExportOutcome, ExportResultBar, export_responses
from gui.province.proposals_form import AnswerForm, ProposalDetail
from gui.registers.column_widths import fit_to_texts
from gui.registers.proposals import STATUS_COLOURS
from gui.registers.sources import ListSource
from gui.registers.table_model import ROW_ROLE, Column, LazyTableModel
from gui.tasks import Cancelled, Progress, Task, run_task
from gui.widgets.format import fmt_date, fmt_int
from gui.widgets.heading import make_heading
from storage.errors import UserError, ValidationError
from storage.province.answers import (
    ANSWER_STATUSES,
    ProvinceProposalRow,
    communes_with_answers_to_send,
    list_province_proposals,
    open_by_department,
    record_answer,
)
from storage.textsearch import vietnamese_sort_key
from storage.vocab import ProposalStatus

WATCHED = {"province_answers", "province_reports", "province_communes", "*"}
NO_BODY = ""  # department value of proposals that name no provincial body
PENDING_COLOUR = "#b35900"
TITLE_COLUMN, AGE_COLUMN, ANSWER_COLUMN, SENT_COLUMN, BODY_COLUMN = 1, 3, 4, 5, 7
CELL_MARGIN = 14  # the item view's text margins
COLUMN_CAPS = {0: 130, TITLE_COLUMN: 200, BODY_COLUMN: 200}
_STATUS_ORDER = {s: i for i, s in enumerate(ProposalStatus)}


def department_choices(session: Session) -> list[tuple[str, int]]:
    """Every provincial body named in a proposal, with how many open proposals wait on it (none last)."""
    waiting = {body: len(rows) for body, rows in open_by_department(session).items()}
    bodies = {body for r in list_province_proposals(session) for body in r.departments()} | set(waiting)
    ordered = sorted(bodies, key=lambda b: (b == NO_BODY, vietnamese_sort_key(b)))
    return [(b, waiting.get(b, 0)) for b in ordered]


def filtered_proposals(
    session: Session, *, open_only: bool, commune_code: str | None, department: str | None, search: str
) -> list[ProvinceProposalRow]:
    """The list for the filters; ``department`` "" keeps the proposals that name no body."""
    rows = list_province_proposals(
        session, open_only=open_only, commune_code=commune_code, department=department or None, search=search
    )
    if department == NO_BODY:
        rows = [r for r in rows if r.departments() == [NO_BODY]]
    return rows


class ProvinceProposalsPage(QWidget):
    """List with filters on the left; the selected proposal and the answer form on the right."""

    status_message = Signal(str)
    answer_saved = Signal(int)  # the province proposal row id
    exported = Signal(object)  # ExportOutcome
    export_failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today: Callable[[], date] = date.today  # replaced in tests that need a fixed day
        self.current_id: int | None = None
        self.task: Task | None = None
        self._folder = ""
        self._to_send: list[str] = []  # communes with answers not yet in a response file
        self._build()
        self.model: LazyTableModel[ProvinceProposalRow] = LazyTableModel(
            self.columns(), self.make_source(), lambda r: r.id, parent=self
        )
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._update_count)
        header = self.table.horizontalHeader()
        header.setSortIndicator(AGE_COLUMN, Qt.SortOrder.DescendingOrder)  # the longest waiting on top
        self.table.setSortingEnabled(True)
        self._fit_columns()
        ctx.data_changed.connect(self._on_data_changed)
        self.retranslate()  # also fills the filters
        self._show_current()

    # --- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = make_heading(QLabel())
        self.export_button = QPushButton()
        self.export_menu = QMenu(self)
        self.export_all_action = QAction(self)
        self.export_selected_action = QAction(self)
        self.export_menu.addAction(self.export_all_action)
        self.export_menu.addAction(self.export_selected_action)
        self.export_button.setMenu(self.export_menu)
        self.export_all_action.triggered.connect(lambda: self.export_responses(only_selected=False))
        self.export_selected_action.triggered.connect(lambda: self.export_responses(only_selected=True))
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.export_button)
        outer.addLayout(top)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.f_department = QComboBox()
        self.f_department.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.f_department.setMinimumContentsLength(22)
        self.f_commune = QComboBox()
        self.f_commune.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.f_open = QCheckBox()
        for w in (self.search, self.f_department, self.f_commune, self.f_open):
            bar.addWidget(w)
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        outer.addLayout(bar)
        self.f_department.currentIndexChanged.connect(lambda _i: self.refresh())
        self.f_commune.currentIndexChanged.connect(lambda _i: self.refresh())
        self.f_open.toggled.connect(lambda _b: self.refresh())

        self.result_bar = ExportResultBar()
        outer.addWidget(self.result_bar)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        split.addWidget(self.table)
        side = QWidget()
        side_lay = QVBoxLayout(side)
        self.detail = ProposalDetail()
        self.form = AnswerForm()
        self.form.save_requested.connect(self.save_current)
        self.form.cancel_requested.connect(self.cancel_edit)
        side_lay.addWidget(self.detail)
        side_lay.addWidget(self.form, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(side)
        scroll.setMinimumWidth(360)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([10_000, 1])  # the form at its minimum width: the table needs the room
        outer.addWidget(split, 1)

    def columns(self) -> list[Column[ProvinceProposalRow]]:
        # The answer and whether it went back sit right of the title: at 1366 px beside the form the
        # last columns (the commune's own status, the bodies) scroll, and the body is also a filter.
        lang, today = self.ctx.lang, self.today()
        return [
            Column(self.tr("Xã"), lambda r: r.commune_name, "commune"),
            Column(self.tr("Tiêu đề"), lambda r: r.title, "title", tooltip=lambda r: r.title),
            Column(self.tr("Ngày nêu"), lambda r: fmt_date(r.raised_date), "raised"),
            Column(
                self.tr("Số ngày\nchờ"),
                lambda r: fmt_int(r.age_days(today)) if r.is_open else "",
                "age",
                lambda r: r.age_days(today) if r.is_open else None,
                numeric=True,
            ),
            Column(
                self.tr("Tỉnh trả lời"),
                lambda r: r.response_status.label(lang) if r.response_status else "",
                "response",
                color=lambda r: STATUS_COLOURS.get(r.response_status) if r.response_status else None,
            ),
            Column(self.tr("Gửi xã"), self._sent_text, "pending", color=lambda r: self._sent_colour(r)),
            Column(
                self.tr("Trạng thái\nxã báo"),
                lambda r: r.commune_status.label(lang),
                "commune_status",
                color=lambda r: STATUS_COLOURS.get(r.commune_status),
            ),
            Column(self.tr("Cơ quan giải quyết"), lambda r: r.addressed_to, "body", tooltip=lambda r: r.addressed_to),
        ]

    def _sent_text(self, r: ProvinceProposalRow) -> str:
        if r.answer_pending_export:
            return self.tr("Chưa gửi xã")
        if r.response_status is not None:
            return self.tr("Đã gửi")
        return ""

    @staticmethod
    def _sent_colour(r: ProvinceProposalRow) -> str | None:
        return PENDING_COLOUR if r.answer_pending_export else None

    def make_source(self) -> ListSource[ProvinceProposalRow]:
        search, open_only = self.search.text(), self.f_open.isChecked()
        commune, department = self.f_commune.currentData(), self.f_department.currentData()
        today = self.today()

        def load() -> list[ProvinceProposalRow]:
            return self.ctx.read(
                lambda s: filtered_proposals(
                    s, open_only=open_only, commune_code=commune, department=department, search=search
                )
            )

        return ListSource(
            load,
            {
                "commune": lambda r: vietnamese_sort_key(r.commune_name),
                "title": lambda r: vietnamese_sort_key(r.title),
                "raised": lambda r: r.raised_date,
                "age": lambda r: r.age_days(today) if r.is_open else None,
                "body": lambda r: vietnamese_sort_key(r.addressed_to),
                "commune_status": lambda r: _STATUS_ORDER[r.commune_status],
                "response": lambda r: _STATUS_ORDER[r.response_status] if r.response_status else None,
                "pending": lambda r: (not r.answer_pending_export, r.response_status is None),
            },
        )

    def _fit_columns(self) -> None:
        """Columns as wide as their texts; the answer columns as wide as their longest possible value,
        since they fill up after the widths were set (an answer saved, a file exported)."""
        fit_to_texts(self.table, COLUMN_CAPS)
        metrics, header = self.table.fontMetrics(), self.table.horizontalHeader()
        lang = self.ctx.lang
        longest = {
            ANSWER_COLUMN: [s.label(lang) for s in ANSWER_STATUSES],
            SENT_COLUMN: [self.tr("Chưa gửi xã"), self.tr("Đã gửi")],
        }
        for column, texts in longest.items():
            wanted = max(metrics.horizontalAdvance(t) for t in texts) + CELL_MARGIN
            header.resizeSection(column, max(header.sectionSize(column), wanted))

    # --- data flow ------------------------------------------------------------------------------
    def reload_choices(self) -> None:
        """Bodies and communes of the filters, from the proposals held (keeping the current choice)."""
        bodies, communes = self.ctx.read(
            lambda s: (
                department_choices(s),
                sorted(
                    {(r.commune_code, r.commune_name) for r in list_province_proposals(s)},
                    key=lambda c: vietnamese_sort_key(c[1]),
                ),
            )
        )
        keep_body, keep_commune = self.f_department.currentData(), self.f_commune.currentData()
        for combo in (self.f_department, self.f_commune):
            combo.blockSignals(True)
            combo.clear()
        self.f_department.addItem(self.tr("Tất cả cơ quan"), None)
        for body, waiting in bodies:
            name = body or self.tr("Chưa ghi cơ quan")
            label = self.tr("{body} ({n} đang chờ)").format(body=name, n=fmt_int(waiting)) if waiting else name
            self.f_department.addItem(label, body)
        self.f_commune.addItem(self.tr("Tất cả các xã"), None)
        for code, name in communes:
            self.f_commune.addItem(name, code)
        for combo, keep in ((self.f_department, keep_body), (self.f_commune, keep_commune)):
            index = combo.findData(keep) if keep is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._to_send = self.ctx.read(communes_with_answers_to_send)
        self._update_export_actions()

    def refresh(self) -> None:
        """Re-run the query (F5, a filter, or data changed elsewhere), keeping the selected proposal."""
        if not hasattr(self, "model"):
            return
        keep = self.current_id
        self.model.set_source(self.make_source())
        row = self.model.row_of_id(keep) if keep is not None else -1
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.current_id = None
        self._show_current()

    def _on_data_changed(self, kind: str) -> None:
        if kind in WATCHED:
            self.reload_choices()
            self.refresh()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{n} kiến nghị").format(n=fmt_int(self.model.total())))

    def current_row(self) -> ProvinceProposalRow | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        row = index.data(ROW_ROLE)
        return row if isinstance(row, ProvinceProposalRow) else None

    def select_id(self, row_id: int) -> bool:
        """Select the proposal with this id if the current filters show it."""
        row = self.model.row_of_id(row_id)
        if row < 0:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        self.current_id = row.id if isinstance(row, ProvinceProposalRow) else None
        self._show_current()

    def _show_current(self) -> None:
        row = self.current_row()
        self.detail.show_row(row, self.today())
        self.form.show_row(row, self.today())
        self._update_export_actions()

    # --- answering ------------------------------------------------------------------------------
    def save_current(self) -> bool:
        """Store the answer of the selected proposal (Ctrl+Enter, Ctrl+S); messages under the fields."""
        row = self.current_row()
        if row is None:
            self.status_message.emit(self.tr("Hãy chọn trong danh sách kiến nghị cần trả lời."))
            return False
        status, text, day = self.form.values()
        try:
            with self.ctx.session() as s:
                record_answer(s, row.id, status, text, day, user_id=self.ctx.user_id, today=self.today())
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            self.status_message.emit(self.tr("Chưa lưu: hãy sửa các ô được đánh dấu đỏ."))
            return False
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return False
        self.form.clear_problems()
        self.status_message.emit(
            self.tr("Đã lưu trả lời cho {commune}; nhớ xuất tệp phản hồi để gửi xã.").format(commune=row.commune_name)
        )
        self.ctx.notify("province_answers")  # refreshes this list too (and keeps the row selected)
        self.answer_saved.emit(row.id)
        return True

    def cancel_edit(self) -> None:
        """Esc: back to the stored answer."""
        self.form.show_row(self.current_row(), self.today())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- response files -------------------------------------------------------------------------
    def _update_export_actions(self) -> None:
        n = len(self._to_send)
        self.export_all_action.setText(
            self.tr("Mọi xã có trả lời chưa gửi ({n} xã)…").format(n=fmt_int(n))
            if n
            else self.tr("Mọi xã có trả lời chưa gửi (không có)")
        )
        self.export_all_action.setEnabled(n > 0 and self.task is None)
        row = self.current_row()
        if row is None:
            self.export_selected_action.setText(self.tr("Chỉ xã của kiến nghị đang chọn…"))
            self.export_selected_action.setEnabled(False)
        else:
            self.export_selected_action.setText(self.tr("Chỉ {commune}…").format(commune=row.commune_name))
            self.export_selected_action.setEnabled(row.commune_code in self._to_send and self.task is None)

    def ask_folder(self) -> Path | None:
        start = self._folder or QDir.homePath()
        title = self.tr("Chọn thư mục (thẻ nhớ USB) để lưu tệp phản hồi")
        name = QFileDialog.getExistingDirectory(self, title, start)
        return Path(name) if name else None

    def export_responses(self, *, only_selected: bool = False, folder: Path | None = None) -> None:
        """Write the response files (every commune with answers to send, or the selected one's) to a folder."""
        if self.task is not None:
            return
        row = self.current_row()
        if only_selected and row is None:
            self.status_message.emit(self.tr("Hãy chọn một kiến nghị của xã cần gửi trả lời."))
            return
        codes = [row.commune_code] if only_selected and row is not None else None
        if folder is None:
            folder = self.ask_folder()
            if folder is None:
                return
        self._folder = str(folder)
        sessions, lang, target = self.ctx.db.sessions, self.ctx.lang, folder

        def work(progress: Progress, cancelled: Cancelled) -> ExportOutcome:
            return export_responses(sessions, codes, target, lang, progress, cancelled)

        label = self.tr("Đang ghi tệp phản hồi cho các xã…")
        self.task = run_task(self, label, work, self._exported, self._export_error, writes=True)
        self._update_export_actions()

    def _exported(self, outcome: ExportOutcome) -> None:
        self.task = None
        self.result_bar.show_outcome(outcome)
        if outcome.files:
            self.status_message.emit(
                self.tr("Đã ghi {n} tệp phản hồi vào {folder}.").format(
                    n=fmt_int(len(outcome.files)), folder=outcome.folder
                )
            )
        self.ctx.notify("province_answers")
        self.exported.emit(outcome)

    def _export_error(self, exc: BaseException) -> None:
        self.task = None
        self._update_export_actions()
        show_error(self, exc, self.ctx.lang)
        self.export_failed.emit(exc)

    # --- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Kiến nghị của xã"))
        self.export_button.setText(self.tr("Xuất tệp phản hồi cho xã…"))
        self.export_button.setToolTip(
            self.tr("Ghi các trả lời chưa gửi thành tệp phản hồi (mỗi xã một tệp) để mang về xã")
        )
        self.search.setPlaceholderText(self.tr("Tìm (không cần dấu)… Ctrl+F"))
        hint = self.search.fontMetrics().horizontalAdvance(self.search.placeholderText())
        self.search.setMinimumWidth(max(200, hint + 40))
        self.f_open.setText(self.tr("Chỉ kiến nghị đang chờ"))
        self.f_department.setToolTip(self.tr("Lọc theo cơ quan giải quyết"))
        self.f_commune.setToolTip(self.tr("Lọc theo xã"))
        self.detail.lang = self.form.lang = self.ctx.lang
        self.detail.retranslate()
        self.form.retranslate()
        self.result_bar.retranslate()
        if hasattr(self, "model"):
            self.model.set_columns(self.columns())
            self._update_count()
            self._fit_columns()
            self.reload_choices()
