"""The frame's Jinja, read without Jinja when it is written in the small part of the language that
templates/frame.yaml uses; Jinja itself reads anything else.

Jinja costs a build its import (tens of milliseconds) and the compiling of every template and
expression the frame draws (as much again), for texts like "{{ front.subject }}",
"Kính gửi: {{ front.to[0] }}" or `front.to | length == 1`. This module reads exactly these:

    a name of the context, then `.name` and `[0]` / `["key"]` lookups, in any number;
    whole numbers and quoted strings (no backslash in them);
    the filters `| length` and `| join("…")`;
    one comparison (==, !=, <, <=, >, >=), `not`, `and`, `or`, parentheses;
    in a template: text, `{{ expression }}`, and `{% for name in expression %}…{% endfor %}`.

It gives what Jinja's SandboxedEnvironment (StrictUndefined, no autoescape) gives for them, and
nothing else: `compile_expression` and `compile_template` return None for anything beyond this
part (Jinja reads it), and evaluating raises `Miss` wherever Jinja would meet an undefined value
or a value the sandbox guards (a lookup that fails, a name starting with "_", a function): the
caller then asks Jinja, which answers, or raises, exactly as it always did.
tests/render/test_template.py checks drawn expressions and templates against Jinja.
"""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Callable, Mapping
from typing import Any

Context = Mapping[str, Any]
Evaluate = Callable[[Context], Any]


class Miss(Exception):
    """Evaluation met something only Jinja knows how to answer: ask Jinja."""


class _Unsupported(Exception):
    """Text beyond the part of Jinja read here."""


_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>'[^'\\]*'|"[^"\\]*")
      | (?P<number>(?:0|[1-9][0-9]*)(?![0-9A-Za-z_.]))
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)(?![^\x00-\x7f])
      | (?P<operator>==|!=|<=|>=|[<>.\[\]()|])
    )""",
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "in", "is", "if", "else", "true", "false", "none"}
_KEYWORDS |= {"True", "False", "None"}
# Names Jinja gives a meaning of its own in a template.
_KEYWORDS |= {"loop", "self", "super", "caller", "varargs", "kwargs"}
_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}
# Objects whose attributes the sandbox guards, or that may run code when looked into.
_GUARDED = (
    type,
    types.FunctionType,
    types.MethodType,
    types.BuiltinFunctionType,
    types.CodeType,
    types.TracebackType,
    types.FrameType,
    types.GeneratorType,
    types.CoroutineType,
    types.AsyncGeneratorType,
)


def _tokens(source: str) -> list[tuple[str, str]]:
    found, at = [], 0
    while at < len(source):
        match = _TOKEN.match(source, at)
        if match is None:
            if source[at:].strip():
                raise _Unsupported(source)
            break
        kind = match.lastgroup or ""
        found.append((kind, match.group(kind)))
        at = match.end()
    return found


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = _tokens(source)
        self.at = 0

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.at] if self.at < len(self.tokens) else ("end", "")

    def take(self, kind: str, value: str | None = None) -> str:
        found = self.peek()
        if found[0] != kind or (value is not None and found[1] != value):
            raise _Unsupported(found[1])
        self.at += 1
        return found[1]

    def whole(self) -> Evaluate:
        expression = self.either()
        if self.peek()[0] != "end":
            raise _Unsupported(self.peek()[1])
        return expression

    def either(self) -> Evaluate:
        left = self.both()
        while self.peek() == ("name", "or"):
            self.at += 1
            left = _or(left, self.both())
        return left

    def both(self) -> Evaluate:
        left = self.negated()
        while self.peek() == ("name", "and"):
            self.at += 1
            left = _and(left, self.negated())
        return left

    def negated(self) -> Evaluate:
        if self.peek() == ("name", "not"):
            self.at += 1
            inner = self.negated()
            return lambda context: not inner(context)
        return self.compared()

    def compared(self) -> Evaluate:
        left = self.filtered()
        kind, value = self.peek()
        if kind == "operator" and value in _COMPARE:
            self.at += 1
            right = self.filtered()
            if self.peek()[1] in _COMPARE or self.peek() in (("name", "in"), ("name", "not")):
                raise _Unsupported(self.peek()[1])  # a chain, or `in`: Jinja's
            operation = _COMPARE[value]
            return lambda context: operation(left(context), right(context))
        return left

    def filtered(self) -> Evaluate:
        value = self.postfix(self.primary())
        while self.peek() == ("operator", "|"):
            self.at += 1
            name = self.take("name")
            if name == "length":
                value = _length(value)
            elif name == "join":
                self.take("operator", "(")
                separator = self.take("string")[1:-1]
                self.take("operator", ")")
                value = _join(value, separator)
            else:
                raise _Unsupported(name)
        if self.peek() in (("operator", "("), ("name", "is")):
            raise _Unsupported(self.peek()[1])
        return value

    def postfix(self, value: Evaluate) -> Evaluate:
        while True:
            kind, token = self.peek()
            if (kind, token) == ("operator", "."):
                self.at += 1
                value = _attribute(value, self.take("name"))
            elif (kind, token) == ("operator", "["):
                self.at += 1
                key_kind, key = self.peek()
                if key_kind == "number":
                    index: int | str = int(key)
                elif key_kind == "string":
                    index = key[1:-1]
                else:
                    raise _Unsupported(key)
                self.at += 1
                self.take("operator", "]")
                value = _item(value, index)
            elif (kind, token) == ("operator", "("):
                raise _Unsupported(token)  # a call: Jinja's
            else:
                return value

    def primary(self) -> Evaluate:
        kind, token = self.peek()
        self.at += 1
        if kind == "name" and token not in _KEYWORDS:
            return _name(token)
        if kind == "number":
            number = int(token)
            return lambda context: number
        if kind == "string":
            text = token[1:-1]
            return lambda context: text
        if (kind, token) == ("operator", "("):
            inner = self.either()
            self.take("operator", ")")
            return inner
        raise _Unsupported(token)


def _or(left: Evaluate, right: Evaluate) -> Evaluate:
    return lambda context: left(context) or right(context)


def _and(left: Evaluate, right: Evaluate) -> Evaluate:
    return lambda context: left(context) and right(context)


def _name(name: str) -> Evaluate:
    def look_up(context: Context) -> Any:
        if name.startswith("_") or name not in context:
            raise Miss(name)  # Jinja's globals, or undefined
        return context[name]

    return look_up


def _checked(value: Any) -> Any:
    if isinstance(value, _GUARDED):
        raise Miss(type(value).__name__)
    return value


def _attribute(inner: Evaluate, name: str) -> Evaluate:
    """`x.name` as the sandbox reads it: the attribute, else the item of that key."""

    def look_up(context: Context) -> Any:
        target = _checked(inner(context))
        if name.startswith("_"):
            raise Miss(name)
        try:
            return _checked(getattr(target, name))
        except AttributeError:
            pass
        try:
            return _checked(target[name])
        except (TypeError, LookupError):
            raise Miss(name) from None

    return look_up


def _item(inner: Evaluate, key: int | str) -> Evaluate:
    """`x[0]`, `x["key"]`: the item (a string key failing, Jinja would try the attribute)."""

    def look_up(context: Context) -> Any:
        target = _checked(inner(context))
        try:
            return _checked(target[key])
        except (AttributeError, TypeError, LookupError):
            raise Miss(str(key)) from None

    return look_up


def _length(inner: Evaluate) -> Evaluate:
    def length(context: Context) -> int:
        value = inner(context)
        try:
            return len(value)
        except TypeError:
            raise Miss("length") from None

    return length


def _join(inner: Evaluate, separator: str) -> Evaluate:
    def join(context: Context) -> str:
        value = inner(context)
        if isinstance(value, str | bytes) or not hasattr(value, "__iter__"):
            raise Miss("join")  # Jinja joins a string's letters; let it
        return separator.join(map(str, value))

    return join


def _jinja_lines(source: str) -> str:
    """The source as Jinja's lexer reads it: each line end written "\n", and a single one at
    the very end dropped."""
    lines = re.split(r"\r\n|\r|\n", source)
    if lines[-1] == "":
        del lines[-1]
    return "\n".join(lines)


@functools.cache
def compile_expression(source: str) -> Evaluate | None:
    """The expression as a function of the context, or None when Jinja must read it."""
    try:
        return _Parser(_jinja_lines(source)).whole()
    except _Unsupported:
        return None


# A template's pieces: text, `{{ expression }}`, `{% statement %}`.
_PIECE = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.S)
_FOR = re.compile(r"\s*for\s+([A-Za-z][A-Za-z0-9_]*)\s+in\s+(.*?)\s*", re.S)
_ENDFOR = re.compile(r"\s*endfor\s*")
_OPENINGS = ("{{", "{%", "{#")

Render = Callable[[Context], str]


def _text(text: str) -> Render:
    if any(opening in text for opening in _OPENINGS):
        raise _Unsupported(text)  # a comment, or a tag left open: Jinja's
    return lambda context: text


def _output(expression: Evaluate) -> Render:
    return lambda context: str(expression(context))


def _loop(name: str, items: Evaluate, body: list[Render]) -> Render:
    def render(context: Context) -> str:
        values = items(context)
        if isinstance(values, str | bytes) or not hasattr(values, "__iter__"):
            raise Miss("for")
        out: list[str] = []
        for value in values:
            inner = {**context, name: value}
            out.extend(piece(inner) for piece in body)
        return "".join(out)

    return render


def _expression_in(source: str) -> Evaluate:
    """An expression within a template (already read as Jinja reads line ends)."""
    return _Parser(source).whole()


def _pieces(source: str) -> list[Render]:
    stack: list[tuple[str, Evaluate, list[Render]]] = []
    current: list[Render] = []
    at = 0
    for found in _PIECE.finditer(source):
        if found.start() > at:
            current.append(_text(source[at : found.start()]))
        at = found.end()
        expression, statement = found.group(1), found.group(2)
        if expression is not None:
            if expression.startswith(("-", "+")) or expression.endswith(("-", "+")):
                raise _Unsupported(expression)  # whitespace control
            current.append(_output(_expression_in(expression)))
        elif (loop := _FOR.fullmatch(statement)) is not None:
            if loop.group(1) in _KEYWORDS:
                raise _Unsupported(statement)
            items = _expression_in(loop.group(2))
            stack.append((loop.group(1), items, current))
            current = []
        elif _ENDFOR.fullmatch(statement) and stack:
            name, items, outer = stack.pop()
            outer.append(_loop(name, items, current))
            current = outer
        else:
            raise _Unsupported(statement)
    if at < len(source):
        current.append(_text(source[at:]))
    if stack:
        raise _Unsupported(source)
    return current


@functools.cache
def compile_template(source: str) -> Render | None:
    """The template as a function of the context, or None when Jinja must read it."""
    try:
        pieces = _pieces(_jinja_lines(source))
    except _Unsupported:
        return None
    return lambda context: "".join(piece(context) for piece in pieces)
