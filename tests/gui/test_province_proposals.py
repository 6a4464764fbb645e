"""Kiến nghị của xã: the communes' proposals filtered by body, commune, state and words without
diacritics; an answer typed and stored (or refused with messages under the fields, nothing stored);
response files written to a folder; and, end to end, a commune applying the province's answer.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

import gui.province.proposals as proposals
from gui.context import AppContext
from gui.province.proposals import ProvinceProposalsPage
from gui.registers.table_model import ROW_ROLE
from reports.exchange.province_import import import_files
from reports.exchange.report_file import export_report_file
from reports.exchange.response_file import apply_response, preview_response
from storage.db import open_database
from storage.mode import set_province_mode
from storage.periods import PeriodKind, period_for
from storage.proposals import get_proposal
from storage.province.answers import list_province_proposals
from storage.province.profile import ProvinceProfile, save_province_profile
from storage.province.registry import CommuneEntry, save_commune
from storage.vocab import ProposalStatus
from tests.gui.typing_helpers import type_text

TODAY = date(2025, 11, 5)
ANSWER = "Sở Tài chính đã bố trí kinh phí mua máy tính, máy scan trong quý IV."
TIMEOUT = 20_000


def _open(qtbot, ctx: AppContext) -> ProvinceProposalsPage:  # type: ignore[no-untyped-def]
    page = ProvinceProposalsPage(ctx)
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    page.resize(1186, 708)
    page.show()
    qtbot.waitExposed(page)
    page.retranslate()  # columns computed with the fixed day
    page.refresh()
    return page


@pytest.fixture
def page(qtbot, province_ctx) -> ProvinceProposalsPage:  # type: ignore[no-untyped-def]
    return _open(qtbot, province_ctx)


def _rows(page: ProvinceProposalsPage) -> list:  # type: ignore[type-arg]
    return [page.model.index(r, 0).data(ROW_ROLE) for r in range(page.model.rowCount())]


def _cell(page: ProvinceProposalsPage, row: int, header: str) -> str:
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    col = headers.index(header)
    return str(page.model.index(row, col).data())


def _choose(qtbot, combo, value) -> None:  # type: ignore[no-untyped-def]
    """Pick the item holding ``value`` with the arrow keys, as a clerk without a mouse would."""
    combo.setFocus()
    target = combo.findData(value)
    assert target >= 0
    while combo.currentIndex() < target:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    while combo.currentIndex() > target:
        qtbot.keyClick(combo, Qt.Key.Key_Up)


def _click_row(qtbot, page: ProvinceProposalsPage, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = page.table.visualRect(page.model.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.table.selectionModel().currentIndex().row() == row


def _answer(qtbot, page: ProvinceProposalsPage, status: ProposalStatus, text: str) -> None:  # type: ignore[no-untyped-def]
    _choose(qtbot, page.form.status, status)
    if text:
        type_text(page.form.response_text, text)
    page.form.response_text.setFocus()
    qtbot.keyClick(page.form.response_text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_filters_by_body_commune_state_and_words_without_diacritics(qtbot, page: ProvinceProposalsPage) -> None:  # type: ignore[no-untyped-def]
    assert page.count_label.text() == "39 kiến nghị"
    labels = [page.f_department.itemText(i) for i in range(page.f_department.count())]
    assert labels[0] == "Tất cả cơ quan" and "Sở Tài chính (9 đang chờ)" in labels
    _choose(qtbot, page.f_department, "Sở Tài chính")
    rows = _rows(page)
    assert len(rows) == 9 and all("Sở Tài chính" in r.departments() for r in rows)
    assert page.count_label.text() == "9 kiến nghị"
    _choose(qtbot, page.f_commune, "16906")
    assert {r.commune_name for r in _rows(page)} == {"Xã Lượng Minh"} and len(_rows(page)) == 3
    qtbot.mouseClick(page.f_open, Qt.MouseButton.LeftButton)
    assert page.f_open.isChecked() and all(r.is_open for r in _rows(page))
    _choose(qtbot, page.f_department, None)
    _choose(qtbot, page.f_commune, None)
    qtbot.mouseClick(page.f_open, Qt.MouseButton.LeftButton)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "may xuc")
    qtbot.waitUntil(lambda: page.model.total() == 3)
    assert all("máy xúc" in r.title.lower() for r in _rows(page))


def test_an_answer_typed_is_stored_and_shown_as_not_yet_sent(qtbot, page: ProvinceProposalsPage) -> None:  # type: ignore[no-untyped-def]
    _choose(qtbot, page.f_commune, "16906")
    row = next(i for i, r in enumerate(_rows(page)) if r.title.startswith("Thiếu máy tính"))
    _click_row(qtbot, page, row)
    chosen = page.current_row()
    assert chosen is not None and page.detail.title.text() == chosen.title
    assert "Xã: Xã Lượng Minh (mã 16906)" in page.detail.facts.text()
    assert page.form.response_date.value() == TODAY and page.form.isEnabled()
    with qtbot.waitSignal(page.answer_saved, timeout=TIMEOUT):
        _answer(qtbot, page, ProposalStatus.RESOLVED, ANSWER)
    stored = next(r for r in page.ctx.read(list_province_proposals) if r.id == chosen.id)
    assert stored.response_status is ProposalStatus.RESOLVED and stored.response_text == ANSWER
    assert stored.response_date == TODAY and stored.answer_pending_export
    shown = page.table.selectionModel().currentIndex().row()
    assert page.current_row() is not None and page.current_row().id == chosen.id  # still selected
    assert _cell(page, shown, "Tỉnh trả lời") == "Đã giải quyết"
    assert _cell(page, shown, "Gửi xã") == "Chưa gửi xã"
    assert _cell(page, shown, "Số ngày\nchờ") == ""  # resolved: no longer waiting
    assert "chưa gửi xã" in page.detail.facts.text()
    assert page.export_selected_action.isEnabled() and page.export_selected_action.text() == "Chỉ Xã Lượng Minh…"


def test_an_invalid_answer_is_explained_under_its_fields_and_nothing_is_stored(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    _click_row(qtbot, page, 0)
    row_id = page.current_row().id
    _answer(qtbot, page, ProposalStatus.DECLINED, "")
    assert "Hãy nhập nội dung trả lời cho xã." in page.form.problem_texts()
    page.form.response_date.setFocus()
    qtbot.keyClicks(page.form.response_date, "01012026")  # after "today" (05/11/2025)
    qtbot.keyClick(page.form.response_date, Qt.Key.Key_Return)
    assert page.form.response_date.value() == date(2026, 1, 1)
    assert any("ở tương lai" in t for t in page.form.problem_texts())
    stored = next(r for r in page.ctx.read(list_province_proposals) if r.id == row_id)
    assert stored.response_status is None and stored.response_text == ""
    qtbot.keyClick(page.form.response_date, Qt.Key.Key_Escape)  # back to what is stored
    assert page.form.problem_texts() == [] and page.form.response_date.value() == TODAY


def test_response_files_are_written_to_the_chosen_folder(qtbot, page, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert not page.export_all_action.isEnabled()  # nothing answered yet
    for commune in ("16906", "17254"):
        _choose(qtbot, page.f_commune, commune)
        _click_row(qtbot, page, 0)
        with qtbot.waitSignal(page.answer_saved, timeout=TIMEOUT):
            _answer(qtbot, page, ProposalStatus.ACKNOWLEDGED, "")
    assert page.export_all_action.text() == "Mọi xã có trả lời chưa gửi (2 xã)…"
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(proposals.QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(usb)))
    kinds: list[str] = []
    page.ctx.data_changed.connect(kinds.append)
    with qtbot.waitSignal(page.exported, timeout=TIMEOUT) as done:
        page.export_all_action.trigger()
    outcome = done.args[0]
    assert sorted(p.name for p in usb.iterdir()) == ["16906_phan-hoi_1.cdesk", "17254_phan-hoi_1.cdesk"]
    assert [f.written.answers for f in outcome.files] == [1, 1] and not outcome.failures
    text = page.result_bar.text()
    assert page.result_bar.isVisible() and "Đã ghi 2 tệp phản hồi (2 trả lời)" in text
    assert "16906_phan-hoi_1.cdesk — Xã Lượng Minh: 1 trả lời" in text
    assert "province_answers" in kinds
    shown = page.table.selectionModel().currentIndex().row()
    assert _cell(page, shown, "Gửi xã") == "Đã gửi"
    assert not page.export_all_action.isEnabled()


def test_a_commune_applies_the_answer_end_to_end(qtbot, demo_template, tmp_path, ui_settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Lượng Minh sends July 2025; the province answers one proposal on this screen; Lượng Minh applies it."""
    commune_path = tmp_path / "luong-minh.sqlite"
    shutil.copy(demo_template, commune_path)
    commune = open_database(commune_path)
    july = period_for(PeriodKind.MONTH, 2025, 7)
    with commune.sessions.begin() as s:
        sent = export_report_file(s, july, tmp_path / "usb-up", now=datetime(2025, 7, 14, 16, 30))
    province = open_database(tmp_path / "province.sqlite")
    with province.sessions.begin() as s:
        set_province_mode(s)
        save_province_profile(s, ProvinceProfile(code="40"))
        save_commune(s, CommuneEntry(code="16906", name="Xã Lượng Minh"))
    results = import_files(province.sessions, [sent.path])
    assert [r.verdict.will_import for r in results] == [True]
    ctx = AppContext(province, ui_settings, "vi")
    try:
        page = _open(qtbot, ctx)
        row = next(i for i, r in enumerate(_rows(page)) if r.title.startswith("Thiếu máy tính"))
        _click_row(qtbot, page, row)
        answered = page.current_row()
        with qtbot.waitSignal(page.answer_saved, timeout=TIMEOUT):
            _answer(qtbot, page, ProposalStatus.RESOLVED, ANSWER)
        down = tmp_path / "usb-down"
        down.mkdir()
        monkeypatch.setattr(proposals.QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(down)))
        with qtbot.waitSignal(page.exported, timeout=TIMEOUT) as done:
            page.export_selected_action.trigger()
        (written,) = done.args[0].files
        with commune.sessions.begin() as s:
            before = get_proposal(s, answered.proposal_id)
            preview = preview_response(s, written.written.path)
        assert before is not None and before.status is not ProposalStatus.RESOLVED
        (change,) = preview.changes
        assert change.proposal_id == answered.proposal_id and change.changes
        assert change.new_status is ProposalStatus.RESOLVED and change.response_text == ANSWER
        with commune.sessions.begin() as s:
            apply_response(s, written.written.path)
        with commune.sessions.begin() as s:
            after = get_proposal(s, answered.proposal_id)
        assert after is not None and after.status is ProposalStatus.RESOLVED
        assert after.response_text == ANSWER and after.response_date == TODAY
    finally:
        ctx.db.close()
        commune.close()
