"""Chỉ tiêu biên chế: posts the province assigned per staff category and year, beside the people in post."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.errors import show_error
from gui.widgets.format import fmt_date, fmt_int
from gui.widgets.heading import make_heading
from gui.widgets.record_form import ERROR_STYLE
from storage.errors import UserError, ValidationError
from storage.quotas import MAX_QUOTA, MAX_YEAR, MIN_YEAR, delete_quota, list_quota_rows, set_quota
from storage.staff import list_staff
from storage.vocab import OFFICIAL_POSTS, StaffCategory

COL_CATEGORY, COL_QUOTA, COL_DECISION, COL_IN_POST, COL_VACANCY = range(5)
ALERT = QBrush(QColor("#b00020"))


@dataclass(frozen=True)
class QuotaYear:
    """What the screen shows for one year: quotas and decisions by category, and the headcount date."""

    on: date
    quotas: dict[StaffCategory, tuple[int, str]]
    in_post: Counter[StaffCategory]


def headcount_date(year: int, today: date) -> date:
    """31/12 of a past year; today for the current (or a future) year."""
    return min(date(year, 12, 31), today)


def load_quota_year(session: Session, year: int, today: date) -> QuotaYear:
    on = headcount_date(year, today)
    quotas = {r.category: (r.quota, r.decision_ref) for r in list_quota_rows(session, year)}
    return QuotaYear(on, quotas, Counter(r.category for r in list_staff(session, on=on)))


class QuotaSpin(QSpinBox):
    """Posts assigned; the lowest value shows "—" for a category without a quota."""

    NOT_SET = -1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(self.NOT_SET, MAX_QUOTA)
        self.setSpecialValueText("—")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel must not change a figure while scrolling

    def value_or_none(self) -> int | None:
        return None if self.value() == self.NOT_SET else self.value()


class QuotasPage(QWidget):
    """A year's quotas as a small editable table; vacancies follow as the figures are typed."""

    status_message = Signal(str)
    kind = "quotas"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loaded: QuotaYear | None = None
        self._shown_year = date.today().year
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = make_heading(QLabel())
        top.addWidget(self.heading)
        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(self._shown_year)
        self.year_label.setBuddy(self.year)
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        outer.addLayout(top)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        outer.addWidget(self.hint)
        self.table = QTableWidget(len(StaffCategory), 5)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 16)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_CATEGORY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DECISION, QHeaderView.ResizeMode.Stretch)
        for col in (COL_QUOTA, COL_IN_POST, COL_VACANCY):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.spins: dict[StaffCategory, QuotaSpin] = {}
        self.decisions: dict[StaffCategory, QLineEdit] = {}
        for row, category in enumerate(StaffCategory):
            self.table.setItem(row, COL_CATEGORY, QTableWidgetItem())
            spin = QuotaSpin()
            spin.valueChanged.connect(lambda _v: self._update_vacancies())
            decision = QLineEdit()
            decision.setMaxLength(120)
            self.spins[category], self.decisions[category] = spin, decision
            self.table.setCellWidget(row, COL_QUOTA, spin)
            self.table.setCellWidget(row, COL_DECISION, decision)
            for col in (COL_IN_POST, COL_VACANCY):
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        outer.addWidget(self.table)
        self._fit_table_height()
        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight: bold;")
        outer.addWidget(self.summary)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        outer.addStretch(1)
        self.cancel_button.clicked.connect(self.reload)
        self.save_button.clicked.connect(self.save_current)
        self.year.valueChanged.connect(self._on_year_changed)
        ctx.data_changed.connect(self._on_data_changed)
        self.retranslate()
        self.reload()

    def _fit_table_height(self) -> None:
        """Seven categories: show them all, no scroll bar."""
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(rows + header + 2 * self.table.frameWidth() + 2)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Chỉ tiêu biên chế"))
        self.year_label.setText(self.tr("Năm:"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Loại"),
                self.tr("Biên chế được giao"),
                self.tr("Số, ký hiệu quyết định giao"),
                self.tr("Đang công tác"),
                self.tr("Còn thiếu"),
            ]
        )
        for row, category in enumerate(StaffCategory):
            self.table.item(row, COL_CATEGORY).setText(category.label(self.ctx.lang))
        self.save_button.setText(self.tr("Lưu (Ctrl+S)"))
        self.cancel_button.setText(self.tr("Hủy thay đổi (Esc)"))
        self._show_hint()
        self._update_vacancies()

    def _show_hint(self) -> None:
        on = self._loaded.on if self._loaded else headcount_date(self.year.value(), date.today())
        self.hint.setText(
            self.tr(
                "“—” là loại chưa được giao biên chế. Số đang công tác tính đến ngày {date}, theo danh sách nhân sự."
            ).format(date=fmt_date(on))
        )

    # --- data ----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Show the stored quotas of the selected year (drops unsaved edits)."""
        year = self.year.value()
        self._loaded = self.ctx.read(lambda s: load_quota_year(s, year, date.today()))
        self._shown_year = year
        for category in StaffCategory:
            quota, decision = self._loaded.quotas.get(category, (QuotaSpin.NOT_SET, ""))
            self.spins[category].setValue(quota)
            self.decisions[category].setText(decision)
        self.error.hide()
        self._show_hint()
        self._update_vacancies()

    def _recount(self) -> None:
        """Staff changed elsewhere: refresh the headcount, keeping figures being typed."""
        if self._loaded is None:
            return
        year = self._shown_year
        fresh = self.ctx.read(lambda s: load_quota_year(s, year, date.today()))
        self._loaded = QuotaYear(fresh.on, self._loaded.quotas, fresh.in_post)
        self._update_vacancies()

    def _entered(self) -> dict[StaffCategory, tuple[int, str] | None]:
        return {
            c: None if self.spins[c].value_or_none() is None else (self.spins[c].value(), self.decisions[c].text())
            for c in StaffCategory
        }

    def is_dirty(self) -> bool:
        if self._loaded is None:
            return False
        entered = self._entered()
        return any(entered[c] != self._loaded.quotas.get(c) for c in StaffCategory)

    def vacancies(self, category: StaffCategory) -> int | None:
        """Quota minus people in post (negative: more people than posts); None without a quota."""
        quota = self.spins[category].value_or_none()
        if quota is None or self._loaded is None:
            return None
        return quota - self._loaded.in_post.get(category, 0)

    def _update_vacancies(self) -> None:
        if self._loaded is None:
            return
        for row, category in enumerate(StaffCategory):
            self.table.item(row, COL_IN_POST).setText(fmt_int(self._loaded.in_post.get(category, 0)))
            gap = self.vacancies(category)
            item = self.table.item(row, COL_VACANCY)
            item.setText("" if gap is None else fmt_int(gap) if gap >= 0 else self.tr("Vượt {n}").format(n=-gap))
            item.setForeground(ALERT if gap is not None and gap < 0 else self.palette().text())
        official = [c for c in OFFICIAL_POSTS if self.spins[c].value_or_none() is not None]
        if official:
            quota = sum(self.spins[c].value() for c in official)
            in_post = sum(self._loaded.in_post.get(c, 0) for c in official)
            self.summary.setText(
                self.tr(
                    "Biên chế cán bộ, công chức: được giao {quota}, đang công tác {in_post}, còn thiếu {gap}."
                ).format(quota=fmt_int(quota), in_post=fmt_int(in_post), gap=fmt_int(quota - in_post))
                if quota >= in_post
                else self.tr(
                    "Biên chế cán bộ, công chức: được giao {quota}, đang công tác {in_post}, vượt {gap}."
                ).format(quota=fmt_int(quota), in_post=fmt_int(in_post), gap=fmt_int(in_post - quota))
            )
        else:
            self.summary.setText(self.tr("Năm này chưa nhập biên chế cán bộ, công chức được giao."))

    def save_current(self) -> bool:
        """Store every changed quota of the year at once; a category set back to "—" loses its quota."""
        if self._loaded is None:
            return False
        year, entered, stored = self._shown_year, self._entered(), self._loaded.quotas
        try:
            with self.ctx.session() as s:
                for category, value in entered.items():
                    if value is None:
                        if category in stored:
                            delete_quota(s, year, category)
                    elif value != stored.get(category):
                        set_quota(s, year, category, value[0], value[1], user_id=self.ctx.user_id)
        except ValidationError as exc:
            self.error.setText(exc.message(self.ctx.lang))
            self.error.show()
            return False
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return False
        self.status_message.emit(self.tr("Đã lưu chỉ tiêu biên chế năm {year}.").format(year=year))
        self.ctx.notify(self.kind)
        self.reload()
        return True

    def cancel_edit(self) -> None:
        self.reload()

    def _on_year_changed(self, year: int) -> None:
        if year == self._shown_year:
            return
        if self.is_dirty():
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(self.tr("Chưa lưu"))
            box.setText(self.tr("Lưu chỉ tiêu biên chế năm {year} vừa sửa?").format(year=self._shown_year))
            save = box.addButton(self.tr("Lưu"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Không lưu"), QMessageBox.ButtonRole.DestructiveRole)
            box.exec()
            if box.clickedButton() is save and not self.save_current():
                self.year.blockSignals(True)
                self.year.setValue(self._shown_year)  # stay to fix what could not be saved
                self.year.blockSignals(False)
                return
        self.reload()

    def _on_data_changed(self, kind: str) -> None:
        if kind in ("quotas", "*") and not self.is_dirty():
            self.reload()
        elif kind in ("staff", "quotas", "*"):
            self._recount()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save_current()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.reload()
            return
        super().keyPressEvent(event)
