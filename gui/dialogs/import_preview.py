"""The check-before-import dialog: what the file holds, every problem by row and column, then confirm.

Nothing is stored while this dialog is open; the confirm button stays disabled while the file
has any problem, so a clerk can only import a file that passes every check.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.format import fmt_int
from storage.errors import Problem
from storage.importing import KINDS, ImportResult

ERROR_STYLE = "color: #b00020; font-weight: bold;"
OK_STYLE = "color: #1b5e20; font-weight: bold;"


def kind_label(kind: str, lang: str) -> str:
    """The kind's name for the user ("Nhân sự")."""
    label = KINDS.get(kind)
    if label is None:
        return kind
    return label.en if lang == "en" else label.vi


class ImportPreviewDialog(QDialog):
    """Shows a preview ``ImportResult``; accepted only by the confirm button of a problem-free file."""

    def __init__(self, parent: QWidget | None, path: Path, result: ImportResult, lang: str = "vi") -> None:
        super().__init__(parent)
        self.path, self.result, self.lang = path, result, lang
        self.setMinimumSize(760, 420)
        self.resize(900, 560 if result.problems else 320)
        outer = QVBoxLayout(self)
        facts = QFormLayout()
        self.file_caption, self.file_value = QLabel(), QLabel(str(path.name))
        self.file_value.setToolTip(str(path))
        self.kind_caption, self.kind_value = QLabel(), QLabel(kind_label(result.kind, lang))
        self.rows_caption, self.rows_value = QLabel(), QLabel(fmt_int(result.rows))
        self.counts_caption, self.counts_value = QLabel(), QLabel()
        for caption, value in (
            (self.file_caption, self.file_value),
            (self.kind_caption, self.kind_value),
            (self.rows_caption, self.rows_value),
            (self.counts_caption, self.counts_value),
        ):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addRow(caption, value)
        outer.addLayout(facts)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        outer.addWidget(self.verdict)

        self.problems = QTableWidget(0, 3)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setAlternatingRowColors(True)
        self.problems.setWordWrap(True)
        self.problems.verticalHeader().hide()
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._fill_problems(result.problems)
        outer.addWidget(self.problems, 1)

        buttons = QHBoxLayout()
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_problems)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        self.box = QDialogButtonBox()
        self.confirm_button = self.box.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.box.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        buttons.addWidget(self.box)
        outer.addLayout(buttons)

        self.can_import = result.ok and result.rows > 0
        self.confirm_button.setEnabled(self.can_import)
        self.confirm_button.setDefault(self.can_import)
        self.close_button.setDefault(not self.can_import)
        has_problems = bool(result.problems)
        self.problems.setVisible(has_problems)
        self.copy_button.setVisible(has_problems)
        self.retranslate()

    def _fill_problems(self, problems: list[Problem]) -> None:
        self.problems.setRowCount(len(problems))
        for i, p in enumerate(problems):
            cells = (
                str(p.row) if p.row is not None else "",
                p.field,
                p.en if self.lang == "en" else p.vi,
            )
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.problems.setItem(i, j, item)
        self.problems.setColumnWidth(1, 200)
        self.problems.resizeRowsToContents()

    def retranslate(self) -> None:
        r = self.result
        self.setWindowTitle(self.tr("Kiểm tra tệp trước khi nhập"))
        self.file_caption.setText(self.tr("Tệp:"))
        self.kind_caption.setText(self.tr("Loại dữ liệu:"))
        self.rows_caption.setText(self.tr("Số dòng dữ liệu:"))
        self.counts_caption.setText(self.tr("Nếu nhập:"))
        self.counts_value.setText(
            self.tr("{created} thêm mới · {updated} cập nhật · {unchanged} giữ nguyên").format(
                created=fmt_int(r.created), updated=fmt_int(r.updated), unchanged=fmt_int(r.unchanged)
            )
        )
        self.problems.setHorizontalHeaderLabels([self.tr("Dòng"), self.tr("Cột"), self.tr("Lỗi")])
        if r.problems:
            self.verdict.setStyleSheet(ERROR_STYLE)
            self.verdict.setText(
                self.tr(
                    "Tệp có {n} lỗi. Chưa lưu dòng nào và sẽ không lưu gì cho đến khi sửa xong tệp: "
                    "sửa các ô được liệt kê dưới đây (số dòng như trong Excel) rồi nhập lại."
                ).format(n=fmt_int(len(r.problems)))
            )
        elif r.rows == 0:
            self.verdict.setStyleSheet(ERROR_STYLE)
            self.verdict.setText(self.tr("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề; không có gì để nhập."))
        else:
            self.verdict.setStyleSheet(OK_STYLE)
            self.verdict.setText(
                self.tr("Tệp hợp lệ: mọi dòng đều đúng. Bấm «{button}» để lưu vào cơ sở dữ liệu.").format(
                    button=self._confirm_text()
                )
            )
        self.copy_button.setText(self.tr("Sao chép danh sách lỗi"))
        self.confirm_button.setText(self._confirm_text())
        self.close_button.setText(self.tr("Đóng") if r.problems else self.tr("Hủy"))

    def _confirm_text(self) -> str:
        return self.tr("Nhập {n} dòng").format(n=fmt_int(self.result.rows))

    def problems_text(self) -> str:
        """The problem list as tab-separated lines with a header, ready to paste into Excel or a message."""
        lines = [
            self.tr("Tệp: {path}").format(path=self.path),
            "\t".join((self.tr("Dòng"), self.tr("Cột"), self.tr("Lỗi"))),
        ]
        for p in self.result.problems:
            text = p.en if self.lang == "en" else p.vi
            lines.append("\t".join(("" if p.row is None else str(p.row), p.field, text)))
        return "\n".join(lines)

    def copy_problems(self) -> None:
        QGuiApplication.clipboard().setText(self.problems_text())
        self.copy_button.setText(self.tr("Đã sao chép {n} lỗi").format(n=fmt_int(len(self.result.problems))))
