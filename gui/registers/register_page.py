"""The screen every register shares: search, filters, a lazy table, and the entry form beside it.

Subclasses describe their columns, query, form and the storage calls; this class does the
keyboard flow (Ctrl+N new, Enter save, Esc cancel, Delete with confirmation, Ctrl+Z undo).
"""

from __future__ import annotations

from abc import ABCMeta, abstractmethod
from typing import Any

from sqlalchemy.orm import Session

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.errors import show_error
from gui.registers.table_model import ID_ROLE, Column, LazyTableModel, PagedSource
from gui.widgets.heading import make_heading
from gui.widgets.inputs import show_text_starts
from gui.widgets.record_form import FormInputError, RecordForm
from storage.actor import PermissionDenied
from storage.audit import undo_delete
from storage.errors import Problem, UserError, ValidationError
from storage.locks import PeriodLocked

SEARCH_MIN_WIDTH = 200
#: The audit log's table for each screen's kind of record (the "Lịch sử…" button).
AUDIT_TABLES = {
    "staff": "staff",
    "dossiers": "dossier",
    "equipment": "equipment",
    "proposals": "proposal",
    "units": "unit",
    "procedures": "procedure",
    "province_communes": "province_commune",
}
SEARCH_HINT_MARGIN = 40  # the line edit's frame and text margins, and the clear button


class _AbstractWidgetMeta(type(QWidget), ABCMeta):  # type: ignore[misc]
    """Lets a QWidget subclass mark its hooks @abstractmethod (documented, checked by tests)."""


class RegisterPage(QWidget, metaclass=_AbstractWidgetMeta):
    """Base of the staff, dossier, equipment, proposal and catalog screens."""

    status_message = Signal(str)
    kind = ""  # data_changed key and import kind
    import_kind: str | None = None  # set to offer "import from file" and "download template"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current_id: int | None = None
        self._undo: list[tuple[int, Any]] = []  # (id, data) of records deleted here, newest last
        self._build()
        self.model: LazyTableModel[Any] = LazyTableModel(self.columns(), self.make_source(), self.row_id, parent=self)
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self._update_count()
        self._fit_columns()
        ctx.data_changed.connect(self._on_data_changed)
        self.new_record()

    # --- hooks for subclasses ----------------------------------------------------------------
    @abstractmethod
    def title(self) -> str: ...

    @abstractmethod
    def columns(self) -> list[Column[Any]]: ...

    @abstractmethod
    def make_source(self) -> PagedSource[Any]:
        """The query for the current search text and filters."""
        ...

    @abstractmethod
    def create_form(self) -> RecordForm: ...

    def row_id(self, row: Any) -> int:
        return int(row.id)

    def add_filters(self, layout: QHBoxLayout) -> None:
        """Add filter widgets to the bar; call ``self.refresh`` when they change."""

    @abstractmethod
    def load_record(self, session: Session, record_id: int) -> Any: ...

    @abstractmethod
    def save_record(self, session: Session, data: Any, record_id: int | None) -> int: ...

    @abstractmethod
    def delete_record(self, session: Session, record_id: int) -> Any: ...

    def undo_target(self, record_id: int, data: Any) -> tuple[str, str]:
        """The audit log's table and record id of a record this screen deleted (Ctrl+Z puts it back)."""
        return self.audit_table(), str(record_id)

    def restored(self, data: Any) -> None:
        """After Ctrl+Z put ``data`` back (the calendar recomputes due dates)."""

    def describe(self, data: Any) -> str:
        """A few words naming a record in messages ("hồ sơ 16906-250701-0001")."""
        return ""

    def depends_on(self) -> set[str]:
        """Other kinds whose changes should refresh this screen (e.g. units for staff)."""
        return set()

    # --- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = make_heading(QLabel())
        top.addWidget(self.heading)
        top.addStretch(1)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_record)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_current)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        if self.audit_table():
            self.history_button = QPushButton()
            self.history_button.clicked.connect(self.show_history)
            top.addWidget(self.history_button)
        if self.import_kind:
            self.import_button = QPushButton()
            self.import_button.clicked.connect(self.import_file)
            self.template_button = QPushButton()
            self.template_button.clicked.connect(self.save_template)
            top.addWidget(self.import_button)
            top.addWidget(self.template_button)
        outer.addLayout(top)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        bar.addWidget(self.search)
        self.filters_bar = QHBoxLayout()
        bar.addLayout(self.filters_bar)
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        outer.addLayout(bar)
        self.add_filters(self.filters_bar)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        # The Delete key on the table deletes (after asking), as the button says; in the form it edits text.
        self.delete_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        self.delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_shortcut.activated.connect(self.delete_current)
        if self.audit_table():  # right-click › Lịch sử thay đổi…
            self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            self.history_action = QAction(self.table)
            self.history_action.triggered.connect(self.show_history)
            self.table.addAction(self.history_action)
        split.addWidget(self.table)
        self.form = self.create_form()
        self.form.lang = self.ctx.lang
        self.form.save_requested.connect(self.save_current)
        self.form.cancel_requested.connect(self.cancel_edit)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(380)
        self.form_scroll = scroll
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([880, 520])
        outer.addWidget(split, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts of the shared parts (subclasses extend this and call super)."""
        self.heading.setText(self.title())
        self.search.setPlaceholderText(self.tr("Tìm (không cần dấu)… Ctrl+F"))
        self._fit_search()
        self.new_button.setText(self.tr("Thêm mới (Ctrl+N)"))
        self.delete_button.setText(self.tr("Xóa (Delete)"))
        if self.audit_table():
            self.history_button.setText(self.tr("Lịch sử…"))
            self.history_button.setToolTip(self.tr("Ai đã thêm, sửa bản ghi đang chọn, lúc nào, giá trị cũ và mới."))
            self.history_action.setText(self.tr("Lịch sử thay đổi…"))
        if self.import_kind:
            self.import_button.setText(self.tr("Nhập từ tệp…"))
            self.template_button.setText(self.tr("Tải tệp mẫu…"))
        self.form.retranslate_buttons()
        if self.form.heading.text():  # already showing a record or an empty form: say it again
            shown = getattr(self, "_shown", None)
            if self.current_id is not None and shown is not None:
                self.form.heading.setText(self.tr("Sửa: {name}").format(name=self.describe(shown)))
            else:
                self.form.heading.setText(self.tr("Thêm mới"))
        if hasattr(self, "model"):
            self.model.set_columns(self.columns())
            self._update_count()

    def _fit_search(self) -> None:
        """The search box is at least as wide as its hint, so the hint is never cut (any language, any font)."""
        hint = self.search.fontMetrics().horizontalAdvance(self.search.placeholderText())
        self.search.setMinimumWidth(max(SEARCH_MIN_WIDTH, hint + SEARCH_HINT_MARGIN))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the user chose another font size
            self._fit_search()
        super().changeEvent(event)

    def _fit_columns(self, max_width: int = 320) -> None:
        """Size columns to the first page's contents (capped, so one long text cannot push others out)."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for i in range(header.count()):
            header.resizeSection(i, min(header.sectionSize(i) + 12, max_width))

    def _update_count(self, *_args: object) -> None:
        self.count_label.setText(self.tr("{n} bản ghi").format(n=f"{self.model.total():,}".replace(",", ".")))

    # --- data flow ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-run the query (search text or a filter changed, or data changed elsewhere)."""
        if not hasattr(self, "model"):
            return  # a filter widget fired while the page was still being built
        keep = self.current_id
        self.model.set_source(self.make_source())
        if keep is not None:
            row = self.model.row_of_id(keep)
            if row >= 0:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _on_data_changed(self, kind: str) -> None:
        if kind in ("*", self.kind) or kind in self.depends_on():
            self.reload_choices()
            self.refresh()

    def reload_choices(self) -> None:
        """Refill pickers (units, procedures...) after related data changed."""

    def _on_current_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        if not current.isValid():
            return
        record_id = current.data(ID_ROLE)
        if record_id is None or record_id == self.current_id:
            return
        self.current_id = record_id
        try:
            data = self.ctx.read(lambda s: self.load_record(s, record_id))
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return
        self.form.clear_problems()
        self.show_record(data)

    def show_record(self, data: Any) -> None:
        """Put a stored record into the form (subclasses: form.set_data)."""
        self.form.set_data(data)  # type: ignore[attr-defined]
        show_text_starts(self.form)
        self._shown = data  # kept so a language switch can name it again
        self.form.heading.setText(self.tr("Sửa: {name}").format(name=self.describe(data)))

    def new_record(self) -> None:
        """Empty form ready for typing (Ctrl+N)."""
        self.current_id = None
        self.table.clearSelection()
        self.table.selectionModel().clearCurrentIndex()
        self.form.clear_problems()
        self.form.new_record()  # type: ignore[attr-defined]
        self.form.heading.setText(self.tr("Thêm mới"))
        self.form.focus_first()  # type: ignore[attr-defined]

    def save_current(self) -> bool:
        """Validate and store the form (Enter / Ctrl+S); on a new record, the form is ready for the next."""
        try:
            data = self.form.get_data()  # type: ignore[attr-defined]
        except FormInputError as exc:
            self.form.show_problems(exc.problems)
            return False
        was_new = self.current_id is None
        try:
            with self.ctx.session() as s:
                saved_id = self.save_record(s, data, self.current_id)
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            self.status_message.emit(self.tr("Chưa lưu: hãy sửa các ô được đánh dấu đỏ."))
            return False
        except (PeriodLocked, PermissionDenied) as exc:  # said under the form, where the clerk is looking
            self.form.show_problems([Problem("", exc.vi, exc.en)])
            # the message sits under the last field: scroll it into view once the form is laid out again
            QTimer.singleShot(0, lambda: self.form_scroll.ensureWidgetVisible(self.form.general_error))
            self.status_message.emit(self.tr("Chưa lưu: xem thông báo màu đỏ dưới biểu mẫu."))
            return False
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return False
        self.form.clear_problems()
        self.status_message.emit(self.tr("Đã lưu {name}.").format(name=self.describe(data)))
        self.ctx.notify(self.kind)
        if was_new:
            self.new_record()
        else:
            self.current_id = saved_id
        return True

    def cancel_edit(self) -> None:
        """Esc: drop unsaved changes (back to the stored record, or an empty form)."""
        if self.current_id is None:
            self.new_record()
            return
        record_id = self.current_id
        data = self.ctx.read(lambda s: self.load_record(s, record_id))
        self.form.clear_problems()
        self.show_record(data)

    def delete_current(self) -> None:
        """Delete the selected record after confirmation; Ctrl+Z brings it back."""
        if self.current_id is None:
            self.status_message.emit(self.tr("Chưa chọn bản ghi để xóa."))
            return
        record_id = self.current_id
        data = self.ctx.read(lambda s: self.load_record(s, record_id))
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Xác nhận xóa"))
        box.setText(self.tr("Xóa {name}?").format(name=self.describe(data)))
        box.setInformativeText(self.tr("Có thể hoàn tác ngay sau khi xóa bằng Ctrl+Z."))
        yes = box.addButton(self.tr("Xóa"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Không xóa"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not yes:
            return
        try:
            with self.ctx.session() as s:
                deleted = self.delete_record(s, record_id)
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return
        self._undo.append((record_id, deleted))
        self.status_message.emit(self.tr("Đã xóa {name}. Nhấn Ctrl+Z để hoàn tác.").format(name=self.describe(data)))
        self.current_id = None
        self.ctx.notify(self.kind)
        self.new_record()
        self.table.setFocus()  # so Ctrl+Z undoes the deletion, not typing in a form field

    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo_delete(self) -> None:
        """Ctrl+Z: put back the most recently deleted record, with its id (storage checks who may, and locks)."""
        if not self._undo:
            self.status_message.emit(self.tr("Không có thao tác xóa nào để hoàn tác."))
            return
        record_id, data = self._undo[-1]
        table, key = self.undo_target(record_id, data)
        try:
            with self.ctx.session() as s:
                undo_delete(s, table, key)
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return
        self._undo.pop()
        self.restored(data)
        self.status_message.emit(self.tr("Đã khôi phục {name}.").format(name=self.describe(data)))
        self.ctx.notify(self.kind)
        self.current_id = None
        self.refresh()
        row = self.model.row_of_id(record_id)
        if row >= 0:
            self.table.selectRow(row)

    # --- history -----------------------------------------------------------------------------
    def audit_table(self) -> str:
        """The table whose audit entries are this screen's records ("" : no history button)."""
        return AUDIT_TABLES.get(self.kind, "")

    def show_history(self) -> None:
        """Lịch sử…: every change of the selected record, old → new, with who and when."""
        from gui.audit.history_dialog import RecordHistoryDialog

        if self.current_id is None:
            self.status_message.emit(self.tr("Chưa chọn bản ghi để xem lịch sử."))
            return
        record_id = self.current_id
        shown = getattr(self, "_shown", None)  # the record in the form (set by show_record)
        name = self.describe(shown) if shown is not None else ""
        self.history_dialog = RecordHistoryDialog(self.ctx, self.audit_table(), record_id, name, self)
        self.history_dialog.finished.connect(self.history_dialog.deleteLater)
        self.history_dialog.open()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- files -------------------------------------------------------------------------------
    def import_file(self) -> None:
        from gui.import_flow import import_with_preview

        assert self.import_kind is not None
        import_with_preview(self, self.ctx, self.import_kind)

    def save_template(self) -> None:
        from gui.import_flow import save_template

        assert self.import_kind is not None
        save_template(self, self.ctx, self.import_kind)
