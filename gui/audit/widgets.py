"""The pieces every audit screen shares: a lazily paged table of entries and the detail of one entry.

The whole log, one record's history and the recently deleted records all list ``AuditRow``s and
show the selected one field by field (old → new), so a clerk reads them the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.audit.labels import (
    changed_fields,
    changes_text,
    field_label,
    record_text,
    row_action_label,
    table_label,
    user_text,
    value_text,
    when_text,
)
from gui.widgets.heading import SECTION_HEADING, make_heading
from storage.audit import AuditRow

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[int, int], Sequence[AuditRow]]  # (offset, limit) -> entries
ROW_ROLE = Qt.ItemDataRole.UserRole + 3
BATCH = 200


class AuditModel(QAbstractTableModel):
    """Entries fetched ``BATCH`` at a time as the view scrolls (the log grows without end)."""

    def __init__(self, fetch: Fetch, lang: str = "vi", parent: Any = None, *, columns: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self.lang = lang
        self._rows: list[AuditRow] = []
        self._more = False
        self._columns = list(columns or ("at", "user", "action", "table", "record", "changes"))
        self.reload()

    def set_fetch(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = list(self._fetch(0, BATCH))
        self._more = len(self._rows) == BATCH
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt override
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt override
        if parent.isValid() or not self._more:
            return
        more = list(self._fetch(len(self._rows), BATCH))
        self._more = len(more) == BATCH
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def row_at(self, row: int) -> AuditRow:
        return self._rows[row]

    def headers(self) -> dict[str, str]:
        return {
            "at": self.tr("Thời gian"),
            "user": self.tr("Người thực hiện"),
            "action": self.tr("Thao tác"),
            "table": self.tr("Loại bản ghi"),
            "record": self.tr("Bản ghi"),
            "changes": self.tr("Thay đổi"),
        }

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[self._columns[section]]
        return None

    def cell(self, r: AuditRow, column: str) -> str:
        if column == "at":
            return when_text(r.at)
        if column == "user":
            return user_text(r.username)
        if column == "action":
            return row_action_label(r)
        if column == "table":
            return table_label(r.table_name)
        if column == "record":
            return record_text(r, self.lang)
        return changes_text(r, self.lang)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(r, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("record", "changes"):
            return self.cell(r, column) or None
        if role == ROW_ROLE:
            return r
        return None

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.columnCount() - 1, 0))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))


def make_entry_table(model: AuditModel) -> QTableView:
    """A read-only, row-selecting view of ``model`` (the last column stretches)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def fit_columns(view: QTableView, max_width: int = 260) -> None:
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for i in range(header.count() - 1):
        header.resizeSection(i, min(header.sectionSize(i) + 12, max_width))


class EntryDetail(QWidget):
    """One entry: what happened to which record, by whom and when, why, and each field old → new."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "vi"
        self.entry: AuditRow | None = None
        self.heading = make_heading(QLabel(), SECTION_HEADING)
        self.heading.setWordWrap(True)
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 3)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.heading, self.who, self.reason):
            lay.addWidget(w)
        lay.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Trường"), self.tr("Giá trị cũ"), self.tr("Giá trị mới")])
        self.show_entry(self.entry)

    def show_entry(self, entry: AuditRow | None) -> None:
        self.entry = entry
        self.table.setRowCount(0)
        if entry is None:
            self.table.setColumnHidden(1, False)
            self.table.setColumnHidden(2, False)
            self.heading.setText(self.tr("Chọn một dòng để xem chi tiết."))
            self.who.clear()
            self.reason.hide()
            return
        self.heading.setText(
            self.tr("{action} — {kind}: {record}").format(
                action=row_action_label(entry),
                kind=table_label(entry.table_name),
                record=record_text(entry, self.lang),
            )
        )
        self.who.setText(
            self.tr("Người thực hiện: {user} — lúc {at} — mục nhật ký #{id}").format(
                user=user_text(entry.username), at=when_text(entry.at), id=entry.id
            )
        )
        self.reason.setText(self.tr("Lý do: {reason}").format(reason=entry.reason))
        self.reason.setVisible(bool(entry.reason))
        names = changed_fields(entry)
        # A new record has no old values and a deleted one no new values: only the column that says something.
        self.table.setColumnHidden(1, entry.action in ("create", "restore", "import"))
        self.table.setColumnHidden(2, entry.action == "delete")
        self.table.setRowCount(len(names))
        for i, name in enumerate(names):
            old = value_text(entry.table_name, name, entry.old_values.get(name), self.lang)
            new = value_text(entry.table_name, name, entry.new_values.get(name), self.lang)
            if entry.action in ("create", "restore", "import"):
                old = ""
            elif entry.action == "delete":
                new = ""
            for j, text in enumerate((field_label(name), old, new)):
                item = QTableWidgetItem(text)
                item.setToolTip(text if j else name)  # the raw column name behind a Vietnamese one
                self.table.setItem(i, j, item)
        self.table.resizeRowsToContents()

    def rows(self) -> list[tuple[str, str, str]]:
        """(field, old, new) as shown (for tests and screen readers)."""
        return [
            tuple(self.table.item(i, j).text() for j in range(3))  # type: ignore[misc]
            for i in range(self.table.rowCount())
        ]
