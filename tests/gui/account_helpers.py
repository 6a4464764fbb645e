"""Shared steps for account tests: the wizard's administrator pages, modal dialogs, the demo accounts."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from gui.context import AppContext
from gui.wizard import ADMIN, CODE, FirstStartWizard
from storage.actor import Actor
from storage.auth import list_users, seed_demo_accounts
from tests.gui.typing_helpers import type_text

CODE_PATTERN = re.compile(r"^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$")
ADMIN_PASSWORD = "matkhau-2025"


def finish_with_admin(qtbot, wizard: FirstStartWizard, username: str = "hai.lv", password: str = ADMIN_PASSWORD) -> str:  # type: ignore[no-untyped-def]
    """Fill the administrator page from the keyboard, tick the recovery code box and finish; returns the code."""
    assert wizard.currentId() == ADMIN
    form = wizard.admin_page.form
    form.username.setFocus()
    qtbot.keyClicks(form.username, username)
    type_text(form.full_name, "Lô Văn Hải")
    qtbot.keyClicks(form.password, password)
    qtbot.keyClicks(form.password2, password)
    qtbot.keyClick(form.password2, Qt.Key.Key_Return)  # Enter = create the account
    assert wizard.currentId() == CODE, form.problem_texts()
    box = wizard.code_page.box
    finish = wizard.button(wizard.WizardButton.FinishButton)
    assert CODE_PATTERN.match(box.code_label.text())
    assert not finish.isEnabled()  # the code must reach paper first
    box.done.setChecked(True)
    assert finish.isEnabled()
    finish.click()
    return box.code


def when_modal(check: Callable[[QWidget], bool], act: Callable[[Any], None]) -> None:
    """Run ``act`` on the first visible top-level window passing ``check`` (a dialog's exec() blocks the test)."""

    def tick() -> None:
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and check(w):
                try:
                    act(w)
                except BaseException:
                    w.close()  # a failed step must fail the test, not leave its exec() waiting forever
                    raise
                return
        QTimer.singleShot(20, tick)

    QTimer.singleShot(0, tick)


def ensure_demo_accounts(ctx: AppContext) -> None:
    """The demo accounts (quantri/lanhdao/canbo, demo2025), whether or not load_demo made them already."""
    with ctx.db.sessions.begin() as s:
        seed_demo_accounts(s)


def actor_of(ctx: AppContext, username: str) -> Actor:
    user = next(u for u in ctx.read(list_users) if u.username == username)
    return Actor(user.id, user.username, user.role, user.full_name)
