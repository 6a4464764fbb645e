"""Vietnamese search folding and alphabet order, with hand-checked expected orders."""

from __future__ import annotations

import unicodedata

import pytest

from storage.textsearch import fold, matches, name_sort_key, vietnamese_sort_key


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Nguyễn  Văn Đức", "nguyen van duc"),
        ("  Hộ tịch\t\nChứng thực ", "ho tich chung thuc"),
        ("ĐỖ THỊ ƯỚC", "do thi uoc"),
        ("Ðỗ Văn Ðạt", "do van dat"),  # Đ typed as the Icelandic eth by legacy encodings
        ("Phường Bến Thành", "phuong ben thanh"),
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(nfd(text)) == folded


@pytest.mark.parametrize(
    ("query", "text", "found"),
    [
        ("nguyen van", "Nguyễn Văn A", True),
        ("ho tich", "Hộ tịch", True),
        ("Hộ Tịch", "ho tich", True),
        ("van nguyen", "Nguyễn Văn A", True),  # word order does not matter
        ("duc", "Lê Đức Đạt", True),
        ("ngu", "Nguyễn Văn A", True),  # partial words are found
        ("nguyen xuan", "Nguyễn Văn A", False),
        ("tran", "Nguyễn Văn A", False),
        ("", "anything", True),
        ("  ", "", True),
    ],
)
def test_matches(query: str, text: str, found: bool) -> None:
    assert matches(query, text) is found
    assert matches(nfd(query), nfd(text)) is found


def check_order(expected: list[str]) -> None:
    """Sorting any arrangement of ``expected`` gives it back."""
    assert sorted(reversed(expected), key=vietnamese_sort_key) == expected
    assert sorted(expected[1::2] + expected[::2], key=vietnamese_sort_key) == expected


def test_tone_order() -> None:
    check_order(["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"])
    check_order(["ma", "mà", "mả", "mã", "má", "mạ", "man"])  # letters outrank tones


def test_d_before_d_stroke() -> None:
    check_order(["Do", "Dung", "Dũng", "Đa", "Đạt", "Đông"])


def test_u_before_u_horn() -> None:
    check_order(["Tu", "Tuấn", "Tuyết", "Tư", "Tường"])


def test_o_before_o_circumflex_before_o_horn() -> None:
    check_order(["Hoa", "Hong", "Hô", "Hồng", "Hơ", "Hơn"])


def test_a_before_a_breve_before_a_circumflex() -> None:
    check_order(["An", "Anh", "Ăn", "Ân", "Bình"])


def test_e_before_e_circumflex_and_full_alphabet() -> None:
    letters = list("aăâbcdđeêghiklmnoôơpqrstuưvxy")
    check_order(letters)
    check_order([x.upper() for x in letters])


def test_case_only_breaks_ties() -> None:
    check_order(["an", "An", "anh", "Anh", "bình", "Bình"])


def test_decomposed_and_precomposed_sort_alike() -> None:
    for word in ["Nguyễn", "Đặng", "Trường", "Lưỡng", "Quỳnh", "Huệ"]:
        assert vietnamese_sort_key(nfd(word))[:3] == vietnamese_sort_key(word)[:3]


def test_spaces_sort_before_letters() -> None:
    check_order(["Văn An", "Văn Anh", "Vănh"])


def test_name_order_by_given_name_first() -> None:
    names = ["Trần Văn Bình", "Nguyễn Thị Chi", "Đỗ Thị Dung", "Lê Đức Đạt"]  # D before Đ
    assert sorted(reversed(names), key=name_sort_key) == names


def test_name_order_then_family_and_middle_names() -> None:
    names = [
        "Lê Văn An",
        "Nguyễn An",
        "Nguyễn Văn An",
        "Nguyễn Văn Ân",
        "Đặng Thị Hoa",
        "Lữ Thị Hoa",  # a shorter word first: Lữ < Lưu
        "Lưu Thị Hoa",
        "Phạm Hồng Ngọc",
        "Ưng Văn Ngọc",
        "Bùi Thu Uyên",
        "Hà Ưu",
    ]
    assert sorted(reversed(names), key=name_sort_key) == names
    assert sorted(names[1::2] + names[::2], key=name_sort_key) == names


def test_name_sort_key_accepts_odd_input() -> None:
    assert sorted(["", "  An  ", "Bảo"], key=name_sort_key) == ["", "  An  ", "Bảo"]
    assert name_sort_key(nfd("Nguyễn Văn Đức"))[0][:3] == name_sort_key("Nguyễn Văn Đức")[0][:3]
