"""The sample report as built: the received text whole, numbers consistent, every change noted.

These tests read the DOCX that `build` writes. The appendix sums are checked on the figures printed
in the DOCX, not on the model's own arithmetic; only which row belongs to which is the model's.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

import docx
from baocao.build import resolve_folder
from baocao.money.amount import parse_number
from baocao.money.words import read_words
from baocao.resolve.document import BudgetTable
from conftest import CONTENT, ROOT, SAMPLE

SEED = ROOT / "tests" / "fixtures" / "received" / "bao-cao-nhan-duoc.txt"  # the report as received
NOTE = CONTENT / SAMPLE / "ghi-chu-doi-chieu.md"

# Every difference between the received prose and the build, as (received, built); each pair must be
# in the reconciliation note, so the note and this list cannot drift apart.
CORRECTIONS = [
    ("300.000.000 đồng (Hai trăm triệu đồng)", "300.000.000 đồng (Ba trăm triệu đồng)"),
    (
        "10.960.000.000 đồng (Bằng chữ: Mười tỷ, chín trăm sáu mươi triệu đồng)",
        "11.170.000.000 đồng (Bằng chữ: Mười một tỷ, một trăm bảy mươi triệu đồng)",
    ),
    ("CDS", "CĐS"),
    ("PHÂN BỐ", "PHÂN BỔ"),
    ("tiên bộ", "tiến bộ"),
    ("chú động", "chủ động"),
    ("Nhiệm vụ chuyên tiếp", "Nhiệm vụ chuyển tiếp"),
    (
        "năm 2027 với những nội dung chính sau: của Ủy ban nhân dân xã",
        "năm 2027 của Ủy ban nhân dân xã",
    ),
]
BODY_START = "Thực hiện Công văn số 2778"
BODY_END = "Nơi nhận:"


def normal(text: str) -> str:
    """Text compared the way a reader compares it: Markdown emphasis marks gone, spaces folded."""
    return " ".join(text.replace("*", "").split())


@pytest.fixture(scope="module")
def built(sample_document: docx.document.Document) -> docx.document.Document:
    return sample_document


@pytest.fixture(scope="module")
def body_text(built: docx.document.Document) -> str:
    return "\n".join(normal(p.text) for p in built.paragraphs)


def received_paragraphs() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    body = text[text.index(BODY_START) : text.index(BODY_END)]
    body = body.replace("duy trì, bảo quản\n\nhệ thống", "duy trì, bảo quản hệ thống")  # page break
    return [normal(line) for line in body.splitlines() if line.strip()]


def corrected(paragraph: str) -> str:
    for received, built in CORRECTIONS:
        paragraph = paragraph.replace(received, built)
    return paragraph


def test_every_received_prose_paragraph_is_in_the_docx(body_text: str) -> None:
    paragraphs = received_paragraphs()
    assert len(paragraphs) > 100
    missing = [p for p in paragraphs if corrected(p) not in body_text]
    assert missing == []


def test_every_correction_is_in_the_reconciliation_note() -> None:
    note = normal(NOTE.read_text(encoding="utf-8"))
    for received, built in CORRECTIONS:
        assert received in note and built in note, (received, built)


def test_recipients_and_signer_are_there(built: docx.document.Document) -> None:
    cells = {normal(c.text) for t in built.tables for row in t.rows for c in row.cells}
    text = "\n".join(cells)
    for line in ("Sở Khoa học và Công nghệ (b/c);", "Lưu: VT, VHXH.", "TM. ỦY BAN NHÂN DÂN",
                 "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đoàn Văn Cát"):  # fmt: skip
        assert line in text


# "1.000.000.000 đồng (Một tỷ đồng)": words hold no digits, unlike "(Theo Kế hoạch số 234/…)".
AMOUNT_IN_WORDS = re.compile(r"([\d.]+) đồng \((?:Bằng chữ: )?([^()\d]+?)\)")


def test_every_amount_in_words_agrees_with_its_figures(body_text: str) -> None:
    pairs = AMOUNT_IN_WORDS.findall(body_text)
    assert len(pairs) >= 16  # fifteen task amounts in section IV and section V's total
    for figures, words in pairs:
        reading = read_words(words)
        assert not reading.errors and reading.value == parse_number(figures), (figures, words)


@pytest.fixture(scope="module")
def appendix(built: docx.document.Document) -> tuple[list, list[list[str]]]:
    """The budget model's rows (for who is whose child) and the printed rows of the DOCX table."""
    resolution = resolve_folder(CONTENT / SAMPLE)
    assert resolution.errors == [] and resolution.document is not None
    (table,) = [b.table for b in resolution.document.blocks if isinstance(b, BudgetTable)]
    (printed,) = [t for t in built.tables if "NỘI DUNG" in t.rows[0].cells[1].text]
    rows = [[normal(c.text) for c in r.cells] for r in printed.rows]
    numbers = next(i for i, r in enumerate(rows) if r[:3] == ["A", "B", "(1)=(2)+(3)"])
    return table, rows[numbers + 1 :]


def value(text: str) -> Decimal:
    return parse_number(text) if text else Decimal(0)


def test_appendix_prints_every_row_in_the_editors_order(appendix: tuple) -> None:
    table, rows = appendix
    assert len(rows) == len(table.rows)
    for model, printed in zip(table.rows, rows, strict=True):
        assert printed[0] == model.code
        assert printed[1] == normal(model.name)


def test_appendix_parents_equal_the_sum_of_their_children(appendix: tuple) -> None:
    table, rows = appendix
    index = {id(row): n for n, row in enumerate(table.rows)}
    parents = [row for row in table.rows if row.children]
    assert len(parents) > 20
    for parent in parents:
        for column in range(2, 8):
            children = sum(value(rows[index[id(c)]][column]) for c in parent.children)
            assert value(rows[index[id(parent)]][column]) == children, (parent.name, column)


def test_appendix_column_1_is_2_plus_3_on_every_row(appendix: tuple) -> None:
    _, rows = appendix
    for row in rows:
        assert value(row[2]) == value(row[3]) + value(row[4]), row[:2]


def test_grand_total_reads_the_same_in_section_v_and_the_appendix(
    appendix: tuple, body_text: str
) -> None:
    _, rows = appendix
    total = value(rows[0][5]) * 1_000_000
    section_v = re.search(r"tổng kinh phí: ([\d.]+) đồng", body_text)
    assert section_v and parse_number(section_v.group(1)) == total == Decimal(11_170_000_000)


def test_the_partly_itemised_2026_allocation_shows_its_gap(appendix: tuple) -> None:
    _, rows = appendix
    total, gap = rows[0], rows[1]
    assert [value(c) for c in total[2:5]] == [390, 73, 317]
    assert "chưa chi tiết" in gap[1]
    assert [value(c) for c in gap[2:5]] == [330, 73, 257]


# The appendix rows the build adds, each explained in the reconciliation note.
ADDED_ROWS = [
    "Kinh phí năm 2026 chưa chi tiết theo nội dung chi",
    "Xét công nhận, hỗ trợ sáng kiến, cải tiến kỹ thuật",
]


def received_rows() -> list[tuple[str, str]]:
    """(TT, NỘI DUNG) of each received appendix row, in order, with the noted corrections."""
    text = SEED.read_text(encoding="utf-8")
    rows: list[tuple[str, str]] = []
    for line in text[text.index("A\tB\t(1)") :].splitlines()[1:]:
        if not line.strip():
            continue
        cells = line.split("\t")
        code, name = cells[0].strip(), normal(cells[1]) if len(cells) > 1 else ""
        if code.startswith("e("):  # "e(các nội dung …)" typed into the TT cell
            code, name = "e", normal(code[2:].rstrip(")"))
            name = name[0].upper() + name[1:]
        if not code and rows and rows[-1][1].endswith(","):  # one row split by a page break
            rows[-1] = (rows[-1][0], f"{rows[-1][1]} {name}")
            continue
        rows.append((code, name))
    return [(code, corrected(name)) for code, name in rows]


def test_appendix_has_every_received_row_and_only_the_noted_additions(appendix: tuple) -> None:
    _, rows = appendix
    printed = [(row[0], row[1]) for row in rows if row[1] not in ADDED_ROWS]
    assert len(rows) - len(printed) == len(ADDED_ROWS)
    assert printed == received_rows()
    note = normal(NOTE.read_text(encoding="utf-8"))
    assert all(name in note for name in ADDED_ROWS)
