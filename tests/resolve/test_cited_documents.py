"""Citations of another document's amounts, "ke-hoach:kp.camera", in resolve alone: resolve reads
no folder — the other document's registry comes from the lookup it is given (build gives one that
reads the content folder; tests/test_shared_amounts.py covers that, end to end)."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao import codes
from baocao.parse.document import parse_document
from baocao.problems import Problem
from baocao.resolve.citations import CitationProblem, Registry
from baocao.resolve.document import Resolution, resolve_document
from budget_documents import shown, write_document
from placed import placed
from shared_amounts import KE_HOACH


@pytest.fixture
def ke_hoach(tmp_path: Path) -> Registry:
    """The kế hoạch's amounts: kp.tong 450, kp.thiet-bi 400, kp.camera 300, kp.tap-huan 50
    (triệu đồng), and a prose amount nv-a of 5.000.000 đồng."""
    prose = "Việc A: **5.000.000 đồng**{#nv-a}.\n"
    resolution = resolve_document(parse_document(write_document(tmp_path, KE_HOACH, prose)))
    assert resolution.errors == []
    return resolution.registry


def resolve_citing(tmp_path: Path, prose: str, registry: Registry) -> Resolution:
    """A document citing `prose`, resolved with a lookup that knows one other document."""

    def lookup(name: str) -> Registry:
        if name == "ke-hoach":
            return registry
        raise CitationProblem(codes.DOCUMENT_NOT_FOUND, f"không có văn bản “{name}”")

    folder = write_document(tmp_path / "citing", prose, name="to-trinh")
    return resolve_document(parse_document(folder), lookup)


def texts_and_problems(
    resolution: Resolution, part: str = "01-phan.md"
) -> tuple[list[str], list[Problem]]:
    """The blocks of one part as the reader reads them, and every problem."""
    assert resolution.document is not None
    blocks = [b for b in resolution.document.blocks if b.position.path.name == part]
    return [shown(b) for b in blocks], list(resolution.problems)


def test_every_citation_function_takes_another_documents_id(
    tmp_path: Path, ke_hoach: Registry
) -> None:
    prose = (
        'A {{ tien("ke-hoach:kp.camera") }}; B {{ so("ke-hoach:kp.camera") }}; '
        'C {{ chu("ke-hoach:kp.tap-huan") }}.\n\n'
        'D {{ tien_chu("ke-hoach:kp.tong") }}.\n\n'
        'E {{ tien("ke-hoach:kp.camera", "ke-hoach:kp.tap-huan") }}; '
        'F {{ tien(“ke-hoach : kp.may-tinh”) }}; G {{ tien("ke-hoach:nv-*") }}.\n'
    )
    texts, problems = texts_and_problems(resolve_citing(tmp_path, prose, ke_hoach))
    assert problems == []
    assert texts == [
        "A 300.000.000 đồng; B 300; C Năm mươi triệu đồng.",
        "D **450.000.000 đồng** (Bốn trăm năm mươi triệu đồng).",
        "E 350.000.000 đồng; F 100.000.000 đồng; G 5.000.000 đồng.",
    ]


def test_an_amount_counted_twice_across_documents_is_refused(
    tmp_path: Path, ke_hoach: Registry
) -> None:
    prose = 'Tổng {{ tien("ke-hoach:kp.thiet-bi", "ke-hoach:kp.camera") }}.\n'
    _, problems = texts_and_problems(resolve_citing(tmp_path, prose, ke_hoach))
    (problem,) = problems
    assert "cộng cả hai là tính hai lần" in problem.message


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("ke-hoach:kp.camra", "BC411"),  # no such id there
        ("ke-hoach:nv-b*", "BC411"),
        ("khong-co:kp.tong", "BC418"),  # no such document
        ("../ke-hoach:kp.tong", "BC404"),  # no document name
        ("/tmp/ke-hoach:kp.tong", "BC404"),
        ("a/b:kp.tong", "BC404"),
        (":kp.tong", "BC404"),
    ],
)
def test_what_cannot_be_cited_is_a_problem_at_the_cited_id(
    tmp_path: Path, ke_hoach: Registry, key: str, code: str
) -> None:
    prose = f'Mở đầu.\n\nKinh phí {{{{ tien("{key}") }}}}.\n'
    _, problems = texts_and_problems(resolve_citing(tmp_path, prose, ke_hoach))
    assert placed(problems) == [("01-phan.md", 3, 19, code)]


def test_an_id_unknown_in_the_cited_document_is_told_its_closest_ids(
    tmp_path: Path, ke_hoach: Registry
) -> None:
    prose = 'Kinh phí {{ tien("ke-hoach:kp.camra") }}.\n'
    _, (problem,) = texts_and_problems(resolve_citing(tmp_path, prose, ke_hoach))
    assert "“ke-hoach:kp.camera”" in problem.message


def test_a_document_may_name_itself_and_without_a_lookup_only_itself(tmp_path: Path) -> None:
    prose = 'Tự trích {{ tien("thu:kp.camera") }}; trích khác {{ tien("ke-hoach:kp.tong") }}.\n'
    folder = write_document(tmp_path, KE_HOACH, prose)
    resolution = resolve_document(parse_document(folder))  # no lookup: read alone
    texts, problems = texts_and_problems(resolution, "02-phan.md")
    assert texts[0].startswith("Tự trích 300.000.000 đồng; trích khác {{")
    assert placed(problems) == [("02-phan.md", 1, 59, "BC418")]


# ---- figures retyped from a cited document ----


def retyped(problems: list[Problem]) -> list[tuple[int, int, str]]:
    """Where each retyped figure is, and the citation the warning suggests."""
    return [
        (p.position.line, p.position.column, p.message.split("hãy trích ")[1].split(" để")[0])
        for p in problems
        if p.code is codes.RETYPED_AMOUNT
    ]


def test_a_figure_retyped_from_a_cited_document_is_a_warning_with_its_citation(
    tmp_path: Path, ke_hoach: Registry
) -> None:
    prose = (
        'Dự toán {{ tien("ke-hoach:kp.tong") }}, trong đó camera 300.000.000 đồng\n'
        "và tập huấn 50 triệu đồng.\n"
    )
    resolution = resolve_citing(tmp_path, prose, ke_hoach)
    assert resolution.errors == []
    assert retyped(list(resolution.problems)) == [
        (1, 57, '{{ tien("ke-hoach:kp.camera") }}'),
        (2, 13, '{{ tien("ke-hoach:kp.tap-huan", "triệu") }}'),
    ]


def test_a_cited_figure_and_an_own_amount_are_never_reported_as_retyped_from_elsewhere(
    tmp_path: Path, ke_hoach: Registry
) -> None:
    prose = (
        'Camera {{ tien("ke-hoach:kp.camera") }}; đề xuất **300.000.000 đồng**{#de-xuat}; '
        "nhắc lại 300.000.000 đồng.\n"
    )
    problems = list(resolve_citing(tmp_path, prose, ke_hoach).problems)
    # the retyped figure equals an amount of this document too: cite that one, not the plan's
    assert [suggested for _, _, suggested in retyped(problems)] == ['{{ tien("de-xuat") }}']


def test_a_document_that_cites_nothing_elsewhere_is_not_compared_with_other_documents(
    tmp_path: Path, ke_hoach: Registry
) -> None:
    prose = "Camera 300.000.000 đồng.\n"
    assert retyped(list(resolve_citing(tmp_path, prose, ke_hoach).problems)) == []


def test_a_figure_retyped_in_a_plain_table_is_compared_with_the_cited_document(
    tmp_path: Path, ke_hoach: Registry
) -> None:
    prose = (
        'Tổng {{ tien("ke-hoach:kp.tong") }}.\n\n'
        "| Việc | Kinh phí |\n|---|---|\n| Camera | 300.000.000 đồng |\n"
    )
    found = retyped(list(resolve_citing(tmp_path, prose, ke_hoach).problems))
    assert found == [(5, 12, '{{ tien("ke-hoach:kp.camera") }}')]
