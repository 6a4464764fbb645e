"""The writer the crash test kills: real saves, deletes and imports, each reported once committed.

``write_forever`` runs in a forked child of the test process (the modules are already imported,
so a child is ready in milliseconds). It opens the shared database file with ``open_database``,
as the application does after a crash, then loops over the operations a clerk performs: save a
person, save a proposal, rename a proposal, delete a person, import a CSV of staff (all rows or
none, through ``run_import``) and force a WAL checkpoint. Before each operation it writes what
it starts ("b <op>") on a pipe, and after the transaction has committed what it did (an
acknowledgement); the parent kills it with SIGKILL at a random moment and then checks that
every acknowledged change is in the file.

Lines on the pipe (one ``os.write`` each, shorter than PIPE_BUF, so never torn):
``b <op>`` starting; ``S <name>`` person saved; ``P <title>`` proposal saved; ``r <old>\t<new>`` a
rename about to commit, ``R <old>\t<new>`` proposal renamed; ``d <name>`` a delete about to commit,
``D <name>`` person deleted; ``i <tag> <rows>`` import about to run, ``c <tag>`` its COMMIT starting;
``I <tag> <rows>`` import committed; ``C`` checkpoint done; ``E <traceback>`` the child failed.

Run by hand (kill it yourself, then open the file with the application)::

    .venv/bin/python tests/crash_writer.py /tmp/crash.sqlite
"""

from __future__ import annotations

import csv
import os
import random
import sys
import traceback
from datetime import date
from pathlib import Path

from sqlalchemy import Select, func, select

from storage.db import open_database
from storage.importing import run_import
from storage.models import Proposal, Staff
from storage.proposals import ProposalData, load_proposal, save_proposal
from storage.staff import StaffData, delete_staff, save_staff
from storage.vocab import Gender, ProposalCategory, StaffCategory

TODAY = date(2026, 1, 15)
STAFF_HEADER = ["Họ và tên", "Giới tính", "Ngày sinh", "Loại cán bộ, công chức", "Ngày bắt đầu công tác", "Chức vụ"]
#: Chức vụ of imported people: "nhap-<tag>", so the parent counts an import's rows with one query.
IMPORT_MARK = "nhap-"
#: Operations and their weights: a mix of short transactions, long imports and checkpoints.
OPERATIONS = (("staff", 30), ("proposal", 15), ("rename", 10), ("delete", 10), ("import", 25), ("checkpoint", 10))


def staff_csv(path: Path, tag: str, rows: int) -> Path:
    """A staff CSV of ``rows`` new people, all marked with ``tag`` (unique names: every row is created)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(STAFF_HEADER)
        for j in range(rows):
            out.writerow(
                [f"Nhập {tag} số {j}", "Nữ" if j % 2 else "Nam", f"{1 + j % 28:02d}/0{1 + j % 9}/19{70 + j % 30}",
                 "Công chức", "01/07/2025", f"{IMPORT_MARK}{tag}"]
            )  # fmt: skip
    return path


def _pick(id_col, text_col, pattern: str) -> Select:  # type: ignore[no-untyped-def]
    """One random record whose text matches ``pattern``."""
    return select(id_col, text_col).where(text_col.like(pattern)).order_by(func.random()).limit(1)


class _Ack:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __call__(self, line: str) -> None:
        data = (line.replace("\n", " ") + "\n").encode()
        assert len(data) < 512  # PIPE_BUF is at least 512: one write, never interleaved or torn
        os.write(self.fd, data)


def write_forever(
    db_path: Path, work_dir: Path, label: str, ack_fd: int, seed: int, first: tuple[str, ...] = ()
) -> None:
    """Open the database and write until killed (never returns normally); ``first``: the opening operations."""
    ack = _Ack(ack_fd)
    rng = random.Random(seed)
    names, weights = zip(*OPERATIONS, strict=True)
    ack("b open")
    db = open_database(db_path)
    if rng.random() < 0.5:  # half the writers let the WAL grow until their explicit checkpoints
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
    n = 0
    while True:
        n += 1
        op = first[n - 1] if n <= len(first) else rng.choices(names, weights)[0]
        key = f"{label}.{n}"
        if op == "staff":
            ack("b staff")
            person = StaffData(f"Người {key}", Gender.FEMALE, StaffCategory.CONG_CHUC, date(2025, 7, 1),
                               birth_date=date(1990, 1, 1 + n % 28))  # fmt: skip
            with db.sessions.begin() as s:
                save_staff(s, person, today=TODAY)
            ack(f"S {person.full_name}")
        elif op == "proposal":
            ack("b proposal")
            title = f"Kiến nghị {key}"
            with db.sessions.begin() as s:
                save_proposal(s, ProposalData(ProposalCategory.OTHER, title, date(2025, 12, 1)), today=TODAY)
            ack(f"P {title}")
        elif op == "rename":
            ack("b rename")
            with db.sessions.begin() as s:
                found = s.execute(_pick(Proposal.id, Proposal.title, "Kiến nghị %")).first()
                if found is None:
                    continue
                new = f"Kiến nghị {key} (sửa)"
                ack(f"r {found[1]}\t{new}")  # from here either title may be the one in the file
                data = load_proposal(s, found[0])
                save_proposal(s, ProposalData(data.category, new, data.raised_date), found[0], today=TODAY)
            ack(f"R {found[1]}\t{new}")
        elif op == "delete":
            ack("b delete")
            with db.sessions.begin() as s:
                found = s.execute(_pick(Staff.id, Staff.full_name, "Người %")).first()
                if found is None:
                    continue
                ack(f"d {found[1]}")  # from here the person may be gone
                delete_staff(s, found[0])
            ack(f"D {found[1]}")
        elif op == "import":
            rows = rng.choice((20, 100, 250))
            path = staff_csv(work_dir / f"import-{key}.csv", key, rows)
            ack(f"i {key} {rows}")
            with db.sessions() as s:
                result = run_import(s, "staff", path, today=TODAY)
                assert result.created == rows, result
                ack(f"c {key}")  # every row checked and written: the COMMIT starts
                s.commit()
            ack(f"I {key} {rows}")
            path.unlink()
        else:
            ack("b checkpoint")
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            ack("C")


def child(db_path: Path, work_dir: Path, label: str, ack_fd: int, seed: int, first: tuple[str, ...] = ()) -> None:
    """The forked child's whole life: write until killed; any failure is reported, then exit."""
    try:
        write_forever(db_path, work_dir, label, ack_fd, seed, first)
    except BaseException:  # the parent must see every failure, then the child must end
        try:
            os.write(ack_fd, ("E " + traceback.format_exc().replace("\n", "\\n"))[:4000].encode() + b"\n")
        finally:
            os._exit(1)
    os._exit(0)


def staff_count(db_path: Path) -> int:
    """How many people the file holds (for the manual run)."""
    db = open_database(db_path)
    try:
        with db.sessions() as s:
            return s.query(Staff).count()
    finally:
        db.close()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "crash.sqlite")
    r, w = os.pipe()
    if os.fork() == 0:
        os.close(r)
        child(target, target.parent, "manual", w, 1)
    os.close(w)
    with os.fdopen(r) as lines:
        for line in lines:
            print(line, end="", flush=True)
