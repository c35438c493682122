"""A comparison written as Markdown for a pull-request comment: money first, then words.

Reviewers are commune staff: headings and labels are Vietnamese; every amount is written as its
table shows it (in the table's unit) and in đồng, with the difference; the amounts typed by hand
come before the totals that moved with them; changed paragraphs are a word-level diff —
~~removed~~ **added** — with long unchanged stretches shortened to "…".
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from baocao.money.amount import Amount, Unit
from baocao.money.figures import number
from baocao.problems import Position, display_path
from baocao.resolve.budget import Measure, Row, Table
from baocao.review.diff import AmountChange, Comparison, DocumentChanges, RowChange, TextChange

CONTEXT = 8  # unchanged words kept on each side of a change in a paragraph
NAME_WIDTH = 80
_SPECIAL = re.compile(r"([\\`*_~\[\]<>|#])")
_OPENING = re.compile(r"^([-+]|\d+[.)])(\s)")


def escape(text: str) -> str:
    """Text that GitHub's Markdown shows as it is: emphasis, links, tables and headings disarmed."""
    return _SPECIAL.sub(r"\\\1", text)


def quote(text: str) -> str:
    """A block quote line; a leading "- ", "+ " or "1. " stays text, not a list."""
    return "> " + _OPENING.sub(lambda m: f"{m.group(1)[:-1]}\\{m.group(1)[-1]}{m.group(2)}", text)


def comparison_markdown(comparison: Comparison) -> str:
    """The whole comment: one section per changed document, or a line saying nothing changed."""
    lines = [f"## Thay đổi số liệu và lời văn: {comparison.old} → {comparison.new}", ""]
    for note in (comparison.old.note, comparison.new.note):
        lines += [f"*{note}*", ""] if note else []
    if not comparison.documents:
        lines.append("Không có thay đổi nào về số tiền, dòng bảng hay lời văn.")
    for changes in comparison.documents:
        lines.extend(document_markdown(changes))
    return "\n".join(lines).rstrip() + "\n"


def document_markdown(changes: DocumentChanges) -> list[str]:
    """One document's changes: summary, amounts typed, totals moved, rows, prose."""
    lines = [f"### Văn bản `{changes.name}`", ""]
    if changes.status:
        return lines + _whole_document(changes)
    lines += [_summary(changes), ""]
    if changes.edited:
        lines += ["#### Số tiền đã sửa", ""]
        lines += _amounts(changes.edited)
    moved_prose = [c for c in changes.prose if c.follows]
    if changes.moved or moved_prose:
        lines += ["#### Tổng thay đổi theo", ""]
        lines += _amounts(changes.moved)
        if moved_prose:
            lines += ["Lời văn trích các số tiền đã đổi (tự cập nhật, không sửa tay):", ""]
            lines += _prose(moved_prose)
    if changes.rows or changes.tables or changes.renamed:
        lines += ["#### Dòng, bảng thêm hoặc bỏ", ""]
        lines += [_table_line(table, added) for table, added in changes.tables]
        lines += [_row_line(change) for change in changes.rows]
        lines += [
            f"- Đổi tên dòng trong bảng `{table.id}` ({_place(table.at(new))}): "
            f"{_row_name(old)} → {_row_name(new)}"
            for table, old, new in changes.renamed
        ]
        lines.append("")
    edited_prose = [c for c in changes.prose if not c.follows]
    if edited_prose:
        lines += ["#### Lời văn đã sửa", ""]
        lines += _prose(edited_prose)
    return lines


def _summary(changes: DocumentChanges) -> str:
    prose = changes.prose
    counts = [
        (len(changes.edited), "số tiền sửa tay"),
        (len(changes.moved), "tổng thay đổi theo"),
        (sum(c.added for c in changes.rows), "dòng thêm"),
        (sum(not c.added for c in changes.rows), "dòng bỏ"),
        (len(changes.renamed), "dòng đổi tên"),
        (sum(added for _, added in changes.tables), "bảng mới"),
        (sum(not added for _, added in changes.tables), "bảng bỏ"),
        (sum(not c.follows and c.old is not None and c.new is not None for c in prose), "đoạn sửa"),
        (sum(c.old is None for c in prose), "đoạn thêm"),
        (sum(c.new is None for c in prose), "đoạn bỏ"),
        (sum(c.follows for c in prose), "đoạn trích số tiền tự cập nhật"),
    ]
    shown = [f"{count} {what}" for count, what in counts if count]
    return "Tóm tắt: " + ", ".join(shown) + "."


def _whole_document(changes: DocumentChanges) -> list[str]:
    side = changes.side
    what = "Văn bản mới" if changes.status == "added" else "Văn bản đã bị xóa"
    count = len(side.passages) if side else 0
    lines = [f"{what} ({count} đề mục và đoạn văn).", ""]
    if side and side.tables:
        lines += [_table_line(t, changes.status == "added") for t in side.tables.values()]
        lines.append("")
    return lines


# ---------------------------------------------------------------------------------------------
# Amounts


def _amounts(changes: list[AmountChange]) -> list[str]:
    """Amounts grouped by table (in order of appearance), then the prose amounts."""
    lines: list[str] = []
    groups: dict[str, list[AmountChange]] = {}
    for change in changes:
        groups.setdefault(change.table.id if change.table else "", []).append(change)
    for table_id, group in groups.items():
        lines += _table_amounts(group) if table_id else _prose_amounts(group)
    return lines


def _table_amounts(changes: list[AmountChange]) -> list[str]:
    table = changes[0].new_table or changes[0].old_table
    assert table is not None
    head = f"Bảng `{table.id}` — {escape(table.unit_text)} ({_place(table.position)})"
    groups: dict[Measure, list[AmountChange]] = {}
    for change in changes:  # a table of each unit: money in its unit and in đồng, a count, a %
        assert change.column is not None
        column = table.column(change.column)
        groups.setdefault(column.measure if column else table.measure, []).append(change)
    lines = [head, ""]
    for measure, group in groups.items():
        lines += _measure_amounts(measure, group)
    numbers = sorted({c.column for c in changes if c.column is not None})
    legend = "; ".join(f"({n}) {escape(column_title(table, n))}" for n in numbers)
    return [*lines, f"Cột {legend}.", ""]


def _measure_amounts(measure: Measure, changes: list[AmountChange]) -> list[str]:
    """The changes of one unit's columns: figures in the unit, and for money in đồng too."""
    unit = measure.money if measure.is_money else None
    label = measure.label or "số"
    columns = ["Mã", "Dòng", "Cột", f"Cũ → mới ({label})"]
    if unit is not None and unit is not Unit.DONG:
        columns.append("Cũ → mới (đồng)")
    columns.append("Chênh lệch (đồng)" if unit is not None else f"Chênh lệch ({label})")
    lines = [_row(columns), _row(["---"] * 3 + ["--:"] * (len(columns) - 3))]
    for change in changes:
        assert change.row is not None and change.column is not None
        in_unit = (
            f"{_figure(change.old_table, change.old, change.column)} → "
            f"{_figure(change.new_table, change.new, change.column)}"
        )
        cells = [_key(change.key), _row_name(change.row), f"({change.column})", in_unit]
        if unit is not None and unit is not Unit.DONG:
            cells.append(f"{_dong(change.old)} → {_dong(change.new)}")
        cells.append(_difference(change.old, change.new))
        lines.append(_row(cells))
    return [*lines, ""]


def _prose_amounts(changes: list[AmountChange]) -> list[str]:
    lines = [
        "Số tiền khai báo trong lời văn",
        "",
        _row(["Mã", "Ở đâu", "Cũ → mới (đồng)", "Chênh lệch (đồng)"]),
        _row(["---", "---", "--:", "--:"]),
    ]
    for change in changes:
        where = _place(change.position)
        moved = f"{_dong(change.old)} → {_dong(change.new)}"
        lines.append(_row([_key(change.key), where, moved, _difference(change.old, change.new)]))
    return [*lines, ""]


def column_title(table: Table, column_number: int) -> str:
    """A column's header as the table prints it, top to bottom: "KP … NĂM 2026 – TỔNG CỘNG"."""
    column = table.column(column_number)
    if column is None:
        return ""
    cells = sorted(
        (c for c in table.header if c.column <= column.index < c.column + c.columns),
        key=lambda c: c.row,
    )
    texts: list[str] = []
    for cell in cells:
        text = " ".join(cell.text.split())
        if text and text not in texts:
            texts.append(text)
    return " – ".join(texts)


def _figure(table: Table | None, amount: Amount | None, column: int | None = None) -> str:
    if table is None or amount is None:
        return "trống"
    return table.shown(amount, column)


def _dong(amount: Amount | None) -> str:
    return "trống" if amount is None else number(amount.dong)


def _difference(old: Amount | None, new: Amount | None) -> str:
    gap = (new or Amount.zero()) - (old or Amount.zero())
    return f"+{number(gap.dong)}" if gap.dong > 0 else number(gap.dong)


def _key(key: str) -> str:
    return f"`{key}`" if key else "—"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


# ---------------------------------------------------------------------------------------------
# Rows and tables


def _row_name(row: Row) -> str:
    """ "IV Chuyển đổi số (Khoản 121)", "+ Mua trang thiết bị …": how the row reads in its table."""
    name = " ".join(row.name.split())
    if len(name) > NAME_WIDTH:
        name = name[: NAME_WIDTH - 1].rstrip() + "…"
    mark = row.code or row.marker
    return f"`{mark}` {escape(name)}" if mark else escape(name)


def _values(table: Table, row: Row) -> str:
    shown = []
    for column in table.amount_columns:
        amount = row.values.get(column.number)
        if amount is None:
            continue
        measure = column.measure
        text = f"({column.number}) {measure.words(table.shown(amount, column))}"
        if measure.is_money and measure.money is not Unit.DONG:
            text += f" = {number(amount.dong)} đồng"
        shown.append(text)
    return "; ".join(shown) if shown else "chưa có số"


def _row_line(change: RowChange) -> str:
    table, row = change.table, change.row
    if change.added:
        return (
            f"- Thêm vào bảng `{table.id}` ({_place(table.at(row))}): {_row_name(row)} — "
            f"{_values(table, row)}"
        )
    return (
        f"- Bỏ khỏi bảng `{table.id}` (trước ở {_place(table.at(row))}): {_row_name(row)} — "
        f"{_values(table, row)}"
    )


def _table_line(table: Table, added: bool) -> str:
    what = "Bảng mới" if added else "Bỏ bảng"
    total = next((r for r in table.rows if r.is_total), None)
    amounts = f"; dòng tổng: {_values(table, total)}" if total else ""
    return (
        f"- {what} `{table.id}` ({_place(table.position)}, {escape(table.unit_text)}, "
        f"{len(table.rows)} dòng{amounts})"
    )


# ---------------------------------------------------------------------------------------------
# Prose


def _prose(changes: list[TextChange]) -> list[str]:
    lines: list[str] = []
    for change in changes:
        heading = f" · {escape(change.heading)}" if change.heading else ""
        if change.old is None:
            label, text = "Đoạn thêm", escape(change.new or "")
        elif change.new is None:
            label, text = "Đoạn bỏ", f"~~{escape(change.old)}~~"
        else:
            label, text = "", word_diff(change.old, change.new)
        where = f"{label} " if label else ""
        lines += [f"{where}**{_place(change.position)}**{heading}", quote(text), ""]
    return lines


def word_diff(old: str, new: str, context: int = CONTEXT) -> str:
    """The words of `new` against `old`: ~~removed~~ **added**, long unchanged runs cut to "…"."""
    a, b = old.split(), new.split()
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    out: list[str] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = [escape(w) for w in a[i1:i2]]
            first, last = k == 0, k == len(opcodes) - 1
            if first and len(words) > context:
                words = ["…", *words[-context:]]
            elif last and len(words) > context:
                words = [*words[:context], "…"]
            elif len(words) > 2 * context + 1 and not (first or last):
                words = [*words[:context], "…", *words[-context:]]
            out.append(" ".join(words))
            continue
        if i2 > i1:
            out.append(f"~~{escape(' '.join(a[i1:i2]))}~~")
        if j2 > j1:
            out.append(f"**{escape(' '.join(b[j1:j2]))}**")
    return " ".join(out)


def _place(position: Position) -> str:
    """ "content/x/01-phan.md:12": a reviewer opens the line, the column says nothing here."""
    return f"{display_path(position.path)}:{position.line}"
