"""Filling the province's commune registry from a CSV/XLSX file, and adding communes by hand.

A file is checked whole before anything is stored: every problem is listed with its row and
column, and the file is stored all or nothing. Codes must be in the official 2025 list (a commune
with another code could never send a report file), and of the province in the profile; a name is
optional (the official one is used) but, when given, must be that code's commune, so a row whose
code and name were mixed up is caught before it is stored.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from storage.errors import Problem, UserError, ValidationError
from storage.importing.api import ImportResult
from storage.importing.columns import Column, match_columns
from storage.importing.reader import read_table
from storage.importing.values import (
    MAX_CELL_CHARS,
    CellError,
    Formula,
    csv_safe,
    enum_parser,
    formula_error,
    parse_bool,
    text,
)
from storage.models import ProvinceCommune
from storage.profile import CommuneChoice, commune_by_code, commune_choices
from storage.province.profile import load_province_profile
from storage.province.registry import CommuneEntry, get_commune, save_commune, validate_entry
from storage.textsearch import fold
from storage.vocab import AreaType

KIND = "province_communes"
KIND_VI, KIND_EN = "Danh sách xã", "Commune registry"
_PREFIXES = ("xa ", "phuong ", "dac khu ")


def _code(raw: object) -> str:
    value = text(raw)
    if not value.isdigit():
        raise CellError(
            f"«{value}»: mã xã là dãy chữ số (mã đơn vị hành chính, ví dụ 16906).",
            f"«{value}»: the code is digits (the administrative code, e.g. 16906).",
        )
    return value


COLUMNS: tuple[Column, ...] = (
    Column("code", "Mã xã", "code", _code, True, "Mã đơn vị hành chính (ví dụ 16906).", "Official code.",
           ("mã xã, phường", "mã đơn vị", "commune code", "commune_code", "mã")),
    Column("name", "Tên xã", "name", text, False, "Tên xã, phường; để trống = tên theo danh mục.",
           "Name; empty = the official name.", ("tên xã, phường", "tên đơn vị", "commune name", "commune", "tên")),
    Column("area_type", "Loại địa bàn", "area type", enum_parser(AreaType), False, "", "",
           ("area_type", "địa bàn", "loại")),
    Column("active", "Đang theo dõi", "active", parse_bool, False, "«Có» hoặc «Không»; để trống = Có.",
           "«Có» (yes) or «Không» (no); empty = yes.", ("theo dõi",)),
    Column("notes", "Ghi chú", "notes", text, False, "Chữ.", "Text.", ("note",)),
)  # fmt: skip
_HEADERS = {c.key: c.header for c in COLUMNS}


def official_commune(code: str) -> CommuneChoice | None:
    """The commune of the official list with this code ("70" and "00070" are the same), or None."""
    return commune_by_code(code) if code.strip().isdigit() else None


def same_commune_name(given: str, official: str) -> bool:
    """Whether a typed name means the official one ("luong minh", "Xã Lượng Minh", "XA LUONG MINH")."""

    def bare(name: str) -> str:
        folded = fold(name)
        for prefix in _PREFIXES:
            if folded.startswith(prefix):
                return folded[len(prefix) :]
        return folded

    return bare(given) == bare(official)


def check_code(code: str, province_code: str | None) -> list[Problem]:
    """The code must be a commune of the official list, of the province in the profile when known."""
    found = official_commune(code)
    if found is None:
        return [
            Problem(
                "code",
                f"Mã {code} không có trong danh mục đơn vị hành chính cấp xã năm 2025.",
                f"Code {code} is not in the 2025 list of communes and wards.",
            )
        ]
    if province_code and found.province_code != province_code:
        return [
            Problem(
                "code",
                f"Mã {found.code} là của {found.name} ({found.province_name}), không thuộc tỉnh của cơ sở dữ liệu này.",
                f"Code {found.code} is {found.name} ({found.province_name}), not a commune of this province.",
            )
        ]
    return []


def add_commune(session: Session, entry: CommuneEntry, *, user_id: int | None = None) -> int:
    """Add a new commune by hand; refuses a code already in the registry (edit that one instead)."""
    province = load_province_profile(session)
    problems = check_code(entry.code.strip(), province.code if province else None)
    existing = get_commune(session, entry.code.strip())
    if existing is not None:
        problems.append(
            Problem(
                "code",
                f"Mã {existing.code} đã có trong danh sách ({existing.name}); hãy chọn xã đó để sửa.",
                f"Code {existing.code} is already in the registry ({existing.name}); select it to edit.",
            )
        )
    problems += validate_entry(entry)
    if problems:
        raise ValidationError(problems)
    return save_commune(session, entry, user_id=user_id)


# --- files ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    number: int
    entry: CommuneEntry


def preview_registry_import(session: Session, path: Path | str) -> ImportResult:
    """Check every row and count what would be added, changed or left as it is; stores nothing."""
    result, _rows = _check(session, path)
    return result


def run_registry_import(session: Session, path: Path | str, *, user_id: int | None = None) -> ImportResult:
    """Store every row of the file, or none: ValidationError with every problem when any row is wrong."""
    result, rows = _check(session, path)
    if result.problems:
        raise ValidationError(result.problems)
    savepoint = session.begin_nested()
    try:
        for r in rows:
            save_commune(session, r.entry, user_id=user_id)
    except BaseException:
        savepoint.rollback()
        raise
    savepoint.commit()
    return result


def _check(session: Session, path: Path | str) -> tuple[ImportResult, list[_Row]]:
    table = read_table(path, sheet_hints=(KIND_VI, KIND_EN, KIND))
    colmap, header_problems = match_columns(COLUMNS, table.header, table.header_row)
    if not colmap.positions:
        raise UserError(
            f"Không nhận ra tệp: dòng tiêu đề (dòng {table.header_row}) không có cột «Mã xã». "
            "Hãy dùng tệp mẫu: Mã xã, Tên xã, Loại địa bàn.",
            f"File not recognised: the header row (row {table.header_row}) has no «Mã xã» (code) column. "
            "Use the template: code, name, area type.",
        )
    total = len(table.rows)
    if header_problems:
        return ImportResult(KIND, total, 0, 0, 0, header_problems), []
    profile = load_province_profile(session)
    province_code = profile.code if profile else None
    problems: list[Problem] = []
    rows: list[_Row] = []
    first_row: dict[str, int] = {}
    created = updated = unchanged = 0
    for number, raw in table.rows:
        values, found = _parse(colmap.positions, raw, number)
        code = values.get("code")
        if code:
            found += _relabel(check_code(code, province_code), number)
            official = official_commune(code)
            if official is not None:
                code = official.code
            if code in first_row:
                found.append(
                    Problem(_HEADERS["code"], f"Mã {code} đã có ở dòng {first_row[code]}.",
                            f"Code {code} already appears on row {first_row[code]}.", number)
                )  # fmt: skip
            else:
                first_row[code] = number
        if found or not code:
            problems += found
            continue
        entry, name_problems = _entry(session, code, values, colmap.present, number)
        if name_problems:
            problems += name_problems
            continue
        row_problems = _relabel(validate_entry(entry), number)
        if row_problems:
            problems += row_problems
            continue
        stored = get_commune(session, code)
        if stored is None:
            created += 1
        elif _same(stored, entry):
            unchanged += 1
        else:
            updated += 1
        rows.append(_Row(number, entry))
    return ImportResult(KIND, total, created, updated, unchanged, problems), rows


def _parse(positions: tuple[tuple[int, Column], ...], raw: list[Any], row: int) -> tuple[dict[str, Any], list[Problem]]:
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for idx, col in positions:
        cell = raw[idx] if idx < len(raw) else None
        if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
            problems.append(Problem(col.header, "Ô quá dài.", "The cell is too long.", row))
            continue
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            if col.required:
                problems.append(
                    Problem(col.header, "Chưa nhập (cột bắt buộc).", "Empty, but this column is required.", row)
                )
            values[col.key] = None
            continue
        try:
            if isinstance(cell, Formula):
                raise formula_error(cell)
            values[col.key] = col.parse(cell)
        except CellError as e:
            problems.append(Problem(col.header, e.vi, e.en, row))
    return values, problems


def _entry(
    session: Session, code: str, values: dict[str, Any], present: frozenset[str], row: int
) -> tuple[CommuneEntry, list[Problem]]:
    """The entry a row stands for; columns missing from the file keep what is stored."""
    official = official_commune(code)
    stored = get_commune(session, code)
    name = values.get("name") or ""
    problems: list[Problem] = []
    if official is not None:
        if name and not same_commune_name(name, official.name):
            problems.append(
                Problem(_HEADERS["name"], f"Tên «{name}» không khớp với mã {code} ({official.name} theo danh mục).",
                        f"«{name}» does not match code {code} ({official.name} in the official list).", row)
            )  # fmt: skip
        name = official.name
    elif not name and stored is not None:
        name = stored.name

    def keep(key: str, default: Any, stored_value: Any) -> Any:
        if key not in present:
            return stored_value if stored is not None else default
        value = values.get(key)
        return default if value is None else value

    area = keep("area_type", AreaType.UNKNOWN, _area(stored.area_type) if stored else AreaType.UNKNOWN)
    active = keep("active", True, stored.active if stored else True)
    notes = keep("notes", "", stored.notes if stored else "")
    return CommuneEntry(code=code, name=name, area_type=area, active=active, notes=notes), problems


def _same(stored: ProvinceCommune, entry: CommuneEntry) -> bool:
    now = (entry.name.strip(), str(entry.area_type), entry.active, entry.notes.strip())
    return (stored.name, stored.area_type, stored.active, stored.notes) == now


def _area(value: str) -> AreaType:
    return AreaType(value) if value in {str(a) for a in AreaType} else AreaType.UNKNOWN


def _relabel(problems: list[Problem], row: int) -> list[Problem]:
    return [Problem(_HEADERS.get(p.field, ""), p.vi, p.en, row) for p in problems]


# --- template ------------------------------------------------------------------------------


def template_csv(province_code: str | None = None, known: Sequence[CommuneEntry] = ()) -> bytes:
    """The file a clerk fills in: UTF-8 with BOM (Excel opens it right), the province's communes listed.

    Stored names and notes that start like a formula get a leading apostrophe (``csv_safe``), so
    Excel opens them as text; importing the file back drops it.

    With a province, every commune and ward of its official list is a row (as stored when already
    in the registry, ``known``), so the clerk only fills in what is missing; without one, three
    example rows show the format.
    """
    buf = io.StringIO(newline="")
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow([c.header for c in COLUMNS])
    stored = {e.code: e for e in known}
    choices = commune_choices(province_code) if province_code else []
    for c in sorted(choices, key=lambda c: c.code):
        e = stored.pop(c.code, None)
        if e is None:
            out.writerow([c.code, c.name, "", "Có", ""])
        else:
            area = "" if e.area_type == AreaType.UNKNOWN else e.area_type.label()
            out.writerow([e.code, csv_safe(e.name), area, "Có" if e.active else "Không", csv_safe(e.notes)])
    if not choices:
        out.writerow(["16906", "Xã Lượng Minh", AreaType.MOUNTAINOUS.label(), "Có", ""])
        out.writerow(["17254", "Xã Con Cuông", AreaType.MOUNTAINOUS.label(), "Có", ""])
        out.writerow(["16855", "Xã Chiêu Lưu", AreaType.HIGHLAND.label(), "Có", "Xã biên giới"])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def write_registry_template(
    path: Path | str, province_code: str | None = None, known: Sequence[CommuneEntry] = ()
) -> Path:
    """Write the CSV template (see ``template_csv``); UserError when the file cannot be written."""
    path = Path(path)
    if path.suffix.lower() != ".csv":
        path = path.with_name(path.name + ".csv")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(template_csv(province_code, known))
    except OSError as exc:
        raise UserError(
            f"Không ghi được tệp {path}: {exc.strerror}. Hãy chọn thư mục khác hoặc đóng tệp nếu đang mở.",
            f"Cannot write {path}: {exc.strerror}. Choose another folder, or close the file if it is open.",
        ) from exc
    return path
