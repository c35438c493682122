"""Checks on the prose as typed: words that contradict their figures, and figures typed twice.

Old reports state an amount twice, "300.000.000 đồng (Hai trăm triệu đồng)", and the two drift
apart; every such pair anywhere in the prose is read back and compared. A figure typed by hand
that equals an amount the document already knows by id is a warning: it should cite the id, so
that a later change cannot leave it behind.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import Position, Problem
from pipeline.money.amount import Amount, Unit, parse_number
from pipeline.money.figures import dong
from pipeline.money.words import WordsError, WordsStyle, amount_in_words, parse_words

FIGURE = (
    r"(?<![\d.,])-?\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.,]\d)|(?<![\d.,])-?\d+(?:,\d+)?(?![\d.,]\d)"
)
MONEY = re.compile(rf"({FIGURE})\s*(?:(nghìn|ngàn|triệu|tỷ|tỉ)\s+)?đồng(?!\w)")
WORDS_AFTER = re.compile(r"\s*\(\s*((?:bằng chữ\s*:\s*)?[^()]*?)\s*\)", re.IGNORECASE)
# Words that can open an amount in words; "(Theo Kế hoạch số …)" after an amount is not one.
NUMBER_WORDS = {
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "âm",
}  # fmt: skip


@dataclass
class Prose:
    """The text of one block as the reader will see it, with where each character came from.

    `generated` spans were written by references; `tags` are the offsets where an amount's
    `{#id}` tag stood (so the figure just before it is a declaration, not a retyped amount).
    """

    path: Path
    text: str = ""
    starts: list[int] = field(default_factory=lambda: [0])
    lines: list[int] = field(default_factory=lambda: [1])
    generated: list[tuple[int, int]] = field(default_factory=list)
    tags: list[int] = field(default_factory=list)

    def line_at(self, offset: int) -> int:
        return self.lines[bisect_right(self.starts, offset) - 1]

    def position(self, offset: int) -> Position:
        return Position(self.path, self.line_at(offset))

    def is_generated(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.generated)

    def is_declared(self, end: int) -> bool:
        """Whether a `{#id}` tag followed the text ending at `end` (spaces between allowed)."""
        rest = len(self.text[end:]) - len(self.text[end:].lstrip(" "))
        return any(end <= t <= end + rest for t in self.tags)


def money(figures: str, scale: str | None) -> Amount:
    """ "300.000.000", None → 300 000 000 đồng; "10.960", "triệu" → the same in triệu đồng."""
    unit = Unit.parse(f"{scale} đồng") if scale else Unit.DONG
    return Amount.of(parse_number(figures), unit)


def check_words(prose: Prose, style: WordsStyle) -> list[Problem]:
    """Every "figure đồng (words)" pair whose words do not state the figure."""
    problems: list[Problem] = []
    if "đồng" not in prose.text:  # most paragraphs name no amount: skip the regex
        return problems
    for match in MONEY.finditer(prose.text):
        after = WORDS_AFTER.match(prose.text, match.end())
        if not after:
            continue
        words = after.group(1)
        bare = re.sub(r"^bằng chữ\s*:\s*", "", words, flags=re.IGNORECASE)
        labelled = bare != words  # "(Bằng chữ: …)" is words, however misspelt
        if not labelled and bare.split(" ", 1)[0].casefold().strip(",.") not in NUMBER_WORDS:
            continue
        figure = match.group(0)
        amount = money(match.group(1), match.group(2))
        try:
            stated = parse_words(words)
        except WordsError as exc:
            problems.append(
                Problem(
                    prose.position(after.start(1)),
                    f"số tiền bằng chữ của “{figure}” không đọc được: {exc.reason}; viết đúng: "
                    f"“{amount_in_words(amount.dong, style)}”",
                )
            )
            continue
        if stated != amount.dong:
            problems.append(
                Problem(
                    prose.position(after.start(1)),
                    f"số tiền bằng chữ không khớp bằng số: “{figure}” nhưng chữ “{words}” là "
                    f"{dong(Amount(stated))}; viết đúng: “{amount_in_words(amount.dong, style)}”",
                )
            )
    return problems


def check_retyped(prose: Prose, known: dict[Amount, list[str]]) -> list[Problem]:
    """Warnings for hand-typed figures that equal an amount with an id."""
    problems: list[Problem] = []
    if "đồng" not in prose.text:
        return problems
    for match in MONEY.finditer(prose.text):
        if prose.is_generated(match.start(), match.end()) or prose.is_declared(match.end()):
            continue
        amount = money(match.group(1), match.group(2))
        keys = known.get(amount) if amount else None
        if not keys:
            continue
        names = ", ".join(f"“{k}”" for k in keys[:3]) + (" …" if len(keys) > 3 else "")
        problems.append(
            Problem(
                prose.position(match.start()),
                f"“{match.group(0)}” gõ tay trùng với khoản {names}: hãy trích "
                f'{{{{ tien("{keys[0]}") }}}} để số chỉ nhập một lần',
                warning=True,
            )
        )
    return problems
