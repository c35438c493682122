"""Where each amount of a document comes from, for the preview's "pointing at an amount".

A budget table's cell: its table, its row and id, its column, and how its figure is had — typed,
the sum of the rows under it, the column's formula, or what is left of a total not yet detailed.
An amount typed once in prose: its id and where it is typed. Either way, every place that cites
it. All of it is what resolve already knows (its registry, and parse's typed citations).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from baocao.parse.blocks import Break, Citation, Emphasis, Inline, Strong, Tag, Text
from baocao.problems import Position, display_path
from baocao.resolve.budget import REMAINDER, Row, Table, formula_text
from baocao.resolve.citations import CitationProblem, Entry, Registry
from baocao.resolve.document import Resolution


@dataclass(frozen=True)
class Origin:
    """One amount: what it is, where it is typed, how it is had, and who cites it."""

    key: str
    value: str
    what: (
        str  # "bảng pl, dòng IV “Chuyển đổi số”, cột (4) DỰ TOÁN 2027" or "khoản ghi trong lời văn"
    )
    where: str  # "90-phu-luc.md:12:5"
    how: str  # "tổng các dòng: 1, 2, 3", "công thức (1)=(2)+(3)", "gõ trực tiếp"
    cited_at: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "value": self.value,
            "what": self.what,
            "where": self.where,
            "how": self.how,
            "cited_at": list(self.cited_at),
        }


@dataclass(frozen=True)
class CitedText:
    """A citation as the reader sees it: the text it printed, and the ids it names."""

    text: str
    keys: tuple[str, ...]
    position: Position


@dataclass
class Provenance:
    """Every amount of a document by its key (`pl.iv(4)`, `de-xuat-2026`), the citations in
    the order they are printed, and the key of each budget-table cell."""

    origins: dict[str, Origin] = field(default_factory=dict)
    citations: list[CitedText] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {key: origin.as_json() for key, origin in self.origins.items()}


def cell_key(table: Table, row: Row, number: int) -> str:
    """The key of a budget-table cell: the id a citation would write, or, for a row without an
    id, its place in the table (`pl@12(4)`, its line), which no citation can write."""
    return f"{table.id}.{row.id}({number})" if row.id else f"{table.id}@{row.line}({number})"


def provenance(resolution: Resolution) -> Provenance:
    """Where every amount of a resolved document comes from, and who cites it."""
    found = Provenance()
    registry = resolution.registry
    found.citations = _citations(resolution, registry)
    cited: dict[str, list[str]] = {}
    for citation in found.citations:
        for key in citation.keys:
            cited.setdefault(key, []).append(str(citation.position))
    for table in registry.tables.values():
        for row in table.rows:
            for column in table.columns:
                if not column.is_amount:
                    continue
                key = cell_key(table, row, column.number)
                found.origins[key] = Origin(
                    key,
                    table.figure(row.values.get(column.number), column),
                    f"bảng {table.id}, {row.label()}, cột {column.name}",
                    str(table.at(row, column.number)),
                    _how(table, row, column.number),
                    tuple(cited.get(key, ())),
                )
    for key, entry in registry.entries.items():
        if entry.is_prose:
            found.origins[key] = Origin(
                key,
                _prose_value(entry),
                "khoản ghi trong lời văn",
                str(entry.position),
                "gõ một lần trong lời văn, mã {#" + key + "}",
                tuple(cited.get(key, ())),
            )
    return found


def _how(table: Table, row: Row, number: int) -> str:
    """How a cell's figure is had."""
    column = table.column(number)
    typed = row.typed.get(number)
    if typed is REMAINDER:
        return "phần chưa chi tiết: số của dòng trên trừ các mục đã chi tiết"
    if column is not None and column.formula is not None and typed is None:
        return f"công thức {column.name}={formula_text(column.formula)}"
    if row.sums_children and column is not None and column.summed:
        parts = ", ".join(child.reference() for child in row.children)
        checked = " (số gõ ở dòng được đối chiếu với tổng này)" if typed is not None else ""
        return f"tổng các dòng: {parts}{checked}"
    if typed is not None:
        return "gõ trực tiếp trong bảng"
    return "ô trống"


def _prose_value(entry: Entry) -> str:
    from baocao.money.amount import Form
    from baocao.money.figures import in_form

    return in_form(entry.amount, Form()) if entry.amount is not None else ""


def _citations(resolution: Resolution, registry: Registry) -> list[CitedText]:
    """Each citation resolved without a problem, with the text it printed, in print order."""
    found: list[CitedText] = []
    for typed, shown in resolution.prose:
        pairs: list[tuple[Citation, str]] = []
        _align(typed.inlines, shown.inlines, pairs)
        for citation, text in pairs:
            keys: list[str] = []
            for cited in citation.ids:
                if cited.document:  # another document's amount: named as cited
                    keys.append(cited.key)
                    continue
                try:
                    entries = registry.find(cited)
                except CitationProblem:
                    continue
                keys.extend(_canonical(entry) for entry in entries)
            where = citation.place.at(typed.position.path) if citation.place else typed.position
            found.append(CitedText(text, tuple(keys), where))
    return found


def _canonical(entry: Entry) -> str:
    """A table entry by its cell's key (the main column's alias `pl.iv` is `pl.iv(4)`)."""
    if entry.table is not None and entry.row is not None and entry.column is not None:
        return cell_key(entry.table, entry.row, entry.column)
    return entry.key


def _align(
    typed: tuple[Inline, ...], shown: tuple[Inline, ...], out: list[tuple[Citation, str]]
) -> None:
    """The text each citation printed. Resolve keeps a block's Text and Break inlines as they are
    (the same objects) and puts a citation's text in its place, a tag leaving nothing: so a
    citation printed what lies between the shown inlines of its typed neighbours."""
    at = 0
    for k, inline in enumerate(typed):
        if isinstance(inline, Citation):
            anchor = next((i for i in typed[k + 1 :] if not isinstance(i, Citation | Tag)), None)
            start = at
            while at < len(shown) and not _matches(shown[at], anchor):
                at += 1
            out.append((inline, _plain(shown[start:at])))
        elif isinstance(inline, Strong | Emphasis):
            if at < len(shown) and isinstance(shown[at], Strong | Emphasis):
                _align(inline.children, shown[at].children, out)  # type: ignore[union-attr]
                at += 1
        elif isinstance(inline, Text | Break):
            at += 1 if at < len(shown) and shown[at] is inline else 0


def _matches(shown: Inline, anchor: Inline | None) -> bool:
    """Whether a shown inline is the typed `anchor` as resolve kept it."""
    if anchor is None:
        return False
    if isinstance(anchor, Text | Break):
        return shown is anchor
    if type(shown) is not type(anchor) or not isinstance(anchor, Strong | Emphasis):
        return False
    kept = _leaves(anchor)
    return not kept or any(leaf is kept[0] for leaf in _leaves(shown))


def _leaves(inline: Inline) -> list[Inline]:
    """The Text and Break inlines an inline holds, itself included: what resolve keeps as is."""
    if isinstance(inline, Text | Break):
        return [inline]
    if isinstance(inline, Strong | Emphasis):
        return [leaf for child in inline.children for leaf in _leaves(child)]
    return []


def _plain(inlines: tuple[Inline, ...]) -> str:
    out = []
    for inline in inlines:
        if isinstance(inline, Text):
            out.append(inline.text)
        elif isinstance(inline, Strong | Emphasis):
            out.append(_plain(inline.children))
        else:
            out.append(" ")
    return "".join(out).strip()


def shown_path(position: Position) -> str:
    return display_path(position.path)
