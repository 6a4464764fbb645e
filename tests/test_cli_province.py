"""The province loop from the command line, as the README documents it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli.app import run
from reports.exchange.archive import open_archive


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def commune_db(luong_minh_db: Path) -> Path:
    return luong_minh_db


def test_commune_exports_and_province_imports_consolidates_answers(
    commune_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    code, out, err = cli(
        capsys, "--db", str(commune_db), "export", "--period", "2025-07", "--format", "cdesk", "--out", str(usb)
    )
    assert code == 0, err
    assert "16906_2025-07_v1.cdesk" in out and "lần gửi 1" in out
    archive = open_archive((usb / "16906_2025-07_v1.cdesk").read_bytes())
    assert archive.payload["dossiers"]["total"]["received_total"] == 43
    assert set(archive.members) == {"manifest.json", "manifest.sig", "payload.json", "report.xlsx", "report.pdf"}

    prov = str(tmp_path / "province.sqlite")
    code, out, err = cli(
        capsys, "--province", "--db", prov, "province-init", "--province-name", "Nghe An", "--all-communes"
    )
    assert code == 0, err
    assert "130" in out
    code, out, _ = cli(capsys, "--db", prov, "province-import", str(usb), "--dry-run")
    assert code == 0 and "1 mới" in out.replace("1 tệp: ", "") and "Chưa lưu gì" in out
    code, out, _ = cli(capsys, "--db", prov, "province-missing", "--period", "2025-07", "--json")
    assert json.loads(out)["expected"] == 130 and len(json.loads(out)["missing"]) == 130  # dry run stored nothing
    code, out, _ = cli(capsys, "--db", prov, "province-import", str(usb))
    assert code == 0 and "đã nhập 1" in out
    code, out, _ = cli(capsys, "--db", prov, "province-missing", "--period", "2025-07")
    assert code == 0 and "129/130" in out and "Lượng Minh" not in out.split("\n")[-2]
    code, out, _ = cli(capsys, "--db", prov, "province-import", str(usb))
    assert code == 0 and "1 trùng" in out

    for fmt in ("xlsx", "pdf"):
        code, out, err = cli(
            capsys,
            "--db",
            prov,
            "province-report",
            "--period",
            "2025-07",
            "--format",
            fmt,
            "--out",
            str(tmp_path / "out"),
        )
        assert code == 0, err
        assert (tmp_path / "out" / f"bao-cao-tong-hop-2025-07.{fmt}").stat().st_size > 5000

    code, out, _ = cli(capsys, "--db", prov, "province-proposals", "--open", "--json")
    proposals = json.loads(out)
    assert proposals and all(p["commune_code"] == "16906" for p in proposals)
    first = proposals[0]["proposal_id"]
    code, out, err = cli(
        capsys, "--db", prov, "province-answer", "--commune", "16906", "--proposal", str(first), "--status", "resolved"
    )
    assert code == 2 and "nội dung trả lời" in err  # resolved needs the answer's text
    code, out, err = cli(
        capsys, "--db", prov, "province-answer", "--commune", "16906", "--proposal", str(first),
        "--status", "Đã giải quyết", "--text", "Sở Nội vụ đã hướng dẫn.",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = cli(capsys, "--db", prov, "province-responses", "--out", str(tmp_path / "down"))
    assert code == 0 and "16906_phan-hoi_1.cdesk" in out, err
    code, out, err = cli(capsys, "--db", prov, "province-responses", "--out", str(tmp_path / "down"))
    assert code == 2 and "Không có trả lời mới" in err

    response = tmp_path / "down" / "16906_phan-hoi_1.cdesk"
    code, out, err = cli(capsys, "--db", str(commune_db), "import-response", str(response), "--dry-run")
    assert code == 0 and "Chưa lưu gì" in out and "Đã giải quyết" in out
    code, out, err = cli(capsys, "--db", str(commune_db), "import-response", str(response))
    assert code == 0 and "Đã cập nhật 1 kiến nghị" in out
    code, out, _ = cli(capsys, "--db", str(commune_db), "list", "proposals", "--json")
    mine = next(p for p in json.loads(out)["records"] if p["id"] == first)
    assert mine["status"] == "resolved" and mine["response_text"] == "Sở Nội vụ đã hướng dẫn."


def test_modes_are_kept_apart(commune_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(
        capsys,
        "--province",
        "--db",
        str(commune_db),
        "province-report",
        "--period",
        "2025-07",
        "--format",
        "pdf",
        "--out",
        str(tmp_path),
    )
    assert code == 2 and "của một xã" in err
    code, _, err = cli(capsys, "--db", str(commune_db), "province-import", str(tmp_path))
    assert code == 2 and "chế độ tỉnh" in err
    prov = tmp_path / "p.sqlite"
    assert cli(capsys, "--province", "--db", str(prov), "province-init", "--province-name", "40")[0] == 0
    code, _, err = cli(capsys, "--db", str(prov), "init", "--commune", "16906")
    assert code == 2 and "của tỉnh" in err
    code, _, err = cli(capsys, "--db", str(prov), "province-init", "--province-name", "Atlantis")
    assert code == 2 and "Không tìm thấy tỉnh" in err


def test_rejected_files_give_exit_code_2_and_the_reason(commune_db: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "rac.cdesk").write_bytes(b"not a zip at all")
    shutil.copy(commune_db, tmp_path / "copy.sqlite")
    prov = str(tmp_path / "province.sqlite")
    cli(capsys, "--province", "--db", prov, "province-init", "--province-name", "Nghệ An", "--all-communes")
    code, out, _ = cli(capsys, "--db", prov, "province-import", str(usb))
    assert code == 2 and "bị hỏng" in out and "1 bị từ chối" in out


def test_key_registration_file_is_trusted_by_the_province(commune_db: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli(
        capsys, "--db", str(commune_db), "key-registration", "--out", str(tmp_path / "reg"), "--contact", "Chị Lan 0912"
    )
    assert code == 0 and "Dấu vân tay" in out
    prov = str(tmp_path / "province.sqlite")
    cli(capsys, "--province", "--db", prov, "province-init", "--province-name", "Nghệ An", "--all-communes")
    code, out, _ = cli(capsys, "--db", prov, "province-import", str(tmp_path / "reg"))
    assert code == 0 and "Đăng ký khóa" in out
