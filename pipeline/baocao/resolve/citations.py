"""Amounts by id, and the citations that print them: `{{ tien("id") }}`, never a retyped figure.

Ids come from budget-table rows (`pl.iv`, `pl.iv(4)` for a given column) and from amounts typed
once in prose with a tag (`**10.122.000.000 đồng**{#de-xuat-2026}`). A citation is a Jinja
expression, parsed by a SandboxedEnvironment with StrictUndefined, and only one shape is allowed:
one of the four functions below called with ids as quoted strings. That call is made directly
with the parsed strings, so no content is ever compiled or run as code. Everything else — a
Jinja syntax error, an unknown function, an unknown id (with the closest known ones), an empty
cell, an id counted twice — is a Problem at file:line, never a traceback.

    tien(ids…)      1.000.000.000 đồng
    so(ids…)        1.000                         (figures in the table's unit; a count or a
                                                   percent cell with its unit: 1.234 hồ sơ, 85,3%)
    chu(ids…)       Một tỷ đồng
    tien_chu(ids…)  **1.000.000.000 đồng** (Một tỷ đồng)

Several ids are added up; "nv-*" stands for every prose id that starts with "nv-". After the ids,
a unit prints the figure in it, with the decimals it needs: tien("x", "tỷ") is "977,45 tỷ đồng",
tien("x", "đ") "91.481.640.145đ", tien("x", "VNĐ") "5.000.000 VNĐ", so("x", "triệu") "977.450";
then a number of decimals, `thap_phan=2` (or just 2), rounds half up to exactly that many. The
words of chu and tien_chu read the amount so printed, in đồng.
"ke-hoach-2027:pl.camera" is an amount of another document of the same content folder: the
document's folder name, a colon, its id. Resolve does not read it: a `Lookup` (given by build,
which knows the content folder) hands over that document's registry, or says why it cannot.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from baocao import codes
from baocao.money.amount import MAX_DONG, Amount, Form, InexactAmount, Unit, round_half_up
from baocao.money.figures import figure, in_form, number
from baocao.money.words import WordsStyle, amount_in_words
from baocao.parse.syntax import CITATION_EXAMPLE as EXAMPLE
from baocao.parse.syntax import ID, ID_RULE
from baocao.problems import Position, Problem
from baocao.resolve.budget import PERCENT, Row, Table

if TYPE_CHECKING:  # Jinja is imported only for a citation of another shape than a plain call
    from jinja2 import nodes
    from jinja2.sandbox import SandboxedEnvironment

TABLE_KEY = re.compile(r"([a-z0-9-]+)\.([a-z0-9-]+)(?:\((\d+)\))?")
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})


class CitationProblem(Exception):
    """A citation that cannot be resolved; the message is the editor's, in Vietnamese."""


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
class Ask:
    """What a citation asks for: the ids to add up, the unit to print in (None: đồng, or for so
    the table's), and the decimals (None: as the value needs)."""

    keys: tuple[str, ...]
    form: Form | None = None
    decimals: int | None = None

    def rounded(self, amount: Amount) -> Amount:
        """The amount as printed: rounded half up to the decimals asked, in the unit asked."""
        if self.decimals is None:
            return amount
        unit = self.form.unit if self.form else Unit.DONG
        value = round_half_up(amount.in_unit(unit, None), self.decimals)
        return Amount.of(value, unit, limit=None)


@dataclass(frozen=True)
class Cited:
    """What a citation writes: text parts, each plain ("text") or bold ("strong")."""

    parts: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.parts)


@dataclass
class Registry:
    """Every id of a document: prose amounts and table rows (and tables, so no prose id clashes)."""

    entries: dict[str, Entry] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    owners: dict[str, Position] = field(default_factory=dict)  # top-level id → where declared

    def _claim(self, name: str, position: Position) -> Problem | None:
        if name in self.owners:
            return Problem(
                codes.UNSORTED,
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

    def find(self, key: str, document: str = "") -> list[Entry]:
        """The entries a key names: one, or every prose id under a "nv-*" prefix. `document`
        names this registry's document when another one cites it, for the messages."""
        shown = f"{document}:{key}" if document else key
        if key.endswith("*"):
            prefix = key[:-1]
            found = [e for k, e in self.entries.items() if e.is_prose and k.startswith(prefix)]
            if not prefix or not found:
                where = f"văn bản “{document}”" if document else "văn bản"
                raise CitationProblem(
                    f"“{shown}” không khớp mã khoản nào trong {where} "
                    "(dấu “*” chỉ dùng cho mã trong văn bản, ví dụ “nv-*”)"
                )
            return sorted(found, key=lambda e: e.key)
        if key in self.entries:
            return [self.entries[key]]
        match = TABLE_KEY.fullmatch(key)
        if match and match.group(1) in self.tables and match.group(3) is None:
            table = self.tables[match.group(1)]
            if any(r.id == match.group(2) for r in table.rows):
                columns = ", ".join(f"“{shown}{c.name}”" for c in table.money_columns)
                raise CitationProblem(
                    f"bảng “{table.id}” có nhiều cột số tiền: ghi rõ cột ({columns}), "
                    f"hoặc khai báo cột chính trên dòng đơn vị, ví dụ “{{#{table.id} cot=4}}”"
                )
        raise CitationProblem(unknown(key, self.citable(), document))


def unknown(key: str, known: list[str], document: str = "") -> str:
    """ "không có khoản mang mã “x”", with the closest known ids; for another document's id,
    "văn bản “d” không có khoản “x”", the ids suggested as that document's."""
    if not ID.fullmatch(key) and not TABLE_KEY.fullmatch(key):
        rule = "; mã gồm chữ thường không dấu, chữ số và dấu “-”"
    else:
        rule = ""
    import difflib

    close = difflib.get_close_matches(key.lower(), known, n=6, cutoff=0.6)
    close = [k for k in close if k.split("(")[0] == k or k.split("(")[0] not in close][:3]
    prefix = f"{document}:" if document else ""
    hint = f" — có phải: {', '.join(f'“{prefix}{k}”' for k in close)}?" if close else ""
    if document:
        return f"văn bản “{document}” không có khoản “{key}”{rule}{hint}"
    return f"không có khoản nào mang mã “{key}”{rule}{hint}"


Lookup = Callable[[str], Registry]
"""Another document's registry by its folder name; raises CitationProblem, with the editor's
reason, when that document cannot be cited (not there, its own errors, a cycle)."""


class Citations:
    """Evaluates the citations of one document against its registry."""

    def __init__(
        self, registry: Registry, style: WordsStyle | None = None, lookup: Lookup | None = None
    ) -> None:
        self.registry = registry
        self.style = style or WordsStyle()
        self.lookup = lookup
        self.functions: dict[str, Callable[..., Cited]] = {
            "tien": self.tien,
            "so": self.so,
            "chu": self.chu,
            "tien_chu": self.tien_chu,
        }

    # The four forms ------------------------------------------------------------------------

    def tien(self, *arguments: str | int, thap_phan: int | None = None) -> Cited:
        ask = self.ask("tien", arguments, thap_phan)
        amount = self.money_total("tien", ask.keys)
        return Cited((("text", self.printed(amount, ask)),))

    def so(self, *arguments: str | int, thap_phan: int | None = None) -> Cited:
        ask = self.ask("so", arguments, thap_phan)
        amount, entries = self.total(ask.keys)
        if not all(e.money for e in entries):
            return Cited((("text", self.measured(amount, entries, ask)),))
        if ask.form is not None:
            value = ask.rounded(amount).in_unit(ask.form.unit, None)
            return Cited((("text", number(value, ask.decimals)),))
        units = {(e.unit, e.decimals) for e in entries}
        if len(units) > 1:
            shown = ", ".join(f"“{e.key}” ({e.unit.label})" for e in entries)
            raise CitationProblem(
                f"so(…) cộng các khoản khác đơn vị: {shown}; ghi đơn vị, ví dụ "
                f'so("{entries[0].key}", "triệu"), hoặc dùng tien(…)'
            )
        unit, decimals = units.pop()
        if ask.decimals is not None:
            value = round_half_up(amount.in_unit(unit, None), ask.decimals)
            return Cited((("text", number(value, ask.decimals)),))
        try:
            return Cited((("text", figure(amount, unit, decimals)),))
        except InexactAmount as exc:
            raise CitationProblem(f"so(…): {exc}") from None

    def chu(self, *arguments: str | int, thap_phan: int | None = None) -> Cited:
        ask = self.ask("chu", arguments, thap_phan)
        amount = ask.rounded(self.money_total("chu", ask.keys))
        return Cited((("text", amount_in_words(amount.dong, self.style)),))

    def tien_chu(self, *arguments: str | int, thap_phan: int | None = None) -> Cited:
        ask = self.ask("tien_chu", arguments, thap_phan)
        amount = self.money_total("tien_chu", ask.keys)
        words = amount_in_words(ask.rounded(amount).dong, self.style)
        return Cited((("strong", self.printed(amount, ask)), ("text", f" ({words})")))

    @staticmethod
    def printed(amount: Amount, ask: Ask) -> str:
        """ "1.000.000.000 đồng", "977,45 tỷ đồng", "91.481.640.145đ": the amount as asked."""
        return in_form(amount, replace(ask.form or Form(), decimals=ask.decimals))

    def ask(self, name: str, arguments: tuple[str | int, ...], thap_phan: int | None) -> Ask:
        """The ids, the unit and the decimals of a citation's arguments: ids first, then a unit
        ("tỷ", "triệu đồng", "đ", "VNĐ"), then the decimals (a number, or thap_phan=…)."""
        keys: list[str] = []
        form: Form | None = None
        decimals = thap_phan
        example = f'{name}("pl.tong", "tỷ", thap_phan=2)'
        for index, argument in enumerate(arguments):
            last = index == len(arguments) - 1
            if isinstance(argument, int):
                if not last or thap_phan is not None:
                    raise CitationProblem(
                        f"{name}(…): số chữ số thập phân ghi một lần, sau cùng, ví dụ {example}"
                    )
                decimals = argument
                continue
            unit = Form.parse(argument)
            if unit is None:
                if form is not None:
                    raise CitationProblem(
                        f"{name}(…): đơn vị “{form.suffix}” đứng sau mọi mã khoản, ví dụ {example}"
                    )
                keys.append(argument)
            elif form is not None:
                raise CitationProblem(f"{name}(…): chỉ ghi một đơn vị, ví dụ {example}")
            elif not keys:
                raise CitationProblem(
                    f"{name}(…): ghi mã khoản trước đơn vị “{argument}”, ví dụ {example}"
                )
            else:
                form = unit
        if decimals is not None and not 0 <= decimals <= 9:
            raise CitationProblem(
                f"{name}(…): số chữ số thập phân từ 0 đến 9, không phải {decimals}"
            )
        return Ask(tuple(keys), form, decimals)

    def money_total(self, name: str, keys: tuple[str, ...]) -> Amount:
        """The sum of amounts of money; a count or a percent cell is refused, pointing to so."""
        amount, entries = self.total(keys)
        for entry in entries:
            if not entry.money and entry.table is not None:
                column = entry.table.column(entry.column or 0)
                label = column.measure.label if column is not None else ""
                raise CitationProblem(
                    f"“{entry.key}” không phải số tiền (đơn vị “{label}”): {name}(…) chỉ trích "
                    f'số tiền; số người, số hồ sơ, tỷ lệ % trích bằng so("{entry.key}")'
                )
        return amount

    @staticmethod
    def measured(amount: Amount, entries: list[Entry], ask: Ask) -> str:
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
                "so(…) chỉ cộng các ô cùng đơn vị đếm (không cộng tỷ lệ %, không lẫn số tiền): "
                + shown
            )
        if ask.form is not None:
            raise CitationProblem(
                f"“{first.key}” không phải số tiền: bỏ đơn vị “{ask.form.unit.label}” trong so(…)"
            )
        if ask.decimals is not None:
            value = round_half_up(column.measure.figure(amount), ask.decimals)
            return column.measure.words(number(value, ask.decimals))
        return column.measure.words(table.figure(amount, column))

    def total(self, keys: tuple[str, ...]) -> tuple[Amount, list[Entry]]:
        """The sum of the amounts `keys` name, refusing empty cells and amounts counted twice."""
        if not keys:
            raise CitationProblem(f"thiếu mã khoản trong ngoặc, ví dụ {EXAMPLE}")
        entries: list[Entry] = []
        for key in keys:
            if not isinstance(key, str):
                raise CitationProblem(f"mã khoản phải đặt trong ngoặc kép, ví dụ {EXAMPLE}")
            entries.extend(self.find(key.strip()))
        seen: dict[tuple[int, int | None], Entry] = {}
        for entry in entries:
            ident = (id(entry.row) if entry.row else id(entry), entry.column)
            if ident in seen:
                raise CitationProblem(f"khoản “{entry.key}” được cộng hai lần")
            seen[ident] = entry
        for entry in entries:
            if entry.row is None:
                continue
            for ancestor in entry.row.ancestors():
                outer = seen.get((id(ancestor), entry.column))
                if outer is not None:
                    raise CitationProblem(
                        f"“{entry.key}” nằm trong “{outer.key}”: cộng cả hai là tính hai lần"
                    )
        missing = [e.key for e in entries if e.amount is None]
        if missing:
            raise CitationProblem(
                f"ô của khoản “{missing[0]}” để trống; không có số để trích (ghi số vào bảng, "
                "hoặc trích cột khác)"
            )
        amounts = [e.amount for e in entries if e.amount is not None]  # every one: none missing
        total = sum(amounts, Amount.zero())
        if abs(total.dong) > MAX_DONG:
            raise CitationProblem(
                "tổng các khoản lớn hơn một tỷ tỷ đồng (10^18 đồng), giới hạn số tiền của baocao"
            )
        return total, entries

    def find(self, key: str) -> list[Entry]:
        """The entries of one key: this document's, or another's for "document:id"."""
        document, colon, local = key.partition(":")
        if not colon:
            return self.registry.find(key)
        document, local = document.strip(), local.strip()
        if not ID.fullmatch(document):
            raise CitationProblem(
                f"“{document}” không phải tên văn bản: trước dấu “:” ghi tên thư mục của một văn "
                f"bản cùng thư mục nội dung, tên đó {ID_RULE}"
            )
        if self.lookup is None:
            raise CitationProblem(f"không trích được số tiền của văn bản khác (“{document}”) ở đây")
        return self.lookup(document).find(local, document)

    # Evaluation ----------------------------------------------------------------------------

    def evaluate(self, source: str) -> Cited:
        """The text of one `{{ … }}`; CitationProblem with the reason when it cannot be had."""
        expression = source.translate(QUOTES).strip()
        shape = plain_call(expression)
        if shape is None:  # another shape, or a mistake: Jinja's parser says what it is
            from jinja2 import TemplateSyntaxError

            try:
                tree = environment().parse(f"{{{{ {expression} }}}}")
            except (TemplateSyntaxError, RecursionError) as exc:  # deep "((((…": RecursionError
                said = exc.message if isinstance(exc, TemplateSyntaxError) else None
                raise CitationProblem(
                    f"viết sai “{{{{{source}}}}}” ({syntax_reason(said)}); viết như {EXAMPLE}"
                ) from None
            shape = self._check_shape(tree, source)
        name, arguments, decimals = shape
        # The shape is proven: one known function called with constants. Calling it with those
        # constants is what compiling and running the expression would do, without the cost.
        return self.functions[name](*arguments, thap_phan=decimals)

    def _check_shape(
        self, tree: nodes.Template, source: str
    ) -> tuple[str, list[str | int], int | None]:
        """Only `name("id", …, "unit", thap_phan=n)` with a known name, quoted ids and unit, and
        a whole number of decimals (returned); else, with a why."""
        from jinja2 import nodes

        body = tree.body
        call = body[0].nodes[0] if len(body) == 1 and isinstance(body[0], nodes.Output) else None
        names = ", ".join(self.functions)
        if not isinstance(call, nodes.Call) or not isinstance(call.node, nodes.Name):
            raise CitationProblem(
                f"“{{{{{source}}}}}” không phải trích dẫn: trong {{{{ }}}} chỉ viết một hàm "
                f"({names}) với mã khoản, ví dụ {EXAMPLE}"
            )
        name = call.node.name
        if name not in self.functions:
            import difflib

            close = difflib.get_close_matches(name, list(self.functions), n=1, cutoff=0.5)
            hint = f" — có phải “{close[0]}”?" if close else ""
            raise CitationProblem(f"không có hàm “{name}” (có: {names}){hint}")
        decimals: int | None = None
        for keyword in call.kwargs:
            value = keyword.value
            if keyword.key != "thap_phan" or not _whole(value):
                raise CitationProblem(
                    f"{name}(…) chỉ nhận các mã khoản trong ngoặc kép, một đơn vị và "
                    f'“thap_phan=…”, ví dụ {name}("pl.tong", "tỷ", thap_phan=2)'
                )
            assert isinstance(value, nodes.Const)  # _whole: a whole number
            decimals = value.value
        if call.dyn_args or call.dyn_kwargs:
            raise CitationProblem(f"{name}(…) chỉ nhận các mã khoản trong ngoặc kép")
        arguments: list[str | int] = []
        for argument in call.args:
            if _whole(argument):
                assert isinstance(argument, nodes.Const)
                arguments.append(argument.value)
                continue
            if not (isinstance(argument, nodes.Const) and isinstance(argument.value, str)):
                raise CitationProblem(
                    f"{name}(…): mã khoản phải đặt trong ngoặc kép, ví dụ {EXAMPLE}"
                )
            arguments.append(argument.value)
        return name, arguments, decimals


def _whole(node: nodes.Node) -> bool:
    """Whether a node is a whole-number constant (not True or False)."""
    from jinja2 import nodes

    return (
        isinstance(node, nodes.Const)
        and isinstance(node.value, int)
        and not isinstance(node.value, bool)
    )


@functools.cache
def environment() -> SandboxedEnvironment:
    """The Jinja environment that parses a citation of any other shape than a plain call (it
    only parses: a citation is checked on Jinja's tree, then called directly)."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


# The citations nearly every document writes, read without Jinja: one of the four functions
# called with quoted ids and unit, whole numbers, and a last `thap_phan=n`. A quoted string holds
# no backslash, brace or line end, and spaces are Jinja's (\s); for exactly these, Jinja's tree
# holds the same name, constants and decimals (tests/resolve/test_citation_shapes.py). Anything
# else is Jinja's to read, and to explain when it is wrong.
_QUOTED = r""""[^"\\{}\r\n]*"|'[^'\\{}\r\n]*'"""
_WHOLE = r"0|[1-9][0-9]*"  # as Jinja reads a whole number ("007" is not one)
_ARGUMENT = re.compile(rf"{_QUOTED}|{_WHOLE}")
PLAIN_CALL = re.compile(
    rf"(?P<name>tien_chu|tien|so|chu)\s*\(\s*"
    rf"(?P<arguments>(?:{_QUOTED}|{_WHOLE})(?:\s*,\s*(?:{_QUOTED}|{_WHOLE}))*)"
    rf"(?:\s*,\s*thap_phan\s*=\s*(?P<decimals>{_WHOLE}))?\s*\)"
)


def plain_call(expression: str) -> tuple[str, list[str | int], int | None] | None:
    """The function, arguments and decimals of a citation written as a plain call; None for any
    other writing."""
    found = PLAIN_CALL.fullmatch(expression)
    if found is None:
        return None
    arguments: list[str | int] = [
        int(token) if token[0].isdigit() else token[1:-1]
        for token in _ARGUMENT.findall(found.group("arguments"))
    ]
    decimals = found.group("decimals")
    return found.group("name"), arguments, None if decimals is None else int(decimals)


# Jinja's syntax errors (English) → what they mean in a citation; the first that matches wins.
SYNTAX_REASONS = (
    (re.compile(r"unexpected char '[\"']'"), "dấu ngoặc kép chưa đóng"),
    (re.compile(r"expected '\)'|unexpected 'end of print statement'"), "thiếu dấu “)”"),
    (re.compile(r"expected token ','"), "giữa hai mã khoản cần dấu phẩy"),
    (re.compile(r"unexpected '\)'"), "thừa dấu “)”"),
)


def syntax_reason(message: str | None) -> str:
    """Why Jinja could not read a citation, in Vietnamese (None: brackets nested too deep)."""
    if message is None:
        return "lồng ngoặc quá sâu"
    for pattern, reason in SYNTAX_REASONS:
        if pattern.search(message):
            return reason
    return "cách viết không đúng"
