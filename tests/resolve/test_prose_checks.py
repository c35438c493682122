"""`baocao check`: words that contradict their figures, retyped amounts, and how problems print."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.build import build_document, check_document
from baocao.cli import main
from budget_documents import at, problems_of, write_document

TABLE = """\
Đơn vị: Triệu đồng {#pl}

| TT | NỘI DUNG | KINH PHÍ |
|----|----------|----------|
| A | B | (1) |
| I. | Chuyển đổi số {#cds} | |
| 1 | Cơ sở dữ liệu {#csdl} | 1.000 |
| 2 | Phòng họp {#phong-hop} | 300 |
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "+ *Kinh phí đề xuất:* **300.000.000 đồng** (Hai trăm triệu đồng).",
            "số tiền bằng chữ không khớp bằng số: “300.000.000 đồng” nhưng chữ “Hai trăm triệu "
            "đồng” là 200.000.000 đồng; viết đúng: “Ba trăm triệu đồng”",
        ),
        (
            "tổng kinh phí: **10.960.000.000 đồng (Bằng chữ: Mười một tỷ, một trăm bảy mươi "
            "triệu đồng).**",
            "“10.960.000.000 đồng” nhưng chữ “Bằng chữ: Mười một tỷ, một trăm bảy mươi triệu "
            "đồng” là 11.170.000.000 đồng; viết đúng: “Mười tỷ, chín trăm sáu mươi triệu đồng”",
        ),
        (
            "*Kinh phí đề xuất: 300 triệu đồng (Ba trăm nghìn đồng).*",
            "“300 triệu đồng” nhưng chữ “Ba trăm nghìn đồng” là 300.000 đồng",
        ),
        (
            'Kinh phí {{ tien("pl.phong-hop") }} (Hai trăm triệu đồng).',
            "“300.000.000 đồng” nhưng chữ “Hai trăm triệu đồng” là 200.000.000 đồng",
        ),
    ],
)
def test_words_that_disagree_with_their_figures(tmp_path: Path, text: str, message: str) -> None:
    problems = problems_of(tmp_path, TABLE, f"Mở đầu.\n\n{text}\n")
    errors = [p for p in problems if not p.warning]  # 300.000.000 đồng is also a retyped amount
    assert [p.position.line for p in errors] == [3]
    assert message in errors[0].message


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
    assert [(p.position.line, "không khớp" in p.message) for p in problems] == [(3, True)]


def test_a_retyped_figure_that_equals_a_known_amount_is_a_warning(tmp_path: Path) -> None:
    prose = (
        "Kinh phí cơ sở dữ liệu là 1.000.000.000 đồng.\n\n"
        "Phòng họp: 300 triệu đồng.\n\n"
        'Khác: 700.000.000 đồng; đã trích: {{ tien("pl.csdl") }}; '
        "khai báo: **1.300.000.000 đồng**{#tong-moi}.\n"
    )
    problems = problems_of(tmp_path, TABLE, prose)
    assert all(p.warning for p in problems)
    assert at(problems, 1, "02-phan.md") == [
        "“1.000.000.000 đồng” gõ tay trùng với khoản “pl.csdl”: hãy trích "
        '{{ tien("pl.csdl") }} để số chỉ nhập một lần'
    ]
    assert "trùng với khoản “pl.phong-hop”" in at(problems, 3, "02-phan.md")[0]
    assert at(problems, 5, "02-phan.md") == []  # not known, cited, or declared
    assert len(problems) == 2


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
    lines = out.splitlines()
    assert len(lines) == 3
    assert "thu/01-phan.md:9:20: BC323 " in lines[0]  # the table's cell that holds no number
    assert lines[1].endswith("thu/02-phan.md:1:1: BC990 số tiền bằng chữ không khớp bằng số: "
                             "“400.000.000 đồng” nhưng chữ “Hai trăm triệu đồng” là 200.000.000 "
                             "đồng; viết đúng: “Bốn trăm triệu đồng”")  # fmt: skip
    assert (
        "thu/02-phan.md:3:1: BC990 không có khoản nào mang mã “pl.csld” — có phải: “pl.csdl”"
        in lines[2]
    )
    assert "Có 3 lỗi và 0 cảnh báo." in err


def test_check_with_warnings_only_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_document(tmp_path, TABLE, "Kinh phí là 1.000.000.000 đồng.\n")
    assert main(["check", "--content", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "02-phan.md:1:1: BC991 cảnh báo: “1.000.000.000 đồng” gõ tay trùng" in out
    assert "Không có lỗi (1 cảnh báo)." in err


def test_build_says_why_it_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_document(tmp_path, TABLE, "**300.000.000 đồng** (Hai trăm triệu đồng).\n")
    output = tmp_path / "out"
    assert main(["build", "--content", str(tmp_path), "-o", str(output)]) == 1
    _, err = capsys.readouterr()
    assert "02-phan.md:1:1: BC990 số tiền bằng chữ không khớp bằng số" in err
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
    assert problem.warning
    assert "trùng với khoản “pl.mot-viec”, “pl.khac”: hãy trích" in problem.message


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
    (problem,) = bad
    assert not problem.warning
    assert problem.message.startswith(f"số tiền bằng chữ không khớp bằng số: “{figure}” nhưng")


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
    assert [p.message.split(":")[0] for p in problems] == ["số tiền bằng chữ không khớp bằng số"]
    assert "“300.000.000 đồng” nhưng chữ" in problems[0].message
    assert not problems[0].warning
    assert problems[0].position.line == 1 + text.lower().split("hai trăm")[0].count("\n")


def test_the_issues_example_reports_the_error_and_the_variant_apart(tmp_path: Path) -> None:
    words = (
        "Chín mươi một tỷ, bốn trăm tám mươi mốt triệu, sáu trăm bốn mươi nghìn, một trăm bốn "
        "mươi năm đồng"
    )
    problems = problems_of(tmp_path, f"Tổng giá trị: 91.481.640.145đ.\n\n(Bằng chữ: {words}).\n")
    assert [(p.position.line, p.warning, p.message) for p in problems] == [
        (
            3,
            False,
            "số tiền bằng chữ của “91.481.640.145đ” viết sai: “một trăm bốn mươi năm” — sau "
            "“mươi” viết “lăm”, không viết “năm” (R3); viết đúng: “một trăm bốn mươi lăm”",
        ),
        (
            3,
            True,
            "số tiền bằng chữ của “91.481.640.145đ”: “chín mươi một” đúng số nhưng khác cách "
            "viết chuẩn — sau “mươi” viết “mốt” (R2); cách viết chuẩn: “chín mươi mốt”",
        ),
    ]


def test_a_variant_alone_never_blocks_the_build(tmp_path: Path) -> None:
    folder = write_document(
        tmp_path, "Kinh phí 1.005.000 đồng (Bằng chữ: Một triệu, không trăm lẻ năm ngàn đồng).\n"
    )
    built = build_document(folder, tmp_path / "out")
    assert built.target.exists()
    assert [(p.warning, p.message.split("”: “")[1].split("”")[0]) for p in built.warnings] == [
        (True, "lẻ"),
        (True, "ngàn"),
    ]
    # the same words in a document that writes "lẻ" and "ngàn" are its own style: nothing to say
    styled = write_document(
        tmp_path,
        "Kinh phí 1.005.000 đồng (Bằng chữ: Một triệu, không trăm lẻ năm ngàn đồng).\n",
        name="le",
        extra="chu_so: [le, ngan]\n",
    )
    assert check_document(styled) == []


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
    assert problem.warning
    assert problem.position.line == 3
    assert "không đọc được" in problem.message and reason in problem.message
    assert "viết đúng: “" in problem.message


def test_words_with_no_figure_before_them_are_a_warning(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, "Mở đầu.\n\n(Bằng chữ: Ba trăm triệu đồng).\n")
    assert problem.warning
    assert problem.position.line == 3
    assert "không đi kèm số tiền bằng số nào" in problem.message


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
    assert "thu/01-phan.md:3:1: BC990 " in line and message in line
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
    assert any("02-phan.md:1:1: BC990 " in m and "có 40 chữ số" in m for m in lines)
    assert any("02-phan.md:3:1: BC991 cảnh báo: " in m and "30 chữ số" in m for m in lines)
    assert all(len(m) < 400 for m in lines)
