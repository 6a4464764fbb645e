"""The two restore dialogs: confirm a chosen backup (what it holds, what will be lost), and the damaged start.

Why: a restore throws away whatever was typed after the backup; the clerk decides only after seeing whose
data the file holds, from when, and how many records on this PC would be lost. Cancel is the default button.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.errors import show_error
from gui.widgets.format import fmt_date, fmt_int
from storage.backup_info import BackupInfo, inspect_backup
from storage.restore import DatabaseDamaged, RestorePlan

WARN_STYLE = "color: #b00020; font-weight: bold;"
OK_STYLE = "color: #1b5e20; font-weight: bold;"
BACKUP_FILTER = "Commune Desk (*.sqlite *.db);;*"


def kind_label(kind: str) -> str:
    """How a backup came to be, in the clerk's words."""
    if kind == "auto":
        return QCoreApplication.translate("BackupDialogs", "Tự động")
    if kind == "before-upgrade":
        return QCoreApplication.translate("BackupDialogs", "Trước khi nâng cấp")
    if kind == "before-restore":
        return QCoreApplication.translate("BackupDialogs", "Trước khi khôi phục")
    return QCoreApplication.translate("BackupDialogs", "Tệp đã chọn")


def schema_text(info: BackupInfo, head: str) -> str:
    if info.revision == head:
        return info.revision or ""
    return QCoreApplication.translate("BackupDialogs", "{revision} (cũ hơn: sẽ được nâng cấp tự động khi mở)").format(
        revision=info.revision or "?"
    )


def loss_text(info: BackupInfo) -> str:
    when = info.lost_after
    if when is None:
        return QCoreApplication.translate("BackupDialogs", "thay toàn bộ dữ liệu")
    return QCoreApplication.translate("BackupDialogs", "mất các thay đổi sau {time}").format(time=fmt_date(when))


class RestoreConfirmDialog(QDialog):
    """What the chosen backup is and what will be lost; accepted only by the explicit restore button."""

    def __init__(self, parent: QWidget | None, plan: RestorePlan, lang: str = "vi") -> None:
        super().__init__(parent)
        from storage.db import head_revision

        self.plan = plan
        info = plan.info
        self.setWindowTitle(self.tr("Khôi phục từ bản sao lưu"))
        self.setMinimumWidth(640)
        outer = QVBoxLayout(self)
        verdict = QLabel(self.tr("Bản sao lưu đạt kiểm tra toàn vẹn và dùng được."))
        verdict.setStyleSheet(OK_STYLE)
        outer.addWidget(verdict)
        facts = QFormLayout()
        self.file_value = QLabel(info.path.name)
        self.file_value.setToolTip(str(info.path))
        self.owner_value = QLabel(info.owner(lang))
        self.made_value = QLabel(fmt_date(info.made_at))
        self.newest_value = QLabel(fmt_date(info.newest_change) or self.tr("(không rõ)"))
        self.schema_value = QLabel(schema_text(info, head_revision()))
        for caption, value in (
            (self.tr("Tệp:"), self.file_value),
            (self.tr("Dữ liệu của:"), self.owner_value),
            (self.tr("Lập lúc:"), self.made_value),
            (self.tr("Thay đổi mới nhất trong bản sao:"), self.newest_value),
            (self.tr("Phiên bản dữ liệu:"), self.schema_value),
        ):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addRow(caption, value)
        outer.addLayout(facts)
        self.loss = QLabel(self._loss())
        self.loss.setWordWrap(True)
        self.loss.setStyleSheet(WARN_STYLE)
        outer.addWidget(self.loss)
        self.other = QCheckBox()
        if plan.other_owner is not None:
            warning = QLabel(plan.other_owner.message(lang))
            warning.setWordWrap(True)
            warning.setStyleSheet(WARN_STYLE)
            outer.addWidget(warning)
            self.other.setText(self.tr("Tôi hiểu, vẫn thay bằng dữ liệu của {other}").format(other=info.owner(lang)))
            outer.addWidget(self.other)
        self.other.setVisible(plan.other_owner is not None)
        note = QLabel(
            self.tr(
                "Trước khi khôi phục, cơ sở dữ liệu hiện tại được giữ lại trong thư mục «backups» bên cạnh tệp dữ "
                "liệu. Sau khi khôi phục, cửa sổ chương trình sẽ tự mở lại."
            )
        )
        note.setWordWrap(True)
        outer.addWidget(note)
        box = QDialogButtonBox()
        self.restore_button = box.addButton(self.tr("Khôi phục"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = box.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setDefault(True)  # a stray Enter never throws data away
        self.cancel_button.setFocus()
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        outer.addWidget(box)
        self.other.toggled.connect(self._update)
        self._update()

    def _loss(self) -> str:
        info, changes = self.plan.info, self.plan.changes
        when = info.lost_after
        if when is None:
            return self.tr("Toàn bộ dữ liệu hiện tại trên máy này sẽ được thay bằng dữ liệu trong bản sao lưu.")
        text = self.tr("Sẽ mất các thay đổi sau {time}.").format(time=fmt_date(when))
        if changes is not None:
            text += " " + self.tr("Trên máy này có {n} bản ghi đã thêm hoặc sửa sau thời điểm đó.").format(
                n=fmt_int(changes)
            )
        return text

    def _update(self) -> None:
        self.restore_button.setEnabled(self.plan.other_owner is None or self.other.isChecked())

    @property
    def allow_other_commune(self) -> bool:
        return self.plan.other_owner is not None and self.other.isChecked()


class DamagedStartDialog(QDialog):
    """On start with a damaged database: the good backups with their dates and losses; restore one, or quit."""

    def __init__(self, damaged: DatabaseDamaged, lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.damaged, self.lang = damaged, lang
        self.backups: list[BackupInfo] = list(damaged.backups)
        self.setWindowTitle(self.tr("Cơ sở dữ liệu bị hỏng"))
        self.setMinimumWidth(760)
        self.resize(860, 460)
        outer = QVBoxLayout(self)
        title = QLabel(self.tr("Tệp dữ liệu {name} bị hỏng.").format(name=damaged.path.name))
        title.setStyleSheet(WARN_STYLE)
        outer.addWidget(title)
        explain = QLabel(
            self.tr(
                "Có thể do mất điện khi đang ghi hoặc ổ đĩa bị lỗi. Để không làm hỏng thêm, Commune Desk chưa mở "
                "tệp này. Hãy chọn một bản sao lưu còn tốt để khôi phục: các thay đổi sau thời điểm của bản sao "
                "lưu sẽ mất và cần nhập lại. Tệp bị hỏng vẫn được giữ lại trong thư mục «backups» để kỹ thuật "
                "viên cứu dữ liệu nếu cần."
            )
        )
        explain.setWordWrap(True)
        outer.addWidget(explain)
        self.none_label = QLabel(
            self.tr(
                "Không tìm thấy bản sao lưu nào còn tốt bên cạnh tệp dữ liệu. Nếu có bản sao lưu trên USB, hãy "
                "bấm «Chọn tệp sao lưu khác…»."
            )
        )
        self.none_label.setWordWrap(True)
        outer.addWidget(self.none_label)
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setHorizontalHeaderLabels(
            [self.tr("Bản sao lưu lập lúc"), self.tr("Loại"), self.tr("Dữ liệu của"), self.tr("Nếu khôi phục")]
        )
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        outer.addWidget(self.table, 1)
        self.filler = QWidget()  # takes the table's room when there is no table
        self.filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        outer.addWidget(self.filler, 1)
        box = QDialogButtonBox()
        self.restore_button = box.addButton(self.tr("Khôi phục bản đã chọn"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = QPushButton(self.tr("Chọn tệp sao lưu khác…"))
        box.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = box.addButton(self.tr("Thoát"), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        self.other_button.clicked.connect(self.choose_file)
        outer.addWidget(box)
        self.table.itemSelectionChanged.connect(self._update)
        self._fill()

    def _fill(self, select: int = 0) -> None:
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = (fmt_date(info.made_at), kind_label(info.kind), info.owner(self.lang), loss_text(info))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                self.table.setItem(row, col, item)
        has = bool(self.backups)
        self.table.setVisible(has)
        self.filler.setVisible(not has)
        self.none_label.setVisible(not has)
        if has:
            self.table.selectRow(select)
        self._update()

    def _update(self) -> None:
        chosen = self.chosen is not None
        self.restore_button.setEnabled(chosen)
        self.restore_button.setDefault(chosen)

    @property
    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows and self.backups else None

    def choose_file(self) -> None:
        """A backup from elsewhere (a USB stick): checked before it joins the list, at the top."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp sao lưu"), "", BACKUP_FILTER)
        if not path:
            return
        info = inspect_backup(Path(path))
        if info.problem is not None:
            show_error(self, info.problem, self.lang, self.tr("Không dùng được tệp này"))
            return
        self.backups.insert(0, info)
        self._fill(select=0)
