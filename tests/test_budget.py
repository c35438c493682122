"""Budget tables: the syntax, the hierarchy from TT codes, computed totals, every table problem."""

from __future__ import annotations

import json
import time
from pathlib import Path

import docx
import pypandoc
import pytest
from budget_documents import at, problems_of, write_document

from pipeline.build import build_document, check_document
from pipeline.docx.pandoc import INPUT_FORMAT
from pipeline.errors import ContentErrors
from pipeline.money.amount import Amount, Unit
from pipeline.render.budget_markdown import table_grid
from pipeline.resolve.budget import code_rank, compute, place_rows
from pipeline.resolve.budget_reader import read_table

HEADER = """\
Đơn vị: Triệu đồng {#bang}

| TT | NỘI DUNG | KINH PHÍ NĂM 2026 | < | < | DỰ TOÁN 2027 |
|----|----------|-------------------|---|---|--------------|
| ^ | ^ | TỔNG CỘNG | ĐÃ GIẢI NGÂN | DỰ KIẾN | ^ |
| A | B | (1)=(2)+(3) | (2) | (3) | (4) |
"""


def line_of(text: str, needle: str) -> int:
    """The 1-based line of `text` holding `needle` (so tests do not hard-code line numbers)."""
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


def load(body: str, declaration: str = "Đơn vị: Triệu đồng {#bang}"):
    """Read, place and compute a table from its pipe lines; returns (table, problems)."""
    lines = body.strip("\n").split("\n")
    table, problems = read_table(Path("t.md"), 1, declaration, 3, lines)
    assert table is not None, problems
    problems += place_rows(table)
    problems += compute(table)
    return table, problems


def budget_table(document):
    """The DOCX table generated from a budget table (the frame's layout tables are others)."""
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text == "TT"]
    return table


def row(table, name: str):
    return next(r for r in table.rows if r.name == name)


def shown(table, name: str) -> list[str]:
    """A row's cells as the generated table shows them, columns (1), (2), …"""
    r = row(table, name)
    return [table.figure(r.values.get(c.number)) for c in table.amount_columns]


# --- TT codes and hierarchy ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("A", 1),
        ("B", 1),
        ("C", 1),  # a letter, not the Roman hundred
        ("I.", 2),
        ("IV", 2),
        ("XII", 2),
        ("1", 3),
        ("6.1", 3),
        ("a", 4),
        ("đ", 4),
        ("a)", 4),
        ("b1", 4),
        ("b.1", 4),
        ("b.1.1", 4),
    ],
)
def test_code_kinds(code: str, kind: int) -> None:
    assert code_rank(code)[0] == kind


def test_deeper_codes_rank_below_shallower_ones_of_their_kind() -> None:
    assert code_rank("1") < code_rank("6.1") < code_rank("a") < code_rank("b1") < code_rank("b.1.1")
    assert code_rank("b1") == code_rank("b.1")


@pytest.mark.parametrize("code", ["e(các nội dung…)", "1a", "ab", "-", "I.1"])
def test_what_is_not_a_code(code: str) -> None:
    assert code_rank(code) is None


REFERENCE_SHAPE = (
    HEADER.split("\n", 2)[2]
    + """\
| = | Tổng cộng (A+B) | | | | |
| A | Chi thường xuyên | | | | |
| I. | Khoa học | | | | |
| 1 | Khoản 101 | | | | |
| a | Chi hỗ trợ | | | | 5 |
| b | Chi nhiệm vụ | | | | |
| b1 | Chuyển tiếp | | | | 1 |
| b2 | Mở mới | | | | |
| + | Nhiệm vụ X | | | | 7 |
| + | Nhiệm vụ Y | | | | 8 |
| ++ | Phần việc của Y | | | | |
| IV | Chuyển đổi số | | | | |
| b.1 | Ứng dụng | | | | |
| b.1.1 | Chuyển tiếp | | | | 2 |
| c | Khác | | | | |
| c1 | Chuyển tiếp | | | | |
| +IV | Chuyên trách | | | | 60 |
| + | Sau chuyên trách | | | | 1 |
| B | Đầu tư | | | | 100 |
"""
)


def test_hierarchy_follows_the_codes_and_the_markers() -> None:
    table, problems = load(REFERENCE_SHAPE)
    assert problems == []
    parent = {r.name: (r.parent.name if r.parent else None) for r in table.rows}
    assert parent["Chi thường xuyên"] == "Tổng cộng (A+B)"
    assert parent["Đầu tư"] == "Tổng cộng (A+B)"
    assert parent["Khoa học"] == "Chi thường xuyên"
    assert parent["Chi hỗ trợ"] == "Khoản 101"
    assert parent["Chuyển tiếp"] in ("Chi nhiệm vụ", "Ứng dụng", "Khác")
    assert parent["Nhiệm vụ X"] == "Mở mới"  # "+": the coded row above
    assert parent["Nhiệm vụ Y"] == "Mở mới"
    assert parent["Phần việc của Y"] == "Nhiệm vụ Y"  # "++": the "+" row above
    assert parent["Chuyển đổi số"] == "Chi thường xuyên"  # IV after b2: back up to A
    assert parent["Ứng dụng"] == "Chuyển đổi số"
    assert parent["Khác"] == "Chuyển đổi số"  # c closes b.1 and b.1.1
    assert parent["Chuyên trách"] == "Chuyển đổi số"  # "+IV", after c1
    assert parent["Sau chuyên trách"] == "Chuyển đổi số"  # "+" rows after "+IV" stay with IV


def test_parents_are_the_sums_of_their_children_up_to_the_total() -> None:
    table, _ = load(REFERENCE_SHAPE)
    assert shown(table, "Mở mới")[3] == "15"
    assert shown(table, "Khoản 101")[3] == "21"  # 5 + 1 + 15
    assert shown(table, "Chuyển đổi số")[3] == "63"  # 2 + 60 + 1
    assert shown(table, "Chi thường xuyên")[3] == "84"
    assert shown(table, "Tổng cộng (A+B)")[3] == "184"
    assert shown(table, "Phần việc của Y")[3] == ""  # an empty cell stays empty


def test_a_total_row_may_stand_last() -> None:
    table, problems = load(
        HEADER.split("\n", 2)[2]
        + "| A | Một | | | | 1 |\n| B | Hai | | | | 2 |\n| = | Tổng cộng | | | | 3 |\n"
    )
    assert problems == []
    assert shown(table, "Tổng cộng")[3] == "3"


def test_a_formula_column_is_computed_where_left_empty() -> None:
    table, problems = load(
        HEADER.split("\n", 2)[2] + "| = | Tổng | | | | |\n| A | Một | | 30 | 70 | |\n"
    )
    assert problems == []
    assert shown(table, "Một")[:3] == ["100", "30", "70"]
    assert shown(table, "Tổng")[:3] == ["100", "30", "70"]


def test_typed_parents_that_agree_are_not_flagged() -> None:
    _, problems = load(
        HEADER.split("\n", 2)[2]
        + "| 8 | Khoản 108 | 0 | 0 | 0 | 150 |\n| a | Chi thường xuyên | | | | |\n"
        + "| d | Tiêu chuẩn | | | | 100 |\n| đ | Sở hữu trí tuệ | | | | 50 |\n"
    )
    assert problems == []


def test_a_parent_whose_children_are_all_empty_keeps_its_own_value() -> None:
    table, problems = load(
        HEADER.split("\n", 2)[2]
        + "| b | Nhiệm vụ | | | | |\n| b.3 | Sở hữu trí tuệ | | | | 50 |\n"
        + "| b.3.1 | Chuyển tiếp | | | | |\n| b.3.2 | Mở mới | | | | |\n"
    )
    assert problems == []
    assert shown(table, "Nhiệm vụ")[3] == "50"


# --- problems, each at its line, with expected and found values ------------------------------


def test_parent_not_the_sum_of_its_children(tmp_path: Path) -> None:
    body = HEADER + "| IV | Chuyển đổi số | | | | 10.310 |\n| a | Một | | | | 10.000 |\n"
    body += "| b | Hai | | | | 370 |\n"
    problems = problems_of(tmp_path, body)
    (message,) = at(problems, line_of(body, "Chuyển đổi số"))
    assert "dòng IV “Chuyển đổi số”" in message
    assert "cột (4): ghi 10.310, tổng các mục con là 10.370" in message
    assert len(problems) == 1


def test_all_wrong_columns_of_a_row_in_one_message(tmp_path: Path) -> None:
    body = HEADER + "| A | Chi | 0 | 0 | 0 | 0 |\n| + | Việc | 60 | 0 | 60 | 60 |\n"
    (message,) = [p.message for p in problems_of(tmp_path, body)]
    assert "cột (1): ghi 0, tổng các mục con là 60" in message
    assert "cột (3): ghi 0, tổng các mục con là 60" in message
    assert "cột (4): ghi 0, tổng các mục con là 60" in message


def test_broken_column_formula(tmp_path: Path) -> None:
    body = HEADER + "| = | Tổng | 390 | 73 | 390 | |\n| + | Chưa chi tiết | ? | ? | ? | |\n"
    problems = problems_of(tmp_path, body)
    (message,) = at(problems, line_of(body, "| = |"))
    assert "sai công thức cột (1)=(2)+(3)" in message
    assert "cột (1) ghi 390, nhưng (2)+(3) = 73 + 390 = 463" in message
    assert len(problems) == 1  # the remainder row is not blamed for its parent's formula


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("1.2.3", "nhóm “2” sau dấu chấm phải có đúng 3 chữ số"),
        ("12.34", "nhóm “34”"),
        ("10,960.5", "dấu chấm đứng sau dấu phẩy"),
        ("mười", "có ký tự không phải chữ số"),
        ("**390**", "“*”"),
    ],
)
def test_malformed_or_non_numeric_amount(tmp_path: Path, cell: str, reason: str) -> None:
    body = HEADER + f"| A | Một | | | | {cell} |\n"
    (message,) = at(problems_of(tmp_path, body), line_of(body, "| A | Một"))
    assert message.startswith("cột (4): ")
    assert f"“{cell}”" in message
    assert reason in message


def test_decimals_need_the_table_to_allow_them(tmp_path: Path) -> None:
    body = HEADER + "| A | Một | | | | 0,5 |\n"
    (message,) = at(problems_of(tmp_path, body), line_of(body, "| A | Một"))
    assert "“0,5” triệu đồng có nhiều chữ số thập phân hơn bảng cho phép (số nguyên)" in message
    allowed = body.replace("{#bang}", "{#bang thap_phan=1}")
    assert problems_of(tmp_path / "le", allowed) == []


def test_row_with_the_wrong_number_of_cells(tmp_path: Path) -> None:
    body = HEADER + "| A | Một | | | 5 |\n| B | Hai | | | | 5 | 6 |\n"
    problems = problems_of(tmp_path, body)
    assert "có 5 ô, bảng có 6 cột" in at(problems, line_of(body, "| A | Một"))[0]
    assert "có 7 ô, bảng có 6 cột" in at(problems, line_of(body, "| B | Hai"))[0]


def test_duplicate_row_id(tmp_path: Path) -> None:
    body = HEADER + "| A | Một {#mot} | | | | 1 |\n| B | Hai {#mot} | | | | 2 |\n"
    (message,) = at(problems_of(tmp_path, body), line_of(body, "| B | Hai"))
    assert message == f"mã “mot” đã dùng cho dòng {line_of(body, '| A | Một')} của bảng “bang”"


def test_row_without_code_or_marker_and_unreadable_code(tmp_path: Path) -> None:
    body = HEADER + "| | Không mã | | | | 1 |\n| 1a | Mã lạ | | | | 2 |\n"
    problems = problems_of(tmp_path, body)
    assert "dòng không có mã TT: ghi “+”" in at(problems, line_of(body, "Không mã"))[0]
    assert "mã TT “1a” không đọc được" in at(problems, line_of(body, "Mã lạ"))[0]


def test_marker_naming_a_row_not_on_the_branch(tmp_path: Path) -> None:
    body = HEADER + "| I. | Một | | | | |\n| +IV | Mục | | | | 1 |\n"
    (message,) = at(problems_of(tmp_path, body), line_of(body, "| +IV |"))
    assert "không thấy dòng mã “IV” ở nhánh phía trên (các dòng đang mở: I.)" in message


def test_remainder_row_shows_the_unitemised_part_of_a_declared_total(tmp_path: Path) -> None:
    body = HEADER + (
        "| = | Kinh phí (A+B) | 390 | 73 | 317 | |\n"
        "| + | Chưa chi tiết | ? | ? | ? | |\n"
        "| A | Chi thường xuyên | | | | |\n"
        "| + | Chuyên trách | 60 | 0 | 60 | |\n"
    )
    folder = write_document(tmp_path, body)
    assert check_document(folder) == []
    target = build_document(folder, tmp_path / "out").target
    table = budget_table(docx.Document(str(target)))
    cells = [[c.text for c in r.cells] for r in table.rows]
    assert ["", "Chưa chi tiết", "330", "73", "257", ""] in cells
    assert ["", "Kinh phí (A+B)", "390", "73", "317", ""] in cells


def test_remainder_problems(tmp_path: Path) -> None:
    body = HEADER + (
        "| A | Không ghi tổng | | | | |\n| + | Phần còn lại | | | | ? |\n"
        "| B | Ghi tổng nhỏ | | | | 10 |\n| + | Mục | | | | 30 |\n"
        "| + | Phần còn lại B | | | | ? |\n"
    )
    problems = problems_of(tmp_path, body)
    assert "ô “?” là phần còn lại của số tổng ghi ở dòng A “Không ghi tổng”" in "".join(
        at(problems, line_of(body, "| + | Phần còn lại |"))
    )
    assert "các mục con của dòng B “Ghi tổng nhỏ” cộng lại 30, vượt số tổng ghi 10" in "".join(
        at(problems, line_of(body, "Phần còn lại B"))
    )


def test_table_shape_problems(tmp_path: Path) -> None:
    no_numbers = (
        "Đơn vị: Triệu đồng {#a}\n\n| TT | NỘI DUNG | X |\n|---|---|---|\n| A | Một | 1 |\n"
    )
    assert "thiếu dòng số cột" in problems_of(tmp_path / "1", no_numbers)[0].message
    bad_formula = HEADER.replace("(1)=(2)+(3)", "(1)=(2)+(9)")
    assert "bảng không có cột (9)" in problems_of(tmp_path / "2", bad_formula)[0].message
    no_unit = HEADER.replace("Triệu đồng", "Triệu USD")
    assert "đơn vị “Triệu USD” không rõ" in problems_of(tmp_path / "3", no_unit)[0].message
    lone = "| A | B |\n|---|---|\n| 1 | 2 |\n"
    assert "không có dòng khai báo “Đơn vị" in problems_of(tmp_path / "4", lone)[0].message
    split = HEADER + "| A | Một | | | | 1 |\n\n| B | Hai | | | | 2 |\n"
    (problem,) = problems_of(tmp_path / "5", split)
    assert problem.position.line == line_of(split, "| B | Hai")
    bad_merge = HEADER.replace("| ^ | ^ | TỔNG", "| ^ | < | TỔNG")
    messages = [p.message for p in problems_of(tmp_path / "6", bad_merge)]
    assert any("“TT” gộp bằng “<” và “^” không thành hình chữ nhật" in m for m in messages)


# --- the generated table ---------------------------------------------------------------------


def test_generated_grid_table_reads_back_with_merged_header_and_alignment() -> None:
    table, _ = load(REFERENCE_SHAPE)
    markdown = table_grid(table)
    ast = json.loads(pypandoc.convert_text(markdown, "json", format=INPUT_FORMAT))
    (block,) = ast["blocks"]
    assert block["t"] == "Table"
    _, _, colspecs, head, bodies, _ = block["c"]
    assert [spec[0]["t"] for spec in colspecs] == ["AlignCenter", "AlignLeft"] + ["AlignRight"] * 4
    first_header_row = head[1][0][1]
    spans = [(cell[2], cell[3]) for cell in first_header_row]  # (rows, columns)
    assert spans == [(2, 1), (2, 1), (1, 3), (2, 1)]
    assert len(head[1]) == 3  # two header rows and the column-number row, repeated on each page
    rows = bodies[0][3]
    assert len(rows) == len(table.rows)
    assert {len(r[1]) for r in rows} == {6}


def test_docx_table_keeps_codes_names_and_shows_computed_values(tmp_path: Path) -> None:
    body = HEADER + REFERENCE_SHAPE.split("\n", 4)[4]
    target = build_document(write_document(tmp_path, body), tmp_path / "out").target
    document = docx.Document(str(target))
    table = budget_table(document)
    cells = [[c.text for c in r.cells] for r in table.rows]
    assert cells[0][2] == "KINH PHÍ NĂM 2026"  # merged over (1)–(3)
    assert cells[1][2:5] == ["TỔNG CỘNG", "ĐÃ GIẢI NGÂN", "DỰ KIẾN"]
    assert cells[2] == ["A", "B", "(1)=(2)+(3)", "(2)", "(3)", "(4)"]
    assert cells[3] == ["", "Tổng cộng (A+B)", "", "", "", "184"]
    assert cells[4] == ["A", "Chi thường xuyên", "", "", "", "84"]
    assert ["", "Nhiệm vụ X", "", "", "", "7"] in cells
    assert [r[1] for r in cells[3:]] == [r.name for r in load(REFERENCE_SHAPE)[0].rows]
    bold = [r.cells[1].paragraphs[0].runs[0].bold for r in table.rows[3:6]]
    assert bold == [True, True, True]  # total, A, I.
    assert not table.rows[6].cells[1].paragraphs[0].runs[0].bold  # 1
    unit = [p for p in document.paragraphs if p.text == "Đơn vị: Triệu đồng"]
    assert unit and unit[0].style.name == "Unit Line"


def test_build_refuses_content_that_fails_check_and_keeps_the_previous_output(
    tmp_path: Path,
) -> None:
    folder = write_document(tmp_path, HEADER + "| A | Một | | | | 1 |\n")
    output = tmp_path / "out"
    target = build_document(folder, output).target
    before = target.read_bytes()
    (folder / "01-phan.md").write_text(HEADER + "| A | Một | | | | 1.2.3 |\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as failure:
        build_document(folder, output)
    assert "“1.2.3”" in str(failure.value)
    assert target.read_bytes() == before


# --- speed -----------------------------------------------------------------------------------


def big_table(rows: int) -> str:
    """A generated table of `rows` rows: Roman sections, numbered items, lettered leaves."""
    lines = [HEADER.rstrip("\n"), "| = | Tổng cộng {#tong} | | | | |"]
    count = 1
    section = 0
    while count < rows:
        section += 1
        lines.append(f"| {_roman(section)} | Mục {section} {{#muc-{section}}} | | | | |")
        count += 1
        for item in range(1, 20):
            if count >= rows:
                break
            lines.append(f"| {item} | Khoản {section}.{item} | | | | |")
            count += 1
            for leaf in "abcd":
                if count >= rows:
                    break
                lines.append(f"| {leaf} | Việc {leaf} | | 1.000 | 2.500 | 12.345 |")
                count += 1
    return "\n".join(lines) + "\n"


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def test_check_of_a_2000_row_table_takes_under_a_second(tmp_path: Path) -> None:
    body = big_table(2000)
    folder = write_document(tmp_path, body + 'Tổng: {{ tien_chu("bang.tong(4)") }}.\n')
    assert body.count("\n| ") >= 2000
    started = time.perf_counter()
    problems = check_document(folder)
    elapsed = time.perf_counter() - started
    assert problems == []
    assert elapsed < 1.0, f"check took {elapsed:.2f} s"


def test_big_table_totals_are_exact() -> None:
    table, problems = load(big_table(2000).split("\n", 2)[2])
    assert problems == []
    leaves = sum(1 for r in table.rows if r.code in ("a", "b", "c", "d"))
    total = row(table, "Tổng cộng")
    assert total.values[4] == Amount.of(12345 * leaves, Unit.TRIEU)
    assert total.values[1] == Amount.of(3500 * leaves, Unit.TRIEU)


def test_a_declaration_line_and_its_table_share_a_file(tmp_path: Path) -> None:
    declaration, table = HEADER.split("\n\n", 1)
    problems = problems_of(tmp_path, declaration + "\n", table + "| A | Một | | | | 1 |\n")
    assert [(p.position.path.name, p.position.line) for p in problems] == [
        ("01-phan.md", 1),
        ("02-phan.md", 1),
    ]
    assert "phải có bảng ngay bên dưới" in problems[0].message
    assert "không có dòng khai báo" in problems[1].message
