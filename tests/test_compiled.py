"""Compiled code kept between runs (baocao.compiled): what is rebuilt from the cache is what
compiling gives, a cache of another Python or a damaged one is ignored, and the file is written
only when something was added."""

from __future__ import annotations

import dataclasses
import marshal
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from baocao import compiled
from conftest import ROOT

PATTERNS = [
    (r"(?P<whole>[0-9]{1,3}(?:\.[0-9]{3})*)(?:,(?P<fraction>[0-9]+))?", 0),
    (r"^\s*(tien_chu|tien|so|chu)\s*\(", re.MULTILINE),
    (r"[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]", 0),
    (r"ĐỒNG|đồng|(?i:triệu)", re.IGNORECASE),
    (r"""(?x) \{\{ (?P<inner> .*? ) \}\}  # a citation""", re.DOTALL),
    (r"(a)(b)?(?(2)c|d)", 0),
    (rb"\x00[\x80-\xff]+", 0),
    (r"(?<=\d)(?=(\d{3})+$)", re.ASCII),
]
TEXTS = ["10.960.000,5 đồng", "tien_chu(\n", "x\x07y", "TRIỆU Đồng", "{{ a }} {{b}}", "abc ad",
         "1234567", "  so(", "\U0001f600", ""]  # fmt: skip


@pytest.fixture
def kept(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    """A cache of its own, in a temporary file."""
    monkeypatch.setattr(compiled, "CACHE", str(tmp_path / "compiled.marshal"))
    fresh = compiled._Kept()
    monkeypatch.setattr(compiled, "_kept", fresh)
    return fresh


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_regex_from_the_kept_program_is_the_compiled_one(
    kept: Any, pattern: str | bytes, flags: int
) -> None:
    fresh = compiled._compile(pattern, flags)
    first = compiled._compile_kept(pattern, flags)  # compiled, and its program kept
    assert kept.get("re", (pattern, flags)) is not None
    again = compiled._compile_kept(pattern, flags)  # from the program kept
    for made in (first, again):
        assert (made.pattern, made.flags, made.groups) == (fresh.pattern, fresh.flags, fresh.groups)
        assert made.groupindex == fresh.groupindex
        for text in TEXTS:
            subject: Any = text.encode("utf-8", "replace") if isinstance(pattern, bytes) else text
            assert [m.span() for m in made.finditer(subject)] == [
                m.span() for m in fresh.finditer(subject)
            ]
            assert made.sub("<>", subject) == fresh.sub("<>", subject)


def test_a_kept_program_is_used_without_compiling(
    kept: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled._compile_kept(r"(x+)y", 0)

    def refused(pattern: Any, flags: int = 0) -> Any:
        raise AssertionError("compiled again")

    monkeypatch.setattr(compiled, "_compile", refused)
    assert compiled._compile_kept(r"(x+)y", 0).fullmatch("xxy") is not None


def test_a_program_that_is_not_this_pythons_is_compiled_anew(kept: Any) -> None:
    kept.put("re", ("(a)b", 0), (0, [1, 2, 3], 1, {}, (None, None)))  # not a valid program
    assert compiled._compile_kept("(a)b", 0).fullmatch("ab") is not None


def test_dataclass_methods_from_kept_code_are_the_compiled_ones(kept: Any) -> None:
    def made() -> Any:
        @dataclasses.dataclass(frozen=True, order=True)
        class Point:
            x: int
            y: int = 0
            tags: tuple[str, ...] = dataclasses.field(default=())

        return Point

    first = made()
    assert kept.table("code")  # the texts dataclasses compiled are kept
    second = made()  # built from the kept code
    for cls in (first, second):
        p = cls(1, 2)
        assert (p.x, p.y, p.tags) == (1, 2, ())
        assert cls(1) < cls(2) and cls(1, 2) == cls(1, 2) and hash(cls(3)) == hash(cls(3))
        assert repr(p).endswith("Point(x=1, y=2, tags=())")
        field = "x"
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(p, field, 5)
        assert dataclasses.replace(p, y=7).y == 7


def test_the_file_is_written_when_something_was_added_and_read_back(kept: Any) -> None:
    compiled.save()
    assert not Path(compiled.CACHE).exists()  # nothing added: nothing written
    compiled._compile_kept(r"q(\d)", 0)
    compiled.save()
    version, tables = marshal.loads(Path(compiled.CACHE).read_bytes())
    assert version == sys.version and ("q(\\d)", 0) in tables["re"]
    again = compiled._Kept()
    assert again.get("re", (r"q(\d)", 0)) == kept.get("re", (r"q(\d)", 0))


def test_what_the_code_no_longer_compiles_is_dropped_once_it_outgrows_what_is_used(
    kept: Any,
) -> None:
    stale = {(f"old({k})", 0): marshal.dumps(k) for k in range(10)}
    Path(compiled.CACHE).write_bytes(marshal.dumps((sys.version, {"code": {}, "re": stale})))
    compiled._compile_kept(r"new(\d)", 0)  # used, and added
    compiled.save()
    _, tables = marshal.loads(Path(compiled.CACHE).read_bytes())
    assert list(tables["re"]) == [(r"new(\d)", 0)]


@pytest.mark.parametrize(
    "stored",
    [b"", b"not marshal", marshal.dumps(("2.7.18", {"re": {}})), marshal.dumps([1, 2])],
    ids=["empty", "damaged", "another python", "another shape"],
)
def test_a_cache_of_another_python_or_damaged_is_ignored(kept: Any, stored: bytes) -> None:
    Path(compiled.CACHE).write_bytes(stored)
    assert compiled._compile_kept(r"(z)", 0).fullmatch("z") is not None
    compiled.save()
    version, _ = marshal.loads(Path(compiled.CACHE).read_bytes())
    assert version == sys.version  # replaced by this Python's


def test_the_quick_exit_keeps_the_output() -> None:
    """`baocao` ends without Python's shutdown (cli.run), its output flushed first."""
    done = subprocess.run(
        [sys.executable, "-m", "baocao", "words", "5", "1.005.000"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (0, "năm\nmột triệu không trăm linh năm nghìn\n")
