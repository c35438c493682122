"""make bench (baocao.tools.bench): what it times pandoc alone on is the same document the
build converts, and the documents it generates are real ones."""

from __future__ import annotations

import statistics
import subprocess
import zipfile
from pathlib import Path

import pytest

from baocao.build import check_document, ready_document
from baocao.docx.pandoc import Pandoc, as_json, docx_arguments, to_markdown
from baocao.docx.styles import style_doc
from baocao.render.document import render_document
from baocao.tools.bench import (
    LARGE_ROWS,
    SMALL_ROWS,
    Timing,
    big_document,
    generated_table,
    growth_ratio,
    paired_ratio,
)
from pandoc_page import formatted_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DOCUMENTS = sorted(
    folder
    for fixture in ("content", "kinds", "shapes")
    for folder in (FIXTURES / fixture).iterdir()
    if folder.is_dir()
)


@pytest.mark.parametrize("folder", DOCUMENTS, ids=lambda folder: folder.name)
def test_pandoc_alone_on_render_markdown_writes_the_document_the_build_converts(
    folder: Path, pandoc: Pandoc, tmp_path: Path
) -> None:
    """The bench's measure, pandoc alone on `baocao render`'s Markdown, converts the same
    document as pandoc on the JSON a build hands it: every paragraph, its style and its
    formatted text."""
    document, _ = ready_document(folder)
    page = render_document(document)
    styles = style_doc(tmp_path / "cache", pandoc)
    written = []
    for source, given in (
        ("json", as_json(page, pandoc)),
        ("markdown", to_markdown(page, pandoc).encode()),
    ):
        target = tmp_path / f"{source}.docx"
        arguments = docx_arguments(styles, target, source)
        subprocess.run([*pandoc.command, *arguments], input=given, check=True, timeout=120)
        written.append(formatted_text(zipfile.ZipFile(target).read("word/document.xml")))
    assert len(written[0]) > 10
    assert written[0] == written[1]


def test_a_generated_table_has_the_rows_asked_and_no_problem(tmp_path: Path) -> None:
    table = generated_table(SMALL_ROWS)
    rows = [line for line in table.splitlines() if line.startswith("|")]
    assert len(rows) - 4 == SMALL_ROWS  # under three header rows and the line below them
    folder = big_document(tmp_path, SMALL_ROWS)
    assert [p for p in check_document(folder) if not p.warning and not p.draft] == []


def runs(*cpus: float) -> Timing:
    return Timing(walls=(0.0,) * len(cpus), cpus=cpus)


def test_the_growth_ratio_is_taken_round_by_round() -> None:
    """Builds are compared within their round: a slow spell that starts in the middle of a
    round does not read as growth, as it would comparing each build's median (the 10.000-row
    build's median slow, the 2.000-row build's fast)."""
    per_row, base = 0.5e-3, 0.2  # seconds: linear at every size

    def cost(rows: int, speed: float, past: float = 1.0) -> float:
        """A build's CPU: rows past SMALL_ROWS costing `past` times those up to it."""
        within = min(rows, SMALL_ROWS) * per_row
        return speed * (base + within + max(0, rows - SMALL_ROWS) * per_row * past)

    def timings(past: float) -> tuple[Timing, Timing, Timing]:
        speeds = [(1, 1, 1), (1, 1, 1), (1, 1, 1.6), (1.6, 1.6, 1.6), (1.6, 1.6, 1.6)]
        sizes = (0, SMALL_ROWS, LARGE_ROWS)
        rounds = [
            [cost(rows, speed, past) for rows, speed in zip(sizes, pace, strict=True)]
            for pace in speeds
        ]
        skeleton, small, large = (runs(*column) for column in zip(*rounds, strict=True))
        return skeleton, small, large

    assert growth_ratio(*timings(past=1.0)) == pytest.approx(1.0)
    assert growth_ratio(*timings(past=1.5)) == pytest.approx(1.5)
    skeleton, small, large = (  # what comparing medians would say: growth where there is none
        runs(statistics.median(t.cpus)) for t in timings(past=1.0)
    )
    assert growth_ratio(skeleton, small, large) > 1.25


def test_the_build_ratio_is_taken_in_each_pair() -> None:
    """A build costing three times pandoc is three times pandoc, however the machine's pace
    drifts from one round to the next; one round where the build alone fell in a slow spell
    does not move it."""
    paces = (1.0, 1.0, 1.6, 1.6, 1.6, 2.5, 2.5)
    pandoc = runs(*(0.07 * pace for pace in paces))
    build = runs(*(0.21 * pace for pace in paces))
    assert paired_ratio(build, pandoc) == pytest.approx(3.0)
    slowed = runs(*(cpu * (3 if n == 2 else 1) for n, cpu in enumerate(build.cpus)))
    assert paired_ratio(slowed, pandoc) == pytest.approx(3.0)
