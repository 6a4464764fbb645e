"""Crash safety: a writer killed with SIGKILL at hundreds of random moments never loses a commit.

A forked child (tests/crash_writer.py) saves, renames and deletes records and imports staff
CSVs through the real storage functions, reporting each commit on a pipe once it is done. The
test kills it at a random moment (seeded: very short delays land while the file is opened and
its WAL recovered, longer ones inside saves and imports; a fifth are aimed within 4 ms of the
moment the writer announces a checkpoint, an import's COMMIT, a save or a delete), then opens the file
as the application would and checks: integrity_check ok, no broken foreign key, every
acknowledged change there (and every acknowledged delete gone), every import whole or absent.
The same file lives through crash after crash, as a commune's database would: the check opens a
copy, so the next writer itself recovers the WAL the killed one left behind.

Default 200 kills; ``CD_CRASH_KILLS=2000`` runs the long version, ``CD_CRASH_SEED`` another
sequence of moments. SIGKILL ends the process, not the machine: power loss (the OS cache lost)
is covered by synchronous=FULL, not by this test.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from select import select as wait_readable

import pytest
from sqlalchemy import func, select

from storage.db import integrity_problems, open_database
from storage.models import Proposal, Staff
from tests import robustness_counts as counts
from tests.crash_writer import IMPORT_MARK, child

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (Linux, macOS)")

KILLS = int(os.environ.get("CD_CRASH_KILLS", "200"))
SEED = int(os.environ.get("CD_CRASH_SEED", "6"))
#: A fresh file after this many kills, so the long run's checks stay quick (the file still lives through many).
KILLS_PER_FILE = 250
#: (share of kills, shortest and longest delay after the fork in seconds).
DELAYS = ((0.30, 0.0, 0.03), (0.45, 0.03, 0.2), (0.25, 0.2, 0.5))
#: Delays longer than this leave time to check the other file while the writer runs.
OVERLAP = 0.1
#: Share of kills aimed at a moment the writer announces (within 4 ms of it), and those moments.
AIMED = 0.15
#: What the writer then does first (so the moment comes soon), and the line announcing the moment.
TARGETS = (
    (("import", "checkpoint"), b"\nb checkpoint\n"),
    (("import",), b"\nc "),
    (("staff",), b"\nb staff\n"),
    (("delete",), b"\nb delete\n"),
)
_PLACE = {"open": "open", "staff": "save", "proposal": "save", "rename": "save", "delete": "save",
          "checkpoint": "checkpoint", "import": "import"}  # fmt: skip


@dataclass
class Ledger:
    """What the killed writers acknowledged: what must be in the file and what must not."""

    people: set[str] = field(default_factory=set)
    deleted: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    renamed: set[str] = field(default_factory=set)
    imports: dict[str, int] = field(default_factory=dict)  # tag -> rows, for every import started
    imported: set[str] = field(default_factory=set)  # tags acknowledged as committed
    acked: int = 0

    def read(self, lines: list[str]) -> str:
        """Take one child's lines; returns where it was when killed."""
        place = "between"
        for line in lines:
            code, _, rest = line.partition(" ")
            if code == "E":
                pytest.fail("the writer failed before it was killed:\n" + rest.replace("\\n", "\n"))
            if code == "b":
                place = _PLACE[rest]
                continue
            if code == "i":
                tag, rows = rest.split()
                self.imports[tag] = int(rows)
                place = "import"
                continue
            if code == "d":  # about to commit: whether the person is still there is open
                self.people.discard(rest)
                continue
            if code == "c":
                place = "commit"
                continue
            if code == "r":
                self.titles.discard(rest.split("\t")[0])
                continue
            place = "between"
            self.acked += 1
            if code == "S":
                self.people.add(rest)
            elif code == "D":
                self.people.discard(rest)
                self.deleted.add(rest)
            elif code == "P":
                self.titles.add(rest)
            elif code == "R":
                old, new = rest.split("\t")
                self.titles.discard(old)
                self.renamed.add(old)
                self.titles.add(new)
            elif code == "I":
                self.imported.add(rest.split()[0])
            else:
                assert code == "C", line
        return place


def _delay(rng: random.Random) -> float:
    _, low, high = rng.choices(DELAYS, [d[0] for d in DELAYS])[0]
    return rng.uniform(low, high)


def _fork_writer(db_path: Path, work: Path, label: str, seed: int, first: tuple[str, ...]) -> tuple[int, int]:
    """Start a writer on ``db_path``; (pid, read end of its pipe)."""
    r, w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(r)
        child(db_path, work, label, w, seed, first)
    os.close(w)
    return pid, r


def _run_and_kill(pid: int, r: int, until: float, target: str | None, rng: random.Random) -> list[str]:
    """Let the writer run until ``until`` (or, aiming at ``target``, until it announces it), then SIGKILL it.

    Returns every line the writer wrote before dying.
    """
    buf = b""
    while (left := until - time.monotonic()) > 0:
        ready, _, _ = wait_readable([r], [], [], left)
        if not ready:
            break
        chunk = os.read(r, 65536)
        if not chunk:
            break
        buf += chunk
        if target is not None and target in buf:
            time.sleep(rng.uniform(0, 0.004))
            break
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    with os.fdopen(r, "rb") as pipe:
        buf += pipe.read()
    lines = buf.decode().splitlines()
    if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
        lines.append(f"E the writer ended by itself (status {status}) instead of being killed")
    return lines


def _snapshot(db_path: Path) -> Path:
    """The file as the crash left it (database and WAL), copied so the next writer recovers the original.

    Opening the original here would checkpoint its WAL on close, and writers would never meet a
    hot WAL left by a killed process.
    """
    copy = db_path.with_name(f"check-{db_path.name}")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(db_path, copy)
    wal = Path(f"{db_path}-wal")
    if wal.exists():
        shutil.copyfile(wal, f"{copy}-wal")
    return copy


def _verify(db_path: Path, ledger: Ledger) -> tuple[int, int]:
    """Open the file as the application does and check it; (whole imports, absent imports)."""
    db = open_database(_snapshot(db_path))
    try:
        assert integrity_problems(db.engine) == [], "integrity_check / foreign_key_check failed"
        with db.sessions() as s:
            names = set(s.scalars(select(Staff.full_name).where(Staff.full_name.like("Người %"))))
            titles = set(s.scalars(select(Proposal.title)))
            rows = dict(
                s.execute(
                    select(Staff.position, func.count())
                    .where(Staff.position.like(f"{IMPORT_MARK}%"))
                    .group_by(Staff.position)
                ).all()
            )
    finally:
        db.close()
    assert not (missing := ledger.people - names), f"acknowledged people lost: {sorted(missing)[:5]}"
    assert not (back := ledger.deleted & names), f"acknowledged deletes undone: {sorted(back)[:5]}"
    assert not (lost := ledger.titles - titles), f"acknowledged proposals lost: {sorted(lost)[:5]}"
    assert not (old := ledger.renamed & titles), f"acknowledged renames undone: {sorted(old)[:5]}"
    whole = absent = 0
    for tag, expected in ledger.imports.items():
        got = rows.get(f"{IMPORT_MARK}{tag}", 0)
        assert got in (0, expected), f"import {tag} half-written: {got} of {expected} rows"
        assert got == expected or tag not in ledger.imported, f"acknowledged import {tag} lost"
        whole, absent = whole + (got == expected), absent + (got == 0)
    return whole, absent


@dataclass
class Track:
    """One database file living through a series of kills, and what its writers acknowledged."""

    path: Path
    ledger: Ledger = field(default_factory=Ledger)
    kills: int = 0
    whole: int = 0
    absent: int = 0

    def verify(self) -> None:
        self.whole, self.absent = _verify(self.path, self.ledger)
        counts.CRASH["integrity_ok"] += 1

    def tally(self) -> None:
        """Add this file's figures to the run's summary."""
        counts.CRASH["files"] += 1
        counts.CRASH["acked"] += self.ledger.acked
        counts.CRASH["imports"] += len(self.ledger.imports)
        counts.CRASH["imports_whole"] += self.whole
        counts.CRASH["imports_absent"] += self.absent


def _new_track(folder: Path, n: int) -> Track:
    path = folder / f"commune-{n}.sqlite"
    open_database(path).close()  # created (migrated) before the first kill
    return Track(path)


def test_sigkill_at_random_moments_loses_no_acknowledged_commit(tmp_path: Path) -> None:
    """Two files take turns: while one's writer runs, the other file (its writer killed) is checked."""
    rng = random.Random(SEED)
    started = time.perf_counter()
    places: dict[str, int] = dict.fromkeys(("open", "save", "import", "commit", "checkpoint", "between"), 0)
    tracks = [_new_track(tmp_path, 1), _new_track(tmp_path, 2)]
    made = 2
    pending: Track | None = None
    for kill in range(KILLS):
        track = tracks[kill % 2]
        if track.kills == KILLS_PER_FILE:  # the long run: carry on with a fresh file
            track.tally()
            made += 1
            track = tracks[kill % 2] = _new_track(tmp_path, made)
        first, target = rng.choice(TARGETS) if rng.random() < AIMED else ((), None)
        delay = 1.5 if target else _delay(rng)
        pid, r = _fork_writer(track.path, tmp_path, str(kill), rng.randrange(1 << 30), first)
        until = time.monotonic() + delay
        if pending is not None and (target or delay > OVERLAP):  # check the other file while this writer works
            pending.verify()
            pending = None
        lines = _run_and_kill(pid, r, until, target, rng)
        if pending is not None:
            pending.verify()
        places[track.ledger.read(lines)] += 1
        track.kills += 1
        counts.CRASH["kills"] += 1
        pending = track
    if pending is not None:
        pending.verify()
    for track in tracks:
        track.tally()
    for place, n in places.items():
        counts.CRASH[f"at_{place}"] += n
    counts.CRASH["seconds"] += round(time.perf_counter() - started)
    assert counts.CRASH["integrity_ok"] == counts.CRASH["kills"]
    # The kills must land everywhere that matters, or the test proves less than it claims.
    assert all(places.values()), f"kills landed {places}: change DELAYS or TARGETS"
    assert counts.CRASH["imports_whole"] and counts.CRASH["imports_absent"], "imports never cut or never finished"
