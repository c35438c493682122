"""Plain citations are read without Jinja (baocao.resolve.citations, plain_call): for every
text it reads, Jinja's tree gives the same function, constants and decimals; every other text is
left to Jinja, which reads it, or says why it cannot."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from jinja2 import TemplateSyntaxError

from baocao.resolve.citations import CitationProblem, Citations, Registry, plain_call

PIECES = [
    "tien", "so", "chu", "tien_chu", "tienx", "(", ")", ",", " ", "\n", "\t", "\u00a0",
    '"pl.csdl"', "'pl.tong(4)'", '"tỷ"', '"a,b"', "\"it's\"", "'a\"b'", '"{x}"', '"a\\"b"',
    "thap_phan", "=", "thap_phan=2", "0", "2", "07", "00", "10", "1.5", "-1", "1e3", "1_0",
    '"', "'", "x", "*", "|", "[0]", ".a", "True", "none",
]  # fmt: skip


def jinja_shape(expression: str) -> tuple[str, list[str | int], int | None] | None:
    """What the Jinja route makes of a citation: its shape, or None when it refuses it."""
    citations = Citations(Registry())
    from baocao.resolve.citations import environment

    try:
        tree = environment().parse(f"{{{{ {expression} }}}}")
        return citations._check_shape(tree, expression)
    except (TemplateSyntaxError, RecursionError, CitationProblem):
        return None


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
@example('tien_chu("pl.a", "pl.b", "tỷ", thap_phan=2)')
@example("so( 'x' ,\n 3 )")
@example('tien("a", thap_phan=007)')
@example('tien("a", 00)')
def test_a_plain_call_reads_as_jinja_reads_it(expression: str) -> None:
    shape = plain_call(expression)
    if shape is not None:
        assert shape == jinja_shape(expression)


SPACE = st.sampled_from(["", " ", "  ", "\n", "\t", "\u00a0", "\u2003"])
ARGUMENT = st.sampled_from(
    ['"pl.csdl"', "'pl.iv(4)'", '"tỷ"', '"triệu đồng"', '""', '"a b"', "0", "2", "10", "007",
     "00", "1.5", '"a\\nb"', "'x\"y'", '"{a}"', "thap_phan=1", "x"]
)  # fmt: skip


@st.composite
def calls(draw: st.DrawFn) -> str:
    """A call of one of the functions (or a near miss) with arguments and spaces drawn."""
    name = draw(st.sampled_from(["tien", "so", "chu", "tien_chu", "tiền", "Tien"]))
    arguments = draw(st.lists(st.tuples(SPACE, ARGUMENT, SPACE), max_size=4))
    written = ",".join(f"{a}{b}{c}" for a, b, c in arguments)
    if draw(st.booleans()):
        written += draw(st.sampled_from([", thap_phan=2", ",thap_phan = 0", ", thap_phan=03"]))
    return f"{draw(SPACE)}{name}{draw(SPACE)}({written}{draw(SPACE)}){draw(SPACE)}".strip()


@settings(max_examples=3000, deadline=None)
@given(calls())
def test_a_drawn_call_reads_as_jinja_reads_it(expression: str) -> None:
    shape = plain_call(expression)
    if shape is not None:
        assert shape == jinja_shape(expression)


@pytest.mark.parametrize(
    "expression",
    [
        'tien("pl.csdl")',
        'tien_chu("a", "b", "tỷ", thap_phan=2)',
        "so('x', 3)",
        'chu( "pl.tong(4)" )',
        'tien(\n"a",\n"b"\n)',
    ],
)
def test_the_usual_citations_need_no_jinja(expression: str) -> None:
    assert plain_call(expression) is not None
    assert plain_call(expression) == jinja_shape(expression)


@pytest.mark.parametrize(
    "expression",
    ['tien("a",)', 'tien("a" "b")', "tien(thap_phan=2)", 'tien("a\\"b")', 'tienx("a")', "tien()"],
)
def test_other_writings_are_left_to_jinja(expression: str) -> None:
    assert plain_call(expression) is None
