"""Blank templates for each kind of import, and the format guide, from the column specs.

``write_template(kind, path)`` writes ``.csv`` (UTF-8 with BOM, Vietnamese headers, example
rows) or ``.xlsx`` (bold headers, column widths, example rows, a "Hướng dẫn" sheet explaining
every column). The GUI's "download template" calls it; the shipped copies in
resources/templates/ and docs/import-formats.md are regenerated with

    .venv/bin/python -m storage.importing.templates
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from storage.errors import UserError
from storage.importing import values as v
from storage.importing.api import KINDS
from storage.importing.columns import COLUMNS, Column

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIR = ROOT / "resources" / "templates"
DOCS_PATH = ROOT / "docs" / "import-formats.md"
GUIDE_SHEET = "Hướng dẫn"

#: Example rows (column key -> cell text); every example imports cleanly into a database
#: holding the shipped catalog and the default units (tests/test_import_templates.py).
EXAMPLES: dict[str, list[dict[str, str]]] = {
    "dossiers": [
        {"code": "H40.16906-250115-0001", "procedure": "HT-KS", "applicant_name": "Nguyễn Văn An",
         "applicant_address": "Bản Xiềng, xã Lượng Minh", "applicant_phone": "0912345678",
         "received_at": "15/01/2025 08:30", "channel": "Trực tiếp", "finished_date": "15/01/2025",
         "outcome": "Đã giải quyết", "returned_date": "15/01/2025"},
        {"code": "H40.16906-250115-0002", "procedure": "Cấp Giấy xác nhận tình trạng hôn nhân",
         "applicant_name": "Lô Thị Bình", "applicant_address": "Bản Văng Môn, xã Lượng Minh",
         "received_at": "15/01/2025 15:20", "channel": "Trực tuyến", "finished_date": "23/01/2025",
         "outcome": "Đã giải quyết", "returned_date": "24/01/2025", "supplement_requested": "16/01/2025",
         "supplement_completed": "20/01/2025", "supplement_reason": "Thiếu bản sao căn cước"},
        {"code": "H40.16906-250116-0001", "procedure": "HT-TDCC", "applicant_name": "Vi Văn Cường",
         "received_at": "16/01/2025 09:05", "channel": "Bưu chính", "notes": "Chờ xác minh tại xã cũ"},
    ],
    "staff": [
        {"full_name": "Nguyễn Văn An", "gender": "Nam", "birth_date": "12/03/1980", "category": "Cán bộ",
         "start_date": "01/07/2025", "ethnicity": "Kinh", "party_member": "Có", "position": "Chủ tịch UBND xã",
         "unit": "Lãnh đạo HĐND, UBND", "origin": "Từ xã cũ (trước sáp nhập)", "origin_note": "Xã Yên Tĩnh cũ",
         "professional_level": "Đại học", "professional_field": "Luật", "political_theory": "Cao cấp",
         "it_level": "Ứng dụng CNTT cơ bản", "foreign_language": "Chứng chỉ", "has_signature": "Có",
         "signature_expiry": "31/12/2027", "phone": "0912345678"},
        {"full_name": "Lô Thị Hoa", "gender": "Nữ", "birth_date": "05/09/1992", "category": "Công chức",
         "start_date": "01/07/2025", "ethnicity": "Thái", "party_member": "Không",
         "position": "Công chức Tư pháp – Hộ tịch", "unit": "Trung tâm Phục vụ hành chính công",
         "origin": "Từ xã cũ (trước sáp nhập)", "professional_level": "Đại học", "professional_field": "Luật",
         "political_theory": "Trung cấp", "it_level": "Ứng dụng CNTT cơ bản", "foreign_language": "Chứng chỉ",
         "ethnic_language": "Có", "works_at_center": "Có", "has_signature": "Có", "signature_expiry": "30/06/2026"},
        {"full_name": "Vi Văn Bình", "gender": "Nam", "birth_date": "20/11/1998", "category": "Hợp đồng lao động",
         "start_date": "15/08/2025", "ethnicity": "Thái", "position": "Nhân viên văn thư",
         "unit": "Văn phòng HĐND và UBND", "origin": "Tuyển mới", "professional_level": "Cao đẳng",
         "professional_field": "Văn thư lưu trữ", "it_level": "Ứng dụng CNTT cơ bản"},
    ],
    "equipment": [
        {"kind": "Máy tính để bàn", "description": "Dell OptiPlex 3000", "unit": "Trung tâm Phục vụ hành chính công",
         "inventory_date": "01/07/2025", "required": "6", "available": "5", "working": "4",
         "condition_notes": "1 máy hỏng bộ nguồn"},
        {"kind": "Máy lấy số thứ tự", "unit": "Trung tâm Phục vụ hành chính công", "inventory_date": "01/07/2025",
         "required": "1", "available": "0", "working": "0", "condition_notes": "Chưa được cấp"},
        {"kind": "Chứng thư số, chữ ký số", "description": "Chữ ký số tổ chức của UBND xã",
         "unit": "Văn phòng HĐND và UBND", "inventory_date": "01/07/2025", "required": "1", "available": "1",
         "working": "1", "expiry_date": "31/12/2027"},
    ],
    "proposals": [
        {"category": "Cơ sở vật chất, trang thiết bị",
         "title": "Đề nghị cấp máy lấy số thứ tự cho Trung tâm Phục vụ hành chính công", "raised_date": "15/07/2025",
         "content": "Trung tâm chưa có máy lấy số thứ tự và màn hình hiển thị.",
         "addressed_to": "Sở Khoa học và Công nghệ", "status": "Đã gửi tỉnh"},
        {"category": "CNTT, phần mềm liên thông",
         "title": "Lỗi đồng bộ hồ sơ lên Hệ thống thông tin giải quyết TTHC tỉnh", "raised_date": "20/07/2025",
         "content": "Hồ sơ trực tuyến không đồng bộ trạng thái đã trả kết quả.", "addressed_to": "Văn phòng UBND tỉnh",
         "status": "Đã giải quyết", "response_text": "Đã khắc phục lỗi đồng bộ.", "response_date": "05/08/2025"},
        {"category": "Tổ chức bộ máy, nhân sự", "title": "Bổ sung biên chế công chức địa chính",
         "raised_date": "01/08/2025", "status": "Dự thảo"},
    ],
    "procedures": [
        {"code": "HKD-TL", "name": "Đăng ký thành lập hộ kinh doanh", "field": "Hộ kinh doanh",
         "time_unit": "Ngày làm việc", "days_direct": "3", "days_online": "3", "active": "Có",
         "notes": "Thời hạn theo bộ thủ tục tỉnh công bố."},
        {"code": "CT-HDGD", "name": "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản",
         "field": "Chứng thực", "time_unit": "Ngày làm việc", "days_direct": "2", "active": "Có"},
        {"code": "HT-KS", "name": "Đăng ký khai sinh", "field": "Hộ tịch", "time_unit": "Trong ngày",
         "days_direct": "0", "active": "Có"},
    ],
    "holidays": [
        {"day": "26/04/2025", "kind": "Làm bù", "name": "Làm bù cho ngày 02/05/2025"},
        {"day": "02/05/2025", "kind": "Nghỉ", "name": "Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)"},
        {"day": "01/09/2025", "kind": "Nghỉ", "name": "Quốc khánh (ngày liền kề)"},
    ],
}  # fmt: skip

_INTRO_VI = [
    "Dòng đầu tiên là dòng tiêu đề; mỗi dòng bên dưới là một bản ghi. Có thể bỏ các cột không bắt buộc.",
    "Ngày ghi dạng dd/mm/yyyy (ví dụ 05/01/2026); ngày giờ ghi dd/mm/yyyy HH:MM (ví dụ 05/01/2026 14:30).",
    "Nhập «tất cả hoặc không»: nếu có một dòng sai, không dòng nào được lưu; phần mềm liệt kê mọi lỗi "
    "theo số dòng và tên cột để sửa rồi nhập lại.",
    "Nhập lại cùng một tệp không tạo bản ghi trùng: bản ghi đã có được cập nhật, cột không có trong tệp giữ nguyên.",
    "Lưu tệp dạng Excel (.xlsx) hoặc «CSV UTF-8 (phân cách bằng dấu phẩy)».",
]


def _sheet_title(kind: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", " ", KINDS[kind].vi)[:31]


def _check_kind(kind: str) -> list[Column]:
    if kind not in COLUMNS:
        raise UserError(f"Không có mẫu nhập cho loại «{kind}».", f"No import template for «{kind}».")
    return list(COLUMNS[kind])


def write_template(kind: str, path: Path | str) -> Path:
    """Write the template for ``kind`` as .csv or .xlsx (chosen by the file name's extension)."""
    _check_kind(kind)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        path.write_bytes(csv_template(kind))
    elif suffix == ".xlsx":
        path.write_bytes(xlsx_template(kind))
    else:
        raise UserError("Tệp mẫu phải có đuôi .xlsx hoặc .csv.", "The template file name must end in .xlsx or .csv.")
    return path


def csv_template(kind: str) -> bytes:
    """The CSV template: UTF-8 with BOM (Excel recognises it), comma-separated, CRLF lines."""
    cols = _check_kind(kind)
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([c.header for c in cols])
    for example in EXAMPLES[kind]:
        w.writerow([example.get(c.key, "") for c in cols])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _cell_value(col: Column, text: str) -> object:
    """Example text as the cell Excel would hold: real dates and numbers, text otherwise."""
    if not text:
        return None
    if col.parse is v.parse_date:
        return datetime.combine(v.parse_date(text), datetime.min.time())
    if col.parse is v.parse_datetime:
        return v.parse_datetime(text)
    if col.parse is v.parse_int:
        return int(text)
    return text


def xlsx_template(kind: str) -> bytes:
    """The Excel template: data sheet with bold headers and examples, then the "Hướng dẫn" sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    cols = _check_kind(kind)
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(kind)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for j, col in enumerate(cols, start=1):
        cell = ws.cell(row=1, column=j, value=col.header)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        width = len(col.header)
        for i, example in enumerate(EXAMPLES[kind], start=2):
            text = example.get(col.key, "")
            c = ws.cell(row=i, column=j, value=_cell_value(col, text))
            if col.parse is v.parse_date:
                c.number_format = "dd/mm/yyyy"
            elif col.parse is v.parse_datetime:
                c.number_format = "dd/mm/yyyy hh:mm"
            elif col.parse is v.text:
                c.number_format = "@"  # keep leading zeros of phone numbers and codes
            width = max(width, len(text))
        ws.column_dimensions[get_column_letter(j)].width = min(max(width + 2, 12), 50)
    ws.freeze_panes = "A2"

    guide = wb.create_sheet(GUIDE_SHEET)
    guide.cell(row=1, column=1, value=f"Hướng dẫn nhập: {KINDS[kind].vi}").font = Font(bold=True, size=14)
    r = 2
    for line in _INTRO_VI:
        guide.cell(row=r, column=1, value="• " + line)
        r += 1
    r += 1
    for j, title in enumerate(("Cột", "Tên tiếng Anh", "Bắt buộc", "Cách ghi", "Ví dụ"), start=1):
        c = guide.cell(row=r, column=j, value=title)
        c.font, c.fill = bold, fill
    for col in cols:
        r += 1
        example = next((e[col.key] for e in EXAMPLES[kind] if e.get(col.key)), "")
        row = (col.header, col.alias, "Có" if col.required else "", col.format_text("vi"), example)
        for j, value in enumerate(row, start=1):
            c = guide.cell(row=r, column=j, value=value)
            c.alignment = Alignment(wrap_text=True, vertical="top")
            c.number_format = "@"
        guide.cell(row=r, column=1).font = bold
    for letter, width in zip("ABCDE", (30, 24, 10, 70, 30), strict=True):
        guide.column_dimensions[letter].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return _reproducible_zip(buf.getvalue())


_FIXED_TIME = "2025-01-01T00:00:00Z"


def _reproducible_zip(data: bytes) -> bytes:
    """The same workbook bytes on every run (fixed dates), so regenerated templates do not churn in git."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                                 rb"\g<1>" + _FIXED_TIME.encode() + rb"\g<2>", content)  # fmt: skip
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, content)
    return out.getvalue()


# --- documentation ----------------------------------------------------------------------


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def docs_markdown() -> str:
    """docs/import-formats.md, generated from the same column specs as the importer."""
    lines = [
        "# Định dạng tệp nhập dữ liệu / Import file formats",
        "",
        "<!-- Generated by `python -m storage.importing.templates` from storage/importing/columns.py;"
        " edit those, not this file. -->",
        "",
        "## Quy định chung",
        "",
        "- **Loại tệp**: Excel `.xlsx` (trang tính đầu tiên, hoặc trang tính mang tên loại dữ liệu) hoặc CSV "
        "mã hóa **UTF-8** (có hoặc không có BOM), phân cách bằng dấu phẩy `,` hoặc dấu chấm phẩy `;` "
        "(tự nhận ra từ dòng tiêu đề). Trong Excel: *Lưu thành… → CSV UTF-8*. Tệp `.xls` cũ, PDF, CSV "
        "không phải UTF-8 bị từ chối kèm hướng dẫn.",
        "- **Dòng tiêu đề**: dòng không trống đầu tiên. Tên cột không phân biệt hoa thường, có dấu hay không "
        "dấu, khoảng trắng (`Ngày giờ tiếp nhận` = `NGAY GIO TIEP NHAN` = `received_at`). Có thể dùng tên "
        "tiếng Anh. Cột lạ hoặc thiếu cột bắt buộc: báo lỗi và liệt kê các cột hợp lệ. Thứ tự cột tùy ý; "
        "có thể bỏ cột không bắt buộc. Số dòng báo lỗi là số dòng trong Excel (dòng 1 = dòng đầu tệp).",
        "- **Ngày**: `dd/mm/yyyy` (ví dụ `05/01/2026`; nhận cả `5/1/2026`, `05-01-2026`, `05.01.2026`, "
        "`2026-01-05` và ô ngày tháng của Excel). Năm phải đủ 4 chữ số. Ngày không có thật (`31/02/2025`) "
        "bị báo lỗi.",
        "- **Ngày giờ** (ngày giờ tiếp nhận hồ sơ): `dd/mm/yyyy HH:MM` (ví dụ `05/01/2026 14:30`; nhận cả "
        "`8h30`, có giây, `2026-01-05T14:30`, `2026-01-05 14:30`, ô ngày giờ của Excel). **Bắt buộc có giờ**: "
        "hồ sơ thủ tục trong ngày nhận sau 15:00 tính hạn sang ngày làm việc tiếp theo. Ô Excel đúng 00:00 "
        "được coi là thiếu giờ.",
        "- **Số**: chỉ chữ số (`3`, không `3.5`, không `-1`, không `1.000`); ô số của Excel phải là số nguyên.",
        "- **Có/Không**: `Có` / `Không` (nhận cả `x`, `1`/`0`, `yes`/`no`, `true`/`false`); để trống = Không.",
        "- **Danh mục** (kênh, kết quả, loại cán bộ…): ghi đúng tên trong danh mục, có dấu hay không dấu, "
        "hoặc mã, hoặc tên tiếng Anh.",
        "- **Tất cả hoặc không**: trước khi lưu, phần mềm kiểm tra mọi dòng theo đúng các quy tắc của màn "
        "hình nhập liệu. Chỉ cần một dòng sai là **không dòng nào được lưu**; mọi lỗi được liệt kê theo "
        "số dòng và tên cột (tối đa 1.000 lỗi). Có thể *Kiểm tra trước* để xem lỗi và số bản ghi sẽ thêm "
        "mới / cập nhật / giữ nguyên mà không lưu gì. Hủy giữa chừng cũng không lưu gì.",
        "- **Nhập lại**: nhập lại cùng một tệp không tạo bản ghi trùng. Bản ghi được nhận ra theo khóa "
        "của từng loại (mã hồ sơ; họ tên + ngày sinh; loại thiết bị + mô tả + đơn vị; tiêu đề + ngày nêu; "
        "mã thủ tục; ngày). Bản ghi đã có mà dữ liệu giống hệt: giữ nguyên; khác: cập nhật. Khi cập nhật, "
        "**cột không có trong tệp giữ nguyên giá trị đã lưu**; ô để trống trong cột có mặt xóa giá trị đó "
        "(về mặc định). Hai dòng cùng khóa trong một tệp: báo lỗi ở dòng sau.",
        "- **Giới hạn**: tệp tối đa 50 MB và 200.000 dòng; mỗi ô tối đa 10.000 ký tự; số tối đa "
        "1.000.000.000; ngày trong các năm 1900–2100.",
        "- **Không nhận**: ô có **công thức** Excel (phần mềm không tính công thức: hãy *Dán đặc biệt → Chỉ giá "
        "trị*); ô có ký tự điều khiển không nhìn thấy được hoặc ký tự đổi chiều chữ (như U+202E); tệp có "
        "macro (.xlsm), tệp .xlsb, .xls, .ods, tệp đặt mật khẩu. Mỗi trường hợp có thông báo nói rõ ô hoặc "
        "cách lưu lại tệp.",
        "- **Tệp mẫu**: `resources/templates/<loại>.xlsx` (có trang *Hướng dẫn*) và `<loại>.csv`.",
        "",
    ]
    for kind, label in KINDS.items():
        cols = COLUMNS[kind]
        lines += [
            f"## {label.vi} (`{kind}`)",
            "",
            f"Mẫu: `resources/templates/{kind}.xlsx`, `resources/templates/{kind}.csv`. {_KIND_NOTES[kind]}",
            "",
            "| Cột (tiêu đề) | Tên tiếng Anh | Bắt buộc | Cách ghi | Ví dụ |",
            "|---|---|---|---|---|",
        ]
        for col in cols:
            example = next((e[col.key] for e in EXAMPLES[kind] if e.get(col.key)), "")
            lines.append(
                f"| {_md(col.header)} | `{col.alias}` | {'có' if col.required else ''} | "
                f"{_md(col.format_text('vi'))} | {_md(example)} |"
            )
        lines.append("")
    lines += [
        "## English summary",
        "",
        "Six kinds can be imported from `.xlsx` or UTF-8 CSV (comma or semicolon): "
        + ", ".join(f"`{kind}` ({label.en})" for kind, label in KINDS.items())
        + ". Headers are matched ignoring case, diacritics and spaces; each column also has the English "
        "alias shown in the tables. Dates are `dd/mm/yyyy` (ISO and Excel date cells accepted); the dossier "
        "receipt needs a time (`dd/mm/yyyy HH:MM`) because of the 15:00 same-day rule. Imports are "
        "all-or-nothing: one bad row and nothing is stored, every problem being listed with its row number "
        "and column. Re-importing a file creates no duplicates: records are matched by their key (dossier "
        "code; name + birth date; kind + description + unit; title + date; procedure code; date), identical "
        "ones are left alone, different ones updated; columns absent from the file keep their stored values. "
        "Limits: 50 MB, 200,000 rows, 10,000 characters per cell, numbers up to 1,000,000,000, dates in "
        "1900–2100. Refused with a message naming the cell or the fix: formula cells (never evaluated), "
        "invisible control or text-direction characters, macro-enabled, .xlsb, .xls, .ods and "
        "password-protected files. The templates and this page are "
        "generated from `storage/importing/columns.py` by `python -m storage.importing.templates`.",
        "",
    ]
    return "\n".join(lines)


_KIND_NOTES = {
    "dossiers": "Mỗi dòng một hồ sơ, nhận ra theo **Mã hồ sơ**. Hạn giải quyết được tính theo thủ tục, kênh, "
    "lịch ngày nghỉ và thời gian chờ bổ sung (như khi nhập trên màn hình). Mỗi dòng ghi được một lần yêu cầu "
    "bổ sung; khi có các cột bổ sung trong tệp, chúng thay thế các lần bổ sung đã lưu của hồ sơ.",
    "staff": "Mỗi dòng một người, nhận ra theo **Họ và tên + Ngày sinh**. Đơn vị phải có sẵn trong danh sách "
    "đơn vị của xã.",
    "equipment": "Mỗi dòng một loại thiết bị của một đơn vị, nhận ra theo **Loại thiết bị + Mô tả + Đơn vị**. "
    "Số đang hoạt động không được lớn hơn số hiện có.",
    "proposals": "Mỗi dòng một kiến nghị, nhận ra theo **Tiêu đề + Ngày nêu**.",
    "procedures": "Mỗi dòng một thủ tục, nhận ra theo **Mã thủ tục**. Lĩnh vực phải có trong danh mục lĩnh vực.",
    "holidays": "Mỗi dòng một ngày, nhận ra theo **Ngày**. «Nghỉ» chỉ dùng cho ngày thường (thứ Hai–thứ Sáu), "
    "«Làm bù» chỉ dùng cho thứ Bảy, Chủ nhật.",
}


def main(argv: list[str] | None = None) -> int:
    """Regenerate resources/templates/* and docs/import-formats.md."""
    del argv  # no options
    TEMPLATE_DIR.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        write_template(kind, TEMPLATE_DIR / f"{kind}.csv")
        write_template(kind, TEMPLATE_DIR / f"{kind}.xlsx")
    DOCS_PATH.parent.mkdir(parents=True, exist_ok=True)
    DOCS_PATH.write_text(docs_markdown(), encoding="utf-8")
    print(f"wrote {len(KINDS) * 2} templates to {TEMPLATE_DIR} and {DOCS_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
