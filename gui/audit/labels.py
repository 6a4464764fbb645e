"""The audit trail in the clerk's words: actions, kinds of record, field names and values.

The log stores table and column names and plain JSON values (ISO dates, enum codes); these
functions turn them into what the register screens show (Vietnamese names, dd/mm/yyyy, labels).
Unknown names are shown raw rather than hidden: the log must never look emptier than it is.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from storage.audit import AuditRow
from storage.errors import UserError
from storage.locks import PeriodStatus
from storage.periods import parse_period
from storage.vocab import (
    AreaType,
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
    ReportChannel,
    StaffCategory,
    StaffOrigin,
    UserRole,
)

#: The data_changed kind each restorable table's screens listen to.
NOTIFY_KIND = {
    "dossier": "dossiers",
    "supplement_request": "dossiers",
    "staff": "staff",
    "equipment": "equipment",
    "proposal": "proposals",
    "report_sent": "reports_sent",
}

#: Columns holding a vocabulary code, shown with its label.
_ENUMS: dict[str, type] = {
    "gender": Gender,
    "origin": StaffOrigin,
    "professional_level": ProfessionalLevel,
    "political_theory": PoliticalTheory,
    "it_level": ITLevel,
    "foreign_language": LanguageLevel,
    "outcome": Outcome,
    "role": UserRole,
    "area_type": AreaType,
}
_TABLE_ENUMS: dict[tuple[str, str], type] = {
    ("staff", "category"): StaffCategory,
    ("staff_quota", "category"): StaffCategory,
    ("dossier", "channel"): Channel,
    ("equipment", "kind"): EquipmentKind,
    ("proposal", "category"): ProposalCategory,
    ("province_proposal", "category"): ProposalCategory,
    ("proposal", "status"): ProposalStatus,
    ("report_sent", "channel"): ReportChannel,
    ("period_lock", "status"): PeriodStatus,
}


# Account columns the login itself writes (a successful or wrong attempt), not an administrator's edit.
_LOGIN_BOOKKEEPING = {"failed_logins", "locked_until", "last_login_at"}
# A period lock's new status names what the officer did.
_LOCK_ACTIONS = {"finalized": "finalize", "reopened": "reopen", "sent": "send"}


def entry_action(row: AuditRow) -> str:
    """What an entry did in the office's terms, not the row change that stores it.

    Finalizing a period is a new period_lock row and a wrong password an update of the account's
    counter; the log shows "Chốt báo cáo" and "Đăng nhập sai" rather than "Thêm"/"Sửa".
    """
    if row.table_name == "period_lock" and row.action in ("create", "update"):
        return _LOCK_ACTIONS.get(str(row.new_values.get("status")), row.action)
    changed = set(row.old_values) | set(row.new_values)
    if row.table_name == "app_user" and row.action == "update" and changed and changed <= _LOGIN_BOOKKEEPING:
        failed = (row.new_values.get("failed_logins") or 0) > (row.old_values.get("failed_logins") or 0)
        return "login_failed" if failed or row.new_values.get("locked_until") else "login_recorded"
    return row.action


def action_label(action: str) -> str:
    """The action word of the log's rows (unknown actions are shown as stored, never hidden)."""
    labels = {
        "create": QCoreApplication.translate("AuditLabels", "Thêm"),
        "update": QCoreApplication.translate("AuditLabels", "Sửa"),
        "delete": QCoreApplication.translate("AuditLabels", "Xóa"),
        "restore": QCoreApplication.translate("AuditLabels", "Khôi phục"),
        "import": QCoreApplication.translate("AuditLabels", "Nhập tệp"),
        "login": QCoreApplication.translate("AuditLabels", "Đăng nhập"),
        "login_failed": QCoreApplication.translate("AuditLabels", "Đăng nhập sai"),
        "logout": QCoreApplication.translate("AuditLabels", "Đăng xuất"),
        "login_recorded": QCoreApplication.translate("AuditLabels", "Ghi nhận đăng nhập"),
        "finalize": QCoreApplication.translate("AuditLabels", "Chốt báo cáo"),
        "reopen": QCoreApplication.translate("AuditLabels", "Mở khóa kỳ"),
        "send": QCoreApplication.translate("AuditLabels", "Gửi báo cáo lên tỉnh"),
    }
    return labels.get(action, action)


def row_action_label(row: AuditRow) -> str:
    return action_label(entry_action(row))


def table_labels() -> dict[str, str]:
    """Every kind of record the log can name, in display order."""
    return {
        "dossier": QCoreApplication.translate("AuditLabels", "Hồ sơ TTHC"),
        "supplement_request": QCoreApplication.translate("AuditLabels", "Yêu cầu bổ sung hồ sơ"),
        "staff": QCoreApplication.translate("AuditLabels", "Nhân sự"),
        "staff_quota": QCoreApplication.translate("AuditLabels", "Biên chế được giao"),
        "equipment": QCoreApplication.translate("AuditLabels", "Trang thiết bị"),
        "proposal": QCoreApplication.translate("AuditLabels", "Khó khăn, kiến nghị"),
        "report_document": QCoreApplication.translate("AuditLabels", "Văn bản báo cáo"),
        "report_sent": QCoreApplication.translate("AuditLabels", "Báo cáo đã gửi"),
        "period_lock": QCoreApplication.translate("AuditLabels", "Chốt kỳ báo cáo"),
        "unit": QCoreApplication.translate("AuditLabels", "Đơn vị"),
        "field": QCoreApplication.translate("AuditLabels", "Lĩnh vực"),
        "procedure": QCoreApplication.translate("AuditLabels", "Thủ tục hành chính"),
        "calendar_day": QCoreApplication.translate("AuditLabels", "Lịch làm việc"),
        "calendar_year": QCoreApplication.translate("AuditLabels", "Lịch làm việc (năm)"),
        "setting": QCoreApplication.translate("AuditLabels", "Cài đặt"),
        "commune_profile": QCoreApplication.translate("AuditLabels", "Thông tin xã"),
        "app_user": QCoreApplication.translate("AuditLabels", "Tài khoản"),
        "database": QCoreApplication.translate("AuditLabels", "Toàn bộ dữ liệu"),
        "trusted_key": QCoreApplication.translate("AuditLabels", "Khóa tin cậy"),
        "province_commune": QCoreApplication.translate("AuditLabels", "Danh sách xã"),
        "received_report": QCoreApplication.translate("AuditLabels", "Báo cáo xã gửi"),
        "province_proposal": QCoreApplication.translate("AuditLabels", "Kiến nghị của xã"),
        "response_file": QCoreApplication.translate("AuditLabels", "Tệp trả lời"),
    }


#: Kinds offered by the log's filter in each mode.
COMMUNE_TABLES = (
    "dossier",
    "supplement_request",
    "staff",
    "staff_quota",
    "equipment",
    "proposal",
    "report_document",
    "report_sent",
    "period_lock",
    "unit",
    "field",
    "procedure",
    "calendar_day",
    "setting",
    "commune_profile",
    "app_user",
)
PROVINCE_TABLES = (
    "received_report",
    "province_commune",
    "province_proposal",
    "response_file",
    "trusted_key",
    "setting",
    "app_user",
)


def table_label(table: str) -> str:
    return table_labels().get(table, table)


def field_labels() -> dict[str, str]:
    """Column names as the forms call them (one name per column, whichever table it is in)."""
    return {
        "id": QCoreApplication.translate("AuditLabels", "Mã số bản ghi"),
        "code": QCoreApplication.translate("AuditLabels", "Mã"),
        "name": QCoreApplication.translate("AuditLabels", "Tên"),
        "full_name": QCoreApplication.translate("AuditLabels", "Họ và tên"),
        "gender": QCoreApplication.translate("AuditLabels", "Giới tính"),
        "birth_date": QCoreApplication.translate("AuditLabels", "Ngày sinh"),
        "ethnicity": QCoreApplication.translate("AuditLabels", "Dân tộc"),
        "religion": QCoreApplication.translate("AuditLabels", "Tôn giáo"),
        "party_member": QCoreApplication.translate("AuditLabels", "Đảng viên"),
        "position": QCoreApplication.translate("AuditLabels", "Chức vụ"),
        "unit_id": QCoreApplication.translate("AuditLabels", "Đơn vị"),
        "category": QCoreApplication.translate("AuditLabels", "Loại"),
        "origin": QCoreApplication.translate("AuditLabels", "Nguồn"),
        "origin_note": QCoreApplication.translate("AuditLabels", "Ghi chú nguồn"),
        "start_date": QCoreApplication.translate("AuditLabels", "Bắt đầu công tác"),
        "end_date": QCoreApplication.translate("AuditLabels", "Thôi công tác từ ngày"),
        "end_reason": QCoreApplication.translate("AuditLabels", "Lý do thôi công tác"),
        "professional_level": QCoreApplication.translate("AuditLabels", "Trình độ chuyên môn"),
        "professional_field": QCoreApplication.translate("AuditLabels", "Chuyên ngành"),
        "political_theory": QCoreApplication.translate("AuditLabels", "Lý luận chính trị"),
        "it_level": QCoreApplication.translate("AuditLabels", "Tin học"),
        "foreign_language": QCoreApplication.translate("AuditLabels", "Ngoại ngữ"),
        "ethnic_language": QCoreApplication.translate("AuditLabels", "Tiếng dân tộc"),
        "works_at_center": QCoreApplication.translate("AuditLabels", "Làm việc tại TTPVHCC"),
        "has_signature": QCoreApplication.translate("AuditLabels", "Có chữ ký số"),
        "signature_expiry": QCoreApplication.translate("AuditLabels", "Chữ ký số hết hạn"),
        "phone": QCoreApplication.translate("AuditLabels", "Điện thoại"),
        "notes": QCoreApplication.translate("AuditLabels", "Ghi chú"),
        "procedure_id": QCoreApplication.translate("AuditLabels", "Thủ tục"),
        "applicant_name": QCoreApplication.translate("AuditLabels", "Người nộp"),
        "applicant_address": QCoreApplication.translate("AuditLabels", "Địa chỉ người nộp"),
        "applicant_phone": QCoreApplication.translate("AuditLabels", "Điện thoại người nộp"),
        "received_at": QCoreApplication.translate("AuditLabels", "Thời điểm tiếp nhận"),
        "channel": QCoreApplication.translate("AuditLabels", "Hình thức"),
        "due_date_computed": QCoreApplication.translate("AuditLabels", "Hạn trả (tính theo quy định)"),
        "due_date_override": QCoreApplication.translate("AuditLabels", "Hạn trả (sửa tay)"),
        "due_override_reason": QCoreApplication.translate("AuditLabels", "Lý do sửa hạn trả"),
        "finished_date": QCoreApplication.translate("AuditLabels", "Ngày có kết quả"),
        "outcome": QCoreApplication.translate("AuditLabels", "Kết quả"),
        "returned_date": QCoreApplication.translate("AuditLabels", "Ngày trả kết quả"),
        "apology_date": QCoreApplication.translate("AuditLabels", "Ngày gửi thư xin lỗi"),
        "apology_new_date": QCoreApplication.translate("AuditLabels", "Hẹn trả mới"),
        "handler_id": QCoreApplication.translate("AuditLabels", "Người xử lý"),
        "dossier_id": QCoreApplication.translate("AuditLabels", "Hồ sơ"),
        "requested_date": QCoreApplication.translate("AuditLabels", "Ngày yêu cầu bổ sung"),
        "completed_date": QCoreApplication.translate("AuditLabels", "Ngày bổ sung xong"),
        "reason": QCoreApplication.translate("AuditLabels", "Lý do"),
        "kind": QCoreApplication.translate("AuditLabels", "Loại"),
        "description": QCoreApplication.translate("AuditLabels", "Mô tả"),
        "required": QCoreApplication.translate("AuditLabels", "Số cần có"),
        "available": QCoreApplication.translate("AuditLabels", "Số hiện có"),
        "working": QCoreApplication.translate("AuditLabels", "Số đang dùng được"),
        "condition_notes": QCoreApplication.translate("AuditLabels", "Tình trạng"),
        "inventory_date": QCoreApplication.translate("AuditLabels", "Ngày kiểm kê"),
        "expiry_date": QCoreApplication.translate("AuditLabels", "Hết hạn"),
        "title": QCoreApplication.translate("AuditLabels", "Tiêu đề"),
        "content": QCoreApplication.translate("AuditLabels", "Nội dung"),
        "raised_date": QCoreApplication.translate("AuditLabels", "Ngày nêu"),
        "addressed_to": QCoreApplication.translate("AuditLabels", "Gửi tới"),
        "status": QCoreApplication.translate("AuditLabels", "Trạng thái"),
        "response_text": QCoreApplication.translate("AuditLabels", "Nội dung trả lời"),
        "response_date": QCoreApplication.translate("AuditLabels", "Ngày trả lời"),
        "report_id": QCoreApplication.translate("AuditLabels", "Báo cáo"),
        "period_spec": QCoreApplication.translate("AuditLabels", "Kỳ báo cáo"),
        "period_start": QCoreApplication.translate("AuditLabels", "Từ ngày"),
        "period_end": QCoreApplication.translate("AuditLabels", "Đến ngày"),
        "official": QCoreApplication.translate("AuditLabels", "Theo ngày chốt số liệu"),
        "start": QCoreApplication.translate("AuditLabels", "Từ ngày"),
        "end": QCoreApplication.translate("AuditLabels", "Đến ngày"),
        "revision": QCoreApplication.translate("AuditLabels", "Lần báo cáo"),
        "finalized_at": QCoreApplication.translate("AuditLabels", "Chốt lúc"),
        "finalized_by": QCoreApplication.translate("AuditLabels", "Người chốt"),
        "reopened_at": QCoreApplication.translate("AuditLabels", "Mở khóa lúc"),
        "reopened_by": QCoreApplication.translate("AuditLabels", "Người mở khóa"),
        "document_number": QCoreApplication.translate("AuditLabels", "Số văn bản"),
        "sent_date": QCoreApplication.translate("AuditLabels", "Ngày gửi"),
        "file_name": QCoreApplication.translate("AuditLabels", "Tệp"),
        "sha256": QCoreApplication.translate("AuditLabels", "Mã SHA-256"),
        "recipient": QCoreApplication.translate("AuditLabels", "Nơi nhận"),
        "year": QCoreApplication.translate("AuditLabels", "Năm"),
        "quota": QCoreApplication.translate("AuditLabels", "Biên chế được giao"),
        "decision_ref": QCoreApplication.translate("AuditLabels", "Quyết định giao"),
        "username": QCoreApplication.translate("AuditLabels", "Tên đăng nhập"),
        "role": QCoreApplication.translate("AuditLabels", "Vai trò"),
        "active": QCoreApplication.translate("AuditLabels", "Đang dùng"),
        "password_hash": QCoreApplication.translate("AuditLabels", "Mật khẩu"),
        "must_change_password": QCoreApplication.translate("AuditLabels", "Phải đổi mật khẩu"),
        "failed_logins": QCoreApplication.translate("AuditLabels", "Số lần nhập sai mật khẩu liên tiếp"),
        "locked_until": QCoreApplication.translate("AuditLabels", "Tạm khóa đến"),
        "last_login_at": QCoreApplication.translate("AuditLabels", "Đăng nhập lần cuối"),
        "key": QCoreApplication.translate("AuditLabels", "Mục cài đặt"),
        "value": QCoreApplication.translate("AuditLabels", "Giá trị"),
        "day": QCoreApplication.translate("AuditLabels", "Ngày"),
        "field_id": QCoreApplication.translate("AuditLabels", "Lĩnh vực"),
        "short_name": QCoreApplication.translate("AuditLabels", "Tên viết tắt"),
        "is_service_center": QCoreApplication.translate("AuditLabels", "Là Trung tâm Phục vụ hành chính công"),
        "sort_order": QCoreApplication.translate("AuditLabels", "Thứ tự"),
        "time_unit": QCoreApplication.translate("AuditLabels", "Tính thời hạn theo"),
        "days_direct": QCoreApplication.translate("AuditLabels", "Số ngày (nộp trực tiếp)"),
        "days_online": QCoreApplication.translate("AuditLabels", "Số ngày (nộp trực tuyến)"),
        "days_postal": QCoreApplication.translate("AuditLabels", "Số ngày (nộp qua bưu chính)"),
        "posting_url": QCoreApplication.translate("AuditLabels", "Địa chỉ công khai"),
        "commune_code": QCoreApplication.translate("AuditLabels", "Mã xã"),
        "area_type": QCoreApplication.translate("AuditLabels", "Khu vực"),
        "inserted": QCoreApplication.translate("AuditLabels", "Số bản ghi mới"),
        "updated": QCoreApplication.translate("AuditLabels", "Số bản ghi cập nhật"),
    }


def field_label(name: str) -> str:
    return field_labels().get(name, name)


def when_text(at: datetime) -> str:
    return at.strftime("%d/%m/%Y %H:%M")


def user_text(username: str) -> str:
    """Who acted; changes made before any account existed (set-up, demo) are the program's own."""
    return username or QCoreApplication.translate("AuditLabels", "(hệ thống)")


def value_text(table: str, name: str, value: Any, lang: str) -> str:
    """One stored value as the forms show it: dd/mm/yyyy dates, labels of codes, Có/Không."""
    if value is None or value == "":
        return QCoreApplication.translate("AuditLabels", "(trống)")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("AuditLabels", "Có")
            if value
            else QCoreApplication.translate("AuditLabels", "Không")
        )
    if name == "period_spec" and isinstance(value, str):
        return period_text(value, lang)
    enum = _TABLE_ENUMS.get((table, name)) or _ENUMS.get(name)
    if enum is not None:
        try:
            return enum(value).label(lang)
        except (ValueError, KeyError):
            return str(value)
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            if len(value) == 10:
                return date.fromisoformat(value).strftime("%d/%m/%Y")
            return datetime.fromisoformat(value).strftime("%d/%m/%Y %H:%M")
        except ValueError:
            return value
    return str(value)


def period_text(spec: str, lang: str) -> str:
    """A stored period spec as the reports screen names it ("Tháng 7 năm 2025"), or as stored if unreadable."""
    try:
        return parse_period(spec).label(lang)
    except UserError:
        return spec


def record_text(row: AuditRow, lang: str = "vi") -> str:
    """The record an entry is about: its name, or its kind and number when it has none."""
    if row.table_name == "period_lock" and row.summary:
        return period_text(row.summary, lang)
    if row.action in ("login", "logout") and row.summary:
        return row.summary.partition(": ")[2] or row.summary  # the account ("Đăng nhập: lanhdao" is stored)
    if row.summary:
        return row.summary
    return f"{table_label(row.table_name)} #{row.record_id}" if row.record_id else table_label(row.table_name)


#: Bookkeeping columns: who created/last changed a row is the entry's own "who".
_NOT_SHOWN = {"created_by_id", "updated_by_id"}


def changed_fields(row: AuditRow) -> list[str]:
    """The fields an entry shows: changed ones for an update, filled ones for a new or deleted record."""
    order = _field_order(row.table_name)
    if row.action == "update":
        return sorted((set(row.old_values) | set(row.new_values)) - _NOT_SHOWN, key=order)
    values = row.new_values or row.old_values
    return [k for k in sorted(values, key=order) if values[k] not in (None, "") and k not in _NOT_SHOWN]


def _field_order(_table: str):  # type: ignore[no-untyped-def]
    order = list(field_labels())
    return lambda name: (order.index(name) if name in order else len(order), name)


def changes_text(row: AuditRow, lang: str, limit: int = 3) -> str:
    """A one-line summary for the table: "Họ và tên: A → B; Chức vụ: … (+2)"."""
    if row.action != "update":
        return ""
    names = changed_fields(row)
    parts = [
        f"{field_label(n)}: {value_text(row.table_name, n, row.old_values.get(n), lang)} → "
        f"{value_text(row.table_name, n, row.new_values.get(n), lang)}"
        for n in names[:limit]
    ]
    more = len(names) - limit
    return "; ".join(parts) + (f" (+{more})" if more > 0 else "")
