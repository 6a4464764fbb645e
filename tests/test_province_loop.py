"""The whole loop below the GUI: three communes export July 2025, the province imports and
consolidates, answers a proposal, and the commune applies the response file.

The consolidated figures must equal the sums of the communes' own reports (their period
summaries computed in their own databases), re-importing must change nothing, a corrected
revision must replace the old one, and tampered or re-keyed files must be flagged.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reports.exchange.archive import open_archive
from reports.exchange.province_import import import_files, preview_files
from reports.exchange.report_file import export_report_file
from reports.exchange.response_file import apply_response, preview_response, write_response_file
from reports.province_report import build_province_report
from storage.aggregates import period_summary
from storage.db import Database, open_database
from storage.demo import COMMUNES, load_demo
from storage.exchange_errors import Reason
from storage.mode import set_province_mode
from storage.models import InstallKey, ProvinceProposal, ReceivedReport
from storage.periods import parse_period
from storage.proposals import get_proposal
from storage.province.answers import list_province_proposals, record_answer
from storage.province.completeness import CellStatus, completeness
from storage.province.consolidate import consolidate
from storage.province.profile import ProvinceProfile, save_province_profile
from storage.province.received import Verdict
from storage.province.registry import CommuneEntry, save_commune
from storage.vocab import AreaType, ProposalStatus

JULY = "2025-07"
MADE = datetime(2025, 7, 15, 16, 0)  # the day after the official July period closed


@pytest.fixture(scope="module")
def commune_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The three demo communes, each in its own database (as on its own PC), up to 31/10/2025."""
    folder = tmp_path_factory.mktemp("communes")
    paths = {}
    for c in COMMUNES.values():
        path = folder / f"{c.code}.sqlite"
        db = open_database(path)
        with db.sessions.begin() as s:
            load_demo(s, c.key, until=date(2025, 10, 31))
        db.close()
        paths[c.code] = path
    return paths


@pytest.fixture
def communes(commune_templates: dict[str, Path], tmp_path: Path) -> dict[str, Database]:
    dbs = {}
    for code, template in commune_templates.items():
        shutil.copy(template, tmp_path / f"{code}.sqlite")
        dbs[code] = open_database(tmp_path / f"{code}.sqlite")
    yield dbs
    for d in dbs.values():
        d.close()


@pytest.fixture
def province(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "province.sqlite")
    with db.sessions.begin() as s:
        set_province_mode(s)
        save_province_profile(s, ProvinceProfile(code="40", signer_name="Nguyễn Văn Bình"))
        for c in COMMUNES.values():
            save_commune(s, CommuneEntry(code=c.code, name=f"Xã {c.key}", area_type=AreaType.MOUNTAINOUS))
    yield db
    db.close()


def _export(db: Database, usb: Path, spec: str = JULY, now: datetime = MADE) -> Path:
    with db.sessions.begin() as s:
        return export_report_file(s, parse_period(spec), usb, now=now).path


def _count(db: Database, model: type) -> int:
    with db.sessions.begin() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_consolidated_figures_are_the_sums_of_the_communes_own_reports(
    communes: dict[str, Database], province: Database, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    for db in communes.values():
        _export(db, usb)
    results = import_files(province.sessions, [usb])
    assert [r.verdict for r in results] == [Verdict.NEW] * 3
    own = {}
    for code, db in communes.items():
        with db.sessions.begin() as s:
            own[code] = period_summary(s, parse_period(JULY))
    with province.sessions.begin() as s:
        c = consolidate(s, JULY)
        report = build_province_report(s, JULY)
    assert not c.missing and len(c.communes) == 3
    for key in ("received_total", "received_online", "resolved_total", "resolved_early", "pending_overdue"):
        assert c.total[key] == sum(getattr(o.dossiers.total, key) for o in own.values())
    assert c.staffing["official_posts"] == sum(o.staffing.official_posts for o in own.values())
    for kind, totals in c.equipment.items():
        assert totals["shortage"] == sum(
            k.shortage for o in own.values() for k in o.equipment.by_kind if str(k.kind) == kind
        )
    lm = next(f for f in c.communes if f.code == "16906")
    assert lm.dossiers["received_total"] == 43 and lm.dossiers["resolved_total"] == 43  # the published figures
    # The report's Biểu 06 total row is the province total.
    form = next(t for t in report.tables() if t.title.startswith("Kết quả giải quyết thủ tục hành chính toàn tỉnh"))
    assert form.rows[-1][2] == c.total["received_total"]


def test_reimport_changes_nothing_and_a_correction_replaces_the_old_revision(
    communes: dict[str, Database], province: Database, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    for db in communes.values():
        _export(db, usb)
    import_files(province.sessions, [usb])
    before = _count(province, ReceivedReport), _count(province, ProvinceProposal)
    again = import_files(province.sessions, [usb])
    assert {r.verdict for r in again} == {Verdict.DUPLICATE}
    assert (_count(province, ReceivedReport), _count(province, ProvinceProposal)) == before

    fixed = _export(communes["16906"], tmp_path / "fix", now=datetime(2025, 7, 20, 9, 0))
    assert fixed.name == "16906_2025-07_v2.cdesk"
    assert open_archive(fixed.read_bytes()).manifest["replaces_revision"] == 1
    preview = preview_files(province.sessions, [fixed])
    assert preview[0].verdict == Verdict.NEWER and _count(province, ReceivedReport) == before[0]
    assert import_files(province.sessions, [fixed])[0].verdict == Verdict.NEWER
    with province.sessions.begin() as s:
        c = consolidate(s, JULY)
        grid = completeness(s, [parse_period(JULY)], today=date(2025, 8, 1))
    assert next(f for f in c.communes if f.code == "16906").revision == 2
    assert grid.cells[("16906", JULY)].status == CellStatus.REPLACED
    assert grid.cells[("17254", JULY)].status == CellStatus.ON_TIME
    # The old revision arriving again later is skipped, the history keeps both.
    assert import_files(province.sessions, [usb / "16906_2025-07_v1.cdesk"])[0].verdict == Verdict.DUPLICATE
    assert _count(province, ReceivedReport) == 4


def test_tampered_file_and_new_key_are_flagged(
    communes: dict[str, Database], province: Database, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    good = _export(communes["16906"], usb)
    import_files(province.sessions, [good])
    # Tampered: the payload changed after signing (a figure edited by hand).
    tampered = tmp_path / "bad" / "16906_2025-08_v1.cdesk"
    tampered.parent.mkdir()
    src = _export(communes["16906"], tmp_path / "aug", spec="2025-08", now=datetime(2025, 8, 15, 9, 0))
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tampered, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "payload.json":
                data = data.replace(b'"received_total": 4', b'"received_total": 9', 1)
            zout.writestr(item, data)
    # New key: the commune "reinstalled its PC" (or someone forged its files).
    with communes["16906"].sessions.begin() as s:
        s.query(InstallKey).delete()
    rekeyed = _export(communes["16906"], tmp_path / "rekey", spec="2025-09", now=datetime(2025, 9, 15, 9, 0))
    results = {r.name: r for r in import_files(province.sessions, [tampered, rekeyed])}
    assert results[tampered.name].verdict == Verdict.REJECTED
    assert results[tampered.name].reason == Reason.CHECKSUM
    assert results[rekeyed.name].verdict == Verdict.REJECTED
    assert results[rekeyed.name].reason == Reason.KEY_CHANGED
    assert "CẢNH BÁO" in results[rekeyed.name].vi
    assert _count(province, ReceivedReport) == 1


def test_answers_go_back_down_to_the_commune(communes: dict[str, Database], province: Database, tmp_path: Path) -> None:
    import_files(province.sessions, [_export(communes["16906"], tmp_path / "usb")])
    with province.sessions.begin() as s:
        row = list_province_proposals(s, commune_code="16906", open_only=True)[0]
        record_answer(
            s, row.id, ProposalStatus.RESOLVED, "Đã bố trí kinh phí.", date(2025, 8, 1), today=date(2025, 8, 1)
        )
        written = write_response_file(s, "16906", tmp_path / "down")
        assert list_province_proposals(s, commune_code="16906")[0].answer_pending_export is False
    assert written.answers == 1 and written.path.name == "16906_phan-hoi_1.cdesk"
    with communes["17254"].sessions.begin() as s:
        with pytest.raises(Exception) as wrong:
            preview_response(s, written.path)
        assert getattr(wrong.value, "reason", None) == Reason.WRONG_RECIPIENT
    with communes["16906"].sessions.begin() as s:
        preview = preview_response(s, written.path)
        assert preview.first_key and [c.changes for c in preview.changes] == [True]
        assert get_proposal(s, row.proposal_id).status != ProposalStatus.RESOLVED  # preview stores nothing
        apply_response(s, written.path)
        after = get_proposal(s, row.proposal_id)
    assert after.status == ProposalStatus.RESOLVED and after.response_text == "Đã bố trí kinh phí."


def test_a_zip_renamed_from_another_commune_is_not_mistaken(
    communes: dict[str, Database], province: Database, tmp_path: Path
) -> None:
    """The file name is not trusted: the signed manifest says whose report it is."""
    path = _export(communes["17254"], tmp_path / "usb")
    renamed = path.with_name("16906_2025-07_v1.cdesk")
    path.rename(renamed)
    result = import_files(province.sessions, [renamed])[0]
    assert result.verdict == Verdict.NEW and result.commune_code == "17254"
    data = io.BytesIO(renamed.read_bytes())
    assert zipfile.is_zipfile(data)


def test_a_failure_inside_one_file_does_not_stop_the_batch(
    communes: dict[str, Database], province: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reports.exchange.province_import as pi

    usb = tmp_path / "usb"
    for db in communes.values():
        _export(db, usb)
    real_store = pi.store

    def flaky_store(session, f, c, *, now=None):  # type: ignore[no-untyped-def]
        real_store(session, f, c, now=now)  # half-written when the error strikes…
        if f.commune_code == "17254":
            raise OSError("disk full")
        return 1

    monkeypatch.setattr(pi, "store", flaky_store)
    results = {r.commune_code or r.name: r for r in import_files(province.sessions, [usb])}
    failed = next(r for r in results.values() if r.verdict == Verdict.REJECTED)
    assert "OSError" in failed.vi and "chưa lưu gì" in failed.vi
    assert _count(province, ReceivedReport) == 2  # …and rolled back: only the two good files are stored


def test_calendar_periods_are_not_sent_as_official_ones(communes: dict[str, Database], tmp_path: Path) -> None:
    """A calendar July has the official July's name but other dates: it must not reach the province as July."""
    from storage.errors import UserError

    with communes["16906"].sessions.begin() as s, pytest.raises(UserError, match="ngày chốt số liệu chính thức"):
        export_report_file(s, parse_period(JULY, official=False), tmp_path, now=MADE)
    assert not list(tmp_path.glob("*.cdesk"))
