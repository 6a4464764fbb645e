"""The first-start wizard driven from the keyboard: declare a commune by typing without diacritics,
get told what is missing, or load the demo commune in the background."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from gui.wizard import ADMIN, DEMO, PROFILE, FirstStartWizard
from storage.auth import authenticate, has_accounts
from storage.catalog import list_fields, list_procedures
from storage.catalog_defaults import FIELDS, PROCEDURES
from storage.models import CalendarYear, CommuneProfile, Dossier, Field, Staff
from storage.units import DEFAULT_UNITS, list_units
from storage.vocab import UserRole
from tests.gui.account_helpers import ADMIN_PASSWORD, finish_with_admin
from tests.gui.typing_helpers import type_text

# The completer popup is a separate window; the offscreen platform says it cannot raise or grab it.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


@pytest.fixture
def wizard(qtbot, empty_ctx):  # type: ignore[no-untyped-def]
    w = FirstStartWizard(empty_ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _pick_from_completer(qtbot, combo, typed: str) -> None:  # type: ignore[no-untyped-def]
    """Type into a picker, then take the first suggestion with Down + Enter, as a clerk would."""
    combo.lineEdit().setFocus()
    qtbot.keyClicks(combo.lineEdit(), typed)
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_declare_commune_typing_without_diacritics(qtbot, wizard, empty_ctx) -> None:  # type: ignore[no-untyped-def]
    assert wizard.start_page.own.isChecked()
    qtbot.keyClick(wizard.start_page.own, Qt.Key.Key_Return)  # Enter = next
    assert wizard.currentId() == PROFILE
    form = wizard.profile_page.form
    _pick_from_completer(qtbot, form.province, "nghe an")
    assert form.province.currentText() == "Nghệ An"
    _pick_from_completer(qtbot, form.commune, "luong minh")
    assert form.commune.currentText() == "Xã Lượng Minh (16906)"
    type_text(form.signer_name, "Lô Văn Hải")
    type_text(form.chairman, "Lô Văn Hải")
    qtbot.keyClicks(form.households, "1163")
    qtbot.keyClick(form.households, Qt.Key.Key_Return)  # Enter = store and go on to the administrator
    assert wizard.currentId() == ADMIN
    assert empty_ctx.profile() is not None  # stored on leaving the page (a commit page: no way back)
    back = wizard.button(wizard.WizardButton.BackButton)
    assert not (back.isVisible() and back.isEnabled())
    code = finish_with_admin(qtbot, wizard)
    assert wizard.result() == QDialog.DialogCode.Accepted
    actor = empty_ctx.actor  # logged in as the new administrator: no second login at this start
    assert actor is not None and (actor.username, actor.role) == ("hai.lv", UserRole.ADMIN)
    assert empty_ctx.read(has_accounts)
    with empty_ctx.db.sessions.begin() as s:
        assert authenticate(s, "hai.lv", ADMIN_PASSWORD, delay=0).actor is not None
    assert len(code) == 23

    profile = empty_ctx.profile()
    assert profile is not None
    assert (profile.name, profile.code, profile.province_name) == ("Xã Lượng Minh", "16906", "Nghệ An")
    assert (profile.signer_name, profile.signer_title, profile.households) == ("Lô Văn Hải", "CHỦ TỊCH", 1163)
    fields = empty_ctx.read(list_fields)
    assert [f.name for f in fields] == [name for _code, name in FIELDS]
    assert sorted(p.code for p in empty_ctx.read(list_procedures)) == sorted(p.code for p in PROCEDURES)
    assert [u.name for u in empty_ctx.read(list_units)] == [name for name, _s, _c in DEFAULT_UNITS]
    year = date.today().year
    years = set(empty_ctx.read(lambda s: list(s.scalars(select(CalendarYear.year)))))
    assert {year - 1, year, year + 1} <= years


def test_typed_name_alone_is_enough_when_it_names_one_commune(qtbot, wizard, empty_ctx) -> None:  # type: ignore[no-untyped-def]
    wizard.next()
    form = wizard.profile_page.form
    qtbot.keyClicks(form.commune.lineEdit(), "luong minh nghe an")  # not picked from the list
    form.commune.completer().popup().hide()
    qtbot.keyClick(form.signer_title, Qt.Key.Key_Return)
    finish_with_admin(qtbot, wizard)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert empty_ctx.profile().name == "Xã Lượng Minh"  # type: ignore[union-attr]


def test_missing_or_ambiguous_commune_is_shown_on_the_page_and_nothing_stored(qtbot, wizard, empty_ctx) -> None:  # type: ignore[no-untyped-def]
    wizard.next()
    form = wizard.profile_page.form
    type_text(form.signer_name, "Lô Văn Hải")
    qtbot.keyClick(form.signer_name, Qt.Key.Key_Return)
    assert wizard.isVisible() and wizard.currentId() == PROFILE
    assert any("Chưa chọn xã" in t for t in form.problem_texts()), form.problem_texts()

    qtbot.keyClicks(form.commune.lineEdit(), "luong minh")  # all provinces: Nghệ An, Quảng Ninh...
    form.commune.completer().popup().hide()
    form.signer_title.clear()
    qtbot.keyClick(form.signer_name, Qt.Key.Key_Return)
    assert any("hãy chọn đúng một xã" in t for t in form.problem_texts()), form.problem_texts()

    form.commune.lineEdit().clear()
    qtbot.keyClicks(form.commune.lineEdit(), "16906")  # the official code works too
    form.commune.completer().popup().hide()
    qtbot.keyClick(form.signer_name, Qt.Key.Key_Return)
    assert any("chức vụ người ký" in t.lower() for t in form.problem_texts()), form.problem_texts()
    assert wizard.isVisible()
    counts = empty_ctx.read(
        lambda s: (
            s.scalar(select(func.count()).select_from(CommuneProfile)),
            s.scalar(select(func.count()).select_from(Field)),
        )
    )
    assert counts == (0, 0)  # the profile was refused, so the catalog was not stored either


def test_demo_commune_loads_in_background(qtbot, wizard, empty_ctx) -> None:  # type: ignore[no-untyped-def]
    start = wizard.start_page
    start.own.setFocus()
    qtbot.keyClick(start.own, Qt.Key.Key_Down)  # arrow keys move between the two choices
    assert start.demo.isChecked()
    assert start.demo_commune.currentText().startswith("Xã Lượng Minh")
    qtbot.keyClick(start.demo, Qt.Key.Key_Return)
    assert wizard.currentId() == DEMO
    finish = wizard.button(wizard.WizardButton.FinishButton)
    assert finish.text() == "Nạp dữ liệu mẫu"
    finish.click()
    page = wizard.demo_page
    assert page.task is not None  # loading runs off the GUI thread
    wizard.reject()  # closing is refused while the database is being written
    assert wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.result() == QDialog.DialogCode.Accepted, timeout=60000)
    profile = empty_ctx.profile()
    assert profile is not None and profile.name == "Xã Lượng Minh"
    staff, dossiers = empty_ctx.read(
        lambda s: (
            s.scalar(select(func.count()).select_from(Staff)),
            s.scalar(select(func.count()).select_from(Dossier)),
        )
    )
    assert staff == page.result.staff > 0
    assert dossiers == page.result.dossiers > 0
