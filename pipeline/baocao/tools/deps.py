"""`baocao deps`: what each document's DOCX rests on, as rules for make (`make report`).

A document's DOCX changes when one of its numbered parts changes; when a part is added, removed
or renamed (or turns into a link, which parse refuses); and, when it cites another document's
amounts (`{{ tien("ke-hoach-2027:pl.camera") }}`), when that document changes in the same ways,
appears or disappears, at any depth. The Makefile includes the rules written here,
`output/.deps.mk`, and has them rewritten whenever a folder of `content/` or a part changes:

- `DOCS`, the documents make builds;
- for each, a rule: its DOCX depends on its manifest, `output/.parts/<document>`, and on the
  parts of itself and of the documents it cites, each name escaped for make (a space is fine);
- the manifest lists those parts' names, what each is, and each cited document's state; it is
  rewritten only when that list changes, so a part removed or renamed rebuilds the document,
  and a note added (or an editor's swap file) does not;
- each part listed is also a target without recipe, so a part removed never stops make;
- a folder or part name make cannot carry (a space or a quote in a folder name, “;”, “=”, “%”
  or “\\” in a part name) is refused: `make report` prints why, one line each at the folder or
  the file, and fails once it has built the others.

The cited names are those parse reads in each document's citations (and declared sums,
`{#tong = ke-hoach:kp.tong}`) before a colon — parse's Markdown only, no front matter, no
resolve: a citation written wrong is not read, and its document fails to build until it is
fixed, which changes a part and so rewrites these rules. Notes are never read.
"""

from __future__ import annotations

import os
import shlex
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from baocao import codes
from baocao.parse.blocks import (
    Citation,
    DeclaredTable,
    Emphasis,
    Inline,
    PlainTable,
    Strong,
    Tag,
)
from baocao.parse.document import (
    document_folders,
    document_parts,
    linked_folder,
    read_text,
)
from baocao.parse.markdown import parse_blocks
from baocao.parse.syntax import ID, suggested_name
from baocao.problems import Position, Problem

FILE = ".deps.mk"  # in the output folder, beside the DOCX files
MANIFESTS = ".parts"  # in the output folder: one manifest per document
REFUSED = "baocao-refused"  # the make target that prints the refusals
FOLDER_CHARACTERS = "_.+,@-"  # besides letters and digits, in a folder name make builds
PART_REFUSED = ";=%\\"  # in a part name: no escape makes make read them
MAKE_ESCAPED = " \t#:|*?["  # in a part name: escaped with a backslash


def cited_names(folder: Path) -> set[str]:
    """The documents that a document's citations and declared sums name ("ke-hoach:pl.x"), as
    parse reads its parts' Markdown. The front matter is not read (its text is never run: a
    brace there at most names a document in excess), nor a part without a brace, which holds no
    citation and no tag."""
    names: set[str] = set()
    for path in document_parts(folder):
        text = read_text(path)
        if isinstance(text, Problem) or "{" not in text:
            continue
        blocks, _ = parse_blocks(path, text)
        for block in blocks:
            if isinstance(block, PlainTable):
                for row in (block.header, *block.rows):
                    for cell in row:
                        names |= _named(cell.inlines)
            elif not isinstance(block, DeclaredTable):  # a budget table's cells cite nothing
                names |= _named(block.inlines)
    return names


def _named(inlines: tuple[Inline, ...]) -> set[str]:
    """The document names before a colon in the ids of these inlines' citations and tags."""
    names: set[str] = set()
    for inline in inlines:
        match inline:
            case Citation(ids=ids) | Tag(terms=ids):
                names.update(cited.document for cited in ids if cited.document)
            case Strong(children) | Emphasis(children):
                names |= _named(children)
    return names


def _citable(content: Path) -> dict[str, Path]:
    """The documents of a content folder that a citation can name."""
    return {p.name: p for p in document_folders(content) if ID.fullmatch(p.name)}


def _reached(content: Path) -> dict[str, list[str]]:
    """Each document → every name it cites at any depth, whether that document exists or not."""
    folders = _citable(content)
    direct = {p.name: cited_names(p) for p in document_folders(content)}
    found: dict[str, list[str]] = {}
    for name, names in direct.items():
        reached: set[str] = set()
        waiting = list(names)
        while waiting:
            other = waiting.pop()
            if other not in reached:
                reached.add(other)
                if other in folders:
                    waiting.extend(direct[other])
        reached.discard(name)
        found[name] = sorted(reached)
    return found


def folder_refusal(folder: Path) -> Problem | None:
    """Why make cannot build a document under its folder's name, if it cannot: a name make and
    the shell would split or read (a space, a quote, “$”, “:”…)."""
    name = folder.name
    if all(c.isalnum() or c in FOLDER_CHARACTERS or _mark(c) for c in name) and name[0] != "-":
        return None
    hint = suggested_name(name) or "bao-cao"
    return Problem(
        codes.MAKE_FOLDER_NAME,
        Position(folder, 1),
        f"make report không dựng được văn bản có tên thư mục “{_shown(name)}”: tên thư mục chỉ "
        f"gồm chữ, chữ số và dấu “-”; hãy đổi tên, ví dụ “{hint}” (hoặc dựng riêng bằng baocao "
        "build)",
    )


def part_refusal(path: Path) -> Problem | None:
    """Why make cannot track a part under its file name, if it cannot."""
    name = path.name
    if _nameable(name):
        return None
    return Problem(
        codes.MAKE_PART_NAME,
        Position(path, 1),
        f"make report không theo dõi được tệp có tên “{_shown(name)}”: tên tệp không được có "
        "dấu “;”, “=”, “%”, “\\” hay ký tự điều khiển; hãy đổi tên tệp",
    )


def _nameable(name: str) -> bool:
    """Whether make can read `name` in a rule, escaped by make_path."""
    return not any(c in PART_REFUSED or (not c.isprintable() and c != "\t") for c in name)


def _mark(character: str) -> bool:
    return unicodedata.category(character).startswith("M")  # a name typed decomposed (NFD)


def _shown(name: str) -> str:
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


def make_path(variable: str, *names: str) -> str:
    """`$(VARIABLE)/name/…` as make reads a target or prerequisite: a space, “#”, “:”, “|” and
    the wildcards behind a backslash, “$” doubled (names holding PART_REFUSED are refused)."""
    escaped = (
        "".join("$$" if c == "$" else f"\\{c}" if c in MAKE_ESCAPED else c for c in name)
        for name in names
    )
    return "/".join((f"$({variable})", *escaped))


def manifest(folder: Path, cited: Iterable[str]) -> str:
    """What a document's DOCX rests on besides its parts' bytes: the names of its parts and of
    the cited documents' parts, what each is, and each cited document's state."""

    def listing(folder: Path) -> list[str]:
        if linked_folder(folder):
            return ["  (liên kết, không được đọc)"]
        lines = []
        for path in document_parts(folder):
            kind = "" if path.is_file() and not path.is_symlink() else " (không phải tệp thường)"
            lines.append(f"  {_shown(path.name)}{kind}")
        return lines

    lines = [_shown(folder.name), *listing(folder)]
    for name in cited:
        other = folder.parent / name
        if linked_folder(other) or (other.is_dir() and document_parts(other)):
            lines += [f"trích {name}", *listing(other)]
        else:
            lines.append(f"trích {name}: không có")
    return "\n".join(lines) + "\n"


def make_rules(content: Path, reached: dict[str, list[str]] | None = None) -> str:
    """The rules for make, in the Makefile's own variables (see the module's documentation);
    `reached` is what `_reached` finds, when already known."""
    reached = _reached(content) if reached is None else reached
    watched: dict[str, list[Path]] = {}  # each document → the parts make can watch
    refusals: list[Problem] = []
    docs: list[str] = []  # the documents make builds
    for folder in document_folders(content):
        parts = [] if linked_folder(folder) else document_parts(folder)
        refused = [*filter(None, [folder_refusal(folder), *map(part_refusal, parts)])]
        watched[folder.name] = [p for p in parts if _regular(p) and part_refusal(p) is None]
        if refused:
            refusals.append(refused[0])
        else:
            docs.append(folder.name)
    lines = [
        "# Viết bởi baocao deps (make report tự viết lại): các văn bản, và những tệp mỗi văn bản",
        "# dựa vào — các phần của nó và của các văn bản nó trích số tiền.",
        f"DOCS := {' '.join(docs)}",
    ]
    every = [make_path("CONTENT", p.name) for p in _subfolders(content) if _nameable(p.name)]
    every += [make_path("CONTENT", n, p.name) for n in docs for p in watched[n]]
    lines.append(f"$(OUT)/{FILE}: {' '.join(every)}".rstrip())
    for name in docs:
        sources = [
            make_path("CONTENT", document, part.name)
            for document in (name, *reached.get(name, []))
            for part in watched.get(document, [])
        ]
        lines.append(f"$(OUT)/{name}.docx: $(OUT)/{MANIFESTS}/{name} {' '.join(sources)}")
    # Each folder and part a target without recipe: one removed or renamed leaves what rests on
    # it out of date, and never stops make.
    every += [make_path("CONTENT", n, p.name) for n in watched for p in watched[n]]
    lines += [f"{path}:" for path in dict.fromkeys(every)]
    if refusals:
        shown = " ".join(shlex.quote(_shown(str(p))).replace("$", "$$") for p in refusals)
        lines += [
            f".PHONY: {REFUSED}",
            f"report: {REFUSED}",
            f"{REFUSED}:",
            f"\t@printf '%s\\n' {shown} >&2; exit 1",
        ]
    return "\n".join(lines) + "\n"


def _subfolders(content: Path) -> list[Path]:
    try:
        return sorted(p for p in content.iterdir() if p.is_dir() and not p.is_symlink())
    except OSError:
        return []


def _regular(path: Path) -> bool:
    """A part make can watch: a regular file, not a link (make would follow it)."""
    return path.is_file() and not path.is_symlink()


def write_manifests(content: Path, output: Path, reached: dict[str, list[str]]) -> None:
    """`output/.parts/<document>` for each document, each rewritten only when it changes (its
    time is what make compares); those of documents gone are removed."""
    folder = output / MANIFESTS
    folder.mkdir(exist_ok=True)
    wanted = {p.name: manifest(p, reached.get(p.name, [])) for p in document_folders(content)}
    for name, text in wanted.items():
        target = folder / name
        try:
            if target.read_text(encoding="utf-8") == text:
                continue
        except (OSError, UnicodeDecodeError):
            pass
        _write(target, text)
    for stale in folder.iterdir():
        if stale.name not in wanted:
            stale.unlink(missing_ok=True)


def write_rules(content: Path, output: Path) -> Path:
    """`output/.deps.mk` and the manifests for the documents of `content`, each replaced whole
    (never half written)."""
    reached = _reached(content)
    write_manifests(content, output, reached)
    target = output / FILE
    _write(target, make_rules(content, reached))
    return target


def _write(target: Path, text: str) -> None:
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
