"""Name pools for synthetic people (Kinh and the Thái / Khơ Mú families common in western Nghệ An)."""

from __future__ import annotations

import random

FAMILY = (
    "Lô",
    "Vi",
    "Lương",
    "Ngân",
    "Lữ",
    "Lang",
    "Kha",
    "Moong",
    "Xồng",
    "Nguyễn",
    "Trần",
    "Lê",
    "Phan",
    "Hoàng",
    "Đặng",
    "Võ",
    "Hồ",
    "Cụt",
    "La",
    "Quang",
)
MIDDLE_M = ("Văn", "Đức", "Thanh", "Minh", "Quang", "Hữu", "Xuân")
MIDDLE_F = ("Thị", "Thị", "Thị Thu", "Thị Hồng", "Ngọc", "Thị Mai")
GIVEN_M = (
    "Hải",
    "Sơn",
    "Tùng",
    "Dũng",
    "Thắng",
    "Lâm",
    "Phúc",
    "Hùng",
    "Cường",
    "Đạt",
    "Bình",
    "Khánh",
    "Toàn",
    "Việt",
    "Nam",
    "Quý",
    "Thành",
    "Lợi",
    "Tuấn",
    "Ước",
)
GIVEN_F = (
    "Hoa",
    "Lan",
    "Hương",
    "Mai",
    "Nga",
    "Thảo",
    "Uyên",
    "Yến",
    "Ánh",
    "Oanh",
    "Liên",
    "Hằng",
    "Ngân",
    "Dung",
    "Xuân",
    "Trang",
)
ETHNIC = {
    "Lô": "Thái",
    "Vi": "Thái",
    "Lương": "Thái",
    "Ngân": "Thái",
    "Lữ": "Thái",
    "Lang": "Thái",
    "Kha": "Khơ Mú",
    "Moong": "Khơ Mú",
    "Xồng": "Mông",
    "Cụt": "Khơ Mú",
    "La": "Thái",
    "Quang": "Thái",
}


def person(rng: random.Random, female: bool) -> tuple[str, str]:
    """A full name and its ethnicity."""
    family = rng.choice(FAMILY)
    middle = rng.choice(MIDDLE_F if female else MIDDLE_M)
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    return f"{family} {middle} {given}", ETHNIC.get(family, "Kinh")
