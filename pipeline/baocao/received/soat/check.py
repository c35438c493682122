"""Every check baocao can run on a document it did not build (`baocao soat`).

The document was read into paragraphs and tables (baocao.received.read.blocks); here:

- every figure–words pair of its paragraphs and table cells is read back (prose_checks, the same
  reader as check's: every form of amount, words on the next line, variants as warnings);
- every budget-like table is shaped as a budget table (`tables`), typed as parse types one
  (baocao.parse.table) and computed by the budget model: parents against their children, column
  formulas on every row, figures out of scale; the table's own faults (a short row, a code glued
  to its name) are errors at that row;
- totals, lists and items named twice across the prose (`prose`): soat's own problems, BC7xx.

The problems the build path's checks find keep the codes they come with. Problems are at
Position(path, anchor): the caller says where each anchor is ("đoạn 12"); in a text file the
anchor is a line, and every problem has the column of what it is about: the reader kept where
each character of a paragraph or cell stands (a figure, its words), and where each cell of a
table starts (a wrong figure of a table, a code glued to its name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from baocao import codes
from baocao.money.amount import Amount
from baocao.money.words import WordsStyle
from baocao.problems import Position, Problem
from baocao.received.read.blocks import Paragraph, Received
from baocao.received.soat.prose import (
    Relation,
    RowCell,
    TableItem,
    check_prose,
    paragraph_prose,
    placed_prose,
)
from baocao.received.soat.tables import BudgetShape, budget_shape, unit_of
from baocao.resolve.budget import Table as Budget
from baocao.resolve.budget import compute, place_rows
from baocao.resolve.prose import Prose
from baocao.resolve.prose_checks import check_words
from baocao.resolve.tables import budget_table

# Advice on baocao's own table syntax, which a received document has no use for.
CONTENT_HINTS = (
    " (nếu số tổng đúng mà chưa chi tiết hết, thêm một dòng “+” có ô “?” cho phần chưa chi tiết)",
)


# The regional spellings of number words (docs/number-words.md): right Vietnamese that reads the
# right number. A received document is no baocao document with a `chu_so` setting: whichever
# spelling a paragraph uses is its own, and only a wrong number or a misspelling is reported.
REGIONAL = (
    ("le", re.compile(r"\blẻ\b", re.IGNORECASE)),
    ("bon", re.compile(r"\bmươi\s+bốn\b", re.IGNORECASE)),
    ("ngan", re.compile(r"\bngàn\b", re.IGNORECASE)),
    ("ti", re.compile(r"\btỉ\b", re.IGNORECASE)),
)


def regional_style(text: str) -> WordsStyle:
    """The words style a text writes its amounts in: "lẻ", "bốn" after "mươi", "ngàn", "tỉ"
    where it uses them, the standard spellings elsewhere."""
    return WordsStyle(**{name: bool(pattern.search(text)) for name, pattern in REGIONAL})


def regional_options(received: Received) -> list[str]:
    """The regional spellings a document writes its amounts in anywhere ("le", "ngan"…), as
    the `chu_so` of the content `nhap` makes of it, so that check reads them as its own."""
    texts = [b.text for b in received.blocks if isinstance(b, Paragraph)]
    texts += [
        c.text
        for b in received.blocks
        if not isinstance(b, Paragraph)
        for r in b.rows
        for c in r.cells
    ]
    return [name for name, pattern in REGIONAL if any(pattern.search(t) for t in texts)]


@dataclass
class ReceivedCheck:
    """What checking a received document found: its problems in document order, each budget
    table's shape (by table number) and the relations its prose implies."""

    problems: list[Problem] = field(default_factory=list)
    shapes: dict[int, BudgetShape] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    # The cells of each budget table (row anchor, column index) whose figure is the sum of the
    # row's items, as the budget model computes it: a workbook's =SUM there is a sum baocao makes.
    sums: dict[int, set[tuple[int, int]]] = field(default_factory=dict)


def check_received(received: Received) -> ReceivedCheck:
    """Every problem of a received document, and what nhap needs to write it as content."""
    found = ReceivedCheck()
    previous: Prose | None = None
    items: list[TableItem] = []
    for index, block in enumerate(received.blocks):
        if isinstance(block, Paragraph):
            prose = paragraph_prose(received, block)
            found.problems += check_words(prose, regional_style(block.text), previous)
            previous = prose
            continue
        previous = None
        for row in block.rows:
            for cell in row.cells:
                if cell.text and not cell.merged:
                    prose = placed_prose(received, cell.text, cell.places, row.anchor)
                    found.problems += check_words(prose, regional_style(cell.text))
        before = received.blocks[index - 1] if index else None
        unit = unit_of(before.text) if isinstance(before, Paragraph) else None
        shape = budget_shape(block, unit, f"bang-{block.number}")
        if shape is not None:
            found.shapes[block.number] = shape
            items += _table(received, shape, found, block.number)
    for note in received.notes:  # a footnote's figures and words, as a paragraph's
        found.problems += check_words(paragraph_prose(received, note), regional_style(note.text))
    for anchor, part in received.unread:
        found.problems.append(
            Problem(
                codes.RECEIVED_UNREAD,
                Position(received.path, anchor),
                f"phần nhúng từ tệp khác ({part}) không đọc được, nên không được soát: mở tệp "
                "bằng Word, lưu lại thành .docx rồi soát lại",
            )
        )
    across = check_prose(received, items)
    found.problems += across.problems
    found.relations = across.relations
    found.problems.sort(key=Problem.sort_key)
    return found


def _table(
    received: Received, shape: BudgetShape, found: ReceivedCheck, number: int
) -> list[TableItem]:
    """A budget-like table computed: its problems at their rows (each row's anchor, the cell's
    column of the table), its named rows."""
    noted = {note.anchor for note in shape.notes}
    typed, problems = shape.typed(received.path)
    budget = None
    if typed is not None:
        budget, built = budget_table(typed)
        problems += built
    if budget is not None:
        problems += place_rows(budget)
        problems += compute(budget)
        found.sums[number] = _sums(budget)
    for note in shape.notes:
        at = Position(received.path, note.anchor, note.column)
        found.problems.append(Problem(note.code, at, note.message))
    for problem in problems:
        if problem.position.line in noted:
            continue
        message = problem.message
        for hint in CONTENT_HINTS:
            message = message.replace(hint, "")
        found.problems.append(replace(problem, message=message))
    return _named_rows(budget) if budget is not None else []


def _sums(budget: Budget) -> set[tuple[int, int]]:
    """The cells whose typed figure equals the sum of their row's items (rows read in order,
    so a row's line is its received anchor)."""
    out = set()
    for row in budget.rows:
        if not row.sums_children:
            continue
        for column in budget.amount_columns:
            typed = row.typed.get(column.number)
            if (
                column.summed
                and isinstance(typed, Amount)
                and row.values.get(column.number) == typed
            ):
                out.add((row.line, column.index))
    return out


def _named_rows(budget: Budget) -> list[TableItem]:
    out = []
    for row in budget.rows:
        values: list[Amount] = []
        shown: list[str] = []
        cells: list[RowCell] = []
        # the row's amount first: a column that others make ("Thành tiền", "Tổng số")
        columns = sorted(budget.money_columns, key=lambda c: c.formula is None)
        for column in columns:
            typed = row.typed.get(column.number)
            if isinstance(typed, Amount) and typed:
                values.append(typed)
                shown.append(column.measure.words(budget.figure(typed, column)))
                cells.append(RowCell(budget.id, row.line, column.number))
        if row.name and values:
            item = TableItem(row.line, row.name, tuple(values), ", ".join(shown), tuple(cells))
            out.append(item)
    return out
