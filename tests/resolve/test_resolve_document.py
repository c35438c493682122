"""resolve_document: budget tables computed where they stood, prose with its citations written out
and its tags gone, the typed and shown prose side by side, every problem in file and line order."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from baocao.parse.blocks import (
    Citation,
    DeclaredTable,
    Emphasis,
    Heading,
    Inline,
    Paragraph,
    Strong,
    Tag,
    Text,
)
from baocao.parse.document import parse_document
from baocao.problems import Position
from baocao.resolve.document import BudgetTable, Resolution, resolve_document
from budget_documents import HEADER, line_of, row, write_document
from placed import placed

TABLE = HEADER.replace("{#bang}", "{#bang cot=4}") + (
    "| = | Tổng cộng {#tong} | | | | |\n"
    "| I. | Khoa học {#kh} | | | | |\n"
    "| 1 | Nghiên cứu {#nc} | 60 | 0 | 60 | 1.000 |\n"
    "| 2 | Ứng dụng {#ud} | | | | 500 |\n"
)
CITING = (
    'Tổng: {{ tien_chu("bang.tong") }}, trong đó *nghiêng {{ so("bang.ud") }}* và '
    '**{{ tien("bang.nc") }}**; riêng **200.000.000 đồng**{#rieng}.\n\n'
    'Sau bảng: {{ chu("rieng") }}.\n'
)
PART = "# I. MỤC\n\n" + TABLE + "\n" + CITING


def resolve(folder: Path) -> Resolution:
    return resolve_document(parse_document(folder))


def all_inlines(inlines: tuple[Inline, ...]) -> list[Inline]:
    """Every inline, those nested in bold and italic included."""
    found: list[Inline] = []
    for inline in inlines:
        found.append(inline)
        if isinstance(inline, Strong | Emphasis):
            found.extend(all_inlines(inline.children))
    return found


def test_a_budget_table_is_computed_where_its_declaration_line_stood(tmp_path: Path) -> None:
    folder = write_document(tmp_path, PART)
    resolution = resolve(folder)
    assert resolution.problems == ()
    assert resolution.document is not None
    blocks = resolution.document.blocks
    kinds = [type(b).__name__ for b in blocks]
    assert kinds == ["Paragraph", "Heading", "BudgetTable", "Paragraph", "Paragraph"]
    (budget,) = [b for b in blocks if isinstance(b, BudgetTable)]
    part = folder / "01-phan.md"
    assert budget.position == Position(part, line_of(PART, "Đơn vị: Triệu đồng"))
    table = budget.table
    assert table.id == "bang"
    # 1.000 + 500 triệu đồng in (4); (1)–(3) from the one row that has them.
    assert row(table, "Khoa học").values[4].dong == Decimal(1_500_000_000)
    assert row(table, "Tổng cộng").values[4].dong == Decimal(1_500_000_000)
    assert row(table, "Tổng cộng").values[1].dong == Decimal(60_000_000)
    assert row(table, "Khoa học").parent is row(table, "Tổng cộng")


def test_prose_holds_its_citations_as_text_and_no_tags(tmp_path: Path) -> None:
    resolution = resolve(write_document(tmp_path, PART))
    assert resolution.document is not None
    prose = [b for b in resolution.document.blocks if not isinstance(b, BudgetTable)]
    for block in prose:
        assert not [i for i in all_inlines(block.inlines) if isinstance(i, Citation | Tag)]
    citing, after = prose[-2:]
    assert citing.inlines == (
        Text("Tổng: "),
        Strong((Text("1.500.000.000 đồng"),)),  # tien_chu: the figure bold, the words not
        Text(" (Một tỷ, năm trăm triệu đồng)"),
        Text(", trong đó "),
        Emphasis((Text("nghiêng "), Text("500"))),  # so: in the table's unit
        Text(" và "),
        Strong((Text("1.000.000.000 đồng"),)),  # tien, inside bold the editor typed
        Text("; riêng "),
        Strong((Text("200.000.000 đồng"),)),  # the declared amount, its tag gone
        Text("."),
    )
    assert after.inlines == (Text("Sau bảng: "), Text("Hai trăm triệu đồng"), Text("."))


def test_each_prose_block_as_typed_pairs_with_the_same_block_as_shown(tmp_path: Path) -> None:
    folder = write_document(tmp_path, PART)
    parsed = parse_document(folder)
    resolution = resolve_document(parsed)
    assert resolution.document is not None
    typed = [b for b in parsed.blocks if not isinstance(b, DeclaredTable)]
    shown = [b for b in resolution.document.blocks if not isinstance(b, BudgetTable)]
    assert [t for t, _ in resolution.prose] == typed
    assert [s for _, s in resolution.prose] == shown
    for before, after in resolution.prose:
        assert (type(before), before.position) == (type(after), after.position)
    opening, heading, citing, _ = resolution.prose
    assert opening[0] == opening[1]  # nothing to resolve: the same block
    assert isinstance(heading[1], Heading) and heading[0] == heading[1]
    assert isinstance(citing[0], Paragraph) and citing[0] != citing[1]
    assert any(isinstance(i, Citation) for i in all_inlines(citing[0].inlines))


def test_a_broken_front_matter_still_reports_the_tables_problems(tmp_path: Path) -> None:
    table = HEADER + "| 1 | Nghiên cứu | x | | | |\n"
    folder = write_document(tmp_path, table, extra="khoa_la: 1\n")
    resolution = resolve(folder)
    assert resolution.document is None
    front = (folder / "00-mo-dau.md").read_text(encoding="utf-8")
    where = [(p.position.path.name, p.position.line) for p in resolution.problems]
    assert where == [
        ("00-mo-dau.md", line_of(front, "khoa_la")),
        ("01-phan.md", line_of(table, "| x |")),
    ]
    front_problem, table_problem = resolution.problems
    assert "khoa_la" in front_problem.message
    assert "“x”" in table_problem.message and "cột (1)" in table_problem.message


def test_problems_come_in_file_and_line_order(tmp_path: Path) -> None:
    # Collected in another order: the table's problems first, then the prose's.
    first = (
        'Đầu {{ tien("khong-co") }}.\n\n'
        + TABLE.replace("{#tong} | | | | |", "{#tong} | | | | 9z |").replace("| 500 |", "| 5y0 |")
        + '\nCuối {{ tien("bang.khong-co") }}.\n'
    )
    second = 'Phần sau {{ so("cung-khong-co") }}.\n'
    folder = write_document(tmp_path, first, second)
    resolution = resolve(folder)
    where = [(p.position.path.name, p.position.line) for p in resolution.problems]
    assert where == [
        ("01-phan.md", 1),
        ("01-phan.md", line_of(first, "9z")),
        ("01-phan.md", line_of(first, "5y0")),
        ("01-phan.md", line_of(first, "Cuối")),
        ("02-phan.md", 1),
    ]
    assert line_of(first, "9z") < 10 <= line_of(first, "5y0")  # compared as numbers, not text


def test_errors_leave_out_warnings(tmp_path: Path) -> None:
    prose = 'Gõ tay 1.000.000.000 đồng; mã sai {{ tien("bang.khong-co") }}.\n'
    resolution = resolve(write_document(tmp_path, TABLE, prose))
    assert placed(resolution.problems) == [
        ("02-phan.md", 1, 8, "BC506"),  # retyped, not cited: a warning
        ("02-phan.md", 1, 44, "BC411"),  # an unknown id: an error
    ]
    assert resolution.errors == [resolution.problems[1]]
    assert resolution.document is not None  # content errors still leave a model to report on
