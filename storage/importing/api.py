"""Importing a file: preview (check only) and run (all rows or none).

Both read the file, match its header to the kind's columns, parse every cell and check every
row with the record's own rules, collecting every problem with its row number and column.
``run_import`` stores the rows only when there is no problem at all; it works inside a
SAVEPOINT, so a failed or cancelled import leaves the caller's session usable and its own
earlier changes intact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from storage.errors import Problem, UserError, ValidationError
from storage.importing.columns import COLUMNS, ColumnMap, match_columns
from storage.importing.dossier_kind import DossierImporter
from storage.importing.kinds import IMPORTERS, KindImporter
from storage.importing.reader import Cell, read_table
from storage.importing.values import MAX_CELL_CHARS, CellError, Formula, formula_error

#: Rows checked between two progress reports / cancel checks.
BLOCK = 1000
#: Problems kept in a result (more are counted, not listed: nobody reads 50,000 lines).
MAX_PROBLEMS = 1000


class KindLabel(NamedTuple):
    vi: str
    en: str


#: The kinds of file that can be imported, in menu order, with their labels.
KINDS: dict[str, KindLabel] = {
    "dossiers": KindLabel("Hồ sơ thủ tục hành chính", "Administrative-procedure dossiers"),
    "staff": KindLabel("Nhân sự", "Staff"),
    "equipment": KindLabel("Trang thiết bị CNTT", "IT equipment"),
    "proposals": KindLabel("Khó khăn, kiến nghị", "Difficulties and proposals"),
    "procedures": KindLabel("Danh mục thủ tục", "Procedure catalog"),
    "holidays": KindLabel("Ngày nghỉ, ngày làm bù", "Days off and extra working days"),
}

_IMPORTERS: dict[str, type[KindImporter]] = {**IMPORTERS, "dossiers": DossierImporter}
assert set(_IMPORTERS) == set(KINDS) == set(COLUMNS)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or, for a preview, would do)."""

    kind: str
    rows: int  # data rows in the file
    created: int
    updated: int
    unchanged: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No problem: ``run_import`` would store (or has stored) every row."""
        return not self.problems


def preview_import(
    session: Session,
    kind: str,
    path: Path | str,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: date | None = None,
) -> ImportResult:
    """Check every row of the file and count what would be created, updated or left unchanged.

    Stores nothing (whatever the checks touch is rolled back). Problems carry row numbers and
    column headers; raises UserError only for a file that cannot be read at all.
    """
    return _process(session, kind, path, write=False, user_id=None, progress=progress, cancelled=cancelled,
                    today=today)  # fmt: skip


def run_import(
    session: Session,
    kind: str,
    path: Path | str,
    *,
    user_id: int | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: date | None = None,
) -> ImportResult:
    """Import the file, all rows or none.

    Raises ValidationError with every problem when any row is wrong, UserError("Đã hủy nhập
    dữ liệu") when ``cancelled()`` returns true, UserError for an unreadable file; in each case
    nothing is stored and the session is still usable. Re-importing the same file changes
    nothing. ``progress(done, total)`` is called every 1,000 rows; the caller commits.
    """
    result = _process(session, kind, path, write=True, user_id=user_id, progress=progress, cancelled=cancelled,
                      today=today)  # fmt: skip
    if result.problems:
        raise ValidationError(result.problems)
    return result


def _importer_class(kind: str) -> type[KindImporter]:
    cls = _IMPORTERS.get(kind)
    if cls is None:
        known = ", ".join(KINDS)
        raise UserError(
            f"Không có loại dữ liệu «{kind}» để nhập (có: {known}).", f"Unknown import kind «{kind}» ({known})."
        )
    return cls


def _cancel_error() -> UserError:
    return UserError("Đã hủy nhập dữ liệu; chưa lưu dòng nào.", "Import cancelled; nothing was stored.")


def _process(
    session: Session,
    kind: str,
    path: Path | str,
    *,
    write: bool,
    user_id: int | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
    today: date | None,
) -> ImportResult:
    cls = _importer_class(kind)
    label = KINDS[kind]
    table = read_table(path, sheet_hints=(kind, label.vi, label.en))
    colmap, header_problems = match_columns(cls.columns, table.header, table.header_row)
    if not colmap.positions:
        raise UserError(
            f"Không nhận ra tệp: dòng tiêu đề (dòng {table.header_row}) không có cột nào của «{label.vi}». "
            f"Hãy dùng tệp mẫu; các cột cần có: {'; '.join(c.header for c in cls.columns if c.required)}.",
            f"File not recognised: the header row (row {table.header_row}) has none of the «{label.en}» columns. "
            f"Use the template; required columns: {'; '.join(c.header for c in cls.columns if c.required)}.",
        )
    total = len(table.rows)
    if header_problems:
        return ImportResult(kind, total, 0, 0, 0, header_problems)
    problems = _Problems()
    savepoint = session.begin_nested()  # a failing import leaves the caller's session usable
    importer: KindImporter | None = None
    try:
        importer = cls(session, today=today or date.today(), user_id=user_id, present=colmap.present, write=write)
        width = len(table.header)
        specs = _specs(colmap)
        for start in range(0, total, BLOCK):
            if cancelled is not None and cancelled():
                raise _cancel_error()
            if progress is not None:
                progress(start, total)
            block: list[tuple[int, dict[str, Any]]] = []
            found: list[Problem] = []
            for row, raw in table.rows[start : start + BLOCK]:
                values, cell_problems = _parse_row(specs, colmap.ignored, raw, row, width)
                if cell_problems:
                    found.extend(cell_problems)
                    importer.failed = True
                else:
                    block.append((row, values))
            found.extend(importer.check_block(block))
            if found:
                found.sort(key=lambda p: p.row or 0)  # stable: a row's problems keep their column order
                problems.extend(found)
                importer.failed = True
        problems.extend(importer.finish())
        if cancelled is not None and cancelled():
            raise _cancel_error()
        if progress is not None:
            progress(total, total)
        result = ImportResult(kind, total, importer.created, importer.updated, importer.unchanged, problems.listed())
    except BaseException:
        savepoint.rollback()
        raise
    finally:
        if importer is not None:
            importer.close()
    if write and result.ok:
        savepoint.commit()
    else:
        savepoint.rollback()
    return result


class _Problems:
    """Problems in file order, keeping the first MAX_PROBLEMS and counting the rest."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.more = 0

    def extend(self, problems: list[Problem]) -> None:
        room = MAX_PROBLEMS - len(self.items)
        self.items.extend(problems[:room])
        self.more += max(len(problems) - room, 0)

    def __bool__(self) -> bool:
        return bool(self.items)

    def listed(self) -> list[Problem]:
        if not self.more:
            return list(self.items)
        return [
            *self.items,
            Problem(
                "",
                f"… và {self.more} lỗi khác (chỉ liệt kê {MAX_PROBLEMS} lỗi đầu tiên; "
                "sửa các lỗi trên rồi kiểm tra lại).",
                f"… and {self.more} more problems (only the first {MAX_PROBLEMS} are listed).",
            ),
        ]


_Spec = tuple[int, str, Callable[[object], Any], bool, str]


def _specs(colmap: ColumnMap) -> list[_Spec]:
    """(position, key, parser, required, header) per known column: the row loop's working set."""
    return [(idx, col.key, col.parse, col.required, col.header) for idx, col in colmap.positions]


def _parse_row(
    specs: list[_Spec], stray_positions: tuple[int, ...], raw: list[Cell], row: int, width: int
) -> tuple[dict[str, Any], list[Problem]]:
    """Parse the cells of the known columns; problems for bad, missing or stray cells."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    n = len(raw)
    for idx, key, parse, required, header in specs:
        cell = raw[idx] if idx < n else None
        if cell.__class__ is str:
            if not cell or cell.isspace():  # type: ignore[union-attr]
                cell = None
            elif len(cell) > MAX_CELL_CHARS:  # type: ignore[arg-type]
                problems.append(_too_long(header, row, len(cell)))  # type: ignore[arg-type]
                continue
        if cell is None:
            if required:
                problems.append(
                    Problem(header, "Chưa nhập (cột bắt buộc).", "Empty, but this column is required.", row)
                )
            values[key] = None
            continue
        try:
            if cell.__class__ is Formula:
                raise formula_error(cell)  # type: ignore[arg-type]
            values[key] = parse(cell)
        except CellError as e:
            problems.append(Problem(header, e.vi, e.en, row))
    if n > width or stray_positions:
        for i in (*stray_positions, *range(width, n)):
            cell = raw[i] if i < n else None
            if cell is not None and not (isinstance(cell, str) and not cell.strip()):
                problems.append(
                    Problem(
                        "",
                        f"Có dữ liệu ở cột thứ {i + 1} nhưng cột này không có tiêu đề; "
                        "hãy xóa hoặc đặt tiêu đề cho cột.",
                        f"Column {i + 1} has data but no header; delete it or give it a header.",
                        row,
                    )
                )
                break
    return values, problems


def _too_long(header: str, row: int, length: int) -> Problem:
    return Problem(
        header,
        f"Ô quá dài ({length} ký tự; tối đa {MAX_CELL_CHARS}).",
        f"The cell is too long ({length} characters; at most {MAX_CELL_CHARS}).",
        row,
    )
