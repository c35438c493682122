"""`baocao soat FILE…`: one line per problem at its place, with its code, a count, the exit code;
a file that cannot be read refused in one line while the others are checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from baocao import codes
from baocao.cli import main

CLEAN = "I. KINH PHÍ\n\nKinh phí: 300.000.000 đồng (Ba trăm triệu đồng).\n"
WRONG = "I. KINH PHÍ\n\nKinh phí: 300.000.000 đồng (Hai trăm triệu đồng).\n"
SHORT = (
    "I. KINH PHÍ\n\nChi a: 1.000.000 đồng.\n\nChi b: 2.000.000 đồng.\n\n"
    "II. TỔNG HỢP\n\nTổng kinh phí: **4.000.000 đồng**.\n"
)
# FILE:PLACE: CODE [cảnh báo: ]["first words": ]message — PLACE "12:5" in a text file, "đoạn 12"
# or "bảng 2, dòng 5" in a DOCX
LINE = re.compile(
    r"(?P<file>.+?):(?P<place>\d+:\d+|đoạn \d+|bảng \d+, dòng \d+): (?P<code>BC\d{3}) "
    r"(?P<warning>cảnh báo: )?(?:“(?P<words>[^”]*)”: )?(?P<message>\S.*)"
)


def parsed(line: str) -> dict[str, str | None]:
    match = LINE.fullmatch(line)
    assert match, line
    return match.groupdict()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_clean_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["soat", str(write(tmp_path, "a.txt", CLEAN))]) == 0
    assert capsys.readouterr() == ("", "Không có lỗi (0 cảnh báo).\n")


def test_a_warning_fails_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "a.md", SHORT)
    assert main(["soat", str(path)]) == 0
    out, err = capsys.readouterr()
    (line,) = out.splitlines()
    found = parsed(line)
    # the column of the figure as typed, its bold marks before it
    assert (found["file"], found["place"], found["code"]) == (str(path), "9:18", "BC703")
    assert (found["warning"], found["words"]) == ("cảnh báo: ", "Tổng kinh phí: 4.000.000 đồng.")
    assert codes.STATED_TOTAL.code == "BC703" and codes.STATED_TOTAL.warning
    assert err == "Không có lỗi (1 cảnh báo).\n"


def test_an_error_and_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = write(tmp_path, "b.txt", WRONG)
    missing = tmp_path / "khong-co.docx"
    assert main(["soat", str(missing), str(wrong)]) == 2
    out, err = capsys.readouterr()
    (line,) = out.splitlines()
    found = parsed(line)
    # the words' check of the build path, with its code, at the column of the words
    words = WRONG.split("\n")[2].index("Hai") + 1
    assert (found["file"], found["place"]) == (str(wrong), f"3:{words}")
    assert found["code"] == codes.WORDS_MISMATCH.code
    assert (found["warning"], found["words"]) == (None, WRONG.split("\n")[2])  # its 8 words
    assert err == (
        f"baocao soat: không đọc được “{missing}”: không có tệp hay thư mục này\n"
        "Có 1 lỗi và 0 cảnh báo.\n"
    )
    assert main(["soat", str(wrong)]) == 1
    capsys.readouterr()


def test_soat_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["soat"]) == 2
    assert "thiếu TỆP" in capsys.readouterr().err


# A words mismatch in a paragraph, then a budget table whose row 1 is not the sum of its items
# (100 typed, 60 + 30 its items): as a Markdown pipe table and as a table copied out of Word.
PROSE = "I. KINH PHÍ\n\nKinh phí *đề xuất*: **300.000.000 đồng**  (Hai trăm triệu đồng).\n\n"
PIPE = (
    "Đơn vị: Triệu đồng\n\n| TT | **NỘI DUNG** | KINH PHÍ |\n|---|---|---|\n| A | B | (1) |\n"
    "|  1 | *Hạ tầng*   |    100 |\n| | Máy tính | 60 |\n| | Máy in | 30 |\n"
)
TABS = (
    "Đơn vị: Triệu đồng\nTT\tNỘI DUNG\tKINH PHÍ\nA\tB\t(1)\n"
    " 1\t**Hạ tầng**\t 100\n\tMáy tính\t60\n\tMáy in\t30\n"
)


@pytest.mark.parametrize(("name", "table"), [("a.md", PIPE), ("a.txt", TABS)])
def test_a_problem_is_printed_at_the_column_of_the_words_or_the_figure(
    name: str, table: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = PROSE + table
    path = write(tmp_path, name, text)
    assert main(["soat", str(path)]) == 1
    lines = text.split("\n")
    words = lines.index(next(x for x in lines if "(Hai" in x)) + 1
    row = lines.index(next(x for x in lines if "Hạ tầng" in x)) + 1
    found = [parsed(line) for line in capsys.readouterr().out.splitlines()]
    assert [(f["place"], f["code"]) for f in found] == [
        # the words, after the figure's bold marks and two spaces and "("
        (f"{words}:{lines[words - 1].index('Hai') + 1}", codes.WORDS_MISMATCH.code),
        # the row's first wrong figure, after the spaces and marks of the cells before it
        (f"{row}:{lines[row - 1].index('100') + 1}", codes.PARENT_SUM.code),
    ]
