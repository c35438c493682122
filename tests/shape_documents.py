"""The real documents' shapes of tests/fixtures/shapes/ (issue 12), copied to build and to break:
an amount replaced once in a part, and the line it stood on, where check must report it."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT

SHAPES = ROOT / "tests" / "fixtures" / "shapes"
OPENING = "00-*.md"  # the document's opening part; a prose shape's only one


def shape_copy(tmp_path: Path, name: str) -> Path:
    """A copy of the shape's document folder in a content folder of its own, to change."""
    target = tmp_path / "content" / name
    shutil.copytree(SHAPES / name, target)
    return target


def _line(text: str, needle: str) -> int:
    """The 1-based line `needle` starts on in `text`."""
    return text[: text.index(needle)].count("\n") + 1


def line_in_part(folder: Path, needle: str, part: str = OPENING) -> int:
    """The 1-based line of the part holding `needle` (so tests do not hard-code line numbers)."""
    (path,) = folder.glob(part)
    return _line(path.read_text(encoding="utf-8"), needle)


def replace_in_part(folder: Path, old: str, new: str, part: str = OPENING) -> int:
    """`old`, which the part holds once, replaced by `new`; the line it was on."""
    (path,) = folder.glob(part)
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return _line(text, old)


def broken_shape(
    tmp_path: Path, name: str, old: str, new: str, part: str = OPENING
) -> tuple[Path, int]:
    """A copy of the shape with `old` replaced once by `new` in `part`: its folder, the line."""
    folder = shape_copy(tmp_path, name)
    return folder, replace_in_part(folder, old, new, part)
