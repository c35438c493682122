"""Shared fixtures: the repository's paths, and a throw-away copy of a content folder."""

from __future__ import annotations

import shutil
import subprocess
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
