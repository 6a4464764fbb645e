"""Key-figure cards of the dashboard: a short title, the number in large type, one line of detail."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from gui.widgets.heading import scale_font

ALERT_COLOR = "#c62828"
PENDING_COLOR = "#9aa3ad"  # a figure being recomputed: still readable, visibly not final
_CARD_STYLE = """
QFrame#figureCard { background: palette(base); border: 1px solid #c5ccd6; border-radius: 6px; }
QFrame#figureCard[alert="true"] { background: #fdecea; border: 2px solid #c62828; }
QFrame#figureCard:focus { border: 2px solid #1565c0; }
"""


class FigureCard(QFrame):
    """One key figure; a clickable card also answers Enter and Space, so it works from the keyboard."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None, *, clickable: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setStyleSheet(_CARD_STYLE)
        self.setProperty("alert", False)
        self.clickable = clickable
        self._pending = False
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("color: #4a5563; font-weight: bold;")
        self.value = QLabel("—")
        scale_font(self.value, 1.9)  # the figure is what the card is for; it follows the font-size setting
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #4a5563;")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(4)
        lay.addWidget(self.title)
        lay.addWidget(self.value)
        lay.addWidget(self.detail, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(140)  # five in a row still fit a 1024-pixel screen
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_title(self, text: str) -> None:
        self.title.setText(text)
        self._update_accessible()

    def set_figure(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self._update_accessible()

    def set_alert(self, alert: bool) -> None:
        """Red frame and number: something needs attention (e.g. overdue dossiers)."""
        self.setProperty("alert", alert)
        self._colour_value()
        self.style().unpolish(self)
        self.style().polish(self)

    def is_alert(self) -> bool:
        return bool(self.property("alert"))

    def set_pending(self, pending: bool) -> None:
        """Grey number while a new figure is being computed (the old one stays until then)."""
        self._pending = pending
        self._colour_value()

    def is_pending(self) -> bool:
        return self._pending

    def _colour_value(self) -> None:
        if self._pending:
            self.value.setStyleSheet(f"color: {PENDING_COLOR};")
        elif self.is_alert():
            self.value.setStyleSheet(f"color: {ALERT_COLOR};")
        else:
            self.value.setStyleSheet("")

    def _update_accessible(self) -> None:
        self.setAccessibleName(f"{self.title.text()}: {self.value.text()}")
        self.setAccessibleDescription(self.detail.text())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (
            self.clickable
            and event.button() == Qt.MouseButton.LeftButton
            and self.rect().contains(event.position().toPoint())
        ):
            self.clicked.emit()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.clickable and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
