"""Province storage rules: modes, keys, deadlines and the completeness grid, answers."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy.orm import Session

from storage.errors import UserError, ValidationError
from storage.mode import DatabaseMode, database_mode, require_mode, set_province_mode
from storage.models import ProvinceProposal, ReceivedReport
from storage.periods import parse_period
from storage.province.answers import answers_to_send, communes_with_answers_to_send, mark_sent, record_answer
from storage.province.completeness import CellStatus, completeness, deadline
from storage.province.consolidate import COUNT_KEYS, consolidate
from storage.province.profile import ProvinceProfile, load_province_profile, province_title, save_province_profile
from storage.province.registry import CommuneEntry, delete_commune, list_communes, save_commune
from storage.signing import fingerprint, install_key, short_fingerprint, trust_key, trusted_key, verify
from storage.vocab import AreaType, ProposalStatus


@pytest.fixture
def province(session: Session) -> Session:
    set_province_mode(session)
    save_province_profile(session, ProvinceProfile(code="40"))
    save_commune(session, CommuneEntry("16906", "Xã Lượng Minh", AreaType.MOUNTAINOUS))
    save_commune(session, CommuneEntry("17254", "Xã Con Cuông", AreaType.MOUNTAINOUS))
    save_commune(session, CommuneEntry("17479", "Xã An Châu"))
    return session


def _counts(**over: int) -> dict[str, int]:
    base = dict.fromkeys(COUNT_KEYS, 0)
    return base | over


def _receive(s: Session, code: str, spec: str, revision: int, made: datetime, received: int = 10) -> None:
    period = parse_period(spec)
    row = _counts(
        received_total=received, received_direct_postal=received, resolved_total=received, resolved_on_time=received
    )
    payload = {
        "commune": {"code": code, "mountainous": True},
        "dossiers": {"by_field": [{"field_code": "HT", "field_name": "Hộ tịch", **row}], "total": row},
        "staffing": {
            "official_posts": 30,
            "official_quota": 36,
            "total": 40,
            "service_center": 5,
            "with_signature": 20,
        },
        "equipment": {"by_kind": [{"kind": "scanner", "required": 3, "available": 1, "working": 1, "shortage": 2}]},
        "proposals": [],
    }
    s.add(
        ReceivedReport(
            commune_code=code,
            period_spec=spec,
            period_start=period.start,
            period_end=period.end,
            revision=revision,
            replaces_revision=revision - 1 or None,
            created_at=made,
            received_at=made,
            file_name=f"{code}_{spec}_v{revision}.cdesk",
            file_sha256=f"{code}{spec}{revision}".ljust(64, "0"),
            key_fingerprint="0" * 64,
            app_version="test",
            format_version=1,
            payload=json.dumps(payload),
            archive=b"",
        )
    )
    s.flush()


def test_mode_is_commune_until_made_province_and_never_for_a_commune_database(session: Session) -> None:
    assert database_mode(session) == DatabaseMode.COMMUNE
    set_province_mode(session)
    assert database_mode(session) == DatabaseMode.PROVINCE
    with pytest.raises(UserError, match="của tỉnh"):
        require_mode(session, DatabaseMode.COMMUNE)


def test_commune_database_cannot_become_province(luong_minh_db) -> None:  # type: ignore[no-untyped-def]
    from storage.db import open_database

    db = open_database(luong_minh_db)
    try:
        with db.sessions.begin() as s, pytest.raises(UserError, match="của một xã"):
            set_province_mode(s)
    finally:
        db.close()


def test_install_key_is_made_once_and_signs(session: Session) -> None:
    key = install_key(session)
    assert install_key(session) == key
    sig = key.sign(b"manifest")
    assert verify(key.public_key, sig, b"manifest") and not verify(key.public_key, sig, b"manifesT")
    assert key.fingerprint == fingerprint(key.public_key) and len(short_fingerprint(key.fingerprint)) == 19
    trust_key(session, "16906", key.public_key, "first_file")
    assert trusted_key(session, "16906").fingerprint == key.fingerprint  # type: ignore[union-attr]


def test_province_profile_needs_an_official_province(session: Session) -> None:
    with pytest.raises(ValidationError):
        save_province_profile(session, ProvinceProfile(code="99"))
    save_province_profile(session, ProvinceProfile(code="40", signer_name="Nguyễn Văn Bình"))
    saved = load_province_profile(session)
    assert saved is not None and saved.name == "Nghệ An" and saved.parent_agency == "UBND TỈNH NGHỆ AN"
    assert province_title("Thành phố Hà Nội") == "Thành phố Hà Nội" and province_title("Nghệ An") == "Tỉnh Nghệ An"


def test_deadline_counts_working_days_after_the_period_end(province: Session) -> None:
    july = parse_period("2025-07")  # official: 15/06 – 14/07/2025 (Monday)
    assert deadline(province, july) == date(2025, 7, 16)  # 2 working days (the default setting)
    august = parse_period("2025-08")  # ends Thursday 14/08 → Fri 15, (weekend), Mon 18
    assert deadline(province, august) == date(2025, 8, 18)


def test_completeness_cells(province: Session) -> None:
    july, aug, sep = parse_period("2025-07"), parse_period("2025-08"), parse_period("2025-09")
    _receive(province, "16906", "2025-07", 1, datetime(2025, 7, 16, 23, 0))  # last hour of the deadline day
    _receive(province, "17254", "2025-07", 1, datetime(2025, 7, 17, 8, 0))  # the morning after
    _receive(province, "16906", "2025-08", 1, datetime(2025, 8, 15, 9, 0))
    _receive(province, "16906", "2025-08", 2, datetime(2025, 8, 25, 9, 0))
    grid = completeness(province, [july, aug, sep], today=date(2025, 9, 15))
    cell = grid.cells
    assert cell[("16906", "2025-07")].status == CellStatus.ON_TIME
    assert cell[("17254", "2025-07")].status == CellStatus.LATE
    assert cell[("17479", "2025-07")].status == CellStatus.MISSING
    assert cell[("16906", "2025-08")].status == CellStatus.REPLACED and cell[("16906", "2025-08")].revision == 2
    assert cell[("17254", "2025-09")].status == CellStatus.NOT_DUE  # September's deadline is 16/09/2025
    assert [c.code for c in grid.missing(july)] == ["17479"]
    assert grid.counts(july)[CellStatus.ON_TIME] == 1


def test_consolidation_takes_the_current_revision_and_lists_the_missing(province: Session) -> None:
    _receive(province, "16906", "2025-07", 1, datetime(2025, 7, 15), received=10)
    _receive(province, "16906", "2025-07", 2, datetime(2025, 7, 16), received=12)
    _receive(province, "17254", "2025-07", 1, datetime(2025, 7, 15), received=5)
    c = consolidate(province, "2025-07")
    assert c.total["received_total"] == 17  # 12 (revision 2) + 5, never 10 + 12 + 5
    assert [m.code for m in c.missing] == ["17479"]
    assert c.equipment["scanner"]["shortage"] == 4
    assert c.staffing["official_posts"] == 60
    assert {f.code for f in c.by_priority()} == {"16906", "17254"}


def test_registry_refuses_bad_entries_and_keeps_communes_with_reports(province: Session) -> None:
    with pytest.raises(ValidationError) as bad:
        save_commune(province, CommuneEntry("abc", ""))
    assert {p.field for p in bad.value.problems} == {"code", "name"}
    _receive(province, "17254", "2025-07", 1, datetime(2025, 7, 15))
    with pytest.raises(ValidationError, match="không xóa được"):
        delete_commune(province, "17254")
    delete_commune(province, "17479")
    assert [c.name for c in list_communes(province, search="cuong")] == ["Xã Con Cuông"]


def _proposal(s: Session) -> ProvinceProposal:
    p = ProvinceProposal(
        commune_code="16906",
        proposal_id=7,
        category="it",
        title="Cấp thêm máy quét",
        content="",
        raised_date=date(2025, 7, 11),
        addressed_to="Sở Khoa học và Công nghệ; Sở Tài chính",
        commune_status="sent",
        response_text="",
    )
    s.add(p)
    s.flush()
    return p


def test_answers_validate_and_are_sent_again_after_a_change(province: Session) -> None:
    p = _proposal(province)
    with pytest.raises(ValidationError) as bad:
        record_answer(province, p.id, ProposalStatus.RESOLVED, "", date(2025, 7, 1), today=date(2025, 8, 1))
    assert {x.field for x in bad.value.problems} == {"response_text", "response_date"}
    with pytest.raises(ValidationError):
        record_answer(province, p.id, ProposalStatus.DRAFT, "x", date(2025, 8, 1), today=date(2025, 8, 1))
    assert answers_to_send(province, "16906") == []
    record_answer(province, p.id, ProposalStatus.ASSIGNED, "Giao Sở KH&CN", date(2025, 8, 1), today=date(2025, 8, 1))
    assert communes_with_answers_to_send(province) == ["16906"]
    rows = answers_to_send(province, "16906")
    assert rows[0].departments() == ["Sở Khoa học và Công nghệ", "Sở Tài chính"]
    mark_sent(province, "16906", [rows[0].id], "f.cdesk", "0" * 64, datetime.now())
    assert answers_to_send(province, "16906") == []
    record_answer(
        province, p.id, ProposalStatus.RESOLVED, "Đã cấp 1 máy quét", date(2025, 8, 2), today=date(2025, 8, 2)
    )
    assert [r.status for r in answers_to_send(province, "16906")] == [ProposalStatus.RESOLVED]
