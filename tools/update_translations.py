"""Refresh the interface translations: extract strings from gui/, keep/fill translations, compile .qm.

Vietnamese is the source language; resources/i18n/commune_desk_en.ts holds the English translation
and is the source of truth (committed together with the compiled .qm). qtbase_vi.ts is hand-written
(Qt ships no Vietnamese translation of its own dialogs and buttons) and is only compiled here.

    python tools/update_translations.py                  # extract, fill, compile, report
    python tools/update_translations.py --export todo.tsv  # also write untranslated strings to a TSV
    python tools/update_translations.py --import done.tsv  # take translations from a TSV (context, source, text)
    python tools/update_translations.py --check          # change nothing; fail if anything is out of date

The TSV has three tab-separated columns; a newline inside a text is written as \\n.
Exit status 1 when any string is left untranslated or (with --check) a file is out of date.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
APP_TS = I18N / "commune_desk_en.ts"
QT_TS = I18N / "qtbase_vi.ts"
SOURCE_DIR = ROOT / "gui"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the running virtual environment, else from PATH."""
    scripts = Path(sys.executable).parent
    found = shutil.which(f"pyside6-{name}", path=str(scripts)) or shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 in the virtual environment.")
    return found


def sources() -> list[str]:
    """Every Python file of the GUI, relative to the repository root (stable, sorted)."""
    return sorted(p.relative_to(ROOT).as_posix() for p in SOURCE_DIR.rglob("*.py"))


def lupdate(ts: Path) -> str:
    """Extract strings from gui/ into ``ts``, keeping existing translations; vanished strings are dropped."""
    cmd = [tool("lupdate"), *sources(), "-source-language", "vi_VN", "-target-language", "en_GB"]
    cmd += ["-locations", "none", "-no-obsolete", "-ts", str(ts)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def lrelease(ts: Path, qm: Path) -> str:
    """Compile ``ts`` to ``qm``; returns lrelease's report (finished / unfinished counts)."""
    done = subprocess.run(
        [tool("lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout + done.stderr


@dataclass
class Message:
    context: str
    source: str
    translation: str
    finished: bool
    element: ET.Element


def read_messages(ts: Path) -> tuple[ET.ElementTree, list[Message]]:
    tree = ET.parse(ts)
    found = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            assert tr is not None, f"{ts}: a message without <translation> in {name}"
            kind = tr.get("type")
            if kind in ("vanished", "obsolete"):
                continue
            found.append(Message(name, msg.findtext("source", ""), tr.text or "", kind is None and bool(tr.text), msg))
    return tree, found


def write_ts(tree: ET.ElementTree, ts: Path) -> None:
    """Write the tree back; the next lupdate run puts it in Qt's canonical layout again."""
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def set_translation(msg: Message, text: str) -> None:
    tr = msg.element.find("translation")
    assert tr is not None
    tr.text = text
    tr.attrib.pop("type", None)
    msg.translation, msg.finished = text, True


def placeholders(text: str) -> set[str]:
    """{name}-style and %1-style placeholders: a translation must keep every one of them."""
    return set(re.findall(r"\{[a-z_0-9]*\}|%\d", text))


def fill(messages: list[Message], imported: dict[tuple[str, str], str]) -> list[str]:
    """Fill unfinished messages from an imported TSV, then from the same source text elsewhere."""
    notes = []
    by_source: dict[str, str] = {}
    for m in messages:
        if m.finished:
            by_source.setdefault(m.source, m.translation)
    for m in messages:
        text = imported.get((m.context, m.source))
        if text is None and not m.finished:
            text = by_source.get(m.source)
            if text is not None:
                notes.append(f"  same text as elsewhere: {m.context}: {m.source!r} -> {text!r}")
        if text is not None and (text != m.translation or not m.finished):  # lupdate may pre-fill a guess
            set_translation(m, text)
            by_source.setdefault(m.source, text)
    return notes


def problems(messages: list[Message]) -> list[str]:
    """Untranslated strings and translations that lost or invented a placeholder."""
    found = []
    for m in messages:
        if not m.finished:
            found.append(f"  untranslated: {m.context}: {m.source!r}")
        elif placeholders(m.source) != placeholders(m.translation):
            found.append(f"  placeholders differ: {m.context}: {m.source!r} -> {m.translation!r}")
    return found


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def unescape(text: str) -> str:
    return re.sub(r"\\([\\tn])", lambda m: {"\\": "\\", "t": "\t", "n": "\n"}[m.group(1)], text)


def read_tsv(path: Path) -> dict[tuple[str, str], str]:
    rows = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise SystemExit(f"{path}:{number}: expected 3 tab-separated columns, found {len(parts)}")
        context, source, text = (unescape(p) for p in parts)
        if text:
            rows[(context, source)] = text
    return rows


def update(ts: Path, imported: dict[tuple[str, str], str]) -> tuple[list[Message], list[str]]:
    """lupdate, fill, lupdate again (canonical layout); returns the messages and what was filled."""
    lupdate(ts)
    tree, messages = read_messages(ts)
    notes = fill(messages, imported)
    write_ts(tree, ts)
    lupdate(ts)
    return read_messages(ts)[1], notes


def check() -> int:
    """Report, without writing, whether the committed files are complete and up to date."""
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / APP_TS.name
        shutil.copy(APP_TS, copy)
        messages, _ = update(copy, {})
        if copy.read_bytes() != APP_TS.read_bytes():
            failures.append(f"{APP_TS.name} is not up to date with gui/: run tools/update_translations.py")
        failures += problems(messages)
        for ts in (APP_TS, QT_TS):
            qm = Path(tmp) / ts.with_suffix(".qm").name
            lrelease(ts, qm)
            if not ts.with_suffix(".qm").exists() or qm.read_bytes() != ts.with_suffix(".qm").read_bytes():
                failures.append(f"{ts.with_suffix('.qm').name} does not match {ts.name}: run the script")
        failures += problems(read_messages(QT_TS)[1])
    print("\n".join(failures) or "Translations complete and up to date.")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--import", dest="import_tsv", type=Path, help="take translations from this TSV")
    parser.add_argument("--export", dest="export_tsv", type=Path, help="write untranslated strings to this TSV")
    parser.add_argument("--check", action="store_true", help="change nothing; fail when out of date")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    I18N.mkdir(parents=True, exist_ok=True)
    imported = read_tsv(args.import_tsv) if args.import_tsv else {}
    messages, notes = update(APP_TS, imported)
    print(f"{APP_TS.relative_to(ROOT)}: {len(messages)} strings from {len(sources())} files in gui/")
    print("\n".join(notes))
    todo = [m for m in messages if not m.finished]
    if args.export_tsv:
        lines = [f"{escape(m.context)}\t{escape(m.source)}\t" for m in todo]
        args.export_tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(todo)} untranslated strings written to {args.export_tsv}")
    for ts in (APP_TS, QT_TS):
        print(lrelease(ts, ts.with_suffix(".qm")).strip())
    found = problems(messages) + problems(read_messages(QT_TS)[1])
    if found:
        print("To do (open the .ts in pyside6-linguist, or use --export/--import):")
        print("\n".join(found))
        return 1
    print("All strings translated.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
