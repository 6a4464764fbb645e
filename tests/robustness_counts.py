"""Figures the crash and hostile-input tests collect for the end-of-run summary (see conftest.py).

The tests add to these counters as they go; ``pytest_terminal_summary`` prints them, so a run
shows how many kills were survived and how many hostile files were refused, not only "passed".
"""

from __future__ import annotations

from collections import Counter

#: Crash test: kills, acknowledged commits verified, imports seen whole or absent, where kills landed.
CRASH: Counter[str] = Counter()
#: Hostile inputs: files tried, refused with a message, taken (clean, nothing unsafe), crashes.
HOSTILE: Counter[str] = Counter()
#: Other figures a test prints at the end, by section title (e.g. the frozen bundle's size and build time).
SECTIONS: dict[str, list[str]] = {}


def section(title: str, line: str) -> None:
    """Print ``line`` under ``title`` in the end-of-run summary."""
    SECTIONS.setdefault(title, []).append(line)


def export() -> dict[str, object]:
    """This process's figures, for the pytest-xdist controller (tests run in two worker processes)."""
    return {"crash": dict(CRASH), "hostile": dict(HOSTILE), "sections": SECTIONS}


def merge(figures: dict) -> None:  # type: ignore[type-arg]
    """Add a worker's figures to this process's (a test file runs whole in one worker, so sums are right)."""
    CRASH.update(figures.get("crash", {}))
    HOSTILE.update(figures.get("hostile", {}))
    for title, lines in figures.get("sections", {}).items():
        SECTIONS.setdefault(title, []).extend(lines)


def hostile(outcome: str, area: str = "imports") -> None:
    """Count one hostile input: outcome "refused" (a clear message) or "accepted" (stored safely, whole)."""
    HOSTILE["tried"] += 1
    HOSTILE[outcome] += 1
    HOSTILE[f"area:{area}"] += 1


def summary_lines() -> list[str]:
    """The lines the terminal summary prints (none when these tests did not run)."""
    lines: list[str] = []
    c = CRASH
    if c["kills"]:
        lines.append(
            f"crash test: {c['kills']} kills (SIGKILL) on {c['files']} database file(s), "
            f"{c['acked']} acknowledged commits verified after every later kill, "
            f"{c['imports']} interrupted-or-finished imports all-or-nothing "
            f"({c['imports_whole']} whole, {c['imports_absent']} absent, 0 partial), "
            f"integrity_check ok {c['integrity_ok']}/{c['kills']}"
        )
        lines.append(
            "  kills landed: "
            + ", ".join(f"{c['at_' + k]} {label}" for k, label in _PLACES)
            + f"; wall time {c['seconds']} s"
        )
    h = HOSTILE
    if h["tried"]:
        lines.append(
            f"hostile inputs: {h['tried']} files tried, {h['refused']} refused with a message, "
            f"{h['accepted']} accepted as plain data (all-or-nothing held), {h['crashes']} crashes"
        )
        areas = sorted((k.removeprefix("area:"), v) for k, v in h.items() if k.startswith("area:"))
        lines.append("  by importer: " + ", ".join(f"{name} {n}" for name, n in areas))
    return lines


_PLACES = (
    ("open", "while opening/recovering the file"),
    ("save", "inside a save or delete"),
    ("import", "inside an import"),
    ("commit", "inside an import's COMMIT"),
    ("checkpoint", "inside a WAL checkpoint"),
    ("between", "between two transactions"),
)
