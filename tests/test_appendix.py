"""Appendices: where they start, the "(Kèm theo …)" line and the unit line, from their sources."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pipeline.errors import Position
from pipeline.money.amount import Unit
from pipeline.money.dates import BLANK, DocumentDate
from pipeline.parse.document import Block, Document
from pipeline.parse.frontmatter import FrontMatter, Signer
from pipeline.render.appendix import (
    Appendix,
    agency_name,
    reference_line,
    split_appendices,
    unit_line,
    unit_text,
)
from pipeline.render.document import render_document

HERE = Position(Path("90-phu-luc.md"), 1)
FRONT = FrontMatter(
    agency=("ỦY BAN NHÂN DÂN", "XÃ NGUYỄN LƯƠNG BẰNG"),
    symbol="BC-UBND",
    place="Nguyễn Lương Bằng",
    date=DocumentDate(2026, 7),
    type="BÁO CÁO",
    subject="Thử",
    signer=Signer((), "CHỦ TỊCH", "Nguyễn Văn A"),
    recipients=("Lưu: VT",),
)


def block(kind: str, text: str = "", level: int = 0, **extra: object) -> Block:
    return Block(kind, HERE, [{"type": "text", "raw": text}], level, **extra)  # type: ignore[arg-type]


def test_a_level_one_phu_luc_heading_starts_an_appendix_and_the_next_heading_titles_it() -> None:
    body = [block("heading", "I. MỤC", 1), block("paragraph", "Xem Phụ lục kèm theo.")]
    first = [block("heading", "Phụ lục I", 1), block("heading", "TỔNG HỢP", 2), block("markdown")]
    second = [block("heading", "PHỤ LỤC II", 1), block("paragraph", "x")]
    kept, appendices = split_appendices(body + first + second)
    assert kept == body
    assert [a.heading.inlines[0]["raw"] for a in appendices] == ["Phụ lục I", "PHỤ LỤC II"]
    assert appendices[0].title is first[1] and appendices[0].blocks == [first[2]]
    assert appendices[1].title is None and appendices[1].blocks == [second[1]]


def test_a_phu_luc_heading_below_level_one_is_body() -> None:
    body = [block("heading", "Phụ lục chi tiết", 2)]
    assert split_appendices(body) == (body, [])


def test_agency_in_running_text() -> None:
    assert agency_name(FRONT) == "Ủy ban nhân dân xã Nguyễn Lương Bằng"
    other = dataclasses.replace(FRONT, agency=("ỦY BAN NHÂN DÂN", "PHƯỜNG HỒNG BÀNG"))
    assert agency_name(other) == "Ủy ban nhân dân phường Hồng Bàng"


def test_reference_line_keeps_a_draft_s_blanks() -> None:
    assert reference_line(FRONT) == (
        f"(Kèm theo Báo cáo số {chr(0xA0) * 6}/BC-UBND ngày {BLANK} tháng 7 năm 2026 "
        "của Ủy ban nhân dân xã Nguyễn Lương Bằng)"
    )


def test_reference_line_of_a_signed_report() -> None:
    signed = dataclasses.replace(FRONT, number=5, date=DocumentDate(2027, 1, 8))
    assert reference_line(signed) == (
        "(Kèm theo Báo cáo số 05/BC-UBND ngày 08 tháng 01 năm 2027 "
        "của Ủy ban nhân dân xã Nguyễn Lương Bằng)"
    )


def test_reference_line_can_be_given_in_the_front_matter() -> None:
    given = dataclasses.replace(FRONT, extra={"phu_luc": {"kem_theo": "(Kèm theo Kế hoạch số 1)"}})
    assert reference_line(given) == "(Kèm theo Kế hoạch số 1)"


@pytest.mark.parametrize(
    ("value", "line"),
    [
        ("triệu đồng", "Đơn vị: Triệu đồng"),
        (Unit.TRIEU, "Đơn vị: Triệu đồng"),
        ("Đơn vị tính: triệu đồng", "Đơn vị tính: triệu đồng"),
        ("Đơn vị:  Triệu đồng", "Đơn vị: Triệu đồng"),
    ],
)
def test_unit_text(value: object, line: str) -> None:
    assert unit_text(value) == line


def appendix_of(*blocks: Block) -> Appendix:
    return split_appendices([block("heading", "Phụ lục", 1), *blocks])[1][0]


def test_a_table_stating_its_unit_gives_the_line_and_its_bare_grid() -> None:
    table = block(
        "markdown", source="UNIT LINE + GRID", token={"unit": "Đơn vị: Triệu đồng", "grid": "GRID"}
    )
    typed = block("paragraph", "Đơn vị: nghìn đồng")
    line, blocks = unit_line(appendix_of(typed, table), FRONT)
    assert line == "Đơn vị: Triệu đồng"
    assert [b.source for b in blocks] == ["GRID"]


def test_a_typed_unit_paragraph_becomes_the_line() -> None:
    typed = block("paragraph", "Đơn vị tính: Triệu đồng")
    rest = block("markdown", source="GRID")
    line, blocks = unit_line(appendix_of(typed, rest), FRONT)
    assert line == "Đơn vị tính: Triệu đồng"
    assert blocks == [rest]


def test_the_front_matter_unit_comes_last() -> None:
    front = dataclasses.replace(FRONT, extra={"phu_luc": {"don_vi": "triệu đồng"}})
    assert unit_line(appendix_of(block("markdown", source="G")), front)[0] == "Đơn vị: Triệu đồng"
    assert unit_line(appendix_of(block("markdown", source="G")), FRONT)[0] is None


def test_the_end_mark_closes_the_body_not_the_appendix(tmp_path: Path) -> None:
    blocks = [
        block("paragraph", "Nội dung báo cáo."),
        block("heading", "Phụ lục", 1),
        block("heading", "TỔNG HỢP", 2),
        block("paragraph", "Ghi chú."),
    ]
    markdown = render_document(Document("x", tmp_path, [], FRONT, blocks))
    assert "Nội dung báo cáo\\.\\.\\/\\." in markdown
    assert "Ghi chú\\." in markdown and "Ghi chú\\.\\.\\/" not in markdown
    assert markdown.index("Nơi nhận") < markdown.index("Phụ lục") < markdown.index("TỔNG HỢP")
