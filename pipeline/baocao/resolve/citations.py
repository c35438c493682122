"""Amounts by id, and the citations that print them: `{{ tien("id") }}`, never a retyped figure.

Ids come from budget-table rows (`pl.iv`, `pl.iv(4)` for a given column) and from amounts typed
once in prose with a tag (`**10.122.000.000 đồng**{#de-xuat-2026}`). A citation comes read by
parse (baocao.parse.citation): one of the four functions below, its ids, its unit and its
decimals. What is left to resolve is what they name — an unknown id (with the closest known
ones), an empty cell, an id counted twice — each a Problem at its place, never a traceback.

    tien(ids…)      1.000.000.000 đồng
    so(ids…)        1.000                         (figures in the table's unit; a count or a
                                                   percent cell with its unit: 1.234 hồ sơ, 85,3%)
    chu(ids…)       Một tỷ đồng
    tien_chu(ids…)  **1.000.000.000 đồng** (Một tỷ đồng)

Several ids are added up; "nv-*" stands for every prose id that starts with "nv-". A unit prints
the figure in it, with the decimals it needs: tien("x", "tỷ") is "977,45 tỷ đồng", tien("x", "đ")
"91.481.640.145đ", tien("x", "VNĐ") "5.000.000 VNĐ", so("x", "triệu") "977.450"; a number of
decimals, `thap_phan=2` (or just 2), rounds half up to exactly that many. The words of chu and
tien_chu read the amount so printed, in đồng.
"ke-hoach-2027:pl.camera" is an amount of another document of the same content folder: the
document's folder name, a colon, its id. Resolve does not read it: a `Lookup` (given by build,
which knows the content folder) hands over that document's registry, or says why it cannot.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from baocao import codes
from baocao.money.amount import MAX_DONG, Amount, Form, InexactAmount, Unit, round_half_up
from baocao.money.figures import figure, in_form, number
from baocao.money.words import WordsStyle, amount_in_words
from baocao.parse.blocks import Citation, CitedId, Place
from baocao.problems import Code, Position, Problem
from baocao.resolve.budget import PERCENT, Row, Table


class CitationProblem(Exception):
    """A citation that cannot be resolved: its code, the editor's message in Vietnamese, and
    the place of the id it is about (None: the citation's own place)."""

    def __init__(
        self, code: Code, message: str, place: Place | None = None, reported: bool = False
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.place = place
        self.reported = reported  # already said where it began (a table refused): not again

    def at(self, place: Place | None) -> CitationProblem:
        """The same problem at `place`, unless it has one already."""
        if self.place is not None:
            return self
        return CitationProblem(self.code, self.message, place, self.reported)


@dataclass(frozen=True)
class Entry:
    """One citable amount: where it was declared, in which unit a table shows it."""

    key: str
    amount: Amount | None
    position: Position
    unit: Unit = Unit.DONG
    decimals: int = 0
    table: Table | None = None
    row: Row | None = None
    column: int | None = None
    money: bool = True  # False for a count or a percent cell: only so(…) prints it

    @property
    def is_prose(self) -> bool:
        return self.table is None


@dataclass(frozen=True)
class Cited:
    """What a citation writes: text parts, each plain ("text") or bold ("strong")."""

    parts: tuple[tuple[str, str], ...]


@dataclass
class Registry:
    """Every id of a document: prose amounts and table rows (and tables, so no prose id clashes)."""

    entries: dict[str, Entry] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    owners: dict[str, Position] = field(default_factory=dict)  # top-level id → where declared
    refused: set[str] = field(default_factory=set)  # tables that could not be read: reported

    def refuse(self, table_id: str) -> None:
        """A table whose declaration or columns could not be read (its error is reported): a
        citation of it is not reported a second time as an unknown id."""
        self.refused.add(table_id)

    def _claim(self, name: str, position: Position) -> Problem | None:
        if name in self.owners:
            return Problem(
                codes.DUPLICATE_ID,
                position,
                f"mã “{name}” trùng: đã dùng ở {self.owners[name]}; mỗi mã chỉ đặt một lần",
            )
        self.owners[name] = position
        return None

    def declare(self, key: str, amount: Amount, position: Position) -> Problem | None:
        """A prose amount; a Problem when the id is taken."""
        duplicate = self._claim(key, position)
        if duplicate is None:
            self.entries[key] = Entry(key, amount, position)
        return duplicate

    def add_table(self, table: Table) -> Problem | None:
        """Every row with an id, in every figure column (a money column in its unit), and in the
        main column without "(n)". Count and percent cells are entries too, marked not money:
        so(…) prints them with their unit, the money forms refuse them."""
        duplicate = self._claim(table.id, table.position)
        if duplicate is not None:
            return duplicate
        self.tables[table.id] = table
        for row in table.rows:
            if row.id is None:
                continue
            for column in table.money_columns:
                entry = Entry(
                    f"{table.id}.{row.id}({column.number})",
                    row.values.get(column.number),
                    table.at(row),
                    column.measure.money,
                    column.decimals,
                    table,
                    row,
                    column.number,
                )
                self.entries[entry.key] = entry
                if column.number == table.main:
                    alias = replace(entry, key=f"{table.id}.{row.id}")
                    self.entries[alias.key] = alias
            for column in table.columns:
                if column.is_amount and not column.is_money:
                    key = f"{table.id}.{row.id}({column.number})"
                    self.entries[key] = Entry(
                        key,
                        row.values.get(column.number),
                        table.at(row),
                        decimals=column.decimals,
                        table=table,
                        row=row,
                        column=column.number,
                        money=False,
                    )
        return None

    def citable(self) -> list[str]:
        """Every key an editor may write, for suggestions."""
        return sorted(self.entries)

    def find(self, cited: CitedId, document: str = "") -> list[Entry]:
        """The entries an id names: one, or every prose id under a "nv-*" prefix. `document`
        names this registry's document when another one cites it, for the messages."""
        shown = f"{document}:{cited.key}" if document else cited.key
        if cited.star:
            found = [e for k, e in self.entries.items() if e.is_prose and k.startswith(cited.id)]
            if not found:
                where = f"văn bản “{document}”" if document else "văn bản"
                raise CitationProblem(
                    codes.UNKNOWN_ID,
                    f"“{shown}” không khớp mã khoản nào trong {where} "
                    "(dấu “*” chỉ dùng cho mã trong văn bản, ví dụ “nv-*”)",
                )
            return sorted(found, key=lambda e: e.key)
        if cited.key in self.entries:
            return [self.entries[cited.key]]
        table_id, dot, row_id = cited.id.partition(".")
        if dot and table_id in self.refused and table_id not in self.tables:
            raise CitationProblem(
                codes.UNKNOWN_ID, f"bảng “{table_id}” không đọc được", reported=True
            )
        table = self.tables.get(table_id) if dot and cited.column is None else None
        if table is not None and any(r.id == row_id for r in table.rows):
            columns = ", ".join(f"“{shown}{c.name}”" for c in table.money_columns)
            raise CitationProblem(
                codes.COLUMN_NEEDED,
                f"bảng “{table.id}” có nhiều cột số tiền: ghi rõ cột ({columns}), "
                f"hoặc khai báo cột chính trên dòng đơn vị, ví dụ “{{#{table.id} cot=4}}”",
            )
        raise CitationProblem(codes.UNKNOWN_ID, unknown(cited.key, self.citable(), document))


def unknown(key: str, known: list[str], document: str = "") -> str:
    """ "không có khoản mang mã “x”", with the closest known ids; for another document's id,
    "văn bản “d” không có khoản “x”", the ids suggested as that document's."""
    close = difflib.get_close_matches(key, known, n=6, cutoff=0.6)
    close = [k for k in close if k.split("(")[0] == k or k.split("(")[0] not in close][:3]
    prefix = f"{document}:" if document else ""
    hint = f" — có phải: {', '.join(f'“{prefix}{k}”' for k in close)}?" if close else ""
    if document:
        return f"văn bản “{document}” không có khoản “{key}”{hint}"
    return f"không có khoản nào mang mã “{key}”{hint}"


Lookup = Callable[[str], Registry]
"""Another document's registry by its folder name; raises CitationProblem, with the editor's
reason, when that document cannot be cited (not there, its own errors, a cycle)."""


class Citations:
    """Evaluates the citations of one document against its registry; `lookup` gives the
    registry of another document it cites."""

    def __init__(self, registry: Registry, style: WordsStyle, lookup: Lookup) -> None:
        self.registry = registry
        self.style = style
        self.lookup = lookup
        self.forms: dict[str, Callable[[Citation], Cited]] = {
            "tien": self.tien,
            "so": self.so,
            "chu": self.chu,
            "tien_chu": self.tien_chu,
        }

    def evaluate(self, citation: Citation) -> Cited:
        """The text of one citation; CitationProblem with the reason when it cannot be had."""
        return self.forms[citation.function](citation)

    # The four forms ------------------------------------------------------------------------

    def tien(self, citation: Citation) -> Cited:
        amount = self.money_total(citation)
        return Cited((("text", self.printed(amount, citation)),))

    def so(self, citation: Citation) -> Cited:
        amount, entries = self.total(citation.ids)
        if not all(e.money for e in entries):
            return Cited((("text", self.measured(amount, entries, citation)),))
        if citation.unit is not None:
            value = rounded(amount, citation).in_unit(citation.unit.unit, None)
            return Cited((("text", number(value, citation.decimals)),))
        units = {(e.unit, e.decimals) for e in entries}
        if len(units) > 1:
            shown = ", ".join(f"“{e.key}” ({e.unit.label})" for e in entries)
            raise CitationProblem(
                codes.UNITS_DIFFER,
                f"so(…) cộng các khoản khác đơn vị: {shown}; ghi đơn vị, ví dụ "
                f'so("{entries[0].key}", "triệu"), hoặc dùng tien(…)',
            )
        unit, decimals = units.pop()
        if citation.decimals is not None:
            value = round_half_up(amount.in_unit(unit, None), citation.decimals)
            return Cited((("text", number(value, citation.decimals)),))
        try:
            return Cited((("text", figure(amount, unit, decimals)),))
        except InexactAmount as exc:
            raise CitationProblem(codes.UNITS_DIFFER, f"so(…): {exc}") from None

    def chu(self, citation: Citation) -> Cited:
        amount = rounded(self.money_total(citation), citation)
        return Cited((("text", amount_in_words(amount.dong, self.style)),))

    def tien_chu(self, citation: Citation) -> Cited:
        amount = self.money_total(citation)
        words = amount_in_words(rounded(amount, citation).dong, self.style)
        return Cited((("strong", self.printed(amount, citation)), ("text", f" ({words})")))

    @staticmethod
    def printed(amount: Amount, citation: Citation) -> str:
        """ "1.000.000.000 đồng", "977,45 tỷ đồng", "91.481.640.145đ": the amount as asked."""
        return in_form(amount, replace(citation.unit or Form(), decimals=citation.decimals))

    def money_total(self, citation: Citation) -> Amount:
        """The sum of amounts of money; a count or a percent cell is refused, pointing to so."""
        amount, entries = self.total(citation.ids)
        for entry in entries:
            if not entry.money and entry.table is not None:
                column = entry.table.column(entry.column or 0)
                label = column.measure.label if column is not None else ""
                raise CitationProblem(
                    codes.NOT_MONEY,
                    f"“{entry.key}” không phải số tiền (đơn vị “{label}”): {citation.function}(…) "
                    f'chỉ trích số tiền; số người, số hồ sơ, tỷ lệ % trích bằng so("{entry.key}")',
                )
        return amount

    @staticmethod
    def measured(amount: Amount, entries: list[Entry], citation: Citation) -> str:
        """A count or a percent as its table prints it, with its unit: "1.234 hồ sơ", "85,3%".
        Several cells add up only when they are counts of the same unit."""
        cells = [(e, e.table, e.table.column(e.column or 0)) for e in entries if e.table]
        columns = [(e, table, column) for e, table, column in cells if column is not None]
        measures = {column.measure for _, _, column in columns}
        first, table, column = columns[0]
        if (
            len(columns) < len(entries)
            or any(e.money for e in entries)
            or len(measures) > 1
            or (len(entries) > 1 and column.measure.kind == PERCENT)
        ):
            shown = ", ".join(f"“{e.key}”" for e in entries)
            raise CitationProblem(
                codes.UNITS_DIFFER,
                "so(…) chỉ cộng các ô cùng đơn vị đếm (không cộng tỷ lệ %, không lẫn số tiền): "
                + shown,
            )
        if citation.unit is not None:
            raise CitationProblem(
                codes.NOT_MONEY,
                f"“{first.key}” không phải số tiền: bỏ đơn vị “{citation.unit.unit.label}” "
                "trong so(…)",
            )
        if citation.decimals is not None:
            value = round_half_up(column.measure.figure(amount), citation.decimals)
            return column.measure.words(number(value, citation.decimals))
        return column.measure.words(table.figure(amount, column))

    def total(self, ids: tuple[CitedId, ...]) -> tuple[Amount, list[Entry]]:
        """The sum of the amounts `ids` name (one at least), refusing empty cells and amounts
        counted twice."""
        entries: list[Entry] = []
        for cited in ids:
            entries.extend(self.find(cited))
        seen: dict[tuple[int, int | None], Entry] = {}
        for entry in entries:
            ident = (id(entry.row) if entry.row else id(entry), entry.column)
            if ident in seen:
                raise CitationProblem(codes.COUNTED_TWICE, f"khoản “{entry.key}” được cộng hai lần")
            seen[ident] = entry
        for entry in entries:
            if entry.row is None:
                continue
            for ancestor in entry.row.ancestors():
                outer = seen.get((id(ancestor), entry.column))
                if outer is not None:
                    raise CitationProblem(
                        codes.COUNTED_TWICE,
                        f"“{entry.key}” nằm trong “{outer.key}”: cộng cả hai là tính hai lần",
                    )
        missing = [e.key for e in entries if e.amount is None]
        waiting = [e.key for e in entries if e.row is not None and e.column is not None
                   and e.amount is None and e.row.is_pending(e.column)]  # fmt: skip
        if waiting:
            raise CitationProblem(
                codes.PLACEHOLDER,
                f"khoản “{waiting[0]}” còn ô “…” chưa điền trong bảng: điền số vào bảng",
            )
        if missing:
            raise CitationProblem(
                codes.EMPTY_CELL,
                f"ô của khoản “{missing[0]}” để trống; không có số để trích (ghi số vào bảng, "
                "hoặc trích cột khác)",
            )
        amounts = [e.amount for e in entries if e.amount is not None]  # every one: none missing
        total = sum(amounts, Amount.zero())
        if abs(total.dong) > MAX_DONG:
            raise CitationProblem(
                codes.SUM_TOO_LARGE,
                "tổng các khoản lớn hơn một tỷ tỷ đồng (10^18 đồng), giới hạn số tiền của baocao",
            )
        return total, entries

    def find(self, cited: CitedId) -> list[Entry]:
        """The entries of one id: this document's, or another's for "document:id"; a problem
        is at the id's place."""
        try:
            if not cited.document:
                return self.registry.find(cited)
            return self.lookup(cited.document).find(cited, cited.document)
        except CitationProblem as exc:
            raise exc.at(cited.place) from None


def rounded(amount: Amount, citation: Citation) -> Amount:
    """The amount as a citation prints it: rounded half up to the decimals asked, in the unit
    asked."""
    if citation.decimals is None:
        return amount
    unit = citation.unit.unit if citation.unit else Unit.DONG
    value = round_half_up(amount.in_unit(unit, None), citation.decimals)
    return Amount.of(value, unit, limit=None)
