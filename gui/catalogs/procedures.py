"""Thủ tục hành chính: the procedure catalog with the legal durations deadlines are computed from."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QSplitter, QWidget

from gui.catalogs.procedure_form import ProcedureForm, duration_text
from gui.catalogs.table_layout import fit_beside_form
from gui.context import AppContext
from gui.errors import show_error
from gui.registers.register_page import RegisterPage
from gui.registers.sources import ListSource
from gui.registers.table_model import Column
from gui.widgets.inputs import PickerCombo
from gui.widgets.record_form import RecordForm
from storage.catalog import (
    ProcedureData,
    ProcedureRow,
    delete_procedure,
    list_fields,
    list_procedures,
    load_procedure,
    save_procedure,
)
from storage.deadlines import TimeUnit
from storage.errors import UserError
from storage.textsearch import fold, vietnamese_sort_key
from storage.vocab import Channel


def matching_procedures(
    rows: list[ProcedureRow], search: str, field_id: int | None, active_only: bool
) -> list[ProcedureRow]:
    """Procedures whose code or name holds every searched word, ignoring diacritics ("giam ho")."""
    words = fold(search).split()
    return [
        r
        for r in rows
        if (field_id is None or r.field_id == field_id)
        and (r.active or not active_only)
        and all(w in fold(f"{r.code} {r.name}") for w in words)
    ]


class ProceduresPage(RegisterPage):
    """The procedure register; procedures with dossiers are retired ("Ngừng sử dụng"), not deleted."""

    kind = "procedures"
    import_kind = "procedures"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # Eight columns beside a ten-row form: the table gets most of the width, long names take what is
        # left (full name in the tooltip), and field names are capped since the filter names them anyway.
        fit_beside_form(self.table, stretch=1, caps={2: 120}, fits={3: duration_text(TimeUnit.WORKING_DAYS, 30)})
        split = self.findChild(QSplitter)
        if split is not None:
            split.setSizes([900, 380])
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by field, as on the results form

    def title(self) -> str:
        return self.tr("Thủ tục hành chính")

    def depends_on(self) -> set[str]:
        return {"fields"}

    def add_filters(self, layout: QHBoxLayout) -> None:
        self.f_field = PickerCombo()
        self.f_field.setMinimumWidth(220)
        self.f_active = QCheckBox()
        layout.addWidget(self.f_field)
        layout.addWidget(self.f_active)
        self.f_field.value_changed.connect(lambda _v: self.refresh())
        self.f_active.toggled.connect(lambda _b: self.refresh())
        self._fill_field_filter()
        # "Ngừng sử dụng" sits beside "Xóa" in the top bar, since it is what replaces deleting.
        self.retire_button = QPushButton()
        self.retire_button.clicked.connect(self.toggle_active)
        top = self._bar_holding(self.delete_button)
        top.insertWidget(top.indexOf(self.delete_button) + 1, self.retire_button)

    def _bar_holding(self, widget: QWidget) -> QHBoxLayout:
        outer = self.layout()
        for i in range(outer.count()):
            lay = outer.itemAt(i).layout()
            if isinstance(lay, QHBoxLayout) and lay.indexOf(widget) >= 0:
                return lay
        raise LookupError("top bar not found")

    def _fill_field_filter(self) -> None:
        fields = self.ctx.read(list_fields)
        self.f_field.set_items([(self.tr("Tất cả lĩnh vực"), None), *((f.name, f.id) for f in fields)])

    def reload_choices(self) -> None:
        self._fill_field_filter()
        if isinstance(self.form, ProcedureForm):
            self.form.reload_fields()

    def retranslate(self) -> None:
        super().retranslate()
        self.f_active.setText(self.tr("Chỉ thủ tục đang sử dụng"))
        if hasattr(self, "f_field"):
            self._fill_field_filter()
        if isinstance(self.form, ProcedureForm):
            self.form.retranslate()
        self._update_retire_button()

    def columns(self) -> list[Column[ProcedureRow]]:
        def days(r: ProcedureRow, channel: Channel) -> str:
            return "" if r.time_unit == TimeUnit.SAME_DAY else str(r.days_for(channel))

        def inherited(r: ProcedureRow, value: int | None) -> str:
            if r.time_unit == TimeUnit.SAME_DAY:
                return self.tr("Trả trong ngày")
            return self.tr("Như nộp trực tiếp") if value is None else ""

        # "Thời hạn" is the in-person duration with its unit, so no separate in-person column is needed.
        return [
            Column(self.tr("Mã"), lambda r: r.code, "code"),
            Column(self.tr("Tên thủ tục"), lambda r: r.name, "name", tooltip=lambda r: r.name),
            Column(self.tr("Lĩnh vực"), lambda r: r.field_name, "field"),
            Column(self.tr("Thời hạn"), lambda r: duration_text(r.time_unit, r.days_direct), "duration"),
            Column(
                self.tr("Trực\ntuyến"),
                lambda r: days(r, Channel.ONLINE),
                "online",
                numeric=True,
                tooltip=lambda r: inherited(r, r.days_online),
            ),
            Column(
                self.tr("Bưu\nchính"),
                lambda r: days(r, Channel.POSTAL),
                "postal",
                numeric=True,
                tooltip=lambda r: inherited(r, r.days_postal),
            ),
            Column(
                self.tr("Sử\ndụng"),
                lambda r: self.tr("Có") if r.active else self.tr("Ngừng"),
                "active",
                alert=lambda r: not r.active,
            ),
        ]

    def make_source(self) -> ListSource[ProcedureRow]:
        search, field_id, active_only = self.search.text(), self.f_field.value(), self.f_active.isChecked()
        order = list(TimeUnit)
        field_rank: dict[int, int] = {}  # fields sort in the order of the official form, not alphabetically

        def load() -> list[ProcedureRow]:
            fields, rows = self.ctx.read(lambda s: (list_fields(s), list_procedures(s)))
            field_rank.update({f.id: i for i, f in enumerate(fields)})
            return matching_procedures(rows, search, field_id, active_only)

        return ListSource(
            load,
            {
                "code": lambda r: r.code.lower(),
                "name": lambda r: vietnamese_sort_key(r.name),
                "field": lambda r: (field_rank.get(r.field_id, 0), vietnamese_sort_key(r.name)),
                "duration": lambda r: (order.index(r.time_unit), r.days_direct),
                "online": lambda r: r.days_for(Channel.ONLINE),
                "postal": lambda r: r.days_for(Channel.POSTAL),
                "active": lambda r: r.active,
            },
        )

    def create_form(self) -> RecordForm:
        return ProcedureForm(self.ctx)

    def load_record(self, session: Session, record_id: int) -> ProcedureData:
        return load_procedure(session, record_id)

    def save_record(self, session: Session, data: Any, record_id: int | None) -> int:
        return save_procedure(session, data, record_id, user_id=self.ctx.user_id)

    def delete_record(self, session: Session, record_id: int) -> ProcedureData:
        return delete_procedure(session, record_id)

    def describe(self, data: Any) -> str:
        return self.tr("thủ tục “{name}”").format(name=data.name)

    # --- retiring instead of deleting --------------------------------------------------------------
    def show_record(self, data: Any) -> None:
        super().show_record(data)
        self._update_retire_button(data)

    def new_record(self) -> None:
        super().new_record()
        self._update_retire_button()

    def _update_retire_button(self, data: ProcedureData | None = None) -> None:
        if not hasattr(self, "retire_button"):
            return
        if data is None and self.current_id is not None:
            record_id = self.current_id
            data = self.ctx.read(lambda s: load_procedure(s, record_id))
        active = data is None or data.active
        self.retire_button.setText(self.tr("Ngừng sử dụng") if active else self.tr("Dùng lại"))
        self.retire_button.setToolTip(
            self.tr("Thủ tục không còn hiện khi nhận hồ sơ mới; hồ sơ cũ và báo cáo vẫn giữ nguyên.")
            if active
            else self.tr("Thủ tục lại được chọn khi nhận hồ sơ mới.")
        )
        self.retire_button.setEnabled(data is not None)

    def toggle_active(self) -> None:
        """Retire the selected procedure (or bring it back), keeping every dossier that uses it."""
        if self.current_id is None:
            self.status_message.emit(self.tr("Chưa chọn thủ tục."))
            return
        record_id = self.current_id
        try:
            with self.ctx.session() as s:
                data = load_procedure(s, record_id)
                data = replace(data, active=not data.active)
                save_procedure(s, data, record_id, user_id=self.ctx.user_id)
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return
        message = (self.tr("Đã cho dùng lại {name}.") if data.active else self.tr("Đã ngừng sử dụng {name}.")).format(
            name=self.describe(data)
        )
        self.status_message.emit(message)
        self.ctx.notify(self.kind)
        self.show_record(data)
