"""`baocao deps`: which documents cite another document's amounts, as rules for make.

A document citing `{{ tien("ke-hoach-2027:pl.camera") }}` prints the kế hoạch's figures, so
`make report` must rebuild it when the kế hoạch changes. The Makefile includes the rules written
here (`output/.deps.mk`) and rewrites them when a document is added, removed or edited. Finding
the names is a cheap scan of each document's numbered parts for the string constants inside
`{{ … }}` that have a document name before a colon — no parse, no resolve: a name found in
excess only costs a rebuild. Cited documents count at any depth (a document that the cited one
cites can make it fail), and only folder names that follow the id rule are written, so the rules
never hold a space or a path.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from pipeline.errors import Problem
from pipeline.parse.document import document_parts, read_text
from pipeline.parse.syntax import CITATION, ID
from pipeline.resolve.citations import QUOTES

FILE = ".deps.mk"  # in the output folder, beside the DOCX files
STRING = re.compile(r"\"([^\"]*)\"|'([^']*)'")


def cited_names(folder: Path) -> set[str]:
    """The document names that a document's citations put before a colon ("ke-hoach:pl.x")."""
    names: set[str] = set()
    for path in document_parts(folder):
        text = read_text(path)
        if isinstance(text, Problem):
            continue
        for citation in CITATION.finditer(text):
            for string in STRING.finditer(citation.group(1).translate(QUOTES)):
                name, colon, _ = (string.group(1) or string.group(2) or "").partition(":")
                if colon and ID.fullmatch(name.strip()):
                    names.add(name.strip())
    return names


def dependencies(content: Path) -> dict[str, list[str]]:
    """Each document that cites others → every document it rests on, at any depth, by name."""
    folders = {
        p.name: p
        for p in sorted(content.iterdir())
        if p.is_dir() and ID.fullmatch(p.name) and document_parts(p)
    }
    direct = {name: cited_names(folder) & folders.keys() for name, folder in folders.items()}
    found: dict[str, list[str]] = {}
    for name in folders:
        reached: set[str] = set()
        waiting = list(direct[name])
        while waiting:
            other = waiting.pop()
            if other not in reached:
                reached.add(other)
                waiting.extend(direct[other])
        reached.discard(name)
        if reached:
            found[name] = sorted(reached)
    return found


def make_rules(dependencies: dict[str, list[str]]) -> str:
    """Make rules in the Makefile's own variables: a document's DOCX depends on every cited
    document's folder and numbered parts (the folder for parts added or removed), and on the
    content folder (for a cited document removed, or a missing one created)."""
    lines = [
        "# Viết bởi baocao deps (make report tự viết lại): văn bản trích số tiền của văn bản khác",
        "# được dựng lại khi văn bản đó thay đổi.",
    ]
    for name, cited in dependencies.items():
        # The outer wildcard drops the pieces of a file name with a space, which make cannot use.
        parts = (f"$(wildcard $(wildcard $(CONTENT)/{c}/[0-9]*.md))" for c in cited)
        sources = " ".join(f"$(CONTENT)/{c} {p}" for c, p in zip(cited, parts, strict=True))
        lines.append(f"$(OUT)/{name}.docx: $(CONTENT) {sources}")
    return "\n".join(lines) + "\n"


def write_rules(content: Path, output: Path) -> Path:
    """`output/.deps.mk` for the documents of `content`, replaced whole (never half written)."""
    target = output / FILE
    partial = output / f".{FILE}.{os.getpid()}.partial"
    try:
        partial.write_text(make_rules(dependencies(content)), encoding="utf-8")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target
