"""A received table read as a budget table: its header, column numbers, codes and units.

Word users build the tables of a budget the way baocao reads them, save for the syntax: a TT
column of codes (I., 1, a, b.1, "-", "+"), merged header cells, a row of column numbers
("A | B | (1)=(2)+(3) | (2) | (3)", or "1 | 2 | 3 | 4"), a unit line above ("Đơn vị: Triệu
đồng", or inside the table's first row). `budget_shape` shapes such a table as the budget table
baocao would have been given: its cells' texts in their places, which parse reads into the typed
table a content file gives (baocao.parse.table), so that `soat` checks it with the budget model
(baocao.resolve.budget); `nhap` writes the same cells into content/ as a pipe table. A table
that is no budget (no figures, no TT column or column numbers) gives None.

What the source does not say, the shape infers:

- the unit is the line's above the table, else its first row's ("Đơn vị: …" across the table),
  else one its first two header cells state ("NỘI DUNG (Đơn vị: triệu đồng)");
- the header rows are those above the column-number row (or, without one, above the first row
  with a code or a figure); a DOCX's merged cells become "<" and "^"; a tab-separated table's
  empty header cells are merged with the cell on their left when the row below splits that
  column, else with the cell above;
- a row without a code is an item ("+") of the nearest coded row above it that holds figures in
  every column where the row has one ("+IV" when that row is higher up the branch): a row with
  2026 figures belongs to the level that has 2026 figures; a first or last uncoded row named
  "Tổng cộng", "Cộng", "Toàn xã" or "(A+B)" is the grand total ("="), a row "Trong đó:" holds no
  sum of its own ("#") and the rows under it are its items ("++");
- a "-" in the TT column stays "-" (an item that prints its dash), and the "+" rows under it stay
  "+", its items;
- "-" cells are zeros (printed "-"), decimals are allowed where typed.

What is wrong with the table itself — a row with too few cells, a code glued to its name in one
merged cell — is a note at that row, the row kept as typed so that check finds it too.

Every shaped cell has a column on its received row's line (a text file's; 1 in a DOCX): that of
its cell of the file, where it is one; else (a code split from its name, a column number baocao
gave, a cell a short row lacks) that of the row's first cell. A problem of the table is then at
the figure it is about, as check has it for a table in content/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from baocao import codes
from baocao.money.amount import NumberFormatError, parse_number
from baocao.parse.blocks import Decimals, Declaration, DeclaredTable, Fixed, Inline, Text, Zeros
from baocao.parse.syntax import UNIT_WORDS, unit_named
from baocao.parse.table import RowCells, code_rank, read_table
from baocao.problems import Code, Position, Problem
from baocao.received.read.blocks import LEFT, MISSING, UP, Cell, Row, Table, plain

LETTER = re.compile(r"[A-ZĐ]")
NUMBER_LABEL = re.compile(r"\(?(\d{1,2})\)?(?:\s*=\s*([\d\s()+\-−–×*xX·÷/:,.]+))?")
TT_HEADER = re.compile(r"(?:s[ốo]\s*)?(?:tt|stt|thứ\s+tự)\.?", re.IGNORECASE)
TOTAL_NAME = re.compile(
    r"(?:tổng\s+(?:cộng|số)\b|tổng\s*$|cộng\s*$|cộng\s*:|toàn\s+(?:xã|phường|thị trấn|huyện|tỉnh|"
    r"thành phố)\b)|\(\s*(?:[A-ZĐIVX]+\s*\+\s*)+[A-ZĐIVX]+\s*\)",
    re.IGNORECASE,
)
IN_HEADER = re.compile(rf"{UNIT_WORDS}\s*([^)\n;]+)", re.IGNORECASE)
IN_PART = re.compile(r"trong\s+đó\b", re.IGNORECASE)
BULLETS = ("-", "–", "•", "*", "+")
KEPT = re.compile(r"=|#=?\S*|\+{2,}|\+\s*\S+")  # "=", "#", "#=", "#I", "++", "+IV"
DASHES = ("-", "–", "—")
GLUED = re.compile(r"([A-Za-zĐđ]{1,2}(?:\.?\d+)*|[IVX]+|\d+(?:\.\d+)*)[.)]?\s*(\(.*)", re.S)
SPLIT_CODE = re.compile(
    r"((?=[IVX]+[.)]?\s)[IVX]+|[A-ZĐa-zđ](?:\.?\d+)*|\d+(?:\.\d+)*)[.)]?\s+(.+)"
)


@dataclass(frozen=True)
class ShapedRow:
    """A row of a shaped table: the received row it is (its anchor), its cells' texts, and the
    column of each on the row's line."""

    anchor: int
    cells: tuple[str, ...]
    columns: tuple[int, ...]


@dataclass(frozen=True)
class Note:
    """A fault of the received table itself, at a row (its anchor) and column."""

    anchor: int
    column: int
    code: Code
    message: str


@dataclass(frozen=True)
class BudgetShape:
    """A received table as a budget table: its id and unit, the options it needs (zeros typed
    "-", decimals by column number, printed fixed or not), its header rows (merged cells as "<"
    and "^"), its column-number row and its data rows, each row of texts at its received row;
    and the problems of the table itself, by row anchor."""

    ident: str
    unit: str
    header: tuple[ShapedRow, ...]
    numbers: ShapedRow
    rows: tuple[ShapedRow, ...]
    zeros: bool = False
    decimals: tuple[tuple[int, int, bool], ...] = ()  # (column number, places, fixed)
    notes: tuple[Note, ...] = ()

    @property
    def unit_line(self) -> str:
        """The line above the table that states its unit: "Đơn vị: Triệu đồng"."""
        return f"Đơn vị: {self.unit}"

    def options(self, path: Path) -> tuple[Zeros | Decimals | Fixed, ...]:
        """The options of its declaration, as parse reads them from the tag, at its first row:
        zeros printed "-", then each column's decimals, printed fixed or not."""
        at = Position(path, self.header[0].anchor)
        options: list[Zeros | Decimals | Fixed] = [Zeros("-", at)] if self.zeros else []
        for number, places, fixed in self.decimals:
            options.append(Decimals(places, number, at))
            if fixed:
                options.append(Fixed(number, at))
        return tuple(options)

    def typed(self, path: Path) -> tuple[DeclaredTable | None, list[Problem]]:
        """The table as parse types a budget table, each cell at its row's anchor and its
        column: its texts are read as they are, no Markdown and no `{#id}` in them."""

        def row(shaped: ShapedRow) -> RowCells:
            cells = zip(shaped.cells, shaped.columns, strict=True)
            at = Position(path, shaped.anchor)
            return at, [(text, Position(path, shaped.anchor, column)) for text, column in cells]

        at = Position(path, self.header[0].anchor)
        options = self.options(path)
        declaration = Declaration(at, self.ident, self.unit_line, self.unit, at, options)
        header = [row(shaped) for shaped in self.header]
        rows = [row(shaped) for shaped in self.rows]
        return read_table(declaration, header, row(self.numbers), rows, _words, tags=False)


def _words(text: str) -> tuple[Inline, ...]:
    """A received cell's text: its words as they are, never Markdown."""
    return (Text(text),) if text else ()


def unit_of(text: str) -> str | None:
    """The unit a line states: "Đơn vị: Triệu đồng", "(Đơn vị tính: triệu đồng)", "ĐVT: đồng"."""
    line = plain(text).strip("()").strip()
    if "{#" in line:
        line = line[: line.index("{#")].strip()
    named = unit_named(line)
    if named is None or "\n" in text.strip():
        return None
    return named.rstrip(".;").strip() or None


def budget_shape(table: Table, unit: str | None, ident: str) -> BudgetShape | None:
    """The budget table a received table is, with `unit` from the line above it (None when no
    line states it) and `ident` its id; None when the table is no budget table."""
    return _Shaper(table, unit, ident).shape()


@dataclass
class _Coded:
    """A row of a received table with its code ("I", "1", "a"): its place among the codes, and
    the columns it fills."""

    code: str
    rank: tuple[int, int]
    filled: set[int]  # the columns it has a figure in, zeros too


@dataclass
class _Shaper:
    """A received table being shaped as a budget table: its unit, its id, the notes it makes."""

    table: Table
    unit: str | None
    ident: str
    notes: list[Note] = field(default_factory=list)

    def shape(self) -> BudgetShape | None:
        rows = [r for r in self.table.rows if any(c.text.strip() for c in r.cells)]
        width = self.table.width
        if width < 3 or len(rows) < 2:
            return None
        first = [c.text for c in rows[0].cells if c.text.strip() and not c.merged]
        if self.unit is None and len(set(first)) == 1 and unit_of(first[0]):
            self.unit = unit_of(first[0])
            rows = rows[1:]
        numbered = next((k for k, r in enumerate(rows[:8]) if _is_number_row(r.texts())), None)
        if numbered is not None:
            header, labels, data = rows[:numbered], rows[numbered].texts(), rows[numbered + 1 :]
        else:
            start = next((k for k, r in enumerate(rows) if k and _is_data(r.texts())), len(rows))
            header, labels, data = rows[:start], [], rows[start:]
            heads = [c.text for c in header[0].cells] if header else []
            if not header or not heads or not TT_HEADER.fullmatch(plain(heads[0])):
                return None
        if not data:
            return None
        if self.unit is None:  # "NỘI DUNG (Đơn vị: triệu đồng)": the table's, in its header
            stated = (IN_HEADER.search(c.text) for r in header for c in r.cells[:2])
            self.unit = next((m.group(1).strip() for m in stated if m), None)
        numeric = self.numeric_columns(labels, data, width)
        if not numeric:
            return None
        columns = self.labels(labels, numeric, width)
        _implied_formulas(columns, _header_texts(header, width), numeric, data)
        fallback = rows[numbered] if numbered is not None else data[0]
        head = self.header_rows(header, width, fallback)
        given = _columns(fallback) if numbered is not None else (_first(fallback),) * width
        body, zeros, decimals = self.body(data, numeric, columns)
        return BudgetShape(
            self.ident,
            self.unit or "đơn vị",
            head,
            ShapedRow(fallback.anchor, tuple(columns), given),
            body,
            zeros,
            decimals,
            tuple(self.notes),
        )

    def numeric_columns(self, labels: list[str], data: list[Row], width: int) -> set[int]:
        """The columns of figures: numbered "(n)" (unless they hold words no formula needs),
        or, without a number row, those whose cells are all figures."""
        referenced = {
            int(n)
            for label in labels
            if "=" in label
            for n in re.findall(r"\d+", label.split("=")[1])
        }
        out: set[int] = set()
        for c in range(2, width):
            cells = [r.cells[c].text.strip() for r in data if not r.cells[c].merged]
            cells = [t for t in cells if t]
            figures = [t for t in cells if _figure(t) or t in DASHES or t == "?"]
            if labels:
                match = NUMBER_LABEL.fullmatch(labels[c].strip())
                if match and (len(figures) == len(cells) or int(match[1]) in referenced):
                    out.add(c)
            elif cells and len(figures) == len(cells) and any(_figure(t) for t in cells):
                out.add(c)
        return out

    def labels(self, given: list[str], numeric: set[int], width: int) -> list[str]:
        """The column-number row baocao reads: A, B, letters for text, (n) and formulas."""
        out: list[str] = []
        letters = iter(c for c in "CDEFGHIJKLMNOPQRSTUVWXYZ" if c not in given)
        count = 0
        for c in range(width):
            text = given[c].strip() if given else ""
            if c < 2:
                out.append("AB"[c])
            elif c in numeric:
                count += 1
                out.append(_numbered(text, width) if text else f"({count})")
            elif LETTER.fullmatch(text):
                out.append(text)
            else:
                out.append(next(letters, "Z"))
        return out

    def header_rows(self, header: list[Row], width: int, fallback: Row) -> tuple[ShapedRow, ...]:
        """The header's rows (an empty one at `fallback`'s first cell when the table has none),
        merged cells "<" and "^"."""
        if not header:
            return (ShapedRow(fallback.anchor, ("",) * width, (_first(fallback),) * width),)
        grid = [[_header_cell(c) for c in row.cells] for row in header]
        if not self.table.merges_known:
            _infer_merges(grid)
        return tuple(
            ShapedRow(r.anchor, tuple(cells), _columns(r))
            for r, cells in zip(header, grid, strict=True)
        )

    def body(
        self, data: list[Row], numeric: set[int], columns: list[str]
    ) -> tuple[tuple[ShapedRow, ...], bool, tuple[tuple[int, int, bool], ...]]:
        """The data rows, each with its code or marker; the declaration's options as they are
        found: whether zeros are typed "-", and the decimals of each column that has some."""
        shaped: list[ShapedRow] = []
        stack: list[_Coded] = []
        anchor: _Coded | None = None  # where a "+" row goes, as budget.place_rows has it
        dashed = ""  # an item is open, written "-" (its "+" items stay "+") or "+" (they: "++")
        in_part = False  # after "Trong đó:": uncoded rows are its items
        dashes = False
        decimals: dict[int, int] = {}
        fixed: set[int] = set()
        first_coded = next((k for k, r in enumerate(data) if _code_of(r) is not None), None)
        for k, row in enumerate(data):
            cells = list(row.cells)
            code, name, note = self.code_and_name(row)
            figures: list[str] = []
            filled: set[int] = set()  # the columns the row has a figure in, zeros too
            nonzero: set[int] = set()
            for c in range(2, len(cells)):
                text = "" if cells[c].merged else plain(cells[c].text)
                if c in numeric:
                    if text in DASHES:
                        text, dashes = "0", True
                    if note:
                        text = ""
                    if text and _figure(text):
                        places = len(text.partition(",")[2])
                        decimals[c] = max(decimals.get(c, 0), places)
                        if places and text.endswith("0"):
                            fixed.add(c)
                    if text:
                        filled.add(c)
                    if text and text != "0":
                        nonzero.add(c)
                figures.append(text)
            if note:
                self.notes.append(Note(row.anchor, *note))
            rank = code_rank(code) if code else None
            if rank is not None:
                while stack and stack[-1].rank >= rank:
                    stack.pop()
                coded = _Coded(code, rank, filled)
                stack.append(coded)
                anchor, dashed, in_part = coded, "", False
                head = code
            elif code in DASHES:  # a "-" item, written "-" so that it prints as typed
                head, dashed = "-", "-"
                if stack and anchor is not stack[-1]:
                    head, anchor = f"-{stack[-1].code}", stack[-1]
            elif code in BULLETS and not (code == "+" and dashed):  # "•", "*", a first "+"
                head = "+"
                if stack and (anchor is not stack[-1] or dashed == "-"):  # not the "-" row's
                    head, anchor = f"+{stack[-1].code}", stack[-1]
                if code != "+":
                    dashed = "+"
            elif code == "+":  # a "+" under a "-" item: its item
                head = "+" if dashed == "-" else "++"
            elif KEPT.fullmatch(code):  # baocao's own markers, in a table already written so
                head = code
                if code == "=":
                    stack, anchor = [], None
                named = code.lstrip("+")
                if code.startswith("+") and named:
                    anchor = next((s for s in reversed(stack) if s.code == named), anchor)
            elif code:  # a code baocao cannot read: kept, for the check to say so
                head = code
            elif TOTAL_NAME.search(plain(name)) and (
                first_coded is None or k < first_coded or k == len(data) - 1
            ):
                head = "="
            elif IN_PART.match(plain(name)):
                head, in_part = "#", True
            elif in_part:
                head = "++"
            else:
                target = _owner(stack, nonzero)
                head = "+"
                if target is not None and target is not anchor:
                    head, anchor = f"+{target.code}", target
            given = _columns(row)
            if cells[1].merged:  # its name is the first cell's, or nowhere
                given = (given[0], given[0], *given[2:])
            shaped.append(ShapedRow(row.anchor, (head, name, *figures), given))
        allowed = tuple(
            (int(columns[c].split(")")[0].lstrip("(")), min(decimals[c], 6), c in fixed)
            for c in sorted(decimals)
            if decimals[c]
        )
        return tuple(shaped), dashes, allowed

    def code_and_name(self, row: Row) -> tuple[str, str, tuple[int, Code, str] | None]:
        """A row's code and name, and a note when the table itself is wrong there (with its
        column: the whole row's, 1, for a short row; the first cell's for a glued code)."""
        cells = row.cells
        code, name = plain(cells[0].text), " ".join(cells[1].text.split())
        missing = sum(1 for c in cells if c.merged == MISSING)
        if missing:
            count = len(cells) - missing
            shown = _shown(" ".join(t for t in (code, name) if t))
            return (
                code,
                name,
                (
                    1,
                    codes.RECEIVED_SHORT_ROW,
                    f"dòng “{shown}” có {count} ô, bảng có {len(cells)} cột: không rõ số nào thuộc "
                    "cột nào, các số của dòng này bị bỏ qua",
                ),
            )
        if cells[1].merged == LEFT and not cells[0].merged:
            glued = GLUED.fullmatch(code)
            if glued and code_rank(glued.group(1)) is not None:
                return (
                    code,
                    "",
                    (
                        _first(row),
                        codes.RECEIVED_GLUED_CODE,
                        f"dòng “{_shown(code)}”: mã TT “{glued.group(1)}” viết liền nội dung trong "
                        "một ô gộp cả cột TT và cột nội dung: tách mã TT sang ô riêng",
                    ),
                )
            split = SPLIT_CODE.fullmatch(code)
            if split and code_rank(split.group(1)) is not None:
                return split.group(1), split.group(2), None
            return "", code, None
        return code, name, None


# The columns offices compute without writing the formula: quantity × price = amount, and a
# percent of two columns before it. Headers as compared: lower case, spaces single.
QUANTITY = re.compile(r"(?:số|khối)\s+lượng\b")
PRICE = re.compile(r"(?:đơn\s+giá|định\s+mức|giá)\b")
AMOUNT = re.compile(r"(?:thành\s+tiền|kinh\s+phí|số\s+tiền|dự\s+toán)\b")
PERCENT_HEADER = re.compile(r"%|\bt[ỷỉ]\s+lệ\b|\bso\s+sánh\b")
FITTING = 2  # rows a percent formula must fit, at least, to be taken as the column's


def _header_texts(header: list[Row], width: int) -> list[str]:
    """Each column's header, its cells top to bottom (a merged one: its owner's), lower case."""
    texts = []
    for c in range(width):
        words = []
        for row in header:
            at = c
            while at > 0 and row.cells[at].merged == LEFT:
                at -= 1
            if not row.cells[at].merged:
                words.append(row.cells[at].text)
        texts.append(" ".join(" ".join(words).casefold().split()))
    return texts


def _implied_formulas(
    columns: list[str], headers: list[str], numeric: set[int], data: list[Row]
) -> None:
    """The formulas a table's headers imply where its column-number row gives none: "Số lượng",
    "Đơn giá", "Thành tiền" (or "Khối lượng", "Định mức", "Kinh phí") are quantity × price =
    amount; a "%", "Tỷ lệ" or "So sánh" column is one figure of two columns before it over the
    other, × 100, when that fits most of its rows (and two at least): a row it does not fit is
    then a wrong figure, as when the formula is written."""
    free = [c for c in sorted(numeric) if "=" not in columns[c]]

    def number(c: int) -> str:
        return columns[c].split("=")[0]

    def first(pattern: re.Pattern[str], after: int = -1) -> int | None:
        return next((c for c in sorted(numeric) if c > after and pattern.match(headers[c])), None)

    quantity, price = first(QUANTITY), first(PRICE)
    if quantity is not None and price is not None:
        amount = first(AMOUNT, max(quantity, price))
        if amount in free:
            columns[amount] = f"{number(amount)}={number(quantity)}×{number(price)}"
    for c in free:
        if not PERCENT_HEADER.search(headers[c]) or "=" in columns[c]:
            continue
        before = [b for b in sorted(numeric) if b < c and not PERCENT_HEADER.search(headers[b])]
        best, fits = None, 0
        for a in before:
            for b in before:
                if a == b:
                    continue
                count = _percent_fits(data, a, b, c)
                if count > fits:
                    best, fits = (a, b), count
        rows = sum(1 for r in data if _value(r, c) is not None)
        if best is not None and fits >= FITTING and 2 * fits > rows:
            a, b = best
            columns[c] = f"{number(c)}={number(b)}/{number(a)}×100"


def _value(row: Row, c: int) -> Decimal | None:
    cell = row.cells[c] if c < len(row.cells) else None
    if cell is None or cell.merged or not _figure(plain(cell.text)):
        return None
    return parse_number(plain(cell.text))


def _percent_fits(data: list[Row], a: int, b: int, c: int) -> int:
    """The rows whose figure in column `c` is that of `b` over `a`, × 100, as it is rounded to
    the decimals the figure shows."""
    fits = 0
    for row in data:
        base, part, percent = _value(row, a), _value(row, b), _value(row, c)
        if not base or part is None or percent is None:
            continue
        exponent = percent.as_tuple().exponent
        assert isinstance(exponent, int)
        computed = (part * 100 / base).quantize(Decimal(1).scaleb(exponent), ROUND_HALF_UP)
        fits += computed == percent
    return fits


def _owner(stack: list[_Coded], filled: set[int]) -> _Coded | None:
    """Where an uncoded row with figures in `filled` belongs: the nearest coded row, unless the
    first row up its branch that has figures lacks one of the row's columns; then the nearest
    row up the branch that has them all (the level its figures are kept at)."""
    if not stack:
        return None
    figured = next((s for s in reversed(stack) if s.filled), None)
    if figured is None or filled <= figured.filled:
        return stack[-1]
    return next((s for s in reversed(stack) if filled <= s.filled), stack[-1])


def _columns(row: Row) -> tuple[int, ...]:
    """Where each cell of a received row starts on its line; a cell the row lacks, at its
    first cell."""
    return tuple(_first(row) if c.merged == MISSING else c.column for c in row.cells)


def _first(row: Row) -> int:
    return row.cells[0].column if row.cells else 1


def _code_of(row: Row) -> str | None:
    code = plain(row.cells[0].text) if row.cells else ""
    return code if code and code_rank(code) is not None else None


def _is_number_row(texts: list[str]) -> bool:
    """ "A | B | (1)=(2)+(3) | (2) | (3)", "A | B | (1)", "1 | 2 | 3 | 4": every cell a letter or
    a column number; numbers without letters count up, three at least."""
    cells = [plain(t) for t in texts]
    filled = [t for t in cells if t]
    if len(filled) < max(3, len(cells) - 1):
        return False
    numbers = [t for t in filled if NUMBER_LABEL.fullmatch(t)]
    letters = [t for t in filled if LETTER.fullmatch(t)]
    if not numbers or len(numbers) + len(letters) != len(filled):
        return False
    if letters:  # "A | B | (1)": a letter for each text column, "(n)" for the figures
        return all(t.startswith("(") for t in numbers) or len(numbers) > 1
    # "1 | 2 | 3 | 4" must count up, or it is a row of figures
    values = [int(re.findall(r"\d+", t)[0]) for t in numbers]
    return len(values) > 2 and values == list(range(values[0], values[0] + len(values)))


def _is_data(texts: list[str]) -> bool:
    """A row under the first that is no header row: a code, a figure, or a name (a header's
    lower rows leave the TT and name columns to the cells above)."""
    if code_rank(plain(texts[0])) is not None or plain(texts[1]):
        return True
    return any(_figure(plain(t)) for t in texts[2:])


def _figure(text: str) -> bool:
    if not text or not text.lstrip("-").strip()[:1].isdigit():
        return False
    try:
        parse_number(text)
    except (NumberFormatError, ValueError):
        return False
    return True


def _numbered(label: str, columns: int) -> str:
    """ "(1)=(2)+(3)" as it is; "3" → "(3)"; "6=5/4×100" → "(6)=(5)/(4)×100": a number no
    larger than the count of columns is a column's."""
    text = " ".join(label.split())
    if "(" in text:
        return text.replace(" ", "")

    def column(match: re.Match[str]) -> str:
        number = match.group(0)
        return f"({number})" if int(number) <= columns else number

    return re.sub(r"\d+(?:,\d+)?", column, text).replace(" ", "")


def _header_cell(cell: Cell) -> str:
    if cell.merged == LEFT:
        return "<"
    if cell.merged == UP:
        return "^"
    return " ".join(cell.text.split())


def _infer_merges(grid: list[list[str]]) -> None:
    """A tab-separated header's empty cells: "<" when the row below splits the column, "^" under
    a cell of the row above."""
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text:
                continue
            below = grid[r + 1][c] if r + 1 < len(grid) else ""
            if c > 0 and row[c - 1] and row[c - 1] != "^" and below:
                row[c] = "<"
            elif r > 0 and grid[r - 1][c] and grid[r - 1][c] != "<":
                row[c] = "^"


def _shown(text: str) -> str:
    return text if len(text) <= 60 else text[:57].rstrip() + "…"
