"""Nhận phản hồi của tỉnh on the proposals register, with a response file made by a real province database.

The province (Nghệ An, code 40) imports the demo commune's July 2025 report file, answers two of its
proposals and writes the response file; a second commune's report gets an answer too, so a response
for another commune exists. The commune clerk then opens these files from the register: the dialog
lists each answer, «Cập nhật» stores them, and refused files (another commune's, altered after
signing, signed with another key) change nothing and say why.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import update

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.registers import proposals_response
from gui.registers.proposals_response import RESPONSE_FOLDER, ResponseDialog
from reports.exchange.archive import PAYLOAD
from reports.exchange.province_import import import_files
from reports.exchange.report_file import export_report_file
from reports.exchange.response_file import write_response_file
from storage.db import open_database
from storage.mode import set_province_mode
from storage.models import CommuneProfile
from storage.periods import PeriodKind, period_for
from storage.proposals import delete_proposal, list_proposals
from storage.province.answers import list_province_proposals, record_answer
from storage.province.profile import ProvinceProfile, save_province_profile
from storage.province.registry import CommuneEntry, save_commune
from storage.signing import install_key, short_fingerprint, trust_key, trusted_key
from storage.vocab import ProposalStatus

SCANNERS, NETWORK, TRAINING = 9, 8, 13  # demo proposals: the scanners, the network, IT training
SCANNERS_ANSWER = "Sở Tài chính đã bố trí kinh phí mua 02 máy tính và 01 máy scan; bàn giao trong tháng 8/2025."


@dataclass(frozen=True)
class ProvinceFiles:
    ours: Path  # the response for Lượng Minh (16906)
    other: Path  # a response for Con Cuông (17254)
    fingerprint: str  # the province's key


@pytest.fixture(scope="module")
def province_files(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> ProvinceFiles:
    """The loop up and back down, once for the module: report files in, answers out."""
    root = tmp_path_factory.mktemp("province-loop")
    usb = root / "usb"
    july = period_for(PeriodKind.MONTH, 2025, 7)
    for name, code in (("luong-minh", None), ("con-cuong", ("17254", "Xã Con Cuông"))):
        path = root / f"{name}.sqlite"
        shutil.copy(demo_template, path)  # each copy makes its own key, as on its own PC
        db = open_database(path)
        with db.sessions.begin() as s:
            if code is not None:  # the same demo figures, reported by a second commune
                s.execute(update(CommuneProfile).values(code=code[0], name=code[1]))
            export_report_file(s, july, usb)
        db.close()
    province = open_database(root / "province.sqlite")
    with province.sessions.begin() as s:
        set_province_mode(s)
        save_province_profile(s, ProvinceProfile(code="40"))
        save_commune(s, CommuneEntry("16906", "Xã Lượng Minh"))
        save_commune(s, CommuneEntry("17254", "Xã Con Cuông"))
    results = import_files(province.sessions, [usb])
    assert [r.verdict.will_import for r in results] == [True, True], [r.vi for r in results]
    with province.sessions.begin() as s:
        rows = {(r.commune_code, r.proposal_id): r.id for r in list_province_proposals(s)}
        record_answer(s, rows["16906", SCANNERS], ProposalStatus.RESOLVED, SCANNERS_ANSWER, date(2025, 8, 5))
        record_answer(
            s, rows["16906", TRAINING], ProposalStatus.ACKNOWLEDGED, "Sẽ mở lớp trong quý IV.", date(2025, 8, 3)
        )
        record_answer(s, rows["17254", SCANNERS], ProposalStatus.DECLINED, "Chưa bố trí được.", date(2025, 8, 6))
    with province.sessions.begin() as s:
        ours = write_response_file(s, "16906", root / "back")
        other = write_response_file(s, "17254", root / "back")
        fingerprint = install_key(s).fingerprint
    province.close()
    assert ours.answers == 2 and other.answers == 1
    return ProvinceFiles(ours.path, other.path, fingerprint)


@pytest.fixture
def page(main_window, monkeypatch):  # type: ignore[no-untyped-def]
    """The proposals register; the open-file dialog returns whatever ``page.pick`` names."""
    page = main_window.show_page("proposals")
    picked: list[Path] = []
    monkeypatch.setattr(
        proposals_response.QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *_a, **_k: (str(picked[-1]), "")),
    )
    page.pick = picked.append
    return page


def _open(qtbot, page, path: Path) -> ResponseDialog:  # type: ignore[no-untyped-def]
    page.pick(path)
    qtbot.mouseClick(page.response_button, Qt.MouseButton.LeftButton)
    dialog = page.response_dialog
    assert isinstance(dialog, ResponseDialog) and dialog.path == path
    qtbot.waitExposed(dialog)
    return dialog


def _refusal(qtbot, page, path: Path) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Open ``path`` expecting a refusal: (title, text) of the message box, closed with its button."""
    seen: list[tuple[str, str]] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        seen.append((box.windowTitle(), box.text()))
        next(b for b in box.buttons() if b.text() == "Đóng").click()

    QTimer.singleShot(0, read_and_close)
    page.pick(path)
    qtbot.mouseClick(page.response_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1 and page.response_dialog is None
    return seen[0]


def _row_texts(dialog: ResponseDialog, row: int) -> list[str]:
    return [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]


def _status_shown(page, proposal_id: int) -> str:  # type: ignore[no-untyped-def]
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = next(i for i in range(model.rowCount()) if model.row_at(i).id == proposal_id)
    return model.index(row, headers.index("Trạng thái")).data()


def _stored(ctx) -> dict[int, tuple[ProposalStatus, str, date | None]]:  # type: ignore[no-untyped-def]
    return {p.id: (p.status, p.response_text, p.response_date) for p in ctx.read(list_proposals)}


def test_preview_lists_the_answers_and_update_stores_them(qtbot, page, province_files) -> None:  # type: ignore[no-untyped-def]
    ctx = page.ctx
    with ctx.session() as s:
        delete_proposal(s, TRAINING)  # the clerk deleted it meanwhile: that answer has nowhere to go
    ctx.notify("proposals")
    assert _status_shown(page, SCANNERS) == "Đã gửi tỉnh"
    before = _stored(ctx)

    dialog = _open(qtbot, page, province_files.ours)
    assert dialog.sender_value.text() == "Tỉnh Nghệ An, tệp phản hồi số 1"
    fingerprint = short_fingerprint(province_files.fingerprint)
    assert dialog.key_note.text().startswith(f"Lần đầu nhận tệp của tỉnh: khóa {fingerprint} sẽ được tin cậy")
    assert dialog.summary.text() == (
        "2 trả lời · 1 kiến nghị đổi trạng thái · 0 giữ trạng thái, cập nhật nội dung trả lời · "
        "1 không tìm thấy (bỏ qua)"
    )
    rows = {dialog.table.item(i, 0).data(Qt.ItemDataRole.UserRole): i for i in range(dialog.table.rowCount())}
    scanners = _row_texts(dialog, rows[SCANNERS])
    assert scanners[0].startswith("Thiếu máy tính, máy photo, máy scan")
    assert scanners[1:] == ["Đã gửi tỉnh → Đã giải quyết", SCANNERS_ANSWER, "05/08/2025"]
    unknown = rows[TRAINING]
    assert _row_texts(dialog, unknown)[1:] == ["không tìm thấy kiến nghị này", "Sẽ mở lớp trong quý IV.", "03/08/2025"]
    greyed = dialog.table.item(unknown, 0)
    assert greyed.foreground().color().name() == "#8a8a8a" and greyed.font().italic()
    assert not dialog.table.item(rows[SCANNERS], 0).font().italic()
    assert _stored(ctx) == before and ctx.read(lambda s: trusted_key(s, "province:40")) is None  # only a preview

    assert dialog.apply_button.text() == "Cập nhật" and dialog.apply_button.isEnabled()
    with qtbot.waitSignal(page.status_message) as message:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert message.args == ["Đã cập nhật 1 kiến nghị theo phản hồi của tỉnh."]
    assert not dialog.isVisible() and page.response_dialog is None
    qtbot.waitUntil(lambda: _status_shown(page, SCANNERS) == "Đã giải quyết")
    after = _stored(ctx)
    assert after[SCANNERS] == (ProposalStatus.RESOLVED, SCANNERS_ANSWER, date(2025, 8, 5))
    assert {k: v for k, v in after.items() if k != SCANNERS} == {k: v for k, v in before.items() if k != SCANNERS}
    assert ctx.read(lambda s: trusted_key(s, "province:40")).fingerprint == province_files.fingerprint
    assert ctx.settings.get(RESPONSE_FOLDER) == str(province_files.ours.parent)

    # The same file again: the key is now the trusted one and nothing would change.
    again = _open(qtbot, page, province_files.ours)
    assert again.key_note.text() == f"Chữ ký số hợp lệ, đúng khóa của tỉnh đã tin cậy ({fingerprint})."
    row = next(i for i in range(again.table.rowCount()) if again.table.item(i, 0).data(Qt.ItemDataRole.UserRole) == 9)
    assert _row_texts(again, row)[1] == "Đã giải quyết (không đổi)"
    qtbot.mouseClick(again.cancel_button, Qt.MouseButton.LeftButton)
    assert _stored(ctx) == after


def test_response_for_another_commune_is_refused(qtbot, page, province_files) -> None:  # type: ignore[no-untyped-def]
    before = _stored(page.ctx)
    title, text = _refusal(qtbot, page, province_files.other)
    assert title == "Tệp phản hồi không phải của xã này"
    assert text == "Tệp phản hồi này gửi cho Xã Con Cuông (mã 17254), không phải Xã Lượng Minh."
    assert _stored(page.ctx) == before
    assert page.ctx.read(lambda s: trusted_key(s, "province:40")) is None


def test_response_changed_after_signing_is_refused(qtbot, page, province_files, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(province_files.ours) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    payload = members[PAYLOAD]
    assert payload.count(b"2025-08-05") == 1
    members[PAYLOAD] = payload.replace(b"2025-08-05", b"2025-08-06")  # one byte: the answer's date
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    tampered = tmp_path / province_files.ours.name
    tampered.write_bytes(buf.getvalue())
    before = _stored(page.ctx)
    title, text = _refusal(qtbot, page, tampered)
    assert title == "Không nhận được tệp phản hồi"
    assert text == "Thành phần «payload.json» không khớp mã kiểm tra SHA-256: tệp bị hỏng hoặc bị sửa."
    assert _stored(page.ctx) == before


def test_response_signed_with_another_key_is_refused_with_a_warning(qtbot, page, province_files) -> None:  # type: ignore[no-untyped-def]
    with page.ctx.session() as s:  # the province key the commune trusted earlier is not the one that signed
        trust_key(s, "province:40", bytes(range(32)), "first_file")
    title, text = _refusal(qtbot, page, province_files.ours)
    assert title == "Cảnh báo: khóa ký số của tỉnh đã thay đổi"
    assert text.startswith("CẢNH BÁO: tệp phản hồi được ký bằng khóa KHÁC") and "liên hệ tỉnh" in text
    assert short_fingerprint(province_files.fingerprint) in text
    assert _stored(page.ctx)[SCANNERS][0] == ProposalStatus.SENT


def test_cancelled_file_dialog_does_nothing(qtbot, page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(proposals_response.QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: ("", "")))
    qtbot.mouseClick(page.response_button, Qt.MouseButton.LeftButton)
    assert page.response_dialog is None
    assert page.response_button.text() == "Nhận phản hồi của tỉnh…"
