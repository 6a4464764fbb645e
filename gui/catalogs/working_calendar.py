"""Lịch nghỉ, làm bù: one year's weekday days off and weekend working days, which every deadline counts on.

Any change moves stored due dates, so after each one the dossiers received from about two months
before the changed day are recomputed in the background and the user is told how many moved.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from gui.catalogs.table_layout import fit_beside_form
from gui.context import AppContext
from gui.errors import show_error
from gui.registers.register_page import RegisterPage
from gui.registers.sources import ListSource
from gui.registers.table_model import Column
from gui.tasks import Task, run_task
from gui.widgets.format import fmt_date, fmt_int
from gui.widgets.inputs import DateEdit
from gui.widgets.record_form import RecordForm
from storage.calendar import CalendarDay, DayKind
from storage.calendar_store import MAX_YEAR, MIN_YEAR, CalendarRow, list_days, remove_day, save_days
from storage.dossiers import recompute_due_dates
from storage.errors import NotFoundError, Problem, ValidationError
from storage.textsearch import fold

#: Dossiers received this long before a changed day may still have their due date on or after it.
RECOMPUTE_MARGIN = timedelta(days=60)
#: A "changed day" before any dossier: recompute them all (after importing a calendar file).
ALL_DAYS = date.min


def weekday_name(d: date) -> str:
    """ "Thứ Hai" … "Chủ nhật", as printed on Vietnamese calendars."""
    names = (
        QCoreApplication.translate("WorkingCalendar", "Thứ Hai"),
        QCoreApplication.translate("WorkingCalendar", "Thứ Ba"),
        QCoreApplication.translate("WorkingCalendar", "Thứ Tư"),
        QCoreApplication.translate("WorkingCalendar", "Thứ Năm"),
        QCoreApplication.translate("WorkingCalendar", "Thứ Sáu"),
        QCoreApplication.translate("WorkingCalendar", "Thứ Bảy"),
        QCoreApplication.translate("WorkingCalendar", "Chủ nhật"),
    )
    return names[d.weekday()]


def find_day(session: Session, day: date) -> CalendarRow | None:
    return next((r for r in list_days(session, day.year) if r.day == day), None)


class DayKindCombo(QComboBox):
    """Day off (on a weekday) or extra working day (on a weekend)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem("", DayKind.OFF)
        self.addItem("", DayKind.WORK)
        self.retranslate()

    def retranslate(self) -> None:
        self.setItemText(0, self.tr("Ngày nghỉ (rơi vào ngày thường)"))
        self.setItemText(1, self.tr("Ngày làm bù (thứ Bảy, Chủ nhật)"))

    def value(self) -> DayKind:
        return DayKind(self.currentData())

    def set_value(self, kind: DayKind) -> None:
        self.setCurrentIndex(max(self.findData(kind), 0))


class DayForm(RecordForm):
    """One calendar exception; the weekday is shown so a weekend "day off" is noticed while typing."""

    def __init__(self, year_of: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._year_of = year_of  # the year selected on the page: new days start there
        self.day = DateEdit()
        self.weekday = QLabel()
        self.kind = DayKindCombo()
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.add_row("day", "", self.day)
        self.add_row("weekday", "", self.weekday)
        self.add_row("kind", "", self.kind)
        self.add_row("name", "", self.name)
        self.day.dateChanged.connect(lambda _d: self._show_weekday())
        self.retranslate()

    def retranslate(self) -> None:
        self.set_label("day", self.tr("Ngày *"))
        self.set_label("weekday", self.tr("Thứ"))
        self.set_label("kind", self.tr("Loại"))
        self.set_label("name", self.tr("Tên ngày"))
        self.name.setPlaceholderText(self.tr("Ví dụ: Nghỉ bù Quốc khánh"))
        self.kind.retranslate()
        self._show_weekday()
        self.retranslate_buttons()

    def _show_weekday(self) -> None:
        d = self.day.value()
        self.weekday.setText(weekday_name(d) if d else "")

    def focus_first(self) -> None:
        self.day.setFocus()

    def new_record(self) -> None:
        year, today = self._year_of(), date.today()
        start = today if year == today.year else date(year, 1, 1)
        self.set_data(CalendarDay(start, DayKind.OFF, ""))

    def set_data(self, d: CalendarDay) -> None:
        self.day.set_value(d.day)
        self.kind.set_value(d.kind)
        self.name.setText(d.name)

    def get_data(self) -> CalendarDay:
        d = self.day.value()
        assert d is not None  # not optional
        return CalendarDay(d, self.kind.value(), self.name.text().strip())


class WorkingCalendarPage(RegisterPage):
    """The working calendar of one year; rows are keyed by the date's ordinal."""

    kind = "holidays"
    import_kind = "holidays"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self._changed_since: date | None = None  # earliest day touched by the action in progress
        self._pending_since: date | None = None  # a change made while a recompute was running
        self.recompute_task: Task | None = None
        self._running_since = date.today()
        super().__init__(ctx, parent)
        fit_beside_form(self.table, stretch=3, fits={2: self.tr("Làm bù"), 4: self.tr("Người dùng nhập")})

    def title(self) -> str:
        return self.tr("Lịch nghỉ, làm bù")

    def add_filters(self, layout: QHBoxLayout) -> None:
        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(date.today().year)
        self.year_label.setBuddy(self.year)
        layout.addWidget(self.year_label)
        layout.addWidget(self.year)
        self.year.valueChanged.connect(self._on_year_changed)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("font-style: italic;")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.layout().addWidget(self.hint)
        self.layout().addWidget(self.result_label)
        self.result_label.hide()

    def _on_year_changed(self, year: int) -> None:
        self.refresh()
        if self.current_id is None or date.fromordinal(self.current_id).year != year:
            self.new_record()  # the form follows the year shown

    def retranslate(self) -> None:
        super().retranslate()
        self.year_label.setText(self.tr("Năm:"))
        self.hint.setText(
            self.tr(
                "Danh sách được điền sẵn theo các ngày lễ chính thức; hãy sửa lại khi thông báo nghỉ lễ "
                "của Chính phủ cho năm này khác."
            )
        )
        if isinstance(self.form, DayForm):
            self.form.retranslate()

    def columns(self) -> list[Column[CalendarRow]]:
        def source(r: CalendarRow) -> str:
            return self.tr("Điền sẵn") if r.source == "holidays" else self.tr("Người dùng nhập")

        def kind(r: CalendarRow) -> str:
            return self.tr("Nghỉ") if r.kind == DayKind.OFF else self.tr("Làm bù")

        return [
            Column(self.tr("Ngày"), lambda r: fmt_date(r.day), "day"),
            Column(self.tr("Thứ"), lambda r: weekday_name(r.day), "weekday"),
            Column(self.tr("Loại"), kind, "kind"),
            Column(self.tr("Tên ngày"), lambda r: r.name, "name", tooltip=lambda r: r.name),
            Column(self.tr("Nguồn"), source, "source"),
        ]

    def row_id(self, row: Any) -> int:
        return int(row.day.toordinal())

    def make_source(self) -> ListSource[CalendarRow]:
        year, words = self.year.value(), fold(self.search.text()).split()

        def load() -> list[CalendarRow]:
            rows = self.ctx.read(lambda s: list_days(s, year))
            return [r for r in rows if all(w in fold(f"{fmt_date(r.day)} {r.name}") for w in words)]

        return ListSource(
            load,
            {
                "day": lambda r: r.day,
                "weekday": lambda r: r.day.weekday(),
                "kind": lambda r: str(r.kind),
                "name": lambda r: fold(r.name),
                "source": lambda r: r.source,
            },
        )

    def create_form(self) -> RecordForm:
        return DayForm(lambda: self.year.value())

    # --- storage ---------------------------------------------------------------------------------
    def load_record(self, session: Session, record_id: int) -> CalendarDay:
        day = date.fromordinal(record_id)
        row = find_day(session, day)
        if row is None:
            raise NotFoundError(
                f"Ngày {day:%d/%m/%Y} không còn trong lịch.", f"{day:%d/%m/%Y} is no longer in the calendar."
            )
        return CalendarDay(row.day, row.kind, row.name)

    def save_record(self, session: Session, data: Any, record_id: int | None) -> int:
        old = date.fromordinal(record_id) if record_id is not None else None
        if old != data.day and find_day(session, data.day) is not None:
            raise ValidationError(
                [
                    Problem(
                        "day",
                        f"Ngày {data.day:%d/%m/%Y} đã có trong lịch; hãy chọn ngày đó trong danh sách để sửa.",
                        f"{data.day:%d/%m/%Y} is already in the calendar; select it in the list to edit it.",
                    )
                ]
            )
        if old is not None and old != data.day:
            remove_day(session, old)
        save_days(session, [data])
        self._touched(min(d for d in (old, data.day) if d is not None))
        return int(data.day.toordinal())

    def delete_record(self, session: Session, record_id: int) -> CalendarDay:
        data = self.load_record(session, record_id)
        remove_day(session, data.day)
        self._touched(data.day)
        return data

    def undo_target(self, record_id: int, data: Any) -> tuple[str, str]:
        return "calendar_day", date.fromordinal(record_id).isoformat()  # the rows' ids are day ordinals

    def restored(self, data: Any) -> None:
        self._touched(data.day)

    def describe(self, data: Any) -> str:
        return self.tr("ngày {day}").format(day=fmt_date(data.day))

    # --- after each change: recompute due dates --------------------------------------------------
    def _touched(self, day: date) -> None:
        self._changed_since = day if self._changed_since is None else min(self._changed_since, day)

    def _after_action(self) -> None:
        since, self._changed_since = self._changed_since, None
        if since is not None:
            self.recompute_due_dates(since)

    def save_current(self) -> bool:
        saved_day = self.form.get_data().day if isinstance(self.form, DayForm) else None
        ok = super().save_current()
        self._after_action()
        if ok and saved_day is not None and saved_day.year != self.year.value():
            self.year.setValue(saved_day.year)  # show the year the day went into
        return ok

    def delete_current(self) -> None:
        super().delete_current()
        self._after_action()

    def undo_delete(self) -> None:
        super().undo_delete()
        self._after_action()

    def import_file(self) -> None:
        """Import days from a file; the file's dates are not known here, so every due date is recomputed."""
        from gui.import_flow import import_with_preview

        flow = import_with_preview(self, self.ctx, "holidays")
        if flow is not None:
            flow.finished.connect(self._on_imported)

    def _on_imported(self, result: Any) -> None:
        if result is not None and (result.created or result.updated):
            self.recompute_due_dates(ALL_DAYS)

    def recompute_due_dates(self, changed: date) -> None:
        """Recompute stored due dates of dossiers that may count the changed day, off the GUI thread.

        ``ALL_DAYS`` recomputes every dossier.
        """
        if self.recompute_task is not None and self.recompute_task.running:
            pend = self._pending_since
            self._pending_since = changed if pend is None else min(pend, changed)
            return
        self._running_since = changed
        since = None if changed == ALL_DAYS else changed - RECOMPUTE_MARGIN
        ctx = self.ctx

        def work(_progress: Any, _cancelled: Any) -> int:
            with ctx.session() as s:
                return recompute_due_dates(s, since=since)

        self.result_label.setText(self.tr("Đang tính lại hạn giải quyết của hồ sơ…"))
        self.result_label.show()
        self.recompute_task = run_task(
            self,
            self.tr("Đang tính lại hạn giải quyết của hồ sơ…"),
            work,
            self._on_recomputed,
            self._on_recompute_failed,
            writes=True,
            cancellable=False,
        )

    def _on_recomputed(self, changed: int) -> None:
        text = (
            self.tr("Đã tính lại hạn giải quyết: {n} hồ sơ có hạn mới.").format(n=fmt_int(changed))
            if changed
            else self.tr("Đã tính lại hạn giải quyết: không hồ sơ nào thay đổi.")
        )
        self.result_label.setText(text)
        self.status_message.emit(text)
        self.ctx.notify("holidays")
        self._run_pending()

    def _on_recompute_failed(self, exc: BaseException) -> None:
        self.result_label.setText(
            self.tr("Chưa tính lại được hạn giải quyết của hồ sơ; sẽ tính lại sau lần sửa lịch tiếp theo.")
        )
        self._touched(self._running_since)  # retried with the next change
        show_error(self, exc, self.ctx.lang)
        self._run_pending()

    def _run_pending(self) -> None:
        pending, self._pending_since = self._pending_since, None
        if pending is not None:
            self.recompute_due_dates(pending)
