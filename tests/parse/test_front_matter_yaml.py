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


def problems(text: str) -> list[tuple[str, int, int, str]]:
    """Each problem of a front matter's text as (code, line, column, message)."""
    reader = FrontMatterReader(Path("00.md"), text, FIRST_LINE)
    reader.read()
    return [(str(p.code), p.position.line, p.position.column, p.message) for p in reader.problems]


def place_of(text: str, needle: str) -> tuple[int, int]:
    """The file line and column of the first `needle` in the front matter."""
    k, line = next((k, line) for k, line in enumerate(text.split("\n")) if needle in line)
    return FIRST_LINE + k, line.index(needle) + 1


def test_the_good_front_matter_has_no_problem() -> None:
    assert problems(GOOD) == []


@pytest.mark.parametrize(
    ("change", "code", "at", "says"),
    [
        # a colon in a value, the most common mistake: at the colon; the line rewritten as the fix
        (
            ("trich_yeu: Về việc thử", "trich_yeu: V/v: thử nghiệm"),
            "BC102",
            ": thử",
            'ví dụ trich_yeu: "V/v: thử nghiệm"',
        ),
        # an unclosed quote, reported where it opens (PyYAML says the end of the text)
        (("trich_yeu: Về việc thử", 'trich_yeu: "Về việc thử'), "BC103", '"Về', 'thêm "'),
        (("dia_danh: A", "dia_danh: 'A"), "BC103", "'A", "ngoặc đơn “'”"),
        # a quote opened early, the error far below it
        (("dia_danh: A", 'dia_danh: "A'), "BC103", '"A', "chưa đóng"),
        (("loai: BÁO CÁO", "loai:\tBÁO CÁO"), "BC105", "\t", "tab"),
        (("loai: BÁO CÁO", "[a, b]: c\nloai: BÁO CÁO"), "BC101", "[a, b]", "khóa: giá trị"),
        (("trich_yeu: Về việc thử", "trich_yeu"), "BC101", "trich_yeu", "thiếu dấu hai chấm"),
        (("trich_yeu: Về việc thử", "trich_yeu: *Về việc* thử"), "BC102", "*Về", "“*” hoặc “&”"),
        (("trich_yeu: Về việc thử", "trich_yeu: @xa"), "BC102", "@", "“@”"),
        (("trich_yeu: Về việc thử", 'trich_yeu: "a\\qb"'), "BC104", "\\", "“\\\\”"),
        (("trich_yeu: Về việc thử", "trich_yeu: !x thử"), "BC102", "!x", "“!”"),
        (("co_quan: [ỦY BAN NHÂN DÂN, XÃ A]", "co_quan: [ỦY BAN"), "BC103", "[", "thêm “]”"),
        (("trich_yeu: Về việc thử", 'trich_yeu: "Về" việc'), "BC102", "việc", "ngoặc kép"),
        (
            (
                "nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}",
                "nguoi_ky:\n  chuc_vu: X\n ho_ten: Y",
            ),
            "BC101",
            "ho_ten",
            "thẳng hàng",
        ),
        (("dia_danh: A", "dia_danh: A\x00"), "BC106", "\x00", "U+0000"),
    ],
)
def test_yaml_mistakes_are_vietnamese_at_their_place(
    change: tuple[str, str], code: str, at: str, says: str
) -> None:
    text = GOOD.replace(*change)
    ((found, line, column, message),) = problems(text)
    assert (found, line, column) == (code, *place_of(text, at)), message
    assert message.startswith("phần đầu YAML lỗi: ") and says in message
    assert "\n" not in message and not ENGLISH.search(message), message


def test_a_duplicate_key_is_an_error_at_its_second_line() -> None:
    text = GOOD + "loai: BÁO CÁO\n"
    ((code, line, column, message),) = problems(text)
    assert (code, line, column) == ("BC107", FIRST_LINE + GOOD.count("\n"), 1)
    assert "(lần đầu ở dòng 6)" in message
    nested = GOOD.replace("ho_ten: Nguyễn Văn A}", "ho_ten: Nguyễn Văn A, ho_ten: B}")
    line, column = place_of(nested, "ho_ten: B")
    assert [p[:3] for p in problems(nested)] == [("BC107", line, column)]


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
    ((code, line, column, message),) = problems(deep)
    assert code == "BC108" and line >= FIRST_LINE and column >= 1
    assert f"quá {MAX_DEPTH} tầng" in message


@pytest.mark.parametrize("number", ["9" * 5_000, ":".join(["1"] * 400) + ".5"])
def test_a_huge_number_is_a_clear_error(number: str) -> None:
    ((code, line, column, _),) = problems(f"so: {number}\n")
    assert (code, line, column) == ("BC109", FIRST_LINE, 5)


def test_keys_are_their_text_as_typed() -> None:
    data, found = load_front_matter("~: a\n1: b\nyes: c\n", FIRST_LINE)
    assert data == {"~": "a", "1": "b", "yes": "c"} and found == []


def test_a_list_line_holding_a_colon_says_to_quote_it() -> None:
    text = GOOD.replace('noi_nhan: [Như trên, "Lưu: VT"]', "noi_nhan:\n  - Như trên\n  - Lưu: VT")
    ((code, line, column, message),) = problems(text)
    assert (code, line, column) == ("BC102", *place_of(text, "Lưu: VT"))
    assert 'ví dụ - "Lưu: VT"' in message


@pytest.mark.parametrize(
    ("change", "code", "at"),
    [
        # what the schema refuses: at the key it is about, or at its value
        ((GOOD, "- ỦY BAN NHÂN DÂN\n- XÃ A\n"), "BC110", None),
        (("loai: BÁO CÁO", "loai: BÁO CÁO\ntrich_yue: x"), "BC111", "trich_yue"),
        (("dia_danh: A\n", ""), "BC112", None),
        # a kind without a type code: ky_hieu cannot be made, it must be written
        (("ky_hieu: BC-UBND\n", ""), "BC112", None),
        (("ky_hieu: BC-UBND", "ky_hieu: BC-UBND\nso: -3"), "BC113", "-3"),
        (("ngay: 2027-01-08", "ngay: 2027-02-30"), "BC114", "2027-02-30"),
        (("ngay: 2027-01-08", "ngay: 2027-01-08\nchu_so: [le, nhăm]"), "BC115", "[le"),
        (("ngay: 2027-01-08", "ngay: 2027-01-08\nphu_luc: {huong: xeo}"), "BC116", "{huong"),
    ],
)
def test_what_the_schema_refuses_is_at_its_key_or_value(
    change: tuple[str, str], code: str, at: str | None
) -> None:
    text = GOOD.replace(*change)
    if code == "BC112" and "ky_hieu" in change[0]:
        text = text.replace("loai: BÁO CÁO", "loai: BẢN GHI NHỚ")
    ((found, line, column, _),) = problems(text)
    assert (found, line, column) == (code, *(place_of(text, at) if at else (FIRST_LINE, 1)))
