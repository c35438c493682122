"""Shared fixtures: the repository's paths, and a throw-away copy of a content folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
REFERENCE_DOCUMENT = "bao-cao-khcn-2027"


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A copy of content/ that a test may break without touching the real one."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target
