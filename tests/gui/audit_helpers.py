"""Shared steps of the audit and period-lock GUI tests: accounts, logging in, answering boxes, finding a record."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gui.context import AppContext
from storage.actor import Actor, act_as
from storage.auth import create_user, list_users
from storage.vocab import UserRole

PASSWORD = "matkhau-2025"
USERS = {
    UserRole.ADMIN: ("quantri", "Lò Văn Quản"),
    UserRole.OFFICER: ("lanhdao", "Hà Văn Đạo"),
    UserRole.CLERK: ("canbo", "Vi Thị Bộ"),
}


def make_accounts(ctx: AppContext) -> dict[UserRole, Actor]:
    """One account of each role: the demo's (quantri, lanhdao, canbo) or, when missing, made by the system."""
    with ctx.session() as s:
        known = {u.username: u for u in list_users(s)}
        actors = {}
        for role, (username, name) in USERS.items():
            user = known.get(username)
            user_id = user.id if user is not None else create_user(s, username, name, role, PASSWORD)
            actors[role] = Actor(user_id, username, role, user.full_name if user is not None else name)
    return actors


def log_in(ctx: AppContext, actor: Actor | None) -> None:
    """Act as ``actor`` from now on, as the login screen does (storage sessions and the screens)."""
    act_as(ctx.db.sessions, actor)
    ctx.actor = actor  # type: ignore[attr-defined]


def answer_next_box(button_text: str, seen: list[str] | None = None) -> None:
    """Click ``button_text`` in the next modal message box (noting its text in ``seen``)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        if seen is not None:
            seen.append(box.text() + "\n" + box.informativeText())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, click)


def on_next_dialog(kind: type[QWidget], act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the next modal dialog of type ``kind`` once it is shown."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, run)
            return
        act(dialog)

    QTimer.singleShot(0, run)


def select_by_search(qtbot, page, text: str) -> None:  # type: ignore[no-untyped-def]
    """Search a register for ``text`` (ASCII) and select the one row found."""
    page.search.clear()
    qtbot.keyClicks(page.search, text)
    qtbot.waitUntil(lambda: page.model.total() == 1, timeout=3000)
    page.table.selectRow(0)


def open_window(qtbot, ctx: AppContext):  # type: ignore[no-untyped-def]
    """The real main window, built after logging in (as the application does)."""
    from gui import settings as keys
    from gui.main_window import MainWindow

    ctx.settings.set(keys.LAST_PAGE, "staff")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=3000)
    return window
