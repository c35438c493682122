"""`baocao check`: words that contradict their figures, retyped amounts, and how problems print."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from baocao import codes
from baocao.build import build_document, check_document
from baocao.cli import main
from baocao.problems import Problem
from budget_documents import problems_of as every_problem
from budget_documents import write_document
from placed import placed


def problems_of(root: Path, *parts: str) -> list[Problem]:
    """What check says of the words and the retyped figures: a figure typed with no table or id
    behind it is also an amount nothing accounts for (BC508, tests/resolve/test_typed_amounts.py),
    left out here."""
    return [p for p in every_problem(root, *parts) if p.code != codes.UNACCOUNTED_AMOUNT]


TABLE = """\
Đơn vị: Triệu đồng {#pl}

| TT | NỘI DUNG | KINH PHÍ |
|----|----------|----------|
| A | B | (1) |
| I. | Chuyển đổi số {#cds} | |
| 1 | Cơ sở dữ liệu {#csdl} | 1.000 |
| 2 | Phòng họp {#phong-hop} | 300 |
"""


def column_of(text: str, needle: str) -> int:
    """The column where `needle` (any case) begins on its line of `text`."""
    offset = text.lower().index(needle.lower())
    return offset - text.rfind("\n", 0, offset)


@pytest.mark.parametrize(
    ("text", "words", "stated"),
    [
        (
            "+ *Kinh phí đề xuất:* **300.000.000 đồng** (Hai trăm triệu đồng).",
            "Hai trăm",
            "200.000.000 đồng",
        ),
        (
            "tổng kinh phí: **10.960.000.000 đồng (Bằng chữ: Mười một tỷ, một trăm bảy mươi "
            "triệu đồng).**",
            "Bằng chữ",
            "11.170.000.000 đồng",
        ),
        ("*Kinh phí đề xuất: 300 triệu đồng (Ba trăm nghìn đồng).*", "Ba trăm", "300.000 đồng"),
        ('Kinh phí {{ tien("pl.phong-hop") }} (Hai trăm triệu đồng).', "Hai", "200.000.000 đồng"),
    ],
)
def test_words_that_disagree_with_their_figures(
    tmp_path: Path, text: str, words: str, stated: str
) -> None:
    problems = problems_of(tmp_path, TABLE, f"Mở đầu.\n\n{text}\n")
    errors = [p for p in problems if not p.warning]  # 300.000.000 đồng is also a retyped amount
    assert placed(errors) == [("02-phan.md", 3, column_of(text, words), "BC501")]
    assert f"là {stated};" in errors[0].message  # what the words say


@pytest.mark.parametrize(
    "text",
    [
        "**300.000.000 đồng** (Ba trăm triệu đồng).",
        "**10.960.000.000 đồng (Bằng chữ: Mười tỷ, chín trăm sáu mươi triệu đồng).**",
        "**1.000.000.000 đồng** (một tỷ đồng chẵn).",  # the reader takes every variant
        "**10.122.000.000 đồng** (*Theo Kế hoạch số 234/BC-UBND*).",  # not words
        "đạt 99,83% (kế hoạch 100%).",
    ],
)
def test_words_that_agree_or_are_no_words_pass(tmp_path: Path, text: str) -> None:
    assert problems_of(tmp_path, f"{text}\n") == []


def test_words_checked_on_the_line_they_are_on(tmp_path: Path) -> None:
    prose = (
        "Một đoạn dài, kinh phí là\n**300.000.000\nđồng** (Hai trăm\ntriệu đồng) cho việc này.\n"
    )
    problems = problems_of(tmp_path, prose)
    assert placed(problems) == [("01-phan.md", 3, 9, "BC501")]  # at "Hai", on its line


def test_a_problem_points_at_its_character_past_escapes_emphasis_and_line_ends(
    tmp_path: Path,
) -> None:
    line = "Chi \\*khác\\* *(xem* **trên)**: 300.000.000 đồng (Hai trăm triệu đồng)."
    prose = f'Mở đầu\nvà {{{{ tien(\n  "pl.csdl") }}}}, tiếp:\n{line}\n'
    problems = problems_of(tmp_path, TABLE, prose)
    assert placed(problems) == [
        ("02-phan.md", 4, line.index("300") + 1, "BC506"),  # the figure
        ("02-phan.md", 4, line.index("Hai") + 1, "BC501"),  # its words
    ]


def test_a_retyped_figure_that_equals_a_known_amount_is_a_warning(tmp_path: Path) -> None:
    prose = (
        "Kinh phí cơ sở dữ liệu là 1.000.000.000 đồng.\n\n"
        "Phòng họp: 300 triệu đồng.\n\n"
        'Khác: 700.000.000 đồng; đã trích: {{ tien("pl.csdl") }}; '
        "khai báo: **1.300.000.000 đồng**{#tong-moi}.\n"
    )
    problems = problems_of(tmp_path, TABLE, prose)
    # at each figure; the third paragraph's are not known, cited, or declared
    assert placed(problems) == [("02-phan.md", 1, 27, "BC506"), ("02-phan.md", 3, 12, "BC506")]
    assert all(p.warning for p in problems)
    again = every_problem(tmp_path / "again", TABLE, prose)
    unaccounted = [p for p in again if p.code == codes.UNACCOUNTED_AMOUNT]
    assert placed(unaccounted) == [("02-phan.md", 5, 7, "BC508")]  # "Khác: 700.000.000 đồng"
    assert '{{ tien("pl.csdl") }}' in problems[0].message  # the citation to write instead
    assert '{{ tien("pl.phong-hop", "triệu") }}' in problems[1].message


def test_warnings_do_not_stop_a_build_and_are_reported(tmp_path: Path) -> None:
    folder = write_document(tmp_path, TABLE, "Kinh phí là 1.000.000.000 đồng.\n")
    built = build_document(folder, tmp_path / "out")
    assert built.target.exists()
    assert [p.warning for p in built.warnings] == [True]


def test_check_prints_file_line_messages_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_document(
        tmp_path,
        TABLE + "| 3 | Một số sai | 1.2.3 |\n",
        '**400.000.000 đồng** (Hai trăm triệu đồng).\n\nKinh phí {{ tien("pl.csld") }}.\n',
    )
    assert main(["check", "--content", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    where = re.compile(r"thu/(\S+?):(\d+):(\d+): (BC\d{3}) \S")
    found = [match.groups() for line in out.splitlines() if (match := where.search(line))]
    assert found == [
        ("01-phan.md", "9", "20", "BC323"),  # the table's cell that holds no number
        ("02-phan.md", "1", "3", "BC508"),  # a figure typed with nothing behind it
        ("02-phan.md", "1", "23", "BC501"),  # the words
        ("02-phan.md", "3", "19", "BC411"),  # the unknown id
    ]
    assert "Có 3 lỗi và 1 cảnh báo." in err


def test_check_with_warnings_only_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_document(tmp_path, TABLE, "Kinh phí là 1.000.000.000 đồng.\n")
    assert main(["check", "--content", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "02-phan.md:1:13: BC506 cảnh báo: " in out
    assert "Không có lỗi (1 cảnh báo)." in err


def test_build_says_why_it_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_document(tmp_path, TABLE, "**300.000.000 đồng** (Hai trăm triệu đồng).\n")
    output = tmp_path / "out"
    assert main(["build", "--content", str(tmp_path), "-o", str(output)]) == 1
    _, err = capsys.readouterr()
    assert "02-phan.md:1:23: BC501 " in err
    assert "Không dựng thu: nội dung có 1 lỗi (xem trên)." in err
    assert not (output / "thu.docx").exists()


def test_front_matter_errors_do_not_hide_the_tables_problems(tmp_path: Path) -> None:
    folder = write_document(tmp_path, TABLE + "| 3 | Sai | 1.2.3 |\n")
    front = folder / "00-mo-dau.md"
    front.write_text(front.read_text(encoding="utf-8").replace("loai: BÁO CÁO\n", ""), "utf-8")
    messages = [p.message for p in check_document(folder)]
    assert any("thiếu tên loại văn bản" in m for m in messages)
    assert any("“1.2.3” không phải số" in m for m in messages)


def test_a_retyped_figure_warning_names_the_most_detailed_row_first(tmp_path: Path) -> None:
    table = TABLE + "| II. | Khác {#khac} | |\n| 1 | Một việc {#mot-viec} | 50 |\n"
    (problem,) = problems_of(tmp_path, table, "Kinh phí 50.000.000 đồng.\n")
    assert placed([problem]) == [("02-phan.md", 1, 10, "BC506")]
    assert "“pl.mot-viec”, “pl.khac”" in problem.message  # the row itself, then its parent


# ----------------------------------------------------------------------------------------------
# Amount forms, pairs written every way real documents write them (issue 12)

WRONG = "Chín mươi mốt tỷ, bốn trăm tám mươi mốt triệu, sáu trăm bốn mươi nghìn, một trăm bốn mươi sáu đồng"  # noqa: E501
RIGHT = "Chín mươi mốt tỷ, bốn trăm tám mươi mốt triệu, sáu trăm bốn mươi nghìn, một trăm bốn mươi lăm đồng"  # noqa: E501


@pytest.mark.parametrize(
    ("figure", "right", "wrong"),
    [
        ("91.481.640.145đ", RIGHT, WRONG),
        ("91.481.640.145 đ", RIGHT, WRONG),
        ("91.481.640.145 VNĐ", RIGHT, WRONG),
        ("91.481.640.145VNĐ", RIGHT, WRONG),
        ("91.481.640.145đồng", RIGHT, WRONG),
        (
            "977,45 tỷ đồng",
            "Chín trăm bảy mươi bảy tỷ, bốn trăm năm mươi triệu đồng",
            "Chín trăm bảy mươi bảy tỷ, bốn trăm sáu mươi triệu đồng",
        ),
        (
            "977,45 tỷ đồng",
            "Chín trăm bảy mươi bảy phẩy bốn mươi lăm tỷ đồng",
            "Chín trăm bảy mươi bảy phẩy bốn mươi sáu tỷ đồng",
        ),
        (
            "13.646,269 triệu đồng",
            "Mười ba tỷ, sáu trăm bốn mươi sáu triệu, hai trăm sáu mươi chín nghìn đồng",
            "Mười ba tỷ, sáu trăm bốn mươi sáu triệu, hai trăm sáu mươi nghìn đồng",
        ),
        ("5.000.000 VNĐ", "Năm triệu đồng", "Năm mươi triệu đồng"),
        ("5.000.000VNĐ", "Năm triệu đồng", "Năm mươi triệu đồng"),
        ("300 nghìn đồng", "Ba trăm nghìn đồng", "Ba trăm triệu đồng"),
    ],
)
def test_every_amount_form_has_its_words_checked(
    tmp_path: Path, figure: str, right: str, wrong: str
) -> None:
    good = problems_of(tmp_path / "a", f"Tổng giá trị: {figure} (Bằng chữ: {right}).\n")
    assert good == []
    bad = problems_of(tmp_path / "b", f"Tổng giá trị: {figure} (Bằng chữ: {wrong}).\n")
    assert placed(bad) == [("01-phan.md", 1, len(f"Tổng giá trị: {figure} (") + 1, "BC501")]


@pytest.mark.parametrize(
    "text",
    [
        "Tổng: 300.000.000 đồng (Hai trăm triệu đồng).",  # parentheses
        "Tổng: 300.000.000 đồng (hai trăm triệu đồng).",  # lower case
        "Tổng: 300.000.000 đồng (Bằng chữ: Hai trăm triệu đồng).",
        "Tổng: 300.000.000 đồng (bằng chữ hai trăm triệu đồng).",
        "Tổng: 300.000.000 đồng. (Bằng chữ: Hai trăm triệu đồng).",  # a full stop between
        "Tổng: 300.000.000 đồng; (Bằng chữ: Hai trăm triệu đồng).",  # a semicolon
        "Tổng: 300.000.000 đồng, bằng chữ: hai trăm triệu đồng.",  # no parentheses
        "Tổng: 300.000.000 đồng. Bằng chữ: Hai trăm triệu đồng./.",
        "Tổng: 300.000.000 đồng.\n(Bằng chữ: Hai trăm triệu đồng).",  # a line break
        "Tổng: 300.000.000 đồng\nBằng chữ: Hai trăm\ntriệu đồng.",  # words over two lines
        "Tổng: 300.000.000 đồng.\n\n(Bằng chữ: Hai trăm triệu đồng).",  # a paragraph of its own
        "- Tổng: 300.000.000 đồng;\n- Bằng chữ: Hai trăm triệu đồng.",  # the next list item
    ],
)
def test_a_pair_counts_however_it_is_punctuated(tmp_path: Path, text: str) -> None:
    problems = problems_of(tmp_path, f"{text}\n")
    words = "bằng chữ" if "bằng chữ" in text.lower() else "hai trăm"  # where the words begin
    line = 1 + text.lower().split(words)[0].count("\n")
    assert placed(problems) == [("01-phan.md", line, column_of(text, words), "BC501")]


def test_the_issues_example_reports_the_error_and_the_variant_apart(tmp_path: Path) -> None:
    words = (
        "Chín mươi một tỷ, bốn trăm tám mươi mốt triệu, sáu trăm bốn mươi nghìn, một trăm bốn "
        "mươi năm đồng"
    )
    problems = problems_of(tmp_path, f"Tổng giá trị: 91.481.640.145đ.\n\n(Bằng chữ: {words}).\n")
    assert placed(problems) == [("01-phan.md", 3, 2, "BC502"), ("01-phan.md", 3, 2, "BC503")]
    misspelt, variant = problems
    assert "“một trăm bốn mươi lăm”" in misspelt.message  # the right words for the wrong ones
    assert "“chín mươi mốt”" in variant.message  # and for the variant


def test_a_variant_alone_never_blocks_the_build(tmp_path: Path) -> None:
    folder = write_document(
        tmp_path, "Kinh phí 1.005.000 đồng (Bằng chữ: Một triệu, không trăm lẻ năm ngàn đồng).\n"
    )
    built = build_document(folder, tmp_path / "out")
    assert built.target.exists()
    warnings = [w for w in built.warnings if w.code != codes.UNACCOUNTED_AMOUNT]
    assert placed(warnings) == [("01-phan.md", 1, 26, "BC503")] * 2
    le, ngan = warnings
    assert "“lẻ”" in le.message and "“ngàn”" in ngan.message
    # the same words in a document that writes "lẻ" and "ngàn" are its own style: nothing to say
    styled = write_document(
        tmp_path,
        "Kinh phí 1.005.000 đồng (Bằng chữ: Một triệu, không trăm lẻ năm ngàn đồng).\n",
        name="le",
        extra="chu_so: [le, ngan]\n",
    )
    assert [p.code for p in check_document(styled)] == [codes.UNACCOUNTED_AMOUNT]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Kinh phí 150.000.000 đồng (Một trăm năm mươi triệu đồg).", "“đồg”"),
        ("Tổng 10.960.000.000 đồng (Bằng chữ: Muời tỷ, chín trăm sáu mươi triệu đồng).", "“muời”"),
        ("Tổng 5.000.000 đồng (Bằng chữ: năm triệu đồng chẵn, đã gồm thuế).", "“đã”"),
    ],
)
def test_words_that_cannot_be_read_are_a_warning_never_skipped(
    tmp_path: Path, text: str, reason: str
) -> None:
    (problem,) = problems_of(tmp_path, f"Mở đầu.\n\n{text}\n")
    assert placed([problem]) == [("01-phan.md", 3, text.index("(") + 2, "BC504")]
    assert reason in problem.message  # the word it could not read


def test_words_with_no_figure_before_them_are_a_warning(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, "Mở đầu.\n\n(Bằng chữ: Ba trăm triệu đồng).\n")
    assert placed([problem]) == [("01-phan.md", 3, 2, "BC505")]


@pytest.mark.parametrize(
    "text",
    [
        "Điều 2, khoản 3 đ) Chi khác.",  # a list marker, not 3 đồng
        "Năm 2027\nđ) Chi khác (Hai trăm).",
        "Kinh phí 300.000.000 đồng (năm 2026).",  # not words: a year
        "Kinh phí 300.000.000 đồng (năm nay và năm sau).",
        "Người dân sử dụng VNeID: 5.000 người.",
    ],
)
def test_what_is_not_an_amount_or_not_words(tmp_path: Path, text: str) -> None:
    assert problems_of(tmp_path, f"{text}\n") == []


@pytest.mark.parametrize(
    ("figure", "message"),
    [
        ("1" * 4301 + " đồng", "có 4.301 chữ số: baocao chỉ đọc số có tối đa 30 chữ số"),
        ("1" * 31 + "đ", "có 31 chữ số"),
        ("10.000.000.000.000 triệu đồng", "lớn hơn một tỷ tỷ đồng (10^18 đồng)"),
        ("1.000.000.000.000.000.001 đồng", "lớn hơn một tỷ tỷ đồng"),
    ],
)
def test_limits_are_refused_at_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], figure: str, message: str
) -> None:
    write_document(tmp_path, f"Mở đầu.\n\nKinh phí **{figure}** (Một đồng).\n")
    assert main(["check", "--content", str(tmp_path)]) == 1
    out, _ = capsys.readouterr()
    (line,) = out.splitlines()
    assert "thu/01-phan.md:3:12: BC507 " in line and message in line  # at the figure
    assert len(line) < 300  # the figure is shortened, one line


def test_limits_in_declarations_tables_and_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = (
        TABLE + "| 3 | Quá lớn | " + "9" * 4301 + " |\n| 4 | Sai đơn vị | 10.000.000.000.000 |\n"
    )
    prose = (
        f"Khai báo **{'1' * 40} đồng**{{#qua-lon}}.\n\n"
        f"Kinh phí 1.000 đồng (Bằng chữ: Một {'tỷ ' * 600}đồng).\n"
    )
    write_document(tmp_path, table, prose)
    assert main(["check", "--content", str(tmp_path)]) == 1  # never 3
    out, _ = capsys.readouterr()
    lines = out.splitlines()
    assert any("01-phan.md:9:17: BC324 " in m and "4.301" in m for m in lines)  # its digits
    assert any("01-phan.md:10:20: BC324 " in m for m in lines)  # 10^19 đồng
    assert any("02-phan.md:1:12: BC507 " in m and "có 40 chữ số" in m for m in lines)
    assert any("02-phan.md:3:22: BC504 cảnh báo: " in m and "30 chữ số" in m for m in lines)
    assert all(len(m) < 400 for m in lines)
