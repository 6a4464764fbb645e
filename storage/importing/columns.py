"""The columns each kind of file may have: Vietnamese header, English alias, required or not, format.

Headers are matched ignoring case, diacritics, spaces and punctuation ("NGAY GIO TIEP NHAN",
"Ngày giờ tiếp nhận", "received_at" all name the same column), so a clerk can type them
as they like. The same specs drive the templates, the "Hướng dẫn" sheet and
docs/import-formats.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from storage.calendar import DayKind
from storage.errors import Problem
from storage.importing import values as v
from storage.textsearch import fold
from storage.vocab import (
    Channel,
    EquipmentKind,
    Gender,
    ITLevel,
    LanguageLevel,
    Outcome,
    PoliticalTheory,
    ProfessionalLevel,
    ProposalCategory,
    ProposalStatus,
    StaffCategory,
    StaffOrigin,
    TimeUnitLabel,
)

Parser = Callable[[object], Any]


@dataclass(frozen=True)
class Column:
    """One column of an import file."""

    key: str  # name used by the importer (and, mostly, by the validators' Problem.field)
    header: str  # canonical Vietnamese header, as written in the templates
    alias: str  # English alias
    parse: Parser = v.text
    required: bool = False
    fmt_vi: str = ""  # what to write, for the guide sheet and the docs
    fmt_en: str = ""
    aliases: tuple[str, ...] = ()  # other accepted spellings
    multiline: bool = False  # free text that may keep line breaks

    def format_text(self, lang: str = "vi") -> str:
        """The accepted format, with the list of values for a vocabulary column."""
        enum = getattr(self.parse, "enum", None)
        fmt = self.fmt_en if lang == "en" else self.fmt_vi
        if enum is not None:
            choices = "; ".join(enum.choices(lang))
            prefix = "One of" if lang == "en" else "Một trong"
            return f"{fmt} {prefix}: {choices}.".strip() if fmt else f"{prefix}: {choices}."
        return fmt


def header_key(text: str) -> str:
    """Headers compare on letters and digits only, without diacritics or case."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


# --- value formats shared by several columns -------------------------------------------

DATE = (
    "Ngày dạng dd/mm/yyyy (ví dụ 05/01/2026); cũng nhận yyyy-mm-dd hoặc ô ngày của Excel.",
    "Date dd/mm/yyyy (e.g. 05/01/2026); yyyy-mm-dd or an Excel date cell also accepted.",
)
DATETIME = (
    "Ngày và giờ dạng dd/mm/yyyy HH:MM (ví dụ 05/01/2026 14:30); bắt buộc có giờ.",
    "Date and time dd/mm/yyyy HH:MM (e.g. 05/01/2026 14:30); the time is required.",
)
COUNT = ("Số nguyên không âm, chỉ gồm chữ số (ví dụ 3).", "Whole number ≥ 0, digits only (e.g. 3).")
DAYS = (
    "Số ngày, số nguyên từ 0 đến 365; để trống = như trực tiếp.",
    "Days, whole number 0..365; empty = same as direct.",
)
BOOL = (
    "«Có» hoặc «Không» (cũng nhận x, 1/0, yes/no); để trống = Không.",
    "«Có» (yes) or «Không» (no) (x, 1/0, yes/no accepted); empty = no.",
)
TEXT = ("Chữ.", "Text.")
UNIT = (
    "Tên hoặc tên viết tắt của đơn vị trong danh sách đơn vị của xã.",
    "Name or short name of one of the commune's units.",
)


def _col(
    key: str,
    header: str,
    alias: str,
    parse: Parser = v.text,
    fmt: tuple[str, str] = TEXT,
    *,
    required: bool = False,
    aliases: tuple[str, ...] = (),
    multiline: bool = False,
) -> Column:
    assert callable(parse), f"{key}: parse must be a function (pass the format as fmt=)"
    return Column(key, header, alias, parse, required, fmt[0], fmt[1], aliases, multiline)


def _enum(enum: Any) -> Parser:
    return v.enum_parser(enum)


def parse_day_kind(raw: object) -> DayKind:
    """ "Nghỉ" / "Làm bù" (also "off"/"work", "ngày nghỉ", "làm việc")."""
    key = header_key(v.text(raw))
    if key in ("nghi", "ngaynghi", "nghile", "off", "dayoff", "holiday"):
        return DayKind.OFF
    if key in ("lambu", "ngaylambu", "lamviec", "ngaylamviec", "work", "workday", "workingday"):
        return DayKind.WORK
    raise v.CellError(
        f"«{v.text(raw)}»: hãy ghi «Nghỉ» (ngày thường được nghỉ) hoặc «Làm bù» (thứ Bảy/Chủ nhật đi làm).",
        f"«{v.text(raw)}»: write «Nghỉ» (weekday off) or «Làm bù» (weekend day worked).",
    )


DOSSIER_COLUMNS: tuple[Column, ...] = (
    _col(
        "code",
        "Mã hồ sơ",
        "code",
        fmt=(
            "Mã in trên phiếu tiếp nhận (ví dụ H40.16906-250115-0001), không có khoảng trắng, tối đa 60 ký tự. "
            "Dùng để nhận ra hồ sơ khi nhập lại.",
            "Code printed on the receipt (e.g. H40.16906-250115-0001), no spaces, at most 60 characters. "
            "Identifies the dossier on re-import.",
        ),
        required=True,
        aliases=("dossier_code",),
    ),
    _col(
        "procedure",
        "Thủ tục",
        "procedure",
        fmt=(
            "Mã hoặc tên thủ tục trong danh mục (ví dụ HT-KS hoặc Đăng ký khai sinh).",
            "Code or name of a procedure in the catalog (e.g. HT-KS).",
        ),
        required=True,
        aliases=("Thủ tục hành chính", "Tên thủ tục", "Mã thủ tục", "procedure_code"),
    ),
    _col(
        "applicant_name",
        "Người nộp",
        "applicant",
        required=True,
        aliases=("Tên người nộp", "Họ tên người nộp", "Người nộp hồ sơ", "applicant_name"),
    ),
    _col("applicant_address", "Địa chỉ", "address", aliases=("Địa chỉ người nộp", "applicant_address")),
    _col("applicant_phone", "Số điện thoại", "phone", aliases=("Điện thoại", "applicant_phone")),
    _col(
        "received_at",
        "Ngày giờ tiếp nhận",
        "received_at",
        v.parse_datetime,
        DATETIME,
        required=True,
        aliases=("Ngày tiếp nhận", "Thời gian tiếp nhận", "received"),
    ),
    _col(
        "channel",
        "Kênh",
        "channel",
        _enum(Channel),
        ("Để trống = Trực tiếp. Cũng nhận mã 1/2/3.", "Empty = Direct. Codes 1/2/3 accepted."),
        aliases=("Kênh tiếp nhận", "Hình thức nộp"),
    ),
    _col(
        "due_date_override",
        "Hạn giải quyết điều chỉnh",
        "due_date_override",
        v.parse_date,
        (
            "Chỉ nhập khi hạn khác hạn tính theo quy định; kèm lý do. " + DATE[0],
            "Only when the due date differs from the computed one; give a reason. " + DATE[1],
        ),
    ),
    _col("due_override_reason", "Lý do điều chỉnh hạn", "due_override_reason"),
    _col(
        "finished_date",
        "Ngày giải quyết",
        "resolved_date",
        v.parse_date,
        ("Ngày kết thúc xử lý (giải quyết xong, trả lại, dừng). " + DATE[0], "Day processing ended. " + DATE[1]),
        aliases=("Ngày kết thúc", "Ngày hoàn thành", "finished_date", "resolved"),
    ),
    _col(
        "outcome",
        "Kết quả",
        "outcome",
        _enum(Outcome),
        ("Để trống khi có ngày giải quyết = Đã giải quyết.", "Empty with a resolved date = Resolved."),
        aliases=("Kết quả xử lý",),
    ),
    _col("returned_date", "Ngày trả kết quả", "returned_date", v.parse_date, DATE, aliases=("returned",)),
    _col("supplement_requested", "Ngày yêu cầu bổ sung", "supplement_requested", v.parse_date, DATE),
    _col(
        "supplement_completed",
        "Ngày bổ sung xong",
        "supplement_completed",
        v.parse_date,
        ("Để trống nếu công dân chưa bổ sung. " + DATE[0], "Empty while the citizen has not completed it. " + DATE[1]),
    ),
    _col("supplement_reason", "Lý do bổ sung", "supplement_reason"),
    _col("apology_date", "Ngày văn bản xin lỗi", "apology_date", v.parse_date, DATE, aliases=("Ngày xin lỗi",)),
    _col("apology_new_date", "Ngày hẹn trả mới", "apology_new_date", v.parse_date, DATE),
    _col(
        "handler",
        "Người xử lý",
        "handler",
        fmt=("Họ và tên một người trong danh sách nhân sự.", "Full name of someone in the staff list."),
    ),
    _col("notes", "Ghi chú", "notes", multiline=True),
)

PROCEDURE_COLUMNS: tuple[Column, ...] = (
    _col(
        "code",
        "Mã thủ tục",
        "code",
        fmt=(
            "Mã thủ tục (mã địa phương hoặc mã trên Cổng dịch vụ công); dùng để nhận ra thủ tục khi nhập lại.",
            "Procedure code (local or national); identifies the procedure on re-import.",
        ),
        required=True,
    ),
    _col("name", "Tên thủ tục", "name", required=True),
    _col(
        "field",
        "Lĩnh vực",
        "field",
        fmt=(
            "Tên hoặc mã lĩnh vực trong danh mục (ví dụ Hộ tịch).",
            "Name or code of a field in the catalog (e.g. Hộ tịch).",
        ),
        required=True,
    ),
    _col(
        "time_unit",
        "Đơn vị thời hạn",
        "time_unit",
        _enum(TimeUnitLabel),
        ("", ""),
        required=True,
        aliases=("Cách tính thời hạn", "Đơn vị tính"),
    ),
    _col(
        "days_direct",
        "Thời hạn trực tiếp",
        "days_direct",
        v.parse_int,
        (
            "Số ngày, số nguyên từ 0 đến 365; để trống = 0 (dùng cho thủ tục trong ngày).",
            "Days, 0..365; empty = 0 (same-day procedures).",
        ),
        aliases=("Thời hạn", "Số ngày", "Thời hạn giải quyết", "days"),
    ),
    _col("days_online", "Thời hạn trực tuyến", "days_online", v.parse_int, DAYS),
    _col("days_postal", "Thời hạn bưu chính", "days_postal", v.parse_int, DAYS),
    _col(
        "posting_url",
        "Địa chỉ công khai",
        "posting_url",
        fmt=("Đường dẫn trang công khai thủ tục (nếu có).", "Link to the published procedure (optional)."),
    ),
    _col(
        "active",
        "Đang áp dụng",
        "active",
        v.parse_bool,
        ("«Có» hoặc «Không»; để trống = Có.", "«Có» or «Không»; empty = yes."),
    ),
    _col("notes", "Ghi chú", "notes", multiline=True),
)

HOLIDAY_COLUMNS: tuple[Column, ...] = (
    _col(
        "day",
        "Ngày",
        "date",
        v.parse_date,
        ("Ngày dạng dd/mm/yyyy. Mỗi ngày một dòng.", "Date dd/mm/yyyy, one row per day."),
        required=True,
        aliases=("day",),
    ),
    _col(
        "kind",
        "Loại ngày",
        "kind",
        parse_day_kind,
        (
            "«Nghỉ» = ngày thường được nghỉ (lễ, Tết, nghỉ bù); «Làm bù» = thứ Bảy/Chủ nhật phải đi làm.",
            "«Nghỉ» = weekday off (holiday); «Làm bù» = weekend day worked (swap).",
        ),
        required=True,
        aliases=("Loại",),
    ),
    _col(
        "name",
        "Tên ngày",
        "name",
        fmt=("Tên ngày lễ hoặc lý do (ví dụ Tết Nguyên đán).", "Holiday name or reason."),
        aliases=("Tên", "Lý do", "Ghi chú"),
    ),
)

STAFF_COLUMNS: tuple[Column, ...] = (
    _col("full_name", "Họ và tên", "full_name", required=True, aliases=("Họ tên", "name")),
    _col("gender", "Giới tính", "gender", _enum(Gender), ("", ""), required=True),
    _col(
        "birth_date",
        "Ngày sinh",
        "birth_date",
        v.parse_date,
        (
            "Cùng họ tên, dùng để nhận ra người khi nhập lại. " + DATE[0],
            "With the name, identifies the person on re-import. " + DATE[1],
        ),
    ),
    _col(
        "category",
        "Loại cán bộ, công chức",
        "category",
        _enum(StaffCategory),
        ("", ""),
        required=True,
        aliases=("Loại cán bộ", "Loại nhân sự", "Đối tượng", "Phân loại"),
    ),
    _col(
        "start_date",
        "Ngày bắt đầu công tác",
        "start_date",
        v.parse_date,
        DATE,
        required=True,
        aliases=("Ngày vào làm", "Ngày bắt đầu"),
    ),
    _col("ethnicity", "Dân tộc", "ethnicity", fmt=("Để trống = Kinh.", "Empty = Kinh.")),
    _col("religion", "Tôn giáo", "religion", fmt=("Để trống = không.", "Empty = none.")),
    _col("party_member", "Đảng viên", "party_member", v.parse_bool, BOOL),
    _col("position", "Chức vụ", "position", aliases=("Chức danh",)),
    _col("unit", "Đơn vị", "unit", fmt=UNIT, aliases=("Phòng ban", "Đơn vị công tác")),
    _col(
        "origin",
        "Nguồn",
        "origin",
        _enum(StaffOrigin),
        ("Để trống = Khác.", "Empty = Other."),
        aliases=("Nguồn nhân sự", "Nguồn gốc"),
    ),
    _col(
        "origin_note",
        "Ghi chú nguồn",
        "origin_note",
        fmt=("Ví dụ: tên xã cũ, tên huyện cũ.", "E.g. the former commune."),
    ),
    _col(
        "end_date",
        "Ngày thôi công tác",
        "end_date",
        v.parse_date,
        ("Ngày đầu tiên không còn công tác. " + DATE[0], "First day no longer in post. " + DATE[1]),
    ),
    _col("end_reason", "Lý do thôi công tác", "end_reason"),
    _col(
        "professional_level",
        "Trình độ chuyên môn",
        "professional_level",
        _enum(ProfessionalLevel),
        ("Để trống = Chưa qua đào tạo.", "Empty = None."),
    ),
    _col("professional_field", "Chuyên ngành", "professional_field"),
    _col(
        "political_theory",
        "Lý luận chính trị",
        "political_theory",
        _enum(PoliticalTheory),
        ("Để trống = Chưa qua đào tạo.", "Empty = None."),
    ),
    _col("it_level", "Tin học", "it_level", _enum(ITLevel), ("Để trống = Chưa có.", "Empty = None.")),
    _col(
        "foreign_language",
        "Ngoại ngữ",
        "foreign_language",
        _enum(LanguageLevel),
        ("Để trống = Chưa có.", "Empty = None."),
    ),
    _col(
        "ethnic_language", "Tiếng dân tộc thiểu số", "ethnic_language", v.parse_bool, BOOL, aliases=("Tiếng dân tộc",)
    ),
    _col(
        "works_at_center",
        "Làm việc tại Trung tâm PVHCC",
        "works_at_center",
        v.parse_bool,
        BOOL,
        aliases=("Trung tâm PVHCC", "Làm việc tại Trung tâm"),
    ),
    _col("has_signature", "Có chữ ký số", "has_signature", v.parse_bool, BOOL, aliases=("Chữ ký số",)),
    _col("signature_expiry", "Hạn chữ ký số", "signature_expiry", v.parse_date, DATE),
    _col(
        "phone",
        "Số điện thoại",
        "phone",
        fmt=("Chữ số, dấu cách, dấu + ở đầu.", "Digits, spaces, leading +."),
        aliases=("Điện thoại",),
    ),
    _col("notes", "Ghi chú", "notes", multiline=True),
)

EQUIPMENT_COLUMNS: tuple[Column, ...] = (
    _col("kind", "Loại thiết bị", "kind", _enum(EquipmentKind), ("", ""), required=True),
    _col(
        "description",
        "Mô tả",
        "description",
        fmt=(
            "Tên, model; bắt buộc với «Thiết bị khác». Loại + mô tả + đơn vị nhận ra dòng khi nhập lại.",
            "Name/model; required for «Other». Kind + description + unit identify the line on re-import.",
        ),
        aliases=("Tên thiết bị", "Mô tả thiết bị"),
    ),
    _col("unit", "Đơn vị", "unit", fmt=UNIT, aliases=("Đơn vị sử dụng",)),
    _col("inventory_date", "Ngày kiểm kê", "inventory_date", v.parse_date, DATE, required=True),
    _col("required", "Số lượng cần có", "required", v.parse_int, COUNT, aliases=("Số cần có", "Cần có")),
    _col("available", "Số hiện có", "available", v.parse_int, COUNT, aliases=("Hiện có",)),
    _col(
        "working",
        "Số đang hoạt động",
        "working",
        v.parse_int,
        ("Số nguyên không âm, không lớn hơn số hiện có.", "Whole number ≥ 0, at most the available quantity."),
        aliases=("Số hoạt động tốt", "Đang hoạt động"),
    ),
    _col("condition_notes", "Tình trạng", "condition_notes", aliases=("Ghi chú tình trạng",), multiline=True),
    _col(
        "expiry_date",
        "Ngày hết hạn",
        "expiry_date",
        v.parse_date,
        ("Chỉ với chữ ký số. " + DATE[0], "Digital signatures only. " + DATE[1]),
    ),
)

PROPOSAL_COLUMNS: tuple[Column, ...] = (
    _col(
        "category",
        "Nhóm kiến nghị",
        "category",
        _enum(ProposalCategory),
        ("", ""),
        required=True,
        aliases=("Nhóm", "Lĩnh vực"),
    ),
    _col(
        "title",
        "Tiêu đề",
        "title",
        fmt=(
            "Tối đa 300 ký tự. Tiêu đề + ngày nêu nhận ra kiến nghị khi nhập lại.",
            "At most 300 characters. Title + date identify the proposal on re-import.",
        ),
        required=True,
    ),
    _col(
        "raised_date",
        "Ngày nêu",
        "raised_date",
        v.parse_date,
        DATE,
        required=True,
        aliases=("Ngày nêu kiến nghị", "Ngày kiến nghị"),
    ),
    _col("content", "Nội dung", "content", multiline=True),
    _col(
        "addressed_to",
        "Nơi nhận",
        "addressed_to",
        fmt=(
            "Cơ quan nhận; nhiều cơ quan cách nhau bằng dấu chấm phẩy.",
            "Receiving body; several separated by semicolons.",
        ),
        aliases=("Gửi cơ quan", "Cơ quan nhận"),
    ),
    _col("status", "Trạng thái", "status", _enum(ProposalStatus), ("Để trống = Dự thảo.", "Empty = Draft.")),
    _col("response_text", "Nội dung trả lời", "response_text", multiline=True),
    _col("response_date", "Ngày trả lời", "response_date", v.parse_date, DATE, aliases=("Ngày tỉnh trả lời",)),
)

COLUMNS: dict[str, tuple[Column, ...]] = {
    "dossiers": DOSSIER_COLUMNS,
    "procedures": PROCEDURE_COLUMNS,
    "holidays": HOLIDAY_COLUMNS,
    "staff": STAFF_COLUMNS,
    "equipment": EQUIPMENT_COLUMNS,
    "proposals": PROPOSAL_COLUMNS,
}


def _check_unique() -> None:
    for kind, cols in COLUMNS.items():
        seen: dict[str, str] = {}
        for c in cols:
            for name in (c.header, c.alias, *c.aliases):
                k = header_key(name)
                assert seen.get(k, c.key) == c.key, f"{kind}: header {name!r} is ambiguous"
                seen[k] = c.key


_check_unique()


@dataclass(frozen=True)
class ColumnMap:
    """Which file column holds which Column (by position in the row)."""

    positions: tuple[tuple[int, Column], ...]
    present: frozenset[str]  # keys of the columns found
    ignored: tuple[int, ...]  # positions of columns with an empty header


def match_columns(columns: tuple[Column, ...], header: list[str], header_row: int) -> tuple[ColumnMap, list[Problem]]:
    """Match the file's header cells to the kind's columns; problems for unknown, repeated or missing ones."""
    by_key: dict[str, Column] = {}
    for c in columns:
        for name in (c.header, c.alias, *c.aliases):
            by_key[header_key(name)] = c
    problems: list[Problem] = []
    positions: list[tuple[int, Column]] = []
    ignored: list[int] = []
    seen: dict[str, str] = {}
    unknown: list[str] = []
    for i, cell in enumerate(header):
        if not header_key(cell):
            ignored.append(i)
            continue
        col = by_key.get(header_key(cell))
        if col is None:
            unknown.append(cell)
            continue
        if col.key in seen:
            problems.append(
                Problem(
                    cell,
                    f"Cột «{cell}» trùng với cột «{seen[col.key]}» (cùng là «{col.header}»); hãy xóa một cột.",
                    f"Column «{cell}» repeats column «{seen[col.key]}» (both are «{col.header}»); delete one.",
                    header_row,
                )
            )
            continue
        seen[col.key] = cell
        positions.append((i, col))
    if unknown:
        accepted = "; ".join(c.header for c in columns)
        accepted_en = "; ".join(f"{c.header} ({c.alias})" for c in columns)
        names = "; ".join(f"«{u}»" for u in unknown)
        problems.append(
            Problem(
                "",
                f"Không nhận ra cột {names}. Các cột được dùng: {accepted}.",
                f"Unknown column(s) {names}. Accepted columns: {accepted_en}.",
                header_row,
            )
        )
    missing = [c for c in columns if c.required and c.key not in seen]
    if missing:
        problems.append(
            Problem(
                "",
                "Thiếu cột bắt buộc: " + "; ".join(f"«{c.header}»" for c in missing) + ".",
                "Missing required column(s): " + "; ".join(f"«{c.header}» ({c.alias})" for c in missing) + ".",
                header_row,
            )
        )
    return ColumnMap(tuple(positions), frozenset(seen), tuple(ignored)), problems
