"""The report's PDF shown inside the application (QtPdf), with page navigation and zoom.

The PDF is written by the page into a private temporary folder (``new_pdf_path``); each new
preview replaces the previous file, which is closed first (Windows keeps open files locked).
QPdfView renders pages asynchronously: what it shows appears a moment after ``show_pdf``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

_ZOOM_STEP = 1.25


class ReportPreview(QWidget):
    """A PDF view with "page x of N", previous/next, zoom in/out and fit to width."""

    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tmp = tempfile.TemporaryDirectory(prefix="commune-desk-preview-", ignore_cleanup_errors=True)
        self._serial = 0
        self.path: Path | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(8)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.page_label = QLabel()
        self.page = QSpinBox()
        self.page.setRange(1, 1)
        self.page_label.setBuddy(self.page)
        self.count_label = QLabel()
        self.prev_button, self.next_button = QToolButton(), QToolButton()
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.zoom_out, self.zoom_in, self.fit_width = QToolButton(), QToolButton(), QToolButton()
        self.zoom_out.setText("−")
        self.zoom_in.setText("+")
        bar.addWidget(self.refresh_button)
        bar.addSpacing(12)
        for w in (self.page_label, self.page, self.count_label, self.prev_button, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.zoom_out, self.zoom_in, self.fit_width):
            bar.addWidget(w)

        self.stale = QLabel()
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet("background: #fff8e1; border: 1px solid #ffe082; padding: 4px;")
        self.stale.hide()
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #555; font-size: 110%;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(bar)
        outer.addWidget(self.stale)
        outer.addWidget(self.stack, 1)

        nav = self.view.pageNavigator()
        nav.currentPageChanged.connect(self._on_page_changed)
        self.page.valueChanged.connect(lambda n: self.go_to(n - 1))
        self.prev_button.clicked.connect(lambda: self.go_to(nav.currentPage() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(nav.currentPage() + 1))
        self.zoom_in.clicked.connect(lambda: self._zoom(_ZOOM_STEP))
        self.zoom_out.clicked.connect(lambda: self._zoom(1 / _ZOOM_STEP))
        self.fit_width.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self._update_controls()
        self.retranslate()

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Cập nhật bản xem trước"))
        self.page_label.setText(self.tr("Trang"))
        self.prev_button.setToolTip(self.tr("Trang trước"))
        self.next_button.setToolTip(self.tr("Trang sau"))
        self.zoom_in.setToolTip(self.tr("Phóng to"))
        self.zoom_out.setToolTip(self.tr("Thu nhỏ"))
        self.fit_width.setText(self.tr("Vừa chiều rộng"))
        self.stale.setText(
            self.tr("Nội dung hoặc kỳ báo cáo đã thay đổi sau lần xem trước: bấm «Cập nhật bản xem trước».")
        )
        self.empty.setText(self.tr("Bấm «Xem trước» để dựng bản PDF của báo cáo và xem ở đây."))
        self._update_controls()

    # --- the document ------------------------------------------------------------------------
    def new_pdf_path(self) -> Path:
        """A fresh file name in the preview folder (never the one on screen, which may be locked)."""
        self._serial += 1
        return Path(self._tmp.name) / f"preview-{self._serial}.pdf"

    def show_pdf(self, path: Path) -> None:
        """Show ``path`` from its first page, fitted to the width; the previous preview file is removed."""
        old = self.path
        self.document.close()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            raise OSError(f"QPdfDocument could not open {path}: {error.name}")
        self.path = path
        if old is not None and old != path:
            old.unlink(missing_ok=True)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.stack.setCurrentWidget(self.view)
        self.stale.hide()
        self._update_controls()
        self.go_to(0)

    def page_count(self) -> int:
        return self.document.pageCount() if self.path is not None else 0

    def set_stale(self, stale: bool) -> None:
        """Say that the preview no longer matches the texts or the period (only once one is shown)."""
        self.stale.setVisible(stale and self.path is not None)

    def is_stale(self) -> bool:
        return self.stale.isVisibleTo(self)

    # --- navigation --------------------------------------------------------------------------
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, index: int) -> None:
        if 0 <= index < self.page_count():
            self.view.pageNavigator().jump(index, QPointF(), self.view.zoomFactor())

    def _zoom(self, step: float) -> None:
        factor = self.view.zoomFactor()
        if self.view.zoomMode() is not QPdfView.ZoomMode.Custom and self.page_count():
            # fit-to-width leaves zoomFactor alone: start from the scale the current page is shown at,
            # computed as QPdfView does (its width in points at the screen's logical DPI fills the viewport)
            screen = QGuiApplication.primaryScreen()
            points = self.document.pagePointSize(self.current_page()).width()
            margins = self.view.documentMargins()
            available = self.view.viewport().width() - margins.left() - margins.right()
            factor = available / max(points * screen.logicalDotsPerInch() / 72, 1)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(factor * step, 0.25), 4.0))

    def _on_page_changed(self, _page: int) -> None:
        self._update_controls()

    def _update_controls(self) -> None:
        count = self.page_count()
        current = self.current_page() if count else 0
        self.page.blockSignals(True)
        self.page.setRange(1, max(count, 1))
        self.page.setValue(current + 1)
        self.page.blockSignals(False)
        self.count_label.setText(self.tr("/ {n}").format(n=count))
        for w in (self.page, self.zoom_in, self.zoom_out, self.fit_width):
            w.setEnabled(count > 0)
        self.prev_button.setEnabled(count > 0 and current > 0)
        self.next_button.setEnabled(count > 0 and current < count - 1)
        self.refresh_button.setEnabled(True)
