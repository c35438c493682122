"""`baocao check`: words that contradict their figures, retyped amounts, and how problems print."""

from __future__ import annotations

from pathlib import Path

import pytest
from budget_documents import at, problems_of, write_document

from pipeline.build import build_document, check_document
from pipeline.cli import main

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
        (
            "Kinh phí 150.000.000 đồng (Một trăm năm mươi triệu đồg).",
            "số tiền bằng chữ của “150.000.000 đồng” không đọc được",
        ),
        (
            "Tổng 10.960.000.000 đồng (Bằng chữ: Muời tỷ, chín trăm sáu mươi triệu đồng).",
            "số tiền bằng chữ của “10.960.000.000 đồng” không đọc được",
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
    assert lines[0].endswith(
        "thu/01-phan.md:9: cột (1): “1.2.3” không phải số viết kiểu Việt Nam: nhóm “2” sau dấu "
        "chấm phải có đúng 3 chữ số (dấu chấm ngăn hàng nghìn; số thập phân viết bằng dấu phẩy)"
    )
    assert lines[1].endswith("thu/02-phan.md:1: số tiền bằng chữ không khớp bằng số: "
                             "“400.000.000 đồng” nhưng chữ “Hai trăm triệu đồng” là 200.000.000 "
                             "đồng; viết đúng: “Bốn trăm triệu đồng”")  # fmt: skip
    assert "thu/02-phan.md:3: không có khoản nào mang mã “pl.csld” — có phải: “pl.csdl”" in lines[2]
    assert "Có 3 lỗi và 0 cảnh báo." in err


def test_check_with_warnings_only_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_document(tmp_path, TABLE, "Kinh phí là 1.000.000.000 đồng.\n")
    assert main(["check", "--content", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "02-phan.md:1: cảnh báo: “1.000.000.000 đồng” gõ tay trùng" in out
    assert "Không có lỗi (1 cảnh báo)." in err


def test_build_says_why_it_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_document(tmp_path, TABLE, "**300.000.000 đồng** (Hai trăm triệu đồng).\n")
    output = tmp_path / "out"
    assert main(["build", "--content", str(tmp_path), "-o", str(output)]) == 1
    _, err = capsys.readouterr()
    assert "02-phan.md:1: số tiền bằng chữ không khớp bằng số" in err
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
