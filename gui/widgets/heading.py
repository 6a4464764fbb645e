"""Headings that stay larger than the text around them, whatever font size the user chose.

Qt style sheets ignore ``font-size: 140%`` (only pt and px sizes are understood), so a heading
styled that way is merely bold. A heading here gets a real QFont scaled from the application
font, and is scaled again when the application font changes (Settings → font size).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

PAGE_HEADING = 1.4  # a screen's title
SECTION_HEADING = 1.2  # a form's or a group's title


class _ScaledFont(QObject):
    """Keeps its parent widget's font ``scale`` times the application font (child of the widget: dies with it)."""

    def __init__(self, widget: QWidget, scale: float, bold: bool) -> None:
        super().__init__(widget)
        self._widget, self._scale, self._bold = widget, scale, bold
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.fontChanged.connect(self.apply)
        self.apply(QGuiApplication.font())

    def rescale(self, scale: float, bold: bool) -> None:
        self._scale, self._bold = scale, bold
        self.apply(QGuiApplication.font())

    def apply(self, base: QFont) -> None:
        font = QFont(base)
        if base.pointSizeF() > 0:
            font.setPointSizeF(base.pointSizeF() * self._scale)
        else:  # a font sized in pixels
            font.setPixelSize(round(base.pixelSize() * self._scale))
        font.setBold(self._bold)
        self._widget.setFont(font)


def scale_font(widget: QWidget, scale: float, *, bold: bool = True) -> QWidget:
    """Give ``widget`` a font ``scale`` times the application font, now and after every font-size change."""
    existing = widget.findChild(_ScaledFont)
    if existing is None:
        _ScaledFont(widget, scale, bold)
    else:  # scaled twice: the last call wins
        existing.rescale(scale, bold)
    return widget


def make_heading(label: QLabel, scale: float = PAGE_HEADING) -> QLabel:
    """Make ``label`` a bold heading ``scale`` times the application font (1.4: page, 1.2: section)."""
    scale_font(label, scale)
    return label
