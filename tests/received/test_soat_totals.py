"""Totals across received prose, worked out once per section (soat.prose._Stretch): the same
answers as weighing each total against each grouping of its section (`_groups`), and the same
sections, siblings and stated totals as their definitions, on hand-made and random documents."""

from __future__ import annotations

import random
from decimal import Decimal, localcontext
from pathlib import Path

import pytest

from baocao import codes
from baocao.received.read.blocks import Paragraph, Received
from baocao.received.read.text import read_text
from baocao.received.soat.prose import (
    SENTENCE,
    TOTAL,
    _groups,
    _Outline,
    _previous_siblings,
    _sections,
    _stated_total,
    _Text,
    _texts,
    check_prose,
)

WORDS = ("Một", "Hai", "Ba", "Bốn", "Năm")
HEADINGS = (
    "I. KINH PHÍ",
    "II. NGUỒN VỐN",
    "1. Chi thường xuyên",
    "2. Chi đầu tư",
    "1.1. Mua sắm",
    "a) Sửa chữa",
    "b) Khác",
    "PHẦN I. CHUNG",
    "Phụ lục",
    "Nơi nhận:",
)


def warnings(text: str) -> list[tuple[int, int]]:
    """(line, column) of each total that adds up to no grouping of its section."""
    found = check_prose(read_text(Path("t.txt"), text, markdown=False)).problems
    assert all(p.code == codes.STATED_TOTAL for p in found if p.warning)
    return [(p.position.line, p.position.column) for p in found if p.warning]


def test_a_total_is_no_grouping_of_its_own_and_its_run_goes_without_it() -> None:
    # the "-" run adds up to the total once the total's own item is left out of it
    assert not warnings(
        "I. KINH PHÍ\n\nChi khác: 5.000.000 đồng.\n\n- Chi a: 1.000.000 đồng;\n"
        "- Tổng cộng các khoản là 3.000.000 đồng;\n- Chi b: 2.000.000 đồng;\n"
    )
    # its own paragraph states 3.000.000 đồng: that is no grouping of other amounts
    assert warnings(
        "I. KINH PHÍ\n\nChi a: 1.000.000 đồng.\n\nChi b: 1.000.000 đồng.\n\n"
        "Tổng cộng là 3.000.000 đồng, chi trong năm 3.000.000 đồng.\n"
    ) == [(7, 14)]  # at the total's figure, the first after its words
    # a run of the total alone is no grouping once it is left out: nothing comes to 0 đồng
    assert warnings(
        "I. KINH PHÍ\n\nChi a: 1.000.000 đồng.\n\nChi b: 2.000.000 đồng.\n\n"
        "- Tổng cộng còn lại: 0 đồng;\n"
    ) == [(7, 22)]


def test_a_section_that_states_its_total_alone_is_weighed_against_the_one_before() -> None:
    text = (
        "I. CHI\n\nChi a: 1.000.000 đồng.\n\nChi b: 2.000.000 đồng.\n\n"
        "II. KINH PHÍ\n\nTổng kinh phí: {}.000.000 đồng.\n"
    )
    assert warnings(text.format(4)) == [(9, 16)]
    assert warnings(text.format(3)) == []  # 1 + 2, the items of "I. CHI"


def amount(pick: random.Random) -> str:
    value = pick.choice([0, 1, 2, 3, 4, 5, 6, 10])
    if pick.random() < 0.08:  # decimals that a large figure leaves no room for in 28 digits
        return f"{value},{pick.choice(['5', '25', '000000000000001'])} đồng"
    if pick.random() < 0.04:
        return "999.999.999.999.999.999,99999999999 đồng"
    words = f" ({WORDS[value % 5]} triệu đồng)" if pick.random() < 0.3 else ""
    return f"{value}.000.000 đồng{words}"


def line(pick: random.Random) -> str:
    money = amount(pick)
    marker = pick.choice(["-", "+", "1.", "2.", "a)", "b)"])
    return pick.choice(
        [
            pick.choice(HEADINGS),
            f"Tổng kinh phí: {money}" + pick.choice(["", ", gồm:", ".", "; trong đó:"]),
            f"Tổng cộng là {money}.",
            f"Tổng số hộ là 25. Kinh phí {money}",
            f"{marker} {pick.choice(['Mua máy', 'Sửa nhà', 'Tập huấn'])}: {money};",
            f"{marker} Tổng cộng mục này: {money};",
            f"{marker} Khoản {pick.randint(1, 3)} gồm: {money}:",
            f"Nội dung: {pick.choice(['Mua máy', 'Sửa nhà'])}",
            f"Kinh phí đề xuất: {money}.",
            f"{pick.choice(['Mua máy', 'Sửa nhà', 'Tập huấn'])}: {money}.",
            f"Văn bản thường, trong đó có {money}",
            "",
            "",
        ]
    )


def random_texts(seed: int) -> list[_Text]:
    pick = random.Random(seed)
    text = "\n".join(line(pick) for _ in range(pick.randint(1, 60))) + "\n"
    return _texts(read_text(Path("t.txt"), text, markdown=pick.random() < 0.3))


@pytest.mark.parametrize("seed", range(400))
def test_a_stretch_answers_as_its_groupings_do(seed: int) -> None:
    texts = random_texts(seed)
    outline = _Outline(texts, _sections(texts))
    for n, section in enumerate(outline.sections):
        stretch = outline.stretch(n)
        assert list(stretch.items) == [
            m
            for j in range(section[0] + 1, section[1])
            if not texts[j].level and texts[j].total is None
            for m in texts[j].items
        ]
        for k, text in enumerate(texts):  # every total, in the section or past it (a sibling's)
            if text.total is None:
                continue
            total = text.total[1].amount.dong
            groups = _groups(texts, section, k, outline.sections)
            expected = any(sum((m.amount.dong for m in g), Decimal(0)) == total for g in groups)
            assert stretch.adds_up(k, total) == expected, (seed, section, k)
            for group in groups:  # and each grouping's own sum, which adds up by definition
                stated = sum((m.amount.dong for m in group), Decimal(0))
                if stretch.exact:
                    assert stretch.adds_up(k, stated)


def test_sums_that_might_round_are_asked_of_the_groupings() -> None:
    texts = _texts(
        read_text(
            Path("t.txt"),
            "I. KINH PHÍ\n\nChi a: 999.999.999.999.999.999 đồng.\n\nChi b: 0,0000000001 đồng.\n\n"
            "Chi c: 1.000.000 đồng.\n\nTổng cộng là 1.000.000 đồng.\n",
            markdown=False,
        )
    )
    outline = _Outline(texts, _sections(texts))
    stretch = outline.stretch(0)
    assert not stretch.exact  # 28 digits cannot hold 999…999,0000000001
    assert stretch.adds_up(4, Decimal(1000000))  # "Chi c" alone
    assert not stretch.adds_up(4, Decimal(7))
    with localcontext() as context:
        context.prec = 40
        assert _Outline(texts, _sections(texts)).stretch(0).exact


@pytest.mark.parametrize("seed", range(200))
def test_sections_and_siblings_are_as_defined(seed: int) -> None:
    pick = random.Random(seed)
    texts = random_texts(seed)
    for text in texts:  # deeper outlines than the numbering gives
        if text.level:
            text.level = pick.randint(1, 6)
    sections = _sections(texts)
    headings = [k for k, text in enumerate(texts) if text.level]
    assert sections == [
        (
            k,
            next(
                (j for j in range(k + 1, len(texts)) if 0 < texts[j].level <= texts[k].level),
                len(texts),
            ),
            texts[k].level,
        )
        for k in headings
    ]
    for n, sibling in enumerate(_previous_siblings(sections)):
        expected = None
        for m in reversed(range(n)):
            if sections[m][2] <= sections[n][2]:
                expected = m if sections[m][2] == sections[n][2] else None
                break
        assert sibling == expected


@pytest.mark.parametrize("seed", range(200))
def test_a_stated_total_is_the_first_amount_after_its_words_in_their_sentence(seed: int) -> None:
    pick = random.Random(seed)
    parts = [
        pick.choice(["Tổng cộng", "tổng số", "Tổng kinh phí", "chi", "là", "25 hộ", amount(pick)])
        + pick.choice([" ", ". ", "; ", "\n", ", "])
        for _ in range(pick.randint(1, 30))
    ]
    (text,) = _texts(Received(Path("t.txt"), "text", (Paragraph(1, "".join(parts)),)))
    expected = None
    words = text.paragraph.text
    for match in TOTAL.finditer(words):
        stop = SENTENCE.search(words, match.end())
        end = stop.start() if stop else len(words)
        following = [m for m in text.mentions if match.end() <= m.start < end]
        if following:
            expected = (" ".join(match.group(0).split()), following[0])
            break
    assert _stated_total(text) == expected
