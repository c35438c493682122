"""Two versions of the content compared as the pipeline reads them, for reviewing a pull request.

Each end is parsed and resolved (no DOCX): amounts are compared as the model computes them, so
the amounts an editor typed are told apart from the totals that moved with them; table rows are
matched by id, or else by their place under the nearest row with an id (TT codes, then names);
prose blocks are aligned on their text as typed, and compared as the reader reads them, so a
paragraph whose only change is a cited amount shows as following the money, not as edited.
`report` writes the result for a pull-request comment.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path

from baocao.build import resolve_folder
from baocao.money.amount import Amount
from baocao.parse.blocks import Heading, Item, TextBlock, source_text
from baocao.parse.document import document_folders
from baocao.problems import BaocaoError, Position, Problem
from baocao.resolve.budget import Row, Table
from baocao.resolve.citations import Entry
from baocao.review.revisions import WORKING_TREE, Revision, content_at, default_base, repository
from baocao.review.revisions import resolve as resolve_revision

SIMILAR = 0.5  # two passages sharing at least this share of words are one paragraph, edited


@dataclass(frozen=True)
class Passage:
    """A heading, paragraph or item: where it is, the heading above it, its text typed and shown."""

    position: Position
    heading: str
    typed: str
    shown: str


@dataclass
class Side:
    """One document at one end of the comparison: its tables, prose amounts and passages."""

    name: str
    tables: dict[str, Table]
    declared: dict[str, Entry]
    passages: list[Passage]


@dataclass(frozen=True)
class AmountChange:
    """One amount that differs: a table cell (table, row, column) or a prose amount (key only).

    `typed` tells an amount the editor changed by hand from one the model computed (a sum, a
    formula column, the rest of a "?" row). The tables are each end's, for figures in its unit.
    """

    key: str  # the id a citation cites ("pl.phong-hop", "pl.tong(1)", "de-xuat-2026"); "" if none
    old: Amount | None
    new: Amount | None
    typed: bool
    position: Position
    row: Row | None = None
    column: int | None = None
    old_table: Table | None = None
    new_table: Table | None = None

    @property
    def table(self) -> Table | None:
        return self.new_table or self.old_table


@dataclass(frozen=True)
class RowChange:
    """A table row added or removed, with its values at the end where it exists."""

    table: Table
    row: Row
    added: bool


@dataclass(frozen=True)
class TextChange:
    """A prose block that reads differently; `follows` when only the amounts it cites moved."""

    position: Position
    heading: str
    old: str | None
    new: str | None
    follows: bool = False


@dataclass
class DocumentChanges:
    """Everything that differs in one document between the two ends."""

    name: str
    status: str = ""  # "" both ends, "added", "removed"
    side: Side | None = None  # for an added or removed document, the end where it exists
    amounts: list[AmountChange] = field(default_factory=list)
    rows: list[RowChange] = field(default_factory=list)
    renamed: list[tuple[Table, Row, Row]] = field(default_factory=list)
    tables: list[tuple[Table, bool]] = field(default_factory=list)  # (table, added)
    prose: list[TextChange] = field(default_factory=list)

    @property
    def edited(self) -> list[AmountChange]:
        return [a for a in self.amounts if a.typed]

    @property
    def moved(self) -> list[AmountChange]:
        return [a for a in self.amounts if not a.typed]

    def __bool__(self) -> bool:
        return bool(
            self.status or self.amounts or self.rows or self.renamed or self.tables or self.prose
        )


@dataclass
class Comparison:
    """The changed documents between two ends, named as the report names them."""

    old: Revision
    new: Revision
    documents: list[DocumentChanges]


class EndFailsCheck(BaocaoError):
    """One end (or both) has content errors: it cannot be compared, and the editor sees why."""

    def __init__(self, failures: list[tuple[Revision, list[Problem]]]) -> None:
        parts = []
        for revision, problems in failures:
            count = len(problems)
            parts.append(
                f"Bản {revision} không qua được kiểm tra ({count} lỗi), nên chưa so sánh được:\n"
                + "\n".join(str(p) for p in problems)
            )
        super().__init__("\n".join(parts))
        self.failures = failures


# ---------------------------------------------------------------------------------------------
# Reading one end


def _moved(position: Position, folder: Path, shown: Path) -> Position:
    """A place in an extracted copy, where the editor knows the file."""
    try:
        return replace(position, path=shown / Path(position.path).relative_to(folder))
    except ValueError:
        return position


def read_side(folder: Path, shown: Path) -> tuple[Side | None, list[Problem]]:
    """One document read at one end: its model, or None and its errors (placed at `shown`)."""
    resolved = resolve_folder(folder)
    errors = [replace(p, position=_moved(p.position, folder, shown)) for p in resolved.errors]
    if resolved.document is None or errors:
        return None, sorted(errors, key=Problem.sort_key)

    def place(position: Position) -> Position:
        return _moved(position, folder, shown)

    for table in resolved.registry.tables.values():
        table.position = place(table.position)
    declared = {
        key: Entry(key, entry.amount, place(entry.position))
        for key, entry in resolved.registry.entries.items()
        if entry.is_prose
    }
    passages: list[Passage] = []
    headings: list[str] = []
    for typed, shown_block in resolved.prose:
        heading = headings[-1] if headings else ""
        if isinstance(typed, Heading):
            headings = [*headings[: typed.level - 1], _text(typed)]
        passages.append(Passage(place(typed.position), heading, _text(typed), _text(shown_block)))
    return Side(folder.name, dict(resolved.registry.tables), declared, passages), []


def _text(block: TextBlock) -> str:
    """A block's words, an item with its marker ("- …", "+ …", "1. …")."""
    text = source_text(block.inlines)
    return f"{block.marker} {text}" if isinstance(block, Item) else text


def read_end(content: Path, shown: Path) -> tuple[dict[str, Side], list[Problem]]:
    """Every document of a content tree at one end, and every error that keeps one from reading."""
    sides: dict[str, Side] = {}
    problems: list[Problem] = []
    for folder in document_folders(content):
        side, errors = read_side(folder, shown / folder.name)
        problems.extend(errors)
        if side is not None:
            sides[side.name] = side
    return sides, problems


# ---------------------------------------------------------------------------------------------
# Comparing


def compare_sides(old: dict[str, Side], new: dict[str, Side]) -> list[DocumentChanges]:
    """The documents that differ, in name order."""
    found: list[DocumentChanges] = []
    for name in sorted(old.keys() | new.keys()):
        if name not in old:
            found.append(DocumentChanges(name, "added", new[name]))
        elif name not in new:
            found.append(DocumentChanges(name, "removed", old[name]))
        else:
            changes = compare_documents(old[name], new[name])
            if changes:
                found.append(changes)
    return found


def compare_documents(old: Side, new: Side) -> DocumentChanges:
    """Amounts, rows, tables and prose that differ between two versions of one document."""
    changes = DocumentChanges(new.name)
    for table_id, table in new.tables.items():
        if table_id in old.tables:
            _compare_tables(old.tables[table_id], table, changes)
        else:
            changes.tables.append((table, True))
    changes.tables.extend((t, False) for i, t in old.tables.items() if i not in new.tables)
    for key in [*new.declared, *(k for k in old.declared if k not in new.declared)]:
        before, after = old.declared.get(key), new.declared.get(key)
        old_amount = before.amount if before else None
        new_amount = after.amount if after else None
        if old_amount != new_amount:
            where = (after or old.declared[key]).position  # declared at one end at least
            changes.amounts.append(AmountChange(key, old_amount, new_amount, True, where))
    changes.prose = compare_prose(old.passages, new.passages)
    return changes


def row_keys(table: Table) -> dict[tuple[object, ...], Row]:
    """Each row by a key that survives edits elsewhere in the table: its id; else its TT code (or,
    for a "+" row, its name) under each ancestor up to the nearest one with an id."""
    keys: dict[tuple[object, ...], Row] = {}
    for row in table.rows:
        chain = [_own_key(row)]
        parent = row.parent if row.id is None else None
        while parent is not None:
            chain.append(_own_key(parent))
            parent = parent.parent if parent.id is None else None
        key: tuple[object, ...] = tuple(reversed(chain))
        count = 1
        while key in keys:  # the same item twice under one parent: by order
            count += 1
            key = (*tuple(reversed(chain)), count)
        keys[key] = row
    return keys


def _own_key(row: Row) -> tuple[str, str]:
    if row.id:
        return ("#", row.id)
    if row.is_total:
        return ("=", "")
    if row.code:
        return ("code", row.bare)
    return ("+", " ".join(row.name.split()))


def cell_key(table: Table, row: Row, number: int) -> str:
    """The id a citation cites for a cell: "pl.csdl" in the main column, "pl.csdl(1)" else."""
    if row.id is None:
        return ""
    return f"{table.id}.{row.id}" + ("" if number == table.main else f"({number})")


def _compare_tables(old: Table, new: Table, changes: DocumentChanges) -> None:
    old_rows, new_rows = row_keys(old), row_keys(new)
    numbers = [c.number for c in new.amount_columns]
    numbers += [c.number for c in old.amount_columns if c.number not in numbers]
    for key, row in new_rows.items():
        before = old_rows.get(key)
        if before is None:
            changes.rows.append(RowChange(new, row, True))
            continue
        if " ".join(before.name.split()) != " ".join(row.name.split()):
            changes.renamed.append((new, before, row))
        for number in numbers:
            old_value, new_value = before.values.get(number), row.values.get(number)
            if old_value == new_value:
                continue
            typed_old, typed_new = before.typed.get(number), row.typed.get(number)
            typed = typed_old != typed_new and (
                isinstance(typed_old, Amount) or isinstance(typed_new, Amount)
            )
            changes.amounts.append(
                AmountChange(
                    cell_key(new, row, number),
                    old_value,
                    new_value,
                    typed,
                    new.at(row),
                    row,
                    number,
                    old,
                    new,
                )
            )
    for key, row in old_rows.items():
        if key not in new_rows:
            changes.rows.append(RowChange(old, row, False))


def compare_prose(old: list[Passage], new: list[Passage]) -> list[TextChange]:
    """Prose blocks aligned on their typed text; those that read differently, in order."""
    changes: list[TextChange] = []
    matcher = SequenceMatcher(None, [p.typed for p in old], [p.typed for p in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for before, after in zip(old[i1:i2], new[j1:j2], strict=True):
                if before.shown != after.shown:
                    changes.append(
                        TextChange(
                            after.position, after.heading, before.shown, after.shown, follows=True
                        )
                    )
            continue
        for old_block, new_block in _paired(old[i1:i2], new[j1:j2]):
            where = new_block or old_block
            assert where is not None  # _paired never pairs None with None
            changes.append(
                TextChange(
                    where.position,
                    where.heading,
                    old_block.shown if old_block else None,
                    new_block.shown if new_block else None,
                )
            )
    return changes


def _paired(
    old: list[Passage], new: list[Passage]
) -> Iterator[tuple[Passage | None, Passage | None]]:
    """Old and new blocks of a changed stretch, in order: each old one with the first new one
    that shares enough of its words (edited), the rest alone (removed or added)."""
    start = 0
    for before in old:
        match = next(
            (
                k
                for k in range(start, len(new))
                if _similarity(before.shown, new[k].shown) >= SIMILAR
            ),
            None,
        )
        if match is None:
            yield before, None
            continue
        for added in new[start:match]:
            yield None, added
        yield before, new[match]
        start = match + 1
    for added in new[start:]:
        yield None, added


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


# ---------------------------------------------------------------------------------------------
# Two revisions


def compare_revisions(content: Path, old: str | None = None, new: str | None = None) -> Comparison:
    """The content compared between two git revisions; `new` None is the working tree, and `old`
    None is where the current branch left main (see revisions.default_base).

    Raises UsageError for an unknown revision, EndFailsCheck when an end has content errors.
    """
    top = repository(content if content.is_dir() else Path.cwd())
    old_revision = resolve_revision(old, top) if old else default_base(top)
    new_revision = resolve_revision(new, top) if new else WORKING_TREE
    with tempfile.TemporaryDirectory(prefix="baocao-diff-") as scratch:
        ends: list[dict[str, Side]] = []
        failures: list[tuple[Revision, list[Problem]]] = []
        for revision in (old_revision, new_revision):
            tree = content_at(revision, content, top, Path(scratch))
            sides, problems = read_end(tree, content)
            ends.append(sides)
            if problems:
                failures.append((revision, problems))
        if failures:
            raise EndFailsCheck(failures)
        return Comparison(old_revision, new_revision, compare_sides(*ends))
