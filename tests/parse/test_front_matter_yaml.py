"""The front matter's YAML: every mistake an editor makes is one Vietnamese line at its own line,
with the fix; a key given twice is an error; no nesting or number can crash the reader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from baocao.parse.frontmatter import FrontMatterReader
from baocao.parse.frontyaml import MAX_DEPTH, load_front_matter

GOOD = """co_quan: [ỦY BAN NHÂN DÂN, XÃ A]
ky_hieu: BC-UBND
dia_danh: A
ngay: 2027-01-08
loai: BÁO CÁO
trich_yeu: Về việc thử
nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}
noi_nhan: [Như trên, "Lưu: VT"]
"""
FIRST_LINE = 2  # the line after "---"
ENGLISH = re.compile(
    r"mapping|allowed|found|expected|while|scanning|character|token|unhashable|could not|"
    r"alias|anchor|constructor|stream|document|special|unacceptable",
    re.I,
)


def problems(text: str) -> list[tuple[int, str]]:
    reader = FrontMatterReader(Path("00.md"), text, FIRST_LINE)
    reader.read()
    return [(p.position.line, p.message) for p in reader.problems]


def line_of(text: str, needle: str) -> int:
    """The file line of the first front-matter line holding `needle`."""
    return FIRST_LINE + next(k for k, line in enumerate(text.split("\n")) if needle in line)


def test_the_good_front_matter_has_no_problem() -> None:
    assert problems(GOOD) == []


@pytest.mark.parametrize(
    ("change", "at", "says"),
    [
        # a colon in a value: the most common mistake, with the line rewritten as the fix
        (
            ("trich_yeu: Về việc thử", "trich_yeu: V/v: thử nghiệm"),
            "trich_yeu",
            "giá trị có dấu hai chấm (“: ”): đặt cả giá trị trong ngoặc kép, "
            'ví dụ trich_yeu: "V/v: thử nghiệm"',
        ),
        # an unclosed quote, reported where it opens (PyYAML says the end of the text)
        (("trich_yeu: Về việc thử", 'trich_yeu: "Về việc thử'), "trich_yeu", 'ngoặc kép “"” mở'),
        (("dia_danh: A", "dia_danh: 'A"), "dia_danh", "ngoặc đơn “'” mở ở dòng này chưa đóng"),
        # a quote opened early, the error far below it
        (("dia_danh: A", 'dia_danh: "A'), "dia_danh", "chưa đóng"),
        (("loai: BÁO CÁO", "loai:\tBÁO CÁO"), "loai", "ký tự tab"),
        (("loai: BÁO CÁO", "[a, b]: c\nloai: BÁO CÁO"), "[a, b]", "khóa phải là một tên"),
        (("trich_yeu: Về việc thử", "trich_yeu"), "trich_yeu", "thiếu dấu hai chấm sau khóa"),
        (("trich_yeu: Về việc thử", "trich_yeu: *Về việc* thử"), "trich_yeu", "“*” hoặc “&”"),
        (("trich_yeu: Về việc thử", "trich_yeu: @xa"), "trich_yeu", "bắt đầu bằng “@”"),
        (("trich_yeu: Về việc thử", 'trich_yeu: "a\\qb"'), "trich_yeu", "“\\\\”"),
        (("trich_yeu: Về việc thử", "trich_yeu: !x thử"), "trich_yeu", "bắt đầu bằng “!”"),
        (("co_quan: [ỦY BAN NHÂN DÂN, XÃ A]", "co_quan: [ỦY BAN"), "co_quan", "dấu “[” mở"),
        (("trich_yeu: Về việc thử", 'trich_yeu: "Về" việc'), "trich_yeu", "sau dấu ngoặc kép"),
        (
            (
                "nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}",
                "nguoi_ky:\n  chuc_vu: X\n ho_ten: Y",
            ),
            " ho_ten",
            "không khớp với các dòng trên",
        ),
        (("dia_danh: A", "dia_danh: A\x00"), "dia_danh", "ký tự điều khiển"),
    ],
)
def test_yaml_mistakes_are_vietnamese_at_their_line(
    change: tuple[str, str], at: str, says: str
) -> None:
    text = GOOD.replace(*change)
    ((line, message),) = problems(text)
    assert message.startswith("phần đầu YAML lỗi: ")
    assert line == line_of(text, at), message
    assert says in message
    assert "\n" not in message and not ENGLISH.search(message), message


def test_a_duplicate_key_is_an_error_at_its_second_line() -> None:
    text = GOOD + "loai: BÁO CÁO\n"
    ((line, message),) = problems(text)
    assert line == FIRST_LINE + GOOD.count("\n")
    assert message.startswith("khóa “loai” ghi hai lần (lần đầu ở dòng 6)")
    nested = GOOD.replace("ho_ten: Nguyễn Văn A}", "ho_ten: Nguyễn Văn A, ho_ten: B}")
    assert [m for _, m in problems(nested)] == [
        "khóa “ho_ten” ghi hai lần (lần đầu ở dòng 8): mỗi khóa chỉ ghi một lần; xóa một dòng "
        "hoặc gộp hai dòng làm một"
    ]


@pytest.mark.parametrize(
    "deep",
    [
        "x: " + "[" * 10_000,
        "x: " + "[" * 10_000 + "]" * 10_000,
        "x: " + "{a: " * 5_000,
        "x:\n" + "".join("  " * k + f"k{k}:\n" for k in range(1, 60)),
    ],
)
def test_deep_nesting_is_a_clear_error(deep: str) -> None:
    ((line, message),) = problems(deep)
    assert message.startswith(f"phần đầu YAML lỗi: lồng nhau quá sâu (quá {MAX_DEPTH} tầng")
    assert line >= FIRST_LINE


@pytest.mark.parametrize("number", ["9" * 5_000, ":".join(["1"] * 400) + ".5"])
def test_a_huge_number_is_a_clear_error(number: str) -> None:
    ((line, message),) = problems(f"so: {number}\n")
    assert line == FIRST_LINE and "quá dài" in message


def test_keys_are_their_text_as_typed() -> None:
    data, found = load_front_matter("~: a\n1: b\nyes: c\n", FIRST_LINE)
    assert data == {"~": "a", "1": "b", "yes": "c"} and found == []


def test_a_list_line_holding_a_colon_says_to_quote_it() -> None:
    text = GOOD.replace('noi_nhan: [Như trên, "Lưu: VT"]', "noi_nhan:\n  - Như trên\n  - Lưu: VT")
    ((line, message),) = problems(text)
    assert line == line_of(text, "- Lưu: VT")
    assert 'đặt cả dòng trong ngoặc kép, ví dụ - "Lưu: VT"' in message
