"""Printing a PDF's pages on a QPrinter: each page rendered by QtPdf to an image and painted on the printer.

Painting images works with every printer driver on every platform (no PDF support needed in the
driver). QPainter may paint on a QPrinter outside the GUI thread (Qt's thread-safety notes), so this
runs in gui/tasks.py's worker with a progress dialog. Pages keep their own orientation: a landscape
table page turns the paper when the driver allows it, and is otherwise turned on the portrait sheet.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPageLayout, QPainter, QTransform
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from storage.errors import UserError

#: Rendering resolution cap: 300 dpi prints text cleanly; 1200 dpi (QPrinter's HighResolution) would
#: need ~550 MB for one A4 image.
MAX_DPI = 300


def print_pdf(
    pdf: Path,
    printer: QPrinter,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Print the pages of ``pdf`` chosen in ``printer`` (all, or its from–to range); returns pages printed."""
    doc = QPdfDocument(None)
    try:
        if doc.load(str(pdf)) != QPdfDocument.Error.None_:
            raise UserError(f"Không mở được tệp PDF {pdf.name} để in.", f"Cannot open the PDF {pdf.name} to print.")
        count = doc.pageCount()
        first, last = 0, count - 1
        if printer.printRange() is QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage() - 1, min(printer.toPage() or count, count) - 1
        pages = list(range(first, last + 1))
        if not pages:
            return 0
        printer.setFullPage(True)  # the PDF carries the document's own margins
        painter = QPainter()
        printed = 0
        try:
            for n, index in enumerate(pages):
                if cancelled is not None and cancelled():
                    printer.abort()
                    break
                size = doc.pagePointSize(index)
                landscape = size.width() > size.height()
                printer.setPageOrientation(
                    QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
                )
                if n == 0:
                    if not painter.begin(printer):
                        raise UserError(
                            "Không mở được máy in. Hãy kiểm tra máy in đã bật và đã cài đặt.",
                            "Cannot start printing. Check that the printer is on and installed.",
                        )
                elif not printer.newPage():
                    raise UserError("Máy in dừng giữa chừng.", "The printer stopped part-way.")
                _paint_page(painter, printer, doc, index, landscape)
                printed += 1
                if progress is not None:
                    progress(printed, len(pages))
        finally:
            if painter.isActive():
                painter.end()
        return printed
    finally:
        doc.close()


def _paint_page(painter: QPainter, printer: QPrinter, doc: QPdfDocument, index: int, landscape: bool) -> None:
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    dpi = min(printer.resolution(), MAX_DPI)
    points = doc.pagePointSize(index)
    image = doc.render(index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
    if (paper.width() > paper.height()) != landscape:  # the driver kept the paper's orientation
        image = image.transformed(QTransform().rotate(90))
    scale = min(paper.width() / image.width(), paper.height() / image.height())
    painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale), image)
