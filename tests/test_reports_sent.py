"""Register of reports sent to the province: validation, listing, file fingerprints."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.errors import NotFoundError, UserError, ValidationError
from storage.models import ReportSent
from storage.proposals import ProposalData, load_proposal, save_proposal
from storage.reports_sent import (
    ReportSentData,
    delete_report_sent,
    file_sha256,
    get_report_sent,
    list_reports_sent,
    load_report_sent,
    save_report_sent,
    validate_report_sent,
)
from storage.vocab import ProposalCategory, ProposalStatus, ReportChannel

TODAY = date(2025, 8, 1)
SHA = hashlib.sha256(b"bao cao").hexdigest()


def _data(**kw: object) -> ReportSentData:
    base = ReportSentData("2025-07", date(2025, 6, 15), date(2025, 7, 14), date(2025, 7, 16))
    return replace(base, **kw)


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ReportSent)) or 0


def _save(session: Session, data: ReportSentData, report_id: int | None = None) -> int:
    return save_report_sent(session, data, report_id, today=TODAY)


def _rejected(session: Session, data: ReportSentData, field: str) -> list[str]:
    before = _count(session)
    with pytest.raises(ValidationError) as exc:
        _save(session, data)
    assert _count(session) == before
    msgs = [p.vi for p in exc.value.problems if p.field == field]
    assert msgs, exc.value.problems
    assert all(p.en and p.en != p.vi for p in exc.value.problems)
    return msgs


def test_defaults() -> None:
    d = ReportSentData("2025-Q3", date(2025, 6, 15), date(2025, 9, 14), date(2025, 9, 16))
    assert (d.kind, d.channel, d.file_name, d.sha256, d.document_number) == ("periodic", ReportChannel.USB, "", "", "")


def test_roundtrip(session: Session) -> None:
    data = _data(
        kind="periodic",
        channel=ReportChannel.EMAIL,
        file_name="bao-cao-2025-07.xlsx",
        sha256=SHA,
        recipient="Sở Nội vụ",
        notes="Gửi kèm bản giấy",
        document_number="125/BC-UBND",
    )
    rid = _save(session, data)
    assert load_report_sent(session, rid) == data
    row = get_report_sent(session, rid)
    assert row is not None
    assert (row.channel, row.channel_label, row.sha256) == (ReportChannel.EMAIL, "Thư điện tử", SHA)


def test_sha256_stored_lower_case_and_text_trimmed(session: Session) -> None:
    rid = _save(session, _data(sha256=f" {SHA.upper()} ", recipient="  UBND tỉnh ", period_spec=" 2025-07 "))
    data = load_report_sent(session, rid)
    assert (data.sha256, data.recipient, data.period_spec) == (SHA, "UBND tỉnh", "2025-07")


def test_update_delete_and_missing(session: Session) -> None:
    rid = _save(session, _data())
    assert _save(session, _data(notes="Sửa"), rid) == rid
    assert _count(session) == 1
    assert delete_report_sent(session, rid) == _data(notes="Sửa")
    assert _count(session) == 0
    with pytest.raises(NotFoundError):
        _save(session, _data(), 999)
    with pytest.raises(NotFoundError):
        load_report_sent(session, 999)
    with pytest.raises(NotFoundError):
        delete_report_sent(session, 999)
    assert get_report_sent(session, 999) is None


def test_deleting_a_report_unlinks_its_proposals(session: Session) -> None:
    rid = _save(session, _data())
    pid = save_proposal(
        session,
        ProposalData(
            ProposalCategory.IT,
            "Phần mềm liên thông chưa ổn định",
            date(2025, 7, 11),
            addressed_to="Sở Khoa học và Công nghệ",
            status=ProposalStatus.SENT,
            report_id=rid,
        ),
        today=TODAY,
    )
    delete_report_sent(session, rid)
    session.flush()
    session.expire_all()
    assert load_proposal(session, pid).report_id is None


# --- validation -----------------------------------------------------------------------------------


def test_period_end_before_start(session: Session) -> None:
    msgs = _rejected(session, _data(period_end=date(2025, 6, 14)), "period_end")
    assert msgs == ["Ngày cuối kỳ 14/06/2025 trước ngày đầu kỳ 15/06/2025."]
    _save(session, _data(period_end=date(2025, 6, 15)))  # a one-day period is fine


def test_sent_before_period_start(session: Session) -> None:
    msgs = _rejected(session, _data(sent_date=date(2025, 6, 14)), "sent_date")
    assert msgs == ["Ngày gửi 14/06/2025 trước ngày đầu kỳ báo cáo 15/06/2025."]
    _save(session, _data(sent_date=date(2025, 7, 10)))  # sent before the period ends (estimates) is allowed


def test_sent_in_future(session: Session) -> None:
    assert _rejected(session, _data(sent_date=date(2025, 8, 2)), "sent_date") == ["Ngày gửi 02/08/2025 ở tương lai."]
    _save(session, _data(sent_date=TODAY))


def test_period_start_before_2000(session: Session) -> None:
    msgs = _rejected(session, _data(period_spec="1999", period_start=date(1999, 1, 1)), "period_start")
    assert msgs == ["Ngày đầu kỳ không hợp lệ (trước năm 2000)."]


@pytest.mark.parametrize("sha", ["abc", SHA[:-1], SHA + "0", "g" * 64, SHA[:32] + " " + SHA[33:]])
def test_sha256_must_be_64_hex(session: Session, sha: str) -> None:
    assert _rejected(session, _data(sha256=sha), "sha256") == [
        "Mã SHA-256 phải gồm đúng 64 ký tự 0-9, a-f (hoặc để trống)."
    ]


def test_sha256_may_be_empty(session: Session) -> None:
    _save(session, _data(sha256=""))


def test_period_spec_required(session: Session) -> None:
    assert _rejected(session, _data(period_spec="  "), "period_spec") == ["Chưa nhập kỳ báo cáo."]


def test_period_spec_must_parse(session: Session) -> None:
    msgs = _rejected(session, _data(period_spec="tháng bảy"), "period_spec")
    assert msgs[0].startswith("Kỳ báo cáo «tháng bảy» không hợp lệ.")


@pytest.mark.parametrize("spec", ["2025-Q3", "07/2025", "2025-H1", "2025-9M", "2025", "01/07/2025..10/07/2025"])
def test_period_spec_forms_accepted(session: Session, spec: str) -> None:
    assert validate_report_sent(session, _data(period_spec=spec), today=TODAY) == []


def test_kind_required(session: Session) -> None:
    assert _rejected(session, _data(kind=" "), "kind") == ["Chưa nhập loại báo cáo."]


@pytest.mark.parametrize(
    ("field", "limit"), [("kind", 20), ("document_number", 60), ("file_name", 300), ("recipient", 200)]
)
def test_length_limits(session: Session, field: str, limit: int) -> None:
    assert f"dài quá {limit} ký tự" in _rejected(session, _data(**{field: "x" * (limit + 1)}), field)[0]
    _save(session, _data(**{field: "x" * limit}))


def test_unknown_channel(session: Session) -> None:
    assert _rejected(session, _data(channel="fax"), "channel") == ["Hình thức gửi «fax» không hợp lệ."]


def test_validate_defaults_to_today(session: Session) -> None:
    assert validate_report_sent(session, _data(sent_date=date.today())) == []


# --- listing --------------------------------------------------------------------------------------


def test_list_newest_first(session: Session) -> None:
    july = _save(session, _data(sent_date=date(2025, 7, 16)))
    june_period = {"period_spec": "2025-06", "period_start": date(2025, 5, 15), "period_end": date(2025, 6, 14)}
    june = _save(session, _data(sent_date=date(2025, 6, 16), **june_period))
    july_again = _save(session, _data(sent_date=date(2025, 7, 16), kind="correction"))
    assert [r.id for r in list_reports_sent(session)] == [july_again, july, june]
    assert list_reports_sent(session)[0].kind == "correction"


# --- fingerprints ---------------------------------------------------------------------------------


def test_file_sha256_streams_large_files(tmp_path: Path) -> None:
    payload = bytes(range(256)) * 20_000  # ~5 MB: several chunks
    f = tmp_path / "bao cáo.xlsx"
    f.write_bytes(payload)
    assert file_sha256(f) == hashlib.sha256(payload).hexdigest()
    assert file_sha256(str(f)) == hashlib.sha256(payload).hexdigest()


def test_file_sha256_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty"
    f.write_bytes(b"")
    assert file_sha256(f) == hashlib.sha256(b"").hexdigest()


def test_file_sha256_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError) as exc:
        file_sha256(tmp_path / "missing.xlsx")
    assert "Không đọc được tệp" in exc.value.message("vi")


def test_registering_a_file(session: Session, tmp_path: Path) -> None:
    f = tmp_path / "bc.xlsx"
    f.write_bytes(b"PK\x03\x04 report")
    rid = _save(session, _data(file_name=f.name, sha256=file_sha256(f)))
    assert get_report_sent(session, rid).sha256 == hashlib.sha256(f.read_bytes()).hexdigest()  # type: ignore[union-attr]
