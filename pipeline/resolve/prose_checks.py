"""Checks on the prose as typed: words that contradict their figures, and figures typed twice.

Old reports state an amount twice, "300.000.000 đồng (Hai trăm triệu đồng)", and the two drift
apart; every such pair anywhere in the prose is read back and compared. A figure typed by hand
that equals an amount the document already knows by id is a warning: it should cite the id, so
that a later change cannot leave it behind.
"""

from __future__ import annotations

import re

from pipeline.errors import Problem
from pipeline.money.amount import Amount
from pipeline.money.figures import dong
from pipeline.money.words import WordsError, WordsStyle, amount_in_words, parse_words
from pipeline.resolve.prose import MONEY, Prose, money

# Words that can open an amount in words; "(Theo Kế hoạch số …)" after an amount is not one.
NUMBER_WORDS = {
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "âm",
}  # fmt: skip
WORDS_AFTER = re.compile(r"\s*\(\s*((?:bằng chữ\s*:\s*)?[^()]*?)\s*\)", re.IGNORECASE)


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
