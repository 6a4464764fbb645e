"""The headless command line as a script would use it: exit codes, messages, figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli.app import run

ROOT = Path(__file__).resolve().parent.parent


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.sqlite"
    code, out, _ = cli(capsys, "--db", str(path), "demo", "--until", "31/08/2025")
    assert code == 0, out
    assert "Xã Lượng Minh" in out
    return path


def test_demo_july_2025_shows_luong_minh_published_figures(demo_db: Path, capsys) -> None:
    code, out, _ = cli(capsys, "--db", str(demo_db), "summary", "--period", "2025-07", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["period"]["start"] == "2025-06-15" and data["period"]["end"] == "2025-07-14"
    hotich = next(r for r in data["dossiers"]["rows"] if r["field_name"] == "Hộ tịch")
    assert hotich["received_total"] == 43
    assert hotich["resolved_total"] == 43
    assert hotich["resolved_early"] + hotich["resolved_on_time"] == 43
    assert hotich["resolved_late"] == 0 and hotich["pending_total"] == 0
    staffing = data["staffing"]
    assert staffing["official_posts"] == 36
    by_cat = {c["category"]: c["in_post"] for c in staffing["by_category"]}
    assert by_cat["khong_chuyen_trach"] == 9
    assert staffing["service_center"] == 6  # one vice-chairman and five officials


def test_summary_text_is_vietnamese_by_default_and_english_on_request(demo_db: Path, capsys) -> None:
    code, out, _ = cli(capsys, "--db", str(demo_db), "summary", "--period", "2025-07")
    assert code == 0
    assert "Tháng 7 năm 2025 (Từ ngày 15/06/2025 đến ngày 14/07/2025)" in out
    assert "Hộ tịch" in out and "Máy scan" in out and "Sở Tài chính" in out
    code, out, _ = cli(capsys, "--db", str(demo_db), "--lang", "en", "summary", "--period", "2025-07")
    assert "July 2025" in out and "On-time rate" in out


def test_list_dossiers_json_has_computed_due_dates_and_states(demo_db: Path, capsys) -> None:
    code, out, _ = cli(capsys, "--db", str(demo_db), "list", "dossiers", "--period", "2025-07", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["count"] == 43
    assert all(r["state"] in ("early", "on_time") for r in data["records"])
    assert all(r["due_date"] >= r["received_at"][:10] for r in data["records"])


def test_list_staff_on_a_date_says_who_is_in_post(demo_db: Path, capsys) -> None:
    code, out, _ = cli(capsys, "--db", str(demo_db), "list", "staff", "--on", "30/06/2025", "--json")
    assert code == 0
    assert not any(r["in_post"] for r in json.loads(out)["records"])  # the commune starts on 01/07/2025
    code, out, _ = cli(capsys, "--db", str(demo_db), "list", "staff", "--on", "01/07/2025", "--json")
    assert sum(r["in_post"] for r in json.loads(out)["records"]) == 45


def test_check_passes_on_demo_data(demo_db: Path, capsys) -> None:
    code, out, _ = cli(capsys, "--db", str(demo_db), "check")
    assert code == 0 and out.startswith("ĐẠT")


def test_demo_refuses_a_database_that_already_has_data(demo_db: Path, capsys) -> None:
    code, _, err = cli(capsys, "--db", str(demo_db), "demo")
    assert code != 0
    assert "đã có dữ liệu" in err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["summary", "--period", "2025-13"], "2025-07"),
        (["summary", "--period", "abc"], "2025-07"),
        (["list", "staff", "--on", "31/02/2025"], "dd/mm/yyyy"),
        (["demo", "--commune", "Hà Nội"], "Lượng Minh"),
        (["init", "--commune", "99999"], "Không tìm thấy"),
        (["init", "--commune", "luong minh"], "16906"),
    ],
)
def test_bad_input_gives_one_clear_vietnamese_line(tmp_path: Path, capsys, args: list[str], needle: str) -> None:
    code, _, err = cli(capsys, "--db", str(tmp_path / "x.sqlite"), *args)
    assert code != 0
    assert needle in err
    assert "Traceback" not in err


def test_init_creates_the_profile_from_the_official_list(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "x.sqlite")
    code, out, _ = cli(capsys, "--db", db, "init", "--commune", "Chiêu Lưu, Nghệ An", "--signer", "Vi Văn Sơn")
    assert code == 0 and "Xã Chiêu Lưu" in out and "16855" in out
    code, out, _ = cli(capsys, "--db", db, "list", "procedures")
    assert "Đăng ký khai sinh" in out and "Trong ngày" in out
    code, out, _ = cli(capsys, "--db", db, "list", "units")
    assert "Trung tâm Phục vụ hành chính công" in out


def test_unknown_command_is_a_usage_error_in_vietnamese(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        run(["frobnicate"])
    assert exc.value.code != 0
    assert "Lỗi cú pháp lệnh" in capsys.readouterr().err


def test_main_py_runs_as_a_script_without_traceback(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), "summary", "--period", "2025-Q5"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode != 0
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--version"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0 and "Commune Desk" in proc.stdout
