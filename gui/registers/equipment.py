"""Trang thiết bị: the IT equipment checklist, what each unit needs, has and can actually use."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.registers.register_page import RegisterPage
from gui.registers.sources import ListSource
from gui.registers.table_model import Column
from gui.widgets.format import fmt_date, fmt_int
from gui.widgets.inputs import CountSpin, DateEdit, EnumCombo, PickerCombo
from gui.widgets.record_form import FormInputError, RecordForm
from storage.equipment import (
    EquipmentData,
    EquipmentRow,
    delete_equipment,
    list_equipment,
    load_equipment,
    save_equipment,
    shortage,
)
from storage.errors import Problem
from storage.textsearch import fold, vietnamese_sort_key
from storage.units import list_units
from storage.vocab import EquipmentKind

#: A certificate expiring within this many days is shown in red (as storage.expiring_signatures warns).
EXPIRY_WARNING_DAYS = 60
_KIND_ORDER = {kind: i for i, kind in enumerate(EquipmentKind)}


class EquipmentForm(RecordForm):
    """Entry form for one checklist line; field names match storage.equipment's problems."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading.setWordWrap(True)
        self.kind = EnumCombo(EquipmentKind, ctx.lang)
        self.description = QLineEdit()
        self.unit = PickerCombo()
        # Sized by a few characters, not the longest unit name, so the field stays beside its label.
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit.setMinimumContentsLength(12)
        self.required = CountSpin()
        self.available = CountSpin()
        self.working = CountSpin()
        self.computed = QLabel()  # shortage and broken, recomputed as the counts change
        font = self.computed.font()
        font.setBold(True)
        self.computed.setFont(font)
        self.inventory_date = DateEdit()
        self.expiry_date = DateEdit(optional=True)
        self.condition_notes = QPlainTextEdit()
        self.condition_notes.setFixedHeight(70)
        for name, widget in self._fields():
            self.add_row(name, "", widget)
        self.kind.currentIndexChanged.connect(lambda _i: self._update_expiry_enabled())
        for spin in (self.required, self.available, self.working):
            spin.valueChanged.connect(lambda _v: self._update_computed())
        self.retranslate()
        self.reload_units()

    def _fields(self) -> list[tuple[str, QWidget]]:
        return [
            ("kind", self.kind),
            ("description", self.description),
            ("unit", self.unit),
            ("required", self.required),
            ("available", self.available),
            ("working", self.working),
            ("computed", self.computed),
            ("inventory_date", self.inventory_date),
            ("expiry_date", self.expiry_date),
            ("condition_notes", self.condition_notes),
        ]

    def retranslate(self) -> None:
        labels = {
            "kind": self.tr("Loại thiết bị *"),
            "description": self.tr("Mô tả"),
            "unit": self.tr("Đơn vị sử dụng"),
            "required": self.tr("Số lượng cần có"),
            "available": self.tr("Số hiện có"),
            "working": self.tr("Số đang hoạt động"),
            "computed": self.tr("Còn thiếu"),
            "inventory_date": self.tr("Ngày kiểm kê *"),
            "expiry_date": self.tr("Chứng thư số hết hạn"),
            "condition_notes": self.tr("Tình trạng, ghi chú"),
        }
        for name, text in labels.items():
            self.set_label(name, text)
        self.description.setPlaceholderText(self.tr("VD: Máy tính Dell OptiPlex"))
        self.expiry_date.setToolTip(self.tr("Chỉ dùng cho loại «Chứng thư số, chữ ký số»."))
        self.condition_notes.setPlaceholderText(self.tr("Enter xuống dòng; Ctrl+Enter hoặc Ctrl+S để lưu"))
        self.kind.fill(self.ctx.lang)
        self._update_computed()
        self.retranslate_buttons()

    def reload_units(self) -> None:
        self.unit.set_items((u.name, u.id) for u in self.ctx.read(lambda s: list_units(s, active_only=True)))

    def _update_expiry_enabled(self) -> None:
        """Only digital-signature certificates expire; other kinds keep the date blank."""
        is_signature = self.kind.value() == EquipmentKind.SIGNATURE
        if not is_signature:
            self.expiry_date.set_value(None)
        self.expiry_date.setEnabled(is_signature)

    def _update_computed(self) -> None:
        missing = shortage(self.required.value(), self.working.value())
        broken = max(self.available.value() - self.working.value(), 0)
        text = html.escape(
            self.tr("{missing} (hỏng, không dùng được: {broken})").format(
                missing=fmt_int(missing), broken=fmt_int(broken)
            )
        )
        # Colour in the text, not a style sheet: the form clears row style sheets when it clears problems.
        self.computed.setText(f'<span style="color:#b00020">{text}</span>' if missing > 0 else text)

    def focus_first(self) -> None:
        self.kind.setFocus()

    def new_record(self) -> None:
        self.set_data(EquipmentData(kind=EquipmentKind.DESKTOP, inventory_date=date.today()))

    def set_data(self, d: EquipmentData) -> None:
        self.kind.set_value(d.kind)
        self.description.setText(d.description)
        self.description.setCursorPosition(0)
        self.unit.set_value(d.unit_id)
        self.required.setValue(d.required)
        self.available.setValue(d.available)
        self.working.setValue(d.working)
        self.inventory_date.set_value(d.inventory_date)
        self._update_expiry_enabled()
        self.expiry_date.set_value(d.expiry_date)
        self.condition_notes.setPlainText(d.condition_notes)
        self._update_computed()

    def get_data(self) -> EquipmentData:
        unit_text = self.unit.text_value()
        unit_id = self.unit.value()
        if unit_text and unit_id is None:
            msg = self.tr("Đơn vị “{name}” không có trong danh sách đơn vị của xã.").format(name=unit_text)
            raise FormInputError([Problem("unit", msg, msg)])
        for spin in (self.required, self.available, self.working):
            spin.interpretText()  # a number typed but not yet committed still counts
        inventory = self.inventory_date.value()
        assert inventory is not None  # not optional
        return EquipmentData(
            kind=self.kind.value(),
            inventory_date=inventory,
            required=self.required.value(),
            available=self.available.value(),
            working=self.working.value(),
            description=self.description.text().strip(),
            unit_id=unit_id,
            condition_notes=self.condition_notes.toPlainText(),
            expiry_date=self.expiry_date.value() if self.expiry_date.isEnabled() else None,
        )


class EquipmentPage(RegisterPage):
    """Trang thiết bị: checklist lines in kind order, shortages in red, totals per kind above the table."""

    kind = "equipment"
    import_kind = "equipment"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self._rows: Sequence[EquipmentRow] = []
        self._unit_short: dict[int | None, str] = {}
        self.summary = QLabel()
        super().__init__(ctx, parent)
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(2, 0, 2, 2)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 1, self.summary)  # between the filters and the table
        splitter = self.table.parentWidget()
        if isinstance(splitter, QSplitter):
            splitter.setSizes([1100, 380])  # the form is short; the table needs room for the counts
        self._narrow_count_columns()
        # Storage lists lines in kind order: let the header's arrow say so (Qt starts it at descending).
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self._update_summary()

    def title(self) -> str:
        return self.tr("Trang thiết bị")

    def _narrow_count_columns(self) -> None:
        """Counts are short numbers: size their columns by the header alone, so "Còn thiếu" fits at 1366 px."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for i, col in enumerate(self.columns()):
            if col.numeric:
                header.resizeSection(i, metrics.horizontalAdvance(col.header) + 26)

    def depends_on(self) -> set[str]:
        return {"units"}

    def add_filters(self, layout: QHBoxLayout) -> None:
        self.f_kind = EnumCombo(EquipmentKind, self.ctx.lang, optional=True, blank_label=self.tr("Tất cả loại"))
        self.f_kind.setMaximumWidth(260)
        self.f_unit = PickerCombo()
        self.f_unit.setMinimumWidth(200)
        self.f_shortage = QCheckBox()
        for w in (self.f_kind, self.f_unit, self.f_shortage):
            layout.addWidget(w)
        self.f_kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.f_unit.value_changed.connect(lambda _v: self.refresh())
        self.f_shortage.toggled.connect(lambda _b: self.refresh())
        self._fill_unit_filter()

    def _fill_unit_filter(self) -> None:
        units = self.ctx.read(lambda s: list_units(s))
        self.f_unit.set_items([(self.tr("Tất cả đơn vị"), None), *((u.name, u.id) for u in units)])

    def reload_choices(self) -> None:
        self._fill_unit_filter()
        self.form.reload_units()  # type: ignore[attr-defined]

    def retranslate(self) -> None:
        super().retranslate()
        self.f_shortage.setText(self.tr("Chỉ dòng còn thiếu"))
        self.f_kind.blank_label = self.tr("Tất cả loại")
        self.f_kind.fill(self.ctx.lang)
        self.f_kind.setToolTip(self.tr("Lọc theo loại thiết bị"))
        self.f_unit.setToolTip(self.tr("Lọc theo đơn vị sử dụng"))
        self._fill_unit_filter()
        self.form.lang = self.ctx.lang  # messages next to fields follow the language too
        if isinstance(self.form, EquipmentForm):
            self.form.retranslate()
        self._update_summary()

    def columns(self) -> list[Column[EquipmentRow]]:
        lang = self.ctx.lang
        today = date.today()

        def expiring(r: EquipmentRow) -> bool:
            days = r.days_to_expiry(today)
            return days is not None and days <= EXPIRY_WARNING_DAYS

        def expiry_tip(r: EquipmentRow) -> str:
            days = r.days_to_expiry(today)
            if days is None:
                return ""
            if days < 0:
                return self.tr("Đã hết hạn {n} ngày").format(n=fmt_int(-days))
            return self.tr("Còn {n} ngày").format(n=fmt_int(days))

        # What, where, then the counts in the order of the sum (needed − working = missing): the
        # shortage, the figure this screen is for, stays beside the form at 1366 px without scrolling.
        return [
            Column(self.tr("Loại thiết bị"), lambda r: r.kind.label(lang), "kind"),
            Column(self.tr("Đơn vị"), self._unit_shown, "unit", tooltip=lambda r: r.unit_name),
            Column(self.tr("Cần có"), lambda r: fmt_int(r.required), "required", r_required, numeric=True),
            Column(self.tr("Hoạt động"), lambda r: fmt_int(r.working), "working", r_working, numeric=True),
            Column(
                self.tr("Còn thiếu"),
                lambda r: fmt_int(r.shortage),
                "shortage",
                r_shortage,
                numeric=True,
                alert=lambda r: r.shortage > 0,
            ),
            Column(self.tr("Hiện có"), lambda r: fmt_int(r.available), "available", r_available, numeric=True),
            Column(self.tr("Hỏng"), lambda r: fmt_int(r.broken), "broken", r_broken, numeric=True),
            Column(self.tr("Mô tả"), self._description_shown, "description", tooltip=lambda r: r.description),
            Column(self.tr("Ngày kiểm kê"), lambda r: fmt_date(r.inventory_date), "inventory"),
            Column(
                self.tr("Chứng thư số hết hạn"),
                lambda r: fmt_date(r.expiry_date),
                "expiry",
                tooltip=expiry_tip,
                alert=expiring,
            ),
        ]

    def _unit_shown(self, r: EquipmentRow) -> str:
        """The unit's short name from the catalog (TTPVHCC, VP), the full name in the tooltip."""
        return self._unit_short.get(r.unit_id, "") or r.unit_name

    def _description_shown(self, r: EquipmentRow) -> str:
        """The description, left blank when it only repeats the kind (the column beside it says so)."""
        same = fold(r.description) in (fold(r.kind.label("vi")), fold(r.kind.label("en")))
        return "" if same else r.description

    def make_source(self) -> ListSource[EquipmentRow]:
        search = self.search.text()
        kind = self.f_kind.value()
        unit_id = self.f_unit.value()
        shortage_only = self.f_shortage.isChecked()

        def load() -> list[EquipmentRow]:
            def query(s: Session) -> list[EquipmentRow]:
                self._unit_short = {u.id: u.short_name for u in list_units(s)}
                return list_equipment(s, kind=kind, unit_id=unit_id, shortage_only=shortage_only, search=search)

            rows = self.ctx.read(query)
            self._rows = rows
            self._update_summary()
            return rows

        return ListSource(
            load,
            {
                "kind": lambda r: _KIND_ORDER[r.kind],
                "description": lambda r: vietnamese_sort_key(r.description),
                "unit": lambda r: vietnamese_sort_key(r.unit_name),
                "required": r_required,
                "available": r_available,
                "working": r_working,
                "broken": r_broken,
                "shortage": r_shortage,
                "inventory": lambda r: r.inventory_date,
                "expiry": lambda r: r.expiry_date,
            },
        )

    def _update_summary(self) -> None:
        """Shortage per kind over the lines the filter shows (each line's shortage comes from storage)."""
        by_kind: dict[EquipmentKind, int] = {}
        for r in self._rows:
            if r.shortage > 0:
                by_kind[r.kind] = by_kind.get(r.kind, 0) + r.shortage
        if not by_kind:
            text = self.tr("Không có dòng nào còn thiếu trong danh sách đang xem.")
        else:
            parts = [
                self.tr("{kind}: {n}").format(kind=k.label(self.ctx.lang), n=fmt_int(by_kind[k]))
                for k in EquipmentKind
                if k in by_kind
            ]
            head = self.tr("Còn thiếu {total} thiết bị:").format(total=fmt_int(sum(by_kind.values())))
            text = f"<b>{html.escape(head)}</b> {html.escape('; '.join(parts))}"
        self.summary.setText(text)

    def total_shortage(self) -> int:
        """Sum of the shortages shown in the summary (the lines of the current filter)."""
        return sum(r.shortage for r in self._rows)

    def create_form(self) -> RecordForm:
        return EquipmentForm(self.ctx)

    def load_record(self, session: Session, record_id: int) -> EquipmentData:
        return load_equipment(session, record_id)

    def save_record(self, session: Session, data: Any, record_id: int | None) -> int:
        return save_equipment(session, data, record_id, user_id=self.ctx.user_id)

    def delete_record(self, session: Session, record_id: int) -> EquipmentData:
        return delete_equipment(session, record_id)

    def describe(self, data: Any) -> str:
        label = data.kind.label(self.ctx.lang)
        if data.description and data.description != label:
            return self.tr("{kind} – {description}").format(kind=label, description=data.description)
        return label


def r_required(r: EquipmentRow) -> int:
    return r.required


def r_available(r: EquipmentRow) -> int:
    return r.available


def r_working(r: EquipmentRow) -> int:
    return r.working


def r_broken(r: EquipmentRow) -> int:
    return r.broken


def r_shortage(r: EquipmentRow) -> int:
    return r.shortage
