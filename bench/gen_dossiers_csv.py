"""Write a CSV of valid dossiers for the import benchmark (and for trying the importer by hand).

    .venv/bin/python bench/gen_dossiers_csv.py bench/out/dossiers-100k.csv --rows 100000

Rows use the shipped catalog's procedure codes, receipts on 2024–2025 office hours, about
60% finished, 15% with a supplement request; deterministic for a given --seed.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storage.catalog_defaults import PROCEDURES

HEADER = [
    "Mã hồ sơ", "Thủ tục", "Người nộp", "Địa chỉ", "Số điện thoại", "Ngày giờ tiếp nhận", "Kênh",
    "Ngày giải quyết", "Kết quả", "Ngày trả kết quả", "Ngày yêu cầu bổ sung", "Ngày bổ sung xong",
    "Lý do bổ sung", "Ghi chú",
]  # fmt: skip
FAMILY = ["Nguyễn", "Lô", "Vi", "Lương", "Trần", "Lê", "Hà", "Kha", "Vang", "Moong"]
MIDDLE = ["Văn", "Thị", "Đức", "Thị Thu", "Minh", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Hoa", "Lan", "Mai", "Nam", "Phúc", "Thảo", "Vinh", "Xuân"]
CHANNELS = ["Trực tiếp", "Trực tiếp", "Trực tuyến", "Bưu chính"]
OUTCOMES = ["Đã giải quyết"] * 8 + ["Công dân xin rút", "Không tiếp nhận"]
FIRST_DAY = date(2024, 1, 2)
DAYS = 700  # up to early December 2025


def rows(n: int, seed: int = 1):  # type: ignore[no-untyped-def]
    """Yield n CSV rows (lists of cell text)."""
    rng = random.Random(seed)
    codes = [p.code for p in PROCEDURES]
    per_day: dict[date, int] = {}
    for _ in range(n):
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        per_day[day] = seq = per_day.get(day, 0) + 1
        received = datetime.combine(day, time(7, 30)) + timedelta(minutes=rng.randrange(9 * 60))
        code = f"H40.16906-{day:%y%m%d}-{seq:04d}"
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        finished = outcome = returned = req = done = reason = ""
        if rng.random() < 0.15:
            r = day + timedelta(days=rng.randrange(0, 3))
            req, reason = f"{r:%d/%m/%Y}", "Thiếu giấy tờ"
            if rng.random() < 0.8:
                d = r + timedelta(days=rng.randrange(1, 6))
                done = f"{d:%d/%m/%Y}"
        if rng.random() < 0.6 and (not req or done):
            start = datetime.strptime(done, "%d/%m/%Y").date() if done else day
            f = start + timedelta(days=rng.randrange(0, 12))
            finished, outcome = f"{f:%d/%m/%Y}", rng.choice(OUTCOMES)
            if outcome == "Đã giải quyết" and rng.random() < 0.9:
                returned = f"{f + timedelta(days=rng.randrange(0, 3)):%d/%m/%Y}"
        yield [
            code, rng.choice(codes), name, f"Bản {rng.randrange(1, 30)}, xã Lượng Minh",
            f"09{rng.randrange(10**8):08d}", f"{received:%d/%m/%Y %H:%M}", rng.choice(CHANNELS),
            finished, outcome, returned, req, done, reason, "",
        ]  # fmt: skip


def write(path: Path, n: int, seed: int = 1, delimiter: str = ",") -> Path:
    """Write the CSV (UTF-8 with BOM, as Excel saves "CSV UTF-8")."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        w.writerow(HEADER)
        w.writerows(rows(n, seed))
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", type=Path)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    write(args.path, args.rows, args.seed)
    print(f"wrote {args.rows} rows to {args.path}")


if __name__ == "__main__":
    main()
