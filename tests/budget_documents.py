"""Throw-away documents for the budget, citation and check tests: front matter plus given parts,
and their blocks as resolve hands them on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from baocao.build import check_document, resolve_folder
from baocao.parse.blocks import Break, DeclaredTable, Emphasis, Inline, Item, Strong, Text
from baocao.parse.markdown import parse_blocks
from baocao.problems import Problem
from baocao.resolve.budget import Row, Table, compute, place_rows
from baocao.resolve.document import BudgetTable, ShownBlock
from baocao.resolve.tables import budget_table
from baocao.tools.bench import HEADER as TABLE_HEADER

FRONT_MATTER = """---
co_quan:
  - ỦY BAN NHÂN DÂN
  - XÃ THỬ NGHIỆM
ky_hieu: BC-UBND
dia_danh: Thử Nghiệm
ngay: 2027-01-08
loai: BÁO CÁO
trich_yeu: Kiểm tra số liệu
nguoi_ky:
  chuc_vu: CHỦ TỊCH
  ho_ten: Nguyễn Văn A
noi_nhan:
  - "Lưu: VT"
{extra}---

Mở đầu.
"""


def write_document(root: Path, *parts: str, name: str = "thu", extra: str = "") -> Path:
    """A document folder `root/name`: 00-mo-dau.md (front matter), then 01-….md for each part."""
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "00-mo-dau.md").write_text(FRONT_MATTER.format(extra=extra), encoding="utf-8")
    for number, text in enumerate(parts, start=1):
        (folder / f"{number:02d}-phan.md").write_text(text, encoding="utf-8")
    return folder


def problems_of(root: Path, *parts: str, extra: str = "") -> list[Problem]:
    """Every problem `baocao check` finds in a document made of `parts`."""
    return check_document(write_document(root, *parts, extra=extra))


def at(problems: list[Problem], line: int, file: str = "01-phan.md") -> list[str]:
    """The messages of the problems at `file`:`line`."""
    return [p.message for p in problems if p.position.path.name == file and p.position.line == line]


def table_part(rows: str, table_id: str = "kp", unit: str = "Triệu đồng") -> str:
    """A part holding one budget table: its unit line tagged `{#table_id}`, then its rows."""
    return f"Đơn vị: {unit} {{#{table_id}}}\n\n{rows}"


def messages_at(root: Path, part: str, needle: str) -> list[str]:
    """What check says at the line holding `needle`, in a document of the one `part`."""
    return at(problems_of(root, part), line_of(part, needle))


def shown(block: ShownBlock) -> str:
    """A resolved block as the reader reads it, bold as **…** and italic as *…*; an item with
    its marker."""

    def text(inlines: tuple[Inline, ...]) -> str:
        out = []
        for inline in inlines:
            match inline:
                case Text(words):
                    out.append(words)
                case Strong(children):
                    out.append(f"**{text(children)}**")
                case Emphasis(children):
                    out.append(f"*{text(children)}*")
                case Break():
                    out.append(" ")
        return "".join(out)

    if isinstance(block, BudgetTable):
        return f"[bảng {block.table.id}]"
    if isinstance(block, Item):
        return f"{block.marker} {text(block.inlines)}"
    return text(block.inlines)


def resolved(folder: Path) -> tuple[list[ShownBlock], list[Problem]]:
    """A document's blocks as resolve hands them to render, and every problem."""
    resolution = resolve_folder(folder)
    blocks = list(resolution.document.blocks) if resolution.document else []
    return blocks, list(resolution.problems)


# The budget table the citation tests cite: "pl", its column (2) by default, an id on each row.
CITED_TABLE = """\
Đơn vị: Triệu đồng {#pl cot=2}

| TT | NỘI DUNG | NĂM 2026 | NĂM 2027 |
|----|----------|----------|----------|
| A | B | (1) | (2) |
| = | Tổng cộng {#tong} | | |
| I. | Khoa học {#kh} | | |
| 1 | Nghiên cứu {#nc} | 5 | 1.000 |
| 2 | Ứng dụng {#ud} | | 500 |
| II. | Chuyển đổi số {#cds} | 7 | |
"""


def resolved_text(root: Path, prose: str, extra: str = "") -> tuple[list[str], list[Problem]]:
    """The blocks of `prose`, after CITED_TABLE, as the reader reads them; and every problem."""
    blocks, problems = resolved(write_document(root, CITED_TABLE, prose, extra=extra))
    return [shown(b) for b in blocks if b.position.path.name == "02-phan.md"], problems


HEADER = TABLE_HEADER  # a two-level header over (1)=(2)+(3), (2), (3) and (4), in triệu đồng

SAMPLE_SHAPE = (
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


def line_of(text: str, needle: str) -> int:
    """The 1-based line of `text` holding `needle` (so tests do not hard-code line numbers)."""
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


def load(body: str, declaration: str = "Đơn vị: Triệu đồng {#bang}") -> tuple[Table, list[Problem]]:
    """Parse, build, place and compute a table from its pipe lines, the declaration on line 1
    and the table from line 3; returns (table, problems)."""
    blocks, problems = parse_blocks(Path("t.md"), f"{declaration}\n\n{body.strip(chr(10))}\n")
    (typed,) = blocks
    assert isinstance(typed, DeclaredTable), problems
    table, found = budget_table(typed)
    assert table is not None, [*problems, *found]
    problems += found
    problems += place_rows(table)
    problems += compute(table)
    return table, problems


def row(table: Table, name: str) -> Row:
    return next(r for r in table.rows if r.name == name)


def figures(table: Table, name: str) -> list[str]:
    """A row's cells as the printed table shows them, columns (1), (2), …"""
    r = row(table, name)
    return [table.figure(r.values.get(c.number), c) for c in table.amount_columns]


def docx_budget_table(document: Any) -> Any:
    """The DOCX table printed from a budget table (the frame's layout tables are others)."""
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text == "TT"]
    return table


def places(problems: list[Problem], file: str = "01-phan.md") -> list[tuple[str, int, int]]:
    """Each problem of `file` as (code, line, column), in order of place."""
    found = [(p.code.code, p.position.line, p.position.column) for p in problems]
    return sorted(
        (f for f, p in zip(found, problems, strict=True) if p.position.path.name == file),
        key=lambda f: (f[1], f[2], f[0]),
    )


def cell(text: str, needle: str, index: int) -> tuple[int, int]:
    """Where cell `index` (0: the first) of the line holding `needle` is: its line, and the
    column its text starts at (an empty cell's: just after its "|")."""
    line = line_of(text, needle)
    source = text.split("\n")[line - 1]
    bars = [k for k, c in enumerate(source) if c == "|"]
    after = bars[index] + 1
    inside = source[after : bars[index + 1]] if index + 1 < len(bars) else source[after:]
    skipped = len(inside) - len(inside.lstrip()) if inside.strip() else 0
    return line, after + skipped + 1


def place(code: str, text: str, needle: str, index: int) -> tuple[str, int, int]:
    """(code, line, column) of a problem at cell `index` of the line holding `needle`."""
    return (code, *cell(text, needle, index))
