"""The front matter's YAML: PyYAML's safe loader made strict, its errors said in Vietnamese.

Dates stay text (DocumentDate reads and explains them); a key written twice is a problem at its
second line, where PyYAML would keep the last silently; nesting and integers are bounded, so
that no front matter can exhaust the stack or the integer conversion. Every error PyYAML raises
becomes one Vietnamese line at the line of its cause, with the usual fix: a value holding ": "
(`trich_yeu: V/v: …`) is the most common, then an unclosed quote, a tab, a Markdown "*" at the
start of a value.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import yaml

from baocao import codes
from baocao.problems import Code

MAX_DEPTH = 16  # lists and groups of keys inside one another: the schema needs 3
MAX_DIGITS = 18  # an integer of the front matter is a document number
PREFIX = "phần đầu YAML lỗi: "


@dataclass(frozen=True)
class YamlProblem:
    """A problem of the front matter's YAML: its code, its line (counted from `first_line`) and
    1-based column, and the message."""

    code: Code
    line: int
    column: int
    message: str


class _Refused(yaml.MarkedYAMLError):
    """A limit of ours, its Vietnamese message as the problem, its code as `code`."""

    def __init__(self, code: Code, problem: str, problem_mark: yaml.Mark) -> None:
        super().__init__(problem=problem, problem_mark=problem_mark)
        self.code = code


@dataclass(frozen=True)
class _Duplicate:
    """A key given twice in one mapping: the key, and the lines of both."""

    key: str
    line: int  # 0-based, in the front matter
    column: int  # 0-based
    first: int  # 0-based, where the key was first given


class _Loader(yaml.SafeLoader):
    """The safe loader without timestamps, every key its text as typed, recording keys given
    twice and refusing nesting deeper than MAX_DEPTH and numbers longer than MAX_DIGITS."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.duplicates: list[_Duplicate] = []
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _Refused(
                    codes.TOO_DEEP,
                    problem=f"lồng nhau quá sâu (quá {MAX_DEPTH} tầng danh sách, nhóm khóa): "
                    "kiểm tra các dấu “[”, “{” và thụt đầu dòng",
                    problem_mark=parent.start_mark if parent is not None else self.get_mark(),
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        seen: dict[str, int] = {}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
                continue
            key.tag = "tag:yaml.org,2002:str"  # a key is its text as typed: "1", "~", "yes"
            line = key.start_mark.line
            if key.value in seen:
                column = key.start_mark.column
                self.duplicates.append(_Duplicate(key.value, line, column, seen[key.value]))
            else:
                seen[key.value] = line
        return super().construct_mapping(node, deep)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        _bounded(node)
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        _bounded(node)  # "1:2:…:3.5" (base 60) overflows
        return super().construct_yaml_float(node)


def _bounded(node: yaml.ScalarNode) -> None:
    if len(node.value) > MAX_DIGITS:
        raise _Refused(
            codes.NUMBER_TOO_LONG,
            problem=f"số “{node.value[:12]}…” quá dài: số văn bản chỉ có vài chữ số",
            problem_mark=node.start_mark,
        )


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_front_matter(text: str, first_line: int) -> tuple[object, list[YamlProblem]]:
    """The data of the front matter's text (None when it cannot be read), and its problems, at
    the lines of the file (the text's first line is `first_line`)."""
    try:
        loader = _Loader(text)
    except yaml.YAMLError as exc:  # a control character: the reader checks the whole text first
        code, line, column, message = explain(exc, text)
        return None, [YamlProblem(code, first_line + line, column, PREFIX + message)]
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        code, line, column, message = explain(exc, text)
        return None, [YamlProblem(code, first_line + line, column, PREFIX + message)]
    finally:
        loader.dispose()
    problems = [
        YamlProblem(
            codes.DUPLICATE_KEY,
            first_line + d.line,
            d.column + 1,
            f"khóa “{d.key}” ghi hai lần (lần đầu ở dòng {first_line + d.first}): mỗi khóa chỉ "
            "ghi một lần; xóa một dòng hoặc gộp hai dòng làm một",
        )
        for d in loader.duplicates
    ]
    return data, problems


# ---- PyYAML's errors in Vietnamese ----

QUOTE_HINT = "đặt cả giá trị trong ngoặc kép"
INDENT_HINT = (
    "dòng này không khớp với các dòng trên: các khóa cùng cấp phải thẳng hàng, các mục “- ” "
    "của một danh sách thẳng hàng và thụt vào bằng dấu cách"
)
UNREADABLE = "không đọc được phần đầu: kiểm tra dấu hai chấm, thụt đầu dòng và ngoặc kép"
LINE_HINT = "không đọc được dòng này: kiểm tra dấu hai chấm, thụt đầu dòng và ngoặc kép"
BACKSLASH_HINT = (
    "trong ngoặc kép, dấu “\\” mở đầu một ký tự đặc biệt: viết “\\\\”, hoặc đặt giá trị trong "
    "ngoặc đơn ' '"
)
TAB_HINT = "dòng có ký tự tab: thụt đầu dòng và ngăn cách bằng dấu cách, không dùng tab"
ALIAS_HINT = (
    "giá trị bắt đầu bằng “*” hoặc “&” (ký hiệu của YAML; chữ nghiêng không dùng ở phần đầu): "
    + QUOTE_HINT
)
KEY_HINT = (
    "khóa phải là một tên như “trich_yeu”, không phải danh sách hay nhóm khóa: viết “khóa: giá trị”"
)
BLOCK_HINT = "sau dấu “|” hoặc “>” phải xuống dòng, giá trị viết ở các dòng dưới"
_KEY_VALUE = re.compile(r"\s*(?:-\s+)?([^:#\s][^:#]*?)\s*:\s+(.*?)\s*$")
_VALUE = re.compile(r"\s*(?:-\s+|[^:#\s][^:#]*?:\s+)(.*?)\s*$")


def explain(exc: yaml.YAMLError, text: str) -> tuple[Code, int, int, str]:
    """PyYAML's error as its code, its 0-based line in `text` and 1-based column, and a Vietnamese
    message with the fix. The place is PyYAML's mark, or where what was left open (a quote, a
    bracket, a key without its colon) opens."""
    lines = text.split("\n")
    if isinstance(exc, yaml.reader.ReaderError):  # no mark: a position in the text
        offset = exc.position if isinstance(exc.position, int) else 0
        line_start = text.rfind("\n", 0, offset) + 1
        code = exc.character if isinstance(exc.character, int) else 0
        message = (
            f"có ký tự điều khiển không in được (mã U+{code:04X}), thường do chép từ chỗ khác: "
            "xóa ký tự đó hoặc gõ lại dòng này"
        )
        return (
            codes.CONTROL_CHARACTER,
            text.count("\n", 0, offset),
            offset - line_start + 1,
            message,
        )
    if not isinstance(exc, yaml.MarkedYAMLError):
        return codes.YAML_SYNTAX, 0, 1, UNREADABLE
    problem = exc.problem or ""
    context = exc.context or ""
    mark, opening = exc.problem_mark, exc.context_mark
    at, column = (mark.line, mark.column + 1) if mark else (0, 1)
    opened, opened_column = (opening.line, opening.column + 1) if opening else (at, column)

    def here(code: Code, message: str) -> tuple[Code, int, int, str]:
        return code, at, column, message

    def where_opened(code: Code, message: str) -> tuple[Code, int, int, str]:
        return code, opened, opened_column, message

    if isinstance(exc, _Refused):
        return here(exc.code, problem)
    if "escape character" in problem:  # the mark is on the letter after the backslash
        return codes.YAML_BACKSLASH, at, max(column - 1, 1), BACKSLASH_HINT
    unclosed = _unclosed_quote(lines, at)
    if "quoted scalar" in context or (
        unclosed is not None
        and isinstance(exc, yaml.scanner.ScannerError | yaml.parser.ParserError)
    ):
        line = unclosed if unclosed is not None else opened
        name, char, quote = _quote_of(lines, line)
        message = f"ngoặc {name} “{char}” mở ở dòng này chưa đóng: thêm {char} ở cuối giá trị"
        return codes.YAML_UNCLOSED, line, quote or opened_column, message
    if problem.startswith("mapping values are not allowed"):
        return here(codes.YAML_QUOTES, _colon_hint(lines, at))
    if "'\\t'" in problem or "tab" in problem:
        return here(codes.YAML_TAB, TAB_HINT)
    if "cannot start any token" in problem:
        char = _character(problem)
        return here(codes.YAML_QUOTES, f"giá trị không được bắt đầu bằng “{char}”: {QUOTE_HINT}")
    if "alias" in context or "anchor" in context or "alias" in problem:
        start = opened_column if opened == at else column  # the "*" or "&" that opens it
        return codes.YAML_QUOTES, at, start, ALIAS_HINT
    if "unhashable key" in problem:
        return here(codes.YAML_SYNTAX, KEY_HINT)
    if "could not find expected ':'" in problem:
        return where_opened(codes.YAML_SYNTAX, "thiếu dấu hai chấm sau khóa: viết “khóa: giá trị”")
    if "constructor for the tag" in problem:
        return here(codes.YAML_QUOTES, f"giá trị bắt đầu bằng “!” (thẻ của YAML): {QUOTE_HINT}")
    if "flow sequence" in context or "flow mapping" in context:
        bracket, closing = ("[", "]") if "sequence" in context else ("{", "}")
        message = f"dấu “{bracket}” mở ở dòng này chưa đóng: thêm “{closing}” cuối danh sách"
        return where_opened(codes.YAML_UNCLOSED, message)
    if "block scalar" in context:
        return here(codes.YAML_SYNTAX, BLOCK_HINT)
    if "single document" in context:
        return here(codes.YAML_SYNTAX, "phần đầu có hai khối: bỏ dòng “---” thừa")
    if "found duplicate anchor" in problem:
        return here(codes.YAML_QUOTES, f"giá trị bắt đầu bằng “&” (ký hiệu của YAML): {QUOTE_HINT}")
    if "expected <block end>" in problem and _text_after_quote(lines, at):
        return here(
            codes.YAML_QUOTES, f"có chữ sau dấu ngoặc kép đóng: {QUOTE_HINT}, hoặc bỏ ngoặc kép"
        )
    if problem.startswith(("expected <block end>", "did not find expected", "expected")):
        return here(codes.YAML_SYNTAX, INDENT_HINT)
    return here(codes.YAML_SYNTAX, LINE_HINT)


def _colon_hint(lines: list[str], at: int) -> str:
    """The fix for a value holding ": ", with the line rewritten when it is simple."""
    line = lines[at] if at < len(lines) else ""
    found = _KEY_VALUE.match(line)
    example = ""
    value = found.group(2) if found else ""
    quote = '"' if '"' not in value else "'" if "'" not in value else ""
    if found and quote:  # a value holding double quotes goes in single ones
        dash = "- " if line.lstrip().startswith("- ") else ""
        example = f", ví dụ {dash}{found.group(1)}: {quote}{value}{quote}"
    hint = QUOTE_HINT if quote != "'" else "đặt cả giá trị trong ngoặc đơn (nó có ngoặc kép)"
    return f"giá trị có dấu hai chấm (“: ”): {hint}{example}"


def _unclosed_quote(lines: list[str], upto: int) -> int | None:
    """The first line up to `upto` whose value opens a quote it does not close."""
    for index, line in enumerate(lines[: upto + 1]):
        found = _VALUE.match(line)
        value = found.group(1) if found else ""
        if value[:1] in ('"', "'") and not _closes(value):
            return index
    return None


def _closes(value: str) -> bool:
    """Whether a quoted value closes its quote on its own line."""
    quote = value[0]
    rest = value[1:]
    if quote == "'":
        return bool(re.fullmatch(r"(?:[^']|'')*'.*", rest))
    return bool(re.fullmatch(r'(?:[^"\\]|\\.)*".*', rest))


def _quote_of(lines: list[str], line: int) -> tuple[str, str, int | None]:
    """The kind of quote a line's value opens ("kép" or "đơn"), the quote, and its 1-based
    column (None when the line shows no value)."""
    found = _VALUE.match(lines[line]) if line < len(lines) else None
    column = found.start(1) + 1 if found else None
    if found and found.group(1).startswith("'"):
        return "đơn", "'", column
    return "kép", '"', column


def _text_after_quote(lines: list[str], at: int) -> bool:
    found = _VALUE.match(lines[at]) if at < len(lines) else None
    value = found.group(1) if found else ""
    return value[:1] in ('"', "'") and not value.endswith(value[:1])


def _character(problem: str) -> str:
    found = re.search(r"found character '(.+?)'", problem)
    return found.group(1) if found else "?"
