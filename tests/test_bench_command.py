"""The one-command benchmark (bench/run_all.py) works end to end at tiny scales and lists every measurement.

Not a performance test: no figure is checked against a goal here (the machine may be busy), only that
the command builds its data, runs each measurement, and prints and writes the whole table.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.measures import MEASURES

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_quick_run_lists_every_measurement(tmp_path: Path) -> None:
    out = tmp_path / "bench"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run_all.py"), "--quick", "--rows", "300", "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]

    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    rows = {r["key"]: r for r in data["rows"]}
    assert [k for k in rows if not k.startswith("ratio_")] == [m.key for m in MEASURES]
    for m in MEASURES:
        row = rows[m.key]
        assert row["verdict"] != "FAILED", row["error"]
        if row["verdict"] != "skipped":  # pandas is in the bench extra only
            assert row["median"] > 0 and row["peak_mb"] > 0, row
    assert {"ratio_floor", "ratio_compute", "ratio_write"} <= set(rows)
    assert data["rows"][0]["label"].startswith("Khởi động")

    markdown = (out / "results.md").read_text(encoding="utf-8")
    for r in data["rows"]:  # every line of the table, in the printed table and in the Markdown file
        assert r["label"] in proc.stdout
        assert f"| {r['label']} |" in markdown
    assert "| Phép đo / measurement | Mục tiêu / goal | Trung vị / median |" in markdown
    assert "300 hồ sơ" in markdown  # the labels carry the run's scale
    assert "QUICK" in proc.stdout
