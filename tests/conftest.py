"""Shared fixtures: the repository's paths, throw-away copies of content, and the sample report
built once per session (as DOCX, and as PDF where LibreOffice is installed).

The tests never read the repository's content/: it is the editors' data, and holds whatever
documents they write. The sample report the tests read is a fixture, tests/fixtures/content/."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx.document import Document as DocxDocument

import docx
from baocao.build import build_document
from baocao.docx.pandoc import Pandoc, find_pandoc
from office import to_pdf

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "tests" / "fixtures" / "content"  # a content folder holding only the sample
SAMPLE = "bao-cao-khcn-2027"  # the sample report: the commune's 2026 KH, CN, ĐMST & CĐS report
KINDS = ROOT / "tests" / "fixtures" / "kinds"  # a real-length example of every kind
KIND_NAMES = sorted(p.name for p in KINDS.iterdir() if p.is_dir())


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A copy of the fixture content folder (the sample alone), for a test to change and break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A copy of the sample report's folder, to change and build."""
    target = tmp_path / "content" / SAMPLE
    shutil.copytree(CONTENT / SAMPLE, target)
    return target


@pytest.fixture(scope="session")
def pandoc(tmp_path_factory: pytest.TempPathFactory) -> Pandoc:
    """The bundled pandoc, asked for its versions once."""
    return find_pandoc(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def sample_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample report built end to end, once for the whole session."""
    return build_document(CONTENT / SAMPLE, tmp_path_factory.mktemp("sample")).target


@pytest.fixture(scope="session")
def kinds_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The kinds' examples in a throw-away content folder (they cite the kế hoạch's amounts, so
    they travel together)."""
    target = tmp_path_factory.mktemp("kinds") / "content"
    shutil.copytree(KINDS, target)
    return target


@pytest.fixture(scope="session")
def kinds_built(kinds_content: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every kind's example built once for the whole session, name → DOCX."""
    output = tmp_path_factory.mktemp("kinds-output")
    return {name: build_document(kinds_content / name, output).target for name in KIND_NAMES}


@pytest.fixture(scope="session")
def sample_document(sample_docx: Path) -> DocxDocument:
    """The built sample opened with python-docx; tests read it and must not change it."""
    return docx.Document(str(sample_docx))


@pytest.fixture(scope="session")
def sample_pdf(sample_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built sample rendered to PDF by LibreOffice, once; skipped, with the reason, where
    LibreOffice or poppler is not installed (.ci/run installs them)."""
    (pdf,) = to_pdf([sample_docx], tmp_path_factory.mktemp("pdf"), timeout=180)
    return pdf


needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make(*args: str) -> subprocess.CompletedProcess[str]:
    """The project's Makefile run with `args`, its output captured (make's own words included)."""
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def git(repo: Path, *args: str) -> str:
    """Run git in `repo` as a throw-away author; git's own message fails the test on an error."""
    result = subprocess.run(
        ["git", "-c", "user.name=Biên tập", "-c", "user.email=bt@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout
