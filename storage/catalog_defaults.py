"""The catalog shipped with Commune Desk: commune-level fields and common procedures (REFERENCE.md §6).

Durations are the published ones; entries marked "chưa xác nhận" (unconfirmed) in their notes
should be checked against the province's published procedure set. Codes are local short codes:
a commune may replace them with the national procedure codes from the public service portal.
"""

from __future__ import annotations

from typing import NamedTuple

FIELDS: tuple[tuple[str, str], ...] = (
    ("HO_TICH", "Hộ tịch"),
    ("CHUNG_THUC", "Chứng thực"),
    ("NUOI_CON_NUOI", "Nuôi con nuôi"),
    ("HOA_GIAI", "Hòa giải cơ sở"),
    ("DAT_DAI", "Đất đai"),
    ("MOI_TRUONG", "Môi trường"),
    ("XAY_DUNG", "Xây dựng – Nhà ở"),
    ("HO_KINH_DOANH", "Hộ kinh doanh"),
    ("BAO_TRO_XH", "Bảo trợ xã hội"),
    ("NGUOI_CO_CONG", "Người có công"),
    ("TRE_EM", "Trẻ em"),
    ("LAO_DONG", "Lao động – Việc làm"),
    ("GIAO_DUC", "Giáo dục"),
    ("Y_TE", "Y tế"),
    ("VAN_HOA", "Văn hóa – Thể thao"),
    ("TON_GIAO", "Tôn giáo"),
    ("THI_DUA", "Thi đua – Khen thưởng"),
    ("NONG_NGHIEP", "Nông nghiệp"),
)


class DefaultProcedure(NamedTuple):
    code: str
    name: str
    field_code: str
    time_unit: str
    days: int
    notes: str = ""


UNCONFIRMED = "Thời hạn chưa xác nhận – kiểm tra theo bộ TTHC tỉnh công bố."

PROCEDURES: tuple[DefaultProcedure, ...] = (
    DefaultProcedure("HT-KS", "Đăng ký khai sinh", "HO_TICH", "same_day", 0),
    DefaultProcedure(
        "HT-KH", "Đăng ký kết hôn", "HO_TICH", "same_day", 0, "Trường hợp cần xác minh: không quá 05 ngày làm việc."
    ),
    DefaultProcedure("HT-BSTL", "Cấp bản sao trích lục hộ tịch", "HO_TICH", "same_day", 0),
    DefaultProcedure(
        "HT-XNHN",
        "Cấp Giấy xác nhận tình trạng hôn nhân",
        "HO_TICH",
        "working_days",
        3,
        "Trường hợp cần xác minh: không quá 23 ngày làm việc.",
    ),
    DefaultProcedure(
        "HT-LTKS",
        "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ em dưới 6 tuổi",
        "HO_TICH",
        "working_days",
        15,
    ),
    DefaultProcedure("HT-KT", "Đăng ký khai tử", "HO_TICH", "same_day", 0, UNCONFIRMED),
    DefaultProcedure(
        "HT-TDCC", "Thay đổi, cải chính, bổ sung thông tin hộ tịch", "HO_TICH", "working_days", 3, UNCONFIRMED
    ),
    DefaultProcedure(
        "CT-BS",
        "Chứng thực bản sao từ bản chính",
        "CHUNG_THUC",
        "same_day",
        0,
        "Nhận sau 15 giờ: trả trong ngày làm việc tiếp theo; số lượng lớn: thêm tối đa 02 ngày làm việc.",
    ),
    DefaultProcedure("CT-CK", "Chứng thực chữ ký", "CHUNG_THUC", "same_day", 0),
    DefaultProcedure(
        "DD-GD",
        "Giao đất, cho thuê đất, chuyển mục đích sử dụng đất",
        "DAT_DAI",
        "working_days",
        15,
        "Xã miền núi, vùng khó khăn: 25 ngày làm việc.",
    ),
    DefaultProcedure(
        "DD-DKLD",
        "Đăng ký đất đai lần đầu",
        "DAT_DAI",
        "working_days",
        17,
        "Xã miền núi, vùng khó khăn: 27 ngày làm việc.",
    ),
    DefaultProcedure(
        "DD-GCN",
        "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu",
        "DAT_DAI",
        "working_days",
        20,
        "Xã miền núi, vùng khó khăn: 30 ngày làm việc.",
    ),
    DefaultProcedure("BTXH-TCHT", "Trợ cấp xã hội hằng tháng", "BAO_TRO_XH", "working_days", 10),
)
