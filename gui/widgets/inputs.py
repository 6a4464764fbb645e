"""Input widgets tuned for Vietnamese offices: dd/MM/yyyy dates, enum combos with labels, forgiving pickers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QSortFilterProxyModel, Qt, QTime, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from storage.textsearch import fold

EMPTY_DATE = QDate(1900, 1, 1)  # shown blank: the "no date" value of optional date fields
FOLD_ROLE = Qt.ItemDataRole.UserRole + 10
VALUE_ROLE = Qt.ItemDataRole.UserRole + 11


_SEPARATORS = frozenset("/.-: ")


class TypedDateMixin:
    """Dates typed the way clerks type them, with the keyboard only.

    "15/07/2025", "1/5/2025" and "15072025" all work: Qt moves to the next section once a number
    is complete, so a separator typed right after that is swallowed instead of skipping a section;
    after a short number ("1/") the separator selects the next section to type over. A digit typed
    into a blank optional date starts from today's date. Tab leaves the field (Qt would walk its
    sections, and gets stuck on a blank optional date) so Tab order follows the form.
    """

    _advanced = False

    def _start_from_blank(self) -> None:
        """Hook for optional dates: give a blank field a date to type over."""

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        text = event.text()
        if text and text in _SEPARATORS:
            if not self._advanced:  # "1/5": the separator ends a short number; select the next section
                index = self.currentSectionIndex()  # type: ignore[attr-defined]
                if index + 1 < self.sectionCount():  # type: ignore[attr-defined]
                    self.setCurrentSectionIndex(index + 1)  # type: ignore[attr-defined]
                    self.setSelectedSection(self.currentSection())  # type: ignore[attr-defined]
            self._advanced = False
            return
        if text.isdigit():
            self._start_from_blank()
            before = self.currentSectionIndex()  # type: ignore[attr-defined]
            super().keyPressEvent(event)  # type: ignore[misc]
            self._advanced = self.currentSectionIndex() != before  # type: ignore[attr-defined]
            return
        self._advanced = False
        super().keyPressEvent(event)  # type: ignore[misc]

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)  # type: ignore[arg-type]

    def focusInEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._advanced = False
        super().focusInEvent(event)  # type: ignore[misc]


class DateEdit(TypedDateMixin, QDateEdit):
    """A dd/MM/yyyy date with a calendar popup; optional ones show blank until filled."""

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        if optional:
            self.setMinimumDate(EMPTY_DATE)
            self.setSpecialValueText(" ")
        else:
            self.setMinimumDate(QDate(2000, 1, 1))
        self.setMaximumDate(QDate(2100, 12, 31))
        self.set_value(None if optional else date.today())

    def value(self) -> date | None:
        d = self.date()
        if self.optional and d == EMPTY_DATE:
            return None
        return date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(EMPTY_DATE if self.optional else QDate.currentDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))

    def _start_from_blank(self) -> None:
        if self.optional and self.date() == EMPTY_DATE:
            self.setDate(QDate.currentDate())
            self.setSelectedSection(QDateEdit.Section.DaySection)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Delete/Backspace on a fully selected optional date clears it, as users expect.
        if (
            self.optional
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and (self.lineEdit().selectedText() == self.lineEdit().text())
        ):
            self.set_value(None)
            return
        super().keyPressEvent(event)


class DateTimeEdit(TypedDateMixin, QDateTimeEdit):
    """A dd/MM/yyyy HH:mm date-time (receipt time matters for the 15:00 rule)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.setCalendarPopup(True)
        self.setMinimumDate(QDate(2000, 1, 1))
        self.set_value(datetime.now().replace(second=0, microsecond=0))

    def value(self) -> datetime:
        dt = self.dateTime()
        d, t = dt.date(), dt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def set_value(self, value: datetime) -> None:
        self.setDateTime(QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute)))


class EnumCombo(QComboBox):
    """Choose one member of a labelled enum (storage.vocab); optional combos start with a blank entry."""

    def __init__(
        self,
        enum: type[Enum],
        lang: str = "vi",
        parent: QWidget | None = None,
        *,
        optional: bool = False,
        blank_label: str = "",
    ) -> None:
        super().__init__(parent)
        self._enum, self._optional, self.blank_label = enum, optional, blank_label
        self.fill(lang)

    def fill(self, lang: str) -> None:
        """(Re)fill the labels, e.g. after a language switch, keeping the selection."""
        current = self.value() if self.count() else None
        self.blockSignals(True)
        self.clear()
        if self._optional:
            self.addItem(self.blank_label, None)
        for member in self._enum:
            self.addItem(member.label(lang), member)  # type: ignore[attr-defined]
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> Any:
        # Qt hands item data back as a plain str; give the enum member so storage's isinstance checks pass.
        data = self.currentData()
        return None if data is None else self._enum(data)

    def set_value(self, value: Any) -> None:
        idx = self.findData(value)
        self.setCurrentIndex(idx if idx >= 0 else 0)


class CountSpin(QSpinBox):
    """A whole, non-negative count."""

    def __init__(self, parent: QWidget | None = None, maximum: int = 100_000) -> None:
        super().__init__(parent)
        self.setRange(0, maximum)
        self.setGroupSeparatorShown(True)


class _FoldedFilter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9 replaces invalidateFilter()
            self.beginFilterChange()
            self._words = fold(text).split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = fold(text).split()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:  # type: ignore[no-untyped-def]
        folded = self.sourceModel().index(row, 0, parent).data(FOLD_ROLE) or ""
        return all(w in folded for w in self._words)


class PickerCombo(QComboBox):
    """An editable combo whose completer matches any words, ignoring diacritics ("ho tich" → "Hộ tịch").

    Items carry a value (usually a record id); ``value()`` is None until a listed item is chosen.
    """

    value_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, free_text: bool = False) -> None:
        super().__init__(parent)
        self.free_text = free_text
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._filter = _FoldedFilter()
        self._filter.setSourceModel(self._model)
        completer = QCompleter(self._filter, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.lineEdit().textEdited.connect(self._on_edited)
        completer.activated[str].connect(self._on_completed)  # type: ignore[index]
        self.currentIndexChanged.connect(lambda _i: self.value_changed.emit(self.value()))
        self._default_placeholder = self.tr("Gõ vài chữ, không cần dấu…")
        self.lineEdit().setPlaceholderText(self._default_placeholder)

    def changeEvent(self, event: QEvent) -> None:
        # Screens retranslate their own placeholders first (parents get the event before children):
        # only the default one, if still shown, is ours to update.
        if (
            event.type() == QEvent.Type.LanguageChange
            and self.lineEdit().placeholderText() == self._default_placeholder
        ):
            self._default_placeholder = self.tr("Gõ vài chữ, không cần dấu…")
            self.lineEdit().setPlaceholderText(self._default_placeholder)
        super().changeEvent(event)

    def set_items(self, items: Iterable[tuple[str, Any]]) -> None:
        """(label, value) pairs, keeping the current value when still present."""
        current = self.value()
        self.blockSignals(True)
        self._model.clear()
        for label, value in items:
            item = QStandardItem(label)
            item.setData(fold(label), FOLD_ROLE)
            item.setData(value, VALUE_ROLE)
            self._model.appendRow(item)
        self.blockSignals(False)
        self.set_value(current)

    def _on_edited(self, text: str) -> None:
        self._filter.set_query(text)
        if text:
            self.completer().complete()

    def _on_completed(self, text: str) -> None:
        idx = self.findText(text)
        if idx >= 0:
            self.setCurrentIndex(idx)

    def value(self) -> Any:
        idx = self.findText(self.currentText())
        if idx < 0:
            return self.text_value() or None if self.free_text else None
        return self.itemData(idx, VALUE_ROLE)

    def text_value(self) -> str:
        return self.currentText().strip()

    def set_value(self, value: Any) -> None:
        """Select the item holding ``value`` (an "all" item may hold None); otherwise show it as text."""
        for i in range(self._model.rowCount()):
            if self._model.item(i).data(VALUE_ROLE) == value:
                self.setCurrentIndex(i)
                break
        else:
            self.setCurrentIndex(-1)
            self.setEditText(str(value) if self.free_text and value is not None else "")
        self.lineEdit().setCursorPosition(0)  # a long name shows its start ("Phó Chánh…"), not its end


def show_text_starts(form: QWidget) -> None:
    """Scroll every one-line text field of ``form`` back to its start after a record was loaded.

    QLineEdit.setText leaves the cursor at the end, so a long value shows its last words only.
    Date and number fields are left alone (their cursor picks the section being edited).
    """
    for edit in form.findChildren(QLineEdit):
        if not isinstance(edit.parentWidget(), QAbstractSpinBox) and not edit.hasFocus():
            edit.setCursorPosition(0)


def date_to_q(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def time_of(dt: datetime) -> time:
    return dt.time()


def labels(values: Sequence[str]) -> list[tuple[str, str]]:
    """Plain strings as (label, value) pairs for a PickerCombo with free text."""
    return [(v, v) for v in values]
