"""Supplement requests (yêu cầu bổ sung) of one dossier: add, edit and remove rows with the keyboard.

Each request stops the processing clock from the day it was sent until the citizen completed the
dossier, so the form recomputes the due date whenever a row changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gui.widgets.inputs import DateEdit
from storage.dossiers import SupplementData


class KeyButton(QPushButton):
    """A push button that Enter presses too: in a form, Enter on a focused button means that button, not Save."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.click()
            return
        super().keyPressEvent(event)


class SupplementRow(QFrame):
    """One request: the day it was sent, the day the citizen completed it (blank while waiting), why."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, data: SupplementData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        self.requested_label, self.completed_label = QLabel(), QLabel()
        self.requested = DateEdit()
        self.completed = DateEdit(optional=True)
        self.reason = QLineEdit()
        self.remove_button = KeyButton()
        self.requested_label.setBuddy(self.requested)
        self.completed_label.setBuddy(self.completed)
        # Three short lines, so the row fits the form panel beside the table.
        grid.addWidget(self.requested_label, 0, 0)
        grid.addWidget(self.requested, 0, 1)
        grid.addWidget(self.remove_button, 0, 2)
        grid.addWidget(self.completed_label, 1, 0)
        grid.addWidget(self.completed, 1, 1)
        grid.addWidget(self.reason, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self.requested.set_value(data.requested)
        self.completed.set_value(data.completed)
        self.reason.setText(data.reason)
        self.requested.dateChanged.connect(lambda _d: self.changed.emit())
        self.completed.dateChanged.connect(lambda _d: self.changed.emit())
        self.reason.textEdited.connect(lambda _t: self.changed.emit())
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.retranslate()

    def retranslate(self) -> None:
        self.requested_label.setText(self.tr("Ngày yêu cầu"))
        self.completed_label.setText(self.tr("Bổ sung xong"))
        self.completed.setToolTip(self.tr("Để trống khi công dân chưa bổ sung (đang chờ)."))
        self.reason.setPlaceholderText(self.tr("Giấy tờ cần bổ sung, lý do…"))
        self.remove_button.setText(self.tr("Bỏ"))
        self.remove_button.setToolTip(self.tr("Bỏ yêu cầu bổ sung này"))

    def value(self) -> SupplementData:
        requested = self.requested.value()
        assert requested is not None  # not optional
        return SupplementData(requested, self.completed.value(), self.reason.text().strip())

    def focus_chain(self) -> list[QWidget]:
        return [self.requested, self.completed, self.reason, self.remove_button]


class SupplementsEditor(QWidget):
    """The list of a dossier's supplement requests with an "add" button below it."""

    changed = Signal()
    rows_changed = Signal()  # a row was added or removed: the form's Tab order must include it

    def __init__(self, default_date: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default_date = default_date
        self._rows: list[SupplementRow] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self._box = QVBoxLayout()
        self._box.setSpacing(4)
        outer.addLayout(self._box)
        self.empty_label = QLabel()
        self.empty_label.setStyleSheet("color: palette(mid);")
        outer.addWidget(self.empty_label)
        self.add_button = KeyButton()
        self.add_button.clicked.connect(self._add_clicked)
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("+ Thêm yêu cầu bổ sung"))
        self.empty_label.setText(self.tr("Không có yêu cầu bổ sung."))
        for row in self._rows:
            row.retranslate()

    def rows(self) -> list[SupplementRow]:
        return list(self._rows)

    def value(self) -> tuple[SupplementData, ...]:
        return tuple(row.value() for row in self._rows)

    def set_value(self, supplements: tuple[SupplementData, ...]) -> None:
        """Show a stored dossier's requests (replacing the rows on screen)."""
        for row in self._rows:
            self._drop(row)
        self._rows = []
        for s in supplements:
            self._append(s)
        self._update_empty()
        self.rows_changed.emit()
        self.changed.emit()

    def add_row(self, data: SupplementData | None = None) -> SupplementRow:
        """A new request (dated by default like the dossier's receipt), focused for typing."""
        row = self._append(data or SupplementData(self._default_date()))
        self._update_empty()
        self.rows_changed.emit()
        self.changed.emit()
        row.requested.setFocus(Qt.FocusReason.TabFocusReason)
        return row

    def remove_row(self, row: SupplementRow) -> None:
        index = self._rows.index(row)
        self._rows.remove(row)
        self._drop(row)
        self._update_empty()
        self.rows_changed.emit()
        self.changed.emit()
        target = self._rows[min(index, len(self._rows) - 1)].requested if self._rows else self.add_button
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def focus_chain(self) -> list[QWidget]:
        """The editor's widgets in Tab order."""
        return [w for row in self._rows for w in row.focus_chain()] + [self.add_button]

    def _append(self, data: SupplementData) -> SupplementRow:
        row = SupplementRow(data, self)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self.remove_row)
        self._rows.append(row)
        self._box.addWidget(row)
        row.show()  # now, not at the next event loop pass: Tab must reach it at once
        return row

    def _drop(self, row: SupplementRow) -> None:
        self._box.removeWidget(row)
        row.hide()  # at once: deleteLater waits for the event loop, and the old row would still show
        row.deleteLater()

    def _add_clicked(self) -> None:
        self.add_row()

    def _update_empty(self) -> None:
        self.empty_label.setVisible(not self._rows)
