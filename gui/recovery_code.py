"""The administrator's recovery code on screen: large, printable, copyable, acknowledged before going on.

The code is shown once (storage keeps only its hash): the paper it is printed on is what lets an
administrator who forgot the password back in, so it needs physical access to the office.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.format import fmt_date

NOTE_STYLE = "color: #555;"
CODE_STYLE = "border: 2px solid #1a5fb4; border-radius: 6px; padding: 10px 16px; background: #f4f8ff;"


def recovery_sheet_html(code: str, owner: str, admin: str, made: datetime) -> str:
    """The printed page: what the code is for, how to use it, and that it works only once."""
    paragraphs = [
        QCoreApplication.translate("RecoveryCode", "Đơn vị: {owner}").format(owner=owner) if owner else "",
        QCoreApplication.translate("RecoveryCode", "Tài khoản quản trị: {admin}").format(admin=admin) if admin else "",
        QCoreApplication.translate("RecoveryCode", "Lập lúc: {made}").format(made=fmt_date(made)),
    ]
    advice = [
        QCoreApplication.translate(
            "RecoveryCode",
            "Khi quên mật khẩu quản trị: ở màn hình đăng nhập bấm «Quên mật khẩu?», nhập tên tài khoản "
            "quản trị, mã này và mật khẩu mới.",
        ),
        QCoreApplication.translate(
            "RecoveryCode",
            "Mỗi mã chỉ dùng được một lần. Sau khi dùng (hoặc khi quản trị tạo mã mới), phần mềm cấp mã "
            "mới và mã này không còn dùng được: hãy in mã mới và hủy tờ giấy này.",
        ),
        QCoreApplication.translate(
            "RecoveryCode", "Cất tờ giấy này ở nơi an toàn trong cơ quan (tủ có khóa), không dán cạnh máy tính."
        ),
    ]
    title = QCoreApplication.translate("RecoveryCode", "Commune Desk – Mã khôi phục tài khoản quản trị")
    html = [f"<h2>{escape(title)}</h2>"]
    html += [f"<p>{escape(p)}</p>" for p in paragraphs if p]
    html.append(f"<p style='font-size: 22pt; font-family: monospace;'><b>{escape(code)}</b></p>")
    html += [f"<p>{escape(p)}</p>" for p in advice]
    return "\n".join(html)


def print_sheet(parent: QWidget | None, html: str, printer: QPrinter | None = None) -> bool:
    """Ask for the printer (unless given) and print the page; False when the user cancelled."""
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(QCoreApplication.translate("RecoveryCode", "Mã khôi phục Commune Desk"))
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("RecoveryCode", "In mã khôi phục"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
    doc = QTextDocument()
    doc.setHtml(html)
    doc.print_(printer)
    return True


class RecoveryCodeBox(QWidget):
    """The code in large letters, «In mã» and «Sao chép», and the box to tick once it is on paper."""

    acknowledged_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code, self.owner, self.admin = "", "", ""
        self.made = datetime.now()
        self.printed = 0  # pages printed (tests and the status line look at it)
        lay = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        self.code_label = QLabel()
        self.code_label.setObjectName("recovery_code")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(QFont().pointSizeF(), 10) * 1.8)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setStyleSheet(CODE_STYLE)
        self.code_label.setFrameShape(QFrame.Shape.NoFrame)
        lay.addWidget(self.code_label)
        buttons = QHBoxLayout()
        self.print_button, self.copy_button = QPushButton(), QPushButton()
        self.print_button.clicked.connect(lambda: self.print_code())
        self.copy_button.clicked.connect(self.copy_code)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        lay.addWidget(self.note)
        self.done = QCheckBox()
        self.done.toggled.connect(self.acknowledged_changed)
        lay.addWidget(self.done)
        self.state = QLabel()
        self.state.setStyleSheet(NOTE_STYLE)
        lay.addWidget(self.state)
        self.intro_text = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.print_button.setText(self.tr("&In mã"))
        self.copy_button.setText(self.tr("Sao &chép"))
        self.note.setText(
            self.tr(
                "Mã này chỉ hiện một lần. Khi quên mật khẩu quản trị, mã này (cùng tên tài khoản quản trị) "
                "cho phép đặt mật khẩu mới. Cất tờ giấy ở nơi an toàn trong cơ quan."
            )
        )
        self.done.setText(self.tr("Tôi đã in hoặc chép mã này"))
        self.intro.setText(self.intro_text or self.tr("Mã khôi phục tài khoản quản trị:"))

    def set_code(self, code: str, *, owner: str = "", admin: str = "", intro: str = "") -> None:
        self.code, self.owner, self.admin, self.intro_text = code, owner, admin, intro
        self.made = datetime.now()
        self.code_label.setText(code)
        self.done.setChecked(False)
        self.state.clear()
        self.retranslate()

    def acknowledged(self) -> bool:
        return self.done.isChecked()

    def print_code(self, printer: QPrinter | None = None) -> bool:
        if not print_sheet(self, recovery_sheet_html(self.code, self.owner, self.admin, self.made), printer):
            return False
        self.printed += 1
        self.state.setText(self.tr("Đã gửi mã ra máy in."))
        return True

    def copy_code(self) -> None:
        QGuiApplication.clipboard().setText(self.code)
        self.state.setText(self.tr("Đã chép mã vào bộ nhớ tạm: hãy dán vào nơi an toàn rồi xóa khỏi máy."))


class RecoveryCodeDialog(QDialog):
    """A new recovery code (from the accounts tab or after a recovery): closes only once acknowledged."""

    def __init__(self, parent: QWidget | None, code: str, *, owner: str = "", admin: str = "", intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mã khôi phục mới"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        self.box = RecoveryCodeBox()
        self.box.set_code(code, owner=owner, admin=admin, intro=intro)
        lay.addWidget(self.box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Xong"))
        self.ok.setEnabled(False)
        self.box.acknowledged_changed.connect(self.ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        lay.addWidget(self.buttons)

    def reject(self) -> None:
        """Esc or the window's close button: only once the code is on paper (it is never shown again)."""
        if self.box.acknowledged():
            super().reject()
        else:
            self.box.state.setText(self.tr("Hãy in hoặc chép mã, đánh dấu ô bên trên rồi bấm «Xong»."))
