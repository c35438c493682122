"""The kinds of document, as data: which form lays each out and what it requires.

The definitions are templates/kinds.yaml; the front matter's `loai` picks one. Nothing else in the
code branches on a kind: the frame draws the kind's form (templates/frame.yaml), check reads its
requirements (baocao.resolve.forms). docs/nd30-rules.md, "Document kinds".
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from baocao.templates import TEMPLATES

KINDS = TEMPLATES / "kinds.yaml"
# How baocao reads its own templates (kinds.yaml, frame.yaml): trusted, well-formed files, which
# libyaml reads ten times faster than PyYAML's Python reader, to the same data. An editor's
# front matter is read by baocao.parse.frontyaml, strictly.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TO_RULES = ("required", "upward", "allowed", "never")


@dataclass(frozen=True)
class Kind:
    """One kind of document: its name, type code, form and what check requires of it."""

    name: str
    form: str
    mau: str
    code: str | None = None
    slug: str | None = None
    requires: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    articles: bool = False
    opening: str | None = None
    to: str = "allowed"
    attaches: bool = False
    attachable: bool = False

    @property
    def title(self) -> str:
        """The kind in running text: "QUYẾT ĐỊNH" → "Quyết định"."""
        lower = self.name.lower()
        return lower[:1].upper() + lower[1:]


@dataclass(frozen=True)
class Kinds:
    """Every kind defined, the definition of a kind not listed, and the issuers' abbreviations."""

    known: tuple[Kind, ...]
    other: dict[str, Any]
    issuers: dict[str, str]

    def by_name(self, name: str) -> Kind:
        """The kind `loai` names; a name not listed is a văn bản có tên loại (Mẫu 1.4)."""
        key = normal(name)
        for kind in self.known:
            if normal(kind.name) == key:
                return kind
        return _kind({**self.other, "name": " ".join(name.split())})

    def attached(self, heading: str) -> Kind | None:
        """The kind a heading names when it opens a document issued with a decision ("QUY CHẾ",
        Mẫu 1.3): a kind that is `attachable`, named exactly."""
        key = normal(heading)
        return next((k for k in self.known if k.attachable and normal(k.name) == key), None)

    @property
    def slugs(self) -> list[str]:
        return [k.slug for k in self.known if k.slug]

    @property
    def codes(self) -> set[str]:
        return {k.code for k in self.known if k.code}

    def issuer(self, agency: tuple[str, ...]) -> str:
        """The issuing agency's abbreviation: "ỦY BAN NHÂN DÂN" → "UBND"; else its initials."""
        first = normal(agency[0]) if agency else ""
        for name, code in self.issuers.items():
            if normal(name) == first:
                return code
        return "".join(_initial(word) for word in first.split())

    def symbol(self, kind: Kind, agencies: list[tuple[str, ...]]) -> str | None:
        """The default ký hiệu: "QĐ-UBND"; a công văn's is the agency's own "UBND"; a joint
        document's "NQLT-HĐND-UBND". None when the kind has no code and is not a công văn."""
        issuers = "-".join(self.issuer(agency) for agency in agencies)
        if kind.form == "letter":
            return issuers
        if kind.code is None:
            return None
        return f"{kind.code}{'LT' if len(agencies) > 1 else ''}-{issuers}"


def normal(text: str) -> str:
    """A name compared as the editor may type it: NFC, capitals, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).upper().split())


def _initial(word: str) -> str:
    """A word's first letter without its tone and vowel marks; "Đ" stays "Đ"."""
    first = word[:1]
    if first in "ĐĐ":
        return "Đ"
    return unicodedata.normalize("NFD", first)[:1]


def _kind(entry: dict[str, Any]) -> Kind:
    kind = Kind(
        name=str(entry["name"]),
        form=str(entry["form"]),
        mau=str(entry["mau"]),
        code=entry.get("code"),
        slug=entry.get("slug"),
        requires=tuple(entry.get("requires", ())),
        optional=tuple(entry.get("optional", ())),
        articles=bool(entry.get("articles", False)),
        opening=entry.get("opening"),
        to=str(entry.get("to", "allowed")),
        attaches=bool(entry.get("attaches", False)),
        attachable=bool(entry.get("attachable", False)),
    )
    assert kind.to in TO_RULES, f"{KINDS.name}: {kind.name}: to must be one of {TO_RULES}"
    return kind


@functools.cache
def kinds(path: Path = KINDS) -> Kinds:
    """The kinds' definitions, read once per process."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=SAFE_LOADER)
    return Kinds(
        tuple(_kind(entry) for entry in data["kinds"]),
        dict(data["other"]),
        {str(k): str(v) for k, v in data["issuers"].items()},
    )
