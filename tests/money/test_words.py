"""Numbers in words both ways, checked against the rules R1–R13 of docs/number-words.md."""

from __future__ import annotations

import itertools
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baocao.money.words import (
    WordsError,
    WordsIssue,
    WordsStyle,
    amount_in_words,
    read_number,
    read_words,
    scaled_in_words,
)


def parse_words(text: str) -> Decimal:
    """The number words state, as `baocao words --parse` reads it: any form the convention
    writes or lists as a variant; WordsError naming every error."""
    reading = read_words(text)
    if reading.errors:
        raise WordsError(text, "; ".join(str(i) for i in reading.errors))
    return reading.value


# Every example of the convention's table, R1–R11, as the document writes it.
CONVENTION = [
    (10, "mười"),  # R1
    (20, "hai mươi"),
    (110, "một trăm mười"),
    (21, "hai mươi mốt"),  # R2
    (11, "mười một"),
    (101, "một trăm linh một"),
    (15, "mười lăm"),  # R3
    (25, "hai mươi lăm"),
    (105, "một trăm linh năm"),
    (24, "hai mươi tư"),  # R4
    (14, "mười bốn"),
    (104, "một trăm linh bốn"),
    (305, "ba trăm linh năm"),  # R5
    (1_005, "một nghìn không trăm linh năm"),  # R6
    (1_010, "một nghìn không trăm mười"),
    (523_056, "năm trăm hai mươi ba nghìn không trăm năm mươi sáu"),
    (1_005_000, "một triệu không trăm linh năm nghìn"),
    (1_000_005, "một triệu không trăm linh năm"),  # R7
    (1_000_100, "một triệu một trăm"),
    (1_000_000_070, "một tỷ không trăm bảy mươi"),
    (10**12, "một nghìn tỷ"),  # R9
    (10**15, "một triệu tỷ"),
    (10**18, "một tỷ tỷ"),
    (1_005_000_000_000, "một nghìn không trăm linh năm tỷ"),
    (0, "không"),  # R10
    (-1_005, "âm một nghìn không trăm linh năm"),
]

DECIMALS = [  # R11
    (Decimal("2.35"), "hai phẩy ba mươi lăm"),
    (Decimal("1.05"), "một phẩy không năm"),
    (Decimal("0.032"), "không phẩy không trăm ba mươi hai"),
]

DOCUMENT = [  # R12, and the two amounts of the issue
    (10_960_000_000, "Mười tỷ, chín trăm sáu mươi triệu đồng"),
    (1_000_000_005, "Một tỷ, không trăm linh năm đồng"),
    (1_005_000, "Một triệu, không trăm linh năm nghìn đồng"),
    (160_000_000, "Một trăm sáu mươi triệu đồng"),
    (1_000_000_000, "Một tỷ đồng"),
    (11_170_000_000, "Mười một tỷ, một trăm bảy mươi triệu đồng"),
]


@pytest.mark.parametrize(("n", "words"), CONVENTION)
def test_convention_examples_both_ways(n: int, words: str) -> None:
    assert read_number(n) == words
    assert parse_words(words) == n


@pytest.mark.parametrize(("n", "words"), DECIMALS)
def test_decimal_examples_both_ways(n: Decimal, words: str) -> None:
    assert read_number(n) == words
    assert parse_words(words) == n


@pytest.mark.parametrize(("n", "words"), DOCUMENT)
def test_document_form_both_ways(n: int, words: str) -> None:
    assert amount_in_words(n) == words
    assert amount_in_words(Decimal(n)) == words
    assert parse_words(words) == n


# Written out by hand from R1–R12, beyond the table's own examples.
MORE = [
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (9, "chín"),
    (31, "ba mươi mốt"),
    (44, "bốn mươi tư"),
    (55, "năm mươi lăm"),
    (100, "một trăm"),
    (1_000, "một nghìn"),
    (1_001, "một nghìn không trăm linh một"),
    (1_100, "một nghìn một trăm"),
    (10_000, "mười nghìn"),
    (15_000, "mười lăm nghìn"),
    (21_021, "hai mươi mốt nghìn không trăm hai mươi mốt"),
    (100_000, "một trăm nghìn"),
    (10**9, "một tỷ"),
    (10**14, "một trăm nghìn tỷ"),
    (10**16, "mười triệu tỷ"),
    (10**21, "một nghìn tỷ tỷ"),
    (1_000_000_000_005, "một nghìn tỷ không trăm linh năm"),
    (1_005_000_000_000_000_000, "một tỷ không trăm linh năm triệu tỷ"),
    (2_000_000_001_000_000_000, "hai tỷ không trăm linh một tỷ"),
    (10**18 + 5, "một tỷ tỷ không trăm linh năm"),
    (-1, "âm một"),
]


@pytest.mark.parametrize(("n", "words"), MORE)
def test_more_hand_checked_readings(n: int, words: str) -> None:
    assert read_number(n) == words
    assert parse_words(words) == n


# num2words `vi` 0.5.14 and other packages get these wrong (see the convention's last paragraph).
def test_num2words_defects_do_not_recur() -> None:
    # omits "không trăm"
    assert read_number(1_005_000) == "một triệu không trăm linh năm nghìn"
    # same words for 10^14 and 10^15
    assert read_number(10**14) != read_number(10**15)
    assert read_number(10**15) == "một triệu tỷ"
    # goes through float: 2^53 + 1 loses its last digit
    assert read_number(2**53 + 1) == (
        "chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ "
        "hai trăm năm mươi tư triệu bảy trăm bốn mươi nghìn chín trăm chín mươi ba"
    )
    big = 123_456_789_012_345_678_901
    assert parse_words(read_number(big)) == big
    # −1 read as "mười chín"
    assert read_number(-1) == "âm một"
    # 1.05 read as "một phẩy năm"
    assert read_number(Decimal("1.05")) == "một phẩy không năm"
    # other packages: "lẽ", dropped minus signs, crashes from 10^16
    assert "lẽ" not in read_number(105, WordsStyle(le=True))
    assert read_number(-(10**16)) == "âm mười triệu tỷ"


def test_decimal_forms() -> None:
    assert read_number(Decimal("0.5")) == "không phẩy năm"
    assert read_number(Decimal("2.50")) == "hai phẩy năm"  # trailing zeros dropped
    assert read_number(Decimal("2.00")) == "hai"
    assert read_number(Decimal("3.14")) == "ba phẩy mười bốn"
    assert read_number(Decimal("3.24")) == "ba phẩy hai mươi tư"
    assert read_number(Decimal("3.21")) == "ba phẩy hai mươi mốt"
    assert read_number(Decimal("3.105")) == "ba phẩy một trăm linh năm"
    assert read_number(Decimal("3.005")) == "ba phẩy không trăm linh năm"
    assert read_number(Decimal("3.1234")) == "ba phẩy một hai ba bốn"
    assert read_number(Decimal("0.0005")) == "không phẩy không không không năm"
    assert read_number(Decimal("-0.5")) == "âm không phẩy năm"
    assert read_number(Decimal("-0.00")) == "không"
    assert read_number(Decimal("1E+3")) == "một nghìn"
    assert amount_in_words(Decimal("1500.5")) == "Một nghìn, năm trăm phẩy năm đồng"


def test_read_number_refuses_float_and_non_finite() -> None:
    with pytest.raises(TypeError):
        read_number(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        read_number(True)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        read_number(Decimal("NaN"))


# ----------------------------------------------------------------------------------------------
# Options


def test_each_option() -> None:
    n = 1_104_024_005_000
    assert read_number(n) == (
        "một nghìn một trăm linh bốn tỷ không trăm hai mươi tư triệu không trăm linh năm nghìn"
    )
    assert read_number(n, WordsStyle.parse("le")) == (
        "một nghìn một trăm lẻ bốn tỷ không trăm hai mươi tư triệu không trăm lẻ năm nghìn"
    )
    assert read_number(n, WordsStyle.parse("bon")) == (
        "một nghìn một trăm linh bốn tỷ không trăm hai mươi bốn triệu không trăm linh năm nghìn"
    )
    assert read_number(n, WordsStyle.parse("ngan,ti")) == (
        "một ngàn một trăm linh bốn tỉ không trăm hai mươi tư triệu không trăm linh năm ngàn"
    )


def test_document_options() -> None:
    n = 10_960_000_000
    assert amount_in_words(n, WordsStyle.parse("khong-phay")) == (
        "Mười tỷ chín trăm sáu mươi triệu đồng"
    )
    assert amount_in_words(n, WordsStyle.parse("chan")) == (
        "Mười tỷ, chín trăm sáu mươi triệu đồng chẵn"
    )
    assert amount_in_words(1_005_000, WordsStyle.parse("le,ngan,ti,khong-phay,chan")) == (
        "Một triệu không trăm lẻ năm ngàn đồng chẵn"
    )
    assert amount_in_words(Decimal("0.5"), WordsStyle(chan=True)) == "Không phẩy năm đồng"
    assert amount_in_words(0) == "Không đồng"
    assert amount_in_words(-1_005_000) == "Âm một triệu, không trăm linh năm nghìn đồng"


def test_plain_reading_never_has_commas_chan_or_currency() -> None:
    style = WordsStyle.parse("chan")
    assert read_number(10_960_000_000, style) == "mười tỷ chín trăm sáu mươi triệu"


def test_document_commas_only_at_top_level() -> None:
    # The number of tỷ is one part: no comma inside "một nghìn không trăm linh năm tỷ".
    assert amount_in_words(1_005_200_000_000) == (
        "Một nghìn không trăm linh năm tỷ, hai trăm triệu đồng"
    )
    assert (
        amount_in_words(10**18 + 10**9 + 7)
        == "Một tỷ không trăm linh một tỷ, không trăm linh bảy đồng"
    )


@pytest.mark.parametrize(
    ("options", "style"),
    [
        ("", WordsStyle()),
        ("le", WordsStyle(le=True)),
        ("le,bon,ngan,ti,khong-phay,chan", WordsStyle(True, True, True, True, False, True)),
        (" LE , Ngan ", WordsStyle(le=True, ngan=True)),
        ("lẻ,bốn,ngàn,tỉ,không phẩy,chẵn", WordsStyle(True, True, True, True, False, True)),
        ("khong_phay", WordsStyle(commas=False)),
    ],
)
def test_style_parse(options: str, style: WordsStyle) -> None:
    assert WordsStyle.parse(options) == style
    assert WordsStyle.from_options(style.names) == style


def test_style_parse_rejects_unknown_listing_names() -> None:
    with pytest.raises(ValueError) as caught:
        WordsStyle.parse("le,nam-bo")
    message = str(caught.value)
    assert "“nam-bo”" in message
    for name in ("le", "bon", "ngan", "ti", "khong-phay", "chan"):
        assert name in message


@pytest.mark.parametrize(
    ("value", "style"),
    [
        (None, WordsStyle()),
        ("le, ngan", WordsStyle(le=True, ngan=True)),
        (["ti", "chan"], WordsStyle(ti=True, chan=True)),
        ({"le": True, "khong-phay": True, "bon": False}, WordsStyle(le=True, commas=False)),
        ([], WordsStyle()),
    ],
)
def test_style_from_front_matter(value: object, style: WordsStyle) -> None:
    assert WordsStyle.from_front_matter(value) == style


@pytest.mark.parametrize(
    "value", [42, True, ["le", 3], {"le": "có"}, {"xyz": False}, "le,xyz", {1: True}]
)
def test_style_from_front_matter_rejects(value: object) -> None:
    with pytest.raises(ValueError, match=r"chu_so|cách đọc số"):
        WordsStyle.from_front_matter(value)


styles = st.builds(
    WordsStyle,
    le=st.booleans(),
    bon=st.booleans(),
    ngan=st.booleans(),
    ti=st.booleans(),
    commas=st.booleans(),
    chan=st.booleans(),
)
up_to_10_21 = st.one_of(
    st.integers(min_value=-(10**21), max_value=10**21),
    # numbers full of zero groups, where "không trăm" and skipped groups matter
    st.lists(st.sampled_from([0, 0, 0, 1, 4, 5, 10, 15, 21, 24, 100, 105, 999]), max_size=7).map(
        lambda groups: sum(g * 1000**i for i, g in enumerate(groups))
    ),
)


@given(up_to_10_21, styles)
@settings(max_examples=400)
def test_round_trip_plain(n: int, style: WordsStyle) -> None:
    assert parse_words(read_number(n, style)) == n


@given(up_to_10_21, styles)
@settings(max_examples=400)
def test_round_trip_document(n: int, style: WordsStyle) -> None:
    assert parse_words(amount_in_words(n, style)) == n


@given(
    st.integers(min_value=-(10**21), max_value=10**21),
    st.integers(min_value=0, max_value=12),
    styles,
)
@settings(max_examples=400)
def test_round_trip_decimals(n: int, scale: int, style: WordsStyle) -> None:
    value = Decimal(n).scaleb(-scale)
    assert parse_words(read_number(value, style)) == value
    assert parse_words(amount_in_words(value, style)) == value


@given(st.integers(min_value=-(10**24), max_value=10**24), styles)
def test_options_change_only_their_words(n: int, style: WordsStyle) -> None:
    plain = read_number(n).split()
    styled = read_number(n, style).split()
    assert len(plain) == len(styled)
    for before, (i, after) in zip(plain, enumerate(styled), strict=True):
        expected = {
            "linh": "lẻ" if style.le else "linh",
            "nghìn": "ngàn" if style.ngan else "nghìn",
            "tỷ": "tỉ" if style.ti else "tỷ",
            "tư": "bốn" if style.bon else "tư",
        }.get(before, before)
        assert after == expected, (i, plain, styled)


@given(st.integers(min_value=-(10**24), max_value=10**24), styles)
def test_writer_never_uses_r13_forms(n: int, style: WordsStyle) -> None:
    words = amount_in_words(n, style).replace(",", "").split()
    assert not {"nhăm", "hăm", "băm", "bẩy", "lẽ"} & set(words)
    assert words[1:] == [w.lower() for w in words[1:]]  # no Title Case
    assert words[0] == words[0].capitalize()
    lowered = [w.lower() for w in words]
    for before, word in itertools.pairwise(lowered):
        assert (before, word) != ("mười", "tư")
        if word == "mốt":
            assert before == "mươi"  # R2, and never "hai mốt"
        if word == "tư":
            assert before == "mươi"  # R4
        if word == "lăm":
            assert before in ("mười", "mươi")  # R3
        if word == "mươi":
            assert before in ("hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def test_ambiguity_of_the_convention_above_10_21() -> None:
    # R9 reads 10^21 + 5·10^9 with the very words the convention gives as the informal form of
    # 1.005.000.000.000; the reader follows the convention's example.
    assert read_number(10**21 + 5 * 10**9) == "một nghìn tỷ không trăm linh năm tỷ"
    assert parse_words("một nghìn tỷ không trăm linh năm tỷ") == 1_005_000_000_000


# ----------------------------------------------------------------------------------------------
# Reading hand-typed words


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the informal forms the convention lists
        ("một nghìn linh một", 1_001),
        ("một nghìn mười", 1_010),
        ("hai mươi nhăm", 25),
        ("một nghìn tỷ không trăm linh năm tỷ", 1_005_000_000_000),
        ("một triệu tỷ hai nghìn tỷ ba tỷ", 1_002_003_000_000_000),
        ("một tỷ hai triệu", 1_002_000_000),  # a lone digit right before its scale word
        ("một tỷ không trăm linh hai triệu", 1_002_000_000),
        ("một nghìn lẻ năm", 1_005),
        ("một nghìn hai mươi", 1_020),
        ("mười nhăm", 15),
        ("hai mươi một", 21),  # a variant: a warning from read_words, not an error
        # variants of every option
        ("một trăm lẻ năm", 105),
        ("hai mươi bốn", 24),
        ("một ngàn không trăm linh một", 1_001),
        ("một tỉ", 10**9),
        ("Mười tỷ chín trăm sáu mươi triệu đồng", 10_960_000_000),
        ("Mười tỷ, chín trăm sáu mươi triệu đồng chẵn", 10_960_000_000),
        ("Mười tỷ, chín trăm sáu mươi triệu chẵn", 10_960_000_000),
        # labels, parentheses, dots, case, decomposed letters
        ("Bằng chữ: Mười một tỷ, một trăm bảy mươi triệu đồng", 11_170_000_000),
        ("Bằng chữ: Mười một tỷ, một trăm bảy mươi triệu đồng.", 11_170_000_000),
        ("(Một tỷ đồng)", 10**9),
        ("(Một tỷ đồng).", 10**9),
        ("(Bằng chữ: Một tỷ đồng chẵn./.)", 10**9),
        ("Số tiền viết bằng chữ: Một trăm sáu mươi triệu đồng", 160_000_000),
        ("MƯỜI TỶ, CHÍN TRĂM SÁU MƯƠI TRIỆU ĐỒNG", 10_960_000_000),
        (unicodedata.normalize("NFD", "Một triệu, không trăm linh năm nghìn đồng"), 1_005_000),
        ("  một   trăm,mười  ", 110),
        ("Âm một nghìn không trăm linh năm đồng", -1_005),
        ("âm không phẩy năm", Decimal("-0.5")),
        ("hai phẩy ba năm", Decimal("2.35")),  # digit by digit
        ("không", 0),
        ("Không đồng", 0),
    ],
)
def test_parse_words_accepts(text: str, value: int | Decimal) -> None:
    assert parse_words(text) == value


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "không có chữ số"),
        ("đồng", "không có chữ số"),
        ("Bằng chữ:", "không có chữ số"),
        ("abc", "“abc” không phải từ chỉ số"),
        ("một tỷ đô", "“đô”"),
        ("mot ty", "“mot”"),
        # R13
        ("hai mươi hăm", "R13"),
        ("băm mươi", "R13"),
        ("hai mốt", "viết “hai mươi mốt”"),
        ("mười tư", "viết “mười bốn”"),
        ("một trăm lẽ năm", "R13"),
        ("bẩy", "viết “bảy”"),
        # R2–R5 wrong forms
        ("mười mốt", "R2"),
        ("mười năm", "R3"),
        ("một trăm linh lăm", "R2, R3"),
        ("một trăm linh tư", "R4"),
        ("một mươi", "R1"),
        # what speech abbreviates and a reader could take two ways
        ("một trăm năm", "linh năm"),  # 150 in speech
        ("một tỷ năm", "không trăm linh năm"),  # 1,5 tỷ in speech
        ("một trăm tư", "R2–R4"),  # 140 in speech
        # R6, R7
        ("không trăm năm mươi", "R6"),
        ("một nghìn không trăm", "R7"),
        ("một triệu không trăm nghìn", "R7"),
        # structure
        ("nghìn", "thiếu số trước “nghìn”"),
        ("tỷ đồng", "thiếu số trước “tỷ”"),
        ("một nghìn hai triệu", "sai chỗ"),
        ("một nghìn nghìn", "sai chỗ"),
        ("một hai", "không hiểu"),
        ("hai mươi lăm ba", "thừa"),
        ("một trăm linh", "đúng một chữ số"),
        ("phẩy năm", "thiếu phần nguyên"),
        ("hai phẩy", "thiếu chữ số sau “phẩy”"),
        ("một phẩy hai phẩy ba", "hai chữ “phẩy”"),
        ("một âm", "“âm” chỉ đứng đầu"),
        ("âm", "thiếu phần nguyên"),
    ],
)
def test_parse_words_rejects_with_reason(text: str, reason: str) -> None:
    with pytest.raises(WordsError) as caught:
        parse_words(text)
    message = str(caught.value)
    assert message.startswith(f"“{text}” không đọc được thành số: ")
    assert reason in message


def test_words_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_words("xyz")


# ----------------------------------------------------------------------------------------------
# Every problem of a phrase, errors told from variants (docs/number-words.md, "The reader")

ISSUE_EXAMPLE = (
    "Chín mươi một tỷ, bốn trăm tám mươi mốt triệu, sáu trăm bốn mươi nghìn, "
    "một trăm bốn mươi năm đồng"
)


def test_every_problem_of_the_issue_example_each_with_its_correct_reading() -> None:
    reading = read_words(ISSUE_EXAMPLE)
    assert reading.value == 91_481_640_145  # each problem read as meant
    assert reading.errors == (
        WordsIssue(
            "một trăm bốn mươi năm",
            "sau “mươi” viết “lăm”, không viết “năm” (R3)",
            "một trăm bốn mươi lăm",
        ),
    )
    assert reading.variants == (
        WordsIssue("chín mươi một", "sau “mươi” viết “mốt” (R2)", "chín mươi mốt", variant=True),
    )
    with pytest.raises(WordsError) as caught:
        parse_words(ISSUE_EXAMPLE)  # the error is reported, the variant only by read_words
    assert "viết “một trăm bốn mươi lăm”" in str(caught.value)
    assert "mốt" not in caught.value.reason


@pytest.mark.parametrize(
    ("text", "style", "value", "typed", "correct"),
    [
        ("hai mươi một", "", 21, "hai mươi một", "hai mươi mốt"),
        ("hai mươi nhăm", "", 25, "hai mươi nhăm", "hai mươi lăm"),
        ("hai mươi bốn", "", 24, "hai mươi bốn", "hai mươi tư"),
        ("hai mươi tư", "bon", 24, "hai mươi tư", "hai mươi bốn"),
        ("một trăm lẻ năm", "", 105, "lẻ", "linh"),
        ("một trăm linh năm", "le", 105, "linh", "lẻ"),
        ("một ngàn", "", 1_000, "ngàn", "nghìn"),
        ("một nghìn", "ngan", 1_000, "nghìn", "ngàn"),
        ("một tỉ", "", 10**9, "tỉ", "tỷ"),
        ("một tỷ", "ti", 10**9, "tỷ", "tỉ"),
        ("một nghìn linh một", "", 1_001, "linh một", "không trăm linh một"),
        ("một tỷ hai triệu", "", 1_002_000_000, "hai triệu", "không trăm linh hai triệu"),
        (
            "một nghìn tỷ không trăm linh năm tỷ",
            "",
            1_005_000_000_000,
            "một nghìn tỷ không trăm linh năm tỷ",
            "một nghìn không trăm linh năm tỷ",
        ),
    ],
)
def test_variants_are_read_and_name_the_documents_form(
    text: str, style: str, value: int, typed: str, correct: str
) -> None:
    reading = read_words(text, WordsStyle.parse(style))
    assert reading.value == value
    assert reading.errors == ()
    assert [(i.typed, i.correct) for i in reading.variants] == [(typed, correct)]
    assert parse_words(text) == value  # a variant never stops anything


@pytest.mark.parametrize(
    ("text", "value", "correct"),
    [
        ("hai mươi năm", 25, "hai mươi lăm"),  # "twenty years" as much as 25
        ("mười năm", 15, "mười lăm"),
        ("mười mốt", 11, "mười một"),
        ("mười tư", 14, "mười bốn"),
        ("một mươi", 10, "mười"),
        ("hai mốt", 21, "hai mươi mốt"),
        ("hăm", 20, "hai mươi"),
        ("bẩy", 7, "bảy"),
        ("một trăm lẽ năm", 105, "linh"),
        ("một trăm linh tư", 104, "một trăm linh bốn"),
        ("một trăm linh lăm", 105, "một trăm linh năm"),
        ("một trăm năm", 105, "một trăm linh năm"),  # or 150: both are named
        ("một tỷ năm", 1_000_000_005, "không trăm linh năm"),
        ("không trăm năm mươi", 50, "năm mươi"),
        ("một triệu không trăm nghìn", 1_000_000, ""),  # "" : leave the words out
    ],
)
def test_errors_are_reported_with_the_correct_reading_and_read_on(
    text: str, value: int, correct: str
) -> None:
    reading = read_words(text)
    assert reading.value == value
    assert [i.correct for i in reading.errors] == [correct]
    with pytest.raises(WordsError):
        parse_words(text)


def test_an_ambiguous_spelling_names_both_readings() -> None:
    (issue,) = read_words("một trăm năm triệu").errors
    assert issue.correct == "một trăm linh năm triệu"
    assert issue.alternative == "một trăm năm mươi triệu"
    assert "105 hoặc 150" in str(issue)


def test_several_problems_in_one_phrase_are_all_reported() -> None:
    reading = read_words("hai mươi một triệu, lẻ tư nghìn, bẩy mươi năm")
    assert reading.value == 21_004_075
    assert [(i.typed, i.correct, i.variant) for i in reading.issues] == [
        ("bẩy", "bảy", False),
        ("hai mươi một triệu", "hai mươi mốt triệu", True),
        ("lẻ", "linh", True),
        ("lẻ tư nghìn", "không trăm linh bốn nghìn", False),
        ("lẻ tư nghìn", "không trăm linh bốn nghìn", True),
        ("bảy mươi năm", "không trăm bảy mươi lăm", False),
        ("bảy mươi năm", "không trăm bảy mươi lăm", True),
    ]
    with pytest.raises(WordsError) as caught:
        read_words("Một trăm đồg, muời triệu")  # unreadable: every unknown word named
    assert "“đồg”" in caught.value.reason
    assert "“muời”" in caught.value.reason


@pytest.mark.parametrize(
    ("text", "value", "exponent"),
    [
        ("chín trăm bảy mươi bảy phẩy bốn mươi lăm tỷ đồng", Decimal(977_450_000_000), 9),
        (
            "mười ba nghìn sáu trăm bốn mươi sáu phẩy hai trăm sáu mươi chín triệu đồng",
            Decimal(13_646_269_000),
            6,
        ),
        ("Một phẩy năm nghìn tỷ đồng", Decimal(1_500_000_000_000), 12),
        ("không phẩy không năm triệu", Decimal(50_000), 6),
        ("hai phẩy ba mươi lăm", Decimal("2.35"), 0),
    ],
)
def test_decimal_words_with_a_scale(text: str, value: Decimal, exponent: int) -> None:
    reading = read_words(text)
    assert (reading.value, reading.exponent, reading.issues) == (value, exponent, ())
    assert str(reading.value) == str(value)  # no exponent notation
    assert parse_words(text) == value


def test_scaled_in_words_writes_what_the_reader_reads() -> None:
    text = scaled_in_words(Decimal("977.45"), 9)
    assert text == "Chín trăm bảy mươi bảy phẩy bốn mươi lăm tỷ đồng"
    assert parse_words(text) == 977_450_000_000
    assert scaled_in_words(Decimal("13646.269"), 6) == (
        "Mười ba nghìn sáu trăm bốn mươi sáu phẩy hai trăm sáu mươi chín triệu đồng"
    )
    assert scaled_in_words(Decimal(5), 0) == "Năm đồng"


@pytest.mark.parametrize(
    "text",
    ["một tỷ tỷ tỷ tỷ", "một " + "tỷ " * 600, "chín trăm " + "nghìn tỷ " * 400 + "đồng"],
)
def test_numbers_of_more_than_30_digits_are_refused(text: str) -> None:
    with pytest.raises(WordsError):
        read_words(text)


@given(up_to_10_21, styles)
@settings(max_examples=300)
def test_the_writers_words_have_no_issue_in_their_own_style(n: int, style: WordsStyle) -> None:
    assert read_words(read_number(n, style), style).issues == ()
    assert read_words(amount_in_words(n, style), style).issues == ()
