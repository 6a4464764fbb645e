"""The PyInstaller bundle works on its own: built once per session, moved, run with the sources out of sight.

Why: a frozen program fails in ways the source tree hides — a module imported by name, a data file found
through ``__file__``, a Qt plugin, a font. Every command here goes through such a path (Alembic's scripts,
the holidays catalogue in Vietnamese, the QR code's barcode module, the JSON Schemas of the exchange file,
the PDF font, the GUI's pages and icons). The bundle is moved to a folder whose name has a space and
Vietnamese letters, the build folders are deleted, and (where the kernel allows a private mount namespace)
the repository — virtual environment included — is covered by an empty tmpfs while the program runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from storage.db import head_revision
from storage.version import APP_VERSION
from tests import robustness_counts

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
LOGIN = {"COMMUNE_DESK_USER": "quantri", "COMMUNE_DESK_PASSWORD": "demo2025"}


@dataclass
class Bundle:
    folder: Path
    exe: Path
    build_seconds: float
    size_bytes: int
    hides_sources: bool  # the runs see an empty folder where the repository is


def _summary_line(b: Bundle) -> str:
    """The bundle's build time and size for the end-of-run summary (like the robustness figures)."""
    return (
        f"PyInstaller one-folder bundle: built in {b.build_seconds:.0f} s, {b.size_bytes / 2**20:.0f} MB "
        f"({sum(1 for p in b.folder.rglob('*') if p.is_file())} files); runs "
        + ("with the source tree hidden (private mount namespace)" if b.hides_sources else "moved, cwd elsewhere")
    )


def _can_hide_sources() -> bool:
    """A private mount namespace where an empty tmpfs covers the repository (root, or user namespaces)."""
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "--mount", "--map-root-user", "sh", "-c", 'mount -t tmpfs none "$0" && test ! -e "$0/main.py"',
         str(ROOT)],
        capture_output=True, timeout=30,
    )  # fmt: skip
    return probe.returncode == 0


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    """installer/build into a temporary folder, then the bundle moved away and the build folders deleted."""
    base = tmp_path_factory.mktemp("frozen")
    dist, work = base / "dist", base / "work"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(CD_BUILD_PYTHON=sys.executable, PYINSTALLER_CONFIG_DIR=str(base / "pyinstaller-cache"))
    start = time.monotonic()
    done = subprocess.run(
        ["bash", str(ROOT / "installer" / "build"), "--dist", str(dist), "--work", str(work)],
        env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    seconds = time.monotonic() - start
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-6000:]
    folder = base / "Chương trình xã" / "commune-desk"
    folder.parent.mkdir()
    shutil.move(dist / "commune-desk", folder)
    shutil.rmtree(dist)
    shutil.rmtree(work)
    found = Bundle(folder, folder / "commune-desk", seconds, _folder_size(folder), _can_hide_sources())
    assert not found.folder.is_relative_to(ROOT)
    robustness_counts.section("frozen bundle", _summary_line(found))
    return found


def _run(bundle: Bundle, cwd: Path, *args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    """The frozen program with a bare environment (no PYTHONPATH, no virtual environment), in ``cwd``."""
    env = {
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "HOME": str(cwd / "home"),
        "XDG_DATA_HOME": str(cwd / "xdg-data"),
        "XDG_CONFIG_HOME": str(cwd / "xdg-config"),
        "QT_QPA_PLATFORM": "offscreen",
        **LOGIN,
        **extra_env,
    }
    command = [str(bundle.exe), *args]
    if bundle.hides_sources:
        command = ["unshare", "--mount", "--map-root-user", "sh", "-c", 'mount -t tmpfs none "$0" && exec "$@"',
                   str(ROOT), *command]  # fmt: skip
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def demo_db(bundle: Bundle, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Lượng Minh demo database made by the frozen program itself (Alembic's scripts run from the bundle)."""
    cwd = tmp_path_factory.mktemp("frozen-run")
    done = _run(bundle, cwd, "--db", "xa.sqlite", "demo", "--until", "31/08/2025")
    assert done.returncode == 0, done.stderr
    assert "Đã nạp dữ liệu mẫu Xã Lượng Minh" in done.stdout
    return cwd / "xa.sqlite"


def test_version_names_the_program_and_the_schema(bundle: Bundle, tmp_path: Path) -> None:
    done = _run(bundle, tmp_path, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Commune Desk {APP_VERSION} (cơ sở dữ liệu {head_revision()})\n"


def test_bundle_holds_its_resources_and_nothing_points_back_at_the_sources(bundle: Bundle) -> None:
    internal = bundle.folder / "_internal"
    for shipped in (
        "resources/i18n/commune_desk_en.qm",
        "resources/i18n/qtbase_vi.qm",
        "resources/fonts/LiberationSerif-Regular.ttf",
        "resources/fonts/OFL.txt",
        "resources/icons/app.svg",
        "resources/templates/dossiers.xlsx",
        "storage/migrations/env.py",
        "reports/exchange/schemas/report.schema.json",
        "holidays/locale/vi/LC_MESSAGES/VN.mo",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
    ):
        assert (internal / shipped).is_file(), shipped
    versions = internal / "storage" / "migrations" / "versions"
    assert list(versions.glob(f"{head_revision()}_*.py")), "the newest Alembic revision ships as a source file"
    assert not list(internal.rglob("*.ts")), "translation sources are not shipped, only .qm"
    assert not list(internal.rglob("libQt6Quick.so*")), "QtQuick (virtual keyboard) is left out"
    needle = str(ROOT).encode()
    pointing_back = [p for p in internal.rglob("*") if p.is_file() and needle in p.read_bytes()]
    assert pointing_back == []


def test_commands_run_from_the_bundle(bundle: Bundle, demo_db: Path) -> None:
    cwd = demo_db.parent

    def run(*args: str) -> str:
        done = _run(bundle, cwd, "--db", demo_db.name, *args)
        assert done.returncode == 0, f"{args}: {done.stderr}"
        return done.stdout

    run("export", "--period", "2025-07", "--format", "pdf", "--out", "bao-cao.pdf")
    text = "".join(page.extract_text() for page in PdfReader(cwd / "bao-cao.pdf").pages)
    assert "Lượng Minh" in text and "BÁO CÁO" in text  # the shipped font carries the diacritics

    run("export", "--period", "2025-07", "--format", "xlsx", "--out", "bao-cao.xlsx")
    book = openpyxl.load_workbook(cwd / "bao-cao.xlsx", read_only=True)
    first = [c for row in book.worksheets[0].iter_rows(max_row=8, values_only=True) for c in row if c]
    assert "XÃ LƯỢNG MINH" in first

    run("export", "--period", "2025-07", "--format", "pdf", "--kind", "posting", "--out", "niem-yet.pdf")
    assert (cwd / "niem-yet.pdf").stat().st_size > 1000  # QR codes: reportlab's barcode modules are in

    assert "Đã ghi" in run("export", "--period", "2025-07", "--format", "cdesk", "--out", "gui-tinh")
    assert [p.name for p in (cwd / "gui-tinh").iterdir()] == ["16906_2025-07_v1.cdesk"]  # signed, schema-checked

    assert "Tết Dương lịch" in run("list", "holidays")  # holidays.Vietnam in Vietnamese: its catalogue is in
    assert "ĐẠT" in run("check")


def test_main_window_opens_offscreen_and_closes(bundle: Bundle, demo_db: Path) -> None:
    cwd = demo_db.parent

    def logins() -> int:
        done = _run(bundle, cwd, "--db", demo_db.name, "audit", "--limit", "200")
        assert done.returncode == 0, done.stderr
        return done.stdout.count("Đăng nhập: quantri")

    before = logins()
    done = _run(bundle, cwd, "--db", demo_db.name, COMMUNE_DESK_EXIT_AFTER_SHOW="1")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Lỗi" not in done.stderr
    assert logins() == before + 1  # the window really opened: the smoke start logged in and was audited
