"""A percent typed in prose beside two cited amounts, checked against them: "đã giải ngân
{{ tien("kp.da-chi") }}, đạt 95,2% kế hoạch {{ tien("kp.ke-hoach") }}".

In a sentence whose citations print exactly two amounts of money, a percent typed by hand between
them, or right after "đạt", "bằng", "chiếm", "tương đương" (two words may stand between), must be
one of them over the other ×100, or their difference over either ×100 ("tăng 5,2%"), at the
decimals it is typed with (half up); another is an error at the percent (`PROSE_PERCENT`). A
percent elsewhere ("…, tăng 12% so với năm trước") may be of something else, and a sentence with
one cited amount, or three, says nothing check can compute: neither is checked
(docs/huong-dan-bien-tap.md, "Những con số ký được").

"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction

from baocao import codes
from baocao.money.amount import NumberFormatError, parse_number
from baocao.money.figures import number as written
from baocao.problems import Problem
from baocao.resolve.prose import Prose, amounts, money

PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s*%")
SENTENCE_END = re.compile(r"[.;!?](?=\s|$)|\n\s*\n")
# A word that makes a percent a ratio of the sentence's amounts when it does not stand between
# them: "…{{ tien(a) }} trên tổng {{ tien(b) }}, đạt 95,2%".
RATIO_WORD = re.compile(r"(?:đạt|bằng|chiếm|tương\s+đương|tương\s+ứng)\s*(?:\S+\s*){0,2}$", re.I)


def check_percents(prose: Prose) -> list[Problem]:
    """Each percent typed by hand in a sentence holding two cited amounts, against them."""
    problems: list[Problem] = []
    if "%" not in prose.text or not prose.generated:
        return problems
    start = 0
    for end in [m.end() for m in SENTENCE_END.finditer(prose.text)] + [len(prose.text)]:
        problems += _sentence(prose, start, end)
        start = end
    return problems


def _sentence(prose: Prose, start: int, end: int) -> list[Problem]:
    text = prose.text[start:end]
    cited, spans = [], []
    for match in amounts(text):
        if prose.is_generated(start + match.start(), start + match.end()):
            try:
                cited.append(Fraction(money(match)[0].dong))
            except NumberFormatError:
                return []
            spans.append(match.span())
    if len(cited) != 2 or not all(cited):
        return []
    a, b = cited
    shares = [a / b, b / a, abs(a - b) / b, abs(a - b) / a]
    problems: list[Problem] = []
    for match in PERCENT.finditer(text):
        if prose.is_generated(start + match.start(), start + match.end()):
            continue
        between = spans[0][1] <= match.start() < spans[1][0]
        if not between and not RATIO_WORD.search(text[: match.start()]):
            continue  # "…, tăng 12% so với năm trước": a percent of something else
        typed = parse_number(match.group(1))
        exponent = typed.as_tuple().exponent
        assert isinstance(exponent, int)
        decimals = max(0, -exponent)
        if any(_half_up(share * 100, decimals) == typed for share in shares):
            continue
        right = _half_up(a / b * 100 if a < b else b / a * 100, decimals)
        problems.append(
            Problem(
                codes.PROSE_PERCENT,
                prose.position(start + match.start()),
                f"“{match.group(0)}” không khớp hai số tiền trích trong câu: "
                f"{written(Decimal(a.numerator) / a.denominator)} và "
                f"{written(Decimal(b.numerator) / b.denominator)} đồng cho tỷ lệ "
                f"{written(right, decimals)}% (số nhỏ trên số lớn) — sửa tỷ lệ cho khớp",
            )
        )
    return problems


def _half_up(value: Fraction, decimals: int) -> Decimal:
    scaled = abs(value) * 10**decimals
    whole = math.floor(scaled + Fraction(1, 2))
    return Decimal(whole if value >= 0 else -whole).scaleb(-decimals)
