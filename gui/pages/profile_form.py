"""The commune profile form of the settings screen: signer, chairman, contact, population, service center.

The commune itself (name, code, province) is fixed at set-up and shown read-only: one database
holds one commune.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from gui.context import AppContext
from gui.widgets.format import fmt_pct
from gui.widgets.inputs import DateEdit
from gui.widgets.record_form import FormInputError, RecordForm
from storage.errors import Problem
from storage.profile import ProfileData, ProfileRow, poor_share


class NumberEdit(QLineEdit):
    """An optional number: blank means "not known" (unlike a spin box, which always holds a value)."""

    def __init__(self, parent: QWidget | None = None, *, decimals: int = 0, digits: int = 9) -> None:
        super().__init__(parent)
        self.decimals = decimals
        pattern = rf"\d{{0,{digits}}}" + (rf"([.,]\d{{0,{decimals}}})?" if decimals else "")
        self.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("0" * 13) + 16)

    def value(self) -> int | float | None:
        text = self.text().strip().replace(",", ".")
        if not text or text == ".":
            return None
        return float(text) if self.decimals else int(text)

    def set_value(self, value: int | float | None) -> None:
        if value is None:
            self.clear()
        elif self.decimals:
            self.setText(QLocale(QLocale.Language.Vietnamese).toString(float(value), "g", 6))
        else:
            self.setText(str(int(value)))


class ProfileForm(RecordForm):
    """Edit the stored profile; field names match storage.profile's problems."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.lang
        self._code = ""
        self.commune = QLabel()
        self.commune.setStyleSheet("font-weight: bold;")
        self.commune.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signer_name, self.signer_title, self.chairman = QLineEdit(), QLineEdit(), QLineEdit()
        self.address, self.phone, self.email = QLineEdit(), QLineEdit(), QLineEdit()
        self.population, self.households = NumberEdit(), NumberEdit()
        self.poor_households, self.near_poor_households = NumberEdit(), NumberEdit()
        self.poor_share = QLabel()
        self.ethnic_minority_pct = NumberEdit(decimals=2, digits=3)
        self.mountainous, self.remote = QCheckBox(), QCheckBox()
        self.center_head, self.center_staff_count = QLineEdit(), NumberEdit(digits=4)
        self.dossier_unit_id = QLineEdit()
        self.established_on = DateEdit(optional=True)
        for name, widget in self._fields():
            self.add_row(name, "", widget)
        for w in (self.households, self.poor_households, self.near_poor_households):
            w.textChanged.connect(self._update_share)
        self.retranslate()

    def _fields(self) -> list[tuple[str, QWidget]]:
        return [
            ("code", self.commune),
            ("signer_name", self.signer_name),
            ("signer_title", self.signer_title),
            ("chairman", self.chairman),
            ("address", self.address),
            ("phone", self.phone),
            ("email", self.email),
            ("established_on", self.established_on),
            ("population", self.population),
            ("households", self.households),
            ("poor_households", self.poor_households),
            ("near_poor_households", self.near_poor_households),
            ("poor_share", self.poor_share),
            ("ethnic_minority_pct", self.ethnic_minority_pct),
            ("mountainous", self.mountainous),
            ("remote", self.remote),
            ("center_head", self.center_head),
            ("center_staff_count", self.center_staff_count),
            ("dossier_unit_id", self.dossier_unit_id),
        ]

    def retranslate(self) -> None:
        labels = {
            "code": self.tr("Xã, phường"),
            "signer_name": self.tr("Người ký báo cáo"),
            "signer_title": self.tr("Chức vụ người ký *"),
            "chairman": self.tr("Chủ tịch UBND"),
            "address": self.tr("Địa chỉ trụ sở"),
            "phone": self.tr("Điện thoại"),
            "email": self.tr("Thư điện tử"),
            "established_on": self.tr("Ngày thành lập (sau sắp xếp)"),
            "population": self.tr("Dân số (người)"),
            "households": self.tr("Tổng số hộ"),
            "poor_households": self.tr("Số hộ nghèo"),
            "near_poor_households": self.tr("Số hộ cận nghèo"),
            "poor_share": self.tr("Tỷ lệ hộ nghèo và cận nghèo"),
            "ethnic_minority_pct": self.tr("Tỷ lệ người dân tộc thiểu số (%)"),
            "mountainous": self.tr("Địa bàn"),
            "remote": "",
            "center_head": self.tr("Giám đốc Trung tâm Phục vụ hành chính công"),
            "center_staff_count": self.tr("Số người làm việc tại Trung tâm"),
            "dossier_unit_id": self.tr("Mã đơn vị trong mã hồ sơ"),
        }
        for name, text in labels.items():
            self.set_label(name, text)
        self.mountainous.setText(self.tr("Xã miền núi"))
        self.remote.setText(self.tr("Vùng sâu, vùng xa, đặc biệt khó khăn"))
        blank = self.tr("(chưa có)")
        for w in (self.population, self.households, self.poor_households, self.near_poor_households):
            w.setPlaceholderText(blank)
        self.center_staff_count.setPlaceholderText(blank)
        self.ethnic_minority_pct.setPlaceholderText(self.tr("ví dụ 85,5"))
        self.signer_title.setPlaceholderText(self.tr("ví dụ CHỦ TỊCH, KT. CHỦ TỊCH – PHÓ CHỦ TỊCH"))
        self.dossier_unit_id.setPlaceholderText(self.tr("để trống: dùng mã xã {code}").format(code=self._code or "…"))
        self.dossier_unit_id.setToolTip(
            self.tr("Phần đầu mã hồ sơ theo hệ thống của tỉnh, ví dụ H40.16906 trong H40.16906-250715-0001.")
        )
        self.heading.setText(self.tr("Thông tin xã (in trên các báo cáo)"))
        self.save_button.setText(self.tr("Lưu thông tin xã (Enter)"))
        self.cancel_button.setText(self.tr("Hoàn lại (Esc)"))
        row = getattr(self, "_row", None)
        if row is not None:
            self.commune.setText(
                self.tr("{name} – {province} (mã xã {code}, mã tỉnh {pcode})").format(
                    name=row.name, province=row.province_name, code=row.code, pcode=row.province_code
                )
            )
        self._update_share()

    def retranslate_buttons(self) -> None:
        """Keep this form's own button texts (the shared ones would say just "Lưu")."""
        if hasattr(self, "signer_name"):
            self.save_button.setText(self.tr("Lưu thông tin xã (Enter)"))
            self.cancel_button.setText(self.tr("Hoàn lại (Esc)"))
        else:
            super().retranslate_buttons()

    def focus_first(self) -> None:
        self.signer_name.setFocus()

    def set_row(self, row: ProfileRow) -> None:
        """Show the stored profile."""
        self._code = row.code
        self._row = row  # retranslate() writes the commune line from it
        self.signer_name.setText(row.signer_name)
        self.signer_title.setText(row.signer_title)
        self.chairman.setText(row.chairman)
        self.address.setText(row.address)
        self.phone.setText(row.phone)
        self.email.setText(row.email)
        self.established_on.set_value(row.established_on)
        self.population.set_value(row.population)
        self.households.set_value(row.households)
        self.poor_households.set_value(row.poor_households)
        self.near_poor_households.set_value(row.near_poor_households)
        self.ethnic_minority_pct.set_value(row.ethnic_minority_pct)
        self.mountainous.setChecked(row.mountainous)
        self.remote.setChecked(row.remote)
        self.center_head.setText(row.center_head)
        self.center_staff_count.set_value(row.center_staff_count)
        self.dossier_unit_id.setText(row.dossier_unit_id)
        self.retranslate()

    def _count(self, name: str) -> int | None:
        widget = getattr(self, name)
        value = widget.value()
        return None if value is None else int(value)

    def get_data(self) -> ProfileData:
        """The form as ProfileData (the stored commune code is kept)."""
        if not self._code:
            text = self.tr("Chưa khai báo xã.")
            raise FormInputError([Problem("code", text, text)])
        return ProfileData(
            code=self._code,
            address=self.address.text(),
            chairman=self.chairman.text(),
            signer_name=self.signer_name.text(),
            signer_title=self.signer_title.text(),
            population=self._count("population"),
            households=self._count("households"),
            poor_households=self._count("poor_households"),
            near_poor_households=self._count("near_poor_households"),
            ethnic_minority_pct=self.ethnic_minority_pct.value(),
            mountainous=self.mountainous.isChecked(),
            remote=self.remote.isChecked(),
            center_head=self.center_head.text(),
            center_staff_count=self._count("center_staff_count"),
            dossier_unit_id=self.dossier_unit_id.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            established_on=self.established_on.value(),
        )

    def _update_share(self) -> None:
        data = ProfileData(
            code="",
            households=self._count("households"),
            poor_households=self._count("poor_households"),
            near_poor_households=self._count("near_poor_households"),
        )
        share = poor_share(data)
        self.poor_share.setText(
            fmt_pct(share) if share is not None else self.tr("(cần tổng số hộ và số hộ nghèo, cận nghèo)")
        )
