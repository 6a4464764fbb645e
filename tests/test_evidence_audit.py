"""Evidence for docs/reliability.md: the fast dossier import is audited (one entry per batch written, with the
counts and the importing user), and every entry is linked to the one before it.

Why: the fast path writes with Core statements the session hooks never see, so its audit entry is written by
hand; without this test nothing shows that an imported file leaves a trace, or how many entries it leaves.
"""

from __future__ import annotations

import itertools
import json
import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from test_import_common import write_csv

import storage.importing.api as import_api
import storage.importing.dossier_kind as dossier_kind
from storage import auth
from storage.actor import set_actor
from storage.audit import AuditRow, list_entries, verify_chain
from storage.db import open_database
from storage.importing import run_import
from storage.models import AuditLog, Dossier

HEADER = ["Mã hồ sơ", "Thủ tục", "Người nộp", "Ngày giờ tiếp nhận", "Kênh", "Ngày giải quyết"]


def _import_as_clerk(db_path: Path, csv_path: Path) -> tuple[list[AuditRow], bool, list[tuple[str, str]]]:
    """Import as «canbo»; (the import entries it left, whether the chain verifies, (prev_hash, hash) of all)."""
    db = open_database(db_path)
    try:
        with db.sessions() as s:
            last = s.scalar(select(func.max(AuditLog.id)))
        with db.sessions.begin() as s:
            result = auth.authenticate(s, "canbo", auth.DEMO_PASSWORD, delay=0)
            assert result.actor is not None
            set_actor(s, result.actor)
            run_import(s, "dossiers", csv_path, today=date(2026, 11, 20))
        with db.sessions() as s:
            assert s.scalar(select(func.count()).where(Dossier.code.like("XA-261102-9%"))) > 0
            imports = [e for e in list_entries(s, action="import", limit=100) if e.id > last]
            links = [(p, h) for p, h in s.execute(text("SELECT prev_hash, hash FROM audit_log ORDER BY id"))]
            return sorted(imports, key=lambda e: e.id), verify_chain(s).ok, links
    finally:
        db.close()


def _dossier_file(tmp_path: Path, n: int) -> Path:
    rows = [[f"XA-261102-{900 + i}", "HT-KS", f"Người nộp {i}", "02/11/2026 09:00", "Trực tiếp", ""] for i in range(n)]
    return write_csv(tmp_path / "hoso.csv", [HEADER, *rows])


@pytest.fixture
def batches_of_ten(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows are checked and written 1,000 at a time in real use; 10 here shows the same rule on a small file."""
    monkeypatch.setattr(import_api, "BLOCK", 10)
    monkeypatch.setattr(dossier_kind, "_WRITE_EVERY", 10)


def test_a_dossier_import_leaves_one_entry_per_batch_with_the_counts_and_the_user(
    luong_minh_db: Path, tmp_path: Path, batches_of_ten: None
) -> None:
    imports, chain_ok, links = _import_as_clerk(luong_minh_db, _dossier_file(tmp_path, 25))
    assert [(e.username, e.table_name) for e in imports] == [("canbo", "dossier")] * 3
    assert [e.new_values for e in imports] == [{"inserted": n, "updated": 0} for n in (10, 10, 5)]
    assert [e.summary for e in imports] == [f"Nhập tệp hồ sơ: {n} hồ sơ mới, 0 hồ sơ cập nhật" for n in (10, 10, 5)]
    assert chain_ok
    for (_, before), (prev, digest) in itertools.pairwise(links):
        assert prev == before and re.fullmatch(r"[0-9a-f]{64}", digest)  # SHA-256, chained to the entry before


def test_a_file_of_whole_batches_leaves_no_empty_entry(
    luong_minh_db: Path, tmp_path: Path, batches_of_ten: None
) -> None:
    imports, _ok, _links = _import_as_clerk(luong_minh_db, _dossier_file(tmp_path, 20))
    assert [e.new_values["inserted"] for e in imports] == [10, 10]


def test_each_command_line_login_adds_one_entry_by_that_user(
    luong_minh_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cli.app import run

    def entries() -> list[tuple[str, str, str, str]]:
        db = open_database(luong_minh_db)
        try:
            with db.sessions() as s:
                return [
                    tuple(r) for r in s.execute(text("SELECT username, action, table_name, new_values FROM audit_log"))
                ]
        finally:
            db.close()

    before = entries()
    monkeypatch.setenv("COMMUNE_DESK_USER", "canbo")
    assert run(["--db", str(luong_minh_db), "periods"]) == 0  # a command that only reads
    capsys.readouterr()
    after = entries()
    assert after[: len(before)] == before and len(after) == len(before) + 1
    username, action, table, new_values = after[-1]
    assert (username, action, table) == ("canbo", "update", "app_user")
    assert set(json.loads(new_values)) == {"last_login_at"}
