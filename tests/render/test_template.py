"""The frame's plain Jinja, read without Jinja (baocao.render.template): whatever it reads
and evaluates, Jinja's SandboxedEnvironment reads and evaluates to the same value; whatever it
leaves (None), or gives up on (an exception: the frame then asks Jinja), Jinja answers for."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from baocao.render import frame
from baocao.render.template import compile_expression, compile_template


@dataclasses.dataclass(frozen=True)
class Signer:
    name: str = "Nguyễn Văn A"
    authority: tuple[str, ...] = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    title: str = ""

    @property
    def shown(self) -> str:
        return self.name.upper()

    def method(self) -> str:
        return "called"


@dataclasses.dataclass(frozen=True)
class Front:
    subject: str = "Kiểm tra"
    to: tuple[str, ...] = ("Ủy ban nhân dân huyện",)
    session: str | None = None
    joint: Signer | None = None
    signer: Signer = Signer()
    count: int = 3
    _hidden: str = "riêng"


CONTEXTS = [
    {
        "front": Front(),
        "items": ["một", "hai"],
        "empty": [],
        "mapping": {"k": "giá trị", "items": 2},
        "text": "chữ",
        "number": 0,
        "none": None,
        "flag": True,
        "range": "shadowed",
    },
    {
        "front": Front(to=(), session="KỲ HỌP THỨ 4", joint=Signer("Trần B", (), "PHÓ")),
        "items": ("a",),
        "empty": "",
        "mapping": {},
        "text": "",
        "number": 7,
        "none": None,
        "flag": False,
    },
]

NAMES = ["front", "items", "empty", "mapping", "text", "number", "none", "flag", "range"]
NAMES += ["khong_co", "_private", "loop", "true", "none", "True", "x"]
ATOMS = st.sampled_from(
    [*NAMES, "0", "1", "2", "10", "007", "1.5", "-1", "'a'", '"b"', "'ả'", "''", "'a\\nb'",
     "'x\ny'", "'}}'"]
)  # fmt: skip
POSTFIX = st.sampled_from(
    [".subject", ".to", ".session", ".joint", ".signer", ".name", ".authority", ".shown",
     ".method", "._hidden", ".k", ".items", ".upper", ".count", ".0", "[0]", "[1]", "['k']",
     '["items"]', "[-1]", "()", ""]
)  # fmt: skip
FILTER = st.sampled_from(
    ["| length", "|length", " | join(', ')", "| join('\n')", "| join", "| upper", "| length()",
     "| join(d=',')", ""]
)  # fmt: skip
OPERATOR = st.sampled_from(
    [" == ", " != ", " < ", " <= ", " > ", " >= ", " and ", " or ", " in ", " not in ", " is ",
     " + ", " ~ "]
)  # fmt: skip


# Lookups that succeed in at least one context, and filters that suit them.
PATHS = st.sampled_from(
    ["front.subject", "front.to", "front.to[0]", "front.session", "front.joint", "front.count",
     "front.signer.name", "front.signer.authority", "front.signer.authority[1]",
     "front.joint.name", "front.signer.shown", "items", "items[0]", "empty", "mapping.k",
     "mapping['k']", "mapping.items", "mapping['items']", "text", "number", "none", "flag",
     "range", "0", "1", "2", "'a'", "'Kiểm tra'", "''"]
)  # fmt: skip
GOOD_FILTER = st.sampled_from(["", "", "| length", "| join(', ')", "| join('\n')", "|length"])


def operands() -> st.SearchStrategy[str]:
    drawn = st.builds(lambda a, p, q, f: a + p + q + f, ATOMS, POSTFIX, POSTFIX, FILTER)
    return st.one_of(drawn, st.builds(lambda p, f: p + f, PATHS, GOOD_FILTER))


EXPRESSIONS = st.recursive(
    operands(),
    lambda inner: st.one_of(
        st.builds(lambda a, o, b: a + o + b, inner, OPERATOR, inner),
        st.builds(lambda a: f"not {a}", inner),
        st.builds(lambda a: f"({a})", inner),
        st.builds(lambda a, b, c: f"{a} if {b} else {c}", inner, inner, inner),
    ),
    max_leaves=4,
)


@functools.cache
def environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


def jinja_expression(source: str, context: dict[str, Any]) -> tuple[str, Any]:
    try:
        return "ok", environment().compile_expression(source)(**context)
    except Exception as exc:  # what Jinja raises is what the frame raises
        return "error", type(exc)


def jinja_template(source: str, context: dict[str, Any]) -> tuple[str, Any]:
    try:
        return "ok", environment().from_string(source).render(**context)
    except Exception as exc:  # what Jinja raises is what the frame raises
        return "error", type(exc)


def assert_reads_as_jinja(
    plain: Callable[[dict[str, Any]], Any] | None,
    jinja: Callable[[str, dict[str, Any]], tuple[str, Any]],
    source: str,
) -> None:
    """In every context where the plain reading of `source` answers, Jinja answers the same,
    of the same type (where the plain reading raises, the frame asks Jinja)."""
    if plain is None:
        return
    for context in CONTEXTS:
        try:
            answer = plain(context)
        except Exception:
            continue  # the frame asks Jinja
        jinja_answer = jinja(source, context)
        assert jinja_answer[0] == "ok", jinja_answer
        assert answer == jinja_answer[1]
        assert type(answer) is type(jinja_answer[1])


@settings(max_examples=4000, deadline=None)
@given(EXPRESSIONS)
@example("front.to | length == 1")
@example("front.to | length > 1")
@example("not front.joint")
@example("front.session")
@example("front.signer.authority | join('\n')")
@example("mapping.items")
@example("mapping['items']")
@example("text | join(',')")
def test_an_expression_evaluates_as_jinja_evaluates_it(source: str) -> None:
    assert_reads_as_jinja(compile_expression(source), jinja_expression, source)


TEXTS = ["Kính gửi: ", "\n", "\r\n", " ", "}}", "%}", "{", "{# c #}", "{{", "{%", "chữ"]
TEXTS += ["{% endfor %}", "{% else %}", "{%- endfor %}"]
PIECES = st.one_of(
    st.sampled_from(TEXTS),
    EXPRESSIONS.map(lambda e: f"{{{{ {e} }}}}"),
    EXPRESSIONS.map(lambda e: f"{{{{- {e} }}}}"),
    st.builds(
        lambda name, e, body: f"{{% for {name} in {e} %}}{body}{{% endfor %}}",
        st.sampled_from(["line", "x", "loop", "front"]),
        EXPRESSIONS,
        st.sampled_from(["{{ line }}\n", "{{ x }}, ", "-", "{{ front.subject }}", ""]),
    ),
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(PIECES, max_size=6).map("".join))
@example("{% for line in front.signer.authority %}{{ line }}\n{% endfor %}{{ front.signer.title }}")
@example("Kính gửi: {{ front.to[0] }}")
@example("{{ items | join('\n') }}\n")
@example("a\r\nb\r")
def test_a_template_renders_as_jinja_renders_it(source: str) -> None:
    assert_reads_as_jinja(compile_template(source), jinja_template, source)


def test_every_text_and_expression_of_the_frame_is_read_without_jinja() -> None:
    """The frame as written needs no Jinja: its every text and expression is plain."""
    texts, expressions = [], []

    def walk(elements: Any) -> None:
        for element in elements if isinstance(elements, list) else [elements]:
            if not isinstance(element, dict):
                continue
            for key, value in element.items():
                if key == "text":
                    texts.append(value)
                elif key in ("when", "lines", "inlines"):
                    expressions.append(value)
                elif key in ("rows", "appendices", "attachments"):
                    walk(
                        value
                        if key != "rows"
                        else [c for row in value for cell in row for c in cell]
                    )

    for elements in frame.definition().values():
        walk(elements)
    assert len(texts) > 20 and len(expressions) > 10
    assert [t for t in texts if compile_template(t) is None] == []
    assert [e for e in expressions if compile_expression(e) is None] == []


@pytest.mark.parametrize(
    "source",
    ["x | upper", "a if b else c", "a in b", "x()", "{{ x }}", "a == b == c", "x.0", "'a\\nb'"],
)
def test_other_jinja_is_left_to_jinja(source: str) -> None:
    assert compile_expression(source) is None
