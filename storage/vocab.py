"""Controlled vocabularies (categories, kinds, statuses) with their Vietnamese and English labels.

Values are stored as short ASCII codes so that files, exchange formats and the database stay
stable when a label is reworded; labels live here, in one place.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Labelled:
    """Mixin giving an enum member its Vietnamese/English label and a parser that accepts either."""

    _labels: dict[str, tuple[str, str]]

    def label(self, lang: str = "vi") -> str:
        vi, en = type(self)._labels[str(self.value)]  # type: ignore[attr-defined]
        return en if lang == "en" else vi

    @classmethod
    def parse(cls, text: str | int | None):  # type: ignore[no-untyped-def]
        """Accept the code, the Vietnamese or the English label (case and diacritics ignored)."""
        from storage.textsearch import fold

        if text is None:
            return None
        key = fold(str(text))
        if not key:
            return None
        for member in cls:  # type: ignore[attr-defined]
            vi, en = cls._labels[str(member.value)]
            if key in (fold(str(member.value)), fold(vi), fold(en), fold(member.name)):
                return member
        return None

    @classmethod
    def choices(cls, lang: str = "vi") -> list[str]:
        """All labels, in declaration order, for messages and combo boxes."""
        return [m.label(lang) for m in cls]  # type: ignore[attr-defined]


def _labels(cls, table: dict[str, tuple[str, str]]):  # type: ignore[no-untyped-def]
    cls._labels = table
    missing = {str(m.value) for m in cls} - set(table)
    assert not missing, f"labels missing for {cls.__name__}: {missing}"
    return cls


class Gender(Labelled, StrEnum):
    MALE = "M"
    FEMALE = "F"


_labels(Gender, {"M": ("Nam", "Male"), "F": ("Nữ", "Female")})


class StaffCategory(Labelled, StrEnum):
    """Staff categories at commune level (REFERENCE.md §7)."""

    CAN_BO = "can_bo"
    CONG_CHUC = "cong_chuc"
    VIEN_CHUC = "vien_chuc"
    HOP_DONG = "hop_dong"
    KHONG_CHUYEN_TRACH = "khong_chuyen_trach"
    THON_TO_DAN_PHO = "thon_to"
    BIET_PHAI = "biet_phai"


_labels(
    StaffCategory,
    {
        "can_bo": ("Cán bộ", "Elected official"),
        "cong_chuc": ("Công chức", "Civil servant"),
        "vien_chuc": ("Viên chức", "Public employee"),
        "hop_dong": ("Hợp đồng lao động", "Labour contract"),
        "khong_chuyen_trach": ("Người hoạt động không chuyên trách", "Semi-professional staff"),
        "thon_to": ("Người hoạt động ở thôn, tổ dân phố", "Village / residential group staff"),
        "biet_phai": ("Biệt phái từ tỉnh", "Seconded from the province"),
    },
)

#: Categories counted as official posts (biên chế): cán bộ + công chức.
OFFICIAL_POSTS = frozenset({StaffCategory.CAN_BO, StaffCategory.CONG_CHUC})


class StaffOrigin(Labelled, StrEnum):
    FORMER_DISTRICT = "former_district"
    MERGED_COMMUNE = "merged_commune"
    NEW_RECRUIT = "new_recruit"
    PROVINCE = "province"
    OTHER = "other"


_labels(
    StaffOrigin,
    {
        "former_district": ("Từ cấp huyện (cũ)", "Former district"),
        "merged_commune": ("Từ xã cũ (trước sáp nhập)", "Merged commune"),
        "new_recruit": ("Tuyển mới", "New recruit"),
        "province": ("Từ cấp tỉnh", "From the province"),
        "other": ("Khác", "Other"),
    },
)


class ProfessionalLevel(Labelled, StrEnum):
    DOCTOR = "doctor"
    MASTER = "master"
    UNIVERSITY = "university"
    COLLEGE = "college"
    INTERMEDIATE = "intermediate"
    ELEMENTARY = "elementary"
    NONE = "none"


_labels(
    ProfessionalLevel,
    {
        "doctor": ("Tiến sĩ", "Doctorate"),
        "master": ("Thạc sĩ", "Master"),
        "university": ("Đại học", "University"),
        "college": ("Cao đẳng", "College"),
        "intermediate": ("Trung cấp", "Intermediate"),
        "elementary": ("Sơ cấp", "Elementary"),
        "none": ("Chưa qua đào tạo", "None"),
    },
)


class PoliticalTheory(Labelled, StrEnum):
    BACHELOR = "bachelor"
    ADVANCED = "advanced"
    INTERMEDIATE = "intermediate"
    ELEMENTARY = "elementary"
    NONE = "none"


_labels(
    PoliticalTheory,
    {
        "bachelor": ("Cử nhân", "Bachelor"),
        "advanced": ("Cao cấp", "Advanced"),
        "intermediate": ("Trung cấp", "Intermediate"),
        "elementary": ("Sơ cấp", "Elementary"),
        "none": ("Chưa qua đào tạo", "None"),
    },
)


class ITLevel(Labelled, StrEnum):
    UNIVERSITY = "university"
    ADVANCED = "advanced"
    BASIC = "basic"
    NONE = "none"


_labels(
    ITLevel,
    {
        "university": ("Trung cấp trở lên", "Vocational degree or higher"),
        "advanced": ("Ứng dụng CNTT nâng cao", "Advanced IT skills certificate"),
        "basic": ("Ứng dụng CNTT cơ bản", "Basic IT skills certificate"),
        "none": ("Chưa có", "None"),
    },
)


class LanguageLevel(Labelled, StrEnum):
    UNIVERSITY = "university"
    CERTIFICATE = "certificate"
    NONE = "none"


_labels(
    LanguageLevel,
    {
        "university": ("Đại học trở lên", "Degree or higher"),
        "certificate": ("Chứng chỉ", "Certificate"),
        "none": ("Chưa có", "None"),
    },
)


class TimeUnitLabel(Labelled, StrEnum):
    """Labels for storage.deadlines.TimeUnit values (kept here so files can name them in Vietnamese)."""

    SAME_DAY = "same_day"
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"


_labels(
    TimeUnitLabel,
    {
        "same_day": ("Trong ngày", "Same day"),
        "working_days": ("Ngày làm việc", "Working days"),
        "calendar_days": ("Ngày", "Calendar days"),
    },
)


class Channel(Labelled, IntEnum):
    """Receiving channel, with the provincial codes (REFERENCE.md §4)."""

    DIRECT = 1
    ONLINE = 2
    POSTAL = 3


_labels(
    Channel,
    {
        "1": ("Trực tiếp", "Direct"),
        "2": ("Trực tuyến", "Online"),
        "3": ("Bưu chính", "Postal"),
    },
)


class Outcome(Labelled, IntEnum):
    """How a dossier ended, numbered with the provincial status codes (REFERENCE.md §4)."""

    NOT_ACCEPTED = 3
    WITHDRAWN = 7
    STOPPED = 8
    RESOLVED = 9


_labels(
    Outcome,
    {
        "3": ("Không tiếp nhận", "Not accepted"),
        "7": ("Công dân xin rút", "Withdrawn"),
        "8": ("Dừng xử lý", "Processing stopped"),
        "9": ("Đã giải quyết", "Resolved"),
    },
)


class ProvincialStatus(Labelled, IntEnum):
    """Provincial one-stop status codes; a dossier's current code is derived, never stored."""

    REGISTERED_ONLINE = 1
    RECEIVED = 2
    NOT_ACCEPTED = 3
    IN_PROCESS = 4
    SUPPLEMENT_REQUESTED = 5
    FINANCIAL_OBLIGATION = 6
    WITHDRAWN = 7
    STOPPED = 8
    PROCESSED = 9
    RETURNED = 10


_labels(
    ProvincialStatus,
    {
        "1": ("Đăng ký trực tuyến", "Registered online"),
        "2": ("Đã tiếp nhận", "Received"),
        "3": ("Không tiếp nhận", "Not accepted"),
        "4": ("Đang xử lý", "In process"),
        "5": ("Yêu cầu bổ sung", "Supplement requested"),
        "6": ("Yêu cầu thực hiện nghĩa vụ tài chính", "Financial obligation requested"),
        "7": ("Công dân xin rút", "Withdrawn by citizen"),
        "8": ("Dừng xử lý", "Processing stopped"),
        "9": ("Đã xử lý xong", "Processed"),
        "10": ("Đã trả kết quả", "Result returned"),
    },
)


class DossierState(Labelled, StrEnum):
    """Where a dossier stands on a given date (derived by storage.status)."""

    IN_TIME = "in_time"
    OVERDUE = "overdue"
    WAITING_SUPPLEMENT = "waiting_supplement"
    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"
    NOT_ACCEPTED = "not_accepted"
    NOT_YET_RECEIVED = "not_yet_received"


_labels(
    DossierState,
    {
        "in_time": ("Đang giải quyết, trong hạn", "In progress, within time"),
        "overdue": ("Đang giải quyết, quá hạn", "In progress, overdue"),
        "waiting_supplement": ("Chờ bổ sung", "Waiting for supplement"),
        "early": ("Đã giải quyết trước hạn", "Resolved early"),
        "on_time": ("Đã giải quyết đúng hạn", "Resolved on time"),
        "late": ("Đã giải quyết quá hạn", "Resolved late"),
        "not_accepted": ("Không tiếp nhận", "Not accepted"),
        "not_yet_received": ("Chưa tiếp nhận", "Not yet received"),
    },
)


class EquipmentKind(Labelled, StrEnum):
    """IT equipment checklist (REFERENCE.md §9)."""

    DESKTOP = "desktop"
    LAPTOP = "laptop"
    PRINTER = "printer"
    PHOTOCOPIER = "photocopier"
    SCANNER = "scanner"
    ID_READER = "id_reader"
    SIGNATURE = "signature"
    QUEUE_MACHINE = "queue_machine"
    DISPLAY = "display"
    CAMERA = "camera"
    NETWORK = "network"
    UPS = "ups"
    OTHER = "other"


_labels(
    EquipmentKind,
    {
        "desktop": ("Máy tính để bàn", "Desktop computer"),
        "laptop": ("Máy tính xách tay", "Laptop"),
        "printer": ("Máy in", "Printer"),
        "photocopier": ("Máy photocopy", "Photocopier"),
        "scanner": ("Máy scan", "Scanner"),
        "id_reader": ("Đầu đọc thẻ CCCD gắn chip", "Chip ID card reader"),
        "signature": ("Chứng thư số, chữ ký số", "Digital-signature certificate / token"),
        "queue_machine": ("Máy lấy số thứ tự", "Queue-number machine"),
        "display": ("Màn hình hiển thị", "Display screen"),
        "camera": ("Camera", "Camera"),
        "network": ("Đường truyền mạng, internet", "Network / internet link"),
        "ups": ("Bộ lưu điện (UPS)", "UPS"),
        "other": ("Thiết bị khác", "Other"),
    },
)


class ProposalCategory(Labelled, StrEnum):
    STAFFING = "staffing"
    FACILITIES = "facilities"
    IT = "it"
    LEGAL = "legal"
    TRANSFER = "transfer"
    INVESTMENT = "investment"
    DISASTER = "disaster"
    OTHER = "other"


_labels(
    ProposalCategory,
    {
        "staffing": ("Tổ chức bộ máy, nhân sự", "Staffing"),
        "facilities": ("Cơ sở vật chất, trang thiết bị", "Facilities and equipment"),
        "it": ("CNTT, phần mềm liên thông", "IT and connected software"),
        "legal": ("Văn bản pháp luật, hướng dẫn", "Legal documents and guidance"),
        "transfer": ("Chuyển giao nhiệm vụ từ cấp huyện", "Transfer of tasks from the former district"),
        "investment": ("Đầu tư công", "Public investment"),
        "disaster": ("Thiên tai, hạ tầng", "Natural disasters and infrastructure"),
        "other": ("Khác", "Other"),
    },
)


class ProposalStatus(Labelled, StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    ASSIGNED = "assigned"
    RESOLVED = "resolved"
    DECLINED = "declined"


_labels(
    ProposalStatus,
    {
        "draft": ("Dự thảo", "Draft"),
        "sent": ("Đã gửi tỉnh", "Sent"),
        "acknowledged": ("Tỉnh đã tiếp nhận", "Acknowledged"),
        "assigned": ("Đã giao sở, ngành", "Assigned"),
        "resolved": ("Đã giải quyết", "Resolved"),
        "declined": ("Không chấp nhận", "Declined"),
    },
)

#: Proposal statuses still waiting for an answer from the province.
OPEN_PROPOSAL_STATUSES = frozenset({ProposalStatus.SENT, ProposalStatus.ACKNOWLEDGED, ProposalStatus.ASSIGNED})


class ReportChannel(Labelled, StrEnum):
    USB = "usb"
    EMAIL = "email"
    PAPER = "paper"
    OTHER = "other"


_labels(
    ReportChannel,
    {
        "usb": ("USB", "USB stick"),
        "email": ("Thư điện tử", "Email"),
        "paper": ("Văn bản giấy", "Paper"),
        "other": ("Khác", "Other"),
    },
)


class UserRole(Labelled, StrEnum):
    CLERK = "clerk"
    OFFICER = "officer"
    ADMIN = "admin"


_labels(
    UserRole,
    {
        "clerk": ("Cán bộ nhập liệu", "Clerk"),
        "officer": ("Lãnh đạo", "Officer"),
        "admin": ("Quản trị", "Administrator"),
    },
)


class AreaType(Labelled, StrEnum):
    """How the province classes a commune's area (budget priority goes to mountainous communes)."""

    UNKNOWN = ""
    LOWLAND = "lowland"
    MIDLAND = "midland"
    MOUNTAINOUS = "mountainous"
    HIGHLAND = "highland"
    ISLAND = "island"


_labels(
    AreaType,
    {
        "": ("Chưa phân loại", "Not classified"),
        "lowland": ("Đồng bằng", "Lowland"),
        "midland": ("Trung du", "Midland"),
        "mountainous": ("Miền núi", "Mountainous"),
        "highland": ("Vùng cao", "Highland"),
        "island": ("Hải đảo", "Island"),
    },
)

#: Area types whose communes come first in the equipment budget (mountain and island areas).
PRIORITY_AREAS = frozenset({AreaType.MOUNTAINOUS, AreaType.HIGHLAND, AreaType.ISLAND})

#: Provincial departments a proposal may be addressed to (a completer list; free text allowed).
DEPARTMENTS: tuple[str, ...] = (
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Xây dựng",
    "Sở Nông nghiệp và Môi trường",
    "Sở Khoa học và Công nghệ",
    "Sở Tư pháp",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Công Thương",
    "Sở Dân tộc và Tôn giáo",
    "Văn phòng UBND tỉnh",
    "Ban Tổ chức Tỉnh ủy",
    "Trung tâm Phục vụ hành chính công tỉnh",
    "UBND tỉnh",
)
