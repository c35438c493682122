"""Checks on the prose as typed: words that contradict their figures, and figures typed twice.

Old reports state an amount twice, "300.000.000 đồng (Hai trăm triệu đồng)", and the two drift
apart; every such pair anywhere in the prose is read back and compared. A pair is a figure with
its unit (đồng, đ, VNĐ, nghìn/triệu/tỷ đồng), then its words: in parentheses, with or without
"Bằng chữ:", or after "Bằng chữ:"; a full stop, semicolon, comma or line break may stand between.
Words in a paragraph of their own ("(Bằng chữ: …)" under the line with the figure) belong to the
last figure of the paragraph before. Every problem the words reader finds is reported: a wrong
spelling or a number that is not the figure's is an error, a variant spelling a warning, words
that cannot be read a warning (never skipped in silence).

A figure typed by hand that equals an amount the document already knows by id is a warning: it
should cite the id, so that a later change cannot leave it behind; the citation suggested prints
the amount the way it was typed ("977,45 tỷ đồng" → `{{ tien("id", "tỷ") }}`). Which typed
figure is which is decided in baocao.resolve.accounted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from baocao import codes
from baocao.money.amount import EXACT, Amount, Form, NumberFormatError
from baocao.money.figures import in_form
from baocao.money.words import (
    WordsError,
    WordsStyle,
    amount_in_words,
    is_number_word,
    read_words,
    scaled_in_words,
)
from baocao.problems import Position, Problem
from baocao.resolve.prose import Prose, amounts, money

# Words that can open an amount in words; "(Theo Kế hoạch số …)" after an amount is not one.
NUMBER_WORDS = {
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "âm",
}  # fmt: skip
LABEL = r"(?:số\s+tiền\s+)?(?:viết\s+)?bằng\s+chữ"
# Between a figure and its words: spaces, then a full stop, semicolon, comma, colon or dash, then
# a line break, each optional.
BETWEEN = re.compile(r"[^\S\n]*(?:[.;,:\-–][^\S\n]*)?(?:\n\s*)?")
IN_PARENTHESES = re.compile(rf"\(\s*((?:{LABEL}\s*:?\s*)?[^()]*?)\s*\)", re.IGNORECASE)
LABEL_FIRST = re.compile(rf"{LABEL}\b", re.IGNORECASE)
LABELLED = re.compile(rf"{LABEL}\s*:\s*", re.IGNORECASE)
WORDS_STOP = re.compile(r"[.;()\n]")  # where words after "Bằng chữ:" may end


@dataclass(frozen=True)
class Words:
    """Words that state an amount, at `start`:`end` of a block's text."""

    start: int
    end: int


_NEXT_WORD = re.compile(r"\s*(\S+)")
_OPENING = re.compile(r"\s*\(?\s*")


def words_after(text: str, end: int) -> Words | None:
    """The words stating the amount that ends at `end`: "(…)" or "Bằng chữ: …" after it, with
    punctuation or a line break between allowed; None when no words follow."""
    at = BETWEEN.match(text, end)
    start = at.end() if at else end
    inside = IN_PARENTHESES.match(text, start)
    if inside:
        words = inside.group(1)
        if LABEL_FIRST.match(words) or _looks_like_words(words):
            return Words(inside.start(1), inside.end(1))
        return None
    labelled = LABELLED.match(text, start)
    if labelled:
        return Words(labelled.start(), _words_end(text, labelled.end()))
    return None


def _looks_like_words(text: str) -> bool:
    """Unlabelled text in parentheses is words when it has no digit, opens with a number word and
    is mostly number words: "(Ba trăm triệu đồng)", "(một trăm năm mươi triệu đồg)", not "(năm
    2026)" or "(Theo Kế hoạch số …)"."""
    tokens = [t.strip(",.:;") for t in text.split()]
    tokens = [t for t in tokens if t]
    if not tokens or any(c.isdigit() for c in text):
        return False
    if tokens[0].casefold() not in NUMBER_WORDS:
        return False
    return 2 * sum(is_number_word(t) for t in tokens) > len(tokens)


def _words_end(text: str, start: int) -> int:
    """Where words after "Bằng chữ:" end: at ".", ";" or a parenthesis, or at a line end unless the
    next line goes on with number words."""
    end = start
    while True:
        stop = WORDS_STOP.search(text, end)
        if stop is None:
            end = len(text)
            break
        end = stop.start()
        if text[end] != "\n":
            break
        following = _NEXT_WORD.match(text, end + 1)
        if following is None or not is_number_word(following.group(1).strip(",")):
            break
        end += 1
    return len(text[:end].rstrip())


def _last_amount(prose: Prose) -> re.Match[str] | None:
    """The last amount of a block, when no words follow it there."""
    found = list(amounts(prose.text))
    if not found or words_after(prose.text, found[-1].end()) is not None:
        return None
    return found[-1]


def check_words(prose: Prose, style: WordsStyle, previous: Prose | None = None) -> list[Problem]:
    """Every "figure (words)" pair of a block checked; amounts past baocao's limits; and words
    that state an amount with no figure before them. `previous` is the block just before, whose
    last figure words opening this block belong to."""
    problems: list[Problem] = []
    if not re.search(r"\d|bằng chữ", prose.text, re.IGNORECASE):
        return problems  # most paragraphs name no amount: skip the regexes
    used: list[Words] = []  # in the text's order
    for match in amounts(prose.text):
        try:
            amount, form = money(match)
        except NumberFormatError as exc:
            generated = prose.is_generated(match.start(), match.end())
            if not generated and not prose.is_declared(match.end()):  # a tag reports its own
                problems.append(
                    Problem(codes.FIGURE_TOO_LARGE, prose.position(match.start()), str(exc))
                )
            continue
        words = words_after(prose.text, match.end())
        if words is None:
            continue
        used.append(words)
        problems += _verify(prose, match.group(0), amount, form, words, style)
    opening = _OPENING.match(prose.text)  # what may stand before words that open the block
    passed = 0  # the words spans ending before the label at hand (labels come in order)
    for label in LABELLED.finditer(prose.text):
        while passed < len(used) and used[passed].end <= label.start():
            passed += 1
        if passed < len(used) and used[passed].start <= label.start():
            continue  # the words of a figure before it
        words = Words(label.start(), _words_end(prose.text, label.end()))
        first = opening is not None and opening.end() >= label.start()
        last = _last_amount(previous) if previous is not None and first else None
        if last is None:
            problems.append(
                Problem(
                    codes.WORDS_WITHOUT_FIGURE,
                    prose.position(label.start()),
                    f"“{_quoted(prose.text[words.start : words.end])}” không đi kèm số tiền "
                    "bằng số nào: viết ngay sau số tiền, ví dụ “300.000.000 đồng (Bằng chữ: Ba "
                    "trăm triệu đồng)”",
                )
            )
            continue
        try:
            amount, form = money(last)
        except NumberFormatError:
            continue  # reported at the figure
        problems += _verify(prose, last.group(0), amount, form, words, style)
    return problems


def _quoted(text: str) -> str:
    return " ".join(text.split())


def _verify(
    prose: Prose, figure: str, amount: Amount, form: Form, words: Words, style: WordsStyle
) -> list[Problem]:
    """Words against their figure: each issue of the words, and a different number."""
    figure = _quoted(figure)
    typed = _quoted(prose.text[words.start : words.end])
    here = prose.position(words.start)
    try:
        reading = read_words(typed, style)
    except WordsError as exc:
        return [
            Problem(
                codes.WORDS_UNREADABLE,
                here,
                f"số tiền bằng chữ của “{figure}” không đọc được: {exc.reason}; viết đúng: "
                f"“{amount_in_words(amount.dong, style)}”",
            )
        ]
    problems: list[Problem] = []
    for issue in reading.issues:
        if issue.variant:
            problems.append(
                Problem(
                    codes.WORDS_VARIANT,
                    here,
                    f"số tiền bằng chữ của “{figure}”: “{issue.typed}” đúng số nhưng khác cách "
                    f"viết chuẩn — {issue.reason}; cách viết chuẩn: “{issue.correct}”",
                )
            )
            continue
        fix = f"viết đúng: “{issue.correct}”" if issue.correct else f"bỏ “{issue.typed}”"
        if issue.alternative:
            fix += f" hoặc “{issue.alternative}”"
        problems.append(
            Problem(
                codes.WORDS_MISSPELT,
                here,
                f"số tiền bằng chữ của “{figure}” viết sai: “{issue.typed}” — {issue.reason}; "
                f"{fix}",
            )
        )
    if reading.value != amount.dong:
        if reading.exponent:
            standard = scaled_in_words(
                EXACT.scaleb(amount.dong, -reading.exponent), reading.exponent, style
            )
        else:
            standard = amount_in_words(amount.dong, style)
        stated = in_form(Amount(reading.value), _stated_form(form, reading.exponent))
        problems.append(
            Problem(
                codes.WORDS_MISMATCH,
                here,
                f"số tiền bằng chữ không khớp bằng số: “{figure}” nhưng chữ “{typed}” là "
                f"{stated}; viết đúng: “{standard}”",
            )
        )
    return problems


def _stated_form(figure: Form, exponent: int) -> Form:
    """How to show the number words state: in the unit they were read in ("… phẩy … tỷ" in tỷ,
    plain words in đồng), with the figure's currency word."""
    if exponent and figure.unit.exponent == exponent:
        return replace(figure, decimals=None)
    return Form(currency="đồng" if figure.scale else figure.currency)


def retyped(here: Position, typed: str, amount: Amount, form: Form, keys: list[str]) -> Problem:
    """The warning for a figure typed by hand (`typed`, at `here`) that equals the amount of
    `keys`, with the citation that prints the same text."""
    names = ", ".join(f"“{k}”" for k in keys[:3]) + (" …" if len(keys) > 3 else "")
    printed = in_form(amount, form)
    shown = "" if printed == typed else f" (in ra “{printed}”)"
    return Problem(
        codes.RETYPED_AMOUNT,
        here,
        f"“{typed}” gõ tay trùng với khoản {names}: hãy trích "
        f"{citation(keys[0], form)}{shown} để số chỉ nhập một lần",
    )


def citation(key: str, form: Form) -> str:
    """The citation that prints `key`'s amount as `form` writes it: {{ tien("id") }},
    {{ tien("id", "tỷ") }}, {{ tien("id", "triệu", thap_phan=2) }}."""
    arguments = [f'"{key}"']
    if form.argument:
        arguments.append(f'"{form.argument}"')
    if form.decimals is not None:
        arguments.append(f"thap_phan={form.decimals}")
    return f"{{{{ tien({', '.join(arguments)}) }}}}"
