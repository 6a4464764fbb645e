"""The posting-sheet URL template is set on the rules tab and used by the posting sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reports.posting_sheet import posting_groups
from storage.settings import load_rules


def _rules_tab(main_window):  # type: ignore[no-untyped-def]
    page = main_window.show_page("settings")
    page.tabs.setCurrentIndex(2)
    return page, page.rules_form


def test_template_typed_on_the_rules_tab_is_stored_and_used(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page, form = _rules_tab(main_window)
    form.posting_url_template.setFocus()
    qtbot.keyClicks(form.posting_url_template, "https://dichvucong.gov.vn/tthc?ma={code}")
    qtbot.keyClick(form.posting_url_template, Qt.Key.Key_Return)
    ctx = page.ctx
    assert ctx.read(load_rules).posting_url_template == "https://dichvucong.gov.vn/tthc?ma={code}"
    links = {e.procedure.code: e.url for g in ctx.read(posting_groups) for e in g.entries}
    assert links["HT-KS"] == "https://dichvucong.gov.vn/tthc?ma=HT-KS"


def test_template_without_code_is_refused_next_to_the_field(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page, form = _rules_tab(main_window)
    form.posting_url_template.setFocus()
    qtbot.keyClicks(form.posting_url_template, "https://example.org/a")
    assert not page.save_rules()
    assert any("{code}" in text for text in form.problem_texts())
    assert page.ctx.read(load_rules).posting_url_template == ""
