"""The province profile form: which province, the agency issuing consolidated reports, and who signs them.

Used by the first-start wizard (the province is picked by typing a few letters) and by the province
settings screen (the province is fixed once reports were received: it is shown, not edited).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from gui.widgets.inputs import PickerCombo
from gui.widgets.record_form import FormInputError, RecordForm
from storage.errors import Problem
from storage.profile import ProvinceChoice, province_choices
from storage.province.profile import ProvinceProfile, province_title
from storage.textsearch import fold


def match_province(text: str) -> list[ProvinceChoice]:
    """Provinces whose name holds every typed word, diacritics optional ("nghe an", "ha noi")."""
    typed = _bare(fold(text))
    words = typed.split()
    if not words:
        return []
    hits = [p for p in province_choices() if all(w in fold(p.name) for w in words)]
    exact = [p for p in hits if typed == _bare(fold(p.name))]
    return exact or hits


def _bare(folded: str) -> str:
    return folded.removeprefix("thanh pho ").removeprefix("tinh ")


class ProvinceForm(RecordForm):
    """Edit a ProvinceProfile; field names match storage.province.profile's problems."""

    def __init__(self, parent: QWidget | None = None, *, province_editable: bool = True) -> None:
        super().__init__(parent)
        self.province_editable = province_editable
        self._code = ""
        self.province = PickerCombo()
        self.province.set_items((p.name, p.code) for p in province_choices())
        self.province.setCurrentIndex(-1)
        self.province_label = QLabel()
        self.province_label.setStyleSheet("font-weight: bold;")
        self.province_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.agency, self.parent_agency = QLineEdit("SỞ NỘI VỤ"), QLineEdit()
        self.signer_title, self.signer_name = QLineEdit("GIÁM ĐỐC"), QLineEdit()
        self.add_row("code", "", self.province if province_editable else self.province_label)
        for name, widget in (
            ("agency", self.agency),
            ("parent_agency", self.parent_agency),
            ("signer_title", self.signer_title),
            ("signer_name", self.signer_name),
        ):
            self.add_row(name, "", widget)
        self.retranslate()

    def retranslate(self) -> None:
        for name, text in {
            "code": self.tr("&Tỉnh, thành phố *") if self.province_editable else self.tr("Tỉnh, thành phố"),
            "agency": self.tr("Cơ quan &lập báo cáo"),
            "parent_agency": self.tr("Cơ quan &chủ quản"),
            "signer_title": self.tr("Chức vụ người &ký"),
            "signer_name": self.tr("&Họ tên người ký"),
        }.items():
            self.set_label(name, text)
        self.province.lineEdit().setPlaceholderText(self.tr("Gõ tên tỉnh, không cần dấu (ví dụ: nghe an)…"))
        self.parent_agency.setPlaceholderText(self.tr("Để trống: UBND + tên tỉnh (ví dụ UBND TỈNH NGHỆ AN)"))
        self.signer_name.setPlaceholderText(self.tr("Họ và tên, ví dụ Nguyễn Văn Bình"))
        self.agency.setToolTip(self.tr("In ở góc trên bên trái của báo cáo tổng hợp, dưới cơ quan chủ quản."))

    def focus_first(self) -> None:
        (self.province if self.province_editable else self.agency).setFocus()

    def chosen_province(self) -> ProvinceChoice:
        """The province picked, or the only one matching what was typed; FormInputError otherwise."""
        if not self.province_editable:
            found = next((p for p in province_choices() if p.code == self._code), None)
            if found is not None:
                return found
        code = self.province.value()
        if code:
            return next(p for p in province_choices() if p.code == code)
        text = self.province.text_value()
        if not text:
            raise self._problem(self.tr("Chưa chọn tỉnh, thành phố: gõ vài chữ của tên (không cần dấu) rồi chọn."))
        hits = match_province(text)
        if len(hits) == 1:
            return hits[0]
        if not hits:
            raise self._problem(self.tr("Không tìm thấy tỉnh, thành phố «{text}» trong danh mục.").format(text=text))
        raise self._problem(
            self.tr("«{text}» khớp {n} tỉnh, thành phố: hãy chọn đúng một trong danh sách.").format(
                text=text, n=len(hits)
            )
        )

    @staticmethod
    def _problem(text: str) -> FormInputError:
        return FormInputError([Problem("code", text, text)])

    def get_data(self) -> ProvinceProfile:
        province = self.chosen_province()
        return ProvinceProfile(
            code=province.code,
            name=province.name,
            agency=self.agency.text().strip(),
            parent_agency=self.parent_agency.text().strip(),
            signer_title=self.signer_title.text().strip(),
            signer_name=self.signer_name.text().strip(),
        )

    def set_profile(self, profile: ProvinceProfile) -> None:
        self._code = profile.code
        self.province.set_value(profile.code)
        self.province_label.setText(f"{province_title(profile.name)} ({profile.code})")
        self.agency.setText(profile.agency)
        self.parent_agency.setText(profile.parent_agency)
        self.signer_title.setText(profile.signer_title)
        self.signer_name.setText(profile.signer_name)
        for w in (self.agency, self.parent_agency, self.signer_title, self.signer_name):
            w.setCursorPosition(0)
