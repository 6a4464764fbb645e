"""Accepting a commune's new signing key: only after the province has checked it by phone.

A file signed with another key may be forged; it may also come from a commune that reinstalled its
PC. The dialog shows both short fingerprints so they can be read aloud over the phone, and the
accept button stays disabled until the clerk ticks that this was done.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)


class AcceptKeyDialog(QDialog):
    """Old and new fingerprints, the risk in plain words, a tick box, then accept (Cancel is the default)."""

    def __init__(self, parent: QWidget | None, commune: str, old_fingerprint: str, new_fingerprint: str) -> None:
        super().__init__(parent)
        self.setMinimumWidth(560)
        self.icon = QLabel()
        self.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.icon)
        top.addWidget(self.explain, 1)

        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.3)
        mono.setBold(True)
        self.commune_caption, self.commune_value = QLabel(), QLabel(commune)
        self.old_caption, self.old_value = QLabel(), QLabel(old_fingerprint)
        self.new_caption, self.new_value = QLabel(), QLabel(new_fingerprint)
        for value in (self.old_value, self.new_value):
            value.setFont(mono)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_value.setStyleSheet("color: #b00020;")
        facts = QFormLayout()
        facts.addRow(self.commune_caption, self.commune_value)
        facts.addRow(self.old_caption, self.old_value)
        facts.addRow(self.new_caption, self.new_value)

        self.confirm = QCheckBox()
        self.buttons = QDialogButtonBox()
        self.accept_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.accept_button.setEnabled(False)
        self.accept_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.confirm.toggled.connect(self.accept_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(facts)
        lay.addWidget(self.confirm)
        lay.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Chấp nhận khóa mới của xã"))
        self.explain.setText(
            self.tr(
                "Tệp này được ký bằng một khóa KHÁC với khóa tỉnh đã tin cậy cho xã. Có thể xã đã cài lại máy "
                "hoặc dùng máy khác, nhưng cũng có thể là tệp giả mạo.\n\n"
                "Trước khi chấp nhận, hãy gọi điện cho cán bộ phụ trách của xã (theo số điện thoại tỉnh đã có, "
                "không dùng số ghi trong tệp), nhờ họ đọc mã khóa của máy xã; chỉ chấp nhận khi mã đó khớp với "
                "mã khóa mới dưới đây. Sau khi chấp nhận, tỉnh chỉ tin khóa mới; tệp ký bằng khóa cũ sẽ bị từ chối."
            )
        )
        self.commune_caption.setText(self.tr("Xã:"))
        self.old_caption.setText(self.tr("Mã khóa đang tin cậy:"))
        self.new_caption.setText(self.tr("Mã khóa mới trong tệp:"))
        self.confirm.setText(self.tr("Tôi đã gọi điện cho xã và đối chiếu: mã khóa mới khớp với mã xã đọc."))
        self.accept_button.setText(self.tr("Chấp nhận khóa mới"))
        self.cancel_button.setText(self.tr("Hủy"))
