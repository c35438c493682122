"""The one reader of a citation and of an id tag (baocao.parse.citation): what it reads, and for
what it cannot, the code and the character it points at."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from baocao import codes
from baocao.money.amount import Form, Unit
from baocao.parse.blocks import Citation, CitedId, Place
from baocao.parse.citation import Misread, read_citation, read_id, read_tag


def at(offset: int) -> Place:
    """Places on one line, column = offset + 1: the column a problem points at is the offset's."""
    return Place(1, offset + 1)


def read(inside: str) -> Citation:
    return read_citation("{{" + inside + "}}", at)


def misread(inside: str) -> tuple[str, int]:
    """The code of a citation written wrong, and the column (1 = its first "{")."""
    with pytest.raises(Misread) as caught:
        read(inside)
    return caught.value.code.code, caught.value.offset + 1


TY = Form(Unit.TY, "tỷ")


@pytest.mark.parametrize(
    ("inside", "function", "ids", "unit", "decimals"),
    [
        (' tien("pl.csdl") ', "tien", ["pl.csdl"], None, None),
        (" so('x') ", "so", ["x"], None, None),
        (' chu("pl.iv(4)") ', "chu", ["pl.iv(4)"], None, None),
        (' tien("nv-*") ', "tien", ["nv-*"], None, None),
        (' tien("ke-hoach-2027:pl.camera") ', "tien", ["ke-hoach-2027:pl.camera"], None, None),
        (' tien(" ke-hoach : kp.may-tinh ") ', "tien", ["ke-hoach:kp.may-tinh"], None, None),
        (' tien_chu("a", "b", "tỷ", thap_phan=2) ', "tien_chu", ["a", "b"], TY, 2),
        (' tien("a", "tỷ", 2) ', "tien", ["a"], TY, 2),
        (' tien("a", "Tỷ đồng") ', "tien", ["a"], TY, None),
        (' tien("a", " tỷ ") ', "tien", ["a"], TY, None),
        (' tien("a", "triệu đồng") ', "tien", ["a"], Form(Unit.TRIEU, "triệu"), None),
        (' tien("a", "đ") ', "tien", ["a"], Form(currency="đ"), None),
        (' tien("a", "VNĐ") ', "tien", ["a"], Form(currency="VNĐ"), None),
        (' so("a", thap_phan=0) ', "so", ["a"], None, 0),
        (' so("a", 00) ', "so", ["a"], None, 0),
        ("tien(\n'a',\n\t'b'\u00a0,\n)", "tien", ["a", "b"], None, None),  # spaces, trailing ","
        (" tien(“pl.ud”, ‘tỷ’) ", "tien", ["pl.ud"], TY, None),  # curly quotes
        (' tien ( "a" , thap_phan = 9 ) ', "tien", ["a"], None, 9),
    ],
)
def test_what_a_citation_reads_as(
    inside: str, function: str, ids: list[str], unit: Form | None, decimals: int | None
) -> None:
    citation = read(inside)
    assert (citation.function, [str(i) for i in citation.ids]) == (function, ids)
    assert (citation.unit, citation.decimals) == (unit, decimals)
    assert citation.text == "{{" + inside + "}}" and citation.place == Place(1, 1)


def test_an_id_is_read_into_its_parts_at_its_first_character() -> None:
    citation = read(' tien(" pl.iv(4)", "ke-hoach:nv-*") ')
    first, second = citation.ids
    assert first == CitedId("pl.iv", column=4) and first.place == Place(1, 11)
    assert second == CitedId("nv-", "ke-hoach", star=True) and second.place == Place(1, 23)
    assert (first.key, second.key, str(second)) == ("pl.iv(4)", "nv-*", "ke-hoach:nv-*")


@pytest.mark.parametrize(
    ("inside", "code", "column"),
    [
        # written wrong: at the character that is wrong, or where something is missing
        (" ", "BC401", 1),
        (' tien("pl.nc" ', "BC401", 17),  # no ")": at the "}}"
        (' tien("pl.nc) ', "BC401", 9),  # a quote not closed
        (' tien("a" "b") ', "BC401", 13),  # no comma between two ids
        (' tien("a")) ', "BC401", 13),
        (' tien("a",,"b") ', "BC401", 13),
        (" tien(pl.nc) ", "BC401", 9),  # an id not in quotes
        (' tien("a", True) ', "BC401", 14),
        (" 1 + 1 ", "BC401", 4),  # not a call
        (" tien.mro ", "BC401", 4),
        (' tien("a") | upper ', "BC401", 14),
        (" tien('a' ~ 'b') ", "BC401", 13),
        (" tien(*['x']) ", "BC401", 9),
        (' tien("a", thap_phan=) ', "BC401", 24),
        ("((((((((((((((((((((((((((((((((((((((((((((((((((", "BC401", 3),  # never too deep
        # a function that is none of the four
        (' tein("pl.nc") ', "BC402", 4),
        (" range(10) ", "BC402", 4),
        (' tiền("a") ', "BC402", 4),
        # ids, unit and decimals out of order, or missing
        (" tien() ", "BC403", 9),
        (" tien(2) ", "BC403", 10),
        (' tien("tỷ") ', "BC403", 9),
        (' tien("a", "tỷ", "b") ', "BC403", 20),
        (' tien("a", "tỷ", "triệu") ', "BC403", 20),
        (' tien("a", 2, "tỷ") ', "BC403", 14),
        (' tien("a", 2, thap_phan=2) ', "BC403", 14),
        (' tien("a", thap_phan=2, "b") ', "BC403", 27),
        (' tien("a", thap_phan=1, thap_phan=2) ', "BC403", 27),
        (' tien("a", thap_phan=12) ', "BC403", 24),
        (' tien("a", 1.5) ', "BC403", 14),
        (' tien("a", thap_phan="2") ', "BC403", 24),
        (' tien("a", cot=1) ', "BC403", 14),
        # ids that break the id rule: at their first character
        (' tien("Pl.NC") ', "BC404", 10),
        (' tien("a", " b c") ', "BC404", 16),
        (' tien("") ', "BC404", 10),
        (' tien("*") ', "BC404", 10),
        (' tien("pl.*") ', "BC404", 10),
        (' tien("pl.iv(0)") ', "BC404", 10),
        (' tien("de-xuat(2)") ', "BC404", 10),
        (' tien("../ke-hoach:kp.tong") ', "BC404", 10),
        (' tien(":kp.tong") ', "BC404", 10),
        (' tien("ke-hoach:a:b") ', "BC404", 10),
        (' tien("a\\"b") ', "BC401", 14),  # no escapes: "a\\" is an id, the last quote unclosed
    ],
)
def test_what_cannot_be_read_has_its_code_and_column(inside: str, code: str, column: int) -> None:
    assert misread(inside) == (code, column)


def test_an_invalid_id_suggests_the_valid_one_it_looks_like() -> None:
    with pytest.raises(Misread) as caught:
        read(' tien("Pl.NC", "ke-hoach:Nv-*") ')
    assert "“pl.nc”" in caught.value.message
    with pytest.raises(ValueError, match="“ke-hoach:nv-\\*”"):
        read_id("ke-hoach:Nv-*")


def test_an_unknown_function_suggests_the_closest() -> None:
    with pytest.raises(Misread) as caught:
        read(' tein("a") ')
    assert caught.value.code is codes.UNKNOWN_FUNCTION and "“tien”" in caught.value.message


@pytest.mark.parametrize(
    ("typed", "key", "terms", "problem"),
    [
        ("{#de-xuat}", "de-xuat", [], None),
        ("{# tong = nv-* }", "tong", ["nv-*"], None),
        ("{#tong=a+b + pl.kh(2)}", "tong", ["a", "b", "pl.kh(2)"], None),
        ("{#tong = ke-hoach:kp.tong}", "tong", ["ke-hoach:kp.tong"], None),
        ("{#Tong}", None, [], ("BC404", 3)),
        ("{#}", None, [], ("BC404", 1)),
        ("{#pl cot=2}", None, [], ("BC404", 3)),
        ("{#tong = }", "tong", [], ("BC406", 8)),
        ("{#tong = a + }", "tong", [], ("BC406", 12)),
        ("{#tong = a + B}", "tong", [], ("BC404", 14)),
    ],
)
def test_a_tag_reads_as_its_key_and_terms(
    typed: str, key: str | None, terms: list[str], problem: tuple[str, int] | None
) -> None:
    tag, misread_tag = read_tag(typed, at)
    assert (tag.key, [str(t) for t in tag.terms], tag.text) == (key, terms, typed)
    found = None if misread_tag is None else (misread_tag.code.code, misread_tag.offset + 1)
    assert found == problem


# ---- every text: read, or refused with a code and a place inside it; never an exception ----

PIECES = [
    "tien", "so", "chu", "tien_chu", "tienx", "(", ")", ",", " ", "\n", "\t", "\u00a0",
    '"pl.csdl"', "'pl.tong(4)'", '"tỷ"', '"a,b"', "\"it's\"", "'a\"b'", '"{x}"', '"a\\"b"',
    "thap_phan", "=", "thap_phan=2", "0", "2", "07", "00", "10", "1.5", "-1", "1e3", "1_0",
    '"', "'", "x", "*", "|", "[0]", ".a", "True", "none", "“", "”", '"nv-*"', '"k:x"',
]  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
@example('tien_chu("pl.a", "pl.b", "tỷ", thap_phan=2)')
def test_any_text_is_read_or_refused_at_a_character_of_it(inside: str) -> None:
    typed = "{{" + inside + "}}"
    try:
        citation = read_citation(typed, at)
    except Misread as exc:
        assert exc.code.code in ("BC401", "BC402", "BC403", "BC404")
        assert 0 <= exc.offset < len(typed) and exc.message
        return
    assert citation.ids and citation.function in ("tien", "so", "chu", "tien_chu")


SPACE = st.sampled_from(["", " ", "\n", "\t", "\u00a0", "\u2003", " \n  "])


@settings(max_examples=500, deadline=None)
@given(st.lists(SPACE, min_size=12, max_size=12))
def test_spaces_and_line_ends_between_the_parts_change_nothing(spaces: list[str]) -> None:
    parts = ["tien_chu", "(", '"pl.a"', ",", '"ke-hoach:b"', ",", '"tỷ"', ",", "thap_phan", "=",
             "2", ")"]  # fmt: skip
    inside = "".join(s + p for s, p in zip(spaces, parts, strict=True)) + " "
    citation = read(inside)
    assert (citation.function, citation.ids, citation.unit, citation.decimals) == (
        "tien_chu",
        (CitedId("pl.a"), CitedId("b", "ke-hoach")),
        TY,
        2,
    )
