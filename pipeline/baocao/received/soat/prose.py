"""Amounts in a received document's prose against each other: totals, lists, items named twice.

baocao's own content states these relations (`{#tong = a + b}`); a received document only
implies them, so they are read from its words and layout:

- a **total** in a sentence, "tổng kinh phí", "tổng cộng" or "tổng số" followed by an amount,
  is compared with the amounts listed under the same heading (its sub-headings included; when
  that heading lists nothing but the total, as "V. KINH PHÍ ĐỀ XUẤT" often does, the heading
  before it on the same level). Which amounts a total adds up is a guess, so the total agrees
  when it equals any natural grouping (all of them, one sub-heading's, one paragraph's, one run
  of list items), and a disagreement is a warning;
- a **list**: a paragraph with an amount that announces items (ending in ":", or with "gồm",
  "trong đó") and the list items under it ("a)", "-", "+", each level deeper than its parent),
  each with an amount: "gồm" must add up exactly, "trong đó" (a part of the whole) must not add
  up to more;
- an **item named twice**: the same name ("Mua trang thiết bị phòng họp không giấy") under the
  same head with two different amounts ("Lực lượng vũ trang" under "1. Quốc phòng" and under
  "2. An ninh" are two items), in two places of the prose; or a name of the prose with another
  amount in the table row of that name. An amount is
  named by the words before it ("Thu phí, lệ phí: 420 triệu đồng"), or, when those are only
  "Kinh phí đề xuất:", by the "Nội dung: …" line above it, or by its heading when the heading
  has no other amount.

Each finding that check could state as a relation is also returned as a `Relation`, for
`baocao nhap` to write as one (`{#kp-3 = kp-1 + kp-2}`), so that check reports it again.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal, getcontext, localcontext
from functools import cached_property

from baocao import codes
from baocao.money.amount import EXACT, Amount, Form, NumberFormatError
from baocao.money.figures import in_form
from baocao.parse.outline import ARTICLE
from baocao.problems import Code, Problem
from baocao.received.read.blocks import (
    NUMBERINGS,
    Paragraph,
    Places,
    Received,
    heading_levels,
    plain,
)
from baocao.resolve.prose import Prose, amounts, money

TOTAL = re.compile(r"\btổng\s+(?:kinh\s+phí|cộng|số)\b", re.IGNORECASE)
PARTIAL = re.compile(r"\btrong\s+đó\b", re.IGNORECASE)
WHOLE = re.compile(r"\b(?:bao\s+)?gồm\b", re.IGNORECASE)
MARKER = re.compile(
    r"\s*(?:([-–•])|(\+)|(\d{1,2}(?:\.\d{1,2})*[.)]|\d{1,2}(?:\.\d{1,2})+\s*[-–])|([a-zđ][.)]))\s+"
)
# The kinds of number a paragraph may open with, each a level of the outline wherever the
# document puts it: "Điều 1.", "I.", "A.", "1.", "1.1." (or "1.1 -"), "1.1.1.", "a)", "-", "+".
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("article", ARTICLE),
    *((kind, pattern) for kind, pattern in NUMBERINGS if kind not in ("number2", "number3")),
    ("number3", re.compile(r"\d{1,2}\.\d{1,2}\.\d{1,2}(?:\.|\s*[-–])?\s+")),
    ("number2", re.compile(r"\d{1,2}\.\d{1,2}(?:\.|\s*[-–])?\s+")),
    ("dash", re.compile(r"[-–•]\s+")),
    ("plus", re.compile(r"\+\s+")),
)
GENERIC = re.compile(
    r"(?:tổng\s+)?(?:kinh\s+phí|số\s+tiền|dự\s+toán|giá\s+trị|thành\s+tiền|chi\s+phí|"
    r"số\s+kinh\s+phí|mức\s+hỗ\s+trợ)(?:\s+\S+){0,3}",
    re.IGNORECASE,
)
CONTENT = re.compile(r"nội\s+dung\s*:\s*(.+)", re.IGNORECASE | re.S)
NAME_WORDS = 15  # a name before an amount is at most this many words
SENTENCE = re.compile(r"[.;!?](?:\s|$)")


@dataclass(frozen=True)
class Mention:
    """An amount typed in a paragraph: where its figure and unit stand in the text."""

    anchor: int
    start: int
    end: int
    amount: Amount
    form: Form
    typed: str


@dataclass(frozen=True)
class RowCell:
    """A figure of a budget table's row: the table's id, the row (its anchor) and the column's
    number."""

    table: str
    anchor: int
    column: int


@dataclass(frozen=True)
class Relation:
    """An amount that must be the sum of others, as the document implies it, or the figure of a
    table's row (`row`, the parts then empty)."""

    total: Mention
    parts: tuple[Mention, ...]
    row: RowCell | None = None


@dataclass
class _Text:
    """A paragraph of the body with what the checks need of it."""

    paragraph: Paragraph
    level: int  # heading level, 0 for a paragraph
    rank: int  # list marker: 0 none, 1 "1.", 2 "a)", 3 "-", 4 "+"
    mentions: list[Mention]
    depth: float = 0  # its place in the outline (`_depths`): an item deeper than its head
    parent: int | None = None  # the index of the text it stands under, its head
    items: list[Mention] = field(default_factory=list)  # its amounts that count as items
    total: tuple[str, Mention] | None = None  # the total it states ("tổng kinh phí", amount)

    @property
    def anchor(self) -> int:
        return self.paragraph.anchor


@dataclass(frozen=True)
class TableItem:
    """A named row of a budget table with its money figures, in đồng."""

    anchor: int
    name: str
    amounts: tuple[Amount, ...]
    shown: str  # its figures as the table writes them, for messages
    cells: tuple[RowCell, ...] = ()  # where each of its amounts stands


@dataclass
class ProseFindings:
    """What the prose checks found: the problems, and each finding as a relation for nhap."""

    problems: list[Problem] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


def check_prose(received: Received, table_items: Iterable[TableItem] = ()) -> ProseFindings:
    """Totals, lists and names checked across the prose of `received`."""
    texts = _texts(received)
    found = ProseFindings()
    listed = _lists(received, texts, found)
    _totals(received, texts, listed, found)
    _names(received, texts, list(table_items), found)
    return found


def placed_prose(received: Received, text: str, places: Places, anchor: int) -> Prose:
    """Text of `received` as prose_checks reads it: in a text file each character at its place
    (`places`, the reader's: pieces of text as typed), in a DOCX all of it at `anchor`, its
    paragraph's or its row's."""
    if not places:
        return Prose(received.path, text, lines=[anchor])
    return Prose(
        received.path,
        text,
        starts=[offset for offset, _ in places],
        lines=[place.line for _, place in places],
        columns=[place.column for _, place in places],
        running=[True] * len(places),
    )


def paragraph_prose(received: Received, paragraph: Paragraph) -> Prose:
    """A paragraph's text as prose_checks reads it, each character where it stands."""
    return placed_prose(received, paragraph.text, paragraph.places, paragraph.anchor)


def mentions_of(paragraph: Paragraph) -> list[Mention]:
    """The amounts of a paragraph's text, those past baocao's limits left out."""
    out = []
    for match in amounts(paragraph.text):
        try:
            amount, form = money(match)
        except NumberFormatError:
            continue
        out.append(
            Mention(paragraph.anchor, match.start(), match.end(), amount, form, match.group(0))
        )
    return out


def _texts(received: Received) -> list[_Text]:
    levels = heading_levels(received)
    out = []
    for paragraph in received.paragraphs:
        level = levels.get(paragraph.anchor, 0)
        mentions = mentions_of(paragraph)
        text = _Text(paragraph, level, _rank(paragraph.text), mentions)
        partial = PARTIAL.search(paragraph.text)
        text.items = [m for m in mentions if partial is None or m.start < partial.start()]
        text.total = _stated_total(text) if mentions and not level else None
        out.append(text)
    _depths(out, received)
    return out


def _kind(text: str) -> str | None:
    words = plain(text)
    for kind, pattern in KINDS:
        match = pattern.match(words)
        if match and match.end() < len(words):
            return kind
    return None


def _depths(texts: list[_Text], received: Received) -> None:
    """Each text's depth in the outline and its head. Whatever kinds of number a document uses,
    a kind seen higher in the current branch closes the levels under it, and a new kind opens
    a level under the current one (as `heading_levels` reads headings); a heading the file
    marks ("#", Word's heading styles) is at its level. A paragraph without a number is the
    text of the item above it (half a level deeper) and closes the list items open under the
    last heading: "- a", "- b", then a paragraph, then "- c" starts a list of its own."""
    marked = any(p.heading for p in received.paragraphs)
    stack: list[tuple[str, bool, int]] = []  # (kind, a heading, index) of each open level
    for k, text in enumerate(texts):
        kind = _kind(text.paragraph.text)
        if marked and text.level:
            while stack and (not stack[-1][1] or texts[stack[-1][2]].level >= text.level):
                stack.pop()
            stack.append((f"h{text.level}", True, k))
        elif kind is not None:
            heading = bool(text.level) or kind == "article"
            while heading and stack and not stack[-1][1]:
                stack.pop()  # a heading closes the list items above it
            kinds = [entry[0] for entry in stack]
            if kind in kinds:
                del stack[kinds.index(kind) :]
            stack.append((kind, heading, k))
        else:
            while stack and not stack[-1][1]:
                stack.pop()
            text.depth = len(stack) + 0.5
            text.parent = stack[-1][2] if stack else None
            continue
        text.depth = len(stack)
        text.parent = stack[-2][2] if len(stack) > 1 else None


def _rank(text: str) -> int:
    match = MARKER.match(plain(text))
    if not match:
        return 0
    return next(k for k, group in ((3, 1), (4, 2), (1, 3), (2, 4)) if match.group(group))


def _problem(
    received: Received, code: Code, paragraph: Paragraph, mention: Mention, message: str
) -> Problem:
    """A finding about `mention`: in a text file, at the line and column where its figure is
    typed (the reader kept where each character of the paragraph stands); in a DOCX, at its
    paragraph."""
    return Problem(code, paragraph_prose(received, paragraph).position(mention.start), message)


def _sum(mentions: Iterable[Mention]) -> Amount:
    return Amount(sum((m.amount.dong for m in mentions), Decimal(0)))


def _shown(amount: Amount, form: Form) -> str:
    return in_form(amount, replace(form, decimals=None))


# ---------------------------------------------------------------------------------------------
# Lists


def _lists(received: Received, texts: list[_Text], found: ProseFindings) -> set[int]:
    """Each list's items against the amount of the text that heads them; the anchors of the
    texts that head such a list.

    A head is a heading, a list item or a paragraph stating an amount, followed by items one
    level deeper in the outline (`_depths`: "1." under "I.", "a)" under "1.", "-" under a
    paragraph), each with an amount. A head that announces its items (":", "gồm", "bao gồm")
    may have them in the paragraphs that follow it, unnumbered. "Trong đó" items are a part:
    they must not add up to more than the head's amount; any other list must add up to it."""
    heads: set[int] = set()
    for k, text in enumerate(texts):
        if not text.mentions:
            continue
        words = plain(text.paragraph.text)
        partial = PARTIAL.search(words)
        announced = words.rstrip().endswith(":") or WHOLE.search(words) or partial
        direct = _direct_items(texts, k)
        if not direct and announced:
            direct = _following_items(texts, k)
        elif len(direct) < 2 and not announced:
            continue  # one item under an amount it does not announce: a detail, no sum
        if not direct or not all(c.items for c in direct):
            continue
        before = [m for m in text.mentions if partial is None or m.start < partial.start()]
        if not before:
            continue
        heads.add(text.anchor)
        parts = [c.items[0] for c in direct]
        total, whole = _sum(parts), before[-1] if partial else before[0]
        if total == whole.amount or (partial and total.dong <= whole.amount.dong):
            continue
        marker = MARKER.match(plain(direct[0].paragraph.text))
        items = f"các mục “{marker.group(0).strip()}”" if marker else "các đoạn"
        gap = whole.amount - total
        if partial:
            why = f"là số có cả {items} bên dưới (trong đó), nhưng các mục đó cộng lại là"
            over = f"vượt {_shown(-gap, whole.form)}"
        else:
            why = f"phải bằng tổng {items} bên dưới, nhưng các mục đó cộng lại là"
            over = f"chênh {_shown(abs(gap), whole.form)}"
        code = codes.LIST_PART_OVER if partial else codes.LIST_SUM
        message = f"“{whole.typed}” {why} {_shown(total, whole.form)} ({over})"
        found.problems.append(_problem(received, code, text.paragraph, whole, message))
        found.relations.append(Relation(whole, tuple(parts)))  # for check, as a sum that fails
    for text in texts:  # a list's head is no item of a total: its items are
        if text.anchor in heads:
            text.items = []
    return heads


def _direct_items(texts: list[_Text], k: int) -> list[_Text]:
    """The numbered texts right under the `k`-th: the shallowest of those deeper than it, up to
    the first text on its level or above."""
    depth = texts[k].depth
    children: list[_Text] = []
    for after in texts[k + 1 :]:  # not a copy of the rest, at every head
        if after.depth <= depth:
            break
        if after.depth == int(after.depth):
            children.append(after)
    top = min((c.depth for c in children), default=0)
    return [c for c in children if c.depth == top]


def _following_items(texts: list[_Text], k: int) -> list[_Text]:
    """The unnumbered paragraphs right after the `k`-th, each with an amount: the items a
    paragraph announcing them ("…, gồm:") lists one paragraph each."""
    out: list[_Text] = []
    for after in texts[k + 1 :]:
        if after.level or after.depth != int(after.depth) + 0.5 or not after.mentions:
            break
        if after.depth != texts[k].depth and texts[k].depth != int(texts[k].depth):
            break
        out.append(after)
    return out if len(out) > 1 else []


# ---------------------------------------------------------------------------------------------
# Totals
#
# A long section states a total every few paragraphs, and each total is weighed against the
# groupings of its whole stretch: what a stretch offers its totals (`_Stretch`) is worked out
# once, when its first total asks, and each total then takes a constant time. The sections, the
# stretch of each total and the heading before each on its level are found in one pass each: the
# check is linear in the document's length (times the depth of its outline, a few levels).

Section = tuple[int, int, int]  # a heading's index, the first index after its stretch, its level


def _sections(texts: list[_Text]) -> list[Section]:
    """Each heading's stretch: (its index, the first index after it, its level). A heading
    closes the stretches of the headings open above it on its level or deeper."""
    ends: dict[int, int] = {}
    open_: list[int] = []  # the headings whose stretch goes on, levels rising
    for k, text in enumerate(texts):
        if text.level:
            while open_ and texts[open_[-1]].level >= text.level:
                ends[open_.pop()] = k
            open_.append(k)
    return [(k, ends.get(k, len(texts)), t.level) for k, t in enumerate(texts) if t.level]


def _previous_siblings(sections: list[Section]) -> list[int | None]:
    """For each section (by position in `sections`), the position of the heading just before it
    on the same level under the same parent; None when a higher heading comes first."""
    out: list[int | None] = []
    candidates: list[int] = []  # the nearest heading of each level up to the last, levels rising
    for n, (_, _, level) in enumerate(sections):
        while candidates and sections[candidates[-1]][2] > level:
            candidates.pop()
        same = candidates.pop() if candidates and sections[candidates[-1]][2] == level else None
        out.append(same)
        candidates.append(n)
    return out


def _totals(received: Received, texts: list[_Text], listed: set[int], found: ProseFindings) -> None:
    outline = _Outline(texts, _sections(texts))
    siblings = _previous_siblings(outline.sections)
    open_: list[int] = []  # the sections around the text at hand (positions), innermost last
    for k, text in enumerate(texts):
        if text.level:
            while open_ and outline.sections[open_[-1]][2] >= text.level:
                open_.pop()
            open_.append(outline.position[k])
            continue
        stated = text.total
        if text.anchor in listed or stated is None or not open_:
            continue  # a total outside any heading lists nothing certain
        words, total = stated
        scope = outline.stretch(open_[-1])
        sibling = siblings[scope.position]
        if not scope.items and sibling is not None:  # a heading that states the total alone
            scope = outline.stretch(sibling)
        if len(scope.items) < 2 or scope.adds_up(k, total.amount.dong):
            continue
        items, summed = scope.items, scope.summed
        where = f"trong mục “{received.first_words(texts[scope.section[0]].anchor)}”"
        gap = total.amount - summed
        message = (
            f"“{words}” ghi {total.typed}, nhưng {len(items)} khoản liệt kê {where} cộng "
            f"lại là {_shown(summed, total.form)} (chênh {_shown(abs(gap), total.form)})"
        )
        found.problems.append(
            _problem(received, codes.STATED_TOTAL, text.paragraph, total, message)
        )
        found.relations.append(Relation(total, items))  # one tuple for all of the stretch


class _Outline:
    """The sections of the body, and what each offers its totals, each worked out once."""

    def __init__(self, texts: list[_Text], sections: list[Section]) -> None:
        self.texts = texts
        self.sections = sections
        self.position = {section[0]: n for n, section in enumerate(sections)}
        self._items: dict[int, tuple[Mention, ...]] = {}
        self._stretches: dict[int, _Stretch] = {}

    def items(self, n: int) -> tuple[Mention, ...]:
        """The items of the `n`-th section (`_items`; a total's own paragraph is never one)."""
        if n not in self._items:
            self._items[n] = tuple(_items(self.texts, self.sections[n], -1))
        return self._items[n]

    def inside(self, n: int) -> range:
        """The positions of the sections under the `n`-th: those up to the heading that ends it."""
        return range(n + 1, self.position.get(self.sections[n][1], len(self.sections)))

    def stretch(self, n: int) -> _Stretch:
        if n not in self._stretches:
            self._stretches[n] = _Stretch(self, n)
        return self._stretches[n]


class _Stretch:
    """A section as its totals see it: its items, their sum, and how many of the groupings a
    total may add up (`_groups`: all the items, each sub-heading's, each paragraph's, each run of
    list items of one kind) come to each sum. A total's own paragraph is no grouping of its own,
    and the run it stands in goes without its items: `adds_up` takes these two out.

    Counting sums so, and taking a paragraph's out of its run, gives `_groups`' answer only when
    every sum is exact in the decimal context in force (28 digits by default), whatever the
    order of its terms; where it might not be (a figure with many decimals next to a large one),
    `adds_up` asks `_groups` itself."""

    def __init__(self, outline: _Outline, position: int) -> None:
        self.outline = outline
        self.position = position
        self.section = outline.sections[position]
        self.items = outline.items(position)
        self.sums: Counter[Decimal] = Counter()
        self.paragraphs: dict[int, tuple[Decimal, int]] = {}  # index: its items' sum and count
        self.runs: list[tuple[Decimal, int]] = []  # each run's sum and count of items
        self.run_of: dict[int, int] = {}  # index of a paragraph with items: its run
        texts = outline.texts
        start, end, _ = self.section
        listed = [m for j in range(start + 1, end) if not texts[j].level for m in texts[j].items]
        self.exact = _exact_sums(listed)
        if not self.exact:
            return
        if self.items:
            self.sums[_sum(self.items).dong] += 1
        for n in outline.inside(position):
            inner = outline.items(n)
            if inner:
                self.sums[_sum(inner).dong] += 1
        run, count, rank = Decimal(0), 0, -1
        for j in range(start + 1, end):
            text = texts[j]
            if text.level or (text.items and text.rank != rank):
                self._close(run, count)
                run, count, rank = Decimal(0), 0, text.rank
            if not text.level and text.items:
                own = _sum(text.items).dong
                self.paragraphs[j] = (own, len(text.items))
                self.sums[own] += 1
                self.run_of[j] = len(self.runs)
                run, count = run + own, count + len(text.items)
        self._close(run, count)

    def _close(self, run: Decimal, count: int) -> None:
        self.runs.append((run, count))
        if count:
            self.sums[run] += 1

    @cached_property
    def summed(self) -> Amount:
        return _sum(self.items)

    def adds_up(self, k: int, total: Decimal) -> bool:
        """Whether a grouping of the stretch, the total at index `k` left out, comes to `total`."""
        if not self.exact:
            groups = _groups(self.outline.texts, self.section, k, self.outline.sections)
            return any(sum((m.amount.dong for m in g), Decimal(0)) == total for g in groups)
        count = self.sums[total]
        if k not in self.paragraphs:
            return count > 0
        own, own_count = self.paragraphs[k]
        run, run_count = self.runs[self.run_of[k]]
        count -= (own == total) + (run == total)
        return count > 0 or (run_count > own_count and run - own == total)


def _exact_sums(mentions: list[Mention]) -> bool:
    """Whether every sum of some of `mentions`, in any order, is exact in the current decimal
    context: at most as many digits, from the largest sum possible down to the smallest
    decimal place, as the context keeps."""
    if not mentions:
        return True
    lowest = 0
    for mention in mentions:
        exponent = mention.amount.dong.as_tuple().exponent
        assert isinstance(exponent, int)  # finite: an Amount is never NaN or infinite
        lowest = min(lowest, exponent)
    with localcontext(EXACT):
        bound = sum((abs(m.amount.dong) for m in mentions), Decimal(0))
    return not bound or bound.adjusted() - lowest + 1 <= getcontext().prec


def _stated_total(text: _Text) -> tuple[str, Mention] | None:
    """The words "tổng kinh phí" (as typed) and the amount they state: the first after them,
    in the same sentence."""
    words = text.paragraph.text
    starts = [m.start for m in text.mentions]  # in the text's order
    stops: list[int] | None = None  # where the text's sentences end, read at the first total
    for match in TOTAL.finditer(words):
        first = bisect_left(starts, match.end())
        if first == len(starts):
            break  # no amount after these words, nor after any further on
        if stops is None:
            stops = [stop.start() for stop in SENTENCE.finditer(words)]
        stop = bisect_left(stops, match.end())
        end = stops[stop] if stop < len(stops) else len(words)
        if starts[first] < end:
            return " ".join(match.group(0).split()), text.mentions[first]
    return None


def _items(texts: list[_Text], scope: Section, total: int) -> list[Mention]:
    start, end, _ = scope
    return [
        m
        for j in range(start + 1, end)
        if j != total and not texts[j].level and texts[j].total is None
        for m in texts[j].items
    ]


def _groups(
    texts: list[_Text],
    scope: Section,
    total: int,
    sections: list[Section],
) -> list[list[Mention]]:
    """The groupings a total may add up: all the items, each sub-heading's, each paragraph's,
    each run of list items of one kind. (`_Stretch` counts their sums for all of a stretch's
    totals at once; this is what it counts, and what it asks when a sum might be inexact.)"""
    groups = [_items(texts, scope, total)]
    groups += [_items(texts, s, total) for s in sections if scope[0] < s[0] < scope[1]]
    run: list[Mention] = []
    rank = -1
    for j in range(scope[0] + 1, scope[1]):
        text = texts[j]
        if text.level or (text.items and text.rank != rank):
            groups.append(run)
            run, rank = [], text.rank
        if j != total and not text.level and text.items:
            groups.append(text.items)
            run = [*run, *text.items]
    groups.append(run)
    return [g for g in groups if g]


# ---------------------------------------------------------------------------------------------
# Items named twice


def _shown_name(text: str) -> str:
    """A name as a message shows it: no marker or number in front, no emphasis, no closing
    punctuation."""
    words = plain(text)
    marker = MARKER.match(words)
    if marker:
        words = words[marker.end() :]
    return words.strip(" .;:,")


def _key(name: str) -> str:
    """A name as compared: one case."""
    return _shown_name(name).casefold()


def _names(
    received: Received, texts: list[_Text], rows: list[TableItem], found: ProseFindings
) -> None:
    seen: dict[tuple[int | None, str], Mention] = {}  # by its head and its name
    by_name: dict[str, list[TableItem]] = {}
    for row in rows:
        if row.amounts:
            by_name.setdefault(_key(row.name), []).append(row)
    amounts: dict[int, int] = {}  # by heading: its paragraphs with amounts, sub-headings apart
    heading: _Text | None = None
    for text in texts:
        if text.level:
            heading = text
        elif heading is not None and text.mentions:
            amounts[heading.anchor] = amounts.get(heading.anchor, 0) + 1
    content = ""  # the last "Nội dung: …" line since the last amount
    owner: int | None = None  # the head of that line
    heading = None
    for text in texts:
        if text.level:
            heading, content = text, ""
            continue
        match = CONTENT.match(_shown_name(text.paragraph.text))
        if match and not text.mentions:
            content, owner = match.group(1).strip(" .;:,"), text.parent
            continue
        if not text.mentions:
            continue
        head = text.parent
        for k, mention in enumerate(text.mentions):
            named = _named(text, k)  # names this amount goes by in the prose
            if k == 0 and not named and content:
                named, head = [content], owner
            titled: list[str] = []  # and by its heading's title: against tables only
            if k == 0 and heading is not None and amounts.get(heading.anchor) == 1:
                titled.append(_shown_name(_title(heading.paragraph.text)))
            for name in named:  # the same name under another head is another item, unless
                scope = None if CODED.search(name) else head  # its code makes it one item
                first = seen.setdefault((scope, _key(name)), mention)
                if first.amount != mention.amount:
                    message = (
                        f"“{name}” ghi {mention.typed}, nhưng ở {received.where(first.anchor)} "
                        f"ghi {first.typed}"
                    )
                    problem = _problem(
                        received, codes.ITEM_TWO_AMOUNTS, text.paragraph, mention, message
                    )
                    found.problems.append(problem)
                    found.relations.append(Relation(mention, (first,)))
            for name in dict.fromkeys([*named, *titled]):
                same = by_name.get(_key(name), [])
                if len(same) == 1 and mention.amount not in same[0].amounts:
                    row = same[0]
                    message = (
                        f"“{name}” ghi {mention.typed}, nhưng {received.where(row.anchor)} "
                        f"ghi {row.shown}"
                    )
                    problem = _problem(
                        received, codes.ITEM_ROW_AMOUNT, text.paragraph, mention, message
                    )
                    found.problems.append(problem)
                    if row.cells:
                        found.relations.append(Relation(mention, (), row.cells[0]))
        content = ""


# A name that carries its budget code ("Nghiên cứu cơ bản (Khoản 101)", "Mục 6100") names one
# item wherever it stands: the code is the item, whatever head it is under.
CODED = re.compile(r"\b(?:khoản|loại|tiểu\s+mục|mục|mã\s+số|chương)\s+\d{2,}\b", re.IGNORECASE)
CLAUSE = re.compile(r"[,;.()]")
IS = re.compile(r"\s+là$")


def _named(text: _Text, k: int) -> list[str]:
    """The name the `k`-th amount of a text goes by: the words before it, up to the amount
    before it, when they end in ":" ("Thu phí, lệ phí: 420 triệu đồng"); or the clause before
    it when it ends in "là" ("…, chi sự nghiệp giáo dục là 480 triệu đồng")."""
    words = text.paragraph.text
    start = text.mentions[k - 1].end if k else 0
    before = plain(words[start : text.mentions[k].start])
    if before.endswith(":") and (k == 0 or not CLAUSE.search(before[:-1])):
        label = _shown_name(before)
    elif IS.search(before):
        label = _shown_name(CLAUSE.split(IS.sub("", before))[-1])
    else:
        return []
    if not label or len(label.split()) > NAME_WORDS or GENERIC.fullmatch(label):
        return []
    return [label]


def _title(text: str) -> str:
    """A heading's words after its number."""
    words = plain(text)
    for _, pattern in NUMBERINGS:
        match = pattern.match(words)
        if match:
            return words[match.end() :]
    return words
