"""Difficulties and proposals to the province: validation, follow-up, lists and re-import lookup."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.errors import NotFoundError, ValidationError
from storage.models import Proposal
from storage.proposals import (
    ProposalData,
    addressed_bodies,
    delete_proposal,
    find_proposal,
    get_proposal,
    list_proposals,
    load_proposal,
    save_proposal,
    set_response,
    validate_proposal,
)
from storage.reports_sent import ReportSentData, save_report_sent
from storage.vocab import ProposalCategory, ProposalStatus

C, S = ProposalCategory, ProposalStatus
TODAY = date(2025, 8, 1)
RAISED = date(2025, 7, 11)


def _data(**kw: object) -> ProposalData:
    kw.setdefault("category", C.FACILITIES)
    kw.setdefault("title", "Bố trí kinh phí đầu tư hạ tầng công nghệ thông tin")
    kw.setdefault("raised_date", RAISED)
    return ProposalData(**kw)  # type: ignore[arg-type]


def _sent(**kw: object) -> ProposalData:
    kw.setdefault("status", S.SENT)
    kw.setdefault("addressed_to", "Sở Tài chính")
    return _data(**kw)


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Proposal)) or 0


def _save(session: Session, data: ProposalData, proposal_id: int | None = None) -> int:
    return save_proposal(session, data, proposal_id, today=TODAY)


def _rejected(session: Session, data: ProposalData, field: str) -> list[str]:
    before = _count(session)
    with pytest.raises(ValidationError) as exc:
        _save(session, data)
    assert _count(session) == before
    msgs = [p.vi for p in exc.value.problems if p.field == field]
    assert msgs, exc.value.problems
    assert all(p.en and p.en != p.vi for p in exc.value.problems)
    return msgs


def _report(session: Session) -> int:
    return save_report_sent(
        session,
        ReportSentData("2025-07", date(2025, 6, 15), date(2025, 7, 14), date(2025, 7, 15)),
        today=TODAY,
    )


# --- saving ---------------------------------------------------------------------------------------


def test_draft_roundtrip_and_search_text(session: Session) -> None:
    data = _data(content="Trang thiết bị (máy tính, máy photo, máy scan…) còn thiếu.")
    pid = _save(session, data)
    assert load_proposal(session, pid) == data
    stored = session.get(Proposal, pid)
    assert stored is not None
    assert stored.search_text == (
        "bo tri kinh phi dau tu ha tang cong nghe thong tin trang thiet bi (may tinh, may photo, may scan…) con thieu."
    )
    row = get_proposal(session, pid)
    assert row is not None
    assert (row.category_label, row.status_label, row.is_open) == ("Cơ sở vật chất, trang thiết bị", "Dự thảo", False)


def test_full_answered_proposal_roundtrip(session: Session) -> None:
    report = _report(session)
    data = _sent(
        status=S.RESOLVED,
        response_text="Giao Sở Tài chính chủ trì tham mưu, ưu tiên các xã miền núi.",
        response_date=date(2025, 7, 25),
        report_id=report,
    )
    pid = _save(session, data)
    assert load_proposal(session, pid) == data


def test_text_is_trimmed(session: Session) -> None:
    pid = _save(session, _sent(title="  Máy xúc chung  ", addressed_to="  Sở Nông nghiệp và Môi trường "))
    data = load_proposal(session, pid)
    assert (data.title, data.addressed_to) == ("Máy xúc chung", "Sở Nông nghiệp và Môi trường")


def test_update_and_missing(session: Session) -> None:
    pid = _save(session, _data())
    assert _save(session, _data(title="Tiêu đề mới"), pid) == pid
    assert _count(session) == 1
    assert session.get(Proposal, pid).search_text == "tieu de moi"  # type: ignore[union-attr]
    with pytest.raises(NotFoundError):
        _save(session, _data(), 999)
    with pytest.raises(NotFoundError):
        load_proposal(session, 999)
    assert get_proposal(session, 999) is None


def test_delete_returns_data_for_undo(session: Session) -> None:
    data = _sent()
    pid = _save(session, data)
    assert delete_proposal(session, pid) == data
    assert _count(session) == 0
    _save(session, data)
    assert _count(session) == 1


# --- validation -----------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["", "   "])
def test_title_required(session: Session, title: str) -> None:
    assert _rejected(session, _data(title=title), "title") == ["Chưa nhập tiêu đề kiến nghị."]


def test_title_too_long(session: Session) -> None:
    msgs = _rejected(session, _data(title="k" * 301), "title")
    assert msgs == ["Tiêu đề kiến nghị dài quá 300 ký tự (301)."]
    _save(session, _data(title="k" * 300))


def test_raised_date_in_future(session: Session) -> None:
    assert _rejected(session, _data(raised_date=date(2025, 8, 2)), "raised_date") == [
        "Ngày nêu kiến nghị 02/08/2025 ở tương lai."
    ]


def test_raised_date_before_2000(session: Session) -> None:
    assert _rejected(session, _data(raised_date=date(1999, 1, 1)), "raised_date") == [
        "Ngày nêu kiến nghị không hợp lệ (trước năm 2000)."
    ]


def test_response_before_raised(session: Session) -> None:
    msgs = _rejected(session, _sent(status=S.ACKNOWLEDGED, response_date=date(2025, 7, 10)), "response_date")
    assert msgs == ["Ngày tỉnh trả lời 10/07/2025 trước ngày nêu kiến nghị 11/07/2025."]


def test_response_in_future(session: Session) -> None:
    msgs = _rejected(session, _sent(status=S.RESOLVED, response_date=date(2025, 9, 1)), "response_date")
    assert msgs == ["Ngày tỉnh trả lời 01/09/2025 ở tương lai."]


@pytest.mark.parametrize("status", [S.RESOLVED, S.DECLINED])
def test_closed_status_needs_response_date(session: Session, status: ProposalStatus) -> None:
    msgs = _rejected(session, _sent(status=status, response_text="Đã xử lý"), "response_date")
    assert msgs == [f"Kiến nghị «{status.label()}» cần có ngày tỉnh trả lời."]


@pytest.mark.parametrize(
    "kw", [{"response_text": "Giao Sở Xây dựng"}, {"response_date": date(2025, 7, 20)}], ids=["text", "date"]
)
def test_draft_cannot_have_a_response(session: Session, kw: dict[str, object]) -> None:
    msgs = _rejected(session, _data(addressed_to="Sở Xây dựng", **kw), "status")
    assert msgs[0].startswith("Kiến nghị chưa gửi thì chưa thể có trả lời của tỉnh")


@pytest.mark.parametrize("status", [s for s in S if s != S.DRAFT])
def test_sent_statuses_need_addressed_to(session: Session, status: ProposalStatus) -> None:
    data = _data(status=status, addressed_to="  ", response_date=date(2025, 7, 20))
    msgs = _rejected(session, data, "addressed_to")
    assert msgs == [f"Kiến nghị ở trạng thái «{status.label()}» phải ghi rõ gửi cơ quan nào."]


def test_draft_needs_no_addressee(session: Session) -> None:
    _save(session, _data(addressed_to=""))


def test_addressed_to_too_long(session: Session) -> None:
    assert "dài quá 200 ký tự" in _rejected(session, _sent(addressed_to="S" * 201), "addressed_to")[0]


def test_unknown_report(session: Session) -> None:
    assert _rejected(session, _sent(report_id=77), "report") == ["Báo cáo kèm theo không có trong sổ báo cáo đã gửi."]


def test_unknown_category_and_status(session: Session) -> None:
    assert _rejected(session, _data(category="roads"), "category") == [
        "Nhóm kiến nghị «roads» không có trong danh mục."
    ]
    assert _rejected(session, _data(status="lost"), "status") == [
        "Trạng thái kiến nghị «lost» không có trong danh mục."
    ]


def test_validate_defaults_to_today(session: Session) -> None:
    assert validate_proposal(session, _data(raised_date=date.today())) == []


# --- follow-up ------------------------------------------------------------------------------------


def test_status_transitions_through_follow_up(session: Session) -> None:
    pid = _save(session, _data(addressed_to="UBND tỉnh"))
    steps = [
        (S.SENT, "", None),
        (S.ACKNOWLEDGED, "Tỉnh đã nhận", date(2025, 7, 15)),
        (S.ASSIGNED, "Giao Sở Tài chính chủ trì", date(2025, 7, 18)),
        (S.RESOLVED, "Đã bố trí kinh phí", date(2025, 7, 30)),
    ]
    for status, text, when in steps:
        before = load_proposal(session, pid)
        previous = set_response(session, pid, status, text, when, today=TODAY)
        assert previous == before
        now = load_proposal(session, pid)
        assert (now.status, now.response_text, now.response_date) == (status, text, when)
        assert now.title == before.title and now.addressed_to == "UBND tỉnh"  # the rest is kept
    # the province may reopen it: back to an open status
    set_response(session, pid, S.ASSIGNED, "Bổ sung hồ sơ", date(2025, 7, 31), today=TODAY)
    assert get_proposal(session, pid).is_open  # type: ignore[union-attr]


def test_follow_up_of_draft_without_addressee_refused(session: Session) -> None:
    pid = _save(session, _data())
    with pytest.raises(ValidationError) as exc:
        set_response(session, pid, S.SENT, "", None, today=TODAY)
    assert [p.field for p in exc.value.problems] == ["addressed_to"]
    assert load_proposal(session, pid).status == S.DRAFT


def test_follow_up_invalid_changes_nothing(session: Session) -> None:
    pid = _save(session, _sent())
    with pytest.raises(ValidationError):
        set_response(session, pid, S.DECLINED, "Không chấp nhận", None, today=TODAY)
    with pytest.raises(ValidationError):
        set_response(session, pid, S.RESOLVED, "Xong", date(2025, 7, 1), today=TODAY)  # before raised
    assert load_proposal(session, pid) == _sent()


def test_follow_up_cannot_return_to_draft(session: Session) -> None:
    pid = _save(session, _sent())
    with pytest.raises(ValidationError) as exc:
        set_response(session, pid, S.DRAFT, "", None, today=TODAY)
    assert exc.value.problems[0].field == "status"
    assert load_proposal(session, pid).status == S.SENT


def test_follow_up_unknown_proposal(session: Session) -> None:
    with pytest.raises(NotFoundError):
        set_response(session, 404, S.RESOLVED, "x", TODAY, today=TODAY)


def test_undo_follow_up(session: Session) -> None:
    pid = _save(session, _sent())
    previous = set_response(session, pid, S.DECLINED, "Chưa có nguồn", date(2025, 7, 20), today=TODAY)
    _save(session, previous, pid)
    assert load_proposal(session, pid) == _sent()


def test_age_days(session: Session) -> None:
    open_id = _save(session, _sent())
    closed_id = _save(session, _sent(title="Khác", status=S.RESOLVED, response_date=date(2025, 7, 21)))
    ack_id = _save(session, _sent(title="Ba", status=S.ACKNOWLEDGED, response_date=date(2025, 7, 13)))
    on = date(2025, 8, 1)
    assert get_proposal(session, open_id).age_days(on) == 21  # type: ignore[union-attr]
    assert get_proposal(session, closed_id).age_days(on) == 10  # type: ignore[union-attr]  # stops at the answer
    assert get_proposal(session, ack_id).age_days(on) == 21  # type: ignore[union-attr]  # still waiting
    assert get_proposal(session, open_id).age_days(date(2025, 7, 1)) == 0  # type: ignore[union-attr]


# --- lists ----------------------------------------------------------------------------------------


@pytest.fixture
def proposals(session: Session) -> dict[str, int]:
    return {
        "money": _save(
            session,
            _sent(
                title="Hỗ trợ đầu tư hạ tầng CNTT",
                content="Bố trí nguồn lực tài chính từ ngân sách",
                raised_date=date(2025, 7, 11),
            ),
        ),
        "digger": _save(
            session,
            _sent(
                category=C.DISASTER,
                title="Bố trí máy xúc chung cho cụm xã",
                content="Xử lý các điểm sạt lở",
                addressed_to="Sở Nông nghiệp và Môi trường; Sở Tài chính",
                status=S.ASSIGNED,
                raised_date=date(2025, 7, 12),
            ),
        ),
        "tower": _save(
            session,
            _sent(
                category=C.OTHER,
                title="Di dời cột tiếp sóng phát thanh",
                addressed_to="Sở Văn hoá, Thể thao và Du lịch",
                status=S.RESOLVED,
                response_date=date(2025, 7, 28),
                raised_date=date(2025, 7, 10),
            ),
        ),
        "draft": _save(session, _data(category=C.STAFFING, title="Điều động cán bộ", raised_date=date(2025, 7, 14))),
    }


def test_list_newest_first(session: Session, proposals: dict[str, int]) -> None:
    assert [r.id for r in list_proposals(session)] == [proposals[k] for k in ("draft", "digger", "money", "tower")]


def test_filter_status_and_open(session: Session, proposals: dict[str, int]) -> None:
    assert [r.id for r in list_proposals(session, status=S.RESOLVED)] == [proposals["tower"]]
    assert [r.id for r in list_proposals(session, status=S.DRAFT)] == [proposals["draft"]]
    assert [r.id for r in list_proposals(session, open_only=True)] == [proposals["digger"], proposals["money"]]
    assert list_proposals(session, open_only=True, status=S.RESOLVED) == []


def test_filter_department(session: Session, proposals: dict[str, int]) -> None:
    finance = [r.id for r in list_proposals(session, department="Sở Tài chính")]
    assert finance == [proposals["digger"], proposals["money"]]  # one of several bodies counts
    assert [r.id for r in list_proposals(session, department="so tai chinh")] == finance
    # "Văn hoá" and "Văn hóa" (old/new tone placement) are the same body
    assert [r.id for r in list_proposals(session, department="Sở Văn hóa, Thể thao và Du lịch")] == [proposals["tower"]]
    assert list_proposals(session, department="Sở Xây dựng") == []
    assert len(list_proposals(session, department="  ")) == 4


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("may xuc", {"digger"}),
        ("sat lo", {"digger"}),  # content
        ("BỐ TRÍ", {"digger", "money"}),  # title of one, content of the other
        ("bo tri ngan sach", {"money"}),  # every word
        ("dieu dong", {"draft"}),  # đ folds to d
        ("100%", set()),  # LIKE wildcards are literal
        ("_", set()),
    ],
)
def test_search_without_diacritics(session: Session, proposals: dict[str, int], query: str, keys: set[str]) -> None:
    assert {r.id for r in list_proposals(session, search=query)} == {proposals[k] for k in keys}


def test_search_with_filters(session: Session, proposals: dict[str, int]) -> None:
    assert [r.id for r in list_proposals(session, search="bo tri", open_only=True, department="Sở Tài chính")] == [
        proposals["digger"],
        proposals["money"],
    ]
    assert list_proposals(session, search="bo tri", status=S.RESOLVED) == []


def test_addressed_bodies() -> None:
    assert addressed_bodies("Sở Văn hóa, Thể thao và Du lịch; UBND tỉnh\nSở Y tế;") == [
        "Sở Văn hóa, Thể thao và Du lịch",
        "UBND tỉnh",
        "Sở Y tế",
    ]
    assert addressed_bodies("  ") == []


# --- re-import lookup -----------------------------------------------------------------------------


def test_find_proposal_for_reimport(session: Session, proposals: dict[str, int]) -> None:
    assert find_proposal(session, "Bố trí máy xúc chung cho cụm xã", date(2025, 7, 12)) == proposals["digger"]
    assert find_proposal(session, "  bo tri MAY XUC chung  cho cum xa", date(2025, 7, 12)) == proposals["digger"]
    assert find_proposal(session, "Bố trí máy xúc chung cho cụm xã", date(2025, 7, 13)) is None  # other day
    assert find_proposal(session, "Bố trí máy xúc", date(2025, 7, 12)) is None  # title must match whole


def test_reimport_updates_instead_of_duplicating(session: Session, proposals: dict[str, int]) -> None:
    incoming = _sent(title="DI DOI COT TIEP SONG PHAT THANH", raised_date=date(2025, 7, 10), status=S.SENT)
    pid = find_proposal(session, incoming.title, incoming.raised_date)
    assert pid == proposals["tower"]
    before = _count(session)
    _save(session, incoming, pid)
    assert _count(session) == before
