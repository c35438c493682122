"""`baocao check` does work in proportion to a paragraph's length, however long.

A text saved from Word without blank lines is one paragraph of thousands of lines, with an
amount and its words on many of them: the checks of each figure once looked through all the
words found before it, all the citations and tags of the paragraph, and copied the rest of its
text (a paragraph of 16.000 lines took 15 s, four times the lines ten times the time). The
work is measured, not timed (tests/work_count.py): the lines run in the prose modules and the
calls into baocao's, on a paragraph and on one four times as long. Copies of text made by
slicing run no line and are not counted; the amounts and words the checks read are.
"""

from __future__ import annotations

import re
from pathlib import Path

from baocao import codes
from baocao.parse.document import parse_document
from baocao.resolve.document import resolve_document
from budget_documents import write_document
from work_count import work

OWN = re.compile(r"[/\\]resolve[/\\]prose(?:_checks)?\.py$")
WORDS = ("Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín")


def one_paragraph(lines: int) -> str:
    """One paragraph of `lines` groups of lines: a figure with its words in parentheses, one
    with "Bằng chữ:" after it, words on a line of their own, a declared amount and a citation."""
    out = []
    for k in range(lines):
        n = k % 9
        out += [
            f"Khoản {k}: {n + 1}.000.000 đồng ({WORDS[n]} triệu đồng);",
            f"khoản {k} bis: {n + 1}.000.000 đồng, Bằng chữ: {WORDS[n].lower()} triệu đồng;",
            f"Bằng chữ: {WORDS[n].lower()} triệu đồng; chi {k}: **{k + 1}.500 đồng**{{#chi-{k}}},",
            f'nhắc lại {{{{ tien("chi-{k}") }}}} và {k + 1}.500 đồng;',
        ]
    return "\n".join(out) + "\n"


def test_the_checks_of_one_long_paragraph_grow_with_its_length(tmp_path: Path) -> None:
    small = write_document(tmp_path / "small", one_paragraph(50))
    large = write_document(tmp_path / "large", one_paragraph(200))
    resolve_document(parse_document(small))  # the regular expressions compiled
    small_work, small_found = work(lambda: resolve_document(parse_document(small)), OWN)
    large_work, large_found = work(lambda: resolve_document(parse_document(large)), OWN)
    # the paragraph goes through every check: a label without its figure, each retyped amount
    found = [p.code for p in large_found.problems]
    assert found.count(codes.WORDS_WITHOUT_FIGURE) == 200
    assert found.count(codes.RETYPED_AMOUNT) == 200
    assert len(large_found.problems) == 4 * len(small_found.problems)
    # linear: four times the lines, at most four times the work (and a little for noise)
    assert large_work <= 4.3 * small_work, (small_work, large_work, large_work / small_work)
