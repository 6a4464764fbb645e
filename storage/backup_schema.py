"""The schema a backup must have: exactly what Commune Desk's own migrations build for its revision.

Why: a forged or half-damaged backup stamped with a known revision could lack a table or a column (every
screen using it then fails) or bring a trigger or view of its own (silently changing data after the
restore). The reference is a fresh database migrated to that revision in a temporary folder, the same path
every real database took, built once per revision and process (well under a second). Compared: every
table, index, trigger and view by name; columns (type, NOT NULL, default, key) and foreign keys of each
table; columns and flags of each index; the SQL of each trigger and view. A table's own CREATE text is not
compared (SQLite rewrites it on ALTER TABLE), so CHECK constraints are not covered.
"""

from __future__ import annotations

import sqlite3
import tempfile
import threading
from collections.abc import Callable
from contextlib import closing
from functools import cache
from pathlib import Path

from storage.importing.values import visible

Key = tuple[str, str]  # (type, name) as in sqlite_master
Schema = dict[Key, object]

# SQLite's own bookkeeping: appears with AUTOINCREMENT or after ANALYZE, changes nothing the program reads.
_IGNORED = {"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"}
_KINDS = {
    "table": ("bảng", "table"),
    "index": ("chỉ mục", "index"),
    "trigger": ("trigger", "trigger"),
    "view": ("view", "view"),
}
_SHOWN = 4  # differences named in a message; the rest are counted
_building = threading.Lock()


def shown(text: object, limit: int = 40) -> str:
    """Text from a file, fit for a message: invisible characters as codes, cut short."""
    text = visible(str(text))
    return text if len(text) <= limit else text[:limit] + "…"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _objects(conn: sqlite3.Connection) -> dict[Key, tuple[str, str]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    return {(str(t), str(n)): (str(tbl), str(sql or "")) for t, n, tbl, sql in rows if n not in _IGNORED}


def _detail(conn: sqlite3.Connection, key: Key, table: str, sql: str) -> object:
    """What must match for one object (only ever asked about names of the reference schema)."""
    kind, name = key
    if kind == "table":
        columns = {
            r[1]: (str(r[2]).upper(), r[3], r[4], r[5], r[6]) for r in conn.execute(f"PRAGMA table_xinfo({_q(name)})")
        }
        keys = frozenset(tuple(r[2:7]) for r in conn.execute(f"PRAGMA foreign_key_list({_q(name)})"))
        return columns, keys
    if kind == "index":
        flags = [tuple(r[2:5]) for r in conn.execute(f"PRAGMA index_list({_q(table)})") if r[1] == name]
        return table, flags, tuple(r[2] for r in conn.execute(f"PRAGMA index_info({_q(name)})"))
    return table, " ".join(sql.split())


def read_schema(conn: sqlite3.Connection, only: set[Key] | None = None) -> Schema:
    """Every object of the database; details only for the names in ``only`` (all when None)."""
    found = _objects(conn)
    return {k: _detail(conn, k, *v) if only is None or k in only else None for k, v in found.items()}


@cache
def expected_schema(revision: str) -> Schema:
    """The schema Commune Desk's migrations build for ``revision`` (a fresh database in a temporary folder)."""
    from storage.db import make_engine, upgrade

    with _building, tempfile.TemporaryDirectory(prefix="commune-desk-schema-", ignore_cleanup_errors=True) as tmp:
        path = Path(tmp) / f"{revision}.sqlite"
        engine = make_engine(path)
        try:
            upgrade(engine, revision)
        finally:
            engine.dispose()
        with closing(sqlite3.connect(path)) as conn:
            return read_schema(conn)


def _kind(kind: str) -> tuple[str, str]:
    return _KINDS.get(kind, (kind, kind))


def _table_changes(name: str, got: object, want: object) -> list[tuple[str, str]]:
    (got_cols, got_keys), (want_cols, want_keys) = got, want  # type: ignore[misc]
    found: list[tuple[str, str]] = []
    for col in sorted(set(want_cols) - set(got_cols)):
        found.append((f"thiếu cột «{shown(f'{name}.{col}')}»", f"missing column «{shown(f'{name}.{col}')}»"))
    for col in sorted(set(got_cols) - set(want_cols), key=str):
        found.append((f"thừa cột «{shown(f'{name}.{col}')}»", f"extra column «{shown(f'{name}.{col}')}»"))
    for col in sorted(c for c in set(got_cols) & set(want_cols) if got_cols[c] != want_cols[c]):
        found.append((f"cột «{shown(f'{name}.{col}')}» khác", f"column «{shown(f'{name}.{col}')}» differs"))
    if got_keys != want_keys:
        found.append((f"khóa ngoại của bảng «{shown(name)}» khác", f"foreign keys of table «{shown(name)}» differ"))
    return found


def _order(kinds: tuple[str, ...]) -> Callable[[Key], tuple[int, str]]:
    return lambda key: (kinds.index(key[0]) if key[0] in kinds else len(kinds), key[1])


def differences(conn: sqlite3.Connection, revision: str) -> list[tuple[str, str]]:
    """What sets this database apart from ``revision``'s schema, as (vi, en) phrases, most telling first.

    Foreign triggers and views first (they would act after the restore), then missing tables; indexes
    and triggers of a missing table are not listed on their own.
    """
    want = expected_schema(revision)
    got = read_schema(conn, only=set(want))
    found: list[tuple[str, str]] = []
    for kind, name in sorted(set(got) - set(want), key=_order(("trigger", "view", "table", "index"))):
        vi, en = _kind(kind)
        found.append((f"thừa {vi} «{shown(name)}»", f"extra {en} «{shown(name)}»"))
    missing_tables = {name for kind, name in set(want) - set(got) if kind == "table"}
    for kind, name in sorted(set(want) - set(got), key=_order(("table", "trigger", "view", "index"))):
        if kind != "table" and want[(kind, name)][0] in missing_tables:  # type: ignore[index]
            continue
        vi, en = _kind(kind)
        found.append((f"thiếu {vi} «{shown(name)}»", f"missing {en} «{shown(name)}»"))
    for key in sorted(set(got) & set(want), key=_order(("table", "trigger", "view", "index"))):
        if got[key] == want[key]:
            continue
        if key[0] == "table":
            found += _table_changes(key[1], got[key], want[key])
        else:
            vi, en = _kind(key[0])
            found.append((f"{vi} «{shown(key[1])}» khác", f"{en} «{shown(key[1])}» differs"))
    return found


def summary(found: list[tuple[str, str]]) -> tuple[str, str]:
    """The first few differences in each language, the rest counted."""
    vi = "; ".join(v for v, _ in found[:_SHOWN])
    en = "; ".join(e for _, e in found[:_SHOWN])
    if len(found) > _SHOWN:
        vi += f"; và {len(found) - _SHOWN} điểm khác nữa"
        en += f"; and {len(found) - _SHOWN} more"
    return vi, en
