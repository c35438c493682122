"""Check knows the forms: what a document's kind requires, and its numbering.

Everything here reads the kind's definition (templates/kinds.yaml, `baocao.parse.kinds`); no
rule names a kind. Each problem is at file:line:column, the column of what is wrong (an
article's number, a heading's, a khoản's; the key or value of the front matter):

- a required element missing: a kind whose body is made of articles (`articles: true`) without
  "Điều 1."; a báo cáo sent upward (`to: upward`: its Nơi nhận says "(b/c)") without Kính gửi, a
  warning; a Kính gửi in a kind that lists its recipients under Nơi nhận only (`to: never`), a
  warning (ND30, PL I, II.9). A key the kind `requires` is reported by the front-matter reader;
- article numbers out of sequence, and heading numbers that skip or repeat ("I.", "II.", "II."
  or "1.", "3."), each level numbered afresh under its parent ("1." first under "II.", "2.1."
  under "2."); a top-level sequence may start anywhere (an excerpt opens at "# IV."), headings
  without a number are left alone, and appendices ("# Phụ lục …") and documents attached to a
  decision start afresh. Letters run in Vietnamese order (d, đ, e, g), or in Latin order;
- khoản and điểm out of sequence inside an article of a kind made of articles: khoản "1.", "2."
  from 1 afresh in each article, điểm "a)", "b)" (or "a.") from "a)" afresh in each khoản (or in
  the article, before its first khoản), in either order of letters; "-" and "+" items, and items
  outside articles (a báo cáo's lists, an appendix), and lists nested in a khoản, are left
  alone. A khoản's number is the one typed on its line;
- "Như Điều 3" among the recipients when there is no Điều 3;
- a ký hiệu that contradicts `loai`: its first part must be the kind's code ("QĐ-UBND"; "QĐLT-…"
  for a liên tịch document), and a công văn's must not be a kind's code — warnings.

Parse has read the outline (baocao.parse.outline): each heading's, paragraph's and item's number
and each article's label, typed, and which headings open an appendix or an attached document;
nothing here reads the text of a block. The placeholders still to fill ("…") are found by parse
too (baocao.parse.placeholders).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from baocao import codes
from baocao.parse.blocks import AttachedHeading, Heading, Item, Label, Paragraph, Reading
from baocao.parse.document import Document, FrontSource
from baocao.parse.frontmatter import FrontMatter
from baocao.parse.kinds import Kind, kinds
from baocao.parse.outline import roman
from baocao.problems import Position, Problem
from baocao.resolve.appendices import is_appendix_heading

AS_ARTICLES = re.compile(
    r"\bNhư\s+(Điều\s+\d+(?:\s*(?:,|và)\s*(?:Điều\s+)?\d+)*)", re.IGNORECASE
)  # "Như Điều 3", "Như Điều 1, 2", "Như Điều 2, Điều 3"
UPWARD = "(b/c)"  # a recipient the document is sent to "để báo cáo"
LETTERS = "abcdđeghiklmnopqrstuvxy"  # Vietnamese order: a), b), c), d), đ), e), g) (PL I, V)
LATIN = "abcdefghijklmnopqrstuvwxyz"


def check_forms(document: Document) -> list[Problem]:
    """Every problem of the document's form: required elements, numbering, recipients and the
    ký hiệu. Rules that need the front matter wait until it can be read."""
    front, source = document.front, document.front_source
    problems = _headings(document)
    if front is None or source is None:
        return problems
    parts = _parts(document, front)
    main = parts[0]
    for part in parts:
        if part.kind.articles:
            problems += _article_sequence(part)
            for article in part.articles:
                problems += _clause_sequence(article)
    if front.kind.articles and not main.articles:
        at = main.first or source.position()
        problems.append(
            Problem(
                codes.NO_ARTICLES,
                at,
                f"{front.kind.title} chưa có điều nào: nội dung viết thành các điều, mỗi điều một "
                "đoạn mở đầu bằng “Điều 1.”, “Điều 2.” …",
            )
        )
    problems += _recipients(front, source, {a.number for a in main.articles})
    problems += _to(front, source)
    problems += _symbol(front, source)
    return problems


# ---------------------------------------------------------------------------------------------
# Parts and articles


@dataclass
class _Article:
    """An article, "Điều 2." ("Điều 2a." has the suffix "a"), with its khoản and điểm in order:
    each one's number ("2.", "b)") and position."""

    number: int
    suffix: str
    number_position: Position  # where its number is typed: the "4" of "Điều 4."
    clauses: list[tuple[_Label, Position]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"Điều {self.number}{self.suffix}"


@dataclass
class _Part:
    """The decision's own text, or a document attached to it (Mẫu 1.3), with its articles;
    `first` is its first block's line."""

    kind: Kind
    first: Position | None = None
    articles: list[_Article] = field(default_factory=list)


def _parts(document: Document, front: FrontMatter) -> list[_Part]:
    """The document's own text and each attached document, with their articles and the khoản
    and điểm of each; appendices hold none. An article runs to the next article or heading."""
    parts = [_Part(front.kind)]
    in_appendix = False
    article: _Article | None = None
    for block in document.blocks:
        if not isinstance(block, Heading | Paragraph | Item):
            continue
        attached = _attached(block, front.kind)
        if attached is not None:
            parts.append(_Part(attached, block.position))
            in_appendix = False
            article = None
            continue
        if is_appendix_heading(block):
            in_appendix = True
        part = parts[-1]
        part.first = part.first or block.position
        if in_appendix:
            article = None
            continue
        opening = None if isinstance(block, Item) else block.article
        if opening is not None:
            article = _Article(opening.number, opening.suffix, opening.number_position)
            part.articles.append(article)
        elif isinstance(block, Heading):
            article = None
        elif article is not None and (clause := _clause(block)) is not None:
            article.clauses.append(clause)
    return parts


def _attached(block: Heading | Paragraph | Item, kind: Kind) -> Kind | None:
    """The kind of a document attached to a decision that this heading opens ("# QUY CHẾ")."""
    if not kind.attaches or not isinstance(block, Heading):
        return None
    return block.role.kind if isinstance(block.role, AttachedHeading) else None


def _article_sequence(part: _Part) -> list[Problem]:
    """ "Điều 1.", "Điều 2." … in order; "Điều 2a." (an inserted article) is left alone."""
    problems = []
    previous: int | None = None
    for article in part.articles:
        if article.suffix:
            continue
        number = article.number
        expected = 1 if previous is None else previous + 1
        if number != expected:
            problems.append(
                Problem(
                    codes.ARTICLE_NUMBER,
                    article.number_position,
                    _article_message(number, previous, expected),
                )
            )
        previous = number
    return problems


def _article_message(number: int, previous: int | None, expected: int) -> str:
    typed = f"“Điều {number}.”"
    if previous is None:
        return f"{typed} đánh số không liền: điều đầu tiên là “Điều {expected}.”"
    if previous == number:
        return f"{typed} trùng số với điều trước: sửa thành “Điều {expected}.”"
    return f"{typed} đánh số không liền: sau “Điều {previous}.” là “Điều {expected}.”"


def _clause(block: Paragraph | Item) -> tuple[_Label, Position] | None:
    """The number that opens `block` when it is a khoản ("2.": a numbered list's item, its number
    as printed) or a điểm ("b)" or "b.": a paragraph), and where it is typed; None for anything
    else ("-", "+", "1)", "1.1.", "A.", a paragraph without a number)."""
    if block.label is None or (isinstance(block, Item) and block.depth):
        return None  # no number; or a list nested in a khoản or a điểm: neither
    for label in _readings(block.label):
        if label.scheme == "letter" or (label.scheme == "arabic" and label.form == "{}."):
            return label, block.label.position
    return None


def _clause_sequence(article: _Article) -> list[Problem]:
    """An article's khoản "1.", "2." … from 1, and the điểm "a)", "b)" … of each from "a)" (the
    article's own, before its first khoản, likewise)."""
    problems = []
    clause: _Label | None = None  # the article's latest khoản
    point: _Label | None = None  # the latest điểm of that khoản (or of the article)
    for label, position in article.clauses:
        if label.scheme == "arabic":
            previous, clause, point = clause, label, None
            owner = article.name
        else:
            previous, point = point, label
            owner = f"khoản {_show(clause.scheme, clause.value)}" if clause else article.name
        expected = previous.nexts() if previous is not None else [label.first(None)]
        if label.value not in [e.value for e in expected]:
            right = _Label(label.scheme, expected[0].value, label.form)
            problems.append(
                Problem(
                    codes.CLAUSE_NUMBER, position, _clause_message(label, previous, right, owner)
                )
            )
    return problems


def _clause_message(label: _Label, previous: _Label | None, expected: _Label, owner: str) -> str:
    what = "khoản" if label.scheme == "arabic" else "điểm"
    typed = f"{what} “{label.text}”"
    if previous is None:
        return f"{typed} đánh số không liền: {what} đầu tiên của {owner} là “{expected.text}”"
    if previous.value == label.value:
        same = "trùng số" if what == "khoản" else "trùng"
        return f"{typed} {same} với {what} trước: sửa thành “{expected.text}”"
    return f"{typed} đánh số không liền: sau {what} “{previous.text}” là {what} “{expected.text}”"


# ---------------------------------------------------------------------------------------------
# Heading numbers


@dataclass(frozen=True)
class _Label(Reading):
    """A number as parse read it (its scheme, value and form: baocao.parse.blocks.Reading), in
    its sequence: how it is written, its rank, the numbers that may follow it."""

    @property
    def text(self) -> str:
        return self.form.format(_show(self.scheme, self.value))

    @property
    def rank(self) -> int:
        """Its place in its sequence, 1 for the first."""
        if isinstance(self.value, str):
            low = self.value.lower()
            return (LETTERS.find(low) if low in LETTERS else LATIN.find(low)) + 1
        return self.value[-1]

    def nexts(self) -> list[_Label]:
        """The numbers that may follow it: the next letter in Vietnamese order or, for a list
        typed in the Latin alphabet, in that order."""
        if isinstance(self.value, str):
            low = self.value.lower()
            found = []
            for alphabet in (LETTERS, LATIN):
                at = alphabet.find(low)
                if 0 <= at < len(alphabet) - 1:
                    letter = alphabet[at + 1]
                    found.append(letter.upper() if self.value.isupper() else letter)
            return [_Label(self.scheme, v, self.form) for v in dict.fromkeys(found)]
        return [_Label(self.scheme, (*self.value[:-1], self.value[-1] + 1), self.form)]

    def first(self, parent: _Label | None) -> _Label:
        """The first number of its sequence, under `parent`: "a)"; "2.1." under "2."."""
        if isinstance(self.value, str):
            return _Label(self.scheme, "A" if self.value.isupper() else "a", self.form)
        prefix = self.value[:-1]
        if parent is not None and isinstance(parent.value, tuple):
            if parent.scheme in ("arabic", "dotted") and len(parent.value) == len(prefix):
                prefix = parent.value
        return _Label(self.scheme, (*prefix, 1), self.form)


def _show(scheme: str, value: tuple[int, ...] | str) -> str:
    """A number as the scheme writes it: "II", "ii", "2.1", "đ"."""
    if isinstance(value, str):
        return value
    if scheme == "roman-lower":
        return roman(value[0]).lower()
    if scheme == "roman" or scheme.endswith(":roman"):
        return roman(value[0])
    return ".".join(str(v) for v in value)


def _readings(label: Label) -> list[_Label]:
    """What the number opening a heading, a paragraph or an item may be, as parse read it: "C."
    is a letter or a Roman 100, "I." a Roman 1 or a letter."""
    return [_Label(r.scheme, r.value, r.form) for r in label.readings]


def _headings(document: Document) -> list[Problem]:
    """Heading numbers in sequence at each level, afresh under each parent heading."""
    problems: list[Problem] = []
    last: dict[int, _Label] = {}  # the last numbered heading of each level under its parent
    current: dict[int, _Label | None] = {}  # the latest heading of each level, numbered or not
    kind = document.front.kind if document.front is not None else None
    for block in document.blocks:
        if not isinstance(block, Heading):
            continue
        if is_appendix_heading(block) or (kind is not None and _attached(block, kind)):
            last.clear()
            current.clear()
            continue
        level = block.level
        for deeper in [lv for lv in (*last, *current) if lv > level]:
            last.pop(deeper, None)
            current.pop(deeper, None)
        if block.label is None:
            current[level] = None
            continue
        found = _readings(block.label)
        previous = last.get(level)
        same = [c for c in found if previous is not None and c.scheme == previous.scheme]
        label = same[0] if same else min(found, key=lambda c: c.rank)
        parents = [lv for lv in current if lv < level]
        parent = current[max(parents)] if parents else None
        if previous is not None and previous.scheme == label.scheme:
            expected = previous.nexts()
        else:  # the first of its level: "1." under "II."; a document's (or an excerpt's) first
            previous = None  # top-level heading may start anywhere ("# IV. …")
            expected = [label.first(parent)] if parent is not None else [label]
        if label.value not in [e.value for e in expected]:
            message = _heading_message(label, previous, expected[0], parent)
            problems.append(Problem(codes.HEADING_NUMBER, block.label.position, message))
        last[level] = label
        current[level] = label
    return problems


def _heading_message(
    label: _Label, previous: _Label | None, expected: _Label, parent: _Label | None
) -> str:
    if previous is None:
        under = f" dưới “{parent.text}”" if parent else ""
        return (
            f"đề mục “{label.text}” đánh số không liền: đề mục đầu tiên{under} là “{expected.text}”"
        )
    if previous.value == label.value:
        return f"đề mục “{label.text}” trùng số với đề mục trước: sửa thành “{expected.text}”"
    return f"đề mục “{label.text}” đánh số không liền: sau “{previous.text}” là “{expected.text}”"


# ---------------------------------------------------------------------------------------------
# Front matter against the kind


def _recipients(front: FrontMatter, source: FrontSource, articles: set[int]) -> list[Problem]:
    """ "Như Điều 3" among the recipients needs a Điều 3."""
    problems = []
    for recipient in front.recipients:
        for match in AS_ARTICLES.finditer(recipient):
            missing = [n for n in map(int, re.findall(r"\d+", match.group(1))) if n not in articles]
            if not missing:
                continue
            named = ", ".join(f"Điều {n}" for n in missing)
            why = "văn bản không có điều nào" if not articles else f"văn bản không có {named}"
            problems.append(
                Problem(
                    codes.AS_ARTICLE_MISSING,
                    source.position("noi_nhan", containing=match.group(0)),
                    f"nơi nhận ghi “{match.group(0)}” nhưng {why}",
                )
            )
    return problems


def _to(front: FrontMatter, source: FrontSource) -> list[Problem]:
    """Kính gửi as the kind uses it (`to` in templates/kinds.yaml; ND30, PL I, II.9)."""
    kind = front.kind
    if kind.to == "upward" and not front.to:
        upward = [r for r in front.recipients if UPWARD in r.lower().replace(" ", "")]
        if upward:
            return [
                Problem(
                    codes.UPWARD_WITHOUT_TO,
                    source.position("noi_nhan", containing=UPWARD),
                    f"{kind.title} gửi cấp trên (nơi nhận “{upward[0]}”) nên có nơi kính gửi "
                    "(“kinh_gui:”): văn bản gửi cấp trên ghi “Kính gửi: …” dưới trích yếu "
                    "(NĐ 30, Phụ lục I, II.9)",
                )
            ]
    if kind.to == "never" and front.to:
        return [
            Problem(
                codes.TO_NOT_USED,
                source.position("kinh_gui"),
                f"{kind.title} không ghi “Kính gửi”: nơi gửi ghi ở nơi nhận (“noi_nhan:”) "
                "(NĐ 30, Phụ lục I, II.9)",
            )
        ]
    return []


def _code(text: str) -> str:
    """A type code compared as typed: NFC, capitals, "Ð" (Icelandic eth) read as "Đ"."""
    return unicodedata.normalize("NFC", text).replace("\u00d0", "Đ").upper().strip()


def _symbol(front: FrontMatter, source: FrontSource) -> list[Problem]:
    """The ký hiệu as written against `loai`: its first part is the kind's code."""
    if not front.symbol_written:
        return []
    kind, every = front.kind, kinds()
    first = _code(front.symbol.split("-")[0])
    owner = next((k for k in every.known if k.code and _code(k.code) == first), None)
    whose = f" (“{owner.code}” là ký hiệu của {owner.title.lower()})" if owner else ""
    agencies = [front.agency] + ([front.joint.agency] if front.joint else [])
    default = every.symbol(kind, agencies)
    position = source.position("ky_hieu", value=True)
    if kind.form == "letter" and kind.code is None:
        if owner is None:
            return []
        return [
            Problem(
                codes.SYMBOL_KIND,
                position,
                f"ký hiệu “{front.symbol}” không hợp với loại “{kind.name}”: {kind.title.lower()} "
                f"không có tên loại, ký hiệu bắt đầu bằng tên viết tắt của cơ quan "
                f"(ví dụ “{default}-VP”){whose}",
            )
        ]
    if kind.code is None:
        return []
    allowed = {_code(kind.code)} | ({_code(kind.code) + "LT"} if front.joint else set())
    if first in allowed:
        return []
    return [
        Problem(
            codes.SYMBOL_KIND,
            position,
            f"ký hiệu “{front.symbol}” không khớp loại “{kind.name}”: ký hiệu của "
            f"{kind.title.lower()} bắt đầu bằng “{kind.code}” (ví dụ “{default}”){whose}",
        )
    ]
