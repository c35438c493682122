"""Resolve stage: budget tables read and computed, declared amounts collected, citations written.

parse → **resolve** → render → docx. What render receives holds no syntax of ours any more:
each budget table is its computed model (baocao.resolve.budget), each `{{ … }}` citation is
its text, each `{#id}` tag is gone. Every problem of every table, amount and citation is
collected, with parse's, before anything fails.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from baocao import codes
from baocao.money.amount import Amount
from baocao.money.figures import in_form
from baocao.money.words import WordsStyle
from baocao.parse.blocks import (
    Citation,
    DeclaredTable,
    Emphasis,
    Heading,
    Inline,
    Item,
    Paragraph,
    PlainTable,
    Strong,
    TableCell,
    TextBlock,
)
from baocao.parse.document import Document
from baocao.parse.frontmatter import FrontMatter
from baocao.problems import Position, Problem
from baocao.resolve.accounted import check_accounted, grand_total, table_amounts
from baocao.resolve.appendices import appendix_problems
from baocao.resolve.budget import HeaderCell, Table, compute, place_rows
from baocao.resolve.citations import CitationProblem, Citations, Entry, Lookup, Registry
from baocao.resolve.forms import check_forms
from baocao.resolve.prose import Declaration, Prose, Walk
from baocao.resolve.prose_checks import check_words
from baocao.resolve.prose_percent import check_percents
from baocao.resolve.tables import budget_table


@dataclass(frozen=True)
class BudgetTable:
    """A budget table, read and computed, where its declaration line stood."""

    position: Position
    table: Table


ShownBlock = Heading | Paragraph | Item | BudgetTable | PlainTable


@dataclass(frozen=True)
class ResolvedDocument:
    """A document ready to render: its front matter, and its blocks as the reader sees them."""

    name: str
    front: FrontMatter
    blocks: tuple[ShownBlock, ...]


@dataclass(frozen=True)
class Resolution:
    """What resolving a document found.

    `document` is what render prints (None when the front matter cannot be read); `problems`
    holds parse's and resolve's, in file and line order; `registry` every citable amount by id
    (and each table); `prose` each text block as typed beside the same block as the reader sees
    it — what `baocao diff` compares between two versions.
    """

    document: ResolvedDocument | None
    problems: tuple[Problem, ...]
    registry: Registry
    prose: tuple[tuple[TextBlock, TextBlock], ...]

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop a build: neither warnings nor placeholders still to fill."""
        return [p for p in self.problems if not p.warning and not p.draft]


def resolve_document(document: Document, lookup: Lookup | None = None) -> Resolution:
    """The document resolved: tables computed, citations written out, every problem found.

    `lookup` gives the registry of another document of the same content folder, for citations
    such as `{{ tien("ke-hoach-2027:pl.camera") }}`; without it only the document's own amounts
    can be cited (its own name before the colon always works).
    """
    style = document.front.words if document.front else WordsStyle()
    problems = [*document.problems, *appendix_problems(document.blocks)]
    problems.extend(check_forms(document))
    registry = Registry()
    tables: dict[int, Table] = {}
    for index, block in enumerate(document.blocks):
        if isinstance(block, DeclaredTable):
            table, found = budget_table(block)
            problems.extend(found)
            if table is None:
                registry.refuse(block.declaration.id)
                continue
            problems.extend(place_rows(table))
            problems.extend(compute(table))
            duplicate = registry.add_table(table)
            if duplicate:
                problems.append(duplicate)
            tables[index] = table

    text_blocks = [
        (i, b) for i, b in enumerate(document.blocks) if isinstance(b, Heading | Paragraph | Item)
    ]
    declarations: list[Declaration] = []
    for _, block in text_blocks:
        walk = Walk.of(block.position)
        walk.inlines(block.inlines)
        problems.extend(walk.problems)
        declarations.extend(walk.declarations)
    for declaration in declarations:
        duplicate = registry.declare(declaration.key, declaration.amount, declaration.position)
        if duplicate:
            problems.append(duplicate)

    cited: dict[str, Registry] = {}  # the other documents this one cites, in citing order

    def cite(name: str) -> Registry:
        if name == document.name:
            return registry
        if lookup is None:
            raise CitationProblem(
                codes.DOCUMENT_NOT_FOUND,
                f"không trích được số tiền của văn bản “{name}”: văn bản này được đọc riêng, "
                "không cùng một thư mục nội dung",
            )
        cited[name] = lookup(name)
        return cited[name]

    citations = Citations(registry, style, cite)
    problems.extend(_relations(declarations, citations))
    shown: dict[int, TextBlock] = {}
    proses: list[Prose] = []  # every text as the reader sees it, for the retyped amounts
    previous: tuple[int, Prose] | None = None  # the block before, for "(Bằng chữ: …)" on its own
    for index, block in text_blocks:
        walk = Walk.of(block.position, citations)
        inlines = walk.inlines(block.inlines)
        problems.extend(walk.problems)
        before = previous[1] if previous and previous[0] == index - 1 else None
        problems.extend(check_words(walk.prose, style, before))
        problems.extend(check_percents(walk.prose))
        proses.append(walk.prose)
        shown[index] = replace(block, inlines=inlines)
        previous = (index, walk.prose)

    cells = _Cells(citations, style)
    for table in tables.values():  # a citation in a header, name or text cell, as in prose
        table.header = [_cited_header(cells, table, c) for c in table.header]
        for row in table.rows:
            row.name_cell = cells.cell(row.name_cell, accounted=False)
            row.texts = {k: cells.cell(v, accounted=False) for k, v in row.texts.items()}
    problems.extend(cells.problems)
    blocks: list[ShownBlock] = []
    for index, block in enumerate(document.blocks):
        if index in tables:
            blocks.append(BudgetTable(block.position, tables[index]))
        elif index in shown:
            blocks.append(shown[index])
        elif isinstance(block, PlainTable):
            cells = _Cells(citations, style)
            blocks.append(cells.table(block))
            problems.extend(cells.problems)
            proses.extend(cells.proses)
    known = _known_with_cited(registry, cited)  # the cited documents are known only by now
    figures = table_amounts(list(tables.values()))
    totals = [t for t in (grand_total(table) for table in tables.values()) if t is not None]
    total = totals[0] if len(totals) == 1 else None  # which of several "tổng" names: unknown
    problems.extend(p for prose in proses for p in check_accounted(prose, known, figures, total))
    resolved = None
    if document.front is not None:
        resolved = ResolvedDocument(document.name, document.front, tuple(blocks))
    return Resolution(
        resolved,
        tuple(sorted(problems, key=lambda p: (p.position, p.message))),
        registry,
        tuple((block, shown[i]) for i, block in text_blocks),
    )


def _relations(declarations: list[Declaration], citations: Citations) -> list[Problem]:
    """`{#tong = nv-*}`: each declared total against the sum it names."""
    problems: list[Problem] = []
    for declaration in declarations:
        if not declaration.terms:
            continue
        here = declaration.position
        try:
            total, entries = citations.total(declaration.terms)
        except CitationProblem as exc:
            at = exc.place  # the term's, or the tag's
            where = here if at is None else at.at(here.path)
            if not exc.reported:
                problems.append(Problem(exc.code, where, f"“{declaration.key}”: {exc.message}"))
            continue
        if any(e.key == declaration.key for e in entries):
            problems.append(
                Problem(
                    codes.RELATION_SELF,
                    here,
                    f"“{declaration.key}” không thể là tổng của chính nó",
                )
            )
            continue
        if total != declaration.amount:
            named = " + ".join(str(term) for term in declaration.terms)
            gap = declaration.amount - total
            form = replace(declaration.form, decimals=None)  # the declared amount's unit
            problems.append(
                Problem(
                    codes.RELATION_MISMATCH,
                    here,
                    f"“{declaration.key}” ghi {in_form(declaration.amount, declaration.form)}, "
                    f"nhưng {named} cộng lại là {in_form(total, form)} "
                    f"(chênh {in_form(abs(gap), form)})",
                )
            )
    return problems


def _known_with_cited(registry: Registry, cited: dict[str, Registry]) -> dict[Amount, list[str]]:
    """The amounts a figure typed by hand may repeat: this document's (`_known`), then those of
    each document it cites, by the citation that prints them ("ke-hoach:kp.camera"): an amount
    is typed once, in one document."""
    known = _known(registry)
    for name, other in cited.items():
        for amount, keys in _known(other).items():
            known.setdefault(amount, [f"{name}:{key}" for key in keys])
    return known


def _known(registry: Registry) -> dict[Amount, list[str]]:
    """Each non-zero amount with an id → its ids, the likeliest first (for retyped-figure warnings):
    prose amounts, then table rows in their main column, the most detailed row first."""

    def likely(entry: Entry) -> tuple[bool, bool, int, str]:
        table, row = entry.table, entry.row
        depth = len(row.ancestors()) if row else 0
        main = table is None or (entry.column == table.main and "(" not in entry.key)
        return (table is not None, not main, -depth, entry.key)

    known: dict[Amount, list[str]] = {}
    for entry in sorted(registry.entries.values(), key=likely):
        if entry.amount and entry.money:  # a count or a percent is no amount of money
            keys = known.setdefault(entry.amount, [])
            if not any(
                k.startswith(f"{entry.key}(") or entry.key.startswith(f"{k}(") for k in keys
            ):
                keys.append(entry.key)
    return known


class _Cells:
    """A plain table's cells resolved as prose is: citations written, tags dropped, amounts and
    their words checked; `problems` collects what is found."""

    def __init__(self, citations: Citations, style: WordsStyle):
        self.citations = citations
        self.style = style
        self.problems: list[Problem] = []
        self.proses: list[Prose] = []  # each cell's text as the reader sees it

    def table(self, table: PlainTable) -> PlainTable:
        rows = tuple(tuple(self.cell(cell) for cell in row) for row in table.rows)
        header = tuple(self.cell(cell) for cell in table.header)
        return replace(table, header=header, rows=rows)

    def cell(self, cell: TableCell, accounted: bool = True) -> TableCell:
        """A cell resolved; its typed figures are `accounted` for as prose's are (a plain
        table's), or only their words checked (a budget table's name and notes)."""
        if not accounted and not _cites(cell.inlines):
            return cell  # nothing to resolve, and its figures not checked as prose's
        walk = Walk.of(cell.position, self.citations)
        inlines = walk.inlines(cell.inlines)
        self.problems.extend(walk.problems)
        self.problems.extend(check_words(walk.prose, self.style))
        if accounted:
            self.proses.append(walk.prose)
        return replace(cell, inlines=inlines)


def _cited_header(cells: _Cells, table: Table, header: HeaderCell) -> HeaderCell:
    """A header cell with its citations written, each reported at its own place."""
    if not _cites(header.inlines):
        return header
    typed = TableCell(header.text, header.inlines, table.position)
    return replace(header, inlines=cells.cell(typed, accounted=False).inlines)


def _cites(inlines: tuple[Inline, ...]) -> bool:
    """Whether inlines hold a citation, at any depth."""
    for inline in inlines:
        match inline:
            case Citation():
                return True
            case Strong(children) | Emphasis(children):
                if _cites(children):
                    return True
    return False
