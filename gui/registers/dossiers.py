"""Hồ sơ TTHC: the dossier register (up to 100,000+ records, loaded lazily) with its entry form."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from gui.context import AppContext
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
from storage.vocab import Channel

RECENT_MONTHS = 12
FIT_SAMPLE_ROWS = 40  # rows measured to size the columns when the register opens
PROCEDURE_COLUMN = 1
RECEIVED_COLUMN = 4  # the default sort (newest first) is shown on this header


class DossierPage(RegisterPage):
    """Hồ sơ TTHC: every dossier received, its due date and its state today; sorting and filtering in SQL."""

    kind = "dossiers"
    import_kind = "dossiers"
    _saved_code = ""  # the code storage gave the dossier just saved (generated when left blank)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self._periods: dict[str, Period] = {}
        super().__init__(ctx, parent)
        header = self.table.horizontalHeader()
        header.resizeSection(PROCEDURE_COLUMN, min(header.sectionSize(PROCEDURE_COLUMN), 220))
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
        if isinstance(self.form, DossierForm):
            self.form.retranslate()

    # --- table -------------------------------------------------------------------------------
    def _fit_columns(self, max_width: int = 320) -> None:
        """Size columns on the first rows only: measuring all 200 loaded rows took longer than the query."""
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        super()._fit_columns(max_width)

    def columns(self) -> list[Column[DossierRow]]:
        lang = self.ctx.lang
        late = LATE_STATES
        # storage counts working days past the due date for any open dossier; they mean "overdue"
        # only for overdue and late ones (a waiting dossier's clock is stopped).
        overdue = lambda r: r.overdue_days if r.state in late else 0  # noqa: E731
        return [
            Column(self.tr("Mã hồ sơ"), lambda r: r.code, "code"),
            Column(
                self.tr("Thủ tục"),
                lambda r: r.procedure_name,
                "procedure",
                tooltip=lambda r: f"{r.procedure_code} – {r.procedure_name}",
            ),
            Column(self.tr("Lĩnh vực"), lambda r: r.field_name, "field"),
            Column(self.tr("Người nộp"), lambda r: r.applicant_name, "applicant_name"),
            Column(self.tr("Tiếp nhận"), lambda r: fmt_date(r.received_at), "received_at", raw=lambda r: r.received_at),
            Column(self.tr("Kênh"), lambda r: r.channel.label(lang), "channel"),
            Column(
                self.tr("Hạn giải quyết"),
                lambda r: fmt_date(r.due_date) + (" *" if r.due_overridden else ""),
                "due_date",
                raw=lambda r: r.due_date,
                tooltip=lambda r: self.tr("Hạn đã được điều chỉnh") if r.due_overridden else fmt_date(r.due_date),
            ),
            Column(
                self.tr("Ngày giải quyết"),
                lambda r: fmt_date(r.finished_date),
                "finished_date",
                raw=lambda r: r.finished_date,
            ),
            Column(
                self.tr("Trạng thái hôm nay"),
                lambda r: r.state.label(lang),
                raw=lambda r: r.state,
                alert=lambda r: r.state in late,
            ),
            Column(
                self.tr("Quá hạn (ngày LV)"),
                lambda r: str(overdue(r)) if overdue(r) else "",
                raw=overdue,
                numeric=True,
                alert=lambda r: overdue(r) > 0,
            ),
        ]

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
