"""Province loop at national scale: one signed report file per commune of the country, imported and consolidated.

    .venv/bin/python bench/bench_province.py [--runs 3] [--regenerate] [--profile import-40]

Generates (once, cached in bench/out/province/, git-ignored) one signed .cdesk report file for
period 2025-07 per commune of storage.profile.commune_choices() (3,321), each signed with its own
Ed25519 key, with synthetic figures from a seeded RNG: counts per field and per procedure (15-60
procedures out of 90), staff by category and unit, 8-40 equipment lines, 0-5 proposals.
To keep generation affordable, the human-readable members report.xlsx and report.pdf are
rendered ONCE from the real Lượng Minh demo report of 2025-07 and shared by every file: the
import still decompresses and hashes them for each file, as it would real ones.

Then measures, each step in a fresh child process (so its peak memory is its own), median of
--runs: import of the 130 Nghệ An files (province "40") into a fresh province database; import of
all 3,321 into another; consolidate() + build_province_report + write_xlsx + write_pdf for the
period on both. Memory is the child's peak resident set (resource.getrusage ru_maxrss), which
includes the interpreter and imported modules (the "baseline" column). Goals (issue 5): 3,321
files < 60 s and < 1 GB; 130 files < 3 s. Not a test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import time as dtime
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from reports.exchange.archive import KIND_REPORT, PAYLOAD, canonical_json, write_archive
from storage.catalog_defaults import FIELDS, PROCEDURES
from storage.periods import PeriodKind, period_for
from storage.profile import CommuneChoice, commune_choices
from storage.province.consolidate import COUNT_KEYS
from storage.signing import KeyPair
from storage.version import APP_VERSION
from storage.vocab import EquipmentKind, ProposalCategory, StaffCategory

OUT = Path(__file__).resolve().parent / "out" / "province"
PERIOD = period_for(PeriodKind.MONTH, 2025, 7)
FILES = OUT / PERIOD.spec
SHARED = OUT / "shared"
GENERATOR = "4"  # bump when the synthetic payload changes: cached files are then regenerated
NOW = datetime(2025, 8, 31, 9, 0)  # the province imports after every file was made
NGHE_AN = "40"
MIB = 1024 * 1024
UNITS = (
    "Văn phòng HĐND và UBND",
    "Phòng Kinh tế",
    "Phòng Văn hóa – Xã hội",
    "Trung tâm Phục vụ hành chính công",
    "Lãnh đạo HĐND, UBND",
    "Ban Chỉ huy Quân sự",
)
EQUIPMENT_KEYS = ("required", "available", "working", "shortage")


# --- generation ----------------------------------------------------------------------------------


def _catalog() -> list[tuple[str, str, str]]:
    """90 procedures (code, name, field code): the 13 shipped ones and 77 more spread over the fields."""
    procs = [(p.code, p.name, p.field_code) for p in PROCEDURES]
    rng = random.Random(90)
    i = 0
    while len(procs) < 90:
        code, name = FIELDS[i % len(FIELDS)]
        i += 1
        procs.append((f"{code}-{i:03d}", f"Thủ tục {name.lower()} số {i} (mức {rng.randint(2, 4)})", code))
    return procs


CATALOG = _catalog()


def _counts(rng: random.Random, size: float) -> dict[str, int]:
    """One procedure's month, consistent with the form's identities."""
    new = int(rng.lognormvariate(1.2, 1.0) * size)
    online = round(new * rng.uniform(0.05, 0.9))
    carried = rng.randint(0, new // 4 + 1)
    received = new + carried
    pending = rng.randint(0, received // 5)
    resolved = received - pending
    late = rng.randint(0, resolved // 20)
    early = rng.randint(0, (resolved - late) // 2)
    overdue = rng.randint(0, pending // 3)
    return {
        "received_total": received,
        "received_online": online,
        "received_direct_postal": new - online,
        "carried_over": carried,
        "resolved_total": resolved,
        "resolved_early": early,
        "resolved_on_time": resolved - late - early,
        "resolved_late": late,
        "pending_total": pending,
        "pending_in_time": pending - overdue,
        "pending_overdue": overdue,
        "waiting_supplement": rng.randint(0, pending - overdue),
        "withdrawn_stopped": rng.randint(0, 1),
        "late_with_apology": rng.randint(0, late),
        "not_accepted": rng.randint(0, 1),
    }


def _sum(rows: list[dict[str, int]]) -> dict[str, int]:
    return {k: sum(r[k] for r in rows) for k in COUNT_KEYS}


def synthetic_payload(c: CommuneChoice, rng: random.Random) -> dict[str, Any]:
    """A realistic report payload for ``c`` (schemas/report.schema.json, identities hold)."""
    ward = c.name.startswith("Phường")
    size = rng.uniform(1.5, 4.0) if ward else rng.uniform(0.5, 2.0)
    mountainous = not ward and rng.random() < 0.4
    procedures = []
    for code, name, field in sorted(rng.sample(CATALOG, rng.randint(15, 60))):
        procedures.append({"procedure_code": code, "procedure_name": name, "field_code": field, **_counts(rng, size)})
    by_field = [
        {"field_code": code, "field_name": name, **_sum([p for p in procedures if p["field_code"] == code])}
        for code, name in FIELDS
    ]
    quotas = {StaffCategory.CAN_BO: rng.randint(10, 14), StaffCategory.CONG_CHUC: rng.randint(18, 30)}
    by_category = []
    for cat in StaffCategory:
        quota = quotas.get(cat)
        in_post = rng.randint(max(quota - 4, 0), quota) if quota else rng.randint(0, 12)
        by_category.append({"category": str(cat), "in_post": in_post, "quota": quota})
    total = sum(x["in_post"] for x in by_category)
    split = sorted(rng.sample(range(1, total), len(UNITS) - 1)) if total > len(UNITS) else []
    by_unit = {
        u: b - a for u, a, b in zip(UNITS, [0, *split], [*split, total], strict=True) if split and b - a > 0
    } or {UNITS[0]: total}
    lines = []
    kinds = [k for k in EquipmentKind if k != EquipmentKind.OTHER]
    for i in range(1, rng.randint(8, 40) + 1):
        kind = rng.choice(kinds)
        required = rng.randint(1, 10)
        available = rng.randint(0, required + 2)
        working = rng.randint(0, available)
        lines.append(
            {
                "id": i,
                "kind": str(kind),
                "description": kind.label(),
                "unit": rng.choice(UNITS),
                "required": required,
                "available": available,
                "working": working,
                "shortage": max(required - working, 0),
            }
        )
    by_kind = []
    for kind in kinds:
        mine = [x for x in lines if x["kind"] == kind]
        if mine:
            by_kind.append({"kind": str(kind), **{k: sum(x[k] for x in mine) for k in EQUIPMENT_KEYS}})
    proposals = [
        {
            "id": i,
            "category": str(rng.choice(list(ProposalCategory))),
            "title": f"Kiến nghị số {i} của {c.name} về {rng.choice(['biên chế', 'trụ sở', 'máy tính', 'kinh phí'])}",
            "content": "Đề nghị tỉnh xem xét, hỗ trợ. " * rng.randint(1, 20),
            "raised_date": (PERIOD.end - timedelta(days=rng.randint(0, 60))).isoformat(),
            "addressed_to": rng.choice(["Sở Nội vụ", "Sở Tài chính", "Sở Khoa học và Công nghệ", "UBND tỉnh"]),
            "status": rng.choice(["sent", "acknowledged", "assigned"]),
            "response_text": "",
            "response_date": None,
        }
        for i in range(1, rng.randint(0, 5) + 1)
    ]
    households = rng.randint(800, 9000)
    return {
        "commune": {
            "code": c.code,
            "name": c.name,
            "province_code": c.province_code,
            "province_name": c.province_name,
            "mountainous": mountainous,
            "remote": mountainous and rng.random() < 0.5,
            "population": households * rng.randint(3, 5),
            "households": households,
            "poor_households": rng.randint(0, households // 5),
            "near_poor_households": rng.randint(0, households // 6),
        },
        "period": {
            "spec": PERIOD.spec,
            "kind": str(PERIOD.kind),
            "start": PERIOD.start.isoformat(),
            "end": PERIOD.end.isoformat(),
            "official": PERIOD.official,
            "label": PERIOD.label(),
        },
        "rules": {"withdrawn_counting": "on_time", "online_target_pct": 70, "cutoff_day": 15},
        "dossiers": {"by_field": by_field, "total": _sum(by_field), "by_procedure": procedures},
        "staffing": {
            "on": PERIOD.end.isoformat(),
            "total": total,
            "official_posts": sum(x["in_post"] for x in by_category[:2]),
            "official_quota": sum(quotas.values()),
            "service_center": rng.randint(4, 10),
            "women": rng.randint(total // 4, total // 2),
            "with_signature": rng.randint(total // 3, total),
            "signatures_expiring_60d": rng.randint(0, 2),
            "joined": rng.randint(0, 2),
            "left": rng.randint(0, 2),
            "by_category": by_category,
            "by_unit": by_unit,
        },
        "equipment": {"by_kind": by_kind, "lines": lines},
        "proposals": proposals,
    }


def commune_key(code: str) -> KeyPair:
    """Each commune's own key, derived from its code so cached files stay valid across runs."""
    private = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"bench-province:" + code.encode()).digest())
    return KeyPair(
        private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
        private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
    )


def shared_members() -> dict[str, bytes]:
    """report.xlsx and report.pdf of Lượng Minh's real 2025-07 report (rendered once, then cached)."""
    xlsx, pdf = SHARED / "report.xlsx", SHARED / "report.pdf"
    if not (xlsx.exists() and pdf.exists()):
        from reports.exchange.report_file import export_report_file
        from storage.db import open_database
        from storage.demo import load_demo

        SHARED.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            db = open_database(Path(tmp) / "demo.sqlite")
            try:
                with db.sessions.begin() as s:
                    load_demo(s, "luong-minh", until=date(2025, 8, 31))
                with db.sessions.begin() as s:
                    made = export_report_file(s, PERIOD, Path(tmp), now=datetime.combine(PERIOD.end, dtime(16, 30)))
            finally:
                db.close()
            with zipfile.ZipFile(made.path) as zf:
                xlsx.write_bytes(zf.read("report.xlsx"))
                pdf.write_bytes(zf.read("report.pdf"))
    return {"report.xlsx": xlsx.read_bytes(), "report.pdf": pdf.read_bytes()}


def stand_in_members() -> dict[str, bytes]:
    """Small report.xlsx / report.pdf for quick runs: the import only hashes them, and the real ones take seconds."""
    import io

    from openpyxl import Workbook
    from reportlab.pdfgen.canvas import Canvas

    xlsx, pdf = io.BytesIO(), io.BytesIO()
    wb = Workbook()
    wb.active.append(["Biểu 06", 1])  # type: ignore[union-attr]
    wb.save(xlsx)
    canvas = Canvas(pdf)
    canvas.drawString(72, 720, "report")
    canvas.save()
    return {"report.xlsx": xlsx.getvalue(), "report.pdf": pdf.getvalue()}


def _write_one(c: CommuneChoice, members: dict[str, bytes], folder: Path = FILES) -> int:
    rng = random.Random(f"{GENERATOR}:{c.code}")
    payload = synthetic_payload(c, rng)
    manifest = {
        "app_version": APP_VERSION,
        "sender": {
            "role": "commune",
            "code": c.code,
            "name": c.name,
            "province_code": c.province_code,
            "province_name": c.province_name,
        },
        "period": {k: payload["period"][k] for k in ("spec", "kind", "start", "end", "official")},
        "revision": 1,
        "replaces_revision": None,
    }
    made = datetime.combine(PERIOD.end + timedelta(days=rng.randint(0, 10)), dtime(16, 30))
    data = write_archive(
        KIND_REPORT, manifest, {PAYLOAD: canonical_json(payload), **members}, commune_key(c.code), created_at=made
    )
    path = folder / c.province_code / f"{c.code}_{PERIOD.spec}_v1.cdesk"
    path.write_bytes(data)
    return len(data)


def _write_chunk(chunk: list[CommuneChoice], folder: Path = FILES, members: dict[str, bytes] | None = None) -> int:
    members = members or shared_members()
    return sum(_write_one(c, members, folder) for c in chunk)


def generate(
    force: bool,
    communes: list[CommuneChoice] | None = None,
    folder: Path = FILES,
    members: dict[str, bytes] | None = None,
) -> tuple[int, int, float]:
    """The files of ``communes`` (default: every one) in ``folder``, cached.

    Returns (files, total bytes, seconds spent generating, 0 when cached). ``members``: the shared
    report.xlsx / report.pdf (default: the real ones, see shared_members()).
    """
    communes = commune_choices() if communes is None else communes
    stamp = folder / "complete.json"
    expected = {"generator": GENERATOR, "files": len(communes)}
    if not force and stamp.exists() and json.loads(stamp.read_text()) == expected:
        size = sum(p.stat().st_size for p in folder.rglob("*.cdesk"))
        return len(communes), size, 0.0
    shutil.rmtree(folder, ignore_errors=True)
    for pcode in {c.province_code for c in communes}:
        (folder / pcode).mkdir(parents=True, exist_ok=True)
    members = members or shared_members()
    started = time.perf_counter()
    if len(communes) <= 100:
        size = _write_chunk(communes, folder, members)
    else:
        chunks = [communes[i : i + 100] for i in range(0, len(communes), 100)]
        with multiprocessing.get_context("spawn").Pool(2) as pool:
            size = sum(pool.map(partial(_write_chunk, folder=folder, members=members), chunks))
    seconds = time.perf_counter() - started
    stamp.write_text(json.dumps(expected))
    return len(communes), size, seconds


def sample_communes(count: int, province: str | None = None) -> list[CommuneChoice]:
    """``count`` communes spread evenly over the list (of one province, or of the country), for small runs."""
    every = commune_choices(province)
    step = max(len(every) // count, 1)
    return every[::step][:count]


# --- measurements (each in a fresh process) -----------------------------------------------------


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _province_db(path: Path, provinces: list[str]) -> Any:
    from storage.db import open_database
    from storage.mode import set_province_mode
    from storage.province.profile import ProvinceProfile, save_province_profile
    from storage.province.registry import seed_from_official_list

    path.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = open_database(path)
    with db.sessions.begin() as s:
        set_province_mode(s)
        save_province_profile(s, ProvinceProfile(code=NGHE_AN, name="Nghệ An"))
        for pcode in provinces:
            seed_from_official_list(s, pcode)
    return db


def step_import(
    scope: str, db_path: str, folder: str | None = None, provinces: list[str] | None = None
) -> dict[str, Any]:
    """Import the files of ``scope`` ("40" or "all") into a fresh province database.

    ``folder`` and ``provinces``: other files (bench/run_all.py's small runs) and the provinces whose
    communes the province database registers for them.
    """
    from reports.exchange.province_import import count_verdicts, import_files
    from storage.province.received import Verdict

    if provinces is None:
        provinces = [NGHE_AN] if scope == NGHE_AN else sorted({c.province_code for c in commune_choices()})
    db = _province_db(Path(db_path), provinces)
    baseline = _rss_mb()
    files = Path(folder) if folder else FILES / NGHE_AN if scope == NGHE_AN else FILES
    started = time.perf_counter()
    results = import_files(db.sessions, [files], now=NOW)
    seconds = time.perf_counter() - started
    db.close()
    counts = count_verdicts(results)
    assert counts[Verdict.NEW] == len(results), {k: v for k, v in counts.items() if v}
    return {"seconds": seconds, "files": len(results), "baseline_mb": baseline, "peak_mb": _rss_mb()}


def step_reports(db_path: str) -> dict[str, Any]:
    """consolidate + build_province_report + write_xlsx + write_pdf of the period."""
    from reports.excel_writer import write_xlsx
    from reports.pdf_writer import write_pdf
    from reports.province_report import build_province_report
    from storage.db import open_database
    from storage.province.consolidate import consolidate

    db = open_database(Path(db_path))
    baseline = _rss_mb()
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp, db.sessions() as s:
        t = time.perf_counter()
        c = consolidate(s, PERIOD.spec)
        out["consolidate"] = time.perf_counter() - t
        t = time.perf_counter()
        report = build_province_report(s, PERIOD.spec, issued_on=date(2025, 8, 31))
        out["build"] = time.perf_counter() - t
        t = time.perf_counter()
        write_xlsx(report, Path(tmp) / "tong-hop.xlsx")
        out["xlsx"] = time.perf_counter() - t
        t = time.perf_counter()
        write_pdf(report, Path(tmp) / "tong-hop.pdf")
        out["pdf"] = time.perf_counter() - t
        out["pdf_pages"] = _pages(Path(tmp) / "tong-hop.pdf")
        out["xlsx_kb"] = (Path(tmp) / "tong-hop.xlsx").stat().st_size // 1024
        out["communes"] = len(c.communes)
    db.close()
    out.update(baseline_mb=baseline, peak_mb=_rss_mb())
    return out


def _pages(pdf: Path) -> int:
    try:
        from pypdf import PdfReader
    except ImportError:
        return 0
    return len(PdfReader(pdf).pages)


def _child(queue: Any, fn_name: str, args: tuple[Any, ...], profile: str | None) -> None:
    fn: Callable[..., dict[str, Any]] = globals()[fn_name]
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
        result = fn(*args)
        profiler.stop()
        Path(profile).write_text(profiler.output_text(unicode=True, show_all=False))
    else:
        result = fn(*args)
    queue.put(result)


def in_child(fn_name: str, *args: Any, profile: str | None = None) -> dict[str, Any]:
    """Run a step in a fresh process: its ru_maxrss is then the step's own peak."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(queue, fn_name, args, profile))
    proc.start()
    result = queue.get()
    proc.join()
    if proc.exitcode:
        raise SystemExit(f"{fn_name} failed (exit code {proc.exitcode})")
    return result


def _median(rows: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median reported)")
    parser.add_argument("--regenerate", action="store_true", help="make the report files again")
    parser.add_argument(
        "--profile", choices=["import-40", "import-all", "reports-all"], help="profile one step with pyinstrument"
    )
    args = parser.parse_args()

    files, size, gen_seconds = generate(args.regenerate)
    shared = {n: len(b) for n, b in shared_members().items()}
    made = f"generated in {gen_seconds:.0f} s" if gen_seconds else "cached"
    each = size / files / 1024
    print(f"{files} report files for {PERIOD.spec} in {FILES} ({size / MIB:.0f} MiB, {each:.0f} KiB each; {made})")
    print(
        f"report.xlsx ({shared['report.xlsx'] // 1024} KiB) and report.pdf ({shared['report.pdf'] // 1024} KiB) are "
        "rendered ONCE from the real Lượng Minh demo report and shared by all files; payloads and keys are per commune."
    )
    db40, db_all = OUT / "province-40.sqlite", OUT / "province-all.sqlite"
    if args.profile:
        target = OUT / f"profile-{args.profile}.txt"
        step = {
            "import-40": ("step_import", NGHE_AN, str(db40)),
            "import-all": ("step_import", "all", str(db_all)),
            "reports-all": ("step_reports", str(db_all)),
        }[args.profile]
        print(in_child(*step, profile=str(target)))
        print(f"profile written to {target}")
        return

    imp40, imp_all, rep40, rep_all = [], [], [], []
    for run in range(args.runs):
        imp40.append(in_child("step_import", NGHE_AN, str(db40)))
        imp_all.append(in_child("step_import", "all", str(db_all)))
        rep40.append(in_child("step_reports", str(db40)))
        rep_all.append(in_child("step_reports", str(db_all)))
        print(
            f"run {run + 1}: import 130 {imp40[-1]['seconds']:.2f} s, import 3,321 {imp_all[-1]['seconds']:.1f} s "
            f"(peak {imp_all[-1]['peak_mb']:.0f} MB), reports (3,321) "
            f"{sum(rep_all[-1][k] for k in ('consolidate', 'build', 'xlsx', 'pdf')):.1f} s",
            flush=True,
        )
    db_size = db_all.stat().st_size / MIB

    def secs(rows: list[dict[str, Any]], key: str) -> str:
        return f"{_median(rows, key):.2f} s ({', '.join(f'{r[key]:.2f}' for r in rows)})"

    rows = [
        ("Import 130 files (Nghệ An)", "< 3 s", secs(imp40, "seconds"), f"{_median(imp40, 'peak_mb'):.0f} MB"),
        ("Import 3,321 files (country)", "< 60 s", secs(imp_all, "seconds"), f"{_median(imp_all, 'peak_mb'):.0f} MB"),
    ]
    for label, rep in (("130", rep40), ("3,321", rep_all)):
        for key, what in (
            ("consolidate", "consolidate()"),
            ("build", "build_province_report"),
            ("xlsx", "write_xlsx"),
            ("pdf", "write_pdf"),
        ):
            rows.append((f"{what}, {label} communes", "—", secs(rep, key), ""))
        rows[-1] = (*rows[-1][:3], f"{_median(rep, 'peak_mb'):.0f} MB")
    print()
    print(
        f"Medians of {args.runs} runs; peak = ru_maxrss of the step's own process (baseline after imports: "
        f"{_median(imp_all, 'baseline_mb'):.0f} MB for an import, "
        f"{_median(rep_all, 'baseline_mb'):.0f} MB for reports)."
    )
    print(
        f"Province database after 3,321 files: {db_size:.0f} MiB. Consolidated report, 3,321 communes: "
        f"{rep_all[0]['pdf_pages']} PDF pages, {rep_all[0]['xlsx_kb']} KiB xlsx; 130 communes: "
        f"{rep40[0]['pdf_pages']} pages."
    )
    print()
    print(f"| {'measurement':<40} | goal   | median (runs)                 | peak memory |")
    print(f"| {'-' * 40} | ------ | ----------------------------- | ----------- |")
    for name, goal, value, mem in rows:
        print(f"| {name:<40} | {goal:<6} | {value:<29} | {mem:<11} |")


if __name__ == "__main__":
    main()
