"""Nhân sự: the staff register with its entry form."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from gui.context import AppContext
from gui.registers.register_page import RegisterPage
from gui.registers.sources import ListSource
from gui.registers.table_model import Column
from gui.widgets.format import fmt_date
from gui.widgets.inputs import DateEdit, EnumCombo, PickerCombo
from gui.widgets.record_form import FormInputError, RecordForm
from storage.errors import Problem
from storage.staff import StaffData, StaffRow, delete_staff, list_staff, load_staff, save_staff
from storage.textsearch import name_sort_key, vietnamese_sort_key
from storage.units import list_units
from storage.vocab import (
    Gender,
    ITLevel,
    LanguageLevel,
    PoliticalTheory,
    ProfessionalLevel,
    StaffCategory,
    StaffOrigin,
)


class StaffForm(RecordForm):
    """Entry form for one person; field names match storage.staff's problems."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lang = ctx.lang
        self.full_name = QLineEdit()
        self.gender = EnumCombo(Gender, lang)
        self.birth_date = DateEdit(optional=True)
        self.ethnicity = QLineEdit()
        self.religion = QLineEdit()
        self.party_member = QCheckBox()
        self.position = QLineEdit()
        self.unit = PickerCombo()
        self.category = EnumCombo(StaffCategory, lang)
        self.origin = EnumCombo(StaffOrigin, lang)
        self.start_date = DateEdit()
        self.end_date = DateEdit(optional=True)
        self.end_reason = QLineEdit()
        self.professional_level = EnumCombo(ProfessionalLevel, lang)
        self.professional_field = QLineEdit()
        self.political_theory = EnumCombo(PoliticalTheory, lang)
        self.it_level = EnumCombo(ITLevel, lang)
        self.foreign_language = EnumCombo(LanguageLevel, lang)
        self.works_at_center = QCheckBox()
        self.has_signature = QCheckBox()
        self.signature_expiry = DateEdit(optional=True)
        self.phone = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.notes.setTabChangesFocus(True)
        for name, widget in self._fields():
            self.add_row(name, "", widget)
        self.retranslate()
        self.reload_units()

    def _fields(self) -> list[tuple[str, QWidget]]:
        return [
            ("full_name", self.full_name),
            ("gender", self.gender),
            ("birth_date", self.birth_date),
            ("ethnicity", self.ethnicity),
            ("religion", self.religion),
            ("party_member", self.party_member),
            ("position", self.position),
            ("unit", self.unit),
            ("category", self.category),
            ("origin", self.origin),
            ("start_date", self.start_date),
            ("end_date", self.end_date),
            ("end_reason", self.end_reason),
            ("professional_level", self.professional_level),
            ("professional_field", self.professional_field),
            ("political_theory", self.political_theory),
            ("it_level", self.it_level),
            ("foreign_language", self.foreign_language),
            ("works_at_center", self.works_at_center),
            ("has_signature", self.has_signature),
            ("signature_expiry", self.signature_expiry),
            ("phone", self.phone),
            ("notes", self.notes),
        ]

    def retranslate(self) -> None:
        labels = {
            "full_name": self.tr("Họ và tên *"),
            "gender": self.tr("Giới tính"),
            "birth_date": self.tr("Ngày sinh"),
            "ethnicity": self.tr("Dân tộc"),
            "religion": self.tr("Tôn giáo"),
            "party_member": self.tr("Đảng viên"),
            "position": self.tr("Chức vụ, chức danh"),
            "unit": self.tr("Đơn vị"),
            "category": self.tr("Loại"),
            "origin": self.tr("Nguồn"),
            "start_date": self.tr("Bắt đầu công tác *"),
            "end_date": self.tr("Thôi công tác từ ngày"),
            "end_reason": self.tr("Lý do thôi công tác"),
            "professional_level": self.tr("Trình độ chuyên môn"),
            "professional_field": self.tr("Chuyên ngành"),
            "political_theory": self.tr("Lý luận chính trị"),
            "it_level": self.tr("Tin học"),
            "foreign_language": self.tr("Ngoại ngữ"),
            "works_at_center": self.tr("Làm việc tại TTPVHCC"),
            "has_signature": self.tr("Có chữ ký số"),
            "signature_expiry": self.tr("Chữ ký số hết hạn"),
            "phone": self.tr("Điện thoại"),
            "notes": self.tr("Ghi chú"),
        }
        for name, text in labels.items():
            self.set_label(name, text)
        for combo in (
            self.gender,
            self.category,
            self.origin,
            self.professional_level,
            self.political_theory,
            self.it_level,
            self.foreign_language,
        ):
            combo.fill(self.ctx.lang)
        self.retranslate_buttons()

    def reload_units(self) -> None:
        self.unit.set_items((u.name, u.id) for u in self.ctx.read(lambda s: list_units(s, active_only=True)))

    def focus_first(self) -> None:
        self.full_name.setFocus()

    def new_record(self) -> None:
        self.set_data(
            StaffData(full_name="", gender=Gender.MALE, category=StaffCategory.CONG_CHUC, start_date=date.today())
        )

    def set_data(self, d: StaffData) -> None:
        self.full_name.setText(d.full_name)
        self.gender.set_value(d.gender)
        self.birth_date.set_value(d.birth_date)
        self.ethnicity.setText(d.ethnicity)
        self.religion.setText(d.religion)
        self.party_member.setChecked(d.party_member)
        self.position.setText(d.position)
        self.unit.set_value(d.unit_id)
        self.category.set_value(d.category)
        self.origin.set_value(d.origin)
        self.start_date.set_value(d.start_date)
        self.end_date.set_value(d.end_date)
        self.end_reason.setText(d.end_reason)
        self.professional_level.set_value(d.professional_level)
        self.professional_field.setText(d.professional_field)
        self.political_theory.set_value(d.political_theory)
        self.it_level.set_value(d.it_level)
        self.foreign_language.set_value(d.foreign_language)
        self.works_at_center.setChecked(d.works_at_center)
        self.has_signature.setChecked(d.has_signature)
        self.signature_expiry.set_value(d.signature_expiry)
        self.phone.setText(d.phone)
        self.notes.setPlainText(d.notes)

    def get_data(self) -> StaffData:
        unit_text = self.unit.text_value()
        unit_id = self.unit.value()
        if unit_text and unit_id is None:
            raise FormInputError(
                [
                    Problem(
                        "unit",
                        f"Đơn vị “{unit_text}” không có trong danh mục.",
                        f"Unit “{unit_text}” is not in the list.",
                    )
                ]
            )
        start = self.start_date.value()
        assert start is not None
        return StaffData(
            full_name=self.full_name.text(),
            gender=self.gender.value(),
            category=self.category.value(),
            start_date=start,
            birth_date=self.birth_date.value(),
            ethnicity=self.ethnicity.text().strip(),
            religion=self.religion.text().strip(),
            party_member=self.party_member.isChecked(),
            position=self.position.text().strip(),
            unit_id=unit_id,
            origin=self.origin.value(),
            end_date=self.end_date.value(),
            end_reason=self.end_reason.text().strip(),
            professional_level=self.professional_level.value(),
            professional_field=self.professional_field.text(),
            political_theory=self.political_theory.value(),
            it_level=self.it_level.value(),
            foreign_language=self.foreign_language.value(),
            works_at_center=self.works_at_center.isChecked(),
            has_signature=self.has_signature.isChecked(),
            signature_expiry=self.signature_expiry.value(),
            phone=self.phone.text().strip(),
            notes=self.notes.toPlainText(),
        )


class StaffPage(RegisterPage):
    """Nhân sự: everyone who works or worked for the commune, in Vietnamese name order."""

    kind = "staff"
    import_kind = "staff"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)

    def title(self) -> str:
        return self.tr("Nhân sự")

    def depends_on(self) -> set[str]:
        return {"units"}

    def add_filters(self, layout: QHBoxLayout) -> None:
        self.f_unit = PickerCombo()
        self.f_unit.setMinimumWidth(150)
        self.f_unit.setMaximumWidth(220)
        self.f_unit.setMinimumContentsLength(10)
        self.f_category = EnumCombo(StaffCategory, self.ctx.lang, optional=True, blank_label=self.tr("Tất cả loại"))
        self.f_in_post = QCheckBox()
        self.f_on = DateEdit()
        self.f_category.setMaximumWidth(200)
        self.f_category.setMinimumContentsLength(8)
        self.f_category.setSizeAdjustPolicy(self.f_category.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for w in (self.f_unit, self.f_category, self.f_in_post, self.f_on):
            layout.addWidget(w)
        self.f_unit.value_changed.connect(lambda _v: self.refresh())
        self.f_category.currentIndexChanged.connect(lambda _i: self.refresh())
        self.f_in_post.toggled.connect(lambda _b: self.refresh())
        self.f_on.dateChanged.connect(lambda _d: self.refresh() if self.f_in_post.isChecked() else None)
        self._fill_unit_filter()

    def _fill_unit_filter(self) -> None:
        units = self.ctx.read(lambda s: list_units(s))
        self.f_unit.set_items([(self.tr("Tất cả đơn vị"), None), *((u.name, u.id) for u in units)])

    def reload_choices(self) -> None:
        self._fill_unit_filter()
        self.form.reload_units()  # type: ignore[attr-defined]

    def retranslate(self) -> None:
        super().retranslate()
        self.f_in_post.setText(self.tr("Đang công tác ngày"))
        self._fill_unit_filter()  # its "all units" entry
        self.f_category.blank_label = self.tr("Tất cả loại")
        self.f_category.fill(self.ctx.lang)
        if isinstance(self.form, StaffForm):
            self.form.retranslate()

    def columns(self) -> list[Column[StaffRow]]:
        lang = self.ctx.lang
        on = date.today()
        return [
            Column(self.tr("Họ và tên"), lambda r: r.full_name, "name"),
            Column(self.tr("Giới tính"), lambda r: r.gender.label(lang), "gender"),
            Column(self.tr("Ngày sinh"), lambda r: fmt_date(r.birth_date), "birth"),
            Column(self.tr("Chức vụ"), lambda r: r.position, "position"),
            Column(self.tr("Đơn vị"), lambda r: r.unit_name, "unit"),
            Column(self.tr("Loại"), lambda r: r.category.label(lang), "category"),
            Column(self.tr("Bắt đầu"), lambda r: fmt_date(r.start_date), "start"),
            Column(self.tr("Thôi công tác"), lambda r: fmt_date(r.end_date), "end", alert=lambda r: not r.in_post(on)),
            Column(self.tr("Chữ ký số"), lambda r: self.tr("Có") if r.has_signature else "", "signature"),
        ]

    def make_source(self) -> ListSource[StaffRow]:
        search = self.search.text()
        unit_id = self.f_unit.value()
        category = self.f_category.value()
        on = self.f_on.value() if self.f_in_post.isChecked() else None
        load = lambda: self.ctx.read(  # noqa: E731
            lambda s: list_staff(s, on=on, unit_id=unit_id, category=category, search=search)
        )
        return ListSource(
            load,
            {
                "name": lambda r: name_sort_key(r.full_name),
                "gender": lambda r: r.gender.value,
                "birth": lambda r: r.birth_date,
                "position": lambda r: vietnamese_sort_key(r.position),
                "unit": lambda r: vietnamese_sort_key(r.unit_name),
                "category": lambda r: r.category.value,
                "start": lambda r: r.start_date,
                "end": lambda r: r.end_date,
                "signature": lambda r: r.has_signature,
            },
        )

    def create_form(self) -> RecordForm:
        return StaffForm(self.ctx)

    def load_record(self, session: Session, record_id: int) -> StaffData:
        return load_staff(session, record_id)

    def save_record(self, session: Session, data: Any, record_id: int | None) -> int:
        return save_staff(session, data, record_id, user_id=self.ctx.user_id)

    def delete_record(self, session: Session, record_id: int) -> StaffData:
        return delete_staff(session, record_id)

    def describe(self, data: Any) -> str:
        return data.full_name
