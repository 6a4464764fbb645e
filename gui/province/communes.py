"""Danh sách xã: the communes the province expects reports from, kept like any other register.

Seeded from the official list, imported from a clerk's file (checked whole before anything is
stored) or typed in; a commune that already sent reports cannot be deleted, only stopped being
followed (unticking «Đang theo dõi» keeps its history).
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.errors import show_error
from gui.province.communes_import import RegistryImport, choose_import_file, save_registry_template
from gui.registers.register_page import RegisterPage
from gui.registers.sources import ListSource
from gui.registers.table_model import Column
from gui.widgets.format import fmt_int
from gui.widgets.inputs import EnumCombo
from gui.widgets.record_form import RecordForm
from storage.errors import NotFoundError, UserError
from storage.profile import CommuneChoice, commune_choices
from storage.province.profile import load_province_profile, province_title
from storage.province.registry import (
    CommuneEntry,
    CommuneRow,
    delete_commune,
    list_communes,
    save_commune,
    seed_from_official_list,
)
from storage.province.registry_import import add_commune, official_commune
from storage.textsearch import vietnamese_sort_key
from storage.vocab import AreaType

KIND = "province_communes"
CODE_DIGITS = 5  # official commune codes are five digits ("00070" in Hà Nội)
_AREA_ORDER = {a: i for i, a in enumerate(AreaType)}


def _name_order(r: CommuneRow) -> object:
    """Storage's order: by the name without "Xã"/"Phường", so wards and communes mix alphabetically."""
    name = r.name
    for prefix in ("Xã ", "Phường ", "Đặc khu "):
        name = name.removeprefix(prefix)
    return (vietnamese_sort_key(name), r.code)


class CommuneForm(RecordForm):
    """One commune of the registry; the code is fixed once stored (reports received are filed under it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = QLineEdit()
        self.code.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,10}"), self.code))
        self.code.setMaximumWidth(140)
        self.official = QLabel()
        self.official.setWordWrap(True)
        self.official.setStyleSheet("color: #555;")
        self.name = QLineEdit()
        self.area_type = EnumCombo(AreaType, ctx.lang)
        self.active = QCheckBox()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(80)
        for name, widget in (
            ("code", self.code),
            ("official", self.official),
            ("name", self.name),
            ("area_type", self.area_type),
            ("active", self.active),
            ("notes", self.notes),
        ):
            self.add_row(name, "", widget)
        self._auto_name = ""  # the name filled in from the official list, replaced while the code changes
        self.code.textEdited.connect(self._code_typed)
        self.retranslate()

    def retranslate(self) -> None:
        for name, text in {
            "code": self.tr("&Mã xã *"),
            "official": self.tr("Theo danh mục"),
            "name": self.tr("&Tên xã *"),
            "area_type": self.tr("&Loại địa bàn"),
            "active": "",
            "notes": self.tr("&Ghi chú"),
        }.items():
            self.set_label(name, text)
        self.active.setText(self.tr("Đang theo dõi"))
        self.active.setToolTip(
            self.tr("Xã đang theo dõi phải nộp báo cáo hằng kỳ; bỏ đánh dấu khi xã không còn (sáp nhập, đổi mã).")
        )
        self.code.setPlaceholderText(self.tr("Ví dụ 16906"))
        self.code.setToolTip(self.tr("Mã đơn vị hành chính của xã, phường; không sửa được sau khi đã lưu."))
        self.notes.setPlaceholderText(self.tr("Enter xuống dòng; Ctrl+Enter hoặc Ctrl+S để lưu"))
        self.area_type.fill(self.ctx.lang)
        self._describe_official()
        self.retranslate_buttons()

    def _official(self) -> CommuneChoice | None:
        """The official commune of the code typed so far (only a whole five-digit code names one)."""
        code = self.code.text().strip()
        return official_commune(code) if len(code) >= CODE_DIGITS else None

    def _code_typed(self, _text: str) -> None:
        """A known code fills in the official name, unless the clerk typed a name of their own."""
        found = self._official()
        if not self.name.text().strip() or self.name.text() == self._auto_name:
            self._auto_name = found.name if found else ""
            self.name.setText(self._auto_name)
        self._describe_official()

    def _describe_official(self) -> None:
        code = self.code.text().strip()
        found = self._official()
        if len(code) < CODE_DIGITS:
            self.official.setText(self.tr("Gõ đủ 5 chữ số của mã xã: tên theo danh mục năm 2025 hiện ở đây."))
        elif found is None:
            self.official.setText(self.tr("Mã {code} không có trong danh mục năm 2025.").format(code=code))
        else:
            self.official.setText(
                self.tr("{name} – {province} ({code})").format(
                    name=found.name, province=found.province_name, code=found.code
                )
            )

    def focus_first(self) -> None:
        (self.code if not self.code.isReadOnly() else self.name).setFocus()

    def new_record(self) -> None:
        self.set_data(CommuneEntry(code="", name=""))

    def set_data(self, d: CommuneEntry) -> None:
        self._auto_name = ""
        self.code.setText(d.code)
        self.code.setReadOnly(bool(d.code))
        self.name.setText(d.name)
        self.name.setCursorPosition(0)
        self.area_type.set_value(d.area_type)
        self.active.setChecked(d.active)
        self.notes.setPlainText(d.notes)
        self._describe_official()

    def get_data(self) -> CommuneEntry:
        return CommuneEntry(
            code=self.code.text().strip(),
            name=self.name.text().strip(),
            area_type=self.area_type.value(),
            active=self.active.isChecked(),
            notes=self.notes.toPlainText().strip(),
        )


class CommunesPage(RegisterPage):
    """Danh sách xã: search without diacritics, the entry form beside the table, import and template."""

    kind = KIND
    import_kind = KIND  # shows the import and template buttons (handled here, not by gui.import_flow)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.import_flow: RegistryImport | None = None
        super().__init__(ctx, parent)
        self.seed_button = QPushButton()
        self.seed_button.clicked.connect(self.seed_official)
        top = self.layout()
        assert isinstance(top, QVBoxLayout)
        bar = top.itemAt(0).layout()
        assert isinstance(bar, QHBoxLayout)
        bar.insertWidget(bar.indexOf(self.new_button), self.seed_button)
        # Storage lists communes by name in Vietnamese order: let the header's arrow say so.
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self._retranslate_page()

    def title(self) -> str:
        return self.tr("Danh sách xã")

    def depends_on(self) -> set[str]:
        return {"province_reports"}  # the count of files received

    def add_filters(self, layout: QHBoxLayout) -> None:
        self.f_active = QCheckBox()
        self.f_active.toggled.connect(lambda _b: self.refresh())
        layout.addWidget(self.f_active)

    def retranslate(self) -> None:
        super().retranslate()
        self._retranslate_page()

    def _retranslate_page(self) -> None:
        if not hasattr(self, "seed_button"):
            return  # the base class retranslates while building, before this page's own widgets exist
        self.search.setPlaceholderText(self.tr("Tìm theo tên hoặc mã (không cần dấu)… Ctrl+F"))
        self._fit_search()
        self.f_active.setText(self.tr("Chỉ xã đang theo dõi"))
        self.seed_button.setText(self.tr("Thêm theo danh mục chính thức"))
        self.seed_button.setToolTip(
            self.tr("Thêm mọi xã, phường của tỉnh theo danh mục năm 2025 còn thiếu; xã đã có giữ nguyên.")
        )
        self.form.lang = self.ctx.lang
        if isinstance(self.form, CommuneForm):
            self.form.retranslate()

    def columns(self) -> list[Column[CommuneRow]]:
        lang = self.ctx.lang
        return [
            Column(self.tr("Mã xã"), lambda r: r.code, "code"),
            Column(self.tr("Tên xã"), lambda r: r.name, "name"),
            Column(self.tr("Loại địa bàn"), lambda r: r.area_type.label(lang), "area"),
            Column(
                self.tr("Theo dõi"),
                lambda r: self.tr("Có") if r.active else self.tr("Không"),
                "active",
                color=lambda r: None if r.active else "#777777",
            ),
            Column(self.tr("Tệp báo cáo đã nhận"), lambda r: fmt_int(r.reports), "reports", numeric=True),
        ]

    def make_source(self) -> ListSource[CommuneRow]:
        search = self.search.text()
        active_only = self.f_active.isChecked()
        return ListSource(
            lambda: self.ctx.read(lambda s: list_communes(s, search=search, active_only=active_only)),
            {
                "code": lambda r: r.code,
                "name": _name_order,
                "area": lambda r: _AREA_ORDER[r.area_type],
                "active": lambda r: not r.active,
                "reports": lambda r: r.reports,
            },
        )

    def create_form(self) -> RecordForm:
        return CommuneForm(self.ctx)

    def load_record(self, session: Session, record_id: int) -> CommuneRow:
        found = next((r for r in list_communes(session) if r.id == record_id), None)
        if found is None:
            raise NotFoundError("Xã này không còn trong danh sách.", "This commune is no longer in the registry.")
        return found

    def save_record(self, session: Session, data: Any, record_id: int | None) -> int:
        if record_id is None:
            return add_commune(session, data, user_id=self.ctx.user_id)
        return save_commune(session, data, user_id=self.ctx.user_id)

    def delete_record(self, session: Session, record_id: int) -> CommuneEntry:
        row = self.load_record(session, record_id)
        delete_commune(session, row.code)
        return CommuneEntry(**{f.name: getattr(row, f.name) for f in fields(CommuneEntry)})

    def describe(self, data: Any) -> str:
        return self.tr("{name} ({code})").format(name=data.name, code=data.code)

    # --- the official list, files ---------------------------------------------------------------
    def seed_official(self) -> int | None:
        """Add the province's communes of the official list that are missing (after asking)."""
        profile = self.ctx.read(load_province_profile)
        if profile is None:
            self.status_message.emit(self.tr("Chưa khai báo tỉnh (Cài đặt): chưa biết thêm xã của tỉnh nào."))
            return None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Thêm theo danh mục chính thức"))
        box.setText(
            self.tr("Thêm vào danh sách các xã, phường của {province} ({n} đơn vị theo danh mục năm 2025)?").format(
                province=province_title(profile.name), n=fmt_int(len(commune_choices(profile.code)))
            )
        )
        box.setInformativeText(self.tr("Chỉ thêm xã còn thiếu; xã đã có trong danh sách giữ nguyên như đã sửa."))
        yes = box.addButton(self.tr("Thêm"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Không thêm"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not yes:
            return None
        try:
            with self.ctx.session() as s:
                added = seed_from_official_list(s, profile.code)
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)
            return None
        self.ctx.notify(KIND)
        if added:
            self.status_message.emit(
                self.tr("Đã thêm {n} xã, phường theo danh mục chính thức.").format(n=fmt_int(added))
            )
        else:
            self.status_message.emit(self.tr("Danh sách đã có đủ các xã, phường của tỉnh theo danh mục."))
        return added

    def import_file(self, path: Path | str | None = None) -> RegistryImport | None:
        """Check a CSV/XLSX file, show every problem by row, then import all rows or none."""
        chosen = Path(path) if path is not None else choose_import_file(self)
        if chosen is None:
            return None
        flow = RegistryImport(self, self.ctx, chosen)
        self.import_flow = flow
        flow.start()
        return flow

    def save_template(self, path: Path | str | None = None) -> Path | None:
        """Write the CSV template (the province's communes listed, as stored when already in the registry)."""
        return save_registry_template(self, self.ctx, path)
