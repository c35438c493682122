"""The frame drawn from templates/frame.yaml: its styles exist, its texts are strict and inert."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from jinja2.exceptions import UndefinedError

from baocao.docx.styles import load_definition
from baocao.money.dates import DocumentDate
from baocao.parse.blocks import Paragraph, Text
from baocao.parse.frontmatter import FrontMatter, Signer
from baocao.problems import Position
from baocao.render import ast
from baocao.render.body import inlines
from baocao.render.document import render_document
from baocao.render.frame import Frame, definition
from baocao.resolve.document import ResolvedDocument
from pandoc_page import divs, style_of, text_of

FRONT = FrontMatter(
    agency=("ỦY BAN NHÂN DÂN", "XÃ THỬ NGHIỆM"),
    symbol="BC-UBND",
    place="Thử Nghiệm",
    date=DocumentDate(2027, 1, 8),
    type="BÁO CÁO",
    subject="Kiểm tra khung",
    signer=Signer(("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), "PHÓ CHỦ TỊCH", "Nguyễn Văn A"),
    recipients=("Như trên", "Lưu: VT"),
)


def frame_styles(elements: list[Any]) -> tuple[set[str], set[str]]:
    """The paragraph styles and the table styles a list of frame elements names."""
    paragraphs: set[str] = set()
    tables: set[str] = set()
    for element in elements:
        if not isinstance(element, dict):
            continue
        if "style" in element:
            paragraphs.add(element["style"])
        if "layout" in element:
            tables.add(element["layout"])
            for row in element["rows"]:
                for cell in row:
                    inner = frame_styles(cell)
                    paragraphs |= inner[0]
                    tables |= inner[1]
        if "appendices" in element:
            paragraphs |= frame_styles(element["appendices"])[0]
    return paragraphs, tables


def test_every_style_the_frame_names_is_defined() -> None:
    # pandoc creates an unknown custom style silently (docs/pandoc.md, 2): a typo would not show.
    paragraphs: set[str] = set()
    tables: set[str] = set()
    for elements in definition().values():
        found = frame_styles(elements)
        paragraphs |= found[0]
        tables |= found[1]
    styles = load_definition()
    assert len(paragraphs) > 10 and {"Header Block", "Signature Block"} < tables
    assert paragraphs <= set(styles["styles"])
    assert tables <= set(styles["tables"])


def page(front: FrontMatter = FRONT) -> list[ast.Node]:
    body = (Paragraph(Position(Path("x.md"), 1), (Text("Nội dung."),)),)
    return render_document(ResolvedDocument("x", front, body))["blocks"]


def styled_texts(blocks: list[ast.Node]) -> list[tuple[str, str]]:
    """(style, text) of every styled paragraph, in order."""
    return [(style_of(d), text_of(p["c"])) for d in divs(blocks) for p in d["c"][1]]


def test_the_signer_block_breaks_its_lines_and_lists_recipients() -> None:
    blocks = page()
    texts = styled_texts(blocks)
    assert ("Signer Authority", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH") in texts
    (authority,) = [b for b in divs(blocks) if style_of(b) == "Signer Authority"]
    breaks = [i["t"] for i in authority["c"][1][0]["c"] if i["t"] == "LineBreak"]
    assert len(breaks) == 2  # three lines in one paragraph
    assert [t for s, t in texts if s == "Recipients"] == ["- Như trên;", "- Lưu: VT."]


def test_an_element_with_a_false_when_is_left_out() -> None:
    assert "To" not in [s for s, _ in styled_texts(page())]
    with_recipients = dataclasses.replace(FRONT, to=("Ủy ban nhân dân huyện",))
    assert ("To", "Kính gửi: Ủy ban nhân dân huyện") in styled_texts(page(with_recipients))


@pytest.mark.parametrize(
    "typed",
    ["đôn đốc tập huấn", "V/v đôn đốc tập huấn", "v/v đôn đốc tập huấn", "V/V: đôn đốc tập huấn",
     "Về việc đôn đốc tập huấn", "về việc: đôn đốc tập huấn"],
)  # fmt: skip
def test_a_letters_subject_prints_v_v_once_as_nd30_writes_it(typed: str) -> None:
    letter = dataclasses.replace(FRONT, type="CÔNG VĂN", symbol="UBND", subject=typed)
    subjects = [t for s, t in styled_texts(page(letter)) if s == "Letter Subject"]
    assert subjects == ["V/v đôn đốc tập huấn"]


def test_front_matter_text_is_printed_never_run() -> None:
    front = dataclasses.replace(FRONT, subject="{{ 7 * 7 }} và {% if true %}x{% endif %}")
    assert ("Subject", "{{ 7 * 7 }} và {% if true %}x{% endif %}") in styled_texts(page(front))


def test_a_frame_naming_a_missing_value_is_an_error() -> None:
    frame = Frame({"front": FRONT}, inlines)
    with pytest.raises(UndefinedError):
        frame.draw([{"style": "Subject", "text": "{{ front.khong_co }}"}], [])
    with pytest.raises(UndefinedError):
        frame.draw([{"style": "Subject", "text": "{{ khong_co }}"}], [])
