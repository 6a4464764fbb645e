"""The benchmark's table: medians, verdicts and ratios from the runs, as text, Markdown and JSON."""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
from dataclasses import asdict, dataclass, field
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from bench.measures import Measure

MET, MISSED, NO_GOAL, FAILED, SKIPPED = "met", "MISSED", "—", "FAILED", "skipped"


@dataclass
class Row:
    """One line of the table (a measurement or a ratio)."""

    key: str
    label: str
    goal: str
    median: float | None  # seconds, or the ratio
    runs: list[float] = field(default_factory=list)
    peak_mb: float | None = None
    verdict: str = NO_GOAL
    ratio: bool = False
    details: dict[str, Any] = field(default_factory=dict)
    error: str = ""


def goal_text(m: Measure) -> str:
    parts = []
    if m.goal_s is not None:
        parts.append(f"< {m.goal_s:g} s" if m.goal_s >= 1 else f"< {m.goal_s * 1000:.0f} ms")
    if m.goal_mb is not None:
        parts.append(f"< {m.goal_mb / 1024:g} GB" if m.goal_mb >= 1024 else f"< {m.goal_mb:.0f} MB")
    return ", ".join(parts) or NO_GOAL


def measured_row(m: Measure, label: str, results: list[dict[str, Any]], error: str = "") -> Row:
    """Median of the runs' seconds, the highest peak memory, medians of the details, and the verdict."""
    if error or not results:
        return Row(m.key, label, goal_text(m), None, verdict=FAILED, error=error)
    if "skipped" in results[0]:
        return Row(m.key, label, goal_text(m), None, verdict=SKIPPED, error=results[0]["skipped"])
    seconds = [r["seconds"] for r in results]
    median = statistics.median(seconds)
    peak = max(r["peak_mb"] for r in results)
    details = {
        k: statistics.median(r[k] for r in results)
        for k, v in results[0].items()
        if k not in ("seconds", "peak_mb") and isinstance(v, int | float)
    }
    verdict = NO_GOAL
    if m.goal_s is not None or m.goal_mb is not None:
        missed = [
            what
            for what, over in (
                ("time", m.goal_s is not None and median >= m.goal_s),
                ("memory", m.goal_mb is not None and peak >= m.goal_mb),
            )
            if over
        ]
        verdict = f"{MISSED} ({', '.join(missed)})" if missed else MET
    return Row(m.key, label, goal_text(m), median, seconds, peak, verdict, details=details)


def ratio_rows(rows: dict[str, Row]) -> list[Row]:
    """Ours ÷ pandas (goal ≤ 1) and ours ÷ the raw floors, from the medians of the same run."""

    def med(key: str, detail: str | None = None) -> float | None:
        r = rows.get(key)
        if r is None or r.median is None:
            return None
        return r.details.get(detail) if detail else r.median

    specs = [
        ("ratio_pandas", "Báo cáo xlsx ÷ pandas / ours xlsx ÷ pandas", 1.0, ("monthly_xlsx",), ("pandas_xlsx",)),
        (
            "ratio_floor",
            "Báo cáo xlsx ÷ sàn (SQL + openpyxl) / ours xlsx ÷ floor (SQL + openpyxl)",
            None,
            ("monthly_xlsx",),
            ("floor_sql", "floor_openpyxl"),
        ),
        (
            "ratio_compute",
            "Phần tính ÷ sàn SQL / compute ÷ SQL floor",
            None,
            ("monthly_xlsx:compute_s",),
            ("floor_sql",),
        ),
        (
            "ratio_write",
            "Phần ghi xlsx ÷ sàn openpyxl / write_xlsx ÷ openpyxl floor",
            None,
            ("monthly_xlsx:write_s",),
            ("floor_openpyxl",),
        ),
    ]
    out = []
    for key, label, goal, top, bottom in specs:
        values = [med(*k.split(":")) for k in (*top, *bottom)]
        if any(v is None for v in values):
            continue
        num, den = sum(values[: len(top)]), sum(values[len(top) :])  # type: ignore[arg-type]
        ratio = num / den if den else float("inf")
        verdict = NO_GOAL if goal is None else MET if ratio <= goal else MISSED
        out.append(Row(key, label, f"≤ {goal:g}" if goal else NO_GOAL, ratio, verdict=verdict, ratio=True))
    return out


def _unit(row: Row) -> tuple[float, str]:
    if row.ratio:
        return 1.0, ""
    return (1000.0, "ms") if (row.median or 0) < 1 else (1.0, "s")


def fmt_median(row: Row) -> str:
    if row.median is None:
        return "—"
    scale, unit = _unit(row)
    if row.ratio:
        return f"{row.median:.2f}"
    return f"{row.median * scale:.0f} ms" if unit == "ms" else f"{row.median:.2f} s"


def fmt_runs(row: Row) -> str:
    scale, unit = _unit(row)
    digits = 0 if unit == "ms" else 2
    return " ".join(f"{x * scale:.{digits}f}" for x in row.runs) or "—"


def table_lines(rows: list[Row], markdown: bool) -> list[str]:
    head = ["Phép đo / measurement", "Mục tiêu / goal", "Trung vị / median", "Các lần / runs", "Đỉnh / peak MB"]
    head.append("Kết luận / verdict")
    cells = [
        [r.label, r.goal, fmt_median(r), fmt_runs(r), "—" if r.peak_mb is None else f"{r.peak_mb:.0f}", r.verdict]
        for r in rows
    ]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "| " + " | ".join("---" for _ in head) + " |"]
        for c in cells:
            c[2] = f"**{c[2]}**"
            lines.append("| " + " | ".join(x.replace("|", "\\|") for x in c) + " |")
        return lines
    widths = [max(len(x[i]) for x in [head, *cells]) for i in range(len(head))]
    widths[0] = min(widths[0], 92)
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(x.ljust(w) for x, w in zip(c, widths, strict=True)) for c in cells]
    return lines


def detail_lines(rows: list[Row]) -> list[str]:
    """The medians of each measurement's parts (compute / write, consolidate / build / xlsx / pdf, …)."""
    out = []
    for r in rows:
        if r.error:
            out.append(f"- {r.key}: {r.verdict} — {r.error.strip().splitlines()[-1] if r.error.strip() else ''}")
        elif r.details:
            parts = ", ".join(
                f"{k} {v:.3f}" if isinstance(v, float) and not float(v).is_integer() else f"{k} {v:g}"
                for k, v in r.details.items()
            )
            out.append(f"- {r.key}: {parts}")
    return out


def package(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu, mem = "?", "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), "?")
        with open("/proc/meminfo", encoding="utf-8") as fh:
            mem = f"{int(next(ln.split()[1] for ln in fh if ln.startswith('MemTotal'))) / 2**20:.0f} GiB"
    except (OSError, StopIteration):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem,
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "pyside6": package("PySide6-Essentials"),
        "sqlalchemy": package("SQLAlchemy"),
        "openpyxl": package("openpyxl"),
        "reportlab": package("reportlab"),
        "pandas": package("pandas"),
    }


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f}"


def to_json(rows: list[Row], meta: dict[str, Any]) -> dict[str, Any]:
    return {**meta, "rows": [asdict(r) for r in rows]}


def now_text() -> str:
    return datetime.now().strftime("%d/%m/%Y %H:%M")
