"""The end mark: "./." follows the last sentence exactly once, whatever the editor typed there
(docs/nd30-rules.md, "End mark")."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.parse.blocks import Break, Emphasis, Paragraph, Strong, Text, source_text
from baocao.problems import Position
from baocao.render.body import body_blocks, end_marked

AT = Position(Path("00.md"), 1)


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("… thi hành", "… thi hành./."),
        ("… thi hành.", "… thi hành./."),
        ("… thi hành./.", "… thi hành./."),
        ("… thi hành./", "… thi hành./."),
        ("… thi hành/.", "… thi hành./."),
        ("… thi hành ./.", "… thi hành./."),
        ("… thi hành. /.", "… thi hành./."),
        ("… thi hành . / .", "… thi hành./."),
        ("… thi hành. ./.", "… thi hành./."),
        ("… thi hành../.", "… thi hành./."),
        ("… nhiệm vụ khác; ./.", "… nhiệm vụ khác./."),
        ("… thi hành./.   ", "… thi hành./."),
        ("… nhiệm vụ khác;", "… nhiệm vụ khác./."),
        ("… nhiệm vụ khác,", "… nhiệm vụ khác./."),
        ("… như sau:", "… như sau:./."),
        ("… (có danh sách kèm theo)", "… (có danh sách kèm theo)./."),
        ("… v.v.", "… v.v./."),
        ("năm 2027", "năm 2027./."),
        ("", "./."),
    ],
)
def test_the_mark_follows_the_last_sentence_once(typed: str, printed: str) -> None:
    assert source_text(end_marked((Text(typed),))) == printed


def test_the_mark_reaches_into_bold_and_italic_and_past_line_ends() -> None:
    assert end_marked((Strong((Text("thi hành."),)), Text(" "))) == (
        Strong((Text("thi hành"),)),
        Text("./."),
    )
    assert end_marked((Text("a "), Emphasis((Text("b ./"),)))) == (
        Text("a "),
        Emphasis((Text("b"),)),
        Text("./."),
    )
    assert end_marked((Text("thi hành."), Break(hard=True), Text("./."))) == (
        Text("thi hành"),
        Text("./."),
    )


def test_a_long_run_of_spaces_is_no_trap() -> None:
    text = "a" + " " * 200_000 + "b."
    assert source_text(end_marked((Text(text),))) == "a b./."


def test_the_body_ends_once_marked() -> None:
    last = Paragraph(AT, (Text("Quyết định này có hiệu lực thi hành. /."),))
    *_, para = body_blocks([Paragraph(AT, (Text("Đoạn đầu."),)), last])
    words = "".join(node["c"] if node["t"] == "Str" else " " for node in para["c"])
    assert words == "Quyết định này có hiệu lực thi hành./."
