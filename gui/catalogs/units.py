"""Đơn vị: the commune's departments, offered in the staff and equipment forms."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from gui.catalogs.table_layout import fit_beside_form
from gui.context import AppContext
from gui.registers.register_page import RegisterPage
from gui.registers.sources import ListSource
from gui.registers.table_model import Column
from gui.widgets.format import fmt_int
from gui.widgets.inputs import CountSpin
from gui.widgets.record_form import RecordForm
from storage.staff import list_staff
from storage.textsearch import fold, vietnamese_sort_key
from storage.units import UnitData, UnitRow, delete_unit, list_units, load_unit, save_unit


@dataclass(frozen=True)
class UnitLine:
    """A unit as listed, with how many people work in it today (so an empty unit is easy to spot)."""

    unit: UnitRow
    in_post: int

    @property
    def id(self) -> int:
        return self.unit.id


def load_unit_lines(session: Session, search: str, on: date) -> list[UnitLine]:
    """Units matching every word of ``search`` (no diacritics needed), with their headcount on ``on``."""
    counts = Counter(r.unit_id for r in list_staff(session, on=on))
    words = fold(search).split()
    return [
        UnitLine(u, counts.get(u.id, 0))
        for u in list_units(session)
        if all(w in fold(f"{u.name} {u.short_name}") for w in words)
    ]


class UnitForm(RecordForm):
    """Entry form for one unit; field names match storage.units' problems."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.name = QLineEdit()
        self.short_name = QLineEdit()
        self.short_name.setMaxLength(40)
        self.is_service_center = QCheckBox()
        self.sort_order = CountSpin(maximum=9999)
        self.active = QCheckBox()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.notes.setTabChangesFocus(True)
        for name, widget in (
            ("name", self.name),
            ("short_name", self.short_name),
            ("is_service_center", self.is_service_center),
            ("sort_order", self.sort_order),
            ("active", self.active),
            ("notes", self.notes),
        ):
            self.add_row(name, "", widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_label("name", self.tr("Tên đơn vị *"))
        self.set_label("short_name", self.tr("Tên viết tắt"))
        self.set_label("is_service_center", self.tr("Trung tâm PVHCC"))
        self.is_service_center.setText(self.tr("Là Trung tâm Phục vụ hành chính công"))
        self.set_label("sort_order", self.tr("Thứ tự sắp xếp"))
        self.set_label("active", self.tr("Trạng thái"))
        self.active.setText(self.tr("Đang sử dụng"))
        self.set_label("notes", self.tr("Ghi chú"))
        self.retranslate_buttons()

    def focus_first(self) -> None:
        self.name.setFocus()

    def new_record(self) -> None:
        units = self.ctx.read(list_units)
        next_order = max((u.sort_order for u in units), default=0) + 1
        self.set_data(UnitData(name="", sort_order=min(next_order, 9999)))

    def set_data(self, d: UnitData) -> None:
        self.name.setText(d.name)
        self.short_name.setText(d.short_name)
        self.is_service_center.setChecked(d.is_service_center)
        self.sort_order.setValue(d.sort_order)
        self.active.setChecked(d.active)
        self.notes.setPlainText(d.notes)

    def get_data(self) -> UnitData:
        return UnitData(
            name=self.name.text().strip(),
            short_name=self.short_name.text().strip(),
            is_service_center=self.is_service_center.isChecked(),
            sort_order=self.sort_order.value(),
            active=self.active.isChecked(),
            notes=self.notes.toPlainText(),
        )


class UnitsPage(RegisterPage):
    """The units register; saving tells the staff and equipment screens to refill their unit pickers."""

    kind = "units"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        fit_beside_form(self.table, stretch=1, fits={5: self.tr("Ngừng sử dụng")})

    def title(self) -> str:
        return self.tr("Đơn vị")

    def depends_on(self) -> set[str]:
        return {"staff"}  # the headcount column

    def columns(self) -> list[Column[UnitLine]]:
        return [
            Column(self.tr("Thứ tự"), lambda r: str(r.unit.sort_order), "order"),
            Column(self.tr("Tên đơn vị"), lambda r: r.unit.name, "name", tooltip=lambda r: r.unit.name),
            Column(self.tr("Viết tắt"), lambda r: r.unit.short_name, "short"),
            Column(self.tr("TTPVHCC"), lambda r: self.tr("Có") if r.unit.is_service_center else "", "center"),
            Column(self.tr("Đang\ncông tác"), lambda r: fmt_int(r.in_post), "in_post", numeric=True),
            Column(
                self.tr("Trạng thái"),
                lambda r: self.tr("Đang sử dụng") if r.unit.active else self.tr("Ngừng sử dụng"),
                "active",
                alert=lambda r: not r.unit.active,
            ),
        ]

    def make_source(self) -> ListSource[UnitLine]:
        search = self.search.text()
        return ListSource(
            lambda: self.ctx.read(lambda s: load_unit_lines(s, search, date.today())),
            {
                "order": lambda r: (r.unit.sort_order, vietnamese_sort_key(r.unit.name)),
                "name": lambda r: vietnamese_sort_key(r.unit.name),
                "short": lambda r: vietnamese_sort_key(r.unit.short_name),
                "center": lambda r: r.unit.is_service_center,
                "in_post": lambda r: r.in_post,
                "active": lambda r: r.unit.active,
            },
        )

    def create_form(self) -> RecordForm:
        return UnitForm(self.ctx)

    def load_record(self, session: Session, record_id: int) -> UnitData:
        return load_unit(session, record_id)

    def save_record(self, session: Session, data: Any, record_id: int | None) -> int:
        return save_unit(session, data, record_id, user_id=self.ctx.user_id)

    def delete_record(self, session: Session, record_id: int) -> UnitData:
        return delete_unit(session, record_id)

    def describe(self, data: Any) -> str:
        return self.tr("đơn vị “{name}”").format(name=data.name)

    def retranslate(self) -> None:
        super().retranslate()
        if isinstance(self.form, UnitForm):
            self.form.retranslate()
