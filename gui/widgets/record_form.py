"""The entry form shared by every register: labelled rows, messages next to fields, Enter saves, Esc cancels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.heading import SECTION_HEADING, make_heading
from storage.errors import Problem

ERROR_STYLE = "color: #b00020;"
INVALID_PROPERTY = "invalid"


class FormInputError(Exception):
    """Raised by ``RecordForm.get_data`` when a field cannot even be read (nothing is saved)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(p.vi for p in problems))
        self.problems = list(problems)


class RecordForm(QWidget):
    """Base of entry forms. Subclasses add rows with ``add_row`` and implement the data methods.

    ``save_requested`` fires on Enter or the Save button; ``cancel_requested`` on Esc or Cancel.
    """

    save_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "vi"
        self._rows: dict[str, tuple[QLabel, QWidget, QLabel]] = {}
        outer = QVBoxLayout(self)
        self.heading = make_heading(QLabel(), SECTION_HEADING)
        outer.addWidget(self.heading)
        self.layout_form = QFormLayout()
        self.layout_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(self.layout_form)
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        outer.addWidget(self.general_error)
        buttons = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        outer.addStretch(1)
        self.save_button.clicked.connect(self.save_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.retranslate_buttons()

    def retranslate_buttons(self) -> None:
        self.save_button.setText(self.tr("Lưu (Enter)"))
        self.cancel_button.setText(self.tr("Hủy (Esc)"))

    # --- building --------------------------------------------------------------------------
    def add_row(self, name: str, label: str, widget: QWidget) -> QWidget:
        """A labelled field named like the storage Problem.field it maps to; its error shows below it."""
        caption = QLabel(label)
        caption.setBuddy(widget)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        lay.addWidget(error)
        self.layout_form.addRow(caption, box)
        self._rows[name] = (caption, widget, error)
        return widget

    def set_label(self, name: str, text: str) -> None:
        self._rows[name][0].setText(text)

    def widget(self, name: str) -> QWidget:
        return self._rows[name][1]

    # --- problems --------------------------------------------------------------------------
    def clear_problems(self) -> None:
        for _caption, widget, error in self._rows.values():
            error.hide()
            error.clear()
            widget.setProperty(INVALID_PROPERTY, False)
            widget.setStyleSheet("")
        self.general_error.hide()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Each message next to its field (unknown fields in a general line); focus the first bad field."""
        self.clear_problems()
        general: list[str] = []
        first: QWidget | None = None
        for p in problems:
            row = self._rows.get(p.field)
            text = p.text(self.lang)
            if row is None:
                general.append(text)
                continue
            _caption, widget, error = row
            error.setText((error.text() + "\n" if error.text() else "") + text)
            error.show()
            widget.setStyleSheet("border: 1px solid #b00020;")
            first = first or widget
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        if first is not None:
            first.setFocus()

    def problem_texts(self) -> list[str]:
        """Messages currently shown (for tests and accessibility)."""
        out = [e.text() for _c, _w, e in self._rows.values() if e.isVisible() or e.text()]
        if self.general_error.text():
            out.append(self.general_error.text())
        return [t for t in out if t]

    # --- keyboard --------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter saves, except in multi-line text where it starts a new line; Ctrl+Enter saves everywhere.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
            or not isinstance(self.focusWidget(), QPlainTextEdit)
        ):
            self.save_requested.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
            return
        super().keyPressEvent(event)
