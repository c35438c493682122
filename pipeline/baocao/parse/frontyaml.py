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

MAX_DEPTH = 16  # lists and groups of keys inside one another: the schema needs 3
MAX_DIGITS = 18  # an integer of the front matter is a document number
PREFIX = "phần đầu YAML lỗi: "


@dataclass(frozen=True)
class YamlProblem:
    """A problem of the front matter's YAML: its line, counted from `first_line`, and the
    message."""

    line: int
    message: str


class _Refused(yaml.MarkedYAMLError):
    """A limit of ours, its Vietnamese message as the problem."""


@dataclass(frozen=True)
class _Duplicate:
    """A key given twice in one mapping: the key, and the lines of both."""

    key: str
    line: int  # 0-based, in the front matter
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
                self.duplicates.append(_Duplicate(key.value, line, seen[key.value]))
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
        line, message = explain(exc, text)
        return None, [YamlProblem(first_line + line, PREFIX + message)]
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        line, message = explain(exc, text)
        return None, [YamlProblem(first_line + line, PREFIX + message)]
    finally:
        loader.dispose()
    problems = [
        YamlProblem(
            first_line + d.line,
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
_KEY_VALUE = re.compile(r"\s*(?:-\s+)?([^:#\s][^:#]*?)\s*:\s+(.*?)\s*$")
_VALUE = re.compile(r"\s*(?:-\s+|[^:#\s][^:#]*?:\s+)(.*?)\s*$")


def explain(exc: yaml.YAMLError, text: str) -> tuple[int, str]:
    """PyYAML's error as (its 0-based line in `text`, a Vietnamese message with the fix)."""
    lines = text.split("\n")
    if isinstance(exc, yaml.reader.ReaderError):  # no mark: a position in the text
        at = text[: exc.position].count("\n") if isinstance(exc.position, int) else 0
        code = exc.character if isinstance(exc.character, int) else 0
        return at, (
            f"có ký tự điều khiển không in được (mã U+{code:04X}), thường do chép từ chỗ khác: "
            "xóa ký tự đó hoặc gõ lại dòng này"
        )
    if not isinstance(exc, yaml.MarkedYAMLError):
        return 0, "không đọc được phần đầu: kiểm tra dấu hai chấm, thụt đầu dòng và ngoặc kép"
    problem = exc.problem or ""
    context = exc.context or ""
    at = exc.problem_mark.line if exc.problem_mark else 0
    opened = exc.context_mark.line if exc.context_mark else at
    if isinstance(exc, _Refused):
        return at, problem
    if "escape character" in problem:
        return at, (
            "trong ngoặc kép, dấu “\\” mở đầu một ký tự đặc biệt: viết “\\\\”, hoặc đặt giá trị "
            "trong ngoặc đơn ' '"
        )
    unclosed = _unclosed_quote(lines, at)
    if "quoted scalar" in context or (
        unclosed is not None
        and isinstance(exc, yaml.scanner.ScannerError | yaml.parser.ParserError)
    ):
        line = unclosed if unclosed is not None else opened
        name, char = _quote_of(lines, line)
        return line, f"ngoặc {name} “{char}” mở ở dòng này chưa đóng: thêm {char} ở cuối giá trị"
    if problem.startswith("mapping values are not allowed"):
        return at, _colon_hint(lines, at)
    if "'\\t'" in problem or "tab" in problem:
        return at, "dòng có ký tự tab: thụt đầu dòng và ngăn cách bằng dấu cách, không dùng tab"
    if "cannot start any token" in problem:
        char = _character(problem)
        return at, f"giá trị không được bắt đầu bằng “{char}”: {QUOTE_HINT}"
    if "alias" in context or "anchor" in context or "alias" in problem:
        return at, (
            f"giá trị bắt đầu bằng “*” hoặc “&” (ký hiệu của YAML; chữ nghiêng không dùng ở "
            f"phần đầu): {QUOTE_HINT}"
        )
    if "unhashable key" in problem:
        return at, (
            "khóa phải là một tên như “trich_yeu”, không phải danh sách hay nhóm khóa: viết "
            "“khóa: giá trị”"
        )
    if "could not find expected ':'" in problem:
        return opened, "thiếu dấu hai chấm sau khóa: viết “khóa: giá trị”"
    if "constructor for the tag" in problem:
        return at, f"giá trị bắt đầu bằng “!” (thẻ của YAML): {QUOTE_HINT}"
    if "flow sequence" in context or "flow mapping" in context:
        bracket = "[" if "sequence" in context else "{"
        closing = "]" if bracket == "[" else "}"
        return opened, f"dấu “{bracket}” mở ở dòng này chưa đóng: thêm “{closing}” cuối danh sách"
    if "block scalar" in context:
        return at, "sau dấu “|” hoặc “>” phải xuống dòng, giá trị viết ở các dòng dưới"
    if "single document" in context:
        return at, "phần đầu có hai khối: bỏ dòng “---” thừa"
    if "found duplicate anchor" in problem:
        return at, f"giá trị bắt đầu bằng “&” (ký hiệu của YAML): {QUOTE_HINT}"
    if "expected <block end>" in problem and _text_after_quote(lines, at):
        return at, f"có chữ sau dấu ngoặc kép đóng: {QUOTE_HINT}, hoặc bỏ ngoặc kép"
    if problem.startswith(("expected <block end>", "did not find expected", "expected")):
        return at, INDENT_HINT
    return at, "không đọc được dòng này: kiểm tra dấu hai chấm, thụt đầu dòng và ngoặc kép"


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


def _quote_of(lines: list[str], line: int) -> tuple[str, str]:
    """The kind of quote a line's value opens ("kép" or "đơn"), and the quote."""
    found = _VALUE.match(lines[line]) if line < len(lines) else None
    return ("đơn", "'") if found and found.group(1).startswith("'") else ("kép", '"')


def _text_after_quote(lines: list[str], at: int) -> bool:
    found = _VALUE.match(lines[at]) if at < len(lines) else None
    value = found.group(1) if found else ""
    return value[:1] in ('"', "'") and not value.endswith(value[:1])


def _character(problem: str) -> str:
    found = re.search(r"found character '(.+?)'", problem)
    return found.group(1) if found else "?"
