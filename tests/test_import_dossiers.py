"""Importing dossiers: good files in every format, re-import, all-or-nothing, one problem per bad cell."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from test_import_common import FORMATS, problem_cells, write_csv, write_file

from storage.catalog import find_procedure, get_procedure
from storage.dossiers import DossierData, compute_due, load_dossier, save_dossier
from storage.errors import UserError, ValidationError
from storage.importing import preview_import, run_import
from storage.models import Dossier, Staff, SupplementRequest, Unit
from storage.rules_context import load_context
from storage.textsearch import fold
from storage.vocab import Channel, Outcome

TODAY = date(2026, 1, 15)
HEADER = ["Mã hồ sơ", "Thủ tục", "Người nộp", "Ngày giờ tiếp nhận", "Kênh", "Ngày giải quyết", "Kết quả",
          "Ngày trả kết quả", "Ngày yêu cầu bổ sung", "Ngày bổ sung xong", "Ghi chú"]  # fmt: skip
GOOD = [
    ["XA-250701-0001", "HT-KS", "Nguyễn Văn An", "01/07/2025 09:00", "Trực tiếp", "01/07/2025", "Đã giải quyết",
     "01/07/2025", "", "", ""],
    ["XA-250701-0002", "Cấp Giấy xác nhận tình trạng hôn nhân", "Lô Thị Bình", "01/07/2025 15:30", "truc tuyen",
     "", "", "", "02/07/2025", "04/07/2025", "chờ xác minh"],
    ["XA-250702-0001", "ht-xnhn", "Vi Văn Cường", "2025-07-02 10:15", "3", "07/07/2025", "", "", "", "", ""],
]  # fmt: skip


def _typed(rows: list[list[object]]) -> list[list[object]]:
    """The same rows as Excel would hold them: real date and date-time cells."""
    out: list[list[object]] = []
    for r in rows:
        cells: list[object] = list(r)
        for i, v in enumerate(cells):
            if isinstance(v, str) and len(v) == 16 and v[2] == "/" and v[10] == " ":
                cells[i] = datetime.strptime(v, "%d/%m/%Y %H:%M")
            elif isinstance(v, str) and len(v) == 10 and v[2] == "/":
                cells[i] = datetime.strptime(v, "%d/%m/%Y")
        out.append(cells)
    return out


def _file(tmp_path: Path, fmt: str, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    body = _typed(rows) if fmt == "xlsx" else rows
    return write_file(tmp_path, fmt, [header, *body])


def _count(s: Session, model=Dossier) -> int:  # type: ignore[no-untyped-def]
    return s.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_good_file_imports_and_reimport_changes_nothing(catalog_session: Session, tmp_path: Path, fmt: str) -> None:
    s = catalog_session
    path = _file(tmp_path, fmt, GOOD)
    preview = preview_import(s, "dossiers", path, today=TODAY)
    assert (preview.rows, preview.created, preview.updated, preview.unchanged, preview.problems) == (3, 3, 0, 0, [])
    assert _count(s) == 0  # the preview stored nothing

    result = run_import(s, "dossiers", path, today=TODAY)
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    ids = dict(s.execute(select(Dossier.code, Dossier.id)).all())
    first = load_dossier(s, ids["XA-250701-0001"])
    assert first.outcome is Outcome.RESOLVED and first.channel is Channel.DIRECT
    second = load_dossier(s, ids["XA-250701-0002"])
    assert second.channel is Channel.ONLINE and second.notes == "chờ xác minh"
    assert [(x.requested, x.completed) for x in second.supplements] == [(date(2025, 7, 2), date(2025, 7, 4))]
    third = load_dossier(s, ids["XA-250702-0001"])
    assert third.channel is Channel.POSTAL and third.received_at == datetime(2025, 7, 2, 10, 15)
    assert third.outcome is Outcome.RESOLVED and third.finished_date == date(2025, 7, 7)  # empty = resolved

    again = run_import(s, "dossiers", path, today=TODAY)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert _count(s) == 3 and _count(s, SupplementRequest) == 1


def test_changed_rows_update_and_absent_columns_keep_stored_values(catalog_session: Session, tmp_path: Path) -> None:
    s = catalog_session
    run_import(s, "dossiers", write_csv(tmp_path / "a.csv", [HEADER, *GOOD]), today=TODAY)
    # The provincial export a month later: fewer columns, one dossier now finished.
    header = ["Mã hồ sơ", "Thủ tục", "Người nộp", "Ngày giờ tiếp nhận", "Ngày giải quyết"]
    rows = [
        ["XA-250701-0001", "HT-KS", "Nguyễn Văn An", "01/07/2025 09:00", "01/07/2025"],
        ["XA-250701-0002", "HT-XNHN", "Lô Thị Bình", "01/07/2025 15:30", "09/07/2025"],
        ["XA-250703-0001", "HT-KS", "Hà Văn Dũng", "03/07/2025 08:00", ""],
    ]
    result = run_import(s, "dossiers", write_csv(tmp_path / "b.csv", [header, *rows]), today=TODAY)
    assert (result.created, result.updated, result.unchanged) == (1, 1, 1)
    second = load_dossier(s, s.scalar(select(Dossier.id).where(Dossier.code == "XA-250701-0002")))
    assert second.finished_date == date(2025, 7, 9)
    assert second.notes == "chờ xác minh" and second.channel is Channel.ONLINE  # not in the file: kept
    assert len(second.supplements) == 1


def test_imported_dossier_is_stored_exactly_as_save_dossier_stores_it(catalog_session: Session, tmp_path: Path) -> None:
    """The bulk writer mirrors storage.dossiers._apply; this keeps them in step."""
    s = catalog_session
    header = [*HEADER, "Hạn giải quyết điều chỉnh", "Lý do điều chỉnh hạn", "Ngày văn bản xin lỗi",
              "Ngày hẹn trả mới", "Địa chỉ", "Số điện thoại", "Lý do bổ sung"]  # fmt: skip
    rows = [
        [*GOOD[1], "20/07/2025", "Chờ xác minh ở tỉnh khác", "08/07/2025", "20/07/2025", " Bản Xiềng ", "0912 345 678",
         "Thiếu giấy tờ"],
        [*GOOD[2], "", "", "", "", "", "", ""],
        ["XA-250801-0001", "BTXH-TCHT", "Kha Thị Én", "01/08/2025 16:59", "Bưu chính", "05/08/2025", "Dừng xử lý",
         "", "", "", "", "", "", "", "", "", "", ""],
    ]  # fmt: skip
    run_import(s, "dossiers", write_csv(tmp_path / "f.csv", [header, *rows]), today=TODAY, user_id=None)
    ctx = load_context(s, 2025)
    for d in s.scalars(select(Dossier)).all():
        data = load_dossier(s, d.id)
        twin_id = save_dossier(s, replace(data, code=d.code + "-B"), ctx=ctx, today=TODAY)
        twin = s.get(Dossier, twin_id)
        assert twin is not None
        skip = {"id", "code", "search_text", "created_at", "updated_at"}
        for col in Dossier.__table__.columns.keys():  # noqa: SIM118 (a ColumnCollection iterates columns)
            if col not in skip:
                assert getattr(d, col) == getattr(twin, col), (d.code, col)
        assert d.search_text == fold(f"{d.code} {d.applicant_name}")
        assert [(x.requested_date, x.completed_date, x.reason) for x in d.supplements] == [
            (x.requested_date, x.completed_date, x.reason) for x in twin.supplements
        ]
        proc = get_procedure(s, d.procedure_id)
        assert proc is not None
        assert d.due_date_computed == compute_due(data, proc, ctx)


def _bad(catalog_session: Session, tmp_path: Path, rows: list[list[object]], header: list[str] = HEADER):  # type: ignore[no-untyped-def]
    """Import rows that contain problems: ValidationError, nothing stored; returns the problems."""
    s = catalog_session
    path = write_csv(tmp_path / "bad.csv", [header, *rows])
    preview = preview_import(s, "dossiers", path, today=TODAY)
    with pytest.raises(ValidationError) as exc:
        run_import(s, "dossiers", path, today=TODAY)
    assert exc.value.problems == preview.problems
    assert _count(s) == 0 and _count(s, SupplementRequest) == 0
    return exc.value.problems


def test_every_kind_of_bad_cell_is_reported_with_row_and_column_and_nothing_is_stored(
    catalog_session: Session, tmp_path: Path
) -> None:
    rows = [
        GOOD[0],  # row 2: fine
        [*GOOD[1][:5], "31/02/2025", *GOOD[1][6:]],  # row 3: date that does not exist
        ["XA-4", "HT-KS", "An", "01/07/2025", "", "", "", "", "", "", ""],  # row 4: no time of receipt
        ["XA-5", "HT-KHONG-CO", "An", "01/07/2025 09:00", "", "", "", "", "", "", ""],  # row 5: unknown procedure
        ["XA-6", "HT-KS", "An", "01/07/2025 09:00", "Fax", "", "", "", "", "", ""],  # row 6: unknown channel
        ["XA-250701-0001", "HT-KS", "An", "01/07/2025 09:00", "", "", "", "", "", "", ""],  # row 7: code of row 2
        ["XA-8", "HT-KS", "", "01/07/2025 09:00", "", "", "", "", "", "", ""],  # row 8: empty applicant
        ["XA-9", "HT-KS", "An", "05/07/2025 09:00", "", "04/07/2025", "", "", "", "", ""],  # row 9: resolved first
        ["XA-10", "HT-KS", "An", "01/07/2025 09:00", "", "", "Không biết", "", "", "", ""],  # row 10: unknown outcome
        ["XA 11", "HT-KS", "An", "01/07/2025 09:00", "", "", "", "", "", "", ""],  # row 11: space in the code
        ["XA-12", "HT-KS", "An", "01/07/2025 09:00", "", "", "", "", "", "03/07/2025", ""],  # row 12: done, no request
        ["XA-13", "HT-KS", "An", "01/07/2027 09:00", "", "", "", "", "", "", ""],  # row 13: in the future
    ]
    problems = _bad(catalog_session, tmp_path, rows)
    assert problem_cells(problems) == {
        (3, "Ngày giải quyết"),
        (4, "Ngày giờ tiếp nhận"),
        (5, "Thủ tục"),
        (6, "Kênh"),
        (7, "Mã hồ sơ"),
        (8, "Người nộp"),
        (9, "Ngày giải quyết"),
        (10, "Kết quả"),
        (11, "Mã hồ sơ"),
        (12, "Ngày yêu cầu bổ sung"),
        (13, "Ngày giờ tiếp nhận"),
    }
    assert [p.row for p in problems] == sorted(p.row or 0 for p in problems)  # listed in file order
    by_row = {p.row: p for p in problems}
    assert "không có thật" in by_row[3].vi
    assert "15:00" in by_row[4].vi
    assert "trùng với dòng 2" in by_row[7].vi
    assert "trước ngày tiếp nhận" in by_row[9].vi
    assert by_row[8].text() == "Dòng 8, Người nộp: Chưa nhập (cột bắt buộc)."


def test_duplicate_code_is_reported_on_the_second_row_only(catalog_session: Session, tmp_path: Path) -> None:
    problems = _bad(catalog_session, tmp_path, [GOOD[0], GOOD[1], GOOD[0]])
    assert problem_cells(problems) == {(4, "Mã hồ sơ")}


def test_handler_column_matches_staff_by_name(catalog_session: Session, tmp_path: Path) -> None:
    s = catalog_session
    for name in ("Lô Thị Hoa", "Vi Văn Nam", "Vi Văn Nam"):
        s.add(Staff(full_name=name, search_name=fold(name), gender="F", category="cong_chuc",
                    start_date=date(2025, 7, 1)))  # fmt: skip
    s.flush()
    header = [*HEADER, "Người xử lý"]
    ok = write_csv(tmp_path / "ok.csv", [header, [*GOOD[0], "lo thi hoa"]])
    run_import(s, "dossiers", ok, today=TODAY)
    hoa = s.scalar(select(Staff.id).where(Staff.full_name == "Lô Thị Hoa"))
    assert s.scalar(select(Dossier.handler_id)) == hoa
    problems = preview_import(
        s, "dossiers", write_csv(tmp_path / "bad.csv", [header, [*GOOD[1], "Vi Văn Nam"], [*GOOD[2], "Ai Đó"]]),
        today=TODAY,
    ).problems  # fmt: skip
    assert problem_cells(problems) == {(2, "Người xử lý"), (3, "Người xử lý")}
    assert "Có 2 người" in problems[0].vi


def test_failed_import_keeps_the_callers_changes_and_session_usable(catalog_session: Session, tmp_path: Path) -> None:
    s = catalog_session
    s.add(Unit(name="Phòng thử"))
    s.flush()
    with pytest.raises(ValidationError):
        run_import(s, "dossiers", write_csv(tmp_path / "bad.csv", [HEADER, GOOD[0], GOOD[0]]), today=TODAY)
    assert s.scalar(select(Unit.name).where(Unit.name == "Phòng thử")) == "Phòng thử"
    result = run_import(s, "dossiers", write_csv(tmp_path / "ok.csv", [HEADER, *GOOD]), today=TODAY)
    assert result.created == 3


def test_connection_settings_are_restored(catalog_session: Session, tmp_path: Path) -> None:
    s = catalog_session
    before = s.connection().exec_driver_sql("PRAGMA cache_size").scalar()
    run_import(s, "dossiers", write_csv(tmp_path / "ok.csv", [HEADER, *GOOD]), today=TODAY)
    with pytest.raises(ValidationError):
        run_import(s, "dossiers", write_csv(tmp_path / "bad.csv", [HEADER, GOOD[0], GOOD[0]]), today=TODAY)
    assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == before


def test_caller_can_still_roll_back_a_successful_import(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from storage.catalog import seed_catalog

    with db.sessions.begin() as s:
        seed_catalog(s)
    path = write_csv(tmp_path / "ok.csv", [HEADER, *GOOD])
    with db.sessions() as s:
        run_import(s, "dossiers", path, today=TODAY)
        assert _count(s) == 3
        s.rollback()
    with db.sessions() as s:
        assert _count(s) == 0
        run_import(s, "dossiers", path, today=TODAY)
        s.commit()
    with db.sessions() as s:
        assert _count(s) == 3


def test_progress_and_cancel(catalog_session: Session, tmp_path: Path) -> None:
    s = catalog_session
    rows = [
        [f"XA-250701-{i:04d}", "HT-KS", f"Người {i}", "01/07/2025 09:00", "", "", "", "", "", "", ""]
        for i in range(2500)
    ]
    path = write_csv(tmp_path / "big.csv", [HEADER, *rows])
    calls: list[tuple[int, int]] = []
    result = run_import(s, "dossiers", path, today=TODAY, progress=lambda d, t: calls.append((d, t)))
    assert result.created == 2500
    assert calls == [(0, 2500), (1000, 2500), (2000, 2500), (2500, 2500)]
    s.execute(Dossier.__table__.delete())

    checks = iter([False, False, True])
    with pytest.raises(UserError, match="Đã hủy nhập dữ liệu"):
        run_import(s, "dossiers", path, today=TODAY, cancelled=lambda: next(checks))
    assert _count(s) == 0


def test_problem_list_is_capped(catalog_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.importing.api as api

    monkeypatch.setattr(api, "MAX_PROBLEMS", 5)
    rows = [[f"XA-{i}", "HT-KS", "", "01/07/2025 09:00", "", "", "", "", "", "", ""] for i in range(8)]
    result = preview_import(catalog_session, "dossiers", write_csv(tmp_path / "f.csv", [HEADER, *rows]), today=TODAY)
    assert len(result.problems) == 6
    assert "3 lỗi khác" in result.problems[-1].vi


def test_existing_code_entered_in_the_app_is_updated_not_duplicated(catalog_session: Session, tmp_path: Path) -> None:
    s = catalog_session
    ks = find_procedure(s, "HT-KS")
    assert ks is not None
    save_dossier(
        s, DossierData(ks.id, "Nguyễn Văn An", datetime(2025, 7, 1, 9), code="XA-250701-0001", notes="nhập tay"),
        today=TODAY,
    )  # fmt: skip
    result = run_import(s, "dossiers", write_csv(tmp_path / "f.csv", [HEADER, GOOD[0]]), today=TODAY)
    assert (result.created, result.updated) == (0, 1)
    d = load_dossier(s, s.scalar(select(Dossier.id)))
    assert d.finished_date == date(2025, 7, 1) and d.notes == ""  # the file's empty "Ghi chú" cell clears it
    assert _count(s) == 1
