"""One way to show errors: a plain Vietnamese message, details on request, the application keeps running."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from storage.errors import UserError

log = logging.getLogger("commune_desk.gui")


def user_message(exc: BaseException, lang: str) -> str:
    """What to tell the user about an exception (a bug gets a generic sentence)."""
    if isinstance(exc, UserError):
        return exc.message(lang)
    return QCoreApplication.translate(
        "Errors",
        "Đã xảy ra lỗi không mong đợi. Dữ liệu đã lưu không bị ảnh hưởng; chi tiết đã được ghi vào nhật ký.",
    )


def show_error(parent: QWidget | None, exc: BaseException, lang: str = "vi", title: str | None = None) -> None:
    """A message box for an exception: the user's message first, the technical details behind a button."""
    if not isinstance(exc, UserError):
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if isinstance(exc, UserError) else QMessageBox.Icon.Critical)
    box.setWindowTitle(title or QCoreApplication.translate("Errors", "Không thực hiện được"))
    box.setText(user_message(exc, lang))
    box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    box.addButton(QCoreApplication.translate("Errors", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def install_excepthook(lang_getter) -> None:  # type: ignore[no-untyped-def]
    """Log every uncaught exception and show it instead of letting Qt abort the application."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("uncaught exception", exc_info=(kind, exc, tb))
        if QApplication.instance() is not None:
            show_error(QApplication.activeWindow(), exc, lang_getter())
        else:
            sys.__excepthook__(kind, exc, tb)

    sys.excepthook = hook
