"""Nhận báo cáo: the province reads the communes' report files (a USB stick, a folder, single files).

Choosing or dropping files first runs a preview off the GUI thread: every file is verified and
classified exactly as the import would, inside a transaction that is rolled back, so the table tells
what will happen before anything is stored. One button then imports the files that are valid (each
in its own transaction) and the same table shows what happened. A file signed with another key than
the commune's trusted one stands out: it may be forged, and its key is only accepted after a phone
check. The second tab lists every file received so far.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, QItemSelection, QMimeData, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.errors import show_error
from gui.province.inbox_history import HistoryPanel
from gui.province.inbox_key import AcceptKeyDialog
from gui.province.inbox_model import InboxModel, is_key_change
from gui.tasks import Cancelled, Progress, Task, run_task
from gui.widgets.heading import SECTION_HEADING, make_heading, scale_font
from reports.exchange.province_import import (
    FileResult,
    accept_key_from_file,
    count_verdicts,
    import_files,
    preview_files,
)
from storage.errors import UserError
from storage.province.received import Verdict
from storage.signing import short_fingerprint, trusted_key

BANNER_STYLE = "#keyBanner { background: #fdecea; border: 1px solid #e57373; border-radius: 3px; }"
HINT_STYLE = "#dropHint { border: 2px dashed %s; border-radius: 6px; color: #555; background: %s; }"


class _Steps(QObject):
    """Carries (done, total, file name) from the worker thread to the page (queued signal)."""

    step = Signal(int, int, str)


def local_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders of a drag (web links and the like are ignored)."""
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


class InboxPage(QWidget):
    """Choose or drop files, see the preview, import the valid ones, and browse what was received."""

    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sources: list[Path] = []  # what the user chose or dropped (files and folders)
        self.task: Task | None = None
        self.stopped_at: tuple[int, int] | None = None  # (done, total) when a preview was cancelled
        self._last_folder = ""
        self._last_step = (0, 0)
        self._working = ""  # "preview" or "import" while a task runs
        self._steps: _Steps | None = None
        self.setAcceptDrops(True)

        self.heading = make_heading(QLabel())
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.files_button, self.folder_button = QPushButton(), QPushButton()
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        choose = QHBoxLayout()
        choose.addWidget(self.files_button)
        choose.addWidget(self.folder_button)
        choose.addStretch(1)

        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setFormat("%v/%m")
        self.progress.setMaximumWidth(260)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.progress_row = QWidget()
        prow = QHBoxLayout(self.progress_row)
        prow.setContentsMargins(0, 0, 0, 0)
        prow.addWidget(self.progress_label, 1)
        prow.addWidget(self.progress)
        prow.addWidget(self.cancel_button)
        self.progress_row.hide()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_files_tab(), "")
        self.history = HistoryPanel(ctx)
        self.tabs.addTab(self.history, "")

        outer = QVBoxLayout(self)
        outer.addWidget(self.heading)
        outer.addWidget(self.intro)
        outer.addLayout(choose)
        outer.addWidget(self.progress_row)
        outer.addWidget(self.tabs, 1)
        ctx.data_changed.connect(self._on_data_changed)
        self.retranslate()

    def _build_files_tab(self) -> QWidget:
        tab = QWidget()
        self.banner = QFrame()
        self.banner.setObjectName("keyBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32))
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setStyleSheet("color: #8e0000; font-weight: bold;")
        brow = QHBoxLayout(self.banner)
        brow.addWidget(icon)
        brow.addWidget(self.banner_text, 1)
        self.banner.hide()

        self.summary = scale_font(QLabel(), 1.1)
        self.summary.setWordWrap(True)
        self.mode_note = QLabel()
        self.mode_note.setWordWrap(True)
        self.import_button = QPushButton()
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_valid)
        srow = QHBoxLayout()
        texts = QVBoxLayout()
        texts.addWidget(self.summary)
        texts.addWidget(self.mode_note)
        srow.addLayout(texts, 1)
        srow.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignBottom)

        self.drop_hint = QLabel()
        self.drop_hint.setObjectName("dropHint")
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_hint.setWordWrap(True)
        make_heading(self.drop_hint, SECTION_HEADING)
        self._highlight_drop(False)
        self.model = InboxModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.drop_hint)
        self.stack.addWidget(self.table)

        self.detail = QLabel()
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail.setMinimumHeight(72)
        self.accept_key_button = QPushButton()
        self.accept_key_button.clicked.connect(self.accept_key)
        self.accept_key_button.hide()
        drow = QHBoxLayout()
        drow.addWidget(self.detail, 1)
        drow.addWidget(self.accept_key_button, 0, Qt.AlignmentFlag.AlignTop)

        lay = QVBoxLayout(tab)
        lay.addWidget(self.banner)
        lay.addLayout(srow)
        lay.addWidget(self.stack, 1)
        lay.addLayout(drow)
        return tab

    # --- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Nhận báo cáo"))
        self.intro.setText(
            self.tr(
                "Mở các tệp báo cáo (.cdesk) xã gửi lên: chọn tệp, chọn cả thư mục (USB), hoặc kéo thả vào đây. "
                "Phần mềm kiểm tra chữ ký và nội dung từng tệp và cho xem trước kết quả; chưa lưu gì cho đến khi "
                "bấm nút nhập."
            )
        )
        self.files_button.setText(self.tr("Chọn &tệp…"))
        self.folder_button.setText(self.tr("Chọn thư &mục (USB)…"))
        self.folder_button.setToolTip(self.tr("Mọi tệp .cdesk trong thư mục và các thư mục con đều được đọc."))
        self.cancel_button.setText(self.tr("Dừng"))
        self.tabs.setTabText(0, self.tr("Tệp đang xem"))
        self.tabs.setTabText(1, self.tr("Lịch sử đã nhận"))
        self.drop_hint.setText(self.tr("Kéo thả tệp .cdesk hoặc cả thư mục USB vào đây"))
        self.banner_text.setText(
            self.tr(
                "Có tệp ký bằng khóa khác — có thể giả mạo. Các tệp này bị từ chối; chọn dòng có dấu cảnh báo để "
                "xem chi tiết. Chỉ chấp nhận khóa mới sau khi đã gọi điện xác minh với xã."
            )
        )
        self.accept_key_button.setText(self.tr("Chấp nhận khóa mới…"))
        self.accept_key_button.setToolTip(
            self.tr("Sau khi đã gọi điện cho xã và đối chiếu mã khóa: tin khóa mới của xã và kiểm tra lại các tệp.")
        )
        self.model.retranslate(self.ctx.lang)
        self.history.retranslate()
        self._show_state()

    def _show_state(self) -> None:
        """Summary, note, button and banner for the rows on show."""
        results = self.model.results()
        counts = count_verdicts(results)
        valid = 0 if self.model.imported else sum(1 for r in results if r.verdict.will_import)
        self.import_button.setText(self.tr("&Nhập {n} tệp hợp lệ").format(n=valid))
        self.import_button.setEnabled(valid > 0 and self.task is None)
        self.import_button.setVisible(bool(results) and not self.model.imported)
        self.detail.setVisible(bool(results))
        self.banner.setVisible(any(is_key_change(r) for r in results))
        self.stack.setCurrentIndex(1 if results else 0)
        values = {
            "total": len(results),
            "new": counts[Verdict.NEW],
            "newer": counts[Verdict.NEWER],
            "dup": counts[Verdict.DUPLICATE],
            "older": counts[Verdict.OLDER],
            "rejected": counts[Verdict.REJECTED],
        }
        if self._working == "preview":
            self.summary.setText(self.tr("Đang kiểm tra các tệp…"))
            self.mode_note.setText("")
        elif not self.sources:
            self.summary.setText(self.tr("Chưa chọn tệp nào."))
            self.mode_note.setText(
                self.tr(
                    "Mỗi xã gửi một tệp .cdesk cho mỗi kỳ báo cáo. Tệp được ký số: nếu bị sửa trên đường gửi, "
                    "phần mềm sẽ phát hiện và từ chối."
                )
            )
        elif not results:
            self.summary.setText(self.tr("Không tìm thấy tệp .cdesk nào trong những gì đã chọn."))
            self.mode_note.setText("")
        elif self.model.imported:
            done = counts[Verdict.NEW] + counts[Verdict.NEWER]
            self.summary.setText(
                self.tr(
                    "Đã nhập {done} trong {total} tệp: {new} mới, {newer} thay thế; bỏ qua {dup} trùng, "
                    "{older} cũ hơn; {rejected} bị từ chối."
                ).format(done=done, **values)
            )
            self.mode_note.setText(self.tr("Bảng dưới đây cho biết đã làm gì với từng tệp."))
        else:
            self.summary.setText(
                self.tr(
                    "{total} tệp: {new} mới, {newer} thay thế, {dup} trùng, {older} cũ hơn, {rejected} bị từ chối"
                ).format(**values)
            )
            note = self.tr("Xem trước: chưa lưu gì. Bấm «Nhập» để lưu các tệp hợp lệ (màu xanh).")
            if self.stopped_at is not None:
                note = (
                    self.tr("Đã dừng: mới kiểm tra {done}/{total} tệp.").format(
                        done=self.stopped_at[0], total=self.stopped_at[1]
                    )
                    + " "
                    + note
                )
            self.mode_note.setText(note)
        self._on_selection()

    # --- choosing files ----------------------------------------------------------------------
    def _start_folder(self) -> str:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return self._last_folder or docs or QDir.homePath()

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Chọn tệp báo cáo của xã"),
            self._start_folder(),
            self.tr("Tệp báo cáo Commune Desk (*.cdesk);;Mọi tệp (*)"),
        )
        if names:
            self._last_folder = str(Path(names[0]).parent)
            self.preview([Path(n) for n in names])

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục chứa tệp báo cáo (USB)"), self._start_folder()
        )
        if name:
            self._last_folder = name
            self.preview([Path(name)])

    # --- drag and drop -----------------------------------------------------------------------
    def _highlight_drop(self, on: bool) -> None:
        self.drop_hint.setStyleSheet(HINT_STYLE % (("#1565c0", "#e3f2fd") if on else ("#9e9e9e", "#fafafa")))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.task is None and local_paths(event.mimeData()):
            event.acceptProposedAction()
            self._highlight_drop(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.task is None and local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._highlight_drop(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._highlight_drop(False)
        paths = local_paths(event.mimeData())
        if self.task is not None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.preview(paths)

    # --- preview and import ------------------------------------------------------------------
    def busy(self) -> bool:
        return self.task is not None

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _run(self, kind: str, paths: list[Path], done_fn: Callable[[list[FileResult]], None]) -> None:
        """Start the preview or the import of ``paths`` off the GUI thread, with counts on the page."""
        sessions = self.ctx.db.sessions
        if self._steps is not None:
            self._steps.deleteLater()
        steps = self._steps = _Steps(self)
        steps.step.connect(self._on_step)
        work_fn = preview_files if kind == "preview" else import_files

        def work(progress: Progress, cancelled: Cancelled) -> list[FileResult]:
            def step(done: int, total: int, name: str) -> bool:
                progress(done, total)
                steps.step.emit(done, total, name)
                return not cancelled()

            return work_fn(sessions, paths, progress=step)

        self._working, self._last_step = kind, (0, 0)
        label = self.tr("Đang kiểm tra các tệp…") if kind == "preview" else self.tr("Đang nhập các tệp báo cáo…")
        self.progress_label.setText(label)
        self.progress.setRange(0, 0)
        self.progress_row.show()
        for w in (self.files_button, self.folder_button, self.import_button, self.accept_key_button):
            w.setEnabled(False)
        # The preview writes inside a transaction it rolls back, so it takes the write lock too.
        self.task = run_task(
            self,
            label,
            work,
            lambda result: self._finish(result, done_fn),
            self._failed,
            writes=True,
            show_after_ms=None if kind == "preview" else 500,
        )

    def _on_step(self, done: int, total: int, name: str) -> None:
        self._last_step = (done, total)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))
        if not name:
            return
        if self._working == "preview":
            text = self.tr("Đang kiểm tra tệp {n}/{total}: {name}")
        else:
            text = self.tr("Đang nhập tệp {n}/{total}: {name}")
        self.progress_label.setText(text.format(n=done + 1, total=total, name=name))

    def _end_task(self) -> None:
        self.task, self._working = None, ""
        self.progress_row.hide()
        self.files_button.setEnabled(True)
        self.folder_button.setEnabled(True)

    def _finish(self, result: object, done_fn: Callable[[list[FileResult]], None]) -> None:
        self._end_task()
        assert isinstance(result, list)
        done_fn(result)

    def _failed(self, exc: BaseException) -> None:
        self._end_task()
        self._show_state()
        show_error(self, exc, self.ctx.lang)

    def preview(self, paths: list[Path]) -> None:
        """Check ``paths`` (files and folders) and show what importing them would do; nothing is stored."""
        if self.task is not None:
            return
        self.sources = [Path(p) for p in paths]
        self.stopped_at = None
        self.tabs.setCurrentIndex(0)
        self.model.set_results([], imported=False, lang=self.ctx.lang)
        self._run("preview", self.sources, self._previewed)
        self._show_state()

    def _previewed(self, results: list[FileResult]) -> None:
        total = self._last_step[1]
        self.stopped_at = (len(results), total) if total and len(results) < total else None
        self.model.set_results(results, imported=False, lang=self.ctx.lang)
        self._show_state()
        self._select_first_problem()
        self.status_message.emit(self.summary.text())

    def import_valid(self) -> None:
        """Import the previewed files: the valid ones are stored, each in its own transaction."""
        results = self.model.results()
        if self.task is not None or self.model.imported or not any(r.verdict.will_import for r in results):
            return
        self._run("import", [r.path for r in results], self._imported)

    def _imported(self, results: list[FileResult]) -> None:
        self.stopped_at = None
        self.model.set_results(results, imported=True, lang=self.ctx.lang)
        self._show_state()
        self._select_first_problem()
        if any(r.verdict.will_import for r in results):
            self.ctx.notify("province_reports")
        self.status_message.emit(self.summary.text())

    def _select_first_problem(self) -> None:
        """Put the first key warning (else the first refusal) in the detail box, so it is read."""
        results = self.model.results()
        first = next((i for i, r in enumerate(results) if is_key_change(r)), None)
        if first is None:
            first = next((i for i, r in enumerate(results) if r.verdict is Verdict.REJECTED), None)
        if first is not None:
            self.table.selectRow(first)
        else:
            self.table.clearSelection()
            self._on_selection()

    # --- the selected file -------------------------------------------------------------------
    def selected(self) -> FileResult | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.result_at(rows[0].row()) if rows else None

    def _on_selection(self, *_args: QItemSelection) -> None:
        r = self.selected()
        self.accept_key_button.setVisible(r is not None and is_key_change(r))
        self.accept_key_button.setEnabled(self.task is None)
        if r is None:
            self.detail.setText(self.tr("Chọn một dòng để xem đầy đủ lý do."))
            return
        lines = [self.tr("Tệp: {path}").format(path=r.path)]
        if r.commune_code:
            lines.append(self.tr("Xã: {commune}").format(commune=self.model.commune_text(r)))
        if r.period_spec:
            lines.append(
                self.tr("Kỳ báo cáo: {period}, lần gửi {revision}").format(
                    period=self.model.period_text(r), revision=r.revision
                )
            )
        lines.append(f"{self.model.verdict_text(r)}: {r.message(self.ctx.lang)}")
        if r.key_fingerprint:
            lines.append(self.tr("Mã khóa đã ký tệp: {fp}").format(fp=short_fingerprint(r.key_fingerprint)))
        self.detail.setText("\n".join(lines))

    def accept_key(self) -> None:
        """After a phone check: trust the commune's new key, then check the files again."""
        r = self.selected()
        if r is None or not is_key_change(r) or self.task is not None:
            return
        old = self.ctx.read(lambda s: trusted_key(s, r.commune_code))
        dialog = AcceptKeyDialog(
            self,
            self.model.commune_text(r),
            short_fingerprint(old.fingerprint) if old else "",
            short_fingerprint(r.key_fingerprint),
        )
        if dialog.exec() != AcceptKeyDialog.DialogCode.Accepted:
            return
        try:
            with self.ctx.session() as s:
                accept_key_from_file(s, r.path)
        except UserError as exc:  # e.g. the file was changed or removed since the preview
            show_error(self, exc, self.ctx.lang)
            return
        self.ctx.notify("province_communes")
        self.status_message.emit(
            self.tr("Đã chấp nhận khóa mới của {commune}; đang kiểm tra lại các tệp.").format(
                commune=self.model.commune_text(r)
            )
        )
        self.preview(self.sources)

    # --- refresh -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """F5: the history again, and the preview again when one is on show."""
        self.history.fill_filters()
        if self.sources and not self.model.imported and self.task is None:
            self.preview(self.sources)

    def _on_data_changed(self, kind: str) -> None:
        if kind in ("province_reports", "province_communes", "*"):
            self.history.fill_filters()
