"""The inbox table: one row per file, what the preview announces or, after the import, what happened.

Colours carry the verdict at a glance (green: will be stored, grey: skipped, bold red: refused) and a
file signed with another key than the commune's trusted one gets a warning icon, since it may be forged.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from gui.pages.report_sent_table import period_name
from reports.exchange.archive import KIND_REGISTRATION
from reports.exchange.province_import import FileResult
from storage.exchange_errors import Reason
from storage.province.received import Verdict

Index = QModelIndex | QPersistentModelIndex

COLOURS = {
    Verdict.NEW: "#1b5e20",
    Verdict.NEWER: "#1b5e20",
    Verdict.DUPLICATE: "#6b6b6b",
    Verdict.OLDER: "#6b6b6b",
    Verdict.REJECTED: "#b00020",
}
FILE, COMMUNE, PERIOD, REVISION, VERDICT, REASON = range(6)


def is_key_change(result: FileResult) -> bool:
    """A refusal the province can lift itself after checking by phone: the commune's key changed."""
    return result.verdict is Verdict.REJECTED and result.reason is Reason.KEY_CHANGED


class InboxModel(QAbstractTableModel):
    """Read-only rows of ``FileResult``; ``imported`` switches the wording from "will" to "did"."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FileResult] = []
        self.imported = False
        self.lang = "vi"

    # --- content -------------------------------------------------------------------------------
    def set_results(self, results: list[FileResult], *, imported: bool, lang: str) -> None:
        self.beginResetModel()
        self._rows, self.imported, self.lang = list(results), imported, lang
        self.endResetModel()

    def results(self) -> list[FileResult]:
        return list(self._rows)

    def result_at(self, row: int) -> FileResult | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def retranslate(self, lang: str) -> None:
        """Headers and texts again in ``lang`` (labels of verdicts and periods come from storage)."""
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, REASON)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, REASON))

    # --- texts ---------------------------------------------------------------------------------
    def headers(self) -> list[str]:
        what = self.tr("Kết quả") if self.imported else self.tr("Sẽ làm gì / lý do")
        return [self.tr("Tệp"), self.tr("Xã"), self.tr("Kỳ báo cáo"), self.tr("Lần gửi"), self.tr("Kết luận"), what]

    def verdict_text(self, r: FileResult) -> str:
        """The verdict's label; after the import, in the past tense."""
        if not self.imported:
            return r.verdict.label(self.lang)
        return {
            Verdict.NEW: self.tr("Đã nhập (mới)"),
            Verdict.NEWER: self.tr("Đã nhập (thay thế)"),
            Verdict.DUPLICATE: self.tr("Bỏ qua (trùng)"),
            Verdict.OLDER: self.tr("Bỏ qua (cũ hơn)"),
            Verdict.REJECTED: self.tr("Từ chối"),
        }[r.verdict]

    def commune_text(self, r: FileResult) -> str:
        if not r.commune_code:
            return ""
        return f"{r.commune_name} ({r.commune_code})" if r.commune_name else r.commune_code

    def period_text(self, r: FileResult) -> str:
        if r.kind == KIND_REGISTRATION:
            return self.tr("Đăng ký khóa")
        return period_name(r.period_spec, self.lang) if r.period_spec else ""

    def text(self, r: FileResult, column: int) -> str:
        match column:
            case 0:
                return r.name
            case 1:
                return self.commune_text(r)
            case 2:
                return self.period_text(r)
            case 3:
                return str(r.revision) if r.revision is not None else ""
            case 4:
                return self.verdict_text(r)
        return r.message(self.lang)

    # --- Qt model API --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else REASON + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return section + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.result_at(index.row()) if index.isValid() else None
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == FILE:
                return str(r.path)
            if col in (VERDICT, REASON):
                return r.message(self.lang)
            return self.text(r, col)
        if role == Qt.ItemDataRole.ForegroundRole and col in (VERDICT, REASON):
            return QBrush(QColor(COLOURS[r.verdict]))
        if role == Qt.ItemDataRole.FontRole and r.verdict is Verdict.REJECTED and col in (VERDICT, REASON):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and col == VERDICT and is_key_change(r):
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == REVISION:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
