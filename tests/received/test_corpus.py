"""Precision measured on a corpus of received documents of our own making (tests/received/
corpus/): several kinds (báo cáo, kế hoạch, quyết định, nghị quyết, tờ trình), sums laid out
both ways (a head and its numbered or bulleted items; a total and its items in the following
paragraphs), tables of each format (pipe, tab-separated, merged cells), regional number words.
corpus/expected.yaml lists, for each document, what a careful reader finds in it.

- `soat` reports every expected finding at its line and column, and nothing else;
- the DOCX LibreOffice makes of each document gives the same findings at the same places
  (the paragraph or table row with the same words);
- `nhap` of that DOCX (and of the file itself), then `check`, reports them again, each at the
  line of content/ that holds its amount: soat's own findings about the prose (BC701–BC705) as
  the relations nhap writes for them (BC409), the others with their codes. Three codes of check
  are left out there, as they are about the content nhap writes, not about the document: BC610,
  the "…" of the front matter left for the editor to fill, BC506, check's advice to cite an
  amount by its id rather than type it again, and BC508, its warning that a typed amount has no
  citation, id or table behind it (an imported document's amounts are all typed).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml
from corpus_docx import libreoffice_docx

from baocao import codes
from baocao.build import check_document
from baocao.problems import Problem
from baocao.received.nhap.folder import import_docx
from baocao.received.read.blocks import Received
from baocao.received.read.files import read_received
from baocao.received.soat.check import check_received

CORPUS = Path(__file__).parent / "corpus"
EXPECTED: dict[str, list[dict[str, object]]] = yaml.safe_load(
    (CORPUS / "expected.yaml").read_text(encoding="utf-8")
)
NAMES = sorted(EXPECTED)
SOAT_OWN = {codes.LIST_SUM, codes.LIST_PART_OVER, codes.STATED_TOTAL}
SOAT_OWN |= {codes.ITEM_TWO_AMOUNTS, codes.ITEM_ROW_AMOUNT}
NOT_THE_DOCUMENT_S = {codes.PLACEHOLDER.code, codes.RETYPED_AMOUNT.code}
NOT_THE_DOCUMENT_S |= {codes.UNACCOUNTED_AMOUNT.code}


def expected(name: str) -> list[tuple[str, int, int]]:
    """(code, line, column) of each finding expected in a document, in order."""
    lines = (CORPUS / name).read_text(encoding="utf-8").split("\n")
    out = []
    for finding in EXPECTED[name]:
        line, at = int(str(finding["line"])), str(finding["at"])
        text, column = lines[line - 1], -1
        for _ in range(int(str(finding.get("nth", 1)))):
            column = text.index(at, column + 1)
        out.append((str(finding["code"]), line, column + 1))
    return sorted(out, key=lambda f: (f[1], f[2], f[0]))


def found(problems: list[Problem]) -> list[tuple[str, int, int]]:
    return sorted(
        ((p.code.code, p.position.line, p.position.column) for p in problems),
        key=lambda f: (f[1], f[2], f[0]),
    )


@cache
def docx_of(name: str, folder: Path) -> Path:
    return libreoffice_docx(CORPUS / name, folder / Path(name).stem)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("corpus-docx")


def test_the_corpus_has_every_kind_of_finding_and_both_formats() -> None:
    kinds = {str(f["code"]) for findings in EXPECTED.values() for f in findings}
    assert {c.code for c in SOAT_OWN} <= kinds
    assert {codes.WORDS_MISMATCH.code, codes.PARENT_SUM.code, codes.FORMULA_MISMATCH.code} <= kinds
    assert {Path(name).suffix for name in NAMES} == {".txt", ".md"}
    assert all((CORPUS / name).is_file() for name in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_soat_reports_what_is_expected_and_nothing_else(name: str) -> None:
    received = read_received(CORPUS / name)
    assert found(check_received(received).problems) == expected(name)


def places(received: Received, problems: list[Problem]) -> list[tuple[str, str]]:
    """(code, the first words of its place) of each problem: the same in a text file and in a
    DOCX of it, where the place is a line in one and a paragraph or table row in the other."""
    return sorted((p.code.code, received.first_words(p.position.line)) for p in problems)


@pytest.mark.parametrize("name", NAMES)
def test_the_docx_libreoffice_makes_gives_the_same_findings(name: str, made: Path) -> None:
    text = read_received(CORPUS / name)
    docx = read_received(docx_of(name, made))
    assert docx.kind == "docx"
    from_text = check_received(text).problems
    from_docx = check_received(docx).problems
    assert places(docx, from_docx) == places(text, from_text)
    assert all(docx.place(p.position.line).startswith(("đoạn", "bảng")) for p in from_docx)


@pytest.mark.parametrize("given", ["docx", "as-is"])
@pytest.mark.parametrize("name", NAMES)
def test_nhap_then_check_reports_them_again(
    name: str, given: str, made: Path, tmp_path: Path
) -> None:
    """nhap of the DOCX LibreOffice makes, and of the file as it is (text, Markdown)."""
    source = docx_of(name, made) if given == "docx" else CORPUS / name
    folder = import_docx(source, tmp_path / "content", Path(name).stem)
    problems = [p for p in check_document(folder) if p.code.code not in NOT_THE_DOCUMENT_S]
    got = []
    for problem in problems:
        line = problem.position.path.read_text(encoding="utf-8").split("\n")[
            problem.position.line - 1
        ]
        got.append((problem.code.code, line))
    wanted = []
    for finding in EXPECTED[name]:
        code = str(finding["code"])
        mapped = codes.RELATION_MISMATCH.code if code in {c.code for c in SOAT_OWN} else code
        wanted.append((mapped, str(finding["at"])))
    assert len(got) == len(wanted), got
    for code, at in wanted:
        matching = [g for g in got if g[0] == code and at in g[1]]
        assert matching, (code, at, got)
        got.remove(matching[0])
