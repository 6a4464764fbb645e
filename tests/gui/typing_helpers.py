"""Typing Vietnamese in tests: qtbot.keyClicks aborts on non-ASCII text (TECH-NOTES), so commit it the
way Vietnamese input methods (Unikey, IBus) do, with a QInputMethodEvent."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as an input method would commit it (works for any Unicode)."""
    widget.setFocus()
    target = widget.focusProxy() or widget
    if hasattr(widget, "lineEdit") and widget.lineEdit() is not None:  # combo boxes, spin boxes
        target = widget.lineEdit()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(target, event)


def press(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key press and release delivered to ``widget``."""
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))
