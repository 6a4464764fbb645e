"""Hồ sơ TTHC: the dossier register (up to 100,000+ records, loaded lazily) with its entry form."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSplitter, QWidget

from gui.context import AppContext
from gui.registers.column_widths import fit_to_texts
from gui.registers.dossier_form import LATE_STATES, NO_PROCEDURE, DossierForm, TypedPickerResolver
from gui.registers.register_page import RegisterPage
from gui.registers.sql_sources import DossierSource
from gui.registers.table_model import Column
from gui.widgets.format import fmt_date
from gui.widgets.inputs import EnumCombo, PickerCombo
from gui.widgets.record_form import RecordForm
from storage.catalog import list_fields
from storage.dossier_queries import DossierFilter, DossierRow, StatusFilter
from storage.dossiers import DossierData, delete_dossier, load_dossier, save_dossier
from storage.errors import Problem, ValidationError
from storage.periods import Period, PeriodKind, period_containing
from storage.vocab import Channel, DossierState

RECENT_MONTHS = 12
# What a clerk follows a dossier by comes first, so it stays in view beside the form at 1366 px;
# the procedure and field follow, capped (full text in the tooltip; the form names them too).
(
    CODE_COLUMN,
    APPLICANT_COLUMN,
    RECEIVED_COLUMN,  # the default sort (newest first) is shown on this header
    DUE_COLUMN,
    STATE_COLUMN,
    OVERDUE_COLUMN,
    PROCEDURE_COLUMN,
    FIELD_COLUMN,
    CHANNEL_COLUMN,
    FINISHED_COLUMN,
) = range(10)
KEY_COLUMNS = (CODE_COLUMN, APPLICANT_COLUMN, RECEIVED_COLUMN, DUE_COLUMN, STATE_COLUMN, OVERDUE_COLUMN)
COLUMN_CAPS = {APPLICANT_COLUMN: 150, PROCEDURE_COLUMN: 240, FIELD_COLUMN: 130}


class DossierPage(RegisterPage):
    """Hồ sơ TTHC: every dossier received, its due date and its state today; sorting and filtering in SQL."""

    kind = "dossiers"
    import_kind = "dossiers"
    _saved_code = ""  # the code storage gave the dossier just saved (generated when left blank)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self._periods: dict[str, Period] = {}
        super().__init__(ctx, parent)
        header = self.table.horizontalHeader()
        split = self.table.parentWidget()
        if isinstance(split, QSplitter):
            split.setSizes([10_000, 1])  # the form at its minimum width: the key columns need the room
        header.blockSignals(True)  # only show the source's default order; it is already loaded
        header.setSortIndicator(RECEIVED_COLUMN, Qt.SortOrder.DescendingOrder)
        header.blockSignals(False)

    def title(self) -> str:
        return self.tr("Hồ sơ thủ tục hành chính")

    def depends_on(self) -> set[str]:
        return {"procedures", "fields", "catalog", "staff", "holidays", "settings"}

    # --- filters -----------------------------------------------------------------------------
    def add_filters(self, layout: QHBoxLayout) -> None:
        self.f_period = QComboBox()
        self.f_field = PickerCombo()
        self.f_field.setMinimumWidth(170)
        self.f_status = QComboBox()
        self.f_channel = EnumCombo(Channel, self.ctx.lang, optional=True)
        for w in (self.f_period, self.f_field, self.f_status, self.f_channel):
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(10)
            layout.addWidget(w)
        self._fill_periods()
        self._fill_fields()
        self._fill_statuses()
        self._resolver = TypedPickerResolver([self.f_field], self)  # "ho tich" + Tab chooses "Hộ tịch"
        self.f_period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.f_field.value_changed.connect(lambda _v: self.refresh())
        self.f_status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.f_channel.currentIndexChanged.connect(lambda _i: self.refresh())

    def _fill_periods(self) -> None:
        """ "All" and the recent official months (cut-off periods, as in the reports), newest first."""
        current = self.f_period.currentData()
        rules = self.ctx.rules().rules
        period: Period = period_containing(
            date.today(), PeriodKind.MONTH, official=rules.official_periods, cutoff_day=rules.cutoff_day
        )
        self.f_period.blockSignals(True)
        self.f_period.clear()
        self._periods.clear()
        self.f_period.addItem(self.tr("Mọi kỳ"), "")
        for _ in range(RECENT_MONTHS):
            text = f"{period.label(self.ctx.lang)} ({period.start:%d/%m}–{period.end:%d/%m})"
            self._periods[period.spec] = period
            self.f_period.addItem(text, period.spec)
            period = period.previous()
        self.f_period.setCurrentIndex(max(self.f_period.findData(current or ""), 0))
        self.f_period.blockSignals(False)

    def _fill_fields(self) -> None:
        fields = self.ctx.read(lambda s: list_fields(s))
        self.f_field.set_items([(self.tr("Mọi lĩnh vực"), None), *((f.name, f.id) for f in fields)])

    def _fill_statuses(self) -> None:
        current = self.f_status.currentData()
        self.f_status.blockSignals(True)
        self.f_status.clear()
        self.f_status.addItem(self.tr("Mọi trạng thái"), "")
        self.f_status.addItem(self.tr("Đang giải quyết"), str(StatusFilter.OPEN))
        self.f_status.addItem(self.tr("Quá hạn"), str(StatusFilter.OVERDUE))
        self.f_status.addItem(self.tr("Đã giải quyết"), str(StatusFilter.FINISHED))
        self.f_status.addItem(self.tr("Chờ bổ sung"), str(StatusFilter.WAITING))
        self.f_status.setCurrentIndex(max(self.f_status.findData(current or ""), 0))
        self.f_status.blockSignals(False)

    def current_filter(self) -> DossierFilter:
        """The filter bar and search box as a storage filter: the period bounds the receipt date,
        or the finish date when the user asks for resolved dossiers ("resolved in July")."""
        period = self._periods.get(self.f_period.currentData() or "")
        status = StatusFilter(self.f_status.currentData()) if self.f_status.currentData() else None
        by_finish = period is not None and status == StatusFilter.FINISHED
        return DossierFilter(
            received_from=period.start if period and not by_finish else None,
            received_to=period.end if period and not by_finish else None,
            finished_from=period.start if by_finish else None,
            finished_to=period.end if by_finish else None,
            field_id=self.f_field.value(),
            channel=self.f_channel.value(),
            search=self.search.text(),
            status=status,
            status_on=date.today(),
        )

    def reload_choices(self) -> None:
        self._fill_fields()
        self._fill_periods()  # the cut-off day may have changed
        if isinstance(self.form, DossierForm):
            self.form.reload_choices()

    def retranslate(self) -> None:
        super().retranslate()
        self.f_period.setToolTip(
            self.tr("Kỳ theo ngày chốt số liệu. Lọc theo ngày tiếp nhận; với “Đã giải quyết”: theo ngày giải quyết.")
        )
        self.f_field.lineEdit().setPlaceholderText(self.tr("Lĩnh vực (gõ không dấu)…"))
        self.f_status.setToolTip(self.tr("Trạng thái tính đến hết ngày hôm nay."))
        self.f_channel.blank_label = self.tr("Mọi kênh")
        self.f_channel.fill(self.ctx.lang)
        self._fill_statuses()
        if hasattr(self, "model"):  # a language switch: period names and the "all" entries change too
            self._fill_periods()
            self._fill_fields()
            self._fit_columns()  # headers and state words have other widths in the other language
        if isinstance(self.form, DossierForm):
            self.form.retranslate()

    # --- table -------------------------------------------------------------------------------
    def _fit_columns(self, max_width: int = 320) -> None:
        """Columns as narrow as their texts allow, long ones capped, so the key columns fit at 1366 px.

        Row numbers are hidden: the code identifies a dossier and the count is above the table.
        """
        self.table.verticalHeader().hide()
        fit_to_texts(self.table, COLUMN_CAPS, max_width)

    def columns(self) -> list[Column[DossierRow]]:
        lang = self.ctx.lang
        late = LATE_STATES
        # storage counts working days past the due date for any open dossier; they mean "overdue"
        # only for overdue and late ones (a waiting dossier's clock is stopped).
        overdue = lambda r: r.overdue_days if r.state in late else 0  # noqa: E731
        short_states = self.short_state_labels()
        return [
            Column(self.tr("Mã hồ sơ"), lambda r: r.code, "code"),
            Column(self.tr("Người nộp"), lambda r: r.applicant_name, "applicant_name"),
            Column(
                self.tr("Tiếp nhận"),
                lambda r: fmt_date(r.received_at.date()),  # the time (15:00 rule) is in the tooltip and the form
                "received_at",
                raw=lambda r: r.received_at,
                tooltip=lambda r: fmt_date(r.received_at),
            ),
            Column(
                self.tr("Hạn\ngiải quyết"),
                lambda r: fmt_date(r.due_date) + (" *" if r.due_overridden else ""),
                "due_date",
                raw=lambda r: r.due_date,
                tooltip=lambda r: self.tr("Hạn đã được điều chỉnh") if r.due_overridden else fmt_date(r.due_date),
            ),
            Column(
                self.tr("Trạng thái\nhôm nay"),
                lambda r: short_states.get(r.state, "") or r.state.label(lang),
                raw=lambda r: r.state,
                alert=lambda r: r.state in late,
                tooltip=lambda r: r.state.label(lang),
            ),
            Column(
                self.tr("Số ngày\nquá hạn"),
                lambda r: str(overdue(r)) if overdue(r) else "",
                raw=overdue,
                numeric=True,
                alert=lambda r: overdue(r) > 0,
                tooltip=lambda r: self.tr("Quá hạn {n} ngày làm việc").format(n=overdue(r)) if overdue(r) else "",
            ),
            Column(
                self.tr("Thủ tục"),
                lambda r: r.procedure_name,
                "procedure",
                tooltip=lambda r: f"{r.procedure_code} – {r.procedure_name}",
            ),
            Column(self.tr("Lĩnh vực"), lambda r: r.field_name, "field"),
            Column(self.tr("Kênh"), lambda r: r.channel.label(lang), "channel"),
            Column(
                self.tr("Ngày giải quyết"),
                lambda r: fmt_date(r.finished_date),
                "finished_date",
                raw=lambda r: r.finished_date,
            ),
        ]

    def short_state_labels(self) -> dict[DossierState, str]:
        """States in a few words for the table, in the filter's terms; the tooltip gives the full label.

        The full labels ("Đang giải quyết, trong hạn") would take a fifth of the table's width and
        push the overdue days out of view at 1366 px.
        """
        return {
            DossierState.IN_TIME: self.tr("Đang giải quyết"),
            DossierState.OVERDUE: self.tr("Quá hạn"),
            DossierState.WAITING_SUPPLEMENT: self.tr("Chờ bổ sung"),
            DossierState.EARLY: self.tr("Xong trước hạn"),
            DossierState.ON_TIME: self.tr("Xong đúng hạn"),
            DossierState.LATE: self.tr("Xong quá hạn"),
            DossierState.NOT_ACCEPTED: self.tr("Không tiếp nhận"),
            DossierState.NOT_YET_RECEIVED: self.tr("Chưa tiếp nhận"),
        }

    def make_source(self) -> DossierSource:
        return DossierSource(self.ctx, self.current_filter())

    # --- form and storage ----------------------------------------------------------------------
    def create_form(self) -> RecordForm:
        return DossierForm(self.ctx)

    def load_record(self, session: Session, record_id: int) -> DossierData:
        return load_dossier(session, record_id)

    def save_record(self, session: Session, data: Any, record_id: int | None) -> int:
        try:
            saved = save_dossier(session, data, record_id, user_id=self.ctx.user_id, ctx=self.ctx.rules())
        except ValidationError as exc:
            raise ValidationError([self._explain(p, data) for p in exc.problems]) from None
        self._saved_code = load_dossier(session, saved).code  # a generated code, for the status bar
        return saved

    def _explain(self, problem: Problem, data: DossierData) -> Problem:
        """Storage says "procedure not in the catalog"; when nothing was chosen, say that instead."""
        if problem.field == "procedure" and data.procedure_id == NO_PROCEDURE:
            form = self.form
            if isinstance(form, DossierForm) and not form.procedure.text_value():
                return Problem(
                    "procedure",
                    "Chưa chọn thủ tục hành chính: gõ vài chữ của tên thủ tục rồi chọn trong danh sách.",
                    "No procedure chosen: type a few letters of its name and pick it from the list.",
                )
        return problem

    def delete_record(self, session: Session, record_id: int) -> DossierData:
        return delete_dossier(session, record_id)

    def describe(self, data: Any) -> str:
        code = data.code or self._saved_code
        return self.tr("hồ sơ {code} ({name})").format(code=code, name=data.applicant_name.strip())

    def save_current(self) -> bool:
        """Save; after a new dossier the form is ready for the next one of the same stack (receipt time kept)."""
        self._saved_code = ""
        form = self.form
        keep = form.received_at.value() if isinstance(form, DossierForm) else None
        was_new = self.current_id is None
        saved = super().save_current()
        if saved and was_new and isinstance(form, DossierForm) and keep is not None:
            form.received_at.set_value(keep)
            form.focus_first()
        return saved
