"""`baocao soat` does work in proportion to a document's length, however long its one section.

A received report often has no headings baocao can see, or one over thousands of lines: every
total there is weighed against the whole section, and the checks once did so for each total
anew (a text of 36.000 lines in one section took 6 s, four times the lines sixteen times the
time). The work is measured, not timed: the lines of soat's own modules run (baocao.received.read,
baocao.received.soat) and the calls into any of baocao's modules, counted by a trace function,
on a document and on one four times as long; a machine's speed has no part in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from baocao.received.soat.review import review_files
from work_count import work

OWN = re.compile(r"[/\\]received[/\\](?:read|soat)[/\\]\w+\.py$")
WORDS = ("Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín")


def money(k: int) -> str:
    return f"{k % 9 + 1}.000.000 đồng ({WORDS[k % 9]} triệu đồng)"


def one_section(blocks: int) -> str:
    """One heading over `blocks` stretches of prose, each with the shapes the checks read —
    a list under an amount, a total that does not add up, items named twice, a "Nội dung:"
    line, words that do not match their figure —, then a table of `blocks` rows."""
    lines = ["I. KINH PHÍ THỰC HIỆN", ""]
    for k in range(blocks):
        lines += [
            f"Tổng kinh phí đợt {k}: {3 * (k % 9 + 1) + 1}.000.000 đồng, gồm:",
            f"- Khoản a{k}: {money(k)};",
            f"- Khoản b{k}: {money(k)};",
            f"- Khoản c{k}: {money(k)}.",
            "",
            f"Mua trang thiết bị phòng họp {k % 7}: {money(k)}.",
            "",
            f"a) Chi sai chữ {k}: 2.000.000 đồng (Ba triệu đồng);",
            f"+ Mục cộng {k}: {money(k)};",
            "",
            f"Nội dung: Sửa chữa trụ sở {k % 5}",
            "",
            f"Kinh phí đề xuất: {money(k + 1)}.",
            "",
            f"Tổng cộng giai đoạn {k} là {k + 1}.001 đồng.",  # no grouping comes to it
            "",
        ]
    lines += ["Đơn vị: đồng", "TT\tNội dung\tKinh phí"]
    lines += [f"{k + 1}\tMua trang thiết bị phòng họp {k % 7}\t3.000.000" for k in range(blocks)]
    return "\n".join(lines) + "\n"


def many_headings(blocks: int) -> str:
    """`blocks` numbered headings under one, each with two items and a total of them."""
    lines = ["I. KINH PHÍ THỰC HIỆN", ""]
    for k in range(blocks):
        lines += [f"{k % 90 + 1}. Chi hỗ trợ thôn {k}", ""]
        lines += [f"Chi phí thôn {k}: {money(k)}.", "", f"Chi khác thôn {k}: {money(k)}.", ""]
        lines += [f"Tổng cộng thôn {k} là {money(k + 1)}.", ""]
    return "\n".join(lines) + "\n"


def one_paragraph(blocks: int) -> str:
    """One paragraph of `blocks` pairs of lines (no blank line between them): a "Tổng số …"
    sentence without an amount, then an amount."""
    lines = ["I. KINH PHÍ THỰC HIỆN", ""]
    for k in range(blocks):
        lines += [f"Tổng số hộ nghèo thôn {k} là 25 hộ.", f"Hỗ trợ thôn {k} {money(k)} mỗi hộ."]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("shape", "found"),
    [
        (
            one_section,
            [
                "“Tổng cộng” ghi 3.001 đồng, nhưng",
                "khoản liệt kê trong mục “I. KINH PHÍ THỰC HIỆN”",
                "các mục “-” bên dưới",
                "“Mua trang thiết bị phòng họp 3” ghi",
                "“Sửa chữa trụ sở 4” ghi",
                "số tiền bằng chữ không khớp",
            ],
        ),
        (many_headings, ["khoản liệt kê trong mục “2. Chi hỗ trợ thôn 1”"]),
        (one_paragraph, []),
    ],
)
def test_the_work_grows_with_the_length_not_its_square(
    tmp_path: Path, shape: Callable[[int], str], found: list[str]
) -> None:
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(shape(50), encoding="utf-8")
    large.write_text(shape(200), encoding="utf-8")
    review_files([small])  # the regular expressions compiled, the modules imported
    small_work, small_review = work(lambda: review_files([small]), OWN)
    large_work, large_review = work(lambda: review_files([large]), OWN)
    # the document goes through the checks, its problems about four times as many
    for words in found:
        assert words in "\n".join(large_review.lines)
    assert len(large_review.lines) >= 3.9 * len(small_review.lines)
    # linear: four times the lines, at most four times the work (and a little for noise); the
    # quadratic checks this guards against did five to twelve times the work here
    assert large_work <= 4.3 * small_work, (small_work, large_work, large_work / small_work)
